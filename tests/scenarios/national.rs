//! The national picture (issue 17) against a real throw-away PostgreSQL: three demo branches
//! publish five years (two online, one as a signed file); the national report adds up to the sum
//! of the branches' own reports figure by figure; accounts are kept apart by row-level security;
//! the server holds no name or free text; a file is taken in once and a changed one never.

use chrono::{NaiveDate, TimeZone, Utc};
use draagkracht_api::national::{accept_publication_file, national_figures, NationalReportInput, NewAccount};
use draagkracht_api::wire::{Language, ReportAudience, ReportInput};
use draagkracht_api::{DemoParams, Draagkracht};
use draagkracht_core::report::ReportFigures;
use draagkracht_server::testing::TestCluster;
use draagkracht_tests::{date, TempApp};

const TODAY: (i32, u32, u32) = (2026, 4, 15);

fn today() -> NaiveDate {
    date(TODAY.0, TODAY.1, TODAY.2)
}

fn account(cluster: &TestCluster, login: &str, account: NewAccount) -> String {
    let password = draagkracht_api::national::create_account(&cluster.superuser_url(), login, &account).unwrap();
    format!("postgres://{login}:{password}@127.0.0.1:{}/draagkracht?sslmode=disable", cluster.port())
}

fn branch(name: &str, region: &str) -> NewAccount {
    NewAccount::Branch { name: name.into(), region: Some(region.into()) }
}

fn demo(seed: u64) -> TempApp {
    let mut t = TempApp::new();
    t.app.write_demo(&DemoParams { volunteers: 90, years: 5, seed, today: today() }).unwrap();
    t
}

fn national_input(from: &str, to: &str) -> NationalReportInput {
    NationalReportInput {
        from: from.into(),
        to: to.into(),
        audience: ReportAudience::Internal,
        language: Language::Nl,
        region: None,
        branches: vec![],
        municipality: None,
    }
}

fn own_figures(app: &Draagkracht, from: &str, to: &str, municipality: Option<&str>) -> ReportFigures {
    let municipality_id = municipality.map(|name| {
        app.municipalities().unwrap().into_iter().find(|m| m.name == name).unwrap_or_else(|| panic!("{name}")).id
    });
    let input = ReportInput {
        from: from.into(),
        to: to.into(),
        programme_id: None,
        municipality_id,
        subsidy_id: None,
        audience: ReportAudience::Internal,
        language: Language::Nl,
    };
    app.report_figures(&input, today()).unwrap().0
}

/// The national figures equal the branches' summed, figure by figure (the medians aside: they
/// are not sums).
fn assert_adds_up(national: &ReportFigures, branches: &[ReportFigures], what: &str) {
    let sum = |pick: &dyn Fn(&ReportFigures) -> u64| branches.iter().map(pick).sum::<u64>();
    let check = |name: &str, got: u64, pick: &dyn Fn(&ReportFigures) -> u64| {
        assert_eq!(got, sum(pick), "{what}: {name}");
    };
    check("work minutes", national.work_minutes, &|f| f.work_minutes);
    check("training minutes", national.training_minutes, &|f| f.training_minutes);
    check("active volunteers", national.active_volunteers.into(), &|f| f.active_volunteers.into());
    check("new volunteers", national.new_volunteers.into(), &|f| f.new_volunteers.into());
    check("stopped volunteers", national.stopped_volunteers.into(), &|f| f.stopped_volunteers.into());
    check("participants", national.participants.into(), &|f| f.participants.into());
    check("new matches", national.new_matches.into(), &|f| f.new_matches.into());
    check("ended matches", national.ended_matches.into(), &|f| f.ended_matches.into());
    check("normal", national.normal_matches.into(), &|f| f.normal_matches.into());
    check("complex", national.complex_matches.into(), &|f| f.complex_matches.into());
    check("acute", national.acute_matches.into(), &|f| f.acute_matches.into());
    check("volunteer level", national.level_minutes.volunteer, &|f| f.level_minutes.volunteer);
    check("grey", national.level_minutes.grey, &|f| f.level_minutes.grey);
    check("professional", national.level_minutes.professional, &|f| f.level_minutes.professional);
    check("unspecified", national.level_minutes.unspecified, &|f| f.level_minutes.unspecified);
    check("signals raised", national.signals_raised.into(), &|f| f.signals_raised.into());
    check("signals resolved", national.signals_resolved.into(), &|f| f.signals_resolved.into());
    for (i, (kind, n)) in national.referrals.iter().enumerate() {
        check(&format!("referrals {kind:?}"), (*n).into(), &|f| f.referrals[i].1.into());
    }
    for (i, (rule, n)) in national.signals_by_rule.iter().enumerate() {
        check(&format!("raised {rule:?}"), (*n).into(), &|f| f.signals_by_rule[i].1.into());
    }
    for (i, (how, n)) in national.resolved_by.iter().enumerate() {
        check(&format!("resolved by {how:?}"), (*n).into(), &|f| f.resolved_by[i].1.into());
    }
    for row in 0..3 {
        for col in 0..3 {
            check(&format!("goal results {row}/{col}"), national.goal_results[row][col].into(), &|f| {
                f.goal_results[row][col].into()
            });
        }
    }
    let zrm = |f: &ReportFigures| f.zrm_changes.iter().map(|z| u64::from(z.better + z.same + z.worse)).sum::<u64>();
    check("ZRM domains", zrm(national), &zrm);
    check("ZRM matches", national.zrm_changes.len() as u64, &|f| f.zrm_changes.len() as u64);
    // Each month's minutes by programme (the demo's programmes are the default kinds).
    for (m, month) in national.months.iter().enumerate() {
        for (p, name) in national.programmes.iter().enumerate() {
            let of = |f: &ReportFigures| {
                let i = f.programmes.iter().position(|n| n == name).unwrap_or_else(|| panic!("{name}"));
                f.work_minutes_by_month[m][i]
            };
            check(&format!("{month} {name}"), national.work_minutes_by_month[m][p], &of);
        }
    }
    // The trend, year by year.
    for y in &national.years {
        let of = |f: &ReportFigures| f.years.iter().find(|x| x.year == y.year).cloned().unwrap_or_default();
        let year = |name: &str, got: u64, pick: &dyn Fn(&draagkracht_core::report::figures::YearFacts) -> u64| {
            assert_eq!(got, branches.iter().map(|f| pick(&of(f))).sum::<u64>(), "{what}: {} {name}", y.year);
        };
        year("volunteers", y.volunteers.into(), &|x| x.volunteers.into());
        year("work", y.work_minutes, &|x| x.work_minutes);
        year("matches", y.matches.into(), &|x| x.matches.into());
        year("complex", y.complex.into(), &|x| x.complex.into());
        year("acute", y.acute.into(), &|x| x.acute.into());
        year("grey", y.grey_minutes, &|x| x.grey_minutes);
        year("professional", y.professional_minutes, &|x| x.professional_minutes);
    }
    assert!(national.work_minutes > 0 && national.active_volunteers > 0, "{what}: something was counted");
}

#[test]
fn three_branches_publish_and_the_national_report_is_their_sum() {
    let cluster = TestCluster::new();
    let office = account(&cluster, "landelijk", NewAccount::National);
    let east = account(&cluster, "regio_oost", NewAccount::Region { region: "Oost".into() });
    let urls = [
        account(&cluster, "afdeling_a", branch("Afdeling A", "Oost")),
        account(&cluster, "afdeling_b", branch("Afdeling B", "Oost")),
        account(&cluster, "afdeling_c", branch("Afdeling C", "West")),
    ];
    account(&cluster, "afdeling_d", branch("Afdeling D", "West"));
    let mut branches: Vec<TempApp> = [11, 22, 33].into_iter().map(demo).collect();
    let months = branches[0].app.publishable_months(today()).unwrap();
    assert_eq!(months.len(), 60, "five years of complete months, up to March 2026");
    let at = Utc.with_ymd_and_hms(2026, 4, 15, 9, 0, 0).unwrap();

    // A and B online; C as a file, without February 2026.
    for (t, url) in branches.iter_mut().zip(&urls).take(2) {
        let published = t.app.publish_to_server(url, &months, at).unwrap();
        assert_eq!(published.taken, 60);
    }
    let c_months: Vec<NaiveDate> = months.iter().copied().filter(|m| *m != date(2026, 2, 1)).collect();
    let file = branches[2].app.publication_file("Afdeling C", &c_months, at).unwrap();
    let accepted = accept_publication_file(&office, &file).unwrap();
    assert_eq!((accepted.branch.as_str(), accepted.taken), ("Afdeling C", 59));

    // The whole of 2025: the national figures are the three branches' own, added up.
    let (national, ..) = national_figures(&office, &national_input("1-1-2025", "31-12-2025"), today()).unwrap();
    let own: Vec<ReportFigures> =
        branches.iter().map(|t| own_figures(&t.app, "1-1-2025", "31-12-2025", None)).collect();
    assert_adds_up(&national, &own, "2025");
    assert!(national.years.len() >= 5, "the trend from 2021: {:?}", national.years.len());
    // A quarter, and one municipality's residents (the demo branches share their names).
    let (q3, ..) = national_figures(&office, &national_input("1-7-2025", "30-9-2025"), today()).unwrap();
    let own: Vec<ReportFigures> = branches.iter().map(|t| own_figures(&t.app, "1-7-2025", "30-9-2025", None)).collect();
    assert_adds_up(&q3, &own, "Q3 2025");
    let town = branches[0].app.municipalities().unwrap()[0].name.clone();
    let mut input = national_input("1-1-2025", "31-12-2025");
    input.municipality = Some(town.clone());
    let (residents, ..) = national_figures(&office, &input, today()).unwrap();
    let own: Vec<ReportFigures> =
        branches.iter().map(|t| own_figures(&t.app, "1-1-2025", "31-12-2025", Some(&town))).collect();
    assert_adds_up(&residents, &own, &town);
    assert_eq!(residents.unlinked_minutes, Some(own.iter().map(|f| f.unlinked_minutes.unwrap_or(0)).sum()));

    // What was not published is named, never counted as zero.
    let (_, _, _, cover, notes) = national_figures(&office, &national_input("1-1-2026", "31-3-2026"), today()).unwrap();
    assert_eq!(cover.scope.as_deref(), Some("Alle afdelingen (4)"));
    assert!(notes.iter().any(|n| n.contains("Afdeling C") && n.contains("feb 2026")), "{notes:?}");
    assert!(notes.iter().any(|n| n.contains("Afdeling D") && n.contains("niets gepubliceerd")), "{notes:?}");
    assert!(!notes.iter().any(|n| n.contains("Afdeling A")), "{notes:?}");
    // A period whose people cannot be counted exactly is refused with the reason.
    let refused = national_figures(&office, &national_input("1-4-2025", "30-9-2025"), today()).unwrap_err();
    assert!(refused.message.contains("kwartaal"), "{}", refused.message);

    // The region reads its own branches only; a branch its own figures only.
    let (region, _, _, cover, _) = national_figures(&east, &national_input("1-1-2025", "31-12-2025"), today()).unwrap();
    assert_eq!(cover.scope.as_deref(), Some("Regio Oost (2 afdelingen)"));
    assert_eq!(
        region.work_minutes,
        own_figures(&branches[0].app, "1-1-2025", "31-12-2025", None).work_minutes
            + own_figures(&branches[1].app, "1-1-2025", "31-12-2025", None).work_minutes
    );
    let mut only_c = national_input("1-1-2025", "31-12-2025");
    only_c.branches = vec!["Afdeling C".into()];
    assert!(national_figures(&east, &only_c, today()).is_err(), "a region does not read another's branch");

    // A later publication of a month replaces it; an older one does not.
    let march = [date(2026, 3, 1)];
    let later = at + chrono::Duration::hours(1);
    assert_eq!(branches[0].app.publish_to_server(&urls[0], &march, later).unwrap().taken, 1);
    assert_eq!(branches[0].app.publish_to_server(&urls[0], &march, at).unwrap().taken, 0, "older: kept");
    let published: String = cluster.superuser_sql(
        "SELECT published_at AT TIME ZONE 'UTC' FROM draagkracht_national.publications p
         JOIN draagkracht_national.branches b ON b.id = p.branch_id WHERE b.name = 'Afdeling A' AND month = '2026-03-01'",
        "draagkracht",
    );
    assert!(published.starts_with("2026-04-15 10:00"), "{published}");
}

#[test]
fn a_branch_account_reads_and_writes_its_own_rows_only() {
    let cluster = TestCluster::new();
    let a = account(&cluster, "afdeling_a", branch("Afdeling A", "Oost"));
    let b = account(&cluster, "afdeling_b", branch("Afdeling B", "Oost"));
    let mut t = demo(5);
    let months = [date(2025, 1, 1), date(2025, 2, 1)];
    let at = Utc.with_ymd_and_hms(2026, 4, 1, 9, 0, 0).unwrap();
    t.app.publish_to_server(&a, &months, at).unwrap();
    t.app.publish_to_server(&b, &months, at).unwrap();
    let id = |name: &str| {
        cluster.superuser_sql(
            &format!("SELECT id FROM draagkracht_national.branches WHERE name = '{name}'"),
            "draagkracht",
        )
    };
    let (a_id, b_id) = (id("Afdeling A"), id("Afdeling B"));
    let count_b = || {
        cluster.superuser_sql(
            &format!("SELECT count(*) FROM draagkracht_national.figures WHERE branch_id = {b_id}"),
            "draagkracht",
        )
    };
    let b_rows = count_b();
    assert_ne!(b_rows, "0");

    // Reading: A sees only its own rows and its own branch.
    let seen = cluster.sql_as(&a, "SELECT DISTINCT branch_id FROM draagkracht_national.figures").unwrap();
    assert_eq!(seen, a_id);
    let names = cluster.sql_as(&a, "SELECT name FROM draagkracht_national.branches").unwrap();
    assert_eq!(names, "Afdeling A");
    // Writing: nothing of B's can be removed, changed or added to by A.
    let deleted = cluster
        .sql_as(&a, &format!("DELETE FROM draagkracht_national.figures WHERE branch_id = {b_id} RETURNING 1"))
        .unwrap();
    assert_eq!(deleted, "");
    let updated = cluster
        .sql_as(
            &a,
            &format!("UPDATE draagkracht_national.publications SET via = 'file' WHERE branch_id = {b_id} RETURNING 1"),
        )
        .unwrap();
    assert_eq!(updated, "");
    let insert = cluster.sql_as(
        &a,
        &format!(
            "INSERT INTO draagkracht_national.figures VALUES ({b_id}, '2025-01-01', '', 'm', 'work', 'maatje', '', 999)"
        ),
    );
    assert!(insert.unwrap_err().contains("row-level security"), "inserting for another branch");
    let put = cluster.sql_as(
        &a,
        &format!(
            "SELECT draagkracht_national.put_months({b_id}, now(), 'server', ARRAY['2025-01-01'::date],
             ARRAY[]::date[], ARRAY[]::text[], ARRAY[]::\"char\"[], ARRAY[]::text[], ARRAY[]::text[], ARRAY[]::text[], ARRAY[]::bigint[])"
        ),
    );
    assert!(put.unwrap_err().contains("row-level security"), "replacing another branch's month");
    let file = cluster.sql_as(
        &a,
        "SELECT draagkracht_national.accept_file('Afdeling B', '\\x00', '\\x00', now(), ARRAY[]::date[], ARRAY[]::date[],
         ARRAY[]::text[], ARRAY[]::\"char\"[], ARRAY[]::text[], ARRAY[]::text[], ARRAY[]::text[], ARRAY[]::bigint[])",
    );
    assert!(file.is_err(), "a branch cannot take in files");
    assert!(cluster.sql_as(&a, "SELECT * FROM draagkracht_national.accounts").is_err(), "accounts are not readable");
    assert_eq!(count_b(), b_rows, "B's figures are untouched");
    // The sharing schema is not theirs either.
    assert!(cluster.sql_as(&a, "SELECT * FROM draagkracht.schema_version").is_err());
}

/// Every whole word of three letters or more in the branch's names, labels, contacts and notes.
fn personal_texts(app: &Draagkracht) -> Vec<String> {
    let db = draagkracht_store::open(app.path()).unwrap();
    let sql = "SELECT name FROM volunteers UNION SELECT label FROM participants
               UNION SELECT email FROM volunteers WHERE email IS NOT NULL
               UNION SELECT phone FROM volunteers WHERE phone IS NOT NULL
               UNION SELECT note FROM hour_entries WHERE note IS NOT NULL AND length(note) > 12";
    let mut stmt = db.conn().prepare(sql).unwrap();
    let texts: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    texts.into_iter().filter(|t| t.chars().count() >= 3).collect()
}

#[test]
fn the_server_holds_no_name_or_free_text_and_a_file_is_taken_in_once() {
    let cluster = TestCluster::new();
    let office = account(&cluster, "landelijk", NewAccount::National);
    account(&cluster, "afdeling_z", branch("Afdeling Zuid", "Zuid"));
    let mut t = demo(7);
    let months = t.app.publishable_months(today()).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 4, 2, 9, 0, 0).unwrap();
    let file = t.app.publication_file("Afdeling Zuid", &months, at).unwrap();

    // A changed figure breaks the signature: refused, nothing taken in.
    let text = String::from_utf8(file.clone()).unwrap();
    let tampered = text.replacen("\\\"value\\\":", "\\\"value\\\":9", 1);
    assert_ne!(tampered, text);
    let refused = accept_publication_file(&office, tampered.as_bytes()).unwrap_err();
    assert!(refused.message.contains("veranderd nadat de afdeling het ondertekende"), "{}", refused.message);
    assert_eq!(cluster.superuser_sql("SELECT count(*) FROM draagkracht_national.figures", "draagkracht"), "0");
    // Not a file at all.
    assert!(accept_publication_file(&office, b"hallo").unwrap_err().message.contains("geen bestand"));

    // The real file: once.
    assert_eq!(accept_publication_file(&office, &file).unwrap().taken, 60);
    let again = accept_publication_file(&office, &file).unwrap_err();
    assert!(again.message.contains("al eerder ingelezen"), "{}", again.message);
    // Another laptop's file in this branch's name: another key, refused.
    let mut other = demo(8);
    let forged = other.app.publication_file("Afdeling Zuid", &months[..2], at).unwrap();
    let refused = accept_publication_file(&office, &forged).unwrap_err();
    assert!(refused.message.contains("andere sleutel"), "{}", refused.message);

    // Nothing personal in a dump of the whole server.
    let dump = cluster.dump();
    assert!(dump.contains("Afdeling Zuid") && dump.contains("grey"), "the dump holds the figures");
    let texts = personal_texts(&t.app);
    assert!(texts.len() > 90, "{}", texts.len());
    for text in texts {
        assert!(!contains_word(&dump, &text), "the server holds {text:?}");
    }
}

/// `needle` occurs in `haystack` as a whole word (not inside a longer one).
fn contains_word(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
