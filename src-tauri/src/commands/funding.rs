//! Who pays and for whom — the branch's municipalities and its subsidies — and the anonymised
//! stories for its reports.

use crate::state::{today, AppState};
use draagkracht_api::wire::{
    Municipality, MunicipalityId, Story, StoryId, StoryInput, Subsidy, SubsidyId, SubsidyInput,
};
use draagkracht_api::ApiError;
use tauri::State;

/// The branch's municipalities, by name.
#[tauri::command]
pub async fn municipalities(state: State<'_, AppState>) -> Result<Vec<Municipality>, ApiError> {
    state.with(|app| app.municipalities())
}

/// Adds (`id` none) or renames a municipality; answers with the whole list.
#[tauri::command]
pub async fn save_municipality(
    state: State<'_, AppState>,
    id: Option<MunicipalityId>,
    name: String,
) -> Result<Vec<Municipality>, ApiError> {
    state.with(|app| app.save_municipality(id, &name))
}

#[tauri::command]
pub async fn remove_municipality(
    state: State<'_, AppState>,
    id: MunicipalityId,
) -> Result<Vec<Municipality>, ApiError> {
    state.with(|app| app.remove_municipality(id))
}

/// The subsidies, the latest period first.
#[tauri::command]
pub async fn subsidies(state: State<'_, AppState>) -> Result<Vec<Subsidy>, ApiError> {
    state.with(|app| app.subsidies())
}

/// Adds (`id` none) or changes a subsidy; answers with the whole list.
#[tauri::command]
pub async fn save_subsidy(
    state: State<'_, AppState>,
    id: Option<SubsidyId>,
    input: SubsidyInput,
) -> Result<Vec<Subsidy>, ApiError> {
    state.with(|app| app.save_subsidy(id, &input))
}

#[tauri::command]
pub async fn remove_subsidy(state: State<'_, AppState>, id: SubsidyId) -> Result<Vec<Subsidy>, ApiError> {
    state.with(|app| app.remove_subsidy(id))
}

/// The stories, the latest period first, each with what in it still points at a person.
#[tauri::command]
pub async fn stories(state: State<'_, AppState>) -> Result<Vec<Story>, ApiError> {
    state.with(|app| app.stories(today()))
}

/// Adds (`id` none) or changes a story; answers with all stories.
#[tauri::command]
pub async fn save_story(
    state: State<'_, AppState>,
    id: Option<StoryId>,
    input: StoryInput,
) -> Result<Vec<Story>, ApiError> {
    state.with(|app| app.save_story(id, &input, today()))
}

/// Chooses a story for reports (refused while it points at a person) or takes it out.
#[tauri::command]
pub async fn choose_story(state: State<'_, AppState>, id: StoryId, in_report: bool) -> Result<Vec<Story>, ApiError> {
    state.with(|app| app.choose_story(id, in_report, today()))
}

#[tauri::command]
pub async fn remove_story(state: State<'_, AppState>, id: StoryId) -> Result<Vec<Story>, ApiError> {
    state.with(|app| app.remove_story(id, today()))
}
