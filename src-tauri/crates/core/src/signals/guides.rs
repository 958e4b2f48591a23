//! A conversation guide per rule: why it matters, what to ask, what can be agreed and when a
//! professional should come in — in B1 Dutch and in English, written from DOMAIN.md (where volunteer
//! work ends, the signal rules, the 2018 letter). The coordinator's how, beside the signal's what.

use super::lifecycle::Resolution;
use super::RuleId;
use crate::refusal::{required_text, Field, Refusal, RefusalCode};

/// The guide of one rule, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guide {
    pub why: &'static str,
    pub questions: [&'static str; 3],
    pub professional: &'static str,
}

/// The guide of a rule in Dutch and in English.
pub fn guide(rule: RuleId) -> (Guide, Guide) {
    use RuleId::*;
    let g = |why, questions, professional| Guide { why, questions, professional };
    match rule {
        HoursOverAgreement => (
            g(
                "Meer uren dan afgesproken is vaak het eerste teken dat iemand te veel op zich neemt.",
                ["Hoe komt het dat het meer uren zijn geworden?", "Voelt het nog goed, of wordt het te veel?", "Wat zou je willen laten vallen of delen?"],
                "Als de uren komen door taken die bij een professional horen, of door een situatie die zwaarder wordt.",
            ),
            g(
                "More hours than agreed is often the first sign that someone is taking on too much.",
                ["How did it become more hours?", "Does it still feel right, or is it getting too much?", "What would you like to drop or share?"],
                "When the hours come from tasks that belong with a professional, or from a situation getting heavier.",
            ),
        ),
        FrontlineLoad => (
            g(
                "Veel uren, één op één en bij iemand thuis: deze vrijwilligers lopen het meeste risico (onderzoek 2018).",
                ["Hoe gaat het thuis bij de deelnemer, en hoe gaat het met jou?", "Met wie kun je erover praten als het zwaar is?", "Zou een tweede vrijwilliger helpen?"],
                "Als de deelnemer meer nodig heeft dan een vrijwilliger kan geven.",
            ),
            g(
                "Many hours, one-to-one and at someone's home: these volunteers carry the most risk (2018 study).",
                ["How are things at the participant's home, and how are you?", "Who can you talk to when it is hard?", "Would a second volunteer help?"],
                "When the participant needs more than a volunteer can give.",
            ),
        ),
        ComplexWithoutProfessional => (
            g(
                "Een complexe situatie hoort niet alleen op de schouders van een vrijwilliger.",
                ["Welke problemen zie je bij de deelnemer?", "Is er al iemand van het wijkteam of de schuldhulp in beeld?", "Wat doe jij nu dat eigenlijk werk van een professional is?"],
                "Nu: zoek samen een professional (wijkteam, schuldhulp, maatschappelijk werk) en leg de verwijzing vast.",
            ),
            g(
                "A complex situation should not rest on a volunteer's shoulders alone.",
                ["Which problems do you see with the participant?", "Is anyone from the district team or debt help involved yet?", "What are you doing now that is really a professional's work?"],
                "Now: find a professional together (district team, debt help, social work) and log the referral.",
            ),
        ),
        AcuteCase => (
            g(
                "Bij een crisis (acute schulden, onveilig thuis, niet meer kunnen) moet er meteen een professional bij.",
                ["Wat is er precies gebeurd?", "Is de deelnemer nu veilig?", "Wie heb je al gebeld of gesproken?"],
                "Altijd, vandaag nog. Bij gevaar: 112. Leg de verwijzing vast.",
            ),
            g(
                "In a crisis (acute debt, an unsafe home, no longer coping) a professional must come in at once.",
                ["What exactly happened?", "Is the participant safe now?", "Who have you called or spoken to already?"],
                "Always, today. In danger: 112. Log the referral.",
            ),
        ),
        ProfessionalTask => (
            g(
                "Sommige taken horen bij een professional, zoals onderhandelen met schuldeisers of medische handelingen.",
                ["Hoe kwam het dat jij deze taak deed?", "Wie zou deze taak eigenlijk moeten doen?", "Wat heb je nodig om hem over te dragen?"],
                "Draag de taak over aan de juiste professional en leg dat vast.",
            ),
            g(
                "Some tasks belong with a professional, such as negotiating with creditors or medical care.",
                ["How did you come to do this task?", "Who should really do it?", "What do you need to hand it over?"],
                "Hand the task over to the right professional and log it.",
            ),
        ),
        GreyZoneDrift => (
            g(
                "Werk in het grijze gebied kan goed zijn, maar als het vaak gebeurt schuift de grens langzaam op.",
                ["Welke taken in het grijze gebied doe je vaak?", "Voel je je daar zeker bij?", "Welke training of steun zou helpen?"],
                "Als het grijze werk steeds meer wordt of de deelnemer er afhankelijk van raakt.",
            ),
            g(
                "Grey-zone work can be fine, but when it happens often the line slowly moves.",
                ["Which grey-zone tasks do you do often?", "Do you feel sure about them?", "What training or support would help?"],
                "When the grey-zone work keeps growing or the participant comes to depend on it.",
            ),
        ),
        WeightedCaseload => (
            g(
                "Meerdere zware koppelingen tegelijk is veel om te dragen, ook als de uren meevallen.",
                ["Welke koppeling kost je de meeste energie?", "Hoe houd je het vol naast je eigen leven?", "Kan een koppeling naar een andere vrijwilliger?"],
                "Als een van de situaties complex of acuut is en er nog geen professional bij is.",
            ),
            g(
                "Several heavy matches at once is a lot to carry, even when the hours look fine.",
                ["Which match takes most of your energy?", "How do you keep it up next to your own life?", "Could a match go to another volunteer?"],
                "When one of the situations is complex or acute and no professional is involved yet.",
            ),
        ),
        RisingLoad => (
            g(
                "Als het steeds meer wordt, is het beter nu te praten dan later.",
                ["Merk je zelf dat het meer wordt?", "Waar komt dat door?", "Wat wil je afspreken voor de komende weken?"],
                "Als de stijging komt doordat de situatie van de deelnemer zwaarder wordt.",
            ),
            g(
                "When it keeps getting more, talking now is better than later.",
                ["Do you notice yourself that it is getting more?", "What is causing it?", "What would you like to agree for the coming weeks?"],
                "When the rise comes from the participant's situation getting heavier.",
            ),
        ),
        TrajectoryTooLong => (
            g(
                "Een koppeling die langer loopt dan het project bedoelt, kan afhankelijk maken.",
                ["Wat is er bereikt, en wat nog niet?", "Wat heeft de deelnemer nog nodig?", "Hoe kunnen jullie goed afronden?"],
                "Als de deelnemer nog hulp nodig heeft die langer duurt: draag over aan een professional.",
            ),
            g(
                "A match that runs longer than the programme intends can create dependence.",
                ["What has been achieved, and what not yet?", "What does the participant still need?", "How can you close well?"],
                "When the participant still needs help that will take longer: hand over to a professional.",
            ),
        ),
        NoSupervision => (
            g(
                "Intervisie helpt vrijwilligers hun grenzen te bewaken; zonder wordt het werk eenzaam.",
                ["Wanneer was je voor het laatst bij een intervisie?", "Wat houdt je tegen om te gaan?", "Wanneer kun je bij de volgende zijn?"],
                "Niet nodig voor dit signaal zelf; wel als je in het gesprek zorgen hoort over een deelnemer.",
            ),
            g(
                "Intervision helps volunteers guard their limits; without it the work becomes lonely.",
                ["When were you last at an intervision?", "What keeps you from going?", "When can you join the next one?"],
                "Not for this signal itself; but do when you hear worries about a participant.",
            ),
        ),
        StrainCheckIn => (
            g(
                "De antwoorden bij het laatste gesprek wijzen op zware belasting. Dit is geen diagnose, wel een reden om te praten.",
                ["Hoe gaat het nu met je?", "Wat maakt het zwaar?", "Wat zou je lucht geven?"],
                "Als de vrijwilliger zelf hulp nodig lijkt te hebben: wijs de weg naar de huisarts of het maatschappelijk werk.",
            ),
            g(
                "The answers at the last check-in point to a heavy load. It is not a diagnosis, but it is a reason to talk.",
                ["How are you now?", "What makes it hard?", "What would give you some air?"],
                "When the volunteer seems to need help themselves: point the way to the GP or social work.",
            ),
        ),
        CredentialExpired => (
            g(
                "Een geldige VOG en de training horen bij veilig vrijwilligerswerk.",
                ["Wil je een nieuwe VOG aanvragen? De afdeling helpt.", "Wanneer kun je de training volgen?", "Heb je hulp nodig bij de aanvraag?"],
                "Niet nodig.",
            ),
            g(
                "A valid certificate of conduct and the training belong to safe volunteer work.",
                ["Will you request a new VOG? The branch helps.", "When can you take the training?", "Do you need help with the request?"],
                "Not needed.",
            ),
        ),
        AllowanceOverCap => (
            g(
                "Boven de vrijstelling wordt de vergoeding belast; dat kan de vrijwilliger geld kosten.",
                ["Klopt het bedrag dat is uitbetaald?", "Kunnen we de vergoeding voor de rest van het jaar aanpassen?", "Weet je wat dit voor jouw belasting betekent?"],
                "Niet nodig; bij twijfel de administratie van de organisatie.",
            ),
            g(
                "Above the tax-free cap the allowance is taxed; that can cost the volunteer money.",
                ["Is the amount paid out right?", "Can we adjust the allowance for the rest of the year?", "Do you know what this means for your taxes?"],
                "Not needed; when in doubt, the organisation's administration.",
            ),
        ),
        GoneQuiet => (
            g(
                "Stil worden kan betekenen dat het goed gaat, maar ook dat iemand vastloopt of afhaakt.",
                ["Hoe gaat het met de koppeling?", "Vergeet je de uren in te vullen, of zie je de deelnemer minder?", "Wil je even rust nemen?"],
                "Als de deelnemer zonder hulp lijkt te zitten.",
            ),
            g(
                "Going quiet can mean all is well, but also that someone is stuck or dropping out.",
                ["How is the match going?", "Are you forgetting to log hours, or seeing the participant less?", "Would you like a break?"],
                "When the participant seems to be left without help.",
            ),
        ),
    }
}

/// A branch's own wording of a rule's guide, as the coordinator typed it (questions one per line).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GuideDraft {
    pub why: String,
    pub questions: String,
    pub professional: String,
}

/// A branch's own guide, checked: it replaces the default in both languages (the branch's words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BranchGuide {
    pub why: String,
    pub questions: Vec<String>,
    pub professional: String,
}

/// At most this many questions: a guide is a prompt, not a protocol.
pub const MAX_QUESTIONS: usize = 6;

impl GuideDraft {
    /// Every field checked at once: "why" and "when a professional" filled in, one to six questions.
    pub fn validate(&self) -> Result<BranchGuide, Refusal> {
        let why = required_text(Field::Why, "waarom het ertoe doet", "why it matters", &self.why, 400);
        let professional = required_text(
            Field::WhenProfessional,
            "wanneer een professional erbij moet",
            "when a professional should come in",
            &self.professional,
            400,
        );
        let questions = self.questions();
        Refusal::all([why.as_ref().err(), questions.as_ref().err(), professional.as_ref().err()])?;
        Ok(BranchGuide { why: why?, questions: questions?, professional: professional? })
    }

    fn questions(&self) -> Result<Vec<String>, Refusal> {
        let lines: Vec<String> =
            self.questions.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
        if lines.is_empty() {
            return Err(Refusal::new(
                Field::Questions,
                RefusalCode::Required,
                "Schrijf minstens één vraag, één per regel.",
                "Write at least one question, one per line.",
            ));
        }
        if lines.len() > MAX_QUESTIONS {
            return Err(Refusal::new(
                Field::Questions,
                RefusalCode::TooLarge,
                format!("{} vragen is te veel; houd het bij hoogstens {MAX_QUESTIONS}.", lines.len()),
                format!("{} questions is too many; keep to {MAX_QUESTIONS} at most.", lines.len()),
            ));
        }
        if let Some((i, long)) = lines.iter().enumerate().find(|(_, l)| l.chars().count() > 200) {
            return Err(Refusal::new(
                Field::Questions,
                RefusalCode::TooLong,
                format!("Vraag {} is te lang: {} tekens, maximaal 200.", i + 1, long.chars().count()),
                format!("Question {} is too long: {} characters, at most 200.", i + 1, long.chars().count()),
            ));
        }
        Ok(lines)
    }
}

/// What can be agreed after a signal of this rule, the likeliest first — what the resolve form
/// offers first. `Other` is always possible.
pub fn agreements(rule: RuleId) -> &'static [Resolution] {
    use Resolution::*;
    use RuleId::*;
    match rule {
        HoursOverAgreement | RisingLoad => &[HoursReduced, SecondVolunteer, Break, Conversation],
        FrontlineLoad | WeightedCaseload => &[SecondVolunteer, HoursReduced, ProfessionalEngaged, Break],
        ComplexWithoutProfessional | AcuteCase => &[ProfessionalEngaged, TaskHandedOver, MatchEnded],
        ProfessionalTask => &[TaskHandedOver, ProfessionalEngaged, Training],
        GreyZoneDrift => &[Training, TaskHandedOver, Conversation],
        TrajectoryTooLong => &[MatchEnded, ProfessionalEngaged, Conversation],
        NoSupervision => &[Conversation, Training],
        StrainCheckIn => &[Conversation, Break, HoursReduced, SecondVolunteer],
        CredentialExpired => &[Training, Conversation],
        AllowanceOverCap => &[Conversation],
        GoneQuiet => &[Conversation, Break, MatchEnded],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_guide_in_both_languages_and_something_to_agree() {
        for rule in RuleId::ALL {
            let (nl, en) = guide(rule);
            for g in [&nl, &en] {
                assert!(!g.why.is_empty() && !g.professional.is_empty(), "{rule:?}");
                assert!(
                    g.questions.iter().all(|q| q.ends_with('?') || q.ends_with('.')),
                    "{rule:?}: {:?}",
                    g.questions
                );
            }
            assert_ne!(nl.why, en.why, "{rule:?} is translated");
            assert!(!agreements(rule).is_empty() && !agreements(rule).contains(&Resolution::Other), "{rule:?}");
        }
    }

    #[test]
    fn a_branch_guide_is_checked_field_by_field_all_at_once() {
        let draft = GuideDraft {
            why: "  Omdat het ertoe doet. ".into(),
            questions: "Hoe gaat het?\n\n  Wat heb je nodig?  \n".into(),
            professional: "Bij twijfel.".into(),
        };
        let g = draft.validate().unwrap();
        assert_eq!(g.why, "Omdat het ertoe doet.");
        assert_eq!(g.questions, ["Hoe gaat het?", "Wat heb je nodig?"], "blank lines and spaces go");
        let empty = GuideDraft::default().validate().unwrap_err();
        assert_eq!(empty.field, Field::Why);
        assert_eq!(empty.also.iter().map(|r| r.field).collect::<Vec<_>>(), [Field::Questions, Field::WhenProfessional]);
        for (n, ok) in [(6, true), (7, false)] {
            let many = GuideDraft { questions: "Vraag?\n".repeat(n), ..draft.clone() };
            assert_eq!(many.validate().is_ok(), ok, "{n} questions");
        }
        let long = GuideDraft { questions: format!("Kort?\n{}", "a".repeat(201)), ..draft.clone() };
        assert!(long.validate().unwrap_err().nl.starts_with("Vraag 2 is te lang"));
    }
}
