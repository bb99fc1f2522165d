//! The index built once over the immutable dataset: every facet value of every claim as
//! small integers, the claims in date order, who answered whom. A filter change computes the
//! matching ids and every facet count in one pass, without cloning a claim.

use rustc_hash::{FxBuildHasher, FxHashMap};

use super::lists::Lists;
use super::search::SearchIndex;
use crate::model::{Actor, Dataset, Side, Stance};
use deferred_search::Building;

mod answer_order;
mod deferred_search;
mod run;
pub use run::{Counts, Outcome, TextCache};

/// Interned strings: value ↔ small integer.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    pub values: Vec<String>,
    positions: FxHashMap<String, u32>,
}

impl Vocabulary {
    fn intern(&mut self, value: &str) -> u32 {
        if let Some(&p) = self.positions.get(value) {
            return p;
        }
        let p = self.values.len() as u32;
        self.values.push(value.to_string());
        self.positions.insert(value.to_string(), p);
        p
    }

    /// The integer of a value, if any claim has it.
    pub fn position(&self, value: &str) -> Option<u32> {
        self.positions.get(value).copied()
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    fn heap_bytes(&self) -> usize {
        let strings: usize = self.values.iter().map(|v| v.capacity() * 2).sum();
        strings + self.values.capacity() * 24 + self.positions.capacity() * 32
    }
}

/// `Index::incident` of a claim without a (known) incident.
pub const NO_INCIDENT: u32 = u32::MAX;
/// An actor id of the claims that no actor record has.
const NO_ACTOR: u32 = u32::MAX;

/// One claim as the facet pass reads it, stored in date order so the pass reads memory in
/// sequence.
#[derive(Debug, Clone, Copy)]
struct Row {
    claim: u32,
    claimant: u32,
    incident: u32,
    /// The claim's accused in `Index::accused.all()`.
    accused: (u32, u32),
    /// Years since `first_year`.
    year: u16,
    side: u8,
    stance: u8,
    answered: bool,
}

/// Per claim, the values each facet and chart sees. Per-claim columns are indexed by claim
/// index (position in `dataset.claims`).
#[derive(Debug, Clone)]
pub struct Index {
    /// Entries in date order (entry = position in `by_date`).
    /// Built with the index, or later (`build_deferring_search`, then `ensure_search` or
    /// `build_search_some`).
    search: std::sync::OnceLock<SearchIndex>,
    /// The search index being built a few claims at a time, until it is done.
    building: Building,
    rows: Vec<Row>,
    pub side: Vec<Side>,
    pub stance: Vec<Stance>,
    pub year: Vec<u16>,
    /// The quarter of the claim's earliest day: `year * 4 + quarter - 1`.
    pub quarter: Vec<u16>,
    pub claimant: Vec<u32>,
    /// Per claim, the accused as named (repeats kept).
    pub accused: Lists,
    /// Per claim, its distinct (claimant, accused) pairs, as positions in `pair_actors`.
    pub pairs: Lists,
    /// (claimant, accused) of each pair.
    pub pair_actors: Vec<(u32, u32)>,
    /// Per claim, the position of its incident in `dataset.incidents`, or `NO_INCIDENT`.
    pub incident: Vec<u32>,
    /// Per incident (position in `dataset.incidents`), its sectors as named.
    pub incident_sectors: Lists,
    /// Per incident, its attack vectors then its CVEs, as named.
    pub incident_vectors: Lists,
    /// The first claim that answered this one, if any.
    pub first_answer: Vec<Option<u32>>,
    /// Claim indices, oldest first (ties by id).
    pub by_date: Vec<u32>,
    /// Actor ids (claimants and accused share one vocabulary).
    pub actors: Vocabulary,
    /// Per actor of the vocabulary, its position in `dataset.actors` (the first with its id),
    /// or `NO_ACTOR`: a card names its parties without searching the actors.
    actor_record: Vec<u32>,
    pub sector_names: Vocabulary,
    pub vector_names: Vocabulary,
    /// Per incident (position in `dataset.incidents`), the claims naming its id, oldest first.
    pub incident_members: Lists,
    /// Claims per incident id, oldest first.
    pub incident_claims: FxHashMap<String, Vec<u32>>,
    /// Position in `dataset.incidents` of each incident id.
    pub incident_at: FxHashMap<String, u32>,
    pub first_year: u16,
    pub last_year: u16,
}

/// Bytes an index holds, part by part (heap allocations, by capacity).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexBytes {
    pub search: usize,
    pub columns: usize,
    pub maps: usize,
}

impl IndexBytes {
    pub fn total(&self) -> usize {
        self.search + self.columns + self.maps
    }
}

impl Index {
    pub fn build(dataset: &Dataset) -> Index {
        let index = Index::build_deferring_search(dataset);
        index.ensure_search(dataset);
        index
    }

    /// Everything but the search index (see [`Index::run_in`]).
    pub fn build_deferring_search(dataset: &Dataset) -> Index {
        let n = dataset.claims.len();
        let mut actors = Vocabulary::default();
        let mut sector_names = Vocabulary::default();
        let mut vector_names = Vocabulary::default();
        let mut incident_at: FxHashMap<String, u32> =
            FxHashMap::with_capacity_and_hasher(dataset.incidents.len(), FxBuildHasher);
        let mut incident_sectors = Lists::with_capacity(dataset.incidents.len(), dataset.incidents.len() * 2);
        let mut incident_vectors = Lists::with_capacity(dataset.incidents.len(), dataset.incidents.len() * 3);
        for (i, x) in dataset.incidents.iter().enumerate() {
            // The last of duplicate ids wins, as collecting into a map did.
            incident_at.insert(x.id.clone(), i as u32);
            incident_sectors.push(x.sectors.iter().map(|s| sector_names.intern(s)));
            // Attack vectors and CVEs share one facet.
            incident_vectors.push(x.vectors.iter().chain(&x.cves).map(|v| vector_names.intern(v)));
        }
        let mut countries: FxHashMap<&str, &str> =
            FxHashMap::with_capacity_and_hasher(dataset.actors.len(), FxBuildHasher);
        for a in &dataset.actors {
            countries.insert(a.id.as_str(), a.country.as_str());
        }

        let mut side = Vec::with_capacity(n);
        let mut stance = Vec::with_capacity(n);
        let mut year = Vec::with_capacity(n);
        let mut quarter = Vec::with_capacity(n);
        let mut claimant = Vec::with_capacity(n);
        let mut accused = Lists::with_capacity(n, n * 2);
        let mut pairs = Lists::with_capacity(n, n * 2);
        let mut pair_at: FxHashMap<(u32, u32), u32> = FxHashMap::with_capacity_and_hasher(1024, FxBuildHasher);
        let mut pair_actors = Vec::new();
        let mut incident = Vec::with_capacity(n);
        let mut named: Vec<u32> = Vec::new();
        for claim in &dataset.claims {
            let country = |id: &str| countries.get(id).copied();
            side.push(Side::of(country(&claim.claimant), claim.accused.iter().map(|a| country(a))));
            stance.push(claim.stance);
            year.push(claim.date.year);
            let (y, m, _) = claim.date.earliest();
            quarter.push(y * 4 + u16::from((m - 1) / 3));
            let c = actors.intern(&claim.claimant);
            claimant.push(c);
            named.clear();
            named.extend(claim.accused.iter().map(|a| actors.intern(a)));
            accused.push(named.iter().copied());
            named.sort_unstable();
            named.dedup();
            pairs.push(named.iter().map(|&a| {
                *pair_at.entry((c, a)).or_insert_with(|| {
                    pair_actors.push((c, a));
                    pair_actors.len() as u32 - 1
                })
            }));
            incident.push(claim.incident.as_deref().and_then(|i| incident_at.get(i)).copied().unwrap_or(NO_INCIDENT));
        }
        let mut by_date: Vec<u32> = (0..n as u32).collect();
        let key = answer_order::keys(dataset);
        by_date.sort_unstable_by(|&a, &b| {
            key[a as usize]
                .cmp(&key[b as usize])
                .then_with(|| (&dataset.claims[a as usize].id, a).cmp(&(&dataset.claims[b as usize].id, b)))
        });
        let mut incident_claims: FxHashMap<String, Vec<u32>> =
            FxHashMap::with_capacity_and_hasher(dataset.incidents.len(), FxBuildHasher);
        for &i in &by_date {
            if let Some(x) = &dataset.claims[i as usize].incident {
                match incident_claims.get_mut(x.as_str()) {
                    Some(members) => members.push(i),
                    None => {
                        incident_claims.insert(x.clone(), vec![i]);
                    }
                }
            }
        }
        let mut actor_record = vec![NO_ACTOR; actors.len()];
        for (i, a) in dataset.actors.iter().enumerate() {
            if let Some(p) = actors.position(&a.id) {
                if actor_record[p as usize] == NO_ACTOR {
                    actor_record[p as usize] = i as u32;
                }
            }
        }
        let first_year = year.iter().copied().min().unwrap_or(0);
        let last_year = year.iter().copied().max().unwrap_or(0);
        let first_answer = first_answers(dataset, &incident_claims, &stance, &side);
        let mut incident_members = Lists::with_capacity(dataset.incidents.len(), n);
        for x in &dataset.incidents {
            incident_members.push(incident_claims.get(x.id.as_str()).into_iter().flatten().copied());
        }
        let rows = by_date
            .iter()
            .map(|&i| {
                let c = i as usize;
                Row {
                    claim: i,
                    claimant: claimant[c],
                    incident: incident[c],
                    accused: accused.span(c),
                    year: year[c] - first_year,
                    side: side[c] as u8,
                    stance: stance[c] as u8,
                    answered: first_answer[c].is_some(),
                }
            })
            .collect();
        accused.shrink_to_fit();
        pairs.shrink_to_fit();
        Index {
            search: std::sync::OnceLock::new(),
            building: Building::default(),
            rows,
            side,
            stance,
            year,
            quarter,
            claimant,
            accused,
            pairs,
            pair_actors,
            incident,
            incident_sectors,
            incident_vectors,
            incident_members,
            first_answer,
            by_date,
            actors,
            actor_record,
            sector_names,
            vector_names,
            incident_claims,
            incident_at,
            first_year,
            last_year,
        }
    }

    /// The actor with this id, if a claim names it and the dataset has it (as
    /// `Dataset::actor`, without a search).
    pub fn actor<'d>(&self, dataset: &'d Dataset, id: &str) -> Option<&'d Actor> {
        self.actor_at(dataset, self.actors.position(id)?)
    }

    /// The actor record of the actor vocabulary's value `a`, if the dataset has it.
    pub fn actor_at<'d>(&self, dataset: &'d Dataset, a: u32) -> Option<&'d Actor> {
        match self.actor_record[a as usize] {
            NO_ACTOR => None,
            i => Some(&dataset.actors[i as usize]),
        }
    }

    /// The incident with this id, if any.
    pub fn incident<'d>(&self, dataset: &'d Dataset, id: &str) -> Option<&'d crate::model::Incident> {
        self.incident_at.get(id).map(|&i| &dataset.incidents[i as usize])
    }

    /// The sectors of claim `c`'s incident, as named (empty without an incident).
    #[inline]
    pub fn sectors(&self, c: usize) -> &[u32] {
        match self.incident[c] {
            NO_INCIDENT => &[],
            x => self.incident_sectors.get(x as usize),
        }
    }

    /// The attack vectors and CVEs of claim `c`'s incident, as named.
    #[inline]
    pub fn vectors(&self, c: usize) -> &[u32] {
        match self.incident[c] {
            NO_INCIDENT => &[],
            x => self.incident_vectors.get(x as usize),
        }
    }

    /// The search index (entries in date order).
    ///
    /// # Panics
    /// When the index was built by `build_deferring_search` and the search not yet added.
    pub fn search(&self) -> &SearchIndex {
        self.search.get().expect("the search index is built (Index::build or ensure_search)")
    }

    /// What the index holds in memory.
    pub fn heap_bytes(&self) -> IndexBytes {
        let n = self.side.capacity();
        let columns = self.rows.capacity() * std::mem::size_of::<Row>()
            + n * (std::mem::size_of::<Side>() + std::mem::size_of::<Stance>())
            + self.year.capacity() * 2
            + self.quarter.capacity() * 2
            + self.claimant.capacity() * 4
            + self.accused.heap_bytes()
            + self.pairs.heap_bytes()
            + self.pair_actors.capacity() * 8
            + self.incident.capacity() * 4
            + self.incident_sectors.heap_bytes()
            + self.incident_vectors.heap_bytes()
            + self.incident_members.heap_bytes()
            + self.first_answer.capacity() * std::mem::size_of::<Option<u32>>()
            + self.by_date.capacity() * 4
            + self.actor_record.capacity() * 4;
        let members: usize = self.incident_claims.iter().map(|(k, v)| k.capacity() + v.capacity() * 4 + 56).sum();
        let maps = self.actors.heap_bytes()
            + self.sector_names.heap_bytes()
            + self.vector_names.heap_bytes()
            + members
            + self.incident_at.keys().map(|k| k.capacity() + 32).sum::<usize>();
        IndexBytes { search: self.search.get().map_or(0, SearchIndex::heap_bytes), columns, maps }
    }
}

/// For each claim, the first claim that answered it: one that names it in `responds_to`, or
/// else a denial or counter-accusation in the same incident from the other side, not earlier.
fn first_answers(
    dataset: &Dataset,
    incident_claims: &FxHashMap<String, Vec<u32>>,
    stance: &[Stance],
    side: &[Side],
) -> Vec<Option<u32>> {
    let n = dataset.claims.len();
    let mut first: Vec<Option<u32>> = vec![None; n];
    let earlier = |a: u32, b: Option<u32>| match b {
        None => true,
        Some(b) => dataset.claims[a as usize].date < dataset.claims[b as usize].date,
    };
    // Direct answers.
    if dataset.claims.iter().any(|c| !c.responds_to.is_empty()) {
        let mut position: FxHashMap<&str, u32> = FxHashMap::with_capacity_and_hasher(n, FxBuildHasher);
        for (i, c) in dataset.claims.iter().enumerate() {
            // The last of duplicate ids wins, as collecting into a map did.
            position.insert(c.id.as_str(), i as u32);
        }
        for (j, claim) in dataset.claims.iter().enumerate() {
            for target in &claim.responds_to {
                if let Some(&t) = position.get(target.as_str()) {
                    if t as usize != j && earlier(j as u32, first[t as usize]) {
                        first[t as usize] = Some(j as u32);
                    }
                }
            }
        }
    }
    // Answers within an incident, for claims nobody answered by name: the first member (in
    // date order) that is an answer from another side whose latest day is not before the
    // claim's earliest. Per side, the answers in member order with the running maximum of
    // their latest days: the first answer late enough is the first whose running maximum is,
    // found by a binary search, so an incident of n claims costs n log n, not n².
    let mut answers: [Vec<(u32, (u16, u8, u8))>; 3] = Default::default();
    for members in incident_claims.values() {
        answers.iter_mut().for_each(Vec::clear);
        for (k, &b) in members.iter().enumerate() {
            if stance[b as usize].is_answer() {
                let latest = dataset.claims[b as usize].date.latest();
                let list = &mut answers[side[b as usize] as usize];
                let most = list.last().map_or(latest, |&(_, m)| m.max(latest));
                list.push((k as u32, most));
            }
        }
        if answers.iter().all(Vec::is_empty) {
            continue;
        }
        for &a in members {
            // Only an accusing claim is answered this way (so an answer is never its own).
            if first[a as usize].is_some() || !stance[a as usize].accuses() {
                continue;
            }
            let earliest = dataset.claims[a as usize].date.earliest();
            first[a as usize] = Side::ALL
                .iter()
                .filter(|&&s| s != side[a as usize])
                .filter_map(|&s| {
                    let list = &answers[s as usize];
                    list.get(list.partition_point(|&(_, most)| most < earliest)).map(|&(k, _)| k)
                })
                .min()
                .map(|k| members[k as usize]);
        }
    }
    first
}
