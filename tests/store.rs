//! Saving and loading assessments, and the library, through the same code
//! the app uses (the session), without a terminal.

mod common;

#[path = "common/tui.rs"]
mod tui;

use std::fs;
use std::path::{Path, PathBuf};

use common::TempDir;
use ietkit::model::assessment::*;
use ietkit::model::date::Date;
use ietkit::model::screener::Answer;
use ietkit::model::timestamp::Timestamp;
use ietkit::store::assessment_file::{self, HISTORY_KEEP};
use ietkit::store::embedded;
use ietkit::store::library::Library;
use ietkit::store::paths::{ChosenBy, DataDir};
use ietkit::tui::app::{App, SaveState};
use ietkit::tui::session::Session;
use proptest::prelude::*;

fn library(dir: &Path) -> Library {
    Library::new(DataDir {
        path: dir.to_path_buf(),
        chosen_by: ChosenBy::Flag,
    })
}

fn rubric() -> ietkit::model::rubric::Rubric {
    embedded::builtin().unwrap().rubric
}

/// An app and a session on the data folder `dir`.
fn open_app(dir: &Path) -> (App, Session) {
    (tui::app(80, 24), Session::new(Some(library(dir))))
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .map(|d| {
            d.map(|e| e.unwrap().path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

// ----- round trip -----------------------------------------------------------

/// Text a person could keep: anything printable but the invisible
/// characters ietkit cleans on load (line separators, fillers).
fn line() -> impl Strategy<Value = String> {
    "\\PC{0,24}".prop_map(|s| s.chars().filter(|&c| !ietkit::text::is_unsafe(c)).collect())
}

fn date() -> impl Strategy<Value = Option<Date>> {
    prop::option::of(
        (2000u16..2100, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap()),
    )
}

fn rating() -> impl Strategy<Value = Rating> {
    prop_oneof![
        Just(Rating::Unrated),
        (0u8..=3).prop_map(Rating::Level),
        line().prop_map(|reason| Rating::NotApplicable { reason }),
    ]
}

fn evidence() -> impl Strategy<Value = Evidence> {
    (line(), line(), line(), date(), any::<bool>()).prop_map(
        |(what, location, holder, date, recheck)| Evidence {
            what,
            location,
            holder,
            date,
            recheck,
        },
    )
}

fn action() -> impl Strategy<Value = ActionItem> {
    let status = prop_oneof![
        Just(ActionStatus::Planned),
        Just(ActionStatus::InProgress),
        Just(ActionStatus::Done),
        Just(ActionStatus::Dropped)
    ];
    (line(), line(), date(), status).prop_map(|(what, owner, due, status)| ActionItem {
        what,
        owner,
        due,
        status,
    })
}

fn response() -> impl Strategy<Value = (Rating, bool, String, Vec<Evidence>, Vec<ActionItem>)> {
    (
        rating(),
        any::<bool>(),
        "(\\PC{0,20}\n){0,2}\\PC{0,20}"
            .prop_map(|s| s.chars().filter(|&c| !ietkit::text::is_unsafe(c)).collect()),
        prop::collection::vec(evidence(), 0..3),
        prop::collection::vec(action(), 0..3),
    )
}

fn partner() -> impl Strategy<Value = Partner> {
    prop_oneof![
        Just(Partner::AdultBasicSkills),
        Just(Partner::CareerTechnicalEducation),
        Just(Partner::CareerPathways),
        Just(Partner::Corrections),
        Just(Partner::WorkforceBoard),
        Just(Partner::Employer),
        line().prop_map(Partner::Other),
    ]
}

prop_compose! {
    fn assessment()(
        texts in prop::collection::vec(line(), 6),
        credentials in prop::collection::vec(line(), 0..3),
        leads in prop::collection::vec((partner(), line()), 0..4),
        numbers in prop::collection::vec(prop::option::of(0u32..5000), 4),
        start in date(),
        purpose in prop_oneof![Just(Purpose::NewDesign), Just(Purpose::EvaluatingExisting), Just(Purpose::AfterSignificantChange)],
        site in prop_oneof![Just(SiteKind::Campus), Just(SiteKind::CorrectionalFacility), Just(SiteKind::Online), Just(SiteKind::Other)],
        assessors in prop::collection::vec((line(), partner()), 0..3),
        responses in prop::collection::vec(response(), 35),
        answers in prop::collection::vec(prop::option::of(prop_oneof![Just(Answer::Yes), Just(Answer::No), Just(Answer::NotSure)]), 13),
        stamps in (0i64..4_000_000_000, 0i64..4_000_000_000),
    ) -> Assessment {
        let rubric = rubric();
        let profile = Profile {
            college: texts[0].clone(),
            program: texts[1].clone(),
            cte_area: texts[2].clone(),
            credentials,
            partners: leads.into_iter().map(|(partner, lead)| PartnerLead { partner, lead }).collect(),
            site: Site { kind: site, name: texts[3].clone() },
            cohort_size: numbers[0],
            hours: ComponentHours { basic_skills: numbers[1], workforce_preparation: numbers[2], workforce_training: numbers[3] },
            start_date: start,
        };
        let mut a = Assessment::new(&rubric, profile, purpose, &texts[4]);
        a.created = Timestamp(stamps.0);
        a.updated = Timestamp(stamps.1);
        a.assessors = assessors.into_iter().map(|(name, partner)| Assessor { name, partner }).collect();
        for (r, (rating, unsure, notes, evidence, actions)) in a.responses.iter_mut().zip(responses) {
            r.rating = rating;
            r.unsure = unsure;
            r.notes = notes;
            r.evidence = evidence;
            r.actions = actions;
        }
        let screener = embedded::builtin().unwrap().screener;
        for (q, answer) in screener.questions.iter().zip(answers) {
            if let Some(answer) = answer {
                a.screener.insert(q.id.clone(), answer);
            }
        }
        a
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_field_survives_save_and_load(a in assessment()) {
        let loaded = assessment_file::parse("x.ron", &assessment_file::to_text(&a)).unwrap();
        prop_assert!(loaded.notices.is_empty());
        prop_assert_eq!(loaded.assessment, a);
    }
}

#[test]
fn the_saved_format_is_stable() {
    let rubric = rubric();
    let mut a = Assessment::new(
        &rubric,
        Profile::default(),
        Purpose::EvaluatingExisting,
        "2026-27",
    );
    a.id = "5a1e0f00d5a1e0f00d5a1e0f00d5a1e0".into();
    a.created = Timestamp(1_790_000_000);
    a.updated = Timestamp(1_795_873_040);
    a.profile.program = "Welding IET".into();
    a.profile.college = "Cascade Ridge Community College".into();
    a.profile.partners.push(PartnerLead {
        partner: Partner::AdultBasicSkills,
        lead: "ABS coordinator".into(),
    });
    a.assessors.push(Assessor {
        name: "CTE chair".into(),
        partner: Partner::CareerTechnicalEducation,
    });
    let r = a.response_mut("PD-3");
    r.rating = Rating::Level(1);
    r.unsure = true;
    r.notes = "Basic skills starts a week early.\nAlign in spring.".into();
    r.evidence.push(Evidence {
        what: "Term calendar".into(),
        location: "Shared drive".into(),
        holder: "Coordinator".into(),
        date: Some("2026-09-28".parse().unwrap()),
        recheck: false,
    });
    r.actions.push(ActionItem {
        what: "Align start weeks".into(),
        owner: "CTE chair".into(),
        due: Some("2027-01-15".parse().unwrap()),
        status: ActionStatus::Planned,
    });
    a.response_mut("CI-6").rating = Rating::NotApplicable {
        reason: "Runs on campus".into(),
    };
    a.screener.insert("F-1".into(), Answer::Yes);
    // The whole file: the N/A of CI-6 and the screener's answer near the
    // end are part of the format too.
    insta::assert_snapshot!(assessment_file::to_text(&a));
}

// ----- bad files --------------------------------------------------------------

/// (file, what the message must say, the line it must name)
const BAD: &[(&str, &str, Option<usize>)] = &[
    ("truncated.ron", "the file ends too early", Some(60)),
    ("wrong-types.ron", "expected a whole number here", Some(3)),
    (
        "newer-format.ron",
        "saved by a newer ietkit (format 99",
        Some(30),
    ),
    ("garbage.ron", "this is not UTF-8 text", Some(2)),
    ("empty.ron", "the file is empty", None),
    ("only-comments.ron", "the file is empty", None),
    (
        "unknown-field.ron",
        "no field called `nots` in a response",
        Some(37),
    ),
    ("bad-date.ron", "\"2026-13-45\" is not a date", Some(27)),
    ("bad-rating.ron", "`Great` is not a valid choice", Some(35)),
    (
        "rating-out-of-scale.ron",
        "PD-4 is rated 7, but this rubric's scale runs 0 to 3",
        Some(104),
    ),
    (
        "first-rating-out-of-scale.ron",
        "PD-1 is rated 9, but this rubric's scale runs 0 to 3",
        Some(65),
    ),
    ("response-twice.ron", "PD-2 has a response twice", Some(104)),
    (
        "answered-twice.ron",
        "question \"F-3\" is answered twice",
        Some(401),
    ),
    (
        "unknown-choice.ron",
        "`Evaluating` is not a valid choice here",
        Some(46),
    ),
    (
        "negative-rating.ron",
        "this number cannot be below 0 here",
        Some(65),
    ),
    ("screener-choice.ron", "`Maybe` is not a valid", Some(392)),
    (
        "huge-rating.ron",
        "this number is too large for this field",
        Some(65),
    ),
    (
        "number-answer.ron",
        "expected a name here, such as `Yes`",
        Some(391),
    ),
];

#[test]
fn each_bad_file_is_reported_and_left_untouched() {
    let dir = common::root().join("tests/data/bad-assessments");
    assert_eq!(
        files_in(&dir).len(),
        BAD.len(),
        "every file has an expectation"
    );
    let data = TempDir::new("bad");
    let lib = library(data.path());
    fs::create_dir_all(lib.assessments()).unwrap();
    for (name, _, _) in BAD {
        fs::copy(dir.join(name), lib.assessments().join(name)).unwrap();
    }
    let before: Vec<Vec<u8>> = BAD
        .iter()
        .map(|(n, _, _)| fs::read(lib.assessments().join(n)).unwrap())
        .collect();

    for (name, expected, line) in BAD {
        // Read as ietkit reads a file: its syntax, then its values against
        // the rubric.
        let err = assessment_file::read(&dir.join(name))
            .and_then(|loaded| loaded.check(&rubric()))
            .unwrap_err();
        let text = err.to_string();
        assert!(text.contains(name), "names the file: {text}");
        assert!(
            text.contains(expected),
            "{name}: expected {expected:?} in {text}"
        );
        assert_eq!(err.problems[0].line, *line, "{name}: {text}");
        // Past the responses, no response is named as the place.
        if *name == "screener-choice.ron" {
            assert!(!text.contains("near"), "{text}");
        }
    }
    // The library lists them, with their errors, beside a good one...
    let (mut app, mut session) = open_app(data.path());
    tui::feed(&mut app, "]2");
    session.apply(&mut app);
    let entries = lib.list(&rubric()).unwrap();
    assert_eq!(entries.len(), BAD.len() + 1);
    assert_eq!(
        entries.iter().filter(|e| e.summary.is_err()).count(),
        BAD.len()
    );
    // ... opening one fails cleanly and the open assessment stays ...
    for (name, _, _) in BAD {
        assert!(
            session
                .open(&mut app, &lib.assessments().join(name))
                .is_err()
        );
    }
    assert_eq!(
        app.assessment.response("PD-1").unwrap().rating,
        Rating::Level(2)
    );
    tui::feed(&mut app, "j3");
    session.apply(&mut app);
    // ... and none of the bad files was changed.
    for ((name, _, _), bytes) in BAD.iter().zip(before) {
        assert_eq!(
            fs::read(lib.assessments().join(name)).unwrap(),
            bytes,
            "{name} was modified"
        );
    }
}

#[test]
fn a_huge_file_is_refused_without_reading_it_all() {
    let data = TempDir::new("huge");
    let path = data.path().join("huge.ron");
    let f = fs::File::create(&path).unwrap();
    f.set_len(assessment_file::MAX_ASSESSMENT_BYTES + 1)
        .unwrap();
    let err = assessment_file::read(&path).unwrap_err().to_string();
    assert!(
        err.contains("larger than 16 MB, far more than any assessment needs"),
        "{err}"
    );
}

// ----- saving -------------------------------------------------------------------

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_change_is_saved_at_once_privately_with_history() {
    let temp = TempDir::new("save");
    // ietkit creates the data folder itself.
    let data_dir = temp.path().join("ietkit");
    let data = data_dir.as_path();
    let (mut app, mut session) = open_app(data);
    tui::feed(&mut app, "pCascade Ridge CC<Tab>Welding IET<Enter>");
    session.apply(&mut app);
    assert!(matches!(app.save, SaveState::Saved(_)));
    let path = session.path.clone().unwrap();
    assert_eq!(
        path,
        library(data).assessments().join("welding-iet-2026-27.ron")
    );
    let mut before_last = String::new();
    for _ in 0..(HISTORY_KEEP + 3) {
        before_last = std::fs::read_to_string(&path).unwrap();
        tui::feed(&mut app, "]1");
        session.apply(&mut app);
    }
    let saved = assessment_file::read(&path).unwrap().assessment;
    assert_eq!(saved.response("PD-1").unwrap().rating, Rating::Level(1));
    assert_eq!(saved.profile.college, "Cascade Ridge CC");
    // Saves within one second each keep their earlier version; the ten
    // newest are kept, the newest last.
    let history = assessment_file::history_of(&path);
    assert_eq!(history.len(), HISTORY_KEEP);
    assert_eq!(
        std::fs::read_to_string(history.last().unwrap()).unwrap(),
        before_last
    );
    for copy in &history {
        assessment_file::read(copy).unwrap_or_else(|e| panic!("history copy unreadable: {e}"));
    }
    #[cfg(unix)]
    {
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        assert_eq!(mode(&assessment_file::history_dir(&path)), 0o700);
        assert_eq!(mode(data), 0o700);
    }
    // Reopening in a new session shows what was saved.
    drop(session);
    let (mut app2, mut session2) = open_app(data);
    session2
        .open(&mut app2, &library(data).last().unwrap())
        .unwrap();
    assert_eq!(
        app2.assessment.response("PD-1").unwrap().rating,
        Rating::Level(1)
    );
}

#[test]
fn when_saving_fails_the_work_stays_open_and_the_user_is_told() {
    let data = TempDir::new("fail");
    // A data folder path under a plain file cannot be created, even by root.
    let blocker = data.path().join("not-a-folder");
    fs::write(&blocker, "x").unwrap();
    let (mut app, mut session) = open_app(&blocker.join("data"));
    tui::feed(&mut app, "]2");
    session.apply(&mut app);
    assert!(
        matches!(&app.save, SaveState::Failed(_)),
        "expected a failed save, got {:?}",
        app.save
    );
    let told = &app.message.as_ref().unwrap().0;
    assert!(told.contains("Your work is still open here"), "{told}");
    assert_eq!(
        app.assessment.response("PD-1").unwrap().rating,
        Rating::Level(2)
    );
    assert!(app.message.as_ref().unwrap().0.starts_with("Not saved:"));
    // The status bar keeps saying so after the message is gone.
    tui::feed(&mut app, "j");
    let screen = tui::screen(&app);
    let status = screen.lines().last().unwrap();
    assert!(status.contains("NOT SAVED"), "{status}");
    // Quitting now asks first, and offers a way out.
    tui::feed(&mut app, "q");
    assert!(!app.quit);
    assert!(tui::screen(&app).contains("NOT saved"));
    // Saving a copy elsewhere works.
    let copy = data.path().join("rescued.ron");
    tui::feed(&mut app, "no");
    tui::feed(&mut app, &format!("s{}<Enter>", copy.display()));
    session.apply(&mut app);
    assert_eq!(
        assessment_file::read(&copy)
            .unwrap()
            .assessment
            .response("PD-1")
            .unwrap()
            .rating,
        Rating::Level(2)
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_gives_a_plain_message() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    if nix::unistd::Uid::effective().is_root() {
        // Permissions do not bind root: this very test runs again as
        // another user (no account needed), from a copy of this test
        // program anyone may run.
        let dir = TempDir::new("ro-as-another");
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        let exe = dir.path().join("store-tests");
        fs::copy(std::env::current_exe().unwrap(), &exe).unwrap();
        fs::set_permissions(&exe, fs::Permissions::from_mode(0o755)).unwrap();
        let out = std::process::Command::new(&exe)
            .args([
                "--exact",
                "a_read_only_folder_gives_a_plain_message",
                "--nocapture",
            ])
            .env_clear()
            .env("HOME", std::env::temp_dir())
            .uid(61_001)
            .gid(61_000)
            .output()
            .unwrap();
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.status.success(), "as uid 61001: {said}");
        assert!(said.contains("1 passed"), "it ran: {said}");
        return;
    }
    let data = TempDir::new("ro");
    let lib = library(data.path());
    fs::create_dir_all(lib.assessments()).unwrap();
    fs::set_permissions(lib.assessments(), fs::Permissions::from_mode(0o500)).unwrap();
    assert!(
        fs::write(lib.assessments().join("probe"), "").is_err(),
        "the folder is read-only for this user"
    );
    let (mut app, mut session) = open_app(data.path());
    tui::feed(&mut app, "]2");
    session.apply(&mut app);
    match &app.save {
        SaveState::Failed(reason) => {
            assert!(
                reason.contains("you may not write in this folder"),
                "{reason}"
            );
            assert!(reason.contains("--data-dir"), "what to do: {reason}");
        }
        other => panic!("{other:?}"),
    }
    fs::set_permissions(lib.assessments(), fs::Permissions::from_mode(0o700)).unwrap();
}

// ----- rubric changes -------------------------------------------------------------

#[test]
fn an_assessment_from_another_rubric_version_is_matched_by_id() {
    let data = TempDir::new("version");
    let rubric = rubric();
    let mut old = Assessment::new(
        &rubric,
        Profile::default(),
        Purpose::EvaluatingExisting,
        "2025-26",
    );
    old.rubric.version = "2025.1".into();
    old.response_mut("PD-1").rating = Rating::Level(3);
    old.response_mut("PD-9").rating = Rating::Level(2);
    old.responses.retain(|r| r.indicator != "SE-7");
    let path = data.path().join("old.ron");
    assessment_file::save(&path, &old).unwrap();
    let (mut app, mut session) = open_app(data.path());
    session.open(&mut app, &path).unwrap();
    let message = app.message.clone().unwrap().0;
    assert!(
        message.contains(&format!("version 2025.1 then, {} now", rubric.version)),
        "{message}"
    );
    assert!(
        message.contains("New indicators, not rated yet: SE-7."),
        "{message}"
    );
    assert!(message.contains("kept but not scored: PD-9."), "{message}");
    assert_eq!(
        app.assessment.response("PD-1").unwrap().rating,
        Rating::Level(3)
    );
    assert_eq!(
        app.assessment.response("PD-9").unwrap().rating,
        Rating::Level(2),
        "retired, kept"
    );
    let scored = ietkit::model::scoring::score(&app.content.rubric, &app.assessment);
    assert_eq!(
        scored.overall.rated, 1,
        "the retired indicator is not scored"
    );
}

// ----- the library ------------------------------------------------------------------

#[test]
fn library_next_cycle_copy_rename_trash_and_restore() {
    let data = TempDir::new("lib");
    let lib = library(data.path());
    let (mut app, mut session) = open_app(data.path());
    tui::feed(&mut app, "pCascade Ridge CC<Tab>Welding IET<Enter>");
    tui::feed(
        &mut app,
        "]2<Enter>eShared calendar<Enter>aAlign weeks<Enter>aOld task<Tab><Tab><Tab><Right><Right><Enter><Esc>",
    );
    session.apply(&mut app);
    let first = session.path.clone().unwrap();

    // Next cycle: profile, evidence to re-check and open actions carried; no ratings.
    tui::feed(&mut app, "o");
    session.apply(&mut app);
    tui::feed(&mut app, "c");
    session.apply(&mut app);
    let next = &app.assessment;
    assert_eq!(next.cycle, "2027-28");
    assert_eq!(next.profile.program, "Welding IET");
    let r = next.response("PD-1").unwrap();
    assert_eq!(r.rating, Rating::Unrated);
    assert!(r.evidence[0].recheck, "evidence marked to re-check");
    assert_eq!(
        r.actions
            .iter()
            .map(|a| a.what.as_str())
            .collect::<Vec<_>>(),
        ["Align weeks"],
        "only open actions"
    );
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .0
            .contains("Started cycle 2027-28")
    );
    let second = session.path.clone().unwrap();
    assert_ne!(first, second);
    assert_eq!(lib.list(&rubric()).unwrap().len(), 2);

    // Copy, rename and trash the first, then restore it.
    tui::feed(&mut app, "o");
    session.apply(&mut app);
    tui::feed(&mut app, "m");
    session.apply(&mut app);
    assert_eq!(lib.list(&rubric()).unwrap().len(), 3);
    tui::feed(&mut app, "r");
    // The prompt holds the current name, to edit; Ctrl-U clears it.
    match app.overlays.last() {
        Some(ietkit::tui::app::Overlay::Prompt(p)) => {
            assert!(p.question.contains("Ctrl-U clears"), "{}", p.question);
            assert!(
                !ietkit::tui::form::value(&p.input).is_empty(),
                "the current name"
            );
        }
        _ => panic!("the rename prompt"),
    }
    tui::feed(&mut app, "<C-u>../../Etc Passwd<Enter>");
    session.apply(&mut app);
    let names: Vec<String> = lib
        .list(&rubric())
        .unwrap()
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert!(names.contains(&"etc-passwd".to_string()), "{names:?}");
    assert!(
        files_in(data.path()).iter().all(|p| !p.ends_with("passwd")),
        "nothing escapes the library"
    );
    // Trash the renamed copy (the list is sorted by name: it comes first).
    tui::feed(&mut app, "gdy");
    session.apply(&mut app);
    assert_eq!(lib.list(&rubric()).unwrap().len(), 2);
    assert_eq!(lib.trashed().len(), 1);
    // Named for when it went: its name and the moment, nothing after.
    let trashed = lib.trashed()[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        trashed.starts_with("etc-passwd.") && trashed.ends_with("Z.ron"),
        "{trashed}"
    );
    tui::feed(&mut app, "t");
    session.apply(&mut app);
    tui::feed(&mut app, "<Enter>");
    session.apply(&mut app);
    assert_eq!(lib.list(&rubric()).unwrap().len(), 3);
    assert!(lib.trashed().is_empty());
    // The open assessment can be neither trashed nor renamed.
    let open_name = second.file_stem().unwrap().to_string_lossy().into_owned();
    tui::feed(&mut app, "t");
    session.apply(&mut app);
    let rows = match app.overlays.last() {
        Some(ietkit::tui::app::Overlay::Library(v)) => v.rows.clone(),
        _ => panic!("library open"),
    };
    let at = rows.iter().position(|r| r.name == open_name).unwrap();
    tui::feed(&mut app, &format!("g{}d", "j".repeat(at)));
    session.apply(&mut app);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .0
            .contains("This assessment is open")
    );
    assert!(second.exists());
}

#[test]
fn import_checks_the_file_first_and_never_changes_the_source() {
    let data = TempDir::new("import");
    let lib = library(data.path());
    let bad = common::root().join("tests/data/bad-assessments/truncated.ron");
    let err = lib.import(&bad, None).unwrap_err();
    assert!(err.contains("the file ends too early"), "{err}");
    assert!(lib.list(&rubric()).unwrap().is_empty());

    let source = data.path().join("from-a-partner.ron");
    let mut a = Assessment::new(
        &rubric(),
        Profile::default(),
        Purpose::EvaluatingExisting,
        "2026-27",
    );
    a.profile.program = "Welding IET (ABS view)".into();
    assessment_file::save(&source, &a).unwrap();
    let before = fs::read(&source).unwrap();
    let imported = lib.import(&source, Some("/etc/passwd")).unwrap();
    assert_eq!(imported, lib.assessments().join("etc-passwd.ron"));
    let again = lib.import(&source, None).unwrap();
    assert_eq!(
        again,
        lib.assessments().join("from-a-partner.ron"),
        "named after the file"
    );
    assert_eq!(fs::read(&source).unwrap(), before);
}

#[test]
fn the_sample_assessments_load_cleanly_and_are_filled_in() {
    let dir = common::root().join("examples/assessments");
    let files = files_in(&dir);
    assert_eq!(files.len(), 7, "{files:?}");
    let rubric = rubric();
    for path in files {
        let loaded = assessment_file::read(&path).unwrap_or_else(|e| panic!("{e}"));
        let mut a = loaded.assessment;
        assert!(
            loaded.notices.is_empty(),
            "{}: {:?}",
            path.display(),
            loaded.notices
        );
        let notices = assessment_file::reconcile(&mut a, &rubric);
        assert!(
            notices.is_empty(),
            "{} was made with another rubric; run `cargo run --example sample_assessments`: {notices:?}",
            path.display()
        );
        let score = ietkit::model::scoring::score(&rubric, &a);
        assert!(
            score.overall.rated >= 12,
            "{}: only {} rated",
            path.display(),
            score.overall.rated
        );
        assert!(!a.profile.program.is_empty() && !a.assessors.is_empty());
    }
}

/// `w` in the library changes who is working: the name and partner are
/// kept in the data folder for the next session, and recorded with the
/// next change.
#[test]
fn w_in_the_library_changes_who_is_working_for_next_time_too() {
    let data = TempDir::new("who");
    let (mut app, mut session) = open_app(data.path());
    tui::feed(&mut app, "ow");
    assert!(
        matches!(
            app.overlays.last(),
            Some(ietkit::tui::app::Overlay::Form(_))
        ),
        "w asks who is working"
    );
    tui::feed(&mut app, "<Home><C-k>Rosa Lind<Tab><Right><Right><Enter>");
    session.apply(&mut app);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .0
            .contains("recorded as Rosa Lind (CTE)"),
        "{:?}",
        app.message
    );
    let dir = DataDir {
        path: data.path().to_path_buf(),
        chosen_by: ChosenBy::Flag,
    };
    let (who, known) = ietkit::store::people::who(Some(&dir));
    assert!(known, "kept for next time");
    assert_eq!(who.person.name, "Rosa Lind");
    assert_eq!(who.person.role, Some(Partner::CareerTechnicalEducation));
    // The next change is recorded as theirs.
    tui::feed(&mut app, "<Esc>]2");
    session.apply(&mut app);
    let saved = assessment_file::read(session.path.as_ref().unwrap())
        .unwrap()
        .assessment;
    let change = saved.changes.last().unwrap();
    assert_eq!(change.by, who.login);
    let people = format!("{:?}", saved.people.get(&who.login));
    assert!(
        people.contains("Rosa Lind"),
        "the record names them: {people}"
    );
}

#[test]
fn a_renamed_assessment_keeps_its_earlier_versions_and_leaves_others_alone() {
    let data = TempDir::new("rename-history");
    let lib = library(data.path());
    let mut a = Assessment::new(&rubric(), Profile::default(), Purpose::NewDesign, "2026");
    let weld = lib.create_named(&a, "weld").unwrap();
    let welding = lib.create_named(&a, "welding").unwrap();
    for (path, times) in [(&weld, 3), (&welding, 2)] {
        let file = lib.locate(path).unwrap();
        for n in 0..times {
            a.cycle = format!("202{n}");
            file.save(&a).unwrap();
        }
    }
    assert_eq!(assessment_file::history_of(&weld).len(), 3);

    let renamed = lib.rename(&weld, "Welding Fabrication").unwrap();
    assert_eq!(renamed.file_name().unwrap(), "welding-fabrication.ron");
    let kept = assessment_file::history_of(&renamed);
    assert_eq!(kept.len(), 3, "{kept:?}");
    // In their order, under the new name, and readable.
    let cycles: Vec<String> = kept
        .iter()
        .map(|p| assessment_file::read(p).unwrap().assessment.cycle)
        .collect();
    assert_eq!(cycles, ["2026", "2020", "2021"]);
    assert!(assessment_file::history_of(&weld).is_empty());
    // "welding" starts like "welding-fabrication" but is another file.
    assert_eq!(assessment_file::history_of(&welding).len(), 2);
}

/// The samples hold together where the content review found they did not,
/// and one shows Oregon's usual pattern in a facility: ABS with the
/// department's Work-based Learning program, Career Pathways for re-entry,
/// with each partner's own view beside the team's.
#[test]
fn the_samples_agree_with_themselves_and_show_the_facility_pattern() {
    use ietkit::model::screener::Answer;
    let read = |name: &str| {
        assessment_file::read(&common::root().join(format!("examples/assessments/{name}.ron")))
            .unwrap()
            .assessment
    };
    let level = |a: &Assessment, id: &str| match a.response(id).map(|r| &r.rating) {
        Some(Rating::Level(v)) => Some(*v),
        _ => None,
    };
    for name in [
        "welding-fabrication-iet-2025-26",
        "welding-fabrication-iet-2026-27",
        "diesel-technology-iet-north-fork-2026-27",
    ] {
        let a = read(name);
        // One set of objectives for part of the program is no yes.
        if level(&a, "CU-1").is_some_and(|v| v <= 1) {
            assert_ne!(a.screener.get("F-5"), Some(&Answer::Yes), "{name}");
        }
        // No paid planning time is no yes to planning time.
        if level(&a, "CU-5").is_some_and(|v| v <= 1) {
            assert_ne!(a.screener.get("GP-3"), Some(&Answer::Yes), "{name}");
        }
    }
    let team = read("diesel-technology-iet-north-fork-2026-27");
    assert_eq!(team.profile.site.kind, SiteKind::CorrectionalFacility);
    let partners: Vec<&Partner> = team.profile.partners.iter().map(|p| &p.partner).collect();
    assert!(
        partners.contains(&&Partner::Corrections) && partners.contains(&&Partner::CareerPathways)
    );
    assert!(!partners.contains(&&Partner::CareerTechnicalEducation));
    assert!(
        team.profile
            .partners
            .iter()
            .any(|p| p.lead.contains("Work-based Learning"))
    );
    assert!(team.profile.credentials[0].starts_with("Non-Credit Training Certificate"));
    for (view, partner) in [
        ("abs", Partner::AdultBasicSkills),
        ("doc", Partner::Corrections),
    ] {
        let v = read(&format!(
            "diesel-technology-iet-north-fork-2026-27-{view}-view"
        ));
        assert_eq!(v.cycle, team.cycle);
        assert_eq!(v.assessors.len(), 1);
        assert_eq!(v.assessors[0].partner, partner);
    }
}

/// An assessment made with the rubric before its 2026.2 wording opens
/// with the new one: every rating, note and item kept, by indicator id, and
/// the change of version said.
#[test]
fn an_assessment_made_with_the_previous_rubric_carries_over() {
    let path =
        common::root().join("tests/data/old-rubric/welding-2026-27-made-with-rubric-2026.1.ron");
    let loaded = assessment_file::read(&path).unwrap();
    let before = loaded.assessment.clone();
    assert_eq!(before.rubric.version, "2026.1");
    let mut a = loaded.assessment;
    let rubric = rubric();
    let notices = assessment_file::reconcile(&mut a, &rubric).join(" ");
    assert!(
        notices.contains("version 2026.1 then, 2026.2 now"),
        "{notices}"
    );
    assert!(
        !notices.contains("New indicators"),
        "the same ids: {notices}"
    );
    for r in &before.responses {
        let now = a.response(&r.indicator).expect("kept");
        assert_eq!(now.rating, r.rating, "{}", r.indicator);
        assert_eq!(now.notes, r.notes, "{}", r.indicator);
        assert_eq!(now.evidence, r.evidence, "{}", r.indicator);
        assert_eq!(now.actions, r.actions, "{}", r.indicator);
    }
}

/// A data folder from before the person's own state files: its one
/// `state.ron` still says which assessment was open last.
#[test]
fn the_last_assessment_from_an_older_state_file() {
    let data = TempDir::new("old-state");
    let lib = library(data.path());
    let a = Assessment::new(&rubric(), Profile::default(), Purpose::NewDesign, "2026-27");
    let path = lib.create_named(&a, "weld").unwrap();
    std::fs::write(data.path().join("state.ron"), "(last: Some(\"weld.ron\"))").unwrap();
    assert_eq!(lib.last(), Some(path));
}

/// A path into the library is the library's even before its folder is
/// made: never read as a file from elsewhere, whatever is put there later.
#[test]
fn a_path_into_a_library_not_made_yet_is_the_librarys() {
    let data = TempDir::new("not-made");
    let lib = library(data.path());
    let inside = lib.assessments().join("later.ron");
    assert!(
        matches!(lib.file_for(&inside), Some(Err(_))),
        "refused through the library"
    );
    let outside = data.path().join("elsewhere.ron");
    assert!(lib.file_for(&outside).is_none());
}
