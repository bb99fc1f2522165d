//! The date order of claims, with answers after what they answer.
//!
//! Dates keep their precision, and a less precise date sorts first within its year: an answer
//! dated `2025-03` to a claim of `2025-03-05` would sort before it. So each claim's key is the
//! greatest of its own date and the keys of the claims it names in `responds_to`, one step
//! further: an answer never sorts before a claim it answers, whatever the two precisions.

use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::model::Dataset;

/// A date as a number that orders as `PartialDate` does: year, then month, then day, a
/// missing part first (a missing part is 0, a present one at least 1).
fn date_key(c: &crate::model::Claim) -> u32 {
    let d = c.date;
    u32::from(d.year) << 16 | u32::from(d.month.unwrap_or(0)) << 8 | u32::from(d.day.unwrap_or(0))
}

/// Per claim, its sort key: (the date key, the steps of answering behind it) in one number.
/// Linear in the claims and references; a cycle of answers is broken where it closes.
pub fn keys(dataset: &Dataset) -> Vec<u64> {
    let claims = &dataset.claims;
    let own = |i: usize| u64::from(date_key(&claims[i])) << 32;
    if claims.iter().all(|c| c.responds_to.is_empty()) {
        return (0..claims.len()).map(own).collect();
    }
    let mut position: FxHashMap<&str, u32> = FxHashMap::with_capacity_and_hasher(claims.len(), FxBuildHasher);
    for (i, c) in claims.iter().enumerate() {
        // The last of duplicate ids wins, as for the first answers.
        position.insert(c.id.as_str(), i as u32);
    }
    // Each claim's resolved references, one after another: claim i's are flat[start[i]..start[i + 1]].
    let mut start = Vec::with_capacity(claims.len() + 1);
    let mut flat: Vec<u32> = Vec::new();
    start.push(0);
    for c in claims {
        flat.extend(c.responds_to.iter().filter_map(|t| position.get(t.as_str()).copied()));
        start.push(flat.len());
    }

    const UNSEEN: u8 = 0;
    const OPEN: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![UNSEEN; claims.len()];
    let mut key: Vec<u64> = (0..claims.len()).map(own).collect();
    // Depth first without recursion (a chain of answers may be as long as the dataset): each
    // frame is a claim and how many of its references it has visited.
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for root in 0..claims.len() {
        if state[root] != UNSEEN {
            continue;
        }
        state[root] = OPEN;
        stack.push((root, 0));
        while let Some(&mut (c, ref mut next)) = stack.last_mut() {
            match flat[start[c]..start[c + 1]].get(*next) {
                Some(&t) => {
                    let t = t as usize;
                    *next += 1;
                    match state[t] {
                        UNSEEN => {
                            state[t] = OPEN;
                            stack.push((t, 0));
                        }
                        DONE => key[c] = key[c].max(key[t].saturating_add(1)),
                        _ => {} // a cycle: this reference is not followed
                    }
                }
                None => {
                    state[c] = DONE;
                    stack.pop();
                    if let Some(&(parent, _)) = stack.last() {
                        key[parent] = key[parent].max(key[c].saturating_add(1));
                    }
                }
            }
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, PartialDate, Stance};

    fn claim(id: &str, date: &str, answers: &[&str]) -> Claim {
        Claim {
            id: id.into(),
            date: PartialDate::parse(date).unwrap(),
            claimant: "a".into(),
            accused: vec![],
            stance: Stance::Denial,
            incident: None,
            responds_to: answers.iter().map(|s| s.to_string()).collect(),
            headline: id.into(),
            summary: String::new(),
            headline_zh: None,
            summary_zh: None,
            quote: None,
            sources: vec![],
            confidence: Default::default(),
            tags: vec![],
            aliases: vec![],
            same_side_reason: None,
        }
    }

    fn order(claims: Vec<Claim>) -> Vec<String> {
        let d = Dataset {
            schema: String::new(),
            title: String::new(),
            updated: PartialDate::parse("2026").unwrap(),
            license: String::new(),
            description: None,
            actors: vec![],
            incidents: vec![],
            claims,
        };
        let key = keys(&d);
        let mut ids: Vec<usize> = (0..d.claims.len()).collect();
        ids.sort_by_key(|&i| (key[i], d.claims[i].id.clone()));
        ids.into_iter().map(|i| d.claims[i].id.clone()).collect()
    }

    #[test]
    fn a_coarser_answer_sorts_after_what_it_answers_and_so_does_its_own_answer() {
        let got = order(vec![
            claim("c-answer", "2025-03", &["b-claim"]),
            claim("b-claim", "2025-03-05", &[]),
            claim("a-reply", "2025", &["c-answer"]),
            claim("d-early", "2025-03-01", &[]),
            claim("e-later", "2025-04", &[]),
        ]);
        assert_eq!(got, ["d-early", "b-claim", "c-answer", "a-reply", "e-later"]);
    }

    #[test]
    fn an_answer_dated_later_keeps_its_own_date_and_a_cycle_ends() {
        let got = order(vec![
            claim("x", "2020-01-01", &["y"]),
            claim("y", "2020-01-02", &["x"]),
            claim("z", "2019", &[]),
            claim("w", "2021", &["z"]),
        ]);
        assert_eq!(got.first().map(String::as_str), Some("z"));
        assert_eq!(got.last().map(String::as_str), Some("w"));
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn a_chain_as_long_as_the_dataset_needs_no_recursion() {
        let n = 200_000;
        let claims: Vec<Claim> = (0..n)
            .map(|i| {
                let prev = [format!("c{}", i + 1)];
                let answers: Vec<&str> = prev.iter().filter(|_| i + 1 < n).map(String::as_str).collect();
                claim(&format!("c{i}"), "2020", &answers)
            })
            .collect();
        let got = order(claims);
        assert_eq!(got.first().map(String::as_str), Some(format!("c{}", n - 1).as_str()));
        assert_eq!(got.last().map(String::as_str), Some("c0"));
    }
}
