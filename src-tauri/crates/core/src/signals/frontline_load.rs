//! Frontline load: hours in the last 28 days above twice the programme's median for active
//! volunteers, while having at least one one-to-one match at someone's home (the volunteers most at
//! risk in the 2018 study). The programmes of the home matches set the limit; the strictest decides.

use super::norms::named;
use super::{hours_en, hours_nl, last_four_weeks, BranchFigures, Evidence, Figure, History, Norms, Severity, Signal};
use crate::signals::RuleId;
use chrono::NaiveDate;

pub(super) fn check(h: &History, branch: &BranchFigures, norms: &Norms, today: NaiveDate) -> Option<Signal> {
    let home: Vec<_> = h.matches.iter().filter(|m| m.is_active() && m.at_home).collect();
    // Each home match's programme: its median times its multiple; the lowest limit decides.
    let (limit, median, programme) = h
        .programmes_of_active(|m| m.at_home)
        .into_iter()
        .filter_map(|p| {
            let median = branch.median_minutes.iter().find(|(q, _)| *q == p).map(|(_, m)| *m)?;
            (median > 0.0).then(|| (median * norms.of(p).frontline_multiple, median, p))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))?;
    let (minutes, entries) = last_four_weeks(h, today);
    if f64::from(minutes) <= limit {
        return None;
    }
    let several = h.programmes_of_active(|m| m.at_home).len() > 1;
    let name = several.then(|| norms.name_of(programme)).flatten();
    let (which_nl, which_en) = named(&[&name]);
    Some(Signal {
        rule: RuleId::FrontlineLoad,
        volunteer: h.volunteer,
        severity: Severity::Warning,
        subject: None,
        evidence: Evidence {
            entries: entries.iter().map(|e| e.id).collect(),
            matches: home.iter().map(|m| m.id).collect(),
            figures: vec![Figure {
                label_nl: "uren in de afgelopen 4 weken".into(),
                label_en: "hours in the last 4 weeks".into(),
                value: f64::from(minutes) / 60.0,
                threshold: limit / 60.0,
            }],
        },
        explanation_nl: format!(
            "{} uur in 4 weken, bij iemand thuis en één op één. Gewoon is hier {} uur: dit is meer dan het dubbele.{which_nl}",
            hours_nl(f64::from(minutes)),
            hours_nl(median)
        ),
        explanation_en: format!(
            "{} hours in 4 weeks, one-to-one at someone's home. Usual here is {} hours: this is more than double.{which_en}",
            hours_en(f64::from(minutes)),
            hours_en(median)
        ),
        cause_date: entries.iter().map(|e| e.date).max().unwrap_or(today),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::complexity::CaseLevel;
    use crate::signals::testing::*;

    fn branch(median_hours: f64) -> BranchFigures {
        BranchFigures { median_minutes: vec![(programme(), median_hours * 60.0)] }
    }

    #[test]
    fn needs_more_than_twice_the_median_and_a_home_match() {
        let mut h = history(4);
        h.entries.push(entry(1, day(6, 20), 20 * 60 + 1));
        let t = norms();
        assert!(check(&h, &branch(10.0), &t, today()).is_none(), "no home match");
        let mut home = a_match(1, CaseLevel::Normal);
        home.at_home = true;
        h.matches.push(home);
        assert!(check(&h, &branch(10.0), &t, today()).is_some());
        h.entries[0].minutes = 20 * 60;
        assert!(check(&h, &branch(10.0), &t, today()).is_none(), "exactly twice is not over");
        h.matches[0].end = Some(day(6, 1));
        h.entries[0].minutes = 30 * 60;
        assert!(check(&h, &branch(10.0), &t, today()).is_none(), "an ended home match does not count");
    }
}
