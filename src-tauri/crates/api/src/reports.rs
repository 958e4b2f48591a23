//! Reports for funders and the board: the facts of a period and scope gathered from the store,
//! turned into figures and a document by `core::report`, previewed in the window, and written as
//! PDF, Excel or CSV by the `draagkracht-report` crate. A report is read-only work: nothing in the
//! database changes, except the report settings when the coordinator saves them.

use crate::destination::{check_folder, write_whole};
use crate::load::level_on;
use crate::wire::{
    Language, PreviewFigure, PreviewSection, PreviewTable, ReportAudience, ReportFormat, ReportInput, ReportPreview,
    ReportSaved, ReportSettings, ReportSettingsInput,
};
use crate::{ApiError, Draagkracht, ErrorCode};
use chrono::{Datelike, NaiveDate};
use draagkracht_core::complexity::ZrmScores;
use draagkracht_core::goals::ZrmChange;
use draagkracht_core::refusal::Field;
use draagkracht_core::report::figures::{MatchFact, MinutesFact, ReportFacts, SignalFact, YearFacts};
use draagkracht_core::report::{self, Audience, Cover, ReportDocument};
use draagkracht_core::{CaseLevel, DateRange, MatchId};
use draagkracht_report::CsvDialect;
use draagkracht_store::assessments::{self, AssessmentRecord};
use draagkracht_store::{funding, goals, programmes, reports, settings};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// How many calendar years the trend shows, the period's own last year included.
pub(crate) const TREND_YEARS: i32 = 6;

/// What a report's facts include beyond the sums.
pub(crate) struct Wanted<'h> {
    /// The trend's first year (the period's own year: no earlier years).
    pub trend_from: i32,
    /// Every match's assessments, when the caller makes many reports at once (a publication):
    /// read once instead of for each.
    pub history: Option<&'h History>,
    /// The stories chosen for reports, checked as of this day (`None`: none).
    pub stories_of: Option<NaiveDate>,
    /// Each volunteer's minutes by name (internal reports only).
    pub names: bool,
}

/// Every match's assessments, by match.
pub(crate) type History = HashMap<MatchId, Vec<AssessmentRecord>>;

impl Draagkracht {
    pub(crate) fn history(&self) -> Result<History, ApiError> {
        let mut history: History = HashMap::new();
        for a in assessments::all(self.db.conn())? {
            history.entry(a.match_id).or_default().push(a);
        }
        Ok(history)
    }
}

pub(crate) fn language(l: Language) -> report::Language {
    match l {
        Language::Nl => report::Language::Nl,
        Language::En => report::Language::En,
    }
}

impl Draagkracht {
    pub fn report_settings(&self) -> Result<ReportSettings, ApiError> {
        let conn = self.db.conn();
        let demo = settings::get(conn, settings::DEMO)?.is_some();
        let default_branch = if demo { "Demo-afdeling (verzonnen)" } else { "Mijn afdeling" };
        Ok(ReportSettings {
            branch_name: settings::get(conn, settings::BRANCH_NAME)?.unwrap_or_else(|| default_branch.into()),
            hour_rate_cents: settings::get(conn, settings::HOUR_RATE_CENTS)?
                .and_then(|v| v.parse().ok())
                .unwrap_or(report::DEFAULT_HOUR_RATE_CENTS),
            hour_rate_source: settings::get(conn, settings::HOUR_RATE_SOURCE)?
                .unwrap_or_else(|| report::DEFAULT_HOUR_RATE_SOURCE.into()),
        })
    }

    pub fn set_report_settings(&mut self, input: ReportSettingsInput) -> Result<ReportSettings, ApiError> {
        let (branch, cents, source) =
            report::parse_settings(&input.branch_name, &input.hour_rate, &input.hour_rate_source)?;
        self.db.write(|tx| {
            settings::set(tx, settings::BRANCH_NAME, &branch)?;
            settings::set(tx, settings::HOUR_RATE_CENTS, &cents.to_string())?;
            settings::set(tx, settings::HOUR_RATE_SOURCE, &source)
        })?;
        self.report_settings()
    }

    /// The report as a document: what every format renders.
    pub fn report_document(&self, input: &ReportInput, today: NaiveDate) -> Result<ReportDocument, ApiError> {
        let (figures, audience, lang, cover) = self.report_figures(input, today)?;
        Ok(report::build(&figures, audience, lang, &cover))
    }

    /// The report's figures before the builder decides what its audience sees, with the cover.
    pub fn report_figures(
        &self,
        input: &ReportInput,
        today: NaiveDate,
    ) -> Result<(report::ReportFigures, Audience, report::Language, Cover), ApiError> {
        let range = report::parse_period(&input.from, &input.to, today)?;
        let audience = match input.audience {
            ReportAudience::Funder => Audience::Funder,
            ReportAudience::Internal => Audience::Internal,
        };
        let lang = language(input.language);
        let (scope, scope_text) = self.report_scope(input, lang)?;
        let wanted = Wanted {
            history: None,
            trend_from: range.last.year() - (TREND_YEARS - 1),
            stories_of: Some(today),
            names: audience == Audience::Internal,
        };
        let facts = self.report_facts(range, &scope, &wanted)?;
        let settings = self.report_settings()?;
        let cover = Cover { branch: settings.branch_name, scope: scope_text, made_on: today };
        Ok((facts.figures(), audience, lang, cover))
    }

    /// Everything a report over `range` and `scope` is computed from, as the store sums it.
    pub(crate) fn report_facts(
        &self,
        range: DateRange,
        scope: &reports::Scope,
        wanted: &Wanted<'_>,
    ) -> Result<ReportFacts, ApiError> {
        let conn = self.db.conn();
        let in_scope: Vec<_> = match &scope.programmes {
            Some(ids) => programmes::list(conn)?.into_iter().filter(|p| ids.contains(&p.id)).collect(),
            None => programmes::list(conn)?,
        };
        let index: HashMap<_, _> = in_scope.iter().enumerate().map(|(i, p)| (p.id, i)).collect();

        let minutes = reports::minutes(conn, range, scope)?
            .into_iter()
            .filter_map(|(p, month, training, level, minutes)| {
                let month = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").ok()?;
                Some(MinutesFact { programme: *index.get(&p)?, month, training, level, minutes })
            })
            .collect();
        let (active_volunteers, new_volunteers, stopped_volunteers) = reports::headcounts(conn, range, scope)?;

        let read;
        let history = match wanted.history {
            Some(h) => h,
            None => {
                read = self.history()?;
                &read
            }
        };
        let spans = reports::match_spans(conn, range.last, scope)?;
        let running_in = |r: DateRange| {
            spans.iter().filter(move |(_, _, start, end)| *start <= r.last && end.is_none_or(|e| e >= r.first))
        };
        let level_at = |(id, _, _, end): &reports::MatchSpan, r: DateRange| {
            level_on(history.get(id), end.unwrap_or(r.last).min(r.last))
        };
        let match_facts = running_in(range)
            .map(|m| MatchFact { participant: m.1, start: m.2, end: m.3, level: level_at(m, range) })
            .collect();

        let first_year = wanted.trend_from.min(range.last.year());
        let trend_range =
            DateRange { first: NaiveDate::from_ymd_opt(first_year, 1, 1).unwrap_or(range.first), last: range.last };
        let hour_years: HashMap<i32, reports::YearRow> =
            reports::years(conn, trend_range, scope)?.into_iter().map(|y| (y.0, y)).collect();
        let years = (first_year..=range.last.year())
            .filter_map(|year| {
                let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
                let last = NaiveDate::from_ymd_opt(year, 12, 31)?.min(range.last);
                let r = DateRange { first, last };
                let levels: Vec<CaseLevel> = running_in(r).map(|m| level_at(m, r)).collect();
                let (_, volunteers, work, volunteer_level, grey, professional) =
                    hour_years.get(&year).copied().unwrap_or((year, 0, 0, 0, 0, 0));
                let count = |l: CaseLevel| levels.iter().filter(|x| **x == l).count() as u32;
                Some(YearFacts {
                    year,
                    volunteers,
                    work_minutes: work,
                    matches: levels.len() as u32,
                    complex: count(CaseLevel::Complex),
                    acute: count(CaseLevel::Acute),
                    volunteer_level_minutes: volunteer_level,
                    grey_minutes: grey,
                    professional_minutes: professional,
                })
            })
            // Years before the branch kept any records say nothing.
            .skip_while(|y| y.work_minutes == 0 && y.matches == 0)
            .collect();

        let settings = self.report_settings()?;
        Ok(ReportFacts {
            range,
            programmes: in_scope.iter().map(|p| p.name.clone()).collect(),
            minutes,
            active_volunteers,
            new_volunteers,
            stopped_volunteers,
            matches: match_facts,
            referrals: reports::referral_kinds(conn, range, scope)?,
            signals: reports::signal_dates(conn, range, scope)?
                .into_iter()
                .map(|(opened_on, resolved_on, resolution, rule)| SignalFact {
                    rule,
                    opened_on,
                    resolved_on,
                    resolution,
                })
                .collect(),
            years,
            hour_rate_cents: settings.hour_rate_cents,
            hour_rate_source: settings.hour_rate_source,
            stories: match wanted.stories_of {
                Some(today) => self.stories_for_report(range, today)?,
                None => Vec::new(),
            },
            goal_results: {
                let in_scope: HashSet<MatchId> = spans.iter().map(|s| s.0).collect();
                goals::results_ended_in(conn, range)?
                    .into_iter()
                    .filter(|(m, _, _)| in_scope.contains(m))
                    .map(|(m, end, result)| (level_on(history.get(&m), end), result))
                    .collect()
            },
            zrm_changes: spans
                .iter()
                .filter(|(_, _, _, end)| end.is_some_and(|e| range.contains(e)))
                .filter_map(|(id, ..)| {
                    let mut scored: Vec<&ZrmScores> =
                        history.get(id)?.iter().filter_map(|a| a.assessment.zrm.as_ref()).collect();
                    scored.sort_by_key(|z| z.scored_on);
                    match scored.as_slice() {
                        [first, .., last] => Some(ZrmChange::between(first, last)),
                        _ => None,
                    }
                })
                .collect(),
            programme_volunteers: reports::programme_volunteers(conn, range, scope)?
                .into_iter()
                .filter_map(|(p, v)| Some((*index.get(&p)?, v)))
                .collect(),
            // A report about one municipality's residents shows apart the hours that belong to no
            // match of anyone's (the volunteers who served them may have spent some for them).
            unlinked_minutes: match scope.municipality {
                Some(_) => Some(reports::unlinked_minutes(conn, range, scope)?),
                None => None,
            },
            // Names are read only when the report may carry them.
            volunteer_minutes: if wanted.names {
                reports::minutes_per_volunteer(conn, range, scope)?
            } else {
                Vec::new()
            },
        })
    }

    /// What the report covers, and how its cover says so: a subsidy's programmes and municipality,
    /// or a programme and/or a municipality's residents.
    fn report_scope(
        &self,
        input: &ReportInput,
        lang: report::Language,
    ) -> Result<(reports::Scope, Option<String>), ApiError> {
        let conn = self.db.conn();
        let tr = |nl: String, en: String| if lang == report::Language::Nl { nl } else { en };
        let municipality_name = |id| -> Result<String, ApiError> {
            funding::municipalities(conn)?
                .into_iter()
                .find(|m| m.id == id)
                .map(|m| m.name)
                .ok_or_else(|| ApiError::not_found("Deze gemeente", "This municipality").at(Field::Municipality))
        };
        if let Some(id) = input.subsidy_id {
            let record = funding::subsidies(conn)?
                .into_iter()
                .find(|s| s.id == id)
                .ok_or_else(|| ApiError::not_found("Deze subsidie", "This subsidy"))?;
            let s = record.subsidy;
            let names: Vec<String> =
                programmes::list(conn)?.into_iter().filter(|p| s.programmes.contains(&p.id)).map(|p| p.name).collect();
            let residents = match &record.municipality_name {
                Some(m) => tr(format!(", voor inwoners van {m}"), format!(", for residents of {m}")),
                None => String::new(),
            };
            let text = tr(
                format!("{} van {}{residents} ({})", s.name, s.funder, names.join(", ")),
                format!("{} from {}{residents} ({})", s.name, s.funder, names.join(", ")),
            );
            let municipality = s.municipality.filter(|_| record.municipality_name.is_some());
            return Ok((reports::Scope { programmes: Some(s.programmes), municipality }, Some(text)));
        }
        let programme = match input.programme_id {
            Some(id) => {
                Some(programmes::get(conn, id)?.ok_or_else(|| ApiError::not_found("Dit project", "This programme"))?)
            }
            None => None,
        };
        let text = match (&programme, input.municipality_id) {
            (None, None) => None,
            (Some(p), None) => Some(p.name.clone()),
            (None, Some(m)) => {
                let m = municipality_name(m)?;
                Some(tr(format!("Inwoners van {m}"), format!("Residents of {m}")))
            }
            (Some(p), Some(m)) => {
                let m = municipality_name(m)?;
                Some(tr(format!("{}, inwoners van {m}", p.name), format!("{}, residents of {m}", p.name)))
            }
        };
        Ok((reports::Scope::programme(programme.map(|p| p.id)).with_municipality(input.municipality_id), text))
    }

    /// The report's figures as the file will show them.
    pub fn report_preview(&self, input: &ReportInput, today: NaiveDate) -> Result<ReportPreview, ApiError> {
        Ok(preview_of(&self.report_document(input, today)?))
    }

    /// Renders the report and writes it to `path` (the native save dialog's answer). The file is
    /// written beside its destination first and then moved into place, so a failure never leaves
    /// half a report behind.
    pub fn export_report(
        &self,
        input: &ReportInput,
        format: ReportFormat,
        path: &Path,
        today: NaiveDate,
    ) -> Result<ReportSaved, ApiError> {
        check_folder(path)?;
        save_report(&self.report_document(input, today)?, format, path)
    }
}

/// A report's document as the window previews it: every cell as the file shows it.
pub(crate) fn preview_of(doc: &ReportDocument) -> ReportPreview {
    let l = doc.language;
    let texts = |cells: &[report::Cell]| cells.iter().map(|c| c.text(l)).collect::<Vec<_>>();
    ReportPreview {
        title: doc.title.clone(),
        branch: doc.branch.clone(),
        scope: doc.scope.clone(),
        period: doc.period.clone(),
        notes: doc.notes.clone(),
        key_figures: doc
            .key_figures
            .iter()
            .map(|k| PreviewFigure { label: k.label.clone(), value: k.value.text(l) })
            .collect(),
        sections: doc
            .sections
            .iter()
            .map(|s| PreviewSection {
                title: s.title.clone(),
                intro: s.intro.clone(),
                tables: s
                    .tables
                    .iter()
                    .map(|t| PreviewTable {
                        title: t.title.clone(),
                        columns: t.columns.clone(),
                        rows: t.rows.iter().map(|r| texts(r)).collect(),
                        total: t.total.as_deref().map(texts),
                        note: t.note.clone(),
                        numeric: t.numeric_columns(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Renders a report's document and writes it to `path`. Needs no database: the shell gathers the
/// document while it holds the database and renders after letting go, so the window stays free.
pub fn save_report(doc: &ReportDocument, format: ReportFormat, path: &Path) -> Result<ReportSaved, ApiError> {
    check_folder(path)?;
    let bytes = render(doc, format)?;
    write_whole(path, &bytes)?;
    Ok(ReportSaved { path: path.display().to_string(), bytes: bytes.len() as u64 })
}

/// The document in `format`.
pub fn render(doc: &ReportDocument, format: ReportFormat) -> Result<Vec<u8>, ApiError> {
    let rendered = match format {
        ReportFormat::Pdf => draagkracht_report::pdf(doc),
        ReportFormat::Xlsx => draagkracht_report::xlsx(doc),
        ReportFormat::Csv => draagkracht_report::csv(doc, CsvDialect::DutchExcel),
        ReportFormat::CsvRfc => draagkracht_report::csv(doc, CsvDialect::Rfc4180),
    };
    rendered.map_err(|e| {
        ApiError::new(
            ErrorCode::Storage,
            format!("De rapportage kon niet worden gemaakt ({e}). Er is niets opgeslagen."),
            format!("The report could not be made ({e}). Nothing was saved."),
        )
    })
}
