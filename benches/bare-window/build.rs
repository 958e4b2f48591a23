//! Tauri's build step for the bare window (embeds tauri.conf.json and dist/).
fn main() {
    tauri_build::build();
}
