//! The catalogues read at run time, in a rust-i18n backend of their own (rust-i18n's "extend
//! backend" way of loading translations at run time). Chinese is one: only a Chinese
//! reader's page needs it, so the page fetches it (`locales/zh.json`, which the page's head
//! asks for early) before it is built, instead of carrying it in the wasm. Natively (the
//! baked pages, the tests, the tools) it is compiled in.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use rust_i18n::SimpleBackend;

use super::Lang;

/// The Chinese catalogue, once read.
static READ: OnceLock<SimpleBackend> = OnceLock::new();

/// The catalogues read so far (natively, the Chinese one, compiled in).
pub(super) fn read() -> Option<&'static SimpleBackend> {
    #[cfg(not(target_arch = "wasm32"))]
    if READ.get().is_none() {
        add_catalogue(Lang::Zh, include_bytes!("../../public/locales/zh.json")).expect("locales/zh.json is JSON");
    }
    READ.get()
}

/// Reads `lang`'s catalogue from its JSON (nested objects of messages, as `locales/en.json`).
/// The first catalogue read stays.
pub fn add_catalogue(lang: Lang, json: &[u8]) -> Result<(), serde_json::Error> {
    let value: serde_json::Value = serde_json::from_slice(json)?;
    let mut messages = HashMap::new();
    flatten(String::new(), &value, &mut messages);
    let mut backend = SimpleBackend::new();
    backend.add_translations(Cow::Borrowed(lang.code()), messages);
    let _ = READ.set(backend);
    Ok(())
}

/// Each message of `value` under its dotted key (`ui.view.claims`).
fn flatten(key: String, value: &serde_json::Value, out: &mut HashMap<Cow<'static, str>, Cow<'static, str>>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                flatten(if key.is_empty() { k.clone() } else { format!("{key}.{k}") }, v, out);
            }
        }
        serde_json::Value::String(text) => {
            out.insert(Cow::Owned(key), Cow::Owned(text.clone()));
        }
        _ => {}
    }
}
