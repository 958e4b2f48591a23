//! Use cases for participants: the list (with the weight of their active cases), the page, add, edit.

use crate::wire::{
    Participant, ParticipantDetail, ParticipantInput, ParticipantRow, PastMatch, ProgrammeRef, VolunteerRef,
};
use crate::{ApiError, Draagkracht};
use chrono::{NaiveDate, Utc};
use draagkracht_core::participant::ParticipantDraft;
use draagkracht_core::{MatchStatus, ParticipantId};
use draagkracht_store::participants::{self, ParticipantRecord};
use uuid::Uuid;

impl From<ParticipantRecord> for Participant {
    fn from(p: ParticipantRecord) -> Self {
        Self {
            id: p.id,
            label: p.label,
            contact: p.contact,
            consent_date: p.consent_date,
            consent_by: p.consent_by,
            consent_scope: p.consent_scope,
            municipality_id: p.municipality.as_ref().map(|(id, _)| *id),
            municipality_name: p.municipality.map(|(_, name)| name),
        }
    }
}

fn draft(input: &ParticipantInput) -> ParticipantDraft {
    ParticipantDraft {
        label: input.label.clone(),
        contact: input.contact.clone(),
        consent_date: input.consent_date.clone(),
        consent_by: input.consent_by.clone(),
        consent_scope: input.consent_scope.clone(),
        municipality: input.municipality_id,
    }
}

impl Draagkracht {
    /// Participants by label, filtered by a case-insensitive search on label and contact.
    pub fn participants(&self, search: &str, today: NaiveDate) -> Result<Vec<ParticipantRow>, ApiError> {
        let needle = search.trim().to_lowercase();
        let matches = self.all_matches(today)?;
        let rows = participants::list(self.db.conn())?
            .into_iter()
            .filter(|p| {
                needle.is_empty()
                    || p.label.to_lowercase().contains(&needle)
                    || p.contact.as_deref().is_some_and(|c| c.to_lowercase().contains(&needle))
            })
            .map(|p| {
                let active: Vec<_> =
                    matches.iter().filter(|m| m.participant_id == p.id && m.status == MatchStatus::Active).collect();
                let mut programmes: Vec<ProgrammeRef> = active
                    .iter()
                    .map(|m| ProgrammeRef { id: m.programme_id, name: m.programme_name.clone() })
                    .collect();
                programmes.sort_by(|a, b| a.name.cmp(&b.name));
                programmes.dedup();
                let mut volunteers: Vec<VolunteerRef> =
                    active.iter().flat_map(|m| m.volunteers.iter().cloned()).collect();
                volunteers.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
                volunteers.dedup_by(|a, b| a.id == b.id);
                let last_match = if active.is_empty() {
                    matches
                        .iter()
                        .filter(|m| m.participant_id == p.id)
                        .filter_map(|m| m.end_date.map(|end| (end, m)))
                        .max_by_key(|(end, _)| *end)
                        .map(|(end_date, m)| PastMatch { programme_name: m.programme_name.clone(), end_date })
                } else {
                    None
                };
                ParticipantRow {
                    id: p.id,
                    label: p.label,
                    active_matches: active.len() as u32,
                    level: active.iter().map(|m| m.level).max(),
                    programmes,
                    volunteers,
                    last_match,
                    registered: p.registered,
                }
            })
            .collect();
        Ok(rows)
    }

    pub fn participant(&self, id: ParticipantId, today: NaiveDate) -> Result<ParticipantDetail, ApiError> {
        let record = participants::get(self.db.conn(), id)?.ok_or_else(not_found)?;
        let matches = self.matches_of_participant(id, today)?;
        let mut assessments = Vec::new();
        for m in &matches {
            assessments.extend(self.assessments_of(m.id)?);
        }
        assessments.sort_by(|a, b| b.date.cmp(&a.date));
        Ok(ParticipantDetail { participant: record.into(), matches, assessments })
    }

    pub fn create_participant(&mut self, input: &ParticipantInput, today: NaiveDate) -> Result<Participant, ApiError> {
        let valid = draft(input).validate(today)?;
        self.check_municipality(valid.municipality)?;
        let id = ParticipantId(Uuid::now_v7());
        self.db.write(|tx| participants::insert(tx, id, &valid, Utc::now()).map_err(ApiError::from))?;
        Ok(participants::get(self.db.conn(), id)?.ok_or_else(not_found)?.into())
    }

    pub fn update_participant(
        &mut self,
        id: ParticipantId,
        input: &ParticipantInput,
        today: NaiveDate,
    ) -> Result<Participant, ApiError> {
        let valid = draft(input).validate(today)?;
        self.check_municipality(valid.municipality)?;
        if !self.db.write(|tx| participants::update(tx, id, &valid, Utc::now()).map_err(ApiError::from))? {
            return Err(not_found());
        }
        Ok(participants::get(self.db.conn(), id)?.ok_or_else(not_found)?.into())
    }
}

fn not_found() -> ApiError {
    ApiError::not_found("Deze deelnemer", "This participant")
}
