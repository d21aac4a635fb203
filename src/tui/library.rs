//! The library of saved assessments as a view: its rows, what is marked
//! for comparing, what it asks the session to do with files, and its keys'
//! effect. The session does the file work; `ui::overlays::library` draws it.

use std::path::PathBuf;

use super::action::Action;
use super::app::{App, Confirm, Effect, Overlay};
use super::form::{Prompt, PromptKind};
use crate::model::assessment::Assessment;

/// One line of the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryRow {
    pub path: PathBuf,
    pub name: String,
    /// Progress and date, beside the name.
    pub status: String,
    /// Program, college, cycle, purpose and assessors, on a second line.
    pub text: String,
    /// Set when the file cannot be read: what is wrong and where.
    pub error: Option<String>,
    /// The assessment open in this session.
    pub open: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LibraryView {
    pub rows: Vec<LibraryRow>,
    pub selected: usize,
    /// Showing the trash rather than the library.
    pub trash: bool,
    /// Entries marked for comparing side by side.
    pub marked: Vec<PathBuf>,
    /// Why the library cannot be read, when it cannot.
    pub problem: Option<String>,
}

/// What the library asks the session to do with files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibraryRequest {
    List {
        trash: bool,
    },
    Open(PathBuf),
    New,
    /// A new assessment on the rubric with this id.
    NewWith(String),
    NextCycle(PathBuf),
    Copy(PathBuf),
    Rename(PathBuf, String),
    Delete(PathBuf),
    Restore(PathBuf),
    Import(String),
    SaveCopy(String),
    /// Open these side by side.
    Compare(Vec<PathBuf>),
    /// Save an agreed consensus as a new assessment and open it.
    SaveConsensus(Box<Assessment>),
    /// Roll up these assessments across programs; every one when none.
    RollUp(Vec<PathBuf>),
    /// Write a roll-up's report to a file (over one that is there only
    /// when `replace`: the person said yes).
    WriteRollup {
        path: PathBuf,
        text: String,
        replace: bool,
    },
}

impl App {
    pub(super) fn open_library(&mut self, trash: bool) {
        self.overlays.retain(|o| !matches!(o, Overlay::Library(_)));
        // Marks stay while the app runs: closing the library to look at
        // something does not lose them.
        let marked = if trash {
            Vec::new()
        } else {
            self.marked.clone()
        };
        self.overlays.push(Overlay::Library(LibraryView {
            trash,
            marked,
            ..LibraryView::default()
        }));
        self.effects
            .push(Effect::Library(LibraryRequest::List { trash }));
    }

    /// The session lists the library into the open library view, or says
    /// why it cannot.
    pub fn show_library(&mut self, rows: Result<Vec<LibraryRow>, String>) {
        if let Some(Overlay::Library(view)) = self.overlays.last_mut() {
            let (rows, problem) = match rows {
                Ok(rows) => (rows, None),
                Err(problem) => (Vec::new(), Some(problem)),
            };
            view.selected = view.selected.min(rows.len().saturating_sub(1));
            // A mark on a file no longer listed goes.
            view.marked.retain(|p| rows.iter().any(|r| r.path == *p));
            if !view.trash {
                self.marked.clone_from(&view.marked);
            }
            view.rows = rows;
            view.problem = problem;
        }
    }

    pub(super) fn update_library(&mut self, action: Action) {
        let Some(Overlay::Library(view)) = self.overlays.last_mut() else {
            return;
        };
        let selected = view.rows.get(view.selected).map(|r| r.path.clone());
        let trash = view.trash;
        match action {
            Action::Down => {
                view.selected = (view.selected + 1).min(view.rows.len().saturating_sub(1))
            }
            Action::Up => view.selected = view.selected.saturating_sub(1),
            Action::Close => {
                self.overlays.pop();
            }
            Action::ToggleTrash => self.open_library(!trash),
            Action::Mark if !trash => {
                let Some(path) = selected else {
                    self.say("The library is empty: press n for a new assessment.");
                    return;
                };
                let said = match view.marked.iter().position(|p| *p == path) {
                    Some(i) => {
                        view.marked.remove(i);
                        "Unmarked"
                    }
                    None if view.marked.len() < 6 => {
                        view.marked.push(path);
                        "Marked"
                    }
                    None => {
                        self.say("Six is the most that fit side by side: Space unmarks one.");
                        return;
                    }
                };
                let next = match view.marked.len() {
                    0 => "none marked now.".to_string(),
                    1 => "1 marked; mark one more, then press v; u rolls up.".to_string(),
                    n => format!("{n} marked; v shows them side by side."),
                };
                self.marked.clone_from(&view.marked);
                self.say(format!("{said}: {next}"));
            }
            Action::Help => self.overlays.push(Overlay::Help { scroll: 0 }),
            Action::CompareMarked => {
                let marked = view.marked.clone();
                if (2..=6).contains(&marked.len()) {
                    self.effects
                        .push(Effect::Library(LibraryRequest::Compare(marked)));
                } else {
                    self.say("Mark 2 to 6 assessments with Space, then press v.");
                }
            }
            Action::NewAssessment => self.effects.push(Effect::Library(LibraryRequest::New)),
            Action::RollUp if !trash => {
                let marked = view.marked.clone();
                self.effects
                    .push(Effect::Library(LibraryRequest::RollUp(marked)));
            }
            Action::ImportAssessment => self.overlays.push(Overlay::Prompt(Prompt::new(
                PromptKind::Import,
                "Path of the assessment file to import:".into(),
                "",
            ))),
            Action::SaveCopyAs => self.overlays.push(Overlay::Prompt(Prompt::new(
                PromptKind::SaveCopy,
                "Save a copy of the open assessment to this path:".into(),
                "",
            ))),
            Action::WhoAmI => self.ask_who(false),
            _ => {
                let Some(path) = selected else {
                    self.say(if trash {
                        "The trash is empty."
                    } else {
                        "The library is empty: press n for a new assessment."
                    });
                    return;
                };
                let request = match (action, trash) {
                    (Action::Open, true) => LibraryRequest::Restore(path),
                    (Action::Open, false) => LibraryRequest::Open(path),
                    (Action::NextCycle, false) => LibraryRequest::NextCycle(path),
                    (Action::CopyAssessment, false) => LibraryRequest::Copy(path),
                    (Action::DeleteAssessment, false) => {
                        let row = &view.rows[view.selected];
                        if row.open {
                            self.say("This assessment is open: open another before moving it to the trash.");
                            return;
                        }
                        let name = row.name.clone();
                        self.overlays.push(Overlay::Confirm {
                            question: format!(
                                "Move {name} to the trash (y/n)? It can be restored from the trash: t, then Enter."
                            ),
                            on_yes: Confirm::Trash(path),
                        });
                        return;
                    }
                    (Action::RenameAssessment, false) => {
                        let name = path
                            .file_stem()
                            .unwrap_or_default()
                            .to_string_lossy()
                            .into_owned();
                        // The current name to edit, not to type again.
                        let shown = crate::text::clean_line(&name);
                        self.overlays.push(Overlay::Prompt(Prompt::new(
                            PromptKind::Rename { path },
                            format!("New name for {shown} (Ctrl-U clears):"),
                            &shown,
                        )));
                        return;
                    }
                    (_, true) => {
                        self.say(
                            "In the trash, Enter restores the selected assessment; t goes back.",
                        );
                        return;
                    }
                    _ => return,
                };
                self.effects.push(Effect::Library(request));
            }
        }
    }
}
