//! Professional involvement in a case (which professional, since when, until when) and the referral
//! log (verwijzingen: to whom, when, why, with what outcome). A complex or acute case is far less
//! worrying when a professional is actively involved.

use crate::refusal::{optional_text, required_text, Field, Refusal, RefusalCode};
use crate::volunteer::parse_date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProfessionalKind {
    /// Wijkteam.
    Wijkteam,
    /// Schuldhulpverlening.
    DebtHelp,
    /// Sociaal raadslieden.
    SocialCounsel,
    /// Huisarts.
    Gp,
    /// GGZ.
    MentalHealth,
    Other,
}

impl ProfessionalKind {
    pub const ALL: [ProfessionalKind; 6] =
        [Self::Wijkteam, Self::DebtHelp, Self::SocialCounsel, Self::Gp, Self::MentalHealth, Self::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Wijkteam => "wijkteam",
            Self::DebtHelp => "debt_help",
            Self::SocialCounsel => "social_counsel",
            Self::Gp => "gp",
            Self::MentalHealth => "mental_health",
            Self::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

fn kind(field: Field, raw: &str) -> Result<ProfessionalKind, Refusal> {
    ProfessionalKind::parse(raw.trim()).ok_or_else(|| {
        Refusal::new(
            field,
            RefusalCode::Unknown,
            "Kies wat voor professional.",
            "Please choose the kind of professional.",
        )
    })
}

fn not_after_today(field: Field, date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, Refusal> {
    if date > today {
        return Err(Refusal::new(
            field,
            RefusalCode::InFuture,
            format!("{} ligt na vandaag.", date.format("%d-%m-%Y")),
            format!("{} is after today.", date.format("%d-%m-%Y")),
        ));
    }
    Ok(date)
}

#[derive(Debug, Clone, Default)]
pub struct InvolvementDraft {
    pub kind: String,
    pub name: String,
    pub organisation: String,
    pub from_date: String,
    pub to_date: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidInvolvement {
    pub kind: ProfessionalKind,
    pub name: Option<String>,
    pub organisation: Option<String>,
    pub from_date: NaiveDate,
    pub to_date: Option<NaiveDate>,
}

impl InvolvementDraft {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidInvolvement, Refusal> {
        let kind = kind(Field::ProfessionalKind, &self.kind)?;
        let name = optional_text(Field::Name, "de naam", "the name", &self.name, 120)?;
        let organisation =
            optional_text(Field::Organisation, "de organisatie", "the organisation", &self.organisation, 120)?;
        let from_date = not_after_today(Field::FromDate, parse_date(Field::FromDate, &self.from_date)?, today)?;
        let to_date = if self.to_date.trim().is_empty() {
            None
        } else {
            let to = parse_date(Field::ToDate, &self.to_date)?;
            if to < from_date {
                return Err(Refusal::new(
                    Field::ToDate,
                    RefusalCode::NotAllowed,
                    "De einddatum ligt vóór de begindatum.",
                    "The end date lies before the start date.",
                ));
            }
            Some(to)
        };
        Ok(ValidInvolvement { kind, name, organisation, from_date, to_date })
    }
}

impl ValidInvolvement {
    /// Whether the professional is involved on `day`.
    pub fn is_active_on(&self, day: NaiveDate) -> bool {
        self.from_date <= day && self.to_date.is_none_or(|to| day <= to)
    }
}

#[derive(Debug, Clone, Default)]
pub struct ReferralDraft {
    pub date: String,
    pub to_kind: String,
    pub to_name: String,
    pub reason: String,
    pub outcome: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidReferral {
    pub date: NaiveDate,
    pub to_kind: ProfessionalKind,
    pub to_name: Option<String>,
    pub reason: String,
    pub outcome: Option<String>,
}

impl ReferralDraft {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidReferral, Refusal> {
        let date = not_after_today(Field::Date, parse_date(Field::Date, &self.date)?, today)?;
        let to_kind = kind(Field::ProfessionalKind, &self.to_kind)?;
        let to_name = optional_text(Field::Name, "naar wie", "to whom", &self.to_name, 120)?;
        let reason = required_text(Field::Reason, "de reden", "the reason", &self.reason, 1000)?;
        let outcome = optional_text(Field::Outcome, "de uitkomst", "the outcome", &self.outcome, 1000)?;
        Ok(ValidReferral { date, to_kind, to_name, reason, outcome })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
    }

    #[test]
    fn an_involvement_runs_from_its_start_to_its_optional_end() {
        let d = InvolvementDraft { kind: "wijkteam".into(), from_date: "01-03-2025".into(), ..Default::default() };
        let v = d.validate(today()).unwrap();
        assert!(v.is_active_on(today()) && !v.is_active_on(NaiveDate::from_ymd_opt(2025, 2, 28).unwrap()));
        let ended = InvolvementDraft { to_date: "01-04-2025".into(), ..d.clone() }.validate(today()).unwrap();
        assert!(!ended.is_active_on(today()));
        let field = |d: InvolvementDraft| d.validate(today()).unwrap_err().field;
        assert_eq!(field(InvolvementDraft { kind: "dokter".into(), ..d.clone() }), Field::ProfessionalKind);
        assert_eq!(field(InvolvementDraft { to_date: "01-02-2025".into(), ..d.clone() }), Field::ToDate);
        assert_eq!(field(InvolvementDraft { from_date: "02-06-2025".into(), ..d }), Field::FromDate);
    }

    #[test]
    fn a_referral_needs_a_date_a_kind_and_a_reason() {
        let d = ReferralDraft {
            date: "01-06-2025".into(),
            to_kind: "debt_help".into(),
            reason: "deurwaarder".into(),
            ..Default::default()
        };
        assert!(d.validate(today()).is_ok());
        assert_eq!(
            ReferralDraft { reason: "".into(), ..d.clone() }.validate(today()).unwrap_err().field,
            Field::Reason
        );
        assert_eq!(ReferralDraft { date: "02-06-2025".into(), ..d }.validate(today()).unwrap_err().field, Field::Date);
    }
}
