//! What this laptop needs to publish the branch's monthly figures (issue 17): the programme kind of
//! each programme, the Ed25519 key that signs publication files (made on first use, never leaves
//! the encrypted database), the branch account's address, and the record of what was published when.

use crate::StoreError;
use draagkracht_core::national::OTHER_KIND;
use draagkracht_core::ProgrammeId;
use ed25519_dalek::{Signer, SigningKey};
use rand::RngCore;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;
use zeroize::Zeroizing;

/// Each programme's kind: the key of the default it was seeded from, or [`OTHER_KIND`].
pub fn programme_kinds(conn: &Connection) -> Result<HashMap<ProgrammeId, String>, StoreError> {
    let mut stmt = conn.prepare("SELECT id, seed_key FROM programmes")?;
    let rows = stmt.query_map([], |r| {
        let id: String = r.get(0)?;
        let key: Option<String> = r.get(1)?;
        Ok((id, key))
    })?;
    let mut kinds = HashMap::new();
    for row in rows {
        let (id, key) = row?;
        if let Ok(id) = id.parse() {
            kinds.insert(ProgrammeId(id), key.unwrap_or_else(|| OTHER_KIND.to_string()));
        }
    }
    Ok(kinds)
}

fn signing_key(conn: &Connection) -> Result<SigningKey, StoreError> {
    let raw: Option<Zeroizing<Vec<u8>>> = conn
        .query_row("SELECT signing_secret FROM national_publishing", [], |r| r.get::<_, Option<Vec<u8>>>(0))
        .optional()?
        .flatten()
        .map(Zeroizing::new);
    if let Some(bytes) = raw.as_deref().and_then(|v| <[u8; 32]>::try_from(v.as_slice()).ok()) {
        return Ok(SigningKey::from_bytes(&bytes));
    }
    let mut secret = Zeroizing::new([0u8; 32]);
    rand::rngs::OsRng.fill_bytes(secret.as_mut());
    conn.execute(
        "INSERT INTO national_publishing (only, signing_secret) VALUES (1, ?1)
         ON CONFLICT (only) DO UPDATE SET signing_secret = excluded.signing_secret",
        params![secret.as_slice()],
    )?;
    Ok(SigningKey::from_bytes(&secret))
}

/// The signature of `content` with this laptop's publishing key, and that key's public half (made
/// on first use: call inside a write).
pub fn sign(conn: &Connection, content: &[u8]) -> Result<([u8; 64], [u8; 32]), StoreError> {
    let key = signing_key(conn)?;
    Ok((key.sign(content).to_bytes(), key.verifying_key().to_bytes()))
}

/// The branch account's server address as remembered (it holds the password; the database is
/// encrypted when the branch has a passphrase).
pub fn server_url(conn: &Connection) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row("SELECT server_url FROM national_publishing", [], |r| r.get::<_, Option<String>>(0))
        .optional()?
        .flatten())
}

/// Remembers (or with `None` forgets) the branch account's server address.
pub fn set_server_url(conn: &Connection, url: Option<&str>) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO national_publishing (only, server_url) VALUES (1, ?1)
         ON CONFLICT (only) DO UPDATE SET server_url = excluded.server_url",
        [url],
    )?;
    Ok(())
}

/// Notes that `months` (`2025-03`) were published at `at` (RFC 3339) `via` "server" or "file".
pub fn record(conn: &Connection, months: &[String], at: &str, via: &str) -> Result<(), StoreError> {
    let mut stmt = conn.prepare(
        "INSERT INTO national_published (month, published_at, via) VALUES (?1, ?2, ?3)
         ON CONFLICT (month) DO UPDATE SET published_at = excluded.published_at, via = excluded.via",
    )?;
    for month in months {
        stmt.execute(params![month, at, via])?;
    }
    Ok(())
}

/// What was published: (month, when, via), oldest month first.
pub fn published(conn: &Connection) -> Result<Vec<(String, String, String)>, StoreError> {
    let mut stmt = conn.prepare("SELECT month, published_at, via FROM national_published ORDER BY month")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Whether `signature` over `content` was made with `key` (a publication file's own).
pub fn verify(key: &[u8; 32], content: &[u8], signature: &[u8; 64]) -> bool {
    use ed25519_dalek::{Signature, Verifier, VerifyingKey};
    VerifyingKey::from_bytes(key).is_ok_and(|k| k.verify(content, &Signature::from_bytes(signature)).is_ok())
}

/// The SHA-256 of `bytes`: a publication file is taken in once by it.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).into()
}
