//! Turns: work that the page splits into tasks of its own, one after another, so that no task
//! holds the reader's input for long. Building the explorer for a dataset is about a thousand
//! elements; on a slow phone, in one task, that is a long freeze of the page (Lighthouse's
//! Total Blocking Time). In turns, each facet, each few cards, is a short task, and the
//! browser can answer the reader between them.
//!
//! A turn is a task posted to a `MessageChannel`, which runs as soon as the tasks before it
//! have (a timer would wait at least 4 ms once nested). The queue is first in, first out, so
//! the page's parts are built in the order in which the reader reads them.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::thread::LocalKey;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::listen::IN_BROWSER;

/// The longest stretch of work that the page does in one turn when it can choose (reading a
/// file, building the search index), in milliseconds: on a phone four times slower than this
/// machine, such a turn stays under the 50 ms of a long task.
pub const SLICE_MS: f64 = 10.0;

type Work = Box<dyn FnOnce()>;

/// The port that turns are posted to, and the handler of the messages that its other end
/// receives (kept, so that it stays alive).
type Channel = (web_sys::MessagePort, Closure<dyn FnMut()>);

thread_local! {
    static QUEUE: RefCell<VecDeque<Work>> = RefCell::default();
    /// Work the reader does not wait for, taken only when `QUEUE` is empty.
    static BACKGROUND: RefCell<VecDeque<Work>> = RefCell::default();
    static POSTED: Cell<bool> = const { Cell::new(false) };
    static CHANNEL: RefCell<Option<Channel>> = RefCell::default();
}

/// Runs `work` in a task of its own, after the work already queued. Natively (the baked
/// pages) there are no tasks: `work` runs at once.
pub fn in_turn(work: impl FnOnce() + 'static) {
    enqueue(&QUEUE, work);
}

/// Runs `work` in a turn of its own once no other work is queued: for work the reader does not
/// wait for (the search index), which must not hold back what the page shows.
pub fn in_background_turn(work: impl FnOnce() + 'static) {
    enqueue(&BACKGROUND, work);
}

fn enqueue(queue: &'static LocalKey<RefCell<VecDeque<Work>>>, work: impl FnOnce() + 'static) {
    if !IN_BROWSER {
        work();
        return;
    }
    queue.with_borrow_mut(|q| q.push_back(Box::new(work)));
    post();
}

/// The next work to do: the first queued, else the first in the background.
fn next_work() -> Option<Work> {
    QUEUE.with_borrow_mut(VecDeque::pop_front).or_else(|| BACKGROUND.with_borrow_mut(VecDeque::pop_front))
}

/// Whether work is waiting.
fn any_work() -> bool {
    QUEUE.with_borrow(|q| !q.is_empty()) || BACKGROUND.with_borrow(|q| !q.is_empty())
}

/// Resolves in a turn of its own, after the work already queued: for async work (reading a
/// file) that pauses to let the browser answer the reader.
pub async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        in_turn(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Asks for the next turn, unless one is asked for already.
fn post() {
    if POSTED.get() {
        return;
    }
    let posted = CHANNEL.with_borrow_mut(|channel| {
        if channel.is_none() {
            let Ok(pair) = web_sys::MessageChannel::new() else { return false };
            let on_message = Closure::<dyn FnMut()>::new(take_turn);
            pair.port1().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            *channel = Some((pair.port2(), on_message));
        }
        channel.as_ref().is_some_and(|(port, _)| port.post_message(&JsValue::NULL).is_ok())
    });
    if posted {
        POSTED.set(true);
    } else {
        // No channel: the rest runs now, in this task, rather than never.
        while let Some(work) = next_work() {
            work();
        }
    }
}

/// One turn: the first work queued; then the next turn, if work is left.
fn take_turn() {
    POSTED.set(false);
    if let Some(work) = next_work() {
        work();
    }
    if any_work() {
        post();
    }
}

/// The parts of the page still waiting for their turn, for the page's readiness: the page is
/// `ready` (and takes over from its baked copy) only once none is left. Provided by the app.
#[derive(Clone, Copy)]
pub struct Turns {
    waiting: RwSignal<usize>,
}

/// Whether the baked copy covers the page while it is built (`baking` on the root): then a
/// part built late moves nothing the reader sees.
fn covered() -> bool {
    IN_BROWSER
        && web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .is_some_and(|root| root.class_list().contains("baking"))
}

impl Turns {
    pub fn provide() -> Self {
        let turns = Turns { waiting: RwSignal::new(0) };
        provide_context(turns);
        turns
    }

    /// Whether no part waits for its turn (tracked).
    pub fn settled(self) -> bool {
        self.waiting.get() == 0
    }

    /// Counts a part as waiting until `done` is called; `done` may be called once.
    pub fn wait(self) -> impl FnOnce() + 'static {
        self.waiting.update(|n| *n += 1);
        move || {
            self.waiting.try_update(|n| *n = n.saturating_sub(1));
        }
    }

    /// `view`, built in a turn of its own (at once, when baked).
    /// (One function for every part: each part's view is made an `AnyView` first, so that
    /// the page's code holds this reactive view once, not once per kind of part.)
    pub fn later(self, view: Box<dyn Fn() -> AnyView + Send + Sync>) -> AnyView {
        let shown = RwSignal::new(!IN_BROWSER);
        if IN_BROWSER {
            let done = self.wait();
            in_turn(move || {
                shown.try_set(true);
                done();
            });
        }
        (move || shown.get().then(&view)).into_any()
    }
}

/// `view` in a turn of its own, counted by the app's `Turns` (the baked pages have none).
pub fn later<V>(view: impl Fn() -> V + Send + Sync + 'static) -> AnyView
where
    V: IntoView + 'static,
{
    let turns = use_context::<Turns>().unwrap_or(Turns { waiting: RwSignal::new(0) });
    turns.later(Box::new(move || view().into_any()))
}

/// `view` in a turn of its own while the baked copy covers the page, else at once: for a part
/// above others, which would push them down if it came late.
pub fn later_if_covered<V>(view: impl Fn() -> V + Send + Sync + 'static) -> AnyView
where
    V: IntoView + 'static,
{
    match use_context::<Turns>() {
        Some(turns) if covered() => turns.later(Box::new(move || view().into_any())),
        _ => view().into_any(),
    }
}

/// `view`, from the first time that no part of the page waits for its turn on (at once, when
/// baked): for what follows the parts built in turns and must not be moved by them.
pub fn after_start<V>(view: impl Fn() -> V + Send + Sync + 'static) -> AnyView
where
    V: IntoView + 'static,
{
    let turns = use_context::<Turns>();
    let started =
        Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || turns.is_none_or(|t| t.settled()));
    (move || started.get().then(|| view().into_any())).into_any()
}
