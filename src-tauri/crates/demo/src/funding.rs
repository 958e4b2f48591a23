//! Who pays for the demo branch: it serves three municipalities (most participants live in Zeist,
//! fewer in De Bilt and Bunnik, a few did not say), and reports on Wmo subsidies of Zeist and De
//! Bilt and a foundation's grant for caregiver support, for last year and this year; and it tells
//! two short stories, one of them chosen for the reports of last year.

use crate::{id_at, DemoBranch};
use chrono::{Datelike, NaiveDate};
use draagkracht_core::funding::ValidSubsidy;
use draagkracht_core::period::DateRange;
use draagkracht_core::stories::ValidStory;
use draagkracht_core::{MunicipalityId, ProgrammeId, StoryId, SubsidyId};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

const MUNICIPALITIES: [&str; 3] = ["Zeist", "De Bilt", "Bunnik"];

pub(crate) fn fund(rng: &mut ChaCha8Rng, branch: &mut DemoBranch, programmes: &[ProgrammeId], today: NaiveDate) {
    let founded = today - chrono::Days::new(5 * 365);
    let ids: Vec<MunicipalityId> = MUNICIPALITIES.iter().map(|_| MunicipalityId(id_at(rng, founded))).collect();
    branch.municipalities = ids.iter().copied().zip(MUNICIPALITIES.map(str::to_string)).collect();
    for case in &mut branch.cases {
        case.participant.municipality = match rng.gen_range(0..100) {
            0..=54 => Some(ids[0]),
            55..=84 => Some(ids[1]),
            85..=95 => Some(ids[2]),
            _ => None,
        };
    }
    // DOMAIN.md's programmes in order: Thuisadministratie, Maatje, Vriendschappelijk huisbezoek,
    // Steun bij verlies en rouw, Mantelzorgondersteuning.
    let some = |indexes: &[usize]| -> Vec<ProgrammeId> {
        indexes.iter().filter_map(|i| programmes.get(*i).copied()).collect()
    };
    for year in [today.year() - 1, today.year()] {
        let (Some(first), Some(last)) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31))
        else {
            continue;
        };
        let period = DateRange { first, last };
        let grants = [
            (format!("Wmo-subsidie Zeist {year}"), "Gemeente Zeist", Some(ids[0]), some(&[0, 1, 2]), 42_500_00),
            (format!("Wmo-subsidie De Bilt {year}"), "Gemeente De Bilt", Some(ids[1]), some(&[0]), 18_000_00),
            (format!("Mantelzorgfonds {year}"), "Stichting Steunfonds (verzonnen)", None, some(&[4, 3]), 7_500_00),
        ];
        for (name, funder, municipality, programmes, amount_cents) in grants {
            if programmes.is_empty() {
                continue;
            }
            branch.subsidies.push((
                SubsidyId(id_at(rng, first)),
                ValidSubsidy { name, funder: funder.into(), municipality, period, programmes, amount_cents },
            ));
        }
    }
    let last_year = today.year() - 1;
    if let (Some(first), Some(last)) =
        (NaiveDate::from_ymd_opt(last_year, 1, 1), NaiveDate::from_ymd_opt(last_year, 12, 31))
    {
        let period = DateRange { first, last };
        branch.stories.push((
            StoryId(id_at(rng, last)),
            ValidStory {
                title: "Weer overzicht in de post".into(),
                text: "Een oudere inwoner had maanden zijn post niet geopend. Een vrijwilliger van de \
                       thuisadministratie zocht samen met hem uit wat er lag, maakte een overzicht van de \
                       rekeningen en zat naast hem toen hij de schuldhulp belde. Na een half jaar opent hij \
                       zijn post weer zelf; de vrijwilliger komt nog eens per maand langs."
                    .into(),
                period,
            },
            true,
        ));
        // A draft that still names someone: it cannot go into a report until that is taken out.
        let named = branch.volunteers.first().map(|(_, v)| v.name.clone()).unwrap_or_default();
        branch.stories.push((
            StoryId(id_at(rng, last)),
            ValidStory {
                title: "Samen naar de huisarts".into(),
                text: format!(
                    "{named} ging mee naar de huisarts, omdat de deelnemer het gesprek alleen niet aandurfde."
                ),
                period,
            },
            false,
        ));
    }
}
