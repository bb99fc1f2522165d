//! Mounts the app. Built for `wasm32-unknown-unknown` by Trunk.

#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic in the page prints its message and location to the console.
    console_error_panic_hook::set_once();
    cyber_claims_explorer::ui::start();
}

/// The benchmark's profile: each phase's total milliseconds and runs since the last reset.
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn phase_times() -> String {
    cyber_claims_explorer::ui::timing::report()
}

#[cfg(all(target_arch = "wasm32", feature = "bench"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn reset_phase_times() {
    cyber_claims_explorer::ui::timing::reset();
}

/// The bytes of the wasm memory: its high-water mark, since it never shrinks.
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    cyber_claims_explorer::ui::timing::wasm_memory_bytes()
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the browser app; build and serve it with `make serve`.");
    std::process::exit(2);
}
