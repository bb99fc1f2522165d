//! Who accuses whom: claim counts for the top claimants × the top accused, for the actors
//! chart's heat map.

use std::collections::HashMap;

use super::words::{claims, counted, ranked, NO_MATCH};
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

/// Counts who accuses whom over the claims `ids`.
pub fn who_accuses_whom(dataset: &Dataset, index: &Index, ids: &[u32]) -> ActorMatrix {
    let names: HashMap<&str, &str> = dataset.actors.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect();
    let name = |a: u32| {
        let id = index.actors.values[a as usize].as_str();
        names.get(id).copied().unwrap_or(id).to_string()
    };
    let mut by_claimant: HashMap<u32, u32> = HashMap::new();
    let mut by_accused: HashMap<u32, u32> = HashMap::new();
    let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
    for &i in ids {
        let claimant = index.claimant[i as usize];
        *by_claimant.entry(claimant).or_default() += 1;
        let mut accused = index.accused[i as usize].clone();
        accused.sort_unstable();
        accused.dedup();
        for a in accused {
            *by_accused.entry(a).or_default() += 1;
            *pairs.entry((claimant, a)).or_default() += 1;
        }
    }
    if pairs.is_empty() {
        return ActorMatrix { claims: ids.len() as u32, ..ActorMatrix::default() };
    }
    let top = |counts: &HashMap<u32, u32>| -> Vec<(String, u32, u32)> {
        ranked(counts.iter().map(|(&a, &n)| (name(a), n, a)).collect(), TOP_ACTORS)
    };
    // Claimants who accuse nobody have no row to fill.
    let accusers: std::collections::HashSet<u32> = pairs.keys().map(|(c, _)| *c).collect();
    let accusing: HashMap<u32, u32> =
        by_claimant.into_iter().filter(|(c, _)| accusers.contains(c)).collect();
    let (rows, columns) = (top(&accusing), top(&by_accused));
    let counts = rows
        .iter()
        .map(|r| columns.iter().map(|c| pairs.get(&(r.2, c.2)).copied().unwrap_or(0)).collect())
        .collect();
    // Only the pairs with the highest count can be the busiest; names break the tie.
    let most = pairs.values().copied().max().unwrap_or(0);
    let busiest = ranked(
        pairs
            .iter()
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
        distinct_claimants: accusing.len(),
        distinct_accused: by_accused.len(),
        busiest,
        claims: ids.len() as u32,
    }
}

/// One sentence: how many claimants name how many accused, and the busiest pair.
pub fn describe_actors(matrix: &ActorMatrix) -> String {
    if matrix.claims == 0 {
        return NO_MATCH.to_string();
    }
    let Some((claimant, accused, n)) = &matrix.busiest else {
        return "None of the matching claims names an accused party.".to_string();
    };
    let verb = if matrix.distinct_claimants == 1 { "names" } else { "name" };
    format!(
        "{} {verb} {}; the most frequent pair is {claimant} → {accused} ({}).",
        counted(matrix.distinct_claimants, "claimant", "claimants"),
        counted(matrix.distinct_accused, "accused party", "accused parties"),
        claims(*n)
    )
}
