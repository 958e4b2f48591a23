//! Bad input gets a specific refusal (which field, why) and changes nothing.

use draagkracht_api::wire::{Field, RefusalCode, VolunteerFilter, VolunteerId};
use draagkracht_api::ErrorCode;
use draagkracht_tests::{date, hours_input, volunteer_input, TempApp};

#[test]
fn refused_hours_name_the_field_and_save_nothing() {
    let mut t = TempApp::new();
    let today = date(2025, 6, 15);
    let admin = t.programme("Thuisadministratie");
    let anna = t.app.create_volunteer(&volunteer_input("Anna", "active", vec![admin]), today).unwrap();

    let cases = [
        (hours_input(anna.id, "15-06-2025", "0", admin, "support"), Field::Duration, RefusalCode::NotPositive),
        (hours_input(anna.id, "15-06-2025", "-1,5", admin, "support"), Field::Duration, RefusalCode::NotPositive),
        (hours_input(anna.id, "16-06-2025", "1", admin, "support"), Field::Date, RefusalCode::InFuture),
        (
            hours_input(anna.id, "15-06-2025", "anderhalf", admin, "support"),
            Field::Duration,
            RefusalCode::InvalidFormat,
        ),
        (
            hours_input(VolunteerId(uuid::Uuid::from_u128(7)), "15-06-2025", "1", admin, "support"),
            Field::Volunteer,
            RefusalCode::Unknown,
        ),
    ];
    for (input, field, reason) in cases {
        let err = t.app.log_hours(&input, today).unwrap_err();
        assert_eq!(
            (err.code, err.field, err.reason),
            (ErrorCode::InvalidInput, Some(field), Some(reason)),
            "{input:?}"
        );
        assert!(!err.message.is_empty() && !err.message_en.is_empty());
    }
    assert_eq!(t.app.check().unwrap().hour_entries, 0, "nothing may be saved");
}

#[test]
fn a_refused_volunteer_form_changes_nothing() {
    let mut t = TempApp::new();
    let today = date(2025, 6, 15);
    let admin = t.programme("Thuisadministratie");
    let anna = t.app.create_volunteer(&volunteer_input("Anna", "registered", vec![admin]), today).unwrap();

    let mut skip = volunteer_input("Anna", "active", vec![admin]);
    let err = t.app.update_volunteer(anna.id, &skip, today).unwrap_err();
    assert_eq!(
        (err.field, err.reason),
        (Some(Field::Status), Some(RefusalCode::NotAllowed)),
        "aanmelding cannot jump to actief"
    );
    skip.status = "intake".into();
    skip.agreed_hours_per_week = "veel".into();
    let err = t.app.update_volunteer(anna.id, &skip, today).unwrap_err();
    assert_eq!(err.field, Some(Field::AgreedHours));

    let rows = t.app.volunteers(&VolunteerFilter::default(), today).unwrap();
    assert_eq!(rows[0].status, draagkracht_api::wire::VolunteerStatus::Registered, "the refused edit changed nothing");
}

#[test]
fn a_database_from_a_newer_app_is_refused_with_a_clear_code() {
    let t = TempApp::new();
    let path = t.db_path();
    drop(t.app);
    {
        let conn = draagkracht_store::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 9999).unwrap();
    }
    let err = draagkracht_api::Draagkracht::open(&path).unwrap_err();
    assert_eq!(err.code, ErrorCode::DatabaseTooNew);
    assert!(err.message.contains("nieuwere versie"), "{}", err.message);
}

/// A form with several mistakes is told all of them at once, each at its field, in form order,
/// and saves nothing.
#[test]
fn every_mistake_in_a_form_is_told_at_once() {
    let mut t = TempApp::new();
    let today = date(2025, 6, 15);
    let admin = t.programme("Thuisadministratie");
    let mut input = volunteer_input("  ", "active", vec![admin]);
    input.email = "anna@".into();
    input.start_date = "31-02-2025".into();
    let err = t.app.create_volunteer(&input, today).unwrap_err();
    assert_eq!((err.code, err.field), (ErrorCode::InvalidInput, Some(Field::Name)));
    let also = err.also.expect("the other refused fields");
    assert_eq!(also.iter().map(|a| a.field).collect::<Vec<_>>(), vec![Field::Email, Field::StartDate]);
    assert!(also[1].message.contains("februari 2025 heeft 28 dagen"), "{}", also[1].message);
    assert!(also.iter().all(|a| !a.message_en.is_empty()));

    let mut hours = hours_input(VolunteerId(uuid::Uuid::from_u128(7)), "16-06-2025", "anderhalf", admin, "support");
    hours.volunteer_id = None;
    let err = t.app.log_hours(&hours, today).unwrap_err();
    let fields: Vec<Field> =
        std::iter::once(err.field.unwrap()).chain(err.also.unwrap().iter().map(|a| a.field)).collect();
    assert_eq!(fields, vec![Field::Volunteer, Field::Date, Field::Duration]);

    // One mistake alone carries no `also`.
    let err = t.app.create_volunteer(&volunteer_input("", "active", vec![admin]), today).unwrap_err();
    assert_eq!((err.field, err.also), (Some(Field::Name), None));
    assert_eq!(t.app.volunteers(&VolunteerFilter { search: String::new(), status: None }, today).unwrap().len(), 0);
}
