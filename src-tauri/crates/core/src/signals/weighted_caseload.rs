//! Weighted caseload: the sum of the active cases' weights (normal 1, complex 2, acute 3) above 4.
//! The strictest limit of the volunteer's programmes decides.

use super::norms::named;
use super::{Evidence, Figure, History, Norms, Severity, Signal};
use crate::signals::RuleId;

pub(super) fn check(h: &History, norms: &Norms) -> Option<Signal> {
    let active: Vec<_> = h.matches.iter().filter(|m| m.is_active()).collect();
    let weight: u32 = active.iter().map(|m| m.level.weight()).sum();
    let limit = norms.strictest(h.all_programmes(), |t| t.caseload_weight);
    if weight <= limit.value {
        return None;
    }
    let (which_nl, which_en) = named(&[&limit.programme]);
    Some(Signal {
        rule: RuleId::WeightedCaseload,
        volunteer: h.volunteer,
        severity: Severity::Warning,
        subject: None,
        evidence: Evidence {
            matches: active.iter().map(|m| m.id).collect(),
            figures: vec![Figure {
                label_nl: "gewogen aantal koppelingen".into(),
                label_en: "weighted caseload".into(),
                value: f64::from(weight),
                threshold: f64::from(limit.value),
            }],
            ..Default::default()
        },
        explanation_nl: format!(
            "{} koppelingen tegelijk, samen zo zwaar als {weight} gewone. Dat is meer dan {} en veel om te dragen.{which_nl}",
            active.len(),
            limit.value
        ),
        explanation_en: format!(
            "{} matches at once, together as heavy as {weight} ordinary ones. That is more than {} and a lot to carry.{which_en}",
            active.len(),
            limit.value
        ),
        cause_date: active.iter().map(|m| m.level_since.unwrap_or(m.start).max(m.start)).max().unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::complexity::CaseLevel::*;
    use crate::signals::testing::*;

    fn weight_of(levels: &[crate::complexity::CaseLevel]) -> Option<Signal> {
        let mut h = history(4);
        for (i, l) in levels.iter().enumerate() {
            h.matches.push(a_match(i as u128, *l));
        }
        check(&h, &norms())
    }

    #[test]
    fn above_four_weighted_cases() {
        assert!(weight_of(&[Normal, Normal, Normal, Normal]).is_none(), "exactly 4");
        assert!(weight_of(&[Normal, Normal, Complex]).is_none(), "1 + 1 + 2 = 4");
        assert!(weight_of(&[Normal, Normal, Acute]).is_some(), "1 + 1 + 3 = 5");
        assert!(weight_of(&[Complex, Acute]).is_some());
    }
}
