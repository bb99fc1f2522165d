//! Mounts the app. Built for `wasm32-unknown-unknown` by Trunk.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(cyber_claims_explorer::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the browser app; build and serve it with `make serve`.");
    std::process::exit(2);
}
