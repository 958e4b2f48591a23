//! The `settings` table: small key–value preferences of this installation (language, set-up done,
//! demo). Keys are the constants below, so a typo cannot create a second setting.

use crate::StoreError;
use rusqlite::{Connection, OptionalExtension, Transaction};

pub const LANGUAGE: &str = "language";
/// Set once the coordinator chose "demo" or "empty" on first start.
pub const SET_UP: &str = "set_up";
/// Set when the database holds the fictional demo branch.
pub const DEMO: &str = "demo";
/// How many years a certificate of conduct (VOG) stays valid in this branch.
pub const VOG_YEARS: &str = "vog_renewal_years";
/// The tax-free caps of the volunteer allowance, as JSON of `core::support::AllowanceCaps`.
pub const ALLOWANCE_CAPS: &str = "allowance_caps";
/// The coordinator on this laptop: the audit log's "who" (read by its triggers, migration 7).
pub const COORDINATOR_NAME: &str = "coordinator_name";
/// Present while the audit triggers should stay silent (writing the generated demo branch).
pub const AUDIT_PAUSED: &str = "audit_paused";
/// The branch's name on a report's cover.
pub const BRANCH_NAME: &str = "branch_name";
/// What an hour of volunteer work is valued at in reports, in cents, and the rate's source.
pub const HOUR_RATE_CENTS: &str = "report_hour_rate_cents";
pub const HOUR_RATE_SOURCE: &str = "report_hour_rate_source";
/// Above this many hours in one day for one volunteer, saving hours asks "Klopt dat?" first.
pub const PLAUSIBLE_DAY_HOURS: &str = "plausible_day_hours";
/// Present when this laptop's snapshot at the shared place may still hold someone erased since.
pub const SNAPSHOT_STALE: &str = "sync_snapshot_stale";

pub fn get(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

pub fn set(tx: &Transaction, key: &str, value: &str) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}

pub fn remove(tx: &Transaction, key: &str) -> Result<(), StoreError> {
    tx.execute("DELETE FROM settings WHERE key = ?1", [key])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::testing::temp_db;

    #[test]
    fn a_setting_is_replaced_not_duplicated() {
        let mut t = temp_db();
        t.db.write(|tx| set(tx, LANGUAGE, "en")).unwrap();
        t.db.write(|tx| set(tx, LANGUAGE, "nl")).unwrap();
        assert_eq!(get(t.db.conn(), LANGUAGE).unwrap().as_deref(), Some("nl"));
        assert_eq!(get(t.db.conn(), DEMO).unwrap(), None);
    }
}
