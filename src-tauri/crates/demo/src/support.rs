//! Demo support records: a VOG for nearly everyone (a few expired or missing), the basic training,
//! intervision every two months or so (lapsing for some), a strain check-in now and then (a few heavy),
//! and a monthly allowance (a few over the cap).

use chrono::{Datelike, Days, Months, NaiveDate};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// The training the demo's Thuisadministratie requires.
pub const DEMO_REQUIRED_TRAINING: &str = "Basistraining thuisadministratie";

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DemoSupport {
    pub vog: Option<NaiveDate>,
    pub trainings: Vec<(String, NaiveDate)>,
    pub supervision: Vec<NaiveDate>,
    /// (date, answers)
    pub check_ins: Vec<(NaiveDate, Vec<bool>)>,
    /// (first day of the month, cents)
    pub allowances: Vec<(NaiveDate, u32)>,
}

/// The support records of a volunteer who started on `start` and worked until `last`.
/// `grief`: in grief support, whose intervision norm is 6 weeks instead of 12.
pub(crate) fn support_for(
    rng: &mut ChaCha8Rng,
    start: NaiveDate,
    last: NaiveDate,
    today: NaiveDate,
    grief: bool,
) -> DemoSupport {
    let mut s = DemoSupport::default();
    // VOG: requested at the start, renewed every three years — but not by everyone.
    if !rng.gen_bool(0.01) {
        let mut vog = start - Days::new(rng.gen_range(5..40));
        let renews = rng.gen_bool(0.98);
        while renews && vog.checked_add_months(Months::new(36)).is_some_and(|d| d <= last) {
            vog = vog.checked_add_months(Months::new(36)).unwrap_or(vog) - Days::new(rng.gen_range(0..30));
        }
        s.vog = Some(vog.min(today));
    }
    if rng.gen_bool(0.98) {
        s.trainings.push((DEMO_REQUIRED_TRAINING.to_string(), (start + Days::new(rng.gen_range(10..90))).min(today)));
    }
    // Intervision roughly every 4 to 8 weeks (3 to 6 in grief support); some stop going.
    let stops_going = rng.gen_bool(0.015).then(|| today - Days::new(rng.gen_range(100..200)));
    let every = if grief { 21..42 } else { 28..56 };
    let mut day = start + Days::new(rng.gen_range(20..60));
    while day <= last.min(stops_going.unwrap_or(last)) {
        s.supervision.push(day);
        day = day + Days::new(rng.gen_range(every.clone()));
    }
    // A check-in about once a year; most light, a few heavy.
    let mut day = start + Days::new(rng.gen_range(90..365));
    while day <= last {
        let yes = match rng.gen_range(0..100) {
            0..=87 => rng.gen_range(0..=4),
            88..=95 => rng.gen_range(5..=7),
            _ => rng.gen_range(8..=11),
        };
        let mut answers = vec![false; 12];
        for a in answers.iter_mut().take(yes) {
            *a = true;
        }
        s.check_ins.push((day, answers));
        day = day + Days::new(rng.gen_range(300..420));
    }
    // This year's monthly allowance for most; a few are paid more than the cap.
    if rng.gen_bool(0.7) {
        let generous = rng.gen_bool(0.03);
        let mut month =
            NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today).max(start.with_day(1).unwrap_or(start));
        while month <= last.min(today) {
            let cents = if generous { rng.gen_range(22_000..26_000) } else { rng.gen_range(3..9) * 100 };
            s.allowances.push((month, cents));
            month = month.checked_add_months(Months::new(1)).unwrap_or(today + Days::new(1));
        }
    }
    s
}
