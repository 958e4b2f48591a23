//! The lifecycle of a signal: open → acknowledged → resolved (with an action, a note and a date), or
//! snoozed until a date; and "cleared" when its cause went away by itself. [`reconcile`] decides, for
//! one volunteer, what a fresh evaluation changes in the stored signals — pure, so every transition is
//! tested here and the store only carries it out.
//!
//! A signal is identified by its key (rule + subject). A resolved signal stays resolved while its
//! cause is older than the resolution; a cause that recurs after it opens a new signal. A signal that
//! cleared by itself opens again as soon as its cause is back.

use super::{RuleId, Signal};
use crate::ids::MatchId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SignalStatus {
    Open,
    Acknowledged,
    Snoozed,
    Resolved,
    /// The cause went away without a resolution (e.g. the hours came down).
    Cleared,
}

impl SignalStatus {
    pub const ALL: [SignalStatus; 5] = [Self::Open, Self::Acknowledged, Self::Snoozed, Self::Resolved, Self::Cleared];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Acknowledged => "acknowledged",
            Self::Snoozed => "snoozed",
            Self::Resolved => "resolved",
            Self::Cleared => "cleared",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Still asking for attention (or waiting to).
    pub fn is_live(self) -> bool {
        matches!(self, Self::Open | Self::Acknowledged | Self::Snoozed)
    }
}

/// What the coordinator did about a signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// Gesprek gevoerd.
    Conversation,
    /// Professional ingeschakeld.
    ProfessionalEngaged,
    /// Taak overgedragen.
    TaskHandedOver,
    /// Uren afgeschaald.
    HoursReduced,
    /// Koppeling beëindigd.
    MatchEnded,
    /// Een tweede vrijwilliger erbij.
    SecondVolunteer,
    /// Rust afgesproken.
    Break,
    /// Training afgesproken.
    Training,
    /// Anders.
    Other,
}

impl Resolution {
    pub const ALL: [Resolution; 9] = [
        Self::Conversation,
        Self::ProfessionalEngaged,
        Self::TaskHandedOver,
        Self::HoursReduced,
        Self::MatchEnded,
        Self::SecondVolunteer,
        Self::Break,
        Self::Training,
        Self::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Conversation => "conversation",
            Self::ProfessionalEngaged => "professional_engaged",
            Self::TaskHandedOver => "task_handed_over",
            Self::HoursReduced => "hours_reduced",
            Self::MatchEnded => "match_ended",
            Self::SecondVolunteer => "second_volunteer",
            Self::Break => "break",
            Self::Training => "training",
            Self::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// How a report names it: (Dutch, English), as the window does.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Self::Conversation => ("gesprek gevoerd", "had a conversation"),
            Self::ProfessionalEngaged => ("professional ingeschakeld", "brought in a professional"),
            Self::TaskHandedOver => ("taak overgedragen", "handed the task over"),
            Self::HoursReduced => ("uren afgeschaald", "reduced the hours"),
            Self::MatchEnded => ("koppeling beëindigd", "ended the match"),
            Self::SecondVolunteer => ("tweede vrijwilliger erbij", "added a second volunteer"),
            Self::Break => ("rust afgesproken", "agreed a break"),
            Self::Training => ("training afgesproken", "agreed a training"),
            Self::Other => ("anders", "something else"),
        }
    }
}

/// What reconciling needs to know of a stored signal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored<Id> {
    pub id: Id,
    pub rule: RuleId,
    pub subject: Option<MatchId>,
    pub status: SignalStatus,
    pub snoozed_until: Option<NaiveDate>,
    /// The day it was resolved or cleared.
    pub closed_on: Option<NaiveDate>,
}

/// One change to carry out.
#[derive(Debug, Clone, PartialEq)]
pub enum Change<Id> {
    /// A new signal.
    Open(Signal),
    /// A live signal whose cause still holds: refresh its severity, evidence and explanation.
    Refresh(Id, Signal),
    /// A snoozed signal whose date has come: open again.
    Wake(Id, Signal),
    /// A live signal whose cause went away.
    Clear(Id),
}

/// Compares a fresh evaluation of one volunteer with their stored signals.
pub fn reconcile<Id: Clone>(stored: &[Stored<Id>], fresh: Vec<Signal>, today: NaiveDate) -> Vec<Change<Id>> {
    let mut changes = Vec::new();
    for signal in &fresh {
        let same = |s: &&Stored<Id>| s.rule == signal.rule && s.subject == signal.subject;
        if let Some(live) = stored.iter().filter(same).find(|s| s.status.is_live()) {
            let waking = live.status == SignalStatus::Snoozed && live.snoozed_until.is_some_and(|d| d <= today);
            changes.push(if waking {
                Change::Wake(live.id.clone(), signal.clone())
            } else {
                Change::Refresh(live.id.clone(), signal.clone())
            });
            continue;
        }
        // Only a resolution holds a recurring cause back; a signal that cleared by itself simply returns.
        let last_resolved =
            stored.iter().filter(same).filter(|s| s.status == SignalStatus::Resolved).filter_map(|s| s.closed_on).max();
        if last_resolved.is_none_or(|resolved| signal.cause_date > resolved) {
            changes.push(Change::Open(signal.clone()));
        }
    }
    for s in stored.iter().filter(|s| s.status.is_live()) {
        if !fresh.iter().any(|f| f.rule == s.rule && f.subject == s.subject) {
            changes.push(Change::Clear(s.id.clone()));
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signals::testing::*;
    use crate::signals::{Evidence, Severity};

    fn signal(rule: RuleId, cause: NaiveDate) -> Signal {
        Signal {
            rule,
            volunteer: history(4).volunteer,
            severity: Severity::Warning,
            subject: None,
            evidence: Evidence::default(),
            explanation_nl: String::new(),
            explanation_en: String::new(),
            cause_date: cause,
        }
    }

    fn stored(id: u32, rule: RuleId, status: SignalStatus, closed_on: Option<NaiveDate>) -> Stored<u32> {
        Stored { id, rule, subject: None, status, snoozed_until: None, closed_on }
    }

    fn kinds(changes: &[Change<u32>]) -> Vec<String> {
        changes
            .iter()
            .map(|c| match c {
                Change::Open(s) => format!("open {}", s.rule.as_str()),
                Change::Refresh(id, _) => format!("refresh {id}"),
                Change::Wake(id, _) => format!("wake {id}"),
                Change::Clear(id) => format!("clear {id}"),
            })
            .collect()
    }

    const HOURS: RuleId = RuleId::HoursOverAgreement;

    #[test]
    fn a_new_cause_opens_a_signal_and_a_lasting_one_refreshes_it() {
        assert_eq!(
            kinds(&reconcile::<u32>(&[], vec![signal(HOURS, day(6, 20))], today())),
            ["open hours_over_agreement"]
        );
        let live = [stored(1, HOURS, SignalStatus::Acknowledged, None)];
        assert_eq!(kinds(&reconcile(&live, vec![signal(HOURS, day(6, 20))], today())), ["refresh 1"]);
    }

    #[test]
    fn a_cause_that_went_away_clears_the_live_signal_but_not_a_resolved_one() {
        let s = [
            stored(1, HOURS, SignalStatus::Open, None),
            stored(2, RuleId::GoneQuiet, SignalStatus::Resolved, Some(day(6, 1))),
        ];
        assert_eq!(kinds(&reconcile(&s, vec![], today())), ["clear 1"]);
    }

    #[test]
    fn a_resolved_signal_reopens_only_when_the_cause_recurs_after_the_resolution() {
        let resolved = [stored(1, HOURS, SignalStatus::Resolved, Some(day(6, 25)))];
        assert!(reconcile(&resolved, vec![signal(HOURS, day(6, 24))], today()).is_empty(), "old cause");
        assert!(reconcile(&resolved, vec![signal(HOURS, day(6, 25))], today()).is_empty(), "same day");
        assert_eq!(
            kinds(&reconcile(&resolved, vec![signal(HOURS, day(6, 26))], today())),
            ["open hours_over_agreement"]
        );
    }

    #[test]
    fn a_cleared_signal_returns_as_soon_as_its_cause_does() {
        let cleared = [stored(1, HOURS, SignalStatus::Cleared, Some(today()))];
        assert_eq!(
            kinds(&reconcile(&cleared, vec![signal(HOURS, day(6, 20))], today())),
            ["open hours_over_agreement"]
        );
    }

    #[test]
    fn a_snoozed_signal_wakes_on_its_date() {
        let mut s = stored(1, HOURS, SignalStatus::Snoozed, None);
        s.snoozed_until = Some(day(7, 1));
        assert_eq!(kinds(&reconcile(&[s.clone()], vec![signal(HOURS, day(6, 20))], today())), ["refresh 1"]);
        s.snoozed_until = Some(today());
        assert_eq!(kinds(&reconcile(&[s], vec![signal(HOURS, day(6, 20))], today())), ["wake 1"]);
    }

    #[test]
    fn signals_about_different_matches_are_different_signals() {
        let mut a = signal(RuleId::ComplexWithoutProfessional, day(6, 1));
        a.subject = Some(a_match(1, crate::complexity::CaseLevel::Complex).id);
        let mut b = a.clone();
        b.subject = Some(a_match(2, crate::complexity::CaseLevel::Complex).id);
        let mut s = stored(1, a.rule, SignalStatus::Open, None);
        s.subject = a.subject;
        assert_eq!(kinds(&reconcile(&[s], vec![a, b], today())), ["refresh 1", "open complex_without_professional"]);
    }
}
