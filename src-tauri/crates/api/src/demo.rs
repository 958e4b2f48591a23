//! Writing the fictional demo branch into the database, marked as demo so the window says so.

use crate::{ApiError, Draagkracht};
use chrono::Utc;
use draagkracht_core::support::SupervisionKind;
use draagkracht_store::{
    activities, assessments, funding, goals, hour_entries, involvements, matches, participants, programmes, referrals,
    settings, stories, support, volunteers,
};

pub use draagkracht_demo::DemoParams;

impl Draagkracht {
    /// Generates the branch over the existing programmes and writes it in one transaction, together
    /// with the marks "set up" and "demo". Returns the number of hour entries written.
    pub fn write_demo(&mut self, params: &DemoParams) -> Result<usize, ApiError> {
        let programme_ids: Vec<_> = programmes::list(self.db.conn())?.into_iter().map(|p| p.id).collect();
        let catalogue: Vec<_> = activities::list(self.db.conn(), None)?
            .into_iter()
            .filter(|a| a.active)
            .map(|a| (a.id, a.programme_id, a.level))
            .collect();
        let branch = draagkracht_demo::generate(params, &programme_ids, &catalogue);
        // The goals the programmes were seeded with, by name.
        let goal_ids: std::collections::HashMap<_, _> =
            goals::list(self.db.conn(), None)?.into_iter().map(|g| ((g.programme, g.name), g.id)).collect();
        let now = Utc::now();
        let written = self.db.write(|tx| {
            // Generated data, changed by nobody: the audit log stays silent while it is written.
            settings::set(tx, settings::AUDIT_PAUSED, "demo")?;
            for (id, v) in &branch.volunteers {
                volunteers::insert(tx, *id, v, now)?;
            }
            for (id, day) in &branch.stopped {
                volunteers::set_stopped_on(tx, *id, *day)?;
            }
            // The municipalities before the participants who live in them.
            for (id, name) in &branch.municipalities {
                funding::save_municipality(tx, *id, name, true, now)?;
            }
            for (id, subsidy) in &branch.subsidies {
                funding::save_subsidy(tx, *id, subsidy, true, now)?;
            }
            for (id, story, chosen) in &branch.stories {
                stories::save(tx, *id, story, true, now)?;
                stories::set_in_report(tx, *id, *chosen, now)?;
            }
            for case in &branch.cases {
                // Registered when their match began, as in a branch that has kept them for years.
                let registered = case.valid.start_date.and_hms_opt(9, 0, 0).map_or(now, |t| t.and_utc()).min(now);
                participants::insert(tx, case.participant_id, &case.participant, registered)?;
                matches::insert(tx, case.id, &case.valid, &[], now)?;
                if let Some((end, reason)) = &case.end {
                    matches::end(tx, case.id, *end, reason, now)?;
                }
                for (id, a) in &case.assessments {
                    assessments::insert(tx, *id, case.id, a, None, now)?;
                }
                for (id, v) in &case.involvements {
                    involvements::insert(tx, *id, case.id, v, now)?;
                }
                for (id, r) in &case.referrals {
                    referrals::insert(tx, *id, case.id, r, now)?;
                }
                let chosen: Vec<_> = case
                    .goals
                    .iter()
                    .filter_map(|(name, result)| {
                        Some((*goal_ids.get(&(case.valid.programme, name.to_string()))?, *result))
                    })
                    .collect();
                goals::set_for_match(tx, case.id, &chosen.iter().map(|(g, _)| *g).collect::<Vec<_>>())?;
                for (goal, result) in chosen {
                    if let Some(result) = result {
                        goals::set_result(tx, case.id, goal, result)?;
                    }
                }
            }
            for (id, support) in &branch.support {
                support::set_vog_date(tx, *id, support.vog)?;
                for (name, date) in &support.trainings {
                    support::add_training(tx, *id, name, *date, now)?;
                }
                for date in &support.supervision {
                    support::add_supervision(tx, *id, *date, SupervisionKind::Intervision, None, now)?;
                }
                for (date, answers) in &support.check_ins {
                    support::add_check_in(tx, *id, *date, answers, None, now)?;
                }
                for (month, cents) in &support.allowances {
                    support::set_allowance(tx, *id, *month, *cents, now)?;
                }
            }
            if let Some(admin) = programmes::seeded_as(tx, "thuisadministratie")? {
                support::set_required_training(tx, admin, Some(draagkracht_demo::DEMO_REQUIRED_TRAINING))?;
            }
            let written = hour_entries::insert_many(tx, branch.entries.iter().map(|(id, e, at)| (*id, e, *at)))?;
            settings::set(tx, settings::DEMO, "1")?;
            settings::remove(tx, settings::AUDIT_PAUSED)?;
            settings::set(tx, settings::SET_UP, "demo")?;
            Ok::<_, ApiError>(written)
        })?;
        self.evaluate_all(params.today)?;
        Ok(written)
    }
}
