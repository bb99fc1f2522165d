//! Claims per quarter: US→China claims stacked above the zero line, China→US claims below
//! it, each split into accusing and answering stances. Claims between other parties are not
//! drawn (the summary counts them).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::frame::{draw_message, legend_band, Ink, LABEL, MARGIN, ROW, TITLE};
use super::ChartId;
use crate::stats::{QuarterCount, Timeline};

/// The four stacked series: legend name (a `chart.legend` message), colour picker, value
/// (negative below the line).
type Series = (&'static str, fn(&super::Theme) -> RGBColor, fn(&QuarterCount) -> u32);

const SERIES: [Series; 4] = [
    ("legend.us_cn_accusations", |t| t.us_cn, |q| q.us_cn_accusing),
    ("legend.us_cn_answers", |t| t.us_cn_answer, |q| q.us_cn_answering),
    ("legend.cn_us_accusations", |t| t.cn_us, |q| q.cn_us_accusing),
    ("legend.cn_us_answers", |t| t.cn_us_answer, |q| q.cn_us_answering),
];

/// Which quarters get an x label: every quarter ("2024 Q4") when they fit, otherwise years at
/// a step of 1, 2, 5, 10… chosen so labels do not overlap.
fn tick_positions(quarters: &[QuarterCount], plot_width: f64, ink: Ink) -> (Vec<u32>, bool) {
    let n = quarters.len();
    // A quarter's label and a gap, a wide (CJK) character counting as two narrow ones.
    let label = quarters[0].quarter.label(ink.lang);
    let label_chars = label.chars().map(|c| if c.is_ascii() { 1.0 } else { 2.0 }).sum::<f64>() + 2.0;
    if n as f64 * label_chars * ink.char_width() <= plot_width {
        return ((0..n as u32).map(|i| i * ROW + ROW / 2).collect(), true);
    }
    let (first, last) = (quarters[0].quarter.year, quarters[n - 1].quarter.year);
    let years = usize::from(last - first) + 1;
    let fit = ((plot_width / (6.0 * ink.char_width())).floor() as usize).max(1);
    let step =
        [1u16, 2, 5, 10, 20, 50, 100].into_iter().find(|&s| years.div_ceil(usize::from(s)) <= fit).unwrap_or(100);
    let ticks = (first..=last)
        .filter(|y| y % step == 0 || step == 1)
        .filter_map(|y| {
            let at: Vec<usize> = (0..n).filter(|&i| quarters[i].quarter.year == y).collect();
            Some((at.first()? + at.last()? + 1) as u32 * ROW / 2)
        })
        .collect();
    (ticks, false)
}

/// Draws the timeline chart.
pub(super) fn draw_timeline<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    timeline: &Timeline,
    ink: Ink,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let title = ChartId::Timeline.title(ink.lang);
    let quarters = &timeline.quarters;
    if quarters.is_empty() {
        return draw_message(root, &title, &ink.text("no_match"), ink);
    }
    let theme = ink.theme;
    root.fill(&theme.background)?;
    let drawn: Vec<&Series> = SERIES.iter().filter(|s| quarters.iter().map(s.2).sum::<u32>() > 0).collect();
    let legend: Vec<(String, RGBColor)> = drawn.iter().map(|s| (ink.text(s.0), s.1(theme))).collect();
    let root = &legend_band(root, &legend, ink)?;
    let n = quarters.len();
    let above = quarters.iter().map(QuarterCount::us_cn).max().unwrap_or(0) as i32;
    let below = quarters.iter().map(QuarterCount::cn_us).max().unwrap_or(0) as i32;
    let room = |v: i32| v + v / 8 + 1;
    let y_area = ink.px(48.0);
    let plot_width = f64::from(root.dim_in_pixel().0) - f64::from(y_area) - 2.0 * MARGIN * ink.scale;
    let (ticks, by_quarter) = tick_positions(quarters, plot_width, ink);

    let mut chart = ChartBuilder::on(root)
        .caption(&title, ink.font(TITLE))
        .margin(ink.px(MARGIN))
        .x_label_area_size(ink.px(40.0))
        .y_label_area_size(y_area)
        .build_cartesian_2d((0..n as u32 * ROW).with_key_points(ticks), -room(below)..room(above))?;
    let x_label = |v: &u32| {
        let q = quarters[((v / ROW) as usize).min(n - 1)].quarter;
        if by_quarter {
            q.label(ink.lang)
        } else {
            q.year.to_string()
        }
    };
    let y_label = |v: &i32| ink.lang.number(v.unsigned_abs() as usize);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(ink.line(theme.grid))
        .axis_style(ink.line(theme.text))
        .set_all_tick_mark_size(ink.px(4.0))
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .y_labels(7)
        .x_desc(ink.text("axis.quarter"))
        .y_desc(ink.text("axis.claims"))
        .label_style(ink.font(LABEL))
        .axis_desc_style(ink.font(LABEL))
        .draw()?;

    for (k, (_, colour_of, value)) in SERIES.iter().enumerate() {
        let colour = colour_of(theme);
        // Series 0–1 stack upwards, series 2–3 downwards, each answer on top of its accusation.
        let sign = if k < 2 { 1 } else { -1 };
        let partner = SERIES[k - k % 2].2;
        let marks = quarters.iter().enumerate().filter(|(_, q)| value(q) > 0).map(|(i, q)| {
            let base = if k % 2 == 1 { partner(q) as i32 } else { 0 };
            let (x0, x1) = (i as u32 * ROW + ROW / 5, i as u32 * ROW + ROW - ROW / 5);
            Rectangle::new([(x0, sign * base), (x1, sign * (base + value(q) as i32))], colour.filled())
        });
        chart.draw_series(marks)?;
    }
    chart.draw_series(std::iter::once(PathElement::new(vec![(0, 0), (n as u32 * ROW, 0)], ink.line(theme.text))))?;
    root.present()
}
