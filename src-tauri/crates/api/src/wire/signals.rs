//! Wire types of signals: the attention list, a signal with its evidence, and the coordinator's actions.

use super::{HourEntry, Match};
use chrono::NaiveDate;
use draagkracht_core::signals::{Evidence, ThresholdKey};
use draagkracht_core::{
    ActionGroup, MatchId, ProgrammeId, Resolution, RuleId, Severity, SignalId, SignalStatus, VolunteerId,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SignalView {
    pub id: SignalId,
    pub volunteer_id: VolunteerId,
    pub volunteer_name: String,
    pub rule: RuleId,
    pub severity: Severity,
    pub status: SignalStatus,
    /// The match the signal is about, for case rules.
    pub subject_match_id: Option<MatchId>,
    /// Dutch, plain, for the volunteer too.
    pub explanation: String,
    pub explanation_en: String,
    /// Empty on the attention list; complete on the signal page.
    pub evidence: Evidence,
    pub cause_date: NaiveDate,
    pub opened_on: NaiveDate,
    pub snoozed_until: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub resolution: Option<Resolution>,
    pub resolution_note: Option<String>,
}

/// One volunteer on the attention list, with their live signals, most severe first.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttentionRow {
    pub volunteer_id: VolunteerId,
    pub volunteer_name: String,
    /// The most severe of their live signals.
    pub severity: Severity,
    pub signals: Vec<SignalView>,
    /// Those of `signals` that opened since the coordinator last looked (on the grouped list only).
    pub new_signals: Vec<SignalId>,
}

/// The attention list grouped by what to do, each group with its count.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttentionOverview {
    /// Every group in its order, also an empty one (its count says "nothing to do").
    pub groups: Vec<AttentionGroup>,
    /// When the coordinator looked before this session (RFC 3339); `None` the first time.
    pub looked_before: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttentionGroup {
    pub group: ActionGroup,
    /// One row per volunteer with that group's signals, the most severe first.
    pub rows: Vec<AttentionRow>,
    /// Signals in this group that are new since the coordinator last looked.
    pub new_count: u32,
}

/// Hours in one week, for the 12-week chart beside a signal.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WeekLoad {
    pub week_start: NaiveDate,
    pub week_number: u32,
    /// Work minutes (training apart).
    pub minutes: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SignalEvent {
    pub on_date: NaiveDate,
    pub from_status: Option<SignalStatus>,
    pub to_status: SignalStatus,
    pub resolution: Option<Resolution>,
    pub note: Option<String>,
}

/// A signal with everything it rests on.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SignalDetail {
    pub signal: SignalView,
    /// The evidence entries themselves.
    pub entries: Vec<HourEntry>,
    /// The evidence matches themselves.
    pub matches: Vec<Match>,
    /// The last 12 full weeks and the current one, oldest first.
    pub weeks: Vec<WeekLoad>,
    pub agreed_minutes_per_week: u32,
    /// Every status change, oldest first.
    pub history: Vec<SignalEvent>,
    /// How to take it up: the rule's conversation guide.
    pub guide: ConversationGuide,
}

/// A rule's conversation guide (DOMAIN.md), in Dutch and English, and what can be agreed.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConversationGuide {
    pub why: String,
    pub why_en: String,
    pub questions: Vec<String>,
    pub questions_en: Vec<String>,
    pub professional: String,
    pub professional_en: String,
    /// What can be agreed, the likeliest first: the resolve form offers these first.
    pub agreements: Vec<Resolution>,
    /// The branch's own wording (then the same in both languages) rather than the default.
    pub edited: bool,
}

impl ConversationGuide {
    /// The default guide, or the branch's own wording of it.
    pub fn of(rule: RuleId, branch: Option<&draagkracht_core::signals::guides::BranchGuide>) -> Self {
        use draagkracht_core::signals::guides::{agreements, guide};
        let agreements = agreements(rule).to_vec();
        if let Some(own) = branch {
            return Self {
                why: own.why.clone(),
                why_en: own.why.clone(),
                questions: own.questions.clone(),
                questions_en: own.questions.clone(),
                professional: own.professional.clone(),
                professional_en: own.professional.clone(),
                agreements,
                edited: true,
            };
        }
        let (nl, en) = guide(rule);
        Self {
            why: nl.why.into(),
            why_en: en.why.into(),
            questions: nl.questions.iter().map(|q| q.to_string()).collect(),
            questions_en: en.questions.iter().map(|q| q.to_string()).collect(),
            professional: nl.professional.into(),
            professional_en: en.professional.into(),
            agreements,
            edited: false,
        }
    }
}

/// Every rule's guide, for the settings screen.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RuleGuide {
    pub rule: RuleId,
    pub guide: ConversationGuide,
}

/// A branch's own wording of a rule's guide, as typed (questions one per line). Empty `why`,
/// `questions` and `professional` together go back to the default.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GuideInput {
    pub rule: RuleId,
    pub why: String,
    pub questions: String,
    pub professional: String,
}

/// What the coordinator does with a signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SignalAction {
    Acknowledge,
    Resolve,
    Snooze,
    Reopen,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SignalActionInput {
    pub action: SignalAction,
    /// Required to resolve.
    pub resolution: Option<Resolution>,
    pub note: String,
    /// Resolve: the day it was resolved (default today). Snooze: until when (required).
    pub date: String,
}

/// One threshold of one programme, with its default and where that comes from.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ThresholdView {
    pub programme_id: ProgrammeId,
    pub key: ThresholdKey,
    pub label: String,
    pub label_en: String,
    pub value: f64,
    pub default_value: f64,
    /// True when the coordinator changed it from the default.
    pub changed: bool,
    pub source: String,
    pub source_en: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ThresholdInput {
    pub programme_id: ProgrammeId,
    pub key: ThresholdKey,
    /// As typed (`1,5`); empty returns it to the default.
    pub value: String,
}
