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
    let lang = super::lang::use_lang();
    let severity_name = move |s: Severity| lang.text(&format!("ui.report.{}", s.as_str()));
    let problems = report
        .problems
        .iter()
        .map(|p| {
            view! {
                <li class=format!("problem {}", p.severity.as_str())>
                    <span class="severity">{severity_name(p.severity)}</span>" "
                    <code class="location">{p.location_in(lang)}</code>": "
                    <span class="message">{p.message_in(lang)}</span>
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
                let text = lang.text(&format!("ui.report.other_kinds_{severity}"));
                view! { <span class="message">{text}</span> }.into_any()
            } else {
                view! {
                    <span class="severity">{severity_name(m.severity)}</span>" "
                    <code class="location">{m.location_in(lang)}</code>": "
                    <span class="message">{m.message_in(lang)}</span>
                }
                .into_any()
            };
            view! {
                <li class=format!("problem more {severity}") data-testid="report-more">
                    {lang.fill("ui.report.more", &[("n", &lang.number(m.count))])}{what}
                </li>
            }
        })
        .collect_view();
    let has_problems = !report.problems.is_empty();
    let open = report.count(Severity::Error) > 0;
    view! {
        <section class="dataset" aria-label=lang.text("ui.report.dataset")>
            <p class="dataset-title">
                <strong data-testid="dataset-title">{dataset.title.clone()}</strong>
                {lang.text("ui.credit.updated")} <span data-testid="dataset-updated">{dataset.updated.display(lang)}</span>
                {lang.text("ui.credit.licence")} <span data-testid="dataset-license">{dataset.license.clone()}</span>
            </p>
            <details class="data-report" data-testid="data-report" open=open>
                <summary data-testid="report-summary">{report.summary_in(lang)}</summary>
                {has_problems.then(|| view! { <ol class="problems">{problems}{more}</ol> })}
            </details>
        </section>
    }
}
