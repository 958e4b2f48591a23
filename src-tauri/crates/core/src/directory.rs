//! The sociale kaart: the organisations a branch refers to — what they do, which kinds of referral
//! and which life domains they take, how to reach them. The referral form offers those that fit the
//! case: one step from "this needs a professional" to a referral with the right contact.

use crate::complexity::LifeDomain;
use crate::professional::ProfessionalKind;
use crate::refusal::{optional_text, required_text, Field, Refusal, RefusalCode};

/// An organisation as typed (kinds and domains by their wire names).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OrganisationDraft {
    pub name: String,
    pub what: String,
    pub kinds: Vec<String>,
    pub domains: Vec<String>,
    pub contact: String,
    pub opening_hours: String,
    pub notes: String,
}

/// An organisation that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidOrganisation {
    pub name: String,
    pub what: Option<String>,
    pub kinds: Vec<ProfessionalKind>,
    pub domains: Vec<LifeDomain>,
    pub contact: Option<String>,
    pub opening_hours: Option<String>,
    pub notes: Option<String>,
}

impl OrganisationDraft {
    /// Every field checked at once: a name, at least one kind of referral, known domains.
    pub fn validate(&self) -> Result<ValidOrganisation, Refusal> {
        let name = required_text(Field::Name, "de naam", "the name", &self.name, 120);
        let what = optional_text(Field::Description, "wat ze doen", "what they do", &self.what, 400);
        let kinds = self.kinds();
        let domains = self.domains();
        let contact = optional_text(Field::Contact, "het contact", "the contact", &self.contact, 200);
        let opening_hours =
            optional_text(Field::OpeningHours, "de openingstijden", "the opening hours", &self.opening_hours, 200);
        let notes = optional_text(Field::Note, "de notitie", "the note", &self.notes, 1000);
        Refusal::all([
            name.as_ref().err(),
            what.as_ref().err(),
            kinds.as_ref().err(),
            domains.as_ref().err(),
            contact.as_ref().err(),
            opening_hours.as_ref().err(),
            notes.as_ref().err(),
        ])?;
        Ok(ValidOrganisation {
            name: name?,
            what: what?,
            kinds: kinds?,
            domains: domains?,
            contact: contact?,
            opening_hours: opening_hours?,
            notes: notes?,
        })
    }

    fn kinds(&self) -> Result<Vec<ProfessionalKind>, Refusal> {
        let mut kinds = Vec::new();
        for raw in &self.kinds {
            let kind = ProfessionalKind::parse(raw.trim()).ok_or_else(|| {
                Refusal::new(
                    Field::ProfessionalKind,
                    RefusalCode::NotAllowed,
                    format!("'{raw}' is geen soort verwijzing die Draagkracht kent."),
                    format!("'{raw}' is not a kind of referral Draagkracht knows."),
                )
            })?;
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
        if kinds.is_empty() {
            return Err(Refusal::new(
                Field::ProfessionalKind,
                RefusalCode::Required,
                "Kies minstens één soort verwijzing.",
                "Choose at least one kind of referral.",
            ));
        }
        Ok(kinds)
    }

    fn domains(&self) -> Result<Vec<LifeDomain>, Refusal> {
        let mut domains = Vec::new();
        for raw in &self.domains {
            let domain = LifeDomain::parse(raw.trim()).ok_or_else(|| {
                Refusal::new(
                    Field::Domains,
                    RefusalCode::NotAllowed,
                    format!("'{raw}' is geen levensgebied dat Draagkracht kent."),
                    format!("'{raw}' is not a life domain Draagkracht knows."),
                )
            })?;
            if !domains.contains(&domain) {
                domains.push(domain);
            }
        }
        Ok(domains)
    }
}

/// A kind of referral as a sheet writes it: the wire name, or the Dutch or English word.
pub fn kind_from_text(text: &str) -> Option<ProfessionalKind> {
    use ProfessionalKind::*;
    let t = text.trim().to_lowercase();
    ProfessionalKind::parse(&t).or(match t.as_str() {
        "wijkteam" | "sociaal wijkteam" | "district team" => Some(Wijkteam),
        "schuldhulp" | "schuldhulpverlening" | "schuldhulpverlener" | "debt help" => Some(DebtHelp),
        "sociaal raadslieden" | "sociaal raadsman" | "sociaal raadsvrouw" | "raadslieden" | "social counsel" => {
            Some(SocialCounsel)
        }
        "huisarts" | "gp" | "general practitioner" => Some(Gp),
        "ggz" | "geestelijke gezondheidszorg" | "mental health" => Some(MentalHealth),
        "anders" | "overig" | "other" => Some(Other),
        _ => None,
    })
}

/// A life domain as a sheet writes it: the wire name, or the Dutch or English word.
pub fn domain_from_text(text: &str) -> Option<LifeDomain> {
    use LifeDomain::*;
    let t = text.trim().to_lowercase();
    LifeDomain::parse(&t).or(match t.as_str() {
        "opvoeding" => Some(Parenting),
        "relaties" | "relatie" => Some(Relationships),
        "gezondheid" => Some(Health),
        "geld" | "geldzaken" | "financiën" | "financien" | "schulden" => Some(Money),
        "wonen" | "huisvesting" => Some(Housing),
        "taal" => Some(Language),
        "dagbesteding" | "werk" => Some(Daytime),
        _ => None,
    })
}

/// Splits a sheet's list cell ("Schuldhulp, Wijkteam"; "Geld / Wonen") into its items.
pub fn list_items(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', '/', '\n']).map(str::trim).filter(|s| !s.is_empty())
}

/// Whether an organisation fits a referral of `kind` for a case with problems on `case_domains`:
/// it takes that kind, and (when it names domains and the case has any) shares a domain with it.
pub fn fits(
    kinds: &[ProfessionalKind],
    domains: &[LifeDomain],
    kind: ProfessionalKind,
    case_domains: &[LifeDomain],
) -> bool {
    kinds.contains(&kind)
        && (domains.is_empty() || case_domains.is_empty() || domains.iter().any(|d| case_domains.contains(d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> OrganisationDraft {
        OrganisationDraft {
            name: " Schuldhulp Noord ".into(),
            what: "Gratis schuldhulp".into(),
            kinds: vec!["debt_help".into(), "debt_help".into()],
            domains: vec!["money".into()],
            contact: "010-1234567".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_directory_entry_is_checked_field_by_field_all_at_once() {
        let valid = draft().validate().unwrap();
        assert_eq!(valid.name, "Schuldhulp Noord");
        assert_eq!(valid.kinds, [ProfessionalKind::DebtHelp], "each kind once");
        assert_eq!(valid.domains, [LifeDomain::Money]);
        assert_eq!(valid.opening_hours, None);
        let bad = OrganisationDraft { name: String::new(), kinds: vec![], domains: vec!["geld".into()], ..draft() }
            .validate()
            .unwrap_err();
        assert_eq!(bad.field, Field::Name);
        assert_eq!(bad.also.iter().map(|r| r.field).collect::<Vec<_>>(), [Field::ProfessionalKind, Field::Domains]);
    }

    #[test]
    fn a_sheet_writes_kinds_and_domains_in_words() {
        let kinds: Vec<_> = list_items("Schuldhulpverlening; wijkteam, GGZ").map(kind_from_text).collect();
        assert_eq!(
            kinds,
            [Some(ProfessionalKind::DebtHelp), Some(ProfessionalKind::Wijkteam), Some(ProfessionalKind::MentalHealth)]
        );
        assert_eq!(kind_from_text("debt_help"), Some(ProfessionalKind::DebtHelp));
        assert_eq!(kind_from_text("advocaat"), None);
        let domains: Vec<_> = list_items("Geldzaken / Wonen").map(domain_from_text).collect();
        assert_eq!(domains, [Some(LifeDomain::Money), Some(LifeDomain::Housing)]);
    }

    #[test]
    fn an_organisation_fits_by_kind_and_shared_domain() {
        use LifeDomain::*;
        use ProfessionalKind::*;
        assert!(fits(&[DebtHelp], &[Money], DebtHelp, &[Money, Housing]));
        assert!(!fits(&[DebtHelp], &[Money], Wijkteam, &[Money]), "another kind");
        assert!(!fits(&[DebtHelp], &[Money], DebtHelp, &[Health]), "no shared domain");
        assert!(fits(&[Wijkteam], &[], Wijkteam, &[Health]), "an organisation for every domain");
        assert!(fits(&[Wijkteam], &[Money], Wijkteam, &[]), "a case without assessed domains");
    }
}
