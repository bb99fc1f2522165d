//! Every rule of the ingest, each on a small fixture, for JSON and CSV; the CSV mapping; and
//! the CSV → JSON round trip.

use cyber_claims_explorer::i18n::Lang;
use cyber_claims_explorer::ingest::{
    read, read_csv, read_json, Ingested, Severity, LOCATION_MAX, MESSAGE_MAX, PROBLEMS_KEPT, QUOTED_MAX,
};
use cyber_claims_explorer::model::Stance;
use serde_json::{json, Value};

/// A valid dataset of two actors, one incident and two claims (an accusation and its denial).
fn base() -> Value {
    json!({
        "schema": "claims-explorer/1",
        "title": "Fixture",
        "updated": "2025-06-30",
        "license": "CC0",
        "actors": [
            {"id": "us-doj", "name": "US Department of Justice", "country": "US", "kind": "ministry"},
            {"id": "cn-mfa", "name": "Chinese Ministry of Foreign Affairs", "country": "CN", "kind": "ministry"}
        ],
        "incidents": [{"id": "2019-x", "title": "An alleged intrusion", "began": "2019"}],
        "claims": [
            {"id": "a", "date": "2019-03-04", "claimant": "us-doj", "accused": ["cn-mfa"], "stance": "indictment",
             "incident": "2019-x", "headline": "Charges", "summary": "Prosecutors alleged an intrusion.",
             "sources": [{"publisher": "Wire", "title": "T", "url": "https://example.org/a"}]},
            {"id": "b", "date": "2019-03-05", "claimant": "cn-mfa", "accused": ["us-doj"], "stance": "denial",
             "incident": "2019-x", "responds_to": ["a"], "headline": "Denial", "summary": "The ministry denied it.",
             "sources": [{"publisher": "Wire", "url": "https://example.org/b"}]}
        ]
    })
}

fn ingest(v: &Value) -> Ingested {
    read_json(v.to_string().as_bytes()).expect("readable")
}

/// Problems as "severity location: message" lines.
fn lines(i: &Ingested) -> Vec<String> {
    i.report.problems.iter().map(|p| format!("{} {}: {}", p.severity.as_str(), p.location, p.message)).collect()
}

fn has(i: &Ingested, severity: Severity, location: &str, words: &str) {
    assert!(
        i.report.problems.iter().any(|p| p.severity == severity
            && p.location.to_string() == location
            && p.message.to_string().contains(words)),
        "expected a {} at {location} saying {words:?}; got {:#?}",
        severity.as_str(),
        lines(i)
    );
}

fn claim_ids(i: &Ingested) -> Vec<&str> {
    i.dataset.claims.iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn the_base_fixture_is_clean() {
    let i = ingest(&base());
    assert!(i.report.problems.is_empty(), "{:#?}", lines(&i));
    assert_eq!(claim_ids(&i), ["a", "b"]);
    assert_eq!(i.report.claims.loaded, 2);
    assert!(!i.report.excluded_any());
}

#[test]
fn duplicate_ids_exclude_the_second_record() {
    let mut v = base();
    v["claims"][1]["id"] = json!("a");
    v["claims"][1]["responds_to"] = json!([]);
    let i = ingest(&v);
    has(&i, Severity::Error, "claims[1].id", "already used at claims[0]");
    has(&i, Severity::Error, "claims[1]", "excluded");
    assert_eq!(claim_ids(&i), ["a"]);
    assert_eq!(i.report.claims.excluded, 1);

    let mut v = base();
    v["actors"][1]["id"] = json!("us-doj");
    let i = ingest(&v);
    has(&i, Severity::Error, "actors[1].id", "already used at actors[0]");
    // The claims that named the lost actor are excluded too, each saying why.
    has(&i, Severity::Error, "claims[0].accused[0]", "\"cn-mfa\" is not an actor");
    has(&i, Severity::Error, "claims[1].claimant", "\"cn-mfa\" is not an actor");
    assert!(i.dataset.claims.is_empty());
}

#[test]
fn every_reference_must_resolve() {
    let mut v = base();
    v["claims"][0]["claimant"] = json!("nobody");
    v["claims"][1]["incident"] = json!("2099-missing");
    let i = ingest(&v);
    has(&i, Severity::Error, "claims[0].claimant", "\"nobody\" is not an actor");
    has(&i, Severity::Error, "claims[1].incident", "\"2099-missing\" is not an incident");
    assert!(i.dataset.claims.is_empty());

    let mut v = base();
    v["claims"][1]["responds_to"] = json!(["zzz"]);
    let i = ingest(&v);
    has(&i, Severity::Error, "claims[1].responds_to[0]", "\"zzz\" is not a claim");
    assert_eq!(claim_ids(&i), ["a"]);
}

#[test]
fn dates_must_exist_and_not_be_after_updated() {
    let mut v = base();
    v["claims"][0]["date"] = json!("2023-02-30");
    v["claims"][1]["date"] = json!("2025-07");
    let i = ingest(&v);
    has(&i, Severity::Error, "claims[0].date", "that day does not exist");
    has(&i, Severity::Error, "claims[1].date", "after the dataset's updated date (2025-06-30)");
    assert!(i.dataset.claims.is_empty());

    let mut v = base();
    v["claims"][0]["sources"][0]["date"] = json!("2019-13");
    let i = ingest(&v);
    has(&i, Severity::Error, "claims[0].sources[0].date", "the month must be 01 to 12");
}

#[test]
fn stance_must_be_in_the_vocabulary() {
    let mut v = base();
    v["claims"][0]["stance"] = json!("rumour");
    let i = ingest(&v);
    has(&i, Severity::Error, "claims[0].stance", "\"rumour\" is not a stance; expected one of accusation,");
    has(&i, Severity::Error, "claims[0]", "this claim is excluded");
    assert_eq!(claim_ids(&i), ["b"]);
    assert_eq!(Stance::parse("counter-accusation"), Some(Stance::CounterAccusation));
}

#[test]
fn a_claim_needs_a_web_source() {
    let mut v = base();
    v["claims"][0]["sources"] = json!([]);
    v["claims"][1]["sources"] = json!([{"publisher": "P", "url": "ftp://example.org/x"}]);
    let i = ingest(&v);
    has(&i, Severity::Error, "claims[0].sources", "at least one source");
    has(&i, Severity::Error, "claims[1].sources", "http(s) URL");
    has(&i, Severity::Warning, "claims[1].sources[0].url", "shown as text");

    let mut v = base();
    v["claims"][0]["sources"].as_array_mut().unwrap().push(json!({"publisher": "Q", "url": "javascript:alert(1)"}));
    let i = ingest(&v);
    has(&i, Severity::Warning, "claims[0].sources[1].url", "not an http(s) URL");
    assert_eq!(claim_ids(&i), ["a", "b"], "a warning keeps the record");

    let mut v = base();
    v["claims"][0].as_object_mut().unwrap().remove("sources");
    let i = ingest(&v);
    has(&i, Severity::Error, "claims[0].sources", "the field \"sources\" is missing");
    has(&i, Severity::Error, "claims[0]", "excluded");
}

#[test]
fn responds_to_stays_in_its_incident_and_in_time() {
    let mut v = base();
    v["incidents"].as_array_mut().unwrap().push(json!({"id": "2020-y", "title": "Another"}));
    v["claims"][1]["incident"] = json!("2020-y");
    let i = ingest(&v);
    has(&i, Severity::Warning, "claims[1].responds_to[0]", "another incident");

    let mut v = base();
    v["claims"][1]["date"] = json!("2019-03-01");
    let i = ingest(&v);
    has(&i, Severity::Warning, "claims[1].responds_to[0]", "after this claim");

    // Same month at different precision is not "later".
    let mut v = base();
    v["claims"][1]["date"] = json!("2019-03");
    assert!(ingest(&v).report.problems.is_empty());

    let mut v = base();
    v["claims"][1]["responds_to"] = json!(["b"]);
    has(&ingest(&v), Severity::Error, "claims[1].responds_to[0]", "cannot respond to itself");
}

#[test]
fn text_fields_have_limits() {
    let mut v = base();
    v["claims"][0]["headline"] = json!("x".repeat(301));
    v["claims"][1]["headline"] = json!("   ");
    v["actors"][0]["name"] = json!("n".repeat(201));
    let i = ingest(&v);
    has(&i, Severity::Error, "claims[0].headline", "too long: 301 characters, at most 300");
    has(&i, Severity::Error, "claims[1].headline", "headline is empty");
    has(&i, Severity::Error, "actors[0].name", "too long");
    has(&i, Severity::Error, "actors[0]", "this actor is excluded");

    let mut v = base();
    v["claims"][0]["id"] = json!("has a space");
    has(&ingest(&v), Severity::Error, "claims[0].id", "contains spaces");
}

/// Every text of a dataset, with its place: what must be plain after a read.
fn every_text(d: &cyber_claims_explorer::model::Dataset) -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(items) => items.iter().for_each(|x| walk(x, out)),
            Value::Object(map) => map.iter().for_each(|(k, x)| {
                out.push(k.clone());
                walk(x, out)
            }),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(d).unwrap(), &mut out);
    out
}

#[test]
fn control_characters_leave_every_text_field_of_a_json_dataset_with_a_warning() {
    // A bell, an escape sequence, DEL, a C1 control, and the noncharacters U+FFFE and U+FFFF.
    let dirty = |s: &str| format!("{s}\u{7}\u{1b}[2J\u{7f}\u{85}\u{fffe}\u{ffff}");
    let mut v = base();
    v["title"] = json!(dirty("Fixture"));
    v["license"] = json!(dirty("CC0"));
    v["description"] = json!(dirty("About"));
    let a = &mut v["actors"][0];
    for field in ["id", "name", "name_zh", "country", "kind"] {
        a[field] = json!(dirty(a[field].as_str().unwrap_or("x")));
    }
    a["aliases"] = json!([dirty("DoJ")]);
    let x = &mut v["incidents"][0];
    for field in ["id", "title"] {
        x[field] = json!(dirty(x[field].as_str().unwrap()));
    }
    for field in ["sectors", "vectors", "cves"] {
        x[field] = json!([dirty(field)]);
    }
    x["scale"] = json!({dirty("devices"): 3});
    let c = &mut v["claims"][0];
    for field in ["id", "claimant", "incident", "headline", "summary"] {
        c[field] = json!(dirty(c[field].as_str().unwrap()));
    }
    c["accused"] = json!([dirty("cn-mfa")]);
    c["quote"] = json!({"text": dirty("Words"), "speaker": dirty("Someone")});
    c["tags"] = json!([dirty("tag")]);
    for field in ["publisher", "title", "url"] {
        c["sources"][0][field] = json!(dirty(c["sources"][0][field].as_str().unwrap()));
    }
    v["actors"][1]["id"] = json!(dirty("cn-mfa"));
    let b = &mut v["claims"][1];
    b["claimant"] = json!(dirty("cn-mfa"));
    b["responds_to"] = json!([dirty("a")]);
    b["accused"] = json!([dirty("us-doj")]);
    b["incident"] = json!(dirty("2019-x"));
    let i = ingest(&v);

    // The references still resolve: ids and the references to them are cleaned alike.
    assert_eq!(claim_ids(&i), ["a[2J", "b"], "{:#?}", lines(&i));
    assert_eq!(i.report.count(Severity::Error), 0, "{:#?}", lines(&i));
    for text in every_text(&i.dataset) {
        assert!(!text.contains(cyber_claims_explorer::ingest::is_removed), "{text:?} was kept");
    }
    let d = &i.dataset;
    assert_eq!((d.title.as_str(), d.actors[0].name.as_str()), ("Fixture[2J", "US Department of Justice[2J"));
    assert_eq!(d.claims[0].summary, "Prosecutors alleged an intrusion.[2J");
    assert_eq!(d.claims[1].responds_to, ["a[2J"]);
    assert_eq!(d.incidents[0].scale.keys().collect::<Vec<_>>(), ["devices[2J"]);
    for at in [
        "title",
        "license",
        "description",
        "actors[0].id",
        "actors[0].name",
        "actors[0].name_zh",
        "actors[0].country",
        "actors[0].kind",
        "actors[0].aliases[0]",
        "incidents[0].id",
        "incidents[0].title",
        "incidents[0].sectors[0]",
        "incidents[0].vectors[0]",
        "incidents[0].cves[0]",
        "incidents[0].scale.devices[2J",
        "claims[0].id",
        "claims[0].claimant",
        "claims[0].accused[0]",
        "claims[0].incident",
        "claims[0].headline",
        "claims[0].summary",
        "claims[0].quote.text",
        "claims[0].quote.speaker",
        "claims[0].sources[0].publisher",
        "claims[0].sources[0].title",
        "claims[0].sources[0].url",
        "claims[0].tags[0]",
        "claims[1].responds_to[0]",
    ] {
        has(
            &i,
            Severity::Warning,
            at,
            "removed 6 characters that text may not hold: U+0007, U+001B, U+007F, U+0085, …",
        );
    }
}

#[test]
fn line_breaks_stay_in_summaries_and_become_spaces_in_one_line_fields() {
    let mut v = base();
    v["claims"][0]["headline"] = json!("Two\nlines\tand a tab\r\n");
    v["claims"][0]["summary"] = json!("First paragraph.\r\n\r\nSecond,\tindented.\rThird.");
    v["claims"][0]["quote"] = json!({"text": "Line one\nline two"});
    let i = ingest(&v);
    assert!(i.report.problems.is_empty(), "whitespace is not worth a warning: {:#?}", lines(&i));
    let c = &i.dataset.claims[0];
    assert_eq!(c.headline, "Two lines and a tab  ");
    assert_eq!(c.summary, "First paragraph.\n\nSecond,\tindented.\nThird.");
    assert_eq!(c.quote.as_ref().unwrap().text, "Line one\nline two");
}

#[test]
fn control_characters_leave_csv_cells_reported_at_their_column() {
    let csv = "id,date,claimant,claimant_country,accused,stance,incident,headline,summary,quote,source_url,source_title,sectors,tags,note\n\
               a\u{7},2020,Fix\u{1b}ture Panda,US,Some\u{85}one,report,Inci\u{7f}dent,Head\u{0}line,\"Sum\u{fffe}mary\r\nline two\",Quo\u{ffff}te,https://e.org/\u{8},Ti\u{1}tle,sec\u{2}tor;other,t\u{3}ag,no\u{4}te\n";
    let i = read_csv(csv.as_bytes()).unwrap();
    assert_eq!(claim_ids(&i), ["a"], "{:#?}", lines(&i));
    let c = &i.dataset.claims[0];
    assert_eq!(
        (c.claimant.as_str(), c.accused[0].as_str(), c.incident.as_deref()),
        ("fixture-panda", "someone", Some("incident")),
        "names become ids once cleaned"
    );
    assert_eq!(i.dataset.actors[0].name, "Fixture Panda");
    assert_eq!(i.dataset.incidents[0].title, "Incident");
    assert_eq!(i.dataset.incidents[0].sectors, ["sector", "other"]);
    assert_eq!((c.headline.as_str(), c.summary.as_str()), ("Headline", "Summary\nline two"));
    assert_eq!((c.sources[0].url.as_str(), c.sources[0].title.as_str()), ("https://e.org/", "Title"));
    for column in [
        "id",
        "claimant",
        "accused",
        "incident",
        "headline",
        "summary",
        "quote",
        "source_url",
        "source_title",
        "sectors",
        "tags",
    ] {
        has(&i, Severity::Warning, &format!("row 2, column {column}"), "removed 1 character that text may not hold");
    }
    assert!(
        !i.report
            .problems
            .iter()
            .any(|p| p.location.to_string() == "row 2, column note" && p.message.to_string().contains("removed")),
        "an ignored column is not cleaned: {:#?}",
        lines(&i)
    );
    for text in every_text(&i.dataset) {
        assert!(!text.contains(cyber_claims_explorer::ingest::is_removed), "{text:?} was kept");
    }
}

#[test]
fn unknown_fields_are_warnings_with_a_hint() {
    let mut v = base();
    v["claims"][0]["claimnt"] = json!("us-doj");
    v["claims"][0]["sources"][0]["ulr"] = json!("x");
    v["actors"][0]["colour"] = json!("blue");
    v["titel"] = json!("typo");
    let i = ingest(&v);
    has(&i, Severity::Warning, "claims[0].claimnt", "did you mean \"claimant\"");
    has(&i, Severity::Warning, "claims[0].sources[0].ulr", "did you mean \"url\"");
    has(&i, Severity::Warning, "actors[0].colour", "unknown field \"colour\"");
    has(&i, Severity::Warning, "titel", "did you mean \"title\"");
    assert_eq!(claim_ids(&i), ["a", "b"]);
}

#[test]
fn wrong_types_are_located() {
    let mut v = base();
    v["claims"][1]["accused"] = json!("us-doj");
    let i = ingest(&v);
    has(&i, Severity::Error, "claims[1].accused", "expected a list of texts, found text");
    let mut v = base();
    v["incidents"][0]["scale"] = json!({"devices": "many"});
    let i = ingest(&v);
    has(&i, Severity::Error, "incidents[0].scale.devices", "expected a number, found text");
    has(&i, Severity::Error, "claims[0].incident", "not an incident");
}

#[test]
fn a_file_that_is_not_a_dataset_gets_one_clear_error() {
    for (bytes, words) in [
        (&b""[..], "the file is empty"),
        (b"   \r\n ", "the file is empty"),
        (b"<!doctype html><title>404</title>", "HTML"),
        (b"\x89PNG\r\n\x1a\n\0\0\0", "neither JSON nor UTF-8 CSV"),
        (b"{\"schema\": \"claims-explorer/1\", \"claims\": [", "cut off"),
        (b"{\"schema\": \"other/2\"}", "expected \"claims-explorer/1\""),
        (b"{\"title\": \"x\"}", "\"schema\" is missing"),
        (b"{\"schema\": \"claims-explorer/1\", \"claims\": 3}", "\"claims\" must be a list"),
    ] {
        let e = read(bytes, &[]).expect_err(&String::from_utf8_lossy(bytes));
        assert!(e.to_string().contains(words), "{e} should say {words:?}");
    }
    let e = read_csv(b"name,age\nA,3\n").unwrap_err();
    assert_eq!(e.location.as_ref().map(|at| at.to_string()).as_deref(), Some("row 1"));
    assert!(e.message.to_string().contains("no column id, date, claimant, stance, headline, source_url"), "{e}");
}

const CSV: &str = "\u{feff}id,date,claimant,claimant_country,accused,accused_country,stance,incident,headline,summary,quote,source_url,source_title,source_publisher,sectors,vectors\r\n\
a,2019-03-04,US Department of Justice,US,Fixture Panda;Hainan Xiandun,CN,indictment,Fixture intrusion,\"Charges, at last\",\"Prosecutors said \"\"brazen\"\" things.\",A brazen campaign,https://example.org/a;https://example.org/a2,First;Second,Wire;Daily,research;education,phishing\r\n\
b,2019-03,Chinese Ministry of Foreign Affairs,CN,US Department of Justice,US,denial,Fixture intrusion,Denial,\"Line one\nline two\",,https://example.org/b,,,government,\r\n\
c,2019-02-30,Someone,US,Fixture Panda,CN,accusation,,Bad date,,,https://example.org/c,,,,\r\n\
d,2020,Someone,US,Fixture Panda,CN,rumour,,Bad stance,,,https://example.org/d,,,,\r\n\
e,2020,Someone,US,Fixture Panda,CN,report,,No web source,,,ftp://example.org/e,,,,\r\n";

#[test]
fn csv_maps_quoted_fields_multi_values_bom_and_crlf() {
    let i = read_csv(CSV.as_bytes()).expect("readable");
    assert_eq!(claim_ids(&i), ["a", "b"], "{:#?}", lines(&i));
    let a = &i.dataset.claims[0];
    assert_eq!(a.headline, "Charges, at last");
    assert_eq!(a.summary, "Prosecutors said \"brazen\" things.");
    assert_eq!(a.claimant, "us-department-of-justice");
    assert_eq!(a.accused, ["fixture-panda", "hainan-xiandun"]);
    assert_eq!(a.incident.as_deref(), Some("fixture-intrusion"));
    assert_eq!(a.quote.as_ref().unwrap().text, "A brazen campaign");
    let urls: Vec<(&str, &str, &str)> =
        a.sources.iter().map(|s| (s.url.as_str(), s.title.as_str(), s.publisher.as_str())).collect();
    assert_eq!(urls, [("https://example.org/a", "First", "Wire"), ("https://example.org/a2", "Second", "Daily")]);
    let b = &i.dataset.claims[1];
    assert_eq!(b.summary, "Line one\nline two");
    assert_eq!(b.sources[0].publisher, "example.org", "the host stands in for a missing publisher");
    assert_eq!(b.date.to_string(), "2019-03");

    let incident = &i.dataset.incidents[0];
    assert_eq!(incident.title, "Fixture intrusion");
    assert_eq!(incident.sectors, ["research", "education", "government"]);
    assert_eq!(incident.vectors, ["phishing"]);
    let countries: Vec<(&str, &str)> = i.dataset.actors.iter().map(|a| (a.id.as_str(), a.country.as_str())).collect();
    assert!(
        countries.contains(&("hainan-xiandun", "CN"))
            && countries.contains(&("chinese-ministry-of-foreign-affairs", "CN"))
    );

    has(&i, Severity::Error, "row 4, column date", "that day does not exist");
    has(&i, Severity::Error, "row 5, column stance", "\"rumour\" is not a stance");
    has(&i, Severity::Error, "row 6, column source_url", "http(s) URL");
    has(&i, Severity::Error, "row 6", "excluded");
    assert_eq!(i.report.claims.excluded, 3);
    assert_eq!(i.dataset.updated.to_string(), "2019-03-04", "a CSV is as new as its newest claim");
}

#[test]
fn csv_reports_unknown_columns_and_short_rows() {
    let csv = "id,date,claimant,stance,headline,source_url,claimnt\na,2020,X,report,H,https://e.org\n";
    let i = read_csv(csv.as_bytes()).unwrap();
    has(&i, Severity::Warning, "row 1, column claimnt", "unknown column");
    has(&i, Severity::Warning, "row 2", "has 6 fields but the header has 7");
    has(&i, Severity::Warning, "row 2, column claimant", "no country");
    assert_eq!(claim_ids(&i), ["a"]);
}

#[test]
fn csv_unknown_columns_are_reported_in_the_headers_order_once_each() {
    // Found by the fuzzer: they came in a hash map's order, so the same file gave different
    // reports from one read to the next.
    let csv = "id,zeta,date,claimant,Alpha,stance,mid,headline,source_url,omega,zeta,beta\na,,2020,X,,report,,H,https://e.org,,,\n";
    let unknown: Vec<String> = read_csv(csv.as_bytes())
        .unwrap()
        .report
        .problems
        .iter()
        .filter(|p| p.message.to_string().starts_with("unknown column"))
        .map(|p| p.location.to_string())
        .collect();
    let columns = ["zeta", "alpha", "mid", "omega", "beta"].map(|c| format!("row 1, column {c}"));
    assert_eq!(unknown, columns);
}

#[test]
fn csv_to_json_round_trips() {
    let from_csv = read_csv(CSV.as_bytes()).unwrap().dataset;
    let json = serde_json::to_string_pretty(&from_csv).unwrap();
    let again = read_json(json.as_bytes()).unwrap();
    assert!(again.report.problems.is_empty(), "{:#?}", lines(&again));
    assert_eq!(again.dataset, from_csv);
}

#[test]
fn json_round_trips_through_serialisation() {
    let first = ingest(&base()).dataset;
    let text = serde_json::to_string(&first).unwrap();
    assert_eq!(read_json(text.as_bytes()).unwrap().dataset, first);
}

#[test]
fn a_dataset_read_in_pieces_is_the_dataset_read_whole() {
    let json = [b"\xEF\xBB\xBF".as_slice(), include_bytes!("fixtures/small.json")].concat();
    let csv = CSV.as_bytes();
    for (bytes, hint) in [(json.as_slice(), "small.json"), (csv, "claims.csv")] {
        let whole = cyber_claims_explorer::ingest::read(bytes, &[hint]).expect("read whole");
        for size in [1, 2, 5, 4096] {
            let mut reading = cyber_claims_explorer::ingest::Reading::new(&[hint]);
            for piece in bytes.chunks(size) {
                reading.push(piece).expect("a piece");
            }
            let pieces = reading.finish().expect("read in pieces");
            assert_eq!(pieces.report, whole.report, "{hint} in pieces of {size}");
            assert_eq!(
                serde_json::to_string(&pieces.dataset).unwrap(),
                serde_json::to_string(&whole.dataset).unwrap(),
                "{hint} in pieces of {size}"
            );
        }
    }
    let empty = cyber_claims_explorer::ingest::Reading::new(&["x.json"]);
    assert_eq!(empty.finish().unwrap_err().message.to_string(), "the file is empty");
    let mut page = cyber_claims_explorer::ingest::Reading::new(&["x.json"]);
    assert!(page.push(b"  <html>").unwrap_err().message.to_string().contains("HTML"));
}

/// `n` empty claims `{}` in an otherwise valid dataset: the hostile file of the load report.
fn empty_records(n: usize) -> Vec<u8> {
    let mut bytes =
        br#"{"schema":"claims-explorer/1","title":"T","updated":"2025","license":"CC0","claims":["#.to_vec();
    for i in 0..n {
        bytes.extend_from_slice(if i == 0 { b"{}" } else { b",{}" });
    }
    bytes.extend_from_slice(b"]}");
    bytes
}

#[test]
fn a_file_of_empty_records_gives_a_bounded_report_that_counts_every_problem() {
    let i = read_json(&empty_records(2_000)).expect("readable");
    let r = &i.report;
    assert_eq!((r.claims.loaded, r.claims.excluded), (0, 2_000));
    assert_eq!(r.problems.len(), PROBLEMS_KEPT);
    // Each empty claim: six missing fields and its exclusion.
    assert_eq!(r.count(Severity::Error), 2_000 * 7);
    assert_eq!(r.problems.len() + r.more.iter().map(|m| m.count).sum::<usize>(), 2_000 * 7);
    assert_eq!(r.problems[0].to_string(), "error: claims[0].id: the field \"id\" is missing");
    let kinds: Vec<String> = r.more.iter().map(|m| m.to_string()).collect();
    // Records 0–141 are kept whole (7 problems each), record 142 but for its exclusion.
    assert_eq!(
        kinds,
        [
            "and 1,858 more: error: claims[#]: this claim is excluded because of the error(s) above",
            "and 1,857 more: error: claims[#].id: the field \"…\" is missing",
            "and 1,857 more: error: claims[#].date: the field \"…\" is missing",
            "and 1,857 more: error: claims[#].claimant: the field \"…\" is missing",
            "and 1,857 more: error: claims[#].stance: the field \"…\" is missing",
            "and 1,857 more: error: claims[#].headline: the field \"…\" is missing",
            "and 1,857 more: error: claims[#].sources: the field \"…\" is missing",
        ]
    );
    assert!(r.summary().ends_with("14,000 errors, 0 warnings; the first 1,000 are listed"), "{}", r.summary());
}

#[test]
fn quoted_values_in_messages_are_shortened() {
    let long = "ü".repeat(10_000);
    let mut v = base();
    v["claims"][0]["claimant"] = json!(long);
    v["claims"][0]["stance"] = json!(long);
    v["claims"][1]["sources"][0]["url"] = json!(format!("ftp://{long}"));
    v["claims"][1]["wrong"] = json!(1);
    v["claims"][1][long.as_str()] = json!(1);
    let i = ingest(&v);
    let quoted = format!("\"{}…\"", "ü".repeat(QUOTED_MAX - 1));
    has(&i, Severity::Error, "claims[0].stance", &format!("{quoted} is not a stance; expected one of"));
    let at = format!("claims[1].{}…", "ü".repeat(LOCATION_MAX - "claims[1].".len() - 1));
    has(&i, Severity::Warning, &at, &format!("unknown field {quoted} is ignored"));
    let i = ingest(&{
        let mut v = base();
        v["claims"][0]["claimant"] = json!(long);
        v["claims"][1]["sources"][0]["url"] = json!(format!("ftp://{long}"));
        v["claims"][1]["sources"].as_array_mut().unwrap().push(json!({"publisher": "W", "url": "https://x.org"}));
        v
    });
    has(&i, Severity::Error, "claims[0].claimant", &format!("{quoted} is not an actor in this dataset"));
    let url = format!("\"ftp://{}…\"", "ü".repeat(QUOTED_MAX - 7));
    has(&i, Severity::Warning, "claims[1].sources[0].url", &format!("{url} is not an http(s) URL"));
    for p in &i.report.problems {
        let (at, what) = (p.location_in(Lang::En), p.message_in(Lang::En));
        assert!(what.chars().count() <= MESSAGE_MAX && at.chars().count() <= LOCATION_MAX, "{p}");
    }
}

#[test]
fn a_reader_gets_the_problems_and_what_the_read_writes_itself_in_their_language() {
    let read = |bytes: &[u8], hint: &str, lang: Lang| {
        let mut reading = cyber_claims_explorer::ingest::Reading::new(&[hint]).in_lang(lang);
        reading.push(bytes).unwrap();
        reading.finish().unwrap()
    };
    let csv = b"id,date,claimant,stance,headline,source_url\na,2020,X,report,H,https://e.org\n";
    let zh = read(csv, "data/claims.csv", Lang::Zh);
    assert_eq!(zh.dataset.title, "来自 claims.csv 的声明");
    assert_eq!(zh.dataset.license, "未注明许可协议");
    let en = read(csv, "data/claims.csv", Lang::En);
    assert_eq!(
        (en.dataset.title.as_str(), en.dataset.license.as_str()),
        ("Claims from claims.csv", "licence not stated")
    );
    // A JSON dataset without its title and licence: warned about, and named for the reader.
    let bare = br#"{"schema":"claims-explorer/1","claims":[]}"#;
    let zh = read(bare, "x.json", Lang::Zh);
    assert_eq!((zh.dataset.title.as_str(), zh.dataset.license.as_str()), ("未命名数据集", "未注明许可协议"));
    let warnings: Vec<String> = zh.report.problems.iter().map(|p| p.message_in(Lang::Zh)).collect();
    assert!(warnings.contains(&"数据集没有标题".to_string()), "{warnings:?}");
    assert!(warnings.contains(&"数据集没有更新日期；日期不与其核对".to_string()), "{warnings:?}");
    // The same report in English, for the command-line tools.
    assert!(zh.report.problems.iter().any(|p| p.to_string() == "warning: title: the dataset has no title"));
    // A place in a CSV file, in both languages.
    let bad = b"id,date,claimant,stance,headline,source_url\na,2020-13,X,report,H,https://e.org\n";
    let p = &read(bad, "x.csv", Lang::Zh).report.problems[0];
    assert_eq!(p.location_in(Lang::Zh), "第 2 行，date 列");
    assert_eq!(p.message_in(Lang::Zh), "\"2020-13\" 不是日期：月份须为 01 至 12");
    assert_eq!(p.to_string(), "error: row 2, column date: \"2020-13\" is not a date: the month must be 01 to 12");
}
