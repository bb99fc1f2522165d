#!/usr/bin/env bash
# Trunk's one post_build hook (Trunk.toml). Trunk runs the hooks of a stage side by side, and
# these steps must run in order, each on what the one before wrote:
#  1. in release builds, minify wasm-bindgen's JavaScript glue with terser (installed into
#     .tools/ by .ci/setup.sh), which Trunk's own minifier leaves as it is;
#  2. bake the bundled dataset's default view into index.html, a page per claim and per chart
#     (src/bin/bake.rs; ARCHITECTURE.md, Baked pages), and, last, give every page its
#     Content-Security-Policy, which allows its inline scripts by their hashes: nothing may
#     change a page after that (SECURITY.md).
# bake is built natively, in the dev profile that the native tests share.
set -euo pipefail
if [ "${TRUNK_PROFILE:-}" = release ]; then
  terser=.tools/node_modules/.bin/terser
  [ -x "$terser" ] || { echo "post-build: $terser is missing; run make setup" >&2; exit 1; }
  for f in "$TRUNK_STAGING_DIR"/cyber-claims-explorer-*.js; do
    "$terser" "$f" --module --compress --mangle --output "$f"
  done
fi
cargo run --locked --quiet --bin bake -- "$TRUNK_STAGING_DIR"
