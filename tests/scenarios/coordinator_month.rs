//! The story of a coordinator's month: add volunteers, type in a week of paper forms, correct a
//! mistake, and read the totals on the volunteer page and the overview.

use draagkracht_api::wire::{DayHoursChange, DayHoursInput, SupportSettingsInput, VolunteerFilter, VolunteerStatus};
use draagkracht_api::ErrorCode;
use draagkracht_tests::{date, hours_input, volunteer_input, TempApp};

#[test]
fn a_coordinators_month() {
    let mut t = TempApp::new();
    let today = date(2025, 3, 31);
    let admin = t.programme("Thuisadministratie");
    let buddy = t.programme("Maatje");

    // Two volunteers join.
    let anna = t.app.create_volunteer(&volunteer_input("Anna de Vries", "active", vec![admin]), today).unwrap();
    let bram = t.app.create_volunteer(&volunteer_input("Bram Jansen", "intake", vec![buddy]), today).unwrap();

    // A week of paper forms, typed in the ways people write hours.
    for (day, duration) in [("03-03-2025", "1,5"), ("05-03-2025", "2"), ("07-03-2025", "1:30")] {
        t.app.log_hours(&hours_input(anna.id, day, duration, admin, "support"), today).unwrap();
    }
    t.app.log_hours(&hours_input(anna.id, "10-03-2025", "3", admin, "training"), today).unwrap();
    t.app.log_hours(&hours_input(bram.id, "2025-03-28", "45m", buddy, "support"), today).unwrap();

    // The same form typed twice: asked, not silently doubled.
    let again = t.app.log_hours(&hours_input(anna.id, "05-03-2025", "2", admin, "support"), today).unwrap_err();
    assert_eq!(again.code, ErrorCode::DuplicateEntry, "an identical entry must ask first");

    // A typo (12 for 1,2): more than a plausible day, so asked first — in hours, with the date.
    let long = t.app.log_hours(&hours_input(anna.id, "06-03-2025", "12", admin, "support"), today).unwrap_err();
    assert_eq!(long.code, ErrorCode::LongDay);
    assert!(
        long.message.starts_with("Klopt dat?")
            && long.message.contains("12 uur")
            && long.message.contains("06-03-2025"),
        "{}",
        long.message
    );
    // Two entries that make a long day together are asked too; 10 hours is still a plausible day.
    t.app.log_hours(&hours_input(anna.id, "04-03-2025", "6", admin, "support"), today).unwrap();
    let together = t.app.log_hours(&hours_input(anna.id, "04-03-2025", "4:30", admin, "support"), today).unwrap_err();
    assert!(together.message.contains("10 uur en 30 minuten"), "{}", together.message);
    let four = t.app.log_hours(&hours_input(anna.id, "04-03-2025", "4", admin, "support"), today).unwrap();
    t.app.delete_hour_entry(four.id, today).unwrap();
    let six = t
        .app
        .volunteer(anna.id, today)
        .unwrap()
        .recent_entries
        .into_iter()
        .find(|e| e.date == date(2025, 3, 4))
        .unwrap();
    t.app.delete_hour_entry(six.id, today).unwrap();
    // Saved all the same when the coordinator says it is right; and undone.
    let confirmed = draagkracht_api::wire::HourEntryInput {
        confirm_long_day: Some(true),
        ..hours_input(anna.id, "06-03-2025", "12", admin, "support")
    };
    let typo = t.app.log_hours(&confirmed, today).unwrap();
    t.app.delete_hour_entry(typo.id, today).unwrap();

    // The volunteer page.
    let page = t.app.volunteer(anna.id, today).unwrap();
    assert_eq!(page.totals.this_month, 300, "1,5 + 2 + 1:30 hours of work; training apart");
    assert_eq!(page.totals.training_this_year, 180);
    assert_eq!(page.totals.last_four_weeks, 210, "the 28 days up to 31 March start on 4 March: 5 and 7 March count");
    assert_eq!(page.recent_entries.len(), 4);
    assert_eq!(page.recent_entries[0].date, date(2025, 3, 10), "newest first");
    assert_eq!(page.programme_names, vec!["Thuisadministratie"]);

    // The volunteer who last had hours comes first in the pick list.
    let choices = t.app.volunteer_choices().unwrap();
    assert_eq!(choices[0].id, bram.id);
    assert_eq!(choices[0].default_programme_id, Some(buddy));

    // The week grid of 3–9 March.
    let grid = t.app.week_grid(date(2025, 3, 5)).unwrap();
    assert_eq!(grid.week_start, date(2025, 3, 3));
    assert_eq!(grid.week_number, 10);
    let anna_row = grid.rows.iter().find(|r| r.volunteer_id == anna.id).unwrap();
    assert_eq!(anna_row.minutes, vec![90, 0, 120, 0, 90, 0, 0]);

    // The overview of March.
    let month = t.app.month_overview(today).unwrap();
    assert_eq!(month.total_minutes, 345);
    assert_eq!(month.total_training_minutes, 180);
    assert_eq!(month.volunteers_with_hours, 2);
    assert_eq!(month.active_volunteers, 1);
    let admin_row = month.rows.iter().find(|r| r.programme_id == admin).unwrap();
    assert_eq!((admin_row.minutes, admin_row.volunteers), (300, 1));

    // Bram finishes his intake; the list filters by status and search.
    let mut input = volunteer_input("Bram Jansen", "active", vec![buddy]);
    input.email = "bram@example.nl".into();
    t.app.update_volunteer(bram.id, &input, today).unwrap();
    let active = t
        .app
        .volunteers(&VolunteerFilter { search: String::new(), status: Some(VolunteerStatus::Active) }, today)
        .unwrap();
    assert_eq!(active.len(), 2);
    let found = t.app.volunteers(&VolunteerFilter { search: "EXAMPLE.nl".into(), status: None }, today).unwrap();
    assert_eq!(found.iter().map(|v| v.name.as_str()).collect::<Vec<_>>(), vec!["Bram Jansen"]);
}

/// The week grid works like a spreadsheet: a cell holds the day's total and typing replaces it.
#[test]
fn the_week_grid_sets_a_days_total() {
    let mut t = TempApp::new();
    let today = date(2025, 3, 31);
    let admin = t.programme("Thuisadministratie");
    let anna = t.app.create_volunteer(&volunteer_input("Anna de Vries", "active", vec![admin]), today).unwrap();
    let monday = date(2025, 3, 3);
    let cell = |total: &str| DayHoursInput {
        volunteer_id: anna.id,
        date: monday,
        total: total.into(),
        programme_id: Some(admin),
        kind: "support".into(),
        confirm_long_day: None,
    };
    let day = |t: &TempApp| t.app.week_grid(monday).unwrap().rows[0].minutes[0];

    // 4 hours from a paper form, then 5 typed over it: one entry of the difference, not 4 + 5.
    t.app.log_hours(&hours_input(anna.id, "03-03-2025", "4", admin, "support"), today).unwrap();
    let DayHoursChange::Added { entry } = t.app.set_day_hours(&cell("5"), today).unwrap() else { panic!("not added") };
    assert_eq!((entry.minutes, entry.programme_id), (60, admin));
    assert_eq!(day(&t), 300);

    // The same total again writes nothing (no duplicate question either).
    assert!(matches!(t.app.set_day_hours(&cell("5"), today).unwrap(), DayHoursChange::Unchanged));
    assert!(matches!(t.app.set_day_hours(&cell("5:00"), today).unwrap(), DayHoursChange::Unchanged));

    // Lower: nothing is guessed away; the day's entries come back, oldest first, to choose from.
    let DayHoursChange::Lower { entries, wanted } = t.app.set_day_hours(&cell("3"), today).unwrap() else {
        panic!("not lower")
    };
    assert_eq!(wanted, 180);
    assert_eq!(entries.iter().map(|e| e.minutes).collect::<Vec<_>>(), vec![240, 60]);
    assert_eq!(day(&t), 300, "a lower total writes nothing by itself");
    let DayHoursChange::Lower { wanted: 0, .. } = t.app.set_day_hours(&cell(""), today).unwrap() else {
        panic!("an emptied cell means none")
    };

    // Removing the 4 hours and typing 3 again makes the day 3 hours.
    t.app.delete_hour_entry(entries[0].id, today).unwrap();
    t.app.set_day_hours(&cell("3"), today).unwrap();
    assert_eq!(day(&t), 180);

    // A long day is asked, in hours; a refusal names the duration; neither writes.
    let long = t.app.set_day_hours(&cell("12"), today).unwrap_err();
    assert_eq!(long.code, ErrorCode::LongDay);
    assert!(long.message.contains("12 uur"), "{}", long.message);
    let wrong = t.app.set_day_hours(&cell("drie"), today).unwrap_err();
    assert_eq!(wrong.field, Some(draagkracht_api::wire::Field::Duration));
    assert_eq!(day(&t), 180);
    let sure = DayHoursInput { confirm_long_day: Some(true), ..cell("12") };
    assert!(matches!(t.app.set_day_hours(&sure, today).unwrap(), DayHoursChange::Added { .. }));
    assert_eq!(day(&t), 720);
}

/// "Klopt dat?" asks above the branch's plausible day: 10 hours unless the branch set another.
#[test]
fn the_plausible_day_is_a_branch_setting() {
    let mut t = TempApp::new();
    let today = date(2025, 3, 31);
    let admin = t.programme("Thuisadministratie");
    let anna = t.app.create_volunteer(&volunteer_input("Anna de Vries", "active", vec![admin]), today).unwrap();
    let eleven = hours_input(anna.id, "03-03-2025", "11", admin, "support");
    assert_eq!(t.app.log_hours(&eleven, today).unwrap_err().code, ErrorCode::LongDay);
    let settings = t.app.support_settings().unwrap();
    assert_eq!((settings.plausible_day_hours, settings.default_plausible_day_hours), (10, 10));

    let input = |hours: &str| SupportSettingsInput {
        vog_years: "3".into(),
        per_hour_21_plus: "5,60".into(),
        per_hour_under_21: "3,30".into(),
        per_month: "210".into(),
        per_year: "2100".into(),
        plausible_day_hours: Some(hours.into()),
    };
    // A wrong value is refused at its field, with the other mistakes of the form, and changes nothing.
    let wrong = t.app.set_support_settings(&SupportSettingsInput { vog_years: "0".into(), ..input("30") }, today);
    let wrong = wrong.unwrap_err();
    assert_eq!(wrong.field, Some(draagkracht_api::wire::Field::VogYears));
    assert_eq!(wrong.also.unwrap()[0].field, draagkracht_api::wire::Field::PlausibleDayHours);
    assert_eq!(t.app.support_settings().unwrap().plausible_day_hours, 10);

    // A branch whose volunteers do long days out (a festival, a move) sets 12: 11 hours save at once.
    assert_eq!(t.app.set_support_settings(&input("12"), today).unwrap().plausible_day_hours, 12);
    t.app.log_hours(&eleven, today).unwrap();
    let more = t.app.log_hours(&hours_input(anna.id, "03-03-2025", "2", admin, "support"), today).unwrap_err();
    assert!(more.message.contains("meer dan 12 uur"), "{}", more.message);
    // Left out, the setting stays.
    let unchanged = SupportSettingsInput { plausible_day_hours: None, ..input("4") };
    assert_eq!(t.app.set_support_settings(&unchanged, today).unwrap().plausible_day_hours, 12);
}
