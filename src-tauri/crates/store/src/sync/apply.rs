//! Applying another laptop's batch: field by field under `core::sync::decide`, in the caller's
//! transaction, with the capture and the audit log off. The winning value of each field goes into
//! `sync_cells` and then into the table's row (inserted, updated or removed as the row's `_row`
//! field says); a value that lost to a write made apart from it goes to `sync_versions`.
//!
//! The caller applies a laptop's batches in order and only once every batch they build on is
//! applied (`BatchBody::ready`): that causal order is what makes "made apart" exact and keeps
//! a child row from arriving before its parent.

use super::tables::key_of;
use super::values::{from_ref, stamp, Sql};
use super::{state, SyncError};
use draagkracht_core::sync::{decide, BatchBody, Hlc, Merge, NodeId, Stamp, Value, KEY_SEPARATOR, ROW_COLUMN};
use rusqlite::{OptionalExtension, Transaction};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What applying a batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    /// Fields in the batch.
    pub ops: usize,
    /// Fields whose value changed here.
    pub won: usize,
    /// New "Twee versies" entries.
    pub two_versions: usize,
}

/// Applies batch `seq` of laptop `author` and records it as applied. `noticed_at` dates any
/// "Twee versies" it finds.
pub fn apply_batch(
    tx: &Transaction,
    author: NodeId,
    seq: u64,
    body: &BatchBody,
    noticed_at: &str,
) -> Result<Applied, SyncError> {
    let was_paused = state::quiet(tx)?;
    tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
    let mut columns = Columns::default();
    let mut applied = Applied { ops: body.ops.len(), ..Applied::default() };
    // Per row, the fields that changed, for writing the rows after all fields are merged.
    let mut dirty: BTreeMap<(&str, &str), BTreeSet<&str>> = BTreeMap::new();
    let mut newest = Hlc(0);
    let erased = erased_people(tx)?;
    for op in &body.ops {
        if about_erased(tx, op, &erased, body)? {
            continue;
        }
        let key = key_of(&op.table).ok_or_else(|| SyncError::UnknownField(op.table.clone()))?;
        if op.column != ROW_COLUMN && !columns.of(tx, &op.table)?.contains(&op.column) {
            return Err(SyncError::UnknownField(format!("{}.{}", op.table, op.column)));
        }
        if op.row.split(KEY_SEPARATOR).count() != key.len() {
            return Err(SyncError::Format(format!("row key {:?} of {}", op.row, op.table)));
        }
        newest = newest.max(op.hlc);
        let incoming = Stamp { hlc: op.hlc, node: author };
        let current: Option<(i64, String, rusqlite::types::Value)> = tx
            .prepare_cached("SELECT hlc, node, val FROM sync_cells WHERE tbl = ?1 AND row_key = ?2 AND col = ?3")?
            .query_row([&op.table, &op.row, &op.column], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let (current_stamp, current_value) = match &current {
            Some((hlc, node, val)) => (stamp(*hlc, node), Some(from_ref(val.into()))),
            None => (Stamp::ORIGIN, None),
        };
        let versioned = !super::tables::BOOKKEEPING.contains(&op.column.as_str());
        match decide(current_stamp, incoming, op.base) {
            Merge::Seen => {}
            Merge::Wins { apart } => {
                if let (true, true, Some(lost)) = (apart, versioned, &current_value) {
                    if *lost != op.value {
                        applied.two_versions += keep_lost(tx, op, lost, current_stamp, noticed_at)?;
                    }
                }
                tx.prepare_cached(
                    "INSERT INTO sync_cells (tbl, row_key, col, hlc, node, val) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (tbl, row_key, col) DO UPDATE SET hlc = excluded.hlc, node = excluded.node, val = excluded.val",
                )?
                .execute(rusqlite::params![op.table, op.row, op.column, op.hlc.0 as i64, author.to_string(), Sql(&op.value)])?;
                applied.won += 1;
                dirty.entry((&op.table, &op.row)).or_default().insert(&op.column);
            }
            Merge::Loses => {
                if versioned && current_value.as_ref() != Some(&op.value) {
                    applied.two_versions += keep_lost(tx, op, &op.value, incoming, noticed_at)?;
                }
            }
        }
    }
    for ((table, row), changed) in dirty {
        // Edits to a row another laptop removed while apart: the removal stands everywhere, the
        // edits are kept as the other version (putting it back restores the row).
        if !changed.contains(ROW_COLUMN) && matches!(cells_of(tx, table, row)?.get(ROW_COLUMN), Some(Value::Int(0))) {
            let edits: BTreeMap<&str, &Value> = body
                .ops
                .iter()
                .filter(|o| o.table == table && o.row == row && changed.contains(o.column.as_str()))
                .filter(|o| !super::tables::BOOKKEEPING.contains(&o.column.as_str()))
                .map(|o| (o.column.as_str(), &o.value))
                .collect();
            let newest =
                body.ops.iter().filter(|o| o.table == table && o.row == row).map(|o| o.hlc).max().unwrap_or_default();
            if !edits.is_empty() {
                let edited = draagkracht_core::sync::Op {
                    table: table.to_string(),
                    row: row.to_string(),
                    column: ROW_COLUMN.to_string(),
                    value: Value::Text(serde_json::to_string(&edits).unwrap_or_default()),
                    hlc: newest,
                    base: Stamp::ORIGIN,
                };
                applied.two_versions +=
                    keep_lost(tx, &edited, &edited.value, Stamp { hlc: newest, node: author }, noticed_at)?;
            }
        }
        // A row that the table's own rules refuse (two laptops gave one volunteer an allowance for
        // the same month) stays out of the table; its fields are kept and it is shown as a second
        // version instead of stopping every later batch.
        tx.execute_batch("SAVEPOINT sync_row")?;
        match write_row(tx, &mut columns, table, row, &changed) {
            Ok(()) => tx.execute_batch("RELEASE sync_row")?,
            Err(SyncError::Store(crate::StoreError::Sqlite(e)))
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) =>
            {
                tx.execute_batch("ROLLBACK TO sync_row; RELEASE sync_row")?;
                let refused = draagkracht_core::sync::Op {
                    table: table.to_string(),
                    row: row.to_string(),
                    column: ROW_COLUMN.to_string(),
                    value: Value::Text(serde_json::to_string(&cells_of(tx, table, row)?).unwrap_or_default()),
                    hlc: Hlc(0),
                    base: Stamp::ORIGIN,
                };
                let at = row_stamp(tx, table, row)?;
                applied.two_versions += keep_lost(tx, &refused, &refused.value, at, noticed_at)?;
            }
            Err(other) => return Err(other),
        }
    }
    // An erasure that arrived: the person's row becomes exactly what the erasing laptop left.
    for op in body.ops.iter().filter(|o| o.table == "erasures" && o.column == "erased_row") {
        let kind = body.ops.iter().find(|o| o.table == "erasures" && o.row == op.row && o.column == "kind");
        if let (Some(Value::Text(kind)), Value::Text(row)) = (kind.map(|k| &k.value), &op.value) {
            crate::privacy::freeze_erased_row(tx, kind, &op.row, row)?;
        }
    }
    tx.prepare_cached("UPDATE sync_self SET clock = max(clock, ?1)")?.execute([newest.0 as i64])?;
    state::note_device(tx, author, &body.device_name, seq, Some(&body.written_at))?;
    if let Some(public) = &body.public_key {
        state::note_public_key(tx, author, public)?;
    }
    if let Some(verify) = &body.verify_key {
        super::signature::keep(tx, author, verify)?;
    }
    state::loud(tx, was_paused)?;
    Ok(applied)
}

/// The people erased on any laptop of the branch (ids only).
fn erased_people(tx: &Transaction) -> Result<BTreeSet<String>, SyncError> {
    let mut stmt = tx.prepare_cached("SELECT id FROM erasures")?;
    let ids = stmt.query_map([], |r| r.get(0))?.collect::<Result<BTreeSet<String>, _>>()?;
    Ok(ids)
}

/// Free text linked to a volunteer, which an erasure cleared: a later change may not bring it back.
const VOLUNTEER_NOTES: &[&str] = &["hour_entries", "supervision_contacts", "check_ins", "signal_acts"];

/// Whether `op` changes an erased person (their own row) or writes free text about them: such a
/// change, made before the laptop that wrote it heard of the erasure, is dropped (AVG art. 17).
fn about_erased(
    tx: &Transaction,
    op: &draagkracht_core::sync::Op,
    erased: &BTreeSet<String>,
    body: &BatchBody,
) -> Result<bool, SyncError> {
    if erased.is_empty() {
        return Ok(false);
    }
    if matches!(op.table.as_str(), "volunteers" | "participants") {
        return Ok(erased.contains(&op.row));
    }
    if op.column != "note" || !VOLUNTEER_NOTES.contains(&op.table.as_str()) {
        return Ok(false);
    }
    // The row's volunteer: from the same batch (a new row), else from the row as it is here.
    let from_batch = body.ops.iter().find_map(|o| {
        (o.table == op.table && o.row == op.row && o.column == "volunteer_id").then(|| match &o.value {
            Value::Text(t) => Some(t.clone()),
            _ => None,
        })
    });
    let volunteer = match from_batch.flatten() {
        Some(v) => Some(v),
        None => tx
            .prepare_cached(&format!("SELECT volunteer_id FROM \"{}\" WHERE id = ?1", op.table))?
            .query_row([&op.row], |r| r.get::<_, String>(0))
            .optional()?,
    };
    Ok(volunteer.is_some_and(|v| erased.contains(&v)))
}

/// Keeps a losing value for the coordinator; 0 when it was kept before (a batch seen again).
fn keep_lost(
    tx: &Transaction,
    op: &draagkracht_core::sync::Op,
    lost: &Value,
    lost_stamp: Stamp,
    noticed_at: &str,
) -> Result<usize, SyncError> {
    Ok(tx
        .prepare_cached(
            "INSERT OR IGNORE INTO sync_versions (tbl, row_key, col, lost_val, lost_hlc, lost_node, noticed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(rusqlite::params![
            op.table,
            op.row,
            op.column,
            Sql(lost),
            lost_stamp.hlc.0 as i64,
            lost_stamp.node.to_string(),
            noticed_at
        ])?)
}

/// Brings a row in line with its fields' winning values: inserts it when its `_row` field says it
/// exists and it does not yet, removes it when `_row` says removed, else updates what changed.
fn write_row(
    tx: &Transaction,
    columns: &mut Columns,
    table: &str,
    row: &str,
    changed: &BTreeSet<&str>,
) -> Result<(), SyncError> {
    let key = key_of(table).ok_or_else(|| SyncError::UnknownField(table.to_string()))?;
    let parts: Vec<&str> = row.split(KEY_SEPARATOR).collect();
    let filter: String =
        key.iter().enumerate().map(|(i, k)| format!("\"{k}\" = ?{}", i + 1)).collect::<Vec<_>>().join(" AND ");
    let key_params: Vec<&dyn rusqlite::ToSql> = parts.iter().map(|p| p as &dyn rusqlite::ToSql).collect();
    let exists = tx
        .prepare_cached(&format!("SELECT 1 FROM \"{table}\" WHERE {filter}"))?
        .query_row(key_params.as_slice(), |_| Ok(()))
        .optional()?
        .is_some();
    let cells = cells_of(tx, table, row)?;
    let alive = match cells.get(ROW_COLUMN) {
        Some(Value::Int(0)) => false,
        Some(_) => true,
        None => exists,
    };
    if !alive {
        if exists {
            tx.prepare_cached(&format!("DELETE FROM \"{table}\" WHERE {filter}"))?.execute(key_params.as_slice())?;
        }
        return Ok(());
    }
    if !exists {
        let known = columns.of(tx, table)?;
        let fields: Vec<(&String, &Value)> = cells.iter().filter(|(c, _)| known.contains(*c)).collect();
        let names: Vec<String> = fields.iter().map(|(c, _)| format!("\"{c}\"")).collect();
        let marks: Vec<String> = (1..=fields.len()).map(|i| format!("?{i}")).collect();
        let values: Vec<Sql> = fields.iter().map(|(_, v)| Sql(v)).collect();
        let params: Vec<&dyn rusqlite::ToSql> = values.iter().map(|v| v as &dyn rusqlite::ToSql).collect();
        tx.prepare_cached(&format!("INSERT INTO \"{table}\" ({}) VALUES ({})", names.join(", "), marks.join(", ")))?
            .execute(params.as_slice())?;
        return Ok(());
    }
    let updates: Vec<(&str, &Value)> = changed
        .iter()
        .filter(|c| **c != ROW_COLUMN && !key.contains(c))
        .filter_map(|c| cells.get(*c).map(|v| (*c, v)))
        .collect();
    if updates.is_empty() {
        return Ok(());
    }
    let n = key.len();
    let sets: Vec<String> = updates.iter().enumerate().map(|(i, (c, _))| format!("\"{c}\" = ?{}", n + i + 1)).collect();
    let values: Vec<Sql> = updates.iter().map(|(_, v)| Sql(v)).collect();
    let mut params = key_params;
    params.extend(values.iter().map(|v| v as &dyn rusqlite::ToSql));
    tx.prepare_cached(&format!("UPDATE \"{table}\" SET {} WHERE {filter}", sets.join(", ")))?
        .execute(params.as_slice())?;
    Ok(())
}

fn row_stamp(tx: &Transaction, table: &str, row: &str) -> Result<Stamp, SyncError> {
    let found: Option<(i64, String)> = tx
        .prepare_cached("SELECT hlc, node FROM sync_cells WHERE tbl = ?1 AND row_key = ?2 AND col = '_row'")?
        .query_row([table, row], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(found.map(|(h, n)| stamp(h, &n)).unwrap_or(Stamp::ORIGIN))
}

fn cells_of(tx: &Transaction, table: &str, row: &str) -> Result<BTreeMap<String, Value>, SyncError> {
    let mut stmt = tx.prepare_cached("SELECT col, val FROM sync_cells WHERE tbl = ?1 AND row_key = ?2")?;
    let rows = stmt.query_map([table, row], |r| Ok((r.get::<_, String>(0)?, from_ref(r.get_ref(1)?))))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The columns of each table, read once per batch.
#[derive(Default)]
struct Columns(HashMap<String, BTreeSet<String>>);

impl Columns {
    fn of(&mut self, tx: &Transaction, table: &str) -> Result<&BTreeSet<String>, SyncError> {
        if !self.0.contains_key(table) {
            let mut stmt = tx.prepare_cached("SELECT name FROM pragma_table_info(?1)")?;
            let names = stmt.query_map([table], |r| r.get(0))?.collect::<Result<BTreeSet<String>, _>>()?;
            self.0.insert(table.to_string(), names);
        }
        Ok(&self.0[table])
    }
}
