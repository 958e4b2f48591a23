//! No supervision: no intervision or supervision contact within the programme's norm (grief 6 weeks,
//! others 12) while having active matches. Each programme's norm counts from its own earliest active
//! match; the programme that is overdue with the strictest norm decides and is named when the
//! volunteer's programmes differ. A volunteer on a break is not expected at intervision.

use super::{Evidence, Figure, History, Norms, Severity, Signal};
use crate::signals::RuleId;
use crate::volunteer::VolunteerStatus;
use chrono::{Days, NaiveDate};

pub(super) fn check(h: &History, norms: &Norms, today: NaiveDate) -> Option<Signal> {
    if h.status == VolunteerStatus::Resting {
        return None;
    }
    let active: Vec<_> = h.matches.iter().filter(|m| m.is_active()).collect();
    let programmes = h.programmes_of_active(|_| true);
    // Per programme: the day its norm starts counting, and its norm in days.
    let (from, norm_weeks, programme) = programmes
        .iter()
        .filter_map(|p| {
            let since = active.iter().filter(|m| m.programme == *p).map(|m| m.start).min()?;
            let from = h.last_supervision.unwrap_or(since).max(since);
            let weeks = norms.of(*p).supervision_weeks;
            ((today - from).num_days() > weeks * 7).then_some((from, weeks, *p))
        })
        .min_by_key(|(_, weeks, _)| *weeks)?;
    let norm_days = norm_weeks * 7;
    let days = (today - from).num_days();
    let differ = norms.strictest(programmes.iter().copied(), |t| t.supervision_weeks).programme.is_some();
    let (norm_nl, norm_en) = match differ.then(|| norms.name_of(programme)).flatten() {
        Some(name) => (format!("De norm van {name}"), format!("The norm of {name}")),
        None => ("De norm".to_string(), "The norm".to_string()),
    };
    let (nl, en) = match h.last_supervision {
        Some(d) => (
            format!(
                "{days} dagen geen intervisie of supervisie (laatste op {}), terwijl er koppelingen lopen. {norm_nl} is elke {norm_weeks} weken ({norm_days} dagen).",
                d.format("%d-%m-%Y")
            ),
            format!(
                "{days} days without intervision or supervision (last on {}), while matches are running. {norm_en} is every {norm_weeks} weeks ({norm_days} days).",
                d.format("%d-%m-%Y")
            ),
        ),
        None => (
            format!("Nog nooit intervisie of supervisie gehad, terwijl er al {days} dagen koppelingen lopen. {norm_nl} is elke {norm_weeks} weken ({norm_days} dagen)."),
            format!("Never had intervision or supervision, while matches have run for {days} days. {norm_en} is every {norm_weeks} weeks ({norm_days} days)."),
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
                label_nl: "dagen zonder intervisie".into(),
                label_en: "days without supervision".into(),
                value: days as f64,
                threshold: norm_days as f64,
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
    use crate::ids::ProgrammeId;
    use crate::signals::testing::*;
    use crate::signals::Thresholds;

    #[test]
    fn after_the_norm_without_a_contact_while_matched() {
        let n = norms(); // 12 weeks = 84 days
        let mut h = history(4);
        h.last_supervision = Some(day(4, 7)); // 84 days before 30 June
        assert!(check(&h, &n, today()).is_none(), "no active match");
        h.matches.push(a_match(1, CaseLevel::Normal));
        assert!(check(&h, &n, today()).is_none(), "exactly the norm");
        h.last_supervision = Some(day(4, 6));
        let s = check(&h, &n, today()).unwrap();
        assert!(s.explanation_nl.starts_with("85 dagen geen intervisie"), "{}", s.explanation_nl);
        assert!(s.explanation_nl.contains("De norm is elke 12 weken (84 dagen)."), "{}", s.explanation_nl);
        h.status = VolunteerStatus::Resting;
        assert!(check(&h, &n, today()).is_none(), "on a break");
    }

    /// Maatje (12 weeks) and grief support (6 weeks): the grief match is judged by its own norm,
    /// counted from its own start, whichever programme comes first.
    #[test]
    fn a_volunteer_in_two_programmes_is_held_to_the_strictest_norm_that_applies() {
        let rouw = ProgrammeId(uuid::Uuid::from_u128(2));
        let mut n = norms();
        n.insert(rouw, "Steun bij verlies en rouw", Thresholds { supervision_weeks: 6, ..Thresholds::default() });
        let mut h = history(4);
        h.programmes.push(rouw);
        h.matches.push(a_match(1, CaseLevel::Normal)); // Maatje since 1 January
        let mut grief = a_match(2, CaseLevel::Normal);
        grief.programme = rouw;
        grief.start = day(5, 1);
        h.matches.push(grief);
        for (last, expect) in [((5, 19), None), ((5, 18), Some(43))] {
            // 42 days before 30 June is 19 May: at the norm, no signal; a day more is past it.
            h.last_supervision = Some(day(last.0, last.1));
            let s = check(&h, &n, today());
            assert_eq!(s.as_ref().map(|s| s.evidence.figures[0].value as i64), expect, "last on {last:?}");
        }
        let s = check(&h, &n, today()).unwrap();
        assert_eq!(
            s.explanation_nl,
            "43 dagen geen intervisie of supervisie (laatste op 18-05-2025), terwijl er koppelingen lopen. \
             De norm van Steun bij verlies en rouw is elke 6 weken (42 dagen)."
        );
        // Never a contact: each norm counts from its programme's own match. The grief match of 41
        // days is within its norm; the Maatje match since January is not, and Maatje's norm is named.
        h.last_supervision = None;
        h.matches[1].start = day(5, 20);
        let s = check(&h, &n, today()).unwrap();
        assert!(s.explanation_nl.contains("De norm van Maatje is elke 12 weken"), "{}", s.explanation_nl);
        assert_eq!(s.evidence.figures[0].value, 180.0);
    }
}
