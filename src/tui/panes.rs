//! What keys do in the panes that show text: the welcome and toolkit
//! sections, "Is this an IET?", and the summary. `lines` builds their
//! text and `ui` draws it.

use super::action::Action;
use super::app::{App, MainView, Overlay};
use super::layout::Pane;

impl App {
    pub(super) fn reader_lines(&self) -> usize {
        let width = self
            .areas()
            .main
            .map_or(40, |r| usize::from(r.width.saturating_sub(2)).max(1));
        super::lines::reader::lines(self, width).len()
    }

    pub(super) fn update_reader(&mut self, action: Action) {
        let page = self.page(Pane::Main) as u16;
        let max = (self.reader_lines() as u16).saturating_sub(page);
        match action {
            Action::Up => self.reader_scroll = self.reader_scroll.saturating_sub(1),
            Action::Down => self.reader_scroll = (self.reader_scroll + 1).min(max),
            Action::PageUp => self.reader_scroll = self.reader_scroll.saturating_sub(page),
            Action::PageDown => self.reader_scroll = (self.reader_scroll + page).min(max),
            Action::Top => self.reader_scroll = 0,
            Action::Bottom => self.reader_scroll = max,
            Action::Open => {
                let link = match &self.main {
                    MainView::Section(id) => self
                        .content
                        .toolkit
                        .section(id)
                        .and_then(|s| s.links.first().cloned()),
                    _ => None,
                };
                match link {
                    Some(id) => self.show_indicator(&id),
                    None => self.say("This section links to no indicator."),
                }
            }
            _ => {}
        }
    }

    pub(super) fn update_screener(&mut self, action: Action) {
        let n = self.content.screener.questions.len();
        let before = self.question;
        let page = self.page(Pane::Main) as u16;
        let width = self
            .areas()
            .main
            .map_or(40, |r| usize::from(r.width.saturating_sub(2)).max(1));
        let max = (super::lines::screener::lines(self, width).len() as u16).saturating_sub(page);
        match action {
            Action::Up => self.question = self.question.saturating_sub(1),
            Action::Down => self.question = (self.question + 1).min(n),
            Action::PageUp => self.reader_scroll = self.reader_scroll.saturating_sub(page),
            Action::PageDown => self.reader_scroll = (self.reader_scroll + page).min(max),
            Action::Top => self.question = 0,
            Action::Bottom => self.question = n,
            Action::Answer(answer) => {
                if let Some(q) = self.content.screener.questions.get(self.question) {
                    self.assessment.screener.insert(q.id.clone(), answer);
                    self.changed();
                    self.question = (self.question + 1).min(n);
                } else {
                    self.say("Press Up to go back to a question and change its answer.");
                }
            }
            _ => {}
        }
        if self.question != before {
            self.reader_scroll = 0;
        }
    }

    pub(super) fn update_summary(&mut self, action: Action) {
        let last = self.content.rubric.categories.len();
        // Past the last score, Down scrolls on to the lowest rated indicators
        // and the open actions, when the pane is too short to show them.
        let (page, max_scroll) = self.areas().summary.map_or((1, 0), |area| {
            let inner = area.height.saturating_sub(2);
            let width = usize::from(area.width.saturating_sub(2)).max(1);
            let lines = super::lines::summary::lines(self, width).len() as u16;
            (inner.max(1), lines.saturating_sub(inner))
        });
        match action {
            Action::Up if self.summary_scroll > 0 => self.summary_scroll -= 1,
            Action::Up => self.summary_row = self.summary_row.saturating_sub(1),
            Action::Down if self.summary_row == last => {
                self.summary_scroll = (self.summary_scroll + 1).min(max_scroll)
            }
            Action::Down => self.summary_row += 1,
            Action::Top => (self.summary_row, self.summary_scroll) = (0, 0),
            Action::PageUp => self.summary_scroll = self.summary_scroll.saturating_sub(page),
            Action::Bottom => (self.summary_row, self.summary_scroll) = (last, max_scroll),
            Action::PageDown => {
                self.summary_row = last;
                self.summary_scroll = (self.summary_scroll + page).min(max_scroll);
            }
            Action::Explain => self.overlays.push(Overlay::Explain {
                category: (self.summary_row < last).then_some(self.summary_row),
            }),
            _ => {}
        }
    }
}
