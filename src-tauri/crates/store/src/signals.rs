//! The `signals` table and its history (`signal_events`): every status change is a new event row.
//! The evidence is stored as JSON (the same shape the window receives).

use crate::db::{iso_date, parsed};
use crate::StoreError;
use chrono::{DateTime, NaiveDate, Utc};
use draagkracht_core::signals::lifecycle::{Resolution, SignalStatus, Stored};
use draagkracht_core::signals::{Evidence, RuleId, Severity, Signal};
use draagkracht_core::{MatchId, SignalId, VolunteerId};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

#[derive(Debug, Clone, PartialEq)]
pub struct SignalRecord {
    pub id: SignalId,
    pub volunteer_id: VolunteerId,
    pub volunteer_name: String,
    pub rule: RuleId,
    pub subject: Option<MatchId>,
    pub severity: Severity,
    pub status: SignalStatus,
    pub evidence: Evidence,
    pub explanation_nl: String,
    pub explanation_en: String,
    pub cause_date: NaiveDate,
    pub opened_on: NaiveDate,
    pub snoozed_until: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub resolution: Option<Resolution>,
    pub resolution_note: Option<String>,
}

impl SignalRecord {
    pub fn stored(&self) -> Stored<SignalId> {
        Stored {
            id: self.id,
            rule: self.rule,
            subject: self.subject,
            status: self.status,
            snoozed_until: self.snoozed_until,
            closed_on: self.closed_on,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRecord {
    pub on_date: NaiveDate,
    pub from_status: Option<SignalStatus>,
    pub to_status: SignalStatus,
    pub resolution: Option<Resolution>,
    pub note: Option<String>,
}

const SELECT: &str =
    "SELECT s.id, s.volunteer_id, v.name, s.rule, s.subject_match_id, s.severity, s.status, s.evidence,
            s.explanation_nl, s.explanation_en, s.cause_date, s.opened_on, s.snoozed_until, s.closed_on,
            s.resolution, s.resolution_note
     FROM signals s JOIN volunteers v ON v.id = s.volunteer_id";

fn optional_date(r: &Row, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    Ok(r.get::<_, Option<String>>(i)?.as_deref().and_then(iso_date))
}

fn from_row(r: &Row) -> rusqlite::Result<SignalRecord> {
    Ok(SignalRecord {
        id: parsed(r, 0, SignalId::parse)?,
        volunteer_id: parsed(r, 1, VolunteerId::parse)?,
        volunteer_name: r.get(2)?,
        rule: parsed(r, 3, RuleId::parse)?,
        subject: r.get::<_, Option<String>>(4)?.as_deref().and_then(MatchId::parse),
        severity: parsed(r, 5, Severity::parse)?,
        status: parsed(r, 6, SignalStatus::parse)?,
        evidence: parsed(
            r,
            7,
            |text| if text == "{}" { Some(Evidence::default()) } else { serde_json::from_str(text).ok() },
        )?,
        explanation_nl: r.get(8)?,
        explanation_en: r.get(9)?,
        cause_date: parsed(r, 10, iso_date)?,
        opened_on: parsed(r, 11, iso_date)?,
        snoozed_until: optional_date(r, 12)?,
        closed_on: optional_date(r, 13)?,
        resolution: r.get::<_, Option<String>>(14)?.as_deref().and_then(Resolution::parse),
        resolution_note: r.get(15)?,
    })
}

/// A volunteer's signals, newest first.
pub fn for_volunteer(conn: &Connection, volunteer: VolunteerId) -> Result<Vec<SignalRecord>, StoreError> {
    let mut stmt =
        conn.prepare_cached(&format!("{SELECT} WHERE s.volunteer_id = ?1 ORDER BY s.opened_on DESC, s.id DESC"))?;
    let rows = stmt.query_map([volunteer.to_string()], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// How many signals are live.
pub fn live_count(conn: &Connection) -> Result<usize, StoreError> {
    Ok(conn.query_row("SELECT count(*) FROM signals WHERE status IN ('open', 'acknowledged', 'snoozed')", [], |r| {
        r.get::<_, i64>(0)
    })? as usize)
}

/// Every live signal without its evidence: what the attention list shows, read without parsing the
/// evidence of thousands of signals.
pub fn live_without_evidence(conn: &Connection) -> Result<Vec<SignalRecord>, StoreError> {
    let sql = SELECT.replace("s.evidence,", "'{}',");
    let mut stmt = conn.prepare_cached(&format!("{sql} WHERE s.status IN ('open', 'acknowledged', 'snoozed')"))?;
    let rows = stmt.query_map([], |r| {
        let mut record = from_row(r)?;
        record.evidence = Evidence::default();
        Ok(record)
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// When each live signal was made: what the attention list compares with the coordinator's last look.
pub fn live_created_at(conn: &Connection) -> Result<Vec<(SignalId, DateTime<Utc>)>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT id, created_at FROM signals WHERE status IN ('open', 'acknowledged', 'snoozed')")?;
    let rows = stmt.query_map([], |r| {
        let at = parsed(r, 1, |t| DateTime::parse_from_rfc3339(t).ok().map(|d| d.with_timezone(&Utc)))?;
        Ok((parsed(r, 0, SignalId::parse)?, at))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every signal (for the CLI and reports).
pub fn all(conn: &Connection) -> Result<Vec<SignalRecord>, StoreError> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY s.opened_on, s.id"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: SignalId) -> Result<Option<SignalRecord>, StoreError> {
    Ok(conn.query_row(&format!("{SELECT} WHERE s.id = ?1"), [id.to_string()], from_row).optional()?)
}

pub fn events(conn: &Connection, id: SignalId) -> Result<Vec<EventRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT on_date, from_status, to_status, resolution, note FROM signal_events
         WHERE signal_id = ?1 ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map([id.to_string()], |r| {
        Ok(EventRecord {
            on_date: parsed(r, 0, iso_date)?,
            from_status: r.get::<_, Option<String>>(1)?.as_deref().and_then(SignalStatus::parse),
            to_status: parsed(r, 2, SignalStatus::parse)?,
            resolution: r.get::<_, Option<String>>(3)?.as_deref().and_then(Resolution::parse),
            note: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn evidence_json(e: &Evidence) -> String {
    serde_json::to_string(e).unwrap_or_else(|_| "{}".into())
}

/// Records a status change in the history.
#[allow(clippy::too_many_arguments)]
fn event(
    tx: &Transaction,
    id: SignalId,
    on: NaiveDate,
    from: Option<SignalStatus>,
    to: SignalStatus,
    resolution: Option<Resolution>,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO signal_events (id, signal_id, on_date, from_status, to_status, resolution, note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        uuid::Uuid::now_v7().to_string(),
        id.to_string(),
        on.to_string(),
        from.map(|s| s.as_str()),
        to.as_str(),
        resolution.map(|r| r.as_str()),
        note,
        now.to_rfc3339()
    ])?;
    Ok(())
}

pub fn open(
    tx: &Transaction,
    id: SignalId,
    s: &Signal,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO signals (id, volunteer_id, rule, subject_match_id, severity, status, evidence, explanation_nl,
                              explanation_en, cause_date, opened_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
    )?
    .execute(params![
        id.to_string(),
        s.volunteer.to_string(),
        s.rule.as_str(),
        s.subject.map(|m| m.to_string()),
        s.severity.as_str(),
        evidence_json(&s.evidence),
        s.explanation_nl,
        s.explanation_en,
        s.cause_date.to_string(),
        today.to_string(),
        now.to_rfc3339()
    ])?;
    event(tx, id, today, None, SignalStatus::Open, None, None, now)
}

/// Refreshes what a live signal says (its cause still holds), writing only when something changed;
/// `wake` also reopens a snoozed one.
pub fn refresh(
    tx: &Transaction,
    id: SignalId,
    s: &Signal,
    wake: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "UPDATE signals SET severity = ?2, evidence = ?3, explanation_nl = ?4, explanation_en = ?5, cause_date = ?6,
                updated_at = ?7
         WHERE id = ?1 AND (severity <> ?2 OR evidence <> ?3 OR explanation_nl <> ?4 OR cause_date <> ?6)",
    )?
    .execute(params![
        id.to_string(),
        s.severity.as_str(),
        evidence_json(&s.evidence),
        s.explanation_nl,
        s.explanation_en,
        s.cause_date.to_string(),
        now.to_rfc3339()
    ])?;
    if let Some(today) = wake {
        set_status(tx, id, SignalStatus::Snoozed, SignalStatus::Open, today, None, None, None, now)?;
    }
    Ok(())
}

/// Moves a signal to another status and records it in the history.
#[allow(clippy::too_many_arguments)]
pub fn set_status(
    tx: &Transaction,
    id: SignalId,
    from: SignalStatus,
    to: SignalStatus,
    on: NaiveDate,
    snoozed_until: Option<NaiveDate>,
    resolution: Option<Resolution>,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let closed_on = matches!(to, SignalStatus::Resolved | SignalStatus::Cleared).then(|| on.to_string());
    tx.prepare_cached(
        "UPDATE signals SET status = ?2, snoozed_until = ?3, closed_on = ?4, resolution = ?5, resolution_note = ?6,
                updated_at = ?7 WHERE id = ?1",
    )?
    .execute(params![
        id.to_string(),
        to.as_str(),
        snoozed_until.map(|d| d.to_string()),
        closed_on,
        resolution.map(|r| r.as_str()),
        note,
        now.to_rfc3339()
    ])?;
    event(tx, id, on, Some(from), to, resolution, note, now)
}

/// A coordinator's act on a signal, as it travels to the other laptops of a shared branch
/// (`signal_acts`): it names the signal by volunteer, rule and subject, which every laptop's
/// evaluation gives alike, not by this laptop's signal id.
#[derive(Debug, Clone, PartialEq)]
pub struct SignalAct {
    pub id: String,
    pub volunteer_id: VolunteerId,
    pub rule: RuleId,
    pub subject: Option<MatchId>,
    pub to: SignalStatus,
    pub on: NaiveDate,
    pub snoozed_until: Option<NaiveDate>,
    pub resolution: Option<Resolution>,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Records an act made here, carried over already (it was made on this laptop's signal).
pub fn record_act(tx: &Transaction, act: &SignalAct) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO signal_acts (id, volunteer_id, rule, subject_match_id, to_status, on_date, snoozed_until,
                                  resolution, note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            act.id,
            act.volunteer_id.to_string(),
            act.rule.as_str(),
            act.subject.map(|m| m.to_string()),
            act.to.as_str(),
            act.on.to_string(),
            act.snoozed_until.map(|d| d.to_string()),
            act.resolution.map(|r| r.as_str()),
            act.note,
            act.created_at.to_rfc3339()
        ],
    )?;
    mark_carried_over(tx, &act.id)
}

/// Acts (made on other laptops) not yet carried over to this laptop's signals, oldest first.
pub fn acts_to_carry_over(conn: &Connection) -> Result<Vec<SignalAct>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, volunteer_id, rule, subject_match_id, to_status, on_date, snoozed_until, resolution, note, created_at
         FROM signal_acts WHERE id NOT IN (SELECT act_id FROM signal_acts_applied) ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(SignalAct {
            id: r.get(0)?,
            volunteer_id: parsed(r, 1, VolunteerId::parse)?,
            rule: parsed(r, 2, RuleId::parse)?,
            subject: r.get::<_, Option<String>>(3)?.as_deref().and_then(MatchId::parse),
            to: parsed(r, 4, SignalStatus::parse)?,
            on: parsed(r, 5, iso_date)?,
            snoozed_until: optional_date(r, 6)?,
            resolution: r.get::<_, Option<String>>(7)?.as_deref().and_then(Resolution::parse),
            note: r.get(8)?,
            created_at: parsed(r, 9, |t| DateTime::parse_from_rfc3339(t).ok().map(|d| d.with_timezone(&Utc)))?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn mark_carried_over(tx: &Transaction, act_id: &str) -> Result<(), StoreError> {
    tx.execute("INSERT OR IGNORE INTO signal_acts_applied (act_id) VALUES (?1)", [act_id])?;
    Ok(())
}

/// The newest of this laptop's signals for a volunteer, rule and subject, with when a coordinator
/// last acted on it on any laptop (an act older than that does not undo it).
pub fn latest_for(
    conn: &Connection,
    volunteer: VolunteerId,
    rule: RuleId,
    subject: Option<MatchId>,
) -> Result<Option<(SignalRecord, Option<String>)>, StoreError> {
    let found = conn
        .query_row(
            &format!(
                "{SELECT} WHERE s.volunteer_id = ?1 AND s.rule = ?2 AND s.subject_match_id IS ?3
                 ORDER BY s.opened_on DESC, s.created_at DESC LIMIT 1"
            ),
            params![volunteer.to_string(), rule.as_str(), subject.map(|m| m.to_string())],
            from_row,
        )
        .optional()?;
    let Some(record) = found else { return Ok(None) };
    // The last coordinator act carried over for this signal (automatic wake-ups and clears do
    // not count: an act made elsewhere before them still stands).
    let last: Option<String> = conn.query_row(
        "SELECT max(created_at) FROM signal_acts
         WHERE volunteer_id = ?1 AND rule = ?2 AND subject_match_id IS ?3
           AND id IN (SELECT act_id FROM signal_acts_applied)",
        params![volunteer.to_string(), rule.as_str(), subject.map(|m| m.to_string())],
        |r| r.get(0),
    )?;
    Ok(Some((record, last)))
}
