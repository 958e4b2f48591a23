//! Which programme's norm decides. A volunteer in several programmes is judged per programme for what
//! belongs to a programme (its matches, contacts, training); where one volunteer-level signal depends
//! on several programmes, the strictest applicable norm decides and the explanation names that
//! programme (DOMAIN.md, "Signals"). Every threshold reads "above this", so the strictest is the lowest.

use super::Thresholds;
use crate::ids::ProgrammeId;
use std::collections::HashMap;

/// The thresholds of every programme, and the branch's own for what no programme sets.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Norms {
    per_programme: HashMap<ProgrammeId, (String, Thresholds)>,
    branch: Thresholds,
}

/// One norm that decides: its value and, when the volunteer's programmes differ on it, the
/// programme it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Norm<T> {
    pub value: T,
    pub programme: Option<String>,
}

impl Norms {
    /// `branch` holds what is set for the whole branch (VOG term, allowance caps, every programme's
    /// maximum match length) and serves a volunteer without a programme.
    pub fn new(branch: Thresholds) -> Self {
        Self { per_programme: HashMap::new(), branch }
    }

    pub fn insert(&mut self, programme: ProgrammeId, name: impl Into<String>, thresholds: Thresholds) {
        self.per_programme.insert(programme, (name.into(), thresholds));
    }

    /// The branch-wide settings.
    pub fn branch(&self) -> &Thresholds {
        &self.branch
    }

    /// One programme's thresholds (the branch's for a programme it does not know).
    pub fn of(&self, programme: ProgrammeId) -> &Thresholds {
        self.per_programme.get(&programme).map_or(&self.branch, |(_, t)| t)
    }

    /// A programme's name.
    pub fn name_of(&self, programme: ProgrammeId) -> Option<String> {
        self.per_programme.get(&programme).map(|(name, _)| name.clone())
    }

    /// The strictest (lowest) value of one threshold among `programmes`; the branch's when there are
    /// none. The programme is named only when the programmes hold different values.
    pub fn strictest<T: PartialOrd + Copy>(
        &self,
        programmes: impl IntoIterator<Item = ProgrammeId>,
        key: impl Fn(&Thresholds) -> T,
    ) -> Norm<T> {
        let mut best: Option<(T, &str)> = None;
        let mut differ = false;
        for programme in programmes {
            let Some((name, t)) = self.per_programme.get(&programme) else { continue };
            let value = key(t);
            match best {
                None => best = Some((value, name)),
                Some((current, _)) => {
                    differ |= value != current;
                    if value < current {
                        best = Some((value, name));
                    }
                }
            }
        }
        match best {
            Some((value, name)) => Norm { value, programme: differ.then(|| name.to_string()) },
            None => Norm { value: key(&self.branch), programme: None },
        }
    }
}

/// " Hier geldt de strengste norm: die van Maatje." — appended to an explanation when the volunteer's
/// programmes differ on the norm that decided; empty otherwise.
pub(crate) fn named(programmes: &[&Option<String>]) -> (String, String) {
    let mut names: Vec<&str> = Vec::new();
    for name in programmes.iter().filter_map(|p| p.as_deref()) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    if names.is_empty() {
        return (String::new(), String::new());
    }
    let list = names.join(", ");
    (
        format!(" De projecten hebben verschillende normen; de strengste geldt, die van {list}."),
        format!(" The programmes have different norms; the strictest applies, that of {list}."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn norms() -> (Norms, ProgrammeId, ProgrammeId) {
        let (maatje, rouw) = (ProgrammeId(Uuid::from_u128(1)), ProgrammeId(Uuid::from_u128(2)));
        let mut n = Norms::new(Thresholds::default());
        n.insert(maatje, "Maatje", Thresholds::default());
        n.insert(rouw, "Steun bij verlies en rouw", Thresholds { supervision_weeks: 6, ..Thresholds::default() });
        (n, maatje, rouw)
    }

    #[test]
    fn the_lowest_value_decides_and_its_programme_is_named_only_when_they_differ() {
        let (n, maatje, rouw) = norms();
        let weeks = n.strictest([maatje, rouw], |t| t.supervision_weeks);
        assert_eq!(weeks, Norm { value: 6, programme: Some("Steun bij verlies en rouw".into()) });
        assert_eq!(n.strictest([rouw, maatje], |t| t.supervision_weeks).value, 6, "order does not matter");
        assert_eq!(n.strictest([maatje], |t| t.supervision_weeks), Norm { value: 12, programme: None });
        assert_eq!(n.strictest([maatje, rouw], |t| t.caseload_weight), Norm { value: 4, programme: None });
        assert_eq!(n.strictest([], |t| t.quiet_days), Norm { value: 30, programme: None }, "the branch's");
    }

    #[test]
    fn the_explanation_names_the_deciding_programmes() {
        assert_eq!(named(&[&None, &None]).0, "");
        let rouw = Some("Steun bij verlies en rouw".to_string());
        assert!(named(&[&rouw, &rouw]).0.ends_with("die van Steun bij verlies en rouw."));
    }
}
