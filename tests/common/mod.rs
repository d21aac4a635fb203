//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The repository root, so tests find `rubrics/` and `tests/data/`.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh, empty folder under the system temp folder, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(label: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let path =
            std::env::temp_dir().join(format!("ietkit-test-{label}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create temp dir");
        TempDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs the real `ietkit` binary from the repository root, with a private
/// data folder so the user's own files never affect a test.
pub fn ietkit(args: &[&str], data_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ietkit"))
        .args(args)
        .current_dir(root())
        .env("IETKIT_DATA_DIR", data_dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("run ietkit")
}

/// Runs the real `ietkit` binary on the data folder `data`, from the
/// folder `cwd`, with nothing on standard input; fails the test if it
/// hangs.
pub fn ietkit_within(data: &Path, cwd: &Path, args: &[&str]) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_ietkit"))
        .args(args)
        .current_dir(cwd)
        .env("IETKIT_DATA_DIR", data)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run ietkit");
    wait_or_fail(child, &format!("ietkit {args:?}"))
}

/// Waits for `child`, killing it and failing the test if it has not ended
/// in ten seconds (it hangs).
pub fn wait_or_fail(mut child: std::process::Child, what: &str) -> Output {
    let start = std::time::Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if start.elapsed() > std::time::Duration::from_secs(10) {
            let _ = child.kill();
            panic!("{what} hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Text with terminal control sequences, bidi overrides, zero-width and
/// very wide characters.
pub const HOSTILE: &str = "\u{1b}]0;owned\u{7}\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{1b}P+q\u{1b}\\\u{9b}2J\u{8}\u{8}\r\u{202e}evil\u{200b}\u{2066}x\u{fe0f}漢字👩‍👩‍👧\u{1b}[31mred";

pub fn hostile_assessment() -> ietkit::model::assessment::Assessment {
    use ietkit::model::assessment::Rating;
    let mut a = ietkit::store::assessment_file::read(
        &root().join("examples/assessments/welding-fabrication-iet-2026-27.ron"),
    )
    .unwrap()
    .assessment;
    let p = &mut a.profile;
    for s in [
        &mut p.college,
        &mut p.program,
        &mut p.cte_area,
        &mut p.site.name,
    ] {
        s.push_str(HOSTILE);
    }
    p.credentials.push(HOSTILE.into());
    a.cycle.push_str(HOSTILE);
    for x in &mut a.assessors {
        x.name.push_str(HOSTILE);
    }
    for r in &mut a.responses {
        r.notes = format!("{HOSTILE}\n{HOSTILE}");
        for e in &mut r.evidence {
            e.what.push_str(HOSTILE);
            e.location.push_str(HOSTILE);
            e.holder.push_str(HOSTILE);
        }
        for act in &mut r.actions {
            act.what.push_str(HOSTILE);
            act.owner.push_str(HOSTILE);
        }
        if let Rating::NotApplicable { reason } = &mut r.rating {
            reason.push_str(HOSTILE);
        }
    }
    a
}

/// Puts the small test rubric in `data`'s `rubrics/` folder, as a team puts
/// its own rubric there, and returns it.
pub fn own_rubric(data: &Path) -> ietkit::model::rubric::Rubric {
    let folder = data.join("rubrics");
    std::fs::create_dir_all(&folder).unwrap();
    let source = std::fs::read_to_string(root().join("tests/data/good/mini-rubric.ron")).unwrap();
    std::fs::write(folder.join("mini.ron"), &source).unwrap();
    ietkit::store::data_file::load_rubric("mini.ron", &source).unwrap()
}

/// Maria Lopez, who speaks for Adult Basic Skills: a person as the tests
/// name them.
pub fn maria() -> ietkit::model::changes::Who {
    ietkit::model::changes::Who {
        login: "maria".into(),
        person: ietkit::model::changes::Person {
            name: "Maria Lopez".into(),
            role: Some(ietkit::model::assessment::Partner::AdultBasicSkills),
        },
    }
}
