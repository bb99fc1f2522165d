//! Claims per quarter, split by side and by stance group (accusing or answering), for the
//! timeline chart.

use super::words::{claims, no_match};
use crate::i18n::Lang;
use crate::model::{PartialDate, Side, Stance};
use crate::query::Index;

/// A calendar quarter, such as 2024 Q4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: u16,
    /// 1 to 4.
    pub quarter: u8,
}

impl Quarter {
    /// The quarter a date falls in; a date given only as a year counts in its first quarter
    /// (the earliest day it could mean), as it does when sorting.
    pub fn of(date: &PartialDate) -> Quarter {
        let (year, month, _) = date.earliest();
        Quarter { year, quarter: (month - 1) / 3 + 1 }
    }

    /// The quarter after this one.
    pub fn next(self) -> Quarter {
        if self.quarter == 4 {
            Quarter { year: self.year + 1, quarter: 1 }
        } else {
            Quarter { year: self.year, quarter: self.quarter + 1 }
        }
    }

    /// "2024 Q4", "2024年第4季度".
    pub fn label(self, lang: Lang) -> String {
        lang.fill("date.quarter", &[("year", &self.year.to_string()), ("quarter", &self.quarter.to_string())])
    }
}

/// The claims of one quarter. Accusing stances are accusation, attribution, indictment,
/// sanction, advisory and report; answering stances are denial and counter-accusation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuarterCount {
    pub quarter: Quarter,
    pub us_cn_accusing: u32,
    pub us_cn_answering: u32,
    pub cn_us_accusing: u32,
    pub cn_us_answering: u32,
    /// Claims between other parties: counted, not drawn.
    pub other: u32,
}

impl QuarterCount {
    /// US→China claims of the quarter.
    pub fn us_cn(&self) -> u32 {
        self.us_cn_accusing + self.us_cn_answering
    }

    /// China→US claims of the quarter.
    pub fn cn_us(&self) -> u32 {
        self.cn_us_accusing + self.cn_us_answering
    }

    /// Every claim of the quarter, other parties included.
    pub fn total(&self) -> u32 {
        self.us_cn() + self.cn_us() + self.other
    }
}

/// The timeline's numbers: one entry per quarter from the first to the last with a matching
/// claim, empty quarters included so gaps show as gaps.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Timeline {
    pub quarters: Vec<QuarterCount>,
}

/// Claims per quarter by side and stance group over the claims `ids`.
pub fn claims_per_quarter(index: &Index, ids: &[u32]) -> Timeline {
    if ids.is_empty() {
        return Timeline::default();
    }
    // `Index::quarter` is year * 4 + quarter - 1: count over every quarter of the dataset in
    // one pass (five cells each), then keep the first to the last quarter that has a claim.
    let base = index.first_year * 4;
    let span = usize::from(index.last_year - index.first_year + 1) * 4;
    let mut cells = vec![[0u32; 5]; span];
    for &i in ids {
        let i = i as usize;
        // 0, 1: US→China accusing, answering; 2, 3: China→US; 4: other parties.
        // An agreement neither accuses nor answers: it is counted with the other parties'.
        let cell = match index.side[i] {
            Side::Other => 4,
            _ if index.stance[i] == Stance::Agreement => 4,
            side => side as usize * 2 + usize::from(index.stance[i].is_answer()),
        };
        cells[usize::from(index.quarter[i] - base)][cell] += 1;
    }
    let busy = |c: &&[u32; 5]| c.iter().any(|&n| n > 0);
    let first = cells.iter().position(|c| busy(&c)).expect("a claim");
    let last = cells.iter().rposition(|c| busy(&c)).expect("a claim");
    let quarters = (first..=last)
        .map(|k| {
            let q = base + k as u16;
            let [us_cn_accusing, us_cn_answering, cn_us_accusing, cn_us_answering, other] = cells[k];
            QuarterCount {
                quarter: Quarter { year: q / 4, quarter: (q % 4) as u8 + 1 },
                us_cn_accusing,
                us_cn_answering,
                cn_us_accusing,
                cn_us_answering,
                other,
            }
        })
        .collect();
    Timeline { quarters }
}

/// One sentence on the timeline: the span, each side's claims, other parties' claims if
/// any, and the busiest quarter (the earliest of equals).
pub fn describe_timeline(timeline: &Timeline, lang: Lang) -> String {
    let (Some(first), Some(last)) = (timeline.quarters.first(), timeline.quarters.last()) else {
        return no_match(lang);
    };
    let sum = |f: fn(&QuarterCount) -> u32| timeline.quarters.iter().map(f).sum::<u32>();
    let (us_cn, cn_us, other) = (sum(QuarterCount::us_cn), sum(QuarterCount::cn_us), sum(|q| q.other));
    let busiest = timeline.quarters.iter().rev().max_by_key(|q| q.total()).expect("non-empty");
    let (from, to) = (first.quarter.year.to_string(), last.quarter.year.to_string());
    let span = if from == to {
        lang.fill("summary.timeline.in_year", &[("year", &from)])
    } else {
        lang.fill("summary.timeline.from_to", &[("from", &from), ("to", &to)])
    };
    let us = match us_cn {
        0 => lang.text("summary.timeline.us_none").into_owned(),
        n => claims(n, lang),
    };
    let cn = match cn_us {
        0 => lang.text("summary.timeline.cn_none").into_owned(),
        n => lang.fill("summary.timeline.cn", &[("n", &lang.number(n as usize))]),
    };
    let other = match other {
        0 => String::new(),
        n => lang.fill("summary.timeline.other", &[("claims", &claims(n, lang))]),
    };
    lang.fill(
        "summary.timeline.text",
        &[
            ("span", &span),
            ("us", &us),
            ("cn", &cn),
            ("other", &other),
            ("quarter", &busiest.quarter.label(lang)),
            ("busiest", &lang.number(busiest.total() as usize)),
        ],
    )
}
