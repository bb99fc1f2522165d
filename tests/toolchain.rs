//! The toolchain contract: the project builds on stable Rust, with no unstable flag anywhere in
//! its build, and the `rust-version` it declares is true for every crate it depends on.

use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// "1.89" or "1.89.0" as comparable numbers.
fn version(text: &str) -> Vec<u32> {
    let mut v: Vec<u32> =
        text.split('.').map(|p| p.parse().unwrap_or_else(|_| panic!("not a version: {text}"))).collect();
    v.resize(3, 0);
    v
}

#[test]
fn rust_version_is_at_least_every_dependency_s() {
    let ours = env!("CARGO_PKG_RUST_VERSION");
    assert!(!ours.is_empty(), "Cargo.toml declares a rust-version");
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .current_dir(root())
        .output()
        .expect("run cargo metadata");
    assert!(out.status.success(), "cargo metadata: {}", String::from_utf8_lossy(&out.stderr));
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("cargo metadata's JSON");
    let packages = meta["packages"].as_array().expect("packages");
    assert!(packages.len() > 100, "cargo metadata lists every crate of Cargo.lock");
    let needs: Vec<(Vec<u32>, String)> = packages
        .iter()
        .filter_map(|p| {
            let v = p["rust_version"].as_str()?;
            Some((version(v), format!("{} {} needs Rust {v}", p["name"].as_str()?, p["version"].as_str()?)))
        })
        .filter(|(v, _)| *v > version(ours))
        .collect();
    assert!(needs.is_empty(), "Cargo.toml's rust-version {ours} is too low: {needs:?}");
}

#[test]
fn the_build_uses_no_unstable_option() {
    let files = ["Makefile", "Trunk.toml", "Cargo.toml", "index.html", ".cargo/config.toml"];
    let mut found = Vec::new();
    let scripts = std::fs::read_dir(root().join(".ci")).expect(".ci/").map(|e| e.expect("an entry").path());
    for file in files.iter().map(|f| root().join(f)).chain(scripts) {
        let Ok(text) = std::fs::read_to_string(&file) else { continue };
        for (n, line) in text.lines().enumerate() {
            let code = line.split('#').next().unwrap_or("");
            for word in [
                "RUSTC_BOOTSTRAP",
                "build-std",
                "BUILD_STD",
                "nightly",
                "immediate-abort",
                "-Zunstable",
                "unstable-options",
            ] {
                if code.contains(word) {
                    found.push(format!("{}:{}: {word}", file.display(), n + 1));
                }
            }
            if code.split_whitespace().any(|w| w.trim_matches(['"', '\'', ',', '[', ']']).starts_with("-Z")) {
                found.push(format!("{}:{}: a -Z flag", file.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "unstable options in the build: {found:?}");
    let toolchain = root().join("rust-toolchain.toml");
    if let Ok(text) = std::fs::read_to_string(&toolchain) {
        assert!(!text.contains("nightly"), "rust-toolchain.toml asks for nightly");
    }
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_core_uses_no_browser_or_ui_crate() {
    // The browser crates compile natively too (the baked pages), so the compiler no longer
    // keeps them out of the core: this test does.
    let mut files = vec![
        root().join("src/url_state.rs"),
        root().join("src/data_sources.rs"),
        root().join("src/editorial.rs"),
        root().join("src/sort.rs"),
    ];
    for dir in ["model", "ingest", "query", "stats", "charts", "export", "i18n"] {
        rust_files(&root().join("src").join(dir), &mut files);
    }
    assert!(files.len() > 10, "the core's files were found");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for name in ["leptos", "web_sys", "wasm_bindgen", "js_sys", "gloo_net", "plotters_canvas"] {
            assert!(!text.contains(name), "{} uses {name}: the core has no browser types", file.display());
        }
    }
}
