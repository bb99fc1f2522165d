//! The reader's language in the page: `?lang=` if the URL has it, otherwise the first of the
//! browser's preferred languages that the interface speaks. It is fixed for the page's life:
//! the language switch is a link to the same view in the other language, so Back and Forward
//! move between the two as between any two pages.

use leptos::prelude::*;

use super::history::Nav;
use super::listen::IN_BROWSER;
use crate::i18n::Lang;
use crate::url_state::to_query;

/// The reader's language, as the page provides it (English where none is provided).
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// Starts the page: reads the reader's catalogue if the wasm does not carry it (`i18n`), then
/// mounts the app, in a task after the one that started the wasm, so that neither is long
/// (`turns`). A catalogue that cannot be read leaves the page in English.
pub fn start() {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let mount = || super::in_turn(|| leptos::mount::mount_to_body(super::App));
    match language(crate::url_state::parse(&search).0.lang.as_deref()) {
        Lang::En => mount(),
        // Before the app is mounted, Leptos has no executor yet: wasm-bindgen's runs the fetch.
        lang => wasm_bindgen_futures::spawn_local(async move {
            let url = format!("locales/{}.json", lang.code());
            if let Ok(response) = gloo_net::http::Request::get(&url).send().await {
                if let Ok(bytes) = response.binary().await {
                    let _ = crate::i18n::add_catalogue(lang, &bytes);
                }
            }
            mount();
        }),
    }
}

/// The URL's language if it names one, else the browser's preference.
fn language(asked: Option<&str>) -> Lang {
    asked.and_then(Lang::parse).unwrap_or_else(|| {
        let languages = web_sys::window().map(|w| w.navigator().languages().to_vec()).unwrap_or_default();
        let tags: Vec<String> = languages.iter().filter_map(|l| l.as_string()).collect();
        Lang::preferred(tags.iter().map(String::as_str))
    })
}

/// The language of this page: the URL's `lang`, else the browser's preference. Marks the
/// document with it (`<html lang>`).
pub fn reader_lang(nav: &Nav) -> Lang {
    let lang = language(nav.view.with_untracked(|v| v.lang.clone()).as_deref());
    if IN_BROWSER {
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", lang.tag());
        }
    }
    lang
}

/// The switch: a link to the current view in the other language, named in that language.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let nav = use_context::<Nav>();
    let other = if lang == Lang::En { Lang::Zh } else { Lang::En };
    let href = move || {
        let mut view = nav.map(|n| n.view.get()).unwrap_or_default();
        view.lang = Some(other.code().to_string());
        format!("?{}", to_query(&view))
    };
    view! {
        <a class="language-switch" href=href hreflang=other.tag() lang=other.tag() data-testid="language-switch">
            {other.name()}
        </a>
    }
}
