//! This laptop's place in a shared branch (`sync_self`), the branch keys (`sync_keys`), the laptops
//! it knows (`sync_devices`), what waits to be sent, and the "Twee versies" list.

use super::values::{from_ref, stamp};
use super::SyncError;
use crate::{settings, StoreError};
use draagkracht_core::sync::{Hlc, NodeId, Op, Stamp, Value, VersionVector, ROW_COLUMN};
use rusqlite::{Connection, OptionalExtension, Transaction};
use std::collections::BTreeMap;
use uuid::Uuid;
use zeroize::Zeroizing;

/// This laptop within its branch.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncSelf {
    pub branch_id: Uuid,
    pub node: NodeId,
    pub device_name: String,
    /// The key epoch batches are sealed with now.
    pub epoch: u32,
    /// Where the branch is shared (a folder path or a server address), as the api stored it.
    pub target: Option<String>,
    pub joined_at: String,
}

/// A laptop of the branch, as this one knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Device {
    pub node: NodeId,
    pub name: String,
    /// The last of its batches applied here (for this laptop: the last it sealed).
    pub applied_seq: u64,
    pub last_seen: Option<String>,
    pub removed_at: Option<String>,
    /// Its X25519 public key (hex), once a batch of it was seen.
    pub public_key: Option<String>,
    /// Its Ed25519 verifying key (hex), as first seen.
    pub verify_key: Option<String>,
}

/// A value that lost to a write made apart from it.
#[derive(Debug, Clone, PartialEq)]
pub struct TwoVersions {
    pub id: i64,
    pub table: String,
    pub row: String,
    pub column: String,
    /// The value the branch holds now, and who wrote it when.
    pub kept: Value,
    pub kept_stamp: Stamp,
    pub lost: Value,
    pub lost_stamp: Stamp,
    pub noticed_at: String,
}

pub fn get(conn: &Connection) -> Result<Option<SyncSelf>, StoreError> {
    Ok(conn
        .query_row("SELECT branch_id, node, device_name, epoch, target, joined_at FROM sync_self", [], |r| {
            Ok(SyncSelf {
                branch_id: crate::db::parsed(r, 0, |t| Uuid::parse_str(t).ok())?,
                node: crate::db::parsed(r, 1, NodeId::parse)?,
                device_name: r.get(2)?,
                epoch: r.get(3)?,
                target: r.get(4)?,
                joined_at: r.get(5)?,
            })
        })
        .optional()?)
}

pub fn require(conn: &Connection) -> Result<SyncSelf, SyncError> {
    get(conn)?.ok_or(SyncError::NotSharing)
}

/// Makes this laptop a member of a branch (the first one, or one that joins): its node id, name,
/// epoch key and target. The capture is on from here on.
pub fn begin(tx: &Transaction, me: &SyncSelf, key: &[u8; 32], clock: Hlc) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO sync_self (only, capture, branch_id, node, device_name, epoch, clock, target, joined_at)
         VALUES (1, 1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        rusqlite::params![
            me.branch_id.to_string(),
            me.node.to_string(),
            me.device_name,
            me.epoch,
            clock.0 as i64,
            me.target,
            me.joined_at
        ],
    )?;
    add_key(tx, me.epoch, key)?;
    let public = super::epochs::own_public_hex(tx)?;
    tx.execute(
        "INSERT INTO sync_devices (node, name, applied_seq, last_seen, public_key) VALUES (?1, ?2, 0, ?3, ?4)
         ON CONFLICT (node) DO UPDATE SET name = excluded.name, public_key = excluded.public_key",
        rusqlite::params![me.node.to_string(), me.device_name, me.joined_at, public],
    )?;
    Ok(())
}

pub fn set_target(tx: &Transaction, target: &str) -> Result<(), StoreError> {
    tx.execute("UPDATE sync_self SET target = ?1", [target])?;
    Ok(())
}

pub fn add_key(tx: &Transaction, epoch: u32, key: &[u8; 32]) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO sync_keys (epoch, key) VALUES (?1, ?2) ON CONFLICT (epoch) DO UPDATE SET key = excluded.key",
        rusqlite::params![epoch, key.as_slice()],
    )?;
    Ok(())
}

pub fn key(conn: &Connection, epoch: u32) -> Result<Option<Zeroizing<[u8; 32]>>, StoreError> {
    let raw: Option<Vec<u8>> =
        conn.query_row("SELECT key FROM sync_keys WHERE epoch = ?1", [epoch], |r| r.get(0)).optional()?;
    Ok(raw.and_then(|v| <[u8; 32]>::try_from(v.as_slice()).ok()).map(Zeroizing::new))
}

/// The stamp clock as it stands (the last issued or seen).
pub fn clock(conn: &Connection) -> Result<Hlc, StoreError> {
    let c: Option<i64> = conn.query_row("SELECT clock FROM sync_self", [], |r| r.get(0)).optional()?;
    Ok(Hlc(c.unwrap_or(0) as u64))
}

pub fn devices(conn: &Connection) -> Result<Vec<Device>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT node, name, applied_seq, last_seen, removed_at, public_key, verify_key FROM sync_devices ORDER BY name, node",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Device {
            node: crate::db::parsed(r, 0, NodeId::parse)?,
            name: r.get(1)?,
            applied_seq: r.get::<_, i64>(2)? as u64,
            last_seen: r.get(3)?,
            removed_at: r.get(4)?,
            public_key: r.get(5)?,
            verify_key: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// What this laptop has applied (and, for itself, sealed): the version vector.
pub fn seen(conn: &Connection) -> Result<VersionVector, StoreError> {
    Ok(devices(conn)?.into_iter().map(|d| (d.node, d.applied_seq)).collect())
}

/// Records a laptop heard of (from a batch or a snapshot) without moving its applied number back.
pub fn note_device(
    tx: &Transaction,
    node: NodeId,
    name: &str,
    applied_seq: u64,
    last_seen: Option<&str>,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO sync_devices (node, name, applied_seq, last_seen) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (node) DO UPDATE SET name = excluded.name,
             applied_seq = max(applied_seq, excluded.applied_seq),
             last_seen = coalesce(max(last_seen, excluded.last_seen), last_seen, excluded.last_seen)",
    )?
    .execute(rusqlite::params![node.to_string(), name, applied_seq as i64, last_seen])?;
    Ok(())
}

/// Notes a laptop's public key (from its batch or a snapshot).
/// The first key seen stays: a later batch naming that laptop cannot swap in a key of its own.
pub fn note_public_key(tx: &Transaction, node: NodeId, public_key: &str) -> Result<(), StoreError> {
    tx.prepare_cached("UPDATE sync_devices SET public_key = ?2 WHERE node = ?1 AND public_key IS NULL")?
        .execute(rusqlite::params![node.to_string(), public_key])?;
    Ok(())
}

/// This laptop reached the shared place and synchronised at `at`.
pub fn note_synced(tx: &Transaction, node: NodeId, at: &str) -> Result<(), StoreError> {
    tx.execute("UPDATE sync_devices SET last_seen = ?2 WHERE node = ?1", rusqlite::params![node.to_string(), at])?;
    Ok(())
}

/// When this laptop last synchronised.
pub fn last_synced(conn: &Connection, node: NodeId) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row("SELECT last_seen FROM sync_devices WHERE node = ?1", [node.to_string()], |r| r.get(0))
        .optional()?
        .flatten())
}

/// A record as a coordinator knows it (for the "Twee versies" list); its id when unknown.
pub fn record_label(conn: &Connection, table: &str, row: &str) -> String {
    let sql = match table {
        "volunteers" => "SELECT name FROM volunteers WHERE id = ?1",
        "participants" => "SELECT label FROM participants WHERE id = ?1",
        "programmes" => "SELECT name FROM programmes WHERE id = ?1",
        "activities" => "SELECT name FROM activities WHERE id = ?1",
        "hour_entries" => {
            "SELECT v.name || ', ' || strftime('%d-%m-%Y', h.date) FROM hour_entries h JOIN volunteers v ON v.id = h.volunteer_id WHERE h.id = ?1"
        }
        _ => return row.to_string(),
    };
    conn.query_row(sql, [row], |r| r.get::<_, String>(0)).unwrap_or_else(|_| row.to_string())
}

/// The changes made here and not yet sealed into a batch, oldest first.
pub fn outbox(conn: &Connection) -> Result<Vec<Op>, StoreError> {
    let mut stmt =
        conn.prepare("SELECT tbl, row_key, col, val, hlc, base_hlc, base_node FROM sync_outbox ORDER BY n")?;
    let rows = stmt.query_map([], |r| {
        Ok(Op {
            table: r.get(0)?,
            row: r.get(1)?,
            column: r.get(2)?,
            value: from_ref(r.get_ref(3)?),
            hlc: Hlc(r.get::<_, i64>(4)? as u64),
            base: stamp(r.get(5)?, &r.get::<_, String>(6)?),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn outbox_len(conn: &Connection) -> Result<u64, StoreError> {
    Ok(conn.query_row("SELECT count(*) FROM sync_outbox", [], |r| r.get::<_, i64>(0))? as u64)
}

/// Keeps a sealed batch until it is delivered and empties the outbox it was made of, in the
/// transaction that numbered it: a crash before delivery re-sends the very same bytes.
pub fn keep_sealed(tx: &Transaction, node: NodeId, seq: u64, epoch: u32, sealed: &[u8]) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO sync_sealed (seq, epoch, sealed) VALUES (?1, ?2, ?3)",
        rusqlite::params![seq as i64, epoch, sealed],
    )?;
    tx.execute("DELETE FROM sync_outbox", [])?;
    tx.execute(
        "UPDATE sync_devices SET applied_seq = ?2 WHERE node = ?1",
        rusqlite::params![node.to_string(), seq as i64],
    )?;
    Ok(())
}

/// Sealed batches not yet delivered: (seq, epoch, bytes).
pub fn undelivered(conn: &Connection) -> Result<Vec<(u64, u32, Vec<u8>)>, StoreError> {
    let mut stmt = conn.prepare("SELECT seq, epoch, sealed FROM sync_sealed WHERE pushed = 0 ORDER BY seq")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A delivered batch needs no copy here any more.
pub fn delivered(tx: &Transaction, seq: u64) -> Result<(), StoreError> {
    tx.execute("DELETE FROM sync_sealed WHERE seq = ?1", [seq as i64])?;
    Ok(())
}

/// The open "Twee versies", newest first, each with the value the branch holds now.
pub fn two_versions(conn: &Connection) -> Result<Vec<TwoVersions>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT v.id, v.tbl, v.row_key, v.col, c.val, c.hlc, c.node, v.lost_val, v.lost_hlc, v.lost_node, v.noticed_at
         FROM sync_versions v JOIN sync_cells c ON c.tbl = v.tbl AND c.row_key = v.row_key AND c.col = v.col
         WHERE v.settled_at IS NULL ORDER BY v.id DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(TwoVersions {
            id: r.get(0)?,
            table: r.get(1)?,
            row: r.get(2)?,
            column: r.get(3)?,
            kept: from_ref(r.get_ref(4)?),
            kept_stamp: stamp(r.get(5)?, &r.get::<_, String>(6)?),
            lost: from_ref(r.get_ref(7)?),
            lost_stamp: stamp(r.get(8)?, &r.get::<_, String>(9)?),
            noticed_at: r.get(10)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Settles a "Twee versies" entry: with `put_back`, the losing value is written again (an
/// ordinary change, captured and sent like any other); either way the entry leaves the list.
pub fn settle_two_versions(tx: &Transaction, id: i64, put_back: bool, now: &str) -> Result<bool, StoreError> {
    let found: Option<(String, String, String, rusqlite::types::Value)> = tx
        .query_row(
            "SELECT tbl, row_key, col, lost_val FROM sync_versions WHERE id = ?1 AND settled_at IS NULL",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((table, row, column, lost)) = found else { return Ok(false) };
    if put_back && column == ROW_COLUMN {
        // A removed row whose edits were kept: it comes back with its last fields and the edits,
        // as a new row that travels (its stamp is newer than the removal's).
        if let rusqlite::types::Value::Text(edits) = &lost {
            restore_row(tx, &table, &row, edits)?;
        }
    } else if put_back {
        if let Some(key) = super::tables::key_of(&table) {
            let parts: Vec<&str> = row.split(draagkracht_core::sync::KEY_SEPARATOR).collect();
            let filter: Vec<String> = key.iter().enumerate().map(|(i, k)| format!("\"{k}\" = ?{}", i + 2)).collect();
            let sql = format!("UPDATE \"{table}\" SET \"{column}\" = ?1 WHERE {}", filter.join(" AND "));
            let mut params: Vec<&dyn rusqlite::ToSql> = vec![&lost];
            params.extend(parts.iter().map(|p| p as &dyn rusqlite::ToSql));
            tx.execute(&sql, params.as_slice())?;
        }
    }
    tx.execute("UPDATE sync_versions SET settled_at = ?2 WHERE id = ?1", rusqlite::params![id, now])?;
    Ok(true)
}

/// Inserts a removed row again from its fields' last values with `edits` (JSON of column → value)
/// laid over them; the capture sends it to the other laptops like any new row.
fn restore_row(tx: &Transaction, table: &str, row: &str, edits: &str) -> Result<(), StoreError> {
    let Some(_) = super::tables::key_of(table) else { return Ok(()) };
    let mut fields: BTreeMap<String, Value> = BTreeMap::new();
    {
        let mut stmt =
            tx.prepare("SELECT col, val FROM sync_cells WHERE tbl = ?1 AND row_key = ?2 AND col <> '_row'")?;
        for pair in stmt.query_map([table, row], |r| Ok((r.get::<_, String>(0)?, from_ref(r.get_ref(1)?))))? {
            let (col, val) = pair?;
            fields.insert(col, val);
        }
    }
    let edits: BTreeMap<String, Value> = serde_json::from_str(edits).unwrap_or_default();
    fields.extend(edits);
    let known: Vec<String> = {
        let mut stmt = tx.prepare("SELECT name FROM pragma_table_info(?1)")?;
        let names = stmt.query_map([table], |r| r.get(0))?.collect::<Result<Vec<String>, _>>()?;
        names
    };
    let fields: Vec<(&String, &Value)> = fields.iter().filter(|(c, _)| known.contains(c)).collect();
    if fields.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = fields.iter().map(|(c, _)| format!("\"{c}\"")).collect();
    let marks: Vec<String> = (1..=fields.len()).map(|i| format!("?{i}")).collect();
    let values: Vec<super::values::Sql> = fields.iter().map(|(_, v)| super::values::Sql(v)).collect();
    let params: Vec<&dyn rusqlite::ToSql> = values.iter().map(|v| v as &dyn rusqlite::ToSql).collect();
    tx.execute(
        &format!("INSERT OR IGNORE INTO \"{table}\" ({}) VALUES ({})", names.join(", "), marks.join(", ")),
        params.as_slice(),
    )?;
    Ok(())
}

/// Turns the capture off for the transaction under way (applying another laptop's changes,
/// loading a snapshot) and pauses the audit log: nobody on this laptop did this.
pub(crate) fn quiet(tx: &Transaction) -> Result<bool, StoreError> {
    tx.execute("UPDATE sync_self SET capture = 0", [])?;
    let paused = settings::get(tx, settings::AUDIT_PAUSED)?.is_some();
    if !paused {
        settings::set(tx, settings::AUDIT_PAUSED, "1")?;
    }
    Ok(paused)
}

pub(crate) fn loud(tx: &Transaction, was_paused: bool) -> Result<(), StoreError> {
    if !was_paused {
        settings::remove(tx, settings::AUDIT_PAUSED)?;
    }
    tx.execute("UPDATE sync_self SET capture = 1", [])?;
    Ok(())
}

/// A fresh random node id for a laptop joining (or starting) a branch.
pub fn new_node() -> NodeId {
    use rand::RngCore;
    loop {
        let n = rand::rngs::OsRng.next_u64();
        if n != 0 {
            return NodeId(n);
        }
    }
}

/// The write token this laptop holds for the organisation's server, hex.
pub fn server_token(conn: &Connection) -> Result<Option<Zeroizing<String>>, StoreError> {
    let token: Option<String> =
        conn.query_row("SELECT server_token FROM sync_self", [], |r| r.get(0)).optional()?.flatten();
    Ok(token.map(Zeroizing::new))
}

pub fn set_server_token(tx: &Transaction, token: &str) -> Result<(), StoreError> {
    tx.execute("UPDATE sync_self SET server_token = ?1", [token])?;
    Ok(())
}

/// Every branch key this laptop holds, by epoch.
pub fn keys(conn: &Connection) -> Result<BTreeMap<u32, Zeroizing<[u8; 32]>>, StoreError> {
    let mut stmt = conn.prepare("SELECT epoch, key FROM sync_keys")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, u32>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
    let mut out = BTreeMap::new();
    for row in rows {
        let (epoch, raw) = row?;
        if let Ok(key) = <[u8; 32]>::try_from(raw.as_slice()) {
            out.insert(epoch, Zeroizing::new(key));
        }
    }
    Ok(out)
}
