//! A realistic Dutch funder report built by hand — four sections, eight tables (one of 40 rows, so
//! the PDF must break it across pages), three charts, suppressed and empty cells, euros, dates —
//! for this crate's tests and for previews elsewhere (feature `sample`).

use chrono::{NaiveDate, Weekday};
use draagkracht_core::report::Cell::{self, Count, Days, Empty, Euros, Hidden, Percent, Small};
use draagkracht_core::report::{Chart, ChartKind, KeyFigure, Language, ReportDocument, Section, Series, Table};

const MONTHS: [&str; 12] = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const MONTH_HOURS: [f64; 12] =
    [1480.0, 1395.0, 1620.0, 1534.0, 1588.0, 1502.0, 1210.0, 1088.0, 1610.0, 1702.0, 1689.0, 1316.0];

/// "Verantwoording vrijwilligerswerk" of a fictional branch, 2025, as a funder report.
pub fn sample_document() -> ReportDocument {
    let total_hours: f64 = MONTH_HOURS.iter().sum();
    ReportDocument {
        language: Language::Nl,
        title: "Verantwoording vrijwilligerswerk".into(),
        branch: "Humanitas Dorpsveld".into(),
        scope: "Hele afdeling".into(),
        period: "1-1-2025 t/m 31-12-2025".into(),
        made_on: "Gemaakt op 15-1-2026".into(),
        notes: vec![
            "Aantallen van 1 tot en met 4 staan als <5. Een × staat waar een getal is weggelaten, zodat je een klein aantal niet uit de totalen kunt afleiden.".into(),
            "Uren zijn afgerond op hele uren. Bron: de urenregistratie van de afdeling.".into(),
        ],
        key_figures: vec![
            figure("Actieve vrijwilligers", Count(248)),
            figure("Uren vrijwilligerswerk", hours(total_hours)),
            figure("Deelnemers geholpen", Count(1312)),
            figure("Nieuwe koppelingen", Count(187)),
            figure("Onkostenvergoedingen", Euros(123_450)),
            figure("Wachttijd tot koppeling (mediaan, dagen)", Days(12.5)),
        ],
        sections: vec![
            Section {
                title: "Inzet van vrijwilligers".into(),
                intro: Some("Hoeveel uur vrijwilligers dit jaar maakten, per maand en per programma.".into()),
                charts: vec![chart("Uren per maand", ChartKind::Bars, &MONTHS, vec![("Uren", MONTH_HOURS.to_vec())], "uren")],
                tables: vec![
                    table(
                        "uren-per-maand",
                        "Uren per maand",
                        &["Maand", "Uren", "Actieve vrijwilligers"],
                        MONTHS.iter().zip(MONTH_HOURS).enumerate().map(|(i, (m, h))| vec![text(m), hours(h), Count(180 + (i as u32 * 7) % 40)]).collect(),
                        Some(vec![text("Totaal"), hours(total_hours), Count(248)]),
                        Some("Een vrijwilliger die in meer maanden actief was, telt in elke maand mee."),
                    ),
                    table(
                        "uren-per-programma",
                        "Uren per programma",
                        &["Programma", "Vrijwilligers", "Uren", "Aandeel"],
                        vec![
                            vec![text("Maatjesproject"), Count(96), hours(7000.0), Percent(39.5)],
                            vec![text("Thuisadministratie"), Count(64), hours(4800.0), Percent(27.1)],
                            vec![text("Taalcoaching"), Count(52), hours(3700.0), Percent(20.9)],
                            vec![text("Steun bij rouw"), Count(31), hours(2000.0), Percent(11.3)],
                            vec![text("Vriendschappelijk huisbezoek"), Small, Hidden, Hidden],
                        ],
                        Some(vec![text("Totaal"), Count(248), hours(total_hours), Percent(100.0)]),
                        None,
                    ),
                ],
            },
            Section {
                title: "Koppelingen en complexiteit".into(),
                intro: Some("Hoe zwaar de vragen van deelnemers zijn, over de laatste zes jaar.".into()),
                charts: vec![chart(
                    "Complexiteit door de jaren",
                    ChartKind::Lines,
                    &["2020", "2021", "2022", "2023", "2024", "2025"],
                    vec![("Laag complex", vec![58.0, 55.5, 52.0, 49.5, 47.0, 44.5]), ("Hoog complex", vec![12.0, 14.5, 17.0, 18.5, 21.0, 23.5])],
                    "% van de koppelingen",
                )],
                tables: vec![
                    table(
                        "koppelingen-per-niveau",
                        "Koppelingen per complexiteitsniveau",
                        &["Jaar", "Laag", "Midden", "Hoog", "Totaal"],
                        (0..6u32).map(|i| vec![text(&(2020 + i).to_string()), Count(92 - 3 * i), Count(56 + 2 * i), Count(20 + 5 * i), Count(168 + 4 * i)]).collect(),
                        None,
                        Some("Niveau volgens het laatste gesprek in het jaar."),
                    ),
                    table(
                        "doorverwijzingen",
                        "Doorverwijzingen naar professionals",
                        &["Naar", "Aantal", "Doorlooptijd (dagen, mediaan)"],
                        vec![
                            vec![text("Wijkteam"), Count(34), Days(9.5)],
                            vec![text("Schuldhulpverlening"), Count(21), Days(14.0)],
                            vec![text("Huisarts of POH-GGZ"), Small, Hidden],
                            vec![text("Maatschappelijk werk"), Count(12), Days(6.5)],
                            vec![text("Anders"), Count(0), Empty],
                        ],
                        Some(vec![text("Totaal"), Count(70), Days(10.0)]),
                        None,
                    ),
                ],
            },
            Section {
                title: "Activiteiten".into(),
                intro: Some("Groepsactiviteiten naar niveau: van vrije inloop (niveau 1) tot begeleide groepen (niveau 3).".into()),
                charts: vec![chart(
                    "Uren per activiteitsniveau",
                    ChartKind::StackedBars,
                    &["1e kwartaal", "2e kwartaal", "3e kwartaal", "4e kwartaal"],
                    vec![("Niveau 1", vec![620.0, 580.0, 410.0, 650.0]), ("Niveau 2", vec![840.0, 910.0, 700.0, 880.0]), ("Niveau 3", vec![310.0, 350.0, 290.0, 380.0])],
                    "uren",
                )],
                tables: vec![
                    table(
                        "uren-per-activiteitsniveau",
                        "Uren per activiteitsniveau",
                        &["Niveau", "Activiteiten", "Deelnemers", "Uren"],
                        vec![
                            vec![text("Niveau 1: vrije inloop"), Count(142), Count(1830), hours(2260.0)],
                            vec![text("Niveau 2: activiteit met begeleiding"), Count(118), Count(954), hours(3330.0)],
                            vec![text("Niveau 3: begeleide groep"), Count(46), Count(212), hours(1330.0)],
                        ],
                        Some(vec![text("Totaal"), Count(306), Count(2996), hours(6920.0)]),
                        None,
                    ),
                    table(
                        "activiteiten-per-week",
                        "Activiteiten per week",
                        &["Week", "Begint op", "Activiteiten", "Deelnemers", "Uren"],
                        (1..=40u32)
                            .map(|w| {
                                let monday = NaiveDate::from_isoywd_opt(2025, w, Weekday::Mon).unwrap_or_default();
                                let small = if w % 13 == 0 { Small } else { Count(40 + (w * 13) % 23) };
                                vec![text(&format!("Week {w}")), Cell::Date(monday), Count(5 + (w * 7) % 5), small, hours(f64::from(150 + (w * 37) % 60))]
                            })
                            .collect(),
                        None,
                        Some("Weken met minder dan 5 deelnemers staan als <5."),
                    ),
                ],
            },
            Section {
                title: "Ondersteuning en kosten".into(),
                intro: None,
                charts: vec![],
                tables: vec![
                    table(
                        "onkostenvergoedingen",
                        "Onkostenvergoedingen",
                        &["Soort", "Vrijwilligers", "Bedrag"],
                        vec![
                            vec![text("Reiskosten"), Count(38), Euros(81_240)],
                            vec![text("Telefoonkosten"), Count(17), Euros(22_210)],
                            vec![text("Materiaal voor activiteiten"), Small, Euros(20_000)],
                        ],
                        Some(vec![text("Totaal"), Count(59), Euros(123_450)]),
                        Some("Vergoedingen binnen de vrijwilligersvergoeding; geen bedragen per persoon."),
                    ),
                    table(
                        "vog-en-training",
                        "VOG en training",
                        &["Onderwerp", "Vrijwilligers", "Aandeel", "Laatste"],
                        vec![
                            vec![text("Geldige VOG"), Count(241), Percent(97.2), date(2025, 12, 3)],
                            vec![text("Basistraining gevolgd"), Count(203), Percent(81.9), date(2025, 11, 20)],
                            vec![text("Intervisie bijgewoond"), Count(117), Percent(47.2), date(2025, 12, 16)],
                            vec![text("Training rouwverwerking"), Small, Hidden, Empty],
                        ],
                        None,
                        None,
                    ),
                ],
            },
        ],
    }
}

fn figure(label: &str, value: Cell) -> KeyFigure {
    KeyFigure { label: label.into(), value }
}

fn text(t: &str) -> Cell {
    Cell::Text(t.into())
}

fn hours(hours: f64) -> Cell {
    Cell::Hours { hours, decimals: 0 }
}

fn date(y: i32, m: u32, d: u32) -> Cell {
    Cell::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default())
}

fn table(
    key: &str,
    title: &str,
    columns: &[&str],
    rows: Vec<Vec<Cell>>,
    total: Option<Vec<Cell>>,
    note: Option<&str>,
) -> Table {
    let columns = columns.iter().map(|c| c.to_string()).collect();
    Table { key: key.into(), title: title.into(), columns, rows, total, note: note.map(Into::into) }
}

fn chart(title: &str, kind: ChartKind, categories: &[&str], series: Vec<(&str, Vec<f64>)>, unit: &str) -> Chart {
    Chart {
        title: title.into(),
        kind,
        categories: categories.iter().map(|c| c.to_string()).collect(),
        series: series.into_iter().map(|(name, values)| Series { name: name.into(), values }).collect(),
        unit: unit.into(),
    }
}
