//! The piecewise reader's tests, against the whole-file parser it replaced (`whole`, kept here
//! as their oracle): the same dataset, report or error place, whatever the pieces.

/// The reader the piecewise one replaced, which parsed the file whole.
mod whole {
    use std::collections::BTreeMap;

    use serde_json::value::RawValue;
    use serde_json::Value;

    use crate::i18n::Message;
    use crate::ingest::checks::excluded;
    use crate::ingest::checks::Draft;
    use crate::ingest::decode;
    use crate::ingest::place::{line_column, path, Place};
    use crate::ingest::report::Report;
    use crate::ingest::{whole_file, IngestError};

    /// serde_json's message without its trailing " at line L column C".
    fn plain_message(e: &serde_json::Error) -> String {
        let text = e.to_string();
        text.rsplit_once(" at line ").map_or(text.as_str(), |(m, _)| m).replace('`', "\"")
    }

    fn located(e: &serde_json::Error) -> IngestError {
        use serde_json::error::Category;
        let text = plain_message(e);
        let key = match e.classify() {
            Category::Eof => "problem.json_ends_early",
            Category::Syntax => "problem.json_syntax",
            Category::Data | Category::Io => "problem.json_shape",
        };
        let message = Message::new(key).with("detail", text);
        IngestError { location: Some(line_column(e.line(), e.column())), message }
    }

    /// Decodes each element of the list `name`; a record that fails is reported and counted.
    fn records<T: serde::de::DeserializeOwned>(
        top: &BTreeMap<String, &RawValue>,
        name: &str,
        report: &mut Report,
        decode: fn(&Value, &Place, &mut Report) -> Option<T>,
        tally: fn(&mut Report) -> &mut usize,
        excluded_ids: &mut Vec<String>,
    ) -> Result<Vec<(Place, T)>, IngestError> {
        let Some(raw) = top.get(name) else { return Ok(Vec::new()) };
        let items: Vec<&RawValue> = serde_json::from_str(raw.get()).map_err(|_| IngestError {
            location: Some(path(name)),
            message: Message::new("problem.not_a_list").with("field", name),
        })?;
        let what = name.trim_end_matches('s');
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let place = Place::Json(format!("{name}[{i}]"));
            // Fast path: a well-formed record decodes straight into the model (the checks still
            // run later). Anything else — a wrong type, an unknown field — takes the slow path,
            // which reports every problem at its path.
            if let Ok(record) = serde_json::from_str::<T>(item.get()) {
                out.push((place, record));
                continue;
            }
            // Each record is parsed on its own, so memory stays at one record's tree.
            let value: Value = serde_json::from_str(item.get()).map_err(|e| located(&e))?;
            match decode(&value, &place, report) {
                Some(record) => out.push((place, record)),
                None => {
                    report.error(place.whole(), excluded(what));
                    *tally(report) += 1;
                    if let Some(id) = value.get("id").and_then(Value::as_str) {
                        excluded_ids.push(id.to_string());
                    }
                }
            }
        }
        Ok(out)
    }

    /// Reads a v1 JSON dataset into a draft; fails only when the file as a whole is unreadable.
    pub fn read_json(bytes: &[u8], report: &mut Report) -> Result<Draft, IngestError> {
        match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => {}
            _ => return Err(whole_file(Message::new("problem.not_an_object"))),
        }
        let top: BTreeMap<String, &RawValue> = serde_json::from_slice(bytes).map_err(|e| located(&e))?;
        let crate::ingest::json::Head { schema, title, license, updated, description } = crate::ingest::json::head(
            top.keys().map(String::as_str),
            |f| top.get(f).map(|r| r.get().as_bytes()),
            report,
            crate::i18n::Lang::En,
        )?;

        let mut lost = Vec::new();
        let actors = records(&top, "actors", report, decode::actor, |r| &mut r.actors.excluded, &mut lost)?;
        let incidents = records(&top, "incidents", report, decode::incident, |r| &mut r.incidents.excluded, &mut lost)?;
        let mut excluded_claims = Vec::new();
        let claims = records(&top, "claims", report, decode::claim, |r| &mut r.claims.excluded, &mut excluded_claims)?;
        Ok(Draft { schema, title, updated, license, description, actors, incidents, claims, excluded_claims })
    }
}

use super::*;
use crate::ingest::checks;

/// A read's outcome, comparable: the dataset as JSON and the report, or the error.
fn outcome(result: Result<Draft, IngestError>, mut report: Report) -> Result<(String, Report), IngestError> {
    let draft = result?;
    let dataset = checks::finish(draft, &mut report);
    Ok((serde_json::to_string(&dataset).unwrap(), report))
}

fn whole(bytes: &[u8]) -> Result<(String, Report), IngestError> {
    let mut report = Report::default();
    let result = whole::read_json(bytes, &mut report);
    outcome(result, report)
}

fn pieces(bytes: &[u8], size: usize) -> Result<(String, Report), IngestError> {
    let mut reader = JsonReader::new();
    for piece in bytes.chunks(size.max(1)) {
        reader.push(piece)?;
    }
    let mut report = Report::default();
    let result = reader.finish(&mut report, crate::i18n::Lang::En);
    outcome(result, report)
}

/// The same outcome: equal datasets and reports, or errors at the same place of the same
/// kind (serde_json words the end of a file by what it was parsing; so does this reader,
/// from what it knows of the outer object).
fn alike(a: &Result<(String, Report), IngestError>, b: &Result<(String, Report), IngestError>) -> bool {
    match (a, b) {
        (Ok(x), Ok(y)) => x == y,
        (Err(x), Err(y)) => x.location == y.location && x.message.key() == y.message.key(),
        _ => false,
    }
}

fn same(bytes: &[u8], what: &str) {
    let expected = whole(bytes);
    for size in [1, 2, 3, 5, 64, 1000, bytes.len().max(1)] {
        let got = pieces(bytes, size);
        assert!(
            alike(&got, &expected),
            "{what}, read in pieces of {size}: {got:?} but the whole file gave {expected:?}"
        );
    }
}

const FILES: [(&str, &[u8]); 4] = [
    ("small.json", include_bytes!("../../../tests/fixtures/small.json")),
    ("some-bad.json", include_bytes!("../../../tests/fixtures/some-bad.json")),
    ("broken.json", include_bytes!("../../../tests/fixtures/broken.json")),
    ("claims.json", include_bytes!("../../../public/data/claims.json")),
];

#[test]
fn reads_the_fixtures_as_the_whole_file_parser_did_in_pieces_of_any_size() {
    for (name, bytes) in FILES {
        same(bytes, name);
    }
}

#[test]
fn a_file_cut_off_anywhere_fails_where_the_whole_file_parser_failed() {
    let bytes = FILES[0].1;
    for end in 1..bytes.len() {
        let cut = &bytes[..end];
        if cut.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let expected = whole(cut);
        for size in [7, cut.len()] {
            let got = pieces(cut, size);
            assert!(
                alike(&got, &expected),
                "cut at byte {end}, pieces of {size}: {got:?} but the whole file gave {expected:?}"
            );
        }
    }
}

#[test]
fn a_damaged_file_fails_where_the_whole_file_parser_failed() {
    let bytes = FILES[1].1;
    for (at, _) in bytes.iter().enumerate().step_by(3) {
        for b in [b',', b'}', b']', b'{', b'[', b'"', b':', b'x', b'1', b'\\', b'\n', 0x01] {
            let mut damaged = bytes.to_vec();
            damaged[at] = b;
            let expected = whole(&damaged);
            let got = pieces(&damaged, 11);
            assert!(
                alike(&got, &expected),
                "byte {at} made {:?}: {got:?} but the whole file gave {expected:?}",
                b as char
            );
        }
    }
}
