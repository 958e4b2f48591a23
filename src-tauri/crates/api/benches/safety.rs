//! Benchmark: what encryption costs. The same workload on a plain and an encrypted database —
//! writing the demo branch (~90,000 entries in one transaction), re-evaluating everyone's signals
//! and making the annual funder report, each on a freshly opened database — with the overhead (target ≤ 20 %); unlocking to the first screen (target ≤ 1.5 s); and
//! a verified backup of the national set, plain and encrypted, when the signals bench has built it (target ≤ 10 s).

use chrono::NaiveDate;
use draagkracht_api::wire::{
    ChangePassphraseInput, Language, NewDatabaseInput, ReportAudience, ReportFormat, ReportInput,
};
use draagkracht_api::{render_report, DemoParams, Draagkracht, Gate};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const PASSPHRASE: &str = "een wachtwoordzin voor de benchmark";

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Writes the demo branch into a new database at `path` (encrypted or not); returns how long it took.
fn write_once(path: &Path, encrypted: bool, today: NaiveDate) -> Duration {
    let passphrase = encrypted.then(|| PASSPHRASE.to_string());
    let mut gate = Gate::new(path);
    gate.create(&NewDatabaseInput { passphrase: passphrase.clone(), repeat: passphrase }).expect("create");
    let t = Instant::now();
    gate.app().expect("open").write_demo(&DemoParams::branch(today)).expect("demo");
    t.elapsed()
}

/// Re-evaluates everyone on a freshly opened database (so pages are read, and decrypted, from the file).
fn evaluate_once(path: &Path, encrypted: bool, today: NaiveDate) -> Duration {
    let mut gate = Gate::new(path);
    if encrypted {
        gate.unlock(PASSPHRASE).expect("unlock");
    }
    let app = gate.app().expect("open");
    let t = Instant::now();
    app.evaluate_all(today).expect("evaluate");
    t.elapsed()
}

/// The annual funder report (figures and the PDF) on a freshly opened database.
fn report_once(path: &Path, encrypted: bool, today: NaiveDate) -> Duration {
    let mut gate = Gate::new(path);
    if encrypted {
        gate.unlock(PASSPHRASE).expect("unlock");
    }
    let app = gate.app().expect("open");
    let input = ReportInput {
        from: "2025-01-01".into(),
        to: "2025-12-31".into(),
        programme_id: None,
        municipality_id: None,
        subsidy_id: None,
        audience: ReportAudience::Funder,
        language: Language::Nl,
    };
    let t = Instant::now();
    let document = app.report_document(&input, today).expect("figures");
    render_report(&document, ReportFormat::Pdf).expect("pdf");
    t.elapsed()
}

/// The best of `rounds` for plain and encrypted, taken in turns so that neither gets the machine's
/// warm-up or a busy moment alone: `(plain, encrypted)`.
fn best_of(rounds: usize, mut run: impl FnMut(usize, bool) -> Duration) -> (Duration, Duration) {
    let mut best = [Duration::MAX; 2];
    for round in 0..rounds {
        for (i, encrypted) in [false, true].into_iter().enumerate() {
            best[i] = best[i].min(run(round, encrypted));
        }
    }
    (best[0], best[1])
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
    let dir = tempfile::tempdir().expect("temp dir");
    let database = |round: usize, encrypted: bool| {
        let folder = dir.path().join(format!("round-{round}"));
        std::fs::create_dir_all(&folder).expect("folder");
        folder.join(if encrypted { "encrypted.sqlite" } else { "plain.sqlite" })
    };
    let (plain_write, enc_write) =
        best_of(3, |round, encrypted| write_once(&database(round, encrypted), encrypted, today));
    // The short workloads: fifteen rounds each, after one unmeasured run (fonts parsed, code paged in).
    evaluate_once(&database(0, false), false, today);
    report_once(&database(0, false), false, today);
    let (plain_eval, enc_eval) = best_of(15, |_, encrypted| evaluate_once(&database(0, encrypted), encrypted, today));
    let (plain_report, enc_report) = best_of(15, |_, encrypted| report_once(&database(0, encrypted), encrypted, today));
    let overhead = |plain: Duration, enc: Duration| (enc.as_secs_f64() / plain.as_secs_f64() - 1.0) * 100.0;
    println!("encryption at rest (SQLCipher, AES-256), demo branch:");
    println!(
        "  write the demo branch:   plain {:>7.0} ms, encrypted {:>7.0} ms, overhead {:>5.1} % (target <= 20 %)",
        ms(plain_write),
        ms(enc_write),
        overhead(plain_write, enc_write)
    );
    println!(
        "  re-evaluate everyone:    plain {:>7.0} ms, encrypted {:>7.0} ms, overhead {:>5.1} % (target <= 20 %)",
        ms(plain_eval),
        ms(enc_eval),
        overhead(plain_eval, enc_eval)
    );

    println!(
        "  annual funder report (PDF): plain {:>7.0} ms, encrypted {:>7.0} ms, overhead {:>5.1} % (target <= 20 %)",
        ms(plain_report),
        ms(enc_report),
        overhead(plain_report, enc_report)
    );

    // Unlock to the first screen: key derivation, open and check, the attention list — and on the
    // day's first start the daily backup too (copied, compared, integrity_check).
    let path = database(0, true);
    let unlock = || {
        let t = Instant::now();
        let mut gate = Gate::new(&path);
        gate.unlock(PASSPHRASE).expect("unlock");
        gate.app().expect("open").attention_list(today).expect("attention list");
        t.elapsed()
    };
    let _ = std::fs::remove_dir_all(path.with_file_name(draagkracht_api::safety::BACKUP_FOLDER));
    let first = unlock();
    let again = (0..3).map(|_| unlock()).min().unwrap_or_default();
    println!(
        "  unlock to the first screen: {:>7.0} ms, the day's first with its backup {:>5.0} ms (target <= 1500 ms)",
        ms(again),
        ms(first)
    );

    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("target"));
    let size = |path: &Path| std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) as f64 / 1e9;
    let out = dir.path().join("backup.sqlite");

    // A branch's backup: copied, compared and put through integrity_check as well.
    let branch = database(0, false);
    let app = Draagkracht::open(&branch).expect("open the demo branch");
    let t = Instant::now();
    app.backup_to(&out).expect("backup");
    println!(
        "  verified backup of the demo branch ({:.3} GB), with integrity_check: {:>5.0} ms",
        size(&branch),
        ms(t.elapsed())
    );
    drop(app);
    let _ = std::fs::remove_file(&out);

    let national = target.join("bench-national-20000.sqlite");
    if !national.exists() {
        println!("  (no national set yet: `make bench` builds it in the signals benchmark)");
        return;
    }
    let app = Draagkracht::open(&national).expect("open the national set");
    let t = Instant::now();
    app.backup_to(&out).expect("backup");
    println!(
        "  verified backup of the national set ({:.2} GB), plain:     {:>5.1} s (target <= 10 s)",
        size(&national),
        t.elapsed().as_secs_f64()
    );
    drop(app);
    let _ = std::fs::remove_file(&out);

    // The same set encrypted, as a coordinator encrypts a plain database (built once, minutes).
    let encrypted = target.join("bench-national-20000-encrypted").join("draagkracht.sqlite");
    if !encrypted.exists() {
        println!("  (encrypting a copy of the national set once; this takes minutes)");
        std::fs::create_dir_all(encrypted.parent().expect("folder")).expect("folder");
        std::fs::copy(&national, &encrypted).expect("copy the national set");
        let mut gate = Gate::new(&encrypted);
        gate.change_passphrase(&ChangePassphraseInput {
            current: String::new(),
            passphrase: PASSPHRASE.into(),
            repeat: PASSPHRASE.into(),
        })
        .expect("encrypt the national set");
    }
    let mut gate = Gate::new(&encrypted);
    gate.unlock(PASSPHRASE).expect("unlock the encrypted national set");
    let t = Instant::now();
    gate.backup_to(&out).expect("backup");
    println!(
        "  verified backup of the national set ({:.2} GB), encrypted: {:>5.1} s (target <= 10 s)",
        size(&encrypted),
        t.elapsed().as_secs_f64()
    );
}
