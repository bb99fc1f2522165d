#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): in release builds, minifies wasm-bindgen's JavaScript
# glue with terser (installed into .tools/ by .ci/setup.sh), which Trunk's own minifier
# leaves as it is. About 2 KB less to download, gzipped.
set -euo pipefail
[ "${TRUNK_PROFILE:-}" = release ] || exit 0
terser=.tools/node_modules/.bin/terser
[ -x "$terser" ] || { echo "minify-js: $terser is missing; run make setup" >&2; exit 1; }
for f in "$TRUNK_STAGING_DIR"/cyber-claims-explorer-*.js; do
  "$terser" "$f" --module --compress --mangle --output "$f"
done
