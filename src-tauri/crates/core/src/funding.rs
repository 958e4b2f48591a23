//! Who pays and for whom: the municipalities a branch serves (its own list; a participant lives in
//! one of them) and the subsidies it reports on — a funder, the municipality it is for (none for a
//! foundation), a period, the programmes it pays for and an amount. A report can be scoped to
//! either (DOMAIN.md, "Reports for funders": one branch, several municipalities, each wanting the
//! figures of its own residents on its own subsidy period).

use crate::ids::{MunicipalityId, ProgrammeId};
use crate::period::DateRange;
use crate::refusal::{required_text, Field, Refusal, RefusalCode};
use crate::support::euro_text;
use crate::volunteer::parse_date;
use chrono::NaiveDate;

/// A municipality's name, checked: required, at most 80 characters, trimmed.
pub fn validate_municipality(name: &str) -> Result<String, Refusal> {
    required_text(Field::Name, "de naam van de gemeente", "the municipality's name", name, 80)
}

/// A subsidy as typed in the form.
#[derive(Debug, Clone, Default)]
pub struct SubsidyDraft {
    pub name: String,
    pub funder: String,
    pub municipality: Option<MunicipalityId>,
    pub from: String,
    pub to: String,
    pub programmes: Vec<ProgrammeId>,
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSubsidy {
    pub name: String,
    pub funder: String,
    pub municipality: Option<MunicipalityId>,
    pub period: DateRange,
    /// At least one.
    pub programmes: Vec<ProgrammeId>,
    pub amount_cents: u64,
}

impl SubsidyDraft {
    /// Checks every field, so that the form shows all its refusals at once.
    pub fn validate(&self) -> Result<ValidSubsidy, Refusal> {
        let name = required_text(Field::Name, "een naam voor de subsidie", "a name for the subsidy", &self.name, 120);
        let funder = required_text(Field::Funder, "de subsidiegever", "the funder", &self.funder, 120);
        let period = self.period();
        let programmes = if self.programmes.is_empty() {
            Err(Refusal::new(
                Field::Programmes,
                RefusalCode::Required,
                "Kies minstens één project dat de subsidie betaalt.",
                "Please choose at least one programme the subsidy pays for.",
            ))
        } else {
            Ok(self.programmes.clone())
        };
        let amount = parse_amount(&self.amount);
        Refusal::all([
            name.as_ref().err(),
            funder.as_ref().err(),
            period.as_ref().err(),
            programmes.as_ref().err(),
            amount.as_ref().err(),
        ])?;
        Ok(ValidSubsidy {
            name: name?,
            funder: funder?,
            municipality: self.municipality,
            period: period?,
            programmes: programmes?,
            amount_cents: amount?,
        })
    }

    fn period(&self) -> Result<DateRange, Refusal> {
        let first = parse_date(Field::From, &self.from)?;
        let last = parse_date(Field::To, &self.to)?;
        if last < first {
            return Err(Refusal::new(
                Field::To,
                RefusalCode::InvalidFormat,
                "De einddatum ligt vóór de begindatum.",
                "The last day is before the first day.",
            ));
        }
        Ok(DateRange { first, last })
    }
}

/// An amount in euros as Dutch sheets and people write it (`€ 12.500`, `12500,00`), in cents.
fn parse_amount(raw: &str) -> Result<u64, Refusal> {
    if raw.trim().is_empty() {
        return Err(Refusal::new(
            Field::Amount,
            RefusalCode::Required,
            "Vul het bedrag in.",
            "Please fill in the amount.",
        ));
    }
    let euros: f64 =
        euro_text(raw).parse().ok().filter(|v: &f64| v.is_finite() && *v >= 0.0 && *v < 1e9).ok_or_else(|| {
            Refusal::new(
                Field::Amount,
                RefusalCode::InvalidFormat,
                format!("'{}' is geen bedrag. Schrijf bijvoorbeeld 12.500 of 12500,00.", raw.trim()),
                format!("'{}' is not an amount. Write for example 12,500 or 12500.00.", raw.trim()),
            )
        })?;
    Ok((euros * 100.0).round() as u64)
}

/// Whether a subsidy's period overlaps `range` (a report of another period says nothing about it).
pub fn overlaps(period: DateRange, range: DateRange) -> bool {
    period.first <= range.last && range.first <= period.last
}

/// The days `range` and a subsidy's period have in common.
pub fn within(period: DateRange, range: DateRange) -> Option<DateRange> {
    overlaps(period, range)
        .then(|| DateRange { first: period.first.max(range.first), last: period.last.min(range.last) })
}

/// The day a subsidy's period is shown by, as `1-1-2025 t/m 31-12-2025`.
pub fn period_text(period: DateRange) -> String {
    let day = |d: NaiveDate| d.format("%-d-%-m-%Y").to_string();
    format!("{} t/m {}", day(period.first), day(period.last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn draft() -> SubsidyDraft {
        SubsidyDraft {
            name: "Wmo-subsidie 2025".into(),
            funder: "Gemeente Zeist".into(),
            municipality: Some(MunicipalityId(Uuid::from_u128(1))),
            from: "1-1-2025".into(),
            to: "31-12-2025".into(),
            programmes: vec![ProgrammeId(Uuid::from_u128(2))],
            amount: "€ 42.500,00".into(),
        }
    }

    #[test]
    fn a_subsidy_is_checked_field_by_field() {
        let ok = draft().validate().unwrap();
        assert_eq!(ok.amount_cents, 4_250_000);
        assert_eq!(ok.period.first, NaiveDate::from_ymd_opt(2025, 1, 1).unwrap());
        let bad = SubsidyDraft {
            name: " ".into(),
            to: "31-12-2024".into(),
            programmes: vec![],
            amount: "veel".into(),
            ..draft()
        };
        let refusal = bad.validate().unwrap_err();
        let fields: Vec<Field> = std::iter::once(refusal.field).chain(refusal.also.iter().map(|r| r.field)).collect();
        assert_eq!(fields, vec![Field::Name, Field::To, Field::Programmes, Field::Amount]);
        for (typed, cents) in [("12500", 1_250_000), ("12.500", 1_250_000), ("12500,50", 1_250_050), ("0", 0)] {
            assert_eq!(
                SubsidyDraft { amount: typed.into(), ..draft() }.validate().unwrap().amount_cents,
                cents,
                "{typed}"
            );
        }
    }

    #[test]
    fn a_period_overlaps_at_its_edges_only_inclusively() {
        let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
        let year = DateRange { first: d(1, 1), last: d(12, 31) };
        assert!(overlaps(year, DateRange { first: d(12, 31), last: d(12, 31) }));
        assert_eq!(
            within(year, DateRange { first: d(6, 1), last: d(12, 31) }),
            Some(DateRange { first: d(6, 1), last: d(12, 31) })
        );
        let next = DateRange {
            first: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            last: NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
        };
        assert_eq!(within(year, next), None);
        assert_eq!(period_text(year), "1-1-2025 t/m 31-12-2025");
    }
}
