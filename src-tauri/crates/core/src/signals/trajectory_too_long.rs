//! Trajectory too long: a match open longer than its programme's maximum (Thuisadministratie 12,
//! rouw 12, maatje 24 months by default).

use super::{Evidence, Figure, History, Severity, Signal, Thresholds};
use crate::signals::RuleId;
use chrono::{Months, NaiveDate};

pub(super) fn check(h: &History, t: &Thresholds, today: NaiveDate) -> Vec<Signal> {
    h.matches
        .iter()
        .filter(|m| m.is_active())
        .filter_map(|m| {
            let max = t.max_months_for(m.programme)?;
            let limit = m.start.checked_add_months(Months::new(max))?;
            if today <= limit {
                return None;
            }
            let months = months_between(m.start, today);
            Some(Signal {
                rule: RuleId::TrajectoryTooLong,
                volunteer: h.volunteer,
                severity: Severity::Warning,
                subject: Some(m.id),
                evidence: Evidence {
                    matches: vec![m.id],
                    figures: vec![Figure {
                        label_nl: "maanden gekoppeld".into(),
                        label_en: "months matched".into(),
                        value: f64::from(months),
                        threshold: f64::from(max),
                    }],
                    ..Default::default()
                },
                explanation_nl: format!(
                    "De koppeling met {} loopt al {months} maanden; in dit project is {max} maanden het maximum. Tijd om af te ronden of over te dragen.",
                    m.participant
                ),
                explanation_en: format!(
                    "The match with {} has run for {months} months; this programme's maximum is {max}. Time to close or hand over.",
                    m.participant
                ),
                cause_date: limit,
            })
        })
        .collect()
}

fn months_between(start: NaiveDate, today: NaiveDate) -> u32 {
    (0..1200).take_while(|m| start.checked_add_months(Months::new(m + 1)).is_some_and(|d| d <= today)).count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::complexity::CaseLevel;
    use crate::signals::testing::*;

    #[test]
    fn only_after_the_programme_maximum() {
        let t = Thresholds { max_months: vec![(programme(), 12)], ..Default::default() };
        let mut h = history(4);
        let mut m = a_match(1, CaseLevel::Normal);
        m.start = NaiveDate::from_ymd_opt(2024, 6, 30).unwrap();
        h.matches.push(m);
        assert!(check(&h, &t, today()).is_empty(), "exactly 12 months");
        h.matches[0].start = NaiveDate::from_ymd_opt(2024, 6, 29).unwrap();
        let s = check(&h, &t, today());
        assert_eq!(s.len(), 1);
        assert!(s[0].explanation_nl.contains("12 maanden"), "{}", s[0].explanation_nl);
        assert!(check(&h, &Thresholds::default(), today()).is_empty(), "open-ended programme");
    }
}
