//! Benchmark: an annual report in all three formats (PDF, Excel, CSV for Dutch Excel) for a funder,
//! on the demo branch (250 volunteers; target ≤ 1 s) and on the national set (20,000 volunteers,
//! 5 years, shared with the signals benchmark and built once into the target directory; target
//! ≤ 10 s). Each format is one save as the window makes it (figures, then render); the first round
//! runs cold, the second shows a repeat. Set
//! `DRAAGKRACHT_BENCH_VOLUNTEERS` for a smaller national set.

use chrono::NaiveDate;
use draagkracht_api::wire::{Language, ReportAudience, ReportFormat, ReportInput};
use draagkracht_api::{render_report, DemoParams, Draagkracht};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn database(path: &Path, volunteers: u32, today: NaiveDate) -> Draagkracht {
    if !path.exists() {
        let started = Instant::now();
        let partial = path.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        let mut app = Draagkracht::open(&partial).expect("open");
        let entries = app.write_demo(&DemoParams { volunteers, years: 5, seed: 2018, today }).expect("demo");
        drop(app);
        std::fs::rename(&partial, path).expect("keep the set");
        println!("built {volunteers} volunteers, {entries} hour entries in {:.0} s", started.elapsed().as_secs_f64());
    }
    Draagkracht::open(path).expect("open the set")
}

/// One save as the window makes it: the figures gathered, then rendered in one format.
fn save(app: &Draagkracht, input: &ReportInput, format: ReportFormat, today: NaiveDate) -> (Duration, Duration, usize) {
    let t = Instant::now();
    let doc = app.report_document(input, today).expect("figures");
    let figures = t.elapsed();
    let bytes = render_report(&doc, format).expect("render");
    (figures, t.elapsed() - figures, bytes.len())
}

fn annual_report(label: &str, app: &Draagkracht, today: NaiveDate, target_ms: f64) {
    let input = ReportInput {
        from: "2025-01-01".into(),
        to: "2025-12-31".into(),
        programme_id: None,
        audience: ReportAudience::Funder,
        language: Language::Nl,
    };
    println!("annual funder report, {label}:");
    // The first round is what a coordinator waits for on the first report of a session (fonts
    // parsed, caches cold); typst memoises, so the second round shows what a repeat costs.
    for round in ["first", "again"] {
        let mut total = Duration::ZERO;
        for format in [ReportFormat::Pdf, ReportFormat::Xlsx, ReportFormat::Csv] {
            let (figures, render, bytes) = save(app, &input, format, today);
            total += figures + render;
            println!(
                "  {round} {:<6} figures {:>7.1} ms + render {:>7.1} ms, {bytes} bytes",
                format!("{format:?}:"),
                figures.as_secs_f64() * 1e3,
                render.as_secs_f64() * 1e3
            );
        }
        println!("  {round}: all three formats {:>8.1} ms (target <= {target_ms:.0} ms)", total.as_secs_f64() * 1e3);
    }
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("target"));
    let branch = database(&target.join("bench-branch-250.sqlite"), 250, today);
    annual_report("demo branch (250 volunteers)", &branch, today, 1000.0);
    let volunteers: u32 =
        std::env::var("DRAAGKRACHT_BENCH_VOLUNTEERS").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
    let national = database(&target.join(format!("bench-national-{volunteers}.sqlite")), volunteers, today);
    annual_report(&format!("national set ({volunteers} volunteers)"), &national, today, 10_000.0);
}
