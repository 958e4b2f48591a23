//! Benchmark: importing 100,000 hour-entry rows from a Dutch CSV (`;`, decimal comma, dd-mm-yyyy)
//! into a branch with 250 volunteers: reading, the dry run and the import in one transaction
//! (target ≤ 2 s); and the interchange file of the demo branch and, once built, of the national
//! set, written and read back (times printed).

use chrono::{Days, NaiveDate};
use draagkracht_api::wire::{ColumnMapping, ImportKind, MappingInput, VolunteerFilter, VolunteerInput};
use draagkracht_api::Draagkracht;
use std::fmt::Write;
use std::time::Instant;

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = Draagkracht::open(&dir.path().join("import.sqlite")).expect("open");
    let programme = app.programmes().expect("programmes")[0].id;
    for i in 0..250 {
        let input = VolunteerInput {
            name: format!("Vrijwilliger {i:03}"),
            email: String::new(),
            phone: String::new(),
            status: "active".into(),
            start_date: "01-01-2020".into(),
            agreed_hours_per_week: "4".into(),
            programme_ids: vec![programme],
        };
        app.create_volunteer(&input, today).expect("volunteer");
    }
    assert_eq!(app.volunteers(&VolunteerFilter::default(), today).expect("list").len(), 250);
    let mut csv = String::from("Datum;Naam;Uren;Opmerking\r\n");
    for i in 0..100_000u32 {
        let day = today - Days::new(u64::from(i % 1000));
        let _ = write!(
            csv,
            "{};Vrijwilliger {:03};{},{};Bezoek {}\r\n",
            day.format("%d-%m-%Y"),
            i % 250,
            1 + i % 4,
            if i % 2 == 0 { 5 } else { 0 },
            i
        );
    }
    let path = dir.path().join("uren.csv");
    std::fs::write(&path, csv).expect("write csv");
    let path = path.display().to_string();

    let started = Instant::now();
    let preview = app.read_sheet(&path, None).expect("read");
    let input = MappingInput {
        path: path.clone(),
        sheet: None,
        kind: ImportKind::HourEntries,
        columns: preview.columns.iter().map(|c| ColumnMapping { index: c.index, field: c.guess }).collect(),
    };
    let dry = app.dry_run_import(&input, today).expect("dry run");
    let dry_time = started.elapsed();
    assert!(dry.problems.is_empty(), "{:?}", &dry.problems[..dry.problems.len().min(3)]);
    let t = Instant::now();
    let outcome = app.run_import(&input, today, |_| {}).expect("import");
    let import = t.elapsed();
    println!("spreadsheet import, 100,000 hour-entry rows from CSV:");
    println!("  preview + dry run:             {:>7.0} ms", dry_time.as_secs_f64() * 1e3);
    println!(
        "  import (read, check every row, write in one transaction, re-evaluate signals): {:>5.0} ms for {} rows (target <= 2000 ms)",
        import.as_secs_f64() * 1e3,
        outcome.added
    );

    let mut demo = Draagkracht::open(&dir.path().join("demo.sqlite")).expect("open");
    demo.write_demo(&draagkracht_api::DemoParams::branch(today)).expect("demo");
    let file = dir.path().join("demo.json");
    let t = Instant::now();
    let rows = demo.export_all(&file).expect("export");
    let export = t.elapsed();
    let mut fresh = Draagkracht::open(&dir.path().join("fresh.sqlite")).expect("open");
    let t = Instant::now();
    fresh.import_all(&file).expect("import");
    println!(
        "interchange file of the demo branch ({rows} records, {:.1} MB): export {:.0} ms, import {:.0} ms",
        std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0) as f64 / 1e6,
        export.as_secs_f64() * 1e3,
        t.elapsed().as_secs_f64() * 1e3
    );

    // The national set, when the signals benchmark has built it: exported and read into a new database.
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from("target"));
    let national = target.join("bench-national-20000.sqlite");
    if national.exists() {
        let app = Draagkracht::open(&national).expect("open the national set");
        let file = dir.path().join("national.json");
        let t = Instant::now();
        let rows = app.export_all(&file).expect("export");
        let export = t.elapsed();
        drop(app);
        let mut fresh = Draagkracht::open(&dir.path().join("national-copy.sqlite")).expect("open");
        let t = Instant::now();
        fresh.import_all(&file).expect("import");
        println!(
            "interchange file of the national set ({rows} records, {:.2} GB): export {:.1} s, import {:.1} s",
            std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0) as f64 / 1e9,
            export.as_secs_f64(),
            t.elapsed().as_secs_f64()
        );
    }
}
