//! Sharing a branch between laptops, on the store's side: capture, merge, snapshots and sealing.
//!
//! - [`tables`] declares for every table whether it is shared.
//! - `capture`: the triggers of migration 9 write every changed field of a shared table into
//!   `sync_pending`; [`Db::write`](crate::Db::write) stamps them with the hybrid logical clock
//!   before it commits (one stamp per transaction), keeps the winning stamp and value per field
//!   in `sync_cells`, and queues the change in `sync_outbox`.
//! - [`apply`]: a batch from another laptop, field by field under `core::sync::decide`, with the
//!   capture off; the losing value of two writes made apart goes to `sync_versions`.
//! - [`snapshot`]: every shared row and every field's stamp, for a laptop that joins.
//! - [`seal`]: batches, snapshots and invitations encrypted with the branch key.
//! - [`signature`]: what a laptop writes to the shared place, signed with its own key.
//! - [`state`]: this laptop's place in the branch, its keys, the laptops it knows.
//!
//! The transports (a folder, a server) live in the api crate; they move sealed bytes only.

pub mod apply;
pub mod batches;
pub(crate) mod capture;
pub mod epochs;
pub mod seal;
pub mod signature;
pub mod snapshot;
pub mod state;
pub mod tables;
mod values;

pub use apply::{apply_batch, Applied};
pub use capture::system_ms;
pub use state::{Device, SyncSelf, TwoVersions};

use draagkracht_core::sync::ClockError;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("{0}")]
    Store(#[from] crate::StoreError),
    #[error("{0}")]
    Clock(#[from] ClockError),
    /// A batch names a table or column this app does not have: written by a newer app.
    #[error("unknown field {0}")]
    UnknownField(String),
    /// Decryption failed: damaged, forged, or sealed with another key.
    #[error("cannot be opened with the branch key")]
    Unreadable,
    /// Not signed by the laptop it names (or signed with another key than the one kept for it).
    #[error("not signed by the laptop it names")]
    Unsigned,
    /// Sealed for another branch.
    #[error("belongs to another branch")]
    OtherBranch,
    /// Sealed with a key epoch this laptop does not have.
    #[error("sealed with key epoch {0}, which this laptop does not have")]
    UnknownEpoch(u32),
    /// Not in the format of this app.
    #[error("not a Draagkracht file: {0}")]
    Format(String),
    /// This laptop does not share a branch.
    #[error("this database does not share a branch")]
    NotSharing,
}

impl From<rusqlite::Error> for SyncError {
    fn from(e: rusqlite::Error) -> Self {
        SyncError::Store(e.into())
    }
}
