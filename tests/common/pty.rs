//! ietkit, or another program, in a real pseudo-terminal at 80x24: keys
//! typed, every byte it writes kept, the screen read back through a VT
//! parser. Shared by the end-to-end tests and the benchmarks.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

pub struct Pty {
    pub parser: Arc<Mutex<vt100::Parser>>,
    pub raw: Arc<Mutex<Vec<u8>>>,
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Pty {
    /// ietkit with `args`, on the data folder `data_dir`.
    pub fn start(args: &[&str], data_dir: &Path) -> Pty {
        Pty::start_with(args, data_dir, &[])
    }

    /// ietkit with extra environment variables, started by someone who
    /// has said who they are in `data_dir` (so the first screen is the
    /// app, not the question).
    pub fn start_with(args: &[&str], data_dir: &Path, env: &[(&str, &str)]) -> Pty {
        known_person(data_dir);
        Pty::spawn(env!("CARGO_BIN_EXE_ietkit"), args, data_dir, env)
    }

    /// ietkit started by someone it has never met in `data_dir`.
    pub fn start_as_newcomer(args: &[&str], data_dir: &Path) -> Pty {
        Pty::spawn(env!("CARGO_BIN_EXE_ietkit"), args, data_dir, &[])
    }

    /// Any program, with `TERM=xterm-256color` unless `env` says otherwise,
    /// and without `NO_COLOR`.
    pub fn spawn(program: &str, args: &[&str], data_dir: &Path, env: &[(&str, &str)]) -> Pty {
        Pty::spawn_in(program, args, data_dir, None, env)
    }

    /// [`Pty::spawn`], started in the folder `cwd` when given.
    pub fn spawn_in(
        program: &str,
        args: &[&str],
        data_dir: &Path,
        cwd: Option<&Path>,
        env: &[(&str, &str)],
    ) -> Pty {
        Pty::spawn_sized(program, args, data_dir, cwd, env, (80, 24))
    }

    /// [`Pty::spawn_in`] in a terminal of `(columns, rows)`.
    pub fn spawn_sized(
        program: &str,
        args: &[&str],
        data_dir: &Path,
        cwd: Option<&Path>,
        env: &[(&str, &str)],
        (cols, rows): (u16, u16),
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        if let Some(cwd) = cwd {
            cmd.cwd(cwd);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env("IETKIT_DATA_DIR", data_dir);
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("start the program");
        drop(pair.slave);
        let reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        Pty::attach(reader, writer, child, Box::new(pair.master), (cols, rows))
    }

    /// ietkit run as another user (`uid`, `gid`; no system account
    /// needed), in a terminal of its own. The test must run as root.
    pub fn start_as(
        uid: u32,
        gid: u32,
        binary: &Path,
        args: &[&str],
        data_dir: &Path,
        home: &Path,
    ) -> Pty {
        use std::os::unix::process::CommandExt;
        use std::process::{Command, Stdio};
        let size = nix::pty::Winsize {
            ws_row: 24,
            ws_col: 80,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        let pty = nix::pty::openpty(Some(&size), None).expect("open a pseudo-terminal");
        let slave = std::fs::File::from(pty.slave);
        let mut cmd = Command::new(binary);
        cmd.args(args)
            .env_clear()
            .env("TERM", "xterm-256color")
            .env("HOME", home)
            .env("IETKIT_DATA_DIR", data_dir)
            .env("PATH", "/usr/bin:/bin")
            .current_dir(home)
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave))
            .uid(uid)
            .gid(gid);
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                // A session of its own, with this terminal as its terminal.
                nix::libc::setsid();
                nix::libc::ioctl(0, nix::libc::TIOCSCTTY as _, 0);
                Ok(())
            });
        }
        let child = cmd.spawn().expect("start ietkit as another user");
        let master = std::fs::File::from(pty.master);
        let reader = master.try_clone().unwrap();
        Pty::attach(
            Box::new(reader),
            Box::new(master),
            Box::new(child),
            Box::new(()),
            (80, 24),
        )
    }

    /// Reads everything the program writes into the VT parser, keeping
    /// `keep` (the terminal's master end) open until the program is done.
    fn attach(
        mut reader: Box<dyn Read + Send>,
        writer: Box<dyn Write + Send>,
        child: Box<dyn portable_pty::Child + Send + Sync>,
        keep: Box<dyn std::any::Any + Send>,
        (cols, rows): (u16, u16),
    ) -> Pty {
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).unwrap(),
            NonZeroU16::new(cols).unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (parser.clone(), raw.clone());
        let reader = std::thread::spawn(move || {
            let _keep_master = keep;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Pty {
            parser,
            raw,
            writer,
            child,
            reader: Some(reader),
        }
    }

    /// Waits for the program to exit and for every byte it wrote to be read.
    pub fn finish(&mut self) -> (portable_pty::ExitStatus, String) {
        let status = self.child.wait().expect("the program exits");
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        let raw = self.raw.lock().unwrap().clone();
        (status, String::from_utf8_lossy(&raw).into_owned())
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`, then returns the screen.
    pub fn wait_for(&self, text: &str) -> String {
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

    /// Waits until the output holds `needle`.
    pub fn wait_for_bytes(&self, needle: &[u8]) {
        let start = Instant::now();
        while !self
            .raw
            .lock()
            .unwrap()
            .windows(needle.len())
            .any(|w| w == needle)
        {
            assert!(start.elapsed() < Duration::from_secs(20), "no {needle:?}");
            std::thread::sleep(Duration::from_micros(200));
        }
    }

    /// How many bytes the program has written so far.
    pub fn bytes(&self) -> usize {
        self.raw.lock().unwrap().len()
    }

    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("a process id") as i32
    }

    pub fn signal(&self, signal: &str) {
        let status = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &self.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success());
    }

    pub fn type_keys(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    /// Types `bytes`, then waits until the output has been quiet for
    /// `quiet`; returns how many bytes have been written in all.
    pub fn type_and_settle(&mut self, bytes: &[u8], quiet: Duration) -> usize {
        self.type_keys(bytes);
        let mut last = self.bytes();
        loop {
            std::thread::sleep(quiet);
            let now = self.bytes();
            if now == last {
                return now;
            }
            last = now;
        }
    }

    /// The most resident memory the program has used, in KiB (Linux).
    pub fn peak_memory_kb(&self) -> u64 {
        let pid = self.child.process_id().unwrap_or(0);
        std::fs::read_to_string(format!("/proc/{pid}/status"))
            .unwrap_or_default()
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }
}

/// Records in `data_dir` who the person running the tests is, as ietkit
/// does once they have answered its question.
pub fn known_person(data_dir: &Path) {
    use ietkit::model::assessment::Partner;
    use ietkit::model::changes::{Person, Who};
    let root = ietkit::store::folder::Folder::open(data_dir, true).unwrap();
    let who = Who {
        login: ietkit::store::people::login(),
        person: Person {
            name: "Test Coordinator".into(),
            role: Some(Partner::AdultBasicSkills),
        },
    };
    if ietkit::store::people::read(&root, &who.login).is_none() {
        ietkit::store::people::write(&root, &who).unwrap();
    }
}

/// A test that fails half-way leaves no program running behind it.
impl Drop for Pty {
    fn drop(&mut self) {
        if self.reader.is_some() {
            let _ = self.child.kill();
        }
    }
}

/// A script of keys both the real binary and the byte meter are driven
/// through: navigation, a category, moves, a rating, focus, help.
pub const SAME_SCRIPT: &str = "jjjgjj<Enter>jjj3k<Tab><Tab>?<Esc><Tab>";

/// The sample assessment the script runs on, by its library name.
pub const SAME_NAME: &str = "welding-fabrication-iet-2026-27";

/// A data folder holding the sample as `SAME_NAME`; returns its file.
pub fn same_data(data: &Path) -> std::path::PathBuf {
    let library = ietkit::store::library::Library::new(ietkit::store::paths::DataDir {
        path: data.to_path_buf(),
        chosen_by: ietkit::store::paths::ChosenBy::Flag,
    });
    ietkit::store::assessment_file::ensure_private_dir(&library.assessments()).unwrap();
    let path = library.assessments().join(format!("{SAME_NAME}.ron"));
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("examples/assessments/{SAME_NAME}.ron"));
    std::fs::copy(sample, &path).unwrap();
    path
}

/// The bytes a terminal sends for the keys the scripts use.
pub fn bytes_of(key: &ratatui::crossterm::event::KeyEvent) -> Vec<u8> {
    use ratatui::crossterm::event::KeyCode;
    match key.code {
        KeyCode::Char(c) => c.to_string().into_bytes(),
        KeyCode::Enter => b"\r".to_vec(),
        KeyCode::Esc => b"\x1b".to_vec(),
        KeyCode::Tab => b"\t".to_vec(),
        other => panic!("no bytes for {other:?}"),
    }
}

impl Pty {
    /// Types `script` one key at a time, each allowed to settle (so Esc is
    /// told from an escape sequence); returns the first paint and the bytes
    /// each key cost.
    pub fn bytes_per_key(&mut self, script: &str) -> (usize, Vec<usize>) {
        let quiet = Duration::from_millis(150);
        let mut before = self.type_and_settle(b"", quiet);
        let first = before;
        let per_key = ietkit::tui::meter::parse_keys(script)
            .iter()
            .map(|key| {
                let now = self.type_and_settle(&bytes_of(key), quiet);
                let cost = now - before;
                before = now;
                cost
            })
            .collect();
        (first, per_key)
    }
}

/// The same script through the byte meter, on the sample as it was (the
/// file at `path` is copied afresh), named in the help as the binary names
/// a data folder chosen with IETKIT_DATA_DIR.
pub fn meter_bytes(data: &Path, path: &Path) -> (usize, Vec<usize>) {
    use ietkit::store::paths::{ChosenBy, DataDir};
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("examples/assessments/{SAME_NAME}.ron"));
    std::fs::copy(sample, path).unwrap();
    let dir = DataDir {
        path: data.to_path_buf(),
        chosen_by: ChosenBy::Variable,
    };
    let mut session =
        ietkit::tui::session::Session::new(Some(ietkit::store::library::Library::new(dir.clone())));
    let mut app = super::tui::app_with(ietkit::tui::theme::Theme::default(), 80, 24);
    app.data_dir = Some(dir.describe());
    session.open(&mut app, path).unwrap();
    let mut meter = ietkit::tui::meter::Meter::new(app, session).unwrap();
    let per_key = meter.keys(SAME_SCRIPT).unwrap();
    (meter.first_paint, per_key)
}
