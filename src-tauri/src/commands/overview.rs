//! The overview screen, the branch's years, and a volunteer's load over time.

use crate::state::{today, AppState};
use chrono::NaiveDate;
use draagkracht_api::wire::{BranchTrend, MonthOverview, VolunteerId, VolunteerLoad};
use draagkracht_api::ApiError;
use tauri::State;

#[tauri::command]
pub async fn month_overview(state: State<'_, AppState>, day: Option<NaiveDate>) -> Result<MonthOverview, ApiError> {
    state.with(|app| app.month_overview(day.unwrap_or_else(today)))
}

#[tauri::command]
pub async fn branch_trend(state: State<'_, AppState>) -> Result<BranchTrend, ApiError> {
    state.with(|app| app.branch_trend(today()))
}

#[tauri::command]
pub async fn volunteer_load(state: State<'_, AppState>, id: VolunteerId) -> Result<VolunteerLoad, ApiError> {
    state.with(|app| app.volunteer_load(id, today()))
}
