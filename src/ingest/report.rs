//! The report of an ingest: every problem found, each with its place and a plain message.

use std::fmt;

use strum::IntoStaticStr;

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

/// Counts of one kind of record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub loaded: usize,
    pub excluded: usize,
}

/// Everything an ingest found, in the order found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub problems: Vec<Problem>,
    pub actors: Tally,
    pub incidents: Tally,
    pub claims: Tally,
}

impl Report {
    pub fn error(&mut self, location: impl Into<String>, message: impl Into<String>) {
        self.push(Severity::Error, location.into(), message.into());
    }

    pub fn warning(&mut self, location: impl Into<String>, message: impl Into<String>) {
        self.push(Severity::Warning, location.into(), message.into());
    }

    fn push(&mut self, severity: Severity, location: String, message: String) {
        self.problems.push(Problem { severity, location, message });
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.problems.iter().filter(|p| p.severity == severity).count()
    }

    /// Whether any record was left out.
    pub fn excluded_any(&self) -> bool {
        self.actors.excluded + self.incidents.excluded + self.claims.excluded > 0
    }

    /// One line: "152 claims loaded, 2 excluded (3 errors, 1 warning)".
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") };
        let mut line = format!("{} loaded, {} excluded", plural(self.claims.loaded, "claim"), self.claims.excluded);
        let others = self.actors.excluded + self.incidents.excluded;
        if others > 0 {
            line.push_str(&format!(" (and {} of actors or incidents)", others));
        }
        line.push_str(&format!(
            "; {}, {}",
            plural(self.count(Severity::Error), "error"),
            plural(self.count(Severity::Warning), "warning")
        ));
        line
    }
}
