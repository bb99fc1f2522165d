//! Horizontal bars, one row per category, stacked from one or more series, with the total at
//! the end of each bar ("0" for an empty row): the drawing behind the stances, sectors, vectors and response-lag
//! charts.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{label_area, legend_band, shorten, Ink, LABEL, MARGIN, ROW, TITLE};

/// One stacked series: its legend name (none for a single series) and a value per row.
pub(super) struct BarSeries {
    pub name: Option<String>,
    pub colour: RGBColor,
    pub values: Vec<u32>,
}

/// A horizontal bar chart: categories top to bottom, values along x.
pub(super) struct Bars {
    pub title: String,
    pub value_desc: String,
    pub category_desc: String,
    pub labels: Vec<String>,
    pub series: Vec<BarSeries>,
}

/// Draws `bars` filling `root`.
pub(super) fn draw_bars<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    bars: &Bars,
    ink: Ink,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let theme = ink.theme;
    root.fill(&theme.background)?;
    let legend: Vec<(String, RGBColor)> =
        bars.series.iter().filter_map(|s| Some((s.name.clone()?, s.colour))).collect();
    let root = &legend_band(root, &legend, ink)?;
    let n = bars.labels.len() as u32;
    let totals: Vec<u32> = (0..n as usize).map(|r| bars.series.iter().map(|s| s.values[r]).sum()).collect();
    let max = totals.iter().copied().max().unwrap_or(0).max(1);
    let (area, max_chars) = label_area(&bars.labels, root.dim_in_pixel().0, 0.42, ink);
    let labels: Vec<String> = bars.labels.iter().map(|l| shorten(l, max_chars)).collect();
    // Row i (from the bottom) spans [i·ROW, (i+1)·ROW); its label sits at the middle.
    let rows: Vec<u32> = (0..n).map(|i| i * ROW + ROW / 2).collect();

    let mut chart = ChartBuilder::on(root)
        .caption(&bars.title, ink.font(TITLE))
        .margin(ink.px(MARGIN))
        .x_label_area_size(ink.px(40.0))
        .y_label_area_size(area)
        .build_cartesian_2d(0u32..max + max / 6 + 1, (0..n * ROW).with_key_points(rows))?;
    let row_label = |v: &u32| labels.get((n - 1).saturating_sub(v / ROW) as usize).cloned().unwrap_or_default();
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(ink.line(theme.grid))
        .axis_style(ink.line(theme.text))
        .set_all_tick_mark_size(ink.px(4.0))
        .x_labels(5)
        .y_label_formatter(&row_label)
        .x_desc(&bars.value_desc)
        .y_desc(&bars.category_desc)
        .label_style(ink.font(LABEL))
        .axis_desc_style(ink.font(LABEL))
        .draw()?;

    // Bars at most 28 CSS pixels thick, at least 3 pixels apart.
    let row_px = f64::from(chart.plotting_area().dim_in_pixel().1) / f64::from(n.max(1));
    let gap = ((row_px - 28.0 * ink.scale) / 2.0).max(3.0 * ink.scale).round() as u32;
    for (k, series) in bars.series.iter().enumerate() {
        let colour = series.colour;
        let marks = (0..n).filter(|&r| series.values[r as usize] > 0).map(|r| {
            let start: u32 = bars.series[..k].iter().map(|s| s.values[r as usize]).sum();
            let y = n - 1 - r;
            let mut bar =
                Rectangle::new([(start, y * ROW), (start + series.values[r as usize], (y + 1) * ROW)], colour.filled());
            bar.set_margin(gap, gap, 0, 0);
            bar
        });
        chart.draw_series(marks)?;
    }
    let end = ink.font(LABEL).pos(Pos::new(HPos::Left, VPos::Center));
    let dx = ink.px(4.0) as i32;
    chart.draw_series(totals.iter().enumerate().map(|(r, &t)| {
        EmptyElement::at((t, (n - 1 - r as u32) * ROW + ROW / 2))
            + Text::new(ink.lang.number(t as usize), (dx, 0), end.clone())
    }))?;
    root.present()
}
