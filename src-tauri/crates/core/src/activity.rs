//! The activity catalogue: per programme, what volunteers may do, with a level — volunteer work,
//! grey zone (allowed with support; watch the frequency), or professional (not a volunteer task:
//! refer). The defaults follow DOMAIN.md, "Where volunteer work ends"; coordinators edit them.

use crate::refusal::{required_text, Field, Refusal};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActivityLevel {
    Volunteer,
    Grey,
    Professional,
}

impl ActivityLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Volunteer => "volunteer",
            Self::Grey => "grey",
            Self::Professional => "professional",
        }
    }
    pub fn parse(text: &str) -> Option<Self> {
        [Self::Volunteer, Self::Grey, Self::Professional].into_iter().find(|l| l.as_str() == text)
    }
}

/// A default activity of a default programme (by the programme's seed key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultActivity {
    pub programme_key: &'static str,
    pub name: &'static str,
    pub level: ActivityLevel,
}

const fn a(programme_key: &'static str, name: &'static str, level: ActivityLevel) -> DefaultActivity {
    DefaultActivity { programme_key, name, level }
}

use ActivityLevel::{Grey, Professional, Volunteer};

/// The seeded catalogue. Home visits, buddy and informal-care support share the care tasks that are
/// reserved for professionals (Wet BIG art. 36, and the letter's compression stockings).
pub const DEFAULT_ACTIVITIES: &[DefaultActivity] = &[
    a("thuisadministratie", "Post ordenen en archiveren", Volunteer),
    a("thuisadministratie", "Budgetplan maken", Volunteer),
    a("thuisadministratie", "Toeslagen aanvragen of wijzigen", Volunteer),
    a("thuisadministratie", "Belastingaangifte", Volunteer),
    a("thuisadministratie", "Onderhandelen met schuldeisers", Grey),
    a("thuisadministratie", "Contact met deurwaarder", Professional),
    a("thuisadministratie", "Betalingsregeling treffen", Professional),
    a("thuisadministratie", "Afsluiting energie of water voorkomen", Professional),
    a("thuisadministratie", "Achterstand zorgverzekering regelen", Professional),
    a("maatje", "Samen iets ondernemen", Volunteer),
    a("maatje", "Gesprek en luisterend oor", Volunteer),
    a("maatje", "Meegaan naar een afspraak", Grey),
    a("maatje", "Medicatie geven", Professional),
    a("maatje", "Persoonlijke verzorging (wassen, steunkousen)", Professional),
    a("huisbezoek", "Bezoek en gesprek", Volunteer),
    a("huisbezoek", "Boodschappen of wandelen", Volunteer),
    a("huisbezoek", "Hulp bij kleine klusjes", Grey),
    a("huisbezoek", "Medicatie geven", Professional),
    a("huisbezoek", "Wondverzorging", Professional),
    a("huisbezoek", "Persoonlijke verzorging (wassen, steunkousen)", Professional),
    a("huisbezoek", "Tillen of verplaatsen", Professional),
    a("rouw", "Luisterend gesprek", Volunteer),
    a("rouw", "Samen herdenken", Volunteer),
    a("rouw", "Rouwtherapie", Professional),
    a("mantelzorg", "Respijt: de zorg even overnemen met gezelschap", Volunteer),
    a("mantelzorg", "Gesprek met de mantelzorger", Volunteer),
    a("mantelzorg", "Hulp bij het huishouden", Grey),
    a("mantelzorg", "Medicatie geven", Professional),
    a("mantelzorg", "Injecties of katheter", Professional),
    a("mantelzorg", "Persoonlijke verzorging (wassen, steunkousen)", Professional),
    a("mantelzorg", "Tillen of verplaatsen", Professional),
];

#[derive(Debug, Clone, Default)]
pub struct ActivityDraft {
    pub name: String,
    pub level: String,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidActivity {
    pub name: String,
    pub level: ActivityLevel,
    pub active: bool,
}

impl ActivityDraft {
    pub fn validate(&self) -> Result<ValidActivity, Refusal> {
        let name = required_text(Field::Name, "de naam", "the name", &self.name, 120)?;
        let level = ActivityLevel::parse(self.level.trim()).ok_or_else(|| {
            Refusal::new(
                Field::Level,
                crate::refusal::RefusalCode::Unknown,
                "Kies een niveau: vrijwilligerswerk, grijs gebied of professioneel.",
                "Please choose a level: volunteer work, grey zone or professional.",
            )
        })?;
        Ok(ValidActivity { name, level, active: self.active })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programme::DEFAULT_PROGRAMMES;

    #[test]
    fn every_default_programme_has_activities_of_its_own_and_a_professional_one() {
        for p in DEFAULT_PROGRAMMES {
            let own: Vec<_> = DEFAULT_ACTIVITIES.iter().filter(|a| a.programme_key == p.key).collect();
            assert!(own.iter().any(|a| a.level == Volunteer), "{}", p.key);
            assert!(own.iter().any(|a| a.level == Professional), "{}", p.key);
        }
        assert!(DEFAULT_ACTIVITIES.iter().all(|a| DEFAULT_PROGRAMMES.iter().any(|p| p.key == a.programme_key)));
    }

    #[test]
    fn bailiffs_are_professional_and_creditor_negotiation_grey() {
        let level = |name: &str| DEFAULT_ACTIVITIES.iter().find(|a| a.name == name).map(|a| a.level);
        assert_eq!(level("Contact met deurwaarder"), Some(Professional));
        assert_eq!(level("Onderhandelen met schuldeisers"), Some(Grey));
    }

    #[test]
    fn an_activity_needs_a_name_and_a_known_level() {
        assert!(ActivityDraft { name: "Bellen".into(), level: "grey".into(), active: true }.validate().is_ok());
        assert_eq!(
            ActivityDraft { name: "Bellen".into(), level: "x".into(), active: true }.validate().unwrap_err().field,
            Field::Level
        );
    }
}
