//! A snapshot: every shared row, every field's winning stamp (`sync_cells`) and what the writer
//! had applied, so a laptop that joins starts where the branch is and merges every later change
//! exactly as the others do. Carrying the stamps is what lets batches a snapshot covers be
//! deleted without a late change from an absent laptop merging differently.

use super::tables::shared_tables;
use super::values::{from_ref, Sql};
use super::{state, SyncError};
use draagkracht_core::sync::{Hlc, NodeId, Value, VersionVector};
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
pub struct Snapshot {
    /// What the writer had applied (and, for itself, sealed) when it took the snapshot.
    pub seen: VersionVector,
    /// Every laptop the writer knew, with its name.
    pub devices: Vec<(NodeId, String)>,
    /// Their public keys, as far as known.
    #[serde(default)]
    pub public_keys: std::collections::BTreeMap<NodeId, String>,
    /// Their verifying keys, as far as known.
    #[serde(default)]
    pub verify_keys: std::collections::BTreeMap<NodeId, String>,
    pub tables: Vec<TableRows>,
    /// (table, row, column, clock, node, value) of every field written since sharing began.
    pub cells: Vec<(String, String, String, Hlc, NodeId, Value)>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct TableRows {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Snapshot {
    pub fn records(&self) -> usize {
        self.tables.iter().map(|t| t.rows.len()).sum()
    }
}

/// Takes a snapshot of the shared data (call inside one read transaction or with no writer).
pub fn take(conn: &Connection) -> Result<Snapshot, SyncError> {
    let mut tables = Vec::new();
    for (name, _, only) in shared_tables() {
        let filter = only.map(|c| format!(" WHERE {}", c.replace("{row}", &format!("\"{name}\"")))).unwrap_or_default();
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{name}\"{filter}"))?;
        let columns: Vec<String> = stmt.column_names().into_iter().map(String::from).collect();
        let n = columns.len();
        let rows = stmt
            .query_map([], |r| (0..n).map(|i| Ok(from_ref(r.get_ref(i)?))).collect::<rusqlite::Result<Vec<Value>>>())?
            .collect::<Result<Vec<_>, _>>()?;
        tables.push(TableRows { name: name.to_string(), columns, rows });
    }
    let mut stmt = conn.prepare("SELECT tbl, row_key, col, hlc, node, val FROM sync_cells")?;
    let cells = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                Hlc(r.get::<_, i64>(3)? as u64),
                crate::db::parsed(r, 4, NodeId::parse)?,
                from_ref(r.get_ref(5)?),
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let devices = state::devices(conn)?;
    Ok(Snapshot {
        seen: devices.iter().map(|d| (d.node, d.applied_seq)).collect(),
        public_keys: devices.iter().filter_map(|d| d.public_key.clone().map(|k| (d.node, k))).collect(),
        verify_keys: devices.iter().filter_map(|d| d.verify_key.clone().map(|k| (d.node, k))).collect(),
        devices: devices.into_iter().map(|d| (d.node, d.name)).collect(),
        tables,
        cells,
    })
}

/// Replaces the shared data of a new database with a snapshot's, in the caller's transaction
/// (before [`state::begin`]: nothing is captured).
pub fn load(tx: &Transaction, snapshot: &Snapshot) -> Result<(), SyncError> {
    tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
    let paused = crate::settings::get(tx, crate::settings::AUDIT_PAUSED)?.is_some();
    crate::settings::set(tx, crate::settings::AUDIT_PAUSED, "1")?;
    // A new database holds the default programmes under ids of its own: the branch's replace them.
    for (name, _, only) in shared_tables().collect::<Vec<_>>().into_iter().rev() {
        let filter = only.map(|c| format!(" WHERE {}", c.replace("{row}", &format!("\"{name}\"")))).unwrap_or_default();
        tx.execute(&format!("DELETE FROM \"{name}\"{filter}"), [])?;
    }
    for table in &snapshot.tables {
        if super::tables::key_of(&table.name).is_none() {
            return Err(SyncError::UnknownField(table.name.clone()));
        }
        let names: Vec<String> = table.columns.iter().map(|c| format!("\"{c}\"")).collect();
        let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
        let mut insert = tx.prepare(&format!(
            "INSERT INTO \"{}\" ({}) VALUES ({})",
            table.name,
            names.join(", "),
            marks.join(", ")
        ))?;
        for row in &table.rows {
            let values: Vec<Sql> = row.iter().map(Sql).collect();
            let params: Vec<&dyn rusqlite::ToSql> = values.iter().map(|v| v as &dyn rusqlite::ToSql).collect();
            insert.execute(params.as_slice())?;
        }
    }
    let mut insert =
        tx.prepare("INSERT INTO sync_cells (tbl, row_key, col, hlc, node, val) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    for (table, row, col, hlc, node, val) in &snapshot.cells {
        insert.execute(rusqlite::params![table, row, col, hlc.0 as i64, node.to_string(), Sql(val)])?;
    }
    for (node, name) in &snapshot.devices {
        state::note_device(tx, *node, name, snapshot.seen.get(node).copied().unwrap_or(0), None)?;
        if let Some(public) = snapshot.public_keys.get(node) {
            state::note_public_key(tx, *node, public)?;
        }
        if let Some(verify) = snapshot.verify_keys.get(node) {
            super::signature::keep(tx, *node, verify)?;
        }
    }
    if !paused {
        crate::settings::remove(tx, crate::settings::AUDIT_PAUSED)?;
    }
    Ok(())
}

/// The newest stamp in a snapshot: a joining laptop's clock starts there.
pub fn newest(snapshot: &Snapshot) -> Hlc {
    snapshot.cells.iter().map(|c| c.3).max().unwrap_or_default()
}
