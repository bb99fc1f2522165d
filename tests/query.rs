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
        charts in proptest::bool::ANY,
    ) {
        let state = ViewState { filter, claim, lang, data, embed, charts };
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

#[path = "common/random_dataset.rs"]
mod random_dataset;

/// The definition of a filter's outcome, claim by claim from the dataset: every query word a
/// substring of the claim's folded text (`naive_match`), every facet passed; a claim counts
/// for a facet's options when it passes everything but that facet.
fn naive_outcome(d: &Dataset, index: &Index, f: &Filter) -> cyber_claims_explorer::query::Outcome {
    use cyber_claims_explorer::query::{naive_match, Counts, Outcome};
    let actor = |id: &str| index.actors.position(id).unwrap() as usize;
    let span = usize::from(index.last_year - index.first_year) + 1;
    let mut counts = Counts {
        claimant: vec![0; index.actors.len()],
        accused: vec![0; index.actors.len()],
        sector: vec![0; index.sector_names.len()],
        vector: vec![0; index.vector_names.len()],
        year: vec![0; span],
        ..Counts::default()
    };
    let mut ids = Vec::new();
    for &c in &index.by_date {
        let claim = &d.claims[c as usize];
        if !naive_match(d, c as usize, &f.q) {
            continue;
        }
        let incident = claim.incident.as_ref().and_then(|x| d.incidents.iter().rfind(|i| &i.id == x));
        let sectors: Vec<&String> = incident.map_or(vec![], |x| x.sectors.iter().collect());
        let vectors: Vec<&String> = incident.map_or(vec![], |x| x.vectors.iter().chain(&x.cves).collect());
        let side = d.side(claim);
        let answered = index.first_answer[c as usize].is_some();
        let any =
            |set: &BTreeSet<String>, values: &[&String]| set.is_empty() || values.iter().any(|v| set.contains(*v));
        let passes = [
            f.sides.is_empty() || f.sides.contains(&side),
            f.stances.is_empty() || f.stances.contains(&claim.stance),
            any(&f.claimants, &[&claim.claimant]),
            any(&f.accused, &claim.accused.iter().collect::<Vec<_>>()),
            any(&f.sectors, &sectors),
            any(&f.vectors, &vectors),
            f.from.is_none_or(|y| claim.date.year >= y) && f.to.is_none_or(|y| claim.date.year <= y),
            f.answered.is_none_or(|a| a == answered),
        ];
        let but = |k: usize| passes.iter().enumerate().all(|(j, p)| j == k || *p);
        if but(usize::MAX) {
            ids.push(c);
        }
        if but(0) {
            counts.side[Side::ALL.iter().position(|s| *s == side).unwrap()] += 1;
        }
        if but(1) {
            counts.stance[Stance::ALL.iter().position(|s| *s == claim.stance).unwrap()] += 1;
        }
        if but(2) {
            counts.claimant[actor(&claim.claimant)] += 1;
        }
        if but(3) {
            claim.accused.iter().for_each(|a| counts.accused[actor(a)] += 1);
        }
        if but(4) {
            sectors.iter().for_each(|s| counts.sector[index.sector_names.position(s).unwrap() as usize] += 1);
        }
        if but(5) {
            vectors.iter().for_each(|v| counts.vector[index.vector_names.position(v).unwrap() as usize] += 1);
        }
        if but(6) {
            counts.year[usize::from(claim.date.year - index.first_year)] += 1;
        }
        if but(7) {
            counts.answered[usize::from(answered)] += 1;
        }
    }
    if f.sort == Sort::Newest {
        ids.reverse();
    }
    Outcome { ids: std::sync::Arc::new(ids), counts }
}

fn random_filters() -> impl Strategy<Value = Filter> {
    let pick = |pool: &'static [&'static str]| {
        proptest::collection::btree_set(prop::sample::select(pool).prop_map(String::from), 0..3)
    };
    (
        random_dataset::phrase(3),
        proptest::collection::btree_set(prop::sample::select(Side::ALL.to_vec()), 0..2),
        proptest::collection::btree_set(prop::sample::select(Stance::ALL.to_vec()), 0..3),
        (
            pick(&["a0", "a1", "a4", "nobody"]),
            pick(&["a2", "a3", "a5"]),
            pick(&["alpha", "Beta"]),
            pick(&["gamma", "delta"]),
        ),
        (proptest::option::of(2019u16..2025), proptest::option::of(2019u16..2025)),
        proptest::option::of(any::<bool>()),
        prop_oneof![Just(Sort::Newest), Just(Sort::Oldest)],
    )
        .prop_map(|(q, sides, stances, (claimants, accused, sectors, vectors), (from, to), answered, sort)| {
            Filter { q, sides, stances, claimants, accused, sectors, vectors, from, to, answered, sort }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The search index finds exactly the claims whose folded text holds every query word.
    #[test]
    fn search_matches_the_naive_definition(
        d in random_dataset::dataset(14),
        queries in proptest::collection::vec(random_dataset::phrase(3), 1..6),
    ) {
        use cyber_claims_explorer::query::{naive_match, SearchIndex};
        let search = SearchIndex::build(&d);
        for q in &queries {
            let naive: Vec<usize> = (0..d.claims.len()).filter(|&c| naive_match(&d, c, q)).collect();
            prop_assert_eq!(search.matching(q), naive, "query {:?}", q);
        }
    }

    /// Every filter gives exactly the naive outcome: ids in order and all facet counts.
    #[test]
    fn filters_match_the_naive_definition(d in random_dataset::dataset(14), filters in proptest::collection::vec(random_filters(), 1..4)) {
        let index = Index::build(&d);
        for f in &filters {
            prop_assert_eq!(index.run(f), naive_outcome(&d, &index, f), "filter {:?}", f);
        }
    }

    /// A claim's first answer within its incident (the random claims name none by
    /// `responds_to`) is the first claim of the incident in date order that is an answer from
    /// another side and not dated before it.
    #[test]
    fn first_answers_in_an_incident_match_the_naive_definition(d in random_dataset::dataset(30)) {
        let index = Index::build(&d);
        for (a, claim) in d.claims.iter().enumerate() {
            let naive = match &claim.incident {
                Some(x) if !claim.stance.is_answer() => index.by_date.iter().copied().find(|&b| {
                    let other = &d.claims[b as usize];
                    b as usize != a
                        && other.incident.as_ref() == Some(x)
                        && other.stance.is_answer()
                        && other.date.latest() >= claim.date.earliest()
                        && d.side(other) != d.side(claim)
                }),
                _ => None,
            };
            prop_assert_eq!(index.first_answer[a], naive, "claim {}", a);
        }
    }

    /// Typing a phrase one character at a time (and deleting it again) through the text cache
    /// gives the naive outcome at every step.
    #[test]
    fn typing_through_the_cache_matches_the_naive_definition(d in random_dataset::dataset(14), phrase in random_dataset::phrase(4)) {
        let index = Index::build(&d);
        let mut cache = cyber_claims_explorer::query::TextCache::default();
        let ends: Vec<usize> = phrase.char_indices().map(|(k, _)| k).skip(1).chain([phrase.len()]).collect();
        let steps = ends.iter().chain(ends.iter().rev());
        for &end in steps {
            let f = Filter { q: phrase[..end].to_string(), ..Filter::default() };
            prop_assert_eq!(index.run_cached(&f, &mut cache), naive_outcome(&d, &index, &f), "query {:?}", f.q);
        }
    }
}

#[test]
fn an_index_without_its_search_builds_it_at_the_first_search() {
    let d = small();
    let eager = Index::build(&d);
    let deferred = Index::build_deferring_search(&d);
    assert!(eager.has_search() && !deferred.has_search());
    let mut cache = cyber_claims_explorer::query::TextCache::default();
    // Facets alone need no search index.
    let f = Filter { sides: set([Side::UsCn]), ..Filter::default() };
    assert_eq!(deferred.run_in(&d, &f, &mut cache), eager.run(&f));
    assert!(!deferred.has_search(), "no words, no search index");
    let f = Filter { q: "fixture".into(), ..Filter::default() };
    assert_eq!(deferred.run_in(&d, &f, &mut cache), eager.run(&f));
    assert!(deferred.has_search());
    assert_eq!(deferred.heap_bytes().search, eager.heap_bytes().search);
}

/// A one-letter or one-digit word is answered from each claim's set of bytes alone: it must
/// find exactly the claims whose text holds that character.
#[test]
fn every_single_letter_and_digit_finds_what_the_naive_definition_finds() {
    use cyber_claims_explorer::query::{naive_match, SearchIndex};
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/claims.json")).unwrap();
    let d = cyber_claims_explorer::ingest::read_json(&bytes).unwrap().dataset;
    let search = SearchIndex::build(&d);
    for c in ('a'..='z').chain('0'..='9') {
        for q in [c.to_string(), format!("{c} x"), format!("{}{c}", c.to_ascii_uppercase())] {
            let naive: Vec<usize> = (0..d.claims.len()).filter(|&k| naive_match(&d, k, &q)).collect();
            assert_eq!(search.matching(&q), naive, "query {q:?}");
        }
    }
}

/// The search index built a few claims at a time (as the page builds it, between the reader's
/// inputs) is the index built at once: the same matches for every word of every claim.
#[test]
fn the_search_index_built_in_steps_finds_what_the_one_built_at_once_finds() {
    use cyber_claims_explorer::query::{Index, SearchBuilder, SearchIndex};
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/claims.json")).unwrap();
    let d = cyber_claims_explorer::ingest::read_json(&bytes).unwrap().dataset;
    let whole = SearchIndex::build(&d);
    let words: std::collections::BTreeSet<String> =
        d.claims.iter().flat_map(|c| c.headline.split_whitespace().map(str::to_lowercase)).collect();
    for step in [1, 7, 64] {
        let mut builder = SearchBuilder::new(&d, (0..d.claims.len() as u32).collect());
        let mut steps = 1;
        while !builder.add(&d, step) {
            steps += 1;
        }
        assert_eq!(steps, d.claims.len().div_ceil(step), "steps of {step}");
        let stepped = builder.finish(&d);
        assert_eq!(stepped.len(), whole.len());
        for w in &words {
            assert_eq!(stepped.matching(w), whole.matching(w), "{w:?} built in steps of {step}");
        }
    }
    // Through the index, as the page does it: a few claims at a time until built; or a search
    // half way, which adds the claims left at once.
    let filter = cyber_claims_explorer::query::Filter { q: "typhoon".into(), ..Default::default() };
    let at_once = Index::build(&d).run_in(&d, &filter, &mut Default::default()).ids;
    assert!(!at_once.is_empty());
    let index = Index::build_deferring_search(&d);
    while !index.build_search_some(&d, 10) {}
    assert!(index.has_search());
    assert_eq!(index.run_in(&d, &filter, &mut Default::default()).ids, at_once);
    let half_way = Index::build_deferring_search(&d);
    assert!(!half_way.build_search_some(&d, d.claims.len() / 2));
    assert!(!half_way.has_search());
    assert_eq!(half_way.run_in(&d, &filter, &mut Default::default()).ids, at_once);
    assert!(half_way.build_search_some(&d, 1), "built by the search");
}
