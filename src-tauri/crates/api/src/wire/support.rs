//! Wire types of what keeps a volunteer supported: VOG, trainings, intervision, strain check-ins,
//! allowances, and the branch's settings for them.

use chrono::NaiveDate;
use draagkracht_core::support::{StrainBand, SupervisionKind};
use draagkracht_core::{ProgrammeId, VolunteerId};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrainingView {
    pub name: String,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequiredTraining {
    pub programme_id: ProgrammeId,
    pub programme_name: String,
    pub training: String,
    pub done: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SupervisionView {
    pub date: NaiveDate,
    pub kind: SupervisionKind,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckInView {
    pub date: NaiveDate,
    pub answers: Vec<bool>,
    pub yes: u32,
    pub band: StrainBand,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AllowanceView {
    /// The first day of the month.
    pub month: NaiveDate,
    pub cents: u32,
}

/// The check-in statements in both languages, in order.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    pub nl: String,
    pub en: String,
}

/// Everything the "Ondersteuning" section of the volunteer page shows.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VolunteerSupport {
    pub volunteer_id: VolunteerId,
    pub vog_date: Option<NaiveDate>,
    /// The day the VOG should be renewed by the branch's policy.
    pub vog_expires: Option<NaiveDate>,
    pub trainings: Vec<TrainingView>,
    pub required_trainings: Vec<RequiredTraining>,
    /// Newest first.
    pub supervision: Vec<SupervisionView>,
    /// Newest first.
    pub check_ins: Vec<CheckInView>,
    /// This year and last, newest first.
    pub allowances: Vec<AllowanceView>,
    pub statements: Vec<Statement>,
}

/// One change to a volunteer's support records.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum SupportInput {
    /// The VOG's date, as typed; empty removes it.
    Vog {
        date: String,
    },
    Training {
        name: String,
        date: String,
    },
    Supervision {
        date: String,
        kind: SupervisionKind,
        note: String,
    },
    /// One answer per statement, in order.
    CheckIn {
        date: String,
        answers: Vec<bool>,
        note: String,
    },
    /// A month (`03-2025`) and the amount in euros as typed (`105,50`).
    Allowance {
        month: String,
        amount: String,
    },
}

/// The branch's settings for credentials and allowances.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SupportSettings {
    pub vog_years: u32,
    /// DOMAIN.md's default renewal policy: 3 years.
    pub default_vog_years: u32,
    pub caps: draagkracht_core::support::AllowanceCaps,
    /// The 2025 caps, shown beside the setting as its default and source.
    pub default_caps: draagkracht_core::support::AllowanceCaps,
    pub caps_source: String,
    pub caps_source_en: String,
    /// Above this many hours in one day for one volunteer, saving asks "Klopt dat?" first.
    pub plausible_day_hours: u32,
    pub default_plausible_day_hours: u32,
}

/// As typed: years, and euro amounts such as `5,60`.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SupportSettingsInput {
    pub vog_years: String,
    pub per_hour_21_plus: String,
    pub per_hour_under_21: String,
    pub per_month: String,
    pub per_year: String,
    /// Whole hours, 4 to 24; left out, the setting stays as it is.
    #[serde(default)]
    #[ts(optional)]
    pub plausible_day_hours: Option<String>,
}
