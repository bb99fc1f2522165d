//! The search index built after the rest of the index: at once when a search needs it
//! (`Index::ensure_search`), or a few claims at a time by a page between the reader's inputs
//! (`Index::build_search_some`); either way the one index, built once.

use super::Index;
use crate::model::Dataset;
use crate::query::search::{SearchBuilder, SearchIndex};

/// A search index being built (`Index::build_search_some`). A copy of the index starts
/// without it: the copy builds its own when asked.
#[derive(Default)]
pub(super) struct Building(std::sync::Mutex<Option<SearchBuilder>>);

impl Clone for Building {
    fn clone(&self) -> Self {
        Building::default()
    }
}

impl std::fmt::Debug for Building {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Building")
    }
}

impl std::ops::Deref for Building {
    type Target = std::sync::Mutex<Option<SearchBuilder>>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl Index {
    /// Builds the search index if it is not built yet. `dataset` must be the one indexed.
    /// The claims that `build_search_some` has not added are added at once.
    pub fn ensure_search(&self, dataset: &Dataset) -> &SearchIndex {
        self.search.get_or_init(|| {
            let begun = self.building.lock().ok().and_then(|mut b| b.take());
            begun.unwrap_or_else(|| SearchBuilder::new(dataset, self.by_date.clone())).finish(dataset)
        })
    }

    /// Adds up to `n` more claims to the search index (`SearchBuilder`), for a page that
    /// builds it between the reader's inputs; whether it is built. `dataset` must be the one
    /// indexed.
    pub fn build_search_some(&self, dataset: &Dataset, n: usize) -> bool {
        if self.has_search() {
            return true;
        }
        let Ok(mut building) = self.building.lock() else { return false };
        let builder = building.get_or_insert_with(|| SearchBuilder::new(dataset, self.by_date.clone()));
        if !builder.add(dataset, n) {
            return false;
        }
        if let Some(done) = building.take() {
            let _ = self.search.set(done.finish(dataset));
        }
        true
    }

    /// Whether the search index is built.
    pub fn has_search(&self) -> bool {
        self.search.get().is_some()
    }
}
