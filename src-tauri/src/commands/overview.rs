//! The overview screen.

use crate::state::{today, AppState};
use chrono::NaiveDate;
use draagkracht_api::wire::MonthOverview;
use draagkracht_api::ApiError;
use tauri::State;

#[tauri::command]
pub async fn month_overview(state: State<'_, AppState>, day: Option<NaiveDate>) -> Result<MonthOverview, ApiError> {
    state.with(|app| app.month_overview(day.unwrap_or_else(today)))
}
