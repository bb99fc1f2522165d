//! Where the page's time goes, by phase, for the benchmark's profile (`make bench`): the total
//! milliseconds and the number of runs of each phase since the last reset. The page's entry
//! point exports them to JavaScript as `phase_times()` and `reset_phase_times()`. Bounded: one
//! entry per phase name, whatever the session's length.

use std::cell::RefCell;

thread_local! {
    static TOTALS: RefCell<Vec<(&'static str, f64, u32)>> = const { RefCell::new(Vec::new()) };
}

/// Milliseconds since navigation started.
pub fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
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

/// Runs `work`, adding its duration to the phase's total.
pub fn timed<T>(phase: &'static str, work: impl FnOnce() -> T) -> T {
    let start = now();
    let out = work();
    record(phase, now() - start);
    out
}

/// One line per phase: name, total milliseconds, runs (tab-separated).
pub fn report() -> String {
    TOTALS.with_borrow(|totals| totals.iter().map(|(phase, ms, runs)| format!("{phase}\t{ms:.3}\t{runs}\n")).collect())
}

pub fn reset() {
    TOTALS.with_borrow_mut(Vec::clear);
}
