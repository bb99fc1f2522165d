//! Colours for light and dark pages, chosen to stay distinct for colour-blind readers
//! (Okabe–Ito palette, plus a single-hue sequential scale for the heat map).

use plotters::style::RGBColor;

use crate::model::Side;

/// The colours a chart is drawn with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub background: RGBColor,
    pub text: RGBColor,
    pub grid: RGBColor,
    pub us_cn: RGBColor,
    pub cn_us: RGBColor,
    pub other: RGBColor,
    /// Answers (denials, counter-accusations) made by the US side: a paired shade of `us_cn`.
    pub us_cn_answer: RGBColor,
    /// Answers made by the Chinese side: a paired shade of `cn_us`.
    pub cn_us_answer: RGBColor,
    /// Bars of a single-series ranking (sectors, vectors).
    pub bar: RGBColor,
    /// Bars of the response-lag chart.
    pub lag: RGBColor,
    /// Heat-map cells: `heat[0]` for zero, then lightest to strongest.
    pub heat: [RGBColor; 5],
}

impl Theme {
    pub const LIGHT: Theme = Theme {
        background: RGBColor(255, 255, 255),
        text: RGBColor(33, 37, 41),
        grid: RGBColor(222, 226, 230),
        us_cn: RGBColor(0, 114, 178),
        cn_us: RGBColor(213, 94, 0),
        other: RGBColor(120, 120, 120),
        us_cn_answer: RGBColor(86, 180, 233),
        cn_us_answer: RGBColor(230, 159, 0),
        bar: RGBColor(0, 158, 115),
        lag: RGBColor(204, 121, 167),
        heat: [
            RGBColor(241, 243, 245),
            RGBColor(204, 227, 240),
            RGBColor(128, 187, 222),
            RGBColor(48, 132, 190),
            RGBColor(8, 69, 128),
        ],
    };

    pub const DARK: Theme = Theme {
        background: RGBColor(24, 26, 27),
        text: RGBColor(230, 230, 230),
        grid: RGBColor(60, 64, 67),
        us_cn: RGBColor(86, 180, 233),
        cn_us: RGBColor(230, 159, 0),
        other: RGBColor(170, 170, 170),
        us_cn_answer: RGBColor(0, 114, 178),
        cn_us_answer: RGBColor(213, 94, 0),
        bar: RGBColor(0, 158, 115),
        lag: RGBColor(204, 121, 167),
        heat: [
            RGBColor(40, 44, 47),
            RGBColor(21, 64, 96),
            RGBColor(30, 105, 160),
            RGBColor(86, 160, 220),
            RGBColor(184, 220, 245),
        ],
    };

    /// The colour of a side's marks.
    pub fn side(&self, side: Side) -> RGBColor {
        match side {
            Side::UsCn => self.us_cn,
            Side::CnUs => self.cn_us,
            Side::Other => self.other,
        }
    }

    /// The heat-map colour of `value` on a scale up to `max`: `heat[0]` for zero, otherwise one
    /// of the four steps, the strongest for `max`.
    pub fn heat_of(&self, value: u32, max: u32) -> RGBColor {
        if value == 0 || max == 0 {
            return self.heat[0];
        }
        let step = (u64::from(value) * 4).div_ceil(u64::from(max)).clamp(1, 4);
        self.heat[step as usize]
    }

    /// The text colour readable on `fill`: the theme's text or background colour, whichever
    /// contrasts more.
    pub fn ink_on(&self, fill: RGBColor) -> RGBColor {
        let contrast = |a: RGBColor, b: RGBColor| {
            let (la, lb) = (luminance(a), luminance(b));
            (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
        };
        if contrast(self.text, fill) >= contrast(self.background, fill) {
            self.text
        } else {
            self.background
        }
    }
}

/// WCAG relative luminance of a colour.
fn luminance(c: RGBColor) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}
