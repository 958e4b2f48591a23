//! The `participants` table: a code or first name, an optional contact, the consent date.

use crate::db::{iso_date, parsed};
use crate::StoreError;
use chrono::{DateTime, NaiveDate, Utc};
use draagkracht_core::participant::ValidParticipant;
use draagkracht_core::ParticipantId;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantRecord {
    pub id: ParticipantId,
    pub label: String,
    pub contact: Option<String>,
    pub consent_date: Option<NaiveDate>,
}

fn from_row(r: &Row) -> rusqlite::Result<ParticipantRecord> {
    Ok(ParticipantRecord {
        id: parsed(r, 0, ParticipantId::parse)?,
        label: r.get(1)?,
        contact: r.get(2)?,
        consent_date: r.get::<_, Option<String>>(3)?.as_deref().and_then(iso_date),
    })
}

pub fn list(conn: &Connection) -> Result<Vec<ParticipantRecord>, StoreError> {
    let mut stmt =
        conn.prepare("SELECT id, label, contact, consent_date FROM participants ORDER BY label COLLATE NOCASE, id")?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: ParticipantId) -> Result<Option<ParticipantRecord>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT id, label, contact, consent_date FROM participants WHERE id = ?1",
            [id.to_string()],
            from_row,
        )
        .optional()?)
}

pub fn insert(tx: &Transaction, id: ParticipantId, p: &ValidParticipant, now: DateTime<Utc>) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO participants (id, label, contact, consent_date, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![id.to_string(), p.label, p.contact, p.consent_date.map(|d| d.to_string()), now.to_rfc3339()],
    )?;
    Ok(())
}

/// Returns false when there is no such participant.
pub fn update(
    tx: &Transaction,
    id: ParticipantId,
    p: &ValidParticipant,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    Ok(tx.execute(
        "UPDATE participants SET label = ?2, contact = ?3, consent_date = ?4, updated_at = ?5 WHERE id = ?1",
        params![id.to_string(), p.label, p.contact, p.consent_date.map(|d| d.to_string()), now.to_rfc3339()],
    )? == 1)
}
