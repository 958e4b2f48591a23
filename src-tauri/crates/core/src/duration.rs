//! Minutes of volunteer work, and the parser for how coordinators write them on paper forms:
//! `2` (hours), `1,5` or `1.5` (hours, decimal comma or point), `1:30` (hours:minutes),
//! `90m` / `90 min` (minutes), `2u` / `2 uur` (hours).
//!
//! ```
//! use draagkracht_core::duration::parse_duration;
//! assert_eq!(parse_duration("1,5").unwrap().get(), 90);
//! assert_eq!(parse_duration("1:30").unwrap().get(), 90);
//! assert_eq!(parse_duration("45 min").unwrap().get(), 45);
//! ```

use crate::refusal::{Field, Refusal, RefusalCode};
use serde::Serialize;

/// The most a single entry may hold: one full day.
pub const MAX_ENTRY_MINUTES: u32 = 24 * 60;

/// Above this many hours on one day for one volunteer, saving asks first: a typing slip such as 23
/// for 2,3 is likelier than a 23-hour day. The default of the branch setting (see
/// [`parse_plausible_day_hours`]).
pub const PLAUSIBLE_DAY_HOURS: u32 = 10;

/// The branch's plausible day as typed in its settings: whole hours, 4 to 24 (24 never asks).
pub fn parse_plausible_day_hours(raw: &str) -> Result<u32, Refusal> {
    raw.trim().parse().ok().filter(|h| (4..=24).contains(h)).ok_or_else(|| {
        Refusal::new(
            Field::PlausibleDayHours,
            RefusalCode::NotAllowed,
            format!("'{}': kies een heel aantal uren van 4 tot en met 24.", raw.trim()),
            format!("'{}': choose a whole number of hours from 4 to 24.", raw.trim()),
        )
    })
}

/// A strictly positive number of minutes, at most one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Minutes(u32);

impl Minutes {
    /// Accepts 1 ..= 1440 minutes.
    pub fn new(minutes: i64) -> Result<Self, Refusal> {
        if minutes <= 0 {
            return Err(Refusal::new(
                Field::Duration,
                RefusalCode::NotPositive,
                "De duur moet meer dan 0 minuten zijn.",
                "The duration must be more than 0 minutes.",
            ));
        }
        if minutes > i64::from(MAX_ENTRY_MINUTES) {
            let (nl, en) = in_hours(minutes);
            return Err(Refusal::new(
                Field::Duration,
                RefusalCode::TooLarge,
                format!("De duur is {nl}; op één dag kan dat hoogstens 24 uur zijn."),
                format!("The duration is {en}; one day holds at most 24 hours."),
            ));
        }
        Ok(Self(minutes as u32))
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

/// Minutes said the way a coordinator counts them, in hours: `25 uur`, `24 uur en 10 minuten`
/// (Dutch, English).
pub fn in_hours(minutes: i64) -> (String, String) {
    let (hours, rest) = (minutes / 60, minutes % 60);
    match (hours, rest) {
        (0, m) => (format!("{m} minuten"), format!("{m} minutes")),
        (h, 0) => (format!("{h} uur"), format!("{h} hours")),
        (h, m) => (format!("{h} uur en {m} minuten"), format!("{h} hours {m} minutes")),
    }
}

/// Parses a duration as typed by a coordinator (see the module docs for the accepted forms).
pub fn parse_duration(raw: &str) -> Result<Minutes, Refusal> {
    let text = raw.trim().to_lowercase();
    if text.is_empty() {
        return Err(Refusal::new(
            Field::Duration,
            RefusalCode::Required,
            "Vul de duur in, bijvoorbeeld 1,5 of 1:30.",
            "Please fill in the duration, for example 1.5 or 1:30.",
        ));
    }
    let minutes = parse_minutes(&text).ok_or_else(|| {
        Refusal::new(
            Field::Duration,
            RefusalCode::InvalidFormat,
            format!("'{}' is geen duur. Schrijf uren als 1,5 of 1:30, of minuten als 90m.", raw.trim()),
            format!("'{}' is not a duration. Write hours as 1.5 or 1:30, or minutes as 90m.", raw.trim()),
        )
    })?;
    Minutes::new(minutes)
}

/// Parses a day's total as typed in the week grid: like [`parse_duration`], but empty or zero
/// means "nothing on this day" (0) instead of a refusal.
///
/// ```
/// use draagkracht_core::duration::parse_day_total;
/// assert_eq!(parse_day_total("").unwrap(), 0);
/// assert_eq!(parse_day_total("0").unwrap(), 0);
/// assert_eq!(parse_day_total("2,5").unwrap(), 150);
/// ```
pub fn parse_day_total(raw: &str) -> Result<u32, Refusal> {
    let text = raw.trim().to_lowercase();
    if text.is_empty() || parse_minutes(&text) == Some(0) {
        return Ok(0);
    }
    parse_duration(raw).map(Minutes::get)
}

/// The number of minutes in `text`, or `None` when it is not a duration at all.
fn parse_minutes(text: &str) -> Option<i64> {
    if let Some((h, m)) = text.split_once(':') {
        let hours: i64 = parse_unsigned(h.trim())?;
        let minutes: i64 = parse_unsigned(m.trim())?;
        if m.trim().len() != 2 || minutes >= 60 {
            return None;
        }
        return Some(hours * 60 + minutes);
    }
    for suffix in ["minuten", "minuut", "min", "m"] {
        if let Some(number) = text.strip_suffix(suffix) {
            return parse_decimal(number.trim()).map(|m| m.round() as i64);
        }
    }
    let hours_text = ["uren", "uur", "u", "h"].iter().find_map(|s| text.strip_suffix(s)).unwrap_or(text);
    let hours = parse_decimal(hours_text.trim())?;
    Some((hours * 60.0).round() as i64)
}

fn parse_unsigned(text: &str) -> Option<i64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) || text.len() > 6 {
        return None;
    }
    text.parse().ok()
}

/// A decimal with a comma or a point, optionally negative (so that "-1" is refused as not positive
/// rather than as unreadable).
fn parse_decimal(text: &str) -> Option<f64> {
    let normalised = text.replace(',', ".");
    let body = normalised.strip_prefix('-').unwrap_or(&normalised);
    let valid = !body.is_empty()
        && body.len() <= 9
        && body.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && body.bytes().filter(|&b| b == b'.').count() <= 1
        && body != ".";
    if !valid {
        return None;
    }
    normalised.parse().ok()
}

/// Parses a non-negative decimal number of hours ("4", "2,5", "2.5"); used for agreed hours.
pub fn parse_decimal_hours(raw: &str) -> Option<f64> {
    parse_decimal(raw.trim()).filter(|h| h.is_finite())
}

/// Formats minutes as Dutch hours with a decimal comma, e.g. 90 → "1,5"; 0 → "0".
pub fn format_hours_nl(minutes: i64) -> String {
    let hours = minutes as f64 / 60.0;
    let text = format!("{hours:.2}");
    let trimmed = text.trim_end_matches('0').trim_end_matches('.');
    trimmed.replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<u32, RefusalCode>) {
        let got = parse_duration(input).map(Minutes::get).map_err(|r| r.code);
        assert_eq!(got, expected, "parsing {input:?}");
    }

    #[test]
    fn a_plausible_day_is_whole_hours_from_4_to_24() {
        assert_eq!(parse_plausible_day_hours(" 12 ").unwrap(), 12);
        assert_eq!(parse_plausible_day_hours("4").unwrap(), 4);
        assert_eq!(parse_plausible_day_hours("24").unwrap(), 24);
        for wrong in ["3", "25", "10,5", "", "tien"] {
            assert_eq!(parse_plausible_day_hours(wrong).unwrap_err().field, Field::PlausibleDayHours, "{wrong:?}");
        }
    }

    #[test]
    fn a_day_total_may_be_empty_or_zero_but_not_negative_or_more_than_a_day() {
        assert_eq!(parse_day_total("  ").unwrap(), 0);
        assert_eq!(parse_day_total("0:00").unwrap(), 0);
        assert_eq!(parse_day_total("0,0").unwrap(), 0);
        assert_eq!(parse_day_total("1:30").unwrap(), 90);
        assert_eq!(parse_day_total("24").unwrap(), 1440);
        assert_eq!(parse_day_total("-1").unwrap_err().code, RefusalCode::NotPositive);
        assert_eq!(parse_day_total("24:01").unwrap_err().code, RefusalCode::TooLarge);
        assert_eq!(parse_day_total("vier").unwrap_err().code, RefusalCode::InvalidFormat);
    }

    #[test]
    fn accepts_the_ways_coordinators_write_hours() {
        check("2", Ok(120));
        check("1,5", Ok(90));
        check("1.5", Ok(90));
        check(" 0,25 ", Ok(15));
        check("1:30", Ok(90));
        check("0:05", Ok(5));
        check("90m", Ok(90));
        check("45 min", Ok(45));
        check("2u", Ok(120));
        check("3 uur", Ok(180));
        check("24", Ok(1440));
    }

    #[test]
    fn refuses_zero_negative_and_more_than_a_day() {
        check("0", Err(RefusalCode::NotPositive));
        check("0:00", Err(RefusalCode::NotPositive));
        check("-1", Err(RefusalCode::NotPositive));
        check("24,5", Err(RefusalCode::TooLarge));
        check("1441m", Err(RefusalCode::TooLarge));
    }

    #[test]
    fn refuses_what_is_not_a_duration() {
        check("", Err(RefusalCode::Required));
        check("   ", Err(RefusalCode::Required));
        check("abc", Err(RefusalCode::InvalidFormat));
        check("1:5", Err(RefusalCode::InvalidFormat));
        check("1:75", Err(RefusalCode::InvalidFormat));
        check("1,2,3", Err(RefusalCode::InvalidFormat));
        check("1e3", Err(RefusalCode::InvalidFormat));
        check(".", Err(RefusalCode::InvalidFormat));
        check("NaN", Err(RefusalCode::InvalidFormat));
    }

    #[test]
    fn formats_hours_with_a_decimal_comma() {
        assert_eq!(format_hours_nl(90), "1,5");
        assert_eq!(format_hours_nl(120), "2");
        assert_eq!(format_hours_nl(0), "0");
        assert_eq!(format_hours_nl(20), "0,33");
    }
}
