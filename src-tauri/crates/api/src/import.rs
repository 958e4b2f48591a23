//! Bringing in the spreadsheets coordinators keep today: a preview with Draagkracht's guess for each
//! column, a dry run that validates every row exactly as the forms do and names each row that
//! cannot come in (row, column, reason), and the import itself — all rows in one transaction, or
//! none. A row that matches a record already there is counted, not added: importing the same file
//! twice adds nothing the second time.

use crate::sheets;
use crate::wire::{
    ColumnMapping, DryRun, ImportKind, ImportOutcome, ImportProgress, MappingInput, RowProblem, SheetPreview,
    SourceColumn, TargetField,
};
use crate::{new_entry_id, new_volunteer_id, ApiError, Draagkracht, ErrorCode};
use chrono::{NaiveDate, Utc};
use draagkracht_core::directory::{domain_from_text, kind_from_text, list_items, OrganisationDraft, ValidOrganisation};
use draagkracht_core::hours::{HourEntryDraft, NewHourEntry};
use draagkracht_core::import::{cell_date, cell_duration_text, guess_field, guess_kind, header_row, left_out, Cell};
use draagkracht_core::matching::{MatchDraft, ValidMatch};
use draagkracht_core::participant::{ParticipantDraft, ValidParticipant};
use draagkracht_core::volunteer::{ValidVolunteer, VolunteerDraft};
use draagkracht_core::OrganisationId;
use draagkracht_core::{Field, MatchId, MunicipalityId, ParticipantId, ProgrammeId, Refusal, VolunteerId};
use draagkracht_store::{
    funding, hour_entries, matches, organisations, participants, privacy, programmes, settings, volunteers,
};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use uuid::Uuid;

/// A row that will be written.
enum Row {
    Volunteer(ValidVolunteer),
    Participant(ValidParticipant),
    Match(ValidMatch),
    Entry(NewHourEntry),
    Organisation(ValidOrganisation),
}

/// A dry run and the rows it would write.
struct Plan {
    dry: DryRun,
    rows: Vec<Row>,
}

fn name_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The status as typed in Dutch or English; empty is active.
fn status_code(text: &str) -> String {
    let t = name_key(text);
    let code = match t.as_str() {
        "" | "actief" | "active" | "ja" => "active",
        "rust" | "in rust" | "resting" | "pauze" => "resting",
        "gestopt" | "stopped" | "uit dienst" | "nee" => "stopped",
        "aanmelding" | "aangemeld" | "registered" | "nieuw" => "registered",
        "intake" => "intake",
        other => return other.to_string(),
    };
    code.to_string()
}

/// The kind of hours as typed in Dutch or English; empty is support.
fn kind_code(text: &str) -> String {
    let t = name_key(text);
    let code = match t.as_str() {
        "" | "ondersteuning" | "begeleiding" | "support" | "inzet" | "bezoek" => "support",
        "overleg" | "vergadering" | "meeting" => "meeting",
        "reistijd" | "reizen" | "travel" => "travel",
        "training" | "cursus" | "scholing" => "training",
        other => return other.to_string(),
    };
    code.to_string()
}

/// The spreadsheet field a refusal concerns.
fn target_of(kind: ImportKind, field: Field) -> TargetField {
    if kind == ImportKind::Organisations {
        return match field {
            Field::Name => TargetField::OrganisationName,
            Field::Description => TargetField::What,
            Field::ProfessionalKind => TargetField::ReferralKinds,
            Field::Domains => TargetField::Domains,
            Field::Contact => TargetField::Contact,
            Field::OpeningHours => TargetField::OpeningHours,
            Field::Note => TargetField::Note,
            _ => TargetField::Ignore,
        };
    }
    match field {
        Field::Name | Field::Volunteer | Field::Volunteers => TargetField::VolunteerName,
        Field::Email => TargetField::Email,
        Field::Phone => TargetField::Phone,
        Field::Status => TargetField::Status,
        Field::StartDate => TargetField::StartDate,
        Field::AgreedHours => TargetField::AgreedHours,
        Field::Programmes | Field::Programme => TargetField::Programme,
        Field::Date => TargetField::Date,
        Field::Duration => TargetField::Duration,
        Field::Kind => TargetField::Kind,
        Field::Note => TargetField::Note,
        Field::Label | Field::Participant => TargetField::ParticipantLabel,
        Field::Contact => TargetField::Contact,
        Field::ConsentDate => TargetField::ConsentDate,
        Field::ExpectedEndDate => TargetField::ExpectedEndDate,
        _ => TargetField::Ignore,
    }
}

impl Draagkracht {
    /// The file's sheet with its header row found and each column's guess.
    pub fn read_sheet(&self, path: &str, sheet: Option<&str>) -> Result<SheetPreview, ApiError> {
        let read = sheets::read(Path::new(path.trim()), sheet)?;
        let header = header_row(&read.rows);
        let width = read.rows.iter().map(Vec::len).max().unwrap_or(0);
        let columns: Vec<SourceColumn> = (0..width)
            .map(|i| {
                let title = read.rows.get(header).and_then(|r| r.get(i)).map(Cell::display).unwrap_or_default();
                let samples = read.rows[header + 1..]
                    .iter()
                    .filter(|r| !left_out(r))
                    .filter_map(|r| r.get(i).map(Cell::display).filter(|s| !s.is_empty()))
                    .take(3)
                    .collect();
                SourceColumn {
                    index: i as u32,
                    header: if title.is_empty() { format!("Kolom {}", i + 1) } else { title.clone() },
                    samples,
                    guess: guess_field(&title),
                }
            })
            .collect();
        let fields: Vec<TargetField> = columns.iter().map(|c| c.guess).collect();
        let rows = read.rows[(header + 1).min(read.rows.len())..].iter().filter(|r| !left_out(r)).count() as u32;
        Ok(SheetPreview {
            path: path.trim().to_string(),
            sheets: read.names,
            sheet: read.name,
            header_row: read.first_row + header as u32,
            columns,
            rows,
            guessed_kind: guess_kind(&fields),
        })
    }

    /// What importing the file with this mapping would do, changing nothing.
    pub fn dry_run_import(&self, input: &MappingInput, today: NaiveDate) -> Result<DryRun, ApiError> {
        Ok(self.plan_import(input, today)?.dry)
    }

    /// Imports the file: every row in one transaction, or nothing when any row cannot come in.
    /// `progress` hears how far the writing is.
    pub fn run_import(
        &mut self,
        input: &MappingInput,
        today: NaiveDate,
        mut progress: impl FnMut(ImportProgress),
    ) -> Result<ImportOutcome, ApiError> {
        let plan = self.plan_import(input, today)?;
        if !plan.dry.problems.is_empty() || !plan.dry.missing_fields.is_empty() {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!(
                    "Er is niets ingelezen: {} rij(en) kunnen er niet in. Pas het bestand of de koppeling van de kolommen aan.",
                    plan.dry.problems.len()
                ),
                format!(
                    "Nothing was imported: {} row(s) cannot come in. Adjust the file or the column mapping.",
                    plan.dry.problems.len()
                ),
            ));
        }
        let total = plan.rows.len() as u32;
        let now = Utc::now();
        let file =
            Path::new(input.path.trim()).file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
        self.db.write(|tx| {
            // One line in the audit log for the whole import, not one per row.
            settings::set(tx, settings::AUDIT_PAUSED, "import")?;
            for (i, row) in plan.rows.iter().enumerate() {
                match row {
                    Row::Volunteer(v) => volunteers::insert(tx, new_volunteer_id(), v, now)?,
                    Row::Participant(p) => participants::insert(tx, ParticipantId(Uuid::now_v7()), p, now)?,
                    Row::Match(m) => matches::insert(tx, MatchId(Uuid::now_v7()), m, &[], now)?,
                    Row::Entry(e) => hour_entries::insert(tx, new_entry_id(), e, now)?,
                    Row::Organisation(o) => {
                        organisations::save(tx, OrganisationId(Uuid::now_v7()), o, true, now)?;
                    }
                }
                if i % 2_000 == 0 || i + 1 == plan.rows.len() {
                    progress(ImportProgress { done: i as u32 + 1, total });
                }
            }
            settings::remove(tx, settings::AUDIT_PAUSED)?;
            privacy::log_import(tx, &format!("{file} ({total})"))?;
            Ok::<_, ApiError>(())
        })?;
        self.evaluate_all(today)?;
        Ok(ImportOutcome { added: total, existing: plan.dry.existing })
    }

    fn plan_import(&self, input: &MappingInput, today: NaiveDate) -> Result<Plan, ApiError> {
        let sheet = sheets::read(Path::new(input.path.trim()), input.sheet.as_deref())?;
        let header = header_row(&sheet.rows);
        let column_of: HashMap<TargetField, &ColumnMapping> = input
            .columns
            .iter()
            .filter(|c| c.field != TargetField::Ignore && input.kind.fields().contains(&c.field))
            .map(|c| (c.field, c))
            .collect();
        let mut taken: HashMap<TargetField, u32> = HashMap::new();
        for c in input.columns.iter().filter(|c| c.field != TargetField::Ignore) {
            if let Some(first) = taken.insert(c.field, c.index) {
                return Err(ApiError::new(
                    ErrorCode::InvalidInput,
                    format!(
                        "Kolom {} en kolom {} zijn allebei aan hetzelfde veld gekoppeld. Kies voor één van beide iets anders.",
                        first + 1,
                        c.index + 1
                    ),
                    format!(
                        "Columns {} and {} are both mapped to the same field. Choose something else for one of them.",
                        first + 1,
                        c.index + 1
                    ),
                ));
            }
        }
        let missing_fields: Vec<TargetField> =
            input.kind.required().iter().copied().filter(|f| !column_of.contains_key(f)).collect();
        let mut dry = DryRun {
            kind: input.kind,
            rows: 0,
            to_add: 0,
            existing: 0,
            skipped: 0,
            problems: Vec::new(),
            missing_fields,
        };
        let mut rows = Vec::new();
        if !dry.missing_fields.is_empty() {
            return Ok(Plan { dry, rows });
        }
        let lookups = Lookups::read(self, input.kind, today)?;
        let header_names: Vec<String> =
            sheet.rows.get(header).map(|r| r.iter().map(Cell::display).collect()).unwrap_or_default();
        let column_name = |field: TargetField| -> String {
            column_of
                .get(&field)
                .and_then(|c| header_names.get(c.index as usize).cloned())
                .filter(|h| !h.is_empty())
                .unwrap_or_else(|| field_label(field).to_string())
        };
        let mut seen: HashMap<String, u32> = HashMap::new();
        for (offset, cells) in sheet.rows.iter().enumerate().skip(header + 1) {
            let row_number = sheet.first_row + offset as u32;
            if left_out(cells) {
                dry.skipped += 1;
                continue;
            }
            dry.rows += 1;
            let cell = |field: TargetField| -> Cell {
                column_of.get(&field).and_then(|c| cells.get(c.index as usize)).cloned().unwrap_or(Cell::Empty)
            };
            let text = |field: TargetField| cell(field).display();
            let mut refuse = |field: TargetField, nl: String, en: String| {
                dry.problems.push(RowProblem {
                    row: row_number,
                    column: column_name(field),
                    reason: nl,
                    reason_en: en,
                });
            };
            // Dates are read from whatever the cell holds (a date, an Excel number, 31-12-2025 …).
            let date = |field: TargetField| -> Result<String, (String, String)> {
                let c = cell(field);
                if c.is_empty() {
                    return Ok(String::new());
                }
                cell_date(&c).map(|d| d.to_string()).ok_or_else(|| {
                    (
                        format!("'{}' is geen datum. Schrijf de datum als 31-12-2025.", c.display()),
                        format!("'{}' is not a date. Write it as 31-12-2025.", c.display()),
                    )
                })
            };
            let outcome: Result<Option<(String, Row)>, (TargetField, String, String)> = (|| {
                let dated = |field| date(field).map_err(|(nl, en)| (field, nl, en));
                let refused = |r: Refusal| (target_of(input.kind, r.field), r.nl, r.en);
                match input.kind {
                    ImportKind::Volunteers => {
                        let programmes = lookups.programmes_named(&text(TargetField::Programme)).map_err(|name| {
                            (
                                TargetField::Programme,
                                format!("Er is geen project '{name}'."),
                                format!("There is no programme '{name}'."),
                            )
                        })?;
                        let start = dated(TargetField::StartDate)?;
                        let draft = VolunteerDraft {
                            name: text(TargetField::VolunteerName),
                            email: text(TargetField::Email),
                            phone: text(TargetField::Phone),
                            status: status_code(&text(TargetField::Status)),
                            start_date: if start.is_empty() { today.to_string() } else { start },
                            agreed_hours_per_week: cell_duration_text(&cell(TargetField::AgreedHours)),
                            programmes,
                        };
                        let valid = draft.validate(today, None).map_err(refused)?;
                        let key = name_key(&valid.name);
                        Ok((!lookups.volunteers.contains_key(&key))
                            .then(|| (format!("v:{key}"), Row::Volunteer(valid))))
                    }
                    ImportKind::Organisations => {
                        // Kinds and domains as the sheet words them; an unknown one is named.
                        let words = |field: TargetField, read: fn(&str) -> Option<&'static str>, nl: &str, en: &str| {
                            let written = text(field);
                            list_items(&written)
                                .map(|item| {
                                    read(item).map(str::to_string).ok_or_else(|| {
                                        (
                                            field,
                                            format!("'{item}' is geen {nl} die Draagkracht kent."),
                                            format!("'{item}' is not a {en} Draagkracht knows."),
                                        )
                                    })
                                })
                                .collect::<Result<Vec<String>, Problem>>()
                        };
                        let kinds = words(
                            TargetField::ReferralKinds,
                            |t| kind_from_text(t).map(|k| k.as_str()),
                            "soort verwijzing",
                            "kind of referral",
                        )?;
                        let domains = words(
                            TargetField::Domains,
                            |t| domain_from_text(t).map(|d| d.as_str()),
                            "levensgebied",
                            "life domain",
                        )?;
                        let draft = OrganisationDraft {
                            name: text(TargetField::OrganisationName),
                            what: text(TargetField::What),
                            kinds,
                            domains,
                            contact: text(TargetField::Contact),
                            opening_hours: text(TargetField::OpeningHours),
                            notes: text(TargetField::Note),
                        };
                        let valid = draft.validate().map_err(refused)?;
                        let key = name_key(&valid.name);
                        Ok((!lookups.organisations.contains(&key))
                            .then(|| (format!("o:{key}"), Row::Organisation(valid))))
                    }
                    ImportKind::Participants => {
                        let draft = ParticipantDraft {
                            label: text(TargetField::ParticipantLabel),
                            contact: text(TargetField::Contact),
                            consent_date: dated(TargetField::ConsentDate)?,
                            consent_by: String::new(),
                            consent_scope: String::new(),
                            municipality: lookups.municipality(&text(TargetField::Municipality))?,
                        };
                        let valid = draft.validate(today).map_err(refused)?;
                        let key = name_key(&valid.label);
                        Ok((!lookups.participants.contains_key(&key))
                            .then(|| (format!("p:{key}"), Row::Participant(valid))))
                    }
                    ImportKind::Matches => {
                        let participant = lookups.participant(&text(TargetField::ParticipantLabel))?;
                        let volunteer = lookups.volunteer(&text(TargetField::VolunteerName))?;
                        let programme = lookups.programme(&text(TargetField::Programme))?;
                        let draft = MatchDraft {
                            participant: Some(participant),
                            programme: Some(programme),
                            volunteers: vec![volunteer],
                            start_date: dated(TargetField::StartDate)?,
                            expected_end_date: dated(TargetField::ExpectedEndDate)?,
                            one_to_one_at_home: false,
                        };
                        let valid = draft.validate(today).map_err(refused)?;
                        let key = format!("m:{participant}:{programme}:{}", valid.start_date);
                        let known = lookups.matches.contains(&(participant, programme, valid.start_date));
                        Ok((!known).then_some((key, Row::Match(valid))))
                    }
                    ImportKind::HourEntries => {
                        let volunteer = lookups.volunteer(&text(TargetField::VolunteerName))?;
                        let named = text(TargetField::Programme);
                        let programme = if named.is_empty() {
                            lookups.main_programme.get(&volunteer).copied().flatten().ok_or_else(|| {
                                (
                                    TargetField::Programme,
                                    "Deze vrijwilliger heeft geen project; vul een project in.".to_string(),
                                    "This volunteer has no programme; fill one in.".to_string(),
                                )
                            })?
                        } else {
                            lookups.programme(&named)?
                        };
                        let draft = HourEntryDraft {
                            volunteer: Some(volunteer),
                            date: dated(TargetField::Date)?,
                            duration: cell_duration_text(&cell(TargetField::Duration)),
                            programme: Some(programme),
                            kind: kind_code(&text(TargetField::Kind)),
                            note: text(TargetField::Note),
                            match_id: None,
                            activity: None,
                        };
                        let valid = draft.validate(today).map_err(refused)?;
                        let identity = hour_entries::identity_key(&valid);
                        let known = lookups.entries.contains(&identity);
                        let key = format!("h:{identity}");
                        Ok((!known).then_some((key, Row::Entry(valid))))
                    }
                }
            })();
            match outcome {
                Err((field, nl, en)) => refuse(field, nl, en),
                Ok(None) => dry.existing += 1,
                Ok(Some((key, row))) => match seen.get(&key) {
                    // The same volunteer or participant twice in one sheet: say where the first is.
                    Some(first) if !key.starts_with("h:") && !key.starts_with("m:") => {
                        let field = if key.starts_with("v:") {
                            TargetField::VolunteerName
                        } else {
                            TargetField::ParticipantLabel
                        };
                        refuse(
                            field,
                            format!("Deze naam staat ook op rij {first}; laat één van beide weg."),
                            format!("This name is also on row {first}; leave one of them out."),
                        )
                    }
                    // An identical entry twice counts once, so that importing stays repeatable.
                    Some(_) => dry.existing += 1,
                    None => {
                        seen.insert(key, row_number);
                        dry.to_add += 1;
                        rows.push(row);
                    }
                },
            }
        }
        Ok(Plan { dry, rows })
    }
}

/// A field's name for a problem when its column has no header.
fn field_label(field: TargetField) -> &'static str {
    match field {
        TargetField::VolunteerName => "Naam",
        TargetField::ParticipantLabel => "Deelnemer",
        TargetField::Programme => "Project",
        TargetField::Date => "Datum",
        TargetField::Duration => "Uren",
        TargetField::StartDate => "Startdatum",
        TargetField::OrganisationName => "Organisatie",
        TargetField::ReferralKinds => "Verwijzingen",
        TargetField::Municipality => "Gemeente",
        _ => "Kolom",
    }
}

/// What rows are matched against: the records already there, by name.
struct Lookups {
    volunteers: HashMap<String, Vec<VolunteerId>>,
    main_programme: HashMap<VolunteerId, Option<ProgrammeId>>,
    programmes: HashMap<String, ProgrammeId>,
    participants: HashMap<String, Vec<ParticipantId>>,
    matches: HashSet<(ParticipantId, ProgrammeId, NaiveDate)>,
    /// The sociale kaart's organisations, by name.
    organisations: HashSet<String>,
    /// The branch's municipalities, by name.
    municipalities: HashMap<String, MunicipalityId>,
    /// Identity keys of the entries an import may repeat (entries older than three years are
    /// refused anyway).
    entries: HashSet<String>,
}

type Problem = (TargetField, String, String);

impl Lookups {
    fn read(app: &Draagkracht, kind: ImportKind, today: NaiveDate) -> Result<Self, ApiError> {
        let conn = app.db.conn();
        let mut volunteers_by_name: HashMap<String, Vec<VolunteerId>> = HashMap::new();
        for (id, name) in volunteers::names(conn)? {
            volunteers_by_name.entry(name_key(&name)).or_default().push(id);
        }
        let main_programme = volunteers::main_programmes(conn)?.into_iter().map(|(id, _, p)| (id, p)).collect();
        let programmes = programmes::list(conn)?.into_iter().map(|p| (name_key(&p.name), p.id)).collect();
        let mut participants_by_label: HashMap<String, Vec<ParticipantId>> = HashMap::new();
        for p in participants::list(conn)? {
            participants_by_label.entry(name_key(&p.label)).or_default().push(p.id);
        }
        let matches =
            matches::all(conn)?.into_iter().map(|m| (m.participant_id, m.programme_id, m.start_date)).collect();
        let entries = if kind == ImportKind::HourEntries {
            hour_entries::identity_keys_since(conn, today - chrono::Days::new(3 * 366 + 1))?
        } else {
            HashSet::new()
        };
        let organisations = organisations::list(conn)?.into_iter().map(|o| name_key(&o.organisation.name)).collect();
        let municipalities = funding::municipalities(conn)?.into_iter().map(|m| (name_key(&m.name), m.id)).collect();
        Ok(Self {
            organisations,
            municipalities,
            entries,
            volunteers: volunteers_by_name,
            main_programme,
            programmes,
            participants: participants_by_label,
            matches,
        })
    }

    fn volunteer(&self, name: &str) -> Result<VolunteerId, Problem> {
        match self.volunteers.get(&name_key(name)).map(Vec::as_slice) {
            Some([one]) => Ok(*one),
            Some([_, _, ..]) => Err((
                TargetField::VolunteerName,
                format!("Er zijn meerdere vrijwilligers die '{name}' heten; maak de namen eerst verschillend."),
                format!("Several volunteers are called '{name}'; make the names different first."),
            )),
            _ if name.trim().is_empty() => Err((
                TargetField::VolunteerName,
                "Vul de naam van de vrijwilliger in.".into(),
                "Fill in the volunteer's name.".into(),
            )),
            _ => Err((
                TargetField::VolunteerName,
                format!("Er is geen vrijwilliger '{name}'. Lees eerst de vrijwilligers in of voeg hem toe."),
                format!("There is no volunteer '{name}'. Import the volunteers first or add them."),
            )),
        }
    }

    /// A participant's municipality by name; none when the cell is empty. The branch keeps its own
    /// list, so a name that is not on it is refused rather than added (a woonplaats is often a
    /// village within a municipality).
    fn municipality(&self, name: &str) -> Result<Option<MunicipalityId>, Problem> {
        if name.trim().is_empty() {
            return Ok(None);
        }
        self.municipalities.get(&name_key(name)).copied().map(Some).ok_or_else(|| {
            (
                TargetField::Municipality,
                format!(
                    "'{}' is geen gemeente van je afdeling. Voeg hem toe onder Beheer → Gemeenten en subsidies, of laat de cel leeg.",
                    name.trim()
                ),
                format!(
                    "'{}' is not one of your branch's municipalities. Add it under Beheer → Municipalities and subsidies, or leave the cell empty.",
                    name.trim()
                ),
            )
        })
    }

    fn participant(&self, label: &str) -> Result<ParticipantId, Problem> {
        match self.participants.get(&name_key(label)).map(Vec::as_slice) {
            Some([one]) => Ok(*one),
            Some([_, _, ..]) => Err((
                TargetField::ParticipantLabel,
                format!("Er zijn meerdere deelnemers '{label}'."),
                format!("Several participants are called '{label}'."),
            )),
            _ => Err((
                TargetField::ParticipantLabel,
                format!("Er is geen deelnemer '{label}'. Lees eerst de deelnemers in."),
                format!("There is no participant '{label}'. Import the participants first."),
            )),
        }
    }

    fn programme(&self, name: &str) -> Result<ProgrammeId, Problem> {
        self.programmes.get(&name_key(name)).copied().ok_or_else(|| {
            (
                TargetField::Programme,
                format!("Er is geen project '{name}'."),
                format!("There is no programme '{name}'."),
            )
        })
    }

    /// Programmes named in one cell, separated by commas or semicolons; the first unknown name is the error.
    fn programmes_named(&self, text: &str) -> Result<Vec<ProgrammeId>, String> {
        text.split([',', ';', '/'])
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(|n| self.programmes.get(&name_key(n)).copied().ok_or_else(|| n.to_string()))
            .collect()
    }
}
