//! Strain check-in: the latest check-in in the top band (alert) or the middle band (info). Shown as
//! "time for a conversation", never as a diagnosis. A check-in counts for 3 months (DOMAIN.md); an
//! older one no longer raises a signal.

use super::{Evidence, Figure, History, Severity, Signal};
use crate::signals::RuleId;
use crate::support::{strain_band, StrainBand, CHECK_IN_STATEMENTS, CHECK_IN_VALID_MONTHS};
use chrono::{Months, NaiveDate};

pub(super) fn check(h: &History, today: NaiveDate) -> Option<Signal> {
    let (date, yes) = h.last_check_in?;
    if date.checked_add_months(Months::new(CHECK_IN_VALID_MONTHS)).is_some_and(|valid| valid < today) {
        return None;
    }
    let severity = match strain_band(yes) {
        StrainBand::Low => return None,
        StrainBand::Middle => Severity::Info,
        StrainBand::High => Severity::Alert,
    };
    let of = CHECK_IN_STATEMENTS.len();
    Some(Signal {
        rule: RuleId::StrainCheckIn,
        volunteer: h.volunteer,
        severity,
        subject: None,
        evidence: Evidence {
            figures: vec![Figure {
                label_nl: format!("keer 'ja' van de {of}"),
                label_en: format!("times 'yes' of {of}"),
                value: yes as f64,
                threshold: if severity == Severity::Alert { 8.0 } else { 5.0 },
            }],
            ..Default::default()
        },
        explanation_nl: format!(
            "Bij het gesprek van {} was het antwoord {yes} van de {of} keer 'ja'. Tijd voor een gesprek over hoe het gaat.",
            date.format("%d-%m-%Y")
        ),
        explanation_en: format!(
            "At the check-in of {} the answer was 'yes' {yes} of {of} times. Time for a conversation about how it is going.",
            date.format("%d-%m-%Y")
        ),
        cause_date: date,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signals::testing::*;

    #[test]
    fn the_middle_band_informs_and_the_top_band_alerts() {
        let mut h = history(4);
        assert!(check(&h, today()).is_none(), "no check-in");
        let severity = |h: &mut History, yes| {
            h.last_check_in = Some((day(6, 20), yes));
            check(h, today()).map(|s| s.severity)
        };
        assert_eq!(severity(&mut h, 4), None);
        assert_eq!(severity(&mut h, 5), Some(Severity::Info));
        assert_eq!(severity(&mut h, 7), Some(Severity::Info));
        assert_eq!(severity(&mut h, 8), Some(Severity::Alert));
    }

    #[test]
    fn a_check_in_counts_for_three_months() {
        let mut h = history(4);
        // Three months before 30 June is 30 March: that day still counts, the day before does not.
        for (date, counts) in [(day(3, 29), false), (day(3, 30), true), (day(3, 31), true)] {
            h.last_check_in = Some((date, 8));
            assert_eq!(check(&h, today()).is_some(), counts, "{date}");
        }
    }
}
