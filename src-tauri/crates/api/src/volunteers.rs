//! Use cases for volunteers: the list with search and status filter, the volunteer page, adding and
//! editing (with the status lifecycle).

use crate::wire::{HourEntry, HourTotals, Volunteer, VolunteerDetail, VolunteerFilter, VolunteerInput, VolunteerRow};
use crate::{new_volunteer_id, ApiError, Draagkracht};
use chrono::{NaiveDate, Utc};
use draagkracht_core::room::Load;
use draagkracht_core::{DateRange, Field, Refusal, RefusalCode, VolunteerDraft, VolunteerId, VolunteerStatus};
use draagkracht_store::{hour_entries, programmes, volunteer_load, volunteers};

/// How many entries the volunteer page lists.
const RECENT_ENTRIES: u32 = 20;

impl From<volunteers::VolunteerRecord> for Volunteer {
    fn from(v: volunteers::VolunteerRecord) -> Self {
        Self {
            id: v.id,
            name: v.name,
            email: v.email,
            phone: v.phone,
            status: v.status,
            start_date: v.start_date,
            agreed_minutes_per_week: v.agreed_minutes_per_week,
            programme_ids: v.programmes,
            stopped_on: v.stopped_on,
        }
    }
}

fn draft(input: &VolunteerInput) -> VolunteerDraft {
    VolunteerDraft {
        name: input.name.clone(),
        email: input.email.clone(),
        phone: input.phone.clone(),
        status: input.status.clone(),
        start_date: input.start_date.clone(),
        agreed_hours_per_week: input.agreed_hours_per_week.clone(),
        programmes: input.programme_ids.clone(),
    }
}

impl Draagkracht {
    /// The volunteers list: by name, filtered by status and by a search over name, e-mail and phone.
    pub fn volunteers(&self, filter: &VolunteerFilter, today: NaiveDate) -> Result<Vec<VolunteerRow>, ApiError> {
        let window = DateRange::last_four_weeks(today);
        let needle = filter.search.trim().to_lowercase();
        let rows = volunteers::summaries(self.db.conn(), filter.status, window.first, window.last)?
            .into_iter()
            .filter(|v| {
                needle.is_empty()
                    || v.name.to_lowercase().contains(&needle)
                    || v.email.as_deref().is_some_and(|e| e.to_lowercase().contains(&needle))
                    || v.phone.as_deref().is_some_and(|p| p.contains(&needle))
            })
            .map(|v| VolunteerRow {
                id: v.id,
                name: v.name,
                status: v.status,
                programme_names: v.programme_names,
                minutes_last_four_weeks: v.minutes_in_window,
                last_entry_date: v.last_entry_date,
            })
            .collect();
        Ok(rows)
    }

    /// Everything the volunteer page shows.
    pub fn volunteer(&self, id: VolunteerId, today: NaiveDate) -> Result<VolunteerDetail, ApiError> {
        let conn = self.db.conn();
        let record =
            volunteers::get(conn, id)?.ok_or_else(|| ApiError::not_found("Deze vrijwilliger", "This volunteer"))?;
        let all_programmes = programmes::list(conn)?;
        let programme_names = record
            .programmes
            .iter()
            .filter_map(|p| all_programmes.iter().find(|q| q.id == *p).map(|q| q.name.clone()))
            .collect();
        let year = DateRange::year_of(today);
        let (sums, training) = hour_entries::sums_for_volunteer(
            conn,
            id,
            &[DateRange::last_four_weeks(today), DateRange::month_of(today), year],
            year,
        )?;
        let totals = HourTotals {
            last_four_weeks: sums[0],
            this_month: sums[1],
            this_year: sums[2],
            training_this_year: training,
        };
        let recent_entries =
            hour_entries::recent_for_volunteer(conn, id, RECENT_ENTRIES)?.into_iter().map(HourEntry::from).collect();
        let status = record.status;
        let mut allowed_statuses = vec![status];
        allowed_statuses.extend_from_slice(status.next());
        Ok(VolunteerDetail {
            matches: self.matches_of_volunteer(id, today)?,
            volunteer: record.into(),
            programme_names,
            totals,
            recent_entries,
            allowed_statuses,
        })
    }

    pub fn create_volunteer(&mut self, input: &VolunteerInput, today: NaiveDate) -> Result<Volunteer, ApiError> {
        let valid = draft(input).validate(today, None)?;
        self.check_programmes_exist(&valid.programmes)?;
        let id = new_volunteer_id();
        self.db.write(|tx| {
            volunteers::insert(tx, id, &valid, Utc::now())?;
            // No entries and no matches yet: their load for the room is nothing, known without
            // an evaluation (their signals wait for their first change or the next day's).
            volunteer_load::keep(tx, today, &[(id, Load::default())]).map_err(ApiError::from)
        })?;
        self.volunteer_record(id)
    }

    pub fn update_volunteer(
        &mut self,
        id: VolunteerId,
        input: &VolunteerInput,
        today: NaiveDate,
    ) -> Result<Volunteer, ApiError> {
        let current = volunteers::get(self.db.conn(), id)?
            .ok_or_else(|| ApiError::not_found("Deze vrijwilliger", "This volunteer"))?;
        let valid = draft(input).validate(today, Some(current.status))?;
        self.check_programmes_exist(&valid.programmes)?;
        self.db.write(|tx| volunteers::update(tx, id, &valid, today, Utc::now()).map_err(ApiError::from))?;
        self.evaluate_volunteer(id, today)?;
        self.volunteer_record(id)
    }

    fn volunteer_record(&self, id: VolunteerId) -> Result<Volunteer, ApiError> {
        volunteers::get(self.db.conn(), id)?
            .map(Volunteer::from)
            .ok_or_else(|| ApiError::not_found("Deze vrijwilliger", "This volunteer"))
    }

    fn check_programmes_exist(&self, ids: &[draagkracht_core::ProgrammeId]) -> Result<(), ApiError> {
        for id in ids {
            if programmes::get(self.db.conn(), *id)?.is_none() {
                return Err(Refusal::new(
                    Field::Programmes,
                    RefusalCode::Unknown,
                    "Een van de gekozen projecten bestaat niet meer. Kies opnieuw.",
                    "One of the chosen programmes no longer exists. Please choose again.",
                )
                .into());
            }
        }
        Ok(())
    }

    /// How many volunteers are active now.
    pub fn active_volunteers(&self) -> Result<u32, ApiError> {
        Ok(volunteers::count_with_status(self.db.conn(), VolunteerStatus::Active)?)
    }
}
