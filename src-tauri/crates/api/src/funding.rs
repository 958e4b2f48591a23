//! Who pays and for whom: the branch's own list of municipalities and its subsidies
//! (`core::funding` checks them; a report can be scoped to either, see `reports.rs`).

use crate::wire::{Municipality, Subsidy, SubsidyInput};
use crate::{ApiError, Draagkracht};
use chrono::Utc;
use draagkracht_core::funding::{validate_municipality, SubsidyDraft};
use draagkracht_core::refusal::{Field, Refusal, RefusalCode};
use draagkracht_core::{MunicipalityId, SubsidyId};
use draagkracht_store::funding::{self, MunicipalityRecord, SubsidyRecord};
use draagkracht_store::programmes;
use uuid::Uuid;

impl From<MunicipalityRecord> for Municipality {
    fn from(m: MunicipalityRecord) -> Self {
        Self { id: m.id, name: m.name, participants: m.participants, subsidies: m.subsidies }
    }
}

impl From<SubsidyRecord> for Subsidy {
    fn from(r: SubsidyRecord) -> Self {
        let s = r.subsidy;
        Self {
            id: r.id,
            name: s.name,
            funder: s.funder,
            municipality_id: s.municipality.filter(|_| r.municipality_name.is_some()),
            municipality_name: r.municipality_name,
            first_day: s.period.first,
            last_day: s.period.last,
            programme_ids: s.programmes,
            amount_cents: s.amount_cents,
        }
    }
}

impl Draagkracht {
    /// The branch's municipalities, by name.
    pub fn municipalities(&self) -> Result<Vec<Municipality>, ApiError> {
        Ok(funding::municipalities(self.db.conn())?.into_iter().map(Municipality::from).collect())
    }

    /// Adds a municipality (`id` none) or renames one; a name the branch has already is refused.
    pub fn save_municipality(&mut self, id: Option<MunicipalityId>, name: &str) -> Result<Vec<Municipality>, ApiError> {
        let name = validate_municipality(name)?;
        let taken = self
            .municipalities()?
            .into_iter()
            .any(|m| m.name.to_lowercase() == name.to_lowercase() && Some(m.id) != id);
        if taken {
            return Err(Refusal::new(
                Field::Name,
                RefusalCode::NotAllowed,
                format!("'{name}' staat al in de lijst."),
                format!("'{name}' is on the list already."),
            )
            .into());
        }
        let (id, new) = match id {
            Some(id) => (id, false),
            None => (MunicipalityId(Uuid::now_v7()), true),
        };
        if !self.db.write(|tx| funding::save_municipality(tx, id, &name, new, Utc::now()).map_err(ApiError::from))? {
            return Err(ApiError::not_found("Deze gemeente", "This municipality"));
        }
        self.municipalities()
    }

    /// Removes a municipality nobody lives in and no subsidy is for; otherwise says who still does.
    pub fn remove_municipality(&mut self, id: MunicipalityId) -> Result<Vec<Municipality>, ApiError> {
        let Some(m) = self.municipalities()?.into_iter().find(|m| m.id == id) else {
            return Err(ApiError::not_found("Deze gemeente", "This municipality"));
        };
        if m.participants > 0 || m.subsidies > 0 {
            return Err(Refusal::new(
                Field::Municipality,
                RefusalCode::NotAllowed,
                format!(
                    "{} blijft staan: er wonen {} deelnemers en er horen {} subsidies bij. Zet die eerst op een andere gemeente.",
                    m.name, m.participants, m.subsidies
                ),
                format!(
                    "{} stays: {} participants live there and {} subsidies are for it. Move those to another municipality first.",
                    m.name, m.participants, m.subsidies
                ),
            )
            .into());
        }
        self.db.write(|tx| funding::remove_municipality(tx, id).map_err(ApiError::from))?;
        self.municipalities()
    }

    /// The subsidies, the latest period first.
    pub fn subsidies(&self) -> Result<Vec<Subsidy>, ApiError> {
        Ok(funding::subsidies(self.db.conn())?.into_iter().map(Subsidy::from).collect())
    }

    /// Adds a subsidy (`id` none) or changes one; every field is checked at once.
    pub fn save_subsidy(&mut self, id: Option<SubsidyId>, input: &SubsidyInput) -> Result<Vec<Subsidy>, ApiError> {
        let valid = SubsidyDraft {
            name: input.name.clone(),
            funder: input.funder.clone(),
            municipality: input.municipality_id,
            from: input.from.clone(),
            to: input.to.clone(),
            programmes: input.programme_ids.clone(),
            amount: input.amount.clone(),
        }
        .validate()?;
        let conn = self.db.conn();
        if let Some(m) = valid.municipality {
            if !funding::municipalities(conn)?.iter().any(|x| x.id == m) {
                return Err(ApiError::not_found("Deze gemeente", "This municipality").at(Field::Municipality));
            }
        }
        for p in &valid.programmes {
            if programmes::get(conn, *p)?.is_none() {
                return Err(ApiError::not_found("Dit project", "This programme").at(Field::Programmes));
            }
        }
        let (id, new) = match id {
            Some(id) => (id, false),
            None => (SubsidyId(Uuid::now_v7()), true),
        };
        if !self.db.write(|tx| funding::save_subsidy(tx, id, &valid, new, Utc::now()).map_err(ApiError::from))? {
            return Err(ApiError::not_found("Deze subsidie", "This subsidy"));
        }
        self.subsidies()
    }

    pub fn remove_subsidy(&mut self, id: SubsidyId) -> Result<Vec<Subsidy>, ApiError> {
        if !self.db.write(|tx| funding::remove_subsidy(tx, id).map_err(ApiError::from))? {
            return Err(ApiError::not_found("Deze subsidie", "This subsidy"));
        }
        self.subsidies()
    }

    /// Refuses a participant's municipality the branch does not have (any more).
    pub(crate) fn check_municipality(&self, id: Option<MunicipalityId>) -> Result<(), ApiError> {
        match id {
            Some(id) if !self.municipalities()?.iter().any(|m| m.id == id) => {
                Err(ApiError::not_found("Deze gemeente", "This municipality").at(Field::Municipality))
            }
            _ => Ok(()),
        }
    }
}
