//! Date windows counted back from "today", which is always passed in: the last four weeks, this
//! month, this year, and the Monday-first weeks of the hour grid (ISO 8601, as in the Netherlands).
//!
//! ```
//! use chrono::NaiveDate;
//! use draagkracht_core::period::DateRange;
//! let today = NaiveDate::from_ymd_opt(2025, 3, 12).unwrap();
//! let w = DateRange::last_four_weeks(today);
//! assert_eq!(w.first, NaiveDate::from_ymd_opt(2025, 2, 13).unwrap());
//! assert_eq!(w.days(), 28);
//! ```

use chrono::{Datelike, Days, NaiveDate};

/// An inclusive range of calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl DateRange {
    /// The 28 days ending with `today` (the window of the signal rules).
    pub fn last_four_weeks(today: NaiveDate) -> Self {
        Self { first: today - Days::new(27), last: today }
    }

    /// The calendar month that holds `day`.
    pub fn month_of(day: NaiveDate) -> Self {
        let first = day.with_day(1).unwrap_or(day);
        let next = first.checked_add_months(chrono::Months::new(1)).unwrap_or(first);
        Self { first, last: next.pred_opt().unwrap_or(first) }
    }

    /// The calendar year that holds `day`.
    pub fn year_of(day: NaiveDate) -> Self {
        let y = day.year();
        Self {
            first: NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(day),
            last: NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(day),
        }
    }

    /// The Monday-to-Sunday week that holds `day`.
    pub fn week_of(day: NaiveDate) -> Self {
        let first = week_start(day);
        Self { first, last: first + Days::new(6) }
    }

    pub fn days(&self) -> i64 {
        (self.last - self.first).num_days() + 1
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.first <= day && day <= self.last
    }
}

/// The Monday of the week that holds `day`.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

/// The ISO week number (week 1 holds 4 January), as printed on Dutch calendars.
pub fn week_number(day: NaiveDate) -> u32 {
    day.iso_week().week()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn month_handles_february_in_a_leap_year() {
        let m = DateRange::month_of(d(2024, 2, 10));
        assert_eq!((m.first, m.last), (d(2024, 2, 1), d(2024, 2, 29)));
        let dec = DateRange::month_of(d(2025, 12, 31));
        assert_eq!((dec.first, dec.last), (d(2025, 12, 1), d(2025, 12, 31)));
    }

    #[test]
    fn weeks_start_on_monday_and_number_as_in_iso() {
        // 1 January 2026 is a Thursday: its week starts on Monday 29 December 2025 and is week 1.
        assert_eq!(week_start(d(2026, 1, 1)), d(2025, 12, 29));
        assert_eq!(week_number(d(2026, 1, 1)), 1);
        assert_eq!(week_start(d(2025, 12, 29)), d(2025, 12, 29));
        assert_eq!(DateRange::week_of(d(2025, 12, 31)).last, d(2026, 1, 4));
        // 1 January 2027 is a Friday: it still belongs to week 53 of 2026.
        assert_eq!(week_number(d(2027, 1, 1)), 53);
    }

    #[test]
    fn last_four_weeks_is_28_days_including_today() {
        let w = DateRange::last_four_weeks(d(2025, 3, 1));
        assert_eq!(w.days(), 28);
        assert!(w.contains(d(2025, 3, 1)));
        assert!(w.contains(d(2025, 2, 2)));
        assert!(!w.contains(d(2025, 2, 1)));
    }
}
