//! What keeps a volunteer well supported: a certificate of conduct (VOG) within the renewal policy,
//! the training their programmes require, regular intervision or supervision, a strain check-in now
//! and then, and a volunteer allowance within the tax-free caps.
//!
//! The check-in statements are Draagkracht's own wording, adapted from caregiver-burden scales (see
//! DOMAIN.md). They are validated for family carers, not volunteers: the result is shown as "time
//! for a conversation", never as a diagnosis.

use crate::refusal::{optional_text, required_text, Field, Refusal, RefusalCode};
use crate::volunteer::parse_date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How long a check-in counts (DOMAIN.md: 3 months by default); an older one no longer raises a signal.
pub const CHECK_IN_VALID_MONTHS: u32 = 3;

/// The check-in statements, answered yes or no together with the coordinator.
pub const CHECK_IN_STATEMENTS: [(&str, &str); 12] = [
    ("Ik denk vaak aan mijn deelnemer als ik vrij ben.", "I often think about my participant in my own time."),
    ("Ik slaap slechter door dit vrijwilligerswerk.", "I sleep worse because of this volunteer work."),
    ("Ik heb het gevoel dat ik tekortschiet.", "I feel I am falling short."),
    ("Ik doe dingen waar ik eigenlijk niet voor ben opgeleid.", "I do things I was not really trained for."),
    ("Ik kan moeilijk nee zeggen tegen wat er gevraagd wordt.", "I find it hard to say no to what is asked."),
    ("Ik heb minder tijd voor mijn eigen familie en vrienden.", "I have less time for my own family and friends."),
    (
        "Ik voel me verantwoordelijk voor problemen die niet van mij zijn.",
        "I feel responsible for problems that are not mine.",
    ),
    ("Ik zie tegen het volgende bezoek op.", "I dread the next visit."),
    ("Ik maak me zorgen over de veiligheid van mijn deelnemer.", "I worry about my participant's safety."),
    ("Ik ben vaker moe dan vroeger.", "I am tired more often than before."),
    ("Ik heb het gevoel dat ik er alleen voor sta.", "I feel I am on my own with it."),
    ("Ik overweeg om te stoppen.", "I am thinking of stopping."),
];

/// How heavy a check-in weighs: the number of "yes" answers, in three bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StrainBand {
    /// 0–4 yes: fine.
    Low,
    /// 5–7 yes: worth a conversation.
    Middle,
    /// 8 or more yes: time for a conversation now.
    High,
}

/// The band for a number of "yes" answers (of 12).
pub fn strain_band(yes: usize) -> StrainBand {
    match yes {
        0..=4 => StrainBand::Low,
        5..=7 => StrainBand::Middle,
        _ => StrainBand::High,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SupervisionKind {
    Intervision,
    Supervision,
}

impl SupervisionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Intervision => "intervision",
            Self::Supervision => "supervision",
        }
    }
    pub fn parse(text: &str) -> Option<Self> {
        [Self::Intervision, Self::Supervision].into_iter().find(|k| k.as_str() == text)
    }
}

/// The yearly tax-free caps for a volunteer allowance, in cents. Defaults: the 2025 figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AllowanceCaps {
    pub per_hour_21_plus: u32,
    pub per_hour_under_21: u32,
    pub per_month: u32,
    pub per_year: u32,
}

impl Default for AllowanceCaps {
    fn default() -> Self {
        Self { per_hour_21_plus: 560, per_hour_under_21: 330, per_month: 21_000, per_year: 210_000 }
    }
}

fn not_after(field: Field, date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, Refusal> {
    if date > today {
        return Err(Refusal::new(
            field,
            RefusalCode::InFuture,
            format!("{} ligt na vandaag.", date.format("%d-%m-%Y")),
            format!("{} is after today.", date.format("%d-%m-%Y")),
        ));
    }
    Ok(date)
}

/// A typed date that may not lie after today.
pub fn past_date(field: Field, raw: &str, today: NaiveDate) -> Result<NaiveDate, Refusal> {
    not_after(field, parse_date(field, raw)?, today)
}

/// A check-in: the date and one answer per statement.
pub fn validate_check_in(date: &str, answers: &[bool], today: NaiveDate) -> Result<(NaiveDate, Vec<bool>), Refusal> {
    let date = past_date(Field::Date, date, today)?;
    if answers.len() != CHECK_IN_STATEMENTS.len() {
        return Err(Refusal::new(
            Field::Answers,
            RefusalCode::InvalidFormat,
            format!("Beantwoord alle {} uitspraken met ja of nee.", CHECK_IN_STATEMENTS.len()),
            format!("Answer all {} statements with yes or no.", CHECK_IN_STATEMENTS.len()),
        ));
    }
    Ok((date, answers.to_vec()))
}

/// A training a volunteer completed: its name and date.
pub fn validate_training(name: &str, date: &str, today: NaiveDate) -> Result<(String, NaiveDate), Refusal> {
    let name = required_text(Field::Name, "de naam van de training", "the training's name", name, 120)?;
    Ok((name, past_date(Field::Date, date, today)?))
}

/// An allowance paid for a month (`2025-03` or `03-2025`), in euros as typed (`105,50`).
pub fn validate_allowance(month: &str, amount: &str) -> Result<(NaiveDate, u32), Refusal> {
    let text = month.trim();
    let first = NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(&format!("01-{text}"), "%d-%m-%Y"))
        .map_err(|_| {
            Refusal::new(
                Field::Month,
                RefusalCode::InvalidFormat,
                format!("'{text}' is geen maand. Schrijf bijvoorbeeld 03-2025."),
                format!("'{text}' is not a month. Write for example 03-2025."),
            )
        })?;
    let cleaned = euro_text(amount);
    let euros: f64 =
        cleaned.parse().ok().filter(|v: &f64| v.is_finite() && *v >= 0.0 && *v < 100_000.0).ok_or_else(|| {
            Refusal::new(
                Field::Amount,
                RefusalCode::InvalidFormat,
                format!("'{}' is geen bedrag. Schrijf bijvoorbeeld 105,50.", amount.trim()),
                format!("'{}' is not an amount. Write for example 105.50.", amount.trim()),
            )
        })?;
    Ok((first, (euros * 100.0).round() as u32))
}

/// An amount as typed, as a plain decimal: Dutch `1.105,50` and `105,50`, or `105.50` with a decimal
/// point (one point followed by exactly two digits); other points separate thousands.
pub(crate) fn euro_text(raw: &str) -> String {
    let text = raw.trim().trim_start_matches('€').trim().replace(' ', "");
    if text.contains(',') {
        return text.replace('.', "").replace(',', ".");
    }
    let decimal_point = text.matches('.').count() == 1 && text.rsplit('.').next().is_some_and(|d| d.len() == 2);
    if decimal_point {
        text
    } else {
        text.replace('.', "")
    }
}

/// A note, optional.
pub fn validate_note(note: &str) -> Result<Option<String>, Refusal> {
    optional_text(Field::Note, "de notitie", "the note", note, 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_follow_the_number_of_yes_answers() {
        assert_eq!(
            [0, 4, 5, 7, 8, 12].map(strain_band),
            [
                StrainBand::Low,
                StrainBand::Low,
                StrainBand::Middle,
                StrainBand::Middle,
                StrainBand::High,
                StrainBand::High
            ]
        );
    }

    #[test]
    fn amounts_and_months_are_read_the_dutch_way() {
        let (month, cents) = validate_allowance("03-2025", "€ 1.105,50").unwrap();
        assert_eq!((month, cents), (NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(), 110_550));
        assert_eq!(validate_allowance("2025-03", "210").unwrap().1, 21_000);
        assert_eq!(validate_allowance("2025-03", "5.60").unwrap().1, 560, "a decimal point with two decimals");
        assert_eq!(validate_allowance("2025-03", "2.100").unwrap().1, 210_000, "a thousands point");
        assert_eq!(validate_allowance("2025-03", "€ 2.100,00").unwrap().1, 210_000);
        assert_eq!(validate_allowance("maart", "10").unwrap_err().field, Field::Month);
        assert_eq!(validate_allowance("03-2025", "-5").unwrap_err().field, Field::Amount);
    }

    #[test]
    fn a_check_in_answers_every_statement() {
        let today = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
        assert!(validate_check_in("30-06-2025", &[false; 12], today).is_ok());
        assert_eq!(validate_check_in("30-06-2025", &[false; 11], today).unwrap_err().field, Field::Answers);
        assert_eq!(validate_check_in("01-07-2025", &[false; 12], today).unwrap_err().code, RefusalCode::InFuture);
    }
}
