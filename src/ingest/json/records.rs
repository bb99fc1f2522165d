//! Decoding what the reader has cut out: one record of a list (straight into the model when
//! it is well formed, else field by field with every problem reported at its path), and the
//! dataset's own fields.

use serde::de::IgnoredAny;
use serde_json::Value;
use strum::{EnumString, IntoStaticStr};

use super::{located, Position};
use crate::i18n::{Lang, Message};
use crate::ingest::checks::excluded;
use crate::ingest::decode::{self, DATASET_FIELDS};
use crate::ingest::echo::quoted;
use crate::ingest::place::{path, Place};
use crate::ingest::report::Report;
use crate::ingest::IngestError;
use crate::model::{PartialDate, SCHEMA_V1};

/// The three lists of records, named as the dataset's keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumString, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub(super) enum List {
    Actors,
    Incidents,
    Claims,
}

impl List {
    /// The list a dataset key names, if any.
    pub(super) fn named(key: &str) -> Option<List> {
        key.parse().ok()
    }

    /// The dataset key (`actors`, `incidents`, `claims`).
    pub(super) fn name(self) -> &'static str {
        self.into()
    }
}

/// The records of one list, with the problems found in them.
#[derive(Debug)]
pub(super) struct Records<T> {
    pub(super) items: Vec<(Place, T)>,
    pub(super) report: Report,
    pub(super) excluded: usize,
    seen: usize,
}

impl<T> Default for Records<T> {
    fn default() -> Self {
        Records { items: Vec::new(), report: Report::default(), excluded: 0, seen: 0 }
    }
}

impl<T: serde::de::DeserializeOwned> Records<T> {
    /// Decodes one record; a record that fails is reported and counted.
    pub(super) fn take(
        &mut self,
        list: List,
        bytes: &[u8],
        start: Position,
        decode: fn(&Value, &Place, &mut Report) -> Option<T>,
        excluded_ids: &mut Vec<String>,
    ) -> Result<(), IngestError> {
        let name = list.name();
        let place = Place::Json(format!("{name}[{}]", self.seen));
        self.seen += 1;
        // Fast path: a well-formed record decodes straight into the model (the checks still
        // run later). Anything else — a wrong type, an unknown field — takes the slow path,
        // which reports every problem at its path.
        // (From text: serde_json checks UTF-8 faster in one go than string by string.)
        if let Some(record) = std::str::from_utf8(bytes).ok().and_then(|text| serde_json::from_str::<T>(text).ok()) {
            self.items.push((place, record));
            return Ok(());
        }
        let value: Value = serde_json::from_slice(bytes).map_err(|e| {
            // Not JSON: placed as a skimming parse places it (at the faulty byte).
            let skimmed = serde_json::from_slice::<IgnoredAny>(bytes).err();
            located(skimmed.as_ref().unwrap_or(&e), start)
        })?;
        match decode(&value, &place, &mut self.report) {
            Some(record) => self.items.push((place, record)),
            None => {
                self.report.error(place.whole(), excluded(name.trim_end_matches('s')));
                self.excluded += 1;
                if let Some(id) = value.get("id").and_then(Value::as_str) {
                    excluded_ids.push(id.to_string());
                }
            }
        }
        Ok(())
    }
}

/// The dataset's own fields.
pub(super) struct Head {
    pub(super) schema: String,
    pub(super) title: String,
    pub(super) license: String,
    pub(super) updated: Option<PartialDate>,
    pub(super) description: Option<String>,
}

/// Reads the dataset's own fields from the JSON text of each (`raw`), given every top-level
/// key (`keys`): the schema must be v1; unknown keys, and fields that are missing or not text,
/// are warned about.
pub(super) fn head<'k, 'r>(
    keys: impl Iterator<Item = &'k str>,
    raw: impl Fn(&str) -> Option<&'r [u8]>,
    report: &mut Report,
    lang: Lang,
) -> Result<Head, IngestError> {
    for key in keys.filter(|k| !DATASET_FIELDS.contains(k)) {
        report.warning(path(key), decode::unknown_field(key, DATASET_FIELDS));
    }
    let text = |field: &str, report: &mut Report| -> Option<String> {
        match serde_json::from_slice::<String>(raw(field)?) {
            Ok(s) => Some(s),
            Err(_) => {
                report.warning(path(field), Message::new("problem.not_text").with("field", field));
                None
            }
        }
    };
    let schema = text("schema", report).ok_or_else(|| IngestError {
        location: Some(path("schema")),
        message: Message::new("problem.no_schema").with("schema", SCHEMA_V1),
    })?;
    if schema != SCHEMA_V1 {
        return Err(IngestError {
            location: Some(path("schema")),
            message: Message::new("problem.other_schema").with("schema", SCHEMA_V1).with("value", quoted(&schema)),
        });
    }
    let title = text("title", report).unwrap_or_else(|| {
        report.warning(path("title"), Message::new("problem.no_title"));
        lang.text("dataset.untitled").into_owned()
    });
    let license = text("license", report).unwrap_or_else(|| {
        report.warning(path("license"), Message::new("problem.no_licence"));
        lang.text("dataset.no_licence").into_owned()
    });
    let updated = match text("updated", report) {
        Some(s) => match PartialDate::parse(&s) {
            Ok(d) => Some(d),
            Err(e) => {
                let m = Message::new("problem.bad_updated").with_message("problem", decode::not_a_date(&e));
                report.warning(path("updated"), m);
                None
            }
        },
        None => {
            report.warning(path("updated"), Message::new("problem.no_updated"));
            None
        }
    };
    let description = text("description", report);
    Ok(Head { schema, title, license, updated, description })
}
