//! Hardened for the field (docs/RELIABILITY.md): hostile names, files from
//! elsewhere, two sessions, a failing disk, hostile and huge files, limits.

mod common;

#[path = "common/tui.rs"]
mod tui;

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use common::TempDir;
use ietkit::model::assessment::{Assessment, Profile, Purpose, Rating};
use ietkit::store::assessment_file::{self, fault};
use ietkit::store::library::Library;
use ietkit::store::paths::{ChosenBy, DataDir};
use ietkit::store::{data_file, embedded};
use ietkit::tui::app::{App, SaveState};
use ietkit::tui::session::Session;
use proptest::prelude::*;

const SAMPLE: &str = "examples/assessments/welding-fabrication-iet-2026-27.ron";

fn library(dir: &Path) -> Library {
    Library::new(DataDir {
        path: dir.to_path_buf(),
        chosen_by: ChosenBy::Flag,
    })
}

fn sample() -> Assessment {
    assessment_file::read(&common::root().join(SAMPLE))
        .unwrap()
        .assessment
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn safe_library_file(lib: &Library, p: &Path) {
    assert_eq!(
        p.parent().unwrap().canonicalize().unwrap(),
        lib.assessments().canonicalize().unwrap(),
        "{} is inside the library",
        p.display()
    );
    let name = p.file_name().unwrap().to_str().unwrap();
    assert!(
        !name.starts_with('.') && name.len() <= 72,
        "{name:?} is a plain, visible file name"
    );
    assert!(
        name.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.'),
        "{name:?}"
    );
}

#[test]
fn any_name_gives_a_safe_file_inside_the_data_folder() {
    let outer = TempDir::new("names");
    let data = outer.path().join("data");
    let lib = library(&data);
    let a = sample();
    let long = "a".repeat(500);
    let names = [
        "../x",
        "/etc/passwd",
        ".hidden",
        "",
        "   ",
        long.as_str(),
        "nul\0byte",
        "new\nline",
        "..",
        ".",
        "~/x",
        "x/../../y",
        "\u{202e}gnp.exe",
        "C:\\Windows\\x",
    ];
    for name in names {
        let created = lib.create_named(&a, name).unwrap();
        safe_library_file(&lib, &created);
        let imported = lib
            .import(&common::root().join(SAMPLE), Some(name))
            .unwrap();
        safe_library_file(&lib, &imported);
        let renamed = lib.rename(&created, name).unwrap();
        safe_library_file(&lib, &renamed);
    }
    // Nothing was written beside the data folder, or above it.
    let outside: Vec<PathBuf> = files_under(outer.path())
        .into_iter()
        .filter(|p| !p.starts_with(&data))
        .collect();
    assert!(outside.is_empty(), "{outside:?}");
    assert!(
        files_under(&data)
            .iter()
            .all(|p| p.starts_with(lib.assessments()) || p.starts_with(data.join("state.ron"))),
        "only assessments/ and state.ron"
    );
}

#[test]
fn a_file_from_elsewhere_opens_read_only_and_is_never_written() {
    let data = TempDir::new("elsewhere");
    let stick = TempDir::new("usb-stick");
    let file = stick.path().join("from-a-partner.ron");
    std::fs::copy(common::root().join(SAMPLE), &file).unwrap();
    let before = std::fs::read(&file).unwrap();
    let mut session = Session::new(Some(library(data.path())));
    let mut app = tui::app(80, 24);
    session.open(&mut app, &file).unwrap();
    assert!(app.read_only.as_deref().unwrap().contains("imports a copy"));
    tui::feed(&mut app, "]2<C-s>");
    session.apply(&mut app);
    assert_eq!(std::fs::read(&file).unwrap(), before, "unchanged");
    assert_eq!(
        files_under(stick.path()),
        std::slice::from_ref(&file),
        "not even a lock file beside it"
    );
}

fn session_on(data: &Path, path: &Path) -> (App, Session) {
    let mut session = Session::new(Some(library(data)));
    let mut app = tui::app(80, 24);
    session.open(&mut app, path).unwrap();
    (app, session)
}

#[test]
fn two_sessions_on_different_assessments_lose_nothing() {
    let data = TempDir::new("two-sessions");
    let lib = library(data.path());
    let first = lib.create_named(&sample(), "first").unwrap();
    let second = lib.create_named(&sample(), "second").unwrap();
    let (mut a, mut sa) = session_on(data.path(), &first);
    let (mut b, mut sb) = session_on(data.path(), &second);
    assert!(a.read_only.is_none() && b.read_only.is_none());
    // Interleaved: each rates a different indicator of its own file.
    for (i, key) in ["0", "1", "2", "3"].iter().enumerate() {
        tui::feed(&mut a, &format!("<Tab>gj<Enter>{}{key}", "j".repeat(i)));
        sa.apply(&mut a);
        tui::feed(&mut b, &format!("<Tab>gjj<Enter>{}{key}", "j".repeat(i)));
        sb.apply(&mut b);
    }
    let on_disk = |p: &Path| assessment_file::read(p).unwrap().assessment;
    assert_eq!(on_disk(&first), a.assessment);
    assert_eq!(on_disk(&second), b.assessment);
    assert_ne!(a.assessment.responses, b.assessment.responses);
}

#[test]
fn on_one_assessment_the_second_session_is_read_only_and_follows_the_first() {
    let data = TempDir::new("same-file");
    let path = library(data.path())
        .create_named(&sample(), "ours")
        .unwrap();
    let (mut writer, mut ws) = session_on(data.path(), &path);
    let (mut reader, mut rs) = session_on(data.path(), &path);
    assert!(writer.read_only.is_none());
    let why = reader.read_only.clone().expect("the lock holds");
    assert!(why.contains("open in another session"), "{why}");

    // The reader's changes are refused.
    tui::feed(&mut reader, "]0");
    rs.apply(&mut reader);
    assert_eq!(
        assessment_file::read(&path).unwrap().assessment,
        writer.assessment
    );

    // The writer saves; the reader shows it at its next key.
    writer.assessment.response_mut("PD-1").rating = Rating::Level(0);
    writer.assessment.response_mut("PD-1").notes = "Changed by the writer".into();
    ws.save(&mut writer);
    tui::feed(&mut reader, "j");
    rs.apply(&mut reader);
    assert_eq!(
        reader.assessment.response("PD-1").unwrap().notes,
        "Changed by the writer"
    );
    assert!(
        reader.message.as_ref().unwrap().0.contains("latest save"),
        "{:?}",
        reader.message
    );
    assert!(reader.read_only.is_some());

    // The writer closes; the reader may now change it, starting from the
    // latest version.
    drop(ws);
    tui::feed(&mut reader, "k");
    rs.apply(&mut reader);
    assert!(reader.read_only.is_none(), "{:?}", reader.message);
    reader.assessment.response_mut("PD-2").rating = Rating::Level(1);
    rs.save(&mut reader);
    let saved = assessment_file::read(&path).unwrap().assessment;
    assert_eq!(
        saved.response("PD-1").unwrap().notes,
        "Changed by the writer"
    );
    assert_eq!(saved.response("PD-2").unwrap().rating, Rating::Level(1));
}

/// "Flushed to disk, renamed over the old file, and the folder flushed":
/// a save flushes the new file and its folder, and a flush that fails (a
/// disk that lost power, a file server gone) is a failed save, the old
/// file left as it was.
#[test]
fn a_save_flushes_the_file_and_its_folder_and_a_failed_flush_is_a_failed_save() {
    let data = TempDir::new("flush");
    let path = library(data.path())
        .create_named(&sample(), "flushed")
        .unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    let (mut app, mut session) = session_on(data.path(), &path);
    tui::feed(&mut app, "jj<Enter>");

    fault::set_flush(Some(ErrorKind::Other));
    tui::feed(&mut app, "0");
    session.apply(&mut app);
    fault::set_flush(None);
    assert!(
        matches!(app.save, SaveState::Failed(_)),
        "a flush that fails is a failed save: {:?}",
        app.save
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before, "intact");

    let (files, folders) = fault::flushed();
    tui::feed(&mut app, "<C-s>");
    session.apply(&mut app);
    assert!(matches!(app.save, SaveState::Saved(_)), "{:?}", app.save);
    let (files_after, folders_after) = fault::flushed();
    assert!(files_after > files, "the new file was flushed");
    let assessments = std::fs::canonicalize(path.parent().unwrap()).unwrap();
    let flushed_here = |list: &[PathBuf]| {
        list.iter()
            .filter(|p| std::fs::canonicalize(p).is_ok_and(|p| p == assessments))
            .count()
    };
    assert!(
        flushed_here(&folders_after) > flushed_here(&folders),
        "and the folder it is in: {:?}",
        &folders_after[folders.len()..]
    );
    assert_ne!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn a_save_that_fails_half_way_leaves_the_file_as_it_was_and_the_work_open() {
    let data = TempDir::new("failing-disk");
    let path = library(data.path())
        .create_named(&sample(), "ours")
        .unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    let (mut app, mut session) = session_on(data.path(), &path);

    tui::feed(&mut app, "jj<Enter>");
    for (kind, after, says, key) in [
        (
            ErrorKind::StorageFull,
            before.len() / 2,
            "the disk is full",
            "0",
        ),
        (
            ErrorKind::PermissionDenied,
            0,
            "you may not write in this folder",
            "1",
        ),
        (
            ErrorKind::ReadOnlyFilesystem,
            0,
            "the disk is read-only",
            "2",
        ),
    ] {
        fault::set(Some((kind, after)));
        tui::feed(&mut app, key);
        session.apply(&mut app);
        fault::set(None);
        let SaveState::Failed(reason) = &app.save else {
            panic!("the save failed: {:?}", app.save);
        };
        assert!(reason.contains(says), "{reason}");
        assert!(
            app.message.as_ref().unwrap().0.starts_with("Not saved:"),
            "the user is told"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), before, "intact");
        let stray: Vec<PathBuf> = files_under(&library(data.path()).assessments())
            .into_iter()
            .filter(|p| !p.starts_with(assessment_file::history_dir(&path)))
            .filter(|p| p != &path && p.extension().is_none_or(|e| e != "lock"))
            .collect();
        assert!(stray.is_empty(), "no half-written file left: {stray:?}");
    }
    // The work is still open, and saves once the disk works again.
    let in_memory = app.assessment.clone();
    assert_ne!(
        assessment_file::read(&path).unwrap().assessment.responses,
        in_memory.responses
    );
    tui::feed(&mut app, "<C-s>");
    session.apply(&mut app);
    assert!(matches!(app.save, SaveState::Saved(_)));
    assert_eq!(
        assessment_file::read(&path).unwrap().assessment.responses,
        in_memory.responses
    );
    for copy in assessment_file::history_of(&path) {
        assessment_file::read(&copy).expect("every copy in history/ is whole");
    }
}

#[test]
fn hostile_text_loads_cleaned_and_invalid_utf8_is_refused_clearly() {
    let data = TempDir::new("hostile-load");
    let path = data.path().join("hostile.ron");
    // Written as a file from elsewhere would be: raw, not through ietkit.
    std::fs::write(
        &path,
        assessment_file::to_text(&common::hostile_assessment()),
    )
    .unwrap();
    let loaded = assessment_file::read(&path).expect("loads, cleaned");
    // Every piece of text it holds, map keys too, as loaded (not as RON
    // writes it: RON escapes controls itself, so its text is always clean).
    let unsafe_left = ietkit::text::unsafe_pieces(&loaded.assessment);
    assert!(
        unsafe_left.is_empty(),
        "{} pieces of text kept unsafe characters, such as {:?}",
        unsafe_left.len(),
        unsafe_left.first()
    );
    let json = serde_json::to_string(&loaded.assessment).unwrap();
    assert!(
        json.contains('\u{FFFD}'),
        "where hostile characters were, a mark shows"
    );
    assert!(
        loaded.assessment.profile.program.contains("漢字"),
        "wide text is kept"
    );

    let mut bytes = std::fs::read(common::root().join(SAMPLE)).unwrap();
    let at = bytes.windows(7).position(|w| w == b"Welding").unwrap();
    bytes[at] = 0xff;
    let bad = data.path().join("not-utf8.ron");
    std::fs::write(&bad, &bytes).unwrap();
    let err = assessment_file::read(&bad).unwrap_err().to_string();
    assert!(err.contains("not-utf8.ron"), "{err}");
    assert!(err.contains("UTF-8"), "{err}");
}

#[test]
fn the_app_over_hostile_text_draws_no_control_character() {
    let data = TempDir::new("hostile-app");
    let lib = library(data.path());
    let path = lib
        .create_named(&common::hostile_assessment(), "hostile")
        .unwrap();
    let (mut app, mut session) = session_on(data.path(), &path);
    // ratatui itself drops control characters, so their absence alone
    // says nothing of ietkit: the mark it puts in their place must show.
    let mut marked = false;
    for keys in [
        "",
        "jj<Enter>",
        "<Enter>",
        "w",
        "<Esc>",
        "<Esc>p",
        "<Esc><Tab>",
        "<Tab>",
        "?",
        "<Esc>o",
        "<Esc>x",
        "<Esc>/red<Enter>",
    ] {
        tui::feed(&mut app, keys);
        session.apply(&mut app);
        for (w, h) in [(80, 24), (120, 40), (40, 10)] {
            app.size = ratatui::layout::Rect::new(0, 0, w, h);
            let screen = tui::screen(&app);
            // (The program's name, then the escape that followed it.)
            marked |= screen.contains("IET\u{FFFD}]0;owned");
            // (A joiner inside an emoji sequence is the emoji's own.)
            let bad: Vec<String> = screen
                .lines()
                .filter_map(ietkit::text::first_unsafe)
                .map(ietkit::text::codepoint)
                .collect();
            assert!(
                bad.is_empty(),
                "after {keys:?} at {w}x{h}: {bad:?}\n{screen}"
            );
        }
    }
    assert!(marked, "the hidden characters show as marks");
}

#[test]
fn a_one_megabyte_note_loads_draws_and_edits() {
    let data = TempDir::new("big-note");
    let mut a = sample();
    let line = "Partners met and agreed the calendar. ".repeat(40);
    a.response_mut("PD-1").notes = (0..700)
        .map(|_| line.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(a.response("PD-1").unwrap().notes.len() > 1_000_000);
    let path = library(data.path()).create_named(&a, "big").unwrap();
    let (mut app, mut session) = session_on(data.path(), &path);
    tui::feed(&mut app, "jj<Enter><Enter>");
    let screen = tui::screen(&app);
    assert!(screen.contains("Partners met and agreed"), "{screen}");
    tui::feed(&mut app, "w");
    tui::feed(&mut app, "x<C-s>");
    session.apply(&mut app);
    let _ = tui::screen(&app);
    tui::feed(&mut app, "<Esc>");
    session.apply(&mut app);
    // The edit is on disk, and nothing else of the note changed.
    let before = a.response("PD-1").unwrap().notes.clone();
    let saved = assessment_file::read(&path).unwrap().assessment;
    let after = &saved.response("PD-1").unwrap().notes;
    assert_eq!(after.matches('x').count(), 1, "the x typed is kept");
    assert_eq!(after.replace('x', ""), before);
}

#[test]
fn a_5000_indicator_rubric_checks_and_draws() {
    let mut rubric = embedded::builtin().unwrap().rubric;
    for category in &mut rubric.categories {
        let template = category.indicators[0].clone();
        category.indicators = (0..1000)
            .map(|i| {
                let mut ind = template.clone();
                ind.id = format!("{}-{}", category.id, i + 1);
                ind
            })
            .collect();
    }
    let text = ron::ser::to_string_pretty(
        &rubric,
        ron::ser::PrettyConfig::default().struct_names(true),
    )
    .unwrap();
    let loaded = data_file::load_rubric("big.ron", &text).expect("a large rubric is fine");
    assert_eq!(loaded.indicator_count(), 5000);
    let builtin = embedded::builtin().unwrap();
    let content = ietkit::tui::content::Content {
        rubric: loaded,
        toolkit: builtin.toolkit,
        screener: builtin.screener,
    };
    let a = Assessment::new(&content.rubric, Profile::default(), Purpose::NewDesign, "");
    let mut app = App::new(
        content,
        a,
        ietkit::tui::theme::Theme::default(),
        ratatui::layout::Rect::new(0, 0, 120, 40),
    );
    tui::feed(&mut app, "]3G2<Tab>");
    let screen = tui::screen(&app);
    assert!(screen.contains("PD-1000"), "{screen}");
    assert!(screen.contains("2 of 5000 done"), "{screen}");
}

#[test]
fn a_library_of_2000_assessments_lists_and_reports_broken_files() {
    let data = TempDir::new("big-library");
    let lib = library(data.path());
    assessment_file::ensure_private_dir(&lib.assessments()).unwrap();
    let rubric = embedded::builtin().unwrap().rubric;
    let text = assessment_file::to_text(&Assessment::new(
        &rubric,
        Profile::default(),
        Purpose::NewDesign,
        "2026-27",
    ));
    for i in 0..2000 {
        std::fs::write(lib.assessments().join(format!("program-{i:04}.ron")), &text).unwrap();
    }
    std::fs::write(lib.assessments().join("broken.ron"), "(format: 1, rubric:").unwrap();
    let list = lib.list(&rubric).unwrap();
    assert_eq!(list.len(), 2001);
    assert_eq!(list.iter().filter(|e| e.summary.is_err()).count(), 1);
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read_whole() {
    let data = TempDir::new("too-big");
    let path = data.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(assessment_file::MAX_ASSESSMENT_BYTES + 1)
        .unwrap();
    // What this thread reads, as the kernel counts it.
    let read_so_far = || {
        std::fs::read_to_string("/proc/thread-self/io")
            .unwrap()
            .lines()
            .find_map(|l| l.strip_prefix("rchar: "))
            .unwrap()
            .trim()
            .parse::<u64>()
            .unwrap()
    };
    let before = read_so_far();
    let err = assessment_file::read(&path).unwrap_err().to_string();
    let read = read_so_far() - before;
    assert!(
        err.contains("huge.ron") && err.contains("larger than"),
        "{err}"
    );
    assert!(
        read < 1024 * 1024,
        "refused unread, but {read} bytes were read"
    );
    // Nor through the data folder.
    let lib = library(data.path());
    std::fs::create_dir_all(lib.assessments()).unwrap();
    std::fs::rename(&path, lib.assessments().join("huge.ron")).unwrap();
    let before = read_so_far();
    assert!(lib.read(&lib.assessments().join("huge.ron")).is_err());
    let read = read_so_far() - before;
    assert!(
        read < 1024 * 1024,
        "refused unread, but {read} bytes were read"
    );
}

#[test]
fn an_import_that_would_grow_past_the_limit_is_refused_by_name() {
    let data = TempDir::new("import-edge");
    let sample = std::fs::read_to_string(
        common::root().join("examples/assessments/welding-fabrication-iet-2026-27.ron"),
    )
    .unwrap();
    // Just under the limit as it is; over it once written with its record.
    let fill = assessment_file::MAX_ASSESSMENT_BYTES as usize - sample.len() - 100;
    let text = sample.replacen("notes: \"", &format!("notes: \"{}", "x".repeat(fill)), 1);
    let source = data.path().join("edge.ron");
    std::fs::write(&source, &text).unwrap();
    assert!(assessment_file::read(&source).is_ok(), "it reads");
    let lib = library(&data.path().join("data"));
    let err = lib.import(&source, None).unwrap_err();
    assert!(
        err.contains("edge.ron is not imported") && err.contains("Shorten its longest notes"),
        "{err}"
    );
    assert!(
        lib.list(&embedded::builtin().unwrap().rubric)
            .unwrap_or_default()
            .is_empty()
    );
}

/// Random changes to a real file: loading never panics, and either works
/// or says what is wrong and where.
fn mutated(source: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let len = source.len();
    prop::collection::vec((0..len, any::<u8>(), 0u8..3), 1..12).prop_map(move |edits| {
        let mut bytes = source.as_bytes().to_vec();
        for (at, byte, how) in edits {
            if bytes.is_empty() {
                bytes.push(byte);
                continue;
            }
            let at = at.min(bytes.len() - 1);
            match how {
                0 => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                _ => bytes.truncate(at),
            }
        }
        bytes
    })
}

/// Writes `bytes` to a file of its own and reads it back through the path
/// a user's file takes, with `read`; every case runs, text or not.
fn through_a_file<T>(
    bytes: &[u8],
    read: impl Fn(&Path) -> Result<T, ietkit::store::data_file::LoadError>,
) -> Result<(), TestCaseError> {
    let dir = TempDir::new("damaged");
    let path = dir.path().join("damaged.ron");
    std::fs::write(&path, bytes).unwrap();
    if let Err(e) = read(&path) {
        let message = e.to_string();
        prop_assert!(message.contains("damaged.ron"), "{message}");
        if let Err(bad) = std::str::from_utf8(bytes) {
            // Not text: said so, with the line of the first bad byte.
            let line = bytes[..bad.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            prop_assert!(message.contains("not UTF-8"), "{message}");
            prop_assert!(
                message.contains(&format!(":{line}:")),
                "line {line}: {message}"
            );
        }
    } else {
        prop_assert!(
            std::str::from_utf8(bytes).is_ok(),
            "bytes that are not text were loaded"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn loading_a_damaged_assessment_never_panics(bytes in mutated(include_str!("../examples/assessments/welding-fabrication-iet-2026-27.ron"))) {
        through_a_file(&bytes, assessment_file::read)?;
    }

    #[test]
    fn loading_a_damaged_rubric_never_panics(bytes in mutated(include_str!("../rubrics/oregon-iet-quality-indicators.ron"))) {
        through_a_file(&bytes, |path| {
            let name = path.display().to_string();
            data_file::read_text(path).and_then(|text| data_file::load_rubric(&name, &text))
        })?;
    }

    #[test]
    fn loading_arbitrary_text_never_panics(text in "[\\PC\\p{Cc}\\p{Cf}]{0,400}") {
        let _ = assessment_file::parse("random.ron", &text);
        let _ = data_file::parse("random.ron", &text);
    }
}

#[test]
fn an_assessment_made_with_the_teams_own_rubric_opens_with_that_rubric() {
    let data = TempDir::new("own-rubric");
    let mini = common::own_rubric(data.path());
    let mut made = Assessment::new(&mini, Profile::default(), Purpose::NewDesign, "2026-27");
    let first = mini.categories[0].indicators[0].id.clone();
    made.response_mut(&first).rating = Rating::Level(2);
    let path = library(data.path()).create_named(&made, "ours").unwrap();

    // Opened in an app that starts on the built-in rubric.
    let (app, _session) = session_on(data.path(), &path);
    assert_eq!(app.content.rubric.id, "mini");
    assert_eq!(
        app.assessment.response(&first).unwrap().rating,
        Rating::Level(2)
    );
    assert_eq!(
        app.assessment.responses.len(),
        mini.indicator_count(),
        "nothing set aside as retired"
    );
    let message = &app.message.as_ref().unwrap().0;
    assert!(
        message.contains("Shown with the rubric it was made with: Mini rubric (mini.ron)"),
        "{message}"
    );
}

#[test]
fn a_new_assessment_asks_which_rubric_when_the_team_has_its_own() {
    let data = TempDir::new("new-choice");
    let mut session = Session::new(Some(library(data.path())));
    let mut app = tui::app(80, 24);

    // Only the built-in rubric: n starts at once, on it, with the profile.
    tui::feed(&mut app, "o");
    session.apply(&mut app);
    tui::feed(&mut app, "n");
    session.apply(&mut app);
    assert!(
        matches!(app.overlays.last(), Some(ietkit::tui::app::Overlay::Form(f)) if f.fields.iter().any(|x| x.label == "Program")),
        "the profile form, no question first"
    );
    tui::feed(&mut app, "<Esc>");

    // With the team's own rubric beside it, n asks which.
    common::own_rubric(data.path());
    tui::feed(&mut app, "o");
    session.apply(&mut app);
    tui::feed(&mut app, "n");
    session.apply(&mut app);
    let screen = tui::screen(&app);
    assert!(screen.contains("New assessment"), "{screen}");
    assert!(
        screen.contains(&format!(
            "< IET Quality Indicators (Oregon categories) {} (built in) >",
            app.content.rubric.version
        )),
        "{screen}"
    );
    tui::feed(&mut app, "<Left><Enter>");
    session.apply(&mut app);
    assert_eq!(app.content.rubric.id, "mini");
    assert_eq!(app.assessment.rubric.id, "mini");
    assert!(
        matches!(app.overlays.last(), Some(ietkit::tui::app::Overlay::Form(f)) if f.fields.iter().any(|x| x.label == "Program")),
        "then the profile, as for any new assessment"
    );
}

#[test]
fn a_file_size_limit_makes_a_save_fail_with_its_reason_not_a_kill() {
    use std::os::unix::process::CommandExt;
    let data = common::TempDir::new("fsize");
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_ietkit"));
    cmd.args(["import", SAMPLE])
        .current_dir(common::root())
        .env("IETKIT_DATA_DIR", data.path());
    // SAFETY: setrlimit is async-signal-safe.
    unsafe {
        cmd.pre_exec(|| {
            nix::sys::resource::setrlimit(nix::sys::resource::Resource::RLIMIT_FSIZE, 4096, 4096)
                .map_err(std::io::Error::from)
        });
    }
    let out = cmd.output().unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "ended by a signal? {:?} {said}",
        out.status
    );
    assert!(said.contains("larger than this system allows"), "{said}");
    let left: Vec<_> = files_under(data.path())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "ron" || e == "tmp"))
        .collect();
    assert!(left.is_empty(), "nothing half-written left: {left:?}");
}

#[test]
fn every_reading_path_refuses_a_pipe_or_a_device_at_once() {
    use nix::sys::stat::{Mode, SFlag, makedev, mknod};
    let root = nix::unistd::Uid::effective().is_root();
    let mut kinds = vec![("pipe", "named pipe")];
    if root {
        kinds.push(("device", "device"));
    } else {
        eprintln!("device nodes skipped: making one needs root (CI runs as root)");
    }
    for (kind, said) in kinds {
        let data = TempDir::new("special");
        let lib = library(data.path());
        lib.create_named(&sample(), "good").unwrap();
        let d = data.path();
        std::fs::create_dir_all(d.join("rubrics")).unwrap();
        std::fs::create_dir_all(d.join("state")).unwrap();
        let login = ietkit::store::people::login();
        let places = [
            d.join("assessments/x.ron"),
            d.join("rubrics/x.ron"),
            d.join("state")
                .join(ietkit::store::people::file_name(&login)),
            d.join("elsewhere.ron"),
        ];
        for place in &places {
            match kind {
                "pipe" => nix::unistd::mkfifo(place, Mode::from_bits_truncate(0o600)).unwrap(),
                // Reading it would give zeros for ever.
                _ => mknod(
                    place,
                    SFlag::S_IFCHR,
                    Mode::from_bits_truncate(0o600),
                    makedev(1, 5),
                )
                .unwrap(),
            }
        }
        let elsewhere = d.join("elsewhere.ron");
        let elsewhere = elsewhere.to_str().unwrap();
        for args in [
            vec!["list"],
            vec!["summary", "x"],
            vec!["export", "x", "--format", "md"],
            vec!["compare", "x", "good"],
            vec!["log", "x"],
            vec!["open", "x"],
            vec!["summary", elsewhere],
            vec!["compare", "good", elsewhere],
            vec!["import", elsewhere],
            vec!["open", elsewhere],
            vec!["rubric", "check", elsewhere],
            vec!["--rubric", elsewhere, "summary", "good"],
            vec!["rubric", "list"],
        ] {
            let out = common::ietkit_within(d, d, &args);
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(text.contains(said), "{kind}, {args:?}: {text}");
            if !matches!(args[0], "list" | "rubric") || args.get(1) == Some(&"check") {
                assert_ne!(out.status.code(), Some(0), "{kind}, {args:?}: {text}");
            }
        }
        // Without a terminal ietkit prints its overview; the nodes are all
        // still there, untouched.
        let out = common::ietkit_within(d, d, &[]);
        assert!(out.status.success(), "{kind}");
        for place in &places {
            let meta = std::fs::symlink_metadata(place).unwrap();
            assert!(!meta.is_file(), "{kind}: {} replaced", place.display());
        }
    }
}

/// A file from a newer ietkit opens read-only in the app: keys that would
/// change it say why and change nothing, on screen or on disk.
#[test]
fn a_newer_format_opens_read_only_and_no_key_changes_it() {
    let data = TempDir::new("newer");
    let mut a = sample();
    a.format = ietkit::model::assessment::FORMAT + 1;
    let path = library(data.path()).assessments().join("newer.ron");
    assessment_file::ensure_private_dir(path.parent().unwrap()).unwrap();
    std::fs::write(&path, assessment_file::to_text(&a)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let (mut app, mut session) = session_on(data.path(), &path);
    assert!(app.read_only.is_some(), "read-only");
    let rated_before = app.assessment.responses.clone();
    tui::feed(&mut app, "jj<Enter>");
    for key in ["0", "u", "n"] {
        tui::feed(&mut app, key);
        session.apply(&mut app);
        assert!(
            app.message
                .as_ref()
                .is_some_and(|m| m.0.contains("newer ietkit")),
            "{key} says why: {:?}",
            app.message
        );
    }
    tui::feed(&mut app, "<C-s>");
    session.apply(&mut app);
    assert_eq!(
        app.assessment.responses, rated_before,
        "nothing changed here"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "nor on disk");
}

/// The data folder may itself be a link: the user chose it. Saves go
/// where it points.
#[test]
fn a_data_folder_that_is_a_link_is_used() {
    let base = TempDir::new("linked-data");
    let real = base.path().join("real");
    std::fs::create_dir_all(&real).unwrap();
    let link = base.path().join("link");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let mut session = Session::new(Some(library(&link)));
    let mut app = tui::app(80, 24);
    tui::feed(&mut app, "]2");
    session.apply(&mut app);
    assert!(matches!(app.save, SaveState::Saved(_)), "{:?}", app.save);
    let saved: Vec<_> = std::fs::read_dir(real.join("assessments"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron"))
        .collect();
    assert_eq!(saved.len(), 1, "saved inside the folder the link names");
}

/// A save from the app that would pass 16 MB is refused with the reason,
/// the work kept open, the file on disk as it was.
#[test]
fn a_save_past_the_size_limit_is_refused_and_the_work_kept() {
    let data = TempDir::new("too-big-save");
    let path = library(data.path()).create_named(&sample(), "big").unwrap();
    let before = std::fs::read(&path).unwrap();
    let (mut app, mut session) = session_on(data.path(), &path);
    // (Put in place directly: pasting 17 MB key by key into the editor
    // takes seconds and tests the editor, not the save.)
    let line = "Seventeen megabytes of notes, pasted by mistake. ".repeat(1 << 10);
    app.assessment.response_mut("PD-1").notes =
        format!("{line}\n").repeat(17 * 1024 * 1024 / line.len() + 1);
    tui::feed(&mut app, "<C-s>");
    session.apply(&mut app);
    let SaveState::Failed(reason) = &app.save else {
        panic!("refused: {:?}", app.save);
    };
    assert!(reason.contains("16 MB"), "{reason}");
    assert!(
        app.assessment
            .responses
            .iter()
            .any(|r| r.notes.len() > 16 << 20),
        "the work is still open"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "the file as it was");
}
