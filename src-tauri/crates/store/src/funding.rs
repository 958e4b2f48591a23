//! The `municipalities` and `subsidies` tables (migration 22): the municipalities a branch serves,
//! with how many participants live in each, and the subsidies it reports on. A subsidy's
//! programmes are kept as comma-separated ids.

use crate::db::{iso_date, parsed};
use crate::StoreError;
use chrono::{DateTime, Utc};
use draagkracht_core::funding::ValidSubsidy;
use draagkracht_core::period::DateRange;
use draagkracht_core::{MunicipalityId, ProgrammeId, SubsidyId};
use rusqlite::{params, Connection, Transaction};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MunicipalityRecord {
    pub id: MunicipalityId,
    pub name: String,
    /// Participants who live there.
    pub participants: u32,
    /// Subsidies for it.
    pub subsidies: u32,
}

/// Every municipality, by name.
pub fn municipalities(conn: &Connection) -> Result<Vec<MunicipalityRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.name,
                (SELECT count(*) FROM participants p WHERE p.municipality_id = m.id),
                (SELECT count(*) FROM subsidies s WHERE s.municipality_id = m.id)
         FROM municipalities m ORDER BY m.name COLLATE NOCASE, m.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(MunicipalityRecord {
            id: parsed(r, 0, MunicipalityId::parse)?,
            name: r.get(1)?,
            participants: r.get(2)?,
            subsidies: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Adds (`new`) or renames a municipality; false when there is no such one to rename.
pub fn save_municipality(
    tx: &Transaction,
    id: MunicipalityId,
    name: &str,
    new: bool,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let values = params![id.to_string(), name, now.to_rfc3339()];
    let changed = if new {
        tx.execute("INSERT INTO municipalities (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)", values)?
    } else {
        tx.execute("UPDATE municipalities SET name = ?2, updated_at = ?3 WHERE id = ?1", values)?
    };
    Ok(changed == 1)
}

pub fn remove_municipality(tx: &Transaction, id: MunicipalityId) -> Result<bool, StoreError> {
    Ok(tx.execute("DELETE FROM municipalities WHERE id = ?1", [id.to_string()])? == 1)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubsidyRecord {
    pub id: SubsidyId,
    pub subsidy: ValidSubsidy,
    /// The municipality's name, while the branch has it.
    pub municipality_name: Option<String>,
}

/// Every subsidy, the latest period first.
pub fn subsidies(conn: &Connection) -> Result<Vec<SubsidyRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.name, s.funder, m.id, s.first_day, s.last_day, s.programmes, s.amount_cents, m.name
         FROM subsidies s LEFT JOIN municipalities m ON m.id = s.municipality_id
         ORDER BY s.first_day DESC, s.name COLLATE NOCASE, s.id",
    )?;
    let rows = stmt.query_map([], |r| {
        let programmes: String = r.get(6)?;
        Ok(SubsidyRecord {
            id: parsed(r, 0, SubsidyId::parse)?,
            subsidy: ValidSubsidy {
                name: r.get(1)?,
                funder: r.get(2)?,
                municipality: r.get::<_, Option<String>>(3)?.as_deref().and_then(MunicipalityId::parse),
                period: DateRange { first: parsed(r, 4, iso_date)?, last: parsed(r, 5, iso_date)? },
                programmes: programmes.split(',').filter_map(ProgrammeId::parse).collect(),
                amount_cents: r.get::<_, i64>(7)? as u64,
            },
            municipality_name: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Adds (`new`) or changes a subsidy; false when there is no such one to change.
pub fn save_subsidy(
    tx: &Transaction,
    id: SubsidyId,
    s: &ValidSubsidy,
    new: bool,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let programmes = s.programmes.iter().map(ToString::to_string).collect::<Vec<_>>().join(",");
    let values = params![
        id.to_string(),
        s.name,
        s.funder,
        s.municipality.map(|m| m.to_string()),
        s.period.first.to_string(),
        s.period.last.to_string(),
        programmes,
        s.amount_cents as i64,
        now.to_rfc3339()
    ];
    let changed = if new {
        tx.execute(
            "INSERT INTO subsidies (id, name, funder, municipality_id, first_day, last_day, programmes, amount_cents,
                                    created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            values,
        )?
    } else {
        tx.execute(
            "UPDATE subsidies SET name = ?2, funder = ?3, municipality_id = ?4, first_day = ?5, last_day = ?6,
                                  programmes = ?7, amount_cents = ?8, updated_at = ?9 WHERE id = ?1",
            values,
        )?
    };
    Ok(changed == 1)
}

pub fn remove_subsidy(tx: &Transaction, id: SubsidyId) -> Result<bool, StoreError> {
    Ok(tx.execute("DELETE FROM subsidies WHERE id = ?1", [id.to_string()])? == 1)
}
