//! A case from intake to referral: a participant is matched with a volunteer, assessed as complex,
//! a professional-level activity is logged (and recognised as such), and a referral follows.

use draagkracht_api::wire::{
    ActivityLevel, AssessmentInput, CaseLevel, CrisisMarker, EndMatchInput, Field, InvolvementInput, LifeDomain,
    MatchInput, MatchStatus, ParticipantInput, ReferralInput, RefusalCode, Zrm,
};
use draagkracht_api::ErrorCode;
use draagkracht_tests::{date, hours_input, volunteer_input, TempApp};

fn assessment(date: &str, domains: Vec<LifeDomain>, within_year: bool, markers: Vec<CrisisMarker>) -> AssessmentInput {
    AssessmentInput {
        date: date.into(),
        domains,
        solvable_within_year: within_year,
        markers,
        zrm: None,
        note: String::new(),
    }
}

#[test]
fn a_case_from_match_to_referral() {
    let mut t = TempApp::new();
    let today = date(2025, 6, 30);
    let admin = t.programme("Thuisadministratie");
    let anna = t.app.create_volunteer(&volunteer_input("Anna de Vries", "active", vec![admin]), today).unwrap();
    let bram = t.app.create_volunteer(&volunteer_input("Bram Jansen", "active", vec![admin]), today).unwrap();

    // Data minimisation: a code is enough.
    let input = ParticipantInput { label: "D-017".into(), consent_date: "01-05-2025".into(), ..Default::default() };
    let participant = t.app.create_participant(&input, today).unwrap();

    let m = t
        .app
        .create_match(
            &MatchInput {
                participant_id: Some(participant.id),
                programme_id: Some(admin),
                volunteer_ids: vec![anna.id],
                start_date: "01-05-2025".into(),
                expected_end_date: "30-04-2026".into(),
                one_to_one_at_home: true,
                goal_ids: vec![],
            },
            today,
        )
        .unwrap();
    assert_eq!((m.level, m.status, m.professional_involved), (CaseLevel::Normal, MatchStatus::Active, false));

    // Assessed twice; the history keeps both, and the latest decides the level.
    use LifeDomain::*;
    t.app.assess_case(m.id, &assessment("15-05-2025", vec![Money], true, vec![]), today).unwrap();
    let detail =
        t.app.assess_case(m.id, &assessment("01-06-2025", vec![Money, Housing, Health], false, vec![]), today).unwrap();
    assert_eq!(detail.the_match.level, CaseLevel::Complex);
    assert_eq!(detail.assessments.len(), 2);
    assert_eq!(detail.assessments[0].date, date(2025, 6, 1), "newest first");
    assert_eq!(detail.assessments[1].level, CaseLevel::Normal, "the old assessment keeps its own level");

    // The volunteer's load: the weeks of the complex case weigh 2.
    let load = t.app.volunteer_load(anna.id, today).unwrap();
    let last_week = load.weeks.last().unwrap();
    assert_eq!((load.weeks.len(), last_week.caseload_weight), (53, 2));

    // A professional-level activity is recognised as one.
    let bailiff = t
        .app
        .activities(Some(admin))
        .unwrap()
        .into_iter()
        .find(|a| a.level == ActivityLevel::Professional && a.name.contains("deurwaarder"))
        .expect("the default catalogue has the bailiff as professional work");
    let mut entry = hours_input(anna.id, "20-06-2025", "1", admin, "support");
    entry.match_id = Some(m.id);
    entry.activity_id = Some(bailiff.id);
    let saved = t.app.log_hours(&entry, today).unwrap();
    assert_eq!(saved.activity_level, Some(ActivityLevel::Professional));
    assert_eq!(saved.match_id, Some(m.id));

    // The referral that follows, and the debt help that takes over.
    let referral = ReferralInput {
        date: "21-06-2025".into(),
        to_kind: "debt_help".into(),
        to_name: "Schuldhulp gemeente".into(),
        reason: "Deurwaarder aan de deur".into(),
        outcome: String::new(),
    };
    let detail = t.app.log_referral(m.id, &referral, today).unwrap();
    assert_eq!(detail.referrals.len(), 1);
    let involvement = InvolvementInput {
        kind: "debt_help".into(),
        name: String::new(),
        organisation: "Gemeente".into(),
        from_date: "25-06-2025".into(),
        to_date: String::new(),
    };
    let detail = t.app.add_professional(m.id, &involvement, today).unwrap();
    assert!(detail.the_match.professional_involved && detail.professionals[0].active);

    // A crisis marker makes it acute; the participant list shows the highest level.
    t.app
        .assess_case(m.id, &assessment("30-06-2025", vec![Money], true, vec![CrisisMarker::AcuteDebt]), today)
        .unwrap();
    let rows = t.app.participants("d-0", today).unwrap();
    assert_eq!((rows.len(), rows[0].level, rows[0].active_matches), (1, Some(CaseLevel::Acute), 1));
    // The list tells people apart by the programme and volunteer of their active matches.
    assert_eq!(rows[0].programmes.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), vec!["Thuisadministratie"]);
    assert_eq!(rows[0].volunteers.iter().map(|v| v.id).collect::<Vec<_>>(), vec![anna.id]);
    assert!(rows[0].last_match.is_none(), "an active match says enough");
    assert_eq!(rows[0].registered, Some(chrono::Utc::now().date_naive()), "written today, by the clock");
    let page = t.app.volunteer(anna.id, today).unwrap();
    assert_eq!(page.matches.len(), 1);
    assert_eq!(t.app.volunteer_matches(bram.id, today).unwrap().len(), 0);

    // Ending the match.
    let ended = t
        .app
        .end_match(
            m.id,
            &EndMatchInput { end_date: "30-06-2025".into(), reason: "Overgedragen".into(), results: vec![] },
            today,
        )
        .unwrap();
    assert_eq!(ended.the_match.status, MatchStatus::Ended);
    assert!(t.app.volunteer_matches(anna.id, today).unwrap().is_empty());
    let after = t.app.participants("", today).unwrap();
    assert_eq!(after[0].level, None, "no active match, no level");
    assert!(after[0].programmes.is_empty() && after[0].volunteers.is_empty(), "only active matches count");
    // Still told apart: by the latest ended match.
    let last = after[0].last_match.as_ref().expect("the ended match");
    assert_eq!((last.programme_name.as_str(), last.end_date), ("Thuisadministratie", date(2025, 6, 30)));
    assert!(t.app.check().unwrap().sound);
}

#[test]
fn hours_for_the_wrong_match_or_activity_are_refused() {
    let mut t = TempApp::new();
    let today = date(2025, 6, 30);
    let admin = t.programme("Thuisadministratie");
    let buddy = t.programme("Maatje");
    let anna = t.app.create_volunteer(&volunteer_input("Anna", "active", vec![admin]), today).unwrap();
    let bram = t.app.create_volunteer(&volunteer_input("Bram", "active", vec![admin]), today).unwrap();
    let p = t.app.create_participant(&ParticipantInput { label: "R".into(), ..Default::default() }, today).unwrap();
    let m = t
        .app
        .create_match(
            &MatchInput {
                participant_id: Some(p.id),
                programme_id: Some(admin),
                volunteer_ids: vec![anna.id],
                start_date: "01-06-2025".into(),
                expected_end_date: String::new(),
                one_to_one_at_home: false,
                goal_ids: vec![],
            },
            today,
        )
        .unwrap();

    let refused = |t: &mut TempApp, input| t.app.log_hours(&input, today).unwrap_err();
    let mut not_hers = hours_input(bram.id, "20-06-2025", "1", admin, "support");
    not_hers.match_id = Some(m.id);
    let e = refused(&mut t, not_hers);
    assert_eq!((e.field, e.reason), (Some(Field::Match), Some(RefusalCode::NotAllowed)));
    let mut before_start = hours_input(anna.id, "31-05-2025", "1", admin, "support");
    before_start.match_id = Some(m.id);
    assert_eq!(refused(&mut t, before_start).field, Some(Field::Match));
    let other_programme = t.app.activities(Some(buddy)).unwrap()[0].id;
    let mut wrong_activity = hours_input(anna.id, "20-06-2025", "1", admin, "support");
    wrong_activity.activity_id = Some(other_programme);
    assert_eq!(refused(&mut t, wrong_activity).field, Some(Field::Activity));
    assert_eq!(t.app.check().unwrap().hour_entries, 0);

    // A ZRM must come from a named professional, with 13 scores.
    let mut a = assessment("20-06-2025", vec![], true, vec![]);
    a.zrm = Some(Zrm { scored_by: String::new(), scored_on: "01-06-2025".into(), scores: vec![3; 13] });
    let e = t.app.assess_case(m.id, &a, today).unwrap_err();
    assert_eq!((e.code, e.field), (ErrorCode::InvalidInput, Some(Field::ZrmScoredBy)));
    a.zrm = Some(Zrm {
        scored_by: "Wijkteam Noord".into(),
        scored_on: "01-06-2025".into(),
        scores: vec![4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 1],
    });
    let detail = t.app.assess_case(m.id, &a, today).unwrap();
    assert_eq!(detail.the_match.level, CaseLevel::Acute, "a ZRM domain at 1 is acute");
    assert_eq!(
        detail.assessments[0].zrm.as_ref().map(|z| z.scores.clone()),
        Some(vec![4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 1])
    );
}

/// The sociale kaart: organisations kept by hand, a bad one refused field by field and nothing kept,
/// and a referral form that offers those fitting the kind and the case's life domains.
#[test]
fn the_sociale_kaart_offers_the_organisations_that_fit_a_referral() {
    use draagkracht_api::wire::{Field, OrganisationInput};
    let mut t = TempApp::new();
    let today = date(2025, 6, 30);
    let refused = t
        .app
        .save_organisation(None, &OrganisationInput { kinds: vec!["schuldhulp".into()], ..Default::default() })
        .unwrap_err();
    assert_eq!(refused.field, Some(Field::Name));
    assert_eq!(refused.also.as_ref().map(|a| a[0].field), Some(Field::ProfessionalKind));
    assert!(t.app.organisations().unwrap().is_empty(), "nothing kept");

    let org = |name: &str, kinds: &[&str], domains: &[&str]| OrganisationInput {
        name: name.into(),
        kinds: kinds.iter().map(|k| k.to_string()).collect(),
        domains: domains.iter().map(|d| d.to_string()).collect(),
        contact: "010-1234567".into(),
        ..Default::default()
    };
    t.app.save_organisation(None, &org("Schuldhulp Noord", &["debt_help"], &["money"])).unwrap();
    t.app.save_organisation(None, &org("Huurteam", &["debt_help"], &["housing"])).unwrap();
    let list = t.app.save_organisation(None, &org("Wijkteam Noord", &["wijkteam", "debt_help"], &[])).unwrap();
    assert_eq!(
        list.iter().map(|o| o.name.as_str()).collect::<Vec<_>>(),
        ["Huurteam", "Schuldhulp Noord", "Wijkteam Noord"]
    );

    // A case with money and health problems: debt help that works on money, or on every domain.
    let admin = t.programme("Thuisadministratie");
    let anna = t.ready_volunteer("Anna", vec![admin], today);
    let p = t.app.create_participant(&ParticipantInput { label: "D-1".into(), ..Default::default() }, today).unwrap();
    let input = MatchInput {
        participant_id: Some(p.id),
        programme_id: Some(admin),
        volunteer_ids: vec![anna.id],
        start_date: "01-05-2025".into(),
        expected_end_date: String::new(),
        one_to_one_at_home: false,
        goal_ids: vec![],
    };
    let m = t.app.create_match(&input, today).unwrap();
    let assessment = AssessmentInput {
        date: "10-06-2025".into(),
        domains: vec![LifeDomain::Money, LifeDomain::Health],
        solvable_within_year: true,
        markers: vec![],
        zrm: None,
        note: String::new(),
    };
    t.app.assess_case(m.id, &assessment, today).unwrap();
    let names = |kind| t.app.organisations_for(m.id, kind).unwrap().into_iter().map(|o| o.name).collect::<Vec<_>>();
    assert_eq!(names(draagkracht_api::wire::ProfessionalKind::DebtHelp), ["Schuldhulp Noord", "Wijkteam Noord"]);
    assert_eq!(names(draagkracht_api::wire::ProfessionalKind::Gp), Vec::<String>::new());

    // Changed and removed.
    let id = t.app.organisations().unwrap()[0].id;
    let changed = t.app.save_organisation(Some(id), &org("Huurteam Noord", &["debt_help"], &["housing"])).unwrap();
    assert_eq!(changed[0].name, "Huurteam Noord");
    assert_eq!(t.app.remove_organisation(id).unwrap().len(), 2);
}
