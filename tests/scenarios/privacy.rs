//! The AVG tools through the api: a subject-access export holds every record on the person; erasing
//! a person leaves no trace of their name or contact in any table while the counts stay; the
//! retention review lists exactly the participants past their period; the audit log says who did what.

use draagkracht_api::wire::{
    AuditAction, EndMatchInput, ExportPersonInput, MatchInput, ParticipantInput, PersonRef, ReferralInput,
    RetentionInput, SupportInput,
};
use draagkracht_store::privacy::occurs;
use draagkracht_tests::{date, hours_input, volunteer_input, TempApp};

struct World {
    t: TempApp,
    volunteer: draagkracht_api::wire::VolunteerId,
    participant: draagkracht_api::wire::ParticipantId,
}

/// Henk (with e-mail and phone) supports Ria (with a phone number); both names are typed into notes
/// all over the place, as coordinators do.
fn world() -> World {
    let mut t = TempApp::new();
    let today = date(2026, 11, 28);
    let admin = t.programme("Thuisadministratie");
    let mut input = volunteer_input("Henk Jansen", "active", vec![admin]);
    input.email = "henk@example.nl".into();
    input.phone = "06-11112222".into();
    let henk = t.app.create_volunteer(&input, today).unwrap();
    let ria = t
        .app
        .create_participant(
            &ParticipantInput {
                label: "Ria".into(),
                contact: "06-33334444".into(),
                consent_date: "01-09-2026".into(),
                consent_by: "Coördinator Els".into(),
                consent_scope: "Gegevens voor de koppeling".into(),
                municipality_id: None,
            },
            today,
        )
        .unwrap();
    let m = t
        .app
        .create_match(
            &MatchInput {
                participant_id: Some(ria.id),
                programme_id: Some(admin),
                volunteer_ids: vec![henk.id],
                start_date: "01-09-2026".into(),
                expected_end_date: String::new(),
                one_to_one_at_home: true,
                goal_ids: vec![],
            },
            today,
        )
        .unwrap();
    for (day, note) in [("05-11-2026", "Bij Ria de post gedaan"), ("12-11-2026", "Henk Jansen belde, Maria was er ook")]
    {
        let mut entry = hours_input(henk.id, day, "2", admin, "support");
        entry.match_id = Some(m.id);
        entry.note = note.into();
        t.app.log_hours(&entry, today).unwrap();
    }
    t.app
        .log_referral(
            m.id,
            &ReferralInput {
                date: "10-11-2026".into(),
                to_kind: "debt_help".into(),
                to_name: "Schuldhulp Noord".into(),
                reason: "Ria heeft schulden bij de deurwaarder".into(),
                outcome: String::new(),
            },
            today,
        )
        .unwrap();
    let check_in = SupportInput::CheckIn {
        date: "20-11-2026".into(),
        answers: vec![false; 12],
        note: "Henk Jansen maakt zich zorgen om Ria en om Maria".into(),
    };
    t.app.record_support(henk.id, &check_in, today).unwrap();
    World { t, volunteer: henk.id, participant: ria.id }
}

fn traces(t: &TempApp, text: &str) -> Vec<String> {
    let db = draagkracht_store::open(&t.db_path()).unwrap();
    occurs(db.conn(), text).unwrap()
}

fn count(t: &TempApp, sql: &str) -> i64 {
    let db = draagkracht_store::open(&t.db_path()).unwrap();
    db.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_subject_access_export_holds_every_record_on_the_person() {
    let w = world();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inzage-henk.json");
    let exported =
        w.t.app
            .export_person(
                &ExportPersonInput { person: PersonRef::Volunteer(w.volunteer), path: path.display().to_string() },
                date(2026, 11, 28),
            )
            .unwrap();
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(json["volunteers"][0]["name"], "Henk Jansen");
    let entries = count(&w.t, &format!("SELECT count(*) FROM hour_entries WHERE volunteer_id = '{}'", w.volunteer));
    assert_eq!(json["hour_entries"].as_array().unwrap().len() as i64, entries);
    assert_eq!(json["check_ins"].as_array().unwrap().len(), 1);
    assert_eq!(json["match_volunteers"].as_array().unwrap().len(), 1);
    assert!(!json.to_string().contains("06-33334444"), "the participant's contact is not the volunteer's data");
    let html = std::fs::read_to_string(&exported.html_path).unwrap();
    assert!(html.contains("Henk Jansen") && html.contains("<table>"));

    let path = dir.path().join("inzage-ria.json");
    let exported =
        w.t.app
            .export_person(
                &ExportPersonInput { person: PersonRef::Participant(w.participant), path: path.display().to_string() },
                date(2026, 11, 28),
            )
            .unwrap();
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(json["participants"][0]["consent_by"], "Coördinator Els");
    assert_eq!(json["matches"].as_array().unwrap().len(), 1);
    assert_eq!(json["referrals"].as_array().unwrap().len(), 1);
    assert_eq!(json["hour_entries"].as_array().unwrap().len(), 2, "the hours given in Ria's match");
    assert!(exported.records >= 6);
}

#[test]
fn erasure_leaves_no_trace_of_the_person_and_keeps_the_counts() {
    let mut w = world();
    let today = date(2026, 11, 28);
    let hours_before = count(&w.t, "SELECT sum(minutes) FROM hour_entries");
    assert!(!traces(&w.t, "Ria").is_empty() && !traces(&w.t, "Henk Jansen").is_empty());

    let report = w.t.app.erase_person(PersonRef::Participant(w.participant), today).unwrap();
    assert!(report.removed > 0 && !report.kept.is_empty());
    for text in ["Ria", "06-33334444", "Coördinator Els", "Schuldhulp Noord"] {
        assert_eq!(traces(&w.t, text), Vec::<String>::new(), "{text} is gone everywhere");
    }
    assert!(!traces(&w.t, "Maria").is_empty(), "a longer word holding the name is left alone");

    w.t.app.erase_person(PersonRef::Volunteer(w.volunteer), today).unwrap();
    for text in ["Henk Jansen", "henk@example.nl", "06-11112222"] {
        assert_eq!(traces(&w.t, text), Vec::<String>::new(), "{text} is gone everywhere");
    }
    assert_eq!(count(&w.t, "SELECT sum(minutes) FROM hour_entries"), hours_before, "the hours still count");
    assert_eq!(count(&w.t, "SELECT count(*) FROM matches"), 1, "the match still counts");
    let audit = w.t.app.audit_log(1000).unwrap();
    assert!(audit.iter().all(|r| !r.entity_id.contains("Henk")), "the log holds ids only");
}

#[test]
fn the_retention_review_lists_participants_past_their_period() {
    let mut w = world();
    let today = date(2026, 11, 28);
    let m = w.t.app.matches(today).unwrap()[0].id;
    assert!(w.t.app.retention_review(today).unwrap().is_empty(), "an open match keeps the data");
    w.t.app
        .end_match(
            m,
            &EndMatchInput { end_date: "15-11-2026".into(), reason: "Doel bereikt".into(), results: vec![] },
            today,
        )
        .unwrap();
    assert!(w.t.app.retention_review(today).unwrap().is_empty(), "two years have not passed");
    let later = date(2028, 11, 16);
    let due = w.t.app.retention_review(later).unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!((due[0].label.as_str(), due[0].due_on), ("Ria", date(2028, 11, 15)));

    let admin = w.t.programme("Thuisadministratie");
    let refused = w.t.app.set_retention(&RetentionInput { programme_id: admin, years: "twee".into() });
    assert_eq!(refused.unwrap_err().field, Some(draagkracht_api::wire::Field::RetentionYears));
    w.t.app.set_retention(&RetentionInput { programme_id: admin, years: "5".into() }).unwrap();
    assert!(w.t.app.retention_review(later).unwrap().is_empty(), "five years now");
    w.t.app.set_retention(&RetentionInput { programme_id: admin, years: "2".into() }).unwrap();
    assert_eq!(w.t.app.anonymise_participants(&[w.participant], later).unwrap(), 1);
    assert!(w.t.app.retention_review(later).unwrap().is_empty(), "anonymised participants leave the review");
    assert_eq!(traces(&w.t, "Ria"), Vec::<String>::new());
}

#[test]
fn the_audit_log_says_who_changed_what() {
    let mut t = TempApp::new();
    let today = date(2026, 11, 28);
    t.app.set_coordinator_name("Els de Coördinator").unwrap();
    let admin = t.programme("Thuisadministratie");
    t.app.create_volunteer(&volunteer_input("Anna", "active", vec![admin]), today).unwrap();
    let newest = &t.app.audit_log(10).unwrap()[0];
    assert_eq!(
        (newest.actor.as_str(), newest.action, newest.entity.as_str()),
        ("Els de Coördinator", AuditAction::Added, "vrijwilliger")
    );

    // The demo is generated, not changed by anyone: it leaves the log alone.
    let mut demo = TempApp::new();
    let before = demo.app.audit_log(100_000).unwrap().len();
    demo.app.set_up(draagkracht_api::wire::SetupChoice::Demo, today).unwrap();
    assert_eq!(demo.app.audit_log(100_000).unwrap().len(), before);
}
