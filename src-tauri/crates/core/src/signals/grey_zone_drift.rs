//! Grey-zone drift: grey-zone activities 3 times or more, or 25 % of the hours or more, in the last
//! 28 days. The strictest norms of the volunteer's programmes decide.

use super::norms::named;
use super::{last_four_weeks, Evidence, Figure, History, Norms, Severity, Signal};
use crate::activity::ActivityLevel;
use crate::signals::RuleId;
use chrono::NaiveDate;

pub(super) fn check(h: &History, norms: &Norms, today: NaiveDate) -> Option<Signal> {
    let programmes = h.all_programmes();
    let count = norms.strictest(programmes.iter().copied(), |t| t.grey_zone_count);
    let share_norm = norms.strictest(programmes.iter().copied(), |t| t.grey_zone_share);
    let (total, entries) = last_four_weeks(h, today);
    let grey: Vec<_> = entries.iter().filter(|e| matches!(&e.activity, Some((_, ActivityLevel::Grey)))).collect();
    let grey_minutes: u32 = grey.iter().map(|e| e.minutes).sum();
    let share = if total == 0 { 0.0 } else { f64::from(grey_minutes) / f64::from(total) };
    if grey.is_empty() || (grey.len() < count.value && share < share_norm.value) {
        return None;
    }
    let percent = (share * 100.0).round();
    let (which_nl, which_en) = named(&[&count.programme, &share_norm.programme]);
    Some(Signal {
        rule: RuleId::GreyZoneDrift,
        volunteer: h.volunteer,
        severity: Severity::Warning,
        subject: None,
        evidence: Evidence {
            entries: grey.iter().map(|e| e.id).collect(),
            matches: grey.iter().filter_map(|e| e.match_id).collect(),
            figures: vec![
                Figure {
                    label_nl: "keer grijs gebied".into(),
                    label_en: "times in the grey zone".into(),
                    value: grey.len() as f64,
                    threshold: count.value as f64,
                },
                Figure {
                    label_nl: "deel van de uren (%)".into(),
                    label_en: "share of the hours (%)".into(),
                    value: percent,
                    threshold: share_norm.value * 100.0,
                },
            ],
        },
        explanation_nl: format!(
            "In de afgelopen 4 weken {} keer werk in het grijze gebied ({percent} % van de uren). Bespreek of dat zo moet blijven.{which_nl}",
            grey.len()
        ),
        explanation_en: format!(
            "{} times grey-zone work in the last 4 weeks ({percent} % of the hours). Talk about whether it should stay that way.{which_en}",
            grey.len()
        ),
        cause_date: grey.iter().map(|e| e.date).max().unwrap_or(today),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signals::testing::*;

    fn with(grey: &[u32], plain: u32) -> Option<Signal> {
        let mut h = history(4);
        for (i, minutes) in grey.iter().enumerate() {
            let mut e = entry(i as u128, day(6, 10 + i as u32), *minutes);
            e.activity = Some(("Hulp bij kleine klusjes".into(), ActivityLevel::Grey));
            h.entries.push(e);
        }
        h.entries.push(entry(99, day(6, 25), plain));
        check(&h, &norms(), today())
    }

    #[test]
    fn three_times_or_a_quarter_of_the_hours() {
        assert!(with(&[10, 10], 600).is_none(), "twice, 3 %");
        assert!(with(&[10, 10, 10], 600).is_some(), "three times");
        assert!(with(&[100, 100], 600).is_some(), "twice, exactly 25 %");
        assert!(with(&[99, 100], 600).is_none(), "twice, just under 25 %");
        assert!(with(&[], 600).is_none());
    }
}
