//! Test support for the browser tests: a static file server for the built app and the
//! fixtures, and a headless Chromium driven through Debian's chromedriver.
//!
//! Nothing here skips: a missing `dist/`, chromium or chromedriver is a test failure with a
//! message saying what to install or run.
//!
//! Every test fails on an uncaught error, a console error or a failed resource load in the
//! page: the browser's log is collected at each page load and read again when the test quits
//! (`Browser::quit`); a test that provokes an error on purpose says which (`expect_error`).

#![allow(dead_code)]

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;
use thirtyfour::{ChromiumLikeCapabilities, LoggingPrefsLogLevel};

/// The crate root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built app the tests serve: `dist/`, or the directory named by `CCE_DIST` (the
/// benchmark's build, `dist-bench/`).
pub fn dist() -> PathBuf {
    root().join(std::env::var("CCE_DIST").unwrap_or_else(|_| "dist".into()))
}

/// Serves `dist/` under `/app/` (a sub-path, as on a real site), `tests/fixtures/` under
/// `/fixtures/`, `target/test-data/` (datasets the tests generate) under `/generated/`, and the
/// benchmark's data and reference page, on a free port of 127.0.0.1.
///
/// It is tower-http's `ServeDir` under axum, on a runtime of its own (the tests' runtimes come
/// and go with each test): requests are answered side by side, as a static host answers them,
/// files go with their length (not in chunks) and `no-store`, so that every load in a test or
/// the benchmark is a cold one.
pub struct StaticServer {
    pub base: String,
}

impl StaticServer {
    /// Files as they are on disk.
    pub fn start() -> StaticServer {
        StaticServer::serve(false)
    }

    /// Files gzipped when the client accepts it, as static hosts serve text (for Lighthouse).
    pub fn start_gzipped() -> StaticServer {
        StaticServer::serve(true)
    }

    /// The built app of `dist` (a copy of `dist/` with its own data-sources list, say).
    pub fn start_with(dist: PathBuf) -> StaticServer {
        StaticServer::serve_app(dist, false)
    }

    fn serve(gzip: bool) -> StaticServer {
        StaticServer::serve_app(dist(), gzip)
    }

    fn serve_app(dist: PathBuf, gzip: bool) -> StaticServer {
        use axum::http::{header, HeaderValue};
        use tower_http::services::ServeDir;

        assert!(
            dist.join("index.html").is_file(),
            "{}/index.html is missing: run `make build` (or `make test`, which builds first)",
            dist.display()
        );
        let app = axum::Router::new()
            .nest_service("/app", ServeDir::new(dist))
            .nest_service("/fixtures", ServeDir::new(root().join("tests/fixtures")))
            .nest_service("/generated", ServeDir::new(root().join("target/test-data")))
            .nest_service("/bench-data", ServeDir::new(root().join("bench-data")))
            .nest_service("/reference", ServeDir::new(root().join("benches/reference")))
            .layer(tower_http::set_header::SetResponseHeaderLayer::overriding(
                header::CACHE_CONTROL,
                HeaderValue::from_static("no-store"),
            ));
        let app = if gzip { app.layer(tower_http::compression::CompressionLayer::new().gzip(true)) } else { app };
        StaticServer { base: serve_on_a_free_port(app) }
    }

    /// The app's address with a query string (`""` for none).
    pub fn app(&self, query: &str) -> String {
        format!("{}/app/{}", self.base, query)
    }
}

/// Serves `app` on a free port of 127.0.0.1, on a runtime of its own; returns its base address.
fn serve_on_a_free_port(app: axum::Router) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
    let port = listener.local_addr().expect("the bound address").port();
    listener.set_nonblocking(true).expect("a non-blocking listener");
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("the server's runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
            axum::serve(listener, app).await.expect("serve the files");
        });
    });
    format!("http://127.0.0.1:{port}")
}

/// What a data host was asked: the path and the headers that say who asked.
#[derive(Debug, Clone)]
pub struct Asked {
    pub path: String,
    pub referer: Option<String>,
    pub cookie: Option<String>,
    pub origin: Option<String>,
}

/// Another origin that serves datasets (`tests/fixtures/` under `/fixtures/`,
/// `target/test-data/` under `/generated/`), with CORS or without, and `/never`, which never
/// answers; it records every request.
pub struct DataHost {
    pub base: String,
    asked: std::sync::Arc<Mutex<Vec<Asked>>>,
}

impl DataHost {
    pub fn start(cors: bool) -> DataHost {
        use axum::http::header;
        use tower_http::services::ServeDir;

        let asked = std::sync::Arc::new(Mutex::new(Vec::new()));
        let record = asked.clone();
        let app = axum::Router::new()
            .nest_service("/fixtures", ServeDir::new(root().join("tests/fixtures")))
            .nest_service("/generated", ServeDir::new(root().join("target/test-data")))
            .route("/never", axum::routing::get(|| std::future::pending::<String>()))
            .layer(axum::middleware::map_request(move |request: axum::extract::Request| {
                let value = |name| request.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
                record.lock().unwrap().push(Asked {
                    path: request.uri().path().to_string(),
                    referer: value(header::REFERER),
                    cookie: value(header::COOKIE),
                    origin: value(header::ORIGIN),
                });
                std::future::ready(request)
            }));
        let app = if cors { app.layer(tower_http::cors::CorsLayer::permissive()) } else { app };
        DataHost { base: serve_on_a_free_port(app), asked }
    }

    /// Every request so far.
    pub fn asked(&self) -> Vec<Asked> {
        self.asked.lock().unwrap().clone()
    }

    /// `host:port`, as the page names it.
    pub fn host(&self) -> &str {
        self.base.trim_start_matches("http://")
    }
}

/// A copy of the built app whose explorer has `sources` as its data-sources list (and the
/// Content-Security-Policy that goes with it), as a site owner's build with that list would
/// have it; in `target/test-dist/<name>`.
pub fn dist_with_sources(name: &str, sources: &cyber_claims_explorer::data_sources::DataSources) -> PathBuf {
    use cyber_claims_explorer::content_policy::{secure, PageKind};

    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).expect("make a directory");
        for entry in std::fs::read_dir(from).expect("read a directory") {
            let entry = entry.expect("a directory entry");
            let target = to.join(entry.file_name());
            if entry.file_type().expect("a file type").is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), &target).expect("copy a file");
            }
        }
    }
    let to = root().join("target/test-dist").join(name);
    let _ = std::fs::remove_dir_all(&to);
    copy(&dist(), &to);
    let index = to.join("index.html");
    let page = std::fs::read_to_string(&index).expect("read index.html");
    std::fs::write(&index, secure(&page, PageKind::App, sources).expect("secure index.html"))
        .expect("write index.html");
    to
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

static SESSIONS: AtomicUsize = AtomicUsize::new(0);

/// A chromedriver process and one headless Chromium session; both end when dropped.
pub struct Browser {
    pub driver: WebDriver,
    chromedriver: Child,
    profile: PathBuf,
    /// Errors the page logged so far (the browser's log is drained when read).
    errors: Mutex<Vec<String>>,
    /// Fragments of errors that the test provokes on purpose.
    expected: Mutex<Vec<String>>,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium with a window of `width`×`height`.
    pub async fn start(width: u32, height: u32) -> Browser {
        Browser::start_with(width, height, &[]).await
    }

    /// The same, with JavaScript turned off in the pages (WebDriver's own scripts still run).
    pub async fn start_without_javascript(width: u32, height: u32) -> Browser {
        Browser::start_with(width, height, &["--blink-settings=scriptEnabled=false"]).await
    }

    async fn start_with(width: u32, height: u32, extra: &[&str]) -> Browser {
        let port = free_port();
        let chromedriver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start chromedriver ({e}): install Debian's chromium and chromium-driver (`make test` does)"
                )
            });
        let url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(20), "chromedriver did not start listening");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let profile = std::env::temp_dir().join(format!(
            "cce-chromium-{}-{}",
            std::process::id(),
            SESSIONS.fetch_add(1, Ordering::SeqCst)
        ));
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary("/usr/bin/chromium").unwrap();
        // Console messages, uncaught errors and failed loads, read back by `page_errors`.
        caps.set_browser_log_level(LoggingPrefsLogLevel::All).unwrap();
        for arg in [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            "--enable-precise-memory-info",
            &format!("--window-size={width},{height}"),
            &format!("--user-data-dir={}", profile.display()),
        ]
        .iter()
        .chain(extra)
        {
            caps.add_arg(arg).unwrap();
        }
        // Desktop Chromium will not make a window narrower than 500 px; a phone is emulated.
        if width < 500 {
            caps.add_experimental_option(
                "mobileEmulation",
                serde_json::json!({"deviceMetrics": {"width": width, "height": height, "pixelRatio": 1.0}}),
            )
            .unwrap();
        }
        // A session request that chromedriver drops while it is still starting (seen once on a
        // loaded machine) is tried again, a few times.
        let mut attempts = 0;
        let driver = loop {
            match WebDriver::new(&url, caps.clone()).await {
                Ok(driver) => break driver,
                Err(_) if attempts < 3 => {
                    attempts += 1;
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Err(e) => panic!("cannot start headless Chromium through chromedriver: {e}"),
            }
        };
        Browser { driver, chromedriver, profile, errors: Mutex::new(Vec::new()), expected: Mutex::new(Vec::new()) }
    }

    /// Opens `url` and waits until the app's root reports a final `data-state`.
    pub async fn open(&self, url: &str) -> String {
        self.collect_errors().await;
        self.driver.goto(url).await.expect("navigate");
        self.wait_for_state().await
    }

    /// Errors whose text contains `fragment` are part of what the test checks, not failures
    /// (a dataset that is missing on purpose logs its 404).
    pub fn expect_error(&self, fragment: &str) {
        self.expected.lock().unwrap().push(fragment.to_string());
    }

    /// Moves what the page logged as an error since the last call into `errors`.
    async fn collect_errors(&self) {
        let log = self.driver.browser_log().await.expect("read the browser's log");
        let expected = self.expected.lock().unwrap().clone();
        let mut errors = self.errors.lock().unwrap();
        for entry in log {
            if entry.level == "SEVERE" && !expected.iter().any(|e| entry.message.contains(e)) {
                errors.push(entry.message);
            }
        }
    }

    /// Every error the page logged since the browser started, other than the expected ones.
    pub async fn page_errors(&self) -> Vec<String> {
        self.collect_errors().await;
        self.errors.lock().unwrap().clone()
    }

    /// Every error the page logged since the browser started, other than the expected ones,
    /// taken: a test that provokes errors to see them reported, and then goes on.
    pub async fn take_errors(&self) -> Vec<String> {
        self.collect_errors().await;
        std::mem::take(&mut *self.errors.lock().unwrap())
    }

    /// Waits (up to 30 s) for `data-state` to leave `loading`; returns it.
    pub async fn wait_for_state(&self) -> String {
        let started = Instant::now();
        loop {
            let state = self.js("const a = document.getElementById('app'); return a ? a.dataset.state : null;").await;
            if let Some(s) = state.as_str() {
                if s != "loading" {
                    return s.to_string();
                }
            }
            if started.elapsed() > Duration::from_secs(30) {
                // Where it stopped: which charts were drawn, the baked view's state.
                let seen = self
                    .js("return [document.documentElement.className, [...document.querySelectorAll('canvas')]
                         .map(c => c.dataset.testid + ':' + (c.dataset.claims || '-') + ':' + c.getBoundingClientRect().width),
                         !!document.getElementById('baked')];")
                    .await;
                panic!("the page stayed in data-state={state}: {seen}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Runs an asynchronous script (it calls its last argument with the result) and returns
    /// that result as JSON.
    pub async fn js_async(&self, script: &str) -> serde_json::Value {
        self.driver.execute_async(script, Vec::new()).await.expect("run an asynchronous script").json().clone()
    }

    /// Runs a script in the page and returns its result as JSON.
    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.js_with(script, Vec::new()).await
    }

    /// Runs a script with `arguments` and returns its result as JSON.
    pub async fn js_with(&self, script: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
        self.driver.execute(script, args).await.expect("run script").json().clone()
    }

    /// Waits (up to 10 s) until `script` returns `true`. While the page changes, an element the
    /// script reads may be missing for a while (a new dataset replaces the explorer with the
    /// loading line): a TypeError counts as "not yet", and the last one is reported on timeout.
    pub async fn until(&self, what: &str, script: &str) {
        let guarded = format!(
            "try {{ return (function () {{ {script} }})() === true; }}
             catch (e) {{ if (e instanceof TypeError) return String(e); throw e; }}"
        );
        let started = Instant::now();
        loop {
            let result = self.js(&guarded).await;
            if result == serde_json::Value::Bool(true) {
                return;
            }
            assert!(started.elapsed() < Duration::from_secs(10), "timed out waiting for {what} (last: {result})");
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Records the page's downloads instead of saving them: for each link clicked to save a
    /// Blob, its file name, type and text. (The page's policy lets it fetch nothing but its
    /// own site, so each Blob is kept as it is made.)
    pub async fn record_downloads(&self) {
        self.js("window.__downloads = [];
             const blobs = new Map(), made = URL.createObjectURL;
             URL.createObjectURL = b => { const u = made(b); blobs.set(u, b); return u; };
             HTMLAnchorElement.prototype.click = async function () {
               const name = this.download, b = blobs.get(this.href);
               window.__downloads.push({name, type: b.type, text: await b.text()});
             }; return true;")
            .await;
    }

    /// Waits for `n` recorded downloads and returns them, sorted by file name.
    pub async fn downloads(&self, n: usize) -> serde_json::Value {
        self.until(&format!("{n} downloads"), &format!("return window.__downloads.length === {n};")).await;
        self.js("return window.__downloads.sort((a, b) => a.name.localeCompare(b.name));").await
    }

    /// Clicks the element with this test id.
    pub async fn click(&self, testid: &str) {
        self.driver.find(By::Css(format!("[data-testid=\"{testid}\"]"))).await.unwrap().click().await.unwrap();
    }

    /// Opens the Embed panel of `chart` on the current page and returns the snippet it offers.
    pub async fn embed_snippet(&self, chart: &str) -> String {
        // The charts are one step from the claims: "Charts".
        if self.count(&format!("embed-{chart}")).await == 0 {
            self.click("view-charts").await;
            self.until("the charts", &format!("return !!document.querySelector('[data-testid=\"embed-{chart}\"]');"))
                .await;
        }
        self.driver.find(By::Css(format!("[data-testid=\"embed-{chart}\"]"))).await.unwrap().click().await.unwrap();
        self.until("the snippet", "return !!document.querySelector('[data-testid=\"embed-code\"]');").await;
        let code = self.js("return document.querySelector('[data-testid=\"embed-code\"]').value;").await;
        code.as_str().expect("the snippet's text").to_string()
    }

    /// The page's address.
    pub async fn url(&self) -> String {
        self.driver.current_url().await.expect("the current URL").to_string()
    }

    /// How many elements carry `data-testid=<id>`.
    pub async fn count(&self, testid: &str) -> usize {
        let n = self.js(&format!("return document.querySelectorAll('[data-testid=\"{testid}\"]').length;")).await;
        n.as_u64().expect("a number") as usize
    }

    /// The text of the first element with `data-testid=<id>`.
    pub async fn text(&self, testid: &str) -> String {
        self.driver
            .find(By::Css(format!("[data-testid=\"{testid}\"]")))
            .await
            .unwrap_or_else(|e| panic!("no element with data-testid={testid}: {e}"))
            .text()
            .await
            .expect("element text")
    }

    /// The number at the start of `result-count` (its digits grouped by commas or not).
    pub async fn result_count(&self) -> usize {
        let text = self.text("result-count").await;
        let digits: String =
            text.trim().chars().take_while(|c| c.is_ascii_digit() || *c == ',').filter(char::is_ascii_digit).collect();
        digits.parse().unwrap_or_else(|_| panic!("result-count does not start with a number: {text:?}"))
    }

    /// Ends the session; fails the test if the page logged an error that it did not expect.
    pub async fn quit(mut self) {
        let errors = self.page_errors().await;
        let driver = self.driver.clone();
        let _ = driver.quit().await;
        let _ = self.chromedriver.kill();
        let _ = self.chromedriver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
        assert!(errors.is_empty(), "the page logged errors:\n{}", errors.join("\n"));
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.chromedriver.kill();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Pixels of a canvas, summarised in the page: how many differ from the top-left pixel and
/// how many distinct colours there are.
pub const CANVAS_INK: &str = r#"
    const c = document.querySelector(arguments[0]);
    if (!c || !c.width || !c.height) return null;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0; const colours = new Set();
    for (let i = 0; i < d.length; i += 4) {
        if (d[i] !== d[0] || d[i+1] !== d[1] || d[i+2] !== d[2]) ink++;
        if (colours.size < 1000) colours.add((d[i] << 16) | (d[i+1] << 8) | d[i+2]);
    }
    return { ink, colours: colours.size, pixels: d.length / 4 };
"#;
