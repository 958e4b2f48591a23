//! Benchmark: what encryption costs. The same workload on a plain and an encrypted database —
//! writing the demo branch (~90,000 entries in one transaction) and re-evaluating everyone's
//! signals on a freshly opened database — with the overhead (target ≤ 20 %); unlocking to the first screen (target ≤ 1.5 s); and
//! a verified backup of the national set, plain and encrypted, when the signals bench has built it (target ≤ 10 s).

use chrono::NaiveDate;
use draagkracht_api::wire::{ChangePassphraseInput, NewDatabaseInput};
use draagkracht_api::{DemoParams, Draagkracht, Gate};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const PASSPHRASE: &str = "een wachtwoordzin voor de benchmark";

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Writes the demo branch into a new database (encrypted or not), then re-evaluates everyone on a
/// freshly opened database three times (so pages are read, and decrypted, from the file); returns
/// (write, best evaluation).
fn workload(dir: &Path, encrypted: bool, today: NaiveDate) -> (Duration, Duration) {
    let path = dir.join(if encrypted { "encrypted.sqlite" } else { "plain.sqlite" });
    let passphrase = encrypted.then(|| PASSPHRASE.to_string());
    let write = {
        let mut gate = Gate::new(&path);
        gate.create(&NewDatabaseInput { passphrase: passphrase.clone(), repeat: passphrase.clone() }).expect("create");
        let t = Instant::now();
        gate.app().expect("open").write_demo(&DemoParams::branch(today)).expect("demo");
        t.elapsed()
    };
    let evaluate = (0..3)
        .map(|_| {
            let mut gate = Gate::new(&path);
            if let Some(p) = &passphrase {
                gate.unlock(p).expect("unlock");
            }
            let app = gate.app().expect("open");
            let t = Instant::now();
            app.evaluate_all(today).expect("evaluate");
            t.elapsed()
        })
        .min()
        .unwrap_or_default();
    (write, evaluate)
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).expect("date");
    let dir = tempfile::tempdir().expect("temp dir");
    let (plain_write, plain_eval) = workload(dir.path(), false, today);
    let (enc_write, enc_eval) = workload(dir.path(), true, today);
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

    // Unlock to the first screen: key derivation, open and check, the day's backup, the attention list.
    let path = dir.path().join("encrypted.sqlite");
    let unlock = (0..3)
        .map(|_| {
            let t = Instant::now();
            let mut gate = Gate::new(&path);
            gate.unlock(PASSPHRASE).expect("unlock");
            gate.app().expect("open").attention_list(today).expect("attention list");
            t.elapsed()
        })
        .min()
        .unwrap_or_default();
    println!("  unlock to the first screen: {:>7.0} ms (target <= 1500 ms)", ms(unlock));

    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("target"));
    let national = target.join("bench-national-20000.sqlite");
    if !national.exists() {
        println!("  (no national set yet: `make bench` builds it in the signals benchmark)");
        return;
    }
    let size = |path: &Path| std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) as f64 / 1e9;
    let app = Draagkracht::open(&national).expect("open the national set");
    let out = dir.path().join("national-backup.sqlite");
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
