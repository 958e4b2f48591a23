//! The `programmes` table. Defaults are seeded once by their stable key, so a renamed default is
//! never added again.

use crate::db::parsed;
use crate::StoreError;
use chrono::{DateTime, Utc};
use draagkracht_core::programme::DEFAULT_PROGRAMMES;
use draagkracht_core::{ProgrammeId, ValidProgramme};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeRecord {
    pub id: ProgrammeId,
    pub name: String,
    pub description: Option<String>,
    pub max_months: Option<u32>,
    pub active: bool,
    /// The training volunteers in this programme must have done.
    pub required_training: Option<String>,
}

const COLUMNS: &str = "id, name, description, max_months, active, required_training";

fn from_row(row: &Row) -> rusqlite::Result<ProgrammeRecord> {
    Ok(ProgrammeRecord {
        id: parsed(row, 0, ProgrammeId::parse)?,
        name: row.get(1)?,
        description: row.get(2)?,
        max_months: row.get(3)?,
        active: row.get(4)?,
        required_training: row.get(5)?,
    })
}

/// Every programme, in the coordinator's order.
pub fn list(conn: &Connection) -> Result<Vec<ProgrammeRecord>, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM programmes ORDER BY sort_order, name"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: ProgrammeId) -> Result<Option<ProgrammeRecord>, StoreError> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM programmes WHERE id = ?1"), [id.to_string()], from_row)
        .optional()
        .map_err(StoreError::from)
}

/// Adds the DOMAIN.md programmes that are not there yet; `new_id` makes each id.
pub fn seed_defaults(
    tx: &Transaction,
    now: DateTime<Utc>,
    mut new_id: impl FnMut() -> ProgrammeId,
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare(
        "INSERT INTO programmes (id, seed_key, name, description, max_months, active, sort_order, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?7)
         ON CONFLICT (seed_key) DO NOTHING",
    )?;
    for (order, p) in DEFAULT_PROGRAMMES.iter().enumerate() {
        stmt.execute(params![
            new_id().to_string(),
            p.key,
            p.name,
            p.description,
            p.max_months,
            order as i64,
            now.to_rfc3339()
        ])?;
    }
    Ok(())
}

pub fn insert(tx: &Transaction, id: ProgrammeId, p: &ValidProgramme, now: DateTime<Utc>) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO programmes (id, name, description, max_months, active, sort_order, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(sort_order), 0) + 1 FROM programmes), ?6, ?6)",
        params![id.to_string(), p.name, p.description, p.max_months, p.active, now.to_rfc3339()],
    )?;
    Ok(())
}

/// Returns false when there is no such programme.
pub fn update(tx: &Transaction, id: ProgrammeId, p: &ValidProgramme, now: DateTime<Utc>) -> Result<bool, StoreError> {
    let changed = tx.execute(
        "UPDATE programmes SET name = ?2, description = ?3, max_months = ?4, active = ?5, updated_at = ?6 WHERE id = ?1",
        params![id.to_string(), p.name, p.description, p.max_months, p.active, now.to_rfc3339()],
    )?;
    Ok(changed == 1)
}

/// The programme seeded under a key (for defaults that differ per default programme).
pub fn seeded_as(conn: &Connection, key: &str) -> Result<Option<ProgrammeId>, StoreError> {
    Ok(conn
        .query_row("SELECT id FROM programmes WHERE seed_key = ?1", [key], |r| parsed(r, 0, ProgrammeId::parse))
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::testing::temp_db;
    use uuid::Uuid;

    #[test]
    fn seeding_twice_adds_the_defaults_once_and_keeps_renames() {
        let mut t = temp_db();
        let now = Utc::now();
        t.db.write(|tx| seed_defaults(tx, now, || ProgrammeId(Uuid::now_v7()))).unwrap();
        let first = list(t.db.conn()).unwrap();
        assert_eq!(first.len(), DEFAULT_PROGRAMMES.len());
        assert_eq!(first[0].name, "Thuisadministratie");
        let renamed =
            ValidProgramme { name: "Geldzaken".into(), description: None, max_months: Some(12), active: true };
        assert!(t.db.write(|tx| update(tx, first[0].id, &renamed, now)).unwrap());
        t.db.write(|tx| seed_defaults(tx, now, || ProgrammeId(Uuid::now_v7()))).unwrap();
        let second = list(t.db.conn()).unwrap();
        assert_eq!(second.len(), DEFAULT_PROGRAMMES.len(), "seeding again must not duplicate");
        assert_eq!(get(t.db.conn(), first[0].id).unwrap().unwrap().name, "Geldzaken");
    }
}
