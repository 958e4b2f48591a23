//! Fictional Dutch names for the demo. Combinations of common first names and surnames; any likeness
//! to a real person is chance.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

const FIRST: &[&str] = &[
    "Anna",
    "Bram",
    "Carla",
    "Daan",
    "Eva",
    "Fatima",
    "Gerrit",
    "Hanneke",
    "Ilse",
    "Jan",
    "Karin",
    "Lars",
    "Mieke",
    "Noah",
    "Olga",
    "Pieter",
    "Quinten",
    "Riet",
    "Sanne",
    "Thijs",
    "Ursula",
    "Vera",
    "Wim",
    "Yara",
    "Zeynep",
    "Ahmed",
    "Bea",
    "Coen",
    "Dirk",
    "Els",
    "Femke",
    "Gijs",
    "Henk",
    "Ingrid",
    "Joost",
    "Kees",
    "Lotte",
    "Marja",
    "Nadia",
    "Otto",
    "Petra",
    "Ruud",
    "Sophie",
    "Tineke",
    "Youssef",
    "Willemijn",
    "Marloes",
    "Hüseyin",
    "Priya",
    "Rob",
];

const LAST: &[&str] = &[
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van Dijk",
    "Schouten",
    "Willems",
    "Hoekstra",
    "Koster",
    "Prins",
    "Huisman",
    "Kuipers",
    "Postma",
    "El Amrani",
    "Yilmaz",
    "Nijhuis",
    "Verbeek",
    "Timmermans",
];

/// A name not yet in `taken` (while names last; then repeats, as real branches have namesakes).
pub(crate) fn person(rng: &mut ChaCha8Rng, taken: &mut std::collections::HashSet<String>) -> String {
    let mut name = String::new();
    for _ in 0..20 {
        name = format!("{} {}", FIRST[rng.gen_range(0..FIRST.len())], LAST[rng.gen_range(0..LAST.len())]);
        if taken.insert(name.clone()) {
            break;
        }
    }
    name
}

/// An address on the reserved `example.nl` domain, so no demo mail can reach anyone.
pub(crate) fn email(name: &str) -> String {
    let local: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'ü' => 'u',
            ' ' => '.',
            c => c,
        })
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect();
    format!("{local}@example.nl")
}

/// A first name alone, for participants recorded by first name only.
pub(crate) fn first_name(rng: &mut ChaCha8Rng) -> &'static str {
    FIRST[rng.gen_range(0..FIRST.len())]
}
