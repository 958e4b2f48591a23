//! Conversation guides: each rule's default (core) or the branch's own wording (store), on the
//! signal page and on the settings screen where a coordinator rewrites them.

use crate::wire::{ConversationGuide, GuideInput, RuleGuide};
use crate::{ApiError, Draagkracht};
use chrono::Utc;
use draagkracht_core::signals::guides::GuideDraft;
use draagkracht_core::RuleId;
use draagkracht_store::guides;

impl Draagkracht {
    /// A rule's guide as this branch has it.
    pub(crate) fn guide_of(&self, rule: RuleId) -> Result<ConversationGuide, ApiError> {
        let own = guides::all(self.db.conn())?.into_iter().find(|(r, _)| *r == rule).map(|(_, g)| g);
        Ok(ConversationGuide::of(rule, own.as_ref()))
    }

    /// Every rule's guide, in the rules' order.
    pub fn signal_guides(&self) -> Result<Vec<RuleGuide>, ApiError> {
        let own = guides::all(self.db.conn())?;
        Ok(RuleId::ALL
            .into_iter()
            .map(|rule| {
                let branch = own.iter().find(|(r, _)| *r == rule).map(|(_, g)| g);
                RuleGuide { rule, guide: ConversationGuide::of(rule, branch) }
            })
            .collect())
    }

    /// Keeps the branch's wording of a rule's guide (every field checked at once); all three fields
    /// empty go back to the default.
    pub fn set_signal_guide(&mut self, input: &GuideInput) -> Result<Vec<RuleGuide>, ApiError> {
        let draft = GuideDraft {
            why: input.why.clone(),
            questions: input.questions.clone(),
            professional: input.professional.clone(),
        };
        let back_to_default = [&draft.why, &draft.questions, &draft.professional].iter().all(|t| t.trim().is_empty());
        let guide = if back_to_default { None } else { Some(draft.validate()?) };
        self.db.write(|tx| guides::set(tx, input.rule, guide.as_ref(), Utc::now()).map_err(ApiError::from))?;
        self.signal_guides()
    }
}
