//! The JSON Schema of the v1 format, generated from the Rust types (native builds only).
//! Published at `public/data/claims.schema.json`; a test keeps the two equal.

use super::Dataset;

/// Where the schema is published, relative to the crate root.
pub const SCHEMA_PATH: &str = "public/data/claims.schema.json";

/// The schema as pretty-printed JSON with a trailing newline.
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(Dataset);
    schema.insert("title".into(), "Cyber Claims Explorer dataset, version 1 (claims-explorer/1)".into());
    // Keys sorted, so the text is the same whichever serde_json features a build unifies.
    let mut text = serde_json::to_string_pretty(&sorted(schema.to_value())).expect("a schema serialises");
    text.push('\n');
    text
}

/// Keys sorted; and `additionalProperties: false` dropped: the types deny unknown fields only
/// for the reader's fast path, while the format itself tolerates them (with a warning).
fn sorted(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> =
                map.into_iter().filter(|(k, v)| !(k == "additionalProperties" && *v == Value::Bool(false))).collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}
