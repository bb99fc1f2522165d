//! "Share": copies the current URL (the whole view) to the clipboard; where the browser does
//! not allow that, shows the address selected, ready to copy by hand.

use leptos::html::Input;
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
enum Shared {
    Not,
    Copied,
    /// The clipboard was refused: the URL to copy by hand.
    ByHand(String),
}

#[component]
pub fn ShareButton() -> impl IntoView {
    let state = RwSignal::new(Shared::Not);
    let field = NodeRef::<Input>::new();
    let share = move |_| {
        let Some(window) = web_sys::window() else { return };
        let url = window.location().href().unwrap_or_default();
        let promise = window.navigator().clipboard().write_text(&url);
        leptos::task::spawn_local(async move {
            let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            state.set(if copied { Shared::Copied } else { Shared::ByHand(url) });
            if !copied {
                request_animation_frame(move || {
                    if let Some(input) = field.try_get_untracked().flatten() {
                        input.select();
                    }
                });
            }
        });
    };
    view! {
        <button type="button" class="button" data-testid="share" on:click=share>
            {move || if state.get() == Shared::Copied { "Link copied" } else { "Share" }}
        </button>
        {move || match state.get() {
            Shared::ByHand(url) => Some(view! {
                <input node_ref=field class="share-url" data-testid="share-url" readonly aria-label="Link to this view" prop:value=url/>
            }),
            _ => None,
        }}
    }
}
