//! One claim as a card: date, stance badge, claimant → accused, headline, summary, quote, sources.
//! Dataset text is always inserted as text, never as HTML.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::Dataset;

#[component]
pub fn ClaimCard(dataset: Arc<Dataset>, index: usize) -> impl IntoView {
    let claim = &dataset.claims[index];
    let stance = claim.stance;
    let accused = claim
        .accused
        .iter()
        .map(|a| dataset.actor_name(a))
        .collect::<Vec<_>>()
        .join(", ");
    let quote = claim.quote.clone().map(|q| {
        view! {
            <blockquote class="quote">
                <p>"“" {q.text} "”"</p>
                {(!q.speaker.is_empty()).then(|| view! { <footer>"— " {q.speaker}</footer> })}
            </blockquote>
        }
    });
    let sources = claim
        .sources
        .iter()
        .map(|s| {
            let label = if s.title.is_empty() { s.publisher.clone() } else { format!("{}: {}", s.publisher, s.title) };
            let date = s.date.map(|d| format!(" ({})", d.display()));
            if s.is_web_link() {
                view! {
                    <li><a href=s.url.clone() rel="noopener noreferrer" target="_blank">{label}</a>{date}</li>
                }
                .into_any()
            } else {
                view! { <li>{label}{date}</li> }.into_any()
            }
        })
        .collect_view();

    view! {
        <article class="card" data-testid="claim-card" data-claim-id=claim.id.clone() data-stance=stance.as_str()>
            <div class="card-meta">
                <time datetime=claim.date.to_string()>{claim.date.display()}</time>
                <span class=format!("badge stance-{}", stance.as_str())>
                    <span class="badge-icon" aria-hidden="true">{stance.icon()}</span>
                    {stance.label()}
                </span>
            </div>
            <p class="parties">
                <span class="claimant">{dataset.actor_name(&claim.claimant).to_string()}</span>
                {(!accused.is_empty()).then(|| view! { <span aria-label="about">" → "</span><span class="accused">{accused}</span> })}
            </p>
            <h3 class="headline">{claim.headline.clone()}</h3>
            <p class="summary">{claim.summary.clone()}</p>
            {quote}
            <details class="sources">
                <summary>{format!("Sources ({})", claim.sources.len())}</summary>
                <ul>{sources}</ul>
            </details>
        </article>
    }
}
