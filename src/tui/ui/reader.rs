//! The main pane when it shows the welcome or a toolkit section.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{is_focused, pane_block, scrolled_text};
use crate::tui::app::App;
use crate::tui::layout::Pane;
use crate::tui::lines::reader::{lines, title};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let block = pane_block(
        app.theme,
        title(app),
        is_focused(app, Pane::Main),
        area.width,
    );
    scrolled_text(
        frame,
        area,
        block,
        app.theme,
        app.reader_scroll,
        |w| match &app.search {
            Some(s) => crate::tui::search::highlight(lines(app, w), &s.query, app.theme.hit()),
            None => lines(app, w),
        },
    );
}
