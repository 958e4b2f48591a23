//! Reading coordinators' own spreadsheets: what a column header means (Dutch or English), where
//! the header row is (title rows above it are common), which rows to leave out (empty lines, a
//! total at the bottom), and cell values in the forms Dutch sheets hold them — `31-12-2025`,
//! `31/12/25`, Excel's date numbers, `1,5` hours, `1:30`. Pure: the files are read elsewhere.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a spreadsheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    Volunteers,
    Participants,
    Matches,
    HourEntries,
    /// The sociale kaart.
    Organisations,
}

/// Where a column goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TargetField {
    /// Not imported.
    Ignore,
    /// A volunteer's full name (volunteers, hours, matches).
    VolunteerName,
    Email,
    Phone,
    Status,
    StartDate,
    AgreedHours,
    Programme,
    /// A participant's code or first name (participants, matches).
    ParticipantLabel,
    Contact,
    ConsentDate,
    ExpectedEndDate,
    Date,
    /// Hours as typed: `1,5`, `1:30`, `90m`.
    Duration,
    /// Support, meeting, travel, training.
    Kind,
    Note,
    /// An organisation's name (sociale kaart).
    OrganisationName,
    /// What an organisation does.
    What,
    /// The kinds of referral an organisation takes, as a list ("Schuldhulp, Wijkteam").
    ReferralKinds,
    /// The life domains an organisation works on, as a list ("Geldzaken; Wonen").
    Domains,
    OpeningHours,
    /// Where a participant lives: one of the branch's municipalities, by name.
    Municipality,
}

impl ImportKind {
    /// The fields a sheet of this kind may fill.
    pub fn fields(self) -> &'static [TargetField] {
        use TargetField::*;
        match self {
            Self::Volunteers => &[VolunteerName, Email, Phone, Status, StartDate, AgreedHours, Programme],
            Self::Participants => &[ParticipantLabel, Contact, ConsentDate, Municipality],
            Self::Matches => &[ParticipantLabel, VolunteerName, Programme, StartDate, ExpectedEndDate],
            Self::HourEntries => &[VolunteerName, Date, Duration, Programme, Kind, Note],
            Self::Organisations => &[OrganisationName, What, ReferralKinds, Domains, Contact, OpeningHours, Note],
        }
    }

    /// The fields without which a row cannot be imported.
    pub fn required(self) -> &'static [TargetField] {
        use TargetField::*;
        match self {
            Self::Volunteers => &[VolunteerName],
            Self::Participants => &[ParticipantLabel],
            Self::Matches => &[ParticipantLabel, VolunteerName, Programme, StartDate],
            Self::HourEntries => &[VolunteerName, Date, Duration],
            Self::Organisations => &[OrganisationName, ReferralKinds],
        }
    }
}

/// A cell as read from a sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    /// A cell from text as found in a CSV file: trimmed; empty is `Empty`.
    pub fn from_text(text: &str) -> Self {
        let t = text.trim();
        if t.is_empty() {
            Self::Empty
        } else {
            Self::Text(t.to_string())
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Self::Empty => true,
            Self::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// As the coordinator sees it: numbers with a decimal comma, dates as 31-12-2025.
    pub fn display(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(t) => t.trim().to_string(),
            Self::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Self::Number(n) => format!("{n}").replace('.', ","),
            Self::Date(d) => d.format("%d-%m-%Y").to_string(),
        }
    }
}

fn normalise(header: &str) -> String {
    header
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Draagkracht's field for a column header, from the words Dutch and English sheets use.
pub fn guess_field(header: &str) -> TargetField {
    use TargetField::*;
    let h = normalise(header);
    let has = |words: &[&str]| words.iter().any(|w| h == *w || h.split(' ').any(|part| part == *w));
    let starts = |words: &[&str]| words.iter().any(|w| h.starts_with(w));
    if h.is_empty() {
        Ignore
    } else if starts(&["e mail", "email", "mail"]) {
        Email
    } else if has(&["telefoon", "tel", "telefoonnummer", "mobiel", "phone", "gsm"]) {
        Phone
    } else if has(&["organisatie", "instantie", "organisation", "organization"]) {
        OrganisationName
    } else if has(&["verwijzing", "verwijzingen", "referral", "referrals"]) {
        ReferralKinds
    } else if has(&["levensgebied", "levensgebieden", "domein", "domeinen", "domains"]) {
        Domains
    } else if starts(&["openingstijd", "opening", "geopend", "bereikbaar"]) {
        OpeningHours
    } else if has(&["aanbod", "wat", "what", "diensten"]) {
        What
    } else if has(&["deelnemer", "deelnemers", "cliënt", "client", "hulpvrager", "code", "participant"]) {
        ParticipantLabel
    } else if has(&["gemeente", "woonplaats", "woonplaats gemeente", "municipality", "plaats", "city"]) {
        Municipality
    } else if has(&["contact", "adres", "address"]) {
        Contact
    } else if has(&["toestemming", "consent"]) {
        ConsentDate
    } else if starts(&["verwacht", "einddatum", "eind", "expected end", "end"]) {
        ExpectedEndDate
    } else if starts(&["startdatum", "start", "begin", "sinds", "in dienst", "since"]) {
        StartDate
    } else if has(&["afgesproken", "afspraak", "uren per week", "per week", "agreed"]) || h.contains("per week") {
        AgreedHours
    } else if has(&["uren", "uur", "duur", "tijd", "hours", "duration", "minuten", "inzet"]) {
        Duration
    } else if has(&["datum", "dag", "date", "day"]) {
        Date
    } else if has(&["project", "projecten", "programma", "programme", "program", "activiteit project"]) {
        Programme
    } else if has(&["status", "stand"]) {
        Status
    } else if has(&["soort", "type", "kind", "categorie"]) {
        Kind
    } else if has(&[
        "opmerking",
        "opmerkingen",
        "notitie",
        "notities",
        "toelichting",
        "omschrijving",
        "note",
        "notes",
        "remark",
    ]) {
        Note
    } else if has(&["naam", "vrijwilliger", "voornaam", "achternaam", "name", "volunteer", "wie"]) {
        VolunteerName
    } else {
        Ignore
    }
}

/// What a sheet with these columns most likely holds.
pub fn guess_kind(fields: &[TargetField]) -> ImportKind {
    use TargetField::*;
    let has = |f| fields.contains(&f);
    if has(OrganisationName) {
        ImportKind::Organisations
    } else if has(Duration) || (has(Date) && has(VolunteerName)) {
        ImportKind::HourEntries
    } else if has(ParticipantLabel) && has(VolunteerName) {
        ImportKind::Matches
    } else if has(ParticipantLabel) {
        ImportKind::Participants
    } else {
        ImportKind::Volunteers
    }
}

/// The header row (0-based) among the first rows: the first with at least two recognised headers,
/// else the first row that is not empty. Title rows and merged banners above it are skipped.
pub fn header_row(rows: &[Vec<Cell>]) -> usize {
    let recognised = |row: &Vec<Cell>| {
        row.iter().filter(|c| matches!(c, Cell::Text(t) if guess_field(t) != TargetField::Ignore)).count()
    };
    rows.iter()
        .take(15)
        .position(|row| recognised(row) >= 2)
        .or_else(|| rows.iter().position(|row| row.iter().any(|c| !c.is_empty())))
        .unwrap_or(0)
}

/// Why a data row is left out, if it is: an empty line, or a total at the bottom.
pub fn left_out(row: &[Cell]) -> bool {
    if row.iter().all(Cell::is_empty) {
        return true;
    }
    let first_text = row.iter().find_map(|c| match c {
        Cell::Text(t) if !t.trim().is_empty() => Some(normalise(t)),
        _ => None,
    });
    first_text
        .is_some_and(|t| ["totaal", "total", "totalen", "som", "sum", "subtotaal"].iter().any(|w| t.starts_with(w)))
}

/// The first day of Excel's 1900 date system, as serial numbers count it (with Excel's 1900 leap
/// year bug: serial 60 does not exist as a real day, so counting starts from 30-12-1899).
fn excel_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).expect("a valid date")
}

/// A date from a cell: a date cell, an Excel date number, or text as `31-12-2025`, `31/12/2025`,
/// `31.12.2025`, `2025-12-31`, `1-2-25` (two-digit years are 20xx).
pub fn cell_date(cell: &Cell) -> Option<NaiveDate> {
    match cell {
        Cell::Date(d) => Some(*d),
        Cell::Number(n) if (1.0..2_958_466.0).contains(n) => {
            excel_epoch().checked_add_days(Days::new(n.trunc() as u64))
        }
        Cell::Text(t) => text_date(t.trim()),
        _ => None,
    }
}

fn text_date(t: &str) -> Option<NaiveDate> {
    let t = t.split_whitespace().next()?; // "31-12-2025 00:00"
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let num = |s: &str| s.parse::<u32>().ok();
    let (y, m, d) = if parts[0].len() == 4 {
        (num(parts[0])? as i32, num(parts[1])?, num(parts[2])?)
    } else {
        let year = match parts[2].len() {
            4 => num(parts[2])? as i32,
            2 => 2000 + num(parts[2])? as i32,
            _ => return None,
        };
        (year, num(parts[1])?, num(parts[0])?)
    };
    NaiveDate::from_ymd_opt(y, m, d)
}

/// A duration as the hour form accepts it: a number of hours (`1.5` → `1,5`), or the text as typed.
pub fn cell_duration_text(cell: &Cell) -> String {
    match cell {
        Cell::Number(n) => format!("{n}").replace('.', ","),
        other => other.display(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_dutch_and_english_are_recognised() {
        use TargetField::*;
        for (header, field) in [
            ("Naam", VolunteerName),
            ("Naam vrijwilliger ", VolunteerName),
            ("Voornaam", VolunteerName),
            ("E-mailadres", Email),
            ("Telefoon", Phone),
            ("Datum", Date),
            ("Uren", Duration),
            ("Aantal uren", Duration),
            ("Project", Programme),
            ("Afgesproken uren per week", AgreedHours),
            ("Startdatum", StartDate),
            ("Deelnemer", ParticipantLabel),
            ("Gemeente", Municipality),
            ("Woonplaats", Municipality),
            ("Opmerking", Note),
            ("Hours", Duration),
            ("Volunteer", VolunteerName),
            ("", Ignore),
            ("Kolom 7", Ignore),
        ] {
            assert_eq!(guess_field(header), field, "{header:?}");
        }
    }

    #[test]
    fn the_header_row_is_found_below_a_title() {
        let t = |s: &str| Cell::Text(s.into());
        let rows = vec![
            vec![t("Urenoverzicht 2025"), Cell::Empty, Cell::Empty],
            vec![Cell::Empty, Cell::Empty, Cell::Empty],
            vec![t("Naam"), t("Datum"), t("Uren")],
            vec![t("Anna"), t("31-12-2025"), Cell::Number(1.5)],
        ];
        assert_eq!(header_row(&rows), 2);
        let fields: Vec<_> = ["Naam", "Datum", "Uren"].map(guess_field).to_vec();
        assert_eq!(guess_kind(&fields), ImportKind::HourEntries);
        assert!(left_out(&[t("Totaal"), Cell::Empty, Cell::Number(40.0)]));
        assert!(left_out(&[Cell::Empty, Cell::Text("  ".into())]));
        assert!(!left_out(&[t("Anna"), t("31-12-2025")]));
    }

    #[test]
    fn dates_in_the_forms_dutch_sheets_hold_them() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        for (text, date) in [
            ("31-12-2025", d(2025, 12, 31)),
            ("1-2-2025", d(2025, 2, 1)),
            ("31/12/2025", d(2025, 12, 31)),
            ("31.12.2025", d(2025, 12, 31)),
            ("2025-12-31", d(2025, 12, 31)),
            ("1-2-25", d(2025, 2, 1)),
            ("31-12-2025 00:00", d(2025, 12, 31)),
            ("31-02-2025", None),
            ("morgen", None),
            ("12-2025", None),
        ] {
            assert_eq!(cell_date(&Cell::Text(text.into())), date, "{text}");
        }
        assert_eq!(cell_date(&Cell::Number(45657.0)), d(2024, 12, 31), "Excel's serial number");
        assert_eq!(cell_duration_text(&Cell::Number(1.5)), "1,5");
        assert_eq!(Cell::Number(3.0).display(), "3");
    }

    /// 100,000 generated cells and headers: the readers never panic, whatever the input.
    #[test]
    fn no_input_makes_the_readers_panic() {
        let alphabet: Vec<char> = "0123456789-/.: ,;aAzZéëÜ€\t\"'\u{0}\u{feff}totaalTOTAALnaamuren".chars().collect();
        let mut seed: u64 = 0x2018;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..100_000 {
            let len = (next() % 24) as usize;
            let text: String = (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect();
            let number = f64::from_bits(next());
            let _ = cell_date(&Cell::Text(text.clone()));
            let _ = cell_date(&Cell::Number(number));
            let _ = cell_duration_text(&Cell::Number(number));
            let _ = crate::duration::parse_duration(&text);
            let _ = crate::duration::parse_decimal_hours(&text);
            let _ = guess_field(&text);
            let _ = left_out(&[Cell::from_text(&text), Cell::Number(number)]);
            let _ = Cell::Number(number).display();
        }
    }
}
