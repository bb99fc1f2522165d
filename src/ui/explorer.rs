//! The explorer view: search box, result count, chart and the list of claim cards.

use std::sync::Arc;

use leptos::prelude::*;

use super::card::ClaimCard;
use super::chart::PerYearChart;
use crate::model::Dataset;
use crate::query::SearchIndex;

#[component]
pub fn Explorer(dataset: Arc<Dataset>, drawn: RwSignal<bool>) -> impl IntoView {
    let index = Arc::new(SearchIndex::build(&dataset));
    let total = dataset.claims.len();
    let query = RwSignal::new(String::new());
    let matching = {
        let dataset = dataset.clone();
        Memo::new(move |_| {
            let mut ids = index.matching(&query.read());
            ids.sort_by(|a, b| dataset.claims[*b].date.cmp(&dataset.claims[*a].date));
            ids
        })
    };
    let count_text = move || {
        let n = matching.read().len();
        if n == total {
            format!("{n} claims")
        } else {
            format!("{n} of {total} claims match")
        }
    };
    let card_dataset = dataset.clone();

    view! {
        <main class="explorer">
            <section class="controls" aria-label="Search">
                <label for="search">"Search claims"</label>
                <input
                    id="search"
                    type="search"
                    data-testid="search"
                    placeholder="e.g. Salt Typhoon, CNCERT, 国家"
                    autocomplete="off"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
                <p class="result-count" data-testid="result-count" aria-live="polite">{count_text}</p>
            </section>
            <PerYearChart dataset=dataset.clone() matching drawn/>
            <section class="cards" aria-label="Claims">
                <h2 class="visually-hidden">"Claims"</h2>
                <For
                    each=move || matching.get()
                    key=|i| *i
                    children=move |i| view! { <ClaimCard dataset=card_dataset.clone() index=i/> }
                />
            </section>
            <footer class="credit">
                <p>
                    {dataset.title.clone()} " · updated " {dataset.updated.display()} " · licence " {dataset.license.clone()}
                </p>
            </footer>
        </main>
    }
}
