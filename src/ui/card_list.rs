//! The card list, virtualised: the results are cut into pages of `PAGE` cards and only the
//! page at the viewport and its neighbours are in the DOM (at most `3 × PAGE` cards); spacers
//! stand in for the rest, sized by the pages' measured heights. While the page is printed,
//! every card is (up to `PRINT_MAX`), so that the paper holds the current claims.
//!
//! While the list is out of the viewport (the charts view puts it below the six charts), new
//! results reach it when the page is idle, as the charts out of view do: a keystroke's frame
//! carries only what the reader sees.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::html::{Div, Section};
use leptos::prelude::*;

use super::card::ClaimCard;
use super::history::Nav;
use super::listen::{intersection_observer, when_idle, window_event, IN_BROWSER};
use super::loaded::Loaded;
use super::turns::{in_turn, Turns};
use crate::query::text::marked_words;

/// Cards per page.
pub const PAGE: usize = 12;
/// The most cards a printout holds; beyond them it says how many it leaves out.
pub const PRINT_MAX: usize = 1000;
/// A page made in turns shows `FIRST` cards at once, then `STEP` more per turn (`turns`), so
/// that no task builds a whole page: the page's start, and each page made below the one the
/// reader sees, stay short tasks on a slow phone.
const FIRST: usize = 0;
const STEP: usize = 2;
/// Height of a page not yet measured, in CSS pixels.
const GUESS: f64 = 12.0 * 120.0;

#[component]
pub fn CardList(loaded: Loaded, results: Memo<Arc<Vec<u32>>>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = super::lang::use_lang();
    let container = NodeRef::<Section>::new();
    // The results the cards show, and the search they mark: the explorer's at once while the
    // list is in the viewport, else when the page is idle (`follow`).
    let typed = Memo::new(move |_| nav.view.read().filter.q.clone());
    let ids = RwSignal::new(results.get_untracked());
    let search = RwSignal::new(typed.get_untracked());
    let words = Memo::new(move |_| marked_words(&search.read()));
    let in_view = StoredValue::new(true);
    let follow = move || {
        let (Some(latest), Some(q)) = (results.try_get_untracked(), typed.try_get_untracked()) else {
            return;
        };
        if !ids.with_untracked(|shown| Arc::ptr_eq(shown, &latest)) {
            ids.set(latest);
        }
        if search.with_untracked(|s| *s != q) {
            search.set(q);
        }
    };
    let pending = StoredValue::new(false);
    Effect::new(move |_| {
        results.track();
        typed.track();
        if in_view.get_value() {
            follow();
        } else if !pending.get_value() {
            pending.set_value(true);
            when_idle(move || {
                if pending.try_set_value(false).is_none() {
                    follow();
                }
            });
        }
    });
    Effect::new(move |_| {
        let Some(list) = container.get() else { return };
        intersection_observer(&[list.into()], move |_, seen| {
            in_view.set_value(seen);
            if seen {
                follow();
            }
        });
    });
    let page = RwSignal::new(0usize);
    // Whether the list's first page is still to be made: it is made with the page's start.
    let starting = StoredValue::new(true);
    let heights = RwSignal::new(Vec::<f64>::new());
    // The pages in the DOM, by number, to measure them.
    let page_nodes = StoredValue::new(BTreeMap::<usize, NodeRef<Div>>::new());
    let pages = move || ids.read().len().div_ceil(PAGE);

    // Whether the pages beside the one at the viewport are rendered too. New results render
    // only the page the reader sees, and its neighbours once that is painted, so a keystroke's
    // frame carries half the cards.
    // They are, once the results they were painted for are the results shown.
    let painted = RwSignal::new(None::<Arc<Vec<u32>>>);
    let settled = move || painted.with(|p| p.as_ref().is_some_and(|p| Arc::ptr_eq(p, &ids.read())));
    // New results: start at the first page, forget the old heights.
    Effect::new(move |_| {
        let latest = ids.get();
        page.set(0);
        heights.set(vec![0.0; latest.len().div_ceil(PAGE)]);
        when_idle(move || {
            painted.try_set(Some(latest));
        });
    });

    // A page's height: measured, or else the mean of the measured ones (`guess`).
    let guess_of = |h: &[f64]| -> f64 {
        let (sum, n) = h.iter().filter(|x| **x > 0.0).fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
        if n == 0 {
            GUESS
        } else {
            sum / n as f64
        }
    };
    let height_of =
        |h: &[f64], guess: f64, p: usize| -> f64 { h.get(p).copied().filter(|x| *x > 0.0).unwrap_or(guess) };
    // Printing: the browser asks for the whole list before it lays the paper out.
    let printing = RwSignal::new(false);
    window_event(leptos::ev::Custom::<web_sys::Event>::new("beforeprint"), move |_| {
        follow();
        printing.set(true);
    });
    window_event(leptos::ev::Custom::<web_sys::Event>::new("afterprint"), move |_| printing.set(false));
    let window = move || {
        // Baked: the first page; the others follow in `<noscript>` (`baked_rest`).
        if !IN_BROWSER {
            return (0, 0);
        }
        if printing.get() {
            return (0, pages().min(PRINT_MAX / PAGE).saturating_sub(1));
        }
        let p = page.get().min(pages().saturating_sub(1));
        if settled() {
            (p.saturating_sub(1), (p + 1).min(pages().saturating_sub(1)))
        } else {
            (p, p)
        }
    };

    // Which page is at the middle of the viewport.
    let locate = move || {
        let (Some(el), Some(w)) = (container.get_untracked(), web_sys::window()) else { return };
        let view_h = w.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(800.0);
        let y = view_h / 2.0 - el.get_bounding_client_rect().top();
        let h = heights.get_untracked();
        let guess = guess_of(&h);
        let n = pages();
        let mut top = 0.0;
        let mut at = 0;
        for p in 0..n {
            let ph = height_of(&h, guess, p);
            if y < top + ph {
                at = p;
                break;
            }
            top += ph;
            at = p;
        }
        if at != page.get_untracked() {
            page.set(at);
        }
    };
    let scheduled = StoredValue::new(false);
    let on_scroll = move || {
        if scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        request_animation_frame(move || {
            // Unless the list has gone since the frame was asked for.
            if scheduled.try_set_value(false).is_none() {
                locate();
            }
        });
    };
    window_event(leptos::ev::scroll, move |_| on_scroll());
    window_event(leptos::ev::resize, move |_| on_scroll());

    // Measure the rendered pages after each render, and once a page shows all its cards.
    let remeasure = Trigger::new();
    Effect::new(move |_| {
        let (a, b) = window();
        ids.track();
        remeasure.track();
        request_animation_frame(move || {
            // The list may have gone (another dataset) since the frame was asked for.
            let Some(mut h) = heights.try_get_untracked() else { return };
            let mut changed = false;
            page_nodes.with_value(|nodes| {
                for (&p, node) in nodes.range(a..=b) {
                    let Some(node) = node.get_untracked() else { continue };
                    let measured = f64::from(node.offset_height());
                    if p < h.len() && (h[p] - measured).abs() > 1.0 {
                        h[p] = measured;
                        changed = true;
                    }
                }
            });
            if changed {
                heights.set(h);
            }
        });
    });

    let spacer = move |from: usize, to: usize| {
        let h = heights.read();
        let guess = guess_of(&h);
        let height = if IN_BROWSER { (from..to).map(|p| height_of(&h, guess, p)).sum::<f64>() } else { 0.0 };
        // None when empty or baked: an empty spacer needs no height, and the baked page then carries no
        // `style` attribute, which its Content-Security-Policy would refuse.
        (height > 0.0).then(|| format!("{height}px"))
    };
    let rendered = move || {
        let (a, b) = window();
        if pages() == 0 {
            return Vec::new();
        }
        (a..=b).collect::<Vec<usize>>()
    };

    // Baked, the cards after the first page are in `<noscript>`: a reader without scripts gets
    // every card, while a browser that runs the page reads them as one run of text, not as
    // thousands of elements to build and lay out before the page takes over.
    let baked_rest = (!IN_BROWSER).then(|| {
        let rest: Vec<u32> = ids.read_untracked().iter().skip(PAGE).copied().collect();
        let loaded = loaded.clone();
        (!rest.is_empty()).then(|| view! {
            <noscript>
                <div class="page" data-page="rest">
                    {rest.into_iter().map(|i| view! { <ClaimCard loaded=loaded.clone() claim=i words/> }).collect_view()}
                </div>
            </noscript>
        })
    });
    view! {
        <section class="cards" aria-label=lang.text("ui.view.claims") node_ref=container data-testid="cards"
            data-claims=move || ids.read().len().to_string()>
            <h2 class="visually-hidden">{lang.text("ui.view.claims")}</h2>
            <div class="spacer" aria-hidden="true" style:height=move || spacer(0, window().0)></div>
            <For
                each=rendered
                key=|p| *p
                children=move |p| {
                    let loaded = loaded.clone();
                    // In turns: the first page built with the page's start, and a page below the
                    // one the reader sees (its growth moves nothing in view). At once: the page
                    // the reader scrolled to, those above it, a printout, the baked page.
                    let in_turns = IN_BROWSER
                        && !printing.get_untracked()
                        && (starting.get_value() || p > page.get_untracked());
                    starting.set_value(false);
                    let shown = RwSignal::new(if in_turns { FIRST } else { PAGE });
                    reveal(shown, p, remeasure);
                    let cards = move || {
                        let ids = ids.read();
                        let end = ((p + 1) * PAGE).min(ids.len());
                        let start = (p * PAGE).min(end);
                        ids[start..end.min(start + shown.get())].to_vec()
                    };
                    let node = NodeRef::<Div>::new();
                    page_nodes.update_value(|n| {
                        n.insert(p, node);
                    });
                    on_cleanup(move || {
                        page_nodes.try_update_value(|n| n.remove(&p));
                    });
                    view! {
                        <div class="page" data-page=p.to_string() node_ref=node>
                            <For
                                each=cards
                                key=|i| *i
                                children=move |i| view! { <ClaimCard loaded=loaded.clone() claim=i words/> }
                            />
                        </div>
                    }
                }
            />
            {baked_rest}
            <div class="spacer" aria-hidden="true" style:height=move || spacer(window().1 + 1, pages())></div>
            {move || {
                let n = ids.read().len();
                (n > PRINT_MAX).then(|| view! {
                    <p class="print-only" data-testid="print-note">
                        {lang.count("ui.print.note", n, &[("max", &lang.number(PRINT_MAX))])}
                    </p>
                })
            }}
        </section>
    }
}

/// Shows the rest of page `p`'s cards, `STEP` more per turn, then asks for the pages to be
/// measured again. The first page is what the page waits for before it is `ready` (and
/// takes over from its baked copy); the others are not waited for.
fn reveal(shown: RwSignal<usize>, p: usize, remeasure: Trigger) {
    if shown.get_untracked() >= PAGE {
        return;
    }
    let done: Box<dyn FnOnce()> = match (p, use_context::<Turns>()) {
        (0, Some(turns)) => Box::new(turns.wait()),
        _ => Box::new(|| ()),
    };
    fn step(shown: RwSignal<usize>, remeasure: Trigger, done: Box<dyn FnOnce()>) {
        let Some(now) = shown.try_update(|n| {
            *n += STEP;
            *n
        }) else {
            return done();
        };
        if now < PAGE {
            in_turn(move || step(shown, remeasure, done));
        } else {
            remeasure.notify();
            done();
        }
    }
    in_turn(move || step(shown, remeasure, done));
}
