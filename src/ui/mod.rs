//! The Leptos layer: thin components over the pure core, rendered in the page (wasm) and baked
//! into static HTML at build time (`bake`, native).

mod app;
#[cfg(not(target_arch = "wasm32"))]
pub mod bake;
mod card;
mod card_list;
mod chart;
mod download;
mod embed;
mod explorer;
mod export_claims;
mod facets;
mod history;
mod lang;
mod listen;
mod load;
mod loaded;
#[cfg(not(target_arch = "wasm32"))]
pub mod loader;
mod measured_text;
mod open_file;
mod print_charts;
mod report;
mod scheme;
mod share;
mod thread;
pub mod timing;
mod turns;

pub use app::App;
pub use lang::start;
pub use loaded::Loaded;
pub use turns::in_turn;
