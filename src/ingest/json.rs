//! Reading a v1 JSON dataset record by record, so that one bad record is reported and left
//! out while the others load.

use std::collections::BTreeMap;

use serde_json::value::RawValue;
use serde_json::Value;

use super::checks::Draft;
use super::decode::{self, DATASET_FIELDS};
use super::place::Place;
use super::report::Report;
use super::{whole_file, IngestError};
use crate::model::{PartialDate, SCHEMA_V1};

/// serde_json's message without its trailing " at line L column C".
fn plain_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    text.rsplit_once(" at line ").map_or(text.as_str(), |(m, _)| m).replace('`', "\"")
}

fn located(e: &serde_json::Error) -> IngestError {
    use serde_json::error::Category;
    let text = plain_message(e);
    let message = match e.classify() {
        Category::Eof => format!("the file ends too early ({text}); was it cut off?"),
        Category::Syntax => format!("this is not valid JSON: {text}"),
        Category::Data | Category::Io => format!("the dataset does not have the expected shape: {text}"),
    };
    IngestError { location: Some(format!("line {}, column {}", e.line(), e.column())), message }
}

fn header_text(top: &BTreeMap<String, &RawValue>, field: &str, report: &mut Report) -> Option<String> {
    let raw = top.get(field)?;
    match serde_json::from_str::<String>(raw.get()) {
        Ok(s) => Some(s),
        Err(_) => {
            report.warning(field, format!("\"{field}\" should be text"));
            None
        }
    }
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
        location: Some(name.to_string()),
        message: format!("\"{name}\" must be a list"),
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
                report.error(place.whole(), format!("this {what} is excluded because of the error(s) above"));
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
        _ => return Err(whole_file("the file is not a JSON dataset: it does not start with '{'")),
    }
    let top: BTreeMap<String, &RawValue> = serde_json::from_slice(bytes).map_err(|e| located(&e))?;
    for key in top.keys().filter(|k| !DATASET_FIELDS.contains(&k.as_str())) {
        report.warning(key.clone(), decode::unknown_field(key, DATASET_FIELDS));
    }

    let schema = header_text(&top, "schema", report).ok_or_else(|| IngestError {
        location: Some("schema".into()),
        message: format!("the field \"schema\" is missing; expected \"{SCHEMA_V1}\""),
    })?;
    if schema != SCHEMA_V1 {
        return Err(IngestError {
            location: Some("schema".into()),
            message: format!("expected \"{SCHEMA_V1}\", found \"{schema}\""),
        });
    }
    let title = header_text(&top, "title", report).unwrap_or_else(|| {
        report.warning("title", "the dataset has no title");
        "Untitled dataset".to_string()
    });
    let license = header_text(&top, "license", report).unwrap_or_else(|| {
        report.warning("license", "the dataset states no licence");
        "licence not stated".to_string()
    });
    let updated = match header_text(&top, "updated", report) {
        Some(s) => match PartialDate::parse(&s) {
            Ok(d) => Some(d),
            Err(e) => {
                report.warning("updated", format!("{e}; dates are not checked against it"));
                None
            }
        },
        None => {
            report.warning("updated", "the dataset has no updated date; dates are not checked against it");
            None
        }
    };
    let description = header_text(&top, "description", report);

    let mut lost = Vec::new();
    let actors = records(&top, "actors", report, decode::actor, |r| &mut r.actors.excluded, &mut lost)?;
    let incidents = records(&top, "incidents", report, decode::incident, |r| &mut r.incidents.excluded, &mut lost)?;
    let mut excluded_claims = Vec::new();
    let claims = records(&top, "claims", report, decode::claim, |r| &mut r.claims.excluded, &mut excluded_claims)?;
    Ok(Draft { schema, title, updated, license, description, actors, incidents, claims, excluded_claims })
}
