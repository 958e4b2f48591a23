//! The `participants` table: a code or first name, an optional contact, the consent (date, by whom,
//! what it covers).

use crate::db::{iso_date, parsed};
use crate::StoreError;
use chrono::{DateTime, NaiveDate, Utc};
use draagkracht_core::participant::ValidParticipant;
use draagkracht_core::{MunicipalityId, ParticipantId};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantRecord {
    pub id: ParticipantId,
    pub label: String,
    pub contact: Option<String>,
    pub consent_date: Option<NaiveDate>,
    pub consent_by: Option<String>,
    pub consent_scope: Option<String>,
    /// The day the participant was written into this branch's data.
    pub registered: Option<NaiveDate>,
    /// Where they live, when it is one of the branch's municipalities (still there).
    pub municipality: Option<(MunicipalityId, String)>,
}

fn from_row(r: &Row) -> rusqlite::Result<ParticipantRecord> {
    Ok(ParticipantRecord {
        id: parsed(r, 0, ParticipantId::parse)?,
        label: r.get(1)?,
        contact: r.get(2)?,
        consent_date: r.get::<_, Option<String>>(3)?.as_deref().and_then(iso_date),
        consent_by: r.get(4)?,
        consent_scope: r.get(5)?,
        registered: r.get::<_, String>(6)?.get(..10).and_then(iso_date),
        municipality: match (r.get::<_, Option<String>>(7)?.as_deref().and_then(MunicipalityId::parse), r.get(8)?) {
            (Some(id), Some(name)) => Some((id, name)),
            _ => None,
        },
    })
}

/// A participant's municipality counts only while the branch still has it.
const SELECT: &str = "SELECT p.id, p.label, p.contact, p.consent_date, p.consent_by, p.consent_scope, p.created_at,
                             m.id, m.name
                      FROM participants p LEFT JOIN municipalities m ON m.id = p.municipality_id";

pub fn list(conn: &Connection) -> Result<Vec<ParticipantRecord>, StoreError> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY p.label COLLATE NOCASE, p.id"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: ParticipantId) -> Result<Option<ParticipantRecord>, StoreError> {
    Ok(conn.query_row(&format!("{SELECT} WHERE p.id = ?1"), [id.to_string()], from_row).optional()?)
}

pub fn insert(tx: &Transaction, id: ParticipantId, p: &ValidParticipant, now: DateTime<Utc>) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO participants (id, label, contact, consent_date, consent_by, consent_scope, created_at, updated_at,
                                   municipality_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
        params![
            id.to_string(),
            p.label,
            p.contact,
            p.consent_date.map(|d| d.to_string()),
            p.consent_by,
            p.consent_scope,
            now.to_rfc3339(),
            p.municipality.map(|m| m.to_string())
        ],
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
        "UPDATE participants SET label = ?2, contact = ?3, consent_date = ?4, consent_by = ?5, consent_scope = ?6,
                updated_at = ?7, municipality_id = ?8 WHERE id = ?1",
        params![
            id.to_string(),
            p.label,
            p.contact,
            p.consent_date.map(|d| d.to_string()),
            p.consent_by,
            p.consent_scope,
            now.to_rfc3339(),
            p.municipality.map(|m| m.to_string())
        ],
    )? == 1)
}
