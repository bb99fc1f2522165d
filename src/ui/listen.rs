//! Browser listeners and observers that belong to the component (or effect) that made them:
//! each is removed by `on_cleanup` when its owner is disposed or re-run, so nothing it calls
//! outlives the signals it reads.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Whether this is the page in a browser, not the build baking it (`bake`): component bodies
/// that ask the browser something ask only then.
pub const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

/// Calls `changed` with whether the media query matches, whenever that changes; returns
/// whether it matches now.
pub fn media_query(query: &str, changed: impl Fn(bool) + 'static) -> bool {
    if !IN_BROWSER {
        return false;
    }
    let Some(list) = web_sys::window().and_then(|w| w.match_media(query).ok().flatten()) else { return false };
    let matches = list.matches();
    let watched = list.clone();
    let on_change = Closure::<dyn Fn()>::new(move || changed(watched.matches()));
    if list.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref()).is_ok() {
        let held = SendWrapper::new((list, on_change));
        on_cleanup(move || {
            let (list, on_change) = held.take();
            let _ = list.remove_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        });
    }
    matches
}

/// Calls `resized` at most once per animation frame while `element`'s size changes.
pub fn resize_observer(element: &web_sys::Element, resized: impl Fn() + 'static) {
    let pending = StoredValue::new_local(false);
    let resized = std::rc::Rc::new(resized);
    let on_resize = Closure::<dyn Fn()>::new(move || {
        if pending.try_get_value() != Some(false) {
            return;
        }
        pending.set_value(true);
        let resized = resized.clone();
        request_animation_frame(move || {
            if pending.try_set_value(false).is_none() {
                resized();
            }
        });
    });
    let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else { return };
    observer.observe(element);
    let held = SendWrapper::new((observer, on_resize));
    on_cleanup(move || {
        let (observer, _on_resize) = held.take();
        observer.disconnect();
    });
}

/// A window event listener, removed when its owner is disposed.
pub fn window_event<E>(event: E, handle: impl Fn(E::EventType) + 'static)
where
    E: leptos::ev::EventDescriptor + 'static,
    E::EventType: JsCast,
{
    if !IN_BROWSER {
        return;
    }
    let listener = window_event_listener(event, handle);
    on_cleanup(move || listener.remove());
}

/// Calls `changed(i, visible)` whenever `elements[i]` comes into the viewport or leaves it
/// (and once for each at the start), without forcing a layout to find out.
pub fn intersection_observer(elements: &[web_sys::Element], changed: impl Fn(usize, bool) + 'static) {
    let watched = elements.to_vec();
    let on_change = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        for entry in entries.iter() {
            let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
            let target = entry.target();
            if let Some(i) = watched.iter().position(|e| js_sys::Object::is(e, &target)) {
                changed(i, entry.is_intersecting());
            }
        }
    });
    let Ok(observer) = web_sys::IntersectionObserver::new(on_change.as_ref().unchecked_ref()) else { return };
    elements.iter().for_each(|e| observer.observe(e));
    let held = SendWrapper::new((observer, on_change));
    on_cleanup(move || {
        let (observer, _on_change) = held.take();
        observer.disconnect();
    });
}

/// Runs `work` when the browser is idle, after the frames and tasks already queued, and at the
/// latest `IDLE_WAIT` later: for work the reader does not see (charts out of view, cards
/// below the first page), so that it never delays the frame that shows the new results.
pub fn when_idle(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let callback = Closure::once_into_js(work);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(IDLE_WAIT_MS);
    if window.request_idle_callback_with_options(callback.unchecked_ref(), &options).is_err() {
        // No idle callbacks in this browser: after the next frame instead.
        let _ = window.request_animation_frame(callback.unchecked_ref());
    }
}

/// How long work waits for an idle period at most, in milliseconds.
const IDLE_WAIT_MS: u32 = 250;
