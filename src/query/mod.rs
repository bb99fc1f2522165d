//! Finding claims: the index built once over the immutable dataset, the filter a reader sets,
//! facet counts, text search and response threads. Pure.

mod filter;
mod index;
mod search;
pub mod text;
mod thread;

pub use filter::{Facet, Filter, Sort};
pub use index::{Counts, Index, Outcome, TextCache, Vocabulary};
pub use search::SearchIndex;
pub use thread::{thread, thread_len, ThreadEntry};
