//! The sums behind a report, in SQL where they are cheapest: minutes per programme, month and
//! activity level; headcounts; referrals and signals of a period; the years of the trend. Every
//! query takes the period and, optionally, one programme (the report's scope). Reads only.

use crate::db::{iso_date, parsed};
use crate::StoreError;
use draagkracht_core::{ActivityLevel, DateRange, ProfessionalKind, ProgrammeId};
use rusqlite::{Connection, Row};

/// (programme, month as `2025-01`, training?, the activity's level, minutes).
pub type MinutesRow = (ProgrammeId, String, bool, Option<ActivityLevel>, u64);

/// A sum of minutes (SQLite's integers are signed; sums are never negative).
fn minutes_at(r: &Row, idx: usize) -> rusqlite::Result<u64> {
    Ok(r.get::<_, i64>(idx)?.max(0).unsigned_abs())
}

/// Minutes per programme, month, kind (training or work) and activity level within `range`.
pub fn minutes(
    conn: &Connection,
    range: DateRange,
    programme: Option<ProgrammeId>,
) -> Result<Vec<MinutesRow>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT h.programme_id, substr(h.date, 1, 7), h.kind = 'training', a.level, sum(h.minutes)
         FROM hour_entries h LEFT JOIN activities a ON a.id = h.activity_id
         WHERE h.date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR h.programme_id = ?3)
         GROUP BY 1, 2, 3, 4",
    )?;
    let rows = stmt.query_map(params_of(range, programme), |r| {
        let level: Option<String> = r.get(3)?;
        Ok((
            parsed(r, 0, ProgrammeId::parse)?,
            r.get(1)?,
            r.get(2)?,
            level.as_deref().and_then(ActivityLevel::parse),
            minutes_at(r, 4)?,
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The parameters every query takes: ?1 the first day, ?2 the last, ?3 the programme or NULL.
fn params_of(range: DateRange, programme: Option<ProgrammeId>) -> (String, String, Option<String>) {
    (range.first.to_string(), range.last.to_string(), programme.map(|p| p.to_string()))
}

/// (volunteers with any entry in `range`, volunteers who started in it, stopped volunteers whose
/// last entry lies in it). Within a programme: entries in it, and volunteers who belong to it.
pub fn headcounts(
    conn: &Connection,
    range: DateRange,
    programme: Option<ProgrammeId>,
) -> Result<(u32, u32, u32), StoreError> {
    let p = params_of(range, programme);
    let active = conn.query_row(
        "SELECT count(DISTINCT volunteer_id) FROM hour_entries
         WHERE date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR programme_id = ?3)",
        p.clone(),
        |r| r.get(0),
    )?;
    let started = conn.query_row(
        "SELECT count(*) FROM volunteers v WHERE v.start_date BETWEEN ?1 AND ?2
           AND (?3 IS NULL OR EXISTS (SELECT 1 FROM volunteer_programmes vp WHERE vp.volunteer_id = v.id AND vp.programme_id = ?3))",
        p.clone(),
        |r| r.get(0),
    )?;
    let stopped = conn.query_row(
        "SELECT count(*) FROM volunteers v WHERE v.status = 'stopped'
           AND (SELECT max(h.date) FROM hour_entries h
                WHERE h.volunteer_id = v.id AND (?3 IS NULL OR h.programme_id = ?3)) BETWEEN ?1 AND ?2",
        p.clone(),
        |r| r.get(0),
    )?;
    Ok((active, started, stopped))
}

/// The kind of every referral dated within `range`.
pub fn referral_kinds(
    conn: &Connection,
    range: DateRange,
    programme: Option<ProgrammeId>,
) -> Result<Vec<ProfessionalKind>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT r.to_kind FROM referrals r JOIN matches m ON m.id = r.match_id
         WHERE r.date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR m.programme_id = ?3)",
    )?;
    let rows = stmt.query_map(params_of(range, programme), |r| parsed(r, 0, ProfessionalKind::parse))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Signals opened within `range` or resolved within it: (opened on, resolved on). Within a
/// programme: signals of volunteers who belong to it.
pub fn signal_dates(
    conn: &Connection,
    range: DateRange,
    programme: Option<ProgrammeId>,
) -> Result<Vec<(chrono::NaiveDate, Option<chrono::NaiveDate>)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT s.opened_on, CASE WHEN s.status = 'resolved' THEN s.closed_on END FROM signals s
         WHERE (s.opened_on BETWEEN ?1 AND ?2 OR (s.status = 'resolved' AND s.closed_on BETWEEN ?1 AND ?2))
           AND (?3 IS NULL OR EXISTS (SELECT 1 FROM volunteer_programmes vp
                                      WHERE vp.volunteer_id = s.volunteer_id AND vp.programme_id = ?3))",
    )?;
    let rows = stmt.query_map(params_of(range, programme), |r| {
        let closed: Option<String> = r.get(1)?;
        Ok((parsed(r, 0, iso_date)?, closed.as_deref().and_then(iso_date)))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One year of the trend from the hour entries: (year, volunteers with work, work minutes,
/// volunteer-level, grey and professional minutes).
pub type YearRow = (i32, u32, u64, u64, u64, u64);

/// Per calendar year within `range` (work only, training apart).
pub fn years(conn: &Connection, range: DateRange, programme: Option<ProgrammeId>) -> Result<Vec<YearRow>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT CAST(substr(h.date, 1, 4) AS INTEGER), count(DISTINCT h.volunteer_id), sum(h.minutes),
                coalesce(sum(h.minutes) FILTER (WHERE a.level = 'volunteer'), 0),
                coalesce(sum(h.minutes) FILTER (WHERE a.level = 'grey'), 0),
                coalesce(sum(h.minutes) FILTER (WHERE a.level = 'professional'), 0)
         FROM hour_entries h LEFT JOIN activities a ON a.id = h.activity_id
         WHERE h.date BETWEEN ?1 AND ?2 AND h.kind <> 'training' AND (?3 IS NULL OR h.programme_id = ?3)
         GROUP BY 1 ORDER BY 1",
    )?;
    let rows = stmt.query_map(params_of(range, programme), |r| {
        Ok((r.get(0)?, r.get(1)?, minutes_at(r, 2)?, minutes_at(r, 3)?, minutes_at(r, 4)?, minutes_at(r, 5)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Work minutes per volunteer within `range`, by name: for internal reports only.
pub fn minutes_per_volunteer(
    conn: &Connection,
    range: DateRange,
    programme: Option<ProgrammeId>,
) -> Result<Vec<(String, u64)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT v.name, sum(h.minutes) FROM hour_entries h JOIN volunteers v ON v.id = h.volunteer_id
         WHERE h.date BETWEEN ?1 AND ?2 AND h.kind <> 'training' AND (?3 IS NULL OR h.programme_id = ?3)
         GROUP BY h.volunteer_id",
    )?;
    let rows = stmt.query_map(params_of(range, programme), |r| Ok((r.get(0)?, minutes_at(r, 1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::testing::temp_db;

    #[test]
    fn sums_follow_the_period_and_the_programme() {
        let db = temp_db();
        db.db.conn()
            .execute_batch(
                "INSERT INTO programmes (id, name, created_at, updated_at) VALUES
                    ('00000000-0000-0000-0000-0000000000a1', 'A', 'x', 'x'),
                    ('00000000-0000-0000-0000-0000000000a2', 'B', 'x', 'x');
                 INSERT INTO volunteers (id, name, status, start_date, created_at, updated_at) VALUES
                    ('v1', 'Ria', 'active', '2025-02-01', 'x', 'x'),
                    ('v2', 'Kees', 'stopped', '2020-01-01', 'x', 'x');
                 INSERT INTO volunteer_programmes VALUES ('v1', '00000000-0000-0000-0000-0000000000a1');
                 INSERT INTO activities (id, programme_id, name, level, created_at, updated_at) VALUES
                    ('act', '00000000-0000-0000-0000-0000000000a1', 'Deurwaarder bellen', 'professional', 'x', 'x');
                 INSERT INTO hour_entries (id, volunteer_id, programme_id, date, minutes, kind, created_at, activity_id) VALUES
                    ('h1', 'v1', '00000000-0000-0000-0000-0000000000a1', '2025-02-03', 90, 'support', 'x', 'act'),
                    ('h2', 'v1', '00000000-0000-0000-0000-0000000000a1', '2025-02-04', 60, 'training', 'x', NULL),
                    ('h3', 'v2', '00000000-0000-0000-0000-0000000000a2', '2025-03-01', 30, 'support', 'x', NULL),
                    ('h4', 'v2', '00000000-0000-0000-0000-0000000000a2', '2024-12-31', 45, 'support', 'x', NULL);",
            )
            .unwrap();
        let q1 = DateRange {
            first: chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            last: chrono::NaiveDate::from_ymd_opt(2025, 3, 31).unwrap(),
        };
        let a = ProgrammeId::parse("00000000-0000-0000-0000-0000000000a1");
        let mut rows = minutes(db.db.conn(), q1, None).unwrap();
        rows.sort_by(|x, y| x.1.cmp(&y.1).then(x.2.cmp(&y.2)));
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert_eq!(rows[0].1, "2025-02");
        assert_eq!((rows[0].2, rows[0].3, rows[0].4), (false, Some(ActivityLevel::Professional), 90));
        assert_eq!((rows[1].2, rows[1].4), (true, 60));
        assert_eq!(minutes(db.db.conn(), q1, a).unwrap().len(), 2, "programme B's entry is out of scope");
        assert_eq!(
            headcounts(db.db.conn(), q1, None).unwrap(),
            (2, 1, 1),
            "Kees stopped after his last entry in March"
        );
        assert_eq!(headcounts(db.db.conn(), q1, a).unwrap(), (1, 1, 0));
        let all = DateRange { first: chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(), last: q1.last };
        assert_eq!(years(db.db.conn(), all, None).unwrap(), vec![(2024, 1, 45, 0, 0, 0), (2025, 2, 120, 0, 0, 90)]);
        let mut people = minutes_per_volunteer(db.db.conn(), q1, None).unwrap();
        people.sort();
        assert_eq!(people, vec![("Kees".to_string(), 30), ("Ria".to_string(), 90)]);
    }
}
