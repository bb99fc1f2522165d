//! End-to-end tests in a real headless Chromium (Debian's chromium + chromedriver), against
//! the release build in `dist/` served from a sub-path. `make test` builds `dist/` first.

mod support;

use std::collections::BTreeSet;

use cyber_claims_explorer::ingest::read_json;
use cyber_claims_explorer::model::Dataset;
use cyber_claims_explorer::query::SearchIndex;
use serde_json::json;
use support::{root, Browser, StaticServer, CANVAS_INK};
use thirtyfour::prelude::*;

const SMALL: &str = "?data=../fixtures/small.json";

fn bundled() -> Dataset {
    let bytes = std::fs::read(root().join("public/data/claims.json")).expect("read the bundled dataset");
    read_json(&bytes).expect("the bundled dataset parses").dataset
}

async fn card_ids(browser: &Browser) -> BTreeSet<String> {
    let ids = browser
        .js("return [...document.querySelectorAll('[data-testid=\"claim-card\"]')].map(c => c.dataset.claimId);")
        .await;
    ids.as_array().expect("an array").iter().map(|v| v.as_str().expect("an id").to_string()).collect()
}

async fn search_for(browser: &Browser, text: &str) {
    let input = browser.driver.find(By::Css("[data-testid=\"search\"]")).await.expect("the search box");
    // Select-all and delete, as a person would: `clear()` fires no input event.
    input.send_keys(Key::Control + "a").await.expect("select the search text");
    input.send_keys(Key::Backspace).await.expect("delete the search text");
    if !text.is_empty() {
        input.send_keys(text).await.expect("type into the search box");
    }
}

/// Waits until the count reads `n` and the cards shown agree (all of them when few; the
/// virtualised list shows a window of them when many).
async fn wait_for_count(browser: &Browser, n: usize) {
    browser
        .until(
            &format!("result-count to read {n}"),
            &format!(
                "const t = document.querySelector('[data-testid=\"result-count\"]').textContent.trim();
                 const cards = document.querySelectorAll('[data-testid=\"claim-card\"]').length;
                 return parseInt(t.replace(/,/g, ''), 10) === {n} && ({n} <= 24 ? cards === {n} : cards >= 12 && cards <= Math.min({n}, 200));"
            ),
        )
        .await;
}

/// Scrolls from the top of the page to the bottom a viewport at a time; returns every claim id
/// seen and the most cards that were in the DOM at once.
async fn scroll_through(browser: &Browser) -> (BTreeSet<String>, usize) {
    browser.js("window.scrollTo(0, 0);").await;
    let mut seen = BTreeSet::new();
    let mut most = 0;
    let mut last_y = -1.0;
    loop {
        tokio::time::sleep(std::time::Duration::from_millis(60)).await;
        seen.extend(card_ids(browser).await);
        most = most.max(browser.count("claim-card").await);
        let y = browser
            .js("window.scrollBy(0, Math.floor(window.innerHeight * 0.8)); return window.scrollY;")
            .await
            .as_f64()
            .unwrap();
        if y == last_y {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            seen.extend(card_ids(browser).await);
            most = most.max(browser.count("claim-card").await);
            return (seen, most);
        }
        last_y = y;
    }
}

async fn canvas_ink(browser: &Browser, selector: &str) -> (u64, u64) {
    let ink = browser.js_with(CANVAS_INK, vec![json!(selector)]).await;
    assert!(!ink.is_null(), "no sized canvas at {selector}");
    (ink["ink"].as_u64().unwrap(), ink["colours"].as_u64().unwrap())
}

#[tokio::test]
async fn bundled_dataset_shows_one_card_per_claim() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("")).await, "ready");
    let dataset = bundled();
    let expected: BTreeSet<String> = dataset.claims.iter().map(|c| c.id.clone()).collect();
    // The list is virtualised: scrolling through it shows every claim once.
    let (seen, most) = scroll_through(&browser).await;
    assert_eq!(seen, expected);
    assert!(most <= 200, "{most} cards in the DOM at once");
    assert_eq!(browser.result_count().await, dataset.claims.len());
    assert_eq!(browser.text("dataset-title").await, dataset.title);
    assert_eq!(browser.text("dataset-license").await, dataset.license);
    assert_eq!(browser.text("dataset-updated").await, dataset.updated.display(cyber_claims_explorer::i18n::Lang::En));
    let report = browser.text("report-summary").await;
    assert!(report.starts_with(&format!("{} claims loaded, 0 excluded", dataset.claims.len())), "{report}");
    // The benchmark's hooks are only in its own build (feature `bench`), not in the published one.
    let hooks = browser
        .js("return [typeof window.wasmBindings.phase_times, typeof window.wasmBindings.reset_phase_times,
                     typeof window.wasmBindings.wasm_memory_bytes, document.getElementById('app').dataset.readyMs || null];")
        .await;
    assert_eq!(hooks, json!(["undefined", "undefined", "undefined", null]), "benchmark hooks in the published build");
    browser.quit().await;
}

#[tokio::test]
async fn search_narrows_the_bundled_cards() {
    let dataset = bundled();
    let index = SearchIndex::build(&dataset);
    let expected = index.matching("salt typhoon").len();
    assert!(expected > 0 && expected < dataset.claims.len(), "the bundled data should have some Salt Typhoon claims");

    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("")).await, "ready");
    search_for(&browser, "Salt Typhoon").await;
    wait_for_count(&browser, expected).await;
    search_for(&browser, "").await;
    wait_for_count(&browser, dataset.claims.len()).await;
    browser.quit().await;
}

#[tokio::test]
async fn search_matches_names_aliases_chinese_and_all_words() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app(SMALL)).await, "ready");
    assert_eq!(browser.result_count().await, 6);
    for (query, ids) in [
        ("cncert", vec!["c3", "c6"]),
        ("外交部", vec!["c2", "c4"]),
        ("APT-99", vec!["c1", "c5"]),
        ("china hacking", vec!["c4"]),
        ("PHISHING universities", vec!["c1"]),
        ("no such words here", vec![]),
    ] {
        search_for(&browser, query).await;
        wait_for_count(&browser, ids.len()).await;
        let want: BTreeSet<String> = ids.iter().map(|s| s.to_string()).collect();
        assert_eq!(card_ids(&browser).await, want, "search {query:?}");
    }
    browser.quit().await;
}

#[tokio::test]
async fn chart_is_drawn_and_redrawn_when_the_search_changes() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?view=charts")).await, "ready");
    let selector = "[data-testid=\"chart-timeline\"]";
    let (ink, colours) = canvas_ink(&browser, selector).await;
    assert!(ink > 5_000, "the chart canvas is nearly blank ({ink} pixels of ink)");
    assert!(colours >= 4, "the chart should use several colours, found {colours}");
    let label = browser.js(&format!("return document.querySelector('{selector}').getAttribute('aria-label');")).await;
    assert!(label.as_str().unwrap().starts_with("From "), "accessible summary: {label}");

    let before = browser.js(&format!("return document.querySelector('{selector}').toDataURL();")).await;
    search_for(&browser, "CNCERT").await;
    browser
        .until(
            "the chart to be redrawn",
            &format!("return document.querySelector('{selector}').toDataURL() !== {before};"),
        )
        .await;
    browser.quit().await;
}

#[tokio::test]
async fn broken_and_missing_datasets_show_a_located_error() {
    let server = StaticServer::start();
    let browser = Browser::start(1024, 768).await;
    // The browser logs the failed request of the missing file.
    browser.expect_error("missing.json - Failed to load resource: the server responded with a status of 404");
    for (query, must_say) in [
        ("?data=../fixtures/broken.json", vec!["broken.json", "cut off", "line 7"]),
        ("?data=../fixtures/missing.json", vec!["missing.json", "404"]),
        ("?data=./", vec!["HTML"]),
    ] {
        assert_eq!(browser.open(&server.app(query)).await, "error", "{query}");
        let message = browser.text("load-error").await;
        for words in must_say {
            assert!(message.contains(words), "{query}: the message {message:?} should mention {words:?}");
        }
        assert_eq!(browser.count("claim-card").await, 0);
    }
    browser.quit().await;
}

#[tokio::test]
async fn dataset_text_is_shown_as_text_and_only_web_links_are_links() {
    let server = StaticServer::start();
    let browser = Browser::start(1024, 768).await;
    assert_eq!(browser.open(&server.app(SMALL)).await, "ready");
    let c5 = browser.js("return document.querySelector('[data-claim-id=\"c5\"]');").await;
    assert!(!c5.is_null());
    let injected = browser.js("return document.querySelectorAll('.card b').length;").await;
    assert_eq!(injected, json!(0), "markup in the dataset became elements");
    let headline = browser.js("return document.querySelector('[data-claim-id=\"c5\"] .headline').textContent;").await;
    assert_eq!(headline, json!("UK agency warns about <b>Fixture Panda</b> tooling"));
    let links = browser
        .js("return [...document.querySelectorAll('[data-claim-id=\"c4\"] a, [data-claim-id=\"c1\"] a')].map(a => [a.href, a.rel]);")
        .await;
    // c4's javascript: source is shown as text; only its https source is a link.
    assert_eq!(
        links,
        json!([["https://example.org/c4", "noopener noreferrer"], ["https://example.org/c1", "noopener noreferrer"]])
    );
    let date = browser.js("return document.querySelector('[data-claim-id=\"c3\"] time').textContent;").await;
    assert_eq!(date, json!("Jul 2021"));
    browser.quit().await;
}

/// Takes the README's screenshot with the project's own headless Chromium.
#[tokio::test]
async fn screenshot_of_the_explorer() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 1000).await;
    let out = root().join("target/screenshots");
    std::fs::create_dir_all(&out).unwrap();
    for (query, file) in [("", "explorer.png"), ("?lang=zh", "explorer-zh.png")] {
        assert_eq!(browser.open(&server.app(query)).await, "ready");
        let png = browser.driver.screenshot_as_png().await.expect("a screenshot");
        assert!(png.starts_with(b"\x89PNG"));
        std::fs::write(out.join(file), png).unwrap();
    }
    browser.quit().await;
}

async fn problems(browser: &Browser) -> Vec<String> {
    let list = browser
        .js("return [...document.querySelectorAll('[data-testid=\"data-report\"] li')].map(li => li.textContent);")
        .await;
    list.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn a_dataset_with_bad_records_shows_the_good_ones_and_a_located_report() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?data=../fixtures/some-bad.json")).await, "ready");
    let want: BTreeSet<String> = ["good-1", "good-2"].map(String::from).into();
    assert_eq!(card_ids(&browser).await, want);
    assert_eq!(browser.result_count().await, 2);
    let summary = browser.text("report-summary").await;
    assert!(summary.starts_with("2 claims loaded, 2 excluded"), "{summary}");
    let open = browser.js("return document.querySelector('[data-testid=\"data-report\"]').open;").await;
    assert_eq!(open, json!(true), "a report with errors starts open");
    let problems = problems(&browser).await;
    for (place, words) in [
        ("claims[1].date", "\"2023-02-30\" is not a date"),
        ("claims[2].claimant", "\"nobody\" is not an actor"),
        ("claims[2]", "excluded"),
        ("claims[3].claimnt", "did you mean \"claimant\""),
    ] {
        assert!(
            problems.iter().any(|p| p.contains(place) && p.contains(words)),
            "no problem at {place} saying {words:?} in {problems:#?}"
        );
    }
    assert_eq!(browser.text("dataset-title").await, "Fixture with some bad records");
    browser.quit().await;
}

#[tokio::test]
async fn the_report_the_notices_and_load_errors_speak_the_readers_language() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    let query = "?data=../fixtures/some-bad.json&lang=zh&sort=best";
    assert_eq!(browser.open(&server.app(query)).await, "ready");
    let summary = browser.text("report-summary").await;
    assert!(summary.starts_with("已载入 2 条声明"), "{summary}");
    let listed = problems(&browser).await;
    for (place, words) in [
        ("claims[1].date", "\"2023-02-30\" 不是日期：该月没有这一天"),
        ("claims[2].claimant", "\"nobody\" 不是本数据集中的行为者"),
        ("claims[2]", "此声明因上述错误被排除"),
        ("claims[3].claimnt", "是否想写 \"claimant\""),
    ] {
        assert!(
            listed.iter().any(|p| p.contains(place) && p.contains(words)),
            "no problem at {place} saying {words:?} in {listed:#?}"
        );
    }
    let notices = browser.text("url-notices").await;
    assert!(notices.contains("已忽略“sort=best”：应为"), "{notices}");
    // The same file in English says the same in English.
    assert_eq!(browser.open(&server.app("?data=../fixtures/some-bad.json&lang=en")).await, "ready");
    assert!(problems(&browser).await.iter().any(|p| p.contains("\"nobody\" is not an actor in this dataset")));
    // A spreadsheet names its claims in the reader's language.
    assert_eq!(browser.open(&server.app("?data=../fixtures/claims.csv&lang=zh")).await, "ready");
    assert_eq!(browser.text("dataset-title").await, "来自 claims.csv 的声明");
    // A file that is not a dataset, in Chinese: the place and the reason.
    assert_eq!(browser.open(&server.app("?data=../fixtures/broken.json&lang=zh")).await, "error");
    let message = browser.text("load-error").await;
    for words in ["无法从", "加载声明", "第 7 行", "是否被截断了？"] {
        assert!(message.contains(words), "the message {message:?} should say {words:?}");
    }
    browser.quit().await;
}

#[tokio::test]
async fn a_csv_dataset_loads_from_the_data_parameter() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?data=../fixtures/claims.csv")).await, "ready");
    let want: BTreeSet<String> = ["csv-1", "csv-2", "csv-3"].map(String::from).into();
    assert_eq!(card_ids(&browser).await, want);
    assert_eq!(browser.text("dataset-title").await, "Claims from claims.csv");
    let headline =
        browser.js("return document.querySelector('[data-claim-id=\"csv-1\"] .headline').textContent;").await;
    assert_eq!(headline, json!("Prosecutors charge four, citing APT40"));
    browser.quit().await;
}

#[tokio::test]
async fn a_file_chosen_with_the_file_input_loads() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("")).await, "ready");
    let input = browser.driver.find(By::Css("[data-testid=\"open-file\"]")).await.expect("the file input");
    let label = browser.js("return document.querySelector('label[for=\"open-file\"]').textContent;").await;
    assert_eq!(label, json!("Open file…"));
    let path = root().join("tests/fixtures/some-bad.json");
    input.send_keys(path.to_str().unwrap()).await.expect("choose a file");
    browser
        .until(
            "the chosen file to replace the bundled data",
            "return document.getElementById('app').dataset.state === 'ready' && document.querySelectorAll('[data-testid=\"claim-card\"]').length === 2;",
        )
        .await;
    assert_eq!(browser.text("dataset-title").await, "Fixture with some bad records");
    assert!(browser.text("report-summary").await.starts_with("2 claims loaded, 2 excluded"));

    // A CSV file works the same way.
    let input = browser.driver.find(By::Css("[data-testid=\"open-file\"]")).await.unwrap();
    input.send_keys(root().join("tests/fixtures/claims.csv").to_str().unwrap()).await.unwrap();
    wait_for_count(&browser, 3).await;
    assert_eq!(browser.text("dataset-title").await, "Claims from claims.csv");
    browser.quit().await;
}
