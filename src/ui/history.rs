//! The URL as the view state: reading it, writing it (a history entry for deliberate changes,
//! a replacement while typing), and following back/forward. A replacement is written when the
//! page is next idle, not at each keystroke: the browser recomputes the page's style when the
//! URL changes, and that belongs after the new results are shown, not before.

use leptos::prelude::*;

use super::listen::{when_idle, window_event, IN_BROWSER};
use crate::i18n::Message;
use crate::url_state::{parse, to_query, ViewState};

/// The view state and the notices about parameters that were ignored.
#[derive(Clone, Copy)]
pub struct Nav {
    pub view: RwSignal<ViewState>,
    pub notices: RwSignal<Vec<Message>>,
    /// The URL that typing has changed and that is not written yet.
    unwritten: StoredValue<Option<String>>,
}

/// How a change reaches the browser history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A deliberate change: Back returns to the view before it.
    Push,
    /// Typing: the current entry is updated, history is not flooded.
    Replace,
}

fn location_search() -> String {
    if !IN_BROWSER {
        return String::new();
    }
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

impl Nav {
    /// Reads the page's URL and follows back/forward while its owner lives.
    pub fn from_location() -> Nav {
        let (view, notices) = parse(&location_search());
        let nav = Nav { view: RwSignal::new(view), notices: RwSignal::new(notices), unwritten: StoredValue::new(None) };
        window_event(leptos::ev::popstate, move |_| {
            // The reader has left the entry that the typing was for.
            nav.unwritten.set_value(None);
            let (view, notices) = parse(&location_search());
            nav.notices.set(notices);
            nav.view.set(view);
        });
        nav
    }

    /// Changes the view and writes it to the URL.
    pub fn update(&self, entry: Entry, change: impl FnOnce(&mut ViewState)) {
        let mut next = self.view.get_untracked();
        change(&mut next);
        if next == self.view.get_untracked() {
            return;
        }
        let query = to_query(&next);
        self.view.set(next);
        let Some(window) = web_sys::window() else { return };
        let path = window.location().pathname().unwrap_or_default();
        let url = if query.is_empty() { path } else { format!("{path}?{query}") };
        match entry {
            Entry::Push => {
                // The entry being left keeps what was typed in it.
                self.write_typed();
                if let Ok(history) = window.history() {
                    let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
                }
            }
            Entry::Replace => {
                let waiting = self.unwritten.with_value(Option::is_some);
                self.unwritten.set_value(Some(url));
                if !waiting {
                    let nav = *self;
                    when_idle(move || nav.write_typed());
                }
            }
        }
    }

    /// Writes what typing has changed to the current history entry, if anything; the URL is
    /// then the whole view (Share copies it).
    pub fn write_typed(&self) {
        let Some(url) = self.unwritten.try_update_value(Option::take).flatten() else { return };
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}
