//! Ranked names with claim counts, for the sectors chart (targeted sectors) and the vectors
//! chart (attack vectors and CVEs). Both come from each claim's incident.

use super::words::{claims, no_match, ranked};
use crate::i18n::Lang;
use crate::query::{Index, Lists, NO_INCIDENT};

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

fn rank(counts: Vec<(String, u32, ())>, claims: u32, without: u32) -> Ranking {
    let distinct = counts.len();
    let items = ranked(counts, TOP_RANKED).into_iter().map(|(name, claims, ())| Ranked { name, claims }).collect();
    Ranking { items, distinct, claims, without }
}

/// Counts, once per claim, the vocabulary values each claim's incident names: claims are
/// counted per incident in one pass, then each incident's count goes to its names.
fn count_per_claim(index: &Index, lists: &Lists, names: &[String], ids: &[u32]) -> Ranking {
    let mut per_incident = vec![0u32; lists.len()];
    let mut without = 0;
    for &i in ids {
        match index.incident[i as usize] {
            NO_INCIDENT => without += 1,
            x => per_incident[x as usize] += 1,
        }
    }
    let mut counts = vec![0u32; names.len()];
    // The last incident that counted each name: a name repeated in an incident's list is
    // counted once, in constant time however long the list.
    let mut counted_for = vec![u32::MAX; names.len()];
    for (x, (list, &n)) in lists.iter().zip(&per_incident).enumerate() {
        if n == 0 {
            continue;
        }
        without += if list.is_empty() { n } else { 0 };
        for &v in list {
            if counted_for[v as usize] != x as u32 {
                counted_for[v as usize] = x as u32;
                counts[v as usize] += n;
            }
        }
    }
    let counted = counts.iter().enumerate().filter(|(_, n)| **n > 0).map(|(v, n)| (names[v].clone(), *n, ())).collect();
    rank(counted, ids.len() as u32, without)
}

/// The sectors targeted in the incidents of the claims `ids`, counted once per claim.
pub fn targeted_sectors(index: &Index, ids: &[u32]) -> Ranking {
    count_per_claim(index, &index.incident_sectors, &index.sector_names.values, ids)
}

/// The attack vectors and CVEs of the incidents of the claims `ids`, counted once per claim.
pub fn attack_vectors(index: &Index, ids: &[u32]) -> Ranking {
    count_per_claim(index, &index.incident_vectors, &index.vector_names.values, ids)
}

/// One sentence on a ranking of `what` (`sectors`, `vectors`: the catalogue's names).
fn describe(ranking: &Ranking, what: &str, lang: Lang) -> String {
    if ranking.claims == 0 {
        return no_match(lang);
    }
    let Some(top) = ranking.items.first() else {
        return lang.count(&format!("summary.ranking.{what}_none"), ranking.claims as usize, &[]);
    };
    lang.fill(
        "summary.ranking.text",
        &[
            ("claims", &claims(ranking.claims, lang)),
            ("distinct", &lang.count(&format!("count.{what}"), ranking.distinct, &[])),
            ("top", &top.name),
            ("top_claims", &claims(top.claims, lang)),
        ],
    )
}

/// One sentence on the targeted sectors.
pub fn describe_sectors(ranking: &Ranking, lang: Lang) -> String {
    describe(ranking, "sectors", lang)
}

/// One sentence on the attack vectors and CVEs.
pub fn describe_vectors(ranking: &Ranking, lang: Lang) -> String {
    describe(ranking, "vectors", lang)
}
