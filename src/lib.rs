//! Cyber Claims Explorer: explore US–China cyber accusations, attributions and denials.
//!
//! The core (`model`, `ingest`, `query`, `stats`, `charts`) is pure Rust with no browser types
//! and is tested natively; `ui` is the thin Leptos layer: rendered in the page (wasm) and, natively,
//! baked into static pages at build time by the same components (`ui::bake`).

// The baked page's views (Leptos `ssr`) are deeply nested types.
#![recursion_limit = "256"]

// The catalogues of the interface's languages (`i18n`), compiled in; English fills any gap.
rust_i18n::i18n!("locales");

pub mod charts;
#[cfg(not(target_arch = "wasm32"))]
pub mod content_policy;
pub mod data_sources;
#[cfg(not(target_arch = "wasm32"))]
pub mod editorial;
pub mod export;
pub mod i18n;
pub mod ingest;
pub mod model;
pub mod query;
pub mod sort;
pub mod stats;
pub mod url_state;

pub mod ui;
