//! Tidiness rules the compiler does not check: every Rust file says what it is in a `//!`
//! paragraph, and only the store names rusqlite and only the shell names tauri (the dependency
//! direction core ← store ← api ← shell/CLI of ARCHITECTURE.md).

use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root").to_path_buf()
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
}
