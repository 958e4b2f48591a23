//! Wire types for data safety: opening, locking and unlocking the database, passphrases, backups.

use crate::ApiError;
pub use draagkracht_core::BackupKind;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where the database stands when the window opens (and after lock, unlock, restore).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AccessState {
    /// No database yet: first start (choose a passphrase, then demo or empty).
    New,
    /// An encrypted database waits for its passphrase.
    Locked,
    /// Open and usable.
    Open,
    /// The start-up check found damage; nothing was written. A backup is offered.
    Damaged,
    /// It cannot be opened at all (too new, unreadable); `problem` says why.
    Unavailable,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DatabaseAccess {
    pub state: AccessState,
    /// True when the database file is encrypted with a passphrase.
    pub encrypted: bool,
    pub database_path: String,
    /// What is wrong, when the state is `damaged` or `unavailable`.
    pub problem: Option<ApiError>,
    /// The newest backup that passed its check, offered when the database is damaged.
    pub latest_backup: Option<BackupInfo>,
    /// The day the recovery code was made (`2026-12-01`), when an encrypted database has one.
    pub recovery_code_made_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    /// The file name, which identifies the backup within the backup folder.
    pub file: String,
    pub path: String,
    /// Local date and time, `2026-11-28T16:15:00`.
    pub created_at: String,
    pub kind: BackupKind,
    #[ts(type = "number")]
    pub size_bytes: u64,
    pub encrypted: bool,
}

/// The first start's choice: a passphrase (typed twice), or explicitly none (for a demo).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewDatabaseInput {
    /// `None`: run without encryption, as chosen explicitly.
    pub passphrase: Option<String>,
    pub repeat: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChangePassphraseInput {
    pub current: String,
    pub passphrase: String,
    pub repeat: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreInput {
    /// A backup's file name, as listed.
    pub file: String,
    /// The passphrase that was in use when the backup was made, when it differs from today's.
    pub passphrase: Option<String>,
    /// Instead of that passphrase, when it is forgotten: the recovery code, with a new passphrase
    /// (typed twice) for the restored database.
    #[serde(default)]
    pub recovery_code: Option<String>,
    #[serde(default)]
    pub new_passphrase: Option<String>,
    #[serde(default)]
    pub repeat: Option<String>,
}

/// A backup file from anywhere (a USB stick, on a new laptop), chosen with the system's dialog, to
/// put in place of the database (or to start with, when there is none yet).
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreFileInput {
    pub path: String,
    /// The passphrase the backup was made with (for an encrypted one).
    pub passphrase: Option<String>,
    /// Instead of that passphrase: the recovery code, with a new passphrase typed twice.
    #[serde(default)]
    pub recovery_code: Option<String>,
    #[serde(default)]
    pub new_passphrase: Option<String>,
    #[serde(default)]
    pub repeat: Option<String>,
}

/// Making a recovery code asks for the passphrase in use: whoever finds the laptop open must not
/// be able to take a key of their own.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MakeRecoveryCodeInput {
    pub passphrase: String,
}

/// A new recovery code, shown once to be written down or printed; it is never shown again.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryCodeMade {
    /// In five groups of four: `K7QF-3MZP-W8TD-A2XN-H6RB`.
    pub code: String,
    pub made_on: String,
}

/// A forgotten passphrase: the recovery code and a new passphrase (typed twice).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecoverInput {
    pub code: String,
    pub passphrase: String,
    pub repeat: String,
}

/// Where backups are copied besides the folder next to the database (a USB stick), if anywhere.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupSettings {
    pub second_location: Option<String>,
    /// Why the last copy to the second location failed (the stick was not there), if it did.
    pub last_copy_problem: Option<String>,
}

/// "Over Draagkracht": which version runs, and where its data is.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AboutInfo {
    pub version: String,
    /// The day this build was made, ISO (`2026-12-05`).
    pub build_date: String,
    /// The database file, when one is open or chosen.
    pub database_path: Option<String>,
    /// The folder of the automatic backups.
    pub backup_folder: Option<String>,
    /// The second backup place the coordinator chose, if any.
    pub second_backup_folder: Option<String>,
    pub licence: String,
}
