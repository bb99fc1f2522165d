//! Claims per stance and side, for the stances chart.

use super::words::{claims, no_match};
use crate::i18n::Lang;
use crate::model::{Side, Stance};
use crate::query::Index;

/// The claims of one stance, by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StanceCount {
    pub stance: Stance,
    /// In `Side::ALL` order: US→China, China→US, other.
    pub by_side: [u32; 3],
}

impl StanceCount {
    /// All claims of this stance.
    pub fn total(&self) -> u32 {
        self.by_side.iter().sum()
    }

    /// The claims of this stance on one side.
    pub fn get(&self, side: Side) -> u32 {
        self.by_side[Side::ALL.iter().position(|s| *s == side).expect("a side")]
    }
}

/// The stances chart's numbers: every stance, in `Stance::ALL` order, zeros included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StanceTally {
    pub rows: Vec<StanceCount>,
}

impl StanceTally {
    /// All counted claims.
    pub fn total(&self) -> u32 {
        self.rows.iter().map(StanceCount::total).sum()
    }

    /// The claims of one side, all stances.
    pub fn side_total(&self, side: Side) -> u32 {
        self.rows.iter().map(|r| r.get(side)).sum()
    }
}

/// Counts the claims `ids` by stance and side.
pub fn stances_by_side(index: &Index, ids: &[u32]) -> StanceTally {
    let mut rows: Vec<StanceCount> =
        Stance::ALL.iter().map(|&stance| StanceCount { stance, by_side: [0; 3] }).collect();
    for &i in ids {
        let i = i as usize;
        // Discriminants follow `Stance::ALL` and `Side::ALL` order.
        rows[index.stance[i] as usize].by_side[index.side[i] as usize] += 1;
    }
    StanceTally { rows }
}

/// One sentence: how many claims accuse and how many answer, and the most common stance
/// (the first in `Stance::ALL` order among equals).
pub fn describe_stances(tally: &StanceTally, lang: Lang) -> String {
    let total = tally.total();
    if total == 0 {
        return no_match(lang);
    }
    let answering: u32 = tally.rows.iter().filter(|r| r.stance.is_answer()).map(StanceCount::total).sum();
    let accusing = total - answering;
    let verb = |n: u32, key: &str| match n {
        0 => lang.text(&format!("summary.stances.{key}_none")).into_owned(),
        n => lang.count(&format!("summary.stances.{key}"), n as usize, &[]),
    };
    let top = tally.rows.iter().rev().max_by_key(|r| r.total()).expect("eight stances");
    lang.fill(
        "summary.stances.text",
        &[
            ("claims", &claims(total, lang)),
            ("accusing", &verb(accusing, "accusing")),
            ("answering", &verb(answering, "answering")),
            ("stance", &top.stance.label(lang).to_lowercase()),
            ("top", &lang.number(top.total() as usize)),
        ],
    )
}
