//! The library of saved assessments in the data folder: `assessments/`,
//! their `history/`, a `trash/` to restore from, and which one was open last.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::assessment_file::{self, SaveError};
use super::data_file::LoadError;
use super::folder::{Folder, FolderError, Kind};
use super::lock::{Lock, LockError};
use super::paths::DataDir;
use crate::model::assessment::{Assessment, Assessor, Purpose, Rating};
use crate::model::changes::{self, Origin, What, Who};
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
        assessors: a
            .assessors
            .iter()
            .map(|x| match x.name.trim() {
                "" => x.partner.short().to_string(),
                name => format!("{name} ({})", x.partner.short()),
            })
            .collect(),
        answered,
        total: rubric.indicator_count(),
        updated: a.updated,
    }
}

/// What a new assessment's file is named from: its program and cycle, and
/// the partner of its one assessor, so that partners' views of one cycle
/// tell themselves apart ("welding-iet-2026-27-cte"). Before the program
/// has a name, only the cycle (the file takes the program's name later).
pub fn file_base(a: &Assessment) -> String {
    let program = a.profile.program.trim();
    let mut base = format!("{program} {}", a.cycle.trim());
    if let [one] = a.assessors.as_slice()
        && !program.is_empty()
    {
        base.push(' ');
        base.push_str(one.partner.short());
    }
    base
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
    /// Who is working: named in lock files and in the change record of
    /// what the library makes.
    pub who: Who,
    /// The data folder, held open from its first use: a link put in its
    /// place later changes nothing.
    root: std::sync::OnceLock<Folder>,
}

/// A new file in the library, its folder held open, its lock held.
pub struct Created {
    pub path: PathBuf,
    pub file: OpenFile,
    pub lock: Lock,
}

/// One of the library's files: the folder it is in, held open, and its
/// name there. Whatever happens to the folder's path later, this is where
/// the file is read, locked and saved.
pub struct OpenFile {
    pub folder: Folder,
    pub name: String,
}

impl OpenFile {
    pub fn read(&self) -> Result<assessment_file::Loaded, LoadError> {
        assessment_file::read_in(&self.folder, &self.name)
    }

    /// Saves `a` over the file (the caller holds its lock); says why no
    /// earlier version was kept, when none could be.
    pub fn save(&self, a: &Assessment) -> Result<Option<String>, SaveError> {
        assessment_file::save_keeping(&self.folder, &self.name, a)
    }

    /// When the file last changed and its size: enough to notice a save.
    pub fn stamp(&self) -> Option<(i64, i64, i64)> {
        let s = self.folder.stat(&self.name).ok()??;
        Some((s.st_mtime, s.st_mtime_nsec, s.st_size))
    }

    /// Takes the file's lock, for changing it: not in a folder this user
    /// may only read.
    pub fn lock(&self, holder: &str) -> Result<Lock, LockError> {
        if !self.folder.writable() {
            return Err(LockError::Unavailable {
                reason: "you may read this folder but not change what is in it".into(),
            });
        }
        Lock::take(&self.folder, &self.name, holder)
    }
}

/// The name of the file a library name stands for.
fn file_of(stem: &str) -> String {
    format!("{stem}.ron")
}

/// `name.ron`, `name-2.ron`, ...: the names to try for a new file.
fn candidates(base: &str) -> impl Iterator<Item = String> + '_ {
    std::iter::once(file_of(base))
        .chain((2..100_000).map(move |n| file_of(&format!("{base}-{n}"))))
        .chain(std::iter::once_with(move || {
            let stamp = Timestamp::now().to_string().replace(':', "");
            file_of(&format!("{base}-{stamp}"))
        }))
}

/// A name in a folder that is not to be read as an assessment: hidden
/// (temporary files), or not `.ron`.
fn is_assessment_name(name: &str) -> bool {
    name.ends_with(".ron") && !name.starts_with('.')
}

fn stem(name: &str) -> String {
    name.strip_suffix(".ron").unwrap_or(name).to_string()
}

impl Library {
    pub fn new(dir: DataDir) -> Library {
        Library {
            dir,
            who: Who {
                login: super::people::login(),
                person: Default::default(),
            },
            root: std::sync::OnceLock::new(),
        }
    }

    pub fn assessments(&self) -> PathBuf {
        self.dir.path.join("assessments")
    }

    pub fn trash(&self) -> PathBuf {
        self.dir.path.join("trash")
    }

    /// The data folder itself; made (private) if missing and `create`.
    /// Opened once and then held.
    pub fn root(&self, create: bool) -> Result<Folder, FolderError> {
        if let Some(root) = self.root.get() {
            return root.try_clone();
        }
        let root = Folder::open(&self.dir.path, create)?;
        let _ = self.root.set(root.try_clone()?);
        Ok(root)
    }

    /// The `assessments/` folder, never through a link.
    pub fn folder(&self, create: bool) -> Result<Folder, FolderError> {
        self.root(create)?.sub("assessments", create)
    }

    fn holder(&self) -> String {
        super::people::holder_text(&self.who)
    }

    /// Every assessment, each with its summary or the reason it cannot be
    /// read; an error when the folder itself cannot be read. A library
    /// that has no folder yet is empty.
    pub fn list(&self, rubric: &Rubric) -> Result<Vec<Entry>, String> {
        let folder = match self.folder(false) {
            Ok(f) => f,
            Err(FolderError::Io {
                kind: std::io::ErrorKind::NotFound,
                ..
            }) => return Ok(Vec::new()),
            Err(e) => return Err(format!("The library cannot be read: {}", self.why_not(&e))),
        };
        let names = folder
            .entries()
            .map_err(|e| format!("The library cannot be read: {e}"))?;
        let names: Vec<(String, Kind)> = names
            .into_iter()
            .filter(|(name, _)| is_assessment_name(name))
            .collect();
        // Read on a few threads: a state folder holds thousands.
        Ok(super::rollup::parallel(&names, |(name, kind)| {
            let (name, kind) = (name.clone(), *kind);
            {
                let summary = match kind {
                    Kind::File => assessment_file::read_in(&folder, &name).and_then(|l| {
                        l.check(rubric)?;
                        Ok(summary_of(&l.assessment, rubric))
                    }),
                    kind => Err(LoadError::one(
                        &folder.join(&name).display().to_string(),
                        None,
                        None,
                        FolderError::NotOurs {
                            path: String::new(),
                            kind,
                            expected: "assessment files",
                        }
                        .reason(),
                    )),
                };
                Entry {
                    path: folder.join(&name),
                    name: stem(&name),
                    summary,
                }
            }
        }))
    }

    /// Files in the trash, newest first.
    pub fn trashed(&self) -> Vec<PathBuf> {
        let Ok(trash) = self.root(false).and_then(|r| r.sub("trash", false)) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = trash
            .entries()
            .unwrap_or_default()
            .into_iter()
            .filter(|(name, kind)| *kind == Kind::File && is_assessment_name(name))
            .map(|(name, _)| trash.join(&name))
            .collect();
        files.reverse();
        files
    }

    /// The file name of `path` when it is in the library's folder.
    fn name_in(&self, folder: &Folder, path: &Path) -> Option<String> {
        let parent = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path.file_name()?.to_string_lossy().into_owned();
        (folder.is(parent) && is_assessment_name(&name)).then_some(name)
    }

    /// Whether `path` names a place in the library's `assessments/` folder,
    /// as written or once links in its folders are resolved: such a path
    /// is only ever read through the library's folder.
    fn points_into(&self, path: &Path) -> bool {
        let parent = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        parent == self.assessments()
            || matches!(
                (parent.canonicalize(), self.assessments().canonicalize()),
                (Ok(a), Ok(b)) if a == b
            )
    }

    /// The library's file `path` names, held open; `None` for a path
    /// outside the library (a file from elsewhere), an error when the path
    /// points into the library but its folder cannot be used safely.
    pub fn file_for(&self, path: &Path) -> Option<Result<OpenFile, String>> {
        (self.points_into(path) || self.holds(path)).then(|| self.locate(path))
    }

    /// The library's folder, held open, and the file's name in it, for a
    /// path in it.
    pub fn locate(&self, path: &Path) -> Result<OpenFile, String> {
        let folder = self.folder(false).map_err(|e| self.why_not(&e))?;
        match self.name_in(&folder, path) {
            Some(name) => Ok(OpenFile { folder, name }),
            None if self.root.get().is_some_and(|root| !root.is(&self.dir.path)) => Err(format!(
                "the data folder {} was moved or replaced while ietkit was running: quit, and start ietkit again.",
                self.dir.path.display()
            )),
            None => Err(format!(
                "{} is not in the library {}.",
                path.display(),
                self.assessments().display()
            )),
        }
    }

    /// Why the library's folder cannot be used, with who can change that.
    fn why_not(&self, e: &FolderError) -> String {
        super::team::no_access(&self.dir.path).unwrap_or_else(|| match e.io_kind() {
            Some(std::io::ErrorKind::PermissionDenied) => {
                format!("{e} `ietkit team check` says who can fix it.")
            }
            _ => e.to_string(),
        })
    }

    /// Whether `path` is one of the library's own files: only those are ever
    /// changed in place. A file from elsewhere (an email, a USB stick) is
    /// read, and imported before anyone changes it.
    pub fn holds(&self, path: &Path) -> bool {
        self.folder(false)
            .is_ok_and(|folder| self.name_in(&folder, path).is_some())
    }

    /// The library name or file path a user typed, as a path.
    pub fn resolve(&self, name_or_path: &str) -> PathBuf {
        let by_name = self
            .assessments()
            .join(format!("{}.ron", name_or_path.trim_end_matches(".ron")));
        if !name_or_path.contains('/') && fs::symlink_metadata(&by_name).is_ok() {
            by_name
        } else {
            PathBuf::from(name_or_path)
        }
    }

    /// Reads an assessment: one of the library's through its folder (never
    /// through a link), any other by its path.
    pub fn read(&self, path: &Path) -> Result<assessment_file::Loaded, LoadError> {
        if !self.points_into(path) {
            return assessment_file::read(path);
        }
        match self.locate(path) {
            Ok(file) => file.read(),
            Err(reason) => Err(LoadError::one(
                &path.display().to_string(),
                None,
                None,
                reason,
            )),
        }
    }

    /// Takes the lock of one of the library's files, for changing it.
    pub fn lock(&self, path: &Path) -> Result<Lock, LockError> {
        self.locate(path)
            .map_err(|reason| LockError::Unavailable { reason })?
            .lock(&self.holder())
    }

    /// What a lock file of this library's user says of them.
    pub fn holder_text(&self) -> String {
        self.holder()
    }

    /// Saves `a` as a new file named from its program and cycle.
    pub fn create(&self, a: &Assessment) -> Result<PathBuf, SaveError> {
        self.create_named(a, &format!("{} {}", a.profile.program, a.cycle))
    }

    /// Saves `a` as a new file with a name made safe from `name`.
    pub fn create_named(&self, a: &Assessment, name: &str) -> Result<PathBuf, SaveError> {
        self.create_locked(a, name).map(|created| created.path)
    }

    /// Saves `a` as a new file with a name made safe from `name`, and
    /// returns it with its lock, held. A name in use, or one whose lock
    /// someone holds, is passed over; no file is ever replaced, so two
    /// people creating one name at once both keep their file.
    pub fn create_locked(&self, a: &Assessment, name: &str) -> Result<Created, SaveError> {
        let failed = |e: FolderError| assessment_file::save_error(&self.assessments(), &e);
        let folder = self.folder(true).map_err(failed)?;
        if !folder.writable() {
            return Err(failed(FolderError::Io {
                path: folder.path().display().to_string(),
                kind: std::io::ErrorKind::PermissionDenied,
                reason: "permission denied.".into(),
            }));
        }
        let text = assessment_file::to_text(a);
        assessment_file::within_limit(&folder.join(&format!("{}.ron", slug(name))), &text)?;
        for file in candidates(&slug(name)) {
            if folder.kind(&file) != Kind::Missing {
                continue;
            }
            // A name whose lock someone holds, or whose lock file is not
            // one ietkit can use, is passed over.
            let Ok(lock) = Lock::take(&folder, &file, &self.holder()) else {
                continue;
            };
            match folder.create_new(&file, text.as_bytes()) {
                Ok(()) => {
                    return Ok(Created {
                        path: folder.join(&file),
                        file: OpenFile {
                            folder: folder.try_clone().map_err(failed)?,
                            name: file,
                        },
                        lock,
                    });
                }
                Err(FolderError::Exists { .. }) => {}
                Err(e) => return Err(assessment_file::save_error(&folder.join(&file), &e)),
            }
        }
        Err(SaveError {
            file: self.assessments().display().to_string(),
            reason: "no free file name is left in the library.".into(),
        })
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
        // Whoever starts the next cycle assesses it, when they have said
        // whom they speak for; otherwise last cycle's assessors stand, for
        // the profile form to change.
        match &self.who.person.role {
            Some(role) => {
                next.assessors = vec![Assessor {
                    name: match self.who.person.name.trim() {
                        "" => self.who.login.clone(),
                        name => name.to_string(),
                    },
                    partner: role.clone(),
                }]
            }
            None => next.assessors.clone_from(&from.assessors),
        }
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

    /// Records that this library's user made `a` in the way `how` says.
    fn made(&self, a: &mut Assessment, how: Origin) {
        changes::record(a, &self.who, Timestamp::now(), vec![What::Created { how }]);
    }

    /// Copies an assessment under a new name; the copy is a separate file.
    pub fn duplicate(&self, path: &Path) -> Result<PathBuf, String> {
        let mut a = self.read(path).map_err(|e| e.to_string())?.assessment;
        // A copy goes its own way from here.
        a.id = crate::model::assessment::new_id();
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        self.made(
            &mut a,
            Origin::Copied {
                from: stem.to_string(),
            },
        );
        self.create_named(&a, &format!("{stem} copy"))
            .map_err(|e| e.to_string())
    }

    /// Who has the assessment `name` in `folder` open, as a refusal.
    fn refuse_if_open(&self, folder: &Folder, name: &str, doing: &str) -> Result<Lock, String> {
        Lock::take(folder, name, &self.holder()).map_err(|e| match e {
            LockError::Held { holder } => format!(
                "{} is open in another session ({holder}): it cannot be {doing} until that session closes it.",
                stem(name)
            ),
            LockError::Unavailable { reason } => {
                format!("{} cannot be {doing}: {reason}.", stem(name))
            }
        })
    }

    /// Moves `name` from `from` into the library's `folder` under the first
    /// free name made from `base`, holding that name's lock while it does,
    /// and never over another file; `None` when no name was free. Reaching
    /// `keep` (the file's own name) leaves it where it is.
    fn move_in(
        &self,
        from: &Folder,
        name: &str,
        folder: &Folder,
        base: &str,
        keep: Option<&str>,
    ) -> Result<Option<String>, FolderError> {
        Ok(self
            .move_in_locked(from, name, folder, base, keep)?
            .map(|(to, _)| to))
    }

    /// As [`Library::move_in`], and gives back the new name's lock (none
    /// when the file kept its own name).
    fn move_in_locked(
        &self,
        from: &Folder,
        name: &str,
        folder: &Folder,
        base: &str,
        keep: Option<&str>,
    ) -> Result<Option<(String, Option<Lock>)>, FolderError> {
        for to in candidates(base) {
            if keep == Some(to.as_str()) {
                return Ok(Some((to, None)));
            }
            if folder.kind(&to) != Kind::Missing {
                continue;
            }
            let Ok(target) = Lock::take(folder, &to, &self.holder()) else {
                continue;
            };
            match from.move_to(name, folder, &to) {
                Ok(()) => return Ok(Some((to, Some(target)))),
                Err(FolderError::Exists { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(None)
    }

    /// Gives the open file `file`, whose lock this session holds, the
    /// first free name made from `base`: a new assessment's file named
    /// before its program had a name takes the program's name. Gives back
    /// the file at its new name and that name's lock; `None` when it keeps
    /// its name (it already has it, or no name was free).
    pub fn rename_held(
        &self,
        file: &OpenFile,
        base: &str,
    ) -> Result<Option<(OpenFile, Lock, PathBuf)>, String> {
        let moved = self
            .move_in_locked(
                &file.folder,
                &file.name,
                &file.folder,
                &slug(base),
                Some(&file.name),
            )
            .map_err(|e| format!("could not rename {}: {e}", stem(&file.name)))?;
        let Some((to, Some(lock))) = moved else {
            return Ok(None);
        };
        assessment_file::move_history(&file.folder, &file.name, &to);
        let folder = file
            .folder
            .try_clone()
            .map_err(|e| format!("could not rename {}: {e}", stem(&file.name)))?;
        let path = folder.join(&to);
        Ok(Some((OpenFile { folder, name: to }, lock, path)))
    }

    /// Gives an assessment a new library name (its file name). Refused
    /// while anyone has it open; never replaces another file.
    pub fn rename(&self, path: &Path, name: &str) -> Result<PathBuf, String> {
        let OpenFile { folder, name: from } = self.locate(path)?;
        let _held = self.refuse_if_open(&folder, &from, "renamed")?;
        match self.move_in(&folder, &from, &folder, &slug(name), Some(&from)) {
            Ok(Some(to)) => {
                assessment_file::move_history(&folder, &from, &to);
                Ok(folder.join(&to))
            }
            Ok(None) => Err(format!(
                "could not rename {}: no free name.",
                path.display()
            )),
            Err(e) => Err(format!("could not rename {}: {e}", path.display())),
        }
    }

    /// Moves an assessment to the trash, from where it can be restored.
    /// Refused while anyone has it open.
    pub fn delete(&self, path: &Path) -> Result<PathBuf, String> {
        let OpenFile { folder, name } = self.locate(path)?;
        let _held = self.refuse_if_open(&folder, &name, "moved to the trash")?;
        let trash = self
            .root(true)
            .and_then(|r| r.sub("trash", true))
            .map_err(|e| e.to_string())?;
        let stamp = Timestamp::now().to_string().replace(':', "");
        let base = format!("{}.{stamp}", stem(&name));
        for n in 1..1000 {
            let target = if n == 1 {
                file_of(&base)
            } else {
                file_of(&format!("{base}-{n}"))
            };
            match folder.move_to(&name, &trash, &target) {
                Ok(()) => return Ok(trash.join(&target)),
                Err(FolderError::Exists { .. }) => {}
                Err(e) => {
                    return Err(format!(
                        "could not move {} to the trash: {e}",
                        path.display()
                    ));
                }
            }
        }
        Err(format!("could not move {} to the trash.", path.display()))
    }

    /// Puts a trashed file back into the library, under a free name.
    pub fn restore(&self, trashed: &Path) -> Result<PathBuf, String> {
        let trash = self
            .root(false)
            .and_then(|r| r.sub("trash", false))
            .map_err(|e| e.to_string())?;
        let name = trashed
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .filter(|n| {
                trash.is(trashed.parent().unwrap_or(Path::new("."))) && is_assessment_name(n)
            })
            .ok_or_else(|| format!("{} is not in the trash.", trashed.display()))?;
        // name.<stamp>.ron: drop the stamp the trash added.
        let stem = stem(&name);
        let original = stem.rsplit_once('.').map_or(stem.as_str(), |(n, _)| n);
        let folder = self.folder(true).map_err(|e| e.to_string())?;
        match self.move_in(&trash, &name, &folder, &slug(original), None) {
            Ok(Some(to)) => Ok(folder.join(&to)),
            Ok(None) => Err(format!(
                "could not restore {}: no free name.",
                trashed.display()
            )),
            Err(e) => Err(format!("could not restore {}: {e}", trashed.display())),
        }
    }

    /// Copies a `.ron` assessment from anywhere into the library, after
    /// checking that it reads. The source is never changed, and no file in
    /// the library is replaced: a name in use gets `-2`, `-3`, ...
    pub fn import(&self, source: &Path, name: Option<&str>) -> Result<PathBuf, String> {
        let loaded = assessment_file::read(source).map_err(|e| e.to_string())?;
        // Checked against the rubric it was made with, where that is at hand.
        let rubric =
            super::catalogue::rubric_with_id(Some(&self.dir), &loaded.assessment.rubric.id)
                .map(|(_, r)| r)
                .or_else(|| super::embedded::builtin().ok().map(|b| b.rubric));
        if let Some(rubric) = &rubric {
            loaded.check(rubric).map_err(|e| e.to_string())?;
        }
        if let Some(reason) = loaded.read_only {
            return Err(format!(
                "{} is not imported: it was {reason}. ietkit open {} shows it as it is.",
                source.display(),
                source.display()
            ));
        }
        let mut a = loaded.assessment;
        // By default the library name is the file's own name.
        let name = match name {
            Some(n) if !n.trim().is_empty() => n.to_string(),
            _ => source
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
        };
        let from = source
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        self.made(&mut a, Origin::Imported { from });
        if assessment_file::to_text(&a).len() as u64 > assessment_file::MAX_ASSESSMENT_BYTES {
            return Err(format!(
                "{} is not imported: as ietkit writes it, it would be larger than {} MB, the most ietkit reads back. Shorten its longest notes in a text editor, then import it again.",
                source.display(),
                assessment_file::MAX_ASSESSMENT_BYTES / (1024 * 1024)
            ));
        }
        self.create_named(&a, &name).map_err(|e| e.to_string())
    }

    /// Removes this user's temporary files left by saves cut off more than
    /// five minutes ago, in the folders ietkit writes; how many went.
    pub fn sweep_leftovers(&self) -> usize {
        let Ok(root) = self.root(false) else {
            return 0;
        };
        let mut swept = root.sweep(300);
        for path in ["assessments", "trash", "people", "state"] {
            if let Ok(folder) = root.sub(path, false) {
                swept += folder.sweep(300);
                if path == "assessments"
                    && let Ok(history) = folder.sub("history", false)
                {
                    swept += history.sweep(300);
                }
            }
        }
        swept
    }

    /// The assessment this person had open last, for the next start. Each
    /// person's own (`state/<login>.ron`), so partners sharing a folder do
    /// not open each other's; the folder's old `state.ron` when there is
    /// none yet.
    pub fn last(&self) -> Option<PathBuf> {
        let root = self.root(false).ok()?;
        let mine = root
            .sub("state", false)
            .ok()
            .and_then(|state| {
                state
                    .read(&super::people::file_name(&self.who.login), 64 * 1024)
                    .ok()
            })
            .flatten();
        let bytes = match mine {
            Some(bytes) => bytes,
            None => root.read("state.ron", 64 * 1024).ok()??,
        };
        let state: State = ron::from_str(std::str::from_utf8(&bytes).ok()?).ok()?;
        let name = state.last?;
        let folder = self.folder(false).ok()?;
        (is_assessment_name(&name) && !name.contains('/') && folder.kind(&name) == Kind::File)
            .then(|| folder.join(&name))
    }

    /// Remembers the assessment open now, for this person's next start.
    /// Only files in the library are remembered.
    pub fn set_last(&self, path: &Path) {
        let Ok(OpenFile { name, .. }) = self.locate(path) else {
            return;
        };
        let state = State { last: Some(name) };
        let folder = self.root(false).and_then(|r| r.sub("state", true));
        if let (Ok(text), Ok(folder)) = (ron::to_string(&state), folder) {
            let _ = folder.replace(&super::people::file_name(&self.who.login), text.as_bytes());
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

    fn library(label: &str) -> (Library, PathBuf) {
        let dir = std::env::temp_dir().join(format!("ietkit-lib-{label}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let lib = Library::new(DataDir {
            path: dir.clone(),
            chosen_by: crate::store::paths::ChosenBy::Flag,
        });
        (lib, dir)
    }

    fn blank() -> Assessment {
        let rubric = crate::store::embedded::builtin().unwrap().rubric;
        Assessment::new(&rubric, Default::default(), Purpose::NewDesign, "2026-27")
    }

    #[test]
    fn the_trash_is_in_the_data_folder_and_lists_its_assessments_newest_first() {
        let (lib, dir) = library("trash-list");
        assert_eq!(lib.trash(), dir.join("trash"));
        let one = lib.create_named(&blank(), "one").unwrap();
        let two = lib.create_named(&blank(), "two").unwrap();
        let first = lib.delete(&one).unwrap();
        let second = lib.delete(&two).unwrap();
        assert!(first.starts_with(lib.trash()) && second.starts_with(lib.trash()));
        fs::write(lib.trash().join("notes.txt"), "x").unwrap();
        fs::write(lib.trash().join(".one.ron.tmp"), "x").unwrap();
        fs::create_dir(lib.trash().join("folder.ron")).unwrap();
        let listed = lib.trashed();
        assert_eq!(listed.len(), 2, "{listed:?}");
        assert!(listed.contains(&first) && listed.contains(&second));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_typed_name_is_the_librarys_file_only_when_there_is_one() {
        let (lib, dir) = library("resolve");
        let weld = lib.create_named(&blank(), "weld").unwrap();
        assert_eq!(lib.resolve("weld"), weld);
        assert_eq!(lib.resolve("weld.ron"), weld);
        assert_eq!(lib.resolve("nosuch"), PathBuf::from("nosuch"));
        assert_eq!(lib.resolve("./weld"), PathBuf::from("./weld"));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_lock_says_who_holds_it_and_the_created_file_is_there() {
        let (mut lib, dir) = library("holder");
        lib.who.person.name = "Maria Lopez".into();
        let path = lib.create(&blank()).unwrap();
        assert!(path.is_file(), "{}", path.display());
        assert!(lib.holds(&path));
        assert!(!lib.holds(&dir.join("elsewhere.ron")));
        let _lock = lib.lock(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let held = crate::store::lock::Lock::holder(&lib.folder(false).unwrap(), &name).unwrap();
        assert!(held.contains("Maria Lopez"), "{held}");
        assert_eq!(
            lib.holder_text(),
            super::super::people::holder_text(&lib.who)
        );
        assert!(lib.holder_text().contains("Maria Lopez"));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_path_into_the_library_is_always_its_own_even_when_not_an_assessment() {
        let (lib, dir) = library("file-for");
        let weld = lib.create_named(&blank(), "weld").unwrap();
        assert!(matches!(lib.file_for(&weld), Some(Ok(_))));
        // A file beside the assessments that is not one: still the
        // library's to refuse, never read as a file from elsewhere.
        let notes = lib.assessments().join("notes.txt");
        fs::write(&notes, "x").unwrap();
        assert!(matches!(lib.file_for(&notes), Some(Err(_))));
        let outside = dir.join("copy.ron");
        fs::write(&outside, "x").unwrap();
        assert!(lib.file_for(&outside).is_none());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_data_folder_replaced_while_running_is_said_so() {
        let (lib, dir) = library("replaced");
        let weld = lib.create_named(&blank(), "weld").unwrap();
        let err = lib.locate(&dir.join("other/x.ron")).err().unwrap();
        assert!(err.contains("is not in the library"), "{err}");
        // Held open, then moved aside and a new folder put in its place.
        let aside = dir.with_extension("aside");
        let _ = fs::remove_dir_all(&aside);
        fs::rename(&dir, &aside).unwrap();
        fs::create_dir_all(dir.join("assessments")).unwrap();
        let err = lib.locate(&dir.join("assessments/x.ron")).err().unwrap();
        assert!(
            err.contains("was moved or replaced while ietkit was running"),
            "{err}"
        );
        let _ = weld;
        fs::remove_dir_all(&dir).unwrap();
        fs::remove_dir_all(&aside).unwrap();
    }

    #[test]
    fn a_refused_folder_points_to_team_check() {
        let (lib, dir) = library("why-not");
        let denied = FolderError::Io {
            path: dir.display().to_string(),
            kind: std::io::ErrorKind::PermissionDenied,
            reason: "permission denied".into(),
        };
        assert!(
            lib.why_not(&denied)
                .contains("`ietkit team check` says who can fix it")
        );
        let other = FolderError::Io {
            path: dir.display().to_string(),
            kind: std::io::ErrorKind::NotFound,
            reason: "not there".into(),
        };
        assert!(!lib.why_not(&other).contains("team check"));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_import_given_a_blank_name_takes_the_files_own() {
        let (lib, dir) = library("import-blank");
        let source = dir.join("weld.ron");
        fs::write(&source, assessment_file::to_text(&blank())).unwrap();
        let imported = lib.import(&source, Some("   ")).unwrap();
        assert_eq!(imported.file_name().unwrap(), "weld.ron");
        let named = lib.import(&source, Some("Welding 2026")).unwrap();
        assert_eq!(named.file_name().unwrap(), "welding-2026.ron");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn only_an_assessment_in_the_trash_is_restored() {
        let (lib, dir) = library("restore-only");
        let one = lib.create_named(&blank(), "one").unwrap();
        let trashed = lib.delete(&one).unwrap();
        // Not in the trash: a file of the same name elsewhere.
        let elsewhere = dir.join(trashed.file_name().unwrap());
        fs::copy(&trashed, &elsewhere).unwrap();
        let err = lib.restore(&elsewhere).unwrap_err();
        assert!(err.contains("is not in the trash"), "{err}");
        // In the trash but not an assessment.
        let notes = lib.trash().join("notes.txt");
        fs::write(&notes, "x").unwrap();
        assert!(
            lib.restore(&notes)
                .unwrap_err()
                .contains("is not in the trash")
        );
        // The real one comes back under its name.
        assert_eq!(
            lib.restore(&trashed).unwrap().file_name().unwrap(),
            "one.ron"
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn leftovers_of_saves_cut_off_are_swept_from_every_folder_ietkit_writes_and_counted() {
        let (lib, dir) = library("sweep");
        lib.create_named(&blank(), "weld").unwrap();
        let places = [
            "",
            "assessments",
            "assessments/history",
            "trash",
            "people",
            "state",
        ];
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(900);
        for (n, place) in places.iter().enumerate() {
            let folder = dir.join(place);
            fs::create_dir_all(&folder).unwrap();
            let leftover = folder.join(format!(".weld.ron.4242-{n}.tmp"));
            fs::write(&leftover, "(").unwrap();
            fs::File::options()
                .write(true)
                .open(&leftover)
                .unwrap()
                .set_modified(old)
                .unwrap();
        }
        // A save under way now is not a leftover.
        let fresh = dir.join("assessments/.weld.ron.4242-99.tmp");
        fs::write(&fresh, "(").unwrap();
        assert_eq!(lib.sweep_leftovers(), places.len());
        for (n, place) in places.iter().enumerate() {
            assert!(
                !dir.join(place)
                    .join(format!(".weld.ron.4242-{n}.tmp"))
                    .exists(),
                "{place}"
            );
        }
        assert!(fresh.exists());
        assert_eq!(lib.sweep_leftovers(), 0, "nothing left to sweep");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_last_assessment_is_one_in_the_library_that_is_there() {
        let (lib, dir) = library("last");
        let weld = lib.create_named(&blank(), "weld").unwrap();
        lib.set_last(&weld);
        assert_eq!(lib.last().as_deref(), Some(weld.as_path()));
        let state = dir
            .join("state")
            .join(super::super::people::file_name(&lib.who.login));
        // A state file with comments, larger than a kilobyte, reads.
        let padded = format!(
            "{}\n(last: Some(\"weld.ron\"))\n",
            "// kept by ietkit\n".repeat(100)
        );
        fs::write(&state, padded).unwrap();
        assert_eq!(lib.last().as_deref(), Some(weld.as_path()));
        for gone in ["missing.ron", "../weld.ron", "notes.txt"] {
            fs::write(&state, format!("(last: Some(\"{gone}\"))")).unwrap();
            assert_eq!(lib.last(), None, "{gone}");
        }
        fs::remove_dir_all(&dir).unwrap();
    }
}
