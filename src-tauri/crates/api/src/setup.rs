//! First start and preferences: whether the coordinator chose demo or empty, and the UI language.

use crate::wire::{AppStatus, Language, SetupChoice};
use crate::{ApiError, DemoParams, Draagkracht};
use chrono::NaiveDate;
use draagkracht_store::settings;

impl Draagkracht {
    pub fn status(&self, today: NaiveDate) -> Result<AppStatus, ApiError> {
        let conn = self.db.conn();
        Ok(AppStatus {
            set_up: settings::get(conn, settings::SET_UP)?.is_some(),
            demo: settings::get(conn, settings::DEMO)?.is_some(),
            language: settings::get(conn, settings::LANGUAGE)?
                .as_deref()
                .and_then(Language::parse)
                .unwrap_or(Language::Nl),
            database_path: self.path.display().to_string(),
            today,
        })
    }

    /// The first-start choice. "Demo" writes the fictional branch (~100,000 entries) in one
    /// transaction; choosing again once set up changes nothing.
    pub fn set_up(&mut self, choice: SetupChoice, today: NaiveDate) -> Result<AppStatus, ApiError> {
        if self.status(today)?.set_up {
            return self.status(today);
        }
        match choice {
            // Marks the database as set up in the same transaction as the demo data.
            SetupChoice::Demo => {
                self.write_demo(&DemoParams::branch(today))?;
            }
            SetupChoice::Empty => {
                self.db.write(|tx| settings::set(tx, settings::SET_UP, "empty").map_err(ApiError::from))?;
            }
        }
        self.status(today)
    }

    pub fn set_language(&mut self, language: Language, today: NaiveDate) -> Result<AppStatus, ApiError> {
        self.db.write(|tx| settings::set(tx, settings::LANGUAGE, language.as_str()).map_err(ApiError::from))?;
        self.status(today)
    }
}
