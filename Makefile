# Cyber Claims Explorer. The two commands a newcomer needs: `make serve` and `make test`.
# Each installs what it needs first (.ci/setup.sh: fast when everything is present).

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/.tools/node_modules/.bin:$(PATH)

# The shell's ceiling (CONTRACTS.md, Budgets): entry HTML + JS + wasm + CSS, gzipped; the data,
# embed.js (the host page's helper) and baked pages are not part of it.
SHELL_CEILING_BYTES := 409600

.PHONY: setup setup-browser build build-bench serve test test-native test-browser fuzz size schema check bench-data bench screenshot clean

setup:
	@.ci/setup.sh

setup-browser:
	@.ci/setup.sh browser

## build: release build into dist/ (wasm-opt -Oz), nothing downloaded
build: setup
	trunk build --release

## serve: build and serve the app with the bundled dataset at http://127.0.0.1:8080
serve: setup
	trunk serve --release

## build-bench: the release build with the benchmark's hooks (feature `bench`) into dist-bench/
build-bench: setup
	trunk build --release --features bench --dist dist-bench

## test: native tests (the toolchain's contract among them), release build, browser tests in headless
##       Chromium, then the shell's size against its ceiling
test: export RUST_BACKTRACE := 0
test: setup-browser
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory build
	$(MAKE) --no-print-directory test-browser
	$(MAKE) --no-print-directory size

# Integration tests other than the browser ones (tests/*.rs except browser.rs).
NATIVE_TESTS := $(filter-out browser explorer charts_ui baked trust accessibility,$(basename $(notdir $(wildcard tests/*.rs))))

test-native:
	cargo test --locked --lib --bins $(foreach t,$(NATIVE_TESTS),--test $(t))
	# The bundled dataset keeps the editor's rules (CONTRACTS.md, The editor's rules).
	cargo run --locked --quiet --bin claims-check -- --strict public/data/claims.json
	# The benchmarks and the examples are not run by the tests, but they must keep compiling.
	cargo check --locked --benches --examples

## fuzz: the JSON and CSV readers under FUZZ_CASES fuzzed cases in all (tests/fuzz.rs), built
##       with the optimised `fuzz` profile; `make test` runs a short run of the same harness
FUZZ_CASES ?= 1000000
fuzz:
	FUZZ_CASES=$(FUZZ_CASES) cargo test --locked --profile fuzz --test fuzz -- --test-threads 2

## test-browser: the end-to-end tests against dist/ (fail, never skip, without Chromium)
test-browser:
	cargo test --locked --test browser --test explorer --test charts_ui --test baked --test trust --test accessibility

## size: gzipped size of each file of the shell and the total; fails above the ceiling
SHELL_FILES = find dist -maxdepth 1 -type f \( -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' \) ! -name embed.js

# A file as the shell counts it: index.html without its baked view (the <div id="baked"> that
# runs to </body>), which is content, not shell.
define UNBAKED
unbaked() { if [ "$${1##*/}" = index.html ]; then perl -0pe 's/<div id="baked".*(?=<\/body>)//s' "$$1"; else cat "$$1"; fi; }
endef

size:
	@test -f dist/index.html || { echo "dist/ is missing: run make build"; exit 1; }
	@$(UNBAKED); total=0; printf '%-48s %10s %10s\n' file bytes gzipped; \
	while IFS= read -r f; do \
	  raw=$$(wc -c < "$$f"); gz=$$(unbaked "$$f" | gzip -9 -c | wc -c); total=$$((total + gz)); \
	  printf '%-48s %10d %10d\n' "$${f#dist/}" "$$raw" "$$gz"; \
	done < <($(SHELL_FILES) | sort); \
	printf '%-48s %10s %10d  (%d.%d KB; ceiling %d KB)\n' "shell total" "" "$$total" $$((total / 1024)) $$((total % 1024 * 10 / 1024)) $$(($(SHELL_CEILING_BYTES) / 1024)); \
	if [ "$$total" -gt $(SHELL_CEILING_BYTES) ]; then \
	  echo "OVER THE CEILING: the shell is $$(( (total - $(SHELL_CEILING_BYTES)) / 1024 )) KB over $$(($(SHELL_CEILING_BYTES) / 1024)) KB"; \
	  exit 1; \
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

bench-data/claims-%.json: examples/generate.rs
	cargo run --locked --release --example generate -- bench-data $*

## bench: native benchmarks of the core (criterion), Lighthouse on the release build, and the
##        browser benchmark against a plain-JS reference page; writes BENCHMARKS.md
bench: bench-data/claims-10000.json bench-data/claims-100000.json
	@.ci/setup.sh bench
	$(MAKE) --no-print-directory build
	$(MAKE) --no-print-directory build-bench
	mkdir -p target
	cargo bench --locked --bench core -- --output-format bencher | tee target/bench-native.txt
	cargo run --locked --release --example memory -- bench-data/claims-100000.json | tee target/bench-memory.txt
	cargo bench --locked --bench lighthouse
	CCE_DIST=dist-bench cargo bench --locked --bench browser

## screenshot: refresh the README's screenshots (docs/), taken by the project's own headless Chromium
screenshot: setup-browser build
	cargo test --locked --test browser screenshot_of_the_explorer
	cargo test --locked --test charts_ui screenshots_of_the_charts_and_an_embedded_chart
	mkdir -p docs
	cp target/screenshots/explorer.png docs/screenshot-explorer.png
	cp target/screenshots/explorer-zh.png docs/screenshot-explorer-zh.png
	cp target/screenshots/charts.png docs/screenshot-charts.png
	cp target/screenshots/embed.png docs/screenshot-embed.png

clean:
	rm -rf dist dist-bench target .tools
