//! The server's schema and its migrations: `server_init` creates or brings up to date everything
//! in `migrations/NNNN_name.sql`, in one transaction, recording each step in
//! `draagkracht.schema_version`.
//!
//! Shipped migrations are never edited (append a new file and a line below; a test checks that
//! the list and the folder agree). Before them `bootstrap.sql` makes sure of the roles and the
//! schema, every time, since it is idempotent.

use crate::error::{ServerError, ServerErrorKind};
use crate::link::{Link, INIT_LIMITS};

/// Every migration, in order: its number, its file's name and its SQL.
const MIGRATIONS: &[(u32, &str, &str)] = &[
    (1, "0001_initial", include_str!("../migrations/0001_initial.sql")),
    (2, "0002_compaction", include_str!("../migrations/0002_compaction.sql")),
    (3, "0003_removed_batches_stay", include_str!("../migrations/0003_removed_batches_stay.sql")),
    (4, "0004_national", include_str!("../migrations/0004_national.sql")),
];

/// The schema version this build sets up and expects.
pub const LATEST_VERSION: u32 = MIGRATIONS[MIGRATIONS.len() - 1].0;

const BOOTSTRAP: &str = include_str!("bootstrap.sql");

/// Serialises concurrent `server_init`s on one database (an advisory lock, released at commit).
const INIT_LOCK: i64 = 0x4472_6167_6b72_6163; // "Dragkrac"

/// Creates or migrates the schema, the roles `draagkracht_owner` (owns it all) and
/// `draagkracht_app` (what the laptops' login is granted), and returns the schema version. Running
/// it again is harmless; run it again after installing a Draagkracht with newer migrations.
///
/// The administrator's steps: create a database; run this with a superuser login to it (on
/// managed PostgreSQL a login with CREATEROLE and CREATE on the database should do, untested);
/// then `CREATE ROLE <login> LOGIN PASSWORD '…' IN ROLE draagkracht_app` (or `GRANT
/// draagkracht_app TO <login>`) and hand the laptops
/// `postgres://<login>:<password>@<host>:5432/<database>` (TLS is required to any other host).
pub fn server_init(url: &str) -> Result<u32, ServerError> {
    let mut link = Link::open(url, INIT_LIMITS)?;
    link.batch_in_transaction("BEGIN").map_err(for_init)?;
    match migrate(&mut link) {
        Ok(version) => {
            link.batch_in_transaction("COMMIT").map_err(for_init)?;
            Ok(version)
        }
        Err(e) => {
            // A failed statement already aborted the transaction; this only ends it. Closing the
            // connection would roll it back as well.
            let _ = link.batch_in_transaction("ROLLBACK");
            Err(for_init(e))
        }
    }
}

fn migrate(link: &mut Link) -> Result<u32, ServerError> {
    link.query_in_transaction("SELECT pg_catalog.pg_advisory_xact_lock($1)", &[&INIT_LOCK])?;
    link.batch_in_transaction(BOOTSTRAP)?;
    let rows = link.query_in_transaction("SELECT coalesce(max(version), 0) FROM draagkracht.schema_version", &[])?;
    let current: i32 = match rows.first() {
        Some(row) => row.try_get(0).map_err(|e| ServerError::unexpected(e.to_string()))?,
        None => 0,
    };
    if i64::from(current) > i64::from(LATEST_VERSION) {
        return Err(ServerError::new(
            ServerErrorKind::NewerServer,
            format!("the server is at schema version {current}; this build knows up to {LATEST_VERSION}"),
        ));
    }
    for (version, name, sql) in MIGRATIONS.iter().filter(|m| i64::from(m.0) > i64::from(current)) {
        link.batch_in_transaction(sql)
            .map_err(|e| ServerError { detail: format!("migration {name}: {}", e.detail), ..e })?;
        let version = i32::try_from(*version).map_err(|_| ServerError::unexpected("version out of range"))?;
        link.query_in_transaction(
            "INSERT INTO draagkracht.schema_version (version, name) VALUES ($1, $2)",
            &[&version, name],
        )?;
    }
    Ok(LATEST_VERSION)
}

/// The laptop-facing words do not fit the administrator who sets the server up.
fn for_init(e: ServerError) -> ServerError {
    match e.kind {
        ServerErrorKind::NotAllowed => ServerError {
            nl: "Deze inlog mag de server niet inrichten. Gebruik een beheerdersinlog (superuser) van de server."
                .into(),
            en: "This login may not set up the server. Use an administrator (superuser) login of the server.".into(),
            ..e
        },
        _ => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Append-only and numbered without gaps: the folder and the list agree.
    #[test]
    fn the_migrations_folder_and_the_list_agree() {
        let dir = std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo test"))
            .join("migrations");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap_or_else(|e| panic!("{e}")).file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let listed: Vec<String> = MIGRATIONS.iter().map(|(_, name, _)| format!("{name}.sql")).collect();
        assert_eq!(files, listed);
        for (i, (version, name, _)) in MIGRATIONS.iter().enumerate() {
            assert_eq!(*version as usize, i + 1);
            assert!(name.starts_with(&format!("{version:04}_")), "{name}");
        }
    }
}
