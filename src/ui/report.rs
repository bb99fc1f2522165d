//! The dataset's credit line and its load report (`data-report`): what was loaded, what was
//! excluded, and every problem with its place.

use std::sync::Arc;

use leptos::prelude::*;

use crate::ingest::{Report, Severity};
use crate::model::Dataset;

#[component]
pub fn DataReport(dataset: Arc<Dataset>, report: Arc<Report>) -> impl IntoView {
    let problems = report
        .problems
        .iter()
        .map(|p| {
            view! {
                <li class=format!("problem {}", p.severity.as_str())>
                    <span class="severity">{p.severity.as_str()}</span>" "
                    <code class="location">{p.location.clone()}</code>": "
                    <span class="message">{p.message.clone()}</span>
                </li>
            }
        })
        .collect_view();
    let has_problems = !report.problems.is_empty();
    let open = report.count(Severity::Error) > 0;
    view! {
        <section class="dataset" aria-label="Dataset">
            <p class="dataset-title">
                <strong data-testid="dataset-title">{dataset.title.clone()}</strong>
                " · updated " <span data-testid="dataset-updated">{dataset.updated.display()}</span>
                " · licence " <span data-testid="dataset-license">{dataset.license.clone()}</span>
            </p>
            <details class="data-report" data-testid="data-report" open=open>
                <summary data-testid="report-summary">{report.summary()}</summary>
                {has_problems.then(|| view! { <ol class="problems">{problems}</ol> })}
            </details>
        </section>
    }
}
