//! Getting data in and out: spreadsheet import (preview, dry run, import with progress) and the
//! interchange file.

use crate::state::{today, AppState};
use draagkracht_api::wire::{DryRun, ImportOutcome, ImportProgress, InterchangeOutcome, MappingInput, SheetPreview};
use draagkracht_api::ApiError;
use std::path::Path;
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command]
pub async fn read_sheet(
    state: State<'_, AppState>,
    path: String,
    sheet: Option<String>,
) -> Result<SheetPreview, ApiError> {
    state.with(|app| app.read_sheet(&path, sheet.as_deref()))
}

#[tauri::command]
pub async fn dry_run_import(state: State<'_, AppState>, input: MappingInput) -> Result<DryRun, ApiError> {
    state.with(|app| app.dry_run_import(&input, today()))
}

#[tauri::command]
pub async fn run_import(
    state: State<'_, AppState>,
    input: MappingInput,
    progress: Channel<ImportProgress>,
) -> Result<ImportOutcome, ApiError> {
    state.with(|app| {
        app.run_import(&input, today(), |p| {
            let _ = progress.send(p);
        })
    })
}

#[tauri::command]
pub async fn export_all_data(state: State<'_, AppState>, path: String) -> Result<InterchangeOutcome, ApiError> {
    state.with(|app| {
        let records = app.export_all(Path::new(&path))?;
        Ok(InterchangeOutcome { path, records: records as u32 })
    })
}

#[tauri::command]
pub async fn import_all_data(state: State<'_, AppState>, path: String) -> Result<InterchangeOutcome, ApiError> {
    state.with(|app| {
        let records = app.import_all(Path::new(&path))?;
        Ok(InterchangeOutcome { path, records: records as u32 })
    })
}
