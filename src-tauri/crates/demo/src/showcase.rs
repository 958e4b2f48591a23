//! A handful of volunteers whose last weeks are shaped so that the demo shows the rarer rules on
//! whatever day it is generated: an acute case not yet referred, a professional's task, grey-zone
//! work, a volunteer gone quiet, a match past its programme's maximum, intervision lapsed. The
//! generated branch leaves these to chance (a few per cent each), so on some days one is missing —
//! and a coordinator trying the demo should meet every signal at least once.
//!
//! Each situation is laid on an active volunteer with a running match who has not been picked
//! for another, in generation order, so the same seed and day give the same branch.

use crate::cases::DemoCase;
use crate::support::DemoSupport;
use crate::{id_at, CatalogueEntry, DemoBranch};
use chrono::{Days, Months, NaiveDate, NaiveTime, TimeZone, Utc};
use draagkracht_core::complexity::{Assessment, CrisisMarker, LifeDomain, ValidAssessment};
use draagkracht_core::professional::ValidReferral;
use draagkracht_core::programme::DEFAULT_PROGRAMMES;
use draagkracht_core::{
    ActivityLevel, AssessmentId, HourEntryId, HourKind, Minutes, NewHourEntry, ProfessionalKind, ProgrammeId,
    ReferralId, VolunteerId, VolunteerStatus,
};
use rand_chacha::ChaCha8Rng;
use std::collections::HashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Situation {
    /// A crisis marker at the latest assessment, a few days ago, and no referral since.
    AcuteNotReferred,
    /// A professional-level activity logged last week.
    ProfessionalTask,
    /// Three grey-zone activities in the last three weeks.
    GreyZone,
    /// No hours in the last six weeks while the match runs on.
    GoneQuiet,
    /// A match open a few months past its programme's maximum.
    PastMaximum,
    /// No intervision in the last four months.
    IntervisionLapsed,
    /// Complex at the latest assessment, two weeks ago, and no professional involved.
    ComplexAlone,
    /// Two running matches, one complex and one acute: a caseload weighing 5 (with a referral
    /// for the crisis, so that it is the weight that shows).
    HeavyCaseload,
}

const SITUATIONS: [Situation; 8] = [
    Situation::AcuteNotReferred,
    Situation::ProfessionalTask,
    Situation::GreyZone,
    Situation::GoneQuiet,
    Situation::PastMaximum,
    Situation::IntervisionLapsed,
    Situation::ComplexAlone,
    Situation::HeavyCaseload,
];

/// Lays each situation on a volunteer of its own.
pub(crate) fn shape(
    rng: &mut ChaCha8Rng,
    branch: &mut DemoBranch,
    programmes: &[ProgrammeId],
    catalogue: &[CatalogueEntry],
    today: NaiveDate,
) {
    let mut taken: HashSet<VolunteerId> = HashSet::new();
    for situation in SITUATIONS {
        let Some((volunteer, case)) = pick(branch, programmes, catalogue, situation, today, &taken) else {
            continue;
        };
        taken.insert(volunteer);
        let programme = branch.cases[case].valid.programme;
        let match_id = branch.cases[case].id;
        let entry = |rng: &mut ChaCha8Rng, branch: &mut DemoBranch, days_ago: u64, level: ActivityLevel| {
            let day = today - Days::new(days_ago);
            let activity = catalogue.iter().find(|(_, p, l)| *p == programme && *l == level).map(|(id, ..)| *id);
            let at = Utc.from_utc_datetime(&day.and_time(NaiveTime::from_hms_opt(16, 0, 0).unwrap_or_default()));
            branch.entries.push((
                HourEntryId(id_at(rng, day)),
                NewHourEntry {
                    volunteer,
                    date: day,
                    minutes: Minutes::new(60).expect("an hour is a valid duration"),
                    programme,
                    kind: HourKind::Support,
                    note: None,
                    match_id: Some(match_id),
                    activity,
                },
                at,
            ));
        };
        match situation {
            Situation::AcuteNotReferred => {
                let day = today - Days::new(4);
                let case = &mut branch.cases[case];
                case.referrals.retain(|(_, r)| r.date < day);
                reassess(rng, case, day, vec![CrisisMarker::AcuteDebt]);
            }
            Situation::ComplexAlone => {
                let case = &mut branch.cases[case];
                case.involvements.clear();
                reassess(rng, case, today - Days::new(14), Vec::new());
            }
            Situation::HeavyCaseload => {
                let day = today - Days::new(30);
                let running: Vec<usize> = (0..branch.cases.len())
                    .filter(|&i| branch.cases[i].valid.volunteers.contains(&volunteer) && branch.cases[i].end.is_none())
                    .collect();
                for (n, &i) in running.iter().take(2).enumerate() {
                    let case = &mut branch.cases[i];
                    let markers = if n == 0 { vec![CrisisMarker::CannotCope] } else { Vec::new() };
                    reassess(rng, case, day, markers);
                    let referral = ValidReferral {
                        date: day + Days::new(2),
                        to_kind: ProfessionalKind::Wijkteam,
                        to_name: None,
                        reason: "Crisis gesignaleerd bij de inschatting".into(),
                        outcome: None,
                    };
                    case.referrals.push((ReferralId(id_at(rng, day)), referral));
                }
            }
            Situation::ProfessionalTask => entry(rng, branch, 6, ActivityLevel::Professional),
            Situation::GreyZone => {
                for days_ago in [3, 10, 17] {
                    entry(rng, branch, days_ago, ActivityLevel::Grey);
                }
            }
            Situation::GoneQuiet => {
                let quiet_from = today - Days::new(42);
                branch.entries.retain(|(_, e, _)| e.volunteer != volunteer || e.date < quiet_from);
            }
            Situation::PastMaximum => {
                let case = &mut branch.cases[case];
                let max = max_months(programmes, case.valid.programme).unwrap_or(12);
                let start = today.checked_sub_months(Months::new(max + 3)).unwrap_or(today);
                if case.valid.start_date > start {
                    case.valid.start_date = start;
                    case.participant.consent_date = Some(start);
                }
            }
            Situation::IntervisionLapsed => {
                let lapsed_from = today - Days::new(125);
                if let Some((_, support)) = branch.support.iter_mut().find(|(v, _)| *v == volunteer) {
                    support.supervision.retain(|d| *d < lapsed_from);
                }
            }
        }
    }
}

/// The first volunteer, in generation order, who is active, not yet picked, and has a match running
/// today that suits the situation (for "past the maximum": in a programme that has one; for
/// "gone quiet": started before the quiet weeks; for an activity: one the catalogue has). Returns the volunteer and the case's index.
fn pick(
    branch: &DemoBranch,
    programmes: &[ProgrammeId],
    catalogue: &[CatalogueEntry],
    situation: Situation,
    today: NaiveDate,
    taken: &HashSet<VolunteerId>,
) -> Option<(VolunteerId, usize)> {
    let has =
        |programme: ProgrammeId, level: ActivityLevel| catalogue.iter().any(|(_, p, l)| *p == programme && *l == level);
    branch.volunteers.iter().filter(|(id, v)| v.status == VolunteerStatus::Active && !taken.contains(id)).find_map(
        |(id, _)| {
            let supported = branch.support.iter().any(|(v, s): &(VolunteerId, DemoSupport)| {
                v == id && (situation != Situation::IntervisionLapsed || !s.supervision.is_empty())
            });
            let case = branch.cases.iter().position(|c: &DemoCase| {
                c.valid.volunteers.contains(id)
                    && c.end.is_none()
                    && c.runs_on(today)
                    && match situation {
                        Situation::PastMaximum => max_months(programmes, c.valid.programme).is_some(),
                        Situation::GoneQuiet => c.valid.start_date < today - Days::new(60),
                        Situation::HeavyCaseload => {
                            branch.cases.iter().filter(|o| o.valid.volunteers.contains(id) && o.end.is_none()).count()
                                >= 2
                        }
                        Situation::ProfessionalTask => has(c.valid.programme, ActivityLevel::Professional),
                        Situation::GreyZone => has(c.valid.programme, ActivityLevel::Grey),
                        _ => true,
                    }
            })?;
            supported.then_some((*id, case))
        },
    )
}

/// A new latest assessment on `day` (later ones go): complex — three life domains, not solvable
/// within a year — and acute with `markers`.
fn reassess(rng: &mut ChaCha8Rng, case: &mut DemoCase, day: NaiveDate, markers: Vec<CrisisMarker>) {
    let assessment = Assessment {
        domains: vec![LifeDomain::Money, LifeDomain::Housing, LifeDomain::Health],
        solvable_within_year: false,
        markers,
        zrm: None,
    };
    case.assessments.retain(|(_, a)| a.date < day);
    case.assessments.push((AssessmentId(id_at(rng, day)), ValidAssessment { date: day, assessment }));
}

/// The default maximum months of the demo's programme (the demo's programmes are DOMAIN.md's, in order).
fn max_months(programmes: &[ProgrammeId], programme: ProgrammeId) -> Option<u32> {
    let index = programmes.iter().position(|p| *p == programme)?;
    DEFAULT_PROGRAMMES.get(index)?.max_months
}
