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
    "list_backups",
    "make_backup",
    "restore_backup",
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
    "month_overview",
    "branch_trend",
    "volunteer_load",
    "list_participants",
    "get_participant",
    "create_participant",
    "update_participant",
    "create_match",
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
    "act_on_signal",
    "volunteer_signals",
    "list_thresholds",
    "set_threshold",
    "volunteer_support",
    "record_support",
    "set_required_training",
    "support_settings",
    "set_support_settings",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step");
}
