//! Native benchmarks of the core at 10,000 and 100,000 claims: parse, index build, a filter
//! change (a search keystroke, a facet click), and the chart aggregates of a result. Then the
//! hostile inputs (`tests/common/hostile.rs`, and a file of 200,000 empty records) beside the
//! ordinary 100,000-claim file: a load (parse, check, index build) and a keystroke (the
//! search with every facet count, and the six chart aggregates of its result), with each
//! one's ratio to the ordinary file's, measured in the same run.
//! Needs `make bench-data` first (synthetic datasets in bench-data/).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use cyber_claims_explorer::charts::{aggregate, ChartId};
use cyber_claims_explorer::i18n::Lang;
use cyber_claims_explorer::ingest::read_json;
use cyber_claims_explorer::model::Stance;
use cyber_claims_explorer::query::{Filter, Index, TextCache};

#[path = "../tests/common/hostile.rs"]
mod hostile;

fn load(n: usize) -> Option<Vec<u8>> {
    let path = format!("{}/bench-data/claims-{n}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).map_err(|e| eprintln!("skipping {n}: {path}: {e} (run `make bench-data`)")).ok()
}

fn core(c: &mut Criterion) {
    for n in [10_000usize, 100_000] {
        let Some(bytes) = load(n) else { continue };
        let mut group = c.benchmark_group(format!("{n} claims"));
        group.sample_size(10);
        group
            .bench_function(BenchmarkId::new("parse + check", n), |b| b.iter(|| read_json(black_box(&bytes)).unwrap()));
        let dataset = read_json(&bytes).unwrap().dataset;
        group.bench_function(BenchmarkId::new("index build", n), |b| b.iter(|| Index::build(black_box(&dataset))));
        let index = Index::build(&dataset);
        let typed = Filter { q: "network intru".into(), ..Filter::default() };
        group.bench_function(BenchmarkId::new("search keystroke (ids + all facet counts)", n), |b| {
            b.iter(|| index.run(black_box(&typed)))
        });
        // What the page does while "network intrusion campaign" is typed one character at a
        // time: every prefix, through the text cache (ui/explorer.rs).
        let phrase = "network intrusion campaign";
        let prefixes: Vec<Filter> =
            (1..=phrase.len()).map(|k| Filter { q: phrase[..k].into(), ..Filter::default() }).collect();
        group.bench_function(BenchmarkId::new("typing 26 keystrokes through the text cache (total)", n), |b| {
            b.iter(|| {
                let mut cache = TextCache::default();
                for f in &prefixes {
                    black_box(index.run_cached(black_box(f), &mut cache));
                }
            })
        });
        let mut clicked = Filter::default();
        clicked.stances.insert(Stance::Denial);
        group.bench_function(BenchmarkId::new("facet click (ids + all facet counts)", n), |b| {
            b.iter(|| index.run(black_box(&clicked)))
        });
        let ids = index.run(&Filter::default()).ids;
        group.bench_function(BenchmarkId::new("six chart aggregates, all claims", n), |b| {
            b.iter(|| ChartId::ALL.map(|chart| aggregate(chart, &dataset, &index, black_box(&ids), Lang::En)))
        });
        for chart in ChartId::ALL {
            group.bench_function(BenchmarkId::new(format!("chart aggregate {}, all claims", chart.as_str()), n), |b| {
                b.iter(|| aggregate(chart, &dataset, &index, black_box(&ids), Lang::En))
            });
        }
        let bytes = index.heap_bytes();
        eprintln!(
            "{n} claims: index holds {} bytes (search {} over {} tokens, columns {}, maps {})",
            bytes.total(),
            bytes.search,
            index.search().tokens(),
            bytes.columns,
            bytes.maps
        );
        group.finish();
    }
}

/// A load as the page does it: parse and check, then the index (with its search).
fn load_and_index(bytes: &[u8]) -> (cyber_claims_explorer::ingest::Ingested, Index) {
    let ingested = read_json(bytes).expect("a dataset");
    let index = Index::build(&ingested.dataset);
    (ingested, index)
}

/// A keystroke as the page answers it: the ids and every facet count, then the six charts'
/// numbers for the result.
fn keystroke(ingested: &cyber_claims_explorer::ingest::Ingested, index: &Index, filter: &Filter) {
    let outcome = index.run(filter);
    black_box(ChartId::ALL.map(|chart| aggregate(chart, &ingested.dataset, index, &outcome.ids, Lang::En)));
}

/// The median of three runs of `f`, for the ratios printed after the rows, all measured in
/// the same run (criterion's own estimates are printed with each row).
fn median_of_three(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[1]
}

fn hostile_inputs(c: &mut Criterion) {
    use hostile::Shape;
    let Some(ordinary) = load(100_000) else { return };
    let typed = Filter { q: "network intru".into(), ..Filter::default() };
    let mut inputs: Vec<(String, Vec<u8>)> = vec![("ordinary 100000 claims".into(), ordinary)];
    for shape in Shape::ALL {
        let n = shape.bench_size();
        inputs.push((shape.name(n), hostile::dataset(shape, n)));
    }
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for (name, bytes) in &inputs {
        group.bench_function(format!("{name}: load (parse, check, index)"), |b| {
            b.iter(|| load_and_index(black_box(bytes)))
        });
        let (ingested, index) = load_and_index(bytes);
        group.bench_function(format!("{name}: keystroke (ids, facet counts, six charts)"), |b| {
            b.iter(|| keystroke(&ingested, &index, black_box(&typed)))
        });
    }
    let empty = hostile::empty_records(200_000);
    group.bench_function("200000 empty records: parse + check", |b| b.iter(|| read_json(black_box(&empty)).unwrap()));
    group.finish();

    // The ratios, all measured here in one run.
    let measured: Vec<(String, Duration, Duration)> = inputs
        .iter()
        .map(|(name, bytes)| {
            let load = median_of_three(|| drop(black_box(load_and_index(bytes))));
            let (ingested, index) = load_and_index(bytes);
            let key = median_of_three(|| {
                for _ in 0..10 {
                    keystroke(&ingested, &index, &typed)
                }
            }) / 10;
            (name.clone(), load, key)
        })
        .collect();
    let (_, base_load, base_key) = measured[0].clone();
    // On stdout, as "test …" lines like criterion's bencher output, so that `make bench` keeps
    // them in target/bench-native.txt and BENCHMARKS.md.
    for (name, load, key) in &measured {
        println!(
            "test hostile/ratio to the ordinary file (median of 3)/{name} ... load {:.0} ms ({:.2}×), keystroke {:.2} ms ({:.2}×)",
            load.as_secs_f64() * 1e3,
            load.as_secs_f64() / base_load.as_secs_f64(),
            key.as_secs_f64() * 1e3,
            key.as_secs_f64() / base_key.as_secs_f64()
        );
    }
    let report = read_json(&empty).unwrap().report;
    let time = median_of_three(|| drop(black_box(read_json(&empty).unwrap())));
    println!(
        "test hostile/200000 empty records ({} bytes), median of 3 ... parse + check {:.0} ms; {} problems listed, {} kinds counted; \"{}\"",
        empty.len(),
        time.as_secs_f64() * 1e3,
        report.problems.len(),
        report.more.len(),
        report.summary()
    );
}

criterion_group!(benches, core, hostile_inputs);
criterion_main!(benches);
