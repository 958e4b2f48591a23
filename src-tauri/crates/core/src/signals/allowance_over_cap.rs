//! Allowance over cap: a volunteer allowance above the tax-free caps (2025: € 5,60 an hour for
//! volunteers of 21 and over, € 210 a month, € 2.100 a year — a yearly setting).

use super::{Evidence, Figure, History, Severity, Signal, Thresholds};
use crate::report::{Cell, Language};
use crate::signals::RuleId;

pub(super) fn check(h: &History, t: &Thresholds) -> Option<Signal> {
    let caps = t.caps;
    let year_total: u32 = h.allowances.iter().map(|(_, cents, _)| cents).sum();
    let over_month = h.allowances.iter().filter(|(_, cents, _)| *cents > caps.per_month).max_by_key(|(m, ..)| *m);
    let over_hour = h
        .allowances
        .iter()
        .filter(|(_, cents, minutes)| {
            *minutes > 0 && u64::from(*cents) * 60 > u64::from(caps.per_hour_21_plus) * u64::from(*minutes)
        })
        .max_by_key(|(m, ..)| *m);
    // Amounts as the reports and the window write them, per language (€ 2.100,00 / €2,100.00).
    let euro_nl = |cents: u32| Cell::Euros(i64::from(cents)).text(Language::Nl);
    let euro_en = |cents: u32| Cell::Euros(i64::from(cents)).text(Language::En);
    let (nl, en, figure, cause) = if year_total > caps.per_year {
        let latest = h.allowances.iter().map(|(m, ..)| *m).max()?;
        (
            format!(
                "Dit jaar {} vrijwilligersvergoeding; de grens is {} per jaar.",
                euro_nl(year_total),
                euro_nl(caps.per_year)
            ),
            format!(
                "{} volunteer allowance this year; the cap is {} a year.",
                euro_en(year_total),
                euro_en(caps.per_year)
            ),
            Figure {
                label_nl: "vergoeding dit jaar (€)".into(),
                label_en: "allowance this year (€)".into(),
                value: f64::from(year_total) / 100.0,
                threshold: f64::from(caps.per_year) / 100.0,
            },
            latest,
        )
    } else if let Some((month, cents, _)) = over_month {
        (
            format!(
                "In {} {} vergoeding; de grens is {} per maand.",
                month.format("%m-%Y"),
                euro_nl(*cents),
                euro_nl(caps.per_month)
            ),
            format!(
                "{} allowance in {}; the cap is {} a month.",
                euro_en(*cents),
                month.format("%m-%Y"),
                euro_en(caps.per_month)
            ),
            Figure {
                label_nl: "vergoeding in de maand (€)".into(),
                label_en: "allowance in the month (€)".into(),
                value: f64::from(*cents) / 100.0,
                threshold: f64::from(caps.per_month) / 100.0,
            },
            *month,
        )
    } else if let Some((month, cents, minutes)) = over_hour {
        let per_hour = (u64::from(*cents) * 60 / u64::from(*minutes)) as u32;
        (
            format!(
                "In {} {} per uur vergoed; de grens is {} per uur.",
                month.format("%m-%Y"),
                euro_nl(per_hour),
                euro_nl(caps.per_hour_21_plus)
            ),
            format!(
                "{} an hour paid in {}; the cap is {} an hour.",
                euro_en(per_hour),
                month.format("%m-%Y"),
                euro_en(caps.per_hour_21_plus)
            ),
            Figure {
                label_nl: "vergoeding per uur (€)".into(),
                label_en: "allowance per hour (€)".into(),
                value: f64::from(per_hour) / 100.0,
                threshold: f64::from(caps.per_hour_21_plus) / 100.0,
            },
            *month,
        )
    } else {
        return None;
    };
    Some(Signal {
        rule: RuleId::AllowanceOverCap,
        volunteer: h.volunteer,
        severity: Severity::Warning,
        subject: None,
        evidence: Evidence { figures: vec![figure], ..Default::default() },
        explanation_nl: nl,
        explanation_en: en,
        cause_date: cause,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signals::testing::*;

    fn with(allowances: &[(u32, u32, u32)]) -> Option<Signal> {
        let mut h = history(4);
        h.allowances = allowances.iter().map(|(m, cents, minutes)| (day(*m, 1), *cents, *minutes)).collect();
        check(&h, &Thresholds::default())
    }

    #[test]
    fn over_the_month_year_or_hour_cap() {
        assert!(with(&[(1, 21_000, 60 * 40)]).is_none(), "exactly € 210 a month, € 5,25 an hour");
        assert!(with(&[(1, 21_001, 60 * 40)]).is_some(), "over € 210 in a month");
        assert!(with(&[(1, 5_600, 600)]).is_none(), "exactly € 5,60 an hour");
        assert!(with(&[(1, 5_601, 600)]).is_some(), "over € 5,60 an hour");
        let year: Vec<_> = (1..=11).map(|m| (m, 19_100, 60 * 40)).collect();
        let over = with(&year).expect("11 × € 191 = € 2.101 over the year");
        assert_eq!(
            over.explanation_nl,
            "Dit jaar € 2.101,00 vrijwilligersvergoeding; de grens is € 2.100,00 per jaar."
        );
        assert_eq!(over.explanation_en, "€2,101.00 volunteer allowance this year; the cap is €2,100.00 a year.");
        assert!(with(&year[..10]).is_none());
    }
}
