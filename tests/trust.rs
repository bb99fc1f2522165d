//! Trust (SECURITY.md), in a real headless Chromium against the release build in `dist/`:
//! where a dataset may come from, what readers are told about one that is not the site's own,
//! how each failed load is told, and the Content-Security-Policy of every built page, at work.

mod support;

use cyber_claims_explorer::content_policy::{policy, policy_of, PageKind};
use cyber_claims_explorer::data_sources::DataSources;
use cyber_claims_explorer::ingest::read_json;
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use support::{dist_with_sources, root, Browser, DataHost, StaticServer};

fn with_data(address: &str) -> String {
    format!("?data={}", utf8_percent_encode(address, NON_ALPHANUMERIC))
}

/// The load error's text, once the page has given up.
async fn load_error(browser: &Browser, url: &str) -> String {
    assert_eq!(browser.open(url).await, "error", "{url}");
    browser.text("load-error").await
}

#[tokio::test]
async fn addresses_off_the_list_are_refused_by_name_and_nothing_is_asked_for() {
    let elsewhere = DataHost::start(true);
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    let forged = r#"data:application/json,{"schema":"claims-explorer/1","title":"Forged","updated":"2025-01-01","license":"CC0","actors":[],"incidents":[],"claims":[]}"#;
    let scheme =
        |s: &str| format!("a “{s}:” address was refused: this page reads data only from web addresses of its own site");
    for (address, refusal) in [
        (
            format!("{}/fixtures/small.json", elsewhere.base),
            format!("data from {} was refused: this page reads data only from its own site", elsewhere.host()),
        ),
        (forged.to_string(), scheme("data")),
        ("javascript:alert(document.domain)".to_string(), scheme("javascript")),
        (format!("blob:{}/0b0e0f", server.base), scheme("blob")),
    ] {
        let message = load_error(&browser, &server.app(&with_data(&address))).await;
        assert_eq!(message, format!("Could not load the claims: {refusal}"), "{address}");
        assert_eq!(browser.count("claim-card").await, 0, "nothing is shown for {address}");
        assert_eq!(browser.count("provenance").await, 0);
    }
    assert!(elsewhere.asked().is_empty(), "nothing was asked of the other host: {:?}", elsewhere.asked());
    browser.quit().await;
}

#[tokio::test]
async fn a_listed_host_is_read_without_referrer_or_cookies_and_the_page_says_where_from() {
    let elsewhere = DataHost::start(true);
    let sources = DataSources { allowed_origins: vec![elsewhere.base.clone()], ..DataSources::default() };
    let server = StaticServer::start_with(dist_with_sources("listed", &sources));
    let browser = Browser::start(1280, 900).await;
    // A cookie of the page's host (cookies are per host, not per port: the data host's too).
    browser.driver.goto(&server.app("?stance=denial")).await.unwrap();
    browser.js("document.cookie = 'session=secret; path=/'; return true;").await;

    let address = format!("{}/fixtures/small.json", elsewhere.base);
    assert_eq!(browser.open(&server.app(&with_data(&address))).await, "ready");
    let notice = format!("Data from {}/fixtures/small.json — not this site's dataset", elsewhere.host());
    assert_eq!(browser.text("provenance").await, notice);
    // It stays in view while the reader scrolls to the end of the page.
    let in_view = browser
        .js("window.scrollTo(0, document.body.scrollHeight);
             const r = document.querySelector('[data-testid=\"provenance\"]').getBoundingClientRect();
             return [window.scrollY > 0, r.top >= 0 && r.bottom <= innerHeight];")
        .await;
    assert_eq!(in_view, serde_json::json!([true, true]), "the banner is on screen at the end of the page");

    let asked = elsewhere.asked();
    let data: Vec<_> = asked.iter().filter(|a| a.path == "/fixtures/small.json").collect();
    assert_eq!(data.len(), 1, "{asked:?}");
    assert_eq!(data[0].referer, None, "no referrer");
    assert_eq!(data[0].cookie, None, "no cookies to another origin");
    assert_eq!(data[0].origin.as_deref(), Some(server.base.as_str()), "a CORS request from the page");

    // The Embed snippet keeps the address, which the list allows, and the embed says where
    // its data came from. (Back at the top: the banner would cover the button up there.)
    browser.js("window.scrollTo(0, 0); return true;").await;
    let snippet = browser.embed_snippet("timeline").await;
    assert!(snippet.contains(&format!("data={}", address.replace(':', "%3A").replace('/', "%2F"))), "{snippet}");
    assert_eq!(browser.open(&server.app(&format!("{}&embed=timeline", with_data(&address)))).await, "ready");
    let credit = browser.text("provenance").await;
    assert_eq!(credit, notice, "the embed's credit line");
    browser.quit().await;
}

#[tokio::test]
async fn the_bundled_dataset_carries_no_notice_and_a_local_file_cannot_be_embedded_or_shared() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?view=charts&stance=denial")).await, "ready");
    assert_eq!(browser.count("provenance").await, 0, "the site's own data");
    let input = browser.driver.find(thirtyfour::By::Css("input[type=file]")).await.unwrap();
    input.send_keys(root().join("tests/fixtures/small.json").to_str().unwrap()).await.unwrap();
    browser.until("the file's notice", "return !!document.querySelector('[data-testid=\"provenance\"]');").await;
    assert_eq!(browser.text("provenance").await, "Data from your file small.json — not this site's dataset");
    browser.until("the file to be shown", "return document.getElementById('app').dataset.state === 'ready';").await;
    browser.driver.find(thirtyfour::By::Css("[data-testid=\"embed-timeline\"]")).await.unwrap().click().await.unwrap();
    assert!(browser.text("embed-unavailable").await.contains("cannot be embedded"));
    assert_eq!(browser.count("embed-code").await, 0, "no snippet that would show other data");
    // Share says the file is only on this computer, instead of a link to the site's own data.
    browser.driver.find(thirtyfour::By::Css("[data-testid=\"share\"]")).await.unwrap().click().await.unwrap();
    assert!(browser.text("share-unavailable").await.contains("a file on your computer only"));
    assert_eq!(browser.count("share-url").await, 0);
    browser.quit().await;
}

#[tokio::test]
async fn each_way_a_load_can_fail_has_its_own_message() {
    let open = DataHost::start(true);
    let closed = DataHost::start(false);
    let sources = DataSources {
        allowed_origins: vec![open.base.clone(), closed.base.clone()],
        timeout_seconds: 1,
        max_megabytes: 1,
    };
    let server = StaticServer::start_with(dist_with_sources("failures", &sources));
    // Larger than the cap of 1 MB (its content does not matter: it is never read).
    let generated = root().join("target/test-data");
    std::fs::create_dir_all(&generated).unwrap();
    std::fs::write(generated.join("over-the-cap.json"), vec![b' '; (1 << 20) + 1]).unwrap();
    let broken = read_json(&std::fs::read(root().join("tests/fixtures/broken.json")).unwrap()).unwrap_err();

    let browser = Browser::start(1280, 900).await;
    browser.expect_error("404");
    browser.expect_error("CORS");
    browser.expect_error("net::ERR_FAILED");
    let cases = [
        (format!("{}/fixtures/missing.json", open.base), "the server answered 404 Not Found".to_string()),
        (
            format!("{}/fixtures/small.json", closed.base),
            "the request failed (TypeError: Failed to fetch): the address, the connection, or the server's permission for other sites to read it (CORS)".to_string(),
        ),
        (format!("{}/never", open.base), "no complete answer within 1 s, this site’s time limit".to_string()),
        (format!("{}/generated/over-the-cap.json", open.base), "the file is larger than 1 MB, this site’s limit".to_string()),
        (format!("{}/fixtures/broken.json", open.base), broken.to_string()),
    ];
    for (address, why) in &cases {
        let message = load_error(&browser, &server.app(&with_data(address))).await;
        let shown = address.trim_start_matches("http://");
        assert_eq!(message, format!("Could not load the claims from {shown}: {why}"));
    }
    browser.quit().await;
}

#[tokio::test]
async fn the_policy_refuses_what_the_build_did_not_write_and_the_tests_see_it() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("")).await, "ready");
    assert!(browser.take_errors().await.is_empty(), "the page itself breaks none of its policy");
    // (Scripts that the test driver runs itself are exempt from the policy, as the browser's
    // own tools are; what they add to the page is not.)
    let ran = browser
        .js_async(
            "const done = arguments[arguments.length - 1];
             const refused = [];
             document.addEventListener('securitypolicyviolation', e => refused.push(e.effectiveDirective));
             const s = document.createElement('script'); s.textContent = 'window.injected = 1';
             document.body.append(s);
             const i = document.createElement('img'); i.src = 'https://example.invalid/x.png'; document.body.append(i);
             const d = document.createElement('div'); d.setAttribute('style', 'outline: 9px solid red');
             document.body.append(d);
             setTimeout(() => done([window.injected === 1, refused.sort()]), 200);",
        )
        .await;
    assert_eq!(
        ran,
        serde_json::json!([false, ["img-src", "script-src-elem", "style-src-attr"]]),
        "an injected script, a foreign image and an inline style are refused"
    );
    // Each refusal is in the browser's log, which fails any test that does not expect it.
    let reported = browser.take_errors().await;
    assert!(
        reported.iter().filter(|e| e.contains("Content Security Policy")).count() >= 3,
        "the refusals are reported: {reported:?}"
    );
    browser.quit().await;
}

/// Every page of the build, with the kind of policy it must carry.
fn built_pages() -> Vec<(std::path::PathBuf, PageKind)> {
    let dist = support::dist();
    let mut pages = vec![(dist.join("index.html"), PageKind::App)];
    for dir in ["claims", "embed"] {
        for entry in std::fs::read_dir(dist.join(dir)).expect("a baked folder") {
            pages.push((entry.unwrap().path(), PageKind::Static));
        }
    }
    pages
}

#[test]
fn every_built_page_carries_a_strict_policy_that_allows_exactly_its_own_scripts() {
    let shipped =
        DataSources::parse(&std::fs::read_to_string(root().join("public/data-sources.json")).unwrap()).unwrap();
    let pages = built_pages();
    assert!(pages.len() > 6 + 100, "the explorer, the embeds and the claim pages: {}", pages.len());
    let headers = std::fs::read_to_string(support::dist().join("_headers")).expect("dist/_headers");
    for (path, kind) in pages {
        let page = std::fs::read_to_string(&path).unwrap();
        let csp = policy_of(&page).unwrap_or_else(|| panic!("{} has no policy", path.display()));
        // The policy is the first thing after the charset, before anything it governs.
        let meta = page.find("<meta http-equiv=\"Content-Security-Policy\"").unwrap();
        assert!(page[..meta].ends_with("<meta charset=utf-8>") || page[..meta].ends_with("<meta charset=\"utf-8\">"));
        // Its hashes are those of the page as it was published: nothing changed it after.
        assert_eq!(csp, policy(&page, kind, &shipped), "{}", path.display());
        for weak in ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "blob:", "http:", "https:"] {
            assert!(!csp.contains(weak), "{weak} in {}: {csp}", path.display());
        }
        for directive in ["object-src 'none'", "base-uri 'none'", "style-src 'self';", "form-action 'none'"] {
            assert!(csp.contains(directive), "{directive} missing in {}", path.display());
        }
        let wasm = csp.contains("'wasm-unsafe-eval'");
        assert_eq!(wasm, kind == PageKind::App, "only the explorer runs WebAssembly: {}", path.display());
        assert!(headers.contains(&format!("  Content-Security-Policy: {csp}\n")), "{} in _headers", path.display());
        if kind == PageKind::App {
            assert!(csp.contains("connect-src 'self';"), "the shipped list is empty: {csp}");
            assert_eq!(csp.matches("'sha256-").count(), 2, "the head script and the loader: {csp}");
        }
    }
}

#[tokio::test]
async fn embed_js_sizes_only_the_charts_it_was_meant_for_from_their_own_origin_and_within_bounds() {
    let server = StaticServer::start();
    let other = DataHost::start(true);
    let browser = Browser::start(1280, 900).await;
    // The baked embed: embed.js starts after the chart has loaded and posted to no one.
    browser.driver.goto(format!("{}/fixtures/host-hostile.html?other={}", server.base, other.base)).await.unwrap();
    check_host_hostile(&browser).await;
    // The page in embed mode: embed.js starts only after the chart is drawn.
    let chart = "../app/?embed=stances";
    browser
        .driver
        .goto(format!("{}/fixtures/host-hostile.html?other={}&wait=1&chart={}", server.base, other.base, chart))
        .await
        .unwrap();
    browser
        .until(
            "the chart in embed mode to be drawn",
            "return document.getElementById('chart').contentDocument
                     .querySelector('canvas[data-claims]') !== null;",
        )
        .await;
    browser.js("window.addHelperNow(); return true;").await;
    check_host_hostile(&browser).await;
    browser.quit().await;
}

/// On `host-hostile.html`: the real chart gets its own height, once embed.js has asked for it;
/// the greedy frame is clamped; the unmarked frame and the one that left its origin keep theirs.
async fn check_host_hostile(browser: &Browser) {
    let sized = "return document.getElementById('%').getAttribute('data-claims-explorer-height') !== null;";
    browser.until("the chart's height", &sized.replace('%', "chart")).await;
    browser.until("the greedy frame's height", &sized.replace('%', "greedy")).await;
    // The frame that moved has come back to this page's origin and posted its message.
    browser
        .until(
            "the moved frame to post",
            "try { const w = document.getElementById('moved').contentWindow;
                   return w.location.search === '?embed=timeline' && w.document.readyState === 'complete'; }
             catch (e) { return false; }",
        )
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let heights = browser
        .js("return Object.fromEntries(['chart', 'unmarked', 'greedy', 'moved'].map(id => {
                 const f = document.getElementById(id);
                 return [id, [f.getAttribute('data-claims-explorer-height'), f.offsetHeight]]; }));")
        .await;
    let chart = heights["chart"][1].as_u64().unwrap();
    assert!((200..3000).contains(&chart), "the real chart takes its own height: {heights}");
    assert_eq!(heights["greedy"], serde_json::json!(["3000", 3000]), "clamped: {heights}");
    assert_eq!(heights["unmarked"], serde_json::json!([null, 150]), "an unmarked frame is left alone: {heights}");
    assert_eq!(
        heights["moved"],
        serde_json::json!([null, 150]),
        "a frame that left its origin is left alone: {heights}"
    );
}
