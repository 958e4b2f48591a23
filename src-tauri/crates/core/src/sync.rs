//! Branch sharing's pure rules: the hybrid logical clock that stamps every change, the order that
//! decides between two writes of one field, and the change format every transport carries.
//!
//! A change is one field of one row (`Op`), stamped with a [`Stamp`]: a hybrid logical clock
//! (wall-clock milliseconds and a counter, as in Kulkarni et al. 2014 and Actual Budget's
//! `packages/crdt/src/crdt/timestamp.ts`) and the random node id of the laptop that wrote it. Per
//! field the highest stamp wins ([`decide`]): the rule is commutative, associative and idempotent,
//! so every laptop ends with the same data whatever order the changes arrive in.
//!
//! Each change also carries the stamp of the value its writer saw (`base`). Transports deliver
//! batches causally (a batch is applied only after every batch its writer had applied), so a
//! change whose base is not the field's current stamp was written without knowing that value:
//! the two were made apart, and the one that loses is kept for the coordinator ("Twee versies").

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Milliseconds in the upper 48 bits, a counter in the lower 16: ordered as one integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct Hlc(pub u64);

/// A laptop's random id within a branch (64 bits, shown as 16 hex digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct NodeId(pub u64);

/// When and where a field was written; the total order of writes (clock first, node to break ties).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct Stamp {
    pub hlc: Hlc,
    pub node: NodeId,
}

impl Stamp {
    /// The stamp of data that existed before sharing began (a snapshot's rows without a clock):
    /// every real write beats it.
    pub const ORIGIN: Stamp = Stamp { hlc: Hlc(0), node: NodeId(0) };
}

/// How far a laptop's clock may run ahead of ours before sync warns about it (Actual's 5 minutes).
pub const MAX_DRIFT_MS: u64 = 5 * 60 * 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    /// More than 65,535 writes within one millisecond of a clock that does not move.
    #[error("the change counter overflowed")]
    CounterOverflow,
}

impl Hlc {
    pub fn new(ms: u64, counter: u16) -> Self {
        Hlc((ms << 16) | counter as u64)
    }
    pub fn ms(self) -> u64 {
        self.0 >> 16
    }
    pub fn counter(self) -> u16 {
        (self.0 & 0xFFFF) as u16
    }

    /// The stamp for a write made here: later than every stamp issued or seen before, and on the
    /// wall clock when that is later still.
    pub fn tick(self, wall_ms: u64) -> Result<Hlc, ClockError> {
        if wall_ms > self.ms() {
            Ok(Hlc::new(wall_ms, 0))
        } else {
            // A clock held far ahead (by another laptop's wrong clock) must not stop writing once
            // the counter is full: the next millisecond serves as well.
            match self.counter().checked_add(1) {
                Some(counter) => Ok(Hlc::new(self.ms(), counter)),
                None => Ok(Hlc::new(self.ms().checked_add(1).ok_or(ClockError::CounterOverflow)?, 0)),
            }
        }
    }

    /// The clock after seeing a change stamped `remote`: never behind it, so whatever is written
    /// here afterwards orders after what was seen (causality survives a slow wall clock).
    pub fn receive(self, remote: Hlc) -> Hlc {
        self.max(remote)
    }

    /// How far `self` is ahead of the wall clock, in milliseconds, when beyond [`MAX_DRIFT_MS`].
    pub fn drift_ahead(self, wall_ms: u64) -> Option<u64> {
        let ahead = self.ms().saturating_sub(wall_ms);
        (ahead > MAX_DRIFT_MS).then_some(ahead)
    }
}

impl NodeId {
    pub fn parse(hex: &str) -> Option<Self> {
        (hex.len() == 16).then(|| u64::from_str_radix(hex, 16).ok().map(NodeId)).flatten()
    }
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl Serialize for NodeId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for NodeId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        NodeId::parse(&text).ok_or_else(|| serde::de::Error::custom("a node id is 16 hex digits"))
    }
}

/// What arriving at a field does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    /// The incoming write is newer: it becomes the field's value. `apart` when the writer had not
    /// seen the value it replaces (that value is then the one that lost).
    Wins { apart: bool },
    /// The field holds a newer value written without knowing this one: the incoming value lost.
    Loses,
    /// The very same write, seen again: nothing changes.
    Seen,
}

/// Per field, the highest stamp wins. `current` is the field's stamp here ([`Stamp::ORIGIN`] when
/// it has none); `base` is the stamp the writer's laptop held for the field when it wrote.
///
/// ```
/// use draagkracht_core::sync::{decide, Hlc, Merge, NodeId, Stamp};
/// let at = |ms, node| Stamp { hlc: Hlc::new(ms, 0), node: NodeId(node) };
/// // An edit made after seeing the current value simply replaces it.
/// assert_eq!(decide(at(10, 1), at(20, 2), at(10, 1)), Merge::Wins { apart: false });
/// // Two laptops edited apart: the later one wins everywhere, the other is kept as a second version.
/// assert_eq!(decide(at(10, 1), at(20, 2), Stamp::ORIGIN), Merge::Wins { apart: true });
/// assert_eq!(decide(at(20, 2), at(10, 1), Stamp::ORIGIN), Merge::Loses);
/// ```
pub fn decide(current: Stamp, incoming: Stamp, base: Stamp) -> Merge {
    use std::cmp::Ordering::*;
    match incoming.cmp(&current) {
        Greater => Merge::Wins { apart: current != base },
        Equal => Merge::Seen,
        Less => Merge::Loses,
    }
}

/// A field's value as SQLite holds it. Shared tables hold no blobs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

/// The pseudo-column that says whether a row exists (1) or was removed (0): a removal is a write
/// like any other, with its own stamp, so a late edit cannot bring a removed row back unseen.
pub const ROW_COLUMN: &str = "_row";

/// One field written on one laptop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Op {
    #[serde(rename = "t")]
    pub table: String,
    /// The row's primary key; for a composite key its parts joined by [`KEY_SEPARATOR`].
    #[serde(rename = "r")]
    pub row: String,
    #[serde(rename = "c")]
    pub column: String,
    #[serde(rename = "v")]
    pub value: Value,
    #[serde(rename = "h")]
    pub hlc: Hlc,
    #[serde(rename = "b")]
    pub base: Stamp,
}

pub const KEY_SEPARATOR: char = '|';

/// Which batches a laptop has applied: per laptop, the highest batch number, all before it too.
pub type VersionVector = BTreeMap<NodeId, u64>;

/// What one batch carries, before it is padded and encrypted. Its place (branch, laptop, number,
/// key epoch) travels in the batch's header, which the encryption authenticates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatchBody {
    /// The writing laptop's name as its coordinator gave it ("Laptop Anna").
    pub device_name: String,
    /// When the batch was written (RFC 3339), for "last seen".
    pub written_at: String,
    /// What the writer had applied when it wrote this batch: it is applied only after those.
    pub after: VersionVector,
    pub ops: Vec<Op>,
    /// The writer's public key (X25519, hex): a new branch key is boxed to it when another
    /// laptop is removed.
    #[serde(default, rename = "pk", skip_serializing_if = "Option::is_none")]
    pub public_key: Option<String>,
    /// The writer's verifying key (Ed25519, hex): the batch is signed with its secret half.
    #[serde(default, rename = "vk", skip_serializing_if = "Option::is_none")]
    pub verify_key: Option<String>,
}

impl BatchBody {
    /// Whether a laptop that has applied `seen` has applied everything this batch builds on.
    pub fn ready(&self, seen: &VersionVector) -> bool {
        self.after.iter().all(|(node, seq)| seen.get(node).copied().unwrap_or(0) >= *seq)
    }
}

/// PADMÉ padding (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files and
/// Communication with PURBs", 2019): the length a ciphertext is padded to, leaking at most
/// O(log log n) bits of the real length and adding at most 12 %.
///
/// ```
/// use draagkracht_core::sync::padme;
/// assert_eq!(padme(1000), 1024);
/// assert!(padme(100_000) >= 100_000 && padme(100_000) < 112_000);
/// ```
pub fn padme(len: usize) -> usize {
    if len < 2 {
        return len;
    }
    let e = usize::BITS - 1 - len.leading_zeros(); // floor(log2 len)
    let s = usize::BITS - 1 - (e as usize).leading_zeros() + 1; // floor(log2 e) + 1
    let last_bits = e - s;
    let mask = (1usize << last_bits) - 1;
    (len + mask) & !mask
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    #[test]
    fn a_tick_is_later_than_everything_before_it() {
        let last = Hlc::new(1_000, 7);
        assert_eq!(last.tick(2_000).unwrap(), Hlc::new(2_000, 0), "the wall clock moved on");
        assert_eq!(last.tick(500).unwrap(), Hlc::new(1_000, 8), "a clock set back cannot go back in time");
        assert_eq!(Hlc::new(1, u16::MAX).tick(1), Ok(Hlc::new(2, 0)), "a full counter moves to the next millisecond");
        assert_eq!(last.receive(Hlc::new(9_000, 1)), Hlc::new(9_000, 1));
    }

    #[test]
    fn a_clock_far_ahead_is_noticed() {
        let day = 24 * 3600 * 1000;
        assert_eq!(Hlc::new(day + 10_000, 0).drift_ahead(10_000), Some(day));
        assert_eq!(Hlc::new(10_000 + 60_000, 0).drift_ahead(10_000), None, "a minute is ordinary");
    }

    #[test]
    fn node_ids_read_back() {
        let id = NodeId(0x0123_4567_89ab_cdef);
        assert_eq!(NodeId::parse(&id.to_string()), Some(id));
        assert_eq!(NodeId::parse("xyz"), None);
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"0123456789abcdef\"");
    }

    #[test]
    fn values_keep_their_type_through_json() {
        for v in [Value::Null, Value::Int(3), Value::Real(2.0), Value::Real(0.5), Value::Text("3".into())] {
            let back: Value = serde_json::from_str(&serde_json::to_string(&v).unwrap()).unwrap();
            assert_eq!(back, v);
        }
    }

    #[test]
    fn padding_never_shrinks_and_adds_at_most_twelve_percent() {
        for len in (0..5000).chain([65_535, 1 << 20, 3_000_001]) {
            let p = padme(len);
            assert!(p >= len && (p as f64) <= (len as f64) * 1.12 + 1.0, "{len} → {p}");
        }
    }

    /// Merging field by field: any order of the same writes (with repeats) gives the same field.
    #[test]
    fn the_highest_stamp_wins_in_any_order() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(13);
        for _ in 0..500 {
            let writes: Vec<(Stamp, i64)> = (0..rng.gen_range(1..8))
                .map(|i| (Stamp { hlc: Hlc::new(rng.gen_range(1..5), 0), node: NodeId(rng.gen_range(1..4)) }, i))
                .collect();
            let mut orders = vec![writes.clone(), writes.iter().rev().cloned().collect::<Vec<_>>()];
            let mut shuffled = writes.clone();
            shuffled.extend(writes.iter().take(2).cloned());
            for i in (1..shuffled.len()).rev() {
                shuffled.swap(i, rng.gen_range(0..=i));
            }
            orders.push(shuffled);
            let results: Vec<Stamp> = orders
                .iter()
                .map(|order| {
                    order.iter().fold(Stamp::ORIGIN, |cur, (s, _)| match decide(cur, *s, Stamp::ORIGIN) {
                        Merge::Wins { .. } => *s,
                        _ => cur,
                    })
                })
                .collect();
            let best = writes.iter().map(|(s, _)| *s).max().unwrap();
            assert!(results.iter().all(|r| *r == best), "every order ends at the highest stamp");
        }
    }

    #[test]
    fn a_batch_waits_for_what_its_writer_had_seen() {
        let body = BatchBody {
            device_name: "B".into(),
            written_at: "2026-12-04T10:00:00Z".into(),
            after: [(NodeId(1), 3)].into_iter().collect(),
            ops: vec![],
            public_key: None,
            verify_key: None,
        };
        assert!(!body.ready(&[(NodeId(1), 2)].into_iter().collect()));
        assert!(body.ready(&[(NodeId(1), 3), (NodeId(2), 1)].into_iter().collect()));
    }
}
