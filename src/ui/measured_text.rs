//! A plotters backend whose text is measured by a canvas. In the page, plotters measures text by
//! adding a `<span>` with a `style` attribute to the document and reading its size: a forced
//! layout for every label, and an inline style that the page's Content-Security-Policy refuses
//! (SECURITY.md). A canvas's `measureText` gives the same box (the advance width, and the
//! font's ascent plus descent as the span's line box) without either. The measuring canvas is
//! one that is never in the document: setting the font of a canvas in the document lays the
//! page out first, if anything changed since its last layout, and a keystroke's new results
//! change much. Everything else is the wrapped backend's own drawing: plotters-canvas's on the
//! page's canvases, plotters' SVG backend for the SVG download — both behind one type
//! (`Surface`).

use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Where the page draws a chart: one of its canvases, or an SVG document (the download). One
/// type for both, so that the drawing code (`charts::draw` and plotters' layout under it) is
/// compiled once for the page, not once per backend.
pub enum Surface<'a> {
    Canvas(CanvasBackend),
    Svg(SVGBackend<'a>),
}

/// A surface, with its text measured by `measurer`.
pub struct Measured<'a> {
    inner: Surface<'a>,
    measurer: CanvasRenderingContext2d,
}

thread_local! {
    /// The page's measuring canvas, made at the first chart; `None` outside a browser.
    static MEASURER: Option<CanvasRenderingContext2d> = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
        .and_then(|c| c.get_context("2d").ok().flatten())
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
}

/// The measuring canvas's 2D context.
fn measurer() -> Option<CanvasRenderingContext2d> {
    MEASURER.with(Clone::clone)
}

impl Measured<'static> {
    /// plotters-canvas's backend for `canvas`; `None` if it gives no 2D context.
    pub fn on(canvas: &HtmlCanvasElement) -> Option<Self> {
        let inner = Surface::Canvas(CanvasBackend::with_canvas_object(canvas.clone())?);
        Some(Measured { measurer: measurer()?, inner })
    }
}

impl<'a> Measured<'a> {
    /// plotters' SVG backend writing into `svg`; `None` outside a browser.
    pub fn svg(svg: &'a mut String, size: (u32, u32)) -> Option<Self> {
        Some(Measured { measurer: measurer()?, inner: Surface::Svg(SVGBackend::with_string(svg, size)) })
    }
}

/// What went wrong on either surface, as its backend said it.
#[derive(Debug)]
pub struct SurfaceError(String);

impl std::fmt::Display for SurfaceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SurfaceError {}

type Failure = DrawingErrorKind<SurfaceError>;

/// A backend's result as a surface's.
fn lift<T, E: std::error::Error + Send + Sync>(result: Result<T, DrawingErrorKind<E>>) -> Result<T, Failure> {
    result.map_err(|e| match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(SurfaceError(e.to_string())),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    })
}

/// Calls the same method of whichever backend the surface is.
macro_rules! on_surface {
    ($surface:expr, $backend:ident => $call:expr) => {
        match $surface {
            Surface::Canvas($backend) => lift($call),
            Surface::Svg($backend) => lift($call),
        }
    };
}

impl DrawingBackend for Measured<'_> {
    type ErrorType = SurfaceError;

    fn get_size(&self) -> (u32, u32) {
        match &self.inner {
            Surface::Canvas(b) => b.get_size(),
            Surface::Svg(b) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Result<(), Failure> {
        on_surface!(&mut self.inner, b => b.ensure_prepared())
    }

    fn present(&mut self) -> Result<(), Failure> {
        on_surface!(&mut self.inner, b => b.present())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Failure> {
        on_surface!(&mut self.inner, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), Failure> {
        on_surface!(&mut self.inner, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        on_surface!(&mut self.inner, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Failure> {
        on_surface!(&mut self.inner, b => b.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        on_surface!(&mut self.inner, b => b.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Failure> {
        on_surface!(&mut self.inner, b => b.fill_polygon(vert, style))
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<(), Failure> {
        on_surface!(&mut self.inner, b => b.draw_text(text, style, pos))
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), Failure> {
        // The font as plotters-canvas sets it to draw the text.
        self.measurer.set_font(&format!("{} {}px {}", style.style().as_str(), style.size(), style.family().as_str()));
        let metrics = self
            .measurer
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
