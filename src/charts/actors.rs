//! Who accuses whom: a heat-map grid, claimants as rows, accused as columns, the number of
//! claims written in each cell.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{draw_message, label_area, shorten, Ink, LABEL, MARGIN, ROW, TITLE};
use super::ChartId;
use crate::stats::ActorMatrix;

/// Draws the actors chart; every cell is filled (zero cells in the scale's lightest step).
pub(super) fn draw_actors<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    matrix: &ActorMatrix,
    ink: Ink,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let title = ChartId::Actors.title(ink.lang);
    if matrix.claims == 0 {
        return draw_message(root, &title, &ink.text("no_match"), ink);
    }
    if matrix.counts.is_empty() {
        return draw_message(root, &title, &ink.text("no_accused"), ink);
    }
    let theme = ink.theme;
    root.fill(&theme.background)?;
    let (rows, cols) = (matrix.claimants.len() as u32, matrix.accused.len() as u32);
    let width = root.dim_in_pixel().0;
    let (y_area, row_chars) = label_area(&matrix.claimants, width, 0.34, ink);
    let claimants: Vec<String> = matrix.claimants.iter().map(|c| shorten(c, row_chars)).collect();
    let column_px = (f64::from(width) - f64::from(y_area) - 2.0 * MARGIN * ink.scale) / f64::from(cols);
    let col_chars = ((column_px / ink.char_width()).floor() as usize).max(3);
    let accused: Vec<String> = matrix.accused.iter().map(|a| shorten(a, col_chars)).collect();
    let max = matrix.counts.iter().flatten().copied().max().unwrap_or(0);

    let mut chart = ChartBuilder::on(root)
        .caption(&title, ink.font(TITLE))
        .margin(ink.px(MARGIN))
        .x_label_area_size(ink.px(40.0))
        .y_label_area_size(y_area)
        .build_cartesian_2d(
            (0..cols * ROW).with_key_points((0..cols).map(|i| i * ROW + ROW / 2).collect()),
            (0..rows * ROW).with_key_points((0..rows).map(|i| i * ROW + ROW / 2).collect()),
        )?;
    let pick = |labels: &[String], i: usize| labels.get(i).cloned().unwrap_or_default();
    let x_label = |v: &u32| pick(&accused, (v / ROW) as usize);
    let y_label = |v: &u32| pick(&claimants, (rows - 1).saturating_sub(v / ROW) as usize);
    chart
        .configure_mesh()
        .disable_mesh()
        .axis_style(ink.line(theme.text))
        .set_all_tick_mark_size(ink.px(4.0))
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .x_desc(ink.text("axis.accused"))
        .y_desc(ink.text("axis.claimant"))
        .label_style(ink.font(LABEL))
        .axis_desc_style(ink.font(LABEL))
        .draw()?;

    let gap = ink.px(1.0);
    let cells = || (0..rows).flat_map(move |r| (0..cols).map(move |c| (r, c, matrix.counts[r as usize][c as usize])));
    chart.draw_series(cells().map(|(r, c, v)| {
        let y = rows - 1 - r;
        let mut cell =
            Rectangle::new([(c * ROW, y * ROW), ((c + 1) * ROW, (y + 1) * ROW)], theme.heat_of(v, max).filled());
        cell.set_margin(gap, gap, gap, gap);
        cell
    }))?;
    chart.draw_series(cells().map(|(r, c, v)| {
        let ink_colour = theme.ink_on(theme.heat_of(v, max));
        let style = ink.font_in(LABEL, ink_colour).pos(Pos::new(HPos::Center, VPos::Center));
        Text::new(ink.lang.number(v as usize), (c * ROW + ROW / 2, (rows - 1 - r) * ROW + ROW / 2), style)
    }))?;
    root.present()
}
