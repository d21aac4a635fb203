//! The program summary pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{is_focused, pane_block};
use crate::tui::app::App;
use crate::tui::layout::Pane;
use crate::tui::lines::summary::{lines, title};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let focused = is_focused(app, Pane::Summary);
    let mut block = pane_block(app.theme, title(app), focused, area.width);
    let inner = block.inner(area);
    let lines = lines(app, usize::from(inner.width));
    let max = (lines.len() as u16).saturating_sub(inner.height);
    let scroll = app.summary_scroll.min(max);
    // What is below the pane's end is said, with the way to it.
    if scroll < max {
        let way = if focused {
            " PgDn: more "
        } else {
            " Tab, PgDn: more "
        };
        block = block.title_bottom(Line::styled(way, app.theme.key()).right_aligned());
    }
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}
