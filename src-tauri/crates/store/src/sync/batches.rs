//! Batches out and in: sealing the outbox into this laptop's next batch, and opening another
//! laptop's batch (or a snapshot) after checking whose branch and which key it claims.

use super::seal::{self, Header, Kind};
use super::snapshot::Snapshot;
use super::SyncError;
use super::{signature, state};
use draagkracht_core::sync::{BatchBody, NodeId, Op, VersionVector};
use rusqlite::{Connection, Transaction};
use std::collections::BTreeMap;

/// Seals what waits in the outbox into this laptop's next batch and keeps it until it is
/// delivered; `None` when nothing waits.
pub fn seal_outbox(tx: &Transaction, written_at: &str) -> Result<Option<u64>, SyncError> {
    let me = state::require(tx)?;
    let ops = state::outbox(tx)?;
    if ops.is_empty() {
        return Ok(None);
    }
    let mut after = state::seen(tx)?;
    let seq = after.remove(&me.node).unwrap_or(0) + 1;
    after.retain(|_, s| *s > 0);
    let body = BatchBody {
        device_name: me.device_name.clone(),
        written_at: written_at.to_string(),
        after,
        ops,
        public_key: Some(super::epochs::own_public_hex(tx)?),
        verify_key: Some(own_verify_key(tx)?),
    };
    let key = state::key(tx, me.epoch)?.ok_or(SyncError::UnknownEpoch(me.epoch))?;
    let json = serde_json::to_vec(&body).map_err(|e| SyncError::Format(e.to_string()))?;
    let header = Header { kind: Kind::Batch, branch: me.branch_id, node: me.node, seq, epoch: me.epoch };
    let signed = signature::sign(tx, seal::seal(&key, &header, &json))?;
    state::keep_sealed(tx, me.node, seq, me.epoch, &signed)?;
    Ok(Some(seq))
}

/// An announcement: an empty batch that tells the others this laptop exists (after joining).
pub fn seal_announcement(tx: &Transaction, written_at: &str) -> Result<u64, SyncError> {
    let me = state::require(tx)?;
    let mut after = state::seen(tx)?;
    let seq = after.remove(&me.node).unwrap_or(0) + 1;
    after.retain(|_, s| *s > 0);
    let body = BatchBody {
        device_name: me.device_name.clone(),
        written_at: written_at.to_string(),
        after,
        ops: vec![],
        public_key: Some(super::epochs::own_public_hex(tx)?),
        verify_key: Some(own_verify_key(tx)?),
    };
    let key = state::key(tx, me.epoch)?.ok_or(SyncError::UnknownEpoch(me.epoch))?;
    let json = serde_json::to_vec(&body).map_err(|e| SyncError::Format(e.to_string()))?;
    let header = Header { kind: Kind::Batch, branch: me.branch_id, node: me.node, seq, epoch: me.epoch };
    let signed = signature::sign(tx, seal::seal(&key, &header, &json))?;
    state::keep_sealed(tx, me.node, seq, me.epoch, &signed)?;
    Ok(seq)
}

/// This laptop's verifying key, kept for itself too (its own batches are opened again when an
/// older copy takes them back).
fn own_verify_key(tx: &Transaction) -> Result<String, SyncError> {
    let me = state::require(tx)?;
    let hex = signature::own_verify_hex(tx)?;
    signature::keep(tx, me.node, &hex)?;
    Ok(hex)
}

/// Opens a sealed file of this branch: checks the branch, finds the epoch's key, decrypts.
fn open_sealed(
    conn: &Connection,
    sealed: &[u8],
    kind: Kind,
) -> Result<(Header, zeroize::Zeroizing<Vec<u8>>), SyncError> {
    let me = state::require(conn)?;
    let header = Header::read(sealed)?;
    if header.branch != me.branch_id {
        return Err(SyncError::OtherBranch);
    }
    if header.kind != kind {
        return Err(SyncError::Format(format!("{:?} where a {kind:?} was expected", header.kind)));
    }
    let key = state::key(conn, header.epoch)?.ok_or(SyncError::UnknownEpoch(header.epoch))?;
    seal::open(&key, sealed)
}

/// Opens another laptop's batch and checks that laptop signed it.
pub fn open_batch(conn: &Connection, signed: &[u8]) -> Result<(Header, BatchBody), SyncError> {
    let (sealed, sig) = signature::split(signed)?;
    let (header, json) = open_sealed(conn, sealed, Kind::Batch)?;
    let body: BatchBody = serde_json::from_slice(&json).map_err(|e| SyncError::Format(e.to_string()))?;
    signature::check(conn, header.node, sealed, &sig, body.verify_key.as_deref())?;
    Ok((header, body))
}

/// Seals a snapshot of the shared data as this laptop holds it now.
pub fn seal_snapshot(conn: &Connection) -> Result<(Header, Vec<u8>, usize), SyncError> {
    let me = state::require(conn)?;
    let snapshot = super::snapshot::take(conn)?;
    let records = snapshot.records();
    let json = zeroize::Zeroizing::new(serde_json::to_vec(&snapshot).map_err(|e| SyncError::Format(e.to_string()))?);
    let key = state::key(conn, me.epoch)?.ok_or(SyncError::UnknownEpoch(me.epoch))?;
    let seq = snapshot.seen.get(&me.node).copied().unwrap_or(0);
    let header = Header { kind: Kind::Snapshot, branch: me.branch_id, node: me.node, seq, epoch: me.epoch };
    Ok((header, signature::sign(conn, seal::seal(&key, &header, &json))?, records))
}

/// Opens a snapshot with a key given (a laptop that joins has no database key row yet), signed by
/// a laptop whose verifying key is in `verify_keys` (the invitation names them).
pub fn open_snapshot(
    key: &[u8; 32],
    signed: &[u8],
    verify_keys: &BTreeMap<NodeId, String>,
) -> Result<(Header, Snapshot), SyncError> {
    let (sealed, sig) = signature::split(signed)?;
    let (header, json) = seal::open(key, sealed)?;
    if header.kind != Kind::Snapshot {
        return Err(SyncError::Format("not a snapshot".into()));
    }
    signature::verify(verify_keys.get(&header.node).ok_or(SyncError::Unsigned)?, sealed, &sig)?;
    let snapshot = serde_json::from_slice(&json).map_err(|e| SyncError::Format(e.to_string()))?;
    Ok((header, snapshot))
}

/// Seals what this laptop has applied, for the others' compaction.
pub fn seal_applied(conn: &Connection) -> Result<Vec<u8>, SyncError> {
    let me = state::require(conn)?;
    let seen = state::seen(conn)?;
    let json = serde_json::to_vec(&seen).map_err(|e| SyncError::Format(e.to_string()))?;
    let key = state::key(conn, me.epoch)?.ok_or(SyncError::UnknownEpoch(me.epoch))?;
    let seq = seen.get(&me.node).copied().unwrap_or(0);
    let header = Header { kind: Kind::Applied, branch: me.branch_id, node: me.node, seq, epoch: me.epoch };
    Ok(signature::sign(conn, seal::seal(&key, &header, &json))?)
}

/// Opens another laptop's "applied" file — its version vector — with the branch keys given and
/// that laptop's verifying key as kept (a laptop not heard from yet has none: its file is not read).
pub fn open_applied(
    keys: &BTreeMap<u32, zeroize::Zeroizing<[u8; 32]>>,
    verify_hex: &str,
    signed: &[u8],
) -> Result<(Header, VersionVector), SyncError> {
    let (sealed, sig) = signature::split(signed)?;
    let header = Header::read(sealed)?;
    if header.kind != Kind::Applied {
        return Err(SyncError::Format("not an applied file".into()));
    }
    let key = keys.get(&header.epoch).ok_or(SyncError::UnknownEpoch(header.epoch))?;
    signature::verify(verify_hex, sealed, &sig)?;
    let (header, json) = seal::open(key, sealed)?;
    let seen = serde_json::from_slice(&json).map_err(|e| SyncError::Format(e.to_string()))?;
    Ok((header, seen))
}

/// This laptop runs on an older copy of its database (a backup put back) while the shared place
/// already holds later batches of it: the batches sealed here but not delivered carry numbers the
/// place has given to others. Takes them back: their fields go into the outbox again (those `keep`
/// accepts; the later batches hold the rest) and this laptop's own number goes back to the last
/// batch delivered, so the later batches can be applied here like a colleague's, and the next
/// sync numbers after them. Returns the number this laptop is back at.
pub fn take_back_undelivered(tx: &Transaction, keep: impl Fn(&Op) -> bool) -> Result<u64, SyncError> {
    let me = state::require(tx)?;
    let undelivered = state::undelivered(tx)?;
    let own = state::seen(tx)?.get(&me.node).copied().unwrap_or(0);
    let Some(first) = undelivered.first().map(|(seq, _, _)| *seq) else {
        return Ok(own);
    };
    let mut insert = tx.prepare_cached(
        "INSERT INTO sync_outbox (tbl, row_key, col, val, hlc, base_hlc, base_node) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (_, _, sealed) in &undelivered {
        let (_, body) = open_batch(tx, sealed)?;
        for op in body.ops.iter().filter(|op| keep(op)) {
            insert.execute(rusqlite::params![
                op.table,
                op.row,
                op.column,
                super::values::Sql(&op.value),
                op.hlc.0 as i64,
                op.base.hlc.0 as i64,
                op.base.node.to_string(),
            ])?;
        }
    }
    tx.execute("DELETE FROM sync_sealed WHERE pushed = 0", [])?;
    let back = first - 1;
    tx.execute(
        "UPDATE sync_devices SET applied_seq = ?2 WHERE node = ?1",
        rusqlite::params![me.node.to_string(), back as i64],
    )?;
    Ok(back)
}
