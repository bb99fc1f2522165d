//! "Download these claims": the current filter's claims as JSON (the dataset's own schema),
//! CSV (the import's columns) or STIX 2.1, written by the core's `export`.

use std::sync::Arc;

use leptos::prelude::*;
use strum::VariantArray;

use super::download::save_text;
use super::loaded::Loaded;
use crate::export::{selection, Format};
use crate::ingest::slug;

#[component]
pub fn ExportClaims(loaded: Loaded, ids: Memo<Arc<Vec<u32>>>) -> impl IntoView {
    let lang = super::lang::use_lang();
    let buttons = Format::VARIANTS
        .iter()
        .map(|&format| {
            let dataset = loaded.dataset.clone();
            let save = move |_| {
                let chosen = selection(&dataset, &ids.get_untracked());
                let stem = match slug(&dataset.title) {
                    s if s.is_empty() => "claims".to_string(),
                    s => s,
                };
                save_text(&format.write(&chosen), format.media_type(), &format.file_name(&stem));
            };
            let name: &'static str = format.into();
            view! {
                <button type="button" class="button" data-testid=format!("export-{name}") on:click=save>
                    {format.label()}
                </button>
            }
        })
        .collect_view();
    view! {
        <details class="export" data-testid="export">
            <summary>{move || lang.count("ui.export.download", ids.read().len(), &[])}</summary>
            <div class="export-buttons">{buttons}</div>
        </details>
    }
}
