//! Sharing a branch between laptops through a shared folder: joining, hours logged on one laptop
//! seen on the other, edits made apart converging with the losing value kept, bad batches
//! refused with a clear word, and a property test of many laptops syncing in random orders.

use chrono::{Duration, Utc};
use draagkracht_api::wire::{ProgrammeId, VolunteerFilter, VolunteerId, VolunteerInput};
use draagkracht_api::{Draagkracht, ErrorCode};
use draagkracht_core::Field;
use draagkracht_store::sync::snapshot;
use draagkracht_tests::{date, hours_input, volunteer_input, TempApp};
use rand::{seq::SliceRandom, Rng, SeedableRng};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A laptop: its own database file, and the shared folder it syncs with.
struct Laptop {
    t: TempApp,
    name: String,
}

impl Laptop {
    fn app(&mut self) -> &mut Draagkracht {
        &mut self.t.app
    }

    /// This laptop's id among the branch's laptops.
    fn id(&mut self) -> String {
        self.app().sharing_status().unwrap().devices.into_iter().find(|d| d.this_laptop).unwrap().id
    }

    /// Whether a volunteer of that name is here.
    fn has_volunteer(&mut self, name: &str) -> bool {
        let today = date(2026, 12, 1);
        self.app().volunteers(&VolunteerFilter::default(), today).unwrap().iter().any(|v| v.name == name)
    }

    /// A copy of this laptop (its database file) that syncs with `folder` instead: the property
    /// test starts each case from copies of one branch, as joining costs two Argon2id runs.
    fn copy_to(&self, folder: &Path) -> Laptop {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draagkracht.sqlite");
        let conn = draagkracht_store::Connection::open(self.t.db_path()).unwrap();
        conn.execute("VACUUM INTO ?1", [path.display().to_string()]).unwrap();
        let mut app = Draagkracht::open(&path).unwrap();
        app.share_in_folder(folder, &self.name, Utc::now()).unwrap();
        Laptop { t: TempApp { app, dir }, name: self.name.clone() }
    }
}

/// Copies a shared folder, file by file.
fn copy_folder(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The first laptop, sharing in `folder`, and `others` laptops that joined it with a code each.
fn branch(folder: &Path, others: usize) -> Vec<Laptop> {
    branch_at(&folder.display().to_string(), others)
}

/// The same at any place: a folder, or a server address.
fn branch_at(target: &str, others: usize) -> Vec<Laptop> {
    let mut first = Laptop { t: TempApp::new(), name: "Laptop Anna".into() };
    first.app().set_up(draagkracht_api::wire::SetupChoice::Empty, date(2026, 12, 1)).unwrap();
    first.app().share(target, "Laptop Anna", Utc::now()).unwrap();
    let mut laptops = vec![first];
    for i in 0..others {
        let code = laptops[0].app().invite(Utc::now()).unwrap().code;
        let name = format!("Laptop {}", ["Bram", "Carla", "Dirk", "Eva"][i]);
        let mut next = Laptop { t: TempApp::new(), name: name.clone() };
        next.app().join(target, &code, &name, Utc::now(), |_, _| {}).unwrap();
        laptops.push(next);
    }
    laptops
}

/// The shared data of a laptop, table by table, rows sorted: what must end up identical.
fn shared_state(laptop: &Laptop) -> BTreeMap<String, Vec<String>> {
    let conn = draagkracht_store::Connection::open(laptop.t.db_path()).unwrap();
    let snap = snapshot::take(&conn).unwrap();
    snap.tables
        .into_iter()
        .map(|t| {
            let mut rows: Vec<String> = t.rows.iter().map(|r| serde_json::to_string(r).unwrap()).collect();
            rows.sort();
            (t.name, rows)
        })
        .collect()
}

fn sound(laptop: &Laptop) {
    let conn = draagkracht_store::Connection::open(laptop.t.db_path()).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok", "{}", laptop.name);
    let report = draagkracht_api::Draagkracht::open(&laptop.t.db_path()).unwrap().check().unwrap();
    assert!(report.sound, "{} is sound after syncing: {:?}", laptop.name, report);
}

#[test]
fn hours_logged_on_one_laptop_are_seen_on_the_other() {
    let folder = tempfile::tempdir().unwrap();
    let today = date(2026, 12, 1);
    let mut laptops = branch(folder.path(), 1);
    let admin = laptops[0].t.programme("Thuisadministratie");
    assert_eq!(
        laptops[1].t.programme("Thuisadministratie"),
        admin,
        "the joined laptop has the branch's programmes, not its own"
    );

    let anna =
        laptops[0].app().create_volunteer(&volunteer_input("Anna de Vries", "active", vec![admin]), today).unwrap();
    laptops[0].app().sync(Utc::now()).unwrap();
    let report = laptops[1].app().sync(Utc::now()).unwrap();
    assert!(report.received_changes > 0 && report.problems.is_empty(), "{report:?}");

    laptops[1].app().log_hours(&hours_input(anna.id, "28-11-2026", "2,5", admin, "support"), today).unwrap();
    assert!(laptops[1].app().sharing_status().unwrap().changes_waiting > 0, "the entry waits to be sent");
    laptops[1].app().sync(Utc::now()).unwrap();
    assert_eq!(laptops[1].app().sharing_status().unwrap().changes_waiting, 0, "sent");
    laptops[0].app().sync(Utc::now()).unwrap();
    assert_eq!(
        laptops[0].app().volunteer(anna.id, today).unwrap().totals.this_month,
        0,
        "November's hours are not December's"
    );
    let rows = laptops[0].app().volunteers(&VolunteerFilter::default(), today).unwrap();
    assert_eq!(rows[0].minutes_last_four_weeks, 150, "Anna's 2,5 hours logged on the other laptop are here");
    assert_eq!(shared_state(&laptops[0]), shared_state(&laptops[1]));

    // A branch setting travels too: the plausible day set on one laptop asks on the other.
    let settings = draagkracht_api::wire::SupportSettingsInput {
        vog_years: "3".into(),
        per_hour_21_plus: "5,60".into(),
        per_hour_under_21: "3,30".into(),
        per_month: "210".into(),
        per_year: "2100".into(),
        plausible_day_hours: Some("6".into()),
    };
    laptops[0].app().set_support_settings(&settings, today).unwrap();
    laptops[0].app().sync(Utc::now()).unwrap();
    laptops[1].app().sync(Utc::now()).unwrap();
    assert_eq!(laptops[1].app().support_settings().unwrap().plausible_day_hours, 6);
    let seven = hours_input(anna.id, "27-11-2026", "7", admin, "support");
    assert_eq!(laptops[1].app().log_hours(&seven, today).unwrap_err().code, draagkracht_api::ErrorCode::LongDay);

    let devices = laptops[0].app().sharing_status().unwrap().devices;
    assert_eq!(devices.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(), ["Laptop Anna", "Laptop Bram"]);
    assert!(devices.iter().any(|d| d.this_laptop && d.name == "Laptop Anna"));
    laptops.iter().for_each(sound);
}

#[test]
fn a_laptop_that_joins_later_gets_what_was_written_after_the_invitation() {
    let folder = tempfile::tempdir().unwrap();
    let today = date(2026, 12, 1);
    let mut laptops = branch(folder.path(), 0);
    let admin = laptops[0].t.programme("Thuisadministratie");
    let code = laptops[0].app().invite(Utc::now()).unwrap().code;
    // After the invitation (and its snapshot), the first laptop works on and syncs alone.
    let late =
        laptops[0].app().create_volunteer(&volunteer_input("Na de uitnodiging", "active", vec![admin]), today).unwrap();
    laptops[0].app().sync(Utc::now()).unwrap();
    laptops[0].app().sync(Utc::now()).unwrap();
    let mut joining = Laptop { t: TempApp::new(), name: "Laptop Bram".into() };
    joining.app().join_from_folder(folder.path(), &code, "Laptop Bram", Utc::now(), |_, _| {}).unwrap();
    assert!(
        joining.app().volunteers(&VolunteerFilter::default(), today).unwrap().iter().any(|v| v.id == late.id),
        "no batch is deleted while an invitation is open"
    );
}

#[test]
fn an_edit_to_a_row_removed_apart_is_kept_as_the_other_version_and_can_bring_it_back() {
    use draagkracht_api::wire::{ThresholdInput, ThresholdKey};
    let folder = tempfile::tempdir().unwrap();
    let today = date(2026, 12, 1);
    let mut laptops = branch(folder.path(), 1);
    let admin = laptops[0].t.programme("Thuisadministratie");
    let input =
        |value: &str| ThresholdInput { programme_id: admin, key: ThresholdKey::GreyZoneCount, value: value.into() };
    laptops[0].app().set_threshold(&input("3"), today).unwrap();
    for i in [0, 1] {
        laptops[i].app().sync(Utc::now()).unwrap();
    }
    // Apart: Anna's laptop puts the threshold back to its default (the row goes), Bram's sets 5.
    laptops[0].app().set_threshold(&input(""), today).unwrap();
    laptops[1].app().set_threshold(&input("5"), today).unwrap();
    for i in [0, 1, 0, 1] {
        laptops[i].app().sync(Utc::now()).unwrap();
    }
    assert_eq!(shared_state(&laptops[0]), shared_state(&laptops[1]), "the removal stands everywhere");
    let versions = laptops[0].app().two_versions().unwrap();
    let removed = versions.iter().find(|v| v.field == "_row").expect("the edit to the removed row is kept");
    assert!(removed.other.contains('5'), "{removed:?}");
    assert_eq!(removed.other_by, "Laptop Bram");

    laptops[0].app().settle_two_versions(removed.id, true, Utc::now()).unwrap();
    for i in [0, 1] {
        laptops[i].app().sync(Utc::now()).unwrap();
    }
    assert_eq!(shared_state(&laptops[0]), shared_state(&laptops[1]));
    let grey = |l: &mut Laptop| {
        l.app()
            .programme_thresholds(admin)
            .unwrap()
            .into_iter()
            .find(|t| t.key == ThresholdKey::GreyZoneCount)
            .unwrap()
            .value
    };
    assert_eq!(grey(&mut laptops[1]), 5.0, "the row is back, with Bram's value, on both laptops");
}

#[test]
fn an_allowance_recorded_apart_on_two_laptops_is_one_row_with_two_versions() {
    use draagkracht_api::wire::SupportInput;
    let folder = tempfile::tempdir().unwrap();
    let today = date(2026, 12, 1);
    let mut laptops = branch(folder.path(), 1);
    let admin = laptops[0].t.programme("Thuisadministratie");
    let vera = laptops[0].app().create_volunteer(&volunteer_input("Vera", "active", vec![admin]), today).unwrap().id;
    for i in [0, 1] {
        laptops[i].app().sync(Utc::now()).unwrap();
    }
    let allowance = |amount: &str| SupportInput::Allowance { month: "11-2026".into(), amount: amount.into() };
    laptops[0].app().record_support(vera, &allowance("25"), today).unwrap();
    laptops[1].app().record_support(vera, &allowance("30"), today).unwrap();
    for i in [0, 1, 0] {
        let report = laptops[i].app().sync(Utc::now()).unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }
    assert_eq!(shared_state(&laptops[0]), shared_state(&laptops[1]), "one allowance row, the same everywhere");
    let versions = laptops[0].app().two_versions().unwrap();
    assert!(versions.iter().any(|v| v.field == "amount_cents"), "the other amount is kept: {versions:?}");
}

#[test]
fn an_edit_made_apart_converges_and_the_other_version_can_be_put_back() {
    let folder = tempfile::tempdir().unwrap();
    let today = date(2026, 12, 1);
    let mut laptops = branch(folder.path(), 1);
    let admin = laptops[0].t.programme("Thuisadministratie");
    let anna =
        laptops[0].app().create_volunteer(&volunteer_input("Anna de Vries", "active", vec![admin]), today).unwrap();
    laptops[0].app().sync(Utc::now()).unwrap();
    laptops[1].app().sync(Utc::now()).unwrap();

    // Apart: both laptops change Anna's phone number.
    let with_phone =
        |phone: &str| VolunteerInput { phone: phone.into(), ..volunteer_input("Anna de Vries", "active", vec![admin]) };
    laptops[0].app().update_volunteer(anna.id, &with_phone("06 11111111"), today).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(3));
    laptops[1].app().update_volunteer(anna.id, &with_phone("06 22222222"), today).unwrap();
    for i in [0, 1, 0] {
        laptops[i].app().sync(Utc::now()).unwrap();
    }
    let phone = |l: &mut Laptop| l.app().volunteer(anna.id, today).unwrap().volunteer.phone;
    assert_eq!(phone(&mut laptops[0]).as_deref(), Some("06 22222222"), "the later edit wins everywhere");
    assert_eq!(phone(&mut laptops[1]).as_deref(), Some("06 22222222"));
    for l in laptops.iter_mut() {
        let versions = l.app().two_versions().unwrap();
        assert_eq!(versions.len(), 1, "{}: exactly the phone number, not the bookkeeping: {versions:?}", l.name);
        let v = &versions[0];
        assert_eq!((v.field.as_str(), v.kept.as_str(), v.other.as_str()), ("phone", "06 22222222", "06 11111111"));
        assert_eq!((v.kept_by.as_str(), v.other_by.as_str()), ("Laptop Bram", "Laptop Anna"));
    }

    // Anna's number was right after all: put back on Bram's laptop, it travels.
    let id = laptops[1].app().two_versions().unwrap()[0].id;
    laptops[1].app().settle_two_versions(id, true, Utc::now()).unwrap();
    assert!(laptops[1].app().two_versions().unwrap().is_empty());
    laptops[1].app().sync(Utc::now()).unwrap();
    laptops[0].app().sync(Utc::now()).unwrap();
    assert_eq!(phone(&mut laptops[0]).as_deref(), Some("06 11111111"));
    assert_eq!(shared_state(&laptops[0]), shared_state(&laptops[1]));
}

#[test]
fn a_wrong_or_expired_code_and_a_used_database_change_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let mut laptops = branch(folder.path(), 0);
    let code = laptops[0].app().invite(Utc::now()).unwrap().code;
    let mut other = TempApp::new();
    let mut wrong = code.clone().into_bytes();
    wrong[6] = if wrong[6] == b'A' { b'B' } else { b'A' };
    let e = other
        .app
        .join_from_folder(folder.path(), std::str::from_utf8(&wrong).unwrap(), "B", Utc::now(), |_, _| {})
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::WrongPassphrase, "{e:?}");
    assert_eq!(e.field, Some(Field::RecoveryCode), "the form shows it at the code");
    let e = other.app.join_from_folder(folder.path(), "ABC", "B", Utc::now(), |_, _| {}).unwrap_err();
    assert_eq!((e.code, e.field), (ErrorCode::InvalidInput, Some(Field::RecoveryCode)));
    let e =
        other.app.join_from_folder(folder.path(), &code, "B", Utc::now() + Duration::days(2), |_, _| {}).unwrap_err();
    assert!(e.message.contains("verlopen"), "{e:?}");
    assert_eq!(e.field, Some(Field::RecoveryCode));
    let e = other.app.join_from_folder(folder.path(), &code, " ", Utc::now(), |_, _| {}).unwrap_err();
    assert_eq!(e.field, Some(Field::Name), "{e:?}");
    assert!(!other.app.sharing_status().unwrap().sharing, "nothing changed");

    let mut used = TempApp::new();
    used.app.set_up(draagkracht_api::wire::SetupChoice::Empty, date(2026, 12, 1)).unwrap();
    let e = used.app.join_from_folder(folder.path(), &code, "C", Utc::now(), |_, _| {}).unwrap_err();
    assert!(e.message.contains("al in gebruik"), "{e:?}");

    let missing = folder.path().join("usb-stick-not-plugged-in");
    let e = laptops[0].app().share_in_folder(&missing, "A", Utc::now()).unwrap_err();
    assert!(e.message.contains("niet bereikbaar"), "{e:?}");
    assert_eq!(e.code, ErrorCode::Unreachable, "the window says \"not reachable\", not \"failed\"");
    assert_eq!(e.field, None, "said above the form: the folder may be right, the stick not plugged in");
}

/// Anna's, Bram's and Carla's laptops at `target`, each having seen the others; the first
/// programme's id, and Carla's laptop's id.
fn three_in_step(target: &str) -> (Vec<Laptop>, ProgrammeId, String) {
    let mut laptops = branch_at(target, 2);
    for i in [0, 1, 2, 0] {
        laptops[i].app().sync(Utc::now()).unwrap();
    }
    let admin = laptops[0].t.programme("Thuisadministratie");
    let carla = laptops[2].id();
    (laptops, admin, carla)
}

/// Every batch file of a laptop in the folder.
fn batch_files(folder: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    for branch in std::fs::read_dir(folder).unwrap().flatten() {
        for laptop in std::fs::read_dir(branch.path()).unwrap().flatten() {
            for f in std::fs::read_dir(laptop.path()).unwrap().flatten() {
                if f.path().extension().is_some_and(|e| e == "dkb") {
                    out.push(f.path());
                }
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_damaged_forged_or_misfiled_batch_is_refused_and_nothing_is_lost() {
    let folder = tempfile::tempdir().unwrap();
    let today = date(2026, 12, 1);
    let mut laptops = branch(folder.path(), 1);
    let admin = laptops[0].t.programme("Thuisadministratie");
    laptops[0].app().create_volunteer(&volunteer_input("Anna de Vries", "active", vec![admin]), today).unwrap();
    laptops[0].app().sync(Utc::now()).unwrap();
    let anna = laptops[0].id();
    let batch =
        batch_files(folder.path()).into_iter().find(|p| p.parent().unwrap().ends_with(&anna)).expect("Anna's batch");

    // A flipped byte: refused with a clear word, the chain waits, the database is sound. In the
    // sealed part the branch key notices; in the signature at the end, the signature check.
    let original = std::fs::read(&batch).unwrap();
    for (at, words) in [(original.len() - 100, "beschadigd, vervalst"), (original.len() - 1, "niet ondertekend")] {
        let mut damaged = original.clone();
        damaged[at] ^= 0x40;
        std::fs::write(&batch, &damaged).unwrap();
        let report = laptops[1].app().sync(Utc::now()).unwrap();
        assert_eq!(report.received_batches, 0);
        assert!(report.problems[0].message.contains(words), "{:?}", report.problems);
        sound(&laptops[1]);
    }

    // A batch copied under another number (a replay) is refused too.
    std::fs::write(&batch, &original).unwrap();
    let replay = batch.with_file_name("b-000000000099.dkb");
    std::fs::write(&replay, &original).unwrap();
    let report = laptops[1].app().sync(Utc::now()).unwrap();
    assert_eq!(report.received_batches, 1, "the real batch applies once it is whole again");
    std::fs::remove_file(&replay).unwrap();

    // A batch of another branch (same folder layout) is refused by its header.
    let other_folder = tempfile::tempdir().unwrap();
    // With a second laptop that has not synced yet, the stranger's batch stays in its folder.
    let mut stranger = branch(other_folder.path(), 1);
    let p = stranger[0].t.programme("Maatje");
    stranger[0].app().create_volunteer(&volunteer_input("Vreemde", "active", vec![p]), today).unwrap();
    stranger[0].app().sync(Utc::now()).unwrap();
    let foreign = std::fs::read(&batch_files(other_folder.path())[0]).unwrap();
    let next = batch.with_file_name("b-000000000002.dkb");
    std::fs::write(&next, &foreign).unwrap();
    let report = laptops[1].app().sync(Utc::now()).unwrap();
    assert!(report.problems.iter().any(|p| p.message.contains("andere afdeling")), "{:?}", report.problems);
    assert!(laptops[1]
        .app()
        .volunteers(&VolunteerFilter::default(), today)
        .unwrap()
        .iter()
        .all(|v| v.name != "Vreemde"));
    sound(&laptops[1]);
}

#[test]
fn a_laptop_of_the_branch_cannot_write_under_another_laptops_name() {
    use draagkracht_core::sync::BatchBody;
    use draagkracht_store::sync::{seal, signature, state};
    let folder = tempfile::tempdir().unwrap();
    let today = date(2026, 12, 1);
    let mut laptops = branch(folder.path(), 2);
    let admin = laptops[0].t.programme("Thuisadministratie");
    laptops[0].app().create_volunteer(&volunteer_input("Anna de Vries", "active", vec![admin]), today).unwrap();
    for i in [0, 2, 1] {
        laptops[i].app().sync(Utc::now()).unwrap();
    }
    let anna = laptops[0].app().sharing_status().unwrap().devices.into_iter().find(|d| d.this_laptop).unwrap();

    // Bram's laptop holds the branch key and may write in the folder: it seals a batch that names
    // Anna's laptop as its writer (her next number, a volunteer of its own making) and signs it
    // with its own key, carrying its own verifying key.
    let conn = draagkracht_store::Connection::open(laptops[1].t.db_path()).unwrap();
    let me = state::require(&conn).unwrap();
    let key = state::key(&conn, me.epoch).unwrap().unwrap();
    let mut after = state::seen(&conn).unwrap();
    after.retain(|_, s| *s > 0);
    let body = BatchBody {
        device_name: anna.name.clone(),
        written_at: "2026-12-01T10:00:00Z".into(),
        after,
        ops: vec![],
        public_key: None,
        verify_key: Some(signature::own_verify_hex(&conn).unwrap()),
    };
    let seq = anna.batches + 1;
    let header = seal::Header {
        kind: seal::Kind::Batch,
        branch: me.branch_id,
        node: draagkracht_core::sync::NodeId::parse(&anna.id).unwrap(),
        seq,
        epoch: me.epoch,
    };
    let forged = signature::sign(&conn, seal::seal(&key, &header, &serde_json::to_vec(&body).unwrap())).unwrap();
    let anna_dir = batch_files(folder.path()).into_iter().find(|p| p.parent().unwrap().ends_with(&anna.id)).unwrap();
    std::fs::write(anna_dir.with_file_name(format!("b-{seq:012}.dkb")), &forged).unwrap();

    // Carla's laptop refuses it, naming Anna's laptop and the number; nothing of it is applied.
    let report = laptops[2].app().sync(Utc::now()).unwrap();
    assert_eq!(report.received_batches, 0, "{report:?}");
    assert!(
        report.problems.iter().any(|p| p.message.contains("niet ondertekend") && p.batch == Some(seq)),
        "{:?}",
        report.problems
    );
    let carla = draagkracht_store::Connection::open(laptops[2].t.db_path()).unwrap();
    assert_eq!(
        signature::known(&carla, draagkracht_core::sync::NodeId::parse(&anna.id).unwrap()).unwrap(),
        state::devices(&draagkracht_store::Connection::open(laptops[0].t.db_path()).unwrap())
            .unwrap()
            .into_iter()
            .find(|d| d.node.to_string() == anna.id)
            .unwrap()
            .verify_key,
        "Anna's own key stays the one kept for her"
    );
    sound(&laptops[2]);
}

#[test]
fn a_laptop_whose_clock_is_a_day_fast_is_named_and_its_changes_still_merge() {
    let folder = tempfile::tempdir().unwrap();
    let today = date(2026, 12, 1);
    let mut laptops = branch(folder.path(), 1);
    let admin = laptops[0].t.programme("Thuisadministratie");
    laptops[1].app().set_wall_clock_for_tests(|| draagkracht_store::sync::system_ms() + 24 * 3600 * 1000);
    laptops[1].app().create_volunteer(&volunteer_input("Bea Bakker", "active", vec![admin]), today).unwrap();
    laptops[1].app().sync(Utc::now()).unwrap();
    let report = laptops[0].app().sync(Utc::now()).unwrap();
    assert!(
        report.problems.iter().any(|p| p.message.contains("voorloopt") && p.device == "Laptop Bram"),
        "{:?}",
        report.problems
    );
    assert!(laptops[0].has_volunteer("Bea Bakker"));
    // An edit made afterwards on the laptop with the right clock still orders after what it saw.
    let bea = laptops[0].app().volunteers(&VolunteerFilter::default(), today).unwrap()[0].id;
    let input = VolunteerInput { phone: "06 12345678".into(), ..volunteer_input("Bea Bakker", "active", vec![admin]) };
    laptops[0].app().update_volunteer(bea, &input, today).unwrap();
    laptops[0].app().sync(Utc::now()).unwrap();
    laptops[1].app().sync(Utc::now()).unwrap();
    assert_eq!(laptops[1].app().volunteer(bea, today).unwrap().volunteer.phone.as_deref(), Some("06 12345678"));
}

#[test]
fn a_signal_resolved_on_one_laptop_is_resolved_on_the_other() {
    use draagkracht_api::wire::{Resolution, SignalAction, SignalActionInput, SignalStatus};
    let folder = tempfile::tempdir().unwrap();
    // Syncing evaluates signals as of the real today: the hours are logged relative to it.
    let today = chrono::Local::now().date_naive();
    let mut laptops = branch(folder.path(), 1);
    let admin = laptops[0].t.programme("Thuisadministratie");
    let anna = laptops[0].t.ready_volunteer("Anna", vec![admin], today);
    for days_ago in 1..=3 {
        let day = (today - Duration::days(days_ago)).format("%d-%m-%Y").to_string();
        laptops[0].app().log_hours(&hours_input(anna.id, &day, "10", admin, "support"), today).unwrap();
    }
    let on_a = laptops[0].app().volunteer_signals(anna.id).unwrap();
    assert!(!on_a.is_empty(), "30 hours in three days is more than agreed");
    laptops[0].app().sync(Utc::now()).unwrap();
    laptops[1].app().sync(Utc::now()).unwrap();
    let on_b = laptops[1].app().volunteer_signals(anna.id).unwrap();
    assert_eq!(
        on_b.iter().map(|s| s.rule).collect::<Vec<_>>(),
        on_a.iter().map(|s| s.rule).collect::<Vec<_>>(),
        "the other laptop computes the same signals"
    );

    let resolve = SignalActionInput {
        action: SignalAction::Resolve,
        resolution: Some(Resolution::HoursReduced),
        note: "Afgesproken: minder uren".into(),
        date: today.format("%d-%m-%Y").to_string(),
    };
    laptops[0].app().act_on_signal(on_a[0].id, &resolve, today).unwrap();
    laptops[0].app().sync(Utc::now()).unwrap();
    laptops[1].app().sync(Utc::now()).unwrap();
    let on_b = laptops[1].app().volunteer_signals(anna.id).unwrap();
    let same = on_b.iter().find(|s| s.rule == on_a[0].rule).unwrap();
    assert_eq!(same.status, SignalStatus::Resolved, "the act travelled: {on_b:?}");
    let detail = laptops[1].app().signal(same.id, today).unwrap();
    assert_eq!(detail.signal.resolution, Some(Resolution::HoursReduced));
    assert!(detail.history.iter().any(|e| e.note.as_deref() == Some("Afgesproken: minder uren")), "with its note");
}

/// Every place in a laptop's database where `needle` is still written (table.column), sync tables
/// included.
fn still_written(laptop: &Laptop, needle: &str) -> Vec<String> {
    let conn = draagkracht_store::Connection::open(laptop.t.db_path()).unwrap();
    let mut tables =
        conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").unwrap();
    let tables: Vec<String> = tables.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    let mut found = vec![];
    for table in tables {
        let mut cols = conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')")).unwrap();
        let cols: Vec<String> = cols.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        for col in cols {
            let n: i64 = conn
                .query_row(
                    &format!("SELECT count(*) FROM \"{table}\" WHERE instr(CAST(\"{col}\" AS TEXT), ?1) > 0"),
                    [needle],
                    |r| r.get(0),
                )
                .unwrap();
            if n > 0 {
                found.push(format!("{table}.{col}"));
            }
        }
    }
    found
}

/// Everything in the shared folder, decrypted with the branch key, as text; the raw bytes must
/// hold no plaintext at all.
fn folder_contents(laptop: &Laptop, folder: &Path) -> String {
    use draagkracht_store::sync::{batches, seal, signature, state};
    let conn = draagkracht_store::Connection::open(laptop.t.db_path()).unwrap();
    let key = state::key(&conn, 1).unwrap().unwrap();
    let verify_keys =
        state::devices(&conn).unwrap().into_iter().filter_map(|d| d.verify_key.map(|k| (d.node, k))).collect();
    let mut text = String::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            assert!(!String::from_utf8_lossy(&bytes).contains("Bram Jansen"), "{} holds plaintext", path.display());
            match path.extension().and_then(|e| e.to_str()) {
                Some("dkb") => text += &format!("{:?}", batches::open_batch(&conn, &bytes).unwrap().1),
                Some("dks") if path.file_name().unwrap() == "snapshot.dks" => {
                    text += &format!("{:?}", batches::open_snapshot(&key, &bytes, &verify_keys).unwrap().1)
                }
                // "Applied" files are sealed and signed; key files and invitations are not sealed
                // with the branch key (the raw check above covers them).
                Some("dks") => {
                    let (sealed, _) = signature::split(&bytes).unwrap();
                    text += &String::from_utf8_lossy(&seal::open(&key, sealed).unwrap().1)
                }
                _ => {}
            }
        }
    }
    text
}

#[test]
fn an_erasure_on_one_laptop_erases_on_every_laptop_and_drops_later_changes() {
    use draagkracht_api::wire::PersonRef;
    let folder = tempfile::tempdir().unwrap();
    let today = date(2026, 12, 1);
    let mut laptops = branch(folder.path(), 2);
    let admin = laptops[0].t.programme("Thuisadministratie");
    let anna_input = VolunteerInput {
        email: "anna@example.org".into(),
        phone: "06 12345678".into(),
        ..volunteer_input("Anna de Vries", "active", vec![admin])
    };
    let anna = laptops[0].app().create_volunteer(&anna_input, today).unwrap();
    let bram =
        laptops[0].app().create_volunteer(&volunteer_input("Bram Jansen", "active", vec![admin]), today).unwrap();
    let mut about_anna = hours_input(bram.id, "20-11-2026", "1", admin, "meeting");
    about_anna.note = "Overleg met Anna de Vries".into();
    laptops[0].app().log_hours(&about_anna, today).unwrap();
    for i in [0, 1, 2] {
        laptops[i].app().sync(Utc::now()).unwrap();
    }
    assert!(!still_written(&laptops[2], "Anna de Vries").is_empty(), "the name travelled before the erasure");
    // Two phone numbers for Anna made apart: one of them waits in "Twee versies".
    laptops[0]
        .app()
        .update_volunteer(anna.id, &VolunteerInput { phone: "06 11112222".into(), ..anna_input.clone() }, today)
        .unwrap();
    laptops[2]
        .app()
        .update_volunteer(anna.id, &VolunteerInput { phone: "06 33334444".into(), ..anna_input.clone() }, today)
        .unwrap();
    for i in [0, 2, 0, 2] {
        laptops[i].app().sync(Utc::now()).unwrap();
    }
    assert_eq!(laptops[0].app().two_versions().unwrap().len(), 1, "a second version holds a number of Anna's");

    // Apart: Bram's laptop changes Anna's phone and notes her hours; Anna is erased on the first.
    let changed = VolunteerInput { phone: "06 87654321".into(), ..anna_input.clone() };
    laptops[1].app().update_volunteer(anna.id, &changed, today).unwrap();
    let mut note = hours_input(anna.id, "21-11-2026", "2", admin, "support");
    note.note = "Anna de Vries had het zwaar".into();
    laptops[1].app().log_hours(&note, today).unwrap();
    laptops[0].app().erase_person(PersonRef::Volunteer(anna.id), today).unwrap();

    for _ in 0..3 {
        for i in [0, 1, 2] {
            let report = laptops[i].app().sync(Utc::now()).unwrap();
            assert!(report.problems.is_empty(), "{:?}", report.problems);
        }
    }
    let in_folder = folder_contents(&laptops[0], folder.path());
    for needle in ["Anna de Vries", "anna@example.org", "06 12345678", "06 87654321", "06 11112222", "06 33334444"] {
        for laptop in &laptops {
            assert_eq!(
                still_written(laptop, needle),
                Vec::<String>::new(),
                "{}: {needle} is gone everywhere",
                laptop.name
            );
        }
        assert!(!in_folder.contains(needle), "{needle} is gone from the shared folder too, decrypted: {in_folder}");
    }
    assert_eq!(shared_state(&laptops[0]), shared_state(&laptops[1]));
    assert_eq!(shared_state(&laptops[0]), shared_state(&laptops[2]));
    let rows = laptops[2].app().volunteers(&VolunteerFilter::default(), today).unwrap();
    let erased = rows.iter().find(|r| r.id == anna.id).unwrap();
    assert!(erased.name.starts_with("Gewist"), "{}", erased.name);
    assert_eq!(erased.minutes_last_four_weeks, 120, "her hours still count, without the note");
}

#[test]
fn a_removed_laptop_reads_nothing_written_after_and_is_no_longer_heard() {
    let folder = tempfile::tempdir().unwrap();
    removal(&folder.path().display().to_string());
}

/// Carla's laptop is stolen and removed: what is written after is unreadable to it, said plainly,
/// and what it writes is no longer taken in, wherever the laptops meet.
fn removal(target: &str) {
    let today = date(2026, 12, 1);
    let (mut laptops, admin, carla) = three_in_step(target);

    // Carla's laptop is stolen: removed on Anna's laptop.
    let must_reinvite = laptops[0].app().remove_laptop(&carla, Utc::now()).unwrap();
    assert!(must_reinvite.is_empty(), "Bram's laptop had synced, so its key was known: {must_reinvite:?}");
    let secret =
        laptops[0].app().create_volunteer(&volunteer_input("Na de diefstal", "active", vec![admin]), today).unwrap();
    laptops[0].app().sync(Utc::now()).unwrap();
    let report = laptops[1].app().sync(Utc::now()).unwrap();
    assert!(report.problems.is_empty(), "Bram's laptop takes the new key: {:?}", report.problems);
    assert!(laptops[1].app().volunteers(&VolunteerFilter::default(), today).unwrap().iter().any(|v| v.id == secret.id));

    // The stolen laptop: what comes after is unreadable, said plainly; what it writes is ignored.
    laptops[2].app().create_volunteer(&volunteer_input("Van de dief", "active", vec![admin]), today).unwrap();
    // In a folder its batches stay unreadable to it; the server refuses it outright.
    match laptops[2].app().sync(Utc::now()) {
        Ok(report) => assert!(report.problems.iter().any(|p| p.message.contains("sleutel 2")), "{:?}", report.problems),
        Err(e) => assert!(e.message.contains("uit de afdeling verwijderd"), "{e:?}"),
    }
    assert!(laptops[2].app().volunteers(&VolunteerFilter::default(), today).unwrap().iter().all(|v| v.id != secret.id));
    for i in [0, 1] {
        laptops[i].app().sync(Utc::now()).unwrap();
        let names: Vec<String> = laptops[i]
            .app()
            .volunteers(&VolunteerFilter::default(), today)
            .unwrap()
            .into_iter()
            .map(|v| v.name)
            .collect();
        assert!(!names.contains(&"Van de dief".to_string()), "{names:?}");
        let removed = laptops[i].app().sharing_status().unwrap().devices.into_iter().find(|d| d.id == carla).unwrap();
        assert!(removed.removed, "{} knows the laptop was removed", laptops[i].name);
    }
    assert_eq!(shared_state(&laptops[0]), shared_state(&laptops[1]));
}

#[test]
fn what_a_laptop_delivered_before_its_removal_still_reaches_everyone() {
    let folder = tempfile::tempdir().unwrap();
    let today = date(2026, 12, 1);
    let mut laptops = branch(folder.path(), 2);
    for i in [0, 1, 2, 0, 1] {
        laptops[i].app().sync(Utc::now()).unwrap();
    }
    let admin = laptops[0].t.programme("Thuisadministratie");
    laptops[2].app().create_volunteer(&volunteer_input("Van Carla", "active", vec![admin]), today).unwrap();
    laptops[2].app().sync(Utc::now()).unwrap();
    // Anna's laptop takes Carla's batch in, writes on top of it, then removes Carla's laptop.
    laptops[0].app().sync(Utc::now()).unwrap();
    laptops[0].app().create_volunteer(&volunteer_input("Van Anna", "active", vec![admin]), today).unwrap();
    let carla = laptops[2].id();
    laptops[0].app().remove_laptop(&carla, Utc::now()).unwrap();
    laptops[0].app().sync(Utc::now()).unwrap();
    let report = laptops[1].app().sync(Utc::now()).unwrap();
    assert!(report.problems.is_empty() && report.waiting_batches == 0, "{report:?}");
    assert_eq!(
        shared_state(&laptops[0]),
        shared_state(&laptops[1]),
        "Bram's laptop got Carla's earlier batch and Anna's after it"
    );
}

#[test]
fn a_laptop_invited_right_after_a_removal_reads_what_was_sealed_before_it() {
    let folder = tempfile::tempdir().unwrap();
    let today = date(2026, 12, 1);
    let (mut laptops, admin, carla) = three_in_step(&folder.path().display().to_string());
    laptops[0].app().remove_laptop(&carla, Utc::now()).unwrap();
    let code = laptops[0].app().invite(Utc::now()).unwrap().code;
    // Bram's laptop has not heard of the removal: its next batch is sealed with the old key.
    laptops[1].app().create_volunteer(&volunteer_input("Van Bram", "active", vec![admin]), today).unwrap();
    laptops[1].app().sync(Utc::now()).unwrap();
    let mut joining = Laptop { t: TempApp::new(), name: "Laptop Dirk".into() };
    joining.app().join_from_folder(folder.path(), &code, "Laptop Dirk", Utc::now(), |_, _| {}).unwrap();
    let report = joining.app().sync(Utc::now()).unwrap();
    assert!(report.problems.is_empty() && report.waiting_batches == 0, "{report:?}");
    assert!(joining.has_volunteer("Van Bram"));
}

#[test]
fn a_removal_whose_key_file_reached_the_folder_but_not_the_database_completes_at_the_next_sync() {
    use draagkracht_store::sync::{epochs, state};
    let folder = tempfile::tempdir().unwrap();
    let today = date(2026, 12, 1);
    let (mut laptops, admin, carla) = three_in_step(&folder.path().display().to_string());
    // Anna's laptop planned the removal and delivered the new epoch's file, then stopped before
    // its own database took it in (a crash, a full disk).
    let conn = draagkracht_store::Connection::open(laptops[0].t.db_path()).unwrap();
    let me = state::require(&conn).unwrap();
    let node = draagkracht_core::sync::NodeId::parse(&carla).unwrap();
    let (keys, _, _) = epochs::plan_removal(&conn, node).unwrap();
    let file = folder
        .path()
        .join(format!("draagkracht-{}", me.branch_id))
        .join(me.node.to_string())
        .join(format!("keys-{}.dkk", keys.epoch));
    std::fs::write(&file, serde_json::to_vec(&keys).unwrap()).unwrap();
    drop(conn);
    assert!(!laptops[0].app().sharing_status().unwrap().devices.iter().any(|d| d.removed), "not yet taken in");

    // Its next sync takes its own file in: Carla's laptop is removed, the new key is used, and
    // Bram's laptop reads what Anna's writes with it.
    laptops[0].app().sync(Utc::now()).unwrap();
    let status = laptops[0].app().sharing_status().unwrap();
    assert!(status.devices.iter().any(|d| d.id == carla && d.removed), "{:?}", status.devices);
    laptops[0].app().create_volunteer(&volunteer_input("Na de verwijdering", "active", vec![admin]), today).unwrap();
    laptops[0].app().sync(Utc::now()).unwrap();
    let report = laptops[1].app().sync(Utc::now()).unwrap();
    assert!(report.problems.is_empty() && report.waiting_batches == 0, "{report:?}");
    assert!(laptops[1].has_volunteer("Na de verwijdering"));
    // Carla's laptop cannot read it.
    laptops[2].app().sync(Utc::now()).ok();
    assert!(!laptops[2].has_volunteer("Na de verwijdering"));
}

#[test]
fn moving_to_another_folder_takes_the_branch_along() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let today = date(2026, 12, 1);
    let mut laptops = branch(first.path(), 1);
    let admin = laptops[0].t.programme("Thuisadministratie");
    laptops[0].app().create_volunteer(&volunteer_input("Voor de verhuizing", "active", vec![admin]), today).unwrap();
    laptops[0].app().sync(Utc::now()).unwrap();
    // Anna's laptop moves first; Bram's laptop follows later, without having synced in between.
    laptops[0].app().share_in_folder(second.path(), "Laptop Anna", Utc::now()).unwrap();
    laptops[0].app().create_volunteer(&volunteer_input("Na de verhuizing", "active", vec![admin]), today).unwrap();
    laptops[0].app().sync(Utc::now()).unwrap();
    laptops[1].app().share_in_folder(second.path(), "Laptop Bram", Utc::now()).unwrap();
    let report = laptops[1].app().sync(Utc::now()).unwrap();
    assert!(report.problems.is_empty() && report.waiting_batches == 0, "{report:?}");
    laptops[0].app().sync(Utc::now()).unwrap();
    assert_eq!(shared_state(&laptops[0]), shared_state(&laptops[1]));
}

/// What the laptops wrote to one field in one round (apart from each other): laptop → value.
type Writes = BTreeMap<(String, String), BTreeMap<usize, String>>;

/// 3–5 laptops edit the same volunteers while apart (add, change phone numbers, log and remove
/// hours), then random subsets sync in random orders, some twice; at the end every laptop holds
/// the same shared data, and of every set of values written apart to one field, all but the one
/// that won are in every laptop's "Twee versies".
#[test]
fn laptops_editing_apart_converge_whatever_the_order() {
    let cases: u64 = std::env::var("DRAAGKRACHT_SYNC_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(500);
    let today = date(2026, 12, 1);
    // One branch of five laptops, joined for real; each case starts from copies of 3 to 5 of them.
    let template_folder = tempfile::tempdir().unwrap();
    let mut template = branch(template_folder.path(), 4);
    let admin = template[0].t.programme("Thuisadministratie");
    let vera = template[0].app().create_volunteer(&volunteer_input("Vera", "active", vec![admin]), today).unwrap().id;
    for i in [0, 1, 2, 3, 4] {
        template[i].app().sync(Utc::now()).unwrap();
    }
    for case in 0..cases {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(case);
        let folder = tempfile::tempdir().unwrap();
        copy_folder(template_folder.path(), folder.path());
        let mut laptops: Vec<Laptop> =
            template[..rng.gen_range(3..=5)].iter().map(|l| l.copy_to(folder.path())).collect();
        run_case(case, &mut rng, &mut laptops, vera, admin);
    }
}

/// One case of the property test: rounds of edits made apart and syncs of random subsets in
/// random orders, then everyone meets; the laptops must hold the same shared data and list every
/// losing value written apart.
fn run_case(
    case: u64,
    mut rng: &mut rand_chacha::ChaCha8Rng,
    laptops: &mut [Laptop],
    vera: VolunteerId,
    admin: ProgrammeId,
) {
    let today = date(2026, 12, 1);
    let mut apart_sets: Vec<((String, String), Vec<String>)> = vec![];
    for round in 0..rng.gen_range(1..4) {
        let mut writes: Writes = BTreeMap::new();
        for (i, laptop) in laptops.iter_mut().enumerate() {
            let people: Vec<_> = laptop.app().volunteers(&VolunteerFilter::default(), today).unwrap();
            for _ in 0..rng.gen_range(0..4) {
                let v = people.choose(&mut rng).map(|p| p.id).unwrap_or(vera);
                match rng.gen_range(0..5) {
                    0 => {
                        let name = format!("V{case}-{i}-{}", rng.gen_range(0..1000));
                        laptop.app().create_volunteer(&volunteer_input(&name, "active", vec![admin]), today).unwrap();
                    }
                    1 | 2 => {
                        let current = laptop.app().volunteer(v, today).unwrap().volunteer;
                        let phone = format!("06 {round}{i}{}", rng.gen_range(0..100_000));
                        let input = VolunteerInput {
                            phone: phone.clone(),
                            ..volunteer_input(&current.name, "active", current.programme_ids.clone())
                        };
                        laptop.app().update_volunteer(v, &input, today).unwrap();
                        writes.entry((v.to_string(), "phone".into())).or_default().insert(i, phone);
                    }
                    3 => {
                        let day = format!("{:02}-11-2026", rng.gen_range(1..29));
                        let mut input = hours_input(v, &day, &format!("{}", rng.gen_range(1..4)), admin, "support");
                        input.confirm_duplicate = true;
                        input.confirm_long_day = Some(true);
                        laptop.app().log_hours(&input, today).unwrap();
                    }
                    _ => {
                        if let Some(entry) = laptop.app().volunteer(v, today).unwrap().recent_entries.first() {
                            laptop.app().delete_hour_entry(entry.id, today).unwrap();
                        }
                    }
                }
            }
        }
        apart_sets.extend(
            writes.into_iter().filter(|(_, by)| by.len() > 1).map(|(field, by)| (field, by.into_values().collect())),
        );
        // A random subset syncs, in a random order, some twice.
        let mut order: Vec<usize> = (0..laptops.len()).filter(|_| rng.gen_bool(0.6)).collect();
        order.shuffle(&mut rng);
        if rng.gen_bool(0.3) {
            order.extend(order.clone());
        }
        for i in order {
            let report = laptops[i].app().sync(Utc::now()).unwrap();
            assert!(report.problems.is_empty(), "case {case}: {:?}", report.problems);
        }
    }
    // Everyone meets: twice round, so every batch reaches every laptop.
    for _ in 0..2 {
        for laptop in laptops.iter_mut() {
            laptop.app().sync(Utc::now()).unwrap();
        }
    }
    let first = shared_state(&laptops[0]);
    for laptop in &laptops[1..] {
        assert!(shared_state(laptop) == first, "case {case}: {} differs from {}", laptop.name, laptops[0].name);
    }
    for laptop in laptops.iter_mut() {
        assert_eq!(laptop.app().sharing_status().unwrap().changes_waiting, 0);
        let versions = laptop.app().two_versions().unwrap();
        for ((record, field), values) in &apart_sets {
            let listed = values
                .iter()
                .filter(|v| versions.iter().any(|x| x.record == *record && x.field == *field && x.other == **v))
                .count();
            assert!(
                listed + 1 >= values.len(),
                "case {case}: {}: of {values:?} written apart to {field} of {record}, only {listed} are in Twee versies: {versions:?}",
                laptop.name
            );
        }
    }
}

/// The same, with the organisation's PostgreSQL server as the meeting place: a throw-away cluster
/// per test (`draagkracht_server::testing`).
/// Bram's laptop delivers two volunteers; Anna's removes Bram's laptop (synchronising first)
/// before Carla's has synchronised: Carla's still gets what Anna had applied of Bram's (Anna builds
/// on it), and the two end up alike.
fn what_the_remover_had_applied_still_reaches_the_others(
    target: &str,
    batches_of: impl Fn(draagkracht_core::sync::NodeId) -> usize,
) {
    let today = date(2026, 12, 1);
    let mut laptops = branch_at(target, 2);
    let admin = laptops[0].t.programme("Thuisadministratie");
    for i in [1, 2, 0] {
        laptops[i].app().sync(Utc::now()).unwrap();
    }
    let kept = laptops[1].app().create_volunteer(&volunteer_input("Bea Bakker", "active", vec![admin]), today).unwrap();
    laptops[1].app().sync(Utc::now()).unwrap();
    let late = laptops[1].app().create_volunteer(&volunteer_input("Laat Later", "active", vec![admin]), today).unwrap();
    laptops[1].app().sync(Utc::now()).unwrap();
    let bram = laptops[1].id();
    laptops[0].app().remove_laptop(&bram, Utc::now()).unwrap();
    laptops[2].app().sync(Utc::now()).unwrap();
    laptops[0].app().sync(Utc::now()).unwrap();
    assert!(laptops[2].app().volunteer(kept.id, today).is_ok(), "what the remover had applied arrives");
    assert!(laptops[2].app().volunteer(late.id, today).is_ok(), "the remover synchronised first");
    assert_eq!(shared_state(&laptops[0]), shared_state(&laptops[2]));

    // Once both remaining laptops say they have it, what Bram's laptop left goes from the place.
    let bram = draagkracht_core::sync::NodeId::parse(&bram).unwrap();
    assert!(batches_of(bram) > 0, "kept while a laptop may still need them");
    for i in [2, 0, 2, 0] {
        laptops[i].app().sync(Utc::now()).unwrap();
    }
    assert_eq!(batches_of(bram), 0, "deleted once every remaining laptop has them");
}

#[test]
fn what_a_removed_laptop_left_still_reaches_a_laptop_that_had_not_synced() {
    let folder = tempfile::tempdir().unwrap();
    what_the_remover_had_applied_still_reaches_the_others(&folder.path().display().to_string(), |node| {
        batch_files(folder.path()).iter().filter(|p| p.parent().unwrap().ends_with(node.to_string())).count()
    });
}

mod on_the_server {
    use super::*;
    use draagkracht_server::testing::TestCluster;

    #[test]
    fn what_a_removed_laptop_left_still_reaches_a_laptop_that_had_not_synced_through_the_server() {
        let cluster = TestCluster::new();
        what_the_remover_had_applied_still_reaches_the_others(&cluster.url(), |node| {
            let sql = format!("SELECT count(*) FROM draagkracht.batches WHERE node = {}", node.0 as i64);
            cluster.superuser_sql(&sql, "draagkracht").trim().parse().unwrap()
        });
    }

    #[test]
    fn a_laptop_put_back_from_an_older_copy_catches_up_through_the_server() {
        let cluster = TestCluster::new();
        let today = date(2026, 12, 1);
        let mut laptops = branch_at(&cluster.url(), 1);
        let admin = laptops[0].t.programme("Thuisadministratie");
        laptops[0].app().sync(Utc::now()).unwrap();
        let backup = backup_of(&laptops[0]);
        let bram =
            laptops[0].app().create_volunteer(&volunteer_input("Bram Jansen", "active", vec![admin]), today).unwrap();
        laptops[0].app().sync(Utc::now()).unwrap();
        let mut older = Laptop {
            t: TempApp { app: Draagkracht::open(&backup.path().join("draagkracht.sqlite")).unwrap(), dir: backup },
            name: "Laptop Anna".into(),
        };
        let carla = older.app().create_volunteer(&volunteer_input("Carla Smit", "active", vec![admin]), today).unwrap();
        let report = older.app().sync(Utc::now()).unwrap();
        assert!(report.problems.iter().any(|p| p.message.contains("oudere kopie")), "{report:?}");
        assert!(older.app().volunteer(bram.id, today).is_ok(), "the later batch came back");
        older.app().sync(Utc::now()).unwrap();
        laptops[1].app().sync(Utc::now()).unwrap();
        assert!(laptops[1].app().volunteer(carla.id, today).is_ok(), "made on the copy, delivered");
        assert_eq!(shared_state(&older), shared_state(&laptops[1]));
    }

    #[test]
    fn hours_travel_through_the_server_which_holds_no_name_or_figure() {
        let cluster = TestCluster::new();
        let today = date(2026, 12, 1);
        let mut laptops = branch_at(&cluster.url(), 1);
        let admin = laptops[0].t.programme("Thuisadministratie");
        let input = VolunteerInput {
            email: "anna@example.org".into(),
            phone: "06 12345678".into(),
            ..volunteer_input("Anna de Vries", "active", vec![admin])
        };
        let anna = laptops[0].app().create_volunteer(&input, today).unwrap();
        laptops[0].app().sync(Utc::now()).unwrap();
        laptops[1].app().sync(Utc::now()).unwrap();
        let mut entry = hours_input(anna.id, "28-11-2026", "2,5", admin, "support");
        entry.note = "Brief van de Belastingdienst besproken".into();
        laptops[1].app().log_hours(&entry, today).unwrap();
        laptops[1].app().sync(Utc::now()).unwrap();
        laptops[0].app().sync(Utc::now()).unwrap();
        let rows = laptops[0].app().volunteers(&VolunteerFilter::default(), today).unwrap();
        assert_eq!(rows[0].minutes_last_four_weeks, 150, "logged on the other laptop, through the server");
        assert_eq!(shared_state(&laptops[0]), shared_state(&laptops[1]));
        let dump = cluster.dump();
        for secret in ["Anna de Vries", "anna@example.org", "06 12345678", "Belastingdienst", "Thuisadministratie"] {
            assert!(!dump.contains(secret), "the server's dump holds {secret:?}");
        }
    }

    #[test]
    fn a_server_that_goes_down_is_said_plainly_and_nothing_is_lost() {
        let mut cluster = TestCluster::new();
        let today = date(2026, 12, 1);
        let mut laptops = branch_at(&cluster.url(), 1);
        let admin = laptops[0].t.programme("Thuisadministratie");
        cluster.stop();
        laptops[0].app().create_volunteer(&volunteer_input("Anna de Vries", "active", vec![admin]), today).unwrap();
        let started = std::time::Instant::now();
        let e = laptops[0].app().sync(Utc::now()).unwrap_err();
        assert!(started.elapsed() < std::time::Duration::from_secs(6), "a down server answers quickly");
        assert!(e.message.contains("bewaard"), "{e:?}");
        assert_eq!(e.code, ErrorCode::Unreachable, "{e:?}");
        let status = laptops[0].app().sharing_status().unwrap();
        assert!(status.last_failure.is_some(), "the header says so");
        assert!(
            status.changes_waiting > 0
                || !laptops[0].app().volunteers(&VolunteerFilter::default(), today).unwrap().is_empty()
        );
        sound(&laptops[0]);
        cluster.start();
        laptops[0].app().sync(Utc::now()).unwrap();
        assert!(laptops[0].app().sharing_status().unwrap().last_failure.is_none());
        laptops[1].app().sync(Utc::now()).unwrap();
        assert!(laptops[1].has_volunteer("Anna de Vries"));
    }

    #[test]
    fn a_removed_laptop_reads_nothing_written_after_through_the_server_either() {
        let cluster = TestCluster::new();
        removal(&cluster.url());
    }

    /// The server hangs in the middle of a sync (SIGSTOP: it accepts connections and never
    /// answers): the network step gives up within its deadline without the database being held,
    /// the failure is said, nothing is lost, and the next sync after it wakes delivers.
    #[test]
    fn a_server_that_hangs_mid_sync_holds_nothing_up_and_loses_nothing() {
        let mut cluster = TestCluster::new();
        let today = date(2026, 12, 1);
        let mut laptops = branch_at(&cluster.url(), 1);
        let admin = laptops[0].t.programme("Thuisadministratie");
        laptops[0].app().create_volunteer(&volunteer_input("Anna de Vries", "active", vec![admin]), today).unwrap();
        let round = laptops[0].app().sync_prepare(Utc::now()).unwrap();
        cluster.freeze();
        let started = std::time::Instant::now();
        let exchanged = round.exchange();
        assert!(started.elapsed() < std::time::Duration::from_secs(40), "the deadline holds: {:?}", started.elapsed());
        // Meanwhile the database is free: the coordinator keeps working.
        laptops[0].app().create_volunteer(&volunteer_input("Bram Jansen", "active", vec![admin]), today).unwrap();
        let e = laptops[0].app().sync_finish(round, exchanged, Utc::now()).unwrap_err();
        assert!(e.message.contains("bewaard"), "{e:?}");
        sound(&laptops[0]);
        cluster.thaw();
        laptops[0].app().sync(Utc::now()).unwrap();
        laptops[1].app().sync(Utc::now()).unwrap();
        let names: Vec<String> = laptops[1]
            .app()
            .volunteers(&VolunteerFilter::default(), today)
            .unwrap()
            .into_iter()
            .map(|v| v.name)
            .collect();
        assert!(
            names.contains(&"Anna de Vries".to_string()) && names.contains(&"Bram Jansen".to_string()),
            "{names:?}"
        );
    }

    /// Everything the server holds for the branch (batches and snapshots), decrypted, as text.
    fn server_contents(cluster: &TestCluster, laptop: &Laptop) -> (usize, String) {
        use draagkracht_store::sync::{seal, signature, state};
        let conn = draagkracht_store::Connection::open(laptop.t.db_path()).unwrap();
        let keys = state::keys(&conn).unwrap();
        let rows = cluster.superuser_sql(
            "SELECT encode(body, 'hex') FROM draagkracht.batches UNION ALL SELECT encode(body, 'hex') FROM draagkracht.snapshots",
            "draagkracht",
        );
        let mut text = String::new();
        let mut n = 0;
        for row in rows.lines().filter(|l| !l.is_empty()) {
            let bytes = hex::decode(row.trim()).unwrap();
            let (sealed, _) = signature::split(&bytes).unwrap();
            let header = seal::Header::read(sealed).unwrap();
            let (_, body) = seal::open(&keys[&header.epoch], sealed).unwrap();
            text += &String::from_utf8_lossy(&body);
            n += 1;
        }
        (n, text)
    }

    #[test]
    fn an_erasure_leaves_nothing_of_the_person_on_the_server_after_compaction() {
        use draagkracht_api::wire::PersonRef;
        let cluster = TestCluster::new();
        let today = date(2026, 12, 1);
        let mut laptops = branch_at(&cluster.url(), 2);
        let admin = laptops[0].t.programme("Thuisadministratie");
        let input =
            VolunteerInput { phone: "06 12345678".into(), ..volunteer_input("Anna de Vries", "active", vec![admin]) };
        let anna = laptops[0].app().create_volunteer(&input, today).unwrap();
        for i in [0, 1, 2] {
            laptops[i].app().sync(Utc::now()).unwrap();
        }
        assert!(
            server_contents(&cluster, &laptops[0]).1.contains("Anna de Vries"),
            "the name is on the server, sealed"
        );
        laptops[1]
            .app()
            .update_volunteer(anna.id, &VolunteerInput { phone: "06 87654321".into(), ..input.clone() }, today)
            .unwrap();
        laptops[0].app().erase_person(PersonRef::Volunteer(anna.id), today).unwrap();
        for _ in 0..3 {
            for i in [0, 1, 2] {
                let report = laptops[i].app().sync(Utc::now()).unwrap();
                assert!(report.problems.is_empty(), "{:?}", report.problems);
            }
        }
        let (left, text) = server_contents(&cluster, &laptops[0]);
        for needle in ["Anna de Vries", "06 12345678", "06 87654321"] {
            assert!(!text.contains(needle), "{needle} is gone from the server ({left} files left, decrypted)");
            for laptop in &laptops {
                assert_eq!(still_written(laptop, needle), Vec::<String>::new(), "{}", laptop.name);
            }
        }
        assert!(!cluster.dump().contains("Anna"), "and never was there in the clear");
    }

    /// The property test through the server: fewer cases (each makes a branch with real joins on
    /// the server); `DRAAGKRACHT_SYNC_SERVER_CASES` sets how many.
    #[test]
    fn laptops_editing_apart_converge_through_the_server() {
        let cases: u64 =
            std::env::var("DRAAGKRACHT_SYNC_SERVER_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(100);
        let cluster = TestCluster::new();
        let today = date(2026, 12, 1);
        for case in 0..cases {
            let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(10_000 + case);
            let mut laptops = branch_at(&cluster.url(), rng.gen_range(2..=4));
            let admin = laptops[0].t.programme("Thuisadministratie");
            let vera =
                laptops[0].app().create_volunteer(&volunteer_input("Vera", "active", vec![admin]), today).unwrap().id;
            for laptop in laptops.iter_mut() {
                laptop.app().sync(Utc::now()).unwrap();
            }
            run_case(case, &mut rng, &mut laptops, vera, admin);
        }
    }
}

/// A copy of a laptop's database as it is now, to put back later (a backup).
fn backup_of(laptop: &Laptop) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let conn = draagkracht_store::Connection::open(laptop.t.db_path()).unwrap();
    conn.execute("VACUUM INTO ?1", [dir.path().join("draagkracht.sqlite").display().to_string()]).unwrap();
    dir
}

#[test]
fn a_laptop_put_back_from_an_older_copy_catches_up_and_overwrites_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let today = date(2026, 12, 1);
    let mut laptops = branch(folder.path(), 1);
    let admin = laptops[0].t.programme("Thuisadministratie");
    let anna =
        laptops[0].app().create_volunteer(&volunteer_input("Anna de Vries", "active", vec![admin]), today).unwrap();
    laptops[0].app().sync(Utc::now()).unwrap();
    let backup = backup_of(&laptops[0]);
    // After the backup: Bram is added, delivered and applied by the other laptop.
    let bram =
        laptops[0].app().create_volunteer(&volunteer_input("Bram Jansen", "active", vec![admin]), today).unwrap();
    laptops[0].app().sync(Utc::now()).unwrap();
    laptops[1].app().sync(Utc::now()).unwrap();
    let batches_before: Vec<_> = files_of(folder.path());

    // The laptop is put back from the backup, and Carla is added on it before it syncs: her batch
    // would take the number Bram's already has.
    let mut older = Laptop {
        t: TempApp { app: Draagkracht::open(&backup.path().join("draagkracht.sqlite")).unwrap(), dir: backup },
        name: "Laptop Anna".into(),
    };
    let carla = older.app().create_volunteer(&volunteer_input("Carla Smit", "active", vec![admin]), today).unwrap();
    let report = older.app().sync(Utc::now()).unwrap();
    assert!(report.problems.iter().any(|p| p.message.contains("oudere kopie")), "said what happened: {report:?}");
    assert_eq!(report.sent_batches, 0, "nothing delivered under a number already taken");
    for (path, bytes) in &batches_before {
        assert_eq!(std::fs::read(path).ok().as_ref(), Some(bytes), "{} is not overwritten", path.display());
    }
    assert!(older.app().volunteer(bram.id, today).is_ok(), "the later batch came back");
    assert!(older.app().volunteer(carla.id, today).is_ok(), "what was made on the copy stays");

    // The next sync sends Carla under a new number; the other laptop gets her, and both agree.
    older.app().sync(Utc::now()).unwrap();
    let report = laptops[1].app().sync(Utc::now()).unwrap();
    assert!(report.problems.is_empty(), "{report:?}");
    assert!(laptops[1].app().volunteer(carla.id, today).is_ok());
    assert!(laptops[1].app().volunteer(anna.id, today).is_ok());
    older.app().sync(Utc::now()).unwrap();
    assert_eq!(shared_state(&older), shared_state(&laptops[1]));
    assert!(laptops[1].app().two_versions().unwrap().is_empty(), "no false Twee versies");
    sound(&older);

    // A copy older than what the folder still holds (its later batches removed once every laptop
    // had them) cannot catch up by itself: refused with a clear message, nothing written.
    let backup = backup_of(&older);
    older.app().create_volunteer(&volunteer_input("Dirk Bos", "active", vec![admin]), today).unwrap();
    older.app().sync(Utc::now()).unwrap();
    laptops[1].app().sync(Utc::now()).unwrap();
    laptops[1].app().sync(Utc::now()).unwrap(); // its "applied" file now says it has Dirk's batch
    let me = older.app().sharing_status().unwrap().devices.into_iter().find(|d| d.this_laptop).unwrap();
    let compacted = files_of(folder.path())
        .into_iter()
        .find(|(path, _)| {
            path.parent().is_some_and(|d| d.ends_with(&me.id))
                && path.file_name().unwrap().to_string_lossy().contains(&format!("{:012}", me.batches))
        })
        .expect("the newest batch of the laptop");
    std::fs::remove_file(&compacted.0).unwrap();
    let folder_state = files_of(folder.path());
    let mut oldest = Laptop {
        t: TempApp { app: Draagkracht::open(&backup.path().join("draagkracht.sqlite")).unwrap(), dir: backup },
        name: "Laptop Anna".into(),
    };
    oldest.app().create_volunteer(&volunteer_input("Eva Mol", "active", vec![admin]), today).unwrap();
    let e = oldest.app().sync(Utc::now()).unwrap_err();
    assert!(e.message.contains("oudere kopie") && e.message.contains("niet gesynchroniseerd"), "{e:?}");
    assert_eq!(files_of(folder.path()), folder_state, "nothing written");
    sound(&oldest);
}

/// Every file under a shared folder with its bytes.
fn files_of(folder: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = vec![];
    let mut dirs = vec![folder.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            if entry.path().is_dir() {
                dirs.push(entry.path());
            } else {
                files.push((entry.path(), std::fs::read(entry.path()).unwrap()));
            }
        }
    }
    files.sort();
    files
}
