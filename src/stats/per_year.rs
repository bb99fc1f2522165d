//! Claims per year by side, for the per-year chart, and its one-sentence description.

use super::words::claims;
use crate::model::{Dataset, Side};

/// Claims made in one year, split by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct YearCount {
    pub year: u16,
    pub us_cn: u32,
    pub cn_us: u32,
    pub other: u32,
}

impl YearCount {
    pub fn total(&self) -> u32 {
        self.us_cn + self.cn_us + self.other
    }

    /// The count for one side.
    pub fn get(&self, side: Side) -> u32 {
        match side {
            Side::UsCn => self.us_cn,
            Side::CnUs => self.cn_us,
            Side::Other => self.other,
        }
    }
}

/// Claims per year by side over the claims `ids`, one entry per year from the first to the
/// last year present (years with no claims included, so gaps show as gaps).
pub fn claims_per_year(dataset: &Dataset, ids: &[usize]) -> Vec<YearCount> {
    let years = ids.iter().map(|&i| dataset.claims[i].date.year);
    let (Some(first), Some(last)) = (years.clone().min(), years.max()) else {
        return Vec::new();
    };
    let mut out: Vec<YearCount> = (first..=last).map(|year| YearCount { year, ..YearCount::default() }).collect();
    for &i in ids {
        let claim = &dataset.claims[i];
        let slot = &mut out[usize::from(claim.date.year - first)];
        match dataset.side(claim) {
            Side::UsCn => slot.us_cn += 1,
            Side::CnUs => slot.cn_us += 1,
            Side::Other => slot.other += 1,
        }
    }
    out
}

/// One sentence describing the per-year counts, used as the chart's text alternative.
pub fn describe_per_year(years: &[YearCount]) -> String {
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return "No claims match the current search.".to_string();
    };
    let sum = |side| years.iter().map(|y| y.get(side)).sum::<u32>();
    let peak = years.iter().rev().max_by_key(|y| y.total()).expect("non-empty");
    let span = if first.year == last.year {
        format!("In {}", first.year)
    } else {
        format!("From {} to {}", first.year, last.year)
    };
    let other = match sum(Side::Other) {
        0 => String::new(),
        n => format!(", with {} between other parties", claims(n)),
    };
    format!(
        "{span}, US bodies made {} against China and Chinese bodies {} against the US{other}; the peak was {} ({}).",
        claims(sum(Side::UsCn)),
        sum(Side::CnUs),
        peak.year,
        peak.total()
    )
}
