//! The browser benchmark (`make bench`): in headless Chromium, measured with `performance.now()`
//! in the page — navigation → `ready` for the bundled data and for 100,000 claims, a search
//! keystroke → updated count and cards (median and p95), JS heap and wasm memory, cards in the
//! DOM, and the shell's gzipped size — beside the same file loaded and filtered by a plain
//! JavaScript reference page. Writes BENCHMARKS.md with the date and the machine.

#[path = "../tests/common/hostile.rs"]
#[allow(dead_code)]
mod hostile;
#[path = "../tests/support/mod.rs"]
mod support;

use std::fmt::Write as _;
use std::process::Command;

use serde_json::{json, Value};
use support::{root, Browser, StaticServer};

const BIG: &str = "../bench-data/claims-100000.json";
const KEYS: &str = "network intrusion campaign";

/// Types `KEYS` a character at a time; for each, the time from the input event until every
/// queued task has run, until the next animation frame's work has run too, until the charts in
/// view and then all six show the new results, and until the cards follow them (the reference
/// page's cards are in its first task).
const TYPE: &str = r#"
    const input = document.querySelector('[data-testid="search"]');
    const count = document.querySelector('[data-testid="result-count"]');
    const times = [];
    const frames = [];
    const charts = [];
    const visible = [];
    const listed = [];
    let text = '';
    const profiled = window.wasmBindings && window.wasmBindings.reset_phase_times;
    if (profiled) window.wasmBindings.reset_phase_times();
    for (const ch of arguments[0]) {
        text += ch;
        const t0 = performance.now();
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise(r => setTimeout(r, 0));
        times.push(performance.now() - t0);
        await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
        frames.push(performance.now() - t0);
        // Until the charts in view, then every chart on the page, show the new results (the
        // reference has none).
        const shown = String(parseInt(count.textContent.replace(/,/g, ''), 10));
        const canvases = [...document.querySelectorAll('canvas[data-testid^="chart-"]')];
        const inView = canvases.filter(c => { const r = c.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; });
        while (inView.some(c => c.dataset.claims !== shown) && performance.now() - t0 < 3000) {
            await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
        }
        if (inView.length) visible.push(performance.now() - t0);
        while (canvases.some(c => c.dataset.claims !== shown) && performance.now() - t0 < 3000) {
            await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
        }
        if (canvases.length) charts.push(performance.now() - t0);
        // Until the cards follow too: at once where they are in view, when the page is idle
        // where they are not (below the charts, in the charts view).
        const list = document.querySelector('[data-testid="cards"]');
        while (list && list.dataset.claims !== shown && performance.now() - t0 < 3000) {
            await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
        }
        listed.push(performance.now() - t0);
        await new Promise(r => setTimeout(r, 20));
    }
    return { times, frames, charts, visible, listed, count: parseInt(count.textContent.replace(/,/g, ''), 10), cards: document.querySelectorAll('[data-testid="claim-card"]').length,
             phases: profiled ? window.wasmBindings.phase_times() : '' };
"#;

/// Whole words put into an empty search box at once, as a pasted or picked search is: no
/// earlier search narrows them. For each, the time until every queued task has run, and until
/// the charts in view and the cards show the new results (the reference has no charts, and its
/// cards are in its first task). The box is emptied
/// between two words, and that is not timed.
const PASTE: &str = r#"
    const input = document.querySelector('[data-testid="search"]');
    const count = document.querySelector('[data-testid="result-count"]');
    const set = text => { input.value = text; input.dispatchEvent(new Event('input', { bubbles: true })); };
    const times = [];
    const visible = [];
    for (const word of arguments[0]) {
        set('');
        await new Promise(r => setTimeout(r, 150));
        const before = count.textContent;
        const t0 = performance.now();
        set(word);
        await new Promise(r => setTimeout(r, 0));
        times.push(performance.now() - t0);
        if (count.textContent === before) throw new Error('"' + word + '" did not change the count');
        const shown = String(parseInt(count.textContent.replace(/,/g, ''), 10));
        const inView = [...document.querySelectorAll('canvas[data-testid^="chart-"]')]
            .filter(c => { const r = c.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; });
        const list = document.querySelector('[data-testid="cards"]');
        const behind = () => inView.some(c => c.dataset.claims !== shown) || (list && list.dataset.claims !== shown);
        while (behind() && performance.now() - t0 < 3000) {
            await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
        }
        visible.push(performance.now() - t0);
    }
    set('');
    await new Promise(r => setTimeout(r, 150));
    return { times, visible: document.querySelector('canvas') ? visible : [] };
"#;

/// The pasted words: common, middling and rare words of the generated text, and a name.
const PASTED: [&str; 8] = ["intrusion", "ministry", "alleged", "espionage", "network", "denied", "campaign", "hackers"];

/// Median times of pasted words: until the count and cards show them, and until the charts in
/// view do.
struct Pasting {
    median: f64,
    visible_median: f64,
}

async fn pasting(browser: &Browser) -> Pasting {
    let r: Value = browser.driver.execute(PASTE, vec![json!(PASTED)]).await.expect("pasting").json().clone();
    let list = |key: &str| -> Vec<f64> { r[key].as_array().unwrap().iter().map(|t| t.as_f64().unwrap()).collect() };
    eprintln!(
        "pasted words {PASTED:?}, ms each: count and cards {:?}, charts in view {:?}",
        list("times"),
        list("visible")
    );
    Pasting { median: median_of(list("times")), visible_median: median_of(list("visible")) }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let at = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[at]
}

struct Load {
    ready_ms: f64,
    /// The reference page only: navigation → its fetch and `JSON.parse` done.
    parsed_ms: f64,
    wasm_bytes: f64,
    heap_bytes: f64,
    /// The page's own profile of the load (empty for the reference page).
    phases: Vec<Phase>,
}

/// One line of the page's profile (`phase_times()` in src/ui/timing.rs).
#[derive(Clone)]
struct Phase {
    name: String,
    ms: f64,
    runs: u32,
}

fn phases(text: &str) -> Vec<Phase> {
    text.lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some(Phase { name: f.next()?.to_string(), ms: f.next()?.parse().ok()?, runs: f.next()?.parse().ok()? })
        })
        .collect()
}

/// The JS heap in use after a full garbage collection, so both pages are measured by what
/// they keep, not by garbage the collector has not got to yet.
/// Keeps the page's longest task so far in `window.__longestTask` (run before the page's own
/// scripts on each navigation).
const LONGEST_TASK: &str = "window.__longestTask = 0;
    new PerformanceObserver(l => { for (const e of l.getEntries()) window.__longestTask = Math.max(window.__longestTask, e.duration); })
      .observe({ type: 'longtask' });";

async fn retained_heap(browser: &Browser) -> f64 {
    browser.driver.cdp().send_raw("HeapProfiler.collectGarbage", json!({})).await.expect("collect garbage");
    browser.js("return performance.memory ? performance.memory.usedJSHeapSize : 0;").await.as_f64().unwrap()
}

async fn load(browser: &Browser, url: &str) -> Load {
    assert_eq!(browser.open(url).await, "ready", "{url} did not become ready");
    let v = browser
        .js("const a = document.getElementById('app');
             return [parseFloat(a.dataset.readyMs), parseFloat(a.dataset.wasmBytes || '0'), parseFloat(a.dataset.parsedMs || 'NaN'),
                     window.wasmBindings && window.wasmBindings.phase_times ? window.wasmBindings.phase_times() : ''];")
        .await;
    let heap_bytes = retained_heap(browser).await;
    Load {
        ready_ms: v[0].as_f64().unwrap(),
        wasm_bytes: v[1].as_f64().unwrap_or(0.0),
        parsed_ms: v[2].as_f64().unwrap_or(f64::NAN),
        heap_bytes,
        phases: phases(v[3].as_str().unwrap_or("")),
    }
}

struct Typing {
    /// Including the next frame (the charts).
    frame_median: f64,
    frame_p95: f64,
    /// Until the charts in view show the new results.
    visible_median: f64,
    visible_p95: f64,
    /// Until every chart shows the new results.
    charts_median: f64,
    charts_p95: f64,
    /// Until the cards follow (the reference: its first task).
    listed_median: f64,
    listed_p95: f64,
    n: usize,
    cards: u64,
    /// The page's own profile over all the keystrokes.
    phases: Vec<Phase>,
    frame_mean: f64,
}

async fn typing(browser: &Browser) -> Typing {
    let r: Value = browser.driver.execute(TYPE, vec![json!(KEYS)]).await.expect("typing").json().clone();
    let sorted = |key: &str| {
        let mut v: Vec<f64> = r[key].as_array().unwrap().iter().map(|t| t.as_f64().unwrap()).collect();
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v
    };
    // In typing order, for seeing which keystrokes are the slow ones.
    let in_order = |key: &str| -> String {
        let times = r[key].as_array().map(Vec::as_slice).unwrap_or_default();
        times.iter().map(|t| format!("{:.0}", t.as_f64().unwrap_or(f64::NAN))).collect::<Vec<_>>().join(" ")
    };
    eprintln!("keystrokes \"{KEYS}\", ms each in typing order:");
    eprintln!("  queued tasks run:      {}", in_order("times"));
    eprintln!("  charts in view shown:  {}", in_order("visible"));
    eprintln!("  cards follow:          {}", in_order("listed"));
    let (times, frames, charts, visible, listed) =
        (sorted("times"), sorted("frames"), sorted("charts"), sorted("visible"), sorted("listed"));
    Typing {
        frame_median: percentile(&frames, 0.5),
        frame_p95: percentile(&frames, 0.95),
        charts_median: percentile(&charts, 0.5),
        visible_median: percentile(&visible, 0.5),
        visible_p95: percentile(&visible, 0.95),
        charts_p95: percentile(&charts, 0.95),
        listed_median: percentile(&listed, 0.5),
        listed_p95: percentile(&listed, 0.95),
        n: times.len(),
        cards: r["cards"].as_u64().unwrap(),
        phases: phases(r["phases"].as_str().unwrap_or("")),
        frame_mean: frames.iter().sum::<f64>() / frames.len() as f64,
    }
}

fn median_of(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    percentile(&v, 0.5)
}

/// Each file of the shell — the entry HTML, the JS, the wasm and the CSS, as `make size` counts
/// them (the data and embed.js are not part of it): name, bytes, gzipped bytes.
fn shell_files() -> Vec<(String, u64, u64)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(support::dist()).expect("the built app") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let shell = [".html", ".js", ".wasm", ".css"].iter().any(|e| name.ends_with(e)) && name != "embed.js";
        if path.is_file() && shell {
            let bytes = std::fs::read(&path).expect("a file of the shell");
            // The entry HTML without its baked view, which is content, not shell.
            let counted = if name == "index.html" { unbaked(&bytes) } else { bytes.clone() };
            files.push((name, bytes.len() as u64, gzipped_len(&counted)));
        }
    }
    files.sort_by_key(|f| std::cmp::Reverse(f.2));
    files
}

/// `index.html` without the baked `<div id="baked">`, which runs to `</body>`.
fn unbaked(html: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    match (text.find("<div id=\"baked\""), text.rfind("</body>")) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &text[..a], &text[b..]).into_bytes(),
        _ => html.to_vec(),
    }
}

fn gzipped_len(bytes: &[u8]) -> u64 {
    use std::io::Write as _;
    let mut gzip = Command::new("gzip")
        .arg("-9")
        .arg("-c")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("gzip");
    // Written from a thread of its own: gzip's output is read only at the end, and a file whose
    // output outgrows the pipe would otherwise leave both sides waiting for ever.
    let mut input = gzip.stdin.take().unwrap();
    let bytes = bytes.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&bytes));
    let out = gzip.wait_with_output().expect("gzip").stdout.len() as u64;
    writer.join().expect("the writer").expect("to gzip");
    out
}

fn shell_gzip_bytes() -> u64 {
    shell_files().iter().map(|f| f.2).sum()
}

fn shell(cmd: &str) -> String {
    Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

fn verdict(value: f64, budget: f64) -> String {
    if value <= budget {
        "within".to_string()
    } else {
        format!("**over by {:.0}%**", (value / budget - 1.0) * 100.0)
    }
}

/// The verdict on a median and a p95 against the keystroke budgets (16 and 33 ms; CONTRACTS.md, Budgets).
fn verdict_pair(median: f64, p95: f64) -> String {
    let over: Vec<String> = [("median", median, 16.0), ("p95", p95, 33.0)]
        .into_iter()
        .filter(|(_, value, budget)| value > budget)
        .map(|(what, value, budget)| format!("{what} over by {:.0}%", (value / budget - 1.0) * 100.0))
        .collect();
    if over.is_empty() {
        "within".to_string()
    } else {
        format!("**{}**", over.join(", "))
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
        big_loads.push(load(&browser, &server.app(&format!("?view=charts&data={BIG}"))).await);
    }
    let big_ready = median_of(big_loads.iter().map(|l| l.ready_ms).collect());
    // Typing once the search index, built in the background after `ready`, is done.
    browser.until("the search index", "return !!document.getElementById('app').dataset.searchMs;").await;
    let ours = typing(&browser).await;
    let pasted = pasting(&browser).await;
    let after = retained_heap(&browser).await;
    // After typing, so the search index built after `ready` is counted.
    let wasm_now = browser.js("return window.wasmBindings.wasm_memory_bytes();").await.as_f64().unwrap();
    let wasm = big_loads.iter().map(|l| l.wasm_bytes).fold(wasm_now, f64::max);
    let heap = big_loads.iter().map(|l| l.heap_bytes).fold(after, f64::max);
    // The claims view, the page's default: the cards are in view, no chart is drawn.
    let mut claims_loads = Vec::new();
    for _ in 0..3 {
        claims_loads.push(load(&browser, &server.app(&format!("?data={BIG}"))).await);
    }
    let claims_ready = median_of(claims_loads.iter().map(|l| l.ready_ms).collect());
    browser.until("the search index", "return !!document.getElementById('app').dataset.searchMs;").await;
    let claims_view = typing(&browser).await;

    // 200,000 empty records: every one excluded, with several problems each; the report is
    // bounded (SECURITY.md). The longest task while the page loads says whether the tab stayed
    // responsive (the wasm's start is one of its tasks).
    let generated = root().join("target/test-data");
    std::fs::create_dir_all(&generated).unwrap();
    std::fs::write(generated.join("empty-200000.json"), hostile::empty_records(200_000)).unwrap();
    browser
        .driver
        .cdp()
        .send_raw("Page.addScriptToEvaluateOnNewDocument", json!({ "source": LONGEST_TASK }))
        .await
        .expect("watch the page's long tasks");
    let empty = load(&browser, &server.app("?data=../generated/empty-200000.json")).await;
    let empty_longest = browser.js("return window.__longestTask || 0;").await.as_f64().unwrap();
    let empty_summary = browser.text("report-summary").await;

    browser.quit().await;

    // The reference runs in a browser of its own, so neither page's memory counts for the other.
    let browser = Browser::start(1280, 900).await;
    let mut ref_loads = Vec::new();
    for _ in 0..3 {
        ref_loads
            .push(load(&browser, &format!("{}/reference/?data=../bench-data/claims-100000.json", server.base)).await);
    }
    let ref_ready = median_of(ref_loads.iter().map(|l| l.ready_ms).collect());
    let ref_parsed = median_of(ref_loads.iter().map(|l| l.parsed_ms).collect());
    let reference = typing(&browser).await;
    let ref_pasted = pasting(&browser).await;
    let ref_heap = retained_heap(&browser).await;
    browser.quit().await;

    let mb = |b: f64| b / 1_048_576.0;
    let gz = shell_gzip_bytes() as f64 / 1024.0;
    let memory = mb(heap + wasm);
    let mut t = String::new();
    writeln!(t, "| what | budget | Cyber Claims Explorer | plain-JS reference | ours ÷ reference | verdict |").unwrap();
    writeln!(t, "|---|---|---|---|---|---|").unwrap();
    writeln!(
        t,
        "| shell, gzipped (HTML+JS+WASM+CSS) | ≤ 400 KB (ceiling) | {gz:.1} KB | — | — | {} |",
        verdict(gz, 400.0)
    )
    .unwrap();
    let b = median_of(bundled.clone());
    writeln!(
        t,
        "| bundled data: navigation → ready (median of 5) | ≤ 300 ms | {b:.0} ms | — | — | {} |",
        verdict(b, 300.0)
    )
    .unwrap();
    for (view, ready) in
        [("the claims view (the default)", claims_ready), ("the charts view (six charts drawn)", big_ready)]
    {
        writeln!(
            t,
            "| 100,000 claims, {view}: navigation → ready (median of 3) | ≤ 1,500 ms | {ready:.0} ms | {ref_ready:.0} ms (to its cards) | {:.2} | {} |",
            ready / ref_ready,
            verdict(ready, 1500.0)
        )
        .unwrap();
        writeln!(
            t,
            "| 100,000 claims, {view}: navigation → ready ÷ the reference's fetch and `JSON.parse` alone | ≤ 1.5× | {ready:.0} ms | {ref_parsed:.0} ms | {:.2} | {} |",
            ready / ref_parsed,
            if ready / ref_parsed <= 1.5 { "within".to_string() } else { format!("**over by {:.0}%**", (ready / ref_parsed / 1.5 - 1.0) * 100.0) }
        )
        .unwrap();
    }
    writeln!(
        t,
        "| 100,000 claims, the claims view (the default): keystroke → count and cards, median ({} keys) | ≤ 16 ms | {:.1} ms | {:.1} ms | {:.2} | {} |",
        claims_view.n,
        claims_view.listed_median,
        reference.listed_median,
        claims_view.listed_median / reference.listed_median,
        verdict(claims_view.listed_median, 16.0)
    )
    .unwrap();
    writeln!(
        t,
        "| 100,000 claims, the claims view: keystroke → count and cards, p95 | ≤ 33 ms | {:.1} ms | {:.1} ms | {:.2} | {} |",
        claims_view.listed_p95,
        reference.listed_p95,
        claims_view.listed_p95 / reference.listed_p95,
        verdict(claims_view.listed_p95, 33.0)
    )
    .unwrap();
    writeln!(
        t,
        "| 100,000 claims, the charts view: keystroke → count and the charts in view, median / p95 | ≤ 16 / ≤ 33 ms (CONTRACTS.md, Budgets: cards and charts) | {:.1} / {:.1} ms | no charts | — | {} |",
        ours.visible_median,
        ours.visible_p95,
        verdict_pair(ours.visible_median, ours.visible_p95)
    )
    .unwrap();
    writeln!(
        t,
        "| 100,000 claims, the charts view: keystroke → end of the next frame, median / p95 | — | {:.1} / {:.1} ms | {:.1} / {:.1} ms | {:.2} | — |",
        ours.frame_median,
        ours.frame_p95,
        reference.frame_median,
        reference.frame_p95,
        ours.frame_median / reference.frame_median
    )
    .unwrap();
    writeln!(
        t,
        "| 100,000 claims, the charts view: keystroke → the cards below the charts follow (out of view, when the page is idle), median / p95 | — | {:.1} / {:.1} ms | — | — | — |",
        ours.listed_median,
        ours.listed_p95,
    )
    .unwrap();
    writeln!(
        t,
        "| 100,000 claims, the charts view: keystroke → all six charts show the new results, median / p95 | — (the four out of view follow when the page is idle) | {:.1} / {:.1} ms | no charts | — | — |",
        ours.charts_median,
        ours.charts_p95,
    )
    .unwrap();
    for (what, ms, theirs) in [
        ("every queued task has run", pasted.median, ""),
        ("count, the charts in view and the cards", pasted.visible_median, " (it has no charts)"),
    ] {
        writeln!(
            t,
            "| 100,000 claims: a pasted word → {what}, median of {} | faster than the reference | {ms:.1} ms | {:.1} ms{theirs} | {:.2} | {} |",
            PASTED.len(),
            ref_pasted.median,
            ms / ref_pasted.median,
            if ms < ref_pasted.median { "within" } else { "**slower than the reference**" }
        )
        .unwrap();
    }
    writeln!(
        t,
        "| 100,000 claims: memory (JS heap after GC + wasm) | ≤ 200 MB | {memory:.0} MB ({:.0} + {:.0}; the wasm was {:.0} at ready, before the search index) | {:.0} MB (JS heap) | {:.2} | {} |",
        mb(heap),
        mb(wasm),
        mb(big_loads.iter().map(|l| l.wasm_bytes).fold(0.0, f64::max)),
        mb(ref_heap),
        memory / mb(ref_heap),
        verdict(memory, 200.0)
    )
    .unwrap();
    writeln!(
        t,
        "| 200,000 empty records: navigation → the report (\"{empty_summary}\") | < 5,000 ms | {:.0} ms (longest task {empty_longest:.0} ms) | — | — | {} |",
        empty.ready_ms,
        verdict(empty.ready_ms, 5000.0)
    )
    .unwrap();
    writeln!(
        t,
        "| cards in the DOM after typing | ≤ 200 | {} | {} | — | {} |",
        ours.cards,
        reference.cards,
        verdict(ours.cards as f64, 200.0)
    )
    .unwrap();

    let native = std::fs::read_to_string(root().join("target/bench-native.txt")).unwrap_or_default();
    // Milliseconds per iteration of the native benchmark whose name contains `what` at 100k.
    let ms = |what: &str| -> Option<f64> {
        let line = native.lines().find(|l| l.starts_with("test 100000") && l.contains(what))?;
        let ns: String =
            line.split("bench:").nth(1)?.split("ns/iter").next()?.chars().filter(char::is_ascii_digit).collect();
        ns.parse::<f64>().ok().map(|n| n / 1e6)
    };
    let mut dominates = String::new();
    // Honesty about the peer: every row where the plain page does better, and why.
    let mut wins = Vec::new();
    if claims_ready > ref_ready {
        wins.push(format!(
            "- **Load** ({ref_ready:.0} ms against our {claims_ready:.0} ms in the claims view, {big_ready:.0} ms in the charts view): the browser's `JSON.parse` is native code, and the \
             reference then only joins and lower-cases each claim's text and shows its cards, while this app parses in wasm record by record, checks every record against the \
             dataset rules (ids, references, dates, sources) and builds the facet index before it reports ready (and, \
             in the charts view, draws six charts)."
        ));
    }
    if memory > mb(ref_heap) {
        wins.push(format!(
            "- **Memory** ({:.0} MB against our {memory:.0} MB): the reference keeps only the parsed objects; this app \
             keeps the dataset, the facet columns and the search index, and wasm memory never shrinks below the \
             high-water mark it reached while loading.",
            mb(ref_heap)
        ));
    }
    if claims_view.listed_median > reference.listed_median {
        wins.push(format!(
            "- **Keystroke** ({:.1} ms against our {:.1} ms median).",
            reference.listed_median, claims_view.listed_median
        ));
    }
    if !wins.is_empty() {
        writeln!(dominates, "## Where the plain-JS reference wins\n\n{}\n", wins.join("\n")).unwrap();
    }
    dominates.push_str("## What dominates\n\n");
    // The page's own profile (src/ui/timing.rs): a load of 100,000 claims, then a keystroke.
    // The shell: its files, and what the wasm is made of.
    writeln!(dominates, "The shell, file by file:\n\n| file | bytes | gzipped |\n|---|---|---|").unwrap();
    for (name, raw, gz) in shell_files() {
        writeln!(dominates, "| {name} | {raw} | {gz} |").unwrap();
    }
    dominates.push('\n');
    if let Some(last) = big_loads.last().filter(|l| !l.phases.is_empty()) {
        writeln!(dominates, "A load of 100,000 claims, profiled in the page (the last of the three loads):\n").unwrap();
        writeln!(dominates, "| phase | ms | share of navigation → ready |\n|---|---|---|").unwrap();
        let mut rest = last.ready_ms;
        let (before, after): (Vec<&Phase>, Vec<&Phase>) =
            last.phases.iter().partition(|p| !p.name.starts_with("after ready"));
        for p in before.into_iter().filter(|p| p.ms >= 0.5) {
            writeln!(dominates, "| {} | {:.0} | {:.0}% |", p.name, p.ms, 100.0 * p.ms / last.ready_ms).unwrap();
            rest -= p.ms;
        }
        writeln!(
            dominates,
            "| everything else: starting the page, first render of cards, facets and charts | {rest:.0} | {:.0}% |",
            100.0 * rest / last.ready_ms
        )
        .unwrap();
        for p in after {
            writeln!(dominates, "| then, not counted in ready: {} | {:.0} | — |", p.name, p.ms).unwrap();
        }
        dominates.push('\n');
    }
    if !ours.phases.is_empty() {
        let n = ours.n as f64;
        writeln!(dominates, "A keystroke at 100,000 claims, profiled in the page (mean over the {} keystrokes; mean keystroke → next frame {:.1} ms):\n", ours.n, ours.frame_mean).unwrap();
        writeln!(dominates, "| phase | ms per keystroke | runs per keystroke | share |\n|---|---|---|---|").unwrap();
        let mut rest = ours.frame_mean;
        for p in &ours.phases {
            let per = p.ms / n;
            writeln!(
                dominates,
                "| {} | {per:.2} | {:.1} | {:.0}% |",
                p.name,
                f64::from(p.runs) / n,
                100.0 * per / ours.frame_mean
            )
            .unwrap();
            rest -= per;
        }
        writeln!(
            dominates,
            "| everything else: Leptos updating the count, facets and cards; the browser's style, layout and paint | {rest:.2} | — | {:.0}% |\n",
            100.0 * rest / ours.frame_mean
        )
        .unwrap();
    }
    if let (Some(p), Some(i), Some(k), Some(c)) =
        (ms("parse"), ms("index build"), ms("search keystroke"), ms("six chart"))
    {
        writeln!(
            dominates,
            "The same work natively (criterion, below): parse and check {p:.0} ms, index build {i:.0} ms; a full search with all \
             facet counts {k:.1} ms; the six chart aggregates over all claims {c:.1} ms.\n"
        )
        .unwrap();
    }
    let memory_steps = std::fs::read_to_string(root().join("target/bench-memory.txt")).unwrap_or_default();
    if memory_steps.starts_with('|') {
        writeln!(
            dominates,
            "Memory: the page's wasm memory is its high-water mark (it never shrinks), set while loading. Natively \
             (`examples/memory.rs`, a counting allocator; wasm's 32-bit pointers make the page's figures somewhat \
             smaller), the heap of a load of the same 100,000 claims:\n\n{memory_steps}"
        )
        .unwrap();
    }
    // Written just before by `cargo bench --bench lighthouse` (make bench).
    let lighthouse = std::fs::read_to_string(root().join("target/bench-lighthouse.md")).unwrap_or_default();
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
         navigation start → `data-state=\"ready\"` (dataset loaded, cards shown and every chart of the view drawn: none in the claims view, six in the charts view; the search index is \
         built just after, or at the first search if that comes first). A keystroke is timed from the input event until \
         what the reader sees shows the new results: in the claims view (the page's default) the count and the cards; \
         in the charts view the count and the charts in view (each canvas's `data-claims`), then all six charts, and the \
         cards, which are below the six charts there (the card list's `data-claims`). What is out of view follows when \
         the page is idle, one chart at a time, so that no frame waits for what the reader does not see. The keystrokes type \"{KEYS}\" one character \
         at a time into 100,000 synthetic claims from `make bench-data`. Memory is the JS heap after a forced garbage \
         collection (both pages alike) plus the wasm memory, whose size is its high-water mark. \
         The reference page is plain JavaScript over the same file: `JSON.parse`, `Array.filter` over lower-cased text, \
         and a DOM list of the first 200 matching cards — no index, no facets, no charts. \
         These machines are shared and noisy: compare the ratios of one run, not absolute numbers across runs.\n\n{t}\n\
         {dominates}{lighthouse}## Native (criterion, `cargo bench --bench core`)\n\n{native}\n",
        date = shell("date -u '+%Y-%m-%d %H:%M UTC'"),
    );
    std::fs::write(root().join("BENCHMARKS.md"), &doc).expect("write BENCHMARKS.md");
    println!("{t}");
    println!("wrote BENCHMARKS.md");
}
