//! axe-core (npm, pinned by `.ci/setup.sh browser`, in .tools/) finds no violation of the WCAG
//! 2.2 A and AA rules — target size included — on the explorer, an open thread, a phone-sized
//! explorer, and both kinds of embed.

mod support;

use support::{root, Browser, StaticServer};

/// axe's rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA.
const TAGS: &str = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']";

/// Runs axe on the page shown and returns its violations: rule id, impact and the first nodes.
async fn violations(browser: &Browser) -> Vec<String> {
    let axe = std::fs::read_to_string(root().join(".tools/node_modules/axe-core/axe.min.js"))
        .expect("axe-core in .tools/ (make test installs it: .ci/setup.sh browser)");
    // Evaluated by the driver, as a test tool, not as a script of the page.
    browser.js(&format!("{axe}; return true;")).await;
    browser
        .js(&format!(
            "window.__axe = null;
             axe.run(document, {{ runOnly: {{ type: 'tag', values: {TAGS} }} }})
                .then(r => {{ window.__axe = r.violations.map(v => v.id + ' (' + v.impact + '): '
                    + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')); }});
             return true;"
        ))
        .await;
    browser.until("axe's results", "return Array.isArray(window.__axe);").await;
    let found = browser.js("return window.__axe;").await;
    found.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn the_explorer_a_thread_and_the_embeds_have_no_wcag_violations() {
    let server = StaticServer::start();
    let wide = Browser::start(1280, 900).await;
    let phone = Browser::start(360, 740).await;
    let mut all = Vec::new();
    for (browser, page) in [
        (&wide, server.app("")),
        (&wide, server.app("?view=charts")),
        (&wide, server.app("?claim=2024-12-18-cncert-us-advanced-materials")),
        (&wide, server.app("?stance=denial&q=typhoon")),
        (&phone, server.app("")),
        (&wide, server.app("?embed=timeline")),
        (&wide, server.app("?lang=zh")),
        (&wide, server.app("?lang=zh&view=charts")),
        (&wide, server.app("?lang=zh&claim=2024-12-18-cncert-us-advanced-materials")),
        (&phone, server.app("?lang=zh")),
        (&wide, server.app("?lang=zh&embed=stances")),
    ] {
        assert_eq!(browser.open(&page).await, "ready", "{page}");
        for v in violations(browser).await {
            all.push(format!("{page}: {v}"));
        }
    }
    for page in
        ["embed/stances.html", "embed/stances.zh.html", "claims/2024-12-18-cncert-us-advanced-materials.zh.html"]
    {
        wide.driver.goto(format!("{}/app/{page}", server.base)).await.unwrap();
        for v in violations(&wide).await {
            all.push(format!("{page}: {v}"));
        }
    }
    assert!(all.is_empty(), "axe found:\n{}", all.join("\n"));
    wide.quit().await;
    phone.quit().await;
}
