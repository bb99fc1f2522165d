//! JSON values → model records, by hand: every field is checked for its type, every problem
//! is reported at its path (`claims[17].sources[0].url`), unknown fields become warnings.
//! Written by hand rather than derived so that all problems of a record are reported at once,
//! and because derived deserializers cost the page tens of kilobytes.

use std::collections::BTreeMap;

use serde_json::{Map, Value};
use strum::VariantArray;

use super::echo::quoted;
use super::place::Place;
use super::report::Report;
use crate::i18n::Message;
use crate::model::{one_of, Actor, Claim, Confidence, DateError, Incident, PartialDate, Quote, Source, Stance};

/// Field names of each record, for unknown-field warnings and their "did you mean" hints.
pub const DATASET_FIELDS: &[&str] =
    &["schema", "title", "updated", "license", "description", "actors", "incidents", "claims"];
pub const ACTOR_FIELDS: &[&str] = &["id", "name", "name_zh", "country", "kind", "aliases"];
pub const INCIDENT_FIELDS: &[&str] = &["id", "title", "title_zh", "began", "sectors", "vectors", "cves", "scale"];
pub const CLAIM_FIELDS: &[&str] = &[
    "id",
    "date",
    "claimant",
    "accused",
    "stance",
    "incident",
    "responds_to",
    "headline",
    "summary",
    "headline_zh",
    "summary_zh",
    "quote",
    "sources",
    "confidence",
    "tags",
    "aliases",
    "same_side_reason",
];
pub const QUOTE_FIELDS: &[&str] = &["text", "speaker", "said_in", "original"];
pub const SOURCE_FIELDS: &[&str] = &["publisher", "title", "url", "date"];

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

/// "unknown field "claimnt" is ignored (did you mean "claimant"?)".
pub fn unknown_field(key: &str, known: &[&str]) -> Message {
    // A key longer than a field's name by more than two is not within two edits of it (and a
    // hostile key may be megabytes long).
    let chars = key.chars().count();
    let hint = known
        .iter()
        .filter(|f| chars <= f.len() + 2)
        .map(|f| (edit_distance(key, f), *f))
        .filter(|(d, f)| *d <= 2 && *d < f.len())
        .min()
        .map(|(_, f)| f);
    match hint {
        Some(hint) => Message::new("problem.unknown_field_hint").with("value", quoted(key)).with("hint", hint),
        None => Message::new("problem.unknown_field").with("value", quoted(key)),
    }
}

/// "\"2023-02-30\" is not a date: that day does not exist in that month", the text shortened.
pub fn not_a_date(e: &DateError) -> Message {
    Message::new("problem.not_a_date").with("value", quoted(&e.input)).with_message("reason", Message::new(e.reason))
}

/// What a JSON value is, as a message names it: "a number", "a list".
fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "json.null",
        Value::Bool(_) => "json.bool",
        Value::Number(_) => "json.number",
        Value::String(_) => "json.text",
        Value::Array(_) => "json.list",
        Value::Object(_) => "json.object",
    }
}

/// "expected text, found a number": `expected` and `found` are `json.*` keys.
fn expected(expected: &'static str, found: &'static str) -> Message {
    Message::new("problem.expected")
        .with_message("expected", Message::new(expected))
        .with_message("found", Message::new(found))
}

/// Reads the fields of one JSON object, reporting problems at `place` + the field's path.
pub struct Fields<'a> {
    map: &'a Map<String, Value>,
    place: &'a Place,
    prefix: String,
    /// Errors found so far in the whole record.
    pub errors: usize,
}

impl<'a> Fields<'a> {
    /// Opens `value` as an object with the `known` fields; anything else is an error.
    pub fn open(
        value: &'a Value,
        place: &'a Place,
        prefix: &str,
        known: &[&str],
        report: &mut Report,
    ) -> Option<Fields<'a>> {
        let Value::Object(map) = value else {
            report.error(place.at(prefix), expected("json.object", kind_of(value)));
            return None;
        };
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            report.warning(place.at(&join(prefix, key)), unknown_field(key, known));
        }
        Some(Fields { map, place, prefix: prefix.to_string(), errors: 0 })
    }

    fn at(&self, key: &str) -> Message {
        self.place.at(&join(&self.prefix, key))
    }

    fn fail(&mut self, report: &mut Report, key: &str, message: Message) {
        self.errors += 1;
        report.error(self.at(key), message);
    }

    fn present(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// Text that may be absent.
    pub fn text_opt(&mut self, report: &mut Report, key: &str) -> Option<String> {
        match self.present(key)? {
            Value::String(s) => Some(s.clone()),
            other => {
                let found = kind_of(other);
                self.fail(report, key, expected("json.text", found));
                None
            }
        }
    }

    /// Text that must be there.
    pub fn text(&mut self, report: &mut Report, key: &str) -> String {
        if self.present(key).is_none() {
            self.fail(report, key, Message::new("problem.missing").with("field", key));
            return String::new();
        }
        self.text_opt(report, key).unwrap_or_default()
    }

    /// A list of texts; absent means empty.
    pub fn texts(&mut self, report: &mut Report, key: &str) -> Vec<String> {
        match self.present(key) {
            None => Vec::new(),
            Some(Value::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Value::String(s) => out.push(s.clone()),
                        other => {
                            let found = kind_of(other);
                            self.fail(report, &format!("{key}[{i}]"), expected("json.text", found));
                        }
                    }
                }
                out
            }
            Some(other) => {
                let found = kind_of(other);
                self.fail(report, key, expected("json.texts", found));
                Vec::new()
            }
        }
    }

    /// A partial ISO date; `required` says whether it may be absent.
    pub fn date(&mut self, report: &mut Report, key: &str, required: bool) -> Option<PartialDate> {
        let text =
            if required { Some(self.text(report, key)).filter(|t| !t.is_empty()) } else { self.text_opt(report, key) }?;
        match PartialDate::parse(&text) {
            Ok(d) => Some(d),
            Err(e) => {
                self.fail(report, key, not_a_date(&e));
                None
            }
        }
    }

    /// A map of names to numbers (an incident's `scale`).
    pub fn numbers(&mut self, report: &mut Report, key: &str) -> BTreeMap<String, f64> {
        let mut out = BTreeMap::new();
        match self.present(key) {
            None => {}
            Some(Value::Object(map)) => {
                for (name, v) in map {
                    match v.as_f64() {
                        Some(n) => {
                            out.insert(name.clone(), n);
                        }
                        None => {
                            let found = kind_of(v);
                            self.fail(report, &format!("{key}.{name}"), expected("json.number", found));
                        }
                    }
                }
            }
            Some(other) => {
                let found = kind_of(other);
                self.fail(report, key, expected("json.numbers", found));
            }
        }
        out
    }

    /// The value of a nested field, if present.
    pub fn value(&self, key: &str) -> Option<&'a Value> {
        self.present(key)
    }
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else if key.starts_with('[') {
        format!("{prefix}{key}")
    } else {
        format!("{prefix}.{key}")
    }
}

/// An actor, or `None` (with the errors reported) when it cannot be used.
pub fn actor(value: &Value, place: &Place, report: &mut Report) -> Option<Actor> {
    let mut f = Fields::open(value, place, "", ACTOR_FIELDS, report)?;
    let actor = Actor {
        id: f.text(report, "id"),
        name: f.text(report, "name"),
        name_zh: f.text_opt(report, "name_zh"),
        country: f.text(report, "country"),
        kind: f.text_opt(report, "kind").unwrap_or_default(),
        aliases: f.texts(report, "aliases"),
    };
    (f.errors == 0).then_some(actor)
}

/// An incident, or `None` (with the errors reported).
pub fn incident(value: &Value, place: &Place, report: &mut Report) -> Option<Incident> {
    let mut f = Fields::open(value, place, "", INCIDENT_FIELDS, report)?;
    let incident = Incident {
        id: f.text(report, "id"),
        title: f.text(report, "title"),
        title_zh: f.text_opt(report, "title_zh"),
        began: f.date(report, "began", false),
        sectors: f.texts(report, "sectors"),
        vectors: f.texts(report, "vectors"),
        cves: f.texts(report, "cves"),
        scale: f.numbers(report, "scale"),
    };
    (f.errors == 0).then_some(incident)
}

/// A claim, or `None` (with the errors reported).
pub fn claim(value: &Value, place: &Place, report: &mut Report) -> Option<Claim> {
    let mut f = Fields::open(value, place, "", CLAIM_FIELDS, report)?;
    let id = f.text(report, "id");
    let date = f.date(report, "date", true);
    let claimant = f.text(report, "claimant");
    let accused = f.texts(report, "accused");
    let stance_text = f.text(report, "stance");
    let stance = Stance::parse(&stance_text);
    if stance.is_none() && !stance_text.is_empty() {
        let known: Vec<&str> = Stance::ALL.iter().map(|s| s.as_str()).collect();
        let m = Message::new("problem.not_a_stance").with("value", quoted(&stance_text));
        f.fail(report, "stance", m.with("known", known.join(", ")));
    }
    let incident = f.text_opt(report, "incident");
    let responds_to = f.texts(report, "responds_to");
    let headline = f.text(report, "headline");
    let summary = f.text_opt(report, "summary").unwrap_or_default();
    let headline_zh = f.text_opt(report, "headline_zh");
    let summary_zh = f.text_opt(report, "summary_zh");
    let quote = f.value("quote").and_then(|q| {
        let mut qf = Fields::open(q, place, "quote", QUOTE_FIELDS, report)?;
        let quote = Quote {
            text: qf.text(report, "text"),
            speaker: qf.text_opt(report, "speaker").unwrap_or_default(),
            said_in: qf.text_opt(report, "said_in"),
            original: qf.text_opt(report, "original"),
        };
        f.errors += qf.errors;
        Some(quote)
    });
    if f.value("quote").is_some() && quote.is_none() {
        f.errors += 1;
    }
    let mut sources = Vec::new();
    match f.value("sources") {
        None => f.fail(report, "sources", Message::new("problem.missing").with("field", "sources")),
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let prefix = format!("sources[{i}]");
                let Some(mut sf) = Fields::open(item, place, &prefix, SOURCE_FIELDS, report) else {
                    f.errors += 1;
                    continue;
                };
                let source = Source {
                    publisher: sf.text(report, "publisher"),
                    title: sf.text_opt(report, "title").unwrap_or_default(),
                    url: sf.text(report, "url"),
                    date: sf.date(report, "date", false),
                };
                f.errors += sf.errors;
                sources.push(source);
            }
        }
        Some(other) => {
            let found = kind_of(other);
            f.fail(report, "sources", expected("json.sources", found));
        }
    }
    let confidence = match f.text_opt(report, "confidence") {
        None => Confidence::default(),
        Some(text) => Confidence::parse(&text).unwrap_or_else(|| {
            let expected = one_of(Confidence::VARIANTS);
            let m = Message::new("problem.not_a_confidence").with("value", quoted(&text));
            f.fail(report, "confidence", m.with_message("expected", expected));
            Confidence::default()
        }),
    };
    let tags = f.texts(report, "tags");
    let aliases = f.texts(report, "aliases");
    let same_side_reason = f.text_opt(report, "same_side_reason");
    if f.errors > 0 {
        return None;
    }
    Some(Claim {
        id,
        date: date?,
        claimant,
        accused,
        stance: stance?,
        incident,
        responds_to,
        headline,
        summary,
        headline_zh,
        summary_zh,
        quote,
        sources,
        confidence,
        tags,
        aliases,
        same_side_reason,
    })
}
