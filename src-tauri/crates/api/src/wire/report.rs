//! Reports: what the reports screen sends (period, scope, audience, language, format) and what it
//! gets back (a preview of the figures as the report shows them, and where the file went).

use super::{Language, MunicipalityId, ProgrammeId, SubsidyId};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who the report is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReportAudience {
    /// Anonymous: no names, counts of 1–4 as "<5", hours rounded.
    Funder,
    /// For the coordinator and the board: may carry names.
    Internal,
}

/// The file a report is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    Pdf,
    Xlsx,
    /// For Dutch Excel: UTF-8 with BOM, `;` between fields, decimal comma.
    Csv,
    /// Plain RFC 4180: `,` between fields, decimal point.
    CsvRfc,
}

/// A report to make. Dates as typed (`2025-01-01` or `1-1-2025`); the screen fills them in from
/// the period chosen (month, quarter, year) or the coordinator types them (custom).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportInput {
    pub from: String,
    pub to: String,
    /// `None`: the whole branch.
    pub programme_id: Option<ProgrammeId>,
    /// Only the residents of this municipality: their matches, the hours in them, their referrals,
    /// and the volunteers who served them.
    #[serde(default)]
    pub municipality_id: Option<MunicipalityId>,
    /// What this subsidy pays for: its programmes, and its municipality's residents when it is for
    /// one. Takes the place of `programme_id` and `municipality_id`.
    #[serde(default)]
    pub subsidy_id: Option<SubsidyId>,
    pub audience: ReportAudience,
    pub language: Language,
}

/// The report's settings: the branch's name on the cover, and the replacement rate an hour of
/// volunteer work is valued at, with where that rate comes from.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportSettings {
    pub branch_name: String,
    pub hour_rate_cents: u32,
    pub hour_rate_source: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportSettingsInput {
    pub branch_name: String,
    /// Euros as typed: `14,06`.
    pub hour_rate: String,
    pub hour_rate_source: String,
}

/// A table of the report, as shown (every cell already formatted and suppressed).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewTable {
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub total: Option<Vec<String>>,
    pub note: Option<String>,
    /// Per column: numbers, to be right-aligned as in the file.
    pub numeric: Vec<bool>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewSection {
    pub title: String,
    pub intro: Option<String>,
    pub tables: Vec<PreviewTable>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewFigure {
    pub label: String,
    pub value: String,
}

/// The report's figures as the file will show them.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportPreview {
    pub title: String,
    pub branch: String,
    pub scope: String,
    pub period: String,
    pub notes: Vec<String>,
    pub key_figures: Vec<PreviewFigure>,
    pub sections: Vec<PreviewSection>,
}

/// A report written to a file.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportSaved {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}
