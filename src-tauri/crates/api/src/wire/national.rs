//! The national picture (issue 17): what the "Landelijk overzicht" sends and gets back, and a
//! branch's publishing.

use super::{Language, ReportAudience};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What an account of the national picture is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NationalAccountKind {
    Branch,
    Region,
    National,
}

/// A branch whose published figures the account may read.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NationalBranch {
    pub name: String,
    pub region: Option<String>,
}

/// The account the address logs in with, and what it may read.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NationalAccount {
    pub kind: NationalAccountKind,
    /// A branch account's branch.
    pub branch: Option<String>,
    /// A region account's region (or a branch's).
    pub region: Option<String>,
    pub branches: Vec<NationalBranch>,
    /// The regions among them, sorted.
    pub regions: Vec<String>,
}

/// A national report to make: the server address, the period as typed and what it covers.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NationalReportRequest {
    pub server: String,
    pub from: String,
    pub to: String,
    pub audience: ReportAudience,
    pub language: Language,
    /// Only the branches of this region.
    #[serde(default)]
    pub region: Option<String>,
    /// Only these branches (none: every branch the account may read).
    #[serde(default)]
    pub branches: Vec<String>,
    /// Only the residents of the municipality of this name.
    #[serde(default)]
    pub municipality: Option<String>,
}

/// A month this laptop published.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublishedMonth {
    /// `2025-03`.
    pub month: String,
    /// RFC 3339.
    pub published_at: String,
    /// "server" or "file".
    pub via: String,
}

/// The branch's publishing as the reports screen shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublishingStatus {
    /// The remembered address of the branch's account (with its password: shown masked).
    pub server: Option<String>,
    /// The name a publication file gives (the report settings' branch name).
    pub branch_name: String,
    /// The complete months with records.
    pub publishable: u32,
    pub first_month: Option<String>,
    pub last_month: Option<String>,
    pub published: Vec<PublishedMonth>,
}

/// What a publication did.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublishReport {
    pub months: u32,
    /// Months the server took in (a month published later from another laptop is kept).
    pub taken: u32,
    /// Where the file went (publishing as a file).
    pub path: Option<String>,
}
