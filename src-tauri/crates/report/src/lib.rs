//! Lays out a finished [`ReportDocument`] as bytes: a typeset PDF (typst, fonts bundled), an Excel
//! workbook and a CSV file. What a report says — which figures, suppressed how, rounded how — is
//! decided in `draagkracht_core::report`; this crate only arranges it, and does no IO and reads no
//! clock, so the caller decides where the bytes go. Rendering a PDF takes a few tenths of a second:
//! call it off the UI thread.
//!
//! ```no_run
//! # let doc: draagkracht_core::report::ReportDocument = todo!();
//! let pdf = draagkracht_report::pdf(&doc)?;
//! let csv = draagkracht_report::csv(&doc, draagkracht_report::CsvDialect::DutchExcel)?;
//! # Ok::<(), draagkracht_report::RenderError>(())
//! ```

mod chart;
mod csv;
mod pdf;
#[cfg(any(test, feature = "sample"))]
pub mod sample;
#[cfg(test)]
mod tests;
mod xlsx;

use draagkracht_core::report::ReportDocument;

/// The report as a PDF: A4, a cover, one heading per section with its tables and charts.
pub fn pdf(doc: &ReportDocument) -> Result<Vec<u8>, RenderError> {
    pdf::render(doc)
}

/// The report as an Excel workbook: a summary sheet, then one sheet per table with real numbers.
pub fn xlsx(doc: &ReportDocument) -> Result<Vec<u8>, RenderError> {
    xlsx::render(doc)
}

/// How a CSV file is written, for whoever opens it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvDialect {
    /// What Excel with Dutch settings opens by double-click: UTF-8 with a BOM, `;`, decimal comma,
    /// dates as `31-12-2025`.
    DutchExcel,
    /// RFC 4180 for other programs: `,`, decimal point, ISO dates, no BOM.
    Rfc4180,
}

/// Every table of the report, one block after another, in one CSV file.
pub fn csv(doc: &ReportDocument, dialect: CsvDialect) -> Result<Vec<u8>, RenderError> {
    csv::render(doc, dialect)
}

/// Why a report could not be rendered. None of these depend on the data's values (a character no
/// bundled font can draw is printed as "?" before typesetting): each one means a fault in this
/// crate (its template, or a writer it drives), never a report the user can fix.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the report template does not compile: {0}")]
    Template(String),
    /// Warnings are errors: a missing font or glyph only warns in typst and would print wrongly.
    #[error("the report template compiled with warnings: {0}")]
    TemplateWarning(String),
    #[error("the PDF could not be exported: {0}")]
    Pdf(String),
    #[error("the Excel workbook could not be written: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("the CSV file could not be written: {0}")]
    Csv(#[from] ::csv::Error),
}
