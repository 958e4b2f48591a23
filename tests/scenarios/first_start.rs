//! The first start: a new database asks for a choice; "demo" fills a fictional branch, marked as
//! demo; the language choice is remembered across restarts.

use draagkracht_api::wire::{Language, SetupChoice, VolunteerFilter};
use draagkracht_api::Draagkracht;
use draagkracht_tests::{date, TempApp};

#[test]
fn a_new_database_asks_first_and_then_remembers_the_choice() {
    let mut t = TempApp::new();
    let today = date(2026, 11, 28);
    let status = t.app.status(today).unwrap();
    assert!(!status.set_up && !status.demo);
    assert_eq!(status.language, Language::Nl, "Dutch first");
    assert_eq!(t.app.programmes().unwrap().len(), 5, "the programmes of DOMAIN.md are there from the start");

    t.app.set_up(SetupChoice::Empty, today).unwrap();
    t.app.set_language(Language::En, today).unwrap();
    drop(t.app);
    let reopened = Draagkracht::open(&t.dir.path().join("draagkracht.sqlite")).unwrap();
    let status = reopened.status(today).unwrap();
    assert!(status.set_up && !status.demo);
    assert_eq!(status.language, Language::En, "the language choice survives a restart");
    assert_eq!(reopened.programmes().unwrap().len(), 5, "reopening seeds nothing twice");
}

#[test]
fn the_demo_branch_is_realistic_marked_and_sound() {
    let mut t = TempApp::new();
    let today = date(2026, 11, 28);
    let status = t.app.set_up(SetupChoice::Demo, today).unwrap();
    assert!(status.set_up && status.demo);
    let all = t.app.volunteers(&VolunteerFilter::default(), today).unwrap();
    assert_eq!(all.len(), 250);
    let report = t.app.check().unwrap();
    assert!(report.sound, "{report:?}");
    assert!(report.hour_entries > 80_000, "{} entries", report.hour_entries);
    let month = t.app.month_overview(today).unwrap();
    assert!(month.total_minutes > 0 && month.active_volunteers > 100);

    // Choosing again does not write a second branch.
    t.app.set_up(SetupChoice::Demo, today).unwrap();
    assert_eq!(t.app.check().unwrap().hour_entries, report.hour_entries);
}
