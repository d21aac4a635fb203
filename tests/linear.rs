//! The linear mode: commands a line at a time, answers in plain lines.
//! Transcripts of scripted sessions on the samples, a property that no
//! output byte is a control character but the newline, a plain terminal
//! that gets it by itself, the same locks and drafts as the full-screen
//! app, and what a rating costs on the wire.

mod common;
#[path = "common/pty.rs"]
mod pty;
#[path = "common/tui.rs"]
mod tui;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::TempDir;
use ietkit::model::assessment::Rating;
use ietkit::store::assessment_file;
use ietkit::store::library::Library;
use ietkit::store::paths::{ChosenBy, DataDir};
use ietkit::tui::linear;
use ietkit::tui::session::Session;
use proptest::prelude::*;

const SAMPLES: &str = "examples/assessments";
const TEAM: &str = "welding-fabrication-iet-2026-27";
const LAST_YEAR: &str = "welding-fabrication-iet-2025-26";
const DIESEL: &str = "diesel-technology-iet-north-fork-2026-27";

/// A data folder holding the sample assessments under their names.
fn samples(data: &Path) {
    let lib = data.join("assessments");
    std::fs::create_dir_all(&lib).unwrap();
    for e in std::fs::read_dir(common::root().join(SAMPLES)).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), lib.join(e.file_name())).unwrap();
    }
}

fn file(data: &Path, name: &str) -> PathBuf {
    data.join("assessments").join(format!("{name}.ron"))
}

/// A linear session in this process on `data`, Maria working, the
/// assessment `open` open (or a new one); `script` is its input. Returns
/// what it said, with the data folder's path written DATA, and its exit
/// status.
fn run(data: &Path, open: Option<&str>, script: &str, person: bool) -> (String, u8) {
    let (bytes, status) = run_bytes(data, open, script, person);
    let text = String::from_utf8(bytes).expect("UTF-8 output");
    (text.replace(data.to_str().unwrap(), "DATA"), status)
}

fn run_bytes(data: &Path, open: Option<&str>, script: &str, person: bool) -> (Vec<u8>, u8) {
    let mut app = tui::app(80, 24);
    app.who = common::maria();
    app.export_dir = data.to_path_buf();
    let mut lib = Library::new(DataDir {
        path: data.to_path_buf(),
        chosen_by: ChosenBy::Flag,
    });
    lib.who = common::maria();
    let mut session = Session::new(Some(lib));
    match open {
        Some(name) => session.open(&mut app, &file(data, name)).unwrap(),
        None => session.offer_drafts(&mut app),
    }
    let mut input = std::io::Cursor::new(script.as_bytes().to_vec());
    let mut out = Vec::new();
    let status = linear::run(&mut app, &mut session, &mut input, &mut out, person, false).unwrap();
    (out, status)
}

/// Text with its line breaks as spaces: what was said, however wrapped.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read(path: &Path) -> ietkit::model::assessment::Assessment {
    assessment_file::read(path).unwrap().assessment
}

/// The file a new assessment was given: the only one in the library.
fn only_file(data: &Path) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(data.join("assessments"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

/// Every character a terminal would act on rather than show: C0 but the
/// newline, DEL, C1, and the invisible and reordering ones.
fn unsafe_chars(text: &str) -> Vec<char> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .filter(|&i| {
            let c = chars[i];
            c != '\n' && (c.is_control() || ietkit::text::unsafe_at(&chars, i))
        })
        .map(|i| chars[i])
        .collect()
}

#[test]
fn rating_a_whole_category() {
    let data = TempDir::new("linear-category");
    let (text, status) = run(
        data.path(),
        None,
        "list pd\ngo pd1\n3\nnext\n2\nnext\ndeveloping\nnext\n1\nnext\nNot yet\nnext\nrate 2\nnext\nESTABLISHED\nnext\n2\nnext\nlist\nwhere\n",
        false,
    );
    insta::assert_snapshot!(text);
    assert_eq!(status, 0, "{text}");
    let a = read(&only_file(data.path()));
    let rated: Vec<(String, Rating)> = a
        .responses
        .iter()
        .filter(|r| r.indicator.starts_with("PD-"))
        .map(|r| (r.indicator.clone(), r.rating.clone()))
        .collect();
    let want = [3, 2, 2, 1, 0, 2, 3, 2];
    assert_eq!(rated.len(), 8);
    for ((id, rating), (k, level)) in rated.iter().zip(want.iter().enumerate()) {
        assert_eq!(id, &format!("PD-{}", k + 1));
        assert_eq!(rating, &Rating::Level(*level), "{id}");
    }
}

#[test]
fn not_applicable_unsure_notes_evidence_and_actions() {
    let data = TempDir::new("linear-parts");
    let (text, status) = run(
        data.path(),
        None,
        "go ci-6\nna The program runs on the college campus\nunsure\nnote Partners met in May.\nnotes\nFirst line\nSecond line\n.\nevidence Signed MOU; binder 3; dean; 2026-09-01\naction Invite employers; CTE chair; 2027-01-15\nshow\n",
        false,
    );
    insta::assert_snapshot!(text);
    assert_eq!(status, 0, "{text}");
    let a = read(&only_file(data.path()));
    let r = a.response("CI-6").unwrap();
    assert_eq!(
        r.rating,
        Rating::NotApplicable {
            reason: "The program runs on the college campus".into()
        }
    );
    assert!(r.unsure);
    // `notes` replaced the line `note` added.
    assert_eq!(r.notes, "First line\nSecond line");
    assert_eq!(r.evidence.len(), 1);
    assert_eq!(r.evidence[0].holder, "dean");
    assert_eq!(r.evidence[0].date.unwrap().to_string(), "2026-09-01");
    assert_eq!(r.actions.len(), 1);
    assert_eq!(r.actions[0].owner, "CTE chair");
}

#[test]
fn mistakes_say_what_was_expected_and_change_nothing() {
    let data = TempDir::new("linear-mistakes");
    samples(data.path());
    let before = std::fs::read(file(data.path(), DIESEL)).unwrap();
    let (text, status) = run(
        data.path(),
        Some(DIESEL),
        "2\nshwo\ngo\ngo PD33\ngo 4\nlist 9\nna\nevidence a; b; c; d; e\nrate 7\nnote\nexport\nPD-2\n7\nevidence x; y; z; 2026-13-45\nsummary twice\n",
        false,
    );
    insta::assert_snapshot!(text);
    assert_eq!(status, 1, "a script with mistakes ends with status 1");
    assert_eq!(
        std::fs::read(file(data.path(), DIESEL)).unwrap(),
        before,
        "nothing was changed"
    );
}

#[test]
fn the_screener_to_both_verdicts() {
    let data = TempDir::new("linear-screen");
    let questions = ietkit::store::embedded::builtin()
        .unwrap()
        .screener
        .questions
        .len();
    let yes = "yes\n".repeat(questions);
    let (text, status) = run(data.path(), None, &format!("screen\n{yes}"), false);
    assert_eq!(status, 0, "{text}");
    assert!(
        text.contains("Federal definition (34 CFR 463.35-463.38): meets.")
            && text.contains("Oregon key features: meets."),
        "{text}"
    );
    // Again: Enter keeps an answer, why explains, no makes it not yet,
    // cancel stops and keeps what was answered.
    let path = only_file(data.path());
    let name = path.file_stem().unwrap().to_str().unwrap().to_string();
    let (text, status) = run(
        data.path(),
        Some(&name),
        "screen\n\nwhy\nno\nnot sure\ncancel\n",
        false,
    );
    insta::assert_snapshot!(text);
    assert_eq!(status, 0);
    // A person who answers wrongly is asked again; a script's wrong answer
    // stops the screener and is read as a command.
    let (text, status) = run(
        data.path(),
        Some(&name),
        "screen\n\n\n\nmaybe\ncancel\n",
        true,
    );
    assert!(text.contains("Answer yes, no or not sure"), "{text}");
    assert_eq!(status, 0, "a person's slip is no failure: {text}");
    let (text, status) = run(data.path(), Some(&name), "screen\n\n\n\nmaybe\n", false);
    assert!(
        flat(&text).contains("Expected yes, no or not sure; the screener stops here")
            && flat(&text).contains("The line \"maybe\" was not used.")
            && !text.contains("There is no command")
            && !text.contains("Screener stopped"),
        "{text}"
    );
    assert_eq!(status, 1);
    let a = read(&path);
    use ietkit::model::screener::Answer;
    assert_eq!(a.screener.get("F-1"), Some(&Answer::Yes));
    assert_eq!(a.screener.get("F-2"), Some(&Answer::No));
    assert_eq!(a.screener.get("F-3"), Some(&Answer::NotSure));
    assert_eq!(a.screener.get("F-4"), Some(&Answer::Yes));
}

#[test]
fn summary_export_and_compare() {
    let data = TempDir::new("linear-reports");
    samples(data.path());
    let report = data.path().join("report.md");
    let script = format!(
        "summary\nexport md {r}\nexport md {r}\nno\nexport md {r}\nyes\nexport pdf {r}\ncompare {LAST_YEAR} {TEAM}\ncompare {TEAM} {TEAM}-abs-view {TEAM}-cte-view\ncompare {TEAM}\n",
        r = report.display()
    );
    let (text, status) = run(data.path(), Some(TEAM), &script, false);
    insta::assert_snapshot!(text);
    assert_eq!(status, 1, "the pdf and the one-name compare are mistakes");
    let written = std::fs::read_to_string(&report).unwrap();
    assert!(written.starts_with("# "), "{written}");
    assert!(written.contains("Welding Fabrication IET"));
}

#[test]
fn the_library_opens_by_number_and_the_next_cycle_starts() {
    let data = TempDir::new("linear-library");
    samples(data.path());
    let (text, status) = run(
        data.path(),
        None,
        "library\nopen 4\nwhere\nnext-cycle\nwhere\n",
        false,
    );
    assert_eq!(status, 0, "{text}");
    assert!(text.contains("7 saved assessments"), "{text}");
    assert!(
        text.contains("Open: Welding Fabrication IET, Cascade Ridge Community College, 2025-26."),
        "{text}"
    );
    assert!(text.contains("Started cycle 2026-27"), "{text}");
    assert!(
        !text.contains(" o "),
        "no key of the full-screen app is named: {text}"
    );
    // After the next cycle starts, changes are counted afresh: a profile
    // kept in the new cycle is said to be saved.
    let script = format!(
        "go PD-1\n1\n2\n3\nnext-cycle\nprofile\n\n\n\n\n\n2027-28{}",
        "\n".repeat(13)
    );
    let (text, status) = run(data.path(), Some(TEAM), &script, false);
    assert_eq!(status, 0, "{text}");
    assert!(
        flat(&text).ends_with("Program profile kept. Saved."),
        "{text}"
    );
}

#[test]
fn help_lists_every_command_and_explains_one() {
    let data = TempDir::new("linear-help");
    let (text, status) = run(
        data.path(),
        None,
        "help\nhelp NA\nhelp 2\nhelp frob\n",
        false,
    );
    insta::assert_snapshot!(text);
    assert_eq!(status, 1, "help frob is a mistake");
    for c in linear::commands::COMMANDS {
        assert!(
            text.contains(&format!("\n{}", linear::commands::usage(c))),
            "{} missing from help",
            c.word
        );
    }
}

/// A whole assessment by a script on standard input, through the real
/// binary: the profile, all 35 ratings, an N/A with its reason, notes,
/// the screener and a report; not one escape sequence sent.
#[test]
fn a_whole_assessment_by_script() {
    let data = TempDir::new("linear-whole");
    pty::known_person(data.path());
    let content = ietkit::store::embedded::builtin().unwrap();
    let ids: Vec<String> = content
        .rubric
        .indicators()
        .map(|(_, i)| i.id.clone())
        .collect();
    let mut script = String::from(
        "profile\nLane Community College\nWelding IET\nManufacturing\nAWS D1.1\n2\n2026-27\nMaria Lopez (ABS); Sam Ortiz (CTE)\n1\nMain campus\n\n\n\n\n16\n120\n40\n200\n2026-09-21\n",
    );
    for (k, id) in ids.iter().enumerate() {
        if id == "CI-6" {
            script.push_str("go CI-6\nna The program runs on campus\n");
        } else {
            script.push_str(&format!("go {id}\n{}\n", k % 4));
        }
    }
    script.push_str("go PD-1\nnote Labour market data from 2025.\n");
    script.push_str("screen\n");
    script.push_str(&"yes\n".repeat(content.screener.questions.len()));
    let report = data.path().join("welding.html");
    script.push_str(&format!(
        "export html {}\nsummary\nquit\n",
        report.display()
    ));
    let mut child = Command::new(env!("CARGO_BIN_EXE_ietkit"))
        .args(["--linear"])
        .env("IETKIT_DATA_DIR", data.path())
        .env("TERM", "xterm-256color")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    let out = common::wait_or_fail(child, "ietkit --linear");
    let text = common::stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}{}", common::stderr(&out));
    assert!(unsafe_chars(&text).is_empty(), "{:?}", unsafe_chars(&text));
    assert!(!out.stdout.contains(&0x1b), "no escape sequence sent");
    let a = read(&only_file(data.path()));
    assert_eq!(a.profile.program, "Welding IET");
    assert_eq!(a.profile.hours.workforce_training, Some(200));
    assert_eq!(a.done(content.rubric.indicators().map(|(_, i)| i)), 35);
    assert_eq!(
        a.response("PD-1").unwrap().notes,
        "Labour market data from 2025."
    );
    assert_eq!(a.screener.len(), content.screener.questions.len());
    assert!(
        std::fs::read_to_string(&report)
            .unwrap()
            .contains("Welding IET")
    );
    assert!(text.contains("All categories: mean"), "{text}");
}

/// A rating costs its words: the confirmation and the next prompt, a few
/// dozen bytes, against 268 for the full-screen app's redraw.
#[test]
fn a_rating_costs_only_its_words() {
    const RECORDED: usize = 50;
    let data = TempDir::new("linear-bytes");
    samples(data.path());
    let (before, _) = run_bytes(data.path(), Some(TEAM), "go PD-3\n", true);
    let data = TempDir::new("linear-bytes-2");
    samples(data.path());
    let (after, _) = run_bytes(data.path(), Some(TEAM), "go PD-3\n1\n", true);
    let cost = after.len() - before.len();
    let said = String::from_utf8_lossy(&after[before.len() - "At PD-3; command?\n".len()..]);
    assert_eq!(cost, RECORDED, "the rating round trip said:\n{said}");
}

/// What a script cannot answer is not asked of it: a draft left behind
/// stays for a person, who is offered it and can go on typing.
#[test]
fn notes_cut_off_are_kept_as_a_draft_and_offered_to_a_person() {
    let data = TempDir::new("linear-draft");
    samples(data.path());
    // The line drops mid-notes: no full stop came.
    let (text, _) = run(
        data.path(),
        Some(TEAM),
        "go PD-2\nnotes\nline one\nline two\n",
        true,
    );
    assert!(text.contains("Notes for PD-2"), "{text}");
    let dir = data.path().join("assessments");
    let drafts = || -> Vec<String> {
        std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".draft"))
            .collect()
    };
    assert_eq!(drafts().len(), 1, "the notes typed are on disk");
    let notes_before = read(&file(data.path(), TEAM))
        .response("PD-2")
        .unwrap()
        .notes
        .clone();
    // A script is not asked: the draft stays.
    let (text, _) = run(data.path(), Some(TEAM), "where\n", false);
    assert!(text.contains("stays unfinished"), "{text}");
    assert_eq!(drafts().len(), 1);
    // A person is: restore, one line more, and keep.
    let (text, status) = run(data.path(), Some(TEAM), "restore\nline three\n.\n", true);
    assert_eq!(status, 0, "{text}");
    assert!(text.contains("line two"), "the draft is read out: {text}");
    let notes = read(&file(data.path(), TEAM))
        .response("PD-2")
        .unwrap()
        .notes
        .clone();
    assert_eq!(
        notes, "line one\nline two\nline three",
        "was {notes_before:?}"
    );
    assert!(drafts().is_empty(), "kept, the draft goes");
}

/// The same lock as the full-screen app: with the assessment open full
/// screen, a linear session on it is read-only, and the other way round.
#[test]
fn a_linear_and_a_full_screen_session_on_one_assessment() {
    let data = TempDir::new("linear-lock");
    samples(data.path());
    let path = file(data.path(), TEAM);
    let before = std::fs::read(&path).unwrap();
    let mut full = pty::Pty::start(&["open", TEAM], data.path());
    full.wait_for("Welcome back");
    let (text, status) = {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ietkit"))
            .args(["--linear", "open", TEAM])
            .env("IETKIT_DATA_DIR", data.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(b"go PD-3\n0\nnote mine\n")
            .unwrap();
        let out = common::wait_or_fail(child, "ietkit --linear");
        (common::stdout(&out), out.status.code())
    };
    assert!(text.contains("read-only"), "{text}");
    assert!(
        text.contains("Read-only: open in another session"),
        "{text}"
    );
    assert_eq!(status, Some(1), "the refused rating is a failure");
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");
    full.type_keys(b"q");
    assert!(full.finish().0.success());

    // The other way: a linear session holds it.
    let mut child = Command::new(env!("CARGO_BIN_EXE_ietkit"))
        .args(["--linear", "open", TEAM])
        .env("IETKIT_DATA_DIR", data.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut said = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    said.read_line(&mut first).unwrap();
    assert!(first.contains("linear mode"), "{first}");
    let mut full = pty::Pty::start(&["open", TEAM], data.path());
    full.wait_for("read-only");
    full.type_keys(b"q");
    assert!(full.finish().0.success());
    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
}

/// `TERM=dumb` (or no `TERM`) on a terminal: the linear mode by itself,
/// typed lines rate, the file shows it, and no escape sequence is sent.
#[test]
fn a_plain_terminal_gets_the_linear_mode() {
    for term in ["dumb", ""] {
        let data = TempDir::new("linear-dumb");
        samples(data.path());
        let mut s = pty::Pty::start_with(&["open", TEAM], data.path(), &[("TERM", term)]);
        s.wait_for("linear mode");
        s.type_keys(b"go PD-3\n");
        s.wait_for("third of 8");
        s.type_keys(b"1\n");
        s.wait_for("PD-3 rated 1, Beginning. Saved.");
        s.type_keys(b"quit\n");
        let (status, text) = s.finish();
        assert!(status.success(), "TERM={term:?}: {text}");
        assert!(
            !text.contains('\u{1b}'),
            "TERM={term:?} got an escape: {text:?}"
        );
        assert!(
            text.lines().all(|l| l.trim_end().chars().count() <= 80),
            "{text}"
        );
        let a = read(&file(data.path(), TEAM));
        assert_eq!(a.response("PD-3").unwrap().rating, Rating::Level(1));
    }
}

fn command() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "where",
        "next",
        "prev",
        "go",
        "list",
        "find",
        "show",
        "toolkit",
        "levels",
        "rate",
        "na",
        "unsure",
        "note",
        "notes",
        "evidence",
        "action",
        "summary",
        "screen",
        "library",
        "log",
        "help",
        "compare",
        "open",
        "2",
        "0",
        "developing",
        ".",
        "yes",
        "no",
        "cancel",
        "PD-1",
        "restore",
        "who",
        "profile",
    ]);
    let arg = prop_oneof![
        Just(String::new()),
        Just(common::HOSTILE.to_string()),
        "[ -~]{0,12}".prop_map(|s| s),
        "\\PC{0,8}".prop_map(|s| s),
        prop::collection::vec(0u32..0x250, 0..8)
            .prop_map(|v| v.into_iter().filter_map(char::from_u32).collect::<String>()),
    ];
    (words, arg).prop_map(|(w, a)| format!("{w} {a}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever is typed and whatever the files hold, the linear mode
    /// writes no byte a terminal would act on: no ESC, no control
    /// character but the newline, nothing invisible or reordering.
    #[test]
    fn no_output_byte_is_a_control_character(
        lines in prop::collection::vec(command(), 1..14),
        person in any::<bool>(),
    ) {
        let data = TempDir::new("linear-prop");
        let lib = data.path().join("assessments");
        std::fs::create_dir_all(&lib).unwrap();
        let hostile = common::hostile_assessment();
        std::fs::write(
            lib.join("hostile.ron"),
            assessment_file::to_text(&hostile),
        )
        .unwrap();
        let script = lines.join("\n") + "\n";
        let (bytes, _) = run_bytes(data.path(), Some("hostile"), &script, person);
        let text = String::from_utf8_lossy(&bytes);
        prop_assert!(unsafe_chars(&text).is_empty(), "{:?} in {text}", unsafe_chars(&text));
    }
}

/// The files' own text, hostile, read out by the linear mode: the
/// property above over what the app holds, not only what was typed.
#[test]
fn hostile_text_in_memory_is_said_cleaned() {
    let data = TempDir::new("linear-hostile");
    samples(data.path());
    let mut app = tui::app(80, 24);
    app.who = common::maria();
    let mut session = Session::new(None);
    session.open(&mut app, &file(data.path(), TEAM)).unwrap();
    // Past the cleaning on load: straight into what the app holds.
    let h = common::HOSTILE;
    app.assessment.profile.program = h.into();
    app.assessment.response_mut("PD-1").notes = format!("{h}\n{h}");
    app.assessment.response_mut("PD-1").rating = Rating::NotApplicable { reason: h.into() };
    app.content.rubric.categories[0].indicators[0].title = h.into();
    app.content.rubric.categories[0].name = h.into();
    app.content.toolkit.sections[0].title = h.into();
    app.content.toolkit.sections[0].body.push(h.into());
    let mut input = std::io::Cursor::new(
        b"where\ngo PD-1\nshow\nlist\nlist 1\ntoolkit\ntoolkit 1\nsummary explain\nfind evil\nlog\n"
            .to_vec(),
    );
    let mut out = Vec::new();
    linear::run(&mut app, &mut session, &mut input, &mut out, false, false).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("evil"), "the text is said: {text}");
    assert!(unsafe_chars(&text).is_empty(), "{:?}", unsafe_chars(&text));
}

/// A script's wrong answer ends the question and is read as a command:
/// later commands still run, nothing half-given is kept, and the exit
/// status says something went wrong. Input that ends inside a question
/// says so.
#[test]
fn a_script_is_never_swallowed_by_a_question() {
    let data = TempDir::new("linear-swallow");
    samples(data.path());
    let report = data.path().join("r.md");
    std::fs::write(&report, "mine").unwrap();
    let before = read(&file(data.path(), DIESEL));
    let script = format!(
        "profile\n\n\n\n\n9\ngo SE-2\n2\nexport md {r}\nmaybe\ngo CU-5\n1\nna\nprofile\n\n\n\n\n\n\n\n\n\n\n\n\n\nabc\ngo PD-1\n",
        r = report.display()
    );
    let (text, status) = run(data.path(), Some(DIESEL), &script, false);
    let text = flat(&text);
    assert_eq!(status, 1, "{text}");
    assert!(
        text.contains("Expected a number from 1 to 3 for Purpose"),
        "{text}"
    );
    assert!(text.contains("SE-2 rated 2, Developing. Saved."), "{text}");
    assert!(
        text.contains("Expected yes or no; taken as no. The line \"maybe\" was not used."),
        "{text}"
    );
    // A reason is never taken from a script's next line.
    assert!(
        text.contains("na needs the reason on the same line in a script"),
        "{text}"
    );
    assert_eq!(
        std::fs::read_to_string(&report).unwrap(),
        "mine",
        "not replaced"
    );
    assert!(text.contains("CU-5 rated 1, Beginning. Saved."), "{text}");
    assert!(
        text.contains(
            "Cohort size: write a whole number, or leave it empty; nothing of this form was kept"
        ),
        "{text}"
    );
    assert!(
        text.contains("PD-1, first of 8"),
        "the next command ran: {text}"
    );
    let after = read(&file(data.path(), DIESEL));
    assert_eq!(after.profile, before.profile, "no half profile kept");
    assert_eq!(after.purpose, before.purpose);

    // The input ends in the middle of the notes.
    let (text, status) = run(
        data.path(),
        Some(DIESEL),
        "go CU-4\nnotes\nunfinished note\n",
        false,
    );
    let text = flat(&text);
    assert_eq!(status, 1);
    assert!(
        text.contains("The input ended during the notes for CU-4")
            && text.contains("stays as a draft"),
        "{text}"
    );
}

/// A person is asked again where a script would stop: a field checked as
/// it is given (and kept as it was), a choice out of range; their slips do
/// not make the session fail, and quitting says everything is saved.
#[test]
fn a_person_is_asked_again_and_a_slip_is_no_failure() {
    let data = TempDir::new("linear-person");
    samples(data.path());
    let (text, status) = run(
        data.path(),
        Some(DIESEL),
        "go 3\nprofile\n\n\n\n\n9\n2\n\n\n\n\n\n\n\n\nabc\n12\n\n\n\n\nquit\n",
        true,
    );
    let text = flat(&text);
    assert_eq!(status, 0, "{text}");
    assert!(
        text.contains("Expected a number from 1 to 3 for Purpose"),
        "{text}"
    );
    assert!(text.contains("Cohort size: write a whole number"), "{text}");
    // Asked again at once, with what was there before.
    let again = text
        .split("Cohort size: write a whole number")
        .nth(1)
        .unwrap_or_default();
    assert!(again.contains("14 of 18, Cohort size"), "{text}");
    assert!(text.contains("Stopped; everything is saved."), "{text}");
    let a = read(&file(data.path(), DIESEL));
    assert_eq!(a.profile.cohort_size, Some(12));
    assert_eq!(
        a.purpose,
        ietkit::model::assessment::Purpose::EvaluatingExisting
    );
}

#[test]
fn who_says_and_who_change_asks() {
    let data = TempDir::new("linear-who");
    let (text, _) = run(
        data.path(),
        None,
        "who\nwho change\nAnn Lee\n2\nwho\n",
        true,
    );
    let text = flat(&text);
    assert!(
        text.contains("Working as Maria Lopez (ABS), login maria"),
        "{text}"
    );
    assert!(text.contains("2 of 2, You speak for"), "{text}");
    assert!(
        text.contains("Working as Ann Lee (CTE), login maria"),
        "{text}"
    );
}

#[test]
fn listing_does_not_move_and_compare_takes_library_numbers() {
    let data = TempDir::new("linear-list-compare");
    samples(data.path());
    let (text, status) = run(
        data.path(),
        None,
        "go CI-2\nlist pd\nwhere\nlibrary\ncompare 4 7\nfind labor market\nlibrary\nrollup 4 7\nrollup\n",
        false,
    );
    let text = flat(&text);
    assert_eq!(status, 0, "{text}");
    assert!(text.contains("At CI-2, second of 6"), "{text}");
    assert!(
        text.contains("Side by side, in this order: 2025-26, then 2026-27."),
        "{text}"
    );
    assert!(text.contains("35 of 35 done"), "no 35/35 to hear: {text}");
    assert!(!text.contains("/35"), "{text}");
    assert!(text.contains("for labor market"), "{text}");
    assert!(
        !text.contains("No indicator or toolkit section mentions"),
        "{text}"
    );
    // The roll-up of two cycles of one program: the later stands.
    assert!(
        text.contains("Roll-up of 1 program, each at its latest cycle.")
            && text.contains(
                "welding-fabrication-iet-2025-26: an older cycle (2025-26) than 2026-27."
            ),
        "{text}"
    );
    assert!(text.contains("Roll-up of 2 programs"), "{text}");
    assert!(text.contains("By indicator, weakest mean first:"), "{text}");
}

/// What is not text never gets in: a line that is not UTF-8 is refused,
/// a terminal's title sequence is dropped, and a line of a megabyte is
/// said back shortened.
#[test]
fn what_is_not_text_never_gets_in() {
    let data = TempDir::new("linear-junk");
    samples(data.path());
    let mut script = b"go PD-5\nnote caf\xe9 \xff\nnote a\x1b]0;title\x07b\n".to_vec();
    script.extend(b"x".repeat(300_000));
    script.push(b'\n');
    let mut app = tui::app(80, 24);
    app.who = common::maria();
    let mut session = Session::new(None);
    session.open(&mut app, &file(data.path(), TEAM)).unwrap();
    let mut input = std::io::Cursor::new(script);
    let mut out = Vec::new();
    let status = linear::run(&mut app, &mut session, &mut input, &mut out, false, false).unwrap();
    let text = flat(&String::from_utf8(out).unwrap());
    assert_eq!(status, 1);
    assert!(
        text.contains("A line was not UTF-8 text, and was left unread"),
        "{text}"
    );
    assert!(text.contains("Note added to PD-5"), "{text}");
    let notes = &app.assessment.response("PD-5").unwrap().notes;
    assert!(
        notes.ends_with("ab"),
        "the title sequence is gone: {notes:?}"
    );
    assert!(!notes.contains('\u{fffd}'), "{notes:?}");
    assert!(text.contains("(300000 characters)"), "shortened");
    assert!(text.len() < 10_000, "a long line is not said back whole");
}

/// A form's draft is read out field by field, each value with what it
/// was for, and restored to go on.
#[test]
fn a_profile_cut_off_is_read_back_field_by_field() {
    let data = TempDir::new("linear-profile-draft");
    samples(data.path());
    let (_, status) = run(
        data.path(),
        Some(DIESEL),
        "profile\nLane Community College\nWelding Too\n",
        true,
    );
    assert_eq!(status, 0);
    let (text, status) = run(
        data.path(),
        Some(DIESEL),
        &format!("restore{}", "\n".repeat(19)),
        true,
    );
    assert_eq!(status, 0, "{text}");
    let said = flat(&text);
    assert!(
        said.contains("What it holds: College: Lane Community College Program: Welding Too"),
        "{text}"
    );
    let a = read(&file(data.path(), DIESEL));
    assert_eq!(a.profile.college, "Lane Community College");
    assert_eq!(a.profile.program, "Welding Too");
}

/// A save that fails is said at once and again at the end, the exit status
/// says so, and quitting asks (and at the end of the input, says that the
/// question went unanswered); no key of the full-screen app is named.
#[test]
fn a_save_that_fails_is_said_and_fails_the_session() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ietkit"))
        .args(["--linear"])
        .env("IETKIT_DATA_DIR", "/proc/ietkit-cannot-be-made")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"go PD-1\n2\nquit\n")
        .unwrap();
    let out = common::wait_or_fail(child, "ietkit --linear");
    let text = flat(&common::stdout(&out));
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("PD-1 rated 2, Developing. Not saved:"),
        "{text}"
    );
    assert!(
        text.contains("Quit anyway and lose them? Answer yes or no."),
        "{text}"
    );
    assert!(
        text.contains("The input ended before the question was answered."),
        "{text}"
    );
    assert!(
        text.contains("NOT SAVED: the latest changes could not be saved"),
        "{text}"
    );
    assert!(!text.contains("Press o"), "{text}");
}
