//! Reading a v1 JSON dataset piece by piece, as its bytes arrive. Each record is decoded as
//! soon as its last byte is in, and its bytes are let go, so a load never holds the whole file
//! beside its records. One bad record is reported and left out while the others load; a file
//! that is not JSON fails at the line and column of its first fault, whatever the pieces.

use std::collections::BTreeMap;

use serde::de::IgnoredAny;

use super::checks::Draft;
use super::decode;
use super::place::{line_column, path};
use super::report::Report;
use super::{whole_file, IngestError};
use crate::i18n::{Lang, Message};
use crate::model::{Actor, Claim, Incident};

/// A line and a 1-based column, as serde_json counts them (bytes since the line's start).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Position {
    line: usize,
    column: usize,
}

impl Position {
    fn located(self, message: Message) -> IngestError {
        IngestError { location: Some(line_column(self.line, self.column)), message }
    }
}

fn syntax(at: Position, what: &str) -> IngestError {
    at.located(Message::new("problem.json_syntax").with("detail", what.replace('`', "\"")))
}

fn ends_early(at: Position, what: &str) -> IngestError {
    at.located(Message::new("problem.json_ends_early").with("detail", what))
}

/// serde_json's message without its trailing " at line L column C".
fn plain_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    text.rsplit_once(" at line ").map_or(text.as_str(), |(m, _)| m).replace('`', "\"")
}

/// serde_json's error about a value that starts at `start`, placed in the whole file.
fn located(e: &serde_json::Error, start: Position) -> IngestError {
    use serde_json::error::Category;
    let text = plain_message(e);
    let at = if e.line() <= 1 {
        Position { line: start.line, column: start.column - 1 + e.column() }
    } else {
        Position { line: start.line + e.line() - 1, column: e.column() }
    };
    let key = match e.classify() {
        Category::Eof => "problem.json_ends_early",
        Category::Syntax => "problem.json_syntax",
        Category::Data | Category::Io => "problem.json_shape",
    };
    at.located(Message::new(key).with("detail", text))
}

/// Where the reader is in the dataset's outer object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Before the opening `{`.
    Start,
    /// After `{`: a key or `}`.
    KeyOrEnd,
    /// After `,`: a key.
    Key,
    /// Inside a key.
    InKey { escaped: bool },
    /// After a key: `:`.
    Colon,
    /// After `:`: a field's value.
    FieldValue,
    /// After `[` of a list of records: a record or `]`.
    RecordOrEnd,
    /// After `,` in a list: a record.
    Record,
    /// After a record: `,` or `]`.
    AfterRecord,
    /// After a field's value: `,` or `}`.
    AfterField,
    /// Inside a field's value or a record.
    InValue,
    /// After the closing `}`: only whitespace.
    End,
}

/// How far the current value has been scanned.
#[derive(Debug, Clone, Copy, Default)]
struct Scan {
    /// Open brackets; 0 for a string or a bare value (number, `true`…).
    depth: u32,
    in_string: bool,
    escaped: bool,
    /// A bare value: it ends at the first delimiter.
    bare: bool,
}

/// A v1 JSON dataset read piece by piece: [`JsonReader::push`] each piece in order, then
/// [`JsonReader::finish`].
#[derive(Debug)]
pub struct JsonReader {
    state: State,
    scan: Scan,
    /// Where the next byte is: its line, and the bytes before it on that line.
    line: usize,
    column: usize,
    /// The current key as JSON text, then as text.
    key: Vec<u8>,
    key_start: Position,
    key_text: String,
    /// The value so far, when it began in an earlier piece.
    value: Vec<u8>,
    value_start: Position,
    /// The list being read, if the reader is inside one.
    list: Option<List>,
    /// The other top-level fields, as JSON text.
    fields: BTreeMap<String, Vec<u8>>,
    /// A field that should be a list and is not.
    not_a_list: Option<IngestError>,
    actors: Records<Actor>,
    incidents: Records<Incident>,
    claims: Records<Claim>,
    excluded_claims: Vec<String>,
}

impl Default for JsonReader {
    fn default() -> Self {
        let origin = Position { line: 1, column: 1 };
        JsonReader {
            state: State::Start,
            scan: Scan::default(),
            line: 1,
            column: 0,
            key: Vec::new(),
            key_start: origin,
            key_text: String::new(),
            value: Vec::new(),
            value_start: origin,
            list: None,
            fields: BTreeMap::new(),
            not_a_list: None,
            actors: Records::default(),
            incidents: Records::default(),
            claims: Records::default(),
            excluded_claims: Vec::new(),
        }
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\t' | b'\r')
}

impl JsonReader {
    pub fn new() -> Self {
        Self::default()
    }

    /// The position of the byte about to be read.
    fn here(&self) -> Position {
        Position { line: self.line, column: self.column + 1 }
    }

    /// Counts `bytes` as read.
    fn advance(&mut self, bytes: &[u8]) {
        // Datasets are often one long line: look for a newline first, count only if there is one.
        match bytes.iter().rposition(|&b| b == b'\n') {
            Some(last) => {
                self.line += bytes.iter().filter(|&&b| b == b'\n').count();
                self.column = bytes.len() - last - 1;
            }
            None => self.column += bytes.len(),
        }
    }

    /// Reads the next piece of the file.
    pub fn push(&mut self, piece: &[u8]) -> Result<(), IngestError> {
        let mut i = 0;
        while i < piece.len() {
            if self.state == State::InValue {
                let start = i;
                let (end, complete) = self.scan_value(piece, i);
                self.advance(&piece[start..end]);
                i = end;
                if !complete {
                    self.value.extend_from_slice(&piece[start..end]);
                } else if self.value.is_empty() {
                    self.value_done(&piece[start..end])?;
                } else {
                    let mut value = std::mem::take(&mut self.value);
                    value.extend_from_slice(&piece[start..end]);
                    self.value_done(&value)?;
                    value.clear();
                    self.value = value;
                }
                continue;
            }
            let b = piece[i];
            if let State::InKey { escaped } = self.state {
                self.key.push(b);
                self.advance(&piece[i..=i]);
                i += 1;
                self.state = match (escaped, b) {
                    (false, b'\\') => State::InKey { escaped: true },
                    (false, b'"') => {
                        self.key_text = serde_json::from_slice(&self.key).map_err(|e| located(&e, self.key_start))?;
                        State::Colon
                    }
                    _ => State::InKey { escaped: false },
                };
                continue;
            }
            if is_space(b) {
                self.advance(&piece[i..=i]);
                i += 1;
                continue;
            }
            let at = self.here();
            self.state = match (self.state, b) {
                (State::Start, b'{') => State::KeyOrEnd,
                (State::Start, _) => return Err(whole_file(Message::new("problem.not_an_object"))),
                (State::KeyOrEnd | State::AfterField, b'}') => State::End,
                (State::KeyOrEnd | State::Key, b'"') => {
                    self.key.clear();
                    self.key_start = at;
                    self.key.push(b);
                    State::InKey { escaped: false }
                }
                (State::Key, b'}') => return Err(syntax(at, "trailing comma")),
                (State::KeyOrEnd | State::Key, _) => return Err(syntax(at, "key must be a string")),
                (State::Colon, b':') => State::FieldValue,
                (State::Colon, _) => return Err(syntax(at, "expected `:`")),
                (State::RecordOrEnd, b']') => {
                    self.list = None;
                    State::AfterField
                }
                (State::Record, b']') => return Err(syntax(at, "trailing comma")),
                (State::FieldValue | State::RecordOrEnd | State::Record, b',' | b'}' | b']') => {
                    return Err(syntax(at, "expected value"))
                }
                (State::FieldValue, b'[') if List::named(&self.key_text).is_some() => {
                    self.list = List::named(&self.key_text);
                    State::RecordOrEnd
                }
                (State::FieldValue | State::RecordOrEnd | State::Record, _) => {
                    // The value starts here; `scan_value` reads it from this byte on.
                    self.scan = Scan { bare: !matches!(b, b'{' | b'[' | b'"'), ..Scan::default() };
                    self.value_start = at;
                    self.value.clear();
                    self.state = State::InValue;
                    continue;
                }
                (State::AfterRecord, b',') => State::Record,
                (State::AfterRecord, b']') => {
                    self.list = None;
                    State::AfterField
                }
                (State::AfterRecord, _) => return Err(syntax(at, "expected `,` or `]`")),
                (State::AfterField, b',') => State::Key,
                (State::AfterField, _) => return Err(syntax(at, "expected `,` or `}`")),
                (State::End, _) => return Err(syntax(at, "trailing characters")),
                (State::InValue | State::InKey { .. }, _) => unreachable!("read above"),
            };
            self.advance(&piece[i..=i]);
            i += 1;
        }
        Ok(())
    }

    /// Scans the current value from `piece[i]`: where the scan stopped, and whether the value
    /// is complete there.
    fn scan_value(&mut self, piece: &[u8], mut i: usize) -> (usize, bool) {
        let s = &mut self.scan;
        if s.bare {
            while i < piece.len() {
                if matches!(piece[i], b',' | b'}' | b']') || is_space(piece[i]) {
                    return (i, true);
                }
                i += 1;
            }
            return (i, false);
        }
        while i < piece.len() {
            if s.in_string && !s.escaped {
                // Most of a dataset is text: skip to the next quote or backslash.
                match piece[i..].iter().position(|&b| b == b'"' || b == b'\\') {
                    Some(k) => i += k,
                    None => return (piece.len(), false),
                }
            }
            let b = piece[i];
            i += 1;
            if s.in_string {
                if s.escaped {
                    s.escaped = false;
                } else if b == b'\\' {
                    s.escaped = true;
                } else if b == b'"' {
                    s.in_string = false;
                    if s.depth == 0 {
                        return (i, true);
                    }
                }
                continue;
            }
            match b {
                b'"' => s.in_string = true,
                b'{' | b'[' => s.depth += 1,
                b'}' | b']' => {
                    s.depth = s.depth.saturating_sub(1);
                    if s.depth == 0 {
                        return (i, true);
                    }
                }
                _ => {}
            }
        }
        (i, false)
    }

    /// A field's value or a record is complete.
    fn value_done(&mut self, bytes: &[u8]) -> Result<(), IngestError> {
        let start = self.value_start;
        let Some(list) = self.list else {
            self.state = State::AfterField;
            serde_json::from_slice::<IgnoredAny>(bytes).map_err(|e| located(&e, start))?;
            let key = std::mem::take(&mut self.key_text);
            if List::named(&key).is_some() {
                self.not_a_list.get_or_insert_with(|| IngestError {
                    location: Some(path(key.as_str())),
                    message: Message::new("problem.not_a_list").with("field", key.as_str()),
                });
            } else {
                self.fields.insert(key, bytes.to_vec());
            }
            return Ok(());
        };
        self.state = State::AfterRecord;
        match list {
            List::Actors => self.actors.take(list, bytes, start, decode::actor, &mut Vec::new()),
            List::Incidents => self.incidents.take(list, bytes, start, decode::incident, &mut Vec::new()),
            List::Claims => self.claims.take(list, bytes, start, decode::claim, &mut self.excluded_claims),
        }
    }

    /// Why the file ended before the dataset did, if it did.
    fn cut_off(&self) -> Option<IngestError> {
        let end = Position { line: self.line, column: self.column };
        let what = match self.state {
            State::End => return None,
            State::InValue => match serde_json::from_slice::<IgnoredAny>(&self.value) {
                // A fault inside the value that kept its end from being found.
                Err(e) if e.classify() != serde_json::error::Category::Eof => {
                    return Some(located(&e, self.value_start))
                }
                Err(e) => plain_message(&e),
                Ok(_) => "EOF while parsing an object".to_string(),
            },
            State::InKey { .. } => "EOF while parsing a string".to_string(),
            State::FieldValue | State::Record => "EOF while parsing a value".to_string(),
            State::RecordOrEnd | State::AfterRecord => "EOF while parsing a list".to_string(),
            State::Start | State::KeyOrEnd | State::Key | State::Colon | State::AfterField => {
                "EOF while parsing an object".to_string()
            }
        };
        Some(ends_early(end, &what))
    }

    /// Ends the read: the draft of every record, or why the file could not be read.
    /// The defaults the file does not give (title, licence) are written in `lang`.
    pub fn finish(self, report: &mut Report, lang: Lang) -> Result<Draft, IngestError> {
        if let Some(e) = self.cut_off() {
            return Err(e);
        }
        if let Some(e) = self.not_a_list {
            return Err(e);
        }
        let fields = &self.fields;
        let Head { schema, title, license, updated, description } =
            head(fields.keys().map(String::as_str), |f| fields.get(f).map(Vec::as_slice), report, lang)?;
        report.append(self.actors.report);
        report.append(self.incidents.report);
        report.append(self.claims.report);
        report.actors.excluded += self.actors.excluded;
        report.incidents.excluded += self.incidents.excluded;
        report.claims.excluded += self.claims.excluded;
        let draft = Draft {
            schema,
            title,
            updated,
            license,
            description,
            actors: self.actors.items,
            incidents: self.incidents.items,
            claims: self.claims.items,
            excluded_claims: self.excluded_claims,
        };
        Ok(draft)
    }
}

mod records;
use records::{head, Head, List, Records};
#[cfg(test)]
mod tests;
