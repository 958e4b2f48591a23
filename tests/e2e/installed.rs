//! The app as a coordinator gets it: installed from the .deb. Run by `make package-test` (as root,
//! after `apt-get install ./draagkracht_…deb`), with `DRAAGKRACHT_APP=/usr/bin/draagkracht`; ignored
//! otherwise, since it removes the package it tests. And the figures of a release build's start
//! (`make bench`).

use crate::harness::Session;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

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

    // A database from a newer Draagkracht is refused, said plainly, and left as it was. It lies in
    // the folder of the identifier before 0.2, which is used where it is.
    let newer = tempfile::tempdir().unwrap();
    let dir = newer.path().join("nl.draagkracht.app");
    std::fs::create_dir_all(&dir).unwrap();
    let newer_db = dir.join("draagkracht.sqlite");
    let conn = draagkracht_store::Connection::open(&newer_db).unwrap();
    conn.execute_batch("CREATE TABLE later (x); PRAGMA user_version = 999;").unwrap();
    drop(conn);
    let bytes = std::fs::read(&newer_db).unwrap();
    let s = Session::start_with("installed-newer", newer).await;
    s.wait_for_text("app-failure", "nieuwere versie van Draagkracht").await;
    s.screenshot("newer-database").await;
    s.assert_accessible("installed: a newer database").await;
    let newer = s.quit_keeping_data().await;
    let after = std::fs::read(newer.path().join("nl.draagkracht.app").join("draagkracht.sqlite")).unwrap();
    assert!(after == bytes, "the newer database is left untouched");

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

/// Cold start to the first screen with the demo branch (median of 5), and the idle memory of the
/// whole process tree (the app and WebKit's processes), each beside a bare Tauri window
/// (benches/bare-window) measured the same way. Figures, not a pass/fail: `make bench` runs it on
/// the release build and prints them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run by `make bench` on the release build"]
async fn start_figures() {
    let app = PathBuf::from(std::env::var("DRAAGKRACHT_APP").expect("DRAAGKRACHT_APP: the release binary"));
    let cli = app.with_file_name("draagkracht-cli");
    let demo = tempfile::tempdir().unwrap();
    let demo_db = demo.path().join("draagkracht.sqlite");
    let made = Command::new(&cli).args(["demo", "--db"]).arg(&demo_db).output().expect("draagkracht-cli demo");
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));

    // The baseline: a bare Tauri window (benches/bare-window), started and measured the same way.
    // The two take turns, so both meet the same state of the system's file cache (which decides how
    // many pages of the shared libraries a process maps at start); each figure is a median of 5.
    let bare = app.with_file_name("bare-window");
    assert!(bare.exists(), "{} missing: `make bench` builds benches/bare-window first", bare.display());
    let (mut starts, mut bare_starts) = (Vec::new(), Vec::new());
    let (mut memory, mut bare_memory) = (Vec::new(), Vec::new());
    for run in 0..5 {
        let last = run == 4;
        let home = tempfile::tempdir().unwrap();
        let dir = home.path().join("nl.draagkracht.desktop");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(&demo_db, dir.join("draagkracht.sqlite")).unwrap();
        let start = Instant::now();
        let s = Session::start_with("start", home).await;
        s.find("[data-testid='attention-row']").await;
        starts.push(start.elapsed());
        tokio::time::sleep(Duration::from_secs(5)).await;
        memory.push(tree_memory_mib(&app, last));
        if last {
            s.screenshot("demo-first-screen").await;
        }
        s.quit().await;

        let start = Instant::now();
        let s = Session::start_binary("bare", bare.clone(), tempfile::tempdir().unwrap()).await;
        s.find("[data-testid='bare']").await;
        bare_starts.push(start.elapsed());
        tokio::time::sleep(Duration::from_secs(5)).await;
        bare_memory.push(tree_memory_mib(&bare, last));
        s.quit().await;
    }
    starts.sort();
    bare_starts.sort();
    let median = starts[2];
    let (rss, pss) = medians(&memory);
    let (bare_rss, bare_pss) = medians(&bare_memory);
    let totals = |m: &[(f64, f64)]| m.iter().map(|(r, _)| format!("{r:.0}")).collect::<Vec<_>>().join(" ");
    eprintln!("[start] idle RSS of each run (MiB): app {}, bare window {}", totals(&memory), totals(&bare_memory));
    eprintln!(
        "[start] cold start to the demo's first screen (WebDriver session included): median {:.2} s of {:?}",
        median.as_secs_f64(),
        starts.iter().map(|d| format!("{:.2}", d.as_secs_f64())).collect::<Vec<_>>()
    );
    eprintln!("[start] a bare Tauri window, the same way: median {:.2} s", bare_starts[2].as_secs_f64());
    eprintln!(
        "[start] idle memory of the process tree, median of 5: {rss:.0} MiB RSS ({:.2} × a bare Tauri window's {bare_rss:.0}), {pss:.0} MiB PSS ({:.2} × {bare_pss:.0})",
        rss / bare_rss,
        pss / bare_pss
    );
}

/// The medians of RSS and of PSS over the runs.
fn medians(runs: &[(f64, f64)]) -> (f64, f64) {
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    (median(runs.iter().map(|r| r.0).collect()), median(runs.iter().map(|r| r.1).collect()))
}

/// RSS and PSS (MiB) of the running app and every process under it (WebKit's web and network
/// processes). `each`: also print each process's figures.
fn tree_memory_mib(app: &Path, each: bool) -> (f64, f64) {
    let procs: Vec<(u32, u32, String)> = std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let after = stat.rsplit_once(") ")?.1;
            let ppid = after.split_whitespace().nth(1)?.parse().ok()?;
            let exe =
                std::fs::read_link(format!("/proc/{pid}/exe")).map(|p| p.display().to_string()).unwrap_or_default();
            Some((pid, ppid, exe))
        })
        .collect();
    let root = procs.iter().find(|(_, _, exe)| Path::new(exe) == app).expect("the app's process").0;
    let mut tree = vec![root];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(procs.iter().filter(|(_, ppid, _)| *ppid == parent).map(|(pid, ..)| *pid));
        i += 1;
    }
    let kib = |pid: u32, file: &str, key: &str| -> f64 {
        std::fs::read_to_string(format!("/proc/{pid}/{file}"))
            .unwrap_or_default()
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    for &pid in tree.iter().filter(|_| each) {
        let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        eprintln!(
            "[start]   {:<18} {:>5.0} MiB RSS {:>5.0} MiB PSS",
            name.trim(),
            kib(pid, "status", "VmRSS:") / 1024.0,
            kib(pid, "smaps_rollup", "Pss:") / 1024.0
        );
    }
    let rss: f64 = tree.iter().map(|&p| kib(p, "status", "VmRSS:")).sum();
    let pss: f64 = tree.iter().map(|&p| kib(p, "smaps_rollup", "Pss:")).sum();
    (rss / 1024.0, pss / 1024.0)
}
