//! The root component: loads the dataset and owns the page state (`data-state`).

use std::sync::Arc;

use leptos::prelude::*;

use super::explorer::Explorer;
use super::load::{dataset_url, load_dataset};
use crate::model::Dataset;

/// Where loading stands.
#[derive(Clone)]
enum Loading {
    Pending,
    Failed(String),
    Loaded(Arc<Dataset>),
}

#[component]
pub fn App() -> impl IntoView {
    let loading = RwSignal::new(Loading::Pending);
    // Set by the explorer once its first cards and chart are drawn.
    let drawn = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        let url = dataset_url();
        loading.set(match load_dataset(&url).await {
            Ok(dataset) => Loading::Loaded(Arc::new(dataset)),
            Err(message) => Loading::Failed(message),
        });
    });

    let data_state = move || match &*loading.read() {
        Loading::Pending => "loading",
        Loading::Failed(_) => "error",
        Loading::Loaded(_) if drawn.get() => "ready",
        Loading::Loaded(_) => "loading",
    };

    view! {
        <div id="app" data-state=data_state>
            <header class="masthead">
                <h1>"Cyber Claims Explorer"</h1>
                <p class="tagline">"Who accused whom of what in US–China cyber conflict, and how the other side answered."</p>
            </header>
            {move || match loading.get() {
                Loading::Pending => view! { <p class="status" role="status">"Loading claims…"</p> }.into_any(),
                Loading::Failed(message) => view! {
                    <div class="load-error" role="alert">
                        <h2>"The claims could not be loaded"</h2>
                        <p data-testid="load-error">{message}</p>
                    </div>
                }.into_any(),
                Loading::Loaded(dataset) => view! { <Explorer dataset drawn/> }.into_any(),
            }}
        </div>
    }
}
