//! Colours for light and dark pages, chosen to stay distinct for colour-blind readers
//! (Okabe–Ito palette).

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
}

impl Theme {
    pub const LIGHT: Theme = Theme {
        background: RGBColor(255, 255, 255),
        text: RGBColor(33, 37, 41),
        grid: RGBColor(222, 226, 230),
        us_cn: RGBColor(0, 114, 178),
        cn_us: RGBColor(213, 94, 0),
        other: RGBColor(120, 120, 120),
    };

    pub const DARK: Theme = Theme {
        background: RGBColor(24, 26, 27),
        text: RGBColor(230, 230, 230),
        grid: RGBColor(60, 64, 67),
        us_cn: RGBColor(86, 180, 233),
        cn_us: RGBColor(230, 159, 0),
        other: RGBColor(170, 170, 170),
    };

    /// The colour of a side's marks.
    pub fn side(&self, side: Side) -> RGBColor {
        match side {
            Side::UsCn => self.us_cn,
            Side::CnUs => self.cn_us,
            Side::Other => self.other,
        }
    }
}
