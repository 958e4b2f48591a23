//! The national picture on the organisation's server (issue 17, migration 4): branches publish
//! their monthly figures, the national office and the regions read them added up. Every account is
//! a login of its own and row-level security keeps branches apart; see `migrations/0004_national.sql`.

use crate::column;
use crate::error::{ServerError, ServerErrorKind};
use crate::link::{Link, INIT_LIMITS, SYNC_LIMITS};
use chrono::{DateTime, NaiveDate, Utc};
use draagkracht_core::national::{key, Figure, Sums, Window};
use draagkracht_core::DateRange;
use rand::RngCore;
use std::collections::BTreeMap;

/// One published figure of one month and scope ('' the whole branch, else a municipality's name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub month: NaiveDate,
    pub scope: String,
    pub figure: Figure,
}

/// Who an account is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Account {
    /// Publishes, and reads, its own branch's figures.
    Branch { name: String, region: Option<String> },
    /// Reads the branches of its region.
    Region { region: String },
    /// Reads every branch; takes in branches' publication files.
    National,
}

/// A branch the account may read, with its region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Branch {
    pub name: String,
    pub region: Option<String>,
}

/// The arrays `put_months` takes, one per column.
#[derive(Default)]
struct Columns {
    month: Vec<NaiveDate>,
    scope: Vec<String>,
    win: Vec<i8>,
    figure: Vec<String>,
    part: Vec<String>,
    detail: Vec<String>,
    value: Vec<i64>,
}

fn columns(rows: &[Row]) -> Columns {
    let mut c = Columns::default();
    for r in rows {
        c.month.push(r.month);
        c.scope.push(r.scope.clone());
        c.win.push(r.figure.window.as_str().as_bytes()[0] as i8);
        c.figure.push(r.figure.key.to_string());
        c.part.push(r.figure.part.clone());
        c.detail.push(r.figure.detail.clone());
        c.value.push(r.figure.value);
    }
    c
}

/// The connection of one national-picture account.
pub struct National {
    link: Link,
}

impl National {
    /// Connects with an account's address.
    pub fn open(url: &str) -> Result<National, ServerError> {
        Ok(National { link: Link::open(url, SYNC_LIMITS)? })
    }

    /// Who this login is; refused when it is no account of the national picture.
    pub fn account(&mut self) -> Result<Account, ServerError> {
        let rows = self.link.query("SELECT kind, branch, region FROM draagkracht_national.whoami()", &[])?;
        let Some(row) = rows.first() else { return Err(not_an_account("no account row")) };
        let kind: String = column(row, 0)?;
        let branch: Option<String> = column(row, 1)?;
        let region: Option<String> = column(row, 2)?;
        match (kind.as_str(), branch, region) {
            ("branch", Some(name), region) => Ok(Account::Branch { name, region }),
            ("region", _, Some(region)) => Ok(Account::Region { region }),
            ("national", _, _) => Ok(Account::National),
            _ => Err(not_an_account("unknown account kind")),
        }
    }

    /// A branch account publishes `months` (their first days) with `rows`: each month replaces
    /// what the server holds of it unless that was published later than `at`. Returns how many
    /// months were taken in.
    pub fn publish(&mut self, at: DateTime<Utc>, months: &[NaiveDate], rows: &[Row]) -> Result<u32, ServerError> {
        let c = columns(rows);
        let taken = self.link.query(
            "SELECT draagkracht_national.publish($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &[&at, &months, &c.month, &c.scope, &c.win, &c.figure, &c.part, &c.detail, &c.value],
        )?;
        taken_months(&taken)
    }

    /// The national office takes in a branch's publication file, whose signature the caller has
    /// checked with `key`: refused for a branch the server does not know, a key other than the one
    /// first seen for the branch, or a file (by `sha256`) taken in before.
    pub fn accept_file(
        &mut self,
        branch: &str,
        sha256: &[u8; 32],
        key: &[u8; 32],
        at: DateTime<Utc>,
        months: &[NaiveDate],
        rows: &[Row],
    ) -> Result<u32, ServerError> {
        let c = columns(rows);
        let (sha, key) = (sha256.as_slice(), key.as_slice());
        let taken = self.link.query(
            "SELECT draagkracht_national.accept_file($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            &[&branch, &sha, &key, &at, &months, &c.month, &c.scope, &c.win, &c.figure, &c.part, &c.detail, &c.value],
        )?;
        taken_months(&taken)
    }

    /// The branches this account may read, by name.
    pub fn branches(&mut self) -> Result<Vec<Branch>, ServerError> {
        let rows = self.link.query("SELECT name, region FROM draagkracht_national.branches ORDER BY name", &[])?;
        rows.iter().map(|r| Ok(Branch { name: column(r, 0)?, region: column(r, 1)? })).collect()
    }

    /// Which months of `range` each of `branches` published, and when.
    pub fn published(
        &mut self,
        branches: &[String],
        range: DateRange,
    ) -> Result<BTreeMap<String, Vec<(NaiveDate, DateTime<Utc>)>>, ServerError> {
        let rows = self.link.query(
            "SELECT b.name, p.month, p.published_at FROM draagkracht_national.publications p
             JOIN draagkracht_national.branches b ON b.id = p.branch_id
             WHERE b.name = ANY ($1) AND p.month BETWEEN $2 AND $3 ORDER BY b.name, p.month",
            &[&branches, &range.first, &range.last],
        )?;
        let mut out: BTreeMap<String, Vec<(NaiveDate, DateTime<Utc>)>> = BTreeMap::new();
        for r in &rows {
            out.entry(column(r, 0)?).or_default().push((column(r, 1)?, column(r, 2)?));
        }
        Ok(out)
    }

    /// The figures of `branches` for the months of `range` in `scope` ('' the whole branch, else
    /// a municipality's name, matched without regard to case), and the trend's year rows of
    /// `trend_months`, added up by the server.
    pub fn sums(
        &mut self,
        branches: &[String],
        scope: &str,
        range: DateRange,
        trend_months: &[NaiveDate],
    ) -> Result<Sums, ServerError> {
        let rows = self.link.query(
            "SELECT f.month, f.win::text, f.figure, f.part, f.detail, sum(f.value)::bigint
             FROM draagkracht_national.figures f
             JOIN draagkracht_national.branches b ON b.id = f.branch_id
             WHERE b.name = ANY ($1) AND lower(f.scope) = lower($2)
               AND (f.month BETWEEN $3 AND $4 OR (f.month = ANY ($5) AND f.win = 'y' AND f.figure = 'year'))
             GROUP BY 1, 2, 3, 4, 5",
            &[&branches, &scope.trim(), &range.first, &range.last, &trend_months],
        )?;
        let mut sums = Sums::default();
        for r in &rows {
            let win: String = column(r, 1)?;
            let name: String = column(r, 2)?;
            // Only names this build knows: a newer branch's extra figures are left out.
            let (Some(window), Some(key)) = (Window::parse(&win), key::parse(&name)) else { continue };
            let figure = Figure { window, key, part: column(r, 3)?, detail: column(r, 4)?, value: column(r, 5)? };
            sums.add(column(r, 0)?, &figure);
        }
        Ok(sums)
    }
}

fn taken_months(rows: &[tokio_postgres::Row]) -> Result<u32, ServerError> {
    match rows.first() {
        Some(row) => Ok(u32::try_from(column::<i32>(row, 0)?).unwrap_or(0)),
        None => Err(ServerError::unexpected("publishing gave no row")),
    }
}

fn not_an_account(detail: &str) -> ServerError {
    ServerError::new(ServerErrorKind::NotNational, detail)
}

/// What a new account may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewAccount {
    /// A branch (made when new) in an optional region.
    Branch {
        name: String,
        region: Option<String>,
    },
    Region {
        region: String,
    },
    National,
}

/// Makes a login for the national picture with an administrator's address (after
/// `server_init`) and returns its password (random, 32 hex digits). `login` is 1–40 lowercase
/// letters, digits and underscores.
pub fn create_account(admin_url: &str, login: &str, account: &NewAccount) -> Result<String, ServerError> {
    if login.is_empty()
        || login.len() > 40
        || !login.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(ServerError::new(
            ServerErrorKind::Malformed,
            format!("login {login:?}: use 1 to 40 lowercase letters, digits and underscores"),
        ));
    }
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let password = hex::encode(bytes);
    let group = match account {
        NewAccount::Branch { .. } => "draagkracht_national_branch",
        NewAccount::Region { .. } => "draagkracht_national_region",
        NewAccount::National => "draagkracht_national_office",
    };
    let mut link = Link::open(admin_url, INIT_LIMITS)?;
    link.batch_in_transaction("BEGIN")?;
    let made = (|| {
        // The login and password are checked above and made here: nothing else is formatted in.
        link.batch_in_transaction(&format!("CREATE ROLE {login} LOGIN PASSWORD '{password}' IN ROLE {group}"))?;
        let (kind, branch, region) = match account {
            NewAccount::Branch { name, region } => ("branch", Some(name.trim().to_string()), region.clone()),
            NewAccount::Region { region } => ("region", None, Some(region.trim().to_string())),
            NewAccount::National => ("national", None, None),
        };
        // As the owner of the tables, as server_init works (row-level security binds other roles).
        link.batch_in_transaction("SET LOCAL ROLE draagkracht_owner")?;
        if let Some(name) = &branch {
            link.query_in_transaction(
                "INSERT INTO draagkracht_national.branches (name, region) VALUES ($1, $2)
                 ON CONFLICT (name) DO UPDATE SET region = coalesce(excluded.region, draagkracht_national.branches.region)",
                &[name, &region],
            )?;
        }
        let region = if kind == "region" { region } else { None };
        link.query_in_transaction(
            "INSERT INTO draagkracht_national.accounts (login, kind, branch_id, region)
             VALUES ($1::text::name, $2, (SELECT id FROM draagkracht_national.branches WHERE name = $3), $4)",
            &[&login, &kind, &branch, &region],
        )?;
        Ok::<_, ServerError>(())
    })();
    match made {
        Ok(()) => link.batch_in_transaction("COMMIT")?,
        Err(e) => {
            let _ = link.batch_in_transaction("ROLLBACK");
            return Err(e);
        }
    }
    Ok(password)
}
