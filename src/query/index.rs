//! The index built once over the immutable dataset: every facet value of every claim as
//! small integers, the claims in date order, who answered whom. A filter change computes the
//! matching ids and every facet count in one pass, without cloning a claim.

use std::collections::HashMap;

use super::filter::{Facet, Filter, Sort};
use super::search::SearchIndex;
use super::text::query_words;
use crate::model::{Dataset, Side, Stance};

/// Interned strings: value ↔ small integer.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    pub values: Vec<String>,
    positions: HashMap<String, u32>,
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
}

/// Per claim, the values each facet sees.
#[derive(Debug, Clone)]
pub struct Index {
    search: SearchIndex,
    pub side: Vec<Side>,
    pub stance: Vec<Stance>,
    pub year: Vec<u16>,
    pub claimant: Vec<u32>,
    pub accused: Vec<Vec<u32>>,
    pub sectors: Vec<Vec<u32>>,
    pub vectors: Vec<Vec<u32>>,
    /// The first claim that answered this one, if any.
    pub first_answer: Vec<Option<u32>>,
    /// Claim indices, oldest first (ties by id).
    pub by_date: Vec<u32>,
    /// Actor ids (claimants and accused share one vocabulary).
    pub actors: Vocabulary,
    pub sector_names: Vocabulary,
    pub vector_names: Vocabulary,
    /// Claims per incident id, oldest first.
    pub incident_claims: HashMap<String, Vec<u32>>,
    /// Position in `dataset.incidents` of each incident id.
    pub incident_at: HashMap<String, u32>,
    pub first_year: u16,
    pub last_year: u16,
}

/// How many claims each facet value would give, with the other facets' selections applied.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counts {
    /// By `Side::ALL` order.
    pub side: [u32; 3],
    /// By `Stance::ALL` order.
    pub stance: [u32; 8],
    pub claimant: Vec<u32>,
    pub accused: Vec<u32>,
    pub sector: Vec<u32>,
    pub vector: Vec<u32>,
    /// By year, from `first_year`.
    pub year: Vec<u32>,
    /// `[unanswered, answered]`.
    pub answered: [u32; 2],
}

/// The claims that matched the last search text, kept between keystrokes.
#[derive(Debug, Clone, Default)]
pub struct TextCache {
    words: Option<Vec<String>>,
    /// Matching claims in date order; `None` when there are no words (every claim matches).
    matches: Option<Vec<u32>>,
}

/// The result of a filter: the matching claims in sort order and the facet counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    pub ids: Vec<u32>,
    pub counts: Counts,
}

fn side_index(side: Side) -> usize {
    Side::ALL.iter().position(|s| *s == side).expect("a side")
}

fn stance_index(stance: Stance) -> usize {
    Stance::ALL.iter().position(|s| *s == stance).expect("a stance")
}

impl Index {
    pub fn build(dataset: &Dataset) -> Index {
        let n = dataset.claims.len();
        let mut actors = Vocabulary::default();
        let mut sector_names = Vocabulary::default();
        let mut vector_names = Vocabulary::default();
        let incidents: HashMap<&str, &crate::model::Incident> =
            dataset.incidents.iter().map(|x| (x.id.as_str(), x)).collect();
        let countries: HashMap<&str, &str> =
            dataset.actors.iter().map(|a| (a.id.as_str(), a.country.as_str())).collect();

        let mut index = Index {
            search: SearchIndex::build(dataset),
            side: Vec::with_capacity(n),
            stance: Vec::with_capacity(n),
            year: Vec::with_capacity(n),
            claimant: Vec::with_capacity(n),
            accused: Vec::with_capacity(n),
            sectors: Vec::with_capacity(n),
            vectors: Vec::with_capacity(n),
            first_answer: vec![None; n],
            by_date: (0..n as u32).collect(),
            actors: Vocabulary::default(),
            sector_names: Vocabulary::default(),
            vector_names: Vocabulary::default(),
            incident_claims: HashMap::new(),
            incident_at: dataset.incidents.iter().enumerate().map(|(i, x)| (x.id.clone(), i as u32)).collect(),
            first_year: 0,
            last_year: 0,
        };
        for claim in &dataset.claims {
            let country = |id: &str| countries.get(id).copied();
            index.side.push(Side::of(country(&claim.claimant), claim.accused.iter().map(|a| country(a))));
            index.stance.push(claim.stance);
            index.year.push(claim.date.year);
            index.claimant.push(actors.intern(&claim.claimant));
            index.accused.push(claim.accused.iter().map(|a| actors.intern(a)).collect());
            let incident = claim.incident.as_deref().and_then(|i| incidents.get(i));
            index.sectors.push(incident.map_or(Vec::new(), |x| x.sectors.iter().map(|s| sector_names.intern(s)).collect()));
            // Attack vectors and CVEs share one facet.
            index.vectors.push(
                incident.map_or(Vec::new(), |x| x.vectors.iter().chain(&x.cves).map(|v| vector_names.intern(v)).collect()),
            );
        }
        index.by_date.sort_by(|&a, &b| {
            let (ca, cb) = (&dataset.claims[a as usize], &dataset.claims[b as usize]);
            ca.date.cmp(&cb.date).then_with(|| ca.id.cmp(&cb.id))
        });
        for &i in &index.by_date {
            if let Some(x) = &dataset.claims[i as usize].incident {
                index.incident_claims.entry(x.clone()).or_default().push(i);
            }
        }
        index.first_year = index.year.iter().copied().min().unwrap_or(0);
        index.last_year = index.year.iter().copied().max().unwrap_or(0);
        index.first_answer = first_answers(dataset, &index);
        index.actors = actors;
        index.sector_names = sector_names;
        index.vector_names = vector_names;
        index
    }

    /// The incident with this id, if any.
    pub fn incident<'d>(&self, dataset: &'d Dataset, id: &str) -> Option<&'d crate::model::Incident> {
        self.incident_at.get(id).map(|&i| &dataset.incidents[i as usize])
    }

    /// Runs a filter: matching ids in sort order and every facet's counts, in one pass.
    pub fn run(&self, filter: &Filter) -> Outcome {
        self.run_cached(filter, &mut TextCache::default())
    }

    /// Like `run`, reusing the text matches of the previous query in `cache`: when the new
    /// query only narrows the old one (typing on), only the old matches are searched again.
    pub fn run_cached(&self, filter: &Filter, cache: &mut TextCache) -> Outcome {
        let words = query_words(&filter.q);
        if cache.words.as_ref() != Some(&words) {
            let narrows = cache.words.as_ref().is_some_and(|old| old.iter().all(|o| words.iter().any(|w| w.contains(o.as_str()))));
            let matches = if words.is_empty() {
                None
            } else {
                let pool = match (&cache.matches, narrows) {
                    (Some(m), true) => m.as_slice(),
                    _ => self.by_date.as_slice(),
                };
                Some(pool.iter().copied().filter(|&i| self.search.is_match(i as usize, &words)).collect())
            };
            *cache = TextCache { words: Some(words), matches };
        }
        self.facet_pass(filter, cache.matches.as_deref().unwrap_or(&self.by_date))
    }

    /// The facet filters and counts over `candidates` (claims that match the text, in date order).
    fn facet_pass(&self, filter: &Filter, candidates: &[u32]) -> Outcome {
        let wanted = |set: &std::collections::BTreeSet<String>, vocab: &Vocabulary| -> Option<Vec<bool>> {
            (!set.is_empty()).then(|| {
                let mut w = vec![false; vocab.len()];
                for v in set {
                    if let Some(p) = vocab.position(v) {
                        w[p as usize] = true;
                    }
                }
                w
            })
        };
        let claimants = wanted(&filter.claimants, &self.actors);
        let accused = wanted(&filter.accused, &self.actors);
        let sectors = wanted(&filter.sectors, &self.sector_names);
        let vectors = wanted(&filter.vectors, &self.vector_names);
        let any_of = |values: &[u32], w: &Option<Vec<bool>>| w.as_ref().is_none_or(|w| values.iter().any(|v| w[*v as usize]));
        let all = Facet::ALL.iter().fold(0u8, |m, f| m | f.bit());

        let span = usize::from(self.last_year.saturating_sub(self.first_year)) + 1;
        let mut counts = Counts {
            claimant: vec![0; self.actors.len()],
            accused: vec![0; self.actors.len()],
            sector: vec![0; self.sector_names.len()],
            vector: vec![0; self.vector_names.len()],
            year: vec![0; span],
            ..Counts::default()
        };
        let mut ids = Vec::new();
        for &i in candidates {
            let c = i as usize;
            let year = self.year[c];
            let answered = self.first_answer[c].is_some();
            let mut pass = 0u8;
            let mut mark = |f: Facet, ok: bool| {
                if ok {
                    pass |= f.bit();
                }
            };
            mark(Facet::Side, filter.sides.is_empty() || filter.sides.contains(&self.side[c]));
            mark(Facet::Stance, filter.stances.is_empty() || filter.stances.contains(&self.stance[c]));
            mark(Facet::Claimant, any_of(std::slice::from_ref(&self.claimant[c]), &claimants));
            mark(Facet::Accused, any_of(&self.accused[c], &accused));
            mark(Facet::Sector, any_of(&self.sectors[c], &sectors));
            mark(Facet::Vector, any_of(&self.vectors[c], &vectors));
            mark(Facet::Year, filter.from.is_none_or(|f| year >= f) && filter.to.is_none_or(|t| year <= t));
            mark(Facet::Answered, filter.answered.is_none_or(|a| a == answered));
            if pass == all {
                ids.push(i);
            }
            // A claim counts for a facet's options when it passes every other facet.
            let counts_for = |f: Facet| pass | f.bit() == all;
            if counts_for(Facet::Side) {
                counts.side[side_index(self.side[c])] += 1;
            }
            if counts_for(Facet::Stance) {
                counts.stance[stance_index(self.stance[c])] += 1;
            }
            if counts_for(Facet::Claimant) {
                counts.claimant[self.claimant[c] as usize] += 1;
            }
            if counts_for(Facet::Accused) {
                for a in &self.accused[c] {
                    counts.accused[*a as usize] += 1;
                }
            }
            if counts_for(Facet::Sector) {
                for s in &self.sectors[c] {
                    counts.sector[*s as usize] += 1;
                }
            }
            if counts_for(Facet::Vector) {
                for v in &self.vectors[c] {
                    counts.vector[*v as usize] += 1;
                }
            }
            if counts_for(Facet::Year) {
                counts.year[usize::from(year - self.first_year)] += 1;
            }
            if counts_for(Facet::Answered) {
                counts.answered[usize::from(answered)] += 1;
            }
        }
        if filter.sort == Sort::Newest {
            ids.reverse();
        }
        Outcome { ids, counts }
    }
}

/// For each claim, the first claim that answered it: one that names it in `responds_to`, or
/// else a denial or counter-accusation in the same incident from the other side, not earlier.
fn first_answers(dataset: &Dataset, index: &Index) -> Vec<Option<u32>> {
    let n = dataset.claims.len();
    let position: HashMap<&str, u32> = dataset.claims.iter().enumerate().map(|(i, c)| (c.id.as_str(), i as u32)).collect();
    let mut first: Vec<Option<u32>> = vec![None; n];
    let earlier = |a: u32, b: Option<u32>| match b {
        None => true,
        Some(b) => dataset.claims[a as usize].date < dataset.claims[b as usize].date,
    };
    // Direct answers.
    for (j, claim) in dataset.claims.iter().enumerate() {
        for target in &claim.responds_to {
            if let Some(&t) = position.get(target.as_str()) {
                if t as usize != j && earlier(j as u32, first[t as usize]) {
                    first[t as usize] = Some(j as u32);
                }
            }
        }
    }
    // Answers within an incident, for claims nobody answered by name.
    for members in index.incident_claims.values() {
        for &a in members {
            if first[a as usize].is_some() || index.stance[a as usize].is_answer() {
                continue;
            }
            let ca = &dataset.claims[a as usize];
            first[a as usize] = members.iter().copied().find(|&b| {
                let cb = &dataset.claims[b as usize];
                b != a
                    && index.stance[b as usize].is_answer()
                    && cb.date.latest() >= ca.date.earliest()
                    && index.side[b as usize] != index.side[a as usize]
            });
        }
    }
    first
}
