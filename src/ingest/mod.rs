//! Bytes → [`Dataset`]: reading a published dataset and saying clearly what is wrong with it.
//! Pure: no I/O, no browser types; the caller fetches or reads the bytes.

use std::fmt;

use crate::model::{Dataset, SCHEMA_V1};

/// Why a file could not be read as a dataset at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestError {
    /// Where the problem is, when it has a place: "line 3, column 7".
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

/// Parses a v1 JSON dataset.
pub fn parse_json(bytes: &[u8]) -> Result<Dataset, IngestError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    match first {
        None => return Err(whole_file("the file is empty")),
        Some(b'<') => {
            return Err(whole_file(
                "the file is an HTML or XML page, not a JSON dataset (is the address right?)",
            ))
        }
        Some(b'{') => {}
        Some(_) => return Err(whole_file("the file is not a JSON dataset: it does not start with '{'")),
    }
    let dataset: Dataset = serde_json::from_slice(bytes).map_err(|e| IngestError {
        location: Some(format!("line {}, column {}", e.line(), e.column())),
        message: json_message(&e),
    })?;
    if dataset.schema != SCHEMA_V1 {
        return Err(IngestError {
            location: Some("schema".into()),
            message: format!("expected \"{SCHEMA_V1}\", found \"{}\"", dataset.schema),
        });
    }
    Ok(dataset)
}

fn json_message(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let text = e.to_string();
    // serde_json appends " at line L column C"; the location is reported separately.
    let text = text.rsplit_once(" at line ").map_or(text.as_str(), |(m, _)| m).to_string();
    match e.classify() {
        Category::Eof => format!("the file ends too early ({text}); was it cut off?"),
        Category::Syntax => format!("this is not valid JSON: {text}"),
        Category::Data => format!("the dataset does not have the expected shape: {text}"),
        Category::Io => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"schema":"claims-explorer/1","title":"T","updated":"2026-11-25","license":"CC BY 4.0",
      "actors":[{"id":"a","name":"A","country":"US","kind":"agency"}],
      "claims":[{"id":"c1","date":"2024-05","claimant":"a","accused":[],"stance":"report","headline":"h","summary":"s",
                 "sources":[{"publisher":"P","url":"https://example.org"}]}]}"#;

    #[test]
    fn reads_a_good_dataset() {
        let d = parse_json(GOOD.as_bytes()).unwrap();
        assert_eq!(d.claims.len(), 1);
        assert_eq!(d.claims[0].date.to_string(), "2024-05");
        assert_eq!(d.actors[0].name, "A");
    }

    #[test]
    fn empty_and_html_get_one_clear_error() {
        assert_eq!(parse_json(b"  \n").unwrap_err().message, "the file is empty");
        let e = parse_json(b"<!doctype html><p>Not found</p>").unwrap_err();
        assert!(e.message.contains("HTML"), "{e}");
        assert!(parse_json(b"claims,id").unwrap_err().message.contains("does not start with"));
    }

    #[test]
    fn broken_json_is_located() {
        let e = parse_json(b"{\n  \"schema\": \"claims-explorer/1\",\n  \"title\": }").unwrap_err();
        assert_eq!(e.location.as_deref(), Some("line 3, column 12"));
        assert!(e.message.starts_with("this is not valid JSON"), "{e}");
        let cut = &GOOD.as_bytes()[..GOOD.len() / 2];
        assert!(parse_json(cut).unwrap_err().message.contains("cut off"));
    }

    #[test]
    fn wrong_shapes_and_values_are_explained() {
        let bad_stance = GOOD.replace("\"report\"", "\"rumour\"");
        let e = parse_json(bad_stance.as_bytes()).unwrap_err();
        assert!(e.message.contains("rumour"), "{e}");
        let bad_date = GOOD.replace("2024-05", "2023-02-30");
        assert!(parse_json(bad_date.as_bytes()).unwrap_err().message.contains("does not exist"));
        let other = GOOD.replace("claims-explorer/1", "claims-explorer/9");
        let e = parse_json(other.as_bytes()).unwrap_err();
        assert_eq!(e.location.as_deref(), Some("schema"));
    }
}
