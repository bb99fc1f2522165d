//! Native tests of the pure core on the small fixture: parsing, search, aggregation, drawing.

use cyber_claims_explorer::charts::{draw_per_year, Theme, PER_YEAR_TITLE};
use cyber_claims_explorer::ingest::read_json;
use cyber_claims_explorer::model::{Dataset, Side, Stance};
use cyber_claims_explorer::query::SearchIndex;
use cyber_claims_explorer::stats::{claims_per_year, describe_per_year, YearCount};
use plotters::prelude::*;

fn small() -> Dataset {
    let ingested = read_json(include_bytes!("fixtures/small.json")).expect("the fixture parses");
    // One warning: c4's javascript: source, which stays as text.
    assert_eq!(ingested.report.problems.len(), 1, "{:?}", ingested.report.problems);
    assert_eq!(ingested.report.problems[0].location, "claims[3].sources[0].url");
    ingested.dataset
}

fn ids(dataset: &Dataset, found: Vec<usize>) -> Vec<&str> {
    found.into_iter().map(|i| dataset.claims[i].id.as_str()).collect()
}

#[test]
fn the_fixture_parses_into_the_model() {
    let d = small();
    assert_eq!((d.actors.len(), d.incidents.len(), d.claims.len()), (6, 1, 6));
    let c2 = &d.claims[1];
    assert_eq!(c2.stance, Stance::Denial);
    assert_eq!(c2.responds_to, vec!["c1"]);
    assert_eq!(c2.incident.as_deref(), Some("2019-us-fixture"));
    assert_eq!(d.claims[0].quote.as_ref().unwrap().speaker, "a prosecutor");
    assert_eq!(d.actor("cncert").unwrap().name_zh.as_deref(), Some("国家互联网应急中心"));
    assert!(!d.claims[3].sources[0].is_web_link(), "javascript: URLs are not links");
    assert!(d.claims[0].sources[0].is_web_link());
}

#[test]
fn the_bad_fixture_is_rejected_with_its_place() {
    let e = read_json(include_bytes!("fixtures/broken.json")).unwrap_err();
    assert_eq!(e.location.as_deref(), Some("line 7, column 31"));
    assert!(e.message.contains("cut off"), "{e}");
}

#[test]
fn sides_come_from_countries() {
    let d = small();
    let sides: Vec<Side> = d.claims.iter().map(|c| d.side(c)).collect();
    use Side::*;
    assert_eq!(sides, vec![UsCn, CnUs, CnUs, CnUs, Other, CnUs]);
}

#[test]
fn search_needs_every_word_and_matches_names_aliases_and_chinese() {
    let d = small();
    let index = SearchIndex::build(&d);
    assert_eq!(index.matching("").len(), 6);
    assert_eq!(index.matching("   ").len(), 6);
    assert_eq!(ids(&d, index.matching("CNCERT")), ["c3", "c6"]);
    assert_eq!(ids(&d, index.matching("外交部")), ["c2", "c4"]);
    assert_eq!(ids(&d, index.matching("应急")), ["c3", "c6"], "Chinese matches as a substring");
    assert_eq!(ids(&d, index.matching("apt-99")), ["c1", "c5"], "aliases are searched");
    assert_eq!(ids(&d, index.matching("china hacking")), ["c4"]);
    assert_eq!(ids(&d, index.matching("brazen")), ["c1"], "quotes are searched");
    assert!(index.matching("china nonsense").is_empty());
}

#[test]
fn claims_per_year_counts_each_side_and_keeps_empty_years() {
    let d = small();
    let all: Vec<usize> = (0..d.claims.len()).collect();
    let years = claims_per_year(&d, &all);
    let y = |year, us_cn, cn_us, other| YearCount { year, us_cn, cn_us, other };
    assert_eq!(
        years,
        vec![
            y(2019, 1, 1, 0),
            y(2020, 0, 0, 0),
            y(2021, 0, 1, 0),
            y(2022, 0, 1, 0),
            y(2023, 0, 0, 1),
            y(2024, 0, 1, 0)
        ]
    );
    assert_eq!(claims_per_year(&d, &[2, 3]), vec![y(2021, 0, 1, 0), y(2022, 0, 1, 0)]);
    assert!(claims_per_year(&d, &[]).is_empty());
    assert_eq!(
        describe_per_year(&years),
        "From 2019 to 2024, US bodies made 1 claim against China and Chinese bodies 4 against the US, \
         with 1 claim between other parties; the peak was 2019 (2)."
    );
    assert_eq!(describe_per_year(&[]), "No claims match the current search.");
}

fn svg_of(years: &[YearCount]) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (640, 300)).into_drawing_area();
        draw_per_year(&root, years, &Theme::LIGHT).expect("draws");
    }
    svg
}

#[path = "common/svg.rs"]
mod svg;
use svg::texts;

fn marks(svg: &str, colour: RGBColor) -> usize {
    let fill = format!("fill=\"#{:02X}{:02X}{:02X}\"", colour.0, colour.1, colour.2);
    svg.to_uppercase().matches(&fill.to_uppercase()).count()
}

#[test]
fn the_per_year_chart_draws_title_axes_and_one_bar_per_side_and_year() {
    let d = small();
    let all: Vec<usize> = (0..d.claims.len()).collect();
    let svg = svg_of(&claims_per_year(&d, &all));
    let labels = texts(&svg);
    for label in [PER_YEAR_TITLE, "Year", "Claims", "2019", "2024", "US → China", "China → US"] {
        assert!(labels.contains(&label), "{label:?} missing from the chart text: {labels:?}");
    }
    let theme = Theme::LIGHT;
    // Bars plus one legend swatch per side.
    assert_eq!(marks(&svg, theme.us_cn), 1 + 1);
    assert_eq!(marks(&svg, theme.cn_us), 4 + 1);
    assert_eq!(marks(&svg, theme.other), 1 + 1);

    let empty = svg_of(&[]);
    assert!(texts(&empty).contains(&"No claims match"));
}
