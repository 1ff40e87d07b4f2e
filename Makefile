# Two commands for a fresh machine: `make run` and `make test`. Both install what is missing.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

CARGO_LEPTOS_VERSION := 0.3.10
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/"/, "", $$3); print $$3; exit}' Cargo.lock)
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test test-rust e2e lint bench tools node chromium build clean

## Build and start the server with the demo accounts on http://127.0.0.1:3000
run: tools build
	@mkdir -p data
	./target/debug/server --demo --dev --listen 127.0.0.1:3000 \
	  --database-url 'sqlite://data/settings.db?mode=rwc' --secret-key-file data/secret.key --site-root target/site

## Everything CI runs: format, lints, Rust tests (SQLite, and PostgreSQL when TEST_DATABASE_URL is set), Playwright.
test: tools node chromium lint test-rust build e2e

# cargo-leptos builds the server with these flags; using the same ones here lets the tests
# reuse its compiled dependencies instead of building everything twice.
DEV_RUSTFLAGS := --cfg erase_components

lint:
	cargo fmt --all --check
	RUSTFLAGS="$(DEV_RUSTFLAGS)" cargo clippy --all-targets -- -D warnings

# Every integration test runs its own server and database: allow them the file handles.
test-rust:
	ulimit -n 65536 2>/dev/null || ulimit -n 4096 2>/dev/null || true; \
	  RUSTFLAGS="$(DEV_RUSTFLAGS)" cargo test --workspace --exclude frontend

build:
	cargo leptos build

e2e: node chromium
	cd end2end && CHROMIUM_PATH=$(CHROMIUM) npx playwright test

## Release build, then throughput, bundle size and latency figures.
bench: tools
	@command -v wasm-opt >/dev/null || npm install --global --no-audit --no-fund binaryen
	cargo leptos build --release
	cargo run --release -p server --bin bench

tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@command -v rustfmt >/dev/null || rustup component add rustfmt
	@command -v cargo-clippy >/dev/null || rustup component add clippy
	@[ "$$(cargo leptos --version 2>/dev/null)" = "cargo-leptos $(CARGO_LEPTOS_VERSION)" ] || \
	  cargo install cargo-leptos --version $(CARGO_LEPTOS_VERSION) --locked
	@[ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] || \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

node: end2end/node_modules/.package-lock.json

end2end/node_modules/.package-lock.json: end2end/package.json end2end/package-lock.json
	cd end2end && npm ci --no-audit --no-fund

chromium:
	@[ -x $(CHROMIUM) ] || ($(SUDO) apt-get update && $(SUDO) apt-get install -y chromium)

clean:
	cargo clean
	rm -rf end2end/node_modules end2end/.data data
