//! The `activities` table: each programme's catalogue of activities with their level. The defaults
//! are seeded once per default programme, keyed so that edits are never overwritten.

use crate::db::parsed;
use crate::StoreError;
use chrono::{DateTime, Utc};
use draagkracht_core::activity::{ValidActivity, DEFAULT_ACTIVITIES};
use draagkracht_core::{ActivityId, ActivityLevel, ProgrammeId};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityRecord {
    pub id: ActivityId,
    pub programme_id: ProgrammeId,
    pub name: String,
    pub level: ActivityLevel,
    pub active: bool,
}

const SELECT: &str = "SELECT id, programme_id, name, level, active FROM activities";

fn from_row(r: &Row) -> rusqlite::Result<ActivityRecord> {
    Ok(ActivityRecord {
        id: parsed(r, 0, ActivityId::parse)?,
        programme_id: parsed(r, 1, ProgrammeId::parse)?,
        name: r.get(2)?,
        level: parsed(r, 3, ActivityLevel::parse)?,
        active: r.get(4)?,
    })
}

/// All activities, or one programme's, in catalogue order.
pub fn list(conn: &Connection, programme: Option<ProgrammeId>) -> Result<Vec<ActivityRecord>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE ?1 IS NULL OR programme_id = ?1 ORDER BY programme_id, sort_order, name COLLATE NOCASE"
    ))?;
    let rows = stmt.query_map([programme.map(|p| p.to_string())], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: ActivityId) -> Result<Option<ActivityRecord>, StoreError> {
    Ok(conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id.to_string()], from_row).optional()?)
}

/// Adds the DOMAIN.md catalogue for the default programmes that exist, skipping what was seeded before.
pub fn seed_defaults(
    tx: &Transaction,
    now: DateTime<Utc>,
    mut new_id: impl FnMut() -> ActivityId,
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare(
        "INSERT INTO activities (id, programme_id, seed_key, name, level, active, sort_order, created_at, updated_at)
         SELECT ?1, p.id, ?2, ?3, ?4, 1, ?5, ?6, ?6 FROM programmes p WHERE p.seed_key = ?7
         ON CONFLICT (seed_key) DO NOTHING",
    )?;
    for (order, a) in DEFAULT_ACTIVITIES.iter().enumerate() {
        stmt.execute(params![
            new_id().to_string(),
            format!("{}:{}", a.programme_key, a.name),
            a.name,
            a.level.as_str(),
            order as i64,
            now.to_rfc3339(),
            a.programme_key
        ])?;
    }
    Ok(())
}

pub fn insert(
    tx: &Transaction,
    id: ActivityId,
    programme: ProgrammeId,
    a: &ValidActivity,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO activities (id, programme_id, name, level, active, sort_order, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(sort_order), 0) + 1 FROM activities), ?6, ?6)",
        params![id.to_string(), programme.to_string(), a.name, a.level.as_str(), a.active, now.to_rfc3339()],
    )?;
    Ok(())
}

pub fn update(tx: &Transaction, id: ActivityId, a: &ValidActivity, now: DateTime<Utc>) -> Result<bool, StoreError> {
    Ok(tx.execute(
        "UPDATE activities SET name = ?2, level = ?3, active = ?4, updated_at = ?5 WHERE id = ?1",
        params![id.to_string(), a.name, a.level.as_str(), a.active, now.to_rfc3339()],
    )? == 1)
}
