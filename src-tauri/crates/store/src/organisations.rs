//! The `organisations` table: the branch's sociale kaart. Kinds and domains are kept as
//! comma-separated wire names.

use crate::db::parsed;
use crate::StoreError;
use chrono::{DateTime, Utc};
use draagkracht_core::complexity::LifeDomain;
use draagkracht_core::directory::ValidOrganisation;
use draagkracht_core::{OrganisationId, ProfessionalKind};
use rusqlite::{params, Connection, Transaction};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationRecord {
    pub id: OrganisationId,
    pub organisation: ValidOrganisation,
}

fn names<T: Copy>(values: &[T], name: impl Fn(T) -> &'static str) -> String {
    values.iter().map(|v| name(*v)).collect::<Vec<_>>().join(",")
}

/// Every organisation, by name.
pub fn list(conn: &Connection) -> Result<Vec<OrganisationRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, what, kinds, domains, contact, opening_hours, notes FROM organisations
         ORDER BY name COLLATE NOCASE, id",
    )?;
    let rows = stmt.query_map([], |r| {
        let kinds: String = r.get(3)?;
        let domains: String = r.get(4)?;
        Ok(OrganisationRecord {
            id: parsed(r, 0, OrganisationId::parse)?,
            organisation: ValidOrganisation {
                name: r.get(1)?,
                what: r.get(2)?,
                kinds: kinds.split(',').filter_map(ProfessionalKind::parse).collect(),
                domains: domains.split(',').filter_map(LifeDomain::parse).collect(),
                contact: r.get(5)?,
                opening_hours: r.get(6)?,
                notes: r.get(7)?,
            },
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Adds (`new`) or changes an organisation.
pub fn save(
    tx: &Transaction,
    id: OrganisationId,
    o: &ValidOrganisation,
    new: bool,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let values = params![
        id.to_string(),
        o.name,
        o.what,
        names(&o.kinds, ProfessionalKind::as_str),
        names(&o.domains, LifeDomain::as_str),
        o.contact,
        o.opening_hours,
        o.notes,
        now.to_rfc3339()
    ];
    let changed = if new {
        tx.execute(
            "INSERT INTO organisations (id, name, what, kinds, domains, contact, opening_hours, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            values,
        )?
    } else {
        tx.execute(
            "UPDATE organisations SET name = ?2, what = ?3, kinds = ?4, domains = ?5, contact = ?6,
                                      opening_hours = ?7, notes = ?8, updated_at = ?9 WHERE id = ?1",
            values,
        )?
    };
    Ok(changed == 1)
}

/// Returns false when there was no such organisation.
pub fn remove(tx: &Transaction, id: OrganisationId) -> Result<bool, StoreError> {
    Ok(tx.execute("DELETE FROM organisations WHERE id = ?1", [id.to_string()])? == 1)
}
