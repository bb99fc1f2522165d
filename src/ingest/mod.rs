//! Bytes → [`Dataset`] plus a [`Report`] of every problem, each located by JSON path or CSV
//! row and column. Errors exclude the record; warnings keep it; a file that cannot be read at
//! all gives one [`IngestError`]. Pure: no I/O, no browser types.

mod checks;
mod csv_lists;
mod csv_rows;
mod decode;
mod echo;
mod json;
mod place;
mod plain_text;
mod report;

use std::fmt;

pub use checks::{HEADLINE_MAX, ID_MAX, NAME_MAX, TEXT_MAX, URL_MAX};
pub use csv_lists::list_cell as csv_list_cell;
pub use csv_rows::{slug, COLUMNS as CSV_COLUMNS, EXTRA as CSV_EXTRA};
pub use decode::{ACTOR_FIELDS, CLAIM_FIELDS, DATASET_FIELDS, INCIDENT_FIELDS, QUOTE_FIELDS, SOURCE_FIELDS};
pub use echo::{quoted, shorten, shortened, QUOTED_MAX};
pub use place::Place;
pub use plain_text::is_removed;
pub use report::{MoreOfKind, Problem, Report, Severity, Tally, KINDS_KEPT, LOCATION_MAX, MESSAGE_MAX, PROBLEMS_KEPT};

use crate::i18n::{Lang, Message};
use crate::model::Dataset;

/// Why a file could not be read as a dataset at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestError {
    /// Where the problem is, when it has a place: "line 3, column 7", "row 1".
    pub location: Option<Message>,
    /// A plain-language message.
    pub message: Message,
}

impl IngestError {
    /// The error as one message, its place first: "line 3, column 7: this is not valid JSON: …".
    pub fn to_message(&self) -> Message {
        match &self.location {
            Some(at) => Message::new("problem.at")
                .with_message("place", at.clone())
                .with_message("problem", self.message.clone()),
            None => self.message.clone(),
        }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.to_message())
    }
}

impl std::error::Error for IngestError {}

fn whole_file(message: Message) -> IngestError {
    IngestError { location: None, message }
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

const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

/// A dataset read piece by piece, as its bytes arrive: [`Reading::push`] each piece in
/// order, then [`Reading::finish`]. A JSON file is decoded record by record as it comes, so
/// the whole file is never held beside its records; a CSV file is read when it is all in.
pub struct Reading {
    hints: Vec<String>,
    /// The language of what the read writes itself: a dataset's title and licence when the
    /// file gives none.
    lang: Lang,
    /// The first bytes, until they tell the format.
    head: Vec<u8>,
    body: Body,
}

enum Body {
    Undecided,
    Json(Box<json::JsonReader>),
    Csv(Vec<u8>),
}

impl Reading {
    /// `hints` are a file name, URL and/or content type, most specific first; without a usable
    /// hint the content decides (`{` is JSON, anything else is tried as CSV).
    pub fn new(hints: &[&str]) -> Reading {
        let hints = hints.iter().map(|h| h.to_string()).collect();
        Reading { hints, lang: Lang::En, head: Vec::new(), body: Body::Undecided }
    }

    /// The same read, writing what it must write itself (a title, a licence the file does not
    /// state) in `lang`, the reader's language; English otherwise.
    pub fn in_lang(mut self, lang: Lang) -> Reading {
        self.lang = lang;
        self
    }

    /// Reads the next piece; fails as soon as the file cannot be a dataset.
    pub fn push(&mut self, piece: &[u8]) -> Result<(), IngestError> {
        match &mut self.body {
            Body::Json(reader) => reader.push(piece),
            Body::Csv(all) => {
                all.extend_from_slice(piece);
                Ok(())
            }
            Body::Undecided => {
                self.head.extend_from_slice(piece);
                self.decide(false)
            }
        }
    }

    /// Picks the format once the first byte that is not whitespace is in.
    fn decide(&mut self, at_end: bool) -> Result<(), IngestError> {
        // Wait until a byte-order mark, if that is what starts the file, is whole.
        if !at_end && self.head.len() < BYTE_ORDER_MARK.len() && BYTE_ORDER_MARK.starts_with(&self.head) {
            return Ok(());
        }
        let bytes = self.head.strip_prefix(BYTE_ORDER_MARK).unwrap_or(&self.head);
        let Some(first) = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied() else {
            return if at_end { Err(whole_file(Message::new("problem.empty_file"))) } else { Ok(()) };
        };
        if first == b'<' {
            return Err(whole_file(Message::new("problem.web_page")));
        }
        let hinted = self.hints.iter().find_map(|h| Format::from_hint(h));
        let format = match (first, hinted) {
            (b'{', _) | (_, Some(Format::Json)) => Format::Json,
            _ => Format::Csv,
        };
        let head = bytes.to_vec();
        self.head = Vec::new();
        self.body = match format {
            Format::Json => {
                let mut reader = json::JsonReader::new();
                reader.push(&head)?;
                Body::Json(Box::new(reader))
            }
            Format::Csv => Body::Csv(head),
        };
        Ok(())
    }

    /// Ends the read: the dataset of the valid records and the report, or why the file could
    /// not be read at all.
    pub fn finish(mut self) -> Result<Ingested, IngestError> {
        if let Body::Undecided = self.body {
            self.decide(true)?;
        }
        let mut report = Report::default();
        let draft = match self.body {
            Body::Json(reader) => reader.finish(&mut report, self.lang)?,
            Body::Csv(bytes) => {
                if std::str::from_utf8(&bytes).is_err() {
                    return Err(whole_file(Message::new("problem.not_a_text_file")));
                }
                let name = self.hints.first().map_or("spreadsheet", |h| h.rsplit('/').next().unwrap_or(h));
                let title = self.lang.fill("dataset.from_file", &[("name", name)]);
                csv_rows::read_csv(&bytes, &title, &self.lang.text("dataset.no_licence"), &mut report)?
            }
            Body::Undecided => unreachable!("decided above"),
        };
        let dataset = checks::finish(draft, &mut report);
        Ok(Ingested { dataset, report })
    }
}

/// Reads a dataset held whole in memory (see [`Reading`]).
pub fn read(bytes: &[u8], hints: &[&str]) -> Result<Ingested, IngestError> {
    let mut reading = Reading::new(hints);
    reading.push(bytes)?;
    reading.finish()
}

/// Reads a JSON dataset (see [`read`]).
pub fn read_json(bytes: &[u8]) -> Result<Ingested, IngestError> {
    read(bytes, &["dataset.json"])
}

/// Reads a CSV dataset (see [`read`]).
pub fn read_csv(bytes: &[u8]) -> Result<Ingested, IngestError> {
    read(bytes, &["dataset.csv"])
}
