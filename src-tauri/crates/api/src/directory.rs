//! The sociale kaart: the branch's organisations to refer to, kept by hand, and those that fit a
//! referral — the kind chosen and the life domains of the case's latest assessment.

use crate::wire::{Organisation, OrganisationInput};
use crate::{ApiError, Draagkracht};
use chrono::Utc;
use draagkracht_core::directory::{fits, OrganisationDraft};
use draagkracht_core::{MatchId, OrganisationId, ProfessionalKind};
use draagkracht_store::assessments;
use draagkracht_store::organisations::{self, OrganisationRecord};
use uuid::Uuid;

impl From<OrganisationRecord> for Organisation {
    fn from(r: OrganisationRecord) -> Self {
        let o = r.organisation;
        Self {
            id: r.id,
            name: o.name,
            what: o.what,
            kinds: o.kinds,
            domains: o.domains,
            contact: o.contact,
            opening_hours: o.opening_hours,
            notes: o.notes,
        }
    }
}

impl Draagkracht {
    /// Every organisation on the map, by name.
    pub fn organisations(&self) -> Result<Vec<Organisation>, ApiError> {
        Ok(organisations::list(self.db.conn())?.into_iter().map(Organisation::from).collect())
    }

    /// Adds an organisation (`id` none) or changes one; every field is checked at once.
    pub fn save_organisation(
        &mut self,
        id: Option<OrganisationId>,
        input: &OrganisationInput,
    ) -> Result<Vec<Organisation>, ApiError> {
        let valid = OrganisationDraft {
            name: input.name.clone(),
            what: input.what.clone(),
            kinds: input.kinds.clone(),
            domains: input.domains.clone(),
            contact: input.contact.clone(),
            opening_hours: input.opening_hours.clone(),
            notes: input.notes.clone(),
        }
        .validate()?;
        let (id, new) = match id {
            Some(id) => (id, false),
            None => (OrganisationId(Uuid::now_v7()), true),
        };
        let saved = self.db.write(|tx| organisations::save(tx, id, &valid, new, Utc::now()).map_err(ApiError::from))?;
        if !saved {
            return Err(ApiError::not_found("Deze organisatie", "This organisation"));
        }
        self.organisations()
    }

    pub fn remove_organisation(&mut self, id: OrganisationId) -> Result<Vec<Organisation>, ApiError> {
        if !self.db.write(|tx| organisations::remove(tx, id).map_err(ApiError::from))? {
            return Err(ApiError::not_found("Deze organisatie", "This organisation"));
        }
        self.organisations()
    }

    /// The organisations that fit a referral of `kind` from this match: they take that kind and
    /// share a life domain with the case's latest assessment (or name no domains).
    pub fn organisations_for(&self, match_id: MatchId, kind: ProfessionalKind) -> Result<Vec<Organisation>, ApiError> {
        let latest = assessments::for_match(self.db.conn(), match_id)?.into_iter().next();
        let case_domains = latest.map(|a| a.assessment.domains).unwrap_or_default();
        Ok(organisations::list(self.db.conn())?
            .into_iter()
            .filter(|r| fits(&r.organisation.kinds, &r.organisation.domains, kind, &case_domains))
            .map(Organisation::from)
            .collect())
    }
}
