//! The first window fits the screen: 1200 × 800 where there is room, else the screen's work area
//! (without the taskbar) less a margin — a 1280 × 720 laptop at 150 % has 853 × 480 points — and
//! never below the minimum the layout is made for (800 × 560, tauri.conf.json).

use tauri::{LogicalSize, Manager, WebviewWindow};

const PREFERRED: (f64, f64) = (1200.0, 800.0);
const MINIMUM: (f64, f64) = (800.0, 560.0);
/// Room left around the window for its title bar and border.
const MARGIN: (f64, f64) = (32.0, 48.0);

/// The window size for a work area of `available` points.
pub fn fitted(available: (f64, f64)) -> (f64, f64) {
    let fit = |preferred: f64, minimum: f64, room: f64| preferred.min(room).max(minimum);
    (fit(PREFERRED.0, MINIMUM.0, available.0 - MARGIN.0), fit(PREFERRED.1, MINIMUM.1, available.1 - MARGIN.1))
}

/// Sizes and centres the main window on the screen it opens on.
pub fn fit_main_window(app: &tauri::App) {
    let Some(window) = app.get_webview_window("main") else { return };
    fit(&window);
}

fn fit(window: &WebviewWindow) {
    let Ok(Some(monitor)) = window.current_monitor().or_else(|_| window.primary_monitor()) else { return };
    let area = monitor.work_area().size.to_logical::<f64>(monitor.scale_factor());
    let (width, height) = fitted((area.width, area.height));
    let _ = window.set_size(LogicalSize::new(width, height));
    let _ = window.center();
}

#[cfg(test)]
mod tests {
    use super::fitted;

    #[test]
    fn the_window_fits_the_screen_it_opens_on() {
        assert_eq!(fitted((1920.0, 1040.0)), (1200.0, 800.0), "room enough: the preferred size");
        assert_eq!(fitted((1280.0, 680.0)), (1200.0, 632.0), "1280 × 720 with a taskbar");
        assert_eq!(fitted((853.0, 440.0)), (821.0, 560.0), "150 %: never below the minimum");
    }
}
