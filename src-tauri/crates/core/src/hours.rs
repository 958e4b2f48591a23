//! Hour entries (inzet): what a volunteer spent on one day, in which programme, on what kind of work.
//! Training is recorded as its own kind so that it is counted apart from the work itself.

use crate::duration::{parse_duration, Minutes};
use crate::ids::{ActivityId, MatchId, ProgrammeId, VolunteerId};
use crate::refusal::{optional_text, Field, Refusal, RefusalCode};
use crate::volunteer::parse_date;
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How far back an entry may be dated: paper forms arrive late, but not years late.
pub const MAX_AGE_DAYS: u64 = 3 * 366;

/// The broad kind of an hour entry. The activity catalogue (with volunteer / grey zone /
/// professional levels) refines "support" per programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HourKind {
    /// Ondersteuning: work with or for a participant.
    Support,
    /// Overleg: meetings, intervision, coordination.
    Meeting,
    /// Training: courses and training; counted apart.
    Training,
    /// Reistijd: travel.
    Travel,
}

impl HourKind {
    pub const ALL: [HourKind; 4] = [Self::Support, Self::Meeting, Self::Training, Self::Travel];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Support => "support",
            Self::Meeting => "meeting",
            Self::Training => "training",
            Self::Travel => "travel",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// The hour-entry form as typed in.
#[derive(Debug, Clone, Default)]
pub struct HourEntryDraft {
    pub volunteer: Option<VolunteerId>,
    pub date: String,
    pub duration: String,
    pub programme: Option<ProgrammeId>,
    pub kind: String,
    pub note: String,
    pub match_id: Option<MatchId>,
    pub activity: Option<ActivityId>,
}

/// An hour entry that passed validation. Whether the volunteer and programme exist is checked by
/// the caller against the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewHourEntry {
    pub volunteer: VolunteerId,
    pub date: NaiveDate,
    pub minutes: Minutes,
    pub programme: ProgrammeId,
    pub kind: HourKind,
    pub note: Option<String>,
    /// The match the hours were for; that it exists and holds the volunteer is checked against the store.
    pub match_id: Option<MatchId>,
    /// The activity from the programme's catalogue; checked against the store.
    pub activity: Option<ActivityId>,
}

impl HourEntryDraft {
    /// Checks every field, so that the form shows all its refusals at once.
    pub fn validate(&self, today: NaiveDate) -> Result<NewHourEntry, Refusal> {
        let volunteer = self.volunteer.ok_or_else(|| {
            Refusal::new(
                Field::Volunteer,
                RefusalCode::Required,
                "Kies een vrijwilliger.",
                "Please choose a volunteer.",
            )
        });
        let date = parse_date(Field::Date, &self.date).and_then(|date| in_range(date, today));
        let minutes = parse_duration(&self.duration);
        let programme = self.programme.ok_or_else(|| {
            Refusal::new(Field::Programme, RefusalCode::Required, "Kies een project.", "Please choose a programme.")
        });
        let kind = HourKind::parse(self.kind.trim()).ok_or_else(|| {
            Refusal::new(Field::Kind, RefusalCode::Unknown, "Kies het soort inzet.", "Please choose the kind of work.")
        });
        let note = optional_text(Field::Note, "de notitie", "the note", &self.note, 1000);
        Refusal::all([
            volunteer.as_ref().err(),
            date.as_ref().err(),
            minutes.as_ref().err(),
            programme.as_ref().err(),
            kind.as_ref().err(),
            note.as_ref().err(),
        ])?;
        let (volunteer, date, minutes, programme, kind, note) = (volunteer?, date?, minutes?, programme?, kind?, note?);
        Ok(NewHourEntry {
            volunteer,
            date,
            minutes,
            programme,
            kind,
            note,
            match_id: self.match_id,
            activity: self.activity,
        })
    }
}

/// Hours are written afterwards, and not years afterwards (a slip in the year).
fn in_range(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, Refusal> {
    if date > today {
        return Err(Refusal::new(
            Field::Date,
            RefusalCode::InFuture,
            format!("{} ligt na vandaag. Uren schrijf je achteraf.", date.format("%d-%m-%Y")),
            format!("{} is after today. Hours are logged afterwards.", date.format("%d-%m-%Y")),
        ));
    }
    if date < today - Days::new(MAX_AGE_DAYS) {
        return Err(Refusal::new(
            Field::Date,
            RefusalCode::TooOld,
            format!("{} is meer dan drie jaar geleden. Controleer het jaartal.", date.format("%d-%m-%Y")),
            format!("{} is more than three years ago. Check the year.", date.format("%d-%m-%Y")),
        ));
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 15).unwrap()
    }

    fn draft() -> HourEntryDraft {
        HourEntryDraft {
            volunteer: Some(VolunteerId(Uuid::from_u128(1))),
            date: "15-06-2025".into(),
            duration: "1:30".into(),
            programme: Some(ProgrammeId(Uuid::from_u128(2))),
            kind: "support".into(),
            note: "  ".into(),
            match_id: None,
            activity: None,
        }
    }

    fn refused(d: HourEntryDraft) -> (Field, RefusalCode) {
        let r = d.validate(today()).expect_err("should be refused");
        (r.field, r.code)
    }

    #[test]
    fn accepts_an_entry_for_today() {
        let e = draft().validate(today()).unwrap();
        assert_eq!(e.minutes.get(), 90);
        assert_eq!(e.note, None, "a blank note is no note");
    }

    #[test]
    fn refuses_with_the_field_and_reason() {
        assert_eq!(refused(HourEntryDraft { volunteer: None, ..draft() }), (Field::Volunteer, RefusalCode::Required));
        assert_eq!(
            refused(HourEntryDraft { date: "16-06-2025".into(), ..draft() }),
            (Field::Date, RefusalCode::InFuture)
        );
        assert_eq!(
            refused(HourEntryDraft { date: "01-01-2020".into(), ..draft() }),
            (Field::Date, RefusalCode::TooOld)
        );
        assert_eq!(
            refused(HourEntryDraft { duration: "0".into(), ..draft() }),
            (Field::Duration, RefusalCode::NotPositive)
        );
        assert_eq!(
            refused(HourEntryDraft { duration: "-2".into(), ..draft() }),
            (Field::Duration, RefusalCode::NotPositive)
        );
        assert_eq!(refused(HourEntryDraft { programme: None, ..draft() }), (Field::Programme, RefusalCode::Required));
        assert_eq!(refused(HourEntryDraft { kind: "party".into(), ..draft() }), (Field::Kind, RefusalCode::Unknown));
    }

    #[test]
    fn the_message_says_which_date_and_why() {
        let r = HourEntryDraft { date: "2025-06-20".into(), ..draft() }.validate(today()).unwrap_err();
        assert!(r.nl.contains("20-06-2025") && r.nl.contains("na vandaag"), "{}", r.nl);
    }
}
