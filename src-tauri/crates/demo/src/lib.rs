//! A deterministic, fictional branch (afdeling): volunteers with realistic lifecycles and years of
//! hour entries, for the "explore a demo" start and for the benchmarks. The same seed gives the
//! same branch, ids included, on every machine.
//!
//! Proportions follow DOMAIN.md: a branch of ~250 volunteers over 5 years holds ~100,000 entries;
//! the number of volunteers grows over the years (the letter's "doubled in five years"); most
//! volunteers keep to their agreement, a few carry far more.
//!
//! ```
//! use chrono::NaiveDate;
//! use draagkracht_core::ProgrammeId;
//! use draagkracht_demo::{generate, DemoParams};
//! let programmes: Vec<_> = (1..=5).map(|i| ProgrammeId(uuid::Uuid::from_u128(i))).collect();
//! let params = DemoParams { volunteers: 10, years: 1, seed: 7, today: NaiveDate::from_ymd_opt(2025, 6, 1).unwrap() };
//! let a = generate(&params, &programmes, &[]);
//! let b = generate(&params, &programmes, &[]);
//! assert_eq!(a.volunteers.len(), 10);
//! assert_eq!(a.entries.len(), b.entries.len());
//! assert_eq!(a.entries[0].0, b.entries[0].0);
//! ```

mod cases;
mod funding;
mod names;
mod results;
mod showcase;
mod support;

pub use cases::DemoCase;
pub use support::{DemoSupport, DEMO_REQUIRED_TRAINING};

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, TimeZone, Utc};
use draagkracht_core::funding::ValidSubsidy;
use draagkracht_core::stories::ValidStory;
use draagkracht_core::{
    ActivityId, ActivityLevel, CaseLevel, HourEntryId, HourKind, Minutes, MunicipalityId, NewHourEntry, ProgrammeId,
    StoryId, SubsidyId, ValidVolunteer, VolunteerId, VolunteerStatus,
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

/// Where grief support ("rouw", with intervision every 6 weeks) is in DOMAIN.md's order of programmes.
const GRIEF_INDEX: usize = 3;

/// What to generate.
#[derive(Debug, Clone)]
pub struct DemoParams {
    pub volunteers: u32,
    pub years: u32,
    pub seed: u64,
    /// The last day with hours; nothing is dated after it.
    pub today: NaiveDate,
}

impl DemoParams {
    /// The branch of DOMAIN.md: ~250 volunteers, 5 years.
    pub fn branch(today: NaiveDate) -> Self {
        Self { volunteers: 250, years: 5, seed: 2018, today }
    }
}

/// The generated branch, ready to be written by the store.
#[derive(Debug, Clone)]
pub struct DemoBranch {
    pub volunteers: Vec<(VolunteerId, ValidVolunteer)>,
    /// Each entry with the moment it was (fictionally) written down.
    pub entries: Vec<(HourEntryId, NewHourEntry, DateTime<Utc>)>,
    /// Matches with their participants, assessments, professionals and referrals.
    pub cases: Vec<DemoCase>,
    /// Each working volunteer's VOG, trainings, intervision, check-ins and allowances.
    pub support: Vec<(VolunteerId, DemoSupport)>,
    /// The day each volunteer who stopped did so.
    pub stopped: Vec<(VolunteerId, NaiveDate)>,
    /// The municipalities the branch serves (its participants live in them).
    pub municipalities: Vec<(MunicipalityId, String)>,
    /// The subsidies the branch reports on.
    pub subsidies: Vec<(SubsidyId, ValidSubsidy)>,
    /// Anonymised stories, and whether each is chosen for reports.
    pub stories: Vec<(StoryId, ValidStory, bool)>,
}

/// An activity of the catalogue the demo may log: (id, programme, level).
pub type CatalogueEntry = (ActivityId, ProgrammeId, ActivityLevel);

/// Generates a branch over `programmes` (in the default order of DOMAIN.md, at least one), logging
/// activities from `catalogue`.
pub fn generate(params: &DemoParams, programmes: &[ProgrammeId], catalogue: &[CatalogueEntry]) -> DemoBranch {
    assert!(!programmes.is_empty(), "the demo needs at least one programme");
    let mut rng = ChaCha8Rng::seed_from_u64(params.seed);
    let first_day = params.today - Days::new(u64::from(params.years.max(1)) * 365);
    let span_days = (params.today - first_day).num_days().max(1);
    let mut taken = std::collections::HashSet::new();
    let mut branch = DemoBranch {
        volunteers: Vec::new(),
        entries: Vec::new(),
        cases: Vec::new(),
        support: Vec::new(),
        stopped: Vec::new(),
        municipalities: Vec::new(),
        subsidies: Vec::new(),
        stories: Vec::new(),
    };
    let mut next_code = 0;

    for _ in 0..params.volunteers {
        // Later starts are more likely, so the branch grows over the years; a quarter were there
        // before the history begins.
        let start = if rng.gen_bool(0.25) {
            first_day - Days::new(rng.gen_range(30..700))
        } else {
            let share: f64 = rng.gen::<f64>().sqrt();
            first_day + Days::new((share * span_days as f64) as u64)
        };
        let stays_days = rng.gen_range(365..3200);
        let stopped_on = start + Days::new(stays_days);
        let status = volunteer_status(&mut rng, start, stopped_on, params.today);
        // Two to four hours a week for most, as at most branches; a few give six.
        let agreed_hours = [2u32, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 6][rng.gen_range(0..16)];
        let main = programmes[weighted_programme(&mut rng, programmes.len())];
        let mut own = vec![main];
        if rng.gen_bool(0.2) {
            let other = programmes[rng.gen_range(0..programmes.len())];
            if other != main {
                own.push(other);
            }
        }
        let id = VolunteerId(id_at(&mut rng, start));
        let name = names::person(&mut rng, &mut taken);
        let email = rng.gen_bool(0.85).then(|| names::email(&name));
        let phone = rng.gen_bool(0.9).then(|| format!("06-{:08}", rng.gen_range(10_000_000..99_999_999u32)));
        // Most keep to their agreement; some do a bit more; a few carry far more (DOMAIN.md: about
        // one in five is pushed beyond what a volunteer should carry, in hours or in the work itself).
        let load = match rng.gen_range(0..100) {
            0..=79 => rng.gen_range(0.6..1.05),
            80..=96 => rng.gen_range(1.05..1.35),
            _ => rng.gen_range(1.6..2.6),
        };
        if matches!(status, VolunteerStatus::Active | VolunteerStatus::Resting | VolunteerStatus::Stopped) {
            // A few active volunteers stop logging hours while their match runs on: they have "gone quiet".
            let goes_quiet = status == VolunteerStatus::Active && rng.gen_bool(0.03);
            let last_day = match status {
                VolunteerStatus::Stopped => stopped_on.min(params.today),
                VolunteerStatus::Resting => params.today - Days::new(rng.gen_range(20..120)),
                _ if goes_quiet => params.today - Days::new(rng.gen_range(35..80)),
                _ => params.today,
            };
            let first = start.max(first_day);
            // Some resting volunteers keep their match during the break.
            let keeps_match = goes_quiet || (status == VolunteerStatus::Resting && rng.gen_bool(0.5));
            let cases_until = if keeps_match { params.today } else { last_day };
            let history = (first_day, params.today);
            let mut cases = Vec::new();
            for p in &own {
                let index = programmes.iter().position(|q| q == p).unwrap_or(0);
                cases.extend(cases::cases_for(
                    &mut rng,
                    id,
                    *p,
                    index,
                    first,
                    cases_until,
                    params.today,
                    history,
                    &mut next_code,
                ));
            }
            // Some take on a second (and third) case at the same time in their main programme.
            for _ in 0..[0, 0, 0, 0, 0, 0, 0, 0, 1, 2][rng.gen_range(0..10)] {
                let index = programmes.iter().position(|q| *q == own[0]).unwrap_or(0);
                let later = first + Days::new(rng.gen_range(30..200));
                cases.extend(cases::cases_for(
                    &mut rng,
                    id,
                    own[0],
                    index,
                    later,
                    cases_until,
                    params.today,
                    history,
                    &mut next_code,
                ));
            }
            // A few see their hours climb week after week.
            let rising = status == VolunteerStatus::Active && rng.gen_bool(0.03);
            let work = Work { volunteer: id, programmes: &own, cases: &cases, catalogue, agreed_hours, load, rising };
            write_hours(&mut rng, &mut branch, &work, first, last_day);
            let grief = own.iter().any(|p| programmes.get(GRIEF_INDEX) == Some(p));
            let support = support::support_for(&mut rng, start, last_day, params.today, grief);
            branch.support.push((id, support));
            branch.cases.extend(cases);
        }
        if status == VolunteerStatus::Stopped {
            branch.stopped.push((id, stopped_on.min(params.today)));
        }
        branch.volunteers.push((
            id,
            ValidVolunteer {
                name,
                email,
                phone,
                status,
                start_date: start.min(params.today),
                agreed_minutes_per_week: agreed_hours * 60,
                programmes: own,
            },
        ));
    }
    showcase::shape(&mut rng, &mut branch, programmes, catalogue, params.today);
    funding::fund(&mut rng, &mut branch, programmes, params.today);
    results::draw(&mut rng, &mut branch, programmes);
    // In id order (UUID v7: time order), as a live database would have them; the primary-key index
    // then grows at its end instead of splitting pages all over.
    branch.entries.sort_unstable_by_key(|(id, ..)| id.0);
    branch
}

fn volunteer_status(
    rng: &mut ChaCha8Rng,
    start: NaiveDate,
    stopped_on: NaiveDate,
    today: NaiveDate,
) -> VolunteerStatus {
    if stopped_on < today {
        return VolunteerStatus::Stopped;
    }
    if (today - start).num_days() < 45 {
        return if rng.gen_bool(0.5) { VolunteerStatus::Registered } else { VolunteerStatus::Intake };
    }
    if rng.gen_bool(0.08) {
        VolunteerStatus::Resting
    } else {
        VolunteerStatus::Active
    }
}

/// Thuisadministratie and the buddy programme are the largest, as in most branches.
fn weighted_programme(rng: &mut ChaCha8Rng, count: usize) -> usize {
    let weights = [30u32, 25, 20, 10, 15];
    let total: u32 = weights.iter().take(count).sum();
    let mut pick = rng.gen_range(0..total);
    for (i, w) in weights.iter().take(count).enumerate() {
        if pick < *w {
            return i;
        }
        pick -= w;
    }
    0
}

/// What one volunteer's hours are written from.
struct Work<'a> {
    volunteer: VolunteerId,
    programmes: &'a [ProgrammeId],
    cases: &'a [DemoCase],
    catalogue: &'a [CatalogueEntry],
    agreed_hours: u32,
    load: f64,
    /// Hours rise over the last 16 weeks.
    rising: bool,
}

fn write_hours(rng: &mut ChaCha8Rng, branch: &mut DemoBranch, work: &Work, first: NaiveDate, last: NaiveDate) {
    let (volunteer, programmes, agreed_hours, load) = (work.volunteer, work.programmes, work.agreed_hours, work.load);
    let mut week = first - Days::new(u64::from(first.weekday().num_days_from_monday()));
    while week <= last {
        // Holidays and quiet weeks.
        if rng.gen_bool(0.08) {
            week = week + Days::new(7);
            continue;
        }
        let weeks_to_go = (last - week).num_days() / 7;
        let trend = if work.rising && weeks_to_go < 16 { 1.0 + 0.08 * (16 - weeks_to_go) as f64 } else { 1.0 };
        let target = f64::from(agreed_hours * 60) * load * trend * rng.gen_range(0.85..1.15);
        // Visits of half an hour to an hour, as home visits and administration sessions usually are.
        let visits = (target / rng.gen_range(30.0..65.0)).round().clamp(1.0, 6.0) as u32;
        for _ in 0..visits {
            let day = week + Days::new(rng.gen_range(0..5));
            if day < first || day > last {
                continue;
            }
            let minutes = ((target / f64::from(visits)) / 15.0).round().max(2.0) * 15.0;
            let kind = match rng.gen_range(0..100) {
                0..=79 => HourKind::Support,
                80..=89 => HourKind::Meeting,
                90..=93 => HourKind::Training,
                _ => HourKind::Travel,
            };
            let Ok(minutes) = Minutes::new(minutes.min(600.0) as i64) else {
                continue;
            };
            let programme = programmes[if programmes.len() > 1 && rng.gen_bool(0.3) { 1 } else { 0 }];
            let written = day + Days::new(rng.gen_range(0..4));
            let at =
                Utc.from_utc_datetime(&written.and_time(
                    NaiveTime::from_hms_opt(rng.gen_range(9..21), rng.gen_range(0..60), 0).unwrap_or_default(),
                ));
            let case = (kind == HourKind::Support)
                .then(|| work.cases.iter().find(|c| c.valid.programme == programme && c.runs_on(day)))
                .flatten();
            let activity = case.and_then(|c| pick_activity(rng, work.catalogue, programme, c.level_on(day)));
            branch.entries.push((
                HourEntryId(id_at(rng, day)),
                NewHourEntry {
                    volunteer,
                    date: day,
                    minutes,
                    programme,
                    kind,
                    note: None,
                    match_id: case.map(|c| c.id),
                    activity,
                },
                at,
            ));
        }
        week = week + Days::new(7);
    }
}

/// An activity for a support entry: mostly volunteer work; grey-zone and professional tasks now and
/// then — more often in complex and acute cases, which is what the signals are for.
fn pick_activity(
    rng: &mut ChaCha8Rng,
    catalogue: &[CatalogueEntry],
    programme: ProgrammeId,
    level: CaseLevel,
) -> Option<ActivityId> {
    let (professional, grey) = match level {
        CaseLevel::Normal => (0.0002, 0.02),
        CaseLevel::Complex => (0.004, 0.08),
        CaseLevel::Acute => (0.012, 0.12),
    };
    let roll: f64 = rng.gen();
    let wanted = if roll < professional {
        ActivityLevel::Professional
    } else if roll < professional + grey {
        ActivityLevel::Grey
    } else {
        ActivityLevel::Volunteer
    };
    let options: Vec<_> = catalogue.iter().filter(|(_, p, l)| *p == programme && *l == wanted).collect();
    if options.is_empty() {
        return None;
    }
    Some(options[rng.gen_range(0..options.len())].0)
}

/// A UUID v7 for a record made on `day`, with random bits from the seeded generator.
pub(crate) fn id_at(rng: &mut ChaCha8Rng, day: NaiveDate) -> Uuid {
    let millis = day.and_time(NaiveTime::MIN).and_utc().timestamp_millis().max(0) as u64 + rng.gen_range(0..86_400_000);
    let random: [u8; 10] = rng.gen();
    uuid::Builder::from_unix_timestamp_millis(millis, &random).into_uuid()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn programmes() -> Vec<ProgrammeId> {
        (1..=5).map(|i| ProgrammeId(Uuid::from_u128(i))).collect()
    }

    #[test]
    fn a_branch_has_the_scale_of_domain_md() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let b = generate(&DemoParams::branch(today), &programmes(), &[]);
        assert_eq!(b.volunteers.len(), 250);
        assert!((70_000..=130_000).contains(&b.entries.len()), "{} entries", b.entries.len());
        assert!(b.entries.iter().all(|(_, e, _)| e.date <= today), "nothing after today");
        let active = b.volunteers.iter().filter(|(_, v)| v.status == VolunteerStatus::Active).count();
        assert!(active > 100, "most volunteers are active: {active}");
    }

    #[test]
    fn the_same_seed_gives_the_same_branch_and_another_seed_does_not() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let p = DemoParams { volunteers: 20, years: 2, seed: 1, today };
        let a = generate(&p, &programmes(), &[]);
        let b = generate(&p, &programmes(), &[]);
        assert_eq!(a.volunteers, b.volunteers);
        assert_eq!(a.entries, b.entries);
        let c = generate(&DemoParams { seed: 2, ..p }, &programmes(), &[]);
        assert_ne!(a.volunteers, c.volunteers);
    }

    #[test]
    fn ids_are_unique_version_7_uuids() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let b = generate(&DemoParams { volunteers: 50, years: 3, seed: 9, today }, &programmes(), &[]);
        let mut ids: Vec<Uuid> =
            b.entries.iter().map(|(id, _, _)| id.0).chain(b.volunteers.iter().map(|(id, _)| id.0)).collect();
        assert!(ids.iter().all(|id| id.get_version_num() == 7));
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }
}
