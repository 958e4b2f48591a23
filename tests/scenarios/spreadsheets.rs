//! Spreadsheets as coordinators really keep them: a title merged across the top, an empty line,
//! trailing spaces, dates as dates, as text and as Excel numbers, a total at the bottom, a name
//! twice, semicolons and Windows-1252 in CSV. Each row is imported correctly or refused with its
//! row and reason, all or nothing; a second import of the same file adds nothing.

use draagkracht_api::wire::{ColumnMapping, ImportKind, MappingInput, TargetField, VolunteerFilter};
use draagkracht_tests::{date, TempApp};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::Path;

fn mapping(t: &TempApp, path: &Path, kind: ImportKind) -> MappingInput {
    let preview = t.app.read_sheet(&path.display().to_string(), None).unwrap();
    MappingInput {
        path: path.display().to_string(),
        sheet: None,
        kind,
        columns: preview.columns.iter().map(|c| ColumnMapping { index: c.index, field: c.guess }).collect(),
    }
}

/// Volunteers as a branch's own list: title, blank line, headers, mixed dates, a total row.
fn volunteers_workbook(path: &Path, with_duplicate: bool) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date_format = Format::new().set_num_format("dd-mm-yyyy");
    sheet.merge_range(0, 0, 0, 4, "Vrijwilligers afdeling Noord — bijgewerkt maart", &Format::new()).unwrap();
    for (col, header) in ["Naam ", "E-mail", "Startdatum", "Project", "Uren per week"].iter().enumerate() {
        sheet.write_string(2, col as u16, *header).unwrap();
    }
    let mut row = 3;
    let mut person = |name: &str, email: &str, start: Option<&str>, programme: &str, hours: f64| {
        sheet.write_string(row, 0, name).unwrap();
        sheet.write_string(row, 1, email).unwrap();
        if let Some(text) = start {
            sheet.write_string(row, 2, text).unwrap();
        }
        sheet.write_string(row, 3, programme).unwrap();
        sheet.write_number(row, 4, hours).unwrap();
        row += 1;
    };
    person("Anna de Vries  ", "anna@example.nl", Some("01-02-2024"), "Thuisadministratie", 4.0);
    person("Bram Jansen", "", None, "Maatje", 2.5);
    person("Cor Bakker", "cor@example.nl", Some("2023-09-15"), "thuisadministratie ", 3.0);
    if with_duplicate {
        person("anna de vries", "", None, "Maatje", 1.0);
    }
    sheet.write_datetime_with_format(4, 2, &ExcelDateTime::from_ymd(2022, 5, 1).unwrap(), &date_format).unwrap();
    row += 1; // an empty line
    sheet.write_string(row, 0, "Dina Smit").unwrap();
    sheet.write_string(row, 3, "Maatje").unwrap();
    sheet.write_number(row, 2, 45292.0).unwrap(); // 01-01-2024 as Excel's number
    row += 1;
    sheet.write_string(row, 0, "Totaal").unwrap();
    sheet.write_number(row, 4, 10.5).unwrap();
    book.save(path).unwrap();
}

#[test]
fn a_messy_volunteer_list_is_read_as_a_coordinator_means_it() {
    let mut t = TempApp::new();
    let today = date(2026, 11, 28);
    let path = t.dir.path().join("vrijwilligers.xlsx");
    volunteers_workbook(&path, true);
    let preview = t.app.read_sheet(&path.display().to_string(), None).unwrap();
    assert_eq!(preview.header_row, 3, "the title and the blank line are skipped");
    assert_eq!(preview.guessed_kind, ImportKind::Volunteers);
    let guesses: Vec<_> = preview.columns.iter().map(|c| c.guess).collect();
    assert_eq!(
        guesses,
        [
            TargetField::VolunteerName,
            TargetField::Email,
            TargetField::StartDate,
            TargetField::Programme,
            TargetField::AgreedHours
        ]
    );

    // The name twice: refused with both rows named, and nothing is imported.
    let input = mapping(&t, &path, ImportKind::Volunteers);
    let dry = t.app.dry_run_import(&input, today).unwrap();
    assert_eq!((dry.rows, dry.skipped), (5, 2), "five people; the empty line and the total are left out");
    assert_eq!(dry.problems.len(), 1, "{:?}", dry.problems);
    let problem = &dry.problems[0];
    assert_eq!((problem.row, problem.column.as_str()), (7, "Naam"));
    assert!(problem.reason.contains("rij 4"), "{}", problem.reason);
    assert!(t.app.run_import(&input, today, |_| {}).is_err());
    assert!(t.app.volunteers(&VolunteerFilter::default(), today).unwrap().is_empty(), "all or nothing");

    // Without the duplicate: everyone comes in, with their dates read from all three forms.
    volunteers_workbook(&path, false);
    let input = mapping(&t, &path, ImportKind::Volunteers);
    let mut progress = Vec::new();
    let outcome = t.app.run_import(&input, today, |p| progress.push(p.done)).unwrap();
    assert_eq!((outcome.added, outcome.existing), (4, 0));
    assert_eq!(progress.last(), Some(&4));
    let all = t.app.volunteers(&VolunteerFilter::default(), today).unwrap();
    let anna = all.iter().find(|v| v.name == "Anna de Vries").expect("trailing spaces trimmed");
    let detail = t.app.volunteer(anna.id, today).unwrap();
    assert_eq!(detail.volunteer.start_date, date(2024, 2, 1), "a date as text");
    assert_eq!(detail.volunteer.agreed_minutes_per_week, 240);
    let bram = all.iter().find(|v| v.name == "Bram Jansen").unwrap();
    let detail = t.app.volunteer(bram.id, today).unwrap();
    assert_eq!(detail.volunteer.start_date, date(2022, 5, 1), "a date cell");
    assert_eq!(detail.volunteer.agreed_minutes_per_week, 150, "2,5 hours");
    let dina = all.iter().find(|v| v.name == "Dina Smit").unwrap();
    assert_eq!(t.app.volunteer(dina.id, today).unwrap().volunteer.start_date, date(2024, 1, 1), "Excel's number");

    // The same file again adds nothing.
    let again = t.app.dry_run_import(&input, today).unwrap();
    assert_eq!((again.to_add, again.existing), (0, 4));
}

#[test]
fn hours_from_a_dutch_csv_come_in_once_and_bad_rows_are_named() {
    let mut t = TempApp::new();
    let today = date(2026, 11, 28);
    let admin = t.programme("Thuisadministratie");
    for name in ["Jöran Mulder", "Fatima El Amrani"] {
        t.app.create_volunteer(&draagkracht_tests::volunteer_input(name, "active", vec![admin]), today).unwrap();
    }
    let csv = "Datum;Naam;Uren;Opmerking\r\n\
               02-11-2026;Jöran Mulder;1,5;Post geordend\r\n\
               03-11-2026;Fatima El Amrani;1:30;\r\n\
               \r\n\
               4-11-26;Jöran Mulder;2;Belastingaangifte\r\n\
               morgen;Fatima El Amrani;1;\r\n\
               05-11-2026;Karel Onbekend;1;\r\n\
               Totaal;;6;\r\n";
    // Windows-1252, as older Dutch Excel saves CSV.
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(csv);
    let path = t.dir.path().join("uren.csv");
    std::fs::write(&path, &bytes).unwrap();
    let input = mapping(&t, &path, ImportKind::HourEntries);
    let dry = t.app.dry_run_import(&input, today).unwrap();
    let places: Vec<(u32, &str)> = dry.problems.iter().map(|p| (p.row, p.column.as_str())).collect();
    assert_eq!(places, vec![(6, "Datum"), (7, "Naam")], "{:#?}", dry.problems);
    assert!(dry.problems[0].reason.contains("'morgen' is geen datum"));
    assert!(dry.problems[1].reason.contains("geen vrijwilliger 'Karel Onbekend'"));

    // Fixed: the two bad rows taken out; UTF-8 with a byte-order mark this time.
    let fixed: String =
        csv.lines().filter(|l| !l.starts_with("morgen") && !l.contains("Karel")).map(|l| format!("{l}\r\n")).collect();
    std::fs::write(&path, [b"\xEF\xBB\xBF".as_slice(), fixed.as_bytes()].concat()).unwrap();
    let outcome = t.app.run_import(&input, today, |_| {}).unwrap();
    assert_eq!(outcome.added, 3);
    let joran = t
        .app
        .volunteers(&VolunteerFilter::default(), today)
        .unwrap()
        .into_iter()
        .find(|v| v.name == "Jöran Mulder")
        .unwrap();
    let detail = t.app.volunteer(joran.id, today).unwrap();
    assert_eq!(detail.recent_entries.iter().map(|e| e.minutes).sum::<u32>(), 90 + 120);
    assert_eq!(t.app.dry_run_import(&input, today).unwrap().existing, 3, "a second import adds nothing");
}

#[test]
fn participants_then_matches_come_in_from_their_own_sheets() {
    let mut t = TempApp::new();
    let today = date(2026, 11, 28);
    let maatje = t.programme("Maatje");
    t.app
        .create_volunteer(&draagkracht_tests::volunteer_input("Anna de Vries", "active", vec![maatje]), today)
        .unwrap();

    let people = t.dir.path().join("deelnemers.csv");
    std::fs::write(&people, "Code,Contact,Toestemming\nD-001,06-12345678,01-03-2026\nD-002,,\n").unwrap();
    let input = mapping(&t, &people, ImportKind::Participants);
    assert_eq!(t.app.read_sheet(&people.display().to_string(), None).unwrap().guessed_kind, ImportKind::Participants);
    assert_eq!(t.app.run_import(&input, today, |_| {}).unwrap().added, 2);

    let pairs = t.dir.path().join("koppelingen.csv");
    std::fs::write(
        &pairs,
        "Deelnemer;Vrijwilliger;Project;Startdatum;Einddatum verwacht\n\
         D-001;Anna de Vries;Maatje;01-03-2026;01-03-2027\n\
         D-002;Anna de Vries;Onbekend project;01-04-2026;\n",
    )
    .unwrap();
    let input = mapping(&t, &pairs, ImportKind::Matches);
    let dry = t.app.dry_run_import(&input, today).unwrap();
    assert_eq!(dry.problems.len(), 1);
    assert_eq!((dry.problems[0].row, dry.problems[0].column.as_str()), (3, "Project"));
    std::fs::write(&pairs, "Deelnemer;Vrijwilliger;Project;Startdatum\nD-001;Anna de Vries;Maatje;01-03-2026\n")
        .unwrap();
    let input = mapping(&t, &pairs, ImportKind::Matches);
    assert_eq!(t.app.run_import(&input, today, |_| {}).unwrap().added, 1);
    let matches = t.app.matches(today).unwrap();
    assert_eq!(matches.len(), 1);
    assert_eq!(matches[0].programme_id, maatje);
    assert_eq!(t.app.dry_run_import(&input, today).unwrap().existing, 1, "the match is not added twice");
}

/// Issue 15: where a participant lives comes in from a "Gemeente" or "Woonplaats" column, matched
/// to the branch's own list by name; a name that is not on it is named with its row, and nothing
/// comes in.
#[test]
fn participants_come_in_with_their_municipality_and_an_unknown_one_is_named() {
    let mut t = TempApp::new();
    let today = date(2026, 11, 28);
    t.app.save_municipality(None, "Zeist").unwrap();
    t.app.save_municipality(None, "De Bilt").unwrap();
    let people = t.dir.path().join("deelnemers.csv");
    std::fs::write(&people, "Code;Woonplaats\nD-001;zeist\nD-002;Austerlitz\nD-003;\n").unwrap();
    let input = mapping(&t, &people, ImportKind::Participants);
    let dry = t.app.dry_run_import(&input, today).unwrap();
    assert_eq!(dry.problems.len(), 1, "{:?}", dry.problems);
    assert_eq!((dry.problems[0].row, dry.problems[0].column.as_str()), (3, "Woonplaats"));
    assert!(
        dry.problems[0].reason.starts_with("'Austerlitz' is geen gemeente van je afdeling."),
        "{}",
        dry.problems[0].reason
    );
    assert!(t.app.run_import(&input, today, |_| {}).is_err(), "all or nothing");
    assert!(t.app.participants("", today).unwrap().is_empty());

    std::fs::write(&people, "Code;Gemeente\nD-001;zeist\nD-002;De Bilt\nD-003;\n").unwrap();
    let input = mapping(&t, &people, ImportKind::Participants);
    assert_eq!(t.app.run_import(&input, today, |_| {}).unwrap().added, 3);
    let lives: Vec<_> = t
        .app
        .participants("", today)
        .unwrap()
        .into_iter()
        .map(|p| (p.label.clone(), t.app.participant(p.id, today).unwrap().participant.municipality_name))
        .collect();
    assert_eq!(
        lives,
        vec![
            ("D-001".to_string(), Some("Zeist".to_string())),
            ("D-002".to_string(), Some("De Bilt".to_string())),
            ("D-003".to_string(), None)
        ]
    );
}

/// The sociale kaart from an .xlsx: kinds and domains in words; a row with an unknown kind is named
/// and nothing comes in; fixed, everything does, and a second import adds nothing.
#[test]
fn the_sociale_kaart_comes_in_from_a_spreadsheet_all_or_nothing() {
    let mut t = TempApp::new();
    let path = t.dir.path().join("sociale kaart.xlsx");
    let write = |kinds_of_second: &str| {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        for (col, header) in
            ["Organisatie", "Aanbod", "Verwijzingen", "Levensgebieden", "Contact", "Openingstijden"].iter().enumerate()
        {
            sheet.write_string(0, col as u16, *header).unwrap();
        }
        let rows = [
            ["Schuldhulp Noord", "Gratis schuldhulp", "Schuldhulpverlening", "Geldzaken", "010-1234567", "ma–vr 9–17"],
            ["Wijkteam Noord", "", kinds_of_second, "", "wijkteam@example.nl", ""],
        ];
        for (r, row) in rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                sheet.write_string(r as u32 + 1, c as u16, *value).unwrap();
            }
        }
        book.save(&path).unwrap();
    };
    write("Wijkteam; advocaat");
    let preview = t.app.read_sheet(&path.display().to_string(), None).unwrap();
    assert_eq!(preview.guessed_kind, ImportKind::Organisations);
    let fields: Vec<_> = preview.columns.iter().map(|c| c.guess).collect();
    assert_eq!(
        fields,
        [
            TargetField::OrganisationName,
            TargetField::What,
            TargetField::ReferralKinds,
            TargetField::Domains,
            TargetField::Contact,
            TargetField::OpeningHours
        ]
    );
    let input = mapping(&t, &path, ImportKind::Organisations);
    let dry = t.app.dry_run_import(&input, date(2025, 6, 30)).unwrap();
    assert_eq!(dry.problems.len(), 1);
    assert_eq!((dry.problems[0].row, dry.problems[0].column.as_str()), (3, "Verwijzingen"));
    assert_eq!(dry.problems[0].reason, "'advocaat' is geen soort verwijzing die Draagkracht kent.");
    assert!(t.app.run_import(&input, date(2025, 6, 30), |_| {}).is_err());
    assert!(t.app.organisations().unwrap().is_empty(), "nothing came in");

    write("Wijkteam, Huisarts");
    let outcome = t.app.run_import(&input, date(2025, 6, 30), |_| {}).unwrap();
    assert_eq!(outcome.added, 2);
    let map = t.app.organisations().unwrap();
    assert_eq!(map[0].name, "Schuldhulp Noord");
    assert_eq!(map[0].domains, [draagkracht_api::wire::LifeDomain::Money]);
    assert_eq!(
        map[1].kinds,
        [draagkracht_api::wire::ProfessionalKind::Wijkteam, draagkracht_api::wire::ProfessionalKind::Gp]
    );
    assert_eq!(t.app.run_import(&input, date(2025, 6, 30), |_| {}).unwrap().added, 0, "already there");
}
