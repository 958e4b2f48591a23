//! The wire types: what crosses between the window and the api, exported to TypeScript with ts-rs
//! (`ui/src/api/bindings.ts`, committed; `bindings_are_current` fails when it is stale).
//!
//! Input types carry plain strings as typed; the api parses them with the core crate's validators.
//! Output types carry ISO dates (`2025-12-31`) and minutes as whole numbers; the UI formats them.

use chrono::NaiveDate;
mod cases;
mod funding;
mod import;
mod load;
mod national;
mod privacy;
mod report;
mod safety;
mod sharing;
mod signals;
mod support;
pub use cases::*;
pub use draagkracht_core::goals::GoalResult;
pub use draagkracht_core::signals::{Evidence, Figure, ThresholdKey};
pub use draagkracht_core::{
    ActionGroup, ActivityId, ActivityLevel, AssessmentId, CaseLevel, CrisisMarker, Field, GoalId, HourEntryId,
    HourKind, InvolvementId, LifeDomain, MatchId, MatchStatus, MunicipalityId, OrganisationId, ParticipantId,
    ProfessionalKind, ProgrammeId, ReferralId, RefusalCode, Resolution, RuleId, Severity, SignalId, SignalStatus,
    StoryId, SubsidyId, VolunteerId, VolunteerStatus,
};
pub use funding::*;
pub use import::*;
pub use load::*;
pub use national::*;
pub use privacy::*;
pub use report::*;
pub use safety::*;
use serde::{Deserialize, Serialize};
pub use sharing::*;
pub use signals::*;
pub use support::*;
use ts_rs::TS;

/// The UI language. Dutch first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    Nl,
    En,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Nl => "nl",
            Self::En => "en",
        }
    }
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "nl" => Some(Self::Nl),
            "en" => Some(Self::En),
            _ => None,
        }
    }
}

/// What the first start offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SetupChoice {
    /// Explore a fictional demo branch.
    Demo,
    /// Start with an empty database.
    Empty,
}

/// Where the app stands when the window opens.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    /// False until the coordinator chose "demo" or "empty" on first start.
    pub set_up: bool,
    /// True when the database holds the fictional demo branch.
    pub demo: bool,
    pub language: Language,
    pub database_path: String,
    pub today: NaiveDate,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Programme {
    pub id: ProgrammeId,
    pub name: String,
    pub description: Option<String>,
    pub max_months: Option<u32>,
    pub active: bool,
    /// The training volunteers in this programme must have done (see `set_required_training`).
    pub required_training: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProgrammeInput {
    pub name: String,
    pub description: String,
    /// Months as typed (`12`); empty means open-ended.
    pub max_months: String,
    pub active: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VolunteerInput {
    pub name: String,
    pub email: String,
    pub phone: String,
    /// One of the `VolunteerStatus` values.
    pub status: String,
    /// `2025-12-31` or `31-12-2025`.
    pub start_date: String,
    /// Hours as typed: `4`, `2,5`; empty means none agreed.
    pub agreed_hours_per_week: String,
    pub programme_ids: Vec<ProgrammeId>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Volunteer {
    pub id: VolunteerId,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub status: VolunteerStatus,
    pub start_date: NaiveDate,
    pub agreed_minutes_per_week: u32,
    pub programme_ids: Vec<ProgrammeId>,
    /// The day their status became "gestopt".
    pub stopped_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VolunteerFilter {
    /// Matched against name, e-mail and phone, case-insensitively.
    pub search: String,
    pub status: Option<VolunteerStatus>,
}

/// One line of the volunteers list.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VolunteerRow {
    pub id: VolunteerId,
    pub name: String,
    pub status: VolunteerStatus,
    pub programme_names: Vec<String>,
    pub minutes_last_four_weeks: u32,
    pub last_entry_date: Option<NaiveDate>,
}

/// Minutes in the windows the volunteer page shows. Training is counted apart and not included
/// in the other figures.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HourTotals {
    pub last_four_weeks: u32,
    pub this_month: u32,
    pub this_year: u32,
    pub training_this_year: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HourEntry {
    pub id: HourEntryId,
    pub volunteer_id: VolunteerId,
    pub volunteer_name: String,
    pub date: NaiveDate,
    pub minutes: u32,
    pub programme_id: ProgrammeId,
    pub programme_name: String,
    pub kind: HourKind,
    pub note: Option<String>,
    pub match_id: Option<MatchId>,
    pub activity_id: Option<ActivityId>,
    pub activity_name: Option<String>,
    /// When `professional`, this was not a volunteer task: the window says so and offers a referral.
    pub activity_level: Option<ActivityLevel>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VolunteerDetail {
    pub volunteer: Volunteer,
    pub programme_names: Vec<String>,
    pub totals: HourTotals,
    /// The 20 most recent entries, newest first.
    pub recent_entries: Vec<HourEntry>,
    /// Statuses the edit form may offer (the current one first).
    pub allowed_statuses: Vec<VolunteerStatus>,
    /// Their matches, active first, then the most recently started.
    pub matches: Vec<Match>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HourEntryInput {
    pub volunteer_id: Option<VolunteerId>,
    /// `2025-12-31` or `31-12-2025`.
    pub date: String,
    /// As typed: `1,5`, `1:30`, `90m`.
    pub duration: String,
    pub programme_id: Option<ProgrammeId>,
    /// One of the `HourKind` values.
    pub kind: String,
    pub note: String,
    /// The match the hours were for, if any (one of the volunteer's matches).
    pub match_id: Option<MatchId>,
    /// The activity from the programme's catalogue, if any.
    pub activity_id: Option<ActivityId>,
    /// Set after the coordinator confirmed that an identical entry on that day is meant.
    pub confirm_duplicate: bool,
    /// Set after the coordinator confirmed that a day of more hours than is plausible is meant.
    #[serde(default)]
    #[ts(optional)]
    pub confirm_long_day: Option<bool>,
}

/// A volunteer to pick when entering hours: the most recently used first.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VolunteerChoice {
    pub id: VolunteerId,
    pub name: String,
    pub status: VolunteerStatus,
    /// The programme to preselect: the active one of their latest entry, else their first active one.
    pub default_programme_id: Option<ProgrammeId>,
}

/// Volunteers × days of one Monday-to-Sunday week.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WeekGrid {
    pub week_start: NaiveDate,
    pub week_number: u32,
    /// Monday to Sunday.
    pub days: Vec<NaiveDate>,
    /// Volunteers who can log hours, the most recently used first.
    pub rows: Vec<WeekRow>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WeekRow {
    pub volunteer_id: VolunteerId,
    pub name: String,
    pub default_programme_id: Option<ProgrammeId>,
    /// Minutes already logged per day, Monday first (training included).
    pub minutes: Vec<u32>,
}

/// A week-grid cell as typed: the day's new total for one volunteer (`1,5`, `1:30`; empty or `0`
/// for none). The grid replaces what the cell shows, like a spreadsheet; the store keeps entries.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DayHoursInput {
    pub volunteer_id: VolunteerId,
    pub date: NaiveDate,
    pub total: String,
    /// For the entry that makes up a higher total; `null` is the volunteer's default programme.
    pub programme_id: Option<ProgrammeId>,
    /// One of the `HourKind` values, for that entry.
    pub kind: String,
    /// Set after the coordinator confirmed that a day of more hours than is plausible is meant.
    #[serde(default)]
    #[ts(optional)]
    pub confirm_long_day: Option<bool>,
}

/// What a typed day total did.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "camelCase")]
pub enum DayHoursChange {
    /// The day already held that total: nothing was written.
    Unchanged,
    /// The total was higher: the difference was saved as one new entry.
    Added { entry: HourEntry },
    /// The total was lower. Which entry is wrong is the coordinator's call, not a guess: nothing
    /// was written, and these are the day's entries to remove from.
    Lower { entries: Vec<HourEntry>, wanted: u32 },
}

/// This month's hours per programme.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MonthOverview {
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub rows: Vec<ProgrammeHours>,
    /// Minutes without training, all programmes.
    pub total_minutes: u32,
    pub total_training_minutes: u32,
    /// Volunteers with at least one entry this month.
    pub volunteers_with_hours: u32,
    /// Volunteers with the status active.
    pub active_volunteers: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProgrammeHours {
    pub programme_id: ProgrammeId,
    pub name: String,
    /// Minutes without training.
    pub minutes: u32,
    pub training_minutes: u32,
    pub volunteers: u32,
}
