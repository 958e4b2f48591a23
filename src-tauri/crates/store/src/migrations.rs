//! The schema, as append-only migrations. A migration that has shipped is never edited: add a new
//! one at the end. `user_version` holds the number applied (rusqlite_migration's convention).

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

const STEPS: &[&str] = &[
    // 1: programmes, volunteers, hour entries, settings.
    r#"
CREATE TABLE programmes (
    id          TEXT PRIMARY KEY NOT NULL,
    seed_key    TEXT UNIQUE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description TEXT,
    max_months  INTEGER CHECK (max_months IS NULL OR max_months > 0),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE volunteers (
    id                      TEXT PRIMARY KEY NOT NULL,
    name                    TEXT NOT NULL CHECK (length(trim(name)) > 0),
    email                   TEXT,
    phone                   TEXT,
    status                  TEXT NOT NULL
        CHECK (status IN ('registered', 'intake', 'active', 'resting', 'stopped')),
    start_date              TEXT NOT NULL,
    agreed_minutes_per_week INTEGER NOT NULL DEFAULT 0 CHECK (agreed_minutes_per_week >= 0),
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL
);

CREATE TABLE volunteer_programmes (
    volunteer_id TEXT NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    PRIMARY KEY (volunteer_id, programme_id)
) WITHOUT ROWID;

CREATE TABLE hour_entries (
    id           TEXT PRIMARY KEY NOT NULL,
    volunteer_id TEXT NOT NULL REFERENCES volunteers (id),
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    date         TEXT NOT NULL,
    minutes      INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
    kind         TEXT NOT NULL CHECK (kind IN ('support', 'meeting', 'training', 'travel')),
    note         TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX hour_entries_by_volunteer ON hour_entries (volunteer_id, date);
CREATE INDEX hour_entries_by_date ON hour_entries (date, programme_id);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;
"#,
];

/// The schema version this app writes: the number of migrations.
pub const SCHEMA_VERSION: u32 = STEPS.len() as u32;

fn migrations() -> Migrations<'static> {
    Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect())
}

pub(crate) fn apply(conn: &mut Connection) -> Result<(), rusqlite_migration::Error> {
    migrations().to_latest(conn)
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        assert!(super::migrations().validate().is_ok());
    }
}
