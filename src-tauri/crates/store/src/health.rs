//! SQLite's own soundness checks: `integrity_check` and `foreign_key_check`.

use crate::StoreError;
use rusqlite::Connection;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HealthReport {
    /// `["ok"]` when sound; otherwise SQLite's findings.
    pub integrity: Vec<String>,
    /// One line per row that points at a missing parent: "table rowid → parent".
    pub foreign_key_violations: Vec<String>,
}

impl HealthReport {
    pub fn is_sound(&self) -> bool {
        self.integrity == ["ok"] && self.foreign_key_violations.is_empty()
    }
}

pub fn check(conn: &Connection) -> Result<HealthReport, StoreError> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let integrity = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let foreign_key_violations = stmt
        .query_map([], |r| {
            let table: String = r.get(0)?;
            let rowid: Option<i64> = r.get(1)?;
            let parent: String = r.get(2)?;
            Ok(format!("{table} rowid {} → {parent}", rowid.map_or("?".into(), |id| id.to_string())))
        })?
        .collect::<Result<_, _>>()?;
    Ok(HealthReport { integrity, foreign_key_violations })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::testing::temp_db;

    #[test]
    fn a_fresh_database_is_sound_and_a_dangling_row_is_reported() {
        let t = temp_db();
        assert!(check(t.db.conn()).unwrap().is_sound());
        t.db.conn()
            .execute_batch(
                "PRAGMA foreign_keys = OFF;
             INSERT INTO volunteer_programmes VALUES ('00000000-0000-0000-0000-000000000001', 'nope');
             PRAGMA foreign_keys = ON;",
            )
            .unwrap();
        let report = check(t.db.conn()).unwrap();
        assert!(!report.is_sound());
        assert_eq!(report.foreign_key_violations.len(), 2, "{report:?}");
    }
}
