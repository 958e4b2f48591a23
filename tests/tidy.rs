//! Tidiness rules the compiler does not check: every Rust file says what it is in a `//!`
//! paragraph, and only the store names rusqlite and only the shell names tauri (the dependency
//! direction core ← store ← api ← shell/CLI of ARCHITECTURE.md).

use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo test"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if !matches!(name.to_str(), Some("target" | "node_modules" | "gen" | ".git")) {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_rust_file_opens_with_a_module_paragraph() {
    let mut files = Vec::new();
    for dir in ["src-tauri", "tests"] {
        rust_files(&workspace().join(dir), &mut files);
    }
    assert!(files.len() > 20, "found only {} files", files.len());
    let missing: Vec<_> = files
        .iter()
        .filter(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            !text.lines().take(3).any(|l| l.starts_with("//!"))
        })
        .map(|f| f.strip_prefix(workspace()).unwrap_or(f).display().to_string())
        .collect();
    assert!(missing.is_empty(), "these files lack a //! paragraph saying what they are: {missing:#?}");
}

#[test]
fn only_the_store_names_sqlite_and_only_the_shell_names_tauri() {
    let manifest =
        |crate_dir: &str| std::fs::read_to_string(workspace().join(crate_dir).join("Cargo.toml")).expect("manifest");
    for pure in ["src-tauri/crates/core", "src-tauri/crates/demo"] {
        let m = manifest(pure);
        assert!(!m.contains("rusqlite") && !m.contains("tauri ="), "{pure} must stay pure");
    }
    for c in ["src-tauri/crates/api", "src-tauri/crates/cli"] {
        let m = manifest(c);
        assert!(!m.contains("rusqlite"), "{c} must reach SQLite only through the store");
        assert!(!m.contains("tauri"), "{c} must not depend on tauri");
    }
    assert!(!manifest("src-tauri").contains("draagkracht-store"), "the shell goes through the api");
    // The organisation's server is reached only through its own crate (deadlines, TLS, tokens).
    for c in
        ["src-tauri/crates/core", "src-tauri/crates/store", "src-tauri/crates/api", "src-tauri/crates/cli", "src-tauri"]
    {
        assert!(!manifest(c).contains("tokio-postgres"), "{c} must reach PostgreSQL only through draagkracht-server");
    }
    let server = manifest("src-tauri/crates/server");
    for forbidden in ["rusqlite", "draagkracht-store", "draagkracht-api", "tauri ="] {
        assert!(!server.contains(forbidden), "the server crate moves sealed bytes only: no {forbidden}");
    }
    // The report renderer lays out a finished document: it never sees the database, so it cannot
    // put into a report anything the document builder left out.
    let report = manifest("src-tauri/crates/report");
    for forbidden in ["rusqlite", "draagkracht-store", "draagkracht-api", "tauri ="] {
        assert!(!report.contains(forbidden), "the report renderer must not depend on {forbidden}");
    }
}

/// Tests find the repository's files through `CARGO_MANIFEST_DIR` read at run time, never through
/// `env!`: a test binary cargo reuses from another checkout sharing the target directory (the stop
/// check builds one) would otherwise look in that checkout.
#[test]
fn tests_read_the_manifest_dir_at_run_time() {
    let mut files = Vec::new();
    for dir in ["src-tauri", "tests"] {
        rust_files(&workspace().join(dir), &mut files);
    }
    let needle = concat!("env!(", "\"CARGO_MANIFEST_DIR\")");
    let found: Vec<_> = files
        .iter()
        .filter(|f| std::fs::read_to_string(f).unwrap_or_default().contains(needle))
        .map(|f| f.strip_prefix(workspace()).unwrap_or(f).display().to_string())
        .collect();
    assert!(found.is_empty(), "use std::env::var_os(\"CARGO_MANIFEST_DIR\") in: {found:#?}");
}

/// The shell's commands, three times: registered in main.rs, given permissions in build.rs, allowed
/// in the capability. A command missing from one of them would either fail in the window or be
/// callable without being named.
#[test]
fn every_command_is_registered_permitted_and_named_in_the_capability() {
    let shell = workspace().join("src-tauri");
    let read = |p: &str| std::fs::read_to_string(shell.join(p)).expect(p);
    let main = read("src/main.rs");
    let mut registered: Vec<String> = main
        .lines()
        .filter_map(|l| l.trim().strip_prefix("commands::"))
        .filter_map(|l| l.trim_end_matches(',').rsplit("::").next().map(String::from))
        .collect();
    let build = read("build.rs");
    let list = &build[build.find("const COMMANDS").expect("COMMANDS in build.rs")..];
    let list = &list[..list.find("];").expect("end of COMMANDS")];
    let mut permitted: Vec<String> = list.split('"').skip(1).step_by(2).map(String::from).collect();
    let capability: serde_json::Value = serde_json::from_str(&read("capabilities/default.json")).expect("json");
    let mut allowed: Vec<String> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| p.as_str().expect("a named permission"))
        .filter(|p| !p.contains(':')) // a plugin's permission, such as dialog:allow-save
        .map(|p| p.strip_prefix("allow-").expect("allow-…").replace('-', "_"))
        .collect();
    for list in [&mut registered, &mut permitted, &mut allowed] {
        list.sort();
    }
    assert!(registered.len() > 40, "found the commands in main.rs: {registered:?}");
    assert_eq!(registered, permitted, "main.rs and build.rs");
    assert_eq!(registered, allowed, "main.rs and capabilities/default.json");
}
