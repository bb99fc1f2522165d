//! Days from an incident's accusation to the first answer, for the response-lag chart.

use super::words::{days, no_match};
use crate::i18n::Lang;
use crate::model::{Dataset, PartialDate};
use crate::query::Index;

/// How many incidents the chart shows.
pub const TOP_LAGS: usize = 15;

/// One answered incident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lag {
    pub incident: String,
    /// The title in the reader's language (or in the other, where it has none).
    pub title: String,
    /// The date of the accusation that was answered.
    pub accused_on: PartialDate,
    /// The date of its first answer.
    pub answered_on: PartialDate,
    /// Days between the two (earliest days of partial dates; never below 0).
    pub days: i64,
}

/// The response-lag chart's numbers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResponseLags {
    /// The longest waits first (ties by title), at most `TOP_LAGS`.
    pub lags: Vec<Lag>,
    /// How many incidents have an answered accusation (kept or not).
    pub answered: usize,
    /// The median wait over all those incidents, in days.
    pub median_days: Option<f64>,
    /// The longest wait over all those incidents.
    pub longest: Option<Lag>,
    /// How many claims matched.
    pub claims: u32,
}

/// Per incident, the wait from its first accusation-type claim among the claims `ids` that
/// has an answer (`Index::first_answer`, a denial, counter-accusation or non-answer) also among `ids`,
/// to that answer. Incidents without such a pair are left out.
pub fn response_lags(dataset: &Dataset, index: &Index, ids: &[u32], lang: Lang) -> ResponseLags {
    // A bit per claim: small enough to stay in the cache.
    let mut bits = vec![0u64; dataset.claims.len().div_ceil(64)];
    for &i in ids {
        bits[(i >> 6) as usize] |= 1 << (i & 63);
    }
    let matching = |c: usize| bits[c >> 6] >> (c & 63) & 1 == 1;
    // Per answered incident: (days, incident position, accusation, answer).
    let mut all: Vec<(i64, u32, u32, u32)> = Vec::new();
    for (x, members) in index.incident_members.iter().enumerate() {
        let pair = members.iter().find_map(|&c| {
            let c = c as usize;
            let answer = index.first_answer[c]? as usize;
            (matching(c) && matching(answer) && index.stance[c].accuses() && index.stance[answer].is_answer())
                .then_some((c, answer))
        });
        if let Some((c, a)) = pair {
            let days = (dataset.claims[a].date.day_number() - dataset.claims[c].date.day_number()).max(0);
            all.push((days, x as u32, c as u32, a as u32));
        }
    }
    let answered = all.len();
    let median_days = if answered == 0 {
        None
    } else {
        let mut waits: Vec<i64> = all.iter().map(|l| l.0).collect();
        let (below, &mut upper, _) = waits.select_nth_unstable(answered / 2);
        if answered % 2 == 1 {
            Some(upper as f64)
        } else {
            let lower = *below.iter().max().expect("an even count above 0");
            Some((lower + upper) as f64 / 2.0)
        }
    };
    // The longest waits first, ties by title then id; only the kept ones are sorted.
    let incident = |x: u32| &dataset.incidents[x as usize];
    let order = |a: &(i64, u32, u32, u32), b: &(i64, u32, u32, u32)| {
        let (xa, xb) = (incident(a.1), incident(b.1));
        b.0.cmp(&a.0).then_with(|| xa.title.cmp(&xb.title)).then_with(|| xa.id.cmp(&xb.id)).then(a.1.cmp(&b.1))
    };
    crate::sort::top_by(&mut all, TOP_LAGS, order);
    let lags: Vec<Lag> = all
        .iter()
        .map(|&(days, x, c, a)| Lag {
            incident: incident(x).id.clone(),
            title: incident(x).title_in(lang).0.to_string(),
            accused_on: dataset.claims[c as usize].date,
            answered_on: dataset.claims[a as usize].date,
            days,
        })
        .collect();
    let longest = lags.first().cloned();
    ResponseLags { lags, answered, median_days, longest, claims: ids.len() as u32 }
}

/// One sentence: how many incidents were answered, the median wait and the longest.
pub fn describe_response_lags(lags: &ResponseLags, lang: Lang) -> String {
    if lags.claims == 0 {
        return no_match(lang);
    }
    let (Some(median), Some(longest)) = (lags.median_days, &lags.longest) else {
        return lang.text("summary.lags.none").into_owned();
    };
    let longest_days = days(longest.days as f64, lang);
    if lags.answered == 1 {
        return lang.fill("summary.lags.single", &[("title", &longest.title), ("days", &longest_days)]);
    }
    lang.fill(
        "summary.lags.text",
        &[
            ("incidents", &lang.count("count.incidents", lags.answered, &[])),
            ("median", &days(median, lang)),
            ("longest", &longest_days),
            ("title", &longest.title),
        ],
    )
}
