//! Building the search index, all at once or a few claims at a time.

use rustc_hash::{FxBuildHasher, FxHashMap};

use super::tokens::Tokenizer;
use super::{actor_names, byte_set, own_fields, party_ids, SearchIndex};
use crate::model::Dataset;
use crate::query::lists::Lists;

/// A search index being built, a few claims at a time (`add`), so that a page can build it
/// between the reader's inputs; `finish` gives the index. The same dataset must be passed to
/// each call.
pub struct SearchBuilder {
    tokenizer: Tokenizer,
    /// Each actor's tokens, found once.
    actor_tokens: FxHashMap<Box<str>, Vec<u32>>,
    /// Each claim's distinct tokens, in entry order; those of the entries added so far.
    forward: Lists,
    /// The claims in entry order, and how many are added.
    order: Vec<u32>,
    added: usize,
}

impl SearchBuilder {
    pub fn new(dataset: &Dataset, order: Vec<u32>) -> Self {
        // First pass: tokens numbered as first seen. Folding never makes or removes
        // whitespace, so the tokens of the folded text are the folded tokens of the text:
        // each distinct raw token is folded once (`raw`), each actor's tokens found once.
        let mut tokenizer = Tokenizer::default();
        let mut actor_tokens = FxHashMap::with_capacity_and_hasher(dataset.actors.len(), FxBuildHasher);
        for a in &dataset.actors {
            let mut list = Vec::new();
            actor_names(a).for_each(|f| tokenizer.add(f, &mut list));
            actor_tokens.insert(a.id.as_str().into(), list);
        }
        // Room for about one distinct token per 12 bytes of text (words repeat within a
        // claim), so that a large buffer is not grown by doubling; the slack is given back.
        let text: usize = order
            .iter()
            .map(|&c| dataset.claims[c as usize].headline.len() + dataset.claims[c as usize].summary.len())
            .sum();
        let forward = Lists::with_capacity(order.len(), text / 12 + order.len() * 4);
        SearchBuilder { tokenizer, actor_tokens, forward, order, added: 0 }
    }

    /// Adds the next `n` claims (or those left); whether every claim is in.
    pub fn add(&mut self, dataset: &Dataset, n: usize) -> bool {
        let end = self.added.saturating_add(n).min(self.order.len());
        let mut tokens: Vec<u32> = Vec::with_capacity(256);
        for &c in &self.order[self.added..end] {
            let claim = &dataset.claims[c as usize];
            tokens.clear();
            own_fields(claim).for_each(|f| self.tokenizer.add(f, &mut tokens));
            for id in party_ids(claim) {
                match self.actor_tokens.get(id) {
                    Some(list) => tokens.extend_from_slice(list),
                    None => self.tokenizer.add(id, &mut tokens),
                }
            }
            tokens.sort_unstable();
            tokens.dedup();
            for &t in &tokens {
                self.tokenizer.frequency[t as usize] += 1;
            }
            self.forward.push(tokens.iter().copied());
        }
        self.added = end;
        self.added == self.order.len()
    }

    /// The index: the claims not added yet are added first.
    pub fn finish(mut self, dataset: &Dataset) -> SearchIndex {
        self.add(dataset, usize::MAX);
        let SearchBuilder { tokenizer, mut forward, order, .. } = self;
        let Tokenizer { seen, frequency, .. } = tokenizer;
        // Renumber: most common first (ties in first-seen order).
        let mut by_frequency: Vec<u32> = (0..seen.len() as u32).collect();
        crate::sort::sort_stable_by(&mut by_frequency, |&a, &b| frequency[b as usize].cmp(&frequency[a as usize]));
        let mut renumber = vec![0u32; seen.len()];
        for (new, &old) in by_frequency.iter().enumerate() {
            renumber[old as usize] = new as u32;
        }
        let mut vocab = String::with_capacity(seen.iter().map(|t| t.len() + 1).sum());
        let mut starts = Vec::with_capacity(seen.len() + 1);
        for &old in &by_frequency {
            starts.push(vocab.len() as u32);
            vocab.push_str(&seen[old as usize]);
            vocab.push('\n');
        }
        starts.push(vocab.len() as u32);
        drop(seen);
        // Renumbered in place, each claim's list sorted again, the slack given back.
        forward.for_each_mut(|list| {
            list.iter_mut().for_each(|t| *t = renumber[*t as usize]);
            list.sort_unstable();
        });
        forward.shrink_to_fit();
        // Postings by counting: entries visited in order, so each list comes out ascending,
        // written straight into the buffer the postings keep.
        let mut offsets: Vec<u32> = Vec::with_capacity(by_frequency.len() + 1);
        let mut at = 0u32;
        for &old in &by_frequency {
            offsets.push(at);
            at += frequency[old as usize];
        }
        offsets.push(at);
        let mut fill = offsets[..by_frequency.len()].to_vec();
        let mut values = vec![0u32; forward.all().len()];
        for (e, list) in forward.iter().enumerate() {
            for &t in list {
                values[fill[t as usize] as usize] = e as u32;
                fill[t as usize] += 1;
            }
        }
        let postings = Lists::from_parts(offsets, values);
        let token_bytes: Vec<u64> =
            starts.windows(2).map(|w| byte_set(&vocab.as_bytes()[w[0] as usize..w[1] as usize - 1])).collect();
        let bytes = forward.iter().map(|list| list.iter().fold(0, |set, &t| set | token_bytes[t as usize])).collect();
        SearchIndex { vocab, starts, forward, postings, bytes, order }
    }
}
