//! Tauri's build step: embeds tauri.conf.json, the capabilities and the icons, and generates an
//! `allow-<command>` permission for each of the app's commands. Listing them here switches off
//! Tauri's "every app command is allowed" default: the window may call exactly the commands the
//! capability in `capabilities/default.json` names (a tidy test keeps the three lists equal).

const COMMANDS: &[&str] = &[
    "database_access",
    "create_database",
    "unlock",
    "lock",
    "change_passphrase",
    "make_recovery_code",
    "recover",
    "list_backups",
    "make_backup",
    "restore_backup",
    "restore_backup_file",
    "backup_settings",
    "set_backup_location",
    "export_person",
    "erase_person",
    "retention_review",
    "anonymise_participants",
    "privacy_settings",
    "set_coordinator_name",
    "set_retention",
    "audit_log",
    "read_sheet",
    "dry_run_import",
    "run_import",
    "export_all_data",
    "import_all_data",
    "app_status",
    "set_up",
    "set_language",
    "list_programmes",
    "create_programme",
    "update_programme",
    "list_volunteers",
    "get_volunteer",
    "create_volunteer",
    "update_volunteer",
    "volunteer_choices",
    "log_hours",
    "delete_hour_entry",
    "week_grid",
    "set_day_hours",
    "about",
    "open_folder",
    "month_overview",
    "branch_trend",
    "volunteer_load",
    "list_participants",
    "get_participant",
    "create_participant",
    "update_participant",
    "create_match",
    "match_room",
    "goals",
    "save_goal",
    "municipalities",
    "save_municipality",
    "remove_municipality",
    "subsidies",
    "save_subsidy",
    "remove_subsidy",
    "stories",
    "save_story",
    "choose_story",
    "remove_story",
    "organisations",
    "save_organisation",
    "remove_organisation",
    "organisations_for",
    "get_match",
    "end_match",
    "volunteer_matches",
    "assess_case",
    "add_professional",
    "update_professional",
    "log_referral",
    "update_referral",
    "case_vocabulary",
    "list_activities",
    "create_activity",
    "update_activity",
    "attention_list",
    "get_signal",
    "signal_guides",
    "set_signal_guide",
    "act_on_signal",
    "volunteer_signals",
    "list_thresholds",
    "set_threshold",
    "volunteer_support",
    "record_support",
    "set_required_training",
    "support_settings",
    "set_support_settings",
    "report_settings",
    "set_report_settings",
    "preview_report",
    "export_report",
    "national_connect",
    "national_preview",
    "national_export",
    "publishing_status",
    "publish_to_server",
    "publish_to_file",
    "sharing_status",
    "share_in_folder",
    "invite_laptop",
    "join_branch",
    "sync_now",
    "remove_laptop",
    "two_versions",
    "settle_two_versions",
];

fn main() {
    // "Over Draagkracht" shows the day this build was made: SOURCE_DATE_EPOCH when a release
    // sets it (a reproducible build), else the clock.
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let seconds = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.parse::<i64>().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
    });
    println!("cargo:rustc-env=DRAAGKRACHT_BUILD_DATE={}", iso_date(seconds.div_euclid(86_400)));
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step");
}

/// The civil date of a day number since 1970-01-01 (Howard Hinnant's days_from_civil, inverted),
/// so the build step needs no date crate.
fn iso_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}
