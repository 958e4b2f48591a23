//! Use cases for signals: evaluating volunteers with the core rules and carrying the lifecycle out in
//! the store, the attention list, a signal with its evidence, and the coordinator's actions.
//!
//! Signals are kept current: a volunteer is re-evaluated after every change that can matter to them
//! (the api calls [`Draagkracht::evaluate_volunteer`] from those use cases), and everyone once a day
//! ([`Draagkracht::refresh_signals`], called on start and whenever the window asks for the list).

use crate::wire::{
    AttentionGroup, AttentionOverview, AttentionRow, HourEntry, SignalAction, SignalActionInput, SignalDetail,
    SignalEvent, SignalView, ThresholdInput, ThresholdView, WeekLoad,
};
use crate::{ApiError, Draagkracht};
use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use draagkracht_core::complexity::{case_level, CaseLevel};
use draagkracht_core::period::{week_number, week_start, DateRange};
use draagkracht_core::room::Load;
use draagkracht_core::signals::lifecycle::{reconcile, Change};
use draagkracht_core::signals::{
    evaluate, BranchFigures, EntryFact, History, MatchFact, Norms, ThresholdKey, Thresholds,
};
use draagkracht_core::{
    ActionGroup, Field, HourKind, MatchId, ProgrammeId, Refusal, RefusalCode, SignalId, SignalStatus, VolunteerId,
    VolunteerStatus,
};
use draagkracht_store::assessments::AssessmentRecord;
use draagkracht_store::signals::{self, SignalRecord};
use draagkracht_store::{facts, hour_entries, programmes, settings, thresholds, volunteer_load, volunteers};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// The setting that remembers the day everyone was last evaluated.
const EVALUATED_ON: &str = "signals_evaluated_on";
/// The settings that remember when this laptop's coordinator looked at the attention list: the
/// latest look, and the last one before this session.
const LOOKED_AT: &str = "attention_looked_at";
const LOOKED_BEFORE: &str = "attention_looked_before";
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
    pub(crate) fn thresholds(&self) -> Result<HashMap<ProgrammeId, Thresholds>, ApiError> {
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

    /// Every programme's thresholds with its name, and the branch's own: what the rules judge by.
    fn norms(&self) -> Result<Norms, ApiError> {
        let conn = self.db.conn();
        let all_programmes = programmes::list(conn)?;
        let (vog_years, caps) = self.support_policy()?;
        let max_months = all_programmes.iter().filter_map(|p| p.max_months.map(|m| (p.id, m))).collect();
        let mut norms = Norms::new(Thresholds { max_months, vog_years, caps, ..Thresholds::default() });
        let mut per_programme = self.thresholds()?;
        for p in all_programmes {
            if let Some(t) = per_programme.remove(&p.id) {
                norms.insert(p.id, p.name, t);
            }
        }
        Ok(norms)
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

    /// The branch figures, from a pass over the last 28 days (one volunteer's evaluation needs the
    /// whole branch's medians; evaluating everyone derives them from its own read instead).
    fn branch_figures(&self, today: NaiveDate) -> Result<BranchFigures, ApiError> {
        let conn = self.db.conn();
        let minutes: HashMap<VolunteerId, u32> =
            hour_entries::work_minutes_per_volunteer(conn, DateRange::last_four_weeks(today))?.into_iter().collect();
        Ok(BranchFigures::from_minutes(volunteers::main_programmes(conn)?.into_iter().filter_map(
            |(id, status, programme)| {
                let p = programme.filter(|_| status == VolunteerStatus::Active)?;
                Some((p, minutes.get(&id).copied().unwrap_or(0)))
            },
        )))
    }

    /// Evaluates one volunteer (`Some`) or everyone (`None`) and records what changed, reading
    /// everything the rules need in a handful of bulk queries and writing in one transaction.
    fn evaluate_scope(&mut self, only: Option<VolunteerId>, today: NaiveDate) -> Result<(), ApiError> {
        let rules = match only {
            Some(_) => self.rule_settings(today)?,
            None => RuleSettings { norms: self.norms()?, branch: None },
        };
        let planned = plan(self.db.conn(), only, &rules, today)?;
        self.db.write(|tx| apply(tx, &planned, today))?;
        self.branch_cache = Some((today, planned.branch));
        Ok(())
    }

    /// The thresholds per programme and the day's branch figures: what [`plan`] compares with when
    /// it evaluates one volunteer.
    pub(crate) fn rule_settings(&mut self, today: NaiveDate) -> Result<RuleSettings, ApiError> {
        Ok(RuleSettings { norms: self.norms()?, branch: Some(self.branch_figures_of(today)?) })
    }
    /// The benchmark's yardstick: one SQL aggregate pass over the entries the evaluation reads.
    #[doc(hidden)]
    pub fn aggregate_pass_for_benchmark(&self, first: NaiveDate, last: NaiveDate) -> Result<usize, ApiError> {
        Ok(hour_entries::work_minutes_per_volunteer(self.db.conn(), DateRange { first, last })?.len())
    }

    /// Re-evaluates one volunteer and records what changed.
    pub fn evaluate_volunteer(&mut self, id: VolunteerId, today: NaiveDate) -> Result<(), ApiError> {
        self.evaluate_scope(Some(id), today)
    }

    /// Re-evaluates everyone; returns how many signals are live afterwards.
    pub fn evaluate_all(&mut self, today: NaiveDate) -> Result<usize, ApiError> {
        self.evaluate_scope(None, today)?;
        self.db.write(|tx| settings::set(tx, EVALUATED_ON, &today.to_string()).map_err(ApiError::from))?;
        self.carry_over_acts()?;
        let live = signals::live_count(self.db.conn())?;
        // Reading every volunteer's history filled the page cache; a window left open all day does
        // not need it held (issue 14's idle memory). The next queries fill it again as they go.
        self.db.release_memory();
        Ok(live)
    }

    /// The branch figures of `today`, computed once a day (they move slowly; a per-entry
    /// recomputation would cost a scan of the whole branch's month).
    fn branch_figures_of(&mut self, today: NaiveDate) -> Result<BranchFigures, ApiError> {
        if let Some((day, figures)) = &self.branch_cache {
            if *day == today {
                return Ok(figures.clone());
            }
        }
        let figures = self.branch_figures(today)?;
        self.branch_cache = Some((today, figures.clone()));
        Ok(figures)
    }

    /// Evaluates everyone once a day: on start and when the date has rolled over.
    pub fn refresh_signals(&mut self, today: NaiveDate) -> Result<(), ApiError> {
        if settings::get(self.db.conn(), EVALUATED_ON)?.as_deref() != Some(&today.to_string()) {
            self.evaluate_all(today)?;
        }
        Ok(())
    }

    /// Volunteers with live signals, the most severe first; snoozed signals wait until their date.
    /// The evidence is left out here (the signal page has it).
    pub fn attention_list(&mut self, today: NaiveDate) -> Result<Vec<AttentionRow>, ApiError> {
        self.refresh_signals(today)?;
        let mut rows: Vec<AttentionRow> = Vec::new();
        let mut row_of: HashMap<VolunteerId, usize> = HashMap::new();
        for s in signals::live_without_evidence(self.db.conn())? {
            if s.status == SignalStatus::Snoozed && s.snoozed_until.is_some_and(|d| d > today) {
                continue;
            }
            match row_of.get(&s.volunteer_id) {
                Some(&i) => {
                    rows[i].severity = rows[i].severity.max(s.severity);
                    rows[i].signals.push(s.into());
                }
                None => {
                    row_of.insert(s.volunteer_id, rows.len());
                    rows.push(AttentionRow {
                        volunteer_id: s.volunteer_id,
                        volunteer_name: s.volunteer_name.clone(),
                        severity: s.severity,
                        signals: vec![s.into()],
                        new_signals: Vec::new(),
                    });
                }
            }
        }
        for row in &mut rows {
            row.signals.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.rule.cmp(&b.rule)));
        }
        sort_most_urgent_first(&mut rows);
        Ok(rows)
    }

    /// The attention list grouped by what to do (refer, talk this week, papers): a volunteer is in
    /// each group they have signals in, with that group's signals. Signals that opened since the
    /// coordinator's previous session are marked new.
    pub fn attention_overview(&mut self, today: NaiveDate) -> Result<AttentionOverview, ApiError> {
        let rows = self.attention_list(today)?;
        // Signals are new when made after the coordinator's last look before this session (or,
        // the first time ever, after this session's first look). Every look is recorded.
        let now = Utc::now();
        let previous = settings::get(self.db.conn(), LOOKED_AT)?;
        let (new_since, looked_before) = match self.new_since {
            Some(since) => (since, settings::get(self.db.conn(), LOOKED_BEFORE)?),
            None => {
                let since = previous
                    .as_deref()
                    .and_then(|text| DateTime::parse_from_rfc3339(text).ok())
                    .map_or(now, |d| d.with_timezone(&Utc));
                self.new_since = Some(since);
                let before = previous.clone().unwrap_or_default();
                self.db.write(|tx| settings::set(tx, LOOKED_BEFORE, &before).map_err(ApiError::from))?;
                (since, previous)
            }
        };
        self.db.write(|tx| settings::set(tx, LOOKED_AT, &now.to_rfc3339()).map_err(ApiError::from))?;
        let looked_before = looked_before.filter(|text| !text.is_empty());
        let created: HashMap<SignalId, DateTime<Utc>> = signals::live_created_at(self.db.conn())?.into_iter().collect();
        let is_new = |id: &SignalId| created.get(id).is_some_and(|at| *at > new_since);
        let groups = ActionGroup::ALL
            .into_iter()
            .map(|group| {
                let mut rows: Vec<AttentionRow> = rows
                    .iter()
                    .filter_map(|row| {
                        let signals: Vec<SignalView> =
                            row.signals.iter().filter(|s| s.rule.action() == group).cloned().collect();
                        let severity = signals.iter().map(|s| s.severity).max()?;
                        let new_signals = signals.iter().map(|s| s.id).filter(|id| is_new(id)).collect();
                        Some(AttentionRow { severity, signals, new_signals, ..row.clone() })
                    })
                    .collect();
                sort_most_urgent_first(&mut rows);
                let new_count = rows.iter().map(|r| r.new_signals.len() as u32).sum();
                AttentionGroup { group, rows, new_count }
            })
            .collect();
        Ok(AttentionOverview { groups, looked_before })
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
            guide: self.guide_of(record.rule)?,
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
        Ok(crate::load::minutes_per_week(&entries, first, 13, today)
            .into_iter()
            .map(|(week, minutes)| WeekLoad { week_start: week.first, week_number: week_number(week.first), minutes })
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
        let act = signals::SignalAct {
            id: uuid::Uuid::now_v7().to_string(),
            volunteer_id: record.volunteer_id,
            rule: record.rule,
            subject: record.subject,
            to,
            on,
            snoozed_until: until,
            resolution,
            note: note.map(String::from),
            created_at: Utc::now(),
        };
        self.db.write(|tx| {
            signals::set_status(tx, id, from, to, on, until, resolution, note, act.created_at)?;
            // The act travels to the other laptops of a shared branch (their signals are their own).
            signals::record_act(tx, &act).map_err(ApiError::from)
        })?;
        self.signal(id, today)
    }

    /// Carries the acts made on other laptops over to this laptop's signals: each to the newest
    /// signal of its volunteer, rule and subject, unless a coordinator changed that signal later.
    /// An act whose signal this laptop has not computed (yet) waits for the next evaluation.
    pub(crate) fn carry_over_acts(&mut self) -> Result<usize, ApiError> {
        let acts = signals::acts_to_carry_over(self.db.conn())?;
        let mut carried = 0;
        for act in acts {
            let Some((signal, last_change)) =
                signals::latest_for(self.db.conn(), act.volunteer_id, act.rule, act.subject)?
            else {
                continue;
            };
            let newer = last_change.as_deref().is_none_or(|last| act.created_at.to_rfc3339().as_str() > last);
            self.db.write(|tx| {
                if newer && signal.status != act.to {
                    signals::set_status(
                        tx,
                        signal.id,
                        signal.status,
                        act.to,
                        act.on,
                        act.snoozed_until,
                        act.resolution,
                        act.note.as_deref(),
                        act.created_at,
                    )?;
                }
                signals::mark_carried_over(tx, &act.id).map_err(ApiError::from)
            })?;
            carried += 1;
        }
        Ok(carried)
    }
}

/// What the rules compare with, prepared once per evaluation.
pub(crate) struct RuleSettings {
    norms: Norms,
    /// `None` when evaluating everyone: [`plan`] derives them from what it reads.
    branch: Option<BranchFigures>,
}

/// What an evaluation changes, and the branch figures it compared with.
pub(crate) struct Planned {
    pub changes: Vec<(Change<SignalId>, SignalStatus)>,
    pub branch: BranchFigures,
    /// Each evaluated volunteer's load, kept for the room for a new match.
    pub loads: Vec<(VolunteerId, Load)>,
}

/// The changes a fresh evaluation of one volunteer (or everyone) makes to the stored signals, read
/// in bulk from `conn` (also inside a transaction, which sees its own writes).
pub(crate) fn plan(
    conn: &draagkracht_store::Connection,
    only: Option<VolunteerId>,
    rules: &RuleSettings,
    today: NaiveDate,
) -> Result<Planned, ApiError> {
    let since = today - Days::new(HISTORY_DAYS);
    let year_start = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let this_month = DateRange::month_of(today).first;

    let mut entries: HashMap<VolunteerId, Vec<EntryFact>> = HashMap::new();
    for e in facts::entries(conn, only, since, today)? {
        entries.entry(e.volunteer).or_default().push(EntryFact {
            id: e.id,
            date: e.date,
            minutes: e.minutes,
            kind: e.kind,
            programme: e.programme,
            match_id: e.match_id,
            activity: e.activity,
        });
    }
    let mut history_of: HashMap<MatchId, Vec<AssessmentRecord>> = HashMap::new();
    for a in facts::assessments(conn, only)? {
        history_of.entry(a.match_id).or_default().push(a);
    }
    let involved: HashSet<MatchId> = facts::matches_with_professional(conn, only, today)?.into_iter().collect();
    let referred: HashMap<MatchId, NaiveDate> = facts::latest_referrals(conn, only)?.into_iter().collect();
    let mut matches_of: HashMap<VolunteerId, Vec<MatchFact>> = HashMap::new();
    for m in facts::memberships(conn, only)? {
        let history = history_of.get(&m.match_id).map(Vec::as_slice).unwrap_or_default(); // oldest first
        let latest = history.last();
        let level = case_level(latest.map(|a| &a.assessment));
        // The day the case became acute: the oldest of the latest run of acute assessments.
        let acute_since = (level == CaseLevel::Acute).then(|| {
            history
                .iter()
                .rev()
                .take_while(|a| case_level(Some(&a.assessment)) == CaseLevel::Acute)
                .last()
                .map(|a| a.date)
                .unwrap_or(m.start)
        });
        matches_of.entry(m.volunteer).or_default().push(MatchFact {
            id: m.match_id,
            participant: m.participant,
            programme: m.programme,
            start: m.start,
            end: m.end,
            at_home: m.at_home,
            level,
            level_since: latest.map(|a| a.date),
            levels: history.iter().map(|a| (a.date, case_level(Some(&a.assessment)))).collect(),
            professional_involved: involved.contains(&m.match_id),
            acute_since,
            last_referral: referred.get(&m.match_id).copied(),
        });
    }
    let supervision: HashMap<VolunteerId, NaiveDate> = facts::latest_supervision(conn, only)?.into_iter().collect();
    let mut check_in: HashMap<VolunteerId, (NaiveDate, usize)> = HashMap::new();
    for (v, date, answers) in facts::check_ins(conn, only)? {
        check_in.insert(v, (date, answers.chars().filter(|c| *c == '1').count()));
        // oldest first: the last wins
    }
    let mut trained: HashMap<VolunteerId, HashSet<String>> = HashMap::new();
    for (v, name) in facts::trainings(conn, only)? {
        trained.entry(v).or_default().insert(name);
    }
    let required: HashMap<ProgrammeId, String> = facts::required_trainings(conn)?.into_iter().collect();
    let memberships = facts::programme_memberships(conn, only)?;
    let mut missing: HashMap<VolunteerId, Vec<String>> = HashMap::new();
    for &(v, p) in &memberships {
        if let Some(training) = required.get(&p) {
            if !trained.get(&v).is_some_and(|t| t.contains(&training.to_lowercase())) {
                missing.entry(v).or_default().push(training.clone());
            }
        }
    }
    // The hourly cap can only be judged on months that are over: their hours are all in.
    let minutes: HashMap<(VolunteerId, NaiveDate), u32> =
        facts::monthly_minutes(conn, only, year_start, this_month - Days::new(1))?
            .into_iter()
            .map(|(v, m, minutes)| ((v, m), minutes))
            .collect();
    let mut allowances: HashMap<VolunteerId, Vec<(NaiveDate, u32, u32)>> = HashMap::new();
    for (v, month, cents) in facts::allowances(conn, only, year_start)? {
        let worked = if month < this_month { minutes.get(&(v, month)).copied().unwrap_or(0) } else { 0 };
        allowances.entry(v).or_default().push((month, cents, worked));
    }
    let mut stored: HashMap<VolunteerId, Vec<_>> = HashMap::new();
    for (v, s) in facts::stored_signals(conn, only)? {
        stored.entry(v).or_default().push(s);
    }

    let everyone = facts::volunteers(conn, only)?;
    let branch = match &rules.branch {
        Some(known) => known.clone(),
        None => {
            let window = DateRange::last_four_weeks(today);
            BranchFigures::from_minutes(everyone.iter().filter_map(|(id, status, _, _, main)| {
                let p = main.filter(|_| *status == VolunteerStatus::Active)?;
                let minutes = entries.get(id).map_or(0, |list| {
                    list.iter()
                        .filter(|e| window.contains(e.date) && e.kind != HourKind::Training)
                        .map(|e| e.minutes)
                        .sum()
                });
                Some((p, minutes))
            }))
        }
    };
    let mut changes = Vec::new();
    let mut loads = Vec::with_capacity(everyone.len());
    let mut programmes_of: HashMap<VolunteerId, Vec<ProgrammeId>> = HashMap::new();
    for (v, p) in memberships {
        programmes_of.entry(v).or_default().push(p);
    }
    for (id, status, agreed, vog, main) in everyone {
        // Their main programme first, then the others.
        let mut programmes = programmes_of.remove(&id).unwrap_or_default();
        programmes.sort_by_key(|p| Some(*p) != main);
        let history = History {
            volunteer: id,
            status,
            agreed_minutes_per_week: agreed,
            programmes,
            entries: entries.remove(&id).unwrap_or_default(),
            matches: matches_of.remove(&id).unwrap_or_default(),
            last_supervision: supervision.get(&id).copied(),
            last_check_in: check_in.get(&id).copied(),
            vog_date: vog,
            missing_trainings: missing.remove(&id).unwrap_or_default(),
            allowances: allowances.remove(&id).unwrap_or_default(),
        };
        loads.push((id, Load::of(&history, today)));
        // Someone who stopped raises nothing, so their live signals clear.
        let fresh = evaluate(&history, &branch, &rules.norms, today);
        let theirs = stored.remove(&id).unwrap_or_default();
        let live: HashMap<SignalId, SignalStatus> = theirs.iter().map(|s| (s.id, s.status)).collect();
        for change in reconcile(&theirs, fresh, today) {
            let from = match &change {
                Change::Clear(id) => live.get(id).copied().unwrap_or(SignalStatus::Open),
                _ => SignalStatus::Open,
            };
            changes.push((change, from));
        }
    }
    Ok(Planned { changes, branch, loads })
}

/// Carries the planned changes out.
pub(crate) fn apply(tx: &draagkracht_store::Transaction, planned: &Planned, today: NaiveDate) -> Result<(), ApiError> {
    let now = Utc::now();
    volunteer_load::keep(tx, today, &planned.loads)?;
    for (change, from) in &planned.changes {
        match change {
            Change::Open(s) => signals::open(tx, SignalId(Uuid::now_v7()), s, today, now)?,
            Change::Refresh(id, s) => signals::refresh(tx, *id, s, None, now)?,
            Change::Wake(id, s) => signals::refresh(tx, *id, s, Some(today), now)?,
            Change::Clear(id) => {
                signals::set_status(tx, *id, *from, SignalStatus::Cleared, today, None, None, None, now)?
            }
        }
    }
    Ok(())
}

/// The attention list's order: the most severe first, then the most signals, then by name.
fn sort_most_urgent_first(rows: &mut [AttentionRow]) {
    rows.sort_by_cached_key(|r| {
        (std::cmp::Reverse(r.severity), std::cmp::Reverse(r.signals.len()), r.volunteer_name.to_lowercase())
    });
}

fn not_found() -> ApiError {
    ApiError::not_found("Dit signaal", "This signal")
}
