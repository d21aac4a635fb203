//! Reading rubric, toolkit and screener files with messages that say which
//! file, which line and what to do.

use std::fmt;
use std::io::Read;
use std::path::Path;

use ron::error::{Error as RonError, SpannedError};
use serde::de::DeserializeOwned;

use crate::model::rubric::Rubric;
use crate::model::screener::Screener;
use crate::model::toolkit::Toolkit;
use crate::model::validate::{self, Anchor, Problem};
use crate::text;

/// Larger files are refused unread: no real rubric comes near this, and a
/// huge file would only stall a slow session.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Rubric,
    Toolkit,
    Screener,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Rubric, Kind::Toolkit, Kind::Screener];

    /// The name the file starts with, as in `Rubric(`.
    pub fn keyword(self) -> &'static str {
        match self {
            Kind::Rubric => "Rubric",
            Kind::Toolkit => "Toolkit",
            Kind::Screener => "Screener",
        }
    }

    pub fn noun(self) -> &'static str {
        match self {
            Kind::Rubric => "rubric",
            Kind::Toolkit => "toolkit",
            Kind::Screener => "screener",
        }
    }

    /// The kind a file declares by its first word, skipping comments and
    /// RON `#![enable(...)]` attributes.
    pub fn detect(source: &str) -> Option<Kind> {
        let word = first_word(source);
        Kind::ALL.into_iter().find(|k| k.keyword() == word)
    }
}

/// The rest of `source` after leading comments, attributes and blank space.
fn skip_preamble(source: &str) -> &str {
    let mut rest = source.trim_start_matches('\u{FEFF}');
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, tail)| tail);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, tail)| tail);
        } else if let Some(after) = rest.strip_prefix("#!") {
            rest = after.split_once(']').map_or("", |(_, tail)| tail);
        } else {
            return rest;
        }
    }
}

/// The line of the first thing in `source` that is not a comment.
fn first_token_line(source: &str) -> usize {
    let consumed = source.len() - skip_preamble(source).len();
    source[..consumed].matches('\n').count() + 1
}

fn first_word(source: &str) -> &str {
    let rest = skip_preamble(source);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    // Empty when the file starts with no word: no kind is named "".
    &rest[..end]
}

pub enum DataFile {
    Rubric(Rubric),
    Toolkit(Toolkit),
    Screener(Screener),
}

impl DataFile {
    pub fn kind(&self) -> Kind {
        match self {
            DataFile::Rubric(_) => Kind::Rubric,
            DataFile::Toolkit(_) => Kind::Toolkit,
            DataFile::Screener(_) => Kind::Screener,
        }
    }

    /// One line saying what the file holds.
    pub fn describe(&self) -> String {
        match self {
            DataFile::Rubric(r) => format!(
                "rubric \"{}\" ({}, version {}): {}, {}",
                r.title,
                r.id,
                r.version,
                text::count(r.categories.len(), "category", "categories"),
                text::count(r.indicator_count(), "indicator", "indicators")
            ),
            DataFile::Toolkit(t) => format!(
                "toolkit \"{}\" ({}, version {}): {}",
                t.title,
                t.id,
                t.version,
                text::count(t.walk().len(), "section", "sections")
            ),
            DataFile::Screener(s) => format!(
                "screener \"{}\" ({}, version {}): {}",
                s.title,
                s.id,
                s.version,
                text::count(s.questions.len(), "question", "questions")
            ),
        }
    }
}

/// One thing wrong with a file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Where in the structure, in words, when known.
    pub place: Option<String>,
    pub message: String,
}

/// Everything wrong with one file. Displays one problem per line, each as
/// `file:line:column: place: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    pub problems: Vec<FileProblem>,
}

impl std::error::Error for LoadError {}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}", text::clean_line(&self.file))?;
            if let Some(line) = p.line {
                write!(f, ":{line}")?;
                if let Some(column) = p.column {
                    write!(f, ":{column}")?;
                }
            }
            write!(f, ": ")?;
            if let Some(place) = &p.place {
                write!(f, "{}: ", text::clean_line(place))?;
            }
            write!(f, "{}", text::clean_line(&p.message))?;
        }
        Ok(())
    }
}

impl LoadError {
    pub(crate) fn one(
        file: &str,
        line: Option<usize>,
        column: Option<usize>,
        message: String,
    ) -> LoadError {
        LoadError {
            file: file.to_string(),
            problems: vec![FileProblem {
                line,
                column,
                place: None,
                message,
            }],
        }
    }
}

/// Reads a rubric, toolkit or screener file as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    read_text_limited(path, MAX_FILE_BYTES, "rubric")
}

/// Reads a file as UTF-8 text, refusing files over `limit` bytes (`what`
/// names the kind of file in the message) and files that are not text.
/// Only a regular file is read: a named pipe or a device is refused at once.
pub fn read_text_limited(path: &Path, limit: u64, what: &str) -> Result<String, LoadError> {
    let name = path.display().to_string();
    let file = super::folder::open_named(path).map_err(|e| {
        LoadError::one(
            &name,
            None,
            None,
            format!("cannot open it: {}", io_reason(&e)),
        )
    })?;
    // Too large as it stands: refused unread. (Read with the limit still,
    // for a file that grows meanwhile.)
    if file.metadata().is_ok_and(|m| m.len() > limit) {
        return Err(too_large(&name, limit, what));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| {
        LoadError::one(
            &name,
            None,
            None,
            format!("cannot read it: {}", io_reason(&e)),
        )
    })?;
    if bytes.len() as u64 > limit {
        return Err(too_large(&name, limit, what));
    }
    utf8(&name, bytes)
}

/// The refusal of a file over `limit` bytes.
pub fn too_large(name: &str, limit: u64, what: &str) -> LoadError {
    LoadError::one(
        name,
        None,
        None,
        format!(
            "it is larger than {} MB, far more than any {what} needs: check that this is the right file.",
            limit / (1024 * 1024)
        ),
    )
}

/// `bytes` as text, or where the first byte that is not UTF-8 is.
pub fn utf8(name: &str, bytes: Vec<u8>) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = good.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        LoadError::one(
            name,
            Some(line),
            Some(column),
            "this is not UTF-8 text: save the file as UTF-8 (most editors offer it under \"Save as\" or \"Encoding\")."
                .into(),
        )
    })
}

/// A short, plain reason for a file-system error.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "there is no such file; check the name and folder.".into(),
        ErrorKind::PermissionDenied => {
            "permission denied; ask whoever manages the folder for access.".into()
        }
        _ if e.raw_os_error() == Some(nix::libc::ENXIO) => {
            "this is a socket or a device, not a file.".into()
        }
        _ => e.to_string(),
    }
}

/// Parses `source` as whichever kind it declares. Syntax only; see [`check`].
pub fn parse(file: &str, source: &str) -> Result<DataFile, LoadError> {
    let kind = Kind::detect(source).ok_or_else(|| {
        LoadError::one(
            file,
            Some(first_token_line(source)),
            None,
            "cannot tell what kind of file this is: it should begin with `Rubric(`, `Toolkit(` or `Screener(`."
                .into(),
        )
    })?;
    Ok(match kind {
        Kind::Rubric => DataFile::Rubric(parse_as(file, source)?),
        Kind::Toolkit => DataFile::Toolkit(parse_as(file, source)?),
        Kind::Screener => DataFile::Screener(parse_as(file, source)?),
    })
}

fn parse_as<T: DeserializeOwned>(file: &str, source: &str) -> Result<T, LoadError> {
    parse_keyed(file, source, "id")
}

/// Parses RON; a syntax error is placed near the last `<key>: "..."` line
/// before it (`id` in rubric files, `indicator` in assessments), since
/// each entity names itself first.
pub(crate) fn parse_keyed<T: DeserializeOwned>(
    file: &str,
    source: &str,
    key: &str,
) -> Result<T, LoadError> {
    ron::from_str(source).map_err(|e| {
        let line = e.span.start.line;
        syntax_error(file, source, &e, nearest_before(source, line, key))
    })
}

fn syntax_error(file: &str, source: &str, e: &SpannedError, near: Option<String>) -> LoadError {
    let message = match &e.code {
        // Which way it does not fit shows in the file: a minus sign at or
        // just before the place.
        RonError::IntegerOutOfBounds => {
            let line = source
                .lines()
                .nth(e.span.start.line.saturating_sub(1))
                .unwrap_or("");
            let col = e.span.start.col.saturating_sub(1);
            let before: String = line.chars().take(col).collect();
            if before.trim_end().ends_with('-') || line.chars().nth(col) == Some('-') {
                "this number cannot be below 0 here.".into()
            } else {
                "this number is too large for this field.".into()
            }
        }
        code => plain_ron_message(code),
    };
    LoadError {
        file: file.to_string(),
        problems: vec![FileProblem {
            line: Some(e.span.start.line),
            column: Some(e.span.start.col),
            place: near.map(|id| format!("near \"{id}\"")),
            message,
        }],
    }
}

fn nearest_before(source: &str, line: usize, key: &str) -> Option<String> {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut near: Option<(usize, &str)> = None;
    for l in source.lines().take(line) {
        if let Some((_, value)) = keyed_field(l, key) {
            near = Some((indent(l), value));
        } else if near.is_some_and(|(at, _)| indent(l) < at && l.trim_start().starts_with(']')) {
            // The list of entities closed: what follows is not in one.
            near = None;
        }
    }
    near.map(|(_, value)| text::clean_line(value))
}

fn thing(outer: Option<&str>) -> String {
    let name = match outer {
        Some("Rubric") => "the rubric",
        Some("Category") => "a category",
        Some("Indicator") => "an indicator",
        Some("Scale") => "the scale",
        Some("Level") => "a scale level",
        Some("Mark") => "a scale mark",
        Some("Toolkit") => "the toolkit",
        Some("Section") => "a section",
        Some("Screener") => "the screener",
        Some("Question") => "a question",
        Some("Verdicts") => "the verdicts",
        Some("StandardVerdicts") => "a standard's verdicts",
        Some("Assessment") => "the assessment",
        Some("Profile") => "the profile",
        Some("Response") => "a response",
        Some("Evidence") => "an evidence item",
        Some("ActionItem") => "an action item",
        Some(other) => return format!(" in `{}`", text::clean_line(other)),
        None => return String::new(),
    };
    format!(" in {name}")
}

fn choices(expected: &[&str]) -> String {
    expected
        .iter()
        .map(|e| format!("`{e}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// RON's error codes, said the way a person editing the file needs them.
fn plain_ron_message(code: &RonError) -> String {
    match code {
        RonError::MissingStructField { field, outer } => format!(
            "`{field}` is missing{}: add a line `{field}: ...,` before the closing parenthesis.",
            thing(outer.as_deref())
        ),
        RonError::NoSuchStructField { found, outer, .. }
            if outer.as_deref() == Some("Verdicts")
                && ["iet", "not_yet", "needs_information"].contains(&found.as_str()) =>
        {
            "this screener has one verdict, as screeners before version 2026.2 did; now there are two, `federal` and `oregon`, each with a `name` and what `meets`, `not_yet` and `needs_information` mean. Rewrite `verdicts` that way (ietkit's own is-this-an-iet.ron shows how).".into()
        }
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "there is no field called `{}`{}: check the spelling. The fields are {}.",
            text::clean_line(found),
            thing(outer.as_deref()),
            choices(expected)
        ),
        RonError::DuplicateStructField { field, outer } => {
            format!("`{field}` appears twice{}: keep only one.", thing(outer.as_deref()))
        }
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "`{}` is not a valid {}: use one of {}.",
            text::clean_line(found),
            match outer.as_deref() {
                Some("Phase") => "phase",
                Some("TestGroup") => "question group",
                _ => "choice here",
            },
            choices(expected)
        ),
        RonError::ExpectedDifferentStructName { expected, found } => format!(
            "found `{}(` where `{expected}(` belongs.",
            text::clean_line(found)
        ),
        RonError::Eof => {
            "the file ends too early: a parenthesis, bracket or quote is probably not closed.".into()
        }
        RonError::ExpectedComma => {
            "expected a comma here: separate fields and list items with commas.".into()
        }
        RonError::ExpectedString => {
            "expected text in double quotes here (if a list ends just before, close it with `]`).".into()
        }
        RonError::ExpectedStringEnd => {
            "a piece of text is not closed: add the closing double quote.".into()
        }
        RonError::ExpectedArray => "expected a list in square brackets `[ ... ]` here.".into(),
        RonError::ExpectedArrayEnd => {
            "expected `]` here: a list is not closed, or a comma is missing between items.".into()
        }
        RonError::ExpectedStructLike | RonError::ExpectedNamedStructLike(_) => {
            "expected an opening parenthesis `(` here.".into()
        }
        RonError::ExpectedStructLikeEnd | RonError::ExpectedOptionEnd => {
            "expected a closing parenthesis `)` here, or a comma is missing.".into()
        }
        RonError::ExpectedInteger | RonError::InvalidIntegerDigit { .. } => {
            "expected a whole number here.".into()
        }
        RonError::IntegerOutOfBounds => "this number does not fit this field.".into(),
        RonError::SuggestRawIdentifier(_) | RonError::InvalidIdentifier(_) => {
            "expected a name here, such as `Yes` or `Level`, not a number or a symbol.".into()
        }
        RonError::InvalidEscape(_) => {
            "a backslash in a piece of text starts an escape that is not valid: write `\\\\` for a backslash, or `\\u{e9}` for a character by its code.".into()
        }
        RonError::ExpectedBoolean => "expected `true` or `false` here.".into(),
        RonError::ExpectedIdentifier => "expected a field name here.".into(),
        RonError::ExpectedMapColon => "expected a colon `:` after the field name.".into(),
        RonError::TrailingCharacters => {
            "there is more after the end of the file's main parentheses: remove it, or move it inside.".into()
        }
        RonError::UnclosedBlockComment => "a `/*` comment is never closed with `*/`.".into(),
        RonError::UnexpectedChar(c) => format!(
            "unexpected character {}: check for a missing quote or comma just before it.",
            if text::is_unsafe(*c) { text::codepoint(*c) } else { format!("'{c}'") }
        ),
        RonError::InvalidValueForType { expected, found } => format!(
            "expected {} here, but found {}.",
            text::clean_line(expected),
            text::clean_line(found)
        ),
        RonError::Message(message) => format!("{}.", text::clean_line(message).trim_end_matches('.')),
        other => {
            let message = other.to_string();
            let mut chars = message.chars();
            match chars.next() {
                Some(first) => format!("{}{}.", first.to_lowercase(), chars.as_str()),
                None => "the file could not be read as RON.".into(),
            }
        }
    }
}

/// The line and column of an anchor in `source`, 1-based.
pub fn locate(source: &str, anchor: &Anchor) -> Option<(usize, usize)> {
    let mut matches = source.lines().enumerate().filter_map(|(n, line)| {
        let byte = match anchor {
            Anchor::Id { id, .. } => id_at(line, id),
            Anchor::Key(key) => key_at(line, key),
        }?;
        Some((n + 1, line[..byte].chars().count() + 1))
    });
    match anchor {
        Anchor::Id { nth, .. } => matches.nth(*nth),
        Anchor::Key(_) => matches.next(),
    }
}

/// Byte offset of `id: "<id>"` in `line`.
fn id_at(line: &str, id: &str) -> Option<usize> {
    id_field(line)
        .filter(|&(_, value)| value == id)
        .map(|(at, _)| at)
}

/// The byte offset and value of an `id: "..."` field in `line`, where `id`
/// is a whole word (not `rubric_id`).
fn id_field(line: &str) -> Option<(usize, &str)> {
    keyed_field(line, "id")
}

/// The byte offset and value of a `<key>: "..."` field in `line`.
fn keyed_field<'l>(line: &'l str, key: &str) -> Option<(usize, &'l str)> {
    let start = key_at(line, key)?;
    let after = line[start + key.len()..]
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let (value, _) = after.strip_prefix('"')?.split_once('"')?;
    Some((start, value))
}

/// Byte offset of `<key>` followed by a colon, as a whole word, in `line`.
fn key_at(line: &str, key: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(pos) = line[from..].find(key) {
        let start = from + pos;
        let before_ok = !line[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '"');
        let after = &line[start + key.len()..];
        if before_ok && after.trim_start().starts_with(':') {
            return Some(start);
        }
        from = start + key.len();
    }
    None
}

fn with_lines(source: &str, problems: Vec<Problem>) -> Vec<FileProblem> {
    problems
        .into_iter()
        .map(|p| {
            let at = locate(source, &p.anchor);
            FileProblem {
                line: at.map(|(l, _)| l),
                column: at.map(|(_, c)| c),
                place: Some(p.place),
                message: p.message,
            }
        })
        .collect()
}

/// The semantic problems of a parsed file. `rubrics` are the rubrics a
/// toolkit's links may point into; the one with the toolkit's rubric id is used.
pub fn check(source: &str, parsed: &DataFile, rubrics: &[&Rubric]) -> Vec<FileProblem> {
    let problems = match parsed {
        DataFile::Rubric(r) => validate::validate_rubric(r),
        DataFile::Toolkit(t) => {
            let rubric = rubrics.iter().copied().find(|r| r.id == t.rubric);
            validate::validate_toolkit(t, rubric)
        }
        DataFile::Screener(s) => validate::validate_screener(s),
    };
    with_lines(source, problems)
}

/// Fails unless `source` declares itself as a file of kind `want`.
fn expect_kind(file: &str, source: &str, want: Kind) -> Result<(), LoadError> {
    match Kind::detect(source) {
        Some(found) if found == want => Ok(()),
        Some(found) => Err(LoadError::one(
            file,
            Some(first_token_line(source)),
            None,
            format!(
                "this is a {} file, but a {} was expected here.",
                found.noun(),
                want.noun()
            ),
        )),
        // Parsing says precisely what is wrong with the start of the file.
        None => parse(file, source).map(|_| ()),
    }
}

/// `value` if `problems` is empty, else every problem with its line.
fn accept<T>(file: &str, source: &str, value: T, problems: Vec<Problem>) -> Result<T, LoadError> {
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(LoadError {
            file: file.to_string(),
            problems: with_lines(source, problems),
        })
    }
}

/// Reads and checks a rubric file.
pub fn load_rubric(file: &str, source: &str) -> Result<Rubric, LoadError> {
    expect_kind(file, source, Kind::Rubric)?;
    let rubric: Rubric = parse_as(file, source)?;
    let problems = validate::validate_rubric(&rubric);
    accept(file, source, rubric, problems)
}

/// Reads and checks a toolkit file whose links point into `rubric`.
pub fn load_toolkit(file: &str, source: &str, rubric: &Rubric) -> Result<Toolkit, LoadError> {
    expect_kind(file, source, Kind::Toolkit)?;
    let toolkit: Toolkit = parse_as(file, source)?;
    let problems =
        validate::validate_toolkit(&toolkit, (toolkit.rubric == rubric.id).then_some(rubric));
    accept(file, source, toolkit, problems)
}

/// Reads and checks a screener file.
pub fn load_screener(file: &str, source: &str) -> Result<Screener, LoadError> {
    expect_kind(file, source, Kind::Screener)?;
    let screener: Screener = parse_as(file, source)?;
    let problems = validate::validate_screener(&screener);
    accept(file, source, screener, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_kind_after_comments_and_attributes() {
        assert_eq!(
            Kind::detect("// note\n/* block */ Rubric(id: \"x\")"),
            Some(Kind::Rubric)
        );
        assert_eq!(
            Kind::detect("#![enable(implicit_some)]\nToolkit("),
            Some(Kind::Toolkit)
        );
        assert_eq!(Kind::detect("\u{FEFF}Screener("), Some(Kind::Screener));
        assert_eq!(Kind::detect("(id: \"x\")"), None);
        assert_eq!(Kind::detect(""), None);
    }

    #[test]
    fn a_file_of_an_unknown_kind_is_placed_after_its_comments() {
        let line = |source: &str| parse("x.ron", source).err().unwrap().problems[0].line;
        assert_eq!(line("Nope("), Some(1));
        assert_eq!(line("// one\n// two\n\nNope("), Some(4));
        assert_eq!(line("/* a\nb */ Nope("), Some(2));
        let wrong = expect_kind("x.ron", "// a toolkit\nToolkit(", Kind::Rubric).unwrap_err();
        assert_eq!(wrong.problems[0].line, Some(2));
        assert!(wrong.problems[0].message.contains("this is a toolkit file"));
    }

    #[test]
    fn a_file_of_eight_megabytes_is_read_and_one_byte_more_is_not() {
        let dir = std::env::temp_dir().join(format!("ietkit-eight-mb-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.ron");
        let eight = 8 * 1024 * 1024;
        std::fs::write(&path, " ".repeat(eight)).unwrap();
        assert_eq!(read_text(&path).unwrap().len(), eight);
        std::fs::write(&path, " ".repeat(eight + 1)).unwrap();
        let err = read_text(&path).unwrap_err().to_string();
        assert!(err.contains("larger than 8 MB"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn each_problem_is_a_line_of_its_own_naming_the_file() {
        let problem = |line, column, message: &str| FileProblem {
            line,
            column,
            place: None,
            message: message.into(),
        };
        let e = LoadError {
            file: "x.ron".into(),
            problems: vec![
                problem(Some(3), Some(5), "first"),
                problem(Some(7), None, "second"),
                problem(None, None, "third"),
            ],
        };
        assert_eq!(
            e.to_string(),
            "x.ron:3:5: first\nx.ron:7: second\nx.ron: third"
        );
    }

    #[test]
    fn a_byte_that_is_not_utf8_is_placed_by_line_and_column() {
        let err = utf8("x.ron", b"ab\ncd\xffe".to_vec()).unwrap_err();
        assert_eq!(
            (err.problems[0].line, err.problems[0].column),
            (Some(2), Some(3))
        );
        let err = utf8("x.ron", b"\xff".to_vec()).unwrap_err();
        assert_eq!(
            (err.problems[0].line, err.problems[0].column),
            (Some(1), Some(1))
        );
        assert_eq!(utf8("x.ron", "é\n".as_bytes().to_vec()).unwrap(), "é\n");
    }

    #[test]
    fn a_mistake_is_placed_near_the_entity_it_is_in() {
        let src = [
            "    indicators: [",
            "        (",
            "            id: \"PD-1\",",
            "            levels: [",
            "                \"No data.\",",
            "            ],",
            "            oops",
            "        ),",
            "    ],",
            "    after",
        ]
        .join("\n");
        // Inside PD-1, after its own list of levels closed.
        assert_eq!(nearest_before(&src, 7, "id").as_deref(), Some("PD-1"));
        // After the list of indicators closed: in none of them.
        assert_eq!(nearest_before(&src, 10, "id"), None);
        assert_eq!(nearest_before(&src, 2, "id"), None);
    }

    #[test]
    fn locates_the_nth_id_and_a_key() {
        let src =
            "Rubric(\n  id: \"r\",\n  scale: (),\n  x: [ (id: \"PD-1\"), ],\n  (id:\"PD-1\")\n)";
        let nth = |n| Anchor::Id {
            id: "PD-1".into(),
            nth: n,
        };
        assert_eq!(locate(src, &nth(0)), Some((4, 9)));
        assert_eq!(locate(src, &nth(1)), Some((5, 4)));
        assert_eq!(locate(src, &nth(2)), None);
        assert_eq!(locate(src, &Anchor::Key("scale")), Some((3, 3)));
        // `rubric_id:` or `"id":` inside text is not an id line.
        assert_eq!(locate("rubric_id: \"PD-1\"", &nth(0)), None);
        // Columns count characters, not bytes.
        assert_eq!(
            locate("(title: \"é\", id: \"PD-1\")", &nth(0)),
            Some((1, 14))
        );
    }
}
