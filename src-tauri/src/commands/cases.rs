//! Matches and what hangs off them: assessments, professionals, referrals.

use crate::state::{today, AppState};
use draagkracht_api::wire::{
    AssessmentInput, CaseVocabulary, EndMatchInput, InvolvementId, InvolvementInput, Match, MatchDetail, MatchId,
    MatchInput, Organisation, OrganisationId, OrganisationInput, ProfessionalKind, ProgrammeId, ReferralId,
    ReferralInput, VolunteerId, VolunteerRoom,
};
use draagkracht_api::ApiError;
use tauri::State;

#[tauri::command]
pub async fn create_match(state: State<'_, AppState>, input: MatchInput) -> Result<Match, ApiError> {
    state.with(|app| app.create_match(&input, today()))
}

/// Who in a programme has room for one more match, the most room first, each with why.
#[tauri::command]
pub async fn match_room(state: State<'_, AppState>, programme_id: ProgrammeId) -> Result<Vec<VolunteerRoom>, ApiError> {
    state.with(|app| app.match_room(programme_id, today()))
}

/// The sociale kaart, by name.
#[tauri::command]
pub async fn organisations(state: State<'_, AppState>) -> Result<Vec<Organisation>, ApiError> {
    state.with(|app| app.organisations())
}

/// Adds (`id` none) or changes an organisation; answers with the whole map.
#[tauri::command]
pub async fn save_organisation(
    state: State<'_, AppState>,
    id: Option<OrganisationId>,
    input: OrganisationInput,
) -> Result<Vec<Organisation>, ApiError> {
    state.with(|app| app.save_organisation(id, &input))
}

#[tauri::command]
pub async fn remove_organisation(
    state: State<'_, AppState>,
    id: OrganisationId,
) -> Result<Vec<Organisation>, ApiError> {
    state.with(|app| app.remove_organisation(id))
}

/// The organisations that fit a referral of `kind` from this match.
#[tauri::command]
pub async fn organisations_for(
    state: State<'_, AppState>,
    match_id: MatchId,
    kind: ProfessionalKind,
) -> Result<Vec<Organisation>, ApiError> {
    state.with(|app| app.organisations_for(match_id, kind))
}

#[tauri::command]
pub async fn get_match(state: State<'_, AppState>, id: MatchId) -> Result<MatchDetail, ApiError> {
    state.with(|app| app.match_detail(id, today()))
}

#[tauri::command]
pub async fn end_match(state: State<'_, AppState>, id: MatchId, input: EndMatchInput) -> Result<MatchDetail, ApiError> {
    state.with(|app| app.end_match(id, &input, today()))
}

#[tauri::command]
pub async fn volunteer_matches(state: State<'_, AppState>, volunteer_id: VolunteerId) -> Result<Vec<Match>, ApiError> {
    state.with(|app| app.volunteer_matches(volunteer_id, today()))
}

#[tauri::command]
pub async fn assess_case(
    state: State<'_, AppState>,
    match_id: MatchId,
    input: AssessmentInput,
) -> Result<MatchDetail, ApiError> {
    state.with(|app| app.assess_case(match_id, &input, today()))
}

#[tauri::command]
pub async fn add_professional(
    state: State<'_, AppState>,
    match_id: MatchId,
    input: InvolvementInput,
) -> Result<MatchDetail, ApiError> {
    state.with(|app| app.add_professional(match_id, &input, today()))
}

#[tauri::command]
pub async fn update_professional(
    state: State<'_, AppState>,
    id: InvolvementId,
    input: InvolvementInput,
) -> Result<MatchDetail, ApiError> {
    state.with(|app| app.update_professional(id, &input, today()))
}

#[tauri::command]
pub async fn log_referral(
    state: State<'_, AppState>,
    match_id: MatchId,
    input: ReferralInput,
) -> Result<MatchDetail, ApiError> {
    state.with(|app| app.log_referral(match_id, &input, today()))
}

#[tauri::command]
pub async fn update_referral(
    state: State<'_, AppState>,
    id: ReferralId,
    input: ReferralInput,
) -> Result<MatchDetail, ApiError> {
    state.with(|app| app.update_referral(id, &input, today()))
}

#[tauri::command]
pub async fn case_vocabulary(state: State<'_, AppState>) -> Result<CaseVocabulary, ApiError> {
    state.with(|app| Ok(app.case_vocabulary()))
}
