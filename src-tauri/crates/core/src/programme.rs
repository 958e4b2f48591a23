//! Programmes (projecten) a branch runs. The defaults follow DOMAIN.md; coordinators rename, add
//! and retire them.

use crate::refusal::{optional_text, required_text, Field, Refusal, RefusalCode};

/// A programme as it is seeded into a new database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultProgramme {
    /// A stable key so that seeding never duplicates a programme, even when renamed.
    pub key: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    /// The usual maximum length of a match in months (`None`: open-ended).
    pub max_months: Option<u32>,
}

/// The five example programmes of DOMAIN.md.
pub const DEFAULT_PROGRAMMES: [DefaultProgramme; 5] = [
    DefaultProgramme {
        key: "thuisadministratie",
        name: "Thuisadministratie",
        description: "Hulp bij de thuisadministratie: budgetplan, toeslagen, belastingaangifte, post ordenen.",
        max_months: Some(12),
    },
    DefaultProgramme {
        key: "maatje",
        name: "Maatje",
        description: "Een vast maatje voor iemand die eenzaam of geïsoleerd is.",
        max_months: Some(24),
    },
    DefaultProgramme {
        key: "huisbezoek",
        name: "Vriendschappelijk huisbezoek",
        description: "Vriendschappelijke huisbezoeken bij eenzame, vaak oudere mensen.",
        max_months: None,
    },
    DefaultProgramme {
        key: "rouw",
        name: "Steun bij verlies en rouw",
        description: "Een luisterend oor na een verlies. Nadrukkelijk geen therapie.",
        max_months: Some(12),
    },
    DefaultProgramme {
        key: "mantelzorg",
        name: "Mantelzorgondersteuning",
        description: "Respijt en steun voor mantelzorgers.",
        max_months: None,
    },
];

/// A programme form as typed in.
#[derive(Debug, Clone, Default)]
pub struct ProgrammeDraft {
    pub name: String,
    pub description: String,
    /// As typed; empty means open-ended.
    pub max_months: String,
    pub active: bool,
}

/// A programme that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidProgramme {
    pub name: String,
    pub description: Option<String>,
    pub max_months: Option<u32>,
    pub active: bool,
}

impl ProgrammeDraft {
    pub fn validate(&self) -> Result<ValidProgramme, Refusal> {
        let name = required_text(Field::Name, "de naam", "the name", &self.name, 80)?;
        let description =
            optional_text(Field::Description, "de omschrijving", "the description", &self.description, 500)?;
        let typed = self.max_months.trim();
        let max_months = if typed.is_empty() {
            None
        } else {
            let months: i64 = typed.parse().map_err(|_| {
                Refusal::new(
                    Field::MaxMonths,
                    RefusalCode::InvalidFormat,
                    format!("'{typed}' is geen heel aantal maanden. Schrijf bijvoorbeeld 12, of laat het leeg."),
                    format!("'{typed}' is not a whole number of months. Write for example 12, or leave it empty."),
                )
            })?;
            if !(1..=240).contains(&months) {
                return Err(Refusal::new(
                    Field::MaxMonths,
                    RefusalCode::NotAllowed,
                    format!("De maximale duur is {months} maanden; kies 1 tot 240 maanden, of laat het leeg."),
                    format!("The maximum length is {months} months; choose 1 to 240 months, or leave it empty."),
                ));
            }
            Some(months as u32)
        };
        Ok(ValidProgramme { name, description, max_months, active: self.active })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_have_unique_keys_and_names() {
        let mut keys: Vec<_> = DEFAULT_PROGRAMMES.iter().map(|p| p.key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), DEFAULT_PROGRAMMES.len());
    }

    fn refused(name: &str, months: &str) -> (Field, RefusalCode) {
        let draft = ProgrammeDraft { name: name.into(), max_months: months.into(), ..Default::default() };
        let r = draft.validate().expect_err("should be refused");
        (r.field, r.code)
    }

    #[test]
    fn refuses_an_empty_name_and_a_length_that_is_not_whole_months() {
        assert_eq!(refused("  ", ""), (Field::Name, RefusalCode::Required));
        assert_eq!(refused("Maatje", "0"), (Field::MaxMonths, RefusalCode::NotAllowed));
        assert_eq!(refused("Maatje", "241"), (Field::MaxMonths, RefusalCode::NotAllowed));
        assert_eq!(refused("Maatje", "een jaar"), (Field::MaxMonths, RefusalCode::InvalidFormat));
        assert_eq!(refused("Maatje", "1,5"), (Field::MaxMonths, RefusalCode::InvalidFormat));
    }

    #[test]
    fn accepts_whole_months_or_open_ended() {
        let ok =
            ProgrammeDraft { name: " Maatje ".into(), max_months: " 24 ".into(), active: true, ..Default::default() };
        let valid = ok.validate().unwrap();
        assert_eq!((valid.name.as_str(), valid.max_months), ("Maatje", Some(24)));
        let open = ProgrammeDraft { name: "Rouw".into(), ..Default::default() };
        assert_eq!(open.validate().unwrap().max_months, None);
    }
}
