//! The national picture (issue 17): what a branch publishes of each month, and how the national
//! office adds the branches' publications up into the figures of one report.
//!
//! A publication holds only counts and minutes, each a [`Figure`]: a name, two parts that say what
//! it counts (a programme kind and an activity level, a rule and what was done, …) and a value —
//! never a name, an id, a date of a person or free text. Its counts are exact: the branch and the
//! national office are one organisation; a report made from them for outsiders is suppressed at the
//! end, by the same [`crate::report::build`] a branch's own report goes through.
//!
//! Most figures add up over months and branches (minutes, new matches, referrals). Counts of
//! *different* people do not add up over months — a volunteer active in January and in February is
//! one volunteer of the quarter — so those are published for three [`Window`]s ending with the
//! month: the month, the quarter so far and the year so far. A national report therefore covers a
//! month, a quarter or a calendar year (or its first months): a period whose people can be counted
//! exactly ([`Window::of_period`]). Medians are published as how many of each length, so the
//! national median is exact too.

use crate::goals::{GoalResult, ZrmChange};
use crate::programme::DEFAULT_PROGRAMMES;
use crate::report::figures::{months_of, FewVolunteers, LevelMinutes, ReportFacts, ReportFigures, YearFacts};
use crate::{ActivityLevel, CaseLevel, DateRange, ProfessionalKind, Resolution, VolunteerId};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The programme kind of a programme the branch added itself (not one of DOMAIN.md's defaults).
pub const OTHER_KIND: &str = "overig";

/// The span a count of people covers, always ending with the published month's last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Window {
    Month,
    /// From the first day of the month's quarter.
    Quarter,
    /// From the 1st of January.
    Year,
}

impl Window {
    pub const ALL: [Window; 3] = [Window::Month, Window::Quarter, Window::Year];

    /// The server's and the file's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Month => "m",
            Self::Quarter => "q",
            Self::Year => "y",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.as_str() == text)
    }

    /// The days this window covers for `month` (its first day).
    pub fn range(self, month: NaiveDate) -> DateRange {
        let last = DateRange::month_of(month).last;
        let first = match self {
            Self::Month => DateRange::month_of(month).first,
            Self::Quarter => NaiveDate::from_ymd_opt(month.year(), (month.month0() / 3) * 3 + 1, 1).unwrap_or(month),
            Self::Year => NaiveDate::from_ymd_opt(month.year(), 1, 1).unwrap_or(month),
        };
        DateRange { first, last }
    }

    /// The window whose counts of people a national report over `range` uses, with the month it
    /// ends in; `None` when the period is not a month, a quarter or the start of a year up to a
    /// month's end (its people could not be counted exactly from monthly publications).
    pub fn of_period(range: DateRange) -> Option<(Window, NaiveDate)> {
        let month = DateRange::month_of(range.last);
        if range.last != month.last {
            return None;
        }
        Self::ALL.into_iter().find(|w| w.range(month.first) == range).map(|w| (w, month.first))
    }
}

/// One published figure.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Figure {
    pub window: Window,
    /// What is counted (see the constants in [`key`]).
    pub key: &'static str,
    /// The first thing it is counted by (a programme kind, a rule, a level), or empty.
    pub part: String,
    /// The second (an activity level, a resolution, a length in days), or empty.
    pub detail: String,
    pub value: i64,
}

/// The names of the figures. Those marked "per window" are published for each [`Window`]; all
/// others for the month alone, and add up.
pub mod key {
    /// Work minutes by programme kind (part) and activity level (detail; empty: none named).
    pub const WORK: &str = "work";
    /// Training minutes by programme kind.
    pub const TRAINING: &str = "training";
    pub const NEW_VOLUNTEERS: &str = "new_volunteers";
    pub const STOPPED_VOLUNTEERS: &str = "stopped_volunteers";
    pub const NEW_MATCHES: &str = "new_matches";
    pub const ENDED_MATCHES: &str = "ended_matches";
    /// How many matches ended after (detail) days.
    pub const MATCH_DAYS: &str = "match_days";
    /// Referrals by kind (detail).
    pub const REFERRALS: &str = "referrals";
    /// Signals raised, by rule (part).
    pub const SIGNALS_RAISED: &str = "signals_raised";
    /// Signals resolved, by rule (part) and what was done (detail; empty: not recorded).
    pub const SIGNALS_RESOLVED: &str = "signals_resolved";
    /// How many signals were resolved after (detail) days.
    pub const RESOLVE_DAYS: &str = "resolve_days";
    /// Goal results of ended matches by the case's level (part) and result (detail).
    pub const GOAL_RESULTS: &str = "goal_results";
    /// Ended matches with a ZRM scored at start and end.
    pub const ZRM_MATCHES: &str = "zrm_matches";
    /// Their life domains better, the same, worse (detail).
    pub const ZRM_DOMAINS: &str = "zrm_domains";
    /// A municipality's publication: minutes of its residents' volunteers outside any match.
    pub const UNLINKED: &str = "unlinked";
    /// Per window: volunteers with any entry.
    pub const ACTIVE_VOLUNTEERS: &str = "active_volunteers";
    /// Per window: volunteers who worked in a programme of the kind (part).
    pub const KIND_VOLUNTEERS: &str = "kind_volunteers";
    /// Per window: participants with a match that ran.
    pub const PARTICIPANTS: &str = "participants";
    /// Per window: matches that ran, by level at the window's end (part).
    pub const RUNNING: &str = "running";
    /// Year window only: the trend's row of the year so far (detail names the column).
    pub const YEAR: &str = "year";

    pub const ALL: [&str; 20] = [
        WORK,
        TRAINING,
        NEW_VOLUNTEERS,
        STOPPED_VOLUNTEERS,
        NEW_MATCHES,
        ENDED_MATCHES,
        MATCH_DAYS,
        REFERRALS,
        SIGNALS_RAISED,
        SIGNALS_RESOLVED,
        RESOLVE_DAYS,
        GOAL_RESULTS,
        ZRM_MATCHES,
        ZRM_DOMAINS,
        UNLINKED,
        ACTIVE_VOLUNTEERS,
        KIND_VOLUNTEERS,
        PARTICIPANTS,
        RUNNING,
        YEAR,
    ];

    /// The known name `text` is, so a file or the server cannot bring in names of its own.
    pub fn parse(text: &str) -> Option<&'static str> {
        ALL.into_iter().find(|k| *k == text)
    }
}

/// The columns of the trend's year row, as [`key::YEAR`]'s detail.
const YEAR_COLUMNS: [&str; 8] =
    ["volunteers", "work", "matches", "complex", "acute", "volunteer_level", "grey", "professional"];

fn level_name(level: Option<ActivityLevel>) -> &'static str {
    level.map_or("", ActivityLevel::as_str)
}

struct Out(Vec<Figure>);

impl Out {
    fn add(&mut self, window: Window, key: &'static str, part: &str, detail: &str, value: i64) {
        if value != 0 {
            self.0.push(Figure { window, key, part: part.into(), detail: detail.into(), value });
        }
    }
}

fn count<T>(items: impl Iterator<Item = T>) -> i64 {
    items.count() as i64
}

/// What a branch publishes of one month for one scope (the whole branch, or one municipality's
/// residents): the month's own facts, and the facts of the quarter and the year so far.
/// `kinds[i]` is the programme kind of `facts.programmes[i]` (the same in all three).
pub fn publication(month: &ReportFacts, quarter: &ReportFacts, year: &ReportFacts, kinds: &[String]) -> Vec<Figure> {
    let mut out = Out(Vec::new());
    let kind = |i: usize| kinds.get(i).map_or(OTHER_KIND, String::as_str);
    let range = month.range;

    // Minutes, summed per kind and level first (two programmes may share a kind).
    let mut minutes: BTreeMap<(bool, &str, &str), i64> = BTreeMap::new();
    for m in &month.minutes {
        let level = if m.training { "" } else { level_name(m.level) };
        *minutes.entry((m.training, kind(m.programme), level)).or_default() += m.minutes as i64;
    }
    for ((training, kind, level), value) in minutes {
        out.add(Window::Month, if training { key::TRAINING } else { key::WORK }, kind, level, value);
    }
    out.add(Window::Month, key::NEW_VOLUNTEERS, "", "", i64::from(month.new_volunteers));
    out.add(Window::Month, key::STOPPED_VOLUNTEERS, "", "", i64::from(month.stopped_volunteers));
    out.add(Window::Month, key::NEW_MATCHES, "", "", count(month.matches.iter().filter(|m| range.contains(m.start))));
    let ended: Vec<i64> = month
        .matches
        .iter()
        .filter_map(|m| m.end.filter(|e| range.contains(*e)).map(|e| (e - m.start).num_days()))
        .collect();
    out.add(Window::Month, key::ENDED_MATCHES, "", "", ended.len() as i64);
    for (days, n) in histogram(ended) {
        out.add(Window::Month, key::MATCH_DAYS, "", &days.to_string(), n);
    }
    for k in ProfessionalKind::ALL {
        out.add(Window::Month, key::REFERRALS, "", k.as_str(), count(month.referrals.iter().filter(|r| **r == k)));
    }
    let mut raised: BTreeMap<&str, i64> = BTreeMap::new();
    let mut resolved: BTreeMap<(&str, &str), i64> = BTreeMap::new();
    let mut resolve_days = Vec::new();
    for s in &month.signals {
        if range.contains(s.opened_on) {
            *raised.entry(&s.rule).or_default() += 1;
        }
        if let Some(on) = s.resolved_on.filter(|d| range.contains(*d)) {
            *resolved.entry((&s.rule, s.resolution.map_or("", Resolution::as_str))).or_default() += 1;
            resolve_days.push((on - s.opened_on).num_days().max(0));
        }
    }
    for (rule, n) in raised {
        out.add(Window::Month, key::SIGNALS_RAISED, rule, "", n);
    }
    for ((rule, how), n) in resolved {
        out.add(Window::Month, key::SIGNALS_RESOLVED, rule, how, n);
    }
    for (days, n) in histogram(resolve_days) {
        out.add(Window::Month, key::RESOLVE_DAYS, "", &days.to_string(), n);
    }
    for level in CaseLevel::ALL {
        for result in GoalResult::ALL {
            let n = count(month.goal_results.iter().filter(|(l, r)| *l == level && *r == result));
            out.add(Window::Month, key::GOAL_RESULTS, level.as_str(), result.as_str(), n);
        }
    }
    out.add(Window::Month, key::ZRM_MATCHES, "", "", month.zrm_changes.len() as i64);
    let zrm = |pick: fn(&ZrmChange) -> u32| month.zrm_changes.iter().map(|z| i64::from(pick(z))).sum::<i64>();
    out.add(Window::Month, key::ZRM_DOMAINS, "", "better", zrm(|z| z.better));
    out.add(Window::Month, key::ZRM_DOMAINS, "", "same", zrm(|z| z.same));
    out.add(Window::Month, key::ZRM_DOMAINS, "", "worse", zrm(|z| z.worse));
    // Published also when nothing: it says the publication is a municipality's.
    if let Some(m) = month.unlinked_minutes {
        out.0.push(Figure {
            window: Window::Month,
            key: key::UNLINKED,
            part: "".into(),
            detail: "".into(),
            value: m as i64,
        });
    }

    for (window, facts) in [(Window::Month, month), (Window::Quarter, quarter), (Window::Year, year)] {
        out.add(window, key::ACTIVE_VOLUNTEERS, "", "", i64::from(facts.active_volunteers));
        let mut per_kind: BTreeMap<&str, HashSet<VolunteerId>> = BTreeMap::new();
        for (p, v) in &facts.programme_volunteers {
            per_kind.entry(kind(*p)).or_default().insert(*v);
        }
        for (kind, people) in per_kind {
            out.add(window, key::KIND_VOLUNTEERS, kind, "", people.len() as i64);
        }
        let participants: HashSet<_> = facts.matches.iter().map(|m| m.participant).collect();
        out.add(window, key::PARTICIPANTS, "", "", participants.len() as i64);
        for level in CaseLevel::ALL {
            out.add(window, key::RUNNING, level.as_str(), "", count(facts.matches.iter().filter(|m| m.level == level)));
        }
    }
    if let Some(y) = year.years.last().filter(|y| y.year == range.first.year()) {
        let values = [
            i64::from(y.volunteers),
            y.work_minutes as i64,
            i64::from(y.matches),
            i64::from(y.complex),
            i64::from(y.acute),
            y.volunteer_level_minutes as i64,
            y.grey_minutes as i64,
            y.professional_minutes as i64,
        ];
        for (column, value) in YEAR_COLUMNS.iter().zip(values) {
            out.add(Window::Year, key::YEAR, "", column, value);
        }
    }
    out.0.sort();
    out.0
}

fn histogram(values: Vec<i64>) -> BTreeMap<i64, i64> {
    let mut h = BTreeMap::new();
    for v in values {
        *h.entry(v).or_default() += 1;
    }
    h
}

/// The branches' figures added up: the value of each (month, window, name, part, detail).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sums(pub HashMap<(NaiveDate, Window, &'static str, String, String), i64>);

impl Sums {
    pub fn add(&mut self, month: NaiveDate, f: &Figure) {
        *self.0.entry((month, f.window, f.key, f.part.clone(), f.detail.clone())).or_default() += f.value;
    }

    fn value(&self, month: NaiveDate, window: Window, key: &str, part: &str, detail: &str) -> i64 {
        self.0.get(&(month, window, key_of(key), part.to_string(), detail.to_string())).copied().unwrap_or(0)
    }

    /// Every (part, detail, value) of one name in one month and window.
    fn all<'a>(
        &'a self,
        month: NaiveDate,
        window: Window,
        key: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a str, i64)> + 'a {
        self.0
            .iter()
            .filter(move |((m, w, k, _, _), _)| *m == month && *w == window && *k == key)
            .map(|((_, _, _, part, detail), v)| (part.as_str(), detail.as_str(), *v))
    }

    fn months_sum(&self, months: &[NaiveDate], key: &str, part: &str, detail: &str) -> i64 {
        months.iter().map(|m| self.value(*m, Window::Month, key, part, detail)).sum()
    }
}

fn key_of(text: &str) -> &'static str {
    key::parse(text).unwrap_or("")
}

fn unsigned(v: i64) -> u64 {
    v.max(0).unsigned_abs()
}

fn small(v: i64) -> u32 {
    u32::try_from(v.max(0)).unwrap_or(u32::MAX)
}

/// The median of a published histogram (length → how many).
fn median_of(histogram: &BTreeMap<i64, i64>) -> Option<f64> {
    let mut values: Vec<f64> =
        histogram.iter().flat_map(|(v, n)| std::iter::repeat_n(*v as f64, small(*n) as usize)).collect();
    crate::report::figures::median(&mut values)
}

/// A programme kind's name in a national report.
pub fn kind_name(kind: &str) -> String {
    DEFAULT_PROGRAMMES.iter().find(|p| p.key == kind).map_or_else(|| "Overige projecten".to_string(), |p| p.name.into())
}

/// The figures of a national report over `range` from the branches' summed publications. `range`
/// must pass [`Window::of_period`]; `trend_years` is how many calendar years the trend shows.
pub fn figures(range: DateRange, sums: &Sums, trend_years: i32, hour_rate: (u32, String)) -> Option<ReportFigures> {
    let (window, last_month) = Window::of_period(range)?;
    let months = months_of(range);
    // The programme kinds anything was published for, defaults first in DOMAIN.md's order.
    let seen: HashSet<&str> = sums
        .0
        .keys()
        .filter(|(_, _, k, _, _)| matches!(*k, key::WORK | key::TRAINING | key::KIND_VOLUNTEERS))
        .map(|(_, _, _, part, _)| part.as_str())
        .collect();
    let kinds: Vec<&str> =
        DEFAULT_PROGRAMMES.iter().map(|p| p.key).chain([OTHER_KIND]).filter(|k| seen.contains(k)).collect();

    let mut level_minutes = LevelMinutes::default();
    let mut training = 0;
    let by_month: Vec<Vec<u64>> = months
        .iter()
        .map(|m| {
            let mut row = vec![0u64; kinds.len()];
            for (kind, level, v) in sums.all(*m, Window::Month, key::WORK) {
                let v = unsigned(v);
                if let Some(i) = kinds.iter().position(|k| *k == kind) {
                    row[i] += v;
                }
                match ActivityLevel::parse(level) {
                    Some(ActivityLevel::Volunteer) => level_minutes.volunteer += v,
                    Some(ActivityLevel::Grey) => level_minutes.grey += v,
                    Some(ActivityLevel::Professional) => level_minutes.professional += v,
                    None => level_minutes.unspecified += v,
                }
            }
            training += sums.all(*m, Window::Month, key::TRAINING).map(|(_, _, v)| unsigned(v)).sum::<u64>();
            row
        })
        .collect();

    let monthly = |key: &str, part: &str, detail: &str| small(sums.months_sum(&months, key, part, detail));
    let people = |key: &str, part: &str| small(sums.value(last_month, window, key, part, ""));
    let histogram = |key: &str| {
        let mut h = BTreeMap::new();
        for m in &months {
            for (_, days, n) in sums.all(*m, Window::Month, key) {
                if let Ok(days) = days.parse::<i64>() {
                    *h.entry(days).or_default() += n;
                }
            }
        }
        h
    };
    let resolved_by = |how: &str| {
        months
            .iter()
            .flat_map(|m| sums.all(*m, Window::Month, key::SIGNALS_RESOLVED))
            .filter(|(_, detail, _)| *detail == how)
            .map(|(_, _, v)| small(v))
            .sum::<u32>()
    };
    let raised: u32 =
        months.iter().flat_map(|m| sums.all(*m, Window::Month, key::SIGNALS_RAISED)).map(|x| small(x.2)).sum();
    let resolved: u32 =
        months.iter().flat_map(|m| sums.all(*m, Window::Month, key::SIGNALS_RESOLVED)).map(|x| small(x.2)).sum();

    let mut goal_results = [[0u32; 3]; 3];
    for (row, level) in CaseLevel::ALL.iter().enumerate() {
        for (col, result) in GoalResult::ALL.iter().enumerate() {
            goal_results[row][col] = monthly(key::GOAL_RESULTS, level.as_str(), result.as_str());
        }
    }
    // The ZRM's changes are published as totals; one change carries them all, and the others
    // (zeros) make the number of matches right.
    let zrm_matches = monthly(key::ZRM_MATCHES, "", "") as usize;
    let zrm_changes = if zrm_matches == 0 {
        Vec::new()
    } else {
        let mut changes = vec![ZrmChange::default(); zrm_matches];
        changes[0] = ZrmChange {
            better: monthly(key::ZRM_DOMAINS, "", "better"),
            same: monthly(key::ZRM_DOMAINS, "", "same"),
            worse: monthly(key::ZRM_DOMAINS, "", "worse"),
        };
        changes
    };

    let kind_counts: Vec<u32> = kinds.iter().map(|k| people(key::KIND_VOLUNTEERS, k)).collect();
    let unlinked = sums
        .0
        .keys()
        .any(|(_, _, k, _, _)| *k == key::UNLINKED)
        .then(|| unsigned(sums.months_sum(&months, key::UNLINKED, "", "")));

    let years = trend(range, sums, trend_years);
    Some(ReportFigures {
        range,
        programmes: kinds.iter().map(|k| kind_name(k)).collect(),
        months: months.clone(),
        work_minutes: by_month.iter().flatten().sum(),
        work_minutes_by_month: by_month,
        training_minutes: training,
        active_volunteers: people(key::ACTIVE_VOLUNTEERS, ""),
        new_volunteers: monthly(key::NEW_VOLUNTEERS, "", ""),
        stopped_volunteers: monthly(key::STOPPED_VOLUNTEERS, "", ""),
        participants: people(key::PARTICIPANTS, ""),
        new_matches: monthly(key::NEW_MATCHES, "", ""),
        ended_matches: monthly(key::ENDED_MATCHES, "", ""),
        median_match_days: median_of(&histogram(key::MATCH_DAYS)),
        normal_matches: people(key::RUNNING, CaseLevel::Normal.as_str()),
        complex_matches: people(key::RUNNING, CaseLevel::Complex.as_str()),
        acute_matches: people(key::RUNNING, CaseLevel::Acute.as_str()),
        level_minutes,
        referrals: ProfessionalKind::ALL.into_iter().map(|k| (k, monthly(key::REFERRALS, "", k.as_str()))).collect(),
        signals_raised: raised,
        signals_by_rule: crate::RuleId::ALL
            .into_iter()
            .map(|r| (r, monthly(key::SIGNALS_RAISED, r.as_str(), "")))
            .collect(),
        signals_resolved: resolved,
        resolved_by: Resolution::ALL.into_iter().map(|r| (r, resolved_by(r.as_str()))).collect(),
        median_days_to_resolve: median_of(&histogram(key::RESOLVE_DAYS)),
        years,
        hour_rate_cents: hour_rate.0,
        hour_rate_source: hour_rate.1,
        volunteer_minutes: Vec::new(),
        unlinked_minutes: unlinked,
        few_volunteers: FewVolunteers::of_counts(&kind_counts),
        stories: Vec::new(),
        goal_results,
        zrm_changes,
    })
}

/// The trend's years from the year-so-far publications of each year's last month in the period.
fn trend(range: DateRange, sums: &Sums, trend_years: i32) -> Vec<YearFacts> {
    let last = range.last.year();
    (last - (trend_years - 1)..=last)
        .filter_map(|year| {
            let month = if year == last {
                DateRange::month_of(range.last).first
            } else {
                NaiveDate::from_ymd_opt(year, 12, 1)?
            };
            let v = |column: &str| sums.value(month, Window::Year, key::YEAR, "", column);
            Some(YearFacts {
                year,
                volunteers: small(v("volunteers")),
                work_minutes: unsigned(v("work")),
                matches: small(v("matches")),
                complex: small(v("complex")),
                acute: small(v("acute")),
                volunteer_level_minutes: unsigned(v("volunteer_level")),
                grey_minutes: unsigned(v("grey")),
                professional_minutes: unsigned(v("professional")),
            })
        })
        .skip_while(|y| y.work_minutes == 0 && y.matches == 0)
        .collect()
}

/// The months whose year-so-far rows the trend of a national report over `range` reads: each
/// earlier year's December and the period's last month.
pub fn trend_months(range: DateRange, trend_years: i32) -> Vec<NaiveDate> {
    let last = range.last.year();
    (last - (trend_years - 1)..last)
        .filter_map(|year| NaiveDate::from_ymd_opt(year, 12, 1))
        .chain([DateRange::month_of(range.last).first])
        .collect()
}

/// Every month a national report over `range` rests on: from the trend's first January.
pub fn months_read(range: DateRange, trend_years: i32) -> DateRange {
    let first = NaiveDate::from_ymd_opt(range.last.year() - (trend_years - 1), 1, 1).unwrap_or(range.first);
    DateRange { first: first.min(range.first), last: range.last }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::figures::tests::{d, quarter};

    #[test]
    fn windows_end_with_their_month() {
        let may = d(2025, 5, 1);
        assert_eq!(Window::Month.range(may), DateRange { first: may, last: d(2025, 5, 31) });
        assert_eq!(Window::Quarter.range(may), DateRange { first: d(2025, 4, 1), last: d(2025, 5, 31) });
        assert_eq!(Window::Year.range(may), DateRange { first: d(2025, 1, 1), last: d(2025, 5, 31) });
        let period = |a, b| Window::of_period(DateRange { first: a, last: b });
        assert_eq!(period(d(2025, 1, 1), d(2025, 12, 31)), Some((Window::Year, d(2025, 12, 1))));
        assert_eq!(period(d(2025, 7, 1), d(2025, 9, 30)), Some((Window::Quarter, d(2025, 9, 1))));
        assert_eq!(period(d(2025, 2, 1), d(2025, 2, 28)), Some((Window::Month, d(2025, 2, 1))));
        assert_eq!(period(d(2025, 1, 1), d(2025, 1, 31)).map(|p| p.1), Some(d(2025, 1, 1)));
        // Not countable from the windows: mid-month, across a year, a half year from April.
        assert_eq!(period(d(2025, 1, 1), d(2025, 6, 15)), None);
        assert_eq!(period(d(2024, 1, 1), d(2025, 12, 31)), None);
        assert_eq!(period(d(2025, 4, 1), d(2025, 9, 30)), None);
    }

    /// The hand-made quarter of `figures::tests`, published month by month as if each month's
    /// facts were the quarter's (enough to see every name go out and come back).
    #[test]
    fn a_publication_adds_back_up_to_the_same_figures() {
        let mut facts = quarter();
        facts.range = DateRange { first: d(2025, 3, 1), last: d(2025, 3, 31) };
        let kinds = vec!["thuisadministratie".to_string(), "maatje".to_string()];
        let published = publication(&facts, &facts, &facts, &kinds);
        assert!(published.iter().all(|f| key::parse(f.key).is_some()), "only known names");
        // Two branches published the same: everything doubles.
        let mut sums = Sums::default();
        for f in published.iter().chain(&published) {
            sums.add(d(2025, 3, 1), f);
        }
        let f = figures(facts.range, &sums, 1, (1406, "minimumloon".into())).expect("a month");
        let branch = facts.clone().figures();
        assert_eq!(f.programmes, vec!["Thuisadministratie", "Maatje"]);
        assert_eq!(f.work_minutes, 2 * branch.work_minutes);
        assert_eq!(f.level_minutes.grey, 2 * branch.level_minutes.grey);
        assert_eq!(f.training_minutes, 2 * branch.training_minutes);
        assert_eq!(f.active_volunteers, 2 * branch.active_volunteers);
        assert_eq!(f.participants, 2 * branch.participants);
        assert_eq!((f.normal_matches, f.complex_matches, f.acute_matches), (4, 2, 2));
        assert_eq!(f.ended_matches, 2, "the one match that ended in March, twice");
        assert_eq!(f.median_match_days, Some(365.0));
        assert_eq!(f.signals_raised, 2);
        assert_eq!(f.referrals.iter().map(|r| r.1).sum::<u32>(), 6);
    }

    #[test]
    fn a_median_comes_from_the_published_lengths() {
        let h: BTreeMap<i64, i64> = [(10, 1), (30, 2), (400, 1)].into_iter().collect();
        assert_eq!(median_of(&h), Some(30.0));
        assert_eq!(median_of(&BTreeMap::new()), None);
    }
}
