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
    pub max_months: Option<i64>,
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
        let description = optional_text(
            Field::Description,
            "de omschrijving",
            "the description",
            &self.description,
            500,
        )?;
        let max_months = match self.max_months {
            None => None,
            Some(m) if (1..=240).contains(&m) => Some(m as u32),
            Some(m) => return Err(Refusal::new(
                Field::MaxMonths,
                RefusalCode::NotAllowed,
                format!(
                    "De maximale duur is {m} maanden; kies 1 tot 240 maanden, of laat het leeg."
                ),
                format!(
                    "The maximum length is {m} months; choose 1 to 240 months, or leave it empty."
                ),
            )),
        };
        Ok(ValidProgramme {
            name,
            description,
            max_months,
            active: self.active,
        })
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

    #[test]
    fn refuses_an_empty_name_and_an_absurd_length() {
        let draft = ProgrammeDraft {
            name: "  ".into(),
            ..Default::default()
        };
        assert_eq!(draft.validate().unwrap_err().field, Field::Name);
        let draft = ProgrammeDraft {
            name: "Maatje".into(),
            max_months: Some(0),
            ..Default::default()
        };
        assert_eq!(draft.validate().unwrap_err().field, Field::MaxMonths);
        let ok = ProgrammeDraft {
            name: " Maatje ".into(),
            max_months: Some(24),
            active: true,
            ..Default::default()
        };
        assert_eq!(ok.validate().unwrap().name, "Maatje");
    }
}
