//! Reading a coordinator's file into rows of cells: `.xlsx`, `.xls`, `.ods` through calamine, and
//! `.csv` through the csv crate — `;` or `,` (whichever the first lines use), UTF-8 with or without
//! a byte-order mark, or Windows-1252 as older Dutch Excel writes it.

use crate::{ApiError, ErrorCode};
use calamine::{open_workbook_auto, Data, Reader};
use draagkracht_core::import::Cell;
use std::path::Path;

/// A sheet's rows, and the spreadsheet row number of the first one (1-based; calamine leaves out
/// empty rows at the top).
pub struct Sheet {
    pub names: Vec<String>,
    pub name: String,
    pub first_row: u32,
    pub rows: Vec<Vec<Cell>>,
}

/// Reads one sheet (`None`: the first) of the file at `path`.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Sheet, ApiError> {
    if !path.is_file() {
        return Err(unreadable(path, "het bestand bestaat niet", "the file does not exist"));
    }
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_lowercase).unwrap_or_default();
    match extension.as_str() {
        "csv" | "txt" => read_csv(path),
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => read_workbook(path, sheet),
        _ => Err(unreadable(
            path,
            "kies een .xlsx-, .xls-, .ods- of .csv-bestand",
            "choose an .xlsx, .xls, .ods or .csv file",
        )),
    }
}

fn read_workbook(path: &Path, sheet: Option<&str>) -> Result<Sheet, ApiError> {
    let mut book = open_workbook_auto(path).map_err(|e| unreadable(path, &e.to_string(), &e.to_string()))?;
    let names = book.sheet_names().to_vec();
    let name = match sheet {
        Some(s) if names.iter().any(|n| n == s) => s.to_string(),
        Some(s) => {
            return Err(unreadable(path, &format!("er is geen blad '{s}'"), &format!("there is no sheet '{s}'")))
        }
        None => names
            .first()
            .cloned()
            .ok_or_else(|| unreadable(path, "het bestand heeft geen bladen", "the file has no sheets"))?,
    };
    let range = book.worksheet_range(&name).map_err(|e| unreadable(path, &e.to_string(), &e.to_string()))?;
    let first_row = range.start().map_or(1, |(row, _)| row + 1);
    let first_col = range.start().map_or(0, |(_, col)| col as usize);
    let rows = range
        .rows()
        .map(|row| {
            // Columns left of the range are empty in the sheet too: keep positions as Excel shows them.
            std::iter::repeat_n(Cell::Empty, first_col)
                .chain(row.iter().map(|d| {
                    match d {
                        Data::Empty => Cell::Empty,
                        Data::String(s) => Cell::from_text(s),
                        Data::Float(f) => Cell::Number(*f),
                        Data::Int(i) => Cell::Number(*i as f64),
                        Data::Bool(b) => Cell::Text(if *b { "ja" } else { "nee" }.into()),
                        Data::DateTime(dt) => draagkracht_core::import::cell_date(&Cell::Number(dt.as_f64()))
                            .map_or(Cell::Number(dt.as_f64()), Cell::Date),
                        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::from_text(s),
                        Data::Error(_) => Cell::Empty,
                    }
                }))
                .collect()
        })
        .collect();
    Ok(Sheet { names, name, first_row, rows })
}

fn read_csv(path: &Path) -> Result<Sheet, ApiError> {
    let bytes = std::fs::read(path).map_err(|e| unreadable(path, &e.to_string(), &e.to_string()))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    };
    let sample: String = text.lines().take(5).collect::<Vec<_>>().join("\n");
    let delimiter = if sample.matches(';').count() >= sample.matches(',').count() && sample.contains(';') {
        b';'
    } else if sample.contains('\t') && !sample.contains(',') {
        b'\t'
    } else {
        b','
    };
    // The csv crate skips empty lines; an empty line becomes one empty field, so that row numbers
    // stay those of the file.
    let separator = char::from(delimiter).to_string();
    let text: String =
        text.lines().map(|l| if l.trim().is_empty() { separator.as_str() } else { l }).collect::<Vec<_>>().join("\n");
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record =
            record.map_err(|e| unreadable(path, &format!("regel {}: {e}", i + 1), &format!("line {}: {e}", i + 1)))?;
        rows.push(record.iter().map(Cell::from_text).collect());
    }
    let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Sheet { names: vec![name.clone()], name, first_row: 1, rows })
}

fn unreadable(path: &Path, nl: &str, en: &str) -> ApiError {
    let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    ApiError {
        field: Some(draagkracht_core::Field::Path),
        ..ApiError::new(
            ErrorCode::InvalidInput,
            format!("{file} kon niet worden gelezen: {nl}."),
            format!("{file} could not be read: {en}."),
        )
    }
}
