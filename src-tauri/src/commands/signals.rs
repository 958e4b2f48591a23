//! Signals: the attention list, one signal with its evidence, the coordinator's actions, and the
//! thresholds per programme.

use crate::state::{today, AppState};
use draagkracht_api::wire::{
    AttentionOverview, GuideInput, ProgrammeId, RuleGuide, SignalActionInput, SignalDetail, SignalId, SignalView,
    ThresholdInput, ThresholdView, VolunteerId,
};
use draagkracht_api::ApiError;
use tauri::State;

/// The attention list, grouped by what to do.
#[tauri::command]
pub async fn attention_list(state: State<'_, AppState>) -> Result<AttentionOverview, ApiError> {
    state.with(|app| app.attention_overview(today()))
}

/// Every rule's conversation guide: the default or the branch's own wording.
#[tauri::command]
pub async fn signal_guides(state: State<'_, AppState>) -> Result<Vec<RuleGuide>, ApiError> {
    state.with(|app| app.signal_guides())
}

#[tauri::command]
pub async fn set_signal_guide(state: State<'_, AppState>, input: GuideInput) -> Result<Vec<RuleGuide>, ApiError> {
    state.with(|app| app.set_signal_guide(&input))
}

#[tauri::command]
pub async fn get_signal(state: State<'_, AppState>, id: SignalId) -> Result<SignalDetail, ApiError> {
    state.with(|app| app.signal(id, today()))
}

#[tauri::command]
pub async fn act_on_signal(
    state: State<'_, AppState>,
    id: SignalId,
    input: SignalActionInput,
) -> Result<SignalDetail, ApiError> {
    state.with(|app| app.act_on_signal(id, &input, today()))
}

#[tauri::command]
pub async fn volunteer_signals(
    state: State<'_, AppState>,
    volunteer_id: VolunteerId,
) -> Result<Vec<SignalView>, ApiError> {
    state.with(|app| app.volunteer_signals(volunteer_id))
}

#[tauri::command]
pub async fn list_thresholds(
    state: State<'_, AppState>,
    programme_id: ProgrammeId,
) -> Result<Vec<ThresholdView>, ApiError> {
    state.with(|app| app.programme_thresholds(programme_id))
}

#[tauri::command]
pub async fn set_threshold(state: State<'_, AppState>, input: ThresholdInput) -> Result<Vec<ThresholdView>, ApiError> {
    state.with(|app| app.set_threshold(&input, today()))
}
