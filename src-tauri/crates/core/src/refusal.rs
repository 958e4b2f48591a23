//! Why a piece of input was refused: which field, a stable code the UI can branch on, and a plain
//! sentence in Dutch (B1 level, "je") and English that says what to do.

use serde::Serialize;
use ts_rs::TS;

/// The input field a refusal concerns. The UI shows the message next to this field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    Name,
    Email,
    Phone,
    Status,
    StartDate,
    AgreedHours,
    Programmes,
    Volunteer,
    Date,
    Duration,
    Programme,
    Kind,
    Note,
    Description,
    MaxMonths,
    ZrmScoredBy,
    ZrmScoredOn,
    ZrmScores,
    Label,
    Contact,
    ConsentDate,
    Participant,
    Volunteers,
    ExpectedEndDate,
    EndDate,
    EndReason,
    Match,
    Activity,
    Level,
    ProfessionalKind,
    Organisation,
    FromDate,
    ToDate,
    Reason,
    Outcome,
    Resolution,
    Value,
    Answers,
    Month,
    Amount,
    VogDate,
    RequiredTraining,
    VogYears,
    PlausibleDayHours,
    PerHour21Plus,
    PerHourUnder21,
    PerMonth,
    PerYear,
    Passphrase,
    Repeat,
    CurrentPassphrase,
    RecoveryCode,
    Backup,
    ConsentBy,
    ConsentScope,
    RetentionYears,
    CoordinatorName,
    Path,
    /// A report's first day.
    From,
    /// A report's last day.
    To,
    BranchName,
    HourRate,
    HourRateSource,
    /// A conversation guide's "why it matters".
    Why,
    /// A conversation guide's questions, one per line.
    Questions,
    /// A conversation guide's "when a professional should come in".
    WhenProfessional,
    /// The life domains an organisation of the sociale kaart works on.
    Domains,
    /// An organisation's opening hours.
    OpeningHours,
    /// Who pays a subsidy.
    Funder,
    /// Where a participant lives, or the municipality a subsidy is for.
    Municipality,
    /// A match's goals, or their results.
    Goals,
    /// The address of the organisation's server (the national picture).
    Server,
}

/// Stable reason codes. Never rename one: the UI and tests branch on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RefusalCode {
    Required,
    TooLong,
    InvalidFormat,
    NotPositive,
    TooLarge,
    InFuture,
    TooOld,
    Unknown,
    NotAllowed,
    TooShort,
    Mismatch,
}

/// One refused field, with the reason in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub field: Field,
    pub code: RefusalCode,
    pub nl: String,
    pub en: String,
    /// The form's other refused fields, in form order: a form shows them all at once.
    pub also: Vec<Refusal>,
}

impl Refusal {
    pub fn new(field: Field, code: RefusalCode, nl: impl Into<String>, en: impl Into<String>) -> Self {
        Self { field, code, nl: nl.into(), en: en.into(), also: Vec::new() }
    }

    /// A form's checks, each field on its own: `Ok` when none refused, else the first refusal with
    /// the others in `also`.
    pub fn all<'a>(checks: impl IntoIterator<Item = Option<&'a Refusal>>) -> Result<(), Refusal> {
        let mut refused = checks.into_iter().flatten().cloned();
        match refused.next() {
            None => Ok(()),
            Some(first) => Err(Refusal { also: refused.collect(), ..first }),
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.nl)
    }
}

impl std::error::Error for Refusal {}

/// Trims a required text field and checks its length; shared by every form.
pub(crate) fn required_text(
    field: Field,
    label_nl: &str,
    label_en: &str,
    raw: &str,
    max_chars: usize,
) -> Result<String, Refusal> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(Refusal::new(
            field,
            RefusalCode::Required,
            format!("Vul {label_nl} in."),
            format!("Please fill in {label_en}."),
        ));
    }
    optional_text(field, label_nl, label_en, text, max_chars).map(|t| t.unwrap_or_default())
}

/// The training a programme requires, optional.
pub fn optional_training(raw: &str) -> Result<Option<String>, Refusal> {
    optional_text(Field::RequiredTraining, "de verplichte training", "the required training", raw, 120)
}

/// Trims an optional text field: empty becomes `None`; too long is refused.
pub(crate) fn optional_text(
    field: Field,
    label_nl: &str,
    label_en: &str,
    raw: &str,
    max_chars: usize,
) -> Result<Option<String>, Refusal> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let len = text.chars().count();
    if len > max_chars {
        return Err(Refusal::new(
            field,
            RefusalCode::TooLong,
            format!("{} is te lang: {len} tekens, maximaal {max_chars}.", capitalise(label_nl)),
            format!("{} is too long: {len} characters, at most {max_chars}.", capitalise(label_en)),
        ));
    }
    Ok(Some(text.to_string()))
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
