//! Programmes (list, add, edit, required training, goals) and the branch's support settings.

use crate::state::AppState;
use draagkracht_api::wire::{Goal, GoalId, GoalInput, ProgrammeId};
use draagkracht_api::wire::{Programme, ProgrammeInput, SupportSettings, SupportSettingsInput};
use draagkracht_api::ApiError;
use tauri::State;

#[tauri::command]
pub async fn list_programmes(state: State<'_, AppState>) -> Result<Vec<Programme>, ApiError> {
    state.with(|app| app.programmes())
}

#[tauri::command]
pub async fn create_programme(state: State<'_, AppState>, input: ProgrammeInput) -> Result<Programme, ApiError> {
    state.with(|app| app.create_programme(&input))
}

#[tauri::command]
pub async fn update_programme(
    state: State<'_, AppState>,
    id: ProgrammeId,
    input: ProgrammeInput,
) -> Result<Programme, ApiError> {
    state.with(|app| app.update_programme(id, &input, crate::state::today()))
}

#[tauri::command]
pub async fn set_required_training(
    state: State<'_, AppState>,
    id: ProgrammeId,
    training: String,
) -> Result<(), ApiError> {
    state.with(|app| app.set_required_training(id, &training, crate::state::today()))
}

#[tauri::command]
pub async fn support_settings(state: State<'_, AppState>) -> Result<SupportSettings, ApiError> {
    state.with(|app| app.support_settings())
}

#[tauri::command]
pub async fn set_support_settings(
    state: State<'_, AppState>,
    input: SupportSettingsInput,
) -> Result<SupportSettings, ApiError> {
    state.with(|app| app.set_support_settings(&input, crate::state::today()))
}

/// A programme's goals, in its order.
#[tauri::command]
pub async fn goals(state: State<'_, AppState>, programme_id: ProgrammeId) -> Result<Vec<Goal>, ApiError> {
    state.with(|app| app.goals(programme_id))
}

/// Adds (`id` none) or changes a programme's goal; answers with the programme's goals.
#[tauri::command]
pub async fn save_goal(
    state: State<'_, AppState>,
    programme_id: ProgrammeId,
    id: Option<GoalId>,
    input: GoalInput,
) -> Result<Vec<Goal>, ApiError> {
    state.with(|app| app.save_goal(programme_id, id, &input))
}
