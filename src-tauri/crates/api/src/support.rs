//! Use cases for what keeps a volunteer supported: the VOG, trainings, intervision and supervision,
//! strain check-ins and allowances; and the branch's settings for the VOG policy and allowance caps.
//! Every change re-evaluates the volunteer's signals.

use crate::wire::{
    AllowanceView, CheckInView, RequiredTraining, Statement, SupervisionView, SupportInput, SupportSettings,
    SupportSettingsInput, TrainingView, VolunteerSupport,
};
use crate::{ApiError, Draagkracht};
use chrono::{Datelike, Months, NaiveDate, Utc};
use draagkracht_core::duration::{parse_plausible_day_hours, PLAUSIBLE_DAY_HOURS};
use draagkracht_core::support::{
    past_date, strain_band, validate_allowance, validate_check_in, validate_note, validate_training, AllowanceCaps,
    CHECK_IN_STATEMENTS,
};
use draagkracht_core::{Field, Refusal, RefusalCode, VolunteerId};
use draagkracht_store::{programmes, settings, support, volunteers};

impl Draagkracht {
    /// The branch's VOG policy (years) and allowance caps, or their defaults.
    pub(crate) fn support_policy(&self) -> Result<(u32, AllowanceCaps), ApiError> {
        let conn = self.db.conn();
        let years = settings::get(conn, settings::VOG_YEARS)?.and_then(|y| y.parse().ok()).unwrap_or(3);
        let caps = settings::get(conn, settings::ALLOWANCE_CAPS)?
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default();
        Ok((years, caps))
    }

    /// Required trainings of the volunteer's programmes, and whether each is done.
    pub(crate) fn required_trainings(&self, id: VolunteerId) -> Result<Vec<RequiredTraining>, ApiError> {
        let conn = self.db.conn();
        let Some(volunteer) = volunteers::get(conn, id)? else { return Ok(Vec::new()) };
        let done: Vec<String> = support::trainings(conn, id)?.into_iter().map(|t| t.name.to_lowercase()).collect();
        let mut out = Vec::new();
        for p in volunteer.programmes {
            if let (Some(training), Some(programme)) = (support::required_training(conn, p)?, programmes::get(conn, p)?)
            {
                out.push(RequiredTraining {
                    programme_id: p,
                    programme_name: programme.name,
                    done: done.contains(&training.to_lowercase()),
                    training,
                });
            }
        }
        Ok(out)
    }

    pub fn volunteer_support(&self, id: VolunteerId, today: NaiveDate) -> Result<VolunteerSupport, ApiError> {
        let conn = self.db.conn();
        if !volunteers::exists(conn, id)? {
            return Err(ApiError::not_found("Deze vrijwilliger", "This volunteer"));
        }
        let (years, _) = self.support_policy()?;
        let vog_date = support::vog_date(conn, id)?;
        let since = NaiveDate::from_ymd_opt(today.year() - 1, 1, 1).unwrap_or(today);
        Ok(VolunteerSupport {
            volunteer_id: id,
            vog_date,
            vog_expires: vog_date.and_then(|d| d.checked_add_months(Months::new(12 * years))),
            trainings: support::trainings(conn, id)?
                .into_iter()
                .map(|t| TrainingView { name: t.name, date: t.date })
                .collect(),
            required_trainings: self.required_trainings(id)?,
            supervision: support::supervision(conn, id)?
                .into_iter()
                .map(|s| SupervisionView { date: s.date, kind: s.kind, note: s.note })
                .collect(),
            check_ins: support::check_ins(conn, id)?
                .into_iter()
                .map(|c| {
                    let yes = c.answers.iter().filter(|a| **a).count();
                    CheckInView {
                        date: c.date,
                        yes: yes as u32,
                        band: strain_band(yes),
                        answers: c.answers,
                        note: c.note,
                    }
                })
                .collect(),
            allowances: support::allowances(conn, id, since)?
                .into_iter()
                .map(|a| AllowanceView { month: a.month, cents: a.cents })
                .collect(),
            statements: CHECK_IN_STATEMENTS
                .iter()
                .map(|(nl, en)| Statement { nl: nl.to_string(), en: en.to_string() })
                .collect(),
        })
    }

    /// Records one change to a volunteer's support and re-evaluates their signals.
    pub fn record_support(
        &mut self,
        id: VolunteerId,
        input: &SupportInput,
        today: NaiveDate,
    ) -> Result<VolunteerSupport, ApiError> {
        if !volunteers::exists(self.db.conn(), id)? {
            return Err(ApiError::not_found("Deze vrijwilliger", "This volunteer"));
        }
        let now = Utc::now();
        match input {
            SupportInput::Vog { date } => {
                let date = if date.trim().is_empty() { None } else { Some(past_date(Field::VogDate, date, today)?) };
                self.db.write(|tx| support::set_vog_date(tx, id, date).map_err(ApiError::from))?;
            }
            SupportInput::Training { name, date } => {
                let (name, date) = validate_training(name, date, today)?;
                self.db.write(|tx| support::add_training(tx, id, &name, date, now).map_err(ApiError::from))?;
            }
            SupportInput::Supervision { date, kind, note } => {
                let date = past_date(Field::Date, date, today)?;
                let note = validate_note(note)?;
                self.db.write(|tx| {
                    support::add_supervision(tx, id, date, *kind, note.as_deref(), now).map_err(ApiError::from)
                })?;
            }
            SupportInput::CheckIn { date, answers, note } => {
                let (date, answers) = validate_check_in(date, answers, today)?;
                let note = validate_note(note)?;
                self.db.write(|tx| {
                    support::add_check_in(tx, id, date, &answers, note.as_deref(), now).map_err(ApiError::from)
                })?;
            }
            SupportInput::Allowance { month, amount } => {
                let (month, cents) = validate_allowance(month, amount)?;
                if month > today {
                    return Err(Refusal::new(
                        Field::Month,
                        RefusalCode::InFuture,
                        "Een vergoeding leg je vast voor deze of een eerdere maand.",
                        "Record an allowance for this month or an earlier one.",
                    )
                    .into());
                }
                self.db.write(|tx| support::set_allowance(tx, id, month, cents, now).map_err(ApiError::from))?;
            }
        }
        self.evaluate_volunteer(id, today)?;
        self.volunteer_support(id, today)
    }

    /// Sets (or, with an empty text, removes) the training a programme requires.
    pub fn set_required_training(
        &mut self,
        programme: draagkracht_core::ProgrammeId,
        training: &str,
        today: NaiveDate,
    ) -> Result<(), ApiError> {
        let training = draagkracht_core::refusal::optional_training(training)?;
        if !self
            .db
            .write(|tx| support::set_required_training(tx, programme, training.as_deref()).map_err(ApiError::from))?
        {
            return Err(ApiError::not_found("Dit project", "This programme"));
        }
        self.evaluate_all(today)?;
        Ok(())
    }

    pub fn support_settings(&self) -> Result<SupportSettings, ApiError> {
        let (vog_years, caps) = self.support_policy()?;
        Ok(SupportSettings {
            vog_years,
            default_vog_years: 3,
            caps,
            default_caps: AllowanceCaps::default(),
            caps_source: "Belastingdienst, vrijwilligersvergoeding 2025: € 5,60 per uur (21+), € 3,30 (jonger), € 210 per maand, € 2.100 per jaar.".into(),
            caps_source_en: "Dutch tax authority, volunteer allowance 2025: €5.60 an hour (21+), €3.30 (younger), €210 a month, €2,100 a year.".into(),
            plausible_day_hours: self.plausible_day_hours()?,
            default_plausible_day_hours: PLAUSIBLE_DAY_HOURS,
        })
    }

    /// The branch's plausible day in hours, or the default.
    pub(crate) fn plausible_day_hours(&self) -> Result<u32, ApiError> {
        Ok(settings::get(self.db.conn(), settings::PLAUSIBLE_DAY_HOURS)?
            .and_then(|h| parse_plausible_day_hours(&h).ok())
            .unwrap_or(PLAUSIBLE_DAY_HOURS))
    }

    pub fn set_support_settings(
        &mut self,
        input: &SupportSettingsInput,
        today: NaiveDate,
    ) -> Result<SupportSettings, ApiError> {
        // Every field on its own, so the form shows all its refusals at once.
        let years = input.vog_years.trim().parse::<u32>().ok().filter(|y| (1..=10).contains(y)).ok_or_else(|| {
            Refusal::new(
                Field::VogYears,
                RefusalCode::NotAllowed,
                "Kies 1 tot en met 10 jaar.",
                "Choose 1 to 10 years.",
            )
        });
        let cents = |field: Field, raw: &str| {
            validate_allowance("2025-01", raw).map(|(_, c)| c).map_err(|r| Refusal { field, ..r })
        };
        let caps = [
            cents(Field::PerHour21Plus, &input.per_hour_21_plus),
            cents(Field::PerHourUnder21, &input.per_hour_under_21),
            cents(Field::PerMonth, &input.per_month),
            cents(Field::PerYear, &input.per_year),
        ];
        let plausible = input.plausible_day_hours.as_deref().map(parse_plausible_day_hours).transpose();
        Refusal::all(
            [years.as_ref().err(), plausible.as_ref().err()].into_iter().chain(caps.iter().map(|c| c.as_ref().err())),
        )?;
        let [per_hour_21_plus, per_hour_under_21, per_month, per_year] = caps.map(|c| c.unwrap_or_default());
        let caps = AllowanceCaps { per_hour_21_plus, per_hour_under_21, per_month, per_year };
        let (years, plausible) = (years?, plausible?);
        let json = serde_json::to_string(&caps).unwrap_or_default();
        self.db.write(|tx| {
            settings::set(tx, settings::VOG_YEARS, &years.to_string())?;
            if let Some(hours) = plausible {
                settings::set(tx, settings::PLAUSIBLE_DAY_HOURS, &hours.to_string())?;
            }
            settings::set(tx, settings::ALLOWANCE_CAPS, &json).map_err(ApiError::from)
        })?;
        self.evaluate_all(today)?;
        self.support_settings()
    }
}
