//! The sums behind a report: minutes per programme, month and activity level; headcounts;
//! referrals and signals of a period; the years of the trend. Every query takes the period and the
//! report's [`Scope`]: some programmes (one, or a subsidy's) and/or the residents of one
//! municipality. Reads only.
//!
//! A period of whole months (a month, quarter or year: what reports almost always cover) is read
//! from the monthly sums the triggers of migration 8 keep; a period that starts or ends mid-month
//! is cut into its [`parts`]: the whole months between from the sums, the partial months at either
//! end from the entries themselves. Both give the same answer (tested), the first in milliseconds
//! at national scale instead of seconds. A report about one municipality's residents reads the
//! entries (only they know the match).

use crate::db::{iso_date, parsed};
use crate::StoreError;
use chrono::Datelike;
use chrono::NaiveDate;
use draagkracht_core::{
    ActivityLevel, DateRange, MatchId, MunicipalityId, ParticipantId, ProfessionalKind, ProgrammeId, Resolution,
};
use rusqlite::{Connection, Row};
use std::collections::{BTreeMap, HashSet};

/// (programme, month as `2025-01`, training?, the activity's level, minutes).
pub type MinutesRow = (ProgrammeId, String, bool, Option<ActivityLevel>, u64);

/// A sum of minutes (SQLite's integers are signed; sums are never negative).
fn minutes_at(r: &Row, idx: usize) -> rusqlite::Result<u64> {
    Ok(r.get::<_, i64>(idx)?.max(0).unsigned_abs())
}

/// What a report covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// `None`: every programme.
    pub programmes: Option<Vec<ProgrammeId>>,
    /// The residents of this municipality only: their matches, the hours in them, their referrals.
    pub municipality: Option<MunicipalityId>,
}

impl Scope {
    /// The whole branch, or one programme.
    pub fn programme(programme: Option<ProgrammeId>) -> Self {
        Self { programmes: programme.map(|p| vec![p]), municipality: None }
    }

    pub fn with_municipality(self, municipality: Option<MunicipalityId>) -> Self {
        Self { municipality, ..self }
    }
}

/// The parameters every query takes: ?1 the first day (or month), ?2 the last, ?3 the programmes
/// as comma-separated ids or NULL, ?4 the municipality or NULL.
type Params = (String, String, Option<String>, Option<String>);

fn params_of(range: DateRange, scope: &Scope) -> Params {
    (range.first.to_string(), range.last.to_string(), programmes_of(scope), scope.municipality.map(|m| m.to_string()))
}

fn programmes_of(scope: &Scope) -> Option<String> {
    scope.programmes.as_ref().map(|ps| ps.iter().map(ToString::to_string).collect::<Vec<_>>().join(","))
}

/// `column` (a programme id) is one of ?3's.
fn in_programmes(column: &str) -> String {
    format!("(?3 IS NULL OR instr(',' || ?3 || ',', ',' || {column} || ',') > 0)")
}

/// `column` (a match id) is a match of a resident of ?4.
fn of_residents(column: &str) -> String {
    format!(
        "(?4 IS NULL OR {column} IN (SELECT rm.id FROM matches rm JOIN participants rp ON rp.id = rm.participant_id
                                     WHERE rp.municipality_id = ?4))"
    )
}

/// `column` (a volunteer id) served a resident of ?4 (was in one of their matches).
fn served_residents(column: &str) -> String {
    format!(
        "(?4 IS NULL OR {column} IN (SELECT rv.volunteer_id FROM match_volunteers rv
                                     JOIN matches rm ON rm.id = rv.match_id
                                     JOIN participants rp ON rp.id = rm.participant_id
                                     WHERE rp.municipality_id = ?4))"
    )
}

/// Where a period's sums come from.
enum Source {
    /// The monthly sums, from the first month to the last (`2025-01`, `2025-12`).
    Months(Params),
    /// The entries, from the first day to the last.
    Entries(Params),
}

/// `range` cut into the partial month at its start, the whole months between and the partial
/// month at its end (those that are not empty), each answered by one [`Source`].
fn parts(range: DateRange) -> Vec<DateRange> {
    let month_end = |d: NaiveDate| DateRange::month_of(d).last;
    let mut out = Vec::new();
    let mut first = range.first;
    if first.day() != 1 {
        let last = month_end(first).min(range.last);
        out.push(DateRange { first, last });
        match last.succ_opt() {
            Some(next) => first = next,
            None => return out,
        }
    }
    if first > range.last {
        return out;
    }
    let tail_first =
        if range.last == month_end(range.last) { None } else { Some(DateRange::month_of(range.last).first.max(first)) };
    match tail_first {
        Some(tail) => {
            if let Some(before) = tail.pred_opt().filter(|b| *b >= first) {
                out.push(DateRange { first, last: before });
            }
            out.push(DateRange { first: tail, last: range.last });
        }
        None => out.push(DateRange { first, last: range.last }),
    }
    out
}

/// Whole months read the monthly sums — unless the report is about one municipality's residents,
/// whose hours only the entries (through their matches) can tell.
fn source(range: DateRange, scope: &Scope) -> Source {
    let whole = range.first.day() == 1 && range.last.succ_opt().is_some_and(|next| next.day() == 1);
    let (_, _, programmes, municipality) = params_of(range, scope);
    if whole && municipality.is_none() {
        Source::Months((
            range.first.format("%Y-%m").to_string(),
            range.last.format("%Y-%m").to_string(),
            programmes,
            None,
        ))
    } else {
        Source::Entries((range.first.to_string(), range.last.to_string(), programmes, municipality))
    }
}

fn level_at(r: &Row, idx: usize) -> rusqlite::Result<Option<ActivityLevel>> {
    let level: Option<String> = r.get(idx)?;
    Ok(level.as_deref().and_then(ActivityLevel::parse))
}

/// Minutes per programme, month, kind (training or work) and activity level within `range`.
pub fn minutes(conn: &Connection, range: DateRange, scope: &Scope) -> Result<Vec<MinutesRow>, StoreError> {
    // The parts never share a month, so their rows simply follow each other.
    let mut rows = Vec::new();
    for part in parts(range) {
        rows.extend(minutes_of_part(conn, part, scope)?);
    }
    Ok(rows)
}

fn minutes_of_part(conn: &Connection, range: DateRange, scope: &Scope) -> Result<Vec<MinutesRow>, StoreError> {
    let (sql, p) = match source(range, scope) {
        Source::Months(p) => (
            format!(
                "SELECT m.programme_id, m.month, m.training, a.level, sum(m.minutes)
                 FROM programme_month_minutes m LEFT JOIN activities a ON a.id = m.activity_id
                 WHERE m.month BETWEEN ?1 AND ?2 AND {} AND ?4 IS NULL
                 GROUP BY 1, 2, 3, 4 HAVING sum(m.minutes) > 0",
                in_programmes("m.programme_id")
            ),
            p,
        ),
        Source::Entries(p) => (
            format!(
                "SELECT h.programme_id, substr(h.date, 1, 7), h.kind = 'training', a.level, sum(h.minutes)
                 FROM hour_entries h LEFT JOIN activities a ON a.id = h.activity_id
                 WHERE h.date BETWEEN ?1 AND ?2 AND {} AND {}
                 GROUP BY 1, 2, 3, 4",
                in_programmes("h.programme_id"),
                of_residents("h.match_id")
            ),
            p,
        ),
    };
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(p, |r| {
        Ok((parsed(r, 0, ProgrammeId::parse)?, r.get(1)?, r.get(2)?, level_at(r, 3)?, minutes_at(r, 4)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// (volunteers with any entry in `range`, volunteers who started in it — past their intake, so a
/// planned start does not count —, stopped volunteers whose last entry lies in it). Within a programme: entries in it, and volunteers who belong to it.
pub fn headcounts(conn: &Connection, range: DateRange, scope: &Scope) -> Result<(u32, u32, u32), StoreError> {
    // Someone who worked in two parts counts once.
    let mut active: HashSet<String> = HashSet::new();
    for part in parts(range) {
        active.extend(active_in(conn, part, scope)?);
    }
    let active = active.len() as u32;
    let p = params_of(range, scope);
    let member = format!(
        "(?3 IS NULL OR EXISTS (SELECT 1 FROM volunteer_programmes vp WHERE vp.volunteer_id = v.id AND {}))",
        in_programmes("vp.programme_id")
    );
    let started = conn.query_row(
        &format!(
            "SELECT count(*) FROM volunteers v WHERE v.start_date BETWEEN ?1 AND ?2
               AND v.status NOT IN ('registered', 'intake') AND {member} AND {}",
            served_residents("v.id")
        ),
        p.clone(),
        |r| r.get(0),
    )?;
    // Everyone who stopped in the period (migration 21 keeps the day); one who stopped without a
    // day kept counts by their last hours, as before.
    let stopped = conn.query_row(
        &format!(
            "SELECT count(*) FROM volunteers v WHERE v.status = 'stopped'
               AND coalesce(v.stopped_on, (SELECT max(h.date) FROM hour_entries h WHERE h.volunteer_id = v.id)) BETWEEN ?1 AND ?2
               AND ({member} OR EXISTS (SELECT 1 FROM hour_entries h WHERE h.volunteer_id = v.id AND {}))
               AND {}",
            in_programmes("h.programme_id"),
            served_residents("v.id")
        ),
        p,
        |r| r.get(0),
    )?;
    Ok((active, started, stopped))
}

/// The volunteers with any entry (training too) within one part of a period.
fn active_in(conn: &Connection, range: DateRange, scope: &Scope) -> Result<Vec<String>, StoreError> {
    let (sql, p) = match source(range, scope) {
        Source::Months(p) => (
            format!(
                "SELECT DISTINCT volunteer_id FROM volunteer_programme_months
                 WHERE month BETWEEN ?1 AND ?2 AND {} AND ?4 IS NULL AND minutes > 0",
                in_programmes("programme_id")
            ),
            p,
        ),
        Source::Entries(p) => (
            format!(
                "SELECT DISTINCT volunteer_id FROM hour_entries WHERE date BETWEEN ?1 AND ?2 AND {} AND {}",
                in_programmes("programme_id"),
                of_residents("match_id")
            ),
            p,
        ),
    };
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(p, |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Who did work (training apart) in which programme within `range`, each pair once.
pub fn programme_volunteers(
    conn: &Connection,
    range: DateRange,
    scope: &Scope,
) -> Result<Vec<(ProgrammeId, draagkracht_core::VolunteerId)>, StoreError> {
    let mut pairs = HashSet::new();
    for part in parts(range) {
        pairs.extend(programme_volunteers_of_part(conn, part, scope)?);
    }
    Ok(pairs.into_iter().collect())
}

fn programme_volunteers_of_part(
    conn: &Connection,
    range: DateRange,
    scope: &Scope,
) -> Result<Vec<(ProgrammeId, draagkracht_core::VolunteerId)>, StoreError> {
    let (sql, p) = match source(range, scope) {
        Source::Months(p) => (
            format!(
                "SELECT DISTINCT programme_id, volunteer_id FROM volunteer_programme_months
                 WHERE month BETWEEN ?1 AND ?2 AND {} AND ?4 IS NULL AND work_minutes > 0",
                in_programmes("programme_id")
            ),
            p,
        ),
        Source::Entries(p) => (
            format!(
                "SELECT DISTINCT programme_id, volunteer_id FROM hour_entries
                 WHERE date BETWEEN ?1 AND ?2 AND kind <> 'training' AND {} AND {}",
                in_programmes("programme_id"),
                of_residents("match_id")
            ),
            p,
        ),
    };
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(p, |r| {
        Ok((parsed(r, 0, ProgrammeId::parse)?, parsed(r, 1, draagkracht_core::VolunteerId::parse)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Work minutes (training apart) in `range` that belong to no match, of the volunteers who served
/// the scope's municipality: a report about its residents shows them apart, never guessed in.
pub fn unlinked_minutes(conn: &Connection, range: DateRange, scope: &Scope) -> Result<u64, StoreError> {
    Ok(conn.query_row(
        &format!(
            "SELECT coalesce(sum(h.minutes), 0) FROM hour_entries h
             WHERE h.date BETWEEN ?1 AND ?2 AND h.match_id IS NULL AND h.kind <> 'training' AND {} AND {}",
            in_programmes("h.programme_id"),
            served_residents("h.volunteer_id")
        ),
        params_of(range, scope),
        |r| minutes_at(r, 0),
    )?)
}

/// The kind of every referral dated within `range`.
pub fn referral_kinds(conn: &Connection, range: DateRange, scope: &Scope) -> Result<Vec<ProfessionalKind>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT r.to_kind FROM referrals r JOIN matches m ON m.id = r.match_id
         WHERE r.date BETWEEN ?1 AND ?2 AND {} AND {}",
        in_programmes("m.programme_id"),
        of_residents("m.id")
    ))?;
    let rows = stmt.query_map(params_of(range, scope), |r| parsed(r, 0, ProfessionalKind::parse))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Signals opened within `range` or resolved within it: (opened on, resolved on). Within
/// programmes: a signal about a match counts for the match's programme; any other for each
/// programme its volunteer belongs to. For a municipality: a signal about one of its residents'
/// matches, or any other about a volunteer who served them.
/// A signal of the period: opened, resolved (by the coordinator), what was done, its rule.
pub type SignalRow = (chrono::NaiveDate, Option<chrono::NaiveDate>, Option<Resolution>, String);

pub fn signal_dates(conn: &Connection, range: DateRange, scope: &Scope) -> Result<Vec<SignalRow>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT s.opened_on, CASE WHEN s.status = 'resolved' THEN s.closed_on END, s.resolution, s.rule FROM signals s
         WHERE (s.opened_on BETWEEN ?1 AND ?2 OR (s.status = 'resolved' AND s.closed_on BETWEEN ?1 AND ?2))
           AND (?3 IS NULL
                OR EXISTS (SELECT 1 FROM matches m WHERE m.id = s.subject_match_id AND {})
                OR (s.subject_match_id IS NULL AND EXISTS (SELECT 1 FROM volunteer_programmes vp
                                                           WHERE vp.volunteer_id = s.volunteer_id AND {})))
           AND (?4 IS NULL
                OR (s.subject_match_id IS NOT NULL AND {})
                OR (s.subject_match_id IS NULL AND {}))",
        in_programmes("m.programme_id"),
        in_programmes("vp.programme_id"),
        of_residents("s.subject_match_id"),
        served_residents("s.volunteer_id")
    ))?;
    let rows = stmt.query_map(params_of(range, scope), |r| {
        let closed: Option<String> = r.get(1)?;
        let resolution: Option<String> = r.get(2)?;
        Ok((
            parsed(r, 0, iso_date)?,
            closed.as_deref().and_then(iso_date),
            resolution.as_deref().and_then(Resolution::parse),
            r.get(3)?,
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A match as a report counts it: (match, participant, start, end). No names: one query, scoped
/// to the programme, for matches that started by `until`.
pub type MatchSpan = (MatchId, ParticipantId, NaiveDate, Option<NaiveDate>);

pub fn match_spans(conn: &Connection, until: NaiveDate, scope: &Scope) -> Result<Vec<MatchSpan>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT id, participant_id, start_date, end_date FROM matches
         WHERE start_date <= ?1 AND {} AND {}",
        in_programmes("programme_id"),
        of_residents("id")
    ))?;
    // ?2 is not used: the scope's parameters keep their numbers.
    let (_, _, programmes, municipality) = params_of(DateRange { first: until, last: until }, scope);
    let rows = stmt.query_map((until.to_string(), String::new(), programmes, municipality), |r| {
        let end: Option<String> = r.get(3)?;
        Ok((
            parsed(r, 0, MatchId::parse)?,
            parsed(r, 1, ParticipantId::parse)?,
            parsed(r, 2, iso_date)?,
            end.as_deref().and_then(iso_date),
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One year of the trend: (year, volunteers with any entry — as "active volunteers" counts them —,
/// work minutes, volunteer-level, grey and professional minutes).
pub type YearRow = (i32, u32, u64, u64, u64, u64);

/// Per calendar year within `range` (work only, training apart), oldest first.
pub fn years(conn: &Connection, range: DateRange, scope: &Scope) -> Result<Vec<YearRow>, StoreError> {
    let parts = parts(range);
    let mut years: BTreeMap<i32, YearRow> = BTreeMap::new();
    let mut parts_of_year: BTreeMap<i32, Vec<DateRange>> = BTreeMap::new();
    for part in &parts {
        for row in years_of_part(conn, *part, scope)? {
            let y = years.entry(row.0).or_insert((row.0, 0, 0, 0, 0, 0));
            y.1 = row.1;
            y.2 += row.2;
            y.3 += row.3;
            y.4 += row.4;
            y.5 += row.5;
            parts_of_year.entry(row.0).or_default().push(*part);
        }
    }
    // A year in two parts (the last one, when the period ends mid-month): its volunteers once.
    for (year, in_parts) in parts_of_year.into_iter().filter(|(_, p)| p.len() > 1) {
        let mut ids = HashSet::new();
        for part in in_parts {
            let Some(within) = year_of(part, year) else { continue };
            ids.extend(active_in(conn, within, scope)?);
        }
        if let Some(y) = years.get_mut(&year) {
            y.1 = ids.len() as u32;
        }
    }
    Ok(years.into_values().collect())
}

/// The days of `part` in `year`.
fn year_of(part: DateRange, year: i32) -> Option<DateRange> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1)?.max(part.first);
    let last = NaiveDate::from_ymd_opt(year, 12, 31)?.min(part.last);
    (first <= last).then_some(DateRange { first, last })
}

fn years_of_part(conn: &Connection, range: DateRange, scope: &Scope) -> Result<Vec<YearRow>, StoreError> {
    let (heads, sums, p) = match source(range, scope) {
        Source::Months(p) => (
            format!(
                "SELECT CAST(substr(month, 1, 4) AS INTEGER), count(DISTINCT volunteer_id) FROM volunteer_programme_months
                 WHERE month BETWEEN ?1 AND ?2 AND {} AND ?4 IS NULL AND minutes > 0 GROUP BY 1",
                in_programmes("programme_id")
            ),
            format!(
                "SELECT CAST(substr(m.month, 1, 4) AS INTEGER), a.level, sum(m.minutes)
                 FROM programme_month_minutes m LEFT JOIN activities a ON a.id = m.activity_id
                 WHERE m.month BETWEEN ?1 AND ?2 AND {} AND ?4 IS NULL AND NOT m.training GROUP BY 1, 2",
                in_programmes("m.programme_id")
            ),
            p,
        ),
        Source::Entries(p) => (
            format!(
                "SELECT CAST(substr(date, 1, 4) AS INTEGER), count(DISTINCT volunteer_id) FROM hour_entries
                 WHERE date BETWEEN ?1 AND ?2 AND {} AND {} GROUP BY 1",
                in_programmes("programme_id"),
                of_residents("match_id")
            ),
            format!(
                "SELECT CAST(substr(h.date, 1, 4) AS INTEGER), a.level, sum(h.minutes)
                 FROM hour_entries h LEFT JOIN activities a ON a.id = h.activity_id
                 WHERE h.date BETWEEN ?1 AND ?2 AND {} AND {} AND h.kind <> 'training' GROUP BY 1, 2",
                in_programmes("h.programme_id"),
                of_residents("h.match_id")
            ),
            p,
        ),
    };
    let mut years: BTreeMap<i32, YearRow> = BTreeMap::new();
    let mut stmt = conn.prepare(&heads)?;
    for row in stmt.query_map(p.clone(), |r| Ok((r.get::<_, i32>(0)?, r.get::<_, u32>(1)?)))? {
        let (year, volunteers) = row?;
        years.entry(year).or_insert((year, 0, 0, 0, 0, 0)).1 = volunteers;
    }
    let mut stmt = conn.prepare(&sums)?;
    for row in stmt.query_map(p, |r| Ok((r.get::<_, i32>(0)?, level_at(r, 1)?, minutes_at(r, 2)?)))? {
        let (year, level, minutes) = row?;
        let y = years.entry(year).or_insert((year, 0, 0, 0, 0, 0));
        y.2 += minutes;
        match level {
            Some(ActivityLevel::Volunteer) => y.3 += minutes,
            Some(ActivityLevel::Grey) => y.4 += minutes,
            Some(ActivityLevel::Professional) => y.5 += minutes,
            None => {}
        }
    }
    years.retain(|_, y| y.2 > 0 || y.1 > 0);
    Ok(years.into_values().collect())
}

/// Work minutes per volunteer within `range`, by name: for internal reports only.
pub fn minutes_per_volunteer(
    conn: &Connection,
    range: DateRange,
    scope: &Scope,
) -> Result<Vec<(String, u64)>, StoreError> {
    let mut by_volunteer: BTreeMap<String, (String, u64)> = BTreeMap::new();
    for part in parts(range) {
        for (id, name, minutes) in minutes_per_volunteer_of_part(conn, part, scope)? {
            by_volunteer.entry(id).or_insert((name, 0)).1 += minutes;
        }
    }
    Ok(by_volunteer.into_values().collect())
}

fn minutes_per_volunteer_of_part(
    conn: &Connection,
    range: DateRange,
    scope: &Scope,
) -> Result<Vec<(String, String, u64)>, StoreError> {
    let (sql, p) = match source(range, scope) {
        Source::Months(p) => (
            format!(
                "SELECT v.id, v.name, sum(m.work_minutes) FROM volunteer_programme_months m JOIN volunteers v ON v.id = m.volunteer_id
                 WHERE m.month BETWEEN ?1 AND ?2 AND {} AND ?4 IS NULL
                 GROUP BY m.volunteer_id HAVING sum(m.work_minutes) > 0",
                in_programmes("m.programme_id")
            ),
            p,
        ),
        Source::Entries(p) => (
            format!(
                "SELECT v.id, v.name, sum(h.minutes) FROM hour_entries h JOIN volunteers v ON v.id = h.volunteer_id
                 WHERE h.date BETWEEN ?1 AND ?2 AND h.kind <> 'training' AND {} AND {}
                 GROUP BY h.volunteer_id",
                in_programmes("h.programme_id"),
                of_residents("h.match_id")
            ),
            p,
        ),
    };
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(p, |r| Ok((r.get(0)?, r.get(1)?, minutes_at(r, 2)?)))?;
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
        let mut rows = minutes(db.db.conn(), q1, &Scope::default()).unwrap();
        rows.sort_by(|x, y| x.1.cmp(&y.1).then(x.2.cmp(&y.2)));
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert_eq!(rows[0].1, "2025-02");
        assert_eq!((rows[0].2, rows[0].3, rows[0].4), (false, Some(ActivityLevel::Professional), 90));
        assert_eq!((rows[1].2, rows[1].4), (true, 60));
        assert_eq!(
            minutes(db.db.conn(), q1, &Scope::programme(a)).unwrap().len(),
            2,
            "programme B's entry is out of scope"
        );
        assert_eq!(
            headcounts(db.db.conn(), q1, &Scope::default()).unwrap(),
            (2, 1, 1),
            "Kees stopped after his last entry in March"
        );
        assert_eq!(headcounts(db.db.conn(), q1, &Scope::programme(a)).unwrap(), (1, 1, 0));
        let all = DateRange { first: chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(), last: q1.last };
        assert_eq!(
            years(db.db.conn(), all, &Scope::default()).unwrap(),
            vec![(2024, 1, 45, 0, 0, 0), (2025, 2, 120, 0, 0, 90)]
        );
        let mut people = minutes_per_volunteer(db.db.conn(), q1, &Scope::default()).unwrap();
        people.sort();
        assert_eq!(people, vec![("Kees".to_string(), 30), ("Ria".to_string(), 90)]);
    }

    /// The monthly sums the triggers keep give what the entries give, after inserts, changes of
    /// every summed column, and deletes: the same report from either source.
    #[test]
    fn monthly_sums_agree_with_the_entries_after_every_kind_of_write() {
        let db = temp_db();
        let c = db.db.conn();
        c.execute_batch(
            "INSERT INTO programmes (id, name, created_at, updated_at) VALUES
                ('00000000-0000-0000-0000-0000000000a1', 'A', 'x', 'x'),
                ('00000000-0000-0000-0000-0000000000a2', 'B', 'x', 'x');
             INSERT INTO activities (id, programme_id, name, level, created_at, updated_at) VALUES
                ('grey', '00000000-0000-0000-0000-0000000000a1', 'Onderhandelen', 'grey', 'x', 'x'),
                ('pro', '00000000-0000-0000-0000-0000000000a2', 'Wondzorg', 'professional', 'x', 'x');",
        )
        .unwrap();
        for v in 0..6 {
            c.execute(
                "INSERT INTO volunteers (id, name, status, start_date, created_at, updated_at)
                 VALUES (?1, ?2, 'active', '2024-01-01', 'x', 'x')",
                (format!("00000000-0000-0000-0000-00000000000{v}"), format!("Vrijwilliger {v}")),
            )
            .unwrap();
        }
        // Entries on days 2–27 only, so that 1 Jan – 30 Jun (whole months: the monthly sums) and
        // 2 Jan – 30 Jun (not whole: the entries) cover exactly the same ones.
        let mut seed: u64 = 0x7e57;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let kinds = ["support", "meeting", "training", "travel"];
        let activities = [None, Some("grey"), Some("pro")];
        for i in 0..400 {
            let programme = format!("00000000-0000-0000-0000-0000000000a{}", 1 + next(2));
            let date = format!("2025-{:02}-{:02}", 1 + next(6), 2 + next(26));
            c.execute(
                "INSERT INTO hour_entries (id, volunteer_id, programme_id, date, minutes, kind, created_at, activity_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'x', ?7)",
                (
                    format!("h{i}"),
                    format!("00000000-0000-0000-0000-00000000000{}", next(6)),
                    programme,
                    date,
                    15 + next(300) as i64,
                    kinds[next(4) as usize],
                    activities[next(3) as usize],
                ),
            )
            .unwrap();
        }
        c.execute_batch(
            "UPDATE hour_entries SET date = '2025-06-20' WHERE id IN ('h1', 'h2', 'h3');
             UPDATE hour_entries SET kind = 'training' WHERE id IN ('h4', 'h5');
             UPDATE hour_entries SET kind = 'support' WHERE id IN ('h6', 'h7');
             UPDATE hour_entries SET minutes = 600 WHERE id = 'h8';
             UPDATE hour_entries SET volunteer_id = '00000000-0000-0000-0000-000000000000' WHERE id IN ('h9', 'h10');
             UPDATE hour_entries SET programme_id = '00000000-0000-0000-0000-0000000000a2' WHERE id = 'h11';
             UPDATE hour_entries SET activity_id = 'pro' WHERE id IN ('h12', 'h13');
             UPDATE hour_entries SET activity_id = NULL WHERE id = 'h14';
             DELETE FROM hour_entries WHERE id IN ('h15', 'h16', 'h17');
             DELETE FROM hour_entries WHERE volunteer_id = '00000000-0000-0000-0000-000000000005';",
        )
        .unwrap();
        let d = |m, day| chrono::NaiveDate::from_ymd_opt(2025, m, day).unwrap();
        let sorted = |mut v: Vec<MinutesRow>| {
            v.sort_by(|a, b| (a.0, &a.1, a.2, a.3.map(|l| l.as_str())).cmp(&(b.0, &b.1, b.2, b.3.map(|l| l.as_str()))));
            v
        };
        for programme in [None, ProgrammeId::parse("00000000-0000-0000-0000-0000000000a2")] {
            let programme = &Scope::programme(programme);
            let months = DateRange { first: d(1, 1), last: d(6, 30) };
            assert!(matches!(source(months, &Scope::default()), Source::Months(..)));
            // Mid-month at the start, at the end, at both, and within one month: the whole months
            // between from the sums, the partial ones from the entries — the same answer.
            for (other, whole) in [
                (DateRange { first: d(1, 2), last: d(6, 30) }, months),
                (DateRange { first: d(1, 1), last: d(6, 27) }, months),
                (DateRange { first: d(1, 2), last: d(6, 27) }, months),
                (DateRange { first: d(3, 2), last: d(3, 27) }, DateRange { first: d(3, 1), last: d(3, 31) }),
            ] {
                assert!(parts(other).len() > 1 || matches!(source(other, programme), Source::Entries(..)));
                assert_eq!(
                    sorted(minutes(c, whole, programme).unwrap()),
                    sorted(minutes(c, other, programme).unwrap())
                );
                assert_eq!(headcounts(c, whole, programme).unwrap().0, headcounts(c, other, programme).unwrap().0);
                assert_eq!(years(c, whole, programme).unwrap(), years(c, other, programme).unwrap(), "{other:?}");
                let mut a = minutes_per_volunteer(c, whole, programme).unwrap();
                let mut b = minutes_per_volunteer(c, other, programme).unwrap();
                a.sort();
                b.sort();
                assert_eq!(a, b);
                assert!(
                    !a.iter().any(|(name, _)| name == "Vrijwilliger 5"),
                    "a volunteer without entries is not listed"
                );
                let mut a = programme_volunteers(c, whole, programme).unwrap();
                let mut b = programme_volunteers(c, other, programme).unwrap();
                a.sort();
                b.sort();
                assert_eq!(a, b);
            }
        }
    }

    #[test]
    fn a_period_is_cut_at_its_partial_months() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let r = |a, b| DateRange { first: a, last: b };
        assert_eq!(parts(r(d(2025, 1, 1), d(2025, 12, 31))), vec![r(d(2025, 1, 1), d(2025, 12, 31))]);
        assert_eq!(
            parts(r(d(2025, 1, 15), d(2025, 12, 14))),
            vec![
                r(d(2025, 1, 15), d(2025, 1, 31)),
                r(d(2025, 2, 1), d(2025, 11, 30)),
                r(d(2025, 12, 1), d(2025, 12, 14))
            ]
        );
        assert_eq!(parts(r(d(2025, 3, 2), d(2025, 3, 27))), vec![r(d(2025, 3, 2), d(2025, 3, 27))]);
        assert_eq!(
            parts(r(d(2025, 3, 15), d(2025, 4, 10))),
            vec![r(d(2025, 3, 15), d(2025, 3, 31)), r(d(2025, 4, 1), d(2025, 4, 10))]
        );
        assert_eq!(parts(r(d(2024, 2, 1), d(2024, 2, 29))), vec![r(d(2024, 2, 1), d(2024, 2, 29))], "a leap February");
        assert_eq!(
            parts(r(d(2025, 1, 31), d(2025, 2, 28))),
            vec![r(d(2025, 1, 31), d(2025, 1, 31)), r(d(2025, 2, 1), d(2025, 2, 28))]
        );
    }

    #[test]
    fn a_signal_about_a_match_counts_for_the_matchs_programme() {
        let db = temp_db();
        let c = db.db.conn();
        c.execute_batch(
            "INSERT INTO programmes (id, name, created_at, updated_at) VALUES
                ('00000000-0000-0000-0000-0000000000a1', 'A', 'x', 'x'),
                ('00000000-0000-0000-0000-0000000000a2', 'B', 'x', 'x');
             INSERT INTO volunteers (id, name, status, start_date, created_at, updated_at)
                VALUES ('v1', 'Ria', 'active', '2024-01-01', 'x', 'x');
             INSERT INTO volunteer_programmes VALUES ('v1', '00000000-0000-0000-0000-0000000000a1');
             INSERT INTO participants (id, label, created_at, updated_at) VALUES ('p1', 'P', 'x', 'x');
             INSERT INTO matches (id, participant_id, programme_id, start_date, one_to_one_at_home, created_at, updated_at)
                VALUES ('m1', 'p1', '00000000-0000-0000-0000-0000000000a2', '2025-01-01', 1, 'x', 'x');
             INSERT INTO signals (id, volunteer_id, rule, subject_match_id, severity, status, evidence, explanation_nl,
                                  explanation_en, cause_date, opened_on, closed_on, created_at, updated_at) VALUES
                ('s1', 'v1', 'acute_case', 'm1', 'alert', 'resolved', '{}', 'x', 'x', '2025-02-01', '2025-02-01', '2025-02-11', 'x', 'x'),
                ('s2', 'v1', 'hours_over_agreement', NULL, 'warning', 'open', '{}', 'x', 'x', '2025-03-01', '2025-03-01', NULL, 'x', 'x'),
                ('s3', 'v1', 'gone_quiet', NULL, 'info', 'cleared', '{}', 'x', 'x', '2024-12-01', '2024-12-01', '2025-01-05', 'x', 'x');",
        )
        .unwrap();
        let d = |m, day| chrono::NaiveDate::from_ymd_opt(2025, m, day).unwrap();
        let q1 = DateRange { first: d(1, 1), last: d(3, 31) };
        c.execute("UPDATE signals SET resolution = 'professional_engaged' WHERE id = 's1'", []).unwrap();
        let dates = |programme: Option<ProgrammeId>| {
            let mut list: Vec<_> = signal_dates(c, q1, &Scope::programme(programme))
                .unwrap()
                .into_iter()
                .map(|(o, r, _, _)| (o, r))
                .collect();
            list.sort();
            list
        };
        assert_eq!(
            dates(None),
            vec![(d(2, 1), Some(d(2, 11))), (d(3, 1), None)],
            "a cleared signal from before is neither"
        );
        let a = dates(ProgrammeId::parse("00000000-0000-0000-0000-0000000000a1"));
        assert_eq!(a, vec![(d(3, 1), None)], "the volunteer's own signal counts for their programme");
        let b =
            signal_dates(c, q1, &Scope::programme(ProgrammeId::parse("00000000-0000-0000-0000-0000000000a2"))).unwrap();
        assert_eq!(
            b,
            vec![(d(2, 1), Some(d(2, 11)), Some(Resolution::ProfessionalEngaged), "acute_case".to_string())],
            "the match's programme, how, and its rule"
        );
    }
}
