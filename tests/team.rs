//! Teams on one server: partners with their own logins sharing a folder
//! made with `ietkit team init`; a folder where links, named pipes and
//! races are planted; locks that cannot be taken; who changed what.
//!
//! The tests that need other users run the real binary as other uids
//! (no system accounts needed) and need root, as CI has; elsewhere they
//! say why they are skipped.

mod common;
#[path = "common/pty.rs"]
mod pty;
#[path = "common/tui.rs"]
mod tui;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use common::TempDir;
use ietkit::model::assessment::{Partner, Rating};
use ietkit::model::changes::{self, Edit, Origin, Person, What, Who};
use ietkit::model::timestamp::Timestamp;
use ietkit::store::assessment_file;
use ietkit::store::folder;
use ietkit::store::library::Library;
use ietkit::store::lock::Lock;
use ietkit::store::paths::{ChosenBy, DataDir};
use ietkit::tui::app::SaveState;
use ietkit::tui::session::Session;

const ABS_VIEW: &str = "examples/assessments/welding-fabrication-iet-2026-27-abs-view.ron";
const CTE_VIEW: &str = "examples/assessments/welding-fabrication-iet-2026-27-cte-view.ron";

/// The team's group, and two members and one outsider.
const TEAM: u32 = 61_000;
const ALICE: u32 = 61_001;
const BOB: u32 = 61_002;
const OUTSIDER: u32 = 61_003;

fn is_root() -> bool {
    nix::unistd::Uid::effective().is_root()
}

/// Whether this test cannot run here, not being root; if so, it says on
/// standard error that `what` needs root, so nothing is skipped silently.
fn not_root(what: &str) -> bool {
    let not = !is_root();
    if not {
        eprintln!("skipped: {what} needs root (CI runs as root)");
    }
    not
}

fn library(dir: &Path) -> Library {
    Library::new(DataDir {
        path: dir.to_path_buf(),
        chosen_by: ChosenBy::Flag,
    })
}

/// A sample assessment, as its file has it.
fn sample(file: &str) -> ietkit::model::assessment::Assessment {
    assessment_file::read(&common::root().join(file))
        .unwrap()
        .assessment
}

fn chmod(p: impl AsRef<Path>, mode: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn mode(p: &Path) -> u32 {
    std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o7777
}

fn gid(p: &Path) -> u32 {
    std::fs::symlink_metadata(p).unwrap().gid()
}

/// The binary, copied where any user may run it (the build folder may
/// be private to root).
fn shared_binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("ietkit-bin-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        chmod(&dir, 0o755);
        let bin = dir.join("ietkit");
        std::fs::copy(env!("CARGO_BIN_EXE_ietkit"), &bin).unwrap();
        chmod(&bin, 0o755);
        bin
    })
}

use common::wait_or_fail;

/// The binary as user `uid` in group `gid`, with its own home.
fn as_user(uid: u32, gid: u32, home: &Path, data: &Path, args: &[&str]) -> Output {
    let child = Command::new(shared_binary())
        .args(args)
        .env_clear()
        .env("HOME", home)
        .env("IETKIT_DATA_DIR", data)
        .current_dir(home)
        .uid(uid)
        .gid(gid)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run ietkit as another user");
    wait_or_fail(child, &format!("ietkit {args:?} as uid {uid}"))
}

/// Alice's home under `base` and her own data folder (`ietkit` in it),
/// where she has imported the ABS view as "view": private, as made.
fn alice_imports_into_her_own_folder(base: &TempDir) -> (PathBuf, PathBuf) {
    chmod(base.path(), 0o755);
    let alice = home_of(base.path(), "alice", ALICE, TEAM);
    let data = alice.join("ietkit");
    let copy = alice.join("view.ron");
    std::fs::copy(common::root().join(ABS_VIEW), &copy).unwrap();
    chmod(&copy, 0o644);
    let out = as_user(
        ALICE,
        TEAM,
        &alice,
        &data,
        &["import", copy.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    (alice, data)
}

/// The binary as root, on `data`, failing if it hangs.
fn ietkit(data: &Path, args: &[&str]) -> Output {
    common::ietkit_within(data, &common::root(), args)
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn home_of(base: &Path, name: &str, uid: u32, gid: u32) -> PathBuf {
    let home = base.join(name);
    std::fs::create_dir_all(&home).unwrap();
    std::os::unix::fs::chown(&home, Some(uid), Some(gid)).unwrap();
    home
}

/// A partner in a real terminal under their own login: says who they are
/// the first time, then types `keys`, waiting for `until` after each step.
fn in_terminal(uid: u32, home: &Path, data: &Path, args: &[&str], steps: &[(&str, &str)]) {
    let mut s = pty::Pty::start_as(uid, TEAM, shared_binary(), args, data, home);
    // Keys typed before the app reads them would meet a line-editing
    // terminal.
    s.wait_for("Navigator");
    for (keys, until) in steps {
        s.type_keys(keys.as_bytes());
        s.wait_for(until);
    }
    s.type_keys(b"q");
    let (status, _) = s.finish();
    assert!(status.success(), "a clean exit");
}

#[test]
fn two_partners_with_their_own_logins_share_a_team_folder_and_agree_a_consensus() {
    if not_root("running ietkit as other users") {
        return;
    }
    let base = TempDir::new("team-two");
    chmod(base.path(), 0o755);
    let alice = home_of(base.path(), "alice", ALICE, ALICE);
    let bob = home_of(base.path(), "bob", BOB, TEAM);
    let outsider = home_of(base.path(), "outsider", OUTSIDER, OUTSIDER);
    let srv = home_of(base.path(), "srv", ALICE, ALICE);
    let team = srv.join("welding");

    // Alice prepares the folder for the team's group.
    let out = as_user(
        ALICE,
        TEAM,
        &alice,
        &team,
        &[
            "team",
            "init",
            team.to_str().unwrap(),
            "--group",
            &TEAM.to_string(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("Team folder ready"), "{}", text(&out));
    assert!(text(&out).contains("sudo usermod -aG"), "{}", text(&out));
    for dir in [
        "",
        "assessments",
        "assessments/history",
        "trash",
        "people",
        "state",
    ] {
        let p = team.join(dir);
        assert_eq!(mode(&p), 0o2770, "{}", p.display());
        assert_eq!(gid(&p), TEAM, "{}", p.display());
    }

    // Each imports their own view of the program.
    for (uid, home, sample, name) in [
        (ALICE, &alice, ABS_VIEW, "welding-abs"),
        (BOB, &bob, CTE_VIEW, "welding-cte"),
    ] {
        let copy = home.join("view.ron");
        std::fs::copy(common::root().join(sample), &copy).unwrap();
        chmod(&copy, 0o644);
        let out = as_user(
            uid,
            TEAM,
            home,
            &team,
            &["import", copy.to_str().unwrap(), "--name", name],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        let file = team.join(format!("assessments/{name}.ron"));
        assert_eq!(mode(&file), 0o660, "{name}");
        assert_eq!(gid(&file), TEAM, "{name}");
    }

    // Bob lists and opens Alice's file: he can read it, and it is open
    // read-only for nobody.
    let out = as_user(BOB, TEAM, &bob, &team, &["list"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("welding-abs\n"), "{}", text(&out));
    assert!(!text(&out).contains("cannot be read"), "{}", text(&out));

    // Alice rates PD-6 in her view; Bob changes CI-4 in it too, then
    // Alice again: each says who they are the first time.
    in_terminal(
        ALICE,
        &alice,
        &team,
        &["open", "welding-abs"],
        &[
            ("", "Who is working?"),
            ("Alice Ng\t\x1b[C\r", "recorded as Alice Ng (ABS)"),
            ("jj\rjjjjj2", "PD-6 2 Developing"),
        ],
    );
    in_terminal(
        BOB,
        &bob,
        &team,
        &["open", "welding-abs"],
        &[
            ("", "Who is working?"),
            ("Bob Diaz\t\x1b[C\x1b[C\r", "recorded as Bob Diaz (CTE)"),
            ("jjj\rjjj", "CI-4"),
            ("3", "CI-4 3 Established"),
        ],
    );
    let abs = team.join("assessments/welding-abs.ron");
    assert_eq!(
        std::fs::metadata(&abs).unwrap().uid(),
        BOB,
        "Bob saved last"
    );
    assert_eq!((mode(&abs), gid(&abs)), (0o660, TEAM), "still shared");
    for copy in assessment_file::history_of(&abs) {
        assert_eq!(
            (mode(&copy), gid(&copy)),
            (0o660, TEAM),
            "{}",
            copy.display()
        );
    }
    in_terminal(
        ALICE,
        &alice,
        &team,
        &["open", "welding-abs"],
        &[("jjj\rjjj", "CI-4"), ("2", "CI-4 2 Developing")],
    );
    assert_eq!(
        std::fs::metadata(&abs).unwrap().uid(),
        ALICE,
        "Alice saved last"
    );
    assert_eq!((mode(&abs), gid(&abs)), (0o660, TEAM), "still shared");

    // Bob compares the two views and agrees the consensus where they
    // still differ: CI-3, CI-4, CU-2, CU-5 and SE-6 (PD-6 agrees now).
    in_terminal(
        BOB,
        &bob,
        &team,
        &[],
        &[
            ("o", "Library of saved assessments"),
            (" j v", "Side by side"),
            ("c", "Consensus"),
            (
                "3Committee reviewed it\r2Referrals checked monthly\r2Math yes, writing not yet\r3Weekly planning\r1First look at results\r",
                "Consensus saved",
            ),
        ],
    );
    let consensus = team.join("assessments/welding-fabrication-iet-2026-27-consensus.ron");
    assert_eq!(std::fs::metadata(&consensus).unwrap().uid(), BOB);
    assert_eq!((mode(&consensus), gid(&consensus)), (0o660, TEAM));

    // Who did what.
    let out = as_user(ALICE, TEAM, &alice, &team, &["log", "welding-abs"]);
    let log = text(&out);
    assert_eq!(out.status.code(), Some(0), "{log}");
    assert!(
        log.contains(
            "Alice Ng (ABS), login uid 61001\n  CI-4: rating changed from 3 Established to 2 Developing"
        ),
        "{log}"
    );
    assert!(
        log.contains(
            "Bob Diaz (CTE), login uid 61002\n  CI-4: rating changed from 1 Beginning to 3 Established"
        ),
        "{log}"
    );
    assert!(
        log.contains("PD-6: rating changed from 1 Beginning to 2 Developing"),
        "{log}"
    );
    assert!(log.contains("imported it from view.ron"), "{log}");
    let out = as_user(
        ALICE,
        TEAM,
        &alice,
        &team,
        &["log", "welding-fabrication-iet-2026-27-consensus"],
    );
    assert!(text(&out).contains("Bob Diaz (CTE)"), "{}", text(&out));
    assert!(
        text(&out).contains("agreed it as the consensus of"),
        "{}",
        text(&out)
    );

    // Everything stayed shared; nobody else gets in, and is told why.
    let out = as_user(ALICE, TEAM, &alice, &team, &["team", "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("No problems found"), "{}", text(&out));
    let out = as_user(OUTSIDER, OUTSIDER, &outsider, &team, &["list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("are not in it"), "{}", text(&out));
    assert!(text(&out).contains("sudo usermod -aG"), "{}", text(&out));
    let out = as_user(
        OUTSIDER,
        OUTSIDER,
        &outsider,
        &team,
        &["open", "welding-abs"],
    );
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("are not in it"), "{}", text(&out));
}

#[test]
fn a_private_folder_stays_private_and_a_teammate_is_told_why_they_cannot_read() {
    if not_root("running ietkit as other users") {
        return;
    }
    let base = TempDir::new("team-private");
    let (_, data) = alice_imports_into_her_own_folder(&base);
    let bob = home_of(base.path(), "bob", BOB, TEAM);
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("assessments")), 0o700);
    assert_eq!(mode(&data.join("assessments/view.ron")), 0o600);
    // Even a group-readable file in it is Alice's alone: Bob cannot get
    // into the folder, and is told whose it is and what to run.
    let out = as_user(BOB, TEAM, &bob, &data, &["list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("is private to them"), "{}", text(&out));
    assert!(text(&out).contains("ietkit team init"), "{}", text(&out));

    // Opened up for reading only: Bob may look, not change, and is told so.
    for (p, m) in [
        (data.clone(), 0o755),
        (data.join("assessments"), 0o755),
        (data.join("assessments/view.ron"), 0o644),
    ] {
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(m)).unwrap();
    }
    let before = std::fs::read_to_string(data.join("assessments/view.ron")).unwrap();
    let mut s = pty::Pty::start_as(BOB, TEAM, shared_binary(), &["open", "view"], &data, &bob);
    s.wait_for("Who is working?");
    s.type_keys(b"\x1b");
    // Bob may not write in Alice's folder: his name is not kept either.
    s.wait_for("could not be kept");
    s.type_keys(b"jj\r0");
    s.wait_for("Read-only: you may read this folder but not change what is in it.");
    s.type_keys(b"q");
    assert!(s.finish().0.success());
    assert_eq!(
        std::fs::read_to_string(data.join("assessments/view.ron")).unwrap(),
        before
    );

    // A file in it kept private: Bob is told whose it is and who can share it.
    chmod(data.join("assessments/view.ron"), 0o600);
    let out = as_user(BOB, TEAM, &bob, &data, &["list"]);
    let said = text(&out);
    assert!(
        said.contains("cannot open it: permission denied. It belongs to")
            && said.contains("(mode 0600")
            && said.contains("ietkit team check --fix"),
        "{said}"
    );
}

#[test]
fn a_format_1_file_opens_and_gains_a_record_from_its_next_change() {
    let data = TempDir::new("team-format-1");
    let lib = library(data.path());
    let mut a = sample(ABS_VIEW);
    a.changes.clear();
    a.people.clear();
    // As an ietkit of format 1 wrote it: no people, no changes.
    let text = assessment_file::to_text(&a)
        .replace("format: 2,", "format: 1,")
        .replace("    people: {},\n    changes: [],\n", "");
    assert!(!text.contains("changes: ["), "{text}");
    std::fs::create_dir_all(lib.assessments()).unwrap();
    let path = lib.assessments().join("old.ron");
    std::fs::write(&path, &text).unwrap();
    let mut app = tui::app(80, 24);
    app.who = maria();
    let mut session = Session::new(Some(library(data.path())));
    session.open(&mut app, &path).unwrap();
    assert!(app.read_only.is_none());
    tui::feed(&mut app, "jj<Enter>0");
    session.apply(&mut app);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("format: 2,"), "{saved}");
    let saved = lib.read(&path).unwrap().assessment;
    assert_eq!(saved.changes.len(), 1);
    assert_eq!(
        saved.changes[0].what,
        What::Rating {
            indicator: "PD-1".into(),
            from: Rating::Level(3),
            to: Rating::Level(0)
        }
    );
    assert_eq!(saved.changes[0].by, "maria");
    // The earlier version is kept as it was.
    let copies = assessment_file::history_of(&path);
    assert_eq!(copies.len(), 1);
    assert_eq!(std::fs::read_to_string(&copies[0]).unwrap(), text);
}

/// A listing of everything under `dir`: path, kind, mode and contents.
fn snapshot(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let p = entry.path();
            let meta = std::fs::symlink_metadata(&p).unwrap();
            let body = if meta.is_file() {
                std::fs::read_to_string(&p).unwrap_or_default()
            } else if meta.is_dir() {
                stack.push(p.clone());
                String::new()
            } else {
                String::new()
            };
            out.push(format!(
                "{} {:o} {body}",
                p.display(),
                meta.permissions().mode()
            ));
        }
    }
    out.sort();
    out
}

fn fifo(p: &Path) {
    nix::unistd::mkfifo(p, nix::sys::stat::Mode::from_bits_truncate(0o600)).unwrap();
}

fn link(target: &Path, at: &Path) {
    std::os::unix::fs::symlink(target, at).unwrap();
}

#[test]
fn links_and_special_files_planted_in_the_folder_change_nothing_outside_and_are_reported() {
    let data = TempDir::new("team-planted");
    let outside = TempDir::new("team-outside");
    let o = outside.path();
    std::fs::write(o.join("victim"), "precious").unwrap();
    std::fs::create_dir(o.join("history")).unwrap();
    for n in 0..12 {
        // Named as history copies of c.ron, to tempt the pruning.
        std::fs::write(
            o.join(format!("history/c.2020-01-01T0000{n:02}Z.ron")),
            "keep",
        )
        .unwrap();
    }
    std::fs::create_dir(o.join("trash")).unwrap();
    std::fs::create_dir(o.join("state")).unwrap();
    std::fs::write(o.join("rubric.ron"), "not read").unwrap();
    std::fs::copy(common::root().join(ABS_VIEW), o.join("elsewhere.ron")).unwrap();

    let lib = library(data.path());
    let sample = sample(ABS_VIEW);
    for name in ["a", "b", "c"] {
        lib.create_named(&sample, name).unwrap();
    }
    let assessments = lib.assessments();
    let d = data.path();
    std::fs::remove_file(assessments.join("a.ron.lock")).unwrap();
    link(&o.join("victim"), &assessments.join("a.ron.lock"));
    std::fs::remove_file(assessments.join("b.ron.lock")).unwrap();
    link(
        &o.join("made-through-a-link"),
        &assessments.join("b.ron.lock"),
    );
    link(&o.join("history"), &assessments.join("history"));
    fifo(&assessments.join("fifo.ron"));
    link(&o.join("elsewhere.ron"), &assessments.join("link.ron"));
    link(&o.join("trash"), &d.join("trash"));
    link(&o.join("state"), &d.join("state"));
    fifo(&d.join("people"));
    std::fs::create_dir(d.join("rubrics")).unwrap();
    fifo(&d.join("rubrics/fifo.ron"));
    link(&o.join("rubric.ron"), &d.join("rubrics/link.ron"));
    fifo(&d.join("state.ron"));
    // A socket, listening while the test runs.
    let _socket = std::os::unix::net::UnixListener::bind(assessments.join("socket.ron")).unwrap();
    // The temporary files the next saves in this process would make.
    // (Other tests in this process may take a few names first.)
    for name in folder::upcoming_temp_names("c.ron", 50) {
        link(&o.join("victim"), &assessments.join(name));
    }
    for name in folder::upcoming_temp_names("d.ron", 50) {
        link(&o.join("made-through-a-temp-link"), &assessments.join(name));
    }
    let before = snapshot(o);

    // Opening through a linked lock: read-only, saying why, the target
    // neither truncated nor created.
    for name in ["a", "b"] {
        let mut app = tui::app(80, 24);
        let mut session = Session::new(Some(library(d)));
        session
            .open(&mut app, &assessments.join(format!("{name}.ron")))
            .unwrap();
        let why = app.read_only.clone().expect("read-only");
        assert!(why.contains("its lock file is a symbolic link"), "{why}");
        tui::feed(&mut app, "jj<Enter>0");
        session.apply(&mut app);
        assert!(app.message.clone().unwrap().0.starts_with("Read-only"));
        assert!(matches!(app.save, SaveState::ReadOnly(_)), "{:?}", app.save);
    }

    // Saving c: the temporary names taken by links are passed over, the
    // history link is not followed (and the user is told), the save
    // itself works.
    let mut app = tui::app(80, 24);
    let mut session = Session::new(Some(library(d)));
    session.open(&mut app, &assessments.join("c.ron")).unwrap();
    assert!(app.read_only.is_none());
    tui::feed(&mut app, "jj<Enter>0");
    session.apply(&mut app);
    assert!(matches!(app.save, SaveState::Saved(_)), "{:?}", app.save);
    let told = app.message.clone().unwrap().0;
    assert!(told.contains("no earlier version was kept"), "{told}");
    let saved = lib.read(&assessments.join("c.ron")).unwrap().assessment;
    assert_eq!(saved.response("PD-1").unwrap().rating, Rating::Level(0));
    drop(session);

    // A new file, the trash, the state: nothing through the links.
    let d_file = lib.create_named(&sample, "d").unwrap();
    assert!(d_file.ends_with("d.ron"));
    let err = lib.delete(&assessments.join("c.ron")).unwrap_err();
    assert!(err.contains("symbolic link"), "{err}");
    assert!(assessments.join("c.ron").is_file(), "not moved");
    lib.set_last(&assessments.join("c.ron"));
    assert_eq!(lib.last(), None, "no state read through a link or a pipe");

    // The library lists the pipe and the link as such, without hanging or
    // reading them.
    let entries = lib
        .list(&ietkit::store::embedded::builtin().unwrap().rubric)
        .unwrap();
    let problem = |name: &str| {
        entries
            .iter()
            .find(|e| e.name == name)
            .and_then(|e| e.summary.as_ref().err())
            .map(ToString::to_string)
            .unwrap_or_default()
    };
    assert!(
        problem("fifo").contains("named pipe (FIFO)"),
        "{}",
        problem("fifo")
    );
    assert!(
        problem("link").contains("symbolic link") && problem("link").contains("Remove it"),
        "{}",
        problem("link")
    );
    // What it is and what to do, not a bare "cannot read".
    assert!(
        !problem("link").contains("cannot read it"),
        "{}",
        problem("link")
    );
    assert!(
        problem("socket").contains("a socket"),
        "{}",
        problem("socket")
    );

    // The binary on the same folder: nothing hangs, each is reported.
    let out = ietkit(d, &["list"]);
    assert!(text(&out).contains("named pipe"), "{}", text(&out));
    let out = ietkit(d, &["rubric", "list"]);
    assert!(text(&out).contains("fifo.ron"), "{}", text(&out));
    assert!(text(&out).contains("named pipe"), "{}", text(&out));
    assert!(text(&out).contains("symbolic link"), "{}", text(&out));
    for args in [
        vec!["summary", "socket"],
        vec!["summary", "fifo"],
        vec!["summary", "link"],
        vec!["import", "assessments/fifo.ron"],
        vec!["rubric", "check", "rubrics/fifo.ron"],
        vec!["--rubric", "rubrics/fifo.ron", "summary", "c"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_ietkit"))
            .args(&args)
            .current_dir(d)
            .env("IETKIT_DATA_DIR", d)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = wait_or_fail(out, &format!("{args:?}"));
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        let what = match args[1] {
            "socket" => "a socket",
            "link" => "symbolic link",
            _ => "named pipe",
        };
        assert!(text(&out).contains(what), "{args:?}: {}", text(&out));
        // What it is and what to do, not a bare "cannot read".
        assert!(
            !text(&out).contains("cannot read it"),
            "{args:?}: {}",
            text(&out)
        );
    }
    let out = ietkit(d, &["team", "check"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("Problems ("), "{}", text(&out));
    let report = ietkit::store::team::check(d, false)
        .unwrap()
        .problems
        .join("\n");
    for planted in [
        "a.ron.lock is a symbolic link",
        "b.ron.lock is a symbolic link",
        "assessments/history is a symbolic link",
        "fifo.ron is a named pipe",
        "socket.ron is a socket",
        "link.ron is a symbolic link",
        "trash is a symbolic link",
        "state is a symbolic link",
        "people is a named pipe",
        "state.ron is a named pipe",
        "rubrics/link.ron is a symbolic link",
        ".tmp is a symbolic link",
    ] {
        assert!(
            report.contains(planted),
            "{planted} not reported:\n{report}"
        );
    }

    // The app over it all, in a real terminal: the question of who is
    // working (people/ is a pipe), the library and a new assessment
    // (which lists the rubrics) do not hang.
    let mut s = pty::Pty::start_as_newcomer(&[], d);
    s.wait_for("Who is working?");
    s.type_keys(b"\x1b");
    s.wait_for("could not be kept");
    s.type_keys(b"o");
    s.wait_for("named pipe");
    s.type_keys(b"n");
    s.wait_for("Program profile");
    s.type_keys(b"\x1b");
    std::thread::sleep(Duration::from_millis(200));
    s.type_keys(b"q");
    let (status, _) = s.finish();
    assert!(status.success());

    assert_eq!(
        snapshot(o),
        before,
        "nothing outside the data folder changed"
    );
    assert!(!o.join("made-through-a-link").exists());
    assert!(!o.join("made-through-a-temp-link").exists());
}

#[test]
fn two_imports_racing_on_one_name_both_keep_their_file() {
    let data = TempDir::new("team-race");
    let sources = TempDir::new("team-race-sources");
    let (first, second) = (sources.path().join("a.ron"), sources.path().join("b.ron"));
    let mut a = sample(ABS_VIEW);
    a.cycle = "first".into();
    assessment_file::save(&first, &a).unwrap();
    a.cycle = "second".into();
    assessment_file::save(&second, &a).unwrap();
    let trials = 50;
    for trial in 0..trials {
        let name = format!("same-{trial}");
        let spawn = |source: &Path| {
            Command::new(env!("CARGO_BIN_EXE_ietkit"))
                .args(["import", source.to_str().unwrap(), "--name", &name])
                .env("IETKIT_DATA_DIR", data.path())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (x, y) = (spawn(&first), spawn(&second));
        let (x, y) = (wait_or_fail(x, "import"), wait_or_fail(y, "import"));
        assert!(
            x.status.success() && y.status.success(),
            "{}{}",
            text(&x),
            text(&y)
        );
        assert_ne!(text(&x), text(&y), "each says where its file went");
    }
    let lib = library(data.path());
    let mut cycles: Vec<String> = lib
        .list(&ietkit::store::embedded::builtin().unwrap().rubric)
        .unwrap()
        .into_iter()
        .map(|e| e.summary.expect("every file whole").cycle)
        .collect();
    cycles.sort();
    assert_eq!(cycles.len(), 2 * trials, "no file lost");
    assert_eq!(cycles.iter().filter(|c| *c == "first").count(), trials);
}

#[test]
fn when_the_lock_is_held_the_second_session_is_read_only_and_rename_and_trash_are_refused() {
    let data = TempDir::new("team-held");
    let lib = library(data.path());
    let sample = sample(ABS_VIEW);
    let path = lib.create_named(&sample, "open-one").unwrap();
    let folder = lib.folder(false).unwrap();
    let held = Lock::take(
        &folder,
        "open-one.ron",
        "Maria Lopez (ABS), maria on srv (process 7)",
    )
    .unwrap();

    let mut app = tui::app(80, 24);
    let mut session = Session::new(Some(library(data.path())));
    session.open(&mut app, &path).unwrap();
    let why = app.read_only.clone().expect("read-only");
    assert!(
        why.contains("Maria Lopez (ABS), maria on srv (process 7)"),
        "{why}"
    );
    let before = std::fs::read_to_string(&path).unwrap();
    tui::feed(&mut app, "jj<Enter>0");
    session.apply(&mut app);
    assert!(app.message.clone().unwrap().0.starts_with("Read-only"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        before,
        "nothing written"
    );

    for refused in [
        lib.rename(&path, "new-name").unwrap_err(),
        lib.delete(&path).unwrap_err(),
    ] {
        assert!(refused.contains("is open in another session"), "{refused}");
        assert!(refused.contains("Maria Lopez (ABS)"), "{refused}");
    }
    assert!(path.is_file(), "still there, under its name");

    // Free again: the read-only view follows and may change it.
    drop(held);
    tui::feed(&mut app, "j");
    session.apply(&mut app);
    assert!(app.read_only.is_none(), "{:?}", app.read_only);
    drop(session);
    let renamed = lib.rename(&path, "new-name").unwrap();
    assert!(renamed.ends_with("new-name.ron"));
}

use common::maria;

#[test]
fn a_session_of_keys_is_recorded_with_who_and_what() {
    let data = TempDir::new("team-record");
    let mut app = tui::app(80, 24);
    app.who = maria();
    let mut session = Session::new(Some(library(data.path())));
    let blank = app.assessment.clone();
    session.start_new(&mut app, blank, Origin::New);
    // Rate PD-1 2 then 3 (one change), mark it unsure, open it, write
    // notes, add evidence and an action, then the profile's program.
    for keys in [
        "]2",
        "3",
        "u",
        "<Enter>wShared calendar<C-s>",
        "eSigned MOU<Enter>",
        "aAlign start weeks<Enter>",
        "<Esc>pExample CC<Tab>Welding IET<Enter>",
    ] {
        tui::feed(&mut app, keys);
        session.apply(&mut app);
    }
    let path = session.path.clone().expect("saved");
    let saved = assessment_file::read(&path).unwrap().assessment;
    let whats: Vec<&What> = saved.changes.iter().map(|c| &c.what).collect();
    assert_eq!(
        whats,
        [
            &What::Created { how: Origin::New },
            &What::Rating {
                indicator: "PD-1".into(),
                from: Rating::Unrated,
                to: Rating::Level(3)
            },
            &What::Unsure {
                indicator: "PD-1".into(),
                now: true
            },
            &What::Notes {
                indicator: "PD-1".into()
            },
            &What::Evidence {
                indicator: "PD-1".into(),
                change: Edit::Added,
                what: "Signed MOU".into()
            },
            &What::Action {
                indicator: "PD-1".into(),
                change: Edit::Added,
                what: "Align start weeks".into(),
                status: ietkit::model::assessment::ActionStatus::Planned
            },
            &What::Profile {
                field: "college".into(),
                from: String::new(),
                to: "Example CC".into()
            },
            &What::Profile {
                field: "program".into(),
                from: String::new(),
                to: "Welding IET".into()
            },
        ]
    );
    assert!(saved.changes.iter().all(|c| c.by == "maria"));
    assert_eq!(saved.people["maria"], maria().person);
    // The detail names who changed the indicator last, at its top.
    tui::feed(&mut app, "<Enter><PgUp><PgUp><PgUp><PgUp>");
    let screen = tui::screen(&app);
    assert!(
        screen.contains("Last changed by Maria Lopez (ABS),"),
        "{screen}"
    );
    // L lists the changes, newest first.
    tui::feed(&mut app, "<Esc>L");
    let screen = tui::screen(&app);
    assert!(screen.contains("Who changed what"), "{screen}");
    assert!(screen.contains("Maria Lopez (ABS)"), "{screen}");
    assert!(screen.contains("PD-1: rated 3 Established"), "{screen}");
}

#[test]
fn ietkit_log_prints_who_did_what_newest_first() {
    let data = TempDir::new("team-log");
    let mut a = sample(ABS_VIEW);
    a.changes.clear();
    a.people.clear();
    let sam = Who {
        login: "sam".into(),
        person: Person {
            name: "Sam Ortiz".into(),
            role: Some(Partner::CareerTechnicalEducation),
        },
    };
    let t = |s: &str| s.parse::<Timestamp>().unwrap();
    changes::record(
        &mut a,
        &maria(),
        t("2026-11-02T09:00:00Z"),
        vec![What::Created {
            how: Origin::Imported {
                from: "abs-view.ron".into(),
            },
        }],
    );
    changes::record(
        &mut a,
        &maria(),
        t("2026-11-02T09:05:00Z"),
        vec![
            What::Rating {
                indicator: "PD-6".into(),
                from: Rating::Level(1),
                to: Rating::Level(2),
            },
            What::Profile {
                field: "cycle".into(),
                from: "2025-26".into(),
                to: "2026-27".into(),
            },
        ],
    );
    changes::record(
        &mut a,
        &sam,
        t("2026-11-03T15:30:00Z"),
        vec![
            What::Rating {
                indicator: "CI-6".into(),
                from: Rating::Level(2),
                to: Rating::NotApplicable {
                    reason: "Runs on campus".into(),
                },
            },
            What::Unsure {
                indicator: "CU-2".into(),
                now: true,
            },
            What::Action {
                indicator: "CU-2".into(),
                change: Edit::Changed,
                what: "Co-plan the first four weeks".into(),
                status: ietkit::model::assessment::ActionStatus::Done,
            },
            What::Screener {
                question: "OR-2".into(),
                from: Some(ietkit::model::screener::Answer::NotSure),
                to: Some(ietkit::model::screener::Answer::Yes),
            },
        ],
    );
    let path = library(data.path()).create_named(&a, "welding").unwrap();
    let out = ietkit(data.path(), &["log", "welding"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let log = String::from_utf8(out.stdout).unwrap();
    assert!(log.lines().all(|l| l.chars().count() <= 80), "{log}");
    insta::assert_snapshot!(log);
    // The same by path, and for a file with no record.
    let by_path = ietkit(data.path(), &["log", path.to_str().unwrap()]);
    assert!(text(&by_path).contains("Sam Ortiz (CTE)"));
    let older = common::root().join("examples/assessments/welding-fabrication-iet-2025-26.ron");
    let old = ietkit(data.path(), &["log", older.to_str().unwrap()]);
    assert!(
        text(&old).contains("No changes are recorded"),
        "{}",
        text(&old)
    );
}

#[test]
fn team_check_finds_what_would_stop_a_member_and_fix_mends_what_is_yours() {
    if not_root("giving a folder to another group") {
        return;
    }
    let base = TempDir::new("team-check");
    let dir = base.path().join("welding");
    let init = ietkit::store::team::init(&dir, Some(&TEAM.to_string())).unwrap();
    assert!(init.check.problems.is_empty(), "{:?}", init.check.problems);
    let assessments = dir.join("assessments");
    let private = assessments.join("x.ron");
    std::fs::write(&private, "copied in by hand").unwrap();
    chmod(&private, 0o600);
    std::os::unix::fs::chown(&private, None, Some(0)).unwrap();
    let stale = assessments.join(".x.ron.1-1.tmp");
    let fresh = assessments.join(".x.ron.1-2.tmp");
    for p in [&stale, &fresh] {
        std::fs::write(p, "half a save").unwrap();
        chmod(p, 0o660);
        std::os::unix::fs::chown(p, None, Some(TEAM)).unwrap();
    }
    let hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    let folder = ietkit::store::folder::Folder::open(&assessments, false).unwrap();
    let _held = Lock::take(&folder, "x.ron", "Sam Ortiz (CTE), sam on srv (process 9)").unwrap();

    let report = ietkit::store::team::check(&dir, false).unwrap();
    let problems = report.problems.join("\n");
    assert_eq!(report.problems.len(), 2, "{problems}");
    assert!(
        problems.contains(
            "x.ron: members of the group cannot all read and change this file (mode 0600"
        ),
        "{problems}"
    );
    assert!(
        problems.contains(".x.ron.1-1.tmp: a temporary file left by an interrupted save"),
        "{problems}"
    );
    assert!(
        problems.contains("`ietkit team check --fix` removes it"),
        "one's own leftover: {problems}"
    );
    assert!(
        !problems.contains(".x.ron.1-2.tmp"),
        "a save in progress is no problem"
    );
    assert_eq!(report.open, ["x: Sam Ortiz (CTE), sam on srv (process 9)"]);
    assert!(
        report.text().contains("Shared with the group"),
        "{}",
        report.text()
    );

    let fixed = ietkit::store::team::check(&dir, true).unwrap();
    assert_eq!(fixed.fixed.len(), 2, "{:?}", fixed.fixed);
    assert!(fixed.problems.is_empty(), "{:?}", fixed.problems);
    assert_eq!((mode(&private), gid(&private)), (0o660, TEAM));
    assert!(!stale.exists(), "the leftover is removed");
    assert!(fresh.exists(), "a save in progress is left alone");
    assert!(
        ietkit::store::team::check(&dir, false)
            .unwrap()
            .problems
            .is_empty()
    );

    // Alice's --fix mends only what is hers: a file Bob keeps private is
    // left as it is, and the report names Bob as the one who can mend it.
    let bobs = assessments.join("bob.ron");
    std::fs::write(&bobs, "Bob's own").unwrap();
    chmod(&bobs, 0o600);
    std::os::unix::fs::chown(&bobs, Some(BOB), Some(TEAM)).unwrap();
    let home = base.path().join("alice-home");
    std::fs::create_dir_all(&home).unwrap();
    std::os::unix::fs::chown(&home, Some(ALICE), Some(TEAM)).unwrap();
    let out = as_user(
        ALICE,
        TEAM,
        &home,
        &dir,
        &["team", "check", "--fix", dir.to_str().unwrap()],
    );
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "a problem is left: {said}");
    assert_eq!(mode(&bobs), 0o600, "not Alice's to change");
    assert!(said.contains("bob.ron"), "{said}");
    let flat = said.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!(
            "its owner, {}, can put it right",
            ietkit::store::people::user_name(BOB)
        )),
        "names who can mend it: {said}"
    );
}

#[test]
fn a_session_keeps_saving_into_its_own_folder_when_a_link_is_put_in_its_place() {
    let data = TempDir::new("team-swap");
    let outside = TempDir::new("team-swap-outside");
    let o = outside.path();
    std::fs::create_dir_all(o.join("fakeroot/assessments")).unwrap();
    std::fs::write(o.join("weld.ron"), "outside, keep").unwrap();
    std::fs::write(o.join("fakeroot/assessments/weld.ron"), "outside, keep").unwrap();
    let lib = library(data.path());
    let sample = sample(ABS_VIEW);
    let path = lib.create_named(&sample, "weld").unwrap();
    let mut app = tui::app(80, 24);
    let mut session = Session::new(Some(library(data.path())));
    session.open(&mut app, &path).unwrap();
    let before = snapshot(o);

    // Someone swaps the library's folder for a link to elsewhere.
    let moved = data.path().join("assessments.moved");
    std::fs::rename(lib.assessments(), &moved).unwrap();
    link(o, &lib.assessments());
    tui::feed(&mut app, "jj<Enter>0");
    session.apply(&mut app);
    assert!(matches!(app.save, SaveState::Saved(_)), "{:?}", app.save);
    let saved = assessment_file::read(&moved.join("weld.ron"))
        .unwrap()
        .assessment;
    assert_eq!(saved.response("PD-1").unwrap().rating, Rating::Level(0));
    assert_eq!(snapshot(o), before, "nothing written through the link");
    // Commands that read by name refuse the link rather than follow it.
    for args in [["log", "weld"], ["summary", "weld"]] {
        let out = ietkit(data.path(), &args);
        assert_ne!(out.status.code(), Some(0), "{args:?}: {}", text(&out));
        assert!(
            text(&out).contains("symbolic link"),
            "{args:?}: {}",
            text(&out)
        );
    }

    // The data folder itself swapped: the session holds on to the one it
    // opened.
    std::fs::remove_file(lib.assessments()).unwrap();
    std::fs::rename(&moved, lib.assessments()).unwrap();
    let real = TempDir::new("team-swap-real");
    let real_root = real.path().join("data");
    std::fs::rename(data.path(), &real_root).unwrap();
    link(&o.join("fakeroot"), data.path());
    tui::feed(&mut app, "1");
    session.apply(&mut app);
    assert!(matches!(app.save, SaveState::Saved(_)), "{:?}", app.save);
    let saved = assessment_file::read(&real_root.join("assessments/weld.ron"))
        .unwrap()
        .assessment;
    assert_eq!(saved.response("PD-1").unwrap().rating, Rating::Level(1));
    assert_eq!(snapshot(o), before, "nothing written through the link");
    std::fs::remove_file(data.path()).unwrap();
}

#[test]
fn team_init_and_check_touch_only_what_is_ietkits() {
    if not_root("giving a folder to another group") {
        return;
    }
    let base = TempDir::new("team-only-ours");
    // A folder holding someone's own files is not taken over.
    let home = base.path().join("home");
    std::fs::create_dir_all(home.join("docs")).unwrap();
    std::fs::write(home.join(".netrc"), "secret").unwrap();
    chmod(home.join(".netrc"), 0o600);
    let err = ietkit::store::team::init(&home, Some(&TEAM.to_string())).unwrap_err();
    assert!(
        err.contains("holds files that are not ietkit's (.netrc, docs)"),
        "{err}"
    );
    assert_eq!(mode(&home.join(".netrc")), 0o600);
    assert_ne!(gid(&home), TEAM);

    // A link, or ietkit's folder planted as a link: refused before
    // anything changes.
    let target = base.path().join("somewhere");
    std::fs::create_dir(&target).unwrap();
    link(&target, &base.path().join("linked"));
    let err = ietkit::store::team::init(&base.path().join("linked"), Some(&TEAM.to_string()))
        .unwrap_err();
    assert!(err.contains("is a symbolic link"), "{err}");
    let planted = base.path().join("planted");
    std::fs::create_dir(&planted).unwrap();
    link(&target, &planted.join("assessments"));
    let err = ietkit::store::team::init(&planted, Some(&TEAM.to_string())).unwrap_err();
    assert!(err.contains("assessments is a symbolic link"), "{err}");
    for unchanged in [&target, &planted] {
        assert_eq!(
            (mode(unchanged), gid(unchanged)),
            (0o755, 0),
            "{}",
            unchanged.display()
        );
    }

    let dir = base.path().join("welding");
    ietkit::store::team::init(&dir, Some(&TEAM.to_string())).unwrap();
    // Run again without --group: the folder stays with its group.
    ietkit::store::team::init(&dir, None).unwrap();
    assert_eq!((mode(&dir), gid(&dir)), (0o2770, TEAM));
    // Files that are not ietkit's, and a hard link to a file elsewhere:
    // never changed; the hard link is named.
    let stray = dir.join("assessments/notes.txt");
    std::fs::write(&stray, "mine").unwrap();
    chmod(&stray, 0o600);
    let elsewhere = base.path().join("elsewhere.ron");
    std::fs::write(&elsewhere, "not ietkit's").unwrap();
    chmod(&elsewhere, 0o644);
    std::fs::hard_link(&elsewhere, dir.join("assessments/hard.ron")).unwrap();
    let report = ietkit::store::team::check(&dir, true).unwrap();
    let problems = report.problems.join("\n");
    assert!(
        problems.contains("hard.ron is a file with other names (a hard link)"),
        "{problems}"
    );
    assert!(!problems.contains("notes.txt"), "{problems}");
    // A link is named with where it points, and the command that removes it.
    let planted = dir.join("assessments/planted.ron");
    std::os::unix::fs::symlink(&elsewhere, &planted).unwrap();
    let problems = ietkit::store::team::check(&dir, false)
        .unwrap()
        .problems
        .join("\n");
    assert!(
        problems.contains(&format!(
            "{} is a symbolic link to {}",
            planted.display(),
            elsewhere.display()
        )) && problems.contains(&format!("rm {}", planted.display())),
        "{problems}"
    );
    std::fs::remove_file(&planted).unwrap();
    let report = ietkit::store::team::check(&dir, true).unwrap();
    assert!(report.fixed.is_empty(), "{:?}", report.fixed);
    assert_eq!(mode(&stray), 0o600);
    assert_eq!((mode(&elsewhere), gid(&elsewhere)), (0o644, 0));
    // A folder others can see into is named and mended.
    chmod(dir.join("trash"), 0o2775);
    let report = ietkit::store::team::check(&dir, false).unwrap();
    assert!(
        report
            .problems
            .join("\n")
            .contains("people outside the group can see into it"),
        "{:?}",
        report.problems
    );
    ietkit::store::team::check(&dir, true).unwrap();
    assert_eq!(mode(&dir.join("trash")), 0o2770);
}

#[test]
fn who_someone_is_counts_only_from_their_own_file() {
    if not_root("a file owned by another user") {
        return;
    }
    let data = TempDir::new("team-people");
    let root = folder::Folder::open(data.path(), true).unwrap();
    let me = Who {
        login: ietkit::store::people::login(),
        person: Person {
            name: "Someone else".into(),
            role: Some(Partner::Corrections),
        },
    };
    ietkit::store::people::write(&root, &me).unwrap();
    let file = data
        .path()
        .join("people")
        .join(ietkit::store::people::file_name(&me.login));
    assert!(ietkit::store::people::read(&root, &me.login).is_some());
    // Only its owner may change it, even in a team folder.
    assert_eq!(mode(&file), 0o600);
    // Changed in place by someone the group lets in: not believed.
    chmod(&file, 0o660);
    assert_eq!(ietkit::store::people::read(&root, &me.login), None);
    chmod(&file, 0o600);
    assert!(ietkit::store::people::read(&root, &me.login).is_some());
    // Written by a teammate in my name: not believed, so I am asked.
    std::os::unix::fs::chown(&file, Some(ALICE), None).unwrap();
    assert_eq!(ietkit::store::people::read(&root, &me.login), None);
    let (_, known) = ietkit::store::people::who(Some(&DataDir {
        path: data.path().to_path_buf(),
        chosen_by: ChosenBy::Flag,
    }));
    assert!(!known);
}

#[test]
fn what_cannot_be_read_back_is_never_written() {
    let data = TempDir::new("team-limits");
    let sources = TempDir::new("team-limits-src");
    let lib = library(data.path());
    let mut a = sample(ABS_VIEW);
    // Notes that make the saved file larger than ietkit reads back.
    a.response_mut("PD-1").notes = "x".repeat(17 * 1024 * 1024);
    let err = lib.create_named(&a, "huge").unwrap_err();
    assert!(err.reason.contains("larger than 16 MB"), "{}", err.reason);
    assert!(
        lib.list(&ietkit::store::embedded::builtin().unwrap().rubric)
            .unwrap()
            .is_empty()
    );
    // A file from a newer ietkit, or one claiming format 0, is not imported.
    let mut a = sample(ABS_VIEW);
    a.format = 3;
    let newer = sources.path().join("newer.ron");
    std::fs::write(&newer, assessment_file::to_text(&a)).unwrap();
    let err = lib.import(&newer, None).unwrap_err();
    assert!(err.contains("newer ietkit (format 3)"), "{err}");
    let zero = sources.path().join("zero.ron");
    std::fs::write(
        &zero,
        std::fs::read_to_string(&newer)
            .unwrap()
            .replace("format: 3,", "format: 0,"),
    )
    .unwrap();
    let err = lib.import(&zero, None).unwrap_err();
    assert!(err.contains("format 0, which no ietkit writes"), "{err}");
}

#[test]
fn a_link_among_the_earlier_versions_neither_stops_the_tidying_nor_is_followed() {
    let data = TempDir::new("team-history-link");
    let outside = TempDir::new("team-history-outside");
    std::fs::write(outside.path().join("old"), "keep").unwrap();
    let lib = library(data.path());
    let sample = sample(ABS_VIEW);
    let path = lib.create_named(&sample, "weld").unwrap();
    let history = lib.assessments().join("history");
    std::fs::create_dir_all(&history).unwrap();
    link(
        &outside.path().join("old"),
        &history.join("weld.2000-01-01T000000Z.ron"),
    );
    let mut app = tui::app(80, 24);
    let mut session = Session::new(Some(library(data.path())));
    session.open(&mut app, &path).unwrap();
    tui::feed(&mut app, "jj<Enter>");
    for key in ["0", "1", "2", "3"].iter().cycle().take(14) {
        tui::feed(&mut app, key);
        session.apply(&mut app);
        let told = app.message.clone().map(|m| m.0).unwrap_or_default();
        assert!(!told.contains("no earlier version"), "{told}");
    }
    let copies = assessment_file::history_of(&path);
    assert_eq!(
        copies.len(),
        ietkit::store::assessment_file::HISTORY_KEEP + 1,
        "ten and the link"
    );
    assert!(
        std::fs::symlink_metadata(&copies[0])
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::read_to_string(outside.path().join("old")).unwrap(),
        "keep"
    );
}

#[test]
fn two_members_importing_one_name_at_once_both_succeed() {
    if not_root("running ietkit as other users") {
        return;
    }
    let base = TempDir::new("team-race-users");
    chmod(base.path(), 0o755);
    let alice = home_of(base.path(), "alice", ALICE, TEAM);
    let bob = home_of(base.path(), "bob", BOB, TEAM);
    let team = base.path().join("welding");
    ietkit::store::team::init(&team, Some(&TEAM.to_string())).unwrap();
    let source = base.path().join("view.ron");
    std::fs::copy(common::root().join(ABS_VIEW), &source).unwrap();
    chmod(&source, 0o644);
    let rounds = 40;
    for round in 0..rounds {
        let name = format!("race-{round}");
        let spawn = |uid: u32, home: &Path| {
            Command::new(shared_binary())
                .args(["import", source.to_str().unwrap(), "--name", &name])
                .env_clear()
                .env("HOME", home)
                .env("IETKIT_DATA_DIR", &team)
                .current_dir(home)
                .uid(uid)
                .gid(TEAM)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let racers = [
            spawn(ALICE, &alice),
            spawn(BOB, &bob),
            spawn(ALICE, &alice),
            spawn(BOB, &bob),
        ];
        for racer in racers {
            let out = wait_or_fail(racer, "import");
            assert!(out.status.success(), "round {round}: {}", text(&out));
        }
    }
    let files = std::fs::read_dir(team.join("assessments"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".ron"))
        .count();
    assert_eq!(files, 4 * rounds);
}

#[test]
fn a_session_whose_terminal_hangs_up_without_a_signal_leaves_and_frees_its_assessment() {
    use std::io::Read as _;
    use std::sync::atomic::{AtomicBool, Ordering};
    let data = TempDir::new("team-hangup");
    pty::known_person(data.path());
    let lib = library(data.path());
    let sample = sample(ABS_VIEW);
    lib.create_named(&sample, "weld").unwrap();
    // A terminal that is not the session's controlling one, as under su
    // or runuser: when it closes, no SIGHUP is sent.
    let size = nix::pty::Winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    let pair = nix::pty::openpty(Some(&size), None).unwrap();
    // The master end stays with this test alone.
    nix::fcntl::fcntl(
        &pair.master,
        nix::fcntl::FcntlArg::F_SETFD(nix::fcntl::FdFlag::FD_CLOEXEC),
    )
    .unwrap();
    let slave = std::fs::File::from(pair.slave);
    let mut child = Command::new(env!("CARGO_BIN_EXE_ietkit"))
        .args(["open", "weld"])
        .env("TERM", "xterm-256color")
        .env("IETKIT_DATA_DIR", data.path())
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave))
        .spawn()
        .unwrap();
    let master = std::fs::File::from(pair.master);
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let done = std::sync::Arc::new(AtomicBool::new(false));
    let reader = {
        let (seen, done, mut master) = (seen.clone(), done.clone(), master.try_clone().unwrap());
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while !done.load(Ordering::SeqCst) {
                let mut fds = [nix::poll::PollFd::new(
                    std::os::fd::AsFd::as_fd(&master),
                    nix::poll::PollFlags::POLLIN,
                )];
                if nix::poll::poll(&mut fds, 50u16).unwrap_or(0) > 0 {
                    match master.read(&mut buf) {
                        Ok(n) if n > 0 => seen.lock().unwrap().extend_from_slice(&buf[..n]),
                        _ => break,
                    }
                }
            }
            drop(master);
        })
    };
    let start = Instant::now();
    while !String::from_utf8_lossy(&seen.lock().unwrap()).contains("Navigator") {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "ietkit never drew"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let folder = lib.folder(false).unwrap();
    assert!(Lock::holder(&folder, "weld.ron").is_some(), "open: locked");
    // The terminal goes away.
    done.store(true, Ordering::SeqCst);
    reader.join().unwrap();
    drop(master);
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "{status:?}");
            break;
        }
        // It leaves within about 2 s (a check each second, then 1 s of
        // grace); the limit is wide for a machine busy with other tests.
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "still running {:?} after its terminal hung up",
            start.elapsed()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(Lock::holder(&folder, "weld.ron"), None, "the lock is free");
}

#[test]
fn a_view_that_follows_another_session_keeps_to_its_assessment_and_loses_no_key() {
    let data = TempDir::new("team-follow");
    let sources = TempDir::new("team-follow-src");
    let lib = library(data.path());
    let path = lib.create_named(&sample(ABS_VIEW), "weld").unwrap();
    let folder = lib.folder(false).unwrap();
    let press = |app: &mut ietkit::tui::app::App, session: &mut Session, key: char| {
        let event =
            ratatui::crossterm::event::Event::Key(ratatui::crossterm::event::KeyEvent::new(
                ratatui::crossterm::event::KeyCode::Char(key),
                ratatui::crossterm::event::KeyModifiers::NONE,
            ));
        ietkit::tui::term::handle_burst(app, session, event, || Ok(None)).unwrap();
    };

    // The other session closes just before a key: that key counts.
    let held = Lock::take(&folder, "weld.ron", "Sam (CTE), sam on srv (process 3)").unwrap();
    let mut app = tui::app(80, 24);
    let mut session = Session::new(Some(library(data.path())));
    session.open(&mut app, &path).unwrap();
    assert!(app.read_only.is_some());
    tui::feed(&mut app, "jj<Enter>");
    drop(held);
    press(&mut app, &mut session, '0');
    assert!(app.read_only.is_none());
    let saved = lib.read(&path).unwrap().assessment;
    assert_eq!(saved.response("PD-1").unwrap().rating, Rating::Level(0));
    drop(session);

    // Renamed away while viewed, and another assessment made under the
    // same name: the view is not taken over by it.
    let held = Lock::take(&folder, "weld.ron", "Sam (CTE), sam on srv (process 3)").unwrap();
    let mut app = tui::app(80, 24);
    let mut session = Session::new(Some(library(data.path())));
    session.open(&mut app, &path).unwrap();
    tui::feed(&mut app, "jj<Enter>");
    let viewed = app.assessment.clone();
    drop(held);
    lib.rename(&path, "weld-old").unwrap();
    let mut other = sample(CTE_VIEW);
    other.profile.program = "Another program".into();
    let other_file = sources.path().join("weld.ron");
    std::fs::write(&other_file, assessment_file::to_text(&other)).unwrap();
    assert_eq!(lib.import(&other_file, None).unwrap(), path);
    press(&mut app, &mut session, '1');
    assert_eq!(app.assessment, viewed, "still the assessment that was open");
    let why = app.read_only.clone().expect("still read-only");
    assert!(
        why.contains("renamed, moved to the trash or replaced"),
        "{why}"
    );
    let there = lib.read(&path).unwrap().assessment;
    assert_eq!(
        there.profile.program, "Another program",
        "the other file untouched"
    );
    assert_eq!(
        there.response("PD-1").unwrap().rating,
        other.response("PD-1").unwrap().rating
    );
}

#[test]
fn a_copy_is_an_assessment_of_its_own_and_an_import_is_the_same_one() {
    let data = TempDir::new("team-ids");
    let lib = library(data.path());
    let source = common::root().join(ABS_VIEW);
    let original = assessment_file::read(&source).unwrap().assessment;
    let imported = lib.import(&source, None).unwrap();
    let copy = lib.duplicate(&imported).unwrap();
    let imported = lib.read(&imported).unwrap().assessment;
    let copy = lib.read(&copy).unwrap().assessment;
    assert_eq!(imported.id, original.id);
    assert!(imported.same_as(&original));
    assert_eq!(copy.id.len(), 32);
    assert!(!copy.same_as(&imported), "a copy goes its own way");
    // The record travels with the import and the copy, each adding how
    // it came to be.
    let n = original.changes.len();
    assert!(n > 1, "the sample has a record");
    assert_eq!(imported.changes[..n], original.changes[..]);
    assert_eq!(copy.changes[..n], original.changes[..]);
    assert!(copy.changes.len() > n, "and the copy says it is one");
    assert!(
        original
            .people
            .iter()
            .all(|(k, v)| copy.people.get(k) == Some(v)),
        "who the record names travels too"
    );
}

/// `team init` shares a data folder that was one person's (its files
/// become the group's), and what a member saves there stays shared even
/// with a umask that would keep it private.
#[test]
fn init_shares_an_existing_private_folder_and_saves_stay_shared_whatever_the_umask() {
    if not_root("giving a folder to another group") {
        return;
    }
    let base = TempDir::new("share-existing");
    chmod(base.path(), 0o755);
    let data = base.path().join("team");
    let out = ietkit(&data, &["import", ABS_VIEW]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = data.join("assessments/welding-fabrication-iet-2026-27-abs-view.ron");
    assert_eq!(mode(&first), 0o600, "private to begin with");

    let group = TEAM.to_string();
    let out = ietkit(
        &data,
        &["team", "init", data.to_str().unwrap(), "--group", &group],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (path, want) in [
        (data.clone(), 0o2770),
        (data.join("assessments"), 0o2770),
        (first.clone(), 0o660),
    ] {
        assert_eq!(mode(&path), want, "{}", path.display());
        assert_eq!(gid(&path), TEAM, "{}", path.display());
    }

    // Alice saves with umask 077: the file is the group's all the same.
    let home = base.path().join("alice");
    std::fs::create_dir_all(&home).unwrap();
    std::os::unix::fs::chown(&home, Some(ALICE), Some(TEAM)).unwrap();
    let copy = home.join("cte.ron");
    std::fs::copy(common::root().join(CTE_VIEW), &copy).unwrap();
    std::os::unix::fs::chown(&copy, Some(ALICE), Some(TEAM)).unwrap();
    let child = Command::new("/bin/sh")
        .args(["-c", "umask 077 && exec \"$0\" \"$@\""])
        .arg(shared_binary())
        .args(["import", copy.to_str().unwrap()])
        .env_clear()
        .env("HOME", &home)
        .env("IETKIT_DATA_DIR", &data)
        .current_dir(&home)
        .uid(ALICE)
        .gid(TEAM)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_or_fail(child, "import with umask 077");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let saved = data.join("assessments/cte.ron");
    assert_eq!(mode(&saved), 0o660, "shared despite the umask");
    assert_eq!(gid(&saved), TEAM);
    assert_eq!(
        std::fs::symlink_metadata(&saved).unwrap().uid(),
        ALICE,
        "saved by Alice"
    );
}

/// A name whose lock someone holds (they are making that file this very
/// moment) is passed over by every writer that makes a file: restore,
/// copy and import each take the next free name, and never write under
/// the held one.
#[test]
fn restore_copy_and_import_pass_over_a_name_someone_holds() {
    let data = TempDir::new("held-names");
    let lib = library(data.path());
    let source = common::root().join(ABS_VIEW);
    let first = lib.import(&source, Some("program")).unwrap();
    let folder = folder::Folder::open(&lib.assessments(), false).unwrap();
    let held = |name: &str| Lock::take(&folder, name, "Someone else, making this file").unwrap();
    let stem = |p: &Path| p.file_stem().unwrap().to_string_lossy().into_owned();

    // Copy: "program copy" is held, so the copy is the next free name.
    let copy_lock = held("program-copy.ron");
    let copy = lib.duplicate(&first).unwrap();
    assert_eq!(stem(&copy), "program-copy-2");
    assert!(!lib.assessments().join("program-copy.ron").exists());
    drop(copy_lock);

    // Restore: its old name is held.
    let trashed = lib.delete(&first).unwrap();
    let restore_lock = held("program.ron");
    let restored = lib.restore(&trashed).unwrap();
    assert_eq!(stem(&restored), "program-2");
    assert!(!lib.assessments().join("program.ron").exists());
    drop(restore_lock);

    // Import under a held name.
    let import_lock = held("partner.ron");
    let imported = lib.import(&source, Some("partner")).unwrap();
    assert_eq!(stem(&imported), "partner-2");
    assert!(!lib.assessments().join("partner.ron").exists());
    drop(import_lock);
}

/// `--group` takes a group's name, as an administrator types it, and the
/// folder gets that group's number.
#[test]
fn team_init_takes_a_group_by_its_name() {
    if not_root("giving a folder to another group") {
        return;
    }
    // "users" is on every Debian-like system; its number is looked up,
    // not assumed.
    let Ok(Some(group)) = nix::unistd::Group::from_name("users") else {
        eprintln!("skipped: this system has no group named users");
        return;
    };
    let base = TempDir::new("group-by-name");
    let dir = base.path().join("team");
    let out = ietkit(
        &dir,
        &["team", "init", dir.to_str().unwrap(), "--group", "users"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("It belongs to the group users"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(gid(&dir), group.gid.as_raw());
    assert_eq!(mode(&dir), 0o2770);
}

/// The owner of a private folder who cannot read in it (a folder inside it
/// closed by mistake) is never told it is someone else's: the message
/// points to `team check`, which says what to change.
#[test]
fn the_owner_of_a_private_folder_is_not_told_it_is_someone_elses() {
    if not_root("running ietkit as other users") {
        return;
    }
    let base = TempDir::new("team-own-private");
    let (alice, data) = alice_imports_into_her_own_folder(&base);
    chmod(data.join("assessments"), 0o000);
    let out = as_user(ALICE, TEAM, &alice, &data, &["list"]);
    chmod(data.join("assessments"), 0o700);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(!text(&out).contains("is private to them"), "{}", text(&out));
    assert!(text(&out).contains("team check"), "{}", text(&out));
}

/// A member of the team's group only by a supplementary group (her own
/// group is another) is in it: she may give a folder to it.
#[test]
fn a_member_by_a_supplementary_group_may_give_a_folder_to_it() {
    if not_root("running ietkit as another user with other groups") {
        return;
    }
    let base = TempDir::new("team-supplementary");
    chmod(base.path(), 0o755);
    let alice = home_of(base.path(), "alice", ALICE, OUTSIDER);
    let dir = alice.join("welding");
    let mut cmd = Command::new(shared_binary());
    cmd.args(["team", "init", dir.to_str().unwrap(), "--group"])
        .arg(TEAM.to_string())
        .env_clear()
        .env("HOME", &alice)
        .current_dir(&alice)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // Root drops to Alice: her own group is the outsider's, the team's is
    // one more she is in.
    unsafe {
        cmd.pre_exec(|| {
            use nix::unistd::{Gid, Uid, setgid, setgroups, setuid};
            let to_io = |e: nix::Error| std::io::Error::from_raw_os_error(e as i32);
            setgroups(&[Gid::from_raw(TEAM)]).map_err(to_io)?;
            setgid(Gid::from_raw(OUTSIDER)).map_err(to_io)?;
            setuid(Uid::from_raw(ALICE)).map_err(to_io)
        });
    }
    let out = wait_or_fail(cmd.spawn().unwrap(), "team init as Alice");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!((gid(&dir), mode(&dir)), (TEAM, 0o2770));
}

/// `team check` says which is wrong with a file: the group, or that
/// people outside it can see it; and as root, that `--fix` mends a file
/// of anyone's.
#[test]
fn team_check_says_whether_the_group_or_the_others_are_wrong() {
    if not_root("giving files to other users and groups") {
        return;
    }
    let base = TempDir::new("team-check-which");
    let dir = base.path().join("welding");
    ietkit::store::team::init(&dir, Some(&TEAM.to_string())).unwrap();
    let assessments = dir.join("assessments");
    let plant = |name: &str, mode: u32, owner: u32, group: u32| {
        let p = assessments.join(name);
        std::fs::write(&p, "copied in by hand").unwrap();
        chmod(&p, mode);
        std::os::unix::fs::chown(&p, Some(owner), Some(group)).unwrap();
    };
    plant("root-group.ron", 0o660, ALICE, 0);
    plant("seen.ron", 0o664, BOB, TEAM);
    // Bob's leftover from a save cut off an hour ago.
    plant(".bob.ron.1-1.tmp", 0o660, BOB, TEAM);
    std::fs::File::options()
        .write(true)
        .open(assessments.join(".bob.ron.1-1.tmp"))
        .unwrap()
        .set_modified(std::time::SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
    let report = ietkit::store::team::check(&dir, false).unwrap();
    let problems = report.problems.join("\n");
    assert_eq!(report.problems.len(), 3, "{problems}");
    let bob = ietkit::store::people::user_name(BOB);
    assert!(
        problems.contains(&format!(
            "{bob} can remove it with `ietkit team check --fix`, or: rm"
        )),
        "{problems}"
    );
    for (file, says) in [
        (
            "root-group.ron",
            "members of the group cannot all read and change this file",
        ),
        ("seen.ron", "people outside the group can see into it"),
    ] {
        let line = report
            .problems
            .iter()
            .find(|p| p.contains(file))
            .unwrap_or_else(|| panic!("{file}: {problems}"));
        assert!(line.contains(says), "{line}");
        // Root may mend anyone's file.
        assert!(
            line.contains("`ietkit team check --fix` puts it right"),
            "{line}"
        );
    }
}

/// `team check` of a folder: what it counts and says of the folder
/// itself (owner, mode, a folder people outside the group can see into,
/// put right only with --fix), and a folder with nothing of ietkit's.
#[test]
fn team_check_of_the_folder_itself() {
    if not_root("giving a folder to another group") {
        return;
    }
    let base = TempDir::new("team-check-folder");
    let dir = base.path().join("welding");
    ietkit::store::team::init(&dir, Some(&TEAM.to_string())).unwrap();
    for name in ["a.ron", "b.ron"] {
        let p = dir.join("assessments").join(name);
        std::fs::write(&p, "(x)").unwrap();
        chmod(&p, 0o660);
        std::os::unix::fs::chown(&p, None, Some(TEAM)).unwrap();
    }
    let report = ietkit::store::team::check(&dir, false).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.files, 2, "the files looked at");
    assert_eq!(report.folder, dir);
    assert_eq!(report.mode, 0o2770);
    assert_eq!(report.owner, ietkit::store::people::user_name(0));
    let text = report.text();
    assert!(
        text.contains("(mode 2770, owner root)") || text.contains("mode 2770, owner"),
        "{text}"
    );
    assert!(text.contains("2 files looked at."), "{text}");

    // Others can see in: said, and mended only when asked.
    chmod(&dir, 0o2775);
    let report = ietkit::store::team::check(&dir, false).unwrap();
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert!(
        report.problems[0].contains("people outside it can see in (mode 2775)"),
        "{:?}",
        report.problems
    );
    assert_eq!(mode(&dir), 0o2775, "not changed without --fix");
    let fixed = ietkit::store::team::check(&dir, true).unwrap();
    assert_eq!(fixed.fixed.len(), 1, "{:?}", fixed.fixed);
    assert_eq!(mode(&dir), 0o2770);

    // A folder with only ietkit's folder in it is ietkit's; an empty one
    // is not.
    let empty = base.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let report = ietkit::store::team::check(&empty, false).unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("does not look like an ietkit data folder")),
        "{:?}",
        report.problems
    );
    std::fs::create_dir(empty.join("assessments")).unwrap();
    let report = ietkit::store::team::check(&empty, false).unwrap();
    assert!(
        !report
            .problems
            .iter()
            .any(|p| p.contains("does not look like")),
        "{:?}",
        report.problems
    );
}

/// In a private folder, a file its owner cannot read is named.
#[test]
fn team_check_names_a_file_one_cannot_read_in_ones_own_folder() {
    if not_root("running ietkit as another user") {
        return;
    }
    let base = TempDir::new("team-unreadable");
    chmod(base.path(), 0o755);
    let (alice, data) = alice_imports_into_her_own_folder(&base);
    let planted = data.join("assessments").join("roots.ron");
    std::fs::write(&planted, "root's").unwrap();
    chmod(&planted, 0o600);
    let out = as_user(
        ALICE,
        TEAM,
        &alice,
        &data,
        &["team", "check", data.to_str().unwrap()],
    );
    let said = text(&out);
    let flat = said.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("roots.ron: you cannot read it (mode 0600, owner root)"),
        "{said}"
    );
}

/// `team init` says what stops it: a folder of someone else's files (the
/// first five named), a group one is not in or that is not there, a place
/// one may not make a folder in; and takes a folder named from where it
/// runs.
#[test]
fn team_init_says_what_stops_it() {
    if not_root("running ietkit as another user") {
        return;
    }
    let base = TempDir::new("team-init-stops");
    chmod(base.path(), 0o755);
    let full = base.path().join("full");
    std::fs::create_dir(&full).unwrap();
    for i in 0..7 {
        std::fs::write(full.join(format!("f{i}.txt")), "x").unwrap();
    }
    let e = ietkit::store::team::init(&full, Some(&TEAM.to_string())).unwrap_err();
    assert!(
        e.contains("f0.txt, f1.txt, f2.txt, f3.txt, f4.txt, ..."),
        "{e}"
    );
    std::fs::remove_file(full.join("f5.txt")).unwrap();
    std::fs::remove_file(full.join("f6.txt")).unwrap();
    let e = ietkit::store::team::init(&full, Some(&TEAM.to_string())).unwrap_err();
    assert!(e.contains("f4.txt)") && !e.contains("..."), "{e}");

    // Named from where it runs.
    let out = Command::new(shared_binary())
        .args(["team", "init", "relative", "--group"])
        .arg(TEAM.to_string())
        .current_dir(base.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(gid(&base.path().join("relative")), TEAM);

    let alice = home_of(base.path(), "alice", ALICE, TEAM);
    let run = |args: &[&str]| text(&as_user(ALICE, TEAM, &alice, &alice, args));
    let flat = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    // Without --group, her own group is the team's.
    let own = alice.join("own");
    let out = as_user(
        ALICE,
        TEAM,
        &alice,
        &alice,
        &["team", "init", own.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(gid(&own), TEAM);
    let said = flat(run(&[
        "team",
        "init",
        alice.join("w").to_str().unwrap(),
        "--group",
        "61999",
    ]));
    assert!(
        said.contains("there is no group 61999 on this computer"),
        "{said}"
    );
    // A place Alice may not write in.
    let closed = base.path().join("closed");
    std::fs::create_dir(&closed).unwrap();
    chmod(&closed, 0o755);
    let said = flat(run(&[
        "team",
        "init",
        closed.join("w").to_str().unwrap(),
        "--group",
        &TEAM.to_string(),
    ]));
    assert!(said.contains("you may not make a folder in"), "{said}");
    // A group that is there but not hers.
    match nix::unistd::Group::from_name("users") {
        Ok(Some(_)) => {
            let said = flat(run(&[
                "team",
                "init",
                alice.join("u").to_str().unwrap(),
                "--group",
                "users",
            ]));
            assert!(said.contains("you are not in the group users"), "{said}");
        }
        _ => eprintln!("skipped in part: this system has no group named users"),
    }
}
