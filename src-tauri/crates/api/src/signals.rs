//! Use cases for signals: evaluating volunteers with the core rules and carrying the lifecycle out in
//! the store, the attention list, a signal with its evidence, and the coordinator's actions.
//!
//! Signals are kept current: a volunteer is re-evaluated after every change that can matter to them
//! (the api calls [`Draagkracht::evaluate_volunteer`] from those use cases), and everyone once a day
//! ([`Draagkracht::refresh_signals`], called on start and whenever the window asks for the list).

use crate::wire::{
    AttentionRow, HourEntry, SignalAction, SignalActionInput, SignalDetail, SignalEvent, SignalView, ThresholdInput,
    ThresholdView, WeekLoad,
};
use crate::{ApiError, Draagkracht};
use chrono::{Datelike, Days, NaiveDate, Utc};
use draagkracht_core::complexity::{case_level, CaseLevel};
use draagkracht_core::period::{week_number, week_start, DateRange};
use draagkracht_core::signals::lifecycle::{reconcile, Change};
use draagkracht_core::signals::{evaluate, BranchFigures, EntryFact, History, MatchFact, ThresholdKey, Thresholds};
use draagkracht_core::{
    Field, HourKind, ProgrammeId, Refusal, RefusalCode, SignalId, SignalStatus, VolunteerId, VolunteerStatus,
};
use draagkracht_store::signals::{self, SignalRecord};
use draagkracht_store::{
    assessments, hour_entries, involvements, matches, programmes, referrals, settings, support, thresholds, volunteers,
};
use std::collections::HashMap;
use uuid::Uuid;

/// The setting that remembers the day everyone was last evaluated.
const EVALUATED_ON: &str = "signals_evaluated_on";
/// How far back the rules look (12 full weeks and the current one, with room to spare).
const HISTORY_DAYS: u64 = 100;

impl From<SignalRecord> for SignalView {
    fn from(s: SignalRecord) -> Self {
        Self {
            id: s.id,
            volunteer_id: s.volunteer_id,
            volunteer_name: s.volunteer_name,
            rule: s.rule,
            severity: s.severity,
            status: s.status,
            subject_match_id: s.subject,
            explanation: s.explanation_nl,
            explanation_en: s.explanation_en,
            evidence: s.evidence,
            cause_date: s.cause_date,
            opened_on: s.opened_on,
            snoozed_until: s.snoozed_until,
            closed_on: s.closed_on,
            resolution: s.resolution,
            resolution_note: s.resolution_note,
        }
    }
}

impl Draagkracht {
    /// The thresholds per programme: DOMAIN.md's defaults, what the coordinator changed, and every
    /// programme's maximum match length.
    fn thresholds(&self) -> Result<HashMap<ProgrammeId, Thresholds>, ApiError> {
        let conn = self.db.conn();
        let all_programmes = programmes::list(conn)?;
        let max_months: Vec<_> = all_programmes.iter().filter_map(|p| p.max_months.map(|m| (p.id, m))).collect();
        let (vog_years, caps) = self.support_policy()?;
        let grief = programmes::seeded_as(conn, "rouw")?;
        let mut out: HashMap<ProgrammeId, Thresholds> = all_programmes
            .iter()
            .map(|p| {
                // Grief support has intervision every 6 weeks (DOMAIN.md); other programmes 12.
                let supervision_weeks = if Some(p.id) == grief { 6 } else { Thresholds::default().supervision_weeks };
                let t = Thresholds {
                    max_months: max_months.clone(),
                    vog_years,
                    caps,
                    supervision_weeks,
                    ..Thresholds::default()
                };
                (p.id, t)
            })
            .collect();
        for (programme, key, value) in thresholds::all(conn)? {
            if let Some(t) = out.get_mut(&programme) {
                t.set(key, value);
            }
        }
        Ok(out)
    }

    /// The thresholds of one programme, as the settings screen shows them.
    pub fn programme_thresholds(&self, programme: ProgrammeId) -> Result<Vec<ThresholdView>, ApiError> {
        let t = self
            .thresholds()?
            .remove(&programme)
            .ok_or_else(|| ApiError::not_found("Dit project", "This programme"))?;
        Ok(ThresholdKey::ALL
            .into_iter()
            .map(|key| {
                let info = key.info();
                ThresholdView {
                    programme_id: programme,
                    key,
                    label: info.label_nl.into(),
                    label_en: info.label_en.into(),
                    value: t.get(key),
                    default_value: info.default,
                    changed: t.get(key) != info.default,
                    source: info.source_nl.into(),
                    source_en: info.source_en.into(),
                }
            })
            .collect())
    }

    /// Changes one threshold of one programme (empty: back to the default) and re-evaluates everyone.
    pub fn set_threshold(&mut self, input: &ThresholdInput, today: NaiveDate) -> Result<Vec<ThresholdView>, ApiError> {
        if programmes::get(self.db.conn(), input.programme_id)?.is_none() {
            return Err(ApiError::not_found("Dit project", "This programme"));
        }
        let value = if input.value.trim().is_empty() { None } else { Some(input.key.parse_value(&input.value)?) };
        self.db.write(|tx| {
            thresholds::set(tx, input.programme_id, input.key, value, Utc::now()).map_err(ApiError::from)
        })?;
        self.evaluate_all(today)?;
        self.programme_thresholds(input.programme_id)
    }

    /// The median work minutes in the last 28 days of active volunteers, per main programme.
    fn branch_figures(&self, today: NaiveDate) -> Result<BranchFigures, ApiError> {
        let conn = self.db.conn();
        let minutes: HashMap<VolunteerId, u32> =
            hour_entries::work_minutes_per_volunteer(conn, DateRange::last_four_weeks(today))?.into_iter().collect();
        let mut per_programme: HashMap<ProgrammeId, Vec<f64>> = HashMap::new();
        for (id, status, programme) in volunteers::main_programmes(conn)? {
            if let (VolunteerStatus::Active, Some(p)) = (status, programme) {
                per_programme.entry(p).or_default().push(f64::from(minutes.get(&id).copied().unwrap_or(0)));
            }
        }
        let median_minutes = per_programme
            .into_iter()
            .map(|(p, mut values)| {
                values.sort_by(f64::total_cmp);
                let mid = values.len() / 2;
                let median = if values.len() % 2 == 0 { (values[mid - 1] + values[mid]) / 2.0 } else { values[mid] };
                (p, median)
            })
            .collect();
        Ok(BranchFigures { median_minutes })
    }

    /// What the rules know about one volunteer.
    fn history(&self, id: VolunteerId, today: NaiveDate) -> Result<Option<History>, ApiError> {
        let conn = self.db.conn();
        let Some(volunteer) = volunteers::get(conn, id)? else { return Ok(None) };
        let entries = hour_entries::for_volunteer_since(conn, id, today - Days::new(HISTORY_DAYS))?
            .into_iter()
            .filter(|e| e.date <= today)
            .map(|e| EntryFact {
                id: e.id,
                date: e.date,
                minutes: e.minutes,
                kind: e.kind,
                programme: e.programme_id,
                match_id: e.match_id,
                activity: e.activity_name.zip(e.activity_level),
            })
            .collect();
        let involved = involvements::matches_with_active(conn, today)?;
        let mut facts = Vec::new();
        for m in matches::for_volunteer(conn, id)? {
            let history = assessments::for_match(conn, m.id)?; // newest first
            let latest = history.first();
            let level = case_level(latest.map(|a| &a.assessment));
            // The day the case became acute: the oldest of the latest run of acute assessments.
            let acute_since = (level == CaseLevel::Acute).then(|| {
                history
                    .iter()
                    .take_while(|a| case_level(Some(&a.assessment)) == CaseLevel::Acute)
                    .last()
                    .map(|a| a.date)
                    .unwrap_or(m.start_date)
            });
            facts.push(MatchFact {
                id: m.id,
                participant: m.participant_label.clone(),
                programme: m.programme_id,
                start: m.start_date,
                end: m.end_date,
                at_home: m.one_to_one_at_home,
                level,
                level_since: latest.map(|a| a.date),
                professional_involved: involved.contains(&m.id),
                acute_since,
                last_referral: referrals::for_match(conn, m.id)?.first().map(|r| r.referral.date),
            });
        }
        let year_start = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
        let mut allowances = Vec::new();
        for a in support::allowances(conn, id, year_start)? {
            let month = DateRange::month_of(a.month);
            // The hourly cap can only be judged on a month that is over: its hours are all in.
            let minutes = if month.last < today {
                hour_entries::sums_for_volunteer(conn, id, &[month], month)?.0.first().copied().unwrap_or(0)
            } else {
                0
            };
            allowances.push((a.month, a.cents, minutes));
        }
        let missing_trainings =
            self.required_trainings(id)?.into_iter().filter(|t| !t.done).map(|t| t.training).collect();
        Ok(Some(History {
            volunteer: id,
            agreed_minutes_per_week: volunteer.agreed_minutes_per_week,
            main_programme: volunteer.programmes.first().copied(),
            entries,
            matches: facts,
            last_supervision: support::supervision(conn, id)?.first().map(|s| s.date),
            last_check_in: support::check_ins(conn, id)?
                .first()
                .map(|c| (c.date, c.answers.iter().filter(|a| **a).count())),
            vog_date: support::vog_date(conn, id)?,
            missing_trainings,
            allowances,
        }))
    }

    /// Re-evaluates one volunteer and records what changed.
    pub fn evaluate_volunteer(&mut self, id: VolunteerId, today: NaiveDate) -> Result<(), ApiError> {
        let thresholds = self.thresholds()?;
        let branch = self.branch_figures(today)?;
        self.evaluate_with(id, &branch, &thresholds, today)
    }

    fn evaluate_with(
        &mut self,
        id: VolunteerId,
        branch: &BranchFigures,
        per_programme: &HashMap<ProgrammeId, Thresholds>,
        today: NaiveDate,
    ) -> Result<(), ApiError> {
        let Some(history) = self.history(id, today)? else { return Ok(()) };
        // The volunteer's own (first) programme sets the thresholds for their load.
        let fallback = Thresholds {
            max_months: per_programme.values().next().map(|t| t.max_months.clone()).unwrap_or_default(),
            ..Thresholds::default()
        };
        let t = history.main_programme.and_then(|p| per_programme.get(&p)).unwrap_or(&fallback);
        // Someone who stopped needs no attention any more: their live signals clear.
        let stopped = volunteers::get(self.db.conn(), id)?.is_some_and(|v| v.status == VolunteerStatus::Stopped);
        let fresh = if stopped { Vec::new() } else { evaluate(&history, branch, t, today) };
        let stored: Vec<_> = signals::for_volunteer(self.db.conn(), id)?.iter().map(SignalRecord::stored).collect();
        let changes = reconcile(&stored, fresh, today);
        if changes.is_empty() {
            return Ok(());
        }
        let live_status: HashMap<SignalId, SignalStatus> = stored.iter().map(|s| (s.id, s.status)).collect();
        let now = Utc::now();
        self.db.write(|tx| {
            for change in &changes {
                match change {
                    Change::Open(s) => signals::open(tx, SignalId(Uuid::now_v7()), s, today, now)?,
                    Change::Refresh(id, s) => signals::refresh(tx, *id, s, None, now)?,
                    Change::Wake(id, s) => signals::refresh(tx, *id, s, Some(today), now)?,
                    Change::Clear(id) => {
                        let from = live_status.get(id).copied().unwrap_or(SignalStatus::Open);
                        signals::set_status(tx, *id, from, SignalStatus::Cleared, today, None, None, None, now)?
                    }
                }
            }
            Ok::<_, ApiError>(())
        })
    }

    /// Re-evaluates everyone; returns how many signals are live afterwards.
    pub fn evaluate_all(&mut self, today: NaiveDate) -> Result<usize, ApiError> {
        let thresholds = self.thresholds()?;
        let branch = self.branch_figures(today)?;
        let ids: Vec<_> = volunteers::main_programmes(self.db.conn())?.into_iter().map(|(id, ..)| id).collect();
        for id in ids {
            self.evaluate_with(id, &branch, &thresholds, today)?;
        }
        self.db.write(|tx| settings::set(tx, EVALUATED_ON, &today.to_string()).map_err(ApiError::from))?;
        Ok(signals::live(self.db.conn())?.len())
    }

    /// Evaluates everyone once a day: on start and when the date has rolled over.
    pub fn refresh_signals(&mut self, today: NaiveDate) -> Result<(), ApiError> {
        if settings::get(self.db.conn(), EVALUATED_ON)?.as_deref() != Some(&today.to_string()) {
            self.evaluate_all(today)?;
        }
        Ok(())
    }

    /// Volunteers with live signals, the most severe first; snoozed signals wait until their date.
    pub fn attention_list(&mut self, today: NaiveDate) -> Result<Vec<AttentionRow>, ApiError> {
        self.refresh_signals(today)?;
        let mut rows: Vec<AttentionRow> = Vec::new();
        for s in signals::live(self.db.conn())? {
            if s.status == SignalStatus::Snoozed && s.snoozed_until.is_some_and(|d| d > today) {
                continue;
            }
            match rows.iter_mut().find(|r| r.volunteer_id == s.volunteer_id) {
                Some(row) => {
                    row.severity = row.severity.max(s.severity);
                    row.signals.push(s.into());
                }
                None => rows.push(AttentionRow {
                    volunteer_id: s.volunteer_id,
                    volunteer_name: s.volunteer_name.clone(),
                    severity: s.severity,
                    signals: vec![s.into()],
                }),
            }
        }
        for row in &mut rows {
            row.signals.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.rule.cmp(&b.rule)));
        }
        rows.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then(b.signals.len().cmp(&a.signals.len()))
                .then(a.volunteer_name.to_lowercase().cmp(&b.volunteer_name.to_lowercase()))
        });
        Ok(rows)
    }

    /// A volunteer's signals, newest first: the history on the volunteer page.
    pub fn volunteer_signals(&self, id: VolunteerId) -> Result<Vec<SignalView>, ApiError> {
        Ok(signals::for_volunteer(self.db.conn(), id)?.into_iter().map(SignalView::from).collect())
    }

    /// A signal with the entries and matches it rests on, the last 12 weeks' hours and its history.
    pub fn signal(&self, id: SignalId, today: NaiveDate) -> Result<SignalDetail, ApiError> {
        let conn = self.db.conn();
        let record = signals::get(conn, id)?.ok_or_else(not_found)?;
        let volunteer = volunteers::get(conn, record.volunteer_id)?.ok_or_else(not_found)?;
        let mut entries = Vec::new();
        for entry in &record.evidence.entries {
            if let Some(e) = hour_entries::get(conn, *entry)? {
                entries.push(HourEntry::from(e));
            }
        }
        let mut evidence_matches = Vec::new();
        let wanted: Vec<_> = record.evidence.matches.iter().chain(record.subject.iter()).copied().collect();
        for m in self.matches_of_volunteer(record.volunteer_id, today)? {
            if wanted.contains(&m.id) {
                evidence_matches.push(m);
            }
        }
        let weeks = self.weekly_load(record.volunteer_id, today)?;
        let history = signals::events(conn, id)?
            .into_iter()
            .map(|e| SignalEvent {
                on_date: e.on_date,
                from_status: e.from_status,
                to_status: e.to_status,
                resolution: e.resolution,
                note: e.note,
            })
            .collect();
        Ok(SignalDetail {
            signal: record.into(),
            entries,
            matches: evidence_matches,
            weeks,
            agreed_minutes_per_week: volunteer.agreed_minutes_per_week,
            history,
        })
    }

    /// Work minutes in each of the 12 full weeks before this one, and this one, oldest first.
    pub(crate) fn weekly_load(&self, id: VolunteerId, today: NaiveDate) -> Result<Vec<WeekLoad>, ApiError> {
        let this_week = week_start(today);
        let first = this_week - Days::new(7 * 12);
        let entries = hour_entries::for_volunteer_since(self.db.conn(), id, first)?;
        Ok((0..13u64)
            .map(|i| {
                let start = first + Days::new(7 * i);
                let range = DateRange::week_of(start);
                let minutes = entries
                    .iter()
                    .filter(|e| e.kind != HourKind::Training && range.contains(e.date) && e.date <= today)
                    .map(|e| e.minutes)
                    .sum();
                WeekLoad { week_start: start, week_number: week_number(start), minutes }
            })
            .collect())
    }

    /// Acknowledge, resolve (with an action, a note and a date), snooze until a date, or reopen.
    pub fn act_on_signal(
        &mut self,
        id: SignalId,
        input: &SignalActionInput,
        today: NaiveDate,
    ) -> Result<SignalDetail, ApiError> {
        let record = signals::get(self.db.conn(), id)?.ok_or_else(not_found)?;
        let from = record.status;
        let note = input.note.trim();
        let note = (!note.is_empty()).then_some(note);
        let date = |required: bool| -> Result<NaiveDate, ApiError> {
            if input.date.trim().is_empty() && !required {
                return Ok(today);
            }
            Ok(draagkracht_core::volunteer::parse_date(Field::Date, &input.date)?)
        };
        let (to, on, until, resolution) = match input.action {
            SignalAction::Acknowledge if from == SignalStatus::Open || from == SignalStatus::Snoozed => {
                (SignalStatus::Acknowledged, today, None, None)
            }
            SignalAction::Resolve if from.is_live() => {
                let resolution = input.resolution.ok_or_else(|| {
                    ApiError::from(Refusal::new(
                        Field::Resolution,
                        RefusalCode::Required,
                        "Kies wat je hebt gedaan.",
                        "Please choose what you did.",
                    ))
                })?;
                let on = date(false)?;
                if on > today || on < record.opened_on {
                    return Err(Refusal::new(
                        Field::Date,
                        RefusalCode::NotAllowed,
                        format!(
                            "Kies een datum tussen {} (toen het signaal kwam) en vandaag.",
                            record.opened_on.format("%d-%m-%Y")
                        ),
                        format!(
                            "Choose a date between {} (when the signal came) and today.",
                            record.opened_on.format("%d-%m-%Y")
                        ),
                    )
                    .into());
                }
                (SignalStatus::Resolved, on, None, Some(resolution))
            }
            SignalAction::Snooze if from.is_live() => {
                let until = date(true)?;
                if until <= today {
                    return Err(Refusal::new(
                        Field::Date,
                        RefusalCode::NotAllowed,
                        "Kies een datum na vandaag om het signaal tot dan te laten rusten.",
                        "Choose a date after today to snooze the signal until.",
                    )
                    .into());
                }
                (SignalStatus::Snoozed, today, Some(until), None)
            }
            SignalAction::Reopen if !from.is_live() || from == SignalStatus::Snoozed => {
                (SignalStatus::Open, today, None, None)
            }
            _ => {
                return Err(Refusal::new(
                    Field::Status,
                    RefusalCode::NotAllowed,
                    "Dat kan niet met een signaal in deze stand.",
                    "That is not possible for a signal in this state.",
                )
                .into())
            }
        };
        self.db.write(|tx| {
            signals::set_status(tx, id, from, to, on, until, resolution, note, Utc::now()).map_err(ApiError::from)
        })?;
        self.signal(id, today)
    }
}

fn not_found() -> ApiError {
    ApiError::not_found("Dit signaal", "This signal")
}
