//! The open thread (`?claim=<id>`): the incident's claims in date order, each with its stance,
//! and how many days an accusation waited for its first answer. Scrolled into view on opening.
//! At most `THREAD_SHOWN` claims around the open one are listed; the others are counted.

use leptos::html::Section;
use leptos::prelude::*;

use super::card::{accused_parties, party};
use super::history::{Entry, Nav};
use super::lang::use_lang;
use super::loaded::Loaded;
use crate::query::thread_window;

/// The most claims of a thread listed at once.
pub const THREAD_SHOWN: usize = 50;

#[component]
pub fn Thread(loaded: Loaded) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = use_lang();
    let panel = NodeRef::<Section>::new();
    let dataset = loaded.dataset.clone();
    let open = Memo::new(move |_| {
        let id = nav.view.read().claim.clone()?;
        Some(dataset.claim_position(&id).map(|i| i as u32).ok_or(id))
    });
    Effect::new(move |_| {
        if open.get().is_some_and(|o| o.is_ok()) {
            request_animation_frame(move || {
                // Unless the thread was closed before the frame came.
                if let Some(el) = panel.try_get_untracked().flatten() {
                    el.scroll_into_view();
                }
            });
        }
    });
    let close = move |_| nav.update(Entry::Push, |v| v.claim = None);

    move || {
        let loaded = loaded.clone();
        match open.get()? {
            Err(id) => Some(
                view! {
                    <p class="notices" role="status">{lang.fill("ui.thread.no_claim", &[("id", &id)])}</p>
                }
                .into_any(),
            ),
            Ok(claim) => {
                let d = &loaded.dataset;
                let c = &d.claims[claim as usize];
                let (title, title_lang) = c
                    .incident
                    .as_ref()
                    .and_then(|x| loaded.index.incident(d, x))
                    .map_or_else(|| c.headline_in(lang), |i| i.title_in(lang));
                let title = title.to_string();
                let window = thread_window(d, &loaded.index, claim, THREAD_SHOWN);
                let (before, after) = (window.before, window.after);
                let n = before + window.entries.len() + after;
                let not_shown = |k: usize, which: &str| {
                    (k > 0).then(|| {
                        let text = lang.count(&format!("ui.thread.not_shown_{which}"), k, &[]);
                        view! { <p class="muted" data-testid="thread-not-shown">{text}</p> }
                    })
                };
                let (earlier, later) = (not_shown(before, "earlier"), not_shown(after, "later"));
                // The list numbers its claims in the whole thread.
                let start = (before + 1).to_string();
                let items = window
                    .entries
                    .into_iter()
                    .map(|e| {
                        let t = &d.claims[e.claim as usize];
                        let accused = accused_parties(d, &loaded.index, &t.accused, lang);
                        let (headline, headline_lang) = t.headline_in(lang);
                        let lag = e.answered_after_days.map(|days| {
                            let text = match days {
                                0 => lang.text("ui.thread.same_day").into_owned(),
                                n => lang.count("ui.thread.answered_after", n as usize, &[]),
                            };
                            view! { <p class="lag" data-testid="answer-lag">"↳ " {text}</p> }
                        });
                        view! {
                            <li class="thread-entry" class:current=e.claim == claim data-testid="thread-claim"
                                data-claim-id=t.id.clone()>
                                <div class="card-meta">
                                    <time datetime=t.date.to_string()>{t.date.display(lang)}</time>
                                    <span class=format!("badge stance-{}", t.stance.as_str())>
                                        <span class="badge-icon" aria-hidden="true">{t.stance.icon()}</span>
                                        {t.stance.label(lang)}
                                    </span>
                                </div>
                                <p class="parties">{party(d, &loaded.index, &t.claimant, lang)} {(!accused.is_empty()).then(|| format!(" → {accused}"))}</p>
                                <p class="headline" lang=headline_lang.tag()>{headline.to_string()}</p>
                                {lag}
                            </li>
                        }
                    })
                    .collect_view();
                Some(
                    view! {
                        <section class="thread" data-testid="thread" node_ref=panel tabindex="-1" aria-labelledby="thread-title">
                            <div class="thread-head">
                                <h2 id="thread-title" lang=title_lang.tag()>{title}</h2>
                                <button type="button" class="button" data-testid="close-thread" on:click=close>{lang.text("ui.thread.close")}</button>
                            </div>
                            <p class="muted">{lang.count("ui.thread.in_date_order", n, &[])}</p>
                            {earlier}
                            <ol class="thread-entries" start=start>{items}</ol>
                            {later}
                        </section>
                    }
                    .into_any(),
                )
            }
        }
    }
}
