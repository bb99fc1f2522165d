//! The report of an ingest: the problems found, each with its place and a plain message.
//!
//! A report is bounded whatever the file: it keeps the first [`PROBLEMS_KEPT`] problems as
//! found and, for the rest, a count per *kind* ([`MoreOfKind`]), so a file of millions of bad
//! records gives a report of a few hundred lines. A kind is a problem with what varies from
//! record to record taken out: its severity, its place with every number written `#`
//! (`claims[#].sources[#].url`, `row #, column date`), and its message with every number
//! written `#` and every quoted value written `"…"` (`the field "…" is missing`). At most
//! [`KINDS_KEPT`] kinds are counted apart; problems of further kinds are counted together, per
//! severity. Places and messages are shortened to [`LOCATION_MAX`] and [`MESSAGE_MAX`]
//! characters.

use std::fmt;

use rustc_hash::FxHashMap;
use strum::IntoStaticStr;

use super::echo::{shorten, shortened};
use crate::i18n::{Arg, Lang, Message};

/// How many problems a report keeps, in the order found.
pub const PROBLEMS_KEPT: usize = 1_000;
/// How many kinds of the problems beyond those a report counts apart.
pub const KINDS_KEPT: usize = 100;
/// The most characters of a problem's place.
pub const LOCATION_MAX: usize = 200;
/// The most characters of a problem's message.
pub const MESSAGE_MAX: usize = 400;

/// Errors exclude the record they are about; warnings keep it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// One problem: where (`claims[17].sources[0].url`, `row 5, column date`) and what, both
/// kept as messages (`i18n::Message`) that are written in the reader's language when shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub location: Message,
    pub message: Message,
}

impl Problem {
    /// The place, written in `lang`, at most [`LOCATION_MAX`] characters.
    pub fn location_in(&self, lang: Lang) -> String {
        shorten(&self.location.in_lang(lang), LOCATION_MAX).into_owned()
    }

    /// What was found, written in `lang`, at most [`MESSAGE_MAX`] characters.
    pub fn message_in(&self, lang: Lang) -> String {
        shorten(&self.message.in_lang(lang), MESSAGE_MAX).into_owned()
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.severity.as_str(), self.location_in(Lang::En), self.message_in(Lang::En))
    }
}

/// The problems of one kind beyond the kept ones: the first of them, whose place and message
/// are shown as the kind's (numbers as `#`, quoted values as `"…"`), and how many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoreOfKind {
    pub severity: Severity,
    /// The first problem of the kind; `None` for the problems of every kind beyond
    /// [`KINDS_KEPT`].
    pub first: Option<(Message, Message)>,
    pub count: usize,
}

impl MoreOfKind {
    /// Whether this counts the problems of every kind beyond [`KINDS_KEPT`].
    pub fn is_other_kinds(&self) -> bool {
        self.first.is_none()
    }

    /// The kind's place in `lang`: `claims[#].id`.
    pub fn location_in(&self, lang: Lang) -> String {
        self.first.as_ref().map_or_else(String::new, |(at, _)| template(&at.in_lang(lang), false, LOCATION_MAX))
    }

    /// The kind's message in `lang`: `the field "…" is missing`.
    pub fn message_in(&self, lang: Lang) -> String {
        self.first.as_ref().map_or_else(String::new, |(_, what)| template(&what.in_lang(lang), true, MESSAGE_MAX))
    }
}

impl fmt::Display for MoreOfKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.severity.as_str();
        if self.is_other_kinds() {
            write!(f, "and {} more: {s}s of other kinds", Lang::En.number(self.count))
        } else {
            let (at, what) = (self.location_in(Lang::En), self.message_in(Lang::En));
            write!(f, "and {} more: {s}: {at}: {what}", Lang::En.number(self.count))
        }
    }
}

/// Counts of one kind of record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub loaded: usize,
    pub excluded: usize,
}

/// Everything an ingest found: the first problems in the order found, the rest counted by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The first [`PROBLEMS_KEPT`] problems.
    pub problems: Vec<Problem>,
    /// The problems after those, counted by kind, kinds in the order first met.
    pub more: Vec<MoreOfKind>,
    /// The position in `more` of each kind's key.
    kinds: FxHashMap<String, usize>,
    errors: usize,
    warnings: usize,
    pub actors: Tally,
    pub incidents: Tally,
    pub claims: Tally,
}

/// Appends `text` to `out` with every run of ASCII digits written `#` and, when `quotes`,
/// every `"…"`-quoted value written `"…"`.
fn template_into(text: &str, quotes: bool, out: &mut String) {
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| c.is_ascii_digit() || (quotes && c == '"')) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if tail.starts_with('"') {
            out.push_str("\"…\"");
            rest = tail[1..].find('"').map_or("", |end| &tail[end + 2..]);
        } else {
            out.push('#');
            rest = tail.trim_start_matches(|c: char| c.is_ascii_digit());
        }
    }
    out.push_str(rest);
}

/// Appends `text` to `out` as a template, at most `max` characters.
fn template_part(text: &str, quotes: bool, max: usize, out: &mut String) {
    let from = out.len();
    template_into(text, quotes, out);
    if out.len() - from > max {
        let short = shorten(&out[from..], max).into_owned();
        out.truncate(from);
        out.push_str(&short);
    }
}

/// `text` as a template, at most `max` characters.
fn template(text: &str, quotes: bool, max: usize) -> String {
    let mut out = String::new();
    template_part(text, quotes, max, &mut out);
    out
}

/// The key of a problem's kind (see the module): its severity, and its place and message as
/// templates — each message's key and its values with numbers as `#` (and, in the message,
/// quoted values as `"…"`), not written out: every problem beyond the kept ones goes through
/// here, and two problems of one kind differ only in those values.
fn kind_key(severity: Severity, location: &Message, message: &Message) -> String {
    let mut key = String::with_capacity(64);
    key.push_str(severity.as_str());
    key.push('\u{0}');
    kind_part(location, false, LOCATION_MAX, &mut key);
    key.push('\u{0}');
    kind_part(message, true, MESSAGE_MAX, &mut key);
    key
}

/// Appends a message's key and its values, as templates, to a kind's key.
fn kind_part(m: &Message, quotes: bool, max: usize, out: &mut String) {
    out.push_str(m.key());
    for (name, value) in m.args() {
        out.push('\u{1}');
        out.push_str(name);
        out.push('=');
        match value {
            Arg::Text(text) => template_part(text, quotes, max, out),
            Arg::Message(inner) => kind_part(inner, quotes, max, out),
        }
    }
}

/// The place and message of a problem's kind.
#[cfg(test)]
fn kind_of(location: &str, message: &str) -> (String, String) {
    (template(location, false, LOCATION_MAX), template(message, true, MESSAGE_MAX))
}

impl Report {
    pub fn error(&mut self, location: Message, message: Message) {
        self.push(Severity::Error, location, message);
    }

    pub fn warning(&mut self, location: Message, message: Message) {
        self.push(Severity::Warning, location, message);
    }

    fn push(&mut self, severity: Severity, location: Message, message: Message) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
        if self.problems.len() < PROBLEMS_KEPT {
            // A value from the file is kept no longer than a whole message may be.
            let (location, message) = (shortened(location, LOCATION_MAX), shortened(message, MESSAGE_MAX));
            self.problems.push(Problem { severity, location, message });
        } else {
            self.count_more(severity, Some((location, message)), 1);
        }
    }

    /// Counts `n` more problems of the kind of this place and message (`None`: of the kinds
    /// beyond [`KINDS_KEPT`]).
    fn count_more(&mut self, severity: Severity, first: Option<(Message, Message)>, n: usize) {
        let key = match &first {
            Some((location, message)) => kind_key(severity, location, message),
            None => format!("{}\u{0}*", severity.as_str()),
        };
        if let Some(&k) = self.kinds.get(&key) {
            self.more[k].count += n;
            return;
        }
        if self.kinds.len() < KINDS_KEPT || first.is_none() {
            self.kinds.insert(key, self.more.len());
            self.more.push(MoreOfKind { severity, first, count: n });
        } else {
            self.count_more(severity, None, n);
        }
    }

    /// Adds another report's problems after this one's, and its counts of records excluded
    /// (not of those loaded: the checks count those).
    pub fn append(&mut self, other: Report) {
        for p in other.problems {
            self.push(p.severity, p.location, p.message);
        }
        for m in other.more {
            match m.severity {
                Severity::Error => self.errors += m.count,
                Severity::Warning => self.warnings += m.count,
            }
            self.count_more(m.severity, m.first, m.count);
        }
        self.actors.excluded += other.actors.excluded;
        self.incidents.excluded += other.incidents.excluded;
        self.claims.excluded += other.claims.excluded;
    }

    /// How many problems of this severity were found, kept or counted.
    pub fn count(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.errors,
            Severity::Warning => self.warnings,
        }
    }

    /// How many problems were found, kept or counted.
    pub fn total(&self) -> usize {
        self.errors + self.warnings
    }

    /// Whether any record was left out.
    pub fn excluded_any(&self) -> bool {
        self.actors.excluded + self.incidents.excluded + self.claims.excluded > 0
    }

    /// One line: "152 claims loaded, 2 excluded; 3 errors, 1 warning", and when some problems
    /// are only counted, "; the first 1000 are listed".
    pub fn summary(&self) -> String {
        self.summary_in(Lang::En)
    }

    /// The summary line in `lang`.
    pub fn summary_in(&self, lang: Lang) -> String {
        let n = |k: usize| lang.number(k);
        let others = self.actors.excluded + self.incidents.excluded;
        let others = if others > 0 { lang.fill("report.others", &[("n", &n(others))]) } else { String::new() };
        let listed = if self.total() > self.problems.len() {
            lang.fill("report.listed", &[("n", &n(self.problems.len()))])
        } else {
            String::new()
        };
        lang.count(
            "report.summary",
            self.claims.loaded,
            &[
                ("excluded", &n(self.claims.excluded)),
                ("others", &others),
                ("errors", &lang.count("report.errors", self.count(Severity::Error), &[])),
                ("warnings", &lang.count("report.warnings", self.count(Severity::Warning), &[])),
                ("listed", &listed),
            ],
        )
    }
}

#[cfg(test)]
mod tests;
