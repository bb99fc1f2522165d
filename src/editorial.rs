//! The editor's rules for a dataset that a newsroom can cite (`claims-check --strict`):
//! beyond what the reader requires, every source has a real title and rests on a listed
//! publisher, every quote is the claimant's own, every answer answers the other side and is
//! not dated before what it answers, and no former id is another claim's. The publisher list
//! is `data/publishers.json`, kept in the repository (CONTRACTS.md, The editor's rules).

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use crate::model::{Claim, Dataset};

/// How far a publisher's page can carry a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    /// The claimant's own statement, transcript, indictment, advisory or report.
    Primary,
    /// A wire service, newspaper, broadcaster, state news agency or trade publication of record.
    Reputable,
}

/// The publishers a claim may rest on, by web host.
#[derive(Debug, Clone, Default)]
pub struct Publishers {
    tiers: FxHashMap<String, Tier>,
}

#[derive(Deserialize)]
struct ListFile {
    publishers: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    host: String,
    tier: Tier,
}

impl Publishers {
    /// Reads `data/publishers.json`: `{"publishers": [{"host", "name", "tier"}]}`.
    pub fn parse(text: &str) -> Result<Publishers, String> {
        let file: ListFile = serde_json::from_str(text).map_err(|e| format!("the publisher list: {e}"))?;
        let tiers = file.publishers.into_iter().map(|e| (e.host.trim().to_ascii_lowercase(), e.tier)).collect();
        Ok(Publishers { tiers })
    }

    /// The tier of a URL's host, or of the nearest listed host it is a subdomain of.
    pub fn tier(&self, url: &str) -> Option<Tier> {
        let rest = url.split_once("://")?.1;
        let host = rest.split(['/', '?', '#', ':']).next()?.to_ascii_lowercase();
        let mut name = host.as_str();
        loop {
            if let Some(&t) = self.tiers.get(name) {
                return Some(t);
            }
            name = name.split_once('.')?.1;
        }
    }
}

/// One broken rule: the claim's id and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub claim: String,
    pub message: String,
}

/// What the rules found, and how many sources carry a date.
#[derive(Debug, Clone, Default)]
pub struct Review {
    pub findings: Vec<Finding>,
    /// Sources without a title: listed for the editor, not failed, since a title is never
    /// guessed and some stored pages do not show theirs.
    pub untitled: Vec<Finding>,
    pub sources: usize,
    pub dated: usize,
}

impl Review {
    /// "324 of 403 sources dated (80%)".
    pub fn dated_line(&self) -> String {
        let share = (self.dated * 100).checked_div(self.sources).unwrap_or(0);
        format!("{} of {} sources dated ({share}%)", self.dated, self.sources)
    }
}

/// Titles that stand in for a page's title rather than being it.
fn is_placeholder(title: &str, publisher: &str) -> bool {
    let t = title.trim().to_lowercase();
    const STAND_INS: &[&str] =
        &["report on ", "reporting on ", "coverage of ", "article on ", "statement on ", "story on ", "untitled"];
    STAND_INS.iter().any(|p| t.starts_with(p))
        || t == publisher.trim().to_lowercase()
        || t.starts_with("http://")
        || t.starts_with("https://")
}

/// Whether the quote's speaker names the claimant: its name or one of its aliases.
fn speaker_is_claimant(dataset: &Dataset, claim: &Claim, speaker: &str) -> bool {
    let speaker = speaker.to_lowercase();
    dataset.actor(&claim.claimant).is_some_and(|a| {
        std::iter::once(&a.name).chain(&a.aliases).any(|n| !n.trim().is_empty() && speaker.contains(&n.to_lowercase()))
    })
}

/// Applies the editor's rules to `dataset`.
pub fn review(dataset: &Dataset, publishers: &Publishers) -> Review {
    let mut review = Review::default();
    let position: FxHashMap<&str, usize> = dataset.claims.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    let country = |actor: &str| dataset.actor(actor).map(|a| a.country.as_str());
    let mut aliases: FxHashSet<&str> = FxHashSet::default();
    for claim in &dataset.claims {
        for (k, s) in claim.sources.iter().enumerate() {
            if s.title.trim().is_empty() {
                let message = format!("sources[{k}] ({}) has no title yet; give the page's own title", s.publisher);
                review.untitled.push(Finding { claim: claim.id.clone(), message });
            }
        }
        let mut find = |message: String| review.findings.push(Finding { claim: claim.id.clone(), message });
        for (k, s) in claim.sources.iter().enumerate() {
            if !s.title.trim().is_empty() && is_placeholder(&s.title, &s.publisher) {
                find(format!("sources[{k}].title \"{}\" is a placeholder, not the page's title", s.title));
            }
        }
        if !claim.sources.iter().any(|s| publishers.tier(&s.url).is_some()) {
            find("no source is a primary or reputable publisher (data/publishers.json): the claim rests only on aggregators or mirrors".into());
        }
        if let Some(q) = &claim.quote {
            if !speaker_is_claimant(dataset, claim, &q.speaker) {
                let who = dataset.actor_name(&claim.claimant);
                find(format!(
                    "the quote's speaker \"{}\" does not name the claimant ({who}): quote the claimant's own words, or no one",
                    q.speaker
                ));
            }
        }
        for target in &claim.responds_to {
            let Some(&t) = position.get(target.as_str()) else { continue };
            let answered = &dataset.claims[t];
            if claim.date.latest() < answered.date.earliest() {
                find(format!("it answers {target}, dated {}, but is dated {}, before it", answered.date, claim.date));
            }
            let (mine, theirs) = (country(&claim.claimant), country(&answered.claimant));
            if mine.is_some() && mine == theirs && claim.same_side_reason.as_deref().is_none_or(|r| r.trim().is_empty())
            {
                find(format!(
                    "it answers {target}, a claim of its own side ({}); an answer answers the other side, or says why in same_side_reason",
                    mine.unwrap_or_default()
                ));
            }
        }
        for alias in &claim.aliases {
            if position.contains_key(alias.as_str()) || !aliases.insert(alias) {
                find(format!("its former id \"{alias}\" is another claim's id or former id"));
            }
        }
        review.sources += claim.sources.len();
        review.dated += claim.sources.iter().filter(|s| s.date.is_some()).count();
    }
    review
}
