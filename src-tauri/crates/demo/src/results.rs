//! What the demo's matches work towards and how it went: one to three of their programme's
//! default goals each, a result for every goal once the match has ended (reached less often in
//! complex and acute cases), and a ZRM scored at the start and at the end of some of the heavier
//! cases. Drawn after the rest of the branch, so the signals stay as they are.

use crate::DemoBranch;
use draagkracht_core::complexity::{case_level, CaseLevel, ZrmScores};
use draagkracht_core::goals::{GoalResult, DEFAULT_GOALS};
use draagkracht_core::programme::DEFAULT_PROGRAMMES;
use draagkracht_core::ProgrammeId;
use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

pub(crate) fn draw(rng: &mut ChaCha8Rng, branch: &mut DemoBranch, programmes: &[ProgrammeId]) {
    for case in &mut branch.cases {
        let Some(key) = programmes
            .iter()
            .position(|p| *p == case.valid.programme)
            .and_then(|i| DEFAULT_PROGRAMMES.get(i))
            .map(|p| p.key)
        else {
            continue;
        };
        let mut offered: Vec<&'static str> =
            DEFAULT_GOALS.iter().filter(|g| g.programme_key == key).map(|g| g.name).collect();
        offered.shuffle(rng);
        let how_many = rng.gen_range(1..=offered.len().min(3));
        let level = case_level(case.assessments.last().map(|(_, a)| &a.assessment));
        let reached = match level {
            CaseLevel::Normal => 0.6,
            CaseLevel::Complex => 0.4,
            CaseLevel::Acute => 0.25,
        };
        case.goals = offered
            .into_iter()
            .take(how_many)
            .map(|name| {
                let result = case.end.as_ref().map(|_| {
                    let roll: f64 = rng.gen();
                    if roll < reached {
                        GoalResult::Reached
                    } else if roll < reached + 0.3 {
                        GoalResult::Partly
                    } else {
                        GoalResult::NotReached
                    }
                });
                (name, result)
            })
            .collect();
        // Some heavier cases had a professional score the ZRM at the start and at the end (never
        // a 1, which would make the case acute).
        let heavy = level != CaseLevel::Normal;
        if heavy && case.assessments.len() >= 2 && rng.gen_bool(0.4) {
            let first: [u8; 13] = std::array::from_fn(|_| rng.gen_range(2..=4));
            let last: [u8; 13] = std::array::from_fn(|i| (first[i] as i8 + rng.gen_range(-1..=2)).clamp(2, 5) as u8);
            let n = case.assessments.len();
            for (index, scores) in [(0, first), (n - 1, last)] {
                let (_, a) = &mut case.assessments[index];
                a.assessment.zrm = Some(ZrmScores { scored_by: "Wijkteam (demo)".into(), scored_on: a.date, scores });
            }
        }
    }
}
