//! Sealing what leaves the laptop: batches, snapshots and invitations, encrypted with
//! XChaCha20-Poly1305 (RustCrypto's `chacha20poly1305`; a random 24-byte nonce per file).
//!
//! A sealed file is `header ‖ nonce ‖ ciphertext`. The header (kind, branch, laptop, number, key
//! epoch) stays readable so a folder or a server can file it, and it is the AEAD's associated
//! data: moving a batch to another number, laptop or branch makes it unreadable. The plaintext is
//! its length (4 bytes) and the body, padded with zeros to PADMÉ's length, so a file's size says
//! little about how much changed.

use super::SyncError;
use crate::crypt::KdfParams;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use draagkracht_core::sync::{padme, NodeId};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use zeroize::Zeroizing;

const MAGIC: &[u8; 4] = b"DKS1";
const NONCE: usize = 24;
pub const HEADER_LEN: usize = 4 + 1 + 16 + 8 + 8 + 4;

/// What a sealed file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Batch = 1,
    Snapshot = 2,
    /// What a laptop has applied (its version vector): lets the others delete what all have.
    Applied = 3,
}

/// The readable, authenticated part of a sealed file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub kind: Kind,
    pub branch: Uuid,
    pub node: NodeId,
    /// A batch's number; for a snapshot, the number of the writer's last batch it covers.
    pub seq: u64,
    pub epoch: u32,
}

impl Header {
    fn bytes(&self) -> [u8; HEADER_LEN] {
        let mut out = [0u8; HEADER_LEN];
        out[..4].copy_from_slice(MAGIC);
        out[4] = self.kind as u8;
        out[5..21].copy_from_slice(self.branch.as_bytes());
        out[21..29].copy_from_slice(&self.node.0.to_be_bytes());
        out[29..37].copy_from_slice(&self.seq.to_be_bytes());
        out[37..41].copy_from_slice(&self.epoch.to_be_bytes());
        out
    }

    /// Reads the header of a sealed file (without opening it).
    pub fn read(sealed: &[u8]) -> Result<Header, SyncError> {
        if sealed.len() < HEADER_LEN + NONCE + 16 || &sealed[..4] != MAGIC {
            return Err(SyncError::Format("too short or another format".into()));
        }
        let kind = match sealed[4] {
            1 => Kind::Batch,
            2 => Kind::Snapshot,
            3 => Kind::Applied,
            other => return Err(SyncError::Format(format!("kind {other}"))),
        };
        let u64_at = |i: usize| u64::from_be_bytes(sealed[i..i + 8].try_into().expect("8 bytes"));
        Ok(Header {
            kind,
            branch: Uuid::from_slice(&sealed[5..21]).map_err(|e| SyncError::Format(e.to_string()))?,
            node: NodeId(u64_at(21)),
            seq: u64_at(29),
            epoch: u32::from_be_bytes(sealed[37..41].try_into().expect("4 bytes")),
        })
    }
}

/// Pads and encrypts `body` under `key`, with `header` authenticated alongside.
pub fn seal(key: &[u8; 32], header: &Header, body: &[u8]) -> Vec<u8> {
    let mut plain = Zeroizing::new(Vec::with_capacity(padme(body.len() + 4)));
    plain.extend_from_slice(&(body.len() as u32).to_be_bytes());
    plain.extend_from_slice(body);
    plain.resize(padme(body.len() + 4), 0);
    let mut nonce = [0u8; NONCE];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let aad = header.bytes();
    let cipher = XChaCha20Poly1305::new(key.into());
    let sealed = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: &plain, aad: &aad })
        .expect("XChaCha20-Poly1305 encrypts any length a laptop holds");
    let mut out = Vec::with_capacity(HEADER_LEN + NONCE + sealed.len());
    out.extend_from_slice(&aad);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    out
}

/// Checks and decrypts a sealed file; the header it was sealed with, and the body.
pub fn open(key: &[u8; 32], sealed: &[u8]) -> Result<(Header, Zeroizing<Vec<u8>>), SyncError> {
    let header = Header::read(sealed)?;
    let cipher = XChaCha20Poly1305::new(key.into());
    let plain = cipher
        .decrypt(
            XNonce::from_slice(&sealed[HEADER_LEN..HEADER_LEN + NONCE]),
            Payload { msg: &sealed[HEADER_LEN + NONCE..], aad: &sealed[..HEADER_LEN] },
        )
        .map_err(|_| SyncError::Unreadable)?;
    let plain = Zeroizing::new(plain);
    let len = u32::from_be_bytes(plain.get(..4).ok_or(SyncError::Unreadable)?.try_into().expect("4 bytes")) as usize;
    let body = plain.get(4..4 + len).ok_or(SyncError::Unreadable)?;
    Ok((header, Zeroizing::new(body.to_vec())))
}

/// A fresh random branch key.
pub fn new_key() -> Zeroizing<[u8; 32]> {
    let mut key = Zeroizing::new([0u8; 32]);
    rand::rngs::OsRng.fill_bytes(key.as_mut());
    key
}

/// What an invitation gives the laptop that joins: the branch and its current key.
#[derive(Serialize, Deserialize)]
pub struct Invitation {
    pub branch_id: Uuid,
    pub epoch: u32,
    pub key: String,
    pub inviter: NodeId,
    pub inviter_name: String,
    /// Until when (RFC 3339) the code may be used.
    pub expires_at: String,
    /// The keys of earlier epochs (hex): batches sealed before a laptop was removed are still
    /// there to read.
    #[serde(default)]
    pub earlier_keys: Vec<(u32, String)>,
    /// The verifying key of every laptop the inviter knows, its own too: the joining laptop checks
    /// the snapshot it starts from against them, and keeps them.
    #[serde(default)]
    pub verify_keys: std::collections::BTreeMap<NodeId, String>,
}

/// An invitation as it waits at the shared place: the Argon2id parameters and the invitation
/// sealed with the key they derive from the join code's secret part.
#[derive(Serialize, Deserialize)]
pub struct SealedInvitation {
    pub format: String,
    pub kdf: KdfParams,
    pub sealed: String,
}

const INVITATION_FORMAT: &str = "draagkracht-invitation-1";

/// Seals `invitation` for whoever has `secret` (the join code without its public id part).
pub fn seal_invitation(secret: &str, id: &str, invitation: &Invitation) -> Result<SealedInvitation, SyncError> {
    // The secret has 80 bits of its own, so Argon2id need not be as heavy as for a passphrase:
    // OWASP's minimum (19 MiB, 2 passes) keeps joining quick.
    let kdf = KdfParams { memory_kib: 19 * 1024, iterations: 2, ..KdfParams::generate() };
    let key = kdf.derive(secret).map_err(|e| SyncError::Format(e.to_string()))?;
    let body = Zeroizing::new(serde_json::to_vec(invitation).map_err(|e| SyncError::Format(e.to_string()))?);
    let mut nonce = [0u8; NONCE];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let cipher = XChaCha20Poly1305::new(key.raw().into());
    let aad = format!("{INVITATION_FORMAT}:{id}");
    let mut sealed = nonce.to_vec();
    sealed.extend(
        cipher
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: &body, aad: aad.as_bytes() })
            .expect("an invitation encrypts"),
    );
    Ok(SealedInvitation { format: INVITATION_FORMAT.into(), kdf, sealed: hex::encode(sealed) })
}

/// Opens an invitation with the join code's secret part; `Unreadable` when the code is wrong.
pub fn open_invitation(secret: &str, id: &str, sealed: &SealedInvitation) -> Result<Invitation, SyncError> {
    if sealed.format != INVITATION_FORMAT {
        return Err(SyncError::Format(sealed.format.clone()));
    }
    let bytes = hex::decode(&sealed.sealed).map_err(|_| SyncError::Unreadable)?;
    if bytes.len() < NONCE + 16 {
        return Err(SyncError::Unreadable);
    }
    let key = sealed.kdf.derive(secret).map_err(|e| SyncError::Format(e.to_string()))?;
    let cipher = XChaCha20Poly1305::new(key.raw().into());
    let aad = format!("{INVITATION_FORMAT}:{id}");
    let plain = Zeroizing::new(
        cipher
            .decrypt(XNonce::from_slice(&bytes[..NONCE]), Payload { msg: &bytes[NONCE..], aad: aad.as_bytes() })
            .map_err(|_| SyncError::Unreadable)?,
    );
    serde_json::from_slice(&plain).map_err(|_| SyncError::Unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Header {
        Header { kind: Kind::Batch, branch: Uuid::from_u128(7), node: NodeId(3), seq: 12, epoch: 1 }
    }

    #[test]
    fn a_sealed_batch_opens_with_its_key_only() {
        let key = new_key();
        let sealed = seal(&key, &header(), b"hello branch");
        let (h, body) = open(&key, &sealed).unwrap();
        assert_eq!((h, body.as_slice()), (header(), &b"hello branch"[..]));
        assert!(matches!(open(&new_key(), &sealed), Err(SyncError::Unreadable)));
    }

    #[test]
    fn a_batch_moved_to_another_number_or_laptop_does_not_open() {
        let key = new_key();
        let sealed = seal(&key, &header(), b"hours");
        for (at, what) in [(30, "number"), (22, "laptop"), (8, "branch"), (40, "epoch")] {
            let mut moved = sealed.clone();
            moved[at] ^= 1;
            assert!(matches!(open(&key, &moved), Err(SyncError::Unreadable)), "a changed {what} is refused");
        }
        let mut flipped = sealed.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert!(matches!(open(&key, &flipped), Err(SyncError::Unreadable)), "a changed byte is refused");
    }

    #[test]
    fn sizes_are_padded() {
        let key = new_key();
        let a = seal(&key, &header(), &[b'x'; 1000]).len();
        let b = seal(&key, &header(), &[b'x'; 1010]).len();
        assert_eq!(a, b, "lengths within one padding step look alike");
    }
}

/// A one-time join code, typed on the laptop that joins: 20 characters of the recovery code's
/// alphabet (Crockford's base32), `ABCD-EFGH-…`. The first group names the invitation at the
/// shared place; the other 16 (80 bits, with Argon2id in front of every guess) open it.
#[derive(Clone)]
pub struct JoinCode(Zeroizing<String>);

impl JoinCode {
    pub fn generate() -> Self {
        use rand::Rng;
        let alphabet = crate::recovery::ALPHABET;
        let mut rng = rand::rngs::OsRng;
        Self(Zeroizing::new((0..crate::recovery::LENGTH).map(|_| alphabet[rng.gen_range(0..32)] as char).collect()))
    }

    /// Reads a code as typed (case, spaces and dashes do not matter; O, I, L read as 0, 1, 1).
    pub fn parse(typed: &str) -> Option<Self> {
        let normal = crate::recovery::RecoveryCode::parse(typed)?;
        Some(Self(Zeroizing::new(normal.grouped().replace('-', ""))))
    }

    /// The public part: which invitation.
    pub fn id(&self) -> &str {
        &self.0[..4]
    }

    /// The secret part.
    pub fn secret(&self) -> &str {
        &self.0[4..]
    }

    pub fn grouped(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        chars.chunks(4).map(|g| g.iter().collect::<String>()).collect::<Vec<_>>().join("-")
    }
}
