//! Crash safety: a writer process logs hours one committed transaction at a time and reports each
//! commit on stdout; it is killed with SIGKILL at a random moment; then every reported commit must
//! be in the database and `integrity_check` must pass. Many times over, on an encrypted database.
//!
//! The writer is this same test binary, started again with `DRAAGKRACHT_CRASH_WRITER` set.

use draagkracht_api::wire::HourEntryId;
use draagkracht_api::Draagkracht;
use draagkracht_store::{hour_entries, open_with, DbKey, KdfParams, Opening};
use draagkracht_tests::{date, hours_input, volunteer_input};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TRIALS: usize = 100;
const TEST_NAME: &str = "every_committed_write_survives_a_kill";

/// Cheap key-derivation parameters: crash safety does not depend on the cost, and each trial
/// derives the key again.
fn key(dir: &Path) -> DbKey {
    let file = dir.join("params.json");
    let params: KdfParams = match std::fs::read_to_string(&file) {
        Ok(text) => serde_json::from_str(&text).expect("params"),
        Err(_) => {
            let p = KdfParams { memory_kib: 1024, iterations: 1, ..KdfParams::generate() };
            std::fs::write(&file, serde_json::to_string(&p).unwrap()).unwrap();
            p
        }
    };
    params.derive("crash test passphrase").expect("key")
}

/// The writer: logs hours until it is killed, printing each entry's id once its commit returned.
fn write_until_killed(db: &Path) {
    let today = date(2026, 11, 28);
    let mut app = Draagkracht::open_with(db, Some(key(db.parent().unwrap())), None).expect("open");
    let programme = app.programmes().unwrap()[0].id;
    let volunteer = app.volunteers(&Default::default(), today).unwrap()[0].id;
    let mut out = std::io::stdout().lock();
    for i in 0.. {
        let mut input = hours_input(volunteer, "28-11-2026", &format!("{}m", 5 + i % 50), programme, "support");
        input.confirm_duplicate = true;
        let entry = app.log_hours(&input, today).expect("log hours");
        writeln!(out, "committed {}", entry.id).unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn every_committed_write_survives_a_kill() {
    if let Some(db) = std::env::var_os("DRAAGKRACHT_CRASH_WRITER") {
        return write_until_killed(&PathBuf::from(db));
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.sqlite");
    {
        let mut app = Draagkracht::open_with(&db, Some(key(dir.path())), None).expect("create");
        let programme = app.programmes().unwrap()[0].id;
        app.create_volunteer(&volunteer_input("Anna", "active", vec![programme]), date(2026, 11, 28)).unwrap();
    }
    let started = Instant::now();
    let mut seed = started.elapsed().subsec_nanos() as u64 ^ 0x9E37_79B9_7F4A_7C15;
    let (mut committed, mut kills_mid_stream) = (0usize, 0usize);
    for trial in 0..TRIALS {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let wait = Duration::from_millis(40 + (seed >> 33) % 260);
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", TEST_NAME, "--nocapture", "--test-threads=1"])
            .env("DRAAGKRACHT_CRASH_WRITER", &db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the writer");
        std::thread::sleep(wait);
        child.kill().expect("SIGKILL the writer"); // SIGKILL on Unix
        child.wait().unwrap();
        let reported: Vec<HourEntryId> = BufReader::new(child.stdout.take().unwrap())
            .lines()
            .map_while(Result::ok)
            .filter_map(|line| line.strip_prefix("committed ").and_then(HourEntryId::parse))
            .collect();
        kills_mid_stream += usize::from(!reported.is_empty());

        let store =
            open_with(&db, Opening { key: Some(&key(dir.path())), backups: None }).expect("reopen after the kill");
        let verdict: String = store.conn().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(verdict, "ok", "trial {trial}: integrity after the kill");
        for id in &reported {
            assert!(
                hour_entries::get(store.conn(), *id).unwrap().is_some(),
                "trial {trial}: entry {id} was reported committed but is missing"
            );
        }
        committed += reported.len();
    }
    println!(
        "{TRIALS} kills ({kills_mid_stream} in the middle of writing), {committed} committed writes all present, in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(kills_mid_stream * 2 > TRIALS, "most kills must land while writing ({kills_mid_stream} of {TRIALS})");
}
