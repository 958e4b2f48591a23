//! No supervision: no intervision or supervision contact within the programme's norm (grief 6 weeks,
//! others 12) while having active matches.

use super::{Evidence, Figure, History, Severity, Signal, Thresholds};
use crate::signals::RuleId;
use chrono::{Days, NaiveDate};

pub(super) fn check(h: &History, t: &Thresholds, today: NaiveDate) -> Option<Signal> {
    let active: Vec<_> = h.matches.iter().filter(|m| m.is_active()).collect();
    let since = active.iter().map(|m| m.start).min()?;
    let norm_days = t.supervision_weeks * 7;
    let from = h.last_supervision.unwrap_or(since).max(since);
    let weeks = (today - from).num_days() / 7;
    if (today - from).num_days() <= norm_days {
        return None;
    }
    let (nl, en) = match h.last_supervision {
        Some(d) => (
            format!("Al {weeks} weken geen intervisie of supervisie (laatste op {}), terwijl er koppelingen lopen. Afspraak is eens in de {} weken.", d.format("%d-%m-%Y"), t.supervision_weeks),
            format!("No intervision or supervision for {weeks} weeks (last on {}), while matches are running. The norm is every {} weeks.", d.format("%d-%m-%Y"), t.supervision_weeks),
        ),
        None => (
            format!("Nog nooit intervisie of supervisie gehad, terwijl er al {weeks} weken koppelingen lopen."),
            format!("Never had intervision or supervision, while matches have run for {weeks} weeks."),
        ),
    };
    Some(Signal {
        rule: RuleId::NoSupervision,
        volunteer: h.volunteer,
        severity: Severity::Warning,
        subject: None,
        evidence: Evidence {
            matches: active.iter().map(|m| m.id).collect(),
            figures: vec![Figure {
                label_nl: "weken zonder intervisie".into(),
                label_en: "weeks without supervision".into(),
                value: weeks as f64,
                threshold: t.supervision_weeks as f64,
            }],
            ..Default::default()
        },
        explanation_nl: nl,
        explanation_en: en,
        cause_date: from + Days::new(norm_days.max(0) as u64 + 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::complexity::CaseLevel;
    use crate::signals::testing::*;

    #[test]
    fn after_the_norm_without_a_contact_while_matched() {
        let t = Thresholds::default(); // 12 weeks = 84 days
        let mut h = history(4);
        h.last_supervision = Some(day(4, 7)); // 84 days before 30 June
        assert!(check(&h, &t, today()).is_none(), "no active match");
        h.matches.push(a_match(1, CaseLevel::Normal));
        assert!(check(&h, &t, today()).is_none(), "exactly the norm");
        h.last_supervision = Some(day(4, 6));
        assert!(check(&h, &t, today()).is_some());
        let grief = Thresholds { supervision_weeks: 6, ..Thresholds::default() };
        h.last_supervision = Some(day(5, 15));
        assert!(check(&h, &grief, today()).is_some(), "grief: every 6 weeks");
    }
}
