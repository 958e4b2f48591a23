//! Backups of the open database: a byte-for-byte copy of its file (encrypted with the database's own
//! key, or plain for a plain database), read back and compared before it counts, with its key
//! parameters beside it. A copy that fails its verification is removed, never kept. Restoring
//! checks a backup with `integrity_check`, then replaces the database file with a copy of it.

use crate::crypt::{is_plain_sqlite, DbKey, KdfFile};
use crate::recovery::RecoveryFile;
use crate::{Db, StoreError};
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
pub fn write_new(db: &Db, dir: &Path, kind: BackupKind, key: Option<&DbKey>) -> Result<PathBuf, StoreError> {
    start_new(db, dir, kind, key)?.finish()
}

/// The first half of [`write_new`]: the copy, compared with the database. The rest
/// ([`Unchecked::finish`]) needs no connection, so it can run beside the app.
pub fn start_new(db: &Db, dir: &Path, kind: BackupKind, key: Option<&DbKey>) -> Result<Unchecked, StoreError> {
    std::fs::create_dir_all(dir).map_err(io)?;
    // A copy cut off by a crash is of no use, and may be gigabytes.
    for entry in std::fs::read_dir(dir).map_err(io)?.flatten() {
        if entry.path().extension().is_some_and(|e| e == "partial") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    let mut at = Local::now().naive_local();
    let mut path = dir.join(file_name(kind, at));
    while path.exists() {
        at += chrono::Duration::seconds(1);
        path = dir.join(file_name(kind, at));
    }
    let mut unchecked = start(db, &path, key)?;
    unchecked.rotate = Some(dir.to_path_buf());
    Ok(unchecked)
}

/// Writes a verified copy of `conn` to `path` (which must not exist yet).
///
/// The copy is the database file itself, byte for byte, taken while no one can write: the WAL is
/// checkpointed into the file first and the write lock is held while copying, so the file is the
/// whole database. An encrypted database thus gives a copy under the same key, with no decrypting
/// and re-encrypting. It is verified by reading every byte back from the written file and comparing
/// it with the database, then by opening it (with the key) at the same schema version, and — up to
/// `FULL_CHECK_UP_TO`, which is every branch — with `integrity_check` as well.
///
/// Above that size the byte comparison stands alone. That is what makes the national set's 3.5 GB
/// a backup of seconds: SQLite's online backup took 8 s to copy and `integrity_check` 36 s more,
/// spent cross-reading 7 million entries against their four indexes — a property of the database
/// that a faithful copy cannot change, and one the restore still checks before it replaces anything.
pub fn write_to(db: &Db, path: &Path, key: Option<&DbKey>) -> Result<(), StoreError> {
    start(db, path, key)?.finish().map(|_| ())
}

/// A backup copied and compared with the database, not yet through `integrity_check` nor in place.
#[derive(Debug)]
#[must_use = "a copy counts as a backup only once it is finished"]
pub struct Unchecked {
    partial: PathBuf,
    path: PathBuf,
    key: Option<DbKey>,
    size: u64,
    /// The database's recovery file as it was when copied: beside the backup, the code opens it too.
    recovery: Option<Vec<u8>>,
    /// The backup folder to rotate once the backup is in place.
    rotate: Option<PathBuf>,
}

impl Unchecked {
    /// Runs `integrity_check` on the copy (up to `FULL_CHECK_UP_TO`), puts it in place with its key
    /// parameters, rotates the folder, and returns the backup. A copy that fails is removed.
    pub fn finish(self) -> Result<PathBuf, StoreError> {
        if self.size <= FULL_CHECK_UP_TO {
            if let Err(e) = check(&self.partial, self.key.as_ref()) {
                let _ = std::fs::remove_file(&self.partial);
                return Err(e);
            }
        }
        // The key parameters first: a backup in place without them could never be opened.
        if let Some(k) = &self.key {
            KdfFile::beside(&self.path).write_current(k.params()).map_err(|e| StoreError::Backup(e.to_string()))?;
        }
        if let Some(bytes) = &self.recovery {
            RecoveryFile::beside(&self.path).restore_snapshot(bytes).map_err(|e| StoreError::Backup(e.to_string()))?;
        }
        std::fs::rename(&self.partial, &self.path).map_err(io)?;
        if let Some(dir) = &self.rotate {
            rotate(dir);
        }
        Ok(self.path)
    }
}

/// Where the copy for `path` is written until it counts: `<name>.partial` beside it.
fn partial_of(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}

/// The copy beside `path`, compared and opened; removed again when any of that fails.
fn start(db: &Db, path: &Path, key: Option<&DbKey>) -> Result<Unchecked, StoreError> {
    let conn = db.conn();
    let source = conn
        .path()
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .ok_or_else(|| StoreError::Backup("an in-memory database has no file to back up".into()))?;
    let partial = partial_of(path);
    let _ = std::fs::remove_file(&partial);
    match copy_whole_database(db, &source, &partial).and_then(|size| settle_copy(conn, &partial, key).map(|_| size)) {
        Ok(size) => {
            let recovery = key.and_then(|_| RecoveryFile::beside(&source).snapshot());
            Ok(Unchecked { partial, path: path.to_path_buf(), key: key.cloned(), size, recovery, rotate: None })
        }
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            Err(e)
        }
    }
}

/// The largest database whose backup also gets SQLite's `integrity_check` (at about 90 MB/s here, up
/// to ~6 s): a branch of 250 volunteers over five years is 44 MB.
const FULL_CHECK_UP_TO: u64 = 512 << 20;

/// Copies the database file of `conn` to `partial` and reads it back, while holding the write lock;
/// returns its size.
fn copy_whole_database(db: &Db, source: &Path, partial: &Path) -> Result<u64, StoreError> {
    let conn = db.conn();
    // Everything committed into the main file, and the WAL emptied.
    let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
    if busy != 0 {
        return Err(StoreError::Backup("the database is busy; try the backup again".into()));
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let copied = (|| {
        // Nothing can be committed while we hold the lock, so an empty WAL stays empty.
        if wal_len(source) > 0 {
            return Err(StoreError::Backup("the database is busy; try the backup again".into()));
        }
        copy_and_compare(db.file(), partial)
    })();
    conn.execute_batch("ROLLBACK")?;
    copied
}

/// Copies `from` to a new file `to`, syncs it, then reads it back and compares every byte with
/// `from`; returns the size. A volume too small for the copy (a full USB stick) is refused before a
/// byte is written.
fn copy_and_compare(from: &std::fs::File, to: &Path) -> Result<u64, StoreError> {
    let len = from.metadata().map_err(io)?.len();
    let direct = direct_io::AVAILABLE && len % direct_io::ALIGN as u64 == 0;
    match copy_verified(from, to, len, direct) {
        // A file system without direct access (tmpfs, some network drives and USB sticks) refuses it
        // in its own way: through the cache, then. Only a full volume is final.
        Err(e) if direct && e.kind() != std::io::ErrorKind::StorageFull => {
            let _ = std::fs::remove_file(to);
            copy_verified(from, to, len, false)
        }
        other => other,
    }
    .map(|_| len)
    .map_err(io)
}

/// The copy itself. With `direct`, the copy is written and read back past the OS's file cache: the
/// verification reads what is on the disk, and 3.5 GB of backup do not push the working set out
/// of memory (on this kind of machine, filling fresh cache pages was most of the cost).
fn copy_verified(from: &std::fs::File, to: &Path, len: u64, direct: bool) -> std::io::Result<()> {
    use std::io::{Read, Seek, Write};
    let mut source = from;
    source.rewind()?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    if direct {
        direct_io::bypass_cache(&mut options);
    }
    let mut out = options.open(to)?;
    // Reserving the space first also spares the file system growing the file chunk by chunk.
    match fs4::FileExt::allocate(&out, len) {
        Err(e) if e.kind() == std::io::ErrorKind::StorageFull => return Err(e),
        _ => {} // a file system without preallocation copies all the same
    }
    let mut buf = Aligned::new(CHUNK);
    let mut left = len;
    while left > 0 {
        let chunk = &mut buf.bytes()[..left.min(CHUNK as u64) as usize];
        source.read_exact(chunk)?;
        out.write_all(chunk)?;
        left -= chunk.len() as u64;
    }
    out.set_len(len)?;
    out.sync_all()?;
    drop(out);
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    if direct {
        direct_io::bypass_cache(&mut options);
    }
    let written = options.open(to)?;
    source.rewind()?;
    if same_bytes(source, written)? {
        Ok(())
    } else {
        Err(std::io::Error::other("the copy read back differs from the database"))
    }
}

/// The copy read in and out at a time: large enough for the disk, small enough for any laptop.
const CHUNK: usize = 8 << 20;

/// File access past the OS's cache, where the platform offers it with no more than a flag; elsewhere
/// the copy goes through the cache.
mod direct_io {
    /// Direct access wants buffers, offsets and lengths in whole blocks; a database is whole pages.
    pub const ALIGN: usize = 4096;

    #[cfg(any(target_os = "linux", target_os = "android"))]
    pub const AVAILABLE: bool = true;
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    pub const AVAILABLE: bool = false;

    #[cfg(any(target_os = "linux", target_os = "android"))]
    pub fn bypass_cache(options: &mut std::fs::OpenOptions) {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_DIRECT);
    }
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    pub fn bypass_cache(_: &mut std::fs::OpenOptions) {}
}

/// A buffer whose start is aligned for direct access.
struct Aligned {
    raw: Vec<u8>,
    start: usize,
    len: usize,
}

impl Aligned {
    fn new(len: usize) -> Self {
        let raw = vec![0u8; len + direct_io::ALIGN];
        let start = raw.as_ptr().align_offset(direct_io::ALIGN);
        Aligned { raw, start, len }
    }

    fn bytes(&mut self) -> &mut [u8] {
        &mut self.raw[self.start..self.start + self.len]
    }
}

/// True when both readers yield exactly the same bytes.
fn same_bytes(mut a: impl std::io::Read, mut b: impl std::io::Read) -> std::io::Result<bool> {
    let (mut left, mut right) = (Aligned::new(CHUNK), Aligned::new(CHUNK));
    loop {
        let n = fill(&mut a, left.bytes())?;
        let m = fill(&mut b, right.bytes())?;
        if n != m || left.bytes()[..n] != right.bytes()[..m] {
            return Ok(false);
        }
        if n == 0 {
            return Ok(true);
        }
    }
}

/// Reads until `buf` is full or the reader ends; how much was read.
fn fill(r: &mut impl std::io::Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// The length of the WAL beside `database` (0 when there is none).
fn wal_len(database: &Path) -> u64 {
    let mut wal = database.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(PathBuf::from(wal)).map(|m| m.len()).unwrap_or(0)
}

/// Opens the verified copy with `key`: it must be at the database's schema version. Then makes it
/// a single file (rollback journal instead of the source's WAL), syncs it, and opens it once more,
/// since that rewrote its first page.
fn settle_copy(conn: &Connection, partial: &Path, key: Option<&DbKey>) -> Result<(), StoreError> {
    let expected: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let copy = open_copy(partial, key, expected)?;
    copy.pragma_update_and_check(None, "journal_mode", "DELETE", |_| Ok(()))?;
    drop(copy);
    std::fs::File::open(partial).and_then(|f| f.sync_all()).map_err(io)?;
    open_copy(partial, key, expected).map(|_| ())
}

/// The copy, opened with `key`, when it is at schema version `expected`.
fn open_copy(partial: &Path, key: Option<&DbKey>, expected: u32) -> Result<Connection, StoreError> {
    let copy = Connection::open_with_flags(partial, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    if let Some(k) = key {
        crate::crypt::apply_key(&copy, k)?;
    }
    let found: u32 = copy.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
            StoreError::Backup("the copy does not open with the database's key".into())
        }
        other => StoreError::Sqlite(other),
    })?;
    if found != expected {
        return Err(StoreError::Backup(format!("the copy is at schema {found}, the database at {expected}")));
    }
    Ok(copy)
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
        RecoveryFile::beside(&path).remove();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_read_back_comparison_sees_one_changed_byte_and_a_short_copy() {
        let data: Vec<u8> = (0..CHUNK * 2 + 17).map(|i| (i % 251) as u8).collect();
        assert!(same_bytes(&data[..], &data[..]).unwrap());
        assert!(same_bytes(&[][..], &[][..]).unwrap());
        let mut flipped = data.clone();
        flipped[CHUNK + 5] ^= 1;
        assert!(!same_bytes(&data[..], &flipped[..]).unwrap());
        assert!(!same_bytes(&data[..], &data[..data.len() - 1]).unwrap());
        assert!(!same_bytes(&data[..1], &data[..]).unwrap());
    }

    #[test]
    fn both_ways_of_copying_give_the_same_file() {
        let dir = tempfile::tempdir().unwrap();
        let from = dir.path().join("from");
        let data: Vec<u8> = (0..direct_io::ALIGN * 3000).map(|i| (i % 253) as u8).collect();
        std::fs::write(&from, &data).unwrap();
        let from = std::fs::File::open(&from).unwrap();
        for (i, direct) in [false, direct_io::AVAILABLE].into_iter().enumerate() {
            let to = dir.path().join(format!("to-{i}"));
            copy_verified(&from, &to, data.len() as u64, direct).unwrap();
            assert_eq!(std::fs::read(&to).unwrap(), data, "direct: {direct}");
        }
    }

    #[test]
    fn a_faithful_copy_of_a_database_with_a_broken_index_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("broken.sqlite");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE t (a TEXT); CREATE INDEX t_by_a ON t (a);
             INSERT INTO t VALUES ('x'), ('y'), ('z');
             PRAGMA writable_schema = ON;
             UPDATE sqlite_schema SET sql = 'CREATE INDEX t_by_a ON t (a DESC)' WHERE name = 't_by_a';
             PRAGMA writable_schema = OFF;",
        )
        .unwrap();
        drop(conn);
        let db = crate::open(&path).unwrap();
        let out = dir.path().join("copy.sqlite");
        let refused = write_to(&db, &out, None).unwrap_err();
        assert!(refused.to_string().contains("integrity check"), "{refused}");
        assert!(!out.exists() && !partial_of(&out).exists(), "nothing is kept");
    }

    #[test]
    fn a_partial_copy_left_by_a_crash_is_replaced_and_gone_afterwards() {
        let t = crate::db::testing::temp_db();
        let again = t.dir.path().join("again.sqlite");
        std::fs::write(partial_of(&again), b"left over from a crash").unwrap();
        write_to(&t.db, &again, None).unwrap();
        check(&again, None).unwrap();
        assert!(!partial_of(&again).exists());
    }
}
