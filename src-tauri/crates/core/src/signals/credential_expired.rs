//! Credential expired: a certificate of conduct (VOG) missing or older than the renewal policy
//! (default 3 years), or a training one of their programmes requires not done. Not for an applicant
//! in registration or intake: arranging the VOG and the training is what the intake is for.

use super::{Evidence, History, Severity, Signal, Thresholds};
use crate::signals::RuleId;
use crate::volunteer::VolunteerStatus;
use chrono::{Months, NaiveDate};

pub(super) fn check(h: &History, t: &Thresholds, today: NaiveDate) -> Option<Signal> {
    if matches!(h.status, VolunteerStatus::Registered | VolunteerStatus::Intake) {
        return None;
    }
    let mut nl = Vec::new();
    let mut en = Vec::new();
    let mut cause = today;
    match h.vog_date {
        None => {
            nl.push("er is geen VOG vastgelegd".to_string());
            en.push("no certificate of conduct (VOG) is recorded".to_string());
        }
        Some(vog) => {
            let expires = vog.checked_add_months(Months::new(12 * t.vog_years)).unwrap_or(vog);
            if today > expires {
                nl.push(format!("de VOG is van {} en ouder dan {} jaar", vog.format("%d-%m-%Y"), t.vog_years));
                en.push(format!(
                    "the VOG dates from {} and is older than {} years",
                    vog.format("%d-%m-%Y"),
                    t.vog_years
                ));
                cause = expires;
            }
        }
    }
    if !h.missing_trainings.is_empty() {
        nl.push(format!("deze training ontbreekt nog: {}", h.missing_trainings.join(", ")));
        en.push(format!("this training is still missing: {}", h.missing_trainings.join(", ")));
    }
    if nl.is_empty() {
        return None;
    }
    Some(Signal {
        rule: RuleId::CredentialExpired,
        volunteer: h.volunteer,
        severity: Severity::Warning,
        subject: None,
        evidence: Evidence::default(),
        explanation_nl: format!("Papieren niet op orde: {}.", nl.join("; ")),
        explanation_en: format!("Papers not in order: {}.", en.join("; ")),
        cause_date: cause,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signals::testing::*;

    #[test]
    fn a_vog_older_than_the_policy_or_a_missing_training() {
        let t = Thresholds::default();
        let mut h = history(4);
        h.vog_date = Some(NaiveDate::from_ymd_opt(2022, 6, 30).unwrap());
        assert!(check(&h, &t, today()).is_none(), "exactly three years");
        h.vog_date = Some(NaiveDate::from_ymd_opt(2022, 6, 29).unwrap());
        assert!(check(&h, &t, today()).is_some());
        h.vog_date = None;
        assert!(check(&h, &t, today()).unwrap().explanation_nl.contains("geen VOG"));
        h.vog_date = Some(day(1, 1));
        h.missing_trainings = vec!["Basistraining thuisadministratie".into()];
        assert!(check(&h, &t, today()).unwrap().explanation_nl.contains("Basistraining"));
    }

    #[test]
    fn an_applicant_has_a_vog_to_request_not_an_expired_one() {
        let mut h = history(4);
        h.vog_date = None;
        for (status, fires) in [
            (VolunteerStatus::Registered, false),
            (VolunteerStatus::Intake, false),
            (VolunteerStatus::Active, true),
            (VolunteerStatus::Resting, true),
        ] {
            h.status = status;
            assert_eq!(check(&h, &Thresholds::default(), today()).is_some(), fires, "{status:?}");
        }
    }
}
