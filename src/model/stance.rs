//! Closed vocabularies of the data model: stance, confidence, and the derived side.

use serde::{Deserialize, Serialize};

/// What kind of statement a claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    Accusation,
    Attribution,
    Indictment,
    Sanction,
    Advisory,
    Report,
    Denial,
    CounterAccusation,
}

impl Stance {
    pub const ALL: [Stance; 8] = [
        Stance::Accusation,
        Stance::Attribution,
        Stance::Indictment,
        Stance::Sanction,
        Stance::Advisory,
        Stance::Report,
        Stance::Denial,
        Stance::CounterAccusation,
    ];

    /// The wire name, as in the JSON and the URL.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Accusation => "accusation",
            Stance::Attribution => "attribution",
            Stance::Indictment => "indictment",
            Stance::Sanction => "sanction",
            Stance::Advisory => "advisory",
            Stance::Report => "report",
            Stance::Denial => "denial",
            Stance::CounterAccusation => "counter-accusation",
        }
    }

    /// Reads a wire name.
    pub fn parse(s: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// A reader's label.
    pub fn label(self) -> &'static str {
        match self {
            Stance::Accusation => "Accusation",
            Stance::Attribution => "Attribution",
            Stance::Indictment => "Indictment",
            Stance::Sanction => "Sanction",
            Stance::Advisory => "Advisory",
            Stance::Report => "Report",
            Stance::Denial => "Denial",
            Stance::CounterAccusation => "Counter-accusation",
        }
    }

    /// A text icon shown beside the label, so the badge never relies on colour alone.
    pub fn icon(self) -> &'static str {
        match self {
            Stance::Accusation => "!",
            Stance::Attribution => "◎",
            Stance::Indictment => "§",
            Stance::Sanction => "⊘",
            Stance::Advisory => "ℹ",
            Stance::Report => "≡",
            Stance::Denial => "✕",
            Stance::CounterAccusation => "⇄",
        }
    }

    /// Whether this stance answers rather than accuses.
    pub fn is_answer(self) -> bool {
        matches!(self, Stance::Denial | Stance::CounterAccusation)
    }
}

/// How well the sources support a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    #[default]
    Verified,
    Partial,
}

/// The direction of a claim, derived from claimant and accused countries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    /// A US claimant about a Chinese party.
    UsCn,
    /// A Chinese claimant about a US party.
    CnUs,
    /// Anything else.
    Other,
}

impl Side {
    pub const ALL: [Side; 3] = [Side::UsCn, Side::CnUs, Side::Other];

    /// Derives the side from the claimant's country and the accused parties' countries.
    pub fn of<'a>(claimant: Option<&str>, accused: impl IntoIterator<Item = Option<&'a str>, IntoIter: Clone>) -> Side {
        let accused = accused.into_iter();
        let accuses = |c: &str| accused.clone().any(|a| a == Some(c));
        match claimant {
            Some("US") if accuses("CN") => Side::UsCn,
            Some("CN") if accuses("US") => Side::CnUs,
            _ => Side::Other,
        }
    }

    /// The URL value (`us-cn`, `cn-us`, `other`).
    pub fn as_str(self) -> &'static str {
        match self {
            Side::UsCn => "us-cn",
            Side::CnUs => "cn-us",
            Side::Other => "other",
        }
    }

    /// A reader's label.
    pub fn label(self) -> &'static str {
        match self {
            Side::UsCn => "US → China",
            Side::CnUs => "China → US",
            Side::Other => "Other",
        }
    }
}
