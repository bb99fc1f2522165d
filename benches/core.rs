//! Native benchmarks of the core at 10,000 and 100,000 claims: parse, index build, a filter
//! change (a search keystroke, a facet click), and the chart aggregates of a result.
//! Needs `make bench-data` first (synthetic datasets in bench-data/).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use cyber_claims_explorer::charts::{aggregate, ChartId};
use cyber_claims_explorer::ingest::read_json;
use cyber_claims_explorer::model::Stance;
use cyber_claims_explorer::query::{Filter, Index, TextCache};

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
            b.iter(|| ChartId::ALL.map(|chart| aggregate(chart, &dataset, &index, black_box(&ids))))
        });
        for chart in ChartId::ALL {
            group.bench_function(BenchmarkId::new(format!("chart aggregate {}, all claims", chart.as_str()), n), |b| {
                b.iter(|| aggregate(chart, &dataset, &index, black_box(&ids)))
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

criterion_group!(benches, core);
criterion_main!(benches);
