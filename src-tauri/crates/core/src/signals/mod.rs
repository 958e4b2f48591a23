//! Signals: who carries more than a volunteer should, and why. A signal is data — the rule, the
//! volunteer, a severity, the evidence (entries, matches, the figures compared with their threshold)
//! and a plain explanation in Dutch and English — never an error or a log line.
//!
//! Every rule is a pure function of one volunteer's [`History`], the [`Thresholds`] and "today", in
//! its own module. [`evaluate`] runs them all. The defaults follow DOMAIN.md, "Signals".

mod acute_case;
mod allowance_over_cap;
mod complex_without_professional;
mod credential_expired;
mod frontline_load;
mod gone_quiet;
mod grey_zone_drift;
pub mod guides;
mod hours_over_agreement;
pub mod lifecycle;
mod no_supervision;
mod norms;
mod professional_task;
mod rising_load;
mod strain_check_in;
mod thresholds;
mod trajectory_too_long;
mod weighted_caseload;

pub use norms::{Norm, Norms};
pub use thresholds::{ThresholdInfo, ThresholdKey, Thresholds};

use crate::activity::ActivityLevel;
use crate::complexity::CaseLevel;
use crate::hours::HourKind;
use crate::ids::{HourEntryId, MatchId, ProgrammeId, VolunteerId};
use crate::volunteer::VolunteerStatus;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The rules of DOMAIN.md's table. Never rename one: stored signals and the UI refer to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    HoursOverAgreement,
    FrontlineLoad,
    ComplexWithoutProfessional,
    AcuteCase,
    ProfessionalTask,
    GreyZoneDrift,
    WeightedCaseload,
    RisingLoad,
    TrajectoryTooLong,
    NoSupervision,
    StrainCheckIn,
    CredentialExpired,
    AllowanceOverCap,
    GoneQuiet,
}

impl RuleId {
    pub const ALL: [RuleId; 14] = [
        Self::HoursOverAgreement,
        Self::FrontlineLoad,
        Self::ComplexWithoutProfessional,
        Self::AcuteCase,
        Self::ProfessionalTask,
        Self::GreyZoneDrift,
        Self::WeightedCaseload,
        Self::RisingLoad,
        Self::TrajectoryTooLong,
        Self::NoSupervision,
        Self::StrainCheckIn,
        Self::CredentialExpired,
        Self::AllowanceOverCap,
        Self::GoneQuiet,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::HoursOverAgreement => "hours_over_agreement",
            Self::FrontlineLoad => "frontline_load",
            Self::ComplexWithoutProfessional => "complex_without_professional",
            Self::AcuteCase => "acute_case",
            Self::ProfessionalTask => "professional_task",
            Self::GreyZoneDrift => "grey_zone_drift",
            Self::WeightedCaseload => "weighted_caseload",
            Self::RisingLoad => "rising_load",
            Self::TrajectoryTooLong => "trajectory_too_long",
            Self::NoSupervision => "no_supervision",
            Self::StrainCheckIn => "strain_check_in",
            Self::CredentialExpired => "credential_expired",
            Self::AllowanceOverCap => "allowance_over_cap",
            Self::GoneQuiet => "gone_quiet",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// The rule's short name in Dutch and English, as the window and the reports show it.
    pub fn title(self) -> (&'static str, &'static str) {
        match self {
            Self::HoursOverAgreement => ("Meer uren dan afgesproken", "More hours than agreed"),
            Self::FrontlineLoad => ("Zware frontlinie-inzet", "Heavy frontline work"),
            Self::ComplexWithoutProfessional => {
                ("Complexe casus zonder professional", "Complex case without a professional")
            }
            Self::AcuteCase => ("Acute casus", "Acute case"),
            Self::ProfessionalTask => ("Professionele taak", "Professional task"),
            Self::GreyZoneDrift => ("Vaak grijs gebied", "Often in the grey zone"),
            Self::WeightedCaseload => ("Veel zware koppelingen", "Many heavy matches"),
            Self::RisingLoad => ("Oplopende belasting", "Rising load"),
            Self::TrajectoryTooLong => ("Koppeling duurt te lang", "Match running too long"),
            Self::NoSupervision => ("Geen intervisie of supervisie", "No intervision or supervision"),
            Self::StrainCheckIn => ("Tijd voor een gesprek", "Time for a conversation"),
            Self::CredentialExpired => {
                ("VOG of training niet in orde", "Certificate of conduct or training not in order")
            }
            Self::AllowanceOverCap => ("Vergoeding boven het maximum", "Allowance above the maximum"),
            Self::GoneQuiet => ("Stil geworden", "Gone quiet"),
        }
    }

    /// What the coordinator does about it: the attention list is grouped by this.
    pub fn action(self) -> ActionGroup {
        match self {
            Self::ComplexWithoutProfessional | Self::AcuteCase | Self::ProfessionalTask => ActionGroup::Refer,
            Self::CredentialExpired | Self::AllowanceOverCap => ActionGroup::Papers,
            Self::HoursOverAgreement
            | Self::FrontlineLoad
            | Self::GreyZoneDrift
            | Self::WeightedCaseload
            | Self::RisingLoad
            | Self::TrajectoryTooLong
            | Self::NoSupervision
            | Self::StrainCheckIn
            | Self::GoneQuiet => ActionGroup::Talk,
        }
    }
}

/// What to do about a signal, the attention list's groups in their order: a professional's work to
/// hand over first, then the conversations of this week, then the administration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActionGroup {
    /// Doorverwijzen: a professional's work, a crisis, a complex case without a professional.
    Refer,
    /// Deze week spreken: the load, the work itself, how it is going.
    Talk,
    /// Administratie: VOG, training, allowance.
    Papers,
}

impl ActionGroup {
    pub const ALL: [ActionGroup; 3] = [Self::Refer, Self::Talk, Self::Papers];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Alert,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Alert => "alert",
        }
    }
    pub fn parse(text: &str) -> Option<Self> {
        [Self::Info, Self::Warning, Self::Alert].into_iter().find(|s| s.as_str() == text)
    }
}

/// A figure the rule compared with its threshold, e.g. "hours in the last 28 days: 31 > 24".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    pub label_nl: String,
    pub label_en: String,
    pub value: f64,
    pub threshold: f64,
}

/// What a signal rests on.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub entries: Vec<HourEntryId>,
    pub matches: Vec<MatchId>,
    pub figures: Vec<Figure>,
}

/// One finding about one volunteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Signal {
    pub rule: RuleId,
    pub volunteer: VolunteerId,
    pub severity: Severity,
    /// What the signal is about within the rule (a match for case rules, empty for the volunteer's
    /// load): the same cause keeps one open signal; a new cause after resolution opens a new one.
    pub subject: Option<MatchId>,
    pub evidence: Evidence,
    pub explanation_nl: String,
    pub explanation_en: String,
    /// The latest day of the cause (the newest entry, the day a case became acute …). A signal that
    /// was resolved after this day stays resolved; a cause newer than the resolution opens a new one.
    pub cause_date: NaiveDate,
}

/// One hour entry, as the rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryFact {
    pub id: HourEntryId,
    pub date: NaiveDate,
    pub minutes: u32,
    pub kind: HourKind,
    pub programme: ProgrammeId,
    pub match_id: Option<MatchId>,
    pub activity: Option<(String, ActivityLevel)>,
}

/// One of the volunteer's matches, as the rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchFact {
    pub id: MatchId,
    pub participant: String,
    pub programme: ProgrammeId,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub at_home: bool,
    pub level: CaseLevel,
    /// The date of the assessment that gave the current level.
    pub level_since: Option<NaiveDate>,
    pub professional_involved: bool,
    /// The case's levels over time: (assessment date, level), oldest first.
    pub levels: Vec<(NaiveDate, CaseLevel)>,
    /// When the case became acute (the date of the assessment that made it so).
    pub acute_since: Option<NaiveDate>,
    /// The latest referral logged for the match.
    pub last_referral: Option<NaiveDate>,
}

impl MatchFact {
    pub fn is_active(&self) -> bool {
        self.end.is_none()
    }

    /// Whether the match ran on `day`.
    pub fn runs_on(&self, day: NaiveDate) -> bool {
        self.start <= day && self.end.is_none_or(|end| day < end)
    }

    /// The case's level on `day`: that of the latest assessment up to then (normal before any).
    pub fn level_on(&self, day: NaiveDate) -> CaseLevel {
        self.levels.iter().take_while(|(date, _)| *date <= day).last().map_or(CaseLevel::Normal, |(_, l)| *l)
    }
}

/// Everything the rules know about one volunteer.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    pub volunteer: VolunteerId,
    pub status: VolunteerStatus,
    pub agreed_minutes_per_week: u32,
    /// The volunteer's programmes (their first is their main one).
    pub programmes: Vec<ProgrammeId>,
    /// Entries of (at least) the last 12 weeks.
    pub entries: Vec<EntryFact>,
    pub matches: Vec<MatchFact>,
    /// The latest intervision or supervision contact.
    pub last_supervision: Option<NaiveDate>,
    /// The latest strain check-in: its date and number of "yes" answers.
    pub last_check_in: Option<(NaiveDate, usize)>,
    /// The certificate of conduct's date.
    pub vog_date: Option<NaiveDate>,
    /// Trainings their programmes require that they have not done.
    pub missing_trainings: Vec<String>,
    /// Allowance paid this year: (first day of the month, cents, work minutes logged that month).
    pub allowances: Vec<(NaiveDate, u32, u32)>,
}

impl History {
    /// The volunteer's programmes and those of their active matches: whose norms apply to their load.
    pub fn all_programmes(&self) -> Vec<ProgrammeId> {
        let mut out = self.programmes.clone();
        for m in self.matches.iter().filter(|m| m.is_active()) {
            if !out.contains(&m.programme) {
                out.push(m.programme);
            }
        }
        out
    }

    /// The programmes of the active matches that pass `filter`.
    pub fn programmes_of_active(&self, filter: impl Fn(&MatchFact) -> bool) -> Vec<ProgrammeId> {
        let mut out = Vec::new();
        for m in self.matches.iter().filter(|m| m.is_active() && filter(m)) {
            if !out.contains(&m.programme) {
                out.push(m.programme);
            }
        }
        out
    }
}

/// Branch-wide figures some rules compare with.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BranchFigures {
    /// Median minutes in the last 28 days of active volunteers, per programme.
    pub median_minutes: Vec<(ProgrammeId, f64)>,
}

impl BranchFigures {
    /// The figures from each active volunteer's main programme and work minutes in the last 28 days.
    pub fn from_minutes(per_volunteer: impl IntoIterator<Item = (ProgrammeId, u32)>) -> Self {
        let mut per_programme: std::collections::HashMap<ProgrammeId, Vec<u32>> = Default::default();
        for (programme, minutes) in per_volunteer {
            per_programme.entry(programme).or_default().push(minutes);
        }
        let mut median_minutes: Vec<(ProgrammeId, f64)> = per_programme
            .into_iter()
            .map(|(p, mut values)| {
                values.sort_unstable();
                let mid = values.len() / 2;
                let median = if values.len() % 2 == 0 {
                    (f64::from(values[mid - 1]) + f64::from(values[mid])) / 2.0
                } else {
                    f64::from(values[mid])
                };
                (p, median)
            })
            .collect();
        median_minutes.sort_by_key(|(p, _)| *p);
        Self { median_minutes }
    }
}

/// All signals for one volunteer as of `today`. Someone who stopped raises nothing.
pub fn evaluate(history: &History, branch: &BranchFigures, norms: &Norms, today: NaiveDate) -> Vec<Signal> {
    if history.status == VolunteerStatus::Stopped {
        return Vec::new();
    }
    let mut out = Vec::new();
    out.extend(hours_over_agreement::check(history, norms, today));
    out.extend(frontline_load::check(history, branch, norms, today));
    out.extend(complex_without_professional::check(history));
    out.extend(acute_case::check(history));
    out.extend(professional_task::check(history, today));
    out.extend(grey_zone_drift::check(history, norms, today));
    out.extend(weighted_caseload::check(history, norms));
    out.extend(rising_load::check(history, norms, today));
    out.extend(trajectory_too_long::check(history, norms.branch(), today));
    out.extend(no_supervision::check(history, norms, today));
    out.extend(strain_check_in::check(history, today));
    out.extend(credential_expired::check(history, norms.branch(), today));
    out.extend(allowance_over_cap::check(history, norms.branch()));
    out.extend(gone_quiet::check(history, norms, today));
    out
}

/// Minutes of work (training apart) in the 28 days up to `today`, and those entries.
pub(crate) fn last_four_weeks(history: &History, today: NaiveDate) -> (u32, Vec<&EntryFact>) {
    let window = crate::period::DateRange::last_four_weeks(today);
    let entries: Vec<_> =
        history.entries.iter().filter(|e| window.contains(e.date) && e.kind != HourKind::Training).collect();
    (entries.iter().map(|e| e.minutes).sum(), entries)
}

/// Hours with a decimal comma, for explanations.
pub(crate) fn hours_nl(minutes: f64) -> String {
    crate::duration::format_hours_nl(minutes.round() as i64)
}

pub(crate) fn hours_en(minutes: f64) -> String {
    hours_nl(minutes).replace(',', ".")
}

#[cfg(test)]
pub(crate) mod testing {
    //! Building histories for the rule tests.
    use super::*;
    use uuid::Uuid;

    pub fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, d).unwrap()
    }

    pub fn today() -> NaiveDate {
        day(6, 30)
    }

    pub fn programme() -> ProgrammeId {
        ProgrammeId(Uuid::from_u128(1))
    }

    pub fn history(agreed_hours: u32) -> History {
        History {
            volunteer: VolunteerId(Uuid::from_u128(9)),
            status: VolunteerStatus::Active,
            agreed_minutes_per_week: agreed_hours * 60,
            programmes: vec![programme()],
            entries: Vec::new(),
            matches: Vec::new(),
            last_supervision: Some(day(6, 1)),
            last_check_in: None,
            vog_date: Some(day(1, 1)),
            missing_trainings: Vec::new(),
            allowances: Vec::new(),
        }
    }

    pub fn entry(n: u128, date: NaiveDate, minutes: u32) -> EntryFact {
        EntryFact {
            id: HourEntryId(Uuid::from_u128(1000 + n)),
            date,
            minutes,
            kind: HourKind::Support,
            programme: programme(),
            match_id: None,
            activity: None,
        }
    }

    pub fn a_match(n: u128, level: CaseLevel) -> MatchFact {
        MatchFact {
            id: MatchId(Uuid::from_u128(500 + n)),
            participant: format!("D-{n:03}"),
            programme: programme(),
            start: day(1, 1),
            end: None,
            at_home: false,
            level,
            level_since: Some(day(5, 1)),
            levels: vec![(day(5, 1), level)],
            professional_involved: false,
            acute_since: (level == CaseLevel::Acute).then(|| day(6, 1)),
            last_referral: None,
        }
    }

    /// The default norms with one programme, "Maatje".
    pub fn norms() -> Norms {
        norms_with(Thresholds::default())
    }

    /// One programme, "Maatje", with these thresholds.
    pub fn norms_with(t: Thresholds) -> Norms {
        let mut n = Norms::new(t.clone());
        n.insert(programme(), "Maatje", t);
        n
    }

    pub fn rules(signals: &[Signal]) -> Vec<(RuleId, Severity)> {
        signals.iter().map(|s| (s.rule, s.severity)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;

    #[test]
    fn branch_medians_per_programme_average_the_middle_pair() {
        let (a, b) = (ProgrammeId(uuid::Uuid::from_u128(1)), ProgrammeId(uuid::Uuid::from_u128(2)));
        let f = BranchFigures::from_minutes([(a, 300), (b, 60), (a, 0), (a, 120), (b, 90)]);
        assert_eq!(f.median_minutes, vec![(a, 120.0), (b, 75.0)]);
        assert_eq!(BranchFigures::from_minutes([]), BranchFigures::default());
    }

    #[test]
    fn a_heavy_history_fires_several_rules_and_a_healthy_one_none() {
        let t = norms();
        let branch = BranchFigures { median_minutes: vec![(programme(), 8.0 * 60.0)] };
        let mut healthy = history(4);
        healthy.matches.push(a_match(1, CaseLevel::Normal));
        for d in [2, 9, 16, 23, 27] {
            healthy.entries.push(entry(u128::from(d), day(6, d), 200));
        }
        assert!(evaluate(&healthy, &branch, &t, today()).is_empty());

        let mut heavy = healthy.clone();
        heavy.entries.push(entry(99, day(6, 28), 30 * 60));
        let mut home = a_match(2, CaseLevel::Complex);
        home.at_home = true;
        heavy.matches.push(home);
        heavy.matches.push(a_match(3, CaseLevel::Acute));
        let fired = rules(&evaluate(&heavy, &branch, &t, today()));
        for rule in [
            RuleId::HoursOverAgreement,
            RuleId::FrontlineLoad,
            RuleId::ComplexWithoutProfessional,
            RuleId::AcuteCase,
            RuleId::WeightedCaseload,
        ] {
            assert!(fired.iter().any(|(r, _)| *r == rule), "{rule:?} should fire: {fired:?}");
        }
    }

    #[test]
    fn adding_hours_never_lowers_the_hours_signal() {
        let t = norms();
        let severity = |minutes: u32| {
            let mut h = history(4);
            h.entries.push(entry(1, day(6, 20), minutes));
            evaluate(&h, &BranchFigures::default(), &t, today())
                .into_iter()
                .find(|s| s.rule == RuleId::HoursOverAgreement)
                .map(|s| s.severity)
        };
        let mut previous = None;
        for minutes in (0..3000).step_by(7) {
            let now = severity(minutes);
            assert!(now >= previous, "{minutes} minutes gave {now:?} after {previous:?}");
            previous = now;
        }
    }
}
