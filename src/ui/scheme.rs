//! The reader's colour scheme, light or dark: the system's (`prefers-color-scheme`, followed
//! while the page is open), unless the reader picked one with the theme switch, which the
//! browser remembers (`localStorage`) and the page marks on its root (`data-theme`, read by the
//! stylesheet; the entry HTML applies it before the first paint). Charts read it so that they
//! redraw in the scheme shown. One listener for the page, provided as context.

use leptos::prelude::*;
use strum::{IntoStaticStr, VariantArray};

use super::listen::{media_query, IN_BROWSER};
use crate::charts::Theme;

/// Where the reader's choice is kept, as the entry HTML's first script reads it.
const STORAGE_KEY: &str = "claims-explorer-theme";

/// The theme switch's three positions.
#[derive(Clone, Copy, PartialEq, Eq, IntoStaticStr, VariantArray)]
#[strum(serialize_all = "lowercase")]
pub enum ThemeChoice {
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    fn label(self, lang: crate::i18n::Lang) -> std::borrow::Cow<'static, str> {
        let name: &'static str = self.into();
        lang.text(&format!("ui.theme.{name}"))
    }

    fn parse(s: &str) -> ThemeChoice {
        ThemeChoice::VARIANTS.iter().copied().find(|c| <&str>::from(*c) == s).unwrap_or(ThemeChoice::System)
    }
}

fn storage() -> Option<web_sys::Storage> {
    // Baking (natively) there is no browser to ask.
    if !IN_BROWSER {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

#[derive(Clone, Copy)]
pub struct ColourScheme {
    system_dark: RwSignal<bool>,
    choice: RwSignal<ThemeChoice>,
}

impl ColourScheme {
    /// Follows the system's `prefers-color-scheme` until the owner is disposed, and starts from
    /// the choice the browser remembers.
    pub fn follow() -> ColourScheme {
        let system_dark = RwSignal::new(false);
        system_dark.set(media_query("(prefers-color-scheme: dark)", move |d| system_dark.set(d)));
        let remembered = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
        let choice = RwSignal::new(remembered.as_deref().map_or(ThemeChoice::System, ThemeChoice::parse));
        ColourScheme { system_dark, choice }
    }

    fn dark(self, choice: ThemeChoice, system_dark: bool) -> bool {
        match choice {
            ThemeChoice::System => system_dark,
            ThemeChoice::Light => false,
            ThemeChoice::Dark => true,
        }
    }

    /// The chart theme of the scheme shown (tracked).
    pub fn theme(self) -> Theme {
        if self.dark(self.choice.get(), self.system_dark.get()) {
            Theme::DARK
        } else {
            Theme::LIGHT
        }
    }

    /// The chart theme of the scheme shown, without tracking it.
    pub fn theme_untracked(self) -> Theme {
        if self.dark(self.choice.get_untracked(), self.system_dark.get_untracked()) {
            Theme::DARK
        } else {
            Theme::LIGHT
        }
    }

    /// Shows and remembers the reader's choice.
    fn choose(self, choice: ThemeChoice) {
        self.choice.set(choice);
        if !IN_BROWSER {
            return;
        }
        let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
        if let Some(root) = root {
            let _ = match choice {
                ThemeChoice::System => root.remove_attribute("data-theme"),
                chosen => root.set_attribute("data-theme", chosen.into()),
            };
        }
        if let Some(s) = storage() {
            let _ = match choice {
                ThemeChoice::System => s.remove_item(STORAGE_KEY),
                chosen => s.set_item(STORAGE_KEY, chosen.into()),
            };
        }
    }
}

/// The theme switch: the system's scheme, light or dark.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let scheme = expect_context::<ColourScheme>();
    let lang = super::lang::use_lang();
    let on_change = move |ev| scheme.choose(ThemeChoice::parse(&event_target_value(&ev)));
    let value = move || -> &'static str { scheme.choice.get().into() };
    view! {
        <label class="theme-switch">
            {lang.text("ui.theme.label")}
            <select data-testid="theme" on:change=on_change prop:value=value>
                {ThemeChoice::VARIANTS.iter().map(|&c| {
                    let value: &'static str = c.into();
                    view! { <option value=value selected=move || scheme.choice.get() == c>{c.label(lang)}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}
