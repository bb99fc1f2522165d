//! Tokens: the maximal runs of non-whitespace characters of a text, folded, each distinct
//! one numbered once.

use rustc_hash::FxHashMap;

use crate::query::text::fold_into;

/// Distinct folded tokens, numbered as first seen.
#[derive(Default)]
pub(super) struct Tokenizer {
    /// Folded token → id.
    ids: FxHashMap<Box<str>, u32>,
    /// Token as written → id of its folded form.
    raw: FxHashMap<Box<str>, u32>,
    pub(super) seen: Vec<Box<str>>,
    pub(super) frequency: Vec<u32>,
    folded: String,
}

impl Tokenizer {
    /// Appends the ids of the tokens of `text` to `out`.
    pub(super) fn add(&mut self, text: &str, out: &mut Vec<u32>) {
        for_each_token(text, |token| {
            let id = match self.raw.get(token) {
                Some(&id) => id,
                None => {
                    self.folded.clear();
                    fold_into(token, &mut self.folded);
                    let id = match self.ids.get(self.folded.as_str()) {
                        Some(&id) => id,
                        None => {
                            let id = self.seen.len() as u32;
                            self.seen.push(self.folded.as_str().into());
                            self.ids.insert(self.folded.as_str().into(), id);
                            self.frequency.push(0);
                            id
                        }
                    };
                    self.raw.insert(token.into(), id);
                    id
                }
            };
            out.push(id);
        });
    }
}

/// Calls `f` with each maximal run of non-whitespace characters of `text` (what
/// `split_whitespace` yields), reading bytes: only the lead bytes of the few non-ASCII
/// whitespace characters are decoded.
fn for_each_token(text: &str, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, len) = match b {
            b'\t'..=b'\r' | b' ' => (true, 1),
            // U+0085, U+00A0; U+1680; U+2000–U+205F; U+3000.
            0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                let c = text[i..].chars().next().expect("a char");
                (c.is_whitespace(), c.len_utf8())
            }
            _ => (false, 1),
        };
        match (space, start) {
            (true, Some(s)) => {
                f(&text[s..i]);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        f(&text[s..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_what_split_whitespace_gives() {
        let mut all: Vec<String> =
            [" a\u{85}b\u{a0}c\u{1680}d\u{2000}e\u{200a}f\u{2028}g\u{2029}h\u{202f}i\u{205f}j\u{3000}k "]
                .iter()
                .map(|s| s.to_string())
                .collect();
        all.push("国家\t互联网\r\n应急 ‘x’ é\u{2010}ü\u{200b}z\u{0b}\u{0c}".to_string());
        all.push(String::new());
        all.push("   ".to_string());
        for text in all {
            let mut got = Vec::new();
            for_each_token(&text, |t| got.push(t.to_string()));
            let want: Vec<String> = text.split_whitespace().map(String::from).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
