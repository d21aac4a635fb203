//! The navigator pane: toolkit, screener and the Quality Indicator categories.

use ratatui::Frame;
use ratatui::layout::Rect;
use tui_tree_widget::Tree;

use super::{is_focused, pane_block};
use crate::tui::app::App;
use crate::tui::layout::Pane;
use crate::tui::nav;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let items = nav::items(&app.content, &app.assessment, theme);
    let block = pane_block(theme, "Navigator".into(), is_focused(app, Pane::Navigator));
    if let Ok(tree) = Tree::new(&items) {
        let tree = tree
            .block(block)
            .highlight_style(theme.selected())
            .node_open_symbol(theme.tree_open())
            .node_closed_symbol(theme.tree_closed())
            .node_no_children_symbol("  ");
        frame.render_stateful_widget(tree, area, &mut app.nav.borrow_mut());
    } else {
        frame.render_widget(block, area);
    }
}
