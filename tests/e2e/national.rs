//! The national picture (issue 17) in the real window, against a throw-away PostgreSQL cluster.
//! The national office opens "Landelijk overzicht" at the first start — no branch database — with
//! its own login, sees the report of the branches that published (and the months one did not),
//! narrows it to a region, and saves it as a PDF whose pages are looked at; at the minimum size, in
//! English and by keyboard. A branch publishes its months from the reports screen.
//! The native save dialog is bypassed by calling the command the button calls after it.

use crate::harness::Session;
use chrono::{Datelike, Local, NaiveDate, Utc};
use draagkracht_api::national::{create_account, NewAccount};
use draagkracht_api::{DemoParams, Draagkracht};
use draagkracht_server::testing::TestCluster;
use std::time::{Duration, Instant};
use thirtyfour::Key;

/// Runs `work` on a plain thread: the server client drives a runtime of its own.
fn off_runtime<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| scope.spawn(work).join().expect("the work thread"))
}

fn account(cluster: &TestCluster, login: &str, account: NewAccount) -> String {
    let password = off_runtime(|| create_account(&cluster.superuser_url(), login, &account).expect("an account"));
    format!("postgres://{login}:{password}@127.0.0.1:{}/draagkracht?sslmode=disable", cluster.port())
}

/// A demo branch (its own database in a temporary folder) publishes its months, but `skip`.
fn publish_demo(url: &str, seed: u64, skip: Option<NaiveDate>) {
    off_runtime(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let today = Local::now().date_naive();
        let mut app = Draagkracht::open(&dir.path().join("branch.sqlite")).expect("open");
        app.write_demo(&DemoParams { volunteers: 60, years: 3, seed, today }).expect("demo");
        let months: Vec<NaiveDate> =
            app.publishable_months(today).expect("months").into_iter().filter(|m| Some(*m) != skip).collect();
        app.publish_to_server(url, &months, Utc::now()).expect("publish");
    });
}

/// Waits (up to `limit`) until the element holds `expected`; its text.
async fn wait_long(s: &Session, id: &str, expected: &str, limit: Duration) -> String {
    let start = Instant::now();
    loop {
        let text = match s.driver.find(thirtyfour::By::Css(format!("[data-testid='{id}']"))).await {
            Ok(el) => el.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if text.contains(expected) {
            return text;
        }
        assert!(start.elapsed() < limit, "{id} never said {expected:?}: {text:?}");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_national_office_reports_on_what_the_branches_published() {
    let cluster = off_runtime(TestCluster::new);
    let office = account(&cluster, "landelijk", NewAccount::National);
    let zwolle = account(
        &cluster,
        "afdeling_zwolle",
        NewAccount::Branch { name: "Afdeling Zwolle".into(), region: Some("Oost".into()) },
    );
    let deventer = account(
        &cluster,
        "afdeling_deventer",
        NewAccount::Branch { name: "Afdeling Deventer".into(), region: Some("Oost".into()) },
    );
    account(
        &cluster,
        "afdeling_leiden",
        NewAccount::Branch { name: "Afdeling Leiden".into(), region: Some("West".into()) },
    );
    let last_year = Local::now().date_naive().year() - 1;
    let june = NaiveDate::from_ymd_opt(last_year, 6, 1).expect("June");
    publish_demo(&zwolle, 41, None);
    publish_demo(&deventer, 42, Some(june));

    // First start: no branch data, straight to the national picture.
    let s = Session::start("national").await;
    s.driver.set_window_rect(0, 0, 1280, 720).await.expect("1280 x 720");
    s.click("national-open").await;
    s.by_test_id("national-server").await;
    s.screenshot("national-connect").await;
    s.assert_accessible("landelijk overzicht, connect").await;
    // By keyboard: the address, then Enter connects.
    s.click("national-server").await;
    s.press(office.clone()).await;
    s.press(Key::Enter).await;
    let who = s.wait_for_text("national-who", "3").await;
    assert!(who.contains("landelijk bureau"), "{who}");
    let notes = wait_long(&s, "report-notes-notice", "Deventer", Duration::from_secs(20)).await;
    assert!(notes.contains(&format!("jun {last_year}")), "the month Deventer did not publish: {notes}");
    assert!(notes.contains("Afdeling Leiden") && notes.contains("niets gepubliceerd"), "{notes}");
    let scope = s.by_test_id("report-scope-shown").await.text().await.unwrap();
    assert_eq!(scope, "Alle afdelingen (3)");
    let page = s.find("#report-preview").await.text().await.unwrap_or_default();
    assert!(page.contains("Landelijk overzicht"), "{page:.400}");
    assert!(!page.contains("test-login-pw") && !page.contains(&office), "the address with its password is not shown");
    s.screenshot("national-preview").await;
    s.assert_accessible("landelijk overzicht, the preview").await;

    // One region.
    s.click("national-which-region").await;
    s.choose("national-region", "Oost").await;
    s.wait_for_text("report-scope-shown", "Regio Oost (2 afdelingen)").await;
    s.screenshot("national-region").await;

    // The PDF, as the save button writes it after the dialog; its pages looked at.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("landelijk overzicht.pdf");
    let request = serde_json::json!({
        "server": office, "from": format!("{last_year}-01-01"), "to": format!("{last_year}-12-31"),
        "audience": "funder", "language": "nl", "region": null, "branches": [], "municipality": null
    });
    let saved = s
        .driver
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.__TAURI_INTERNALS__.invoke('national_export', { request: arguments[0], format: 'pdf', path: arguments[1] })
               .then(r => done(r), e => done({ error: e }));",
            vec![request, serde_json::json!(path.display().to_string())],
        )
        .await
        .expect("export");
    assert!(saved.json()["bytes"].as_u64().unwrap_or(0) > 10_000, "{:?}", saved.json());
    let text = std::process::Command::new("pdftotext").args([&path.display().to_string(), "-"]).output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Landelijk overzicht") && text.contains("Alle afdelingen (3)"), "{text:.400}");
    assert!(text.contains("Niet gepubliceerd"), "the months not published are on the report");
    let pages = crate::harness::workspace().join("target").join("e2e-screenshots").join("national-pdf");
    let made = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60", &path.display().to_string(), &pages.display().to_string()])
        .status()
        .unwrap();
    assert!(made.success(), "pdftoppm");

    // The minimum size, in English.
    s.driver.set_window_rect(0, 0, 800, 560).await.expect("800 x 560");
    s.click("lang-en").await;
    s.wait_for_text("national-who", "national office").await;
    s.wait_for_text("report-preview", "Preview").await;
    s.screenshot("national-small-en").await;
    s.assert_accessible("national picture at the minimum size, in English").await;
    s.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_branch_publishes_its_months_from_the_reports_screen() {
    let cluster = off_runtime(TestCluster::new);
    let url = account(&cluster, "afdeling_demo", NewAccount::Branch { name: "Demo-afdeling".into(), region: None });
    let s = Session::start("publish").await;
    s.driver.set_window_rect(0, 0, 1280, 720).await.expect("1280 x 720");
    s.click("protect-skip").await;
    s.click("setup-demo").await;
    s.find("[data-testid='attention-row']").await;
    s.click("nav-reports").await;
    s.find("[data-testid='report-table']").await;
    s.click("publish-toggle").await;
    s.wait_for_text("publish-state", "Nog niets gepubliceerd").await;
    s.type_into("publish-server", &url).await;
    s.scroll_to("publish-to-server").await;
    s.screenshot("publish-ready").await;
    s.assert_accessible("reports, publishing").await;
    s.click("publish-to-server").await;
    let done = wait_long(&s, "publish-done", "gepubliceerd", Duration::from_secs(180)).await;
    assert!(done.contains("60"), "five years of months: {done}");
    s.scroll_to("publish-done").await;
    s.screenshot("publish-done").await;
    let on_server =
        off_runtime(|| cluster.superuser_sql("SELECT count(*) FROM draagkracht_national.publications", "draagkracht"));
    assert_eq!(on_server, "60");
    // The address is remembered (in the encrypted database), its password never shown.
    let panel = s.by_test_id("publish-panel").await.text().await.unwrap();
    assert!(!panel.contains(url.split(':').nth(2).unwrap_or("-").split('@').next().unwrap_or("-")), "{panel}");
    s.quit().await;
}
