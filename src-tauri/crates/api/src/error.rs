//! The one error type the api returns, and what the window receives: `{code, message, messageEn,
//! field, reason}`. The UI branches on `code` (and `field` to place the message), never on text.

use draagkracht_core::{Field, Refusal, RefusalCode};
use draagkracht_store::StoreError;
use serde::Serialize;
use ts_rs::TS;

/// Stable error codes. Never rename one: the UI and tests branch on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A form field was refused; `field` and `reason` say which and why.
    InvalidInput,
    /// An identical entry exists for that day; resend with `confirmDuplicate` to save it anyway.
    DuplicateEntry,
    /// The volunteer's day would hold more hours than is plausible; resend with `confirmLongDay`
    /// to save it anyway.
    LongDay,
    /// The record asked for does not exist (any more).
    NotFound,
    /// The database was written by a newer Draagkracht; it was left untouched.
    DatabaseTooNew,
    /// The database file could not be opened or read.
    Storage,
    /// The passphrase does not open the database; nothing was changed.
    WrongPassphrase,
    /// The database is locked: unlock it with its passphrase first.
    Locked,
    /// The start-up check found damage in the database; nothing was written.
    Damaged,
    /// The shared folder or the organisation's server cannot be reached now; nothing was lost and
    /// a later try may work.
    Unreachable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    /// Dutch, for the coordinator.
    pub message: String,
    pub message_en: String,
    pub field: Option<Field>,
    pub reason: Option<RefusalCode>,
    /// The form's other refused fields, when several were refused at once: the window shows them
    /// all, each at its field, and focuses the first (`field`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub also: Option<Vec<FieldRefusal>>,
}

/// Another refused field of the same form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldRefusal {
    pub field: Field,
    pub reason: RefusalCode,
    pub message: String,
    pub message_en: String,
}

impl ApiError {
    pub fn new(code: ErrorCode, nl: impl Into<String>, en: impl Into<String>) -> Self {
        Self { code, message: nl.into(), message_en: en.into(), field: None, reason: None, also: None }
    }

    /// The same failure, about `field` of the form (unless it names one already).
    pub fn at(mut self, field: Field) -> Self {
        self.field.get_or_insert(field);
        self
    }

    pub fn not_found(what_nl: &str, what_en: &str) -> Self {
        Self::new(
            ErrorCode::NotFound,
            format!("{what_nl} bestaat niet (meer)."),
            format!("{what_en} does not exist (any more)."),
        )
    }
}

impl From<Refusal> for ApiError {
    fn from(r: Refusal) -> Self {
        Self {
            code: ErrorCode::InvalidInput,
            message: r.nl,
            message_en: r.en,
            field: Some(r.field),
            reason: Some(r.code),
            also: (!r.also.is_empty()).then(|| {
                r.also
                    .into_iter()
                    .map(|o| FieldRefusal { field: o.field, reason: o.code, message: o.nl, message_en: o.en })
                    .collect()
            }),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::TooNew { found, supported } => Self::new(
                ErrorCode::DatabaseTooNew,
                format!(
                    "Dit databasebestand is gemaakt met een nieuwere versie van Draagkracht (schema {found}, deze versie kent tot {supported}). Het bestand is niet veranderd. Installeer de nieuwste versie."
                ),
                format!(
                    "This database was written by a newer Draagkracht (schema {found}, this version knows up to {supported}). The file was not changed. Please install the latest version."
                ),
            ),
            StoreError::WrongKey => wrong_passphrase(Field::Passphrase),
            StoreError::Sqlite(rusqlite_error) if is_corrupt(&rusqlite_error) => Self::new(
                ErrorCode::Damaged,
                format!("De database is beschadigd ({rusqlite_error}). Er is niets geschreven."),
                format!("The database is damaged ({rusqlite_error}). Nothing was written."),
            ),
            other => Self::new(
                ErrorCode::Storage,
                format!("De database gaf een fout: {other}. Er is niets veranderd."),
                format!("The database reported an error: {other}. Nothing was changed."),
            ),
        }
    }
}

/// The passphrase did not open the database (or backup); `field` is the form field to mark.
pub fn wrong_passphrase(field: Field) -> ApiError {
    ApiError {
        field: Some(field),
        ..ApiError::new(
            ErrorCode::WrongPassphrase,
            "Deze wachtwoordzin klopt niet. Er is niets veranderd; probeer het opnieuw.",
            "This passphrase is not right. Nothing was changed; please try again.",
        )
    }
}

fn is_corrupt(e: &draagkracht_store::SqliteError) -> bool {
    e.sqlite_error_code() == Some(draagkracht_store::SqliteErrorCode::DatabaseCorrupt)
}
