//! The data model, version 1 (CONTRACTS.md, Data model): a dataset of actors, incidents and
//! the claims actors made about them. Plain serde types; no browser types, no I/O.

mod date;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
mod stance;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

pub use date::{DateError, PartialDate};
pub(crate) use stance::one_of;
pub use stance::{Confidence, Side, Stance};

/// The value of the `schema` field this version reads and writes.
pub const SCHEMA_V1: &str = "claims-explorer/1";

/// A whole dataset as published in `claims.json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Dataset {
    /// Always "claims-explorer/1" for this version.
    pub schema: String,
    pub title: String,
    pub updated: PartialDate,
    pub license: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub incidents: Vec<Incident>,
    #[serde(default)]
    pub claims: Vec<Claim>,
}

/// Someone who makes claims or is accused in them: a government body, a company, a threat group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
// Strict for the reader's fast path: a record with an unknown field takes the slow path,
// which reports the field. (The published schema still allows extra fields.)
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// ISO 3166-1 alpha-2 code of the actor's country.
    pub country: String,
    pub kind: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// What allegedly happened; claims are who said what about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
// Strict for the reader's fast path: a record with an unknown field takes the slow path,
// which reports the field. (The published schema still allows extra fields.)
#[serde(deny_unknown_fields)]
pub struct Incident {
    pub id: String,
    pub title: String,
    /// The title in Simplified Chinese.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub began: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vectors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cves: Vec<String>,
    /// Figures the sources give, such as `devices` or `victims`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scale: BTreeMap<String, f64>,
}

/// One public statement: who said what about whom, when, and where it was reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
// Strict for the reader's fast path: a record with an unknown field takes the slow path,
// which reports the field. (The published schema still allows extra fields.)
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: String,
    pub date: PartialDate,
    /// Actor id of whoever made the claim.
    pub claimant: String,
    /// Actor ids of those the claim is about.
    #[serde(default)]
    pub accused: Vec<String>,
    pub stance: Stance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incident: Option<String>,
    /// Ids of the claims this one answers.
    #[serde(default)]
    pub responds_to: Vec<String>,
    pub headline: String,
    pub summary: String,
    /// The headline, written in Simplified Chinese.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline_zh: Option<String>,
    /// The summary, written in Simplified Chinese.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Quote>,
    pub sources: Vec<Source>,
    #[serde(default)]
    pub confidence: Confidence,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Ids this claim had before: a deep link to one of them opens this claim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Why this claim answers a claim of its own side, when it does (the checker asks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_side_reason: Option<String>,
}

/// Words quoted from a speaker, exactly as reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
// Strict for the reader's fast path: a record with an unknown field takes the slow path,
// which reports the field. (The published schema still allows extra fields.)
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub text: String,
    #[serde(default)]
    pub speaker: String,
    /// The language the words were said or written in (`en`, `zh`); when it is not the
    /// language of `text`, `text` is a translation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said_in: Option<String>,
    /// The words as they were said, in `said_in`, when `text` translates them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
}

impl Quote {
    /// Whether `text` is a translation: the words were said in another language than English.
    pub fn is_translation(&self) -> bool {
        self.said_in.as_deref().is_some_and(|l| l != "en")
    }
}

/// Where a claim was reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
// Strict for the reader's fast path: a record with an unknown field takes the slow path,
// which reports the field. (The published schema still allows extra fields.)
#[serde(deny_unknown_fields)]
pub struct Source {
    pub publisher: String,
    #[serde(default)]
    pub title: String,
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
}

impl Source {
    /// Whether the URL may be shown as a link: only `http:` and `https:` are.
    pub fn is_web_link(&self) -> bool {
        let u = self.url.trim_start().to_ascii_lowercase();
        u.starts_with("https://") || u.starts_with("http://")
    }
}

impl Dataset {
    /// Where the claim with this id is: the claim of that id, or else the one that lists it
    /// among its former ids (`aliases`), so that an old deep link still opens its claim.
    pub fn claim_position(&self, id: &str) -> Option<usize> {
        self.claims
            .iter()
            .position(|c| c.id == id)
            .or_else(|| self.claims.iter().position(|c| c.aliases.iter().any(|a| a == id)))
    }

    /// The actor with this id, if any.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The display name of an actor id, or the id itself when it does not resolve.
    pub fn actor_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.actor(id).map_or(id, |a| a.name.as_str())
    }

    /// The direction of a claim, derived from the countries of claimant and accused.
    pub fn side(&self, claim: &Claim) -> Side {
        let country = |id: &str| self.actor(id).map(|a| a.country.as_str());
        Side::of(country(&claim.claimant), claim.accused.iter().map(|a| country(a)))
    }
}

/// A reader's text in `lang` where the record has one, otherwise the other language's: the
/// text and the language it is written in (so that a page can mark it with its own `lang`).
fn in_lang<'a>(en: &'a str, zh: Option<&'a str>, lang: Lang) -> (&'a str, Lang) {
    let zh = zh.filter(|z| !z.trim().is_empty());
    match (lang, zh) {
        (Lang::Zh, Some(z)) => (z, Lang::Zh),
        (Lang::En, Some(z)) if en.trim().is_empty() => (z, Lang::Zh),
        _ => (en, Lang::En),
    }
}

impl Claim {
    /// The headline in `lang`, or in the other language where it has none.
    pub fn headline_in(&self, lang: Lang) -> (&str, Lang) {
        in_lang(&self.headline, self.headline_zh.as_deref(), lang)
    }

    /// The summary in `lang`, or in the other language where it has none.
    pub fn summary_in(&self, lang: Lang) -> (&str, Lang) {
        in_lang(&self.summary, self.summary_zh.as_deref(), lang)
    }
}

impl Incident {
    /// The title in `lang`, or in the other language where it has none.
    pub fn title_in(&self, lang: Lang) -> (&str, Lang) {
        in_lang(&self.title, self.title_zh.as_deref(), lang)
    }
}

impl Actor {
    /// The name in `lang`, or in the other language where it has none.
    pub fn name_in(&self, lang: Lang) -> (&str, Lang) {
        in_lang(&self.name, self.name_zh.as_deref(), lang)
    }
}
