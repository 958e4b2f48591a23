//! Complex case without professional: assigned to a complex case while no professional is involved.

use super::{Evidence, History, Severity, Signal};
use crate::complexity::CaseLevel;
use crate::signals::RuleId;

pub(super) fn check(h: &History) -> Vec<Signal> {
    h.matches
        .iter()
        .filter(|m| m.is_active() && m.level == CaseLevel::Complex && !m.professional_involved)
        .map(|m| Signal {
            rule: RuleId::ComplexWithoutProfessional,
            volunteer: h.volunteer,
            severity: Severity::Alert,
            subject: Some(m.id),
            evidence: Evidence { matches: vec![m.id], ..Default::default() },
            explanation_nl: format!(
                "De situatie van {} is complex en er is geen professional bij betrokken. Dat is te zwaar om alleen te dragen.",
                m.participant
            ),
            explanation_en: format!(
                "{}'s situation is complex and no professional is involved. That is too heavy to carry alone.",
                m.participant
            ),
            cause_date: m.level_since.unwrap_or(m.start),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signals::testing::*;

    #[test]
    fn only_active_complex_cases_without_a_professional() {
        let mut h = history(4);
        h.matches.push(a_match(1, CaseLevel::Complex));
        h.matches.push(a_match(2, CaseLevel::Normal));
        let mut helped = a_match(3, CaseLevel::Complex);
        helped.professional_involved = true;
        h.matches.push(helped);
        let mut ended = a_match(4, CaseLevel::Complex);
        ended.end = Some(day(6, 1));
        h.matches.push(ended);
        let signals = check(&h);
        assert_eq!(signals.len(), 1);
        assert_eq!(signals[0].subject, Some(h.matches[0].id));
        assert_eq!(signals[0].severity, Severity::Alert);
    }
}
