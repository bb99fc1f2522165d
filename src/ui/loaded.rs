//! The dataset the page explores, shared by every component that shows it.

use std::sync::Arc;

use crate::data_sources::Provenance;
use crate::ingest::Report;
use crate::model::Dataset;
use crate::query::Index;

/// A dataset ready to explore: the records, their index, the load report, where it came from.
#[derive(Clone)]
pub struct Loaded {
    pub dataset: Arc<Dataset>,
    pub index: Arc<Index>,
    pub report: Arc<Report>,
    pub provenance: Arc<Provenance>,
}
