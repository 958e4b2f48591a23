//! Wire types for the AVG tools: a person's data exported (subject access) or erased, retention of
//! ended matches, and the audit log.

use chrono::NaiveDate;
use draagkracht_core::{ParticipantId, ProgrammeId, VolunteerId};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One person whose data is asked for or erased.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum PersonRef {
    Volunteer(VolunteerId),
    Participant(ParticipantId),
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportPersonInput {
    pub person: PersonRef,
    /// The JSON file to write (chosen in the native dialog); a readable HTML copy goes beside it
    /// with the same name and `.html`.
    pub path: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportedPerson {
    pub json_path: String,
    pub html_path: String,
    /// How many records the export holds.
    pub records: u32,
}

/// What erasure removed, and what stays as anonymous counts.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ErasureReport {
    pub removed: u32,
    pub kept: Vec<String>,
    pub kept_en: Vec<String>,
}

/// A participant whose matches all ended longer ago than their programme keeps personal data.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RetentionRow {
    pub participant_id: ParticipantId,
    pub label: String,
    pub programme: String,
    /// The end of their last match.
    pub ended_on: NaiveDate,
    /// When the retention period ran out.
    pub due_on: NaiveDate,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProgrammeRetention {
    pub programme_id: ProgrammeId,
    pub name: String,
    /// Years after a match ended that the participant's personal data is kept.
    pub years: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrivacySettings {
    /// The coordinator working on this laptop: the audit log's "who".
    pub coordinator_name: String,
    pub retention: Vec<ProgrammeRetention>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RetentionInput {
    pub programme_id: ProgrammeId,
    /// Whole years, as typed.
    pub years: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Added,
    Changed,
    Removed,
}

/// One line of the audit log: who changed what, when. It holds no personal data itself.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditRow {
    /// Local date and time, `2026-11-28T16:15:00`.
    pub at: String,
    pub actor: String,
    pub action: AuditAction,
    /// The kind of record, in Dutch ("vrijwilliger", "uren", "koppeling" …).
    pub entity: String,
    pub entity_en: String,
    pub entity_id: String,
}
