//! The root component: reads the view state from the URL, loads the dataset (bundled,
//! `?data=`, or a file the reader opens or drops), owns the page state (`data-state`) and
//! shows the load report.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;

use super::embed::EmbedView;
use super::explorer::Explorer;
use super::history::Nav;
use super::lang::{reader_lang, use_lang, LanguageSwitch};
use super::load::{fetch_dataset, read_file, Progress, BUNDLED_DATA};
use super::loaded::Loaded;
use super::open_file::OpenFile;
use super::report::DataReport;
use super::scheme::{ColourScheme, ThemeSwitch};
use super::timing::{now, timed};
use super::turns::{in_background_turn, in_turn, later_if_covered, Turns, SLICE_MS};
use crate::charts::ChartId;
use crate::data_sources::Provenance;
use crate::i18n::Message;
use crate::ingest::Ingested;
use crate::query::Index;

/// Where loading stands.
#[derive(Clone)]
enum Loading {
    Pending,
    Failed(Message),
    Ready(Loaded),
}

impl From<Result<(Ingested, Provenance), Message>> for Loading {
    fn from(result: Result<(Ingested, Provenance), Message>) -> Self {
        match result {
            Ok((i, provenance)) => Loading::Ready(Loaded {
                index: Arc::new(timed("load: index", || Index::build_deferring_search(&i.dataset))),
                dataset: Arc::new(i.dataset),
                report: Arc::new(i.report),
                provenance: Arc::new(provenance),
            }),
            Err(message) => Loading::Failed(message),
        }
    }
}

/// Puts a dataset just read on the page, each step in a turn of its own (`turns`): its index,
/// then the page built for it.
fn arrive(loading: RwSignal<Loading>, read: Result<(Ingested, Provenance), Message>) {
    in_turn(move || {
        let next = Loading::from(read);
        in_turn(move || {
            loading.try_set(next);
        });
    });
}

/// Builds the search index that the first paint did without, in background turns (`turns`)
/// of at most `SLICE_MS` each, so that the reader can act meanwhile; a search before it is done adds the
/// claims left at once (`Index::ensure_search`), and the turns then stop.
fn build_search_in_turns(loaded: Loaded) {
    /// Claims added between two looks at the clock.
    const CLAIMS_PER_CHECK: usize = 16;
    let start = now();
    let done = timed("after ready: search index", || loop {
        if loaded.index.build_search_some(&loaded.dataset, CLAIMS_PER_CHECK) {
            break true;
        }
        if now() - start >= SLICE_MS {
            break false;
        }
    });
    if !done {
        in_background_turn(move || build_search_in_turns(loaded));
    } else {
        #[cfg(feature = "bench")]
        super::timing::mark_search_built();
    }
}

/// Removes the baked copy of the default view (ARCHITECTURE.md, Baked pages) — at once when
/// the page's head marked the view as another (`unbaked`: it was never shown), or else, with
/// `taking_over`, once the page shows the same thing: the page, laid out under it all along,
/// is then shown in the same frame. The baked node is outside the page's own tree, so it is
/// found by its id.
fn remove_baked(taking_over: bool) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(root) = document.document_element() else { return };
    if !taking_over && !root.class_list().contains("unbaked") {
        return;
    }
    if let Some(baked) = document.get_element_by_id("baked") {
        // Hidden in this frame, with the page shown in its place; the nodes themselves are
        // dropped in a turn of their own, which then costs the frame nothing.
        let _ = baked.set_attribute("hidden", "");
        in_turn(move || baked.remove());
    }
    let _ = root.class_list().remove_1("baking");
}

/// The loading line: how far a large file has been read, once that is known.
fn status_text(progress: Option<Progress>, lang: crate::i18n::Lang) -> String {
    match progress {
        Some(Progress { read, total: Some(total) }) => {
            // A compressed transfer announces fewer bytes than arrive: never past 99%. The
            // reading pauses after its first tenth of a second, which may be under 1%: once
            // reading has begun, it shows at least 1%.
            let percent = (read as f64 / total as f64 * 100.0).floor().clamp(1.0, 99.0);
            lang.fill("ui.status.percent", &[("n", &percent.to_string())])
        }
        Some(Progress { read, total: None }) => lang.fill("ui.status.megabytes", &[("n", &(read >> 20).to_string())]),
        None => lang.text("ui.status.loading").into_owned(),
    }
}

#[component]
pub fn App() -> impl IntoView {
    remove_baked(false);
    let nav = Nav::from_location();
    provide_context(nav);
    let lang = reader_lang(&nav);
    provide_context(lang);
    provide_context(ColourScheme::follow());
    let turns = Turns::provide();
    let root = NodeRef::<Div>::new();
    let loading = RwSignal::new(Loading::Pending);
    // How much of a large file has been read, while it is read.
    let progress = RwSignal::new(None::<Progress>);
    let report_progress = move |p: Progress| progress.set(Some(p));
    // One bit per chart, set by each chart once drawn (`ChartId::bit`).
    let drawn = RwSignal::new(0u8);
    let asked = nav.view.get_untracked().data;
    let bundled = asked.is_none();
    let url = asked.unwrap_or_else(|| BUNDLED_DATA.to_string());
    leptos::task::spawn_local(async move {
        arrive(loading, fetch_dataset(&url, bundled, lang, report_progress).await);
    });
    let open = Callback::new(move |file: web_sys::File| {
        drawn.set(0);
        loading.set(Loading::Pending);
        progress.set(None);
        let provenance = Provenance::File(crate::ingest::shorten(&file.name(), crate::ingest::QUOTED_MAX).into_owned());
        leptos::task::spawn_local(async move {
            arrive(loading, read_file(file, lang, report_progress).await.map(|i| (i, provenance)));
        });
    });

    // Embed mode: one chart alone, if the parameter names one.
    let embed = nav.view.get_untracked().embed.as_deref().map(|e| ChartId::parse(e).ok_or_else(|| e.to_string()));
    if let Some(Err(bad)) = &embed {
        nav.notices.update(|n| n.push(Message::new("ui.notice.embed").with("value", bad.as_str())));
    }
    let embed = embed.and_then(Result::ok);
    // What must be drawn before the page is ready: the embedded chart, the six charts of the
    // charts view, or nothing more for the claims.
    let expected = move || match embed {
        Some(chart) => chart.bit(),
        None if nav.view.read().charts => ChartId::ALL.iter().fold(0, |m, c| m | c.bit()),
        None => 0,
    };

    let data_state = move || match &*loading.read() {
        Loading::Pending => "loading",
        Loading::Failed(_) => "error",
        // Every part built (`turns`) and every chart shown drawn.
        Loading::Ready(_) if turns.settled() && drawn.get() & expected() == expected() => "ready",
        Loading::Ready(_) => "loading",
    };

    // Each time a dataset first becomes ready: the benchmark's marks (in its builds, for the
    // first dataset), then the search index that the first paint did without.
    Effect::new(move |before: Option<usize>| {
        let before = before.unwrap_or(0);
        if data_state() != "ready" {
            return before;
        }
        let Loading::Ready(loaded) = &*loading.read_untracked() else { return before };
        let key = Arc::as_ptr(&loaded.dataset) as usize;
        if key == before {
            return before;
        }
        #[cfg(feature = "bench")]
        if before == 0 {
            if let Some(root) = root.get_untracked() {
                super::timing::mark_ready(&root);
            }
        }
        if before == 0 {
            remove_baked(true);
        }
        let loaded = loaded.clone();
        in_background_turn(move || build_search_in_turns(loaded));
        key
    });

    if let Some(chart) = embed {
        return view! {
            <div id="app" class="app embed-mode" data-state=data_state node_ref=root>
                {move || match loading.get() {
                    Loading::Pending => view! { <p class="status" role="status">{move || status_text(progress.get(), lang)}</p> }.into_any(),
                    Loading::Failed(message) => view! { <p class="load-error" data-testid="load-error" role="alert">{message.in_lang(lang)}</p> }.into_any(),
                    Loading::Ready(loaded) => view! { <EmbedView chart loaded drawn/> }.into_any(),
                }}
            </div>
        }
        .into_any();
    }

    view! {
        <div id="app" class="app" data-state=data_state node_ref=root>
            <a class="skip-link" href="#results">{lang.text("ui.skip")}</a>
            {later_if_covered(move || view! { <Masthead open/> })}
            {move || match loading.get() {
                Loading::Pending => view! { <p class="status" role="status">{move || status_text(progress.get(), lang)}</p> }.into_any(),
                Loading::Failed(message) => view! {
                    <div class="load-error" role="alert">
                        <h2>{lang.text("ui.load_failed")}</h2>
                        <p data-testid="load-error">{message.in_lang(lang)}</p>
                    </div>
                }.into_any(),
                Loading::Ready(loaded) => view! { <Explored loaded drawn/> }.into_any(),
            }}
        </div>
    }
    .into_any()
}

/// The masthead: the title, the tagline and "Open file…".
#[component]
pub fn Masthead(open: Callback<web_sys::File>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <header class="masthead">
            <h1>{lang.text("ui.title")}</h1>
            <p class="tagline">{lang.text("ui.tagline")}</p>
            <div class="masthead-controls">
                <OpenFile open/>
                <ThemeSwitch/>
                <LanguageSwitch/>
            </div>
        </header>
    }
}

/// A loaded dataset explored: its line and load report, then the explorer.
#[component]
pub fn Explored(loaded: Loaded, drawn: RwSignal<u8>) -> impl IntoView {
    view! {
        {loaded.provenance.notice(use_lang()).map(|n| view! { <p class="provenance" role="note" data-testid="provenance">{n}</p> })}
        {
            let (dataset, report) = (loaded.dataset.clone(), loaded.report.clone());
            later_if_covered(move || view! { <DataReport dataset=dataset.clone() report=report.clone()/> })
        }
        <Explorer loaded drawn/>
    }
}
