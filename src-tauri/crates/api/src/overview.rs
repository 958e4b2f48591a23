//! The overview screen: a month's hours per programme.

use crate::wire::{MonthOverview, ProgrammeHours};
use crate::{ApiError, Draagkracht};
use chrono::NaiveDate;
use draagkracht_core::DateRange;
use draagkracht_store::{hour_entries, programmes};

impl Draagkracht {
    /// The month holding `day`, every programme listed (also those without hours).
    pub fn month_overview(&self, day: NaiveDate) -> Result<MonthOverview, ApiError> {
        let conn = self.db.conn();
        let month = DateRange::month_of(day);
        let sums = hour_entries::per_programme(conn, month)?;
        let rows: Vec<ProgrammeHours> = programmes::list(conn)?
            .into_iter()
            .map(|p| {
                let (minutes, training_minutes, volunteers) =
                    sums.iter().find(|(id, ..)| *id == p.id).map(|(_, m, t, v)| (*m, *t, *v)).unwrap_or_default();
                ProgrammeHours { programme_id: p.id, name: p.name, minutes, training_minutes, volunteers }
            })
            .collect();
        Ok(MonthOverview {
            first_day: month.first,
            last_day: month.last,
            total_minutes: rows.iter().map(|r| r.minutes).sum(),
            total_training_minutes: rows.iter().map(|r| r.training_minutes).sum(),
            volunteers_with_hours: hour_entries::volunteers_with_hours(conn, month)?,
            active_volunteers: self.active_volunteers()?,
            rows,
        })
    }
}
