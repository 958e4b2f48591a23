//! From figures to a document: the tables, charts and words of a report, for its audience and in
//! its language. This is where a funder report becomes anonymous: counts of people and cases go
//! through [`crate::suppression`], hours are rounded to whole hours, health-related referral kinds
//! are folded into one line, and the per-volunteer table (the only place with names) is left out.

use super::document::{Cell, Chart, ChartKind, KeyFigure, ReportDocument, Section, Series, Table};
use super::figures::ReportFigures;
use super::{Audience, Language};
use crate::goals::{GoalResult, ZrmChange};
use crate::suppression::{suppress, Shown};
use crate::ProfessionalKind;
use chrono::{Datelike, NaiveDate};

/// What the cover shows besides the figures.
#[derive(Debug, Clone)]
pub struct Cover {
    pub branch: String,
    /// What the report covers, as the cover says it (a programme, a municipality's residents, a
    /// subsidy); `None`: the whole branch.
    pub scope: Option<String>,
    pub made_on: NaiveDate,
}

/// Picks the Dutch or the English text.
fn t(language: Language, nl: &str, en: &str) -> String {
    match language {
        Language::Nl => nl.to_string(),
        Language::En => en.to_string(),
    }
}

fn shown(s: Shown) -> Cell {
    match s {
        Shown::Count(n) => Cell::Count(n),
        Shown::Small => Cell::Small,
        Shown::Hidden => Cell::Hidden,
    }
}

/// Builds the report for `audience`. Internal reports show every count as it is.
pub fn build(figures: &ReportFigures, audience: Audience, language: Language, cover: &Cover) -> ReportDocument {
    let b = Builder { f: figures, anonymous: audience == Audience::Funder, l: language };
    let tr = |nl: &str, en: &str| t(language, nl, en);
    let mut sections = vec![b.volunteers(), b.reach(), b.heaviness(), b.trend(), b.value()];
    sections.extend(b.results());
    sections.extend(b.stories());
    if !b.anonymous {
        sections.push(b.per_volunteer());
    }
    let period = format!(
        "{} {} {}",
        Cell::Date(figures.range.first).text(language),
        tr("t/m", "to"),
        Cell::Date(figures.range.last).text(language)
    );
    let mut notes = Vec::new();
    if b.anonymous {
        notes.push(tr(
            "Dit rapport is anoniem: er staan geen namen, codes of notities in. Aantallen van 1 tot en met 4 staan als <5. Waar × staat, is een getal weggelaten, zodat je zo’n klein aantal ook niet uit de totalen kunt afleiden. Uren zijn afgerond op hele uren.",
            "This report is anonymous: it holds no names, codes or notes. Counts of 1 to 4 are shown as <5. Where a × stands, a number is left out so that such a small count cannot be worked out from the totals either. Hours are rounded to whole hours.",
        ));
    } else {
        notes.push(tr(
            "Intern overzicht: dit rapport bevat namen van vrijwilligers. Deel het niet buiten de organisatie.",
            "Internal report: it holds volunteers' names. Do not share it outside the organisation.",
        ));
    }
    if b.anonymous && !figures.few_volunteers.few.is_empty() {
        notes.push(tr(
            "Uren van een project waarin minder dan 5 vrijwilligers werkten, staan als '<5 vrijwilligers': ze zouden iets over één persoon kunnen zeggen. Waar × staat, is ook een ander project weggelaten, zodat je die uren niet uit het totaal kunt afleiden.",
            "Hours of a programme in which fewer than 5 volunteers worked read '<5 volunteers': they could say something about one person. Where a × stands, another programme is left out too, so that those hours cannot be worked out from the total.",
        ));
    }
    if figures.unlinked_minutes.is_some() {
        notes.push(tr(
            "Dit rapport gaat over de inwoners van één gemeente: hun koppelingen, de uren in die koppelingen, hun verwijzingen, en de vrijwilligers die hen hielpen (ieder één keer geteld). Uren die bij geen koppeling horen, staan apart: ze worden niet aan een gemeente toegerekend.",
            "This report is about the residents of one municipality: their matches, the hours in those matches, their referrals, and the volunteers who helped them (each counted once). Hours that belong to no match stand apart: they are not attributed to a municipality.",
        ));
    }
    notes.push(tr(
        "Actieve vrijwilligers: wie in de periode uren schreef. Koppelingen en deelnemers: wie in de periode een lopende koppeling had. Zwaarte: de laatste inschatting op of vóór het einde van de periode.",
        "Active volunteers: those who logged hours in the period. Matches and participants: those with a match running in the period. Complexity: the latest assessment on or before the end of the period.",
    ));
    let complex_share = b.heavy_share(figures.normal_matches, figures.complex_matches, figures.acute_matches);
    ReportDocument {
        language,
        title: if b.anonymous {
            tr("Verantwoording vrijwilligerswerk", "Volunteer work report")
        } else {
            tr("Intern overzicht vrijwilligerswerk", "Internal volunteer work report")
        },
        branch: cover.branch.clone(),
        scope: cover.scope.clone().unwrap_or_else(|| tr("Hele afdeling", "Whole branch")),
        period,
        made_on: format!("{} {}", tr("Gemaakt op", "Made on"), Cell::Date(cover.made_on).text(language)),
        notes,
        key_figures: vec![
            KeyFigure {
                label: tr("Actieve vrijwilligers", "Active volunteers"),
                value: b.count(figures.active_volunteers),
            },
            KeyFigure {
                label: tr("Uren vrijwilligerswerk", "Hours of volunteer work"),
                value: b.hours(figures.work_minutes),
            },
            KeyFigure { label: tr("Deelnemers bereikt", "Participants reached"), value: b.count(figures.participants) },
            KeyFigure {
                label: tr("Aandeel complexe of acute casussen", "Share of complex or acute cases"),
                value: complex_share,
            },
            KeyFigure {
                label: tr("Waarde van de uren", "Value of the hours"),
                value: b.value_of(figures.work_minutes),
            },
        ],
        sections,
    }
}

struct Builder<'a> {
    f: &'a ReportFigures,
    anonymous: bool,
    l: Language,
}

impl Builder<'_> {
    fn t(&self, nl: &str, en: &str) -> String {
        t(self.l, nl, en)
    }

    /// A count on its own (no total beside it): only the primary suppression applies.
    fn count(&self, n: u32) -> Cell {
        if self.anonymous {
            shown(suppress(&[vec![n]]).total)
        } else {
            Cell::Count(n)
        }
    }

    fn hours(&self, minutes: u64) -> Cell {
        if self.anonymous && self.f.few_volunteers.all {
            return self.few();
        }
        Cell::hours(minutes, self.anonymous)
    }

    /// What stands where the hours of fewer than five volunteers would.
    fn few(&self) -> Cell {
        Cell::Text(self.t("<5 vrijwilligers", "<5 volunteers"))
    }

    /// A programme's hours for this audience: hidden when few volunteers did them, or beside those.
    fn programme_hours(&self, programme: usize, minutes: u64) -> Cell {
        let few = &self.f.few_volunteers;
        if !self.anonymous || !few.hides(programme) || few.all {
            self.hours(minutes)
        } else if few.few.contains(&programme) {
            self.few()
        } else {
            Cell::Hidden
        }
    }

    /// A share of a count: hidden with the count when the count itself is small.
    fn percent_of(&self, part: u32, whole: u32) -> Cell {
        if whole == 0 {
            return Cell::Empty;
        }
        if self.anonymous && (1..=4).contains(&part) {
            return Cell::Small;
        }
        Cell::Percent(f64::from(part) * 100.0 / f64::from(whole))
    }

    /// A median of something counted: hidden when fewer than five things were counted.
    fn median(&self, value: Option<f64>, of: u32) -> Cell {
        match value {
            None => Cell::Empty,
            Some(_) if self.anonymous && (1..=4).contains(&of) => Cell::Hidden,
            Some(v) => Cell::Days(v),
        }
    }

    /// Counts and their total, suppressed as one column: (each count's cell, the total's cell).
    fn counted(&self, counts: &[u32]) -> (Vec<Cell>, Cell) {
        if !self.anonymous {
            return (counts.iter().map(|n| Cell::Count(*n)).collect(), Cell::Count(counts.iter().sum()));
        }
        let s = suppress(&counts.iter().map(|n| vec![*n]).collect::<Vec<_>>());
        (
            s.cells.iter().map(|c| shown(c[0])).collect(),
            shown(s.column_totals.first().copied().unwrap_or(Shown::Count(0))),
        )
    }

    /// Normal, complex and acute counts of `matches` as one suppressed line: (count cell, share
    /// cell) each, and the total. A share is shown only beside a shown count: beside a hidden one
    /// it would give the count away.
    fn levels(&self, normal: u32, complex: u32, acute: u32) -> (Vec<(Cell, Cell)>, Cell) {
        let counts = [normal, complex, acute];
        let (shown, total) = self.counted(&counts);
        let whole = normal + complex + acute;
        let cells = shown
            .into_iter()
            .zip(counts)
            .map(|(count, n)| {
                let share = if matches!(count, Cell::Count(_)) { self.percent_of(n, whole) } else { count.clone() };
                (count, share)
            })
            .collect();
        (cells, total)
    }

    /// Complex and acute cases together: (count cell, share cell). Where one of the two levels is
    /// too small to show, the pair still is — the report's main message (situations keep getting
    /// heavier) must not disappear behind a small acute count. Complex plus acute is the total
    /// minus the normal cases, so it says no more than the levels line as long as that shows both;
    /// when it hides the normal cases (or the total), the pair would give them away and is hidden.
    fn heavy(&self, normal: u32, complex: u32, acute: u32) -> (Cell, Cell) {
        let heavy = complex + acute;
        let (cells, total) = self.levels(normal, complex, acute);
        if self.anonymous && !matches!((&cells[0].0, &total), (Cell::Count(_), Cell::Count(_))) {
            return (Cell::Hidden, Cell::Hidden);
        }
        (self.count(heavy), self.percent_of(heavy, normal + heavy))
    }

    /// The share of complex and acute cases together (the cover's figure).
    fn heavy_share(&self, normal: u32, complex: u32, acute: u32) -> Cell {
        self.heavy(normal, complex, acute).1
    }

    /// Hours × the rate, from the hours as shown (rounded for a funder), so that the value in the
    /// report is what a reader gets by multiplying the two figures beside it.
    fn value_of(&self, minutes: u64) -> Cell {
        if self.anonymous && self.f.few_volunteers.all {
            return Cell::Hidden;
        }
        let hours = Cell::hours(minutes, self.anonymous).number().unwrap_or(0.0);
        Cell::Euros((hours * f64::from(self.f.hour_rate_cents)).round() as i64)
    }

    fn month_name(&self, month: NaiveDate) -> String {
        const NL: [&str; 12] = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
        const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let names = if self.l == Language::Nl { NL } else { EN };
        format!("{} {}", names[month.month0() as usize], month.year())
    }

    /// The hours per programme and month as the chart draws them: for a funder, the programmes
    /// hidden in the table together in one series (their sum is the total minus the others shown).
    fn month_series(&self) -> Vec<Series> {
        let f = self.f;
        let few = &f.few_volunteers;
        let hours = |which: &dyn Fn(usize) -> bool| -> Vec<f64> {
            f.work_minutes_by_month
                .iter()
                .map(|m| {
                    if self.anonymous && few.all {
                        f64::NAN
                    } else {
                        (m.iter().enumerate().filter(|(p, _)| which(*p)).map(|(_, x)| x).sum::<u64>() as f64 / 60.0)
                            .round()
                    }
                })
                .collect()
        };
        let hidden = |p: usize| self.anonymous && !few.all && few.hides(p);
        let mut series: Vec<Series> = f
            .programmes
            .iter()
            .enumerate()
            .filter(|(p, _)| !hidden(*p))
            .map(|(p, name)| Series { name: name.clone(), values: hours(&|q| q == p) })
            .collect();
        if (0..f.programmes.len()).any(hidden) {
            series.push(Series {
                name: self.t("Kleinere projecten samen", "Smaller programmes together"),
                values: hours(&hidden),
            });
        }
        series
    }

    fn volunteers(&self) -> Section {
        let f = self.f;
        let facts = Table {
            key: self.t("Vrijwilligers", "Volunteers"),
            title: self.t("Vrijwilligers en hun uren", "Volunteers and their hours"),
            columns: vec![self.t("Wat", "What"), self.t("Aantal", "Number")],
            rows: vec![
                vec![Cell::Text(self.t("Actieve vrijwilligers", "Active volunteers")), self.count(f.active_volunteers)],
                vec![Cell::Text(self.t("Nieuw begonnen", "Started")), self.count(f.new_volunteers)],
                vec![Cell::Text(self.t("Gestopt", "Stopped")), self.count(f.stopped_volunteers)],
                vec![
                    Cell::Text(self.t("Uren vrijwilligerswerk", "Hours of volunteer work")),
                    self.hours(f.work_minutes),
                ],
                vec![Cell::Text(self.t("Uren training", "Hours of training")), self.hours(f.training_minutes)],
            ]
            .into_iter()
            .chain(f.unlinked_minutes.map(|m| {
                vec![
                    Cell::Text(self.t(
                        "Uren niet aan een deelnemer toe te wijzen (apart, niet in de uren hierboven)",
                        "Hours that belong to no participant (apart, not in the hours above)",
                    )),
                    self.hours(m),
                ]
            }))
            .collect(),
            total: None,
            note: Some(self.t(
                "Gestopt: vrijwilligers die in de periode de status gestopt kregen (wie eerder stopte dan Draagkracht dat bijhield: van wie de laatste uren in de periode vallen).",
                "Stopped: volunteers whose status became stopped in the period (for those who stopped before Draagkracht kept that day: whose last hours fall in the period).",
            )),
        };
        let mut columns = vec![self.t("Maand", "Month")];
        columns.extend(f.programmes.iter().cloned());
        columns.push(self.t("Totaal", "Total"));
        let rows: Vec<Vec<Cell>> = f
            .months
            .iter()
            .zip(&f.work_minutes_by_month)
            .map(|(month, minutes)| {
                let mut row = vec![Cell::Text(self.month_name(*month))];
                row.extend(minutes.iter().enumerate().map(|(p, m)| self.programme_hours(p, *m)));
                row.push(self.hours(minutes.iter().sum()));
                row
            })
            .collect();
        let mut total = vec![Cell::Text(self.t("Totaal", "Total"))];
        for p in 0..f.programmes.len() {
            total.push(self.programme_hours(p, f.work_minutes_by_month.iter().map(|m| m[p]).sum()));
        }
        total.push(self.hours(f.work_minutes));
        let per_month = Table {
            key: self.t("Uren per maand", "Hours per month"),
            title: self
                .t("Uren vrijwilligerswerk per project en maand", "Hours of volunteer work per programme and month"),
            columns,
            rows,
            total: Some(total),
            note: self.anonymous.then(|| {
                self.t(
                    "Afgerond op hele uren; daardoor kan een totaal iets afwijken van de som.",
                    "Rounded to whole hours, so a total may differ slightly from the sum.",
                )
            }),
        };
        let chart = Chart {
            title: self.t("Uren per maand", "Hours per month"),
            kind: ChartKind::StackedBars,
            categories: f.months.iter().map(|m| self.month_name(*m)).collect(),
            series: self.month_series(),
            unit: self.t("uren", "hours"),
        };
        Section {
            title: self.t("Vrijwilligers", "Volunteers"),
            intro: None,
            tables: vec![facts, per_month],
            charts: vec![chart],
        }
    }

    fn reach(&self) -> Section {
        let f = self.f;
        let table = Table {
            key: self.t("Bereik", "Reach"),
            title: self.t("Deelnemers en koppelingen", "Participants and matches"),
            columns: vec![self.t("Wat", "What"), self.t("Aantal", "Number")],
            rows: vec![
                vec![Cell::Text(self.t("Deelnemers bereikt", "Participants reached")), self.count(f.participants)],
                vec![Cell::Text(self.t("Koppelingen in de periode", "Matches in the period")), self.count(f.matches())],
                vec![Cell::Text(self.t("Nieuwe koppelingen", "New matches")), self.count(f.new_matches)],
                vec![Cell::Text(self.t("Beëindigde koppelingen", "Ended matches")), self.count(f.ended_matches)],
                vec![
                    Cell::Text(self.t(
                        "Mediane duur van een beëindigde koppeling (dagen)",
                        "Median length of an ended match (days)",
                    )),
                    self.median(f.median_match_days, f.ended_matches),
                ],
            ],
            total: None,
            note: None,
        };
        Section { title: self.t("Bereik", "Reach"), intro: None, tables: vec![table], charts: vec![] }
    }

    fn heaviness(&self) -> Section {
        let f = self.f;
        let (level_cells, total) = self.levels(f.normal_matches, f.complex_matches, f.acute_matches);
        let names = [self.t("Normaal", "Normal"), self.t("Complex", "Complex"), self.t("Acuut", "Acute")];
        let mut rows: Vec<Vec<Cell>> = names
            .into_iter()
            .zip(level_cells)
            .map(|(name, (count, share))| vec![Cell::Text(name), count, share])
            .collect();
        let (heavy, heavy_share) = self.heavy(f.normal_matches, f.complex_matches, f.acute_matches);
        rows.push(vec![
            Cell::Text(self.t("Complex of acuut, samen", "Complex or acute, together")),
            heavy,
            heavy_share,
        ]);
        let cases = Table {
            key: self.t("Zwaarte", "Complexity"),
            title: self.t("Koppelingen naar zwaarte van de casus", "Matches by complexity of the case"),
            columns: vec![self.t("Zwaarte", "Complexity"), self.t("Aantal", "Number"), self.t("Aandeel", "Share")],
            rows,
            total: Some(vec![Cell::Text(self.t("Totaal", "Total")), total, Cell::Empty]),
            note: Some(self.t(
                "Complex: problemen op 3 of meer levensgebieden die niet binnen een jaar op te lossen zijn. Acuut: een crisissignaal (bijvoorbeeld een dreigende uithuiszetting). Het totaal telt normaal, complex en acuut; de regel 'samen' telt complex en acuut nog eens samen.",
                "Complex: problems in 3 or more life domains that cannot be solved within a year. Acute: a crisis marker (an imminent eviction, for example). The total counts normal, complex and acute; the line 'together' counts complex and acute once more, together.",
            )),
        };
        let lm = f.level_minutes;
        let level_rows = [
            (self.t("Gewone vrijwilligerstaken", "Ordinary volunteer tasks"), lm.volunteer),
            (self.t("Grijs gebied", "Grey zone"), lm.grey),
            (self.t("Werk voor een professional", "Professional work"), lm.professional),
            (self.t("Geen activiteit ingevuld", "No activity given"), lm.unspecified),
        ];
        let share =
            |m: u64| if lm.total() == 0 { Cell::Empty } else { Cell::Percent(m as f64 * 100.0 / lm.total() as f64) };
        let activity = Table {
            key: self.t("Soort werk", "Kind of work"),
            title: self.t("Uren naar soort activiteit", "Hours by kind of activity"),
            columns: vec![self.t("Soort", "Kind"), self.t("Uren", "Hours"), self.t("Aandeel", "Share")],
            rows: level_rows
                .iter()
                .map(|(label, m)| vec![Cell::Text(label.clone()), self.hours(*m), share(*m)])
                .collect(),
            total: Some(vec![Cell::Text(self.t("Totaal", "Total")), self.hours(lm.total()), Cell::Empty]),
            note: Some(self.t(
                "Werk voor een professional hoort niet bij vrijwilligers; de coördinator verwijst het door.",
                "Professional work is not a volunteer's task; the coordinator refers it.",
            )),
        };
        let referral_lines: Vec<(String, u32)> = if self.anonymous {
            // Referrals to a GP or mental health care would say something about participants'
            // health: a funder sees them only together with "other".
            let of =
                |k: ProfessionalKind| f.referrals.iter().filter(|(kind, _)| *kind == k).map(|(_, n)| *n).sum::<u32>();
            vec![
                (self.t("Wijkteam", "Neighbourhood team"), of(ProfessionalKind::Wijkteam)),
                (self.t("Schuldhulpverlening", "Debt help"), of(ProfessionalKind::DebtHelp)),
                (self.t("Sociaal raadslieden", "Social counsel"), of(ProfessionalKind::SocialCounsel)),
                (
                    self.t("Zorg en overig", "Care and other"),
                    of(ProfessionalKind::Gp) + of(ProfessionalKind::MentalHealth) + of(ProfessionalKind::Other),
                ),
            ]
        } else {
            f.referrals.iter().map(|(k, n)| (self.kind_name(*k), *n)).collect()
        };
        let counts: Vec<u32> = referral_lines.iter().map(|(_, n)| *n).collect();
        let (shown, total) = self.counted(&counts);
        let rows =
            referral_lines.into_iter().zip(shown).map(|((label, _), cell)| vec![Cell::Text(label), cell]).collect();
        let referrals = Table {
            key: self.t("Verwijzingen", "Referrals"),
            title: self.t("Verwijzingen naar professionals", "Referrals to professionals"),
            columns: vec![self.t("Naar", "To"), self.t("Aantal", "Number")],
            rows,
            total: Some(vec![Cell::Text(self.t("Totaal", "Total")), total]),
            note: None,
        };
        let signal_rows = {
            let mut rows = vec![
                vec![Cell::Text(self.t("Nieuwe signalen", "Signals raised")), self.count(f.signals_raised)],
                vec![Cell::Text(self.t("Afgehandeld", "Resolved")), self.count(f.signals_resolved)],
            ];
            // How they were resolved: only what was done at least once.
            for (resolution, n) in f.resolved_by.iter().filter(|(_, n)| *n > 0) {
                let (nl, en) = resolution.label();
                rows.push(vec![
                    Cell::Text(self.t(&format!("  waarvan {nl}"), &format!("  of which {en}"))),
                    self.count(*n),
                ]);
            }
            rows.push(vec![
                Cell::Text(self.t("Mediane tijd tot afhandeling (dagen)", "Median time to resolve (days)")),
                self.median(f.median_days_to_resolve, f.signals_resolved),
            ]);
            rows
        };
        let signals = Table {
            key: self.t("Signalen", "Signals"),
            title: self.t("Signalen over de belasting van vrijwilligers", "Signals about volunteers' load"),
            columns: vec![self.t("Wat", "What"), self.t("Aantal", "Number")],
            rows: signal_rows,
            total: None,
            note: Some(self.t(
                "Een signaal: een vrijwilliger krijgt meer of zwaarder werk dan past bij vrijwilligerswerk, en de coördinator bespreekt het.",
                "A signal: a volunteer takes on more or heavier work than suits volunteering, and the coordinator talks it through.",
            )),
        };
        // Which rules were raised: where the work crosses into professional territory.
        let rule_lines: Vec<(String, u32)> = f
            .signals_by_rule
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(rule, n)| {
                let (nl, en) = rule.title();
                (self.t(nl, en), *n)
            })
            .collect();
        let mut tables = vec![cases, activity, referrals, signals];
        if !rule_lines.is_empty() {
            let counts: Vec<u32> = rule_lines.iter().map(|(_, n)| *n).collect();
            let (shown, total) = self.counted(&counts);
            tables.push(Table {
                key: self.t("Signalen per soort", "Signals by kind"),
                title: self.t("Nieuwe signalen per soort", "Signals raised by kind"),
                columns: vec![self.t("Signaal", "Signal"), self.t("Aantal", "Number")],
                rows: rule_lines
                    .into_iter()
                    .zip(shown)
                    .map(|((label, _), cell)| vec![Cell::Text(label), cell])
                    .collect(),
                total: Some(vec![Cell::Text(self.t("Totaal", "Total")), total]),
                note: None,
            });
        }
        Section {
            title: self.t("Zwaarte van het werk", "How heavy the work is"),
            intro: Some(self.t(
                "Vrijwilligers komen steeds vaker in complexe situaties. Deze cijfers laten zien hoe zwaar het werk was en waar een professional nodig was.",
                "Volunteers more and more often end up in complex situations. These figures show how heavy the work was and where a professional was needed.",
            )),
            tables,
            charts: vec![],
        }
    }

    /// A year of the trend; the period's last year says where it stops when that is before 31 December.
    fn year_label(&self, year: i32) -> String {
        let last = self.f.range.last;
        if year == last.year() && (last.month(), last.day()) != (12, 31) {
            let until = match self.l {
                Language::Nl => format!("t/m {}-{}", last.day(), last.month()),
                Language::En => format!("to {}", last.format("%-d %b")),
            };
            format!("{year} ({until})")
        } else {
            year.to_string()
        }
    }

    fn kind_name(&self, k: ProfessionalKind) -> String {
        match k {
            ProfessionalKind::Wijkteam => self.t("Wijkteam", "Neighbourhood team"),
            ProfessionalKind::DebtHelp => self.t("Schuldhulpverlening", "Debt help"),
            ProfessionalKind::SocialCounsel => self.t("Sociaal raadslieden", "Social counsel"),
            ProfessionalKind::Gp => self.t("Huisarts", "GP"),
            ProfessionalKind::MentalHealth => self.t("GGZ", "Mental health care"),
            ProfessionalKind::Other => self.t("Overig", "Other"),
        }
    }

    fn trend(&self) -> Section {
        let years = &self.f.years;
        // Each year's levels are suppressed as one line, as in the period's own table: the same
        // counts give the same cells, so the two tables cannot be played off against each other.
        let levels: Vec<(Vec<(Cell, Cell)>, Cell)> =
            years.iter().map(|y| self.levels(y.matches - y.complex - y.acute, y.complex, y.acute)).collect();
        let rows = years
            .iter()
            .zip(&levels)
            .map(|(y, (cells, matches))| {
                // A year's hours of fewer than five volunteers are not shown to a funder.
                let hours = |m: u64| {
                    if self.anonymous && (1..=4).contains(&y.volunteers) {
                        self.few()
                    } else {
                        self.hours(m)
                    }
                };
                vec![
                    Cell::Text(self.year_label(y.year)),
                    self.count(y.volunteers),
                    hours(y.work_minutes),
                    matches.clone(),
                    cells[1].1.clone(),
                    cells[2].1.clone(),
                    self.heavy_share(y.matches - y.complex - y.acute, y.complex, y.acute),
                    hours(y.grey_minutes),
                    hours(y.professional_minutes),
                ]
            })
            .collect();
        let table = Table {
            key: self.t("Door de jaren", "Over the years"),
            title: self.t("Dezelfde cijfers door de jaren", "The same figures over the years"),
            columns: vec![
                self.t("Jaar", "Year"),
                self.t("Vrijwilligers", "Volunteers"),
                self.t("Uren", "Hours"),
                self.t("Koppelingen", "Matches"),
                self.t("Complex", "Complex"),
                self.t("Acuut", "Acute"),
                self.t("Complex of acuut", "Complex or acute"),
                self.t("Uren grijs gebied", "Grey-zone hours"),
                self.t("Uren professional", "Professional hours"),
            ],
            rows,
            total: None,
            note: Some({
                let mut note = self.t(
                    "Per kalenderjaar; het laatste jaar loopt tot het einde van de periode (in de grafieken met een *).",
                    "Per calendar year; the last year runs to the end of the period (marked * in the charts).",
                );
                if self.anonymous {
                    note.push(' ');
                    note.push_str(&self.t(
                        "Waar een aandeel verborgen is, heeft de grafiek geen punt. Is complex of acuut apart te klein om te tonen, dan staat het samen onder 'Complex of acuut'.",
                        "Where a share is hidden, the chart has no point. Where complex or acute alone is too small to show, the two stand together under 'Complex or acute'.",
                    ));
                }
                note
            }),
        };
        // Short labels under the charts: a year still running gets a *, explained in the note.
        let last = self.f.range.last;
        let categories: Vec<String> = years
            .iter()
            .map(|y| {
                if y.year == last.year() && (last.month(), last.day()) != (12, 31) {
                    format!("{}*", y.year)
                } else {
                    y.year.to_string()
                }
            })
            .collect();
        // The chart draws what the table shows: a hidden share is a gap (NaN), not a value.
        let share = |cell: &Cell| match cell {
            Cell::Percent(p) => (p * 10.0).round() / 10.0,
            Cell::Empty => 0.0,
            _ => f64::NAN,
        };
        let complexity = Chart {
            title: self.t("Complexe en acute casussen door de jaren", "Complex and acute cases over the years"),
            kind: ChartKind::Lines,
            categories: categories.clone(),
            series: vec![
                // The pair first: the line the cover's share belongs to, drawn even where a level
                // alone is too small to show.
                Series {
                    name: self.t("Complex of acuut", "Complex or acute"),
                    values: years
                        .iter()
                        .map(|y| share(&self.heavy_share(y.matches - y.complex - y.acute, y.complex, y.acute)))
                        .collect(),
                },
                Series {
                    name: self.t("Complex", "Complex"),
                    values: levels.iter().map(|(c, _)| share(&c[1].1)).collect(),
                },
                Series { name: self.t("Acuut", "Acute"), values: levels.iter().map(|(c, _)| share(&c[2].1)).collect() },
            ],
            unit: "%".into(),
        };
        let hours = |m: u64| (m as f64 / 60.0).round();
        let level_chart = Chart {
            title: self.t("Uren naar soort activiteit door de jaren", "Hours by kind of activity over the years"),
            kind: ChartKind::StackedBars,
            categories,
            series: vec![
                Series {
                    name: self.t("Gewone vrijwilligerstaken", "Ordinary volunteer tasks"),
                    values: years.iter().map(|y| hours(y.volunteer_level_minutes)).collect(),
                },
                Series {
                    name: self.t("Grijs gebied", "Grey zone"),
                    values: years.iter().map(|y| hours(y.grey_minutes)).collect(),
                },
                Series {
                    name: self.t("Werk voor een professional", "Professional work"),
                    values: years.iter().map(|y| hours(y.professional_minutes)).collect(),
                },
            ],
            unit: self.t("uren", "hours"),
        };
        Section {
            title: self.t("Door de jaren", "Over the years"),
            intro: Some(self.t(
                "Hoeveel er werd gedaan en hoe zwaar het werd, per jaar.",
                "How much was done and how heavy it became, per year.",
            )),
            tables: vec![table],
            charts: vec![complexity, level_chart],
        }
    }

    /// Goals reached, partly and not, by the case's level — results of complex cases beside
    /// ordinary ones — suppressed as one table; and the ZRM's change where it was scored at the
    /// start and at the end. Left out when no ended match has either.
    fn results(&self) -> Option<Section> {
        let f = self.f;
        let any_goals = f.goal_results.iter().flatten().any(|n| *n > 0);
        if !any_goals && f.zrm_changes.is_empty() {
            return None;
        }
        let mut tables = Vec::new();
        if any_goals {
            let counts: Vec<Vec<u32>> = f.goal_results.iter().map(|r| r.to_vec()).collect();
            let (cells, row_totals, column_totals, total) = if self.anonymous {
                let s = suppress(&counts);
                let row = |r: &Vec<Shown>| r.iter().map(|c| shown(*c)).collect::<Vec<_>>();
                (
                    s.cells.iter().map(row).collect::<Vec<_>>(),
                    s.row_totals.iter().map(|c| shown(*c)).collect::<Vec<_>>(),
                    s.column_totals.iter().map(|c| shown(*c)).collect::<Vec<_>>(),
                    shown(s.total),
                )
            } else {
                (
                    counts.iter().map(|r| r.iter().map(|n| Cell::Count(*n)).collect()).collect(),
                    counts.iter().map(|r| Cell::Count(r.iter().sum())).collect(),
                    (0..3).map(|c| Cell::Count(counts.iter().map(|r| r[c]).sum())).collect(),
                    Cell::Count(counts.iter().flatten().sum()),
                )
            };
            // The share reached, only beside a shown count and a shown total: with either hidden
            // it would give the other away.
            let reached = |count: &Cell, total: &Cell, of: u32, n: u32| match (count, total) {
                (Cell::Count(_), Cell::Count(_)) => self.percent_of(n, of),
                (Cell::Count(_), other) | (other, _) => other.clone(),
            };
            let levels = [self.t("Normaal", "Normal"), self.t("Complex", "Complex"), self.t("Acuut", "Acute")];
            let rows = levels
                .into_iter()
                .enumerate()
                .map(|(i, level)| {
                    let mut row = vec![Cell::Text(level)];
                    row.extend(cells[i].iter().cloned());
                    row.push(row_totals[i].clone());
                    row.push(reached(&cells[i][0], &row_totals[i], counts[i].iter().sum(), counts[i][0]));
                    row
                })
                .collect();
            let mut total_row = vec![Cell::Text(self.t("Totaal", "Total"))];
            total_row.extend(column_totals.iter().cloned());
            total_row.push(total.clone());
            let all: u32 = counts.iter().flatten().sum();
            let reached_all: u32 = counts.iter().map(|r| r[0]).sum();
            total_row.push(reached(&column_totals[0], &total, all, reached_all));
            let mut columns = vec![self.t("Zwaarte van de casus", "Complexity of the case")];
            columns.extend(GoalResult::ALL.iter().map(|r| {
                let (nl, en) = r.label();
                let text = if self.l == Language::Nl { nl } else { en };
                let mut c = text.chars();
                c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
            }));
            columns.push(self.t("Doelen", "Goals"));
            columns.push(self.t("Aandeel bereikt", "Share reached"));
            tables.push(Table {
                key: self.t("Doelen", "Goals"),
                title: self.t("Doelen van beëindigde koppelingen", "Goals of ended matches"),
                columns,
                rows,
                total: Some(total_row),
                note: Some(self.t(
                    "Bij het einde van een koppeling geeft de coördinator per doel aan of het bereikt is. De zwaarte is die bij het einde.",
                    "When a match ends, the coordinator says for each goal whether it was reached. The complexity is the one at the end.",
                )),
            });
        }
        if !f.zrm_changes.is_empty() {
            let sum = |pick: fn(&ZrmChange) -> u32| f.zrm_changes.iter().map(pick).sum::<u32>();
            let domains = [sum(|z| z.better), sum(|z| z.same), sum(|z| z.worse)];
            let (shown_domains, total_domains) = self.counted(&domains);
            let labels = [
                self.t("Levensgebieden vooruit", "Life domains improved"),
                self.t("Gelijk gebleven", "Stayed the same"),
                self.t("Achteruit", "Declined"),
            ];
            let mut rows = vec![vec![
                Cell::Text(self.t("Koppelingen met een ZRM bij begin en einde", "Matches with a ZRM at start and end")),
                self.count(f.zrm_changes.len() as u32),
            ]];
            rows.extend(labels.into_iter().zip(shown_domains).map(|(label, cell)| vec![Cell::Text(label), cell]));
            tables.push(Table {
                key: self.t("ZRM", "ZRM"),
                title: self.t("Zelfredzaamheid (ZRM) bij begin en einde", "Self-reliance (ZRM) at start and end"),
                columns: vec![self.t("Wat", "What"), self.t("Aantal", "Number")],
                rows,
                total: Some(vec![Cell::Text(self.t("Levensgebieden samen", "Life domains together")), total_domains]),
                note: Some(self.t(
                    "Alleen waar een professional de Zelfredzaamheid-Matrix aan het begin en aan het einde van de koppeling invulde; per levensgebied de eerste en de laatste score.",
                    "Only where a professional scored the Self-Sufficiency Matrix at the start and at the end of the match; per life domain the first and the last score.",
                )),
            });
        }
        Some(Section {
            title: self.t("Resultaten", "Results"),
            intro: Some(self.t(
                "Wat de koppelingen opleverden, naast wat ze vroegen: ook in complexe casussen.",
                "What the matches achieved, beside what they asked: in complex cases too.",
            )),
            tables,
            charts: vec![],
        })
    }

    /// The chosen stories, when there are: what the counts cannot say.
    fn stories(&self) -> Option<Section> {
        if self.f.stories.is_empty() {
            return None;
        }
        let table = Table {
            key: self.t("Verhalen", "Stories"),
            title: self.t("Verhalen uit de praktijk", "Stories from the work"),
            // One column, the title leading its story: a story is a paragraph, not a figure.
            columns: vec![self.t("Verhaal", "Story")],
            rows: self.f.stories.iter().map(|(title, text)| vec![Cell::Text(format!("{title} — {text}"))]).collect(),
            total: None,
            note: Some(self.t(
                "Zonder namen, adressen of andere gegevens die naar een persoon wijzen: Draagkracht controleert elk verhaal voordat het in een rapport mag.",
                "Without names, addresses or other details that point at a person: Draagkracht checks each story before it may go into a report.",
            )),
        };
        Some(Section {
            title: self.t("Verhalen", "Stories"),
            intro: Some(self.t(
                "Wat de cijfers niet laten zien: een paar korte verhalen over het werk van vrijwilligers.",
                "What the figures do not show: a few short stories about volunteers' work.",
            )),
            tables: vec![table],
            charts: vec![],
        })
    }

    fn value(&self) -> Section {
        let f = self.f;
        let table = Table {
            key: self.t("Waarde", "Value"),
            title: self.t("Maatschappelijke waarde van de uren", "Social value of the hours"),
            columns: vec![self.t("Wat", "What"), self.t("Waarde", "Value")],
            rows: vec![
                vec![
                    Cell::Text(self.t("Uren vrijwilligerswerk", "Hours of volunteer work")),
                    self.hours(f.work_minutes),
                ],
                vec![Cell::Text(self.t("Tarief per uur", "Rate per hour")), Cell::Euros(i64::from(f.hour_rate_cents))],
                vec![Cell::Text(self.t("Waarde", "Value")), self.value_of(f.work_minutes)],
            ],
            total: None,
            note: Some(format!("{}: {}", self.t("Bron van het tarief", "Source of the rate"), f.hour_rate_source)),
        };
        Section { title: self.t("Waarde", "Value"), intro: None, tables: vec![table], charts: vec![] }
    }

    /// The only table with names; internal reports only.
    fn per_volunteer(&self) -> Section {
        let mut people = self.f.volunteer_minutes.clone();
        people.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let table = Table {
            key: self.t("Per vrijwilliger", "Per volunteer"),
            title: self.t("Uren per vrijwilliger", "Hours per volunteer"),
            columns: vec![self.t("Vrijwilliger", "Volunteer"), self.t("Uren", "Hours")],
            rows: people.iter().map(|(name, m)| vec![Cell::Text(name.clone()), self.hours(*m)]).collect(),
            total: Some(vec![Cell::Text(self.t("Totaal", "Total")), self.hours(people.iter().map(|p| p.1).sum())]),
            note: None,
        };
        Section { title: self.t("Per vrijwilliger", "Per volunteer"), intro: None, tables: vec![table], charts: vec![] }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::figures::tests::{d, quarter};
    use crate::CaseLevel;

    fn cover() -> Cover {
        Cover { branch: "Humanitas Demo".into(), scope: None, made_on: d(2025, 4, 2) }
    }

    fn table<'a>(doc: &'a ReportDocument, key: &str) -> &'a Table {
        doc.sections.iter().flat_map(|s| &s.tables).find(|t| t.key == key).expect(key)
    }

    fn every_cell(doc: &ReportDocument) -> Vec<&Cell> {
        let tables = doc.sections.iter().flat_map(|s| &s.tables);
        tables
            .flat_map(|t| t.rows.iter().flatten().chain(t.total.iter().flatten()))
            .chain(doc.key_figures.iter().map(|k| &k.value))
            .collect()
    }

    #[test]
    fn a_funder_report_shows_no_count_of_one_to_four() {
        let mut facts = quarter();
        facts.volunteer_minutes = vec![("Ria".into(), 600)];
        let doc = build(&facts.figures(), Audience::Funder, Language::Nl, &cover());
        for cell in every_cell(&doc) {
            if let Cell::Count(n) = cell {
                assert!(!(1..=4).contains(n), "a count of {n} is visible");
            }
        }
        assert!(doc.sections.iter().all(|s| s.title != "Per vrijwilliger"), "no names for a funder");
        let levels = table(&doc, "Zwaarte");
        // 2 normal, 1 complex, 1 acute of 4: all small, the total too.
        assert!(levels.rows.iter().take(3).all(|r| r[1] == Cell::Small), "{:?}", levels.rows);
        assert_eq!(levels.rows[3][1], Cell::Hidden, "complex or acute together would give the normal cases away");
        assert_eq!(levels.total.as_ref().unwrap()[1], Cell::Small);
        let referrals = table(&doc, "Verwijzingen");
        assert_eq!(referrals.rows.len(), 4, "GP and mental health are folded into one line");
        assert_eq!(table(&doc, "Vrijwilligers").rows[0][1], Cell::Count(12));
        assert_eq!(table(&doc, "Vrijwilligers").rows[3][1], Cell::Hours { hours: 18.0, decimals: 0 });
    }

    #[test]
    fn an_internal_report_shows_counts_and_names() {
        let mut facts = quarter();
        facts.volunteer_minutes = vec![("Ria".into(), 90), ("Kees".into(), 600)];
        let doc = build(&facts.figures(), Audience::Internal, Language::En, &cover());
        assert_eq!(table(&doc, "Complexity").rows[1][1], Cell::Count(1));
        assert_eq!(table(&doc, "Complexity").rows[1][2], Cell::Percent(25.0));
        let people = table(&doc, "Per volunteer");
        assert_eq!(
            people.rows[0],
            vec![Cell::Text("Kees".into()), Cell::Hours { hours: 10.0, decimals: 1 }],
            "most hours first"
        );
        assert_eq!(table(&doc, "Referrals").rows.len(), 6);
        assert_eq!(doc.period, "1 Jan 2025 to 31 Mar 2025");
    }

    #[test]
    fn months_become_rows_with_a_total_row() {
        let doc = build(&quarter().figures(), Audience::Internal, Language::Nl, &cover());
        let t = table(&doc, "Uren per maand");
        assert_eq!(t.columns, vec!["Maand", "Thuisadministratie", "Maatje", "Totaal"]);
        assert_eq!(t.rows[0][0], Cell::Text("jan 2025".into()));
        assert_eq!(t.rows[0][3], Cell::Hours { hours: 11.0, decimals: 1 });
        assert_eq!(t.total.as_ref().unwrap()[3], Cell::Hours { hours: 18.0, decimals: 1 });
    }

    #[test]
    fn a_small_acute_count_does_not_hide_that_cases_got_heavier() {
        use crate::report::figures::YearFacts;
        let mut facts = quarter();
        let year = |year, matches, complex, acute| YearFacts { year, matches, complex, acute, ..Default::default() };
        // 26 normal, 12 complex, 2 acute: the 2 is "<5" and takes the 12 with it — but together
        // they are 14 of 40, which the normal cases and the total give anyway.
        facts.years = vec![year(2023, 40, 12, 2), year(2024, 50, 15, 3)];
        let doc = build(&facts.figures(), Audience::Funder, Language::Nl, &cover());
        let trend = table(&doc, "Door de jaren");
        let column = trend.columns.iter().position(|c| c == "Complex of acuut").unwrap();
        assert_eq!((&trend.rows[0][4], &trend.rows[0][5]), (&Cell::Hidden, &Cell::Small));
        assert_eq!(trend.rows[0][column], Cell::Percent(35.0));
        assert_eq!(trend.rows[1][column], Cell::Percent(36.0));
        let chart = &doc.sections.iter().find(|s| s.title == "Door de jaren").unwrap().charts[0];
        assert_eq!(chart.series[0].values, vec![35.0, 36.0], "the line goes on where complex alone is hidden");
        assert!(chart.series[1].values.iter().all(|v| v.is_nan()));
    }

    #[test]
    fn shares_and_charts_of_a_funder_report_give_no_small_count_away() {
        use crate::report::figures::YearFacts;
        let mut facts = quarter();
        let year = |year, matches, complex, acute| YearFacts { year, matches, complex, acute, ..Default::default() };
        facts.years = vec![year(2024, 20, 3, 0), year(2025, 40, 10, 8)];
        let doc = build(&facts.figures(), Audience::Funder, Language::Nl, &cover());
        let trend = table(&doc, "Door de jaren");
        // 2024: 17 normal, 3 complex, 0 acute: the 3 is "<5", and its share must not show either.
        assert_eq!(trend.rows[0][3], Cell::Count(20));
        assert_eq!((&trend.rows[0][4], &trend.rows[0][5]), (&Cell::Small, &Cell::Percent(0.0)));
        assert_eq!(trend.rows[1][0], Cell::Text("2025 (t/m 31-3)".into()), "the last year says it is not whole");
        let chart = &doc.sections.iter().find(|s| s.title == "Door de jaren").unwrap().charts[0];
        assert_eq!(chart.series[1].name, "Complex");
        assert!(chart.series[1].values[0].is_nan(), "the chart leaves a gap where the table hides a share");
        assert_eq!(chart.series[1].values[1], 25.0);
        // Complex or acute together hides with them here: 3 of 20 would give the "<5" away.
        assert_eq!(chart.series[0].name, "Complex of acuut");
        assert!(chart.series[0].values[0].is_nan());
        assert_eq!(chart.series[0].values[1], 45.0);
        // The cover's share of complex or acute cases hides with the normal cases: with the total
        // shown it would give them away.
        assert_eq!(doc.key_figures[3].value, Cell::Hidden, "2 normal, 1 complex, 1 acute this quarter");
        let mut facts = quarter();
        facts.matches.retain(|m| m.level != CaseLevel::Acute);
        for i in 0..20 {
            let m = facts.matches[0].clone();
            facts.matches.push(crate::report::figures::MatchFact {
                participant: crate::ParticipantId(uuid::Uuid::from_u128(100 + i)),
                level: CaseLevel::Normal,
                ..m
            });
        }
        // 22 normal, 1 complex, 0 acute: the "<5" takes the 22 with it, so the share hides too.
        let doc = build(&facts.clone().figures(), Audience::Funder, Language::Nl, &cover());
        assert_eq!(doc.key_figures[3].value, Cell::Hidden);
        for m in facts.matches.iter_mut().filter(|m| m.level == CaseLevel::Normal).take(6) {
            m.level = CaseLevel::Complex;
        }
        // 16 normal, 7 complex: everything shows, and so does the share.
        let doc = build(&facts.figures(), Audience::Funder, Language::Nl, &cover());
        assert_eq!(doc.key_figures[3].value, Cell::Percent(700.0 / 23.0));
    }

    #[test]
    fn the_value_is_the_hours_shown_times_the_rate() {
        let mut facts = quarter();
        facts.minutes.push(crate::report::figures::MinutesFact {
            programme: 0,
            month: d(2025, 1, 1),
            training: false,
            level: None,
            minutes: 20,
        });
        let figures = facts.figures();
        // 1.100 minutes: 18,33 hours; a funder sees 18 hours, so 18 × € 14,06.
        let funder = build(&figures, Audience::Funder, Language::Nl, &cover());
        assert_eq!(funder.key_figures[4].value, Cell::Euros(25_308));
        let internal = build(&figures, Audience::Internal, Language::Nl, &cover());
        assert_eq!(internal.key_figures[4].value, Cell::Euros(25_730), "18,3 × € 14,06");
    }
}
