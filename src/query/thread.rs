//! Response threads: an incident's claims in date order, with how long each accusation
//! waited for its first answer.

use super::index::Index;
use crate::model::Dataset;

/// One claim in a thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadEntry {
    pub claim: u32,
    /// Days from this claim to its first answer, when that answer is in the thread.
    pub answered_after_days: Option<i64>,
}

/// A claim's thread: the claims of its incident (or the claim alone), oldest first.
pub fn thread(dataset: &Dataset, index: &Index, claim: u32) -> Vec<ThreadEntry> {
    let members: Vec<u32> = dataset.claims[claim as usize]
        .incident
        .as_ref()
        .and_then(|x| index.incident_claims.get(x))
        .cloned()
        .unwrap_or_else(|| vec![claim]);
    members
        .iter()
        .map(|&c| ThreadEntry {
            claim: c,
            answered_after_days: index.first_answer[c as usize]
                .filter(|a| members.contains(a))
                .map(|a| dataset.claims[a as usize].date.day_number() - dataset.claims[c as usize].date.day_number()),
        })
        .collect()
}

/// How many claims a claim's thread holds (1 when it has no incident).
pub fn thread_len(dataset: &Dataset, index: &Index, claim: u32) -> usize {
    dataset.claims[claim as usize].incident.as_ref().and_then(|x| index.incident_claims.get(x)).map_or(1, Vec::len)
}
