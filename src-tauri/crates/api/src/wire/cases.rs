//! Wire types of cases: participants, matches, complexity assessments, professionals, referrals and
//! the activity catalogue.

use chrono::NaiveDate;
use draagkracht_core::goals::GoalResult;
use draagkracht_core::{
    ActivityId, ActivityLevel, AssessmentId, CaseLevel, CrisisMarker, GoalId, InvolvementId, LifeDomain, MatchId,
    MatchStatus, MunicipalityId, OrganisationId, ParticipantId, ProfessionalKind, ProgrammeId, ReferralId, VolunteerId,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantInput {
    /// A code or a first name; nothing more is required.
    pub label: String,
    /// Where they live: one of the branch's municipalities; none when not known or not asked.
    #[serde(default)]
    pub municipality_id: Option<MunicipalityId>,
    pub contact: String,
    /// The day consent was given, as typed; empty when not (yet) recorded.
    pub consent_date: String,
    /// Who recorded the consent (the coordinator, a colleague); may be empty.
    #[serde(default)]
    pub consent_by: String,
    /// What the consent covers, in a few words ("gegevens voor de koppeling"); may be empty.
    #[serde(default)]
    pub consent_scope: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    pub id: ParticipantId,
    pub label: String,
    pub contact: Option<String>,
    pub consent_date: Option<NaiveDate>,
    pub consent_by: Option<String>,
    pub consent_scope: Option<String>,
    pub municipality_id: Option<MunicipalityId>,
    pub municipality_name: Option<String>,
}

/// One line of the participants list.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantRow {
    pub id: ParticipantId,
    pub label: String,
    pub active_matches: u32,
    /// The highest level among the active matches; `null` without an active match.
    pub level: Option<CaseLevel>,
    /// The programmes of the active matches (each once), to tell people with one name apart and
    /// to filter the list by programme.
    pub programmes: Vec<ProgrammeRef>,
    /// The volunteers of the active matches (each once).
    pub volunteers: Vec<VolunteerRef>,
    /// Without an active match, the latest ended one: people with one name stay apart.
    pub last_match: Option<PastMatch>,
    /// The day the participant was written into this branch's data.
    pub registered: Option<NaiveDate>,
}

/// An ended match, by its programme and last day.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PastMatch {
    pub programme_name: String,
    pub end_date: NaiveDate,
}

/// A programme, named.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProgrammeRef {
    pub id: ProgrammeId,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantDetail {
    pub participant: Participant,
    pub matches: Vec<Match>,
    /// Every assessment of every match, newest first.
    pub assessments: Vec<Assessment>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VolunteerRef {
    pub id: VolunteerId,
    pub name: String,
    /// Matched although the app said they had no room: the reason it gave then.
    pub without_room: Option<String>,
    pub without_room_en: Option<String>,
}

/// An organisation on the branch's sociale kaart.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Organisation {
    pub id: OrganisationId,
    pub name: String,
    /// What they do.
    pub what: Option<String>,
    /// The kinds of referral they take.
    pub kinds: Vec<ProfessionalKind>,
    /// The life domains they work on; empty: every domain.
    pub domains: Vec<LifeDomain>,
    pub contact: Option<String>,
    pub opening_hours: Option<String>,
    pub notes: Option<String>,
}

/// An organisation as typed (kinds and domains by their wire names).
#[derive(Debug, Clone, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase")]
pub struct OrganisationInput {
    pub name: String,
    pub what: String,
    pub kinds: Vec<String>,
    pub domains: Vec<String>,
    pub contact: String,
    pub opening_hours: String,
    pub notes: String,
}

/// Whether a volunteer has room for one more match in a programme, and why, in one line.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VolunteerRoom {
    pub volunteer_id: VolunteerId,
    pub volunteer_name: String,
    pub has_room: bool,
    pub reason: String,
    pub reason_en: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MatchInput {
    pub participant_id: Option<ParticipantId>,
    pub programme_id: Option<ProgrammeId>,
    pub volunteer_ids: Vec<VolunteerId>,
    pub start_date: String,
    /// Empty when open-ended.
    pub expected_end_date: String,
    /// One-to-one at the participant's home ("frontline" work).
    pub one_to_one_at_home: bool,
    /// The programme's goals this match works towards.
    #[serde(default)]
    pub goal_ids: Vec<GoalId>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EndMatchInput {
    pub end_date: String,
    pub reason: String,
    /// A result for each of the match's goals.
    #[serde(default)]
    pub results: Vec<GoalResultInput>,
}

/// One goal's result as chosen when the match ends.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GoalResultInput {
    pub goal_id: GoalId,
    pub result: GoalResult,
}

/// A goal in a programme's list.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Goal {
    pub id: GoalId,
    pub programme_id: ProgrammeId,
    pub name: String,
    /// Offered for new matches.
    pub active: bool,
}

/// A goal as typed.
#[derive(Debug, Clone, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase")]
pub struct GoalInput {
    pub name: String,
    pub active: bool,
}

/// A goal a match works towards, with its result once the match has ended.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MatchGoal {
    pub id: GoalId,
    pub name: String,
    pub result: Option<GoalResult>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Match {
    pub id: MatchId,
    pub participant_id: ParticipantId,
    pub participant_label: String,
    pub programme_id: ProgrammeId,
    pub programme_name: String,
    pub volunteers: Vec<VolunteerRef>,
    pub start_date: NaiveDate,
    pub expected_end_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub end_reason: Option<String>,
    pub one_to_one_at_home: bool,
    pub status: MatchStatus,
    /// Derived from the latest assessment: normal / complex / acute.
    pub level: CaseLevel,
    /// Whether a professional is involved today.
    pub professional_involved: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MatchDetail {
    #[serde(rename = "match")]
    #[ts(rename = "match")]
    pub the_match: Match,
    /// Newest first; never overwritten.
    pub assessments: Vec<Assessment>,
    pub professionals: Vec<Involvement>,
    /// Newest first.
    pub referrals: Vec<Referral>,
    /// What the match works towards, and how it went once ended.
    pub goals: Vec<MatchGoal>,
}

/// A ZRM as supplied by a named professional.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Zrm {
    pub scored_by: String,
    /// As typed on input; ISO on output.
    pub scored_on: String,
    /// 13 scores, 1 (acute) to 5 (fully self-reliant), in the matrix's order (see `zrmDomains`).
    pub scores: Vec<i32>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentInput {
    pub date: String,
    pub domains: Vec<LifeDomain>,
    pub solvable_within_year: bool,
    pub markers: Vec<CrisisMarker>,
    pub zrm: Option<Zrm>,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    pub id: AssessmentId,
    pub match_id: MatchId,
    pub date: NaiveDate,
    pub domains: Vec<LifeDomain>,
    pub solvable_within_year: bool,
    pub markers: Vec<CrisisMarker>,
    pub zrm: Option<Zrm>,
    pub note: Option<String>,
    /// The level this assessment gives the case.
    pub level: CaseLevel,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvolvementInput {
    /// One of the `ProfessionalKind` values.
    pub kind: String,
    pub name: String,
    pub organisation: String,
    pub from_date: String,
    /// Empty while still involved.
    pub to_date: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Involvement {
    pub id: InvolvementId,
    pub match_id: MatchId,
    pub kind: ProfessionalKind,
    pub name: Option<String>,
    pub organisation: Option<String>,
    pub from_date: NaiveDate,
    pub to_date: Option<NaiveDate>,
    /// Involved today.
    pub active: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReferralInput {
    pub date: String,
    /// One of the `ProfessionalKind` values.
    pub to_kind: String,
    pub to_name: String,
    pub reason: String,
    /// Empty until known.
    pub outcome: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Referral {
    pub id: ReferralId,
    pub match_id: MatchId,
    pub date: NaiveDate,
    pub to_kind: ProfessionalKind,
    pub to_name: Option<String>,
    pub reason: String,
    pub outcome: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActivityInput {
    pub programme_id: Option<ProgrammeId>,
    pub name: String,
    /// One of the `ActivityLevel` values.
    pub level: String,
    pub active: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Activity {
    pub id: ActivityId,
    pub programme_id: ProgrammeId,
    pub name: String,
    pub level: ActivityLevel,
    pub active: bool,
}

/// Reference lists the forms need: the ZRM's 13 domain names in order.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseVocabulary {
    pub zrm_domains: Vec<String>,
}
