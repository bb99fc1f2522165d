//! A plotters backend whose text is measured by a canvas. In the page, plotters measures text by
//! adding a `<span>` with a `style` attribute to the document and reading its size: a forced
//! layout for every label, and an inline style that the page's Content-Security-Policy refuses
//! (SECURITY.md). A canvas's `measureText` gives the same box (the advance width, and the
//! font's ascent plus descent as the span's line box) without either. Everything else is the
//! wrapped backend's own drawing: plotters-canvas's on the page's canvases, plotters' SVG
//! backend for the SVG download.

use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// `B`, with its text measured by `context`.
pub struct Measured<B> {
    inner: B,
    context: CanvasRenderingContext2d,
}

/// The 2D context of `canvas`.
fn context_of(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into::<CanvasRenderingContext2d>().ok()
}

impl Measured<CanvasBackend> {
    /// plotters-canvas's backend for `canvas`; `None` if it gives no 2D context.
    pub fn on(canvas: &HtmlCanvasElement) -> Option<Self> {
        Some(Measured { context: context_of(canvas)?, inner: CanvasBackend::with_canvas_object(canvas.clone())? })
    }
}

impl<B: DrawingBackend> Measured<B> {
    /// `backend` (one that draws no canvas of the page), measured by a canvas of its own that
    /// is never shown; `None` outside a browser.
    pub fn off_page(backend: B) -> Option<Self> {
        let canvas = web_sys::window()?.document()?.create_element("canvas").ok()?.dyn_into().ok()?;
        Some(Measured { context: context_of(&canvas)?, inner: backend })
    }
}

type Failure<B> = DrawingErrorKind<<B as DrawingBackend>::ErrorType>;

impl<B: DrawingBackend> DrawingBackend for Measured<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), Failure<B>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), Failure<B>> {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Failure<B>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Failure<B>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure<B>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Failure<B>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure<B>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Failure<B>> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<(), Failure<B>> {
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), Failure<B>> {
        // The font as plotters-canvas sets it to draw the text.
        self.context.set_font(&format!("{} {}px {}", style.style().as_str(), style.size(), style.family().as_str()));
        let metrics = self
            .context
            .measure_text(text)
            .map_err(|e| DrawingErrorKind::FontError(Box::new(TextError(format!("{e:?}")))))?;
        let height = metrics.font_bounding_box_ascent() + metrics.font_bounding_box_descent();
        Ok((metrics.width().ceil() as u32, height.ceil() as u32))
    }
}

/// The canvas could not measure a text.
#[derive(Debug)]
struct TextError(String);

impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the canvas could not measure a text: {}", self.0)
    }
}

impl std::error::Error for TextError {}
