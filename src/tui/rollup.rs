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
}

impl RollupView {
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
