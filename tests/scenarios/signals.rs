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
