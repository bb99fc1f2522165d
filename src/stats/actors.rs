//! Who accuses whom: claim counts for the top claimants × the top accused, for the actors
//! chart's heat map.

use rustc_hash::{FxBuildHasher, FxHashMap};

use super::words::{claims, no_match, ranked};
use crate::i18n::Lang;
use crate::model::Dataset;
use crate::query::Index;

/// How many claimants (rows) and accused (columns) the matrix keeps.
pub const TOP_ACTORS: usize = 6;

/// The actors chart's numbers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActorMatrix {
    /// Names of the top claimants by matching claims, most first (ties by name).
    pub claimants: Vec<String>,
    /// Names of the top accused by matching claims naming them, most first (ties by name).
    pub accused: Vec<String>,
    /// `counts[row][column]`: claims by `claimants[row]` naming `accused[column]`.
    pub counts: Vec<Vec<u32>>,
    /// How many different claimants and accused the matching claims have (kept or not).
    pub distinct_claimants: usize,
    pub distinct_accused: usize,
    /// The pair with the most claims over all matching claims: (claimant, accused, claims).
    pub busiest: Option<(String, String, u32)>,
    /// How many claims matched.
    pub claims: u32,
}

/// Counts who accuses whom over the claims `ids`: one pass counting claims per claimant
/// and per (claimant, accused) pair (`Index::pairs`, distinct per claim), then the accused
/// counts and the ranking from the pair counts.
pub fn who_accuses_whom(dataset: &Dataset, index: &Index, ids: &[u32], lang: Lang) -> ActorMatrix {
    let mut by_claimant = vec![0u32; index.actors.len()];
    let mut by_pair = vec![0u32; index.pair_actors.len()];
    for &i in ids {
        let i = i as usize;
        by_claimant[index.claimant[i] as usize] += 1;
        for &p in index.pairs.get(i) {
            by_pair[p as usize] += 1;
        }
    }
    // Each claim's pairs name distinct accused, so summing pairs counts claims per accused.
    let mut by_accused = vec![0u32; index.actors.len()];
    let mut accuses = vec![false; index.actors.len()];
    let mut most = 0;
    for (&(c, a), &n) in index.pair_actors.iter().zip(&by_pair) {
        if n > 0 {
            by_accused[a as usize] += n;
            accuses[c as usize] = true;
            most = most.max(n);
        }
    }
    if most == 0 {
        return ActorMatrix { claims: ids.len() as u32, ..ActorMatrix::default() };
    }
    // Names through the index (no map of the actors built per call).
    let name = |a: u32| match index.actor_at(dataset, a) {
        Some(actor) => actor.name_in(lang).0.to_string(),
        None => index.actors.values[a as usize].clone(),
    };
    // Claimants who accuse nobody have no row to fill.
    let top = |counts: &[u32], keep: &dyn Fn(usize) -> bool| -> Vec<(String, u32, u32)> {
        let items = counts
            .iter()
            .enumerate()
            .filter(|&(a, &n)| n > 0 && keep(a))
            .map(|(a, &n)| (name(a as u32), n, a as u32))
            .collect();
        ranked(items, TOP_ACTORS)
    };
    let rows = top(&by_claimant, &|a| accuses[a]);
    let columns = top(&by_accused, &|_| true);
    let distinct_claimants = accuses.iter().filter(|&&x| x).count();
    let distinct_accused = by_accused.iter().filter(|&&n| n > 0).count();
    let mut pair_of: FxHashMap<(u32, u32), u32> =
        FxHashMap::with_capacity_and_hasher(TOP_ACTORS * TOP_ACTORS, FxBuildHasher);
    let (in_rows, in_columns): (Vec<u32>, Vec<u32>) =
        (rows.iter().map(|r| r.2).collect(), columns.iter().map(|c| c.2).collect());
    for (&(c, a), &n) in index.pair_actors.iter().zip(&by_pair) {
        if n > 0 && in_rows.contains(&c) && in_columns.contains(&a) {
            pair_of.insert((c, a), n);
        }
    }
    let counts =
        rows.iter().map(|r| columns.iter().map(|c| pair_of.get(&(r.2, c.2)).copied().unwrap_or(0)).collect()).collect();
    // Only the pairs with the highest count can be the busiest; names break the tie.
    let busiest = ranked(
        index
            .pair_actors
            .iter()
            .zip(&by_pair)
            .filter(|(_, &n)| n == most)
            .map(|(&(c, a), &n)| (format!("{}\u{0}{}", name(c), name(a)), n, ()))
            .collect(),
        1,
    )
    .pop()
    .map(|(key, n, ())| {
        let (c, a) = key.split_once('\u{0}').expect("joined above");
        (c.to_string(), a.to_string(), n)
    });
    ActorMatrix {
        claimants: rows.into_iter().map(|r| r.0).collect(),
        accused: columns.into_iter().map(|c| c.0).collect(),
        counts,
        distinct_claimants,
        distinct_accused,
        busiest,
        claims: ids.len() as u32,
    }
}

/// One sentence: how many claimants name how many accused, and the busiest pair.
pub fn describe_actors(matrix: &ActorMatrix, lang: Lang) -> String {
    if matrix.claims == 0 {
        return no_match(lang);
    }
    let Some((claimant, accused, n)) = &matrix.busiest else {
        return lang.text("summary.actors.none").into_owned();
    };
    lang.count(
        "summary.actors.text",
        matrix.distinct_claimants,
        &[
            ("accused", &lang.count("count.accused", matrix.distinct_accused, &[])),
            ("from", claimant),
            ("to", accused),
            ("claims", &claims(*n, lang)),
        ],
    )
}
