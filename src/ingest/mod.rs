//! Bytes → [`Dataset`] plus a [`Report`] of every problem, each located by JSON path or CSV
//! row and column. Errors exclude the record; warnings keep it; a file that cannot be read at
//! all gives one [`IngestError`]. Pure: no I/O, no browser types.

mod checks;
mod csv_rows;
mod decode;
mod json;
mod place;
mod report;

use std::fmt;

pub use checks::{HEADLINE_MAX, ID_MAX, NAME_MAX, TEXT_MAX, URL_MAX};
pub use csv_rows::{slug, COLUMNS as CSV_COLUMNS};
pub use decode::{ACTOR_FIELDS, CLAIM_FIELDS, DATASET_FIELDS, INCIDENT_FIELDS, QUOTE_FIELDS, SOURCE_FIELDS};
pub use place::Place;
pub use report::{Problem, Report, Severity, Tally};

use crate::model::Dataset;

/// Why a file could not be read as a dataset at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestError {
    /// Where the problem is, when it has a place: "line 3, column 7", "row 1".
    pub location: Option<String>,
    /// A plain-language message.
    pub message: String,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(at) => write!(f, "{at}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for IngestError {}

fn whole_file(message: impl Into<String>) -> IngestError {
    IngestError { location: None, message: message.into() }
}

/// The two formats a dataset can come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

impl Format {
    /// The format named by a file name, URL or content type, if it names one.
    pub fn from_hint(hint: &str) -> Option<Format> {
        let h = hint.to_ascii_lowercase();
        let path = h.split(['?', '#']).next().unwrap_or("");
        if h.contains("text/csv") || path.ends_with(".csv") {
            Some(Format::Csv)
        } else if h.contains("json") || path.ends_with(".json") {
            Some(Format::Json)
        } else {
            None
        }
    }
}

/// A dataset of the valid records and the report of what was wrong with the rest.
#[derive(Debug, Clone)]
pub struct Ingested {
    pub dataset: Dataset,
    pub report: Report,
}

/// Reads a dataset. `hints` are a file name, URL and/or content type, most specific first;
/// without a usable hint the content decides (`{` is JSON, anything else is tried as CSV).
pub fn read(bytes: &[u8], hints: &[&str]) -> Result<Ingested, IngestError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    match first {
        None => return Err(whole_file("the file is empty")),
        Some(b'<') => return Err(whole_file("the file is an HTML or XML page, not a dataset (is the address right?)")),
        _ => {}
    }
    let hinted = hints.iter().find_map(|h| Format::from_hint(h));
    let format = match (first, hinted) {
        (Some(b'{'), _) => Format::Json,
        (_, Some(Format::Json)) => Format::Json,
        _ => Format::Csv,
    };
    let mut report = Report::default();
    let draft = match format {
        Format::Json => json::read_json(bytes, &mut report)?,
        Format::Csv => {
            if std::str::from_utf8(bytes).is_err() {
                return Err(whole_file("the file is neither JSON nor UTF-8 CSV text"));
            }
            let name = hints.first().map_or("spreadsheet", |h| h.rsplit('/').next().unwrap_or(h));
            csv_rows::read_csv(bytes, &format!("Claims from {name}"), &mut report)?
        }
    };
    let dataset = checks::finish(draft, &mut report);
    Ok(Ingested { dataset, report })
}

/// Reads a JSON dataset (see [`read`]).
pub fn read_json(bytes: &[u8]) -> Result<Ingested, IngestError> {
    read(bytes, &["dataset.json"])
}

/// Reads a CSV dataset (see [`read`]).
pub fn read_csv(bytes: &[u8]) -> Result<Ingested, IngestError> {
    read(bytes, &["dataset.csv"])
}
