//! Text search over headline, summary, quote and actor names (English, Chinese, aliases).
//!
//! The rule (what `naive_match` below spells out): a claim matches when every query word
//! (`query_words`: folded, split at whitespace) occurs as a substring of the claim's folded
//! text. A query word holds no whitespace, so any place it occurs lies inside one maximal
//! run of non-whitespace characters — a *token*. So a claim matches a word exactly when one
//! of its tokens contains the word, and the index needs only:
//!
//! - the vocabulary: every distinct token once, in one `\n`-separated buffer, scanned for a
//!   query word (it is far smaller than all the claims' text);
//! - per entry (claim), its distinct token ids (`forward`), and per token, the entries that
//!   hold it (`postings`).
//!
//! A word's tokens are found in the vocabulary; then, whichever is cheaper, their postings
//! are unioned into a bit set, or each candidate's own tokens are checked against the set of
//! matching tokens (token ids are numbered most common first, so a common word is usually
//! found at a claim's first token). No claim text is kept.
//!
//! Each entry also keeps the set of bytes its text holds (`bytes`, one bit per letter and
//! digit, the other bytes sharing bits): a word of one letter or digit — the first keystroke
//! of a search — is answered from that alone, and a longer word skips the entries that lack
//! one of its bytes before their tokens are read.

use rustc_hash::{FxBuildHasher, FxHashMap};

use super::lists::Lists;
use super::text::{fold_into, query_words};

mod builder;
mod tokens;
use crate::model::{Actor, Claim, Dataset};
pub use builder::SearchBuilder;

/// The search index. Entries are claims in an order chosen at build time (`Index` uses date
/// order, so matches come out sorted).
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// Distinct tokens, each followed by `\n`, in id order.
    vocab: String,
    /// Where each token starts in `vocab`, plus `vocab.len()` at the end.
    starts: Vec<u32>,
    /// Per entry, its distinct token ids, ascending (most common tokens first).
    forward: Lists,
    /// Per token, the entries holding it, ascending.
    postings: Lists,
    /// Per entry, the bytes of its text (`byte_set`).
    bytes: Vec<u64>,
    /// Entry → claim index.
    order: Vec<u32>,
}

impl Default for SearchIndex {
    fn default() -> Self {
        SearchIndex {
            vocab: String::new(),
            starts: vec![0],
            forward: Lists::default(),
            postings: Lists::default(),
            bytes: Vec::new(),
            order: Vec::new(),
        }
    }
}

/// The bit of a byte of folded text: its own for each ASCII letter and digit (exact), shared
/// by the other bytes.
fn byte_bit(b: u8) -> u64 {
    1 << match b {
        b'a'..=b'z' => b - b'a',
        b'0'..=b'9' => 26 + (b - b'0'),
        _ => 36 + b % 28,
    }
}

/// The byte of a word of one ASCII letter or digit, whose bit alone tells which texts hold it.
fn exact_byte(word: &str) -> Option<u8> {
    match word.as_bytes() {
        [b] if b.is_ascii_alphanumeric() => Some(*b),
        _ => None,
    }
}

/// The set of bytes in `text`, as bits: a text can contain a word only if its set holds the
/// word's set.
fn byte_set(text: &[u8]) -> u64 {
    text.iter().fold(0, |set, &b| set | byte_bit(b))
}

/// The claim's own searched fields: headline and summary in both languages, and its quote's
/// text and speaker; so a search in either language finds a claim by either text.
fn own_fields(claim: &Claim) -> impl Iterator<Item = &str> {
    [claim.headline.as_str(), claim.summary.as_str()]
        .into_iter()
        .chain(claim.headline_zh.as_deref())
        .chain(claim.summary_zh.as_deref())
        .chain(claim.quote.iter().flat_map(|q| [q.text.as_str(), q.speaker.as_str()]))
}

/// The ids of the claim's parties, whose names are searched too (an unknown id, itself).
fn party_ids(claim: &Claim) -> impl Iterator<Item = &str> {
    std::iter::once(claim.claimant.as_str()).chain(claim.accused.iter().map(String::as_str))
}

/// An actor's searched names: name, Chinese name, aliases.
fn actor_names(actor: &Actor) -> impl Iterator<Item = &str> {
    std::iter::once(actor.name.as_str()).chain(actor.name_zh.as_deref()).chain(actor.aliases.iter().map(String::as_str))
}

/// Appends the folded text searched for `claim` to `out`: fields folded one by one, each
/// followed by `\n`.
fn claim_text(claim: &Claim, actors: &FxHashMap<&str, &Actor>, out: &mut String) {
    let mut push = |s: &str| {
        fold_into(s, out);
        out.push('\n');
    };
    own_fields(claim).for_each(&mut push);
    for id in party_ids(claim) {
        match actors.get(id) {
            Some(a) => actor_names(a).for_each(&mut push),
            None => push(id),
        }
    }
}

/// The definition of a match, without an index: every word occurs in the claim's folded
/// text. Used by tests to check the index.
pub fn naive_match(dataset: &Dataset, claim: usize, query: &str) -> bool {
    let actors: FxHashMap<&str, &Actor> = actor_map(dataset);
    let mut text = String::new();
    claim_text(&dataset.claims[claim], &actors, &mut text);
    query_words(query).iter().all(|w| text.contains(w.as_str()))
}

fn actor_map(dataset: &Dataset) -> FxHashMap<&str, &Actor> {
    let mut map = FxHashMap::with_capacity_and_hasher(dataset.actors.len(), FxBuildHasher);
    map.extend(dataset.actors.iter().map(|a| (a.id.as_str(), a)));
    map
}

impl SearchIndex {
    /// Builds the index with the claims in dataset order.
    pub fn build(dataset: &Dataset) -> Self {
        let order: Vec<u32> = (0..dataset.claims.len() as u32).collect();
        Self::build_in_order(dataset, order)
    }

    /// Builds the index with entry `e` for claim `order[e]`.
    pub fn build_in_order(dataset: &Dataset, order: Vec<u32>) -> Self {
        let mut builder = SearchBuilder::new(dataset, order);
        builder.add(dataset, usize::MAX);
        builder.finish(dataset)
    }
}

impl SearchIndex {
    /// How many entries.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// How many distinct tokens.
    pub fn tokens(&self) -> usize {
        self.starts.len() - 1
    }

    /// Bytes held on the heap.
    pub fn heap_bytes(&self) -> usize {
        self.vocab.capacity()
            + self.starts.capacity() * 4
            + self.forward.heap_bytes()
            + self.postings.heap_bytes()
            + self.bytes.capacity() * 8
            + self.order.capacity() * 4
    }

    /// The ids of the tokens containing `word`.
    fn tokens_with(&self, word: &str) -> Vec<u32> {
        let mut out = Vec::new();
        let mut from = 0usize;
        while let Some(p) = self.vocab[from..].find(word) {
            let at = (from + p) as u32;
            let t = self.starts.partition_point(|&s| s <= at) - 1;
            out.push(t as u32);
            from = self.starts[t + 1] as usize;
        }
        out
    }

    /// The entries, ascending, that contain every one of `words` (as made by `query_words`),
    /// looking only at `pool` (ascending) when given. No words: the whole pool.
    pub fn entries_matching(&self, words: &[String], pool: Option<&[u32]>) -> Vec<u32> {
        let n = self.order.len();
        let mut current: Option<Vec<u32>> = pool.map(<[u32]>::to_vec);
        // A word of one letter or digit: exactly the entries whose text holds that byte.
        for b in words.iter().filter_map(|w| exact_byte(w)) {
            let bit = byte_bit(b);
            let has = |e: u32| self.bytes[e as usize] & bit != 0;
            current = Some(match current {
                Some(mut c) => {
                    c.retain(|&e| has(e));
                    c
                }
                None => (0..n as u32).filter(|&e| has(e)).collect(),
            });
        }
        let mut found: Vec<(Vec<u32>, usize, u64)> = words
            .iter()
            // An empty word is in every text; a one-byte word was answered above.
            .filter(|w| !w.is_empty() && exact_byte(w).is_none())
            .map(|w| {
                let tokens = self.tokens_with(w);
                let postings = tokens.iter().map(|&t| self.postings.get(t as usize).len()).sum();
                (tokens, postings, byte_set(w.as_bytes()))
            })
            .collect();
        // The rarest word first: it cuts the pool most.
        crate::sort::sort_stable_by(&mut found, |a, b| a.1.cmp(&b.1));
        for (tokens, postings, need) in &found {
            let pool_len = current.as_ref().map_or(n, Vec::len);
            if *postings == 0 || pool_len == 0 {
                return Vec::new();
            }
            if *postings <= pool_len.saturating_mul(3) {
                // Union of the postings.
                let mut bits = vec![0u64; n.div_ceil(64)];
                for &t in tokens {
                    for &e in self.postings.get(t as usize) {
                        bits[(e >> 6) as usize] |= 1 << (e & 63);
                    }
                }
                current = Some(match current {
                    Some(mut c) => {
                        c.retain(|&e| bits[(e >> 6) as usize] >> (e & 63) & 1 == 1);
                        c
                    }
                    None => ones(&bits),
                });
            } else {
                // Each candidate's tokens against the matching tokens.
                let mut bits = vec![0u64; self.tokens().div_ceil(64)];
                for &t in tokens {
                    bits[(t >> 6) as usize] |= 1 << (t & 63);
                }
                let hit = |e: u32| {
                    self.bytes[e as usize] & need == *need
                        && self.forward.get(e as usize).iter().any(|&t| bits[(t >> 6) as usize] >> (t & 63) & 1 == 1)
                };
                current = Some(match current {
                    Some(mut c) => {
                        c.retain(|&e| hit(e));
                        c
                    }
                    None => (0..n as u32).filter(|&e| hit(e)).collect(),
                });
            }
        }
        current.unwrap_or_else(|| (0..n as u32).collect())
    }

    /// The claim of entry `e`.
    #[inline]
    pub fn claim(&self, e: u32) -> u32 {
        self.order[e as usize]
    }

    /// Indices of the claims that contain every word of `query` (all claims for an empty
    /// query), ascending.
    pub fn matching(&self, query: &str) -> Vec<usize> {
        let words = query_words(query);
        let mut out: Vec<usize> =
            self.entries_matching(&words, None).into_iter().map(|e| self.claim(e) as usize).collect();
        out.sort_unstable();
        out
    }
}

/// The positions of the set bits, ascending.
fn ones(bits: &[u64]) -> Vec<u32> {
    let mut out = Vec::with_capacity(bits.iter().map(|b| b.count_ones() as usize).sum());
    for (k, &word) in bits.iter().enumerate() {
        let mut w = word;
        while w != 0 {
            out.push((k as u32) << 6 | w.trailing_zeros());
            w &= w - 1;
        }
    }
    out
}
