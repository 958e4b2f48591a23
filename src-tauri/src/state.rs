//! The shell's state: the one open database, behind a mutex so commands take turns. When the
//! database cannot be opened (for instance it is from a newer Draagkracht), the error is kept and
//! every command answers with it, so the window can say what is wrong instead of crashing.

use chrono::{Local, NaiveDate};
use draagkracht_api::{ApiError, Draagkracht, ErrorCode};
use std::path::PathBuf;
use std::sync::Mutex;

/// The database file's name inside the app's data directory.
const DATABASE_FILE: &str = "draagkracht.sqlite";

pub struct AppState {
    app: Mutex<Result<Draagkracht, ApiError>>,
}

impl AppState {
    pub fn open_in(data_dir: tauri::Result<PathBuf>) -> Self {
        let opened = data_dir
            .map_err(|e| storage_error(&e.to_string()))
            .and_then(|dir| std::fs::create_dir_all(&dir).map(|_| dir).map_err(|e| storage_error(&e.to_string())))
            .and_then(|dir| Draagkracht::open(&dir.join(DATABASE_FILE)));
        Self { app: Mutex::new(opened) }
    }

    /// Runs one use case on the open database.
    pub fn with<T>(&self, work: impl FnOnce(&mut Draagkracht) -> Result<T, ApiError>) -> Result<T, ApiError> {
        let mut guard = self.app.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match guard.as_mut() {
            Ok(app) => work(app),
            Err(e) => Err(e.clone()),
        }
    }
}

/// The day the app considers today: the local calendar date.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn storage_error(detail: &str) -> ApiError {
    ApiError::new(
        ErrorCode::Storage,
        format!("De map voor de gegevens kon niet worden gemaakt: {detail}"),
        format!("The data folder could not be created: {detail}"),
    )
}
