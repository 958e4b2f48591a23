//! Benchmark: the national picture (issue 17) on a throw-away PostgreSQL cluster on loopback.
//!
//! - 70 branches × 10 years of monthly figures on the server: one demo branch of 250 volunteers
//!   over 10 years publishes with its own account; the server then holds the same months for 69
//!   more branches (its rows copied, values varied) — the figures' shape, at the national size.
//! - Publishing one branch-month online (its figures computed and sent; target ≤ 1 s).
//! - The national annual report (figures from the server, then PDF + Excel + CSV; target ≤ 2 s).

#[allow(dead_code)]
mod common;

use chrono::{Datelike, NaiveDate, Utc};
use draagkracht_api::national::{create_account, national_report, NationalReportInput, NewAccount};
use draagkracht_api::wire::{Language, ReportAudience, ReportFormat};
use draagkracht_api::{render_report, DemoParams, Draagkracht};
use draagkracht_server::testing::TestCluster;
use std::time::{Duration, Instant};

const BRANCHES: u32 = 70;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn url(cluster: &TestCluster, login: &str, password: &str) -> String {
    format!("postgres://{login}:{password}@127.0.0.1:{}/draagkracht?sslmode=disable", cluster.port())
}

fn main() {
    let today = common::today();
    let cluster = TestCluster::new();
    let admin = cluster.superuser_url();
    let branch = NewAccount::Branch { name: "Afdeling 1".into(), region: Some("Regio 1".into()) };
    let branch_url = url(&cluster, "afdeling_1", &create_account(&admin, "afdeling_1", &branch).expect("account"));
    let office_url =
        url(&cluster, "landelijk", &create_account(&admin, "landelijk", &NewAccount::National).expect("account"));

    let dir = tempfile::tempdir().expect("temp dir");
    let started = Instant::now();
    let mut app = Draagkracht::open(&dir.path().join("branch.sqlite")).expect("open");
    app.write_demo(&DemoParams { volunteers: 250, years: 10, seed: 70, today }).expect("demo");
    println!("demo branch of 250 volunteers over 10 years in {:.1} s", started.elapsed().as_secs_f64());

    let months = app.publishable_months(today).expect("months");
    let started = Instant::now();
    let published = app.publish_to_server(&branch_url, &months, Utc::now()).expect("publish");
    println!(
        "published {} months ({} figures, {:.0} a month) in {:.1} s",
        months.len(),
        published.rows,
        published.rows as f64 / months.len() as f64,
        started.elapsed().as_secs_f64()
    );

    // 69 more branches with the same months, their values varied.
    let started = Instant::now();
    cluster.superuser_sql(
        &format!(
            "SET ROLE draagkracht_owner;
             INSERT INTO draagkracht_national.branches (name, region)
                 SELECT 'Afdeling ' || n, 'Regio ' || (1 + n % 7) FROM generate_series(2, {BRANCHES}) n;
             INSERT INTO draagkracht_national.publications (branch_id, month, published_at, via)
                 SELECT b.id, p.month, p.published_at, 'server' FROM draagkracht_national.publications p
                 CROSS JOIN draagkracht_national.branches b WHERE b.name <> 'Afdeling 1';
             INSERT INTO draagkracht_national.figures
                 SELECT b.id, f.month, f.scope, f.win, f.figure, f.part, f.detail, f.value * (1 + b.id % 3)
                 FROM draagkracht_national.figures f CROSS JOIN draagkracht_national.branches b
                 WHERE b.name <> 'Afdeling 1';
             ANALYZE draagkracht_national.figures;"
        ),
        "draagkracht",
    );
    let rows = cluster.superuser_sql("SELECT count(*) FROM draagkracht_national.figures", "draagkracht");
    println!(
        "{BRANCHES} branches × {} months: {rows} figures on the server ({:.0} s)",
        months.len(),
        started.elapsed().as_secs_f64()
    );

    // One branch-month, as a coordinator publishes a correction of last month.
    let last = [*months.last().expect("a month")];
    let mut times = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        app.publish_to_server(&branch_url, &last, Utc::now()).expect("publish a month");
        times.push(t.elapsed());
    }
    times.sort();
    println!("publish one branch-month: median {:.1} ms (target <= 1000 ms)", ms(times[times.len() / 2]));

    let year = today.year() - 1;
    let input = NationalReportInput {
        from: NaiveDate::from_ymd_opt(year, 1, 1).expect("date").to_string(),
        to: NaiveDate::from_ymd_opt(year, 12, 31).expect("date").to_string(),
        audience: ReportAudience::Funder,
        language: Language::Nl,
        region: None,
        branches: vec![],
        municipality: None,
    };
    for round in ["first", "again"] {
        let t = Instant::now();
        let mut parts = Vec::new();
        for format in [ReportFormat::Pdf, ReportFormat::Xlsx, ReportFormat::Csv] {
            let f = Instant::now();
            let doc = national_report(&office_url, &input, today).expect("national report");
            let figures = f.elapsed();
            let bytes = render_report(&doc, format).expect("render");
            parts.push(format!(
                "{format:?} {:.0} + {:.0} ms ({} bytes)",
                ms(figures),
                ms(f.elapsed() - figures),
                bytes.len()
            ));
        }
        println!(
            "national annual report {year}, {round}: PDF + Excel + CSV {:.0} ms (target <= 2000 ms): {}",
            ms(t.elapsed()),
            parts.join(", ")
        );
    }
}
