//! Downloads made in the page: a Blob (or the canvas's PNG) saved under a file name.

use wasm_bindgen::{JsCast, JsValue};

/// Saves `blob` as `name` through a temporary link.
fn save(blob: &web_sys::Blob, name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else { return };
    if let Ok(link) = document.create_element("a") {
        let link: web_sys::HtmlAnchorElement = link.unchecked_into();
        link.set_href(&url);
        link.set_download(name);
        link.set_rel("noopener");
        link.click();
    }
    // Give the browser time to start the download before the URL is released.
    let release = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 60_000);
    }
}

/// Saves text with a MIME type (`text/csv;charset=utf-8`, `image/svg+xml`).
pub fn save_text(text: &str, mime: &str, name: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        save(&blob, name);
    }
}

/// Saves what a canvas shows as a PNG.
pub fn save_canvas_png(canvas: &web_sys::HtmlCanvasElement, name: &str) {
    let name = name.to_string();
    let done = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
        if let Some(blob) = blob.dyn_ref::<web_sys::Blob>() {
            save(blob, &name);
        }
    });
    let _ = canvas.to_blob_with_type(done.unchecked_ref(), "image/png");
}
