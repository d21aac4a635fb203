//! An indicator in detail as a view: its parts (notes, evidence, action
//! items), where its reading part scrolls, and what its keys do.
//! `lines::detail` builds its text, `ui::detail` draws it.

use super::action::Action;
use super::app::{App, Confirm, Overlay};
use super::form::{Editor, Form};
use super::layout;
use crate::model::assessment::Response;

/// One editable part of an indicator's detail view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Notes,
    Evidence(usize),
    AddEvidence,
    Action(usize),
    AddAction,
}

pub fn parts(response: Option<&Response>) -> Vec<Part> {
    let evidence = response.map_or(0, |r| r.evidence.len());
    let actions = response.map_or(0, |r| r.actions.len());
    let mut parts = vec![Part::Notes];
    parts.extend((0..evidence).map(Part::Evidence));
    parts.push(Part::AddEvidence);
    parts.extend((0..actions).map(Part::Action));
    parts.push(Part::AddAction);
    parts
}

impl App {
    pub(super) fn update_detail(&mut self, action: Action) {
        let Some(Overlay::Detail { indicator, .. }) = self.overlays.last() else {
            return;
        };
        let id = indicator.clone();
        let n = parts(self.assessment.response(&id)).len();
        let max_scroll = self.detail_scroll_limit(&id);
        let Some(Overlay::Detail { cursor, scroll, .. }) = self.overlays.last_mut() else {
            return;
        };
        *scroll = (*scroll).min(max_scroll);
        match action {
            Action::Up => *cursor = cursor.saturating_sub(1),
            Action::Down => *cursor = (*cursor + 1).min(n.saturating_sub(1)),
            Action::PageDown => *scroll = scroll.saturating_add(5),
            Action::PageUp => *scroll = scroll.saturating_sub(5),
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = u16::MAX,
            Action::Close => {
                self.overlays.pop();
            }
            Action::Open => {
                let part = parts(self.assessment.response(&id)).get(*cursor).copied();
                self.edit_part(&id, part.unwrap_or(Part::Notes));
            }
            Action::EditNotes => self.edit_part(&id, Part::Notes),
            Action::AddEvidence => self.edit_part(&id, Part::AddEvidence),
            Action::AddAction => self.edit_part(&id, Part::AddAction),
            Action::DeleteItem => {
                let part = parts(self.assessment.response(&id)).get(*cursor).copied();
                let question = match part {
                    Some(Part::Evidence(_)) => "Delete this evidence item (y/n)?",
                    Some(Part::Action(_)) => "Delete this action item (y/n)?",
                    _ => return self.say("Select an evidence or action item to delete it."),
                };
                self.overlays.push(Overlay::Confirm {
                    question: question.into(),
                    on_yes: Confirm::Delete {
                        indicator: id,
                        part: part.unwrap_or(Part::Notes),
                    },
                });
            }
            Action::Rate(_) | Action::NotApplicable | Action::ToggleUnsure => {
                self.rate_selected(action)
            }
            Action::NextOpenItem => self.jump_open(true),
            Action::PrevOpenItem => self.jump_open(false),
            Action::SearchNext => self.step_search(1),
            Action::SearchPrev => self.step_search(-1),
            Action::EndSearch => self.search = None,
            Action::Quit => self.ask_quit(),
            Action::Help => self.overlays.push(Overlay::Help { scroll: 0 }),
            Action::FocusNext | Action::FocusPrev => {
                self.overlays.pop();
                self.update_panes(action);
            }
            Action::Search | Action::EditProfile | Action::Library | Action::Save => {
                self.overlays.pop();
                self.update_panes(action);
            }
            _ => {}
        }
    }

    /// How far the reading part of the detail view can scroll.
    pub(super) fn detail_scroll_limit(&self, id: &str) -> u16 {
        let inner = layout::overlay(self.size);
        let width = usize::from(inner.width.saturating_sub(2)).max(1);
        let lines = super::lines::detail::reading(self, id, width).len() as u16;
        // At least as far as the drawing lets it (a row of the reading part
        // says which way more lies, and the team's work takes up to half).
        lines.saturating_sub(inner.height.saturating_sub(2) / 2) + 1
    }

    /// Where the detail's reading part opens: at the top, unless the level
    /// the indicator is rated at would be below its end; then scrolled just
    /// so far that the level shows.
    pub(super) fn detail_scroll_to_level(&self, id: &str) -> u16 {
        let inner = layout::overlay(self.size);
        let width = usize::from(inner.width.saturating_sub(2)).max(1);
        let lines = super::lines::detail::reading(self, id, width);
        let Some(at) = lines
            .iter()
            .position(|l| l.spans.first().is_some_and(|s| s.content == "> "))
        else {
            return 0;
        };
        // Just far enough for the level's first lines to show at the bottom,
        // keeping as much as can be of what is above it. The reading part
        // is what the team's work (a line a part, and its heading) leaves.
        let inner_height = inner.height.saturating_sub(2);
        let work = (parts(self.assessment.response(id)).len() as u16 + 2)
            .min(inner_height / 2)
            .max(2.min(inner_height));
        // Less the row that says which way more lies.
        let height = usize::from((inner_height - work).saturating_sub(1)).max(1);
        ((at + 3).saturating_sub(height) as u16).min(self.detail_scroll_limit(id))
    }

    pub(super) fn edit_part(&mut self, id: &str, part: Part) {
        let response = self.assessment.response(id);
        let overlay = match part {
            Part::Notes => {
                Overlay::Editor(Editor::new(id, response.map_or("", |r| r.notes.as_str())))
            }
            Part::Evidence(i) => Overlay::Form(Form::evidence(
                id,
                Some(i),
                response.and_then(|r| r.evidence.get(i)),
            )),
            Part::AddEvidence => Overlay::Form(Form::evidence(id, None, None)),
            Part::Action(i) => Overlay::Form(Form::action(
                id,
                Some(i),
                response.and_then(|r| r.actions.get(i)),
            )),
            Part::AddAction => Overlay::Form(Form::action(id, None, None)),
        };
        self.overlays.push(overlay);
    }

    pub(super) fn clamp_detail_cursor(&mut self) {
        if let Some(Overlay::Detail {
            indicator, cursor, ..
        }) = self.overlays.last_mut()
        {
            let n = parts(self.assessment.response(indicator)).len();
            *cursor = (*cursor).min(n.saturating_sub(1));
        }
    }
}
