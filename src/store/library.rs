//! The library of saved assessments in the data folder: `assessments/`,
//! their `history/`, a `trash/` to restore from, and which one was open last.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::assessment_file::{self, SaveError};
use super::data_file::LoadError;
use super::paths::DataDir;
use crate::model::assessment::{Assessment, Purpose, Rating};
use crate::model::rubric::Rubric;
use crate::model::timestamp::Timestamp;

/// File names are made from the program and cycle; this keeps them short.
const MAX_NAME: usize = 60;

/// What the library shows for one assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub program: String,
    pub college: String,
    pub cycle: String,
    pub purpose: Purpose,
    pub assessors: Vec<String>,
    /// Indicators with a level or marked N/A.
    pub answered: usize,
    pub total: usize,
    pub updated: Timestamp,
}

#[derive(Debug)]
pub struct Entry {
    pub path: PathBuf,
    /// The file name without `.ron`: what `ietkit open NAME` takes.
    pub name: String,
    pub summary: Result<Summary, LoadError>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    last: Option<String>,
}

/// A safe file name: lower-case letters, digits and single dashes, no
/// leading dot, at most 60 characters; "assessment" when nothing is left.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= MAX_NAME {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "assessment".into()
    } else {
        out
    }
}

fn summary_of(a: &Assessment, rubric: &Rubric) -> Summary {
    let answered = rubric
        .indicators()
        .filter(|(_, i)| {
            a.response(&i.id)
                .is_some_and(|r| r.rating != Rating::Unrated)
        })
        .count();
    Summary {
        program: a.profile.program.clone(),
        college: a.profile.college.clone(),
        cycle: a.cycle.clone(),
        purpose: a.purpose,
        assessors: a.assessors.iter().map(|x| x.name.clone()).collect(),
        answered,
        total: rubric.indicator_count(),
        updated: a.updated,
    }
}

/// "2026-27" becomes "2027-28"; anything else gets " (next)".
fn next_cycle_name(cycle: &str) -> String {
    let parts: Vec<&str> = cycle.trim().split('-').collect();
    if let [a, b] = parts.as_slice()
        && b.len() <= 4
        && let (Ok(x), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>())
    {
        let width = b.len();
        return format!(
            "{}-{:0width$}",
            u64::from(x) + 1,
            (y + 1) % 10u32.pow(u32::try_from(width).unwrap_or(4))
        );
    }
    if let Some(year) = cycle
        .trim()
        .parse::<u32>()
        .ok()
        .and_then(|y| y.checked_add(1))
    {
        return year.to_string();
    }
    if cycle.trim().is_empty() {
        String::new()
    } else {
        format!("{} (next)", cycle.trim())
    }
}

pub struct Library {
    pub dir: DataDir,
}

impl Library {
    pub fn new(dir: DataDir) -> Library {
        Library { dir }
    }

    pub fn assessments(&self) -> PathBuf {
        self.dir.path.join("assessments")
    }

    pub fn trash(&self) -> PathBuf {
        self.dir.path.join("trash")
    }

    fn state_file(&self) -> PathBuf {
        self.dir.path.join("state.ron")
    }

    fn ron_files(dir: &Path) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ron"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
    }

    /// Every assessment, each with its summary or the reason it cannot be read.
    pub fn list(&self, rubric: &Rubric) -> Vec<Entry> {
        Library::ron_files(&self.assessments())
            .into_iter()
            .map(|path| Entry {
                name: path
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                summary: assessment_file::read(&path).map(|l| summary_of(&l.assessment, rubric)),
                path,
            })
            .collect()
    }

    /// Files in the trash, newest first.
    pub fn trashed(&self) -> Vec<PathBuf> {
        let mut files = Library::ron_files(&self.trash());
        files.reverse();
        files
    }

    /// A path in `assessments/` for `name` that no file uses yet.
    pub fn free_path(&self, name: &str) -> PathBuf {
        let base = slug(name);
        let dir = self.assessments();
        let taken = |p: &Path| p.exists() || super::lock::lock_path(p).exists();
        let first = dir.join(format!("{base}.ron"));
        if !taken(&first) {
            return first;
        }
        // Bounded: a folder that reports every name as taken must not hang.
        (2..100_000)
            .map(|n| dir.join(format!("{base}-{n}.ron")))
            .find(|p| !taken(p))
            .unwrap_or_else(|| {
                let stamp = Timestamp::now().to_string().replace(':', "");
                dir.join(format!("{base}-{stamp}.ron"))
            })
    }

    /// Whether `path` is one of the library's own files: only those are ever
    /// changed in place. A file from elsewhere (an email, a USB stick) is
    /// read, and imported before anyone changes it.
    pub fn holds(&self, path: &Path) -> bool {
        let parent = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        match (parent.canonicalize(), self.assessments().canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }

    /// The library name or file path a user typed, as a path.
    pub fn resolve(&self, name_or_path: &str) -> PathBuf {
        let by_name = self
            .assessments()
            .join(format!("{}.ron", name_or_path.trim_end_matches(".ron")));
        if by_name.is_file() && !name_or_path.contains('/') {
            by_name
        } else {
            PathBuf::from(name_or_path)
        }
    }

    /// Saves `a` as a new file named from its program and cycle.
    pub fn create(&self, a: &Assessment) -> Result<PathBuf, SaveError> {
        self.create_named(a, &format!("{} {}", a.profile.program, a.cycle))
    }

    /// Saves `a` as a new file with a name made safe from `name`.
    pub fn create_named(&self, a: &Assessment, name: &str) -> Result<PathBuf, SaveError> {
        let path = self.free_path(name);
        assessment_file::save(&path, a)?;
        Ok(path)
    }

    /// A new assessment for the next cycle: same profile, evidence marked to
    /// re-check, open action items carried; ratings and notes start empty.
    pub fn next_cycle(&self, from: &Assessment, rubric: &Rubric) -> Assessment {
        let mut next = Assessment::new(
            rubric,
            from.profile.clone(),
            Purpose::EvaluatingExisting,
            &next_cycle_name(&from.cycle),
        );
        next.assessors.clone_from(&from.assessors);
        for old in &from.responses {
            if rubric.indicator(&old.indicator).is_none() {
                continue;
            }
            let r = next.response_mut(&old.indicator);
            r.evidence = old
                .evidence
                .iter()
                .cloned()
                .map(|mut e| {
                    e.recheck = true;
                    e
                })
                .collect();
            r.actions = old
                .actions
                .iter()
                .filter(|a| a.status.is_open())
                .cloned()
                .collect();
        }
        next
    }

    /// Copies an assessment under a new name; the copy is a separate file.
    pub fn duplicate(&self, path: &Path) -> Result<PathBuf, String> {
        let loaded = assessment_file::read(path).map_err(|e| e.to_string())?;
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        let target = self.free_path(&format!("{stem} copy"));
        assessment_file::save(&target, &loaded.assessment).map_err(|e| e.to_string())?;
        Ok(target)
    }

    /// Gives an assessment a new library name (its file name).
    pub fn rename(&self, path: &Path, name: &str) -> Result<PathBuf, String> {
        let target = self.free_path(name);
        fs::rename(path, &target)
            .map_err(|e| format!("could not rename {}: {e}", path.display()))?;
        Ok(target)
    }

    /// Moves an assessment to the trash, from where it can be restored.
    pub fn delete(&self, path: &Path) -> Result<PathBuf, String> {
        let trash = self.trash();
        assessment_file::ensure_private_dir(&trash).map_err(|e| e.to_string())?;
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        let stamp = Timestamp::now().to_string().replace(':', "");
        let target = trash.join(format!("{stem}.{stamp}.ron"));
        fs::rename(path, &target)
            .map_err(|e| format!("could not move {} to the trash: {e}", path.display()))?;
        Ok(target)
    }

    /// Puts a trashed file back into the library.
    pub fn restore(&self, trashed: &Path) -> Result<PathBuf, String> {
        let name = trashed.file_stem().unwrap_or_default().to_string_lossy();
        // name.<stamp>: drop the stamp the trash added.
        let original = name.rsplit_once('.').map_or(name.as_ref(), |(n, _)| n);
        let target = self.free_path(original);
        assessment_file::ensure_private_dir(&self.assessments()).map_err(|e| e.to_string())?;
        fs::rename(trashed, &target)
            .map_err(|e| format!("could not restore {}: {e}", trashed.display()))?;
        Ok(target)
    }

    /// Copies a `.ron` assessment from anywhere into the library, after
    /// checking that it reads. The source is never changed.
    pub fn import(&self, source: &Path, name: Option<&str>) -> Result<PathBuf, String> {
        let loaded = assessment_file::read(source).map_err(|e| e.to_string())?;
        let a = loaded.assessment;
        // By default the library name is the file's own name.
        let name = match name {
            Some(n) if !n.trim().is_empty() => n.to_string(),
            _ => source
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
        };
        let target = self.free_path(&name);
        assessment_file::save(&target, &a).map_err(|e| e.to_string())?;
        Ok(target)
    }

    pub fn last(&self) -> Option<PathBuf> {
        let text = fs::read_to_string(self.state_file()).ok()?;
        let state: State = ron::from_str(&text).ok()?;
        let path = self.assessments().join(state.last?);
        path.is_file().then_some(path)
    }

    /// Remembers the assessment open now, for the next start. Only files in
    /// the library are remembered.
    pub fn set_last(&self, path: &Path) {
        if path.parent() != Some(self.assessments().as_path()) {
            return;
        }
        let state = State {
            last: path.file_name().map(|n| n.to_string_lossy().into_owned()),
        };
        if let Ok(text) = ron::to_string(&state) {
            let _ = assessment_file::write_atomic(&self.state_file(), &text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(slug("Welding IET 2026-27"), "welding-iet-2026-27");
        assert_eq!(slug("../x"), "x");
        assert_eq!(slug("/etc/passwd"), "etc-passwd");
        assert_eq!(slug(".hidden"), "hidden");
        assert_eq!(slug(""), "assessment");
        assert_eq!(slug("a\0b\nc"), "a-b-c");
        assert_eq!(slug("Soldadura básica"), "soldadura-b-sica");
        assert!(slug(&"x".repeat(500)).len() <= MAX_NAME);
    }

    #[test]
    fn next_cycle_names() {
        assert_eq!(next_cycle_name("2026-27"), "2027-28");
        assert_eq!(next_cycle_name("2099-00"), "2100-01");
        assert_eq!(next_cycle_name("2026"), "2027");
        assert_eq!(next_cycle_name("1-4294967295"), "1-4294967295 (next)");
        assert_eq!(next_cycle_name("4294967295"), "4294967295 (next)");
        assert_eq!(next_cycle_name("Spring cohort"), "Spring cohort (next)");
        assert_eq!(next_cycle_name(""), "");
    }
}
