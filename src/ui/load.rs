//! Data access: fetching the dataset the page was asked for, or reading a file the reader
//! chose. The only module that talks to the network or the file system.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::timing::{now, record, timed};
use crate::ingest::{self, Ingested};

/// Where the bundled dataset lives, relative to the page (so the app works under a sub-path).
pub const BUNDLED_DATA: &str = "data/claims.json";

/// `url` made absolute against the page, for messages a reader can act on.
fn absolute(url: &str) -> String {
    let base = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    web_sys::Url::new_with_base(url, &base).map(|u| u.href()).unwrap_or_else(|_| url.to_string())
}

/// What a rejected browser promise says ("TypeError: Failed to fetch").
fn js_text(e: JsValue) -> String {
    e.unchecked_into::<js_sys::Error>().to_string().into()
}

/// Bytes copied into the wasm memory at a time.
const PIECE: u32 = 1 << 20;

/// Reads a dataset from the browser's buffer a piece at a time, so the wasm memory never
/// holds the whole file beside its records.
fn read_in_pieces(buffer: &JsValue, hints: &[&str]) -> Result<Ingested, ingest::IngestError> {
    let all = js_sys::Uint8Array::new(buffer);
    let mut reading = ingest::Reading::new(hints);
    let mut piece = vec![0u8; PIECE as usize];
    let mut start = 0;
    while start < all.length() {
        let end = (start + PIECE).min(all.length());
        let piece = &mut piece[..(end - start) as usize];
        all.subarray(start, end).copy_to(piece);
        reading.push(piece)?;
        start = end;
    }
    reading.finish()
}

/// Fetches and reads a dataset (JSON or CSV); the error is a sentence naming what failed and where.
pub async fn fetch_dataset(url: &str) -> Result<Ingested, String> {
    let start = now();
    let shown = absolute(url);
    let fail = |why: String| format!("Could not load the claims from {shown}: {why}");
    let request_failed =
        |e: JsValue| fail(format!("the request failed ({}); check the address and your connection", js_text(e)));
    let window = web_sys::window().ok_or_else(|| fail("there is no browser window".into()))?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(url)).await.map_err(request_failed)?.unchecked_into();
    if !response.ok() {
        return Err(fail(format!("the server answered {} {}", response.status(), response.status_text())));
    }
    let content_type = response.headers().get("content-type").ok().flatten().unwrap_or_default();
    let broke_off = |e: JsValue| fail(format!("the download broke off ({})", js_text(e)));
    let buffer = JsFuture::from(response.array_buffer().map_err(broke_off)?).await.map_err(broke_off)?;
    record("load: request and download", now() - start);
    timed("load: parse and check", || read_in_pieces(&buffer, &[url, &content_type])).map_err(|e| fail(e.to_string()))
}

/// Reads a file the reader chose or dropped.
pub async fn read_file(file: web_sys::File) -> Result<Ingested, String> {
    let name = file.name();
    let fail = |why: String| format!("Could not read the file {name}: {why}");
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| fail("the browser could not read it".into()))?;
    let buffer: js_sys::ArrayBuffer = buffer.dyn_into().map_err(|_| fail("the browser could not read it".into()))?;
    read_in_pieces(&buffer, &[&name, &file.type_()]).map_err(|e| fail(e.to_string()))
}
