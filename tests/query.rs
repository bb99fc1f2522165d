//! The explorer's core: facet counts, search semantics, threads, and URL state ⇄ filter under
//! property tests.

use std::collections::BTreeSet;

use cyber_claims_explorer::ingest::read_json;
use cyber_claims_explorer::model::{Dataset, Side, Stance};
use cyber_claims_explorer::query::{thread, thread_len, Facet, Filter, Index, Sort};
use cyber_claims_explorer::url_state::{parse, to_query, ViewState};
use proptest::prelude::*;

fn small() -> Dataset {
    read_json(include_bytes!("fixtures/small.json")).unwrap().dataset
}

fn ids(d: &Dataset, index: &Index, f: &Filter) -> Vec<String> {
    index.run(f).ids.iter().map(|&i| d.claims[i as usize].id.clone()).collect()
}

fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    items.into_iter().collect()
}

#[test]
fn no_filter_gives_every_claim_newest_first_or_oldest_first() {
    let d = small();
    let index = Index::build(&d);
    assert_eq!(ids(&d, &index, &Filter::default()), ["c6", "c5", "c4", "c3", "c2", "c1"]);
    let oldest = Filter { sort: Sort::Oldest, ..Filter::default() };
    assert_eq!(ids(&d, &index, &oldest), ["c1", "c2", "c3", "c4", "c5", "c6"]);
}

#[test]
fn facet_counts_apply_every_other_facet() {
    let d = small();
    let index = Index::build(&d);
    let all = index.run(&Filter::default()).counts;
    assert_eq!(all.side, [1, 4, 1]);
    assert_eq!(all.answered, [5, 1], "only c1 was answered (by c2)");
    assert_eq!(all.year, [2, 0, 1, 1, 1, 1], "2019..=2024, empty years included");

    let cn_us = Filter { sides: set([Side::CnUs]), ..Filter::default() };
    let outcome = index.run(&cn_us);
    assert_eq!(ids(&d, &index, &cn_us), ["c6", "c4", "c3", "c2"]);
    assert_eq!(outcome.counts.side, [1, 4, 1], "a facet's own selection does not narrow its counts");
    let stance = |s: Stance| outcome.counts.stance[Stance::ALL.iter().position(|x| *x == s).unwrap()];
    assert_eq!((stance(Stance::Accusation), stance(Stance::Denial), stance(Stance::CounterAccusation)), (2, 1, 1));
    assert_eq!(stance(Stance::Indictment), 0, "c1 is US→China");

    let both = Filter { stances: set([Stance::Accusation]), ..cn_us.clone() };
    let outcome = index.run(&both);
    assert_eq!(ids(&d, &index, &both), ["c6", "c3"]);
    assert_eq!(outcome.counts.side, [0, 2, 0]);
    let cncert = index.actors.position("cncert").unwrap() as usize;
    assert_eq!(outcome.counts.claimant[cncert], 2);
}

#[test]
fn list_facets_year_range_and_answered() {
    let d = small();
    let index = Index::build(&d);
    let f = |edit: fn(&mut Filter)| {
        let mut f = Filter::default();
        edit(&mut f);
        ids(&d, &index, &f)
    };
    assert_eq!(f(|f| f.toggle(Facet::Claimant, "cn-mfa")), ["c4", "c2"]);
    assert_eq!(f(|f| f.toggle(Facet::Accused, "apt-fixture")), ["c5", "c1"]);
    assert_eq!(f(|f| f.toggle(Facet::Sector, "research")), ["c2", "c1"]);
    assert_eq!(f(|f| f.toggle(Facet::Vector, "phishing")), ["c2", "c1"]);
    assert_eq!(f(|f| (f.from, f.to) = (Some(2021), Some(2022))), ["c4", "c3"]);
    assert_eq!(f(|f| f.answered = Some(true)), ["c1"]);
    assert_eq!(f(|f| f.answered = Some(false)).len(), 5);
    assert_eq!(f(|f| f.toggle(Facet::Claimant, "nobody")), Vec::<String>::new(), "an unknown value matches nothing");
    let mut toggled = Filter::default();
    toggled.toggle(Facet::Stance, "denial");
    toggled.toggle(Facet::Stance, "denial");
    assert!(!toggled.is_active());
}

#[test]
fn search_is_case_and_accent_insensitive_needs_all_words_and_matches_chinese() {
    let d = small();
    let index = Index::build(&d);
    let q = |q: &str| ids(&d, &index, &Filter { q: q.into(), ..Filter::default() });
    assert_eq!(q("CNCERT"), ["c6", "c3"]);
    assert_eq!(q("cncert second"), ["c6"]);
    assert_eq!(q("Fixture Pandá"), ["c5", "c1"], "accents are ignored");
    assert_eq!(q("应急"), ["c6", "c3"]);
    assert_eq!(q("中华人民共和国外交部"), ["c4", "c2"]);
    assert_eq!(q("   "), ["c6", "c5", "c4", "c3", "c2", "c1"]);
    let with_facet = Filter { q: "cncert".into(), sides: set([Side::UsCn]), ..Filter::default() };
    assert!(index.run(&with_facet).ids.is_empty());
    assert_eq!(index.run(&with_facet).counts.side, [0, 2, 0], "search narrows the counts too");
}

#[test]
fn threads_list_the_incident_in_date_order_with_answer_delays() {
    let d = small();
    let index = Index::build(&d);
    let t = thread(&d, &index, 1);
    let got: Vec<(&str, Option<i64>)> =
        t.iter().map(|e| (d.claims[e.claim as usize].id.as_str(), e.answered_after_days)).collect();
    assert_eq!(got, [("c1", Some(1)), ("c2", None)]);
    assert_eq!(thread_len(&d, &index, 0), 2);
    assert_eq!(thread_len(&d, &index, 2), 1, "a claim without an incident is its own thread");
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9-]{1,12}",
        "\\PC{1,10}",
        Just("a,b&c=d%e+f g/h?i#j".to_string()),
        Just("国家 互联网".to_string()),
    ]
}

fn strings() -> impl Strategy<Value = BTreeSet<String>> {
    proptest::collection::btree_set(text(), 0..4)
}

fn filters() -> impl Strategy<Value = Filter> {
    (
        prop_oneof![Just(String::new()), text()],
        proptest::collection::btree_set(prop::sample::select(Side::ALL.to_vec()), 0..3),
        proptest::collection::btree_set(prop::sample::select(Stance::ALL.to_vec()), 0..4),
        (strings(), strings(), strings(), strings()),
        (proptest::option::of(1990u16..2030), proptest::option::of(1990u16..2030)),
        proptest::option::of(any::<bool>()),
        prop_oneof![Just(Sort::Newest), Just(Sort::Oldest)],
    )
        .prop_map(|(q, sides, stances, (claimants, accused, sectors, vectors), (a, b), answered, sort)| {
            // The URL keeps years in order; a reversed pair is swapped (and noticed) on reading.
            let (from, to) = match (a, b) {
                (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                pair => pair,
            };
            Filter { q, sides, stances, claimants, accused, sectors, vectors, from, to, answered, sort }
        })
}

proptest! {
    #[test]
    fn any_view_state_round_trips_through_the_url(
        filter in filters(),
        claim in proptest::option::of(text()),
        data in proptest::option::of(text()),
        embed in proptest::option::of(prop::sample::select(vec!["timeline".to_string(), "stances".to_string()])),
        lang in proptest::option::of(prop::sample::select(vec!["en".to_string(), "zh".to_string()])),
    ) {
        let state = ViewState { filter, claim, lang, data, embed };
        let query = to_query(&state);
        let (back, notices) = parse(&query);
        prop_assert!(notices.is_empty(), "{:?} gave notices {:?}", query, notices);
        prop_assert_eq!(back, state);
    }

    #[test]
    fn any_query_string_parses_without_panicking(query in "\\PC{0,80}") {
        let (state, _) = parse(&query);
        // Whatever was read serialises and reads back to itself.
        let (again, _) = parse(&to_query(&state));
        prop_assert_eq!(again, state);
    }
}

proptest! {
    /// Typing, deleting and retyping through the text cache gives exactly what a fresh run gives.
    #[test]
    fn the_text_cache_never_changes_a_result(queries in proptest::collection::vec("[a-z 应急]{0,8}", 1..12)) {
        let d = small();
        let index = Index::build(&d);
        let mut cache = cyber_claims_explorer::query::TextCache::default();
        for q in queries {
            let f = Filter { q, ..Filter::default() };
            prop_assert_eq!(index.run_cached(&f, &mut cache), index.run(&f));
        }
    }
}

#[test]
fn typing_on_narrows_through_the_cache() {
    let d = small();
    let index = Index::build(&d);
    let mut cache = cyber_claims_explorer::query::TextCache::default();
    let mut sizes = Vec::new();
    for q in ["c", "cn", "cnc", "cncert", "cncert seco", "cn", ""] {
        let f = Filter { q: q.into(), ..Filter::default() };
        let got = index.run_cached(&f, &mut cache);
        assert_eq!(got, index.run(&f), "{q:?}");
        sizes.push(got.ids.len());
    }
    assert_eq!(sizes, [6, 2, 2, 2, 1, 2, 6]);
}
