//! The coordinator's flows through the real window.

use crate::harness::Session;
use thirtyfour::prelude::*;

/// First start → start empty → add a volunteer → log hours with the keyboard (quick form and week
/// grid) → see the total on the volunteer page → switch to English and back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_records_a_volunteer_and_hours() {
    let s = Session::start("record").await;

    s.by_test_id("protect-submit").await;
    s.screenshot("protect").await;
    s.assert_accessible("first start: protect the data").await;
    s.click("protect-skip").await;
    s.by_test_id("setup-empty").await;
    s.screenshot("first-start").await;
    s.assert_accessible("first start").await;
    s.click("setup-empty").await;

    // The start screen is the attention list; the month overview is one click away.
    s.find("[data-testid='attention-count'], [data-testid='attention-empty']").await;
    s.click("nav-overview").await;
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

    // Today's cell of the week grid shows those 1,5 hours; typing 3,5 over them makes the day 3,5.
    let today_cells = s
        .driver
        .query(By::Css("[data-testid='week-grid'] [data-testid='grid-cell']:not([disabled])"))
        .all_from_selector_required()
        .await
        .expect("grid cells");
    let cell = today_cells.last().expect("today's cell").clone();
    assert_eq!(cell.prop("value").await.unwrap().as_deref(), Some("1,5"), "the day's total in its cell");
    cell.click().await.expect("into today's cell");
    s.press("3,5").await;
    s.press(Key::Enter).await;
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
    s.click("protect-skip").await;
    s.click("setup-demo").await;
    s.find("[data-testid='attention-row']").await;
    s.screenshot("attention").await;
    s.assert_accessible("attention list").await;
    s.click("nav-overview").await;
    s.by_test_id("overview-table").await;
    let total = s.by_test_id("overview-total").await.text().await.unwrap();
    assert!(total.chars().any(|c| c.is_ascii_digit() && c != '0'), "the demo month has hours: {total:?}");
    let page = s.find("body").await.text().await.unwrap();
    assert!(page.contains("Demo"), "the demo must say it is one");
    s.screenshot("overview").await;
    s.assert_accessible("demo overview").await;

    s.scroll_to("branch-trend").await;
    s.by_test_id("branch-trend-chart").await;
    s.screenshot("branch-years").await;
    s.assert_accessible("branch years").await;

    s.click("nav-volunteers").await;
    s.find("[data-testid='volunteer-row']").await;
    s.screenshot("volunteers").await;
    s.assert_accessible("demo volunteers").await;

    // A volunteer's year, signals and support records.
    s.find("[data-testid='volunteer-row'] th").await.click().await.expect("open a volunteer");
    s.by_test_id("volunteer-load-chart").await;
    s.scroll_to("volunteer-load").await;
    s.screenshot("volunteer-year").await;
    s.scroll_to("volunteer-support").await;
    s.screenshot("volunteer-support").await;
    s.assert_accessible("demo volunteer page").await;
    s.click("nav-volunteers").await;

    s.click("nav-hours").await;
    s.by_test_id("week-grid").await;
    s.screenshot("week-grid").await;
    s.assert_accessible("demo week grid").await;

    s.click("nav-programmes").await;
    s.screenshot("programmes").await;
    s.assert_accessible("programmes").await;
    // The branch's agreements, with the plausible day beside the VOG term.
    s.scroll_to("branch-settings").await;
    assert_eq!(s.by_test_id("plausible-day").await.prop("value").await.unwrap().as_deref(), Some("10"));
    s.screenshot("branch-settings").await;
    // The branch's conversation guides: one opened, as a coordinator rewrites it.
    s.scroll_to("signal-guides").await;
    s.find("[data-testid='guide-toggle']").await.click().await.expect("open the first guide");
    s.by_test_id("guide-form").await;
    s.screenshot("signal-guides").await;
    s.assert_accessible("conversation guides").await;

    // Over Draagkracht: the version, where the data is, and every licence inside, offline.
    s.click("nav-about").await;
    s.wait_for_text("about-version", env!("CARGO_PKG_VERSION")).await;
    s.wait_for_text("about-licence", "EUPL-1.2").await;
    s.wait_for_text("licence-counts", "Rust").await;
    s.type_into("licence-filter", "rusqlite").await;
    s.wait_for_text("licence-table", "rusqlite").await;
    s.find("[data-testid='licence-text-toggle']").await.click().await.expect("show the licence text");
    s.wait_for_text("licence-text", "Permission is hereby granted").await;
    s.screenshot("about").await;
    s.assert_accessible("over draagkracht").await;
    // "Map openen" opens only Draagkracht's own folders: the window cannot have another path
    // opened, not even one that climbs out of the backup folder.
    let open_folder = |path: String| {
        s.driver.execute_async(
            "const done = arguments[arguments.length - 1];
             window.__TAURI_INTERNALS__.invoke('about')
               .then(about => window.__TAURI_INTERNALS__.invoke('open_folder', { path: arguments[0].replace('BACKUPS', about.backupFolder) }))
               .then(r => done({ opened: true }), e => done({ error: e }));",
            vec![serde_json::json!(path)],
        )
    };
    for foreign in ["/etc", "BACKUPS/../../../etc", "BACKUPS/sub"] {
        let answer = open_folder(foreign.to_string()).await.expect("open_folder answers").json().clone();
        assert_eq!(answer["error"]["field"], "path", "{foreign} is refused: {answer}");
        assert!(
            answer["error"]["message"].as_str().unwrap_or("").contains("Alleen de mappen van Draagkracht"),
            "{answer}"
        );
    }
    // In English at the minimum size, by keyboard: Tab from the heading reaches "Open folder".
    s.driver.set_window_rect(0, 0, 800, 560).await.expect("the minimum window size");
    s.click("lang-en").await;
    s.wait_for_text("about-licence", "free software").await;
    s.find("h1").await.click().await.expect("the heading");
    let mut tabs = 0;
    loop {
        s.press(Key::Tab).await;
        tabs += 1;
        let focused = s.driver.active_element().await.unwrap();
        if focused.attr("data-testid").await.unwrap().as_deref() == Some("about-open-database") {
            break;
        }
        assert!(tabs < 20, "Tab never reached 'Open folder'");
    }
    s.screenshot("about-english-minimum").await;
    s.assert_accessible("about, in English at the minimum size").await;
    s.click("nav-participants").await;
    s.wait_for_text("participant-programmes", "").await;
    s.screenshot("participants-english-minimum").await;
    // The attention list, grouped, in English at the minimum size.
    s.click("nav-attention").await;
    s.find("[data-testid='attention-row']").await;
    s.wait_for_text("attention-summary-talk", "Talk this week").await;
    s.screenshot("attention-english-minimum").await;
    s.assert_accessible("attention list, in English at the minimum size").await;
    // The sociale kaart and the conversation guides, in English at the minimum size.
    s.click("nav-directory").await;
    s.click("new-organisation").await;
    s.by_test_id("organisation-form").await;
    s.screenshot("directory-english-minimum").await;
    s.assert_accessible("local directory, in English at the minimum size").await;
    s.click("nav-programmes").await;
    s.scroll_to("signal-guides").await;
    s.find("[data-testid='guide-toggle']").await.click().await.expect("open the first guide");
    s.by_test_id("guide-form").await;
    s.screenshot("guides-english-minimum").await;
    s.click("lang-nl").await;
    s.driver.set_window_rect(0, 0, 1200, 800).await.expect("back to the usual size");

    // A participant with a history: the match page draws the complexity over time.
    s.click("nav-participants").await;
    // The list tells people apart by programme and volunteer, and filters by programme.
    s.wait_for_text("participant-programmes", "").await;
    s.screenshot("participants").await;
    s.assert_accessible("demo participants").await;
    s.choose("participant-programme", "Maatje").await;
    s.wait_for_text("participant-programmes", "Maatje").await;
    s.find("[data-testid='participant-row'] th").await.click().await.expect("open a participant");
    s.by_test_id("participant-title").await;
    s.screenshot("participant").await;
    s.assert_accessible("demo participant").await;
    s.find("[data-testid='participant-match'] a, [data-testid='participant-match'] button")
        .await
        .click()
        .await
        .expect("open the match");
    s.by_test_id("complexity-chart").await;
    s.screenshot("match").await;
    s.assert_accessible("demo match").await;

    // From the participant, a new match: who has room comes first, each with why.
    s.driver.back().await.expect("back to the participant");
    s.by_test_id("participant-title").await;
    s.click("new-match").await;
    s.choose("match-programme", "Maatje").await;
    s.wait_for_text("match-suggestions", "Ruimte:").await;
    s.screenshot("match-suggestions").await;
    s.assert_accessible("match form with suggestions").await;
    s.driver.set_window_rect(0, 0, 800, 560).await.expect("the minimum window size");
    s.click("lang-en").await;
    s.wait_for_text("match-suggestions", "Room:").await;
    s.screenshot("match-suggestions-english-minimum").await;
    s.click("lang-nl").await;
    s.driver.set_window_rect(0, 0, 1200, 800).await.expect("back to the usual size");
    s.quit().await;
}

/// A case through the real window: a participant, matched with a volunteer, assessed as complex; a
/// professional-level activity is logged, the window warns right there, and the referral is logged.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_professional_task_is_flagged_and_referred() {
    let s = Session::start("case").await;
    s.click("protect-skip").await;
    s.click("setup-empty").await;
    s.find("[data-testid='attention-count'], [data-testid='attention-empty']").await;

    // The sociale kaart: the debt help this branch refers to.
    s.click("nav-directory").await;
    s.by_test_id("directory-empty").await;
    s.click("new-organisation").await;
    s.type_into("org-name", "Schuldhulp Noord").await;
    let kinds = s.driver.query(By::Css("[data-testid='org-kind']")).all_from_selector_required().await.expect("kinds");
    kinds[1].click().await.expect("tick Schuldhulpverlening");
    s.type_into("org-contact", "010-1234567").await;
    s.screenshot("organisation-form").await;
    s.assert_accessible("organisation form").await;
    s.click("org-save").await;
    s.wait_for_text("directory-count", "1 organisatie").await;
    s.screenshot("directory").await;
    s.assert_accessible("sociale kaart").await;

    // A volunteer in Thuisadministratie.
    s.click("nav-volunteers").await;
    s.click("new-volunteer").await;
    s.type_into("volunteer-name", "Anna de Vries").await;
    s.by_test_id("volunteer-programme").await.click().await.expect("tick Thuisadministratie");
    s.click("volunteer-save").await;
    s.wait_for_text("volunteer-title", "Anna de Vries").await;

    // A participant, recorded by code only.
    s.click("nav-participants").await;
    s.click("new-participant").await;
    s.type_into("participant-label", "D-017").await;
    s.screenshot("participant-form").await;
    s.assert_accessible("participant form").await;
    s.click("participant-save").await;
    s.wait_for_text("participant-title", "D-017").await;

    // Matched with Anna, one-to-one at home.
    s.click("new-match").await;
    s.choose("match-programme", "Thuisadministratie").await;
    s.by_test_id("match-volunteer").await.click().await.expect("tick Anna");
    s.by_test_id("match-home").await.click().await.expect("at home");
    s.screenshot("match-form").await;
    s.assert_accessible("match form").await;
    s.click("match-save").await;
    s.wait_for_text("match-title", "D-017").await;

    // Assessed: problems on three life domains, not solvable within a year → complex.
    let domains = s
        .driver
        .query(By::Css("[data-testid='assess-domain']"))
        .all_from_selector_required()
        .await
        .expect("life domain boxes");
    for domain in domains.iter().take(3) {
        domain.click().await.expect("tick a life domain");
    }
    s.wait_for_text("assess-level", "complex").await;
    s.click("assess-save").await;
    s.wait_for_text("match-level", "complex").await;
    s.by_test_id("match-no-professional").await;
    s.screenshot("match-complex").await;
    s.assert_accessible("match page").await;

    // Anna deals with the bailiff: a professional task.
    s.click("nav-hours").await;
    // The volunteer is found by typing part of the name (a searchable list, not a drop-down).
    s.type_into("entry-volunteer", "vries").await;
    s.wait_for_text("entry-volunteer-option", "Anna de Vries").await;
    s.screenshot("volunteer-picker").await;
    s.assert_accessible("volunteer picker, open").await;
    // The same in English at the window's minimum size, chosen by keyboard (arrow, Enter).
    s.click("lang-en").await;
    s.driver.set_window_rect(0, 0, 800, 560).await.expect("the minimum window size");
    s.type_into("entry-volunteer", "anna").await;
    s.wait_for_text("entry-volunteer-option", "Anna de Vries").await;
    s.screenshot("volunteer-picker-english-minimum").await;
    let picker = s.by_test_id("entry-volunteer").await;
    picker.send_keys(Key::Down).await.unwrap();
    picker.send_keys(Key::Enter).await.unwrap();
    assert_eq!(picker.prop("value").await.unwrap().as_deref(), Some("Anna de Vries"), "chosen by keyboard");
    s.driver.set_window_rect(0, 0, 1200, 800).await.expect("back to the usual size");
    s.click("lang-nl").await;
    s.choose("entry-volunteer", "Anna de Vries").await;
    s.choose("entry-match", "D-017").await;
    s.choose("entry-activity", "deurwaarder").await;
    s.by_test_id("activity-hint").await;
    let duration = s.by_test_id("entry-duration").await;
    duration.send_keys("1").await.unwrap();
    duration.send_keys(Key::Enter).await.unwrap();
    s.wait_for_text("professional-warning", "geen taak voor een vrijwilliger").await;
    s.screenshot("professional-warning").await;
    s.assert_accessible("professional warning").await;

    // The referral, offered right there.
    s.click("offer-referral").await;
    s.choose("referral-kind", "Schuldhulp").await;
    // The sociale kaart offers the debt help; choosing it fills in to whom and shows the contact.
    s.choose("referral-organisation", "Schuldhulp Noord").await;
    s.wait_for_text("referral-organisation-contact", "010-1234567").await;
    s.screenshot("referral-form").await;
    s.assert_accessible("referral form with the sociale kaart").await;
    s.click("referral-save").await;
    s.by_test_id("referral-logged").await;
    s.screenshot("referral-logged").await;

    // The match page shows it.
    s.click("nav-participants").await;
    s.find("[data-testid='participant-row'] th").await.click().await.expect("open D-017");
    s.find("[data-testid='participant-match'] a, [data-testid='participant-match'] button")
        .await
        .click()
        .await
        .expect("open the match");
    s.wait_for_text("referrals", "Contact met deurwaarder").await;
    s.wait_for_text("referrals", "Schuldhulp Noord").await;
    s.screenshot("match-with-referral").await;
    s.quit().await;
}

/// The attention list through the real window: the demo's list → a signal with its evidence →
/// resolved with an action and a note → the list no longer holds it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_resolves_a_signal_from_the_attention_list() {
    let s = Session::start("signal").await;
    s.click("protect-skip").await;
    s.click("setup-demo").await;
    s.find("[data-testid='attention-row']").await;
    let before = s.driver.find_all(By::Css("[data-testid='attention-signal']")).await.expect("signals").len();
    assert!(before > 10, "the demo has signals to attend to: {before}");

    // The first row is the most severe.
    let first_row = s.find("[data-testid='attention-row']").await;
    let severity = first_row.find(By::Css("[data-testid='signal-severity']")).await.unwrap().text().await.unwrap();
    first_row.find(By::Css("[data-testid='signal-rule']")).await.unwrap().click().await.expect("open the signal");
    s.by_test_id("signal-explanation").await;
    s.by_test_id("signal-chart").await;
    s.by_test_id("signal-history").await;
    s.by_test_id("signal-guide").await;
    s.screenshot("signal").await;
    s.scroll_to("signal-guide").await;
    s.screenshot("signal-guide").await;
    s.assert_accessible("signal page").await;
    assert!(!severity.is_empty());

    s.click("signal-resolve").await;
    s.find("[data-testid='resolution-option']").await.click().await.expect("choose an action");
    s.type_into("resolution-note", "Gesprek gehad; taken verdeeld").await;
    s.screenshot("resolve-form").await;
    s.assert_accessible("resolve form").await;
    s.click("resolution-save").await;
    s.by_test_id("signal-saved").await;
    s.wait_for_text("signal-status", "afgehandeld").await;
    s.screenshot("resolved").await;

    s.click("back-to-attention").await;
    s.find("[data-testid='attention-row']").await;
    let start = std::time::Instant::now();
    let mut after = before;
    while start.elapsed() < std::time::Duration::from_secs(10) {
        after = s.driver.find_all(By::Css("[data-testid='attention-signal']")).await.expect("signals").len();
        if after < before {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(after, before - 1, "the resolved signal leaves the list");
    s.screenshot("attention-after").await;
    s.quit().await;
}

/// Data safety through the real window: first start with a passphrase and its recovery code (made
/// and ticked as written down) → the first steps on the start screen → a backup by hand → lock →
/// a wrong passphrase is refused, the right one opens → a volunteer added after the backup is gone
/// once the backup is restored (and the data from before the restore is kept as a backup).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_protects_locks_unlocks_and_restores() {
    let s = Session::start("safety").await;
    s.type_into("protect-passphrase", "kort").await;
    s.type_into("protect-repeat", "kort").await;
    s.click("protect-submit").await;
    s.wait_for_text("protect-error-passphrase", "minstens 10 tekens").await;
    s.screenshot("protect-refused").await;
    s.by_test_id("protect-passphrase").await.clear().await.expect("clear");
    s.by_test_id("protect-repeat").await.clear().await.expect("clear");
    s.type_into("protect-passphrase", "vier losse woorden hier").await;
    s.type_into("protect-repeat", "vier losse woorden hier").await;
    s.click("protect-submit").await;
    // Right after the passphrase: the recovery code, made, written down (ticked), then on.
    s.click("recovery-step-make").await;
    let code = s.by_test_id("recovery-code").await.text().await.expect("the code").trim().to_string();
    assert_eq!(code.len(), 24, "five groups of four: {code}");
    s.screenshot("first-start-recovery-code").await;
    s.assert_accessible("first start: recovery code").await;
    s.click("recovery-step-written").await;
    s.click("recovery-step-next").await;
    s.click("setup-empty").await;
    s.find("[data-testid='attention-count'], [data-testid='attention-empty']").await;
    // Starting empty shows the first steps; the recovery code is one of them, done already.
    s.wait_for_text("first-step-recovery", "Klaar").await;
    s.screenshot("first-steps").await;
    s.assert_accessible("start screen with the first steps").await;

    s.click("nav-safety").await;
    s.wait_for_text("safety-status", "Versleuteld").await;
    s.wait_for_text("rc-status", "gemaakt op").await;
    s.click("backup-make").await;
    s.by_test_id("backup-notice").await;
    s.screenshot("safety").await;
    s.assert_accessible("safety screen").await;

    // A volunteer added after the backup.
    s.click("nav-volunteers").await;
    s.click("new-volunteer").await;
    s.type_into("volunteer-name", "Na de Back-up").await;
    s.by_test_id("volunteer-programme").await.click().await.expect("tick the first programme");
    s.click("volunteer-save").await;
    s.wait_for_text("volunteer-title", "Na de Back-up").await;

    // Lock; a wrong passphrase is refused; the right one opens.
    s.click("lock").await;
    s.type_into("unlock-passphrase", "niet de goede zin").await;
    s.click("unlock-submit").await;
    s.wait_for_text("unlock-error-passphrase", "klopt niet").await;
    s.screenshot("unlock-refused").await;
    s.assert_accessible("unlock screen").await;
    s.type_into("unlock-passphrase", "vier losse woorden hier").await;
    s.click("unlock-submit").await;
    // Back where the coordinator was when locking.
    s.wait_for_text("volunteer-title", "Na de Back-up").await;

    // Restore the manual backup: the volunteer added after it is gone.
    s.click("nav-safety").await;
    let rows = s.driver.find_all(By::Css("[data-testid='backup-row']")).await.expect("rows");
    let mut manual = None;
    for row in rows {
        if row.text().await.unwrap_or_default().contains("Handmatig") {
            manual = Some(row);
            break;
        }
    }
    let manual = manual.expect("the manual backup is listed");
    manual.find(By::Css("[data-testid='backup-restore']")).await.unwrap().click().await.expect("restore");
    s.by_test_id("restore-confirm").await;
    s.screenshot("restore-confirm").await;
    s.click("restore-yes").await;
    s.wait_for_text("backups", "Voor het terugzetten").await;
    s.screenshot("restored").await;
    s.click("nav-volunteers").await;
    s.find("[data-testid='volunteers-empty'], [data-testid='volunteer-row']").await;
    let page = s.driver.source().await.unwrap_or_default();
    assert!(!page.contains("Na de Back-up"), "the restored backup is from before the volunteer was added");
    s.quit().await;
}

/// The recovery code in the real window: left for later at the first start, then made on the
/// Veiligheid screen after the passphrase and shown once; after locking, "Wachtwoordzin vergeten?"
/// refuses a wrong code at its field, and the right code opens the data with a new passphrase,
/// which is the one that unlocks from then on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_keeps_a_recovery_code_and_opens_the_data_with_it() {
    let s = Session::start("recovery").await;
    // The first start also offers a backup from a USB stick (its file dialog is the system's own).
    s.click("protect-restore").await;
    s.by_test_id("restore-file-choose").await;
    s.screenshot("first-start-restore").await;
    s.assert_accessible("first start, restore a backup").await;
    s.click("restore-file-back").await;
    s.type_into("protect-passphrase", "vier losse woorden hier").await;
    s.type_into("protect-repeat", "vier losse woorden hier").await;
    s.click("protect-submit").await;
    // The recovery code offered right away is left for later (which says what that means).
    s.wait_for_text("recovery-step-later-help", "Je kunt de code later maken bij Veiligheid").await;
    s.click("recovery-step-later").await;
    s.click("setup-empty").await;
    s.find("[data-testid='attention-count'], [data-testid='attention-empty']").await;

    s.click("nav-safety").await;
    s.wait_for_text("rc-status", "nog geen herstelcode").await;
    s.scroll_to("rc-passphrase").await;
    s.type_into("rc-passphrase", "vier losse woorden hier").await;
    s.click("rc-make").await;
    let code = s.by_test_id("recovery-code").await.text().await.expect("the code").trim().to_string();
    assert_eq!(code.len(), 24, "five groups of four: {code}");
    s.screenshot("recovery-code").await;
    s.assert_accessible("recovery code shown").await;
    s.click("rc-kept").await;
    s.wait_for_text("rc-status", "gemaakt op").await;
    // A backup by hand, under the first passphrase: the code travels with it.
    s.click("backup-make").await;
    s.by_test_id("backup-notice").await;

    // The passphrase is forgotten.
    s.click("lock").await;
    s.click("unlock-forgot").await;
    s.type_into("recover-code", "0000-0000-0000-0000-0000").await;
    s.type_into("recover-passphrase", "een nieuwe wachtwoordzin").await;
    s.type_into("recover-repeat", "een nieuwe wachtwoordzin").await;
    s.click("recover-submit").await;
    s.wait_for_text("recover-error-recoveryCode", "past niet").await;
    s.screenshot("recover-refused").await;
    s.assert_accessible("recover form").await;
    s.by_test_id("recover-code").await.clear().await.expect("clear");
    s.type_into("recover-code", &code.to_lowercase()).await;
    s.click("recover-submit").await;
    // Open again, back on the screen the coordinator locked from, and the code still stands.
    s.wait_for_text("rc-status", "gemaakt op").await;
    s.screenshot("recovered").await;

    // The backup from before is made under the forgotten passphrase: it comes back with the code.
    let rows = s.driver.find_all(By::Css("[data-testid='backup-row']")).await.expect("rows");
    let mut manual = None;
    for row in rows {
        if row.text().await.unwrap_or_default().contains("Handmatig") {
            manual = Some(row);
            break;
        }
    }
    let manual = manual.expect("the manual backup is listed");
    manual.find(By::Css("[data-testid='backup-restore']")).await.unwrap().click().await.expect("restore");
    s.click("restore-yes").await;
    s.by_test_id("restore-passphrase").await;
    s.click("restore-use-code").await;
    s.type_into("restore-code", &code).await;
    s.type_into("restore-new-passphrase", "een derde wachtwoordzin").await;
    s.type_into("restore-repeat", "een derde wachtwoordzin").await;
    s.screenshot("restore-with-code").await;
    s.assert_accessible("restore with the code").await;
    s.click("restore-yes").await;
    s.wait_for_text("backups", "Voor het terugzetten").await;

    // From now on the newest passphrase opens the data.
    s.click("lock").await;
    s.type_into("unlock-passphrase", "een derde wachtwoordzin").await;
    s.click("unlock-submit").await;
    s.wait_for_text("safety-status", "Versleuteld").await;
    s.quit().await;
}

/// The AVG tools in the real window: consent recorded with who and what for; the coordinator's name
/// on the privacy screen, and the audit log saying who added the participant; then the participant
/// erased after typing their name, and gone from the list.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_records_consent_and_erases_a_participant() {
    let s = Session::start("privacy").await;
    s.click("protect-skip").await;
    s.click("setup-empty").await;
    s.find("[data-testid='attention-count'], [data-testid='attention-empty']").await;

    s.click("nav-privacy").await;
    s.type_into("coordinator-name", "Els Bakker").await;
    s.click("coordinator-save").await;
    s.by_test_id("coordinator-saved").await;

    s.click("nav-participants").await;
    s.click("new-participant").await;
    s.type_into("participant-label", "Wilma").await;
    s.type_into("participant-consent", "01-11-2026").await;
    s.type_into("participant-consent-by", "Els Bakker").await;
    s.type_into("participant-consent-scope", "Gegevens voor de koppeling").await;
    s.click("participant-save").await;
    s.wait_for_text("participant-title", "Wilma").await;
    s.wait_for_text("participant-consent-scope-value", "Gegevens voor de koppeling").await;
    s.screenshot("participant-with-consent").await;

    s.click("nav-privacy").await;
    s.wait_for_text("audit-table", "Els Bakker").await;
    s.screenshot("privacy").await;
    s.assert_accessible("privacy screen").await;

    s.click("nav-participants").await;
    s.find("[data-testid='participant-row'] th").await.click().await.expect("open Wilma");
    s.wait_for_text("participant-title", "Wilma").await;
    s.click("privacy-erase").await;
    s.by_test_id("erase-confirm").await;
    s.type_into("erase-name", "Wilma").await;
    s.screenshot("erase-confirm").await;
    s.assert_accessible("erase confirmation").await;
    s.click("erase-yes").await;
    s.by_test_id("erasure-report").await;
    s.screenshot("erased").await;
    let row = s.find("[data-testid='participant-row']").await.text().await.unwrap_or_default();
    assert!(row.starts_with("Gewist") && !row.contains("Wilma"), "the list holds no name any more: {row}");
    s.quit().await;
}

/// Last year's spreadsheet through the real window: a volunteer list in .xlsx (with a title above
/// the headers and a total below) → columns guessed → the dry run finds a row that cannot come in →
/// fixed → imported with a progress bar → the volunteers are there. The native file dialog is
/// bypassed by typing the path, as a coordinator may.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_imports_last_years_spreadsheet() {
    let s = Session::start("import").await;
    s.click("protect-skip").await;
    s.click("setup-empty").await;
    s.find("[data-testid='attention-count'], [data-testid='attention-empty']").await;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vrijwilligers 2025.xlsx");
    let write = |with_bad_row: bool| {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Vrijwilligers Humanitas Noord").unwrap();
        for (col, header) in ["Naam", "E-mail", "Startdatum", "Project"].iter().enumerate() {
            sheet.write_string(2, col as u16, *header).unwrap();
        }
        let people = [("Anna de Vries", "anna@example.nl", "01-02-2024"), ("Bram Jansen", "bram@", "15-09-2023")];
        for (i, (name, email, start)) in people.iter().enumerate() {
            let row = 3 + i as u32;
            sheet.write_string(row, 0, *name).unwrap();
            sheet.write_string(row, 1, if *email == "bram@" && !with_bad_row { "" } else { email }).unwrap();
            sheet.write_string(row, 2, *start).unwrap();
            sheet.write_string(row, 3, "Maatje").unwrap();
        }
        sheet.write_string(6, 0, "Totaal: 2 vrijwilligers").unwrap();
        book.save(&path).unwrap();
    };
    write(true);

    s.click("nav-data").await;
    s.type_into("import-path", &path.display().to_string()).await;
    s.click("import-read").await;
    s.find("[data-testid='mapping-row']").await;
    s.screenshot("mapping").await;
    s.assert_accessible("import mapping").await;
    s.click("import-dry-run").await;
    s.wait_for_text("dry-run", "5").await;
    let problem = s.find("[data-testid='problem-row']").await.text().await.unwrap_or_default();
    assert!(problem.contains('5') && problem.contains("E-mail"), "row 5, the e-mail column: {problem}");
    s.screenshot("dry-run-problem").await;
    s.assert_accessible("dry run with a problem").await;

    write(false);
    s.click("import-dry-run").await;
    s.wait_for_text("dry-run", "2").await;
    s.click("import-run").await;
    s.wait_for_text("import-done", "2").await;
    s.screenshot("imported").await;

    s.click("nav-volunteers").await;
    s.wait_for_text("volunteer-count", "2").await;
    let page = s.driver.source().await.unwrap_or_default();
    assert!(page.contains("Anna de Vries") && page.contains("Bram Jansen"));
    s.quit().await;
}

/// A funder report from the real window: the reports screen previews last year's figures for the
/// demo branch (anonymous), the report is written as a PDF with the figures on its cover, and the
/// internal version lists volunteers by name; a period typed the wrong way round is refused next to
/// its field. The native save dialog is bypassed by calling the export command with a path, as
/// the button does after the dialog.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_saves_a_funder_report() {
    let s = Session::start("report").await;
    s.click("protect-skip").await;
    s.click("setup-demo").await;
    s.find("[data-testid='attention-row']").await;
    s.click("nav-reports").await;
    s.find("[data-testid='report-table']").await;
    let preview = s.find("#report-preview").await.text().await.unwrap_or_default();
    assert!(preview.contains("Verantwoording vrijwilligerswerk"), "the funder title: {preview}");
    assert!(!preview.contains("Uren per vrijwilliger"), "no names for a funder");
    s.screenshot("report-preview").await;
    s.assert_accessible("reports").await;
    s.scroll_to("report-table").await;
    s.screenshot("report-tables").await;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("verantwoording 2025.pdf");
    // The native save dialog cannot be driven here: the test calls the command the button calls
    // after it, with the path a coordinator would have chosen.
    let saved = s
        .driver
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const input = { from: '2025-01-01', to: '2025-12-31', programmeId: null, audience: 'funder', language: 'nl' };
             window.__TAURI_INTERNALS__.invoke('export_report', { input, format: 'pdf', path: arguments[0] })
               .then(r => done(r), e => done({ error: e }));",
            vec![serde_json::json!(path.display().to_string())],
        )
        .await
        .expect("export the report");
    assert!(saved.json()["bytes"].as_u64().unwrap_or(0) > 10_000, "the report was written: {:?}", saved.json());
    let pdf = std::fs::read(&path).expect("the report was written where the dialog said");
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    let text = std::process::Command::new("pdftotext").args([&path.display().to_string(), "-"]).output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Demo-afdeling") && text.contains("1-1-2025 t/m 31-12-2025"), "cover: {text:.300}");

    s.click("report-audience-internal").await;
    s.wait_for_text("report-preview", "Uren per vrijwilliger").await;
    s.scroll_to("report-branch").await;
    s.screenshot("report-internal").await;

    // A period typed the wrong way round is refused next to the field, in plain Dutch.
    s.choose("report-period-kind", "Zelf kiezen").await;
    s.type_into("report-from", "31-12-2025").await;
    s.type_into("report-to", "1-1-2025\u{E007}").await; // WebDriver's Enter key
    s.wait_for_text("report-error-to", "einddatum ligt vóór de begindatum").await;
    s.scroll_to("report-error-to").await;
    s.screenshot("report-period-refused").await;
    s.assert_accessible("reports with a refused period").await;
    s.quit().await;
}

/// Issue 15 in the real window: the demo branch's municipalities and subsidies under Beheer, one
/// added; a participant who lives in one; a report about what a subsidy pays for, its period
/// filled in from the subsidy — at 1280 × 720, then at the minimum size in English.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_reports_on_a_municipality_and_a_subsidy() {
    let s = Session::start("funding").await;
    s.click("protect-skip").await;
    s.click("setup-demo").await;
    s.find("[data-testid='attention-row']").await;
    s.driver.set_window_rect(0, 0, 1280, 720).await.expect("1280 x 720");

    s.click("nav-funding").await;
    s.find("[data-testid='municipality-row']").await;
    s.find("[data-testid='subsidy-row']").await;
    s.screenshot("funding").await;
    s.assert_accessible("municipalities and subsidies").await;
    s.type_into("municipality-name", "Utrecht").await;
    s.click("municipality-add").await;
    s.wait_for_text("municipality-notice", "Utrecht").await;
    s.type_into("municipality-name", "zeist").await;
    s.click("municipality-add").await;
    s.wait_for_text("municipality-error-name", "staat al in de lijst").await;
    s.screenshot("funding-duplicate-refused").await;

    // A participant who lives in Utrecht.
    s.click("nav-participants").await;
    s.click("new-participant").await;
    s.type_into("participant-label", "U-001").await;
    s.choose("participant-municipality", "Utrecht").await;
    s.screenshot("participant-form-municipality").await;
    s.click("participant-save").await;
    s.wait_for_text("participant-municipality-value", "Utrecht").await;

    // Goals: Thuisadministratie gets one more; U-001's match works towards two; when it ends, each
    // gets a result — refused while one has none.
    s.click("nav-programmes").await;
    s.scroll_to("goals-toggle").await;
    s.find("[data-testid='goals-programme'] [data-testid='goals-toggle']").await.click().await.expect("open the goals");
    s.type_into("new-goal-name", "Toeslagen geregeld").await;
    s.click("new-goal-add").await;
    s.wait_for_text("goal-added", "Toeslagen geregeld").await;
    s.scroll_to("goal-list").await;
    s.screenshot("programme-goals").await;
    s.assert_accessible("a programme's goals").await;
    s.click("nav-participants").await;
    s.type_into("participant-search", "U-001").await;
    s.find("[data-testid='participant-row'] th").await.click().await.expect("open U-001");
    s.click("new-match").await;
    s.choose("match-programme", "Thuisadministratie").await;
    let goals =
        s.driver.query(By::Css("[data-testid='match-goal']")).all_from_selector_required().await.expect("goals");
    goals[0].click().await.expect("tick the first goal");
    goals[1].click().await.expect("tick the second goal");
    s.by_test_id("match-volunteer").await.click().await.expect("tick a volunteer with room");
    s.scroll_to("match-goals").await;
    s.screenshot("match-form-goals").await;
    s.click("match-save").await;
    s.wait_for_text("match-goals", "nog open").await;
    s.click("end-match").await;
    s.type_into("end-reason", "Doel bereikt").await;
    s.by_test_id("end-goal-reached").await.click().await.expect("the first goal reached");
    s.click("end-save").await;
    s.wait_for_text("end-error-goals", "heeft nog geen uitkomst").await;
    s.scroll_to("end-goals").await;
    s.screenshot("end-match-goal-refused").await;
    let partly =
        s.driver.query(By::Css("[data-testid='end-goal-partly']")).all_from_selector_required().await.expect("radios");
    partly[1].click().await.expect("the second goal partly");
    s.click("end-save").await;
    s.wait_for_text("match-goals", "deels bereikt").await;
    s.scroll_to("match-goals").await;
    s.screenshot("match-goals-results").await;
    s.assert_accessible("an ended match with its goals' results").await;

    // A story for reports: a participant's label and a phone number in it are marked, and it
    // cannot go into a report until they are gone.
    s.click("nav-funding").await;
    s.click("new-story").await;
    s.type_into("story-title", "Weer grip op de post").await;
    s.type_into("story-text", "U-001 kreeg hulp bij de post. Bel 06-12345678 voor meer.").await;
    s.type_into("story-from", "1-1-2026").await;
    s.type_into("story-to", "31-12-2026").await;
    s.click("story-save").await;
    s.wait_for_text("story-findings", "telefoonnummer").await;
    s.find("[data-testid='story-finding-mark']").await;
    s.scroll_to("story-findings-view").await;
    s.screenshot("story-findings").await;
    s.assert_accessible("a story with what points at a person marked").await;
    s.by_test_id("story-in-report").await.click().await.expect("choose the story");
    s.wait_for_text("story-choose-failure", "kan nog niet in een rapport").await;
    s.by_test_id("edit-story").await.click().await.expect("edit the story");
    s.type_into("story-text", "Een deelnemer kreeg hulp bij de post en opent die nu weer zelf.").await;
    s.click("story-save").await;
    s.wait_for_text("story-status", "Niet in rapporten").await;
    s.by_test_id("story-in-report").await.click().await.expect("choose the story");
    s.wait_for_text("story-status", "In rapporten").await;
    s.screenshot("story-chosen").await;

    // A report about what Zeist's Wmo subsidy of 2025 pays for: its period comes with it.
    s.click("nav-reports").await;
    s.find("[data-testid='report-table']").await;
    s.choose("report-for", "Wat een subsidie betaalt").await;
    s.choose("report-subsidy", "Wmo-subsidie Zeist 2025").await;
    s.wait_for_text("report-subsidy-hint", "Gemeente Zeist").await;
    s.wait_for_text("report-preview", "Wmo-subsidie Zeist 2025 van Gemeente Zeist, voor inwoners van Zeist").await;
    let preview = s.find("#report-preview").await.text().await.unwrap_or_default();
    assert!(preview.contains("1-1-2025 t/m 31-12-2025"), "the subsidy's period: {preview:.400}");
    s.screenshot("report-subsidy").await;
    s.assert_accessible("a report about a subsidy").await;
    s.choose("report-for", "Inwoners van een gemeente").await;
    s.choose("report-municipality", "Inwoners van De Bilt").await;
    s.wait_for_text("report-preview", "Inwoners van De Bilt").await;
    s.screenshot("report-municipality").await;

    s.driver.set_window_rect(0, 0, 800, 560).await.expect("the minimum window size");
    s.click("lang-en").await;
    s.click("nav-funding").await;
    s.find("[data-testid='subsidy-row']").await;
    s.screenshot("funding-english-minimum").await;
    s.assert_accessible("municipalities and subsidies, in English at the minimum size").await;
    s.scroll_to("new-story").await;
    // Nothing makes the page scroll sideways (a table scrolls inside its own box).
    let page: Vec<f64> = s
        .driver
        .execute(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth, window.scrollX];",
            vec![],
        )
        .await
        .expect("measure")
        .convert()
        .expect("three numbers");
    assert!(page[0] <= page[1] && page[2] == 0.0, "no sideways scrolling at 800 × 560: {page:?}");
    s.screenshot("stories-english-minimum").await;
    s.click("new-subsidy").await;
    s.by_test_id("subsidy-name").await;
    s.screenshot("subsidy-form-english-minimum").await;
    s.click("nav-programmes").await;
    s.scroll_to("goals-toggle").await;
    s.find("[data-testid='goals-programme'] [data-testid='goals-toggle']").await.click().await.expect("open the goals");
    s.scroll_to("goal-list").await;
    s.screenshot("goals-english-minimum").await;
    s.assert_accessible("a programme's goals, in English at the minimum size").await;
    s.click("lang-nl").await;
    s.quit().await;
}

/// A week of paper forms for five volunteers, typed into the week grid by keyboard only: Tab to
/// the grid, durations and Enter, a slip corrected by typing a lower total over it, and undone
/// with Ctrl+Z — at 1280 × 720 and at the window's minimum, 800 × 560. The keystrokes are counted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_types_a_week_of_hours_by_keyboard() {
    let s = Session::start("week").await;
    s.click("protect-skip").await;
    s.click("setup-empty").await;
    s.find("[data-testid='attention-count'], [data-testid='attention-empty']").await;
    s.driver.set_window_rect(0, 0, 1280, 720).await.expect("a 1280 × 720 window");
    let names = ["Anna de Vries", "Bram Jansen", "Chantal Bakker", "Dirk Visser", "Esra Yilmaz"];
    for name in names {
        s.click("nav-volunteers").await;
        s.click("new-volunteer").await;
        s.type_into("volunteer-name", name).await;
        s.by_test_id("volunteer-programme").await.click().await.expect("tick the first programme");
        s.click("volunteer-save").await;
        s.wait_for_text("volunteer-title", name).await;
    }

    // Last week, so that all seven days are open whatever today is.
    s.click("nav-hours").await;
    s.by_test_id("week-grid").await;
    let before = s.keystrokes();
    while !focused_is(&s, "week-prev").await {
        s.press(Key::Tab).await;
        assert!(s.keystrokes() - before < 40, "Tab never reached 'Vorige week'");
    }
    s.press(Key::Enter).await;
    while !focused_is(&s, "grid-cell").await {
        s.press(Key::Tab).await;
        assert!(s.keystrokes() - before < 60, "Tab never reached the grid");
    }
    let to_grid = s.keystrokes() - before;

    // Each row: Monday 2, Wednesday 1,5, Friday 3, Saturday 1:30; Enter alone passes a day. After
    // Sunday, Enter goes on to the next volunteer's Monday.
    let typing = s.keystrokes();
    for _ in names {
        for keys in ["2\n", "\n", "1,5\n", "\n", "3\n", "1:30\n", "\n"] {
            for key in keys.split_inclusive('\n') {
                let text = key.trim_end_matches('\n');
                if !text.is_empty() {
                    s.press(text).await;
                }
                s.press(Key::Enter).await;
                grid_settled(&s).await;
            }
        }
    }
    let per_twenty = s.keystrokes() - typing;
    s.screenshot("week-typed").await;
    s.assert_accessible("week grid, typed").await;

    // Paged away and back: what the cells show is what was saved.
    s.click("week-next").await;
    s.click("week-prev").await;
    let rows = s
        .driver
        .query(By::Css("[data-testid='week-grid'] tbody tr"))
        .all_from_selector_required()
        .await
        .expect("grid rows");
    assert_eq!(rows.len(), names.len());
    for row in &rows {
        let mut shown = Vec::new();
        for cell in row.find_all(By::Css("[data-testid='grid-cell']")).await.unwrap() {
            shown.push(cell.prop("value").await.unwrap().unwrap_or_default());
        }
        assert_eq!(shown, ["2", "", "1,5", "", "3", "1,5", ""], "{}", row.text().await.unwrap());
    }

    // At the minimum size: the first Monday was 1 hour, not 2. Typing 1 over it asks which entry
    // goes ("Weghalen" has the focus); Enter takes the 2 hours away and saves 1.
    s.driver.set_window_rect(0, 0, 800, 560).await.expect("the minimum window size");
    let monday = s.find("[data-testid='week-grid'] [data-testid='grid-cell']").await;
    monday.click().await.expect("into the first Monday");
    let correcting = s.keystrokes();
    s.press("1").await;
    s.press(Key::Enter).await;
    s.by_test_id("lower-day").await;
    s.screenshot("week-lower-minimum").await;
    s.assert_accessible("week grid, which entry goes").await;
    s.press(Key::Enter).await;
    s.wait_for_text("grid-undo", "van 1 uur terug naar 2 uur").await;
    wait_for_value(&s, &monday, "1").await;
    // Ctrl+Z in the grid puts the 2 hours back.
    s.press(Key::Control + "z").await;
    wait_for_value(&s, &monday, "2").await;
    let correction = s.keystrokes() - correcting;
    s.screenshot("week-undone-minimum").await;
    s.assert_accessible("week grid at the minimum size").await;

    // In English: the same grid, its help and its undo in English, numbers written 1.5.
    s.click("lang-en").await;
    s.wait_for_text("grid-undo", "Undo:").await;
    let cells = s.driver.query(By::Css("[data-testid='grid-cell']")).all_from_selector_required().await.unwrap();
    assert_eq!(cells[2].prop("value").await.unwrap().as_deref(), Some("1.5"), "an English decimal point");
    s.screenshot("week-english-minimum").await;
    s.assert_accessible("week grid in English").await;
    s.click("lang-nl").await;

    eprintln!(
        "[week] keystrokes: {to_grid} to reach the grid, {per_twenty} for 20 entries of 5 volunteers, {correction} to correct one and undo it"
    );
    s.quit().await;
}

/// Waits until no grid cell holds typing that is not saved yet (the save went through).
async fn grid_settled(s: &Session) {
    for _ in 0..100 {
        let pending = s.driver.execute("return document.querySelector('.grid-typed') !== null", vec![]).await.unwrap();
        if pending.json() == &serde_json::Value::Bool(false) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    s.screenshot("failed").await;
    panic!("a grid cell kept its typing");
}

/// Waits until a field shows `expected`.
async fn wait_for_value(s: &Session, field: &WebElement, expected: &str) {
    for _ in 0..100 {
        if field.prop("value").await.unwrap().as_deref() == Some(expected) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    s.screenshot("failed").await;
    panic!("the field should show {expected:?}, shows {:?}", field.prop("value").await.unwrap());
}

/// Whether the element with the focus has this test id.
async fn focused_is(s: &Session, id: &str) -> bool {
    let focused = s.driver.active_element().await.expect("the focused element");
    focused.attr("data-testid").await.unwrap().as_deref() == Some(id)
}
