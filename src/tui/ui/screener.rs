//! "Is this an IET?": one question at a time, then the verdict with reasons.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{is_focused, pane_block, scrolled_text};
use crate::tui::app::App;
use crate::tui::layout::Pane;
use crate::tui::lines::screener::lines;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let title = app.content.screener.title.clone();
    let block = pane_block(app.theme, title, is_focused(app, Pane::Main), area.width);
    scrolled_text(frame, area, block, app.theme, app.reader_scroll, |w| {
        lines(app, w)
    });
}
