//! The dataset's credit line and its load report (`data-report`): what was loaded, what was
//! excluded, the problems the report kept (the first `ingest::PROBLEMS_KEPT`) with their
//! places, and one line per kind of the rest ("and 199000 more: …"), so that a file of any
//! number of bad records gives a page of bounded size.

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
    let more = report
        .more
        .iter()
        .map(|m| {
            let severity = m.severity.as_str();
            let what = if m.is_other_kinds() {
                view! { <span class="message">{format!("{severity}s of other kinds")}</span> }.into_any()
            } else {
                view! {
                    <span class="severity">{severity}</span>" "
                    <code class="location">{m.location.clone()}</code>": "
                    <span class="message">{m.message.clone()}</span>
                }
                .into_any()
            };
            view! {
                <li class=format!("problem more {severity}") data-testid="report-more">
                    {format!("and {} more: ", m.count)}{what}
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
                {has_problems.then(|| view! { <ol class="problems">{problems}{more}</ol> })}
            </details>
        </section>
    }
}
