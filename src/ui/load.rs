//! Data access: fetching the dataset the page was asked for, or reading a file the reader
//! chose. The only module that talks to the network or the file system.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::timing::{now, record};
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
/// Bytes read between two pauses in which the page can show how far the read has got.
const BETWEEN_PAUSES: u32 = 8 << 20;

/// Lets the browser run its other tasks (and paint) before going on.
async fn pause() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Reads a dataset from the browser's buffer a piece at a time, so the wasm memory never
/// holds the whole file beside its records. A large file pauses every few megabytes and
/// reports the share read (`progress`), so the page shows how far it has got.
async fn read_in_pieces(
    buffer: &JsValue,
    hints: &[&str],
    progress: impl Fn(f64),
) -> Result<Ingested, ingest::IngestError> {
    let all = js_sys::Uint8Array::new(buffer);
    let total = all.length();
    let mut reading = ingest::Reading::new(hints);
    let mut piece = vec![0u8; PIECE as usize];
    let (mut start, mut since_pause) = (0, 0);
    // The time spent reading, pauses left out.
    let mut busy = 0.0;
    while start < total {
        if since_pause >= BETWEEN_PAUSES {
            progress(f64::from(start) / f64::from(total));
            pause().await;
            since_pause = 0;
        }
        let t = now();
        let end = (start + PIECE).min(total);
        let piece = &mut piece[..(end - start) as usize];
        all.subarray(start, end).copy_to(piece);
        let pushed = reading.push(piece);
        busy += now() - t;
        pushed?;
        since_pause += end - start;
        start = end;
    }
    let t = now();
    let read = reading.finish();
    record("load: parse and check", busy + now() - t);
    read
}

/// Fetches and reads a dataset (JSON or CSV); the error is a sentence naming what failed and where.
pub async fn fetch_dataset(url: &str, progress: impl Fn(f64)) -> Result<Ingested, String> {
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
    read_in_pieces(&buffer, &[url, &content_type], progress).await.map_err(|e| fail(e.to_string()))
}

/// Reads a file the reader chose or dropped.
pub async fn read_file(file: web_sys::File, progress: impl Fn(f64)) -> Result<Ingested, String> {
    let name = file.name();
    let fail = |why: String| format!("Could not read the file {name}: {why}");
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| fail("the browser could not read it".into()))?;
    let buffer: js_sys::ArrayBuffer = buffer.dyn_into().map_err(|_| fail("the browser could not read it".into()))?;
    read_in_pieces(&buffer, &[&name, &file.type_()], progress).await.map_err(|e| fail(e.to_string()))
}
