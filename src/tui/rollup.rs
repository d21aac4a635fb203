//! The roll-up across programs as a view: the report, scrolled, its
//! indicators in the order chosen, and written to a file on request.
//! `lines::rollup` builds its lines, `ui::overlays::rollup` draws them.

use super::action::Action;
use super::app::{App, Overlay, scroll_text};
use super::form::{Prompt, PromptKind};
use super::layout;
use crate::model::rollup::{Order, Rollup};

pub struct RollupView {
    pub rollup: Rollup,
    pub order: Order,
    pub scroll: u16,
    /// The day it was made, said in its reports.
    pub made: String,
    /// "IET Quality Indicators (Oregon categories), version 2026.2".
    pub rubric: String,
    /// The lines last laid out, with the order and width they were for: a
    /// state's roll-up runs to thousands of lines, not to be made again at
    /// every key and every frame.
    lines: std::cell::RefCell<Option<LaidOut>>,
}

/// Lines laid out: for which order and width, and the lines.
type LaidOut = (Order, usize, std::rc::Rc<Vec<String>>);

impl RollupView {
    pub fn new(rollup: Rollup, made: String, rubric: String) -> RollupView {
        RollupView {
            rollup,
            order: Order::Weakest,
            scroll: 0,
            made,
            rubric,
            lines: std::cell::RefCell::new(None),
        }
    }

    /// The text report's lines for `width` columns, made once for each
    /// order and width.
    pub fn lines_at(
        &self,
        width: usize,
        make: impl FnOnce() -> Vec<String>,
    ) -> std::rc::Rc<Vec<String>> {
        let mut kept = self.lines.borrow_mut();
        match &*kept {
            Some((order, w, lines)) if *order == self.order && *w == width => lines.clone(),
            _ => {
                let lines = std::rc::Rc::new(make());
                *kept = Some((self.order, width, lines.clone()));
                lines
            }
        }
    }

    /// The report in `format` (by a file name's ending: md, csv, html,
    /// json; anything else is text).
    pub fn report(&self, ending: &str) -> String {
        self.report_at(ending, 80)
    }

    /// As [`RollupView::report`], its text for `width` columns.
    pub fn report_at(&self, ending: &str, width: usize) -> String {
        use crate::report::rollup as r;
        let cx = r::Context {
            rubric: &self.rubric,
            made: self.made.clone(),
        };
        match ending {
            "md" => r::markdown(&self.rollup, &cx, self.order),
            "csv" => format!("\u{feff}{}", r::csv(&self.rollup, self.order)),
            "html" | "htm" => r::html(&self.rollup, &cx, self.order),
            "json" => r::json(&self.rollup, &cx, self.order),
            _ => r::text_at(&self.rollup, &cx, self.order, width),
        }
    }
}

impl App {
    pub(super) fn update_rollup(&mut self, action: Action) {
        let area = layout::help(self.size);
        let width = usize::from(area.width.saturating_sub(2)).max(1);
        let page = area.height.saturating_sub(2).max(1);
        let Some(Overlay::Rollup(view)) = self.overlays.last_mut() else {
            return;
        };
        match action {
            Action::Sort => {
                // The place stays: the rows below it change order.
                view.order = view.order.next();
                let label = view.order.label();
                self.say(format!("Indicators {label}."));
            }
            Action::Export => {
                let name = format!("rollup-{}.md", view.made);
                let path = self.export_dir.join(name).display().to_string();
                self.overlays.push(Overlay::Prompt(Prompt::new(
                    PromptKind::RollupExport,
                    "Write the roll-up to (.md, .csv, .html, .json or .txt):".into(),
                    &crate::text::clean_line(&path),
                )));
            }
            Action::Help => self.overlays.push(Overlay::Help { scroll: 0 }),
            _ => {
                let max =
                    (super::lines::rollup::lines(view, width).len() as u16).saturating_sub(page);
                if scroll_text(&mut view.scroll, action, max, page) {
                    self.overlays.pop();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_laid_out_once_for_each_order_and_width() {
        let rollup = crate::model::rollup::roll_up(
            &crate::store::embedded::builtin().unwrap().rubric,
            vec![],
            vec![],
            None,
        );
        let mut view = RollupView::new(rollup, "2026-12-01".into(), "r".into());
        let made = std::cell::Cell::new(0);
        let make = || {
            made.set(made.get() + 1);
            vec!["a line".to_string()]
        };
        view.lines_at(80, make);
        view.lines_at(80, make);
        assert_eq!(made.get(), 1, "the same order and width: kept");
        view.lines_at(60, make);
        assert_eq!(made.get(), 2, "another width: laid out again");
        view.order = view.order.next();
        view.lines_at(60, make);
        assert_eq!(made.get(), 3, "another order: laid out again");
    }
}
