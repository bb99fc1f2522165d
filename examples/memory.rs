//! Where the memory of a load goes, natively: the bytes held by the heap after each step of
//! loading a dataset and building its index, and the peak of each step. `make bench` writes
//! this into BENCHMARKS.md beside the page's own measure of its wasm memory.
//!
//!     cargo run --release --example memory -- bench-data/claims-100000.json

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use cyber_claims_explorer::ingest;
use cyber_claims_explorer::query::Index;

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1_048_576.0
}

/// Prints a row: the step, the heap in use after it, and the peak while it ran.
fn step(name: &str) {
    let (now, peak) = (IN_USE.load(Ordering::Relaxed), PEAK.swap(IN_USE.load(Ordering::Relaxed), Ordering::Relaxed));
    println!("| {name} | {:.0} | {:.0} |", mb(now), mb(peak));
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: memory DATASET.json");
    PEAK.store(IN_USE.load(Ordering::Relaxed), Ordering::Relaxed);
    println!("| step | heap in use after, MB | peak during, MB |\n|---|---|---|");
    // Read as the page reads: a piece of 1 MiB at a time.
    let mut file = std::fs::File::open(&path).expect("open the dataset");
    let mut reading = ingest::Reading::new(&[&path]);
    let mut piece = vec![0u8; 1 << 20];
    loop {
        let n = std::io::Read::read(&mut file, &mut piece).expect("read the dataset");
        if n == 0 {
            break;
        }
        reading.push(&piece[..n]).expect("a dataset");
    }
    let ingested = reading.finish().expect("a dataset");
    step(&format!(
        "parse and check, reading 1 MiB at a time ({:.0} MB file)",
        mb(std::fs::metadata(&path).unwrap().len() as usize)
    ));
    let index = Index::build(&ingested.dataset);
    step("index build");
    std::hint::black_box(&index);
}
