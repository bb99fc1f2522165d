//! The Leptos layer (wasm only): thin components over the pure core.

mod app;
mod card;
mod chart;
mod explorer;
mod load;
mod open_file;
mod report;

pub use app::App;
