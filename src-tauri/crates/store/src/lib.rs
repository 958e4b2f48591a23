//! The only crate that touches SQLite. [`open_with`] is the one way in: it applies the SQLCipher key,
//! refuses a wrong key or a database written by a newer app (leaving the file untouched), sets the
//! pragmas every connection needs, backs up before a migration, and migrates.
//! One module per table; reads take `&Connection`, writes take a `&Transaction` from [`Db::write`].
//!
//! Ids are stored as UUID text, dates as ISO `YYYY-MM-DD`, moments as RFC 3339 in UTC.

pub mod activities;
pub mod assessments;
pub mod backup;
pub mod crypt;
mod db;
pub mod facts;
pub mod funding;
pub mod goals;
pub mod guides;
pub mod health;
pub mod hour_entries;
pub mod interchange;
pub mod involvements;
pub mod matches;
mod migrations;
pub mod national;
pub mod organisations;
pub mod participants;
pub mod privacy;
pub mod programmes;
pub mod recovery;
pub mod referrals;
pub mod reports;
pub mod settings;
pub mod signals;
pub mod stories;
pub mod support;
pub mod sync;
pub mod thresholds;
pub mod volunteer_load;
pub mod volunteers;

pub use crypt::{DbKey, KdfFile, KdfParams};
pub use db::{open, open_with, trim_heap, Db, Opening, StoreError};
pub use migrations::{create_at_version, SCHEMA_VERSION};
pub use rusqlite::{Connection, Error as SqliteError, ErrorCode as SqliteErrorCode, Transaction};
