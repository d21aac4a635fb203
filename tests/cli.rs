//! The `ietkit` binary: exit statuses and what it prints.

mod common;

use common::{TempDir, ietkit, stderr, stdout};

#[test]
fn rubric_check_passes_the_shipped_files_with_status_0() {
    let data = TempDir::new("check-ok");
    let out = ietkit(
        &[
            "rubric",
            "check",
            "rubrics/oregon-iet-quality-indicators.ron",
            "rubrics/oregon-iet-toolkit.ron",
            "rubrics/is-this-an-iet.ron",
        ],
        data.path(),
    );
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}{}", stderr(&out));
    assert!(
        text.contains("Checked 3 files: 3 passed, 0 failed."),
        "{text}"
    );
    assert!(text.contains("5 categories, 35 indicators"), "{text}");
}

#[test]
fn rubric_check_fails_with_status_1_when_any_file_fails() {
    let data = TempDir::new("check-bad");
    let out = ietkit(
        &[
            "rubric",
            "check",
            "tests/data/good/mini-rubric.ron",
            "tests/data/bad-rubrics/duplicate-indicator-id.ron",
        ],
        data.path(),
    );
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("ok    tests/data/good/mini-rubric.ron"),
        "{text}"
    );
    assert!(
        text.contains("tests/data/bad-rubrics/duplicate-indicator-id.ron:35:21: indicator PD-1"),
        "file, line and column, then where: {text}"
    );
    assert!(
        text.contains("Checked 2 files: 1 passed, 1 failed."),
        "{text}"
    );
}

#[test]
fn rubric_check_of_a_missing_file_says_so() {
    let data = TempDir::new("check-missing");
    let out = ietkit(&["rubric", "check", "no/such/file.ron"], data.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("no/such/file.ron: cannot open it: there is no such file"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn rubric_check_needs_at_least_one_file() {
    let data = TempDir::new("check-none");
    let out = ietkit(&["rubric", "check"], data.path());
    assert_eq!(out.status.code(), Some(2), "a usage error");
    assert!(stderr(&out).contains("FILE"), "{}", stderr(&out));
}

#[test]
fn rubric_list_shows_built_in_and_own_rubrics_including_broken_ones() {
    let data = TempDir::new("list");
    let own = data.path().join("rubrics");
    std::fs::create_dir_all(&own).unwrap();
    std::fs::copy(
        common::root().join("tests/data/good/mini-rubric.ron"),
        own.join("mini.ron"),
    )
    .unwrap();
    std::fs::copy(
        common::root().join("tests/data/bad-rubrics/wrong-type.ron"),
        own.join("broken.ron"),
    )
    .unwrap();
    std::fs::write(own.join("notes.txt"), "not a rubric").unwrap();
    let out = ietkit(&["rubric", "list"], data.path());
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("rubrics/oregon-iet-quality-indicators.ron (built in)"),
        "{text}"
    );
    // The toolkit and the screener are listed too, as README says.
    assert!(text.contains("toolkit \"Oregon IET toolkit\""), "{text}");
    assert!(text.contains("screener \"Is this an IET?\""), "{text}");
    assert!(
        text.contains("rubric \"Mini rubric\" (mini, version 1)"),
        "{text}"
    );
    assert!(
        text.contains("broken.ron:11:20: near \"mini\": expected a whole number here."),
        "{text}"
    );
    assert!(!text.contains("notes.txt"), "only .ron files: {text}");
    assert!(
        text.contains(&format!("put its .ron file in {}", own.display())),
        "says where own rubrics go: {text}"
    );
}

#[test]
fn no_subcommand_prints_an_orientation_to_the_rubric() {
    let data = TempDir::new("orientation");
    let out = ietkit(&[], data.path());
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}{}", stderr(&out));
    let flowing = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for wanted in [
        "IET Quality Indicators (Oregon categories)",
        "not an official",
        "0 Not yet, 1 Beginning, 2 Developing, 3 Established",
        "Program Management, Staffing and Organization Support",
        "35 indicators in all.",
        "ietkit export NAME --format md",
    ] {
        assert!(flowing.contains(wanted), "missing {wanted:?} in:\n{text}");
    }
    assert!(
        text.contains(&data.path().display().to_string()),
        "names the data folder: {text}"
    );
    let data_line = format!("  {}", data.path().display());
    assert!(
        text.lines()
            .filter(|l| !l.starts_with(&data_line))
            .all(|l| l.chars().count() <= 80),
        "fits 80 columns:\n{text}"
    );
}

#[test]
fn another_rubric_can_be_used_and_a_bad_one_is_refused_clearly() {
    let data = TempDir::new("other-rubric");
    let out = ietkit(
        &["--rubric", "tests/data/good/mini-rubric.ron"],
        data.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("Rubric: Mini rubric, version 1"),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains("2 indicators in all."),
        "{}",
        stdout(&out)
    );

    let out = ietkit(
        &["--rubric", "tests/data/bad-rubrics/missing-field.ron"],
        data.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).contains("missing-field.ron:40:17: near \"PD-2\": `description` is missing"),
        "{}",
        stderr(&out)
    );

    let out = ietkit(&["--rubric", "rubrics/oregon-iet-toolkit.ron"], data.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("this is a toolkit file, but a rubric was expected"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn list_import_and_open_from_the_command_line() {
    let data = TempDir::new("cli-lib");
    let out = ietkit(&["list"], data.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("No saved assessments yet"),
        "{}",
        stdout(&out)
    );

    let out = ietkit(
        &[
            "import",
            "examples/assessments/welding-fabrication-iet-2025-26.ron",
        ],
        data.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Imported as welding-fabrication-iet-2025-26"),
        "{}",
        stdout(&out)
    );
    let out = ietkit(
        &[
            "import",
            "examples/assessments/welding-fabrication-iet-2026-27.ron",
            "--name",
            "Our 2026 view",
        ],
        data.path(),
    );
    assert!(
        stdout(&out).contains("Imported as our-2026-view"),
        "{}",
        stdout(&out)
    );

    // A broken file in the library is listed with its error, and left alone.
    let broken = data.path().join("assessments/broken.ron");
    std::fs::copy(
        common::root().join("tests/data/bad-assessments/truncated.ron"),
        &broken,
    )
    .unwrap();
    let before = std::fs::read(&broken).unwrap();
    let out = ietkit(&["list"], data.path());
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text.contains("Welding Fabrication IET, Cascade Ridge Community College, 2025-26"),
        "{text}"
    );
    assert!(text.contains("35 of 35 done"), "{text}");
    assert!(
        text.contains("broken  (cannot be read; the file is left as it is)"),
        "{text}"
    );
    assert!(text.contains("broken.ron:60:27"), "{text}");
    assert!(text.contains("3 assessments in"), "{text}");
    assert_eq!(std::fs::read(&broken).unwrap(), before);

    let out = ietkit(
        &["import", "tests/data/bad-assessments/garbage.ron"],
        data.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("this is not UTF-8 text"),
        "{}",
        stderr(&out)
    );

    // The full screen needs a terminal; without one it says so rather
    // than hanging, and names the linear mode, which needs none.
    let on = |term: Option<&str>, args: &[&str]| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_ietkit"));
        c.args(args)
            .env("IETKIT_DATA_DIR", data.path())
            .stdin(std::process::Stdio::null());
        match term {
            Some(t) => c.env("TERM", t),
            None => c.env_remove("TERM"),
        };
        c.output().unwrap()
    };
    let out = on(Some("xterm-256color"), &["open", "our-2026-view"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("needs a terminal") && stderr(&out).contains("--linear"),
        "{}",
        stderr(&out)
    );
    // With no TERM, or --linear, the lines: here with nothing to read.
    for (term, args) in [
        (None, &["open", "our-2026-view"][..]),
        (
            Some("xterm-256color"),
            &["--linear", "open", "our-2026-view"][..],
        ),
    ] {
        let out = on(term, args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(stdout(&out).contains("linear mode"), "{}", stdout(&out));
        assert!(!out.stdout.contains(&0x1b));
    }
    let out = ietkit(&["open", "no-such-assessment"], data.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no assessment called \"no-such-assessment\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn help_names_the_data_folder_in_use() {
    let data = TempDir::new("help-dir");
    let out = ietkit(&["--help"], data.path());
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.contains(&format!("Data folder: {}", data.path().display())),
        "{text}"
    );
    assert!(text.contains("(set with IETKIT_DATA_DIR)"), "{text}");
    assert!(
        text.contains("--data-dir") && text.contains("IETKIT_DATA_DIR"),
        "how to change it: {text}"
    );
    assert!(text.contains("rubric"), "{text}");
}

const ABS: &str = "examples/assessments/welding-fabrication-iet-2026-27-abs-view.ron";
const CTE: &str = "examples/assessments/welding-fabrication-iet-2026-27-cte-view.ron";
const TEAM: &str = "examples/assessments/welding-fabrication-iet-2026-27.ron";
const LAST_YEAR: &str = "examples/assessments/welding-fabrication-iet-2025-26.ron";

#[test]
fn compare_partner_views_as_a_table_that_fits_80_columns() {
    let data = TempDir::new("compare-text");
    let out = ietkit(&["compare", ABS, CTE, TEAM, "--only-diff"], data.path());
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        text.lines().all(|l| l.chars().count() <= 80),
        "fits 80 columns:\n{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn compare_two_cycles_in_markdown_and_csv() {
    let data = TempDir::new("compare-md");
    let out = ietkit(
        &["compare", LAST_YEAR, TEAM, "--format", "md", "--ascii"],
        data.path(),
    );
    let md = stdout(&out);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        md.contains("| ID | Indicator | 2025-26 | 2026-27 | Change |"),
        "{md}"
    );
    // Named later cycle first, the columns still run oldest first, so a
    // change reads from earlier to later.
    let out = ietkit(
        &["compare", TEAM, LAST_YEAR, "--format", "md", "--ascii"],
        data.path(),
    );
    assert_eq!(stdout(&out), md, "the same comparison whatever the order");
    assert!(
        md.contains("| PD-3 | Components run at the same time | 1 | 3 | +2 |"),
        "{md}"
    );
    assert!(md.contains("Mean level: 2025-26 1.9, 2026-27 2.5."), "{md}");
    // Each row in its own category's table, and only there.
    let pd = md
        .find("\n## Program Design\n")
        .expect("a Program Design table");
    let ci = md
        .find("\n## Collaboration and Industry Engagement\n")
        .expect("the next");
    let row = md.find("| PD-3 |").unwrap();
    assert!(pd < row && row < ci, "{md}");
    assert_eq!(md.matches("| PD-3 |").count(), 1, "{md}");

    // Partners' views say who rated each; the team's says nobody.
    let out = ietkit(&["compare", ABS, CTE, TEAM, "--format", "md"], data.path());
    let md = stdout(&out);
    assert!(
        md.contains(&format!(
            "- **ABS**: {ABS}, rated by ABS instructional coordinator\n"
        )),
        "{md}"
    );
    assert!(
        md.contains(&format!(
            "- **CTE**: {CTE}, rated by Welding program chair\n"
        )),
        "{md}"
    );
    assert!(md.contains(&format!("- **ABS+CTE+CP**: {TEAM}\n")), "{md}");

    let out = ietkit(
        &["compare", LAST_YEAR, TEAM, "--format", "csv"],
        data.path(),
    );
    let csv = stdout(&out);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "category,id,indicator,2025-26,2026-27,change");
    assert_eq!(lines.len(), 36, "a header and 35 indicators");
    assert!(
        lines.contains(&"Program Design,PD-3,Components run at the same time,1,3,+2"),
        "{csv}"
    );
    assert!(
        lines.contains(&"\"Program Management, Staffing and Organization Support\",PM-5,Data systems record the IET correctly,1?,3,+2"),
        "commas quoted:\n{csv}"
    );
}

#[test]
fn compare_refuses_unreadable_inputs_naming_the_file() {
    let data = TempDir::new("compare-bad");
    let out = ietkit(
        &["compare", TEAM, "tests/data/bad-assessments/truncated.ron"],
        data.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).contains("truncated.ron:60:27"),
        "{}",
        stderr(&out)
    );
    let out = ietkit(&["compare", TEAM], data.path());
    assert_eq!(out.status.code(), Some(2), "needs two");
}

#[test]
fn export_writes_each_format_to_standard_output() {
    let data = TempDir::new("export-stdout");
    for (format, starts) in [
        (
            "md",
            "# IET self-assessment: Welding Fabrication IET, 2026-27",
        ),
        ("csv", "category,category name,indicator,title,rating,"),
        ("html", "<!DOCTYPE html>"),
        ("json", "{"),
    ] {
        let out = ietkit(&["export", TEAM, "--format", format], data.path());
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        assert!(
            stdout(&out).starts_with(starts),
            "{format}: {}",
            stdout(&out)
        );
        assert!(stderr(&out).is_empty(), "{format}: {}", stderr(&out));
    }
    let out = ietkit(
        &["export", TEAM, "--format", "csv", "--actions"],
        data.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("due,action,owner,status,indicator,"));
}

#[test]
fn export_by_library_name_to_a_file_and_never_over_one_without_force() {
    let data = TempDir::new("export-file");
    let imported = ietkit(&["import", TEAM], data.path());
    assert_eq!(imported.status.code(), Some(0), "{}", stderr(&imported));
    let target = data.path().join("report.md");
    let target_s = target.to_str().unwrap();
    let args = [
        "export",
        "welding-fabrication-iet-2026-27",
        "--format",
        "md",
        "-o",
        target_s,
    ];
    let out = ietkit(&args, data.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains("Wrote the Markdown report to edit to"));
    let first = std::fs::read_to_string(&target).unwrap();
    assert!(first.contains("## Action plan"));

    std::fs::write(&target, "the team's edits").unwrap();
    let out = ietkit(&args, data.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("report.md already exists; add --force to replace it"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "the team's edits",
        "left alone"
    );
    let mut forced = args.to_vec();
    forced.push("--force");
    let out = ietkit(&forced, data.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), first);
}

#[test]
fn dash_and_dev_stdout_are_standard_output_even_a_pipe() {
    let data = TempDir::new("export-dash");
    let imported = ietkit(&["import", TEAM], data.path());
    assert_eq!(imported.status.code(), Some(0), "{}", stderr(&imported));
    let plain = ietkit(
        &[
            "export",
            "welding-fabrication-iet-2026-27",
            "--format",
            "csv",
        ],
        data.path(),
    );
    assert!(!stdout(&plain).is_empty());
    for to in ["-", "/dev/stdout"] {
        let out = ietkit(
            &[
                "export",
                "welding-fabrication-iet-2026-27",
                "--format",
                "csv",
                "-o",
                to,
            ],
            data.path(),
        );
        assert_eq!(out.status.code(), Some(0), "{to}: {}", stderr(&out));
        assert_eq!(stdout(&out), stdout(&plain), "{to}");
        assert!(!data.path().join("-").exists());
    }
}

#[test]
fn a_csv_file_opens_right_in_a_spreadsheet_and_standard_output_stays_plain() {
    let data = TempDir::new("export-bom");
    let target = data.path().join("state.csv");
    let out = ietkit(
        &[
            "export",
            TEAM,
            "--format",
            "csv",
            "-o",
            target.to_str().unwrap(),
        ],
        data.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = std::fs::read(&target).unwrap();
    assert!(
        bytes.starts_with(b"\xef\xbb\xbfcategory,"),
        "a byte-order mark for Excel"
    );
    let mut reader = csv::Reader::from_reader(&bytes[..]);
    assert_eq!(
        &reader.headers().unwrap()[0],
        "category",
        "CSV readers skip the mark"
    );
    assert_eq!(reader.records().count(), 35);
    let piped = ietkit(&["export", TEAM, "--format", "csv"], data.path());
    assert!(
        stdout(&piped).starts_with("category,"),
        "no mark for scripts"
    );
}

#[test]
fn export_failures_say_what_is_wrong_and_exit_non_zero() {
    let data = TempDir::new("export-bad");
    let out = ietkit(
        &["export", "no-such-program", "--format", "md"],
        data.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no assessment called \"no-such-program\"")
            && stderr(&out).contains("`ietkit list` shows the saved ones"),
        "{}",
        stderr(&out)
    );
    let missing = data.path().join("no/such/folder/report.html");
    let out = ietkit(
        &[
            "export",
            TEAM,
            "--format",
            "html",
            "-o",
            missing.to_str().unwrap(),
        ],
        data.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("does not exist; create it first or choose another"),
        "{}",
        stderr(&out)
    );
    let out = ietkit(&["export", TEAM, "--format", "pdf"], data.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("[possible values: md, csv, html, json]"),
        "{}",
        stderr(&out)
    );
    let out = ietkit(
        &["export", TEAM, "--format", "md", "--actions"],
        data.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--actions goes with --format csv"));
    let out = ietkit(
        &["export", TEAM, "--format", "html", "--screener"],
        data.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--screener goes with --format csv"));
    let out = ietkit(
        &["export", TEAM, "--format", "csv", "--screener"],
        data.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("standard,result,question,"));
    assert!(stdout(&out).contains("Oregon key features,"));
    let out = ietkit(
        &["export", TEAM, "--format", "csv", "--screener", "--actions"],
        data.path(),
    );
    assert_eq!(out.status.code(), Some(2), "one CSV at a time");
    let out = ietkit(
        &[
            "export",
            "tests/data/bad-assessments/truncated.ron",
            "--format",
            "csv",
        ],
        data.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).contains("truncated.ron:60:27"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn summary_prints_means_and_counts_and_can_explain_them() {
    let data = TempDir::new("summary");
    let out = ietkit(&["summary", TEAM], data.path());
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        text.contains(
            "PD Program Design                            2.50      8    0          0       0"
        ),
        "{text}"
    );
    assert!(text.contains("Add --explain"), "{text}");
    let out = ietkit(&["summary", TEAM, "--explain"], data.path());
    let text = stdout(&out);
    assert!(
        text.contains("Mean = (3 + 3 + 3 + 2 + 3 + 2 + 2 + 2) / 8 = 2.50."),
        "{text}"
    );
    let out = ietkit(&["summary", "nothing-here"], data.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no assessment called \"nothing-here\""));
}

#[test]
fn completions_for_bash_zsh_and_fish() {
    let data = TempDir::new("completions");
    for shell in ["bash", "zsh", "fish"] {
        let out = ietkit(&["completions", shell], data.path());
        let text = stdout(&out);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        assert!(text.contains("ietkit"), "{shell}");
        assert!(
            text.contains("export") && text.contains("summary"),
            "{shell}: {text}"
        );
    }
    let out = ietkit(&["completions", "tcsh"], data.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("possible values"), "{}", stderr(&out));
}

#[test]
fn export_uses_the_rubric_an_assessment_was_made_with() {
    let data = TempDir::new("export-own-rubric");
    let mini = common::own_rubric(data.path());
    let a = ietkit::model::assessment::Assessment::new(
        &mini,
        ietkit::model::assessment::Profile::default(),
        ietkit::model::assessment::Purpose::NewDesign,
        "2026-27",
    );
    let file = data.path().join("ours.ron");
    ietkit::store::assessment_file::save(&file, &a).unwrap();
    let out = ietkit(
        &["export", file.to_str().unwrap(), "--format", "csv"],
        data.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = stdout(&out);
    assert_eq!(
        csv.lines().count(),
        1 + mini.indicator_count(),
        "a row per indicator of its own rubric:\n{csv}"
    );
    assert!(!csv.contains("No longer in the rubric"), "{csv}");
}

#[test]
fn answers_and_responses_the_rubric_and_screener_do_not_know_are_named() {
    let data = TempDir::new("unknown-keys");
    let sample = std::fs::read_to_string(common::root().join(TEAM)).unwrap();
    let odd = sample.replacen("\"F-1\": Yes", "\"f-1\": Yes", 1).replacen(
        "indicator: \"PD-8\"",
        "indicator: \"PD-99\"",
        1,
    );
    assert_ne!(odd, sample);
    let file = data.path().join("odd.ron");
    std::fs::write(&file, odd).unwrap();
    let out = ietkit(&["summary", file.to_str().unwrap()], data.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.contains("ietkit: note: Answers to questions \"Is this an IET?\" does not ask, kept but not counted: \"f-1\"."),
        "{said}"
    );
    assert!(
        said.contains("No longer in the rubric, kept but not scored: PD-99."),
        "{said}"
    );
    // Standard output stays the summary alone.
    assert!(!stdout(&out).contains("note:"));
}

/// The data folder in use: `--data-dir` first, then `IETKIT_DATA_DIR`, then
/// `$XDG_DATA_HOME/ietkit`, then `~/.local/share/ietkit`; `--help` says which
/// and how it was chosen.
#[test]
fn the_data_folder_is_chosen_by_flag_then_variable_then_the_default() {
    let base = TempDir::new("which-folder");
    let [flag, var, xdg, home] = ["flag", "var", "xdg", "home"].map(|n| base.path().join(n));
    let help = |args: &[&str], env: &[(&str, &std::path::Path)]| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_ietkit"));
        cmd.args(args)
            .arg("--help")
            .env_remove("IETKIT_DATA_DIR")
            .env_remove("XDG_DATA_HOME")
            .env("HOME", &home);
        for (k, v) in env {
            cmd.env(k, v);
        }
        stdout(&cmd.output().unwrap())
    };
    let flag_arg = flag.display().to_string();
    let all = [
        ("IETKIT_DATA_DIR", var.as_path()),
        ("XDG_DATA_HOME", xdg.as_path()),
    ];
    for args in [
        vec!["--data-dir", flag_arg.as_str()],
        vec!["--mono", "--data-dir", flag_arg.as_str()],
    ] {
        let text = help(&args, &all);
        assert!(
            text.contains(&format!(
                "Data folder: {} (set with --data-dir)",
                flag.display()
            )),
            "{args:?}: {text}"
        );
    }
    let joined = format!("--data-dir={flag_arg}");
    let text = help(&[joined.as_str()], &all);
    assert!(
        text.contains(&format!(
            "Data folder: {} (set with --data-dir)",
            flag.display()
        )),
        "{text}"
    );
    let text = help(&[], &all);
    assert!(
        text.contains(&format!(
            "Data folder: {} (set with IETKIT_DATA_DIR)",
            var.display()
        )),
        "{text}"
    );
    let text = help(&[], &all[1..]);
    assert!(
        text.contains(&format!(
            "Data folder: {} (the default)",
            xdg.join("ietkit").display()
        )),
        "{text}"
    );
    let text = help(&[], &[]);
    assert!(
        text.contains(&format!(
            "Data folder: {} (the default)",
            home.join(".local/share/ietkit").display()
        )),
        "{text}"
    );
    // And it is where files go: an import with the flag lands under it.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ietkit"))
        .args(["--data-dir", &flag_arg, "import", TEAM])
        .current_dir(common::root())
        .env("IETKIT_DATA_DIR", &var)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        flag.join("assessments/welding-fabrication-iet-2026-27.ron")
            .is_file()
    );
    assert!(!var.exists(), "nothing written where the variable points");
}

/// A name taken in the library gets the next free one: `-2`, then `-3`.
#[test]
fn importing_one_name_again_gives_the_next_free_name() {
    let data = TempDir::new("import-again");
    for _ in 0..3 {
        let out = ietkit(&["import", TEAM], data.path());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let mut names: Vec<String> = std::fs::read_dir(data.path().join("assessments"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron"))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "welding-fabrication-iet-2026-27-2.ron",
            "welding-fabrication-iet-2026-27-3.ron",
            "welding-fabrication-iet-2026-27.ron"
        ]
    );
}

#[test]
fn import_takes_several_files_and_says_which_did_not_go_in() {
    let data = TempDir::new("import-several");
    let out = ietkit(
        &[
            "import",
            "examples/assessments/welding-fabrication-iet-2025-26.ron",
            "tests/data/bad-assessments/truncated.ron",
            "examples/assessments/diesel-technology-iet-north-fork-2026-27.ron",
        ],
        data.path(),
    );
    let (said, told) = (stdout(&out), stderr(&out));
    assert_eq!(out.status.code(), Some(1), "one failed: {said}{told}");
    assert!(
        said.contains("Imported as welding-fabrication-iet-2025-26"),
        "{said}"
    );
    assert!(
        said.contains("Imported as diesel-technology-iet-north-fork-2026-27"),
        "{said}"
    );
    assert!(
        told.contains("truncated.ron:60"),
        "the bad one, by file and line: {told}"
    );
    assert!(told.contains("1 of 3 files not imported"), "{told}");
    let list = stdout(&ietkit(&["list"], data.path()));
    assert!(
        list.contains("welding-fabrication-iet-2025-26") && list.contains("diesel"),
        "{list}"
    );
    assert!(!list.contains("truncated"), "{list}");

    // --name names one file only.
    let out = ietkit(&["import", "--name", "x", "a.ron", "b.ron"], data.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--name names one file"),
        "{}",
        stderr(&out)
    );
    assert!(!data.path().join("assessments/x.ron").exists());
}

#[test]
fn an_unknown_name_suggests_the_close_ones_and_ietkit_list() {
    let data = TempDir::new("did-you-mean");
    let out = ietkit(
        &[
            "import",
            "examples/assessments/welding-fabrication-iet-2025-26.ron",
            "examples/assessments/diesel-technology-iet-north-fork-2026-27.ron",
        ],
        data.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for (typed, meant) in [
        (
            "weldng-fabrication",
            Some("welding-fabrication-iet-2025-26"),
        ),
        ("welding-2025", Some("welding-fabrication-iet-2025-26")),
        ("diesel", Some("diesel-technology-iet-north-fork-2026-27")),
        ("nursing", None),
    ] {
        for command in ["summary", "open"] {
            let out = ietkit(&[command, typed], data.path());
            let told = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{command} {typed}: {told}");
            assert!(
                told.contains("`ietkit list` shows the saved ones"),
                "{told}"
            );
            match meant {
                Some(name) => assert!(told.contains(&format!("Did you mean {name}?")), "{told}"),
                None => assert!(!told.contains("Did you mean"), "{told}"),
            }
        }
    }
}

#[test]
fn man_prints_a_manual_page_from_the_commands() {
    let data = TempDir::new("man");
    let out = ietkit(&["man"], data.path());
    let page = stdout(&out);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        page.starts_with(".ie") || page.contains(".TH ietkit 1"),
        "{page}"
    );
    assert!(page.contains(".TH ietkit 1"), "{page}");
    for part in [
        "import",
        "export",
        "team",
        "rubric",
        "completions",
        "IET Quality Indicators",
        "\\-\\-data\\-dir",
    ] {
        assert!(page.contains(part), "{part} missing from the man page");
    }
}

/// A path given for an assessment or a rubric that is not a readable file
/// says what it is and what to do, for a folder, a socket and a file the
/// user may not read.
#[test]
fn a_path_that_is_not_a_readable_file_says_what_it_is() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let data = TempDir::new("not-a-file");
    let place = TempDir::new("not-a-file-place");
    let folder = place.path().join("folder.ron");
    std::fs::create_dir(&folder).unwrap();
    let socket = place.path().join("socket.ron");
    let _listening = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    for (path, says) in [
        (&folder, "this is a folder, not a file."),
        (&socket, "this is a socket or a device, not a file."),
    ] {
        let p = path.to_str().unwrap();
        for args in [vec!["summary", p], vec!["rubric", "check", p]] {
            let out = ietkit(&args, data.path());
            let told = format!("{}{}", stdout(&out), stderr(&out));
            assert_ne!(out.status.code(), Some(0), "{args:?}");
            assert!(told.contains(says), "{args:?}: {told}");
        }
    }
    // A file kept private by someone else.
    let private = place.path().join("private.ron");
    std::fs::copy(
        common::root().join("examples/assessments/welding-fabrication-iet-2025-26.ron"),
        &private,
    )
    .unwrap();
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(place.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_ietkit"));
    command
        .args(["summary", private.to_str().unwrap()])
        .env("IETKIT_DATA_DIR", data.path())
        .env("HOME", place.path());
    if nix::unistd::Uid::effective().is_root() {
        // Root reads everything: another user does not.
        command.uid(61003).gid(61000);
    }
    let out = command.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "cannot open it: permission denied; ask whoever manages the folder for access."
        ),
        "{}",
        stderr(&out)
    );
}
