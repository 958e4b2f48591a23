//! Anonymised stories for funder reports: written and kept per period; a story can be chosen for
//! reports only while `core::stories` finds nothing in it that points at a person — checked against
//! the names and labels in the database — and a report checks again before it shows one.

use crate::wire::{Story, StoryInput};
use crate::{ApiError, Draagkracht};
use chrono::{NaiveDate, Utc};
use draagkracht_core::refusal::{Field, Refusal, RefusalCode};
use draagkracht_core::stories::{findings, Finding, StoryDraft};
use draagkracht_core::{DateRange, StoryId};
use draagkracht_store::stories::{self, StoryRecord};
use draagkracht_store::{participants, volunteers};
use uuid::Uuid;

impl Draagkracht {
    /// Every story, the latest period first, each with what in it still points at a person.
    pub fn stories(&self, today: NaiveDate) -> Result<Vec<Story>, ApiError> {
        let names = self.known_names()?;
        Ok(stories::list(self.db.conn())?.into_iter().map(|r| story(r, &names, today)).collect())
    }

    /// Adds a story (`id` none) or changes one; a changed text leaves the reports until chosen again.
    pub fn save_story(
        &mut self,
        id: Option<StoryId>,
        input: &StoryInput,
        today: NaiveDate,
    ) -> Result<Vec<Story>, ApiError> {
        let valid = StoryDraft {
            title: input.title.clone(),
            text: input.text.clone(),
            from: input.from.clone(),
            to: input.to.clone(),
        }
        .validate()?;
        let (id, new) = match id {
            Some(id) => (id, false),
            None => (StoryId(Uuid::now_v7()), true),
        };
        if !self.db.write(|tx| stories::save(tx, id, &valid, new, Utc::now()).map_err(ApiError::from))? {
            return Err(ApiError::not_found("Dit verhaal", "This story"));
        }
        self.stories(today)
    }

    /// Chooses a story for reports (refused while something in it points at a person, each named)
    /// or takes it out.
    pub fn choose_story(&mut self, id: StoryId, in_report: bool, today: NaiveDate) -> Result<Vec<Story>, ApiError> {
        let Some(current) = self.stories(today)?.into_iter().find(|s| s.id == id) else {
            return Err(ApiError::not_found("Dit verhaal", "This story"));
        };
        if in_report && !current.findings.is_empty() {
            let list = |nl: bool| {
                current
                    .findings
                    .iter()
                    .map(|f| {
                        let (what_nl, what_en) = f.kind.label();
                        format!("'{}' ({})", f.found, if nl { what_nl } else { what_en })
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            return Err(Refusal::new(
                Field::Note,
                RefusalCode::NotAllowed,
                format!(
                    "Dit verhaal kan nog niet in een rapport: haal eerst weg wat naar een persoon wijst: {}.",
                    list(true)
                ),
                format!(
                    "This story cannot go into a report yet: first take out what points at a person: {}.",
                    list(false)
                ),
            )
            .into());
        }
        self.db.write(|tx| stories::set_in_report(tx, id, in_report, Utc::now()).map_err(ApiError::from))?;
        self.stories(today)
    }

    pub fn remove_story(&mut self, id: StoryId, today: NaiveDate) -> Result<Vec<Story>, ApiError> {
        if !self.db.write(|tx| stories::remove(tx, id).map_err(ApiError::from))? {
            return Err(ApiError::not_found("Dit verhaal", "This story"));
        }
        self.stories(today)
    }

    /// The chosen stories about `range` that are still clean today, for a report: (title, text).
    pub(crate) fn stories_for_report(
        &self,
        range: DateRange,
        today: NaiveDate,
    ) -> Result<Vec<(String, String)>, ApiError> {
        // Only the chosen stories of this period are checked: reading every name in the database
        // is left for when there is one (most reports have none).
        let chosen: Vec<StoryRecord> = stories::list(self.db.conn())?
            .into_iter()
            .filter(|r| r.in_report && r.story.period.first <= range.last && range.first <= r.story.period.last)
            .collect();
        if chosen.is_empty() {
            return Ok(Vec::new());
        }
        let names = self.known_names()?;
        Ok(chosen
            .into_iter()
            .map(|r| story(r, &names, today))
            .filter(|s| s.findings.is_empty())
            .map(|s| (s.title, s.text))
            .collect())
    }

    /// The volunteers' names and the participants' labels a story must not hold.
    fn known_names(&self) -> Result<Vec<String>, ApiError> {
        let conn = self.db.conn();
        let mut names: Vec<String> = volunteers::names(conn)?.into_iter().map(|(_, name)| name).collect();
        names.extend(participants::list(conn)?.into_iter().map(|p| p.label));
        Ok(names)
    }
}

fn story(r: StoryRecord, names: &[String], today: NaiveDate) -> Story {
    // The title goes into the report too.
    let mut found: Vec<Finding> = findings(&r.story.title, names, today);
    found.extend(findings(&r.story.text, names, today));
    Story {
        id: r.id,
        title: r.story.title,
        text: r.story.text,
        first_day: r.story.period.first,
        last_day: r.story.period.last,
        in_report: r.in_report,
        findings: found,
    }
}
