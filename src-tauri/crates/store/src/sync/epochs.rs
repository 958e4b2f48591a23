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

/// Plans removing `removed`: the next epoch's key, boxed for every remaining laptop whose public
/// key is known and for this one (so it can take its own file in again should the database write
/// after delivering it fail). Nothing changes here until [`commit_removal`]: the file goes to the
/// shared place first, so a place that refuses it (another laptop made this epoch meanwhile) or
/// cannot be reached leaves this laptop as it was. Laptops whose key is unknown (they never sent a
/// batch) are listed in `missing`: they must be invited again.
pub fn plan_removal(
    conn: &Connection,
    removed: NodeId,
) -> Result<(EpochKeys, Zeroizing<[u8; 32]>, Vec<NodeId>), SyncError> {
    let me = state::require(conn)?;
    let secret = own_secret(conn)?;
    let epoch = me.epoch + 1;
    let key = super::seal::new_key();
    let mut boxes = BTreeMap::new();
    let mut missing = vec![];
    boxes.insert(me.node, boxed(&SalsaBox::new(&secret.public_key(), &secret), &key)?);
    for device in
        state::devices(conn)?.into_iter().filter(|d| d.removed_at.is_none() && d.node != me.node && d.node != removed)
    {
        match device.public_key.as_deref().and_then(public_of) {
            Some(public) => {
                boxes.insert(device.node, boxed(&SalsaBox::new(&public, &secret), &key)?);
            }
            None => missing.push(device.node),
        }
    }
    let upto = state::seen(conn)?.get(&removed).copied().unwrap_or(0);
    let keys =
        EpochKeys { epoch, from: me.node, removed: vec![removed], removed_upto: [(removed, upto)].into(), boxes };
    Ok((keys, key, missing))
}

/// Takes a planned removal in here, once its file is at the shared place: marks the laptop
/// removed and starts sealing with the new key.
pub fn commit_removal(tx: &Transaction, keys: &EpochKeys, key: &[u8; 32], at: &str) -> Result<(), SyncError> {
    mark_removed(tx, keys, at)?;
    state::add_key(tx, keys.epoch, key)?;
    tx.execute("UPDATE sync_self SET epoch = max(epoch, ?1)", [keys.epoch])?;
    Ok(())
}

fn mark_removed(tx: &Transaction, keys: &EpochKeys, at: &str) -> Result<(), SyncError> {
    for node in &keys.removed {
        tx.execute(
            "UPDATE sync_devices SET removed_at = coalesce(removed_at, ?2) WHERE node = ?1",
            rusqlite::params![node.to_string(), at],
        )?;
        if removed_upto(tx, *node)?.is_none() {
            note_removed_upto(tx, *node, keys.removed_upto.get(node).copied().unwrap_or(0))?;
        }
    }
    Ok(())
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
    let devices = state::devices(tx)?;
    let sender_public = if keys.from == me.node {
        // Its own file (the database write after delivering it did not happen).
        Some(own_secret(tx)?.public_key())
    } else {
        devices
            .iter()
            .find(|d| d.node == keys.from && d.removed_at.is_none())
            .and_then(|d| d.public_key.as_deref().and_then(public_of))
    };
    let Some(public) = sender_public else { return Ok(None) };
    if state::key(tx, keys.epoch)?.is_some() {
        // The key is here already; a removal made at the same time by another laptop still counts.
        mark_removed(tx, keys, at)?;
        return Ok(Some(keys.epoch));
    }
    let Some(entry) = keys.boxes.get(&me.node).and_then(|h| hex::decode(h).ok()) else { return Ok(None) };
    if entry.len() < 24 {
        return Err(SyncError::Unreadable);
    }
    let with = SalsaBox::new(&public, &own_secret(tx)?);
    let nonce = crypto_box::Nonce::from_slice(&entry[..24]);
    let key = Zeroizing::new(with.decrypt(nonce, &entry[24..]).map_err(|_| SyncError::Unreadable)?);
    let key: [u8; 32] = key.as_slice().try_into().map_err(|_| SyncError::Unreadable)?;
    commit_removal(tx, keys, &key, at)?;
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
