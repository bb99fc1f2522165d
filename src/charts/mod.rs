//! Drawing code, generic over plotters' `DrawingBackend`: the same function draws to the
//! page's canvas and to SVG (tests, downloads). Pure: takes aggregates, never the DOM.
//!
//! Six charts, each named by a [`ChartId`]: [`aggregate`] computes its numbers
//! (with `stats`), [`summary`] describes them in a sentence, [`table`] lists them, [`draw`]
//! and [`to_svg`] draw them.

mod actors;
mod bars;
mod frame;
mod rankings;
mod response_lag;
mod stances;
mod table;
mod theme;
mod timeline;

use plotters::coord::Shift;
use plotters::prelude::*;
use strum::{EnumCount, EnumString, IntoStaticStr, VariantArray};

pub use table::{spreadsheet_safe, table, to_csv, Table};
pub use theme::Theme;

use crate::i18n::Lang;
use crate::model::Dataset;
use crate::query::Index;
use crate::stats::{self, ActorMatrix, Ranking, ResponseLags, StanceTally, Timeline};
use frame::Ink;

/// Which chart: the names used in the URL (`?embed=`), on elements and in file names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumString, IntoStaticStr, VariantArray, EnumCount)]
#[strum(serialize_all = "kebab-case")]
pub enum ChartId {
    Timeline,
    Stances,
    Sectors,
    Vectors,
    ResponseLag,
    Actors,
}

impl ChartId {
    /// Every chart, in declaration order (the order of the page).
    pub const ALL: [ChartId; ChartId::COUNT] = *ChartId::VARIANTS.first_chunk().expect("every variant");

    /// The URL name: "timeline", "stances", "sectors", "vectors", "response-lag", "actors".
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Reads a URL name.
    pub fn parse(s: &str) -> Option<ChartId> {
        s.parse().ok()
    }

    /// A distinct bit per chart (1 << its discriminant, its position in `ALL`), for sets of
    /// charts kept as a mask, such as which charts have been drawn.
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }

    /// The chart's title in `lang`, drawn as its caption.
    pub fn title(self, lang: Lang) -> String {
        lang.text(&format!("chart.title.{}", self.as_str())).into_owned()
    }
}

/// Aggregated numbers of one chart, ready to describe, tabulate and draw.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartData {
    Timeline(Timeline),
    Stances(StanceTally),
    Sectors(Ranking),
    Vectors(Ranking),
    ResponseLag(ResponseLags),
    Actors(ActorMatrix),
}

impl ChartData {
    /// Which chart these numbers are for.
    pub fn id(&self) -> ChartId {
        match self {
            ChartData::Timeline(_) => ChartId::Timeline,
            ChartData::Stances(_) => ChartId::Stances,
            ChartData::Sectors(_) => ChartId::Sectors,
            ChartData::Vectors(_) => ChartId::Vectors,
            ChartData::ResponseLag(_) => ChartId::ResponseLag,
            ChartData::Actors(_) => ChartId::Actors,
        }
    }

    /// Whether the chart has nothing to draw (it shows a message instead).
    pub fn is_empty(&self) -> bool {
        match self {
            ChartData::Timeline(t) => t.quarters.is_empty(),
            ChartData::Stances(s) => s.total() == 0,
            ChartData::Sectors(r) | ChartData::Vectors(r) => r.items.is_empty(),
            ChartData::ResponseLag(l) => l.lags.is_empty(),
            ChartData::Actors(m) => m.counts.is_empty(),
        }
    }
}

/// Computes chart `id`'s numbers over the matching claims `ids` (claim indices); the names it
/// keeps (incidents, actors) are in `lang` where the dataset has them.
pub fn aggregate(id: ChartId, dataset: &Dataset, index: &Index, ids: &[u32], lang: Lang) -> ChartData {
    match id {
        ChartId::Timeline => ChartData::Timeline(stats::claims_per_quarter(index, ids)),
        ChartId::Stances => ChartData::Stances(stats::stances_by_side(index, ids)),
        ChartId::Sectors => ChartData::Sectors(stats::targeted_sectors(index, ids)),
        ChartId::Vectors => ChartData::Vectors(stats::attack_vectors(index, ids)),
        ChartId::ResponseLag => ChartData::ResponseLag(stats::response_lags(dataset, index, ids, lang)),
        ChartId::Actors => ChartData::Actors(stats::who_accuses_whom(dataset, index, ids, lang)),
    }
}

/// One or two sentences generated from the numbers, in `lang`: the chart's accessible
/// description.
pub fn summary(data: &ChartData, lang: Lang) -> String {
    match data {
        ChartData::Timeline(t) => stats::describe_timeline(t, lang),
        ChartData::Stances(s) => stats::describe_stances(s, lang),
        ChartData::Sectors(r) => stats::describe_sectors(r, lang),
        ChartData::Vectors(r) => stats::describe_vectors(r, lang),
        ChartData::ResponseLag(l) => stats::describe_response_lags(l, lang),
        ChartData::Actors(m) => stats::describe_actors(m, lang),
    }
}

/// Draws a chart filling `root`, with its title as caption, its text in `lang`. `scale`
/// multiplies font sizes, margins and line widths (the page passes `devicePixelRatio` and
/// draws at width × ratio).
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &ChartData,
    theme: &Theme,
    scale: f64,
    lang: Lang,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let ink = Ink { theme, scale: if scale.is_finite() && scale > 0.0 { scale } else { 1.0 }, lang };
    match data {
        ChartData::Timeline(t) => timeline::draw_timeline(root, t, ink),
        ChartData::Stances(s) => stances::draw_stances(root, s, ink),
        ChartData::Sectors(r) => rankings::draw_ranking(root, ChartId::Sectors, r, ink),
        ChartData::Vectors(r) => rankings::draw_ranking(root, ChartId::Vectors, r, ink),
        ChartData::ResponseLag(l) => response_lag::draw_response_lag(root, l, ink),
        ChartData::Actors(m) => actors::draw_actors(root, m, ink),
    }
}

/// The chart as an SVG document of `width` × `height` pixels, drawn at scale 1, in `lang`.
pub fn to_svg(data: &ChartData, theme: &Theme, width: u32, height: u32, lang: Lang) -> String {
    to_svg_at(data, theme, width, height, 1.0, lang)
}

/// The chart as an SVG document of `width` × `height` pixels, drawn at `scale` (see `draw`).
pub fn to_svg_at(data: &ChartData, theme: &Theme, width: u32, height: u32, scale: f64, lang: Lang) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        // Drawing into a string cannot fail; an error would leave a partial SVG.
        let _ = draw(&root, data, theme, scale, lang);
    }
    // Ingest already keeps these out of the dataset's text; a chart drawn from a dataset made
    // some other way must still be XML (plotters escapes markup, not control characters).
    if svg.contains(crate::ingest::is_removed) {
        svg.retain(|c| !crate::ingest::is_removed(c));
    }
    svg
}
