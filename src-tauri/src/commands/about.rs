//! "Over Draagkracht": the version, the build date and where the data is; and opening one of those
//! folders in the system's file manager.

use crate::state::AppState;
use draagkracht_api::wire::{AboutInfo, Field};
use draagkracht_api::{ApiError, ErrorCode};
use std::path::{Path, PathBuf};
use tauri::State;
use tauri_plugin_opener::OpenerExt;

#[tauri::command]
pub async fn about(state: State<'_, AppState>) -> Result<AboutInfo, ApiError> {
    let places = state.with_gate(|gate| Ok(gate.places())).ok();
    let text = |p: &Path| p.display().to_string();
    Ok(AboutInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        build_date: env!("DRAAGKRACHT_BUILD_DATE").into(),
        database_path: places.as_ref().map(|(db, ..)| text(db)),
        backup_folder: places.as_ref().map(|(_, backups, _)| text(backups)),
        second_backup_folder: places.as_ref().and_then(|(.., second)| second.as_deref().map(text)),
        licence: "EUPL-1.2".into(),
    })
}

/// Opens a folder of Draagkracht's own — the database's, the backups', the second backup place —
/// and nothing else: the window cannot have any other path opened.
#[tauri::command]
pub async fn open_folder(app: tauri::AppHandle, state: State<'_, AppState>, path: String) -> Result<(), ApiError> {
    let (db, backups, second) = state.with_gate(|gate| Ok(gate.places()))?;
    let ours: Vec<PathBuf> =
        [db.parent().map(Path::to_path_buf), Some(backups), second].into_iter().flatten().collect();
    let wanted = PathBuf::from(&path);
    if !ours.contains(&wanted) {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            "Alleen de mappen van Draagkracht zelf kunnen hier open.",
            "Only Draagkracht's own folders can be opened here.",
        )
        .at(Field::Path));
    }
    std::fs::create_dir_all(&wanted).ok();
    app.opener().open_path(path, None::<&str>).map_err(|e| {
        ApiError::new(
            ErrorCode::Storage,
            format!("De map kon niet worden geopend: {e}. Je vindt hem ook zelf: {}.", wanted.display()),
            format!("The folder could not be opened: {e}. You can also find it yourself: {}.", wanted.display()),
        )
        .at(Field::Path)
    })
}
