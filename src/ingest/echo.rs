//! Text from the input echoed into a message — a field's value, an unknown key, a URL, what a
//! server said — shortened, so that a hostile file or address cannot make one message (or the
//! page that shows it) as long as itself.

use std::borrow::Cow;

use crate::i18n::Message;

/// The most characters of a value quoted in a message (`"…"` included in the count, the quote
/// marks not).
pub const QUOTED_MAX: usize = 80;

/// `text` cut to at most `max` characters (at a char boundary), its last one "…" when cut.
pub fn shorten(text: &str, max: usize) -> Cow<'_, str> {
    // No more characters than bytes: a short text needs no counting.
    if text.len() <= max {
        return Cow::Borrowed(text);
    }
    match text.char_indices().nth(max.saturating_sub(1)) {
        // More than `max` characters: keep `max - 1` and the ellipsis.
        Some((cut, _)) if text[cut..].chars().nth(1).is_some() => {
            let mut out = String::with_capacity(cut + '…'.len_utf8());
            out.push_str(&text[..cut]);
            out.push('…');
            Cow::Owned(out)
        }
        _ => Cow::Borrowed(text),
    }
}

/// `message` with each value it names (its inner messages' too) cut to at most `max`
/// characters: what a report keeps, or a page shows, of values from a file.
pub fn shortened(mut message: Message, max: usize) -> Message {
    message.map_texts(&mut |text| {
        if let Cow::Owned(short) = shorten(text, max) {
            *text = short;
        }
    });
    message
}

/// `"value"`, the value shortened to [`QUOTED_MAX`] characters.
pub fn quoted(value: &str) -> String {
    format!("\"{}\"", shorten(value, QUOTED_MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_are_kept_whole() {
        assert_eq!(shorten("", 5), "");
        assert_eq!(shorten("abcde", 5), "abcde");
        // Five characters in more than five bytes.
        assert_eq!(shorten("外交部外交", 5), "外交部外交");
        assert!(matches!(shorten("abcde", 5), Cow::Borrowed(_)));
    }

    #[test]
    fn long_texts_end_in_an_ellipsis_at_a_char_boundary() {
        assert_eq!(shorten("abcdef", 5), "abcd…");
        assert_eq!(shorten("外交部外交部", 5), "外交部外…");
        assert_eq!(shorten("ééééééé", 3), "éé…");
        let long = "x".repeat(10_000);
        assert_eq!(shorten(&long, QUOTED_MAX).chars().count(), QUOTED_MAX);
        // Shortening twice changes nothing more.
        let once = shorten(&long, 10).into_owned();
        assert_eq!(shorten(&once, 10), once);
    }

    #[test]
    fn quoted_values_are_shortened() {
        assert_eq!(quoted("cn-mfa"), "\"cn-mfa\"");
        let q = quoted(&"é".repeat(1_000));
        assert_eq!(q.chars().count(), QUOTED_MAX + 2);
        assert!(q.ends_with("é…\""), "{q}");
    }
}
