//! The interchange format: every table the app keeps, as JSON rows keyed by column, in an order
//! that respects the foreign keys. Versioned by the schema version it was written at; its JSON
//! Schema is generated from the database itself (`schema`) and committed as
//! `docs/interchange.schema.json`, so the documentation cannot drift from the code.
//!
//! Derived data is not exported (`volunteer_month_minutes`: the triggers rebuild it on import).

use crate::migrations::SCHEMA_VERSION;
use crate::{settings, StoreError};
use rusqlite::{types::ValueRef, Connection, Transaction};
use serde_json::{json, Map, Value};

/// The format's name, in every file.
pub const FORMAT: &str = "draagkracht-interchange";

/// The tables, parents before children.
pub const TABLES: &[&str] = &[
    "programmes",
    "activities",
    "volunteers",
    "volunteer_programmes",
    "participants",
    "matches",
    "match_volunteers",
    "assessments",
    "involvements",
    "referrals",
    "hour_entries",
    "trainings",
    "supervision_contacts",
    "check_ins",
    "allowances",
    "signal_thresholds",
    "signals",
    "signal_events",
    "settings",
    "audit_log",
];

/// (name, declared type, not null) of a table's columns, in order.
fn columns(conn: &Connection, table: &str) -> Result<Vec<(String, String, bool)>, StoreError> {
    let mut stmt = conn.prepare("SELECT name, type, \"notnull\" FROM pragma_table_info(?1) ORDER BY cid")?;
    let rows = stmt.query_map([table], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? == 1)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The whole database as one JSON document. `on_table` is told each table's name as it goes
/// (for a progress bar).
pub fn export(conn: &Connection, exported_at: &str, mut on_table: impl FnMut(&str)) -> Result<Value, StoreError> {
    let mut tables = Map::new();
    for table in TABLES {
        on_table(table);
        let cols = columns(conn, table)?;
        let names: Vec<String> = cols.iter().map(|(n, ..)| format!("\"{n}\"")).collect();
        let mut stmt = conn.prepare(&format!("SELECT {} FROM {table} ORDER BY 1", names.join(", ")))?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let mut row = Map::new();
            for (i, (name, ..)) in cols.iter().enumerate() {
                let value = match r.get_ref(i)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(n) => Value::from(n),
                    ValueRef::Real(x) => Value::from(x),
                    ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(_) => Value::Null,
                };
                row.insert(name.clone(), value);
            }
            out.push(Value::Object(row));
        }
        tables.insert((*table).into(), Value::Array(out));
    }
    Ok(json!({ "format": FORMAT, "schema_version": SCHEMA_VERSION, "exported_at": exported_at, "tables": tables }))
}

/// Why a document cannot be imported: which table, which row (counted from 1), which column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    pub table: String,
    pub row: Option<usize>,
    pub column: Option<String>,
    pub reason: String,
}

impl std::fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.table)?;
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        write!(f, ": {}", self.reason)
    }
}

fn problem(table: &str, row: Option<usize>, column: Option<&str>, reason: impl Into<String>) -> ImportProblem {
    ImportProblem { table: table.into(), row, column: column.map(String::from), reason: reason.into() }
}

/// Imports a document into an empty database, in the caller's transaction (all or nothing).
/// Returns the rows written per table. `on_table` is told each table as it goes.
pub fn import(
    tx: &Transaction,
    document: &Value,
    mut on_table: impl FnMut(&str),
) -> Result<Vec<(String, usize)>, Result<ImportProblem, StoreError>> {
    let header = |reason: &str| Err(Ok(problem("document", None, None, reason)));
    if document.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return header("this is not a Draagkracht interchange file (no \"format\": \"draagkracht-interchange\")");
    }
    match document.get("schema_version").and_then(Value::as_u64) {
        Some(v) if v == u64::from(SCHEMA_VERSION) => {}
        Some(v) => return header(&format!("written at schema version {v}; this app reads version {SCHEMA_VERSION}")),
        None => return header("the schema version is missing"),
    }
    let Some(tables) = document.get("tables").and_then(Value::as_object) else {
        return header("the tables are missing");
    };
    if let Some(unknown) = tables.keys().find(|t| !TABLES.contains(&t.as_str())) {
        return Err(Ok(problem(unknown, None, None, "not a table of this version")));
    }
    for table in TABLES {
        let count: i64 =
            tx.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).map_err(|e| Err(e.into()))?;
        // The defaults an empty database is seeded with make way for the imported ones.
        let seeded = matches!(*table, "programmes" | "activities" | "settings" | "audit_log");
        if count > 0 && !seeded {
            return Err(Ok(problem(table, None, None, "the database is not empty; import into a new one")));
        }
    }
    // Paused first, so that clearing the seeded defaults leaves no trace in the audit log.
    tx.execute_batch("PRAGMA defer_foreign_keys = ON; DELETE FROM settings;").map_err(|e| Err(e.into()))?;
    settings::set(tx, settings::AUDIT_PAUSED, "import").map_err(Err)?;
    tx.execute_batch("DELETE FROM activities; DELETE FROM programmes; DELETE FROM audit_log;")
        .map_err(|e| Err(e.into()))?;
    let mut written = Vec::new();
    for table in TABLES {
        on_table(table);
        let cols = columns(tx, table).map_err(Err)?;
        let rows = match tables.get(*table) {
            None => &Vec::new(),
            Some(Value::Array(rows)) => rows,
            Some(_) => return Err(Ok(problem(table, None, None, "expected a list of rows"))),
        };
        let names: Vec<String> = cols.iter().map(|(n, ..)| format!("\"{n}\"")).collect();
        let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
        let mut insert = tx
            .prepare(&format!("INSERT INTO {table} ({}) VALUES ({})", names.join(", "), marks.join(", ")))
            .map_err(|e| Err(e.into()))?;
        for (i, row) in rows.iter().enumerate() {
            let Some(row) = row.as_object() else {
                return Err(Ok(problem(table, Some(i + 1), None, "expected an object")));
            };
            if let Some(extra) = row.keys().find(|k| !cols.iter().any(|(n, ..)| n == *k)) {
                return Err(Ok(problem(table, Some(i + 1), Some(extra), "no such column")));
            }
            let mut values: Vec<rusqlite::types::Value> = Vec::with_capacity(cols.len());
            for (name, kind, not_null) in &cols {
                let value = match row.get(name).unwrap_or(&Value::Null) {
                    Value::Null if *not_null && !(table == &"audit_log" && name == "id") => {
                        return Err(Ok(problem(table, Some(i + 1), Some(name), "a value is required")))
                    }
                    Value::Null => rusqlite::types::Value::Null,
                    Value::Bool(b) => rusqlite::types::Value::Integer(i64::from(*b)),
                    Value::Number(n) if kind.eq_ignore_ascii_case("TEXT") => {
                        return Err(Ok(problem(table, Some(i + 1), Some(name), format!("expected text, found {n}"))))
                    }
                    Value::Number(n) => match n.as_i64() {
                        Some(int) => rusqlite::types::Value::Integer(int),
                        None => rusqlite::types::Value::Real(n.as_f64().unwrap_or_default()),
                    },
                    Value::String(s) if kind.eq_ignore_ascii_case("INTEGER") => {
                        return Err(Ok(problem(
                            table,
                            Some(i + 1),
                            Some(name),
                            format!("expected a number, found {s:?}"),
                        )))
                    }
                    Value::String(s) => rusqlite::types::Value::Text(s.clone()),
                    other => {
                        return Err(Ok(problem(table, Some(i + 1), Some(name), format!("unexpected value {other}"))))
                    }
                };
                values.push(value);
            }
            insert
                .execute(rusqlite::params_from_iter(values))
                .map_err(|e| Ok(problem(table, Some(i + 1), None, e.to_string())))?;
        }
        written.push(((*table).to_string(), rows.len()));
    }
    settings::remove(tx, settings::AUDIT_PAUSED).map_err(Err)?;
    // Broken references show here, at the end, naming the table.
    let mut check = tx.prepare("PRAGMA foreign_key_check").map_err(|e| Err(e.into()))?;
    let broken: Option<(String, String)> = check
        .query_map([], |r| Ok((r.get(0)?, r.get(2)?)))
        .map_err(|e| Err(e.into()))?
        .next()
        .transpose()
        .map_err(|e| Err(e.into()))?;
    if let Some((table, parent)) = broken {
        return Err(Ok(problem(
            &table,
            None,
            None,
            format!("a row refers to a {parent} record that is not in the file"),
        )));
    }
    Ok(written)
}

/// The JSON Schema of the format at this schema version, from the tables themselves.
pub fn schema(conn: &Connection) -> Result<Value, StoreError> {
    let mut tables = Map::new();
    for table in TABLES {
        let mut properties = Map::new();
        let mut required = Vec::new();
        for (name, kind, not_null) in columns(conn, table)? {
            let base = if kind.eq_ignore_ascii_case("INTEGER") {
                "integer"
            } else if kind.eq_ignore_ascii_case("REAL") {
                "number"
            } else {
                "string"
            };
            let ty = if not_null { json!(base) } else { json!([base, "null"]) };
            properties.insert(name.clone(), json!({ "type": ty }));
            if not_null {
                required.push(Value::from(name));
            }
        }
        tables.insert(
            (*table).into(),
            json!({ "type": "array", "items": {
                "type": "object", "properties": properties, "required": required, "additionalProperties": false
            }}),
        );
    }
    Ok(json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Draagkracht interchange file",
        "description": format!("Every record of a Draagkracht database, table by table (schema version {SCHEMA_VERSION}). Ids are UUID text, dates ISO (2025-12-31), moments RFC 3339 in UTC."),
        "type": "object",
        "required": ["format", "schema_version", "exported_at", "tables"],
        "properties": {
            "format": { "const": FORMAT },
            "schema_version": { "const": SCHEMA_VERSION },
            "exported_at": { "type": "string" },
            "tables": { "type": "object", "properties": tables, "additionalProperties": false }
        },
        "additionalProperties": false
    }))
}
