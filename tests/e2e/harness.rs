//! The harness: a private X display, tauri-driver on free ports, the app with its own data
//! directory, a WebDriver session, screenshots and accessibility checks.

use serde_json::{json, Value};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

/// One window at a time: the tests share the X display and the machine has two cores.
pub(crate) static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

pub fn workspace() -> PathBuf {
    PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo test"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| workspace().join("target"))
}

/// The app binary under test: `DRAAGKRACHT_APP`, else the workspace's debug build.
pub(crate) fn app_binary() -> PathBuf {
    let path = std::env::var_os("DRAAGKRACHT_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug").join("draagkracht"));
    assert!(path.exists(), "{} does not exist: build the app first (`make test` does)", path.display());
    path
}

/// Two distinct free ports (both held while choosing, so they cannot coincide).
fn free_ports() -> (u16, u16) {
    let bind = || TcpListener::bind("127.0.0.1:0").expect("a free port");
    let (a, b) = (bind(), bind());
    let port = |l: &TcpListener| l.local_addr().expect("local address").port();
    (port(&a), port(&b))
}

fn wait_for_port(port: u16, within: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < within {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// A child process stopped with SIGTERM on drop (SIGKILL would leave WebKitWebDriver on its port).
pub(crate) struct Terminated(Child);

impl Drop for Terminated {
    fn drop(&mut self) {
        let _ = Command::new("kill").arg("-TERM").arg(self.0.id().to_string()).status();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The display to use: `DISPLAY` when set, else a private Xvfb started here.
pub(crate) fn display() -> (String, Option<Terminated>) {
    if let Some(d) = std::env::var("DISPLAY").ok().filter(|d| !d.is_empty()) {
        return (d, None);
    }
    for n in 90..130 {
        if Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() || Path::new(&format!("/tmp/.X{n}-lock")).exists() {
            continue;
        }
        let child = Command::new("Xvfb")
            .args([format!(":{n}").as_str(), "-screen", "0", "1280x900x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb must be installed (apt install xvfb) when there is no DISPLAY");
        let guard = Terminated(child);
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() {
                return (format!(":{n}"), Some(guard));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    panic!("could not start Xvfb");
}

/// A running app in its own data directory, with a WebDriver session on its window.
pub struct Session {
    pub driver: WebDriver,
    pub name: &'static str,
    step: std::sync::atomic::AtomicU32,
    keystrokes: std::sync::atomic::AtomicU32,
    display: String,
    _data_home: tempfile::TempDir,
    _driver_process: Terminated,
    _display: Option<Terminated>,
    _turn: Option<std::sync::MutexGuard<'static, ()>>,
}

impl Session {
    /// Starts the app with a fresh data directory (a first start).
    pub async fn start(name: &'static str) -> Session {
        Session::start_with(name, tempfile::tempdir().expect("temp data dir")).await
    }

    /// Starts the app on a data directory prepared beforehand (an existing database).
    pub async fn start_with(name: &'static str, data_home: tempfile::TempDir) -> Session {
        Session::start_binary(name, app_binary(), data_home).await
    }

    /// Starts another Tauri binary (a bare window, for comparison) the same way.
    pub async fn start_binary(name: &'static str, binary: PathBuf, data_home: tempfile::TempDir) -> Session {
        let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
        let (display, display_guard) = display();
        Session::launch(name, binary, data_home, display, display_guard, Some(turn)).await
    }

    /// Starts a second app, a colleague's laptop, with its own data directory in its own window on
    /// the same display (the turn and the display stay with the first session).
    pub async fn start_beside(&self, name: &'static str) -> Session {
        let data_home = tempfile::tempdir().expect("temp data dir");
        Session::launch(name, app_binary(), data_home, self.display.clone(), None, None).await
    }

    async fn launch(
        name: &'static str,
        binary: PathBuf,
        data_home: tempfile::TempDir,
        display: String,
        display_guard: Option<Terminated>,
        turn: Option<std::sync::MutexGuard<'static, ()>>,
    ) -> Session {
        let (port, native_port) = free_ports();
        let tauri_driver = std::env::var_os("TAURI_DRIVER").map(PathBuf::from).unwrap_or_else(|| "tauri-driver".into());
        let child = Command::new(&tauri_driver)
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("DISPLAY", &display)
            .env("XDG_DATA_HOME", data_home.path())
            .env("XDG_CONFIG_HOME", data_home.path().join("config"))
            .env("XDG_CACHE_HOME", data_home.path().join("cache"))
            // No session bus: the single-instance plugin then lets each app start on its own, so two
            // laptops can run side by side (with a bus the second would hand over to the first).
            .env("DBUS_SESSION_BUS_ADDRESS", format!("unix:path={}", data_home.path().join("no-bus").display()))
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("{} could not start ({e}): cargo install tauri-driver --locked", tauri_driver.display())
            });
        let driver_process = Terminated(child);
        assert!(wait_for_port(port, Duration::from_secs(15)), "tauri-driver did not listen on {port}");

        let mut caps = serde_json::Map::new();
        caps.insert("tauri:options".into(), json!({ "application": binary }));
        // tauri-driver listens before WebKitWebDriver behind it does: now and then the first
        // request is dropped. Retry a few times rather than fail the flow.
        let mut attempt = 0;
        let driver = loop {
            match WebDriver::new(format!("http://127.0.0.1:{port}"), caps.clone()).await {
                Ok(driver) => break driver,
                Err(e) if attempt < 4 => {
                    eprintln!("WebDriver session, attempt {}: {e}; retrying", attempt + 1);
                    attempt += 1;
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
                Err(e) => panic!("a WebDriver session on the app: {e}"),
            }
        };
        let session = Session {
            driver,
            name,
            step: Default::default(),
            keystrokes: Default::default(),
            display,
            _data_home: data_home,
            _driver_process: driver_process,
            _display: display_guard,
            _turn: turn,
        };
        // The first screen is painted once the app has answered app_status.
        session.find("h1").await;
        session
    }

    /// The element for a CSS selector, waiting for it to appear.
    pub async fn find(&self, css: &str) -> WebElement {
        self.driver
            .query(By::Css(css))
            .wait(Duration::from_secs(20), Duration::from_millis(100))
            .first()
            .await
            .unwrap_or_else(|e| panic!("[{}] no element {css}: {e}", self.name))
    }

    pub async fn by_test_id(&self, id: &str) -> WebElement {
        self.find(&format!("[data-testid='{id}']")).await
    }

    /// Clicks the element. Projecten, Veiligheid, Privacy and Gegevens sit in the header's Beheer
    /// menu (ui/src/features/shell/AppNav.svelte), hidden while it is closed: a menu link that is
    /// not shown is reached as a person would, by opening Beheer (`nav-manage`) first.
    pub async fn click(&self, id: &str) {
        let el = self.by_test_id(id).await;
        if id.starts_with("nav-") && !el.is_displayed().await.unwrap_or(true) {
            self.by_test_id("nav-manage")
                .await
                .click()
                .await
                .unwrap_or_else(|e| panic!("[{}] open the menu for {id}: {e}", self.name));
            let start = Instant::now();
            while !el.is_displayed().await.unwrap_or(false) && start.elapsed() < Duration::from_secs(5) {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        el.click().await.unwrap_or_else(|e| panic!("[{}] click {id}: {e}", self.name));
    }

    pub async fn type_into(&self, id: &str, text: &str) {
        let el = self.by_test_id(id).await;
        el.clear().await.ok();
        el.send_keys(text).await.unwrap_or_else(|e| panic!("[{}] type into {id}: {e}", self.name));
    }

    /// Chooses the option whose text contains `text` in `id`, as a person would: in a picker (a text
    /// field with a list, ui/src/lib/Picker.svelte) by typing `text` and clicking what it offers, in
    /// a select by clicking the option. Waits for the option to appear (options often load after
    /// the field).
    pub async fn choose(&self, id: &str, text: &str) {
        let field = self.by_test_id(id).await;
        let picker = field.tag_name().await.is_ok_and(|tag| tag.eq_ignore_ascii_case("input"));
        if picker {
            field.click().await.unwrap_or_else(|e| panic!("[{}] click {id}: {e}", self.name));
            field.clear().await.ok();
            field.send_keys(text).await.unwrap_or_else(|e| panic!("[{}] type into {id}: {e}", self.name));
        }
        let css = if picker { format!("[data-testid='{id}-option']") } else { format!("[data-testid='{id}'] option") };
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(15) {
            let options = self.driver.find_all(By::Css(css.as_str())).await.unwrap_or_default();
            for option in options {
                if option.text().await.unwrap_or_default().contains(text) {
                    option.click().await.unwrap_or_else(|e| panic!("[{}] choose {text:?} in {id}: {e}", self.name));
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        self.screenshot("failed").await;
        panic!("[{}] {id} has no option containing {text:?}", self.name);
    }

    /// Scrolls the element into view (screenshots show the window, not the whole page).
    pub async fn scroll_to(&self, id: &str) {
        let el = self.by_test_id(id).await;
        el.scroll_into_view().await.unwrap_or_else(|e| panic!("[{}] scroll to {id}: {e}", self.name));
    }

    /// Waits until the element's text contains `expected`; returns the text.
    pub async fn wait_for_text(&self, id: &str, expected: &str) -> String {
        let start = Instant::now();
        let mut last = String::new();
        while start.elapsed() < Duration::from_secs(15) {
            if let Ok(Some(el)) = self.driver.query(By::Css(format!("[data-testid='{id}']"))).nowait().first_opt().await
            {
                last = el.text().await.unwrap_or_default();
                if last.contains(expected) {
                    return last;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        self.screenshot("failed").await;
        panic!("[{}] {id} should contain {expected:?}, has {last:?}", self.name);
    }

    /// Saves `target/e2e-screenshots/<test>-<nn>-<step>.png`.
    pub async fn screenshot(&self, step: &str) -> PathBuf {
        let n = self.step.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        let dir = workspace().join("target").join("e2e-screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot dir");
        let path = dir.join(format!("{}-{n:02}-{step}.png", self.name));
        // WebKit hands out the last painted frame: wait until two new frames have been rendered
        // (and transitions have settled) so the picture shows this step, not the one before.
        tokio::time::sleep(Duration::from_millis(200)).await;
        self.driver
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)));",
                vec![],
            )
            .await
            .unwrap_or_else(|e| panic!("[{}] wait for a frame: {e}", self.name));
        self.driver.screenshot(&path).await.unwrap_or_else(|e| panic!("[{}] screenshot {step}: {e}", self.name));
        path
    }

    /// Runs axe-core (WCAG 2.1 A and AA rules) on the current screen and fails on serious or
    /// critical findings.
    pub async fn assert_accessible(&self, screen: &str) {
        let axe_path = workspace().join("ui/node_modules/axe-core/axe.min.js");
        let axe = std::fs::read_to_string(&axe_path)
            .unwrap_or_else(|e| panic!("{} missing ({e}): npm ci in ui/", axe_path.display()));
        self.driver.execute(axe.as_str(), vec![]).await.expect("inject axe-core");
        let result = self
            .driver
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                   axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                      .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                                                 nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))))
                      .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));"#,
                vec![],
            )
            .await
            .expect("run axe-core");
        let violations: Vec<Value> = result.convert().expect("axe result");
        let serious: Vec<&Value> =
            violations.iter().filter(|v| matches!(v["impact"].as_str(), Some("serious") | Some("critical"))).collect();
        for v in &violations {
            eprintln!("[{}] axe on {screen}: {} ({}) {}", self.name, v["id"], v["impact"], v["nodes"]);
        }
        assert!(serious.is_empty(), "[{}] accessibility on {screen}: {serious:#?}", self.name);
    }

    /// Types into whatever has the focus, as a person at the keyboard does; every key counts in
    /// [`Session::keystrokes`] (a chord such as Ctrl+Z as its two keys).
    pub async fn press(&self, keys: impl Into<thirtyfour::common::keys::TypingData>) {
        let keys = keys.into();
        let count = keys.as_vec().iter().filter(|&&c| c != Key::Null.value()).count() as u32;
        self.keystrokes.fetch_add(count, std::sync::atomic::Ordering::Relaxed);
        let focused = self.driver.active_element().await.expect("the focused element");
        focused.send_keys(keys).await.expect("typing");
    }

    /// How many keys [`Session::press`] has typed so far.
    pub fn keystrokes(&self) -> u32 {
        self.keystrokes.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Ends the session like [`Session::quit`] but hands back the data directory, to look at what
    /// the app left there.
    pub async fn quit_keeping_data(self) -> tempfile::TempDir {
        let Session { driver, _data_home, .. } = self;
        let _ = driver.quit().await;
        _data_home
    }

    /// Ends the WebDriver session (closing the app), then stops tauri-driver and the display.
    pub async fn quit(self) {
        let Session { driver, .. } = self;
        let _ = driver.quit().await;
    }
}
