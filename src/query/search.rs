//! Text search over headline, summary, quote and actor names (English, Chinese, aliases).

use super::text::{fold, query_words};
use crate::model::Dataset;

/// The folded text of every claim, built once, so that a keystroke only scans strings.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    haystacks: Vec<String>,
}

impl SearchIndex {
    /// Builds the index; claim `i` of the dataset is entry `i`.
    pub fn build(dataset: &Dataset) -> Self {
        let actors: std::collections::HashMap<&str, &crate::model::Actor> =
            dataset.actors.iter().map(|a| (a.id.as_str(), a)).collect();
        let haystacks = dataset
            .claims
            .iter()
            .map(|c| {
                let mut text = String::with_capacity(c.headline.len() + c.summary.len() + 64);
                let mut push = |s: &str| {
                    text.push_str(&fold(s));
                    text.push('\n');
                };
                push(&c.headline);
                push(&c.summary);
                if let Some(q) = &c.quote {
                    push(&q.text);
                    push(&q.speaker);
                }
                for id in std::iter::once(&c.claimant).chain(&c.accused) {
                    match actors.get(id.as_str()) {
                        Some(a) => {
                            push(&a.name);
                            if let Some(zh) = &a.name_zh {
                                push(zh);
                            }
                            for alias in &a.aliases {
                                push(alias);
                            }
                        }
                        None => push(id),
                    }
                }
                text
            })
            .collect();
        SearchIndex { haystacks }
    }

    /// Whether claim `i` contains every one of `words` (as made by `query_words`).
    pub fn is_match(&self, i: usize, words: &[String]) -> bool {
        let h = &self.haystacks[i];
        words.iter().all(|w| h.contains(w.as_str()))
    }

    /// Indices of the claims that contain every word of `query` (all claims for an empty query).
    pub fn matching(&self, query: &str) -> Vec<usize> {
        let words = query_words(query);
        (0..self.haystacks.len()).filter(|&i| self.is_match(i, &words)).collect()
    }
}
