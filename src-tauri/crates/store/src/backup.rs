//! Backups of the open database: a page-for-page copy through SQLite's online backup (encrypted with
//! the database's own key, or plain for a plain database), its key parameters beside it, and checked
//! with `integrity_check` before it counts. A backup that fails its check is removed, never kept.
//! Restoring replaces the database file with a checked copy of a backup.

use crate::crypt::{is_plain_sqlite, DbKey, KdfFile};
use crate::StoreError;
use chrono::Local;
use draagkracht_core::backup::{file_name, parse_file_name, to_remove};
use draagkracht_core::BackupKind;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// A backup found in the backup folder.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupFile {
    pub path: PathBuf,
    pub file: String,
    pub created_at: chrono::NaiveDateTime,
    pub kind: BackupKind,
    pub size_bytes: u64,
    pub encrypted: bool,
}

/// Writes a checked backup of `conn` into `dir` (created if needed), rotates the folder, and
/// returns the new file.
pub fn write_new(conn: &Connection, dir: &Path, kind: BackupKind, key: Option<&DbKey>) -> Result<PathBuf, StoreError> {
    std::fs::create_dir_all(dir).map_err(io)?;
    let mut at = Local::now().naive_local();
    let mut path = dir.join(file_name(kind, at));
    while path.exists() {
        at += chrono::Duration::seconds(1);
        path = dir.join(file_name(kind, at));
    }
    write_to(conn, &path, key)?;
    rotate(dir);
    Ok(path)
}

/// Writes a checked copy of `conn` to `path` (which must not exist yet).
pub fn write_to(conn: &Connection, path: &Path, key: Option<&DbKey>) -> Result<(), StoreError> {
    let partial = path.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    // SQLite's online backup copies the pages as they are (no index rebuild, unlike VACUUM INTO:
    // 8 s instead of a minute for the 3.5 GB national set), into a file keyed like the source, so
    // an encrypted database gives an encrypted copy. A plain copy of an encrypted database is
    // refused below, never kept.
    let exported = (|| -> Result<(), StoreError> {
        let mut target = Connection::open(&partial)?;
        if let Some(k) = key {
            crate::crypt::apply_key(&target, k)?;
        }
        rusqlite::backup::Backup::new(conn, &mut target)?.run_to_completion(4096, std::time::Duration::ZERO, None)?;
        // The copy takes over the source's WAL mode with its header; a backup is a single file.
        target.pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))?;
        drop(target);
        match key {
            Some(_) if is_plain_sqlite(&partial) => {
                Err(StoreError::Backup("the copy of an encrypted database came out unencrypted".into()))
            }
            _ => Ok(()),
        }
    })();
    if let Err(e) = exported.and_then(|_| check(&partial, key)) {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::File::open(&partial).and_then(|f| f.sync_all()).map_err(io)?;
    std::fs::rename(&partial, path).map_err(io)?;
    if let Some(k) = key {
        KdfFile::beside(path).write_current(k.params()).map_err(|e| StoreError::Backup(e.to_string()))?;
    }
    Ok(())
}

/// Writes an encrypted, checked copy of a *plain* database to `path` (which must not exist yet):
/// how a plain database gets its first passphrase.
pub fn encrypted_copy(conn: &Connection, path: &Path, key: &DbKey) -> Result<(), StoreError> {
    let partial = path.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let exported = (|| -> Result<(), StoreError> {
        conn.execute(
            "ATTACH DATABASE ?1 AS encrypted KEY ?2",
            rusqlite::params![partial.to_string_lossy(), key.pragma_value().as_str()],
        )?;
        let result = conn
            .query_row("SELECT sqlcipher_export('encrypted')", [], |_| Ok(()))
            .and_then(|_| conn.pragma_update(Some("encrypted"), "user_version", version));
        conn.execute("DETACH DATABASE encrypted", [])?;
        Ok(result?)
    })();
    if let Err(e) = exported.and_then(|_| check(&partial, Some(key))) {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, path).map_err(io)?;
    KdfFile::beside(path).write_current(key.params()).map_err(|e| StoreError::Backup(e.to_string()))
}

/// Opens a database file read-only with `key` and runs `integrity_check`: `Ok` only when it says "ok".
pub fn check(path: &Path, key: Option<&DbKey>) -> Result<(), StoreError> {
    let verdict = (|| -> rusqlite::Result<String> {
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        if let Some(k) = key {
            crate::crypt::apply_key(&conn, k)?;
        }
        // The check cross-reads every index against its table: a large cache saves re-reading pages.
        conn.pragma_update(None, "cache_size", -262_144)?;
        conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
    })()
    .map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => StoreError::WrongKey,
        other => StoreError::Sqlite(other),
    })?;
    if verdict == "ok" {
        Ok(())
    } else {
        Err(StoreError::Backup(format!("integrity check: {verdict}")))
    }
}

/// True when `key` opens the database file at `path` (only reads; a WAL database needs write
/// access to its shared-memory file even for that).
pub fn check_key(path: &Path, key: &DbKey) -> bool {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .and_then(|conn| {
            crate::crypt::apply_key(&conn, key)?;
            conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))
        })
        .is_ok()
}

/// The backups in `dir`, newest first.
pub fn list(dir: &Path) -> Vec<BackupFile> {
    let mut out: Vec<BackupFile> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let file = entry.file_name().to_string_lossy().into_owned();
            let (created_at, kind) = parse_file_name(&file)?;
            let path = entry.path();
            Some(BackupFile {
                size_bytes: entry.metadata().ok()?.len(),
                encrypted: !is_plain_sqlite(&path),
                path,
                file,
                created_at,
                kind,
            })
        })
        .collect();
    out.sort_by(|a, b| b.created_at.cmp(&a.created_at));
    out
}

/// Removes what [`to_remove`] says, with their key files.
fn rotate(dir: &Path) {
    let names: Vec<String> = list(dir).into_iter().map(|b| b.file).collect();
    for name in to_remove(&names) {
        let path = dir.join(&name);
        let _ = std::fs::remove_file(&path);
        KdfFile::beside(&path).remove();
    }
}

/// Puts a checked backup in place of the (closed) database at `database`: copies it beside the
/// database, syncs it, drops the old WAL files and renames the copy over the database, then puts
/// the backup's key parameters in place. The caller has saved the current database first.
pub fn replace_database(backup: &Path, database: &Path, key: Option<&DbKey>) -> Result<(), StoreError> {
    check(backup, key)?;
    let incoming = database.with_extension("incoming");
    std::fs::copy(backup, &incoming).map_err(io)?;
    std::fs::File::open(&incoming).and_then(|f| f.sync_all()).map_err(io)?;
    for suffix in ["-wal", "-shm"] {
        let mut side = database.as_os_str().to_owned();
        side.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(side));
    }
    std::fs::rename(&incoming, database).map_err(io)?;
    let kdf = KdfFile::beside(database);
    match key {
        Some(k) => kdf.write_current(k.params()).map_err(|e| StoreError::Backup(e.to_string()))?,
        None => kdf.remove(),
    }
    Ok(())
}

fn io(e: std::io::Error) -> StoreError {
    StoreError::Backup(e.to_string())
}
