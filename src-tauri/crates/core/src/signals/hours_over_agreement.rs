//! Hours over agreement: more hours in the last 28 days than 1.5 × the agreed weekly hours × 4
//! (warning), or 2 × (alert). No agreement, no signal. The strictest multiples of the volunteer's
//! programmes decide.

use super::norms::named;
use super::{hours_en, hours_nl, last_four_weeks, Evidence, Figure, History, Norms, Severity, Signal};
use crate::signals::RuleId;
use chrono::NaiveDate;

pub(super) fn check(h: &History, norms: &Norms, today: NaiveDate) -> Option<Signal> {
    if h.agreed_minutes_per_week == 0 {
        return None;
    }
    let (minutes, entries) = last_four_weeks(h, today);
    let agreed = f64::from(h.agreed_minutes_per_week) * 4.0;
    let ratio = f64::from(minutes) / agreed;
    let programmes = h.all_programmes();
    let warning = norms.strictest(programmes.iter().copied(), |t| t.over_agreement_warning);
    let alert = norms.strictest(programmes.iter().copied(), |t| t.over_agreement_alert);
    let (severity, norm) = if ratio > alert.value {
        (Severity::Alert, &alert)
    } else if ratio > warning.value {
        (Severity::Warning, &warning)
    } else {
        return None;
    };
    let multiple = norm.value;
    let (which_nl, which_en) = named(&[&norm.programme]);
    let weekly = f64::from(h.agreed_minutes_per_week);
    let (nl, en) = how_much(ratio);
    Some(Signal {
        rule: RuleId::HoursOverAgreement,
        volunteer: h.volunteer,
        severity,
        subject: None,
        evidence: Evidence {
            entries: entries.iter().map(|e| e.id).collect(),
            matches: Vec::new(),
            figures: vec![Figure {
                label_nl: "uren in de afgelopen 4 weken".into(),
                label_en: "hours in the last 4 weeks".into(),
                value: f64::from(minutes) / 60.0,
                threshold: agreed * multiple / 60.0,
            }],
        },
        explanation_nl: format!(
            "In de afgelopen 4 weken {} uur, afgesproken {} uur per week — {nl}.{which_nl}",
            hours_nl(f64::from(minutes)),
            hours_nl(weekly)
        ),
        explanation_en: format!(
            "{} hours in the last 4 weeks, {} hours a week agreed — {en}.{which_en}",
            hours_en(f64::from(minutes)),
            hours_en(weekly)
        ),
        cause_date: entries.iter().map(|e| e.date).max().unwrap_or(today),
    })
}

/// "bijna twee keer zoveel" — the ratio in words a volunteer understands.
fn how_much(ratio: f64) -> (String, String) {
    match ratio {
        r if (1.75..2.0).contains(&r) => ("bijna twee keer zoveel".into(), "almost twice as much".into()),
        r if (2.0..2.25).contains(&r) => ("twee keer zoveel".into(), "twice as much".into()),
        r if (2.25..2.75).contains(&r) => ("ruim twee keer zoveel".into(), "over twice as much".into()),
        r => {
            let times = format!("{r:.1}");
            (format!("{} keer zoveel", times.replace('.', ",")), format!("{times} times as much"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signals::testing::*;

    /// 4 hours a week agreed = 16 in 28 days: warning above 24, alert above 32.
    fn check_minutes(minutes: u32) -> Option<Severity> {
        let mut h = history(4);
        h.entries.push(entry(1, day(6, 20), minutes));
        check(&h, &norms(), today()).map(|s| s.severity)
    }

    #[test]
    fn warns_above_one_and_a_half_and_alerts_above_twice_the_agreement() {
        assert_eq!(check_minutes(24 * 60), None, "exactly 1.5 × is not over");
        assert_eq!(check_minutes(24 * 60 + 1), Some(Severity::Warning));
        assert_eq!(check_minutes(32 * 60), Some(Severity::Warning), "exactly 2 × is a warning");
        assert_eq!(check_minutes(32 * 60 + 1), Some(Severity::Alert));
    }

    #[test]
    fn explains_in_words_a_volunteer_understands() {
        let mut h = history(4);
        h.entries.push(entry(1, day(6, 20), 31 * 60));
        let s = check(&h, &norms(), today()).unwrap();
        assert_eq!(
            s.explanation_nl,
            "In de afgelopen 4 weken 31 uur, afgesproken 4 uur per week — bijna twee keer zoveel."
        );
        assert_eq!(s.evidence.entries.len(), 1);
        assert_eq!(s.evidence.figures[0].value, 31.0);
    }

    #[test]
    fn counts_only_the_last_28_days_and_not_training() {
        let mut h = history(4);
        h.entries.push(entry(1, day(6, 2), 40 * 60)); // 29 days before 30 June
        let mut training = entry(2, day(6, 20), 40 * 60);
        training.kind = crate::hours::HourKind::Training;
        h.entries.push(training);
        assert!(check(&h, &norms(), today()).is_none());
        assert!(check(&history(0), &norms(), today()).is_none(), "no agreement, no signal");
    }
}
