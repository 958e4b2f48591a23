//! Where a branch's laptops meet: a folder (a OneDrive/SharePoint/Nextcloud sync folder, a network
//! share, a USB stick) or, later in issue 13, the organisation's PostgreSQL server. Both hold the
//! same sealed bytes; neither can read them.
//!
//! In a folder each laptop writes only its own subfolder, `draagkracht-<branch>/<laptop>/`, every
//! file through a temporary name and a rename, so no two laptops ever write one file and a reader
//! never sees half a file (Joplin's file targets work alike; see shared/SYNC-ANCHORS.md §4). A
//! missing or empty folder only means "nothing new": nothing is ever deleted because a file is
//! absent.

use draagkracht_core::sync::NodeId;
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// What went wrong at the shared place, in the coordinator's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceError {
    pub nl: String,
    pub en: String,
    /// The place cannot be reached now (folder missing, server down or slow): nothing is wrong with
    /// the data, and a later try may work.
    pub unreachable: bool,
}

fn io(e: std::io::Error, what_nl: &str, what_en: &str, path: &Path) -> PlaceError {
    PlaceError {
        nl: format!("{what_nl} {} lukte niet: {e}.", path.display()),
        en: format!("{what_en} {} failed: {e}.", path.display()),
        unreachable: false,
    }
}

/// A shared folder, opened for one branch.
#[derive(Debug, Clone)]
pub struct Folder {
    /// The folder the coordinator chose.
    chosen: PathBuf,
    /// `draagkracht-<branch>` inside it.
    root: PathBuf,
}

const BATCH_PREFIX: &str = "b-";
const BATCH_SUFFIX: &str = ".dkb";
const SNAPSHOT: &str = "snapshot.dks";
const APPLIED: &str = "applied.dks";
const EPOCH_PREFIX: &str = "keys-";
const EPOCH_SUFFIX: &str = ".dkk";
const INVITE_PREFIX: &str = "invite-";
const INVITE_SUFFIX: &str = ".dki";

impl Folder {
    /// The folder must exist: an unplugged USB stick is "not reachable", never "empty".
    pub fn open(chosen: &Path, branch: Uuid) -> Result<Self, PlaceError> {
        if !chosen.is_dir() {
            return Err(PlaceError {
                nl: format!("De gedeelde map {} is niet bereikbaar (is de USB-stick of de netwerkschijf aangesloten?). Er is niets veranderd.", chosen.display()),
                en: format!("The shared folder {} cannot be reached (is the USB stick or network drive connected?). Nothing was changed.", chosen.display()),
                unreachable: true,
            });
        }
        Ok(Self { chosen: chosen.to_path_buf(), root: chosen.join(format!("draagkracht-{branch}")) })
    }

    /// Moving to another folder: the branch's files come along (every laptop's batches, snapshots
    /// and keys), so laptops that move later find no gap. Files already there stay.
    pub fn take_over(&self, old: &Folder) -> Result<(), PlaceError> {
        if !old.root.is_dir() {
            return Ok(());
        }
        copy_tree(&old.root, &self.root)
    }

    fn own(&self, node: NodeId) -> PathBuf {
        self.root.join(node.to_string())
    }

    /// The laptops with a subfolder here.
    pub fn nodes(&self) -> Result<Vec<NodeId>, PlaceError> {
        let Ok(entries) = std::fs::read_dir(&self.root) else { return Ok(vec![]) };
        Ok(entries.flatten().filter_map(|e| NodeId::parse(&e.file_name().to_string_lossy())).collect())
    }

    /// The numbers of a laptop's batches here, in order.
    pub fn batches(&self, node: NodeId) -> Result<Vec<u64>, PlaceError> {
        let Ok(entries) = std::fs::read_dir(self.own(node)) else { return Ok(vec![]) };
        let mut seqs: Vec<u64> = entries
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.strip_prefix(BATCH_PREFIX)?.strip_suffix(BATCH_SUFFIX)?.parse().ok()
            })
            .collect();
        seqs.sort_unstable();
        Ok(seqs)
    }

    fn batch_path(&self, node: NodeId, seq: u64) -> PathBuf {
        self.own(node).join(format!("{BATCH_PREFIX}{seq:012}{BATCH_SUFFIX}"))
    }

    pub fn read_batch(&self, node: NodeId, seq: u64) -> Result<Vec<u8>, PlaceError> {
        let path = self.batch_path(node, seq);
        std::fs::read(&path).map_err(|e| io(e, "Lezen van", "Reading", &path))
    }

    pub fn write_batch(&self, node: NodeId, seq: u64, sealed: &[u8]) -> Result<(), PlaceError> {
        write_whole(&self.batch_path(node, seq), sealed)
    }

    pub fn write_snapshot(&self, node: NodeId, sealed: &[u8]) -> Result<(), PlaceError> {
        write_whole(&self.own(node).join(SNAPSHOT), sealed)
    }

    /// Every laptop's latest snapshot here.
    pub fn snapshots(&self) -> Result<Vec<(NodeId, Vec<u8>)>, PlaceError> {
        let mut out = vec![];
        for node in self.nodes()? {
            let path = self.own(node).join(SNAPSHOT);
            if path.exists() {
                out.push((node, std::fs::read(&path).map_err(|e| io(e, "Lezen van", "Reading", &path))?));
            }
        }
        Ok(out)
    }

    /// A laptop's snapshot, when it has one here.
    pub fn snapshot_of(&self, node: NodeId) -> Result<Option<Vec<u8>>, PlaceError> {
        let path = self.own(node).join(SNAPSHOT);
        if !path.exists() {
            return Ok(None);
        }
        std::fs::read(&path).map(Some).map_err(|e| io(e, "Lezen van", "Reading", &path))
    }

    pub fn write_applied(&self, node: NodeId, sealed: &[u8]) -> Result<(), PlaceError> {
        write_whole(&self.own(node).join(APPLIED), sealed)
    }

    /// A laptop's "applied" file, when it has one here.
    pub fn applied_of(&self, node: NodeId) -> Option<Vec<u8>> {
        std::fs::read(self.own(node).join(APPLIED)).ok()
    }

    /// A new epoch's boxed keys, from the laptop that made them.
    pub fn write_epoch_keys(&self, node: NodeId, epoch: u32, json: &[u8]) -> Result<(), PlaceError> {
        write_whole(&self.own(node).join(format!("{EPOCH_PREFIX}{epoch}{EPOCH_SUFFIX}")), json)
    }

    /// Every epoch-keys file here, from any laptop.
    pub fn epoch_keys(&self) -> Result<Vec<Vec<u8>>, PlaceError> {
        let mut out = vec![];
        for node in self.nodes()? {
            let Ok(entries) = std::fs::read_dir(self.own(node)) else { continue };
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.starts_with(EPOCH_PREFIX) && name.ends_with(EPOCH_SUFFIX) {
                    out.push(std::fs::read(e.path()).map_err(|err| io(err, "Lezen van", "Reading", &e.path()))?);
                }
            }
        }
        Ok(out)
    }

    /// Removes one of this laptop's own batches (all laptops have it).
    pub fn remove_batch(&self, node: NodeId, seq: u64) -> Result<(), PlaceError> {
        let path = self.batch_path(node, seq);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io(e, "Verwijderen van", "Removing", &path)),
        }
    }

    /// Deletes a removed laptop's batches, snapshot and "applied" file from its subfolder.
    pub fn remove_removed(&self, node: NodeId) -> Result<(), PlaceError> {
        for seq in self.batches(node)? {
            self.remove_batch(node, seq)?;
        }
        for name in [SNAPSHOT, APPLIED] {
            let path = self.own(node).join(name);
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(io(e, "Verwijderen van", "Removing", &path)),
            }
        }
        Ok(())
    }

    pub fn write_invitation(&self, node: NodeId, id: &str, json: &[u8]) -> Result<(), PlaceError> {
        write_whole(&self.own(node).join(format!("{INVITE_PREFIX}{id}{INVITE_SUFFIX}")), json)
    }

    /// Whether any laptop has an invitation here younger than `hours`: while one is open, a laptop
    /// may join from the snapshot written with it, so nobody deletes batches.
    pub fn open_invitations(&self, hours: u64) -> Result<bool, PlaceError> {
        let limit = std::time::SystemTime::now().checked_sub(std::time::Duration::from_secs(hours * 3600));
        for node in self.nodes()? {
            let Ok(entries) = std::fs::read_dir(self.own(node)) else { continue };
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.starts_with(INVITE_PREFIX) && name.ends_with(INVITE_SUFFIX) {
                    let modified = e.metadata().and_then(|m| m.modified()).ok();
                    if modified.zip(limit).is_none_or(|(m, l)| m >= l) {
                        return Ok(true);
                    }
                }
            }
        }
        Ok(false)
    }

    /// Removes this laptop's invitations (all, or those made before `older_than`).
    pub fn remove_invitations(&self, node: NodeId, older_than: Option<std::time::SystemTime>) {
        let Ok(entries) = std::fs::read_dir(self.own(node)) else { return };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if !(name.starts_with(INVITE_PREFIX) && name.ends_with(INVITE_SUFFIX)) {
                continue;
            }
            let old = match older_than {
                None => true,
                Some(limit) => e.metadata().and_then(|m| m.modified()).map(|m| m < limit).unwrap_or(false),
            };
            if old {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// Finds an invitation by its id in any branch's folder under `chosen` (a laptop that joins knows
/// only the folder and the code): the branch and the invitation's bytes.
pub fn find_invitation(chosen: &Path, id: &str) -> Result<Option<(Uuid, Vec<u8>)>, PlaceError> {
    let folder = Folder::open(chosen, Uuid::nil())?;
    let Ok(branches) = std::fs::read_dir(&folder.chosen) else { return Ok(None) };
    for branch in branches.flatten() {
        let name = branch.file_name().to_string_lossy().into_owned();
        let Some(id_text) = name.strip_prefix("draagkracht-") else { continue };
        let Ok(branch_id) = Uuid::parse_str(id_text) else { continue };
        let Ok(laptops) = std::fs::read_dir(branch.path()) else { continue };
        for laptop in laptops.flatten() {
            let path = laptop.path().join(format!("{INVITE_PREFIX}{id}{INVITE_SUFFIX}"));
            if path.exists() {
                return Ok(Some((branch_id, std::fs::read(&path).map_err(|e| io(e, "Lezen van", "Reading", &path))?)));
            }
        }
    }
    Ok(None)
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), PlaceError> {
    std::fs::create_dir_all(to).map_err(|e| io(e, "Een map maken in", "Creating a folder in", to))?;
    let entries = std::fs::read_dir(from).map_err(|e| io(e, "Lezen van", "Reading", from))?;
    for entry in entries.flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else if !target.exists() && !entry.file_name().to_string_lossy().starts_with('.') {
            let bytes = std::fs::read(entry.path()).map_err(|e| io(e, "Lezen van", "Reading", &entry.path()))?;
            write_whole(&target, &bytes)?;
        }
    }
    Ok(())
}

/// Writes a whole file or nothing: a temporary name in the same folder, synced, then renamed.
fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), PlaceError> {
    use std::io::Write;
    let dir = path.parent().expect("a file in a folder");
    std::fs::create_dir_all(dir).map_err(|e| io(e, "Een map maken in", "Creating a folder in", dir))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        path.file_name().unwrap_or_default().to_string_lossy(),
        Uuid::now_v7().simple()
    ));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e, "Schrijven van", "Writing", path));
    }
    // The rename itself survives a power cut once the folder is synced (where the OS allows it).
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// A place as it may be shown or said: a server address without its password.
pub fn shown(target: &str) -> String {
    if !is_server(target) {
        return target.to_string();
    }
    let Some((scheme, rest)) = target.split_once("://") else { return target.to_string() };
    match rest.rsplit_once('@') {
        Some((credentials, host)) => {
            let user = credentials.split(':').next().unwrap_or_default();
            let host = host.split('?').next().unwrap_or(host);
            format!("{scheme}://{user}:••••@{host}")
        }
        None => format!("{scheme}://{}", rest.split('?').next().unwrap_or(rest)),
    }
}

/// Whether a place the coordinator gave is the organisation's server (a PostgreSQL address)
/// rather than a folder.
pub fn is_server(target: &str) -> bool {
    let t = target.trim();
    t.starts_with("postgres://") || t.starts_with("postgresql://")
}

impl From<draagkracht_server::ServerError> for PlaceError {
    fn from(e: draagkracht_server::ServerError) -> Self {
        use draagkracht_server::ServerErrorKind::{Timeout, Unreachable};
        PlaceError { unreachable: matches!(e.kind, Unreachable | Timeout), nl: e.nl, en: e.en }
    }
}

/// Where a branch's laptops meet: a shared folder, or the organisation's server (crate
/// `draagkracht-server`). Both hold the same sealed bytes. Compaction, the "applied" files and new
/// epochs work in folders; on a server they are not there yet (the server keeps every batch).
pub enum Place {
    Folder(Folder),
    Server(Box<draagkracht_server::Server>),
}

impl Place {
    /// Opens the place this laptop's branch meets at (`target` as stored), with its server token.
    pub fn open(target: &str, branch: Uuid, node: NodeId, token: Option<&str>) -> Result<Place, PlaceError> {
        if is_server(target) {
            let token = token.and_then(draagkracht_server::Token::from_hex).ok_or_else(|| PlaceError {
                nl: "Deze laptop heeft geen toegang tot de server van de afdeling. Sluit opnieuw aan met een uitnodiging.".into(),
                en: "This laptop has no access to the branch's server. Join again with an invitation.".into(),
                unreachable: false,
            })?;
            Ok(Place::Server(Box::new(draagkracht_server::Server::connect(target, branch, node, &token)?)))
        } else {
            Ok(Place::Folder(Folder::open(Path::new(target), branch)?))
        }
    }

    pub fn nodes(&mut self) -> Result<Vec<NodeId>, PlaceError> {
        match self {
            Place::Folder(f) => f.nodes(),
            Place::Server(s) => Ok(s.nodes()?),
        }
    }

    /// A laptop's batches after number `after`, in order.
    pub fn batches_after(&mut self, node: NodeId, after: u64) -> Result<Vec<u64>, PlaceError> {
        match self {
            Place::Folder(f) => Ok(f.batches(node)?.into_iter().filter(|s| *s > after).collect()),
            Place::Server(s) => Ok(s.batches(node, after)?),
        }
    }

    pub fn read_batch(&mut self, node: NodeId, seq: u64) -> Result<Vec<u8>, PlaceError> {
        match self {
            Place::Folder(f) => f.read_batch(node, seq),
            Place::Server(s) => Ok(s.read_batch(node, seq)?),
        }
    }

    pub fn write_batch(&mut self, node: NodeId, seq: u64, epoch: u32, sealed: &[u8]) -> Result<(), PlaceError> {
        match self {
            Place::Folder(f) => f.write_batch(node, seq, sealed),
            Place::Server(s) => Ok(s.write_batch(seq, epoch, sealed)?),
        }
    }

    pub fn write_snapshot(&mut self, node: NodeId, seq: u64, epoch: u32, sealed: &[u8]) -> Result<(), PlaceError> {
        match self {
            Place::Folder(f) => f.write_snapshot(node, sealed),
            Place::Server(s) => Ok(s.write_snapshot(seq, epoch, sealed)?),
        }
    }

    pub fn snapshots(&mut self) -> Result<Vec<(NodeId, Vec<u8>)>, PlaceError> {
        match self {
            Place::Folder(f) => f.snapshots(),
            Place::Server(s) => Ok(s.snapshots()?),
        }
    }

    pub fn snapshot_of(&mut self, node: NodeId) -> Result<Option<Vec<u8>>, PlaceError> {
        match self {
            Place::Folder(f) => f.snapshot_of(node),
            Place::Server(s) => Ok(s.snapshots()?.into_iter().find(|(n, _)| *n == node).map(|(_, b)| b)),
        }
    }

    pub fn write_invitation(
        &mut self,
        node: NodeId,
        id: &str,
        body: &[u8],
        expires_at: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), PlaceError> {
        match self {
            Place::Folder(f) => f.write_invitation(node, id, body),
            Place::Server(s) => Ok(s.write_invitation(id, body, expires_at)?),
        }
    }

    /// Removes this laptop's invitations: all (a new laptop joined), or the expired ones.
    pub fn remove_invitations(&mut self, node: NodeId, all: bool, hours: u64) {
        match self {
            Place::Folder(f) => f.remove_invitations(
                node,
                if all {
                    None
                } else {
                    std::time::SystemTime::now().checked_sub(std::time::Duration::from_secs(hours * 3600))
                },
            ),
            Place::Server(s) => {
                if all {
                    let _ = s.remove_invitations();
                }
            }
        }
    }

    pub fn write_applied(&mut self, node: NodeId, sealed: &[u8]) -> Result<(), PlaceError> {
        match self {
            Place::Folder(f) => f.write_applied(node, sealed),
            Place::Server(s) => {
                let header = draagkracht_store::sync::seal::Header::read(sealed).map_err(|e| PlaceError {
                    nl: e.to_string(),
                    en: e.to_string(),
                    unreachable: false,
                })?;
                Ok(s.write_applied(header.seq, header.epoch, sealed)?)
            }
        }
    }

    pub fn applied_of(&mut self, node: NodeId) -> Option<Vec<u8>> {
        match self {
            Place::Folder(f) => f.applied_of(node),
            Place::Server(s) => s.applied_of(node).ok().flatten(),
        }
    }

    /// Whether a laptop may still join from a snapshot written with an invitation (then nobody
    /// deletes batches).
    pub fn invitations_open(&mut self, invitation_hours: u64) -> Result<bool, PlaceError> {
        match self {
            Place::Folder(f) => f.open_invitations(invitation_hours),
            Place::Server(s) => Ok(s.open_invitations()?),
        }
    }

    /// Deletes what a removed laptop left — its batches, snapshot and "applied" file; the epoch
    /// keys it made stay (a laptop that was away may still need them).
    pub fn remove_removed(&mut self, node: NodeId) -> Result<(), PlaceError> {
        match self {
            Place::Folder(f) => f.remove_removed(node),
            Place::Server(s) => s.remove_batches_of_removed(node).map(|_| ()).map_err(PlaceError::from),
        }
    }

    pub fn remove_batch(&mut self, node: NodeId, seq: u64) -> Result<(), PlaceError> {
        match self {
            Place::Folder(f) => f.remove_batch(node, seq),
            Place::Server(s) => s.remove_batches_upto(seq).map(|_| ()).map_err(PlaceError::from),
        }
    }

    pub fn epoch_keys(&mut self) -> Result<Vec<Vec<u8>>, PlaceError> {
        match self {
            Place::Folder(f) => f.epoch_keys(),
            Place::Server(s) => Ok(s.epoch_keys()?),
        }
    }

    pub fn write_epoch_keys(&mut self, node: NodeId, epoch: u32, json: &[u8]) -> Result<(), PlaceError> {
        match self {
            Place::Folder(f) => f.write_epoch_keys(node, epoch, json),
            Place::Server(s) => Ok(s.write_epoch_keys(epoch, json)?),
        }
    }

    /// Takes a removed laptop out: its subfolder, or its access to the server (and what it left
    /// there).
    pub fn remove_laptop(&mut self, node: NodeId) -> Result<(), PlaceError> {
        match self {
            // Its subfolder stays: the batches it delivered before its removal are still taken
            // in by laptops that had not seen them yet.
            Place::Folder(_) => Ok(()),
            Place::Server(s) => Ok(s.remove_device(node)?),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_address_is_shown_without_its_password() {
        assert_eq!(
            shown("postgres://anna:geheim@db.humanitas.nl/draagkracht?sslmode=require"),
            "postgres://anna:••••@db.humanitas.nl/draagkracht"
        );
        assert_eq!(shown("postgresql://db.local/draagkracht"), "postgresql://db.local/draagkracht");
        assert_eq!(shown("/mnt/gedeeld"), "/mnt/gedeeld");
    }
}
