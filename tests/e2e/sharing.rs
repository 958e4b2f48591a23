//! Two coordinators share a branch, seen in the real window. Through a folder: the window's laptop
//! starts sharing, invites, a second laptop joins with the code (the api in this test process, with
//! its own database), hours logged there appear in the window after "Nu synchroniseren", and an
//! edit made on both laptops apart shows up in "Twee versies", where the other value is put back.
//! The native folder dialog is bypassed by calling the command the button calls after it. Through
//! the server: two real windows, two apps, each with its own data directory.

use crate::harness::Session;
use chrono::{Local, Utc};
use draagkracht_api::wire::{HourEntryInput, VolunteerFilter, VolunteerInput};
use draagkracht_api::Draagkracht;
use thirtyfour::Key;

/// Runs a command as the window's backend seam does, with `args`.
async fn invoke(s: &Session, command: &str, args: serde_json::Value) -> serde_json::Value {
    s.driver
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then(r => done(r), e => done({ error: e }));",
            vec![serde_json::json!(command), args],
        )
        .await
        .unwrap_or_else(|e| panic!("{command}: {e}"))
        .json()
        .clone()
}

/// Runs `work` on a plain thread: the server client drives a runtime of its own, which may not
/// start inside this test's.
fn off_runtime<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| scope.spawn(work).join().expect("the work thread"))
}

async fn go(s: &Session, hash: &str) {
    s.driver.execute(&format!("window.location.hash = '{hash}'"), vec![]).await.expect("navigate");
}

/// A first start without a passphrase, empty, and Anna added on the window's laptop (with the phone
/// number the conflict is about).
async fn start_empty_with_anna(s: &Session, look_at_joining: bool) {
    s.click("protect-skip").await;
    if look_at_joining {
        // The third way at the first start: join a colleague's branch (looked at, then left).
        s.click("setup-join").await;
        s.by_test_id("join-code").await;
        s.screenshot("first-start-join").await;
        s.assert_accessible("first start: join a branch").await;
        s.click("join-back").await;
    }
    s.click("setup-empty").await;
    s.find("[data-testid='attention-count'], [data-testid='attention-empty']").await;
    s.click("nav-volunteers").await;
    s.click("new-volunteer").await;
    s.type_into("volunteer-name", "Anna de Vries").await;
    s.type_into("volunteer-phone", "06 11111111").await;
    s.type_into("volunteer-hours", "4").await;
    s.by_test_id("volunteer-programme").await.click().await.expect("tick the first programme");
    s.click("volunteer-save").await;
    s.wait_for_text("volunteer-title", "Anna de Vries").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_coordinators_share_a_branch_through_a_folder() {
    let s = Session::start("sharing").await;
    let folder = tempfile::tempdir().unwrap();
    start_empty_with_anna(&s, true).await;

    // Samenwerken: not sharing yet.
    s.click("nav-sharing").await;
    s.by_test_id("sharing-start").await;
    s.screenshot("sharing-start").await;
    s.assert_accessible("samenwerken, not sharing").await;
    let shared = invoke(
        &s,
        "share_in_folder",
        serde_json::json!({ "path": folder.path().display().to_string(), "deviceName": "Laptop Anna" }),
    )
    .await;
    assert_eq!(shared["sharing"], true, "{shared}");
    go(&s, "#/overview").await;
    s.click("nav-sharing").await;
    s.by_test_id("sharing-place").await;

    // Invite: the code, shown once, large.
    s.click("invite-make").await;
    let code = s.by_test_id("invite-code").await.text().await.unwrap();
    let code: String = code.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    assert_eq!(code.len(), 24, "a grouped code: {code}");
    s.screenshot("sharing-invite").await;
    s.assert_accessible("samenwerken, invited").await;

    // Bram's laptop joins with the code and logs Anna's hours of yesterday.
    let bram_dir = tempfile::tempdir().unwrap();
    let mut bram = Draagkracht::open(&bram_dir.path().join("draagkracht.sqlite")).unwrap();
    bram.join_from_folder(folder.path(), &code, "Laptop Bram", Utc::now(), |_, _| {}).unwrap();
    let today = Local::now().date_naive();
    let anna =
        bram.volunteers(&VolunteerFilter::default(), today).unwrap().into_iter().find(|v| v.name == "Anna de Vries");
    let anna = anna.expect("Anna arrived with the snapshot");
    let programme = bram.volunteer(anna.id, today).unwrap().volunteer.programme_ids[0];
    let yesterday = (today - chrono::Days::new(1)).format("%d-%m-%Y").to_string();
    bram.log_hours(
        &HourEntryInput {
            volunteer_id: Some(anna.id),
            date: yesterday,
            duration: "2,5".into(),
            programme_id: Some(programme),
            kind: "support".into(),
            note: String::new(),
            match_id: None,
            activity_id: None,
            confirm_duplicate: false,
            confirm_long_day: None,
        },
        today,
    )
    .unwrap();
    bram.sync(Utc::now()).unwrap();

    // The window syncs and sees Bram's laptop and Anna's hours.
    s.click("sync-now-button").await;
    s.wait_for_text("sync-report", "1").await;
    s.wait_for_text("devices-table", "Laptop Bram").await;
    s.screenshot("sharing-synced").await;
    go(&s, &format!("#/volunteers/{}", anna.id)).await;
    s.wait_for_text("total-4w", "2,5").await;
    s.screenshot("sharing-hours-from-the-other-laptop").await;

    // Apart: both change Anna's phone number; Bram's laptop does it later and wins.
    go(&s, &format!("#/volunteers/{}/edit", anna.id)).await;
    let phone = s.by_test_id("volunteer-phone").await;
    phone.clear().await.expect("clear the phone");
    phone.send_keys("06 22222222").await.expect("type the phone");
    s.click("volunteer-save").await;
    s.wait_for_text("volunteer-title", "Anna de Vries").await;
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    let current = bram.volunteer(anna.id, today).unwrap().volunteer;
    let input = VolunteerInput {
        name: current.name.clone(),
        email: String::new(),
        phone: "06 33333333".into(),
        status: "active".into(),
        start_date: current.start_date.format("%d-%m-%Y").to_string(),
        agreed_hours_per_week: "4".into(),
        programme_ids: current.programme_ids.clone(),
    };
    bram.update_volunteer(anna.id, &input, today).unwrap();
    bram.sync(Utc::now()).unwrap();
    s.click("nav-sharing").await;
    s.click("sync-now-button").await;
    s.wait_for_text("two-versions", "06 22222222").await;
    s.scroll_to("two-versions").await;
    s.screenshot("sharing-two-versions").await;
    s.assert_accessible("samenwerken, two versions").await;
    let kept = s.by_test_id("two-versions-kept").await.text().await.unwrap();
    assert!(kept.contains("06 33333333"), "the later edit is kept: {kept}");

    // Anna's own number was the right one: put back, and it travels to Bram's laptop.
    s.click("two-versions-put-back").await;
    s.by_test_id("two-versions-empty").await;
    s.click("sync-now-button").await;
    s.wait_for_text("sync-report", "1").await;
    bram.sync(Utc::now()).unwrap();
    assert_eq!(bram.volunteer(anna.id, today).unwrap().volunteer.phone.as_deref(), Some("06 22222222"));
    go(&s, "#/overview").await;
    s.wait_for_text("sync-indicator", "Gesynchroniseerd").await;
    s.screenshot("sharing-header").await;

    // In English, and at the window's minimum size: the screen still reads and fits.
    s.click("lang-en").await;
    s.click("nav-sharing").await;
    s.wait_for_text("sync-now", "Synchronise now").await;
    s.screenshot("sharing-english").await;
    s.driver.set_window_rect(0, 0, 800, 560).await.expect("the minimum window size");
    assert!(!scrolls_sideways(&s).await, "no sideways scrolling at 800 × 560");
    s.screenshot("sharing-minimum-size").await;
    s.click("lang-nl").await;
    s.quit().await;
}

/// The same on the organisation's PostgreSQL server with two real windows, each its own app with its
/// own data directory: Anna's laptop starts sharing (the server typed in the window, no dialog) and
/// invites; Bram's laptop joins at its first start with the code, logs hours that appear on Anna's;
/// both change one phone number apart and Anna's window shows "Twee versies"; Anna removes Bram's
/// laptop, and Bram's window says so at its next sync.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_coordinators_share_a_branch_through_the_server() {
    let cluster = off_runtime(draagkracht_server::testing::TestCluster::new);
    let s = Session::start("sharing-server").await;
    start_empty_with_anna(&s, false).await;
    let anna_page: String =
        s.driver.execute("return location.hash;", vec![]).await.expect("Anna's page").convert().expect("a hash");
    let anna_id = anna_page.strip_prefix("#/volunteers/").expect("Anna's page").to_string();

    s.driver.set_window_rect(0, 0, 1280, 720).await.expect("a 1280 × 720 window");
    s.click("nav-sharing").await;
    s.type_into("sharing-name", "Laptop Anna").await;
    s.click("sharing-place-server").await;
    s.type_into("sharing-server-address", &cluster.url()).await;
    // The address holds the login's password: dots, until "Toon" shows it to check against IT's.
    assert_eq!(input_type(&s, "sharing-server-address").await, "password");
    s.click("sharing-server-address-show").await;
    assert_eq!(input_type(&s, "sharing-server-address").await, "text");
    s.screenshot("server-start").await;
    // At the minimum size, in English: the address and its button fit beside each other.
    s.driver.set_window_rect(0, 0, 800, 560).await.expect("the minimum window size");
    s.click("lang-en").await;
    s.wait_for_text("sharing-server-address-show", "Hide").await;
    s.scroll_to("sharing-server-address").await;
    assert!(!scrolls_sideways(&s).await, "no sideways scrolling at 800 × 560");
    s.screenshot("server-start-english-minimum").await;
    s.click("lang-nl").await;
    s.driver.set_window_rect(0, 0, 1280, 720).await.expect("a 1280 × 720 window");
    s.assert_accessible("samenwerken, the server chosen").await;
    s.click("sharing-choose").await;
    s.by_test_id("sharing-place").await;
    let place = s.by_test_id("sharing-place").await.text().await.unwrap();
    assert!(!place.contains("test-login-pw"), "the password is not shown: {place}");
    s.click("invite-make").await;
    let code = s.by_test_id("invite-code").await.text().await.unwrap();
    let code: String = code.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();

    // Bram's laptop, a second window at 1280 × 720: joins at its first start through the server,
    // by keyboard only — the heading has the focus, Tab goes to the name, arrows choose the server,
    // Tab passes "Toon" to the code, Enter joins.
    let b = s.start_beside("sharing-server-bram").await;
    b.driver.set_window_rect(0, 0, 1280, 720).await.expect("a 1280 × 720 window");
    b.click("protect-skip").await;
    b.click("setup-join").await;
    b.by_test_id("join-code").await;
    b.press(Key::Tab).await;
    b.press("Laptop Bram").await;
    b.press(Key::Tab).await;
    b.press(Key::Down).await;
    assert!(b.by_test_id("join-place-server").await.is_selected().await.unwrap(), "the arrow chose the server");
    b.press(Key::Tab).await;
    b.press(cluster.url()).await;
    assert_eq!(input_type(&b, "join-server-address").await, "password", "the address is hidden");
    b.press(Key::Tab).await; // past "Toon"
    b.press(Key::Tab).await;
    b.press(code.clone()).await;
    b.screenshot("join-filled").await;
    b.assert_accessible("first start: join through the server").await;
    b.press(Key::Enter).await;
    b.find("[data-testid='attention-count'], [data-testid='attention-empty']").await;
    b.screenshot("joined").await;

    // Bram logs Anna's hours in his window and synchronises.
    go(&b, &format!("#/volunteers/{anna_id}")).await;
    b.wait_for_text("volunteer-title", "Anna de Vries").await;
    b.click("log-hours-for").await;
    let duration = b.by_test_id("entry-duration").await;
    duration.send_keys("1,5").await.unwrap();
    duration.send_keys(Key::Enter).await.unwrap();
    b.wait_for_text("entry-saved", "1,5").await;
    b.click("nav-sharing").await;
    b.click("sync-now-button").await;
    b.by_test_id("sync-report").await;

    // Anna's window synchronises and sees Bram's laptop and the hours.
    s.click("sync-now-button").await;
    s.wait_for_text("devices-table", "Laptop Bram").await;
    go(&s, &format!("#/volunteers/{anna_id}")).await;
    s.wait_for_text("total-4w", "1,5").await;
    s.screenshot("server-hours-from-bram").await;
    assert!(!cluster.dump().contains("Anna de Vries"), "the server holds no name");

    // Apart, both change Anna's phone number; Bram saves later, so his number wins everywhere and
    // Anna's is the other version.
    change_phone(&s, &anna_id, "06 22222222").await;
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    change_phone(&b, &anna_id, "06 33333333").await;
    b.click("nav-sharing").await;
    b.click("sync-now-button").await;
    b.by_test_id("sync-report").await;
    s.click("nav-sharing").await;
    s.click("sync-now-button").await;
    s.wait_for_text("two-versions", "06 22222222").await;
    s.scroll_to("two-versions").await;
    s.screenshot("server-two-versions").await;
    let kept = s.by_test_id("two-versions-kept").await.text().await.unwrap();
    assert!(kept.contains("06 33333333"), "the later edit is kept: {kept}");

    // Bram's laptop is lost: removed from Anna's window, after one question.
    s.scroll_to("devices-table").await;
    s.click("device-remove").await;
    s.by_test_id("device-remove-panel").await;
    s.screenshot("server-remove-question").await;
    s.assert_accessible("samenwerken, remove a laptop").await;
    s.click("device-remove-confirm").await;
    s.by_test_id("device-removed-notice").await;
    s.screenshot("server-removed").await;

    // Bram's window hears it at its next sync.
    b.click("sync-now-button").await;
    b.wait_for_text("sync-failure", "verwijderd").await;
    b.wait_for_text("sync-indicator", "Synchroniseren lukt niet").await;
    b.screenshot("server-bram-removed").await;
    b.assert_accessible("samenwerken, this laptop removed").await;
    b.quit().await;
    s.quit().await;
}

/// Changes Anna's phone number in the window's volunteer form.
async fn change_phone(s: &Session, id: &str, phone: &str) {
    go(s, &format!("#/volunteers/{id}/edit")).await;
    let field = s.by_test_id("volunteer-phone").await;
    field.clear().await.expect("clear the phone");
    field.send_keys(phone).await.expect("type the phone");
    s.click("volunteer-save").await;
    s.wait_for_text("volunteer-title", "Anna de Vries").await;
}

/// An input's type: `password` while the server address is hidden, `text` while shown.
async fn input_type(s: &Session, testid: &str) -> String {
    s.by_test_id(testid).await.prop("type").await.unwrap().unwrap_or_default()
}

/// Whether the page is wider than the window.
async fn scrolls_sideways(s: &Session) -> bool {
    s.driver
        .execute("return document.documentElement.scrollWidth > document.documentElement.clientWidth;", vec![])
        .await
        .expect("measure")
        .convert()
        .expect("a boolean")
}
