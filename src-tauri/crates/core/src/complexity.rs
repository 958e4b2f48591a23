//! Case complexity: the Humanitas rule (life domains + "solvable within a year"), crisis markers,
//! the optional Zelfredzaamheid-Matrix as supplied by a professional, and the derived level of a case.
//!
//! ```
//! use draagkracht_core::complexity::{case_level, CaseLevel, Assessment, LifeDomain::*};
//! let a = Assessment { domains: vec![Money, Housing, Health], solvable_within_year: false, ..Default::default() };
//! assert_eq!(case_level(Some(&a)), CaseLevel::Complex);
//! assert_eq!(case_level(None), CaseLevel::Normal);
//! ```

use crate::refusal::{Field, Refusal, RefusalCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The seven life domains of the Humanitas rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LifeDomain {
    /// Opvoeding.
    Parenting,
    /// Relaties.
    Relationships,
    /// Gezondheid.
    Health,
    /// Geldzaken.
    Money,
    /// Wonen.
    Housing,
    /// Taal.
    Language,
    /// Dagbesteding.
    Daytime,
}

impl LifeDomain {
    pub const ALL: [LifeDomain; 7] =
        [Self::Parenting, Self::Relationships, Self::Health, Self::Money, Self::Housing, Self::Language, Self::Daytime];

    /// The wire and storage name (`money`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Parenting => "parenting",
            Self::Relationships => "relationships",
            Self::Health => "health",
            Self::Money => "money",
            Self::Housing => "housing",
            Self::Language => "language",
            Self::Daytime => "daytime",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == text)
    }
}

/// Crisis markers: any one makes a case acute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CrisisMarker {
    /// Acute debt: bailiff, eviction, disconnection of energy or water.
    AcuteDebt,
    /// Signs of suicidal thoughts.
    SuicidalSignals,
    /// Violence or an unsafe home.
    UnsafeHome,
    /// The participant can no longer function in daily life.
    CannotCope,
}

impl CrisisMarker {
    pub const ALL: [CrisisMarker; 4] = [Self::AcuteDebt, Self::SuicidalSignals, Self::UnsafeHome, Self::CannotCope];
}

/// The derived level of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseLevel {
    Normal,
    Complex,
    Acute,
}

impl CaseLevel {
    pub const ALL: [CaseLevel; 3] = [Self::Normal, Self::Complex, Self::Acute];

    /// The stored and published name (`complex`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Normal => "normal",
            Self::Complex => "complex",
            Self::Acute => "acute",
        }
    }

    /// The weight of a case in a volunteer's caseload (DOMAIN.md: normal 1, complex 2, acute 3).
    pub fn weight(self) -> u32 {
        match self {
            Self::Normal => 1,
            Self::Complex => 2,
            Self::Acute => 3,
        }
    }
}

/// The 13 domains of the Zelfredzaamheid-Matrix (© GGD Amsterdam), in the matrix's order.
pub const ZRM_DOMAINS: [&str; 13] = [
    "financiën",
    "werk & opleiding",
    "tijdsbesteding",
    "huisvesting",
    "huiselijke relaties",
    "geestelijke gezondheid",
    "lichamelijke gezondheid",
    "middelengebruik",
    "basale ADL",
    "instrumentele ADL",
    "sociaal netwerk",
    "maatschappelijke participatie",
    "justitie",
];

/// A ZRM as supplied by a named professional: 13 scores, 1 (acute) to 5 (fully self-reliant).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZrmScores {
    pub scored_by: String,
    pub scored_on: NaiveDate,
    pub scores: [u8; 13],
}

/// One dated assessment of a case. Assessments are kept as history, never overwritten.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Assessment {
    pub domains: Vec<LifeDomain>,
    pub solvable_within_year: bool,
    pub markers: Vec<CrisisMarker>,
    pub zrm: Option<ZrmScores>,
}

/// How many life domains with problems make a case complex (when not solvable within a year).
pub const COMPLEX_DOMAINS: usize = 3;

/// The level of a case from its latest assessment: acute with any crisis marker or a ZRM domain
/// scored 1; complex with problems on 3 or more life domains that cannot be solved within a year;
/// otherwise (and without any assessment) normal.
pub fn case_level(latest: Option<&Assessment>) -> CaseLevel {
    let Some(a) = latest else { return CaseLevel::Normal };
    let zrm_acute = a.zrm.as_ref().is_some_and(|z| z.scores.contains(&1));
    if !a.markers.is_empty() || zrm_acute {
        CaseLevel::Acute
    } else if distinct(&a.domains) >= COMPLEX_DOMAINS && !a.solvable_within_year {
        CaseLevel::Complex
    } else {
        CaseLevel::Normal
    }
}

fn distinct(domains: &[LifeDomain]) -> usize {
    let mut d = domains.to_vec();
    d.sort();
    d.dedup();
    d.len()
}

/// The assessment form as typed in.
#[derive(Debug, Clone, Default)]
pub struct AssessmentDraft {
    pub date: String,
    pub domains: Vec<LifeDomain>,
    pub solvable_within_year: bool,
    pub markers: Vec<CrisisMarker>,
    /// (scored by, scored on, 13 scores) when a professional supplied a ZRM.
    pub zrm: Option<(String, String, Vec<i64>)>,
}

/// A validated assessment with its date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAssessment {
    pub date: NaiveDate,
    pub assessment: Assessment,
}

impl AssessmentDraft {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidAssessment, Refusal> {
        let date = crate::volunteer::parse_date(Field::Date, &self.date)?;
        if date > today {
            return Err(Refusal::new(
                Field::Date,
                RefusalCode::InFuture,
                "Een inschatting gaat over nu of eerder, niet over later. Kies een datum tot en met vandaag.",
                "An assessment is about now or earlier. Choose a date up to today.",
            ));
        }
        let mut domains = self.domains.clone();
        domains.sort();
        domains.dedup();
        let mut markers = self.markers.clone();
        markers.sort();
        markers.dedup();
        let zrm = match &self.zrm {
            None => None,
            Some((by, on, scores)) => {
                let scored_by = crate::refusal::required_text(
                    Field::ZrmScoredBy,
                    "wie de ZRM heeft ingevuld",
                    "who scored the ZRM",
                    by,
                    120,
                )?;
                let scored_on = crate::volunteer::parse_date(Field::ZrmScoredOn, on)?;
                if scored_on > today {
                    return Err(Refusal::new(
                        Field::ZrmScoredOn,
                        RefusalCode::InFuture,
                        "De ZRM-datum ligt na vandaag.",
                        "The ZRM date is after today.",
                    ));
                }
                if scores.len() != 13 || scores.iter().any(|s| !(1..=5).contains(s)) {
                    return Err(Refusal::new(
                        Field::ZrmScores,
                        RefusalCode::InvalidFormat,
                        "Een ZRM heeft 13 scores van 1 tot en met 5. Neem ze over zoals de professional ze gaf.",
                        "A ZRM has 13 scores from 1 to 5. Copy them as the professional gave them.",
                    ));
                }
                let mut fixed = [0u8; 13];
                for (slot, s) in fixed.iter_mut().zip(scores) {
                    *slot = *s as u8;
                }
                Some(ZrmScores { scored_by, scored_on, scores: fixed })
            }
        };
        Ok(ValidAssessment {
            date,
            assessment: Assessment { domains, solvable_within_year: self.solvable_within_year, markers, zrm },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CrisisMarker::*;
    use LifeDomain::*;

    fn check(
        domains: &[LifeDomain],
        within_year: bool,
        markers: &[CrisisMarker],
        zrm: Option<[u8; 13]>,
        expected: CaseLevel,
    ) {
        let a = Assessment {
            domains: domains.to_vec(),
            solvable_within_year: within_year,
            markers: markers.to_vec(),
            zrm: zrm.map(|scores| ZrmScores {
                scored_by: "wijkteam".into(),
                scored_on: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
                scores,
            }),
        };
        assert_eq!(case_level(Some(&a)), expected, "{a:?}");
    }

    #[test]
    fn complex_needs_three_domains_and_more_than_a_year() {
        check(&[], false, &[], None, CaseLevel::Normal);
        check(&[Money, Housing], false, &[], None, CaseLevel::Normal);
        check(&[Money, Housing, Health], false, &[], None, CaseLevel::Complex);
        check(&[Money, Housing, Health], true, &[], None, CaseLevel::Normal);
        check(&LifeDomain::ALL, true, &[], None, CaseLevel::Normal);
        check(&LifeDomain::ALL, false, &[], None, CaseLevel::Complex);
        check(&[Money, Money, Money], false, &[], None, CaseLevel::Normal);
    }

    #[test]
    fn any_crisis_marker_or_zrm_one_is_acute() {
        for marker in CrisisMarker::ALL {
            check(&[], true, &[marker], None, CaseLevel::Acute);
        }
        check(&[Money, Housing, Health], false, &[AcuteDebt], None, CaseLevel::Acute);
        let mut zrm = [3u8; 13];
        check(&[], true, &[], Some(zrm), CaseLevel::Normal);
        zrm[12] = 1;
        check(&[], true, &[], Some(zrm), CaseLevel::Acute);
        zrm[12] = 2;
        check(&[], true, &[], Some(zrm), CaseLevel::Normal);
    }

    #[test]
    fn no_assessment_is_normal_and_weights_follow_the_level() {
        assert_eq!(case_level(None), CaseLevel::Normal);
        assert_eq!([CaseLevel::Normal, CaseLevel::Complex, CaseLevel::Acute].map(CaseLevel::weight), [1, 2, 3]);
    }

    #[test]
    fn a_zrm_needs_a_named_professional_a_date_and_13_scores() {
        let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let draft = |by: &str, on: &str, scores: Vec<i64>| AssessmentDraft {
            date: "01-06-2025".into(),
            zrm: Some((by.into(), on.into(), scores)),
            ..Default::default()
        };
        let field = |d: AssessmentDraft| d.validate(today).unwrap_err().field;
        assert_eq!(field(draft("", "01-05-2025", vec![3; 13])), Field::ZrmScoredBy);
        assert_eq!(field(draft("GGD", "", vec![3; 13])), Field::ZrmScoredOn);
        assert_eq!(field(draft("GGD", "01-05-2025", vec![3; 12])), Field::ZrmScores);
        assert_eq!(field(draft("GGD", "01-05-2025", vec![6; 13])), Field::ZrmScores);
        assert!(draft("GGD", "01-05-2025", vec![3; 13]).validate(today).is_ok());
        let future = AssessmentDraft { date: "02-06-2025".into(), ..Default::default() };
        assert_eq!(future.validate(today).unwrap_err().code, RefusalCode::InFuture);
    }
}
