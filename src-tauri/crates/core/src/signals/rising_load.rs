//! Rising load: weekly hours over the last 12 full weeks rising by more than 15 % a month — both the
//! slope of a least-squares line (relative to the average week) and the growth of the typical week
//! from the first four weeks to the last four, so that one holiday or one busy week does not make a trend.

use super::{hours_en, hours_nl, Evidence, Figure, History, Severity, Signal, Thresholds};
use crate::hours::HourKind;
use crate::period::week_start;
use crate::signals::RuleId;
use chrono::{Days, NaiveDate};

/// Weeks per month, for turning a weekly slope into a monthly growth.
const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

pub(super) fn check(h: &History, t: &Thresholds, today: NaiveDate) -> Option<Signal> {
    let weeks = weekly_minutes(h, today);
    if weeks.iter().filter(|m| **m > 0.0).count() < 6 {
        return None;
    }
    let n = weeks.len() as f64;
    let mean = weeks.iter().sum::<f64>() / n;
    let mean_x = (n - 1.0) / 2.0;
    let (mut num, mut den) = (0.0, 0.0);
    for (x, y) in weeks.iter().enumerate() {
        num += (x as f64 - mean_x) * (y - mean);
        den += (x as f64 - mean_x).powi(2);
    }
    let per_month = num / den * WEEKS_PER_MONTH / mean;
    // The typical (median) week of the last four against that of the first four, eight weeks apart.
    let first = median(&weeks[..4]);
    let last = median(&weeks[weeks.len() - 4..]);
    let months_apart = 8.0 / WEEKS_PER_MONTH;
    let grown = first > 0.0 && (last / first).powf(1.0 / months_apart) - 1.0 > t.rising_per_month;
    if mean <= 0.0 || per_month <= t.rising_per_month || !grown {
        return None;
    }
    let percent = (per_month * 100.0).round();
    Some(Signal {
        rule: RuleId::RisingLoad,
        volunteer: h.volunteer,
        severity: Severity::Info,
        subject: None,
        evidence: Evidence {
            figures: vec![Figure {
                label_nl: "groei per maand (%)".into(),
                label_en: "growth per month (%)".into(),
                value: percent,
                threshold: t.rising_per_month * 100.0,
            }],
            ..Default::default()
        },
        explanation_nl: format!(
            "De uren nemen toe: de laatste 12 weken gemiddeld {} uur per week, en elke maand zo'n {percent} % meer.",
            hours_nl(mean)
        ),
        explanation_en: format!(
            "The hours are rising: {} hours a week on average over the last 12 weeks, about {percent} % more each month.",
            hours_en(mean)
        ),
        cause_date: h.entries.iter().map(|e| e.date).filter(|d| *d <= today).max().unwrap_or(today),
    })
}

fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    if v.len() % 2 == 0 {
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    }
}

/// Minutes of work in each of the 12 full weeks before the current one, oldest first.
fn weekly_minutes(h: &History, today: NaiveDate) -> Vec<f64> {
    let this_week = week_start(today);
    (1..=12u64)
        .rev()
        .map(|back| {
            let first = this_week - Days::new(7 * back);
            let last = first + Days::new(6);
            h.entries
                .iter()
                .filter(|e| e.kind != HourKind::Training && first <= e.date && e.date <= last)
                .map(|e| f64::from(e.minutes))
                .sum()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signals::testing::*;

    /// A history with one entry a week for the 12 weeks before today's week, `minutes(week)` each.
    fn weekly(minutes: impl Fn(u32) -> u32) -> History {
        let mut h = history(4);
        let monday = week_start(today());
        for w in 0..12u32 {
            let date = monday - Days::new(7 * u64::from(12 - w)) + Days::new(1);
            h.entries.push(entry(u128::from(w), date, minutes(w)));
        }
        h
    }

    #[test]
    fn steady_hours_do_not_signal_and_steep_growth_does() {
        let t = Thresholds::default();
        assert!(check(&weekly(|_| 240), &t, today()).is_none(), "steady");
        assert!(check(&weekly(|w| 240 - w * 10), &t, today()).is_none(), "falling");
        assert!(check(&weekly(|w| 120 + w * 30), &t, today()).is_some(), "from 2 to 7.5 hours a week");
        // 2 % a week ≈ 9 % a month: below 15 %.
        assert!(check(&weekly(|w| 240 + w * 5), &t, today()).is_none(), "gentle growth");
    }

    #[test]
    fn one_busy_week_at_the_end_is_not_a_trend() {
        let h = weekly(|w| {
            if w == 11 {
                900
            } else if w == 0 {
                60
            } else {
                240
            }
        });
        assert!(check(&h, &Thresholds::default(), today()).is_none());
    }

    #[test]
    fn too_few_weeks_with_hours_say_nothing() {
        let h = weekly(|w| if w >= 8 { 600 } else { 0 });
        assert!(check(&h, &Thresholds::default(), today()).is_none());
    }
}
