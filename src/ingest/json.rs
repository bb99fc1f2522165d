//! Reading a v1 JSON dataset record by record, so that one bad record is reported and left
//! out while the others load. Unknown fields are reported as warnings.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::checks::Draft;
use super::place::Place;
use super::report::Report;
use super::{whole_file, IngestError};
use crate::model::{PartialDate, SCHEMA_V1};

/// Field names of each record, for "did you mean" hints on unknown fields.
pub const DATASET_FIELDS: &[&str] = &["schema", "title", "updated", "license", "description", "actors", "incidents", "claims"];
pub const ACTOR_FIELDS: &[&str] = &["id", "name", "name_zh", "country", "kind", "aliases"];
pub const INCIDENT_FIELDS: &[&str] = &["id", "title", "began", "sectors", "vectors", "cves", "scale"];
pub const CLAIM_FIELDS: &[&str] = &[
    "id", "date", "claimant", "accused", "stance", "incident", "responds_to", "headline", "summary", "quote",
    "sources", "confidence", "tags",
];
pub const QUOTE_FIELDS: &[&str] = &["text", "speaker"];
pub const SOURCE_FIELDS: &[&str] = &["publisher", "title", "url", "date"];

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow)]
    schema: Option<&'a RawValue>,
    #[serde(borrow)]
    title: Option<&'a RawValue>,
    #[serde(borrow)]
    updated: Option<&'a RawValue>,
    #[serde(borrow)]
    license: Option<&'a RawValue>,
    #[serde(borrow)]
    description: Option<&'a RawValue>,
    #[serde(borrow, default)]
    actors: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    incidents: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    claims: Vec<&'a RawValue>,
}

/// serde_json's message without its trailing " at line L column C".
pub(super) fn plain_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = text.rsplit_once(" at line ").map_or(text.as_str(), |(m, _)| m);
    if let Some(field) = text.strip_prefix("missing field `").and_then(|t| t.strip_suffix('`')) {
        return format!("the field \"{field}\" is missing");
    }
    text.replace('`', "\"")
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The known field an unknown one was probably meant to be.
fn suggestion(path: &str, record_fields: &[&'static str]) -> Option<&'static str> {
    let leaf = path.rsplit('.').next().unwrap_or(path);
    let fields: &[&'static str] = if path.starts_with("sources") {
        SOURCE_FIELDS
    } else if path.starts_with("quote") {
        QUOTE_FIELDS
    } else {
        record_fields
    };
    fields
        .iter()
        .map(|f| (edit_distance(leaf, f), *f))
        .filter(|(d, f)| *d <= 2 && *d < f.len())
        .min()
        .map(|(_, f)| f)
}

/// serde_ignored writes `sources.0.url`; the report uses `sources[0].url`.
fn bracket_indices(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 2);
    for segment in path.split('.') {
        if !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("[{segment}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(segment);
        }
    }
    out
}

/// Decodes one value, reporting unknown fields as warnings and a failure as a located error.
fn decode<T: DeserializeOwned>(
    json: &str,
    place: &Place,
    fields: &[&'static str],
    report: &mut Report,
) -> Result<T, (String, String)> {
    let mut de = serde_json::Deserializer::from_str(json);
    let mut track = serde_path_to_error::Track::new();
    let mut unknown = Vec::new();
    let result = serde_ignored::deserialize(serde_path_to_error::Deserializer::new(&mut de, &mut track), |path| {
        unknown.push(path.to_string())
    });
    match result {
        Ok(value) => {
            for path in unknown.iter().map(|p| bracket_indices(p)) {
                let hint = suggestion(&path, fields).map_or(String::new(), |f| format!(" (did you mean \"{f}\"?)"));
                let leaf = path.rsplit('.').next().unwrap_or(&path);
                report.warning(place.at(&path), format!("unknown field \"{leaf}\" is ignored{hint}"));
            }
            Ok(value)
        }
        Err(e) => {
            let path = track.path().to_string();
            let path = if path == "." { String::new() } else { path };
            Err((place.at(&path), plain_message(&e)))
        }
    }
}

/// Just the id of a record that could not be decoded, so links to it are reported as links
/// to an excluded record rather than to a missing one.
#[derive(Deserialize)]
struct IdOnly {
    id: String,
}

fn records<T: DeserializeOwned>(
    raw: &[&RawValue],
    collection: &str,
    fields: &[&'static str],
    report: &mut Report,
    excluded: fn(&mut Report) -> &mut usize,
    excluded_ids: &mut Vec<String>,
) -> Vec<(Place, T)> {
    let what = collection.trim_end_matches('s');
    let mut out = Vec::with_capacity(raw.len());
    for (i, value) in raw.iter().enumerate() {
        let place = Place::Json(format!("{collection}[{i}]"));
        match decode::<T>(value.get(), &place, fields, report) {
            Ok(record) => out.push((place, record)),
            Err((at, message)) => {
                report.error(at, format!("{message}; this {what} is excluded"));
                *excluded(report) += 1;
                if let Ok(r) = serde_json::from_str::<IdOnly>(value.get()) {
                    excluded_ids.push(r.id);
                }
            }
        }
    }
    out
}

fn header_text(raw: Option<&RawValue>, field: &str, report: &mut Report) -> Option<String> {
    let raw = raw?;
    match serde_json::from_str::<String>(raw.get()) {
        Ok(s) => Some(s),
        Err(_) => {
            report.warning(field, format!("\"{field}\" should be a string"));
            None
        }
    }
}

/// Reads a v1 JSON dataset into a draft; fails only when the file as a whole is unreadable.
pub fn read_json(bytes: &[u8], report: &mut Report) -> Result<Draft, IngestError> {
    let mut unknown = Vec::new();
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let envelope: Envelope = serde_ignored::deserialize(&mut de, |path| unknown.push(path.to_string()))
        .and_then(|e| de.end().map(|()| e))
        .map_err(|e| {
            use serde_json::error::Category;
            let location = Some(format!("line {}, column {}", e.line(), e.column()));
            let text = plain_message(&e);
            let message = match e.classify() {
                Category::Eof => format!("the file ends too early ({text}); was it cut off?"),
                Category::Syntax => format!("this is not valid JSON: {text}"),
                Category::Data | Category::Io => format!("the dataset does not have the expected shape: {text}"),
            };
            IngestError { location, message }
        })?;
    for path in unknown {
        let hint = suggestion(&path, DATASET_FIELDS).map_or(String::new(), |f| format!(" (did you mean \"{f}\"?)"));
        report.warning(path.clone(), format!("unknown field \"{path}\" is ignored{hint}"));
    }

    let schema = header_text(envelope.schema, "schema", report)
        .ok_or_else(|| IngestError { location: Some("schema".into()), message: format!("the field \"schema\" is missing; expected \"{SCHEMA_V1}\"") })?;
    if schema != SCHEMA_V1 {
        return Err(IngestError {
            location: Some("schema".into()),
            message: format!("expected \"{SCHEMA_V1}\", found \"{schema}\""),
        });
    }
    let title = header_text(envelope.title, "title", report).unwrap_or_else(|| {
        report.warning("title", "the dataset has no title");
        "Untitled dataset".to_string()
    });
    let license = header_text(envelope.license, "license", report).unwrap_or_else(|| {
        report.warning("license", "the dataset states no licence");
        "licence not stated".to_string()
    });
    let updated = match header_text(envelope.updated, "updated", report) {
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
    let description = header_text(envelope.description, "description", report);

    let mut lost = Vec::new();
    let actors = records(&envelope.actors, "actors", ACTOR_FIELDS, report, |r| &mut r.actors.excluded, &mut lost);
    let incidents =
        records(&envelope.incidents, "incidents", INCIDENT_FIELDS, report, |r| &mut r.incidents.excluded, &mut lost);
    let mut excluded_claims = Vec::new();
    let claims =
        records(&envelope.claims, "claims", CLAIM_FIELDS, report, |r| &mut r.claims.excluded, &mut excluded_claims);
    Ok(Draft { schema, title, updated, license, description, actors, incidents, claims, excluded_claims })
}

/// Whether a whole-file error applies before any JSON parsing: empty, HTML, not an object.
pub(super) fn precheck(bytes: &[u8]) -> Result<(), IngestError> {
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        None => Err(whole_file("the file is empty")),
        Some(b'<') => Err(whole_file("the file is an HTML or XML page, not a dataset (is the address right?)")),
        Some(b'{') => Ok(()),
        Some(_) => Err(whole_file("the file is not a JSON dataset: it does not start with '{'")),
    }
}
