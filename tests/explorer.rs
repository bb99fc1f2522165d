//! Browser tests of the explorer (issue 4): facets from the URL and by click, history, reload,
//! threads, keyboard operation, a phone-sized window, and the virtualised list at 10,000 claims.

mod support;

use std::collections::BTreeSet;
use std::time::Duration;

use cyber_claims_explorer::ingest::read_json;
use cyber_claims_explorer::model::{Dataset, Side, Stance};
use serde_json::json;
use support::{root, Browser, StaticServer};
use thirtyfour::prelude::*;

fn bundled() -> Dataset {
    read_json(&std::fs::read(root().join("public/data/claims.json")).unwrap()).unwrap().dataset
}

async fn wait_count(browser: &Browser, n: usize) {
    browser
        .until(
            &format!("the result count to read {n}"),
            &format!(
                "return parseInt(document.querySelector('[data-testid=\"result-count\"]').textContent.replace(/,/g, ''), 10) === {n};"
            ),
        )
        .await;
}

fn option(facet: &str, value: &str) -> String {
    format!("[data-testid=\"facet-{facet}\"] [data-value=\"{value}\"]")
}

async fn pressed(browser: &Browser, facet: &str, value: &str) -> String {
    let sel = option(facet, value);
    browser
        .js(&format!("return document.querySelector('{sel}').getAttribute('aria-pressed');"))
        .await
        .as_str()
        .unwrap()
        .to_string()
}

/// "Charts", then until the six charts are drawn.
async fn show_the_charts(browser: &Browser) {
    browser.click("view-charts").await;
    browser
        .until(
            "six charts drawn",
            "return document.getElementById('app').dataset.state === 'ready'
                && document.querySelectorAll('canvas[data-claims]').length === 6;",
        )
        .await;
}

#[tokio::test]
async fn facets_in_the_url_give_exactly_the_datasets_counts() {
    let d = bundled();
    let cn_us = d.claims.iter().filter(|c| d.side(c) == Side::CnUs).count();
    let denials = d.claims.iter().filter(|c| c.stance == Stance::Denial).count();
    let both = d.claims.iter().filter(|c| d.side(c) == Side::CnUs && c.stance == Stance::Denial).count();
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?side=cn-us")).await, "ready");
    assert_eq!(browser.result_count().await, cn_us);
    assert_eq!(pressed(&browser, "side", "cn-us").await, "true");
    assert_eq!(browser.open(&server.app("?stance=denial")).await, "ready");
    assert_eq!(browser.result_count().await, denials);
    assert_eq!(browser.open(&server.app("?side=cn-us&stance=denial")).await, "ready");
    assert_eq!(browser.result_count().await, both);
    // The stance facet's denial option counts with the side applied.
    let shown = browser
        .js(&format!("return document.querySelector('{} .option-count').textContent;", option("stance", "denial")))
        .await;
    assert_eq!(shown, json!(both.to_string()));
    browser.quit().await;
}

#[tokio::test]
async fn clicking_a_facet_updates_url_and_count_and_back_and_reload_restore_them() {
    let d = bundled();
    let total = d.claims.len();
    let denials = d.claims.iter().filter(|c| c.stance == Stance::Denial).count();
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("")).await, "ready");
    browser.driver.find(By::Css(option("stance", "denial"))).await.unwrap().click().await.unwrap();
    wait_count(&browser, denials).await;
    assert!(browser.url().await.ends_with("/app/?stance=denial"), "{}", browser.url().await);

    browser.driver.back().await.unwrap();
    wait_count(&browser, total).await;
    assert!(browser.url().await.ends_with("/app/"), "{}", browser.url().await);
    assert_eq!(pressed(&browser, "stance", "denial").await, "false");
    browser.driver.forward().await.unwrap();
    wait_count(&browser, denials).await;

    browser.driver.refresh().await.unwrap();
    assert_eq!(browser.wait_for_state().await, "ready");
    assert_eq!(browser.result_count().await, denials);
    assert_eq!(pressed(&browser, "stance", "denial").await, "true");

    // Typing replaces the history entry instead of adding one per keystroke.
    let before = browser.js("return history.length;").await;
    let input = browser.driver.find(By::Css("[data-testid=\"search\"]")).await.unwrap();
    input.send_keys("china").await.unwrap();
    browser.until("the search in the URL", "return location.search.includes('q=china');").await;
    assert_eq!(browser.js("return history.length;").await, before);
    browser.quit().await;
}

#[tokio::test]
async fn bad_parameters_are_noticed_and_clear_filters_empties_the_url() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?side=mars&stance=denial&from=soon&utm_source=x")).await, "ready");
    let notices = browser.text("url-notices").await;
    assert!(notices.contains("side=mars") && notices.contains("from=soon"), "{notices}");
    assert!(!notices.contains("utm_source"), "unknown parameters are ignored silently");
    let input = browser.driver.find(By::Css("[data-testid=\"search\"]")).await.unwrap();
    input.send_keys("zzzz no such claim").await.unwrap();
    wait_count(&browser, 0).await;
    assert_eq!(browser.count("empty-result").await, 1);
    browser.driver.find(By::Css("[data-testid=\"empty-result\"] button")).await.unwrap().click().await.unwrap();
    wait_count(&browser, bundled().claims.len()).await;
    assert!(browser.url().await.ends_with("/app/"), "{}", browser.url().await);
    browser.quit().await;
}

#[tokio::test]
async fn a_claim_link_opens_its_thread_in_view() {
    let d = bundled();
    // The claim with the largest thread.
    let mut sizes = std::collections::HashMap::<&str, usize>::new();
    d.claims.iter().filter_map(|c| c.incident.as_deref()).for_each(|i| *sizes.entry(i).or_default() += 1);
    let (incident, n) = sizes.iter().max_by_key(|(i, n)| (**n, *i)).map(|(i, n)| (*i, *n)).unwrap();
    let members: Vec<&str> = {
        let mut m: Vec<_> = d.claims.iter().filter(|c| c.incident.as_deref() == Some(incident)).collect();
        m.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
        m.iter().map(|c| c.id.as_str()).collect()
    };
    let target = members[n / 2];
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app(&format!("?claim={target}"))).await, "ready");
    browser.until("the thread", "return !!document.querySelector('[data-testid=\"thread\"]');").await;
    let ids = browser
        .js("return [...document.querySelectorAll('[data-testid=\"thread-claim\"]')].map(e => e.dataset.claimId);")
        .await;
    assert_eq!(ids, json!(members), "the thread lists its incident's claims in date order");
    let current = browser.js("return document.querySelector('.thread-entry.current').dataset.claimId;").await;
    assert_eq!(current, json!(target));
    browser
        .until(
            "the thread to be scrolled into view",
            "const r = document.querySelector('[data-testid=\"thread\"]').getBoundingClientRect(); return r.top >= -1 && r.top < window.innerHeight;",
        )
        .await;
    assert!(browser.count("answer-lag").await >= 1, "the thread says how long answers took");

    // Opening a thread from a card adds a history entry; closing it removes the parameter.
    browser.driver.find(By::Css("[data-testid=\"close-thread\"]")).await.unwrap().click().await.unwrap();
    browser
        .until(
            "the thread to close",
            "return !document.querySelector('[data-testid=\"thread\"]') && !location.search.includes('claim=');",
        )
        .await;
    browser.js("window.scrollTo(0, 0);").await;
    browser.driver.find(By::Css("[data-testid=\"open-thread\"]")).await.unwrap().click().await.unwrap();
    browser
        .until(
            "the thread from a card",
            "return location.search.includes('claim=') && !!document.querySelector('[data-testid=\"thread\"]');",
        )
        .await;
    browser.quit().await;
}

/// Presses keys on whatever has focus, as a person at a keyboard would.
async fn press(browser: &Browser, keys: impl Into<TypingData>) {
    browser.driver.action_chain().send_keys(keys).perform().await.expect("keys");
}

#[tokio::test]
async fn search_and_facets_work_with_the_keyboard_alone() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?data=../fixtures/small.json")).await, "ready");
    let active = "const a = document.activeElement; return a ? (a.dataset.testid || a.dataset.value || a.id || a.tagName) : null;";
    async fn tab_to(browser: &Browser, active: &str, target: &str) {
        for _ in 0..80 {
            press(browser, Key::Tab).await;
            if browser.js(active).await == json!(target) {
                return;
            }
        }
        panic!("{target} is not reachable with Tab");
    }
    // From the top of the page, Tab reaches the side facet's "China → US" option; Space selects it.
    tab_to(&browser, active, "cn-us").await;
    let outline = browser.js("return getComputedStyle(document.activeElement).outlineStyle;").await;
    assert_ne!(outline, json!("none"), "focus is visible");
    press(&browser, " ").await;
    wait_count(&browser, 4).await;
    assert_eq!(pressed(&browser, "side", "cn-us").await, "true");
    assert!(browser.url().await.contains("side=cn-us"));
    // Enter toggles it off again.
    press(&browser, Key::Enter).await;
    wait_count(&browser, 6).await;

    // Further on, the search box: typing filters.
    tab_to(&browser, active, "search").await;
    press(&browser, "cncert").await;
    wait_count(&browser, 2).await;
    browser.quit().await;
}

#[tokio::test]
async fn a_phone_sized_window_has_no_horizontal_scrolling() {
    let server = StaticServer::start();
    let browser = Browser::start(360, 780).await;
    assert_eq!(browser.open(&server.app("?claim=2024-12-18-cncert-us-advanced-materials")).await, "ready");
    let width = browser.js("return window.innerWidth;").await;
    assert_eq!(width, json!(360));
    let overflow =
        browser.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;").await;
    assert_eq!(overflow, json!(0), "the page scrolls sideways at 360 px");
    let open = browser.js("return document.querySelector('.facets-panel').open;").await;
    assert_eq!(open, json!(false), "on a phone the facets start collapsed");
    browser.quit().await;
}

/// Scrolls to `step` / `steps` of the page's height, lets the list follow, and returns the
/// ids of the cards in the DOM.
async fn cards_at(browser: &Browser, step: u32, steps: u32, settle: Duration) -> Vec<String> {
    browser
        .js(&format!(
            "window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) * {step} / {steps});"
        ))
        .await;
    tokio::time::sleep(settle).await;
    let ids = browser
        .js("return [...document.querySelectorAll('[data-testid=\"claim-card\"]')].map(c => c.dataset.claimId);")
        .await;
    ids.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

/// A deterministic synthetic dataset of `n` claims.
fn generated(n: usize) -> std::path::PathBuf {
    let dir = root().join("target/test-data");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("generated-{n}.json"));
    if path.exists() {
        return path;
    }
    let actors = json!([
        {"id": "us-a", "name": "US agency", "country": "US", "kind": "agency"},
        {"id": "cn-a", "name": "Chinese agency", "country": "CN", "kind": "agency"}
    ]);
    let claims: Vec<_> = (0..n)
        .map(|i| {
            let us = i % 2 == 0;
            json!({
                "id": format!("g{i:06}"),
                "date": format!("{}-{:02}-{:02}", 2010 + i % 16, 1 + i % 12, 1 + i % 28),
                "claimant": if us { "us-a" } else { "cn-a" },
                "accused": [if us { "cn-a" } else { "us-a" }],
                "stance": if us { "accusation" } else { "denial" },
                "headline": format!("Generated claim number {i}"),
                "summary": "A synthetic claim for testing the virtualised list.",
                "sources": [{"publisher": "Test", "url": format!("https://example.org/{i}")}]
            })
        })
        .collect();
    let data = json!({"schema": "claims-explorer/1", "title": "Generated", "updated": "2026-01-01", "license": "CC0",
                      "actors": actors, "claims": claims});
    std::fs::write(&path, data.to_string()).unwrap();
    path
}

#[tokio::test]
async fn ten_thousand_claims_keep_at_most_200_cards_in_the_dom_while_scrolling() {
    let path = generated(10_000);
    let data = read_json(&std::fs::read(path).unwrap()).unwrap().dataset;
    let oldest = cyber_claims_explorer::query::Index::build(&data)
        .run(&cyber_claims_explorer::query::Filter {
            sort: cyber_claims_explorer::query::Sort::Oldest,
            ..Default::default()
        })
        .ids;
    let first = data.claims[oldest[0] as usize].id.clone();
    let last = data.claims[*oldest.last().unwrap() as usize].id.clone();
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?data=../generated/generated-10000.json&sort=oldest")).await, "ready");
    assert_eq!(browser.result_count().await, 10_000);
    let height = browser.js("return document.documentElement.scrollHeight;").await.as_f64().unwrap();
    assert!(height > 100_000.0, "spacers stand for the cards not rendered (page height {height})");
    // Each claim's place in the list, to check that the cards shown are those at the scroll
    // position: within 3% of the list (the pages' heights not yet measured are estimates).
    let place: std::collections::HashMap<&str, usize> =
        oldest.iter().enumerate().map(|(k, &i)| (data.claims[i as usize].id.as_str(), k)).collect();
    let mut most = 0;
    let mut seen = BTreeSet::new();
    for step in 0..=60 {
        let ids = cards_at(&browser, step, 60, Duration::from_millis(80)).await;
        most = most.max(ids.len());
        assert!(!ids.is_empty(), "no cards rendered at step {step}");
        let expected = step as usize * (oldest.len() - 1) / 60;
        let nearest = ids.iter().filter_map(|id| place.get(id.as_str())).map(|&k| k.abs_diff(expected)).min();
        assert!(
            nearest.is_some_and(|d| d <= oldest.len() * 3 / 100),
            "at step {step} the cards shown are not those at the scroll position (claim {expected}; nearest shown {nearest:?} away)"
        );
        seen.extend(ids);
    }
    assert!(most <= 200, "{most} cards in the DOM at once");
    assert!(seen.contains(&first) && seen.contains(&last), "the first and last claims are reachable by scrolling");
    assert!(seen.len() > 61 * 12, "scrolling moves through the results ({} seen)", seen.len());
    browser.quit().await;
}

#[tokio::test]
async fn share_gives_the_current_address_and_search_matches_are_marked() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?data=../fixtures/small.json&q=fixture")).await, "ready");
    let marks = browser.js("return [...document.querySelectorAll('.card mark')].map(m => m.textContent);").await;
    let marks: Vec<String> = serde_json::from_value(marks).unwrap();
    assert!(!marks.is_empty() && marks.iter().all(|m| m.eq_ignore_ascii_case("fixture")), "{marks:?}");
    browser.driver.find(By::Css("[data-testid=\"share\"]")).await.unwrap().click().await.unwrap();
    browser
        .until(
            "the link to be copied or offered",
            "const b = document.querySelector('[data-testid=\"share\"]').textContent;
             const f = document.querySelector('[data-testid=\"share-url\"]');
             return b === 'Link copied' || (!!f && f.value === location.href);",
        )
        .await;
    browser.quit().await;
}

#[tokio::test]
async fn marks_follow_the_search_on_the_cards_already_shown_and_stay_text() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?data=../fixtures/small.json&q=fixture")).await, "ready");
    let headline = "UK agency warns about <b>Fixture Panda</b> tooling";
    let marks_of_c5 =
        "return [...document.querySelectorAll('[data-claim-id=\"c5\"] .headline mark')].map(m => m.textContent);";
    assert_eq!(browser.js(marks_of_c5).await, json!(["Fixture"]));
    // Keep a handle on the card, then narrow the search: the same card gets new marks.
    browser.js("window.c5 = document.querySelector('[data-claim-id=\"c5\"]'); return true;").await;
    let search = |q: &str| {
        format!(
            "const i = document.querySelector('[data-testid=\"search\"]'); i.value = {q:?};
             i.dispatchEvent(new Event('input', {{ bubbles: true }})); return true;"
        )
    };
    browser.js(&search("fixture panda")).await;
    browser
        .until("Panda to be marked too", &format!("const m = (() => {{ {marks_of_c5} }})(); return m.length === 2;"))
        .await;
    assert_eq!(browser.js(marks_of_c5).await, json!(["Fixture", "Panda"]));
    assert_eq!(browser.js("return document.querySelector('[data-claim-id=\"c5\"]') === window.c5;").await, json!(true));
    let text = "return document.querySelector('[data-claim-id=\"c5\"] .headline').textContent;";
    assert_eq!(browser.js(text).await, json!(headline));
    assert_eq!(
        browser.js("return document.querySelectorAll('.card b').length;").await,
        json!(0),
        "markup became elements"
    );
    // No search: no marks, the text as it was.
    browser.js(&search("")).await;
    browser.until("the marks to go", "return document.querySelectorAll('.card mark').length === 0;").await;
    assert_eq!(browser.js(text).await, json!(headline));
    browser.quit().await;
}

#[tokio::test]
async fn a_large_file_shows_how_far_it_has_been_read() {
    let path = generated(40_000);
    assert!(std::fs::metadata(&path).unwrap().len() > 9 << 20, "the file should be large enough to pause while read");
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    // Every text the loading line shows, from the first moment of the page.
    let watch = "window.statuses = [];
        new MutationObserver(() => {
            const s = document.querySelector('.status');
            if (s && window.statuses[window.statuses.length - 1] !== s.textContent) window.statuses.push(s.textContent);
        }).observe(document, { subtree: true, childList: true, characterData: true });";
    browser
        .driver
        .cdp()
        .send_raw("Page.addScriptToEvaluateOnNewDocument", json!({ "source": watch }))
        .await
        .expect("watch the loading line");
    assert_eq!(browser.open(&server.app("?data=../generated/generated-40000.json")).await, "ready");
    let seen: Vec<String> = serde_json::from_value(browser.js("return window.statuses;").await).unwrap();
    let shares: Vec<u32> =
        seen.iter().filter_map(|s| s.strip_prefix("Reading the claims… ")?.strip_suffix('%')?.parse().ok()).collect();
    assert!(!shares.is_empty() && shares.iter().all(|&p| p > 0 && p < 100), "{seen:?}");
    assert!(shares.windows(2).all(|w| w[0] < w[1]), "the share only grows: {seen:?}");
    assert_eq!(browser.result_count().await, 40_000);
    browser.quit().await;
}

/// The lifetimes of the page's listeners: after a second dataset replaces the first, nothing
/// of the first list may answer a scroll (its signals are gone), and the second works as the
/// first did. Any error in the page fails the test (`Browser::quit`).
#[tokio::test]
async fn a_second_dataset_by_the_file_picker_scrolls_and_searches_without_errors() {
    let path = generated(1_000);
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("")).await, "ready");
    let bundled = browser.result_count().await;
    // Scroll the bundled list a little, so that its listeners have run.
    browser.js("window.scrollTo(0, 3000);").await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    browser.js("window.scrollTo(0, 0);").await;

    let input = browser.driver.find(By::Css("[data-testid=\"open-file\"]")).await.expect("the file input");
    input.send_keys(path.to_str().unwrap()).await.expect("choose a file");
    browser
        .until(
            "the chosen file to replace the bundled data",
            "return document.getElementById('app').dataset.state === 'ready'
                && parseInt(document.querySelector('[data-testid=\"result-count\"]').textContent.replace(/,/g, ''), 10) === 1000;",
        )
        .await;
    assert_ne!(bundled, 1000);
    assert_eq!(browser.text("dataset-title").await, "Generated");

    // To the end of the list and back, a few viewports at a time.
    let mut last = BTreeSet::new();
    for step in (0..=20).chain((0..=20).rev()) {
        let ids: BTreeSet<String> = cards_at(&browser, step, 20, Duration::from_millis(60)).await.into_iter().collect();
        assert!(!ids.is_empty(), "no cards at step {step}");
        assert!(ids.iter().all(|id| id.starts_with('g')), "a card of the first dataset is shown: {ids:?}");
        if step == 20 {
            last = ids;
        }
    }
    // Newest first: the end of the list holds the oldest claims, those of 2010-01-01.
    let oldest = ["g000000", "g000336", "g000672"];
    assert!(oldest.iter().any(|id| last.contains(*id)), "the end of the list shows {last:?}");

    let search = browser.driver.find(By::Css("[data-testid=\"search\"]")).await.expect("the search box");
    search.send_keys("number 999").await.expect("type a search");
    browser
        .until(
            "the search to narrow the generated claims",
            "return parseInt(document.querySelector('[data-testid=\"result-count\"]').textContent.replace(/,/g, ''), 10) === 1;",
        )
        .await;
    assert_eq!(browser.page_errors().await, Vec::<String>::new());
    browser.quit().await;
}

/// "Download these claims": the current filter's claims, in the three formats, read back by
/// the core's own reader (JSON, CSV) or parsed as a STIX bundle.
#[tokio::test]
async fn the_filtered_claims_download_as_json_csv_and_stix() {
    let d = bundled();
    let denials: Vec<&str> = d.claims.iter().filter(|c| c.stance == Stance::Denial).map(|c| c.id.as_str()).collect();
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?stance=denial")).await, "ready");
    browser.record_downloads().await;
    let summary = browser.driver.find(By::Css("[data-testid=\"export\"] summary")).await.unwrap();
    assert_eq!(summary.text().await.unwrap(), format!("Download these {} claims", denials.len()));
    summary.click().await.unwrap();
    for format in ["json", "csv", "stix"] {
        browser.click(&format!("export-{format}")).await;
    }
    let downloads = browser.downloads(3).await;
    let file = |name: &str| {
        let d = downloads
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["name"] == name)
            .unwrap_or_else(|| panic!("{name}: {downloads}"));
        (d["type"].as_str().unwrap().to_string(), d["text"].as_str().unwrap().to_string())
    };
    let ids = |ds: &Dataset| ds.claims.iter().map(|c| c.id.clone()).collect::<BTreeSet<_>>();
    let wanted: BTreeSet<String> = denials.iter().map(|s| s.to_string()).collect();

    let (kind, json) = file("us-china-cyber-accusations-and-denials.json");
    assert_eq!(kind, "application/json");
    let back = read_json(json.as_bytes()).expect("the JSON export reads back");
    assert!(back.report.problems.is_empty(), "{:?}", back.report.problems);
    assert_eq!(ids(&back.dataset), wanted);

    let (kind, csv) = file("us-china-cyber-accusations-and-denials.csv");
    assert_eq!(kind, "text/csv;charset=utf-8");
    let back = cyber_claims_explorer::ingest::read(csv.as_bytes(), &["claims.csv"]).expect("the CSV export reads back");
    assert_eq!(ids(&back.dataset), wanted);

    let (kind, stix) = file("us-china-cyber-accusations-and-denials.stix.json");
    assert_eq!(kind, "application/json");
    let bundle: serde_json::Value = serde_json::from_str(&stix).unwrap();
    assert_eq!(bundle["type"], "bundle");
    let reports = bundle["objects"].as_array().unwrap().iter().filter(|o| o["type"] == "report").count();
    assert_eq!(reports, denials.len());
    browser.quit().await;
}

/// Printing: the browser's `beforeprint` brings every current claim into the page (not only
/// the pages near the screen), and the print style shows the claims, their sources and the
/// charts without the controls; `afterprint` goes back to the list near the screen.
#[tokio::test]
async fn printing_holds_every_current_claim_and_no_controls() {
    let d = bundled();
    let denials = d.claims.iter().filter(|c| c.stance == Stance::Denial).count();
    assert!(denials > 3 * 12, "more than the pages near the screen: {denials}");
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?view=charts&stance=denial")).await, "ready");
    let cards = "return document.querySelectorAll('[data-testid=\"claim-card\"]').length;";
    assert!(browser.js(cards).await.as_u64().unwrap() < denials as u64);
    let devtools = browser.driver.cdp();
    devtools.send_raw("Emulation.setEmulatedMedia", json!({"media": "print"})).await.unwrap();
    browser.js("window.dispatchEvent(new Event('beforeprint')); return true;").await;
    browser.until("every denial in the page", &format!("{} === {denials};", cards.trim_end_matches(';'))).await;
    let shown = browser
        .js("const shown = s => { const e = document.querySelector(s); return !!e && e.getClientRects().length > 0; };
             return ['.toolbar', '.facets-panel', '[data-testid=\"theme\"]', '[data-testid=\"export\"]', '.chart-actions',
                     '[data-testid=\"chart-timeline\"]', '.sources', '[data-testid=\"claim-card\"]'].map(shown);")
        .await;
    assert_eq!(
        shown,
        json!([false, false, false, false, false, true, true, true]),
        "controls hidden, claims and charts shown"
    );
    devtools.send_raw("Emulation.setEmulatedMedia", json!({"media": ""})).await.unwrap();
    browser.js("window.dispatchEvent(new Event('afterprint')); return true;").await;
    browser.until("the list near the screen again", &format!("{} < {denials};", cards.trim_end_matches(';'))).await;
    browser.quit().await;
}

/// The skip link keeps the search box within three key presses of the top of the page:
/// Tab (the skip link), Enter (to the results), Tab (the search box).
#[tokio::test]
async fn the_search_box_is_three_key_presses_from_the_top() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("")).await, "ready");
    let active = "const a = document.activeElement; return a ? (a.dataset.testid || a.className || a.tagName) : null;";
    press(&browser, Key::Tab).await;
    assert_eq!(browser.js(active).await, json!("skip-link"));
    press(&browser, Key::Enter).await;
    press(&browser, Key::Tab).await;
    assert_eq!(browser.js(active).await, json!("search"));
    browser.quit().await;
}

/// A quote said in Chinese is marked as a translation, and its Chinese original, where the
/// data has it, is shown with its own language.
#[tokio::test]
async fn a_translated_quote_is_marked_and_shows_its_original() {
    let d = bundled();
    let c = d.claims.iter().find(|c| c.id == "2023-05-25-mfa-rejects-volt-typhoon-advisory").unwrap();
    let q = c.quote.as_ref().unwrap();
    assert!(q.is_translation() && q.original.is_some());
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?q=extremely%20unprofessional")).await, "ready");
    let card = format!("[data-claim-id=\"{}\"]", c.id);
    browser.until("the card", &format!("return !!document.querySelector('{card}');")).await;
    let shown = browser
        .js(&format!(
            "const c = document.querySelector('{card}'), o = c.querySelector('.quote-original');
             return [!!c.querySelector('[data-testid=\"quote-translated\"]'), o && o.lang, o && o.textContent];"
        ))
        .await;
    assert_eq!(shown[0], json!(true));
    assert_eq!(shown[1], json!("zh"));
    assert!(shown[2].as_str().unwrap().contains(q.original.as_deref().unwrap()), "{shown}");
    browser.quit().await;
}

#[tokio::test]
async fn the_claims_come_first_and_the_charts_are_one_step_away() {
    let server = StaticServer::start();
    for (width, height) in [(1280, 900), (360, 740)] {
        let browser = Browser::start(width, height).await;
        assert_eq!(browser.open(&server.app("")).await, "ready");
        let top = browser
            .js("return document.querySelector('[data-testid=\"claim-card\"]').getBoundingClientRect().top;")
            .await;
        assert!(top.as_f64().unwrap() < f64::from(height) - 100.0, "{width}px: the first card starts at {top}");
        assert_eq!(browser.count("chart-timeline").await, 0, "no chart before the claims");
        show_the_charts(&browser).await;
        assert!(browser.url().await.contains("view=charts"));
        browser.driver.back().await.unwrap();
        browser
            .until(
                "the claims alone",
                "return document.querySelectorAll('canvas[data-testid^=\"chart-\"]').length === 0;",
            )
            .await;
        browser.quit().await;
    }
}

#[tokio::test]
async fn in_the_charts_view_the_cards_below_the_charts_follow_the_search() {
    let total = bundled().claims.len();
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?view=charts")).await, "ready");
    let list_top =
        browser.js("return document.querySelector('[data-testid=\"cards\"]').getBoundingClientRect().top;").await;
    assert!(list_top.as_f64().unwrap() > 900.0, "the cards are below the charts: {list_top}");
    let listed = "return parseInt(document.querySelector('[data-testid=\"cards\"]').dataset.claims, 10);";
    assert_eq!(browser.js(listed).await, json!(total));
    browser
        .js("const i = document.querySelector('[data-testid=\"search\"]'); i.value = 'salt typhoon';
             i.dispatchEvent(new Event('input', { bubbles: true })); return true;")
        .await;
    browser
        .until(
            "the count to change",
            &format!(
                "return !document.querySelector('[data-testid=\"result-count\"]').textContent.startsWith('{total} ');"
            ),
        )
        .await;
    let n = browser.result_count().await;
    assert!(n > 0 && n < total, "{n}");
    browser
        .until(
            "the cards to follow",
            &format!("return parseInt(document.querySelector('[data-testid=\"cards\"]').dataset.claims, 10) === {n};"),
        )
        .await;
    // The cards below the charts are the ones the claims view shows for the same search.
    let ids = "document.querySelector('[data-testid=\"cards\"]').scrollIntoView();
               return [...document.querySelectorAll('[data-testid=\"claim-card\"]')].slice(0, 12).map(c => c.dataset.claimId);";
    let below_the_charts = browser.js(ids).await;
    assert_eq!(below_the_charts.as_array().unwrap().len(), n.min(12));
    browser.click("view-claims").await;
    browser
        .until("the claims view", "return document.querySelectorAll('canvas[data-testid^=\"chart-\"]').length === 0;")
        .await;
    assert_eq!(browser.js(ids).await, below_the_charts);
    browser.quit().await;
}

#[tokio::test]
async fn the_typed_search_reaches_the_url_before_the_next_entry_and_before_share() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("")).await, "ready");
    // Typed, then at once a facet: the entry left behind keeps the search.
    browser
        .js("const i = document.querySelector('[data-testid=\"search\"]'); i.value = 'china';
             i.dispatchEvent(new Event('input', { bubbles: true }));
             document.querySelector('[data-testid=\"facet-stance\"] [data-value=\"denial\"]').click();
             return true;")
        .await;
    browser.until("the facet in the URL", "return location.search.includes('stance=denial');").await;
    assert!(browser.url().await.contains("q=china"), "{}", browser.url().await);
    browser.driver.back().await.unwrap();
    browser.until("the entry before the facet", "return !location.search.includes('stance=');").await;
    assert!(browser.url().await.ends_with("?q=china"), "the typed search was kept: {}", browser.url().await);
    // Typed, then at once Share: the address copied or offered holds the latest search.
    browser
        .js("const i = document.querySelector('[data-testid=\"search\"]'); i.value = 'china taiwan';
             i.dispatchEvent(new Event('input', { bubbles: true }));
             document.querySelector('[data-testid=\"share\"]').click(); return true;")
        .await;
    assert!(browser.url().await.contains("q=china%20taiwan"), "{}", browser.url().await);
    browser.quit().await;
}

#[tokio::test]
async fn printing_the_claims_view_prints_the_six_charts_of_the_current_results() {
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?stance=denial")).await, "ready");
    let canvases = "[...document.querySelectorAll('canvas[data-testid^=\"print-chart-\"]')]";
    let shown = format!("return {canvases}.filter(c => c.getClientRects().length > 0).length;");
    assert_eq!(browser.js(&shown).await, json!(0), "no chart on the screen in the claims view");
    let devtools = browser.driver.cdp();
    devtools.send_raw("Emulation.setEmulatedMedia", json!({"media": "print"})).await.unwrap();
    browser.js("window.dispatchEvent(new Event('beforeprint')); return true;").await;
    assert_eq!(browser.js(&shown).await, json!(6), "six charts on paper");
    // Each is drawn: several colours on it.
    let colours = format!(
        "return {canvases}.map(c => {{
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; const seen = new Set();
            for (let i = 0; i < d.length; i += 4 * 7) seen.add(d[i] + ',' + d[i + 1] + ',' + d[i + 2] + ',' + d[i + 3]);
            return seen.size; }});"
    );
    let colours: Vec<u64> = serde_json::from_value(browser.js(&colours).await).unwrap();
    assert!(colours.iter().all(|n| *n >= 3), "every printed chart is drawn: {colours:?}");
    browser
        .until(
            "the printed summaries",
            "return [...document.querySelectorAll('[data-testid=\"print-charts\"] .chart-summary')].every(p => p.textContent.length > 0);",
        )
        .await;
    let printed = browser
        .js("return [...document.querySelectorAll('[data-testid=\"print-charts\"] .chart-summary')].map(p => p.textContent);")
        .await;
    devtools.send_raw("Emulation.setEmulatedMedia", json!({"media": ""})).await.unwrap();
    browser.js("window.dispatchEvent(new Event('afterprint')); return true;").await;
    // They are the charts the charts view shows for the same filter, in the same order.
    show_the_charts(&browser).await;
    let on_screen = browser
        .js("return [...document.querySelectorAll('canvas[data-claims]')].map(c => c.getAttribute('aria-label'));")
        .await;
    assert_eq!(printed, on_screen);
    browser.quit().await;
}

/// `?lang=zh`: the page, its claims and its charts in Chinese, the document marked so; the
/// switch opens the same view in English, and Back returns to the Chinese one.
#[tokio::test]
async fn the_explorer_speaks_chinese_and_the_switch_returns_to_english() {
    let dataset = bundled();
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;
    assert_eq!(browser.open(&server.app("?lang=zh&stance=denial")).await, "ready");
    assert_eq!(browser.js("return document.documentElement.lang;").await, json!("zh-Hans"));
    // The Chinese catalogue, read once: the head's preload, which the page's own request found.
    let catalogue = "return performance.getEntriesByType('resource')
        .filter(e => e.name.endsWith('/locales/zh.json')).map(e => e.initiatorType);";
    assert_eq!(browser.js(catalogue).await, json!(["link"]));
    assert_eq!(browser.js("return document.querySelector('h1').textContent;").await, json!("网络声明浏览器"));
    let count = browser.text("result-count").await;
    assert!(count.contains("条声明"), "{count}");
    // The newest denial, headed in Chinese, its stance in Chinese.
    let first = browser.js("return document.querySelector('[data-testid=\"claim-card\"]').dataset.claimId;").await;
    let claim = dataset.claims.iter().find(|c| json!(c.id) == first).unwrap();
    let headline =
        browser.js("return document.querySelector('[data-testid=\"claim-card\"] .headline').textContent;").await;
    assert_eq!(headline, json!(claim.headline_zh.clone().unwrap()));
    let badge = browser.js("return document.querySelector('[data-testid=\"claim-card\"] .badge').textContent;").await;
    assert!(badge.as_str().unwrap().contains("否认"), "{badge}");
    // The charts, their summaries in Chinese.
    show_the_charts(&browser).await;
    let summary = browser.js("return document.querySelector('.chart-summary').textContent;").await;
    assert!(summary.as_str().unwrap().contains("声明"), "{summary}");
    // The switch: the same view in English.
    browser.click("language-switch").await;
    assert_eq!(browser.wait_for_state().await, "ready");
    assert_eq!(browser.js("return document.documentElement.lang;").await, json!("en"));
    assert!(browser.url().await.contains("lang=en") && browser.url().await.contains("stance=denial"));
    assert_eq!(browser.js("return document.querySelector('h1').textContent;").await, json!("Cyber Claims Explorer"));
    browser.driver.back().await.unwrap();
    assert_eq!(browser.wait_for_state().await, "ready");
    assert_eq!(browser.js("return document.documentElement.lang;").await, json!("zh-Hans"));
    browser.quit().await;
}
