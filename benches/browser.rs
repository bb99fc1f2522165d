//! The browser benchmark (`make bench`): in headless Chromium, measured with `performance.now()`
//! in the page — navigation → `ready` for the bundled data and for 100,000 claims, a search
//! keystroke → updated count and cards (median and p95), JS heap and wasm memory, cards in the
//! DOM, and the shell's gzipped size — beside the same file loaded and filtered by a plain
//! JavaScript reference page. Writes BENCHMARKS.md with the date and the machine.

#[path = "../tests/support/mod.rs"]
mod support;

use std::fmt::Write as _;
use std::process::Command;

use serde_json::{json, Value};
use support::{root, Browser, StaticServer};

const BIG: &str = "../bench-data/claims-100000.json";
const KEYS: &str = "network intrusion campaign";

/// Types `KEYS` a character at a time; for each, the time from the input event until the
/// count and cards are updated and every queued task has run, and until the next animation
/// frame's work (the charts' update) has run too.
const TYPE: &str = r#"
    const input = document.querySelector('[data-testid="search"]');
    const count = document.querySelector('[data-testid="result-count"]');
    const times = [];
    const frames = [];
    let text = '';
    for (const ch of arguments[0]) {
        text += ch;
        const t0 = performance.now();
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise(r => setTimeout(r, 0));
        times.push(performance.now() - t0);
        await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
        frames.push(performance.now() - t0);
        await new Promise(r => setTimeout(r, 20));
    }
    return { times, frames, count: parseInt(count.textContent, 10), cards: document.querySelectorAll('[data-testid="claim-card"]').length };
"#;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let at = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[at]
}

struct Load {
    ready_ms: f64,
    wasm_bytes: f64,
    heap_bytes: f64,
}

async fn load(browser: &Browser, url: &str) -> Load {
    assert_eq!(browser.open(url).await, "ready", "{url} did not become ready");
    let v = browser
        .js("const a = document.getElementById('app');
             return [parseFloat(a.dataset.readyMs), parseFloat(a.dataset.wasmBytes || '0'), performance.memory ? performance.memory.usedJSHeapSize : 0];")
        .await;
    Load { ready_ms: v[0].as_f64().unwrap(), wasm_bytes: v[1].as_f64().unwrap_or(0.0), heap_bytes: v[2].as_f64().unwrap() }
}

struct Typing {
    median: f64,
    p95: f64,
    /// Including the next frame (the charts).
    frame_median: f64,
    frame_p95: f64,
    n: usize,
    cards: u64,
}

async fn typing(browser: &Browser) -> Typing {
    let r: Value = browser.driver.execute(TYPE, vec![json!(KEYS)]).await.expect("typing").json().clone();
    let sorted = |key: &str| {
        let mut v: Vec<f64> = r[key].as_array().unwrap().iter().map(|t| t.as_f64().unwrap()).collect();
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v
    };
    let (times, frames) = (sorted("times"), sorted("frames"));
    Typing {
        median: percentile(&times, 0.5),
        p95: percentile(&times, 0.95),
        frame_median: percentile(&frames, 0.5),
        frame_p95: percentile(&frames, 0.95),
        n: times.len(),
        cards: r["cards"].as_u64().unwrap(),
    }
}

fn median_of(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    percentile(&v, 0.5)
}

fn shell_gzip_bytes() -> u64 {
    let mut total = 0;
    for entry in std::fs::read_dir(root().join("dist")).expect("dist/") {
        let path = entry.unwrap().path();
        if path.is_file() {
            let out = Command::new("gzip").arg("-9").arg("-c").arg(&path).output().expect("gzip");
            total += out.stdout.len() as u64;
        }
    }
    total
}

fn shell(cmd: &str) -> String {
    Command::new("sh").arg("-c").arg(cmd).output().map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string()).unwrap_or_default()
}

fn verdict(value: f64, budget: f64) -> String {
    if value <= budget {
        "within".to_string()
    } else {
        format!("**over by {:.0}%**", (value / budget - 1.0) * 100.0)
    }
}

#[tokio::main]
async fn main() {
    assert!(root().join("bench-data/claims-100000.json").is_file(), "run `make bench-data` first");
    let server = StaticServer::start();
    let browser = Browser::start(1280, 900).await;

    let bundled: Vec<f64> = {
        let mut v = Vec::new();
        for _ in 0..5 {
            v.push(load(&browser, &server.app("")).await.ready_ms);
        }
        v
    };
    let mut big_loads = Vec::new();
    for _ in 0..3 {
        big_loads.push(load(&browser, &server.app(&format!("?data={BIG}"))).await);
    }
    let big_ready = median_of(big_loads.iter().map(|l| l.ready_ms).collect());
    let ours = typing(&browser).await;
    let after = browser.js("return performance.memory ? performance.memory.usedJSHeapSize : 0;").await.as_f64().unwrap();
    let wasm = big_loads.iter().map(|l| l.wasm_bytes).fold(0.0, f64::max);
    let heap = big_loads.iter().map(|l| l.heap_bytes).fold(after, f64::max);

    browser.quit().await;

    // The reference runs in a browser of its own, so neither page's memory counts for the other.
    let browser = Browser::start(1280, 900).await;
    let mut ref_loads = Vec::new();
    for _ in 0..3 {
        ref_loads.push(load(&browser, &format!("{}/reference/?data=../bench-data/claims-100000.json", server.base)).await);
    }
    let ref_ready = median_of(ref_loads.iter().map(|l| l.ready_ms).collect());
    let reference = typing(&browser).await;
    let ref_heap = browser.js("return performance.memory ? performance.memory.usedJSHeapSize : 0;").await.as_f64().unwrap();
    browser.quit().await;

    let mb = |b: f64| b / 1_048_576.0;
    let gz = shell_gzip_bytes() as f64 / 1024.0;
    let memory = mb(heap + wasm);
    let mut t = String::new();
    writeln!(t, "| what | budget | Cyber Claims Explorer | plain-JS reference | ours ÷ reference | verdict |").unwrap();
    writeln!(t, "|---|---|---|---|---|---|").unwrap();
    writeln!(t, "| shell, gzipped (HTML+JS+WASM+CSS) | ≤ 150 KB | {gz:.1} KB | — | — | {} |", verdict(gz, 150.0)).unwrap();
    let b = median_of(bundled.clone());
    writeln!(t, "| bundled data: navigation → ready (median of 5) | ≤ 300 ms | {b:.0} ms | — | — | {} |", verdict(b, 300.0)).unwrap();
    writeln!(
        t,
        "| 100,000 claims: navigation → ready (median of 3) | ≤ 1,500 ms | {big_ready:.0} ms | {ref_ready:.0} ms | {:.2} | {} |",
        big_ready / ref_ready,
        verdict(big_ready, 1500.0)
    )
    .unwrap();
    writeln!(
        t,
        "| 100,000 claims: keystroke → count and cards, median ({} keys) | ≤ 16 ms | {:.1} ms | {:.1} ms | {:.2} | {} |",
        ours.n,
        ours.median,
        reference.median,
        ours.median / reference.median,
        verdict(ours.median, 16.0)
    )
    .unwrap();
    writeln!(
        t,
        "| 100,000 claims: keystroke, p95 | ≤ 33 ms | {:.1} ms | {:.1} ms | {:.2} | {} |",
        ours.p95,
        reference.p95,
        ours.p95 / reference.p95,
        verdict(ours.p95, 33.0)
    )
    .unwrap();
    writeln!(
        t,
        "| 100,000 claims: keystroke → end of the next frame, median / p95 | — | {:.1} / {:.1} ms | {:.1} / {:.1} ms | {:.2} | — |",
        ours.frame_median,
        ours.frame_p95,
        reference.frame_median,
        reference.frame_p95,
        ours.frame_median / reference.frame_median
    )
    .unwrap();
    writeln!(
        t,
        "| 100,000 claims: memory (JS heap + wasm) | ≤ 200 MB | {memory:.0} MB ({:.0} + {:.0}) | {:.0} MB (JS heap) | {:.2} | {} |",
        mb(heap),
        mb(wasm),
        mb(ref_heap),
        memory / mb(ref_heap),
        verdict(memory, 200.0)
    )
    .unwrap();
    writeln!(t, "| cards in the DOM after typing | ≤ 200 | {} | {} | — | {} |", ours.cards, reference.cards, verdict(ours.cards as f64, 200.0)).unwrap();

    let native = std::fs::read_to_string(root().join("target/bench-native.txt")).unwrap_or_default();
    // Milliseconds per iteration of the native benchmark whose name contains `what` at 100k.
    let ms = |what: &str| -> Option<f64> {
        let line = native.lines().find(|l| l.starts_with("test 100000") && l.contains(what))?;
        let ns: String = line.split("bench:").nth(1)?.split("ns/iter").next()?.chars().filter(char::is_ascii_digit).collect();
        ns.parse::<f64>().ok().map(|n| n / 1e6)
    };
    let dominates = match (ms("parse"), ms("index build"), ms("search keystroke"), ms("six chart")) {
        (Some(p), Some(i), Some(k), Some(c)) => format!(
            "## What dominates\n\nThe native profile of the same 100,000 claims (below): a load is parse and check \
             {p:.0} ms + index build {i:.0} ms before anything is drawn; a keystroke that still matches most claims is a \
             full search with all facet counts {k:.1} ms + the six chart aggregates {c:.1} ms, then the charts are drawn \
             and the cards rebuilt. The page runs the same code compiled to wasm, slower than native.\n\n"
        ),
        _ => String::new(),
    };
    let native: String = native.lines().filter(|l| l.starts_with("test ")).map(|l| format!("    {l}\n")).collect();
    let machine = format!(
        "{} cores ({}), {} memory, {}; {}",
        shell("nproc"),
        shell("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"),
        shell("free -h | awk '/Mem:/ {print $2}'"),
        shell("uname -sr"),
        shell("chromium --version 2>/dev/null")
    );
    let doc = format!(
        "# Benchmarks\n\nWritten by `make bench` on {date}.\n\nMachine: {machine}.\n\n\
         Measured in headless Chromium on localhost with `performance.now()` in the page: \
         navigation start → `data-state=\"ready\"` (dataset loaded, cards and every chart drawn), and for a keystroke \
         the time from the input event until the count, the cards and the charts' drawings are updated and every queued task \
         has run (the painting of each chart's SVG follows once the browser has decoded it), and the same up to the end of \
         the next animation frame \
         (typing \"{KEYS}\" one character at a time into 100,000 synthetic claims from `make bench-data`). \
         The reference page is plain JavaScript over the same file: `JSON.parse`, `Array.filter` over lower-cased text, \
         and a DOM list of the first 200 matching cards — no index, no facets, no charts. \
         These machines are shared and noisy: compare the ratios of one run, not absolute numbers across runs.\n\n{t}\n\
         {dominates}## Native (criterion, `cargo bench --bench core`)\n\n{native}\n",
        date = shell("date -u '+%Y-%m-%d %H:%M UTC'"),
    );
    std::fs::write(root().join("BENCHMARKS.md"), &doc).expect("write BENCHMARKS.md");
    println!("{t}");
    println!("wrote BENCHMARKS.md");
}
