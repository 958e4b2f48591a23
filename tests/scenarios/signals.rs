//! Signals through the api: a loaded history gives exactly the expected signals, they stay current
//! as hours and cases change, and the lifecycle (acknowledge, resolve, recurrence, snooze) holds.

use draagkracht_api::wire::{
    AssessmentInput, LifeDomain, MatchInput, ParticipantInput, Resolution, RuleId, Severity, SignalAction,
    SignalActionInput, SignalStatus,
};
use draagkracht_api::ErrorCode;
use draagkracht_tests::{date, hours_input, TempApp};

fn action(action: SignalAction, resolution: Option<Resolution>, date: &str) -> SignalActionInput {
    SignalActionInput { action, resolution, note: "Besproken bij de koffie".into(), date: date.into() }
}

/// (rule, severity) of every live signal of the branch, sorted.
fn live(t: &mut TempApp, today: chrono::NaiveDate) -> Vec<(String, RuleId, Severity)> {
    let mut out: Vec<_> = t
        .app
        .attention_list(today)
        .unwrap()
        .into_iter()
        .flat_map(|row| row.signals.into_iter().map(move |s| (row.volunteer_name.clone(), s.rule, s.severity)))
        .collect();
    out.sort_by(|a, b| (a.0.as_str(), a.1).cmp(&(b.0.as_str(), b.1)));
    out
}

#[test]
fn a_loaded_history_gives_exactly_the_expected_signals() {
    let mut t = TempApp::new();
    let today = date(2025, 6, 30);
    let admin = t.programme("Thuisadministratie");
    // Anna: 4 hours a week agreed, 31 hours in the last four weeks.
    let anna = t.ready_volunteer("Anna", vec![admin], today);
    for (day, hours) in [("09-06-2025", "8"), ("16-06-2025", "8"), ("23-06-2025", "8"), ("27-06-2025", "7")] {
        t.app.log_hours(&hours_input(anna.id, day, hours, admin, "support"), today).unwrap();
    }
    // Bram: within his agreement, but matched with a complex case and no professional.
    let bram = t.ready_volunteer("Bram", vec![admin], today);
    t.app.log_hours(&hours_input(bram.id, "20-06-2025", "3", admin, "support"), today).unwrap();
    let p = t.app.create_participant(&ParticipantInput { label: "D-1".into(), ..Default::default() }, today).unwrap();
    let m = t
        .app
        .create_match(
            &MatchInput {
                participant_id: Some(p.id),
                programme_id: Some(admin),
                volunteer_ids: vec![bram.id],
                start_date: "01-06-2025".into(),
                expected_end_date: String::new(),
                one_to_one_at_home: false,
                goal_ids: vec![],
            },
            today,
        )
        .unwrap();
    use LifeDomain::*;
    let complex = AssessmentInput {
        date: "25-06-2025".into(),
        domains: vec![Money, Housing, Health],
        solvable_within_year: false,
        markers: vec![],
        zrm: None,
        note: String::new(),
    };
    t.app.assess_case(m.id, &complex, today).unwrap();

    assert_eq!(
        live(&mut t, today),
        vec![
            ("Anna".to_string(), RuleId::HoursOverAgreement, Severity::Warning),
            ("Bram".to_string(), RuleId::ComplexWithoutProfessional, Severity::Alert),
        ]
    );
    let rows = t.app.attention_list(today).unwrap();
    assert_eq!(rows[0].volunteer_name, "Bram", "alerts come first");
    let anna_signal = &rows[1].signals[0];
    assert_eq!(
        anna_signal.explanation,
        "In de afgelopen 4 weken 31 uur, afgesproken 4 uur per week — bijna twee keer zoveel."
    );
    assert!(anna_signal.evidence.entries.is_empty(), "the list leaves the evidence to the signal page");
    let detail = t.app.signal(anna_signal.id, today).unwrap();
    assert_eq!(detail.signal.evidence.entries.len(), 4, "the entries themselves are the evidence");
    assert_eq!(detail.entries.len(), 4);

    // One more evening pushes Anna over twice the agreement: the same signal, now an alert.
    t.app.log_hours(&hours_input(anna.id, "28-06-2025", "2", admin, "support"), today).unwrap();
    let anna_signals = t.app.volunteer_signals(anna.id).unwrap();
    assert_eq!(anna_signals.len(), 1, "refreshed, not doubled");
    assert_eq!(anna_signals[0].severity, Severity::Alert);

    // A professional is brought in for Bram's case: his signal clears by itself.
    let involvement = draagkracht_api::wire::InvolvementInput {
        kind: "wijkteam".into(),
        name: String::new(),
        organisation: "Wijkteam Noord".into(),
        from_date: "30-06-2025".into(),
        to_date: String::new(),
    };
    t.app.add_professional(m.id, &involvement, today).unwrap();
    let bram_signals = t.app.volunteer_signals(bram.id).unwrap();
    assert_eq!(bram_signals[0].status, SignalStatus::Cleared);
    assert_eq!(live(&mut t, today).len(), 1);
}

#[test]
fn the_lifecycle_is_kept_and_a_resolved_signal_reopens_only_on_a_new_cause() {
    let mut t = TempApp::new();
    let today = date(2025, 6, 30);
    let admin = t.programme("Thuisadministratie");
    let anna = t.ready_volunteer("Anna", vec![admin], today);
    for day in ["20-06-2025", "21-06-2025", "22-06-2025"] {
        t.app.log_hours(&hours_input(anna.id, day, "10", admin, "support"), today).unwrap();
    }
    let id = t.app.volunteer_signals(anna.id).unwrap()[0].id;

    let seen = t.app.act_on_signal(id, &action(SignalAction::Acknowledge, None, ""), today).unwrap();
    assert_eq!(seen.signal.status, SignalStatus::Acknowledged);
    let refused = t.app.act_on_signal(id, &action(SignalAction::Resolve, None, ""), today).unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput, "resolving needs the action taken");
    let resolved = t
        .app
        .act_on_signal(id, &action(SignalAction::Resolve, Some(Resolution::HoursReduced), "30-06-2025"), today)
        .unwrap();
    assert_eq!(
        (resolved.signal.status, resolved.signal.resolution),
        (SignalStatus::Resolved, Some(Resolution::HoursReduced))
    );
    let steps: Vec<_> = resolved.history.iter().map(|e| e.to_status).collect();
    assert_eq!(
        steps,
        vec![SignalStatus::Open, SignalStatus::Acknowledged, SignalStatus::Resolved],
        "every change is kept"
    );

    // Re-evaluating with the same (old) cause keeps it resolved.
    t.app.evaluate_all(today).unwrap();
    assert!(t.app.attention_list(today).unwrap().is_empty());

    // New hours after the resolution: the cause recurs and a new signal opens.
    let tomorrow = date(2025, 7, 1);
    t.app.log_hours(&hours_input(anna.id, "01-07-2025", "2", admin, "support"), tomorrow).unwrap();
    let signals = t.app.volunteer_signals(anna.id).unwrap();
    assert_eq!(signals.len(), 2);
    assert_eq!(signals.iter().filter(|s| s.status == SignalStatus::Open).count(), 1);

    // Snoozed until a later day: off the list until then.
    let new_id = signals.iter().find(|s| s.status == SignalStatus::Open).unwrap().id;
    let refused = t.app.act_on_signal(new_id, &action(SignalAction::Snooze, None, "01-07-2025"), tomorrow).unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput, "a snooze date must be after today");
    t.app.act_on_signal(new_id, &action(SignalAction::Snooze, None, "08-07-2025"), tomorrow).unwrap();
    assert!(t.app.attention_list(tomorrow).unwrap().is_empty());
}

#[test]
fn a_changed_threshold_re_evaluates_and_can_go_back_to_its_default() {
    use draagkracht_api::wire::{ThresholdInput, ThresholdKey};
    let mut t = TempApp::new();
    let today = date(2025, 6, 30);
    let admin = t.programme("Thuisadministratie");
    let anna = t.ready_volunteer("Anna", vec![admin], today);
    // 22 hours in four weeks on a 4-hour agreement: 1.375 ×, under the default 1.5.
    for day in ["18-06-2025", "19-06-2025", "20-06-2025", "21-06-2025"] {
        t.app.log_hours(&hours_input(anna.id, day, "5,5", admin, "support"), today).unwrap();
    }
    assert!(t.app.attention_list(today).unwrap().is_empty());

    let stricter =
        ThresholdInput { programme_id: admin, key: ThresholdKey::OverAgreementWarning, value: "1,25".into() };
    let views = t.app.set_threshold(&stricter, today).unwrap();
    let view = views.iter().find(|v| v.key == ThresholdKey::OverAgreementWarning).unwrap();
    assert_eq!((view.value, view.default_value, view.changed), (1.25, 1.5, true));
    assert_eq!(t.app.attention_list(today).unwrap().len(), 1, "changing a threshold re-evaluates");

    let refused = ThresholdInput { value: "veel".into(), ..stricter.clone() };
    assert_eq!(t.app.set_threshold(&refused, today).unwrap_err().code, ErrorCode::InvalidInput);

    let back = ThresholdInput { value: String::new(), ..stricter };
    t.app.set_threshold(&back, today).unwrap();
    assert!(t.app.attention_list(today).unwrap().is_empty(), "back to the default, the signal clears");
}

#[test]
fn support_records_feed_the_credential_check_in_and_allowance_rules() {
    use draagkracht_api::wire::SupportInput;
    let mut t = TempApp::new();
    let today = date(2025, 6, 30);
    let admin = t.programme("Thuisadministratie");
    let anna =
        t.app.create_volunteer(&draagkracht_tests::volunteer_input("Anna", "active", vec![admin]), today).unwrap();
    let rules = |t: &mut TempApp| live(t, today).into_iter().map(|(_, r, s)| (r, s)).collect::<Vec<_>>();
    assert_eq!(rules(&mut t), vec![(RuleId::CredentialExpired, Severity::Warning)], "no VOG recorded");

    let vog = SupportInput::Vog { date: "01-06-2022".into() };
    t.app.record_support(anna.id, &vog, today).unwrap();
    assert_eq!(rules(&mut t).len(), 1, "a VOG of over three years old still counts");
    let vog = SupportInput::Vog { date: "01-06-2025".into() };
    t.app.record_support(anna.id, &vog, today).unwrap();
    assert!(rules(&mut t).is_empty());

    // A heavy check-in: 8 of 12 'yes'.
    let answers: Vec<bool> = (0..12).map(|i| i < 8).collect();
    let check_in = SupportInput::CheckIn { date: "30-06-2025".into(), answers, note: String::new() };
    let support = t.app.record_support(anna.id, &check_in, today).unwrap();
    assert_eq!(support.check_ins[0].yes, 8);
    assert_eq!(rules(&mut t), vec![(RuleId::StrainCheckIn, Severity::Alert)]);

    // € 250 in one month is over the € 210 cap.
    let allowance = SupportInput::Allowance { month: "06-2025".into(), amount: "250".into() };
    t.app.record_support(anna.id, &allowance, today).unwrap();
    assert!(rules(&mut t).contains(&(RuleId::AllowanceOverCap, Severity::Warning)));
    let refused = SupportInput::Allowance { month: "juni".into(), amount: "250".into() };
    assert_eq!(t.app.record_support(anna.id, &refused, today).unwrap_err().code, ErrorCode::InvalidInput);

    // A programme that requires a training: missing until recorded.
    let light = SupportInput::CheckIn { date: "30-06-2025".into(), answers: vec![false; 12], note: String::new() };
    t.app.record_support(anna.id, &light, today).unwrap();
    t.app.set_required_training(admin, "Basistraining", today).unwrap();
    assert!(rules(&mut t).contains(&(RuleId::CredentialExpired, Severity::Warning)));
    let training = SupportInput::Training { name: "basistraining".into(), date: "15-06-2025".into() };
    t.app.record_support(anna.id, &training, today).unwrap();
    assert!(!rules(&mut t).contains(&(RuleId::CredentialExpired, Severity::Warning)), "names match regardless of case");
}

/// A match in a programme, starting on `start` (dd-mm-yyyy).
fn a_match(
    t: &mut TempApp,
    label: &str,
    programme: draagkracht_api::wire::ProgrammeId,
    volunteer: draagkracht_api::wire::VolunteerId,
    start: &str,
    today: chrono::NaiveDate,
) -> draagkracht_api::wire::MatchId {
    let p = t.app.create_participant(&ParticipantInput { label: label.into(), ..Default::default() }, today).unwrap();
    let input = MatchInput {
        participant_id: Some(p.id),
        programme_id: Some(programme),
        volunteer_ids: vec![volunteer],
        start_date: start.into(),
        expected_end_date: String::new(),
        one_to_one_at_home: false,
        goal_ids: vec![],
    };
    t.app.create_match(&input, today).unwrap().id
}

/// Maatje comes first and holds intervision to every 12 weeks; grief support to every 6. Sanne is in
/// both: her grief match is judged by the grief norm, and the explanation says whose norm it is.
#[test]
fn a_volunteer_in_two_programmes_is_held_to_the_norm_of_each() {
    use draagkracht_api::wire::SupportInput;
    let mut t = TempApp::new();
    let today = date(2025, 6, 30);
    let (maatje, rouw) = (t.programme("Maatje"), t.programme("Steun bij verlies en rouw"));
    let sanne = t.ready_volunteer("Sanne", vec![maatje, rouw], today);
    a_match(&mut t, "M-1", maatje, sanne.id, "06-01-2025", today);
    t.app.log_hours(&hours_input(sanne.id, "27-06-2025", "2", maatje, "support"), today).unwrap();
    let intervision = |t: &mut TempApp, day: &str| {
        let input = SupportInput::Supervision {
            date: day.into(),
            kind: draagkracht_core::support::SupervisionKind::Intervision,
            note: String::new(),
        };
        t.app.record_support(sanne.id, &input, today).unwrap();
    };
    // 43 days ago: within Maatje's 12 weeks, so nothing yet — she has no grief match.
    intervision(&mut t, "18-05-2025");
    assert!(live(&mut t, today).is_empty(), "{:?}", live(&mut t, today));

    a_match(&mut t, "R-1", rouw, sanne.id, "01-03-2025", today);
    let rows = t.app.attention_list(today).unwrap();
    let signal = &rows[0].signals[0];
    assert_eq!(signal.rule, RuleId::NoSupervision);
    assert_eq!(
        signal.explanation,
        "43 dagen geen intervisie of supervisie (laatste op 18-05-2025), terwijl er koppelingen lopen. \
         De norm van Steun bij verlies en rouw is elke 6 weken (42 dagen)."
    );
    // A day later in May: exactly at the grief norm, no signal.
    intervision(&mut t, "19-05-2025");
    assert!(live(&mut t, today).is_empty());
}

/// The window's list: grouped by what to do, counted, and what opened since the last look is new.
#[test]
fn the_attention_list_is_grouped_by_what_to_do_and_marks_what_is_new() {
    use draagkracht_api::wire::ActionGroup;
    let mut t = TempApp::new();
    let today = date(2025, 6, 30);
    let admin = t.programme("Thuisadministratie");
    let anna = t.ready_volunteer("Anna", vec![admin], today);
    for day in ["09-06-2025", "16-06-2025", "23-06-2025", "27-06-2025"] {
        t.app.log_hours(&hours_input(anna.id, day, "8", admin, "support"), today).unwrap();
    }
    let overview = t.app.attention_overview(today).unwrap();
    assert_eq!(overview.groups.iter().map(|g| g.group).collect::<Vec<_>>(), ActionGroup::ALL);
    assert!(overview.looked_before.is_none(), "the first look");
    let talk = &overview.groups[1];
    assert_eq!((talk.rows.len(), talk.new_count), (1, 0), "nothing is new at the first look");
    assert!(overview.groups[0].rows.is_empty() && overview.groups[2].rows.is_empty());

    // Anna's case turns complex; Bram has no VOG. She is in two groups, each with its own signal.
    let m = a_match(&mut t, "D-1", admin, anna.id, "01-06-2025", today);
    let complex = AssessmentInput {
        date: "25-06-2025".into(),
        domains: vec![LifeDomain::Money, LifeDomain::Housing, LifeDomain::Health],
        solvable_within_year: false,
        markers: vec![],
        zrm: None,
        note: String::new(),
    };
    t.app.assess_case(m, &complex, today).unwrap();
    t.app.create_volunteer(&draagkracht_tests::volunteer_input("Bram", "active", vec![admin]), today).unwrap();
    t.app.evaluate_all(today).unwrap(); // as the next day's evaluation would
    let overview = t.app.attention_overview(today).unwrap();
    let names = |g: usize| overview.groups[g].rows.iter().map(|r| r.volunteer_name.clone()).collect::<Vec<_>>();
    assert_eq!((names(0), names(1), names(2)), (vec!["Anna".into()], vec!["Anna".into()], vec!["Bram".into()]));
    let refer = &overview.groups[0].rows[0];
    assert_eq!(refer.signals.iter().map(|s| s.rule).collect::<Vec<_>>(), vec![RuleId::ComplexWithoutProfessional]);
    assert_eq!(refer.new_signals, vec![refer.signals[0].id], "opened after the first look");
    assert_eq!([overview.groups[0].new_count, overview.groups[1].new_count, overview.groups[2].new_count], [1, 0, 1]);

    // The signal page says how to take it up: a professional first for a complex case.
    let detail = t.app.signal(refer.signals[0].id, today).unwrap();
    assert_eq!(detail.guide.agreements[0], Resolution::ProfessionalEngaged);
    assert_eq!(detail.guide.questions.len(), 3);
    assert!(detail.guide.why.contains("complexe situatie"), "{}", detail.guide.why);

    // A new session (the app opened again) remembers the last look: what opened before it is not new.
    let mut again = draagkracht_api::Draagkracht::open(&t.db_path()).unwrap();
    let overview = again.attention_overview(today).unwrap();
    assert!(overview.looked_before.is_some());
    assert!(overview.groups.iter().all(|g| g.new_count == 0));
}

/// The branch rewrites a guide: the signal page shows its words; a bad guide is refused field by
/// field and changes nothing; three empty fields bring the default back.
#[test]
fn a_branch_writes_its_own_conversation_guide() {
    use draagkracht_api::wire::{Field, GuideInput};
    let mut t = TempApp::new();
    let default = t.app.signal_guides().unwrap();
    assert_eq!(default.len(), RuleId::ALL.len());
    assert!(default.iter().all(|g| !g.guide.edited));

    let bad =
        GuideInput { rule: RuleId::GoneQuiet, why: " ".into(), questions: String::new(), professional: "x".into() };
    let refused = t.app.set_signal_guide(&bad).unwrap_err();
    assert_eq!(refused.field, Some(Field::Why));
    assert_eq!(
        refused.also.as_ref().map(|a| a.iter().map(|r| r.field).collect::<Vec<_>>()),
        Some(vec![Field::Questions])
    );
    assert!(t.app.signal_guides().unwrap().iter().all(|g| !g.guide.edited), "nothing kept");

    let own = GuideInput {
        rule: RuleId::GoneQuiet,
        why: "Bij ons bellen we binnen een week.".into(),
        questions: "Hoe gaat het?\nZie je de deelnemer nog?".into(),
        professional: "Als de deelnemer alleen zit.".into(),
    };
    let after = t.app.set_signal_guide(&own).unwrap();
    let quiet = after.iter().find(|g| g.rule == RuleId::GoneQuiet).unwrap();
    assert!(quiet.guide.edited);
    assert_eq!(quiet.guide.questions, ["Hoe gaat het?", "Zie je de deelnemer nog?"]);
    assert_eq!(quiet.guide.why_en, quiet.guide.why, "the branch's words in both languages");
    assert_eq!(quiet.guide.agreements[0], Resolution::Conversation, "what can be agreed stays");

    let empty = GuideInput { why: String::new(), questions: String::new(), professional: String::new(), ..own };
    let back = t.app.set_signal_guide(&empty).unwrap();
    assert!(!back.iter().find(|g| g.rule == RuleId::GoneQuiet).unwrap().guide.edited);
}
