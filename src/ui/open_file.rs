//! "Open file…": a labelled file input and a page-wide drop target for a local .json or .csv.

use leptos::prelude::*;

use super::listen::window_event;

#[component]
pub fn OpenFile(open: Callback<web_sys::File>) -> impl IntoView {
    let lang = super::lang::use_lang();
    let dragging = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            open.run(file);
        }
        input.set_value("");
    };
    // The whole window accepts a dropped file.
    window_event(leptos::ev::dragover, move |ev| {
        ev.prevent_default();
        dragging.set(true);
    });
    window_event(leptos::ev::dragleave, move |_| dragging.set(false));
    window_event(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        dragging.set(false);
        let file = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0));
        if let Some(file) = file {
            open.run(file);
        }
    });

    view! {
        <div class="open-file" class:dragging=move || dragging.get()>
            <label class="button" for="open-file">{lang.text("ui.open.button")}</label>
            <input id="open-file" class="visually-hidden" type="file" accept=".json,.csv,application/json,text/csv"
                data-testid="open-file" on:change=on_change/>
            <span class="hint">{lang.text("ui.open.hint")}</span>
        </div>
    }
}
