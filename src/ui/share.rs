//! "Share": copies the current URL (the whole view) to the clipboard.

use leptos::prelude::*;

#[component]
pub fn ShareButton() -> impl IntoView {
    let copied = RwSignal::new(false);
    let share = move |_| {
        let Some(window) = web_sys::window() else { return };
        let url = window.location().href().unwrap_or_default();
        let promise = window.navigator().clipboard().write_text(&url);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(ok);
        });
    };
    view! {
        <button type="button" class="button" data-testid="share" on:click=share>
            {move || if copied.get() { "Link copied" } else { "Share" }}
        </button>
    }
}
