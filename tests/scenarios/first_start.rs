//! The first start: a new database asks for a choice; "demo" fills a fictional branch, marked as
//! demo; the language choice is remembered across restarts.

use draagkracht_api::wire::{CaseLevel, Language, RuleId, SetupChoice, Severity, VolunteerFilter, VolunteerStatus};
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
    // The demo is generated up to the day it is made, so its figures vary a little from day to day:
    // this test pins one.
    let today = date(2026, 12, 5);
    let status = t.app.set_up(SetupChoice::Demo, today).unwrap();
    assert!(status.set_up && status.demo);
    let all = t.app.volunteers(&VolunteerFilter::default(), today).unwrap();
    assert_eq!(all.len(), 250);
    let report = t.app.check().unwrap();
    assert!(report.sound, "{report:?}");
    assert!(report.hour_entries > 70_000, "{} entries", report.hour_entries);
    let month = t.app.month_overview(today).unwrap();
    assert!(month.total_minutes > 0 && month.active_volunteers > 100);

    // Cases in every programme, at every level, with professionals, referrals and activities of all
    // three levels — most of it ordinary.
    let matches = t.app.matches(today).unwrap();
    let programmes = t.app.programmes().unwrap();
    assert!(programmes.iter().all(|p| matches.iter().any(|m| m.programme_id == p.id)), "every programme has matches");
    let count = |level| matches.iter().filter(|m| m.level == level).count();
    let (normal, complex, acute) = (count(CaseLevel::Normal), count(CaseLevel::Complex), count(CaseLevel::Acute));
    assert!(normal > complex && complex > acute && acute > 0, "normal {normal}, complex {complex}, acute {acute}");
    assert!(matches.iter().any(|m| m.professional_involved));
    let with_referral =
        matches.iter().filter(|m| !t.app.match_detail(m.id, today).unwrap().referrals.is_empty()).count();
    assert!(with_referral > 0, "some referrals are logged");
    let volunteer = all.iter().find(|v| v.minutes_last_four_weeks > 0).unwrap();
    let detail = t.app.volunteer(volunteer.id, today).unwrap();
    assert!(!detail.matches.is_empty(), "a volunteer with hours has matches");

    // Every rule fires for some volunteers, and the branch looks like a plausible one: at most one
    // in five volunteers with a warning or an alert (the UvH's 2018 figure for volunteers pushed
    // beyond their competence).
    let attention = t.app.attention_list(today).unwrap();
    for rule in RuleId::ALL {
        assert!(
            attention.iter().any(|r| r.signals.iter().any(|s| s.rule == rule)),
            "{rule:?} fires somewhere in the demo"
        );
    }
    let alerts_or_warnings = attention.iter().filter(|r| r.severity >= Severity::Warning).count();
    let alerts = attention.iter().filter(|r| r.severity == Severity::Alert).count();
    let working = all.iter().filter(|v| matches!(v.status, VolunteerStatus::Active | VolunteerStatus::Resting)).count();
    assert!(attention.len() * 2 < working, "{} of {working} volunteers have a signal", attention.len());
    assert!(
        alerts_or_warnings * 5 <= all.len(),
        "{alerts_or_warnings} of {} volunteers have warnings or alerts",
        all.len()
    );
    // Signals follow the status: a break is meant to be quiet, and an applicant's VOG is a to-do.
    let status_of: std::collections::HashMap<_, _> = all.iter().map(|v| (v.id, v.status)).collect();
    for row in &attention {
        let status = status_of[&row.volunteer_id];
        for s in &row.signals {
            assert!(
                !(status == VolunteerStatus::Resting && s.rule == RuleId::GoneQuiet),
                "{} is on a break and gone quiet",
                row.volunteer_name
            );
            assert!(
                !(matches!(status, VolunteerStatus::Registered | VolunteerStatus::Intake)
                    && s.rule == RuleId::CredentialExpired),
                "{} is an applicant with an expired VOG",
                row.volunteer_name
            );
        }
    }
    assert!(alerts * 8 < working, "{alerts} of {working} volunteers have an alert");

    // The branch's years: more hours and heavier cases as the years go by.
    let trend = t.app.branch_trend(today).unwrap();
    let years: Vec<_> = trend.years.iter().map(|y| y.year).collect();
    assert_eq!(years, (2021..=2026).collect::<Vec<_>>());
    let (first, last) = (&trend.years[1], &trend.years[5]);
    assert!(last.minutes > first.minutes, "hours grew: {} → {}", first.minutes, last.minutes);
    assert!(
        last.complex_percent > first.complex_percent,
        "heavier: {} → {}",
        first.complex_percent,
        last.complex_percent
    );
    let load = t.app.volunteer_load(volunteer.id, today).unwrap();
    assert_eq!(load.weeks.len(), 53);
    assert!(load.weeks.iter().any(|w| w.caseload_weight > 0));

    // Choosing again does not write a second branch.
    t.app.set_up(SetupChoice::Demo, today).unwrap();
    assert_eq!(t.app.check().unwrap().hour_entries, report.hour_entries);
}

/// The demo is generated up to the day it is made: on any day a coordinator tries it, every rule
/// shows at least once (a few volunteers' last weeks are shaped for the rarer ones) and at most one
/// in five volunteers has a warning or an alert. A sweep of 40 days of 2026–2027 gave 14 rules
/// every day and 34 to 50 volunteers (of 250); these days are from its edges.
#[test]
fn on_any_day_the_demo_shows_every_rule_and_at_most_one_in_five_volunteers_with_a_warning() {
    for today in [date(2026, 3, 15), date(2026, 12, 5), date(2027, 6, 30)] {
        let mut t = TempApp::new();
        t.app.set_up(SetupChoice::Demo, today).unwrap();
        let attention = t.app.attention_list(today).unwrap();
        let missing: Vec<_> = RuleId::ALL
            .iter()
            .filter(|rule| !attention.iter().any(|r| r.signals.iter().any(|s| s.rule == **rule)))
            .collect();
        assert!(missing.is_empty(), "on {today} the demo misses {missing:?}");
        let warned = attention.iter().filter(|r| r.severity >= Severity::Warning).count();
        assert!(warned * 5 <= 250, "on {today} {warned} of 250 volunteers have a warning or an alert");
    }
}
