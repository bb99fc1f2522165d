//! Days from an incident's accusation to the first answer, for the response-lag chart.

use super::words::{counted, days, NO_MATCH};
use crate::model::{Dataset, PartialDate};
use crate::query::Index;

/// How many incidents the chart shows.
pub const TOP_LAGS: usize = 15;

/// One answered incident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lag {
    pub incident: String,
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
/// has an answer (`Index::first_answer`, a denial or counter-accusation) also among `ids`,
/// to that answer. Incidents without such a pair are left out.
pub fn response_lags(dataset: &Dataset, index: &Index, ids: &[u32]) -> ResponseLags {
    let mut matching = vec![false; dataset.claims.len()];
    for &i in ids {
        matching[i as usize] = true;
    }
    let mut all: Vec<Lag> = Vec::new();
    for incident in &dataset.incidents {
        let Some(members) = index.incident_claims.get(&incident.id) else { continue };
        let pair = members.iter().find_map(|&c| {
            let c = c as usize;
            let answer = index.first_answer[c]? as usize;
            (matching[c] && matching[answer] && !index.stance[c].is_answer() && index.stance[answer].is_answer())
                .then_some((c, answer))
        });
        if let Some((c, a)) = pair {
            let (accused_on, answered_on) = (dataset.claims[c].date, dataset.claims[a].date);
            all.push(Lag {
                incident: incident.id.clone(),
                title: incident.title.clone(),
                accused_on,
                answered_on,
                days: (answered_on.day_number() - accused_on.day_number()).max(0),
            });
        }
    }
    all.sort_by(|a, b| b.days.cmp(&a.days).then_with(|| a.title.cmp(&b.title)).then_with(|| a.incident.cmp(&b.incident)));
    let mut waits: Vec<i64> = all.iter().map(|l| l.days).collect();
    waits.sort_unstable();
    let median_days = match waits.len() {
        0 => None,
        n if n % 2 == 1 => Some(waits[n / 2] as f64),
        n => Some((waits[n / 2 - 1] + waits[n / 2]) as f64 / 2.0),
    };
    let answered = all.len();
    let longest = all.first().cloned();
    all.truncate(TOP_LAGS);
    ResponseLags { lags: all, answered, median_days, longest, claims: ids.len() as u32 }
}

/// One sentence: how many incidents were answered, the median wait and the longest.
pub fn describe_response_lags(lags: &ResponseLags) -> String {
    if lags.claims == 0 {
        return NO_MATCH.to_string();
    }
    let (Some(median), Some(longest)) = (lags.median_days, &lags.longest) else {
        return "No accusation among the matching claims has an answer among them.".to_string();
    };
    if lags.answered == 1 {
        return format!("One incident has an answer: {}, answered after {}.", longest.title, days(longest.days as f64));
    }
    format!(
        "{} have an answer; the median wait for the first answer was {}, the longest {} ({}).",
        counted(lags.answered, "incident", "incidents"),
        days(median),
        days(longest.days as f64),
        longest.title
    )
}
