//! The baked page (ARCHITECTURE.md, Baked pages), in a real headless Chromium against the
//! release build in `dist/`: readable without JavaScript, shown only for the default view,
//! taken over by the page without a jump, with the dataset fetched beside the wasm.

mod support;

use cyber_claims_explorer::ingest::read_json;
use cyber_claims_explorer::model::Dataset;
use cyber_claims_explorer::query::{Filter, Index};
use serde_json::json;
use support::{root, Browser, StaticServer};
use thirtyfour::prelude::*;

fn bundled() -> Dataset {
    let bytes = std::fs::read(root().join("public/data/claims.json")).expect("read the bundled dataset");
    read_json(&bytes).expect("the bundled dataset parses").dataset
}

async fn texts(browser: &Browser, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in browser.driver.find_all(By::Css(css)).await.expect(css) {
        out.push(e.text().await.expect("text"));
    }
    out
}

#[tokio::test]
async fn without_javascript_the_baked_pages_show_the_claims_facets_and_charts() {
    let data = bundled();
    let newest = Index::build(&data).run(&Filter::default()).ids;
    let server = StaticServer::start();
    let browser = Browser::start_without_javascript(1280, 900).await;
    browser.driver.goto(&server.app("")).await.expect("navigate");

    let count = texts(&browser, "#baked [data-testid=\"result-count\"]").await;
    assert_eq!(count, [format!("{} claims", data.claims.len())], "the count of the default view");
    // Every claim, newest first, as the page lists them.
    let headlines = texts(&browser, "#baked [data-testid=\"claim-card\"] .headline").await;
    let expected: Vec<String> = newest.iter().map(|&i| data.claims[i as usize].headline.clone()).collect();
    assert_eq!(headlines, expected, "the baked cards are the default view's, in its order");
    // The facets with their counts.
    let sides = texts(&browser, "#baked [data-testid=\"facet-side\"] .option-count").await;
    assert_eq!(sides.len(), 3, "the side facet's three options have counts: {sides:?}");
    let total: usize = sides.iter().map(|n| n.parse::<usize>().expect("a count")).sum();
    assert_eq!(total, data.claims.len());
    // The claims come first: the baked view has the switch to the charts, and every chart
    // follows the cards, as inline SVG with its summary.
    assert_eq!(texts(&browser, "#baked [data-testid=\"view-claims\"]").await, ["Claims"]);
    let all = browser.driver.find_all(By::Css("#baked .chart")).await.unwrap().len();
    let after_the_cards = browser.driver.find_all(By::Css("#baked .cards ~ noscript .chart")).await.unwrap().len();
    assert_eq!((all, after_the_cards), (6, 6), "the six charts, all after the cards");
    for chart in ["timeline", "stances", "sectors", "vectors", "response-lag", "actors"] {
        let frame =
            browser.driver.find(By::Css(format!("#baked [data-testid=\"baked-chart-{chart}\"]"))).await.expect(chart);
        let svg = frame.find(By::Css("svg")).await.unwrap_or_else(|_| panic!("{chart} is inline SVG"));
        assert!(
            svg.find_all(By::Css("rect, path, polyline, line")).await.unwrap().len() > 5,
            "{chart} draws something"
        );
        let label = frame.attr("aria-label").await.unwrap().unwrap_or_default();
        let summary = texts(&browser, &format!("#baked #chart-{chart}-summary")).await;
        assert!(!label.is_empty() && summary == [label.clone()], "{chart}'s summary in the explorer: {label}");
    }
    // Without JavaScript the switch cannot work: the baked page links each chart's page.
    let links = texts(&browser, "#baked .baked-charts a").await;
    assert_eq!(links.len(), 6, "{links:?}");
    assert!(links.contains(&"Who accuses whom".to_string()), "{links:?}");
    // Every chart is baked as its embed page: SVG with ink in it, and its summary.
    for chart in ["timeline", "stances", "sectors", "vectors", "response-lag", "actors"] {
        browser.driver.goto(&format!("{}/app/embed/{chart}.html", server.base)).await.expect("navigate");
        let frame = browser.driver.find(By::Css(format!("[data-testid=\"baked-chart-{chart}\"]"))).await.expect(chart);
        let svg = frame.find(By::Css("svg")).await.unwrap_or_else(|_| panic!("{chart} has an inline SVG"));
        assert!(
            svg.find_all(By::Css("rect, path, polyline, line")).await.unwrap().len() > 5,
            "{chart} draws something"
        );
        let rect = svg.rect().await.unwrap();
        assert!(rect.width > 300.0 && rect.height >= 299.0, "{chart} is shown at its size: {rect:?}");
        let label = frame.attr("aria-label").await.unwrap().unwrap_or_default();
        let summary = texts(&browser, &format!("#chart-{chart}-summary")).await;
        assert!(!label.is_empty() && summary == [label.clone()], "{chart}'s accessible text is its summary: {label}");
    }
    assert!(browser.driver.find_all(By::Css("canvas")).await.unwrap().is_empty(), "no canvas without the page");
    browser.quit().await;
}

/// The sum of the page's layout shifts so far (CLS without its session windows: an upper bound).
async fn layout_shift(browser: &Browser) -> f64 {
    browser
        .js_async(
            "const done = arguments[arguments.length - 1];
             let sum = 0;
             new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value; })
               .observe({ type: 'layout-shift', buffered: true });
             setTimeout(() => done(sum), 100);",
        )
        .await
        .as_f64()
        .expect("a number")
}

#[tokio::test]
async fn the_page_takes_over_the_baked_view_without_a_jump_and_fetched_the_data_beside_the_wasm() {
    let server = StaticServer::start();
    for (width, height) in [(1280, 900), (390, 844)] {
        let browser = Browser::start(width, height).await;
        assert_eq!(browser.open(&server.app("")).await, "ready");
        // The baked copy is hidden as the page is shown, and its nodes dropped a turn later.
        browser.until("the baked copy is dropped", "return !document.getElementById('baked');").await;
        let left = browser
            .js("return [!!document.getElementById('baked'), document.documentElement.className,
                         getComputedStyle(document.getElementById('app')).visibility];")
            .await;
        assert_eq!(left, json!([false, if width < 800 { "narrow" } else { "" }, "visible"]), "at {width} px");
        // The page took over with the same view: the claims, no chart.
        assert!(browser.count("claim-card").await > 0, "at {width} px");
        assert!(
            browser.driver.find_all(By::Css("canvas[data-testid^=\"chart-\"]")).await.unwrap().is_empty(),
            "at {width} px"
        );
        let shift = layout_shift(&browser).await;
        assert!(shift <= 0.02, "layout shift {shift} at {width} px");
        // The baked view was painted before anything else was asked for; then the dataset and
        // the wasm side by side (preloaded together, so the page's own requests found them).
        let order = browser.js(REQUESTS).await;
        assert_eq!(order["data"], json!(["link"]), "one request for the data, by the preload, at {width} px");
        assert_eq!(order["wasm"], json!(["link"]), "one request for the wasm, by the preload, at {width} px");
        let at = |k: &str| order[k].as_f64().unwrap_or_else(|| panic!("no {k}: {order}"));
        let (paint, data, wasm, glue) = (at("paint"), at("dataStart"), at("wasmStart"), at("glueStart"));
        assert!(
            paint <= data && paint <= wasm,
            "asked for the data at {data} ms and the wasm at {wasm} ms, before the first paint at {paint} ms"
        );
        assert!(
            data <= glue,
            "the data ({data} ms) is asked for before the wasm's glue ({glue} ms), not after it starts"
        );
        assert!(browser.page_errors().await.is_empty(), "{:?}", browser.page_errors().await);
        browser.quit().await;
    }
}

/// The page's requests for the dataset and the wasm (who made them, when they started) and its
/// first contentful paint, in milliseconds since navigation.
const REQUESTS: &str = "const r = performance.getEntriesByType('resource');
    const of = end => r.filter(e => e.name.endsWith(end));
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return { data: of('/data/claims.json').map(e => e.initiatorType), wasm: of('.wasm').map(e => e.initiatorType),
             dataStart: of('/data/claims.json')[0].startTime, wasmStart: of('.wasm')[0].startTime,
             glueStart: of('.js')[0].startTime, paint: paint ? paint.startTime : null };";

#[tokio::test]
async fn another_view_asks_for_the_data_at_once_beside_the_wasm() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?stance=denial")).await, "ready");
    let order = browser.js(REQUESTS).await;
    assert_eq!(order["data"], json!(["link"]), "one request for the data, by the head's preload");
    assert_eq!(order["wasm"], json!(["link"]), "one request for the wasm, by the loader's preload");
    let (data, glue) = (order["dataStart"].as_f64().unwrap(), order["glueStart"].as_f64().unwrap());
    assert!(data <= glue, "the data ({data} ms) is asked for before the wasm's glue ({glue} ms), not after it starts");
    browser.quit().await;
}

#[tokio::test]
async fn a_view_other_than_the_default_never_shows_the_baked_view() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    // Without the wasm, what the page shows is up to its head alone.
    browser.driver.cdp().send_raw("Network.enable", json!({})).await.expect("network");
    browser.driver.cdp().send_raw("Network.setBlockedURLs", json!({"urls": ["*.wasm"]})).await.expect("block the wasm");
    browser.expect_error("Failed to fetch");
    browser.expect_error("ERR_BLOCKED_BY_CLIENT");
    let shown = "const b = document.getElementById('baked'); return b ? getComputedStyle(b).display : 'gone';";
    browser.driver.goto(&server.app("")).await.expect("navigate");
    assert_eq!(browser.js(shown).await, json!("block"), "the default view shows its baked copy");
    for query in
        ["?q=salt", "?side=cn-us", "?sort=oldest", "?claim=x", "?data=../fixtures/small.json", "?embed=stances"]
    {
        browser.driver.goto(&server.app(query)).await.expect("navigate");
        assert_eq!(browser.js(shown).await, json!("none"), "{query} hides the baked view");
    }
    browser.quit().await;
}

#[tokio::test]
async fn a_claim_page_names_its_claim_and_opens_the_explorer_on_it() {
    let data = bundled();
    let c = data.claims.iter().find(|c| c.incident.is_some()).expect("a claim in a thread");
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    browser.driver.goto(&format!("{}/app/claims/{}.html", server.base, c.id)).await.expect("navigate");
    assert_eq!(browser.driver.title().await.unwrap(), format!("{} — Cyber Claims Explorer", c.headline));
    let og = browser.js("return document.querySelector('meta[property=\"og:title\"]').content;").await;
    assert_eq!(og, json!(c.headline));
    assert_eq!(texts(&browser, "[data-testid=\"claim-card\"] .headline").await, [c.headline.clone()]);
    browser.driver.find(By::Css("[data-testid=\"open-in-explorer\"]")).await.unwrap().click().await.unwrap();
    assert_eq!(browser.wait_for_state().await, "ready");
    let current =
        browser.js("return document.querySelector('[data-testid=\"thread-claim\"].current').dataset.claimId;").await;
    assert_eq!(current, json!(c.id), "the explorer opens on the claim's thread");
    browser.quit().await;
}

#[tokio::test]
async fn a_baked_embed_shows_its_chart_without_javascript_and_sizes_its_iframe_with_it() {
    let server = StaticServer::start();
    let browser = Browser::start_without_javascript(600, 800).await;
    browser.driver.goto(&format!("{}/app/embed/stances.html", server.base)).await.expect("navigate");
    let svg =
        browser.driver.find(By::Css("[data-testid=\"baked-chart-stances\"] svg")).await.expect("the chart as SVG");
    assert!(svg.rect().await.unwrap().width > 500.0, "the chart fills the embed's width");
    assert_eq!(texts(&browser, "#chart-stances-summary").await.len(), 1, "its summary");
    let credit = texts(&browser, ".embed-credit").await.concat();
    assert!(credit.contains("Source: ") && credit.contains("Explore the data"), "{credit}");
    let noindex = browser.js("return document.querySelector('meta[name=\"robots\"]').content;").await;
    assert_eq!(noindex, json!("noindex"));
    browser.quit().await;

    // In a host page, embed.js sizes the iframe from the height the baked page posts.
    let browser = Browser::start(1024, 900).await;
    browser.driver.goto(&format!("{}/fixtures/host-baked.html", server.base)).await.expect("navigate");
    browser
        .until("the iframe sized", "return !!document.getElementById('embedded').dataset.claimsExplorerHeight;")
        .await;
    let sizes = browser
        .js("const f = document.getElementById('embedded');
             return [f.getBoundingClientRect().height, f.contentDocument.querySelector('[data-testid=\"embed\"]').offsetHeight];")
        .await;
    let (outer, inner) = (sizes[0].as_f64().unwrap(), sizes[1].as_f64().unwrap());
    assert!(outer > 250.0 && (outer - inner).abs() <= 2.0, "iframe {outer}px, embedded content {inner}px");
    browser.quit().await;
}

#[tokio::test]
async fn the_embed_snippet_of_the_unfiltered_bundled_data_points_at_the_baked_embed() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("")).await, "ready");
    let code = browser.embed_snippet("timeline").await;
    let code = code.as_str();
    let src = format!("src=\"{}/app/embed/timeline.html\"", server.base);
    assert!(code.contains(&src) && code.contains("/app/embed.js") && !code.contains("embed="), "{code}");
    browser.quit().await;
}

#[tokio::test]
async fn baked_charts_follow_the_readers_colour_scheme() {
    let server = StaticServer::start();
    let browser = Browser::start_without_javascript(600, 800).await;
    let shown = "return [...document.querySelectorAll('[data-testid=\"baked-chart-stances\"] > div')]
                   .filter(d => getComputedStyle(d).display !== 'none').map(d => d.className);";
    for (scheme, class) in [("light", "scheme-light"), ("dark", "scheme-dark")] {
        let media = json!({"features": [{"name": "prefers-color-scheme", "value": scheme}]});
        browser.driver.cdp().send_raw("Emulation.setEmulatedMedia", media).await.expect("emulate the scheme");
        browser.driver.goto(&format!("{}/app/embed/stances.html", server.base)).await.expect("navigate");
        assert_eq!(browser.js(shown).await, json!([class]), "in the {scheme} scheme");
    }
    browser.quit().await;
}
