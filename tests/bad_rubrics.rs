//! Every file in tests/data/bad-rubrics/ holds one kind of mistake. Each must
//! be rejected with a message naming the problem and the line it is on; the
//! expectations are written at the top of each file:
//!   // expect: <text the message must contain>
//!   // expect-line: <line the first problem is reported at>

mod common;

use std::path::PathBuf;

use ietkit::store::catalogue;

fn bad_files() -> Vec<PathBuf> {
    let dir = common::root().join("tests/data/bad-rubrics");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

/// The `// expect...` header, read leniently so a non-UTF-8 file still works.
fn expectations(path: &PathBuf) -> (Vec<String>, Option<usize>) {
    let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
    let mut expects = Vec::new();
    let mut line = None;
    for l in text.lines().take_while(|l| l.starts_with("//")) {
        if let Some(e) = l.strip_prefix("// expect: ") {
            expects.push(e.to_string());
        } else if let Some(n) = l.strip_prefix("// expect-line: ") {
            line = Some(n.trim().parse().unwrap());
        }
    }
    (expects, line)
}

#[test]
fn there_are_many_kinds_of_mistake() {
    assert!(bad_files().len() >= 8, "at least 8 kinds of mistake");
}

#[test]
fn each_bad_file_is_rejected_with_the_problem_and_where_it_is() {
    for path in bad_files() {
        let (expects, line) = expectations(&path);
        assert!(
            !expects.is_empty(),
            "{} has no `// expect:` line",
            path.display()
        );
        let entry = catalogue::check_paths(std::slice::from_ref(&path))
            .pop()
            .unwrap();
        let err = match entry.result {
            Ok(_) => panic!("{} was accepted", path.display()),
            Err(e) => e,
        };
        let message = err.to_string();
        assert!(
            message.starts_with(&path.display().to_string()),
            "names the file: {message}"
        );
        for e in &expects {
            assert!(
                message.contains(e.as_str()),
                "{}: expected {e:?} in:\n{message}",
                path.display()
            );
        }
        let line = line.unwrap_or_else(|| panic!("{} has no `// expect-line:`", path.display()));
        assert_eq!(
            err.problems[0].line,
            Some(line),
            "{}: {message}",
            path.display()
        );
        assert!(
            !message.chars().any(|c| c.is_control() && c != '\n'),
            "{}: message carries a control character",
            path.display()
        );
    }
}

#[test]
fn good_variants_of_the_same_files_pass() {
    let dir = common::root().join("tests/data/good");
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 4);
    for entry in catalogue::check_paths(&files) {
        if let Err(e) = entry.result {
            panic!("{e}");
        }
    }
}

/// A field a screener does not have, anywhere but its verdicts, is named
/// as any unknown field is: the old one-verdict explanation is only for
/// the old verdict fields in `verdicts`.
#[test]
fn an_unknown_field_in_a_question_is_not_taken_for_the_old_verdicts() {
    use ietkit::store::{data_file, embedded};
    let source =
        embedded::SCREENER
            .source
            .replacen("required: true,", "required: true, not_yet: true,", 1);
    assert_ne!(source, embedded::SCREENER.source, "the field went in");
    let e = data_file::load_screener("s.ron", &source)
        .unwrap_err()
        .to_string();
    assert!(!e.contains("one verdict"), "{e}");
    assert!(e.contains("not_yet"), "{e}");
}
