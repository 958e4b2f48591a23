//! What migration 0002 adds to the server, against real throw-away PostgreSQL clusters: each
//! laptop's "applied" file, compaction of a laptop's own batches (not while an invitation is
//! open), new key epochs, removing a laptop (its token then opens nothing), erasing a person's
//! batches by subject tag, and migrating a server set up at version 1. As in `server.rs`, the
//! bodies are fake "sealed" bytes with a real header: the server never opens them.

use chrono::{Duration as Days, Utc};
use draagkracht_core::sync::NodeId;
use draagkracht_server::testing::{TestCluster, APP_LOGIN, DATABASE};
use draagkracht_server::{server_init, Server, ServerError, ServerErrorKind, Token, LATEST_VERSION};
use uuid::Uuid;

const BATCH: u8 = 1;
const SNAPSHOT: u8 = 2;
const APPLIED: u8 = 3;

/// A sealed file as seal.rs lays it out: the 41-byte header, a 24-byte nonce, then `len` bytes
/// standing in for ciphertext and tag.
fn sealed(kind: u8, branch: Uuid, node: NodeId, seq: u64, epoch: u32, fill: u8, len: usize) -> Vec<u8> {
    let mut out = b"DKS1".to_vec();
    out.push(kind);
    out.extend_from_slice(branch.as_bytes());
    out.extend_from_slice(&node.0.to_be_bytes());
    out.extend_from_slice(&seq.to_be_bytes());
    out.extend_from_slice(&epoch.to_be_bytes());
    out.extend((0..24 + len).map(|i| (i as u8).wrapping_mul(31).wrapping_add(fill)));
    out
}

fn batch(branch: Uuid, node: NodeId, seq: u64) -> Vec<u8> {
    sealed(BATCH, branch, node, seq, 1, seq as u8, 100 + seq as usize)
}

fn err<T: std::fmt::Debug>(r: Result<T, ServerError>) -> ServerError {
    match r {
        Err(e) => e,
        Ok(v) => panic!("expected an error, got {v:?}"),
    }
}

fn ok<T>(r: Result<T, ServerError>) -> T {
    r.unwrap_or_else(|e| panic!("{e:?}"))
}

/// A new branch's first laptop (node 0xa1) and `more` laptops that joined it (0xa2, 0xa3, …),
/// with the joining invitation removed again.
fn branch_of(cluster: &TestCluster, more: u64) -> (Uuid, Vec<(Server, Token)>) {
    let branch = Uuid::now_v7();
    let mut laptops = vec![ok(Server::register_first(&cluster.url(), branch, NodeId(0xa1)))];
    if more > 0 {
        ok(laptops[0].0.write_invitation(&format!("J{}", branch.simple()), b"i", Utc::now() + Days::hours(1)));
        for i in 0..more {
            let code = format!("J{}", branch.simple());
            laptops.push(ok(Server::register_joining(&cluster.url(), branch, NodeId(0xa2 + i), &code)));
        }
        ok(laptops[0].0.remove_invitations());
    }
    (branch, laptops)
}

fn servers(laptops: Vec<(Server, Token)>) -> Vec<Server> {
    laptops.into_iter().map(|(s, _)| s).collect()
}

#[test]
fn applied_files_round_trip_and_are_filed_by_their_header() {
    let cluster = TestCluster::new();
    let (branch, laptops) = branch_of(&cluster, 1);
    let [mut one, mut two] = <[Server; 2]>::try_from(servers(laptops)).unwrap_or_else(|_| panic!("two"));
    let (n1, n2) = (one.node(), two.node());
    assert_eq!(ok(two.applied_of(n1)), None);

    let first = sealed(APPLIED, branch, n1, 4, 1, 4, 60);
    ok(one.write_applied(4, 1, &first));
    assert!(ok(two.applied_of(n1)) == Some(first));
    // The latest replaces it (also an older number: a restored laptop only compacts less).
    let latest = sealed(APPLIED, branch, n1, 2, 3, 0, 1 << 16);
    ok(one.write_applied(2, 3, &latest));
    assert!(ok(two.applied_of(n1)) == Some(latest.clone()));
    assert!(ok(one.applied_of(n1)) == Some(latest.clone()));
    assert_eq!(ok(one.applied_of(n2)), None);

    // The header must say what the file is filed as: kind 3, this branch and laptop, number, key.
    let misfiled = [
        (5, 1, sealed(BATCH, branch, n1, 5, 1, 0, 60)),
        (5, 1, sealed(SNAPSHOT, branch, n1, 5, 1, 0, 60)),
        (5, 1, sealed(APPLIED, branch, n1, 6, 1, 0, 60)),
        (5, 1, sealed(APPLIED, branch, n1, 5, 2, 0, 60)),
        (5, 1, sealed(APPLIED, branch, n2, 5, 1, 0, 60)),
        (5, 1, sealed(APPLIED, Uuid::now_v7(), n1, 5, 1, 0, 60)),
        (5, 1, sealed(APPLIED, branch, n1, 5, 1, 0, 60)[..80].to_vec()),
    ];
    for (seq, epoch, bytes) in misfiled {
        assert_eq!(err(one.write_applied(seq, epoch, &bytes)).kind, ServerErrorKind::Malformed);
    }
    assert!(ok(two.applied_of(n1)) == Some(latest));
    assert_eq!(err(one.write_applied(u64::MAX, 1, &batch(branch, n1, 1))).kind, ServerErrorKind::Malformed);

    // Another branch's laptop with the same number sees none of it.
    let (_, other) = branch_of(&cluster, 0);
    let mut other = servers(other).remove(0);
    assert_eq!(other.node(), n1);
    assert_eq!(ok(other.applied_of(n1)), None);
}

#[test]
fn compaction_deletes_only_this_laptops_batches_up_to_the_number() {
    let cluster = TestCluster::new();
    let (branch, laptops) = branch_of(&cluster, 1);
    let [mut one, mut two] = <[Server; 2]>::try_from(servers(laptops)).unwrap_or_else(|_| panic!("two"));
    let (n1, n2) = (one.node(), two.node());
    // Another branch whose laptop has the same number as `one`.
    let (other_branch, other) = branch_of(&cluster, 0);
    let mut other = servers(other).remove(0);
    for seq in 1..=5 {
        ok(one.write_batch(seq, 1, &batch(branch, n1, seq)));
        ok(two.write_batch(seq, 1, &batch(branch, n2, seq)));
        ok(other.write_batch(seq, 1, &batch(other_branch, n1, seq)));
    }

    assert_eq!(ok(one.remove_batches_upto(3)), 3);
    assert_eq!(ok(two.batches(n1, 0)), vec![4, 5]);
    assert_eq!(ok(two.batches(n2, 0)), vec![1, 2, 3, 4, 5], "another laptop's batches stay");
    assert_eq!(ok(other.batches(n1, 0)), vec![1, 2, 3, 4, 5], "another branch's batches stay");
    assert_eq!(ok(one.remove_batches_upto(3)), 0, "a repeat deletes nothing");
    assert_eq!(ok(one.remove_batches_upto(0)), 0);
    assert!(ok(two.read_batch(n1, 4)) == batch(branch, n1, 4));
    assert_eq!(err(two.read_batch(n1, 3)).kind, ServerErrorKind::Missing);
    assert_eq!(ok(one.remove_batches_upto(u64::MAX)), 2);
    assert_eq!(ok(two.batches(n1, 0)), Vec::<u64>::new());
    // A new batch after compaction is stored as ever.
    ok(one.write_batch(6, 1, &batch(branch, n1, 6)));
    assert_eq!(ok(two.batches(n1, 0)), vec![6]);

    // Calling the function directly with another laptop's number needs that laptop's token.
    let token = ok(Server::register_first(&cluster.url(), Uuid::now_v7(), NodeId(9))).1;
    let sql =
        format!("SELECT draagkracht.remove_batches_upto('{branch}', {}, '\\x{}', 100)", n2.0 as i64, &*token.to_hex());
    let e = cluster.sql_as(&cluster.url(), &sql).expect_err(&sql);
    assert!(e.contains("unknown device or wrong token"), "{e}");
    assert_eq!(ok(one.batches(n2, 0)), vec![1, 2, 3, 4, 5]);
}

#[test]
fn open_invitations_counts_only_live_ones_of_the_branch() {
    let cluster = TestCluster::new();
    let (_, laptops) = branch_of(&cluster, 1);
    let [mut one, mut two] = <[Server; 2]>::try_from(servers(laptops)).unwrap_or_else(|_| panic!("two"));
    let (_, other) = branch_of(&cluster, 0);
    let mut other = servers(other).remove(0);
    assert!(!ok(one.open_invitations()));
    assert!(!ok(two.open_invitations()));

    // Another branch's invitation does not count here.
    ok(other.write_invitation("ELSEWHERE", b"x", Utc::now() + Days::hours(2)));
    assert!(!ok(one.open_invitations()));
    assert!(ok(other.open_invitations()));

    // Any laptop's live invitation counts for every laptop of the branch.
    ok(two.write_invitation("OPEN", b"x", Utc::now() + Days::hours(2)));
    assert!(ok(one.open_invitations()));
    assert!(ok(two.open_invitations()));
    // An expired one does not, even before anyone cleaned it up.
    cluster.superuser_sql(
        "UPDATE draagkracht.invitations SET expires_at = now() - interval '1 second' WHERE id = 'OPEN'",
        DATABASE,
    );
    assert!(!ok(one.open_invitations()));
    assert_eq!(cluster.superuser_sql("SELECT count(*) FROM draagkracht.invitations WHERE id = 'OPEN'", DATABASE), "1");
    ok(one.write_invitation("AGAIN", b"x", Utc::now() + Days::minutes(5)));
    assert!(ok(two.open_invitations()));
    ok(one.remove_invitations());
    assert!(!ok(two.open_invitations()));
}

#[test]
fn epoch_keys_are_kept_once_per_epoch() {
    let cluster = TestCluster::new();
    let (branch, laptops) = branch_of(&cluster, 1);
    let [mut one, mut two] = <[Server; 2]>::try_from(servers(laptops)).unwrap_or_else(|_| panic!("two"));
    let (_, other) = branch_of(&cluster, 0);
    let mut other = servers(other).remove(0);
    assert_eq!(ok(one.epoch_keys()), Vec::<Vec<u8>>::new());

    let e3 = br#"{"epoch":3,"from":"a2","removed":["a9"],"boxes":{}}"#.to_vec();
    let e2: Vec<u8> = (0..=255u8).chain([0, 0, 0]).collect(); // opaque bytes, zeros included
    ok(two.write_epoch_keys(3, &e3));
    ok(one.write_epoch_keys(2, &e2));
    ok(one.write_epoch_keys(2, &e2)); // a retry
    ok(two.write_epoch_keys(2, &e2)); // the same bytes from another laptop: nothing changes
    let e = err(two.write_epoch_keys(3, b"{\"epoch\":3,\"other\":true}"));
    assert_eq!(e.kind, ServerErrorKind::EpochConflict);
    assert!(e.nl.contains("niets overschreven"), "{}", e.nl);
    assert_eq!(err(one.write_epoch_keys(2, b"{}")).kind, ServerErrorKind::EpochConflict);
    ok(one.write_epoch_keys(u32::MAX, b"{}"));

    // Oldest first, byte for byte, for every laptop of the branch; none for another branch.
    let all = ok(two.epoch_keys());
    assert!(all == vec![e2.clone(), e3.clone(), b"{}".to_vec()]);
    assert!(ok(one.epoch_keys()) == all);
    assert_eq!(ok(other.epoch_keys()), Vec::<Vec<u8>>::new());
    ok(other.write_epoch_keys(2, b"its own"));
    assert!(ok(one.epoch_keys())[0] == e2);
    assert_eq!(
        cluster.superuser_sql(
            &format!(
                "SELECT string_agg(epoch || ':' || from_node, ',' ORDER BY epoch) FROM draagkracht.epoch_keys WHERE branch = '{branch}'"
            ),
            DATABASE
        ),
        format!("2:{},3:{},{}:{}", one.node().0, two.node().0, u32::MAX, one.node().0),
        "each epoch from the laptop that wrote it first"
    );
}

#[test]
fn a_removed_laptop_is_refused_everywhere() {
    let cluster = TestCluster::new();
    let url = cluster.url();
    let (branch, laptops) = branch_of(&cluster, 2);
    let mut laptops = laptops.into_iter();
    let (mut one, _) = laptops.next().expect("one");
    let (mut two, two_token) = laptops.next().expect("two");
    let (mut three, _) = laptops.next().expect("three");
    let (n1, n2, n3) = (one.node(), two.node(), three.node());
    ok(two.write_batch(1, 1, &batch(branch, n2, 1)));
    ok(two.write_snapshot(1, 1, &sealed(SNAPSHOT, branch, n2, 1, 1, 1, 50)));
    ok(two.write_applied(1, 1, &sealed(APPLIED, branch, n2, 1, 1, 1, 50)));
    ok(two.write_invitation("FROMTWO", b"x", Utc::now() + Days::hours(1)));
    ok(one.write_batch(1, 1, &batch(branch, n1, 1)));
    assert_eq!(ok(one.nodes()), vec![n1, n2, n3]);

    ok(one.remove_device(n2));
    ok(one.remove_device(n2)); // a retry
    ok(three.remove_device(n2)); // another laptop that removes it too

    // Its token opens nothing any more, whatever it asks.
    let checks: Vec<(&str, Result<(), ServerError>)> = vec![
        ("nodes", two.nodes().map(drop)),
        ("batches", two.batches(n1, 0).map(drop)),
        ("read_batch", two.read_batch(n1, 1).map(drop)),
        ("read_batches", two.read_batches(n1, 0, 10).map(drop)),
        ("write_batch", two.write_batch(2, 1, &batch(branch, n2, 2))),
        ("write_batch_tagged", two.write_batch_tagged(2, 1, &batch(branch, n2, 2), &[[7; 32]])),
        ("write_snapshot", two.write_snapshot(2, 1, &sealed(SNAPSHOT, branch, n2, 2, 1, 2, 50))),
        ("snapshots", two.snapshots().map(drop)),
        ("write_invitation", two.write_invitation("AGAIN", b"x", Utc::now() + Days::hours(1))),
        ("remove_invitations", two.remove_invitations()),
        ("open_invitations", two.open_invitations().map(drop)),
        ("write_applied", two.write_applied(2, 1, &sealed(APPLIED, branch, n2, 2, 1, 2, 50))),
        ("applied_of", two.applied_of(n1).map(drop)),
        ("remove_batches_upto", two.remove_batches_upto(10).map(drop)),
        ("write_epoch_keys", two.write_epoch_keys(9, b"{}")),
        ("epoch_keys", two.epoch_keys().map(drop)),
        ("remove_device", two.remove_device(n1)),
        ("erase_tag", two.erase_tag([7; 32]).map(drop)),
        ("connect", Server::connect(&url, branch, n2, &two_token).map(drop)),
        ("register_first", Server::register_first(&url, branch, n2).map(drop)),
    ];
    for (what, result) in checks {
        let e = result.expect_err(what);
        if what == "register_first" {
            assert_eq!(e.kind, ServerErrorKind::BranchExists, "{what}: {e:?}");
            continue;
        }
        assert_eq!(e.kind, ServerErrorKind::Revoked, "{what}: {e:?}");
        assert!(e.nl.starts_with("Deze laptop is uit de afdeling verwijderd"), "{}", e.nl);
        assert!(e.en.starts_with("This laptop was removed from the branch"), "{}", e.en);
    }
    // Nor can it come back under its number, with a new invitation and token or its old token.
    ok(one.write_invitation("BACK", b"x", Utc::now() + Days::hours(1)));
    assert_eq!(err(Server::register_joining(&url, branch, n2, "BACK")).kind, ServerErrorKind::Revoked);
    let direct =
        format!("SELECT draagkracht.register_device('{branch}', {}, '\\x{}', 'BACK')", n2.0, &*two_token.to_hex());
    let e = cluster.sql_as(&url, &direct).expect_err(&direct);
    assert!(e.contains("removed from the branch"), "{e}");

    // Its batches stay for the laptops that have not applied them yet (as its subfolder stays in
    // a folder); the rest it left is gone.
    assert_eq!(ok(one.nodes()), vec![n1, n2, n3]);
    assert_eq!(ok(three.batches(n2, 0)), vec![1]);
    assert_eq!(ok(three.read_batch(n2, 1)), batch(branch, n2, 1));
    assert_eq!(ok(three.snapshots()), vec![]);
    assert_eq!(ok(three.applied_of(n2)), None);
    assert_eq!(
        cluster.superuser_sql("SELECT count(*) FROM draagkracht.invitations WHERE id = 'FROMTWO'", DATABASE),
        "0"
    );
    assert_eq!(ok(three.batches(n1, 0)), vec![1]);
    assert!(ok(three.open_invitations()), "the remover's invitation stays");
    assert_eq!(
        cluster.superuser_sql(
            &format!("SELECT revoked_by FROM draagkracht.devices WHERE branch = '{branch}' AND node = {}", n2.0),
            DATABASE
        ),
        n1.0.to_string(),
        "the first remover is recorded"
    );

    // A laptop cannot remove itself; one the server does not know yet cannot join afterwards.
    assert_eq!(err(one.remove_device(n1)).kind, ServerErrorKind::Malformed);
    ok(one.remove_device(NodeId(0xa7)));
    assert_eq!(err(Server::register_joining(&url, branch, NodeId(0xa7), "BACK")).kind, ServerErrorKind::Revoked);
    // A removed laptop without batches here is no longer listed; one with batches is, for them.
    assert_eq!(ok(three.nodes()), vec![n1, n2, n3]);
    // The others go on as before.
    ok(three.write_batch(1, 1, &batch(branch, n3, 1)));
    assert_eq!(ok(one.batches(n3, 0)), vec![1]);

    // Once the remaining laptops have what they take in of it, one of them deletes what the
    // removed laptop left; a laptop still in the branch keeps its own.
    assert_eq!(err(one.remove_batches_of_removed(n3)).kind, ServerErrorKind::Malformed);
    assert_eq!(ok(three.remove_batches_of_removed(n2)), 1);
    assert_eq!(ok(one.nodes()), vec![n1, n3]);
    assert_eq!(ok(one.batches(n3, 0)), vec![1]);
}

#[test]
fn another_branch_cannot_remove_anyone() {
    let cluster = TestCluster::new();
    let url = cluster.url();
    let (branch_a, a) = branch_of(&cluster, 1);
    let [mut a1, mut a2] = <[Server; 2]>::try_from(servers(a)).unwrap_or_else(|_| panic!("two"));
    let (branch_b, b) = branch_of(&cluster, 0);
    let (mut b1, token_b) = b.into_iter().next().expect("b");
    let a2_node = a2.node();

    // Through its own branch it only marks a number of its own branch.
    ok(b1.remove_device(a2_node));
    assert_eq!(ok(a1.nodes()), vec![a1.node(), a2_node]);
    assert_eq!(ok(a2.nodes()).len(), 2);
    assert_eq!(ok(b1.nodes()), vec![b1.node()]);
    // Through A's branch its token is refused, under any number.
    for node in [b1.node().0 as i64, a1.node().0 as i64] {
        let sql = format!(
            "SELECT draagkracht.revoke_device('{branch_a}', {node}, '\\x{}', {})",
            &*token_b.to_hex(),
            a2_node.0 as i64
        );
        let e = cluster.sql_as(&url, &sql).expect_err(&sql);
        assert!(e.contains("unknown device or wrong token"), "{e}");
    }
    ok(a2.write_batch(1, 1, &batch(branch_a, a2_node, 1)));
    assert_eq!(ok(a1.batches(a2_node, 0)), vec![1]);
    assert_ne!(branch_a, branch_b);
}

/// Two laptops that remove each other at the same moment: exactly one of them succeeds.
#[test]
fn two_laptops_removing_each_other_at_once_leave_one() {
    let cluster = TestCluster::new();
    for _ in 0..5 {
        let (_, laptops) = branch_of(&cluster, 1);
        let [mut one, mut two] = <[Server; 2]>::try_from(servers(laptops)).unwrap_or_else(|_| panic!("two"));
        let (n1, n2) = (one.node(), two.node());
        let barrier = std::sync::Barrier::new(2);
        let (r1, r2) = std::thread::scope(|s| {
            let h1 = s.spawn(|| {
                barrier.wait();
                one.remove_device(n2)
            });
            let h2 = s.spawn(|| {
                barrier.wait();
                two.remove_device(n1)
            });
            (h1.join().expect("thread"), h2.join().expect("thread"))
        });
        match (&r1, &r2) {
            (Ok(()), Err(e)) | (Err(e), Ok(())) => assert_eq!(e.kind, ServerErrorKind::Revoked, "{e:?}"),
            _ => panic!("{r1:?} {r2:?}"),
        }
        let (survivor, gone) = if r1.is_ok() { (&mut one, &mut two) } else { (&mut two, &mut one) };
        assert_eq!(ok(survivor.nodes()), vec![survivor.node()]);
        assert_eq!(err(gone.nodes()).kind, ServerErrorKind::Revoked);
    }
}

#[test]
fn erasing_a_tag_deletes_exactly_the_tagged_batches_of_the_branch() {
    let cluster = TestCluster::new();
    let (branch, laptops) = branch_of(&cluster, 1);
    let [mut one, mut two] = <[Server; 2]>::try_from(servers(laptops)).unwrap_or_else(|_| panic!("two"));
    let (n1, n2) = (one.node(), two.node());
    let (other_branch, other) = branch_of(&cluster, 0);
    let mut other = servers(other).remove(0);
    let (anna, bob, carl) = ([0xaa; 32], [0xbb; 32], [0u8; 32]);

    ok(one.write_batch_tagged(1, 1, &batch(branch, n1, 1), &[anna]));
    ok(one.write_batch_tagged(2, 1, &batch(branch, n1, 2), &[bob]));
    ok(one.write_batch_tagged(3, 1, &batch(branch, n1, 3), &[bob, anna, carl]));
    ok(one.write_batch(4, 1, &batch(branch, n1, 4)));
    ok(two.write_batch_tagged(1, 1, &batch(branch, n2, 1), &[anna]));
    ok(two.write_batch_tagged(2, 1, &batch(branch, n2, 2), &[]));
    ok(other.write_batch_tagged(1, 1, &batch(other_branch, n1, 1), &[anna]));
    // A retry of the same bytes is fine, with whatever tags.
    ok(one.write_batch_tagged(1, 1, &batch(branch, n1, 1), &[anna]));
    ok(one.write_batch(1, 1, &batch(branch, n1, 1)));
    assert_eq!(
        cluster.superuser_sql(
            &format!("SELECT array_length(subject_tags, 1) FROM draagkracht.batches WHERE branch = '{branch}' AND node = {} AND seq = 3", n1.0),
            DATABASE
        ),
        "3"
    );

    // Any laptop of the branch erases any laptop's batches with the tag, and only those.
    assert_eq!(ok(two.erase_tag(anna)), 3);
    assert_eq!(ok(two.batches(n1, 0)), vec![2, 4]);
    assert_eq!(ok(one.batches(n2, 0)), vec![2]);
    assert_eq!(ok(other.batches(n1, 0)), vec![1], "another branch's batch with the same tag stays");
    assert_eq!(ok(two.erase_tag(anna)), 0, "a repeat deletes nothing");
    assert_eq!(ok(one.erase_tag([0xcc; 32])), 0);
    assert_eq!(ok(one.erase_tag(bob)), 1);
    assert_eq!(ok(one.batches(n1, 0)), vec![4]);
    assert_eq!(ok(other.erase_tag(anna)), 1);
    assert_eq!(ok(other.batches(n1, 0)), Vec::<u64>::new());

    // A tag is 32 bytes.
    let (lone, token) = ok(Server::register_first(&cluster.url(), Uuid::now_v7(), NodeId(5)));
    let sql = format!("SELECT draagkracht.erase_tag('{}', 5, '\\x{}', '\\x00')", lone.branch(), &*token.to_hex());
    let e = cluster.sql_as(&cluster.url(), &sql).expect_err(&sql);
    assert!(e.contains("a subject tag is 32 bytes"), "{e}");
}

/// A server set up by the previous Draagkracht (schema version 1, with a branch on it) is brought
/// to version 2 by running `server_init` again, keeping everything; again is harmless.
#[test]
fn init_migrates_a_version_1_server_and_is_idempotent() {
    let cluster = TestCluster::bare();
    cluster.superuser_sql(
        &format!(
            "BEGIN;\n{}\n{}\nINSERT INTO draagkracht.schema_version (version, name) VALUES (1, '0001_initial');\nCOMMIT;",
            include_str!("../src/bootstrap.sql"),
            include_str!("../migrations/0001_initial.sql")
        ),
        DATABASE,
    );
    cluster.superuser_sql(&format!("GRANT draagkracht_app TO {APP_LOGIN}"), DATABASE);
    let url = cluster.url();
    let branch = Uuid::now_v7();
    let (mut one, token) = ok(Server::register_first(&url, branch, NodeId(0xa1)));
    assert_eq!(one.schema_version(), 1);
    ok(one.write_batch(1, 1, &batch(branch, one.node(), 1)));
    // What version 1 lacks is "not set up" (ask the administrator), not a crash.
    assert_eq!(err(one.open_invitations()).kind, ServerErrorKind::NotSetUp);
    assert_eq!(
        err(one.write_applied(1, 1, &sealed(APPLIED, branch, one.node(), 1, 1, 1, 50))).kind,
        ServerErrorKind::NotSetUp
    );

    assert_eq!(LATEST_VERSION, 4);
    assert_eq!(ok(server_init(&cluster.superuser_url())), 4);
    assert_eq!(ok(server_init(&cluster.superuser_url())), 4);
    assert_eq!(
        cluster.superuser_sql(
            "SELECT string_agg(version || ' ' || name, ',' ORDER BY version) FROM draagkracht.schema_version",
            DATABASE
        ),
        "1 0001_initial,2 0002_compaction,3 0003_removed_batches_stay,4 0004_national"
    );
    // The laptop, its token and its batch are still there; the new calls work.
    let mut again = ok(Server::connect(&url, branch, NodeId(0xa1), &token));
    assert_eq!(again.schema_version(), 4);
    assert_eq!(ok(again.batches(again.node(), 0)), vec![1]);
    assert!(!ok(again.open_invitations()));
    ok(again.write_applied(1, 1, &sealed(APPLIED, branch, again.node(), 1, 1, 1, 50)));
    // The connection opened before the migration carries on as well.
    assert!(!ok(one.open_invitations()));
    assert_eq!(ok(one.remove_batches_upto(1)), 1);
    assert_eq!(
        cluster.superuser_sql(
            "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'draagkracht' AND p.prosecdef AND pg_get_userbyid(p.proowner) = 'draagkracht_owner' AND has_function_privilege('draagkracht_app', p.oid, 'EXECUTE') AND NOT has_function_privilege('public', p.oid, 'EXECUTE')",
            DATABASE
        ),
        "22"
    );
}
