//! The reader's language: English or Simplified Chinese. Every text of the interface, the
//! charts and their descriptions is a message in the catalogues `locales/en.json` and
//! `locales/zh.json`, compiled in by `rust-i18n`. Counted phrases choose their form by the
//! language's own plural rules (CLDR's, see `Lang::plural`): a catalogue gives a message
//! `one` and `other` forms where its language has them ("1 claim", "2 claims"), only `other`
//! where it has not (Chinese).
//!
//! Pure: the core takes a `Lang` as an argument, and the page (`ui`) holds the reader's.

use intl_pluralrules::PluralCategory;
use rust_i18n::Backend;
use std::borrow::Cow;

mod catalogue;
mod message;
pub use catalogue::add_catalogue;
pub use message::{Arg, Message};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// Both languages, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The URL value and the catalogue's name: `en`, `zh`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language tag for `lang` attributes: `en`, `zh-Hans` (Simplified Chinese).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    /// The language's own name, for the switch: "English", "中文".
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "中文",
        }
    }

    /// Reads a URL value (`en`, `zh`).
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The first of the reader's preferred languages (as `navigator.languages` lists them,
    /// e.g. `zh-CN`, `en-GB`) that the interface speaks; English when none is.
    pub fn preferred<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(|tag| {
                let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
                Lang::parse(&primary)
            })
            .unwrap_or_default()
    }

    /// The message `key`: from this language's catalogue, else from the English one, else
    /// the key itself (tests keep the catalogues whole). Asked of the catalogues' backend
    /// directly: the two languages need none of `t!`'s locale fallbacks.
    pub fn text(self, key: &str) -> Cow<'static, str> {
        let read = match self {
            Lang::En => None,
            _ => catalogue::read().and_then(|b| b.translate(self.code(), key)),
        };
        let found = read.or_else(|| crate::_rust_i18n_backend().translate(Lang::En.code(), key));
        found.unwrap_or_else(|| Cow::Owned(key.to_string()))
    }

    /// The message `key` with each `%{name}` replaced by its value, in one pass: a value
    /// (which may come from a file) is never read for placeholders itself.
    pub fn fill(self, key: &str, args: &[(&str, &str)]) -> String {
        let text = self.text(key);
        let mut out = String::with_capacity(text.len());
        let mut rest: &str = &text;
        while let Some(at) = rest.find("%{") {
            out.push_str(&rest[..at]);
            let tail = &rest[at + 2..];
            let named = tail
                .find('}')
                .and_then(|end| args.iter().find(|(name, _)| *name == &tail[..end]).map(|(_, value)| (end, *value)));
            match named {
                Some((end, value)) => {
                    out.push_str(value);
                    rest = &tail[end + 1..];
                }
                None => {
                    out.push_str("%{");
                    rest = tail;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The form of `key` for the count `n` (`key.one` or `key.other`, by the language's plural
    /// rules), with `%{n}` replaced by the number as the language writes it (`number`) and each
    /// other `%{name}` by its value.
    pub fn count(self, key: &str, n: usize, args: &[(&str, &str)]) -> String {
        self.counted(key, &n.to_string(), &self.number(n), args)
    }

    /// A count as the language writes it: digits in groups of three from the right, joined by
    /// the catalogue's `number.group` ("1,400,000"). CLDR's decimal format for both languages
    /// (`#,##0`); a test checks it against that data (`num-format`). Years, days, rows and
    /// lines are not counts and are written without groups.
    pub fn number(self, n: usize) -> String {
        let digits = n.to_string();
        if digits.len() <= 3 {
            return digits;
        }
        let group = self.text("number.group");
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * group.len());
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(&group);
            }
            out.push(digit);
        }
        out
    }

    /// As [`Lang::count`], for a number already written out (`"2.5"`): its form is chosen by
    /// the number as written, as the plural rules require ("1.0 days" in English).
    pub fn count_shown(self, key: &str, number: &str, args: &[(&str, &str)]) -> String {
        self.counted(key, number, number, args)
    }

    /// The form of `key` that the plural rules give `number` (written as the rules read it),
    /// with `%{n}` replaced by `shown`.
    fn counted(self, key: &str, number: &str, shown: &str, args: &[(&str, &str)]) -> String {
        let form = match self.plural(number) {
            PluralCategory::ONE => "one",
            _ => "other",
        };
        let mut all = vec![("n", shown)];
        all.extend_from_slice(args);
        self.fill(&format!("{key}.{form}"), &all)
    }

    /// The CLDR cardinal plural category of the number written `n` in this language. The
    /// interface speaks two languages, whose rules CLDR gives as: English `one` for an integer
    /// 1 written without decimals (`i = 1 and v = 0`), else `other`; Chinese `other` always.
    /// They are written here rather than linked from `intl_pluralrules`, whose tables of
    /// every language would cost the page 22 KB; a test checks them against that crate.
    pub fn plural(self, n: &str) -> PluralCategory {
        match self {
            Lang::En if n == "1" => PluralCategory::ONE,
            _ => PluralCategory::OTHER,
        }
    }

    /// A year: "2019", "2019年".
    pub fn year(self, year: u16) -> String {
        self.fill("date.year", &[("year", &year.to_string())])
    }

    /// A month (1 to 12) with its year, at that precision: "Dec 2024", "2024年12月".
    pub fn month(self, year: u16, month: u8) -> String {
        let month = self.text(&format!("date.month.{month}"));
        self.fill("date.month_year", &[("month", &month), ("year", &year.to_string())])
    }

    /// A day: "18 Dec 2024", "2024年12月18日".
    pub fn day(self, year: u16, month: u8, day: u8) -> String {
        let month = self.text(&format!("date.month.{month}"));
        self.fill("date.day", &[("day", &day.to_string()), ("month", &month), ("year", &year.to_string())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_phrases_follow_each_languages_plural_rules() {
        assert_eq!(Lang::En.count("count.claims", 1, &[]), "1 claim");
        assert_eq!(Lang::En.count("count.claims", 2, &[]), "2 claims");
        assert_eq!(Lang::En.count("count.claims", 0, &[]), "0 claims");
        assert_eq!(Lang::Zh.count("count.claims", 1, &[]), "1 条声明");
        assert_eq!(Lang::Zh.count("count.claims", 2, &[]), "2 条声明");
    }

    #[test]
    fn dates_take_each_languages_form() {
        assert_eq!(Lang::En.month(2024, 12), "Dec 2024");
        assert_eq!(Lang::Zh.month(2024, 12), "2024年12月");
        assert_eq!(Lang::En.day(2024, 12, 18), "18 Dec 2024");
        assert_eq!(Lang::Zh.day(2024, 12, 18), "2024年12月18日");
    }

    #[test]
    fn the_readers_first_spoken_language_is_chosen() {
        assert_eq!(Lang::preferred(["fr-FR", "zh-CN", "en"]), Lang::Zh);
        assert_eq!(Lang::preferred(["en-GB", "zh"]), Lang::En);
        assert_eq!(Lang::preferred(["de"]), Lang::En);
        assert_eq!(Lang::preferred(["ZH_tw"]), Lang::Zh);
    }
}
