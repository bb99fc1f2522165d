//! Claims per year by side: stacked bars, one colour per side, with a legend.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::Theme;
use crate::model::Side;
use crate::stats::YearCount;

pub const PER_YEAR_TITLE: &str = "Claims per year by side";

/// Draws the per-year chart onto `root`, filling it.
pub fn draw_per_year<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    years: &[YearCount],
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&theme.background)?;
    let first = years.first().map_or(2010, |y| y.year);
    let last = years.last().map_or(first, |y| y.year);
    let max = years.iter().map(YearCount::total).max().unwrap_or(0).max(1);
    let text = |size: u32| ("sans-serif", size).into_font().color(&theme.text);

    let mut chart = ChartBuilder::on(root)
        .caption(PER_YEAR_TITLE, text(17))
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(44)
        .build_cartesian_2d((u32::from(first)..u32::from(last) + 1).into_segmented(), 0u32..max + max / 8 + 1)?;

    let span = u32::from(last - first) + 1;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(plotters::style::colors::TRANSPARENT)
        .bold_line_style(theme.grid)
        .axis_style(theme.text)
        .x_labels(span.min(12) as usize)
        .x_label_formatter(&|v| match v {
            SegmentValue::CenterOf(y) | SegmentValue::Exact(y) => y.to_string(),
            SegmentValue::Last => String::new(),
        })
        .y_labels(6)
        .x_desc("Year")
        .y_desc("Claims")
        .label_style(text(12))
        .axis_desc_style(text(12))
        .draw()?;

    if years.is_empty() {
        root.draw(&Text::new(
            "No claims match",
            (root.dim_in_pixel().0 as i32 / 2 - 50, root.dim_in_pixel().1 as i32 / 2),
            text(14),
        ))?;
        return Ok(());
    }

    for side in Side::ALL {
        let colour = theme.side(side);
        let bars = years.iter().filter(|y| y.get(side) > 0).map(move |y| {
            let below: u32 = Side::ALL.iter().take_while(|s| **s != side).map(|s| y.get(*s)).sum();
            let x = u32::from(y.year);
            let mut bar = Rectangle::new(
                [(SegmentValue::Exact(x), below), (SegmentValue::Exact(x + 1), below + y.get(side))],
                colour.filled(),
            );
            bar.set_margin(0, 0, 3, 3);
            bar
        });
        chart
            .draw_series(bars)?
            .label(side.label())
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], colour.filled()));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(theme.background.mix(0.85))
        .border_style(theme.grid)
        .label_font(text(12))
        .draw()?;
    root.present()
}
