//! What the reader asked for: the search text, the facet selections, the year range and the
//! sort. Plain data; the URL is its serialised form (`url_state`).

use std::collections::BTreeSet;

use strum::{EnumCount, EnumString, IntoStaticStr, VariantArray};

use crate::model::{Side, Stance};

/// Newest or oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, EnumString, IntoStaticStr, VariantArray)]
#[strum(serialize_all = "lowercase")]
pub enum Sort {
    #[default]
    Newest,
    Oldest,
}

impl Sort {
    /// The URL value (`newest`, `oldest`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Reads a URL value.
    pub fn parse(s: &str) -> Option<Sort> {
        s.parse().ok()
    }
}

/// The values of the `answered` facet, as in the URL and on the page: claims that were
/// answered (`yes`) or not (`no`). The filter keeps the choice as a `bool`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumString, IntoStaticStr, VariantArray)]
#[strum(serialize_all = "lowercase")]
pub enum Answered {
    Yes,
    No,
}

impl Answered {
    /// The URL value (`yes`, `no`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Reads a URL value.
    pub fn parse(s: &str) -> Option<Answered> {
        s.parse().ok()
    }
}

impl From<bool> for Answered {
    fn from(answered: bool) -> Self {
        if answered {
            Answered::Yes
        } else {
            Answered::No
        }
    }
}

impl From<Answered> for bool {
    fn from(answered: Answered) -> Self {
        answered == Answered::Yes
    }
}

/// The facets a reader can filter by (CONTRACTS.md, URL parameters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, IntoStaticStr, VariantArray, EnumCount)]
#[strum(serialize_all = "kebab-case")]
pub enum Facet {
    Side,
    Stance,
    Claimant,
    Accused,
    Sector,
    Vector,
    Year,
    Answered,
}

impl Facet {
    /// Every facet, in declaration order.
    pub const ALL: [Facet; Facet::COUNT] = *Facet::VARIANTS.first_chunk().expect("every variant");

    /// The facet's name in test hooks (`facet-<name>`).
    pub fn name(self) -> &'static str {
        self.into()
    }

    pub(crate) fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A filter over claims. Empty selections mean "any".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    pub q: String,
    pub sides: BTreeSet<Side>,
    pub stances: BTreeSet<Stance>,
    pub claimants: BTreeSet<String>,
    pub accused: BTreeSet<String>,
    pub sectors: BTreeSet<String>,
    pub vectors: BTreeSet<String>,
    /// First year included.
    pub from: Option<u16>,
    /// Last year included.
    pub to: Option<u16>,
    /// Only claims that were (or were not) answered.
    pub answered: Option<bool>,
    pub sort: Sort,
}

impl Filter {
    /// Whether anything narrows the claims (the sort does not).
    pub fn is_active(&self) -> bool {
        let Filter { q, sides, stances, claimants, accused, sectors, vectors, from, to, answered, sort: _ } = self;
        !q.trim().is_empty()
            || !sides.is_empty()
            || !stances.is_empty()
            || !claimants.is_empty()
            || !accused.is_empty()
            || !sectors.is_empty()
            || !vectors.is_empty()
            || from.is_some()
            || to.is_some()
            || answered.is_some()
    }

    /// The same filter with nothing selected, keeping the sort.
    pub fn cleared(&self) -> Filter {
        Filter { sort: self.sort, ..Filter::default() }
    }

    /// Adds or removes one value of a list facet (`side`, `stance`, `claimant`, `accused`,
    /// `sector`, `vector`); unknown values of closed facets are ignored.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        fn flip<T: Ord>(set: &mut BTreeSet<T>, v: T) {
            if !set.remove(&v) {
                set.insert(v);
            }
        }
        match facet {
            Facet::Side => {
                if let Some(s) = Side::parse(value) {
                    flip(&mut self.sides, s);
                }
            }
            Facet::Stance => {
                if let Some(s) = Stance::parse(value) {
                    flip(&mut self.stances, s);
                }
            }
            Facet::Claimant => flip(&mut self.claimants, value.to_string()),
            Facet::Accused => flip(&mut self.accused, value.to_string()),
            Facet::Sector => flip(&mut self.sectors, value.to_string()),
            Facet::Vector => flip(&mut self.vectors, value.to_string()),
            Facet::Answered => {
                let v = Answered::parse(value).map(bool::from);
                self.answered = if self.answered == v { None } else { v };
            }
            Facet::Year => {}
        }
    }
}
