//! A dataset as CSV with the import's own columns (CONTRACTS.md, CSV), one row per claim, so
//! that the file reads back to the same claims in every column it carries. Actors are written
//! by name (the import makes their ids from the names), incidents by title. Lists are
//! `;`-separated with `\;` for a `;` within an item. A cell that a spreadsheet would run as a
//! formula is defused with a leading `'`, the one change a round trip shows. Written by the
//! charts' table writer (`charts::to_csv`: RFC 4180, CRLF, every cell made spreadsheet-safe),
//! the one CSV writer the page carries.

use std::borrow::Cow;

use crate::charts::{to_csv as table_csv, Table};
use crate::ingest::{csv_list_cell as list_cell, CSV_COLUMNS, CSV_EXTRA};
use crate::model::{Claim, Dataset};

/// `dataset`'s claims as CSV (RFC 4180, CRLF line ends), a header row first.
pub fn to_csv(dataset: &Dataset) -> String {
    let header: Vec<&str> = CSV_COLUMNS.iter().chain(CSV_EXTRA).copied().collect();
    let rows = dataset.claims.iter().map(|claim| header.iter().map(|column| cell(dataset, claim, column)).collect());
    table_csv(&Table { columns: header.iter().map(|c| c.to_string()).collect(), rows: rows.collect() })
}

fn cell(d: &Dataset, c: &Claim, column: &str) -> String {
    let name = |id: &str| d.actor_name(id).to_string();
    let country = |id: &str| d.actor(id).map_or(String::new(), |a| a.country.clone());
    let incident = c.incident.as_deref().and_then(|x| d.incidents.iter().find(|i| i.id == x));
    let list = |items: &[String]| list_cell(items.iter().map(String::as_str));
    let of_sources = |part: fn(&crate::model::Source) -> Cow<'_, str>| {
        let parts: Vec<Cow<str>> = c.sources.iter().map(part).collect();
        list_cell(parts.iter().map(|p| p.as_ref()))
    };
    match column {
        "id" => c.id.clone(),
        "date" => c.date.to_string(),
        "claimant" => name(&c.claimant),
        "claimant_country" => country(&c.claimant),
        "accused" => list_cell(c.accused.iter().map(|a| d.actor_name(a))),
        "accused_country" => {
            let countries: Vec<String> = c.accused.iter().map(|a| country(a)).collect();
            list(&countries)
        }
        "stance" => c.stance.as_str().to_string(),
        "incident" => incident.map_or(String::new(), |i| i.title.clone()),
        "headline" => c.headline.clone(),
        "summary" => c.summary.clone(),
        "quote" => c.quote.as_ref().map_or(String::new(), |q| q.text.clone()),
        "quote_speaker" => c.quote.as_ref().map_or(String::new(), |q| q.speaker.clone()),
        "quote_said_in" => c.quote.as_ref().and_then(|q| q.said_in.clone()).unwrap_or_default(),
        "quote_original" => c.quote.as_ref().and_then(|q| q.original.clone()).unwrap_or_default(),
        "source_url" => of_sources(|s| Cow::Borrowed(&s.url)),
        "source_title" => of_sources(|s| Cow::Borrowed(&s.title)),
        "source_publisher" => of_sources(|s| Cow::Borrowed(&s.publisher)),
        "source_date" => of_sources(|s| s.date.map_or(Cow::Borrowed(""), |d| Cow::Owned(d.to_string()))),
        "sectors" => incident.map_or(String::new(), |i| list(&i.sectors)),
        "vectors" => incident.map_or(String::new(), |i| list(&i.vectors)),
        "tags" => list(&c.tags),
        "confidence" => c.confidence.as_str().to_string(),
        "responds_to" => list(&c.responds_to),
        "aliases" => list(&c.aliases),
        "same_side_reason" => c.same_side_reason.clone().unwrap_or_default(),
        "headline_zh" => c.headline_zh.clone().unwrap_or_default(),
        "summary_zh" => c.summary_zh.clone().unwrap_or_default(),
        "incident_zh" => incident.and_then(|i| i.title_zh.clone()).unwrap_or_default(),
        _ => String::new(),
    }
}
