//! The three formats rendered from the sample report and read back the way their readers read
//! them: the PDF through poppler's `pdftotext`, the workbook through calamine, the CSV files through
//! the csv crate. Set `DRAAGKRACHT_REPORT_OUT=/some/dir` to keep the rendered files for a look.

use crate::sample::sample_document;
use crate::{csv, pdf, xlsx, CsvDialect};
use calamine::{Data, Reader, Xlsx};
use draagkracht_core::report::Language;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Instant;

/// The PDF's text as poppler extracts it; fails loudly when poppler-utils is missing, because a
/// skipped check would look like a passed one.
fn pdf_text(bytes: &[u8]) -> String {
    let mut child = Command::new("pdftotext")
        .args(["-layout", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("pdftotext is needed for this test: install poppler-utils");
    child.stdin.take().expect("stdin is piped").write_all(bytes).expect("pdftotext reads the PDF");
    let out = child.wait_with_output().expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext fails on the PDF");
    String::from_utf8(out.stdout).expect("pdftotext writes UTF-8")
}

fn keep(name: &str, bytes: &[u8]) {
    if let Ok(dir) = std::env::var("DRAAGKRACHT_REPORT_OUT") {
        std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::write(format!("{dir}/{name}"), bytes))
            .expect("writes the file");
    }
}

#[test]
fn the_pdf_shows_cover_tables_and_suppressed_cells() {
    let started = Instant::now();
    let bytes = pdf(&sample_document()).expect("the sample renders without errors or warnings");
    eprintln!("sample PDF rendered in {:?}", started.elapsed());
    keep("sample.pdf", &bytes);
    assert!(bytes.starts_with(b"%PDF"), "a PDF file starts with %PDF");
    let text = pdf_text(&bytes);
    for expected in [
        "Humanitas Dorpsveld",
        "1-1-2025 t/m 31-12-2025",
        "17.734",
        "€ 1.234,50",
        "Uren per maand",
        "Activiteiten per week",
        "VOG en training",
        "<5",
        "×",
        "Week 40",
        "Pagina 2 van",
    ] {
        assert!(text.contains(expected), "the PDF shows {expected:?}:\n{text}");
    }
}

#[test]
fn an_english_pdf_numbers_its_pages_in_english() {
    let mut doc = sample_document();
    doc.language = Language::En;
    let bytes = pdf(&doc).expect("renders");
    keep("sample-en.pdf", &bytes);
    let text = pdf_text(&bytes);
    assert!(text.contains("Page 2 of"), "the footer is in English:\n{text}");
    assert!(text.contains("17,734"), "cells are written the English way:\n{text}");
}

#[test]
fn text_from_the_data_is_never_read_as_typst_markup() {
    let mut doc = sample_document();
    doc.branch = r#"#set page(width: 1cm) *Zorg* & $x$ <a> @b "c" \d"#.into();
    let text = pdf_text(&pdf(&doc).expect("hostile text still renders"));
    assert!(text.contains(r#"#set page(width: 1cm) *Zorg* & $x$ <a> @b"#), "the branch prints as written:\n{text}");
}

#[test]
fn a_name_the_fonts_cannot_draw_still_gives_a_report() {
    use draagkracht_core::report::{Cell, Table};
    let mut doc = sample_document();
    doc.branch = "Humanitas 🌻 Noord".into();
    let names = Table {
        key: "Per vrijwilliger".into(),
        title: "Uren per vrijwilliger".into(),
        columns: vec!["Vrijwilliger".into(), "Uren".into()],
        rows: vec![
            vec![Cell::Text("李雷".into()), Cell::Hours { hours: 3.5, decimals: 1 }],
            vec![Cell::Text("Hüseyin Çelik".into()), Cell::Hours { hours: 2.0, decimals: 1 }],
        ],
        total: None,
        note: None,
    };
    doc.sections[0].tables.push(names);
    let text = pdf_text(&pdf(&doc).expect("an internal report with any name renders"));
    assert!(text.contains("Hüseyin Çelik"), "letters the fonts have print as they are:\n{text}");
    assert!(text.contains("Humanitas ? Noord"), "what they lack prints as ?:\n{text}");
}

#[test]
fn odd_documents_still_render() {
    use draagkracht_core::report::{Cell, Chart, ChartKind, Section, Table};
    let mut doc = sample_document();
    doc.key_figures.clear();
    doc.notes.clear();
    let empty =
        Table { key: "leeg".into(), title: "Leeg".into(), columns: vec![], rows: vec![], total: None, note: None };
    let ragged =
        Table { columns: vec!["A".into(), "B".into()], rows: vec![vec![Cell::Count(1)], vec![]], ..empty.clone() };
    let chart = Chart {
        title: "Niets".into(),
        kind: ChartKind::Lines,
        categories: vec![],
        series: vec![],
        unit: "uren".into(),
    };
    doc.sections.push(Section { title: "Leeg".into(), intro: None, tables: vec![empty, ragged], charts: vec![chart] });
    pdf(&doc).expect("a PDF");
    xlsx(&doc).expect("a workbook");
    csv(&doc, CsvDialect::DutchExcel).expect("a CSV file");
}

#[test]
fn the_workbook_has_a_sheet_per_table_with_real_numbers_and_dates() {
    let doc = sample_document();
    let bytes = xlsx(&doc).expect("the workbook is written");
    keep("sample.xlsx", &bytes);
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("calamine opens it");
    let keys = doc.sections.iter().flat_map(|s| &s.tables).map(|t| t.key.clone());
    let mut expected: Vec<String> = std::iter::once("Overzicht".to_string()).chain(keys).collect();
    let charts: Vec<_> = doc.sections.iter().flat_map(|s| &s.charts).collect();
    assert!(!charts.is_empty(), "the sample has charts");
    let names = book.sheet_names();
    assert_eq!(names[..expected.len()], expected[..], "a summary sheet, then one sheet per table");
    expected.extend(names[expected.len()..].iter().cloned());
    assert_eq!(names.len(), expected.len());
    assert_eq!(
        names.len() - 1 - doc.sections.iter().map(|s| s.tables.len()).sum::<usize>(),
        charts.len(),
        "then one per chart"
    );
    // Each chart sheet holds the chart's figures, and the workbook a native chart drawn from them.
    let first = &charts[0];
    let sheet = book.worksheet_range(names.iter().find(|n| n.starts_with("Grafiek")).unwrap()).expect("sheet");
    assert_eq!(sheet.get_value((0, 0)), Some(&Data::String(first.title.clone())));
    assert_eq!(sheet.get_value((1, 1)), Some(&Data::String(first.series[0].name.clone())));
    assert_eq!(sheet.get_value((2, 0)), Some(&Data::String(first.categories[0].clone())));
    let raw = xlsx(&doc).unwrap();
    for n in 1..=charts.len() {
        let part = format!("xl/charts/chart{n}.xml");
        assert!(raw.windows(part.len()).any(|w| w == part.as_bytes()), "{part} is in the workbook");
    }

    let months = book.worksheet_range("uren-per-maand").expect("sheet");
    assert_eq!(months.get_value((0, 0)), Some(&Data::String("Uren per maand".into())), "a title row");
    assert_eq!(months.get_value((2, 1)), Some(&Data::Float(1480.0)), "hours are numbers");
    assert_eq!(months.get_value((14, 1)), Some(&Data::Float(17734.0)), "the total row follows the rows");
    let programmes = book.worksheet_range("uren-per-programma").expect("sheet");
    assert_eq!(programmes.get_value((6, 1)), Some(&Data::String("<5".into())), "a small count stays text");
    assert_eq!(programmes.get_value((6, 2)), Some(&Data::String("×".into())), "a hidden cell stays text");
    let training = book.worksheet_range("vog-en-training").expect("sheet");
    assert!(
        matches!(training.get_value((2, 3)), Some(Data::DateTime(_))),
        "dates are dates: {:?}",
        training.get_value((2, 3))
    );
    assert!(
        matches!(training.get_value((2, 2)), Some(Data::Float(p)) if (p - 0.972).abs() < 1e-9),
        "percent as a fraction"
    );
    assert_eq!(training.get_value((5, 3)), Some(&Data::Empty), "an empty cell is blank");
}

#[test]
fn the_dutch_csv_opens_in_excel_with_numbers_as_numbers() {
    let bytes = csv(&sample_document(), CsvDialect::DutchExcel).expect("written");
    keep("sample-nl.csv", &bytes);
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "Excel needs the BOM to read UTF-8");
    assert!(bytes.windows(2).any(|w| w == b"\r\n"), "lines end in CRLF");
    let records = read(&bytes, b';');
    assert_eq!(records[0], ["Verantwoording vrijwilligerswerk"]);
    let find = |field: &str| records.iter().any(|r| r.iter().any(|f| f == field));
    for field in ["1234,50", "9,5", "17734", "<5", "×", "03-12-2025", "Activiteiten per week"] {
        assert!(find(field), "the Dutch CSV holds {field:?}");
    }
    assert!(!find("1.234,50") && !find("€ 1.234,50"), "no thousands separator or unit in a number");
}

#[test]
fn the_rfc_csv_uses_commas_points_and_iso_dates() {
    let bytes = csv(&sample_document(), CsvDialect::Rfc4180).expect("written");
    keep("sample-rfc.csv", &bytes);
    assert!(bytes.starts_with(b"Verantwoording"), "no BOM");
    let records = read(&bytes, b',');
    let find = |field: &str| records.iter().any(|r| r.iter().any(|f| f == field));
    for field in ["1234.50", "9.5", "2025-12-03", "Week 40"] {
        assert!(find(field), "the RFC 4180 CSV holds {field:?}");
    }
}

fn read(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    let mut reader =
        ::csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(false).from_reader(bytes);
    reader.records().map(|r| r.expect("parses").iter().map(String::from).collect()).collect()
}

#[test]
fn no_page_ends_with_a_heading_or_a_header_row() {
    let base = sample_document();
    let tables = || base.sections.iter().flat_map(|s| &s.tables);
    let charts = base.sections.iter().flat_map(|s| &s.charts).map(|c| c.title.clone());
    let endings: Vec<String> =
        tables().map(|t| t.title.clone()).chain(tables().map(|t| t.columns.join(" "))).chain(charts).collect();
    // Lengthen the table before the long one so that the long one starts at every height of a page.
    for extra in (0..40).step_by(3) {
        let mut doc = base.clone();
        let before = &mut doc.sections[2].tables[0].rows;
        before.extend(std::iter::repeat_n(before[0].clone(), extra));
        let text = pdf_text(&pdf(&doc).expect("renders"));
        for (n, page) in text.split('\x0c').enumerate() {
            let lines: Vec<String> = page
                .lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|l| !l.is_empty())
                .collect();
            // The last line is the footer.
            if let Some(last) = lines.len().checked_sub(2).map(|i| &lines[i]) {
                assert!(!endings.contains(last), "page {} ends with {last:?} ({extra} extra rows)", n + 1);
            }
        }
    }
}
