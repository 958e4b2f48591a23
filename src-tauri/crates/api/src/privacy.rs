//! The AVG tools: a subject-access export of everything held on one person (JSON and a readable
//! HTML copy), erasing one person (identifying data and free text go; counts stay, unlinked), the
//! retention review of ended matches, the coordinator's name for the audit log, and the log itself.

use crate::destination::{check_folder, write_whole};
use crate::wire::{
    AuditAction, AuditRow, ErasureReport, ExportPersonInput, ExportedPerson, PersonRef, PrivacySettings,
    ProgrammeRetention, RetentionInput, RetentionRow,
};
use crate::{ApiError, Draagkracht, ErrorCode};
use chrono::{Local, Months, NaiveDate};
use draagkracht_core::{Field, ParticipantId, Refusal, RefusalCode};
use draagkracht_store::privacy::{self, Section};
use draagkracht_store::{participants, settings, volunteers};
use std::collections::HashMap;
use std::path::Path;

/// Dutch and English names of the tables, as the audit log and the export show them.
fn entity_names(table: &str) -> (&'static str, &'static str) {
    match table {
        "volunteers" => ("vrijwilliger", "volunteer"),
        "participants" => ("deelnemer", "participant"),
        "matches" => ("koppeling", "match"),
        "assessments" => ("inschatting", "assessment"),
        "involvements" => ("professional", "professional"),
        "referrals" => ("verwijzing", "referral"),
        "hour_entries" => ("uren", "hours"),
        "programmes" => ("project", "programme"),
        "activities" => ("activiteit", "activity"),
        "trainings" => ("training", "training"),
        "supervision_contacts" => ("intervisie", "supervision"),
        "check_ins" => ("check-in", "check-in"),
        "allowances" => ("vergoeding", "allowance"),
        "volunteer_programmes" => ("projecten van de vrijwilliger", "volunteer's programmes"),
        "match_volunteers" => ("vrijwilligers in de koppeling", "volunteers in the match"),
        "signals" => ("signaal", "signal"),
        "signal_events" => ("signaalgeschiedenis", "signal history"),
        "audit_log" => ("logboek", "audit log"),
        "import" => ("ingelezen bestand", "imported file"),
        _ => ("gegevens", "records"),
    }
}

impl Draagkracht {
    /// Writes everything held on one person to `path` (JSON) and beside it as HTML.
    pub fn export_person(&self, input: &ExportPersonInput, today: NaiveDate) -> Result<ExportedPerson, ApiError> {
        let conn = self.db.conn();
        let (who, sections) = match input.person {
            PersonRef::Volunteer(id) => {
                let v = volunteers::get(conn, id)?
                    .ok_or_else(|| ApiError::not_found("Deze vrijwilliger", "This volunteer"))?;
                (v.name, privacy::volunteer_records(conn, id)?)
            }
            PersonRef::Participant(id) => {
                let p = participants::get(conn, id)?
                    .ok_or_else(|| ApiError::not_found("Deze deelnemer", "This participant"))?;
                (p.label, privacy::participant_records(conn, id)?)
            }
        };
        let json_path = Path::new(input.path.trim()).to_path_buf();
        check_folder(&json_path)?;
        let html_path = json_path.with_extension("html");
        let records = sections.iter().map(|s| s.rows.len() as u32).sum();
        let mut document = serde_json::Map::new();
        document.insert("person".into(), serde_json::to_value(input.person).unwrap_or_default());
        document.insert("exported_on".into(), today.to_string().into());
        for s in &sections {
            document.insert(s.table.into(), serde_json::Value::Array(s.rows.iter().cloned().map(Into::into).collect()));
        }
        let json = serde_json::to_string_pretty(&document).map_err(|e| io_error(&e.to_string()))?;
        write_whole(&json_path, json.as_bytes())?;
        write_whole(&html_path, readable(&who, today, &sections).as_bytes())?;
        Ok(ExportedPerson {
            json_path: json_path.display().to_string(),
            html_path: html_path.display().to_string(),
            records,
        })
    }

    /// Erases one person: their name (or code) and contact details, and every free text about them,
    /// wherever it was typed. Hours, matches, levels and support records stay, linked to no one.
    pub fn erase_person(&mut self, person: PersonRef, today: NaiveDate) -> Result<ErasureReport, ApiError> {
        self.erase(person, today, true)
    }

    /// Erases a person on this laptop only (an erasure that arrived from another laptop).
    pub(crate) fn erase_here(&mut self, person: PersonRef, today: NaiveDate) -> Result<ErasureReport, ApiError> {
        self.erase(person, today, false)
    }

    /// Erases a person; with `travel`, in the same transaction, records the erasure for the other
    /// laptops of a shared branch (which erase the person too). Either way this laptop's snapshot at
    /// the shared place is marked for rewriting, as it may still hold the person.
    fn erase(&mut self, person: PersonRef, today: NaiveDate, travel: bool) -> Result<ErasureReport, ApiError> {
        let conn = self.db.conn();
        let (identifiers, placeholder) = match person {
            PersonRef::Volunteer(id) => {
                volunteers::get(conn, id)?.ok_or_else(|| ApiError::not_found("Deze vrijwilliger", "This volunteer"))?;
                (privacy::volunteer_identifiers(conn, id)?, format!("Gewist {}", short(&id.to_string())))
            }
            PersonRef::Participant(id) => {
                participants::get(conn, id)?
                    .ok_or_else(|| ApiError::not_found("Deze deelnemer", "This participant"))?;
                (privacy::participant_identifiers(conn, id)?, format!("Gewist {}", short(&id.to_string())))
            }
        };
        let removed = self.db.write(|tx| {
            let mut n = match person {
                PersonRef::Volunteer(id) => privacy::erase_volunteer(tx, id, &placeholder)?,
                PersonRef::Participant(id) => privacy::erase_participant(tx, id, &placeholder, today)?,
            };
            for text in &identifiers {
                n += privacy::scrub(tx, text, "[gewist]")?;
            }
            if travel {
                let (id, kind) = match person {
                    PersonRef::Volunteer(id) => (id.to_string(), "volunteer"),
                    PersonRef::Participant(id) => (id.to_string(), "participant"),
                };
                privacy::record_erasure(tx, &id, kind, today)?;
            }
            settings::set(tx, settings::SNAPSHOT_STALE, "1")?;
            Ok::<_, ApiError>(n)
        })?;
        self.branch_cache = None;
        let (kept, kept_en) = match person {
            PersonRef::Volunteer(_) => (
                vec![
                    "De uren, koppelingen, ondersteuning en signalen blijven, onder een naam zonder betekenis: de cijfers van de afdeling kloppen daardoor nog.".to_string(),
                    "Back-ups van vóór het wissen bevatten de gegevens nog tot ze worden opgeruimd (na hooguit vijf weken; handmatige back-ups verwijder je zelf).".to_string(),
                ],
                vec![
                    "Hours, matches, support records and signals stay, under a meaningless name, so the branch's figures stay right.".to_string(),
                    "Backups made before the erasure still hold the data until they are rotated away (within five weeks; manual backups you remove yourself).".to_string(),
                ],
            ),
            PersonRef::Participant(_) => (
                vec![
                    "De koppelingen met hun data, project en zwaarte blijven als anonieme aantallen; notities en namen zijn weg.".to_string(),
                    "Back-ups van vóór het wissen bevatten de gegevens nog tot ze worden opgeruimd (na hooguit vijf weken; handmatige back-ups verwijder je zelf).".to_string(),
                ],
                vec![
                    "Matches with their dates, programme and level stay as anonymous counts; notes and names are gone.".to_string(),
                    "Backups made before the erasure still hold the data until they are rotated away (within five weeks; manual backups you remove yourself).".to_string(),
                ],
            ),
        };
        Ok(ErasureReport { removed, kept, kept_en })
    }

    /// Participants whose last match ended longer ago than its programme keeps personal data.
    pub fn retention_review(&self, today: NaiveDate) -> Result<Vec<RetentionRow>, ApiError> {
        let mut due: HashMap<ParticipantId, RetentionRow> = HashMap::new();
        for (id, label, programme, years, ended) in privacy::retention_candidates(self.db.conn())? {
            let due_on = ended.checked_add_months(Months::new(12 * years)).unwrap_or(ended);
            let row = due.entry(id).or_insert(RetentionRow {
                participant_id: id,
                label: label.clone(),
                programme: programme.clone(),
                ended_on: ended,
                due_on,
            });
            // The latest ending, and the longest keeping, decide.
            if due_on > row.due_on {
                row.due_on = due_on;
                row.programme = programme;
            }
            row.ended_on = row.ended_on.max(ended);
        }
        let mut rows: Vec<RetentionRow> = due.into_values().filter(|r| r.due_on <= today).collect();
        rows.sort_by(|a, b| a.due_on.cmp(&b.due_on).then(a.label.cmp(&b.label)));
        Ok(rows)
    }

    /// Anonymises the given participants (after the coordinator reviewed the list).
    pub fn anonymise_participants(&mut self, ids: &[ParticipantId], today: NaiveDate) -> Result<u32, ApiError> {
        let mut done = 0;
        for id in ids {
            self.erase_person(PersonRef::Participant(*id), today)?;
            done += 1;
        }
        Ok(done)
    }

    pub fn privacy_settings(&self) -> Result<PrivacySettings, ApiError> {
        let conn = self.db.conn();
        Ok(PrivacySettings {
            coordinator_name: settings::get(conn, settings::COORDINATOR_NAME)?.unwrap_or_default(),
            retention: privacy::retention_years(conn)?
                .into_iter()
                .map(|(programme_id, name, years)| ProgrammeRetention { programme_id, name, years })
                .collect(),
        })
    }

    pub fn set_coordinator_name(&mut self, name: &str) -> Result<PrivacySettings, ApiError> {
        let name = name.trim();
        if name.chars().count() > 100 {
            return Err(Refusal::new(
                Field::CoordinatorName,
                RefusalCode::TooLong,
                "Een naam van hooguit 100 tekens, graag.",
                "A name of at most 100 characters, please.",
            )
            .into());
        }
        self.db.write(|tx| {
            if name.is_empty() {
                settings::remove(tx, settings::COORDINATOR_NAME)
            } else {
                settings::set(tx, settings::COORDINATOR_NAME, name)
            }
            .map_err(ApiError::from)
        })?;
        self.privacy_settings()
    }

    pub fn set_retention(&mut self, input: &RetentionInput) -> Result<PrivacySettings, ApiError> {
        let years: u32 = input.years.trim().parse().ok().filter(|y| *y <= 30).ok_or_else(|| {
            ApiError::from(Refusal::new(
                Field::RetentionYears,
                RefusalCode::InvalidFormat,
                "Vul een heel aantal jaren in, van 0 tot en met 30.",
                "Enter a whole number of years, from 0 to 30.",
            ))
        })?;
        let found =
            self.db.write(|tx| privacy::set_retention_years(tx, input.programme_id, years).map_err(ApiError::from))?;
        if !found {
            return Err(ApiError::not_found("Dit project", "This programme"));
        }
        self.privacy_settings()
    }

    /// The newest lines of the audit log, newest first.
    pub fn audit_log(&self, limit: u32) -> Result<Vec<AuditRow>, ApiError> {
        Ok(privacy::audit_log(self.db.conn(), limit.min(10_000))?
            .into_iter()
            .map(|(at, actor, action, entity, entity_id)| {
                let (nl, en) = entity_names(&entity);
                AuditRow {
                    at: chrono::DateTime::parse_from_rfc3339(&at)
                        .map(|t| t.with_timezone(&Local).format("%Y-%m-%dT%H:%M:%S").to_string())
                        .unwrap_or(at),
                    actor: actor.unwrap_or_default(),
                    action: match action.as_str() {
                        "added" => AuditAction::Added,
                        "removed" => AuditAction::Removed,
                        _ => AuditAction::Changed,
                    },
                    entity: nl.into(),
                    entity_en: en.into(),
                    entity_id,
                }
            })
            .collect())
    }
}

fn short(id: &str) -> String {
    id.chars().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect()
}

fn io_error(detail: &str) -> ApiError {
    ApiError::new(
        ErrorCode::Storage,
        format!("Het bestand kon niet worden geschreven: {detail}"),
        format!("The file could not be written: {detail}"),
    )
}

/// The export as a page a person can read: a table per kind of record.
fn readable(who: &str, today: NaiveDate, sections: &[Section]) -> String {
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let mut html = format!(
        "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Inzage: {who}</title>\
         <style>body{{font-family:sans-serif;margin:2em;color:#1d2b2a}}table{{border-collapse:collapse;margin-bottom:2em}}\
         th,td{{border:1px solid #c8d3d2;padding:4px 8px;text-align:left;font-size:0.9em;vertical-align:top}}\
         th{{background:#e8efee}}</style></head><body>\n<h1>Alle gegevens over {who}</h1>\n\
         <p>Gemaakt op {date} door Draagkracht, op verzoek (inzagerecht, AVG artikel 15). Generated on request \
         (right of access, GDPR article 15).</p>\n",
        who = escape(who),
        date = today.format("%d-%m-%Y"),
    );
    for s in sections {
        let (nl, en) = entity_names(s.table);
        html.push_str(&format!("<h2>{} <small>({}, {})</small></h2>\n", escape(nl), escape(en), s.rows.len()));
        let Some(first) = s.rows.first() else {
            html.push_str("<p>Geen. / None.</p>\n");
            continue;
        };
        html.push_str("<table><thead><tr>");
        for key in first.keys() {
            html.push_str(&format!("<th>{}</th>", escape(key)));
        }
        html.push_str("</tr></thead><tbody>\n");
        for row in &s.rows {
            html.push_str("<tr>");
            for value in row.values() {
                let text = match value {
                    serde_json::Value::Null => String::new(),
                    serde_json::Value::String(t) => t.clone(),
                    other => other.to_string(),
                };
                html.push_str(&format!("<td>{}</td>", escape(&text)));
            }
            html.push_str("</tr>\n");
        }
        html.push_str("</tbody></table>\n");
    }
    html.push_str("</body></html>\n");
    html
}
