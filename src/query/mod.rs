//! Finding claims: the index built once over the immutable dataset, the filter a reader sets,
//! facet counts, text search and response threads. Pure.

mod filter;
mod index;
mod lists;
mod search;
pub mod text;
mod thread;

pub use filter::{Answered, Facet, Filter, Sort};
pub use index::{Counts, Index, IndexBytes, Outcome, TextCache, Vocabulary, NO_INCIDENT};
pub use lists::Lists;
pub use search::{naive_match, SearchBuilder, SearchIndex};
pub use thread::{thread, thread_len, thread_window, ThreadEntry, ThreadWindow};
