//! The national picture (issue 17): a branch publishes the figures of its months — online to the
//! organisation's PostgreSQL with its branch account, or as a signed file sent by other means —
//! and the national office or a region makes the report of the whole organisation, a region, some
//! branches or a municipality from what was published. What a month holds is decided in
//! `core::national`; the server's side is `draagkracht_server::national`.

use crate::reports::{language, Wanted, TREND_YEARS as DEFAULT_TREND_YEARS};
use crate::wire::{
    Language, NationalAccount, NationalAccountKind, NationalBranch, NationalReportRequest, PublishedMonth,
    PublishingStatus, ReportAudience, ReportPreview,
};
use crate::{ApiError, Draagkracht, ErrorCode};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use draagkracht_core::national::{self, key, Figure, Window, OTHER_KIND};
use draagkracht_core::refusal::Field;
use draagkracht_core::report::{self, Audience, Cover, ReportDocument};
use draagkracht_core::DateRange;
use draagkracht_server::national::{Account, National, Row};
use draagkracht_server::{ServerError, ServerErrorKind};
use draagkracht_store::{funding, national as store, programmes, reports};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What a publication file says it is.
const FILE_FORMAT: &str = "draagkracht-landelijke-cijfers";
const FILE_VERSION: u32 = 1;

/// The server's failure as the window and the CLI show it.
pub(crate) fn server_error(e: ServerError) -> ApiError {
    let code = match e.kind {
        ServerErrorKind::Unreachable | ServerErrorKind::Timeout => ErrorCode::Unreachable,
        _ => ErrorCode::Storage,
    };
    if e.kind == ServerErrorKind::NotAllowed {
        // The sharing words name the sharing role; here it is the national picture's account.
        return ApiError::new(
            code,
            "Deze inlog mag dit niet in het landelijk overzicht. Een afdeling publiceert met de inlog van de afdeling; het landelijk bureau en de regio's lezen met hun eigen inlog.",
            "This login may not do this in the national picture. A branch publishes with its branch's login; the national office and the regions read with their own.",
        );
    }
    ApiError::new(code, e.nl, e.en)
}

/// What was published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The months offered (their first days).
    pub months: Vec<NaiveDate>,
    /// How many of them the server took in (a month published later elsewhere is kept).
    pub taken: u32,
    pub rows: usize,
}

/// One figure in a publication file.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct FileRow {
    month: NaiveDate,
    scope: String,
    window: String,
    key: String,
    part: String,
    detail: String,
    value: i64,
}

/// What a publication file holds: the branch's name as the server knows it, when it was made, the
/// months and their figures.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct FileContent {
    format: String,
    version: u32,
    branch: String,
    made_at: DateTime<Utc>,
    months: Vec<NaiveDate>,
    rows: Vec<FileRow>,
}

/// The file: the content exactly as signed, the key that signed it and the signature (hex).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct SignedFile {
    content: String,
    verify_key: String,
    signature: String,
}

impl Draagkracht {
    /// The complete months this branch has records of, up to the last one before `today`'s. The
    /// signals are brought up to date first (as the attention list does once a day), since a
    /// publication counts them.
    pub fn publishable_months(&mut self, today: NaiveDate) -> Result<Vec<NaiveDate>, ApiError> {
        self.refresh_signals(today)?;
        self.months_with_records(today)
    }

    fn months_with_records(&self, today: NaiveDate) -> Result<Vec<NaiveDate>, ApiError> {
        let conn = self.db.conn();
        let first: Option<String> = conn
            .query_row(
                "SELECT min(d) FROM (SELECT min(date) AS d FROM hour_entries UNION ALL SELECT min(start_date) FROM matches)",
                [],
                |r| r.get(0),
            )
            .map_err(draagkracht_store::StoreError::from)?;
        let Some(first) = first.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()) else {
            return Ok(Vec::new());
        };
        let last = DateRange::month_of(today).first;
        Ok(report::figures::months_of(DateRange { first, last }).into_iter().filter(|m| *m < last).collect())
    }

    /// The figures of `months` as this branch publishes them: for the whole branch, and for each
    /// of its municipalities' residents.
    pub fn publication(&self, months: &[NaiveDate]) -> Result<Vec<Row>, ApiError> {
        let conn = self.db.conn();
        let kinds_of = store::programme_kinds(conn)?;
        let kinds: Vec<String> = programmes::list(conn)?
            .iter()
            .map(|p| kinds_of.get(&p.id).cloned().unwrap_or_else(|| OTHER_KIND.to_string()))
            .collect();
        let mut scopes = vec![(String::new(), reports::Scope::default())];
        for m in funding::municipalities(conn)? {
            scopes.push((m.name.clone(), reports::Scope::default().with_municipality(Some(m.id))));
        }
        let history = self.history()?;
        let mut rows = Vec::new();
        for month in months {
            for (name, scope) in &scopes {
                // The quarter and the year so far are the month itself in January.
                let mut made: HashMap<(NaiveDate, NaiveDate), report::ReportFacts> = HashMap::new();
                for window in Window::ALL {
                    let range = window.range(*month);
                    if !made.contains_key(&(range.first, range.last)) {
                        let wanted = Wanted {
                            trend_from: range.last.year(),
                            stories_of: None,
                            names: false,
                            history: Some(&history),
                        };
                        made.insert((range.first, range.last), self.report_facts(range, scope, &wanted)?);
                    }
                }
                let facts = |w: Window| {
                    let r = w.range(*month);
                    &made[&(r.first, r.last)]
                };
                for figure in
                    national::publication(facts(Window::Month), facts(Window::Quarter), facts(Window::Year), &kinds)
                {
                    rows.push(Row { month: *month, scope: name.clone(), figure });
                }
            }
        }
        Ok(rows)
    }

    /// Publishes `months` to the organisation's server with this branch's account (`url`), which
    /// is remembered for next time.
    pub fn publish_to_server(
        &mut self,
        url: &str,
        months: &[NaiveDate],
        now: DateTime<Utc>,
    ) -> Result<Published, ApiError> {
        let rows = self.publication(months)?;
        let published = send_publication(url, months, &rows, now)?;
        self.note_published(months, now, Some(url))?;
        Ok(published)
    }

    /// Notes that `months` were published at `now`: to the server at `remember` (kept for next
    /// time), or with `None` as a file.
    pub fn note_published(
        &mut self,
        months: &[NaiveDate],
        now: DateTime<Utc>,
        remember: Option<&str>,
    ) -> Result<(), ApiError> {
        let at = now.to_rfc3339();
        let names: Vec<String> = months.iter().map(|m| m.format("%Y-%m").to_string()).collect();
        self.db.write(|tx| {
            store::record(tx, &names, &at, if remember.is_some() { "server" } else { "file" })?;
            match remember {
                Some(url) => store::set_server_url(tx, Some(url.trim())),
                None => Ok(()),
            }
        })?;
        Ok(())
    }

    /// The branch's publishing as the reports screen shows it.
    pub fn publishing_status(&self, today: NaiveDate) -> Result<PublishingStatus, ApiError> {
        let conn = self.db.conn();
        let months = self.months_with_records(today)?;
        let month = |m: &NaiveDate| m.format("%Y-%m").to_string();
        Ok(PublishingStatus {
            server: store::server_url(conn)?,
            branch_name: self.report_settings()?.branch_name,
            publishable: months.len() as u32,
            first_month: months.first().map(month),
            last_month: months.last().map(month),
            published: store::published(conn)?
                .into_iter()
                .map(|(month, published_at, via)| PublishedMonth { month, published_at, via })
                .collect(),
        })
    }

    /// A signed publication file of `months` for the branch the server knows as `branch`, to send
    /// by other means; the national office takes it in with [`accept_publication_file`]. Once it is
    /// written, [`Self::note_published`] records it.
    pub fn publication_file(
        &mut self,
        branch: &str,
        months: &[NaiveDate],
        now: DateTime<Utc>,
    ) -> Result<Vec<u8>, ApiError> {
        let branch = branch.trim();
        if branch.is_empty() {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "Vul de naam van je afdeling in, zoals het landelijk bureau die kent.",
                "Fill in your branch's name as the national office knows it.",
            )
            .at(Field::BranchName));
        }
        let rows = self.publication(months)?;
        let content = FileContent {
            format: FILE_FORMAT.into(),
            version: FILE_VERSION,
            branch: branch.into(),
            made_at: now,
            months: months.to_vec(),
            rows: rows
                .iter()
                .map(|r| FileRow {
                    month: r.month,
                    scope: r.scope.clone(),
                    window: r.figure.window.as_str().into(),
                    key: r.figure.key.into(),
                    part: r.figure.part.clone(),
                    detail: r.figure.detail.clone(),
                    value: r.figure.value,
                })
                .collect(),
        };
        let content = serde_json::to_string(&content)
            .map_err(|e| ApiError::new(ErrorCode::Storage, e.to_string(), e.to_string()))?;
        let (signature, key) = self.db.write(|tx| store::sign(tx, content.as_bytes()))?;
        let file = SignedFile { content, verify_key: hex::encode(key), signature: hex::encode(signature) };
        serde_json::to_vec_pretty(&file).map_err(|e| ApiError::new(ErrorCode::Storage, e.to_string(), e.to_string()))
    }
}

/// Sends a publication with a branch account; needs no database, so the window's shell runs it
/// without holding it.
pub fn send_publication(
    url: &str,
    months: &[NaiveDate],
    rows: &[Row],
    now: DateTime<Utc>,
) -> Result<Published, ApiError> {
    let mut server = National::open(url).map_err(server_error)?;
    match server.account().map_err(server_error)? {
        Account::Branch { .. } => {}
        _ => {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "Dit is geen inlog van een afdeling. Publiceren kan alleen met de inlog van je eigen afdeling.",
                "This is not a branch's login. Publishing needs your own branch's login.",
            )
            .at(Field::Server))
        }
    }
    let taken = server.publish(now, months, rows).map_err(server_error)?;
    Ok(Published { months: months.to_vec(), taken, rows: rows.len() })
}

/// The account an address logs in with, and the branches and regions it may read.
pub fn connect(url: &str) -> Result<NationalAccount, ApiError> {
    let mut server = National::open(url).map_err(|e| server_error(e).at(Field::Server))?;
    let (kind, branch, region) = match server.account().map_err(|e| server_error(e).at(Field::Server))? {
        Account::Branch { name, region } => (NationalAccountKind::Branch, Some(name), region),
        Account::Region { region } => (NationalAccountKind::Region, None, Some(region)),
        Account::National => (NationalAccountKind::National, None, None),
    };
    let branches: Vec<NationalBranch> = server
        .branches()
        .map_err(server_error)?
        .into_iter()
        .map(|b| NationalBranch { name: b.name, region: b.region })
        .collect();
    let mut regions: Vec<String> = branches.iter().filter_map(|b| b.region.clone()).collect();
    regions.sort();
    regions.dedup();
    Ok(NationalAccount { kind, branch, region, branches, regions })
}

impl From<&NationalReportRequest> for NationalReportInput {
    fn from(r: &NationalReportRequest) -> Self {
        let given = |t: &Option<String>| t.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(String::from);
        NationalReportInput {
            from: r.from.clone(),
            to: r.to.clone(),
            audience: r.audience,
            language: r.language,
            region: given(&r.region),
            branches: r.branches.clone(),
            municipality: given(&r.municipality),
        }
    }
}

/// The national report's figures as the file will show them.
pub fn national_preview(request: &NationalReportRequest, today: NaiveDate) -> Result<ReportPreview, ApiError> {
    Ok(crate::reports::preview_of(&national_report(&request.server, &request.into(), today)?))
}

fn not_a_file(nl_why: &str, en_why: &str) -> ApiError {
    ApiError::new(
        ErrorCode::InvalidInput,
        format!("Dit bestand is niet ingelezen: {nl_why}. Er is niets veranderd."),
        format!("This file was not taken in: {en_why}. Nothing changed."),
    )
}

/// What a taken-in file held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub branch: String,
    pub months: usize,
    pub taken: u32,
}

/// The national office takes in a branch's publication file: its signature must hold, every
/// figure must be one this build knows, and the server must know the branch and its key.
pub fn accept_publication_file(url: &str, bytes: &[u8]) -> Result<Accepted, ApiError> {
    let file: SignedFile = serde_json::from_slice(bytes).map_err(|_| {
        not_a_file(
            "het is geen bestand met landelijke cijfers van Draagkracht",
            "it is not a Draagkracht national figures file",
        )
    })?;
    let key: [u8; 32] = hex::decode(&file.verify_key)
        .ok()
        .and_then(|k| k.try_into().ok())
        .ok_or_else(|| not_a_file("de sleutel in het bestand is beschadigd", "the key in the file is damaged"))?;
    let signature: [u8; 64] = hex::decode(&file.signature).ok().and_then(|k| k.try_into().ok()).ok_or_else(|| {
        not_a_file("de handtekening in het bestand is beschadigd", "the signature in the file is damaged")
    })?;
    if !store::verify(&key, file.content.as_bytes(), &signature) {
        return Err(not_a_file(
            "het is veranderd nadat de afdeling het ondertekende (de handtekening klopt niet)",
            "it was changed after the branch signed it (the signature does not match)",
        ));
    }
    let content: FileContent = serde_json::from_str(&file.content)
        .ok()
        .filter(|c: &FileContent| c.format == FILE_FORMAT)
        .ok_or_else(|| {
            not_a_file(
                "het is geen bestand met landelijke cijfers van Draagkracht",
                "it is not a Draagkracht national figures file",
            )
        })?;
    if content.version > FILE_VERSION {
        return Err(not_a_file(
            "het is gemaakt door een nieuwere versie van Draagkracht; installeer de nieuwste versie",
            "it was made by a newer Draagkracht; please install the latest version",
        ));
    }
    let mut rows = Vec::with_capacity(content.rows.len());
    for (i, r) in content.rows.iter().enumerate() {
        let (Some(window), Some(key)) = (Window::parse(&r.window), key::parse(&r.key)) else {
            return Err(not_a_file(
                &format!("cijfer {} ({}) kent deze versie van Draagkracht niet", i + 1, r.key),
                &format!("figure {} ({}) is unknown to this version of Draagkracht", i + 1, r.key),
            ));
        };
        rows.push(Row {
            month: r.month,
            scope: r.scope.clone(),
            figure: Figure { window, key, part: r.part.clone(), detail: r.detail.clone(), value: r.value },
        });
    }
    let sha = store::sha256(file.content.as_bytes());
    let mut server = National::open(url).map_err(server_error)?;
    let taken = server
        .accept_file(&content.branch, &sha, &key, content.made_at, &content.months, &rows)
        .map_err(server_error)?;
    Ok(Accepted { branch: content.branch, months: content.months.len(), taken })
}

/// What a national report covers.
#[derive(Debug, Clone)]
pub struct NationalReportInput {
    pub from: String,
    pub to: String,
    pub audience: ReportAudience,
    pub language: Language,
    /// Only the branches of this region.
    pub region: Option<String>,
    /// Only these branches (by name); none: every branch the account may read.
    pub branches: Vec<String>,
    /// Only the residents of the municipality of this name.
    pub municipality: Option<String>,
}

/// The national report as a document, from the published figures the account (`url`) may read.
pub fn national_report(url: &str, input: &NationalReportInput, today: NaiveDate) -> Result<ReportDocument, ApiError> {
    let (figures, audience, lang, cover, notes) = national_figures(url, input, today)?;
    let mut doc = report::build(&figures, audience, lang, &cover);
    doc.notes.extend(notes);
    Ok(doc)
}

/// The national report's figures before suppression, its audience, language and cover, and the
/// notes naming the months not published.
pub fn national_figures(
    url: &str,
    input: &NationalReportInput,
    today: NaiveDate,
) -> Result<(report::ReportFigures, Audience, report::Language, Cover, Vec<String>), ApiError> {
    let range = report::parse_period(&input.from, &input.to, today)?;
    let lang = language(input.language);
    let tr = |nl: String, en: String| if lang == report::Language::Nl { nl } else { en };
    if Window::of_period(range).is_none() {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            "Een landelijk overzicht gaat over een hele maand, een kwartaal of een kalenderjaar (of de eerste maanden ervan): alleen dan zijn de mensen precies te tellen. Kies bijvoorbeeld 1-1-2025 t/m 31-12-2025.",
            "A national report covers a whole month, a quarter or a calendar year (or its first months): only then can people be counted exactly. Choose for example 1-1-2025 to 31-12-2025.",
        )
        .at(Field::From));
    }
    let audience = match input.audience {
        ReportAudience::Funder => Audience::Funder,
        ReportAudience::Internal => Audience::Internal,
    };
    let mut server = National::open(url).map_err(server_error)?;
    let account = server.account().map_err(server_error)?;
    let readable = server.branches().map_err(server_error)?;
    let mut chosen: Vec<String> = Vec::new();
    for name in &input.branches {
        let found = readable.iter().find(|b| b.name.eq_ignore_ascii_case(name.trim())).ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!(
                    "Afdeling '{}' staat niet op de server, of deze inlog mag haar cijfers niet lezen.",
                    name.trim()
                ),
                format!("Branch '{}' is not on the server, or this login may not read its figures.", name.trim()),
            )
        })?;
        chosen.push(found.name.clone());
    }
    if chosen.is_empty() {
        chosen = readable
            .iter()
            .filter(|b| match &input.region {
                Some(r) => b.region.as_deref().is_some_and(|br| br.eq_ignore_ascii_case(r.trim())),
                None => true,
            })
            .map(|b| b.name.clone())
            .collect();
    }
    if chosen.is_empty() {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            match &input.region {
                Some(r) => {
                    format!("Er staan geen afdelingen van regio '{}' op de server die deze inlog mag lezen.", r.trim())
                }
                None => "Deze inlog mag de cijfers van geen enkele afdeling lezen.".to_string(),
            },
            match &input.region {
                Some(r) => format!("The server holds no branches of region '{}' this login may read.", r.trim()),
                None => "This login may read no branch's figures.".to_string(),
            },
        ));
    }

    let read = national::months_read(range, DEFAULT_TREND_YEARS);
    let scope = input.municipality.as_deref().map(str::trim).unwrap_or("");
    let trend = national::trend_months(range, DEFAULT_TREND_YEARS);
    let sums = server.sums(&chosen, scope, range, &trend).map_err(server_error)?;
    let figures = national::figures(
        range,
        &sums,
        DEFAULT_TREND_YEARS,
        (report::DEFAULT_HOUR_RATE_CENTS, report::DEFAULT_HOUR_RATE_SOURCE.to_string()),
    )
    .ok_or_else(|| {
        ApiError::new(ErrorCode::InvalidInput, "Kies een andere periode.", "Choose another period.").at(Field::From)
    })?;

    // Never silently zero: every month a branch did not publish since its first, by name.
    let published = server.published(&chosen, read).map_err(server_error)?;
    let all_months = report::figures::months_of(read);
    let mut notes = Vec::new();
    for name in &chosen {
        let months: Vec<NaiveDate> =
            published.get(name).map(|p| p.iter().map(|(m, _)| *m).collect()).unwrap_or_default();
        let missing: Vec<String> = match months.first() {
            None => vec![],
            Some(first) => {
                all_months.iter().filter(|m| *m >= first && !months.contains(m)).map(|m| month_name(*m, lang)).collect()
            }
        };
        if months.is_empty() {
            notes.push(tr(
                format!("Niet gepubliceerd: {name} heeft over deze periode niets gepubliceerd en telt niet mee."),
                format!("Not published: {name} published nothing for this period and is not counted."),
            ));
        } else if !missing.is_empty() {
            notes.push(tr(
                format!("Niet gepubliceerd: {name}, {} (niet als nul meegeteld).", missing.join(", ")),
                format!("Not published: {name}, {} (not counted as zero).", missing.join(", ")),
            ));
        }
    }

    let who = match (&account, &input.region, input.branches.is_empty()) {
        (_, _, false) => chosen.join(", "),
        (_, Some(r), true) => tr(
            format!("Regio {} ({} afdelingen)", r.trim(), chosen.len()),
            format!("Region {} ({} branches)", r.trim(), chosen.len()),
        ),
        (Account::Region { region }, None, true) => tr(
            format!("Regio {region} ({} afdelingen)", chosen.len()),
            format!("Region {region} ({} branches)", chosen.len()),
        ),
        _ => tr(format!("Alle afdelingen ({})", chosen.len()), format!("All branches ({})", chosen.len())),
    };
    // The cover says whose figures these are where a branch report names its own scope.
    let cover = Cover {
        branch: tr("Landelijk overzicht".into(), "National picture".into()),
        scope: Some(match scope {
            "" => who,
            town => tr(format!("{who}, inwoners van {town}"), format!("{who}, residents of {town}")),
        }),
        made_on: today,
    };
    Ok((figures, audience, lang, cover, notes))
}

fn month_name(month: NaiveDate, lang: report::Language) -> String {
    const NL: [&str; 12] = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
    const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let names = if lang == report::Language::Nl { NL } else { EN };
    format!("{} {}", names[month.month0() as usize], month.year())
}

pub use draagkracht_server::national::NewAccount;

/// Makes a login for the national picture with an administrator's address; returns its password.
pub fn create_account(admin_url: &str, login: &str, account: &NewAccount) -> Result<String, ApiError> {
    draagkracht_server::national::create_account(admin_url, login, account).map_err(server_error)
}

/// Writes a publication file whole (beside its destination first, then moved into place).
pub fn save_publication_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), ApiError> {
    crate::destination::check_folder(path)?;
    crate::destination::write_whole(path, bytes)
}
