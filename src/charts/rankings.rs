//! The two ranking charts, targeted sectors and top attack vectors and CVEs: one bar per
//! name, most claims at the top.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::bars::{draw_bars, BarSeries, Bars};
use super::frame::{draw_message, Ink};
use super::ChartId;
use crate::stats::Ranking;

/// Draws a ranking as chart `id` (`Sectors` or `Vectors`): one bar per kept name.
pub(super) fn draw_ranking<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    id: ChartId,
    ranking: &Ranking,
    ink: Ink,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (category, nothing) = match id {
        ChartId::Sectors => ("axis.sector", "no_sectors"),
        _ => ("axis.vector", "no_vectors"),
    };
    let title = id.title(ink.lang);
    if ranking.claims == 0 {
        return draw_message(root, &title, &ink.text("no_match"), ink);
    }
    if ranking.items.is_empty() {
        return draw_message(root, &title, &ink.text(nothing), ink);
    }
    let bars = Bars {
        title,
        value_desc: ink.text("axis.claims"),
        category_desc: ink.text(category),
        labels: ranking.items.iter().map(|r| r.name.clone()).collect(),
        series: vec![BarSeries {
            name: None,
            colour: ink.theme.bar,
            values: ranking.items.iter().map(|r| r.claims).collect(),
        }],
    };
    draw_bars(root, &bars, ink)
}
