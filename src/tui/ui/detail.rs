//! An indicator in detail: what it asks, what each level looks like (the
//! current one highlighted) and example evidence above; below, the team's
//! own notes, evidence and action items, which the cursor moves between.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::checklist::rating_label;
use super::{marked, overlay_area, wrapped};
use crate::model::assessment::Rating;
use crate::text;
use crate::tui::app::{App, Part, parts};
use crate::tui::layout;

/// The reading part: rating, description, levels, examples, rules.
pub fn reading(app: &App, id: &str, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut out: Vec<Line<'static>> = Vec::new();
    let Some((category, ind)) = app.content.rubric.indicator(id) else {
        return vec![Line::raw("This indicator is not in the rubric.")];
    };
    let response = app.assessment.response(id);
    let rating = response.map_or(&Rating::Unrated, |r| &r.rating);
    let mut status = vec![
        Span::raw("Rating: "),
        Span::styled(rating_label(app, rating), theme.key()),
    ];
    if let Rating::NotApplicable { reason } = rating {
        status.push(Span::raw(format!(
            " ({})",
            text::clean_line(text::aside(reason))
        )));
    }
    if response.is_some_and(|r| r.unsure) {
        status.push(Span::styled("  ? marked unsure", theme.warning()));
    }
    out.push(Line::from(status));
    out.push(Line::styled(
        format!(
            "{}{}{}",
            text::clean_line(&category.name),
            theme.sep(),
            ind.phase.label()
        ),
        theme.dim(),
    ));
    if let Some(change) = crate::model::changes::last_for(&app.assessment, id) {
        out.extend(wrapped(
            &format!(
                "Last changed by {}, {}",
                crate::report::log::who(&app.assessment, change),
                change.at.date()
            ),
            width,
            "",
            theme.dim(),
        ));
    }
    out.extend(wrapped(&ind.description, width, "", Style::new()));
    out.push(Line::styled("What each level looks like:", theme.heading()));
    let current = match rating {
        Rating::Level(v) => Some(usize::from(*v)),
        _ => None,
    };
    for (value, line) in ind.levels.iter().enumerate() {
        let name = app
            .content
            .rubric
            .scale
            .levels
            .get(value)
            .map_or(String::new(), |l| l.name.clone());
        let is_current = current == Some(value);
        let marker = if is_current { "> " } else { "  " };
        let style = if is_current {
            theme.current_level()
        } else {
            Style::new()
        };
        out.extend(marked(
            &format!("{value} {name}: {line}"),
            width,
            marker,
            style,
        ));
    }
    out.push(Line::styled("Examples of evidence:", theme.heading()));
    for e in &ind.evidence {
        out.extend(marked(e, width, theme.bullet(), Style::new()));
    }
    if !ind.cite.is_empty() {
        out.extend(wrapped(
            &format!("Rule: {}", ind.cite.join(", ")),
            width,
            "",
            theme.dim(),
        ));
    }
    out
}

/// The team's work, and the line each part starts on.
pub fn work(app: &App, id: &str, cursor: usize, width: usize) -> (Vec<Line<'static>>, Vec<usize>) {
    let theme = app.theme;
    let response = app.assessment.response(id);
    let mut out = Vec::new();
    let mut starts = Vec::new();
    for (i, part) in parts(response).into_iter().enumerate() {
        starts.push(out.len());
        let selected = i == cursor;
        let marker = if selected { "> " } else { "  " };
        let style = if selected {
            theme.selected()
        } else {
            Style::new()
        };
        let text = match part {
            Part::Notes => {
                let notes = response.map_or("", |r| r.notes.as_str());
                if notes.trim().is_empty() {
                    "Notes: none yet (press w or Enter to write)".to_string()
                } else {
                    format!("Notes: {}", notes.trim())
                }
            }
            Part::Evidence(j) => response
                .and_then(|r| r.evidence.get(j))
                .map(|e| {
                    let date = e.date.map(|d| d.to_string()).unwrap_or_default();
                    let details: Vec<&str> =
                        [e.location.as_str(), e.holder.as_str(), date.as_str()]
                            .into_iter()
                            .filter(|s| !s.trim().is_empty())
                            .collect();
                    let recheck = if e.recheck { " [to re-check]" } else { "" };
                    if details.is_empty() {
                        format!("Evidence: {}{recheck}", e.what)
                    } else {
                        format!("Evidence: {} ({}){recheck}", e.what, details.join(", "))
                    }
                })
                .unwrap_or_default(),
            Part::AddEvidence => "+ Add evidence (e)".into(),
            Part::Action(j) => response
                .and_then(|r| r.actions.get(j))
                .map(|a| {
                    let due = a
                        .due
                        .map_or("no due date".to_string(), |d| format!("due {d}"));
                    let owner = if a.owner.trim().is_empty() {
                        "no owner"
                    } else {
                        a.owner.as_str()
                    };
                    format!("Action: {} ({owner}, {due}, {})", a.what, a.status.label())
                })
                .unwrap_or_default(),
            Part::AddAction => "+ Add action item (a)".into(),
        };
        out.extend(marked(&text, width, marker, style));
    }
    (out, starts)
}

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
        .title(Line::styled(title, theme.focused_title()));
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
    let max = (reading.len() as u16).saturating_sub(read_area.height);
    frame.render_widget(
        Paragraph::new(reading).scroll((scroll.min(max), 0)),
        read_area,
    );
    // Text below the reading part's end is said, with the way to it.
    if scroll.min(max) < max && read_area.height > 0 {
        let mark = " PgDn: more ";
        let w = (mark.len() as u16).min(read_area.width);
        let at = ratatui::layout::Rect {
            x: read_area.right() - w,
            y: read_area.bottom() - 1,
            width: w,
            height: 1,
        };
        frame.render_widget(Paragraph::new(Span::styled(mark, theme.key())), at);
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
