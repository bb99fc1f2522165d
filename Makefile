# Cyber Claims Explorer. The two commands a newcomer needs: `make serve` and `make test`.
# Each installs what it needs first (.ci/setup.sh: fast when everything is present).

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/.tools/node_modules/.bin:$(PATH)

# Budget of DESIGN §8: the shell (HTML+JS+WASM+CSS), gzipped, data excluded.
SHELL_BUDGET_BYTES := 153600

.PHONY: setup setup-browser build serve test test-native test-browser size schema check bench-data bench screenshot clean

setup:
	@.ci/setup.sh

setup-browser:
	@.ci/setup.sh browser

# The release wasm rebuilds std (rust-src, installed by .ci/setup.sh) so that a panic is an
# immediate abort: no panic messages or their formatting code in the page, about 21 KB less
# gzipped (std's own crates keep opt-level 3: .cargo/config.toml). Both are unstable
# cargo/rustc options, enabled on the stable toolchain for this build only (RUSTC_BOOTSTRAP).
# Without rust-src the wasm is built with the prebuilt std, and `make size` says so.
RUST_SRC := $(shell test -d "$$(rustc --print sysroot)/lib/rustlib/src/rust/library" && echo yes)
ifeq ($(RUST_SRC),yes)
WASM_STD := RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort"
endif

## build: release build into dist/ (wasm-opt -Oz), nothing downloaded
build: setup
	$(WASM_STD) trunk build --release

## serve: build and serve the app with the bundled dataset at http://127.0.0.1:8080
serve: setup
	$(WASM_STD) trunk serve --release

## test: native tests, release build, browser tests in headless Chromium, then the shell size (reported, not enforced)
test: export RUST_BACKTRACE := 0
test: setup-browser
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory build
	$(MAKE) --no-print-directory test-browser
	$(MAKE) --no-print-directory size

# Integration tests other than the browser ones (tests/*.rs except browser.rs).
NATIVE_TESTS := $(filter-out browser explorer charts_ui,$(basename $(notdir $(wildcard tests/*.rs))))

test-native:
	cargo test --locked --lib --bins $(foreach t,$(NATIVE_TESTS),--test $(t))
	# The benchmarks and the examples are not run by the tests, but they must keep compiling.
	cargo check --locked --benches --examples

## test-browser: the end-to-end tests against dist/ (fail, never skip, without Chromium)
test-browser:
	cargo test --locked --test browser --test explorer --test charts_ui

## size: gzipped size of each file of the shell (data excluded) and the total, against the budget
##       (SIZE_STRICT=1 makes an over-budget shell an error)
size:
	@test -f dist/index.html || { echo "dist/ is missing: run make build"; exit 1; }
	@total=0; printf '%-48s %10s %10s\n' file bytes gzipped; \
	while IFS= read -r f; do \
	  raw=$$(wc -c < "$$f"); gz=$$(gzip -9 -c "$$f" | wc -c); total=$$((total + gz)); \
	  printf '%-48s %10d %10d\n' "$${f#dist/}" "$$raw" "$$gz"; \
	done < <(find dist -type f ! -path 'dist/data/*' | sort); \
	printf '%-48s %10s %10d  (%d.%d KB; budget %d KB)\n' "shell total" "" "$$total" $$((total / 1024)) $$((total % 1024 * 10 / 1024)) $$(($(SHELL_BUDGET_BYTES) / 1024)); \
	if grep -q "panicked at" dist/*_bg.wasm; then \
	  echo "std: the prebuilt one, with panic messages (about 21 KB more; is rust-src installed?)"; \
	else echo "std: rebuilt, panics abort at once"; fi; \
	if [ "$$total" -gt $(SHELL_BUDGET_BYTES) ]; then \
	  echo "OVER BUDGET: the shell is $$(( (total - $(SHELL_BUDGET_BYTES)) / 1024 )) KB over its 150 KB budget (known; see ARCHITECTURE.md)"; \
	  [ -z "$(SIZE_STRICT)" ] || exit 1; \
	fi

## schema: regenerate public/data/claims.schema.json from the Rust types
schema:
	cargo run --locked --quiet --bin claims-check -- --schema > public/data/claims.schema.json

## check: run the data editor's checker on the bundled dataset (or DATA=path/to/file)
check:
	cargo run --locked --quiet --release --bin claims-check -- $(or $(DATA),public/data/claims.json)

## bench-data: deterministic synthetic datasets of 1k, 10k, 100k and 1M claims in bench-data/
##             (each made once; BENCH_SIZES to change)
BENCH_SIZES ?= 1000 10000 100000 1000000
bench-data: $(foreach n,$(BENCH_SIZES),bench-data/claims-$(n).json)

bench-data/claims-%.json:
	cargo run --locked --release --example generate -- bench-data $*

## bench: native benchmarks of the core (criterion) and the browser benchmark against a
##        plain-JS reference page; writes BENCHMARKS.md
bench: setup-browser bench-data/claims-10000.json bench-data/claims-100000.json build
	mkdir -p target
	cargo bench --locked --bench core -- --output-format bencher | tee target/bench-native.txt
	cargo run --locked --release --example memory -- bench-data/claims-100000.json | tee target/bench-memory.txt
	cargo bench --locked --bench browser

## screenshot: refresh the README's screenshots (docs/), taken by the project's own headless Chromium
screenshot: setup-browser build
	cargo test --locked --test browser screenshot_of_the_explorer
	cargo test --locked --test charts_ui screenshots_of_the_charts_and_an_embedded_chart
	mkdir -p docs
	cp target/screenshots/explorer.png docs/screenshot-explorer.png
	cp target/screenshots/charts.png docs/screenshot-charts.png
	cp target/screenshots/embed.png docs/screenshot-embed.png

clean:
	rm -rf dist target .tools
