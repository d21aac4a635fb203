//! Forms, prompts, the notes editor and yes/no questions as a view: what
//! their keys do, and what becomes of what was typed when it is kept.
//! `form` holds what they hold (fields, the text being typed); `ui::form`
//! draws them.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::app::{App, Confirm, Effect, ExportRequest, LibraryRequest, Overlay};
use super::detail::Part;
use super::form::{self, FormKind, PromptKind};
use super::search::{self, Search};
use crate::model::assessment::Rating;

impl App {
    /// Keys no binding claims go to the text field on top, if any.
    pub(super) fn type_into(&mut self, key: KeyEvent) -> bool {
        match self.overlays.last_mut() {
            Some(Overlay::Editor(e)) => form::edit(&mut e.area, key),
            Some(Overlay::Prompt(p)) => {
                let changed = form::edit(&mut p.input, key);
                if changed && p.kind == PromptKind::Search {
                    let query = form::value(&p.input);
                    let n = search::find(&self.content, &query).len();
                    p.error = Some(match n {
                        0 if query.is_empty() => String::new(),
                        0 => "no match".into(),
                        n => crate::text::count(n, "match", "matches"),
                    });
                }
                changed
            }
            Some(Overlay::Form(f)) => match key.code {
                KeyCode::Left if f.cycle_choice(false) => true,
                KeyCode::Right | KeyCode::Char(' ') if f.cycle_choice(true) => true,
                // Enter submits; a one-line field never takes a newline.
                KeyCode::Char('m') if key.modifiers.contains(KeyModifiers::CONTROL) => false,
                _ => f.focused_text().is_some_and(|t| form::edit(t, key)),
            },
            _ => false,
        }
    }

    pub(super) fn paste(&mut self, text: &str) -> bool {
        match self.overlays.last_mut() {
            Some(Overlay::Editor(e)) => e.area.insert_str(form::clean_input(text, true)),
            Some(Overlay::Prompt(p)) => p.input.insert_str(form::clean_input(text, false)),
            Some(Overlay::Form(f)) => f
                .focused_text()
                .is_some_and(|t| t.insert_str(form::clean_input(text, false))),
            _ => false,
        }
    }

    /// What a key does in the form, prompt, editor or question on top.
    pub(super) fn update_dialog(&mut self, action: Action) {
        let Some(top) = self.overlays.last_mut() else {
            return;
        };
        match top {
            Overlay::Confirm { on_yes, .. } => {
                let on_yes = on_yes.clone();
                match action {
                    Action::Yes => {
                        self.overlays.pop();
                        self.confirmed(on_yes);
                    }
                    Action::No => {
                        self.overlays.pop();
                        match on_yes {
                            Confirm::ReplaceExport(request) => self.say(format!(
                                "Not exported; {} is unchanged.",
                                request.path.display()
                            )),
                            Confirm::ReplaceRollup { path, .. } => {
                                self.say(format!("Not written; {} is unchanged.", path.display()))
                            }
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            Overlay::Editor(editor) => match action {
                Action::Submit => {
                    let (id, text) = (editor.indicator.clone(), editor.text());
                    self.overlays.pop();
                    if self
                        .assessment
                        .response(&id)
                        .is_none_or(|r| r.notes != text)
                    {
                        self.assessment.response_mut(&id).notes = text;
                        self.changed();
                        self.say(format!("Notes for {id} kept."));
                    }
                }
                Action::Close if editor.changed() => {
                    self.ask_discard("Discard your changes to the notes (y/n)?")
                }
                Action::Close => {
                    self.overlays.pop();
                }
                _ => {}
            },
            Overlay::Form(f) => match action {
                Action::NextField => f.next_field(),
                Action::PrevField => f.prev_field(),
                Action::Submit => self.submit_form(),
                Action::Close if f.kind == (FormKind::Person { first: true }) => {
                    // Asked once: not now means the login name will do.
                    self.overlays.pop();
                    self.effects.push(Effect::RememberWho);
                    self.say(format!(
                        "Your changes are recorded as {}; w in the library (o) gives your name and role.",
                        self.who.login
                    ));
                }
                Action::Close if f.changed() => {
                    self.ask_discard("Discard what you typed in this form (y/n)?")
                }
                Action::Close => {
                    self.overlays.pop();
                }
                _ => {}
            },
            Overlay::Prompt(p) => match action {
                Action::Submit => self.submit_prompt(),
                Action::Close if p.changed() => {
                    self.ask_discard("Discard the reason you typed (y/n)?")
                }
                Action::Close => {
                    self.overlays.pop();
                }
                _ => {}
            },
            _ => {}
        }
    }

    pub(super) fn ask_discard(&mut self, question: &str) {
        self.overlays.push(Overlay::Confirm {
            question: question.into(),
            on_yes: Confirm::Discard,
        });
    }

    fn confirmed(&mut self, what: Confirm) {
        match what {
            Confirm::Quit => {
                self.quit = true;
                self.effects.push(Effect::Quit);
            }
            Confirm::Discard => {
                self.overlays.pop();
                self.say("Changes discarded.");
            }
            Confirm::Trash(path) => self
                .effects
                .push(Effect::Library(LibraryRequest::Delete(path))),
            Confirm::ReplaceExport(request) => self.effects.push(Effect::Export(ExportRequest {
                replace: true,
                ..request
            })),
            Confirm::ReplaceRollup { path, text } => {
                self.effects
                    .push(Effect::Library(LibraryRequest::WriteRollup {
                        path,
                        text,
                        replace: true,
                    }))
            }
            Confirm::Delete { indicator, part } => {
                let r = self.assessment.response_mut(&indicator);
                let (list, what) = match part {
                    Part::Evidence(i) if i < r.evidence.len() => {
                        (r.evidence.remove(i).what, "Evidence")
                    }
                    Part::Action(i) if i < r.actions.len() => (r.actions.remove(i).what, "Action"),
                    _ => return,
                };
                self.changed();
                self.say(format!("{what} item deleted: {list}"));
                self.clamp_detail_cursor();
            }
        }
    }

    fn submit_form(&mut self) {
        let Some(Overlay::Form(f)) = self.overlays.last() else {
            return;
        };
        let kind = f.kind.clone();
        if let Some(id) = f.chosen_rubric() {
            self.overlays.pop();
            self.effects
                .push(Effect::Library(LibraryRequest::NewWith(id)));
            return;
        }
        if let FormKind::Export { .. } = kind {
            let request = f.to_export();
            match request {
                Ok((kind, path)) => {
                    self.overlays.pop();
                    self.effects.push(Effect::Export(ExportRequest {
                        kind,
                        path,
                        replace: false,
                    }));
                }
                Err(e) => {
                    if let Some(Overlay::Form(f)) = self.overlays.last_mut() {
                        f.error = Some(e);
                    }
                }
            }
            return;
        }
        let result: Result<String, String> = match &kind {
            FormKind::Evidence { indicator, index } => f.to_evidence().map(|e| {
                let r = self.assessment.response_mut(indicator);
                match index {
                    Some(i) if *i < r.evidence.len() => r.evidence[*i] = e,
                    _ => r.evidence.push(e),
                }
                format!("Evidence for {indicator} kept.")
            }),
            FormKind::Action { indicator, index } => f.to_action().map(|a| {
                let r = self.assessment.response_mut(indicator);
                match index {
                    Some(i) if *i < r.actions.len() => r.actions[*i] = a,
                    _ => r.actions.push(a),
                }
                format!("Action item for {indicator} kept.")
            }),
            FormKind::Export { .. } | FormKind::NewAssessment { .. } => return,
            FormKind::Person { .. } => {
                let person = f.to_person();
                self.who.person = person;
                self.overlays.pop();
                self.effects.push(Effect::RememberWho);
                self.say(format!(
                    "Thank you: your changes are recorded as {}.",
                    self.who.label()
                ));
                return;
            }
            FormKind::Profile => f.to_profile(&self.assessment.profile).map(
                |(profile, purpose, cycle, assessors)| {
                    self.assessment.profile = profile;
                    self.assessment.purpose = purpose;
                    self.assessment.cycle = cycle;
                    self.assessment.assessors = assessors;
                    "Program profile kept.".to_string()
                },
            ),
        };
        match result {
            Ok(message) => {
                self.overlays.pop();
                self.changed();
                self.say(message);
            }
            Err(e) => {
                if let Some(Overlay::Form(f)) = self.overlays.last_mut() {
                    // The field the message names takes the cursor, so
                    // that what is typed next mends it.
                    if let Some(at) = f
                        .fields
                        .iter()
                        .position(|x| e.starts_with(&format!("{}:", x.label)))
                    {
                        f.focus = at;
                    }
                    f.error = Some(e);
                }
            }
        }
    }

    fn submit_prompt(&mut self) {
        let Some(Overlay::Prompt(p)) = self.overlays.last_mut() else {
            return;
        };
        let value = form::value(&p.input);
        match p.kind.clone() {
            PromptKind::NotApplicable { indicator } => {
                if value.is_empty() {
                    p.error = Some("A reason is needed: say briefly why it does not apply.".into());
                    return;
                }
                self.overlays.pop();
                self.assessment.response_mut(&indicator).rating =
                    Rating::NotApplicable { reason: value };
                self.changed();
                self.say(format!("{indicator} marked N/A."));
            }
            PromptKind::FindInCompare => {
                self.overlays.pop();
                let Some(Overlay::Compare(view)) = self.overlays.last_mut() else {
                    return;
                };
                let needle = value.to_lowercase();
                let rows = view.visible();
                let n = rows.len();
                // The next match after the selected row, wrapping around.
                let hit = (1..=n)
                    .map(|step| (view.selected + step) % n.max(1))
                    .find(|&i| {
                        let r = rows[i];
                        r.id.to_lowercase().contains(&needle)
                            || r.title.to_lowercase().contains(&needle)
                    });
                match hit {
                    Some(i) => view.selected = i,
                    None => self.warn(format!("No indicator shown here matches \"{value}\".")),
                }
            }
            PromptKind::ConsensusReason { indicator, rating } => {
                if value.is_empty() {
                    p.error = Some("Say briefly why the team agreed this.".into());
                    return;
                }
                self.overlays.pop();
                self.decide(&indicator, rating, value);
            }
            PromptKind::Rename { path } => {
                self.overlays.pop();
                self.effects
                    .push(Effect::Library(LibraryRequest::Rename(path, value)));
            }
            PromptKind::Import => {
                self.overlays.pop();
                self.effects
                    .push(Effect::Library(LibraryRequest::Import(value)));
            }
            PromptKind::RollupExport => {
                self.overlays.pop();
                let Some(Overlay::Rollup(view)) = self.overlays.last() else {
                    return;
                };
                let path = std::path::PathBuf::from(value);
                let ending = path
                    .extension()
                    .map(|e| e.to_string_lossy().to_lowercase())
                    .unwrap_or_default();
                let text = view.report(&ending);
                self.effects
                    .push(Effect::Library(LibraryRequest::WriteRollup {
                        path,
                        text,
                        replace: false,
                    }));
            }
            PromptKind::SaveCopy => {
                self.overlays.pop();
                self.effects
                    .push(Effect::Library(LibraryRequest::SaveCopy(value)));
            }
            PromptKind::Search => {
                self.overlays.pop();
                let hits = search::find(&self.content, &value);
                if hits.is_empty() {
                    self.search = None;
                    if !value.is_empty() {
                        self.warn(format!(
                            "No indicator or toolkit section mentions \"{value}\"."
                        ));
                    }
                } else {
                    self.search = Some(Search {
                        query: value,
                        hits,
                        current: 0,
                    });
                    self.show_hit();
                }
            }
        }
    }
}
