//! The connection to the server: the organisation's address parsed and checked, TLS, and a
//! deadline on everything, so a down, frozen or slow server is an error within seconds.
//!
//! Built on `tokio-postgres` with a private single-thread runtime rather than the blocking
//! `postgres` wrapper (the same library underneath): `postgres` bounds only the TCP connect, so a
//! server that accepts but never answers (frozen, overloaded, a half-dead network) would hang the
//! TLS handshake, the login or any query forever; a `statement_timeout` cannot help there, since
//! the frozen server itself enforces it. Here every connect and call runs under a client-side
//! deadline, and the server's own `statement_timeout` (shorter) ends slow statements cleanly first.

use crate::error::{from_pg, ServerError, ServerErrorKind};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::runtime::Runtime;
use tokio::task::JoinHandle;
use tokio_postgres::config::{Host, SslMode};
use tokio_postgres::tls::MakeTlsConnect;
use tokio_postgres::types::ToSql;
use tokio_postgres::{Client, Config, NoTls, Row, Socket};

/// Connecting (TCP, TLS handshake, login, session settings) must finish within this.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// How long a statement and a call may take.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// The server cancels a statement after this (`statement_timeout`).
    pub statement: Duration,
    /// The client gives up on a call after this: the statement's limit plus a margin, so the
    /// server's clean cancel normally comes first.
    pub call: Duration,
}

/// A laptop's calls: each is one short statement.
pub(crate) const SYNC_LIMITS: Limits = Limits { statement: Duration::from_secs(10), call: Duration::from_secs(15) };

/// `server_init`: a future migration may rewrite a large table.
pub(crate) const INIT_LIMITS: Limits = Limits { statement: Duration::from_secs(300), call: Duration::from_secs(330) };

/// How the connection is secured.
#[derive(Clone)]
enum Tls {
    /// Plain: only to this computer (`sslmode=disable` on a loopback address or Unix socket).
    Off,
    /// TLS through rustls, verified as the address asks (`connector`).
    On(tokio_postgres_rustls::MakeRustlsConnect),
}

/// A parsed and checked server address.
#[derive(Clone)]
pub(crate) struct Address {
    config: Config,
    tls: Tls,
}

/// Parses the address the organisation gives, `postgres://user:pass@host:port/db?sslmode=…`.
///
/// `sslmode=disable` is allowed only when every host is this computer; to any other host the
/// connection is TLS whatever the mode says (`allow` and `prefer` become `require`), and the
/// server's certificate is always checked against the system's roots, or only against the file
/// named by `sslrootcert=` (an organisation's own CA), and its name against the host
/// (`verify-ca` skips the name). That is stricter than libpq's `require`, which checks nothing.
/// On this computer `prefer` (the default) tries TLS without checking and falls back to plain.
pub(crate) fn parse(url: &str) -> Result<Address, ServerError> {
    let url = url.trim();
    let Some(scheme_end) = ["postgres://", "postgresql://"].iter().find_map(|p| url.starts_with(p).then_some(p.len()))
    else {
        return Err(ServerError::bad_address(
            "Het serveradres moet beginnen met postgres:// (bijvoorbeeld postgres://naam:wachtwoord@server.example.nl:5432/draagkracht).",
            "The server address must start with postgres:// (for example postgres://name:password@server.example.nl:5432/draagkracht).",
            "not a postgres:// URL",
        ));
    };
    // The query starts after the credentials, which may hold a '?' of their own.
    let creds_end = url[scheme_end..].find('@').map_or(scheme_end, |i| scheme_end + i + 1);
    let (base, query) = match url[creds_end..].find('?') {
        Some(i) => (&url[..creds_end + i], &url[creds_end + i + 1..]),
        None => (url, ""),
    };
    let mut sslmode = None;
    let mut rootcert = None;
    let mut rest = vec![];
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "sslmode" => sslmode = Some(percent_decode(value)),
            "sslrootcert" => rootcert = Some(percent_decode(value)),
            _ => rest.push(pair),
        }
    }
    let rebuilt = if rest.is_empty() { base.to_string() } else { format!("{base}?{}", rest.join("&")) };
    // The library's own message names the bad part, never the password.
    let mut config: Config = rebuilt.parse().map_err(|e: tokio_postgres::Error| {
        let detail = chain(&e);
        ServerError::bad_address(
            format!("Het serveradres klopt niet ({detail}). Controleer het adres dat je van je beheerder kreeg."),
            format!("The server address is not valid ({detail}). Check the address your administrator gave you."),
            detail,
        )
    })?;
    if config.get_hosts().is_empty() && config.get_hostaddrs().is_empty() {
        return Err(ServerError::bad_address(
            "In het serveradres ontbreekt de naam van de server.",
            "The server address lacks the server's name.",
            "no host",
        ));
    }
    let local = is_local(&config);
    let mode = sslmode.as_deref().unwrap_or("prefer");
    let tls = match mode {
        "disable" if local => Tls::Off,
        "disable" => {
            return Err(ServerError::bad_address(
                "Het serveradres zet de beveiligde verbinding uit (sslmode=disable). Dat mag alleen voor een server op deze computer zelf. Vraag je beheerder om een adres met een beveiligde verbinding.",
                "The server address turns the secure connection off (sslmode=disable). That is only allowed for a server on this computer itself. Ask your administrator for an address with a secure connection.",
                "sslmode=disable to a remote host",
            ))
        }
        "allow" | "prefer" | "require" | "verify-ca" | "verify-full" => {
            let relaxed = local && matches!(mode, "allow" | "prefer");
            Tls::On(connector(rootcert.as_deref(), relaxed, mode == "verify-ca")?)
        }
        other => {
            return Err(ServerError::bad_address(
                format!("Het serveradres noemt een onbekende beveiliging (sslmode={other})."),
                format!("The server address names an unknown security mode (sslmode={other})."),
                format!("unknown sslmode {other}"),
            ))
        }
    };
    config.ssl_mode(match (&tls, mode) {
        (Tls::Off, _) => SslMode::Disable,
        (Tls::On(_), "allow" | "prefer") if local => SslMode::Prefer,
        (Tls::On(_), _) => SslMode::Require,
    });
    config.connect_timeout(CONNECT_TIMEOUT);
    // Notices a dead network on an open connection (Linux only; elsewhere the deadlines do).
    config.tcp_user_timeout(Duration::from_secs(15));
    config.keepalives(true);
    config.keepalives_idle(Duration::from_secs(30));
    if config.get_application_name().is_none() {
        config.application_name("draagkracht");
    }
    Ok(Address { config, tls })
}

/// Every host is this computer: a Unix socket, `localhost` or a loopback address.
fn is_local(config: &Config) -> bool {
    let hosts_local = config.get_hosts().iter().all(|h| match h {
        Host::Tcp(name) => {
            let name = name.trim_start_matches('[').trim_end_matches(']');
            name.eq_ignore_ascii_case("localhost") || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
        }
        #[cfg(unix)]
        Host::Unix(_) => true,
    });
    hosts_local && config.get_hostaddrs().iter().all(|ip| ip.is_loopback())
}

fn connector(
    rootcert: Option<&str>,
    relaxed: bool,
    any_name: bool,
) -> Result<tokio_postgres_rustls::MakeRustlsConnect, ServerError> {
    use rustls::pki_types::pem::PemObject;
    // rustls 0.23.48 deprecates the ring provider for lacking post-quantum key exchange; the
    // alternative, aws-lc-rs, is a large C build under the OpenSSL licence. PostgreSQL servers as
    // organisations run them (OpenSSL before 3.5) offer no post-quantum groups either.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let tls_error = |e: rustls::Error| ServerError::new(ServerErrorKind::Tls, e.to_string());
    let mut roots = rustls::RootCertStore::empty();
    if let Some(path) = rootcert.filter(|p| !p.is_empty() && *p != "system") {
        let unreadable = |detail: String| {
            ServerError::bad_address(
                format!("Het certificaatbestand {path} uit het serveradres kan niet worden gelezen ({detail})."),
                format!("The certificate file {path} named in the server address cannot be read ({detail})."),
                detail,
            )
        };
        let bytes = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
        let pem: Vec<CertificateDer> = CertificateDer::pem_slice_iter(&bytes).filter_map(Result::ok).collect();
        // As in libpq: a named root file is the only trust, not an addition to the system's.
        let certs = if pem.is_empty() { vec![CertificateDer::from(bytes)] } else { pem };
        for cert in certs {
            roots.add(cert).map_err(|e| unreadable(e.to_string()))?;
        }
    } else {
        // The system's roots; a store that cannot be read in part still gives the rest.
        let found = rustls_native_certs::load_native_certs();
        roots.add_parsable_certificates(found.certs);
    }
    let verifier: Arc<dyn ServerCertVerifier> = if relaxed {
        // libpq's `prefer` on this computer: encryption if offered, nothing to verify against.
        Arc::new(Unchecked(provider.clone()))
    } else {
        let checked = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
            .build()
            .map_err(|e| ServerError::new(ServerErrorKind::Tls, e.to_string()))?;
        if any_name {
            Arc::new(AnyName(checked))
        } else {
            checked
        }
    };
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(tls_error)?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// `sslmode=verify-ca`: the certificate must come from a trusted root, whatever name it carries.
#[derive(Debug)]
struct AnyName(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for AnyName {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        use rustls::{CertificateError::*, Error::InvalidCertificate};
        match self.0.verify_server_cert(end_entity, intermediates, server_name, ocsp, now) {
            Err(InvalidCertificate(NotValidForName | NotValidForNameContext { .. })) => {
                Ok(ServerCertVerified::assertion())
            }
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// `prefer` to this computer only: the certificate is not checked (there is nothing to check it
/// against), the handshake's signatures still are.
#[derive(Debug)]
struct Unchecked(Arc<rustls::crypto::CryptoProvider>);

impl ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = e.to_string();
    let mut next = e.source();
    while let Some(err) = next {
        out.push_str(": ");
        out.push_str(&err.to_string());
        next = err.source();
    }
    out
}

/// An open connection and the task that drives it.
struct Conn {
    client: Client,
    task: JoinHandle<()>,
}

/// A connection that reconnects when needed, every operation under a deadline.
pub(crate) struct Link {
    address: Address,
    limits: Limits,
    rt: Runtime,
    conn: Option<Conn>,
}

impl Link {
    /// Parses `url` and connects.
    pub(crate) fn open(url: &str, limits: Limits) -> Result<Link, ServerError> {
        let address = parse(url)?;
        // The runtime only drives this connection's socket, on the calling thread.
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()
            .map_err(|e| ServerError::new(ServerErrorKind::Other, format!("starting the client runtime: {e}")))?;
        let mut link = Link { address, limits, rt, conn: None };
        link.connect()?;
        Ok(link)
    }

    fn connect(&mut self) -> Result<(), ServerError> {
        self.disconnect();
        let config = self.address.config.clone();
        let tls = self.address.tls.clone();
        let settings = format!(
            "SET statement_timeout = {}; SET lock_timeout = {}; SET idle_in_transaction_session_timeout = {}",
            self.limits.statement.as_millis(),
            self.limits.statement.as_millis().min(5_000),
            self.limits.call.as_millis() * 2,
        );
        let attempt = async move {
            let (client, task) = match tls {
                Tls::Off => start(&config, NoTls).await?,
                Tls::On(c) => start(&config, c).await?,
            };
            client.batch_execute(&settings).await?;
            Ok::<_, tokio_postgres::Error>(Conn { client, task })
        };
        match self.rt.block_on(async { tokio::time::timeout(CONNECT_TIMEOUT, attempt).await }) {
            Ok(Ok(conn)) => {
                self.conn = Some(conn);
                Ok(())
            }
            Ok(Err(e)) => Err(from_pg(&e)),
            Err(_) => Err(ServerError::timeout(CONNECT_TIMEOUT)),
        }
    }

    fn disconnect(&mut self) {
        if let Some(conn) = self.conn.take() {
            conn.task.abort();
        }
    }

    /// Runs one call with the deadline. A connection that broke since the last call (the server
    /// restarted) is made again once and the call repeated: every call of this crate is
    /// idempotent, so repeating one is safe.
    fn call<T, F>(&mut self, op: F) -> Result<T, ServerError>
    where
        F: AsyncFn(&Client) -> Result<T, tokio_postgres::Error>,
    {
        let fresh = self.conn.is_none() || self.conn.as_ref().is_some_and(|c| c.client.is_closed());
        if fresh {
            self.connect()?;
        }
        match self.once(&op) {
            Err(e) if !fresh && e.kind == ServerErrorKind::Unreachable => {
                self.connect()?;
                self.once(&op)
            }
            other => other,
        }
    }

    fn once<T, F>(&mut self, op: &F) -> Result<T, ServerError>
    where
        F: AsyncFn(&Client) -> Result<T, tokio_postgres::Error>,
    {
        let Some(conn) = &self.conn else {
            return Err(ServerError::new(ServerErrorKind::Unreachable, "not connected"));
        };
        let limit = self.limits.call;
        let result = self.rt.block_on(async { tokio::time::timeout(limit, op(&conn.client)).await });
        match result {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(e)) => {
                let err = from_pg(&e);
                if matches!(err.kind, ServerErrorKind::Unreachable | ServerErrorKind::Tls) {
                    self.disconnect();
                }
                Err(err)
            }
            Err(_) => {
                // The connection's state is unknown after an abandoned call: start afresh next time.
                self.disconnect();
                Err(ServerError::timeout(limit))
            }
        }
    }

    /// One statement with parameters; its rows.
    pub(crate) fn query(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>, ServerError> {
        self.call(async |c: &Client| c.query(sql, params).await)
    }

    /// Statements without parameters or results (the simple protocol: several at once), never
    /// reconnecting: inside a transaction a new connection would run the rest outside it.
    pub(crate) fn batch_in_transaction(&mut self, sql: &str) -> Result<(), ServerError> {
        self.once(&async |c: &Client| c.batch_execute(sql).await)
    }

    /// Like `query` but never reconnecting (see `batch_in_transaction`).
    pub(crate) fn query_in_transaction(
        &mut self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<Row>, ServerError> {
        self.once(&async |c: &Client| c.query(sql, params).await)
    }
}

impl Drop for Link {
    fn drop(&mut self) {
        // Dropping the client asks its task to say goodbye (Terminate) to the server; give it a
        // moment to do so rather than leaving the server to notice a dropped socket.
        if let Some(Conn { client, task }) = self.conn.take() {
            drop(client);
            let _ = self.rt.block_on(async { tokio::time::timeout(Duration::from_millis(500), task).await });
        }
    }
}

/// Connects and starts the task that drives the connection.
async fn start<T>(config: &Config, tls: T) -> Result<(Client, JoinHandle<()>), tokio_postgres::Error>
where
    T: MakeTlsConnect<Socket>,
    T::Stream: Send + 'static,
{
    let (client, connection) = config.connect(tls).await?;
    let task = tokio::spawn(async move {
        // Its end is seen by the client as a closed connection; nothing to report here.
        let _ = connection.await;
    });
    Ok((client, task))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(url: &str) -> ServerError {
        match parse(url) {
            Err(e) => e,
            Ok(_) => panic!("{url} should be refused"),
        }
    }

    #[test]
    fn plain_connections_only_to_this_computer() {
        for url in [
            "postgres://u:p@127.0.0.1:5432/db?sslmode=disable",
            "postgres://u:p@localhost/db?sslmode=disable",
            "postgresql://u:p@[::1]:5432/db?sslmode=disable",
            "postgres://u:p@%2Ftmp%2Fpg/db?sslmode=disable",
        ] {
            let a = parse(url).unwrap_or_else(|e| panic!("{url}: {e}"));
            assert_eq!(a.config.get_ssl_mode(), SslMode::Disable, "{url}");
        }
        let e = refused("postgres://u:secret@db.example.nl/db?sslmode=disable");
        assert_eq!(e.kind, ServerErrorKind::BadAddress);
        assert!(e.nl.contains("sslmode=disable"));
        // A remote host by name or address, whatever else it says.
        refused("postgres://u:p@10.0.0.1,127.0.0.1/db?sslmode=disable");
        refused("postgres://u:p@localhost/db?sslmode=disable&hostaddr=10.0.0.1");
    }

    #[test]
    fn remote_servers_always_get_tls() {
        for mode in ["", "?sslmode=allow", "?sslmode=prefer", "?sslmode=require", "?sslmode=verify-full"] {
            let url = format!("postgres://u:p@db.example.nl:5432/draagkracht{mode}");
            let a = parse(&url).unwrap_or_else(|e| panic!("{url}: {e}"));
            assert_eq!(a.config.get_ssl_mode(), SslMode::Require, "{url}");
            assert!(matches!(a.tls, Tls::On(_)));
        }
        // On this computer `prefer` may fall back to plain.
        assert_eq!(parse("postgres://u:p@localhost/db").map(|a| a.config.get_ssl_mode()).ok(), Some(SslMode::Prefer));
    }

    #[test]
    fn bad_addresses_are_named_without_the_password() {
        for url in [
            "mysql://u:hunter2@db/x",
            "postgres://u:hunter2@db/x?sslmode=sometimes",
            "postgres://u:hunter2@db:notaport/x",
            "postgres://u:hunter2@db/x?colour=blue",
            "postgres://u:hunter2@db/x?sslrootcert=/nonexistent/ca.pem",
            "postgres:///x",
        ] {
            let e = refused(url);
            assert_eq!(e.kind, ServerErrorKind::BadAddress, "{url}: {e}");
            for text in [&e.nl, &e.en, &e.detail] {
                assert!(!text.contains("hunter2"), "{url}: {text}");
            }
        }
    }

    #[test]
    fn a_password_may_hold_a_question_mark() {
        let a = parse("postgres://u:p%3Fq?x@127.0.0.1/db?sslmode=disable").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a.config.get_password(), Some(&b"p?q?x"[..]));
        assert_eq!(a.config.get_ssl_mode(), SslMode::Disable);
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("%2Fetc%2Fca.pem"), "/etc/ca.pem");
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
