//! Between SQLite's values and `core::sync::Value`, and between stamps and their columns.

use draagkracht_core::sync::{Hlc, NodeId, Stamp, Value};
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::ToSql;

pub(crate) fn from_ref(v: ValueRef) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Int(i),
        ValueRef::Real(f) => Value::Real(f),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        // Shared tables hold no blobs; should one appear, it travels as hex text rather than vanish.
        ValueRef::Blob(b) => Value::Text(hex::encode(b)),
    }
}

/// A value bound as a statement parameter.
pub(crate) struct Sql<'a>(pub &'a Value);

impl ToSql for Sql<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self.0 {
            Value::Null => ToSqlOutput::Owned(rusqlite::types::Value::Null),
            Value::Int(i) => ToSqlOutput::Owned(rusqlite::types::Value::Integer(*i)),
            Value::Real(f) => ToSqlOutput::Owned(rusqlite::types::Value::Real(*f)),
            Value::Text(t) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
        })
    }
}

pub(crate) fn stamp(hlc: i64, node: &str) -> Stamp {
    Stamp { hlc: Hlc(hlc as u64), node: NodeId::parse(node).unwrap_or_default() }
}
