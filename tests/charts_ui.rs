//! Browser tests of the charts (issue 5): six drawn canvases that follow the filter, embed mode
//! and its height messages, the embed snippet, and the downloads.

mod support;

use std::time::Duration;

use serde_json::json;
use support::{Browser, StaticServer, CANVAS_INK};
use thirtyfour::prelude::*;

const CHARTS: [&str; 6] = ["timeline", "stances", "sectors", "vectors", "response-lag", "actors"];

async fn picture(browser: &Browser, chart: &str) -> String {
    browser
        .js(&format!("return document.querySelector('[data-testid=\"chart-{chart}\"]').toDataURL();"))
        .await
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn six_charts_are_drawn_and_follow_the_filter() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 1000).await;
    assert_eq!(browser.open(&server.app("?view=charts")).await, "ready");
    let mut before = Vec::new();
    for chart in CHARTS {
        let sel = format!("[data-testid=\"chart-{chart}\"]");
        let ink = browser.js_with(CANVAS_INK, vec![json!(sel)]).await;
        assert!(!ink.is_null(), "no canvas for {chart}");
        let (ink, colours) = (ink["ink"].as_u64().unwrap(), ink["colours"].as_u64().unwrap());
        assert!(ink > 3_000 && colours >= 3, "{chart} looks blank: {ink} pixels of ink, {colours} colours");
        let label = browser.js(&format!("return document.querySelector('{sel}').getAttribute('aria-label');")).await;
        assert!(label.as_str().is_some_and(|l| l.len() > 20), "{chart} has no text description: {label}");
        before.push(picture(&browser, chart).await);
    }
    browser
        .driver
        .find(By::Css("[data-testid=\"facet-side\"] [data-value=\"cn-us\"]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    for (chart, old) in CHARTS.iter().zip(before) {
        browser
            .until(
                &format!("{chart} to be redrawn"),
                &format!(
                    "return document.querySelector('[data-testid=\"chart-{chart}\"]').toDataURL() !== {};",
                    json!(old)
                ),
            )
            .await;
    }
    // Each canvas says how many claims it shows: the count of the results.
    let shown = browser.result_count().await;
    let claims = browser
        .js("return [...document.querySelectorAll('canvas[data-testid^=\"chart-\"]')].map(c => c.dataset.claims);")
        .await;
    assert_eq!(claims, json!(vec![shown.to_string(); CHARTS.len()]));
    // Show as table: the numbers behind the chart.
    browser.driver.find(By::Css("[data-testid=\"toggle-table-stances\"]")).await.unwrap().click().await.unwrap();
    browser
        .until(
            "the stances table",
            "return document.querySelectorAll('[data-testid=\"table-stances\"] tbody tr').length > 0;",
        )
        .await;
    browser.quit().await;
}

#[tokio::test]
async fn a_dataset_with_control_characters_in_its_names_is_drawn_and_ready() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 1000).await;
    assert_eq!(browser.open(&server.app("?view=charts&data=../fixtures/control-characters.json")).await, "ready");
    for chart in CHARTS {
        let ink = browser.js_with(CANVAS_INK, vec![json!(format!("[data-testid=\"chart-{chart}\"]"))]).await;
        assert!(ink["ink"].as_u64().unwrap_or(0) > 3_000, "{chart} looks blank: {ink}");
        assert_eq!(browser.count(&format!("chart-error-{chart}")).await, 0, "{chart} shows an error");
    }
    // The report says what was removed, field by field.
    let report = browser.text("report-summary").await;
    assert!(report.contains("0 errors"), "{report}");
    browser.quit().await;
}

#[tokio::test]
async fn a_chart_that_cannot_be_drawn_says_why_and_the_page_is_still_ready() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 1000).await;
    // The sectors chart's canvas refuses to draw text, as a broken canvas might.
    browser
        .driver
        .cdp()
        .send_raw(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({"source": "const fill = CanvasRenderingContext2D.prototype.fillText;
                CanvasRenderingContext2D.prototype.fillText = function (...args) {
                  if (this.canvas.dataset.testid === 'chart-sectors') throw new Error('no text on this canvas');
                  return fill.apply(this, args);
                };"}),
        )
        .await
        .expect("add a script to the page");
    assert_eq!(browser.open(&server.app("?view=charts&sort=oldest")).await, "ready");
    let error = browser.text("chart-error-sectors").await;
    assert!(error.contains("cannot be drawn"), "{error}");
    let hidden = browser.js("return document.querySelector('[data-testid=\"chart-sectors\"]').offsetHeight;").await;
    assert_eq!(hidden, json!(0), "the canvas gives its place to the error");
    for chart in CHARTS.iter().filter(|c| **c != "sectors") {
        assert_eq!(browser.count(&format!("chart-error-{chart}")).await, 0, "{chart} shows an error");
        let ink = browser.js_with(CANVAS_INK, vec![json!(format!("[data-testid=\"chart-{chart}\"]"))]).await;
        assert!(ink["ink"].as_u64().unwrap_or(0) > 3_000, "{chart} looks blank: {ink}");
    }
    browser.quit().await;
}

#[tokio::test]
async fn embed_mode_shows_the_chart_alone_with_a_link_back() {
    let server = StaticServer::start();
    let browser = Browser::start(800, 600).await;
    assert_eq!(browser.open(&server.app("?embed=timeline&side=cn-us")).await, "ready");
    assert_eq!(browser.count("claim-card").await, 0);
    assert_eq!(browser.count("chart-timeline").await, 1);
    for other in &CHARTS[1..] {
        assert_eq!(browser.count(&format!("chart-{other}")).await, 0, "{other} shown in embed mode");
    }
    assert_eq!(browser.count("search").await, 0);
    let link = browser.js("return document.querySelector('[data-testid=\"explore-link\"]').href;").await;
    let link = link.as_str().unwrap();
    assert!(link.contains("side=cn-us") && !link.contains("embed="), "{link}");
    let width = browser
        .js("return document.querySelector('[data-testid=\"chart-timeline\"]').getBoundingClientRect().width;")
        .await;
    assert!(width.as_f64().unwrap() > 700.0, "the chart fills its width ({width})");
    browser.quit().await;
}

#[tokio::test]
async fn a_host_page_with_embed_js_gets_its_iframe_sized_to_the_chart() {
    let server = StaticServer::start();
    let browser = Browser::start(1000, 800).await;
    browser.driver.goto(format!("{}/fixtures/host.html", server.base)).await.unwrap();
    browser
        .until(
            "the iframe to be sized by a height message",
            "const f = document.getElementById('embedded'); return !!f.getAttribute('data-claims-explorer-height');",
        )
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let sizes = browser
        .js("const f = document.getElementById('embedded');
             return [f.getBoundingClientRect().height, f.contentDocument.querySelector('[data-testid=\"embed\"]').offsetHeight];")
        .await;
    let (outer, inner) = (sizes[0].as_f64().unwrap(), sizes[1].as_f64().unwrap());
    assert!(outer > 250.0, "the iframe kept a default height ({outer})");
    assert!((outer - inner).abs() <= 2.0, "iframe {outer}px, embedded content {inner}px");
    browser.quit().await;
}

#[tokio::test]
async fn the_embed_snippet_carries_the_filters() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?view=charts&stance=denial&from=2020")).await, "ready");
    let code = browser.embed_snippet("timeline").await;
    let code = code.as_str();
    for part in [
        "<iframe",
        "embed=timeline",
        "stance=denial",
        "from=2020",
        "loading=\"lazy\"",
        "title=\"",
        "width=\"100%\"",
        "embed.js",
    ] {
        assert!(code.contains(part), "the snippet lacks {part}: {code}");
    }
    // An embed is one chart: the page's own Claims | Charts choice is not carried into it.
    assert!(!code.contains("view=charts"), "{code}");
    browser.quit().await;
}

#[tokio::test]
async fn downloads_have_the_right_types() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?view=charts")).await, "ready");
    browser.record_downloads().await;
    for kind in ["png", "svg", "csv"] {
        browser.click(&format!("download-{kind}-timeline")).await;
    }
    let downloads = browser.downloads(3).await;
    let got: Vec<(String, String)> = downloads
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["name"].as_str().unwrap().to_string(), d["type"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        got,
        [
            ("timeline.csv".to_string(), "text/csv;charset=utf-8".to_string()),
            ("timeline.png".to_string(), "image/png".to_string()),
            ("timeline.svg".to_string(), "image/svg+xml".to_string()),
        ]
    );
    let heads = &downloads.as_array().unwrap();
    assert!(heads[2]["text"].as_str().unwrap().starts_with("<svg"), "{}", heads[2]["text"]);
    assert!(heads[0]["text"].as_str().unwrap().contains(','), "the CSV has columns: {}", heads[0]["text"]);
    browser.quit().await;
}

/// Takes the README's chart screenshots with the project's own headless Chromium.
#[tokio::test]
async fn screenshots_of_the_charts_and_an_embedded_chart() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 1000).await;
    assert_eq!(browser.open(&server.app("?view=charts")).await, "ready");
    browser.js("document.querySelector('.charts').scrollIntoView(); return true;").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let out = support::root().join("target/screenshots");
    std::fs::create_dir_all(&out).unwrap();
    let png = browser.driver.screenshot_as_png().await.unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    std::fs::write(out.join("charts.png"), png).unwrap();

    browser.driver.goto(format!("{}/fixtures/host.html", server.base)).await.unwrap();
    browser
        .until(
            "the embedded chart to be sized",
            "return !!document.getElementById('embedded').getAttribute('data-claims-explorer-height');",
        )
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let png = browser.driver.screenshot_as_png().await.unwrap();
    std::fs::write(out.join("embed.png"), png).unwrap();
    browser.quit().await;
}

#[tokio::test]
async fn charts_follow_the_readers_colour_scheme() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?view=charts")).await, "ready");
    // The top-left pixel of a chart is its background.
    let background = "const c = document.querySelector('[data-testid=\"chart-stances\"]');
                      const d = c.getContext('2d').getImageData(2, 2, 1, 1).data; return d[0] + d[1] + d[2];";
    let light = browser.js(background).await.as_u64().unwrap();
    assert!(light > 600, "a light chart background ({light})");
    browser
        .driver
        .cdp()
        .send_raw(
            "Emulation.setEmulatedMedia",
            json!({"features": [{"name": "prefers-color-scheme", "value": "dark"}]}),
        )
        .await
        .expect("emulate a dark scheme");
    browser.until("the chart to be redrawn dark", &format!("return (function () {{ {background} }})() < 200;")).await;
    browser.quit().await;
}

/// The theme switch: dark or light whatever the system's scheme, remembered by the browser
/// across a reload, with the charts redrawn in it; "System" follows the system again.
#[tokio::test]
async fn the_theme_switch_recolours_the_page_and_the_charts_and_is_remembered() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?view=charts")).await, "ready");
    let background = "return getComputedStyle(document.body).backgroundColor;";
    // The top-left pixel of the timeline's canvas: the chart's background.
    let chart_corner = "const c = document.querySelector('[data-testid=\"chart-timeline\"]');
                        return Array.from(c.getContext('2d').getImageData(1, 1, 1, 1).data.slice(0, 3));";
    assert_eq!(browser.js(background).await, "rgb(247, 247, 245)", "the system's light scheme");
    let light_corner = browser.js(chart_corner).await;
    let choose = |value: &'static str| {
        let browser = &browser;
        async move {
            let select = browser.driver.find(By::Css("[data-testid=\"theme\"]")).await.unwrap();
            select.find(By::Css(format!("option[value=\"{value}\"]"))).await.unwrap().click().await.unwrap();
        }
    };
    choose("dark").await;
    browser
        .until("the dark scheme", "return getComputedStyle(document.body).backgroundColor === 'rgb(18, 19, 20)';")
        .await;
    assert_eq!(browser.js("return document.documentElement.dataset.theme;").await, "dark");
    browser
        .until(
            "the charts in the dark theme",
            &format!("return JSON.stringify((function () {{ {chart_corner} }})()) === '[24,26,27]';"),
        )
        .await;
    assert_ne!(browser.js(chart_corner).await, light_corner);
    // Remembered: a reload opens dark, before and after the page takes over.
    assert_eq!(browser.open(&server.app("?view=charts")).await, "ready");
    assert_eq!(browser.js(background).await, "rgb(18, 19, 20)");
    assert_eq!(browser.js("return document.querySelector('[data-testid=\"theme\"]').value;").await, "dark");
    choose("system").await;
    browser
        .until(
            "the system's scheme again",
            "return getComputedStyle(document.body).backgroundColor === 'rgb(247, 247, 245)';",
        )
        .await;
    assert_eq!(browser.js("return document.documentElement.hasAttribute('data-theme');").await, false);
    assert_eq!(browser.js("return localStorage.getItem('claims-explorer-theme');").await, serde_json::Value::Null);
    browser.quit().await;
}
