//! Across programs: a roll-up of generated state folders checked against
//! a tally of its own, the samples' reports as snapshots, a regular CSV,
//! an HTML page that runs and fetches nothing, and the command line.

mod common;
#[path = "../examples/generate_assessments.rs"]
mod generator;
#[path = "common/tui.rs"]
mod tui;

use std::collections::BTreeMap;
use std::path::Path;

use common::TempDir;
use ietkit::model::assessment::Rating;
use ietkit::model::date::Date;
use ietkit::model::rollup::Order;
use ietkit::report::rollup::{self as report, Context};
use ietkit::store::library::Library;
use ietkit::store::paths::{ChosenBy, DataDir};

/// The day the tests take for today: what is overdue depends on it.
fn today() -> Date {
    Date::new(2026, 11, 30).unwrap()
}

fn library(dir: &Path) -> Library {
    Library::new(DataDir {
        path: dir.to_path_buf(),
        chosen_by: ChosenBy::Flag,
    })
}

fn context() -> Context<'static> {
    Context {
        rubric: "IET Quality Indicators (Oregon categories), version 2026.2",
        made: "2026-11-30".into(),
    }
}

/// A data folder holding the sample assessments.
fn samples(data: &Path) {
    let lib = data.join("assessments");
    std::fs::create_dir_all(&lib).unwrap();
    for e in std::fs::read_dir(common::root().join("examples/assessments")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), lib.join(e.file_name())).unwrap();
    }
}

fn roll(data: &Path, sources: &[&str], cycle: Option<&str>) -> ietkit::model::rollup::Rollup {
    let b = ietkit::store::embedded::builtin().unwrap();
    let sources: Vec<String> = sources.iter().map(|s| s.to_string()).collect();
    ietkit::cli::roll_up_sources(
        Some(&library(data)),
        &sources,
        &b.rubric,
        &b.screener,
        cycle,
        today(),
    )
    .unwrap()
}

/// Three hundred generated files rolled up; every figure against a tally
/// made here from the assessments the generator made, and the file it
/// meant to stand for each program.
#[test]
fn a_generated_state_folder_adds_up() {
    let b = ietkit::store::embedded::builtin().unwrap();
    let made = generator::generate(300, 7, &b.rubric, &b.screener);
    let data = TempDir::new("rollup-generated");
    let dir = data.path().join("assessments");
    std::fs::create_dir_all(&dir).unwrap();
    for m in &made.files {
        std::fs::write(
            dir.join(format!("{}.ron", m.file)),
            ietkit::store::assessment_file::to_text(&m.assessment),
        )
        .unwrap();
    }
    // One file that cannot be read is left out and says why.
    std::fs::write(dir.join("broken.ron"), "(format: 2, not an assessment").unwrap();
    let r = roll(data.path(), &[], None);

    let by_name: BTreeMap<&str, &ietkit::model::assessment::Assessment> = made
        .files
        .iter()
        .map(|m| (m.file.as_str(), &m.assessment))
        .collect();
    let mut chosen: Vec<&str> = r.programs.iter().map(|p| p.digest.name.as_str()).collect();
    let mut meant: Vec<&str> = made.standing.iter().map(String::as_str).collect();
    chosen.sort();
    meant.sort();
    assert_eq!(chosen, meant, "the file that stands for each program");
    assert_eq!(r.left_out.len(), made.files.len() - meant.len() + 1);
    let broken = r.left_out.iter().find(|l| l.name == "broken").unwrap();
    assert!(
        broken.why.starts_with("it cannot be read"),
        "{}",
        broken.why
    );

    let standing: Vec<&ietkit::model::assessment::Assessment> =
        meant.iter().map(|n| by_name[n]).collect();
    for row in &r.indicators {
        let (mut levels, mut na, mut unsure, mut unrated, mut sum) = ([0usize; 4], 0, 0, 0, 0u32);
        for a in &standing {
            let resp = a.responses.iter().find(|x| x.indicator == row.id);
            match resp.map(|x| &x.rating) {
                Some(Rating::Level(v)) => {
                    levels[usize::from(*v)] += 1;
                    sum += u32::from(*v);
                }
                Some(Rating::NotApplicable { .. }) => na += 1,
                _ => unrated += 1,
            }
            unsure += usize::from(resp.is_some_and(|x| x.unsure));
        }
        assert_eq!(row.levels, levels.to_vec(), "{}", row.id);
        assert_eq!(
            (row.not_applicable, row.unsure, row.unrated),
            (na, unsure, unrated),
            "{}",
            row.id
        );
        let given: usize = levels.iter().sum();
        let mean = (given > 0).then(|| f64::from(sum) / given as f64);
        assert_eq!(
            row.mean.map(|m| (m * 1e9).round()),
            mean.map(|m| (m * 1e9).round())
        );
    }
    // Overdue action items and screener verdicts, counted from the files.
    let overdue: usize = standing
        .iter()
        .filter(|a| {
            a.responses
                .iter()
                .flat_map(|x| &x.actions)
                .any(|x| x.status.is_open() && x.due.is_some_and(|d| d < today()))
        })
        .count();
    assert_eq!(r.overdue().len(), overdue);
    assert!(overdue > 10, "the generator makes some overdue");
    // The report names the ten with most, and counts the rest.
    let text = report::text(&r, &context(), Order::Weakest);
    assert!(
        text.contains(&format!("Programs with overdue action items ({overdue}):")),
        "{text}"
    );
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let most = r.overdue()[0];
    assert!(
        flat.contains(&format!(
            "{}: {} overdue action",
            ietkit::model::rollup::program_label(&most.digest),
            most.digest.overdue
        )),
        "{text}"
    );
    assert!(
        flat.contains(&format!("and {} more programs", overdue - 10)),
        "{text}"
    );
    let meets = standing
        .iter()
        .filter(|a| {
            b.screener
                .questions
                .iter()
                .filter(|q| q.required && q.group == ietkit::model::screener::TestGroup::Federal)
                .all(|q| a.screener.get(&q.id) == Some(&ietkit::model::screener::Answer::Yes))
        })
        .count();
    assert_eq!(r.verdicts[0][0], meets);
    assert_eq!(r.verdicts[0].iter().sum::<usize>(), standing.len());
    // Each category's mean is the mean of the programs' own means.
    for (c, cat) in b.rubric.categories.iter().enumerate() {
        let means: Vec<f64> = standing
            .iter()
            .filter_map(|a| {
                let v: Vec<u8> = cat
                    .indicators
                    .iter()
                    .filter_map(|i| {
                        match a
                            .responses
                            .iter()
                            .find(|x| x.indicator == i.id)
                            .map(|x| &x.rating)
                        {
                            Some(Rating::Level(v)) => Some(*v),
                            _ => None,
                        }
                    })
                    .collect();
                (!v.is_empty())
                    .then(|| v.iter().map(|&x| f64::from(x)).sum::<f64>() / v.len() as f64)
            })
            .collect();
        let mean = means.iter().sum::<f64>() / means.len() as f64;
        assert!(
            (r.categories[c].mean.unwrap() - mean).abs() < 1e-9,
            "{}",
            cat.id
        );
        assert_eq!(
            r.categories[c].bands.iter().sum::<usize>() + r.categories[c].no_mean,
            standing.len()
        );
    }
}

#[test]
fn the_samples_as_text_and_markdown() {
    let data = TempDir::new("rollup-samples");
    samples(data.path());
    let r = roll(data.path(), &[], None);
    let text = report::text(&r, &context(), Order::Weakest);
    insta::assert_snapshot!("rollup_text", text);
    assert!(
        text.lines().all(|l| l.chars().count() <= 80),
        "fits 80 columns"
    );
    insta::assert_snapshot!(
        "rollup_markdown",
        report::markdown(&r, &context(), Order::Rubric)
    );
}

#[test]
fn a_cycle_asked_for_and_sources_named() {
    let data = TempDir::new("rollup-cycle");
    samples(data.path());
    let r = roll(data.path(), &[], Some("2025-26"));
    let names: Vec<&str> = r.programs.iter().map(|p| p.digest.name.as_str()).collect();
    assert_eq!(names, ["welding-fabrication-iet-2025-26"]);
    assert!(
        r.left_out
            .iter()
            .all(|l| l.why.contains("not 2025-26 as asked")),
        "{:?}",
        r.left_out
    );
    // Named: a library name and a folder of files.
    let dir = common::root().join("examples/assessments");
    let r = roll(
        data.path(),
        &[
            "diesel-technology-iet-north-fork-2026-27",
            dir.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(r.programs.len(), 2);
    let diesel = r
        .programs
        .iter()
        .find(|p| p.digest.program.starts_with("Diesel"))
        .unwrap();
    // Named twice (by name and in the folder): one stands, the other is
    // left out as tied.
    assert!(
        r.left_out.iter().any(|l| l
            .name
            .ends_with("diesel-technology-iet-north-fork-2026-27.ron")
            || l.name == "diesel-technology-iet-north-fork-2026-27"),
        "{:?} {}",
        r.left_out,
        diesel.digest.name
    );
}

#[test]
fn csv_is_a_regular_table_and_html_runs_and_fetches_nothing() {
    let data = TempDir::new("rollup-formats");
    samples(data.path());
    let r = roll(data.path(), &[], None);
    let csv = report::csv(&r, Order::Rubric);
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let head: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        head,
        [
            "indicator",
            "title",
            "programs",
            "0 Not yet",
            "1 Beginning",
            "2 Developing",
            "3 Established",
            "N/A",
            "unsure",
            "not rated",
            "mean"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 35);
    assert!(rows.iter().all(|row| row.len() == head.len()));
    assert!(
        csv.contains("\r\n") && !csv.replace("\r\n", "").contains('\n'),
        "CRLF line ends"
    );
    let pd3 = rows.iter().find(|row| &row[0] == "PD-3").unwrap();
    assert_eq!(&pd3[2], "2");

    let html = report::html(&r, &context(), Order::Spread);
    let lower = html.to_lowercase();
    for banned in [
        "<script", "src=", "href=", "url(", "@import", "http://", "https://",
    ] {
        assert!(!lower.contains(banned), "{banned} in the page");
    }
    assert_eq!(
        html.matches("<section class=\"category\">").count(),
        5,
        "a page per category"
    );
    assert!(html.contains("break-before: page"));
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(&html, options).expect("the page is well-formed");
    // Each category's page holds its own indicators, and only those.
    let pd = html
        .split("<section class=\"category\">")
        .nth(1)
        .unwrap_or_default();
    assert!(
        pd.contains("PD-1 ") && pd.contains("PD-8 ") && !pd.contains("CI-1 "),
        "{pd}"
    );
    assert!(html.contains("<h3>Left out</h3>"));
    // Nothing left out: no such list.
    let alone = roll(data.path(), &["welding-fabrication-iet-2026-27"], None);
    assert!(alone.left_out.is_empty());
    assert!(!report::html(&alone, &context(), Order::Rubric).contains("Left out"));
    // Means to two places, as the tables show them.
    let json: serde_json::Value =
        serde_json::from_str(&report::json(&r, &context(), Order::Rubric)).unwrap();
    for (row, j) in r
        .indicators
        .iter()
        .zip(json["indicators"].as_array().unwrap())
    {
        let want = row.mean.map(|m| (m * 100.0).round() / 100.0);
        assert_eq!(j["mean"].as_f64(), want, "{}", row.id);
    }
    let se = &json["categories"][3];
    assert_eq!(se["id"], "SE");
    assert_eq!(se["mean"].as_f64(), Some(1.82), "1.8214... to two places");
    let json: serde_json::Value =
        serde_json::from_str(&report::json(&r, &context(), Order::Rubric)).unwrap();
    assert_eq!(json["programs"].as_array().unwrap().len(), 2);
    assert_eq!(json["indicators"].as_array().unwrap().len(), 35);
}

/// Hostile text in a file's program name never reaches a report as
/// anything but text.
#[test]
fn hostile_names_are_reported_cleaned() {
    let data = TempDir::new("rollup-hostile");
    let dir = data.path().join("assessments");
    std::fs::create_dir_all(&dir).unwrap();
    let mut a = common::hostile_assessment();
    a.profile.program = format!("=cmd|' /C calc'!A0 <script>{}", common::HOSTILE);
    std::fs::write(
        dir.join("h.ron"),
        ietkit::store::assessment_file::to_text(&a),
    )
    .unwrap();
    let r = roll(data.path(), &[], None);
    let text = report::text(&r, &context(), Order::Rubric);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text:?}"
    );
    let html = report::html(&r, &context(), Order::Rubric);
    assert!(!html.contains("<script>"), "escaped");
    let md = report::markdown(&r, &context(), Order::Rubric);
    assert!(!md.contains('\u{1b}'));
}

#[test]
fn the_command_line_writes_each_format_and_never_replaces_a_file_unasked() {
    let data = TempDir::new("rollup-cli");
    samples(data.path());
    for (format, start) in [
        ("text", "Roll-up of 2 programs"),
        ("md", "# Roll-up"),
        ("csv", "\u{feff}indicator,"),
        ("json", "{"),
        ("html", "<!DOCTYPE html>"),
    ] {
        let out = common::ietkit(
            &["rollup", "--format", format, "--order", "weakest"],
            data.path(),
        );
        assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
        let said = common::stdout(&out);
        // Standard output has no byte-order mark; a CSV file has.
        assert!(
            said.starts_with(start.trim_start_matches('\u{feff}')),
            "{format}: {said}"
        );
    }
    let file = data.path().join("rollup.csv");
    let out = common::ietkit(
        &["rollup", "--format", "csv", "-o", file.to_str().unwrap()],
        data.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("\u{feff}indicator,")
    );
    let out = common::ietkit(
        &["rollup", "--format", "csv", "-o", file.to_str().unwrap()],
        data.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        common::stderr(&out).contains("--force"),
        "{}",
        common::stderr(&out)
    );
    let out = common::ietkit(&["rollup", "no-such-program"], data.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        common::stderr(&out).contains("no assessment called"),
        "{}",
        common::stderr(&out)
    );
}

/// In the app: the library's u rolls up every assessment (or the marked
/// ones); s orders the indicators; x writes the roll-up where asked, in
/// the format its name ends in; Esc closes.
#[test]
fn the_app_rolls_up_from_the_library() {
    use ietkit::tui::app::Overlay;
    use ietkit::tui::session::Session;
    let data = TempDir::new("rollup-app");
    samples(data.path());
    let mut app = tui::app(100, 30);
    app.export_dir = data.path().to_path_buf();
    let mut session = Session::new(Some(library(data.path())));
    let mut keys = |app: &mut ietkit::tui::app::App, k: &str| {
        tui::feed(app, k);
        session.apply(app);
    };
    keys(&mut app, "o");
    keys(&mut app, "u");
    let screen = tui::screen(&app);
    assert!(screen.contains("Roll-up of 2 programs"), "{screen}");
    assert!(screen.contains("weakest mean first"), "{screen}");
    assert!(screen.contains("2 programs from 7 assessments"), "{screen}");
    let Some(Overlay::Rollup(view)) = app.overlays.last() else {
        panic!("no roll-up view");
    };
    assert_eq!(view.rollup.programs.len(), 2);
    keys(&mut app, "s");
    assert!(tui::screen(&app).contains("widest spread first"));
    // Where to act comes first; at the end, the files and what was left out.
    assert!(
        tui::screen(&app).contains("Where to act"),
        "{}",
        tui::screen(&app)
    );
    keys(&mut app, "G");
    assert!(
        tui::screen(&app).contains("Left out (5)"),
        "{}",
        tui::screen(&app)
    );
    // Ordering keeps the place.
    let before = match app.overlays.last() {
        Some(Overlay::Rollup(v)) => v.scroll,
        _ => 0,
    };
    keys(&mut app, "s");
    let Some(Overlay::Rollup(view)) = app.overlays.last() else {
        panic!("no roll-up view");
    };
    assert_eq!(view.scroll, before);
    assert!(before > 0);
    // Written as CSV, by the name given.
    let out = data.path().join("state.csv");
    keys(&mut app, "x");
    tui::feed(&mut app, "<C-u>");
    app.handle_event(ratatui::crossterm::event::Event::Paste(
        out.display().to_string(),
    ));
    keys(&mut app, "<Enter>");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(
        written.starts_with("\u{feff}indicator,title,programs,"),
        "{written}"
    );
    assert!(
        tui::screen(&app).contains("Wrote the roll-up"),
        "{}",
        tui::screen(&app)
    );
    // Not over a file that is there.
    keys(&mut app, "x");
    tui::feed(&mut app, "<C-u>");
    app.handle_event(ratatui::crossterm::event::Event::Paste(
        out.display().to_string(),
    ));
    keys(&mut app, "<Enter>");
    assert!(
        matches!(app.overlays.last(), Some(Overlay::Confirm { question, .. }) if question.contains("is already there. Replace it")),
        "{}",
        tui::screen(&app)
    );
    std::fs::write(&out, "mine").unwrap();
    keys(&mut app, "n");
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "mine",
        "kept when told no"
    );
    keys(&mut app, "x");
    tui::feed(&mut app, "<C-u>");
    app.handle_event(ratatui::crossterm::event::Event::Paste(
        out.display().to_string(),
    ));
    keys(&mut app, "<Enter>");
    keys(&mut app, "y");
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("indicator,title"),
        "replaced when told yes"
    );
    keys(&mut app, "<Esc>");
    assert!(!app.overlays.iter().any(|o| matches!(o, Overlay::Rollup(_))));
}

/// What a folder may hold besides assessments, and what a name may point
/// at: each left out and said, nothing followed, nothing counted twice.
#[test]
fn links_pipes_folders_other_rubrics_and_names_given_twice() {
    let data = TempDir::new("rollup-attack");
    samples(data.path());
    let dir = data.path().join("assessments");
    let secret = data.path().join("secret.txt");
    std::fs::write(&secret, "hunter2_SECRET = 5\n").unwrap();
    std::os::unix::fs::symlink(&secret, dir.join("s.ron")).unwrap();
    nix::unistd::mkfifo(
        &dir.join("y.ron"),
        nix::sys::stat::Mode::from_bits_truncate(0o600),
    )
    .unwrap();
    std::fs::create_dir(dir.join("z.ron")).unwrap();
    let mut other = ietkit::store::assessment_file::read(&dir.join(format!("{DIESEL}.ron")))
        .unwrap()
        .assessment;
    other.rubric.id = "some-other-rubric".into();
    other.profile.program = "Other Rubric IET".into();
    std::fs::write(
        dir.join("other.ron"),
        ietkit::store::assessment_file::to_text(&other),
    )
    .unwrap();

    // Not an assessment's name: not looked at at all.
    std::fs::write(dir.join("readme.txt"), "notes").unwrap();
    std::fs::write(dir.join(".x.ron"), "(").unwrap();
    let r = roll(data.path(), &[], None);
    assert!(
        !r.left_out
            .iter()
            .any(|l| l.name.contains("readme") || l.name.contains(".x")),
        "{:?}",
        r.left_out
    );
    let why = |name: &str| {
        r.left_out
            .iter()
            .find(|l| l.name == name)
            .map(|l| l.why.clone())
            .unwrap_or_else(|| panic!("{name} not left out: {:?}", r.left_out))
    };
    assert!(why("s").contains("a symbolic link"), "{}", why("s"));
    assert!(why("y").contains("a named pipe"), "{}", why("y"));
    assert!(why("z").contains("a folder"), "{}", why("z"));
    assert!(
        why("other").contains("some-other-rubric"),
        "{}",
        why("other")
    );
    assert!(
        !r.programs
            .iter()
            .any(|p| p.digest.program == "Other Rubric IET")
    );
    let text = report::text(&r, &context(), Order::Rubric);
    assert!(
        !text.contains("hunter2"),
        "nothing of the link's target is read"
    );

    // Named: the link is refused, never read through.
    let b = ietkit::store::embedded::builtin().unwrap();
    let named = ietkit::cli::roll_up_sources(
        Some(&library(data.path())),
        &["s".to_string()],
        &b.rubric,
        &b.screener,
        None,
        today(),
    );
    let said = match named {
        Ok(r) => format!("{:?}", r.left_out),
        Err(e) => e,
    };
    assert!(!said.contains("hunter2"), "{said}");

    // Named twice (by name, and within its folder): counted once.
    let folder = data.path().display().to_string();
    let r = roll(data.path(), &[TEAM, &folder], None);
    assert!(
        !r.left_out.iter().any(|l| l.why.contains("as complete as")),
        "{:?}",
        r.left_out
    );
    // A data folder named: its files are named by where they are.
    assert!(
        r.left_out
            .iter()
            .any(|l| l.name == format!("{folder}/assessments/{TEAM}-abs-view.ron")),
        "{:?}",
        r.left_out
    );
}

const DIESEL: &str = "diesel-technology-iet-north-fork-2026-27";
const TEAM: &str = "welding-fabrication-iet-2026-27";

#[test]
fn the_command_line_takes_the_format_from_the_file_and_says_which_cycles_there_are() {
    let data = TempDir::new("rollup-cli-more");
    samples(data.path());
    let html = data.path().join("state.html");
    let out = common::ietkit(&["rollup", "-o", html.to_str().unwrap()], data.path());
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let csv = data.path().join("weakest.csv");
    let out = common::ietkit(
        &[
            "rollup",
            "--order",
            "weakest",
            "--format",
            "html",
            "-o",
            csv.to_str().unwrap(),
        ],
        data.path(),
    );
    assert!(
        common::stderr(&out).contains("ends in .csv, but --format asks for html"),
        "{}",
        common::stderr(&out)
    );
    let out = common::ietkit(
        &["rollup", "--order", "weakest", "--format", "csv"],
        data.path(),
    );
    let first = common::stdout(&out)
        .lines()
        .nth(1)
        .unwrap_or_default()
        .to_string();
    assert!(
        first.starts_with("CI-4,") || first.starts_with("CI-6,") || first.starts_with("SE-6,"),
        "weakest first: {first}"
    );
    let out = common::ietkit(&["rollup", "--cycle", "1999-00"], data.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        common::stderr(&out)
            .contains("no assessment is of cycle 1999-00; the cycles there are: 2025-26, 2026-27."),
        "{}",
        common::stderr(&out)
    );
    // Nothing to roll up: said, with why, and a failure.
    let empty = TempDir::new("rollup-nothing");
    std::fs::create_dir_all(empty.path().join("assessments")).unwrap();
    std::fs::write(empty.path().join("assessments/broken.ron"), "(").unwrap();
    let out = common::ietkit(&["rollup"], empty.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        common::stderr(&out).contains("nothing to roll up")
            && common::stderr(&out).contains("broken: it cannot be read"),
        "{}",
        common::stderr(&out)
    );
    let out = common::ietkit(&["rollup", "--cycle", " "], data.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        common::stderr(&out).contains("--cycle needs a cycle"),
        "{}",
        common::stderr(&out)
    );
    // Written differently, one cycle.
    let out = common::ietkit(&["rollup", "--cycle", "2025-2026"], data.path());
    assert!(
        common::stdout(&out).contains("Roll-up of 1 program, cycle 2025-2026"),
        "{}",
        common::stdout(&out)
    );
}

/// The roll-up view at every size from 1x1 to 45x16, scrolled and
/// reordered at each: nothing panics, and at 40x12 it says what it is.
#[test]
fn the_roll_up_view_draws_at_every_size() {
    use ietkit::tui::session::Session;
    let data = TempDir::new("rollup-sizes");
    samples(data.path());
    let mut app = tui::app(80, 24);
    let mut session = Session::new(Some(library(data.path())));
    tui::feed(&mut app, "o");
    session.apply(&mut app);
    tui::feed(&mut app, "u");
    session.apply(&mut app);
    for w in 1..=45u16 {
        for h in 1..=16u16 {
            app.handle_event(ratatui::crossterm::event::Event::Resize(w, h));
            let _ = tui::screen(&app);
            tui::feed(&mut app, "Gs");
        }
    }
    app.handle_event(ratatui::crossterm::event::Event::Resize(40, 12));
    assert!(
        tui::screen(&app).contains("Roll-up"),
        "{}",
        tui::screen(&app)
    );
}

/// Below 60 columns the tables become lines of their own; from 60 on they
/// are tables, every line within the width.
#[test]
fn narrow_reports_become_lines_and_wide_ones_tables() {
    let data = TempDir::new("rollup-widths");
    samples(data.path());
    let r = roll(data.path(), &[], None);
    let narrow = report::text_at(&r, &context(), Order::Rubric, 40);
    assert!(narrow.contains("\n  0: 0, 1: "), "{narrow}");
    assert!(!narrow.contains("Mean  Sprd"), "no table: {narrow}");
    for width in [60, 80, 120] {
        let wide = report::text_at(&r, &context(), Order::Rubric, width);
        assert!(wide.contains("Mean  Sprd"), "{width}: {wide}");
        assert!(
            wide.lines().all(|l| l.chars().count() <= width),
            "{width}: {wide}"
        );
    }
}
