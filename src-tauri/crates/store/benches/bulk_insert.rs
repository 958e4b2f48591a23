//! Benchmark: the demo branch's hour entries written through the store's `insert_many` versus a
//! bare rusqlite prepared-insert loop over the same rows, on the same schema and pragmas.
//! Prints rows per second for both and the ratio (target ≥ 0.5). Best of three runs each.

use chrono::{NaiveDate, Utc};
use draagkracht_core::ProgrammeId;
use draagkracht_demo::{generate, DemoParams};
use draagkracht_store::{hour_entries, open, programmes, volunteers};
use rusqlite::params;
use std::time::{Duration, Instant};

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut runs_store = Vec::new();
    let mut runs_bare = Vec::new();
    let mut rows = 0;
    for run in 0..3 {
        for bare in [false, true] {
            let path = dir.path().join(format!("bench-{run}-{bare}.sqlite"));
            let mut db = open(&path).expect("open");
            db.write(|tx| programmes::seed_defaults(tx, Utc::now(), || ProgrammeId(uuid::Uuid::now_v7())))
                .expect("seed");
            let ids: Vec<_> = programmes::list(db.conn()).expect("programmes").into_iter().map(|p| p.id).collect();
            let mut branch = generate(&DemoParams::branch(today), &ids, &[]);
            // Only hour entries are measured: leave out the matches they point at.
            branch.entries.iter_mut().for_each(|(_, e, _)| e.match_id = None);
            db.write(|tx| {
                for (id, v) in &branch.volunteers {
                    volunteers::insert(tx, *id, v, Utc::now())?;
                }
                Ok::<_, draagkracht_store::StoreError>(())
            })
            .expect("volunteers");
            rows = branch.entries.len();
            let elapsed = if bare {
                drop(db);
                bare_loop(&path, &branch.entries)
            } else {
                let start = Instant::now();
                db.write(|tx| hour_entries::insert_many(tx, branch.entries.iter().map(|(id, e, at)| (*id, e, *at))))
                    .expect("insert");
                start.elapsed()
            };
            if bare {
                runs_bare.push(elapsed)
            } else {
                runs_store.push(elapsed)
            }
        }
    }
    let best = |runs: &[Duration]| runs.iter().min().copied().unwrap_or_default();
    let (store, bare) = (best(&runs_store), best(&runs_bare));
    let per_s = |d: Duration| rows as f64 / d.as_secs_f64();
    println!("bulk insert of {rows} demo hour entries (best of 3, WAL, synchronous=FULL, one transaction):");
    println!("  through the store:     {:>8.1} ms  {:>10.0} rows/s", store.as_secs_f64() * 1e3, per_s(store));
    println!("  bare rusqlite loop:    {:>8.1} ms  {:>10.0} rows/s", bare.as_secs_f64() * 1e3, per_s(bare));
    println!("  ratio store / bare:    {:.2} (target >= 0.5)", bare.as_secs_f64() / store.as_secs_f64());
}

/// The baseline: a plain connection with the same pragmas and one prepared statement.
fn bare_loop(
    path: &std::path::Path,
    entries: &[(draagkracht_core::HourEntryId, draagkracht_core::NewHourEntry, chrono::DateTime<Utc>)],
) -> Duration {
    let mut conn = rusqlite::Connection::open(path).expect("open bare");
    conn.pragma_update(None, "synchronous", "FULL").expect("pragma");
    conn.pragma_update(None, "foreign_keys", "ON").expect("pragma");
    let start = Instant::now();
    let tx = conn.transaction().expect("tx");
    {
        let mut stmt = tx
            .prepare(
                "INSERT INTO hour_entries (id, volunteer_id, programme_id, date, minutes, kind, note, created_at,
                                           match_id, activity_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )
            .expect("prepare");
        for (id, e, at) in entries {
            stmt.execute(params![
                id.to_string(),
                e.volunteer.to_string(),
                e.programme.to_string(),
                e.date.to_string(),
                e.minutes.get(),
                e.kind.as_str(),
                e.note,
                at.to_rfc3339(),
                e.match_id.map(|m| m.to_string()),
                e.activity.map(|a| a.to_string())
            ])
            .expect("insert");
        }
    }
    tx.commit().expect("commit");
    start.elapsed()
}
