//! Benchmark: sharing a branch between laptops through a shared folder (issue 13's figures).
//!
//! - Saving one hour entry with the capture on, against the same without (median of alternating
//!   rounds; target: at most 1 ms more).
//! - A week of a 250-volunteer branch's changes (~2,000 fields) pushed, pulled and applied
//!   (target ≤ 1 s).
//! - One day of national-scale changes (20,000 fields) applied on another laptop (target ≤ 3 s).
//! - The first join of the demo branch (~100,000 records) from its snapshot, decryption included
//!   (target ≤ 30 s).
//!
//! Through a shared folder first, then through a throw-away PostgreSQL cluster on loopback.

mod common;

use chrono::Utc;
use draagkracht_api::wire::{HourEntryInput, VolunteerFilter};
use draagkracht_api::Draagkracht;
use std::path::Path;
use std::time::{Duration, Instant};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// A copy of the demo branch at `path`.
fn branch_copy(path: &Path) -> Draagkracht {
    std::fs::copy(common::demo_set("branch", 250), path).expect("copy the branch");
    Draagkracht::open(path).expect("open")
}

/// Logs `n` hour entries spread over the branch's volunteers, each its own save.
fn log_entries(app: &mut Draagkracht, n: usize, offset: usize) -> Vec<Duration> {
    let today = common::today();
    let people = app.volunteers(&VolunteerFilter::default(), today).expect("volunteers");
    let programme = app.programmes().expect("programmes")[0].id;
    (0..n)
        .map(|i| {
            let v = &people[(i + offset) % people.len()];
            let input = HourEntryInput {
                volunteer_id: Some(v.id),
                date: format!("{:02}-11-2026", 1 + (i + offset) % 27),
                duration: format!("{}", 1 + i % 3),
                programme_id: Some(programme),
                kind: "meeting".into(),
                note: format!("bench {offset} {i}"),
                match_id: None,
                activity_id: None,
                confirm_duplicate: true,
                confirm_long_day: None,
            };
            let t = Instant::now();
            app.log_hours(&input, today).expect("log hours");
            t.elapsed()
        })
        .collect()
}

/// The week and the national day again, through the organisation's PostgreSQL server on loopback
/// (a throw-away cluster).
fn through_the_server(dir: &Path) {
    let cluster = draagkracht_server::testing::TestCluster::new();
    let mut a = branch_copy(&dir.join("server-a.sqlite"));
    a.share(&cluster.url(), "Laptop A", Utc::now()).expect("share on the server");
    let code = a.invite(Utc::now()).expect("invite").code;
    let mut b = Draagkracht::open(&dir.join("server-b.sqlite")).expect("open b");
    let t = Instant::now();
    let report = b.join(&cluster.url(), &code, "Laptop B", Utc::now(), |_, _| {}).expect("join");
    println!(
        "  first join (server):  {} records from the snapshot in {:.2} s (target <= 30 s)",
        report.records,
        t.elapsed().as_secs_f64()
    );
    a.sync(Utc::now()).expect("sync a");
    log_entries(&mut a, 170, 5_000);
    let t = Instant::now();
    let pushed = a.sync(Utc::now()).expect("push");
    let pulled = b.sync(Utc::now()).expect("pull");
    println!(
        "  a week (server):      {} fields pushed, {} pulled and applied in {:.0} ms (target <= 1000 ms)",
        pushed.sent_changes,
        pulled.received_changes,
        ms(t.elapsed())
    );
    log_entries(&mut a, 1_820, 10_000);
    a.sync(Utc::now()).expect("push");
    let t = Instant::now();
    let pulled = b.sync(Utc::now()).expect("pull");
    println!(
        "  a national day (server): {} fields applied in {:.0} ms (target <= 3000 ms)",
        pulled.received_changes,
        ms(t.elapsed())
    );
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("shared");
    std::fs::create_dir_all(&folder).expect("folder");

    // Capture cost: the same saves on a branch that shares and one that does not, in turns.
    let mut plain = branch_copy(&dir.path().join("plain.sqlite"));
    let mut shared = branch_copy(&dir.path().join("a.sqlite"));
    shared.share_in_folder(&folder, "Laptop A", Utc::now()).expect("share");
    log_entries(&mut plain, 20, 0);
    log_entries(&mut shared, 20, 0);
    let (mut without, mut with) = (vec![], vec![]);
    for round in 0..10 {
        without.extend(log_entries(&mut plain, 30, 100 + round * 30));
        with.extend(log_entries(&mut shared, 30, 100 + round * 30));
    }
    let (without, with) = (median(without), median(with));
    println!("sharing a branch (shared folder, demo branch of 250 volunteers):");
    println!(
        "  save one hour entry:  without capture {:.2} ms, with capture {:.2} ms: {:+.3} ms (median of 300; target <= +1 ms)",
        ms(without),
        ms(with),
        ms(with) - ms(without)
    );

    // First join from the snapshot.
    let code = shared.invite(Utc::now()).expect("invite").code;
    let mut joined = Draagkracht::open(&dir.path().join("b.sqlite")).expect("open b");
    let t = Instant::now();
    let report = joined.join_from_folder(&folder, &code, "Laptop B", Utc::now(), |_, _| {}).expect("join");
    println!(
        "  first join:           {} records from the snapshot in {:.2} s (target <= 30 s)",
        report.records,
        t.elapsed().as_secs_f64()
    );
    shared.sync(Utc::now()).expect("sync a");

    // A week of a branch: ~170 entries of 12 fields each.
    log_entries(&mut shared, 170, 5_000);
    let t = Instant::now();
    let pushed = shared.sync(Utc::now()).expect("push");
    let pulled = joined.sync(Utc::now()).expect("pull");
    println!(
        "  a week of a branch:   {} fields pushed, {} pulled and applied in {:.0} ms (target <= 1000 ms)",
        pushed.sent_changes,
        pulled.received_changes,
        ms(t.elapsed())
    );

    // A national day: 20,000 fields from one laptop, applied on another.
    log_entries(&mut shared, 1_820, 10_000);
    shared.sync(Utc::now()).expect("push");
    let t = Instant::now();
    let pulled = joined.sync(Utc::now()).expect("pull");
    println!(
        "  a national day:       {} fields applied in {:.0} ms (target <= 3000 ms)",
        pulled.received_changes,
        ms(t.elapsed())
    );
    through_the_server(dir.path());
}
