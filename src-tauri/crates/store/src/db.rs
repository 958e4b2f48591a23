//! Opening the database: the version guard, the pragmas, the migrations — in that order, so that a
//! database from a newer app is refused before anything is written to it.
//!
//! The data-safety work will add SQLCipher's `PRAGMA key` here; every connection comes through
//! [`open`], so that is the one place to change.

use crate::migrations;
use rusqlite::{Connection, OpenFlags, Transaction};
use std::path::Path;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file's schema is newer than this app knows; nothing was written.
    #[error("database schema {found} is newer than this app's {supported}")]
    TooNew { found: u32, supported: u32 },
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
}

/// An open, migrated database.
#[derive(Debug)]
pub struct Db {
    conn: Connection,
}

/// Opens (creating if needed) the database at `path`, refuses it when it is newer than this app,
/// sets WAL, `synchronous=FULL`, foreign keys and a busy timeout, and applies pending migrations.
pub fn open(path: &Path) -> Result<Db, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(Duration::from_secs(5))?;
    let found: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > migrations::SCHEMA_VERSION {
        return Err(StoreError::TooNew { found, supported: migrations::SCHEMA_VERSION });
    }
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    debug_assert!(mode.eq_ignore_ascii_case("wal"), "journal_mode is {mode}");
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // 32 MiB of page cache instead of SQLite's 2 MiB: evaluating a national branch reads the last
    // 100 days of entries, and re-reading pages through the OS costs more than the memory.
    conn.pragma_update(None, "cache_size", -32_768)?;
    let mut conn = conn;
    migrations::apply(&mut conn)?;
    Ok(Db { conn })
}

impl Db {
    /// For reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `work` in one transaction: all of it is committed, or none of it.
    pub fn write<T, E>(&mut self, work: impl FnOnce(&Transaction) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let tx = self.conn.transaction().map_err(StoreError::from)?;
        let value = work(&tx)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(value)
    }

    /// The file this database lives in.
    pub fn path(&self) -> Option<&str> {
        self.conn.path()
    }
}

/// Reads a text column through `parse` (typed ids, enums, dates); an unreadable value becomes a
/// conversion error naming the column instead of a panic.
pub(crate) fn parsed<T>(row: &rusqlite::Row, idx: usize, parse: impl FnOnce(&str) -> Option<T>) -> rusqlite::Result<T> {
    // Borrowed, not copied into a String: signal evaluation parses millions of these.
    let text = row.get_ref(idx)?.as_str()?;
    parse(text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("unreadable value {text:?}").into(),
        )
    })
}

/// Parses a stored ISO date (`2025-12-31`), by hand: chrono's format-string parser is ten times slower
/// and dates are read by the hundred thousand.
pub(crate) fn iso_date(text: &str) -> Option<chrono::NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |digits: &[u8]| -> Option<u32> {
        digits.iter().try_fold(0u32, |n, d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    chrono::NaiveDate::from_ymd_opt(number(&b[0..4])? as i32, number(&b[5..7])?, number(&b[8..10])?)
}

#[cfg(test)]
pub(crate) mod testing {
    //! The one helper store tests use: a real database file in a fresh temporary directory.
    pub struct TempDb {
        pub db: super::Db,
        pub dir: tempfile::TempDir,
    }

    pub fn temp_db() -> TempDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = super::open(&dir.path().join("test.sqlite")).expect("open temp db");
        TempDb { db, dir }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_read_as_chrono_reads_them() {
        let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(iso_date("2025-12-31"), d(2025, 12, 31));
        assert_eq!(iso_date("2024-02-29"), d(2024, 2, 29));
        for bad in
            ["2025-02-29", "2025-13-01", "2025-1-01", "2025/01/01", "25-01-2025", "2025-01-0a", "", "2025-01-011"]
        {
            assert_eq!(iso_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn open_sets_the_pragmas_every_connection_needs() {
        let t = testing::temp_db();
        let c = t.db.conn();
        let mode: String = c.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
        let sync: i64 = c.pragma_query_value(None, "synchronous", |r| r.get(0)).unwrap();
        let fk: i64 = c.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
        let busy: i64 = c.pragma_query_value(None, "busy_timeout", |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        assert_eq!(sync, 2, "synchronous must be FULL");
        assert_eq!(fk, 1, "foreign keys must be enforced");
        assert!(busy >= 1000, "busy timeout is {busy} ms");
    }

    #[test]
    fn a_database_from_a_newer_app_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("newer.sqlite");
        {
            let c = Connection::open(&path).unwrap();
            c.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 999;").unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = open(&path).expect_err("a newer database must be refused");
        assert!(matches!(err, StoreError::TooNew { found: 999, .. }), "{err:?}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "the file must not change");
        assert!(!dir.path().join("newer.sqlite-wal").exists(), "no WAL file may be created");
    }

    #[test]
    fn reopening_a_migrated_database_changes_nothing() {
        let t = testing::temp_db();
        let path = t.dir.path().join("test.sqlite");
        drop(t.db);
        let again = open(&path).unwrap();
        let v: u32 = again.conn().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(v, crate::SCHEMA_VERSION);
    }
}
