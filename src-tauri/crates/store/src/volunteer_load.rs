//! The `volunteer_load` table: each volunteer's load as the signal evaluation last computed it
//! (migration 19). Triggers drop a row whenever its entries, matches or assessments change, so a
//! row is current or absent; a row of another day is treated as absent by its readers.

use crate::StoreError;
use chrono::NaiveDate;
use draagkracht_core::room::Load;
use draagkracht_core::VolunteerId;
use rusqlite::{params, Transaction};

/// Keeps the loads computed `as_of` a day, replacing what was there.
pub fn keep(tx: &Transaction, as_of: NaiveDate, loads: &[(VolunteerId, Load)]) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT OR REPLACE INTO volunteer_load
             (volunteer_id, as_of, work_minutes_four_weeks, caseload_weight, running_matches)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let day = as_of.to_string();
    for (volunteer, load) in loads {
        stmt.execute(params![
            volunteer.to_string(),
            day,
            load.work_minutes_four_weeks,
            load.caseload_weight,
            load.running_matches as i64
        ])?;
    }
    Ok(())
}
