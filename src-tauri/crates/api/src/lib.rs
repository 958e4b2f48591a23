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
pub mod error;
mod health;
mod hours;
mod load;
mod overview;
mod participants;
mod programmes;
mod setup;
mod signals;
mod support;
mod volunteers;
pub mod wire;

pub use demo::DemoParams;
pub use error::{ApiError, ErrorCode};
pub use health::HealthReport;

use draagkracht_core::{ActivityId, HourEntryId, ProgrammeId, VolunteerId};
use draagkracht_store::Db;
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// An open Draagkracht database and the use cases over it.
#[derive(Debug)]
pub struct Draagkracht {
    db: Db,
    path: PathBuf,
    /// The day's branch figures for the signal rules, computed once a day.
    branch_cache: Option<(chrono::NaiveDate, draagkracht_core::signals::BranchFigures)>,
}

impl Draagkracht {
    /// Opens (or creates) the database at `path`, migrating it and seeding the default programmes
    /// and their activity catalogue into a new one. A database from a newer app is refused with `database_too_new`, untouched.
    pub fn open(path: &Path) -> Result<Self, ApiError> {
        let mut db = draagkracht_store::open(path)?;
        db.write(|tx| {
            let now = chrono::Utc::now();
            draagkracht_store::programmes::seed_defaults(tx, now, || ProgrammeId(Uuid::now_v7()))?;
            draagkracht_store::activities::seed_defaults(tx, now, || ActivityId(Uuid::now_v7())).map_err(ApiError::from)
        })?;
        Ok(Self { db, path: path.to_path_buf(), branch_cache: None })
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
