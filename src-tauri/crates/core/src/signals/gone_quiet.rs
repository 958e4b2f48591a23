//! Gone quiet: no hours in 30 days (a threshold) while having active matches.

use super::{Evidence, History, Severity, Signal, Thresholds};
use crate::signals::RuleId;
use chrono::{Days, NaiveDate};

pub(super) fn check(h: &History, t: &Thresholds, today: NaiveDate) -> Option<Signal> {
    let days = t.quiet_days;
    let active: Vec<_> = h.matches.iter().filter(|m| m.is_active()).collect();
    let since = active.iter().map(|m| m.start).min()?;
    let last = h.entries.iter().map(|e| e.date).filter(|d| *d <= today).max();
    let quiet_from = last.unwrap_or(since).max(since);
    if (today - quiet_from).num_days() < days {
        return None;
    }
    let (nl, en) = match last {
        Some(d) => (
            format!(
                "Al {days} dagen of meer geen uren (laatste op {}), terwijl er koppelingen lopen. Even bellen?",
                d.format("%d-%m-%Y")
            ),
            format!(
                "No hours for {days} days or more (last on {}), while matches are running. Time to call?",
                d.format("%d-%m-%Y")
            ),
        ),
        None => (
            format!("Nog geen uren sinds de koppeling begon, {days} dagen of langer geleden. Even bellen?"),
            format!("No hours since the match began, {days} days or more ago. Time to call?"),
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
        cause_date: quiet_from + Days::new(days.max(0) as u64),
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
        assert!(check(&h, &Thresholds::default(), today()).is_none(), "no active match");
        h.matches.push(a_match(1, CaseLevel::Normal));
        assert!(check(&h, &Thresholds::default(), today()).is_some(), "30 days since 31 May");
        h.entries.push(entry(2, day(6, 1), 60));
        assert!(check(&h, &Thresholds::default(), today()).is_none(), "29 days");
    }
}
