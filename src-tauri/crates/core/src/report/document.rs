//! A report as the renderers see it: a cover, sections of tables and charts, every cell already
//! suppressed and rounded for its audience. Built by [`super::build`] from the figures; the PDF,
//! Excel and CSV writers (crate `draagkracht-report`) only lay it out, so what a funder sees is
//! decided here, once, and tested without any file format in the way.

use super::Language;
use chrono::NaiveDate;

/// One report, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportDocument {
    pub language: Language,
    /// "Verantwoording vrijwilligerswerk" / "Volunteer work report".
    pub title: String,
    /// The branch's name as set by the coordinator.
    pub branch: String,
    /// "Hele afdeling" or the programme's name.
    pub scope: String,
    /// The period in words: "1-1-2025 t/m 31-12-2025".
    pub period: String,
    /// "Gemaakt op 1-12-2026".
    pub made_on: String,
    /// What the reader should know before the tables: how small counts are shown, sources.
    pub notes: Vec<String>,
    /// The few figures on the cover.
    pub key_figures: Vec<KeyFigure>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct KeyFigure {
    pub label: String,
    pub value: Cell,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub intro: Option<String>,
    pub tables: Vec<Table>,
    pub charts: Vec<Chart>,
}

/// A table with a header row; `total` (when present) is printed as the last, bold row.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// A short, stable name: the Excel sheet's name and the CSV block's key (at most 31 characters).
    pub key: String,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub total: Option<Vec<Cell>>,
    pub note: Option<String>,
}

impl Table {
    /// Per column: does it hold numbers (shown, suppressed or empty)? Such a column is
    /// right-aligned, header and all, in the PDF and in the window's preview. A column of text or
    /// dates, or a table without rows, is not.
    pub fn numeric_columns(&self) -> Vec<bool> {
        (0..self.columns.len())
            .map(|i| {
                let mut cells = self.rows.iter().chain(&self.total).filter_map(|r| r.get(i)).peekable();
                cells.peek().is_some() && cells.all(|c| !matches!(c, Cell::Text(_) | Cell::Date(_)))
            })
            .collect()
    }
}

/// One value. Renderers write numbers as numbers (Excel) or in the reader's notation (PDF, CSV).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A count shown as it is (0 or 5 and more in a funder report).
    Count(u32),
    /// A count of 1–4 in a funder report.
    Small,
    /// A cell hidden so that a small count cannot be worked out from the totals.
    Hidden,
    /// Hours with the given number of decimals (funder reports: 0).
    Hours {
        hours: f64,
        decimals: u8,
    },
    /// A percentage with one decimal.
    Percent(f64),
    /// Euros in cents.
    Euros(i64),
    /// A number of days with one decimal (medians).
    Days(f64),
    Date(NaiveDate),
    /// Nothing to show (no data): "–".
    Empty,
}

impl Cell {
    /// Hours from minutes, rounded as the audience needs.
    pub fn hours(minutes: u64, anonymous: bool) -> Self {
        let decimals = if anonymous { 0 } else { 1 };
        let factor = 10f64.powi(i32::from(decimals));
        Self::Hours { hours: (minutes as f64 / 60.0 * factor).round() / factor, decimals }
    }

    /// The number behind the cell, for spreadsheets; `None` for text and suppressed cells.
    pub fn number(&self) -> Option<f64> {
        match self {
            Self::Count(n) => Some(f64::from(*n)),
            Self::Hours { hours, .. } => Some(*hours),
            Self::Percent(p) | Self::Days(p) => Some(*p),
            Self::Euros(cents) => Some(*cents as f64 / 100.0),
            _ => None,
        }
    }

    /// The cell as a reader of `language` writes it: `1.234`, `12,5 %`, `€ 1.234,56`, `31-12-2025`;
    /// in English `1,234`, `12.5%`, `€1,234.56`, `31 Dec 2025`.
    pub fn text(&self, language: Language) -> String {
        match self {
            Self::Text(t) => t.clone(),
            Self::Count(n) => group(u64::from(*n), language),
            Self::Small => "<5".into(),
            Self::Hidden => "×".into(),
            Self::Hours { hours, decimals } => decimal(*hours, *decimals, language),
            // As the window writes them (ui/src/format.ts): a space before % and after € in Dutch,
            // none in English.
            Self::Percent(p) => match language {
                Language::Nl => format!("{} %", decimal(*p, 1, language)),
                Language::En => format!("{}%", decimal(*p, 1, language)),
            },
            Self::Euros(cents) => {
                let sign = if *cents < 0 { "-" } else { "" };
                let c = cents.unsigned_abs();
                let (whole, part) = (group(c / 100, language), c % 100);
                match language {
                    Language::Nl => format!("{sign}€ {whole},{part:02}"),
                    Language::En => format!("{sign}€{whole}.{part:02}"),
                }
            }
            Self::Days(d) => decimal(*d, 1, language),
            Self::Date(d) => match language {
                Language::Nl => d.format("%-d-%-m-%Y").to_string(),
                Language::En => d.format("%-d %b %Y").to_string(),
            },
            Self::Empty => "–".into(),
        }
    }
}

/// Thousands grouped: `12.345` in Dutch, `12,345` in English.
fn group(n: u64, language: Language) -> String {
    let sep = if language == Language::Nl { '.' } else { ',' };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// `value` with `decimals` decimals and grouped thousands, in the reader's notation.
pub fn decimal(value: f64, decimals: u8, language: Language) -> String {
    let factor = 10f64.powi(i32::from(decimals));
    let scaled = (value.abs() * factor).round() as u64;
    let whole = group(scaled / factor as u64, language);
    let sign = if value < 0.0 && scaled > 0 { "-" } else { "" };
    if decimals == 0 {
        return format!("{sign}{whole}");
    }
    let sep = if language == Language::Nl { ',' } else { '.' };
    let frac = scaled % factor as u64;
    format!("{sign}{whole}{sep}{frac:0width$}", width = usize::from(decimals))
}

/// A chart, drawn by the PDF writer as SVG. Values share one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    pub kind: ChartKind,
    /// The labels along the horizontal axis (months, years).
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// The unit of the vertical axis: "uren", "%".
    pub unit: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// One bar per category per series, side by side.
    Bars,
    /// The series stacked in one bar per category.
    StackedBars,
    /// One line per series.
    Lines,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(cell: Cell, nl: &str, en: &str) {
        assert_eq!(cell.text(Language::Nl), nl, "{cell:?} in Dutch");
        assert_eq!(cell.text(Language::En), en, "{cell:?} in English");
    }

    #[test]
    fn cells_are_written_as_their_reader_writes_numbers() {
        check(Cell::Count(12345), "12.345", "12,345");
        check(Cell::Count(999), "999", "999");
        check(Cell::Small, "<5", "<5");
        check(Cell::Hours { hours: 1234.5, decimals: 1 }, "1.234,5", "1,234.5");
        check(Cell::hours(90, true), "2", "2");
        check(Cell::hours(90, false), "1,5", "1.5");
        check(Cell::Percent(12.25), "12,3 %", "12.3%");
        check(Cell::Euros(123_456), "€ 1.234,56", "€1,234.56");
        check(Cell::Euros(5), "€ 0,05", "€0.05");
        check(Cell::Euros(-1_250), "-€ 12,50", "-€12.50");
        check(Cell::Date(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()), "1-3-2025", "1 Mar 2025");
        check(Cell::Empty, "–", "–");
    }

    #[test]
    fn a_column_is_numeric_when_every_cell_and_the_total_is_a_number_or_stands_in_for_one() {
        let text = |t: &str| Cell::Text(t.into());
        let table = Table {
            key: "Uren".into(),
            title: "Uren per project".into(),
            columns: ["Project", "Uren", "Vrijwilligers", "Opmerking"].map(String::from).to_vec(),
            rows: vec![
                vec![
                    text("Thuisadministratie"),
                    Cell::Hours { hours: 804.0, decimals: 0 },
                    Cell::Count(12),
                    text("loopt"),
                ],
                vec![text("Maatje"), Cell::Hours { hours: 483.0, decimals: 0 }, Cell::Small, Cell::Empty],
            ],
            total: Some(vec![text("Totaal"), Cell::Hours { hours: 1287.0, decimals: 0 }, Cell::Count(16), Cell::Empty]),
            note: None,
        };
        assert_eq!(table.numeric_columns(), vec![false, true, true, false]);
        let dates = Table {
            rows: vec![vec![text("a"), Cell::Date(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap())]],
            total: None,
            ..table.clone()
        };
        assert_eq!(dates.numeric_columns()[1], false, "dates are not numbers");
        assert_eq!(Table { rows: vec![], total: None, ..table }.numeric_columns(), vec![false; 4]);
    }

    #[test]
    fn suppressed_cells_have_no_number() {
        assert_eq!(Cell::Small.number(), None);
        assert_eq!(Cell::Hidden.number(), None);
        assert_eq!(Cell::Euros(250).number(), Some(2.5));
    }
}
