//! Running a filter over the index: the matching claims in sort order and every facet's
//! counts, in one pass over the date-ordered rows; the text matches are kept between
//! keystrokes, so typing on searches only the previous matches.

use std::sync::Arc;

use super::{Index, Row, Vocabulary, NO_INCIDENT};
use strum::EnumCount;

use crate::model::{Dataset, Stance};
use crate::query::filter::{Facet, Filter, Sort};
use crate::query::lists::Lists;
use crate::query::text::query_words;

/// How many claims each facet value would give, with the other facets' selections applied.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counts {
    /// By `Side::ALL` order.
    pub side: [u32; 3],
    /// By `Stance::ALL` order.
    pub stance: [u32; Stance::COUNT],
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
    /// Matching claims as positions in `Index::by_date` (ascending); `None` when there are no
    /// words (every claim matches).
    matches: Option<Vec<u32>>,
}

/// The result of a filter: the matching claims in sort order and the facet counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    /// Shared, not copied, by whatever shows them (the cards and the charts in the page).
    pub ids: Arc<Vec<u32>>,
    pub counts: Counts,
}

impl Index {
    /// Like [`Index::run_cached`], building the search index first if the query needs it and
    /// it is not built yet: the page builds the index without it, so that the first paint does
    /// not wait for it, and builds it once the page is ready or at the first search.
    pub fn run_in(&self, dataset: &Dataset, filter: &Filter, cache: &mut TextCache) -> Outcome {
        if !self.has_search() && !query_words(&filter.q).is_empty() {
            self.ensure_search(dataset);
        }
        self.run_cached(filter, cache)
    }

    /// Runs a filter: matching ids in sort order and every facet's counts, in one pass. A query
    /// with words needs the search index (see [`Index::run_in`]).
    pub fn run(&self, filter: &Filter) -> Outcome {
        self.run_cached(filter, &mut TextCache::default())
    }

    /// Like `run`, reusing the text matches of the previous query in `cache`: when the new
    /// query only narrows the old one (typing on), only the old matches are searched again,
    /// and only for the words they do not already hold.
    pub fn run_cached(&self, filter: &Filter, cache: &mut TextCache) -> Outcome {
        let words = query_words(&filter.q);
        if cache.words.as_ref() != Some(&words) {
            let narrows = cache
                .words
                .as_ref()
                .is_some_and(|old| old.iter().all(|o| words.iter().any(|w| w.contains(o.as_str()))));
            let matches = if words.is_empty() {
                None
            } else {
                match (&cache.words, &cache.matches, narrows) {
                    (Some(old), Some(pool), true) => {
                        // Every old match holds every old word, and so every new word found
                        // inside an old one ("network" while typing "network i").
                        let new: Vec<String> =
                            words.iter().filter(|w| !old.iter().any(|o| o.contains(w.as_str()))).cloned().collect();
                        Some(self.search().entries_matching(&new, Some(pool)))
                    }
                    _ => Some(self.search().entries_matching(&words, None)),
                }
            };
            *cache = TextCache { words: Some(words), matches };
        }
        self.facet_pass(filter, cache.matches.as_deref())
    }

    /// The facet filters and counts over `candidates` (positions in `by_date` of the claims
    /// that match the text, ascending; `None`: every claim).
    fn facet_pass(&self, filter: &Filter, candidates: Option<&[u32]>) -> Outcome {
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
        // Sectors and vectors come from the incident: whether each incident passes.
        let per_incident = |lists: &Lists, w: Option<Vec<bool>>| -> Option<Vec<bool>> {
            w.map(|w| lists.iter().map(|l| l.iter().any(|v| w[*v as usize])).collect())
        };
        let sectors = per_incident(&self.incident_sectors, wanted(&filter.sectors, &self.sector_names));
        let vectors = per_incident(&self.incident_vectors, wanted(&filter.vectors, &self.vector_names));
        let incident_ok = |x: u32, w: &Option<Vec<bool>>| match w {
            None => true,
            Some(w) => x != NO_INCIDENT && w[x as usize],
        };
        let mut side_ok = [filter.sides.is_empty(); 3];
        for s in &filter.sides {
            side_ok[*s as usize] = true;
        }
        let mut stance_ok = [filter.stances.is_empty(); Stance::COUNT];
        for s in &filter.stances {
            stance_ok[*s as usize] = true;
        }
        let span = usize::from(self.last_year.saturating_sub(self.first_year)) + 1;
        let year_ok: Vec<bool> = (0..span)
            .map(|k| {
                let year = self.first_year + k as u16;
                filter.from.is_none_or(|f| year >= f) && filter.to.is_none_or(|t| year <= t)
            })
            .collect();
        let answered_ok = [filter.answered != Some(true), filter.answered != Some(false)];
        let all = Facet::ALL.iter().fold(0u8, |m, f| m | f.bit());
        let any_selected = !(filter.sides.is_empty()
            && filter.stances.is_empty()
            && filter.claimants.is_empty()
            && filter.accused.is_empty()
            && filter.sectors.is_empty()
            && filter.vectors.is_empty()
            && filter.from.is_none()
            && filter.to.is_none()
            && filter.answered.is_none());

        let mut counts = Counts {
            claimant: vec![0; self.actors.len()],
            accused: vec![0; self.actors.len()],
            sector: vec![0; self.sector_names.len()],
            vector: vec![0; self.vector_names.len()],
            year: vec![0; span],
            ..Counts::default()
        };
        // Claims counted for sectors (vectors) per incident, spread over its names at the end.
        let incidents = self.incident_sectors.len();
        let mut by_incident_sector = vec![0u32; incidents];
        let mut by_incident_vector = vec![0u32; incidents];
        let accused_all = self.accused.all();
        let mut ids = Vec::with_capacity(candidates.map_or(self.rows.len(), <[u32]>::len));
        let mut visit = |row: &Row| {
            let pass = if any_selected {
                let named = &accused_all[row.accused.0 as usize..row.accused.1 as usize];
                let bit = |f: Facet, ok: bool| if ok { f.bit() } else { 0 };
                bit(Facet::Side, side_ok[row.side as usize])
                    | bit(Facet::Stance, stance_ok[row.stance as usize])
                    | bit(Facet::Claimant, claimants.as_ref().is_none_or(|w| w[row.claimant as usize]))
                    | bit(Facet::Accused, accused.as_ref().is_none_or(|w| named.iter().any(|a| w[*a as usize])))
                    | bit(Facet::Sector, incident_ok(row.incident, &sectors))
                    | bit(Facet::Vector, incident_ok(row.incident, &vectors))
                    | bit(Facet::Year, year_ok[usize::from(row.year)])
                    | bit(Facet::Answered, answered_ok[usize::from(row.answered)])
            } else {
                all
            };
            if pass == all {
                ids.push(row.claim);
            }
            // A claim counts for a facet's options when it passes every other facet.
            let counts_for = |f: Facet| pass | f.bit() == all;
            if counts_for(Facet::Side) {
                counts.side[usize::from(row.side)] += 1;
            }
            if counts_for(Facet::Stance) {
                counts.stance[usize::from(row.stance)] += 1;
            }
            if counts_for(Facet::Claimant) {
                counts.claimant[row.claimant as usize] += 1;
            }
            if counts_for(Facet::Accused) {
                for a in &accused_all[row.accused.0 as usize..row.accused.1 as usize] {
                    counts.accused[*a as usize] += 1;
                }
            }
            if row.incident != NO_INCIDENT {
                by_incident_sector[row.incident as usize] += u32::from(counts_for(Facet::Sector));
                by_incident_vector[row.incident as usize] += u32::from(counts_for(Facet::Vector));
            }
            if counts_for(Facet::Year) {
                counts.year[usize::from(row.year)] += 1;
            }
            if counts_for(Facet::Answered) {
                counts.answered[usize::from(row.answered)] += 1;
            }
        };
        match candidates {
            Some(c) => c.iter().for_each(|&e| visit(&self.rows[e as usize])),
            None => self.rows.iter().for_each(visit),
        }
        for x in 0..incidents {
            let (s, v) = (by_incident_sector[x], by_incident_vector[x]);
            if s > 0 {
                self.incident_sectors.get(x).iter().for_each(|&k| counts.sector[k as usize] += s);
            }
            if v > 0 {
                self.incident_vectors.get(x).iter().for_each(|&k| counts.vector[k as usize] += v);
            }
        }
        if filter.sort == Sort::Newest {
            ids.reverse();
        }
        Outcome { ids: Arc::new(ids), counts }
    }
}
