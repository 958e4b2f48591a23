//! Draagkracht's use cases: the one API that the desktop shell and the CLI call. Each public method
//! of [`Draagkracht`] is one thing a coordinator does (log hours, add a volunteer, look at the month);
//! it parses wire input with the core crate, reads and writes through the store in one transaction,
//! and answers in wire types. Nothing here knows about windows.
//!
//! "Today" is an argument of every use case that depends on it, so tests and the CLI can fix it.

mod activities;
pub mod bindings;
mod cases;
mod demo;
mod destination;
mod directory;
pub mod error;
mod funding;
mod goals;
mod guides;
mod health;
mod hours;
mod import;
mod interchange;
mod load;
pub mod national;
mod overview;
mod participants;
mod privacy;
mod programmes;
mod reports;
mod room;
pub mod safety;
mod setup;
pub mod sharing;
mod sheets;
mod signals;
mod stories;
mod support;
mod volunteers;
pub mod wire;

pub use demo::DemoParams;
pub use error::{ApiError, ErrorCode};
pub use health::HealthReport;
pub use reports::{render as render_report, save_report};
pub use safety::Gate;

use draagkracht_core::{ActivityId, HourEntryId, ProgrammeId, VolunteerId};
use draagkracht_store::{Db, DbKey, Opening};
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// An open Draagkracht database and the use cases over it.
#[derive(Debug)]
pub struct Draagkracht {
    db: Db,
    path: PathBuf,
    /// The SQLCipher key it was opened with (`None`: a plain database); backups use it.
    key: Option<DbKey>,
    /// The day's branch figures for the signal rules, computed once a day.
    branch_cache: Option<(chrono::NaiveDate, draagkracht_core::signals::BranchFigures)>,
    /// Since when a signal counts as new on the attention list: the coordinator's look before this
    /// session or, the first time ever, this session's first look. Set on the session's first look.
    new_since: Option<chrono::DateTime<chrono::Utc>>,
    /// Why the last sync with the shared place failed, until one succeeds (the header says it).
    sync_failure: Option<ApiError>,
}

impl Draagkracht {
    /// Opens (or creates) a plain database at `path` without backups: tests, benchmarks, the CLI's
    /// scratch work. The app goes through [`Gate`].
    pub fn open(path: &Path) -> Result<Self, ApiError> {
        Self::open_with(path, None, None)
    }

    /// Opens (or creates) the database at `path` with its key, backing it up to `backups` before a
    /// migration; then checks it (`quick_check`: a damaged database is refused before anything is
    /// written) and seeds the default programmes and activity catalogue into a new one. A database
    /// from a newer app is refused with `database_too_new`, untouched.
    pub fn open_with(path: &Path, key: Option<DbKey>, backups: Option<&Path>) -> Result<Self, ApiError> {
        let mut db = draagkracht_store::open_with(path, Opening { key: key.as_ref(), backups })?;
        if let Some(found) = db.quick_check()? {
            // The check's first finding says enough; the rest (often hundreds of pages) would bury it.
            let lines: Vec<&str> = found.lines().filter(|l| !l.starts_with("***")).collect();
            let more = lines.len().saturating_sub(1);
            let first: String = lines.first().copied().unwrap_or(found.as_str()).chars().take(120).collect();
            let found = if more > 0 { format!("{first} … +{more}") } else { first };
            return Err(ApiError::new(
                ErrorCode::Damaged,
                format!("De controle bij het starten vond een beschadiging in de database ({found}). Er is niets geschreven."),
                format!("The start-up check found damage in the database ({found}). Nothing was written."),
            ));
        }
        // The check read every page into the page cache; the first screen needs few of them, and a
        // window stays open all day (issue 14's idle memory).
        db.release_memory();
        db.write(|tx| {
            let now = chrono::Utc::now();
            draagkracht_store::programmes::seed_defaults(tx, now, || ProgrammeId(Uuid::now_v7()))?;
            draagkracht_store::activities::seed_defaults(tx, now, || ActivityId(Uuid::now_v7()))?;
            draagkracht_store::goals::seed_defaults(tx, now, || draagkracht_core::GoalId(Uuid::now_v7()))
                .map_err(ApiError::from)
        })?;
        Ok(Self { db, path: path.to_path_buf(), key, branch_cache: None, new_since: None, sync_failure: None })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn new_volunteer_id() -> VolunteerId {
    VolunteerId(Uuid::now_v7())
}

fn new_entry_id() -> HourEntryId {
    HourEntryId(Uuid::now_v7())
}
