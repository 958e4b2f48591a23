//! The `volunteers` table and their programmes (`volunteer_programmes`).

use crate::db::{iso_date, parsed};
use crate::StoreError;
use chrono::{DateTime, NaiveDate, Utc};
use draagkracht_core::{ProgrammeId, ValidVolunteer, VolunteerId, VolunteerStatus};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolunteerRecord {
    pub id: VolunteerId,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub status: VolunteerStatus,
    pub start_date: NaiveDate,
    pub agreed_minutes_per_week: u32,
    pub programmes: Vec<ProgrammeId>,
    /// Set when their status became "gestopt" (migration 21).
    pub stopped_on: Option<NaiveDate>,
}

/// A volunteer as the list shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolunteerSummary {
    pub id: VolunteerId,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub status: VolunteerStatus,
    pub programme_names: Vec<String>,
    /// Minutes without training between the two dates given to [`summaries`].
    pub minutes_in_window: u32,
    pub last_entry_date: Option<NaiveDate>,
}

const COLUMNS: &str = "id, name, email, phone, status, start_date, agreed_minutes_per_week";

fn from_row(row: &Row) -> rusqlite::Result<VolunteerRecord> {
    Ok(VolunteerRecord {
        id: parsed(row, 0, VolunteerId::parse)?,
        name: row.get(1)?,
        email: row.get(2)?,
        phone: row.get(3)?,
        status: parsed(row, 4, VolunteerStatus::parse)?,
        start_date: parsed(row, 5, iso_date)?,
        agreed_minutes_per_week: row.get(6)?,
        programmes: Vec::new(),
        stopped_on: row.get::<_, Option<String>>(7)?.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
    })
}

pub fn get(conn: &Connection, id: VolunteerId) -> Result<Option<VolunteerRecord>, StoreError> {
    let Some(mut record) = conn
        .query_row(&format!("SELECT {COLUMNS}, stopped_on FROM volunteers WHERE id = ?1"), [id.to_string()], from_row)
        .optional()?
    else {
        return Ok(None);
    };
    let mut stmt = conn.prepare(
        "SELECT vp.programme_id FROM volunteer_programmes vp JOIN programmes p ON p.id = vp.programme_id
         WHERE vp.volunteer_id = ?1 ORDER BY p.sort_order, p.name",
    )?;
    record.programmes =
        stmt.query_map([id.to_string()], |r| parsed(r, 0, ProgrammeId::parse))?.collect::<Result<_, _>>()?;
    Ok(Some(record))
}

/// Every volunteer's id and name (an import matches rows by name).
pub fn names(conn: &Connection) -> Result<Vec<(VolunteerId, String)>, StoreError> {
    let mut stmt = conn.prepare("SELECT id, name FROM volunteers")?;
    let rows = stmt.query_map([], |r| Ok((parsed(r, 0, VolunteerId::parse)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn exists(conn: &Connection, id: VolunteerId) -> Result<bool, StoreError> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM volunteers WHERE id = ?1)", [id.to_string()], |r| r.get(0))?)
}

/// Every volunteer, optionally of one status, by name, with their hours between `first` and `last`.
pub fn summaries(
    conn: &Connection,
    status: Option<VolunteerStatus>,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<VolunteerSummary>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT v.id, v.name, v.email, v.phone, v.status,
                (SELECT group_concat(p.name, char(31)) FROM
                    (SELECT p.name FROM volunteer_programmes vp JOIN programmes p ON p.id = vp.programme_id
                     WHERE vp.volunteer_id = v.id ORDER BY p.sort_order, p.name) AS p),
                (SELECT coalesce(sum(h.minutes), 0) FROM hour_entries h
                 WHERE h.volunteer_id = v.id AND h.date BETWEEN ?2 AND ?3 AND h.kind <> 'training'),
                (SELECT max(h.date) FROM hour_entries h WHERE h.volunteer_id = v.id)
         FROM volunteers v
         WHERE ?1 IS NULL OR v.status = ?1
         ORDER BY v.name COLLATE NOCASE, v.id",
    )?;
    let rows = stmt.query_map(params![status.map(|s| s.as_str()), first.to_string(), last.to_string()], |r| {
        let names: Option<String> = r.get(5)?;
        let last_entry: Option<String> = r.get(7)?;
        Ok(VolunteerSummary {
            id: parsed(r, 0, VolunteerId::parse)?,
            name: r.get(1)?,
            email: r.get(2)?,
            phone: r.get(3)?,
            status: parsed(r, 4, VolunteerStatus::parse)?,
            programme_names: names.map(|n| n.split('\u{1f}').map(String::from).collect()).unwrap_or_default(),
            minutes_in_window: r.get(6)?,
            last_entry_date: last_entry.as_deref().and_then(iso_date),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn insert(tx: &Transaction, id: VolunteerId, v: &ValidVolunteer, now: DateTime<Utc>) -> Result<(), StoreError> {
    tx.execute(
        &format!(
            "INSERT INTO volunteers ({COLUMNS}, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)"
        ),
        params![
            id.to_string(),
            v.name,
            v.email,
            v.phone,
            v.status.as_str(),
            v.start_date.to_string(),
            v.agreed_minutes_per_week,
            now.to_rfc3339()
        ],
    )?;
    set_programmes(tx, id, &v.programmes)
}

/// Returns false when there is no such volunteer. A status that becomes "gestopt" sets the stop
/// date to `today` (one already stopped keeps theirs); any other status clears it.
pub fn update(
    tx: &Transaction,
    id: VolunteerId,
    v: &ValidVolunteer,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let changed = tx.execute(
        "UPDATE volunteers SET name = ?2, email = ?3, phone = ?4, status = ?5, start_date = ?6,
                agreed_minutes_per_week = ?7, updated_at = ?8,
                stopped_on = CASE WHEN ?5 <> 'stopped' THEN NULL
                                  WHEN status = 'stopped' THEN stopped_on
                                  ELSE ?9 END
         WHERE id = ?1",
        params![
            id.to_string(),
            v.name,
            v.email,
            v.phone,
            v.status.as_str(),
            v.start_date.to_string(),
            v.agreed_minutes_per_week,
            now.to_rfc3339(),
            today.to_string()
        ],
    )?;
    if changed == 0 {
        return Ok(false);
    }
    set_programmes(tx, id, &v.programmes)?;
    Ok(true)
}

/// The day a volunteer stopped, for those written as stopped already (the demo's history).
pub fn set_stopped_on(tx: &Transaction, id: VolunteerId, day: NaiveDate) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE volunteers SET stopped_on = ?2 WHERE id = ?1 AND status = 'stopped'",
        params![id.to_string(), day.to_string()],
    )?;
    Ok(())
}

/// Sets a volunteer's programmes, touching only the memberships that change: a membership left as
/// it was is no change to share (rewriting it would undo another laptop's removal).
fn set_programmes(tx: &Transaction, id: VolunteerId, programmes: &[ProgrammeId]) -> Result<(), StoreError> {
    let wanted: Vec<String> = programmes.iter().map(|p| p.to_string()).collect();
    let current: Vec<String> = tx
        .prepare("SELECT programme_id FROM volunteer_programmes WHERE volunteer_id = ?1")?
        .query_map([id.to_string()], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for gone in current.iter().filter(|p| !wanted.contains(p)) {
        tx.execute(
            "DELETE FROM volunteer_programmes WHERE volunteer_id = ?1 AND programme_id = ?2",
            [id.to_string(), gone.clone()],
        )?;
    }
    let mut stmt = tx.prepare("INSERT INTO volunteer_programmes (volunteer_id, programme_id) VALUES (?1, ?2)")?;
    for new in wanted.iter().filter(|p| !current.contains(p)) {
        stmt.execute([id.to_string(), new.clone()])?;
    }
    Ok(())
}

/// Volunteers who may log hours (not stopped), the most recently used first: by the latest entry
/// written for them, then by name. Each with the active programme of their latest entry, else their
/// first active programme.
pub fn by_last_use(
    conn: &Connection,
) -> Result<Vec<(VolunteerId, String, VolunteerStatus, Option<ProgrammeId>)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT v.id, v.name, v.status,
                coalesce(
                    (SELECT h.programme_id FROM hour_entries h JOIN programmes p ON p.id = h.programme_id
                     WHERE h.volunteer_id = v.id AND p.active ORDER BY h.created_at DESC, h.id DESC LIMIT 1),
                    (SELECT vp.programme_id FROM volunteer_programmes vp JOIN programmes p ON p.id = vp.programme_id
                     WHERE vp.volunteer_id = v.id AND p.active ORDER BY p.sort_order LIMIT 1)),
                (SELECT max(h.created_at) FROM hour_entries h WHERE h.volunteer_id = v.id) AS last_used
         FROM volunteers v
         WHERE v.status <> 'stopped'
         ORDER BY last_used IS NULL, last_used DESC, v.name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([], |r| {
        let programme: Option<String> = r.get(3)?;
        Ok((
            parsed(r, 0, VolunteerId::parse)?,
            r.get(1)?,
            parsed(r, 2, VolunteerStatus::parse)?,
            programme.as_deref().and_then(ProgrammeId::parse),
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every volunteer's id, status and first programme (in the coordinator's order).
pub fn main_programmes(
    conn: &Connection,
) -> Result<Vec<(VolunteerId, VolunteerStatus, Option<ProgrammeId>)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT v.id, v.status,
                (SELECT vp.programme_id FROM volunteer_programmes vp JOIN programmes p ON p.id = vp.programme_id
                 WHERE vp.volunteer_id = v.id ORDER BY p.sort_order LIMIT 1)
         FROM volunteers v",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            parsed(r, 0, VolunteerId::parse)?,
            parsed(r, 1, VolunteerStatus::parse)?,
            r.get::<_, Option<String>>(2)?.as_deref().and_then(ProgrammeId::parse),
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// How many volunteers have this status.
pub fn count_with_status(conn: &Connection, status: VolunteerStatus) -> Result<u32, StoreError> {
    Ok(conn.query_row("SELECT count(*) FROM volunteers WHERE status = ?1", [status.as_str()], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::testing::temp_db;
    use uuid::Uuid;

    fn anna(programmes: Vec<ProgrammeId>) -> ValidVolunteer {
        ValidVolunteer {
            name: "Anna de Vries".into(),
            email: Some("anna@example.nl".into()),
            phone: None,
            status: VolunteerStatus::Active,
            start_date: NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
            agreed_minutes_per_week: 240,
            programmes,
        }
    }

    #[test]
    fn a_volunteer_reads_back_as_written_including_programmes() {
        let mut t = temp_db();
        let now = Utc::now();
        t.db.write(|tx| crate::programmes::seed_defaults(tx, now, || ProgrammeId(Uuid::now_v7()))).unwrap();
        let progs: Vec<_> = crate::programmes::list(t.db.conn()).unwrap().into_iter().map(|p| p.id).collect();
        let id = VolunteerId(Uuid::now_v7());
        let v = anna(vec![progs[0], progs[2]]);
        t.db.write(|tx| insert(tx, id, &v, now)).unwrap();
        let back = get(t.db.conn(), id).unwrap().unwrap();
        assert_eq!(
            (back.name.as_str(), back.status, back.agreed_minutes_per_week),
            ("Anna de Vries", VolunteerStatus::Active, 240)
        );
        assert_eq!(back.programmes, vec![progs[0], progs[2]]);

        let changed = ValidVolunteer { status: VolunteerStatus::Resting, programmes: vec![progs[1]], ..v };
        assert!(t.db.write(|tx| update(tx, id, &changed, now.date_naive(), now)).unwrap());
        let back = get(t.db.conn(), id).unwrap().unwrap();
        assert_eq!((back.status, back.programmes), (VolunteerStatus::Resting, vec![progs[1]]));
        assert!(!t.db.write(|tx| update(tx, VolunteerId(Uuid::now_v7()), &changed, now.date_naive(), now)).unwrap());
    }

    #[test]
    fn an_unknown_programme_is_refused_by_the_foreign_key() {
        let mut t = temp_db();
        let result = t
            .db
            .write(|tx| insert(tx, VolunteerId(Uuid::now_v7()), &anna(vec![ProgrammeId(Uuid::now_v7())]), Utc::now()));
        assert!(result.is_err());
        assert_eq!(
            summaries(t.db.conn(), None, NaiveDate::MIN, NaiveDate::MAX).unwrap().len(),
            0,
            "nothing half-written"
        );
    }
}
