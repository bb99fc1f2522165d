//! Native tests of the six charts: aggregation numbers, summaries, tables and CSV, and what
//! each chart draws to SVG (title, axis descriptions, marks counted by colour), empty included.

use cyber_claims_explorer::charts::{
    aggregate, draw, spreadsheet_safe, summary, table, to_csv, to_svg, ChartData, ChartId, Table, Theme,
};
use cyber_claims_explorer::i18n::Lang;
use cyber_claims_explorer::ingest::read_json;
use cyber_claims_explorer::model::{Dataset, Stance};
use cyber_claims_explorer::query::Index;
use cyber_claims_explorer::stats::{no_match, Quarter};
use plotters::prelude::*;
use serde_json::{json, Value};

const LIGHT: Theme = Theme::LIGHT;

fn small() -> (Dataset, Index) {
    let dataset = read_json(include_bytes!("fixtures/small.json")).expect("the fixture parses").dataset;
    let index = Index::build(&dataset);
    (dataset, index)
}

fn all(dataset: &Dataset) -> Vec<u32> {
    (0..dataset.claims.len() as u32).collect()
}

/// A dataset from actors `[id, country]`, incidents and claims given as JSON; claims get a
/// headline, summary and source.
fn dataset(actors: &[(&str, &str)], incidents: Value, claims: Vec<Value>) -> (Dataset, Index) {
    let claims: Vec<Value> = claims
        .into_iter()
        .enumerate()
        .map(|(i, mut c)| {
            let o = c.as_object_mut().expect("a claim object");
            o.entry("id").or_insert(json!(format!("k{i}")));
            o.insert("headline".into(), json!("h"));
            o.insert("summary".into(), json!("s"));
            o.insert("sources".into(), json!([{"publisher": "p", "url": "https://example.org/"}]));
            c
        })
        .collect();
    let actors: Vec<Value> = actors
        .iter()
        .map(|(id, country)| json!({"id": id, "name": id.to_uppercase(), "country": country, "kind": "agency"}))
        .collect();
    let file = json!({"schema": "claims-explorer/1", "title": "t", "updated": "2030-01-01", "license": "CC0",
                      "actors": actors, "incidents": incidents, "claims": claims});
    let ingested = read_json(file.to_string().as_bytes()).expect("the test dataset parses");
    assert!(ingested.report.problems.is_empty(), "{:?}", ingested.report.problems);
    let index = Index::build(&ingested.dataset);
    (ingested.dataset, index)
}

const SIDES: [(&str, &str); 4] = [("us", "US"), ("cn", "CN"), ("us2", "US"), ("cn2", "CN")];

#[path = "common/svg.rs"]
mod svg;
use svg::texts;

/// How many `<rect>` elements are filled with `colour`.
fn rects(svg: &str, colour: RGBColor) -> usize {
    let fill = format!("FILL=\"#{:02X}{:02X}{:02X}\"", colour.0, colour.1, colour.2);
    svg.split("<rect")
        .skip(1)
        .filter(|r| r.split_once("/>").is_some_and(|(r, _)| r.to_uppercase().contains(&fill)))
        .count()
}

fn has_texts(svg: &str, wanted: &[&str]) {
    let found = texts(svg);
    for w in wanted {
        assert!(found.contains(w), "{w:?} missing from the chart text: {found:?}");
    }
}

fn rows(table: &Table) -> Vec<Vec<&str>> {
    table.rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect()
}

#[test]
fn chart_ids_have_url_names_and_titles() {
    let names: Vec<&str> = ChartId::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(names, ["timeline", "stances", "sectors", "vectors", "response-lag", "actors"]);
    for id in ChartId::ALL {
        assert_eq!(ChartId::parse(id.as_str()), Some(id));
    }
    assert_eq!(ChartId::parse("Timeline"), None);
    let bits = ChartId::ALL.iter().fold(0u8, |m, c| m | c.bit());
    assert_eq!(bits, 0b11_1111, "one distinct bit per chart");
    assert_eq!(ChartId::Timeline.title(Lang::En), "Claims per quarter by side");
    assert_eq!(ChartId::ResponseLag.title(Lang::En), "Days until the first answer");
    assert_eq!(ChartId::Actors.title(Lang::En), "Who accuses whom");
}

#[test]
fn timeline_counts_each_quarter_by_side_and_stance_group() {
    let (d, index) = small();
    let data = aggregate(ChartId::Timeline, &d, &index, &all(&d), Lang::En);
    let ChartData::Timeline(t) = &data else { panic!("{data:?}") };
    assert_eq!(t.quarters.len(), 24, "2019 Q1 to 2024 Q4, empty quarters included");
    let t = table(&data, Lang::En);
    assert_eq!(t.columns[0], "Quarter");
    let busy: Vec<Vec<&str>> = rows(&t).into_iter().filter(|r| r[1..].iter().any(|v| *v != "0")).collect();
    assert_eq!(
        busy,
        vec![
            vec!["2019 Q1", "1", "0", "0", "1", "0"], // c1 indictment (US), c2 denial (CN)
            vec!["2021 Q3", "0", "0", "1", "0", "0"], // c3 accusation, "2021-07"
            vec!["2022 Q1", "0", "0", "0", "1", "0"], // c4 counter-accusation, "2022" counts in Q1
            vec!["2023 Q2", "0", "0", "0", "0", "1"], // c5 between other parties
            vec!["2024 Q4", "0", "0", "1", "0", "0"],
        ]
    );
    assert_eq!(
        summary(&data, Lang::En),
        "From 2019 to 2024, US bodies made 1 claim against China and Chinese bodies 4 against the US, \
         with 1 claim between other parties; the busiest quarter was 2019 Q1 (2)."
    );
    let subset = aggregate(ChartId::Timeline, &d, &index, &[2, 3], Lang::En);
    assert_eq!(table(&subset, Lang::En).rows.len(), 3, "2021 Q3, 2021 Q4, 2022 Q1");
    assert_eq!(
        summary(&subset, Lang::En),
        "From 2021 to 2022, US bodies made no claims against China and Chinese bodies 2 against the US; \
         the busiest quarter was 2021 Q3 (1)."
    );
    assert_eq!(
        summary(&aggregate(ChartId::Timeline, &d, &index, &[0], Lang::En), Lang::En),
        "In 2019, US bodies made 1 claim against China and Chinese bodies none against the US; \
         the busiest quarter was 2019 Q1 (1)."
    );
    assert_eq!(Quarter { year: 2024, quarter: 4 }.label(Lang::En), "2024 Q4");
}

#[test]
fn timeline_draws_us_claims_above_and_chinese_claims_below_with_a_legend() {
    let (d, index) = small();
    let svg = to_svg(&aggregate(ChartId::Timeline, &d, &index, &all(&d), Lang::En), &LIGHT, 640, 320, Lang::En);
    has_texts(&svg, &["Claims per quarter by side", "Quarter", "Claims", "2019", "2024", "US → China: accusations"]);
    has_texts(&svg, &["China → US: accusations", "China → US: answers"]);
    assert!(!texts(&svg).contains(&"US → China: answers"), "no series without claims in the legend");
    // Bars plus one legend swatch per drawn series; "other" is not drawn.
    assert_eq!(rects(&svg, LIGHT.us_cn), 1 + 1);
    assert_eq!(rects(&svg, LIGHT.cn_us), 2 + 1);
    assert_eq!(rects(&svg, LIGHT.cn_us_answer), 2 + 1);
    assert_eq!(rects(&svg, LIGHT.us_cn_answer), 0);
    assert_eq!(rects(&svg, LIGHT.other), 0);
}

#[test]
fn a_long_timeline_labels_only_some_years() {
    // One claim per quarter from 2010 Q1 to 2027 Q2: 70 quarters, alternating sides and stances.
    let claims = (0..70)
        .map(|i| {
            let (claimant, accused) = if i % 2 == 0 { ("us", "cn") } else { ("cn", "us") };
            let stance = if i % 3 == 0 { "denial" } else { "accusation" };
            json!({"date": format!("{}-{:02}", 2010 + i / 4, (i % 4) * 3 + 1), "claimant": claimant, "accused": [accused], "stance": stance})
        })
        .collect();
    let (d, index) = dataset(&SIDES, json!([]), claims);
    let data = aggregate(ChartId::Timeline, &d, &index, &all(&d), Lang::En);
    assert_eq!(table(&data, Lang::En).rows.len(), 70);
    let svg = to_svg(&data, &LIGHT, 640, 320, Lang::En);
    let bars: usize =
        [LIGHT.us_cn, LIGHT.us_cn_answer, LIGHT.cn_us, LIGHT.cn_us_answer].iter().map(|c| rects(&svg, *c)).sum();
    assert_eq!(bars, 70 + 4, "one bar per quarter plus four legend swatches");
    let years: Vec<&str> = texts(&svg).into_iter().filter(|t| t.len() == 4 && t.starts_with("20")).collect();
    assert!((4..=12).contains(&years.len()), "a readable number of year labels: {years:?}");
    assert!(texts(&svg).iter().all(|t| !t.contains(" Q")), "no quarter labels when they do not fit");
    // A wide chart with few quarters labels every quarter.
    let few = aggregate(ChartId::Timeline, &d, &index, &[0, 1, 2], Lang::En);
    has_texts(&to_svg(&few, &LIGHT, 800, 320, Lang::En), &["2010 Q1", "2010 Q2", "2010 Q3"]);
}

#[test]
fn stances_count_every_stance_by_side() {
    let (d, index) = small();
    let data = aggregate(ChartId::Stances, &d, &index, &all(&d), Lang::En);
    let t = table(&data, Lang::En);
    assert_eq!(t.columns, ["Stance", "US → China", "China → US", "Other", "Total"]);
    assert_eq!(
        rows(&t),
        vec![
            vec!["Accusation", "0", "2", "0", "2"],
            vec!["Attribution", "0", "0", "0", "0"],
            vec!["Indictment", "1", "0", "0", "1"],
            vec!["Sanction", "0", "0", "0", "0"],
            vec!["Advisory", "0", "0", "1", "1"],
            vec!["Report", "0", "0", "0", "0"],
            vec!["Denial", "0", "1", "0", "1"],
            vec!["Counter-accusation", "0", "1", "0", "1"],
            vec!["Non-answer", "0", "0", "0", "0"],
            vec!["Agreement", "0", "0", "0", "0"],
        ]
    );
    assert_eq!(
        summary(&data, Lang::En),
        "Of 6 claims, 4 accuse and 2 answer (denials and counter-accusations); the most common stance is accusation (2)."
    );
    assert_eq!(
        summary(&aggregate(ChartId::Stances, &d, &index, &[0], Lang::En), Lang::En),
        "Of 1 claim, 1 accuses and none answer (denials and counter-accusations); the most common stance is indictment (1)."
    );
    let svg = to_svg(&data, &LIGHT, 640, 320, Lang::En);
    let labels: Vec<String> = Stance::ALL.iter().map(|s| s.label(Lang::En).into_owned()).collect();
    has_texts(&svg, &labels.iter().map(String::as_str).collect::<Vec<_>>());
    has_texts(&svg, &["Stances by side", "Stance", "Claims", "US → China", "China → US", "Other"]);
    assert_eq!(rects(&svg, LIGHT.us_cn), 1 + 1);
    assert_eq!(rects(&svg, LIGHT.cn_us), 3 + 1);
    assert_eq!(rects(&svg, LIGHT.other), 1 + 1);
}

/// Incidents with sectors, vectors and CVEs, each claimed a given number of times.
fn ranked_dataset() -> (Dataset, Index) {
    let incidents = json!([
        {"id": "a", "title": "A", "sectors": ["energy", "research"], "vectors": ["phishing"], "cves": ["CVE-2021-26855"]},
        {"id": "b", "title": "B", "sectors": ["Telecom", "energy"], "vectors": ["phishing", "supply chain"]},
        {"id": "c", "title": "C", "sectors": ["s01", "s02", "s03", "s04", "s05", "s06", "s07", "s08", "s09", "s10", "s11", "s12"]},
        {"id": "d", "title": "D"}
    ]);
    let claim = |incident: &str| json!({"date": "2020", "claimant": "us", "accused": ["cn"], "stance": "report", "incident": incident});
    let claims = vec![
        claim("a"),
        claim("a"),
        claim("a"),
        claim("b"),
        claim("b"),
        claim("c"),
        claim("d"),
        json!({"date": "2020", "claimant": "us", "accused": ["cn"], "stance": "report"}),
    ];
    dataset(&SIDES, incidents, claims)
}

#[test]
fn sectors_rank_the_top_twelve_by_claims() {
    let (d, index) = ranked_dataset();
    let data = aggregate(ChartId::Sectors, &d, &index, &all(&d), Lang::En);
    let ChartData::Sectors(r) = &data else { panic!("{data:?}") };
    assert_eq!((r.distinct, r.claims, r.without), (15, 8, 2));
    let t = table(&data, Lang::En);
    assert_eq!(t.columns, ["Sector", "Claims"]);
    assert_eq!(t.rows.len(), 12);
    assert_eq!(
        rows(&t)[..5],
        [vec!["energy", "5"], vec!["research", "3"], vec!["Telecom", "2"], vec!["s01", "1"], vec!["s02", "1"]]
    );
    assert_eq!(rows(&t)[11], ["s09", "1"], "ties by name; s10 to s12 left out");
    assert_eq!(
        summary(&data, Lang::En),
        "Across 8 claims, the incidents name 15 targeted sectors; the most frequent is energy (5 claims)."
    );

    let svg = to_svg(&data, &LIGHT, 640, 360, Lang::En);
    has_texts(&svg, &["Targeted sectors", "Sector", "Claims", "energy", "Telecom", "5"]);
    assert_eq!(rects(&svg, LIGHT.bar), 12, "one bar per sector, no legend");

    let none = aggregate(ChartId::Sectors, &d, &index, &[6, 7], Lang::En);
    assert_eq!(summary(&none, Lang::En), "None of the 2 matching claims names a targeted sector.");
    assert!(table(&none, Lang::En).rows.is_empty());
    has_texts(
        &to_svg(&none, &LIGHT, 640, 320, Lang::En),
        &["Targeted sectors", "No sectors recorded for these claims"],
    );
    assert_eq!(
        summary(&aggregate(ChartId::Sectors, &d, &index, &[6], Lang::En), Lang::En),
        "The matching claim names no targeted sector."
    );
}

#[test]
fn vectors_count_attack_vectors_and_cves_together() {
    let (d, index) = ranked_dataset();
    let data = aggregate(ChartId::Vectors, &d, &index, &all(&d), Lang::En);
    let t = table(&data, Lang::En);
    assert_eq!(t.columns, ["Attack vector or CVE", "Claims"]);
    assert_eq!(rows(&t), vec![vec!["phishing", "5"], vec!["CVE-2021-26855", "3"], vec!["supply chain", "2"]]);
    assert_eq!(
        summary(&data, Lang::En),
        "Across 8 claims, the incidents name 3 attack vectors and CVEs; the most frequent is phishing (5 claims)."
    );
    assert_eq!(
        summary(&aggregate(ChartId::Vectors, &d, &index, &[3], Lang::En), Lang::En),
        "Across 1 claim, the incidents name 2 attack vectors and CVEs; the most frequent is phishing (1 claim)."
    );
    let svg = to_svg(&data, &LIGHT, 640, 320, Lang::En);
    has_texts(
        &svg,
        &["Top attack vectors and CVEs", "Attack vector or CVE", "Claims", "CVE-2021-26855", "supply chain"],
    );
    assert_eq!(rects(&svg, LIGHT.bar), 3);
}

/// Incidents answered after 10, 3 and 40 days, one answered outside the filter, one unanswered.
fn lag_dataset() -> (Dataset, Index) {
    let long = "An intrusion with a very long title that does not fit beside the bars at all";
    let incidents = json!([
        {"id": "i1", "title": "Ten days"}, {"id": "i2", "title": "Three days"}, {"id": "i3", "title": long},
        {"id": "i4", "title": "Unanswered"}, {"id": "i5", "title": "Same day"}
    ]);
    let c = |id: &str, date: &str, claimant: &str, stance: &str, incident: &str, responds: &[&str]| {
        let accused = if claimant.starts_with("us") { "cn" } else { "us" };
        json!({"id": id, "date": date, "claimant": claimant, "accused": [accused], "stance": stance,
               "incident": incident, "responds_to": responds})
    };
    let claims = vec![
        c("a1", "2020-01-01", "us", "accusation", "i1", &[]),
        c("a2", "2020-01-05", "us2", "sanction", "i1", &[]),
        c("r1", "2020-01-11", "cn", "denial", "i1", &["a1"]),
        c("a3", "2021-03-01", "cn", "accusation", "i2", &[]),
        c("r3", "2021-03-04", "us", "counter-accusation", "i2", &[]),
        c("a4", "2022-01-01", "us", "indictment", "i3", &[]),
        c("r4", "2022-02-10", "cn", "denial", "i3", &["a4"]),
        c("a5", "2023-06-01", "us", "report", "i4", &[]),
        c("a6", "2024-05-20", "us", "advisory", "i5", &[]),
        c("r6", "2024-05", "cn", "denial", "i5", &["a6"]),
    ];
    dataset(&SIDES, incidents, claims)
}

#[test]
fn response_lag_measures_days_to_the_first_answer_per_incident() {
    let (d, index) = lag_dataset();
    let data = aggregate(ChartId::ResponseLag, &d, &index, &all(&d), Lang::En);
    let t = table(&data, Lang::En);
    assert_eq!(t.columns, ["Incident", "Accusation", "First answer", "Days"]);
    let long = "An intrusion with a very long title that does not fit beside the bars at all";
    assert_eq!(
        rows(&t),
        vec![
            vec![long, "2022-01-01", "2022-02-10", "40"],
            vec!["Ten days", "2020-01-01", "2020-01-11", "10"],
            vec!["Three days", "2021-03-01", "2021-03-04", "3"],
            vec!["Same day", "2024-05-20", "2024-05", "0"], // a month-only answer never counts below 0
        ]
    );
    let ChartData::ResponseLag(l) = &data else { panic!("{data:?}") };
    assert_eq!((l.answered, l.median_days), (4, Some(6.5)));
    assert_eq!(
        summary(&data, Lang::En),
        format!("4 incidents have an answer; the median wait for the first answer was 6.5 days, the longest 40 days ({long}).")
    );
    // Without r1, incident i1 has no answer among the ids; without a1, a2 is its first accusation
    // but r1 answers a1 by name, so i1 drops out either way.
    let some = aggregate(ChartId::ResponseLag, &d, &index, &[0, 1, 3, 4], Lang::En);
    assert_eq!(summary(&some, Lang::En), "One incident has an answer: Three days, answered after 3 days.");
    let none = aggregate(ChartId::ResponseLag, &d, &index, &[0, 7], Lang::En);
    assert_eq!(summary(&none, Lang::En), "No accusation among the matching claims has an answer among them.");
    has_texts(
        &to_svg(&none, &LIGHT, 640, 320, Lang::En),
        &["Days until the first answer", "No answered accusations among these claims"],
    );

    let svg = to_svg(&data, &LIGHT, 640, 320, Lang::En);
    has_texts(&svg, &["Days until the first answer", "Incident", "Ten days", "Three days", "40", "0"]);
    assert!(
        texts(&svg).iter().any(|t| t.ends_with('…') && long.starts_with(t.trim_end_matches('…'))),
        "the long title is shortened"
    );
    assert_eq!(rects(&svg, LIGHT.lag), 3, "a 0-day wait has no bar, only its number");
}

#[test]
fn response_lag_keeps_the_fifteen_longest_but_takes_the_median_of_all() {
    let incidents: Vec<Value> =
        (0..17).map(|i| json!({"id": format!("i{i}"), "title": format!("Incident {i:02}")})).collect();
    let claims = (0..17)
        .flat_map(|i| {
            [
                json!({"id": format!("a{i}"), "date": "2020-01-01", "claimant": "us", "accused": ["cn"], "stance": "accusation", "incident": format!("i{i}")}),
                json!({"id": format!("r{i}"), "date": format!("2020-02-{:02}", i + 1), "claimant": "cn", "accused": ["us"], "stance": "denial", "incident": format!("i{i}"), "responds_to": [format!("a{i}")]}),
            ]
        })
        .collect();
    let (d, index) = dataset(&SIDES, Value::Array(incidents), claims);
    let data = aggregate(ChartId::ResponseLag, &d, &index, &all(&d), Lang::En);
    let ChartData::ResponseLag(l) = &data else { panic!("{data:?}") };
    assert_eq!((l.lags.len(), l.answered, l.median_days), (15, 17, Some(39.0)));
    assert_eq!((l.lags[0].days, l.lags[14].days), (47, 33));
    assert_eq!(rects(&to_svg(&data, &LIGHT, 640, 480, Lang::En), LIGHT.lag), 15);
}

#[test]
fn actors_form_a_matrix_of_the_top_claimants_and_accused() {
    let (d, index) = small();
    let data = aggregate(ChartId::Actors, &d, &index, &all(&d), Lang::En);
    let t = table(&data, Lang::En);
    assert_eq!(
        t.columns,
        ["Claimant \\ Accused", "US intelligence agencies", "Fixture Panda", "US Department of Justice"]
    );
    assert_eq!(
        rows(&t),
        vec![
            vec!["Chinese Ministry of Foreign Affairs", "1", "0", "1"],
            vec!["CNCERT/CC", "2", "0", "0"],
            vec!["UK NCSC", "0", "1", "0"],
            vec!["US Department of Justice", "0", "1", "0"],
        ]
    );
    assert_eq!(
        summary(&data, Lang::En),
        "4 claimants name 3 accused parties; the most frequent pair is CNCERT/CC → US intelligence agencies (2 claims)."
    );
    assert_eq!(
        summary(&aggregate(ChartId::Actors, &d, &index, &[0], Lang::En), Lang::En),
        "1 claimant names 1 accused party; the most frequent pair is US Department of Justice → Fixture Panda (1 claim)."
    );
    let svg = to_svg(&data, &LIGHT, 640, 320, Lang::En);
    has_texts(&svg, &["Who accuses whom", "Claimant", "Accused", "CNCERT/CC", "UK NCSC", "Fixture Panda", "2"]);
    let cells: Vec<usize> = LIGHT.heat.iter().map(|c| rects(&svg, *c)).collect();
    assert_eq!(cells, [7, 0, 4, 0, 1], "12 cells: 7 zeros, four 1s (half the max), one 2");
    let numbers = texts(&svg).into_iter().filter(|t| ["0", "1", "2"].contains(t)).count();
    assert_eq!(numbers, 12, "a number in every cell");
}

#[test]
fn actors_keep_six_claimants_and_six_accused() {
    let names: Vec<String> = (0..8).map(|i| format!("a{i}")).collect();
    let actors: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "US")).chain([("x", "CN")]).collect();
    // Claimant a_i accuses a_((i+1) % 8) i+1 times, and x once.
    let claims = (0..8)
        .flat_map(|i| {
            let accused = json!([format!("a{}", (i + 1) % 8)]);
            (0..=i).map(move |_| json!({"date": "2020", "claimant": format!("a{i}"), "accused": accused.clone(), "stance": "report"}))
        })
        .chain([json!({"date": "2020", "claimant": "a0", "accused": ["x"], "stance": "report"})])
        .collect();
    let (d, index) = dataset(&actors, json!([]), claims);
    let data = aggregate(ChartId::Actors, &d, &index, &all(&d), Lang::En);
    let ChartData::Actors(m) = &data else { panic!("{data:?}") };
    assert_eq!(m.claimants, ["A7", "A6", "A5", "A4", "A3", "A2"]);
    assert_eq!(m.accused, ["A0", "A7", "A6", "A5", "A4", "A3"]);
    assert_eq!(m.counts[0], [8, 0, 0, 0, 0, 0]);
    assert_eq!(m.counts[1], [0, 7, 0, 0, 0, 0]);
    assert_eq!((m.distinct_claimants, m.distinct_accused), (8, 9));
    let svg = to_svg(&data, &LIGHT, 640, 360, Lang::En);
    assert_eq!(LIGHT.heat.iter().map(|c| rects(&svg, *c)).sum::<usize>(), 36);
}

#[test]
fn every_chart_says_no_claims_match_when_nothing_matches() {
    let (d, index) = small();
    for id in ChartId::ALL {
        let data = aggregate(id, &d, &index, &[], Lang::En);
        assert_eq!(data.id(), id);
        assert!(data.is_empty(), "{id:?}");
        assert_eq!(summary(&data, Lang::En), no_match(Lang::En), "{id:?}");
        assert!(table(&data, Lang::En).rows.is_empty(), "{id:?}");
        for theme in [Theme::LIGHT, Theme::DARK] {
            let svg = to_svg(&data, &theme, 640, 320, Lang::En);
            assert_eq!(texts(&svg), [id.title(Lang::En).as_str(), "No claims match"], "{id:?}");
        }
    }
    assert_eq!(no_match(Lang::En), "No claims match the current search.");
}

#[test]
fn every_chart_draws_in_both_themes_and_scales_with_the_pixel_ratio() {
    let (d, index) = small();
    for id in ChartId::ALL {
        let data = aggregate(id, &d, &index, &all(&d), Lang::En);
        assert!(!data.is_empty(), "{id:?}");
        let dark = to_svg(&data, &Theme::DARK, 640, 320, Lang::En);
        has_texts(&dark, &[id.title(Lang::En).as_str()]);
        assert_eq!(rects(&dark, Theme::DARK.background), 1, "{id:?} fills its background");
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (1280, 640)).into_drawing_area();
            draw(&root, &data, &LIGHT, 2.0, Lang::En).expect("draws");
        }
        let title = svg.split("<text").find(|t| t.contains(&id.title(Lang::En))).expect("a title");
        let size: f64 = title
            .split("font-size=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .and_then(|s| s.parse().ok())
            .expect("a size");
        assert!((size - 2.0 * 17.0 / 1.24).abs() < 0.01, "{id:?}: title size {size}");
    }
}

#[test]
fn csv_quotes_fields_with_commas_quotes_and_line_breaks() {
    let t = Table {
        columns: vec!["Name".into(), "Claims".into()],
        rows: vec![
            vec!["plain".into(), "1".into()],
            vec!["a, b".into(), "2".into()],
            vec!["say \"no\"".into(), "3".into()],
            vec!["two\nlines".into(), "4".into()],
            vec!["cr\r".into(), "".into()],
        ],
    };
    assert_eq!(
        to_csv(&t),
        "Name,Claims\r\nplain,1\r\n\"a, b\",2\r\n\"say \"\"no\"\"\",3\r\n\"two\nlines\",4\r\n\"cr\r\",\r\n"
    );
    let (d, index) = small();
    let csv = to_csv(&table(&aggregate(ChartId::Stances, &d, &index, &all(&d), Lang::En), Lang::En));
    assert!(csv.starts_with("Stance,US → China,China → US,Other,Total\r\nAccusation,0,2,0,2\r\n"), "{csv}");
    assert_eq!(csv.matches("\r\n").count(), 11);
}

#[test]
fn csv_cells_that_look_like_formulas_are_defused() {
    let t = Table {
        columns: vec!["Name".into(), "Days".into()],
        rows: vec![
            vec!["=HYPERLINK(\"x\")".into(), "-3".into()],
            vec!["+cmd".into(), "2.5".into()],
            vec!["@SUM(A1)".into(), "0".into()],
            vec!["-rm, then".into(), "1".into()],
        ],
    };
    assert_eq!(
        to_csv(&t),
        "Name,Days\r\n\"'=HYPERLINK(\"\"x\"\")\",-3\r\n'+cmd,2.5\r\n'@SUM(A1),0\r\n\"'-rm, then\",1\r\n"
    );
}

/// The CSV export against a spreadsheet's reading of a cell (proptest).
mod csv_export {
    use super::*;
    use proptest::prelude::*;

    /// Whether a spreadsheet would read `cell` as a formula: its first character after spaces,
    /// line breaks and byte-order marks is a formula sign (ASCII, full-width or small), or its
    /// start holds a tab or a carriage return.
    fn reads_as_formula(cell: &str) -> bool {
        for c in cell.chars() {
            match c {
                ' ' | '\n' | '\u{feff}' => continue,
                '\t' | '\r' => return true,
                c => return "=+-@＝＋－＠﹦﹢﹣﹫".contains(c),
            }
        }
        false
    }

    /// `-12` or `-1.5`: a number a spreadsheet shows as it is.
    fn plain_negative_number(cell: &str) -> bool {
        cell.strip_prefix('-').is_some_and(|n| {
            let parts: Vec<&str> = n.split('.').collect();
            parts.len() <= 2 && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        })
    }

    /// Cells that start in every way a formula can: a run of what a spreadsheet skips, then a sign
    /// or not, then any text.
    fn cell() -> impl Strategy<Value = String> {
        let skipped = proptest::collection::vec(prop::sample::select(vec![" ", "\t", "\n", "\r", "\u{feff}"]), 0..3);
        let sign = prop::sample::select(vec![
            "", "", "=", "+", "-", "@", "＝", "＋", "－", "＠", "﹦", "﹢", "﹣", "﹫", "'", "a",
        ]);
        prop_oneof![
            (skipped, sign, "\\PC{0,10}", any::<bool>()).prop_map(|(s, g, rest, tail_break)| {
                format!("{}{g}{rest}{}", s.concat(), if tail_break { ",\"x\"\r\n" } else { "" })
            }),
            "-[0-9]{1,4}(\\.[0-9]{1,3})?",
            any::<String>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn the_csv_export_defuses_every_formula_and_reads_back_as_written(cells in proptest::collection::vec(cell(), 1..4)) {
            for c in &cells {
                let safe = spreadsheet_safe(c);
                if reads_as_formula(c) && !plain_negative_number(c) {
                    prop_assert!(safe.starts_with('\'') && safe[1..] == **c, "{:?} became {:?}", c, safe);
                } else {
                    prop_assert_eq!(&*safe, c.as_str(), "safe text is left as it is");
                }
            }
            // The CSV reads back, through the csv crate, as the safe cells. (The last column
            // is never empty: a row of one empty cell is an empty line, which CSV readers skip.)
            let row: Vec<String> = cells.iter().cloned().chain(["end".to_string()]).collect();
            let t = Table { columns: vec!["Name".into(); row.len()], rows: vec![row] };
            let csv_text = to_csv(&t);
            let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(csv_text.as_bytes());
            let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().unwrap();
            prop_assert_eq!(rows.len(), 1);
            let read: Vec<&str> = rows[0].iter().collect();
            let expected: Vec<String> =
                cells.iter().map(|c| spreadsheet_safe(c).into_owned()).chain(["end".to_string()]).collect();
            prop_assert_eq!(read, expected);
        }
    }
}

#[test]
fn full_width_and_hidden_formula_starts_are_defused() {
    for cell in
        ["＝1+1", " =1+1", "\u{feff}@SUM(A1)", "\n+cmd", "\r\n-2+3", "\tx", " \tx", "﹦1", "－1", "-", "-1.", "-1.2.3"]
    {
        assert_eq!(spreadsheet_safe(cell), format!("'{cell}"), "{cell:?}");
    }
    for cell in ["-3", "-2.5", "plain", " spaced", "a=b", "'quoted", "", "\u{feff}text", "x\t=y"] {
        assert_eq!(spreadsheet_safe(cell), cell, "{cell:?}");
    }
}

#[test]
fn the_charts_of_a_dataset_with_control_characters_are_xml() {
    // `small.json` with control characters and noncharacters in every name, title, sector and
    // vector that a chart draws.
    let file = include_bytes!("fixtures/control-characters.json");
    let ingested = read_json(file).unwrap();
    // Read through ingest, the dataset has only text: each chart draws its names cleaned.
    let d = &ingested.dataset;
    let index = Index::build(d);
    let ids = all(d);
    let mut drawn = Vec::new();
    for chart in ChartId::ALL {
        for theme in [Theme::LIGHT, Theme::DARK] {
            let svg = to_svg(&aggregate(chart, d, &index, &ids, Lang::En), &theme, 800, 500, Lang::En);
            let texts = svg::parsed(&svg).unwrap_or_else(|e| panic!("{chart:?}: not XML ({e})"));
            assert!(texts.iter().all(|t| !t.contains(cyber_claims_explorer::ingest::is_removed)), "{texts:?}");
            drawn.extend(texts);
        }
    }
    for name in ["energy[0m", "phishing[0m", "CVE-2021-1[0m"] {
        assert!(drawn.iter().any(|t| t == name), "{name} is drawn: {drawn:?}");
    }
    assert!(drawn.iter().any(|t| t.starts_with("US Department of Justice[0m")), "{drawn:?}");

    // A dataset made without ingest (as a program might) still draws XML.
    let v: Value = serde_json::from_slice(file).unwrap();
    let records = |list: &str| v[list].clone();
    let raw = Dataset {
        actors: serde_json::from_value(records("actors")).unwrap(),
        incidents: serde_json::from_value(records("incidents")).unwrap(),
        claims: serde_json::from_value(records("claims")).unwrap(),
        ..d.clone()
    };
    assert!(raw.actors.iter().any(|a| a.name.contains('\u{7}')), "the raw dataset keeps its control characters");
    let index = Index::build(&raw);
    for chart in ChartId::ALL {
        let svg = to_svg(&aggregate(chart, &raw, &index, &all(&raw), Lang::En), &LIGHT, 800, 500, Lang::En);
        svg::parsed(&svg).unwrap_or_else(|e| panic!("{chart:?} drawn from raw text: not XML ({e})"));
    }
}

#[path = "common/random_dataset.rs"]
mod random_dataset;

/// Names sorted by count, most first, ties by lower-cased name then name, cut to `top`.
fn naive_ranked(counts: std::collections::HashMap<String, u32>, top: usize) -> Vec<(String, u32)> {
    let mut v: Vec<(String, u32)> = counts.into_iter().collect();
    v.sort_by_key(|(n, c)| (std::cmp::Reverse(*c), n.to_lowercase(), n.clone()));
    v.truncate(top);
    v
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(150))]

    /// The aggregates read from the index's integer columns equal the same numbers counted
    /// claim by claim from the dataset, for any subset of claims.
    #[test]
    fn aggregates_match_counting_from_the_dataset(d in random_dataset::dataset(16), keep in proptest::collection::vec(proptest::prelude::any::<bool>(), 16)) {
        use std::collections::HashMap;
        use cyber_claims_explorer::model::Side;
        use cyber_claims_explorer::stats::TOP_RANKED;
        let index = Index::build(&d);
        let ids: Vec<u32> = index.by_date.iter().rev().copied().filter(|&c| keep[c as usize]).collect();
        // Timeline.
        let ChartData::Timeline(t) = aggregate(ChartId::Timeline, &d, &index, &ids, Lang::En) else { panic!() };
        let mut per: HashMap<Quarter, [u32; 5]> = HashMap::new();
        for &c in &ids {
            let claim = &d.claims[c as usize];
            let cell = match d.side(claim) { Side::Other => 4, s => s as usize * 2 + usize::from(claim.stance.is_answer()) };
            per.entry(Quarter::of(&claim.date)).or_default()[cell] += 1;
        }
        let got: HashMap<Quarter, [u32; 5]> = t.quarters.iter()
            .map(|q| (q.quarter, [q.us_cn_accusing, q.us_cn_answering, q.cn_us_accusing, q.cn_us_answering, q.other]))
            .filter(|(_, c)| c.iter().any(|&n| n > 0)).collect();
        proptest::prop_assert_eq!(got, per);
        if let (Some(a), Some(b)) = (t.quarters.first(), t.quarters.last()) {
            let span = usize::from(b.quarter.year - a.quarter.year) * 4 + usize::from(b.quarter.quarter) - usize::from(a.quarter.quarter) + 1;
            proptest::prop_assert_eq!(t.quarters.len(), span);
        }
        // Sectors and vectors: names counted once per claim.
        for chart in [ChartId::Sectors, ChartId::Vectors] {
            let (ChartData::Sectors(r) | ChartData::Vectors(r)) = aggregate(chart, &d, &index, &ids, Lang::En) else { panic!() };
            let mut counts: HashMap<String, u32> = HashMap::new();
            let mut without = 0;
            for &c in &ids {
                let x = d.claims[c as usize].incident.as_ref().and_then(|x| d.incidents.iter().rfind(|i| &i.id == x));
                let mut names: Vec<&String> = match (x, chart) {
                    (None, _) => vec![],
                    (Some(x), ChartId::Sectors) => x.sectors.iter().collect(),
                    (Some(x), _) => x.vectors.iter().chain(&x.cves).collect(),
                };
                names.sort();
                names.dedup();
                without += u32::from(names.is_empty());
                names.into_iter().for_each(|n| *counts.entry(n.clone()).or_default() += 1);
            }
            proptest::prop_assert_eq!(r.distinct, counts.len());
            proptest::prop_assert_eq!(r.without, without);
            let items: Vec<(String, u32)> = r.items.iter().map(|i| (i.name.clone(), i.claims)).collect();
            proptest::prop_assert_eq!(items, naive_ranked(counts, TOP_RANKED));
        }
        // Who accuses whom.
        let ChartData::Actors(m) = aggregate(ChartId::Actors, &d, &index, &ids, Lang::En) else { panic!() };
        let name = |id: &str| d.actor_name(id).to_string();
        let (mut by_claimant, mut by_accused, mut pairs) = (HashMap::new(), HashMap::new(), HashMap::new());
        for &c in &ids {
            let claim = &d.claims[c as usize];
            *by_claimant.entry(claim.claimant.clone()).or_insert(0u32) += 1;
            let mut accused = claim.accused.clone();
            accused.sort();
            accused.dedup();
            for a in accused {
                *by_accused.entry(a.clone()).or_insert(0u32) += 1;
                *pairs.entry((claim.claimant.clone(), a)).or_insert(0u32) += 1;
            }
        }
        if pairs.is_empty() {
            proptest::prop_assert!(m.busiest.is_none() && m.claimants.is_empty());
        } else {
            let accusing: HashMap<String, u32> = by_claimant.iter().filter(|(c, _)| pairs.keys().any(|(p, _)| p == *c)).map(|(c, n)| (name(c), *n)).collect();
            let rows = naive_ranked(accusing.clone(), 6);
            let columns = naive_ranked(by_accused.iter().map(|(a, n)| (name(a), *n)).collect(), 6);
            proptest::prop_assert_eq!(&m.claimants, &rows.iter().map(|r| r.0.clone()).collect::<Vec<_>>());
            proptest::prop_assert_eq!(&m.accused, &columns.iter().map(|r| r.0.clone()).collect::<Vec<_>>());
            proptest::prop_assert_eq!(m.distinct_claimants, accusing.len());
            proptest::prop_assert_eq!(m.distinct_accused, by_accused.len());
            let named: HashMap<(String, String), u32> = pairs.iter().map(|((c, a), n)| ((name(c), name(a)), *n)).collect();
            for (r, row) in rows.iter().enumerate() {
                for (k, col) in columns.iter().enumerate() {
                    proptest::prop_assert_eq!(m.counts[r][k], named.get(&(row.0.clone(), col.0.clone())).copied().unwrap_or(0));
                }
            }
            let most = *pairs.values().max().unwrap();
            let busiest = naive_ranked(named.iter().filter(|(_, n)| **n == most).map(|((c, a), n)| (format!("{c}\u{0}{a}"), *n)).collect(), 1);
            let (key, n) = busiest[0].clone();
            let (c, a) = key.split_once('\u{0}').unwrap();
            proptest::prop_assert_eq!(m.busiest.clone(), Some((c.to_string(), a.to_string(), n)));
        }
    }
}
