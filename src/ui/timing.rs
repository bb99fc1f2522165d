//! Where the page's time goes, by phase, for the benchmark's profile (`make bench`): the total
//! milliseconds and the number of runs of each phase since the last reset. Only builds with
//! the `bench` feature keep it; the entry point then exports `phase_times()`,
//! `reset_phase_times()` and `wasm_memory_bytes()`, and the root gets `data-ready-ms` and
//! `data-wasm-bytes` when the page is first ready, and `data-search-ms` when its search index is built. In the published build `timed` just runs its
//! work. Bounded: one entry per phase name, whatever the session's length.

/// Milliseconds since navigation started.
pub fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

#[cfg(feature = "bench")]
mod profile {
    use std::cell::RefCell;

    use wasm_bindgen::JsCast;

    thread_local! {
        static TOTALS: RefCell<Vec<(&'static str, f64, u32)>> = const { RefCell::new(Vec::new()) };
    }

    /// Adds `ms` to the phase's total.
    pub fn record(phase: &'static str, ms: f64) {
        TOTALS.with_borrow_mut(|totals| match totals.iter_mut().find(|(p, _, _)| *p == phase) {
            Some((_, total, runs)) => {
                *total += ms;
                *runs += 1;
            }
            None => totals.push((phase, ms, 1)),
        });
    }

    /// One line per phase: name, total milliseconds, runs (tab-separated).
    pub fn report() -> String {
        TOTALS.with_borrow(|totals| {
            totals.iter().map(|(phase, ms, runs)| format!("{phase}\t{ms:.3}\t{runs}\n")).collect()
        })
    }

    pub fn reset() {
        TOTALS.with_borrow_mut(Vec::clear);
    }

    /// The bytes of the wasm memory: its high-water mark, since it never shrinks.
    pub fn wasm_memory_bytes() -> f64 {
        let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
        f64::from(memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length())
    }

    /// Marks the root with how long the page took to be ready since navigation started, and
    /// the wasm memory at that moment.
    pub fn mark_ready(root: &web_sys::Element) {
        let _ = root.set_attribute("data-ready-ms", &format!("{:.1}", super::now()));
        let _ = root.set_attribute("data-wasm-bytes", &wasm_memory_bytes().to_string());
    }

    /// Marks the root with when the search index was built (`data-search-ms`), so that the
    /// benchmark types only after it, as a reader who has read the first cards would.
    pub fn mark_search_built() {
        let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
        if let Some(root) = root {
            let _ = root.set_attribute("data-search-ms", &format!("{:.1}", super::now()));
        }
    }
}

#[cfg(feature = "bench")]
pub use profile::{mark_ready, mark_search_built, record, report, reset, wasm_memory_bytes};

/// Adds `ms` to the phase's total (benchmark builds only).
#[cfg(not(feature = "bench"))]
pub fn record(_phase: &'static str, _ms: f64) {}

/// Runs `work`, adding its duration to the phase's total in benchmark builds.
#[cfg(feature = "bench")]
pub fn timed<T>(phase: &'static str, work: impl FnOnce() -> T) -> T {
    let start = now();
    let out = work();
    record(phase, now() - start);
    out
}

/// Runs `work` (the published build keeps no profile).
#[cfg(not(feature = "bench"))]
pub fn timed<T>(_phase: &'static str, work: impl FnOnce() -> T) -> T {
    work()
}
