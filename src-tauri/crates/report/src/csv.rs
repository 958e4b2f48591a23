//! The CSV writer: one file with every table as a block — its title, its header, its rows and its
//! total, then an empty line — after a few lines naming the report, branch, scope and period.
//! Numbers carry no thousands separator and no unit (`1234,5`, `12,3` for 12,3 %, `1234,50` for
//! euros), so a spreadsheet reads them as numbers; suppressed cells are the text "<5" and "×".
//!
//! ```text
//! Uren per maand                       ← DutchExcel: BOM, `;`, CRLF, decimal comma
//! Maand;Uren;Vrijwilligers
//! januari;1234,5;<5
//! ```

use crate::{CsvDialect, RenderError};
use draagkracht_core::report::document::decimal;
use draagkracht_core::report::{Cell, Language, ReportDocument};

pub fn render(doc: &ReportDocument, dialect: CsvDialect) -> Result<Vec<u8>, RenderError> {
    let dutch = dialect == CsvDialect::DutchExcel;
    // Excel only takes a CSV file for UTF-8 when it starts with a byte order mark.
    let mut out = if dutch { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
    let labels = match doc.language {
        Language::Nl => ["Afdeling", "Bereik", "Periode"],
        Language::En => ["Branch", "Scope", "Period"],
    };
    let head = [vec![doc.title.clone()]]
        .into_iter()
        .chain(labels.iter().zip([&doc.branch, &doc.scope, &doc.period]).map(|(l, v)| vec![l.to_string(), v.clone()]));
    block(&mut out, dialect, head)?;
    for table in doc.sections.iter().flat_map(|s| &s.tables) {
        let cells = |row: &Vec<Cell>| row.iter().map(|c| field(c, dutch)).collect::<Vec<_>>();
        let lines = [vec![table.title.clone()], table.columns.clone()]
            .into_iter()
            .chain(table.rows.iter().map(cells))
            .chain(table.total.iter().map(cells));
        block(&mut out, dialect, lines)?;
    }
    Ok(out)
}

/// Writes `lines`, then the empty line that separates blocks (written by hand: the csv crate
/// writes an empty record as `""`).
fn block(out: &mut Vec<u8>, dialect: CsvDialect, lines: impl Iterator<Item = Vec<String>>) -> Result<(), RenderError> {
    let delimiter = if dialect == CsvDialect::DutchExcel { b';' } else { b',' };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(&mut *out);
    for line in lines {
        writer.write_record(&line)?;
    }
    writer.flush().map_err(csv::Error::from)?;
    drop(writer);
    out.extend_from_slice(b"\r\n");
    Ok(())
}

/// A cell as a spreadsheet reads it: a bare number, a date, or text.
fn field(cell: &Cell, dutch: bool) -> String {
    // Rounded as the PDF rounds (half away from zero), then ungrouped.
    let number = |value: f64, decimals: u8| {
        let text = decimal(value, decimals, Language::En).replace(',', "");
        if dutch {
            text.replace('.', ",")
        } else {
            text
        }
    };
    match cell {
        Cell::Text(text) => text.clone(),
        Cell::Count(n) => n.to_string(),
        Cell::Small => "<5".into(),
        Cell::Hidden => "×".into(),
        Cell::Hours { hours, decimals } => number(*hours, *decimals),
        Cell::Percent(value) | Cell::Days(value) => number(*value, 1),
        // From the cents, so that no float rounding can show.
        Cell::Euros(cents) => {
            let sign = if *cents < 0 { "-" } else { "" };
            let (whole, frac) = (cents.unsigned_abs() / 100, cents.unsigned_abs() % 100);
            format!("{sign}{whole}{}{frac:02}", if dutch { ',' } else { '.' })
        }
        Cell::Date(date) => date.format(if dutch { "%d-%m-%Y" } else { "%Y-%m-%d" }).to_string(),
        Cell::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::field;
    use draagkracht_core::report::Cell;

    fn check(cell: Cell, dutch: &str, rfc: &str) {
        assert_eq!(field(&cell, true), dutch, "{cell:?} for Dutch Excel");
        assert_eq!(field(&cell, false), rfc, "{cell:?} for RFC 4180");
    }

    #[test]
    fn numbers_have_no_grouping_and_the_dialects_decimal_mark() {
        check(Cell::Count(12345), "12345", "12345");
        check(Cell::Hours { hours: 1234.5, decimals: 1 }, "1234,5", "1234.5");
        check(Cell::Hours { hours: 1234.0, decimals: 0 }, "1234", "1234");
        check(Cell::Percent(12.25), "12,3", "12.3");
        check(Cell::Euros(-123_405), "-1234,05", "-1234.05");
        check(Cell::Date(chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()), "01-03-2025", "2025-03-01");
        check(Cell::Small, "<5", "<5");
        check(Cell::Hidden, "×", "×");
        check(Cell::Empty, "", "");
    }
}
