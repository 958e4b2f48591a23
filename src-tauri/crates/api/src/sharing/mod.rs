//! Sharing one branch between laptops (issue 13): start sharing in a folder, invite a laptop with a
//! one-time code, join, synchronise, see the laptops and the "Twee versies".
//!
//! The store captures and merges (store/src/sync); this module moves sealed batches between the
//! database and the shared place, in causal order: a laptop's batches one after the other, each
//! only once every batch its writer had applied is applied here.

mod place;

use crate::error::{ApiError, ErrorCode};
use crate::wire::{DeviceInfo, JoinCodeMade, JoinReport, SharingStatus, SyncProblem, SyncReport, TwoVersionsItem};
use crate::Draagkracht;
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use draagkracht_core::sync::{BatchBody, NodeId, Value};
use draagkracht_store::settings;
use draagkracht_store::sync::seal::{self, Invitation, JoinCode, SealedInvitation};
use draagkracht_store::sync::{batches, snapshot, state, SyncError, SyncSelf};
pub use place::{Folder, PlaceError};
use std::collections::{BTreeMap, VecDeque};
use std::path::Path;

/// How long a join code may be used.
const INVITATION_HOURS: i64 = 24;

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl From<PlaceError> for ApiError {
    fn from(e: PlaceError) -> Self {
        ApiError::new(ErrorCode::Storage, e.nl, e.en)
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
            "Deze laptop deelt zijn afdeling nog niet. Kies eerst een gedeelde map.",
            "This laptop does not share its branch yet. Choose a shared folder first.",
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
    /// Starts sharing this branch in `folder` (the first laptop), or moves it to another folder.
    /// The data as it is now is where the branch starts; a snapshot of it goes to the folder.
    pub fn share_in_folder(
        &mut self,
        folder: &Path,
        device_name: &str,
        now: DateTime<Utc>,
    ) -> Result<SharingStatus, ApiError> {
        let device_name = device_name.trim();
        if device_name.is_empty() {
            return Err(invalid(
                "Geef deze laptop een naam, zodat je collega's hem herkennen.",
                "Give this laptop a name your colleagues will recognise.",
            ));
        }
        let target = folder.display().to_string();
        match state::get(self.db.conn())? {
            Some(me) => {
                Folder::open(folder, me.branch_id)?;
                self.db.write(|tx| state::set_target(tx, &target).map_err(ApiError::from))?;
            }
            None => {
                let me = SyncSelf {
                    branch_id: uuid::Uuid::now_v7(),
                    node: state::new_node(),
                    device_name: device_name.to_string(),
                    epoch: 1,
                    target: Some(target),
                    joined_at: rfc3339(now),
                };
                let place = Folder::open(folder, me.branch_id)?;
                let key = seal::new_key();
                let clock = draagkracht_core::sync::Hlc::new(self.db.wall_ms(), 0);
                self.db.write(|tx| state::begin(tx, &me, &key, clock).map_err(ApiError::from))?;
                let (_, sealed, _) = batches::seal_snapshot(self.db.conn()).map_err(sync_error)?;
                place.write_snapshot(me.node, &sealed)?;
            }
        }
        self.sharing_status()
    }

    fn shared_folder(&self) -> Result<(SyncSelf, Folder), ApiError> {
        let me = state::require(self.db.conn()).map_err(sync_error)?;
        let target = me.target.clone().ok_or_else(|| sync_error(SyncError::NotSharing))?;
        let folder = Folder::open(Path::new(&target), me.branch_id)?;
        Ok((me, folder))
    }

    /// A one-time code for another laptop to join with (valid for 24 hours): sends what waits,
    /// puts a fresh snapshot and the sealed invitation in the shared folder.
    pub fn invite(&mut self, now: DateTime<Utc>) -> Result<JoinCodeMade, ApiError> {
        let (me, folder) = self.shared_folder()?;
        self.push(&me, &folder, now)?;
        let (_, sealed, _) = batches::seal_snapshot(self.db.conn()).map_err(sync_error)?;
        folder.write_snapshot(me.node, &sealed)?;
        let key = state::key(self.db.conn(), me.epoch)?.ok_or_else(|| sync_error(SyncError::UnknownEpoch(me.epoch)))?;
        let code = JoinCode::generate();
        let expires_at = rfc3339(now + Duration::hours(INVITATION_HOURS));
        let invitation = Invitation {
            branch_id: me.branch_id,
            epoch: me.epoch,
            key: hex_key(&key),
            inviter: me.node,
            inviter_name: me.device_name.clone(),
            expires_at: expires_at.clone(),
        };
        let sealed = seal::seal_invitation(code.secret(), code.id(), &invitation).map_err(sync_error)?;
        let json =
            serde_json::to_vec(&sealed).map_err(|e| ApiError::new(ErrorCode::Storage, e.to_string(), e.to_string()))?;
        folder.write_invitation(me.node, code.id(), &json)?;
        Ok(JoinCodeMade { code: code.grouped(), expires_at })
    }

    /// Joins the branch whose invitation in `folder` the code opens: this database (new, not set
    /// up) takes the branch's newest snapshot, then every later batch. `progress` hears
    /// (step, steps) while the snapshot loads.
    pub fn join_from_folder(
        &mut self,
        folder: &Path,
        code: &str,
        device_name: &str,
        now: DateTime<Utc>,
        mut progress: impl FnMut(u32, u32),
    ) -> Result<JoinReport, ApiError> {
        let device_name = device_name.trim();
        if device_name.is_empty() {
            return Err(invalid(
                "Geef deze laptop een naam, zodat je collega's hem herkennen.",
                "Give this laptop a name your colleagues will recognise.",
            ));
        }
        if state::get(self.db.conn())?.is_some() || settings::get(self.db.conn(), settings::SET_UP)?.is_some() {
            return Err(invalid(
                "Deze database is al in gebruik. Een laptop sluit aan met een nieuwe, lege database; er is niets veranderd.",
                "This database is already in use. A laptop joins with a new, empty database; nothing was changed.",
            ));
        }
        let code = JoinCode::parse(code).ok_or_else(|| {
            invalid(
                "Een code heeft 20 letters en cijfers, zoals ABCD-EFGH-JKMN-PQRS-TVWX.",
                "A code has 20 letters and digits, like ABCD-EFGH-JKMN-PQRS-TVWX.",
            )
        })?;
        let Some((branch, bytes)) = place::find_invitation(folder, code.id())? else {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!("In {} staat geen uitnodiging met deze code. Kijk of het de goede map is en of de code nog geldig is.", folder.display()),
                format!("{} holds no invitation with this code. Check the folder, and that the code is still valid.", folder.display()),
            ));
        };
        let sealed: SealedInvitation =
            serde_json::from_slice(&bytes).map_err(|e| sync_error(SyncError::Format(e.to_string())))?;
        progress(0, 3);
        let invitation = seal::open_invitation(code.secret(), code.id(), &sealed).map_err(|e| match e {
            SyncError::Unreadable => ApiError::new(
                ErrorCode::WrongPassphrase,
                "Deze code klopt niet. Er is niets veranderd; kijk de code na.",
                "This code is not right. Nothing was changed; please check the code.",
            ),
            other => sync_error(other),
        })?;
        if invitation.branch_id != branch {
            return Err(sync_error(SyncError::OtherBranch));
        }
        if invitation.expires_at.as_str() < rfc3339(now).as_str() {
            return Err(invalid(
                "Deze code is verlopen. Vraag je collega om een nieuwe uitnodiging.",
                "This code has expired. Ask your colleague for a new invitation.",
            ));
        }
        let key = key_from_hex(&invitation.key).ok_or_else(|| sync_error(SyncError::Unreadable))?;
        let place = Folder::open(folder, branch)?;
        progress(1, 3);
        // The inviter's snapshot, written with the invitation: it covers every batch that was
        // already deleted (a laptop deletes only what every laptop, the inviter too, has).
        // Failing that, the one that has seen the most batches.
        let mut best: Option<snapshot::Snapshot> = None;
        let inviters = place.snapshot_of(invitation.inviter)?.map(|s| vec![(invitation.inviter, s)]);
        for (_, sealed) in inviters.map(Ok).unwrap_or_else(|| place.snapshots())? {
            if let Ok((header, snap)) = batches::open_snapshot(&key, &sealed) {
                if header.branch == branch
                    && best.as_ref().is_none_or(|b| snap.seen.values().sum::<u64>() > b.seen.values().sum::<u64>())
                {
                    best = Some(snap);
                }
            }
        }
        let snap = best.ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                "In de gedeelde map staat geen leesbare stand van de afdeling. Vraag je collega om opnieuw uit te nodigen.",
                "The shared folder holds no readable state of the branch. Ask your colleague to invite again.",
            )
        })?;
        progress(2, 3);
        let me = SyncSelf {
            branch_id: branch,
            node: state::new_node(),
            device_name: device_name.to_string(),
            epoch: invitation.epoch,
            target: Some(folder.display().to_string()),
            joined_at: rfc3339(now),
        };
        let records = snap.records() as u64;
        let clock = snapshot::newest(&snap).max(draagkracht_core::sync::Hlc::new(self.db.wall_ms(), 0));
        self.db.write(|tx| {
            snapshot::load(tx, &snap, |_, _, _| {}).map_err(sync_error)?;
            state::begin(tx, &me, &key, clock)?;
            settings::set(tx, settings::SET_UP, "joined")?;
            batches::seal_announcement(tx, &rfc3339(now)).map_err(sync_error)?;
            Ok::<_, ApiError>(())
        })?;
        progress(3, 3);
        let sync = self.sync(now)?;
        Ok(JoinReport { branch_id: branch.to_string(), records, sync })
    }

    /// Sends what waits here and applies what the other laptops wrote: once, now. A failure (the
    /// folder unreachable) is remembered for the header until a sync succeeds.
    pub fn sync(&mut self, now: DateTime<Utc>) -> Result<SyncReport, ApiError> {
        match self.sync_once(now) {
            Ok(report) => {
                self.sync_failure = None;
                let me = state::require(self.db.conn()).map_err(sync_error)?;
                self.db.write(|tx| state::note_synced(tx, me.node, &rfc3339(now)).map_err(ApiError::from))?;
                Ok(report)
            }
            Err(e) => {
                self.sync_failure = Some(e.clone());
                Err(e)
            }
        }
    }

    fn sync_once(&mut self, now: DateTime<Utc>) -> Result<SyncReport, ApiError> {
        let (me, folder) = self.shared_folder()?;
        let mut report = self.push(&me, &folder, now)?;
        let names: BTreeMap<NodeId, String> =
            state::devices(self.db.conn())?.into_iter().map(|d| (d.node, d.name)).collect();
        let name_of = |node: NodeId| names.get(&node).cloned().unwrap_or_else(|| node.to_string());
        self.adopt_epochs(&folder, now)?;
        let removed: Vec<NodeId> =
            state::devices(self.db.conn())?.into_iter().filter(|d| d.removed_at.is_some()).map(|d| d.node).collect();
        let mut seen = state::seen(self.db.conn())?;
        // Every new batch of every other laptop, read and opened; a laptop's chain stops at the
        // first batch that cannot be used (the next ones build on it).
        let mut queues: BTreeMap<NodeId, VecDeque<(u64, BatchBody)>> = BTreeMap::new();
        for node in folder.nodes()? {
            // A removed laptop's later batches are not taken in.
            if node == me.node || removed.contains(&node) {
                continue;
            }
            let applied = seen.get(&node).copied().unwrap_or(0);
            let queue = queues.entry(node).or_default();
            for seq in folder.batches(node)?.into_iter().filter(|s| *s > applied) {
                let opened = folder
                    .read_batch(node, seq)
                    .map_err(|e| (e.nl, e.en))
                    .and_then(|bytes| batches::open_batch(self.db.conn(), &bytes).map_err(|e| words(&e)));
                match opened {
                    Ok((header, body)) if header.node == node && header.seq == seq => queue.push_back((seq, body)),
                    Ok(_) => {
                        report.problems.push(problem(
                            name_of(node),
                            Some(seq),
                            (
                                "staat onder een verkeerde naam (een kopie of een vervalsing) en is overgeslagen"
                                    .into(),
                                "is filed under a wrong name (a copy or a forgery) and was skipped".into(),
                            ),
                        ));
                        break;
                    }
                    Err(words) => {
                        report.problems.push(problem(name_of(node), Some(seq), words));
                        break;
                    }
                }
            }
        }
        let noticed_at = rfc3339(now);
        let wall = self.db.wall_ms();
        loop {
            let mut progressed = false;
            for (node, queue) in queues.iter_mut() {
                while let Some((seq, body)) = queue.front() {
                    let applied = seen.get(node).copied().unwrap_or(0);
                    if *seq <= applied {
                        queue.pop_front();
                        continue;
                    }
                    if *seq != applied + 1 || !body.ready(&seen) {
                        break;
                    }
                    self.erase_arriving(body, now)?;
                    let done = self.db.write(|tx| {
                        draagkracht_store::sync::apply_batch(tx, *node, *seq, body, &noticed_at).map_err(sync_error)
                    })?;
                    if let Some(ahead) = body.ops.iter().map(|o| o.hlc).max().and_then(|h| h.drift_ahead(wall)) {
                        report.problems.push(problem(body.device_name.clone(), Some(*seq), clock_words(ahead)));
                    }
                    report.received_batches += 1;
                    report.received_changes += done.ops as u32;
                    report.changed_here += done.won as u32;
                    report.new_two_versions += done.two_versions as u32;
                    seen.insert(*node, *seq);
                    queue.pop_front();
                    progressed = true;
                }
            }
            if !progressed {
                break;
            }
        }
        report.waiting_batches = queues.values().map(|q| q.len() as u32).sum();
        // Signals are computed here from the shared data: what arrived may open or clear some, and
        // the coordinators' acts on them are carried over.
        if report.received_changes > 0 {
            self.evaluate_all(now.with_timezone(&chrono::Local).date_naive())?;
        }
        self.tidy_shared_place(&me, &folder)?;
        // A laptop heard of for the first time has used its invitation; old ones expire.
        if names.len() < state::devices(self.db.conn())?.len() {
            folder.remove_invitations(me.node, None);
        } else {
            folder.remove_invitations(
                me.node,
                std::time::SystemTime::now()
                    .checked_sub(std::time::Duration::from_secs(INVITATION_HOURS as u64 * 3600)),
            );
        }
        report.changes_waiting = state::outbox_len(self.db.conn())?;
        Ok(report)
    }

    /// Seals what waits and delivers every sealed batch not yet delivered.
    fn push(&mut self, me: &SyncSelf, folder: &Folder, now: DateTime<Utc>) -> Result<SyncReport, ApiError> {
        let mut report = SyncReport::default();
        let waiting = state::outbox_len(self.db.conn())?;
        if self.db.write(|tx| batches::seal_outbox(tx, &rfc3339(now)).map_err(sync_error))?.is_some() {
            report.sent_changes = waiting as u32;
        }
        for (seq, _, sealed) in state::undelivered(self.db.conn())? {
            folder.write_batch(me.node, seq, &sealed)?;
            self.db.write(|tx| state::delivered(tx, seq).map_err(ApiError::from))?;
            report.sent_batches += 1;
        }
        Ok(report)
    }

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
            place: me.as_ref().and_then(|m| m.target.clone()),
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

impl Draagkracht {
    /// Replaces the wall clock that stamps shared changes: tests of a laptop whose clock is wrong.
    #[doc(hidden)]
    pub fn set_wall_clock_for_tests(&mut self, clock: fn() -> u64) {
        self.db.set_wall_clock(clock);
    }
}

impl Draagkracht {
    /// Removes a laptop from the branch (lost, stolen, a colleague who left): a new branch key
    /// for the remaining laptops, so it can read nothing written from now on; its batches are
    /// no longer taken in. Laptops that never synced (their key is unknown) must be invited again:
    /// they are named in the answer.
    pub fn remove_laptop(&mut self, device: &str, now: DateTime<Utc>) -> Result<Vec<String>, ApiError> {
        let (me, folder) = self.shared_folder()?;
        let node = NodeId::parse(device.trim()).filter(|n| *n != me.node).ok_or_else(|| {
            invalid(
                "Kies een andere laptop van de afdeling dan deze.",
                "Choose another laptop of the branch than this one.",
            )
        })?;
        if !state::devices(self.db.conn())?.iter().any(|d| d.node == node && d.removed_at.is_none()) {
            return Err(ApiError::not_found("Deze laptop", "This laptop"));
        }
        self.push(&me, &folder, now)?;
        let (keys, missing) = self
            .db
            .write(|tx| draagkracht_store::sync::epochs::remove_device(tx, node, &rfc3339(now)).map_err(sync_error))?;
        let json =
            serde_json::to_vec(&keys).map_err(|e| ApiError::new(ErrorCode::Storage, e.to_string(), e.to_string()))?;
        folder.write_epoch_keys(me.node, keys.epoch, &json)?;
        folder.remove_laptop(node);
        // The snapshot for laptops that join from now on, sealed with the new key.
        let (_, sealed, _) = batches::seal_snapshot(self.db.conn()).map_err(sync_error)?;
        folder.write_snapshot(me.node, &sealed)?;
        let names: BTreeMap<NodeId, String> =
            state::devices(self.db.conn())?.into_iter().map(|d| (d.node, d.name)).collect();
        Ok(missing.into_iter().map(|n| names.get(&n).cloned().unwrap_or_else(|| n.to_string())).collect())
    }

    /// Takes in the keys of newer epochs that other laptops made when they removed one.
    fn adopt_epochs(&mut self, folder: &Folder, now: DateTime<Utc>) -> Result<(), ApiError> {
        let mut files: Vec<draagkracht_store::sync::epochs::EpochKeys> =
            folder.epoch_keys()?.iter().filter_map(|bytes| serde_json::from_slice(bytes).ok()).collect();
        files.sort_by_key(|k| k.epoch);
        for keys in files {
            self.db.write(|tx| draagkracht_store::sync::epochs::adopt(tx, &keys, &rfc3339(now)).map_err(sync_error))?;
        }
        Ok(())
    }

    /// After a sync: says what this laptop has applied, deletes its own batches that every other
    /// laptop has applied (compaction: a laptop that joins starts from the inviter's snapshot),
    /// and rewrites its snapshot after an erasure so no copy of the erased person stays behind.
    fn tidy_shared_place(&mut self, me: &SyncSelf, folder: &Folder) -> Result<(), ApiError> {
        let conn = self.db.conn();
        folder.write_applied(me.node, &batches::seal_applied(conn).map_err(sync_error)?)?;
        let own = state::seen(conn)?.get(&me.node).copied().unwrap_or(0);
        let mut everyone_has = own;
        for device in state::devices(conn)?.into_iter().filter(|d| d.node != me.node && d.removed_at.is_none()) {
            let applied = folder
                .applied_of(device.node)
                .and_then(|bytes| batches::open_applied(conn, &bytes).ok())
                .and_then(|(header, seen)| {
                    (header.node == device.node).then(|| seen.get(&me.node).copied().unwrap_or(0))
                })
                .unwrap_or(0);
            everyone_has = everyone_has.min(applied);
        }
        for seq in folder.batches(me.node)?.into_iter().filter(|s| *s <= everyone_has) {
            folder.remove_batch(me.node, seq)?;
        }
        if settings::get(conn, settings::SNAPSHOT_STALE)?.is_some() {
            if folder.snapshot_of(me.node)?.is_some() {
                let (_, sealed, _) = batches::seal_snapshot(conn).map_err(sync_error)?;
                folder.write_snapshot(me.node, &sealed)?;
            }
            self.db.write(|tx| settings::remove(tx, settings::SNAPSHOT_STALE).map_err(ApiError::from))?;
        }
        Ok(())
    }

    /// Erases here, before the batch is applied, every person the batch says was erased on
    /// another laptop: while their name is still here, so free text naming them is found too.
    fn erase_arriving(&mut self, body: &BatchBody, now: DateTime<Utc>) -> Result<(), ApiError> {
        use crate::wire::PersonRef;
        for op in body.ops.iter().filter(|o| o.table == "erasures" && o.column == "kind") {
            let Value::Text(kind) = &op.value else { continue };
            let person = match kind.as_str() {
                "volunteer" => draagkracht_core::VolunteerId::parse(&op.row).map(PersonRef::Volunteer),
                "participant" => draagkracht_core::ParticipantId::parse(&op.row).map(PersonRef::Participant),
                _ => None,
            };
            if let Some(person) = person {
                self.db.write(|tx| settings::set(tx, settings::SNAPSHOT_STALE, "1").map_err(ApiError::from))?;
                match self.erase_here(person, now.with_timezone(&chrono::Local).date_naive()) {
                    Ok(_) => {}
                    // Never known here: nothing to erase.
                    Err(e) if e.code == ErrorCode::NotFound => {}
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(())
    }

    /// The background sync: a sync when this laptop shares its branch, nothing otherwise.
    pub fn sync_if_sharing(&mut self, now: DateTime<Utc>) -> Result<Option<SyncReport>, ApiError> {
        if state::get(self.db.conn())?.is_none() {
            return Ok(None);
        }
        self.sync(now).map(Some)
    }
}
