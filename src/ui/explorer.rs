//! The explorer view: search, facets, result count, sort, share, charts, thread and cards.
//! Holds no state of its own beyond the URL's: every control reads and writes `Nav`.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;

use super::card_list::CardList;
use super::chart::ChartCard;
use super::export_claims::ExportClaims;
use super::facets::Facets;
use super::history::{Entry, Nav};
use super::lang::use_lang;
use super::listen::{intersection_observer, when_idle, IN_BROWSER};
use super::loaded::Loaded;
use super::print_charts::PrintCharts;
use super::share::ShareButton;
use super::thread::Thread;
use super::timing::timed;
use super::turns::{after_start, later, later_if_covered};
use crate::charts::ChartId;
use crate::query::{Outcome, Sort, TextCache};
use crate::url_state::embed_page;

/// The matches a chart shows, which follow the page's a frame or more later.
type Follower = RwSignal<Arc<Vec<u32>>>;

/// The charts shown: for each, the matches it follows, its frame, and whether the frame is in
/// the viewport (kept by an `IntersectionObserver`, so that no keystroke forces a layout to
/// ask).
#[derive(Clone, Copy)]
struct Charts {
    ids: [Follower; 6],
    frames: [NodeRef<Div>; 6],
    in_view: StoredValue<[bool; 6]>,
}

/// The charts in view show the new results at once, in the same task as the count and the
/// cards, so that the frame that shows the new cards shows their charts too.
fn follow_in_view(ids: Memo<Arc<Vec<u32>>>, charts: Charts) {
    let latest = ids.get_untracked();
    let in_view = charts.in_view.get_value();
    for (seen, chart) in in_view.into_iter().zip(charts.ids) {
        if seen && !chart.with_untracked(|c| Arc::ptr_eq(c, &latest)) {
            chart.set(latest.clone());
        }
    }
}

/// Brings the charts whose results are behind up to date, one per task after a painted frame
/// (those in view first, if the reader scrolled), until every chart shows `ids`: no frame
/// waits for the charts out of view, and what the reader sees follows first.
fn follow(ids: Memo<Arc<Vec<u32>>>, charts: Charts, following: StoredValue<bool>) {
    // The page may have moved on to another dataset since the last frame.
    let (Some(latest), Some(_)) = (ids.try_get_untracked(), following.try_get_value()) else { return };
    let behind: Vec<(bool, Follower)> = charts
        .in_view
        .get_value()
        .into_iter()
        .zip(charts.ids)
        .filter(|(_, c)| c.try_with_untracked(|c| !Arc::ptr_eq(c, &latest)).unwrap_or(false))
        .collect();
    if behind.is_empty() {
        following.set_value(false);
        return;
    }
    let next = behind.iter().find(|(seen, _)| *seen).unwrap_or(&behind[0]).1;
    next.set(latest);
    when_idle(move || follow(ids, charts, following));
}

/// The six charts, following the explorer's matches (`follow_in_view`, `follow`). Made while
/// the charts view is shown, dropped with it.
#[component]
fn ChartsView(loaded: Loaded, ids: Memo<Arc<Vec<u32>>>, drawn: RwSignal<u8>) -> impl IntoView {
    let lang = use_lang();
    // The page is ready again once these charts have drawn.
    drawn.set(0);
    // The charts in view follow the results with the count and the cards, the others one per
    // painted frame after them (`follow`); keystrokes faster than frames redraw those once, for the
    // latest results.
    let charts = Charts {
        ids: std::array::from_fn(|_| RwSignal::new(ids.get_untracked())),
        frames: std::array::from_fn(|_| NodeRef::new()),
        in_view: StoredValue::new([false; 6]),
    };
    Effect::new(move |_| {
        let Some(frames) =
            charts.frames.iter().map(|f| f.get().map(web_sys::Element::from)).collect::<Option<Vec<_>>>()
        else {
            return;
        };
        intersection_observer(&frames, move |i, seen| charts.in_view.update_value(|v| v[i] = seen));
    });
    let following = StoredValue::new(false);
    Effect::new(move |_| {
        ids.track();
        follow_in_view(ids, charts);
        if !following.get_value() {
            following.set_value(true);
            when_idle(move || follow(ids, charts, following));
        }
    });
    view! {
        <section class="charts" id="charts" aria-label=lang.text("ui.view.charts")>
            <h2 class="visually-hidden">{lang.text("ui.view.charts")}</h2>
            {ChartId::ALL.into_iter().zip(charts.ids).zip(charts.frames).map(|((chart, ids), frame)| view! {
                <ChartCard chart loaded=loaded.clone() ids=ids.into() drawn frame/>
            }).collect_view()}
        </section>
    }
}

/// "Claims | Charts" (`view=` in the URL): the claims alone, first; or the six charts above
/// them, one step away. Without JavaScript the switch cannot work, so the baked page links each
/// chart's baked page instead (shown only where scripts do not run).
#[component]
fn ViewSwitch(
    /// Whether the charts view is shown (the explorer's own `view=charts`).
    charts: Memo<bool>,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = use_lang();
    let choose = move |show_charts: bool| move |_| nav.update(Entry::Push, |v| v.charts = show_charts);
    let baked_charts = (!IN_BROWSER).then(|| {
        let links = ChartId::ALL.into_iter().map(|chart| {
            view! { <li><a href=embed_page(chart, lang) data-testid=format!("baked-link-{}", chart.as_str())>{chart.title(lang)}</a></li> }
        });
        view! { <noscript><nav class="baked-charts" aria-label=lang.text("ui.view.charts")><ul>{links.collect_view()}</ul></nav></noscript> }
    });
    view! {
        <div class="view-switch" role="group" aria-label=lang.text("ui.view.show")>
            <button type="button" class="view-tab" data-testid="view-claims" aria-pressed=move || (!charts.get()).to_string()
                on:click=choose(false)>{lang.text("ui.view.claims")}</button>
            <button type="button" class="view-tab" data-testid="view-charts" aria-pressed=move || charts.get().to_string()
                on:click=choose(true)>{lang.text("ui.view.charts")}</button>
        </div>
        {baked_charts}
    }
}

#[component]
pub fn Explorer(loaded: Loaded, drawn: RwSignal<u8>) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = use_lang();
    let total = loaded.dataset.claims.len();
    let (index, dataset) = (loaded.index.clone(), loaded.dataset.clone());
    let filter = Memo::new(move |_| nav.view.read().filter.clone());
    // Whether a filter is on: what shows "(active)" and "Clear filters", which stay the same
    // elements while the search is typed.
    let active = Memo::new(move |_| filter.read().is_active());
    // The last search's matches, so typing on only searches what already matched.
    let cache = StoredValue::new(TextCache::default());
    let outcome: Memo<Outcome> = Memo::new(move |_| {
        let f = filter.read();
        let mut out = None;
        cache.update_value(|c| out = Some(timed("query: ids and facet counts", || index.run_in(&dataset, &f, c))));
        out.expect("run")
    });
    // Shared, not copied: the cards and the six charts hold the same matches.
    let ids = Memo::new(move |_| outcome.read().ids.clone());
    let show_charts = Memo::new(move |_| nav.view.read().charts);
    let charts_view = {
        let loaded = loaded.clone();
        move || {
            if show_charts.get() {
                view! { <ChartsView loaded=loaded.clone() ids drawn/> }.into_any()
            } else if IN_BROWSER {
                // The claims view prints the charts too (`print_charts`), made after the rest.
                let loaded = loaded.clone();
                later(move || view! { <PrintCharts loaded=loaded.clone() ids/> }).into_any()
            } else {
                ().into_any()
            }
        }
    };
    let count_text = move || {
        let n = outcome.read().ids.len();
        if n == total && !active.get() {
            lang.count("count.claims", n, &[])
        } else {
            lang.count("ui.explorer.matching", n, &[("total", &lang.number(total))])
        }
    };
    let clear = move |_| nav.update(Entry::Push, |v| v.filter = v.filter.cleared());
    let on_search = move |ev| {
        let q = event_target_value(&ev);
        nav.update(Entry::Replace, |v| v.filter.q = q);
    };
    let on_sort = move |ev| {
        let sort = Sort::parse(&event_target_value(&ev)).unwrap_or_default();
        nav.update(Entry::Push, |v| v.filter.sort = sort);
    };
    // A reader's own file is on no server: Share cannot point at it.
    let local_file = matches!(*loaded.provenance, crate::data_sources::Provenance::File(_));
    // Baked pages open the filters; the page closes them on a narrow screen.
    let wide = !IN_BROWSER
        || web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).is_some_and(|w| w >= 800.0);

    view! {
        <div class="explorer">
            <details class="facets-panel" open=wide>
                <summary>
                    {lang.text("ui.explorer.filters")}
                    {move || active.get().then(|| view! { <span class="active-mark">{lang.text("ui.explorer.active")}</span> })}
                </summary>
                <Facets loaded=loaded.clone() outcome/>
            </details>
            <main class="results" id="results" tabindex="-1">
                <div class="toolbar">
                    <label for="search" class="search-label">{lang.text("ui.explorer.search")}</label>
                    <input
                        id="search"
                        type="search"
                        data-testid="search"
                        placeholder=lang.text("ui.explorer.search_example")
                        autocomplete="off"
                        prop:value=move || nav.view.read().filter.q.clone()
                        on:input=on_search
                    />
                    <label for="sort" class="sort-label">{lang.text("ui.explorer.sort")}</label>
                    <select id="sort" data-testid="sort" on:change=on_sort
                        prop:value=move || nav.view.read().filter.sort.as_str()>
                        <option value="newest">{lang.text("ui.explorer.newest")}</option>
                        <option value="oldest">{lang.text("ui.explorer.oldest")}</option>
                    </select>
                    <ShareButton local_file/>
                </div>
                <div class="summary-line">
                    <p class="result-count" data-testid="result-count" aria-live="polite">{count_text}</p>
                    {move || active.get().then(|| view! {
                        <button type="button" class="link-button" data-testid="clear-filters" on:click=clear>{lang.text("ui.explorer.clear")}</button>
                    })}
                    {
                        let loaded = loaded.clone();
                        later_if_covered(move || view! { <ExportClaims loaded=loaded.clone() ids/> })
                    }
                </div>
                {move || {
                    let notices = nav.notices.get();
                    (!notices.is_empty()).then(|| view! {
                        <ul class="notices" data-testid="url-notices" role="status">
                            {notices.into_iter().map(|n| view! { <li>{n.in_lang(lang)}</li> }).collect_view()}
                        </ul>
                    })
                }}
                {later_if_covered(move || view! { <ViewSwitch charts=show_charts/> })}
                {charts_view}
                {
                    let loaded = loaded.clone();
                    later_if_covered(move || view! { <Thread loaded=loaded.clone()/> })
                }
                {move || ids.read().is_empty().then(|| view! {
                    <div class="empty" data-testid="empty-result">
                        <p>{lang.text("ui.explorer.empty")}</p>
                        <button type="button" class="button" on:click=clear>{lang.text("ui.explorer.clear")}</button>
                    </div>
                })}
                <CardList loaded=loaded.clone() results=ids/>
                // Baked: the six charts, after the claims, for readers without scripts; a
                // browser that runs the page reads them as one run of text (`<noscript>`).
                {(!IN_BROWSER).then(|| view! { <noscript><ChartsView loaded=loaded.clone() ids drawn/></noscript> })}
                {
                    // Once the first page of cards is whole, so that the cards, shown a few per
                    // turn, do not push it down while it is in view.
                    let dataset = loaded.dataset.clone();
                    after_start(move || view! {
                        <footer class="credit">
                            <p>
                                {dataset.title.clone()} {lang.text("ui.credit.updated")} {dataset.updated.display(lang)}
                                {lang.text("ui.credit.licence")} {dataset.license.clone()}
                            </p>
                        </footer>
                    })
                }
            </main>
        </div>
    }
}
