//! Starting to share, inviting, joining and removing a laptop: what a coordinator does once in a
//! while, each talking to the place where the laptops meet directly.

use super::place::{self, is_server, Place};
use super::{invalid, rfc3339, sync_error, INVITATION_HOURS};
use crate::error::{ApiError, ErrorCode};
use crate::wire::{JoinCodeMade, JoinReport, SharingStatus};
use crate::Draagkracht;
use chrono::{DateTime, Duration, Utc};
use draagkracht_core::sync::{Hlc, NodeId};
use draagkracht_core::Field;
use draagkracht_store::settings;
use draagkracht_store::sync::seal::{self, Invitation, JoinCode, SealedInvitation};
use draagkracht_store::sync::{batches, epochs, signature, snapshot, state, SyncError, SyncSelf};
use std::collections::BTreeMap;
use std::path::Path;

fn named(device_name: &str) -> Result<&str, ApiError> {
    let name = device_name.trim();
    if name.is_empty() {
        return Err(invalid(
            "Geef deze laptop een naam, zodat je collega's hem herkennen.",
            "Give this laptop a name your colleagues will recognise.",
        )
        .at(Field::Name));
    }
    Ok(name)
}

/// A failure about the folder or server address (the address, the login, the certificate): the
/// form shows it at that field. A place that cannot be reached now is said above the form: the
/// address may well be right.
fn at_place(e: impl Into<ApiError>) -> ApiError {
    let e = e.into();
    if e.code == ErrorCode::Unreachable {
        e
    } else {
        e.at(Field::Path)
    }
}

/// A failure about the join code: the form shows it at the code.
fn at_code(e: ApiError) -> ApiError {
    e.at(Field::RecoveryCode)
}

impl Draagkracht {
    /// Starts sharing this branch at `target` — a shared folder, or the organisation's server
    /// (`postgres://…`) — as its first laptop; or, when it shares already, moves to another folder.
    /// The data as it is now is where the branch starts; a snapshot of it goes there.
    pub fn share_in_folder(
        &mut self,
        target: &Path,
        device_name: &str,
        now: DateTime<Utc>,
    ) -> Result<SharingStatus, ApiError> {
        self.share(&target.display().to_string(), device_name, now)
    }

    pub fn share(&mut self, target: &str, device_name: &str, now: DateTime<Utc>) -> Result<SharingStatus, ApiError> {
        let device_name = named(device_name)?;
        let target = target.trim().to_string();
        match state::get(self.db.conn())? {
            Some(me) => {
                if is_server(&target) || me.target.as_deref().is_some_and(is_server) {
                    return Err(invalid(
                        "Deze afdeling werkt al samen. Een andere map kiezen kan; wisselen tussen map en server nog niet.",
                        "This branch already works together. Choosing another folder is possible; switching between folder and server is not yet.",
                    ));
                }
                let new = place::Folder::open(Path::new(&target), me.branch_id).map_err(at_place)?;
                if let Some(old) =
                    me.target.as_deref().and_then(|t| place::Folder::open(Path::new(t), me.branch_id).ok())
                {
                    new.take_over(&old)?;
                }
                self.db.write(|tx| state::set_target(tx, &target).map_err(ApiError::from))?;
            }
            None => {
                let me = SyncSelf {
                    branch_id: uuid::Uuid::now_v7(),
                    node: state::new_node(),
                    device_name: device_name.to_string(),
                    epoch: 1,
                    target: Some(target.clone()),
                    joined_at: rfc3339(now),
                };
                let (mut place, token) = if is_server(&target) {
                    let (server, token) = draagkracht_server::Server::register_first(&target, me.branch_id, me.node)
                        .map_err(|e| at_place(place::PlaceError::from(e)))?;
                    (Place::Server(Box::new(server)), Some(token))
                } else {
                    (Place::open(&target, me.branch_id, me.node, None).map_err(at_place)?, None)
                };
                let key = seal::new_key();
                let clock = Hlc::new(self.db.wall_ms(), 0);
                self.db.write(|tx| {
                    state::begin(tx, &me, &key, clock)?;
                    if let Some(token) = &token {
                        state::set_server_token(tx, &token.to_hex())?;
                    }
                    Ok::<_, ApiError>(())
                })?;
                let (header, sealed, _) = batches::seal_snapshot(self.db.conn()).map_err(sync_error)?;
                place.write_snapshot(me.node, header.seq, header.epoch, &sealed)?;
            }
        }
        self.sharing_status()
    }

    /// The verifying key of every laptop this one knows, its own too, for an invitation.
    fn verify_keys(&mut self) -> Result<BTreeMap<NodeId, String>, ApiError> {
        self.db.write(|tx| {
            let me = state::require(tx).map_err(sync_error)?;
            let own = signature::own_verify_hex(tx)?;
            signature::keep(tx, me.node, &own)?;
            Ok(state::devices(tx)?.into_iter().filter_map(|d| d.verify_key.map(|k| (d.node, k))).collect())
        })
    }

    /// A one-time code for another laptop to join with (valid for 24 hours): sends what waits,
    /// puts a fresh snapshot and the sealed invitation where the laptops meet.
    pub fn invite(&mut self, now: DateTime<Utc>) -> Result<JoinCodeMade, ApiError> {
        self.sync(now)?;
        let (me, mut place) = self.place()?;
        let (header, sealed, _) = batches::seal_snapshot(self.db.conn()).map_err(sync_error)?;
        place.write_snapshot(me.node, header.seq, header.epoch, &sealed)?;
        let key = state::key(self.db.conn(), me.epoch)?.ok_or_else(|| sync_error(SyncError::UnknownEpoch(me.epoch)))?;
        let code = JoinCode::generate();
        let expires = now + Duration::hours(INVITATION_HOURS);
        let invitation = Invitation {
            branch_id: me.branch_id,
            epoch: me.epoch,
            key: super::hex_key(&key),
            inviter: me.node,
            inviter_name: me.device_name.clone(),
            expires_at: rfc3339(expires),
            earlier_keys: state::keys(self.db.conn())?
                .iter()
                .filter(|(epoch, _)| **epoch != me.epoch)
                .map(|(epoch, key)| (*epoch, super::hex_key(key)))
                .collect(),
            verify_keys: self.verify_keys()?,
        };
        let sealed = seal::seal_invitation(code.secret(), code.id(), &invitation).map_err(sync_error)?;
        let json =
            serde_json::to_vec(&sealed).map_err(|e| ApiError::new(ErrorCode::Storage, e.to_string(), e.to_string()))?;
        place.write_invitation(me.node, code.id(), &json, expires)?;
        Ok(JoinCodeMade { code: code.grouped(), expires_at: rfc3339(expires) })
    }

    /// Joins, from a shared folder, the branch whose invitation the code opens.
    pub fn join_from_folder(
        &mut self,
        folder: &Path,
        code: &str,
        device_name: &str,
        now: DateTime<Utc>,
        progress: impl FnMut(u32, u32),
    ) -> Result<JoinReport, ApiError> {
        self.join(&folder.display().to_string(), code, device_name, now, progress)
    }

    /// Joins the branch whose invitation at `target` (a folder or the server) the code opens: this
    /// database (new, not set up) takes the inviter's snapshot, then every later batch. `progress`
    /// hears (step, steps).
    pub fn join(
        &mut self,
        target: &str,
        code: &str,
        device_name: &str,
        now: DateTime<Utc>,
        mut progress: impl FnMut(u32, u32),
    ) -> Result<JoinReport, ApiError> {
        let device_name = named(device_name)?;
        let target = target.trim();
        if state::get(self.db.conn())?.is_some() || settings::get(self.db.conn(), settings::SET_UP)?.is_some() {
            return Err(invalid(
                "Deze database is al in gebruik. Een laptop sluit aan met een nieuwe, lege database; er is niets veranderd.",
                "This database is already in use. A laptop joins with a new, empty database; nothing was changed.",
            ));
        }
        let code = JoinCode::parse(code).ok_or_else(|| {
            at_code(invalid(
                "Een code heeft 20 letters en cijfers, zoals ABCD-EFGH-JKMN-PQRS-TVWX.",
                "A code has 20 letters and digits, like ABCD-EFGH-JKMN-PQRS-TVWX.",
            ))
        })?;
        progress(0, 4);
        let found = if is_server(target) {
            draagkracht_server::find_invitation(target, code.id()).map_err(|e| at_place(place::PlaceError::from(e)))?
        } else {
            place::find_invitation(Path::new(target), code.id()).map_err(at_place)?
        };
        let Some((branch, bytes)) = found else {
            // About the place and the code both: said above the form.
            return Err(ApiError::new(
                ErrorCode::NotFound,
                format!("In {} staat geen uitnodiging met deze code. Kijk of het de goede plek is en of de code nog geldig is.", place::shown(target)),
                format!("{} holds no invitation with this code. Check the place, and that the code is still valid.", place::shown(target)),
            ));
        };
        let sealed: SealedInvitation =
            serde_json::from_slice(&bytes).map_err(|e| sync_error(SyncError::Format(e.to_string())))?;
        let invitation = seal::open_invitation(code.secret(), code.id(), &sealed).map_err(|e| match e {
            SyncError::Unreadable => at_code(ApiError::new(
                ErrorCode::WrongPassphrase,
                "Deze code klopt niet. Er is niets veranderd; kijk de code na.",
                "This code is not right. Nothing was changed; please check the code.",
            )),
            other => sync_error(other),
        })?;
        if invitation.branch_id != branch {
            return Err(sync_error(SyncError::OtherBranch));
        }
        if invitation.expires_at.as_str() < rfc3339(now).as_str() {
            return Err(at_code(invalid(
                "Deze code is verlopen. Vraag je collega om een nieuwe uitnodiging.",
                "This code has expired. Ask your colleague for a new invitation.",
            )));
        }
        let key = super::key_from_hex(&invitation.key).ok_or_else(|| sync_error(SyncError::Unreadable))?;
        let node = state::new_node();
        let (mut place, token) = if is_server(target) {
            let (server, token) = draagkracht_server::Server::register_joining(target, branch, node, code.id())
                .map_err(|e| {
                    let about_the_code = e.kind == draagkracht_server::ServerErrorKind::InvitationInvalid;
                    let e = ApiError::from(place::PlaceError::from(e));
                    if about_the_code {
                        at_code(e)
                    } else {
                        at_place(e)
                    }
                })?;
            (Place::Server(Box::new(server)), Some(token))
        } else {
            (Place::open(target, branch, node, None).map_err(at_place)?, None)
        };
        progress(1, 4);
        // The inviter's snapshot, written with the invitation: it covers every batch that was
        // already deleted (a laptop deletes only what every laptop, the inviter too, has).
        // Failing that, the one that has seen the most batches.
        let candidates = match place.snapshot_of(invitation.inviter)? {
            Some(s) => vec![(invitation.inviter, s)],
            None => place.snapshots()?,
        };
        let mut best: Option<snapshot::Snapshot> = None;
        for (_, sealed) in candidates {
            if let Ok((header, snap)) = batches::open_snapshot(&key, &sealed, &invitation.verify_keys) {
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
                "Er staat geen leesbare stand van de afdeling klaar. Vraag je collega om opnieuw uit te nodigen.",
                "No readable state of the branch is there. Ask your colleague to invite again.",
            )
        })?;
        progress(2, 4);
        let me = SyncSelf {
            branch_id: branch,
            node,
            device_name: device_name.to_string(),
            epoch: invitation.epoch,
            target: Some(target.to_string()),
            joined_at: rfc3339(now),
        };
        let records = snap.records() as u64;
        let clock = snapshot::newest(&snap).max(Hlc::new(self.db.wall_ms(), 0));
        self.db.write(|tx| {
            snapshot::load(tx, &snap).map_err(sync_error)?;
            state::begin(tx, &me, &key, clock)?;
            for (epoch, hex) in &invitation.earlier_keys {
                if let Some(earlier) = super::key_from_hex(hex) {
                    state::add_key(tx, *epoch, &earlier)?;
                }
            }
            if let Some(token) = &token {
                state::set_server_token(tx, &token.to_hex())?;
            }
            settings::set(tx, settings::SET_UP, "joined")?;
            batches::seal_announcement(tx, &rfc3339(now)).map_err(sync_error)?;
            Ok::<_, ApiError>(())
        })?;
        drop(place);
        progress(3, 4);
        let sync = self.sync(now)?;
        progress(4, 4);
        Ok(JoinReport { branch_id: branch.to_string(), records, sync })
    }

    /// Removes a laptop from the branch (lost, stolen, a colleague who left): a new branch key
    /// for the remaining laptops, so it can read nothing written from now on; its batches are
    /// no longer taken in. Laptops that never synced (their key is unknown) must be invited again:
    /// they are named in the answer.
    pub fn remove_laptop(&mut self, device: &str, now: DateTime<Utc>) -> Result<Vec<String>, ApiError> {
        self.sync(now)?;
        let (me, mut place) = self.place()?;
        let node = NodeId::parse(device.trim()).filter(|n| *n != me.node).ok_or_else(|| {
            invalid(
                "Kies een andere laptop van de afdeling dan deze.",
                "Choose another laptop of the branch than this one.",
            )
        })?;
        if !state::devices(self.db.conn())?.iter().any(|d| d.node == node && d.removed_at.is_none()) {
            return Err(ApiError::not_found("Deze laptop", "This laptop"));
        }
        // The new epoch's file goes to the place first and only then into this database: a place
        // that cannot be reached, or where another laptop made this epoch meanwhile, leaves
        // everything as it was (on the server the second file is refused; in a folder the other
        // laptop's file is looked for first).
        let (keys, key, missing) = epochs::plan_removal(self.db.conn(), node).map_err(sync_error)?;
        let json =
            serde_json::to_vec(&keys).map_err(|e| ApiError::new(ErrorCode::Storage, e.to_string(), e.to_string()))?;
        let made_meanwhile = place.epoch_keys()?.iter().any(|bytes| {
            serde_json::from_slice::<epochs::EpochKeys>(bytes).is_ok_and(|k| k.epoch == keys.epoch && k.from != me.node)
        });
        if made_meanwhile {
            return Err(ApiError::new(
                ErrorCode::Storage,
                "Een andere laptop heeft net ook een laptop uit de afdeling verwijderd. Er is niets veranderd. Synchroniseer eerst en probeer het daarna opnieuw.",
                "Another laptop has just removed a laptop from the branch as well. Nothing was changed. Synchronise first, then try again.",
            ));
        }
        place.write_epoch_keys(me.node, keys.epoch, &json)?;
        self.db.write(|tx| epochs::commit_removal(tx, &keys, &key, &rfc3339(now)).map_err(sync_error))?;
        place.remove_laptop(node)?;
        // The snapshot for laptops that join from now on, sealed with the new key.
        let (header, sealed, _) = batches::seal_snapshot(self.db.conn()).map_err(sync_error)?;
        place.write_snapshot(me.node, header.seq, header.epoch, &sealed)?;
        let names: BTreeMap<NodeId, String> =
            state::devices(self.db.conn())?.into_iter().map(|d| (d.node, d.name)).collect();
        Ok(missing.into_iter().map(|n| names.get(&n).cloned().unwrap_or_else(|| n.to_string())).collect())
    }
}
