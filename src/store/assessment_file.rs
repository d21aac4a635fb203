//! Assessment files: reading them with clear errors, matching them to the
//! installed rubric, and writing them so that a crash never leaves a
//! half-written file.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::data_file::{self, FileProblem, LoadError};
use super::folder::{Folder, FolderError};
use crate::model::assessment::{Assessment, FORMAT, Partner, Rating, Response};
use crate::model::changes::{Origin, What};
use crate::model::rubric::Rubric;
use crate::model::timestamp::Timestamp;
use crate::text;

/// Larger files are refused: a real assessment is a few dozen kilobytes.
pub const MAX_ASSESSMENT_BYTES: u64 = 16 * 1024 * 1024;

/// Earlier versions kept of each file in `history/`.
pub const HISTORY_KEEP: usize = 10;

const HEADER: &str = "// An ietkit assessment. Plain text: it can be read, compared and kept in version \
control. The format is described in docs/FORMAT.md.\n";

/// The text of a saved assessment: a comment line, then pretty RON with
/// fields in a fixed order. A file read in an older format is written in
/// this one (it may now hold what that format did not).
pub fn to_text(a: &Assessment) -> String {
    /// Every field but the change record, in the order of [`Assessment`]:
    /// the record follows, one change a line.
    #[derive(serde::Serialize)]
    struct Body<'a> {
        format: u32,
        id: &'a str,
        rubric: &'a crate::model::rubric::RubricRef,
        created: Timestamp,
        updated: Timestamp,
        profile: &'a crate::model::assessment::Profile,
        purpose: crate::model::assessment::Purpose,
        cycle: &'a str,
        assessors: &'a [crate::model::assessment::Assessor],
        responses: &'a [Response],
        screener: &'a crate::model::screener::Answers,
        people: &'a std::collections::BTreeMap<String, crate::model::changes::Person>,
    }
    let body = Body {
        format: a.format.max(FORMAT),
        id: &a.id,
        rubric: &a.rubric,
        created: a.created,
        updated: a.updated,
        profile: &a.profile,
        purpose: a.purpose,
        cycle: &a.cycle,
        assessors: &a.assessors,
        responses: &a.responses,
        screener: &a.screener,
        people: &a.people,
    };
    let config = ron::ser::PrettyConfig::new().indentor("    ".to_string());
    // Plain owned data always serialises; an empty body would fail to load
    // and so could never silently replace a good file.
    let body = ron::ser::to_string_pretty(&body, config).unwrap_or_default();
    let Some(open) = body.strip_suffix(')') else {
        return String::new();
    };
    let mut text = String::with_capacity(body.len() + a.changes.len() * 120);
    text.push_str(HEADER);
    text.push_str(open);
    if a.changes.is_empty() {
        text.push_str("    changes: [],\n)\n");
        return text;
    }
    // One change a line: the list in one go, everything within a change
    // kept on its line (RON writes a line break inside text as \n).
    let one_a_line = ron::ser::PrettyConfig::new()
        .depth_limit(1)
        .indentor("    ".to_string());
    let list = ron::ser::to_string_pretty(&a.changes, one_a_line).unwrap_or_default();
    let mut lines = list.lines();
    text.push_str("    changes: ");
    text.push_str(lines.next().unwrap_or("["));
    text.push('\n');
    for line in lines {
        if line == "]" {
            text.push_str("    ],\n");
        } else {
            text.push_str("    ");
            text.push_str(line);
            text.push('\n');
        }
    }
    text.push_str(")\n");
    text
}

#[derive(Deserialize)]
struct FormatProbe {
    format: u32,
}

/// A loaded assessment, and what the user should know about it.
#[derive(Debug)]
pub struct Loaded {
    pub assessment: Assessment,
    /// Plain-language notes: cleaned text, rubric changes.
    pub notices: Vec<String>,
    /// Set when the file must not be written, with the reason.
    pub read_only: Option<String>,
    /// The file, as messages name it.
    pub file: String,
    /// The line each response's rating is on, for messages.
    rating_lines: std::collections::HashMap<String, usize>,
}

impl Loaded {
    /// Refuses ratings that `rubric`'s scale does not have, naming the
    /// file and line: a file edited by hand, or made for another rubric.
    pub fn check(&self, rubric: &Rubric) -> Result<(), LoadError> {
        let values: Vec<u8> = rubric.scale.levels.iter().map(|l| l.value).collect();
        let problems: Vec<FileProblem> = self
            .assessment
            .responses
            .iter()
            .filter_map(|r| match r.rating {
                Rating::Level(v) if !values.contains(&v) => Some(FileProblem {
                    line: self.rating_lines.get(&r.indicator).copied(),
                    column: None,
                    place: None,
                    message: format!(
                        "{} is rated {v}, but this rubric's scale runs {}: change the rating to one of its levels, or to Unrated.",
                        text::clean_line(&r.indicator),
                        scale_span(&values)
                    ),
                }),
                _ => None,
            })
            .collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(LoadError {
                file: self.file.clone(),
                problems,
            })
        }
    }
}

/// "0 to 3", or the levels one by one when they are not a run.
pub fn scale_span(values: &[u8]) -> String {
    match (values.iter().min(), values.iter().max()) {
        (Some(lo), Some(hi)) if usize::from(hi - lo) + 1 == values.len() => format!("{lo} to {hi}"),
        _ => values
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The line of each response's rating, and the line of the first response
/// given for an indicator a second time, by scanning `source` once.
fn rating_lines(
    source: &str,
) -> (
    std::collections::HashMap<String, usize>,
    Option<(String, usize)>,
) {
    let mut lines = std::collections::HashMap::new();
    let mut twice = None;
    let mut current: Option<String> = None;
    for (n, line) in source.lines().enumerate() {
        let line_no = n + 1;
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix("indicator: \"")
            && let Some(id) = rest.split('"').next()
        {
            current = Some(id.to_string());
        } else if t.starts_with("rating:")
            && let Some(id) = current.take()
        {
            if lines.contains_key(&id) && twice.is_none() {
                twice = Some((id, line_no));
            } else {
                lines.insert(id, line_no);
            }
        }
    }
    (lines, twice)
}

/// Parses an assessment; `file` names it in messages.
pub fn parse(file: &str, source: &str) -> Result<Loaded, LoadError> {
    if source
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with("//"))
    {
        return Err(LoadError::one(
            file,
            None,
            None,
            "the file is empty: it holds no assessment. If it should, restore an earlier copy from the history/ folder beside it.".into(),
        ));
    }
    let probe: Option<u32> = ron::from_str::<FormatProbe>(source).ok().map(|p| p.format);
    let assessment: Assessment = match data_file::parse_keyed(file, source, "indicator") {
        Ok(a) => a,
        Err(mut e) => {
            if let Some(format) = probe.filter(|&f| f > FORMAT) {
                e.problems.truncate(1);
                e.problems[0].message = format!(
                    "this assessment was saved by a newer ietkit (format {format}; this one reads format {FORMAT}): open it with the newer version."
                );
            } else if let Some(p) = e.problems.first_mut()
                && let Some(question) = p
                    .message
                    .strip_prefix("question \"")
                    .and_then(|r| r.split_once("\" is answered twice"))
                    .map(|(q, _)| q.to_string())
            {
                // The second answer's own line, not where reading stopped.
                let key = format!("\"{question}\":");
                let start = source.find("screener:").unwrap_or(0);
                let second = source[start..].match_indices(&key).nth(1);
                if let Some((at, _)) = second {
                    p.line = Some(source[..start + at].matches('\n').count() + 1);
                    p.column = None;
                    p.place = None;
                }
            }
            return Err(e);
        }
    };
    if assessment.format == 0 {
        return Err(LoadError::one(
            file,
            None,
            None,
            "it says format 0, which no ietkit writes: check that this is the right file.".into(),
        ));
    }
    // A response for one indicator twice: which would count?
    let (lines, twice) = rating_lines(source);
    let mut seen = std::collections::HashSet::new();
    if let Some(r) = assessment
        .responses
        .iter()
        .find(|r| !seen.insert(r.indicator.as_str()))
    {
        let line = twice
            .as_ref()
            .filter(|(id, _)| *id == r.indicator)
            .map(|(_, l)| *l);
        return Err(LoadError::one(
            file,
            line,
            None,
            format!(
                "{} has a response twice: keep the one that is right and delete the other.",
                text::clean_line(&r.indicator)
            ),
        ));
    }
    let mut loaded = Loaded {
        file: file.to_string(),
        rating_lines: lines,
        read_only: (assessment.format > FORMAT).then(|| {
            format!(
                "saved by a newer ietkit (format {}): shown read-only so nothing it added is lost",
                assessment.format
            )
        }),
        assessment,
        notices: Vec::new(),
    };
    // A record made longer by hand than ietkit keeps: the newest part.
    crate::model::changes::keep_newest(&mut loaded.assessment.changes);
    if clean_text(&mut loaded.assessment) {
        loaded.notices.push(
            "Some text held invisible control characters; they are shown as \u{FFFD}.".into(),
        );
    }
    Ok(loaded)
}

/// Reads and parses an assessment file.
pub fn read(path: &Path) -> Result<Loaded, LoadError> {
    let name = path.display().to_string();
    let source = data_file::read_text_limited(path, MAX_ASSESSMENT_BYTES, "assessment")?;
    parse(&name, &source)
}

/// Replaces unsafe characters in every text field; returns whether any was found.
pub fn clean_text(a: &mut Assessment) -> bool {
    fn fix(s: &mut String, multiline: bool, found: &mut bool) {
        if text::needs_cleaning(s, multiline) {
            *found = true;
            *s = if multiline {
                text::clean_keeping_newlines(s)
            } else {
                text::clean_line(s)
            };
        }
    }
    let mut found = false;
    let f = &mut found;
    let p = &mut a.profile;
    for s in [
        &mut a.id,
        &mut a.cycle,
        &mut p.college,
        &mut p.program,
        &mut p.cte_area,
        &mut p.site.name,
    ] {
        fix(s, false, f);
    }
    p.credentials.iter_mut().for_each(|c| fix(c, false, f));
    p.partners
        .iter_mut()
        .for_each(|l| fix(&mut l.lead, false, f));
    for assessor in &mut a.assessors {
        fix(&mut assessor.name, false, f);
        if let Partner::Other(name) = &mut assessor.partner {
            fix(name, false, f);
        }
    }
    for lead in &mut p.partners {
        if let Partner::Other(name) = &mut lead.partner {
            fix(name, false, f);
        }
    }
    // Keys too: people by login, screener answers by question. A key with
    // an unsafe character is replaced by its cleaned form.
    if a.people.keys().any(|k| text::needs_cleaning(k, false)) {
        *f = true;
        a.people = std::mem::take(&mut a.people)
            .into_iter()
            .map(|(k, v)| (text::clean_line(&k), v))
            .collect();
    }
    if a.screener.keys().any(|k| text::needs_cleaning(k, false)) {
        *f = true;
        a.screener = std::mem::take(&mut a.screener)
            .into_iter()
            .map(|(k, v)| (text::clean_line(&k), v))
            .collect();
    }
    for person in a.people.values_mut() {
        fix(&mut person.name, false, f);
        if let Some(Partner::Other(name)) = &mut person.role {
            fix(name, false, f);
        }
    }
    for change in &mut a.changes {
        fix(&mut change.by, false, f);
        match &mut change.what {
            What::Created { how } => match how {
                Origin::New => {}
                Origin::Imported { from }
                | Origin::Copied { from }
                | Origin::NextCycle { from } => fix(from, false, f),
                Origin::Consensus { of } => of.iter_mut().for_each(|x| fix(x, false, f)),
            },
            What::Rating {
                indicator,
                from,
                to,
            } => {
                fix(indicator, false, f);
                for r in [from, to] {
                    if let Rating::NotApplicable { reason } = r {
                        fix(reason, false, f);
                    }
                }
            }
            What::Unsure { indicator, .. } | What::Notes { indicator } => fix(indicator, false, f),
            What::Evidence {
                indicator, what, ..
            }
            | What::Action {
                indicator, what, ..
            } => {
                fix(indicator, false, f);
                fix(what, false, f);
            }
            What::Profile { field, from, to } => {
                for s in [field, from, to] {
                    fix(s, false, f);
                }
            }
            What::Screener { question, .. } => fix(question, false, f),
        }
    }
    for r in &mut a.responses {
        fix(&mut r.indicator, false, f);
        fix(&mut r.notes, true, f);
        if let Rating::NotApplicable { reason } = &mut r.rating {
            fix(reason, false, f);
        }
        for e in &mut r.evidence {
            for s in [&mut e.what, &mut e.location, &mut e.holder] {
                fix(s, false, f);
            }
        }
        for act in &mut r.actions {
            fix(&mut act.what, false, f);
            fix(&mut act.owner, false, f);
        }
    }
    found
}

/// Lines the assessment up with `rubric` by indicator id: responses in
/// rubric order, an unrated response for each new indicator, responses for
/// indicators the rubric no longer has kept at the end (retired, not scored).
/// Returns what the team should be told.
pub fn reconcile(a: &mut Assessment, rubric: &Rubric) -> Vec<String> {
    let mut notices = Vec::new();
    // Indexed once: a scan per indicator is slow on a large rubric.
    let mut old: Vec<Option<Response>> = std::mem::take(&mut a.responses)
        .into_iter()
        .map(Some)
        .collect();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, r) in old.iter().enumerate() {
        if let Some(r) = r {
            index.entry(r.indicator.clone()).or_insert(i);
        }
    }
    let mut added = Vec::new();
    for (_, indicator) in rubric.indicators() {
        if let Some(r) = index.get(&indicator.id).and_then(|&i| old[i].take()) {
            a.responses.push(r);
        } else {
            added.push(indicator.id.clone());
            a.responses.push(Response::new(&indicator.id));
        }
    }
    let old: Vec<Response> = old.into_iter().flatten().collect();
    let retired: Vec<String> = old
        .iter()
        .filter(|r| {
            r.rating != Rating::Unrated
                || !r.notes.is_empty()
                || !r.evidence.is_empty()
                || !r.actions.is_empty()
        })
        .map(|r| r.indicator.clone())
        .collect();
    // Retired responses with nothing in them carry no information.
    let kept: std::collections::HashSet<&str> = retired.iter().map(String::as_str).collect();
    a.responses.extend(
        old.into_iter()
            .filter(|r| kept.contains(r.indicator.as_str())),
    );

    let same_rubric = a.rubric.id == rubric.id;
    if !same_rubric {
        notices.push(format!(
            "This assessment was made with the rubric \"{}\"; it is shown with \"{}\", matched by indicator id.",
            text::clean_line(&a.rubric.id),
            rubric.id
        ));
    } else if a.rubric.version != rubric.version || a.rubric.hash != rubric.content_hash() {
        notices.push(format!(
            "The rubric changed since this assessment was saved (version {} then, {} now).",
            text::clean_line(&a.rubric.version),
            rubric.version
        ));
    }
    if !added.is_empty()
        && (a.rubric.version != rubric.version
            || !same_rubric
            || a.rubric.hash != rubric.content_hash())
    {
        notices.push(format!(
            "New indicators, not rated yet: {}.",
            some_of(&added)
        ));
    }
    if !retired.is_empty() {
        notices.push(format!(
            "No longer in the rubric, kept but not scored: {}.",
            some_of(&retired)
        ));
    }
    a.rubric = rubric.reference();
    notices
}

/// Ids for a message: all of a few, the first ten of many and how many more.
/// What to say of answers in `a` to questions `screener` does not ask
/// (a mistyped key, or a question of another screener): kept, never
/// counted in the verdict.
pub fn screener_notices(
    a: &Assessment,
    screener: &crate::model::screener::Screener,
) -> Vec<String> {
    let asked: std::collections::HashSet<&str> =
        screener.questions.iter().map(|q| q.id.as_str()).collect();
    let unknown: Vec<String> = a
        .screener
        .keys()
        .filter(|k| !asked.contains(k.as_str()))
        .map(|k| format!("\"{}\"", text::clean_line(k)))
        .collect();
    if unknown.is_empty() {
        return Vec::new();
    }
    vec![format!(
        "Answers to questions \"Is this an IET?\" does not ask, kept but not counted: {}.",
        some_of(&unknown)
    )]
}

fn some_of(ids: &[String]) -> String {
    let mut shown: Vec<String> = ids.iter().take(10).map(|i| text::clean_line(i)).collect();
    if ids.len() > 10 {
        shown.push(format!("and {} more", ids.len() - 10));
    }
    shown.join(", ")
}

/// Why a save failed, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("could not save {file}: {reason}")]
pub struct SaveError {
    pub file: String,
    pub reason: String,
}

/// A failed save in words a user can act on.
pub fn save_error(path: &Path, e: &FolderError) -> SaveError {
    use std::io::ErrorKind;
    let reason = match e.io_kind() {
        Some(ErrorKind::PermissionDenied) => {
            "you may not write in this folder: choose another folder with --data-dir, or ask for write access (`ietkit team check` says who can give it).".to_string()
        }
        Some(ErrorKind::ReadOnlyFilesystem) => {
            "the disk is read-only: choose another folder with --data-dir.".to_string()
        }
        Some(ErrorKind::StorageFull | ErrorKind::QuotaExceeded) => {
            "the disk is full: free some space, then press Ctrl-S.".to_string()
        }
        _ => e.to_string(),
    };
    SaveError {
        file: path.display().to_string(),
        reason,
    }
}

/// Creates `dir` (and parents) readable by the owner only.
pub fn ensure_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// The folder `path` is in, opened (and made, with `create`), and the
/// file's name in it.
pub fn folder_of(path: &Path, create: bool) -> Result<(Folder, String), FolderError> {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let folder = Folder::open(parent, create)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok((folder, name))
}

/// A failing disk, on demand, for tests of what a failed save leaves behind.
pub use super::folder::fault;

/// The `history/` folder beside the folder `path` is in.
pub fn history_dir(path: &Path) -> PathBuf {
    path.parent().unwrap_or(Path::new(".")).join("history")
}

/// Length of the `2026-11-28T140415Z` stamp in history file names.
const STAMP_LEN: usize = 18;

/// The stamp and number of a history copy of `stem`: `stem.<stamp>.ron`
/// (number 1) or `stem.<stamp>-<n>.ron` for further copies in the same
/// second; `None` for any other name.
fn history_key<'a>(stem: &str, name: &'a str) -> Option<(&'a str, u32)> {
    let rest = name
        .strip_prefix(stem)?
        .strip_prefix('.')?
        .strip_suffix(".ron")?;
    let stamp = rest.get(..STAMP_LEN)?;
    if !stamp.ends_with('Z') || !stamp.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    match &rest[STAMP_LEN..] {
        "" => Some((stamp, 1)),
        more => {
            let n: u32 = more.strip_prefix('-')?.parse().ok()?;
            (n >= 2 && !more[1..].starts_with('0')).then_some((stamp, n))
        }
    }
}

/// The names of the history copies of `stem` among `names`, oldest first.
fn history_names(stem: &str, names: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut copies: Vec<(String, u32, String)> = names
        .into_iter()
        .filter_map(|n| {
            let (stamp, k) = history_key(stem, &n)?;
            Some((stamp.to_string(), k, n))
        })
        .collect();
    copies.sort();
    copies.into_iter().map(|(_, _, n)| n).collect()
}

fn stem_of(name: &str) -> &str {
    name.strip_suffix(".ron").unwrap_or(name)
}

/// Copies the current file `name` into `history/` before it is replaced,
/// keeping the newest [`HISTORY_KEEP`] copies.
fn keep_history(folder: &Folder, name: &str, now: Timestamp) -> Result<(), FolderError> {
    let previous = match folder.read(name, MAX_ASSESSMENT_BYTES) {
        Ok(Some(bytes)) => bytes,
        // Nothing to keep: no file yet, or one too big to be an assessment.
        Ok(None) => return Ok(()),
        Err(FolderError::Io {
            kind: std::io::ErrorKind::NotFound,
            ..
        }) => return Ok(()),
        Err(e) => return Err(e),
    };
    let history = folder.sub("history", true)?;
    let stem = stem_of(name);
    let stamp = now.to_string().replace(':', "");
    let entries = history.entries()?;
    // Only plain files are ever removed; anything else is not ietkit's.
    let mut copies = history_names(
        stem,
        entries
            .iter()
            .filter(|(_, kind)| *kind == super::folder::Kind::File)
            .map(|(n, _)| n.clone()),
    );
    // From the newest copy of this second already there (the older ones
    // may have been pruned), so that the new copy always sorts last.
    let first = entries
        .iter()
        .filter_map(|(n, _)| history_key(stem, n))
        .filter(|(s, _)| *s == stamp)
        .map(|(_, k)| k)
        .max()
        .unwrap_or(1);
    for n in (first..).take(1000) {
        let copy = if n == 1 {
            format!("{stem}.{stamp}.ron")
        } else {
            format!("{stem}.{stamp}-{n}.ron")
        };
        match history.create_new(&copy, &previous) {
            Ok(()) => {
                copies.push(copy);
                // The copy is kept; clearing out the oldest is tidying, and
                // a failure there costs nothing now.
                for oldest in &copies[..copies.len().saturating_sub(HISTORY_KEEP)] {
                    let _ = history.remove(oldest);
                }
                return Ok(());
            }
            Err(FolderError::Exists { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// The earlier versions of the file `from` in `folder` follow it to its
/// new name `to`: they keep their stamps, so they stay in order. A copy
/// that cannot move (a name taken, a folder that refuses) stays where it
/// is; the file itself has moved already.
pub fn move_history(folder: &Folder, from: &str, to: &str) {
    if from == to {
        return;
    }
    let Ok(history) = folder.sub("history", false) else {
        return;
    };
    let Ok(entries) = history.entries() else {
        return;
    };
    let (from, to) = (stem_of(from), stem_of(to));
    let copies = history_names(
        from,
        entries
            .into_iter()
            .filter(|(_, kind)| *kind == super::folder::Kind::File)
            .map(|(n, _)| n),
    );
    for copy in copies {
        let moved = format!("{to}{}", &copy[from.len()..]);
        let _ = history.move_to(&copy, &history, &moved);
    }
}

/// The kept earlier versions of `path`, oldest first.
pub fn history_of(path: &Path) -> Vec<PathBuf> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = history_dir(path);
    let names = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    history_names(&stem, names)
        .into_iter()
        .map(|n| dir.join(n))
        .collect()
}

/// Reads the assessment file `name` in `folder`: never through a link,
/// never anything but a regular file.
pub fn read_in(folder: &Folder, name: &str) -> Result<Loaded, LoadError> {
    let shown = folder.join(name).display().to_string();
    let bytes = match folder.read(name, MAX_ASSESSMENT_BYTES) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            return Err(data_file::too_large(
                &shown,
                MAX_ASSESSMENT_BYTES,
                "assessment",
            ));
        }
        Err(e) => {
            return Err(LoadError::one(
                &shown,
                None,
                None,
                folder_reason(folder, name, &e),
            ));
        }
    };
    let source = data_file::utf8(&shown, bytes)?;
    parse(&shown, &source)
}

/// Why a file in `folder` cannot be read, with who can fix it when it is
/// a matter of permissions.
pub fn folder_reason(folder: &Folder, name: &str, e: &FolderError) -> String {
    match (e, folder.stat(name)) {
        (
            FolderError::Io {
                kind: std::io::ErrorKind::PermissionDenied,
                ..
            },
            Ok(Some(stat)),
        ) => {
            let owner = super::people::user_name(stat.st_uid);
            format!(
                "cannot open it: permission denied. It belongs to {owner} (mode {:04o}, group {}), who can share it by running `ietkit team check --fix`; or an administrator can.",
                stat.st_mode & 0o7777,
                super::people::group_name(stat.st_gid)
            )
        }
        (FolderError::NotOurs { .. }, _) => e.reason(),
        _ => format!("cannot read it: {}", e.reason()),
    }
}

/// Refuses to write an assessment ietkit could not read back.
pub fn within_limit(path: &Path, text: &str) -> Result<(), SaveError> {
    if text.len() as u64 > MAX_ASSESSMENT_BYTES {
        return Err(SaveError {
            file: path.display().to_string(),
            reason: format!(
                "it would be larger than {} MB, the most ietkit reads back: shorten the longest notes.",
                MAX_ASSESSMENT_BYTES / (1024 * 1024)
            ),
        });
    }
    Ok(())
}

/// Saves `a` as the file `name` in `folder`: the previous version into
/// `history/`, then written whole or not at all.
pub fn save_in(folder: &Folder, name: &str, a: &Assessment) -> Result<(), SaveError> {
    save_keeping(folder, name, a).map(|_| ())
}

/// [`save_in`], saying why no earlier version was kept when none could
/// be (a link where `history/` should be, say): the save itself goes on.
pub fn save_keeping(
    folder: &Folder,
    name: &str,
    a: &Assessment,
) -> Result<Option<String>, SaveError> {
    let path = folder.join(name);
    let text = to_text(a);
    within_limit(&path, &text)?;
    // History is a safety net: failing to keep a copy must not stop the save.
    let history = keep_history(folder, name, Timestamp::now())
        .err()
        .map(|e| e.to_string());
    folder
        .replace(name, text.as_bytes())
        .map_err(|e| save_error(&path, &e))?;
    Ok(history)
}

/// Saves `a` to `path`: the previous version into history, then an atomic write.
pub fn save(path: &Path, a: &Assessment) -> Result<(), SaveError> {
    let (folder, name) = folder_of(path, true).map_err(|e| save_error(path, &e))?;
    save_in(&folder, &name, a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::{Profile, Purpose};
    use crate::store::embedded;

    #[test]
    fn reconcile_matches_by_id_keeps_retired_and_adds_new() {
        let rubric = embedded::builtin().unwrap().rubric;
        let mut a = Assessment::new(&rubric, Profile::default(), Purpose::NewDesign, "2026-27");
        a.response_mut("PD-2").rating = Rating::Level(3);
        a.response_mut("OLD-9").rating = Rating::Level(1);
        a.response_mut("OLD-8").notes.clear();
        a.responses.retain(|r| r.indicator != "PM-7");
        a.responses.reverse();
        a.rubric.version = "2025.1".into();
        let notices = reconcile(&mut a, &rubric);
        let ids: Vec<&str> = a.responses.iter().map(|r| r.indicator.as_str()).collect();
        let mut expected: Vec<&str> = rubric.indicators().map(|(_, i)| i.id.as_str()).collect();
        expected.push("OLD-9");
        assert_eq!(
            ids, expected,
            "rubric order, the empty OLD-8 dropped, OLD-9 kept last"
        );
        assert_eq!(a.response("PD-2").unwrap().rating, Rating::Level(3));
        let text = notices.join("\n");
        assert!(
            text.contains(&format!("version 2025.1 then, {} now", rubric.version)),
            "{text}"
        );
        assert!(
            text.contains("New indicators, not rated yet: PM-7."),
            "{text}"
        );
        assert!(text.contains("kept but not scored: OLD-9."), "{text}");
        assert_eq!(a.rubric, rubric.reference());
    }

    #[test]
    fn a_retired_indicator_is_kept_for_anything_the_team_wrote() {
        let rubric = embedded::builtin().unwrap().rubric;
        let mut a = Assessment::new(&rubric, Profile::default(), Purpose::NewDesign, "2026-27");
        a.response_mut("OLD-1").rating = Rating::Level(2);
        a.response_mut("OLD-2").notes = "a note".into();
        a.response_mut("OLD-3")
            .evidence
            .push(crate::model::assessment::Evidence {
                what: "Signed agreement".into(),
                location: String::new(),
                holder: String::new(),
                date: None,
                recheck: false,
            });
        a.response_mut("OLD-4")
            .actions
            .push(crate::model::assessment::ActionItem {
                what: "Ask the college".into(),
                owner: String::new(),
                due: None,
                status: crate::model::assessment::ActionStatus::Planned,
            });
        a.response_mut("OLD-5");
        let notices = reconcile(&mut a, &rubric).join("\n");
        for kept in ["OLD-1", "OLD-2", "OLD-3", "OLD-4"] {
            assert!(a.response(kept).is_some(), "{kept} dropped");
        }
        assert!(
            a.response("OLD-5").is_none(),
            "an empty retired response kept"
        );
        assert!(
            notices.contains("kept but not scored: OLD-1, OLD-2, OLD-3, OLD-4."),
            "{notices}"
        );
    }

    #[test]
    fn new_indicators_are_named_only_when_the_rubric_changed() {
        let rubric = embedded::builtin().unwrap().rubric;
        let new = "New indicators, not rated yet: PM-7.";
        let with = |change: &dyn Fn(&mut Assessment)| {
            let mut a = Assessment::new(&rubric, Profile::default(), Purpose::NewDesign, "2026-27");
            a.responses.retain(|r| r.indicator != "PM-7");
            change(&mut a);
            let notices = reconcile(&mut a, &rubric).join("\n");
            assert!(a.response("PM-7").is_some(), "PM-7 is always added");
            notices
        };
        // The same rubric, a response deleted by hand: added quietly.
        assert_eq!(with(&|_| {}), "");
        for (what, change) in [
            (
                "another version",
                &(|a: &mut Assessment| a.rubric.version = "2025.1".into())
                    as &dyn Fn(&mut Assessment),
            ),
            ("other wording", &|a: &mut Assessment| {
                a.rubric.hash = "0".into()
            }),
            ("another rubric", &|a: &mut Assessment| {
                a.rubric.id = "team-rubric".into()
            }),
        ] {
            let notices = with(change);
            assert!(notices.contains(new), "{what}: {notices}");
        }
    }

    #[test]
    fn a_long_list_names_ten_and_counts_the_rest() {
        let ids = |n: usize| (1..=n).map(|i| format!("X-{i}")).collect::<Vec<_>>();
        assert_eq!(some_of(&ids(2)), "X-1, X-2");
        assert!(some_of(&ids(10)).ends_with("X-9, X-10"));
        assert!(some_of(&ids(11)).ends_with("X-10, and 1 more"));
        assert!(some_of(&ids(12)).ends_with("X-10, and 2 more"));
    }

    #[test]
    fn a_record_longer_than_ietkit_keeps_loads_its_newest_part() {
        use crate::model::changes::{Change, MAX_CHANGES, What};
        let rubric = embedded::builtin().unwrap().rubric;
        let mut a = Assessment::new(&rubric, Profile::default(), Purpose::NewDesign, "2026-27");
        for i in 0..(MAX_CHANGES + 3) {
            a.changes.push(Change {
                at: Timestamp(1_790_000_000 + i as i64),
                by: "maria".into(),
                what: What::Notes {
                    indicator: format!("X-{i}"),
                },
            });
        }
        let loaded = parse("x.ron", &to_text(&a)).unwrap();
        let changes = &loaded.assessment.changes;
        assert_eq!(changes.len(), MAX_CHANGES);
        assert_eq!(changes[0].what.indicator(), Some("X-3"));
        a.changes.truncate(MAX_CHANGES);
        let loaded = parse("x.ron", &to_text(&a)).unwrap();
        assert_eq!(
            loaded.assessment.changes, a.changes,
            "at the limit, all kept"
        );
    }

    #[test]
    fn an_unchanged_rubric_gives_no_notices() {
        let rubric = embedded::builtin().unwrap().rubric;
        let mut a = Assessment::new(&rubric, Profile::default(), Purpose::NewDesign, "2026-27");
        assert!(reconcile(&mut a, &rubric).is_empty());
    }

    #[test]
    fn the_change_record_is_one_line_a_change_and_reads_back() {
        use crate::model::changes::{self, Edit, Origin, Person, What, Who};
        let rubric = embedded::builtin().unwrap().rubric;
        let mut a = Assessment::new(&rubric, Profile::default(), Purpose::NewDesign, "2026-27");
        let who = Who {
            login: "maria".into(),
            person: Person {
                name: "Maria \"M\" Lopez".into(),
                role: Some(crate::model::assessment::Partner::Other(
                    "Tribal office".into(),
                )),
            },
        };
        let whats = vec![
            What::Created {
                how: Origin::Consensus {
                    of: vec!["A (ABS)".into(), "B (CTE)".into()],
                },
            },
            What::Rating {
                indicator: "PD-1".into(),
                from: Rating::Level(1),
                to: Rating::NotApplicable {
                    reason: "Runs, \"on\" campus".into(),
                },
            },
            What::Unsure {
                indicator: "PD-2".into(),
                now: true,
            },
            What::Notes {
                indicator: "PD-2".into(),
            },
            What::Evidence {
                indicator: "PD-2".into(),
                change: Edit::Removed,
                what: "MOU".into(),
            },
            What::Action {
                indicator: "PD-2".into(),
                change: Edit::Changed,
                what: "Plan".into(),
                status: crate::model::assessment::ActionStatus::Dropped,
            },
            What::Profile {
                field: "cycle".into(),
                from: "a".into(),
                to: "b".into(),
            },
            What::Screener {
                question: "F-1".into(),
                from: None,
                to: Some(crate::model::screener::Answer::NotSure),
            },
        ];
        changes::record(&mut a, &who, Timestamp(1_790_000_000), whats);
        let text = to_text(&a);
        let record = &text[text.find("    changes: [").unwrap()..];
        assert_eq!(record.lines().count(), 2 + a.changes.len() + 1, "{record}");
        assert!(
            record.contains("        (at: \"2026-09-21T14:13:20Z\", by: \"maria\", what: Unsure(indicator: \"PD-2\", now: true)),\n"),
            "{record}"
        );
        let back = parse("x.ron", &text).unwrap().assessment;
        assert_eq!(back, a);
        a.changes.clear();
        assert_eq!(parse("x.ron", &to_text(&a)).unwrap().assessment, a);
    }

    #[test]
    fn a_scale_reads_as_a_run_or_level_by_level() {
        assert_eq!(scale_span(&[0, 1, 2, 3]), "0 to 3");
        assert_eq!(scale_span(&[1, 2, 3, 4]), "1 to 4");
        assert_eq!(scale_span(&[0, 1, 3]), "0, 1, 3");
        assert_eq!(scale_span(&[2, 4, 6, 8]), "2, 4, 6, 8");
    }

    #[test]
    fn history_copies_are_known_by_name_and_ordered_oldest_first() {
        let names = [
            "weld.2026-11-28T140416Z.ron",
            "weld.2026-11-28T140415Z-10.ron",
            "weld.2026-11-28T140415Z.ron",
            "weld.2026-11-28T140415Z-2.ron",
            // Not copies ietkit makes, so never counted or pruned:
            "weld.2026-11-28T140415Z-1.ron",
            "weld.2026-11-28T140415Z-02.ron",
            "weld.2026-11-28T140415Z-.ron",
            "weld.2026-11-28T140415Z-2x.ron",
            "weld.2026-11-28T140415X.ron",
            "weld.x026-11-28T140415Z.ron",
            "weld.2026-11-28T140415Z.txt",
            "welding.2026-11-28T140415Z.ron",
            "weld.ron",
            "weld.2026.ron",
        ];
        assert_eq!(
            history_names("weld", names.iter().map(|n| n.to_string())),
            [
                "weld.2026-11-28T140415Z.ron",
                "weld.2026-11-28T140415Z-2.ron",
                "weld.2026-11-28T140415Z-10.ron",
                "weld.2026-11-28T140416Z.ron",
            ]
        );
    }

    #[test]
    fn a_save_of_exactly_the_limit_is_written_and_one_byte_more_is_not() {
        let path = Path::new("big.ron");
        let limit = MAX_ASSESSMENT_BYTES as usize;
        assert!(within_limit(path, &"x".repeat(limit)).is_ok());
        let err = within_limit(path, &"x".repeat(limit + 1)).unwrap_err();
        assert!(err.reason.contains("larger than 16 MB"), "{err}");
    }

    #[test]
    fn hostile_text_is_cleaned_on_load() {
        let rubric = embedded::builtin().unwrap().rubric;
        let mut a = Assessment::new(&rubric, Profile::default(), Purpose::NewDesign, "2026-27");
        a.profile.program = "Weld\u{1b}]0;owned\u{7}ing".into();
        a.response_mut("PD-1").notes = "ok\nline \u{202e}two".into();
        let loaded = parse("x.ron", &to_text(&a)).unwrap();
        assert_eq!(
            loaded.assessment.profile.program,
            "Weld\u{FFFD}]0;owned\u{FFFD}ing"
        );
        assert_eq!(
            loaded.assessment.response("PD-1").unwrap().notes,
            "ok\nline \u{FFFD}two"
        );
        assert_eq!(loaded.notices.len(), 1);
    }

    #[test]
    fn a_newer_format_is_read_only_or_refused_with_a_reason() {
        let rubric = embedded::builtin().unwrap().rubric;
        let mut a = Assessment::new(&rubric, Profile::default(), Purpose::NewDesign, "2026-27");
        a.format = FORMAT + 1;
        let loaded = parse("x.ron", &to_text(&a)).unwrap();
        assert!(loaded.read_only.unwrap().contains("newer ietkit"));
        let with_new_field = to_text(&a).replacen("cycle:", "colour: \"blue\",\n    cycle:", 1);
        let err = parse("x.ron", &with_new_field).unwrap_err().to_string();
        assert!(
            err.contains(&format!("saved by a newer ietkit (format {}", FORMAT + 1)),
            "{err}"
        );
    }
}
