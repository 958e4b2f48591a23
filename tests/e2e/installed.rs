//! The app as a coordinator gets it: installed from the .deb. Run by `make package-test` (as root,
//! after `apt-get install ./draagkracht_…deb`), with `DRAAGKRACHT_APP=/usr/bin/draagkracht`; ignored
//! otherwise, since it removes the package it tests.

use crate::harness::Session;
use std::path::Path;
use std::process::Command;

/// The installed binary reaches the first-start screen, makes a database, and removing the package
/// leaves that database alone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "installs and removes a system package: run by `make package-test`"]
async fn the_installed_package_starts_and_its_removal_keeps_the_data() {
    let app = std::env::var("DRAAGKRACHT_APP").expect("DRAAGKRACHT_APP: the installed binary");
    assert_eq!(app, "/usr/bin/draagkracht", "this test is about the installed package");
    let version = Command::new(&app).arg("--version").output().expect("draagkracht --version");
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("Draagkracht {}", env!("CARGO_PKG_VERSION")),
        "the package carries the workspace version"
    );

    let s = Session::start("installed").await;
    s.by_test_id("protect-submit").await;
    s.screenshot("first-start").await;
    s.assert_accessible("installed: first start").await;
    s.click("protect-skip").await;
    s.click("setup-empty").await;
    s.find("[data-testid='attention-count'], [data-testid='attention-empty']").await;
    s.screenshot("started").await;
    let data = s.quit_keeping_data().await;
    let databases = databases_in(data.path());
    assert!(!databases.is_empty(), "the app made its database under {}", data.path().display());

    let removed =
        Command::new("apt-get").args(["remove", "-y", "-qq", "draagkracht"]).status().expect("apt-get remove");
    assert!(removed.success(), "the package is removed");
    assert!(!Path::new(&app).exists(), "{app} went with the package");
    for db in &databases {
        assert!(db.exists(), "{} stays after the package is removed", db.display());
    }
}

/// The database files under a data directory (`*.sqlite`).
fn databases_in(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return found };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(databases_in(&path));
        } else if path.extension().is_some_and(|e| e == "sqlite") {
            found.push(path);
        }
    }
    found
}
