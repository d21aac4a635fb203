//! The app's state and `update`: the only place state changes. Drawing
//! reads `App` and never changes it.

use std::cell::RefCell;
use std::path::PathBuf;

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use tui_tree_widget::TreeState;

use super::action::Action;
use super::content::Content;
pub use super::detail::{Part, parts};
use super::form::{Editor, Form, Prompt, PromptKind};
use super::keymap::{self, Context};
use super::layout::{self, Pane};
pub use super::library::{LibraryRequest, LibraryRow, LibraryView};
use super::nav::NavId;
use super::search::{Hit, Search};
use super::theme::Theme;
use crate::model::assessment::Assessment;
use crate::model::changes::Who;
use crate::model::screener::Answer;
use crate::model::timestamp::Timestamp;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MainView {
    Welcome,
    Section(String),
    Checklist(usize),
    Screener,
}

/// Scrolls a text overlay of `max + page` lines by `action`; returns
/// whether the action closes it.
pub(super) fn scroll_text(scroll: &mut u16, action: Action, max: u16, page: u16) -> bool {
    match action {
        Action::Down => *scroll = (*scroll + 1).min(max),
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::PageDown => *scroll = (*scroll + page).min(max),
        Action::PageUp => *scroll = scroll.saturating_sub(page),
        Action::Top => *scroll = 0,
        Action::Bottom => *scroll = max,
        Action::Close => return true,
        _ => {}
    }
    false
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    Quit,
    /// Delete an evidence or action item (`part`) of `indicator`.
    Delete {
        indicator: String,
        part: Part,
    },
    /// Discard the edit on top of the stack.
    Discard,
    /// Replace an existing file with the export.
    ReplaceExport(ExportRequest),
    /// Move a saved assessment to the trash.
    Trash(PathBuf),
    /// Replace a file with the roll-up's report.
    ReplaceRollup {
        path: PathBuf,
        text: String,
    },
}

/// An export the session should write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    pub kind: crate::report::Kind,
    pub path: PathBuf,
    /// Replace the file if it is there (the user said yes).
    pub replace: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing to save yet: a new assessment nobody has changed.
    Nothing,
    Saved(Timestamp),
    Failed(String),
    ReadOnly(String),
}

pub enum Overlay {
    Help {
        scroll: u16,
    },
    Library(LibraryView),
    Compare(Box<super::compare::CompareView>),
    Rollup(Box<super::rollup::RollupView>),
    Detail {
        indicator: String,
        cursor: usize,
        scroll: u16,
    },
    /// `None` explains the overall score.
    Explain {
        category: Option<usize>,
    },
    Editor(Editor),
    Form(Form),
    Prompt(Prompt),
    Confirm {
        question: String,
        on_yes: Confirm,
    },
    /// Who changed what in the open assessment, newest first.
    Log {
        scroll: u16,
    },
    /// A draft left by a session that ended while typing: restore,
    /// discard or put off.
    DraftFound(Box<super::draft::LeftDraft>),
}

/// Something `update` asks the outside world to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// The assessment changed and should be saved.
    Changed,
    /// Save now, changed or not.
    SaveNow,
    Library(LibraryRequest),
    Export(ExportRequest),
    /// Keep what the person working said of themselves (`App::who`) in the
    /// data folder.
    RememberWho,
    /// What was chosen for the draft offered.
    Draft(super::draft::DraftChoice, Box<super::draft::LeftDraft>),
    Quit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
}

pub struct App {
    pub content: Content,
    pub assessment: Assessment,
    pub theme: Theme,
    pub size: Rect,
    pub focus: Pane,
    pub main: MainView,
    /// Selected row of the checklist.
    pub checklist: usize,
    /// Scroll of the text in the main pane: a toolkit section, the welcome,
    /// or the screener's page.
    pub reader_scroll: u16,
    /// The screener question shown; one past the last is the verdict.
    pub question: usize,
    /// Selected row in the summary: a category, or one past them for overall.
    pub summary_row: usize,
    /// Lines scrolled past in the summary pane, when it is too short.
    pub summary_scroll: u16,
    /// The tree widget keeps its scroll offset in this state while drawing;
    /// that offset is view memory only, hence the RefCell.
    pub nav: RefCell<TreeState<NavId>>,
    pub overlays: Vec<Overlay>,
    pub search: Option<Search>,
    pub message: Option<(String, Tone)>,
    /// How many changes to the assessment since it was opened.
    pub changes: u64,
    pub save: SaveState,
    /// Why the assessment must not be changed, when it must not.
    pub read_only: Option<String>,
    /// Library entries marked to compare, kept while the app runs.
    pub marked: Vec<PathBuf>,
    /// The assessment was opened from its file, not started here: the
    /// first screen welcomes the person back.
    pub opened: bool,
    /// The data folder in use, for the help.
    pub data_dir: Option<String>,
    /// Where exports go unless the user says otherwise.
    pub export_dir: PathBuf,
    pub effects: Vec<Effect>,
    pub quit: bool,
    /// Set when the user asked to suspend (Ctrl-Z): the terminal layer
    /// gives the terminal back to the shell.
    pub suspend: bool,
    /// What is being typed could not be kept as a draft: the status bar
    /// says so until it can.
    pub draft_unkept: bool,
    /// Who is working: recorded with every change they make.
    pub who: Who,
}

impl App {
    pub fn new(content: Content, assessment: Assessment, theme: Theme, size: Rect) -> App {
        let mut nav = TreeState::default();
        nav.select(vec![NavId::Toolkit]);
        App {
            content,
            assessment,
            theme,
            size,
            focus: Pane::Navigator,
            main: MainView::Welcome,
            checklist: 0,
            reader_scroll: 0,
            question: 0,
            summary_row: 0,
            summary_scroll: 0,
            nav: RefCell::new(nav),
            overlays: Vec::new(),
            search: None,
            message: None,
            changes: 0,
            save: SaveState::Nothing,
            read_only: None,
            opened: false,
            marked: Vec::new(),
            data_dir: None,
            export_dir: PathBuf::new(),
            effects: Vec::new(),
            quit: false,
            suspend: false,
            draft_unkept: false,
            who: Who {
                login: crate::store::people::login(),
                person: Default::default(),
            },
        }
    }

    pub fn areas(&self) -> layout::Areas {
        layout::areas(self.size, self.focus)
    }

    /// The contexts keys are looked up in, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        self.contexts_for(self.overlays.last())
    }

    /// The contexts of what the help was opened over: its keys come first.
    pub fn contexts_under_help(&self) -> Vec<Context> {
        let below = match self.overlays.last() {
            Some(Overlay::Help { .. }) => self.overlays.iter().rev().nth(1),
            top => top,
        };
        self.contexts_for(below)
    }

    fn contexts_for(&self, top: Option<&Overlay>) -> Vec<Context> {
        let mut out = Vec::new();
        match top {
            Some(Overlay::Help { .. }) => out.push(Context::Help),
            Some(Overlay::Explain { .. }) => out.push(Context::Explain),
            Some(Overlay::Confirm { .. }) => out.push(Context::Confirm),
            Some(Overlay::Editor(_)) => out.push(Context::Editor),
            Some(Overlay::Form(_)) => out.push(Context::Form),
            Some(Overlay::Prompt(_)) => out.push(Context::Prompt),
            Some(Overlay::Library(_)) => out.push(Context::Library),
            Some(Overlay::Compare(v)) if v.trend => out.push(Context::Trend),
            Some(Overlay::Compare(_)) => out.push(Context::Compare),
            Some(Overlay::Log { .. }) => out.push(Context::Log),
            Some(Overlay::Rollup(_)) => out.push(Context::Rollup),
            Some(Overlay::DraftFound(_)) => out.push(Context::Draft),
            Some(Overlay::Detail { .. }) => {
                if self.search.is_some() {
                    out.push(Context::SearchActive);
                }
                out.push(Context::Detail);
                out.push(Context::Global);
            }
            None => {
                if self.search.is_some() {
                    out.push(Context::SearchActive);
                }
                out.push(match self.focus {
                    Pane::Navigator => Context::Navigator,
                    Pane::Summary => Context::Summary,
                    Pane::Main => match self.main {
                        MainView::Checklist(_) => Context::Checklist,
                        MainView::Screener => Context::Screener,
                        MainView::Welcome | MainView::Section(_) => Context::Reader,
                    },
                });
                out.push(Context::Global);
            }
        }
        out.push(Context::Anywhere);
        out
    }

    /// Whether `action`'s key is worth a place in the status bar just now:
    /// side by side, a consensus is for partners' views and the trend for
    /// cycles of one program.
    pub fn hint_applies(&self, action: Action) -> bool {
        match (self.overlays.last(), action) {
            (Some(Overlay::Compare(v)), Action::StartConsensus) => {
                v.is_partners() && v.consensus.is_none()
            }
            (Some(Overlay::Compare(v)), Action::ToggleTrend) => {
                v.comparison.kind == crate::model::comparison::Kind::Cycles
            }
            _ => true,
        }
    }

    /// Handles one terminal event; returns whether the screen needs drawing.
    pub fn handle_event(&mut self, event: Event) -> bool {
        match event {
            // Esc and a key typed at once can reach ietkit in one read, which
            // the terminal's protocol cannot tell from Alt and that key. No
            // binding uses Alt, so it is taken as what was typed: Esc, then
            // the key.
            Event::Key(key)
                if key.kind == KeyEventKind::Press
                    && key.modifiers.contains(KeyModifiers::ALT)
                    && matches!(key.code, KeyCode::Char(_)) =>
            {
                let esc = self.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
                let rest = KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT);
                self.handle_key(rest) | esc
            }
            Event::Key(key) if key.kind == KeyEventKind::Press => self.handle_key(key),
            // Nothing is shown to paste into while the screen is too small.
            Event::Paste(_) if self.too_small() => false,
            Event::Paste(text) => self.paste(&text),
            Event::Resize(w, h) => {
                self.size = Rect::new(0, 0, w, h);
                true
            }
            _ => false,
        }
    }

    /// The terminal's size when the app starts. Where only one pane fits,
    /// the first screen is the welcome, which says how to begin, rather
    /// than the navigator alone.
    pub fn resize_first(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        if self.areas().tabs.is_some()
            && self.main == MainView::Welcome
            && self.focus == Pane::Navigator
        {
            self.focus = Pane::Main;
        }
    }

    /// Whether the terminal is too small to show anything but a request
    /// to enlarge it.
    pub fn too_small(&self) -> bool {
        layout::areas(self.size, self.focus).too_small
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        if self.too_small() {
            return self.handle_key_too_small(key);
        }
        let had_message = self.message.take();
        if let Some(action) = keymap::resolve(&self.contexts(), &key) {
            self.update(action);
            return true;
        }
        if self.type_into(key) {
            return true;
        }
        // A letter or digit that does nothing here says so, with the way to
        // the keys that do: a key with no effect and no word looks broken.
        let name = match key.code {
            KeyCode::Char(c)
                if !key.modifiers.contains(KeyModifiers::CONTROL) && !c.is_whitespace() =>
            {
                Some(c.to_string())
            }
            KeyCode::Enter => Some("Enter".to_string()),
            _ => None,
        };
        if let Some(name) = name {
            self.say(format!(
                "{name} does nothing here; ? shows the keys that do."
            ));
            // Said already: the screen stays as it is.
            return had_message != self.message;
        }
        had_message.is_some()
    }

    /// While the screen is too small nothing can be seen, so only what the
    /// screen offers acts: quitting (and answering the question quitting
    /// asks, which is then shown) and Ctrl-Z.
    fn handle_key_too_small(&mut self, key: KeyEvent) -> bool {
        let asking_to_quit = matches!(
            self.overlays.last(),
            Some(Overlay::Confirm {
                on_yes: Confirm::Quit,
                ..
            })
        );
        let contexts: &[Context] = if asking_to_quit {
            &[Context::Confirm, Context::Anywhere]
        } else {
            &[Context::Global, Context::Anywhere]
        };
        match keymap::resolve(contexts, &key) {
            // Whatever is open: it cannot be seen, so it cannot be closed first.
            Some(Action::Quit) => self.ask_quit(),
            Some(action @ (Action::Suspend | Action::Yes | Action::No)) => self.update(action),
            _ => return false,
        }
        true
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), Tone::Info));
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), Tone::Warning));
    }

    pub(super) fn changed(&mut self) {
        self.changes += 1;
        self.effects.push(Effect::Changed);
    }

    /// Whether `action`, in the current context, would change the assessment.
    fn would_change(&self, action: Action) -> bool {
        let top = self.overlays.last();
        // The library, the side-by-side view and the roll-up work on
        // other files.
        if matches!(
            top,
            Some(Overlay::Library(_) | Overlay::Compare(_) | Overlay::Rollup(_))
        ) {
            return false;
        }
        match action {
            Action::Rate(_)
            | Action::NotApplicable
            | Action::ToggleUnsure
            | Action::Answer(_)
            | Action::EditNotes
            | Action::AddEvidence
            | Action::AddAction
            | Action::DeleteItem
            | Action::EditProfile => true,
            Action::Open => matches!(top, Some(Overlay::Detail { .. })),
            _ => false,
        }
    }

    pub fn update(&mut self, action: Action) {
        if let Some(reason) = self.read_only.clone().filter(|_| self.would_change(action)) {
            self.warn(format!("Read-only: {reason}."));
            return;
        }
        if action == Action::Suspend {
            self.suspend = true;
            return;
        }
        // A level the rubric's scale does not have does nothing, and says why.
        if let Action::Rate(level) = action {
            let values = self.content.rubric.scale.values();
            if !values.contains(&level) {
                self.warn(format!(
                    "This rubric's scale runs {}: there is no level {level}.",
                    crate::store::assessment_file::scale_span(&values)
                ));
                return;
            }
        }
        if action == Action::Export
            && matches!(self.overlays.last(), None | Some(Overlay::Detail { .. }))
        {
            self.open_export();
        } else if self.overlays.is_empty() {
            self.update_panes(action);
        } else {
            self.update_overlay(action);
        }
    }

    // ----- the panes -------------------------------------------------------

    pub(super) fn update_panes(&mut self, action: Action) {
        match action {
            Action::Quit => self.ask_quit(),
            Action::Help => self.overlays.push(Overlay::Help { scroll: 0 }),
            Action::FocusNext | Action::FocusPrev => {
                let i = Pane::ALL.iter().position(|p| *p == self.focus).unwrap_or(0);
                let step = if action == Action::FocusNext {
                    1
                } else {
                    Pane::ALL.len() - 1
                };
                self.focus = Pane::ALL[(i + step) % Pane::ALL.len()];
            }
            Action::Search => self.overlays.push(Overlay::Prompt(Prompt::new(
                PromptKind::Search,
                "Search indicators and toolkit:".into(),
                self.search.as_ref().map_or("", |s| s.query.as_str()),
            ))),
            Action::SearchNext => self.step_search(1),
            Action::SearchPrev => self.step_search(-1),
            Action::EndSearch => {
                self.search = None;
                self.say("Search ended.");
            }
            Action::EditProfile => self.overlays.push(Overlay::Form(Form::profile(
                &self.assessment.profile,
                self.assessment.purpose,
                &self.assessment.cycle,
                &self.assessment.assessors,
            ))),
            Action::NextOpenItem => self.jump_open(true),
            Action::PrevOpenItem => self.jump_open(false),
            Action::Save => self.effects.push(Effect::SaveNow),
            Action::Library => self.open_library(false),
            Action::ShowLog => self.overlays.push(Overlay::Log { scroll: 0 }),
            Action::Close => {}
            Action::Back if self.focus == Pane::Main => self.focus = Pane::Navigator,
            _ => match self.focus {
                Pane::Navigator => self.update_navigator(action),
                Pane::Main => match self.main.clone() {
                    MainView::Checklist(c) => self.update_checklist(c, action),
                    MainView::Screener => self.update_screener(action),
                    MainView::Welcome | MainView::Section(_) => self.update_reader(action),
                },
                Pane::Summary => self.update_summary(action),
            },
        }
    }

    fn open_export(&mut self) {
        let subject = crate::report::Subject::new(
            &self.content.rubric,
            &self.content.screener,
            &self.assessment,
        );
        let defaults = crate::report::Kind::ALL
            .iter()
            .map(|k| {
                self.export_dir
                    .join(subject.file_name(*k))
                    .display()
                    .to_string()
            })
            .collect();
        self.overlays.push(Overlay::Form(Form::export(defaults)));
    }

    pub(super) fn ask_quit(&mut self) {
        let question = match &self.save {
            SaveState::Failed(reason) => format!(
                "Your latest changes are NOT saved ({reason}). Quit anyway and lose them (y/n)? Press o, then s, to save a copy elsewhere first."
            ),
            SaveState::Nothing if self.changes > 0 => {
                "Your changes are not saved yet. Quit anyway and lose them (y/n)?".to_string()
            }
            _ => {
                self.quit = true;
                self.effects.push(Effect::Quit);
                return;
            }
        };
        self.overlays.push(Overlay::Confirm {
            question,
            on_yes: Confirm::Quit,
        });
    }

    /// Asks the person working for their name and whom they speak for;
    /// `first` when they have never been asked in this data folder.
    pub fn ask_who(&mut self, first: bool) {
        self.overlays
            .push(Overlay::Form(Form::person(&self.who, first)));
    }

    /// Puts a freshly opened (or new) assessment in front of the user.
    pub fn load(&mut self, assessment: Assessment, read_only: Option<String>, saved: bool) {
        self.assessment = assessment;
        self.save = match (&read_only, saved) {
            (Some(reason), _) => SaveState::ReadOnly(reason.clone()),
            (None, true) => SaveState::Saved(self.assessment.updated),
            (None, false) => SaveState::Nothing,
        };
        self.opened = saved || read_only.is_some();
        self.read_only = read_only;
        self.changes = 0;
        self.overlays.clear();
        self.search = None;
        self.main = MainView::Welcome;
        self.reader_scroll = 0;
        self.checklist = 0;
        self.question = 0;
        self.focus = Pane::Navigator;
    }

    pub(super) fn page(&self, pane: Pane) -> usize {
        self.areas()
            .pane(pane)
            .map_or(10, |r| usize::from(r.height.saturating_sub(3)).max(1))
    }

    pub(super) fn show_section(&mut self, id: &str) {
        self.main = MainView::Section(id.to_string());
        self.reader_scroll = 0;
        self.focus = Pane::Main;
    }

    pub(super) fn show_checklist(&mut self, category: usize, row: usize) {
        self.main = MainView::Checklist(category);
        self.checklist = row;
        self.focus = Pane::Main;
    }

    /// Shows an indicator in its checklist, selected, and in the navigator.
    pub(super) fn show_indicator(&mut self, id: &str) {
        if let Some((c, i)) = self.content.locate(id) {
            self.show_checklist(c, i);
            let mut nav = self.nav.borrow_mut();
            nav.open(vec![NavId::Category(c)]);
            nav.select(vec![NavId::Category(c), NavId::Indicator(id.to_string())]);
        }
    }

    pub(super) fn step_search(&mut self, step: isize) {
        let Some(s) = &mut self.search else { return };
        let n = s.hits.len() as isize;
        if n == 0 {
            return;
        }
        s.current = (s.current as isize + step).rem_euclid(n) as usize;
        self.show_hit();
    }

    pub(super) fn show_hit(&mut self) {
        let Some(s) = &self.search else { return };
        let Some(hit) = s.hits.get(s.current).cloned() else {
            return;
        };
        let position = format!(
            "Match {} of {} for \"{}\"",
            s.current + 1,
            s.hits.len(),
            s.query
        );
        // A search result replaces any open detail view.
        self.overlays
            .retain(|o| !matches!(o, Overlay::Detail { .. }));
        match hit {
            Hit::Indicator(id) => {
                self.show_indicator(&id);
                self.say(format!("{position}: indicator {id}."));
            }
            Hit::Section(id) => {
                self.reveal_section(&id);
                self.say(format!("{position}: toolkit section."));
            }
        }
    }

    // ----- overlays --------------------------------------------------------

    fn update_overlay(&mut self, action: Action) {
        let Some(top) = self.overlays.last_mut() else {
            return;
        };
        match top {
            Overlay::Help { .. } => {
                let area = layout::help(self.size);
                let width = usize::from(area.width.saturating_sub(2)).max(1);
                let page = area.height.saturating_sub(2).max(1);
                let max =
                    (super::lines::help::help_lines(self, width).len() as u16).saturating_sub(page);
                if let Some(Overlay::Help { scroll }) = self.overlays.last_mut()
                    && scroll_text(scroll, action, max, page)
                {
                    self.overlays.pop();
                }
            }
            Overlay::Explain { .. } => {
                if action == Action::Close {
                    self.overlays.pop();
                }
            }
            Overlay::DraftFound(_) => {
                use super::draft::DraftChoice;
                let choice = match action {
                    Action::RestoreDraft => DraftChoice::Restore,
                    Action::DiscardDraft => DraftChoice::Discard,
                    Action::Close => DraftChoice::Later,
                    _ => return,
                };
                if let Some(Overlay::DraftFound(left)) = self.overlays.pop() {
                    self.effects.push(Effect::Draft(choice, left));
                }
            }
            Overlay::Log { .. } => {
                let area = layout::help(self.size);
                let width = usize::from(area.width.saturating_sub(2)).max(1);
                let page = area.height.saturating_sub(2).max(1);
                let rows =
                    crate::report::log::rows(&self.assessment, &self.content.rubric.scale, width);
                let max = u16::try_from(rows.len())
                    .unwrap_or(u16::MAX)
                    .saturating_sub(page);
                if let Some(Overlay::Log { scroll }) = self.overlays.last_mut()
                    && scroll_text(scroll, action, max, page)
                {
                    self.overlays.pop();
                }
            }
            Overlay::Confirm { .. }
            | Overlay::Editor(_)
            | Overlay::Form(_)
            | Overlay::Prompt(_) => self.update_dialog(action),
            Overlay::Detail { .. } => self.update_detail(action),
            Overlay::Library(_) => self.update_library(action),
            Overlay::Compare(_) => self.update_compare(action),
            Overlay::Rollup(_) => self.update_rollup(action),
        }
    }

    /// Answers kept for the screener, for drawing.
    pub fn answer(&self, question: &str) -> Option<Answer> {
        self.assessment.screener.get(question).copied()
    }
}
