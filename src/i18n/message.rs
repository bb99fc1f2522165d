//! A message kept as data until it is shown: its key in the catalogues and the values it
//! names. The core says what it found (a problem in a file, a value of the URL it ignored, why
//! a dataset could not be loaded) without knowing who reads it; the page writes it in the
//! reader's language, the command-line tools in English (`Display`). A value may itself be a
//! message ("…is not a date: the month must be 01 to 12"), written in the same language.

use std::borrow::Cow;
use std::fmt;

use super::Lang;

/// A message: a catalogue key, the count that chooses its form (if it has forms), and its
/// values by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    key: &'static str,
    count: Option<usize>,
    args: Vec<(&'static str, Arg)>,
}

/// A value named in a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text written as it is, in any language: a value from the file, a number, an address.
    Text(String),
    /// A message of its own, written in the language of the one that names it.
    Message(Message),
}

impl Message {
    /// The message `key`, without values yet.
    pub fn new(key: &'static str) -> Message {
        Message { key, count: None, args: Vec::new() }
    }

    /// The message `key` in its form for `n` (`key.one`, `key.other`: `Lang::count`), `n`
    /// being its value `n`.
    pub fn counted(key: &'static str, n: usize) -> Message {
        Message { key, count: Some(n), args: Vec::new() }
    }

    /// The same message, naming `value` as `name`.
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Message {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    /// The same message, naming the message `value` as `name`.
    pub fn with_message(mut self, name: &'static str, value: Message) -> Message {
        self.args.push((name, Arg::Message(value)));
        self
    }

    /// The catalogue key.
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// Its values by name, in the order given.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }

    /// The text value named `name`, if the message names one.
    pub fn text_arg(&self, name: &str) -> Option<&str> {
        self.args.iter().find_map(|(n, v)| match v {
            Arg::Text(text) if *n == name => Some(text.as_str()),
            _ => None,
        })
    }

    /// Each text value, its messages' ones too, changed by `f` (a report shortens them).
    pub fn map_texts(&mut self, f: &mut impl FnMut(&mut String)) {
        for (_, value) in &mut self.args {
            match value {
                Arg::Text(text) => f(text),
                Arg::Message(m) => m.map_texts(f),
            }
        }
    }

    /// The message written in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let written: Vec<(&str, Cow<str>)> = self
            .args
            .iter()
            .map(|(name, value)| match value {
                Arg::Text(text) => (*name, Cow::Borrowed(text.as_str())),
                Arg::Message(m) => (*name, Cow::Owned(m.in_lang(lang))),
            })
            .collect();
        let args: Vec<(&str, &str)> = written.iter().map(|(n, v)| (*n, v.as_ref())).collect();
        match self.count {
            Some(n) => lang.count(self.key, n, &args),
            None => lang.fill(self.key, &args),
        }
    }
}

/// English, as the command-line tools and the logs write it.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_written_in_the_language_asked_with_its_values() {
        let m = Message::new("problem.not_an_actor").with("value", "\"cn-mfa\"");
        assert_eq!(m.to_string(), "\"cn-mfa\" is not an actor in this dataset");
        assert_eq!(m.in_lang(Lang::Zh), "\"cn-mfa\" 不是本数据集中的行为者");
    }

    #[test]
    fn a_value_that_is_a_message_is_written_in_the_same_language() {
        let reason = Message::new("problem.date.month_range");
        let m = Message::new("problem.not_a_date").with("value", "\"2024-13\"").with_message("reason", reason);
        assert_eq!(m.to_string(), "\"2024-13\" is not a date: the month must be 01 to 12");
        assert_eq!(m.in_lang(Lang::Zh), "\"2024-13\" 不是日期：月份须为 01 至 12");
    }

    #[test]
    fn a_value_is_never_read_as_a_placeholder() {
        // A value from a file that looks like a placeholder stays as it is.
        let m = Message::new("problem.not_an_actor").with("value", "%{value} %{n}");
        assert_eq!(m.to_string(), "%{value} %{n} is not an actor in this dataset");
    }

    #[test]
    fn a_counted_message_takes_the_form_for_its_count() {
        assert_eq!(Message::counted("count.claims", 1).to_string(), "1 claim");
        assert_eq!(Message::counted("count.claims", 3).in_lang(Lang::Zh), "3 条声明");
    }
}
