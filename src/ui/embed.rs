//! Embed mode (`?embed=<chart>&…filters`): only the chart, its title, summary and a credit line
//! linking back to the full view with the same filters. Fills its width and posts its height to
//! the parent page — `{"claims-explorer-height": {"chart": id, "height": px}}` — on load and on
//! every resize, for `embed.js` to size the iframe.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::chart::{app_address, ChartCard};
use super::history::Nav;
use super::listen::{resize_observer, window_event};
use super::loaded::Loaded;
use crate::charts::ChartId;
use crate::url_state::{to_query, ViewState};

fn post_height(chart: ChartId, height: f64) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    let inner = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&inner, &"chart".into(), &chart.as_str().into());
    let _ = js_sys::Reflect::set(&inner, &"height".into(), &JsValue::from_f64(height.ceil()));
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"claims-explorer-height".into(), &inner);
    let _ = parent.post_message(&message, "*");
}

#[component]
pub fn EmbedView(chart: ChartId, loaded: Loaded, drawn: RwSignal<u8>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = super::lang::use_lang();
    let (index, dataset) = (loaded.index.clone(), loaded.dataset.clone());
    let outcome = Memo::new(move |_| index.run_in(&dataset, &nav.view.read().filter, &mut Default::default()));
    let ids = Memo::new(move |_| outcome.read().ids.clone());
    let root = NodeRef::<Div>::new();
    let explore = move || {
        // The explorer in the embed's language.
        let mut full = ViewState { embed: None, ..nav.view.get() };
        if lang != crate::i18n::Lang::default() {
            full.lang = Some(lang.code().to_string());
        }
        let query = to_query(&full);
        if query.is_empty() {
            app_address()
        } else {
            format!("{}?{query}", app_address())
        }
    };

    // Post the height once drawn, and whenever the content's size changes.
    Effect::new(move |_| {
        let (Some(el), true) = (root.get(), drawn.get() & chart.bit() != 0) else { return };
        post_height(chart, f64::from(el.offset_height()));
        let measured = el.clone();
        resize_observer(&el, move || post_height(chart, f64::from(measured.offset_height())));
    });
    window_event(leptos::ev::message, move |event| {
        let from_parent = web_sys::window()
            .and_then(|w| w.parent().ok().flatten())
            .zip(event.source())
            .is_some_and(|(parent, source)| JsValue::from(parent) == JsValue::from(source));
        let asked =
            js_sys::Reflect::get(&event.data(), &"claims-explorer-ask-height".into()).is_ok_and(|v| v == JsValue::TRUE);
        if from_parent && asked && drawn.get_untracked() & chart.bit() != 0 {
            if let Some(el) = root.get_untracked() {
                post_height(chart, f64::from(el.offset_height()));
            }
        }
    });

    let d = loaded.dataset.clone();
    view! {
        <div class="embed" data-testid="embed" data-chart=chart.as_str() node_ref=root>
            <ChartCard chart loaded=loaded.clone() ids=ids.into() drawn frame=NodeRef::new() embedded=true/>
            <p class="credit embed-credit">
                {lang.text("ui.credit.source")} {d.title.clone()}
                {loaded.provenance.notice(lang).map(|n| view! { " · " <span class="provenance" data-testid="provenance">{n}</span> })}
                {lang.text("ui.credit.updated")} {d.updated.display(lang)} " · " {d.license.clone()} " · "
                <a href=explore target="_blank" rel="noopener noreferrer" data-testid="explore-link">{lang.text("ui.credit.explore")}</a>
            </p>
        </div>
    }
}
