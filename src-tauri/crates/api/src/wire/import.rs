//! Wire types for getting data in and out: reading a spreadsheet, mapping its columns, the dry run,
//! the import itself with its progress, and the interchange file.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use draagkracht_core::import::{ImportKind, TargetField};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SourceColumn {
    /// 0-based position in the sheet.
    pub index: u32,
    pub header: String,
    /// The first few values, as the coordinator will recognise them.
    pub samples: Vec<String>,
    /// Draagkracht's guess from the header (Dutch or English).
    pub guess: TargetField,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SheetPreview {
    pub path: String,
    /// The sheets of a workbook (one, named after the file, for CSV).
    pub sheets: Vec<String>,
    pub sheet: String,
    /// The row (from 1) that holds the headers: title rows above it are skipped.
    pub header_row: u32,
    pub columns: Vec<SourceColumn>,
    /// Data rows below the header.
    pub rows: u32,
    /// What the columns suggest the sheet holds.
    pub guessed_kind: ImportKind,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnMapping {
    pub index: u32,
    pub field: TargetField,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MappingInput {
    pub path: String,
    /// `None`: the first sheet.
    pub sheet: Option<String>,
    pub kind: ImportKind,
    pub columns: Vec<ColumnMapping>,
}

/// One row that cannot be imported, and why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowProblem {
    /// The row number as the spreadsheet shows it (from 1).
    pub row: u32,
    /// The column's header.
    pub column: String,
    pub reason: String,
    pub reason_en: String,
}

/// What an import would do, changing nothing.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DryRun {
    pub kind: ImportKind,
    /// Data rows read.
    pub rows: u32,
    /// Rows that would be added.
    pub to_add: u32,
    /// Rows that match a record already there (a second import adds nothing twice).
    pub existing: u32,
    /// Empty rows and total rows, left out.
    pub skipped: u32,
    /// Every row that cannot be imported.
    pub problems: Vec<RowProblem>,
    /// Fields this kind needs that no column is mapped to.
    pub missing_fields: Vec<TargetField>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportOutcome {
    pub added: u32,
    pub existing: u32,
}

/// Progress of a long import, sent while it runs.
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
}

/// An interchange file written or read.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InterchangeOutcome {
    pub path: String,
    pub records: u32,
}
