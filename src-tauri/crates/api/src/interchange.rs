//! Moving all of a coordinator's data: the interchange file (every record, JSON, versioned, with a
//! committed JSON Schema) written from one database and read into a new one, all or nothing.

use crate::{ApiError, Draagkracht, ErrorCode};
use chrono::Utc;
use draagkracht_store::interchange::{self, ImportError};
use std::path::Path;

impl Draagkracht {
    /// Writes every record to `path` as an interchange file; returns the number of rows.
    pub fn export_all(&self, path: &Path) -> Result<usize, ApiError> {
        let partial = path.with_extension("partial");
        let file = std::fs::File::create(&partial).map_err(|e| file_error(path, &e.to_string()))?;
        let rows = interchange::export_to(self.db.conn(), file, &Utc::now().to_rfc3339(), |_| {})?;
        std::fs::rename(&partial, path).map_err(|e| file_error(path, &e.to_string()))?;
        Ok(rows)
    }

    /// Reads an interchange file into this (new, empty) database in one transaction: everything or
    /// nothing. A refusal names the table, row and column. Returns the number of rows. Signals come
    /// as they were; the next day's evaluation brings them up to date.
    pub fn import_all(&mut self, path: &Path) -> Result<usize, ApiError> {
        let file = std::fs::File::open(path).map_err(|e| file_error(path, &e.to_string()))?;
        let written = self.db.write(|tx| {
            interchange::import_from(tx, file, |_| {}).map_err(|e| match e {
                ImportError::Problem(p) => ApiError::new(
                    ErrorCode::InvalidInput,
                    format!("Het bestand kon niet worden ingelezen — {p}. Er is niets ingelezen."),
                    format!("The file could not be imported — {p}. Nothing was imported."),
                ),
                ImportError::Json { line, column } => ApiError::new(
                    ErrorCode::InvalidInput,
                    format!("Dit bestand is geen geldige JSON (regel {line}, kolom {column}). Er is niets ingelezen."),
                    format!("This file is not valid JSON (line {line}, column {column}). Nothing was imported."),
                ),
                ImportError::Store(store) => ApiError::from(store),
            })
        })?;
        self.branch_cache = None;
        Ok(written.iter().map(|(_, n)| n).sum())
    }
}

fn file_error(path: &Path, detail: &str) -> ApiError {
    ApiError::new(
        ErrorCode::Storage,
        format!("{} kon niet worden gelezen of geschreven: {detail}", path.display()),
        format!("{} could not be read or written: {detail}", path.display()),
    )
}
