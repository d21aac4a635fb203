//! Carries out the effects `App::update` asks for: saving, and the
//! library's file operations. The only part of the app that touches files,
//! so `App` stays testable without a disk and this without a terminal.

use std::path::{Path, PathBuf};

use super::app::{
    App, Confirm, Effect, ExportRequest, LibraryRequest, LibraryRow, Overlay, SaveState,
};
use crate::model::assessment::{Assessment, Profile, Purpose};
use crate::model::timestamp::Timestamp;
use crate::report::{self, Subject};
use crate::store::export_file::{self, ExportError};
use crate::store::library::Library;
use crate::store::lock::{Lock, LockError};
use crate::store::{assessment_file, catalogue};
use crate::text;

pub struct Session {
    pub library: Option<Library>,
    /// The file the open assessment lives in; `None` until first saved.
    pub path: Option<PathBuf>,
    lock: Option<Lock>,
    /// Set while the file is read-only because another session holds it:
    /// the version on disk last shown, to follow that session's saves.
    following: Option<Stamp>,
}

/// When a file last changed and its size: enough to notice another save.
type Stamp = Option<(std::time::SystemTime, u64)>;

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

impl Session {
    pub fn new(library: Option<Library>) -> Session {
        Session {
            library,
            path: None,
            lock: None,
            following: None,
        }
    }

    /// Opens the assessment in `path`, matched to the app's rubric. A file
    /// someone else has open, or from a newer ietkit, opens read-only.
    pub fn open(&mut self, app: &mut App, path: &Path) -> Result<(), String> {
        let loaded = assessment_file::read(path).map_err(|e| e.to_string())?;
        let mut assessment = loaded.assessment;
        let mut notices = loaded.notices;
        // Made with another rubric that is at hand (the data folder's own,
        // or the built-in one): show it with that rubric, not this one.
        if assessment.rubric.id != app.content.rubric.id {
            let dir = self.library.as_ref().map(|l| &l.dir);
            if let Some((name, rubric)) = catalogue::rubric_with_id(dir, &assessment.rubric.id) {
                notices.push(format!(
                    "Shown with the rubric it was made with: {} ({}).",
                    rubric.title,
                    Path::new(&name)
                        .file_name()
                        .map_or(name.clone(), |n| n.to_string_lossy().into_owned())
                ));
                app.content.rubric = rubric;
            }
        }
        notices.extend(assessment_file::reconcile(
            &mut assessment,
            &app.content.rubric,
        ));
        // Release our hold on the previous file before taking the next.
        self.lock = None;
        self.following = None;
        let mut read_only = loaded.read_only;
        let outside = self.library.as_ref().is_some_and(|lib| !lib.holds(path));
        if outside {
            // Not even a lock file is written beside a file from elsewhere.
            read_only
                .get_or_insert("from outside your data folder; o then i imports a copy".into());
        } else {
            match Lock::acquire(path) {
                Ok(lock) => self.lock = Some(lock),
                Err(LockError::Held { holder }) => {
                    read_only.get_or_insert(format!("open in another session: {holder}"));
                    self.following = Some(stamp(path));
                }
                Err(LockError::Unavailable { reason }) => {
                    notices.push(format!(
                        "Could not lock the file ({reason}); take care that nobody else edits it."
                    ));
                }
            }
        }
        self.path = Some(path.to_path_buf());
        app.load(assessment, read_only.clone(), true);
        if let Some(lib) = &self.library {
            lib.set_last(path);
        }
        let name = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let mut message = format!("Opened {name}.");
        if let Some(reason) = read_only {
            message = format!("{name} is read-only: {reason}.");
        }
        for n in notices {
            message.push(' ');
            message.push_str(&n);
        }
        app.say(text::clean_line(&message));
        Ok(())
    }

    /// A blank assessment on the rubric in use, with its profile form open.
    fn start_fresh(&mut self, app: &mut App) {
        let fresh = Assessment::new(
            &app.content.rubric,
            Profile::default(),
            Purpose::NewDesign,
            "",
        );
        self.start_new(app, fresh);
        app.update(super::action::Action::EditProfile);
        app.say("New assessment: fill in the profile, then Enter; it is saved as it changes.");
    }

    /// Starts a new assessment in memory; it gets a file on its first change.
    pub fn start_new(&mut self, app: &mut App, assessment: Assessment) {
        self.lock = None;
        self.path = None;
        app.load(assessment, None, false);
    }

    /// Carries out and clears the app's pending effects.
    pub fn apply(&mut self, app: &mut App) {
        let effects = std::mem::take(&mut app.effects);
        let mut save = false;
        for effect in effects {
            match effect {
                Effect::Changed | Effect::SaveNow => save = true,
                Effect::Quit => {}
                Effect::Export(request) => self.export(app, request),
                Effect::Library(request) => {
                    // Save before leaving or listing, so nothing is lost.
                    if std::mem::take(&mut save) {
                        self.save(app);
                    }
                    self.library_request(app, request);
                }
            }
        }
        if save {
            self.save(app);
        }
        self.follow(app);
    }

    /// A view that is read-only because another session holds the file
    /// shows that session's saves at the next key, and becomes editable
    /// once that session has closed. (No timer: an idle screen stays still.)
    fn follow(&mut self, app: &mut App) {
        let (Some(seen), Some(path)) = (&self.following, self.path.clone()) else {
            return;
        };
        let now = stamp(&path);
        let lock = Lock::acquire(&path).ok();
        if now == *seen && lock.is_none() {
            return;
        }
        let newer_format = match assessment_file::read(&path) {
            Ok(loaded) => {
                let mut a = loaded.assessment;
                assessment_file::reconcile(&mut a, &app.content.rubric);
                app.assessment = a;
                loaded.read_only.is_some()
            }
            Err(e) => {
                app.warn(text::clean_line(&format!(
                    "The other session's latest save could not be read: {e}"
                )));
                self.following = Some(now);
                return;
            }
        };
        match lock {
            Some(lock) if !newer_format => {
                self.lock = Some(lock);
                self.following = None;
                app.read_only = None;
                app.save = SaveState::Saved(app.assessment.updated);
                app.say("The other session has closed: you can change this assessment now.");
            }
            _ => {
                self.following = Some(now);
                app.say("Updated with the other session's latest save.");
            }
        }
    }

    /// Writes the open assessment as a report where the user asked; asks
    /// before replacing a file that is already there.
    pub fn export(&mut self, app: &mut App, request: ExportRequest) {
        let path = expand_home(&request.path);
        let subject = Subject::new(&app.content.rubric, &app.content.screener, &app.assessment);
        let text = format!(
            "{}{}",
            request.kind.file_start(),
            report::export(&subject, request.kind)
        );
        let shown = text::clean_line(&path.display().to_string());
        match export_file::write(&path, &text, request.replace) {
            Ok(()) => app.say(format!("Exported to {shown}")),
            Err(ExportError::Exists { .. }) => app.overlays.push(Overlay::Confirm {
                question: format!("{shown} is already there. Replace it (y/n)?"),
                on_yes: Confirm::ReplaceExport(ExportRequest { path, ..request }),
            }),
            Err(ExportError::Failed { reason, .. }) => app.warn(format!(
                "Not exported: {} Press x to try again.",
                text::clean_line(&reason)
            )),
        }
    }

    /// Saves the open assessment, giving it a file in the library first if
    /// it has none. The outcome shows in the status bar.
    pub fn save(&mut self, app: &mut App) {
        if let Some(reason) = &app.read_only {
            app.save = SaveState::ReadOnly(reason.clone());
            return;
        }
        app.assessment.updated = Timestamp::now();
        let result = match (&self.path, &self.library) {
            (Some(path), _) => assessment_file::save(path, &app.assessment).map(|()| path.clone()),
            (None, Some(lib)) => lib.create(&app.assessment),
            (None, None) => {
                app.save =
                    SaveState::Failed("no data folder: start ietkit with --data-dir DIR".into());
                return;
            }
        };
        match result {
            Ok(path) => {
                if self.path.is_none() {
                    self.lock = Lock::acquire(&path).ok();
                    if let Some(lib) = &self.library {
                        lib.set_last(&path);
                    }
                    self.path = Some(path);
                }
                app.save = SaveState::Saved(app.assessment.updated);
            }
            Err(e) => {
                app.warn(format!("Not saved: {}", e.reason));
                app.save = SaveState::Failed(e.reason);
            }
        }
    }

    fn rows(&self, app: &App, trash: bool) -> Vec<LibraryRow> {
        let Some(lib) = &self.library else {
            return Vec::new();
        };
        if trash {
            return lib
                .trashed()
                .into_iter()
                .map(|path| LibraryRow {
                    name: path
                        .file_stem()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned(),
                    status: String::new(),
                    text: String::new(),
                    error: None,
                    path,
                })
                .collect();
        }
        lib.list(&app.content.rubric)
            .into_iter()
            .map(|e| {
                let open_now = self.path.as_deref() == Some(e.path.as_path());
                let (status, text, error) = match &e.summary {
                    Ok(s) => {
                        let mut about: Vec<String> = [s.program.as_str(), s.college.as_str(), s.cycle.as_str()]
                            .iter()
                            .filter(|x| !x.trim().is_empty())
                            .map(|x| x.trim().to_string())
                            .collect();
                        about.push(s.purpose.label().to_string());
                        if !s.assessors.is_empty() {
                            about.push(format!("by {}", s.assessors.join(", ")));
                        }
                        let status = format!(
                            "{}/{} done, {}{}",
                            s.answered,
                            s.total,
                            s.updated.date(),
                            if open_now { " (open now)" } else { "" }
                        );
                        (status, text::clean_line(&about.join("; ")), None)
                    }
                    Err(err) => (
                        "cannot be read; the file is left as it is".to_string(),
                        String::new(),
                        Some(format!("{err} Fix it in a text editor, or restore an earlier copy from history/.")),
                    ),
                };
                LibraryRow {
                    name: e.name,
                    path: e.path,
                    status,
                    text,
                    error,
                }
            })
            .collect()
    }

    fn library_request(&mut self, app: &mut App, request: LibraryRequest) {
        let Some(lib) = &self.library else {
            app.warn("There is no data folder: start ietkit with --data-dir DIR.");
            return;
        };
        let outcome: Result<String, String> = match request {
            LibraryRequest::List { trash } => {
                let rows = self.rows(app, trash);
                app.show_library(rows);
                return;
            }
            LibraryRequest::Open(path) => match self.open(app, &path) {
                Ok(()) => return,
                Err(e) => Err(e),
            },
            LibraryRequest::New => {
                // With rubrics of the team's own beside the built-in one,
                // ask which; otherwise start at once.
                let rubrics = catalogue::rubrics(Some(&lib.dir));
                if rubrics.len() > 1 {
                    let current = rubrics
                        .iter()
                        .position(|(_, r)| r.id == app.content.rubric.id)
                        .unwrap_or(0);
                    let builtin = crate::store::embedded::RUBRIC.name;
                    let choices = rubrics
                        .into_iter()
                        .map(|(name, r)| {
                            let from = if name == builtin {
                                "built in".to_string()
                            } else {
                                Path::new(&name)
                                    .file_name()
                                    .map_or(name.clone(), |n| n.to_string_lossy().into_owned())
                            };
                            let label = format!("{} {} ({from})", r.title, r.version);
                            (r.id, text::clean_line(&label))
                        })
                        .collect();
                    app.overlays.push(super::app::Overlay::Form(
                        super::form::Form::new_assessment(choices, current),
                    ));
                    return;
                }
                self.start_fresh(app);
                return;
            }
            LibraryRequest::NewWith(id) => {
                if let Some((_, rubric)) = catalogue::rubric_with_id(Some(&lib.dir), &id) {
                    app.content.rubric = rubric;
                }
                self.start_fresh(app);
                return;
            }
            LibraryRequest::NextCycle(path) => match assessment_file::read(&path) {
                Ok(loaded) => {
                    let next = lib.next_cycle(&loaded.assessment, &app.content.rubric);
                    let cycle = next.cycle.clone();
                    self.start_new(app, next);
                    self.save(app);
                    Ok(format!(
                        "Started cycle {cycle}: profile, evidence (marked to re-check) and open action items carried over; ratings start empty."
                    ))
                }
                Err(e) => Err(e.to_string()),
            },
            LibraryRequest::Compare(paths) => {
                let mut names = Vec::new();
                let mut assessments = Vec::new();
                for path in &paths {
                    match assessment_file::read(path) {
                        Ok(loaded) => {
                            let mut a = loaded.assessment;
                            assessment_file::reconcile(&mut a, &app.content.rubric);
                            names.push(stem(path));
                            assessments.push(a);
                        }
                        Err(e) => {
                            app.warn(text::clean_line(&e.to_string()));
                            return;
                        }
                    }
                }
                let view =
                    super::compare::CompareView::new(&app.content.rubric, names, assessments);
                app.overlays
                    .push(super::app::Overlay::Compare(Box::new(view)));
                return;
            }
            LibraryRequest::SaveConsensus(assessment) => {
                let name = format!(
                    "{} {} consensus",
                    assessment.profile.program, assessment.cycle
                );
                let created = lib.create_named(&assessment, &name);
                self.lock = None;
                self.path = None;
                app.load(*assessment, None, false);
                match created {
                    Ok(path) => {
                        self.lock = Lock::acquire(&path).ok();
                        lib.set_last(&path);
                        self.path = Some(path);
                        app.save = SaveState::Saved(app.assessment.updated);
                    }
                    Err(e) => app.save = SaveState::Failed(e.reason),
                }
                match &self.path {
                    Some(p) => Ok(format!(
                        "Consensus saved as {}: agreed ratings, why, and each view in the notes.",
                        stem(p)
                    )),
                    None => Err(
                        "The consensus is open here but could not be saved; see the status bar."
                            .into(),
                    ),
                }
            }
            LibraryRequest::Copy(path) => lib
                .duplicate(&path)
                .map(|p| format!("Copied as {}.", stem(&p))),
            LibraryRequest::Rename(path, name) => {
                if self.path.as_deref() == Some(path.as_path()) {
                    Err("Open another assessment before renaming this one.".into())
                } else {
                    lib.rename(&path, &name)
                        .map(|p| format!("Renamed to {}.", stem(&p)))
                }
            }
            LibraryRequest::Delete(path) => {
                if self.path.as_deref() == Some(path.as_path()) {
                    Err(
                        "This assessment is open: open another before moving it to the trash."
                            .into(),
                    )
                } else {
                    lib.delete(&path).map(|_| {
                        format!(
                            "Moved {} to the trash; t shows the trash, Enter there restores.",
                            stem(&path)
                        )
                    })
                }
            }
            LibraryRequest::Restore(path) => lib
                .restore(&path)
                .map(|p| format!("Restored as {}.", stem(&p))),
            LibraryRequest::Import(source) => lib
                .import(Path::new(source.trim()), None)
                .map(|p| format!("Imported as {}.", stem(&p))),
            LibraryRequest::SaveCopy(target) => {
                let target = PathBuf::from(target.trim());
                if target.exists() {
                    Err(format!(
                        "{} already exists: choose a new file name.",
                        target.display()
                    ))
                } else {
                    assessment_file::write_atomic(
                        &target,
                        &assessment_file::to_text(&app.assessment),
                    )
                    .map(|()| format!("Saved a copy to {}.", target.display()))
                    .map_err(|e| e.reason)
                }
            }
        };
        match outcome {
            Ok(message) => app.say(text::clean_line(&message)),
            Err(e) => app.warn(text::clean_line(&e)),
        }
        // Refresh an open library view after a change to the files.
        if let Some(super::app::Overlay::Library(view)) = app.overlays.last() {
            let trash = view.trash;
            let rows = self.rows(app, trash);
            app.show_library(rows);
        }
    }
}

/// `~/reports/x.md` as a path under the home folder, as a shell would.
fn expand_home(path: &Path) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
    match path.strip_prefix("~") {
        Ok(rest) => home().map_or_else(|| path.to_path_buf(), |h| h.join(rest)),
        Err(_) => path.to_path_buf(),
    }
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}
