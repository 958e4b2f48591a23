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
        // Many entries on one day, on purpose: neither "identical" nor "a long day" may ask.
        input.confirm_duplicate = true;
        input.confirm_long_day = Some(true);
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

const SYNC_TEST_NAME: &str = "a_laptop_killed_while_applying_a_sync_loses_nothing";

/// The syncing laptop: one sync, then it says so.
fn sync_until_killed(db: &Path) {
    let mut app = Draagkracht::open_with(db, Some(key(db.parent().unwrap())), None).expect("open");
    let report = app.sync(chrono::Utc::now()).expect("sync");
    println!("synced {}", report.received_changes);
}

/// A laptop receives a large batch (a whole branch written while sharing) and is killed with
/// SIGKILL at random moments while it applies it: every time the database is sound and holds either
/// none or all of the batch (one transaction), and a sync after the last kill brings it level.
#[test]
fn a_laptop_killed_while_applying_a_sync_loses_nothing() {
    if let Some(db) = std::env::var_os("DRAAGKRACHT_SYNC_CRASH") {
        return sync_until_killed(&PathBuf::from(db));
    }
    let today = date(2026, 11, 28);
    let folder = tempfile::tempdir().unwrap();
    let a_dir = tempfile::tempdir().unwrap();
    let b_dir = tempfile::tempdir().unwrap();
    let (a_db, b_db) = (a_dir.path().join("a.sqlite"), b_dir.path().join("b.sqlite"));
    let mut a = Draagkracht::open_with(&a_db, Some(key(a_dir.path())), None).expect("create a");
    a.share_in_folder(folder.path(), "Laptop Anna", chrono::Utc::now()).unwrap();
    let code = a.invite(chrono::Utc::now()).unwrap().code;
    {
        let mut b = Draagkracht::open_with(&b_db, Some(key(b_dir.path())), None).expect("create b");
        b.join_from_folder(folder.path(), &code, "Laptop Bram", chrono::Utc::now(), |_, _| {}).unwrap();
    }
    // A whole (small) branch written while sharing: one large batch.
    let entries = a.write_demo(&draagkracht_api::DemoParams { volunteers: 40, years: 1, seed: 7, today }).unwrap();
    let sent = a.sync(chrono::Utc::now()).unwrap();
    assert!(sent.sent_changes > 5_000, "a large batch: {sent:?} ({entries} entries)");
    let hours = |db: &Path, dir: &Path| -> (String, i64) {
        let store = open_with(db, Opening { key: Some(&key(dir)), backups: None }).expect("reopen");
        let verdict: String = store.conn().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        let n: i64 = store.conn().query_row("SELECT count(*) FROM hour_entries", [], |r| r.get(0)).unwrap();
        (verdict, n)
    };
    let (_, all) = hours(&a_db, a_dir.path());
    let started = Instant::now();
    let mut killed_before_done = 0;
    // Ever later kills, 120 ms apart: the first land before or while the batch is applied, until
    // one lets the sync finish.
    for trial in 0..40 {
        let wait = Duration::from_millis(50 + 120 * trial as u64);
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", SYNC_TEST_NAME, "--nocapture", "--test-threads=1"])
            .env("DRAAGKRACHT_SYNC_CRASH", &b_db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the syncing laptop");
        std::thread::sleep(wait);
        let _ = child.kill();
        child.wait().unwrap();
        let finished =
            BufReader::new(child.stdout.take().unwrap()).lines().map_while(Result::ok).any(|l| l.starts_with("synced"));
        let (verdict, n) = hours(&b_db, b_dir.path());
        assert_eq!(verdict, "ok", "trial {trial}: sound after the kill");
        assert!(n == 0 || n == all, "trial {trial}: none or all of the batch, not {n} of {all}");
        if !finished && n == 0 {
            killed_before_done += 1;
        }
        if n == all {
            break;
        }
    }
    let mut b = Draagkracht::open_with(&b_db, Some(key(b_dir.path())), None).expect("open b");
    b.sync(chrono::Utc::now()).unwrap();
    let (verdict, n) = hours(&b_db, b_dir.path());
    assert_eq!((verdict.as_str(), n), ("ok", all), "level after the kills");
    println!(
        "{killed_before_done} kills before the batch was applied; then level in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(killed_before_done > 0, "at least one kill landed while applying");
}
