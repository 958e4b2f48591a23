//! Participants: the list, the page, add and edit.

use crate::state::{today, AppState};
use draagkracht_api::wire::{Participant, ParticipantDetail, ParticipantId, ParticipantInput, ParticipantRow};
use draagkracht_api::ApiError;
use tauri::State;

#[tauri::command]
pub async fn list_participants(state: State<'_, AppState>, search: String) -> Result<Vec<ParticipantRow>, ApiError> {
    state.with(|app| app.participants(&search, today()))
}

#[tauri::command]
pub async fn get_participant(state: State<'_, AppState>, id: ParticipantId) -> Result<ParticipantDetail, ApiError> {
    state.with(|app| app.participant(id, today()))
}

#[tauri::command]
pub async fn create_participant(state: State<'_, AppState>, input: ParticipantInput) -> Result<Participant, ApiError> {
    state.with(|app| app.create_participant(&input, today()))
}

#[tauri::command]
pub async fn update_participant(
    state: State<'_, AppState>,
    id: ParticipantId,
    input: ParticipantInput,
) -> Result<Participant, ApiError> {
    state.with(|app| app.update_participant(id, &input, today()))
}
