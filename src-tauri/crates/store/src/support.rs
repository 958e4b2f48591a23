//! What keeps a volunteer supported, one small table each: `trainings`, `supervision_contacts`,
//! `check_ins` and `allowances`; and the VOG date on `volunteers`.

use crate::db::{iso_date, parsed};
use crate::StoreError;
use chrono::{DateTime, NaiveDate, Utc};
use draagkracht_core::support::SupervisionKind;
use draagkracht_core::VolunteerId;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Training {
    pub id: String,
    pub name: String,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupervisionContact {
    pub id: String,
    pub date: NaiveDate,
    pub kind: SupervisionKind,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckIn {
    pub id: String,
    pub date: NaiveDate,
    pub answers: Vec<bool>,
    pub note: Option<String>,
}

/// An allowance: the first day of its month and the amount in cents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowance {
    pub id: String,
    pub month: NaiveDate,
    pub cents: u32,
}

pub fn vog_date(conn: &Connection, volunteer: VolunteerId) -> Result<Option<NaiveDate>, StoreError> {
    let text: Option<Option<String>> = conn
        .query_row("SELECT vog_date FROM volunteers WHERE id = ?1", [volunteer.to_string()], |r| r.get(0))
        .optional()?;
    Ok(text.flatten().as_deref().and_then(iso_date))
}

pub fn set_vog_date(tx: &Transaction, volunteer: VolunteerId, date: Option<NaiveDate>) -> Result<bool, StoreError> {
    Ok(tx.execute(
        "UPDATE volunteers SET vog_date = ?2 WHERE id = ?1",
        params![volunteer.to_string(), date.map(|d| d.to_string())],
    )? == 1)
}

pub fn trainings(conn: &Connection, volunteer: VolunteerId) -> Result<Vec<Training>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT id, name, date FROM trainings WHERE volunteer_id = ?1 ORDER BY date DESC, id")?;
    let rows = stmt.query_map([volunteer.to_string()], |r| {
        Ok(Training { id: r.get(0)?, name: r.get(1)?, date: parsed(r, 2, iso_date)? })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn add_training(
    tx: &Transaction,
    volunteer: VolunteerId,
    name: &str,
    date: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO trainings (id, volunteer_id, name, date, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![Uuid::now_v7().to_string(), volunteer.to_string(), name, date.to_string(), now.to_rfc3339()],
    )?;
    Ok(())
}

pub fn supervision(conn: &Connection, volunteer: VolunteerId) -> Result<Vec<SupervisionContact>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, date, kind, note FROM supervision_contacts WHERE volunteer_id = ?1 ORDER BY date DESC, id",
    )?;
    let rows = stmt.query_map([volunteer.to_string()], |r| {
        Ok(SupervisionContact {
            id: r.get(0)?,
            date: parsed(r, 1, iso_date)?,
            kind: parsed(r, 2, SupervisionKind::parse)?,
            note: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn add_supervision(
    tx: &Transaction,
    volunteer: VolunteerId,
    date: NaiveDate,
    kind: SupervisionKind,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.prepare_cached("INSERT INTO supervision_contacts (id, volunteer_id, date, kind, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?
        .execute(params![Uuid::now_v7().to_string(), volunteer.to_string(), date.to_string(), kind.as_str(), note, now.to_rfc3339()])?;
    Ok(())
}

pub fn check_ins(conn: &Connection, volunteer: VolunteerId) -> Result<Vec<CheckIn>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, date, answers, note FROM check_ins WHERE volunteer_id = ?1 ORDER BY date DESC, created_at DESC",
    )?;
    let rows = stmt.query_map([volunteer.to_string()], |r| {
        let answers: String = r.get(2)?;
        Ok(CheckIn {
            id: r.get(0)?,
            date: parsed(r, 1, iso_date)?,
            answers: answers.chars().map(|c| c == '1').collect(),
            note: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn add_check_in(
    tx: &Transaction,
    volunteer: VolunteerId,
    date: NaiveDate,
    answers: &[bool],
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let answers: String = answers.iter().map(|a| if *a { '1' } else { '0' }).collect();
    tx.prepare_cached(
        "INSERT INTO check_ins (id, volunteer_id, date, answers, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        Uuid::now_v7().to_string(),
        volunteer.to_string(),
        date.to_string(),
        answers,
        note,
        now.to_rfc3339()
    ])?;
    Ok(())
}

/// A volunteer's allowances from `since` on, newest first.
pub fn allowances(conn: &Connection, volunteer: VolunteerId, since: NaiveDate) -> Result<Vec<Allowance>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, month, amount_cents FROM allowances WHERE volunteer_id = ?1 AND month >= ?2 ORDER BY month DESC",
    )?;
    let rows = stmt.query_map(params![volunteer.to_string(), since.to_string()], |r| {
        Ok(Allowance { id: r.get(0)?, month: parsed(r, 1, iso_date)?, cents: r.get(2)? })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The id of a volunteer's allowance for a month: the same on every laptop (the volunteer's id
/// with the month's day number in its lowest bits, version and variant untouched), so two laptops
/// that record it apart write one row and its amount merges field by field, instead of two rows
/// that the `UNIQUE (volunteer_id, month)` rule would refuse.
fn allowance_id(volunteer: VolunteerId, month: NaiveDate) -> Uuid {
    let day = month.signed_duration_since(NaiveDate::default()).num_days().unsigned_abs() as u128 & 0xFFFF_FFFF;
    Uuid::from_u128(volunteer.0.as_u128() ^ day)
}

/// Records the allowance of a month, replacing what was recorded for that month before.
pub fn set_allowance(
    tx: &Transaction,
    volunteer: VolunteerId,
    month: NaiveDate,
    cents: u32,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO allowances (id, volunteer_id, month, amount_cents, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (volunteer_id, month) DO UPDATE SET amount_cents = excluded.amount_cents",
    )?
    .execute(params![
        allowance_id(volunteer, month).to_string(),
        volunteer.to_string(),
        month.to_string(),
        cents,
        now.to_rfc3339()
    ])?;
    Ok(())
}

/// The trainings required by a programme.
pub fn required_training(
    conn: &Connection,
    programme: draagkracht_core::ProgrammeId,
) -> Result<Option<String>, StoreError> {
    let text: Option<Option<String>> = conn
        .query_row("SELECT required_training FROM programmes WHERE id = ?1", [programme.to_string()], |r| r.get(0))
        .optional()?;
    Ok(text.flatten())
}

pub fn set_required_training(
    tx: &Transaction,
    programme: draagkracht_core::ProgrammeId,
    training: Option<&str>,
) -> Result<bool, StoreError> {
    Ok(tx.execute(
        "UPDATE programmes SET required_training = ?2 WHERE id = ?1",
        params![programme.to_string(), training],
    )? == 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::testing::temp_db;
    use draagkracht_core::{ProgrammeId, ValidVolunteer, VolunteerStatus};

    #[test]
    fn support_records_read_back_newest_first() {
        let mut t = temp_db();
        let now = Utc::now();
        let v = VolunteerId(Uuid::now_v7());
        let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
        t.db.write(|tx| {
            crate::programmes::seed_defaults(tx, now, || ProgrammeId(Uuid::now_v7()))?;
            let volunteer = ValidVolunteer {
                name: "Anna".into(),
                email: None,
                phone: None,
                status: VolunteerStatus::Active,
                start_date: d(1, 1),
                agreed_minutes_per_week: 240,
                programmes: vec![],
            };
            crate::volunteers::insert(tx, v, &volunteer, now)?;
            set_vog_date(tx, v, Some(d(2, 1)))?;
            add_training(tx, v, "Basistraining", d(3, 1), now)?;
            add_supervision(tx, v, d(4, 1), SupervisionKind::Intervision, None, now)?;
            add_supervision(tx, v, d(5, 1), SupervisionKind::Supervision, Some("goed gesprek"), now)?;
            add_check_in(tx, v, d(5, 2), &[true, false, true], None, now)?;
            set_allowance(tx, v, d(5, 1), 10_000, now)?;
            set_allowance(tx, v, d(5, 1), 12_000, now)
        })
        .unwrap();
        let c = t.db.conn();
        assert_eq!(vog_date(c, v).unwrap(), Some(d(2, 1)));
        assert_eq!(trainings(c, v).unwrap()[0].name, "Basistraining");
        assert_eq!(supervision(c, v).unwrap()[0].date, d(5, 1), "newest first");
        assert_eq!(check_ins(c, v).unwrap()[0].answers, vec![true, false, true]);
        let a = allowances(c, v, d(1, 1)).unwrap();
        assert_eq!((a.len(), a[0].cents), (1, 12_000), "one allowance per month, the latest amount");
    }
}
