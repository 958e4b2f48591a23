//! The shell's state: the database behind its [`Gate`] (new, locked, open, damaged), behind a mutex
//! so commands take turns. When the database cannot be used, every command answers with why, so the
//! window can say what is wrong instead of crashing.
//!
//! The database is opened on a thread of its own while the window loads its page (the start-up check
//! and the day's backup copy take ~150 ms on the demo branch); the first command waits for it.

use chrono::{Local, NaiveDate};
use draagkracht_api::wire::SyncReport;
use draagkracht_api::{ApiError, Draagkracht, ErrorCode, Gate};
use std::path::PathBuf;
use std::sync::Mutex;
use std::thread::JoinHandle;
use tauri::Manager;

/// The database file's name inside the app's data directory.
const DATABASE_FILE: &str = "draagkracht.sqlite";

/// The data directory's name before version 0.2: the bundle identifier then ended in `.app`, which
/// macOS reserves for application bundles (issue 14).
const EARLIER_FOLDER: &str = "nl.draagkracht.app";

/// Where the data lives: the identifier's own folder, unless only the earlier one holds a database.
/// Nothing is moved — the earlier folder (with its backups and recovery file) goes on being used
/// where it is, so no file is ever in flight between the two.
pub fn data_folder(own: PathBuf) -> PathBuf {
    let earlier = own.with_file_name(EARLIER_FOLDER);
    if earlier != own && !own.join(DATABASE_FILE).exists() && earlier.join(DATABASE_FILE).exists() {
        earlier
    } else {
        own
    }
}

pub struct AppState {
    gate: Mutex<Opened>,
}

/// The gate, and the thread opening it until the first command has waited for it.
struct Opened {
    opening: Option<JoinHandle<Result<Gate, ApiError>>>,
    /// What the thread answered; until then, what every command says should it never answer.
    gate: Result<Gate, ApiError>,
}

impl Opened {
    fn by(opening: JoinHandle<Result<Gate, ApiError>>) -> Self {
        Self { opening: Some(opening), gate: Err(opening_failed()) }
    }

    /// The gate, waiting for the opening thread the first time it is asked for. A thread that
    /// panicked leaves `opening_failed` in place: every command then says so.
    fn ready(&mut self) -> &mut Result<Gate, ApiError> {
        if let Some(Ok(gate)) = self.opening.take().map(JoinHandle::join) {
            self.gate = gate;
        }
        &mut self.gate
    }
}

impl AppState {
    /// Starts opening the database in `data_dir`; returns at once.
    pub fn open_in(data_dir: tauri::Result<PathBuf>) -> Self {
        let data_dir = data_dir.map_err(|e| storage_error(&e.to_string()));
        let opening = std::thread::spawn(move || {
            data_dir
                .map(data_folder)
                .and_then(|dir| std::fs::create_dir_all(&dir).map(|_| dir).map_err(|e| storage_error(&e.to_string())))
                .map(|dir| Gate::new(&dir.join(DATABASE_FILE)))
        });
        Self { gate: Mutex::new(Opened::by(opening)) }
    }

    /// Runs one use case on the open database (`locked` while it waits for its passphrase).
    pub fn with<T>(&self, work: impl FnOnce(&mut Draagkracht) -> Result<T, ApiError>) -> Result<T, ApiError> {
        self.with_gate(|gate| work(gate.app()?))
    }

    /// Runs one step on the gate itself: unlock, lock, backups.
    pub fn with_gate<T>(&self, work: impl FnOnce(&mut Gate) -> Result<T, ApiError>) -> Result<T, ApiError> {
        let mut opened = self.gate.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match opened.ready() {
            Ok(gate) => work(gate),
            Err(e) => Err(e.clone()),
        }
    }
}

/// How often a laptop that shares its branch synchronises by itself.
const SYNC_EVERY: std::time::Duration = std::time::Duration::from_secs(120);

/// Synchronises a shared branch in the background: soon after the start, then every two minutes,
/// while the database is open (a locked one waits). A failure (the folder unreachable, the server
/// down) is kept for the header by the api and tried again next time; work is never held up by it.
pub fn sync_in_background(app: tauri::AppHandle) {
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(10));
        loop {
            let sharing = app.state::<AppState>().with(|db| Ok(db.sharing_status()?.sharing)).unwrap_or(false);
            if sharing {
                let _ = sync_round(&app);
            }
            std::thread::sleep(SYNC_EVERY);
        }
    });
}

/// One sync, holding the database lock only to prepare and to take in: the network step runs
/// without it, so the window answers while a slow share or server is waited for.
pub fn sync_round(app: &tauri::AppHandle) -> Result<SyncReport, ApiError> {
    let state = app.state::<AppState>();
    let now = chrono::Utc::now();
    let round = state.with(|db| db.sync_prepare(now))?;
    let exchanged = round.exchange();
    state.with(|db| db.sync_finish(round, exchanged, now))
}

/// The day the app considers today: the local calendar date.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The opening thread stopped without an answer (it panicked).
fn opening_failed() -> ApiError {
    ApiError::new(
        ErrorCode::Storage,
        "Het openen van de gegevens is onverwacht afgebroken. Start Draagkracht opnieuw.",
        "Opening the data stopped unexpectedly. Please start Draagkracht again.",
    )
}

pub fn storage_error(detail: &str) -> ApiError {
    ApiError::new(
        ErrorCode::Storage,
        format!("De map voor de gegevens kon niet worden gemaakt: {detail}"),
        format!("The data folder could not be created: {detail}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_in_the_earlier_folder_is_used_where_it_is() {
        let home = std::env::temp_dir().join(format!("draagkracht-folders-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&home);
        let own = home.join("nl.draagkracht.desktop");
        let earlier = home.join(EARLIER_FOLDER);
        // A new laptop: the identifier's own folder.
        assert_eq!(data_folder(own.clone()), own);
        // An earlier version's data: used in place.
        std::fs::create_dir_all(&earlier).unwrap();
        assert_eq!(data_folder(own.clone()), own, "an empty earlier folder is not data");
        std::fs::write(earlier.join(DATABASE_FILE), b"x").unwrap();
        assert_eq!(data_folder(own.clone()), earlier);
        // Once the own folder holds a database, it wins.
        std::fs::create_dir_all(&own).unwrap();
        std::fs::write(own.join(DATABASE_FILE), b"y").unwrap();
        assert_eq!(data_folder(own.clone()), own);
        let _ = std::fs::remove_dir_all(&home);
    }

    #[test]
    fn the_first_command_waits_for_the_database_being_opened() {
        let home = std::env::temp_dir().join(format!("draagkracht-opening-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&home);
        let dir = home.join("nl.draagkracht.desktop");
        std::fs::create_dir_all(&dir).unwrap();
        draagkracht_api::Draagkracht::open(&dir.join(DATABASE_FILE)).unwrap();
        let state = AppState::open_in(Ok(dir.clone()));
        // Open once the thread is done, and the same database the next time (not opened twice).
        let language = state.with(|app| Ok(app.status(today())?.language)).unwrap();
        assert_eq!(language, draagkracht_api::wire::Language::Nl);
        assert!(state.with(|app| Ok(app.path().to_path_buf())).unwrap().starts_with(&dir));
        drop(state);
        let _ = std::fs::remove_dir_all(&home);
    }

    #[test]
    fn an_opening_that_broke_off_is_said_by_every_command() {
        let state = AppState { gate: Mutex::new(Opened::by(std::thread::spawn(|| panic!("opening broke off")))) };
        for _ in 0..2 {
            let e = state.with_gate(|gate| Ok(gate.access())).unwrap_err();
            assert_eq!(e.code, ErrorCode::Storage);
            assert!(e.message.contains("onverwacht afgebroken"), "{}", e.message);
        }
    }
}
