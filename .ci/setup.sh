#!/usr/bin/env bash
# Installs, idempotently, the tools the build and the tests need. Fast when all are present;
# says what it installs when not (those installs take minutes).
#   .ci/setup.sh           build tools: wasm32 target, Trunk, wasm-bindgen-cli, binaryen (wasm-opt)
#   .ci/setup.sh browser   also Debian's chromium + chromium-driver, for the browser tests, and
#                          OASIS's stix2 (PyPI) in .tools/stix/, which checks the STIX export, and
#                          axe-core (npm) in .tools/, which checks the pages' accessibility
#   .ci/setup.sh bench     also Lighthouse from npm into .tools/, for make bench
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
TERSER_VERSION=5.51.4
# Lighthouse 12.x: 13 needs a newer Node than these machines have. It drives Debian's Chromium
# (CHROME_PATH) and downloads no browser.
LIGHTHOUSE_VERSION=12.8.2
STIX2_VERSION=3.0.1
AXE_CORE_VERSION=4.14.1
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing Trunk $TRUNK_VERSION (cargo install; about 15 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must equal the wasm-bindgen version in Cargo.lock, or Trunk will not use it.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG_VERSION" ]; then
  say "installing wasm-bindgen-cli $WBG_VERSION (cargo install; about 7 minutes)"
  cargo install wasm-bindgen-cli --version "=$WBG_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "=$WBG_VERSION"
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION" \
  || [ "$(.tools/node_modules/.bin/terser --version 2>/dev/null)" != "terser $TERSER_VERSION" ]; then
  say "installing binaryen $BINARYEN_VERSION (wasm-opt) and terser $TERSER_VERSION from npm into .tools/"
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION" "terser@$TERSER_VERSION"
fi

if [ "${1:-}" = browser ] || [ "${1:-}" = bench ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! fc-list 2>/dev/null | grep -qi microhei; then
    say "installing Debian's chromium, chromium-driver and a CJK font (apt-get)"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei
  fi
fi

if [ "${1:-}" = browser ] || [ "${1:-}" = bench ]; then
  if [ "$(.tools/stix/bin/python -c 'import stix2; print(stix2.__version__)' 2>/dev/null)" != "$STIX2_VERSION" ]; then
    if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
      say "installing Debian's python3 and python3-venv (apt-get)"
      SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
      $SUDO apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3 python3-venv
    fi
    say "installing stix2 $STIX2_VERSION from PyPI into .tools/stix/"
    rm -rf .tools/stix
    python3 -m venv .tools/stix
    .tools/stix/bin/pip install --quiet --disable-pip-version-check "stix2==$STIX2_VERSION"
  fi
fi

if { [ "${1:-}" = browser ] || [ "${1:-}" = bench ]; } \
  && ! grep -q "\"version\": \"$AXE_CORE_VERSION\"" .tools/node_modules/axe-core/package.json 2>/dev/null; then
  say "installing axe-core $AXE_CORE_VERSION from npm into .tools/"
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --silent "axe-core@$AXE_CORE_VERSION"
fi

if [ "${1:-}" = bench ] && [ "$(.tools/node_modules/.bin/lighthouse --version 2>/dev/null)" != "$LIGHTHOUSE_VERSION" ]; then
  say "installing Lighthouse $LIGHTHOUSE_VERSION from npm into .tools/"
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION"
fi

# Trunk builds with --offline: every crate must already be in the local registry.
cargo fetch --locked >/dev/null 2>&1 || cargo fetch --locked
