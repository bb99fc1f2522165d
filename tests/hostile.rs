//! The hostile shapes (`common/hostile.rs`) load, index, answer a search and give every chart's
//! numbers, with the right answers: one incident of many claims, one claim accusing many
//! actors, many claims answering one, and a `responds_to` cycle. Sizes small enough for a
//! debug build; the benchmark (`benches/core.rs`) times them at full size.

use cyber_claims_explorer::charts::{aggregate, ChartData, ChartId, Theme};
use cyber_claims_explorer::i18n::Lang;
use cyber_claims_explorer::ingest::{read_json, Ingested, Severity};
use cyber_claims_explorer::query::{thread, thread_len, thread_window, Filter, Index};

#[path = "common/hostile.rs"]
mod hostile;
use hostile::{dataset, Shape};

fn load(shape: Shape, n: usize) -> (Ingested, Index) {
    let ingested = read_json(&dataset(shape, n)).expect("a dataset");
    let index = Index::build(&ingested.dataset);
    (ingested, index)
}

/// Every chart's numbers over `ids`, and the claims each says it counts.
fn charts(i: &Ingested, index: &Index, ids: &[u32]) -> Vec<ChartData> {
    ChartId::ALL.iter().map(|&chart| aggregate(chart, &i.dataset, index, ids, Lang::En)).collect()
}

#[test]
fn one_incident_of_many_claims() {
    let n = 3_000;
    let (i, index) = load(Shape::OneIncident, n);
    assert!(i.report.problems.is_empty(), "{:?}", &i.report.problems[..3.min(i.report.problems.len())]);
    assert_eq!(i.dataset.claims.len(), n);
    // The denial comes before every accusation: nothing answers them.
    assert!(index.first_answer.iter().all(Option::is_none));
    assert_eq!(thread_len(&i.dataset, &index, 7), n);
    assert_eq!(thread(&i.dataset, &index, 7).len(), n);
    // A window of 50 around a claim in the middle of the date order.
    let middle = index.by_date[n / 2];
    let w = thread_window(&i.dataset, &index, middle, 50);
    assert_eq!(w.entries.len(), 50);
    assert_eq!(w.before + w.entries.len() + w.after, n);
    assert_eq!(w.entries[25].claim, middle);
    assert_eq!(w.before, n / 2 - 25);
    // Near the ends the window is the first or the last 50.
    let w = thread_window(&i.dataset, &index, index.by_date[3], 50);
    assert_eq!((w.before, w.entries.len(), w.after), (0, 50, n - 50));
    let w = thread_window(&i.dataset, &index, index.by_date[n - 1], 50);
    assert_eq!((w.before, w.entries.len(), w.after), (n - 50, 50, 0));
    assert_eq!(w.entries[49].claim, index.by_date[n - 1]);
    let typed = index.run(&Filter { q: "network intru".into(), ..Filter::default() });
    let want = i.dataset.claims.iter().filter(|c| hostile::holds_network_intrusion(&c.id)).count();
    assert_eq!(want, n / 10);
    assert_eq!(typed.ids.len(), want);
    let all = index.run(&Filter::default()).ids;
    for chart in charts(&i, &index, &all) {
        if let ChartData::ResponseLag(lags) = chart {
            assert_eq!(lags.answered, 0);
        }
    }
    // Counts of thousands are written as each language writes them.
    for (lang, words) in [(Lang::En, "3,000 claims"), (Lang::Zh, "3,000 条声明")] {
        let stances = aggregate(ChartId::Stances, &i.dataset, &index, &all, lang);
        let said = cyber_claims_explorer::charts::summary(&stances, lang);
        assert!(said.contains(words) && said.contains("2,999"), "{said}");
        // The bar's total, as the chart draws it.
        let svg = cyber_claims_explorer::charts::to_svg(&stances, &Theme::LIGHT, 640, 400, lang);
        assert!(svg.lines().any(|l| l.trim() == "2,999"), "the stances chart labels its bar 2,999");
    }
}

#[test]
fn one_claim_accusing_many_actors() {
    let n = 2_000;
    let (i, index) = load(Shape::ManyAccused, n);
    assert!(i.report.problems.is_empty());
    assert_eq!(i.dataset.claims[0].accused.len(), n);
    assert_eq!(index.accused.get(0).len(), n);
    assert_eq!(index.pairs.get(0).len(), n);
    let outcome = index.run(&Filter::default());
    assert_eq!(outcome.ids.len(), 1);
    let accused_counts = outcome.counts.accused.iter().filter(|&&k| k == 1).count();
    assert_eq!(accused_counts, n);
    let mut accuse_one = Filter::default();
    accuse_one.accused.insert("a1999".into());
    assert_eq!(index.run(&accuse_one).ids.len(), 1);
    for chart in charts(&i, &index, &outcome.ids) {
        if let ChartData::Actors(m) = chart {
            assert_eq!((m.distinct_claimants, m.distinct_accused), (1, n));
            assert_eq!(m.accused.len(), 6);
            assert_eq!(m.counts, vec![vec![1; 6]]);
        }
    }
    let a = index.actor(&i.dataset, "a1234").expect("an actor the claim names");
    assert_eq!(a.name, "Actor a1234");
    assert!(index.actor(&i.dataset, "nobody").is_none());
}

#[test]
fn many_claims_answering_one() {
    let n = 2_000;
    let (i, index) = load(Shape::AnswersToOne, n);
    assert!(i.report.problems.is_empty());
    assert_eq!(i.dataset.claims.len(), n + 1);
    assert_eq!(index.first_answer[0], Some(index.by_date[1]));
    assert_eq!(index.first_answer.iter().filter(|a| a.is_some()).count(), 1);
    assert_eq!(thread_len(&i.dataset, &index, 0), n + 1);
    let w = thread_window(&i.dataset, &index, 0, 50);
    assert_eq!((w.before, w.entries.len(), w.after), (0, 50, n + 1 - 50));
    // From 1999-01-01 to the first denial, 2000-01-02.
    assert_eq!(w.entries[0].answered_after_days, Some(366));
    let all = index.run(&Filter::default()).ids;
    for chart in charts(&i, &index, &all) {
        if let ChartData::ResponseLag(lags) = chart {
            assert_eq!(lags.answered, 1);
        }
    }
}

#[test]
fn a_responds_to_cycle_loads_and_its_threads_end() {
    let n = 3_000;
    let (i, index) = load(Shape::Cycle, n);
    assert_eq!(i.dataset.claims.len(), n);
    assert_eq!(i.report.count(Severity::Error), 0);
    // Each incident's first claim answers the last of the incident before: a warning each.
    assert_eq!(i.report.count(Severity::Warning), n / 10);
    assert!(i.report.problems.iter().all(|p| p.message.to_string().contains("belongs to another incident")));
    // Every claim is answered by the next one round the cycle.
    for (c, answer) in index.first_answer.iter().enumerate() {
        assert_eq!(*answer, Some(((c + 1) % n) as u32), "claim {c}");
    }
    for c in [0, 9, 10, n as u32 - 1] {
        let t = thread(&i.dataset, &index, c);
        assert_eq!(t.len(), 10);
        // The answer from the next incident is not in this thread.
        let answered = t.iter().filter(|e| e.answered_after_days.is_some()).count();
        assert_eq!(answered, 9);
    }
    let typed = index.run(&Filter { q: "network intru".into(), ..Filter::default() });
    assert_eq!(typed.ids.len(), n / 10);
    let all = index.run(&Filter::default()).ids;
    for chart in charts(&i, &index, &all) {
        if let ChartData::ResponseLag(lags) = chart {
            assert_eq!(lags.answered, n / 10);
        }
    }
}

#[test]
fn every_shape_is_the_same_for_the_same_size_and_valid() {
    for shape in Shape::ALL {
        let bytes = dataset(shape, 30);
        assert_eq!(bytes, dataset(shape, 30), "{shape:?}");
        let i = read_json(&bytes).expect("a dataset");
        assert_eq!(i.report.count(Severity::Error), 0, "{shape:?}");
        assert!(!i.dataset.claims.is_empty());
    }
}

#[test]
fn empty_records_are_all_excluded_and_the_report_stays_bounded() {
    let n = 5_000;
    let i = read_json(&hostile::empty_records(n)).expect("a dataset, every record of it excluded");
    assert!(i.dataset.claims.is_empty());
    assert_eq!(i.report.problems.len(), cyber_claims_explorer::ingest::PROBLEMS_KEPT, "the first problems, listed");
    assert!(!i.report.more.is_empty(), "the rest, counted by kind");
    let summary = i.report.summary();
    assert!(summary.starts_with("0 claims loaded, 5,000 excluded;"), "{summary}");
    assert!(i.report.count(Severity::Error) > n, "several problems a record, every one counted: {summary}");
}
