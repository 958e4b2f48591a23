//! Room for one more match: who in a programme can take on a new participant without being pushed
//! past what a volunteer should carry. The same limits as the signals (DOMAIN.md), asked before
//! the match instead of after: a volunteer has room when
//!
//! - they are active (not on a break, not still in registration or intake);
//! - an ordinary new case (weight 1) keeps their weighted caseload within the programme's limit,
//!   so it would not raise "veel zware koppelingen";
//! - their hours of the last 4 weeks are within their agreement (4 × the agreed weekly hours);
//! - their VOG is valid under the branch's renewal policy, and the programme's training is done;
//! - no alert is open for them.
//!
//! Those with room are ranked by how much room they have: spare caseload weight first (the heavier
//! burden), then spare hours, then fewer running matches, then name.

use crate::hours::HourKind;
use crate::ids::VolunteerId;
use crate::period::DateRange;
use crate::signals::History;
use crate::volunteer::VolunteerStatus;
use chrono::{Months, NaiveDate};
use std::cmp::Reverse;

/// The part of a volunteer's room that moves with every entry, match and assessment. The signal
/// evaluation computes it from the history it already holds and the store keeps it until any of
/// its parts changes, so the room of a whole programme is one row per volunteer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Load {
    /// Minutes of work (training apart) in the 28 days up to today.
    pub work_minutes_four_weeks: u32,
    /// The weights of their running matches (normal 1, complex 2, acute 3).
    pub caseload_weight: u32,
    pub running_matches: usize,
}

impl Load {
    /// The load as of `today`, from the same history the rules judge (its entries reach back
    /// further than four weeks; its matches are the running ones).
    pub fn of(history: &History, today: NaiveDate) -> Self {
        let window = DateRange::last_four_weeks(today);
        let running: Vec<_> = history.matches.iter().filter(|m| m.is_active()).collect();
        Self {
            work_minutes_four_weeks: history
                .entries
                .iter()
                .filter(|e| window.contains(e.date) && e.kind != HourKind::Training)
                .map(|e| e.minutes)
                .sum(),
            caseload_weight: running.iter().map(|m| m.level.weight()).sum(),
            running_matches: running.len(),
        }
    }
}

/// What is known about one volunteer of the programme.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub volunteer: VolunteerId,
    pub name: String,
    pub status: VolunteerStatus,
    pub agreed_minutes_per_week: u32,
    /// Minutes of work (training apart) in the last 28 days.
    pub minutes_last_four_weeks: u32,
    /// The weights of their running matches (normal 1, complex 2, acute 3).
    pub caseload_weight: u32,
    pub running_matches: usize,
    pub vog_date: Option<NaiveDate>,
    /// The programme's required training, when they have not done it.
    pub training_missing: Option<String>,
    /// Live alerts (the most severe signals).
    pub open_alerts: usize,
}

/// The limits that apply: the programme's caseload limit and the branch's VOG term.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    pub caseload_weight: u32,
    pub vog_years: u32,
}

/// One volunteer's room, with its reason in one line in Dutch and English.
#[derive(Debug, Clone, PartialEq)]
pub struct Room {
    pub volunteer: VolunteerId,
    pub name: String,
    pub has_room: bool,
    pub reason_nl: String,
    pub reason_en: String,
}

/// Every candidate's room: those with room first, in the order above; then the others by name.
pub fn rank(candidates: &[Candidate], limits: Limits, today: NaiveDate) -> Vec<Room> {
    let mut with: Vec<&Candidate> = Vec::new();
    let mut without: Vec<(&Candidate, Vec<(String, String)>)> = Vec::new();
    for c in candidates {
        let lacks = lacks(c, limits, today);
        if lacks.is_empty() {
            with.push(c);
        } else {
            without.push((c, lacks));
        }
    }
    with.sort_by_cached_key(|c| {
        let spare_hours = i64::from(c.agreed_minutes_per_week) * 4 - i64::from(c.minutes_last_four_weeks);
        (
            Reverse(limits.caseload_weight - c.caseload_weight),
            Reverse(spare_hours),
            c.running_matches,
            c.name.to_lowercase(),
        )
    });
    without.sort_by_cached_key(|(c, _)| c.name.to_lowercase());
    let mut out: Vec<Room> = with
        .into_iter()
        .map(|c| {
            let (nl, en) = room_reason(c, limits);
            Room { volunteer: c.volunteer, name: c.name.clone(), has_room: true, reason_nl: nl, reason_en: en }
        })
        .collect();
    out.extend(without.into_iter().map(|(c, lacks)| {
        let (nl, en): (Vec<String>, Vec<String>) = lacks.into_iter().unzip();
        Room {
            volunteer: c.volunteer,
            name: c.name.clone(),
            has_room: false,
            reason_nl: format!("Geen ruimte: {}.", nl.join("; ")),
            reason_en: format!("No room: {}.", en.join("; ")),
        }
    }));
    out
}

/// What stands in the way, each in Dutch and English; empty when they have room.
fn lacks(c: &Candidate, limits: Limits, today: NaiveDate) -> Vec<(String, String)> {
    let mut out = Vec::new();
    match c.status {
        VolunteerStatus::Active => {}
        VolunteerStatus::Resting => out.push(("met rust".into(), "on a break".into())),
        VolunteerStatus::Registered | VolunteerStatus::Intake => {
            out.push(("nog in aanmelding of intake".into(), "still in registration or intake".into()))
        }
        VolunteerStatus::Stopped => out.push(("gestopt".into(), "stopped".into())),
    }
    if c.caseload_weight + 1 > limits.caseload_weight {
        out.push((
            format!("koppelingen wegen al {} van de {}", c.caseload_weight, limits.caseload_weight),
            format!("matches already weigh {} of {}", c.caseload_weight, limits.caseload_weight),
        ));
    }
    let agreed = c.agreed_minutes_per_week * 4;
    if agreed > 0 && c.minutes_last_four_weeks > agreed {
        out.push((
            format!("{} uur in 4 weken, afgesproken {}", hours(c.minutes_last_four_weeks), hours(agreed)),
            format!(
                "{} hours in 4 weeks, {} agreed",
                hours(c.minutes_last_four_weeks).replace(',', "."),
                hours(agreed).replace(',', ".")
            ),
        ));
    }
    let vog_valid = c
        .vog_date
        .and_then(|d| d.checked_add_months(Months::new(12 * limits.vog_years)))
        .is_some_and(|expires| today <= expires);
    if !vog_valid {
        let (nl, en) = match c.vog_date {
            None => ("geen VOG", "no VOG"),
            Some(_) => ("VOG verlopen", "VOG expired"),
        };
        out.push((nl.into(), en.into()));
    }
    if let Some(training) = &c.training_missing {
        out.push((format!("training '{training}' nog niet gedaan"), format!("training '{training}' not done yet")));
    }
    match c.open_alerts {
        0 => {}
        1 => out.push(("er staat een signaal open".into(), "an alert is open".into())),
        n => out.push((format!("er staan {n} signalen open"), format!("{n} alerts are open"))),
    }
    out
}

/// "1 koppeling (gewicht 1 van 4), 6 van 16 uur in 4 weken"
fn room_reason(c: &Candidate, limits: Limits) -> (String, String) {
    let matches_nl = match c.running_matches {
        0 => "nog geen koppeling".to_string(),
        1 => format!("1 koppeling (gewicht {} van {})", c.caseload_weight, limits.caseload_weight),
        n => format!("{n} koppelingen (gewicht {} van {})", c.caseload_weight, limits.caseload_weight),
    };
    let matches_en = match c.running_matches {
        0 => "no match yet".to_string(),
        1 => format!("1 match (weight {} of {})", c.caseload_weight, limits.caseload_weight),
        n => format!("{n} matches (weight {} of {})", c.caseload_weight, limits.caseload_weight),
    };
    let agreed = c.agreed_minutes_per_week * 4;
    let (hours_nl, hours_en) = if agreed > 0 {
        let nl = format!("{} van {} uur in 4 weken", hours(c.minutes_last_four_weeks), hours(agreed));
        let en =
            format!("{} of {} hours in 4 weeks", hours(c.minutes_last_four_weeks), hours(agreed)).replace(',', ".");
        (nl, en)
    } else {
        (
            format!("{} uur in 4 weken, geen urenafspraak", hours(c.minutes_last_four_weeks)),
            format!("{} hours in 4 weeks, no agreed hours", hours(c.minutes_last_four_weeks)).replace(',', "."),
        )
    };
    (format!("Ruimte: {matches_nl}, {hours_nl}."), format!("Room: {matches_en}, {hours_en}."))
}

fn hours(minutes: u32) -> String {
    crate::duration::format_hours_nl(i64::from(minutes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()
    }

    fn candidate(n: u128, name: &str) -> Candidate {
        Candidate {
            volunteer: VolunteerId(Uuid::from_u128(n)),
            name: name.into(),
            status: VolunteerStatus::Active,
            agreed_minutes_per_week: 4 * 60,
            minutes_last_four_weeks: 8 * 60,
            caseload_weight: 1,
            running_matches: 1,
            vog_date: Some(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()),
            training_missing: None,
            open_alerts: 0,
        }
    }

    const LIMITS: Limits = Limits { caseload_weight: 4, vog_years: 3 };

    fn has_room(c: Candidate) -> bool {
        rank(&[c], LIMITS, today())[0].has_room
    }

    #[test]
    fn each_limit_at_just_below_at_and_just_above() {
        // Caseload: room while one more ordinary case stays within 4.
        for (weight, room) in [(2, true), (3, true), (4, false)] {
            assert_eq!(has_room(Candidate { caseload_weight: weight, ..candidate(1, "A") }), room, "weight {weight}");
        }
        // Hours: within 16 hours in 4 weeks.
        for (minutes, room) in [(16 * 60 - 1, true), (16 * 60, true), (16 * 60 + 1, false)] {
            let c = Candidate { minutes_last_four_weeks: minutes, ..candidate(1, "A") };
            assert_eq!(has_room(c), room, "{minutes} minutes");
        }
        // VOG: valid up to three years after its date.
        for (vog, room) in [((2022, 7, 1), true), ((2022, 6, 30), true), ((2022, 6, 29), false)] {
            let date = NaiveDate::from_ymd_opt(vog.0, vog.1, vog.2);
            assert_eq!(has_room(Candidate { vog_date: date, ..candidate(1, "A") }), room, "VOG of {vog:?}");
        }
        assert!(!has_room(Candidate { vog_date: None, ..candidate(1, "A") }));
        for (alerts, room) in [(0, true), (1, false)] {
            assert_eq!(has_room(Candidate { open_alerts: alerts, ..candidate(1, "A") }), room, "{alerts} alerts");
        }
        let missing = Candidate { training_missing: Some("Basistraining".into()), ..candidate(1, "A") };
        assert!(!has_room(missing));
        for status in [VolunteerStatus::Resting, VolunteerStatus::Intake, VolunteerStatus::Registered] {
            assert!(!has_room(Candidate { status, ..candidate(1, "A") }), "{status:?}");
        }
    }

    #[test]
    fn the_most_room_comes_first_and_each_says_why_in_one_line() {
        let light =
            Candidate { caseload_weight: 0, running_matches: 0, minutes_last_four_weeks: 0, ..candidate(1, "Lies") };
        let busy_hours = Candidate { minutes_last_four_weeks: 15 * 60, ..candidate(2, "Bert") };
        let spare_hours = Candidate { minutes_last_four_weeks: 2 * 60, ..candidate(3, "Carmen") };
        let heavy = Candidate { caseload_weight: 3, running_matches: 2, ..candidate(4, "Dirk") };
        let on_break = Candidate { status: VolunteerStatus::Resting, open_alerts: 2, ..candidate(5, "Anouk") };
        let ranked = rank(&[heavy, on_break, busy_hours, light, spare_hours], LIMITS, today());
        let names: Vec<_> = ranked.iter().map(|r| (r.name.as_str(), r.has_room)).collect();
        assert_eq!(
            names,
            [("Lies", true), ("Carmen", true), ("Bert", true), ("Dirk", true), ("Anouk", false)],
            "spare weight, then spare hours; those without room last"
        );
        assert_eq!(ranked[0].reason_nl, "Ruimte: nog geen koppeling, 0 van 16 uur in 4 weken.");
        assert_eq!(ranked[1].reason_nl, "Ruimte: 1 koppeling (gewicht 1 van 4), 2 van 16 uur in 4 weken.");
        assert_eq!(ranked[3].reason_en, "Room: 2 matches (weight 3 of 4), 8 of 16 hours in 4 weeks.");
        assert_eq!(ranked[4].reason_nl, "Geen ruimte: met rust; er staan 2 signalen open.");
    }
}
