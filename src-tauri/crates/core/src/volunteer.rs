//! Volunteers (vrijwilligers): their status lifecycle and the validation of the volunteer form.
//!
//! The lifecycle is aanmelding → intake → actief ⇄ rust → gestopt; anyone can stop, and someone who
//! stopped can sign up again.

use crate::duration::parse_decimal_hours;
use crate::ids::ProgrammeId;
use crate::refusal::{optional_text, required_text, Field, Refusal, RefusalCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a volunteer stands. Serialised in English; the UI translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VolunteerStatus {
    /// Aanmelding: signed up, not yet spoken to.
    Registered,
    /// Intake: in conversation, VOG and training arranged.
    Intake,
    /// Actief: doing volunteer work.
    Active,
    /// Rust: on a break, expected back.
    Resting,
    /// Gestopt: no longer a volunteer.
    Stopped,
}

impl VolunteerStatus {
    pub const ALL: [VolunteerStatus; 5] = [Self::Registered, Self::Intake, Self::Active, Self::Resting, Self::Stopped];

    /// The text stored in the database and sent over the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Registered => "registered",
            Self::Intake => "intake",
            Self::Active => "active",
            Self::Resting => "resting",
            Self::Stopped => "stopped",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn label_nl(self) -> &'static str {
        match self {
            Self::Registered => "aanmelding",
            Self::Intake => "intake",
            Self::Active => "actief",
            Self::Resting => "rust",
            Self::Stopped => "gestopt",
        }
    }

    /// The statuses a volunteer in this status may move to next (staying put is always allowed).
    pub fn next(self) -> &'static [VolunteerStatus] {
        use VolunteerStatus::*;
        match self {
            Registered => &[Intake, Stopped],
            Intake => &[Active, Stopped],
            Active => &[Resting, Stopped],
            Resting => &[Active, Stopped],
            Stopped => &[Registered],
        }
    }

    pub fn can_move_to(self, to: VolunteerStatus) -> bool {
        self == to || self.next().contains(&to)
    }
}

/// The volunteer form as typed in.
#[derive(Debug, Clone, Default)]
pub struct VolunteerDraft {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub status: String,
    pub start_date: String,
    pub agreed_hours_per_week: String,
    pub programmes: Vec<ProgrammeId>,
}

/// A volunteer that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidVolunteer {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub status: VolunteerStatus,
    pub start_date: NaiveDate,
    pub agreed_minutes_per_week: u32,
    pub programmes: Vec<ProgrammeId>,
}

impl VolunteerDraft {
    /// Validates the form. `current` is the stored status when editing (the lifecycle applies),
    /// `None` when adding a new volunteer. Every field is checked, so that a form shows all its
    /// refusals at once (the first, with the others in `also`).
    pub fn validate(&self, today: NaiveDate, current: Option<VolunteerStatus>) -> Result<ValidVolunteer, Refusal> {
        let name = required_text(Field::Name, "de naam", "the name", &self.name, 120);
        let email = self.email();
        let phone = self.phone();
        let status = self.status(current);
        let start_date = parse_date(Field::StartDate, &self.start_date)
            .and_then(|date| starts_in_time(date, status.as_ref().ok().copied(), today));
        let agreed_minutes_per_week = self.agreed_minutes();
        Refusal::all([
            name.as_ref().err(),
            email.as_ref().err(),
            phone.as_ref().err(),
            status.as_ref().err(),
            start_date.as_ref().err(),
            agreed_minutes_per_week.as_ref().err(),
        ])?;
        let mut programmes = self.programmes.clone();
        programmes.sort();
        programmes.dedup();
        Ok(ValidVolunteer {
            name: name?,
            email: email?,
            phone: phone?,
            status: status?,
            start_date: start_date?,
            agreed_minutes_per_week: agreed_minutes_per_week?,
            programmes,
        })
    }

    fn email(&self) -> Result<Option<String>, Refusal> {
        let email = optional_text(Field::Email, "het e-mailadres", "the e-mail address", &self.email, 200)?;
        if let Some(email) = &email {
            let valid = email.split_once('@').is_some_and(|(user, host)| {
                !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
            }) && !email.contains(char::is_whitespace);
            if !valid {
                return Err(Refusal::new(
                    Field::Email,
                    RefusalCode::InvalidFormat,
                    format!("'{email}' is geen e-mailadres. Een e-mailadres ziet eruit als naam@voorbeeld.nl."),
                    format!("'{email}' is not an e-mail address. It looks like name@example.org."),
                ));
            }
        }
        Ok(email)
    }

    fn phone(&self) -> Result<Option<String>, Refusal> {
        let phone = optional_text(Field::Phone, "het telefoonnummer", "the phone number", &self.phone, 40)?;
        if let Some(phone) = &phone {
            let digits = phone.chars().filter(char::is_ascii_digit).count();
            let allowed = phone.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
            if !allowed {
                return Err(Refusal::new(
                    Field::Phone,
                    RefusalCode::InvalidFormat,
                    format!("'{phone}' is geen telefoonnummer. Gebruik cijfers, spaties, + of -."),
                    format!("'{phone}' is not a phone number. Use digits, spaces, + or -."),
                ));
            }
            if digits < 6 {
                return Err(Refusal::new(
                    Field::Phone,
                    RefusalCode::InvalidFormat,
                    format!("'{phone}' is te kort voor een telefoonnummer: er staan {digits} cijfers in, een nummer heeft er minstens 6."),
                    format!("'{phone}' is too short for a phone number: it has {digits} digits, a number has at least 6."),
                ));
            }
        }
        Ok(phone)
    }

    fn status(&self, current: Option<VolunteerStatus>) -> Result<VolunteerStatus, Refusal> {
        let status = VolunteerStatus::parse(self.status.trim()).ok_or_else(|| {
            Refusal::new(Field::Status, RefusalCode::Unknown, "Kies een status.", "Please choose a status.")
        })?;
        match current {
            None if status != VolunteerStatus::Registered
                && status != VolunteerStatus::Intake
                && status != VolunteerStatus::Active =>
            {
                return Err(Refusal::new(
                    Field::Status,
                    RefusalCode::NotAllowed,
                    "Een nieuwe vrijwilliger begint als aanmelding, intake of actief.",
                    "A new volunteer starts as registered, intake or active.",
                ));
            }
            Some(from) if !from.can_move_to(status) => {
                return Err(Refusal::new(
                    Field::Status,
                    RefusalCode::NotAllowed,
                    format!(
                        "Van '{}' kan niet direct naar '{}'. Dat kan wel: {}.",
                        from.label_nl(),
                        status.label_nl(),
                        from.next().iter().map(|s| format!("'{}'", s.label_nl())).collect::<Vec<_>>().join(", ")
                    ),
                    format!(
                        "'{}' cannot move straight to '{}'. Allowed: {}.",
                        from.as_str(),
                        status.as_str(),
                        from.next().iter().map(|s| format!("'{}'", s.as_str())).collect::<Vec<_>>().join(", ")
                    ),
                ));
            }
            _ => {}
        }
        Ok(status)
    }

    fn agreed_minutes(&self) -> Result<u32, Refusal> {
        Ok(if self.agreed_hours_per_week.trim().is_empty() {
            0
        } else {
            let hours = parse_decimal_hours(&self.agreed_hours_per_week).ok_or_else(|| {
                Refusal::new(
                    Field::AgreedHours,
                    RefusalCode::InvalidFormat,
                    format!(
                        "'{}' is geen aantal uren. Schrijf bijvoorbeeld 4 of 2,5.",
                        self.agreed_hours_per_week.trim()
                    ),
                    format!(
                        "'{}' is not a number of hours. Write for example 4 or 2.5.",
                        self.agreed_hours_per_week.trim()
                    ),
                )
            })?;
            if !(0.0..=60.0).contains(&hours) {
                return Err(Refusal::new(
                    Field::AgreedHours,
                    RefusalCode::TooLarge,
                    "Afgesproken uren per week: kies 0 tot 60 uur.",
                    "Agreed hours per week: choose 0 to 60 hours.",
                ));
            }
            (hours * 60.0).round() as u32
        })
    }
}

/// A planned start is fine for someone who has only signed up (hours cannot precede it anyway),
/// not for an active volunteer.
fn starts_in_time(start: NaiveDate, status: Option<VolunteerStatus>, today: NaiveDate) -> Result<NaiveDate, Refusal> {
    if start > today && status == Some(VolunteerStatus::Active) {
        return Err(Refusal::new(
            Field::StartDate,
            RefusalCode::InFuture,
            "Een actieve vrijwilliger kan niet in de toekomst beginnen. Kies een datum tot en met vandaag, of de status aanmelding.",
            "An active volunteer cannot start in the future. Choose a date up to today, or the status registered.",
        ));
    }
    Ok(start)
}

/// Parses a date as an ISO `2025-12-31` (date pickers) or Dutch `31-12-2025` (typed).
pub fn parse_date(field: Field, raw: &str) -> Result<NaiveDate, Refusal> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(Refusal::new(field, RefusalCode::Required, "Vul een datum in.", "Please fill in a date."));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(text, "%d-%m-%Y")).map_err(|_| {
        match day_month_year(text) {
            // Written the right way, but that day does not exist: say why.
            Some((day, month, year)) => no_such_day(field, text, day, month, year),
            None => Refusal::new(
                field,
                RefusalCode::InvalidFormat,
                format!("'{text}' is geen datum. Schrijf de datum als dag-maand-jaar, bijvoorbeeld 31-12-2026."),
                format!("'{text}' is not a date. Write it as day-month-year, like 31-12-2026, or 2026-12-31."),
            ),
        }
    })
}

/// Day, month and year of text shaped like a date (`31-02-2026` or `2026-02-31`), whether or not
/// that day exists.
fn day_month_year(text: &str) -> Option<(u32, u32, i32)> {
    let parts: Vec<&str> = text.split('-').collect();
    let [a, b, c] = parts.as_slice() else { return None };
    let number = |p: &str| p.chars().all(|c| c.is_ascii_digit()).then(|| p.parse::<i64>().ok()).flatten();
    let (a, b, c) = (number(a)?, number(b)?, number(c)?);
    let (day, month, year) = if parts[0].len() == 4 { (c, b, a) } else { (a, b, c) };
    (parts[0].len() == 4 || parts[2].len() == 4).then_some((day as u32, month as u32, year as i32))
}

fn no_such_day(field: Field, text: &str, day: u32, month: u32, year: i32) -> Refusal {
    const MONTHS_NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const MONTHS_EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    if !(1..=12).contains(&month) {
        return Refusal::new(
            field,
            RefusalCode::InvalidFormat,
            format!(
                "'{text}' is geen datum: er is geen maand {month}. Schrijf dag-maand-jaar, bijvoorbeeld 31-12-{year}."
            ),
            format!("'{text}' is not a date: there is no month {month}. Write day-month-year, like 31-12-{year}."),
        );
    }
    let next =
        if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1) } else { NaiveDate::from_ymd_opt(year, month + 1, 1) };
    let days = next.and_then(|n| n.pred_opt()).map(|last| last.format("%d").to_string()).unwrap_or_default();
    let (nl, en) = (MONTHS_NL[month as usize - 1], MONTHS_EN[month as usize - 1]);
    Refusal::new(
        field,
        RefusalCode::InvalidFormat,
        format!("'{text}' bestaat niet: {nl} {year} heeft {days} dagen, geen {day}."),
        format!("'{text}' does not exist: {en} {year} has {days} days, not {day}."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_that_does_not_exist_is_told_why() {
        let e = parse_date(Field::Date, "31-02-2026").unwrap_err();
        assert_eq!(e.nl, "'31-02-2026' bestaat niet: februari 2026 heeft 28 dagen, geen 31.");
        assert_eq!(e.en, "'31-02-2026' does not exist: February 2026 has 28 days, not 31.");
        assert!(parse_date(Field::Date, "2028-02-30").unwrap_err().nl.contains("februari 2028 heeft 29 dagen"));
        assert!(parse_date(Field::Date, "12-13-2026").unwrap_err().nl.contains("geen maand 13"));
        assert!(parse_date(Field::Date, "morgen").unwrap_err().nl.contains("dag-maand-jaar"));
        assert_eq!(parse_date(Field::Date, "29-02-2028").unwrap(), NaiveDate::from_ymd_opt(2028, 2, 29).unwrap());
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 15).unwrap()
    }

    fn draft() -> VolunteerDraft {
        VolunteerDraft {
            name: " Anna de Vries ".into(),
            email: "anna@example.nl".into(),
            phone: "06-12345678".into(),
            status: "active".into(),
            start_date: "01-03-2025".into(),
            agreed_hours_per_week: "4,5".into(),
            programmes: vec![],
        }
    }

    fn refused(d: VolunteerDraft, current: Option<VolunteerStatus>) -> (Field, RefusalCode) {
        let r = d.validate(today(), current).expect_err("should be refused");
        (r.field, r.code)
    }

    #[test]
    fn accepts_a_complete_form_and_normalises_it() {
        let v = draft().validate(today(), None).unwrap();
        assert_eq!(v.name, "Anna de Vries");
        assert_eq!(v.start_date, NaiveDate::from_ymd_opt(2025, 3, 1).unwrap());
        assert_eq!(v.agreed_minutes_per_week, 270);
    }

    #[test]
    fn each_refusal_names_its_field() {
        assert_eq!(refused(VolunteerDraft { name: "".into(), ..draft() }, None), (Field::Name, RefusalCode::Required));
        assert_eq!(
            refused(VolunteerDraft { email: "anna@".into(), ..draft() }, None),
            (Field::Email, RefusalCode::InvalidFormat)
        );
        assert_eq!(
            refused(VolunteerDraft { phone: "bel maar".into(), ..draft() }, None),
            (Field::Phone, RefusalCode::InvalidFormat)
        );
        assert_eq!(
            refused(VolunteerDraft { status: "busy".into(), ..draft() }, None),
            (Field::Status, RefusalCode::Unknown)
        );
        assert_eq!(
            refused(VolunteerDraft { start_date: "31-02-2025".into(), ..draft() }, None),
            (Field::StartDate, RefusalCode::InvalidFormat)
        );
        assert_eq!(
            refused(VolunteerDraft { start_date: "2025-06-16".into(), ..draft() }, None),
            (Field::StartDate, RefusalCode::InFuture)
        );
        assert_eq!(
            refused(VolunteerDraft { agreed_hours_per_week: "veel".into(), ..draft() }, None),
            (Field::AgreedHours, RefusalCode::InvalidFormat)
        );
        assert_eq!(
            refused(VolunteerDraft { agreed_hours_per_week: "61".into(), ..draft() }, None),
            (Field::AgreedHours, RefusalCode::TooLarge)
        );
    }

    #[test]
    fn every_refused_field_is_told_at_once_in_form_order() {
        let form = VolunteerDraft {
            name: " ".into(),
            phone: "06-12".into(),
            start_date: "31-02-2026".into(),
            agreed_hours_per_week: "veel".into(),
            ..draft()
        };
        let refusal = form.validate(today(), None).unwrap_err();
        assert_eq!(refusal.field, Field::Name);
        let also: Vec<Field> = refusal.also.iter().map(|r| r.field).collect();
        assert_eq!(also, vec![Field::Phone, Field::StartDate, Field::AgreedHours]);
        assert!(refusal.also[0].nl.contains("te kort"), "{}", refusal.also[0].nl);
        assert!(refusal.also.iter().all(|r| r.also.is_empty()));
    }

    #[test]
    fn lifecycle_moves_one_step_at_a_time() {
        use VolunteerStatus::*;
        assert!(Registered.can_move_to(Intake));
        assert!(!Registered.can_move_to(Active));
        assert!(Active.can_move_to(Resting) && Resting.can_move_to(Active));
        assert!(Stopped.can_move_to(Registered) && !Stopped.can_move_to(Active));
        assert!(VolunteerStatus::ALL.iter().all(|s| s.can_move_to(*s)));
        assert!(VolunteerStatus::ALL.iter().filter(|s| **s != Stopped).all(|s| s.can_move_to(Stopped)));
        assert_eq!(
            refused(VolunteerDraft { status: "active".into(), ..draft() }, Some(Stopped)),
            (Field::Status, RefusalCode::NotAllowed)
        );
        assert_eq!(
            refused(VolunteerDraft { status: "stopped".into(), ..draft() }, None),
            (Field::Status, RefusalCode::NotAllowed)
        );
    }

    #[test]
    fn a_planned_start_is_fine_for_a_new_sign_up() {
        let d = VolunteerDraft { status: "registered".into(), start_date: "2025-09-01".into(), ..draft() };
        assert!(d.validate(today(), None).is_ok());
    }
}
