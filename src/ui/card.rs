//! One claim as a card: date at its precision, stance badge (icon and text), claimant →
//! accused with countries, headline, summary and quote with search matches marked, sources,
//! and the thread it belongs to. Dataset text is always inserted as text, never as HTML. A card
//! is bounded whatever the claim: at most `PARTIES_SHOWN` accused and `SOURCES_SHOWN` sources,
//! then "and N more".

use std::sync::Arc;

use leptos::html::Span;
use leptos::prelude::*;

use super::history::{Entry, Nav};
use super::lang::use_lang;
use super::loaded::Loaded;
use super::timing::timed;
use crate::i18n::Lang;
use crate::model::Dataset;
use crate::query::text::highlight;
use crate::query::{thread_len, Index};

/// The most accused parties a card (or a thread entry) names; the rest are counted.
pub const PARTIES_SHOWN: usize = 10;
/// The most sources a card lists; the rest are counted.
pub const SOURCES_SHOWN: usize = 10;

/// Text with the runs that match the search words wrapped in `<mark>`, as text nodes. A new card
/// is rendered with its marks; later, the marks are written straight to the DOM, and only when
/// they move: on a keystroke the cards already shown change their marks without being rendered
/// again.
pub fn marked(text: String, words: Memo<Vec<String>>) -> impl IntoView {
    let span = NodeRef::<Span>::new();
    // The byte ranges of the matches in `runs`.
    fn hits_of(runs: &[(&str, bool)]) -> Vec<(usize, usize)> {
        let mut at = 0;
        let mut hits = Vec::new();
        for (run, hit) in runs {
            if *hit {
                hits.push((at, at + run.len()));
            }
            at += run.len();
        }
        hits
    }
    let (rendered, first) = words.with_untracked(|words| {
        let runs = highlight(&text, words);
        let view = runs
            .iter()
            .map(|(run, hit)| {
                let run = run.to_string();
                if *hit {
                    view! { <mark>{run}</mark> }.into_any()
                } else {
                    run.into_any()
                }
            })
            .collect_view();
        (view, hits_of(&runs))
    });
    Effect::new(move |before: Option<Vec<(usize, usize)>>| {
        let before = before.unwrap_or_else(|| first.clone());
        let Some(el) = span.get() else { return before };
        let words = words.read();
        timed("cards: search marks", || {
            let runs = highlight(&text, &words);
            let hits = hits_of(&runs);
            if hits != before {
                write_runs(&el, &runs);
            }
            hits
        })
    });
    view! { <span node_ref=span>{rendered}</span> }
}

/// Replaces `el`'s children with the runs: text nodes, and `<mark>` around the matches.
fn write_runs(el: &web_sys::HtmlElement, runs: &[(&str, bool)]) {
    let Some(document) = el.owner_document() else { return };
    el.set_text_content(None);
    for (run, hit) in runs {
        let node: web_sys::Node = if *hit {
            let Ok(mark) = document.create_element("mark") else { return };
            mark.set_text_content(Some(run));
            mark.into()
        } else {
            document.create_text_node(run).into()
        };
        let _ = el.append_child(&node);
    }
}

/// "Name (US)", the name in `lang` where the actor has one.
pub fn party(dataset: &Dataset, index: &Index, id: &str, lang: Lang) -> String {
    match index.actor(dataset, id) {
        Some(a) if a.country.len() == 2 && a.country != "XX" => format!("{} ({})", a.name_in(lang).0, a.country),
        Some(a) => a.name_in(lang).0.to_string(),
        None => id.to_string(),
    }
}

/// The accused of a claim, "A (CN), B (CN) and 9998 more": at most `PARTIES_SHOWN` named.
pub fn accused_parties(dataset: &Dataset, index: &Index, accused: &[String], lang: Lang) -> String {
    let mut text = accused
        .iter()
        .take(PARTIES_SHOWN)
        .map(|a| party(dataset, index, a, lang))
        .collect::<Vec<_>>()
        .join(&lang.text("list.comma"));
    if accused.len() > PARTIES_SHOWN {
        text.push_str(&lang.fill("ui.card.more_parties", &[("n", &(accused.len() - PARTIES_SHOWN).to_string())]));
    }
    text
}

#[component]
pub fn ClaimCard(loaded: Loaded, claim: u32, words: Memo<Vec<String>>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = use_lang();
    let dataset: &Arc<Dataset> = &loaded.dataset;
    let c = &dataset.claims[claim as usize];
    let stance = c.stance;
    let accused = accused_parties(dataset, &loaded.index, &c.accused, lang);
    let (headline, headline_lang) = c.headline_in(lang);
    let (summary, summary_lang) = c.summary_in(lang);
    let quote = c.quote.clone().map(|q| {
        let translated = q.is_translation();
        let original = q.original.clone().map(|o| {
            let lang = q.said_in.clone().unwrap_or_default();
            view! { <p class="quote-original" lang=lang>"“" {o} "”"</p> }
        });
        let speaker = (!q.speaker.is_empty()).then(|| format!("— {}", q.speaker));
        view! {
            <blockquote class="quote">
                // The quote is in English (CONTRACTS.md, Data model), on a page of either language.
                <p lang="en">"“" {marked(q.text, words)} "”"</p>
                {original}
                {(speaker.is_some() || translated).then(|| view! {
                    <footer>
                        {speaker}
                        {translated.then(|| view! { <span class="translated" data-testid="quote-translated">{lang.text("ui.card.translated")}</span> })}
                    </footer>
                })}
            </blockquote>
        }
    });
    let more_sources = c.sources.len().saturating_sub(SOURCES_SHOWN);
    let more_sources = (more_sources > 0).then(
        || view! { <li class="muted">{lang.fill("ui.card.more_sources", &[("n", &more_sources.to_string())])}</li> },
    );
    let sources = c
        .sources
        .iter()
        .take(SOURCES_SHOWN)
        .map(|s| {
            let label = if s.title.is_empty() { s.publisher.clone() } else { format!("{}: {}", s.publisher, s.title) };
            let date = s.date.map(|d| lang.fill("ui.card.source_date", &[("date", &d.display(lang))]));
            if s.is_web_link() {
                view! { <li><a href=s.url.clone() rel="noopener noreferrer" target="_blank">{label}</a>{date}</li> }
                    .into_any()
            } else {
                view! { <li>{label}{date}<span class="muted">{format!(" — {}", s.url)}</span></li> }.into_any()
            }
        })
        .collect_view();
    let thread = c.incident.as_ref().map(|x| {
        let (title, title_lang) = loaded
            .index
            .incident(dataset, x)
            .map_or((x.clone(), Lang::En), |i| (i.title_in(lang).0.to_string(), i.title_in(lang).1));
        let n = thread_len(dataset, &loaded.index, claim);
        let id = c.id.clone();
        let open = move |_| {
            let id = id.clone();
            nav.update(Entry::Push, |v| v.claim = Some(id));
        };
        view! {
            <button type="button" class="link-button thread-link" data-testid="open-thread" on:click=open>
                {lang.text("ui.card.part_of_before")}
                <span lang=title_lang.tag()>{lang.fill("ui.card.part_of_title", &[("title", &title)])}</span>
                {lang.count("ui.card.part_of_after", n, &[])}
            </button>
        }
    });
    let partial = (c.confidence == crate::model::Confidence::Partial)
        .then(|| view! { <span class="partial" title=lang.text("ui.card.partial_title")>{lang.text("ui.card.partial")}</span> });

    view! {
        <article class="card" data-testid="claim-card" data-claim-id=c.id.clone() data-stance=stance.as_str()>
            <div class="card-meta">
                <time datetime=c.date.to_string()>{c.date.display(lang)}</time>
                <span class=format!("badge stance-{}", stance.as_str())>
                    <span class="badge-icon" aria-hidden="true">{stance.icon()}</span>
                    {stance.label(lang)}
                </span>
            </div>
            <p class="parties">
                <span class="claimant">{party(dataset, &loaded.index, &c.claimant, lang)}</span>
                {(!accused.is_empty()).then(|| view! { <span aria-label=lang.text("ui.card.about")>" → "</span><span class="accused">{accused}</span> })}
            </p>
            <h3 class="headline" lang=headline_lang.tag()>{marked(headline.to_string(), words)}</h3>
            <p class="summary" lang=summary_lang.tag()>{marked(summary.to_string(), words)}</p>
            {quote}
            {thread}
            <details class="sources">
                <summary>{lang.fill("ui.card.sources", &[("n", &c.sources.len().to_string())])}</summary>
                <ul>{sources}{more_sources}</ul>
            </details>
            {partial}
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_names_at_most_ten_accused_and_counts_the_rest() {
        let actors: Vec<String> = (0..25)
            .map(|k| format!("{{\"id\":\"a{k}\",\"name\":\"Actor {k}\",\"country\":\"CN\",\"kind\":\"agency\"}}"))
            .collect();
        let accused: Vec<String> = (0..25).map(|k| format!("\"a{k}\"")).collect();
        let json = format!(
            "{{\"schema\":\"claims-explorer/1\",\"title\":\"T\",\"updated\":\"2025\",\"license\":\"CC0\",\
             \"actors\":[{}],\"claims\":[{{\"id\":\"c\",\"date\":\"2020\",\"claimant\":\"a0\",\"accused\":[{}],\
             \"stance\":\"accusation\",\"headline\":\"H\",\"sources\":[{{\"publisher\":\"P\",\"url\":\"https://x.org\"}}]}}]}}",
            actors.join(","),
            accused.join(",")
        );
        let d = crate::ingest::read_json(json.as_bytes()).unwrap().dataset;
        let index = Index::build(&d);
        let text = accused_parties(&d, &index, &d.claims[0].accused, Lang::En);
        assert_eq!(text.matches(" (CN)").count(), PARTIES_SHOWN);
        assert!(text.starts_with("Actor 0 (CN), Actor 1 (CN)"), "{text}");
        assert!(text.ends_with("Actor 9 (CN) and 15 more"), "{text}");
        let few = accused_parties(&d, &index, &d.claims[0].accused[..2], Lang::En);
        assert_eq!(few, "Actor 0 (CN), Actor 1 (CN)");
        assert_eq!(party(&d, &index, "unknown-id", Lang::En), "unknown-id");
    }
}
