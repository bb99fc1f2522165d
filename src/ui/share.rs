//! "Share": copies the current URL (the whole view) to the clipboard — or, while a claim is
//! open, the address of that claim's baked page, whose link previews the claim; where the
//! browser does not allow copying, shows the address selected, ready to copy by hand.

use leptos::html::Input;
use leptos::prelude::*;

use super::history::Nav;
use super::lang::use_lang;
use crate::i18n::Lang;
use crate::url_state::claim_page;

#[derive(Clone, PartialEq)]
enum Shared {
    Not,
    Copied,
    /// The clipboard was refused: the URL to copy by hand.
    ByHand(String),
}

/// What Share copies: the claim's page in `lang` when a claim is open and has one, else the
/// view's URL.
fn shared_url(window: &web_sys::Window, claim: Option<&str>, lang: Lang) -> String {
    let location = window.location();
    match claim.and_then(|id| claim_page(id, lang)) {
        Some(page) => {
            let (origin, path) = (location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
            let dir = path.rsplit_once('/').map_or("", |(dir, _)| dir);
            format!("{origin}{dir}/{page}")
        }
        None => location.href().unwrap_or_default(),
    }
}

#[component]
pub fn ShareButton(
    /// The data is a file the reader opened: a link would show the site's dataset instead.
    local_file: bool,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = use_lang();
    let state = RwSignal::new(Shared::Not);
    if local_file {
        let said = RwSignal::new(false);
        return view! {
            <button type="button" class="button" data-testid="share" on:click=move |_| said.set(true)>{lang.text("ui.share.share")}</button>
            {move || said.get().then(|| view! {
                <p class="share-note" data-testid="share-unavailable" role="status">
                    {lang.text("ui.share.local")}
                </p>
            })}
        }
        .into_any();
    }
    let field = NodeRef::<Input>::new();
    let share = move |_| {
        let Some(window) = web_sys::window() else { return };
        // The URL holds the whole view, the latest typing too.
        nav.write_typed();
        // Only the bundled dataset's claims have baked pages.
        let view = nav.view.read_untracked();
        let url = shared_url(&window, view.claim.as_deref().filter(|_| view.data.is_none()), lang);
        drop(view);
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
            {move || lang.text(if state.get() == Shared::Copied { "ui.share.copied" } else { "ui.share.share" })}
        </button>
        {move || match state.get() {
            Shared::ByHand(url) => Some(view! {
                <input node_ref=field class="share-url" data-testid="share-url" readonly aria-label=lang.text("ui.share.link") prop:value=url/>
            }),
            _ => None,
        }}
    }
    .into_any()
}
