//! "Is this table shared?" — answered here for every table, once. A shared table's changes travel
//! to every laptop of the branch; a local one stays on this laptop, for the reason given. A test
//! (`every_table_is_declared`) fails for a table that is not in [`TABLES`], and one for a shared
//! table whose capture triggers (migration 9 and later) miss a column: a new table or column is
//! declared here and given triggers in its migration.

/// Whether a table's rows travel to the other laptops of the branch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sharing {
    /// Shared, row by row. `key` names the primary key's columns (joined by `|` in a row key, so
    /// they never hold one); `only` limits it to the rows where this SQL condition holds, with
    /// `{row}` standing for the row.
    Shared { key: &'static [&'static str], only: Option<&'static str> },
    /// Stays on this laptop, because of the reason given.
    Local(&'static str),
}

use Sharing::*;

const ID: &[&str] = &["id"];
const fn shared(key: &'static [&'static str]) -> Sharing {
    Shared { key, only: None }
}

/// The settings of the branch; the rest (language, the coordinator's name, set-up, the audit
/// pause) belong to this laptop and its coordinator.
pub const SHARED_SETTINGS: &str =
    "{row}.key IN ('demo', 'vog_renewal_years', 'allowance_caps', 'branch_name', 'report_hour_rate_cents', 'report_hour_rate_source', 'plausible_day_hours')";

/// Every table, shared ones parents before children (a snapshot loads in this order).
pub const TABLES: &[(&str, Sharing)] = &[
    ("programmes", shared(ID)),
    ("activities", shared(ID)),
    ("volunteers", shared(ID)),
    ("volunteer_programmes", shared(&["volunteer_id", "programme_id"])),
    ("municipalities", shared(ID)),
    ("participants", shared(ID)),
    ("subsidies", shared(ID)),
    ("stories", shared(ID)),
    ("matches", shared(ID)),
    ("match_volunteers", shared(&["match_id", "volunteer_id"])),
    ("programme_goals", shared(ID)),
    ("match_goals", shared(&["match_id", "goal_id"])),
    ("hour_entries", shared(ID)),
    ("assessments", shared(ID)),
    ("involvements", shared(ID)),
    ("referrals", shared(ID)),
    ("organisations", shared(ID)),
    ("signal_thresholds", shared(&["programme_id", "key"])),
    ("signal_guides", shared(&["rule"])),
    ("trainings", shared(ID)),
    ("supervision_contacts", shared(ID)),
    ("check_ins", shared(ID)),
    ("allowances", shared(ID)),
    ("signal_acts", shared(ID)),
    ("erasures", shared(ID)),
    ("settings", Shared { key: &["key"], only: Some(SHARED_SETTINGS) }),
    (
        "signals",
        Local("computed from the shared data by every laptop itself; the coordinator's acts travel as signal_acts"),
    ),
    ("signal_events", Local("the history of this laptop's computed signals")),
    ("signal_acts_applied", Local("which shared acts this laptop carried over to its own signals")),
    ("volunteer_month_minutes", Local("derived: kept by triggers from hour_entries")),
    ("programme_month_minutes", Local("derived: kept by triggers from hour_entries")),
    ("volunteer_programme_months", Local("derived: kept by triggers from hour_entries")),
    (
        "volunteer_load",
        Local("derived: the load the signal evaluation computed, dropped by triggers when what it is made of changes"),
    ),
    ("audit_log", Local("what this laptop's coordinator did, written by triggers")),
    (
        "national_publishing",
        Local("this laptop's key for signing the figures it publishes and its branch account's address, never sent"),
    ),
    ("national_published", Local("which months this laptop published to the national picture")),
    ("sync_self", Local("this laptop's place in the branch")),
    ("sync_keys", Local("the branch keys, never sent")),
    ("sync_pending", Local("the capture of the transaction under way")),
    ("sync_cells", Local("the clock of every field, carried in snapshots")),
    ("sync_outbox", Local("changes waiting to be sent")),
    ("sync_sealed", Local("batches waiting to be delivered")),
    ("sync_devices", Local("what this laptop knows of the others")),
    ("sync_versions", Local("the two versions this laptop met")),
];

/// Columns that say when a row was last touched: a lost value there is no second version a
/// coordinator needs to see (the fields that changed are listed themselves).
pub const BOOKKEEPING: &[&str] = &["updated_at"];

/// The shared tables with their key columns and row condition, in load order.
pub fn shared_tables() -> impl Iterator<Item = (&'static str, &'static [&'static str], Option<&'static str>)> {
    TABLES.iter().filter_map(|(name, sharing)| match sharing {
        Shared { key, only } => Some((*name, *key, *only)),
        Local(_) => None,
    })
}

/// The key columns of a shared table; `None` for a local or unknown one (a batch naming one is
/// refused).
pub fn key_of(table: &str) -> Option<&'static [&'static str]> {
    shared_tables().find(|(name, _, _)| *name == table).map(|(_, key, _)| key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::testing::temp_db;

    fn names(conn: &rusqlite::Connection, sql: &str) -> Vec<String> {
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
    }

    #[test]
    fn every_table_is_declared() {
        let t = temp_db();
        for table in
            names(t.db.conn(), "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        {
            assert!(
                TABLES.iter().any(|(name, _)| *name == table),
                "table {table} is not declared in sync/tables.rs: say whether it is shared between laptops"
            );
        }
    }

    #[test]
    fn every_column_of_a_shared_table_is_captured() {
        let t = temp_db();
        let conn = t.db.conn();
        for (table, key, _) in shared_tables() {
            let trigger = |kind: &str| -> String {
                conn.query_row(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                    [format!("sync_{table}_{kind}")],
                    |r| r.get(0),
                )
                .unwrap_or_else(|_| panic!("shared table {table} has no {kind} capture trigger"))
            };
            let (insert, delete) = (trigger("insert"), trigger("delete"));
            assert!(delete.contains("'_row', 0"), "{table}: a removal is captured as _row = 0");
            let columns = names(conn, &format!("SELECT name FROM pragma_table_info('{table}')"));
            for column in &columns {
                assert!(insert.contains(&format!("NEW.{column})")), "{table}.{column} is not captured on insert");
                if !key.contains(&column.as_str()) {
                    assert!(
                        trigger("update").contains(&format!("NEW.{column} IS NOT OLD.{column}")),
                        "{table}.{column} is not captured on update"
                    );
                }
            }
        }
    }
}
