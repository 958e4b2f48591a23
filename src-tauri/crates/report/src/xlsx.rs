//! The Excel writer: a summary sheet ("Overzicht"/"Summary") with the cover's facts, then one sheet
//! per table, named by its key, then one sheet per chart: its figures beside a native Excel chart
//! drawn from them, so a funder can restyle or copy it. Numbers are real numbers with a format that
//! shows them as the PDF does, so a coordinator can sum and chart them; suppressed cells stay the
//! text "<5" or "×", and a point the report leaves out of a chart is an empty cell (a gap).
//! Percentages are stored as fractions with a percent format (12,3 % is 0.123), as Excel expects.

use crate::RenderError;
use draagkracht_core::report::{Cell, Chart, ChartKind, Language, ReportDocument, Table};
use rust_xlsxwriter::{
    Chart as ExcelChart, ChartEmptyCells, ChartLegendPosition, ChartType, DocProperties, ExcelDateTime, Format,
    FormatAlign, Workbook, Worksheet,
};

pub fn render(doc: &ReportDocument) -> Result<Vec<u8>, RenderError> {
    let nl = doc.language == Language::Nl;
    let mut book = Workbook::new();
    book.set_properties(&DocProperties::new().set_title(&doc.title).set_company(&doc.branch));
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new().set_bold();

    let summary = book.add_worksheet().set_name(if nl { "Overzicht" } else { "Summary" })?;
    let mut taken = vec![summary.name()];
    summary.write_string_with_format(0, 0, &doc.title, &title)?;
    let facts = if nl { ["Afdeling", "Bereik", "Periode"] } else { ["Branch", "Scope", "Period"] };
    for (row, (label, value)) in (1..).zip(facts.iter().zip([&doc.branch, &doc.scope, &doc.period])) {
        summary.write_string_with_format(row, 0, *label, &bold)?.write_string(row, 1, value)?;
    }
    summary.write_string(4, 0, &doc.made_on)?;
    let mut row = 6;
    summary.write_string_with_format(row, 0, if nl { "Kerncijfers" } else { "Key figures" }, &bold)?;
    for figure in &doc.key_figures {
        row += 1;
        summary.write_string(row, 0, &figure.label)?;
        write_cell(summary, row, 1, &figure.value, false)?;
    }
    row += 2;
    summary.write_string_with_format(row, 0, if nl { "Toelichting" } else { "Notes" }, &bold)?;
    for note in &doc.notes {
        row += 1;
        summary.write_string(row, 0, note)?;
    }
    let label_width = doc.key_figures.iter().map(|k| k.label.chars().count()).chain([12]).max().unwrap_or(12);
    summary.set_column_width(0, label_width as f64 + 2.0)?.set_column_width(1, 40)?;

    for table in doc.sections.iter().flat_map(|s| &s.tables) {
        let name = sheet_name(&table.key, &mut taken);
        let sheet = book.add_worksheet().set_name(name)?;
        write_table(sheet, table, doc.language, &title)?;
    }
    for chart in doc.sections.iter().flat_map(|s| &s.charts) {
        let name = sheet_name(&format!("{} {}", if nl { "Grafiek" } else { "Chart" }, chart.title), &mut taken);
        let sheet = book.add_worksheet().set_name(&name)?;
        write_chart(sheet, &name, chart, nl, &title)?;
    }
    Ok(book.save_to_buffer()?)
}

/// A title row, the header row (bold, frozen), the rows, the total (bold) and the note.
fn write_table(sheet: &mut Worksheet, table: &Table, lang: Language, title: &Format) -> Result<(), RenderError> {
    sheet.write_string_with_format(0, 0, &table.title, title)?;
    let header = Format::new().set_bold().set_border_bottom(rust_xlsxwriter::FormatBorder::Thin);
    for (col, name) in (0..).zip(&table.columns) {
        sheet.write_string_with_format(1, col, name, &header)?;
    }
    sheet.set_freeze_panes(2, 0)?;
    let rows = table.rows.iter().map(|r| (r, false)).chain(table.total.iter().map(|r| (r, true)));
    let mut next = 2;
    for (row, bold) in rows {
        for (col, cell) in (0..).zip(row) {
            write_cell(sheet, next, col, cell, bold)?;
        }
        next += 1;
    }
    if let Some(note) = &table.note {
        sheet.write_string_with_format(next + 1, 0, note, &Format::new().set_italic())?;
    }
    // Widths from the longest text a column shows (its header included), within reason.
    for (col, name) in (0..).zip(&table.columns) {
        let longest = table.rows.iter().chain(&table.total).filter_map(|r| r.get(usize::from(col)));
        let chars = longest.map(|c| c.text(lang).chars().count()).chain([name.chars().count()]).max().unwrap_or(8);
        sheet.set_column_width(col, chars.clamp(6, 50) as f64 + 2.0)?;
    }
    Ok(())
}

/// The chart's figures (categories down, one column per series) and the chart drawn from them.
fn write_chart(sheet: &mut Worksheet, name: &str, chart: &Chart, nl: bool, title: &Format) -> Result<(), RenderError> {
    sheet.write_string_with_format(0, 0, &chart.title, title)?;
    let header = Format::new().set_bold().set_border_bottom(rust_xlsxwriter::FormatBorder::Thin);
    sheet.write_string_with_format(1, 0, if nl { "Periode" } else { "Period" }, &header)?;
    let percent = chart.unit == "%";
    let number = Format::new().set_num_format(if percent { "0.0" } else { "#,##0" });
    for (col, series) in (1..).zip(&chart.series) {
        sheet.write_string_with_format(1, col, &series.name, &header)?;
        for (row, value) in (2..).zip(&series.values) {
            // A point the report leaves out stays empty: Excel draws a gap there.
            if value.is_finite() {
                sheet.write_number_with_format(row, col, *value, &number)?;
            }
        }
    }
    for (row, category) in (2..).zip(&chart.categories) {
        sheet.write_string(row, 0, category)?;
    }
    sheet.set_column_width(0, 12)?;
    // Nothing to draw: the figures (none) stay, Excel refuses an empty chart.
    if chart.series.is_empty() || chart.categories.is_empty() {
        return Ok(());
    }
    let last = 1 + chart.categories.len() as u32;
    let mut drawn = ExcelChart::new(match chart.kind {
        ChartKind::Bars => ChartType::Column,
        ChartKind::StackedBars => ChartType::ColumnStacked,
        ChartKind::Lines => ChartType::Line,
    });
    for (col, _) in (1..).zip(&chart.series) {
        drawn
            .add_series()
            .set_name((name, 1, col))
            .set_categories((name, 2, 0, last, 0))
            .set_values((name, 2, col, last, col));
    }
    drawn.title().set_name(&chart.title);
    drawn.y_axis().set_name(&chart.unit);
    drawn.legend().set_position(ChartLegendPosition::Bottom);
    drawn.show_empty_cells_as(ChartEmptyCells::Gaps);
    drawn.set_width(640).set_height(360);
    sheet.insert_chart(1, chart.series.len() as u16 + 2, &drawn)?;
    Ok(())
}

fn write_cell(sheet: &mut Worksheet, row: u32, col: u16, cell: &Cell, bold: bool) -> Result<(), RenderError> {
    let number = |format: &str| Format::new().set_num_format(format);
    let (format, value) = match cell {
        Cell::Text(text) => (Format::new(), Value::Text(text)),
        Cell::Small | Cell::Hidden => (
            Format::new().set_align(FormatAlign::Right),
            Value::Text(if matches!(cell, Cell::Small) { "<5" } else { "×" }),
        ),
        Cell::Count(n) => (number("#,##0"), Value::Number(f64::from(*n))),
        Cell::Hours { hours, decimals: 0 } => (number("0"), Value::Number(*hours)),
        Cell::Hours { hours, decimals } => {
            (number(&format!("0.{}", "0".repeat(usize::from(*decimals)))), Value::Number(*hours))
        }
        Cell::Percent(p) => (number("0.0%"), Value::Number(p / 100.0)),
        Cell::Euros(cents) => (number(r##""€ "#,##0.00"##), Value::Number(*cents as f64 / 100.0)),
        Cell::Days(days) => (number("0.0"), Value::Number(*days)),
        Cell::Date(date) => (number("dd-mm-yyyy"), Value::Date(date)),
        Cell::Empty => return Ok(()),
    };
    let format = if bold { format.set_bold() } else { format };
    match value {
        Value::Text(text) => sheet.write_string_with_format(row, col, text, &format)?,
        Value::Number(n) => sheet.write_number_with_format(row, col, n, &format)?,
        Value::Date(date) => {
            use chrono::Datelike;
            let day = ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)?;
            sheet.write_datetime_with_format(row, col, day, &format)?
        }
    };
    Ok(())
}

enum Value<'a> {
    Text(&'a str),
    Number(f64),
    Date(&'a chrono::NaiveDate),
}

/// `key` made a valid, unused sheet name: no `[]:*?/\`, no apostrophe at either end, at most 31
/// UTF-16 units, and a number added when two keys come out the same (Excel ignores case).
fn sheet_name(key: &str, taken: &mut Vec<String>) -> String {
    let clean: String = key.chars().map(|c| if "[]:*?/\\".contains(c) { '_' } else { c }).collect();
    let base = if clean.trim_matches('\'').is_empty() { "Tabel" } else { clean.trim_matches('\'') };
    let mut n = 1;
    loop {
        let suffix = if n == 1 { String::new() } else { format!(" ({n})") };
        let mut name = String::new();
        for c in base.chars() {
            if name.encode_utf16().count() + c.len_utf16() + suffix.len() > 31 {
                break;
            }
            name.push(c);
        }
        let name = format!("{}{suffix}", name.trim_end_matches('\''));
        if !taken.iter().any(|t| t.to_lowercase() == name.to_lowercase()) {
            taken.push(name.clone());
            return name;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::sheet_name;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut taken = vec!["Overzicht".to_string()];
        let mut check = |key: &str, expected: &str| assert_eq!(sheet_name(key, &mut taken), expected, "key {key:?}");
        check("uren/maand", "uren_maand");
        check("UREN/MAAND", "UREN_MAAND (2)");
        check("overzicht", "overzicht (2)");
        check("'quoted'", "quoted");
        check("", "Tabel");
        check("een-heel-lange-sleutel-van-meer-dan-31-tekens", "een-heel-lange-sleutel-van-meer");
        check("een-heel-lange-sleutel-van-meer-dan-31-tekens", "een-heel-lange-sleutel-van- (2)");
    }
}
