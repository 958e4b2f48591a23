//! Data safety through the gate, as the shell drives it: a passphrase on first start, locking and
//! unlocking (a wrong passphrase changes nothing), changing the passphrase, backups made on start,
//! on demand and before a migration, restoring, a damaged database met at start, and a forgotten
//! passphrase recovered with the code on paper.

use draagkracht_api::wire::{
    AccessState, BackupKind, ChangePassphraseInput, Field, MakeRecoveryCodeInput, NewDatabaseInput, RecoverInput,
    RefusalCode, RestoreFileInput, RestoreInput, VolunteerFilter,
};
use draagkracht_api::{ErrorCode, Gate};
use draagkracht_store::crypt::is_plain_sqlite;
use draagkracht_tests::{date, volunteer_input};
use std::path::{Path, PathBuf};

const PASSPHRASE: &str = "vier losse woorden hier";

fn new_database(dir: &Path, passphrase: Option<&str>) -> (Gate, PathBuf) {
    let path = dir.join("draagkracht.sqlite");
    let mut gate = Gate::new(&path);
    assert_eq!(gate.access().state, AccessState::New);
    let input = NewDatabaseInput { passphrase: passphrase.map(String::from), repeat: passphrase.map(String::from) };
    assert_eq!(gate.create(&input).expect("create").state, AccessState::Open);
    (gate, path)
}

fn names(gate: &mut Gate) -> Vec<String> {
    let today = date(2026, 11, 28);
    let mut names: Vec<String> = gate
        .app()
        .expect("open")
        .volunteers(&VolunteerFilter::default(), today)
        .expect("volunteers")
        .into_iter()
        .map(|v| v.name)
        .collect();
    names.sort();
    names
}

/// Changes the passphrase from `current` (empty for a plain database) to `new`.
fn change_passphrase(gate: &mut Gate, current: &str, new: &str) {
    let input = ChangePassphraseInput { current: current.into(), passphrase: new.into(), repeat: new.into() };
    gate.change_passphrase(&input).expect("change the passphrase");
}

fn add(gate: &mut Gate, name: &str) {
    let today = date(2026, 11, 28);
    let app = gate.app().expect("open");
    let p = app.programmes().unwrap()[0].id;
    app.create_volunteer(&volunteer_input(name, "active", vec![p]), today).expect("add");
}

#[test]
fn a_passphrase_locks_the_data_and_a_wrong_one_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // Refusals first: too short, then two different passphrases. Nothing is created.
    let path = dir.path().join("draagkracht.sqlite");
    let mut gate = Gate::new(&path);
    let short = gate.create(&NewDatabaseInput { passphrase: Some("kort".into()), repeat: Some("kort".into()) });
    assert_eq!(short.unwrap_err().reason, Some(draagkracht_api::wire::RefusalCode::TooShort));
    let differ =
        gate.create(&NewDatabaseInput { passphrase: Some(PASSPHRASE.into()), repeat: Some("iets anders hier".into()) });
    assert_eq!(differ.unwrap_err().field, Some(draagkracht_api::wire::Field::Repeat));
    assert!(!path.exists(), "a refused first start writes nothing");
    drop(gate);

    let (mut gate, path) = new_database(dir.path(), Some(PASSPHRASE));
    add(&mut gate, "Anna de Vries");
    assert!(gate.access().encrypted);
    assert_eq!(gate.lock().state, AccessState::Locked);
    assert_eq!(gate.app().unwrap_err().code, ErrorCode::Locked);
    drop(gate);
    assert!(!is_plain_sqlite(&path));
    let before = std::fs::read(&path).unwrap();

    // A restart: the gate waits; a wrong passphrase is refused and the file is untouched.
    let mut gate = Gate::new(&path);
    assert_eq!(gate.access().state, AccessState::Locked);
    let wrong = gate.unlock("vier losse woorden daar").unwrap_err();
    assert_eq!(wrong.code, ErrorCode::WrongPassphrase);
    assert_eq!(std::fs::read(&path).unwrap(), before, "a wrong passphrase wrote nothing");
    assert_eq!(gate.unlock(PASSPHRASE).unwrap().state, AccessState::Open);
    assert_eq!(names(&mut gate), vec!["Anna de Vries"]);
}

#[test]
fn changing_the_passphrase_keeps_every_record() {
    let dir = tempfile::tempdir().unwrap();
    let (mut gate, path) = new_database(dir.path(), Some(PASSPHRASE));
    for name in ["Anna", "Bram", "Cor"] {
        add(&mut gate, name);
    }
    let new = "een heel andere zin";
    let refused = gate.change_passphrase(&ChangePassphraseInput {
        current: "niet de goede zin".into(),
        passphrase: new.into(),
        repeat: new.into(),
    });
    assert_eq!(refused.unwrap_err().field, Some(draagkracht_api::wire::Field::CurrentPassphrase));
    change_passphrase(&mut gate, PASSPHRASE, new);
    drop(gate);
    let mut gate = Gate::new(&path);
    assert_eq!(gate.unlock(PASSPHRASE).unwrap_err().code, ErrorCode::WrongPassphrase, "the old one no longer opens it");
    gate.unlock(new).expect("the new one does");
    assert_eq!(names(&mut gate), vec!["Anna", "Bram", "Cor"]);
}

#[test]
fn a_plain_database_can_be_encrypted_later() {
    let dir = tempfile::tempdir().unwrap();
    let (mut gate, path) = new_database(dir.path(), None);
    add(&mut gate, "Anna");
    assert!(is_plain_sqlite(&path));
    assert_eq!(gate.lock().state, AccessState::Open, "a plain database has nothing to lock");
    change_passphrase(&mut gate, "", PASSPHRASE);
    assert!(!is_plain_sqlite(&path), "the file is encrypted now");
    assert_eq!(names(&mut gate), vec!["Anna"]);
    drop(gate);
    let mut gate = Gate::new(&path);
    assert_eq!(gate.access().state, AccessState::Locked);
    gate.unlock(PASSPHRASE).unwrap();
    assert_eq!(names(&mut gate), vec!["Anna"]);
}

#[test]
fn backups_are_made_checked_and_restore_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let (gate, path) = new_database(dir.path(), Some(PASSPHRASE));
    drop(gate);
    let mut gate = Gate::new(&path);
    gate.unlock(PASSPHRASE).unwrap();
    assert!(gate.backups().iter().any(|b| b.kind == BackupKind::Daily), "the day's first start made one");
    add(&mut gate, "Anna");
    let manual = gate.make_backup().expect("backup");
    assert!(manual.encrypted && manual.size_bytes > 0 && manual.kind == BackupKind::Manual);
    add(&mut gate, "Bram");
    let access = gate
        .restore(&RestoreInput { file: manual.file.clone(), passphrase: None, ..Default::default() })
        .expect("restore");
    assert_eq!(access.state, AccessState::Open);
    assert_eq!(names(&mut gate), vec!["Anna"], "back to the moment of the backup");
    let before_restore = gate.backups().into_iter().find(|b| b.kind == BackupKind::BeforeRestore).expect("saved first");

    // Bram is in the before-restore backup: restoring that brings him back.
    gate.restore(&RestoreInput { file: before_restore.file, passphrase: None, ..Default::default() }).unwrap();
    assert_eq!(names(&mut gate), vec!["Anna", "Bram"]);

    let unknown =
        gate.restore(&RestoreInput { file: "draagkracht-nope.sqlite".into(), passphrase: None, ..Default::default() });
    assert_eq!(unknown.unwrap_err().field, Some(draagkracht_api::wire::Field::Backup));
    assert!(path.exists());
}

#[test]
fn a_backup_is_made_before_a_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draagkracht.sqlite");
    // A database as the previous version of the app left it, with a volunteer.
    draagkracht_store::create_at_version(&path, draagkracht_store::SCHEMA_VERSION - 1).unwrap();
    let conn = draagkracht_store::Connection::open(&path).unwrap();
    conn.execute(
        "INSERT INTO volunteers (id, name, status, start_date, created_at, updated_at)
         VALUES ('0190d8a0-0000-7000-8000-000000000001', 'Anna', 'active', '2025-01-01', 'x', 'x')",
        [],
    )
    .unwrap();
    drop(conn);
    let mut gate = Gate::new(&path);
    assert_eq!(gate.access().state, AccessState::Open, "{:?}", gate.access().problem);
    let before = gate.backups().into_iter().find(|b| b.kind == BackupKind::BeforeMigration).expect("a backup first");
    assert!(before.size_bytes > 0);
    assert_eq!(names(&mut gate), vec!["Anna"]);
}

#[test]
fn a_damaged_database_is_said_plainly_and_the_latest_backup_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut gate, path) = new_database(dir.path(), None);
    for i in 0..400 {
        add(&mut gate, &format!("Vrijwilliger {i:03}"));
    }
    let good = gate.make_backup().unwrap();
    drop(gate);
    // Scribble over the second half of the file's pages.
    let mut bytes = std::fs::read(&path).unwrap();
    let half = 4096 * (bytes.len() / 4096 / 2);
    for b in &mut bytes[half..] {
        *b = 0x5a;
    }
    std::fs::write(&path, &bytes).unwrap();

    let mut gate = Gate::new(&path);
    let access = gate.access();
    assert_eq!(access.state, AccessState::Damaged, "{:?}", access.problem);
    assert_eq!(access.latest_backup.as_ref().map(|b| b.file.clone()), Some(good.file.clone()));
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "nothing was written to the damaged file");
    assert_eq!(gate.app().unwrap_err().code, ErrorCode::Damaged);

    gate.restore(&RestoreInput { file: good.file, passphrase: None, ..Default::default() }).unwrap();
    assert_eq!(gate.access().state, AccessState::Open);
    assert_eq!(names(&mut gate).len(), 400);
    assert!(gate.backups().iter().any(|b| b.kind == BackupKind::BeforeRestore), "the damaged file was kept aside");
}

#[test]
fn a_second_window_on_the_same_data_is_refused_until_the_first_closes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut first, path) = new_database(dir.path(), None);
    add(&mut first, "Anna");
    let mut second = Gate::new(&path);
    assert_eq!(second.access().state, AccessState::Unavailable);
    assert!(second.access().problem.unwrap().message.contains("al geopend"));
    assert!(second.app().is_err(), "the second never writes");
    assert!(second.unlock(PASSPHRASE).is_err(), "nor opens it by unlocking");
    drop(second);
    drop(first);
    let mut again = Gate::new(&path);
    assert_eq!(names(&mut again), vec!["Anna"]);
}

#[test]
fn backups_are_copied_to_a_second_location() {
    let dir = tempfile::tempdir().unwrap();
    let (mut gate, path) = new_database(dir.path(), Some(PASSPHRASE));
    let missing = gate.set_backup_location(Some(&dir.path().join("no-stick").display().to_string()));
    assert_eq!(missing.unwrap_err().field, Some(draagkracht_api::wire::Field::Path));
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let first = gate.make_backup().unwrap();
    let settings = gate.set_backup_location(Some(&usb.display().to_string())).unwrap();
    assert_eq!(settings.second_location, Some(usb.display().to_string()));
    assert!(usb.join(&first.file).exists(), "the newest backup is copied at once");
    let second = gate.make_backup().unwrap();
    assert!(usb.join(&second.file).exists() && usb.join(format!("{}.kdf.json", second.file)).exists());
    // The day's first start: its backup, checked beside the app, reaches the stick too.
    gate.lock();
    drop(gate);
    let mut gate = Gate::new(&path);
    gate.unlock(PASSPHRASE).unwrap();
    let daily = gate.backups().into_iter().find(|b| b.kind == BackupKind::Daily).expect("the day's backup");
    assert!(usb.join(&daily.file).exists() && usb.join(format!("{}.kdf.json", daily.file)).exists());
    // The stick is pulled out: the backup still succeeds, and the problem is shown.
    std::fs::remove_dir_all(&usb).unwrap();
    gate.make_backup().unwrap();
    assert!(gate.backup_settings().unwrap().last_copy_problem.is_some());
    assert_eq!(gate.set_backup_location(None).unwrap().second_location, None);
}

fn recover_input(code: &str, passphrase: &str) -> RecoverInput {
    RecoverInput { code: code.into(), passphrase: passphrase.into(), repeat: passphrase.into() }
}

fn refused_field(e: &draagkracht_api::ApiError) -> (Option<Field>, Option<RefusalCode>) {
    (e.field, e.reason)
}

#[test]
fn a_forgotten_passphrase_is_recovered_with_the_code_on_paper() {
    let dir = tempfile::tempdir().unwrap();
    let (mut gate, path) = new_database(dir.path(), Some(PASSPHRASE));
    add(&mut gate, "Anna");
    assert_eq!(gate.access().recovery_code_made_on, None);

    // Making a code asks for the passphrase in use.
    let refused = gate.make_recovery_code(&MakeRecoveryCodeInput { passphrase: "niet de goede zin".into() });
    assert_eq!(refused.unwrap_err().code, ErrorCode::WrongPassphrase);
    assert_eq!(gate.access().recovery_code_made_on, None, "a refused code leaves no file");
    let made = gate.make_recovery_code(&MakeRecoveryCodeInput { passphrase: PASSPHRASE.into() }).expect("a code");
    assert_eq!(made.code.len(), 24, "{}", made.code);
    assert_eq!(gate.access().recovery_code_made_on, Some(made.made_on.clone()));

    // An ordinary passphrase change later does not need the code, and the code keeps working.
    let second = "een tweede wachtwoordzin";
    change_passphrase(&mut gate, PASSPHRASE, second);
    drop(gate);

    // The passphrase is forgotten. Refusals first; none of them changes the file.
    let before = std::fs::read(&path).unwrap();
    let mut gate = Gate::new(&path);
    assert_eq!(gate.access().state, AccessState::Locked);
    assert_eq!(gate.access().recovery_code_made_on, Some(made.made_on.clone()), "the unlock screen can offer it");
    let malformed = gate.recover(&recover_input("K7QF-3MZP", "een nieuwe wachtwoordzin")).unwrap_err();
    assert_eq!(refused_field(&malformed), (Some(Field::RecoveryCode), Some(RefusalCode::InvalidFormat)));
    let wrong = gate.recover(&recover_input("0000-0000-0000-0000-0000", "een nieuwe wachtwoordzin")).unwrap_err();
    assert_eq!(refused_field(&wrong), (Some(Field::RecoveryCode), Some(RefusalCode::Mismatch)));
    let typed = made.code.to_lowercase().replace('-', " ");
    let short = gate.recover(&recover_input(&typed, "kort")).unwrap_err();
    assert_eq!(refused_field(&short), (Some(Field::Passphrase), Some(RefusalCode::TooShort)));
    assert_eq!(gate.access().state, AccessState::Locked);
    assert_eq!(std::fs::read(&path).unwrap(), before, "a refused recovery wrote nothing");

    // The code as typed from paper (lower case, spaces) opens it with a new passphrase.
    let third = "een nieuwe wachtwoordzin";
    assert_eq!(gate.recover(&recover_input(&typed, third)).expect("recover").state, AccessState::Open);
    assert_eq!(names(&mut gate), vec!["Anna"]);
    drop(gate);
    let mut gate = Gate::new(&path);
    for old in [PASSPHRASE, second] {
        assert_eq!(gate.unlock(old).unwrap_err().code, ErrorCode::WrongPassphrase, "{old} no longer opens it");
    }
    gate.unlock(third).expect("the new passphrase opens it");

    // A new code replaces the old one.
    let newer = gate.make_recovery_code(&MakeRecoveryCodeInput { passphrase: third.into() }).unwrap();
    gate.lock();
    let old = gate.recover(&recover_input(&made.code, "nog een andere zin")).unwrap_err();
    assert_eq!(refused_field(&old), (Some(Field::RecoveryCode), Some(RefusalCode::Mismatch)));
    gate.recover(&recover_input(&newer.code, "nog een andere zin")).expect("the newer code works");
}

#[test]
fn the_code_opens_a_restored_backup_made_under_an_earlier_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let (mut gate, path) = new_database(dir.path(), Some(PASSPHRASE));
    add(&mut gate, "Anna");
    let made = gate.make_recovery_code(&MakeRecoveryCodeInput { passphrase: PASSPHRASE.into() }).unwrap();
    let backup = gate.make_backup().unwrap();
    let second = "een tweede wachtwoordzin";
    change_passphrase(&mut gate, PASSPHRASE, second);
    add(&mut gate, "Bram");
    gate.restore(&RestoreInput { file: backup.file, passphrase: Some(PASSPHRASE.into()), ..Default::default() })
        .expect("restore");
    assert_eq!(names(&mut gate), vec!["Anna"]);
    gate.lock();
    drop(gate);
    let mut gate = Gate::new(&path);
    gate.recover(&recover_input(&made.code, "een nieuwe wachtwoordzin")).expect("the code follows the restore");
    assert_eq!(names(&mut gate), vec!["Anna"]);
}

#[test]
fn a_plain_database_has_no_recovery_code() {
    let dir = tempfile::tempdir().unwrap();
    let (mut gate, _) = new_database(dir.path(), None);
    let refused = gate.make_recovery_code(&MakeRecoveryCodeInput { passphrase: String::new() }).unwrap_err();
    assert_eq!(refused_field(&refused), (Some(Field::Passphrase), Some(RefusalCode::NotAllowed)));
    assert_eq!(gate.access().recovery_code_made_on, None);
}

#[test]
fn the_days_backup_is_checked_beside_the_app_and_finished_before_it_closes() {
    let dir = tempfile::tempdir().unwrap();
    let (gate, path) = new_database(dir.path(), Some(PASSPHRASE));
    drop(gate);
    // A copy cut off by a crash yesterday.
    let folder = dir.path().join(draagkracht_api::safety::BACKUP_FOLDER);
    std::fs::create_dir_all(&folder).unwrap();
    let stale = folder.join("draagkracht-2026-11-30T093000-daily.partial");
    std::fs::write(&stale, vec![0u8; 4096]).unwrap();

    // The window opens and closes at once: the day's backup is finished all the same.
    let mut gate = Gate::new(&path);
    gate.unlock(PASSPHRASE).unwrap();
    drop(gate);
    let names: Vec<String> =
        std::fs::read_dir(&folder).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().any(|n| n.ends_with("-daily.sqlite")), "{names:?}");
    assert!(!names.iter().any(|n| n.ends_with(".partial")), "no copy is left half-done: {names:?}");

    // A listing waits for the check and shows the backup.
    let mut gate = Gate::new(&path);
    gate.unlock(PASSPHRASE).unwrap();
    let daily = gate.backups().into_iter().filter(|b| b.kind == BackupKind::Daily).count();
    assert_eq!(daily, 1, "one a day");
}

#[test]
fn a_recovery_code_left_from_an_earlier_database_never_opens_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let (mut gate, path) = new_database(dir.path(), Some(PASSPHRASE));
    let old = gate.make_recovery_code(&MakeRecoveryCodeInput { passphrase: PASSPHRASE.into() }).unwrap();
    drop(gate);
    // The database is thrown away by hand; its recovery file stays behind.
    for suffix in ["", "-wal", "-shm", ".kdf.json"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let (mut gate, _) = new_database(dir.path(), Some(PASSPHRASE));
    assert_eq!(gate.access().recovery_code_made_on, None);
    let second = "een tweede wachtwoordzin";
    change_passphrase(&mut gate, PASSPHRASE, second);
    gate.lock();
    let refused = gate.recover(&recover_input(&old.code, "een derde wachtwoordzin")).unwrap_err();
    assert_eq!(refused_field(&refused), (Some(Field::RecoveryCode), Some(RefusalCode::Unknown)));
}

#[test]
fn a_backup_from_before_a_forgotten_passphrase_is_restored_with_the_code() {
    let dir = tempfile::tempdir().unwrap();
    let (mut gate, path) = new_database(dir.path(), Some(PASSPHRASE));
    add(&mut gate, "Anna");
    let made = gate.make_recovery_code(&MakeRecoveryCodeInput { passphrase: PASSPHRASE.into() }).unwrap();
    let backup = gate.make_backup().unwrap();
    let folder = dir.path().join(draagkracht_api::safety::BACKUP_FOLDER);
    assert!(folder.join(format!("{}.recovery.json", backup.file)).exists(), "the code travels with the backup");
    change_passphrase(&mut gate, PASSPHRASE, "een tweede wachtwoordzin");
    add(&mut gate, "Bram");

    // The first passphrase is forgotten. Without it the backup is refused; so is a wrong code.
    let needs = gate.restore(&RestoreInput { file: backup.file.clone(), ..Default::default() }).unwrap_err();
    assert_eq!(needs.field, Some(Field::Passphrase));
    let with_code = |code: &str| RestoreInput {
        file: backup.file.clone(),
        recovery_code: Some(code.into()),
        new_passphrase: Some("een derde wachtwoordzin".into()),
        repeat: Some("een derde wachtwoordzin".into()),
        ..Default::default()
    };
    let wrong = gate.restore(&with_code("0000-0000-0000-0000-0000")).unwrap_err();
    assert_eq!(refused_field(&wrong), (Some(Field::RecoveryCode), Some(RefusalCode::Mismatch)));
    assert_eq!(names(&mut gate), vec!["Anna", "Bram"], "a wrong code restored nothing");

    let access = gate.restore(&with_code(&made.code)).expect("restored with the code");
    assert_eq!(access.state, AccessState::Open);
    assert_eq!(names(&mut gate), vec!["Anna"]);
    gate.lock();
    drop(gate);
    let mut gate = Gate::new(&path);
    gate.unlock("een derde wachtwoordzin").expect("the new passphrase opens the restored data");
    gate.lock();
    gate.recover(&recover_input(&made.code, "een vierde wachtwoordzin")).expect("and the code still does");
}

#[test]
fn a_new_laptop_starts_from_a_backup_file_with_its_passphrase_or_the_code() {
    let dir = tempfile::tempdir().unwrap();
    let (mut gate, _) = new_database(dir.path().join("old").as_path(), Some(PASSPHRASE));
    add(&mut gate, "Anna");
    let made = gate.make_recovery_code(&MakeRecoveryCodeInput { passphrase: PASSPHRASE.into() }).unwrap();
    let stick = dir.path().join("stick");
    std::fs::create_dir_all(&stick).unwrap();
    let copy = stick.join("draagkracht-backup.sqlite");
    gate.backup_to(&copy).unwrap();
    drop(gate);

    // The new laptop: no database yet.
    let laptop = dir.path().join("laptop").join("draagkracht.sqlite");
    let mut gate = Gate::new(&laptop);
    assert_eq!(gate.access().state, AccessState::New);
    let input = |passphrase: Option<&str>| RestoreFileInput {
        path: copy.display().to_string(),
        passphrase: passphrase.map(String::from),
        ..Default::default()
    };
    let gone = gate.restore_file(&RestoreFileInput {
        path: stick.join("nope.sqlite").display().to_string(),
        ..Default::default()
    });
    assert_eq!(gone.unwrap_err().field, Some(Field::Path));
    assert_eq!(gate.restore_file(&input(None)).unwrap_err().code, ErrorCode::WrongPassphrase);
    assert_eq!(gate.restore_file(&input(Some("niet de goede zin"))).unwrap_err().code, ErrorCode::WrongPassphrase);
    assert!(!laptop.exists(), "a refused restore leaves the laptop empty");
    assert_eq!(gate.restore_file(&input(Some(PASSPHRASE))).expect("restored").state, AccessState::Open);
    assert_eq!(names(&mut gate), vec!["Anna"]);
    drop(gate);

    // Another laptop, with the passphrase forgotten: the code and a new one.
    let other = dir.path().join("other").join("draagkracht.sqlite");
    let mut gate = Gate::new(&other);
    let with_code = RestoreFileInput {
        path: copy.display().to_string(),
        recovery_code: Some(made.code.clone()),
        new_passphrase: Some("de zin van de andere laptop".into()),
        repeat: Some("de zin van de andere laptop".into()),
        ..Default::default()
    };
    assert_eq!(gate.restore_file(&with_code).expect("restored with the code").state, AccessState::Open);
    assert_eq!(names(&mut gate), vec!["Anna"]);
    gate.lock();
    gate.unlock("de zin van de andere laptop").expect("the new passphrase opens it");
}
