//! Stances by side: one horizontal bar per stance, stacked by side.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::bars::{draw_bars, BarSeries, Bars};
use super::frame::{draw_message, Ink};
use super::ChartId;
use crate::model::Side;
use crate::stats::StanceTally;

/// Draws the stances chart; sides without claims get no series and no legend entry.
pub(super) fn draw_stances<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    tally: &StanceTally,
    ink: Ink,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if tally.total() == 0 {
        return draw_message(root, &ChartId::Stances.title(ink.lang), &ink.text("no_match"), ink);
    }
    let series = Side::ALL
        .into_iter()
        .filter(|&side| tally.side_total(side) > 0)
        .map(|side| BarSeries {
            name: Some(side.label(ink.lang).into_owned()),
            colour: ink.theme.side(side),
            values: tally.rows.iter().map(|r| r.get(side)).collect(),
        })
        .collect();
    let bars = Bars {
        title: ChartId::Stances.title(ink.lang),
        value_desc: ink.text("axis.claims"),
        category_desc: ink.text("axis.stance"),
        labels: tally.rows.iter().map(|r| r.stance.label(ink.lang).into_owned()).collect(),
        series,
    };
    draw_bars(root, &bars, ink)
}
