//! The thresholds the rules compare with. Defaults from DOMAIN.md; coordinators change them per
//! programme.

use crate::ids::ProgrammeId;

#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// Hours over agreement: warning above this multiple of the agreed hours (over 28 days).
    pub over_agreement_warning: f64,
    /// … and an alert above this multiple.
    pub over_agreement_alert: f64,
    /// Frontline load: hours above this multiple of the programme's median, with a home match.
    pub frontline_multiple: f64,
    /// Grey-zone drift: this many grey-zone activities in 28 days …
    pub grey_zone_count: usize,
    /// … or this share of the hours.
    pub grey_zone_share: f64,
    /// Weighted caseload above this (normal 1, complex 2, acute 3).
    pub caseload_weight: u32,
    /// Rising load: growth per month over 12 weeks above this share.
    pub rising_per_month: f64,
    /// Trajectory too long: months per programme (`None`: open-ended).
    pub max_months: Vec<(ProgrammeId, u32)>,
    /// Gone quiet: no hours for this many days while having active matches.
    pub quiet_days: i64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            over_agreement_warning: 1.5,
            over_agreement_alert: 2.0,
            frontline_multiple: 2.0,
            grey_zone_count: 3,
            grey_zone_share: 0.25,
            caseload_weight: 4,
            rising_per_month: 0.15,
            max_months: Vec::new(),
            quiet_days: 30,
        }
    }
}

impl Thresholds {
    pub fn max_months_for(&self, programme: ProgrammeId) -> Option<u32> {
        self.max_months.iter().find(|(p, _)| *p == programme).map(|(_, m)| *m)
    }
}
