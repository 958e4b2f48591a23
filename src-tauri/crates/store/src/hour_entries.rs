//! The `hour_entries` table: single inserts for the window, a bulk insert for the demo generator and
//! imports, and the sums the screens show (computed in SQL, where they are cheapest).

use crate::db::{iso_date, parsed};
use crate::StoreError;
use chrono::{DateTime, NaiveDate, Utc};
use draagkracht_core::{
    ActivityId, ActivityLevel, DateRange, HourEntryId, HourKind, MatchId, NewHourEntry, ProgrammeId, VolunteerId,
};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

/// A stored entry with the names the screens show beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HourEntryRecord {
    pub id: HourEntryId,
    pub volunteer_id: VolunteerId,
    pub volunteer_name: String,
    pub date: NaiveDate,
    pub minutes: u32,
    pub programme_id: ProgrammeId,
    pub programme_name: String,
    pub kind: HourKind,
    pub note: Option<String>,
    pub match_id: Option<MatchId>,
    pub activity_id: Option<ActivityId>,
    pub activity_name: Option<String>,
    pub activity_level: Option<ActivityLevel>,
}

const INSERT: &str =
    "INSERT INTO hour_entries (id, volunteer_id, programme_id, date, minutes, kind, note, created_at, match_id, activity_id)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

pub fn insert(tx: &Transaction, id: HourEntryId, e: &NewHourEntry, now: DateTime<Utc>) -> Result<(), StoreError> {
    insert_many(tx, [(id, e, now)]).map(|_| ())
}

/// Inserts many entries with one prepared statement, inside the caller's transaction.
pub fn insert_many<'a>(
    tx: &Transaction,
    entries: impl IntoIterator<Item = (HourEntryId, &'a NewHourEntry, DateTime<Utc>)>,
) -> Result<usize, StoreError> {
    let mut stmt = tx.prepare_cached(INSERT)?;
    let mut count = 0;
    for (id, e, at) in entries {
        stmt.execute(params![
            id.to_string(),
            e.volunteer.to_string(),
            e.programme.to_string(),
            e.date.to_string(),
            e.minutes.get(),
            e.kind.as_str(),
            e.note,
            at.to_rfc3339(),
            e.match_id.map(|m| m.to_string()),
            e.activity.map(|a| a.to_string())
        ])?;
        count += 1;
    }
    Ok(count)
}

/// An entry identical to `e` already saved for that day, if any.
pub fn find_identical(conn: &Connection, e: &NewHourEntry) -> Result<Option<HourEntryId>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT id FROM hour_entries
             WHERE volunteer_id = ?1 AND date = ?2 AND minutes = ?3 AND programme_id = ?4 AND kind = ?5 AND note IS ?6
               AND match_id IS ?7 AND activity_id IS ?8
             LIMIT 1",
            params![
                e.volunteer.to_string(),
                e.date.to_string(),
                e.minutes.get(),
                e.programme.to_string(),
                e.kind.as_str(),
                e.note,
                e.match_id.map(|m| m.to_string()),
                e.activity.map(|a| a.to_string())
            ],
            |r| parsed(r, 0, HourEntryId::parse),
        )
        .optional()?)
}

/// What makes two entries the same (as [`find_identical`] compares them) for every entry without a
/// match or activity dated from `since`, as one text key each: an import compares whole files with
/// this instead of asking row by row.
pub fn identity_keys_since(
    conn: &Connection,
    since: NaiveDate,
) -> Result<std::collections::HashSet<String>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT volunteer_id || '|' || date || '|' || minutes || '|' || programme_id || '|' || kind || '|' || coalesce(note, '')
         FROM hour_entries WHERE date >= ?1 AND match_id IS NULL AND activity_id IS NULL",
    )?;
    let rows = stmt.query_map([since.to_string()], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The identity key of a new entry without match or activity, as [`identity_keys_since`] makes them.
pub fn identity_key(e: &NewHourEntry) -> String {
    format!(
        "{}|{}|{}|{}|{}|{}",
        e.volunteer,
        e.date,
        e.minutes.get(),
        e.programme,
        e.kind.as_str(),
        e.note.as_deref().unwrap_or("")
    )
}

/// Returns false when there was no such entry.
pub fn delete(tx: &Transaction, id: HourEntryId) -> Result<bool, StoreError> {
    Ok(tx.execute("DELETE FROM hour_entries WHERE id = ?1", [id.to_string()])? == 1)
}

const SELECT_WITH_NAMES: &str =
    "SELECT h.id, h.volunteer_id, v.name, h.date, h.minutes, h.programme_id, p.name, h.kind, h.note,
            h.match_id, h.activity_id, a.name, a.level
     FROM hour_entries h
     JOIN volunteers v ON v.id = h.volunteer_id
     JOIN programmes p ON p.id = h.programme_id
     LEFT JOIN activities a ON a.id = h.activity_id";

fn record(r: &rusqlite::Row) -> rusqlite::Result<HourEntryRecord> {
    Ok(HourEntryRecord {
        id: parsed(r, 0, HourEntryId::parse)?,
        volunteer_id: parsed(r, 1, VolunteerId::parse)?,
        volunteer_name: r.get(2)?,
        date: parsed(r, 3, iso_date)?,
        minutes: r.get(4)?,
        programme_id: parsed(r, 5, ProgrammeId::parse)?,
        programme_name: r.get(6)?,
        kind: parsed(r, 7, HourKind::parse)?,
        note: r.get(8)?,
        match_id: r.get::<_, Option<String>>(9)?.as_deref().and_then(MatchId::parse),
        activity_id: r.get::<_, Option<String>>(10)?.as_deref().and_then(ActivityId::parse),
        activity_name: r.get(11)?,
        activity_level: r.get::<_, Option<String>>(12)?.as_deref().and_then(ActivityLevel::parse),
    })
}

pub fn get(conn: &Connection, id: HourEntryId) -> Result<Option<HourEntryRecord>, StoreError> {
    Ok(conn.query_row(&format!("{SELECT_WITH_NAMES} WHERE h.id = ?1"), [id.to_string()], record).optional()?)
}

/// A volunteer's most recent entries, newest date first (then the latest written).
pub fn recent_for_volunteer(
    conn: &Connection,
    volunteer: VolunteerId,
    limit: u32,
) -> Result<Vec<HourEntryRecord>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT_WITH_NAMES} WHERE h.volunteer_id = ?1 ORDER BY h.date DESC, h.created_at DESC, h.id DESC LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![volunteer.to_string(), limit], record)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A volunteer's entries on one day, in the order they were written (the week grid lists them
/// when a lower day total is typed).
pub fn for_volunteer_on(
    conn: &Connection,
    volunteer: VolunteerId,
    date: NaiveDate,
) -> Result<Vec<HourEntryRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT_WITH_NAMES} WHERE h.volunteer_id = ?1 AND h.date = ?2 ORDER BY h.created_at, h.id"
    ))?;
    let rows = stmt.query_map(params![volunteer.to_string(), date.to_string()], record)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A volunteer's entries from `since` on, oldest first (the history the signal rules read).
pub fn for_volunteer_since(
    conn: &Connection,
    volunteer: VolunteerId,
    since: NaiveDate,
) -> Result<Vec<HourEntryRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT_WITH_NAMES} WHERE h.volunteer_id = ?1 AND h.date >= ?2 ORDER BY h.date, h.created_at, h.id"
    ))?;
    let rows = stmt.query_map(params![volunteer.to_string(), since.to_string()], record)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Work minutes (training apart) per volunteer within `range`.
pub fn work_minutes_per_volunteer(conn: &Connection, range: DateRange) -> Result<Vec<(VolunteerId, u32)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT volunteer_id, sum(minutes) FROM hour_entries
         WHERE date BETWEEN ?1 AND ?2 AND kind <> 'training' GROUP BY volunteer_id",
    )?;
    let rows = stmt.query_map([range.first.to_string(), range.last.to_string()], |r| {
        Ok((parsed(r, 0, VolunteerId::parse)?, r.get(1)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Minutes of one volunteer within each window, without training; and training minutes within
/// `training_window`. One pass over the volunteer's entries.
pub fn sums_for_volunteer(
    conn: &Connection,
    volunteer: VolunteerId,
    windows: &[DateRange],
    training_window: DateRange,
) -> Result<(Vec<u32>, u32), StoreError> {
    let mut sums = Vec::with_capacity(windows.len());
    let mut stmt = conn.prepare_cached(
        "SELECT coalesce(sum(minutes) FILTER (WHERE kind <> 'training'), 0),
                coalesce(sum(minutes) FILTER (WHERE kind = 'training'), 0)
         FROM hour_entries WHERE volunteer_id = ?1 AND date BETWEEN ?2 AND ?3",
    )?;
    for w in windows {
        let (work, _): (u32, u32) = stmt
            .query_row(params![volunteer.to_string(), w.first.to_string(), w.last.to_string()], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        sums.push(work);
    }
    let (_, training): (u32, u32) = stmt.query_row(
        params![volunteer.to_string(), training_window.first.to_string(), training_window.last.to_string()],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok((sums, training))
}

/// The minutes a volunteer has on one day (training included).
pub fn minutes_on(conn: &Connection, volunteer: VolunteerId, date: NaiveDate) -> Result<u32, StoreError> {
    Ok(conn
        .prepare_cached("SELECT coalesce(sum(minutes), 0) FROM hour_entries WHERE volunteer_id = ?1 AND date = ?2")?
        .query_row(rusqlite::params![volunteer.to_string(), date.to_string()], |r| r.get(0))?)
}

/// Minutes per volunteer per day within `range` (training included): (volunteer, date, minutes).
pub fn minutes_per_day(conn: &Connection, range: DateRange) -> Result<Vec<(VolunteerId, NaiveDate, u32)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT volunteer_id, date, sum(minutes) FROM hour_entries
         WHERE date BETWEEN ?1 AND ?2 GROUP BY volunteer_id, date",
    )?;
    let rows = stmt.query_map([range.first.to_string(), range.last.to_string()], |r| {
        Ok((parsed(r, 0, VolunteerId::parse)?, parsed(r, 1, iso_date)?, r.get(2)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Per programme within `range`: (programme, work minutes, training minutes, distinct volunteers).
pub fn per_programme(conn: &Connection, range: DateRange) -> Result<Vec<(ProgrammeId, u32, u32, u32)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT programme_id,
                coalesce(sum(minutes) FILTER (WHERE kind <> 'training'), 0),
                coalesce(sum(minutes) FILTER (WHERE kind = 'training'), 0),
                count(DISTINCT volunteer_id)
         FROM hour_entries WHERE date BETWEEN ?1 AND ?2 GROUP BY programme_id",
    )?;
    let rows = stmt.query_map([range.first.to_string(), range.last.to_string()], |r| {
        Ok((parsed(r, 0, ProgrammeId::parse)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Per calendar year: (year, work minutes, training minutes, distinct volunteers).
pub fn per_year(conn: &Connection) -> Result<Vec<(i32, i64, i64, u32)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT CAST(substr(date, 1, 4) AS INTEGER),
                coalesce(sum(minutes) FILTER (WHERE kind <> 'training'), 0),
                coalesce(sum(minutes) FILTER (WHERE kind = 'training'), 0),
                count(DISTINCT volunteer_id)
         FROM hour_entries GROUP BY 1 ORDER BY 1",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Per calendar year and activity level: minutes of entries with an activity of that level.
pub fn per_year_and_level(conn: &Connection) -> Result<Vec<(i32, ActivityLevel, i64)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT CAST(substr(h.date, 1, 4) AS INTEGER), a.level, sum(h.minutes)
         FROM hour_entries h JOIN activities a ON a.id = h.activity_id GROUP BY 1, 2 ORDER BY 1",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, parsed(r, 1, ActivityLevel::parse)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Distinct volunteers with any entry within `range`.
pub fn volunteers_with_hours(conn: &Connection, range: DateRange) -> Result<u32, StoreError> {
    Ok(conn.query_row(
        "SELECT count(DISTINCT volunteer_id) FROM hour_entries WHERE date BETWEEN ?1 AND ?2",
        [range.first.to_string(), range.last.to_string()],
        |r| r.get(0),
    )?)
}

pub fn count(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("SELECT count(*) FROM hour_entries", [], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::testing::temp_db;
    use draagkracht_core::{Minutes, ValidVolunteer, VolunteerStatus};
    use uuid::Uuid;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).unwrap()
    }

    /// A database with one programme and one volunteer.
    fn setup() -> (crate::db::testing::TempDb, VolunteerId, ProgrammeId) {
        let mut t = temp_db();
        let now = Utc::now();
        t.db.write(|tx| crate::programmes::seed_defaults(tx, now, || ProgrammeId(Uuid::now_v7()))).unwrap();
        let p = crate::programmes::list(t.db.conn()).unwrap()[0].id;
        let v = VolunteerId(Uuid::now_v7());
        let volunteer = ValidVolunteer {
            name: "Bram".into(),
            email: None,
            phone: None,
            status: VolunteerStatus::Active,
            start_date: d(1, 1),
            agreed_minutes_per_week: 240,
            programmes: vec![p],
        };
        t.db.write(|tx| crate::volunteers::insert(tx, v, &volunteer, now)).unwrap();
        (t, v, p)
    }

    fn entry(v: VolunteerId, p: ProgrammeId, date: NaiveDate, minutes: i64, kind: HourKind) -> NewHourEntry {
        NewHourEntry {
            volunteer: v,
            date,
            minutes: Minutes::new(minutes).unwrap(),
            programme: p,
            kind,
            note: None,
            match_id: None,
            activity: None,
        }
    }

    #[test]
    fn sums_count_training_apart_and_respect_the_windows() {
        let (mut t, v, p) = setup();
        let entries = [
            entry(v, p, d(3, 1), 60, HourKind::Support),
            entry(v, p, d(3, 20), 90, HourKind::Support),
            entry(v, p, d(3, 20), 120, HourKind::Training),
            entry(v, p, d(2, 28), 30, HourKind::Meeting),
        ];
        let now = Utc::now();
        t.db.write(|tx| insert_many(tx, entries.iter().map(|e| (HourEntryId(Uuid::now_v7()), e, now)))).unwrap();
        let march = DateRange::month_of(d(3, 15));
        let year = DateRange::year_of(d(3, 15));
        let (sums, training) = sums_for_volunteer(t.db.conn(), v, &[march, year], year).unwrap();
        assert_eq!(sums, vec![150, 180], "training is not work time");
        assert_eq!(training, 120);
        let per = per_programme(t.db.conn(), march).unwrap();
        assert_eq!(per, vec![(p, 150, 120, 1)]);
    }

    #[test]
    fn the_monthly_sums_follow_every_insert_update_and_delete() {
        let (mut t, v, p) = setup();
        let entries = [
            entry(v, p, d(3, 1), 60, HourKind::Support),
            entry(v, p, d(3, 20), 90, HourKind::Support),
            entry(v, p, d(3, 20), 120, HourKind::Training),
            entry(v, p, d(2, 28), 30, HourKind::Meeting),
            entry(v, p, d(4, 2), 45, HourKind::Support),
        ];
        let ids: Vec<_> = entries.iter().map(|_| HourEntryId(Uuid::now_v7())).collect();
        let now = Utc::now();
        t.db.write(|tx| insert_many(tx, ids.iter().copied().zip(entries.iter()).map(|(id, e)| (id, e, now)))).unwrap();
        t.db.write(|tx| delete(tx, ids[0])).unwrap();
        t.db.write(|tx| {
            // An edit that moves an entry to another month and one that turns work into training.
            tx.execute("UPDATE hour_entries SET date = '2025-04-30' WHERE id = ?1", [ids[1].to_string()])?;
            tx.execute("UPDATE hour_entries SET kind = 'training' WHERE id = ?1", [ids[4].to_string()])?;
            Ok::<_, StoreError>(())
        })
        .unwrap();
        let kept = crate::facts::monthly_minutes(t.db.conn(), Some(v), d(1, 1), d(12, 31)).unwrap();
        let direct: Vec<(VolunteerId, NaiveDate, u32)> = {
            let mut stmt =
                t.db.conn()
                    .prepare(
                        "SELECT volunteer_id, substr(date, 1, 7) || '-01', sum(minutes) FROM hour_entries
                     WHERE kind <> 'training' GROUP BY 1, 2 ORDER BY 2",
                    )
                    .unwrap();
            let rows = stmt
                .query_map([], |r| Ok((parsed(r, 0, VolunteerId::parse)?, parsed(r, 1, iso_date)?, r.get(2)?)))
                .unwrap();
            rows.collect::<Result<_, _>>().unwrap()
        };
        assert_eq!(kept, direct);
        assert_eq!(kept, vec![(v, d(2, 1), 30), (v, d(4, 1), 90)]);
    }

    #[test]
    fn an_identical_entry_is_found_and_a_different_note_is_not() {
        let (mut t, v, p) = setup();
        let e = entry(v, p, d(3, 1), 60, HourKind::Support);
        let id = HourEntryId(Uuid::now_v7());
        t.db.write(|tx| insert(tx, id, &e, Utc::now())).unwrap();
        assert_eq!(find_identical(t.db.conn(), &e).unwrap(), Some(id));
        let other = NewHourEntry { note: Some("telefoon".into()), ..e.clone() };
        assert_eq!(find_identical(t.db.conn(), &other).unwrap(), None);
        assert!(t.db.write(|tx| delete(tx, id)).unwrap());
        assert_eq!(find_identical(t.db.conn(), &e).unwrap(), None);
    }

    #[test]
    fn an_entry_for_an_unknown_volunteer_is_refused_by_the_schema() {
        let (mut t, _, p) = setup();
        let e = entry(VolunteerId(Uuid::now_v7()), p, d(3, 1), 60, HourKind::Support);
        assert!(t.db.write(|tx| insert(tx, HourEntryId(Uuid::now_v7()), &e, Utc::now())).is_err());
        assert_eq!(count(t.db.conn()).unwrap(), 0);
    }
}
