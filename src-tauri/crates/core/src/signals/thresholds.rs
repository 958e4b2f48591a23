//! The thresholds the rules compare with. Defaults from DOMAIN.md; coordinators change them per
//! programme ([`ThresholdKey`] names each one, with its default, its unit and where it comes from).

use crate::ids::ProgrammeId;
use crate::refusal::{Field, Refusal, RefusalCode};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
    /// No supervision: weeks without intervision or supervision while having active matches.
    pub supervision_weeks: i64,
    /// Credential expired: a VOG older than this many years.
    pub vog_years: u32,
    /// Allowance over cap: the yearly tax-free caps.
    pub caps: crate::support::AllowanceCaps,
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
            supervision_weeks: 12,
            vog_years: 3,
            caps: crate::support::AllowanceCaps::default(),
        }
    }
}

impl Thresholds {
    pub fn max_months_for(&self, programme: ProgrammeId) -> Option<u32> {
        self.max_months.iter().find(|(p, _)| *p == programme).map(|(_, m)| *m)
    }
}

/// A threshold a coordinator can change per programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdKey {
    OverAgreementWarning,
    OverAgreementAlert,
    FrontlineMultiple,
    GreyZoneCount,
    GreyZonePercent,
    CaseloadWeight,
    RisingPercentPerMonth,
    QuietDays,
    SupervisionWeeks,
}

/// What the settings screen shows beside a threshold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThresholdInfo {
    pub label_nl: &'static str,
    pub label_en: &'static str,
    pub default: f64,
    /// The accepted range.
    pub min: f64,
    pub max: f64,
    /// Whole numbers only (counts, days).
    pub whole: bool,
    pub source_nl: &'static str,
    pub source_en: &'static str,
}

const DOMAIN_NL: &str = "Standaard van Draagkracht (DOMAIN.md), geen officiële norm.";
const DOMAIN_EN: &str = "Draagkracht's default (DOMAIN.md), not an official norm.";

impl ThresholdKey {
    pub const ALL: [ThresholdKey; 9] = [
        Self::OverAgreementWarning,
        Self::OverAgreementAlert,
        Self::FrontlineMultiple,
        Self::GreyZoneCount,
        Self::GreyZonePercent,
        Self::CaseloadWeight,
        Self::RisingPercentPerMonth,
        Self::QuietDays,
        Self::SupervisionWeeks,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::OverAgreementWarning => "over_agreement_warning",
            Self::OverAgreementAlert => "over_agreement_alert",
            Self::FrontlineMultiple => "frontline_multiple",
            Self::GreyZoneCount => "grey_zone_count",
            Self::GreyZonePercent => "grey_zone_percent",
            Self::CaseloadWeight => "caseload_weight",
            Self::RisingPercentPerMonth => "rising_percent_per_month",
            Self::QuietDays => "quiet_days",
            Self::SupervisionWeeks => "supervision_weeks",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }

    pub fn info(self) -> ThresholdInfo {
        let info = |label_nl, label_en, default, min, max, whole, source_nl, source_en| ThresholdInfo {
            label_nl,
            label_en,
            default,
            min,
            max,
            whole,
            source_nl,
            source_en,
        };
        match self {
            Self::OverAgreementWarning => info(
                "Meer uren dan afgesproken: 'let op' boven zoveel keer de afspraak (4 weken)",
                "Hours over agreement: warning above this many times the agreement (4 weeks)",
                1.5, 1.0, 5.0, false, DOMAIN_NL, DOMAIN_EN,
            ),
            Self::OverAgreementAlert => info(
                "Meer uren dan afgesproken: 'signaal' boven zoveel keer de afspraak",
                "Hours over agreement: alert above this many times the agreement",
                2.0, 1.0, 10.0, false, DOMAIN_NL, DOMAIN_EN,
            ),
            Self::FrontlineMultiple => info(
                "Zware frontlinie-inzet: boven zoveel keer de mediaan van het project",
                "Frontline load: above this many times the programme's median",
                2.0, 1.0, 10.0, false,
                "Standaard van Draagkracht; 'frontlinie' naar het onderzoek van de Universiteit voor Humanistiek voor NOV (2018).",
                "Draagkracht's default; 'frontline' after the University of Humanistic Studies study for NOV (2018).",
            ),
            Self::GreyZoneCount => info(
                "Vaak grijs gebied: vanaf zoveel keer in 4 weken",
                "Grey-zone drift: from this many times in 4 weeks",
                3.0, 1.0, 50.0, true, DOMAIN_NL, DOMAIN_EN,
            ),
            Self::GreyZonePercent => info(
                "Vaak grijs gebied: of vanaf dit deel van de uren (%)",
                "Grey-zone drift: or from this share of the hours (%)",
                25.0, 1.0, 100.0, false, DOMAIN_NL, DOMAIN_EN,
            ),
            Self::CaseloadWeight => info(
                "Veel zware koppelingen: boven dit gewicht (gewoon 1, complex 2, acuut 3)",
                "Weighted caseload: above this weight (normal 1, complex 2, acute 3)",
                4.0, 1.0, 50.0, true, DOMAIN_NL, DOMAIN_EN,
            ),
            Self::RisingPercentPerMonth => info(
                "Oplopende belasting: boven zoveel % groei per maand (12 weken)",
                "Rising load: above this % growth per month (12 weeks)",
                15.0, 1.0, 200.0, false, DOMAIN_NL, DOMAIN_EN,
            ),
            Self::SupervisionWeeks => info(
                "Geen intervisie: na zoveel weken zonder intervisie of supervisie (rouw: 6)",
                "No supervision: after this many weeks without intervision or supervision (grief: 6)",
                12.0, 1.0, 52.0, true,
                "Standaard van Draagkracht; rouw 6 weken naar de praktijk van Humanitas (DOMAIN.md).",
                "Draagkracht's default; grief 6 weeks after Humanitas practice (DOMAIN.md).",
            ),
            Self::QuietDays => info(
                "Stil geworden: zoveel dagen zonder uren",
                "Gone quiet: this many days without hours",
                30.0, 7.0, 365.0, true, DOMAIN_NL, DOMAIN_EN,
            ),
        }
    }

    /// Parses a typed value ("1,5", "25") and checks its range.
    pub fn parse_value(self, raw: &str) -> Result<f64, Refusal> {
        let info = self.info();
        let text = raw.trim().replace(',', ".");
        let value: f64 = text.parse().ok().filter(|v: &f64| v.is_finite()).ok_or_else(|| {
            Refusal::new(
                Field::Value,
                RefusalCode::InvalidFormat,
                format!("'{}' is geen getal. Schrijf bijvoorbeeld {}.", raw.trim(), format_value(info.default)),
                format!("'{}' is not a number. Write for example {}.", raw.trim(), info.default),
            )
        })?;
        if value < info.min || value > info.max || (info.whole && value.fract() != 0.0) {
            let kind_nl = if info.whole { "een heel getal " } else { "" };
            let kind_en = if info.whole { "a whole number " } else { "a number " };
            return Err(Refusal::new(
                Field::Value,
                RefusalCode::NotAllowed,
                format!("Kies {kind_nl}van {} tot en met {}.", format_value(info.min), format_value(info.max)),
                format!("Choose {kind_en}from {} to {}.", info.min, info.max),
            ));
        }
        Ok(value)
    }
}

fn format_value(v: f64) -> String {
    let text = format!("{v}");
    text.replace('.', ",")
}

impl Thresholds {
    /// The value of one threshold.
    pub fn get(&self, key: ThresholdKey) -> f64 {
        match key {
            ThresholdKey::OverAgreementWarning => self.over_agreement_warning,
            ThresholdKey::OverAgreementAlert => self.over_agreement_alert,
            ThresholdKey::FrontlineMultiple => self.frontline_multiple,
            ThresholdKey::GreyZoneCount => self.grey_zone_count as f64,
            ThresholdKey::GreyZonePercent => self.grey_zone_share * 100.0,
            ThresholdKey::CaseloadWeight => f64::from(self.caseload_weight),
            ThresholdKey::RisingPercentPerMonth => self.rising_per_month * 100.0,
            ThresholdKey::QuietDays => self.quiet_days as f64,
            ThresholdKey::SupervisionWeeks => self.supervision_weeks as f64,
        }
    }

    /// Sets one threshold (a value already checked by [`ThresholdKey::parse_value`]).
    pub fn set(&mut self, key: ThresholdKey, value: f64) {
        match key {
            ThresholdKey::OverAgreementWarning => self.over_agreement_warning = value,
            ThresholdKey::OverAgreementAlert => self.over_agreement_alert = value,
            ThresholdKey::FrontlineMultiple => self.frontline_multiple = value,
            ThresholdKey::GreyZoneCount => self.grey_zone_count = value as usize,
            ThresholdKey::GreyZonePercent => self.grey_zone_share = value / 100.0,
            ThresholdKey::CaseloadWeight => self.caseload_weight = value as u32,
            ThresholdKey::RisingPercentPerMonth => self.rising_per_month = value / 100.0,
            ThresholdKey::QuietDays => self.quiet_days = value as i64,
            ThresholdKey::SupervisionWeeks => self.supervision_weeks = value as i64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_is_what_the_rules_use_and_within_its_range() {
        let t = Thresholds::default();
        for key in ThresholdKey::ALL {
            let info = key.info();
            assert_eq!(t.get(key), info.default, "{key:?}");
            assert!(info.min <= info.default && info.default <= info.max, "{key:?}");
            assert!(key.parse_value(&format_value(info.default)).is_ok(), "{key:?}");
        }
    }

    #[test]
    fn typed_values_are_checked() {
        assert_eq!(ThresholdKey::OverAgreementWarning.parse_value("1,75"), Ok(1.75));
        assert_eq!(ThresholdKey::GreyZoneCount.parse_value("2,5").unwrap_err().code, RefusalCode::NotAllowed);
        assert_eq!(ThresholdKey::QuietDays.parse_value("veel").unwrap_err().code, RefusalCode::InvalidFormat);
        assert_eq!(ThresholdKey::QuietDays.parse_value("3").unwrap_err().field, Field::Value);
        let mut t = Thresholds::default();
        t.set(ThresholdKey::GreyZonePercent, 40.0);
        assert_eq!(t.grey_zone_share, 0.4);
    }
}
