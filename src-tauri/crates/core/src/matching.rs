//! Matches (koppelingen): one or more volunteers with a participant within a programme, from a start
//! date, with an expected end, and once ended a date and a reason.

use crate::ids::{ParticipantId, ProgrammeId, VolunteerId};
use crate::refusal::{optional_text, Field, Refusal, RefusalCode};
use crate::volunteer::parse_date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MatchStatus {
    Active,
    Ended,
}

impl MatchStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Ended => "ended",
        }
    }
    pub fn parse(text: &str) -> Option<Self> {
        [Self::Active, Self::Ended].into_iter().find(|s| s.as_str() == text)
    }
}

#[derive(Debug, Clone, Default)]
pub struct MatchDraft {
    pub participant: Option<ParticipantId>,
    pub programme: Option<ProgrammeId>,
    pub volunteers: Vec<VolunteerId>,
    pub start_date: String,
    pub expected_end_date: String,
    pub one_to_one_at_home: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMatch {
    pub participant: ParticipantId,
    pub programme: ProgrammeId,
    pub volunteers: Vec<VolunteerId>,
    pub start_date: NaiveDate,
    pub expected_end_date: Option<NaiveDate>,
    pub one_to_one_at_home: bool,
}

impl MatchDraft {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidMatch, Refusal> {
        let participant = self.participant.ok_or_else(|| {
            Refusal::new(
                Field::Participant,
                RefusalCode::Required,
                "Kies een deelnemer.",
                "Please choose a participant.",
            )
        })?;
        let programme = self.programme.ok_or_else(|| {
            Refusal::new(Field::Programme, RefusalCode::Required, "Kies een project.", "Please choose a programme.")
        })?;
        let mut volunteers = self.volunteers.clone();
        volunteers.sort();
        volunteers.dedup();
        if volunteers.is_empty() {
            return Err(Refusal::new(
                Field::Volunteers,
                RefusalCode::Required,
                "Kies minstens één vrijwilliger.",
                "Please choose at least one volunteer.",
            ));
        }
        let start_date = parse_date(Field::StartDate, &self.start_date)?;
        if start_date > today {
            return Err(Refusal::new(
                Field::StartDate,
                RefusalCode::InFuture,
                "Een koppeling begint vandaag of eerder. Leg een geplande koppeling vast op de dag dat ze begint.",
                "A match starts today or earlier. Record a planned match on the day it starts.",
            ));
        }
        let expected_end_date = if self.expected_end_date.trim().is_empty() {
            None
        } else {
            let end = parse_date(Field::ExpectedEndDate, &self.expected_end_date)?;
            if end < start_date {
                return Err(Refusal::new(
                    Field::ExpectedEndDate,
                    RefusalCode::NotAllowed,
                    "Het verwachte einde ligt vóór de start.",
                    "The expected end lies before the start.",
                ));
            }
            Some(end)
        };
        Ok(ValidMatch {
            participant,
            programme,
            volunteers,
            start_date,
            expected_end_date,
            one_to_one_at_home: self.one_to_one_at_home,
        })
    }
}

/// Ending a match: a date (not before its start, not after today) and a reason.
pub fn validate_end(
    start: NaiveDate,
    end_date: &str,
    reason: &str,
    today: NaiveDate,
) -> Result<(NaiveDate, String), Refusal> {
    let end = parse_date(Field::EndDate, end_date)?;
    if end < start || end > today {
        return Err(Refusal::new(
            Field::EndDate,
            RefusalCode::NotAllowed,
            format!("De einddatum moet tussen de start ({}) en vandaag liggen.", start.format("%d-%m-%Y")),
            format!("The end date must lie between the start ({}) and today.", start.format("%d-%m-%Y")),
        ));
    }
    let reason = optional_text(Field::EndReason, "de reden", "the reason", reason, 500)?.ok_or_else(|| {
        Refusal::new(
            Field::EndReason,
            RefusalCode::Required,
            "Vul in waarom de koppeling stopt.",
            "Please say why the match ends.",
        )
    })?;
    Ok((end, reason))
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
    }

    fn draft() -> MatchDraft {
        MatchDraft {
            participant: Some(ParticipantId(Uuid::from_u128(1))),
            programme: Some(ProgrammeId(Uuid::from_u128(2))),
            volunteers: vec![VolunteerId(Uuid::from_u128(3)), VolunteerId(Uuid::from_u128(3))],
            start_date: "01-05-2025".into(),
            expected_end_date: "".into(),
            one_to_one_at_home: true,
        }
    }

    #[test]
    fn a_match_needs_a_participant_a_programme_and_a_volunteer() {
        assert_eq!(draft().validate(today()).unwrap().volunteers.len(), 1, "the same volunteer twice is once");
        let field = |d: MatchDraft| d.validate(today()).unwrap_err().field;
        assert_eq!(field(MatchDraft { participant: None, ..draft() }), Field::Participant);
        assert_eq!(field(MatchDraft { programme: None, ..draft() }), Field::Programme);
        assert_eq!(field(MatchDraft { volunteers: vec![], ..draft() }), Field::Volunteers);
        assert_eq!(field(MatchDraft { start_date: "02-06-2025".into(), ..draft() }), Field::StartDate);
        assert_eq!(field(MatchDraft { expected_end_date: "30-04-2025".into(), ..draft() }), Field::ExpectedEndDate);
    }

    #[test]
    fn ending_needs_a_date_in_range_and_a_reason() {
        let start = NaiveDate::from_ymd_opt(2025, 5, 1).unwrap();
        assert!(validate_end(start, "01-06-2025", "doel bereikt", today()).is_ok());
        assert_eq!(validate_end(start, "30-04-2025", "x", today()).unwrap_err().field, Field::EndDate);
        assert_eq!(validate_end(start, "02-06-2025", "x", today()).unwrap_err().field, Field::EndDate);
        assert_eq!(validate_end(start, "01-06-2025", " ", today()).unwrap_err().field, Field::EndReason);
    }
}
