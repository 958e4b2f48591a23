//! The server as a meeting place, against real throw-away PostgreSQL clusters (`testing.rs`): setting
//! it up, registering laptops, batches and snapshots, and what the server refuses — other branches,
//! wrong tokens, changed batches, direct table access — and that a down or frozen server is an
//! error within seconds. The bodies here are fake "sealed" bytes with a real header: the server
//! never opens them.

use chrono::{Duration as Days, Utc};
use draagkracht_core::sync::NodeId;
use draagkracht_server::testing::{TestCluster, APP_LOGIN, APP_PASSWORD, DATABASE};
use draagkracht_server::{
    find_invitation, server_init, Server, ServerError, ServerErrorKind, Token, CALL_TIMEOUT, CONNECT_TIMEOUT,
    LATEST_VERSION,
};
use std::time::{Duration, Instant};
use uuid::Uuid;

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
    sealed(1, branch, node, seq, 1, seq as u8, 100 + seq as usize)
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

fn first(cluster: &TestCluster) -> (Server, Token, Uuid) {
    let branch = Uuid::now_v7();
    let (server, token) = ok(Server::register_first(&cluster.url(), branch, NodeId(0xa1)));
    (server, token, branch)
}

#[test]
fn init_creates_the_schema_is_idempotent_and_needs_an_administrator() {
    let cluster = TestCluster::bare();
    // The login exists but has no rights yet.
    assert_eq!(err(find_invitation(&cluster.url(), "ABCD")).kind, ServerErrorKind::NotSetUp);
    assert_eq!(ok(server_init(&cluster.superuser_url())), LATEST_VERSION);
    assert_eq!(ok(server_init(&cluster.superuser_url())), LATEST_VERSION);
    assert_eq!(
        cluster.superuser_sql(
            "SELECT string_agg(version || ' ' || name, ',' ORDER BY version) FROM draagkracht.schema_version",
            DATABASE
        ),
        "1 0001_initial,2 0002_compaction,3 0003_removed_batches_stay,4 0004_national"
    );
    assert_eq!(
        cluster.superuser_sql(
            "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'draagkracht'",
            DATABASE
        ),
        "applied,batches,branches,devices,epoch_keys,invitations,schema_version,snapshots"
    );
    // The national picture in a schema of its own, every table behind row-level security.
    assert_eq!(
        cluster.superuser_sql(
            "SELECT string_agg(relname || ':' || relrowsecurity, ',' ORDER BY relname) FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'draagkracht_national' AND c.relkind = 'r'",
            DATABASE
        ),
        "accepted_files:true,accounts:true,branches:true,figures:true,publications:true"
    );
    // None of its functions is for everyone, and the sharing login reaches none of it.
    assert_eq!(
        cluster.superuser_sql(
            "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'draagkracht_national' AND (has_function_privilege('public', p.oid, 'EXECUTE')
                   OR has_function_privilege('draagkracht_app', p.oid, 'EXECUTE'))",
            DATABASE
        ),
        "0"
    );
    // Before the grant the login may not call anything; after it, it may.
    assert_eq!(err(find_invitation(&cluster.url(), "ABCD")).kind, ServerErrorKind::NotAllowed);
    cluster.superuser_sql(&format!("GRANT draagkracht_app TO {APP_LOGIN}"), DATABASE);
    assert_eq!(ok(find_invitation(&cluster.url(), "ABCD")), None);
    // The app's login cannot set the server up.
    let e = err(server_init(&cluster.url()));
    assert_eq!(e.kind, ServerErrorKind::NotAllowed, "{e:?}");
    assert!(e.nl.contains("superuser"), "{}", e.nl);
}

#[test]
fn init_refuses_a_server_set_up_by_a_newer_version() {
    let cluster = TestCluster::new();
    cluster.superuser_sql("INSERT INTO draagkracht.schema_version (version, name) VALUES (999, 'future')", DATABASE);
    let e = err(server_init(&cluster.superuser_url()));
    assert_eq!(e.kind, ServerErrorKind::NewerServer);
    assert!(e.nl.contains("nieuwere versie"), "{}", e.nl);
}

#[test]
fn a_branch_starts_invites_and_a_laptop_joins() {
    let cluster = TestCluster::new();
    let url = cluster.url();
    let (mut one, _, branch) = first(&cluster);
    assert_eq!(ok(one.nodes()), vec![NodeId(0xa1)]);
    assert_eq!(err(Server::register_first(&url, branch, NodeId(0xa9))).kind, ServerErrorKind::BranchExists);

    let body = b"sealed with the code".to_vec();
    ok(one.write_invitation("K7QX", &body, Utc::now() + Days::hours(24)));
    ok(one.write_invitation("K7QX", &body, Utc::now() + Days::hours(24))); // a retry
    assert_eq!(ok(find_invitation(&url, "K7QX")), Some((branch, body.clone())));
    assert_eq!(ok(find_invitation(&url, "NOPE")), None);

    // Joining needs a live invitation of that very branch.
    assert_eq!(
        err(Server::register_joining(&url, branch, NodeId(0xa2), "NOPE")).kind,
        ServerErrorKind::InvitationInvalid
    );
    let other = Uuid::now_v7();
    assert_eq!(
        err(Server::register_joining(&url, other, NodeId(0xa2), "K7QX")).kind,
        ServerErrorKind::InvitationInvalid
    );
    let (mut two, token) = ok(Server::register_joining(&url, branch, NodeId(0xa2), "K7QX"));
    assert_eq!(ok(two.nodes()), vec![NodeId(0xa1), NodeId(0xa2)]);
    // The stored token (as the app keeps it) opens the server again.
    let again = Token::from_hex(&token.to_hex()).expect("hex");
    assert_eq!(ok(Server::connect(&url, branch, NodeId(0xa2), &again)).node(), NodeId(0xa2));

    // Ids are unique among live invitations, across branches.
    let (mut elsewhere, _) = ok(Server::register_first(&url, other, NodeId(0xb1)));
    assert_eq!(
        err(elsewhere.write_invitation("K7QX", b"other", Utc::now() + Days::hours(1))).kind,
        ServerErrorKind::InvitationIdTaken
    );
    // Expiry lies in the future, within a week.
    for at in [Utc::now() - Days::minutes(1), Utc::now() + Days::days(8)] {
        assert_eq!(err(one.write_invitation("LATE", b"x", at)).kind, ServerErrorKind::Malformed);
    }
    assert_eq!(
        err(one.write_invitation("bad id!", b"x", Utc::now() + Days::hours(1))).kind,
        ServerErrorKind::Malformed
    );

    // An expired invitation is gone for finding and joining, and its id is free again.
    ok(one.write_invitation("EXPD", b"old", Utc::now() + Days::hours(1)));
    cluster.superuser_sql(
        "UPDATE draagkracht.invitations SET expires_at = now() - interval '1 second' WHERE id = 'EXPD'",
        DATABASE,
    );
    assert_eq!(ok(find_invitation(&url, "EXPD")), None);
    assert_eq!(
        err(Server::register_joining(&url, branch, NodeId(0xa3), "EXPD")).kind,
        ServerErrorKind::InvitationInvalid
    );
    ok(elsewhere.write_invitation("EXPD", b"new", Utc::now() + Days::hours(1)));

    ok(one.remove_invitations());
    assert_eq!(ok(find_invitation(&url, "K7QX")), None);
    assert_eq!(
        err(Server::register_joining(&url, branch, NodeId(0xa3), "K7QX")).kind,
        ServerErrorKind::InvitationInvalid
    );
    assert_eq!(ok(find_invitation(&url, "EXPD")).map(|(b, _)| b), Some(other), "only this laptop's are removed");
}

#[test]
fn batches_come_back_byte_for_byte() {
    let cluster = TestCluster::new();
    let (mut one, _, branch) = first(&cluster);
    let n1 = one.node();
    ok(one.write_invitation("JOIN", b"i", Utc::now() + Days::hours(1)));
    let (mut two, _) = ok(Server::register_joining(&cluster.url(), branch, NodeId(0xa2), "JOIN"));

    let mut written = vec![];
    for seq in 1..=5u64 {
        let mut bytes = batch(branch, n1, seq);
        if seq == 3 {
            bytes = sealed(1, branch, n1, 3, 7, 0, 1 << 20); // 1 MiB, every byte value, zeros included
        }
        ok(one.write_batch(seq, if seq == 3 { 7 } else { 1 }, &bytes));
        written.push(bytes);
    }
    assert_eq!(ok(two.batches(n1, 0)), vec![1, 2, 3, 4, 5]);
    assert_eq!(ok(two.batches(n1, 3)), vec![4, 5]);
    assert_eq!(ok(two.batches(NodeId(0xa2), 0)), Vec::<u64>::new());
    assert_eq!(ok(two.batches(NodeId(0xdead), 0)), Vec::<u64>::new());
    for (i, bytes) in written.iter().enumerate() {
        assert!(ok(two.read_batch(n1, i as u64 + 1)) == *bytes, "batch {}", i + 1);
    }
    let some = ok(two.read_batches(n1, 1, 2));
    assert_eq!(some.iter().map(|(s, _)| *s).collect::<Vec<_>>(), vec![2, 3]);
    assert!(some[1].1 == written[2]);
    assert_eq!(ok(two.read_batches(n1, 0, 100)).len(), 5);
    assert_eq!(err(two.read_batch(n1, 6)).kind, ServerErrorKind::Missing);
}

#[test]
fn a_batch_never_changes_and_is_filed_by_its_header() {
    let cluster = TestCluster::new();
    let (mut one, _, branch) = first(&cluster);
    let n1 = one.node();
    let original = batch(branch, n1, 1);
    ok(one.write_batch(1, 1, &original));
    ok(one.write_batch(1, 1, &original)); // a retry of the same bytes
    let mut changed = original.clone();
    *changed.last_mut().expect("bytes") ^= 1;
    let e = err(one.write_batch(1, 1, &changed));
    assert_eq!(e.kind, ServerErrorKind::BatchConflict);
    assert!(e.nl.contains("niets overschreven"), "{}", e.nl);
    assert!(ok(one.read_batch(n1, 1)) == original);

    // The header must say what the batch is filed as.
    let misfiled = [
        (2, 1, batch(branch, n1, 3)),                // another number
        (2, 2, batch(branch, n1, 2)),                // another key epoch
        (2, 1, batch(Uuid::now_v7(), n1, 2)),        // another branch
        (2, 1, batch(branch, NodeId(0xa2), 2)),      // another laptop
        (2, 1, sealed(2, branch, n1, 2, 1, 0, 100)), // a snapshot
        (2, 1, batch(branch, n1, 2)[..80].to_vec()), // too short to be sealed
        (2, 1, {
            let mut b = batch(branch, n1, 2);
            b[0] = b'X';
            b
        }), // another format
    ];
    for (seq, epoch, bytes) in misfiled {
        assert_eq!(err(one.write_batch(seq, epoch, &bytes)).kind, ServerErrorKind::Malformed);
    }
    assert_eq!(ok(one.batches(n1, 0)), vec![1]);
    assert_eq!(err(one.write_batch(u64::MAX, 1, &original)).kind, ServerErrorKind::Malformed);
}

#[test]
fn snapshots_keep_the_latest_of_each_laptop() {
    let cluster = TestCluster::new();
    let (mut one, _, branch) = first(&cluster);
    let n1 = one.node();
    ok(one.write_invitation("JOIN", b"i", Utc::now() + Days::hours(1)));
    let (mut two, _) = ok(Server::register_joining(&cluster.url(), branch, NodeId(0xa2), "JOIN"));
    assert_eq!(ok(two.snapshots()), vec![]);

    ok(one.write_snapshot(3, 1, &sealed(2, branch, n1, 3, 1, 3, 500)));
    ok(two.write_snapshot(0, 1, &sealed(2, branch, NodeId(0xa2), 0, 1, 0, 50)));
    let newer = sealed(2, branch, n1, 5, 1, 5, 700);
    ok(one.write_snapshot(5, 1, &newer));
    let e = err(one.write_snapshot(4, 1, &sealed(2, branch, n1, 4, 1, 4, 600)));
    assert_eq!(e.kind, ServerErrorKind::StaleSnapshot);
    // The same number under a new key replaces it.
    let rekeyed = sealed(2, branch, n1, 5, 2, 9, 700);
    ok(one.write_snapshot(5, 2, &rekeyed));
    assert_eq!(err(one.write_snapshot(6, 1, &batch(branch, n1, 6))).kind, ServerErrorKind::Malformed);

    let all = ok(two.snapshots());
    assert_eq!(all.len(), 2);
    assert!(all[0] == (n1, rekeyed));
    assert_eq!(all[1].0, NodeId(0xa2));
}

#[test]
fn a_wrong_token_is_refused() {
    let cluster = TestCluster::new();
    let (_, token, branch) = first(&cluster);
    let e = err(Server::connect(&cluster.url(), branch, NodeId(0xa1), &Token::generate()));
    assert_eq!(e.kind, ServerErrorKind::UnknownDevice);
    assert!(e.nl.contains("herkent deze laptop niet"), "{}", e.nl);
    // The right token for another laptop number.
    assert_eq!(err(Server::connect(&cluster.url(), branch, NodeId(0xa2), &token)).kind, ServerErrorKind::UnknownDevice);
    // The right token for another branch.
    assert_eq!(
        err(Server::connect(&cluster.url(), Uuid::now_v7(), NodeId(0xa1), &token)).kind,
        ServerErrorKind::UnknownDevice
    );
}

#[test]
fn one_branch_cannot_reach_another_through_the_same_login() {
    let cluster = TestCluster::new();
    let url = cluster.url();
    let (mut a, _, branch_a) = first(&cluster);
    let a_node = a.node();
    ok(a.write_batch(1, 1, &batch(branch_a, a_node, 1)));
    ok(a.write_snapshot(1, 1, &sealed(2, branch_a, a_node, 1, 1, 1, 100)));
    let branch_b = Uuid::now_v7();
    let (mut b, token_b) = ok(Server::register_first(&url, branch_b, NodeId(0xb1)));

    // B's laptop, opened for its own branch, sees nothing of A's.
    assert_eq!(ok(b.nodes()), vec![NodeId(0xb1)]);
    assert_eq!(ok(b.batches(a_node, 0)), Vec::<u64>::new());
    assert_eq!(err(b.read_batch(a_node, 1)).kind, ServerErrorKind::Missing);
    assert_eq!(ok(b.snapshots()), vec![]);
    // B's token does not open A's branch, not even under A's laptop number.
    for node in [NodeId(0xb1), a_node] {
        assert_eq!(err(Server::connect(&url, branch_a, node, &token_b)).kind, ServerErrorKind::UnknownDevice);
    }
    // Nor by calling the functions directly with A's branch and laptop and B's token.
    let token_hex = token_b.to_hex();
    let node_a = a_node.0 as i64;
    for sql in [
        format!("SELECT * FROM draagkracht.read_batch('{branch_a}', {node_a}, '\\x{}', {node_a}, 1)", &*token_hex),
        format!("SELECT * FROM draagkracht.latest_snapshots('{branch_a}', 177, '\\x{}')", &*token_hex),
        format!("SELECT draagkracht.push_batch('{branch_a}', {node_a}, '\\x{}', 2, 1, '\\x00')", &*token_hex),
    ] {
        let e = cluster.sql_as(&url, &sql).expect_err(&sql);
        assert!(e.contains("unknown device or wrong token"), "{sql}: {e}");
    }
    assert_eq!(ok(a.batches(a_node, 0)), vec![1]);
}

#[test]
fn the_app_login_can_only_call_the_functions() {
    let cluster = TestCluster::new();
    let url = cluster.url();
    first(&cluster);
    for sql in [
        "SELECT count(*) FROM draagkracht.batches",
        "SELECT count(*) FROM draagkracht.devices",
        "SELECT count(*) FROM draagkracht.invitations",
        "SELECT count(*) FROM draagkracht.snapshots",
        "SELECT count(*) FROM draagkracht.applied",
        "SELECT count(*) FROM draagkracht.epoch_keys",
        "UPDATE draagkracht.devices SET revoked_at = NULL",
        "SELECT count(*) FROM draagkracht.schema_version",
        "INSERT INTO draagkracht.branches (id) VALUES (gen_random_uuid())",
        "DELETE FROM draagkracht.batches",
        "CREATE TABLE draagkracht.mine (x int)",
        "SELECT draagkracht.require_device(gen_random_uuid(), 1, '\\x00')",
    ] {
        let e = cluster.sql_as(&url, sql).expect_err(sql);
        assert!(e.contains("permission denied"), "{sql}: {e}");
    }
    assert_eq!(cluster.sql_as(&url, "SELECT count(*) FROM draagkracht.take_invitation('X')").as_deref(), Ok("0"));

    // Every function the app may call runs as the owner role with a pinned search_path; PUBLIC may
    // call none of them.
    let q = |sql: &str| cluster.superuser_sql(sql, DATABASE);
    let from = "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'draagkracht'";
    assert_eq!(q(&format!("SELECT count(*) {from} AND p.prosecdef")), "22");
    assert_eq!(
        q(&format!(
            "SELECT count(*) {from} AND NOT coalesce('search_path=pg_catalog, pg_temp' = ANY(p.proconfig), false)"
        )),
        "0"
    );
    assert_eq!(q(&format!("SELECT string_agg(DISTINCT pg_get_userbyid(p.proowner), ',') {from}")), "draagkracht_owner");
    assert_eq!(q(&format!("SELECT count(*) {from} AND has_function_privilege('public', p.oid, 'EXECUTE')")), "0");
    assert_eq!(q("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'draagkracht_app'"), "f");
}

#[test]
fn a_stopped_server_is_an_error_within_seconds_and_a_restarted_one_works_again() {
    let mut cluster = TestCluster::new();
    let url = cluster.url();
    let (mut one, token, branch) = first(&cluster);
    ok(one.write_batch(1, 1, &batch(branch, one.node(), 1)));
    cluster.stop();

    let started = Instant::now();
    let e = err(one.batches(one.node(), 0));
    let took = started.elapsed();
    assert_eq!(e.kind, ServerErrorKind::Unreachable, "{e:?}");
    assert!(e.nl.contains("Je wijzigingen blijven op deze laptop bewaard."), "{}", e.nl);
    assert!(took < Duration::from_secs(6), "{took:?}");
    eprintln!("an open connection to a stopped server: {took:?}");

    let started = Instant::now();
    assert_eq!(err(Server::connect(&url, branch, one.node(), &token)).kind, ServerErrorKind::Unreachable);
    assert_eq!(err(find_invitation(&url, "ABCD")).kind, ServerErrorKind::Unreachable);
    let took = started.elapsed();
    assert!(took < Duration::from_secs(6), "{took:?}");
    eprintln!("two new connections to a stopped server: {took:?}");

    // The same Server picks up once the server is back…
    cluster.start();
    assert_eq!(ok(one.batches(one.node(), 0)), vec![1]);
    // …also when it restarted between two calls, unnoticed (the call is made again once).
    cluster.stop();
    cluster.start();
    assert_eq!(ok(one.batches(one.node(), 0)), vec![1]);
}

#[test]
fn a_frozen_server_times_out_instead_of_hanging() {
    let mut cluster = TestCluster::new();
    let url = cluster.url();
    let (mut one, token, branch) = first(&cluster);
    cluster.freeze();

    let started = Instant::now();
    let e = err(Server::connect(&url, branch, one.node(), &token));
    let took = started.elapsed();
    assert_eq!(e.kind, ServerErrorKind::Timeout, "{e:?}");
    assert!(took >= CONNECT_TIMEOUT && took < CONNECT_TIMEOUT + Duration::from_secs(1), "{took:?}");
    eprintln!("connecting to a frozen server: {took:?}");

    let started = Instant::now();
    let e = err(one.nodes());
    let took = started.elapsed();
    assert_eq!(e.kind, ServerErrorKind::Timeout, "{e:?}");
    assert!(took >= CALL_TIMEOUT && took < CALL_TIMEOUT + Duration::from_secs(1), "{took:?}");
    eprintln!("a call on a frozen server: {took:?}");

    cluster.thaw();
    assert_eq!(ok(one.nodes()), vec![one.node()]);
}

#[test]
fn the_server_keeps_no_token_in_clear() {
    let cluster = TestCluster::new();
    let (mut one, token, branch) = first(&cluster);
    ok(one.write_batch(1, 1, &batch(branch, one.node(), 1)));
    ok(one.write_invitation("DUMP", b"invitation", Utc::now() + Days::hours(1)));
    let dump = cluster.dump();
    let hex = token.to_hex();
    assert!(!dump.contains(hex.as_str()) && !dump.contains(&hex.to_uppercase()), "the token is in the dump");
    // …but its hash is, so the dump does hold the device.
    let hash = cluster.superuser_sql(&format!("SELECT encode(sha256('\\x{}'::bytea), 'hex')", &*hex), DATABASE);
    assert!(dump.contains(&hash), "the device's hash is missing from the dump");
    assert!(dump.contains(&branch.to_string()));
    // The login's password is no part of the database.
    assert!(!dump.contains(APP_PASSWORD));
}

#[test]
fn tls_is_used_and_the_certificate_checked() {
    let cluster = TestCluster::with_tls();
    let port = cluster.port();
    let ca = cluster.ca_cert();
    let base = |host: &str| format!("postgres://{APP_LOGIN}:{APP_PASSWORD}@{host}:{port}/{DATABASE}");

    // Verified against the organisation's own CA, by name and by address.
    let verified = format!("{}?sslmode=verify-full&sslrootcert={}", base("localhost"), ca.display());
    let branch = Uuid::now_v7();
    let (mut one, token) = ok(Server::register_first(&verified, branch, NodeId(1)));
    let on_tls = cluster.superuser_sql(
        "SELECT count(*) FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.application_name = 'draagkracht' AND s.ssl",
        DATABASE,
    );
    assert_eq!(on_tls, "1");
    ok(one.write_batch(1, 1, &batch(branch, NodeId(1), 1)));
    let by_address = format!("{}?sslmode=require&sslrootcert={}", base("127.0.0.1"), ca.display());
    ok(Server::connect(&by_address, branch, NodeId(1), &token));

    // The system's roots do not know the test CA: refused, with words for the coordinator.
    let e = err(Server::connect(&format!("{}?sslmode=require", base("localhost")), branch, NodeId(1), &token));
    assert_eq!(e.kind, ServerErrorKind::Tls, "{e:?}");
    assert!(e.nl.contains("certificaat"), "{}", e.nl);
    // On this computer `prefer` (the default) encrypts without checking, as libpq does.
    ok(Server::connect(&base("localhost"), branch, NodeId(1), &token));

    // A name the certificate does not carry (reached at the right address): verify-full refuses,
    // verify-ca checks only the issuer, as in libpq.
    let other_name = |mode: &str| {
        format!("{}?hostaddr=127.0.0.1&sslmode={mode}&sslrootcert={}", base("db.branch.invalid"), ca.display())
    };
    let e = err(Server::connect(&other_name("verify-full"), branch, NodeId(1), &token));
    assert_eq!(e.kind, ServerErrorKind::Tls, "{e:?}");
    ok(Server::connect(&other_name("verify-ca"), branch, NodeId(1), &token));
    let version = cluster.superuser_sql(
        "SELECT max(s.version) FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.application_name = 'draagkracht'",
        DATABASE,
    );
    assert!(version.starts_with("TLSv1.3") || version.starts_with("TLSv1.2"), "{version}");
}
