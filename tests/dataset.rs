//! The bundled dataset: it passes every check, meets the coverage the project promises, holds
//! every claim of the seed report, and its published schema is the generated one.

use std::collections::{HashMap, HashSet};

use cyber_claims_explorer::ingest::{self, read_json};
use cyber_claims_explorer::model::schema::{json_schema, SCHEMA_PATH};
use cyber_claims_explorer::model::{Dataset, Side, Stance};
use serde_json::Value;

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bundled() -> Dataset {
    let bytes = std::fs::read(root().join("public/data/claims.json")).unwrap();
    let ingested = read_json(&bytes).expect("the bundled dataset reads");
    assert!(ingested.report.problems.is_empty(), "the bundled dataset has problems: {:#?}", ingested.report.problems);
    ingested.dataset
}

#[test]
fn bundled_dataset_meets_its_coverage() {
    let d = bundled();
    let n = d.claims.len();
    assert!(n >= 200, "{n} claims, at least 200 promised");
    for year in 2010..=2026 {
        let k = d.claims.iter().filter(|c| c.date.year == year).count();
        assert!(k >= 3, "{year}: {k} claims, at least 3 promised");
    }
    // At least 45% of the claims are in a thread (linked by answers) with both sides in it.
    let mut group: Vec<usize> = (0..n).collect();
    fn root(g: &mut [usize], mut i: usize) -> usize {
        while g[i] != i {
            g[i] = g[g[i]];
            i = g[i];
        }
        i
    }
    for (i, c) in d.claims.iter().enumerate() {
        for r in &c.responds_to {
            let j = d.claims.iter().position(|x| &x.id == r).unwrap();
            let (a, b) = (root(&mut group, i), root(&mut group, j));
            group[a] = b;
        }
    }
    let mut sides: HashMap<usize, HashSet<&str>> = HashMap::new();
    for (i, c) in d.claims.iter().enumerate() {
        let country = d.actor(&c.claimant).map_or("", |a| a.country.as_str());
        sides.entry(root(&mut group, i)).or_default().insert(country);
    }
    let two_sided = (0..n).filter(|&i| sides[&root(&mut group, i)].is_superset(&HashSet::from(["US", "CN"]))).count();
    assert!(two_sided * 100 >= n * 45, "{two_sided} of {n} claims in a two-sided thread");
    // The new stances are in use: the 2015 commitment, and a non-answer.
    assert!(d.claims.iter().any(|c| c.stance == Stance::Agreement && c.date.to_string() == "2015-09-25"));
    assert!(d.claims.iter().any(|c| c.stance == Stance::NonAnswer));
    let years: Vec<u16> = d.claims.iter().map(|c| c.date.year).collect();
    assert_eq!((years.iter().min(), years.iter().max()), (Some(&2010), Some(&2026)));
    let side = |s| d.claims.iter().filter(|c| d.side(c) == s).count();
    assert!(side(Side::UsCn) >= 30, "US→China: {}", side(Side::UsCn));
    assert!(side(Side::CnUs) >= 30, "China→US: {}", side(Side::CnUs));
    let answers = d.claims.iter().filter(|c| matches!(c.stance, Stance::Denial | Stance::CounterAccusation)).count();
    assert!(answers >= 30, "{answers} denials or counter-accusations");

    let mut per_incident: HashMap<&str, usize> = HashMap::new();
    for c in &d.claims {
        if let Some(i) = &c.incident {
            *per_incident.entry(i).or_default() += 1;
        }
    }
    let threaded = d.claims.iter().filter(|c| c.incident.as_deref().is_some_and(|i| per_incident[i] >= 2)).count();
    assert!(threaded * 10 >= n * 4, "{threaded} of {n} claims sit in an incident with two or more claims");
    let answering = d.claims.iter().filter(|c| !c.responds_to.is_empty()).count();
    assert!(answering >= 30, "only {answering} claims say which claim they answer");

    for c in &d.claims {
        assert!((1..=3).contains(&c.sources.len()), "{}: {} sources", c.id, c.sources.len());
        assert!(c.sources[0].is_web_link(), "{}: the first source is not a web link", c.id);
    }
    let aliased = d.actors.iter().filter(|a| a.kind == "threat-group" && !a.aliases.is_empty()).count();
    assert!(aliased >= 5, "threat groups with aliases: {aliased}");
    assert!(d.actors.iter().filter(|a| a.name_zh.is_some()).count() >= 10);
    assert!(d.claims.iter().any(|c| c.confidence == cyber_claims_explorer::model::Confidence::Partial));
}

#[test]
fn every_claim_of_the_seed_report_is_present() {
    let d = bundled();
    let claim = |id: &str| d.claims.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("seed claim {id} is missing"));
    let incident = |id: &str| d.incidents.iter().find(|i| i.id == id).unwrap();

    let materials = claim("2024-12-18-cncert-us-advanced-materials");
    assert_eq!((materials.claimant.as_str(), materials.stance), ("cncert", Stance::Accusation));
    assert_eq!(d.side(materials), Side::CnUs);
    let unit = incident("2024-cn-advanced-materials");
    assert_eq!(unit.began.unwrap().to_string(), "2024-08");
    assert_eq!(unit.scale.get("devices"), Some(&270.0));

    let energy = claim("2024-12-18-cncert-us-smart-energy");
    let firm = incident(energy.incident.as_deref().unwrap());
    assert_eq!(firm.began.unwrap().to_string(), "2023-05");
    assert_eq!(firm.scale.get("devices"), Some(&30.0));
    assert!(firm.vectors.iter().any(|v| v.contains("exchange")));

    let weekly = claim("2024-12-cncert-weekly-incident-figures");
    assert_eq!(weekly.stance, Stance::Report);
    for figure in ["146", "92", "2,950"] {
        assert!(weekly.summary.contains(figure), "weekly report figure {figure}");
    }

    let tp_link = claim("2024-12-18-us-commerce-tp-link-probe");
    assert!(tp_link.accused.contains(&"tp-link".to_string()));
    let telecoms = claim("2024-12-04-white-house-salt-typhoon-eight-telecoms");
    assert!(telecoms.headline.contains("eight") && telecoms.accused.contains(&"salt-typhoon".to_string()));
    // The embassy's call on the US to "stop its own cyberattacks against other countries".
    let embassy = claim("2024-12-03-cn-embassy-us-stop-own-cyberattacks");
    assert_eq!(embassy.claimant, "cn-embassy-us");
    assert!(embassy.stance.is_answer() && embassy.tags.iter().any(|t| t == "seed-report"));
    let cia = claim("2023-05-04-cverc-cia-empire-of-hacking");
    assert!(cia.accused.contains(&"us-cia".to_string()));

    let tagged: HashSet<&str> =
        d.claims.iter().filter(|c| c.tags.iter().any(|t| t == "seed-report")).map(|c| c.id.as_str()).collect();
    assert!(tagged.len() >= 7, "seed-report tags: {tagged:?}");
}

#[test]
fn claims_are_worded_as_claims() {
    let d = bundled();
    let reported = [
        "said",
        "says",
        "alleg",
        "accus",
        "report",
        "claim",
        "charg",
        "denied",
        "denies",
        "reject",
        "attribut",
        "according",
        "told",
        "call",
        "urg",
        "warn",
        "state",
        "sanction",
        "indict",
        "link",
        "name",
        "identif",
        "blam",
        "describ",
        "tie",
        "argu",
        "say",
        "conclu",
        "assert",
        "found",
    ];
    for c in &d.claims {
        let text = format!("{} {}", c.headline, c.summary).to_lowercase();
        assert!(reported.iter().any(|w| text.contains(w)), "{} is not worded as a claim: {text}", c.id);
    }
}

#[test]
fn published_schema_equals_the_generated_one() {
    let committed = std::fs::read_to_string(root().join(SCHEMA_PATH)).expect("the schema is committed");
    assert!(
        committed == json_schema(),
        "{SCHEMA_PATH} differs from the schema generated from the Rust types; regenerate it with `make schema`"
    );
}

#[test]
fn the_field_lists_of_the_reader_match_the_schema() {
    let schema: Value = serde_json::from_str(&json_schema()).unwrap();
    let props = |v: &Value| -> HashSet<String> { v["properties"].as_object().unwrap().keys().cloned().collect() };
    let set = |fields: &[&str]| -> HashSet<String> { fields.iter().map(|s| s.to_string()).collect() };
    assert_eq!(props(&schema), set(ingest::DATASET_FIELDS));
    let defs = &schema["$defs"];
    assert_eq!(props(&defs["Actor"]), set(ingest::ACTOR_FIELDS));
    assert_eq!(props(&defs["Incident"]), set(ingest::INCIDENT_FIELDS));
    assert_eq!(props(&defs["Claim"]), set(ingest::CLAIM_FIELDS));
    assert_eq!(props(&defs["Quote"]), set(ingest::QUOTE_FIELDS));
    assert_eq!(props(&defs["Source"]), set(ingest::SOURCE_FIELDS));
    let stances: Vec<&str> = defs["Stance"]["enum"].as_array().map_or_else(
        || defs["Stance"]["oneOf"].as_array().unwrap().iter().map(|v| v["const"].as_str().unwrap()).collect(),
        |a| a.iter().map(|v| v.as_str().unwrap()).collect(),
    );
    assert_eq!(stances, Stance::ALL.map(Stance::as_str));
}

#[test]
fn every_claim_reads_in_both_languages_and_a_search_in_either_finds_it() {
    let d = bundled();
    for c in &d.claims {
        let zh = |t: &Option<String>| {
            t.as_deref().is_some_and(|t| t.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)))
        };
        assert!(zh(&c.headline_zh) && zh(&c.summary_zh), "{}: a Chinese headline and summary", c.id);
    }
    for x in d.incidents.iter().filter(|x| d.claims.iter().any(|c| c.incident.as_deref() == Some(&x.id))) {
        assert!(x.title_zh.is_some(), "{}: a Chinese title", x.id);
    }
    let search = cyber_claims_explorer::query::SearchIndex::build(&d);
    let seed = d.claims.iter().position(|c| c.id == "2024-12-18-cncert-us-advanced-materials").unwrap();
    // Its Chinese text, searched in Chinese; its English text, searched in English.
    let zh_words: String = d.claims[seed]
        .headline_zh
        .as_deref()
        .unwrap()
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .take(4)
        .collect();
    assert!(search.matching(&zh_words).contains(&seed), "{zh_words}");
    assert!(search.matching("advanced materials").contains(&seed));
}

#[test]
fn quotes_record_the_language_they_were_said_in_and_originals_are_chinese() {
    let d = bundled();
    let quotes: Vec<_> = d.claims.iter().filter_map(|c| c.quote.as_ref().map(|q| (c, q))).collect();
    let said_in_zh = quotes.iter().filter(|(_, q)| q.said_in.as_deref() == Some("zh")).count();
    assert!(said_in_zh >= 60, "{said_in_zh} quotes said in Chinese");
    for (c, q) in &quotes {
        if let Some(original) = &q.original {
            assert!(q.is_translation(), "{}: an original goes with a translated text", c.id);
            assert!(original.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)), "{}: {original}", c.id);
        }
        if q.said_in.as_deref() == Some("zh") {
            let country = d.actor(&c.claimant).map(|a| a.country.as_str());
            assert_eq!(country, Some("CN"), "{}: said in Chinese by a Chinese claimant", c.id);
        }
    }
    assert!(quotes.iter().filter(|(_, q)| q.original.is_some()).count() >= 8);
}
