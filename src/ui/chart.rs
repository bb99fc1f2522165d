//! One chart as a card: title, canvas (sized by its container and the device pixel ratio,
//! redrawn on resize at most once per animation frame), the generated summary (also the
//! canvas's accessible description), "Show as table", downloads (PNG, SVG, CSV) and Embed.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::app::Loaded;
use super::download::{save_canvas_png, save_text};
use super::history::Nav;
use super::timing::{now, record, timed};
use crate::charts::{aggregate, summary, table, to_csv, to_svg, ChartData, ChartId, Theme};
use crate::url_state::{to_query, ViewState};

fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// The theme the page is showing.
pub fn theme() -> Theme {
    if prefers_dark() {
        Theme::DARK
    } else {
        Theme::LIGHT
    }
}

/// Height of a chart in CSS pixels for a container `width` wide.
fn height_for(width: f64) -> f64 {
    if width < 480.0 {
        300.0
    } else {
        340.0
    }
}

/// The address of the app itself (no query), for links and embed snippets.
pub fn app_address() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default())
        })
        .unwrap_or_default()
}

/// The iframe snippet that embeds `chart` with the current filters.
pub fn embed_snippet(chart: ChartId, view: &ViewState) -> String {
    let base = app_address();
    let state = ViewState { embed: Some(chart.as_str().to_string()), claim: None, ..view.clone() };
    let src = format!("{base}?{}", to_query(&state));
    let script = format!("{}embed.js", base.rsplit_once('/').map_or(base.clone(), |(dir, _)| format!("{dir}/")));
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"420\" style=\"border:0\" data-claims-explorer></iframe>\n<script src=\"{}\" async></script>",
        src.replace('&', "&amp;").replace('"', "&quot;"),
        chart.title(),
        script
    )
}

/// Paints an SVG drawing onto `canvas`, filling it (so it is sharp at any pixel ratio), then
/// calls `done`. The chart is drawn once, by plotters' SVG backend, for the page and for
/// downloads alike: one backend in the wasm instead of two.
fn paint_svg(
    canvas: web_sys::HtmlCanvasElement,
    svg: &str,
    current: impl Fn() -> bool + 'static,
    done: impl FnOnce() + 'static,
) {
    // Handed over as bytes: no round trip through a JavaScript string.
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(svg.as_bytes()));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let Ok(image) = web_sys::HtmlImageElement::new() else { return };
    let loaded = image.clone();
    let address = url.clone();
    let on_load = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&address);
        // A newer drawing may have been asked for while this one loaded.
        if !current() {
            return;
        }
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        if let Some(context) = context {
            let start = now();
            let (w, h) = (f64::from(canvas.width()), f64::from(canvas.height()));
            context.clear_rect(0.0, 0.0, w, h);
            let painted = context.draw_image_with_html_image_element_and_dw_and_dh(&loaded, 0.0, 0.0, w, h).is_ok();
            record("charts: painting the decoded SVG", now() - start);
            if painted {
                done();
            }
        }
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_src(&url);
}

/// Watches an element's width; the callback runs at most once per animation frame.
fn observe_width(element: &web_sys::Element, width: RwSignal<f64>) {
    let pending = Rc::new(Cell::new(false));
    let observed = element.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        if pending.replace(true) {
            return;
        }
        let pending = pending.clone();
        let observed = observed.clone();
        request_animation_frame(move || {
            pending.set(false);
            let w = f64::from(observed.client_width());
            if (w - width.get_untracked()).abs() >= 1.0 {
                width.set(w);
            }
        });
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(element);
        on_resize.forget();
        std::mem::forget(observer);
    }
}

#[component]
pub fn ChartCard(
    chart: ChartId,
    loaded: Loaded,
    ids: Signal<Arc<Vec<u32>>>,
    /// This chart's bit is set once it has been drawn.
    drawn: RwSignal<u8>,
    #[prop(optional)] embedded: bool,
) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let name = chart.as_str();
    let (dataset, index) = (loaded.dataset.clone(), loaded.index.clone());
    let data = Memo::new(move |_| timed("charts: aggregates", || aggregate(chart, &dataset, &index, &ids.read())));
    let text = Memo::new(move |_| summary(&data.read()));
    let frame = NodeRef::<Div>::new();
    let canvas_ref = NodeRef::<Canvas>::new();
    let width = RwSignal::new(0.0f64);
    let show_table = RwSignal::new(false);
    let show_embed = RwSignal::new(false);
    // Which drawing is the latest, so a slower earlier one never paints over it.
    let generation = StoredValue::new(0u32);
    // What the canvas shows or is being painted with (width, scheme, data), and whether a
    // painting is under way.
    let shown = StoredValue::new(None::<(f64, u32, ChartData)>);
    let painting = StoredValue::new(false);
    // Bumped when the reader's colour scheme changes, so the chart is redrawn in the new one.
    let scheme = RwSignal::new(0u32);
    if let Some(query) = web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()) {
        let on_change = Closure::<dyn FnMut()>::new(move || scheme.update(|s| *s += 1));
        let _ = query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        on_change.forget();
    }

    Effect::new(move |_| {
        if let Some(el) = frame.get() {
            width.set(f64::from(el.client_width()));
            observe_width(&el, width);
        }
    });
    Effect::new(move |_| {
        let w = width.get();
        let s = scheme.get();
        ids.track();
        let Some(canvas) = canvas_ref.get() else { return };
        if w < 1.0 {
            return;
        }
        // New results, the same drawing: only say that the canvas shows them.
        let unchanged =
            shown.with_value(|l| l.as_ref().is_some_and(|(lw, ls, ld)| *lw == w && *ls == s && *ld == *data.read()));
        if unchanged {
            if !painting.get_value() {
                let _ = canvas.set_attribute("data-claims", &ids.with_untracked(|ids| ids.len()).to_string());
            }
            return;
        }
        shown.set_value(Some((w, s, data.get())));
        painting.set_value(true);
        let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
        let h = height_for(w);
        canvas.set_width((w * dpr).round() as u32);
        canvas.set_height((h * dpr).round() as u32);
        let _ = web_sys::HtmlElement::style(&canvas).set_property("height", &format!("{h}px"));
        // Drawn a little smaller than shown, so its text reads at the page's size.
        const ZOOM: f64 = 1.25;
        let svg = timed("charts: SVG drawing", || {
            to_svg(&data.read(), &theme(), (w / ZOOM).round() as u32, (h / ZOOM).round() as u32)
        });
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        let current = move || generation.try_get_value() == Some(mine);
        let painted = canvas.clone();
        timed("charts: handing the SVG to the browser", || {
            paint_svg(canvas, &svg, current, move || {
                painting.set_value(false);
                // For tests and the benchmark: how many claims the chart on the canvas shows.
                if let Some(n) = ids.try_with_untracked(|ids| ids.len()) {
                    let _ = painted.set_attribute("data-claims", &n.to_string());
                }
                if drawn.get_untracked() & chart.bit() == 0 {
                    drawn.update(|m| *m |= chart.bit());
                }
            })
        });
    });

    let download_png = move |_| {
        if let Some(canvas) = canvas_ref.get_untracked() {
            save_canvas_png(&canvas, &format!("{name}.png"));
        }
    };
    let download_svg = move |_| {
        save_text(&to_svg(&data.read_untracked(), &theme(), 960, 540), "image/svg+xml", &format!("{name}.svg"));
    };
    let download_csv = move |_| {
        save_text(&to_csv(&table(&data.read_untracked())), "text/csv;charset=utf-8", &format!("{name}.csv"));
    };
    let title_id = format!("chart-{name}-title");
    let summary_id = format!("chart-{name}-summary");
    let table_view = move || {
        show_table.get().then(|| {
            let t = table(&data.read());
            view! {
                <div class="chart-table-wrap">
                    <table class="chart-table" data-testid=format!("table-{name}")>
                        <caption class="visually-hidden">{chart.title()}</caption>
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
                <h3 class="chart-title" id=title_id.clone()>{chart.title()}</h3>
            </figcaption>
            <div class="chart-frame" node_ref=frame>
                <canvas node_ref=canvas_ref data-testid=format!("chart-{name}") role="img"
                    aria-label=move || text.get() aria-describedby=summary_id.clone()></canvas>
            </div>
            <p class="chart-summary" id=summary_id.clone()>{move || text.get()}</p>
            {(!embedded).then(|| view! {
                <div class="chart-actions">
                    <button type="button" class="link-button" aria-expanded=move || show_table.get().to_string()
                        data-testid=format!("toggle-table-{name}") on:click=move |_| show_table.update(|s| *s = !*s)>
                        {move || if show_table.get() { "Hide table" } else { "Show as table" }}
                    </button>
                    <button type="button" class="link-button" data-testid=format!("download-png-{name}") on:click=download_png>"PNG"</button>
                    <button type="button" class="link-button" data-testid=format!("download-svg-{name}") on:click=download_svg>"SVG"</button>
                    <button type="button" class="link-button" data-testid=format!("download-csv-{name}") on:click=download_csv>"CSV"</button>
                    <button type="button" class="link-button" aria-expanded=move || show_embed.get().to_string()
                        data-testid=format!("embed-{name}") on:click=move |_| show_embed.update(|s| *s = !*s)>"Embed"</button>
                </div>
            })}
            {table_view}
            {move || show_embed.get().then(|| view! {
                <label class="embed-label">"Paste this into your page:"
                    <textarea class="embed-code" data-testid="embed-code" readonly rows="4"
                        prop:value=move || embed_snippet(chart, &nav.view.read())></textarea>
                </label>
            })}
        </figure>
    }
}
