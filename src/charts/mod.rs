//! Drawing code, generic over plotters' `DrawingBackend`: the same function draws to the
//! page's canvas and to SVG (tests, downloads). Pure: takes aggregates, never the DOM.

mod per_year;
mod theme;

pub use per_year::{draw_per_year, PER_YEAR_TITLE};
pub use theme::Theme;
