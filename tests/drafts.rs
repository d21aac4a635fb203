//! Drafts: what is being typed is on disk after each burst of keys, each
//! session in a file of its own, and offered back to whoever can next
//! change the assessment when the session that typed it has ended.

mod common;
#[path = "common/tui.rs"]
mod tui;

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use common::TempDir;
use ietkit::model::assessment::Evidence;
use ietkit::model::changes::{Person, Who};
use ietkit::model::timestamp::Timestamp;
use ietkit::store::assessment_file;
use ietkit::store::folder;
use ietkit::store::library::Library;
use ietkit::store::paths::{ChosenBy, DataDir};
use ietkit::tui::app::App;
use ietkit::tui::draft::{Draft, Typing};
use ietkit::tui::session::Session;

const ABS_VIEW: &str = "examples/assessments/welding-fabrication-iet-2026-27-abs-view.ron";

fn library(dir: &Path) -> Library {
    Library::new(DataDir {
        path: dir.to_path_buf(),
        chosen_by: ChosenBy::Flag,
    })
}

fn sample() -> ietkit::model::assessment::Assessment {
    assessment_file::read(&common::root().join(ABS_VIEW))
        .unwrap()
        .assessment
}

use common::maria;

fn sam() -> Who {
    Who {
        login: "sam".into(),
        person: Person::default(),
    }
}

/// The draft files in `dir` whose names begin with `base.`, sorted.
fn drafts(dir: &Path, base: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    let name = p.file_name().unwrap().to_string_lossy().into_owned();
                    name.starts_with(&format!("{base}.")) && name.ends_with(".draft")
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap()
}

/// A data folder in `data` holding the sample as "weld": the library, the
/// file and its folder.
fn weld(data: &Path) -> (Library, PathBuf, PathBuf) {
    let lib = library(data);
    let path = lib.create_named(&sample(), "weld").unwrap();
    let dir = lib.assessments();
    (lib, path, dir)
}

/// A session of `who` with `path` open.
fn open(data: &Path, who: Who, path: &Path) -> (App, Session) {
    let mut app = tui::app(80, 24);
    app.who = who;
    let mut session = Session::new(Some(library(data)));
    session.open(&mut app, path).unwrap();
    (app, session)
}

fn keys(app: &mut App, session: &mut Session, keys: &str) {
    tui::feed(app, keys);
    session.apply(app);
}

/// Writes `draft` to `file` as ietkit would.
fn write_draft(file: &Path, draft: &Draft) {
    std::fs::write(
        file,
        ron::ser::to_string_pretty(draft, ron::ser::PrettyConfig::new()).unwrap(),
    )
    .unwrap();
}

/// Maria types `words` as notes for PD-1 in `path`, and her session ends
/// before she keeps them; the drafts beside it then.
fn leave_note(data: &Path, path: &Path, words: &str) -> Vec<PathBuf> {
    let (mut app, mut session) = open(data, maria(), path);
    keys(&mut app, &mut session, &format!("jj<Enter><Enter>w{words}"));
    drop(session);
    drafts(path.parent().unwrap(), "weld.ron")
}

/// Plants a draft another session left in `dir`.
fn plant(dir: &Path, file: &str, assessment: &str, typing: Typing) {
    let draft = Draft {
        by: "lee".into(),
        name: "Lee Chen (CTE)".into(),
        host: "elsewhere".into(),
        process: 4242,
        assessment: assessment.into(),
        at: Timestamp::now(),
        typing,
    };
    write_draft(&dir.join(file), &draft);
}

#[test]
fn what_is_being_typed_is_kept_as_a_draft_and_offered_to_the_next_session() {
    let data = TempDir::new("draft-offer");
    let (lib, path, dir) = weld(data.path());
    let (mut app, mut session) = open(data.path(), maria(), &path);
    // Notes typed, not kept yet: on disk as a draft after each burst.
    keys(
        &mut app,
        &mut session,
        "jj<Enter><Enter>wMet the employer panel",
    );
    let mine = drafts(&dir, "weld.ron");
    assert_eq!(mine.len(), 1, "one draft file of this session: {mine:?}");
    let kept = read(&mine[0]);
    assert!(kept.contains("Met the employer panel"), "{kept}");
    assert!(kept.contains("Maria Lopez (ABS)"), "{kept}");
    keys(&mut app, &mut session, " in May");
    assert_eq!(drafts(&dir, "weld.ron"), mine, "the same file, rewritten");
    assert!(read(&mine[0]).contains("panel in May"));
    let saved_before = read(&path);
    // The session ends without the notes being kept (the link dropped).
    drop(session);
    assert_eq!(read(&path), saved_before, "never the saved text");

    // The next session is told whose it is, sees it, restores it.
    let (mut app, mut session) = open(data.path(), sam(), &path);
    let screen = tui::screen(&app);
    assert!(screen.contains("A draft was left"), "{screen}");
    assert!(screen.contains("Maria Lopez (ABS), login"), "{screen}");
    assert!(screen.contains("Met the employer panel in May"), "{screen}");
    keys(&mut app, &mut session, "r");
    // Restored: on disk at once as this session's own draft, the left
    // one gone.
    let now = drafts(&dir, "weld.ron");
    assert_eq!(now.len(), 1, "{now:?}");
    assert_ne!(now, mine);
    assert!(read(&now[0]).contains("panel in May"));
    assert!(read(&now[0]).contains("\"sam\""));
    keys(&mut app, &mut session, "<C-s>");
    let saved = lib.read(&path).unwrap().assessment;
    assert_eq!(
        saved.response("PD-1").unwrap().notes,
        "Met the employer panel in May"
    );
    assert!(drafts(&dir, "weld.ron").is_empty(), "kept: no draft left");

    // A form's draft, discarded.
    keys(
        &mut app,
        &mut session,
        "<Esc>jj<Enter><Enter>aCall the board",
    );
    assert!(read(&drafts(&dir, "weld.ron")[0]).contains("Call the board"));
    drop(session);
    let (mut app, mut session) = open(data.path(), sam(), &path);
    assert!(tui::screen(&app).contains("an action item for PD-1"));
    keys(&mut app, &mut session, "d");
    assert!(tui::screen(&app).contains("discarded"));
    assert!(drafts(&dir, "weld.ron").is_empty(), "discarded: gone");
    let saved = lib.read(&path).unwrap().assessment;
    assert_eq!(saved.response("PD-1").unwrap().actions.len(), 0);
}

#[test]
fn two_sessions_never_overwrite_each_others_drafts_and_one_put_off_stays() {
    let data = TempDir::new("draft-two");
    let (_, path, dir) = weld(data.path());
    let first = leave_note(data.path(), &path, "Words of the first session");

    // The next session puts it off and types its own: two files.
    let (mut app, mut session) = open(data.path(), sam(), &path);
    assert!(tui::screen(&app).contains("Words of the first session"));
    keys(&mut app, &mut session, "<Esc>");
    assert!(tui::screen(&app).contains("draft of notes for PD-1 is kept"));
    keys(
        &mut app,
        &mut session,
        "jjj<Enter><Enter>wWords of the second session",
    );
    let both = drafts(&dir, "weld.ron");
    assert_eq!(both.len(), 2, "{both:?}");
    assert!(
        read(&first[0]).contains("Words of the first session"),
        "untouched: {}",
        read(&first[0])
    );
    // Put off: not offered again in this session, even on opening again.
    session.open(&mut app, &path).unwrap();
    assert!(!tui::screen(&app).contains("A draft was left"));
    keys(
        &mut app,
        &mut session,
        "jjj<Enter><Enter>wWords of the second session",
    );
    drop(session);
    // (The first was typed an hour before, as it would be in use.)
    let first_text = read(&first[0]);
    let at = first_text
        .lines()
        .find(|l| l.trim_start().starts_with("at:"))
        .unwrap();
    std::fs::write(
        &first[0],
        first_text.replace(at, "    at: \"2026-01-05T09:00:00Z\","),
    )
    .unwrap();

    // A third session is offered the oldest first, told one more waits,
    // and then offered the other.
    let (mut app, mut session) = open(data.path(), sam(), &path);
    let screen = tui::screen(&app);
    assert!(screen.contains("Words of the first session"), "{screen}");
    assert!(screen.contains("1 more draft waits"), "{screen}");
    keys(&mut app, &mut session, "d");
    let screen = tui::screen(&app);
    assert!(screen.contains("Words of the second session"), "{screen}");
    assert!(!screen.contains("more draft"), "{screen}");
    keys(&mut app, &mut session, "d");
    assert!(drafts(&dir, "weld.ron").is_empty());
}

#[test]
fn a_draft_follows_its_assessment_and_never_goes_to_another() {
    let data = TempDir::new("draft-id");
    let (lib, path, dir) = weld(data.path());
    leave_note(data.path(), &path, "Typed in weld");
    // A copy is an assessment of its own: not offered there.
    let copy = lib.duplicate(&path).unwrap();
    let (app, session) = open(data.path(), sam(), &copy);
    let screen = tui::screen(&app);
    assert!(!screen.contains("A draft was left"), "{screen}");
    drop(session);
    // Renamed, and another made under the old name: the draft goes with
    // the assessment it was typed in, not the name.
    let renamed = lib.rename(&path, "weld renamed").unwrap();
    let mut fresh = sample();
    fresh.id = ietkit::model::assessment::new_id();
    let other = lib.create_named(&fresh, "weld").unwrap();
    let (app, session) = open(data.path(), sam(), &other);
    assert!(!tui::screen(&app).contains("A draft was left"));
    drop(session);
    let (app, _session) = open(data.path(), sam(), &renamed);
    assert!(tui::screen(&app).contains("Typed in weld"));
    assert_eq!(drafts(&dir, "weld.ron").len(), 1);
}

#[test]
fn a_follower_that_takes_the_lock_is_offered_what_the_writer_was_typing() {
    let data = TempDir::new("draft-follow");
    let lib = library(data.path());
    let path = lib.create_named(&sample(), "weld").unwrap();
    let (mut writer_app, mut writer) = open(data.path(), maria(), &path);
    let (mut app, mut session) = open(data.path(), sam(), &path);
    assert!(app.read_only.is_some(), "the writer holds the lock");
    keys(
        &mut writer_app,
        &mut writer,
        "jj<Enter><Enter>wWords of the writer",
    );
    session.apply(&mut app);
    assert!(
        !tui::screen(&app).contains("A draft was left"),
        "still typed"
    );
    // The writer's link drops.
    drop(writer);
    session.apply(&mut app);
    let screen = tui::screen(&app);
    assert!(app.read_only.is_none(), "{screen}");
    assert!(screen.contains("Words of the writer"), "{screen}");
}

#[test]
fn a_changed_evidence_item_is_found_again_by_what_it_held() {
    let data = TempDir::new("draft-item");
    let lib = library(data.path());
    let mut a = sample();
    let item = |what: &str| Evidence {
        what: what.into(),
        location: "binder".into(),
        holder: "coordinator".into(),
        date: None,
        recheck: false,
    };
    let r = a
        .responses
        .iter_mut()
        .find(|r| r.indicator == "PD-1")
        .unwrap();
    r.evidence = vec![item("Agreement"), item("Minutes")];
    let id = a.id.clone();
    let path = lib.create_named(&a, "weld").unwrap();
    let dir = lib.assessments();
    let held = |what: &str| {
        vec![
            what.into(),
            "binder".into(),
            "coordinator".into(),
            String::new(),
        ]
    };
    // Typed as a change to item 2 ("Minutes"), and to an item since gone.
    plant(
        &dir,
        "weld.ron.4242-aaaaaaaa.draft",
        &id,
        Typing::Evidence {
            indicator: "PD-1".into(),
            index: Some(1),
            original: held("Minutes"),
            fields: vec![
                "Minutes, signed".into(),
                "binder".into(),
                "coordinator".into(),
                String::new(),
            ],
        },
    );
    // Meanwhile the first item went: "Minutes" is first now.
    let mut now = lib.read(&path).unwrap().assessment;
    now.responses
        .iter_mut()
        .find(|r| r.indicator == "PD-1")
        .unwrap()
        .evidence
        .remove(0);
    assessment_file::save(&path, &now).unwrap();
    let (mut app, mut session) = open(data.path(), sam(), &path);
    let screen = tui::screen(&app);
    assert!(screen.contains("Lee Chen (CTE), login lee on"), "{screen}");
    keys(&mut app, &mut session, "r");
    assert!(!tui::screen(&app).contains("no longer there"));
    keys(&mut app, &mut session, "<Enter>");
    let whats = evidence_of_pd1(&lib, &path);
    assert_eq!(
        whats,
        ["Minutes, signed"],
        "the same item changed, none added"
    );

    // An item that is gone: the draft becomes a new item, and says so.
    plant(
        &dir,
        "weld.ron.4242-bbbbbbbb.draft",
        &id,
        Typing::Evidence {
            indicator: "PD-1".into(),
            index: Some(0),
            original: held("Agreement"),
            fields: vec![
                "Agreement, renewed".into(),
                "binder".into(),
                "coordinator".into(),
                String::new(),
            ],
        },
    );
    drop(session);
    let (mut app, mut session) = open(data.path(), sam(), &path);
    keys(&mut app, &mut session, "r");
    assert!(
        tui::screen(&app).contains("no longer there"),
        "{}",
        tui::screen(&app)
    );
    keys(&mut app, &mut session, "<Enter>");
    let whats = evidence_of_pd1(&lib, &path);
    assert_eq!(whats, ["Minutes, signed", "Agreement, renewed"]);
}

/// What each piece of PD-1's evidence says, as saved.
fn evidence_of_pd1(lib: &Library, path: &std::path::Path) -> Vec<String> {
    let saved = lib.read(path).unwrap().assessment;
    saved
        .response("PD-1")
        .unwrap()
        .evidence
        .iter()
        .map(|e| e.what.clone())
        .collect()
}

#[test]
fn a_draft_for_an_indicator_not_in_the_rubric_is_kept_as_it_is() {
    let data = TempDir::new("draft-unknown");
    let lib = library(data.path());
    let a = sample();
    let path = lib.create_named(&a, "weld").unwrap();
    let dir = lib.assessments();
    plant(
        &dir,
        "weld.ron.4242-cccccccc.draft",
        &a.id,
        Typing::Notes {
            indicator: "ZZ-9".into(),
            text: "Written against another rubric".into(),
        },
    );
    let (mut app, mut session) = open(data.path(), sam(), &path);
    keys(&mut app, &mut session, "r");
    let screen = tui::screen(&app);
    assert!(
        screen.contains("ZZ-9 is not in the rubric in use"),
        "{screen}"
    );
    assert_eq!(drafts(&dir, "weld.ron").len(), 1, "kept on disk");
}

#[test]
fn a_draft_that_cannot_be_read_is_named_and_left_alone() {
    let data = TempDir::new("draft-bad");
    let (_, path, dir) = weld(data.path());
    std::fs::write(dir.join("weld.ron.1-x.draft"), "not a draft").unwrap();
    let (app, session) = open(data.path(), sam(), &path);
    let screen = tui::screen(&app);
    assert!(screen.contains("cannot be read"), "{screen}");
    assert_eq!(read(&dir.join("weld.ron.1-x.draft")), "not a draft");
    drop(session);
    // Two: both named in one message.
    std::fs::write(dir.join("weld.ron.2-y.draft"), "(").unwrap();
    let (app, _session) = open(data.path(), sam(), &path);
    let said = app.message.clone().unwrap().0;
    assert!(said.starts_with("2 drafts cannot be read"), "{said}");
    assert!(
        said.contains("weld.ron.1-x.draft") && said.contains("weld.ron.2-y.draft"),
        "{said}"
    );
}

#[test]
fn the_draft_stays_while_the_last_save_failed() {
    let data = TempDir::new("draft-failed");
    let (lib, path, dir) = weld(data.path());
    let (mut app, mut session) = open(data.path(), maria(), &path);
    keys(&mut app, &mut session, "jj<Enter><Enter>aCall the board");
    folder::fault::set(Some((ErrorKind::StorageFull, 10)));
    keys(&mut app, &mut session, "<Enter>");
    folder::fault::set(None);
    assert!(tui::screen(&app).contains("Not saved"));
    let left = drafts(&dir, "weld.ron");
    assert_eq!(left.len(), 1, "the typed item is in no file but the draft");
    assert!(read(&left[0]).contains("Call the board"));
    // Saved at last: the draft goes.
    keys(&mut app, &mut session, "<C-s>");
    assert!(drafts(&dir, "weld.ron").is_empty());
    assert_eq!(
        lib.read(&path)
            .unwrap()
            .assessment
            .response("PD-1")
            .unwrap()
            .actions[0]
            .what,
        "Call the board"
    );
}

#[test]
fn the_first_profile_of_a_new_assessment_is_kept_as_the_persons_own_draft() {
    let data = TempDir::new("draft-new");
    let mut app = tui::app(80, 24);
    let mut session = Session::new(Some(library(data.path())));
    app.effects.push(ietkit::tui::app::Effect::Library(
        ietkit::tui::app::LibraryRequest::New,
    ));
    session.apply(&mut app);
    keys(&mut app, &mut session, "Example Community College");
    let state = data.path().join("state");
    let base = ietkit::store::people::file_name(&app.who.login);
    let mine = drafts(&state, &base);
    assert_eq!(mine.len(), 1, "{mine:?}");
    assert!(read(&mine[0]).contains("Example Community College"));
    drop(session);

    // Started again (with an assessment open, even): the draft is offered.
    let path = library(data.path())
        .create_named(&sample(), "weld")
        .unwrap();
    let mut app = tui::app(80, 24);
    let mut session = Session::new(Some(library(data.path())));
    session.open(&mut app, &path).unwrap();
    let screen = tui::screen(&app);
    assert!(screen.contains("the program profile"), "{screen}");
    assert!(screen.contains("Example Community College"), "{screen}");
    // Only what was typed: not the choices the form starts with.
    assert!(!screen.contains("College campus"), "{screen}");
    keys(&mut app, &mut session, "r");
    assert_eq!(drafts(&state, &base).len(), 1, "on disk as this session's");
    assert_ne!(drafts(&state, &base), mine);
    keys(&mut app, &mut session, "<Enter>");
    let path = session.path.clone().expect("saved as a new assessment");
    let saved = library(data.path()).read(&path).unwrap().assessment;
    assert_eq!(saved.profile.college, "Example Community College");
    assert!(drafts(&state, &base).is_empty());
    assert!(drafts(&library(data.path()).assessments(), "weld.ron").is_empty());
}

#[test]
fn a_draft_offered_draws_at_every_size() {
    let data = TempDir::new("draft-sizes");
    let lib = library(data.path());
    let a = sample();
    let path = lib.create_named(&a, "weld").unwrap();
    plant(
        &lib.assessments(),
        "weld.ron.4242-dddddddd.draft",
        &a.id,
        Typing::Notes {
            indicator: "PD-1".into(),
            text: "A long note typed before the link dropped. ".repeat(20),
        },
    );
    let (mut app, _session) = open(data.path(), sam(), &path);
    for width in 1..=120u16 {
        for height in (1..=40u16).step_by(3) {
            app.size = ratatui::layout::Rect::new(0, 0, width, height);
            let screen = tui::screen(&app);
            // Whose it is and the keys show, down to 40x12.
            if width >= 40 && height >= 12 {
                assert!(
                    screen.contains("A draft was left"),
                    "{width}x{height}\n{screen}"
                );
                assert!(screen.contains("d discard"), "{width}x{height}\n{screen}");
            }
        }
    }
}

#[test]
fn a_new_assessments_draft_is_not_offered_while_its_session_still_runs() {
    let data = TempDir::new("draft-live");
    let state = data.path().join("state");
    std::fs::create_dir_all(&state).unwrap();
    let base = ietkit::store::people::file_name(&maria().login);
    // Another session of the same person, still running on this computer.
    let mut other = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .unwrap();
    let draft = Draft {
        by: "maria".into(),
        name: "Maria Lopez (ABS)".into(),
        host: ietkit::store::people::host(),
        process: other.id(),
        assessment: "0123".into(),
        at: Timestamp::now(),
        typing: Typing::Profile {
            fields: vec!["Typed in the other window".into()],
            original: vec![String::new()],
        },
    };
    let file = state.join(format!("{base}.{}-eeeeeeee.draft", other.id()));
    write_draft(&file, &draft);
    let start = || {
        let mut app = tui::app(80, 24);
        app.who = maria();
        let mut session = Session::new(Some(library(data.path())));
        session.offer_drafts(&mut app);
        tui::screen(&app)
    };
    assert!(!start().contains("A draft was left"), "still being typed");
    other.kill().unwrap();
    other.wait().unwrap();
    let screen = start();
    assert!(screen.contains("Typed in the other window"), "{screen}");
    assert!(file.exists());
}

#[test]
fn a_draft_that_cannot_be_written_is_said_once() {
    let data = TempDir::new("draft-unwritable");
    let (_, path, dir) = weld(data.path());
    let (mut app, mut session) = open(data.path(), maria(), &path);
    folder::fault::set(Some((ErrorKind::StorageFull, 0)));
    keys(&mut app, &mut session, "jj<Enter><Enter>wFirst words");
    let said = |app: &App| {
        app.message
            .as_ref()
            .is_some_and(|(m, _)| m.contains("not kept as a draft"))
    };
    assert!(said(&app), "{}", tui::screen(&app));
    keys(&mut app, &mut session, " and more");
    assert!(!said(&app), "said once, not at every key");
    folder::fault::set(None);
    assert!(drafts(&dir, "weld.ron").is_empty());
    // Writable again: kept at the next burst.
    keys(&mut app, &mut session, " and the rest");
    assert!(read(&drafts(&dir, "weld.ron")[0]).contains("First words and more and the rest"));
}

#[test]
fn a_restored_draft_stays_on_disk_until_its_copy_is_written() {
    let data = TempDir::new("draft-restore-full");
    let (_, path, dir) = weld(data.path());
    let left = leave_note(data.path(), &path, "Only copy of these words");
    let (mut app, mut session) = open(data.path(), sam(), &path);
    // The disk is full: restored, but no copy can be written.
    folder::fault::set(Some((ErrorKind::StorageFull, 0)));
    keys(&mut app, &mut session, "r");
    let screen = tui::screen(&app);
    assert!(screen.contains("Restored: notes for PD-1"), "{screen}");
    assert_eq!(
        drafts(&dir, "weld.ron"),
        left,
        "the only copy on disk stays"
    );
    keys(&mut app, &mut session, " still");
    assert_eq!(drafts(&dir, "weld.ron"), left);
    let screen = tui::screen(&app);
    assert!(
        screen.contains("draft not kept"),
        "said until it is: {screen}"
    );
    // Room again: this session's copy is written, then the left one goes.
    folder::fault::set(None);
    keys(&mut app, &mut session, " here");
    let now = drafts(&dir, "weld.ron");
    assert_eq!(now.len(), 1);
    assert_ne!(now, left);
    assert!(read(&now[0]).contains("Only copy of these words still here"));
    assert!(!tui::screen(&app).contains("draft not kept"));
}

#[test]
fn two_imports_of_one_assessment_keep_their_drafts_apart_and_a_live_one_is_never_taken() {
    let data = TempDir::new("draft-imports");
    let (lib, path, dir) = weld(data.path());
    // The same assessment imported twice: one id, two files.
    let twin = lib.create_named(&sample(), "weld2").unwrap();
    leave_note(data.path(), &path, "Typed in the first");
    let (app, session) = open(data.path(), sam(), &twin);
    let screen = tui::screen(&app);
    assert!(!screen.contains("A draft was left"), "{screen}");
    drop(session);

    // A session still typing in weld, in another process here.
    let mut other = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .unwrap();
    let id = lib.read(&path).unwrap().assessment.id;
    let mut draft: Draft = ron::from_str(&read(&drafts(&dir, "weld.ron")[0])).unwrap();
    draft.process = other.id();
    draft.typing = Typing::Notes {
        indicator: "PD-2".into(),
        text: "Still being typed".into(),
    };
    draft.assessment = id;
    // (Beside a name weld had before: a session holding weld's lock is
    // the only one that could type beside weld.ron itself.)
    write_draft(
        &dir.join(format!("weld-before.ron.{}-ffffffff.draft", other.id())),
        &draft,
    );
    let (mut app, mut session) = open(data.path(), sam(), &path);
    let screen = tui::screen(&app);
    assert!(screen.contains("Typed in the first"), "{screen}");
    assert!(
        !screen.contains("more draft"),
        "the live one is not counted: {screen}"
    );
    keys(&mut app, &mut session, "d");
    assert!(!tui::screen(&app).contains("Still being typed"));
    other.kill().unwrap();
    other.wait().unwrap();
    drop(session);
    let (mut app, mut session) = open(data.path(), sam(), &path);
    assert!(tui::screen(&app).contains("Still being typed"));
    keys(&mut app, &mut session, "d");
    drop(session);

    // Beside weld.ron itself, whoever holds weld's lock is offered it at
    // once, even while the session that typed it is still on its way out.
    let mut leaving = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .unwrap();
    draft.process = leaving.id();
    draft.typing = Typing::Notes {
        indicator: "PD-3".into(),
        text: "Typed by a session on its way out".into(),
    };
    write_draft(
        &dir.join(format!("weld.ron.{}-abababab.draft", leaving.id())),
        &draft,
    );
    let (app, _session) = open(data.path(), sam(), &path);
    let screen = tui::screen(&app);
    leaving.kill().unwrap();
    leaving.wait().unwrap();
    assert!(screen.contains("on its way out"), "{screen}");
}

#[test]
fn the_key_that_takes_over_never_answers_the_draft_it_brings_up() {
    use ietkit::store::lock::Lock;
    let data = TempDir::new("draft-takeover-key");
    let (lib, path, dir) = weld(data.path());
    let id = lib.read(&path).unwrap().assessment.id;
    let folder = lib.folder(false).unwrap();
    let held = Lock::take(
        &folder,
        "weld.ron",
        "Lee Chen (CTE), lee on elsewhere (process 4242)",
    )
    .unwrap();
    let (mut app, mut session) = open(data.path(), sam(), &path);
    assert!(app.read_only.is_some());
    plant(
        &dir,
        "weld.ron.4242-acacacac.draft",
        &id,
        Typing::Notes {
            indicator: "PD-1".into(),
            text: "Typed by Lee before the link dropped".into(),
        },
    );
    // Lee's session ends; Sam presses d (and more) without having seen
    // the draft yet.
    drop(held);
    let key = |c: char| {
        ratatui::crossterm::event::Event::Key(ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char(c),
            ratatui::crossterm::event::KeyModifiers::NONE,
        ))
    };
    let mut rest = vec![key('d')];
    ietkit::tui::term::handle_burst(&mut app, &mut session, key('d'), || Ok(rest.pop())).unwrap();
    assert!(app.read_only.is_none(), "taken over");
    let screen = tui::screen(&app);
    assert!(
        screen.contains("Typed by Lee before the link dropped"),
        "{screen}"
    );
    assert_eq!(drafts(&dir, "weld.ron").len(), 1, "not discarded unseen");
    // Seen now: the next d answers it.
    ietkit::tui::term::handle_burst(&mut app, &mut session, key('d'), || Ok(None)).unwrap();
    assert!(drafts(&dir, "weld.ron").is_empty());
}

/// The history copies of `stem` in `dir/history`, by name.
fn history_copies(dir: &Path, stem: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("history"))
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(&format!("{stem}.")))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_file_rated_before_its_program_had_a_name_takes_the_name_when_it_is_given() {
    let data = TempDir::new("named-later");
    let lib = library(data.path());
    // Someone else's unnamed assessment already holds "assessment".
    let mut other = sample();
    other.profile.program.clear();
    other.cycle.clear();
    lib.create_named(&other, "assessment").unwrap();

    let mut app = tui::app(80, 24);
    let mut session = Session::new(Some(library(data.path())));
    app.effects.push(ietkit::tui::app::Effect::Library(
        ietkit::tui::app::LibraryRequest::New,
    ));
    session.apply(&mut app);
    // The profile form is put off; two ratings are saved at once.
    keys(&mut app, &mut session, "<Esc>]2");
    keys(&mut app, &mut session, "j3");
    let first = session.path.clone().expect("saved at the first rating");
    assert_eq!(first.file_name().unwrap(), "assessment-2.ron");
    let dir = lib.assessments();
    assert_eq!(history_copies(&dir, "assessment-2").len(), 1);

    // Now the program gets its name: the file takes it, its earlier
    // version follows, and the ratings are all there.
    keys(
        &mut app,
        &mut session,
        "p<Tab>Welding IET<Tab><Tab><Tab><Tab>2026-27<Enter>",
    );
    let named = session.path.clone().unwrap();
    assert_eq!(named.file_name().unwrap(), "welding-iet-2026-27.ron");
    assert!(!first.exists(), "the blank name is gone");
    assert!(dir.join("assessment.ron").exists(), "another file stays");
    let saved = lib.read(&named).unwrap().assessment;
    assert_eq!(saved.profile.program, "Welding IET");
    assert_eq!(
        saved
            .responses
            .iter()
            .filter(|r| r.rating != ietkit::model::assessment::Rating::Unrated)
            .count(),
        2
    );
    assert!(history_copies(&dir, "assessment-2").is_empty());
    assert_eq!(history_copies(&dir, "welding-iet-2026-27").len(), 2);
    assert!(tui::screen(&app).contains("Saved as welding-iet-2026-27"));
    assert_eq!(lib.last().as_deref(), Some(named.as_path()));

    // The session holds the new name's lock, and no longer the old one's.
    assert!(lib.lock(&named).is_err(), "the renamed file is still held");
    assert!(
        ietkit::store::lock::Lock::holder(&lib.folder(false).unwrap(), "assessment-2.ron")
            .is_none()
    );

    // A later change of the program's name keeps the file's name: only a
    // name given from nothing follows.
    keys(
        &mut app,
        &mut session,
        "p<Tab><C-u>Welding and Fabrication<Enter>",
    );
    assert_eq!(session.path.as_deref(), Some(named.as_path()));
    let saved = lib.read(&named).unwrap().assessment;
    assert_eq!(saved.profile.program, "Welding and Fabrication");
}

/// Saying who you are at the first start, after the blank assessment was
/// made: you are its first assessor, as if you had said it first.
#[test]
fn who_is_working_said_at_the_first_start_is_the_new_assessments_assessor() {
    use ietkit::model::assessment::Partner;
    let data = TempDir::new("first-who");
    let lib = library(data.path());
    let mut app = tui::app(80, 24);
    let mut session = Session::new(Some(library(data.path())));
    app.ask_who(true);
    keys(&mut app, &mut session, "Maria Lopez<Tab><Right><Enter>");
    assert_eq!(app.who.person.name, "Maria Lopez");
    let names: Vec<(String, Partner)> = app
        .assessment
        .assessors
        .iter()
        .map(|x| (x.name.clone(), x.partner.clone()))
        .collect();
    assert_eq!(
        names,
        [("Maria Lopez".to_string(), Partner::AdultBasicSkills)]
    );
    // Kept with the first change.
    keys(&mut app, &mut session, "]2");
    let saved = lib.read(session.path.as_ref().unwrap()).unwrap().assessment;
    assert_eq!(saved.assessors.len(), 1);
    // An assessment already saved is not changed by saying who you are.
    let before = saved.assessors.clone();
    app.ask_who(false);
    keys(&mut app, &mut session, "<C-u>Sam Ortiz<Tab><Right><Enter>");
    assert_eq!(app.assessment.assessors, before);
}

/// A new assessment's file says whose view it is, when one person speaks
/// for one partner; the next cycle is the work of whoever starts it.
#[test]
fn files_say_whose_view_and_the_next_cycle_is_whoever_starts_it() {
    use ietkit::model::assessment::Partner;
    let data = TempDir::new("whose-name");
    let lib = library(data.path());
    let mut app = tui::app(80, 24);
    app.who.person = Person {
        name: "Maria Lopez".into(),
        role: Some(Partner::AdultBasicSkills),
    };
    let mut session = Session::new(Some(library(data.path())));
    app.effects.push(ietkit::tui::app::Effect::Library(
        ietkit::tui::app::LibraryRequest::New,
    ));
    session.apply(&mut app);
    keys(
        &mut app,
        &mut session,
        "<Tab>Welding IET<Tab><Tab><Tab><Tab><C-u>2025-26<Enter>",
    );
    keys(&mut app, &mut session, "]2");
    let first = session.path.clone().unwrap();
    assert_eq!(first.file_name().unwrap(), "welding-iet-2025-26-abs.ron");

    // James (CTE) starts the next cycle from it: his, not Maria's.
    app.who.person = Person {
        name: "James Chen".into(),
        role: Some(Partner::CareerTechnicalEducation),
    };
    app.effects.push(ietkit::tui::app::Effect::RememberWho);
    session.apply(&mut app);
    app.effects.push(ietkit::tui::app::Effect::Library(
        ietkit::tui::app::LibraryRequest::NextCycle(first.clone()),
    ));
    session.apply(&mut app);
    let next = session.path.clone().unwrap();
    assert_eq!(next.file_name().unwrap(), "welding-iet-2026-27-cte.ron");
    let saved = lib.read(&next).unwrap().assessment;
    assert_eq!(saved.assessors.len(), 1);
    assert_eq!(saved.assessors[0].name, "James Chen");
}

/// A profile the form cannot keep puts the cursor on the field it names,
/// so that what is typed next mends it.
#[test]
fn a_mistake_in_the_profile_takes_the_cursor_to_its_field() {
    let mut app = tui::app(80, 24);
    tui::feed(&mut app, "p");
    let Some(ietkit::tui::app::Overlay::Form(f)) = app.overlays.last() else {
        panic!("the profile form");
    };
    let cohort = f
        .fields
        .iter()
        .position(|x| x.label == "Cohort size")
        .unwrap();
    tui::feed(&mut app, &"<Tab>".repeat(cohort));
    tui::feed(&mut app, "about 15<Tab><Enter>");
    let Some(ietkit::tui::app::Overlay::Form(f)) = app.overlays.last() else {
        panic!("still open");
    };
    assert!(
        f.error.as_deref().unwrap().starts_with("Cohort size:"),
        "{:?}",
        f.error
    );
    assert_eq!(f.focus, cohort);
}
