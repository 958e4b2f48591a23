//! Reports through the api: a quarter of a small branch adds up as worked out by hand; a funder
//! report in every format holds none of the names in the database, while the internal one does;
//! and a person erased leaves no trace in a later report.

use draagkracht_api::wire::{
    AssessmentInput, EndMatchInput, LifeDomain, MatchInput, ParticipantInput, PersonRef, ReferralInput, ReportAudience,
    ReportFormat, ReportInput, SetupChoice,
};
use draagkracht_api::{DemoParams, Draagkracht};
use draagkracht_core::report::{Cell, ReportDocument, Table};
use draagkracht_tests::{date, hours_input, volunteer_input, TempApp};
use std::path::Path;
use std::process::Command;

fn input(from: &str, to: &str, audience: ReportAudience) -> ReportInput {
    ReportInput {
        from: from.into(),
        to: to.into(),
        programme_id: None,
        municipality_id: None,
        subsidy_id: None,
        audience,
        language: draagkracht_api::wire::Language::Nl,
    }
}

fn table<'a>(doc: &'a ReportDocument, key: &str) -> &'a Table {
    doc.sections.iter().flat_map(|s| &s.tables).find(|t| t.key == key).unwrap_or_else(|| panic!("no table {key}"))
}

/// The value in the row labelled `label` (second column).
fn value<'a>(t: &'a Table, label: &str) -> &'a Cell {
    &t.rows.iter().find(|r| r[0] == Cell::Text(label.into())).unwrap_or_else(|| panic!("no row {label} in {}", t.title))
        [1]
}

/// Six volunteers in Thuisadministratie with six matches (one complex, one ended after 57 days,
/// one referral) and one in Maatje, over the first quarter of 2025.
fn small_branch() -> TempApp {
    let mut t = TempApp::new();
    let today = date(2025, 4, 15);
    let admin = t.programme("Thuisadministratie");
    let buddy = t.programme("Maatje");
    for i in 1..=6 {
        let v = t
            .app
            .create_volunteer(&volunteer_input(&format!("Vrijwilliger{i}"), "active", vec![admin]), today)
            .unwrap();
        t.app.log_hours(&hours_input(v.id, "10-01-2025", "2", admin, "support"), today).unwrap();
        t.app.log_hours(&hours_input(v.id, "12-02-2025", "1,5", admin, "support"), today).unwrap();
        let p = t
            .app
            .create_participant(&ParticipantInput { label: format!("Deelnemer{i}"), ..Default::default() }, today)
            .unwrap();
        let m = t
            .app
            .create_match(
                &MatchInput {
                    participant_id: Some(p.id),
                    programme_id: Some(admin),
                    volunteer_ids: vec![v.id],
                    start_date: "02-01-2025".into(),
                    expected_end_date: String::new(),
                    one_to_one_at_home: true,
                    goal_ids: vec![],
                },
                today,
            )
            .unwrap();
        if i == 1 {
            let complex = AssessmentInput {
                date: "15-01-2025".into(),
                domains: vec![LifeDomain::Money, LifeDomain::Housing, LifeDomain::Health],
                solvable_within_year: false,
                markers: vec![],
                zrm: None,
                note: String::new(),
            };
            t.app.assess_case(m.id, &complex, today).unwrap();
            let referral = ReferralInput {
                date: "20-01-2025".into(),
                to_kind: "debt_help".into(),
                to_name: String::new(),
                reason: "Schulden".into(),
                outcome: String::new(),
            };
            t.app.log_referral(m.id, &referral, today).unwrap();
        }
        if i == 2 {
            t.app
                .end_match(
                    m.id,
                    &EndMatchInput { end_date: "28-02-2025".into(), reason: "Klaar".into(), results: vec![] },
                    today,
                )
                .unwrap();
        }
    }
    let v7 = t.app.create_volunteer(&volunteer_input("Vrijwilliger7", "active", vec![buddy]), today).unwrap();
    t.app.log_hours(&hours_input(v7.id, "05-03-2025", "3", buddy, "support"), today).unwrap();
    t.app.log_hours(&hours_input(v7.id, "06-03-2025", "1", buddy, "training"), today).unwrap();
    t
}

#[test]
fn a_quarter_adds_up_as_worked_out_by_hand() {
    let t = small_branch();
    let today = date(2025, 4, 15);
    let doc = t.app.report_document(&input("1-1-2025", "31-3-2025", ReportAudience::Internal), today).unwrap();
    assert_eq!(doc.period, "1-1-2025 t/m 31-3-2025");
    let v = table(&doc, "Vrijwilligers");
    assert_eq!(value(v, "Actieve vrijwilligers"), &Cell::Count(7));
    assert_eq!(value(v, "Nieuw begonnen"), &Cell::Count(7), "all seven started on 1 January");
    // 6 × (2 + 1,5) + 3 hours of work; the hour of training apart.
    assert_eq!(value(v, "Uren vrijwilligerswerk"), &Cell::Hours { hours: 24.0, decimals: 1 });
    assert_eq!(value(v, "Uren training"), &Cell::Hours { hours: 1.0, decimals: 1 });
    let months = table(&doc, "Uren per maand");
    let admin_col = months.columns.iter().position(|c| c == "Thuisadministratie").unwrap();
    assert_eq!(months.rows[0][admin_col], Cell::Hours { hours: 12.0, decimals: 1 }, "January: 6 × 2 hours");
    assert_eq!(months.rows[1][admin_col], Cell::Hours { hours: 9.0, decimals: 1 }, "February: 6 × 1,5 hours");

    let reach = table(&doc, "Bereik");
    assert_eq!(value(reach, "Deelnemers bereikt"), &Cell::Count(6));
    assert_eq!(value(reach, "Nieuwe koppelingen"), &Cell::Count(6));
    assert_eq!(value(reach, "Beëindigde koppelingen"), &Cell::Count(1));
    assert_eq!(
        value(reach, "Mediane duur van een beëindigde koppeling (dagen)"),
        &Cell::Days(57.0),
        "2 January – 28 February"
    );

    let levels = table(&doc, "Zwaarte");
    assert_eq!(value(levels, "Normaal"), &Cell::Count(5));
    assert_eq!(value(levels, "Complex"), &Cell::Count(1));
    assert_eq!(levels.rows[1][2], Cell::Percent(100.0 / 6.0));
    assert_eq!(value(table(&doc, "Verwijzingen"), "Schuldhulpverlening"), &Cell::Count(1));
    // 24 hours × € 14,06.
    assert_eq!(value(table(&doc, "Waarde"), "Waarde"), &Cell::Euros(33_744));

    // The same quarter for a funder: the single complex case and referral are "<5".
    let funder = t.app.report_document(&input("2025-01-01", "2025-03-31", ReportAudience::Funder), today).unwrap();
    assert_eq!(value(table(&funder, "Vrijwilligers"), "Actieve vrijwilligers"), &Cell::Count(7));
    assert_eq!(value(table(&funder, "Zwaarte"), "Complex"), &Cell::Small);
    assert_eq!(value(table(&funder, "Verwijzingen"), "Schuldhulpverlening"), &Cell::Small);
    assert_eq!(value(table(&funder, "Bereik"), "Beëindigde koppelingen"), &Cell::Small);
    assert_eq!(
        value(table(&funder, "Bereik"), "Mediane duur van een beëindigde koppeling (dagen)"),
        &Cell::Hidden,
        "the length of one match is not shown"
    );
    assert!(funder.sections.iter().all(|s| s.tables.iter().all(|t| t.key != "Per vrijwilliger")));
    // One volunteer worked in Maatje: a funder sees no hours of hers, and Thuisadministratie's are
    // hidden beside them, or the total would give them away; the total itself stays.
    let months = table(&funder, "Uren per maand");
    let column = |name: &str| months.columns.iter().position(|c| c == name).unwrap();
    let few = Cell::Text("<5 vrijwilligers".into());
    assert_eq!(months.rows[2][column("Maatje")], few);
    assert_eq!(months.total.as_ref().unwrap()[column("Maatje")], few);
    assert_eq!(months.rows[0][column("Thuisadministratie")], Cell::Hidden);
    assert_eq!(months.total.as_ref().unwrap()[column("Totaal")], Cell::Hours { hours: 24.0, decimals: 0 });
    let chart = &funder.sections[0].charts[0];
    assert_eq!(
        chart.series.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        [
            "Vriendschappelijk huisbezoek",
            "Steun bij verlies en rouw",
            "Mantelzorgondersteuning",
            "Kleinere projecten samen"
        ]
    );

    // A programme's report counts only its own.
    let mut buddy_only = input("1-1-2025", "31-3-2025", ReportAudience::Internal);
    buddy_only.programme_id = Some(t.programme("Maatje"));
    let doc = t.app.report_document(&buddy_only, today).unwrap();
    assert_eq!(doc.scope, "Maatje");
    assert_eq!(value(table(&doc, "Vrijwilligers"), "Actieve vrijwilligers"), &Cell::Count(1));
    assert_eq!(value(table(&doc, "Bereik"), "Deelnemers bereikt"), &Cell::Count(0));
}

#[test]
fn a_period_that_cannot_be_is_refused_and_nothing_is_written() {
    let t = small_branch();
    let out = t.dir.path().join("rapport.pdf");
    let e = t
        .app
        .export_report(
            &input("31-3-2025", "1-1-2025", ReportAudience::Funder),
            ReportFormat::Pdf,
            &out,
            date(2025, 4, 15),
        )
        .unwrap_err();
    assert_eq!(e.field, Some(draagkracht_api::wire::Field::To));
    let missing = t.dir.path().join("no-such-folder").join("rapport.pdf");
    let e = t
        .app
        .export_report(
            &input("1-1-2025", "31-3-2025", ReportAudience::Funder),
            ReportFormat::Pdf,
            &missing,
            date(2025, 4, 15),
        )
        .unwrap_err();
    assert_eq!(e.field, Some(draagkracht_api::wire::Field::Path));
    assert!(std::fs::read_dir(t.dir.path()).unwrap().all(|f| {
        let name = f.unwrap().file_name().to_string_lossy().to_string();
        !name.ends_with(".pdf") && !name.ends_with(".partial")
    }));
}

/// Every volunteer name and participant label in the database, as whole words of at least 3 letters.
fn names_in(app: &Draagkracht) -> Vec<String> {
    let db = draagkracht_store::open(app.path()).unwrap();
    let mut stmt = db.conn().prepare("SELECT name FROM volunteers UNION SELECT label FROM participants").unwrap();
    let names: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    names
        .into_iter()
        .flat_map(|n: String| n.split_whitespace().map(String::from).collect::<Vec<_>>())
        .filter(|w| w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_uppercase))
        .collect()
}

fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", &path.display().to_string(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) must be installed: make setup installs it");
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn xlsx_text(path: &Path) -> String {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let mut text = String::new();
    for sheet in book.sheet_names() {
        let range = book.worksheet_range(&sheet).unwrap();
        for row in range.rows() {
            for cell in row {
                if let Data::String(s) = cell {
                    text.push_str(s);
                    text.push('\n');
                }
            }
        }
    }
    text
}

fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn a_funder_report_in_every_format_holds_no_name_from_the_database() {
    let mut t = TempApp::new();
    let today = date(2026, 11, 28);
    t.app.write_demo(&DemoParams { volunteers: 250, years: 5, seed: 2018, today }).unwrap();
    let names = names_in(&t.app);
    assert!(names.len() > 250, "volunteers and participants: {}", names.len());
    let year = input("1-1-2025", "31-12-2025", ReportAudience::Funder);
    let dir = t.dir.path();
    let mut texts = Vec::new();
    for (format, file) in [
        (ReportFormat::Pdf, "f.pdf"),
        (ReportFormat::Xlsx, "f.xlsx"),
        (ReportFormat::Csv, "f.csv"),
        (ReportFormat::CsvRfc, "f-rfc.csv"),
    ] {
        let path = dir.join(file);
        let saved = t.app.export_report(&year, format, &path, today).unwrap();
        assert_eq!(saved.bytes, std::fs::metadata(&path).unwrap().len());
        let text = match format {
            ReportFormat::Pdf => pdf_text(&path),
            ReportFormat::Xlsx => xlsx_text(&path),
            _ => String::from_utf8(std::fs::read(&path).unwrap()).unwrap(),
        };
        texts.push((file, text));
    }
    for (file, text) in &texts {
        assert!(text.contains("Verantwoording vrijwilligerswerk"), "{file} has its title");
        for name in &names {
            assert!(!contains_word(text, name), "{file} names {name:?}");
        }
    }
    let (_, pdf) = &texts[0];
    let doc = t.app.report_document(&year, today).unwrap();
    let active = doc.key_figures[0].value.text(draagkracht_core::report::Language::Nl);
    assert!(pdf.contains(&active), "the PDF shows the active volunteers ({active})");
    assert!(pdf.contains("1-1-2025 t/m 31-12-2025"), "the cover names the period");

    // The same check can fail: the internal report does carry names.
    let internal = dir.join("intern.pdf");
    t.app
        .export_report(&input("1-1-2025", "31-12-2025", ReportAudience::Internal), ReportFormat::Pdf, &internal, today)
        .unwrap();
    let text = pdf_text(&internal);
    assert!(names.iter().any(|n| contains_word(&text, n)), "an internal report lists volunteers by name");
}

#[test]
fn an_erased_volunteer_is_gone_from_a_later_report_and_the_counts_stay() {
    let mut t = small_branch();
    let today = date(2025, 4, 15);
    let quarter = input("1-1-2025", "31-3-2025", ReportAudience::Internal);
    let before = t.app.report_document(&quarter, today).unwrap();
    let v7 =
        t.app.volunteers(&Default::default(), today).unwrap().into_iter().find(|v| v.name == "Vrijwilliger7").unwrap();
    t.app.erase_person(PersonRef::Volunteer(v7.id), today).unwrap();
    let after = t.app.report_document(&quarter, today).unwrap();
    let out = t.dir.path().join("na.csv");
    t.app.export_report(&quarter, ReportFormat::Csv, &out, today).unwrap();
    let csv = String::from_utf8(std::fs::read(&out).unwrap()).unwrap();
    assert!(!csv.contains("Vrijwilliger7"), "the erased name is in no later report");
    assert!(csv.contains("Vrijwilliger1"), "the others still are");
    assert_eq!(table(&before, "Vrijwilligers"), table(&after, "Vrijwilligers"), "the counts and hours stay");
}

/// Issue 15: in the demo's funder report the acute cases are "<5" in most years, which used to hide
/// the complex ones with them and stop the chart at the last year where both showed — while the
/// cover gave the share. Complex and acute together now stand in the table, the trend and the
/// chart, and the three tell the cover's story.
#[test]
fn the_demo_funder_report_shows_cases_getting_heavier_where_a_level_alone_is_too_small() {
    let mut t = TempApp::new();
    let today = date(2026, 12, 5);
    t.app.set_up(SetupChoice::Demo, today).unwrap();
    let doc = t.app.report_document(&input("2025-01-01", "2025-12-31", ReportAudience::Funder), today).unwrap();
    let cover = &doc.key_figures.iter().find(|k| k.label == "Aandeel complexe of acute casussen").unwrap().value;
    let Cell::Percent(share) = cover else { panic!("the cover shows the share: {cover:?}") };

    let levels = table(&doc, "Zwaarte");
    let together_row = levels.rows.iter().find(|r| r[0] == Cell::Text("Complex of acuut, samen".into())).unwrap();
    assert_eq!(&together_row[2], cover, "the period's table");
    let trend = table(&doc, "Door de jaren");
    let column = trend.columns.iter().position(|c| c == "Complex of acuut").unwrap();
    let last = trend.rows.last().unwrap();
    assert_eq!((&last[0], &last[column]), (&Cell::Text("2025".into()), cover), "the trend's last year");
    assert!(
        trend.rows.iter().any(|r| r[4] == Cell::Hidden || r[5] == Cell::Small),
        "the demo has years where complex or acute alone is too small to show: {:?}",
        trend.rows
    );

    let section = doc.sections.iter().find(|s| s.title == "Door de jaren").unwrap();
    let chart = section.charts.iter().find(|c| c.title == "Complexe en acute casussen door de jaren").unwrap();
    let together = &chart.series[0];
    assert_eq!(together.name, "Complex of acuut");
    // The chart draws what the table shows; the history starts in December 2021, a month too small
    // to show, and from then on there is a point every year.
    for (row, value) in trend.rows.iter().zip(&together.values) {
        assert_eq!(matches!(row[column], Cell::Percent(_)), !value.is_nan(), "{row:?}");
    }
    assert!(together.values.iter().skip(1).all(|v| !v.is_nan()), "a point every year: {:?}", together.values);
    assert_eq!(*together.values.last().unwrap(), (share * 10.0).round() / 10.0, "the chart ends where the cover is");
    assert!(together.values[1] < *together.values.last().unwrap(), "heavier over the years: {:?}", together.values);
}

/// Issue 15: "gestopt" counts everyone whose status became "gestopt" in the period — also a
/// volunteer who never logged an hour — by the day the status changed; one who came back is not.
#[test]
fn everyone_who_stopped_in_the_period_counts_as_stopped_also_without_hours() {
    let mut t = TempApp::new();
    let admin = t.programme("Thuisadministratie");
    let january = date(2025, 1, 20);
    let anna = t.ready_volunteer("Anna", vec![admin], january); // never logs an hour
    let bram = t.ready_volunteer("Bram", vec![admin], january);
    let carla = t.ready_volunteer("Carla", vec![admin], january);
    t.app.log_hours(&hours_input(bram.id, "15-01-2025", "2", admin, "support"), january).unwrap();
    let stop = |t: &mut TempApp, id, name: &str, status: &str, day| {
        let mut input = volunteer_input(name, status, vec![admin]);
        input.start_date = "01-01-2025".into();
        t.app.update_volunteer(id, &input, day).unwrap()
    };
    let march = date(2025, 3, 10);
    let stopped = stop(&mut t, anna.id, "Anna", "stopped", march);
    assert_eq!(stopped.stopped_on, Some(march), "the day the status changed");
    stop(&mut t, bram.id, "Bram", "stopped", march);
    // Stopping again later keeps the first day; coming back clears it.
    assert_eq!(stop(&mut t, anna.id, "Anna", "stopped", date(2025, 3, 20)).stopped_on, Some(march));
    stop(&mut t, carla.id, "Carla", "stopped", march);
    assert_eq!(stop(&mut t, carla.id, "Carla", "registered", date(2025, 3, 12)).stopped_on, None);

    let today = date(2025, 4, 15);
    let q1 = t.app.report_document(&input("1-1-2025", "31-3-2025", ReportAudience::Internal), today).unwrap();
    assert_eq!(value(table(&q1, "Vrijwilligers"), "Gestopt"), &Cell::Count(2), "Anna without hours, and Bram");
    let january_only = t.app.report_document(&input("1-1-2025", "31-1-2025", ReportAudience::Internal), today).unwrap();
    assert_eq!(
        value(table(&january_only, "Vrijwilligers"), "Gestopt"),
        &Cell::Count(0),
        "Bram's last hours were in January, but he stopped in March"
    );
}

/// Issue 15: a report for one municipality counts its residents — their matches, the hours in
/// those matches, their referrals, the volunteers who served them (once) — and shows apart the
/// hours of those volunteers that belong to no match; a subsidy's report covers its programmes and
/// its municipality's residents.
#[test]
fn a_municipality_or_subsidy_report_counts_its_residents_only() {
    use draagkracht_api::wire::{HourEntryInput, SubsidyInput};
    let mut t = TempApp::new();
    let today = date(2025, 4, 15);
    let admin = t.programme("Thuisadministratie");
    let buddy = t.programme("Maatje");
    let list = t.app.save_municipality(None, "Zeist").unwrap();
    let zeist = list[0].id;
    let list = t.app.save_municipality(None, "De Bilt").unwrap();
    let bilt = list.iter().find(|m| m.name == "De Bilt").unwrap().id;
    let refused = t.app.save_municipality(None, " zeist ").unwrap_err();
    assert_eq!(refused.message, "'zeist' staat al in de lijst.");

    let anna = t.ready_volunteer("Anna", vec![admin, buddy], today);
    let bram = t.ready_volunteer("Bram", vec![admin], today);
    let match_in = |t: &mut TempApp, label: &str, lives: Option<_>, programme, v| {
        let p = ParticipantInput { label: label.into(), municipality_id: lives, ..Default::default() };
        let p = t.app.create_participant(&p, today).unwrap();
        let input = MatchInput {
            participant_id: Some(p.id),
            programme_id: Some(programme),
            volunteer_ids: vec![v],
            start_date: "06-01-2025".into(),
            expected_end_date: String::new(),
            one_to_one_at_home: false,
            goal_ids: vec![],
        };
        t.app.create_match(&input, today).unwrap().id
    };
    let z1 = match_in(&mut t, "Z-1", Some(zeist), admin, anna.id);
    let z2 = match_in(&mut t, "Z-2", Some(zeist), buddy, anna.id);
    let b1 = match_in(&mut t, "B-1", Some(bilt), admin, bram.id);
    let log = |t: &mut TempApp, v, day: &str, hours: &str, programme, m| {
        let input = HourEntryInput { match_id: m, ..hours_input(v, day, hours, programme, "support") };
        t.app.log_hours(&input, today).unwrap();
    };
    log(&mut t, anna.id, "10-02-2025", "3", admin, Some(z1));
    log(&mut t, anna.id, "11-02-2025", "2", buddy, Some(z2));
    log(&mut t, anna.id, "12-02-2025", "1,5", admin, None); // no match: apart
    log(&mut t, bram.id, "10-02-2025", "4", admin, Some(b1));
    log(&mut t, bram.id, "13-02-2025", "1", admin, None);
    let referral = ReferralInput {
        date: "20-02-2025".into(),
        to_kind: "debt_help".into(),
        to_name: String::new(),
        reason: "Schulden".into(),
        outcome: String::new(),
    };
    t.app.log_referral(b1, &referral, today).unwrap();

    let mut zeist_only = input("1-1-2025", "31-3-2025", ReportAudience::Internal);
    zeist_only.municipality_id = Some(zeist);
    let doc = t.app.report_document(&zeist_only, today).unwrap();
    assert_eq!(doc.scope, "Inwoners van Zeist");
    let v = table(&doc, "Vrijwilligers");
    assert_eq!(value(v, "Actieve vrijwilligers"), &Cell::Count(1), "Anna, once");
    assert_eq!(value(v, "Uren vrijwilligerswerk"), &Cell::Hours { hours: 5.0, decimals: 1 });
    assert_eq!(
        value(v, "Uren niet aan een deelnemer toe te wijzen (apart, niet in de uren hierboven)"),
        &Cell::Hours { hours: 1.5, decimals: 1 },
        "Anna's hour and a half without a match; Bram's hour is not hers"
    );
    assert_eq!(value(table(&doc, "Bereik"), "Deelnemers bereikt"), &Cell::Count(2));
    let referrals = table(&doc, "Verwijzingen").total.clone().unwrap();
    assert_eq!(referrals[1], Cell::Count(0), "De Bilt's referral is not Zeist's");
    let per_volunteer = table(&doc, "Per vrijwilliger");
    assert_eq!(per_volunteer.rows.len(), 1, "only who served Zeist: {:?}", per_volunteer.rows);

    // The whole branch still counts everything, and says nothing about hours apart.
    let all = t.app.report_document(&input("1-1-2025", "31-3-2025", ReportAudience::Internal), today).unwrap();
    assert_eq!(
        value(table(&all, "Vrijwilligers"), "Uren vrijwilligerswerk"),
        &Cell::Hours { hours: 11.5, decimals: 1 }
    );
    assert!(table(&all, "Vrijwilligers")
        .rows
        .iter()
        .all(|r| !matches!(&r[0], Cell::Text(l) if l.starts_with("Uren niet"))));

    // De Bilt's Wmo subsidy pays for Thuisadministratie.
    let subsidy = SubsidyInput {
        name: "Wmo 2025".into(),
        funder: "Gemeente De Bilt".into(),
        municipality_id: Some(bilt),
        from: "1-1-2025".into(),
        to: "31-12-2025".into(),
        programme_ids: vec![admin],
        amount: "12.500".into(),
    };
    let subsidies = t.app.save_subsidy(None, &subsidy).unwrap();
    assert_eq!(subsidies[0].amount_cents, 1_250_000);
    let mut for_subsidy = input("1-1-2025", "31-3-2025", ReportAudience::Internal);
    for_subsidy.subsidy_id = Some(subsidies[0].id);
    let doc = t.app.report_document(&for_subsidy, today).unwrap();
    assert_eq!(doc.scope, "Wmo 2025 van Gemeente De Bilt, voor inwoners van De Bilt (Thuisadministratie)");
    assert_eq!(value(table(&doc, "Vrijwilligers"), "Uren vrijwilligerswerk"), &Cell::Hours { hours: 4.0, decimals: 1 });
    assert_eq!(value(table(&doc, "Verwijzingen"), "Schuldhulpverlening"), &Cell::Count(1));
    assert_eq!(table(&doc, "Uren per maand").columns, vec!["Maand", "Thuisadministratie", "Totaal"]);

    // A municipality in use stays; an unused one goes.
    let refused = t.app.remove_municipality(zeist).unwrap_err();
    assert!(refused.message.starts_with("Zeist blijft staan: er wonen 2 deelnemers"), "{}", refused.message);
    let third = t.app.save_municipality(None, "Bunnik").unwrap().into_iter().find(|m| m.name == "Bunnik").unwrap();
    assert_eq!(t.app.remove_municipality(third.id).unwrap().len(), 2);
}

/// Issue 15: a story goes into a funder report only once nothing in it points at a person — a
/// name from the records, an e-mail address, a phone number, an address, a date of birth — each
/// named; changing the text takes it out again until it is chosen anew. The demo has one chosen.
#[test]
fn a_story_reaches_a_funder_report_only_without_what_points_at_a_person() {
    use draagkracht_api::wire::StoryInput;
    let mut t = TempApp::new();
    let today = date(2025, 4, 15);
    let admin = t.programme("Thuisadministratie");
    t.ready_volunteer("Ria Kok", vec![admin], today);
    let p = ParticipantInput { label: "Mevrouw Jansen".into(), ..Default::default() };
    t.app.create_participant(&p, today).unwrap();
    let mut story = StoryInput {
        title: "Weer grip op de post".into(),
        text: "Ria hielp mevrouw Jansen (Dorpsstraat 4, 06-12345678) met haar post.".into(),
        from: "1-1-2025".into(),
        to: "31-3-2025".into(),
    };
    let saved = t.app.save_story(None, &story, today).unwrap();
    let found: Vec<_> = saved[0].findings.iter().map(|f| f.found.as_str()).collect();
    assert_eq!(found, ["Ria", "mevrouw Jansen", "Dorpsstraat 4", "06-12345678"], "the label as a whole");
    let refused = t.app.choose_story(saved[0].id, true, today).unwrap_err();
    assert!(refused.message.contains("'Ria' (een naam uit de gegevens)"), "{}", refused.message);
    assert!(refused.message.contains("'06-12345678' (een telefoonnummer)"), "{}", refused.message);

    story.text = "Een vrijwilliger hielp een oudere inwoner weer grip te krijgen op haar post.".into();
    let saved = t.app.save_story(Some(saved[0].id), &story, today).unwrap();
    assert!(saved[0].findings.is_empty());
    assert!(t.app.choose_story(saved[0].id, true, today).unwrap()[0].in_report);
    let funder = t.app.report_document(&input("1-1-2025", "31-3-2025", ReportAudience::Funder), today).unwrap();
    assert_eq!(table(&funder, "Verhalen").rows[0][0], Cell::Text(format!("Weer grip op de post — {}", story.text)));
    // Another period: not this story.
    let later = t.app.report_document(&input("1-4-2025", "14-4-2025", ReportAudience::Funder), today).unwrap();
    assert!(later.sections.iter().all(|s| s.tables.iter().all(|t| t.key != "Verhalen")));
    // A changed text leaves the report until it is chosen again.
    story.text.push_str(" Nu doet ze het zelf.");
    assert!(!t.app.save_story(Some(saved[0].id), &story, today).unwrap()[0].in_report);

    // The demo's chosen story is in its funder report of last year; its draft with a name is not.
    let mut demo = TempApp::new();
    let today = date(2026, 12, 5);
    demo.app.set_up(SetupChoice::Demo, today).unwrap();
    let stories = demo.app.stories(today).unwrap();
    assert_eq!(stories.iter().filter(|s| s.in_report && s.findings.is_empty()).count(), 1, "{stories:?}");
    assert!(stories.iter().any(|s| !s.findings.is_empty()), "a draft still names someone");
    let doc = demo.app.report_document(&input("2025-01-01", "2025-12-31", ReportAudience::Funder), today).unwrap();
    assert_eq!(table(&doc, "Verhalen").rows.len(), 1);
}

/// Issue 15: each programme has its goals; a match records the ones it works towards; when it
/// ends, each gets a result — the end is refused while one has none — and the report's
/// "Resultaten" counts them by the case's level, with the ZRM's change where it was scored at the
/// start and at the end.
#[test]
fn goals_get_results_when_a_match_ends_and_the_report_counts_them_by_level() {
    use draagkracht_api::wire::{GoalInput, GoalResult, GoalResultInput, Zrm};
    let mut t = TempApp::new();
    let today = date(2025, 4, 15);
    let admin = t.programme("Thuisadministratie");
    let goals = t.app.goals(admin).unwrap();
    let names: Vec<_> = goals.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Administratie op orde", "Schulden in beeld", "Zelf de post bijhouden"], "the defaults");
    let refused =
        t.app.save_goal(admin, None, &GoalInput { name: "schulden in beeld".into(), active: true }).unwrap_err();
    assert_eq!(refused.field, Some(draagkracht_api::wire::Field::Name));
    let goals = t.app.save_goal(admin, None, &GoalInput { name: "Toeslagen geregeld".into(), active: true }).unwrap();
    assert_eq!(goals.len(), 4);

    let anna = t.ready_volunteer("Anna", vec![admin], today);
    let p = t.app.create_participant(&ParticipantInput { label: "D-1".into(), ..Default::default() }, today).unwrap();
    let matched = MatchInput {
        participant_id: Some(p.id),
        programme_id: Some(admin),
        volunteer_ids: vec![anna.id],
        start_date: "06-01-2025".into(),
        expected_end_date: String::new(),
        one_to_one_at_home: false,
        goal_ids: vec![goals[0].id, goals[1].id],
    };
    let m = t.app.create_match(&matched, today).unwrap();
    // A ZRM at the start and at the end, scored by a professional: money up, the rest the same.
    let zrm = |on: &str, money: i32| AssessmentInput {
        date: on.into(),
        domains: vec![LifeDomain::Money],
        solvable_within_year: true,
        markers: vec![],
        zrm: Some(Zrm {
            scored_by: "Wijkteam".into(),
            scored_on: on.into(),
            scores: [money, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3].to_vec(),
        }),
        note: String::new(),
    };
    t.app.assess_case(m.id, &zrm("10-01-2025", 2), today).unwrap();
    t.app.assess_case(m.id, &zrm("20-03-2025", 4), today).unwrap();

    let mut end = EndMatchInput {
        end_date: "31-03-2025".into(),
        reason: "Doel bereikt".into(),
        results: vec![GoalResultInput { goal_id: goals[0].id, result: GoalResult::Reached }],
    };
    let refused = t.app.end_match(m.id, &end, today).unwrap_err();
    assert_eq!(refused.message, "Kies voor elk doel of het bereikt is; 'Schulden in beeld' heeft nog geen uitkomst.");
    assert!(t.app.match_detail(m.id, today).unwrap().the_match.end_date.is_none(), "nothing changed");
    end.results.push(GoalResultInput { goal_id: goals[1].id, result: GoalResult::Partly });
    let ended = t.app.end_match(m.id, &end, today).unwrap();
    let results: Vec<_> = ended.goals.iter().map(|g| (g.name.as_str(), g.result)).collect();
    assert_eq!(
        results,
        [("Administratie op orde", Some(GoalResult::Reached)), ("Schulden in beeld", Some(GoalResult::Partly))]
    );

    let doc = t.app.report_document(&input("1-1-2025", "31-3-2025", ReportAudience::Internal), today).unwrap();
    let table_goals = table(&doc, "Doelen");
    assert_eq!(table_goals.columns[1..4], ["Bereikt", "Deels bereikt", "Niet bereikt"]);
    assert_eq!(
        table_goals.rows[0][1..5],
        [Cell::Count(1), Cell::Count(1), Cell::Count(0), Cell::Count(2)],
        "normal case"
    );
    assert_eq!(table_goals.rows[0][5], Cell::Percent(50.0));
    let zrm_table = table(&doc, "ZRM");
    assert_eq!(value(zrm_table, "Koppelingen met een ZRM bij begin en einde"), &Cell::Count(1));
    assert_eq!(value(zrm_table, "Levensgebieden vooruit"), &Cell::Count(1));
    assert_eq!(value(zrm_table, "Gelijk gebleven"), &Cell::Count(12));
    // For a funder the few results are "<5", as every count.
    let funder = t.app.report_document(&input("1-1-2025", "31-3-2025", ReportAudience::Funder), today).unwrap();
    assert_eq!(table(&funder, "Doelen").rows[0][1], Cell::Small);
}
