//! The interchange format: every table the app keeps, as JSON rows keyed by column, in an order
//! that respects the foreign keys. Versioned by the schema version it was written at; its JSON
//! Schema is generated from the database itself (`schema`) and committed as
//! `docs/interchange.schema.json`, so the documentation cannot drift from the code.
//!
//! Derived data is not exported (`volunteer_month_minutes`: the triggers rebuild it on import).

use crate::migrations::SCHEMA_VERSION;
use crate::{settings, StoreError};
use rusqlite::{Connection, Transaction};
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{json, Map, Value};
use std::io::Write as _;

/// The oldest schema version whose files read as they are: step 8 added only derived tables, which
/// are not exported, so a file written at version 7 holds exactly the same tables and columns.
pub const OLDEST_READABLE: u32 = 7;

/// The format's name, in every file.
pub const FORMAT: &str = "draagkracht-interchange";

/// The tables, parents before children.
pub const TABLES: &[&str] = &[
    "programmes",
    "activities",
    "volunteers",
    "volunteer_programmes",
    "municipalities",
    "participants",
    "subsidies",
    "stories",
    "matches",
    "match_volunteers",
    "programme_goals",
    "match_goals",
    "assessments",
    "involvements",
    "referrals",
    "organisations",
    "hour_entries",
    "trainings",
    "supervision_contacts",
    "check_ins",
    "allowances",
    "signal_thresholds",
    "signal_guides",
    "signals",
    "signal_events",
    "signal_acts",
    "settings",
    "audit_log",
];

/// (name, declared type, not null) of a table's columns, in order.
fn columns(conn: &Connection, table: &str) -> Result<Vec<(String, String, bool)>, StoreError> {
    let mut stmt = conn.prepare("SELECT name, type, \"notnull\" FROM pragma_table_info(?1) ORDER BY cid")?;
    let rows = stmt.query_map([table], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? == 1)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Writes the whole database as one JSON document to `out`, row by row (a national database does
/// not fit in memory as one value). `on_table` is told each table's name as it goes (for a
/// progress bar). Returns the number of rows.
pub fn export_to(
    conn: &Connection,
    out: impl std::io::Write,
    exported_at: &str,
    mut on_table: impl FnMut(&str),
) -> Result<usize, StoreError> {
    let mut out = std::io::BufWriter::new(out);
    let io = |e: std::io::Error| StoreError::Backup(e.to_string());
    let header = json!({ "exported_at": exported_at, "format": FORMAT, "schema_version": SCHEMA_VERSION });
    let header = header.to_string();
    write!(out, "{},\"tables\":{{", &header[..header.len() - 1]).map_err(io)?;
    let mut total = 0;
    for (t, table) in TABLES.iter().enumerate() {
        on_table(table);
        let cols = columns(conn, table)?;
        let names: Vec<String> = cols.iter().map(|(n, ..)| format!("\"{n}\"")).collect();
        let mut stmt = conn.prepare(&format!("SELECT {} FROM {table} ORDER BY 1", names.join(", ")))?;
        let mut rows = stmt.query([])?;
        write!(out, "{}\"{table}\":[", if t > 0 { "," } else { "" }).map_err(io)?;
        let mut first = true;
        while let Some(r) = rows.next()? {
            let mut row = Map::new();
            for (i, (name, ..)) in cols.iter().enumerate() {
                let value = crate::db::json_value(r.get_ref(i)?);
                row.insert(name.clone(), value);
            }
            if !first {
                out.write_all(b",").map_err(io)?;
            }
            first = false;
            serde_json::to_writer(&mut out, &row).map_err(|e| StoreError::Backup(e.to_string()))?;
            total += 1;
        }
        out.write_all(b"]").map_err(io)?;
    }
    out.write_all(b"}}").map_err(io)?;
    out.flush().map_err(io)?;
    Ok(total)
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

/// Why an import stopped; nothing of it was kept (the caller's transaction rolls back).
#[derive(Debug)]
pub enum ImportError {
    /// The file's content: which table, row and column, and why.
    Problem(ImportProblem),
    /// Not JSON at all, or cut off: where the reader stopped.
    Json {
        line: usize,
        column: usize,
    },
    Store(StoreError),
}

impl From<StoreError> for ImportError {
    fn from(e: StoreError) -> Self {
        Self::Store(e)
    }
}

impl From<rusqlite::Error> for ImportError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Store(e.into())
    }
}

/// What a streaming import knows as it reads.
struct Reading<'a, F: FnMut(&str)> {
    tx: &'a Transaction<'a>,
    on_table: F,
    format: bool,
    version: bool,
    prepared: bool,
    written: Vec<(String, usize)>,
    /// The real reason when the reader is stopped from inside.
    stopped: Option<ImportError>,
}

impl<F: FnMut(&str)> Reading<'_, F> {
    fn stop<E: serde::de::Error>(&mut self, why: ImportError) -> E {
        self.stopped = Some(why);
        E::custom("import stopped")
    }

    /// Before the first table: the database must be empty but for its seeded defaults, which go.
    fn prepare(&mut self) -> Result<(), ImportError> {
        for table in TABLES {
            let count: i64 = self.tx.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            let seeded = matches!(*table, "programmes" | "activities" | "programme_goals" | "settings" | "audit_log");
            if count > 0 && !seeded {
                return Err(ImportError::Problem(problem(
                    table,
                    None,
                    None,
                    "the database is not empty; import into a new one",
                )));
            }
        }
        // Paused first, so that clearing the seeded defaults leaves no trace in the audit log.
        self.tx.execute_batch("PRAGMA defer_foreign_keys = ON; DELETE FROM settings;")?;
        settings::set(self.tx, settings::AUDIT_PAUSED, "import")?;
        self.tx.execute_batch(
            "DELETE FROM programme_goals; DELETE FROM activities; DELETE FROM programmes; DELETE FROM audit_log;",
        )?;
        self.prepared = true;
        Ok(())
    }
}

struct Document<'r, 'a, F: FnMut(&str)>(&'r mut Reading<'a, F>);
struct Tables<'r, 'a, F: FnMut(&str)>(&'r mut Reading<'a, F>);
struct Rows<'r, 'a, F: FnMut(&str)> {
    reading: &'r mut Reading<'a, F>,
    table: &'static str,
}

impl<'de, F: FnMut(&str)> DeserializeSeed<'de> for Document<'_, '_, F> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F: FnMut(&str)> Visitor<'de> for Document<'_, '_, F> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a Draagkracht interchange document")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let reading = self.0;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => reading.format = map.next_value::<String>()? == FORMAT,
                "schema_version" => {
                    let v: u64 = map.next_value()?;
                    if !(u64::from(OLDEST_READABLE)..=u64::from(SCHEMA_VERSION)).contains(&v) {
                        let why = format!(
                            "written at schema version {v}; this app reads versions {OLDEST_READABLE} to {SCHEMA_VERSION}"
                        );
                        return Err(reading.stop(ImportError::Problem(problem("document", None, None, why))));
                    }
                    reading.version = true;
                }
                "tables" => {
                    if !reading.format || !reading.version {
                        let why = "this is not a Draagkracht interchange file (no \"format\": \"draagkracht-interchange\" and schema version before the tables)";
                        return Err(reading.stop(ImportError::Problem(problem("document", None, None, why))));
                    }
                    if let Err(e) = reading.prepare() {
                        return Err(reading.stop(e));
                    }
                    map.next_value_seed(Tables(&mut *reading))?;
                }
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

impl<'de, F: FnMut(&str)> DeserializeSeed<'de> for Tables<'_, '_, F> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F: FnMut(&str)> Visitor<'de> for Tables<'_, '_, F> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("the tables, by name")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let reading = self.0;
        while let Some(name) = map.next_key::<String>()? {
            let Some(table) = TABLES.iter().copied().find(|t| *t == name) else {
                return Err(reading.stop(ImportError::Problem(problem(
                    &name,
                    None,
                    None,
                    "not a table of this version",
                ))));
            };
            (reading.on_table)(table);
            map.next_value_seed(Rows { reading: &mut *reading, table })?;
        }
        Ok(())
    }
}

impl<'de, F: FnMut(&str)> DeserializeSeed<'de> for Rows<'_, '_, F> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, F: FnMut(&str)> Visitor<'de> for Rows<'_, '_, F> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of rows")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Rows { reading, table } = self;
        let cols = match columns(reading.tx, table) {
            Ok(c) => c,
            Err(e) => return Err(reading.stop(e.into())),
        };
        let names: Vec<String> = cols.iter().map(|(n, ..)| format!("\"{n}\"")).collect();
        let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
        let sql = format!("INSERT INTO {table} ({}) VALUES ({})", names.join(", "), marks.join(", "));
        let mut count = 0;
        while let Some(row) = seq.next_element::<Map<String, Value>>()? {
            count += 1;
            if let Err(e) = insert_row(reading.tx, &sql, table, &cols, count, &row) {
                return Err(reading.stop(e));
            }
        }
        reading.written.push((table.to_string(), count));
        Ok(())
    }
}

fn insert_row(
    tx: &Transaction,
    sql: &str,
    table: &str,
    cols: &[(String, String, bool)],
    n: usize,
    row: &Map<String, Value>,
) -> Result<(), ImportError> {
    let refuse = |column: Option<&str>, why: String| ImportError::Problem(problem(table, Some(n), column, why));
    if let Some(extra) = row.keys().find(|k| !cols.iter().any(|(c, ..)| c == *k)) {
        return Err(refuse(Some(extra), "no such column".into()));
    }
    let mut values: Vec<rusqlite::types::Value> = Vec::with_capacity(cols.len());
    for (name, kind, not_null) in cols {
        let value = match row.get(name).unwrap_or(&Value::Null) {
            Value::Null if *not_null && !(table == "audit_log" && name == "id") => {
                return Err(refuse(Some(name), "a value is required".into()))
            }
            Value::Null => rusqlite::types::Value::Null,
            Value::Bool(b) => rusqlite::types::Value::Integer(i64::from(*b)),
            Value::Number(x) if kind.eq_ignore_ascii_case("TEXT") => {
                return Err(refuse(Some(name), format!("expected text, found {x}")))
            }
            Value::Number(x) => match x.as_i64() {
                Some(int) => rusqlite::types::Value::Integer(int),
                None => rusqlite::types::Value::Real(x.as_f64().unwrap_or_default()),
            },
            Value::String(t) if kind.eq_ignore_ascii_case("INTEGER") => {
                return Err(refuse(Some(name), format!("expected a number, found {t:?}")))
            }
            Value::String(t) => rusqlite::types::Value::Text(t.clone()),
            other => return Err(refuse(Some(name), format!("unexpected value {other}"))),
        };
        values.push(value);
    }
    tx.prepare_cached(sql)?.execute(rusqlite::params_from_iter(values)).map_err(|e| refuse(None, e.to_string()))?;
    Ok(())
}

/// Reads a document from `input` into an empty database, row by row, in the caller's transaction
/// (all or nothing). Returns the rows written per table. `on_table` is told each table as it goes.
pub fn import_from(
    tx: &Transaction,
    input: impl std::io::Read,
    on_table: impl FnMut(&str),
) -> Result<Vec<(String, usize)>, ImportError> {
    let mut reading =
        Reading { tx, on_table, format: false, version: false, prepared: false, written: Vec::new(), stopped: None };
    let mut de = serde_json::Deserializer::from_reader(std::io::BufReader::new(input));
    let read = Document(&mut reading).deserialize(&mut de).and_then(|_| de.end());
    if let Some(why) = reading.stopped.take() {
        return Err(why);
    }
    if let Err(e) = read {
        return Err(match e.classify() {
            serde_json::error::Category::Io => ImportError::Store(StoreError::Backup(e.to_string())),
            serde_json::error::Category::Data => ImportError::Problem(problem(
                "document",
                None,
                None,
                format!("this is not a Draagkracht interchange file ({e})"),
            )),
            _ => ImportError::Json { line: e.line(), column: e.column() },
        });
    }
    if !reading.prepared {
        let why = "this is not a Draagkracht interchange file (no \"format\": \"draagkracht-interchange\")";
        return Err(ImportError::Problem(problem("document", None, None, why)));
    }
    settings::remove(tx, settings::AUDIT_PAUSED)?;
    // Broken references show here, at the end, naming the table.
    let mut check = tx.prepare("PRAGMA foreign_key_check")?;
    let broken: Option<(String, String)> = check.query_map([], |r| Ok((r.get(0)?, r.get(2)?)))?.next().transpose()?;
    if let Some((table, parent)) = broken {
        let why = format!("a row refers to a {parent} record that is not in the file");
        return Err(ImportError::Problem(problem(&table, None, None, why)));
    }
    Ok(reading.written)
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
            "schema_version": { "type": "integer", "minimum": OLDEST_READABLE, "maximum": SCHEMA_VERSION },
            "exported_at": { "type": "string" },
            "tables": { "type": "object", "properties": tables, "additionalProperties": false }
        },
        "additionalProperties": false
    }))
}
