//! The Leptos layer (wasm only): thin components over the pure core.

mod app;
mod card;
mod card_list;
mod chart;
mod download;
mod embed;
mod explorer;
mod facets;
mod history;
mod listen;
mod load;
mod loaded;
mod open_file;
mod report;
mod scheme;
mod share;
mod thread;
pub mod timing;

pub use app::App;
