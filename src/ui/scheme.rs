//! The reader's colour scheme, light or dark, followed while the page is open: charts read it
//! so that they redraw in the new scheme. One listener for the page, provided as context.

use leptos::prelude::*;

use super::listen::media_query;
use crate::charts::Theme;

#[derive(Clone, Copy)]
pub struct ColourScheme {
    dark: RwSignal<bool>,
}

impl ColourScheme {
    /// Follows the system's `prefers-color-scheme` until the owner is disposed.
    pub fn follow() -> ColourScheme {
        let dark = RwSignal::new(false);
        dark.set(media_query("(prefers-color-scheme: dark)", move |d| dark.set(d)));
        ColourScheme { dark }
    }

    /// The chart theme of the scheme shown (tracked).
    pub fn theme(self) -> Theme {
        if self.dark.get() {
            Theme::DARK
        } else {
            Theme::LIGHT
        }
    }

    /// The chart theme of the scheme shown, without tracking it.
    pub fn theme_untracked(self) -> Theme {
        if self.dark.get_untracked() {
            Theme::DARK
        } else {
            Theme::LIGHT
        }
    }
}
