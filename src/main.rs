//! Mounts the app. Built for `wasm32-unknown-unknown` by Trunk.

#[cfg(target_arch = "wasm32")]
fn main() {
    // Panic messages in the console. The release build's std aborts at a panic before any
    // hook runs (Makefile, WASM_STD), so there the hook would be dead weight.
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(cyber_claims_explorer::ui::App);
}

/// The benchmark's profile: each phase's total milliseconds and runs since the last reset.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn phase_times() -> String {
    cyber_claims_explorer::ui::timing::report()
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn reset_phase_times() {
    cyber_claims_explorer::ui::timing::reset();
}

/// The bytes of the wasm memory: its high-water mark, since it never shrinks.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    f64::from(memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length())
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the browser app; build and serve it with `make serve`.");
    std::process::exit(2);
}
