//! End-to-end tests: the real app binary in a real window, driven through tauri-driver and
//! WebKitWebDriver under Xvfb. Each test gets a fresh data directory (a new database), saves a
//! screenshot of every step under `target/e2e-screenshots/`, and runs axe-core on every screen it
//! visits, failing on serious or critical WCAG 2.1 AA findings.
//!
//! Needs the shell built first (`cargo build --workspace`; `make test` does it), `tauri-driver` and
//! `WebKitWebDriver` (package webkit2gtk-driver) on PATH, and Xvfb when there is no display.

mod flows;
mod harness;
mod installed;
mod national;
mod offline;
mod sharing;
