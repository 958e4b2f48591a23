//! The coordinator's flows through the real window.

use crate::harness::Session;
use thirtyfour::prelude::*;

/// First start → start empty → add a volunteer → log hours with the keyboard (quick form and week
/// grid) → see the total on the volunteer page → switch to English and back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_records_a_volunteer_and_hours() {
    let s = Session::start("record").await;

    s.by_test_id("setup-empty").await;
    s.screenshot("first-start").await;
    s.assert_accessible("first start").await;
    s.click("setup-empty").await;

    s.by_test_id("overview-table").await;
    s.screenshot("overview-empty").await;
    s.assert_accessible("overview").await;

    // Add a volunteer.
    s.click("nav-volunteers").await;
    s.click("new-volunteer").await;
    s.type_into("volunteer-name", "Anna de Vries").await;
    s.type_into("volunteer-hours", "4").await;
    s.by_test_id("volunteer-programme").await.click().await.expect("tick the first programme");
    s.screenshot("volunteer-form").await;
    s.assert_accessible("volunteer form").await;
    s.click("volunteer-save").await;
    s.wait_for_text("volunteer-title", "Anna de Vries").await;
    s.screenshot("volunteer-page-new").await;
    s.assert_accessible("volunteer page").await;

    // Log hours for her with the keyboard only: type the duration, press Enter.
    s.click("log-hours-for").await;
    let duration = s.by_test_id("entry-duration").await;
    duration.send_keys("1,5").await.unwrap();
    duration.send_keys(Key::Enter).await.unwrap();
    s.wait_for_text("entry-saved", "1,5").await;
    s.screenshot("hours-saved").await;
    s.assert_accessible("hour entry").await;

    // The same entry again asks first instead of doubling it.
    let duration = s.by_test_id("entry-duration").await;
    duration.send_keys("1,5").await.unwrap();
    duration.send_keys(Key::Enter).await.unwrap();
    s.by_test_id("confirm-duplicate").await;
    s.screenshot("duplicate-question").await;
    s.click("cancel-duplicate").await;

    // And two hours in today's cell of the week grid.
    let cell = s.find("[data-testid='week-grid'] [data-testid='grid-cell']:not([disabled])").await;
    let today_cells = s
        .driver
        .query(By::Css("[data-testid='grid-cell']:not([disabled])"))
        .all_from_selector()
        .await
        .expect("grid cells");
    let cell = today_cells.last().cloned().unwrap_or(cell);
    cell.send_keys("2").await.unwrap();
    cell.send_keys(Key::Enter).await.unwrap();
    s.screenshot("week-grid").await;

    // The volunteer page shows 3,5 hours in the last four weeks.
    s.click("nav-volunteers").await;
    s.find("[data-testid='volunteer-row'] th").await.click().await.expect("open the volunteer's row");
    s.wait_for_text("total-4w", "3,5").await;
    s.wait_for_text("total-month", "3,5").await;
    s.screenshot("volunteer-page-hours").await;

    // English and back; the choice is visible at once.
    s.click("lang-en").await;
    s.wait_for_text("nav-volunteers", "Volunteers").await;
    s.screenshot("english").await;
    s.assert_accessible("volunteer page in English").await;
    s.click("lang-nl").await;
    s.wait_for_text("nav-volunteers", "Vrijwilligers").await;
    s.screenshot("dutch-again").await;

    s.quit().await;
}

/// First start → explore the demo branch: the overview has this month's hours and says it is a demo.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_newcomer_explores_the_demo_branch() {
    let s = Session::start("demo").await;
    s.click("setup-demo").await;
    s.by_test_id("overview-table").await;
    let total = s.by_test_id("overview-total").await.text().await.unwrap();
    assert!(total.chars().any(|c| c.is_ascii_digit() && c != '0'), "the demo month has hours: {total:?}");
    let page = s.find("body").await.text().await.unwrap();
    assert!(page.contains("Demo"), "the demo must say it is one");
    s.screenshot("overview").await;
    s.assert_accessible("demo overview").await;

    s.click("nav-volunteers").await;
    s.find("[data-testid='volunteer-row']").await;
    s.screenshot("volunteers").await;
    s.assert_accessible("demo volunteers").await;

    s.click("nav-hours").await;
    s.by_test_id("week-grid").await;
    s.screenshot("week-grid").await;
    s.assert_accessible("demo week grid").await;

    s.click("nav-programmes").await;
    s.screenshot("programmes").await;
    s.assert_accessible("programmes").await;
    s.quit().await;
}
