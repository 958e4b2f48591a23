//! Wire types of load over time: a volunteer's weeks, and the branch's years.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LoadWeek {
    pub week_start: NaiveDate,
    pub week_number: u32,
    /// Work minutes (training apart).
    pub minutes: u32,
    /// The weight of the cases running that week (normal 1, complex 2, acute 3).
    pub caseload_weight: u32,
}

/// A volunteer's load over the last year, week by week, against their agreement.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VolunteerLoad {
    pub agreed_minutes_per_week: u32,
    /// Oldest first; the last is the current week.
    pub weeks: Vec<LoadWeek>,
}

/// One year of the branch: how much was done and how heavy it was.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BranchYear {
    pub year: i32,
    pub volunteers_with_hours: u32,
    /// Work minutes (training apart).
    pub minutes: u64,
    pub training_minutes: u64,
    /// Matches running at any time in the year.
    pub matches: u32,
    /// Of those, complex (by their level at the end of the year or of the match), in percent.
    pub complex_percent: f64,
    pub acute_percent: f64,
    /// Minutes logged with an activity of each level.
    pub volunteer_level_minutes: u64,
    pub grey_minutes: u64,
    pub professional_minutes: u64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BranchTrend {
    /// Oldest first.
    pub years: Vec<BranchYear>,
}
