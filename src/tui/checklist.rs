//! The checklist of a category as a view: which indicator is selected,
//! rating it, and moving to the next one still to rate. `ui::checklist`
//! draws it.

use super::action::Action;
use super::app::{App, MainView, Overlay};
use super::form::{Prompt, PromptKind};
use super::layout::Pane;
use crate::model::assessment::Rating;

impl App {
    pub(super) fn category_len(&self, c: usize) -> usize {
        self.content
            .rubric
            .categories
            .get(c)
            .map_or(0, |c| c.indicators.len())
    }

    pub(super) fn selected_indicator(&self) -> Option<String> {
        if let Some(Overlay::Detail { indicator, .. }) = self.overlays.last() {
            return Some(indicator.clone());
        }
        match self.main {
            MainView::Checklist(c) => self
                .content
                .rubric
                .categories
                .get(c)
                .and_then(|cat| cat.indicators.get(self.checklist))
                .map(|i| i.id.clone()),
            _ => None,
        }
    }

    pub(super) fn update_checklist(&mut self, c: usize, action: Action) {
        let last = self.category_len(c).saturating_sub(1);
        let page = self.page(Pane::Main);
        match action {
            Action::Up => self.checklist = self.checklist.saturating_sub(1),
            Action::Down => self.checklist = (self.checklist + 1).min(last),
            Action::PageUp => self.checklist = self.checklist.saturating_sub(page),
            Action::PageDown => self.checklist = (self.checklist + page).min(last),
            Action::Top => self.checklist = 0,
            Action::Bottom => self.checklist = last,
            Action::Open => {
                if let Some(id) = self.selected_indicator() {
                    let scroll = self.detail_scroll_to_level(&id);
                    self.overlays.push(Overlay::Detail {
                        indicator: id,
                        cursor: 0,
                        scroll,
                    });
                }
            }
            Action::Explain => self.overlays.push(Overlay::Explain { category: Some(c) }),
            Action::Rate(_) | Action::NotApplicable | Action::ToggleUnsure => {
                self.rate_selected(action)
            }
            _ => {}
        }
    }

    pub(super) fn rate_selected(&mut self, action: Action) {
        let Some(id) = self.selected_indicator() else {
            return;
        };
        match action {
            // No message: the row itself shows the new rating in digit and
            // word, and a message would cost its bytes twice on a slow line
            // (once to show, once to clear at the next key).
            Action::Rate(level) => {
                self.assessment.response_mut(&id).rating = Rating::Level(level);
                self.changed();
            }
            Action::NotApplicable => {
                let reason = match &self.assessment.response(&id).map(|r| &r.rating) {
                    Some(Rating::NotApplicable { reason }) => reason.clone(),
                    _ => String::new(),
                };
                self.overlays.push(Overlay::Prompt(Prompt::new(
                    PromptKind::NotApplicable {
                        indicator: id.clone(),
                    },
                    format!("Why does {id} not apply to this program?"),
                    &reason,
                )));
            }
            Action::ToggleUnsure => {
                let r = self.assessment.response_mut(&id);
                r.unsure = !r.unsure;
                let now = r.unsure;
                self.changed();
                self.say(if now {
                    format!("{id} marked unsure: press ] to come back to it.")
                } else {
                    format!("{id} no longer marked unsure.")
                });
            }
            _ => {}
        }
    }

    /// Jumps to the next (or previous) indicator that is unrated or unsure,
    /// across categories, wrapping around.
    pub(super) fn jump_open(&mut self, forward: bool) {
        let ids: Vec<String> = self
            .content
            .indicator_ids()
            .into_iter()
            .map(str::to_string)
            .collect();
        if ids.is_empty() {
            return;
        }
        let is_open = |id: &String| {
            self.assessment
                .response(id)
                .is_none_or(|r| r.rating == Rating::Unrated || r.unsure)
        };
        let start = self
            .selected_indicator()
            .and_then(|s| ids.iter().position(|i| *i == s));
        let n = ids.len();
        let found = (1..=n)
            .map(|step| match (start, forward) {
                (Some(s), true) => (s + step) % n,
                (Some(s), false) => (s + n - step) % n,
                (None, true) => (step - 1) % n,
                (None, false) => n - step,
            })
            .map(|i| &ids[i])
            .find(|id| is_open(id))
            .cloned();
        match found {
            Some(id) => {
                let to_level = self.detail_scroll_to_level(&id);
                if let Some(Overlay::Detail {
                    indicator,
                    cursor,
                    scroll,
                }) = self.overlays.last_mut()
                {
                    *indicator = id.clone();
                    *cursor = 0;
                    *scroll = to_level;
                }
                self.show_indicator(&id);
            }
            None => self.say("Every indicator is rated and none is marked unsure."),
        }
    }
}
