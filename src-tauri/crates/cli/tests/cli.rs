//! The CLI on real files: an encrypted demo, the passphrase from the environment, backup and restore.

use std::path::Path;
use std::process::{Command, Output};

const PASSPHRASE: &str = "een lange zin voor de cli";

fn cli(args: &[&str], passphrase: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_draagkracht-cli"));
    command.args(args).env_remove("DRAAGKRACHT_PASSPHRASE");
    if let Some(p) = passphrase {
        command.env("DRAAGKRACHT_PASSPHRASE", p);
    }
    command.output().expect("run draagkracht-cli")
}

fn text(path: &Path) -> String {
    path.to_str().unwrap().to_string()
}

#[test]
fn an_encrypted_demo_is_checked_backed_up_and_restored_with_the_passphrase_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    let made = cli(
        &["demo", "--db", &text(&db), "--volunteers", "20", "--years", "1", "--today", "2026-11-28"],
        Some(PASSPHRASE),
    );
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    assert_ne!(&std::fs::read(&db).unwrap()[..16], b"SQLite format 3\0", "the demo database is encrypted");

    let check = cli(&["check", "--db", &text(&db), "--json"], Some(PASSPHRASE));
    assert!(check.status.success());
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let entries = report["hour_entries"].as_i64().unwrap();
    assert!(entries > 1000);

    let before = std::fs::read(&db).unwrap();
    let wrong = cli(&["check", "--db", &text(&db)], Some("niet de goede zin"));
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("passphrase is not right"), "{wrong:?}");
    assert!(wrong.stderr.len() < 200, "one clear line, no SQLCipher noise: {}", String::from_utf8_lossy(&wrong.stderr));
    assert_eq!(std::fs::read(&db).unwrap(), before, "a wrong passphrase changed nothing");

    let out = dir.path().join("copy.sqlite");
    assert!(cli(&["backup", "--db", &text(&db), "--out", &text(&out)], Some(PASSPHRASE)).status.success());
    assert!(dir.path().join("copy.sqlite.kdf.json").exists(), "the key parameters travel with the backup");
    assert_eq!(
        cli(&["backup", "--db", &text(&db), "--out", &text(&out)], Some(PASSPHRASE)).status.code(),
        Some(2),
        "never overwrites"
    );

    // A new database elsewhere, restored from the backup, holds the same entries.
    let other = dir.path().join("elsewhere").join("restored.sqlite");
    std::fs::create_dir_all(other.parent().unwrap()).unwrap();
    let restored = cli(&["restore", "--db", &text(&other), "--from", &text(&out)], Some(PASSPHRASE));
    assert!(restored.status.success(), "{}", String::from_utf8_lossy(&restored.stderr));
    let again = cli(&["check", "--db", &text(&other), "--json"], Some(PASSPHRASE));
    let report: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(report["hour_entries"].as_i64(), Some(entries));
    assert_eq!(report["sound"], serde_json::Value::Bool(true));
}

#[test]
fn a_demo_without_a_passphrase_is_plain() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plain.sqlite");
    let made = cli(&["demo", "--db", &text(&db), "--volunteers", "5", "--years", "1", "--today", "2026-11-28"], None);
    assert!(made.status.success());
    assert_eq!(&std::fs::read(&db).unwrap()[..16], b"SQLite format 3\0");
    assert!(cli(&["check", "--db", &text(&db)], None).status.success(), "no passphrase asked");
}

#[test]
fn export_then_import_moves_everything_to_a_new_encrypted_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.sqlite");
    let made = cli(&["demo", "--db", &text(&db), "--volunteers", "10", "--years", "1", "--today", "2026-11-28"], None);
    assert!(made.status.success());
    let file = dir.path().join("all.json");
    assert!(cli(&["export", "--db", &text(&db), "--out", &text(&file)], None).status.success());

    let new = dir.path().join("new.sqlite");
    let imported = cli(&["import", "--db", &text(&new), &text(&file)], Some(PASSPHRASE));
    assert!(imported.status.success(), "{}", String::from_utf8_lossy(&imported.stderr));
    assert_ne!(&std::fs::read(&new).unwrap()[..16], b"SQLite format 3\0", "the new laptop's database is encrypted");
    let old: serde_json::Value =
        serde_json::from_slice(&cli(&["check", "--db", &text(&db), "--json"], None).stdout).unwrap();
    let moved: serde_json::Value =
        serde_json::from_slice(&cli(&["check", "--db", &text(&new), "--json"], Some(PASSPHRASE)).stdout).unwrap();
    assert_eq!(old["hour_entries"], moved["hour_entries"]);

    assert_eq!(
        cli(&["import", "--db", &text(&new), &text(&file)], Some(PASSPHRASE)).status.code(),
        Some(2),
        "never into a database in use"
    );
    std::fs::write(&file, "[]").unwrap();
    let bad = dir.path().join("bad.sqlite");
    let refused = cli(&["import", "--db", &text(&bad), &text(&file)], None);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not a Draagkracht interchange file"));
    assert!(!bad.exists(), "a refused import leaves no database behind");
}

#[test]
fn an_import_stopped_part_way_leaves_nothing_in_the_way_of_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.sqlite");
    let made = cli(&["demo", "--db", &text(&db), "--volunteers", "60", "--years", "1", "--today", "2026-11-28"], None);
    assert!(made.status.success());
    let file = dir.path().join("all.json");
    assert!(cli(&["export", "--db", &text(&db), "--out", &text(&file)], None).status.success());

    // Stopped hard (SIGKILL, as a laptop switched off) once it has begun writing.
    let new = dir.path().join("new.sqlite");
    let mut running = Command::new(env!("CARGO_BIN_EXE_draagkracht-cli"))
        .args(["import", "--db", &text(&new), &text(&file)])
        .env_remove("DRAAGKRACHT_PASSPHRASE")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let partial = dir.path().join("new.sqlite.importing");
    let started = std::time::Instant::now();
    while !partial.exists() && started.elapsed() < std::time::Duration::from_secs(20) {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    running.kill().unwrap();
    running.wait().unwrap();
    assert!(!new.exists(), "nothing at the database's name until the import is complete");

    // The same command again simply works.
    let imported = cli(&["import", "--db", &text(&new), &text(&file)], None);
    assert!(imported.status.success(), "{}", String::from_utf8_lossy(&imported.stderr));
    let old: serde_json::Value =
        serde_json::from_slice(&cli(&["check", "--db", &text(&db), "--json"], None).stdout).unwrap();
    let moved: serde_json::Value =
        serde_json::from_slice(&cli(&["check", "--db", &text(&new), "--json"], None).stdout).unwrap();
    assert_eq!(old["hour_entries"], moved["hour_entries"]);
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".importing"))
        .collect();
    assert!(left.is_empty(), "nothing of the stopped import is left: {left:?}");
}

#[test]
fn a_spreadsheet_comes_in_through_a_mapping_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("branch.sqlite");
    assert!(cli(&["demo", "--db", &text(&db), "--volunteers", "3", "--years", "1", "--today", "2026-11-28"], None)
        .status
        .success());
    let check: serde_json::Value =
        serde_json::from_slice(&cli(&["check", "--db", &text(&db), "--json"], None).stdout).unwrap();
    let before = check["hour_entries"].as_i64().unwrap();
    // A volunteer of the demo, by the name the demo gave them: read it from an export.
    let export = dir.path().join("all.json");
    assert!(cli(&["export", "--db", &text(&db), "--out", &text(&export)], None).status.success());
    let all: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&export).unwrap()).unwrap();
    let name = all["tables"]["volunteers"][0]["name"].as_str().unwrap().to_string();

    let sheet = dir.path().join("uren.csv");
    std::fs::write(&sheet, format!("Wanneer;Wie;Tijd\n02-11-2026;{name};1,5\n03-11-2026;{name};2\n")).unwrap();
    let map = dir.path().join("map.json");
    std::fs::write(
        &map,
        r#"{"kind": "hour_entries", "columns": {"Wanneer": "date", "Wie": "volunteer_name", "Tijd": "duration"}}"#,
    )
    .unwrap();
    let args = ["import", "--db", &text(&db), "--map", &text(&map), &text(&sheet), "--today", "2026-11-28"];
    let imported = cli(&args, None);
    assert!(imported.status.success(), "{}", String::from_utf8_lossy(&imported.stderr));
    let check: serde_json::Value =
        serde_json::from_slice(&cli(&["check", "--db", &text(&db), "--json"], None).stdout).unwrap();
    assert_eq!(check["hour_entries"].as_i64().unwrap(), before + 2);
    assert!(cli(&args, None).status.success(), "a second import adds nothing and succeeds");

    std::fs::write(&sheet, format!("Wanneer;Wie;Tijd\n02-11-2026;Niemand;1,5\nmorgen;{name};2\n")).unwrap();
    let refused = cli(&args, None);
    assert_eq!(refused.status.code(), Some(2));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("row 2, column Wie") && err.contains("row 3, column Wanneer"), "{err}");
    let check: serde_json::Value =
        serde_json::from_slice(&cli(&["check", "--db", &text(&db), "--json"], None).stdout).unwrap();
    assert_eq!(check["hour_entries"].as_i64().unwrap(), before + 2, "nothing half-imported");
}

#[test]
fn a_funder_report_is_written_in_every_format_and_a_bad_period_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    let made = cli(&["demo", "--db", &text(&db), "--volunteers", "40", "--years", "2", "--today", "2026-11-28"], None);
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    for (format, file, magic) in [
        ("pdf", "jaar.pdf", &b"%PDF"[..]),
        ("xlsx", "jaar.xlsx", &b"PK"[..]),
        ("csv", "jaar.csv", &b"\xEF\xBB\xBF"[..]),
        ("csv-rfc", "jaar-rfc.csv", &b"Verantwoording"[..]),
    ] {
        let out = dir.path().join(file);
        let args = [
            "report",
            "--db",
            &text(&db),
            "--from",
            "2025-01-01",
            "--to",
            "31-12-2025",
            "--audience",
            "funder",
            "--format",
            format,
            "--programme",
            "maatje",
            "--out",
            &text(&out),
            "--today",
            "2026-11-28",
        ];
        let run = cli(&args, None);
        assert!(run.status.success(), "{format}: {}", String::from_utf8_lossy(&run.stderr));
        assert!(std::fs::read(&out).unwrap().starts_with(magic), "{format} starts as its kind of file does");
    }
    let out = dir.path().join("fout.pdf");
    let args = [
        "report",
        "--db",
        &text(&db),
        "--from",
        "2025-12-31",
        "--to",
        "2025-01-01",
        "--audience",
        "funder",
        "--format",
        "pdf",
        "--out",
        &text(&out),
    ];
    let refused = cli(&args, None);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("last day is before the first"), "{refused:?}");
    assert!(!out.exists(), "nothing is written for a refused period");
}

#[test]
fn a_forgotten_passphrase_is_replaced_with_the_recovery_code() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    let made = cli(
        &["demo", "--db", &text(&db), "--volunteers", "5", "--years", "1", "--today", "2026-11-28"],
        Some(PASSPHRASE),
    );
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let printed = cli(&["recovery-code", "--db", &text(&db)], Some(PASSPHRASE));
    assert!(printed.status.success(), "{}", String::from_utf8_lossy(&printed.stderr));
    let stdout = String::from_utf8_lossy(&printed.stdout);
    let code = stdout.lines().next().and_then(|l| l.rsplit(' ').next()).unwrap().to_string();
    assert_eq!(code.len(), 24, "{stdout}");

    let recover = |code: &str| {
        Command::new(env!("CARGO_BIN_EXE_draagkracht-cli"))
            .args(["recover", "--db", &text(&db)])
            .env_remove("DRAAGKRACHT_PASSPHRASE")
            .env("DRAAGKRACHT_RECOVERY_CODE", code)
            .env("DRAAGKRACHT_NEW_PASSPHRASE", "de nieuwe zin voor de cli")
            .output()
            .unwrap()
    };
    // A backup made now carries the code along.
    let copy = dir.path().join("copy.sqlite");
    assert!(cli(&["backup", "--db", &text(&db), "--out", &text(&copy)], Some(PASSPHRASE)).status.success());
    assert!(dir.path().join("copy.sqlite.recovery.json").exists());

    let wrong = recover("0000-0000-0000-0000-0000");
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("recovery code does not fit"), "{wrong:?}");
    assert!(cli(&["check", "--db", &text(&db)], Some(PASSPHRASE)).status.success(), "a wrong code changed nothing");

    let done = recover(&code);
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    assert_eq!(cli(&["check", "--db", &text(&db)], Some(PASSPHRASE)).status.code(), Some(2), "the old one is gone");
    assert!(cli(&["check", "--db", &text(&db)], Some("de nieuwe zin voor de cli")).status.success());

    // On a new laptop, with the first passphrase forgotten: the backup comes back with the code.
    let laptop = dir.path().join("laptop").join("draagkracht.sqlite");
    std::fs::create_dir_all(laptop.parent().unwrap()).unwrap();
    let restored = Command::new(env!("CARGO_BIN_EXE_draagkracht-cli"))
        .args(["restore", "--db", &text(&laptop), "--from", &text(&copy)])
        .env_remove("DRAAGKRACHT_PASSPHRASE")
        .env("DRAAGKRACHT_RECOVERY_CODE", &code)
        .env("DRAAGKRACHT_NEW_PASSPHRASE", "de zin van de nieuwe laptop")
        .output()
        .unwrap();
    assert!(restored.status.success(), "{}", String::from_utf8_lossy(&restored.stderr));
    assert!(cli(&["check", "--db", &text(&laptop)], Some("de zin van de nieuwe laptop")).status.success());
    assert!(laptop.with_file_name("draagkracht.sqlite.recovery.json").exists(), "the code opens it later too");
}

/// Issue 15: a report for a municipality's residents or for a subsidy, by name; the subsidy's
/// period is the report's unless one is given; an unknown name is refused and writes nothing.
#[test]
fn a_report_for_a_municipality_or_a_subsidy_is_made_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    let made = cli(&["demo", "--db", &text(&db), "--volunteers", "40", "--years", "2", "--today", "2026-11-28"], None);
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let db = text(&db);
    let report = |scope: &[&str], out: &Path| {
        let out = text(out);
        let mut args = vec!["report", "--db", &db, "--audience", "funder", "--format", "csv-rfc"];
        args.extend_from_slice(scope);
        args.extend_from_slice(&["--out", &out, "--today", "2026-11-28"]);
        cli(&args, None)
    };
    let zeist = dir.path().join("zeist.csv");
    let run = report(&["--municipality", "zeist", "--from", "2025-01-01", "--to", "2025-12-31"], &zeist);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let csv = std::fs::read_to_string(&zeist).unwrap();
    assert!(csv.contains("Bereik,Inwoners van Zeist"), "{csv}");
    assert!(csv.contains("Uren niet aan een deelnemer toe te wijzen"), "hours outside any match stand apart");

    let subsidy = dir.path().join("subsidie.csv");
    let run = report(&["--subsidy", "Wmo-subsidie De Bilt 2025"], &subsidy);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let csv = std::fs::read_to_string(&subsidy).unwrap();
    assert!(csv.contains("Periode,1-1-2025 t/m 31-12-2025"), "the subsidy's own period: {csv}");
    assert!(csv.contains("Wmo-subsidie De Bilt 2025 van Gemeente De Bilt, voor inwoners van De Bilt"), "{csv}");

    let nowhere = dir.path().join("nergens.csv");
    let refused = report(&["--municipality", "Utrecht", "--from", "2025-01-01", "--to", "2025-12-31"], &nowhere);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("no municipality with the id or name \"Utrecht\""));
    assert!(!nowhere.exists());
}

/// The national picture through the CLI, as the administrator, a branch and the national office
/// use it: server-init, national-account, publish (online and as a file), national-import and
/// national-report.
#[test]
fn a_branch_publishes_and_the_national_office_reports() {
    use draagkracht_server::testing::TestCluster;
    let cluster = TestCluster::bare();
    let admin = cluster.superuser_url();
    let init = cli(&["server-init", "--server", &admin], None);
    assert!(init.status.success(), "{}", String::from_utf8_lossy(&init.stderr));
    let account = |args: &[&str]| {
        let mut all = vec!["national-account", "--server", &admin];
        all.extend_from_slice(args);
        let made = cli(&all, None);
        assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
        let out = String::from_utf8_lossy(&made.stdout).to_string();
        let password = out.trim().rsplit(' ').next().unwrap().to_string();
        format!("postgres://{}:{password}@127.0.0.1:{}/draagkracht?sslmode=disable", args[1], cluster.port())
    };
    let noord = account(&["--login", "afdeling_noord", "--branch", "Afdeling Noord", "--region", "Noord"]);
    account(&["--login", "afdeling_zee", "--branch", "Afdeling Zee", "--region", "Noord"]);
    let office = account(&["--login", "landelijk", "--national"]);

    let dir = tempfile::tempdir().unwrap();
    let demo = |name: &str, seed: &str| {
        let db = dir.path().join(name);
        let made = cli(
            &[
                "demo",
                "--db",
                &text(&db),
                "--volunteers",
                "30",
                "--years",
                "2",
                "--seed",
                seed,
                "--today",
                "2026-03-10",
            ],
            None,
        );
        assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
        text(&db)
    };
    let (north, sea) = (demo("noord.sqlite", "1"), demo("zee.sqlite", "2"));
    let online =
        cli(&["publish", "--db", &north, "--server", &noord, "--from", "2025-01", "--today", "2026-03-10"], None);
    assert!(online.status.success(), "{}", String::from_utf8_lossy(&online.stderr));
    assert!(String::from_utf8_lossy(&online.stdout).contains("published 14 months"), "Jan 2025 – Feb 2026");
    let file = dir.path().join("zee.json");
    let signed = cli(
        &["publish", "--db", &sea, "--out", &text(&file), "--branch", "Afdeling Zee", "--today", "2026-03-10"],
        None,
    );
    assert!(signed.status.success(), "{}", String::from_utf8_lossy(&signed.stderr));
    let taken = cli(&["national-import", "--server", &office, "--file", &text(&file)], None);
    assert!(taken.status.success(), "{}", String::from_utf8_lossy(&taken.stderr));
    let again = cli(&["national-import", "--server", &office, "--file", &text(&file)], None);
    assert!(!again.status.success(), "a file is taken in once");

    let out = dir.path().join("landelijk.csv");
    let report = cli(
        &[
            "national-report",
            "--server",
            &office,
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
            "--region",
            "Noord",
            "--audience",
            "funder",
            "--format",
            "csv-rfc",
            "--out",
            &text(&out),
            "--today",
            "2026-03-10",
        ],
        None,
    );
    assert!(report.status.success(), "{}", String::from_utf8_lossy(&report.stderr));
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.contains("Landelijk overzicht") && csv.contains("Regio Noord (2 afdelingen)"), "{csv}");
    assert!(csv.contains("Periode,1-1-2025 t/m 31-12-2025"), "{csv}");
    // A branch's login cannot make the national report of another branch.
    let nosy = cli(
        &[
            "national-report",
            "--server",
            &noord,
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
            "--branch",
            "Afdeling Zee",
            "--audience",
            "internal",
            "--format",
            "csv",
            "--out",
            &text(&dir.path().join("x.csv")),
        ],
        None,
    );
    assert!(!nosy.status.success());
    assert!(!dir.path().join("x.csv").exists());
}
