//! Cyber Claims Explorer: explore US–China cyber accusations, attributions and denials.
//!
//! The core (`model`, `ingest`, `query`, `stats`, `charts`) is pure Rust with no browser types
//! and is tested natively; `ui` is the thin Leptos layer, compiled for wasm only.

pub mod charts;
pub mod ingest;
pub mod model;
pub mod query;
pub mod stats;
pub mod url_state;

#[cfg(target_arch = "wasm32")]
pub mod ui;
