//! The second meeting place of a branch's laptops: the organisation's own PostgreSQL server. Like
//! the shared folder (`api/src/sharing/place.rs`) it holds only sealed bytes (batches, snapshots,
//! "applied" files, invitations, new epochs' keys) filed by branch, laptop and number; it never
//! sees a name or a figure. Like a folder, it lets a laptop delete its own batches every other
//! laptop has (compaction), removes a laptop from the branch (its token then opens nothing), and
//! erases the batches about one person by an opaque tag (AVG art. 17).
//!
//! The app's login may only call the SECURITY DEFINER functions of `migrations/` (the role
//! `draagkracht_app`), and each of them checks the laptop's token, so one branch can neither read
//! nor overwrite another's data through the same login. `server_init` (run once by the
//! organisation's administrator with a superuser login) creates and migrates the schema.
//!
//! Everything is synchronous and bounded: connecting takes at most `CONNECT_TIMEOUT`, a call at
//! most `CALL_TIMEOUT`, so a down or slow server is a `ServerError` within seconds. Call it from a
//! plain thread, not from inside an async runtime (it drives its own).

mod error;
mod link;
pub mod national;
mod schema;
#[doc(hidden)]
pub mod testing;

pub use error::{ServerError, ServerErrorKind};
pub use link::CONNECT_TIMEOUT;
pub use schema::{server_init, LATEST_VERSION};

use chrono::{DateTime, Utc};
use draagkracht_core::sync::NodeId;
use link::{Link, SYNC_LIMITS};
use rand::RngCore;
use std::fmt;
use std::time::Duration;
use uuid::Uuid;
use zeroize::Zeroizing;

/// The server cancels a laptop's statement after this.
pub const STATEMENT_TIMEOUT: Duration = SYNC_LIMITS.statement;
/// A laptop's call gives up after this, whatever the server does.
pub const CALL_TIMEOUT: Duration = SYNC_LIMITS.call;

/// A laptop's secret for the server: 32 random bytes, made when the laptop registers. The server
/// keeps only its SHA-256; the app keeps the token in its encrypted database (`to_hex`).
#[derive(Clone, PartialEq, Eq)]
pub struct Token(Zeroizing<[u8; 32]>);

impl Token {
    /// A new random token (from the operating system's generator).
    pub fn generate() -> Token {
        let mut bytes = Zeroizing::new([0u8; 32]);
        rand::rngs::OsRng.fill_bytes(bytes.as_mut());
        Token(bytes)
    }

    /// 64 lowercase hex digits.
    pub fn to_hex(&self) -> Zeroizing<String> {
        let mut out = Zeroizing::new(String::with_capacity(64));
        for b in self.0.iter() {
            out.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
            out.push(char::from_digit(u32::from(b & 0xf), 16).unwrap_or('0'));
        }
        out
    }

    /// Reads `to_hex`'s form (either case); `None` unless exactly 64 hex digits.
    pub fn from_hex(text: &str) -> Option<Token> {
        let mut bytes = Zeroizing::new([0u8; 32]);
        hex::decode_to_slice(text.trim(), bytes.as_mut()).ok()?;
        Some(Token(bytes))
    }

    fn bytes(&self) -> &[u8] {
        self.0.as_slice()
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(…)")
    }
}

/// A node id as the server stores it: the u64's bits as a bigint.
fn node_param(node: NodeId) -> i64 {
    node.0 as i64
}

fn node_from(value: i64) -> NodeId {
    NodeId(value as u64)
}

/// A batch number as a bigint; numbers past i64::MAX never occur (one a second for 292 billion years).
fn seq_param(seq: u64) -> Result<i64, ServerError> {
    i64::try_from(seq)
        .map_err(|_| ServerError::new(ServerErrorKind::Malformed, format!("batch number {seq} out of range")))
}

fn column<'a, T: tokio_postgres::types::FromSql<'a>>(row: &'a tokio_postgres::Row, i: usize) -> Result<T, ServerError> {
    row.try_get(i).map_err(|e| ServerError::unexpected(format!("reading column {i}: {e}")))
}

/// The first column of a function's one row as a count of rows.
fn count(rows: &[tokio_postgres::Row]) -> Result<u64, ServerError> {
    match rows.first() {
        Some(row) => Ok(u64::try_from(column::<i64>(row, 0)?).unwrap_or(0)),
        None => Err(ServerError::unexpected("a count gave no row")),
    }
}

/// The server, opened for one laptop of one branch. It keeps one connection and makes it again
/// when it broke (a restarted server), so one `Server` can live as long as the app.
pub struct Server {
    link: Link,
    branch: Uuid,
    node: NodeId,
    token: Token,
    /// The server's schema version, as `hello` said when this laptop opened it.
    version: u32,
}

impl fmt::Debug for Server {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Server").field("branch", &self.branch).field("node", &self.node).finish_non_exhaustive()
    }
}

impl Server {
    /// Registers the first laptop of a new branch (creating the branch on the server) with a new
    /// token, which the caller stores. Fails with `BranchExists` when the branch is already there.
    pub fn register_first(url: &str, branch: Uuid, node: NodeId) -> Result<(Server, Token), ServerError> {
        let mut link = Link::open(url, SYNC_LIMITS)?;
        let token = Token::generate();
        link.query(
            "SELECT draagkracht.register_first_device($1, $2, $3)",
            &[&branch, &node_param(node), &token.bytes()],
        )?;
        let mut server = Server { link, branch, node, token: token.clone(), version: 0 };
        server.hello()?;
        Ok((server, token))
    }

    /// Registers a joining laptop with a new token, naming a live invitation of the branch (found
    /// with `find_invitation`). Fails with `InvitationInvalid` when it is absent or expired.
    pub fn register_joining(
        url: &str,
        branch: Uuid,
        node: NodeId,
        invitation_id: &str,
    ) -> Result<(Server, Token), ServerError> {
        let mut link = Link::open(url, SYNC_LIMITS)?;
        let token = Token::generate();
        link.query(
            "SELECT draagkracht.register_device($1, $2, $3, $4)",
            &[&branch, &node_param(node), &token.bytes(), &invitation_id],
        )?;
        let mut server = Server { link, branch, node, token: token.clone(), version: 0 };
        server.hello()?;
        Ok((server, token))
    }

    /// Opens the server for a registered laptop and checks its token (`UnknownDevice` when the
    /// server does not accept it, `Revoked` when the laptop was removed from the branch).
    pub fn connect(url: &str, branch: Uuid, node: NodeId, token: &Token) -> Result<Server, ServerError> {
        let mut server = Server { link: Link::open(url, SYNC_LIMITS)?, branch, node, token: token.clone(), version: 0 };
        server.hello()?;
        Ok(server)
    }

    /// Checks the token and notes the server's schema version.
    fn hello(&mut self) -> Result<(), ServerError> {
        let rows = self.call("SELECT draagkracht.hello($1, $2, $3)", &[])?;
        let version: Option<i32> = match rows.first() {
            Some(row) => column(row, 0)?,
            None => None,
        };
        match version.and_then(|v| u32::try_from(v).ok()) {
            Some(v) if v >= 1 => {
                self.version = v;
                Ok(())
            }
            _ => Err(ServerError::new(ServerErrorKind::NotSetUp, "no schema version")),
        }
    }

    /// The server's schema version when this laptop opened it. Below 2 (`server_init` of an older
    /// Draagkracht, not run again since) the server lacks compaction, "applied" files, key epochs,
    /// removing a laptop and erasure: those calls are `NotSetUp`.
    pub fn schema_version(&self) -> u32 {
        self.version
    }

    pub fn branch(&self) -> Uuid {
        self.branch
    }

    pub fn node(&self) -> NodeId {
        self.node
    }

    /// Calls a function whose first three parameters are this laptop's branch, node and token,
    /// followed by `more` (numbered from $4 in `sql`).
    fn call(
        &mut self,
        sql: &str,
        more: &[&(dyn tokio_postgres::types::ToSql + Sync)],
    ) -> Result<Vec<tokio_postgres::Row>, ServerError> {
        let node = node_param(self.node);
        let token = self.token.bytes();
        let mut params: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> = vec![&self.branch, &node, &token];
        params.extend_from_slice(more);
        self.link.query(sql, &params)
    }

    /// The branch's laptops (every registered one, whether it wrote anything yet or not), without
    /// those removed from it (`remove_device`).
    pub fn nodes(&mut self) -> Result<Vec<NodeId>, ServerError> {
        let rows = self.call("SELECT * FROM draagkracht.list_nodes($1, $2, $3)", &[])?;
        rows.iter().map(|r| column(r, 0).map(node_from)).collect()
    }

    /// The numbers of laptop `node`'s batches after `after`, in order.
    pub fn batches(&mut self, node: NodeId, after: u64) -> Result<Vec<u64>, ServerError> {
        let after = seq_param(after)?;
        let rows =
            self.call("SELECT * FROM draagkracht.list_batches($1, $2, $3, $4, $5)", &[&node_param(node), &after])?;
        rows.iter().map(|r| column::<i64>(r, 0).map(|s| s as u64)).collect()
    }

    /// Laptop `node`'s batch `seq`, byte for byte as written (`Missing` when it is not there).
    pub fn read_batch(&mut self, node: NodeId, seq: u64) -> Result<Vec<u8>, ServerError> {
        let seq_p = seq_param(seq)?;
        let rows =
            self.call("SELECT * FROM draagkracht.read_batch($1, $2, $3, $4, $5)", &[&node_param(node), &seq_p])?;
        match rows.first() {
            Some(row) => column(row, 0),
            None => {
                Err(ServerError::new(ServerErrorKind::Missing, format!("batch {seq} of laptop {node} is not there")))
            }
        }
    }

    /// Up to `max` of laptop `node`'s batches after `after`, in order, with their bytes: one
    /// round trip instead of one per batch (a laptop that joins late reads hundreds).
    pub fn read_batches(&mut self, node: NodeId, after: u64, max: u32) -> Result<Vec<(u64, Vec<u8>)>, ServerError> {
        let after = seq_param(after)?;
        let max = i32::try_from(max).unwrap_or(i32::MAX);
        let rows = self.call(
            "SELECT * FROM draagkracht.read_batches($1, $2, $3, $4, $5, $6)",
            &[&node_param(node), &after, &max],
        )?;
        rows.iter().map(|r| Ok((column::<i64>(r, 0)? as u64, column(r, 1)?))).collect()
    }

    /// Stores this laptop's batch `seq`, sealed under key `epoch`; the header inside `sealed`
    /// must say the same (`Malformed` otherwise). Writing the same bytes again is fine (a retry);
    /// other bytes under a stored number are `BatchConflict` and change nothing.
    pub fn write_batch(&mut self, seq: u64, epoch: u32, sealed: &[u8]) -> Result<(), ServerError> {
        self.write_batch_tagged(seq, epoch, sealed, &[])
    }

    /// `write_batch` with the subject tags of the people the batch is about (keyed hashes of their
    /// ids, which only the branch's laptops can compute), so `erase_tag` finds it later. A retry
    /// is judged by the bytes alone; the tags of the first write stay.
    pub fn write_batch_tagged(
        &mut self,
        seq: u64,
        epoch: u32,
        sealed: &[u8],
        tags: &[[u8; 32]],
    ) -> Result<(), ServerError> {
        let seq = seq_param(seq)?;
        let tags: Vec<&[u8]> = tags.iter().map(|t| t.as_slice()).collect();
        self.call(
            "SELECT draagkracht.push_batch($1, $2, $3, $4, $5, $6, $7)",
            &[&seq, &i64::from(epoch), &sealed, &tags],
        )?;
        Ok(())
    }

    /// Deletes this laptop's own batches numbered up to `upto` (compaction: every other laptop
    /// has them; check `open_invitations` first). Only this laptop's: the server refuses nothing
    /// here, it simply touches no other. Returns how many were deleted (0 on a repeat).
    pub fn remove_batches_upto(&mut self, upto: u64) -> Result<u64, ServerError> {
        let upto = i64::try_from(upto).unwrap_or(i64::MAX);
        let rows = self.call("SELECT draagkracht.remove_batches_upto($1, $2, $3, $4)", &[&upto])?;
        count(&rows)
    }

    /// Deletes every batch of laptop `node`, which must have been removed from this branch
    /// (`Malformed` otherwise): the remaining laptops have applied what is taken in of it.
    /// Returns how many were deleted.
    pub fn remove_batches_of_removed(&mut self, node: NodeId) -> Result<u64, ServerError> {
        let rows = self.call("SELECT draagkracht.remove_batches_of_removed($1, $2, $3, $4)", &[&node_param(node)])?;
        count(&rows)
    }

    /// Replaces this laptop's "applied" file (what it has taken in of every laptop, sealed with
    /// kind 3; `seq`: its own last batch). The header must say the same (`Malformed` otherwise).
    pub fn write_applied(&mut self, seq: u64, epoch: u32, sealed: &[u8]) -> Result<(), ServerError> {
        let seq = seq_param(seq)?;
        self.call("SELECT draagkracht.put_applied($1, $2, $3, $4, $5, $6)", &[&seq, &i64::from(epoch), &sealed])?;
        Ok(())
    }

    /// Laptop `node`'s latest "applied" file, when it wrote one.
    pub fn applied_of(&mut self, node: NodeId) -> Result<Option<Vec<u8>>, ServerError> {
        let rows = self.call("SELECT * FROM draagkracht.applied_of($1, $2, $3, $4)", &[&node_param(node)])?;
        rows.first().map(|row| column(row, 0)).transpose()
    }

    /// Replaces this laptop's snapshot (`seq`: the last batch of its own it covers). An older one
    /// than the server holds is `StaleSnapshot`.
    pub fn write_snapshot(&mut self, seq: u64, epoch: u32, sealed: &[u8]) -> Result<(), ServerError> {
        let seq = seq_param(seq)?;
        self.call("SELECT draagkracht.put_snapshot($1, $2, $3, $4, $5, $6)", &[&seq, &i64::from(epoch), &sealed])?;
        Ok(())
    }

    /// Every laptop's latest snapshot in the branch.
    pub fn snapshots(&mut self) -> Result<Vec<(NodeId, Vec<u8>)>, ServerError> {
        let rows = self.call("SELECT * FROM draagkracht.latest_snapshots($1, $2, $3)", &[])?;
        rows.iter().map(|r| Ok((node_from(column(r, 0)?), column(r, 1)?))).collect()
    }

    /// Stores an invitation this laptop made: `id` is the code's public part (letters and digits,
    /// unique among live invitations, `InvitationIdTaken` otherwise: make a new code), `body` is
    /// sealed with the code, `expires_at` lies within 7 days.
    pub fn write_invitation(&mut self, id: &str, body: &[u8], expires_at: DateTime<Utc>) -> Result<(), ServerError> {
        self.call("SELECT draagkracht.put_invitation($1, $2, $3, $4, $5, $6)", &[&id, &body, &expires_at])?;
        Ok(())
    }

    /// Removes the invitations this laptop made (and any expired one).
    pub fn remove_invitations(&mut self) -> Result<(), ServerError> {
        self.call("SELECT draagkracht.remove_invitations($1, $2, $3)", &[])?;
        Ok(())
    }

    /// Whether the branch has a live (unexpired) invitation, from any laptop: while one is open a
    /// laptop may still join from the snapshot written with it, so nobody compacts.
    pub fn open_invitations(&mut self) -> Result<bool, ServerError> {
        let rows = self.call("SELECT draagkracht.open_invitations($1, $2, $3)", &[])?;
        match rows.first() {
            Some(row) => column(row, 0),
            None => Err(ServerError::unexpected("open_invitations gave no row")),
        }
    }

    /// Stores a new key epoch's keys (`body`: JSON the server never reads), made by this laptop.
    /// The same bytes again are fine (a retry); other bytes for an epoch the branch already has
    /// are `EpochConflict` and change nothing.
    pub fn write_epoch_keys(&mut self, epoch: u32, body: &[u8]) -> Result<(), ServerError> {
        self.call("SELECT draagkracht.put_epoch_keys($1, $2, $3, $4, $5)", &[&i64::from(epoch), &body])?;
        Ok(())
    }

    /// Every key epoch's keys of the branch, oldest epoch first.
    pub fn epoch_keys(&mut self) -> Result<Vec<Vec<u8>>, ServerError> {
        let rows = self.call("SELECT * FROM draagkracht.list_epoch_keys($1, $2, $3)", &[])?;
        rows.iter().map(|r| column(r, 0)).collect()
    }

    /// Removes laptop `node` from this branch: from now on its token opens nothing (`Revoked`),
    /// and it can never register again under its number. Its batches stay (as its subfolder does
    /// in a folder: a laptop that has not applied them yet still needs those the remover had
    /// applied), and so it stays among `nodes` while it has any; its snapshot, "applied" file and
    /// invitations are deleted; the epoch keys it made stay. A laptop the server does not know yet is recorded
    /// as removed all the same. Removing it again is fine; removing this laptop itself is
    /// `Malformed`. Only an active laptop of the same branch can remove one.
    pub fn remove_device(&mut self, node: NodeId) -> Result<(), ServerError> {
        self.call("SELECT draagkracht.revoke_device($1, $2, $3, $4)", &[&node_param(node)])?;
        Ok(())
    }

    /// Erasure (AVG art. 17): deletes every batch of the branch, of any laptop, that carries
    /// `tag` (see `write_batch_tagged`). Returns how many were deleted (0 on a repeat). Snapshots
    /// are the laptops' own to replace.
    pub fn erase_tag(&mut self, tag: [u8; 32]) -> Result<u64, ServerError> {
        let rows = self.call("SELECT draagkracht.erase_tag($1, $2, $3, $4)", &[&tag.as_slice()])?;
        count(&rows)
    }
}

/// Finds a live invitation by its id (a joining laptop knows only the server address and the
/// code): its branch and sealed body, or `None` when absent or expired.
pub fn find_invitation(url: &str, id: &str) -> Result<Option<(Uuid, Vec<u8>)>, ServerError> {
    let mut link = Link::open(url, SYNC_LIMITS)?;
    let rows = link.query("SELECT * FROM draagkracht.take_invitation($1)", &[&id])?;
    match rows.first() {
        Some(row) => Ok(Some((column(row, 0)?, column(row, 1)?))),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_through_hex_and_never_print() {
        let token = Token::generate();
        let hex = token.to_hex();
        assert_eq!(hex.len(), 64);
        assert_eq!(Token::from_hex(&hex), Some(token.clone()));
        assert_eq!(Token::from_hex(&hex.to_uppercase()), Some(token.clone()));
        assert_eq!(Token::from_hex(&hex[..62]), None);
        assert_eq!(Token::from_hex("zz"), None);
        assert_ne!(Token::generate(), token);
        assert!(!format!("{token:?}").contains(&hex[..8]));
    }

    /// The app keeps one `Server` behind a lock and uses it from its sync thread.
    #[test]
    fn a_server_can_move_between_threads() {
        fn send<T: Send>() {}
        send::<Server>();
        send::<Token>();
        send::<ServerError>();
    }

    #[test]
    fn node_ids_keep_their_bits() {
        for n in [0, 1, u64::MAX, 1 << 63, 0x0123_4567_89ab_cdef] {
            assert_eq!(node_from(node_param(NodeId(n))), NodeId(n));
        }
        assert!(seq_param(u64::MAX).is_err());
    }
}
