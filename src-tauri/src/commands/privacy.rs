//! The AVG tools: subject-access export, erasure, retention review, the audit log.

use crate::state::{today, AppState};
use draagkracht_api::wire::{
    AuditRow, ErasureReport, ExportPersonInput, ExportedPerson, ParticipantId, PersonRef, PrivacySettings,
    RetentionInput, RetentionRow,
};
use draagkracht_api::ApiError;
use tauri::State;

#[tauri::command]
pub async fn export_person(state: State<'_, AppState>, input: ExportPersonInput) -> Result<ExportedPerson, ApiError> {
    state.with(|app| app.export_person(&input, today()))
}

#[tauri::command]
pub async fn erase_person(state: State<'_, AppState>, person: PersonRef) -> Result<ErasureReport, ApiError> {
    state.with(|app| app.erase_person(person, today()))
}

#[tauri::command]
pub async fn retention_review(state: State<'_, AppState>) -> Result<Vec<RetentionRow>, ApiError> {
    state.with(|app| app.retention_review(today()))
}

#[tauri::command]
pub async fn anonymise_participants(state: State<'_, AppState>, ids: Vec<ParticipantId>) -> Result<u32, ApiError> {
    state.with(|app| app.anonymise_participants(&ids, today()))
}

#[tauri::command]
pub async fn privacy_settings(state: State<'_, AppState>) -> Result<PrivacySettings, ApiError> {
    state.with(|app| app.privacy_settings())
}

#[tauri::command]
pub async fn set_coordinator_name(state: State<'_, AppState>, name: String) -> Result<PrivacySettings, ApiError> {
    state.with(|app| app.set_coordinator_name(&name))
}

#[tauri::command]
pub async fn set_retention(state: State<'_, AppState>, input: RetentionInput) -> Result<PrivacySettings, ApiError> {
    state.with(|app| app.set_retention(&input))
}

#[tauri::command]
pub async fn audit_log(state: State<'_, AppState>, limit: u32) -> Result<Vec<AuditRow>, ApiError> {
    state.with(|app| app.audit_log(limit))
}
