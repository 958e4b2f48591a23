//! Backups as the app names and keeps them: a file name that says when and why a backup was made,
//! and which automatic backups to keep (the newest of each of the last 7 days, then the newest of
//! each of the 4 weeks before). Backups made by hand, before a migration or before a restore are
//! few and telling; the newest 10 of each kind stay.

use chrono::{Datelike, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// The first start of a day.
    Daily,
    /// The coordinator asked for it.
    Manual,
    /// Before the database was upgraded by a new version of the app.
    BeforeMigration,
    /// The database as it was just before a backup was restored over it.
    BeforeRestore,
}

impl BackupKind {
    pub const ALL: [Self; 4] = [Self::Daily, Self::Manual, Self::BeforeMigration, Self::BeforeRestore];

    fn slug(self) -> &'static str {
        match self {
            Self::Daily => "daily",
            Self::Manual => "manual",
            Self::BeforeMigration => "before-migration",
            Self::BeforeRestore => "before-restore",
        }
    }
}

const PREFIX: &str = "draagkracht-";
const STAMP: &str = "%Y-%m-%dT%H%M%S";
const EXTENSION: &str = ".sqlite";
/// How many of each kind other than daily are kept.
const KEEP_OTHERS: usize = 10;

/// `draagkracht-2026-11-28T161500-daily.sqlite`: sorts by time, and says what it is.
pub fn file_name(kind: BackupKind, at: NaiveDateTime) -> String {
    format!("{PREFIX}{}-{}{EXTENSION}", at.format(STAMP), kind.slug())
}

/// When and why, from a backup's file name; `None` for any other file.
pub fn parse_file_name(name: &str) -> Option<(NaiveDateTime, BackupKind)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(EXTENSION)?;
    let (stamp, slug) = rest.split_at_checked(17)?;
    let kind = BackupKind::ALL.into_iter().find(|k| slug.strip_prefix('-') == Some(k.slug()))?;
    Some((NaiveDateTime::parse_from_str(stamp, STAMP).ok()?, kind))
}

/// The backups (by file name) that rotation removes.
pub fn to_remove(names: &[String]) -> Vec<String> {
    let mut parsed: Vec<(NaiveDateTime, BackupKind, &String)> =
        names.iter().filter_map(|n| parse_file_name(n).map(|(at, kind)| (at, kind, n))).collect();
    parsed.sort_by(|a, b| b.0.cmp(&a.0)); // newest first
    let mut keep: HashSet<&String> = HashSet::new();
    let (mut days, mut weeks) = (Vec::new(), Vec::new());
    for (at, _, name) in parsed.iter().filter(|(_, kind, _)| *kind == BackupKind::Daily) {
        let day = at.date();
        let week = (day.iso_week().year(), day.iso_week().week());
        if days.len() < 7 && !days.contains(&day) {
            days.push(day);
            keep.insert(name);
        } else if !days.contains(&day) && weeks.len() < 4 && !weeks.contains(&week) {
            weeks.push(week);
            keep.insert(name);
        }
    }
    for kind in BackupKind::ALL.into_iter().filter(|k| *k != BackupKind::Daily) {
        keep.extend(parsed.iter().filter(|(_, k, _)| *k == kind).take(KEEP_OTHERS).map(|(_, _, n)| *n));
    }
    parsed.iter().filter(|(_, _, n)| !keep.contains(n)).map(|(_, _, n)| (*n).clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Days, NaiveDate};

    fn at(day: NaiveDate, hour: u32) -> NaiveDateTime {
        day.and_hms_opt(hour, 15, 0).unwrap()
    }

    #[test]
    fn names_round_trip_and_other_files_are_ignored() {
        let t = at(NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(), 16);
        for kind in BackupKind::ALL {
            assert_eq!(parse_file_name(&file_name(kind, t)), Some((t, kind)));
        }
        assert_eq!(file_name(BackupKind::Daily, t), "draagkracht-2026-11-28T161500-daily.sqlite");
        for other in ["draagkracht.sqlite", "draagkracht-2026-11-28T161500-daily.sqlite.kdf.json", "x-daily.sqlite"] {
            assert_eq!(parse_file_name(other), None, "{other}");
        }
    }

    #[test]
    fn seven_days_then_four_weeks_of_daily_backups_are_kept() {
        // A daily backup every day for 60 days (two on the last day), and two manual ones.
        let last = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let mut names: Vec<String> =
            (0..60).map(|back| file_name(BackupKind::Daily, at(last - Days::new(back), 9))).collect();
        names.push(file_name(BackupKind::Daily, at(last, 14)));
        names.push(file_name(BackupKind::Manual, at(last - Days::new(200), 9)));
        names.push(file_name(BackupKind::Manual, at(last - Days::new(100), 9)));
        let removed = to_remove(&names);
        let kept: Vec<_> = names.iter().filter(|n| !removed.contains(n)).collect();
        let daily: Vec<_> =
            kept.iter().filter_map(|n| parse_file_name(n)).filter(|(_, k)| *k == BackupKind::Daily).collect();
        assert_eq!(daily.len(), 11, "7 days + 4 weeks: {kept:?}");
        assert!(daily.iter().any(|(t, _)| *t == at(last, 14)), "the newest of today stays");
        assert!(!daily.iter().any(|(t, _)| *t == at(last, 9)), "an older one of the same day goes");
        let oldest = daily.iter().map(|(t, _)| t.date()).min().unwrap();
        assert!(oldest >= last - Days::new(7 + 4 * 7), "nothing older than about five weeks: {oldest}");
        assert_eq!(kept.iter().filter(|n| n.contains("manual")).count(), 2, "manual backups stay");
        assert!(to_remove(&kept.into_iter().cloned().collect::<Vec<_>>()).is_empty(), "rotation is stable");
    }
}
