//! Claims out (`export`): the JSON export reads back to the same records, the CSV export to
//! the same claims in every column it carries, and the STIX 2.1 bundle parses under OASIS's
//! own library (`stix2`, installed by `make test` into .tools/stix/) with custom content refused.

use std::process::Command;

use cyber_claims_explorer::export::{selection, to_csv, to_json, to_stix};
use cyber_claims_explorer::ingest::{self, read_json};
use cyber_claims_explorer::model::{Dataset, Stance};

fn bundled() -> Dataset {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/claims.json")).unwrap();
    read_json(&bytes).unwrap().dataset
}

#[test]
fn json_reads_back_to_the_same_records_whole_or_selected() {
    let d = bundled();
    assert_eq!(read_json(to_json(&d).as_bytes()).unwrap().dataset, d);
    let all: Vec<u32> = (0..d.claims.len() as u32).collect();
    assert_eq!(selection(&d, &all).claims, d.claims);

    // The denials only: their answers point at claims left out, and lose those references.
    let denials: Vec<u32> = all.iter().copied().filter(|&i| d.claims[i as usize].stance == Stance::Denial).collect();
    let chosen = selection(&d, &denials);
    assert_eq!(chosen.claims.len(), denials.len());
    let back = read_json(to_json(&chosen).as_bytes()).unwrap();
    assert!(back.report.problems.is_empty(), "{:?}", back.report.problems);
    assert_eq!(back.dataset, chosen);
    assert!(chosen.actors.len() < d.actors.len() && chosen.incidents.len() < d.incidents.len());
    for c in &chosen.claims {
        assert!(chosen.actor(&c.claimant).is_some());
        assert!(c.responds_to.iter().all(|r| chosen.claims.iter().any(|x| &x.id == r)));
    }
}

#[test]
fn csv_reads_back_to_the_same_claims_in_every_column() {
    let d = bundled();
    let text = to_csv(&d);
    let read = ingest::read(text.as_bytes(), &["claims.csv"]).expect("the export reads");
    let errors: Vec<_> = read.report.problems.iter().filter(|p| p.severity == ingest::Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let back = read.dataset;
    assert_eq!(back.claims.len(), d.claims.len());
    let mut semicolons = 0;
    for (a, b) in d.claims.iter().zip(&back.claims) {
        let at = &a.id;
        assert_eq!((&a.id, a.date, a.stance, a.confidence), (&b.id, b.date, b.stance, b.confidence), "{at}");
        assert_eq!((&a.headline, &a.summary, &a.tags), (&b.headline, &b.summary, &b.tags), "{at}");
        assert_eq!((&a.headline_zh, &a.summary_zh), (&b.headline_zh, &b.summary_zh), "{at}");
        assert_eq!(
            (&a.responds_to, &a.aliases, &a.same_side_reason),
            (&b.responds_to, &b.aliases, &b.same_side_reason),
            "{at}"
        );
        assert_eq!(a.quote, b.quote, "{at}");
        assert_eq!(a.sources, b.sources, "{at}");
        assert_eq!(d.actor_name(&a.claimant), back.actor_name(&b.claimant), "{at}");
        let names = |ds: &Dataset, c: &cyber_claims_explorer::model::Claim| {
            c.accused.iter().map(|x| ds.actor_name(x).to_string()).collect::<Vec<_>>()
        };
        assert_eq!(names(&d, a), names(&back, b), "{at}");
        let incident = |ds: &Dataset, c: &cyber_claims_explorer::model::Claim| {
            c.incident.as_ref().map(|x| ds.incidents.iter().find(|i| &i.id == x).unwrap().title.clone())
        };
        assert_eq!(incident(&d, a), incident(&back, b), "{at}");
        let incident_zh = |ds: &Dataset, c: &cyber_claims_explorer::model::Claim| {
            c.incident.as_ref().and_then(|x| ds.incidents.iter().find(|i| &i.id == x).unwrap().title_zh.clone())
        };
        assert_eq!(incident_zh(&d, a), incident_zh(&back, b), "{at}");
        semicolons += a.sources.iter().filter(|s| s.title.contains(';')).count();
    }
    assert!(semicolons > 0, "the bundled data has titles with a ';', which the export escapes");
}

#[test]
fn a_cell_a_spreadsheet_would_run_is_defused_the_one_change_a_round_trip_shows() {
    let mut d = bundled();
    d.claims.truncate(1);
    d.claims[0].headline = "=HYPERLINK(\"https://example.org\")".into();
    let back = ingest::read(to_csv(&d).as_bytes(), &["claims.csv"]).unwrap().dataset;
    assert_eq!(back.claims[0].headline, "'=HYPERLINK(\"https://example.org\")");
    assert_eq!(back.claims[0].summary, d.claims[0].summary);
}

#[test]
fn stix_parses_under_oasis_stix2_with_custom_content_refused() {
    let d = bundled();
    let path = std::env::temp_dir().join(format!("claims-{}.stix.json", std::process::id()));
    std::fs::write(&path, to_stix(&d)).unwrap();
    let python = concat!(env!("CARGO_MANIFEST_DIR"), "/.tools/stix/bin/python");
    let out = Command::new(python)
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/stix_parse.py"))
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{python}: {e} — `make test` installs stix2 (.ci/setup.sh browser)"));
    assert!(out.status.success(), "stix2 refused the bundle:\n{}", String::from_utf8_lossy(&out.stderr));
    let counts: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(counts["report"], d.claims.len());
    let claimants: std::collections::BTreeSet<&str> = d.claims.iter().map(|c| c.claimant.as_str()).collect();
    assert_eq!(counts["identity"], claimants.len());
    assert!(counts["intrusion-set"].as_u64().unwrap() > 5, "{counts}");
    assert!(counts["threat-actor"].as_u64().unwrap() > 5, "{counts}");
    let attributions = d.claims.iter().filter(|c| c.stance == Stance::Attribution && !c.accused.is_empty()).count();
    assert!(counts["relationship"].as_u64().unwrap() >= attributions as u64 / 2, "{counts}");
    // The same record gets the same id in every export.
    assert_eq!(to_stix(&d), to_stix(&d));
    let _ = std::fs::remove_file(path);
}
