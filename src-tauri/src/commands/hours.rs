//! Hours: log, undo, the volunteer pick list and the week grid.

use crate::state::today;
use crate::state::AppState;
use chrono::NaiveDate;
use draagkracht_api::wire::HourEntryId;
use draagkracht_api::wire::{DayHoursChange, DayHoursInput, HourEntry, HourEntryInput, VolunteerChoice, WeekGrid};
use draagkracht_api::ApiError;
use tauri::State;

#[tauri::command]
pub async fn volunteer_choices(state: State<'_, AppState>) -> Result<Vec<VolunteerChoice>, ApiError> {
    state.with(|app| app.volunteer_choices())
}

#[tauri::command]
pub async fn log_hours(state: State<'_, AppState>, input: HourEntryInput) -> Result<HourEntry, ApiError> {
    state.with(|app| app.log_hours(&input, today()))
}

#[tauri::command]
pub async fn delete_hour_entry(state: State<'_, AppState>, id: HourEntryId) -> Result<(), ApiError> {
    state.with(|app| app.delete_hour_entry(id, today()))
}

#[tauri::command]
pub async fn week_grid(state: State<'_, AppState>, day: NaiveDate) -> Result<WeekGrid, ApiError> {
    state.with(|app| app.week_grid(day))
}

#[tauri::command]
pub async fn set_day_hours(state: State<'_, AppState>, input: DayHoursInput) -> Result<DayHoursChange, ApiError> {
    state.with(|app| app.set_day_hours(&input, today()))
}
