//! The activity catalogue.

use crate::state::AppState;
use draagkracht_api::wire::{Activity, ActivityId, ActivityInput, ProgrammeId};
use draagkracht_api::ApiError;
use tauri::State;

#[tauri::command]
pub async fn list_activities(
    state: State<'_, AppState>,
    programme_id: Option<ProgrammeId>,
) -> Result<Vec<Activity>, ApiError> {
    state.with(|app| app.activities(programme_id))
}

#[tauri::command]
pub async fn create_activity(state: State<'_, AppState>, input: ActivityInput) -> Result<Activity, ApiError> {
    state.with(|app| app.create_activity(&input))
}

#[tauri::command]
pub async fn update_activity(
    state: State<'_, AppState>,
    id: ActivityId,
    input: ActivityInput,
) -> Result<Activity, ApiError> {
    state.with(|app| app.update_activity(id, &input))
}
