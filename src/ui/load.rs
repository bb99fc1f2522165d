//! Data access: fetching the dataset the page was asked for, or reading a file the reader
//! chose. The only module that talks to the network or the file system.

use gloo_net::http::Request;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::ingest::{self, Ingested};

/// Where the bundled dataset lives, relative to the page (so the app works under a sub-path).
pub const BUNDLED_DATA: &str = "data/claims.json";

/// `url` made absolute against the page, for messages a reader can act on.
fn absolute(url: &str) -> String {
    let base = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    web_sys::Url::new_with_base(url, &base).map(|u| u.href()).unwrap_or_else(|_| url.to_string())
}

/// Fetches and reads a dataset (JSON or CSV); the error is a sentence naming what failed and where.
pub async fn fetch_dataset(url: &str) -> Result<Ingested, String> {
    let shown = absolute(url);
    let fail = |why: String| format!("Could not load the claims from {shown}: {why}");
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| fail(format!("the request failed ({e}); check the address and your connection")))?;
    if !response.ok() {
        return Err(fail(format!("the server answered {} {}", response.status(), response.status_text())));
    }
    let content_type = response.headers().get("content-type").unwrap_or_default();
    let bytes = response.binary().await.map_err(|e| fail(format!("the download broke off ({e})")))?;
    ingest::read(&bytes, &[url, &content_type]).map_err(|e| fail(e.to_string()))
}

/// Reads a file the reader chose or dropped.
pub async fn read_file(file: web_sys::File) -> Result<Ingested, String> {
    let name = file.name();
    let fail = |why: String| format!("Could not read the file {name}: {why}");
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| fail("the browser could not read it".into()))?;
    let buffer: js_sys::ArrayBuffer = buffer.dyn_into().map_err(|_| fail("the browser could not read it".into()))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    ingest::read(&bytes, &[&name, &file.type_()]).map_err(|e| fail(e.to_string()))
}
