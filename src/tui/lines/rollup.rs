//! The roll-up view's lines: its text report, each line cut to the width
//! at word breaks where the view is narrower than the report.

use crate::text;
use crate::tui::rollup::RollupView;

pub fn lines(view: &RollupView, width: usize) -> std::rc::Rc<Vec<String>> {
    view.lines_at(width, || {
        view.report_at("txt", width)
            .lines()
            .flat_map(|l| {
                if l.chars().count() <= width {
                    vec![l.to_string()]
                } else {
                    text::wrap_hard(l, width)
                }
            })
            .collect()
    })
}
