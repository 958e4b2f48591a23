//! Wire types of who pays and for whom — the branch's municipalities and its subsidies — and the
//! anonymised stories its funder reports may carry.

use chrono::NaiveDate;
use draagkracht_core::stories::Finding;
use draagkracht_core::{MunicipalityId, ProgrammeId, StoryId, SubsidyId};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A municipality the branch serves.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Municipality {
    pub id: MunicipalityId,
    pub name: String,
    /// Participants who live there.
    pub participants: u32,
    /// Subsidies for it.
    pub subsidies: u32,
}

/// A subsidy the branch reports on.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Subsidy {
    pub id: SubsidyId,
    pub name: String,
    pub funder: String,
    /// None: not for one municipality (a foundation's, say).
    pub municipality_id: Option<MunicipalityId>,
    pub municipality_name: Option<String>,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub programme_ids: Vec<ProgrammeId>,
    pub amount_cents: u64,
}

/// A subsidy as typed: dates and the amount as text, checked in `core::funding`.
#[derive(Debug, Clone, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase")]
pub struct SubsidyInput {
    pub name: String,
    pub funder: String,
    pub municipality_id: Option<MunicipalityId>,
    pub from: String,
    pub to: String,
    pub programme_ids: Vec<ProgrammeId>,
    pub amount: String,
}

/// An anonymised story, with what in it still points at a person.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Story {
    pub id: StoryId,
    pub title: String,
    pub text: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// Chosen for reports of a period it overlaps (only possible without findings).
    pub in_report: bool,
    /// Names, e-mail addresses, phone numbers, addresses and dates of birth found in the text.
    pub findings: Vec<Finding>,
}

/// A story as typed.
#[derive(Debug, Clone, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase")]
pub struct StoryInput {
    pub title: String,
    pub text: String,
    pub from: String,
    pub to: String,
}
