//! Random small datasets for property tests: text from pieces that stress folding (case,
//! accents, ß, dotted İ, typographic quotes, Chinese, several kinds of whitespace), actors
//! from three countries, incidents with repeated sectors and vectors, every stance.

use cyber_claims_explorer::ingest::read_json;
use cyber_claims_explorer::model::Dataset;
use proptest::prelude::*;
use serde_json::{json, Value};

pub const PIECES: &[&str] = &[
    "net", "work", "NÉ", "été", "Straße", "ss", "İ", "i", "国家", "应急", "中心", "a", "ab", "-", "’", "'", "“x”", "7",
];
const SEPARATORS: &[&str] = &[" ", "  ", "\n", "\t", "\u{3000}", "", "", ""];

/// Text made of pieces and separators.
pub fn phrase(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec((prop::sample::select(PIECES), prop::sample::select(SEPARATORS)), 0..max)
        .prop_map(|parts| parts.into_iter().map(|(p, s)| format!("{p}{s}")).collect())
}

const STANCES: &[&str] =
    &["accusation", "attribution", "indictment", "sanction", "advisory", "report", "denial", "counter-accusation"];
const COUNTRIES: &[&str] = &["US", "CN", "GB"];
const NAMES: &[&str] = &["alpha", "Beta", "gamma", "delta"];

fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        (2019u16..2025).prop_map(|y| y.to_string()),
        (2019u16..2025, 1u8..13).prop_map(|(y, m)| format!("{y}-{m:02}")),
        (2019u16..2025, 1u8..13, 1u8..29).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
    ]
}

fn names(max: usize) -> impl Strategy<Value = Vec<&'static str>> {
    proptest::collection::vec(prop::sample::select(NAMES), 0..max)
}

/// A dataset of 0–`max_claims` claims over six actors and four incidents.
pub fn dataset(max_claims: usize) -> impl Strategy<Value = Dataset> {
    let actors = proptest::collection::vec((phrase(3), proptest::option::of(phrase(2)), names(2)), 6);
    let incidents = proptest::collection::vec((names(3), names(3), names(2)), 4);
    let claim = (
        date(),
        0usize..6,
        proptest::collection::vec(0usize..6, 0..3),
        prop::sample::select(STANCES),
        proptest::option::of(0usize..5),
        (phrase(4), phrase(8), proptest::option::of((phrase(3), phrase(2)))),
    );
    (actors, incidents, proptest::collection::vec(claim, 0..max_claims)).prop_map(|(actors, incidents, claims)| {
        let actors: Vec<Value> = actors
            .into_iter()
            .enumerate()
            .map(|(i, (name, zh, aliases))| {
                let mut a = json!({"id": format!("a{i}"), "name": format!("n{i} {name}"), "country": COUNTRIES[i % 3],
                    "kind": "agency", "aliases": aliases});
                if let Some(zh) = zh.filter(|z| !z.trim().is_empty()) {
                    a["name_zh"] = json!(zh);
                }
                a
            })
            .collect();
        let incidents: Vec<Value> = incidents
            .into_iter()
            .enumerate()
            .map(|(i, (sectors, vectors, cves))| {
                json!({"id": format!("x{i}"), "title": format!("Incident {}", i % 3), "sectors": sectors,
                    "vectors": vectors, "cves": cves})
            })
            .collect();
        let claims: Vec<Value> = claims
            .into_iter()
            .enumerate()
            .map(|(i, (date, claimant, accused, stance, incident, (headline, summary, quote)))| {
                let mut c = json!({"id": format!("c{i}"), "date": date, "claimant": format!("a{claimant}"),
                    "accused": accused.iter().map(|a| format!("a{a}")).collect::<Vec<_>>(), "stance": stance,
                    "headline": format!("h{i} {headline}"), "summary": format!("s {summary}"),
                    "sources": [{"publisher": "P", "url": "https://example.org/"}]});
                // Incident 4 does not exist: such claims are excluded by the checks.
                if let Some(x) = incident.filter(|&x| x < 4) {
                    c["incident"] = json!(format!("x{x}"));
                }
                if let Some((text, speaker)) = quote {
                    c["quote"] = json!({"text": format!("q {text}"), "speaker": speaker});
                }
                c
            })
            .collect();
        let file = json!({"schema": "claims-explorer/1", "title": "Random", "updated": "2026-01-01", "license": "CC0",
            "actors": actors, "incidents": incidents, "claims": claims});
        let read = read_json(serde_json::to_string(&file).expect("JSON").as_bytes()).expect("a dataset");
        read.dataset
    })
}
