//! The `matches` table and who is in each match (`match_volunteers`). A match is ended when it has
//! an end date; the status is derived, not stored.

use crate::db::{iso_date, parsed};
use crate::StoreError;
use chrono::{DateTime, NaiveDate, Utc};
use draagkracht_core::matching::ValidMatch;
use draagkracht_core::{MatchId, MatchStatus, ParticipantId, ProgrammeId, VolunteerId};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchRecord {
    pub id: MatchId,
    pub participant_id: ParticipantId,
    pub participant_label: String,
    pub programme_id: ProgrammeId,
    pub programme_name: String,
    /// (id, name), by name.
    pub volunteers: Vec<(VolunteerId, String)>,
    /// Volunteers matched although they had no room, with the reason the app gave then.
    pub without_room: Vec<(VolunteerId, WithoutRoom)>,
    pub start_date: NaiveDate,
    pub expected_end_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub end_reason: Option<String>,
    pub one_to_one_at_home: bool,
}

/// Why a volunteer had no room when they were matched, as the app said it in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WithoutRoom {
    pub nl: String,
    pub en: String,
}

impl MatchRecord {
    pub fn status(&self) -> MatchStatus {
        if self.end_date.is_some() {
            MatchStatus::Ended
        } else {
            MatchStatus::Active
        }
    }
}

const SELECT: &str =
    "SELECT m.id, m.participant_id, pa.label, m.programme_id, pr.name, m.start_date, m.expected_end_date,
            m.end_date, m.end_reason, m.one_to_one_at_home
     FROM matches m
     JOIN participants pa ON pa.id = m.participant_id
     JOIN programmes pr ON pr.id = m.programme_id";

/// Active first, then the most recently started.
const ORDER: &str = "ORDER BY m.end_date IS NOT NULL, m.start_date DESC, m.id";

fn from_row(r: &Row) -> rusqlite::Result<MatchRecord> {
    let optional_date = |i: usize| -> rusqlite::Result<Option<NaiveDate>> {
        Ok(r.get::<_, Option<String>>(i)?.as_deref().and_then(iso_date))
    };
    Ok(MatchRecord {
        id: parsed(r, 0, MatchId::parse)?,
        participant_id: parsed(r, 1, ParticipantId::parse)?,
        participant_label: r.get(2)?,
        programme_id: parsed(r, 3, ProgrammeId::parse)?,
        programme_name: r.get(4)?,
        volunteers: Vec::new(),
        without_room: Vec::new(),
        start_date: parsed(r, 5, iso_date)?,
        expected_end_date: optional_date(6)?,
        end_date: optional_date(7)?,
        end_reason: r.get(8)?,
        one_to_one_at_home: r.get(9)?,
    })
}

fn with_volunteers(conn: &Connection, mut records: Vec<MatchRecord>) -> Result<Vec<MatchRecord>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT v.id, v.name, mv.without_room, mv.without_room_en FROM match_volunteers mv JOIN volunteers v ON v.id = mv.volunteer_id
         WHERE mv.match_id = ?1 ORDER BY v.name COLLATE NOCASE",
    )?;
    for m in &mut records {
        let rows: Vec<(VolunteerId, String, Option<String>, Option<String>)> = stmt
            .query_map([m.id.to_string()], |r| {
                Ok((parsed(r, 0, VolunteerId::parse)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<Result<_, _>>()?;
        m.without_room = rows
            .iter()
            .filter_map(|(v, _, nl, en)| {
                let nl = nl.clone()?;
                // A match from before migration 20 has the Dutch only.
                Some((*v, WithoutRoom { en: en.clone().unwrap_or_else(|| nl.clone()), nl }))
            })
            .collect();
        m.volunteers = rows.into_iter().map(|(v, name, _, _)| (v, name)).collect();
    }
    Ok(records)
}

fn query(conn: &Connection, filter: &str, param: String) -> Result<Vec<MatchRecord>, StoreError> {
    let mut stmt = conn.prepare(&format!("{SELECT} {filter} {ORDER}"))?;
    let rows = stmt.query_map([param], from_row)?.collect::<Result<Vec<_>, _>>()?;
    with_volunteers(conn, rows)
}

pub fn get(conn: &Connection, id: MatchId) -> Result<Option<MatchRecord>, StoreError> {
    Ok(query(conn, "WHERE m.id = ?1", id.to_string())?.pop())
}

pub fn for_participant(conn: &Connection, id: ParticipantId) -> Result<Vec<MatchRecord>, StoreError> {
    query(conn, "WHERE m.participant_id = ?1", id.to_string())
}

pub fn for_volunteer(conn: &Connection, id: VolunteerId) -> Result<Vec<MatchRecord>, StoreError> {
    query(conn, "WHERE m.id IN (SELECT match_id FROM match_volunteers WHERE volunteer_id = ?1)", id.to_string())
}

/// Every match (for the CLI listing and reports).
pub fn all(conn: &Connection) -> Result<Vec<MatchRecord>, StoreError> {
    let mut stmt = conn.prepare(&format!("{SELECT} {ORDER}"))?;
    let rows = stmt.query_map([], from_row)?.collect::<Result<Vec<_>, _>>()?;
    with_volunteers(conn, rows)
}

/// A new match. `without_room` holds, for a volunteer chosen although they had no room, the reason
/// the app gave.
pub fn insert(
    tx: &Transaction,
    id: MatchId,
    m: &ValidMatch,
    without_room: &[(VolunteerId, WithoutRoom)],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO matches (id, participant_id, programme_id, start_date, expected_end_date, one_to_one_at_home,
                              created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
    )?
    .execute(params![
        id.to_string(),
        m.participant.to_string(),
        m.programme.to_string(),
        m.start_date.to_string(),
        m.expected_end_date.map(|d| d.to_string()),
        m.one_to_one_at_home,
        now.to_rfc3339()
    ])?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO match_volunteers (match_id, volunteer_id, without_room, without_room_en) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for v in &m.volunteers {
        let reason = without_room.iter().find(|(w, _)| w == v).map(|(_, r)| r);
        stmt.execute(params![id.to_string(), v.to_string(), reason.map(|r| &r.nl), reason.map(|r| &r.en)])?;
    }
    Ok(())
}

/// Returns false when there is no such match.
pub fn end(
    tx: &Transaction,
    id: MatchId,
    end: NaiveDate,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    Ok(tx.execute(
        "UPDATE matches SET end_date = ?2, end_reason = ?3, updated_at = ?4 WHERE id = ?1",
        params![id.to_string(), end.to_string(), reason, now.to_rfc3339()],
    )? == 1)
}

/// The match's programme and start, and whether the volunteer is in it; `None` without such a match.
pub fn membership(
    conn: &Connection,
    id: MatchId,
    volunteer: VolunteerId,
) -> Result<Option<(ProgrammeId, NaiveDate, Option<NaiveDate>, bool)>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT programme_id, start_date, end_date,
                    EXISTS (SELECT 1 FROM match_volunteers WHERE match_id = m.id AND volunteer_id = ?2)
             FROM matches m WHERE id = ?1",
            [id.to_string(), volunteer.to_string()],
            |r| {
                Ok((
                    parsed(r, 0, ProgrammeId::parse)?,
                    parsed(r, 1, iso_date)?,
                    r.get::<_, Option<String>>(2)?.as_deref().and_then(iso_date),
                    r.get(3)?,
                ))
            },
        )
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::testing::temp_db;
    use crate::{assessments, involvements, participants, programmes, referrals, volunteers};
    use draagkracht_core::complexity::{case_level, Assessment, CaseLevel, LifeDomain, ValidAssessment};
    use draagkracht_core::participant::ValidParticipant;
    use draagkracht_core::professional::{ValidInvolvement, ValidReferral};
    use draagkracht_core::{
        AssessmentId, InvolvementId, ProfessionalKind, ReferralId, ValidVolunteer, VolunteerStatus,
    };
    use uuid::Uuid;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).unwrap()
    }

    #[test]
    fn a_case_reads_back_with_its_history_newest_first() {
        let mut t = temp_db();
        let now = Utc::now();
        t.db.write(|tx| programmes::seed_defaults(tx, now, || ProgrammeId(Uuid::now_v7()))).unwrap();
        let programme = programmes::list(t.db.conn()).unwrap()[0].id;
        let (anna, bram) = (VolunteerId(Uuid::now_v7()), VolunteerId(Uuid::now_v7()));
        let participant = ParticipantId(Uuid::now_v7());
        let m = MatchId(Uuid::now_v7());
        t.db.write(|tx| {
            for (id, name) in [(anna, "Anna"), (bram, "Bram")] {
                let v = ValidVolunteer {
                    name: name.into(),
                    email: None,
                    phone: None,
                    status: VolunteerStatus::Active,
                    start_date: d(1, 1),
                    agreed_minutes_per_week: 240,
                    programmes: vec![programme],
                };
                volunteers::insert(tx, id, &v, now)?;
            }
            participants::insert(
                tx,
                participant,
                &ValidParticipant {
                    label: "D-017".into(),
                    contact: None,
                    consent_date: Some(d(2, 1)),
                    consent_by: None,
                    consent_scope: None,
                    municipality: None,
                },
                now,
            )?;
            let valid = ValidMatch {
                participant,
                programme,
                volunteers: vec![anna, bram],
                start_date: d(2, 1),
                expected_end_date: Some(d(12, 31)),
                one_to_one_at_home: true,
            };
            insert(tx, m, &valid, &[], now)
        })
        .unwrap();

        // Two assessments written out of date order: the history is by date, newest first.
        let complex = Assessment {
            domains: vec![LifeDomain::Money, LifeDomain::Housing, LifeDomain::Health],
            ..Default::default()
        };
        t.db.write(|tx| {
            assessments::insert(
                tx,
                AssessmentId(Uuid::now_v7()),
                m,
                &ValidAssessment { date: d(5, 1), assessment: complex.clone() },
                None,
                now,
            )?;
            assessments::insert(
                tx,
                AssessmentId(Uuid::now_v7()),
                m,
                &ValidAssessment { date: d(3, 1), assessment: Assessment::default() },
                Some("eerste gesprek"),
                now,
            )
        })
        .unwrap();
        let history = assessments::for_match(t.db.conn(), m).unwrap();
        assert_eq!(history.iter().map(|a| a.date).collect::<Vec<_>>(), vec![d(5, 1), d(3, 1)]);
        assert_eq!(history[0].assessment, complex, "domains read back as written");
        assert_eq!(case_level(Some(&history[0].assessment)), CaseLevel::Complex);
        assert_eq!(assessments::latest_per_match(t.db.conn()).unwrap().len(), 1);

        let involvement = ValidInvolvement {
            kind: ProfessionalKind::DebtHelp,
            name: None,
            organisation: Some("Gemeente".into()),
            from_date: d(5, 2),
            to_date: None,
        };
        let referral = ValidReferral {
            date: d(5, 2),
            to_kind: ProfessionalKind::DebtHelp,
            to_name: None,
            reason: "deurwaarder".into(),
            outcome: None,
        };
        t.db.write(|tx| {
            involvements::insert(tx, InvolvementId(Uuid::now_v7()), m, &involvement, now)?;
            referrals::insert(tx, ReferralId(Uuid::now_v7()), m, &referral, now)
        })
        .unwrap();
        assert_eq!(involvements::matches_with_active(t.db.conn(), d(6, 1)).unwrap(), vec![m]);
        assert!(involvements::matches_with_active(t.db.conn(), d(5, 1)).unwrap().is_empty());
        assert_eq!(referrals::for_match(t.db.conn(), m).unwrap()[0].referral, referral);

        let back = get(t.db.conn(), m).unwrap().unwrap();
        assert_eq!(back.volunteers.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(), vec!["Anna", "Bram"]);
        assert_eq!(back.status(), MatchStatus::Active);
        assert_eq!(for_volunteer(t.db.conn(), bram).unwrap().len(), 1);
        assert!(t.db.write(|tx| end(tx, m, d(6, 1), "doel bereikt", now)).unwrap());
        assert_eq!(get(t.db.conn(), m).unwrap().unwrap().status(), MatchStatus::Ended);
        assert_eq!(membership(t.db.conn(), m, anna).unwrap().map(|(_, _, _, member)| member), Some(true));
    }
}
