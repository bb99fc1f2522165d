//! Finding claims: a search index built once over the immutable dataset, and the filter
//! that turns a query into the ids of matching claims. Pure.

mod search;

pub use search::SearchIndex;
