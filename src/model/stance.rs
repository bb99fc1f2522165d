//! Closed vocabularies of the data model: stance, confidence, and the derived side.
//!
//! Each vocabulary's names are written once, by strum's derives (`EnumString` reads a name,
//! `IntoStaticStr` prints it, `VariantArray` and `EnumCount` list the variants); serde's
//! `rename_all` gives the JSON the same names (a test keeps the two equal).

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use strum::{EnumCount, EnumString, IntoStaticStr, VariantArray};

use crate::i18n::{Lang, Message};

/// What kind of statement a claim is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    EnumString,
    IntoStaticStr,
    VariantArray,
    EnumCount,
)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Stance {
    Accusation,
    Attribution,
    Indictment,
    Sanction,
    Advisory,
    Report,
    Denial,
    CounterAccusation,
    // "Declined to comment", "neither confirm nor deny": an answer that says nothing either way.
    NonAnswer,
    // A joint or unilateral commitment, such as the 2015 US–China commitment on cyber-enabled theft.
    Agreement,
}

impl Stance {
    /// Every stance, in declaration order.
    pub const ALL: [Stance; Stance::COUNT] = *Stance::VARIANTS.first_chunk().expect("every variant");

    /// The wire name, as in the JSON and the URL (`counter-accusation`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Reads a wire name.
    pub fn parse(s: &str) -> Option<Stance> {
        s.parse().ok()
    }

    /// A reader's label in `lang` ("Counter-accusation", "反指控").
    pub fn label(self, lang: Lang) -> Cow<'static, str> {
        lang.text(&format!("stance.{}", self.as_str()))
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
            Stance::NonAnswer => "…",
            Stance::Agreement => "◇",
        }
    }

    /// Whether this stance answers a claim: a denial, a counter-accusation or a non-answer.
    pub fn is_answer(self) -> bool {
        matches!(self, Stance::Denial | Stance::CounterAccusation | Stance::NonAnswer)
    }

    /// Whether this stance accuses someone (accusation to report): what an answer answers.
    /// An agreement neither accuses nor answers.
    pub fn accuses(self) -> bool {
        !self.is_answer() && self != Stance::Agreement
    }
}

/// How well the sources support a record.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, EnumString, IntoStaticStr, VariantArray,
)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Confidence {
    #[default]
    Verified,
    Partial,
}

impl Confidence {
    /// The wire name (`verified`, `partial`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Reads a wire name.
    pub fn parse(s: &str) -> Option<Confidence> {
        s.parse().ok()
    }
}

/// The direction of a claim, derived from claimant and accused countries.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, EnumString, IntoStaticStr, VariantArray, EnumCount,
)]
#[strum(serialize_all = "kebab-case")]
pub enum Side {
    /// A US claimant about a Chinese party.
    UsCn,
    /// A Chinese claimant about a US party.
    CnUs,
    /// Anything else.
    Other,
}

impl Side {
    /// Every side, in declaration order.
    pub const ALL: [Side; Side::COUNT] = *Side::VARIANTS.first_chunk().expect("every variant");

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
        self.into()
    }

    /// Reads a URL value.
    pub fn parse(s: &str) -> Option<Side> {
        s.parse().ok()
    }

    /// A reader's label in `lang` ("US → China", "美国 → 中国").
    pub fn label(self, lang: Lang) -> Cow<'static, str> {
        lang.text(&format!("side.{}", self.as_str()))
    }
}

/// The names of a vocabulary (of two or more) for a message: "us-cn, cn-us or other".
pub(crate) fn one_of<T: Copy + Into<&'static str>>(variants: &[T]) -> Message {
    let names: Vec<&str> = variants.iter().map(|&v| v.into()).collect();
    let (last, rest) = names.split_last().expect("a vocabulary has names");
    Message::new("list.or").with("items", rest.join(", ")).with("last", *last)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde's name of a variant (the JSON) is strum's (`as_str`, `parse`).
    fn same_names<T>(variants: &[T])
    where
        T: Copy
            + Serialize
            + serde::de::DeserializeOwned
            + Into<&'static str>
            + std::str::FromStr
            + PartialEq
            + std::fmt::Debug,
    {
        for &v in variants {
            let name: &str = v.into();
            assert_eq!(serde_json::to_value(v).unwrap(), serde_json::Value::from(name));
            assert_eq!(serde_json::from_value::<T>(name.into()).unwrap(), v);
            assert_eq!(name.parse::<T>().ok(), Some(v));
        }
    }

    #[test]
    fn serde_and_strum_agree_on_every_name() {
        same_names(Stance::VARIANTS);
        same_names(Confidence::VARIANTS);
    }

    #[test]
    fn names_read_back_and_list_in_order() {
        let names: Vec<&str> = Stance::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            names,
            [
                "accusation",
                "attribution",
                "indictment",
                "sanction",
                "advisory",
                "report",
                "denial",
                "counter-accusation",
                "non-answer",
                "agreement"
            ]
        );
        let answers: Vec<Stance> = Stance::ALL.into_iter().filter(|s| s.is_answer()).collect();
        assert_eq!(answers, [Stance::Denial, Stance::CounterAccusation, Stance::NonAnswer]);
        assert!(!Stance::Agreement.accuses() && !Stance::Agreement.is_answer());
        assert!(Stance::ALL.iter().filter(|s| s.accuses()).count() == 6);
        assert_eq!(Side::ALL.map(Side::as_str), ["us-cn", "cn-us", "other"]);
        for side in Side::ALL {
            assert_eq!(Side::parse(side.as_str()), Some(side));
        }
        assert_eq!(Stance::parse("Denial"), None, "names are case-sensitive");
        assert_eq!(Confidence::parse("partial"), Some(Confidence::Partial));
        assert_eq!(one_of(Side::VARIANTS).to_string(), "us-cn, cn-us or other");
        assert_eq!(one_of(Confidence::VARIANTS).to_string(), "verified or partial");
        assert_eq!(one_of(Confidence::VARIANTS).in_lang(Lang::Zh), "verified 或 partial");
    }
}
