//! First start and preferences.

use crate::state::{today, AppState};
use draagkracht_api::wire::{AppStatus, Language, SetupChoice};
use draagkracht_api::ApiError;
use tauri::State;

#[tauri::command]
pub async fn app_status(state: State<'_, AppState>) -> Result<AppStatus, ApiError> {
    state.with(|app| app.status(today()))
}

#[tauri::command]
pub async fn set_up(state: State<'_, AppState>, choice: SetupChoice) -> Result<AppStatus, ApiError> {
    state.with(|app| app.set_up(choice, today()))
}

#[tauri::command]
pub async fn set_language(state: State<'_, AppState>, language: Language) -> Result<AppStatus, ApiError> {
    state.with(|app| app.set_language(language, today()))
}
