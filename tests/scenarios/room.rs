//! Room for a new match: exactly the volunteers of the programme with room are suggested, in the
//! documented order (spare caseload weight, then spare hours, then fewer matches, then name), each
//! with its reason; choosing someone without room is allowed and recorded with the match.

use chrono::NaiveDate;
use draagkracht_api::wire::{
    AssessmentInput, CrisisMarker, EndMatchInput, InvolvementInput, LifeDomain, Match, MatchInput, ParticipantInput,
    ProgrammeId, VolunteerId, VolunteerRoom,
};
use draagkracht_tests::{date, hours_input, volunteer_input, TempApp};

/// The room as the window gets it (from the loads the evaluation kept), checked against the room
/// computed from the entries and assessments themselves.
fn room(t: &TempApp, programme: ProgrammeId, today: NaiveDate) -> Vec<VolunteerRoom> {
    let kept = t.app.match_room(programme, today).unwrap();
    let live = t.app.match_room_computed_live(programme, today).unwrap();
    let show = |rooms: &[VolunteerRoom]| {
        rooms.iter().map(|r| format!("{} {}", r.volunteer_name, r.reason)).collect::<Vec<_>>()
    };
    assert_eq!(show(&kept), show(&live), "the kept loads are those computed from the records");
    kept
}

/// How many volunteers have a load kept for `day`.
fn kept_loads(t: &TempApp, day: &str) -> i64 {
    let db = draagkracht_store::open(&t.db_path()).unwrap();
    db.conn().query_row("SELECT count(*) FROM volunteer_load WHERE as_of = ?1", [day], |r| r.get(0)).unwrap()
}

fn match_with(t: &mut TempApp, label: &str, programme: ProgrammeId, volunteers: Vec<VolunteerId>) -> Match {
    let today = date(2025, 6, 30);
    let p = t.app.create_participant(&ParticipantInput { label: label.into(), ..Default::default() }, today).unwrap();
    let input = MatchInput {
        participant_id: Some(p.id),
        programme_id: Some(programme),
        volunteer_ids: volunteers,
        start_date: "01-05-2025".into(),
        expected_end_date: String::new(),
        one_to_one_at_home: false,
        goal_ids: vec![],
    };
    t.app.create_match(&input, today).unwrap()
}

#[test]
fn exactly_the_volunteers_with_room_are_suggested_in_order_and_a_choice_without_room_is_recorded() {
    let mut t = TempApp::new();
    let today = date(2025, 6, 30);
    let admin = t.programme("Thuisadministratie");
    let maatje = t.programme("Maatje");
    // Four hours a week agreed for everyone (16 in four weeks); the caseload limit is 4.
    let lies = t.ready_volunteer("Lies", vec![admin], today); // nothing yet: the most room
    let carmen = t.ready_volunteer("Carmen", vec![admin], today); // one match, 2 hours
    let bert = t.ready_volunteer("Bert", vec![admin], today); // one match, 15 hours
    let dirk = t.ready_volunteer("Dirk", vec![admin], today); // a complex case and an ordinary one: weight 3
    let emma = t.ready_volunteer("Emma", vec![admin], today); // 17 hours: over her agreement
    let fleur = t.app.create_volunteer(&volunteer_input("Fleur", "active", vec![admin]), today).unwrap(); // no VOG
    let gijs = t.ready_volunteer("Gijs", vec![admin], today);
    let mut on_break = volunteer_input("Gijs", "resting", vec![admin]);
    on_break.start_date = "01-01-2025".into();
    t.app.update_volunteer(gijs.id, &on_break, today).unwrap();
    let _other = t.ready_volunteer("Hanna", vec![maatje], today); // another programme: not here

    match_with(&mut t, "C-1", admin, vec![carmen.id]);
    match_with(&mut t, "B-1", admin, vec![bert.id]);
    let heavy = match_with(&mut t, "D-1", admin, vec![dirk.id]);
    match_with(&mut t, "D-2", maatje, vec![dirk.id]); // his whole caseload counts
    let complex = AssessmentInput {
        date: "10-05-2025".into(),
        domains: vec![LifeDomain::Money, LifeDomain::Housing, LifeDomain::Health],
        solvable_within_year: false,
        markers: vec![],
        zrm: None,
        note: String::new(),
    };
    t.app.assess_case(heavy.id, &complex, today).unwrap();
    // With a professional beside him, so no alert is open.
    let involvement = InvolvementInput {
        kind: "debt_help".into(),
        name: String::new(),
        organisation: "Gemeente".into(),
        from_date: "12-05-2025".into(),
        to_date: String::new(),
    };
    t.app.add_professional(heavy.id, &involvement, today).unwrap();
    let logged = [
        (carmen.id, vec![("20-06-2025", "2")]),
        (bert.id, vec![("10-06-2025", "5"), ("17-06-2025", "5"), ("24-06-2025", "5")]),
        (dirk.id, vec![("20-06-2025", "3")]),
        (emma.id, vec![("10-06-2025", "6"), ("17-06-2025", "6"), ("24-06-2025", "5")]),
    ];
    for (v, days) in logged {
        for (day, hours) in days {
            t.app.log_hours(&hours_input(v, day, hours, admin, "support"), today).unwrap();
        }
    }

    let rooms = room(&t, admin, today);
    assert_eq!(kept_loads(&t, "2025-06-30"), 8, "every volunteer's load is kept by the evaluation");
    let seen: Vec<_> = rooms.iter().map(|r| (r.volunteer_name.as_str(), r.has_room)).collect();
    assert_eq!(
        seen,
        [
            ("Lies", true),
            ("Carmen", true),
            ("Bert", true),
            ("Dirk", true),
            ("Emma", false),
            ("Fleur", false),
            ("Gijs", false),
        ]
    );
    assert_eq!(rooms[0].reason, "Ruimte: nog geen koppeling, 0 van 16 uur in 4 weken.");
    assert_eq!(rooms[3].reason, "Ruimte: 2 koppelingen (gewicht 3 van 4), 3 van 16 uur in 4 weken.");
    assert_eq!(rooms[4].reason, "Geen ruimte: 17 uur in 4 weken, afgesproken 16.");
    assert_eq!(rooms[5].reason, "Geen ruimte: geen VOG.");
    assert_eq!(rooms[6].reason_en, "No room: on a break.");

    // Dirk takes one more ordinary case: weight 4, the limit — from then on he has no room.
    match_with(&mut t, "D-3", admin, vec![dirk.id]);
    let dirk_room = room(&t, admin, today).into_iter().find(|r| r.volunteer_id == dirk.id).unwrap();
    assert!(!dirk_room.has_room);
    assert_eq!(dirk_room.reason, "Geen ruimte: koppelingen wegen al 4 van de 4.");

    // Choosing Emma and Lies: allowed; Emma's reason is kept with the match, Lies has none.
    let chosen = match_with(&mut t, "E-1", admin, vec![emma.id, lies.id]);
    let by_name = |name: &str| chosen.volunteers.iter().find(|v| v.name == name).unwrap().without_room.clone();
    assert_eq!(by_name("Emma").as_deref(), Some("Geen ruimte: 17 uur in 4 weken, afgesproken 16."));
    assert_eq!(by_name("Lies"), None);
    let emma_en = chosen.volunteers.iter().find(|v| v.name == "Emma").unwrap().without_room_en.clone();
    assert_eq!(emma_en.as_deref(), Some("No room: 17 hours in 4 weeks, 16 agreed."));
    let detail = t.app.match_detail(chosen.id, today).unwrap();
    assert!(detail.the_match.volunteers.iter().any(|v| v.without_room.is_some()), "still there when read again");
    let _ = fleur;

    // Every kind of change keeps the loads current: an entry taken back, a new assessment, a match
    // ended, a volunteer taken off a match.
    let entry = t.app.log_hours(&hours_input(lies.id, "28-06-2025", "4", admin, "support"), today).unwrap();
    room(&t, admin, today);
    t.app.delete_hour_entry(entry.id, today).unwrap();
    room(&t, admin, today);
    let acute = AssessmentInput { markers: vec![CrisisMarker::AcuteDebt], date: "29-06-2025".into(), ..complex };
    t.app.assess_case(heavy.id, &acute, today).unwrap();
    room(&t, admin, today);
    t.app
        .end_match(
            heavy.id,
            &EndMatchInput { end_date: "30-06-2025".into(), reason: "Overgedragen".into(), results: vec![] },
            today,
        )
        .unwrap();
    let after = room(&t, admin, today);
    assert!(after.iter().any(|r| r.volunteer_name == "Dirk" && r.has_room), "his heaviest case ended: room again");

    // The next day nothing is kept yet: the room is computed from the records until the day's
    // evaluation, and then kept again.
    let tomorrow = date(2025, 7, 1);
    room(&t, admin, tomorrow);
    t.app.refresh_signals(tomorrow).unwrap();
    assert_eq!(kept_loads(&t, "2025-07-01"), 8);
    room(&t, admin, tomorrow);
}
