//! Rising load: over the last 12 full weeks, the weekly hours or the caseload weight rising by more
//! than 15 % a month — both the slope of a least-squares line (relative to the average week) and the
//! growth of the typical week from the first four weeks to the last four, so that one holiday or one
//! busy week does not make a trend.
//!
//! A rise from almost nothing is not a load (DOMAIN.md, "Rising load needs a floor"): the hours count
//! only when the typical recent week is above the agreed weekly hours (without an agreement there is
//! nothing to judge them by, as for "hours over agreement"), the weight only when it is above 2 (more
//! than one ordinary match). The strictest growth norm of the volunteer's programmes decides.

use super::norms::named;
use super::{hours_en, hours_nl, Evidence, Figure, History, Norms, Severity, Signal};
use crate::hours::HourKind;
use crate::period::week_start;
use crate::signals::RuleId;
use chrono::{Days, NaiveDate};

/// Weeks per month, for turning a weekly slope into a monthly growth.
const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

/// The caseload weight the recent weeks must be above (DOMAIN.md).
pub(crate) const WEIGHT_FLOOR: f64 = 2.0;

pub(super) fn check(h: &History, norms: &Norms, today: NaiveDate) -> Option<Signal> {
    let norm = norms.strictest(h.all_programmes(), |t| t.rising_per_month);
    let hours = weekly_minutes(h, today);
    let agreed = f64::from(h.agreed_minutes_per_week);
    let hours_rise = (hours.iter().filter(|m| **m > 0.0).count() >= 6 && agreed > 0.0)
        .then(|| rise(&hours, norm.value))
        .flatten()
        .filter(|r| r.last > agreed);
    let weights = weekly_weight(h, today);
    let weight_rise = rise(&weights, norm.value).filter(|r| r.last > WEIGHT_FLOOR);
    if hours_rise.is_none() && weight_rise.is_none() {
        return None;
    }
    let (which_nl, which_en) = named(&[&norm.programme]);
    let mut figures = Vec::new();
    let (mut nl, mut en) = (Vec::new(), Vec::new());
    if let Some(r) = &hours_rise {
        figures.push(Figure {
            label_nl: "groei van de uren per maand (%)".into(),
            label_en: "growth of the hours per month (%)".into(),
            value: r.percent(),
            threshold: norm.value * 100.0,
        });
        nl.push(format!(
            "de uren nemen toe: de laatste 4 weken zo'n {} uur per week, boven de afgesproken {}, en elke maand zo'n {} % meer",
            hours_nl(r.last),
            hours_nl(agreed),
            r.percent()
        ));
        en.push(format!(
            "the hours are rising: about {} hours a week over the last 4 weeks, above the agreed {}, about {} % more each month",
            hours_en(r.last),
            hours_en(agreed),
            r.percent()
        ));
    }
    if let Some(r) = &weight_rise {
        figures.push(Figure {
            label_nl: "groei van het gewicht per maand (%)".into(),
            label_en: "growth of the caseload weight per month (%)".into(),
            value: r.percent(),
            threshold: norm.value * 100.0,
        });
        nl.push(format!(
            "de koppelingen worden zwaarder: van gewicht {} naar {} in 12 weken (gewoon 1, complex 2, acuut 3)",
            r.first, r.last
        ));
        en.push(format!(
            "the matches are getting heavier: from weight {} to {} in 12 weeks (normal 1, complex 2, acute 3)",
            r.first, r.last
        ));
    }
    let sentence = |parts: Vec<String>, and: &str| {
        let text = parts.join(and);
        let mut chars = text.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
    };
    Some(Signal {
        rule: RuleId::RisingLoad,
        volunteer: h.volunteer,
        severity: Severity::Info,
        subject: None,
        evidence: Evidence { figures, ..Default::default() },
        explanation_nl: format!("{}.{which_nl}", sentence(nl, "; en ")),
        explanation_en: format!("{}.{which_en}", sentence(en, "; and ")),
        cause_date: h.entries.iter().map(|e| e.date).filter(|d| *d <= today).max().unwrap_or(today),
    })
}

/// A series that rose: its typical first and last four weeks and its growth per month.
struct Rise {
    first: f64,
    last: f64,
    per_month: f64,
}

impl Rise {
    fn percent(&self) -> f64 {
        (self.per_month * 100.0).round()
    }
}

/// Whether a weekly series rises by more than `per_month`: both its least-squares slope (relative
/// to its mean) and the growth of its median week from the first four weeks to the last four.
fn rise(weeks: &[f64], per_month: f64) -> Option<Rise> {
    let n = weeks.len() as f64;
    let mean = weeks.iter().sum::<f64>() / n;
    if mean <= 0.0 {
        return None;
    }
    let mean_x = (n - 1.0) / 2.0;
    let (mut num, mut den) = (0.0, 0.0);
    for (x, y) in weeks.iter().enumerate() {
        num += (x as f64 - mean_x) * (y - mean);
        den += (x as f64 - mean_x).powi(2);
    }
    let slope = num / den * WEEKS_PER_MONTH / mean;
    let first = median(&weeks[..4]);
    let last = median(&weeks[weeks.len() - 4..]);
    let months_apart = (weeks.len() - 4) as f64 / WEEKS_PER_MONTH;
    let grown = first > 0.0 && (last / first).powf(1.0 / months_apart) - 1.0 > per_month;
    (slope > per_month && grown).then_some(Rise { first, last, per_month: slope })
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

/// The first and last day of each of the 12 full weeks before the current one, oldest first.
fn twelve_weeks(today: NaiveDate) -> impl Iterator<Item = (NaiveDate, NaiveDate)> {
    let this_week = week_start(today);
    (1..=12u64).rev().map(move |back| {
        let first = this_week - Days::new(7 * back);
        (first, first + Days::new(6))
    })
}

/// Minutes of work in each of the 12 weeks.
fn weekly_minutes(h: &History, today: NaiveDate) -> Vec<f64> {
    twelve_weeks(today)
        .map(|(first, last)| {
            h.entries
                .iter()
                .filter(|e| e.kind != HourKind::Training && first <= e.date && e.date <= last)
                .map(|e| f64::from(e.minutes))
                .sum()
        })
        .collect()
}

/// The caseload weight at the end of each of the 12 weeks: the matches running that day, each
/// weighed by its case's level on that day.
fn weekly_weight(h: &History, today: NaiveDate) -> Vec<f64> {
    twelve_weeks(today)
        .map(|(_, last)| {
            h.matches.iter().filter(|m| m.runs_on(last)).map(|m| f64::from(m.level_on(last).weight())).sum()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::complexity::CaseLevel;
    use crate::signals::testing::*;

    /// A history with one entry a week for the 12 weeks before today's week, `minutes(week)` each,
    /// and an agreement of `agreed` hours a week.
    fn weekly_with(agreed: u32, minutes: impl Fn(u32) -> u32) -> History {
        let mut h = history(agreed);
        let monday = week_start(today());
        for w in 0..12u32 {
            let date = monday - Days::new(7 * u64::from(12 - w)) + Days::new(1);
            h.entries.push(entry(u128::from(w), date, minutes(w)));
        }
        h
    }

    fn weekly(minutes: impl Fn(u32) -> u32) -> History {
        weekly_with(2, minutes)
    }

    #[test]
    fn steady_hours_do_not_signal_and_steep_growth_does() {
        let n = norms();
        assert!(check(&weekly(|_| 240), &n, today()).is_none(), "steady");
        assert!(check(&weekly(|w| 240 - w * 10), &n, today()).is_none(), "falling");
        let s = check(&weekly(|w| 120 + w * 30), &n, today()).expect("from 2 to 7.5 hours a week");
        assert!(s.explanation_nl.starts_with("De uren nemen toe"), "{}", s.explanation_nl);
        // 2 % a week ≈ 9 % a month: below 15 %.
        assert!(check(&weekly(|w| 240 + w * 5), &n, today()).is_none(), "gentle growth");
    }

    /// The last four weeks' typical week (weeks 8–11: 60 + 10w minutes) is 155 minutes.
    #[test]
    fn a_rise_counts_only_above_the_agreement() {
        let n = norms();
        let rising = |w: u32| 60 + w * 10;
        for (agreed_minutes, fires) in [(154, true), (155, false), (156, false)] {
            let mut h = weekly_with(0, rising);
            h.agreed_minutes_per_week = agreed_minutes;
            assert_eq!(check(&h, &n, today()).is_some(), fires, "agreed {agreed_minutes} minutes");
        }
        assert!(check(&weekly_with(0, rising), &n, today()).is_none(), "no agreement: nothing to judge by");
    }

    /// The volunteer from the issue: about an hour a week, rising, under the agreed 2 hours.
    #[test]
    fn a_rise_from_almost_nothing_is_not_a_load() {
        let h = weekly(|w| 30 + w * 6);
        assert!(check(&h, &norms(), today()).is_none());
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
        assert!(check(&h, &norms(), today()).is_none());
    }

    #[test]
    fn too_few_weeks_with_hours_say_nothing() {
        let h = weekly(|w| if w >= 8 { 600 } else { 0 });
        assert!(check(&h, &norms(), today()).is_none());
    }

    /// One ordinary match all along; a second one (of `level`) starts five weeks ago.
    fn heavier(level: CaseLevel) -> History {
        let mut h = history(0);
        h.matches.push(a_match(1, CaseLevel::Normal));
        let mut second = a_match(2, level);
        second.start = week_start(today()) - Days::new(7 * 5);
        second.levels = vec![(second.start, level)];
        h.matches.push(second);
        h
    }

    #[test]
    fn a_caseload_getting_heavier_counts_above_a_weight_of_two() {
        let n = norms();
        // 1 → 2: rising, but not above the floor of 2.
        assert!(check(&heavier(CaseLevel::Normal), &n, today()).is_none(), "weight 2");
        let s = check(&heavier(CaseLevel::Complex), &n, today()).expect("weight 3");
        assert_eq!(
            s.explanation_nl,
            "De koppelingen worden zwaarder: van gewicht 1 naar 3 in 12 weken (gewoon 1, complex 2, acuut 3)."
        );
        assert!(check(&heavier(CaseLevel::Acute), &n, today()).is_some(), "weight 4");
        // A steady heavy caseload is heavy, not rising.
        let mut steady = heavier(CaseLevel::Complex);
        steady.matches[1].start = crate::signals::testing::day(1, 1);
        steady.matches[1].levels = vec![(steady.matches[1].start, CaseLevel::Complex)];
        assert!(check(&steady, &n, today()).is_none(), "steady weight 3");
    }

    #[test]
    fn a_case_that_becomes_complex_weighs_more_from_that_day() {
        let mut h = history(0);
        let mut m = a_match(1, CaseLevel::Acute);
        m.levels = vec![(day(1, 1), CaseLevel::Normal), (week_start(today()) - Days::new(20), CaseLevel::Acute)];
        h.matches.push(m);
        let s = check(&h, &norms(), today()).expect("from 1 to 3");
        assert_eq!(s.evidence.figures.len(), 1);
        assert_eq!(s.evidence.figures[0].label_en, "growth of the caseload weight per month (%)");
    }
}
