//! What real clients see: Lighthouse (npm `lighthouse`, pinned by `.ci/setup.sh`) with Debian's
//! Chromium, mobile form factor and its default simulated throttling, against the release build
//! in `dist/` served gzipped as a static host serves it. Pages: the explorer (`/`), a baked
//! embed, a claim's page, and the embed view the wasm draws (filtered embeds use it).
//!
//! Writes `target/bench-lighthouse.md`, which the browser benchmark puts into BENCHMARKS.md,
//! and each report as `target/lighthouse/<page>.json`.

#[path = "../tests/support/mod.rs"]
mod support;

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use serde_json::Value;
use support::{root, StaticServer};

/// A page Lighthouse audits, and whether the SEO budget applies to it (embeds are `noindex`).
struct Page {
    name: &'static str,
    path: String,
    seo: bool,
}

/// The budgets (CONTRACTS.md, Budgets: time to content).
const LCP_MS: f64 = 1500.0;
const PERFORMANCE: f64 = 95.0;

/// Runs per page; the table shows the run with the median performance score.
const RUNS: usize = 3;

/// One Lighthouse run of `url`; its JSON report.
fn lighthouse(url: &str, out: &Path) -> Value {
    let bin = root().join(".tools/node_modules/.bin/lighthouse");
    assert!(bin.is_file(), "Lighthouse is missing: run `.ci/setup.sh lighthouse` (make bench does)");
    let status = Command::new(&bin)
        .arg(url)
        .args(["--output=json", "--quiet", "--only-categories=performance,accessibility,best-practices,seo"])
        .arg(format!("--output-path={}", out.display()))
        .arg(
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
             --disable-background-networking --disable-component-update --disable-sync --no-first-run",
        )
        .env("CHROME_PATH", "/usr/bin/chromium")
        .status()
        .expect("run Lighthouse");
    assert!(status.success(), "Lighthouse failed on {url}");
    serde_json::from_str(&std::fs::read_to_string(out).expect("the report")).expect("a JSON report")
}

fn score(report: &Value, category: &str) -> f64 {
    report["categories"][category]["score"].as_f64().map_or(f64::NAN, |s| (s * 100.0).round())
}

fn audit_ms(report: &Value, id: &str) -> f64 {
    report["audits"][id]["numericValue"].as_f64().unwrap_or(f64::NAN)
}

/// The audits of a category that did not pass, by title.
fn failing(report: &Value, category: &str) -> Vec<String> {
    let Some(refs) = report["categories"][category]["auditRefs"].as_array() else { return Vec::new() };
    refs.iter()
        .filter(|r| r["weight"].as_f64().unwrap_or(0.0) > 0.0)
        .filter_map(|r| {
            let audit = &report["audits"][r["id"].as_str()?];
            let passed = audit["score"].as_f64().is_none_or(|s| s >= 1.0);
            (!passed)
                .then(|| format!("{} ({})", audit["title"].as_str().unwrap_or("?"), r["id"].as_str().unwrap_or("?")))
        })
        .collect()
}

fn mark(ok: bool) -> &'static str {
    if ok {
        "within"
    } else {
        "**over**"
    }
}

/// The first baked page (by name) in `dir`.
fn first_page(dir: &Path) -> String {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e} (run `make build`)", dir.display()))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".html"))
        .min()
        .unwrap_or_else(|| panic!("{}: no baked page", dir.display()))
}

fn main() {
    let dist = support::dist();
    let chart = first_page(&dist.join("embed"));
    let claim = first_page(&dist.join("claims"));
    let pages = [
        Page { name: "explorer", path: String::new(), seo: true },
        Page { name: "baked embed", path: format!("embed/{chart}"), seo: false },
        Page { name: "claim page", path: format!("claims/{claim}"), seo: true },
        Page {
            name: "embed view (wasm)",
            path: format!("?embed={}&stance=accusation", chart.trim_end_matches(".html")),
            seo: false,
        },
    ];
    let server = StaticServer::start_gzipped();
    let dir = root().join("target/lighthouse");
    std::fs::create_dir_all(&dir).expect("target/lighthouse");

    let mut t = String::new();
    writeln!(
        t,
        "| page | LCP (≤ 1.5 s) | FCP | TBT | CLS | performance (≥ 95) | accessibility (100) | best practices (100) | SEO (100 where indexed) | verdict |"
    )
    .unwrap();
    writeln!(t, "|---|---|---|---|---|---|---|---|---|---|").unwrap();
    let mut notes = String::new();
    for page in &pages {
        // Lighthouse's own advice for a noisy machine: several runs, and the median one.
        let mut runs: Vec<Value> = (0..RUNS)
            .map(|run| {
                let file = dir.join(format!("{}-{run}.json", page.name.replace([' ', '(', ')'], "-")));
                lighthouse(&server.app(&page.path), &file)
            })
            .collect();
        runs.sort_by(|a, b| score(a, "performance").total_cmp(&score(b, "performance")));
        let report = &runs[RUNS / 2];
        let lcp = audit_ms(report, "largest-contentful-paint");
        let cls = report["audits"]["cumulative-layout-shift"]["numericValue"].as_f64().unwrap_or(f64::NAN);
        let [perf, a11y, bp, seo] = ["performance", "accessibility", "best-practices", "seo"].map(|c| score(report, c));
        let ok = lcp <= LCP_MS && perf >= PERFORMANCE && a11y >= 100.0 && bp >= 100.0 && (!page.seo || seo >= 100.0);
        writeln!(
            t,
            "| {} (`/{}`) | {:.0} ms | {:.0} ms | {:.0} ms | {:.3} | {perf:.0} | {a11y:.0} | {bp:.0} | {seo:.0}{} | {} |",
            page.name,
            page.path,
            lcp,
            audit_ms(report, "first-contentful-paint"),
            audit_ms(report, "total-blocking-time"),
            cls,
            if page.seo { "" } else { " (noindex)" },
            mark(ok)
        )
        .unwrap();
        for category in ["performance", "accessibility", "best-practices", "seo"] {
            if category == "seo" && !page.seo {
                continue;
            }
            let failed = failing(report, category);
            if !failed.is_empty() {
                writeln!(notes, "- {}, {category}: {}", page.name, failed.join("; ")).unwrap();
            }
        }
    }
    let version = Command::new(root().join(".tools/node_modules/.bin/lighthouse"))
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let doc = format!(
        "## Time to content (Lighthouse {version})\n\n\
         Lighthouse's mobile defaults (simulated slow 4G and a 4× slower CPU) with Debian's Chromium, against `dist/` \
         served gzipped; of {RUNS} runs per page, the one with the median performance score. The baked embed is what the Embed button's snippet points at without filters; the embed view \
         is the page's own, drawn by the wasm, which a filtered embed uses.\n\n{t}\n{}",
        if notes.is_empty() { String::new() } else { format!("Audits that did not pass:\n\n{notes}\n") }
    );
    std::fs::write(root().join("target/bench-lighthouse.md"), &doc).expect("write target/bench-lighthouse.md");
    println!("{doc}");
}
