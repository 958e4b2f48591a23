//! What went wrong at the server, in the coordinator's words (Dutch B1 with "je", and English), with
//! a kind the caller branches on and a technical detail for the log.
//!
//! The refusals the server's functions raise carry SQLSTATEs of their own (`DK001`…, see
//! migrations/), so they map to kinds without reading any message text.

use std::fmt;
use std::time::Duration;

/// What kind of failure: stable, for code to branch on (never on the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServerErrorKind {
    /// The server address cannot be used as given (syntax, or no TLS to a remote server).
    BadAddress,
    /// No connection: the server is down, the network is gone, or the connection broke.
    Unreachable,
    /// The server did not answer in time.
    Timeout,
    /// The secure connection failed (certificate, or the server offers no TLS).
    Tls,
    /// The login name or password is wrong, or the database does not exist.
    Login,
    /// The login may not use Draagkracht (it lacks the role `draagkracht_app`).
    NotAllowed,
    /// The server is not set up for (this version of) Draagkracht.
    NotSetUp,
    /// The server was set up by a newer Draagkracht than this one.
    NewerServer,
    /// This laptop's token is not (or no longer) accepted for this branch.
    UnknownDevice,
    /// This laptop was removed from the branch (by another laptop of it): its token opens nothing.
    Revoked,
    /// A batch with this number and other contents is already there: nothing was overwritten.
    BatchConflict,
    /// The server holds a newer snapshot of this laptop.
    StaleSnapshot,
    /// Another laptop already made this key epoch (it removed a laptop at the same time).
    EpochConflict,
    /// The branch is already on the server (registering a first laptop).
    BranchExists,
    /// This laptop is already registered with another token.
    DeviceExists,
    /// The invitation does not exist (any more) or has expired.
    InvitationInvalid,
    /// The invitation id is taken by another live invitation: make a new code.
    InvitationIdTaken,
    /// What was sent is not valid: a batch or snapshot not filed under what its header says, a
    /// number out of range, an invitation id or expiry the server does not accept.
    Malformed,
    /// The batch asked for is not on the server.
    Missing,
    /// The national picture: this login is no account of it, or not one that may do this.
    NotNational,
    /// The national picture: the server knows no branch by the name a file gives.
    UnknownBranch,
    /// The national picture: a file is signed with another key than the branch's earlier files.
    KeyMismatch,
    /// The national picture: this very file was taken in before.
    AlreadyAccepted,
    /// Anything else the server reported.
    Other,
}

/// A failure at the server: `nl` and `en` say what happened and what to do; `detail` is technical
/// (English, never a password or token) for a log or the organisation's administrator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerError {
    pub kind: ServerErrorKind,
    pub nl: String,
    pub en: String,
    pub detail: String,
}

impl fmt::Display for ServerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.en, self.detail)
    }
}

impl std::error::Error for ServerError {}

/// Said after every failure of a sync step: nothing is lost by it.
const KEPT_NL: &str = "Je wijzigingen blijven op deze laptop bewaard.";
const KEPT_EN: &str = "Your changes stay safe on this laptop.";

impl ServerError {
    pub(crate) fn new(kind: ServerErrorKind, detail: impl Into<String>) -> Self {
        let (nl, en) = words(kind);
        ServerError { kind, nl, en, detail: detail.into() }
    }

    pub(crate) fn timeout(after: Duration) -> Self {
        let mut e = Self::new(ServerErrorKind::Timeout, format!("no answer within {} s", after.as_secs()));
        e.nl = format!(
            "De server antwoordt niet (binnen {} seconden). {KEPT_NL} Probeer het later opnieuw; blijft het zo, vraag je beheerder of de server goed werkt.",
            after.as_secs()
        );
        e.en = format!(
            "The server does not answer (within {} seconds). {KEPT_EN} Try again later; if it persists, ask your administrator whether the server works.",
            after.as_secs()
        );
        e
    }

    pub(crate) fn bad_address(nl: impl Into<String>, en: impl Into<String>, detail: impl Into<String>) -> Self {
        ServerError { kind: ServerErrorKind::BadAddress, nl: nl.into(), en: en.into(), detail: detail.into() }
    }

    /// The server answered in a shape this version does not expect.
    pub(crate) fn unexpected(detail: impl Into<String>) -> Self {
        Self::new(ServerErrorKind::NotSetUp, detail)
    }
}

fn words(kind: ServerErrorKind) -> (String, String) {
    use ServerErrorKind::*;
    let (nl, en) = match kind {
        BadAddress => (
            "Het serveradres klopt niet. Controleer het adres dat je van je beheerder kreeg (het begint met postgres://).".to_string(),
            "The server address is not valid. Check the address your administrator gave you (it starts with postgres://).".to_string(),
        ),
        Unreachable => (
            format!("De server is niet bereikbaar. {KEPT_NL} Controleer je internetverbinding, of vraag je beheerder of de server aan staat."),
            format!("The server cannot be reached. {KEPT_EN} Check your internet connection, or ask your administrator whether the server is running."),
        ),
        Timeout => (
            format!("De server antwoordt niet op tijd. {KEPT_NL} Probeer het later opnieuw."),
            format!("The server does not answer in time. {KEPT_EN} Try again later."),
        ),
        Tls => (
            format!("Een beveiligde verbinding met de server lukt niet: het certificaat van de server klopt niet, of de server biedt geen beveiligde verbinding. {KEPT_NL} Vraag je beheerder om het certificaat te controleren."),
            format!("A secure connection to the server failed: the server's certificate is not valid, or the server offers no secure connection. {KEPT_EN} Ask your administrator to check the certificate."),
        ),
        Login => (
            "De server kent deze inlognaam, dit wachtwoord of deze database niet. Controleer het serveradres dat je van je beheerder kreeg.".to_string(),
            "The server does not know this login name, password or database. Check the server address your administrator gave you.".to_string(),
        ),
        NotAllowed => (
            "Deze inlog mag Draagkracht niet gebruiken. Vraag je beheerder om de rol draagkracht_app aan deze inlog te geven.".to_string(),
            "This login may not use Draagkracht. Ask your administrator to grant the role draagkracht_app to this login.".to_string(),
        ),
        NotSetUp => (
            "De server is niet (of niet helemaal) ingericht voor deze versie van Draagkracht. Vraag je beheerder om de server bij te werken.".to_string(),
            "The server is not (fully) set up for this version of Draagkracht. Ask your administrator to update the server.".to_string(),
        ),
        NewerServer => (
            "De server is ingericht door een nieuwere versie van Draagkracht. Installeer de nieuwste versie van Draagkracht.".to_string(),
            "The server was set up by a newer version of Draagkracht. Please install the latest version.".to_string(),
        ),
        UnknownDevice => (
            "De server herkent deze laptop niet (meer) voor deze afdeling. Misschien is hij uit de afdeling gehaald. Vraag een collega om een nieuwe uitnodiging.".to_string(),
            "The server does not (or no longer) recognise this laptop for this branch. It may have been removed from the branch. Ask a colleague for a new invitation.".to_string(),
        ),
        Revoked => (
            "Deze laptop is uit de afdeling verwijderd en kan niet meer met de andere laptops samenwerken. De gegevens op deze laptop zelf blijven staan. Is dit een vergissing, vraag dan een collega of je beheerder om hulp.".to_string(),
            "This laptop was removed from the branch and can no longer work together with the other laptops. The data on this laptop itself stays. If this is a mistake, ask a colleague or your administrator for help.".to_string(),
        ),
        EpochConflict => (
            "Een andere laptop heeft net ook een laptop uit de afdeling verwijderd. Er is niets overschreven. Synchroniseer eerst en probeer het daarna opnieuw.".to_string(),
            "Another laptop has just removed a laptop from the branch as well. Nothing was overwritten. Synchronise first, then try again.".to_string(),
        ),
        BatchConflict => (
            "Op de server staat onder hetzelfde nummer al een ander pakket wijzigingen van deze laptop. Dat gebeurt als deze laptop is teruggezet uit een reservekopie. Er is niets overschreven. Neem contact op met je beheerder.".to_string(),
            "The server already holds a different batch of changes from this laptop under the same number. This happens when the laptop was restored from a backup. Nothing was overwritten. Please contact your administrator.".to_string(),
        ),
        StaleSnapshot => (
            "Op de server staat een nieuwere stand van deze laptop dan de laptop zelf heeft. Dat gebeurt als deze laptop is teruggezet uit een reservekopie. Er is niets overschreven. Neem contact op met je beheerder.".to_string(),
            "The server holds a newer state of this laptop than the laptop itself. This happens when the laptop was restored from a backup. Nothing was overwritten. Please contact your administrator.".to_string(),
        ),
        BranchExists => (
            "Deze afdeling staat al op de server. Doe mee met een uitnodiging van een collega.".to_string(),
            "This branch is already on the server. Join with an invitation from a colleague.".to_string(),
        ),
        DeviceExists => (
            "Deze laptop staat al op de server met een andere sleutel. Vraag een collega om een nieuwe uitnodiging.".to_string(),
            "This laptop is already on the server with another key. Ask a colleague for a new invitation.".to_string(),
        ),
        InvitationInvalid => (
            "Deze uitnodiging bestaat niet (meer) of is verlopen. Vraag je collega om een nieuwe code.".to_string(),
            "This invitation does not exist (any more) or has expired. Ask your colleague for a new code.".to_string(),
        ),
        InvitationIdTaken => (
            "Deze code is toevallig al in gebruik. Maak een nieuwe uitnodiging.".to_string(),
            "This code happens to be in use already. Make a new invitation.".to_string(),
        ),
        Malformed => (
            format!("De server weigert wat deze laptop stuurde, omdat het niet klopt (een fout in Draagkracht). {KEPT_NL} Neem contact op met je beheerder."),
            format!("The server refuses what this laptop sent because it is not valid (a fault in Draagkracht). {KEPT_EN} Please contact your administrator."),
        ),
        Missing => (
            "Een pakket wijzigingen van een andere laptop staat niet (meer) op de server. Probeer het later opnieuw; blijft het zo, neem contact op met je beheerder.".to_string(),
            "A batch of changes from another laptop is not (or no longer) on the server. Try again later; if it persists, contact your administrator.".to_string(),
        ),
        NotNational => (
            "Deze inlog hoort niet bij het landelijk overzicht, of mag dit niet doen. Vraag je beheerder om een inlog van je afdeling (om te publiceren) of van het landelijk bureau of je regio (om te lezen).".to_string(),
            "This login does not belong to the national picture, or may not do this. Ask your administrator for a login of your branch (to publish) or of the national office or your region (to read).".to_string(),
        ),
        UnknownBranch => (
            "De server kent geen afdeling met de naam uit dit bestand. Maak eerst een inlog voor die afdeling aan (draagkracht-cli national-account), met precies die naam.".to_string(),
            "The server knows no branch by the name in this file. First make a login for that branch (draagkracht-cli national-account), with exactly that name.".to_string(),
        ),
        KeyMismatch => (
            "Dit bestand is ondertekend met een andere sleutel dan de eerdere bestanden van deze afdeling. Het is niet ingelezen. Vraag de afdeling of zij dit bestand echt gemaakt heeft.".to_string(),
            "This file is signed with another key than the branch's earlier files. It was not taken in. Ask the branch whether it really made this file.".to_string(),
        ),
        AlreadyAccepted => (
            "Dit bestand is al eerder ingelezen. Er is niets veranderd.".to_string(),
            "This file was taken in before. Nothing changed.".to_string(),
        ),
        Other => (
            format!("De server meldt een fout. {KEPT_NL} Probeer het later opnieuw; blijft het zo, neem contact op met je beheerder."),
            format!("The server reported an error. {KEPT_EN} Try again later; if it persists, contact your administrator."),
        ),
    };
    (nl, en)
}

/// Classifies a client error: first our own SQLSTATEs and the server's, then the connection.
pub(crate) fn from_pg(e: &tokio_postgres::Error) -> ServerError {
    use ServerErrorKind::*;
    if let Some(db) = e.as_db_error() {
        let code = db.code().code();
        let kind = match code {
            "DK001" => UnknownDevice,
            "DK002" => BatchConflict,
            "DK003" => InvitationInvalid,
            "DK004" => BranchExists,
            "DK005" => DeviceExists,
            "DK006" => StaleSnapshot,
            "DK007" => InvitationIdTaken,
            "DK008" | "DK009" => Malformed,
            "DK010" => Revoked,
            "DK101" => NotNational,
            "DK102" => UnknownBranch,
            "DK103" => KeyMismatch,
            "DK104" => AlreadyAccepted,
            "DK011" => EpochConflict,
            // invalid_password, invalid_authorization_specification, invalid_catalog_name (no such database)
            "28P01" | "28000" | "3D000" => Login,
            // insufficient_privilege: the login lacks draagkracht_app
            "42501" => NotAllowed,
            // undefined_function, invalid_schema_name, undefined_table
            "42883" | "3F000" | "42P01" => NotSetUp,
            // query_canceled (statement_timeout), lock_not_available (lock_timeout)
            "57014" | "55P03" => Timeout,
            // admin_shutdown, crash_shutdown, cannot_connect_now, and the connection class
            c if c.starts_with("57P") || c.starts_with("08") => Unreachable,
            _ => Other,
        };
        return ServerError::new(kind, format!("{}: {}", code, db.message()));
    }
    let detail = chain(e);
    if e.is_closed() {
        return ServerError::new(Unreachable, detail);
    }
    if source_is::<rustls::Error>(e) || e.to_string().contains("TLS") {
        return ServerError::new(Tls, detail);
    }
    if e.to_string().starts_with("invalid connection string") || e.to_string().starts_with("invalid configuration") {
        return ServerError::new(BadAddress, detail);
    }
    if source_is::<std::io::Error>(e) || e.to_string().starts_with("error connecting") {
        return ServerError::new(Unreachable, detail);
    }
    if e.to_string().starts_with("timeout") {
        return ServerError::new(Timeout, detail);
    }
    if e.to_string().starts_with("authentication") {
        return ServerError::new(Login, detail);
    }
    ServerError::new(Other, detail)
}

fn source_is<T: std::error::Error + 'static>(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut next: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = next {
        if err.is::<T>() {
            return true;
        }
        next = err.source();
    }
    false
}

/// The error and its causes on one line.
fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = e.to_string();
    let mut next = e.source();
    while let Some(err) = next {
        out.push_str(": ");
        out.push_str(&err.to_string());
        next = err.source();
    }
    out
}
