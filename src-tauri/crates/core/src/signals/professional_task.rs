//! Professional task: any activity of the level "professional" in the last 28 days — not a volunteer
//! task; it should be referred.

use super::{Evidence, History, Severity, Signal};
use crate::activity::ActivityLevel;
use crate::period::DateRange;
use crate::signals::RuleId;
use chrono::NaiveDate;

pub(super) fn check(h: &History, today: NaiveDate) -> Option<Signal> {
    let window = DateRange::last_four_weeks(today);
    let tasks: Vec<_> = h
        .entries
        .iter()
        .filter(|e| window.contains(e.date))
        .filter(|e| matches!(&e.activity, Some((_, ActivityLevel::Professional))))
        .collect();
    let latest = tasks.iter().max_by_key(|e| e.date)?;
    let name = latest.activity.as_ref().map(|(n, _)| n.as_str()).unwrap_or_default();
    let times_nl = if tasks.len() == 1 { "1 keer".to_string() } else { format!("{} keer", tasks.len()) };
    let times_en = if tasks.len() == 1 { "once".to_string() } else { format!("{} times", tasks.len()) };
    Some(Signal {
        rule: RuleId::ProfessionalTask,
        volunteer: h.volunteer,
        severity: Severity::Alert,
        subject: None,
        evidence: Evidence {
            entries: tasks.iter().map(|e| e.id).collect(),
            matches: tasks.iter().filter_map(|e| e.match_id).collect(),
            figures: Vec::new(),
        },
        explanation_nl: format!(
            "In de afgelopen 4 weken {times_nl} werk van een professional gedaan, zoals '{name}'. Dat is geen taak voor een vrijwilliger."
        ),
        explanation_en: format!(
            "Did a professional's work {times_en} in the last 4 weeks, such as '{name}'. That is not a volunteer's task."
        ),
        cause_date: latest.date,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signals::testing::*;

    #[test]
    fn one_professional_activity_in_28_days_is_enough() {
        let mut h = history(4);
        let mut old = entry(1, day(6, 2), 60);
        old.activity = Some(("Medicatie geven".into(), ActivityLevel::Professional));
        h.entries.push(old);
        assert!(check(&h, today()).is_none(), "29 days ago is outside the window");
        let mut grey = entry(2, day(6, 20), 60);
        grey.activity = Some(("Meegaan naar een afspraak".into(), ActivityLevel::Grey));
        h.entries.push(grey);
        assert!(check(&h, today()).is_none());
        let mut task = entry(3, day(6, 3), 60);
        task.activity = Some(("Medicatie geven".into(), ActivityLevel::Professional));
        h.entries.push(task);
        let s = check(&h, today()).unwrap();
        assert_eq!((s.severity, s.evidence.entries.len(), s.cause_date), (Severity::Alert, 1, day(6, 3)));
        assert!(s.explanation_nl.contains("Medicatie geven"));
    }
}
