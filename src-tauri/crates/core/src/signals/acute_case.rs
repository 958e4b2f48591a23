//! Acute case: assigned to a case with a crisis marker (or a ZRM domain at 1), until a referral is
//! logged after it became acute, or the marker is cleared by a new assessment. The explanation says
//! what is and is not there: a professional involved, a referral from before the crisis.

use super::{Evidence, History, MatchFact, Severity, Signal};
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
        .map(|m| {
            let (there_nl, there_en) = what_is_there(m);
            Signal {
                rule: RuleId::AcuteCase,
                volunteer: h.volunteer,
                severity: Severity::Alert,
                subject: Some(m.id),
                evidence: Evidence { matches: vec![m.id], ..Default::default() },
                explanation_nl: format!(
                    "Bij {} is er een crisis. {there_nl} Een vrijwilliger hoort een crisis niet op te vangen.",
                    m.participant
                ),
                explanation_en: format!(
                    "{} is in crisis. {there_en} A volunteer should not have to handle a crisis.",
                    m.participant
                ),
                cause_date: m.acute_since.unwrap_or(m.start),
            }
        })
        .collect()
}

/// "Er is een professional betrokken, maar sinds de crisis is er geen doorverwijzing vastgelegd."
fn what_is_there(m: &MatchFact) -> (String, String) {
    let referral = match m.last_referral {
        Some(d) => (
            format!("de laatste doorverwijzing ({}) was van vóór de crisis", d.format("%d-%m-%Y")),
            format!("the latest referral ({}) was from before the crisis", d.format("%d-%m-%Y")),
        ),
        None => ("er is geen doorverwijzing vastgelegd".to_string(), "no referral is logged".to_string()),
    };
    if m.professional_involved {
        (
            format!("Er is wel een professional betrokken, maar {}.", referral.0),
            format!("A professional is involved, but {}.", referral.1),
        )
    } else {
        (
            format!("Er is geen professional betrokken en {}.", referral.0),
            format!("No professional is involved and {}.", referral.1),
        )
    }
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

    #[test]
    fn the_explanation_says_what_is_and_is_not_there() {
        let mut h = history(4);
        h.matches.push(a_match(1, CaseLevel::Acute));
        let text = |h: &History| check(h)[0].explanation_nl.clone();
        assert!(text(&h).contains("Er is geen professional betrokken en er is geen doorverwijzing vastgelegd."));
        h.matches[0].professional_involved = true;
        assert!(text(&h).contains("Er is wel een professional betrokken, maar er is geen doorverwijzing vastgelegd."));
        h.matches[0].last_referral = Some(day(5, 20));
        assert!(text(&h).contains("de laatste doorverwijzing (20-05-2025) was van vóór de crisis"), "{}", text(&h));
    }
}
