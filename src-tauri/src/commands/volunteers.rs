//! Volunteers: the list, the volunteer page, add and edit, and their support records.

use crate::state::{today, AppState};
use draagkracht_api::wire::VolunteerId;
use draagkracht_api::wire::{
    SupportInput, Volunteer, VolunteerDetail, VolunteerFilter, VolunteerInput, VolunteerRow, VolunteerSupport,
};
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

#[tauri::command]
pub async fn volunteer_support(state: State<'_, AppState>, id: VolunteerId) -> Result<VolunteerSupport, ApiError> {
    state.with(|app| app.volunteer_support(id, today()))
}

#[tauri::command]
pub async fn record_support(
    state: State<'_, AppState>,
    id: VolunteerId,
    input: SupportInput,
) -> Result<VolunteerSupport, ApiError> {
    state.with(|app| app.record_support(id, &input, today()))
}
