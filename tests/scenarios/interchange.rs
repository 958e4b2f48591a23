//! The interchange file: its JSON Schema is generated from the database and committed; the demo
//! branch exported, validated against the schema, imported into a new database and exported again
//! comes back the same; a broken file is refused with its table, row and column, importing nothing.

use draagkracht_api::wire::SetupChoice;
use draagkracht_tests::{date, TempApp};
use std::path::PathBuf;

const SCHEMA_FILE: &str = "docs/interchange.schema.json";

fn workspace() -> PathBuf {
    PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo test"))
        .parent()
        .expect("workspace")
        .to_path_buf()
}

fn schema() -> serde_json::Value {
    let t = TempApp::new();
    let db = draagkracht_store::open(&t.db_path()).unwrap();
    draagkracht_store::interchange::schema(db.conn()).unwrap()
}

#[test]
fn the_committed_schema_is_current() {
    let generated = serde_json::to_string_pretty(&schema()).unwrap() + "\n";
    let path = workspace().join(SCHEMA_FILE);
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{SCHEMA_FILE} is stale: run `UPDATE_SCHEMA=1 cargo test -p draagkracht-tests --test scenarios schema`"
    );
}

#[test]
fn the_demo_branch_round_trips_exactly() {
    let today = date(2026, 11, 28);
    let mut a = TempApp::new();
    a.app.set_up(SetupChoice::Demo, today).unwrap();
    a.app.attention_list(today).unwrap(); // signals as the coordinator sees them
    let first = a.dir.path().join("export.json");
    let rows = a.app.export_all(&first).unwrap();
    assert!(rows > 90_000, "{rows} rows");
    let document: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&first).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let errors: Vec<String> = validator.iter_errors(&document).take(5).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "the export follows the schema: {errors:#?}");

    let mut b = TempApp::new();
    assert_eq!(b.app.import_all(&first).unwrap(), rows);
    let second = b.dir.path().join("again.json");
    b.app.export_all(&second).unwrap();
    let again: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&second).unwrap()).unwrap();
    for (table, rows) in document["tables"].as_object().unwrap() {
        assert_eq!(&again["tables"][table], rows, "table {table} comes back the same");
    }
    assert_eq!(b.app.check().unwrap().hour_entries, a.app.check().unwrap().hour_entries);
    assert!(b.app.status(today).unwrap().demo, "the demo mark travels with it");
}

#[test]
fn a_broken_file_is_refused_with_its_place_and_imports_nothing() {
    let today = date(2026, 11, 28);
    let mut a = TempApp::new();
    let p = a.programme("Thuisadministratie");
    a.app.create_volunteer(&draagkracht_tests::volunteer_input("Anna", "active", vec![p]), today).unwrap();
    let file = a.dir.path().join("export.json");
    a.app.export_all(&file).unwrap();
    let mut document: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    document["tables"]["volunteers"][0].as_object_mut().unwrap().remove("status");
    std::fs::write(&file, document.to_string()).unwrap();

    let mut b = TempApp::new();
    let before = b.app.programmes().unwrap().len();
    let refused = b.app.import_all(&file).unwrap_err();
    assert!(refused.message.contains("volunteers, row 1, column status"), "{}", refused.message);
    assert!(b.app.volunteers(&Default::default(), today).unwrap().is_empty(), "nothing was imported");
    assert_eq!(b.app.programmes().unwrap().len(), before, "the new database is as it was");

    std::fs::write(&file, "{ not json").unwrap();
    assert!(b.app.import_all(&file).unwrap_err().message.contains("regel 1"));

    // Into a database that is in use: refused.
    let refused = a.app.import_all(&a.dir.path().join("export.json")).unwrap_err();
    assert!(refused.message.contains("not empty") || refused.message.contains("niet"), "{}", refused.message);
}

/// A file written by the app before the report sums (schema version 7) still comes in: that step
/// added no exported table or column. A file from a newer app does not.
#[test]
fn a_file_from_the_previous_schema_version_imports_and_one_from_a_newer_app_is_refused() {
    let today = date(2026, 11, 28);
    let mut a = TempApp::new();
    let p = a.programme("Thuisadministratie");
    let v = a.app.create_volunteer(&draagkracht_tests::volunteer_input("Anna", "active", vec![p]), today).unwrap();
    a.app.log_hours(&draagkracht_tests::hours_input(v.id, "03-11-2026", "2", p, "support"), today).unwrap();
    let file = a.dir.path().join("export.json");
    a.app.export_all(&file).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let current = format!("\"schema_version\":{}", draagkracht_store::SCHEMA_VERSION);
    assert!(text.contains(&current), "the header names its version");

    std::fs::write(&file, text.replace(&current, "\"schema_version\":7")).unwrap();
    let mut b = TempApp::new();
    b.app.import_all(&file).expect("a version 7 file imports");
    // November is a whole month: the report reads the sums the triggers rebuilt on import.
    let input = draagkracht_api::wire::ReportInput {
        from: "1-11-2026".into(),
        to: "30-11-2026".into(),
        programme_id: None,
        municipality_id: None,
        subsidy_id: None,
        audience: draagkracht_api::wire::ReportAudience::Internal,
        language: draagkracht_api::wire::Language::Nl,
    };
    let report = b.app.report_document(&input, today).unwrap();
    assert_eq!(report.key_figures[1].value, draagkracht_core::report::Cell::Hours { hours: 2.0, decimals: 1 });

    let newer = format!("\"schema_version\":{}", draagkracht_store::SCHEMA_VERSION + 1);
    std::fs::write(&file, text.replace(&current, &newer)).unwrap();
    let mut c = TempApp::new();
    assert!(c.app.import_all(&file).is_err(), "a file from a newer app is refused");
}
