//! The root component: loads the dataset (bundled, `?data=`, or a file the reader opens or
//! drops), owns the page state (`data-state`) and shows the load report.

use std::sync::Arc;

use leptos::prelude::*;

use super::explorer::Explorer;
use super::load::{dataset_url, fetch_dataset, read_file};
use super::open_file::OpenFile;
use super::report::DataReport;
use crate::ingest::{Ingested, Report};
use crate::model::Dataset;

/// Where loading stands.
#[derive(Clone)]
enum Loading {
    Pending,
    Failed(String),
    Loaded(Arc<Dataset>, Arc<Report>),
}

impl From<Result<Ingested, String>> for Loading {
    fn from(result: Result<Ingested, String>) -> Self {
        match result {
            Ok(i) => Loading::Loaded(Arc::new(i.dataset), Arc::new(i.report)),
            Err(message) => Loading::Failed(message),
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    let loading = RwSignal::new(Loading::Pending);
    // Set by the explorer once its first cards and chart are drawn.
    let drawn = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        loading.set(fetch_dataset(&dataset_url()).await.into());
    });
    let open = Callback::new(move |file: web_sys::File| {
        drawn.set(false);
        loading.set(Loading::Pending);
        leptos::task::spawn_local(async move { loading.set(read_file(file).await.into()) });
    });

    let data_state = move || match &*loading.read() {
        Loading::Pending => "loading",
        Loading::Failed(_) => "error",
        Loading::Loaded(..) if drawn.get() => "ready",
        Loading::Loaded(..) => "loading",
    };

    view! {
        <div id="app" data-state=data_state>
            <header class="masthead">
                <h1>"Cyber Claims Explorer"</h1>
                <p class="tagline">"Who accused whom of what in US–China cyber conflict, and how the other side answered."</p>
                <OpenFile open/>
            </header>
            {move || match loading.get() {
                Loading::Pending => view! { <p class="status" role="status">"Loading claims…"</p> }.into_any(),
                Loading::Failed(message) => view! {
                    <div class="load-error" role="alert">
                        <h2>"The claims could not be loaded"</h2>
                        <p data-testid="load-error">{message}</p>
                    </div>
                }.into_any(),
                Loading::Loaded(dataset, report) => view! {
                    <DataReport dataset=dataset.clone() report/>
                    <Explorer dataset drawn/>
                }.into_any(),
            }}
        </div>
    }
}
