//! Native tests of the pure core on the small fixture: parsing, sides, search.

use cyber_claims_explorer::ingest::read_json;
use cyber_claims_explorer::model::{Dataset, Side, Stance};
use cyber_claims_explorer::query::SearchIndex;

fn small() -> Dataset {
    let ingested = read_json(include_bytes!("fixtures/small.json")).expect("the fixture parses");
    // One warning: c4's javascript: source, which stays as text.
    assert_eq!(ingested.report.problems.len(), 1, "{:?}", ingested.report.problems);
    assert_eq!(ingested.report.problems[0].location.to_string(), "claims[3].sources[0].url");
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
    assert_eq!(e.location.as_ref().map(|at| at.to_string()).as_deref(), Some("line 7, column 31"));
    assert!(e.message.to_string().contains("cut off"), "{e}");
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
fn a_former_id_still_finds_its_claim() {
    let mut d = small();
    d.claims[2].aliases = vec!["an-old-id".into()];
    assert_eq!(d.claim_position("an-old-id"), Some(2));
    assert_eq!(d.claim_position(&d.claims[4].id.clone()), Some(4));
    assert_eq!(d.claim_position("never-was"), None);
    // An id in use wins over another claim's former id.
    let taken = d.claims[1].id.clone();
    d.claims[3].aliases = vec![taken.clone()];
    assert_eq!(d.claim_position(&taken), Some(1));
}
