//! What every chart shares: sizes scaled for the screen's pixel ratio, the caption, the
//! "No claims match" frame, and label shortening.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Theme;
use crate::i18n::Lang;

/// Base sizes in CSS pixels, multiplied by the scale.
pub(super) const TITLE: f64 = 17.0;
pub(super) const LABEL: f64 = 12.0;
pub(super) const MARGIN: f64 = 12.0;

/// Coordinate units per category (row, column, quarter). Categories are integer ranges with
/// labels at their middle: plotters formats key points only on integer axes.
pub(super) const ROW: u32 = 10;

/// A theme and a scale: fonts, lengths and line styles for one drawing.
#[derive(Clone, Copy)]
pub(super) struct Ink<'t> {
    pub theme: &'t Theme,
    pub scale: f64,
    /// The language of the chart's text.
    pub lang: Lang,
}

impl<'t> Ink<'t> {
    /// A sans-serif font of `size` CSS pixels in the text colour.
    pub fn font(&self, size: f64) -> TextStyle<'static> {
        self.font_in(size, self.theme.text)
    }

    /// A sans-serif font of `size` CSS pixels in `colour`.
    pub fn font_in(&self, size: f64, colour: RGBColor) -> TextStyle<'static> {
        ("sans-serif", size * self.scale).into_font().color(&colour)
    }

    /// A length of `v` CSS pixels in device pixels.
    pub fn px(&self, v: f64) -> u32 {
        (v * self.scale).round().max(0.0) as u32
    }

    /// A line of `colour`, one CSS pixel wide (at least one device pixel).
    pub fn line(&self, colour: RGBColor) -> ShapeStyle {
        colour.stroke_width(self.px(1.0).max(1))
    }

    /// The message `key` of the charts' catalogue section (`chart.…`) in the chart's language.
    pub fn text(&self, key: &str) -> String {
        self.lang.text(&format!("chart.{key}")).into_owned()
    }

    /// The approximate width of one character of a label, in device pixels.
    pub fn char_width(&self) -> f64 {
        LABEL * 0.6 * self.scale
    }
}

/// Fills the background and draws the caption and a centred message instead of a chart.
pub(super) fn draw_message<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    title: &str,
    message: &str,
    ink: Ink,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&ink.theme.background)?;
    let body = root.titled(title, ink.font(TITLE))?;
    let (w, h) = body.dim_in_pixel();
    let centred = ink.font(14.0).pos(Pos::new(HPos::Center, VPos::Center));
    body.draw(&Text::new(message.to_string(), (w as i32 / 2, h as i32 / 2), centred))?;
    root.present()
}

/// `text` cut to at most `max` characters, ending in "…" when cut.
pub(super) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

/// Width of a category label area holding `labels`, capped at `cap` of the drawing's width,
/// and the number of characters a label may keep to fit it.
pub(super) fn label_area(labels: &[String], width: u32, cap: f64, ink: Ink) -> (u32, usize) {
    let desc = LABEL * 1.8 * ink.scale;
    let pad = 10.0 * ink.scale + desc;
    let max_width = f64::from(width) * cap;
    let max_chars = (((max_width - pad) / ink.char_width()).floor() as usize).max(4);
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0).min(max_chars);
    ((longest as f64 * ink.char_width() + pad).ceil() as u32, max_chars)
}

/// Draws `entries` (name, swatch colour) in a band along the bottom of `root`, left to right,
/// wrapping to more lines when they do not fit; returns the area above the band, where the
/// chart goes. With no entries it returns `root` itself.
pub(super) fn legend_band<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    entries: &[(String, RGBColor)],
    ink: Ink,
) -> Result<DrawingArea<DB, Shift>, DrawingAreaErrorKind<DB::ErrorType>> {
    if entries.is_empty() {
        return Ok(root.clone());
    }
    let (width, height) = root.dim_in_pixel();
    let margin = MARGIN * ink.scale;
    let (swatch, line) = (10.0 * ink.scale, LABEL * 1.7 * ink.scale);
    let item_width =
        |name: &str| swatch + 6.0 * ink.scale + name.chars().count() as f64 * ink.char_width() + 16.0 * ink.scale;
    // Place every entry: (x, line number).
    let mut places = Vec::with_capacity(entries.len());
    let (mut x, mut lines) = (margin, 0usize);
    for (name, _) in entries {
        let w = item_width(name);
        if x > margin && x + w > f64::from(width) - margin {
            (x, lines) = (margin, lines + 1);
        }
        places.push((x, lines));
        x += w;
    }
    let band = ((lines + 1) as f64 * line + margin / 2.0).ceil() as u32;
    let (chart, legend) = root.split_vertically(height.saturating_sub(band));
    let style = ink.font(LABEL).pos(Pos::new(HPos::Left, VPos::Center));
    for ((name, colour), (x, l)) in entries.iter().zip(places) {
        let y = (l as f64 * line + line / 2.0) as i32;
        let (x, s) = (x as i32, (swatch / 2.0) as i32);
        legend.draw(&Rectangle::new([(x, y - s), (x + 2 * s, y + s)], colour.filled()))?;
        legend.draw(&Text::new(name.clone(), (x + 2 * s + (6.0 * ink.scale) as i32, y), style.clone()))?;
    }
    Ok(chart)
}
