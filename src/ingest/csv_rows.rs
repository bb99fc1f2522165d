//! Reading a spreadsheet: one CSV row per claim (CONTRACTS.md, Data model: CSV). Actors and
//! incidents are created from the names in the rows; multi-values are `;`-separated.

use std::collections::HashMap;

use rustc_hash::FxHashSet;

use strum::VariantArray;

use super::checks::{self, Draft};
use super::csv_lists::{split, split_keeping_empty};
use super::decode::not_a_date;
use super::echo::{quoted, shorten, QUOTED_MAX};
use super::place::{self, Place};
use super::plain_text::{self, Shape};
use super::report::Report;
use super::IngestError;
use crate::i18n::Message;
use crate::model::{one_of, Actor, Claim, Confidence, Incident, PartialDate, Quote, Source, Stance, SCHEMA_V1};

/// The columns of the CSV format, in their documented order.
pub const COLUMNS: &[&str] = &[
    "id",
    "date",
    "claimant",
    "claimant_country",
    "accused",
    "accused_country",
    "stance",
    "incident",
    "headline",
    "summary",
    "quote",
    "source_url",
    "source_title",
    "source_publisher",
    "sectors",
    "vectors",
];
/// Columns a file must have.
pub const REQUIRED: &[&str] = &["id", "date", "claimant", "stance", "headline", "source_url"];
/// Optional columns read beyond the documented ones, in the order the export writes them.
pub const EXTRA: &[&str] = &[
    "tags",
    "confidence",
    "responds_to",
    "quote_speaker",
    "source_date",
    "aliases",
    "same_side_reason",
    "headline_zh",
    "summary_zh",
    "incident_zh",
    "quote_said_in",
    "quote_original",
];

/// An id made from a name: lower case, words joined by `-`; Chinese letters are kept. At most
/// `ID_MAX` characters, so that a long incident title still makes a valid id.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.trim().chars().take(super::ID_MAX) {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The host of a URL, used as the publisher when none is given.
fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or("").trim_start_matches("www.").to_string()
}

struct Row<'a> {
    record: &'a csv::StringRecord,
    columns: &'a HashMap<String, usize>,
}

impl Row<'_> {
    fn get(&self, column: &str) -> &str {
        self.columns.get(column).and_then(|&i| self.record.get(i)).map_or("", str::trim)
    }
}

/// Actors and incidents met so far, by id, each with the place it was first seen.
#[derive(Default)]
struct Registry {
    actors: Vec<(Place, Actor)>,
    actor_at: HashMap<String, usize>,
    incidents: Vec<(Place, Incident)>,
    incident_at: HashMap<String, usize>,
    /// (incident, whether a vector, name) of the sectors and vectors already in an incident's
    /// lists, so that a row adds a name in constant time however long the lists grow.
    listed: FxHashSet<(usize, bool, String)>,
}

impl Registry {
    fn actor(&mut self, name: &str, country: &str, place: &Place, column: &str, report: &mut Report) -> String {
        let id = slug(name);
        let country = if country.is_empty() { "XX".to_string() } else { country.to_ascii_uppercase() };
        match self.actor_at.get(&id) {
            Some(&i) => {
                let known = &self.actors[i].1.country;
                if *known != country && country != "XX" {
                    let m = Message::new("problem.country_conflict").with("value", quoted(name));
                    let m = m.with("known", shorten(known, QUOTED_MAX)).with_message("place", self.actors[i].0.whole());
                    report.warning(place.at(column), m.with("country", shorten(&country, QUOTED_MAX)));
                }
            }
            None => {
                if country == "XX" {
                    report.warning(place.at(column), Message::new("problem.no_country").with("value", quoted(name)));
                }
                self.actor_at.insert(id.clone(), self.actors.len());
                let actor = Actor {
                    id: id.clone(),
                    name: name.to_string(),
                    name_zh: None,
                    country,
                    kind: "unknown".into(),
                    aliases: vec![],
                };
                self.actors.push((place.clone(), actor));
            }
        }
        id
    }

    fn incident(
        &mut self,
        title: &str,
        title_zh: &str,
        sectors: Vec<String>,
        vectors: Vec<String>,
        place: &Place,
    ) -> String {
        let id = slug(title);
        let i = *self.incident_at.entry(id.clone()).or_insert_with(|| {
            let incident = Incident {
                id: id.clone(),
                title: title.to_string(),
                title_zh: Some(title_zh.to_string()).filter(|t| !t.is_empty()),
                began: None,
                sectors: vec![],
                vectors: vec![],
                cves: vec![],
                scale: Default::default(),
            };
            self.incidents.push((place.clone(), incident));
            self.incidents.len() - 1
        });
        let incident = &mut self.incidents[i].1;
        for (vector, names, list) in [(false, sectors, &mut incident.sectors), (true, vectors, &mut incident.vectors)] {
            for name in names {
                if self.listed.insert((i, vector, name.clone())) {
                    list.push(name);
                }
            }
        }
        id
    }
}

/// The shape of each column's text, for the columns the reader reads (see `plain_text`).
fn shape_of(column: &str) -> Option<Shape> {
    match column {
        "summary" | "summary_zh" | "quote" | "quote_original" => Some(Shape::Block),
        c if COLUMNS.contains(&c) || EXTRA.contains(&c) => Some(Shape::Line),
        _ => None,
    }
}

/// The row with the characters text may not hold removed from the cells the reader reads, each
/// cleaned cell reported at its column. Cells are cleaned before they are split or trimmed and
/// before names become ids, so the place and the ids are the ones the reader sees.
fn clean_cells(
    record: csv::StringRecord,
    shapes: &[Option<(&str, Shape)>],
    place: &Place,
    report: &mut Report,
) -> csv::StringRecord {
    let plain =
        |(i, cell): (usize, &str)| shapes.get(i).copied().flatten().is_none_or(|(_, s)| plain_text::is_plain(cell, s));
    if record.iter().enumerate().all(plain) {
        return record;
    }
    let mut cleaned = csv::StringRecord::with_capacity(record.as_slice().len(), record.len());
    for (i, cell) in record.iter().enumerate() {
        match shapes.get(i).copied().flatten() {
            Some((column, shape)) => {
                let mut text = cell.to_string();
                if let Some(message) = plain_text::clean(&mut text, shape) {
                    report.warning(place.at(column), message);
                }
                cleaned.push_field(&text);
            }
            None => cleaned.push_field(cell),
        }
    }
    cleaned.set_position(record.position().cloned());
    cleaned
}

/// Reads one row into a claim; problems that make the row unusable are returned as errors.
fn claim_of(row: &Row, place: &Place, registry: &mut Registry, report: &mut Report) -> Result<Claim, usize> {
    let mut errors = 0;
    let mut error = |column: &str, message: Message| {
        report.error(place.at(column), message);
        errors += 1;
    };
    let date = match PartialDate::parse(row.get("date")) {
        Ok(d) => Some(d),
        Err(e) => {
            error("date", not_a_date(&e));
            None
        }
    };
    let stance = Stance::parse(&row.get("stance").to_ascii_lowercase());
    if stance.is_none() {
        let known: Vec<&str> = Stance::ALL.iter().map(|s| s.as_str()).collect();
        let m = Message::new("problem.not_a_stance").with("value", quoted(row.get("stance")));
        error("stance", m.with("known", known.join(", ")));
    }
    let confidence = match row.get("confidence") {
        "" => Confidence::default(),
        text => Confidence::parse(text).unwrap_or_else(|| {
            let expected = one_of(Confidence::VARIANTS);
            error(
                "confidence",
                Message::new("problem.not_a_confidence").with("value", quoted(text)).with_message("expected", expected),
            );
            Confidence::default()
        }),
    };
    if row.get("claimant").is_empty() {
        error("claimant", Message::new("problem.claimant_empty"));
    }
    let (Some(date), Some(stance)) = (date, stance) else { return Err(errors) };
    if errors > 0 {
        return Err(errors);
    }

    let claimant = registry.actor(row.get("claimant"), row.get("claimant_country"), place, "claimant", report);
    let accused_countries = split(row.get("accused_country"));
    let accused = split(row.get("accused"))
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let country = accused_countries.get(k).or(accused_countries.first()).map_or("", String::as_str);
            registry.actor(name, country, place, "accused", report)
        })
        .collect();
    let incident = (!row.get("incident").is_empty()).then(|| {
        let (sectors, vectors) = (split(row.get("sectors")), split(row.get("vectors")));
        registry.incident(row.get("incident"), row.get("incident_zh"), sectors, vectors, place)
    });
    let titles = split_keeping_empty(row.get("source_title"));
    let publishers = split_keeping_empty(row.get("source_publisher"));
    let dates = split_keeping_empty(row.get("source_date"));
    let mut date_errors = Vec::new();
    let sources = split(row.get("source_url"))
        .into_iter()
        .enumerate()
        .map(|(k, url)| Source {
            publisher: publishers.get(k).filter(|p| !p.is_empty()).cloned().unwrap_or_else(|| host(&url)),
            title: titles.get(k).cloned().unwrap_or_default(),
            url,
            date: dates.get(k).filter(|d| !d.is_empty()).and_then(|d| {
                PartialDate::parse(d)
                    .map_err(|e| {
                        let m = Message::new("problem.source_date").with("n", (k + 1).to_string());
                        date_errors.push(m.with_message("problem", not_a_date(&e)))
                    })
                    .ok()
            }),
        })
        .collect();
    for message in date_errors {
        report.warning(place.at("source_date"), message);
    }
    let quote = (!row.get("quote").is_empty()).then(|| Quote {
        text: row.get("quote").to_string(),
        speaker: row.get("quote_speaker").to_string(),
        said_in: Some(row.get("quote_said_in").to_string()).filter(|t| !t.is_empty()),
        original: Some(row.get("quote_original").to_string()).filter(|t| !t.is_empty()),
    });
    Ok(Claim {
        id: row.get("id").to_string(),
        date,
        claimant,
        accused,
        stance,
        incident,
        responds_to: split(row.get("responds_to")),
        headline: row.get("headline").to_string(),
        summary: row.get("summary").to_string(),
        headline_zh: Some(row.get("headline_zh").to_string()).filter(|t| !t.is_empty()),
        summary_zh: Some(row.get("summary_zh").to_string()).filter(|t| !t.is_empty()),
        quote,
        sources,
        confidence,
        tags: split(row.get("tags")),
        aliases: split(row.get("aliases")),
        same_side_reason: Some(row.get("same_side_reason").to_string()).filter(|r| !r.is_empty()),
    })
}

/// Reads a CSV file into a draft; fails only when the file as a whole is unreadable.
pub fn read_csv(bytes: &[u8], title: &str, license: &str, report: &mut Report) -> Result<Draft, IngestError> {
    let whole = |message: Message| IngestError { location: None, message };
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header =
        reader.headers().map_err(|e| whole(Message::new("problem.csv_header").with("detail", e.to_string())))?.clone();
    let columns: HashMap<String, usize> =
        header.iter().enumerate().map(|(i, h)| (h.trim().to_ascii_lowercase(), i)).collect();
    let missing: Vec<&str> = REQUIRED.iter().copied().filter(|c| !columns.contains_key(*c)).collect();
    if !missing.is_empty() {
        let message = Message::new("problem.csv_columns").with("missing", missing.join(", "));
        return Err(IngestError {
            location: Some(place::row_of(1)),
            message: message.with("columns", COLUMNS.join(",")),
        });
    }
    let names: Vec<String> = header.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    // In the header's order (a map's order would change from one read to the next), once each.
    let mut seen = FxHashSet::default();
    for name in &names {
        if shape_of(name).is_none() && seen.insert(name.as_str()) {
            let at = place::cell(1, &shorten(name, QUOTED_MAX));
            report.warning(at, Message::new("problem.unknown_column").with("value", quoted(name)));
        }
    }

    let shapes: Vec<Option<(&str, Shape)>> = names.iter().map(|n| shape_of(n).map(|s| (n.as_str(), s))).collect();

    let mut registry = Registry::default();
    let mut claims = Vec::new();
    let mut excluded_claims = Vec::new();
    for result in reader.records() {
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                let row = e.position().map_or(0, |p| p.line());
                report.error(place::row_of(row), Message::new("problem.row_unreadable").with("detail", e.to_string()));
                report.claims.excluded += 1;
                continue;
            }
        };
        let place = Place::Row(record.position().map_or(0, |p| p.line()));
        let record = clean_cells(record, &shapes, &place, report);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != header.len() {
            let m = Message::new("problem.row_fields").with("n", record.len().to_string());
            report.warning(place.whole(), m.with("header", header.len().to_string()));
        }
        let row = Row { record: &record, columns: &columns };
        match claim_of(&row, &place, &mut registry, report) {
            Ok(claim) => claims.push((place, claim)),
            Err(_) => {
                report.error(place.whole(), checks::excluded("claim"));
                report.claims.excluded += 1;
                excluded_claims.push(row.get("id").to_string());
            }
        }
    }
    Ok(Draft {
        schema: SCHEMA_V1.to_string(),
        title: title.to_string(),
        updated: None,
        license: license.to_string(),
        description: None,
        actors: registry.actors,
        incidents: registry.incidents,
        claims,
        excluded_claims,
    })
}
