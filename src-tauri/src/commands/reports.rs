//! Reports: their settings, a preview of the figures, and writing one to the file the native save
//! dialog chose.

use crate::state::{today, AppState};
use draagkracht_api::wire::{
    ReportFormat, ReportInput, ReportPreview, ReportSaved, ReportSettings, ReportSettingsInput,
};
use draagkracht_api::ApiError;
use std::path::Path;
use tauri::State;

#[tauri::command]
pub async fn report_settings(state: State<'_, AppState>) -> Result<ReportSettings, ApiError> {
    state.with(|app| app.report_settings())
}

#[tauri::command]
pub async fn set_report_settings(
    state: State<'_, AppState>,
    input: ReportSettingsInput,
) -> Result<ReportSettings, ApiError> {
    state.with(|app| app.set_report_settings(input))
}

#[tauri::command]
pub async fn preview_report(state: State<'_, AppState>, input: ReportInput) -> Result<ReportPreview, ApiError> {
    state.with(|app| app.report_preview(&input, today()))
}

#[tauri::command]
pub async fn export_report(
    state: State<'_, AppState>,
    input: ReportInput,
    format: ReportFormat,
    path: String,
) -> Result<ReportSaved, ApiError> {
    // The figures need the database; the typesetting does not, so it runs after letting go of it.
    let doc = state.with(|app| app.report_document(&input, today()))?;
    draagkracht_api::save_report(&doc, format, Path::new(&path))
}
