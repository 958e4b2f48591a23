//! Acute case: assigned to a case with a crisis marker (or a ZRM domain at 1), until a referral is
//! logged after it became acute, or the marker is cleared by a new assessment.

use super::{Evidence, History, Severity, Signal};
use crate::complexity::CaseLevel;
use crate::signals::RuleId;

pub(super) fn check(h: &History) -> Vec<Signal> {
    h.matches
        .iter()
        .filter(|m| m.is_active() && m.level == CaseLevel::Acute)
        .filter(|m| match (m.acute_since, m.last_referral) {
            (Some(since), Some(referral)) => referral < since,
            (_, None) => true,
            (None, Some(_)) => false,
        })
        .map(|m| Signal {
            rule: RuleId::AcuteCase,
            volunteer: h.volunteer,
            severity: Severity::Alert,
            subject: Some(m.id),
            evidence: Evidence { matches: vec![m.id], ..Default::default() },
            explanation_nl: format!(
                "Bij {} is er een crisis en er is nog niet doorverwezen. Een vrijwilliger hoort een crisis niet op te vangen.",
                m.participant
            ),
            explanation_en: format!(
                "{} is in crisis and has not been referred yet. A volunteer should not have to handle a crisis.",
                m.participant
            ),
            cause_date: m.acute_since.unwrap_or(m.start),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signals::testing::*;

    #[test]
    fn an_acute_case_signals_until_a_referral_after_it_became_acute() {
        let mut h = history(4);
        h.matches.push(a_match(1, CaseLevel::Acute)); // acute since 1 June
        assert_eq!(check(&h).len(), 1);
        h.matches[0].last_referral = Some(day(5, 20));
        assert_eq!(check(&h).len(), 1, "a referral before the crisis does not count");
        h.matches[0].last_referral = Some(day(6, 1));
        assert!(check(&h).is_empty(), "referred on the day it became acute");
        h.matches[0].last_referral = None;
        h.matches[0].level = CaseLevel::Complex;
        assert!(check(&h).is_empty(), "the marker was cleared");
    }
}
