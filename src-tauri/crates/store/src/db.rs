//! Opening the database: the key, the version guard, the pragmas, a backup when a migration is due,
//! the migrations — in that order, so that a wrong passphrase or a database from a newer app is
//! refused before anything is written to it. Every connection comes through [`open_with`].

use crate::crypt::DbKey;
use crate::migrations;
use rusqlite::{Connection, OpenFlags, Transaction};
use std::path::Path;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file's schema is newer than this app knows; nothing was written.
    #[error("database schema {found} is newer than this app's {supported}")]
    TooNew { found: u32, supported: u32 },
    /// The key does not open the file (or it is not a database at all); nothing was written.
    #[error("the passphrase does not open this database")]
    WrongKey,
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("backup failed: {0}")]
    Backup(String),
    /// More changes within one millisecond than a stamp can count (see `core::sync::Hlc::tick`).
    #[error("{0}")]
    Clock(#[from] draagkracht_core::sync::ClockError),
}

/// An open, migrated database.
#[derive(Debug)]
pub struct Db {
    conn: Connection,
    /// The database file, held open for the connection's life to copy it for backups. POSIX drops
    /// all of a process's locks on a file when *any* handle on it is closed, so the backup must
    /// never open and close a handle of its own beside SQLite's.
    file: std::fs::File,
    /// The wall clock that stamps shared changes (see `sync::capture`); tests set a wrong one.
    wall_clock: fn() -> u64,
}

/// How to open a database beyond its path.
#[derive(Debug, Default, Clone, Copy)]
pub struct Opening<'a> {
    /// The SQLCipher key; `None` for a plain database.
    pub key: Option<&'a DbKey>,
    /// Where to write a backup before migrating an existing database; `None`: no backup.
    pub backups: Option<&'a Path>,
}

/// Opens a plain database (tests, the demo, benchmarks): [`open_with`] without key or backups.
pub fn open(path: &Path) -> Result<Db, StoreError> {
    open_with(path, Opening::default())
}

/// Opens (creating if needed) the database at `path`: applies the key, refuses a wrong key or a
/// database newer than this app, sets WAL, `synchronous=FULL`, foreign keys and a busy timeout,
/// backs up an existing database that is about to be migrated, and migrates.
pub fn open_with(path: &Path, how: Opening) -> Result<Db, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    if let Some(key) = how.key {
        crate::crypt::apply_key(&conn, key)?;
    }
    conn.busy_timeout(Duration::from_secs(5))?;
    // The first read: with a wrong key SQLCipher answers "file is not a database".
    let found: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => StoreError::WrongKey,
        other => StoreError::Sqlite(other),
    })?;
    if found > migrations::SCHEMA_VERSION {
        return Err(StoreError::TooNew { found, supported: migrations::SCHEMA_VERSION });
    }
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    debug_assert!(mode.eq_ignore_ascii_case("wal"), "journal_mode is {mode}");
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // 8 MiB of page cache instead of SQLite's 2 MiB: evaluating a national branch reads the last
    // 100 days of entries. 32 MiB was measured too (issue 14): the national benchmarks stay within
    // their targets with 8 (evaluation 1.42 s instead of 1.34–1.43, the attention list 26 instead
    // of 20 ms), and a window open all day holds 25 MiB less.
    conn.pragma_update(None, "cache_size", -8_192)?;
    let file = std::fs::File::open(path).map_err(|e| StoreError::Backup(e.to_string()))?;
    let mut db = Db { conn, file, wall_clock: crate::sync::capture::system_ms };
    if let Some(dir) = how.backups {
        if found > 0 && found < migrations::SCHEMA_VERSION {
            crate::backup::write_new(&db, dir, draagkracht_core::BackupKind::BeforeMigration, how.key)?;
        }
    }
    migrations::apply(&mut db.conn)?;
    Ok(db)
}

/// Hands memory freed after bulk work (a backup's check, an evaluation of everyone) back to the
/// system: glibc keeps it in its heap otherwise, and a window stays open all day (issue 14).
pub fn trim_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free heap pages to the system; it touches no live allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}

impl Db {
    /// For reads.
    /// Gives the memory SQLite holds for this connection back (its page cache), after bulk work.
    pub fn release_memory(&self) {
        // Only a hint: a failure costs memory, never data.
        let _ = self.conn.execute_batch("PRAGMA shrink_memory");
        trim_heap();
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `work` in one transaction: all of it is committed, or none of it. Changes to shared
    /// tables are stamped for the other laptops of the branch in the same transaction.
    pub fn write<T, E>(&mut self, work: impl FnOnce(&Transaction) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let tx = self.conn.transaction().map_err(StoreError::from)?;
        let value = work(&tx)?;
        crate::sync::capture::stamp(&tx, (self.wall_clock)())?;
        tx.commit().map_err(StoreError::from)?;
        Ok(value)
    }

    /// Replaces the wall clock that stamps shared changes: tests of a laptop whose clock is wrong.
    #[doc(hidden)]
    pub fn set_wall_clock(&mut self, clock: fn() -> u64) {
        self.wall_clock = clock;
    }

    /// This laptop's wall clock, as the stamps read it.
    pub fn wall_ms(&self) -> u64 {
        (self.wall_clock)()
    }

    /// Re-encrypts the whole database with a new key (a passphrase change), in place.
    pub fn rekey(&mut self, key: &DbKey) -> Result<(), StoreError> {
        self.conn.pragma_update(None, "rekey", &*key.pragma_value())?;
        Ok(())
    }

    /// `PRAGMA quick_check`: `None` when sound, else what it found.
    pub fn quick_check(&self) -> Result<Option<String>, StoreError> {
        let verdict: String = self.conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        Ok((verdict != "ok").then_some(verdict))
    }

    /// The file this database lives in.
    pub fn path(&self) -> Option<&str> {
        self.conn.path()
    }

    /// The database file as held open beside the connection (for copying it whole).
    pub(crate) fn file(&self) -> &std::fs::File {
        &self.file
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

/// A column's value as JSON, for exports (blobs are not used in this schema and export as null).
pub(crate) fn json_value(value: rusqlite::types::ValueRef) -> serde_json::Value {
    use rusqlite::types::ValueRef;
    match value {
        ValueRef::Null | ValueRef::Blob(_) => serde_json::Value::Null,
        ValueRef::Integer(n) => n.into(),
        ValueRef::Real(x) => x.into(),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
    }
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

    fn quick_key() -> DbKey {
        crate::crypt::KdfParams { memory_kib: 1024, iterations: 1, ..crate::crypt::KdfParams::generate() }
            .derive("een lange wachtwoordzin")
            .unwrap()
    }

    fn names(db: &Db) -> Vec<String> {
        let mut stmt = db.conn().prepare("SELECT name FROM volunteers ORDER BY name").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
    }

    fn with_volunteers(path: &Path, key: &DbKey, count: usize) -> Db {
        let mut db = open_with(path, Opening { key: Some(key), backups: None }).unwrap();
        db.write(|tx| {
            for i in 0..count {
                tx.execute(
                    "INSERT INTO volunteers (id, name, status, start_date, created_at, updated_at)
                     VALUES (?1, ?2, 'active', '2025-01-01', 'x', 'x')",
                    [format!("v{i}"), format!("Vrijwilliger {i:03}")],
                )?;
            }
            Ok::<_, StoreError>(())
        })
        .unwrap();
        db
    }

    #[test]
    fn an_encrypted_database_is_unreadable_without_its_key_and_a_wrong_key_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret.sqlite");
        let key = quick_key();
        drop(with_volunteers(&path, &key, 3));
        assert!(!crate::crypt::is_plain_sqlite(&path), "the file does not start as plain SQLite");
        let bytes = std::fs::read(&path).unwrap();
        assert!(!bytes.windows(14).any(|w| w == b"Vrijwilliger 0"), "no name appears in the file");
        let before = std::fs::read(&path).unwrap();
        assert!(matches!(open(&path), Err(StoreError::WrongKey)), "plain SQLite cannot read it");
        let wrong = crate::crypt::KdfParams::generate().derive("een andere zin!").unwrap();
        assert!(matches!(open_with(&path, Opening { key: Some(&wrong), backups: None }), Err(StoreError::WrongKey)));
        assert_eq!(std::fs::read(&path).unwrap(), before, "a wrong key wrote nothing");
        let db = open_with(&path, Opening { key: Some(&key), backups: None }).unwrap();
        assert_eq!(names(&db).len(), 3);
    }

    #[test]
    fn rekey_keeps_every_row_and_only_the_new_key_opens_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret.sqlite");
        let (old, new) = (quick_key(), quick_key());
        let mut db = with_volunteers(&path, &old, 50);
        let before = names(&db);
        db.rekey(&new).unwrap();
        drop(db);
        assert!(matches!(open_with(&path, Opening { key: Some(&old), backups: None }), Err(StoreError::WrongKey)));
        let db = open_with(&path, Opening { key: Some(&new), backups: None }).unwrap();
        assert_eq!(names(&db), before);
        assert_eq!(db.quick_check().unwrap(), None);
    }

    #[test]
    fn a_backup_is_encrypted_checked_and_restores_exactly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret.sqlite");
        let backups = dir.path().join("backups");
        let key = quick_key();
        let mut db = with_volunteers(&path, &key, 20);
        let before = names(&db);
        let wal = dir.path().join("secret.sqlite-wal");
        assert!(std::fs::metadata(&wal).unwrap().len() > 0, "the volunteers are still in the WAL");
        let made = crate::backup::write_new(&db, &backups, draagkracht_core::BackupKind::Manual, Some(&key)).unwrap();
        let leftovers: Vec<String> = std::fs::read_dir(&backups)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.ends_with(".sqlite") && !n.ends_with(".kdf.json"))
            .collect();
        assert!(leftovers.is_empty(), "a backup is one file and its key file: {leftovers:?}");
        assert!(!crate::crypt::is_plain_sqlite(&made), "the backup is encrypted too");
        assert!(matches!(crate::backup::check(&made, None), Err(StoreError::WrongKey)));
        let listed = crate::backup::list(&backups);
        assert_eq!(listed.len(), 1);
        assert!(listed[0].encrypted && listed[0].size_bytes > 0);
        assert_eq!(crate::KdfFile::beside(&made).candidates().unwrap(), vec![key.params().clone()]);
        // Changes after the backup are undone by restoring it.
        db.write(|tx| tx.execute("DELETE FROM volunteers", []).map_err(StoreError::from)).unwrap();
        drop(db);
        crate::backup::replace_database(&made, &path, Some(&key)).unwrap();
        let db = open_with(&path, Opening { key: Some(&key), backups: None }).unwrap();
        assert_eq!(names(&db), before);
        let version: u32 = db.conn().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(version, migrations::SCHEMA_VERSION, "the schema version travels with the backup");
    }

    #[test]
    fn a_plain_database_gets_a_plain_backup() {
        let t = testing::temp_db();
        let made = crate::backup::write_new(&t.db, &t.dir.path().join("b"), draagkracht_core::BackupKind::Daily, None)
            .unwrap();
        assert!(crate::crypt::is_plain_sqlite(&made));
        crate::backup::check(&made, None).unwrap();
    }

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
