//! The per-year chart: a canvas redrawn by plotters whenever the matching claims change.

use std::sync::Arc;

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

use crate::charts::{draw_per_year, Theme, PER_YEAR_TITLE};
use crate::model::Dataset;
use crate::stats::claims_per_year;

const HEIGHT: u32 = 300;

fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

#[component]
pub fn PerYearChart(dataset: Arc<Dataset>, ids: Memo<Vec<u32>>, drawn: RwSignal<bool>) -> impl IntoView {
    let canvas_ref = NodeRef::<Canvas>::new();
    let summary = RwSignal::new(String::new());
    Effect::new(move |_| {
        let ids: Vec<usize> = ids.read().iter().map(|&i| i as usize).collect();
        let Some(canvas) = canvas_ref.get() else { return };
        let years = claims_per_year(&dataset, &ids);
        let width = canvas.parent_element().map_or(640, |p| p.client_width().max(280) as u32);
        canvas.set_width(width);
        canvas.set_height(HEIGHT);
        let theme = if prefers_dark() { Theme::DARK } else { Theme::LIGHT };
        if let Some(backend) = CanvasBackend::with_canvas_object(canvas) {
            let root = backend.into_drawing_area();
            if draw_per_year(&root, &years, &theme).is_ok() {
                drawn.set(true);
            }
        }
        summary.set(crate::stats::describe_per_year(&years));
    });

    view! {
        <figure class="chart" aria-labelledby="chart-years-title">
            <figcaption id="chart-years-title" class="visually-hidden">{PER_YEAR_TITLE}</figcaption>
            <canvas
                node_ref=canvas_ref
                data-testid="chart-years"
                role="img"
                aria-label=move || summary.get()
                height=HEIGHT
            ></canvas>
            <p class="chart-summary">{move || summary.get()}</p>
        </figure>
    }
}
