//! Drafts: text being typed (the notes editor, a form, the N/A reason) is
//! kept beside the assessment after each burst of keys, so that a dropped
//! connection loses none of it. Each session writes its own draft file,
//! `<file>.<session>.draft`, so two sessions never overwrite each other's.
//! A draft whose session has ended is offered to the next session that can
//! change its assessment (whoever holds its lock), saying whose it is and
//! from when: restored, discarded, or put off until later.
//!
//! A new assessment has no file yet: its drafts go in the person's own
//! state folder and are offered to them at every start.
//!
//! What is typed lives in the app's overlays; `App::typing` reads it out
//! of them and `App::restore_typing` puts it back. [`Drafts`] writes,
//! finds and removes the files.

use std::collections::HashSet;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::app::{App, Overlay, SaveState};
use super::form::{Editor, FieldValue, Form, FormKind, Prompt, PromptKind};
use crate::model::changes::Who;
use crate::model::timestamp::Timestamp;
use crate::store::folder::Folder;
use crate::text;

/// Text being typed, and where it goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Typing {
    Notes {
        indicator: String,
        text: String,
    },
    /// `index` is the item being changed (none for a new one), and
    /// `original` what its form held when it opened: the item is found
    /// again by that, whatever became of the order of items since.
    Evidence {
        indicator: String,
        index: Option<usize>,
        original: Vec<String>,
        fields: Vec<String>,
    },
    Action {
        indicator: String,
        index: Option<usize>,
        original: Vec<String>,
        fields: Vec<String>,
    },
    /// `original`: what the form held when it opened, so that only what
    /// was typed is shown.
    Profile {
        fields: Vec<String>,
        original: Vec<String>,
    },
    NotApplicable {
        indicator: String,
        reason: String,
    },
}

impl Typing {
    /// The indicator the text belongs to (none for the profile).
    pub fn indicator(&self) -> Option<&str> {
        match self {
            Typing::Notes { indicator, .. }
            | Typing::Evidence { indicator, .. }
            | Typing::Action { indicator, .. }
            | Typing::NotApplicable { indicator, .. } => Some(indicator),
            Typing::Profile { .. } => None,
        }
    }
}

/// A draft as it is kept on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// The login of who typed it, and how they named themselves.
    pub by: String,
    pub name: String,
    /// Where the session that typed it ran: to tell whether it still runs.
    pub host: String,
    pub process: u32,
    /// The id of the assessment it was typed in.
    pub assessment: String,
    pub at: Timestamp,
    pub typing: Typing,
}

impl Draft {
    pub fn new(who: &Who, assessment: &str, typing: Typing) -> Draft {
        Draft {
            by: who.login.clone(),
            name: who.label(),
            host: crate::store::people::host(),
            process: std::process::id(),
            assessment: assessment.to_string(),
            at: Timestamp::now(),
            typing,
        }
    }

    /// "notes for PD-3", for messages.
    pub fn what(&self) -> String {
        match &self.typing {
            Typing::Notes { indicator, .. } => format!("notes for {indicator}"),
            Typing::Evidence { indicator, .. } => format!("evidence for {indicator}"),
            Typing::Action { indicator, .. } => format!("an action item for {indicator}"),
            Typing::Profile { .. } => "the program profile".into(),
            Typing::NotApplicable { indicator, .. } => {
                format!("why {indicator} does not apply")
            }
        }
    }

    /// "Maria Lopez (ABS), login maria": the name people give themselves
    /// and the login the system vouches for.
    pub fn typed_by(&self) -> String {
        if self.name == self.by || self.name.trim().is_empty() {
            self.by.clone()
        } else {
            format!("{}, login {}", self.name, self.by)
        }
    }

    /// The text of the draft, as it will be restored.
    pub fn text(&self) -> String {
        match &self.typing {
            Typing::Notes { text, .. } => text.clone(),
            Typing::NotApplicable { reason, .. } => reason.clone(),
            Typing::Evidence { fields, .. } | Typing::Action { fields, .. } => fields
                .iter()
                .filter(|f| !f.trim().is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join("\n"),
            Typing::Profile { fields, original } => fields
                .iter()
                .enumerate()
                .filter(|(i, f)| !f.trim().is_empty() && original.get(*i) != Some(f))
                .map(|(_, f)| f.clone())
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// Whether the session that typed it still runs: on this computer, in
    /// a process of its own that is still there. (A session elsewhere
    /// cannot be asked: its draft counts as left.)
    fn still_typed(&self) -> bool {
        use nix::errno::Errno;
        use nix::sys::signal::kill;
        use nix::unistd::Pid;
        let Ok(pid) = i32::try_from(self.process) else {
            return false;
        };
        pid > 1
            && self.process != std::process::id()
            && self.host == crate::store::people::host()
            && matches!(kill(Pid::from_raw(pid), None), Ok(()) | Err(Errno::EPERM))
    }

    /// Text read from a file is cleaned like any other.
    pub fn cleaned(mut self) -> Draft {
        use crate::text::{clean_keeping_newlines, clean_line};
        self.by = clean_line(&self.by);
        self.name = clean_line(&self.name);
        self.host = clean_line(&self.host);
        match &mut self.typing {
            Typing::Notes { indicator, text } => {
                *indicator = clean_line(indicator);
                *text = clean_keeping_newlines(text);
            }
            Typing::NotApplicable { indicator, reason } => {
                *indicator = clean_line(indicator);
                *reason = clean_line(reason);
            }
            Typing::Evidence {
                indicator,
                original,
                fields,
                ..
            }
            | Typing::Action {
                indicator,
                original,
                fields,
                ..
            } => {
                *indicator = clean_line(indicator);
                fields.iter_mut().for_each(|f| *f = clean_line(f));
                original.iter_mut().for_each(|f| *f = clean_line(f));
            }
            Typing::Profile { fields, original } => {
                fields.iter_mut().for_each(|f| *f = clean_line(f));
                original.iter_mut().for_each(|f| *f = clean_line(f));
            }
        }
        self
    }
}

/// A draft on disk whose session has ended, as offered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftDraft {
    pub draft: Draft,
    /// Its file, in the assessment's folder or (`personal`) the person's
    /// own state folder.
    pub file: String,
    pub personal: bool,
    /// How many more wait after this one.
    pub more: usize,
}

/// What was chosen for a draft offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftChoice {
    Restore,
    Discard,
    Later,
}

/// Where drafts go: the folder, the name of the file they belong to
/// (`weld.ron`, or the person's own `maria.ron` for a new assessment)
/// and whether that is the person's own state.
pub struct Place {
    pub folder: Folder,
    pub base: String,
    pub personal: bool,
}

impl Place {
    fn same(&self, other: &Place) -> bool {
        self.base == other.base && self.folder.path() == other.folder.path()
    }
}

/// This session's drafts: the one it keeps of what is being typed, and
/// the left ones it has offered.
pub struct Drafts {
    /// `<process>-<random>`: what sets this session's draft files apart.
    tag: String,
    /// What the draft on disk holds, and where it is.
    mine: Option<(Typing, Place)>,
    /// Left drafts put off until later: not offered again this session.
    later: HashSet<PathBuf>,
    /// Whether the person was told a draft cannot be written here.
    warned: bool,
    /// A left draft restored here: it goes once this session's own draft
    /// holds the text, or the text is kept or dropped.
    adopted: Option<(Place, String)>,
}

impl Default for Drafts {
    fn default() -> Self {
        Self::new()
    }
}

impl Drafts {
    pub fn new() -> Drafts {
        Drafts {
            tag: format!(
                "{}-{}",
                std::process::id(),
                &crate::model::assessment::new_id()[..8]
            ),
            mine: None,
            later: HashSet::new(),
            warned: false,
            adopted: None,
        }
    }

    /// This session's draft file for `base`.
    fn file(&self, base: &str) -> String {
        format!("{base}.{}.draft", self.tag)
    }

    /// Keeps what is being typed in `place`, when it changed since the
    /// last burst of keys; removes the draft once nothing typed is left
    /// unkept. While the last save failed, the draft stays: what was
    /// typed is in no file but it.
    pub fn keep(&mut self, app: &mut App, place: Option<Place>) {
        if app.read_only.is_some() {
            return;
        }
        let typing = app.typing();
        match (&self.mine, &typing, &place) {
            (Some((old, at)), Some(now), Some(place)) if old == now && at.same(place) => return,
            (None, None, _) => {
                app.draft_unkept = false;
                if !matches!(app.save, SaveState::Failed(_)) {
                    self.let_go();
                }
                return;
            }
            (Some(_), None, _) if matches!(app.save, SaveState::Failed(_)) => return,
            _ => {}
        }
        let moved = |at: &Place| !(typing.is_some() && place.as_ref().is_some_and(|p| p.same(at)));
        if let Some((_, at)) = self.mine.take_if(|(_, at)| moved(at)) {
            let _ = at.folder.remove(&self.file(&at.base));
        }
        let Some(now) = typing else {
            app.draft_unkept = false;
            self.let_go();
            return;
        };
        let written = match place {
            None => Err("the data folder cannot be written".to_string()),
            Some(place) => {
                let draft = Draft::new(&app.who, &app.assessment.id, now.clone());
                ron::ser::to_string_pretty(&draft, ron::ser::PrettyConfig::new())
                    .map_err(|e| e.to_string())
                    .and_then(|text| {
                        place
                            .folder
                            .replace(&self.file(&place.base), text.as_bytes())
                            .map_err(|e| e.reason())
                    })
                    .map(|()| self.mine = Some((now, place)))
            }
        };
        // While drafts cannot be written the status bar says so; the
        // reason is said once each time that starts.
        app.draft_unkept = written.is_err();
        match written {
            Ok(()) => {
                self.warned = false;
                self.let_go();
            }
            Err(reason) => {
                if !std::mem::replace(&mut self.warned, true) {
                    app.warn(text::clean_line(&format!(
                        "What you type is not kept as a draft: {}. Keep it soon (Ctrl-S for notes, Enter for a form).",
                        reason.trim_end_matches('.')
                    )));
                }
            }
        }
    }

    /// Writes what is being typed at once (a draft just restored is in no
    /// file until then); whether it is on disk now.
    pub fn keep_now(&mut self, app: &mut App, place: Option<Place>) -> bool {
        self.mine = None;
        self.keep(app, place);
        self.mine.is_some()
    }

    /// Takes on a left draft just restored: see `adopted`.
    pub fn adopt(&mut self, place: Place, file: String) {
        self.adopted = Some((place, file));
        if self.mine.is_some() {
            self.let_go();
        }
    }

    /// The left draft taken on is no longer needed: it goes.
    fn let_go(&mut self) {
        if let Some((place, file)) = self.adopted.take() {
            let _ = place.folder.remove(&file);
        }
    }

    /// What is typed was dropped with the assessment it was typed in:
    /// its draft goes.
    pub fn forget(&mut self) {
        // A left draft taken on stays where it is, for next time.
        self.adopted = None;
        if let Some((_, at)) = self.mine.take() {
            let _ = at.folder.remove(&self.file(&at.base));
        }
    }

    /// The drafts in `place` whose sessions have ended, oldest first: in
    /// an assessment's folder those typed in `assessment` (`id`, or by
    /// file name for a file that has no id yet); in the person's own
    /// state, all of theirs. Drafts that cannot be read are named in the
    /// second list, when they are the assessment's.
    fn left(&self, place: &Place, id: &str) -> (Vec<LeftDraft>, Vec<String>) {
        let prefix = format!("{}.", place.base);
        let mine = self.file(&place.base);
        let mut found = Vec::new();
        let mut unreadable = Vec::new();
        for (name, kind) in place.folder.entries().unwrap_or_default() {
            if kind != crate::store::folder::Kind::File
                || !name.ends_with(".draft")
                || name == mine
                || self.later.contains(&place.folder.join(&name))
                || (place.personal && !name.starts_with(&prefix))
            {
                continue;
            }
            let draft = place
                .folder
                .read(&name, crate::store::assessment_file::MAX_ASSESSMENT_BYTES)
                .ok()
                .flatten()
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .and_then(|t| ron::from_str::<Draft>(&t).ok());
            let Some(draft) = draft else {
                if name.starts_with(&prefix) {
                    unreadable.push(name);
                }
                continue;
            };
            // The file it was typed beside: `weld.ron` of
            // `weld.ron.<session>.draft`.
            let beside = name
                .strip_suffix(".draft")
                .and_then(|n| n.rsplit_once('.'))
                .map_or("", |(file, _)| file);
            let ours = place.personal
                || if beside == place.base {
                    draft.assessment == id
                } else {
                    // Typed beside another name: ours if that was this
                    // assessment, renamed since, unless the file of that
                    // name is this assessment too (an import of it, say).
                    !id.is_empty()
                        && draft.assessment == id
                        && crate::store::assessment_file::read_in(&place.folder, beside)
                            .map_or(true, |other| other.assessment.id != id)
                };
            // A session still typing it, here, is never overtaken. (Beside
            // this file, whose lock this session holds, none can be: the
            // one that typed it is on its way out.)
            if ours && ((!place.personal && beside == place.base) || !draft.still_typed()) {
                found.push(LeftDraft {
                    draft: draft.cleaned(),
                    file: name,
                    personal: place.personal,
                    more: 0,
                });
            }
        }
        found.sort_by(|a, b| (a.draft.at, &a.file).cmp(&(b.draft.at, &b.file)));
        (found, unreadable)
    }

    /// Offers the first left draft in `places` (an assessment's own
    /// first, then the person's), unless one is on screen already.
    pub fn offer(&mut self, app: &mut App, places: &[Place]) {
        if app
            .overlays
            .iter()
            .any(|o| matches!(o, Overlay::DraftFound(_)))
        {
            return;
        }
        let mut all = Vec::new();
        let mut unreadable = Vec::new();
        for place in places {
            let (found, bad) = self.left(place, &app.assessment.id);
            for name in bad {
                let path = place.folder.join(&name);
                if self.later.insert(path.clone()) {
                    unreadable.push(path.display().to_string());
                }
            }
            all.extend(found);
        }
        // All named in one message: one would hide another.
        if let Some(first) = unreadable.first() {
            app.warn(text::clean_line(&match unreadable.len() {
                1 => format!("A draft was left, but it cannot be read: {first} stays as it is."),
                n => format!(
                    "{} cannot be read, and stay as they are: {}.",
                    text::count(n, "draft", "drafts"),
                    unreadable.join(", ")
                ),
            }));
        }
        let more = all.len().saturating_sub(1);
        if let Some(mut first) = all.into_iter().next() {
            first.more = more;
            app.overlays.push(Overlay::DraftFound(Box::new(first)));
        }
    }

    /// A left draft is put off: it stays on disk, not offered again in
    /// this session.
    pub fn put_off(&mut self, place: &Place, file: &str) {
        self.later.insert(place.folder.join(file));
    }
}

fn form_values(f: &Form) -> Vec<String> {
    f.fields
        .iter()
        .map(super::form::Field::text_value)
        .collect()
}

/// Puts `values` into the form's fields, in order; a choice takes the
/// option with that label.
fn set_values(f: &mut Form, values: &[String]) {
    for (field, value) in f.fields.iter_mut().zip(values) {
        match &mut field.value {
            FieldValue::Text(t) => **t = super::form::one_line(value),
            FieldValue::Choice { options, selected } => {
                if let Some(i) = options.iter().position(|o| o == value) {
                    *selected = i;
                }
            }
        }
    }
}

/// The form for the item a draft changed, found again among `items` by
/// what its form held when it opened (`original`): at `index` if it is
/// still there, else wherever it went. Not found (or none was being
/// changed), the form adds a new item; false when an item was being
/// changed and is gone.
fn item_form<T>(
    items: &[T],
    index: Option<usize>,
    original: &[String],
    form: impl Fn(Option<usize>, Option<&T>) -> Form,
) -> (Form, bool) {
    let held = |i: usize| form(Some(i), items.get(i)).original() == original;
    let found = index.and_then(|i| {
        Some(i)
            .filter(|&i| held(i))
            .or_else(|| (0..items.len()).find(|&j| held(j)))
    });
    (
        form(found, found.and_then(|i| items.get(i))),
        index.is_none() || found.is_some(),
    )
}

impl App {
    /// Opens `form`, holding `fields`, over `indicator`'s detail.
    fn form_over(&mut self, indicator: &str, mut form: Form, fields: &[String]) {
        set_values(&mut form, fields);
        self.overlays.push(Overlay::Detail {
            indicator: indicator.to_string(),
            cursor: 0,
            scroll: 0,
        });
        self.overlays.push(Overlay::Form(form));
    }

    /// What is being typed and not kept yet, if anything: the topmost
    /// editor, form or reason prompt that holds changed text.
    pub fn typing(&self) -> Option<Typing> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Editor(e) if e.changed() => Some(Typing::Notes {
                indicator: e.indicator.clone(),
                text: e.text(),
            }),
            Overlay::Form(f) if f.changed() => match &f.kind {
                FormKind::Evidence { indicator, index } => Some(Typing::Evidence {
                    indicator: indicator.clone(),
                    index: *index,
                    original: f.original().to_vec(),
                    fields: form_values(f),
                }),
                FormKind::Action { indicator, index } => Some(Typing::Action {
                    indicator: indicator.clone(),
                    index: *index,
                    original: f.original().to_vec(),
                    fields: form_values(f),
                }),
                FormKind::Profile => Some(Typing::Profile {
                    fields: form_values(f),
                    original: f.original().to_vec(),
                }),
                _ => None,
            },
            Overlay::Prompt(p) => match &p.kind {
                PromptKind::NotApplicable { indicator } => {
                    let reason = super::form::value(&p.input);
                    (!reason.is_empty()).then(|| Typing::NotApplicable {
                        indicator: indicator.clone(),
                        reason,
                    })
                }
                _ => None,
            },
            _ => None,
        })
    }

    /// Opens what `typing` was typed in, holding it again, over the
    /// indicator it belongs to. An evidence or action item that was being
    /// changed is found again by what it held; false when it is gone, and
    /// the draft is then to become a new item.
    pub fn restore_typing(&mut self, typing: Typing) -> bool {
        self.overlays.clear();
        let detail = |indicator: &str| Overlay::Detail {
            indicator: indicator.to_string(),
            cursor: 0,
            scroll: 0,
        };
        match typing {
            Typing::Notes { indicator, text } => {
                let saved = self
                    .assessment
                    .response(&indicator)
                    .map_or(String::new(), |r| r.notes.clone());
                let mut editor = Editor::new(&indicator, &saved);
                editor.area = super::form::multi_line(&text);
                self.overlays.push(detail(&indicator));
                self.overlays.push(Overlay::Editor(editor));
            }
            Typing::Evidence {
                indicator,
                index,
                original,
                fields,
            } => {
                let items = self
                    .assessment
                    .response(&indicator)
                    .map(|r| r.evidence.clone())
                    .unwrap_or_default();
                let (form, found) = item_form(&items, index, &original, |i, item| {
                    Form::evidence(&indicator, i, item)
                });
                self.form_over(&indicator, form, &fields);
                return found;
            }
            Typing::Action {
                indicator,
                index,
                original,
                fields,
            } => {
                let items = self
                    .assessment
                    .response(&indicator)
                    .map(|r| r.actions.clone())
                    .unwrap_or_default();
                let (form, found) = item_form(&items, index, &original, |i, item| {
                    Form::action(&indicator, i, item)
                });
                self.form_over(&indicator, form, &fields);
                return found;
            }
            Typing::Profile { fields, .. } => {
                let mut form = Form::profile(
                    &self.assessment.profile,
                    self.assessment.purpose,
                    &self.assessment.cycle,
                    &self.assessment.assessors,
                );
                set_values(&mut form, &fields);
                self.overlays.push(Overlay::Form(form));
            }
            Typing::NotApplicable { indicator, reason } => {
                self.overlays.push(detail(&indicator));
                self.overlays.push(Overlay::Prompt(Prompt::new(
                    PromptKind::NotApplicable {
                        indicator: indicator.clone(),
                    },
                    format!("Why does {indicator} not apply to this program?"),
                    &reason,
                )));
            }
        }
        true
    }
}
