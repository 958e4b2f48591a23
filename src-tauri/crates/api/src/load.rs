//! Load over time: a volunteer's weekly hours and caseload weight over the last year, and the
//! branch's years — how much was done and how heavy it became (the letter's "doubled in five years").

use crate::wire::{BranchTrend, BranchYear, LoadWeek, VolunteerLoad};
use crate::{ApiError, Draagkracht};
use chrono::{Datelike, Days, NaiveDate};
use draagkracht_core::complexity::{case_level, CaseLevel};
use draagkracht_core::period::{week_number, week_start, DateRange};
use draagkracht_core::{ActivityLevel, HourKind, MatchId, VolunteerId};
use draagkracht_store::assessments::{self, AssessmentRecord};
use draagkracht_store::hour_entries::{self, HourEntryRecord};
use draagkracht_store::{matches, volunteers};
use std::collections::HashMap;

/// Work minutes (training apart, nothing after `today`) in each of `weeks` Monday-to-Sunday weeks
/// from `first` on: (the week, minutes), oldest first. The one weekly sum behind every load chart.
pub(crate) fn minutes_per_week(
    entries: &[HourEntryRecord],
    first: NaiveDate,
    weeks: u64,
    today: NaiveDate,
) -> Vec<(DateRange, u32)> {
    (0..weeks)
        .map(|i| {
            let week = DateRange::week_of(first + Days::new(7 * i));
            let minutes = entries
                .iter()
                .filter(|e| e.kind != HourKind::Training && week.contains(e.date) && e.date <= today)
                .map(|e| e.minutes)
                .sum();
            (week, minutes)
        })
        .collect()
}

/// The level of a match as of `day`, from its assessments up to then (oldest first).
pub(crate) fn level_on(history: Option<&Vec<AssessmentRecord>>, day: NaiveDate) -> CaseLevel {
    let latest = history.and_then(|h| h.iter().filter(|a| a.date <= day).last());
    case_level(latest.map(|a| &a.assessment))
}

impl Draagkracht {
    /// The last 52 full weeks and the current one, oldest first.
    pub fn volunteer_load(&self, id: VolunteerId, today: NaiveDate) -> Result<VolunteerLoad, ApiError> {
        let conn = self.db.conn();
        let volunteer =
            volunteers::get(conn, id)?.ok_or_else(|| ApiError::not_found("Deze vrijwilliger", "This volunteer"))?;
        let first = week_start(today) - Days::new(7 * 52);
        let entries = hour_entries::for_volunteer_since(conn, id, first)?;
        let their_matches = matches::for_volunteer(conn, id)?;
        let mut history: HashMap<MatchId, Vec<AssessmentRecord>> = HashMap::new();
        for m in &their_matches {
            let mut h = assessments::for_match(conn, m.id)?;
            h.reverse();
            history.insert(m.id, h);
        }
        let weeks = minutes_per_week(&entries, first, 53, today)
            .into_iter()
            .map(|(week, minutes)| {
                let last = week.last.min(today);
                let caseload_weight = their_matches
                    .iter()
                    .filter(|m| m.start_date <= last && m.end_date.is_none_or(|end| end >= week.first))
                    .map(|m| level_on(history.get(&m.id), last).weight())
                    .sum();
                LoadWeek { week_start: week.first, week_number: week_number(week.first), minutes, caseload_weight }
            })
            .collect();
        Ok(VolunteerLoad { agreed_minutes_per_week: volunteer.agreed_minutes_per_week, weeks })
    }

    /// Every year with hours, oldest first.
    pub fn branch_trend(&self, today: NaiveDate) -> Result<BranchTrend, ApiError> {
        let conn = self.db.conn();
        let mut history: HashMap<MatchId, Vec<AssessmentRecord>> = HashMap::new();
        for a in assessments::all(conn)? {
            history.entry(a.match_id).or_default().push(a);
        }
        let all_matches = matches::all(conn)?;
        let levels = hour_entries::per_year_and_level(conn)?;
        let years = hour_entries::per_year(conn)?
            .into_iter()
            .filter(|(year, ..)| *year <= today.year())
            .map(|(year, minutes, training_minutes, volunteers_with_hours)| {
                let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today);
                let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today).min(today);
                let running: Vec<_> = all_matches
                    .iter()
                    .filter(|m| m.start_date <= last && m.end_date.is_none_or(|end| end >= first))
                    .collect();
                let level_count = |wanted: CaseLevel| {
                    running
                        .iter()
                        .filter(|m| level_on(history.get(&m.id), m.end_date.unwrap_or(last).min(last)) == wanted)
                        .count()
                };
                let percent = |n: usize| {
                    if running.is_empty() {
                        0.0
                    } else {
                        (n as f64 * 1000.0 / running.len() as f64).round() / 10.0
                    }
                };
                let level_minutes = |wanted: ActivityLevel| {
                    levels
                        .iter()
                        .filter(|(y, l, _)| *y == year && *l == wanted)
                        .map(|(.., m)| m.max(&0).unsigned_abs())
                        .sum()
                };
                BranchYear {
                    year,
                    volunteers_with_hours,
                    minutes: minutes.max(0).unsigned_abs(),
                    training_minutes: training_minutes.max(0).unsigned_abs(),
                    matches: running.len() as u32,
                    complex_percent: percent(level_count(CaseLevel::Complex)),
                    acute_percent: percent(level_count(CaseLevel::Acute)),
                    volunteer_level_minutes: level_minutes(ActivityLevel::Volunteer),
                    grey_minutes: level_minutes(ActivityLevel::Grey),
                    professional_minutes: level_minutes(ActivityLevel::Professional),
                }
            })
            .collect();
        Ok(BranchTrend { years })
    }
}
