//! A dataset as JSON in its own schema (`claims-explorer/1`), which the reader loads back to
//! the same records.

use crate::model::Dataset;

/// `dataset` as indented JSON, ending in a newline.
pub fn to_json(dataset: &Dataset) -> String {
    let mut text = serde_json::to_string_pretty(dataset).expect("a dataset always serialises");
    text.push('\n');
    text
}
