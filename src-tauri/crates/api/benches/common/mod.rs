//! What the benchmarks share: a fictional branch of a given size, generated once into the target
//! directory and kept (the national set takes minutes to build), so every benchmark after the
//! first opens the same file.

use chrono::NaiveDate;
use draagkracht_api::{DemoParams, Draagkracht};
use std::path::PathBuf;
use std::time::Instant;

/// The day every benchmark runs as.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).expect("date")
}

/// `bench-national-20000.sqlite` (or `-N` for another `DRAAGKRACHT_BENCH_VOLUNTEERS`) in the target
/// directory: its path and its number of volunteers.
pub fn national() -> (PathBuf, u32) {
    let volunteers: u32 =
        std::env::var("DRAAGKRACHT_BENCH_VOLUNTEERS").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
    (demo_set("national", volunteers), volunteers)
}

/// A demo set of `volunteers` over 5 years, built on first use.
pub fn demo_set(name: &str, volunteers: u32) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("target"));
    let path = target.join(format!("bench-{name}-{volunteers}.sqlite"));
    if !path.exists() {
        let started = Instant::now();
        let partial = path.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        let mut app = Draagkracht::open(&partial).expect("open");
        let entries = app.write_demo(&DemoParams { volunteers, years: 5, seed: 2018, today: today() }).expect("demo");
        drop(app);
        std::fs::rename(&partial, &path).expect("keep the set");
        println!(
            "built the {name} set: {volunteers} volunteers, {entries} hour entries in {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }
    path
}
