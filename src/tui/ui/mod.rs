//! Drawing: a pure function of `App`. Each pane or overlay has its own file.

pub mod checklist;
pub mod compare;
pub mod detail;
pub mod navigator;
pub mod overlays;
pub mod reader;
pub mod screener;
pub mod status;
pub mod summary;

pub use super::lines::{is_focused, marked, wrapped};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::app::{App, MainView, Overlay};
use super::layout;
use super::theme::Theme;

pub fn render(app: &App, frame: &mut Frame) {
    let size = frame.area();
    let areas = layout::areas(size, app.focus);
    if areas.too_small {
        // Quitting may ask first; the question is what the screen shows then.
        if let Some(Overlay::Confirm { question, .. }) = app.overlays.last() {
            frame.render_widget(
                Paragraph::new(crate::text::clean_line(question))
                    .wrap(ratatui::widgets::Wrap { trim: true }),
                size,
            );
            return;
        }
        let text = format!(
            "Enlarge the terminal: {}x{} is too small (ietkit needs {}x{}). q quits.",
            size.width,
            size.height,
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT
        );
        frame.render_widget(
            Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
            size,
        );
        return;
    }
    if let Some(tabs) = areas.tabs {
        frame.render_widget(status::tabs(app), tabs);
    }
    if let Some(r) = areas.navigator {
        navigator::render(app, frame, r);
    }
    if let Some(r) = areas.main {
        match &app.main {
            MainView::Checklist(c) => checklist::render(app, *c, frame, r),
            MainView::Screener => screener::render(app, frame, r),
            MainView::Welcome | MainView::Section(_) => reader::render(app, frame, r),
        }
    }
    if let Some(r) = areas.summary {
        summary::render(app, frame, r);
    }
    for overlay in &app.overlays {
        match overlay {
            Overlay::Detail {
                indicator,
                cursor,
                scroll,
            } => detail::render(app, indicator, *cursor, *scroll, frame),
            Overlay::Help { scroll } => overlays::help(app, *scroll, frame),
            Overlay::Log { scroll } => overlays::log(app, *scroll, frame),
            Overlay::DraftFound(draft) => overlays::draft_found(app, draft, frame),
            Overlay::Library(view) => overlays::library(app, view, frame),
            Overlay::Compare(view) => compare::render(app, view, frame),
            Overlay::Rollup(view) => overlays::rollup(app, view, frame),
            Overlay::Explain { category } => overlays::explain(app, *category, frame),
            Overlay::Editor(e) => overlays::editor(app, e, frame),
            Overlay::Form(f) => overlays::form(app, f, frame),
            Overlay::Prompt(p) => overlays::prompt(app, p, frame, areas.status.unwrap_or(size)),
            Overlay::Confirm { question, .. } => overlays::confirm(app, question, frame),
        }
    }
    if let Some(r) = areas.status {
        frame.render_widget(status::bar(app, usize::from(r.width)), r);
        status::message_box(app, frame, r);
    }
}

/// A pane's frame. Focus shows in the title (a marker and bold), so moving
/// focus repaints two titles, not two whole borders.
pub fn pane_block(theme: Theme, title: String, focused: bool, width: u16) -> Block<'static> {
    let marker = match (focused, theme.ascii) {
        (false, _) => " ",
        (true, true) => ">",
        (true, false) => "\u{25b6}",
    };
    let style = if focused {
        theme.focused_title()
    } else {
        theme.title()
    };
    Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border_set())
        .title(Line::from(vec![Span::styled(
            format!("{marker}{} ", fit_title(theme, &title, width, 2)),
            style,
        )]))
}

/// A title for a box `width` wide, cut with an ellipsis to leave the two
/// corners and `spaces` more: what does not fit is seen to be missing.
pub fn fit_title(theme: Theme, title: &str, width: u16, spaces: usize) -> String {
    crate::text::fit(
        title,
        usize::from(width).saturating_sub(2 + spaces),
        theme.ellipsis(),
    )
}

/// As [`beyond`], for a box already drawn (by a widget that draws its own
/// block): the note is written over the bottom border, right-aligned.
pub fn bottom_note(
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
    above: Option<&str>,
    below: Option<&str>,
) {
    let Some(text) = beyond_text(theme, above, below) else {
        return;
    };
    let text = format!(" {text} ");
    if area.height < 2 || area.width < 3 {
        return;
    }
    let room = usize::from(area.width - 2);
    let text = crate::text::fit(&text, room, theme.ellipsis());
    let w = text.chars().count() as u16;
    let at = Rect {
        x: area.right() - 1 - w,
        y: area.bottom() - 1,
        width: w,
        height: 1,
    };
    frame.render_widget(Paragraph::new(Span::styled(text, theme.key())), at);
}

/// Short notes said together on one border or row: "a · b" (`a | b` in
/// `--ascii`).
pub fn said_together(theme: Theme, parts: &[&str]) -> String {
    parts.join(if theme.ascii { " | " } else { " \u{b7} " })
}

/// Which way more lies, `above` once scrolled and `below` while more
/// follows, as one note; `None` when everything shows.
pub fn beyond_text(theme: Theme, above: Option<&str>, below: Option<&str>) -> Option<String> {
    let parts: Vec<&str> = [above, below].into_iter().flatten().collect();
    (!parts.is_empty()).then(|| said_together(theme, &parts))
}

/// What lies beyond the rows a box shows, said on its bottom border, right
/// of anything else there: `above` once scrolled, `below` while more
/// follows. (The top border is the title's, whole.)
pub fn beyond(
    block: Block<'static>,
    theme: Theme,
    above: Option<&str>,
    below: Option<&str>,
) -> Block<'static> {
    match beyond_text(theme, above, below) {
        Some(text) => {
            block.title_bottom(Line::styled(format!(" {text} "), theme.key()).right_aligned())
        }
        None => block,
    }
}

/// Draws the lines `lines_at(width)` in `block`, scrolled by `scroll`
/// (clamped to the text), with "PgDn: more" on the bottom border while more
/// text follows and "PgUp: more above" there too once scrolled.
pub fn scrolled_text(
    frame: &mut Frame,
    area: Rect,
    block: Block<'static>,
    theme: Theme,
    scroll: u16,
    lines_at: impl FnOnce(usize) -> Vec<Line<'static>>,
) {
    let inner = block.inner(area);
    let lines = lines_at(usize::from(inner.width).max(1));
    let scroll = scroll.min((lines.len() as u16).saturating_sub(inner.height));
    let block = beyond(
        block,
        theme,
        (scroll > 0).then_some("PgUp: more above"),
        (lines.len() > usize::from(scroll + inner.height)).then_some("PgDn: more"),
    );
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}

/// An overlay's frame over a cleared area.
pub fn overlay_area(frame: &mut Frame, area: Rect) -> Rect {
    // A blank column either side, so no lone letter of what is underneath
    // shows between the box and the screen's edge as if it were in the box.
    let screen = frame.area();
    let left = area.x.saturating_sub(1).max(screen.x);
    let right = (area.x + area.width + 1).min(screen.x + screen.width);
    let gutter = Rect {
        x: left,
        width: right.saturating_sub(left),
        ..area
    };
    frame.render_widget(ratatui::widgets::Clear, gutter);
    area
}
