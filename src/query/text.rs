//! Text matching rules shared by search and highlighting: case- and accent-insensitive for
//! Latin scripts, Chinese matched as substrings (it has no case and no spaces).

/// Folds one character for matching: lower case, Latin accents removed.
fn fold_char(c: char, out: &mut String) {
    let base = match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => 'a',
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Č' | 'č' => 'c',
        'Ď' | 'ď' | 'Đ' | 'đ' => 'd',
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => 'e',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ī' | 'ī' | 'Į' | 'į' | 'İ' | 'ı' => 'i',
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ň' | 'ň' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ő' | 'ő' => 'o',
        'Ř' | 'ř' => 'r',
        'Ś' | 'ś' | 'Š' | 'š' | 'Ş' | 'ş' => 's',
        'Ť' | 'ť' | 'Ţ' | 'ţ' => 't',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' => 'u',
        'Ý' | 'ý' | 'ÿ' => 'y',
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => 'z',
        'ß' => {
            out.push_str("ss");
            return;
        }
        // Typographic quotes and dashes match their plain forms.
        '‘' | '’' => '\'',
        '“' | '”' => '"',
        '–' | '—' => '-',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push(base);
}

/// Folds text for matching.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folded `text` to `out` (what `fold` returns, without a new `String`).
pub fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        // Lower-casing ASCII letters keeps the string ASCII, hence valid UTF-8.
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        fold_char(c, out);
    }
}

/// The words of a query, folded; every one must match.
pub fn query_words(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(String::from).collect()
}

/// The words of a query that are marked in the text shown: all but a lone Latin letter or
/// digit, which would mark nearly every line (it is searched all the same).
pub fn marked_words(query: &str) -> Vec<String> {
    query_words(query).into_iter().filter(|w| !matches!(w.as_bytes(), [b] if b.is_ascii_alphanumeric())).collect()
}

/// Splits `text` into runs that do and do not match any of `words`, for highlighting.
/// The runs, joined, are exactly `text`.
pub fn highlight<'t>(text: &'t str, words: &[String]) -> Vec<(&'t str, bool)> {
    if words.is_empty() || text.is_empty() {
        return vec![(text, false)];
    }
    // Fold char by char, remembering where each folded byte came from in `text`.
    let mut folded = String::with_capacity(text.len());
    let mut origin: Vec<usize> = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        let before = folded.len();
        fold_char(c, &mut folded);
        origin.extend(std::iter::repeat_n(at, folded.len() - before));
    }
    origin.push(text.len());
    let mut marked = vec![false; text.len() + 1];
    for word in words.iter().filter(|w| !w.is_empty()) {
        let mut from = 0;
        while let Some(pos) = folded[from..].find(word.as_str()) {
            let start = from + pos;
            let end = start + word.len();
            let (a, b) = (origin[start], origin[end]);
            let b = if b == a { a + text[a..].chars().next().map_or(0, char::len_utf8) } else { b };
            marked[a..b].iter_mut().for_each(|m| *m = true);
            from = end;
        }
    }
    let mut runs = Vec::new();
    let mut start = 0;
    for (at, _) in text.char_indices().skip(1).chain(std::iter::once((text.len(), ' '))) {
        if at == text.len() || marked[at] != marked[start] {
            runs.push((&text[start..at], marked[start]));
            start = at;
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Ministère ÉTRANGÈRES Zürich"), "ministere etrangeres zurich");
        assert_eq!(fold("国家互联网应急中心"), "国家互联网应急中心");
        assert_eq!(fold("“Empire” — ‘Hacking’"), "\"empire\" - 'hacking'");
        assert_eq!(query_words("  Salt   TYPHOON "), ["salt", "typhoon"]);
    }

    #[test]
    fn a_lone_letter_or_digit_is_searched_but_not_marked() {
        assert_eq!(marked_words("n"), Vec::<String>::new());
        assert_eq!(marked_words("salt T 7 ne 网"), ["salt", "ne", "网"]);
        assert_eq!(query_words("salt T 7"), ["salt", "t", "7"]);
    }

    #[test]
    fn highlights_in_the_original_text() {
        let words = query_words("salt etranger");
        let runs = highlight("Le Salt Typhoon étranger", &words);
        assert_eq!(runs, [("Le ", false), ("Salt", true), (" Typhoon ", false), ("étranger", true)]);
        let runs = highlight("国家互联网应急中心", &query_words("应急"));
        assert_eq!(runs, [("国家互联网", false), ("应急", true), ("中心", false)]);
        assert_eq!(highlight("abc", &[]), [("abc", false)]);
        let joined: String = highlight("Straße strasse", &query_words("ss")).iter().map(|r| r.0).collect();
        assert_eq!(joined, "Straße strasse");
    }
}
