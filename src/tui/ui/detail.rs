//! An indicator in detail: what it asks, what each level looks like (the
//! current one highlighted) and example evidence above; below, the team's
//! own notes, evidence and action items, which the cursor moves between.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::overlay_area;
use crate::text;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::lines::detail::{reading, work};

pub fn render(app: &App, id: &str, cursor: usize, scroll: u16, frame: &mut Frame) {
    let theme = app.theme;
    let area = overlay_area(frame, layout::overlay(frame.area()));
    let title = match app.content.rubric.indicator(id) {
        Some((_, i)) => format!(
            " {} {} ",
            text::clean_line(&i.id),
            text::clean_line(&i.title)
        ),
        None => format!(" {} ", text::clean_line(id)),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border_set())
        .title(Line::styled(
            format!(" {} ", super::fit_title(theme, title.trim(), area.width, 2)),
            theme.focused_title(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width).max(1);
    let (work_lines, starts) = work(app, id, cursor, width);
    // The team's work takes what it needs, up to half the height.
    let work_rows = (work_lines.len() as u16 + 1)
        .min(inner.height / 2)
        .max(2.min(inner.height));
    let [read_area, work_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(work_rows)]).areas(inner);

    let reading = match &app.search {
        Some(s) => crate::tui::search::highlight(reading(app, id, width), &s.query, theme.hit()),
        None => reading(app, id, width),
    };
    // Where the reading part is longer than its room, its last row says
    // which way more lies, and the text never runs under that row.
    let long = reading.len() as u16 > read_area.height && read_area.height > 1;
    let text_rows = read_area.height - u16::from(long);
    let max = (reading.len() as u16).saturating_sub(text_rows);
    let scroll = scroll.min(max);
    let [text_area, mark_area] =
        Layout::vertical([Constraint::Length(text_rows), Constraint::Min(0)]).areas(read_area);
    frame.render_widget(Paragraph::new(reading).scroll((scroll, 0)), text_area);
    if long {
        let mark = super::beyond_text(
            theme,
            (scroll > 0).then_some("PgUp: more above"),
            (scroll < max).then_some("PgDn: more below"),
        )
        .unwrap_or_default();
        frame.render_widget(
            Paragraph::new(Span::styled(mark, theme.key()))
                .alignment(ratatui::layout::Alignment::Right),
            mark_area,
        );
    }

    let [heading, list] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(work_area);
    // The keys for the team's work, as many as fit whole.
    let keys = [
        "Enter edit",
        "w notes",
        "e evidence",
        "a action",
        "d delete",
    ];
    let room = usize::from(heading.width);
    let said = (0..=keys.len())
        .rev()
        .flat_map(|n| {
            let shown = keys[..n].join(theme.sep());
            [format!("Team's work: {shown}"), shown]
        })
        .find(|s| s.chars().count() <= room)
        .unwrap_or_default();
    frame.render_widget(Paragraph::new(Line::styled(said, theme.heading())), heading);
    let cursor_line = starts.get(cursor).copied().unwrap_or(0);
    let rows = usize::from(list.height).max(1);
    let offset = (cursor_line + 1).saturating_sub(rows);
    frame.render_widget(Paragraph::new(work_lines).scroll((offset as u16, 0)), list);
}
