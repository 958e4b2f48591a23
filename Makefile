# Draagkracht — the two commands: `make run` and `make test`. Both set up what is missing first.
#
# System packages come from apt (needs root or sudo); npm packages into ui/node_modules;
# tauri-driver with cargo install. One cargo target directory is reused between runs (also by CI,
# which clones afresh each time) and every crate is built with one feature set, so tauri is not
# rebuilt between `make run`, `make test` and the end-to-end tests.

SHELL := /bin/bash
export CARGO_TARGET_DIR ?= $(HOME)/.cache/draagkracht/target
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(PATH)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Build: WebKitGTK for the window. Tests: a virtual display, the WebKit WebDriver, and poppler's
# pdftotext to read reports back.
APT_BUILD := libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev file
APT_TEST := xvfb xauth webkit2gtk-driver strace poppler-utils postgresql

APP := $(CARGO_TARGET_DIR)/debug/draagkracht

# Packages: the Tauri bundler (the CLI from ui/node_modules) makes .deb and .rpm here; AppImage,
# Windows and macOS installers are made by .github/workflows/release.yml. The version is the
# workspace's, in Cargo.toml, and nowhere else.
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
BUNDLE := $(CARGO_TARGET_DIR)/release/bundle
DEB := $(BUNDLE)/deb/Draagkracht_$(VERSION)_amd64.deb
RPM := $(BUNDLE)/rpm/Draagkracht-$(VERSION)-1.x86_64.rpm
APT_PACKAGE := rpm appstream desktop-file-utils
# The licences of every crate and npm package in the build, shown offline in "Over Draagkracht".
LICENCES := ui/public/third-party-licences.json

.PHONY: run test bench package package-test setup setup-build setup-test ui build lint clean-data

run: setup-build build
	$(APP)

test: setup-build setup-test build lint
	cargo test --workspace --no-fail-fast
	npm --prefix ui test

bench: setup-build ui
	cargo build --release -p draagkracht -p draagkracht-cli
	cargo bench -p draagkracht-store --bench bulk_insert
	cargo bench -p draagkracht-api --bench signals
	cargo bench -p draagkracht-api --bench safety
	cargo bench -p draagkracht-api --bench import
	cargo bench -p draagkracht-api --bench reports
	cargo bench -p draagkracht-api --bench sharing
	cargo bench -p draagkracht-api --bench national
	cargo build --release --manifest-path benches/bare-window/Cargo.toml
	DRAAGKRACHT_APP=$(CARGO_TARGET_DIR)/release/draagkracht cargo test -p draagkracht-tests --test e2e start_figures -- --ignored --nocapture
	@printf 'release binary size: draagkracht %s bytes (%s MiB), draagkracht-cli %s bytes\n' \
		"$$(stat -c %s $(CARGO_TARGET_DIR)/release/draagkracht)" \
		"$$(awk "BEGIN { printf \"%.1f\", $$(stat -c %s $(CARGO_TARGET_DIR)/release/draagkracht) / 1048576 }")" \
		"$$(stat -c %s $(CARGO_TARGET_DIR)/release/draagkracht-cli)"

# Release packages for Linux, with the time it took.
package: setup-build $(LICENCES)
	@start=$$(date +%s); \
	(cd src-tauri && ../ui/node_modules/.bin/tauri build --bundles deb,rpm --ci) && \
	./packaging/repack-deb.sh $(DEB) && \
	printf 'make package: %s s\n' "$$(( $$(date +%s) - start ))"
	@ls -l $(DEB) $(RPM)

# The packages checked and the .deb installed, started under Xvfb and removed (needs root).
package-test: package setup-test
	@missing=$$(for p in $(APT_PACKAGE); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	$(SUDO) env PATH="$$PATH" CARGO_TARGET_DIR="$(CARGO_TARGET_DIR)" ./packaging/check-packages.sh $(VERSION) $(DEB) $(RPM)

setup: setup-build setup-test

setup-build:
	@missing=$$(for p in $(APT_BUILD); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@[ -d ui/node_modules ] && [ ui/node_modules/.package-lock.json -nt ui/package-lock.json ] || npm --prefix ui ci --no-audit --no-fund

setup-test:
	@missing=$$(for p in $(APT_TEST); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --locked
	@command -v cargo-deny >/dev/null || cargo install cargo-deny --locked

ui: $(LICENCES)
	npm --prefix ui run build

# Made again when a dependency changes: cargo-about reads the crates' own licence files (for this
# machine's target), packaging/licences.mjs adds the npm packages of the window and writes the JSON.
$(LICENCES): Cargo.lock ui/package-lock.json packaging/about.toml packaging/licences.mjs
	@command -v cargo-about >/dev/null || cargo install cargo-about --locked --features cli
	cargo about generate --format json -c packaging/about.toml -m src-tauri/Cargo.toml --locked --offline \
		--target $$(rustc -vV | sed -n 's/^host: //p') -o $(CARGO_TARGET_DIR)/cargo-about.json
	node packaging/licences.mjs $(CARGO_TARGET_DIR)/cargo-about.json $@

# The whole workspace, binaries and test targets, with the same feature set every time.
build: ui
	cargo build --workspace
	cargo test --workspace --no-run

lint:
	cargo fmt --all -- --check
	cargo deny check licenses bans sources
	npm --prefix ui run check
