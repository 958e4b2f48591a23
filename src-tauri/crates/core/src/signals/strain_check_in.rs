//! Strain check-in: the latest check-in in the top band (alert) or the middle band (info). Shown as
//! "time for a conversation", never as a diagnosis.

use super::{Evidence, Figure, History, Severity, Signal};
use crate::signals::RuleId;
use crate::support::{strain_band, StrainBand, CHECK_IN_STATEMENTS};

pub(super) fn check(h: &History) -> Option<Signal> {
    let (date, yes) = h.last_check_in?;
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
        assert!(check(&h).is_none(), "no check-in");
        let severity = |h: &mut History, yes| {
            h.last_check_in = Some((day(6, 20), yes));
            check(h).map(|s| s.severity)
        };
        assert_eq!(severity(&mut h, 4), None);
        assert_eq!(severity(&mut h, 5), Some(Severity::Info));
        assert_eq!(severity(&mut h, 7), Some(Severity::Info));
        assert_eq!(severity(&mut h, 8), Some(Severity::Alert));
    }
}
