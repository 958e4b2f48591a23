//! Use cases for programmes: list, add, edit.

use crate::wire::{Programme, ProgrammeInput};
use crate::{ApiError, Draagkracht};
use chrono::Utc;
use draagkracht_core::{ProgrammeDraft, ProgrammeId};
use draagkracht_store::programmes::{self, ProgrammeRecord};
use uuid::Uuid;

impl From<ProgrammeRecord> for Programme {
    fn from(p: ProgrammeRecord) -> Self {
        Self {
            id: p.id,
            name: p.name,
            description: p.description,
            max_months: p.max_months,
            active: p.active,
            required_training: p.required_training,
        }
    }
}

fn draft(input: &ProgrammeInput) -> ProgrammeDraft {
    ProgrammeDraft {
        name: input.name.clone(),
        description: input.description.clone(),
        max_months: input.max_months.clone(),
        active: input.active,
    }
}

impl Draagkracht {
    pub fn programmes(&self) -> Result<Vec<Programme>, ApiError> {
        Ok(programmes::list(self.db.conn())?.into_iter().map(Programme::from).collect())
    }

    pub fn create_programme(&mut self, input: &ProgrammeInput) -> Result<Programme, ApiError> {
        let valid = draft(input).validate()?;
        let id = ProgrammeId(Uuid::now_v7());
        self.db.write(|tx| programmes::insert(tx, id, &valid, Utc::now()).map_err(ApiError::from))?;
        self.programme(id)
    }

    /// Edits a programme; its maximum match length is a signal threshold, so everyone is re-evaluated.
    pub fn update_programme(
        &mut self,
        id: ProgrammeId,
        input: &ProgrammeInput,
        today: chrono::NaiveDate,
    ) -> Result<Programme, ApiError> {
        let valid = draft(input).validate()?;
        let found = self.db.write(|tx| programmes::update(tx, id, &valid, Utc::now()).map_err(ApiError::from))?;
        if !found {
            return Err(ApiError::not_found("Dit project", "This programme"));
        }
        self.evaluate_all(today)?;
        self.programme(id)
    }

    fn programme(&self, id: ProgrammeId) -> Result<Programme, ApiError> {
        programmes::get(self.db.conn(), id)?
            .map(Programme::from)
            .ok_or_else(|| ApiError::not_found("Dit project", "This programme"))
    }
}
