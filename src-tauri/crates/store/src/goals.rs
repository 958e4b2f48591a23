//! The `programme_goals` and `match_goals` tables (migration 24): each programme's goals (the
//! defaults seeded by key, as the activity catalogue is), the goals a match works towards, and each
//! one's result once the match has ended.

use crate::db::{iso_date, parsed};
use crate::StoreError;
use chrono::{DateTime, NaiveDate, Utc};
use draagkracht_core::goals::{GoalResult, DEFAULT_GOALS};
use draagkracht_core::{DateRange, GoalId, MatchId, ProgrammeId};
use rusqlite::{params, Connection, Transaction};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalRecord {
    pub id: GoalId,
    pub programme: ProgrammeId,
    pub name: String,
    pub active: bool,
}

/// Adds the default goals for the default programmes that exist, skipping what was seeded before.
pub fn seed_defaults(
    tx: &Transaction,
    now: DateTime<Utc>,
    mut new_id: impl FnMut() -> GoalId,
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare(
        "INSERT INTO programme_goals (id, programme_id, seed_key, name, active, sort_order, created_at, updated_at)
         SELECT ?1, p.id, ?2, ?3, 1, ?4, ?5, ?5 FROM programmes p WHERE p.seed_key = ?6
         ON CONFLICT (seed_key) DO NOTHING",
    )?;
    for (order, g) in DEFAULT_GOALS.iter().enumerate() {
        stmt.execute(params![
            new_id().to_string(),
            format!("{}:{}", g.programme_key, g.name),
            g.name,
            order as i64,
            now.to_rfc3339(),
            g.programme_key
        ])?;
    }
    Ok(())
}

/// Every goal (of one programme, or all), in the programme's order.
pub fn list(conn: &Connection, programme: Option<ProgrammeId>) -> Result<Vec<GoalRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, programme_id, name, active FROM programme_goals
         WHERE ?1 IS NULL OR programme_id = ?1 ORDER BY sort_order, name COLLATE NOCASE, id",
    )?;
    let rows = stmt.query_map([programme.map(|p| p.to_string())], |r| {
        Ok(GoalRecord {
            id: parsed(r, 0, GoalId::parse)?,
            programme: parsed(r, 1, ProgrammeId::parse)?,
            name: r.get(2)?,
            active: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Adds (`new`) or changes a goal; false when there is no such goal to change.
pub fn save(
    tx: &Transaction,
    id: GoalId,
    programme: ProgrammeId,
    name: &str,
    active: bool,
    new: bool,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let changed = if new {
        tx.execute(
            "INSERT INTO programme_goals (id, programme_id, name, active, sort_order, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(sort_order), 0) + 1 FROM programme_goals), ?5, ?5)",
            params![id.to_string(), programme.to_string(), name, active, now.to_rfc3339()],
        )?
    } else {
        tx.execute(
            "UPDATE programme_goals SET name = ?3, active = ?4, updated_at = ?5 WHERE id = ?1 AND programme_id = ?2",
            params![id.to_string(), programme.to_string(), name, active, now.to_rfc3339()],
        )?
    };
    Ok(changed == 1)
}

/// The goals a match works towards.
pub fn set_for_match(tx: &Transaction, id: MatchId, goals: &[GoalId]) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached("INSERT OR IGNORE INTO match_goals (match_id, goal_id) VALUES (?1, ?2)")?;
    for g in goals {
        stmt.execute(params![id.to_string(), g.to_string()])?;
    }
    Ok(())
}

pub fn set_result(tx: &Transaction, id: MatchId, goal: GoalId, result: GoalResult) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE match_goals SET result = ?3 WHERE match_id = ?1 AND goal_id = ?2",
        params![id.to_string(), goal.to_string(), result.as_str()],
    )?;
    Ok(())
}

/// A match's goals: (goal, name, result).
pub fn of_match(conn: &Connection, id: MatchId) -> Result<Vec<(GoalId, String, Option<GoalResult>)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT g.id, g.name, mg.result FROM match_goals mg JOIN programme_goals g ON g.id = mg.goal_id
         WHERE mg.match_id = ?1 ORDER BY g.sort_order, g.name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([id.to_string()], |r| {
        let result: Option<String> = r.get(2)?;
        Ok((parsed(r, 0, GoalId::parse)?, r.get(1)?, result.as_deref().and_then(GoalResult::parse)))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The results of the goals of matches that ended within `range`: (match, its end, result).
pub fn results_ended_in(
    conn: &Connection,
    range: DateRange,
) -> Result<Vec<(MatchId, NaiveDate, GoalResult)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.end_date, mg.result FROM match_goals mg JOIN matches m ON m.id = mg.match_id
         WHERE m.end_date BETWEEN ?1 AND ?2 AND mg.result IS NOT NULL",
    )?;
    let rows = stmt.query_map([range.first.to_string(), range.last.to_string()], |r| {
        let result: String = r.get(2)?;
        Ok((
            parsed(r, 0, MatchId::parse)?,
            parsed(r, 1, iso_date)?,
            GoalResult::parse(&result).ok_or(rusqlite::Error::InvalidQuery)?,
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
