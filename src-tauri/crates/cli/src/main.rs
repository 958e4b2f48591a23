//! `draagkracht-cli`: Draagkracht without a window — generate a demo branch, check a database, make
//! and restore backups. Needs neither a display nor GTK/WebKit: it links only the api crate.
//!
//! An encrypted database's passphrase comes from `DRAAGKRACHT_PASSPHRASE` or is asked for on the
//! terminal (not echoed). `demo` with `DRAAGKRACHT_PASSPHRASE` set creates an encrypted database.
//! `recover` takes the recovery code from `DRAAGKRACHT_RECOVERY_CODE` and the new passphrase from
//! `DRAAGKRACHT_NEW_PASSPHRASE`, or asks for them; `restore` does the same for a backup whose
//! passphrase is forgotten when `DRAAGKRACHT_RECOVERY_CODE` is set.

use chrono::{Local, NaiveDate, Utc};
use clap::{Parser, Subcommand};
use draagkracht_api::wire::{
    AccessState, Language, MakeRecoveryCodeInput, NewDatabaseInput, RecoverInput, ReportAudience, ReportFormat,
    ReportInput,
};
use draagkracht_api::{ApiError, DemoParams, Draagkracht, ErrorCode, Gate};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use zeroize::Zeroizing;

#[derive(Parser)]
#[command(name = "draagkracht-cli", version, about = "Draagkracht zonder venster / without a window")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Fill a new database with a fictional, deterministic demo branch.
    Demo {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, default_value_t = 250)]
        volunteers: u32,
        #[arg(long, default_value_t = 5)]
        years: u32,
        #[arg(long, default_value_t = 2018)]
        seed: u64,
        /// The last day with hours (default: today), as 2025-12-31.
        #[arg(long)]
        today: Option<NaiveDate>,
    },
    /// List every match with its derived level (normal / complex / acute).
    Matches {
        #[arg(long)]
        db: PathBuf,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
        /// The day to evaluate professional involvement on (default: today), as 2025-12-31.
        #[arg(long)]
        today: Option<NaiveDate>,
    },
    /// Make a recovery code for an encrypted database (after its passphrase) and print it once; an
    /// earlier code stops working.
    RecoveryCode {
        #[arg(long)]
        db: PathBuf,
    },
    /// Open an encrypted database whose passphrase is forgotten with its recovery code (from
    /// DRAAGKRACHT_RECOVERY_CODE or the terminal) and give it a new passphrase (from
    /// DRAAGKRACHT_NEW_PASSPHRASE or the terminal, asked twice).
    Recover {
        #[arg(long)]
        db: PathBuf,
    },
    /// Evaluate every volunteer as of a day and print every open signal with its evidence.
    Signals {
        #[arg(long)]
        db: PathBuf,
        /// The day to evaluate as (default: today), as 2025-12-31.
        #[arg(long)]
        today: Option<NaiveDate>,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write a checked backup of the database to a new file (encrypted databases stay encrypted;
    /// their key parameters go beside it as FILE.kdf.json).
    Backup {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// Put a backup in place of the database, after checking it and saving the current database in
    /// the backup folder beside it.
    Restore {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        from: PathBuf,
    },
    /// Write every record to an interchange file (JSON; its schema is docs/interchange.schema.json).
    Export {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// Read an interchange file into a new database (encrypted when DRAAGKRACHT_PASSPHRASE is set),
    /// or, with --map, a spreadsheet (.xlsx, .xls, .ods, .csv) into a database: all of it, or nothing.
    Import {
        #[arg(long)]
        db: PathBuf,
        /// A JSON mapping for a spreadsheet: {"kind": "hour_entries", "sheet": null,
        /// "columns": {"Naam": "volunteer_name", "Datum": "date", "Uren": "duration"}}.
        #[arg(long)]
        map: Option<PathBuf>,
        /// The interchange file, or the spreadsheet.
        file: PathBuf,
        /// The day to import as (default: today), as 2025-12-31.
        #[arg(long)]
        today: Option<NaiveDate>,
    },
    /// Make a report for a funder (anonymous) or for internal use, as PDF, Excel or CSV.
    Report {
        #[arg(long)]
        db: PathBuf,
        /// The first day, as 2025-01-01 or 1-1-2025 (with --subsidy: its first day by default).
        #[arg(long, required_unless_present = "subsidy")]
        from: Option<String>,
        /// The last day, as 2025-12-31 or 31-12-2025 (with --subsidy: its last day by default).
        #[arg(long, required_unless_present = "subsidy")]
        to: Option<String>,
        /// One programme, by id or name (default: the whole branch).
        #[arg(long, conflicts_with = "subsidy")]
        programme: Option<String>,
        /// Only the residents of one of the branch's municipalities, by id or name.
        #[arg(long, conflicts_with = "subsidy")]
        municipality: Option<String>,
        /// What one subsidy pays for (its programmes, its municipality's residents), by id or name.
        #[arg(long)]
        subsidy: Option<String>,
        #[arg(long, value_enum)]
        audience: AudienceArg,
        /// pdf, xlsx, csv (for Dutch Excel: `;` and decimal comma) or csv-rfc (RFC 4180).
        #[arg(long, value_enum)]
        format: FormatArg,
        #[arg(long, value_enum, default_value = "nl")]
        language: LanguageArg,
        #[arg(long)]
        out: PathBuf,
        /// The day the report is made on (default: today), as 2025-12-31.
        #[arg(long)]
        today: Option<NaiveDate>,
    },
    /// Print a one-time join code for another laptop (valid 24 hours). With --folder, a database
    /// that does not share its branch yet starts sharing it in that folder.
    Invite {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, conflicts_with = "server")]
        folder: Option<PathBuf>,
        /// The organisation's PostgreSQL server (postgres://user:password@host/database).
        #[arg(long)]
        server: Option<String>,
        /// This laptop's name, as colleagues will see it (when sharing starts here).
        #[arg(long, default_value = "Laptop")]
        name: String,
    },
    /// Make a new database (encrypted when DRAAGKRACHT_PASSPHRASE is set) from the branch that a
    /// join code opens in the shared folder.
    Join {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, conflicts_with = "server", required_unless_present = "server")]
        folder: Option<PathBuf>,
        #[arg(long)]
        server: Option<String>,
        #[arg(long)]
        code: String,
        /// This laptop's name, as colleagues will see it.
        #[arg(long, default_value = "Laptop")]
        name: String,
    },
    /// Send this laptop's changes and apply the others', once, and print what happened. With
    /// --folder, a database that does not share yet starts sharing in that folder.
    Sync {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, conflicts_with = "server")]
        folder: Option<PathBuf>,
        #[arg(long)]
        server: Option<String>,
        #[arg(long, default_value = "Laptop")]
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Create or migrate the sharing schema and roles on the organisation's PostgreSQL server (an
    /// account that may create roles; the app's own login is then granted draagkracht_app).
    ServerInit {
        #[arg(long)]
        server: String,
    },
    /// Publish the branch's monthly figures to the national picture: online with the branch's
    /// account (--server), or as a signed file to send by other means (--out, with --branch).
    /// Every complete month with records unless --from/--to (months, as 2025-01) are given.
    Publish {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, conflicts_with = "out", required_unless_present = "out")]
        server: Option<String>,
        #[arg(long)]
        out: Option<PathBuf>,
        /// The branch's name as the national office registered it (a file only; default: the
        /// branch name of the report settings).
        #[arg(long)]
        branch: Option<String>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        /// The day it is made on (default: today), as 2025-12-31.
        #[arg(long)]
        today: Option<NaiveDate>,
    },
    /// Make a login for the national picture (with an administrator's address, after
    /// server-init): for a branch (--branch NAME, optionally --region), a region (--region) or the
    /// national office (--national). Prints its address with a new password.
    NationalAccount {
        #[arg(long)]
        server: String,
        #[arg(long)]
        login: String,
        #[arg(long, conflicts_with = "national")]
        branch: Option<String>,
        #[arg(long)]
        region: Option<String>,
        #[arg(long)]
        national: bool,
    },
    /// The national office takes in a branch's signed publication file.
    NationalImport {
        #[arg(long)]
        server: String,
        #[arg(long)]
        file: PathBuf,
    },
    /// The report of the whole organisation, a region, some branches or a municipality, from the
    /// figures the branches published (a national or regional account).
    NationalReport {
        #[arg(long)]
        server: String,
        /// A month, a quarter or a calendar year (or its first months), as 2025-01-01.
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long, conflicts_with = "branch")]
        region: Option<String>,
        /// A branch by name (repeat for several).
        #[arg(long)]
        branch: Vec<String>,
        #[arg(long)]
        municipality: Option<String>,
        #[arg(long, value_enum)]
        audience: AudienceArg,
        #[arg(long, value_enum)]
        format: FormatArg,
        #[arg(long, value_enum, default_value = "nl")]
        language: LanguageArg,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        today: Option<NaiveDate>,
    },
    /// The laptops of the branch and when each was last heard of.
    Devices {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Remove a laptop from the branch (lost, stolen, a colleague who left): a new branch key for
    /// the others, so it can read nothing written from now on.
    RemoveDevice {
        #[arg(long)]
        db: PathBuf,
        /// The laptop's id, as `devices` prints it.
        #[arg(long)]
        device: String,
    },
    /// The "Twee versies": values that lost to a change made on another laptop at the same time.
    Versions {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Run SQLite's integrity and foreign-key checks; exit code 0 only when the database is sound.
    Check {
        #[arg(long)]
        db: PathBuf,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum AudienceArg {
    Funder,
    Internal,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    Pdf,
    Xlsx,
    Csv,
    CsvRfc,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum LanguageArg {
    Nl,
    En,
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("draagkracht-cli: {}", e.message_en);
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, ApiError> {
    match cli.command {
        Command::Demo { db, volunteers, years, seed, today } => {
            let today = today.unwrap_or_else(|| Local::now().date_naive());
            let mut app = demo_database(&db)?;
            if app.status(today)?.set_up {
                eprintln!(
                    "draagkracht-cli: {} is already in use; the demo goes into a new, empty database.",
                    db.display()
                );
                return Ok(ExitCode::from(2));
            }
            let started = Instant::now();
            let entries = app.write_demo(&DemoParams { volunteers, years, seed, today })?;
            println!(
                "demo branch written to {}: {volunteers} volunteers, {entries} hour entries, {years} years up to {today} (seed {seed}) in {:.2} s",
                db.display(),
                started.elapsed().as_secs_f64()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Matches { db, json, today } => {
            let today = today.unwrap_or_else(|| Local::now().date_naive());
            let matches = open_existing(&db)?.matches(today)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&matches).unwrap_or_default());
            } else {
                // A closed pipe (`| head`) ends the listing quietly.
                let mut out = std::io::stdout().lock();
                for m in &matches {
                    let names: Vec<_> = m.volunteers.iter().map(|v| v.name.as_str()).collect();
                    let line = writeln!(
                        out,
                        "{}  {:<8} {:<7} {:<12} {} — {} ({})",
                        m.id,
                        format!("{:?}", m.level).to_lowercase(),
                        format!("{:?}", m.status).to_lowercase(),
                        m.start_date,
                        m.participant_label,
                        names.join(", "),
                        m.programme_name
                    );
                    if line.is_err() {
                        break;
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Signals { db, today, json } => {
            let today = today.unwrap_or_else(|| Local::now().date_naive());
            let mut app = open_existing(&db)?;
            app.evaluate_all(today)?;
            let rows = app.attention_list(today)?;
            let signals: Vec<_> = rows.into_iter().flat_map(|r| r.signals).collect();
            if json {
                println!("{}", serde_json::to_string_pretty(&signals).unwrap_or_default());
            } else {
                let mut out = std::io::stdout().lock();
                for s in &signals {
                    let line = writeln!(
                        out,
                        "{:<8} {:<28} {} {}  {}",
                        s.severity.as_str(),
                        s.rule.as_str(),
                        s.volunteer_id,
                        s.volunteer_name,
                        s.explanation_en
                    );
                    if line.is_err() {
                        break;
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Backup { db, out } => {
            let started = Instant::now();
            unlocked(&existing(&db)?)?.backup_to(&out)?;
            println!("backup written and checked: {} in {:.2} s", out.display(), started.elapsed().as_secs_f64());
            Ok(ExitCode::SUCCESS)
        }
        Command::RecoveryCode { db } => {
            let db = existing(&db)?;
            let passphrase = passphrase()?;
            let mut gate = Gate::new(&db);
            gate.unlock(&passphrase)?;
            let made = gate.make_recovery_code(&MakeRecoveryCodeInput { passphrase: passphrase.to_string() })?;
            println!("Herstelcode / recovery code: {}", made.code);
            println!("Schrijf hem op en bewaar hem veilig; hij wordt niet nog een keer getoond.");
            println!("Write it down and keep it safe; it is not shown again.");
            Ok(ExitCode::SUCCESS)
        }
        Command::Recover { db } => {
            let db = existing(&db)?;
            let code = secret("DRAAGKRACHT_RECOVERY_CODE", "Herstelcode / recovery code: ")?;
            let (new, repeat) = new_passphrase()?;
            let mut gate = Gate::new(&db);
            gate.recover(&RecoverInput {
                code: code.to_string(),
                passphrase: new.to_string(),
                repeat: repeat.to_string(),
            })?;
            println!("{} is open with the new passphrase; the recovery code keeps working.", db.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Restore { db, from } => {
            let from = existing(&from)?;
            let mut gate = if db.exists() { unlocked(&db)? } else { Gate::new(&db) };
            let needs_passphrase = !draagkracht_api::safety::is_plain_database(&from);
            match std::env::var("DRAAGKRACHT_RECOVERY_CODE") {
                // The backup's passphrase is forgotten: its recovery code, and a new passphrase.
                Ok(code) if needs_passphrase => {
                    let (new, repeat) = new_passphrase()?;
                    gate.restore_with_code(&from, &code, &new, &repeat)?;
                }
                _ => {
                    let passphrase = if needs_passphrase { Some(passphrase()?) } else { None };
                    gate.restore_from_file(&from, passphrase.as_deref().map(String::as_str))?;
                }
            }
            println!("restored {} from {}", db.display(), from.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Report { db, from, to, programme, municipality, subsidy, audience, format, language, out, today } => {
            let today = today.unwrap_or_else(|| Local::now().date_naive());
            let app = open_existing(&db)?;
            let programme_id = match programme {
                None => None,
                Some(wanted) => {
                    let found = app.programmes()?.into_iter().find(|p| {
                        p.id.to_string() == wanted.trim() || p.name.to_lowercase() == wanted.trim().to_lowercase()
                    });
                    match found {
                        Some(p) => Some(p.id),
                        None => {
                            eprintln!("draagkracht-cli: no programme has the id or name {wanted:?}.");
                            return Ok(ExitCode::from(2));
                        }
                    }
                }
            };
            let municipality_id = match municipality {
                None => None,
                Some(wanted) => {
                    match app.municipalities()?.into_iter().find(|m| named(&m.id.to_string(), &m.name, &wanted)) {
                        Some(m) => Some(m.id),
                        None => {
                            eprintln!(
                                "draagkracht-cli: the branch has no municipality with the id or name {wanted:?}."
                            );
                            return Ok(ExitCode::from(2));
                        }
                    }
                }
            };
            let subsidy = match subsidy {
                None => None,
                Some(wanted) => match app.subsidies()?.into_iter().find(|s| named(&s.id.to_string(), &s.name, &wanted))
                {
                    Some(s) => Some(s),
                    None => {
                        eprintln!("draagkracht-cli: the branch has no subsidy with the id or name {wanted:?}.");
                        return Ok(ExitCode::from(2));
                    }
                },
            };
            // A subsidy's period unless another is given.
            let (from, to) = match (&subsidy, from, to) {
                (_, Some(from), Some(to)) => (from, to),
                (Some(s), from, to) => {
                    (from.unwrap_or_else(|| s.first_day.to_string()), to.unwrap_or_else(|| s.last_day.to_string()))
                }
                _ => unreachable!("clap requires --from and --to without --subsidy"),
            };
            let input = ReportInput {
                from,
                to,
                programme_id,
                municipality_id,
                subsidy_id: subsidy.map(|s| s.id),
                audience: match audience {
                    AudienceArg::Funder => ReportAudience::Funder,
                    AudienceArg::Internal => ReportAudience::Internal,
                },
                language: match language {
                    LanguageArg::Nl => Language::Nl,
                    LanguageArg::En => Language::En,
                },
            };
            let format = match format {
                FormatArg::Pdf => ReportFormat::Pdf,
                FormatArg::Xlsx => ReportFormat::Xlsx,
                FormatArg::Csv => ReportFormat::Csv,
                FormatArg::CsvRfc => ReportFormat::CsvRfc,
            };
            let started = Instant::now();
            let saved = app.export_report(&input, format, &out, today)?;
            println!(
                "report written to {} ({} bytes) in {:.2} s",
                saved.path,
                saved.bytes,
                started.elapsed().as_secs_f64()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { db, out } => {
            let started = Instant::now();
            let rows = open_existing(&db)?.export_all(&out)?;
            println!("exported {rows} records to {} in {:.2} s", out.display(), started.elapsed().as_secs_f64());
            Ok(ExitCode::SUCCESS)
        }
        Command::Import { db, map: Some(map), file, today } => {
            let today = today.unwrap_or_else(|| Local::now().date_naive());
            let file = existing(&file)?;
            let mut app = open_existing(&db)?;
            let input = spreadsheet_mapping(&app, &existing(&map)?, &file)?;
            let dry = app.dry_run_import(&input, today)?;
            if !dry.problems.is_empty() || !dry.missing_fields.is_empty() {
                for field in &dry.missing_fields {
                    eprintln!("no column is mapped to {field:?}, which this kind needs");
                }
                for p in &dry.problems {
                    eprintln!("row {}, column {}: {}", p.row, p.column, p.reason_en);
                }
                eprintln!("draagkracht-cli: nothing was imported ({} row(s) cannot come in).", dry.problems.len());
                return Ok(ExitCode::from(2));
            }
            let started = Instant::now();
            let outcome = app.run_import(&input, today, |_| {})?;
            println!(
                "imported {} rows from {} ({} already there, {} left out) in {:.2} s",
                outcome.added,
                file.display(),
                outcome.existing,
                dry.skipped,
                started.elapsed().as_secs_f64()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Import { db, map: None, file, .. } => {
            let file = existing(&file)?;
            if db.exists() {
                eprintln!("draagkracht-cli: {} exists; an import goes into a new database.", db.display());
                return Ok(ExitCode::from(2));
            }
            let started = Instant::now();
            // Built under a name of its own and moved into place only when complete: an import
            // stopped part-way (the laptop switched off) leaves nothing at `db`, so it can simply
            // run again; what it left under the other name goes first.
            let partial = with_suffix(&db, ".importing");
            remove_database(&partial);
            let mut app = demo_database(&partial)?;
            match app.import_all(&file) {
                Ok(rows) => {
                    drop(app);
                    move_database(&partial, &db)?;
                    println!(
                        "imported {rows} records into {} in {:.2} s",
                        db.display(),
                        started.elapsed().as_secs_f64()
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    // Nothing was imported: the new, empty database goes again.
                    drop(app);
                    remove_database(&partial);
                    Err(e)
                }
            }
        }
        Command::Invite { db, folder, server, name } => {
            let mut app = open_existing(&db)?;
            start_sharing(&mut app, place(folder, server).as_deref(), &name)?;
            let made = app.invite(Utc::now())?;
            println!("Code om aan te sluiten / join code: {}", made.code);
            println!("geldig tot / valid until {}", made.expires_at);
            Ok(ExitCode::SUCCESS)
        }
        Command::Join { db, folder, server, code, name } => {
            let target = place(folder, server).unwrap_or_default();
            if db.exists() {
                eprintln!("draagkracht-cli: {} exists; a laptop joins with a new database.", db.display());
                return Ok(ExitCode::from(2));
            }
            let mut app = demo_database(&db)?;
            let started = Instant::now();
            let joined = app.join(&target, &code, &name, Utc::now(), |step, steps| {
                eprintln!("joining: step {step} of {steps}");
            });
            match joined {
                Ok(report) => {
                    println!(
                        "joined branch {}: {} records from the snapshot, {} later changes in {} batches, in {:.2} s",
                        report.branch_id,
                        report.records,
                        report.sync.received_changes,
                        report.sync.received_batches,
                        started.elapsed().as_secs_f64()
                    );
                    print_problems(&report.sync.problems);
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    drop(app);
                    remove_database(&db);
                    Err(e)
                }
            }
        }
        Command::Sync { db, folder, server, name, json } => {
            let mut app = open_existing(&db)?;
            start_sharing(&mut app, place(folder, server).as_deref(), &name)?;
            let started = Instant::now();
            let report = app.sync(Utc::now())?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
            } else {
                println!(
                    "sent {} changes in {} batches; received {} changes in {} batches ({} fields changed here, {} new two versions, {} batches waiting); {} changes still to send; {:.2} s",
                    report.sent_changes,
                    report.sent_batches,
                    report.received_changes,
                    report.received_batches,
                    report.changed_here,
                    report.new_two_versions,
                    report.waiting_batches,
                    report.changes_waiting,
                    started.elapsed().as_secs_f64()
                );
                print_problems(&report.problems);
            }
            Ok(if report.problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::ServerInit { server } => {
            let version = draagkracht_api::sharing::init_server(&server)?;
            println!("server schema at version {version}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Publish { db, server, out, branch, from, to, today } => {
            let today = today.unwrap_or_else(|| Local::now().date_naive());
            let mut app = open_existing(&db)?;
            let month = |text: &str| NaiveDate::parse_from_str(&format!("{}-01", text.trim()), "%Y-%m-%d").ok();
            let mut months = app.publishable_months(today)?;
            for (bound, keep_after) in [(&from, true), (&to, false)] {
                if let Some(text) = bound {
                    let Some(m) = month(text) else {
                        eprintln!("draagkracht-cli: {text:?} is not a month; write it as 2025-01.");
                        return Ok(ExitCode::from(2));
                    };
                    months.retain(|x| if keep_after { *x >= m } else { *x <= m });
                }
            }
            if months.is_empty() {
                eprintln!("draagkracht-cli: there is no complete month with records to publish.");
                return Ok(ExitCode::from(2));
            }
            let started = Instant::now();
            let now = chrono::Utc::now();
            match (server, out) {
                (Some(url), _) => {
                    let p = app.publish_to_server(&url, &months, now)?;
                    println!(
                        "published {} months ({} figures); the server took in {} in {:.2} s",
                        p.months.len(),
                        p.rows,
                        p.taken,
                        started.elapsed().as_secs_f64()
                    );
                }
                (None, Some(out)) => {
                    let branch = match branch {
                        Some(b) => b,
                        None => app.report_settings()?.branch_name,
                    };
                    let bytes = app.publication_file(&branch, &months, now)?;
                    draagkracht_api::national::save_publication_file(&out, &bytes)?;
                    app.note_published(&months, now, None)?;
                    println!(
                        "wrote {} months of {branch} to {} ({} bytes) in {:.2} s",
                        months.len(),
                        out.display(),
                        bytes.len(),
                        started.elapsed().as_secs_f64()
                    );
                }
                (None, None) => unreachable!("clap requires --server or --out"),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::NationalAccount { server, login, branch, region, national } => {
            use draagkracht_api::national::NewAccount;
            let account = match (branch, region, national) {
                (Some(name), region, false) => NewAccount::Branch { name, region },
                (None, Some(region), false) => NewAccount::Region { region },
                (None, None, true) => NewAccount::National,
                _ => {
                    eprintln!(
                        "draagkracht-cli: give --branch NAME (and optionally --region), --region NAME, or --national."
                    );
                    return Ok(ExitCode::from(2));
                }
            };
            let password = draagkracht_api::national::create_account(&server, &login, &account)?;
            println!("login {login} made; its password: {password}");
            Ok(ExitCode::SUCCESS)
        }
        Command::NationalImport { server, file } => {
            let bytes = std::fs::read(&file).map_err(|e| {
                ApiError::new(
                    draagkracht_api::ErrorCode::Storage,
                    format!("{} kon niet worden gelezen ({e}).", file.display()),
                    format!("{} could not be read ({e}).", file.display()),
                )
            })?;
            let accepted = draagkracht_api::national::accept_publication_file(&server, &bytes)?;
            println!(
                "took in {} of {} months of {} from {}",
                accepted.taken,
                accepted.months,
                accepted.branch,
                file.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::NationalReport {
            server,
            from,
            to,
            region,
            branch,
            municipality,
            audience,
            format,
            language,
            out,
            today,
        } => {
            let today = today.unwrap_or_else(|| Local::now().date_naive());
            let input = draagkracht_api::national::NationalReportInput {
                from,
                to,
                audience: match audience {
                    AudienceArg::Funder => ReportAudience::Funder,
                    AudienceArg::Internal => ReportAudience::Internal,
                },
                language: match language {
                    LanguageArg::Nl => Language::Nl,
                    LanguageArg::En => Language::En,
                },
                region,
                branches: branch,
                municipality,
            };
            let format = match format {
                FormatArg::Pdf => ReportFormat::Pdf,
                FormatArg::Xlsx => ReportFormat::Xlsx,
                FormatArg::Csv => ReportFormat::Csv,
                FormatArg::CsvRfc => ReportFormat::CsvRfc,
            };
            let started = Instant::now();
            let doc = draagkracht_api::national::national_report(&server, &input, today)?;
            let saved = draagkracht_api::save_report(&doc, format, &out)?;
            println!(
                "national report written to {} ({} bytes) in {:.2} s",
                saved.path,
                saved.bytes,
                started.elapsed().as_secs_f64()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Devices { db, json } => {
            let status = open_existing(&db)?.sharing_status()?;
            if json {
                println!("{}", serde_json::to_string_pretty(&status.devices).unwrap_or_default());
            } else {
                for d in &status.devices {
                    println!(
                        "{}  {:<24} {:>6} batches  last seen {}{}{}",
                        d.id,
                        d.name,
                        d.batches,
                        d.last_seen.as_deref().unwrap_or("-"),
                        if d.this_laptop { "  (this laptop)" } else { "" },
                        if d.removed { "  (removed)" } else { "" }
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::RemoveDevice { db, device } => {
            let must_reinvite = open_existing(&db)?.remove_laptop(&device, Utc::now())?;
            println!("removed {device}; the branch has a new key");
            for name in must_reinvite {
                println!("{name} never synced and must be invited again");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Versions { db, json } => {
            let versions = open_existing(&db)?.two_versions()?;
            if json {
                println!("{}", serde_json::to_string_pretty(&versions).unwrap_or_default());
            } else {
                for v in &versions {
                    println!(
                        "{} {}.{} of {}: kept {:?} ({}, {}), other {:?} ({}, {})",
                        v.id, v.table, v.field, v.record, v.kept, v.kept_by, v.kept_at, v.other, v.other_by, v.other_at
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { db, json } => {
            let report = open_existing(&db)?.check()?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
            } else {
                println!("database:     {}", db.display());
                println!("integrity:    {}", report.integrity.join("; "));
                println!(
                    "foreign keys: {}",
                    if report.foreign_key_violations.is_empty() {
                        "ok".to_string()
                    } else {
                        report.foreign_key_violations.join("; ")
                    }
                );
                println!("schema:       {}", report.schema_version);
                println!("hour entries: {}", report.hour_entries);
                println!("result:       {}", if report.sound { "sound" } else { "NOT SOUND" });
            }
            Ok(if report.sound { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
    }
}

/// The place given on the command line: a folder or a server address.
fn place(folder: Option<PathBuf>, server: Option<String>) -> Option<String> {
    server.or_else(|| folder.map(|f| f.display().to_string()))
}

/// Starts sharing at `place` when one is given (when sharing already: moves to another folder).
fn start_sharing(app: &mut Draagkracht, place: Option<&str>, name: &str) -> Result<(), ApiError> {
    if let Some(place) = place {
        let sharing = app.sharing_status()?;
        // The status shows a server address without its password: a server given again is the same.
        let same = sharing.place.as_deref() == Some(place) || draagkracht_api::sharing::is_server(place);
        if !(sharing.sharing && same) {
            app.share(place, name, Utc::now())?;
        }
    }
    Ok(())
}

fn print_problems(problems: &[draagkracht_api::wire::SyncProblem]) {
    for p in problems {
        eprintln!("problem: {}", p.message_en);
    }
}

/// The passphrase: from `DRAAGKRACHT_PASSPHRASE`, else asked on the terminal.
fn passphrase() -> Result<Zeroizing<String>, ApiError> {
    secret("DRAAGKRACHT_PASSPHRASE", "Wachtwoordzin / passphrase: ")
}

/// A new passphrase, twice: from `DRAAGKRACHT_NEW_PASSPHRASE`, else asked on the terminal.
fn new_passphrase() -> Result<(Zeroizing<String>, Zeroizing<String>), ApiError> {
    match std::env::var("DRAAGKRACHT_NEW_PASSPHRASE") {
        Ok(p) => Ok((Zeroizing::new(p.clone()), Zeroizing::new(p))),
        Err(_) => {
            Ok((secret("", "Nieuwe wachtwoordzin / new passphrase: ")?, secret("", "Nog een keer / once more: ")?))
        }
    }
}

/// A secret from the environment variable `var` (when named and set), else asked on the terminal
/// without echo.
fn secret(var: &str, prompt: &str) -> Result<Zeroizing<String>, ApiError> {
    if let Ok(p) = std::env::var(var) {
        return Ok(Zeroizing::new(p));
    }
    rpassword::prompt_password(prompt).map(Zeroizing::new).map_err(|e| {
        let (nl, en) =
            if var.is_empty() { Default::default() } else { (format!("; zet {var}"), format!("; set {var}")) };
        ApiError::new(
            ErrorCode::WrongPassphrase,
            format!("Niets gelezen van de terminal ({e}){nl}."),
            format!("Nothing read from the terminal ({e}){en}."),
        )
    })
}

/// An existing database, unlocked when it is encrypted.
fn open_existing(db: &std::path::Path) -> Result<Draagkracht, ApiError> {
    unlocked(&existing(db)?)?.into_app()
}

fn unlocked(db: &std::path::Path) -> Result<Gate, ApiError> {
    let mut gate = Gate::new(db);
    if gate.access().state == AccessState::Locked {
        gate.unlock(&passphrase()?)?;
    }
    if let Some(problem) = gate.access().problem {
        return Err(problem);
    }
    Ok(gate)
}

/// A spreadsheet mapping from a JSON file that names columns by their header.
fn spreadsheet_mapping(
    app: &Draagkracht,
    map: &std::path::Path,
    file: &std::path::Path,
) -> Result<draagkracht_api::wire::MappingInput, ApiError> {
    use draagkracht_api::wire::{ColumnMapping, ImportKind, MappingInput, TargetField};
    #[derive(serde::Deserialize)]
    struct MapFile {
        kind: ImportKind,
        sheet: Option<String>,
        columns: std::collections::HashMap<String, TargetField>,
    }
    let text = std::fs::read_to_string(map).map_err(|e| {
        ApiError::new(ErrorCode::NotFound, format!("{}: {e}", map.display()), format!("{}: {e}", map.display()))
    })?;
    let parsed: MapFile = serde_json::from_str(&text).map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!("De koppeling in {} klopt niet: {e}", map.display()),
            format!("The mapping in {} is not right: {e}", map.display()),
        )
    })?;
    let path = file.display().to_string();
    let preview = app.read_sheet(&path, parsed.sheet.as_deref())?;
    let columns = preview
        .columns
        .iter()
        .map(|c| ColumnMapping {
            index: c.index,
            field: parsed.columns.get(c.header.trim()).copied().unwrap_or(TargetField::Ignore),
        })
        .collect();
    Ok(MappingInput { path, sheet: parsed.sheet, kind: parsed.kind, columns })
}

/// Removes a database file that this run created, with its companions.
/// The files a database is made of besides itself: SQLite's journal, the key parameters, the
/// recovery-code file and the lock.
const DATABASE_FILES: [&str; 6] = ["", "-wal", "-shm", ".kdf.json", ".recovery.json", ".lock"];

fn with_suffix(db: &std::path::Path, suffix: &str) -> PathBuf {
    let name = db.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    db.with_file_name(format!("{name}{suffix}"))
}

fn remove_database(db: &std::path::Path) {
    for suffix in DATABASE_FILES {
        let _ = std::fs::remove_file(with_suffix(db, suffix));
    }
}

/// Moves a closed database and the files beside it to `to` (same folder: renames).
fn move_database(from: &std::path::Path, to: &std::path::Path) -> Result<(), ApiError> {
    for suffix in DATABASE_FILES {
        let source = with_suffix(from, suffix);
        if suffix == ".lock" {
            let _ = std::fs::remove_file(&source);
        } else if source.exists() {
            std::fs::rename(&source, with_suffix(to, suffix)).map_err(|e| {
                ApiError::new(
                    draagkracht_api::ErrorCode::Storage,
                    format!("{} kon niet naar {} worden verplaatst: {e}", source.display(), to.display()),
                    format!("{} could not be moved to {}: {e}", source.display(), to.display()),
                )
            })?;
        }
    }
    Ok(())
}

/// A new database (for the demo or an import): encrypted when `DRAAGKRACHT_PASSPHRASE` is set.
fn demo_database(db: &std::path::Path) -> Result<Draagkracht, ApiError> {
    if db.exists() {
        return open_existing(db);
    }
    let passphrase = std::env::var("DRAAGKRACHT_PASSPHRASE").ok().map(Zeroizing::new);
    let mut gate = Gate::new(db);
    gate.create(&NewDatabaseInput {
        passphrase: passphrase.as_ref().map(|p| p.to_string()),
        repeat: passphrase.as_ref().map(|p| p.to_string()),
    })?;
    gate.into_app()
}

/// Refuses a path that does not exist, instead of creating an empty database there.
fn existing(db: &std::path::Path) -> Result<PathBuf, ApiError> {
    if db.exists() {
        Ok(db.to_path_buf())
    } else {
        Err(ApiError::new(
            draagkracht_api::ErrorCode::NotFound,
            format!("{} bestaat niet", db.display()),
            format!("{} does not exist", db.display()),
        ))
    }
}

/// Whether `wanted` is this id or, ignoring case and spaces around it, this name.
fn named(id: &str, name: &str, wanted: &str) -> bool {
    id == wanted.trim() || name.to_lowercase() == wanted.trim().to_lowercase()
}
