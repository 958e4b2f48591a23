//! Reports for funders and the board (DOMAIN.md, "Reports for funders"): the figures of a period
//! and scope, computed purely from the facts the store aggregates ([`figures`]), and the document
//! a renderer lays out ([`build`] → [`document`]). A funder report is anonymous by construction:
//! the builder never puts a name, id or free text in it, shows counts of 1–4 as "<5" with
//! complementary suppression ([`crate::suppression`]) and rounds hours.

pub mod build;
pub mod document;
pub mod figures;

pub use build::{build, Cover};
pub use document::{Cell, Chart, ChartKind, KeyFigure, ReportDocument, Section, Series, Table};
pub use figures::{ReportFacts, ReportFigures};

/// The language a report is written in. Dutch by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    Nl,
    En,
}

/// Who a report is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// A municipality or foundation: anonymous, small counts suppressed, hours rounded.
    Funder,
    /// The coordinator and the board: may carry volunteers' names.
    Internal,
}

impl Audience {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "funder" => Some(Self::Funder),
            "internal" => Some(Self::Internal),
            _ => None,
        }
    }
}

use crate::refusal::{required_text, Field, Refusal, RefusalCode};
use crate::volunteer::parse_date;
use crate::DateRange;
use chrono::NaiveDate;

/// The default replacement rate: the Dutch statutory minimum wage for 21 and over, per hour.
pub const DEFAULT_HOUR_RATE_CENTS: u32 = 1406;
pub const DEFAULT_HOUR_RATE_SOURCE: &str =
    "Wettelijk minimumuurloon 21 jaar en ouder, 1 januari 2025 (rijksoverheid.nl)";

/// A report's period as typed: the first and last day (ISO or Dutch), the first not after today,
/// the last not before the first, at most ten years.
pub fn parse_period(from: &str, to: &str, today: NaiveDate) -> Result<DateRange, Refusal> {
    let first = parse_date(Field::From, from)?;
    let last = parse_date(Field::To, to)?;
    if first > today {
        return Err(Refusal::new(
            Field::From,
            RefusalCode::InFuture,
            "De periode begint in de toekomst. Kies een eerdere begindatum.",
            "The period starts in the future. Please choose an earlier first day.",
        ));
    }
    if last < first {
        return Err(Refusal::new(
            Field::To,
            RefusalCode::InvalidFormat,
            "De einddatum ligt vóór de begindatum. Kies een latere einddatum.",
            "The last day is before the first. Please choose a later last day.",
        ));
    }
    if (last - first).num_days() > 3660 {
        return Err(Refusal::new(
            Field::To,
            RefusalCode::TooLarge,
            "Een rapportage gaat over hooguit tien jaar. Kies een kortere periode.",
            "A report covers ten years at most. Please choose a shorter period.",
        ));
    }
    Ok(DateRange { first, last })
}

/// The report's settings as typed: the branch's name, the rate per hour in euros (`14,06`), its
/// source.
pub fn parse_settings(branch: &str, rate: &str, source: &str) -> Result<(String, u32, String), Refusal> {
    let branch = required_text(Field::BranchName, "de naam van de afdeling", "the branch's name", branch, 120)?;
    let cleaned = crate::support::euro_text(rate);
    let euros: f64 =
        cleaned.parse().ok().filter(|v: &f64| v.is_finite() && *v > 0.0 && *v <= 500.0).ok_or_else(|| {
            Refusal::new(
                Field::HourRate,
                RefusalCode::InvalidFormat,
                format!("'{}' is geen bedrag per uur. Schrijf bijvoorbeeld 14,06.", rate.trim()),
                format!("'{}' is not an hourly amount. Write for example 14.06.", rate.trim()),
            )
        })?;
    let source = required_text(Field::HourRateSource, "de bron van het tarief", "the rate's source", source, 300)?;
    Ok((branch, (euros * 100.0).round() as u32, source))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_reads_both_notations_and_refuses_what_cannot_be() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let year = parse_period("1-1-2025", "2025-12-31", today).unwrap();
        assert_eq!(year.days(), 365);
        assert_eq!(parse_period("2025-12-31", "2025-01-01", today).unwrap_err().field, Field::To);
        assert_eq!(parse_period("2027-01-01", "2027-12-31", today).unwrap_err().field, Field::From);
        assert_eq!(parse_period("", "2025-01-01", today).unwrap_err().field, Field::From);
        assert_eq!(parse_period("2000-01-01", "2025-01-01", today).unwrap_err().code, RefusalCode::TooLarge);
    }

    #[test]
    fn settings_read_a_dutch_amount() {
        assert_eq!(
            parse_settings(" Humanitas Zwolle ", "€ 14,06", "CAO").unwrap(),
            ("Humanitas Zwolle".into(), 1406, "CAO".into())
        );
        assert_eq!(parse_settings("A", "veertien", "CAO").unwrap_err().field, Field::HourRate);
        assert_eq!(parse_settings("", "14", "CAO").unwrap_err().field, Field::BranchName);
        assert_eq!(parse_settings("A", "14", " ").unwrap_err().field, Field::HourRateSource);
    }
}
