//! Hangs: a reader that loops for ever would stall the fuzzer without a word. Each case is
//! watched while it runs; one that runs longer than [`HANG`] has its input written to the
//! target directory and ends the run.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

/// Longer than any case takes, even the whole bundled dataset read twice in a debug build.
pub const HANG: Duration = Duration::from_secs(60);

type Running = Mutex<HashMap<ThreadId, (Instant, Vec<u8>)>>;

fn running() -> &'static Running {
    static RUNNING: OnceLock<Running> = OnceLock::new();
    RUNNING.get_or_init(|| {
        thread::spawn(|| loop {
            thread::sleep(Duration::from_secs(1));
            let cases = running().lock().unwrap_or_else(|e| e.into_inner());
            if let Some((since, input)) = cases.values().find(|(since, _)| since.elapsed() > HANG) {
                let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-hang.bin");
                let _ = std::fs::write(&path, input);
                eprintln!("a case has run for {:?}: its input is in {}", since.elapsed(), path.display());
                std::process::exit(101);
            }
        });
        Mutex::new(HashMap::new())
    })
}

/// The case running on this thread, watched until it is dropped.
pub struct Watched;

/// Watches the case on `input` that this thread runs now.
pub fn watch(input: &[u8]) -> Watched {
    let mut cases = running().lock().unwrap_or_else(|e| e.into_inner());
    cases.insert(thread::current().id(), (Instant::now(), input.to_vec()));
    Watched
}

impl Drop for Watched {
    fn drop(&mut self) {
        running().lock().unwrap_or_else(|e| e.into_inner()).remove(&thread::current().id());
    }
}
