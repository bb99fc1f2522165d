//! Text search over headline, summary, quote and actor names.

use crate::model::Dataset;

/// Lower-cased text of every claim, built once, so that a keystroke only scans strings.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    haystacks: Vec<String>,
}

/// Lower-cases text for matching. Chinese text is unchanged and matches as substrings.
pub fn normalise(text: &str) -> String {
    text.to_lowercase()
}

impl SearchIndex {
    /// Builds the index; claim `i` of the dataset is entry `i`.
    pub fn build(dataset: &Dataset) -> Self {
        let haystacks = dataset
            .claims
            .iter()
            .map(|c| {
                let mut text = String::with_capacity(c.headline.len() + c.summary.len() + 64);
                let mut push = |s: &str| {
                    text.push_str(&normalise(s));
                    text.push('\n');
                };
                push(&c.headline);
                push(&c.summary);
                if let Some(q) = &c.quote {
                    push(&q.text);
                    push(&q.speaker);
                }
                for id in std::iter::once(&c.claimant).chain(&c.accused) {
                    match dataset.actor(id) {
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

    /// Indices of the claims that contain every word of `query` (all claims for an empty query).
    pub fn matching(&self, query: &str) -> Vec<usize> {
        let q = normalise(query);
        let words: Vec<&str> = q.split_whitespace().collect();
        self.haystacks
            .iter()
            .enumerate()
            .filter(|(_, h)| words.iter().all(|w| h.contains(w)))
            .map(|(i, _)| i)
            .collect()
    }
}
