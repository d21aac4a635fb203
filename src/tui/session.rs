//! Carries out the effects `App::update` asks for: saving, and the
//! library's file operations. The only part of the app that touches files,
//! so `App` stays testable without a disk and this without a terminal.

use std::path::{Path, PathBuf};

use super::app::{
    App, Confirm, Effect, ExportRequest, LibraryRequest, LibraryRow, Overlay, SaveState,
};
use super::draft::{DraftChoice, Drafts, LeftDraft, Place};
use crate::model::assessment::{Assessment, Assessor, Profile, Purpose};
use crate::model::changes::{self, Origin, What};
use crate::model::timestamp::Timestamp;
use crate::report::{self, Subject};
use crate::store::export_file::{self, ExportError};
use crate::store::library::{Library, OpenFile, file_base, slug};
use crate::store::lock::Lock;
use crate::store::{assessment_file, catalogue};
use crate::text;

pub struct Session {
    pub library: Option<Library>,
    /// The file the open assessment lives in; `None` until first saved.
    pub path: Option<PathBuf>,
    /// That file, its folder held open: where it is read, locked and
    /// saved, whatever happens to the folder's path meanwhile. `None` for a
    /// file from outside the library, which is only ever read.
    file: Option<OpenFile>,
    lock: Option<Lock>,
    /// Set while the file is read-only because its lock cannot be taken
    /// (another session holds it, say): the version on disk last shown, to
    /// follow the writer's saves.
    following: Option<Stamp>,
    /// The assessment as last saved or opened: what a save is compared
    /// with to record who changed what.
    baseline: Option<Assessment>,
    /// How a new assessment not yet saved came to be.
    origin: Option<Origin>,
    /// What is being typed, kept on disk; drafts other sessions left.
    drafts: Drafts,
}

/// When a file last changed and its size: enough to notice another save.
type Stamp = Option<(i64, i64, i64)>;

impl Session {
    pub fn new(library: Option<Library>) -> Session {
        Session {
            library,
            path: None,
            file: None,
            lock: None,
            following: None,
            baseline: None,
            origin: None,
            drafts: Drafts::new(),
        }
    }

    /// Reads an assessment: through the library when it is one of its
    /// files, so that nothing in the data folder is followed.
    fn read(&self, path: &Path) -> Result<assessment_file::Loaded, String> {
        match &self.library {
            Some(lib) => lib.read(path),
            None => assessment_file::read(path),
        }
        .map_err(|e| e.to_string())
    }

    /// What the lock file says of this session.
    fn holder(&self, app: &App) -> String {
        crate::store::people::holder_text(&app.who)
    }

    /// Opens the assessment in `path`, matched to the app's rubric. A file
    /// someone else has open, or from a newer ietkit, opens read-only.
    pub fn open(&mut self, app: &mut App, path: &Path) -> Result<(), String> {
        // One of the library's files is held by its folder from here on; a
        // file from elsewhere is only read.
        let file = match &self.library {
            Some(lib) => lib.file_for(path).transpose()?,
            None => Some(
                assessment_file::folder_of(path, false)
                    .map(|(folder, name)| OpenFile { folder, name })
                    .map_err(|e| e.to_string())?,
            ),
        };
        let loaded = match &file {
            Some(file) => file.read().map_err(|e| e.to_string())?,
            None => assessment_file::read(path).map_err(|e| e.to_string())?,
        };
        let mut notices = Vec::new();
        // Made with another rubric that is at hand (the data folder's own,
        // or the built-in one): show it with that rubric, not this one.
        let mut rubric = None;
        if loaded.assessment.rubric.id != app.content.rubric.id {
            let dir = self.library.as_ref().map(|l| &l.dir);
            if let Some((name, own)) = catalogue::rubric_with_id(dir, &loaded.assessment.rubric.id)
            {
                notices.push(format!(
                    "Shown with the rubric it was made with: {} ({}).",
                    own.title,
                    Path::new(&name)
                        .file_name()
                        .map_or(name.clone(), |n| n.to_string_lossy().into_owned())
                ));
                rubric = Some(own);
            }
        }
        loaded
            .check(rubric.as_ref().unwrap_or(&app.content.rubric))
            .map_err(|e| e.to_string())?;
        if let Some(rubric) = rubric {
            app.content.rubric = rubric;
        }
        let mut assessment = loaded.assessment;
        notices.splice(0..0, loaded.notices);
        notices.extend(assessment_file::reconcile(
            &mut assessment,
            &app.content.rubric,
        ));
        notices.extend(assessment_file::screener_notices(
            &assessment,
            &app.content.screener,
        ));
        // Release our hold on the previous file before taking the next;
        // nothing can be typed in it any more.
        self.drafts.forget();
        self.lock = None;
        self.following = None;
        let mut read_only = loaded.read_only;
        match &file {
            // Not even a lock file is written beside a file from elsewhere.
            None => {
                read_only
                    .get_or_insert("from outside your data folder; o then i imports a copy".into());
            }
            Some(file) => match file.lock(&self.holder(app)) {
                Ok(lock) => self.lock = Some(lock),
                // Read-only until the lock can be taken: two writers would
                // overwrite each other's saves.
                Err(e) => {
                    read_only.get_or_insert(e.why());
                    self.following = Some(file.stamp());
                }
            },
        }
        self.file = file;
        self.baseline = Some(assessment.clone());
        self.origin = None;
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
        self.offer_drafts(app);
        Ok(())
    }

    /// A blank assessment on the rubric in use, with its profile form open;
    /// the person working is its first assessor when they said their role.
    fn start_fresh(&mut self, app: &mut App) {
        self.start_blank(app);
        app.update(super::action::Action::EditProfile);
        app.say(text::clean_line(&format!(
            "New assessment by {}: fill in the profile, then Enter; it is saved as it changes. Not you? w in the library (o) says who is working.",
            app.who.label()
        )));
    }

    /// A blank assessment on the rubric in use, in memory.
    fn start_blank(&mut self, app: &mut App) {
        let mut fresh = Assessment::new(
            &app.content.rubric,
            Profile::default(),
            Purpose::NewDesign,
            "",
        );
        if let Some(role) = &app.who.person.role {
            let name = app.who.person.name.trim();
            fresh.assessors.push(Assessor {
                name: if name.is_empty() {
                    app.who.login.clone()
                } else {
                    name.to_string()
                },
                partner: role.clone(),
            });
        }
        self.start_new(app, fresh, Origin::New);
    }

    /// Starts a new assessment in memory; it gets a file on its first
    /// change, and its change record says how it came to be.
    pub fn start_new(&mut self, app: &mut App, assessment: Assessment, how: Origin) {
        self.drafts.forget();
        self.lock = None;
        self.path = None;
        self.file = None;
        self.following = None;
        self.baseline = Some(assessment.clone());
        self.origin = Some(how);
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
                Effect::RememberWho => self.remember_who(app),
                Effect::Draft(choice, left) => self.draft_chosen(app, choice, *left),
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
        let place = self.draft_place(app);
        self.drafts.keep(app, place);
    }

    /// Where drafts of what is typed in the open assessment go: beside
    /// its file, or (a new assessment with no file yet) in the person's
    /// own state. None for a file from outside the data folder.
    fn draft_place(&self, app: &App) -> Option<Place> {
        if let Some(file) = &self.file {
            return Some(Place {
                folder: file.folder.try_clone().ok()?,
                base: file.name.clone(),
                personal: false,
            });
        }
        if self.path.is_some() {
            return None;
        }
        self.personal_place(app)
    }

    /// The person's own state folder, where drafts of new assessments go.
    fn personal_place(&self, app: &App) -> Option<Place> {
        let root = self.library.as_ref()?.root(true).ok()?;
        Some(Place {
            folder: root.sub("state", true).ok()?,
            base: crate::store::people::file_name(&app.who.login),
            personal: true,
        })
    }

    /// Offers a draft a session left: one typed in the open assessment
    /// (when it can be changed here), or one of a new assessment the
    /// person was starting.
    pub fn offer_drafts(&mut self, app: &mut App) {
        let mut places = Vec::new();
        if app.read_only.is_none()
            && let Some(place) = self.draft_place(app).filter(|p| !p.personal)
        {
            places.push(place);
        }
        places.extend(self.personal_place(app));
        self.drafts.offer(app, &places);
    }

    /// Restores, discards or puts off the draft offered; then offers the
    /// next, unless one was restored to go on typing.
    fn draft_chosen(&mut self, app: &mut App, choice: DraftChoice, left: LeftDraft) {
        let place = if left.personal {
            self.personal_place(app)
        } else {
            self.draft_place(app).filter(|p| !p.personal)
        };
        let Some(place) = place else {
            return;
        };
        let what = left.draft.what();
        match choice {
            DraftChoice::Later => {
                self.drafts.put_off(&place, &left.file);
                app.say(if left.personal {
                    format!("The draft of {what} is kept: it is offered again when ietkit next starts.")
                } else {
                    format!("The draft of {what} is kept: it is offered again when this assessment is next opened.")
                });
            }
            DraftChoice::Discard => match place.folder.remove(&left.file) {
                Ok(()) => app.say(format!("Draft of {what} discarded.")),
                Err(e) => {
                    self.drafts.put_off(&place, &left.file);
                    app.warn(text::clean_line(&format!(
                        "The draft of {what} could not be discarded: {}",
                        e.reason()
                    )));
                }
            },
            DraftChoice::Restore => {
                if let Some(indicator) = left.draft.typing.indicator()
                    && app.content.rubric.indicator(indicator).is_none()
                {
                    self.drafts.put_off(&place, &left.file);
                    app.warn(format!(
                        "The draft of {what} is kept as it is: {indicator} is not in the rubric in use ({}).",
                        app.content.rubric.title
                    ));
                } else {
                    if left.personal {
                        self.start_blank(app);
                    }
                    let found = app.restore_typing(left.draft.typing.clone());
                    // Written as this session's own draft before the left
                    // one goes: the text is on disk all along.
                    let mine = self.draft_place(app);
                    let written = self.drafts.keep_now(app, mine);
                    // If its own copy could not be written, the left one
                    // stays, holding the text, until it is kept.
                    self.drafts.adopt(place, left.file);
                    if !written {
                        app.warn(format!(
                            "Restored: {what}. No draft can be written here: the old one stays until you keep it."
                        ));
                        return;
                    }
                    let message = if found {
                        let keep = match left.draft.typing {
                            super::draft::Typing::Notes { .. } => "Ctrl-S",
                            _ => "Enter",
                        };
                        format!("Restored: {what}. {keep} keeps it.")
                    } else {
                        "Restored as a new item: the item it changed is no longer there. Enter keeps it."
                            .to_string()
                    };
                    app.say(message);
                    return;
                }
            }
        }
        self.offer_drafts(app);
    }

    /// A view that is read-only because another session holds the file
    /// shows that session's saves at the next key, and becomes editable
    /// once that session has closed. (No timer: an idle screen stays still.)
    pub fn follow(&mut self, app: &mut App) -> bool {
        let (Some(seen), Some(file)) = (&self.following, &self.file) else {
            return false;
        };
        let now = file.stamp();
        let lock = file.lock(&self.holder(app)).ok();
        if now == *seen && lock.is_none() {
            return false;
        }
        let loaded = file.read();
        // The name may now stand for another assessment (this one renamed
        // or trashed, another made under its name): never take that for it.
        let same = loaded
            .as_ref()
            .is_ok_and(|l| l.assessment.same_as(&app.assessment));
        if now.is_none() || (loaded.is_ok() && !same) {
            self.following = None;
            drop(lock);
            let gone = "it was renamed, moved to the trash or replaced in another session: o opens the library";
            app.read_only = Some(gone.into());
            app.save = SaveState::ReadOnly(gone.into());
            app.warn(format!("This view is no longer followed: {gone}."));
            return true;
        }
        let newer_format = match loaded {
            Ok(loaded) => {
                let mut a = loaded.assessment;
                assessment_file::reconcile(&mut a, &app.content.rubric);
                self.baseline = Some(a.clone());
                app.assessment = a;
                loaded.read_only.is_some()
            }
            Err(e) => {
                app.warn(text::clean_line(&format!(
                    "The other session's latest save could not be read: {e}"
                )));
                self.following = Some(now);
                return true;
            }
        };
        match lock {
            Some(lock) if !newer_format => {
                self.lock = Some(lock);
                self.following = None;
                app.read_only = None;
                app.save = SaveState::Saved(app.assessment.updated);
                app.say("The assessment is free now: you can change it.");
                // What the session that had it was typing is offered now.
                self.offer_drafts(app);
            }
            _ => {
                self.following = Some(now);
                app.say("Updated with the other session's latest save.");
            }
        }
        true
    }

    /// Remembers in the data folder what the person working said of
    /// themselves (the app already holds it).
    fn remember_who(&mut self, app: &mut App) {
        // A new assessment not yet saved, started before the person said
        // who they are: they are its first assessor, as they would have
        // been had they said it first.
        if self.path.is_none()
            && app.assessment.assessors.is_empty()
            && let Some(role) = &app.who.person.role
        {
            let name = app.who.person.name.trim();
            let assessor = Assessor {
                name: if name.is_empty() {
                    app.who.login.clone()
                } else {
                    name.to_string()
                },
                partner: role.clone(),
            };
            app.assessment.assessors.push(assessor.clone());
            if let Some(baseline) = &mut self.baseline {
                baseline.assessors.push(assessor);
            }
        }
        let Some(lib) = &mut self.library else {
            return;
        };
        lib.who = app.who.clone();
        if let Some(lock) = &mut self.lock {
            lock.describe(&crate::store::people::holder_text(&app.who));
        }
        let written = lib
            .root(true)
            .and_then(|root| crate::store::people::write(&root, &app.who));
        if let Err(e) = written {
            app.warn(text::clean_line(&format!(
                "Your name could not be kept for next time: {e}"
            )));
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
        // The app is drawn on the terminal: a report written to one (or to
        // another device) would be drawn over, or lost.
        let device = std::fs::metadata(&path).is_ok_and(|m| {
            use std::os::unix::fs::{FileTypeExt, MetadataExt};
            m.file_type().is_char_device()
                && !std::fs::metadata("/dev/null").is_ok_and(|n| n.rdev() == m.rdev())
        });
        if device || request.path.as_os_str() == "-" {
            app.warn(format!(
                "Not exported: {shown} is not a file (a terminal or a device); give a file name. Press x to try again."
            ));
            return;
        }
        let data = self.library.as_ref().map(|l| l.dir.path.as_path());
        match export_file::write(&path, &text, request.replace, data) {
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
    /// it has none, and records who changed what. The outcome shows in the
    /// status bar.
    pub fn save(&mut self, app: &mut App) {
        if let Some(reason) = &app.read_only {
            app.save = SaveState::ReadOnly(reason.clone());
            return;
        }
        let now = Timestamp::now();
        // A file from before format 2 gets its id at its first save here.
        if app.assessment.id.is_empty() {
            app.assessment.id = crate::model::assessment::new_id();
        }
        let mut whats = Vec::new();
        let made = app
            .assessment
            .changes
            .iter()
            .any(|c| matches!(c.what, What::Created { .. }));
        if self.path.is_none() && !made {
            whats.push(What::Created {
                how: self.origin.take().unwrap_or(Origin::New),
            });
        }
        // Without a baseline the assessment is the blank one the app
        // starts with.
        let blank;
        let before = match &self.baseline {
            Some(before) => before,
            None => {
                blank = Assessment::new(
                    &app.content.rubric,
                    Profile::default(),
                    Purpose::NewDesign,
                    "",
                );
                &blank
            }
        };
        whats.extend(changes::diff(before, &app.assessment));
        // The name a file made before its program had one was given from
        // that blank profile ("assessment", "2026"): once the program is
        // named, the file takes the name it would have had.
        let named_blank = (before.profile.program.trim().is_empty()
            && !app.assessment.profile.program.trim().is_empty())
        .then(|| slug(&file_base(before)));
        changes::record(&mut app.assessment, &app.who, now, whats);
        // The record holds what changed even if this save fails.
        self.baseline = Some(app.assessment.clone());
        app.assessment.updated = now;
        let mut history = None;
        let result = match (&self.file, &self.library) {
            (Some(file), _) => file.save(&app.assessment).map(|problem| {
                history = problem;
                None
            }),
            (None, Some(lib)) if self.path.is_none() => lib
                .create_locked(&app.assessment, &file_base(&app.assessment))
                .map(Some),
            (None, _) if self.path.is_some() => {
                app.save = SaveState::Failed(
                    "this file is not in your data folder: o then i imports a copy to change"
                        .into(),
                );
                return;
            }
            (None, _) => {
                app.save =
                    SaveState::Failed("no data folder: start ietkit with --data-dir DIR".into());
                return;
            }
        };
        match result {
            Ok(created) => {
                if let Some(created) = created {
                    self.lock = Some(created.lock);
                    self.file = Some(created.file);
                    if let Some(lib) = &self.library {
                        lib.set_last(&created.path);
                    }
                    self.path = Some(created.path);
                }
                app.save = SaveState::Saved(app.assessment.updated);
                if let Some(blank) = named_blank {
                    self.follow_program_name(app, &blank);
                }
                if let Some(problem) = history {
                    app.warn(text::clean_line(&format!(
                        "Saved, but no earlier version was kept: {problem}"
                    )));
                }
            }
            Err(e) => {
                app.warn(format!(
                    "Not saved: {} Your work is still open here (the file on disk is unchanged): o then s saves a copy elsewhere.",
                    e.reason
                ));
                app.save = SaveState::Failed(e.reason);
            }
        }
    }

    /// Renames the open file, saved under `blank` (the name a profile
    /// without a program gives, or one of its `-2`, `-3` forms), after the
    /// program it now names; its earlier versions follow, and its lock
    /// moves with it. A file someone renamed by hand keeps their name.
    fn follow_program_name(&mut self, app: &mut App, blank: &str) {
        let (Some(lib), Some(file), Some(_)) = (&self.library, &self.file, &self.lock) else {
            return;
        };
        let current = file.name.strip_suffix(".ron").unwrap_or(&file.name);
        let numbered = current
            .strip_prefix(blank)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if current != blank && !numbered {
            return;
        }
        let base = file_base(&app.assessment);
        // What is typed is kept under the file's name: it follows to the
        // new one at the next keep.
        self.drafts.forget();
        match lib.rename_held(file, &base) {
            Ok(Some((file, lock, path))) => {
                self.lock = Some(lock);
                self.file = Some(file);
                lib.set_last(&path);
                app.say(text::clean_line(&format!(
                    "Saved as {}, after the program's name.",
                    stem(&path)
                )));
                self.path = Some(path);
            }
            Ok(None) => {}
            Err(e) => app.warn(text::clean_line(&format!("Saved, but kept its name: {e}"))),
        }
    }

    /// The library's rows, or why the library cannot be read.
    fn rows(&self, app: &App, trash: bool) -> Result<Vec<LibraryRow>, String> {
        let Some(lib) = &self.library else {
            return Ok(Vec::new());
        };
        if trash {
            return Ok(lib
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
                    open: false,
                    path,
                })
                .collect());
        }
        let entries = lib
            .list(&app.content.rubric)
            .map_err(|problem| text::clean_line(&problem))?;
        Ok(entries
            .into_iter()
            .map(|e| {
                let open_now = self.path.as_deref() == Some(e.path.as_path());
                let (status, text, error) = match &e.summary {
                    Ok(s) => {
                        // What tells two files apart first: the cycle and
                        // who assessed; then the program, college, purpose.
                        let mut about: Vec<String> = Vec::new();
                        if !s.cycle.trim().is_empty() {
                            about.push(s.cycle.trim().to_string());
                        }
                        if !s.assessors.is_empty() {
                            about.push(format!("by {}", s.assessors.join(", ")));
                        }
                        about.extend(
                            [s.program.as_str(), s.college.as_str()]
                                .iter()
                                .filter(|x| !x.trim().is_empty())
                                .map(|x| x.trim().to_string()),
                        );
                        about.push(s.purpose.label().to_string());
                        let status = format!(
                            "{}/{} done, {}{}",
                            s.answered,
                            s.total,
                            s.updated.date(),
                            if open_now { " (open now)" } else { "" }
                        );
                        (status, text::clean_line(&about.join("; ")), None)
                    }
                    // A mistake inside the file can be mended by hand; a
                    // file that cannot be opened says itself what to do.
                    Err(err) if err.problems.iter().any(|p| p.line.is_some()) => (
                        "cannot be read; the file is left as it is".to_string(),
                        String::new(),
                        Some(format!("{err} Fix it in a text editor, or restore an earlier copy from history/.")),
                    ),
                    Err(err) => (
                        "cannot be read; the file is left as it is".to_string(),
                        String::new(),
                        Some(err.to_string()),
                    ),
                };
                LibraryRow {
                    name: e.name,
                    path: e.path,
                    status,
                    text,
                    error,
                    open: open_now,
                }
            })
            .collect())
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
            LibraryRequest::RollUp(paths) => match roll_up(lib, app, &paths) {
                Ok(view) => {
                    let (programs, files) = (
                        view.rollup.programs.len(),
                        view.rollup.programs.len() + view.rollup.left_out.len(),
                    );
                    app.overlays
                        .push(super::app::Overlay::Rollup(Box::new(view)));
                    Ok(format!(
                        "{} from {}; s orders the indicators, x writes it to a file.",
                        text::count(programs, "program", "programs"),
                        text::count(files, "assessment", "assessments")
                    ))
                }
                Err(e) => Err(e),
            },
            LibraryRequest::WriteRollup {
                path,
                text: report,
                replace,
            } => {
                let path = expand_home(&path);
                let shown = text::clean_line(&path.display().to_string());
                match export_file::write(&path, &report, replace, Some(&lib.dir.path)) {
                    Ok(()) => {
                        let ending = path
                            .extension()
                            .map(|e| e.to_string_lossy().to_lowercase())
                            .unwrap_or_default();
                        Ok(
                            if matches!(ending.as_str(), "md" | "csv" | "html" | "htm" | "json") {
                                format!("Wrote the roll-up to {shown}")
                            } else {
                                format!(
                                    "Wrote the roll-up as text to {shown}; a name ending in .md, .csv, .html or .json writes those."
                                )
                            },
                        )
                    }
                    Err(ExportError::Exists { .. }) => {
                        app.overlays.push(super::app::Overlay::Confirm {
                            question: format!("{shown} is already there. Replace it (y/n)?"),
                            on_yes: Confirm::ReplaceRollup { path, text: report },
                        });
                        return;
                    }
                    Err(ExportError::Failed { reason, .. }) => Err(format!(
                        "Not written: {} Press x to try again.",
                        text::clean_line(&reason)
                    )),
                }
            }
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
            LibraryRequest::NextCycle(path) => match self.read(&path).and_then(|l| {
                l.check(&app.content.rubric)
                    .map(|()| l)
                    .map_err(|e| e.to_string())
            }) {
                Ok(loaded) => {
                    let next = lib.next_cycle(&loaded.assessment, &app.content.rubric);
                    let cycle = next.cycle.clone();
                    self.start_new(app, next, Origin::NextCycle { from: stem(&path) });
                    self.save(app);
                    let which = if cycle.trim().is_empty() {
                        "Started the next cycle, with no cycle name (the one it comes from has none; p sets it)".to_string()
                    } else {
                        format!("Started cycle {cycle}")
                    };
                    Ok(format!(
                        "{which}: profile, evidence (marked to re-check) and open action items carried over; ratings start empty."
                    ))
                }
                Err(e) => Err(e),
            },
            LibraryRequest::Compare(paths) => {
                let mut names = Vec::new();
                let mut assessments = Vec::new();
                for path in &paths {
                    let checked = self.read(path).and_then(|l| {
                        l.check(&app.content.rubric)
                            .map(|()| l)
                            .map_err(|e| e.to_string())
                    });
                    match checked {
                        Ok(loaded) => {
                            let mut a = loaded.assessment;
                            assessment_file::reconcile(&mut a, &app.content.rubric);
                            names.push(stem(path));
                            assessments.push(a);
                        }
                        Err(e) => {
                            app.warn(text::clean_line(&e));
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
                let of = assessment
                    .assessors
                    .iter()
                    .map(|x| format!("{} ({})", x.name, x.partner.short()))
                    .collect();
                let name = format!(
                    "{} {} consensus",
                    assessment.profile.program, assessment.cycle
                );
                let mut assessment = *assessment;
                changes::record(
                    &mut assessment,
                    &app.who,
                    Timestamp::now(),
                    vec![What::Created {
                        how: Origin::Consensus { of },
                    }],
                );
                let created = lib.create_locked(&assessment, &name);
                if let Ok(created) = &created {
                    lib.set_last(&created.path);
                }
                self.start_new(app, assessment, Origin::New);
                self.origin = None;
                match created {
                    Ok(created) => {
                        self.lock = Some(created.lock);
                        self.file = Some(created.file);
                        self.path = Some(created.path);
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
                let target = expand_home(Path::new(target.trim()));
                let shown = target.display().to_string();
                match crate::store::folder::write_at(
                    &target,
                    assessment_file::to_text(&app.assessment).as_bytes(),
                    false,
                ) {
                    Ok(()) => Ok(format!("Saved a copy to {shown}.")),
                    Err(crate::store::folder::FolderError::Exists { .. }) => {
                        Err(format!("{shown} already exists: choose a new file name."))
                    }
                    Err(e) => Err(format!("No copy saved: {e}")),
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
/// The roll-up of `paths` in the library (every assessment in it when
/// none), as a view.
fn roll_up(
    lib: &Library,
    app: &App,
    paths: &[PathBuf],
) -> Result<super::rollup::RollupView, String> {
    // By their library names: read as `ietkit rollup NAME...` reads them.
    let names: Vec<String> = paths.iter().map(|p| stem(p)).collect();
    let today = Timestamp::now().date();
    let rubric = &app.content.rubric;
    let rollup = crate::cli::roll_up_sources(
        Some(lib),
        &names,
        rubric,
        &app.content.screener,
        None,
        today,
    )?;
    Ok(super::rollup::RollupView::new(
        rollup,
        today.to_string(),
        format!("{}, version {}", rubric.title, rubric.version),
    ))
}

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
