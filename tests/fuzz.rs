//! The JSON and CSV readers under fuzzing, on stable Rust: proptest makes the inputs — the
//! fixtures and records of the bundled dataset damaged byte by byte and value by value,
//! generated spreadsheets, random bytes — and each is read whole and in random pieces through
//! `ingest::Reading`. No input may panic or hang; every split of the same bytes gives the same
//! dataset and report, or the same error; what loads holds only text (`ingest::is_removed`)
//! and tallies what it holds.
//!
//! `FUZZ_CASES` is the number of cases in all, shared by the three targets (a short run by
//! default: part of `make test`); `make fuzz` runs a million with the `fuzz` profile. A failing
//! case is shrunk and saved by proptest (`tests/fuzz.proptest-regressions`), and replayed
//! first on every later run; a case that runs for longer than `HANG` stops the run and is
//! written to the target directory.

#[path = "fuzz/inputs.rs"]
mod inputs;
#[path = "fuzz/watchdog.rs"]
mod watchdog;

use cyber_claims_explorer::ingest::{is_removed, read, IngestError, Ingested, Reading};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{FileFailurePersistence, TestCaseResult};
use serde_json::Value;

/// Cases in all when `FUZZ_CASES` is not set: a few seconds of a debug build.
const DEFAULT_CASES: u32 = 3_000;
/// The targets below, which share the cases.
const TARGETS: u32 = 3;

fn config() -> ProptestConfig {
    let total = match std::env::var("FUZZ_CASES") {
        Ok(n) => n.trim().parse().expect("FUZZ_CASES is a number of cases"),
        Err(_) => DEFAULT_CASES,
    };
    ProptestConfig {
        cases: total.div_ceil(TARGETS),
        max_shrink_iters: 4_096,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    }
}

/// The file names, addresses and content types a reading may be given.
const HINTS: &[&str] =
    &["claims.json", "claims.csv", "https://example.org/data?format=csv", "text/csv", "application/json", "data", ""];

/// Every string of a loaded dataset, keys included.
fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            out.push(k.clone());
            strings(v, out)
        }),
        _ => {}
    }
}

/// What holds for every dataset that loads.
fn holds(loaded: &Ingested) -> TestCaseResult {
    let d = &loaded.dataset;
    let r = &loaded.report;
    prop_assert_eq!(r.claims.loaded, d.claims.len());
    prop_assert_eq!(r.actors.loaded, d.actors.len());
    prop_assert_eq!(r.incidents.loaded, d.incidents.len());
    let mut texts = Vec::new();
    strings(&serde_json::to_value(d).expect("a dataset serialises"), &mut texts);
    for t in texts {
        prop_assert!(!t.contains(is_removed) && !t.contains('\r'), "text that is not plain was loaded: {:?}", t);
    }
    Ok(())
}

/// Reads `bytes` whole and in the pieces that `cuts` makes (positions, sorted; empty pieces
/// are pieces too), and compares.
fn read_both_ways(bytes: &[u8], hint: &str, cuts: &[Index]) -> TestCaseResult {
    let _watched = watchdog::watch(bytes);
    let whole = read(bytes, &[hint]);
    let mut at: Vec<usize> = cuts.iter().map(|c| c.index(bytes.len() + 1)).collect();
    at.sort_unstable();
    let mut reading = Reading::new(&[hint]);
    let mut pushed: Result<(), IngestError> = Ok(());
    let mut start = 0;
    for end in at.into_iter().chain([bytes.len()]) {
        pushed = reading.push(&bytes[start..end]);
        if pushed.is_err() {
            break;
        }
        start = end;
    }
    let pieces = pushed.and_then(|()| reading.finish());
    match (&whole, &pieces) {
        (Ok(w), Ok(p)) => {
            prop_assert_eq!(&w.report, &p.report, "the report depends on the pieces");
            prop_assert_eq!(&w.dataset, &p.dataset, "the dataset depends on the pieces");
            holds(w)
        }
        (Err(w), Err(p)) => {
            prop_assert_eq!(w, p, "the error depends on the pieces");
            prop_assert!(!w.message.to_string().is_empty());
            Ok(())
        }
        (w, p) => {
            let (w, p) = (w.as_ref().map(|_| "a dataset"), p.as_ref().map(|_| "a dataset"));
            Err(TestCaseError::fail(format!("read whole: {w:?}; in pieces: {p:?}")))
        }
    }
}

fn cuts() -> impl Strategy<Value = Vec<Index>> {
    proptest::collection::vec(any::<Index>(), 0..8)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn damaged_json_is_read_the_same_in_any_pieces(
        bytes in inputs::json(), hint in prop::sample::select(HINTS), cuts in cuts()
    ) {
        read_both_ways(&bytes, hint, &cuts)?;
    }

    #[test]
    fn damaged_csv_is_read_the_same_in_any_pieces(
        bytes in inputs::csv(), hint in prop::sample::select(HINTS), cuts in cuts()
    ) {
        read_both_ways(&bytes, hint, &cuts)?;
    }

    #[test]
    fn any_bytes_are_read_the_same_in_any_pieces(
        bytes in inputs::bytes(), hint in prop::sample::select(HINTS), cuts in cuts()
    ) {
        read_both_ways(&bytes, hint, &cuts)?;
    }
}
