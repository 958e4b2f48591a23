//! The `stories` table (migration 23): a branch's anonymised stories, and which it chose for
//! reports. Whether a story may be chosen is the api's to check (`core::stories`).

use crate::db::{iso_date, parsed};
use crate::StoreError;
use chrono::{DateTime, Utc};
use draagkracht_core::period::DateRange;
use draagkracht_core::stories::ValidStory;
use draagkracht_core::StoryId;
use rusqlite::{params, Connection, Transaction};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryRecord {
    pub id: StoryId,
    pub story: ValidStory,
    pub in_report: bool,
}

/// Every story, the latest period first.
pub fn list(conn: &Connection) -> Result<Vec<StoryRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, text, first_day, last_day, in_report FROM stories
         ORDER BY last_day DESC, title COLLATE NOCASE, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(StoryRecord {
            id: parsed(r, 0, StoryId::parse)?,
            story: ValidStory {
                title: r.get(1)?,
                text: r.get(2)?,
                period: DateRange { first: parsed(r, 3, iso_date)?, last: parsed(r, 4, iso_date)? },
            },
            in_report: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Adds (`new`) or changes a story; a changed story leaves the reports until it is chosen again
/// (the text it was checked in is gone). False when there is no such story to change.
pub fn save(tx: &Transaction, id: StoryId, s: &ValidStory, new: bool, now: DateTime<Utc>) -> Result<bool, StoreError> {
    let values = params![
        id.to_string(),
        s.title,
        s.text,
        s.period.first.to_string(),
        s.period.last.to_string(),
        now.to_rfc3339()
    ];
    let changed = if new {
        tx.execute(
            "INSERT INTO stories (id, title, text, first_day, last_day, in_report, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?6)",
            values,
        )?
    } else {
        tx.execute(
            "UPDATE stories SET title = ?2, text = ?3, first_day = ?4, last_day = ?5, updated_at = ?6,
                                in_report = CASE WHEN text = ?3 THEN in_report ELSE 0 END
             WHERE id = ?1",
            values,
        )?
    };
    Ok(changed == 1)
}

pub fn set_in_report(tx: &Transaction, id: StoryId, in_report: bool, now: DateTime<Utc>) -> Result<bool, StoreError> {
    Ok(tx.execute(
        "UPDATE stories SET in_report = ?2, updated_at = ?3 WHERE id = ?1",
        params![id.to_string(), in_report, now.to_rfc3339()],
    )? == 1)
}

pub fn remove(tx: &Transaction, id: StoryId) -> Result<bool, StoreError> {
    Ok(tx.execute("DELETE FROM stories WHERE id = ?1", [id.to_string()])? == 1)
}
