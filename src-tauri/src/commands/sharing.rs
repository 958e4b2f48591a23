//! Working together: share the branch in a folder, invite a laptop, join at first start, sync now,
//! the laptops and the "Twee versies". The background sync lives in `state.rs`.

use crate::state::AppState;
use chrono::Utc;
use draagkracht_api::wire::{JoinCodeMade, JoinProgress, JoinReport, SharingStatus, SyncReport, TwoVersionsItem};
use draagkracht_api::ApiError;
use std::path::Path;
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command]
pub async fn sharing_status(state: State<'_, AppState>) -> Result<SharingStatus, ApiError> {
    state.with(|app| app.sharing_status())
}

#[tauri::command]
pub async fn share_in_folder(
    state: State<'_, AppState>,
    path: String,
    device_name: String,
) -> Result<SharingStatus, ApiError> {
    state.with(|app| app.share_in_folder(Path::new(&path), &device_name, Utc::now()))
}

#[tauri::command]
pub async fn invite_laptop(state: State<'_, AppState>) -> Result<JoinCodeMade, ApiError> {
    state.with(|app| app.invite(Utc::now()))
}

#[tauri::command]
pub async fn join_branch(
    state: State<'_, AppState>,
    path: String,
    code: String,
    device_name: String,
    progress: Channel<JoinProgress>,
) -> Result<JoinReport, ApiError> {
    state.with(|app| {
        app.join_from_folder(Path::new(&path), &code, &device_name, Utc::now(), |step, steps| {
            let _ = progress.send(JoinProgress { step, steps });
        })
    })
}

#[tauri::command]
pub async fn sync_now(state: State<'_, AppState>) -> Result<SyncReport, ApiError> {
    state.with(|app| app.sync(Utc::now()))
}

#[tauri::command]
pub async fn two_versions(state: State<'_, AppState>) -> Result<Vec<TwoVersionsItem>, ApiError> {
    state.with(|app| app.two_versions())
}

#[tauri::command]
pub async fn settle_two_versions(state: State<'_, AppState>, id: i64, put_back: bool) -> Result<(), ApiError> {
    state.with(|app| app.settle_two_versions(id, put_back, Utc::now()))
}
