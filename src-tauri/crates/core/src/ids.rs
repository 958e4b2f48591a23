//! Typed ids. Every record has a UUID v7 id so that databases of different laptops can be merged
//! later without clashes; the types keep a volunteer's id from being passed where a programme's is meant.
//!
//! Ids are created by the caller (the api crate) and passed in: this crate has no randomness or clock.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(transparent)]
        #[ts(type = "string")]
        pub struct $name(pub Uuid);

        impl $name {
            /// Parses an id from its text form (as it comes over the wire or out of the database).
            pub fn parse(text: &str) -> Option<Self> {
                Uuid::parse_str(text.trim()).ok().map(Self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

typed_id!(
    /// A volunteer (vrijwilliger).
    VolunteerId
);
typed_id!(
    /// A programme (project), such as Thuisadministratie.
    ProgrammeId
);
typed_id!(
    /// One hour entry (inzet): a volunteer's minutes on one day.
    HourEntryId
);
typed_id!(
    /// A participant (deelnemer).
    ParticipantId
);
typed_id!(
    /// A match (koppeling) of volunteers with a participant.
    MatchId
);
typed_id!(
    /// One dated complexity assessment of a match.
    AssessmentId
);
typed_id!(
    /// One professional's involvement in a match.
    InvolvementId
);
typed_id!(
    /// One referral in a match's referral log.
    ReferralId
);
typed_id!(
    /// An activity in a programme's catalogue.
    ActivityId
);
typed_id!(
    /// An organisation on the branch's sociale kaart.
    OrganisationId
);
typed_id!(
    /// One signal about a volunteer.
    SignalId
);
typed_id!(
    /// A municipality the branch serves.
    MunicipalityId
);
typed_id!(
    /// A subsidy the branch reports on.
    SubsidyId
);
typed_id!(
    /// An anonymised story for reports.
    StoryId
);
typed_id!(
    /// A goal in a programme's list.
    GoalId
);
