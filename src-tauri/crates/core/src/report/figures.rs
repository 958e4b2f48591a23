//! The figures of one report: what DOMAIN.md's "Reports for funders" lists, computed purely from
//! the facts the store aggregates for a period and scope. Sums over millions of hour entries are
//! done in SQL (the facts arrive as minutes per programme, month and activity level); what needs
//! judgement — who counts as reached, medians, shares, the value of the hours — is done here.
//!
//! ```
//! use draagkracht_core::report::figures::median;
//! assert_eq!(median(&mut [3.0, 1.0, 10.0]), Some(3.0));
//! assert_eq!(median(&mut [1.0, 2.0]), Some(1.5));
//! assert_eq!(median(&mut []), None);
//! ```

use crate::goals::{GoalResult, ZrmChange};
use crate::{ActivityLevel, CaseLevel, DateRange, ParticipantId, ProfessionalKind, VolunteerId};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};

/// Work or training minutes of one programme in one month, for one activity level (`None`: the
/// entry names no activity).
#[derive(Debug, Clone, PartialEq)]
pub struct MinutesFact {
    /// Index into [`ReportFacts::programmes`].
    pub programme: usize,
    /// The month's first day.
    pub month: NaiveDate,
    pub training: bool,
    pub level: Option<ActivityLevel>,
    pub minutes: u64,
}

/// A match that ran during the period (started on or before its last day, not ended before its
/// first), with its level as of the period's end (or its own end, when earlier).
#[derive(Debug, Clone, PartialEq)]
pub struct MatchFact {
    pub participant: ParticipantId,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub level: CaseLevel,
}

/// A signal opened or closed during the period.
#[derive(Debug, Clone, PartialEq)]
pub struct SignalFact {
    /// The rule's name (`RuleId::as_str`).
    pub rule: String,
    pub opened_on: NaiveDate,
    /// Set when the signal was resolved (by the coordinator, not cleared by itself).
    pub resolved_on: Option<NaiveDate>,
    /// What the coordinator did about it.
    pub resolution: Option<crate::signals::lifecycle::Resolution>,
}

/// One earlier (or the current) calendar year, for the trend.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct YearFacts {
    pub year: i32,
    /// Volunteers with any entry that year (as the period's active volunteers are counted).
    pub volunteers: u32,
    pub work_minutes: u64,
    /// Matches that ran that year, and how many of them were complex or acute at its end.
    pub matches: u32,
    pub complex: u32,
    pub acute: u32,
    /// Work minutes by the level of the activity named.
    pub volunteer_level_minutes: u64,
    pub grey_minutes: u64,
    pub professional_minutes: u64,
}

/// Everything a report is computed from. The store fills it for a period and scope.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportFacts {
    pub range: DateRange,
    /// The programmes in scope, by name, in the branch's order.
    pub programmes: Vec<String>,
    pub minutes: Vec<MinutesFact>,
    /// Volunteers with any entry in the period.
    pub active_volunteers: u32,
    /// Volunteers who started in the period.
    pub new_volunteers: u32,
    /// Volunteers now stopped whose last entry lies in the period.
    pub stopped_volunteers: u32,
    pub matches: Vec<MatchFact>,
    /// The kind of each referral dated in the period.
    pub referrals: Vec<ProfessionalKind>,
    pub signals: Vec<SignalFact>,
    /// The trend, oldest first, ending with the period's last year.
    pub years: Vec<YearFacts>,
    /// What an hour is worth, in cents, and where that rate comes from.
    pub hour_rate_cents: u32,
    pub hour_rate_source: String,
    /// Work minutes per volunteer, by name, for internal reports only (empty for a funder).
    pub volunteer_minutes: Vec<(String, u64)>,
    /// For a report about one municipality's residents: the work minutes of the volunteers who
    /// served them that belong to no match, shown apart (`None` for any other report).
    pub unlinked_minutes: Option<u64>,
    /// Who did work in which programme in the period: (index into `programmes`, volunteer).
    pub programme_volunteers: Vec<(usize, VolunteerId)>,
    /// The anonymised stories chosen for reports of this period: (title, text).
    pub stories: Vec<(String, String)>,
    /// The result of each goal of the matches that ended in the period, with the case's level
    /// at the end.
    pub goal_results: Vec<(CaseLevel, GoalResult)>,
    /// Of the matches that ended in the period with a ZRM scored at the start and at the end:
    /// how each changed.
    pub zrm_changes: Vec<ZrmChange>,
}

/// Minutes of work by the level of the activity named.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LevelMinutes {
    pub volunteer: u64,
    pub grey: u64,
    pub professional: u64,
    /// Entries that name no activity.
    pub unspecified: u64,
}

impl LevelMinutes {
    pub fn total(&self) -> u64 {
        self.volunteer + self.grey + self.professional + self.unspecified
    }
}

/// The figures of a report, before any suppression or rounding.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportFigures {
    pub range: DateRange,
    pub programmes: Vec<String>,
    /// The months the period touches, their first days, oldest first.
    pub months: Vec<NaiveDate>,
    /// Work minutes per month (outer, as `months`) and programme (inner, as `programmes`).
    pub work_minutes_by_month: Vec<Vec<u64>>,
    pub work_minutes: u64,
    pub training_minutes: u64,
    pub active_volunteers: u32,
    pub new_volunteers: u32,
    pub stopped_volunteers: u32,
    /// Distinct participants with a match that ran in the period.
    pub participants: u32,
    pub new_matches: u32,
    pub ended_matches: u32,
    /// The median length in days of the matches that ended in the period.
    pub median_match_days: Option<f64>,
    /// Matches that ran in the period, by level at its end.
    pub normal_matches: u32,
    pub complex_matches: u32,
    pub acute_matches: u32,
    pub level_minutes: LevelMinutes,
    /// Referrals in the period, per kind (every kind, zeros included, in `ProfessionalKind::ALL` order).
    pub referrals: Vec<(ProfessionalKind, u32)>,
    pub signals_raised: u32,
    pub signals_resolved: u32,
    /// The signals raised in the period per rule, in `RuleId::ALL` order, zeros included.
    pub signals_by_rule: Vec<(crate::RuleId, u32)>,
    /// The signals resolved in the period by what was done, in `Resolution::ALL` order, zeros included.
    pub resolved_by: Vec<(crate::signals::lifecycle::Resolution, u32)>,
    /// The median days from opening to resolution of the signals resolved in the period.
    pub median_days_to_resolve: Option<f64>,
    pub years: Vec<YearFacts>,
    pub hour_rate_cents: u32,
    pub hour_rate_source: String,
    pub volunteer_minutes: Vec<(String, u64)>,
    /// For a report about one municipality's residents: the work minutes of the volunteers who
    /// served them that belong to no match, shown apart (`None` for any other report).
    pub unlinked_minutes: Option<u64>,
    /// The programmes whose hours a funder may not see apart (see [`FewVolunteers`]).
    pub few_volunteers: FewVolunteers,
    pub stories: Vec<(String, String)>,
    /// Goal results by level: `[level][result]`, levels normal, complex, acute; results as
    /// [`GoalResult::ALL`].
    pub goal_results: [[u32; 3]; 3],
    pub zrm_changes: Vec<ZrmChange>,
}

/// Hours of fewer than five volunteers could point at a person, so a funder does not see them
/// apart (DOMAIN.md, privacy): a programme in which 1 to 4 volunteers worked shows "<5
/// vrijwilligers" instead of its hours. The total would give those hours away, so programmes with
/// the fewest volunteers are hidden beside them ("×") until the hidden ones together hold at least
/// five; when even the whole report has fewer than five, all its hours are hidden.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FewVolunteers {
    /// Programmes (indexes) with 1 to 4 volunteers.
    pub few: Vec<usize>,
    /// Programmes hidden beside them, so the total does not give them away.
    pub beside: Vec<usize>,
    /// Fewer than five volunteers in the whole report: no hours at all.
    pub all: bool,
}

impl FewVolunteers {
    fn of(programmes: usize, worked: &[(usize, VolunteerId)]) -> Self {
        let people = |which: &[usize]| {
            worked.iter().filter(|(p, _)| which.contains(p)).map(|(_, v)| *v).collect::<HashSet<_>>().len()
        };
        let few: Vec<usize> = (0..programmes).filter(|p| (1..=4).contains(&people(&[*p]))).collect();
        if few.is_empty() {
            return Self::default();
        }
        let everyone = people(&(0..programmes).collect::<Vec<_>>());
        if everyone < 5 {
            return Self { few, beside: Vec::new(), all: true };
        }
        // The programmes with work, fewest volunteers first, join until the hidden hold five.
        let mut others: Vec<usize> = (0..programmes).filter(|p| !few.contains(p) && people(&[*p]) > 0).collect();
        others.sort_by_key(|p| (people(&[*p]), *p));
        let mut hidden = few.clone();
        let mut beside = Vec::new();
        for p in others {
            if people(&hidden) >= 5 {
                break;
            }
            hidden.push(p);
            beside.push(p);
        }
        Self { few, beside, all: false }
    }

    /// The same from how many volunteers worked in each programme, when who they were is not known
    /// (the national picture). Volunteers in several programmes cannot be told apart, so the hidden
    /// programmes together count as their largest one: more is hidden beside, never less.
    pub fn of_counts(counts: &[u32]) -> Self {
        let few: Vec<usize> = (0..counts.len()).filter(|p| (1..=4).contains(&counts[*p])).collect();
        if few.is_empty() {
            return Self::default();
        }
        let largest = |which: &[usize]| which.iter().map(|p| counts[*p]).max().unwrap_or(0);
        if largest(&(0..counts.len()).collect::<Vec<_>>()) < 5 {
            return Self { few, beside: Vec::new(), all: true };
        }
        let mut others: Vec<usize> = (0..counts.len()).filter(|p| !few.contains(p) && counts[*p] > 0).collect();
        others.sort_by_key(|p| (counts[*p], *p));
        let mut hidden = few.clone();
        let mut beside = Vec::new();
        for p in others {
            if largest(&hidden) >= 5 {
                break;
            }
            hidden.push(p);
            beside.push(p);
        }
        Self { few, beside, all: false }
    }

    pub fn hides(&self, programme: usize) -> bool {
        self.all || self.few.contains(&programme) || self.beside.contains(&programme)
    }
}

impl ReportFigures {
    pub fn matches(&self) -> u32 {
        self.normal_matches + self.complex_matches + self.acute_matches
    }
}

/// The median of `values` (sorted in place); `None` when there are none.
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 { values[mid] } else { (values[mid - 1] + values[mid]) / 2.0 })
}

/// The first days of the months `range` touches.
pub fn months_of(range: DateRange) -> Vec<NaiveDate> {
    let mut months = Vec::new();
    let mut month = DateRange::month_of(range.first).first;
    while month <= range.last {
        months.push(month);
        match month.checked_add_months(chrono::Months::new(1)) {
            Some(next) => month = next,
            None => break,
        }
    }
    months
}

impl ReportFacts {
    pub fn figures(self) -> ReportFigures {
        let range = self.range;
        let months = months_of(range);
        let month_index: BTreeMap<NaiveDate, usize> = months.iter().enumerate().map(|(i, m)| (*m, i)).collect();
        let mut by_month = vec![vec![0u64; self.programmes.len()]; months.len()];
        let (mut work, mut training) = (0, 0);
        let mut levels = LevelMinutes::default();
        for m in &self.minutes {
            if m.training {
                training += m.minutes;
                continue;
            }
            work += m.minutes;
            if let Some(slot) = month_index.get(&m.month).and_then(|&i| by_month[i].get_mut(m.programme)) {
                *slot += m.minutes;
            }
            match m.level {
                Some(ActivityLevel::Volunteer) => levels.volunteer += m.minutes,
                Some(ActivityLevel::Grey) => levels.grey += m.minutes,
                Some(ActivityLevel::Professional) => levels.professional += m.minutes,
                None => levels.unspecified += m.minutes,
            }
        }

        let participants: HashSet<ParticipantId> = self.matches.iter().map(|m| m.participant).collect();
        let ended: Vec<&MatchFact> = self.matches.iter().filter(|m| m.end.is_some_and(|e| range.contains(e))).collect();
        let mut lengths: Vec<f64> =
            ended.iter().filter_map(|m| m.end.map(|e| (e - m.start).num_days() as f64)).collect();
        let level_count = |l: CaseLevel| self.matches.iter().filter(|m| m.level == l).count() as u32;

        let referrals = ProfessionalKind::ALL
            .into_iter()
            .map(|k| (k, self.referrals.iter().filter(|r| **r == k).count() as u32))
            .collect();
        let resolved: Vec<&SignalFact> =
            self.signals.iter().filter(|s| s.resolved_on.is_some_and(|d| range.contains(d))).collect();
        let mut resolve_days: Vec<f64> =
            resolved.iter().filter_map(|s| s.resolved_on.map(|d| (d - s.opened_on).num_days().max(0) as f64)).collect();

        let few_volunteers = FewVolunteers::of(self.programmes.len(), &self.programme_volunteers);
        ReportFigures {
            range,
            months,
            work_minutes_by_month: by_month,
            work_minutes: work,
            training_minutes: training,
            active_volunteers: self.active_volunteers,
            new_volunteers: self.new_volunteers,
            stopped_volunteers: self.stopped_volunteers,
            participants: participants.len() as u32,
            new_matches: self.matches.iter().filter(|m| range.contains(m.start)).count() as u32,
            ended_matches: ended.len() as u32,
            median_match_days: median(&mut lengths),
            normal_matches: level_count(CaseLevel::Normal),
            complex_matches: level_count(CaseLevel::Complex),
            acute_matches: level_count(CaseLevel::Acute),
            level_minutes: levels,
            referrals,
            signals_raised: self.signals.iter().filter(|s| range.contains(s.opened_on)).count() as u32,
            signals_by_rule: crate::RuleId::ALL
                .into_iter()
                .map(|r| {
                    let raised = self.signals.iter().filter(|s| s.rule == r.as_str() && range.contains(s.opened_on));
                    (r, raised.count() as u32)
                })
                .collect(),
            signals_resolved: resolved.len() as u32,
            resolved_by: crate::signals::lifecycle::Resolution::ALL
                .into_iter()
                .map(|r| (r, resolved.iter().filter(|s| s.resolution == Some(r)).count() as u32))
                .collect(),
            median_days_to_resolve: median(&mut resolve_days),
            years: self.years,
            hour_rate_cents: self.hour_rate_cents,
            hour_rate_source: self.hour_rate_source,
            volunteer_minutes: self.volunteer_minutes,
            programmes: self.programmes,
            unlinked_minutes: self.unlinked_minutes,
            few_volunteers,
            stories: self.stories,
            goal_results: {
                let mut table = [[0u32; 3]; 3];
                for (level, result) in &self.goal_results {
                    let row = [CaseLevel::Normal, CaseLevel::Complex, CaseLevel::Acute].iter().position(|l| l == level);
                    let col = GoalResult::ALL.iter().position(|r| r == result);
                    if let (Some(row), Some(col)) = (row, col) {
                        table[row][col] += 1;
                    }
                }
                table
            },
            zrm_changes: self.zrm_changes,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn hours_of_fewer_than_five_volunteers_hide_with_enough_beside_them() {
        let v = |n: u128| VolunteerId(uuid::Uuid::from_u128(n));
        let worked = |pairs: &[(usize, u128)]| pairs.iter().map(|(p, n)| (*p, v(*n))).collect::<Vec<_>>();
        // Five or more everywhere: nothing hidden.
        let many = worked(&[(0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (1, 6), (1, 7), (1, 8), (1, 9), (1, 10)]);
        assert_eq!(FewVolunteers::of(2, &many), FewVolunteers::default());
        // Programme 2 has one volunteer: hidden, and the smaller of the others beside it.
        let mut one = many.clone();
        one.extend(worked(&[(2, 11), (1, 12)]));
        let few = FewVolunteers::of(3, &one);
        assert_eq!((few.few.clone(), few.beside.clone(), few.all), (vec![2], vec![0], false));
        assert!(few.hides(0) && !few.hides(1) && few.hides(2));
        // Two small programmes that hold five people together need nothing beside them.
        let two = worked(&[(0, 1), (0, 2), (0, 3), (1, 4), (1, 5), (2, 6), (2, 7), (2, 8), (2, 9), (2, 10)]);
        assert_eq!(FewVolunteers::of(3, &two), FewVolunteers { few: vec![0, 1], beside: vec![], all: false });
        // A volunteer in both counts once: 3 + 1 people, not 5.
        let shared = worked(&[(0, 1), (0, 2), (0, 3), (1, 3), (1, 4), (2, 5), (2, 6), (2, 7), (2, 8), (2, 9)]);
        assert_eq!(FewVolunteers::of(3, &shared).beside, vec![2]);
        // Four volunteers in the whole report: no hours at all.
        assert!(FewVolunteers::of(2, &worked(&[(0, 1), (0, 2), (1, 3), (1, 4)])).all);
        // A programme nobody worked in hides nothing.
        assert_eq!(FewVolunteers::of(3, &many), FewVolunteers::default());
    }
    #[test]
    fn from_counts_alone_more_is_hidden_never_less() {
        assert_eq!(FewVolunteers::of_counts(&[10, 7]), FewVolunteers::default());
        // 3 and 4 might be the same people: the 6 beside joins, though 3 + 4 would be 7.
        assert_eq!(
            FewVolunteers::of_counts(&[3, 4, 6, 20]),
            FewVolunteers { few: vec![0, 1], beside: vec![2], all: false }
        );
        assert!(FewVolunteers::of_counts(&[4, 4, 0]).all);
    }
    use uuid::Uuid;

    pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// A small first quarter, worked out by hand below.
    pub(crate) fn quarter() -> ReportFacts {
        let p = |n: u128| ParticipantId(Uuid::from_u128(n));
        let minutes = |programme, month, training, level, minutes| MinutesFact {
            programme,
            month: d(2025, month, 1),
            training,
            level,
            minutes,
        };
        ReportFacts {
            range: DateRange { first: d(2025, 1, 1), last: d(2025, 3, 31) },
            programmes: vec!["Thuisadministratie".into(), "Maatje".into()],
            minutes: vec![
                minutes(0, 1, false, Some(ActivityLevel::Volunteer), 600),
                minutes(0, 1, false, Some(ActivityLevel::Professional), 60),
                minutes(1, 2, false, None, 300),
                minutes(1, 3, false, Some(ActivityLevel::Grey), 120),
                minutes(0, 3, true, None, 240),
            ],
            active_volunteers: 12,
            new_volunteers: 3,
            stopped_volunteers: 0,
            matches: vec![
                MatchFact { participant: p(1), start: d(2024, 6, 1), end: None, level: CaseLevel::Complex },
                // Two matches of one participant: reached once.
                MatchFact {
                    participant: p(2),
                    start: d(2025, 1, 10),
                    end: Some(d(2025, 2, 9)),
                    level: CaseLevel::Normal,
                },
                MatchFact {
                    participant: p(2),
                    start: d(2024, 3, 1),
                    end: Some(d(2025, 3, 1)),
                    level: CaseLevel::Acute,
                },
                MatchFact { participant: p(3), start: d(2025, 2, 1), end: None, level: CaseLevel::Normal },
            ],
            referrals: vec![ProfessionalKind::DebtHelp, ProfessionalKind::DebtHelp, ProfessionalKind::Gp],
            signals: vec![
                SignalFact {
                    rule: "acute_case".into(),
                    opened_on: d(2025, 1, 5),
                    resolved_on: Some(d(2025, 1, 15)),
                    resolution: Some(crate::signals::lifecycle::Resolution::SecondVolunteer),
                },
                SignalFact {
                    rule: "gone_quiet".into(),
                    opened_on: d(2024, 12, 20),
                    resolved_on: Some(d(2025, 1, 19)),
                    resolution: None,
                },
                SignalFact { rule: "acute_case".into(), opened_on: d(2025, 3, 1), resolved_on: None, resolution: None },
            ],
            years: vec![],
            hour_rate_cents: 1406,
            hour_rate_source: "minimumloon".into(),
            volunteer_minutes: vec![],
            unlinked_minutes: None,
            programme_volunteers: vec![],
            stories: vec![],
            goal_results: vec![],
            zrm_changes: vec![],
        }
    }

    #[test]
    fn a_quarter_adds_up_as_worked_out_by_hand() {
        let f = quarter().figures();
        assert_eq!(f.months, vec![d(2025, 1, 1), d(2025, 2, 1), d(2025, 3, 1)]);
        assert_eq!(f.work_minutes_by_month, vec![vec![660, 0], vec![0, 300], vec![0, 120]]);
        assert_eq!((f.work_minutes, f.training_minutes), (1080, 240), "training is counted apart");
        assert_eq!(f.level_minutes, LevelMinutes { volunteer: 600, grey: 120, professional: 60, unspecified: 300 });
        assert_eq!(f.participants, 3, "a participant with two matches is reached once");
        assert_eq!((f.new_matches, f.ended_matches), (2, 2));
        // Ended: 30 days (10 Jan – 9 Feb) and 365 days (1 Mar 2024 – 1 Mar 2025): median 197.5.
        assert_eq!(f.median_match_days, Some(197.5));
        assert_eq!((f.normal_matches, f.complex_matches, f.acute_matches), (2, 1, 1));
        assert_eq!(f.referrals[1], (ProfessionalKind::DebtHelp, 2));
        assert_eq!(f.referrals.iter().map(|(_, n)| n).sum::<u32>(), 3);
        assert_eq!((f.signals_raised, f.signals_resolved), (2, 2), "raised in the period; resolved in it");
        let by_rule: Vec<_> = f.signals_by_rule.iter().filter(|(_, n)| *n > 0).collect();
        assert_eq!(by_rule, [&(crate::RuleId::AcuteCase, 2)], "the one from December is not of the quarter");
        // Resolved after 10 and 30 days.
        assert_eq!(f.median_days_to_resolve, Some(20.0));
        // How: one with a second volunteer, one without a recorded choice.
        use crate::signals::lifecycle::Resolution;
        let how: Vec<_> = f.resolved_by.iter().filter(|(_, n)| *n > 0).collect();
        assert_eq!(how, [&(Resolution::SecondVolunteer, 1)]);
        let internal = crate::report::build(
            &f,
            crate::report::Audience::Internal,
            crate::report::Language::Nl,
            &crate::report::Cover { branch: "B".into(), scope: None, made_on: d(2025, 4, 2) },
        );
        let signals =
            internal.sections.iter().flat_map(|s| &s.tables).find(|t| t.key == "Signalen").expect("the signals table");
        assert!(signals
            .rows
            .iter()
            .any(|r| r[0] == crate::report::Cell::Text("  waarvan tweede vrijwilliger erbij".into())
                && r[1] == crate::report::Cell::Count(1)));
        // 18 hours × € 14,06 (the report values the hours as it shows them).
        let cover = crate::report::Cover { branch: "B".into(), scope: None, made_on: d(2025, 4, 2) };
        let doc = crate::report::build(&f, crate::report::Audience::Internal, crate::report::Language::Nl, &cover);
        assert_eq!(doc.key_figures[4].value, crate::report::Cell::Euros(25_308));
    }

    #[test]
    fn months_of_a_custom_range_include_its_partial_months() {
        let r = DateRange { first: d(2024, 11, 15), last: d(2025, 1, 2) };
        assert_eq!(months_of(r), vec![d(2024, 11, 1), d(2024, 12, 1), d(2025, 1, 1)]);
    }
}
