//! The AVG tools' storage: every record held on one person (as JSON rows, for subject access),
//! erasing a person's identifying data while their counts stay, the retention review, and the
//! audit log that the triggers of migration 7 write.

use crate::db::{iso_date, parsed};
use crate::StoreError;
use chrono::NaiveDate;
use draagkracht_core::{ParticipantId, VolunteerId};
use rusqlite::{Connection, Transaction};
use serde_json::{Map, Value};

/// A section of a subject-access export: one table's rows about the person.
pub struct Section {
    pub table: &'static str,
    pub rows: Vec<Map<String, Value>>,
}

fn rows_as_json(conn: &Connection, table: &'static str, filter: &str, id: &str) -> Result<Section, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT * FROM {table} WHERE {filter}"))?;
    let names: Vec<String> = stmt.column_names().into_iter().map(String::from).collect();
    let mut rows = stmt.query([id])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let mut row = Map::new();
        for (i, name) in names.iter().enumerate() {
            row.insert(name.clone(), crate::db::json_value(r.get_ref(i)?));
        }
        out.push(row);
    }
    Ok(Section { table, rows: out })
}

const OF_PARTICIPANT_MATCHES: &str = "match_id IN (SELECT id FROM matches WHERE participant_id = ?1)";

/// Everything held on a volunteer. Other people's names are not in it: matches appear with their
/// dates and programme, not with the participant.
pub fn volunteer_records(conn: &Connection, id: VolunteerId) -> Result<Vec<Section>, StoreError> {
    let id = id.to_string();
    [
        ("volunteers", "id = ?1"),
        ("volunteer_programmes", "volunteer_id = ?1"),
        ("hour_entries", "volunteer_id = ?1"),
        ("match_volunteers", "volunteer_id = ?1"),
        ("trainings", "volunteer_id = ?1"),
        ("supervision_contacts", "volunteer_id = ?1"),
        ("check_ins", "volunteer_id = ?1"),
        ("allowances", "volunteer_id = ?1"),
        ("signals", "volunteer_id = ?1"),
        ("signal_events", "signal_id IN (SELECT id FROM signals WHERE volunteer_id = ?1)"),
        ("audit_log", "entity_id = ?1"),
    ]
    .into_iter()
    .map(|(table, filter)| rows_as_json(conn, table, filter, &id))
    .collect()
}

/// Everything held on a participant: their record, matches, assessments, professionals, referrals
/// and the hours given in their matches (without the volunteers' names).
pub fn participant_records(conn: &Connection, id: ParticipantId) -> Result<Vec<Section>, StoreError> {
    let id = id.to_string();
    [
        ("participants", "id = ?1"),
        ("matches", "participant_id = ?1"),
        ("match_volunteers", OF_PARTICIPANT_MATCHES),
        ("assessments", OF_PARTICIPANT_MATCHES),
        ("involvements", OF_PARTICIPANT_MATCHES),
        ("referrals", OF_PARTICIPANT_MATCHES),
        ("hour_entries", OF_PARTICIPANT_MATCHES),
        ("audit_log", "entity_id = ?1 OR entity_id IN (SELECT id FROM matches WHERE participant_id = ?1)"),
    ]
    .into_iter()
    .map(|(table, filter)| rows_as_json(conn, table, filter, &id))
    .collect()
}

/// The texts that identify a participant, before erasure: label and contact.
pub fn participant_identifiers(conn: &Connection, id: ParticipantId) -> Result<Vec<String>, StoreError> {
    let (label, contact): (String, Option<String>) =
        conn.query_row("SELECT label, contact FROM participants WHERE id = ?1", [id.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    Ok(std::iter::once(label).chain(contact).collect())
}

/// The texts that identify a volunteer, before erasure: name, e-mail, phone.
pub fn volunteer_identifiers(conn: &Connection, id: VolunteerId) -> Result<Vec<String>, StoreError> {
    let (name, email, phone): (String, Option<String>, Option<String>) =
        conn.query_row("SELECT name, email, phone FROM volunteers WHERE id = ?1", [id.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    Ok(std::iter::once(name).chain(email).chain(phone).collect())
}

/// Erases a participant: label, contact, consent details and every free text about them and their
/// matches. Dates, programmes, levels and hours stay, no longer linked to anyone. Returns how many
/// fields were cleared.
pub fn erase_participant(
    tx: &Transaction,
    id: ParticipantId,
    placeholder: &str,
    today: NaiveDate,
) -> Result<u32, StoreError> {
    let id = id.to_string();
    let mut n = 0;
    n += tx.execute(
        "UPDATE participants SET label = ?2, contact = NULL, consent_by = NULL, consent_scope = NULL,
                anonymised_on = ?3 WHERE id = ?1",
        rusqlite::params![id, placeholder, today.to_string()],
    )?;
    for sql in [
        "UPDATE matches SET end_reason = NULL WHERE participant_id = ?1 AND end_reason IS NOT NULL",
        "UPDATE assessments SET note = NULL WHERE note IS NOT NULL AND match_id IN (SELECT id FROM matches WHERE participant_id = ?1)",
        "UPDATE involvements SET name = NULL WHERE name IS NOT NULL AND match_id IN (SELECT id FROM matches WHERE participant_id = ?1)",
        "UPDATE referrals SET to_name = NULL, reason = '', outcome = NULL WHERE match_id IN (SELECT id FROM matches WHERE participant_id = ?1)",
        "UPDATE hour_entries SET note = NULL WHERE note IS NOT NULL AND match_id IN (SELECT id FROM matches WHERE participant_id = ?1)",
        // The other versions of their own fields (an old label or contact) go as well.
        "DELETE FROM sync_versions WHERE tbl = 'participants' AND row_key = ?1",
    ] {
        n += tx.execute(sql, [&id])?;
    }
    Ok(n as u32)
}

/// Erases a volunteer: name, contact details and every free text about them. Their hours, matches,
/// support records and signals stay as counts under a placeholder name.
pub fn erase_volunteer(tx: &Transaction, id: VolunteerId, placeholder: &str) -> Result<u32, StoreError> {
    let id = id.to_string();
    let mut n = tx.execute(
        "UPDATE volunteers SET name = ?2, email = NULL, phone = NULL WHERE id = ?1",
        rusqlite::params![id, placeholder],
    )?;
    for sql in [
        "UPDATE hour_entries SET note = NULL WHERE volunteer_id = ?1 AND note IS NOT NULL",
        "UPDATE supervision_contacts SET note = NULL WHERE volunteer_id = ?1 AND note IS NOT NULL",
        "UPDATE check_ins SET note = NULL WHERE volunteer_id = ?1 AND note IS NOT NULL",
        "UPDATE signal_acts SET note = NULL WHERE volunteer_id = ?1 AND note IS NOT NULL",
        // The other versions of their own fields (an old name, phone number or address) and of
        // notes about them go as well.
        "DELETE FROM sync_versions WHERE tbl = 'volunteers' AND row_key = ?1",
        "DELETE FROM sync_versions WHERE col = 'note' AND row_key IN (
             SELECT id FROM hour_entries WHERE volunteer_id = ?1 UNION ALL SELECT id FROM supervision_contacts WHERE volunteer_id = ?1
             UNION ALL SELECT id FROM check_ins WHERE volunteer_id = ?1 UNION ALL SELECT id FROM signal_acts WHERE volunteer_id = ?1)",
        "UPDATE signals SET resolution_note = NULL WHERE volunteer_id = ?1 AND resolution_note IS NOT NULL",
        "UPDATE signal_events SET note = NULL WHERE note IS NOT NULL
             AND signal_id IN (SELECT id FROM signals WHERE volunteer_id = ?1)",
    ] {
        n += tx.execute(sql, [&id])?;
    }
    Ok(n as u32)
}

/// Every text column of every table: where a person's name can have been typed or copied.
fn text_columns(conn: &Connection) -> Result<Vec<(String, String)>, StoreError> {
    let mut tables = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log'",
    )?;
    let tables: Vec<String> = tables.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for table in tables {
        let mut cols = conn.prepare("SELECT name, type FROM pragma_table_info(?1)")?;
        for col in cols.query_map([&table], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
            let (name, kind) = col?;
            // Untyped columns too: the sharing tables keep values of any type (a field's winning
            // value, a value waiting to be sent, the other of two versions), names among them.
            let texty = kind.eq_ignore_ascii_case("TEXT") || kind.is_empty();
            if texty && !name.ends_with("id") && !name.ends_with("_at") && !name.ends_with("_key") {
                out.push((table.clone(), name));
            }
        }
    }
    Ok(out)
}

/// Records an erasure for the other laptops of a shared branch: the id, and the person's row as
/// the erasure left it, which every laptop then holds alike.
pub fn record_erasure(tx: &Transaction, id: &str, kind: &str, on: NaiveDate) -> Result<(), StoreError> {
    let table = if kind == "volunteer" { "volunteers" } else { "participants" };
    let mut stmt = tx.prepare(&format!("SELECT * FROM {table} WHERE id = ?1"))?;
    let names: Vec<String> = stmt.column_names().into_iter().map(String::from).collect();
    let row: Map<String, Value> = stmt.query_row([id], |r| {
        names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let value = match r.get_ref(i)? {
                    rusqlite::types::ValueRef::Null => Value::Null,
                    rusqlite::types::ValueRef::Integer(n) => Value::from(n),
                    rusqlite::types::ValueRef::Real(f) => Value::from(f),
                    other => Value::from(other.as_str().unwrap_or_default()),
                };
                Ok((name.clone(), value))
            })
            .collect()
    })?;
    tx.execute(
        "INSERT INTO erasures (id, kind, erased_on, erased_row) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (id) DO NOTHING",
        rusqlite::params![id, kind, on.to_string(), Value::Object(row).to_string()],
    )?;
    Ok(())
}

/// Sets an erased person's row to exactly what the erasing laptop left (`erased_row`), so every
/// laptop holds it alike whatever it changed before it heard of the erasure.
pub fn freeze_erased_row(tx: &Transaction, kind: &str, id: &str, erased_row: &str) -> Result<(), StoreError> {
    let table = if kind == "volunteer" { "volunteers" } else { "participants" };
    let Ok(Value::Object(row)) = serde_json::from_str::<Value>(erased_row) else { return Ok(()) };
    for (column, value) in row.iter().filter(|(c, _)| c.as_str() != "id") {
        let known: bool = tx.query_row(
            "SELECT count(*) > 0 FROM pragma_table_info(?1) WHERE name = ?2",
            [table, column.as_str()],
            |r| r.get(0),
        )?;
        if !known {
            continue;
        }
        let sql = format!("UPDATE {table} SET \"{column}\" = ?2 WHERE id = ?1");
        match value {
            Value::Null => tx.execute(&sql, rusqlite::params![id, rusqlite::types::Null])?,
            Value::Number(n) if n.is_i64() => tx.execute(&sql, rusqlite::params![id, n.as_i64()])?,
            Value::Number(n) => tx.execute(&sql, rusqlite::params![id, n.as_f64()])?,
            Value::String(t) => tx.execute(&sql, rusqlite::params![id, t])?,
            other => tx.execute(&sql, rusqlite::params![id, other.to_string()])?,
        };
    }
    Ok(())
}

/// Replaces `needle` as a whole word in every text column (notes, explanations, evidence) with
/// `replacement`; returns how many values changed. A name typed into a note elsewhere goes too.
pub fn scrub(tx: &Transaction, needle: &str, replacement: &str) -> Result<u32, StoreError> {
    if needle.trim().chars().count() < 2 {
        return Ok(0);
    }
    let mut changed = 0;
    for (table, column) in text_columns(tx)? {
        // By value rather than rowid: some tables are WITHOUT ROWID, and equal texts get the same fix.
        let mut found = tx.prepare(&format!("SELECT DISTINCT {column} FROM {table} WHERE instr({column}, ?1) > 0"))?;
        let hits: Vec<String> = found.query_map([needle], |r| r.get(0))?.collect::<Result<_, _>>()?;
        for text in hits {
            let cleaned = replace_word(&text, needle, replacement);
            if cleaned != text {
                changed += tx
                    .execute(&format!("UPDATE {table} SET {column} = ?2 WHERE {column} = ?1"), [&text, &cleaned])?
                    as u32;
            }
        }
    }
    Ok(changed)
}

/// True when `needle` occurs as a whole word somewhere in the database's text columns.
pub fn occurs(conn: &Connection, needle: &str) -> Result<Vec<String>, StoreError> {
    let mut places = Vec::new();
    for (table, column) in text_columns(conn)? {
        let mut found = conn.prepare(&format!("SELECT {column} FROM {table} WHERE instr({column}, ?1) > 0"))?;
        let texts: Vec<String> = found.query_map([needle], |r| r.get(0))?.collect::<Result<_, _>>()?;
        if texts.iter().any(|t| replace_word(t, needle, "\u{0}") != *t) {
            places.push(format!("{table}.{column}"));
        }
    }
    Ok(places)
}

/// `needle` replaced where it stands as a word (not inside a longer word: erasing "Ria" leaves "Maria").
pub fn replace_word(text: &str, needle: &str, replacement: &str) -> String {
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(needle) {
        let before = if i > 0 { rest[..i].chars().last() } else { out.chars().last() };
        let after = rest[i + needle.len()..].chars().next();
        out.push_str(&rest[..i]);
        if is_word(before) || is_word(after) {
            out.push_str(needle);
        } else {
            out.push_str(replacement);
        }
        rest = &rest[i + needle.len()..];
    }
    out.push_str(rest);
    out
}

/// Participants not yet anonymised without an open match: (id, label, programme, its retention
/// years, end date) for each of their matches.
pub fn retention_candidates(
    conn: &Connection,
) -> Result<Vec<(ParticipantId, String, String, u32, NaiveDate)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.label, pr.name, pr.retention_years, m.end_date
         FROM participants p JOIN matches m ON m.participant_id = p.id JOIN programmes pr ON pr.id = m.programme_id
         WHERE p.anonymised_on IS NULL
           AND NOT EXISTS (SELECT 1 FROM matches o WHERE o.participant_id = p.id AND o.end_date IS NULL)",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((parsed(r, 0, ParticipantId::parse)?, r.get(1)?, r.get(2)?, r.get(3)?, parsed(r, 4, iso_date)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// (programme, name, retention years) for every programme.
pub fn retention_years(conn: &Connection) -> Result<Vec<(draagkracht_core::ProgrammeId, String, u32)>, StoreError> {
    let mut stmt = conn.prepare("SELECT id, name, retention_years FROM programmes ORDER BY sort_order, name")?;
    let rows =
        stmt.query_map([], |r| Ok((parsed(r, 0, draagkracht_core::ProgrammeId::parse)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn set_retention_years(
    tx: &Transaction,
    programme: draagkracht_core::ProgrammeId,
    years: u32,
) -> Result<bool, StoreError> {
    Ok(tx.execute(
        "UPDATE programmes SET retention_years = ?2 WHERE id = ?1",
        rusqlite::params![programme.to_string(), years],
    )? == 1)
}

/// One line in the audit log for a whole spreadsheet import (its rows are not logged one by one).
pub fn log_import(tx: &Transaction, what: &str) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO audit_log (actor, action, entity, entity_id)
         VALUES ((SELECT value FROM settings WHERE key = 'coordinator_name'), 'added', 'import', ?1)",
        [what],
    )?;
    Ok(())
}

/// One line of the audit log: (moment in UTC, actor, action, table, id).
pub type AuditRecord = (String, Option<String>, String, String, String);

/// The newest `limit` lines of the audit log.
pub fn audit_log(conn: &Connection, limit: u32) -> Result<Vec<AuditRecord>, StoreError> {
    let mut stmt =
        conn.prepare("SELECT at, actor, action, entity, entity_id FROM audit_log ORDER BY id DESC LIMIT ?1")?;
    let rows = stmt.query_map([limit], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::replace_word;

    #[test]
    fn only_whole_words_are_replaced() {
        assert_eq!(replace_word("Ria belde; Maria niet. Ria!", "Ria", "X"), "X belde; Maria niet. X!");
        assert_eq!(replace_word("Riagroep", "Ria", "X"), "Riagroep");
        assert_eq!(replace_word("06-1234", "06-1234", "X"), "X");
        assert_eq!(replace_word("", "Ria", "X"), "");
    }
}
