//! Benchmark: an annual report in all three formats (PDF, Excel, CSV for Dutch Excel) for a funder,
//! on the demo branch (250 volunteers; target ≤ 1 s) and on the national set (20,000 volunteers,
//! 5 years, shared with the signals benchmark and built once into the target directory; target
//! ≤ 10 s), and the figures of a period that starts and ends mid-month. Each format is one save as
//! the window makes it (figures, then render); the first round
//! runs cold, the second shows a repeat. Set
//! `DRAAGKRACHT_BENCH_VOLUNTEERS` for a smaller national set.

use chrono::NaiveDate;
use draagkracht_api::wire::{Language, ReportAudience, ReportFormat, ReportInput};
use draagkracht_api::{render_report, Draagkracht};
use std::time::{Duration, Instant};

mod common;

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
        municipality_id: None,
        subsidy_id: None,
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
    // A period that starts and ends mid-month: the whole months between from the monthly sums,
    // the two partial months from their entries.
    let custom = ReportInput { from: "2025-01-15".into(), to: "2025-12-14".into(), ..input.clone() };
    let times: Vec<Duration> = (0..3)
        .map(|_| {
            let t = Instant::now();
            app.report_document(&custom, today).expect("figures");
            t.elapsed()
        })
        .collect();
    let best = times.iter().min().copied().unwrap_or_default();
    println!("  custom period 15-1-2025 t/m 14-12-2025: figures {:>7.1} ms (best of 3)", best.as_secs_f64() * 1e3);
}

fn main() {
    let today = common::today();
    let branch = Draagkracht::open(&common::demo_set("branch", 250)).expect("open the branch");
    annual_report("demo branch (250 volunteers)", &branch, today, 1000.0);
    let (path, volunteers) = common::national();
    let national = Draagkracht::open(&path).expect("open the national set");
    annual_report(&format!("national set ({volunteers} volunteers)"), &national, today, 10_000.0);
}
