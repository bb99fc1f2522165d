//! Claims out: a selection of a dataset written as JSON in the dataset's own schema, as CSV
//! with the import's own columns, or as a STIX 2.1 bundle (CONTRACTS.md, Exports). Pure: the
//! page offers the three as downloads of the current filter's claims, and `claims-check`
//! writes them from the command line.

mod csv;
mod json;
mod stix;

use rustc_hash::FxHashSet;
use strum::{EnumCount, IntoStaticStr, VariantArray};

use crate::model::Dataset;

pub use self::csv::to_csv;
pub use self::json::to_json;
pub use self::stix::to_stix;

/// The formats claims are exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, IntoStaticStr, VariantArray, EnumCount)]
#[strum(serialize_all = "lowercase")]
pub enum Format {
    Json,
    Csv,
    Stix,
}

impl Format {
    /// The label of the download button.
    pub fn label(self) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Csv => "CSV",
            Format::Stix => "STIX 2.1",
        }
    }

    /// The downloaded file's name, after the dataset's slug.
    pub fn file_name(self, stem: &str) -> String {
        match self {
            Format::Json => format!("{stem}.json"),
            Format::Csv => format!("{stem}.csv"),
            Format::Stix => format!("{stem}.stix.json"),
        }
    }

    /// The file's media type.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Json | Format::Stix => "application/json",
            Format::Csv => "text/csv;charset=utf-8",
        }
    }

    /// The export of `dataset` in this format.
    pub fn write(self, dataset: &Dataset) -> String {
        match self {
            Format::Json => to_json(dataset),
            Format::Csv => to_csv(dataset),
            Format::Stix => to_stix(dataset),
        }
    }
}

/// The claims at positions `ids` (in that order) with the actors and incidents they name, as a
/// dataset of its own with the same title, licence and date. An answer to a claim left out
/// loses that reference, since the file has no such claim to point at.
pub fn selection(dataset: &Dataset, ids: &[u32]) -> Dataset {
    let kept: FxHashSet<&str> = ids.iter().map(|&i| dataset.claims[i as usize].id.as_str()).collect();
    let claims: Vec<_> = ids
        .iter()
        .map(|&i| {
            let mut c = dataset.claims[i as usize].clone();
            c.responds_to.retain(|r| kept.contains(r.as_str()));
            c
        })
        .collect();
    let named: FxHashSet<&str> = claims
        .iter()
        .flat_map(|c| std::iter::once(c.claimant.as_str()).chain(c.accused.iter().map(String::as_str)))
        .collect();
    let incidents: FxHashSet<&str> = claims.iter().filter_map(|c| c.incident.as_deref()).collect();
    Dataset {
        schema: dataset.schema.clone(),
        title: dataset.title.clone(),
        updated: dataset.updated,
        license: dataset.license.clone(),
        description: dataset.description.clone(),
        actors: dataset.actors.iter().filter(|a| named.contains(a.id.as_str())).cloned().collect(),
        incidents: dataset.incidents.iter().filter(|x| incidents.contains(x.id.as_str())).cloned().collect(),
        claims,
    }
}
