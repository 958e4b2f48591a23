//! Removing a laptop (lost, stolen, a colleague who left): a new branch key, the next epoch, boxed
//! for each remaining laptop with crypto_box (X25519 + XSalsa20-Poly1305, libsodium's `crypto_box`)
//! from the remover's key pair to theirs. A box proves which laptop made it, so neither the folder
//! nor the removed laptop (which holds only the old keys and its own key pair) can hand the others
//! a key of its choosing. Whatever is sealed afterwards uses the new key: the removed laptop can
//! read nothing written after its removal. Its own later batches are ignored.

use super::state;
use super::SyncError;
use crate::StoreError;
use crypto_box::aead::{Aead, AeadCore, OsRng};
use crypto_box::{PublicKey, SalsaBox, SecretKey};
use draagkracht_core::sync::NodeId;
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use zeroize::Zeroizing;

/// A new epoch's key, boxed for every remaining laptop; kept at the shared place.
#[derive(Debug, Serialize, Deserialize)]
pub struct EpochKeys {
    pub epoch: u32,
    /// The laptop that made it (its key pair boxed the entries).
    pub from: NodeId,
    /// The laptops removed with this epoch.
    pub removed: Vec<NodeId>,
    /// How far the remover had applied each removed laptop's batches: those are still taken in
    /// everywhere (another laptop's batches may build on them); later ones are not.
    #[serde(default)]
    pub removed_upto: BTreeMap<NodeId, u64>,
    /// Per remaining laptop: nonce ‖ box, hex.
    pub boxes: BTreeMap<NodeId, String>,
}

/// This laptop's key pair, made on first use.
pub(crate) fn own_secret(conn: &Connection) -> Result<SecretKey, StoreError> {
    let raw: Option<Vec<u8>> =
        conn.query_row("SELECT device_secret FROM sync_self", [], |r| r.get(0)).optional()?.flatten();
    match raw.and_then(|v| <[u8; 32]>::try_from(v.as_slice()).ok()) {
        Some(bytes) => Ok(SecretKey::from(bytes)),
        None => {
            let secret = SecretKey::generate(&mut OsRng);
            conn.execute("UPDATE sync_self SET device_secret = ?1", [secret.to_bytes().as_slice()])?;
            Ok(secret)
        }
    }
}

/// This laptop's public key, hex, for the others (carried in every batch).
pub fn own_public_hex(conn: &Connection) -> Result<String, StoreError> {
    Ok(hex::encode(own_secret(conn)?.public_key().as_bytes()))
}

fn public_of(hex_key: &str) -> Option<PublicKey> {
    let bytes = hex::decode(hex_key).ok()?;
    Some(PublicKey::from(<[u8; 32]>::try_from(bytes.as_slice()).ok()?))
}

/// Removes `removed`: marks it, makes the next epoch's key, boxes it for every remaining laptop
/// whose public key is known, and starts sealing with it. Laptops whose key is unknown (they never
/// sent a batch) are listed in `missing`: they must be invited again.
pub fn remove_device(tx: &Transaction, removed: NodeId, at: &str) -> Result<(EpochKeys, Vec<NodeId>), SyncError> {
    let me = state::require(tx)?;
    let secret = own_secret(tx)?;
    let epoch = me.epoch + 1;
    let key = super::seal::new_key();
    tx.execute("UPDATE sync_devices SET removed_at = ?2 WHERE node = ?1", rusqlite::params![removed.to_string(), at])?;
    note_removed_upto(tx, removed, state::seen(tx)?.get(&removed).copied().unwrap_or(0))?;
    let mut boxes = BTreeMap::new();
    let mut missing = vec![];
    for device in state::devices(tx)?.into_iter().filter(|d| d.removed_at.is_none() && d.node != me.node) {
        match device.public_key.as_deref().and_then(public_of) {
            Some(public) => {
                boxes.insert(device.node, boxed(&SalsaBox::new(&public, &secret), &key)?);
            }
            None => missing.push(device.node),
        }
    }
    state::add_key(tx, epoch, &key)?;
    tx.execute("UPDATE sync_self SET epoch = ?1", [epoch])?;
    let upto = state::seen(tx)?.get(&removed).copied().unwrap_or(0);
    Ok((
        EpochKeys { epoch, from: me.node, removed: vec![removed], removed_upto: [(removed, upto)].into(), boxes },
        missing,
    ))
}

fn boxed(with: &SalsaBox, key: &[u8; 32]) -> Result<String, SyncError> {
    let nonce = SalsaBox::generate_nonce(&mut OsRng);
    let sealed = with.encrypt(&nonce, key.as_slice()).map_err(|_| SyncError::Unreadable)?;
    let mut out = nonce.to_vec();
    out.extend(sealed);
    Ok(hex::encode(out))
}

/// Takes in an epoch's keys found at the shared place: marks the removed laptops, and when the
/// file has a box for this laptop from a laptop still in the branch, adopts the new key. `None`
/// when this laptop was removed (or has no box): it can read nothing newer.
pub fn adopt(tx: &Transaction, keys: &EpochKeys, at: &str) -> Result<Option<u32>, SyncError> {
    let me = state::require(tx)?;
    if state::key(tx, keys.epoch)?.is_some() {
        return Ok(Some(keys.epoch));
    }
    let devices = state::devices(tx)?;
    let Some(sender) = devices.iter().find(|d| d.node == keys.from && d.removed_at.is_none()) else {
        return Ok(None);
    };
    let Some(public) = sender.public_key.as_deref().and_then(public_of) else { return Ok(None) };
    let Some(entry) = keys.boxes.get(&me.node).and_then(|h| hex::decode(h).ok()) else { return Ok(None) };
    if entry.len() < 24 {
        return Err(SyncError::Unreadable);
    }
    let with = SalsaBox::new(&public, &own_secret(tx)?);
    let nonce = crypto_box::Nonce::from_slice(&entry[..24]);
    let key = Zeroizing::new(with.decrypt(nonce, &entry[24..]).map_err(|_| SyncError::Unreadable)?);
    let key: [u8; 32] = key.as_slice().try_into().map_err(|_| SyncError::Unreadable)?;
    for node in &keys.removed {
        tx.execute(
            "UPDATE sync_devices SET removed_at = coalesce(removed_at, ?2) WHERE node = ?1",
            rusqlite::params![node.to_string(), at],
        )?;
        note_removed_upto(tx, *node, keys.removed_upto.get(node).copied().unwrap_or(0))?;
    }
    state::add_key(tx, keys.epoch, &key)?;
    tx.execute("UPDATE sync_self SET epoch = max(epoch, ?1)", [keys.epoch])?;
    Ok(Some(keys.epoch))
}

/// Keeps how far a removed laptop's batches are still taken in (a local setting per laptop).
fn note_removed_upto(tx: &Transaction, node: NodeId, upto: u64) -> Result<(), StoreError> {
    crate::settings::set(tx, &format!("sync_removed_upto_{node}"), &upto.to_string())
}

/// How far a removed laptop's batches are still taken in; `None` for a laptop not removed.
pub fn removed_upto(conn: &Connection, node: NodeId) -> Result<Option<u64>, StoreError> {
    Ok(crate::settings::get(conn, &format!("sync_removed_upto_{node}"))?.and_then(|v| v.parse().ok()))
}
