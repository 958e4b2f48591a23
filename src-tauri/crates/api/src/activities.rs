//! Use cases for the activity catalogue: list per programme, add, edit.

use crate::wire::{Activity, ActivityInput};
use crate::{ApiError, Draagkracht};
use chrono::Utc;
use draagkracht_core::activity::ActivityDraft;
use draagkracht_core::{ActivityId, Field, ProgrammeId, Refusal, RefusalCode};
use draagkracht_store::activities::{self, ActivityRecord};
use draagkracht_store::programmes;
use uuid::Uuid;

impl From<ActivityRecord> for Activity {
    fn from(a: ActivityRecord) -> Self {
        Self { id: a.id, programme_id: a.programme_id, name: a.name, level: a.level, active: a.active }
    }
}

fn draft(input: &ActivityInput) -> ActivityDraft {
    ActivityDraft { name: input.name.clone(), level: input.level.clone(), active: input.active }
}

fn not_found() -> ApiError {
    ApiError::not_found("Deze activiteit", "This activity")
}

impl Draagkracht {
    pub fn activities(&self, programme: Option<ProgrammeId>) -> Result<Vec<Activity>, ApiError> {
        Ok(activities::list(self.db.conn(), programme)?.into_iter().map(Activity::from).collect())
    }

    pub fn create_activity(&mut self, input: &ActivityInput) -> Result<Activity, ApiError> {
        let programme = input.programme_id.ok_or_else(|| {
            ApiError::from(Refusal::new(
                Field::Programme,
                RefusalCode::Required,
                "Kies een project.",
                "Please choose a programme.",
            ))
        })?;
        if programmes::get(self.db.conn(), programme)?.is_none() {
            return Err(ApiError::not_found("Dit project", "This programme"));
        }
        let valid = draft(input).validate()?;
        let id = ActivityId(Uuid::now_v7());
        self.db.write(|tx| activities::insert(tx, id, programme, &valid, Utc::now()).map_err(ApiError::from))?;
        Ok(activities::get(self.db.conn(), id)?.ok_or_else(not_found)?.into())
    }

    pub fn update_activity(&mut self, id: ActivityId, input: &ActivityInput) -> Result<Activity, ApiError> {
        let valid = draft(input).validate()?;
        if !self.db.write(|tx| activities::update(tx, id, &valid, Utc::now()).map_err(ApiError::from))? {
            return Err(not_found());
        }
        Ok(activities::get(self.db.conn(), id)?.ok_or_else(not_found)?.into())
    }
}
