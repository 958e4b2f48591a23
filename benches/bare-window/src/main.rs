//! A bare Tauri 2 window with one heading: what a Tauri app costs before it does anything, for
//! comparing the app's start and memory with (`make bench`).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default().run(tauri::generate_context!()).expect("the bare window");
}
