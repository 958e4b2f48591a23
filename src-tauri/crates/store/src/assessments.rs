//! The `assessments` table: dated complexity assessments of a match, kept as history (rows are only
//! added). Life domains and markers are stored as comma-separated names; a ZRM as 13 digits.

use crate::db::{iso_date, parsed};
use crate::StoreError;
use chrono::{DateTime, NaiveDate, Utc};
use draagkracht_core::complexity::{Assessment, CrisisMarker, LifeDomain, ValidAssessment, ZrmScores};
use draagkracht_core::{AssessmentId, MatchId};
use rusqlite::{params, Connection, Row, Transaction};
use serde::{de::DeserializeOwned, Serialize};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentRecord {
    pub id: AssessmentId,
    pub match_id: MatchId,
    pub date: NaiveDate,
    pub assessment: Assessment,
    pub note: Option<String>,
}

/// An enum value's serde name (`money`, `acute_debt`), the same as on the wire.
fn name_of<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
}

fn join<T: Serialize>(values: &[T]) -> String {
    values.iter().map(name_of).collect::<Vec<_>>().join(",")
}

fn split<T: DeserializeOwned>(text: &str) -> Option<Vec<T>> {
    text.split(',').filter(|s| !s.is_empty()).map(|s| serde_json::from_value(serde_json::Value::from(s)).ok()).collect()
}

fn from_row(r: &Row) -> rusqlite::Result<AssessmentRecord> {
    let zrm_by: Option<String> = r.get(6)?;
    let zrm_on: Option<String> = r.get(7)?;
    let zrm_scores: Option<String> = r.get(8)?;
    let zrm = match (zrm_by, zrm_on.as_deref().and_then(iso_date), zrm_scores) {
        (Some(scored_by), Some(scored_on), Some(digits)) => {
            let mut scores = [0u8; 13];
            for (slot, c) in scores.iter_mut().zip(digits.bytes()) {
                *slot = c.saturating_sub(b'0');
            }
            Some(ZrmScores { scored_by, scored_on, scores })
        }
        _ => None,
    };
    Ok(AssessmentRecord {
        id: parsed(r, 0, AssessmentId::parse)?,
        match_id: parsed(r, 1, MatchId::parse)?,
        date: parsed(r, 2, iso_date)?,
        assessment: Assessment {
            domains: parsed(r, 3, split::<LifeDomain>)?,
            solvable_within_year: r.get(4)?,
            markers: parsed(r, 5, split::<CrisisMarker>)?,
            zrm,
        },
        note: r.get(9)?,
    })
}

const SELECT: &str = "SELECT id, match_id, date, domains, solvable_within_year, markers, zrm_scored_by, zrm_scored_on,
                             zrm_scores, note FROM assessments";

/// A match's assessments, newest first (by date, then by when they were written).
pub fn for_match(conn: &Connection, id: MatchId) -> Result<Vec<AssessmentRecord>, StoreError> {
    let mut stmt =
        conn.prepare_cached(&format!("{SELECT} WHERE match_id = ?1 ORDER BY date DESC, created_at DESC, id DESC"))?;
    let rows = stmt.query_map([id.to_string()], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The assessments of one volunteer's open matches (or of all open matches), by match and date.
pub fn of_open_matches(
    conn: &Connection,
    only: Option<draagkracht_core::VolunteerId>,
) -> Result<Vec<AssessmentRecord>, StoreError> {
    let filter = match only {
        Some(_) => {
            "match_id IN (SELECT mv.match_id FROM match_volunteers mv JOIN matches m ON m.id = mv.match_id
                          WHERE mv.volunteer_id = ?1 AND m.end_date IS NULL)"
        }
        None => "?1 IS NULL AND match_id IN (SELECT id FROM matches WHERE end_date IS NULL)",
    };
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE {filter} ORDER BY match_id, date, created_at, id"))?;
    let rows = stmt.query_map([only.map(|v| v.to_string())], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every assessment, by match and date (for levels as of a day in the past).
pub fn all(conn: &Connection) -> Result<Vec<AssessmentRecord>, StoreError> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY match_id, date, created_at, id"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every running match of a programme's volunteers (the matches can be of any programme: a
/// volunteer's whole caseload counts), with its latest assessment: (volunteer, match, assessment).
/// One pass from the running matches' own index.
pub fn running_caseload_of_members(
    conn: &Connection,
    programme: draagkracht_core::ProgrammeId,
) -> Result<Vec<(draagkracht_core::VolunteerId, MatchId, Option<AssessmentRecord>)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        // From the running matches (migration 17's partial index), never through every member's
        // whole history, which the planner would otherwise pick.
        "SELECT a.id, a.match_id, a.date, a.domains, a.solvable_within_year, a.markers, a.zrm_scored_by,
                a.zrm_scored_on, a.zrm_scores, a.note, mv.volunteer_id, m.id
         FROM matches m INDEXED BY matches_running
         JOIN match_volunteers mv ON mv.match_id = m.id
         JOIN volunteer_programmes vp ON vp.volunteer_id = mv.volunteer_id AND vp.programme_id = ?1
         LEFT JOIN assessments a ON a.id = (SELECT l.id FROM assessments l WHERE l.match_id = m.id
                                            ORDER BY l.date DESC, l.created_at DESC, l.id DESC LIMIT 1)
         WHERE m.end_date IS NULL",
    )?;
    let rows = stmt.query_map([programme.to_string()], |r| {
        let assessed: Option<String> = r.get(0)?;
        Ok((
            parsed(r, 10, draagkracht_core::VolunteerId::parse)?,
            parsed(r, 11, MatchId::parse)?,
            assessed.map(|_| from_row(r)).transpose()?,
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The latest assessment of every match that has one, in one pass.
pub fn latest_per_match(conn: &Connection) -> Result<Vec<AssessmentRecord>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE id IN (
             SELECT (SELECT a.id FROM assessments a WHERE a.match_id = m.id
                     ORDER BY a.date DESC, a.created_at DESC, a.id DESC LIMIT 1)
             FROM matches m)"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn insert(
    tx: &Transaction,
    id: AssessmentId,
    match_id: MatchId,
    a: &ValidAssessment,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let zrm = a.assessment.zrm.as_ref();
    tx.prepare_cached(
        "INSERT INTO assessments (id, match_id, date, domains, solvable_within_year, markers, zrm_scored_by,
                                  zrm_scored_on, zrm_scores, note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        id.to_string(),
        match_id.to_string(),
        a.date.to_string(),
        join(&a.assessment.domains),
        a.assessment.solvable_within_year,
        join(&a.assessment.markers),
        zrm.map(|z| z.scored_by.clone()),
        zrm.map(|z| z.scored_on.to_string()),
        zrm.map(|z| z.scores.iter().map(|s| char::from(b'0' + s)).collect::<String>()),
        note,
        now.to_rfc3339()
    ])?;
    Ok(())
}
