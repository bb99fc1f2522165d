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
use std::ops::Range;

use rustc_hash::FxHashMap;
use strum::IntoStaticStr;

use super::echo::shorten;
use crate::i18n::Lang;

/// How many problems a report keeps, in the order found.
pub const PROBLEMS_KEPT: usize = 1_000;
/// How many kinds of the problems beyond those a report counts apart.
pub const KINDS_KEPT: usize = 100;
/// The most characters of a problem's place.
pub const LOCATION_MAX: usize = 200;
/// The most characters of a problem's message.
pub const MESSAGE_MAX: usize = 400;
/// The place of the kind that counts the problems of every kind beyond [`KINDS_KEPT`].
pub const OTHER_KINDS: &str = "*";

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

/// One problem: where (`claims[17].sources[0].url`, `row 5, column date`) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub location: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.severity.as_str(), self.location, self.message)
    }
}

/// The problems of one kind beyond the kept ones: the kind's place and message (numbers as
/// `#`, quoted values as `"…"`) and how many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoreOfKind {
    pub severity: Severity,
    /// `claims[#].id`; [`OTHER_KINDS`] for the problems of kinds beyond [`KINDS_KEPT`].
    pub location: String,
    /// `the field "…" is missing`.
    pub message: String,
    pub count: usize,
}

impl MoreOfKind {
    /// Whether this counts the problems of every kind beyond [`KINDS_KEPT`].
    pub fn is_other_kinds(&self) -> bool {
        self.location == OTHER_KINDS
    }
}

impl fmt::Display for MoreOfKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.severity.as_str();
        if self.is_other_kinds() {
            write!(f, "and {} more: {s}s of other kinds", self.count)
        } else {
            write!(f, "and {} more: {s}: {}: {}", self.count, self.location, self.message)
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

/// The key of a problem's kind (see the module): its severity, place and message as
/// templates, in one string, and where the place is in it (the message follows it after one
/// separator). One allocation: every problem beyond the kept ones goes through here.
fn kind_key(severity: Severity, location: &str, message: &str) -> (String, Range<usize>) {
    let mut key = String::with_capacity(location.len() + message.len() + 16);
    key.push_str(severity.as_str());
    key.push('\u{0}');
    let start = key.len();
    template_part(location, false, LOCATION_MAX, &mut key);
    let end = key.len();
    key.push('\u{0}');
    template_part(message, true, MESSAGE_MAX, &mut key);
    (key, start..end)
}

/// The place and message of a problem's kind.
#[cfg(test)]
fn kind_of(location: &str, message: &str) -> (String, String) {
    let (key, place) = kind_key(Severity::Error, location, message);
    (key[place.clone()].to_string(), key[place.end + 1..].to_string())
}

impl Report {
    pub fn error(&mut self, location: impl Into<String>, message: impl Into<String>) {
        self.push(Severity::Error, location.into(), message.into());
    }

    pub fn warning(&mut self, location: impl Into<String>, message: impl Into<String>) {
        self.push(Severity::Warning, location.into(), message.into());
    }

    fn push(&mut self, severity: Severity, location: String, message: String) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
        if self.problems.len() < PROBLEMS_KEPT {
            let location = shorten(&location, LOCATION_MAX).into_owned();
            let message = shorten(&message, MESSAGE_MAX).into_owned();
            self.problems.push(Problem { severity, location, message });
        } else {
            self.count_more(severity, &location, &message, 1);
        }
    }

    /// Counts `n` more problems of the kind of this place and message.
    fn count_more(&mut self, severity: Severity, location: &str, message: &str, n: usize) {
        let (key, place) = kind_key(severity, location, message);
        if let Some(&k) = self.kinds.get(&key) {
            self.more[k].count += n;
            return;
        }
        let other_kinds = &key[place.clone()] == OTHER_KINDS;
        if self.kinds.len() < KINDS_KEPT || other_kinds {
            let (location, message) = (key[place.clone()].to_string(), key[place.end + 1..].to_string());
            self.kinds.insert(key, self.more.len());
            self.more.push(MoreOfKind { severity, location, message, count: n });
        } else {
            self.count_more(severity, OTHER_KINDS, "", n);
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
            // A kind's place and message are templates already: as templates they stay the same.
            self.count_more(m.severity, &m.location, &m.message, m.count);
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
        let n = |k: usize| k.to_string();
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
mod tests {
    use super::*;

    /// A report of `n` records of `{}`: the four problems the slow path finds in each.
    fn empty_records(n: usize) -> Report {
        let mut r = Report::default();
        for i in 0..n {
            r.error(format!("claims[{i}].id"), "the field \"id\" is missing");
            r.error(format!("claims[{i}].date"), "the field \"date\" is missing");
            r.warning(format!("claims[{i}].x{}", i % 3), format!("unknown field \"x{}\" is ignored", i % 3));
            r.error(format!("claims[{i}]"), "this claim is excluded because of the error(s) above");
        }
        r
    }

    #[test]
    fn keeps_the_first_problems_in_order_and_counts_the_rest_by_kind() {
        let r = empty_records(1_000);
        assert_eq!(r.problems.len(), PROBLEMS_KEPT);
        assert_eq!(r.problems[0].location, "claims[0].id");
        assert_eq!(r.problems[PROBLEMS_KEPT - 1].location, "claims[249]");
        assert_eq!(r.count(Severity::Error), 3_000);
        assert_eq!(r.count(Severity::Warning), 1_000);
        let more: Vec<(Severity, &str, &str, usize)> =
            r.more.iter().map(|m| (m.severity, m.location.as_str(), m.message.as_str(), m.count)).collect();
        // Records 250 to 999: 750 of each; the unknown fields are three kinds by their names.
        assert_eq!(
            more,
            [
                (Severity::Error, "claims[#].id", "the field \"…\" is missing", 750),
                (Severity::Error, "claims[#].date", "the field \"…\" is missing", 750),
                (Severity::Warning, "claims[#].x#", "unknown field \"…\" is ignored", 750),
                (Severity::Error, "claims[#]", "this claim is excluded because of the error(s) above", 750),
            ]
        );
        let listed = r.problems.len() + r.more.iter().map(|m| m.count).sum::<usize>();
        assert_eq!(listed, r.total());
    }

    #[test]
    fn kinds_beyond_the_cap_are_counted_together() {
        let mut r = Report::default();
        for i in 0..PROBLEMS_KEPT {
            r.warning("title", format!("kept {i}"));
        }
        // Each location a kind of its own (letters are not templated).
        let name = |i: usize| format!("k{}", char::from_u32(0x4e00 + i as u32).unwrap());
        for i in 0..KINDS_KEPT + 50 {
            r.warning(name(i), "unknown field");
            r.warning(name(i), "unknown field");
        }
        r.error("x", "one error of a new kind");
        assert_eq!(r.more.len(), KINDS_KEPT + 2);
        assert!(r.more[..KINDS_KEPT].iter().all(|m| m.count == 2 && !m.is_other_kinds()));
        let other = &r.more[KINDS_KEPT];
        assert!(other.is_other_kinds());
        assert_eq!((other.severity, other.count), (Severity::Warning, 100));
        assert_eq!(other.to_string(), "and 100 more: warnings of other kinds");
        // An error of a new kind, after the cap: counted with the other kinds (its own line,
        // since it is an error).
        let errors: Vec<&MoreOfKind> = r.more.iter().filter(|m| m.severity == Severity::Error).collect();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].is_other_kinds() && errors[0].count == 1);
        assert_eq!(r.count(Severity::Warning), PROBLEMS_KEPT + 2 * (KINDS_KEPT + 50));
    }

    #[test]
    fn kinds_take_out_numbers_and_quoted_values() {
        let (place, what) =
            kind_of("row 12, column accused", "\"Bad \"Actor\" 9\" is dated 2024-05, after this claim (2019); 3 more");
        assert_eq!(place, "row #, column accused");
        // A quote ends at the next quote mark; what follows is template again.
        assert_eq!(what, "\"…\"Actor\"…\" is dated #-#, after this claim (#); # more");
        let (_, cut) = kind_of("x", "the id \"never closed");
        assert_eq!(cut, "the id \"…\"");
        let (place, _) = kind_of(&format!("claims[1].{}", "k".repeat(1_000)), "m");
        assert_eq!(place.chars().count(), LOCATION_MAX);
    }

    #[test]
    fn places_and_messages_are_shortened() {
        let mut r = Report::default();
        r.warning(format!("claims[0].{}", "k".repeat(5_000)), format!("unknown field {}", "é".repeat(5_000)));
        let p = &r.problems[0];
        assert_eq!(p.location.chars().count(), LOCATION_MAX);
        assert_eq!(p.message.chars().count(), MESSAGE_MAX);
        assert!(p.location.ends_with('…') && p.message.ends_with('…'));
    }

    #[test]
    fn appending_keeps_the_cap_the_order_and_every_count() {
        let mut head = Report::default();
        head.warning("title", "the dataset has no title");
        let mut records = empty_records(400);
        records.claims.excluded = 400;
        let total = records.total();
        head.append(records);
        assert_eq!(head.problems.len(), PROBLEMS_KEPT);
        assert_eq!(head.problems[0].location, "title");
        assert_eq!(head.problems[1].location, "claims[0].id");
        assert_eq!(head.total(), total + 1);
        assert_eq!(head.claims.excluded, 400);
        let listed = head.problems.len() + head.more.iter().map(|m| m.count).sum::<usize>();
        assert_eq!(listed, head.total());
        // The record problems that no longer fit joined the counts of their kind.
        assert_eq!(head.more[0].location, "claims[#]");
        assert_eq!(head.more[0].count, 1 + 150);
        assert_eq!(head.more[1].location, "claims[#].id");
        assert_eq!(head.more[1].count, 150);
    }

    #[test]
    fn the_summary_says_when_only_the_first_problems_are_listed() {
        let mut r = Report::default();
        r.claims = Tally { loaded: 1, excluded: 0 };
        r.warning("claims[0].x", "unknown field \"x\" is ignored");
        assert_eq!(r.summary(), "1 claim loaded, 0 excluded; 0 errors, 1 warning");
        let mut r = empty_records(300);
        r.claims = Tally { loaded: 0, excluded: 300 };
        assert_eq!(r.summary(), "0 claims loaded, 300 excluded; 900 errors, 300 warnings; the first 1000 are listed");
    }
}
