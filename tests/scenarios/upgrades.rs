//! Upgrades never lose data. `tests/fixtures/schema-N/` holds databases as an earlier released
//! version left them — plain and encrypted — with what that version said about them: every record
//! (its export), the open signals on a fixed day and the reports of a fixed half year. Opening a
//! copy with this version makes a backup first, migrates, and must keep every record and give the
//! same reports, and the same signals as the same records imported fresh (rules may change between
//! versions; the facts they judge must survive the migration). Made with that version's CLI (see the fixture folder's README).

use draagkracht_api::wire::{AccessState, BackupKind, Language, ReportAudience, ReportFormat, ReportInput};
use draagkracht_api::{Draagkracht, Gate};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;

const PASSPHRASE: &str = "fiets lamp oktober wolk";

fn fixture(schema: u32) -> PathBuf {
    PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo test"))
        .join("fixtures")
        .join(format!("schema-{schema}"))
}

/// A copy of a fixture database (with its key file) in a fresh folder, as a coordinator's laptop has it.
fn copy_of(schema: u32, name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let from = fixture(schema);
    for entry in std::fs::read_dir(&from).unwrap().flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if file.starts_with(name) {
            std::fs::copy(entry.path(), dir.path().join(file.replacen(name, "draagkracht", 1))).unwrap();
        }
    }
    let path = dir.path().join("draagkracht.sqlite");
    (dir, path)
}

/// The rows of each table in an export file.
fn tables(export: &Value) -> Vec<(String, Vec<Value>)> {
    let tables = export["tables"].as_object().expect("an export's tables");
    tables.iter().map(|(t, rows)| (t.clone(), rows.as_array().cloned().unwrap_or_default())).collect()
}

/// Whether `new` holds every field of `old` with the same value (a later schema may add fields).
fn keeps(new: &Value, old: &Value) -> bool {
    old.as_object().unwrap().iter().all(|(k, v)| new.get(k) == Some(v))
}

/// Tables the app itself writes to as it opens and works (its own log, the signals it keeps
/// current): their old rows must still be there, by id, but may have moved on.
const LIVING: &[&str] = &["signals", "signal_events", "audit_log", "settings"];

/// (rule, volunteer, severity, explanation) of every open signal.
fn signals(list: &Value) -> BTreeSet<(String, String, String, String)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let field = |k: &str| s[k].as_str().unwrap_or_default().to_string();
            (field("rule"), field("volunteerId"), field("severity"), field("explanation"))
        })
        .collect()
}

fn check_upgrade(schema: u32, name: &str, passphrase: Option<&str>) {
    let (dir, path) = copy_of(schema, name);
    let mut gate = Gate::new(&path);
    if let Some(p) = passphrase {
        assert_eq!(gate.access().state, AccessState::Locked);
        gate.unlock(p).unwrap();
    }
    assert_eq!(gate.access().state, AccessState::Open, "{name}: {:?}", gate.access().problem);
    let before = gate.backups().into_iter().find(|b| b.kind == BackupKind::BeforeMigration);
    assert!(before.is_some_and(|b| b.size_bytes > 0), "{name}: a backup before the migration");
    let app: &mut Draagkracht = gate.app().unwrap();
    let report = app.check().unwrap();
    assert!(report.sound, "{name}: {report:?}");
    assert_eq!(report.schema_version, draagkracht_store::SCHEMA_VERSION, "{name}: migrated");

    // Every record is still there.
    let old: Value = serde_json::from_slice(&std::fs::read(fixture(schema).join("records.json")).unwrap()).unwrap();
    let out = dir.path().join("now.json");
    app.export_all(&out).unwrap();
    let now: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let now_tables = tables(&now);
    let old_tables = tables(&old);
    assert_eq!(old_tables.iter().map(|(_, rows)| rows.len()).sum::<usize>(), 1237, "the fixture's records");
    for (table, rows) in old_tables {
        let kept = &now_tables.iter().find(|(t, _)| *t == table).unwrap_or_else(|| panic!("{name}: {table} is gone")).1;
        for row in &rows {
            let found = if LIVING.contains(&table.as_str()) {
                let key = if table == "settings" { "key" } else { "id" };
                kept.iter().any(|k| k.get(key) == row.get(key))
            } else {
                kept.iter().any(|k| keeps(k, row))
            };
            assert!(found, "{name}: a row of {table} from schema {schema} is missing or changed: {row}");
        }
    }

    // The same open signals on the fixture's day as this version finds in the same records read
    // into a new database. The rules themselves may have changed since the fixture was made (its
    // signals.json keeps what that version found); what the migration must not change is the facts.
    let today = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    let open_on = |app: &mut Draagkracht| {
        app.evaluate_all(today).unwrap();
        let open: Vec<_> = app.attention_list(today).unwrap().into_iter().flat_map(|r| r.signals).collect();
        signals(&serde_json::to_value(&open).unwrap())
    };
    let mut fresh = draagkracht_tests::TempApp::new();
    fresh.app.import_all(&fixture(schema).join("records.json")).unwrap();
    let expected = open_on(&mut fresh.app);
    assert!(expected.len() >= 3, "the fixture has signals to compare");
    assert_eq!(open_on(app), expected, "{name}: the signals on {today}");

    // The same reports of the first half of 2025, for a funder and internal: every figure the
    // fixture's version reported is still there, the same (except the counts of signals, which
    // follow the rules of the day); and the report equals the same records' report imported fresh.
    let made = chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
    for (audience, file) in
        [(ReportAudience::Internal, "report-internal.csv"), (ReportAudience::Funder, "report-funder.csv")]
    {
        let input = ReportInput {
            from: "2025-01-01".into(),
            to: "2025-06-30".into(),
            programme_id: None,
            municipality_id: None,
            subsidy_id: None,
            audience,
            language: Language::Nl,
        };
        let csv_of = |app: &Draagkracht| {
            let document = app.report_document(&input, made).unwrap();
            String::from_utf8(draagkracht_api::render_report(&document, ReportFormat::CsvRfc).unwrap()).unwrap()
        };
        let now = csv_of(app);
        assert_eq!(now, csv_of(&fresh.app), "{name}: {file} against the same records imported fresh");
        let then = std::fs::read_to_string(fixture(schema).join(file)).unwrap();
        let (now, then) = (figures(&now), figures(&then));
        for (at, value) in &then {
            // A later version may hide more from a funder (never show something else).
            let hidden_now = audience == ReportAudience::Funder
                && now.get(at).is_some_and(|v| ["<5 vrijwilligers", "×", "<5"].contains(&v.as_str()));
            if !hidden_now {
                assert_eq!(now.get(at), Some(value), "{name}: {file}, {at:?}");
            }
        }
    }
}

/// Every figure of a report in CSV by (table, column, row), the counts of signals left out (they
/// follow the rules of the day). A later version may add tables, rows and columns; every figure
/// the fixture's version reported must still be there, the same.
fn figures(csv: &str) -> std::collections::BTreeMap<(String, String, String), String> {
    let mut out = std::collections::BTreeMap::new();
    let fields = |line: &str| -> Vec<String> {
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(line.as_bytes());
        reader.records().next().and_then(Result::ok).map(|r| r.iter().map(str::to_string).collect()).unwrap_or_default()
    };
    let csv = csv.replace("\r\n", "\n");
    for (n, block) in csv.split("\n\n").enumerate() {
        let lines: Vec<Vec<String>> = block.lines().filter(|l| !l.is_empty()).map(fields).collect();
        let Some(title) = lines.first().and_then(|l| l.first()).cloned() else { continue };
        // The cover has no header row; every table has one after its title.
        let (header, rows) = if n == 0 {
            (vec![String::new(), String::new()], &lines[1..])
        } else {
            (lines.get(1).cloned().unwrap_or_default(), lines.get(2..).unwrap_or_default())
        };
        for row in rows {
            let label = row.first().cloned().unwrap_or_default();
            for (column, value) in header.iter().zip(row).skip(1) {
                let at = (title.clone(), column.clone(), label.clone());
                if ![&at.0, &at.2].iter().any(|t| t.to_lowercase().contains("signal")) {
                    out.insert(at, value.clone());
                }
            }
        }
    }
    assert!(out.len() > 50, "a report has its figures: {out:?}");
    out
}

#[test]
fn a_plain_database_of_schema_8_opens_migrated_with_everything_in_it() {
    check_upgrade(8, "plain", None);
}

#[test]
fn an_encrypted_database_of_schema_8_opens_migrated_with_everything_in_it() {
    check_upgrade(8, "encrypted", Some(PASSPHRASE));
}
