//! Gone quiet: no hours in 30 days (a threshold; the strictest of the active matches' programmes)
//! while having active matches. A volunteer on a break is meant to be quiet.

use super::norms::named;
use super::{Evidence, History, Norms, Severity, Signal};
use crate::signals::RuleId;
use crate::volunteer::VolunteerStatus;
use chrono::{Days, NaiveDate};

pub(super) fn check(h: &History, norms: &Norms, today: NaiveDate) -> Option<Signal> {
    if h.status == VolunteerStatus::Resting {
        return None;
    }
    let active: Vec<_> = h.matches.iter().filter(|m| m.is_active()).collect();
    let since = active.iter().map(|m| m.start).min()?;
    let norm = norms.strictest(h.programmes_of_active(|_| true), |t| t.quiet_days);
    let norm_days = norm.value;
    let last = h.entries.iter().map(|e| e.date).filter(|d| *d <= today).max();
    let quiet_from = last.unwrap_or(since).max(since);
    let days = (today - quiet_from).num_days();
    if days < norm_days {
        return None;
    }
    let (which_nl, which_en) = named(&[&norm.programme]);
    let (nl, en) = match last {
        Some(d) => (
            format!(
                "{days} dagen geen uren (laatste op {}), terwijl er koppelingen lopen; stil is na {norm_days} dagen. Even bellen?{which_nl}",
                d.format("%d-%m-%Y")
            ),
            format!(
                "No hours for {days} days (last on {}), while matches are running; quiet is after {norm_days} days. Time to call?{which_en}",
                d.format("%d-%m-%Y")
            ),
        ),
        None => (
            format!("Nog geen uren sinds de koppeling begon, {days} dagen geleden. Even bellen?{which_nl}"),
            format!("No hours since the match began, {days} days ago. Time to call?{which_en}"),
        ),
    };
    Some(Signal {
        rule: RuleId::GoneQuiet,
        volunteer: h.volunteer,
        severity: Severity::Info,
        subject: None,
        evidence: Evidence { matches: active.iter().map(|m| m.id).collect(), ..Default::default() },
        explanation_nl: nl,
        explanation_en: en,
        cause_date: quiet_from + Days::new(norm_days.max(0) as u64),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::complexity::CaseLevel;
    use crate::signals::testing::*;

    #[test]
    fn thirty_quiet_days_with_an_active_match() {
        let mut h = history(4);
        h.entries.push(entry(1, day(5, 31), 60));
        assert!(check(&h, &norms(), today()).is_none(), "no active match");
        h.matches.push(a_match(1, CaseLevel::Normal));
        let s = check(&h, &norms(), today()).expect("30 days since 31 May");
        assert!(s.explanation_nl.starts_with("30 dagen geen uren (laatste op 31-05-2025)"), "{}", s.explanation_nl);
        h.entries.push(entry(2, day(6, 1), 60));
        assert!(check(&h, &norms(), today()).is_none(), "29 days");
    }

    #[test]
    fn a_break_is_meant_to_be_quiet() {
        let mut h = history(4);
        h.matches.push(a_match(1, CaseLevel::Normal));
        h.entries.push(entry(1, day(3, 1), 60));
        for (status, fires) in
            [(VolunteerStatus::Active, true), (VolunteerStatus::Resting, false), (VolunteerStatus::Intake, true)]
        {
            h.status = status;
            assert_eq!(check(&h, &norms(), today()).is_some(), fires, "{status:?}");
        }
    }
}
