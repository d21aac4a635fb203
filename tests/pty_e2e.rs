//! The release-shaped binary in a real pseudo-terminal: keys typed, the
//! screen read back through a VT parser, and the terminal restored on quit.

mod common;

#[path = "common/tui.rs"]
mod tui;

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Session {
    fn start(args: &[&str], data_dir: &std::path::Path) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_ietkit"));
        cmd.args(args);
        cmd.env("TERM", "xterm");
        cmd.env("IETKIT_DATA_DIR", data_dir);
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).expect("start ietkit");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(24).unwrap(),
            NonZeroU16::new(80).unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (parser.clone(), raw.clone());
        let reader = std::thread::spawn(move || {
            let _keep_master = pair.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session {
            parser,
            raw,
            writer,
            child,
            reader: Some(reader),
        }
    }

    /// Waits for ietkit to exit and for every byte it wrote to be read.
    fn finish(&mut self) -> (portable_pty::ExitStatus, String) {
        let status = self.child.wait().expect("ietkit exits");
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        let raw = self.raw.lock().unwrap().clone();
        (status, String::from_utf8_lossy(&raw).into_owned())
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {text:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn pid(&self) -> i32 {
        self.child.process_id().expect("a process id") as i32
    }

    fn signal(&self, signal: &str) {
        let status = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &self.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success());
    }

    fn type_keys(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }
}

#[test]
fn rate_an_indicator_in_a_real_terminal_and_quit_cleanly() {
    let data = common::TempDir::new("pty");
    let mut s = Session::start(&[], data.path());
    s.wait_for("Welcome to ietkit");
    s.type_keys(b"]");
    s.wait_for("PD-1 - not rated");
    s.type_keys(b"2");
    let screen = s.wait_for("PD-1 2 Developing");
    assert!(
        screen.contains("[2] PD-1"),
        "the navigator shows the mark too:\n{screen}"
    );
    assert!(
        screen.contains("1 of 35 done: 1 rated"),
        "the summary counts it:\n{screen}"
    );
    s.wait_for(" PD  saved ");
    // Saved as it happened, so q quits at once.
    s.type_keys(b"q");
    let (status, text) = s.finish();
    assert!(status.success(), "{status:?}");
    assert!(
        text.contains("\u{1b}[?1049h"),
        "entered the alternate screen"
    );
    assert!(
        text.contains("\u{1b}[?2026h"),
        "frames use synchronized output"
    );
    let leave = text
        .rfind("\u{1b}[?1049l")
        .expect("left the alternate screen");
    assert!(
        leave > text.rfind("\u{1b}[?2026l").unwrap(),
        "restored after the last frame"
    );
    assert!(!text.contains("\u{1b}[?1000h"), "no mouse capture");
}

#[test]
fn ctrl_c_quits_a_clean_session_and_restores_the_terminal() {
    let data = common::TempDir::new("pty-ctrl-c");
    let mut s = Session::start(&["--ascii"], data.path());
    let screen = s.wait_for("Welcome to ietkit");
    assert!(
        screen.contains("+ Navigator") || screen.contains("+>Navigator"),
        "{screen}"
    );
    s.type_keys(b"\x03");
    let (status, text) = s.finish();
    assert!(status.success());
    assert!(text.contains("\u{1b}[?1049l"));
}

/// The one assessment file in the data folder's library.
fn saved_file(data: &std::path::Path) -> String {
    let dir = data.join("assessments");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    std::fs::read_to_string(&files[0]).unwrap()
}

#[test]
fn a_rating_survives_sigkill_right_after_it_shows() {
    let data = common::TempDir::new("pty-kill");
    let mut s = Session::start(&[], data.path());
    s.wait_for("Welcome to ietkit");
    s.type_keys(b"]3");
    s.wait_for("PD-1 3 Established");
    s.signal("KILL");
    let _ = s.finish();
    assert!(saved_file(data.path()).contains("rating: Level(3)"));
    // Restart: it opens on the same assessment, rating in place.
    let mut again = Session::start(&[], data.path());
    let screen = again.wait_for("Welcome back");
    assert!(screen.contains("1 of 35 indicators done"), "{screen}");
    again.type_keys(b"]");
    again.wait_for("PD-1 3 Established");
    again.type_keys(b"q");
    assert!(again.finish().0.success());
}

#[test]
fn sighup_saves_and_restores_the_terminal() {
    let data = common::TempDir::new("pty-hup");
    let mut s = Session::start(&[], data.path());
    s.wait_for("Welcome to ietkit");
    s.type_keys(b"]1<");
    s.wait_for("PD-1 1 Beginning");
    s.signal("HUP");
    let (_, text) = s.finish();
    assert!(
        text.rfind("\u{1b}[?1049l").is_some(),
        "left the alternate screen"
    );
    assert!(saved_file(data.path()).contains("rating: Level(1)"));
}

#[test]
fn a_second_session_on_the_same_file_is_read_only_and_the_first_keeps_saving() {
    let data = common::TempDir::new("pty-two");
    let mut first = Session::start(&[], data.path());
    first.wait_for("Welcome to ietkit");
    first.type_keys(b"]2");
    // Drawn only after the save: saving happens before each frame.
    first.wait_for("PD-1 2 Developing");
    let mut second = Session::start(&[], data.path());
    let screen = second.wait_for("read-only");
    assert!(screen.contains("open in another session"), "{screen}");
    second.type_keys(b"]0");
    second.wait_for("Read-only:");
    first.type_keys(b"j3");
    first.wait_for("PD-2 3 Established");
    second.type_keys(b"q");
    assert!(second.finish().0.success());
    first.type_keys(b"q");
    assert!(first.finish().0.success());
    let text = saved_file(data.path());
    let pd1 = text.find("indicator: \"PD-1\"").unwrap();
    let pd2 = text.find("indicator: \"PD-2\"").unwrap();
    assert!(
        text[pd1..pd2].contains("Level(2)"),
        "the second session changed nothing"
    );
    assert!(
        text[pd2..].contains("Level(3)"),
        "the first session's later save is there"
    );
}

/// The bytes of each key in a real terminal are the bytes the in-process
/// meter counts (tests/bandwidth.rs), and an idle screen sends nothing.
#[test]
fn a_real_terminal_receives_what_the_meter_counts_and_nothing_while_idle() {
    use ietkit::store::library::Library;
    use ietkit::store::paths::{ChosenBy, DataDir};
    use ietkit::tui::meter::Meter;

    const NAME: &str = "welding-fabrication-iet-2026-27";
    const SCRIPT: &str = "jjjgjj<Enter>jjj3k<Tab><Tab>?<Esc><Tab>";
    let data = common::TempDir::new("pty-bytes");
    let library = Library::new(DataDir {
        path: data.path().to_path_buf(),
        chosen_by: ChosenBy::Flag,
    });
    ietkit::store::assessment_file::ensure_private_dir(&library.assessments()).unwrap();
    let path = library.assessments().join(format!("{NAME}.ron"));
    std::fs::copy(
        common::root().join(format!("examples/assessments/{NAME}.ron")),
        &path,
    )
    .unwrap();

    // The real binary, one key at a time, each allowed to settle.
    let mut s = Session::start(&["open", NAME], data.path());
    s.wait_for("Welcome back");
    let settle = |s: &Session| {
        let mut last = s.raw.lock().unwrap().len();
        loop {
            std::thread::sleep(Duration::from_millis(150));
            let now = s.raw.lock().unwrap().len();
            if now == last {
                return now;
            }
            last = now;
        }
    };
    let mut before = settle(&s);
    let first_paint = before;
    let mut real = Vec::new();
    for key in ietkit::tui::meter::parse_keys(SCRIPT) {
        let bytes: Vec<u8> = match key.code {
            ratatui::crossterm::event::KeyCode::Char(c) => c.to_string().into_bytes(),
            ratatui::crossterm::event::KeyCode::Enter => b"\r".to_vec(),
            ratatui::crossterm::event::KeyCode::Esc => b"\x1b".to_vec(),
            ratatui::crossterm::event::KeyCode::Tab => b"\t".to_vec(),
            other => panic!("no bytes for {other:?}"),
        };
        s.type_keys(&bytes);
        // Esc alone is told from an escape sequence by a pause.
        let now = settle(&s);
        real.push(now - before);
        before = now;
    }

    // Idle: ten seconds without a key, not a byte.
    let quiet = s.raw.lock().unwrap().len();
    std::thread::sleep(Duration::from_secs(10));
    assert_eq!(
        s.raw.lock().unwrap().len(),
        quiet,
        "nothing sent while idle"
    );
    s.type_keys(b"q");
    let (status, _) = s.finish();
    assert!(status.success());

    // The same script through the meter, from the file as it was.
    std::fs::copy(
        common::root().join(format!("examples/assessments/{NAME}.ron")),
        &path,
    )
    .unwrap();
    let mut session = ietkit::tui::session::Session::new(Some(library));
    let mut app = tui::app_with(ietkit::tui::theme::Theme::default(), 80, 24);
    // As the binary names it in the help: chosen with the variable.
    let dir = DataDir {
        path: data.path().to_path_buf(),
        chosen_by: ChosenBy::Variable,
    };
    app.data_dir = Some(dir.describe());
    session.open(&mut app, &path).unwrap();
    let mut meter = Meter::new(app, session).unwrap();
    let counted = meter.keys(SCRIPT).unwrap();
    assert_eq!(real, counted, "bytes per key: real terminal vs meter");
    assert_eq!(first_paint, meter.first_paint, "the first paint");
}
