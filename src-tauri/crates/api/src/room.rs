//! Room for a new match: which volunteers of a programme can take on one more participant, ranked,
//! each with its reason in one line (`core::room` decides; this reads the facts in a few indexed
//! queries). A volunteer chosen without room is allowed; `create_match` records the reason.

use crate::wire::VolunteerRoom;
use crate::{ApiError, Draagkracht};
use chrono::NaiveDate;
use draagkracht_core::complexity::case_level;
use draagkracht_core::period::DateRange;
use draagkracht_core::room::{rank, Candidate, Limits, Load, Room};
use draagkracht_core::signals::Thresholds;
use draagkracht_core::{ProgrammeId, VolunteerId};
use draagkracht_store::matches::WithoutRoom;
use draagkracht_store::{assessments, facts, programmes};
use std::collections::HashMap;

impl Draagkracht {
    /// Every volunteer of the programme (who has not stopped): those with room first, the most room
    /// first; then those without, each with why.
    pub fn match_room(&self, programme: ProgrammeId, today: NaiveDate) -> Result<Vec<VolunteerRoom>, ApiError> {
        Ok(self.rooms(programme, today)?.into_iter().map(VolunteerRoom::from).collect())
    }

    /// The reason for each of `chosen` who has no room in `programme`, to record with the match.
    pub(crate) fn without_room(
        &self,
        programme: ProgrammeId,
        chosen: &[VolunteerId],
        today: NaiveDate,
    ) -> Result<Vec<(VolunteerId, WithoutRoom)>, ApiError> {
        let rooms = self.rooms(programme, today)?;
        Ok(chosen
            .iter()
            .filter_map(|v| {
                // Someone outside the programme is not judged by its limits.
                let room = rooms.iter().find(|r| r.volunteer == *v)?;
                (!room.has_room).then(|| (*v, WithoutRoom { nl: room.reason_nl.clone(), en: room.reason_en.clone() }))
            })
            .collect())
    }

    /// [`Self::match_room`] with every load computed from the entries and assessments, as for a
    /// volunteer whose kept load is missing: the yardstick the kept loads are tested against.
    #[doc(hidden)]
    pub fn match_room_computed_live(
        &self,
        programme: ProgrammeId,
        today: NaiveDate,
    ) -> Result<Vec<VolunteerRoom>, ApiError> {
        Ok(self.rooms_with(programme, today, Loads::Live)?.into_iter().map(VolunteerRoom::from).collect())
    }

    fn rooms(&self, programme: ProgrammeId, today: NaiveDate) -> Result<Vec<Room>, ApiError> {
        self.rooms_with(programme, today, Loads::Kept)
    }

    fn rooms_with(&self, programme: ProgrammeId, today: NaiveDate, loads: Loads) -> Result<Vec<Room>, ApiError> {
        let conn = self.db.conn();
        let record =
            programmes::get(conn, programme)?.ok_or_else(|| ApiError::not_found("Dit project", "This programme"))?;
        let caseload_weight =
            self.thresholds()?.get(&programme).map_or(Thresholds::default().caseload_weight, |t| t.caseload_weight);
        let (vog_years, _) = self.support_policy()?;
        let training = record.required_training.as_deref();

        let mut rows = facts::programme_room(conn, programme, today, training)?;
        if loads == Loads::Live {
            rows.iter_mut().for_each(|row| row.load = None);
        }
        // The evaluation keeps every load current; only a day not yet evaluated, or a database
        // just imported, has some missing — those are computed here.
        let live = if rows.iter().any(|row| row.load.is_none()) {
            live_loads(conn, programme, today)?
        } else {
            HashMap::new()
        };
        let candidates: Vec<Candidate> = rows
            .into_iter()
            .map(|row| {
                let load = row.load.or_else(|| live.get(&row.volunteer).copied()).unwrap_or_default();
                Candidate {
                    volunteer: row.volunteer,
                    name: row.name,
                    status: row.status,
                    agreed_minutes_per_week: row.agreed_minutes_per_week,
                    minutes_last_four_weeks: load.work_minutes_four_weeks,
                    caseload_weight: load.caseload_weight,
                    running_matches: load.running_matches,
                    vog_date: row.vog_date,
                    training_missing: (!row.trained).then(|| training.unwrap_or_default().to_string()),
                    open_alerts: row.open_alerts,
                }
            })
            .collect();
        Ok(rank(&candidates, Limits { caseload_weight, vog_years }, today))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Loads {
    Kept,
    Live,
}

/// Every programme member's load computed from their entries and running matches.
fn live_loads(
    conn: &draagkracht_store::Connection,
    programme: ProgrammeId,
    today: NaiveDate,
) -> Result<HashMap<VolunteerId, Load>, ApiError> {
    let mut loads: HashMap<VolunteerId, Load> = HashMap::new();
    for (volunteer, _, latest) in assessments::running_caseload_of_members(conn, programme)? {
        let load = loads.entry(volunteer).or_default();
        load.caseload_weight += case_level(latest.as_ref().map(|a| &a.assessment)).weight();
        load.running_matches += 1;
    }
    for (volunteer, minutes) in facts::programme_work_minutes(conn, programme, DateRange::last_four_weeks(today))? {
        loads.entry(volunteer).or_default().work_minutes_four_weeks = minutes;
    }
    Ok(loads)
}

impl From<Room> for VolunteerRoom {
    fn from(r: Room) -> Self {
        Self {
            volunteer_id: r.volunteer,
            volunteer_name: r.name,
            has_room: r.has_room,
            reason: r.reason_nl,
            reason_en: r.reason_en,
        }
    }
}
