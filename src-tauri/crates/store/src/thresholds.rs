//! The `signal_thresholds` table: the thresholds a coordinator changed, per programme. A threshold
//! that is not here has its default.

use crate::db::parsed;
use crate::StoreError;
use chrono::{DateTime, Utc};
use draagkracht_core::signals::ThresholdKey;
use draagkracht_core::ProgrammeId;
use rusqlite::{params, Connection, Transaction};

/// Every changed threshold: (programme, key, value).
pub fn all(conn: &Connection) -> Result<Vec<(ProgrammeId, ThresholdKey, f64)>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT programme_id, key, value FROM signal_thresholds")?;
    let rows =
        stmt.query_map([], |r| Ok((parsed(r, 0, ProgrammeId::parse)?, parsed(r, 1, ThresholdKey::parse)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Sets a threshold for a programme; `None` returns it to its default.
pub fn set(
    tx: &Transaction,
    programme: ProgrammeId,
    key: ThresholdKey,
    value: Option<f64>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    match value {
        Some(v) => tx.execute(
            "INSERT INTO signal_thresholds (programme_id, key, value, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (programme_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            params![programme.to_string(), key.as_str(), v, now.to_rfc3339()],
        )?,
        None => tx.execute(
            "DELETE FROM signal_thresholds WHERE programme_id = ?1 AND key = ?2",
            params![programme.to_string(), key.as_str()],
        )?,
    };
    Ok(())
}
