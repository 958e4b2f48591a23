//! Writing the fictional demo branch into the database, marked as demo so the window says so.

use crate::{ApiError, Draagkracht};
use chrono::Utc;
use draagkracht_store::{hour_entries, programmes, settings, volunteers};

pub use draagkracht_demo::DemoParams;

impl Draagkracht {
    /// Generates the branch over the existing programmes and writes it in one transaction, together
    /// with the marks "set up" and "demo". Returns the number of hour entries written.
    pub fn write_demo(&mut self, params: &DemoParams) -> Result<usize, ApiError> {
        let programme_ids: Vec<_> = programmes::list(self.db.conn())?.into_iter().map(|p| p.id).collect();
        let branch = draagkracht_demo::generate(params, &programme_ids);
        let now = Utc::now();
        self.db.write(|tx| {
            for (id, v) in &branch.volunteers {
                volunteers::insert(tx, *id, v, now)?;
            }
            let written = hour_entries::insert_many(tx, branch.entries.iter().map(|(id, e, at)| (*id, e, *at)))?;
            settings::set(tx, settings::DEMO, "1")?;
            settings::set(tx, settings::SET_UP, "demo")?;
            Ok::<_, ApiError>(written)
        })
    }
}
