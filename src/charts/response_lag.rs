//! Days until the first answer: one bar per answered incident, the longest wait at the top.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::bars::{draw_bars, BarSeries, Bars};
use super::frame::{draw_message, Ink};
use super::ChartId;
use crate::stats::ResponseLags;

/// Draws the response-lag chart, labelled by incident title (shortened with "…" to fit).
pub(super) fn draw_response_lag<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    lags: &ResponseLags,
    ink: Ink,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let title = ChartId::ResponseLag.title(ink.lang);
    if lags.claims == 0 {
        return draw_message(root, &title, &ink.text("no_match"), ink);
    }
    if lags.lags.is_empty() {
        return draw_message(root, &title, &ink.text("no_lags"), ink);
    }
    let bars = Bars {
        title,
        value_desc: ink.text("axis.days"),
        category_desc: ink.text("axis.incident"),
        labels: lags.lags.iter().map(|l| l.title.clone()).collect(),
        series: vec![BarSeries {
            name: None,
            colour: ink.theme.lag,
            values: lags.lags.iter().map(|l| u32::try_from(l.days).unwrap_or(u32::MAX)).collect(),
        }],
    };
    draw_bars(root, &bars, ink)
}
