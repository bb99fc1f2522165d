//! The charts on paper in the claims view. The claims come first, so the six charts are not on
//! the screen there; a printout of the page still holds them. Six canvases that only print
//! shows, drawn with the current results when the browser is about to print (in the
//! `beforeprint` listener itself, so that the drawing is done before the page is laid out for
//! the paper), in the light theme, on white paper.

use std::sync::Arc;

use leptos::html::Canvas;
use leptos::prelude::*;
use strum::EnumCount;

use super::chart::draw_on_canvas;
use super::listen::window_event;
use super::loaded::Loaded;
use crate::charts::{aggregate, summary, ChartId, Theme};

/// A printed chart's width in CSS pixels: about a page's printable width.
const PRINT_WIDTH: f64 = 680.0;
/// Pixels per CSS pixel on paper, for sharp lines and text.
const PRINT_SCALE: f64 = 2.0;

#[component]
pub fn PrintCharts(loaded: Loaded, ids: Memo<Arc<Vec<u32>>>) -> impl IntoView {
    let lang = super::lang::use_lang();
    let canvases: [NodeRef<Canvas>; ChartId::COUNT] = std::array::from_fn(|_| NodeRef::new());
    let summaries = RwSignal::new(vec![String::new(); ChartId::COUNT]);
    window_event(leptos::ev::Custom::<web_sys::Event>::new("beforeprint"), move |_| {
        let ids = ids.get_untracked();
        let texts = ChartId::ALL
            .into_iter()
            .zip(canvases)
            .map(|(chart, canvas)| {
                let data = aggregate(chart, &loaded.dataset, &loaded.index, &ids, lang);
                if let Some(canvas) = canvas.get_untracked() {
                    // A chart that cannot be drawn prints its summary alone.
                    let _ = draw_on_canvas(&canvas, &data, &Theme::LIGHT, PRINT_WIDTH, PRINT_SCALE, lang);
                }
                summary(&data, lang)
            })
            .collect();
        summaries.set(texts);
    });
    let figures = ChartId::ALL.into_iter().zip(canvases).enumerate().map(|(i, (chart, canvas))| {
        view! {
            <figure class="chart print-chart">
                <figcaption><h3 class="chart-title">{chart.title(lang)}</h3></figcaption>
                <canvas node_ref=canvas data-testid=format!("print-chart-{}", chart.as_str())></canvas>
                <p class="chart-summary">{move || summaries.with(|s| s[i].clone())}</p>
            </figure>
        }
    });
    view! {
        <section class="print-only print-charts" data-testid="print-charts">{figures.collect_view()}</section>
    }
}
