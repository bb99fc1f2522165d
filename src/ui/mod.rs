//! The Leptos layer (wasm only): thin components over the pure core.

mod app;
mod card;
mod chart;
mod explorer;
mod load;

pub use app::App;
