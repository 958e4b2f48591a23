//! The `involvements` table: which professionals are involved in a match, from when to when.

use crate::db::{iso_date, parsed};
use crate::StoreError;
use chrono::{DateTime, NaiveDate, Utc};
use draagkracht_core::professional::ValidInvolvement;
use draagkracht_core::{InvolvementId, MatchId, ProfessionalKind};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvolvementRecord {
    pub id: InvolvementId,
    pub match_id: MatchId,
    pub involvement: ValidInvolvement,
}

const SELECT: &str = "SELECT id, match_id, kind, name, organisation, from_date, to_date FROM involvements";

fn from_row(r: &Row) -> rusqlite::Result<InvolvementRecord> {
    Ok(InvolvementRecord {
        id: parsed(r, 0, InvolvementId::parse)?,
        match_id: parsed(r, 1, MatchId::parse)?,
        involvement: ValidInvolvement {
            kind: parsed(r, 2, ProfessionalKind::parse)?,
            name: r.get(3)?,
            organisation: r.get(4)?,
            from_date: parsed(r, 5, iso_date)?,
            to_date: r.get::<_, Option<String>>(6)?.as_deref().and_then(iso_date),
        },
    })
}

/// A match's professionals, the most recently started first.
pub fn for_match(conn: &Connection, id: MatchId) -> Result<Vec<InvolvementRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE match_id = ?1 ORDER BY from_date DESC, id DESC"))?;
    let rows = stmt.query_map([id.to_string()], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Matches with a professional involved on `day`.
pub fn matches_with_active(conn: &Connection, day: NaiveDate) -> Result<Vec<MatchId>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT match_id FROM involvements WHERE from_date <= ?1 AND (to_date IS NULL OR to_date >= ?1)",
    )?;
    let rows = stmt.query_map([day.to_string()], |r| parsed(r, 0, MatchId::parse))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: InvolvementId) -> Result<Option<InvolvementRecord>, StoreError> {
    Ok(conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id.to_string()], from_row).optional()?)
}

pub fn insert(
    tx: &Transaction,
    id: InvolvementId,
    match_id: MatchId,
    v: &ValidInvolvement,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO involvements (id, match_id, kind, name, organisation, from_date, to_date, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?
    .execute(params![
        id.to_string(),
        match_id.to_string(),
        v.kind.as_str(),
        v.name,
        v.organisation,
        v.from_date.to_string(),
        v.to_date.map(|d| d.to_string()),
        now.to_rfc3339()
    ])?;
    Ok(())
}

pub fn update(
    tx: &Transaction,
    id: InvolvementId,
    v: &ValidInvolvement,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    Ok(tx.execute(
        "UPDATE involvements SET kind = ?2, name = ?3, organisation = ?4, from_date = ?5, to_date = ?6, updated_at = ?7
         WHERE id = ?1",
        params![
            id.to_string(),
            v.kind.as_str(),
            v.name,
            v.organisation,
            v.from_date.to_string(),
            v.to_date.map(|d| d.to_string()),
            now.to_rfc3339()
        ],
    )? == 1)
}
