//! Each laptop signs what it writes to the shared place — batches, its "applied" file, snapshots —
//! with an Ed25519 key of its own (`ed25519-dalek`), so no laptop can write under another's name.
//! The branch key only says "a laptop of this branch"; a removed laptop still holds the keys of
//! the epochs before its removal, and with a folder it may still be able to write there.
//!
//! A signed file is the sealed file followed by the 64-byte signature over all of it (header,
//! nonce, ciphertext). A laptop's verifying key travels inside its sealed batches and snapshots and
//! is kept as first seen (`sync_devices.verify_key`); a laptop that joins learns the inviter's from
//! the invitation, which the join code authenticates.

use super::SyncError;
use crate::StoreError;
use draagkracht_core::sync::NodeId;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey, SIGNATURE_LENGTH};
use rand::RngCore;
use rusqlite::{Connection, OptionalExtension};
use zeroize::Zeroizing;

/// This laptop's signing key, made on first use.
fn own_key(conn: &Connection) -> Result<SigningKey, StoreError> {
    let raw: Option<Zeroizing<Vec<u8>>> = conn
        .query_row("SELECT signing_secret FROM sync_self", [], |r| r.get::<_, Option<Vec<u8>>>(0))
        .optional()?
        .flatten()
        .map(Zeroizing::new);
    if let Some(bytes) = raw.as_deref().and_then(|v| <[u8; 32]>::try_from(v.as_slice()).ok()) {
        return Ok(SigningKey::from_bytes(&bytes));
    }
    let mut secret = Zeroizing::new([0u8; 32]);
    rand::rngs::OsRng.fill_bytes(secret.as_mut());
    conn.execute("UPDATE sync_self SET signing_secret = ?1", [secret.as_slice()])?;
    Ok(SigningKey::from_bytes(&secret))
}

/// This laptop's verifying key, hex, for the others.
pub fn own_verify_hex(conn: &Connection) -> Result<String, StoreError> {
    Ok(hex::encode(own_key(conn)?.verifying_key().as_bytes()))
}

/// `sealed` with this laptop's signature appended.
pub fn sign(conn: &Connection, mut sealed: Vec<u8>) -> Result<Vec<u8>, StoreError> {
    let signature = own_key(conn)?.sign(&sealed);
    sealed.extend_from_slice(&signature.to_bytes());
    Ok(sealed)
}

/// The sealed part of a signed file and its signature.
pub fn split(signed: &[u8]) -> Result<(&[u8], Signature), SyncError> {
    if signed.len() < SIGNATURE_LENGTH {
        return Err(SyncError::Format("too short".into()));
    }
    let (sealed, signature) = signed.split_at(signed.len() - SIGNATURE_LENGTH);
    Ok((sealed, Signature::from_slice(signature).map_err(|_| SyncError::Unsigned)?))
}

/// Checks that `signature` over `sealed` was made with the key `verify_hex`.
pub fn verify(verify_hex: &str, sealed: &[u8], signature: &Signature) -> Result<(), SyncError> {
    let bytes = hex::decode(verify_hex).map_err(|_| SyncError::Unsigned)?;
    let key = <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| SyncError::Unsigned)?;
    let key = VerifyingKey::from_bytes(&key).map_err(|_| SyncError::Unsigned)?;
    key.verify_strict(sealed, signature).map_err(|_| SyncError::Unsigned)
}

/// The verifying key kept for `node`, if any was seen.
pub fn known(conn: &Connection, node: NodeId) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row("SELECT verify_key FROM sync_devices WHERE node = ?1", [node.to_string()], |r| r.get(0))
        .optional()?
        .flatten())
}

/// Checks a signed file of `node`: against the key kept for it, or — when none was seen yet — the
/// key the file itself carries (which is then the one kept, once the file is applied).
pub fn check(
    conn: &Connection,
    node: NodeId,
    sealed: &[u8],
    signature: &Signature,
    carried: Option<&str>,
) -> Result<(), SyncError> {
    match (known(conn, node)?, carried) {
        (Some(kept), Some(carried)) if kept != carried => Err(SyncError::Unsigned),
        (Some(kept), _) => verify(&kept, sealed, signature),
        (None, Some(carried)) => verify(carried, sealed, signature),
        (None, None) => Err(SyncError::Unsigned),
    }
}

/// Keeps `node`'s verifying key as first seen: a later one does not replace it.
pub fn keep(tx: &Connection, node: NodeId, verify_hex: &str) -> Result<(), StoreError> {
    tx.prepare_cached("UPDATE sync_devices SET verify_key = ?2 WHERE node = ?1 AND verify_key IS NULL")?
        .execute(rusqlite::params![node.to_string(), verify_hex])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_holds_only_for_the_same_bytes_and_key() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let other = SigningKey::from_bytes(&[8; 32]);
        let hex_of = |k: &SigningKey| hex::encode(k.verifying_key().as_bytes());
        let mut signed = b"sealed bytes".to_vec();
        signed.extend_from_slice(&key.sign(b"sealed bytes").to_bytes());
        let (sealed, signature) = split(&signed).unwrap();
        assert_eq!(sealed, b"sealed bytes");
        assert!(verify(&hex_of(&key), sealed, &signature).is_ok());
        assert!(matches!(verify(&hex_of(&other), sealed, &signature), Err(SyncError::Unsigned)));
        assert!(matches!(verify(&hex_of(&key), b"sealed bytez", &signature), Err(SyncError::Unsigned)));
        assert!(matches!(split(b"short"), Err(SyncError::Format(_))));
    }
}
