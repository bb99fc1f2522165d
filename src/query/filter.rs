//! What the reader asked for: the search text, the facet selections, the year range and the
//! sort. Plain data; the URL is its serialised form (`url_state`).

use std::collections::BTreeSet;

use crate::model::{Side, Stance};

/// Newest or oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Sort {
    #[default]
    Newest,
    Oldest,
}

impl Sort {
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
        }
    }

    pub fn parse(s: &str) -> Option<Sort> {
        match s {
            "newest" => Some(Sort::Newest),
            "oldest" => Some(Sort::Oldest),
            _ => None,
        }
    }
}

/// The facets a reader can filter by (DESIGN §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
    pub const ALL: [Facet; 8] = [
        Facet::Side,
        Facet::Stance,
        Facet::Claimant,
        Facet::Accused,
        Facet::Sector,
        Facet::Vector,
        Facet::Year,
        Facet::Answered,
    ];

    /// The facet's name in test hooks (`facet-<name>`).
    pub fn name(self) -> &'static str {
        match self {
            Facet::Side => "side",
            Facet::Stance => "stance",
            Facet::Claimant => "claimant",
            Facet::Accused => "accused",
            Facet::Sector => "sector",
            Facet::Vector => "vector",
            Facet::Year => "year",
            Facet::Answered => "answered",
        }
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
                if let Some(s) = Side::ALL.into_iter().find(|s| s.as_str() == value) {
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
                let v = match value {
                    "yes" => Some(true),
                    "no" => Some(false),
                    _ => None,
                };
                self.answered = if self.answered == v { None } else { v };
            }
            Facet::Year => {}
        }
    }
}
