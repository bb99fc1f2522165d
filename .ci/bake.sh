#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): bakes the bundled dataset's default view into the
# staged index.html (src/bin/bake.rs; ARCHITECTURE.md, Baked pages). Built natively, in the
# dev profile that the native tests share.
set -euo pipefail
cargo run --locked --quiet --bin bake -- "$TRUNK_STAGING_DIR"
