//! Each programme's goals: the list a new match chooses from (the defaults seeded per programme),
//! kept by the coordinator under Beheer → Projecten. Results are given when a match ends
//! (`cases.rs`) and counted in the report's "Resultaten" (`reports.rs`).

use crate::wire::{Goal, GoalInput};
use crate::{ApiError, Draagkracht};
use chrono::Utc;
use draagkracht_core::goals::validate_goal;
use draagkracht_core::refusal::{Field, Refusal, RefusalCode};
use draagkracht_core::{GoalId, ProgrammeId};
use draagkracht_store::goals::{self, GoalRecord};
use draagkracht_store::programmes;
use uuid::Uuid;

impl From<GoalRecord> for Goal {
    fn from(g: GoalRecord) -> Self {
        Self { id: g.id, programme_id: g.programme, name: g.name, active: g.active }
    }
}

impl Draagkracht {
    /// A programme's goals, in its order.
    pub fn goals(&self, programme: ProgrammeId) -> Result<Vec<Goal>, ApiError> {
        Ok(goals::list(self.db.conn(), Some(programme))?.into_iter().map(Goal::from).collect())
    }

    /// Adds a goal to a programme (`id` none) or renames or retires one; a name the programme has
    /// already is refused.
    pub fn save_goal(
        &mut self,
        programme: ProgrammeId,
        id: Option<GoalId>,
        input: &GoalInput,
    ) -> Result<Vec<Goal>, ApiError> {
        let name = validate_goal(&input.name)?;
        if programmes::get(self.db.conn(), programme)?.is_none() {
            return Err(ApiError::not_found("Dit project", "This programme"));
        }
        if self.goals(programme)?.iter().any(|g| g.name.to_lowercase() == name.to_lowercase() && Some(g.id) != id) {
            return Err(Refusal::new(
                Field::Name,
                RefusalCode::NotAllowed,
                format!("Dit project heeft het doel '{name}' al."),
                format!("This programme has the goal '{name}' already."),
            )
            .into());
        }
        let (id, new) = match id {
            Some(id) => (id, false),
            None => (GoalId(Uuid::now_v7()), true),
        };
        let saved = self
            .db
            .write(|tx| goals::save(tx, id, programme, &name, input.active, new, Utc::now()).map_err(ApiError::from))?;
        if !saved {
            return Err(ApiError::not_found("Dit doel", "This goal"));
        }
        self.goals(programme)
    }
}
