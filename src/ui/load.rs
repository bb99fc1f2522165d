//! Data access: fetching the dataset the page was asked for (gloo-net), or reading a file the
//! reader chose. The only module that talks to the network or the file system.
//!
//! An address is checked against the site owner's data-sources list (`data_sources`, carried
//! by the page as a JSON block) before anything is asked for. Every request goes without a
//! referrer and without credentials to other origins, in the mode of the page's preloads
//! (so the preload answers it), and stops at the list's time limit and byte cap; each way it
//! can fail has its own message.
//!
//! Both read their bytes as a stream and hand each piece to `ingest::Reading` as it arrives,
//! so the wasm memory never holds the whole file beside its records, and reading overlaps the
//! download.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use super::turns::{next_turn, SLICE_MS};
use futures_util::StreamExt;
use gloo_net::http::Request;
use leptos::prelude::set_timeout_with_handle;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortController, ReferrerPolicy, RequestCredentials, RequestMode};

use super::timing::{now, record, timed};
use crate::data_sources::{shown_address, Address, DataSources, Provenance, DATA_SOURCES_ID};
use crate::i18n::{Lang, Message};
use crate::ingest::{self, shorten, Ingested, LOCATION_MAX, MESSAGE_MAX, QUOTED_MAX};

/// Where the bundled dataset lives, relative to the page (so the app works under a sub-path).
pub const BUNDLED_DATA: &str = "data/claims.json";

/// How long an address may be in a message: the link's author chose it.
const SHOWN_ADDRESS: usize = 80;

/// `url` parsed by the browser against the page; `None` if it is not an address at all.
fn address(url: &str) -> Option<Address> {
    let base = web_sys::window()?.location().href().ok()?;
    let u = web_sys::Url::new_with_base(url, &base).ok()?;
    Some(Address { protocol: u.protocol(), host: u.host(), origin: u.origin(), href: u.href() })
}

/// The site owner's data-sources list, as the build wrote it into the page; without one (or
/// with one that does not read), the page's own origin only.
fn data_sources() -> DataSources {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(DATA_SOURCES_ID))
        .and_then(|e| e.text_content())
        .and_then(|json| DataSources::parse(&json).ok())
        .unwrap_or_default()
}

/// What a rejected browser promise says ("TypeError: Failed to fetch"), shortened.
fn js_text(e: &JsValue) -> String {
    let text: String = e.dyn_ref::<js_sys::Error>().map_or_else(|| format!("{e:?}"), |e| e.to_string().into());
    shorten(&text, QUOTED_MAX).into_owned()
}

/// Why the bytes are not a dataset.
fn not_a_dataset(e: ingest::IngestError) -> Message {
    ingest::shortened(e.to_message(), MESSAGE_MAX)
}

/// Bytes read between two pauses in which the page can show how far the read has got.
const BETWEEN_PAUSES: usize = 8 << 20;

/// The longest the reading goes on without a pause, in milliseconds: the first `SHORT_READ`
/// bytes in short stretches (`turns::SLICE_MS`), so that a phone reads a file of the bundled
/// data's size (half a megabyte) without a long task; then in stretches of `LONG_STRETCH_MS`,
/// since each pause costs the read and a reader of a large file waits for all of it anyway.
/// Either way the tab answers the reader while any file is read (one slow to read for its size,
/// thousands of problems in a few kilobytes, too).
fn longest_without_pause(read: usize) -> f64 {
    if read < SHORT_READ {
        SLICE_MS
    } else {
        LONG_STRETCH_MS
    }
}
const SHORT_READ: usize = 2 << 20;
const LONG_STRETCH_MS: f64 = 50.0;

/// The bytes handed to the ingest at once: a piece from the network can be megabytes, and the
/// reading can pause only between two of these. Any split reads the same (`ingest::Reading`).
const PUSHED_AT_ONCE: usize = 32 << 10;

/// Lets the browser run its other tasks (and paint) before going on: the reading goes on in a
/// turn of its own (`turns`), without a timer's minimum wait.
async fn pause() {
    next_turn().await;
}

/// How far a large file has been read: the bytes so far, of how many when the server said.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub read: usize,
    pub total: Option<usize>,
}

/// Why reading a stream stopped before its end.
enum Stop {
    /// The stream failed (the download broke off, or was stopped at the time limit).
    Broken(Message),
    /// More bytes than the cap.
    TooLarge,
    /// The bytes are not a dataset.
    Ingest(ingest::IngestError),
}

/// Reads a dataset from a stream of byte chunks, handing each to the ingest as it arrives.
/// A large file pauses every few megabytes, and any file after a tenth of a second of reading,
/// and reports how much has been read (of `total`, the expected length, when known), so the
/// page shows how far it has got and stays responsive. It stops after `cap`
/// bytes, if there is one.
async fn read_stream(
    stream: web_sys::ReadableStream,
    total: Option<usize>,
    cap: Option<u64>,
    hints: &[&str],
    lang: Lang,
    progress: impl Fn(Progress),
) -> Result<Ingested, Stop> {
    let mut chunks = wasm_streams::ReadableStream::from_raw(stream).into_stream();
    let mut reading = ingest::Reading::new(hints).in_lang(lang);
    let mut piece = Vec::new();
    let (mut read, mut since_pause, mut paused_at) = (0usize, 0usize, now());
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk.map_err(|e| Stop::Broken(Message::new("load.detail").with("detail", js_text(&e))))?;
        let Some(bytes) = chunk.dyn_ref::<js_sys::Uint8Array>() else {
            return Err(Stop::Broken(Message::new("load.not_bytes")));
        };
        piece.resize(bytes.length() as usize, 0);
        bytes.copy_to(&mut piece);
        if cap.is_some_and(|cap| (read + piece.len()) as u64 > cap) {
            return Err(Stop::TooLarge);
        }
        for part in piece.chunks(PUSHED_AT_ONCE) {
            // Timed part by part: the waits for the network and the pauses are not reading.
            timed("load: parse and check", || reading.push(part)).map_err(Stop::Ingest)?;
            read += part.len();
            since_pause += part.len();
            if since_pause >= BETWEEN_PAUSES || now() - paused_at >= longest_without_pause(read) {
                progress(Progress { read, total: total.filter(|t| *t > 0) });
                pause().await;
                (since_pause, paused_at) = (0, now());
            }
        }
    }
    timed("load: parse and check", || reading.finish()).map_err(Stop::Ingest)
}

/// Fetches and reads a dataset (JSON or CSV) from `url`, if the data-sources list allows it;
/// the error is a sentence naming the address and what failed.
pub async fn fetch_dataset(
    url: &str,
    bundled: bool,
    lang: Lang,
    progress: impl Fn(Progress),
) -> Result<(Ingested, Provenance), Message> {
    let start = now();
    let Some(address) = address(url) else {
        return Err(Message::new("load.not_an_address").with("value", shown_address(url, SHOWN_ADDRESS)));
    };
    let shown = shown_address(&address.href, SHOWN_ADDRESS);
    let fail = |why: Message| Message::new("load.failed_from").with("address", shown.as_str()).with_message("why", why);
    let sources = data_sources();
    let page_origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    sources
        .check(&address, &page_origin)
        .map_err(|refusal| Message::new("load.refused").with_message("why", refusal.0))?;
    let provenance = if bundled { Provenance::Bundled } else { Provenance::Address(shown.clone()) };

    // The time limit covers the whole download: the controller stops the request and its body.
    let controller = AbortController::new().map_err(|_| fail(Message::new("load.no_requests")))?;
    let timed_out = Rc::new(Cell::new(false));
    let limit = sources.timeout_seconds;
    let timer = {
        let (timed_out, controller) = (timed_out.clone(), controller.clone());
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            Duration::from_secs(u64::from(limit)),
        )
        .ok()
    };
    let too_slow = || fail(Message::new("load.too_slow").with("limit", limit.to_string()));
    let too_large = || fail(Message::new("load.too_large").with("limit", sources.max_megabytes.to_string()));
    let result = async {
        let response = Request::get(url)
            .mode(RequestMode::Cors)
            .credentials(RequestCredentials::SameOrigin)
            .referrer_policy(ReferrerPolicy::NoReferrer)
            .abort_signal(Some(&controller.signal()))
            .send()
            .await
            .map_err(|e| {
                if timed_out.get() {
                    too_slow()
                } else {
                    let e = shorten(&e.to_string(), QUOTED_MAX).into_owned();
                    fail(Message::new("load.request_failed").with("detail", e))
                }
            })?;
        if !response.ok() {
            let status = response.status_text();
            let m = Message::new("load.status").with("status", response.status().to_string());
            return Err(fail(m.with("text", shorten(&status, QUOTED_MAX))));
        }
        let headers = response.headers();
        let content_type = headers.get("content-type").unwrap_or_default();
        let total = headers.get("content-length").and_then(|n| n.parse::<usize>().ok());
        if total.is_some_and(|t| t as u64 > sources.max_bytes()) {
            return Err(too_large());
        }
        let body = response.body().ok_or_else(|| fail(Message::new("load.no_content")))?;
        record("load: request", now() - start);
        let hints: [&str; 2] = [url, &content_type];
        read_stream(body, total, Some(sources.max_bytes()), &hints, lang, progress).await.map_err(|stop| match stop {
            Stop::Broken(_) if timed_out.get() => too_slow(),
            Stop::Broken(why) => fail(Message::new("load.broke_off").with_message("why", why)),
            Stop::TooLarge => too_large(),
            Stop::Ingest(e) => fail(not_a_dataset(e)),
        })
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    result.map(|ingested| (ingested, provenance))
}

/// Reads a file the reader chose or dropped.
pub async fn read_file(file: web_sys::File, lang: Lang, progress: impl Fn(Progress)) -> Result<Ingested, Message> {
    let full_name = file.name();
    let name = shorten(&full_name, LOCATION_MAX);
    let fail = |why: Message| Message::new("load.file_failed").with("name", name.as_ref()).with_message("why", why);
    // The reader's own file, in the reader's own memory: no cap.
    let kind = file.type_();
    let hints: [&str; 2] = [&full_name, &kind];
    read_stream(file.stream(), Some(file.size() as usize), None, &hints, lang, progress).await.map_err(
        |stop| match stop {
            Stop::Broken(why) => fail(Message::new("load.unreadable").with_message("why", why)),
            Stop::Ingest(e) => fail(not_a_dataset(e)),
            Stop::TooLarge => fail(Message::new("load.file_too_large")),
        },
    )
}
