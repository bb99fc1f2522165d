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

/// Part of a thread: some of its entries in order, and how many of its claims come before and
/// after them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadWindow {
    pub entries: Vec<ThreadEntry>,
    pub before: usize,
    pub after: usize,
}

/// The claims of a claim's thread, oldest first: its incident's, or the claim alone.
fn members<'i>(dataset: &Dataset, index: &'i Index, claim: &'i u32) -> &'i [u32] {
    dataset.claims[*claim as usize]
        .incident
        .as_ref()
        .and_then(|x| index.incident_claims.get(x))
        .map_or(std::slice::from_ref(claim), Vec::as_slice)
}

/// The entry of claim `c` of the thread of `claim`: its first answer is in the thread when it
/// shares the incident (a claim without an incident is a thread of one).
fn entry(dataset: &Dataset, index: &Index, claim: u32, c: u32) -> ThreadEntry {
    let incident = &dataset.claims[claim as usize].incident;
    ThreadEntry {
        claim: c,
        answered_after_days: index.first_answer[c as usize]
            .filter(|&a| incident.is_some() && dataset.claims[a as usize].incident == *incident)
            .map(|a| dataset.claims[a as usize].date.day_number() - dataset.claims[c as usize].date.day_number()),
    }
}

/// A claim's thread: the claims of its incident (or the claim alone), oldest first.
pub fn thread(dataset: &Dataset, index: &Index, claim: u32) -> Vec<ThreadEntry> {
    members(dataset, index, &claim).iter().map(|&c| entry(dataset, index, claim, c)).collect()
}

/// At most `max` (at least 1) entries of a claim's thread, the claim among them: the whole
/// thread when it fits, else the entries around the claim (the first ones or the last ones
/// near an end). What a page shows of an incident of any size.
pub fn thread_window(dataset: &Dataset, index: &Index, claim: u32, max: usize) -> ThreadWindow {
    let all = members(dataset, index, &claim);
    let max = max.max(1);
    let at = all.iter().position(|&c| c == claim).unwrap_or(0);
    let start = at.saturating_sub(max / 2).min(all.len().saturating_sub(max));
    let end = (start + max).min(all.len());
    ThreadWindow {
        entries: all[start..end].iter().map(|&c| entry(dataset, index, claim, c)).collect(),
        before: start,
        after: all.len() - end,
    }
}

/// How many claims a claim's thread holds (1 when it has no incident).
pub fn thread_len(dataset: &Dataset, index: &Index, claim: u32) -> usize {
    members(dataset, index, &claim).len()
}
