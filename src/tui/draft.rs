//! Drafts: text being typed (the notes editor, a form, the N/A reason) is
//! kept beside the assessment after each burst of keys, so that a dropped
//! connection loses none of it. The next session that opens the assessment
//! (whoever holds its lock) is told whose draft it is and from when, sees
//! it, and restores or discards it.
//!
//! What is typed lives in the app's overlays; this module reads it out of
//! them and puts it back. The session writes and removes the file.

use serde::{Deserialize, Serialize};

use super::app::{App, Overlay};
use super::form::{Editor, FieldValue, Form, FormKind, Prompt, PromptKind};
use crate::model::changes::Who;
use crate::model::timestamp::Timestamp;

/// Text being typed, and where it goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Typing {
    Notes {
        indicator: String,
        text: String,
    },
    Evidence {
        indicator: String,
        index: Option<usize>,
        fields: Vec<String>,
    },
    Action {
        indicator: String,
        index: Option<usize>,
        fields: Vec<String>,
    },
    Profile {
        fields: Vec<String>,
    },
    NotApplicable {
        indicator: String,
        reason: String,
    },
}

/// A draft as it is kept on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// The login of who typed it, and how they named themselves.
    pub by: String,
    pub name: String,
    pub at: Timestamp,
    pub typing: Typing,
}

impl Draft {
    pub fn new(who: &Who, typing: Typing) -> Draft {
        Draft {
            by: who.login.clone(),
            name: who.label(),
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

    /// The text of the draft, as it will be restored.
    pub fn text(&self) -> String {
        match &self.typing {
            Typing::Notes { text, .. } => text.clone(),
            Typing::NotApplicable { reason, .. } => reason.clone(),
            Typing::Evidence { fields, .. }
            | Typing::Action { fields, .. }
            | Typing::Profile { fields } => fields
                .iter()
                .filter(|f| !f.trim().is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// Text read from a file is cleaned like any other.
    pub fn cleaned(mut self) -> Draft {
        use crate::text::{clean_keeping_newlines, clean_line};
        self.by = clean_line(&self.by);
        self.name = clean_line(&self.name);
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
                indicator, fields, ..
            }
            | Typing::Action {
                indicator, fields, ..
            } => {
                *indicator = clean_line(indicator);
                fields.iter_mut().for_each(|f| *f = clean_line(f));
            }
            Typing::Profile { fields } => fields.iter_mut().for_each(|f| *f = clean_line(f)),
        }
        self
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
                    fields: form_values(f),
                }),
                FormKind::Action { indicator, index } => Some(Typing::Action {
                    indicator: indicator.clone(),
                    index: *index,
                    fields: form_values(f),
                }),
                FormKind::Profile => Some(Typing::Profile {
                    fields: form_values(f),
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
    /// indicator it belongs to.
    pub fn restore_typing(&mut self, typing: Typing) {
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
                fields,
            } => {
                let current = index.and_then(|i| {
                    self.assessment
                        .response(&indicator)
                        .and_then(|r| r.evidence.get(i))
                });
                let form = Form::evidence(&indicator, index, current);
                self.form_over(&indicator, form, &fields);
            }
            Typing::Action {
                indicator,
                index,
                fields,
            } => {
                let current = index.and_then(|i| {
                    self.assessment
                        .response(&indicator)
                        .and_then(|r| r.actions.get(i))
                });
                let form = Form::action(&indicator, index, current);
                self.form_over(&indicator, form, &fields);
            }
            Typing::Profile { fields } => {
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
    }
}
