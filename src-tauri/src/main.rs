//! The Draagkracht desktop app: a Tauri window over the api crate. This file only wires things up;
//! the commands live in `commands/`, one module per feature, each a thin adapter.

// No console window beside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod state;
mod window_size;

use tauri::Manager;

fn main() {
    // `draagkracht --version`: the workspace version, the one every package carries; no window.
    if std::env::args().skip(1).any(|a| a == "--version" || a == "-V") {
        println!("Draagkracht {}", env!("CARGO_PKG_VERSION"));
        return;
    }
    tauri::Builder::default()
        // First, as the plugin asks: a second start hands over to the running window and exits.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        // Opens Draagkracht's own folders (commands::about); the window gets none of its commands.
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            window_size::fit_main_window(app);
            let state = state::AppState::open_in(app.path().app_data_dir());
            app.manage(state);
            state::sync_in_background(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::safety::database_access,
            commands::safety::create_database,
            commands::safety::unlock,
            commands::safety::lock,
            commands::safety::change_passphrase,
            commands::safety::make_recovery_code,
            commands::safety::recover,
            commands::safety::list_backups,
            commands::safety::make_backup,
            commands::safety::restore_backup,
            commands::safety::restore_backup_file,
            commands::safety::backup_settings,
            commands::safety::set_backup_location,
            commands::privacy::export_person,
            commands::privacy::erase_person,
            commands::privacy::retention_review,
            commands::privacy::anonymise_participants,
            commands::privacy::privacy_settings,
            commands::privacy::set_coordinator_name,
            commands::privacy::set_retention,
            commands::privacy::audit_log,
            commands::data::read_sheet,
            commands::data::dry_run_import,
            commands::data::run_import,
            commands::data::export_all_data,
            commands::data::import_all_data,
            commands::setup::app_status,
            commands::setup::set_up,
            commands::setup::set_language,
            commands::programmes::list_programmes,
            commands::programmes::goals,
            commands::programmes::save_goal,
            commands::programmes::create_programme,
            commands::programmes::update_programme,
            commands::volunteers::list_volunteers,
            commands::volunteers::get_volunteer,
            commands::volunteers::create_volunteer,
            commands::volunteers::update_volunteer,
            commands::hours::volunteer_choices,
            commands::hours::log_hours,
            commands::hours::delete_hour_entry,
            commands::hours::week_grid,
            commands::hours::set_day_hours,
            commands::about::about,
            commands::about::open_folder,
            commands::overview::month_overview,
            commands::overview::branch_trend,
            commands::overview::volunteer_load,
            commands::participants::list_participants,
            commands::participants::get_participant,
            commands::participants::create_participant,
            commands::participants::update_participant,
            commands::cases::create_match,
            commands::cases::match_room,
            commands::funding::municipalities,
            commands::funding::save_municipality,
            commands::funding::remove_municipality,
            commands::funding::subsidies,
            commands::funding::save_subsidy,
            commands::funding::remove_subsidy,
            commands::funding::stories,
            commands::funding::save_story,
            commands::funding::choose_story,
            commands::funding::remove_story,
            commands::cases::organisations,
            commands::cases::save_organisation,
            commands::cases::remove_organisation,
            commands::cases::organisations_for,
            commands::cases::get_match,
            commands::cases::end_match,
            commands::cases::volunteer_matches,
            commands::cases::assess_case,
            commands::cases::add_professional,
            commands::cases::update_professional,
            commands::cases::log_referral,
            commands::cases::update_referral,
            commands::cases::case_vocabulary,
            commands::activities::list_activities,
            commands::activities::create_activity,
            commands::activities::update_activity,
            commands::signals::attention_list,
            commands::signals::get_signal,
            commands::signals::signal_guides,
            commands::signals::set_signal_guide,
            commands::signals::act_on_signal,
            commands::signals::volunteer_signals,
            commands::signals::list_thresholds,
            commands::signals::set_threshold,
            commands::volunteers::volunteer_support,
            commands::volunteers::record_support,
            commands::programmes::set_required_training,
            commands::programmes::support_settings,
            commands::programmes::set_support_settings,
            commands::reports::report_settings,
            commands::reports::set_report_settings,
            commands::reports::preview_report,
            commands::reports::export_report,
            commands::national::national_connect,
            commands::national::national_preview,
            commands::national::national_export,
            commands::national::publishing_status,
            commands::national::publish_to_server,
            commands::national::publish_to_file,
            commands::sharing::sharing_status,
            commands::sharing::share_in_folder,
            commands::sharing::invite_laptop,
            commands::sharing::join_branch,
            commands::sharing::sync_now,
            commands::sharing::remove_laptop,
            commands::sharing::two_versions,
            commands::sharing::settle_two_versions,
        ])
        .build(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("Draagkracht kon niet starten / could not start: {e}");
            std::process::exit(1);
        })
        .run(|app, event| {
            // Tauri ends the process without dropping its state: the day's backup, still being
            // checked, is finished first.
            if let tauri::RunEvent::Exit = event {
                let _ = app.state::<state::AppState>().with_gate(|gate| {
                    gate.settle_backup();
                    Ok(())
                });
            }
        });
}
