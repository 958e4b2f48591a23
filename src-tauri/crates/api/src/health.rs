//! The soundness check behind `draagkracht-cli check`.

use crate::{ApiError, Draagkracht};
use serde::Serialize;

/// SQLite's integrity and foreign-key findings, as printed by the CLI.
#[derive(Debug, Clone, Serialize)]
pub struct HealthReport {
    pub sound: bool,
    pub integrity: Vec<String>,
    pub foreign_key_violations: Vec<String>,
    pub schema_version: u32,
    pub hour_entries: i64,
}

impl Draagkracht {
    pub fn check(&self) -> Result<HealthReport, ApiError> {
        let conn = self.db.conn();
        let report = draagkracht_store::health::check(conn)?;
        Ok(HealthReport {
            sound: report.is_sound(),
            integrity: report.integrity,
            foreign_key_violations: report.foreign_key_violations,
            schema_version: draagkracht_store::SCHEMA_VERSION,
            hour_entries: draagkracht_store::hour_entries::count(conn)?,
        })
    }
}
