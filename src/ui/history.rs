//! The URL as the view state: reading it, writing it (a history entry for deliberate changes,
//! a replacement while typing), and following back/forward.

use leptos::prelude::*;

use super::listen::{window_event, IN_BROWSER};
use crate::url_state::{parse, to_query, ViewState};

/// The view state and the notices about parameters that were ignored.
#[derive(Clone, Copy)]
pub struct Nav {
    pub view: RwSignal<ViewState>,
    pub notices: RwSignal<Vec<String>>,
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
        let nav = Nav { view: RwSignal::new(view), notices: RwSignal::new(notices) };
        window_event(leptos::ev::popstate, move |_| {
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
        if let Ok(history) = window.history() {
            let _ = match entry {
                Entry::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
                Entry::Replace => history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
            };
        }
    }
}
