//! The national picture: the "Landelijk overzicht" (a national or regional account reads the
//! published figures; no branch database needed) and a branch publishing its months. Whatever
//! talks to the server runs on a blocking thread and never while holding the database.

use crate::state::{storage_error, today, AppState};
use chrono::Utc;
use draagkracht_api::national::{self, NationalReportInput};
use draagkracht_api::wire::{
    NationalAccount, NationalReportRequest, PublishReport, PublishingStatus, ReportFormat, ReportPreview, ReportSaved,
};
use draagkracht_api::ApiError;
use std::path::Path;
use tauri::{AppHandle, Manager, State};

async fn off_the_window<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tauri::async_runtime::spawn_blocking(work).await.unwrap_or_else(|e| Err(storage_error(&e.to_string())))
}

#[tauri::command]
pub async fn national_connect(server: String) -> Result<NationalAccount, ApiError> {
    off_the_window(move || national::connect(&server)).await
}

#[tauri::command]
pub async fn national_preview(request: NationalReportRequest) -> Result<ReportPreview, ApiError> {
    off_the_window(move || national::national_preview(&request, today())).await
}

#[tauri::command]
pub async fn national_export(
    request: NationalReportRequest,
    format: ReportFormat,
    path: String,
) -> Result<ReportSaved, ApiError> {
    off_the_window(move || {
        let input: NationalReportInput = (&request).into();
        let doc = national::national_report(&request.server, &input, today())?;
        draagkracht_api::save_report(&doc, format, Path::new(&path))
    })
    .await
}

#[tauri::command]
pub async fn publishing_status(state: State<'_, AppState>) -> Result<PublishingStatus, ApiError> {
    state.with(|app| app.publishing_status(today()))
}

/// Publishes every complete month with records with the branch's account: the figures are read
/// under the database lock, sent without it, and noted under it again.
#[tauri::command]
pub async fn publish_to_server(app: AppHandle, server: String) -> Result<PublishReport, ApiError> {
    off_the_window(move || {
        let state = app.state::<AppState>();
        let (months, rows) = state.with(|db| {
            let months = db.publishable_months(today())?;
            let rows = db.publication(&months)?;
            Ok((months, rows))
        })?;
        let now = Utc::now();
        let published = national::send_publication(&server, &months, &rows, now)?;
        state.with(|db| db.note_published(&months, now, Some(&server)))?;
        Ok(PublishReport { months: months.len() as u32, taken: published.taken, path: None })
    })
    .await
}

/// Writes every complete month with records as a signed file for the branch named `branch`.
#[tauri::command]
pub async fn publish_to_file(app: AppHandle, path: String, branch: String) -> Result<PublishReport, ApiError> {
    off_the_window(move || {
        let state = app.state::<AppState>();
        let now = Utc::now();
        let (months, bytes) = state.with(|db| {
            let months = db.publishable_months(today())?;
            let bytes = db.publication_file(&branch, &months, now)?;
            Ok((months, bytes))
        })?;
        national::save_publication_file(Path::new(&path), &bytes)?;
        state.with(|db| db.note_published(&months, now, None))?;
        Ok(PublishReport { months: months.len() as u32, taken: months.len() as u32, path: Some(path) })
    })
    .await
}
