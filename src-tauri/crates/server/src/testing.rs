//! A throw-away PostgreSQL 15 cluster for tests and benchmarks (this crate's, the app's scenario
//! tests): made in a temporary folder, listening on a free loopback port, removed on drop.
//!
//! As shared/TOOLCHAIN.md describes: `initdb` refuses root, so the folder is handed to the
//! `postgres` system user and the tools run through `runuser`. Local (Unix socket) connections are
//! trusted, which is how the harness itself works as the superuser; TCP connections need a
//! password (SCRAM), so a test that logs in over TCP really proves its password. This is test
//! support: it panics with a message instead of returning errors.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};

/// Where Debian's `postgresql` package (PostgreSQL 15) puts its programs.
pub const BIN: &str = "/usr/lib/postgresql/15/bin";
/// The database the cluster gets for Draagkracht.
pub const DATABASE: &str = "draagkracht";
/// The login the laptops use (granted `draagkracht_app` once the schema is set up).
pub const APP_LOGIN: &str = "draagkracht_login";
pub const APP_PASSWORD: &str = "test-login-pw";
pub const SUPERUSER_PASSWORD: &str = "test-superuser-pw";

/// A running throw-away cluster; stopped (`pg_ctl -m fast stop`) and removed on drop.
pub struct TestCluster {
    dir: PathBuf,
    port: u16,
    tls: bool,
    running: bool,
    frozen: Vec<u32>,
}

fn fail(what: &str, detail: impl std::fmt::Display) -> ! {
    panic!("test cluster: {what}: {detail}")
}

fn run(cmd: &mut Command, what: &str) -> Output {
    let out = cmd.output().unwrap_or_else(|e| fail(what, e));
    if !out.status.success() {
        fail(what, format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)));
    }
    out
}

fn as_postgres(program: &str) -> Command {
    let mut cmd = Command::new("runuser");
    cmd.args(["-u", "postgres", "--", &format!("{BIN}/{program}")]);
    cmd
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| fail("finding a free port", e));
    listener.local_addr().unwrap_or_else(|e| fail("finding a free port", e)).port()
}

impl TestCluster {
    /// A cluster with the schema set up (`server_init` as the superuser) and the app's login
    /// granted `draagkracht_app`: `url()` is ready for `Server`.
    pub fn new() -> TestCluster {
        let cluster = Self::bare();
        cluster.init();
        cluster
    }

    /// Like `new`, with TLS on (a certificate for `localhost` and 127.0.0.1, signed by a test CA
    /// whose certificate is `ca_cert()`).
    pub fn with_tls() -> TestCluster {
        let cluster = Self::make(true);
        cluster.init();
        cluster
    }

    /// A cluster with an empty database and the app's login, which has no rights yet: for
    /// testing `server_init` itself (then call `init`, or grant by hand).
    pub fn bare() -> TestCluster {
        Self::make(false)
    }

    fn make(tls: bool) -> TestCluster {
        if !Path::new(BIN).join("initdb").exists() {
            panic!(
                "PostgreSQL 15 is not installed ({BIN}/initdb is missing): install the Debian package `postgresql` \
                 (apt-get install postgresql) to run the server tests"
            );
        }
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!(
            "draagkracht-pg-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| fail("making the folder", e));
        let mut cluster = TestCluster { dir, port: 0, tls, running: false, frozen: vec![] };
        std::fs::write(cluster.dir.join("pw"), SUPERUSER_PASSWORD).unwrap_or_else(|e| fail("writing pw", e));
        if tls {
            cluster.make_certificates();
        }
        run(Command::new("chown").args(["-R", "postgres:postgres"]).arg(&cluster.dir), "chown");
        run(
            as_postgres("initdb")
                .arg("-D")
                .arg(cluster.dir.join("data"))
                .args(["-A", "trust", "--auth-host=scram-sha-256", "-U", "postgres", "-E", "UTF8", "--no-sync"])
                .arg(format!("--pwfile={}", cluster.dir.join("pw").display())),
            "initdb",
        );
        // Another process may take the port between choosing and binding: try a few.
        for attempt in 0..5 {
            cluster.port = free_port();
            if cluster.try_start() {
                break;
            }
            if attempt == 4 {
                fail("starting", cluster.log());
            }
        }
        cluster.superuser_sql(&format!("CREATE DATABASE {DATABASE}"), "postgres");
        cluster.superuser_sql(&format!("CREATE ROLE {APP_LOGIN} LOGIN PASSWORD '{APP_PASSWORD}'"), "postgres");
        cluster
    }

    fn make_certificates(&self) {
        let d = &self.dir;
        let openssl = |args: &[&str], what: &str| {
            run(Command::new("openssl").current_dir(d).args(args), what);
        };
        openssl(
            &[
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.crt",
                "-days",
                "2",
                "-subj",
                "/CN=Draagkracht test CA",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign",
            ],
            "making the test CA",
        );
        openssl(
            &[
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                "server.key",
                "-out",
                "server.csr",
                "-subj",
                "/CN=localhost",
            ],
            "making the server key",
        );
        std::fs::write(d.join("ext.cnf"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n")
            .unwrap_or_else(|e| fail("writing ext.cnf", e));
        openssl(
            &[
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.crt",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                "server.crt",
                "-days",
                "2",
                "-extfile",
                "ext.cnf",
            ],
            "signing the server certificate",
        );
        // PostgreSQL refuses a key others may read. (The harness runs on Linux only; elsewhere it
        // still compiles, and panics for want of PostgreSQL's programs.)
        #[cfg(unix)]
        std::fs::set_permissions(d.join("server.key"), std::os::unix::fs::PermissionsExt::from_mode(0o600))
            .unwrap_or_else(|e| fail("chmod server.key", e));
    }

    fn try_start(&mut self) -> bool {
        let mut options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40",
            self.port,
            self.dir.display()
        );
        if self.tls {
            options.push_str(&format!(
                " -c ssl=on -c ssl_cert_file={0}/server.crt -c ssl_key_file={0}/server.key",
                self.dir.display()
            ));
        }
        let ok = as_postgres("pg_ctl")
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-o", &options, "-l"])
            .arg(self.dir.join("log"))
            .args(["-w", "start"])
            .output()
            .is_ok_and(|o| o.status.success());
        self.running = ok;
        ok
    }

    /// Runs `server_init` as the superuser and grants `draagkracht_app` to the app's login: the
    /// order an administrator follows (the role exists only after the first init).
    pub fn init(&self) {
        crate::server_init(&self.superuser_url()).unwrap_or_else(|e| fail("server_init", e));
        self.superuser_sql(&format!("GRANT draagkracht_app TO {APP_LOGIN}"), DATABASE);
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The test CA's certificate (`with_tls` clusters), for `sslrootcert=`.
    pub fn ca_cert(&self) -> PathBuf {
        self.dir.join("ca.crt")
    }

    /// The app's login over TCP, `sslmode=disable` (loopback).
    pub fn url(&self) -> String {
        format!("postgres://{APP_LOGIN}:{APP_PASSWORD}@127.0.0.1:{}/{DATABASE}?sslmode=disable", self.port)
    }

    /// The superuser over TCP, `sslmode=disable` (loopback).
    pub fn superuser_url(&self) -> String {
        format!("postgres://postgres:{SUPERUSER_PASSWORD}@127.0.0.1:{}/{DATABASE}?sslmode=disable", self.port)
    }

    /// Runs SQL through psql as the superuser (Unix socket) in `database`; its output
    /// (unaligned, tuples only). Panics on an error.
    pub fn superuser_sql(&self, sql: &str, database: &str) -> String {
        let out = run(
            Command::new(format!("{BIN}/psql"))
                .args(["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-U", "postgres", "-h"])
                .arg(&self.dir)
                .args(["-p", &self.port.to_string(), "-d", database, "-c", sql]),
            "psql",
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Runs SQL through psql with `url` (e.g. the app's login); its output or psql's error.
    pub fn sql_as(&self, url: &str, sql: &str) -> Result<String, String> {
        let out = Command::new(format!("{BIN}/psql"))
            .args(["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql])
            .output()
            .map_err(|e| e.to_string())?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        }
    }

    /// `pg_dump` of the database, as text.
    pub fn dump(&self) -> String {
        let out = run(
            Command::new(format!("{BIN}/pg_dump")).args(["-U", "postgres", "-h"]).arg(&self.dir).args([
                "-p",
                &self.port.to_string(),
                "-d",
                DATABASE,
            ]),
            "pg_dump",
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Stops the server (`pg_ctl -m fast stop`): a server that went down.
    pub fn stop(&mut self) {
        self.thaw();
        if self.running {
            run(
                as_postgres("pg_ctl").arg("-D").arg(self.dir.join("data")).args(["-m", "fast", "-w", "stop"]),
                "pg_ctl stop",
            );
            self.running = false;
        }
    }

    /// Starts a stopped server again, on the same port.
    pub fn start(&mut self) {
        if !self.running && !self.try_start() {
            fail("starting again", self.log());
        }
    }

    /// Freezes the whole server (SIGSTOP to the postmaster and every process under it): it still
    /// accepts TCP connections (the kernel does) but never answers, like a hung server.
    pub fn freeze(&mut self) {
        let text = std::fs::read_to_string(self.dir.join("data/postmaster.pid"))
            .unwrap_or_else(|e| fail("reading postmaster.pid", e));
        let Some(pid) = text.lines().next().and_then(|l| l.trim().parse::<u32>().ok()) else {
            fail("reading postmaster.pid", text)
        };
        let mut pids = vec![pid];
        if let Ok(entries) = std::fs::read_dir("/proc") {
            for entry in entries.flatten() {
                let Ok(child) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
                let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else { continue };
                // "pid (comm) state ppid …": comm may hold spaces, so read after the last ')'.
                let ppid = stat.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().nth(1));
                if ppid == Some(pid.to_string().as_str()) {
                    pids.push(child);
                }
            }
        }
        for p in &pids {
            run(Command::new("kill").args(["-STOP", &p.to_string()]), "kill -STOP");
        }
        self.frozen = pids;
    }

    /// Lets a frozen server run again.
    pub fn thaw(&mut self) {
        for p in self.frozen.drain(..) {
            let _ = Command::new("kill").args(["-CONT", &p.to_string()]).output();
        }
    }

    /// The server's log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("log")).unwrap_or_default()
    }
}

impl Default for TestCluster {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for TestCluster {
    fn drop(&mut self) {
        self.thaw();
        if self.running {
            let _ =
                as_postgres("pg_ctl").arg("-D").arg(self.dir.join("data")).args(["-m", "fast", "-w", "stop"]).output();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
