//! Data access: fetching the dataset the page was asked for (gloo-net), or reading a file the
//! reader chose. The only module that talks to the network or the file system.
//!
//! Both read their bytes as a stream and hand each piece to `ingest::Reading` as it arrives,
//! so the wasm memory never holds the whole file beside its records, and reading overlaps the
//! download.

use futures_util::StreamExt;
use gloo_net::http::Request;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::timing::{now, record, timed};
use crate::ingest::{self, shorten, Ingested, LOCATION_MAX, MESSAGE_MAX, QUOTED_MAX};

/// Where the bundled dataset lives, relative to the page (so the app works under a sub-path).
pub const BUNDLED_DATA: &str = "data/claims.json";

/// `url` made absolute against the page, for messages a reader can act on; shortened (it comes
/// from the page's own address, which anyone can write).
fn absolute(url: &str) -> String {
    let base = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let href = web_sys::Url::new_with_base(url, &base).map(|u| u.href()).unwrap_or_else(|_| url.to_string());
    shorten(&href, LOCATION_MAX).into_owned()
}

/// What a rejected browser promise says ("TypeError: Failed to fetch"), shortened.
fn js_text(e: &JsValue) -> String {
    let text: String = e.dyn_ref::<js_sys::Error>().map_or_else(|| format!("{e:?}"), |e| e.to_string().into());
    shorten(&text, QUOTED_MAX).into_owned()
}

/// Why the bytes are not a dataset, at most `MESSAGE_MAX` characters.
fn not_a_dataset(e: ingest::IngestError) -> String {
    shorten(&e.to_string(), MESSAGE_MAX).into_owned()
}

/// Bytes read between two pauses in which the page can show how far the read has got.
const BETWEEN_PAUSES: usize = 8 << 20;

/// Lets the browser run its other tasks (and paint) before going on.
async fn pause() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// How far a large file has been read: the bytes so far, of how many when the server said.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub read: usize,
    pub total: Option<usize>,
}

/// Why reading a stream stopped before its end.
enum Stop {
    /// The stream failed (the download broke off).
    Broken(String),
    /// The bytes are not a dataset.
    Ingest(ingest::IngestError),
}

/// Reads a dataset from a stream of byte chunks, handing each to the ingest as it arrives.
/// A large file pauses every few megabytes and reports how much has been read (of `total`, the
/// expected length, when known), so the page shows how far it has got.
async fn read_stream(
    stream: web_sys::ReadableStream,
    total: Option<usize>,
    hints: &[&str],
    progress: impl Fn(Progress),
) -> Result<Ingested, Stop> {
    let mut chunks = wasm_streams::ReadableStream::from_raw(stream).into_stream();
    let mut reading = ingest::Reading::new(hints);
    let mut piece = Vec::new();
    let (mut read, mut since_pause) = (0usize, 0usize);
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk.map_err(|e| Stop::Broken(js_text(&e)))?;
        let Some(bytes) = chunk.dyn_ref::<js_sys::Uint8Array>() else {
            return Err(Stop::Broken("the browser gave something other than bytes".into()));
        };
        piece.resize(bytes.length() as usize, 0);
        bytes.copy_to(&mut piece);
        // Timed piece by piece: the waits for the network and the pauses are not reading.
        timed("load: parse and check", || reading.push(&piece)).map_err(Stop::Ingest)?;
        read += piece.len();
        since_pause += piece.len();
        if since_pause >= BETWEEN_PAUSES {
            progress(Progress { read, total: total.filter(|t| *t > 0) });
            pause().await;
            since_pause = 0;
        }
    }
    timed("load: parse and check", || reading.finish()).map_err(Stop::Ingest)
}

/// Fetches and reads a dataset (JSON or CSV); the error is a sentence naming what failed and where.
pub async fn fetch_dataset(url: &str, progress: impl Fn(Progress)) -> Result<Ingested, String> {
    let start = now();
    let shown = absolute(url);
    let fail = |why: String| format!("Could not load the claims from {shown}: {why}");
    let response = Request::get(url).send().await.map_err(|e| {
        let why = shorten(&e.to_string(), QUOTED_MAX).into_owned();
        fail(format!("the request failed ({why}); check the address and your connection"))
    })?;
    if !response.ok() {
        let status = response.status_text();
        return Err(fail(format!("the server answered {} {}", response.status(), shorten(&status, QUOTED_MAX))));
    }
    let headers = response.headers();
    let content_type = headers.get("content-type").unwrap_or_default();
    let total = headers.get("content-length").and_then(|n| n.parse::<usize>().ok());
    let body = response.body().ok_or_else(|| fail("the server sent no content".into()))?;
    record("load: request", now() - start);
    read_stream(body, total, &[url, &content_type], progress).await.map_err(|stop| match stop {
        Stop::Broken(why) => fail(format!("the download broke off ({why})")),
        Stop::Ingest(e) => fail(not_a_dataset(e)),
    })
}

/// Reads a file the reader chose or dropped.
pub async fn read_file(file: web_sys::File, progress: impl Fn(Progress)) -> Result<Ingested, String> {
    let full_name = file.name();
    let name = shorten(&full_name, LOCATION_MAX);
    let fail = |why: String| format!("Could not read the file {name}: {why}");
    read_stream(file.stream(), Some(file.size() as usize), &[&full_name, &file.type_()], progress).await.map_err(
        |stop| match stop {
            Stop::Broken(why) => fail(format!("the browser could not read it ({why})")),
            Stop::Ingest(e) => fail(not_a_dataset(e)),
        },
    )
}
