//! Draagkracht's pure domain: the types a coordinator's records are made of, the rules that validate
//! them, and the date arithmetic the screens rely on.
//!
//! Nothing here does IO, touches SQL or reads the clock: "today" is always an argument. Wire input
//! (plain strings from the window or the CLI) is parsed once into the types below, which cannot hold
//! an invalid value; every refusal names the field and the reason, in Dutch and English.

pub mod activity;
pub mod backup;
pub mod complexity;
pub mod directory;
pub mod duration;
pub mod funding;
pub mod goals;
pub mod hours;
pub mod ids;
pub mod import;
pub mod matching;
pub mod national;
pub mod participant;
pub mod period;
pub mod professional;
pub mod programme;
pub mod refusal;
pub mod report;
pub mod room;
pub mod signals;
pub mod stories;
pub mod support;
pub mod suppression;
pub mod sync;
pub mod volunteer;

pub use activity::ActivityLevel;
pub use backup::BackupKind;
pub use complexity::{CaseLevel, CrisisMarker, LifeDomain};
pub use duration::Minutes;
pub use hours::{HourEntryDraft, HourKind, NewHourEntry};
pub use ids::{
    ActivityId, AssessmentId, GoalId, HourEntryId, InvolvementId, MatchId, MunicipalityId, OrganisationId,
    ParticipantId, ProgrammeId, ReferralId, SignalId, StoryId, SubsidyId, VolunteerId,
};
pub use matching::MatchStatus;
pub use period::DateRange;
pub use professional::ProfessionalKind;
pub use programme::{ProgrammeDraft, ValidProgramme};
pub use refusal::{Field, Refusal, RefusalCode};
pub use signals::lifecycle::{Resolution, SignalStatus};
pub use signals::{ActionGroup, RuleId, Severity};
pub use volunteer::{ValidVolunteer, VolunteerDraft, VolunteerStatus};
