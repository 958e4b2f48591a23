//! Data safety: opening, unlocking and locking the database, the passphrase, backups.

use crate::state::AppState;
use draagkracht_api::wire::{
    BackupInfo, BackupSettings, ChangePassphraseInput, DatabaseAccess, MakeRecoveryCodeInput, NewDatabaseInput,
    RecoverInput, RecoveryCodeMade, RestoreFileInput, RestoreInput,
};
use draagkracht_api::ApiError;
use tauri::State;

#[tauri::command]
pub async fn database_access(state: State<'_, AppState>) -> Result<DatabaseAccess, ApiError> {
    state.with_gate(|gate| Ok(gate.access()))
}

#[tauri::command]
pub async fn create_database(state: State<'_, AppState>, input: NewDatabaseInput) -> Result<DatabaseAccess, ApiError> {
    state.with_gate(|gate| gate.create(&input))
}

#[tauri::command]
pub async fn unlock(state: State<'_, AppState>, passphrase: String) -> Result<DatabaseAccess, ApiError> {
    let passphrase = zeroize::Zeroizing::new(passphrase);
    state.with_gate(|gate| gate.unlock(&passphrase))
}

#[tauri::command]
pub async fn lock(state: State<'_, AppState>) -> Result<DatabaseAccess, ApiError> {
    state.with_gate(|gate| Ok(gate.lock()))
}

#[tauri::command]
pub async fn change_passphrase(state: State<'_, AppState>, input: ChangePassphraseInput) -> Result<(), ApiError> {
    state.with_gate(|gate| gate.change_passphrase(&input))
}

#[tauri::command]
pub async fn make_recovery_code(
    state: State<'_, AppState>,
    input: MakeRecoveryCodeInput,
) -> Result<RecoveryCodeMade, ApiError> {
    state.with_gate(|gate| gate.make_recovery_code(&input))
}

#[tauri::command]
pub async fn recover(state: State<'_, AppState>, input: RecoverInput) -> Result<DatabaseAccess, ApiError> {
    state.with_gate(|gate| gate.recover(&input))
}

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>, ApiError> {
    state.with_gate(|gate| Ok(gate.backups()))
}

#[tauri::command]
pub async fn make_backup(state: State<'_, AppState>) -> Result<BackupInfo, ApiError> {
    state.with_gate(|gate| gate.make_backup())
}

#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, input: RestoreInput) -> Result<DatabaseAccess, ApiError> {
    state.with_gate(|gate| gate.restore(&input))
}

#[tauri::command]
pub async fn restore_backup_file(
    state: State<'_, AppState>,
    input: RestoreFileInput,
) -> Result<DatabaseAccess, ApiError> {
    state.with_gate(|gate| gate.restore_file(&input))
}

#[tauri::command]
pub async fn backup_settings(state: State<'_, AppState>) -> Result<BackupSettings, ApiError> {
    state.with_gate(|gate| gate.backup_settings())
}

#[tauri::command]
pub async fn set_backup_location(state: State<'_, AppState>, path: Option<String>) -> Result<BackupSettings, ApiError> {
    state.with_gate(|gate| gate.set_backup_location(path.as_deref()))
}
