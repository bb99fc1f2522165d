//! Ranked names with claim counts, for the sectors chart (targeted sectors) and the vectors
//! chart (attack vectors and CVEs). Both come from each claim's incident.

use std::collections::{BTreeSet, HashMap};

use super::words::{claims, counted, ranked, NO_MATCH};
use crate::model::Dataset;
use crate::query::Index;

/// How many names a ranking keeps.
pub const TOP_RANKED: usize = 12;

/// One ranked name and the number of matching claims whose incident names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub name: String,
    pub claims: u32,
}

/// A ranking: the top names, most claims first (ties by name), and what was left out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ranking {
    /// At most `TOP_RANKED`.
    pub items: Vec<Ranked>,
    /// How many different names the matching claims have (kept or not).
    pub distinct: usize,
    /// How many claims matched.
    pub claims: u32,
    /// How many matching claims name none.
    pub without: u32,
}

fn rank(counts: HashMap<String, u32>, claims: u32, without: u32) -> Ranking {
    let distinct = counts.len();
    let items = ranked(counts.into_iter().map(|(n, c)| (n, c, ())).collect(), TOP_RANKED)
        .into_iter()
        .map(|(name, claims, ())| Ranked { name, claims })
        .collect();
    Ranking { items, distinct, claims, without }
}

/// The sectors targeted in the incidents of the claims `ids`, counted once per claim.
pub fn targeted_sectors(index: &Index, ids: &[u32]) -> Ranking {
    let mut counts: HashMap<String, u32> = HashMap::new();
    let mut without = 0;
    for &i in ids {
        let sectors: BTreeSet<u32> = index.sectors[i as usize].iter().copied().collect();
        without += u32::from(sectors.is_empty());
        for s in sectors {
            *counts.entry(index.sector_names.values[s as usize].clone()).or_default() += 1;
        }
    }
    rank(counts, ids.len() as u32, without)
}

/// The attack vectors and CVEs of the incidents of the claims `ids`, counted once per claim.
pub fn attack_vectors(dataset: &Dataset, ids: &[u32]) -> Ranking {
    let incidents: HashMap<&str, &crate::model::Incident> =
        dataset.incidents.iter().map(|x| (x.id.as_str(), x)).collect();
    let mut counts: HashMap<String, u32> = HashMap::new();
    let mut without = 0;
    for &i in ids {
        let incident = dataset.claims[i as usize].incident.as_deref().and_then(|x| incidents.get(x));
        let names: BTreeSet<&str> =
            incident.map_or(BTreeSet::new(), |x| x.vectors.iter().chain(&x.cves).map(String::as_str).collect());
        without += u32::from(names.is_empty());
        for name in names {
            *counts.entry(name.to_string()).or_default() += 1;
        }
    }
    rank(counts, ids.len() as u32, without)
}

fn describe(ranking: &Ranking, one: &str, many: &str) -> String {
    if ranking.claims == 0 {
        return NO_MATCH.to_string();
    }
    let Some(top) = ranking.items.first() else {
        return match ranking.claims {
            1 => format!("The matching claim names no {one}."),
            n => format!("None of the {n} matching claims names a {one}."),
        };
    };
    format!(
        "Across {}, the incidents name {}; the most frequent is {} ({}).",
        claims(ranking.claims),
        counted(ranking.distinct, one, many),
        top.name,
        claims(top.claims)
    )
}

/// One sentence on the targeted sectors.
pub fn describe_sectors(ranking: &Ranking) -> String {
    describe(ranking, "targeted sector", "targeted sectors")
}

/// One sentence on the attack vectors and CVEs.
pub fn describe_vectors(ranking: &Ranking) -> String {
    describe(ranking, "attack vector or CVE", "attack vectors and CVEs")
}
