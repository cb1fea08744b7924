# The two commands a newcomer needs (see README.md):
#   make serve   install what is missing, serve the app on http://127.0.0.1:8080
#   make test    install what is missing, run every test
# Each exits non-zero on any failure.

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

.PHONY: serve test bench setup-build setup-test test-format test-native test-wasm build-release test-e2e

serve: setup-build
	trunk serve --release --no-autoreload

test: setup-test test-format test-native test-wasm build-release test-e2e
	@echo "make test: every layer passed"

setup-build:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

# The code as rustfmt writes it (rustfmt.toml), so a change's diff is its
# own and not a reformatting.
test-format:
	cargo fmt --all --check

# The pure core: content model, validation, quiz engine, share links,
# progress. Property tests run with a bounded number of cases.
test-native:
	cargo test -p open-door-core

# Components in headless Chromium through chromedriver.
test-wasm:
	CHROMEDRIVER=/usr/bin/chromedriver \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	WASM_BINDGEN_TEST_TIMEOUT=180 \
	cargo test --target wasm32-unknown-unknown --test web

# The release build, with the network cut off where this machine allows it,
# which proves the build downloads nothing; then the same app built for a
# sub-path, as a project page on a static host is served (e2e/hosting.test.mjs
# walks it). The second build reuses the compiled wasm: cargo has nothing to
# do, and only wasm-split, wasm-bindgen, wasm-opt and the post-build step run
# again.
build-release:
	@if unshare -n true 2>/dev/null; then \
		echo "release build with no network (unshare -n)"; NO_NET="unshare -n"; \
	else \
		echo "release build (unshare -n not permitted here, so network not cut)"; NO_NET=""; \
	fi; \
	$$NO_NET trunk build --release && \
	$$NO_NET trunk build --release --public-url /open-door/ --dist dist-open-door

# End-to-end: Playwright drives /usr/bin/chromium against dist/ (and
# dist-open-door/ for the sub-path).
test-e2e:
	node --test --test-concurrency=1 e2e/

# Measures the release build and a SurveyJS baseline; prints a table, writes
# bench/latest.json and reports each budget as PASS or FAIL.
bench: setup-test
	trunk build --release
	node bench/bench.mjs
