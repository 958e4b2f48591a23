//! Bulk reads for evaluating signals: everything the rules need about every volunteer (or one), in
//! a handful of queries instead of a dozen per volunteer — the difference between minutes and
//! seconds at national scale.
//!
//! Every query takes an optional volunteer: `None` reads the whole branch.

use crate::db::{iso_date, parsed};
use crate::StoreError;
use chrono::NaiveDate;
use draagkracht_core::period::DateRange;
use draagkracht_core::room::Load;
use draagkracht_core::signals::lifecycle::{SignalStatus, Stored};
use draagkracht_core::{
    ActivityLevel, HourEntryId, HourKind, MatchId, ProgrammeId, RuleId, SignalId, VolunteerId, VolunteerStatus,
};
use rusqlite::{params, Connection};
use std::collections::HashMap;

fn who(only: Option<VolunteerId>) -> Option<String> {
    only.map(|v| v.to_string())
}

/// The filter on `column` for one volunteer (`?1`), or none. Two separate statements rather than
/// `?1 IS NULL OR column = ?1`, which SQLite cannot answer from an index.
fn only_clause(column: &str, only: Option<VolunteerId>) -> String {
    match only {
        Some(_) => format!("{column} = ?1"),
        None => "?1 IS NULL".to_string(),
    }
}

fn optional_date(r: &rusqlite::Row, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    Ok(r.get::<_, Option<String>>(i)?.as_deref().and_then(iso_date))
}

/// (volunteer, status, agreed minutes a week, VOG date, first programme)
pub type VolunteerFacts = (VolunteerId, VolunteerStatus, u32, Option<NaiveDate>, Option<ProgrammeId>);

pub fn volunteers(conn: &Connection, only: Option<VolunteerId>) -> Result<Vec<VolunteerFacts>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT v.id, v.status, v.agreed_minutes_per_week, v.vog_date,
                (SELECT vp.programme_id FROM volunteer_programmes vp JOIN programmes p ON p.id = vp.programme_id
                 WHERE vp.volunteer_id = v.id ORDER BY p.sort_order LIMIT 1)
         FROM volunteers v WHERE {}",
        only_clause("v.id", only)
    ))?;
    let rows = stmt.query_map([who(only)], |r| {
        Ok((
            parsed(r, 0, VolunteerId::parse)?,
            parsed(r, 1, VolunteerStatus::parse)?,
            r.get(2)?,
            optional_date(r, 3)?,
            r.get::<_, Option<String>>(4)?.as_deref().and_then(ProgrammeId::parse),
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One entry as the rules see it, with its volunteer.
pub struct EntryRow {
    pub volunteer: VolunteerId,
    pub id: HourEntryId,
    pub date: NaiveDate,
    pub minutes: u32,
    pub kind: HourKind,
    pub programme: ProgrammeId,
    pub match_id: Option<MatchId>,
    pub activity: Option<(String, ActivityLevel)>,
}

/// Entries dated from `first` to `last`. Activities are looked up in a map read first rather than
/// joined: a join costs two index seeks per entry, a third of the read at national scale.
pub fn entries(
    conn: &Connection,
    only: Option<VolunteerId>,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<EntryRow>, StoreError> {
    let mut activities: HashMap<String, (String, ActivityLevel)> = HashMap::new();
    let mut stmt = conn.prepare_cached("SELECT id, name, level FROM activities")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(level) = ActivityLevel::parse(&r.get::<_, String>(2)?) {
            activities.insert(r.get(0)?, (r.get(1)?, level));
        }
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT volunteer_id, id, date, minutes, kind, programme_id, match_id, activity_id FROM hour_entries
         WHERE {} AND date BETWEEN ?2 AND ?3",
        only_clause("volunteer_id", only)
    ))?;
    let rows = stmt.query_map(params![who(only), first.to_string(), last.to_string()], |r| {
        let activity = r.get_ref(7)?.as_str_or_null()?.and_then(|id| activities.get(id)).cloned();
        Ok(EntryRow {
            volunteer: parsed(r, 0, VolunteerId::parse)?,
            id: parsed(r, 1, HourEntryId::parse)?,
            date: parsed(r, 2, iso_date)?,
            minutes: r.get(3)?,
            kind: parsed(r, 4, HourKind::parse)?,
            programme: parsed(r, 5, ProgrammeId::parse)?,
            match_id: r.get::<_, Option<String>>(6)?.as_deref().and_then(MatchId::parse),
            activity,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A volunteer of a programme, as the room for a new match needs them.
pub struct RoomRow {
    pub volunteer: VolunteerId,
    pub name: String,
    pub status: VolunteerStatus,
    pub agreed_minutes_per_week: u32,
    pub vog_date: Option<NaiveDate>,
    /// Their load as the evaluation computed it on `today` (migration 19), when it is still there.
    pub load: Option<Load>,
    /// Open or acknowledged alerts.
    pub open_alerts: usize,
    /// Whether they did `training` (always true without one).
    pub trained: bool,
}

/// Every volunteer of a programme who has not stopped, with their kept load of `today`, their
/// open alerts and whether they did the programme's training — a handful of indexed look-ups per
/// volunteer, so a programme of thousands stays within milliseconds.
pub fn programme_room(
    conn: &Connection,
    programme: ProgrammeId,
    today: NaiveDate,
    training: Option<&str>,
) -> Result<Vec<RoomRow>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT v.id, v.name, v.status, v.agreed_minutes_per_week, v.vog_date,
                l.work_minutes_four_weeks, l.caseload_weight, l.running_matches,
                (SELECT count(*) FROM signals s
                 WHERE s.volunteer_id = v.id AND s.severity = 'alert' AND s.status IN ('open', 'acknowledged')),
                ?3 IS NULL OR EXISTS (SELECT 1 FROM trainings t WHERE t.volunteer_id = v.id AND lower(t.name) = lower(?3))
         FROM volunteer_programmes vp JOIN volunteers v ON v.id = vp.volunteer_id
         LEFT JOIN volunteer_load l ON l.volunteer_id = v.id AND l.as_of = ?2
         WHERE vp.programme_id = ?1 AND v.status <> 'stopped'",
    )?;
    let rows = stmt.query_map(params![programme.to_string(), today.to_string(), training], |r| {
        let kept: Option<u32> = r.get(5)?;
        Ok(RoomRow {
            volunteer: parsed(r, 0, VolunteerId::parse)?,
            name: r.get(1)?,
            status: parsed(r, 2, VolunteerStatus::parse)?,
            agreed_minutes_per_week: r.get(3)?,
            vog_date: optional_date(r, 4)?,
            load: match kept {
                Some(work_minutes_four_weeks) => Some(Load {
                    work_minutes_four_weeks,
                    caseload_weight: r.get(6)?,
                    running_matches: r.get::<_, i64>(7)? as usize,
                }),
                None => None,
            },
            open_alerts: r.get::<_, i64>(8)? as usize,
            trained: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The work minutes (training apart) in `window` of every volunteer of a programme who has not
/// stopped: the live half of a load, for those whose kept load is missing.
pub fn programme_work_minutes(
    conn: &Connection,
    programme: ProgrammeId,
    window: DateRange,
) -> Result<Vec<(VolunteerId, u32)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT v.id,
                (SELECT coalesce(sum(h.minutes), 0) FROM hour_entries h
                 WHERE h.volunteer_id = v.id AND h.date BETWEEN ?2 AND ?3 AND h.kind <> 'training')
         FROM volunteer_programmes vp JOIN volunteers v ON v.id = vp.volunteer_id
         WHERE vp.programme_id = ?1 AND v.status <> 'stopped'",
    )?;
    let rows = stmt
        .query_map(params![programme.to_string(), window.first.to_string(), window.last.to_string()], |r| {
            Ok((parsed(r, 0, VolunteerId::parse)?, r.get(1)?))
        })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A volunteer's place in an open match (the rules look at open matches only).
pub struct MembershipRow {
    pub volunteer: VolunteerId,
    pub match_id: MatchId,
    pub participant: String,
    pub programme: ProgrammeId,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub at_home: bool,
}

pub fn memberships(conn: &Connection, only: Option<VolunteerId>) -> Result<Vec<MembershipRow>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT mv.volunteer_id, m.id, pa.label, m.programme_id, m.start_date, m.end_date, m.one_to_one_at_home
         FROM match_volunteers mv
         JOIN matches m ON m.id = mv.match_id
         JOIN participants pa ON pa.id = m.participant_id
         WHERE {} AND m.end_date IS NULL",
        only_clause("mv.volunteer_id", only)
    ))?;
    let rows = stmt.query_map([who(only)], |r| {
        Ok(MembershipRow {
            volunteer: parsed(r, 0, VolunteerId::parse)?,
            match_id: parsed(r, 1, MatchId::parse)?,
            participant: r.get(2)?,
            programme: parsed(r, 3, ProgrammeId::parse)?,
            start: parsed(r, 4, iso_date)?,
            end: optional_date(r, 5)?,
            at_home: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The latest referral date of each open match (of the volunteer's).
pub fn latest_referrals(conn: &Connection, only: Option<VolunteerId>) -> Result<Vec<(MatchId, NaiveDate)>, StoreError> {
    let filter = match only {
        Some(_) => {
            "match_id IN (SELECT mv.match_id FROM match_volunteers mv JOIN matches m ON m.id = mv.match_id
                          WHERE mv.volunteer_id = ?1 AND m.end_date IS NULL)"
        }
        None => "?1 IS NULL AND match_id IN (SELECT id FROM matches WHERE end_date IS NULL)",
    };
    let mut stmt =
        conn.prepare_cached(&format!("SELECT match_id, max(date) FROM referrals WHERE {filter} GROUP BY match_id"))?;
    let rows = stmt.query_map([who(only)], |r| Ok((parsed(r, 0, MatchId::parse)?, parsed(r, 1, iso_date)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The matches (of the volunteer's, or all) with a professional involved on `day`.
pub fn matches_with_professional(
    conn: &Connection,
    only: Option<VolunteerId>,
    day: NaiveDate,
) -> Result<Vec<MatchId>, StoreError> {
    let filter = match only {
        Some(_) => "match_id IN (SELECT match_id FROM match_volunteers WHERE volunteer_id = ?1)",
        None => "?1 IS NULL",
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT DISTINCT match_id FROM involvements
         WHERE {filter} AND from_date <= ?2 AND (to_date IS NULL OR to_date >= ?2)"
    ))?;
    let rows = stmt.query_map(params![who(only), day.to_string()], |r| parsed(r, 0, MatchId::parse))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The latest intervision or supervision of each volunteer.
pub fn latest_supervision(
    conn: &Connection,
    only: Option<VolunteerId>,
) -> Result<Vec<(VolunteerId, NaiveDate)>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT volunteer_id, max(date) FROM supervision_contacts WHERE {} GROUP BY volunteer_id",
        only_clause("volunteer_id", only)
    ))?;
    let rows = stmt.query_map([who(only)], |r| Ok((parsed(r, 0, VolunteerId::parse)?, parsed(r, 1, iso_date)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every check-in: (volunteer, date, answers as 0/1 text), oldest first.
pub fn check_ins(
    conn: &Connection,
    only: Option<VolunteerId>,
) -> Result<Vec<(VolunteerId, NaiveDate, String)>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT volunteer_id, date, answers FROM check_ins WHERE {} ORDER BY date, created_at",
        only_clause("volunteer_id", only)
    ))?;
    let rows =
        stmt.query_map([who(only)], |r| Ok((parsed(r, 0, VolunteerId::parse)?, parsed(r, 1, iso_date)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Training names per volunteer, lower-cased.
pub fn trainings(conn: &Connection, only: Option<VolunteerId>) -> Result<Vec<(VolunteerId, String)>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT volunteer_id, lower(name) FROM trainings WHERE {}",
        only_clause("volunteer_id", only)
    ))?;
    let rows = stmt.query_map([who(only)], |r| Ok((parsed(r, 0, VolunteerId::parse)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// (volunteer, programme) for every programme a volunteer is in.
pub fn programme_memberships(
    conn: &Connection,
    only: Option<VolunteerId>,
) -> Result<Vec<(VolunteerId, ProgrammeId)>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT volunteer_id, programme_id FROM volunteer_programmes WHERE {}",
        only_clause("volunteer_id", only)
    ))?;
    let rows =
        stmt.query_map([who(only)], |r| Ok((parsed(r, 0, VolunteerId::parse)?, parsed(r, 1, ProgrammeId::parse)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Programmes that require a training.
pub fn required_trainings(conn: &Connection) -> Result<Vec<(ProgrammeId, String)>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT id, required_training FROM programmes WHERE required_training IS NOT NULL")?;
    let rows = stmt.query_map([], |r| Ok((parsed(r, 0, ProgrammeId::parse)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Allowances from `since`: (volunteer, first day of the month, cents).
pub fn allowances(
    conn: &Connection,
    only: Option<VolunteerId>,
    since: NaiveDate,
) -> Result<Vec<(VolunteerId, NaiveDate, u32)>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT volunteer_id, month, amount_cents FROM allowances WHERE {} AND month >= ?2",
        only_clause("volunteer_id", only)
    ))?;
    let rows = stmt.query_map(params![who(only), since.to_string()], |r| {
        Ok((parsed(r, 0, VolunteerId::parse)?, parsed(r, 1, iso_date)?, r.get(2)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Work minutes per volunteer per month from `first` to `last` (first days of months): (volunteer,
/// first day of the month, minutes). Read from the per-month sums the triggers of migration 6 keep.
pub fn monthly_minutes(
    conn: &Connection,
    only: Option<VolunteerId>,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<(VolunteerId, NaiveDate, u32)>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT volunteer_id, month, work_minutes FROM volunteer_month_minutes
         WHERE {} AND month BETWEEN ?2 AND ?3 AND work_minutes > 0 ORDER BY volunteer_id, month",
        only_clause("volunteer_id", only)
    ))?;
    let rows = stmt.query_map(params![who(only), first.to_string(), last.to_string()], |r| {
        Ok((parsed(r, 0, VolunteerId::parse)?, parsed(r, 1, iso_date)?, r.get(2)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// What reconciling needs of every stored signal, with its volunteer.
pub fn stored_signals(
    conn: &Connection,
    only: Option<VolunteerId>,
) -> Result<Vec<(VolunteerId, Stored<SignalId>)>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT volunteer_id, id, rule, subject_match_id, status, snoozed_until, closed_on FROM signals WHERE {}",
        only_clause("volunteer_id", only)
    ))?;
    let rows = stmt.query_map([who(only)], |r| {
        Ok((
            parsed(r, 0, VolunteerId::parse)?,
            Stored {
                id: parsed(r, 1, SignalId::parse)?,
                rule: parsed(r, 2, RuleId::parse)?,
                subject: r.get::<_, Option<String>>(3)?.as_deref().and_then(MatchId::parse),
                status: parsed(r, 4, SignalStatus::parse)?,
                snoozed_until: optional_date(r, 5)?,
                closed_on: optional_date(r, 6)?,
            },
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Assessments of the volunteer's open matches (or all open matches), oldest first per match.
pub fn assessments(
    conn: &Connection,
    only: Option<VolunteerId>,
) -> Result<Vec<crate::assessments::AssessmentRecord>, StoreError> {
    crate::assessments::of_open_matches(conn, only)
}
