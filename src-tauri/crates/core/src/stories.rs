//! Anonymised stories for funders: a municipal audit office asked for short stories beside the
//! counts (DOMAIN.md, "Reports for funders"). A story may only go into a funder report once nothing
//! in it points at a person: this module marks what does — a volunteer's or participant's name or
//! label (the api passes the names the database holds), an e-mail address, a phone number, a
//! street-like address or postcode, and a full date that reads as a date of birth.

use crate::period::DateRange;
use crate::refusal::{required_text, Field, Refusal, RefusalCode};
use crate::volunteer::parse_date;
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use serde::Serialize;
use std::collections::HashSet;
use std::sync::LazyLock;
use ts_rs::TS;

/// A story as typed.
#[derive(Debug, Clone, Default)]
pub struct StoryDraft {
    pub title: String,
    pub text: String,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidStory {
    pub title: String,
    pub text: String,
    /// The period the story is about: a report of an overlapping period can show it.
    pub period: DateRange,
}

impl StoryDraft {
    /// Checks every field at once. A story with a name in it can be saved (it is the coordinator's
    /// draft); it only cannot go into a funder report.
    pub fn validate(&self) -> Result<ValidStory, Refusal> {
        let title = required_text(Field::Name, "een titel", "a title", &self.title, 120);
        let text = required_text(Field::Note, "het verhaal", "the story", &self.text, 3000);
        let period = self.period();
        Refusal::all([title.as_ref().err(), text.as_ref().err(), period.as_ref().err()])?;
        Ok(ValidStory { title: title?, text: text?, period: period? })
    }

    fn period(&self) -> Result<DateRange, Refusal> {
        let first = parse_date(Field::From, &self.from)?;
        let last = parse_date(Field::To, &self.to)?;
        if last < first {
            return Err(Refusal::new(
                Field::To,
                RefusalCode::InvalidFormat,
                "De einddatum ligt vóór de begindatum.",
                "The last day is before the first day.",
            ));
        }
        Ok(DateRange { first, last })
    }
}

/// What a marked piece of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A volunteer's or participant's name or label.
    Name,
    Email,
    Phone,
    /// A street with a house number, or a postcode.
    Address,
    /// A full date that reads as a date of birth.
    BirthDate,
}

impl FindingKind {
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Self::Name => ("een naam uit de gegevens", "a name from the records"),
            Self::Email => ("een e-mailadres", "an e-mail address"),
            Self::Phone => ("een telefoonnummer", "a phone number"),
            Self::Address => ("een adres of postcode", "an address or postcode"),
            Self::BirthDate => ("een geboortedatum", "a date of birth"),
        }
    }
}

/// One marked piece of a story: what it is and where (byte offsets into the text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub kind: FindingKind,
    pub found: String,
    pub start: u32,
    pub end: u32,
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}").unwrap());
static PHONE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:\+31|0031|\b0)(?:[ \-]?\(?\d\)?){9}\b").unwrap());
static STREET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b[\p{L}'-]*(?:straat|laan|weg|plein|gracht|kade|singel|hof|dreef|pad|steeg|dijk|markt|park|erf|baan)\s+\d+\s?[a-z]?\b",
    )
    .unwrap()
});
static POSTCODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b[1-9]\d{3}\s?[A-Z]{2}\b").unwrap());
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})(?:[-/.](\d{1,2})[-/.]|\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?\s+)((?:18|19|20)\d{2})\b",
    )
    .unwrap()
});
static BORN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)(geboren|geb\.|geboortedatum|born)\W*$").unwrap());

/// Words of a name too common to mark on their own ("de", "van").
const PARTICLES: [&str; 12] = ["van", "de", "der", "den", "het", "ten", "ter", "te", "op", "in", "'t", "la"];

/// Everything in `text` that could point at a person, in the order it appears. `names` are the
/// volunteers' names and the participants' labels in the database: each is marked as a whole and
/// by its parts of three letters or more (a first name alone can be enough) — a single word only
/// when written as a name, with a capital or as a code, since many surnames are ordinary words. A full date counts as
/// a date of birth when "geboren" (or the like) stands right before it, or when it lies ten years
/// or more before `today` — a story is about recent work, so such a date is most likely someone's
/// birthday.
pub fn findings(text: &str, names: &[String], today: NaiveDate) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    let mut mark = |kind: FindingKind, start: usize, end: usize| {
        if !out.iter().any(|f| (f.start as usize) < end && start < f.end as usize) {
            out.push(Finding { kind, found: text[start..end].to_string(), start: start as u32, end: end as u32 });
        }
    };
    for m in EMAIL.find_iter(text) {
        mark(FindingKind::Email, m.start(), m.end());
    }
    for m in PHONE.find_iter(text) {
        mark(FindingKind::Phone, m.start(), m.end());
    }
    for m in STREET.find_iter(text).chain(POSTCODE.find_iter(text)) {
        mark(FindingKind::Address, m.start(), m.end());
    }
    for c in DATE.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let year: i32 = c.get(4).and_then(|y| y.as_str().parse().ok()).unwrap_or(today.year());
        let born = BORN.is_match(&text[..whole.start()]);
        if born || year <= today.year() - 10 {
            mark(FindingKind::BirthDate, whole.start(), whole.end());
        }
    }
    // Names by their words: every known name as a whole, and each of its words of three letters
    // or more on its own; the longest match at each place wins ("Anna de Vries", not "Anna").
    let mut known: HashSet<Vec<String>> = HashSet::new();
    let mut longest = 1;
    for name in names {
        let words: Vec<String> = tokens(name).into_iter().map(|(_, _, w)| w.to_lowercase()).collect();
        if words.is_empty() || (words.len() == 1 && words[0].chars().count() < 2) {
            continue;
        }
        for w in &words {
            if w.chars().count() >= 3 && !PARTICLES.contains(&w.as_str()) {
                known.insert(vec![w.clone()]);
            }
        }
        longest = longest.max(words.len());
        known.insert(words);
    }
    let words = tokens(text);
    let mut i = 0;
    while i < words.len() {
        let hit = (1..=longest.min(words.len() - i)).rev().find(|n| {
            // One word counts as a name only as a name is written — with a capital (or as a code
            // with a digit): surnames are often words too ("Meer", "Groot", "de Jong").
            let (_, _, first) = words[i];
            let written_as_name = *n > 1
                || first.chars().next().is_some_and(char::is_uppercase)
                || first.chars().any(|c| c.is_ascii_digit());
            written_as_name
                && known.contains(&words[i..i + n].iter().map(|(_, _, w)| w.to_lowercase()).collect::<Vec<_>>())
        });
        match hit {
            Some(n) => {
                mark(FindingKind::Name, words[i].0, words[i + n - 1].1);
                i += n;
            }
            None => i += 1,
        }
    }
    out.sort_by_key(|f| f.start);
    out
}

/// The words of `text` with their byte offsets: letters and digits, with hyphens inside ("D-017",
/// "Jan-Willem"); anything else separates.
fn tokens(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inside = c.is_alphanumeric()
            || (c == '-' && start.is_some() && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric()));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len(), &text[s..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()
    }

    fn kinds(text: &str, names: &[&str]) -> Vec<(FindingKind, String)> {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        findings(text, &names, today()).into_iter().map(|f| (f.kind, f.found)).collect()
    }

    #[test]
    fn what_points_at_a_person_is_marked() {
        use FindingKind::*;
        assert_eq!(
            kinds("Anna de Vries hielp mevrouw D-017 met haar post.", &["Anna de Vries", "D-017"]),
            [(Name, "Anna de Vries".into()), (Name, "D-017".into())]
        );
        assert_eq!(kinds("Later belde Anna zelf.", &["Anna de Vries"]), [(Name, "Anna".into())], "a first name alone");
        assert_eq!(
            kinds("Ze wil meer weten en is nog jong.", &["Joke van der Meer", "Piet de Jong"]),
            [],
            "words, not names"
        );
        assert_eq!(kinds("Mevrouw Van der Meer belde.", &["Joke van der Meer"]), [(Name, "Meer".into())]);
        assert_eq!(kinds("Ook d-017 kwam.", &["D-017"]), [(Name, "d-017".into())], "a code in any case");
        assert_eq!(kinds("Een vrijwilliger van de buurt.", &["Anna de Vries"]), [], "'de' is no name");
        assert_eq!(kinds("Mail: ria.kok@example.nl", &[]), [(Email, "ria.kok@example.nl".into())]);
        for phone in ["06-12345678", "0612345678", "06 1234 5678", "+31 6 12345678", "030-2345678"] {
            assert_eq!(kinds(&format!("Bel {phone} morgen."), &[]), [(Phone, phone.into())], "{phone}");
        }
        assert_eq!(kinds("Ze woont aan de Dorpsstraat 12a.", &[]), [(Address, "Dorpsstraat 12a".into())]);
        assert_eq!(kinds("Postcode 3701 AB.", &[]), [(Address, "3701 AB".into())]);
        assert_eq!(kinds("Geboren op 12-03-2001.", &[]), [(BirthDate, "12-03-2001".into())], "after 'geboren'");
        assert_eq!(kinds("Sinds 3 maart 1948 woont ze hier.", &[]), [(BirthDate, "3 maart 1948".into())]);
        assert_eq!(kinds("Op 12-03-2026 hadden we een gesprek.", &[]), [], "a recent date is an event");
        assert_eq!(kinds("In 2025 hielpen 12 vrijwilligers 40 gezinnen.", &[]), [], "figures are no findings");
    }

    #[test]
    fn a_story_needs_a_title_a_text_and_a_period() {
        let ok = StoryDraft {
            title: "Weer grip op de post".into(),
            text: "Een vrijwilliger hielp een gezin.".into(),
            from: "1-1-2025".into(),
            to: "31-12-2025".into(),
        };
        assert_eq!(ok.validate().unwrap().period.last, NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
        let bad = StoryDraft { title: " ".into(), text: String::new(), ..ok };
        let refusal = bad.validate().unwrap_err();
        assert_eq!(refusal.field, Field::Name);
        assert_eq!(refusal.also.len(), 1);
    }
}
