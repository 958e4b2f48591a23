//! Participants (deelnemers), recorded with data minimisation in mind: a code or first name, an
//! optional contact, and the date consent was given. Nothing more is required.

use crate::refusal::{optional_text, required_text, Field, Refusal, RefusalCode};
use crate::volunteer::parse_date;
use chrono::NaiveDate;

#[derive(Debug, Clone, Default)]
pub struct ParticipantDraft {
    pub label: String,
    pub contact: String,
    pub consent_date: String,
    pub consent_by: String,
    pub consent_scope: String,
    /// Where they live: one of the branch's municipalities (its existence is the api's to check).
    pub municipality: Option<crate::ids::MunicipalityId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidParticipant {
    /// A code or a first name.
    pub label: String,
    pub contact: Option<String>,
    pub consent_date: Option<NaiveDate>,
    /// Who recorded the consent.
    pub consent_by: Option<String>,
    /// What the consent covers.
    pub consent_scope: Option<String>,
    pub municipality: Option<crate::ids::MunicipalityId>,
}

impl ParticipantDraft {
    /// Checks every field, so that the form shows all its refusals at once.
    pub fn validate(&self, today: NaiveDate) -> Result<ValidParticipant, Refusal> {
        let label = required_text(Field::Label, "een code of voornaam", "a code or first name", &self.label, 60);
        let contact = optional_text(Field::Contact, "het contact", "the contact", &self.contact, 200);
        let consent_date = self.consent_date(today);
        let consent_by = optional_text(
            Field::ConsentBy,
            "wie de toestemming vastlegde",
            "who recorded the consent",
            &self.consent_by,
            100,
        );
        let consent_scope = optional_text(
            Field::ConsentScope,
            "waarvoor de toestemming geldt",
            "what the consent covers",
            &self.consent_scope,
            200,
        );
        Refusal::all([
            label.as_ref().err(),
            contact.as_ref().err(),
            consent_date.as_ref().err(),
            consent_by.as_ref().err(),
            consent_scope.as_ref().err(),
        ])?;
        Ok(ValidParticipant {
            label: label?,
            contact: contact?,
            consent_date: consent_date?,
            consent_by: consent_by?,
            consent_scope: consent_scope?,
            municipality: self.municipality,
        })
    }

    fn consent_date(&self, today: NaiveDate) -> Result<Option<NaiveDate>, Refusal> {
        if self.consent_date.trim().is_empty() {
            return Ok(None);
        }
        let date = parse_date(Field::ConsentDate, &self.consent_date)?;
        if date > today {
            return Err(Refusal::new(
                Field::ConsentDate,
                RefusalCode::InFuture,
                "Toestemming kan niet in de toekomst gegeven zijn. Kies een datum tot en met vandaag.",
                "Consent cannot have been given in the future. Choose a date up to today.",
            ));
        }
        Ok(Some(date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_code_or_first_name_is_required() {
        let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let ok = ParticipantDraft { label: " D-017 ".into(), ..Default::default() }.validate(today).unwrap();
        assert_eq!((ok.label.as_str(), ok.contact, ok.consent_date), ("D-017", None, None));
        let empty = ParticipantDraft::default().validate(today).unwrap_err();
        assert_eq!((empty.field, empty.code), (Field::Label, RefusalCode::Required));
        let future = ParticipantDraft { label: "Ria".into(), consent_date: "02-06-2025".into(), ..Default::default() };
        assert_eq!(future.validate(today).unwrap_err().field, Field::ConsentDate);
        // All refused fields at once, in form order.
        let both =
            ParticipantDraft { consent_date: "31-02-2025".into(), ..Default::default() }.validate(today).unwrap_err();
        assert_eq!(both.field, Field::Label);
        assert_eq!(both.also.iter().map(|r| r.field).collect::<Vec<_>>(), vec![Field::ConsentDate]);
    }
}
