//! Volunteers: the list, the volunteer page, add and edit.

use crate::state::{today, AppState};
use draagkracht_api::wire::VolunteerId;
use draagkracht_api::wire::{Volunteer, VolunteerDetail, VolunteerFilter, VolunteerInput, VolunteerRow};
use draagkracht_api::ApiError;
use tauri::State;

#[tauri::command]
pub async fn list_volunteers(
    state: State<'_, AppState>,
    filter: VolunteerFilter,
) -> Result<Vec<VolunteerRow>, ApiError> {
    state.with(|app| app.volunteers(&filter, today()))
}

#[tauri::command]
pub async fn get_volunteer(state: State<'_, AppState>, id: VolunteerId) -> Result<VolunteerDetail, ApiError> {
    state.with(|app| app.volunteer(id, today()))
}

#[tauri::command]
pub async fn create_volunteer(state: State<'_, AppState>, input: VolunteerInput) -> Result<Volunteer, ApiError> {
    state.with(|app| app.create_volunteer(&input, today()))
}

#[tauri::command]
pub async fn update_volunteer(
    state: State<'_, AppState>,
    id: VolunteerId,
    input: VolunteerInput,
) -> Result<Volunteer, ApiError> {
    state.with(|app| app.update_volunteer(id, &input, today()))
}
