//! Demo cases: a volunteer's matches over their active years, each with a participant, a history of
//! assessments (most normal, some complex — more so in later years — and a few acute episodes),
//! professionals brought in and referrals logged.

use crate::id_at;
use chrono::{Days, Months, NaiveDate};
use draagkracht_core::complexity::{case_level, Assessment, CaseLevel, CrisisMarker, LifeDomain, ValidAssessment};
use draagkracht_core::matching::ValidMatch;
use draagkracht_core::participant::ValidParticipant;
use draagkracht_core::professional::{ValidInvolvement, ValidReferral};
use draagkracht_core::{
    AssessmentId, InvolvementId, MatchId, ParticipantId, ProfessionalKind, ProgrammeId, ReferralId, VolunteerId,
};
use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// One generated match with everything that hangs off it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoCase {
    pub id: MatchId,
    pub participant_id: ParticipantId,
    pub participant: ValidParticipant,
    pub valid: ValidMatch,
    /// End date and reason, once ended.
    pub end: Option<(NaiveDate, String)>,
    pub assessments: Vec<(AssessmentId, ValidAssessment)>,
    pub involvements: Vec<(InvolvementId, ValidInvolvement)>,
    pub referrals: Vec<(ReferralId, ValidReferral)>,
    /// The programme's goals it works towards (by name), each with its result once ended.
    pub goals: Vec<(&'static str, Option<draagkracht_core::goals::GoalResult>)>,
}

impl DemoCase {
    pub fn runs_on(&self, day: NaiveDate) -> bool {
        self.valid.start_date <= day && self.end.as_ref().is_none_or(|(end, _)| day <= *end)
    }

    /// The level the case had on `day` (from the latest assessment up to then).
    pub fn level_on(&self, day: NaiveDate) -> CaseLevel {
        case_level(self.assessments.iter().filter(|(_, a)| a.date <= day).map(|(_, a)| &a.assessment).last())
    }
}

/// Typical match lengths in months per default programme (DOMAIN.md), with some running over.
const LENGTH_MONTHS: [(u32, u32); 5] = [(4, 14), (6, 28), (6, 48), (4, 14), (6, 36)];
const AT_HOME_SHARE: [f64; 5] = [0.5, 0.8, 0.95, 0.7, 0.9];

const END_REASONS: [&str; 5] = [
    "Doel bereikt",
    "Deelnemer verhuisd",
    "Overgedragen aan een professional",
    "Deelnemer wilde stoppen",
    "Vrijwilliger gestopt",
];

/// The matches of one volunteer in one programme between `first` and `last`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn cases_for(
    rng: &mut ChaCha8Rng,
    volunteer: VolunteerId,
    programme: ProgrammeId,
    programme_index: usize,
    first: NaiveDate,
    last: NaiveDate,
    today: NaiveDate,
    history: (NaiveDate, NaiveDate),
    next_code: &mut u32,
) -> Vec<DemoCase> {
    let mut cases = Vec::new();
    let mut start = first + Days::new(rng.gen_range(7..60));
    let (min_months, max_months) = LENGTH_MONTHS[programme_index.min(4)];
    while start < last {
        let planned = start.checked_add_months(Months::new(rng.gen_range(min_months..=max_months))).unwrap_or(last);
        let end = if planned < today.min(last) || last < today {
            let end = planned.min(last);
            Some((end, END_REASONS[if end == last { 4 } else { rng.gen_range(0..4) }].to_string()))
        } else {
            None
        };
        *next_code += 1;
        let participant = ValidParticipant {
            label: if rng.gen_bool(0.5) {
                format!("D-{:04}", *next_code)
            } else {
                crate::names::first_name(rng).to_string()
            },
            contact: rng.gen_bool(0.3).then(|| format!("06-{:08}", rng.gen_range(10_000_000..99_999_999u32))),
            consent_date: Some(start),
            consent_by: Some("Coördinator".into()),
            consent_scope: Some("Gegevens voor de koppeling".into()),
            // Where they live is drawn when the branch is complete (see `funding`).
            municipality: None,
        };
        let id = MatchId(id_at(rng, start));
        let valid = ValidMatch {
            participant: ParticipantId(id_at(rng, start)),
            programme,
            volunteers: vec![volunteer],
            start_date: start,
            expected_end_date: Some(start.checked_add_months(Months::new(max_months.min(24))).unwrap_or(start)),
            one_to_one_at_home: rng.gen_bool(AT_HOME_SHARE[programme_index.min(4)]),
        };
        let mut case = DemoCase {
            id,
            participant_id: valid.participant,
            participant,
            valid,
            end,
            assessments: Vec::new(),
            involvements: Vec::new(),
            referrals: Vec::new(),
            goals: Vec::new(),
        };
        assess(rng, &mut case, today, history);
        let next = case.end.as_ref().map(|(end, _)| *end).unwrap_or(today);
        cases.push(case);
        start = next + Days::new(rng.gen_range(14..70));
    }
    cases
}

/// Writes the assessment history; complexity grows over the years, as the 2018 letter warned.
fn assess(rng: &mut ChaCha8Rng, case: &mut DemoCase, today: NaiveDate, (first, last): (NaiveDate, NaiveDate)) {
    let span = (last - first).num_days().max(1) as f64;
    let progress = ((case.valid.start_date - first).num_days() as f64 / span).clamp(0.0, 1.0);
    let complex = rng.gen_bool(0.10 + 0.18 * progress);
    let acute_episode = rng.gen_bool(0.05 + 0.04 * progress);
    let until = case.end.as_ref().map(|(end, _)| *end).unwrap_or(today);
    let mut day = case.valid.start_date + Days::new(rng.gen_range(0..21));
    let mut round = 0;
    let mut acute_done = false;
    while day <= until {
        let mut domains: Vec<LifeDomain> = LifeDomain::ALL.to_vec();
        domains.shuffle(rng);
        let becomes_complex = complex && (round > 0 || rng.gen_bool(0.5));
        domains.truncate(if becomes_complex { rng.gen_range(3..=5) } else { rng.gen_range(0..=2) });
        let mut markers = Vec::new();
        if acute_episode && !acute_done && round >= 1 {
            markers.push(
                *[
                    CrisisMarker::AcuteDebt,
                    CrisisMarker::CannotCope,
                    CrisisMarker::UnsafeHome,
                    CrisisMarker::SuicidalSignals,
                ]
                .choose(rng)
                .unwrap_or(&CrisisMarker::AcuteDebt),
            );
            acute_done = true;
            if rng.gen_bool(0.6) {
                let kind = if markers[0] == CrisisMarker::AcuteDebt {
                    ProfessionalKind::DebtHelp
                } else {
                    ProfessionalKind::Wijkteam
                };
                let date = (day + Days::new(rng.gen_range(0..7))).min(today);
                case.referrals.push((
                    ReferralId(id_at(rng, date)),
                    ValidReferral {
                        date,
                        to_kind: kind,
                        to_name: None,
                        reason: "Crisis gesignaleerd bij de inschatting".into(),
                        outcome: rng.gen_bool(0.7).then(|| "Professional heeft het overgenomen".to_string()),
                    },
                ));
            }
        }
        let assessment = Assessment { domains, solvable_within_year: !becomes_complex, markers, zrm: None };
        let level = case_level(Some(&assessment));
        case.assessments.push((AssessmentId(id_at(rng, day)), ValidAssessment { date: day, assessment }));
        if level != CaseLevel::Normal && case.involvements.is_empty() && rng.gen_bool(0.88) {
            let from = (day + Days::new(rng.gen_range(7..45))).min(today);
            let kind = *[
                ProfessionalKind::Wijkteam,
                ProfessionalKind::DebtHelp,
                ProfessionalKind::SocialCounsel,
                ProfessionalKind::MentalHealth,
                ProfessionalKind::Gp,
            ]
            .choose(rng)
            .unwrap_or(&ProfessionalKind::Wijkteam);
            case.involvements.push((
                InvolvementId(id_at(rng, from)),
                ValidInvolvement {
                    kind,
                    name: None,
                    organisation: Some("Gemeente (demo)".into()),
                    from_date: from,
                    to_date: None,
                },
            ));
        }
        round += 1;
        day = day + Days::new(rng.gen_range(90..180));
    }
}
