//! The recovery code: 20 letters and digits a coordinator keeps on paper, which open the database
//! when the passphrase is forgotten.
//!
//! The code becomes (through Argon2id, like a passphrase) the secret half of an X25519 key pair.
//! Only the public half is kept, in `<file>.recovery.json` beside the database, with the database
//! key sealed to it (libsodium's sealed box). Sealing needs only the public half, so a passphrase
//! change seals the new key without asking for the code: the paper keeps working. The file holds
//! nothing that opens the database without the code.
//!
//! A key change seals the new key beside the old one first and drops the old one after, so a crash
//! in between leaves a file that opens whichever key the database has.

use crate::crypt::{CryptError, DbKey, KdfParams};
use chrono::NaiveDate;
use crypto_box::{PublicKey, SecretKey};
use rand::Rng;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// Crockford's base32: no I, L, O or U, so nothing on paper reads as something else.
pub(crate) const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// 20 characters of 5 bits: 100 bits, with Argon2id in front of every guess.
pub(crate) const LENGTH: usize = 20;

/// A recovery code, normalised: 20 characters of [`ALPHABET`].
pub struct RecoveryCode(Zeroizing<String>);

impl RecoveryCode {
    pub fn generate() -> Self {
        let mut rng = rand::rngs::OsRng;
        Self(Zeroizing::new((0..LENGTH).map(|_| ALPHABET[rng.gen_range(0..32)] as char).collect()))
    }

    /// Reads a code as typed: case, spaces and dashes do not matter, and O, I and L read as 0, 1
    /// and 1 (Crockford's rule). `None` when it is not 20 such characters.
    pub fn parse(typed: &str) -> Option<Self> {
        let code: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            })
            .collect();
        let sound = code.len() == LENGTH && code.bytes().all(|b| ALPHABET.contains(&b));
        sound.then(|| Self(Zeroizing::new(code)))
    }

    /// In five groups of four, as printed: `K7QF-3MZP-W8TD-A2XN-H6RB`.
    pub fn grouped(&self) -> Zeroizing<String> {
        let chars: Vec<char> = self.0.chars().collect();
        Zeroizing::new(chars.chunks(4).map(|g| g.iter().collect::<String>()).collect::<Vec<_>>().join("-"))
    }

    fn secret(&self, kdf: &KdfParams) -> Result<SecretKey, CryptError> {
        Ok(SecretKey::from(*kdf.derive(&self.0)?.raw()))
    }
}

/// What `<file>.recovery.json` holds.
#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    created_on: NaiveDate,
    /// How the code becomes the secret key (its salt; not secret).
    kdf: KdfParams,
    public_key_hex: String,
    /// The database key sealed to the public key; two during a key change.
    sealed_keys_hex: Vec<String>,
}

/// The recovery file beside a database file.
pub struct RecoveryFile {
    path: PathBuf,
}

impl RecoveryFile {
    pub fn beside(database: &Path) -> Self {
        let name = database.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        Self { path: database.with_file_name(format!("{name}.recovery.json")) }
    }

    /// The day the current code was made, when there is one.
    pub fn created_on(&self) -> Option<NaiveDate> {
        self.read().ok().map(|s| s.created_on)
    }

    /// A new code for the database `key` opens, replacing any earlier one (which stops working).
    pub fn create(&self, key: &DbKey, today: NaiveDate) -> Result<RecoveryCode, CryptError> {
        let code = RecoveryCode::generate();
        let kdf = KdfParams::generate();
        let public = code.secret(&kdf)?.public_key();
        let stored = Stored {
            version: 1,
            created_on: today,
            kdf,
            public_key_hex: hex::encode(public.as_bytes()),
            sealed_keys_hex: vec![seal(&public, key)?],
        };
        self.write(&stored)?;
        Ok(code)
    }

    /// Step one of a key change: `key` is sealed too, beside the current key. Nothing happens
    /// when there is no code.
    pub fn add_key(&self, key: &DbKey) -> Result<(), CryptError> {
        self.reseal(|stored, sealed| stored.sealed_keys_hex.push(sealed), key)
    }

    /// After a key change (or a restore, or a recovery): only `key` stays sealed. Nothing happens
    /// when there is no code.
    pub fn keep_only(&self, key: &DbKey) -> Result<(), CryptError> {
        self.reseal(|stored, sealed| stored.sealed_keys_hex = vec![sealed], key)
    }

    /// The keys `code` unseals, each with the passphrase parameters `params` (the caller tries
    /// which one opens the database). `WrongCode` when the code unseals none.
    pub fn open(&self, code: &RecoveryCode, params: &KdfParams) -> Result<Vec<DbKey>, CryptError> {
        let stored = self.read()?;
        let secret = code.secret(&stored.kdf)?;
        let keys: Vec<DbKey> = stored
            .sealed_keys_hex
            .iter()
            .filter_map(|sealed| {
                let opened = Zeroizing::new(secret.unseal(&hex::decode(sealed).ok()?).ok()?);
                let raw: [u8; 32] = opened.as_slice().try_into().ok()?;
                Some(DbKey::from_raw(Zeroizing::new(raw), params.clone()))
            })
            .collect();
        if keys.is_empty() {
            Err(CryptError::WrongCode)
        } else {
            Ok(keys)
        }
    }

    /// The file as it is now, to keep beside a backup: the backup then opens with the code too.
    pub(crate) fn snapshot(&self) -> Option<Vec<u8>> {
        std::fs::read(&self.path).ok()
    }

    /// Puts a [`RecoveryFile::snapshot`] in place (beside a backup).
    pub(crate) fn restore_snapshot(&self, bytes: &[u8]) -> Result<(), CryptError> {
        crate::crypt::write_synced(&self.path, bytes)
    }

    /// Copies the file, if there is one, beside another copy of the database (a second location).
    pub fn copy_beside(&self, database: &Path) -> Result<(), CryptError> {
        match self.snapshot() {
            Some(bytes) => RecoveryFile::beside(database).restore_snapshot(&bytes),
            None => Ok(()),
        }
    }

    /// Removes the file (a database without a passphrase has nothing to recover).
    pub fn remove(&self) {
        let _ = std::fs::remove_file(&self.path);
    }

    fn reseal(&self, change: impl FnOnce(&mut Stored, String), key: &DbKey) -> Result<(), CryptError> {
        if !self.path.exists() {
            return Ok(());
        }
        let mut stored = self.read()?;
        let public: [u8; 32] = hex::decode(&stored.public_key_hex)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or(CryptError::UnknownParameters)?;
        let sealed = seal(&PublicKey::from(public), key)?;
        change(&mut stored, sealed);
        self.write(&stored)
    }

    fn read(&self) -> Result<Stored, CryptError> {
        let text = std::fs::read_to_string(&self.path)?;
        serde_json::from_str(&text).map_err(|_| CryptError::UnknownParameters)
    }

    fn write(&self, stored: &Stored) -> Result<(), CryptError> {
        let text = serde_json::to_string_pretty(stored).map_err(|_| CryptError::UnknownParameters)?;
        crate::crypt::write_synced(&self.path, text.as_bytes())
    }
}

fn seal(public: &PublicKey, key: &DbKey) -> Result<String, CryptError> {
    let sealed = public.seal(&mut crypto_box::aead::OsRng, key.raw()).map_err(|_| CryptError::UnknownParameters)?;
    Ok(hex::encode(sealed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quick(params: KdfParams) -> KdfParams {
        KdfParams { memory_kib: 1024, iterations: 1, ..params }
    }

    fn key(passphrase: &str) -> DbKey {
        quick(KdfParams::generate()).derive(passphrase).unwrap()
    }

    #[test]
    fn a_code_is_twenty_unambiguous_characters_read_back_however_typed() {
        let code = RecoveryCode::generate();
        let grouped = code.grouped();
        assert_eq!(grouped.len(), 24);
        assert_eq!(grouped.matches('-').count(), 4);
        assert!(!grouped.contains(['I', 'L', 'O', 'U']));
        let typed = grouped.to_lowercase().replace('-', " ");
        assert_eq!(*RecoveryCode::parse(&typed).unwrap().0, *code.0);
        assert_eq!(*RecoveryCode::parse("oooo-iiii-llll-0000-1111").unwrap().0, "00001111111100001111");
        for bad in
            ["", "ABCD-EFGH", "ABCD-EFGH-JKMN-PQRS-TVWXY", "ABCD-EFGH-JKMN-PQRS-TVWU", "ABCD-EFGH-JKMN-PQRS-TVW!"]
        {
            assert!(RecoveryCode::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn the_code_unseals_the_key_and_a_wrong_code_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = RecoveryFile::beside(&dir.path().join("db.sqlite"));
        let k = key("een lange wachtwoordzin");
        let code = file.create(&k, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()).unwrap();
        let opened = file.open(&code, k.params()).unwrap();
        assert_eq!(opened.len(), 1);
        assert!(opened[0].same_as(&k));
        assert!(matches!(file.open(&RecoveryCode::generate(), k.params()), Err(CryptError::WrongCode)));
        let text = std::fs::read_to_string(&file.path).unwrap();
        assert!(!text.contains(&hex::encode(k.raw())), "the key is never stored as it is");
        assert!(!text.contains(code.0.as_str()), "nor the code");
        assert_eq!(file.created_on(), NaiveDate::from_ymd_opt(2026, 12, 1));
    }

    #[test]
    fn a_key_change_keeps_the_code_working_without_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = RecoveryFile::beside(&dir.path().join("db.sqlite"));
        let (old, new) = (key("de oude wachtwoordzin"), key("de nieuwe wachtwoordzin"));
        let code = file.create(&old, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()).unwrap();
        file.add_key(&new).unwrap();
        let during: Vec<bool> = file.open(&code, old.params()).unwrap().iter().map(|k| k.same_as(&new)).collect();
        assert_eq!(during, [false, true], "mid-change, both keys are there");
        file.keep_only(&new).unwrap();
        let after = file.open(&code, new.params()).unwrap();
        assert_eq!(after.len(), 1);
        assert!(after[0].same_as(&new));
        // A new code replaces the old one.
        let newer = file.create(&new, NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()).unwrap();
        assert!(matches!(file.open(&code, new.params()), Err(CryptError::WrongCode)));
        assert!(file.open(&newer, new.params()).is_ok());
    }

    #[test]
    fn without_a_code_a_key_change_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = RecoveryFile::beside(&dir.path().join("db.sqlite"));
        file.add_key(&key("een lange wachtwoordzin")).unwrap();
        file.keep_only(&key("een lange wachtwoordzin")).unwrap();
        assert!(!file.path.exists());
        assert_eq!(file.created_on(), None);
    }
}
