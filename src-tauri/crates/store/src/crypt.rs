//! Encryption at rest: the passphrase becomes a 256-bit SQLCipher key through Argon2id. The
//! parameters and salt are kept beside the database in `<file>.kdf.json` (they are not secret; the
//! key is never stored). Every secret lives in a `Zeroizing` buffer, wiped when dropped.
//!
//! A passphrase change writes the new parameters to `<file>.kdf.next.json` first, rekeys, then
//! renames it over the old file: a crash in between leaves both, and [`KdfFile::candidates`] tries
//! the old and the new, so the database never becomes unreadable.

use argon2::{Algorithm, Argon2, Params, Version};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// At least this many characters (about four short words): long enough to resist guessing on a
/// stolen laptop with Argon2id in front of it, short enough to type at every start.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// Argon2id parameters and salt, as stored beside the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub algorithm: String,
    pub version: u32,
    /// Memory in KiB.
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
    pub salt_hex: String,
}

impl KdfParams {
    /// Fresh parameters with a random salt: 64 MiB, 3 passes (OWASP's Argon2id guidance; about
    /// half a second on a modest laptop).
    pub fn generate() -> Self {
        let mut salt = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut salt);
        Self {
            algorithm: "argon2id".into(),
            version: 0x13,
            memory_kib: 64 * 1024,
            iterations: 3,
            parallelism: 1,
            salt_hex: hex::encode(salt),
        }
    }

    /// The key this passphrase gives under these parameters.
    pub fn derive(&self, passphrase: &str) -> Result<DbKey, CryptError> {
        if self.algorithm != "argon2id" || self.version != 0x13 {
            return Err(CryptError::UnknownParameters);
        }
        let salt = hex::decode(&self.salt_hex).map_err(|_| CryptError::UnknownParameters)?;
        let params = Params::new(self.memory_kib, self.iterations, self.parallelism, Some(32))
            .map_err(|_| CryptError::UnknownParameters)?;
        let mut key = Zeroizing::new([0u8; 32]);
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(passphrase.as_bytes(), &salt, key.as_mut())
            .map_err(|_| CryptError::UnknownParameters)?;
        Ok(DbKey { key, params: self.clone() })
    }
}

/// A raw SQLCipher key, with the parameters that derived it (a backup carries them along).
#[derive(Clone)]
pub struct DbKey {
    key: Zeroizing<[u8; 32]>,
    params: KdfParams,
}

impl DbKey {
    /// The value for `PRAGMA key` / `rekey` / `ATTACH … KEY`: a raw key, so SQLCipher skips its own
    /// derivation.
    pub(crate) fn pragma_value(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("x'{}'", hex::encode(self.key.as_ref())))
    }

    pub fn params(&self) -> &KdfParams {
        &self.params
    }

    /// The key's 32 bytes (sealed for a recovery code, or a code's secret key).
    pub(crate) fn raw(&self) -> &[u8; 32] {
        &self.key
    }

    /// A key unsealed with a recovery code, under the database's passphrase parameters.
    pub(crate) fn from_raw(key: Zeroizing<[u8; 32]>, params: KdfParams) -> Self {
        Self { key, params }
    }

    /// True when both are the same key (a typed passphrase checked against the open one).
    pub fn same_as(&self, other: &DbKey) -> bool {
        self.key.as_ref() == other.key.as_ref()
    }
}

impl std::fmt::Debug for DbKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbKey(…)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CryptError {
    #[error("the key file is not one this app can read")]
    UnknownParameters,
    /// The recovery code does not open the key sealed beside the database.
    #[error("the recovery code does not fit this database")]
    WrongCode,
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The key-derivation file(s) beside a database file.
pub struct KdfFile {
    current: PathBuf,
    next: PathBuf,
}

impl KdfFile {
    pub fn beside(database: &Path) -> Self {
        let name = database.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        Self {
            current: database.with_file_name(format!("{name}.kdf.json")),
            next: database.with_file_name(format!("{name}.kdf.next.json")),
        }
    }

    /// True when the database has a passphrase (its parameters exist).
    pub fn exists(&self) -> bool {
        self.current.exists() || self.next.exists()
    }

    /// The parameters to try, the current first; a half-finished passphrase change adds the next.
    pub fn candidates(&self) -> Result<Vec<KdfParams>, CryptError> {
        let mut out = Vec::new();
        for path in [&self.current, &self.next] {
            if path.exists() {
                let text = std::fs::read_to_string(path)?;
                out.push(serde_json::from_str(&text).map_err(|_| CryptError::UnknownParameters)?);
            }
        }
        Ok(out)
    }

    /// The current parameters, if they can be read (a backup has only these).
    pub fn current(&self) -> Option<KdfParams> {
        self.candidates().ok()?.into_iter().next()
    }

    /// Writes the parameters as the current ones (through a temporary file and a rename).
    pub fn write_current(&self, params: &KdfParams) -> Result<(), CryptError> {
        write_params(&self.current, params)?;
        let _ = std::fs::remove_file(&self.next);
        Ok(())
    }

    /// Step one of a passphrase change: the new parameters, beside the current ones.
    pub fn write_next(&self, params: &KdfParams) -> Result<(), CryptError> {
        write_params(&self.next, params)
    }

    /// Step three: the new parameters become the current ones.
    pub fn promote_next(&self) -> Result<(), CryptError> {
        std::fs::rename(&self.next, &self.current)?;
        Ok(())
    }

    /// A passphrase change that did not happen: forget its parameters.
    pub fn discard_next(&self) {
        let _ = std::fs::remove_file(&self.next);
    }

    /// Copies the current parameters beside another database file (a backup).
    pub fn copy_to(&self, database: &Path, params: &KdfParams) -> Result<(), CryptError> {
        write_params(&KdfFile::beside(database).current, params)
    }

    /// Removes the parameter files (when the database itself is removed).
    pub fn remove(&self) {
        let _ = std::fs::remove_file(&self.current);
        let _ = std::fs::remove_file(&self.next);
    }
}

fn write_params(path: &Path, params: &KdfParams) -> Result<(), CryptError> {
    write_synced(path, serde_json::to_string_pretty(params).map_err(|_| CryptError::UnknownParameters)?.as_bytes())
}

/// Writes a small file whole: a temporary file beside it, synced, then renamed over it, and the
/// folder synced.
pub(crate) fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), CryptError> {
    use std::io::Write;
    let tmp = path.with_extension("tmp");
    let mut file = std::fs::File::create(&tmp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    std::fs::rename(&tmp, path)?;
    // The rename itself must be on disk before a rekey relies on it. (Windows cannot open a folder
    // this way and keeps renames in its journal; there the attempt is skipped.)
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if let Ok(folder) = std::fs::File::open(folder) {
            let _ = folder.sync_all();
        }
    }
    Ok(())
}

/// Keys a fresh connection. SQLCipher's own log stays quiet: a wrong passphrase is an expected
/// answer here ("file is not a database"), not an error to print on the terminal.
pub(crate) fn apply_key(conn: &rusqlite::Connection, key: &DbKey) -> rusqlite::Result<()> {
    conn.pragma_update(None, "cipher_log_level", "NONE")?;
    conn.pragma_update(None, "key", &*key.pragma_value())
}

/// True when the file starts as a plain SQLite database does; an encrypted one looks like noise.
pub fn is_plain_sqlite(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 16];
    std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header)).is_ok() && &header == b"SQLite format 3\0"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_passphrase_and_salt_give_the_same_key_and_others_do_not() {
        let p = KdfParams { memory_kib: 1024, iterations: 1, ..KdfParams::generate() };
        let a = p.derive("correct horse battery").unwrap();
        assert_eq!(*a.pragma_value(), *p.derive("correct horse battery").unwrap().pragma_value());
        assert_ne!(*a.pragma_value(), *p.derive("correct horse batterY").unwrap().pragma_value());
        let other_salt = KdfParams { memory_kib: 1024, iterations: 1, ..KdfParams::generate() };
        assert_ne!(*a.pragma_value(), *other_salt.derive("correct horse battery").unwrap().pragma_value());
        assert!(a.pragma_value().starts_with("x'") && a.pragma_value().len() == 67);
        assert_eq!(format!("{a:?}"), "DbKey(…)", "a key never shows in logs");
    }

    #[test]
    fn a_half_finished_change_offers_both_parameter_sets() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("d.sqlite");
        let kdf = KdfFile::beside(&db);
        assert!(!kdf.exists());
        let (old, new) = (KdfParams::generate(), KdfParams::generate());
        kdf.write_current(&old).unwrap();
        kdf.write_next(&new).unwrap();
        assert_eq!(kdf.candidates().unwrap(), vec![old, new.clone()]);
        kdf.promote_next().unwrap();
        assert_eq!(kdf.candidates().unwrap(), vec![new]);
    }
}
