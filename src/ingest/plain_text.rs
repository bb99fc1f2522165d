//! Text is text: the characters a dataset's text may hold, whatever file it came from.
//!
//! Removed, with a warning at the field's place: control characters (C0 other than tab, line
//! feed and carriage return; DEL; C1) and Unicode noncharacters (U+FDD0–U+FDEF and the last two
//! code points of every plane, U+FFFE and U+FFFF among them). They mean nothing in a name or a
//! sentence; they make XML invalid (the SVG charts, the baked pages), so a chart that draws one
//! is broken; and they can hide text or drive the terminal that prints `claims-check`'s report.
//! Format characters (zero-width joiners, bidirectional marks) stay: scripts need them.
//!
//! Tab, line feed and carriage return are whitespace, so they are not reported; what they
//! become depends on the field (see [`Shape`]).

use std::fmt::Display;

use super::checks::Draft;
use super::place::{self, Place};
use super::report::Report;
use crate::i18n::Message;

/// How a text field is laid out, which decides what its whitespace controls become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One line: ids, names, headlines, titles, list items. Tab, line feed and carriage return
    /// each become a space: they separate words, and the field is shown on one line (a card's
    /// headline, a chart's label), where a line break would break the layout.
    Line,
    /// Running text: summaries, quotes, the dataset's description. Line feeds and tabs are
    /// kept: a summary's paragraphs and a quote's line breaks are the author's, XML and HTML
    /// allow them, and a card shows them as whitespace. A CR LF pair or a lone CR becomes one
    /// line feed, as XML itself normalises line ends.
    Block,
}

/// Whether `c` is removed from every text: a control other than whitespace, or a noncharacter.
pub fn is_removed(c: char) -> bool {
    let n = u32::from(c);
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}

/// Whether `text` is already as [`clean`] leaves it.
pub fn is_plain(text: &str, shape: Shape) -> bool {
    // Every character that changes starts with one of these bytes in UTF-8 (C0 and DEL, the
    // C1 block's lead byte 0xC2, U+F000–U+FFFF's 0xEF, the planes above's 0xF0–0xF4): most
    // texts are passed over without decoding a character.
    let suspect = |b: &u8| *b < 0x20 || *b == 0x7F || *b == 0xC2 || *b == 0xEF || *b >= 0xF0;
    !text.as_bytes().iter().any(suspect) || !text.chars().any(|c| changes(c, shape))
}

fn changes(c: char, shape: Shape) -> bool {
    match c {
        '\r' => true,
        '\t' | '\n' => shape == Shape::Line,
        c => is_removed(c),
    }
}

/// Cleans `text` in place for a field of this `shape`; the warning to report when characters
/// were removed (whitespace that changed form is not reported).
pub fn clean(text: &mut String, shape: Shape) -> Option<Message> {
    if is_plain(text, shape) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut removed: Vec<char> = Vec::new();
    let mut count = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, shape) {
            ('\t' | '\n' | '\r', Shape::Line) => out.push(' '),
            ('\r', Shape::Block) => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            (c, _) if is_removed(c) => {
                count += 1;
                if !removed.contains(&c) {
                    removed.push(c);
                }
            }
            (c, _) => out.push(c),
        }
    }
    *text = out;
    (count > 0).then(|| removed_message(count, &removed))
}

/// "removed 2 characters that text may not hold: U+0007, U+001B".
fn removed_message(count: usize, distinct: &[char]) -> Message {
    const SHOWN: usize = 4;
    let mut codes: Vec<String> = distinct.iter().take(SHOWN).map(|c| format!("U+{:04X}", u32::from(*c))).collect();
    if distinct.len() > SHOWN {
        codes.push("…".to_string());
    }
    Message::counted("problem.removed", count).with("codes", codes.join(", "))
}

/// Cleans every text field of a draft, reporting each field that lost characters at its place.
pub fn clean_draft(draft: &mut Draft, report: &mut Report) {
    for (field, text, shape) in [("title", &mut draft.title, Shape::Line), ("license", &mut draft.license, Shape::Line)]
        .into_iter()
        .chain(draft.description.as_mut().map(|d| ("description", d, Shape::Block)))
    {
        if let Some(message) = clean(text, shape) {
            report.warning(place::path(field), message);
        }
    }
    for (place, actor) in &mut draft.actors {
        let mut field = Field { place, report };
        field.line(&"id", &mut actor.id);
        field.line(&"name", &mut actor.name);
        if let Some(zh) = &mut actor.name_zh {
            field.line(&"name_zh", zh);
        }
        field.line(&"country", &mut actor.country);
        field.line(&"kind", &mut actor.kind);
        field.list("aliases", &mut actor.aliases);
    }
    for (place, incident) in &mut draft.incidents {
        let mut field = Field { place, report };
        field.line(&"id", &mut incident.id);
        field.line(&"title", &mut incident.title);
        if let Some(title) = &mut incident.title_zh {
            field.line(&"title_zh", title);
        }
        field.list("sectors", &mut incident.sectors);
        field.list("vectors", &mut incident.vectors);
        field.list("cves", &mut incident.cves);
        if !incident.scale.keys().all(|k| is_plain(k, Shape::Line)) {
            let scale = std::mem::take(&mut incident.scale);
            for (mut name, n) in scale {
                if let Some(message) = clean(&mut name, Shape::Line) {
                    field.report.warning(field.place.at(&format!("scale.{name}")), message);
                }
                incident.scale.insert(name, n);
            }
        }
    }
    for (place, claim) in &mut draft.claims {
        let mut field = Field { place, report };
        field.line(&"id", &mut claim.id);
        field.line(&"claimant", &mut claim.claimant);
        field.list("accused", &mut claim.accused);
        if let Some(incident) = &mut claim.incident {
            field.line(&"incident", incident);
        }
        field.list("responds_to", &mut claim.responds_to);
        field.line(&"headline", &mut claim.headline);
        field.text(&"summary", &mut claim.summary, Shape::Block);
        if let Some(headline) = &mut claim.headline_zh {
            field.line(&"headline_zh", headline);
        }
        if let Some(summary) = &mut claim.summary_zh {
            field.text(&"summary_zh", summary, Shape::Block);
        }
        if let Some(quote) = &mut claim.quote {
            field.text(&"quote.text", &mut quote.text, Shape::Block);
            field.line(&"quote.speaker", &mut quote.speaker);
            if let Some(original) = &mut quote.original {
                field.text(&"quote.original", original, Shape::Block);
            }
        }
        for (k, source) in claim.sources.iter_mut().enumerate() {
            field.line(&format_args!("sources[{k}].publisher"), &mut source.publisher);
            field.line(&format_args!("sources[{k}].title"), &mut source.title);
            field.line(&format_args!("sources[{k}].url"), &mut source.url);
        }
        field.list("tags", &mut claim.tags);
        field.list("aliases", &mut claim.aliases);
        if let Some(reason) = &mut claim.same_side_reason {
            field.line(&"same_side_reason", reason);
        }
    }
    // The ids of records that were already excluded only serve to tell a reference to them
    // from a reference to nothing; they are cleaned as the kept ids are, without a word.
    for id in &mut draft.excluded_claims {
        clean(id, Shape::Line);
    }
}

/// The fields of one record, cleaned and reported at the record's place.
struct Field<'a> {
    place: &'a Place,
    report: &'a mut Report,
}

impl Field<'_> {
    /// `path` is written out only when there is something to report: a load cleans millions
    /// of texts.
    fn text(&mut self, path: &dyn Display, text: &mut String, shape: Shape) {
        if let Some(message) = clean(text, shape) {
            self.report.warning(self.place.at(&path.to_string()), message);
        }
    }

    fn line(&mut self, path: &dyn Display, text: &mut String) {
        self.text(path, text, Shape::Line);
    }

    fn list(&mut self, name: &str, items: &mut [String]) {
        for (k, item) in items.iter_mut().enumerate() {
            self.text(&format_args!("{name}[{k}]"), item, Shape::Line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(text: &str, shape: Shape) -> (String, Option<String>) {
        let mut t = text.to_string();
        let message = clean(&mut t, shape);
        (t, message.map(|m| m.to_string()))
    }

    #[test]
    fn controls_and_noncharacters_are_removed_and_reported() {
        let (text, message) =
            cleaned("a\u{7}b\u{1b}[31mc\u{7f}d\u{85}e\u{fffe}f\u{ffff}g\u{fdd0}h\u{10ffff}", Shape::Line);
        assert_eq!(text, "ab[31mcdefgh");
        assert_eq!(message.unwrap(), "removed 8 characters that text may not hold: U+0007, U+001B, U+007F, U+0085, …");
        let (text, message) = cleaned("\u{0}", Shape::Block);
        assert_eq!(
            (text.as_str(), message.unwrap().as_str()),
            ("", "removed 1 character that text may not hold: U+0000")
        );
    }

    #[test]
    fn whitespace_controls_follow_the_fields_shape_without_a_warning() {
        assert_eq!(cleaned("one\ttwo\nthree\r\nfour", Shape::Line), ("one two three  four".to_string(), None));
        assert_eq!(
            cleaned("one\ttwo\nthree\r\nfour\rfive", Shape::Block),
            ("one\ttwo\nthree\nfour\nfive".to_string(), None)
        );
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for text in [
            "Harbour Kite",
            "外交部",
            "Ｆｕｌｌ－ｗｉｄｔｈ",
            "©½ é",
            "emoji 🛰️ and a\u{200d}joiner",
            "\u{feff}bom",
            "",
        ] {
            assert!(is_plain(text, Shape::Line), "{text:?}");
            assert_eq!(cleaned(text, Shape::Line), (text.to_string(), None));
        }
    }

    #[test]
    fn cleaning_twice_changes_nothing_more() {
        for shape in [Shape::Line, Shape::Block] {
            let (once, _) = cleaned("a\r\r\n\u{1}\r b\u{85}\t", shape);
            assert!(is_plain(&once, shape), "{once:?}");
            assert_eq!(cleaned(&once, shape), (once.clone(), None));
        }
    }
}
