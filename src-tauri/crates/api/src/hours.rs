//! Use cases for hours: logging an entry (with the duplicate question), undoing one, the pick list
//! of volunteers (most recently used first) and the week grid.

use crate::wire::{DayHoursChange, DayHoursInput, HourEntry, HourEntryInput, VolunteerChoice, WeekGrid, WeekRow};
use crate::{new_entry_id, ApiError, Draagkracht, ErrorCode};
use chrono::{Days, NaiveDate, Utc};
use draagkracht_core::duration::{in_hours, parse_day_total};
use draagkracht_core::period::{week_number, DateRange};
use draagkracht_core::{Field, HourEntryDraft, HourEntryId, Refusal, RefusalCode};
use draagkracht_store::{activities, hour_entries, matches, programmes, volunteers};

impl From<hour_entries::HourEntryRecord> for HourEntry {
    fn from(h: hour_entries::HourEntryRecord) -> Self {
        Self {
            id: h.id,
            volunteer_id: h.volunteer_id,
            volunteer_name: h.volunteer_name,
            date: h.date,
            minutes: h.minutes,
            programme_id: h.programme_id,
            programme_name: h.programme_name,
            kind: h.kind,
            note: h.note,
            match_id: h.match_id,
            activity_id: h.activity_id,
            activity_name: h.activity_name,
            activity_level: h.activity_level,
        }
    }
}

impl Draagkracht {
    /// Saves one entry. An entry identical to one already saved for that day is refused with
    /// `duplicate_entry` unless `confirm_duplicate` is set.
    pub fn log_hours(&mut self, input: &HourEntryInput, today: NaiveDate) -> Result<HourEntry, ApiError> {
        let draft = HourEntryDraft {
            volunteer: input.volunteer_id,
            date: input.date.clone(),
            duration: input.duration.clone(),
            programme: input.programme_id,
            kind: input.kind.clone(),
            note: input.note.clone(),
            match_id: input.match_id,
            activity: input.activity_id,
        };
        let entry = draft.validate(today)?;
        let conn = self.db.conn();
        if !volunteers::exists(conn, entry.volunteer)? {
            return Err(Refusal::new(
                Field::Volunteer,
                RefusalCode::Unknown,
                "Deze vrijwilliger bestaat niet (meer). Kies een andere.",
                "This volunteer does not exist (any more). Please choose another.",
            )
            .into());
        }
        if programmes::get(conn, entry.programme)?.is_none() {
            return Err(Refusal::new(
                Field::Programme,
                RefusalCode::Unknown,
                "Dit project bestaat niet (meer). Kies een ander.",
                "This programme does not exist (any more). Please choose another.",
            )
            .into());
        }
        if let Some(m) = entry.match_id {
            match matches::membership(conn, m, entry.volunteer)? {
                None => {
                    return Err(Refusal::new(
                        Field::Match,
                        RefusalCode::Unknown,
                        "Deze koppeling bestaat niet (meer). Kies een andere of geen.",
                        "This match does not exist (any more). Choose another or none.",
                    )
                    .into())
                }
                Some((_, _, _, false)) => {
                    return Err(Refusal::new(
                        Field::Match,
                        RefusalCode::NotAllowed,
                        "Deze vrijwilliger hoort niet bij die koppeling.",
                        "This volunteer is not part of that match.",
                    )
                    .into())
                }
                Some((_, start, end, true)) if entry.date < start || end.is_some_and(|e| entry.date > e) => {
                    return Err(Refusal::new(
                        Field::Match,
                        RefusalCode::NotAllowed,
                        format!("Op {} liep deze koppeling niet.", entry.date.format("%d-%m-%Y")),
                        format!("This match was not running on {}.", entry.date.format("%d-%m-%Y")),
                    )
                    .into())
                }
                Some(_) => {}
            }
        }
        if let Some(a) = entry.activity {
            let belongs = activities::get(conn, a)?.is_some_and(|a| a.programme_id == entry.programme);
            if !belongs {
                return Err(Refusal::new(
                    Field::Activity,
                    RefusalCode::NotAllowed,
                    "Deze activiteit hoort niet bij het gekozen project. Kies een activiteit van dat project.",
                    "This activity does not belong to the chosen programme. Choose one of its activities.",
                )
                .into());
            }
        }
        if !input.confirm_duplicate && hour_entries::find_identical(conn, &entry)?.is_some() {
            return Err(ApiError::new(
                ErrorCode::DuplicateEntry,
                format!(
                    "Er staat al precies zo'n inzet op {}. Wil je hem toch nog een keer opslaan?",
                    entry.date.format("%d-%m-%Y")
                ),
                format!(
                    "An identical entry already exists on {}. Save it once more anyway?",
                    entry.date.format("%d-%m-%Y")
                ),
            ));
        }
        if input.confirm_long_day != Some(true) {
            let plausible = self.plausible_day_hours()?;
            let day = hour_entries::minutes_on(conn, entry.volunteer, entry.date)? + entry.minutes.get();
            if day > plausible * 60 {
                let (nl, en) = in_hours(i64::from(day));
                let date = entry.date.format("%d-%m-%Y");
                return Err(ApiError::new(
                    ErrorCode::LongDay,
                    format!("Klopt dat? Met deze inzet staat er op {date} {nl} bij deze vrijwilliger; dat is meer dan {plausible} uur op één dag."),
                    format!("Is that right? With this entry the volunteer has {en} on {date}; that is more than {plausible} hours in one day."),
                ));
            }
        }
        let id = new_entry_id();
        // The entry and the volunteer's re-evaluated signals in one transaction: one commit, and the
        // signals can never lag behind the hours.
        let rules = self.rule_settings(today)?;
        self.db.write(|tx| {
            hour_entries::insert(tx, id, &entry, Utc::now())?;
            let planned = crate::signals::plan(tx, Some(entry.volunteer), &rules, today)?;
            crate::signals::apply(tx, &planned, today)
        })?;
        self.hour_entry(id)
    }

    /// A week-grid cell: sets a volunteer's day to the typed total. Higher saves the difference as
    /// one entry (with the long-day question, not the duplicate one: a total typed twice is the
    /// same total); lower writes nothing and lists the day's entries, since only the coordinator
    /// knows which of them is wrong.
    pub fn set_day_hours(&mut self, input: &DayHoursInput, today: NaiveDate) -> Result<DayHoursChange, ApiError> {
        let wanted = parse_day_total(&input.total)?;
        let logged = hour_entries::minutes_on(self.db.conn(), input.volunteer_id, input.date)?;
        if wanted == logged {
            return Ok(DayHoursChange::Unchanged);
        }
        if wanted < logged {
            let entries = hour_entries::for_volunteer_on(self.db.conn(), input.volunteer_id, input.date)?;
            return Ok(DayHoursChange::Lower { entries: entries.into_iter().map(HourEntry::from).collect(), wanted });
        }
        let difference = HourEntryInput {
            volunteer_id: Some(input.volunteer_id),
            date: input.date.to_string(),
            duration: format!("{}m", wanted - logged),
            programme_id: input.programme_id,
            kind: input.kind.clone(),
            note: String::new(),
            match_id: None,
            activity_id: None,
            confirm_duplicate: true,
            confirm_long_day: input.confirm_long_day,
        };
        Ok(DayHoursChange::Added { entry: self.log_hours(&difference, today)? })
    }

    /// Removes an entry (the undo right after saving one).
    pub fn delete_hour_entry(&mut self, id: HourEntryId, today: NaiveDate) -> Result<(), ApiError> {
        let entry = self.hour_entry(id)?;
        self.db.write(|tx| hour_entries::delete(tx, id).map_err(ApiError::from))?;
        self.evaluate_volunteer(entry.volunteer_id, today)
    }

    fn hour_entry(&self, id: HourEntryId) -> Result<HourEntry, ApiError> {
        hour_entries::get(self.db.conn(), id)?
            .map(HourEntry::from)
            .ok_or_else(|| ApiError::not_found("Deze inzet", "This entry"))
    }

    /// Volunteers who can log hours, the most recently used first.
    pub fn volunteer_choices(&self) -> Result<Vec<VolunteerChoice>, ApiError> {
        Ok(volunteers::by_last_use(self.db.conn())?
            .into_iter()
            .map(|(id, name, status, default_programme_id)| VolunteerChoice { id, name, status, default_programme_id })
            .collect())
    }

    /// The week holding `day`: volunteers (most recently used first) × Monday..Sunday.
    pub fn week_grid(&self, day: NaiveDate) -> Result<WeekGrid, ApiError> {
        let week = DateRange::week_of(day);
        let days: Vec<NaiveDate> = (0..7).map(|i| week.first + Days::new(i)).collect();
        let logged = hour_entries::minutes_per_day(self.db.conn(), week)?;
        let rows = self
            .volunteer_choices()?
            .into_iter()
            .map(|choice| {
                let minutes = days
                    .iter()
                    .map(|d| {
                        logged.iter().filter(|(v, date, _)| *v == choice.id && date == d).map(|(_, _, m)| *m).sum()
                    })
                    .collect();
                WeekRow {
                    volunteer_id: choice.id,
                    name: choice.name,
                    default_programme_id: choice.default_programme_id,
                    minutes,
                }
            })
            .collect();
        Ok(WeekGrid { week_start: week.first, week_number: week_number(week.first), days, rows })
    }
}
