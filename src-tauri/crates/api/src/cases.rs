//! Use cases for matches (koppelingen) and what hangs off them: complexity assessments (a history,
//! never overwritten), professionals involved and the referral log. The level of a case is derived
//! from its latest assessment by the core rule, never stored.

use crate::wire::{
    Assessment, AssessmentInput, CaseVocabulary, EndMatchInput, Involvement, InvolvementInput, Match, MatchDetail,
    MatchGoal, MatchInput, Referral, ReferralInput, VolunteerRef, Zrm,
};
use crate::{ApiError, Draagkracht};
use chrono::{NaiveDate, Utc};
use draagkracht_core::complexity::{case_level, AssessmentDraft, ZRM_DOMAINS};
use draagkracht_core::matching::{validate_end, MatchDraft};
use draagkracht_core::professional::{InvolvementDraft, ReferralDraft};
use draagkracht_core::{
    AssessmentId, Field, InvolvementId, MatchId, ParticipantId, ReferralId, Refusal, RefusalCode, VolunteerId,
};
use draagkracht_store::assessments::{self, AssessmentRecord};
use draagkracht_store::matches::{self, MatchRecord};
use draagkracht_store::{goals, involvements, participants, programmes, referrals, volunteers};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

impl From<AssessmentRecord> for Assessment {
    fn from(a: AssessmentRecord) -> Self {
        let level = case_level(Some(&a.assessment));
        Self {
            id: a.id,
            match_id: a.match_id,
            date: a.date,
            domains: a.assessment.domains,
            solvable_within_year: a.assessment.solvable_within_year,
            markers: a.assessment.markers,
            zrm: a.assessment.zrm.map(|z| Zrm {
                scored_by: z.scored_by,
                scored_on: z.scored_on.to_string(),
                scores: z.scores.iter().map(|s| i32::from(*s)).collect(),
            }),
            note: a.note,
            level,
        }
    }
}

fn involvement(r: involvements::InvolvementRecord, today: NaiveDate) -> Involvement {
    let active = r.involvement.is_active_on(today);
    let v = r.involvement;
    Involvement {
        id: r.id,
        match_id: r.match_id,
        kind: v.kind,
        name: v.name,
        organisation: v.organisation,
        from_date: v.from_date,
        to_date: v.to_date,
        active,
    }
}

fn referral(r: referrals::ReferralRecord) -> Referral {
    let v = r.referral;
    Referral {
        id: r.id,
        match_id: r.match_id,
        date: v.date,
        to_kind: v.to_kind,
        to_name: v.to_name,
        reason: v.reason,
        outcome: v.outcome,
    }
}

fn not_found() -> ApiError {
    ApiError::not_found("Deze koppeling", "This match")
}

impl Draagkracht {
    /// Turns stored matches into wire matches with their derived level and professional involvement.
    fn wire_matches(&self, records: Vec<MatchRecord>, today: NaiveDate) -> Result<Vec<Match>, ApiError> {
        let conn = self.db.conn();
        let latest: HashMap<MatchId, AssessmentRecord> =
            assessments::latest_per_match(conn)?.into_iter().map(|a| (a.match_id, a)).collect();
        let involved: HashSet<MatchId> = involvements::matches_with_active(conn, today)?.into_iter().collect();
        Ok(records
            .into_iter()
            .map(|m| Match {
                status: m.status(),
                level: case_level(latest.get(&m.id).map(|a| &a.assessment)),
                professional_involved: involved.contains(&m.id),
                id: m.id,
                participant_id: m.participant_id,
                participant_label: m.participant_label,
                programme_id: m.programme_id,
                programme_name: m.programme_name,
                volunteers: m
                    .volunteers
                    .into_iter()
                    .map(|(id, name)| {
                        let why = m.without_room.iter().find(|(v, _)| *v == id).map(|(_, why)| why);
                        VolunteerRef {
                            id,
                            name,
                            without_room: why.map(|w| w.nl.clone()),
                            without_room_en: why.map(|w| w.en.clone()),
                        }
                    })
                    .collect(),
                start_date: m.start_date,
                expected_end_date: m.expected_end_date,
                end_date: m.end_date,
                end_reason: m.end_reason,
                one_to_one_at_home: m.one_to_one_at_home,
            })
            .collect())
    }

    pub(crate) fn all_matches(&self, today: NaiveDate) -> Result<Vec<Match>, ApiError> {
        self.wire_matches(matches::all(self.db.conn())?, today)
    }

    pub(crate) fn matches_of_participant(&self, id: ParticipantId, today: NaiveDate) -> Result<Vec<Match>, ApiError> {
        self.wire_matches(matches::for_participant(self.db.conn(), id)?, today)
    }

    /// A volunteer's matches, active first.
    pub fn matches_of_volunteer(&self, id: VolunteerId, today: NaiveDate) -> Result<Vec<Match>, ApiError> {
        self.wire_matches(matches::for_volunteer(self.db.conn(), id)?, today)
    }

    /// A volunteer's active matches: what the hour forms offer.
    pub fn volunteer_matches(&self, id: VolunteerId, today: NaiveDate) -> Result<Vec<Match>, ApiError> {
        let mut all = self.matches_of_volunteer(id, today)?;
        all.retain(|m| m.end_date.is_none());
        Ok(all)
    }

    pub(crate) fn assessments_of(&self, id: MatchId) -> Result<Vec<Assessment>, ApiError> {
        Ok(assessments::for_match(self.db.conn(), id)?.into_iter().map(Assessment::from).collect())
    }

    /// Every match with its derived level (the CLI's `matches` listing).
    pub fn matches(&self, today: NaiveDate) -> Result<Vec<Match>, ApiError> {
        self.all_matches(today)
    }

    pub fn match_detail(&self, id: MatchId, today: NaiveDate) -> Result<MatchDetail, ApiError> {
        let conn = self.db.conn();
        let record = matches::get(conn, id)?.ok_or_else(not_found)?;
        let the_match = self.wire_matches(vec![record], today)?.pop().ok_or_else(not_found)?;
        Ok(MatchDetail {
            the_match,
            assessments: self.assessments_of(id)?,
            professionals: involvements::for_match(conn, id)?.into_iter().map(|r| involvement(r, today)).collect(),
            referrals: referrals::for_match(conn, id)?.into_iter().map(referral).collect(),
            goals: goals::of_match(conn, id)?
                .into_iter()
                .map(|(id, name, result)| MatchGoal { id, name, result })
                .collect(),
        })
    }

    pub fn create_match(&mut self, input: &MatchInput, today: NaiveDate) -> Result<Match, ApiError> {
        let draft = MatchDraft {
            participant: input.participant_id,
            programme: input.programme_id,
            volunteers: input.volunteer_ids.clone(),
            start_date: input.start_date.clone(),
            expected_end_date: input.expected_end_date.clone(),
            one_to_one_at_home: input.one_to_one_at_home,
        };
        let valid = draft.validate(today)?;
        let conn = self.db.conn();
        if participants::get(conn, valid.participant)?.is_none() {
            return Err(unknown(
                Field::Participant,
                "Deze deelnemer bestaat niet (meer).",
                "This participant does not exist.",
            ));
        }
        if programmes::get(conn, valid.programme)?.is_none() {
            return Err(unknown(
                Field::Programme,
                "Dit project bestaat niet (meer).",
                "This programme does not exist.",
            ));
        }
        for v in &valid.volunteers {
            if !volunteers::exists(conn, *v)? {
                return Err(unknown(
                    Field::Volunteers,
                    "Een van de gekozen vrijwilligers bestaat niet (meer).",
                    "One of the chosen volunteers does not exist.",
                ));
            }
        }
        // Goals of this programme only.
        let offered: HashSet<_> = goals::list(conn, Some(valid.programme))?.into_iter().map(|g| g.id).collect();
        if input.goal_ids.iter().any(|g| !offered.contains(g)) {
            return Err(unknown(
                Field::Goals,
                "Een van de gekozen doelen hoort niet (meer) bij dit project.",
                "One of the chosen goals does not belong to this programme (any more).",
            ));
        }
        let without_room = self.without_room(valid.programme, &valid.volunteers, today)?;
        let id = MatchId(Uuid::now_v7());
        self.db.write(|tx| {
            matches::insert(tx, id, &valid, &without_room, Utc::now())?;
            goals::set_for_match(tx, id, &input.goal_ids).map_err(ApiError::from)
        })?;
        Ok(self.changed(id, today)?.the_match)
    }

    pub fn end_match(&mut self, id: MatchId, input: &EndMatchInput, today: NaiveDate) -> Result<MatchDetail, ApiError> {
        let record = matches::get(self.db.conn(), id)?.ok_or_else(not_found)?;
        if record.end_date.is_some() {
            return Err(Refusal::new(
                Field::EndDate,
                RefusalCode::NotAllowed,
                "Deze koppeling is al beëindigd.",
                "This match has already ended.",
            )
            .into());
        }
        let (end, reason) = validate_end(record.start_date, &input.end_date, &input.reason, today)?;
        // Each goal gets its result beside the end reason.
        let goals = goals::of_match(self.db.conn(), id)?;
        let result_of = |goal| input.results.iter().find(|r| r.goal_id == goal).map(|r| r.result);
        if let Some((_, name, _)) = goals.iter().find(|(g, _, _)| result_of(*g).is_none()) {
            return Err(Refusal::new(
                Field::Goals,
                RefusalCode::Required,
                format!("Kies voor elk doel of het bereikt is; '{name}' heeft nog geen uitkomst."),
                format!("Choose for each goal whether it was reached; '{name}' has no result yet."),
            )
            .into());
        }
        self.db.write(|tx| {
            matches::end(tx, id, end, &reason, Utc::now())?;
            for (goal, _, _) in &goals {
                if let Some(result) = result_of(*goal) {
                    goals::set_result(tx, id, *goal, result)?;
                }
            }
            Ok::<_, ApiError>(())
        })?;
        self.changed(id, today)
    }

    /// Adds a dated assessment to the match's history.
    pub fn assess_case(
        &mut self,
        id: MatchId,
        input: &AssessmentInput,
        today: NaiveDate,
    ) -> Result<MatchDetail, ApiError> {
        self.require_match(id)?;
        let draft = AssessmentDraft {
            date: input.date.clone(),
            domains: input.domains.clone(),
            solvable_within_year: input.solvable_within_year,
            markers: input.markers.clone(),
            zrm: input
                .zrm
                .as_ref()
                .map(|z| (z.scored_by.clone(), z.scored_on.clone(), z.scores.iter().map(|s| i64::from(*s)).collect())),
        };
        let valid = draft.validate(today)?;
        let note = input.note.trim();
        let note = (!note.is_empty()).then_some(note);
        self.db.write(|tx| {
            assessments::insert(tx, AssessmentId(Uuid::now_v7()), id, &valid, note, Utc::now()).map_err(ApiError::from)
        })?;
        self.changed(id, today)
    }

    pub fn add_professional(
        &mut self,
        id: MatchId,
        input: &InvolvementInput,
        today: NaiveDate,
    ) -> Result<MatchDetail, ApiError> {
        self.require_match(id)?;
        let valid = involvement_draft(input).validate(today)?;
        self.db.write(|tx| {
            involvements::insert(tx, InvolvementId(Uuid::now_v7()), id, &valid, Utc::now()).map_err(ApiError::from)
        })?;
        self.changed(id, today)
    }

    pub fn update_professional(
        &mut self,
        id: InvolvementId,
        input: &InvolvementInput,
        today: NaiveDate,
    ) -> Result<MatchDetail, ApiError> {
        let record = involvements::get(self.db.conn(), id)?
            .ok_or_else(|| ApiError::not_found("Deze betrokkenheid", "This involvement"))?;
        let valid = involvement_draft(input).validate(today)?;
        self.db.write(|tx| involvements::update(tx, id, &valid, Utc::now()).map_err(ApiError::from))?;
        self.changed(record.match_id, today)
    }

    pub fn log_referral(
        &mut self,
        id: MatchId,
        input: &ReferralInput,
        today: NaiveDate,
    ) -> Result<MatchDetail, ApiError> {
        self.require_match(id)?;
        let valid = referral_draft(input).validate(today)?;
        self.db.write(|tx| {
            referrals::insert(tx, ReferralId(Uuid::now_v7()), id, &valid, Utc::now()).map_err(ApiError::from)
        })?;
        self.changed(id, today)
    }

    pub fn update_referral(
        &mut self,
        id: ReferralId,
        input: &ReferralInput,
        today: NaiveDate,
    ) -> Result<MatchDetail, ApiError> {
        let record = referrals::get(self.db.conn(), id)?
            .ok_or_else(|| ApiError::not_found("Deze verwijzing", "This referral"))?;
        let valid = referral_draft(input).validate(today)?;
        self.db.write(|tx| referrals::update(tx, id, &valid, Utc::now()).map_err(ApiError::from))?;
        self.changed(record.match_id, today)
    }

    pub fn case_vocabulary(&self) -> CaseVocabulary {
        CaseVocabulary { zrm_domains: ZRM_DOMAINS.iter().map(|d| d.to_string()).collect() }
    }

    /// Re-evaluates everyone in a match after a change to it, and answers with the match.
    fn changed(&mut self, id: MatchId, today: NaiveDate) -> Result<MatchDetail, ApiError> {
        let detail = self.match_detail(id, today)?;
        for v in &detail.the_match.volunteers {
            self.evaluate_volunteer(v.id, today)?;
        }
        Ok(detail)
    }

    fn require_match(&self, id: MatchId) -> Result<(), ApiError> {
        matches::get(self.db.conn(), id)?.map(|_| ()).ok_or_else(not_found)
    }
}

fn unknown(field: Field, nl: &str, en: &str) -> ApiError {
    Refusal::new(field, RefusalCode::Unknown, nl, en).into()
}

fn involvement_draft(input: &InvolvementInput) -> InvolvementDraft {
    InvolvementDraft {
        kind: input.kind.clone(),
        name: input.name.clone(),
        organisation: input.organisation.clone(),
        from_date: input.from_date.clone(),
        to_date: input.to_date.clone(),
    }
}

fn referral_draft(input: &ReferralInput) -> ReferralDraft {
    ReferralDraft {
        date: input.date.clone(),
        to_kind: input.to_kind.clone(),
        to_name: input.to_name.clone(),
        reason: input.reason.clone(),
        outcome: input.outcome.clone(),
    }
}
