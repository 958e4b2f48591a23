//! One synchronisation, in three steps, so that a slow network share or a server that does not
//! answer never holds up the window: [`Draagkracht::sync_prepare`] (the database: seal what waits,
//! note what is applied), [`Round::exchange`] (the network only: deliver, fetch), and
//! [`Draagkracht::sync_finish`] (the database: open and apply in causal order, re-evaluate the
//! signals). The shell holds its database lock for the first and the last step only.

use super::place::{Place, PlaceError};
use super::{problem, rfc3339, sync_error, words, INVITATION_HOURS};
use crate::error::{ApiError, ErrorCode};
use crate::wire::SyncReport;
use crate::Draagkracht;
use chrono::{DateTime, Utc};
use draagkracht_core::sync::{BatchBody, NodeId, Value, VersionVector};
use draagkracht_store::settings;
use draagkracht_store::sync::seal::Header;
use draagkracht_store::sync::{batches, epochs, state, SyncSelf};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use zeroize::Zeroizing;

/// What the database gave for one round, to carry to the place without it.
pub struct Round {
    me: SyncSelf,
    token: Option<Zeroizing<String>>,
    /// Sealed batches not yet delivered: (seq, epoch, bytes).
    outgoing: Vec<(u64, u32, Vec<u8>)>,
    sent_changes: u32,
    seen: VersionVector,
    removed: BTreeSet<NodeId>,
    /// Per removed laptop, how far its batches are taken in.
    removed_upto: BTreeMap<NodeId, u64>,
    known: BTreeSet<NodeId>,
    /// This laptop's "applied" file, sealed.
    applied: Vec<u8>,
    /// A fresh snapshot to put there (after an erasure).
    snapshot: Option<(Header, Vec<u8>)>,
    /// The branch keys and the laptops' verifying keys, to read the others' "applied" files
    /// without the database.
    keys: BTreeMap<u32, Zeroizing<[u8; 32]>>,
    verify_keys: BTreeMap<NodeId, String>,
}

/// A laptop's new batches as read, in order; a batch that could not be read ends the list.
type Fetched = Vec<(u64, Result<Vec<u8>, PlaceError>)>;

/// What the place gave back.
pub struct Exchanged {
    delivered: Vec<u64>,
    /// Per other laptop, its new batches in order; a batch that could not be read ends the list.
    batches: BTreeMap<NodeId, Fetched>,
    epoch_keys: Vec<Vec<u8>>,
    snapshot_written: bool,
    /// This laptop's database is an older copy: its own later batches are in `batches`.
    older_copy: bool,
}

impl Draagkracht {
    /// Sends what waits here and applies what the other laptops wrote: once, now. A failure (the
    /// folder unreachable, the server down) is remembered for the header until a sync succeeds.
    pub fn sync(&mut self, now: DateTime<Utc>) -> Result<SyncReport, ApiError> {
        let round = self.sync_prepare(now)?;
        let exchanged = round.exchange();
        self.sync_finish(round, exchanged, now)
    }

    /// The background sync: a sync when this laptop shares its branch, nothing otherwise.
    pub fn sync_if_sharing(&mut self, now: DateTime<Utc>) -> Result<Option<SyncReport>, ApiError> {
        if state::get(self.db.conn())?.is_none() {
            return Ok(None);
        }
        self.sync(now).map(Some)
    }

    /// Step one (database): seals what waits into a batch and gathers what the exchange needs;
    /// `None` when this laptop does not share its branch.
    pub fn sync_prepare(&mut self, now: DateTime<Utc>) -> Result<Round, ApiError> {
        let waiting = state::outbox_len(self.db.conn())?;
        let sealed = self.db.write(|tx| batches::seal_outbox(tx, &rfc3339(now)).map_err(sync_error))?;
        let conn = self.db.conn();
        let me = state::require(conn).map_err(sync_error)?;
        let devices = state::devices(conn)?;
        let snapshot = if settings::get(conn, settings::SNAPSHOT_STALE)?.is_some() {
            let (header, bytes, _) = batches::seal_snapshot(conn).map_err(sync_error)?;
            Some((header, bytes))
        } else {
            None
        };
        Ok(Round {
            token: state::server_token(conn)?,
            outgoing: state::undelivered(conn)?,
            sent_changes: if sealed.is_some() { waiting as u32 } else { 0 },
            seen: state::seen(conn)?,
            removed: devices.iter().filter(|d| d.removed_at.is_some()).map(|d| d.node).collect(),
            // A removal known without its "how far" (never the case for one taken in from an
            // epoch file) deletes nothing.
            removed_upto: devices
                .iter()
                .filter(|d| d.removed_at.is_some())
                .filter_map(|d| epochs::removed_upto(conn, d.node).transpose().map(|upto| Ok((d.node, upto?))))
                .collect::<Result<_, ApiError>>()?,
            known: devices.iter().map(|d| d.node).collect(),
            verify_keys: devices.iter().filter_map(|d| d.verify_key.clone().map(|k| (d.node, k))).collect(),
            applied: batches::seal_applied(conn).map_err(sync_error)?,
            snapshot,
            keys: state::keys(conn)?,
            me,
        })
    }
}

impl Round {
    /// Step two (network only): delivers what waits, says what this laptop applied, deletes its own
    /// batches every other laptop has, and fetches what is new. No database is touched.
    pub fn exchange(&self) -> Result<Exchanged, PlaceError> {
        let me = &self.me;
        let target = me.target.clone().unwrap_or_default();
        let mut place = Place::open(&target, me.branch_id, me.node, self.token.as_deref().map(String::as_str))?;
        let nodes = place.nodes()?;
        let own = self.seen.get(&me.node).copied().unwrap_or(0);
        // What the others applied of this laptop's batches — those it knows and those at the place
        // it has not heard from yet (a laptop that just joined).
        let others: BTreeSet<NodeId> = self.known.iter().chain(nodes.iter()).copied().collect();
        let applied: Vec<VersionVector> = others
            .iter()
            .filter(|n| **n != me.node && !self.removed.contains(n))
            .map(|node| place.applied_of(*node).and_then(|bytes| self.open_applied(*node, &bytes)).unwrap_or_default())
            .collect();
        // What every laptop still in the branch (this one too) has applied of `node`'s batches.
        let everyone_has_of = |node: NodeId| {
            applied
                .iter()
                .map(|v| v.get(&node).copied().unwrap_or(0))
                .fold(self.seen.get(&node).copied().unwrap_or(0), u64::min)
        };
        let everyone_has = everyone_has_of(me.node);
        let someone_has = applied.iter().map(|v| v.get(&me.node).copied().unwrap_or(0)).max().unwrap_or(0);
        // An older copy of this laptop's database (a backup put back) knows fewer of its own
        // batches than the place: delivering would give numbers already taken. Nothing is
        // delivered then; the later batches come back here instead (`take_in`).
        let delivered_upto = self.outgoing.first().map(|(seq, _, _)| seq - 1).unwrap_or(own);
        let mut older_copy = false;
        // The highest of this laptop's numbers that is its own doing, as far as this copy knows.
        let mut confirmed = delivered_upto;
        for seq in place.batches_after(me.node, delivered_upto)? {
            let ours = self.outgoing.iter().find(|(s, _, _)| *s == seq);
            // The same bytes are a delivery that was not noted before a crash; anything else is not ours.
            let same = match ours {
                Some((_, _, sealed)) => place.read_batch(me.node, seq)? == *sealed,
                None => false,
            };
            older_copy |= !same;
            if same {
                confirmed = confirmed.max(seq);
            }
        }
        // An older copy whose later batches are no longer all at the place (removed once every
        // laptop had them) cannot catch up by itself.
        let gap = older_copy && place.batches_after(me.node, delivered_upto)?.first() != Some(&(delivered_upto + 1));
        if gap || (!older_copy && someone_has > confirmed) {
            return Err(older_copy_refused(someone_has.max(delivered_upto + 1), delivered_upto));
        }
        let mut delivered = vec![];
        let mut snapshot_written = false;
        if !older_copy {
            for (seq, epoch, sealed) in &self.outgoing {
                place.write_batch(me.node, *seq, *epoch, sealed)?;
                delivered.push(*seq);
            }
            place.write_applied(me.node, &self.applied)?;
            if let Some((header, bytes)) = &self.snapshot {
                // Only a laptop that keeps a snapshot there rewrites it (after an erasure).
                if place.snapshot_of(me.node)?.is_some() {
                    place.write_snapshot(me.node, header.seq, header.epoch, bytes)?;
                }
                snapshot_written = true;
            }
            // Compaction, never while an invitation is open (a laptop may still join from the
            // snapshot written with it): this laptop's batches that every other laptop still in the
            // branch has, and what a removed laptop left once every laptop still in the branch has
            // applied as much of it as is taken in (a person erased since may be in it).
            if !place.invitations_open(INVITATION_HOURS as u64)? {
                for seq in place.batches_after(me.node, 0)?.into_iter().filter(|s| *s <= everyone_has) {
                    place.remove_batch(me.node, seq)?;
                }
                for (node, upto) in &self.removed_upto {
                    if nodes.contains(node) && everyone_has_of(*node) >= *upto {
                        place.remove_removed(*node)?;
                    }
                }
            }
        }
        let mut batches = BTreeMap::new();
        // A removed laptop's batches are fetched too: those it delivered before its removal are
        // still taken in (take_in cuts the rest off). This laptop's own only on an older copy.
        for node in nodes.iter().copied().filter(|n| *n != me.node || older_copy) {
            let after = if node == me.node { delivered_upto } else { self.seen.get(&node).copied().unwrap_or(0) };
            let mut list = vec![];
            for seq in place.batches_after(node, after)? {
                let read = place.read_batch(node, seq);
                let failed = read.is_err();
                list.push((seq, read));
                if failed {
                    break;
                }
            }
            batches.insert(node, list);
        }
        // A laptop heard of for the first time has used its invitation; old ones expire.
        let newcomer = nodes.iter().any(|n| !self.known.contains(n));
        place.remove_invitations(me.node, newcomer, INVITATION_HOURS as u64);
        Ok(Exchanged { delivered, batches, epoch_keys: place.epoch_keys()?, snapshot_written, older_copy })
    }

    /// What another laptop's "applied" file says it has applied; nothing when the file cannot be
    /// read or was not signed by that laptop (then nothing is deleted for it).
    fn open_applied(&self, node: NodeId, signed: &[u8]) -> Option<VersionVector> {
        let (header, seen) = batches::open_applied(&self.keys, self.verify_keys.get(&node)?, signed).ok()?;
        (header.node == node && header.branch == self.me.branch_id).then_some(seen)
    }
}

/// Why an older copy of this laptop's database cannot synchronise: the others have batch `theirs`
/// of it, this copy knows `ours`.
fn older_copy_refused(theirs: u64, ours: u64) -> PlaceError {
    PlaceError {
        nl: format!(
            "Deze laptop werkt met een oudere kopie van zijn gegevens (teruggezet uit een reservekopie?): de afdeling heeft al pakket {theirs} van deze laptop, deze kopie kent er {ours}. Om niets te overschrijven is niet gesynchroniseerd. Maak een reservekopie van deze laptop en vraag een collega om een nieuwe uitnodiging om opnieuw aan te sluiten."
        ),
        en: format!(
            "This laptop works with an older copy of its data (a backup put back?): the branch already has batch {theirs} of this laptop, this copy knows {ours}. Nothing was synchronised, so nothing is overwritten. Make a backup of this laptop and ask a colleague for a new invitation to join again."
        ),
        unreachable: false,
    }
}

impl Draagkracht {
    /// Step three (database): takes in what the exchange brought, or remembers why it failed.
    pub fn sync_finish(
        &mut self,
        round: Round,
        exchanged: Result<Exchanged, PlaceError>,
        now: DateTime<Utc>,
    ) -> Result<SyncReport, ApiError> {
        let result = exchanged.map_err(ApiError::from).and_then(|ex| self.take_in(&round, ex, now));
        match result {
            Ok(report) => {
                self.sync_failure = None;
                self.db.write(|tx| state::note_synced(tx, round.me.node, &rfc3339(now)).map_err(ApiError::from))?;
                Ok(report)
            }
            Err(e) => {
                self.sync_failure = Some(e.clone());
                Err(e)
            }
        }
    }

    fn take_in(&mut self, round: &Round, ex: Exchanged, now: DateTime<Utc>) -> Result<SyncReport, ApiError> {
        let mut report = SyncReport { sent_changes: round.sent_changes, ..SyncReport::default() };
        if ex.older_copy {
            self.catch_up_older_copy(round, &ex, &mut report)?;
        }
        for seq in &ex.delivered {
            self.db.write(|tx| state::delivered(tx, *seq).map_err(ApiError::from))?;
            report.sent_batches += 1;
        }
        if ex.snapshot_written {
            self.db.write(|tx| settings::remove(tx, settings::SNAPSHOT_STALE).map_err(ApiError::from))?;
        }
        // Newer epochs first: a batch may be sealed with a key that came with them.
        let mut files: Vec<epochs::EpochKeys> =
            ex.epoch_keys.iter().filter_map(|bytes| serde_json::from_slice(bytes).ok()).collect();
        files.sort_by_key(|k| k.epoch);
        for keys in files {
            self.db.write(|tx| epochs::adopt(tx, &keys, &rfc3339(now)).map_err(sync_error))?;
        }
        let devices = state::devices(self.db.conn())?;
        let removed: BTreeSet<NodeId> = devices.iter().filter(|d| d.removed_at.is_some()).map(|d| d.node).collect();
        let names: BTreeMap<NodeId, String> = devices.into_iter().map(|d| (d.node, d.name)).collect();
        let name_of = |node: NodeId| names.get(&node).cloned().unwrap_or_else(|| node.to_string());
        // Every new batch opened; a laptop's chain stops at the first that cannot be used (the
        // next ones build on it).
        let mut queues: BTreeMap<NodeId, VecDeque<(u64, BatchBody)>> = BTreeMap::new();
        for (node, list) in ex.batches {
            let list: Fetched = if removed.contains(&node) {
                let upto = epochs::removed_upto(self.db.conn(), node)?.unwrap_or(0);
                list.into_iter().filter(|(seq, _)| *seq <= upto).collect()
            } else {
                list
            };
            let queue = queues.entry(node).or_default();
            for (seq, read) in list {
                let opened = read
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
        let mut seen = state::seen(self.db.conn())?;
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
                    let applied = self.db.write(|tx| {
                        draagkracht_store::sync::apply_batch(tx, *node, *seq, body, &noticed_at).map_err(sync_error)
                    });
                    // A batch that cannot be applied (a newer app's data, a row the schema refuses)
                    // stops its own laptop's chain only; the others go on.
                    let done = match applied {
                        Ok(done) => done,
                        Err(e) => {
                            report.problems.push(problem(
                                name_of(*node),
                                Some(*seq),
                                (
                                    format!("kon niet worden verwerkt: {}", e.message),
                                    format!("could not be applied: {}", e.message_en),
                                ),
                            ));
                            queue.clear();
                            break;
                        }
                    };
                    if let Some(ahead) = body.ops.iter().map(|o| o.hlc).max().and_then(|h| h.drift_ahead(wall)) {
                        report.problems.push(problem(body.device_name.clone(), Some(*seq), super::clock_words(ahead)));
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
        report.changes_waiting = state::outbox_len(self.db.conn())?;
        Ok(report)
    }

    /// An older copy of this laptop's database: what it sealed but could not deliver goes back to
    /// the outbox (fields its own later batches at the place do not already hold at that stamp
    /// or newer), so those later batches apply here like a colleague's and the next sync sends
    /// the rest under new numbers. Nothing made on the older copy is lost, nor anything before.
    fn catch_up_older_copy(&mut self, round: &Round, ex: &Exchanged, report: &mut SyncReport) -> Result<(), ApiError> {
        let mut later: BTreeMap<(String, String, String), draagkracht_core::sync::Hlc> = BTreeMap::new();
        let own = ex.batches.get(&round.me.node).map(Vec::as_slice).unwrap_or_default();
        for (_, read) in own {
            let Ok(bytes) = read else { continue };
            let Ok((_, body)) = batches::open_batch(self.db.conn(), bytes) else { continue };
            for op in body.ops {
                let newest = later.entry((op.table, op.row, op.column)).or_default();
                *newest = (*newest).max(op.hlc);
            }
        }
        let back = self.db.write(|tx| {
            batches::take_back_undelivered(tx, |op| {
                later.get(&(op.table.clone(), op.row.clone(), op.column.clone())).is_none_or(|newest| op.hlc > *newest)
            })
            .map_err(sync_error)
        })?;
        let upto = own.last().map(|(seq, _)| *seq).unwrap_or(back);
        report.problems.push(problem(
            round.me.device_name.clone(),
            None,
            (
                format!("werkte met een oudere kopie van zijn gegevens (teruggezet uit een reservekopie?); de pakketten {}–{upto} van deze laptop zijn weer opgehaald, en wat je op deze kopie deed gaat mee met de volgende synchronisatie", back + 1),
                format!("worked with an older copy of its data (a backup put back?); batches {}–{upto} of this laptop were fetched again, and what you did on this copy goes with the next synchronisation", back + 1),
            ),
        ));
        Ok(())
    }

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
}
