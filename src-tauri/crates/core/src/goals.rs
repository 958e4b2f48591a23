//! Goals and results: each programme keeps a short list of goals a match can work towards
//! (defaults per programme, as the activity catalogue has them); a match records one or more; when
//! it ends, each gets a result. Where a professional scored the ZRM at the start and at the end of
//! a match, the change per life domain is a result too. Funders ask for goals and results and how
//! they are evaluated, not only counts (DOMAIN.md, "Reports for funders").

use crate::complexity::ZrmScores;
use crate::refusal::{required_text, Field, Refusal};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A default goal of a default programme (by the programme's seed key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultGoal {
    pub programme_key: &'static str,
    pub name: &'static str,
}

const fn g(programme_key: &'static str, name: &'static str) -> DefaultGoal {
    DefaultGoal { programme_key, name }
}

/// The seeded goals: what the programmes of DOMAIN.md set out to reach with a participant.
pub const DEFAULT_GOALS: &[DefaultGoal] = &[
    g("thuisadministratie", "Administratie op orde"),
    g("thuisadministratie", "Schulden in beeld"),
    g("thuisadministratie", "Zelf de post bijhouden"),
    g("maatje", "Minder eenzaam"),
    g("maatje", "Weer meedoen in de buurt"),
    g("maatje", "Een eigen netwerk opbouwen"),
    g("huisbezoek", "Regelmatig contact"),
    g("huisbezoek", "Minder eenzaam"),
    g("rouw", "Verlies een plek geven"),
    g("rouw", "Weer zin in de dag"),
    g("mantelzorg", "Mantelzorger ontlast"),
    g("mantelzorg", "Zorg vol te houden"),
];

/// A goal's result when its match ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GoalResult {
    Reached,
    Partly,
    NotReached,
}

impl GoalResult {
    pub const ALL: [Self; 3] = [Self::Reached, Self::Partly, Self::NotReached];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reached => "reached",
            Self::Partly => "partly",
            Self::NotReached => "not_reached",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == text)
    }

    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Self::Reached => ("bereikt", "reached"),
            Self::Partly => ("deels bereikt", "partly reached"),
            Self::NotReached => ("niet bereikt", "not reached"),
        }
    }
}

/// A goal's name, checked: required, at most 80 characters.
pub fn validate_goal(name: &str) -> Result<String, Refusal> {
    required_text(Field::Name, "de naam van het doel", "the goal's name", name, 80)
}

/// How the ZRM changed from the first scoring of a match to its last: the life domains that went
/// up, stayed the same and went down (a higher score is more self-reliant). Domains scored 0 (not
/// scored) at either end are left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ZrmChange {
    pub better: u32,
    pub same: u32,
    pub worse: u32,
}

impl ZrmChange {
    pub fn between(first: &ZrmScores, last: &ZrmScores) -> Self {
        let mut change = Self::default();
        for (a, b) in first.scores.iter().zip(&last.scores) {
            if *a == 0 || *b == 0 {
                continue;
            }
            match b.cmp(a) {
                std::cmp::Ordering::Greater => change.better += 1,
                std::cmp::Ordering::Equal => change.same += 1,
                std::cmp::Ordering::Less => change.worse += 1,
            }
        }
        change
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn every_default_programme_has_goals_and_results_read_back() {
        for p in crate::programme::DEFAULT_PROGRAMMES {
            assert!(DEFAULT_GOALS.iter().filter(|g| g.programme_key == p.key).count() >= 2, "{}", p.key);
        }
        for r in GoalResult::ALL {
            assert_eq!(GoalResult::parse(r.as_str()), Some(r));
        }
        assert!(validate_goal("  ").is_err());
    }

    #[test]
    fn the_zrm_change_counts_domains_up_same_and_down() {
        let z = |scores: [u8; 13]| ZrmScores {
            scored_by: "Wijkteam".into(),
            scored_on: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            scores,
        };
        let first = z([1, 2, 3, 3, 0, 2, 2, 2, 2, 2, 2, 2, 2]);
        let last = z([3, 2, 2, 4, 4, 2, 2, 2, 2, 2, 2, 2, 0]);
        assert_eq!(ZrmChange::between(&first, &last), ZrmChange { better: 2, same: 8, worse: 1 });
    }
}
