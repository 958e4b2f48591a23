//! Programmes: list, add, edit.

use crate::state::AppState;
use draagkracht_api::wire::ProgrammeId;
use draagkracht_api::wire::{Programme, ProgrammeInput};
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
