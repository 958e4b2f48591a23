//! The `referrals` table: a match's referral log.

use crate::db::{iso_date, parsed};
use crate::StoreError;
use chrono::{DateTime, Utc};
use draagkracht_core::professional::ValidReferral;
use draagkracht_core::{MatchId, ProfessionalKind, ReferralId};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralRecord {
    pub id: ReferralId,
    pub match_id: MatchId,
    pub referral: ValidReferral,
}

const SELECT: &str = "SELECT id, match_id, date, to_kind, to_name, reason, outcome FROM referrals";

fn from_row(r: &Row) -> rusqlite::Result<ReferralRecord> {
    Ok(ReferralRecord {
        id: parsed(r, 0, ReferralId::parse)?,
        match_id: parsed(r, 1, MatchId::parse)?,
        referral: ValidReferral {
            date: parsed(r, 2, iso_date)?,
            to_kind: parsed(r, 3, ProfessionalKind::parse)?,
            to_name: r.get(4)?,
            reason: r.get(5)?,
            outcome: r.get(6)?,
        },
    })
}

/// A match's referrals, newest first.
pub fn for_match(conn: &Connection, id: MatchId) -> Result<Vec<ReferralRecord>, StoreError> {
    let mut stmt =
        conn.prepare_cached(&format!("{SELECT} WHERE match_id = ?1 ORDER BY date DESC, created_at DESC, id DESC"))?;
    let rows = stmt.query_map([id.to_string()], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: ReferralId) -> Result<Option<ReferralRecord>, StoreError> {
    Ok(conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id.to_string()], from_row).optional()?)
}

pub fn insert(
    tx: &Transaction,
    id: ReferralId,
    match_id: MatchId,
    v: &ValidReferral,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO referrals (id, match_id, date, to_kind, to_name, reason, outcome, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?
    .execute(params![
        id.to_string(),
        match_id.to_string(),
        v.date.to_string(),
        v.to_kind.as_str(),
        v.to_name,
        v.reason,
        v.outcome,
        now.to_rfc3339()
    ])?;
    Ok(())
}

pub fn update(tx: &Transaction, id: ReferralId, v: &ValidReferral, now: DateTime<Utc>) -> Result<bool, StoreError> {
    Ok(tx.execute(
        "UPDATE referrals SET date = ?2, to_kind = ?3, to_name = ?4, reason = ?5, outcome = ?6, updated_at = ?7
         WHERE id = ?1",
        params![
            id.to_string(),
            v.date.to_string(),
            v.to_kind.as_str(),
            v.to_name,
            v.reason,
            v.outcome,
            now.to_rfc3339()
        ],
    )? == 1)
}
