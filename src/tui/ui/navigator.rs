//! The navigator pane: toolkit, screener and the Quality Indicator categories.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;
use tui_tree_widget::Tree;

use super::{is_focused, pane_block, wrapped};
use crate::text;
use crate::tui::app::App;
use crate::tui::layout::Pane;
use crate::tui::nav::{self, NavId};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let block = pane_block(
        theme,
        "Navigator".into(),
        is_focused(app, Pane::Navigator),
        area.width,
    );
    let inner = block.inner(area);
    let items = nav::items(
        &app.content,
        &app.assessment,
        theme,
        usize::from(inner.width),
    );
    if let Ok(tree) = Tree::new(&items) {
        let tree = tree
            .block(block)
            .highlight_style(theme.selected())
            .node_open_symbol(theme.tree_open())
            .node_closed_symbol(theme.tree_closed())
            .node_no_children_symbol("  ");
        frame.render_stateful_widget(tree, area, &mut app.nav.borrow_mut());
        let state = app.nav.borrow();
        let offset = state.get_offset();
        let rows = nav::visible(&state, &items).len();
        super::bottom_note(
            frame,
            area,
            theme,
            (offset > 0).then_some("k: more above"),
            (offset + usize::from(inner.height) < rows).then_some("j: more below"),
        );
    } else {
        frame.render_widget(block, area);
        return;
    }
    whole_name(app, &items, frame, inner);
}

/// The selected row's name, whole, under the tree where the pane cuts it
/// and the tree leaves the room.
fn whole_name(
    app: &App,
    items: &[tui_tree_widget::TreeItem<'static, NavId>],
    frame: &mut Frame,
    inner: Rect,
) {
    let state = app.nav.borrow();
    let path = state.selected();
    let Some(id) = path.last() else {
        return;
    };
    let c = &app.content;
    let name = match id {
        NavId::Toolkit => format!("Toolkit: {}", c.toolkit.title),
        NavId::Section(s) => c
            .toolkit
            .section(s)
            .map_or_else(String::new, |s| s.title.clone()),
        NavId::Screener => c.screener.title.clone(),
        NavId::Category(i) => c
            .rubric
            .categories
            .get(*i)
            .map_or_else(String::new, |c| c.name.clone()),
        NavId::Indicator(i) => c
            .rubric
            .indicator(i)
            .map_or_else(String::new, |(_, ind)| format!("{} {}", ind.id, ind.title)),
    };
    let name = text::clean_line(&name);
    // The tree's own indent, its symbol, and for categories the count.
    let shown_from = 2 * path.len()
        + if matches!(id, NavId::Category(_)) {
            5
        } else {
            4
        };
    let width = usize::from(inner.width);
    if name.chars().count() + shown_from <= width {
        return;
    }
    let lines = wrapped(&name, width.max(1), "  ", app.theme.heading());
    let rows = nav::visible(&state, items).len() as u16;
    let height = lines.len() as u16;
    if rows + height + 1 > inner.height {
        return;
    }
    let at = Rect {
        y: inner.bottom() - height,
        height,
        ..inner
    };
    frame.render_widget(Paragraph::new(lines), at);
}
