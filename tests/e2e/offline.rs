//! The app makes no network connections: it runs under `strace`, every process it starts followed,
//! through a first start in a real window; not one `connect` may reach an internet address (the
//! X server and the app's own IPC are Unix sockets; loopback would be allowed, and is not used).

use crate::harness::{app_binary, display, ONE_AT_A_TIME};
use std::process::{Command, Stdio};

#[test]
fn the_app_connects_to_nothing_but_local_sockets() {
    // One app at a time, as in the flows: two instances side by side would meet the single-instance
    // plugin wherever a session bus exists.
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    let data = tempfile::tempdir().expect("temp dir");
    let log = data.path().join("connect.log");
    let (display, _guard) = display();
    let status = Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=connect", "-o"])
        .arg(&log)
        .args(["timeout", "-s", "TERM", "10"])
        .arg(app_binary())
        .env("DISPLAY", &display)
        .env("XDG_DATA_HOME", data.path())
        .env("XDG_CONFIG_HOME", data.path().join("config"))
        .env("XDG_CACHE_HOME", data.path().join("cache"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("strace must be installed (apt install strace)");
    assert!(status.code().is_some(), "the app ran under strace");
    let trace = std::fs::read_to_string(&log).expect("the strace log");
    let connects: Vec<&str> = trace.lines().filter(|l| l.contains("connect(")).collect();
    assert!(connects.iter().any(|l| l.contains("AF_UNIX")), "tracing saw the X connection: {trace}");
    let outward: Vec<&&str> = connects
        .iter()
        .filter(|l| l.contains("AF_INET"))
        .filter(|l| !(l.contains("\"127.0.0.1\"") || l.contains("\"::1\"")))
        .collect();
    assert!(outward.is_empty(), "network connections: {outward:#?}");
    // The first start painted its screen: the database folder exists and no database was made yet.
    assert!(data.path().join("nl.draagkracht.desktop").exists(), "the app started");
}
