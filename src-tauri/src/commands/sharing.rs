//! Working together: share the branch in a folder or on the server, invite a laptop, join at first
//! start, sync now, remove a laptop, the laptops and the "Twee versies". Whatever talks to the
//! place where the laptops meet runs on a blocking thread (the server client drives its own
//! runtime), and a sync holds the database lock only while it reads and writes the database
//! (`state::sync_round`).

use crate::state::{self, AppState};
use chrono::Utc;
use draagkracht_api::wire::{JoinCodeMade, JoinProgress, JoinReport, SharingStatus, SyncReport, TwoVersionsItem};
use draagkracht_api::{ApiError, Draagkracht};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

/// Runs `work` on the open database from a blocking thread.
async fn blocking<T: Send + 'static>(
    app: AppHandle,
    work: impl FnOnce(&mut Draagkracht) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tauri::async_runtime::spawn_blocking(move || app.state::<AppState>().with(work))
        .await
        .unwrap_or_else(|e| Err(state::storage_error(&e.to_string())))
}

#[tauri::command]
pub async fn sharing_status(state: State<'_, AppState>) -> Result<SharingStatus, ApiError> {
    state.with(|app| app.sharing_status())
}

#[tauri::command]
pub async fn share_in_folder(app: AppHandle, path: String, device_name: String) -> Result<SharingStatus, ApiError> {
    blocking(app, move |db| db.share(&path, &device_name, Utc::now())).await
}

#[tauri::command]
pub async fn invite_laptop(app: AppHandle) -> Result<JoinCodeMade, ApiError> {
    blocking(app, |db| db.invite(Utc::now())).await
}

#[tauri::command]
pub async fn join_branch(
    app: AppHandle,
    path: String,
    code: String,
    device_name: String,
    progress: Channel<JoinProgress>,
) -> Result<JoinReport, ApiError> {
    blocking(app, move |db| {
        db.join(&path, &code, &device_name, Utc::now(), |step, steps| {
            let _ = progress.send(JoinProgress { step, steps });
        })
    })
    .await
}

#[tauri::command]
pub async fn sync_now(app: AppHandle) -> Result<SyncReport, ApiError> {
    tauri::async_runtime::spawn_blocking(move || state::sync_round(&app))
        .await
        .unwrap_or_else(|e| Err(state::storage_error(&e.to_string())))
}

#[tauri::command]
pub async fn remove_laptop(app: AppHandle, device: String) -> Result<Vec<String>, ApiError> {
    blocking(app, move |db| db.remove_laptop(&device, Utc::now())).await
}

#[tauri::command]
pub async fn two_versions(state: State<'_, AppState>) -> Result<Vec<TwoVersionsItem>, ApiError> {
    state.with(|app| app.two_versions())
}

#[tauri::command]
pub async fn settle_two_versions(state: State<'_, AppState>, id: i64, put_back: bool) -> Result<(), ApiError> {
    state.with(|app| app.settle_two_versions(id, put_back, Utc::now()))
}
