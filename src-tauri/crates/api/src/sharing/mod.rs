//! Sharing one branch between laptops (issue 13): start sharing in a folder or on the
//! organisation's server, invite a laptop with a one-time code, join, synchronise, remove a laptop,
//! see the laptops and the "Twee versies".
//!
//! The store captures and merges (store/src/sync); this module moves sealed batches between the
//! database and the place where the laptops meet (`place.rs`), in causal order: a laptop's batches
//! one after the other, each only once every batch its writer had applied is applied here.
//! - `start.rs`: share, invite, join, remove a laptop.
//! - `round.rs`: one synchronisation, in three steps so the window is never held up by the network:
//!   prepare (database), exchange (network only), finish (database).

mod place;
mod round;
mod start;

use crate::error::{ApiError, ErrorCode};
use crate::wire::{DeviceInfo, SharingStatus, SyncProblem, TwoVersionsItem};
use crate::Draagkracht;
use chrono::{DateTime, SecondsFormat, Utc};
use draagkracht_core::sync::{NodeId, Value};
use draagkracht_store::sync::{state, SyncError};
pub use place::{is_server, Folder, Place, PlaceError};
pub use round::{Exchanged, Round};
use std::collections::BTreeMap;

/// How long a join code may be used.
const INVITATION_HOURS: i64 = 24;

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl From<PlaceError> for ApiError {
    fn from(e: PlaceError) -> Self {
        let code = if e.unreachable { ErrorCode::Unreachable } else { ErrorCode::Storage };
        ApiError::new(code, e.nl, e.en)
    }
}

/// A sync error in the coordinator's words (Dutch, English).
fn words(e: &SyncError) -> (String, String) {
    match e {
        SyncError::Unreadable => (
            "kan niet worden geopend met de sleutel van de afdeling: beschadigd, vervalst of van een verwijderde laptop".into(),
            "cannot be opened with the branch key: damaged, forged or from a removed laptop".into(),
        ),
        SyncError::OtherBranch => ("hoort bij een andere afdeling".into(), "belongs to another branch".into()),
        SyncError::Unsigned => (
            "is niet ondertekend door de laptop waarvan het zegt te zijn: vervalst of beschadigd".into(),
            "is not signed by the laptop it names: forged or damaged".into(),
        ),
        SyncError::UnknownEpoch(n) => (
            format!("is versleuteld met sleutel {n}, die deze laptop niet heeft"),
            format!("is sealed with key {n}, which this laptop does not have"),
        ),
        SyncError::UnknownField(f) => (
            format!("bevat gegevens ({f}) van een nieuwere versie van Draagkracht; installeer de nieuwste versie"),
            format!("holds data ({f}) from a newer Draagkracht; please install the latest version"),
        ),
        SyncError::Format(f) => (format!("is geen bestand van Draagkracht ({f})"), format!("is not a Draagkracht file ({f})")),
        other => (other.to_string(), other.to_string()),
    }
}

fn sync_error(e: SyncError) -> ApiError {
    match e {
        SyncError::Store(s) => s.into(),
        SyncError::NotSharing => ApiError::new(
            ErrorCode::NotFound,
            "Deze laptop deelt zijn afdeling nog niet. Kies eerst een gedeelde map of de server.",
            "This laptop does not share its branch yet. Choose a shared folder or the server first.",
        ),
        other => {
            let (nl, en) = words(&other);
            ApiError::new(ErrorCode::Storage, format!("Het bestand {nl}."), format!("The file {en}."))
        }
    }
}

fn invalid(nl: &str, en: &str) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, nl, en)
}

impl Draagkracht {
    pub fn sharing_status(&self) -> Result<SharingStatus, ApiError> {
        let conn = self.db.conn();
        let me = state::get(conn)?;
        let devices = state::devices(conn)?
            .into_iter()
            .map(|d| DeviceInfo {
                id: d.node.to_string(),
                this_laptop: me.as_ref().is_some_and(|m| m.node == d.node),
                name: d.name,
                last_seen: d.last_seen,
                batches: d.applied_seq,
                removed: d.removed_at.is_some(),
            })
            .collect();
        Ok(SharingStatus {
            sharing: me.is_some(),
            branch_id: me.as_ref().map(|m| m.branch_id.to_string()),
            device_name: me.as_ref().map(|m| m.device_name.clone()),
            // A server address goes to the window without its password.
            place: me.as_ref().and_then(|m| m.target.as_deref().map(place::shown)),
            changes_waiting: state::outbox_len(conn)?,
            devices,
            two_versions: state::two_versions(conn)?.len() as u32,
            last_synced_at: me.as_ref().and_then(|m| state::last_synced(conn, m.node).ok().flatten()),
            last_failure: self.sync_failure.clone(),
        })
    }

    /// The open "Twee versies", newest first.
    pub fn two_versions(&self) -> Result<Vec<TwoVersionsItem>, ApiError> {
        let conn = self.db.conn();
        let names: BTreeMap<NodeId, String> = state::devices(conn)?.into_iter().map(|d| (d.node, d.name)).collect();
        let who = |n: NodeId| names.get(&n).cloned().unwrap_or_else(|| n.to_string());
        let when = |h: draagkracht_core::sync::Hlc| {
            DateTime::<Utc>::from_timestamp_millis(h.ms() as i64).map(rfc3339).unwrap_or_default()
        };
        Ok(state::two_versions(conn)?
            .into_iter()
            .map(|v| TwoVersionsItem {
                id: v.id,
                record_label: state::record_label(conn, &v.table, &v.row),
                table: v.table,
                record: v.row,
                field: v.column,
                kept: shown(&v.kept),
                kept_by: who(v.kept_stamp.node),
                kept_at: when(v.kept_stamp.hlc),
                other: shown(&v.lost),
                other_by: who(v.lost_stamp.node),
                other_at: when(v.lost_stamp.hlc),
                noticed_at: v.noticed_at,
            })
            .collect())
    }

    /// Closes a "Twee versies" entry; with `put_back` the other value becomes the field's value
    /// again (a new change, sent to the other laptops at the next sync).
    pub fn settle_two_versions(&mut self, id: i64, put_back: bool, now: DateTime<Utc>) -> Result<(), ApiError> {
        let found =
            self.db.write(|tx| state::settle_two_versions(tx, id, put_back, &rfc3339(now)).map_err(ApiError::from))?;
        if found {
            Ok(())
        } else {
            Err(ApiError::not_found("Deze twee versies", "These two versions"))
        }
    }
}

/// Creates or migrates the sharing schema and roles on the organisation's PostgreSQL server
/// (run once by its administrator, with an account that may create roles); its schema version.
pub fn init_server(url: &str) -> Result<u32, ApiError> {
    draagkracht_server::server_init(url).map_err(|e| ApiError::from(PlaceError::from(e)))
}

impl Draagkracht {
    /// Replaces the wall clock that stamps shared changes: tests of a laptop whose clock is wrong.
    #[doc(hidden)]
    pub fn set_wall_clock_for_tests(&mut self, clock: fn() -> u64) {
        self.db.set_wall_clock(clock);
    }

    /// The place this laptop's branch meets at, opened (a server connects here: call it outside
    /// the window's lock, as [`Round`] does).
    fn place(&self) -> Result<(state::SyncSelf, Place), ApiError> {
        let me = state::require(self.db.conn()).map_err(sync_error)?;
        let target = me.target.clone().ok_or_else(|| sync_error(SyncError::NotSharing))?;
        let token = state::server_token(self.db.conn())?;
        let place = Place::open(&target, me.branch_id, me.node, token.as_deref().map(String::as_str))?;
        Ok((me, place))
    }
}

fn problem(device: String, batch: Option<u64>, (nl, en): (String, String)) -> SyncProblem {
    let (message, message_en) = match batch {
        Some(n) => (format!("Pakket {n} van {device} {nl}."), format!("Batch {n} from {device} {en}.")),
        None => (format!("{device}: {nl}."), format!("{device}: {en}.")),
    };
    SyncProblem { device, batch, message, message_en }
}

fn clock_words(ahead_ms: u64) -> (String, String) {
    let hours = ahead_ms as f64 / 3_600_000.0;
    (
        format!("is gemaakt op een laptop waarvan de klok {hours:.1} uur voorloopt; de wijzigingen zijn toegepast, maar zet die klok goed"),
        format!("was written on a laptop whose clock is {hours:.1} hours fast; the changes were applied, but please set that clock right"),
    )
}

fn shown(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Int(i) => i.to_string(),
        Value::Real(f) => f.to_string(),
        Value::Text(t) => t.clone(),
    }
}

fn hex_key(key: &[u8; 32]) -> String {
    key.iter().map(|b| format!("{b:02x}")).collect()
}

fn key_from_hex(text: &str) -> Option<zeroize::Zeroizing<[u8; 32]>> {
    if text.len() != 64 {
        return None;
    }
    let mut key = zeroize::Zeroizing::new([0u8; 32]);
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(key)
}
