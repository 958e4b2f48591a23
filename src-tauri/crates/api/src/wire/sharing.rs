//! Wire types for sharing a branch between laptops ("Samenwerken").

use crate::ApiError;
use serde::Serialize;
use ts_rs::TS;

/// Whether and where this laptop shares its branch, and with which laptops.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SharingStatus {
    pub sharing: bool,
    pub branch_id: Option<String>,
    /// This laptop's name within the branch.
    pub device_name: Option<String>,
    /// The shared folder (or, later, server) as chosen.
    pub place: Option<String>,
    /// Changes made here that the others have not received yet.
    pub changes_waiting: u64,
    pub devices: Vec<DeviceInfo>,
    /// Open "Twee versies".
    pub two_versions: u32,
    /// When this laptop last reached the shared place and synchronised (RFC 3339).
    pub last_synced_at: Option<String>,
    /// Why the last attempt failed (the folder unreachable, the server down), until one succeeds.
    pub last_failure: Option<ApiError>,
}

/// How far joining is, for the progress bar.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JoinProgress {
    pub step: u32,
    pub steps: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeviceInfo {
    pub id: String,
    pub name: String,
    pub this_laptop: bool,
    /// When its newest batch applied here was written (RFC 3339); for this laptop, when it last
    /// synchronised.
    pub last_seen: Option<String>,
    /// How many of its batches this laptop has (for this laptop: has written).
    pub batches: u64,
    /// Removed from the branch (lost, stolen, left): it can read nothing written since.
    pub removed: bool,
}

/// What one "Nu synchroniseren" did.
#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncReport {
    pub sent_batches: u32,
    pub sent_changes: u32,
    pub received_batches: u32,
    pub received_changes: u32,
    /// Fields whose value changed here.
    pub changed_here: u32,
    pub new_two_versions: u32,
    /// Batches received that wait for another laptop's earlier batch.
    pub waiting_batches: u32,
    /// Batches that could not be used, and clocks far off, each in plain words.
    pub problems: Vec<SyncProblem>,
    /// Changes made here still to be sent (0 after a sync that reached the shared place).
    pub changes_waiting: u64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncProblem {
    /// The laptop concerned (its name when known, else its id).
    pub device: String,
    pub batch: Option<u64>,
    pub message: String,
    pub message_en: String,
}

/// A one-time code for a laptop that joins.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JoinCodeMade {
    /// `ABCD-EFGH-JKMN-PQRS-TVWX`
    pub code: String,
    pub expires_at: String,
}

/// What joining brought.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JoinReport {
    pub branch_id: String,
    pub records: u64,
    pub sync: SyncReport,
}

/// Two versions of one field: the one the branch keeps and the one that lost.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TwoVersionsItem {
    pub id: i64,
    /// The table and record concerned (`volunteers`, its id).
    pub table: String,
    pub record: String,
    /// The record as a coordinator knows it: a volunteer's name, a participant's label, the
    /// volunteer and date of an hour entry; else its id.
    pub record_label: String,
    pub field: String,
    pub kept: String,
    pub kept_by: String,
    pub kept_at: String,
    pub other: String,
    pub other_by: String,
    pub other_at: String,
    pub noticed_at: String,
}
