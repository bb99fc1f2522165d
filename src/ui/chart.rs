//! One chart as a card: title, canvas (drawn straight onto it by plotters-canvas with the same
//! `charts::draw` as the SVG download, at the device pixel ratio; redrawn when its container's
//! width or the colour scheme changes), the generated summary (also the canvas's accessible
//! description), "Show as table", downloads (PNG, SVG, CSV) and Embed.

use std::sync::Arc;

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;

use super::download::{save_canvas_png, save_text};
use super::history::Nav;
use super::lang::use_lang;
use super::listen::{resize_observer, IN_BROWSER};
use super::loaded::Loaded;
use super::measured_text::Measured;
use super::scheme::ColourScheme;
use super::timing::timed;
use crate::charts::{aggregate, draw, summary, table, to_csv, to_svg_at, ChartData, ChartId, Theme};
use crate::data_sources::Provenance;
use crate::i18n::Lang;
use crate::url_state::{embed_page, to_query, ViewState};

/// Height of a chart in CSS pixels for a container `width` wide.
fn height_for(width: f64) -> f64 {
    if width < 480.0 {
        300.0
    } else {
        340.0
    }
}

/// The address of the app itself (no query), for links and embed snippets. Baked pages live
/// one folder below the app (`claims/`, `embed/`), so there it is `../`.
pub fn app_address() -> String {
    if !IN_BROWSER {
        return "../".to_string();
    }
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default())
        })
        .unwrap_or_default()
}

/// The iframe snippet that embeds `chart` with the current filters, in the reader's language
/// `lang`: the chart's baked page (`embed/<chart>.html`, shown before any wasm runs) for the
/// bundled data unfiltered, else the app in embed mode with the filters.
pub fn embed_snippet(chart: ChartId, view: &ViewState, lang: Lang) -> String {
    let base = app_address();
    let dir = base.rsplit_once('/').map_or(base.clone(), |(dir, _)| format!("{dir}/"));
    let src = if view.data.is_none() && !view.filter.is_active() {
        format!("{dir}{}", embed_page(chart, lang))
    } else {
        // The language goes with the chart: a host page shows it as the reader chose it.
        let lang = Some(lang.code().to_string());
        let state =
            ViewState { embed: Some(chart.as_str().to_string()), claim: None, charts: false, lang, ..view.clone() };
        format!("{base}?{}", to_query(&state))
    };
    let script = format!("{dir}embed.js");
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"420\" style=\"border:0\" data-claims-explorer></iframe>\n<script src=\"{}\" async></script>",
        src.replace('&', "&amp;").replace('"', "&quot;"),
        chart.title(lang).replace('&', "&amp;").replace('"', "&quot;"),
        script
    )
}

/// The width, in CSS pixels, at which a baked chart is drawn: a chart's width in the page's
/// two-column layout. The baked SVG scales to its frame.
const BAKED_WIDTH: u32 = 470;

/// Fonts, margins and lines are drawn this much larger than the chart's own scale 1, so that
/// its text reads at the page's size.
const ZOOM: f64 = 1.25;

/// Draws `data` onto `canvas`, `width` × `height` CSS pixels at the device pixel ratio `dpr`
/// (sharp on any screen); why not, for the reader, if it could not be drawn.
pub(super) fn draw_on_canvas(
    canvas: &web_sys::HtmlCanvasElement,
    data: &ChartData,
    theme: &Theme,
    width: f64,
    dpr: f64,
    lang: Lang,
) -> Result<(), String> {
    let height = height_for(width);
    let (w, h) = ((width * dpr).round() as u32, (height * dpr).round() as u32);
    // A new size only when it changes: the page's layout is left alone while the results change
    // (`draw` paints every pixel of the canvas).
    if (canvas.width(), canvas.height()) != (w, h) {
        canvas.set_width(w);
        canvas.set_height(h);
        let _ = web_sys::HtmlElement::style(canvas).set_property("height", &format!("{height}px"));
    }
    let Some(backend) = Measured::on(canvas) else {
        return Err(lang.text("ui.chart.no_canvas").into_owned());
    };
    let root = backend.into_drawing_area();
    draw(&root, data, theme, dpr * ZOOM, lang)
        .and_then(|()| root.present())
        .map_err(|e| lang.fill("ui.chart.draw_failed", &[("error", &e.to_string())]))
}

/// The chart as the SVG download: `charts::to_svg`'s drawing, with its text measured by a
/// canvas rather than by plotters' styled `<span>` (`measured_text`); `None` where the page
/// cannot make a canvas to measure with.
fn svg_download(data: &ChartData, theme: &Theme, lang: Lang) -> Option<String> {
    let (width, height) = (960, 540);
    let mut svg = String::new();
    {
        let backend = Measured::svg(&mut svg, (width, height))?;
        // Drawing into a string cannot fail; an error would leave a partial SVG.
        let _ = draw(&backend.into_drawing_area(), data, theme, 1.0, lang);
    }
    // As `to_svg` keeps it: XML, whatever the dataset's text.
    svg.retain(|c| !crate::ingest::is_removed(c));
    Some(svg)
}

#[component]
pub fn ChartCard(
    chart: ChartId,
    loaded: Loaded,
    ids: Signal<Arc<Vec<u32>>>,
    /// This chart's bit is set once it has been drawn.
    drawn: RwSignal<u8>,
    /// The chart's frame, for the page to tell whether the chart is in view.
    frame: NodeRef<Div>,
    #[prop(optional)] embedded: bool,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let lang = use_lang();
    let name = chart.as_str();
    let (dataset, index) = (loaded.dataset.clone(), loaded.index.clone());
    let data =
        Memo::new(move |_| timed("charts: aggregates", || aggregate(chart, &dataset, &index, &ids.read(), lang)));
    let text = Memo::new(move |_| summary(&data.read(), lang));
    let canvas_ref = NodeRef::<Canvas>::new();
    let width = RwSignal::new(0.0f64);
    let show_table = RwSignal::new(false);
    let show_embed = RwSignal::new(false);
    let local_file = matches!(*loaded.provenance, Provenance::File(_));
    let scheme = expect_context::<ColourScheme>();
    // What the canvas shows (width, theme, numbers), so that new results with the same numbers
    // are not drawn again.
    let shown = StoredValue::new(None::<(f64, Theme, ChartData)>);
    // Why the chart could not be drawn, shown in its place; `None` while it is drawn.
    let failure = RwSignal::new(None::<String>);
    // A chart is first drawn in a task of its own, not in the one that builds the page: six
    // charts drawn in one task would block the page for longer than a reader should wait to
    // scroll or type (Lighthouse's Total Blocking Time). Later results are drawn at once.
    let armed = RwSignal::new(false);
    if IN_BROWSER {
        // The chart may be gone by then (another dataset opened).
        set_timeout(move || _ = armed.try_set(true), std::time::Duration::ZERO);
    }

    // The canvas follows its container's width.
    Effect::new(move |_| {
        let Some(el) = frame.get() else { return };
        width.set(f64::from(el.client_width()));
        let observed = el.clone();
        resize_observer(&el, move || {
            let w = f64::from(observed.client_width());
            if (w - width.get_untracked()).abs() >= 1.0 {
                width.set(w);
            }
        });
    });
    Effect::new(move |_| {
        let w = width.get();
        let theme = scheme.theme();
        ids.track();
        let Some(canvas) = canvas_ref.get() else { return };
        if w < 1.0 || !armed.get() {
            return;
        }
        let unchanged = shown
            .with_value(|l| l.as_ref().is_some_and(|(lw, lt, ld)| *lw == w && *lt == theme && *ld == *data.read()));
        if !unchanged {
            let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
            match timed("charts: drawing on the canvas", || draw_on_canvas(&canvas, &data.read(), &theme, w, dpr, lang))
            {
                Ok(()) => {
                    if failure.read_untracked().is_some() {
                        failure.set(None);
                    }
                    shown.set_value(Some((w, theme, data.get())));
                }
                // The error is shown in the chart's place; the chart still counts as drawn, so
                // one chart that fails does not keep the page from being ready.
                Err(message) => {
                    failure.set(Some(message));
                    shown.set_value(None);
                }
            }
        }
        // For tests and the benchmark: how many claims the chart on the canvas (or the error in
        // its place) is about.
        let _ = canvas.set_attribute("data-claims", &ids.with_untracked(|ids| ids.len()).to_string());
        if drawn.get_untracked() & chart.bit() == 0 {
            drawn.update(|m| *m |= chart.bit());
        }
    });

    let download_png = move |_| {
        if let Some(canvas) = canvas_ref.get_untracked() {
            save_canvas_png(&canvas, &format!("{name}.png"));
        }
    };
    let download_svg = move |_| {
        if let Some(svg) = svg_download(&data.read_untracked(), &scheme.theme_untracked(), lang) {
            save_text(&svg, "image/svg+xml", &format!("{name}.svg"));
        }
    };
    let download_csv = move |_| {
        save_text(&to_csv(&table(&data.read_untracked(), lang)), "text/csv;charset=utf-8", &format!("{name}.csv"));
    };
    let title_id = format!("chart-{name}-title");
    let summary_id = format!("chart-{name}-summary");
    let table_view = move || {
        show_table.get().then(|| {
            let t = table(&data.read(), lang);
            view! {
                <div class="chart-table-wrap">
                    <table class="chart-table" data-testid=format!("table-{name}")>
                        <caption class="visually-hidden">{chart.title(lang)}</caption>
                        <thead><tr>{t.columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}</tr></thead>
                        <tbody>
                            {t.rows.into_iter().map(|r| view! {
                                <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        })
    };

    view! {
        <figure class="chart" class:embedded=embedded aria-labelledby=title_id.clone()>
            <figcaption>
                <h3 class="chart-title" id=title_id.clone()>{chart.title(lang)}</h3>
            </figcaption>
            <div class="chart-frame" node_ref=frame>
                {if IN_BROWSER {
                    view! {
                        <canvas node_ref=canvas_ref data-testid=format!("chart-{name}") role="img"
                            hidden=move || failure.read().is_some()
                            aria-label=move || text.get() aria-describedby=summary_id.clone()></canvas>
                        {move || failure.get().map(|message| view! {
                            <p class="chart-error" role="alert" data-testid=format!("chart-error-{name}")>{message}</p>
                        })}
                    }.into_any()
                } else {
                    // Baked: the same drawing as SVG, at the canvas's size and zoom in the
                    // usual two-column layout, in both colour schemes (the stylesheet shows the
                    // reader's). Inserted as markup: plotters escapes every text it writes
                    // (tests/bake.rs bakes hostile names and finds no markup).
                    let (width, height) = (BAKED_WIDTH, height_for(f64::from(BAKED_WIDTH)) as u32);
                    let light = to_svg_at(&data.read_untracked(), &Theme::LIGHT, width, height, ZOOM, lang);
                    let dark = to_svg_at(&data.read_untracked(), &Theme::DARK, width, height, ZOOM, lang);
                    view! {
                        <div class="chart-svg" data-testid=format!("baked-chart-{name}") role="img"
                            aria-label=text.get_untracked() aria-describedby=summary_id.clone()>
                            <div class="scheme-light" inner_html=light></div>
                            <div class="scheme-dark" inner_html=dark></div>
                        </div>
                    }.into_any()
                }}
            </div>
            <p class="chart-summary" id=summary_id.clone()>{move || text.get()}</p>
            {(!embedded).then(|| view! {
                <div class="chart-actions">
                    <button type="button" class="link-button" aria-expanded=move || show_table.get().to_string()
                        data-testid=format!("toggle-table-{name}") on:click=move |_| show_table.update(|s| *s = !*s)>
                        {move || lang.text(if show_table.get() { "ui.chart.hide_table" } else { "ui.chart.show_table" })}
                    </button>
                    <button type="button" class="link-button" data-testid=format!("download-png-{name}") on:click=download_png>"PNG"</button>
                    <button type="button" class="link-button" data-testid=format!("download-svg-{name}") on:click=download_svg>"SVG"</button>
                    <button type="button" class="link-button" data-testid=format!("download-csv-{name}") on:click=download_csv>"CSV"</button>
                    <button type="button" class="link-button" aria-expanded=move || show_embed.get().to_string()
                        data-testid=format!("embed-{name}") on:click=move |_| show_embed.update(|s| *s = !*s)>{lang.text("ui.chart.embed")}</button>
                </div>
            })}
            {table_view}
            {move || show_embed.get().then(|| if local_file {
                // The reader's own file is nowhere that a host page could load it from.
                view! {
                    <p class="embed-label" data-testid="embed-unavailable">
                        {lang.text("ui.chart.embed_local")}
                    </p>
                }.into_any()
            } else {
                view! {
                    <label class="embed-label">{lang.text("ui.chart.paste")}
                        <textarea class="embed-code" data-testid="embed-code" readonly rows="4"
                            prop:value=move || embed_snippet(chart, &nav.view.read(), lang)></textarea>
                    </label>
                }.into_any()
            })}
        </figure>
    }
}
