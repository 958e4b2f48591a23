//! The PDF writer: typst as a library over a virtual file system of three kinds of file — the
//! template (`templates/report.typ`, compiled in), `/data.json` with the document (every cell as
//! the text its reader expects, because typst does not localise numbers), and one SVG per chart.
//! The template reads the data with `json(...)`, so no text from the report is ever parsed as
//! markup. Fonts come from `typst-assets`; nothing is read from disk or the network.

use crate::{chart, RenderError};
use draagkracht_core::report::{Cell, Language, ReportDocument, Table};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::LazyLock;
use typst::diag::{FileError, FileResult, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

const TEMPLATE: &str = include_str!("templates/report.typ");

/// Built once per process: the standard library and the parsed bundled fonts (Libertinus Serif
/// for all text; the template names it, so a fallback would be a warning, and so an error).
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts().flat_map(|data| Font::iter(Bytes::new(data))).collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

/// `text` with every character that no bundled font can draw replaced by "?". A PDF/UA file may
/// not hold a glyph it cannot show, so one volunteer named in a script the fonts lack (or with an
/// emoji) would otherwise stop the whole report.
fn printable(text: &str) -> String {
    let covered =
        |c: char| c.is_ascii() || c.is_whitespace() || FONTS.1.iter().any(|f| f.info().coverage.contains(c as u32));
    text.chars().map(|c| if covered(c) { c } else { '?' }).collect()
}

/// The chart with its words made printable, for the SVG the PDF embeds.
fn printable_chart(chart: &draagkracht_core::report::Chart) -> draagkracht_core::report::Chart {
    let mut chart = chart.clone();
    chart.title = printable(&chart.title);
    chart.unit = printable(&chart.unit);
    chart.categories = chart.categories.iter().map(|c| printable(c)).collect();
    for series in &mut chart.series {
        series.name = printable(&series.name);
    }
    chart
}

pub fn render(doc: &ReportDocument) -> Result<Vec<u8>, RenderError> {
    let mut files = HashMap::new();
    let data = data(doc, &mut files)?;
    files.insert(file_id("/data.json")?, Bytes::new(data.to_string().into_bytes()));
    let world = ReportWorld { main: Source::new(file_id("/main.typ")?, TEMPLATE.into()), files };
    let result = compile(&world);
    // typst memoises across calls; in a long-running app old entries would pile up.
    typst::comemo::evict(10);
    result
}

fn compile(world: &ReportWorld) -> Result<Vec<u8>, RenderError> {
    let Warned { output, warnings } = typst::compile::<PagedDocument>(world);
    let document = output.map_err(|errors| RenderError::Template(messages(&errors)))?;
    if !warnings.is_empty() {
        return Err(RenderError::TemplateWarning(messages(&warnings)));
    }
    // PDF/UA-1: tagged, titled, images described — the report goes to municipalities.
    let standards = PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| RenderError::Pdf(format!("{e:?}")))?;
    let options = PdfOptions { standards, ..PdfOptions::default() };
    typst_pdf::pdf(&document, &options).map_err(|errors| RenderError::Pdf(messages(&errors)))
}

/// The document as the template reads it; each chart's SVG goes into `files`.
fn data(doc: &ReportDocument, files: &mut HashMap<FileId, Bytes>) -> Result<Value, RenderError> {
    let lang = doc.language;
    let mut sections = Vec::new();
    for (s, section) in doc.sections.iter().enumerate() {
        let mut charts = Vec::new();
        for (c, chart) in section.charts.iter().enumerate() {
            let path = format!("/chart-{s}-{c}.svg");
            let chart = printable_chart(chart);
            files.insert(file_id(&path)?, Bytes::from_string(chart::svg(&chart, lang)));
            charts.push(json!({ "title": chart.title, "file": path, "alt": chart::alt(&chart, lang) }));
        }
        let tables: Vec<Value> = section.tables.iter().map(|t| table(t, lang)).collect();
        let intro = section.intro.as_deref().map(printable);
        sections
            .push(json!({ "title": printable(&section.title), "intro": intro, "charts": charts, "tables": tables }));
    }
    let key_figures: Vec<Value> =
        doc.key_figures.iter().map(|k| json!({ "label": printable(&k.label), "value": k.value.text(lang) })).collect();
    Ok(json!({
        "lang": match lang { Language::Nl => "nl", Language::En => "en" },
        "title": printable(&doc.title), "branch": printable(&doc.branch), "scope": printable(&doc.scope),
        "period": doc.period, "made_on": doc.made_on,
        "notes": doc.notes.iter().map(|n| printable(n)).collect::<Vec<_>>(),
        "key_figures": key_figures, "sections": sections,
    }))
}

fn table(table: &Table, lang: Language) -> Value {
    // Every row as wide as the header: typst would wrap a longer row into the next one.
    let width = table.columns.len().max(1);
    let texts = |row: &Vec<Cell>| {
        let mut texts: Vec<String> = row.iter().map(|c| printable(&c.text(lang))).collect();
        texts.resize(width, String::new());
        texts
    };
    let align: Vec<&str> =
        table.numeric_columns().into_iter().map(|numeric| if numeric { "right" } else { "left" }).collect();
    json!({
        "title": printable(&table.title),
        "columns": table.columns.iter().map(|c| printable(c)).collect::<Vec<_>>(),
        "align": align,
        "rows": table.rows.iter().map(texts).collect::<Vec<_>>(),
        "total": table.total.as_ref().map(texts), "note": table.note.as_deref().map(printable),
    })
}

fn file_id(path: &str) -> Result<FileId, RenderError> {
    let vpath = VirtualPath::new(path).map_err(|e| RenderError::Template(format!("{path}: {e:?}")))?;
    Ok(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

fn messages(diagnostics: &[SourceDiagnostic]) -> String {
    let one = |d: &SourceDiagnostic| {
        let hints = d.hints.iter().map(|h| format!(" (hint: {})", h.v));
        format!("{}{}", d.message, hints.collect::<String>())
    };
    diagnostics.iter().map(one).collect::<Vec<_>>().join("; ")
}

struct ReportWorld {
    main: Source,
    files: HashMap<FileId, Bytes>,
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.get(&id).cloned().ok_or_else(|| FileError::NotFound(id.get().vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    /// A fixed date, on purpose: the template never asks for today (the document carries its own
    /// "made on" text, formatted in Dutch or English), and a renderer without a clock gives the same
    /// bytes for the same document. `None` would make any `datetime.today()` an error.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Datetime::from_ymd(2000, 1, 1)
    }
}
