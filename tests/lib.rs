//! Shared helpers for Draagkracht's scenario and end-to-end tests.
//!
//! [`TempApp`] is the one way scenario tests get a database: a real SQLite file in a fresh
//! temporary directory, opened through the api exactly as the app opens it.

use chrono::NaiveDate;
use draagkracht_api::wire::{HourEntryInput, ProgrammeId, SupportInput, Volunteer, VolunteerId, VolunteerInput};
use draagkracht_api::Draagkracht;
use std::path::PathBuf;

pub struct TempApp {
    pub app: Draagkracht,
    pub dir: tempfile::TempDir,
}

impl TempApp {
    /// A new database, as after the first start.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let app = Draagkracht::open(&dir.path().join("draagkracht.sqlite")).expect("open a new database");
        Self { app, dir }
    }

    pub fn db_path(&self) -> PathBuf {
        self.dir.path().join("draagkracht.sqlite")
    }

    /// A volunteer as a coordinator would add one who is ready to start: with a VOG of `today`.
    pub fn ready_volunteer(&mut self, name: &str, programmes: Vec<ProgrammeId>, today: NaiveDate) -> Volunteer {
        let v = self.app.create_volunteer(&volunteer_input(name, "active", programmes), today).expect("add volunteer");
        let vog = SupportInput::Vog { date: today.format("%d-%m-%Y").to_string() };
        self.app.record_support(v.id, &vog, today).expect("record the VOG");
        v
    }

    /// The id of the programme with this name.
    pub fn programme(&self, name: &str) -> ProgrammeId {
        self.app
            .programmes()
            .expect("list programmes")
            .into_iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("no programme called {name}"))
            .id
    }
}

impl Default for TempApp {
    fn default() -> Self {
        Self::new()
    }
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A volunteer form filled in as a coordinator would.
pub fn volunteer_input(name: &str, status: &str, programmes: Vec<ProgrammeId>) -> VolunteerInput {
    VolunteerInput {
        name: name.into(),
        email: String::new(),
        phone: String::new(),
        status: status.into(),
        start_date: "01-01-2025".into(),
        agreed_hours_per_week: "4".into(),
        programme_ids: programmes,
    }
}

/// An hour entry as typed into the quick form.
pub fn hours_input(
    volunteer: VolunteerId,
    date: &str,
    duration: &str,
    programme: ProgrammeId,
    kind: &str,
) -> HourEntryInput {
    HourEntryInput {
        volunteer_id: Some(volunteer),
        date: date.into(),
        duration: duration.into(),
        programme_id: Some(programme),
        kind: kind.into(),
        note: String::new(),
        match_id: None,
        activity_id: None,
        confirm_duplicate: false,
        confirm_long_day: None,
    }
}
