//! Help, score explanations, the notes editor, forms, prompts and
//! confirmations, drawn over the panes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{overlay_area, scrolled_text, wrapped};
use crate::model::scoring;
use crate::tui::app::{App, LibraryView};
use crate::tui::form::{Editor, FieldValue, Form, Prompt};
use crate::tui::layout;
use crate::tui::lines::help::help_lines;

/// An overlay's box, `width` wide, its title cut with an ellipsis where
/// the box is too narrow for it.
fn framed(app: &App, title: &str, width: u16) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_set(app.theme.border_set())
        .title(Line::styled(
            format!(" {} ", super::fit_title(app.theme, title, width, 2)),
            app.theme.focused_title(),
        ))
}

/// A box of `width` x `height` centred in `outer`, clipped to it.
fn centred(outer: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(outer.width);
    let h = height.min(outer.height);
    Rect::new(
        outer.x + (outer.width - w) / 2,
        outer.y + (outer.height - h) / 2,
        w,
        h,
    )
}

pub fn help(app: &App, scroll: u16, frame: &mut Frame) {
    let area = overlay_area(frame, layout::help(frame.area()));
    let block = framed(app, "Help: Esc closes, Up/Down scroll", area.width);
    scrolled_text(frame, area, block, app.theme, scroll, |w| {
        help_lines(app, w)
    });
}

/// A draft a session left: whose, from when, what it says.
pub fn draft_found(app: &App, left: &crate::tui::draft::LeftDraft, frame: &mut Frame) {
    let theme = app.theme;
    let draft = &left.draft;
    let area = overlay_area(frame, layout::overlay(frame.area()));
    let block = framed(app, "A draft was left", area.width);
    let width = usize::from(block.inner(area).width).max(1);
    let when = draft.at.to_string();
    // The keys first, to be seen in the smallest terminal.
    let mut lines = wrapped(
        "r restore · d discard · Esc later (it stays)",
        width,
        "",
        theme.dim(),
    );
    lines.extend(wrapped(
        &format!(
            "This draft of {} was typed by {} on {} ({} {} UTC) and not kept when that session ended:",
            draft.what(),
            draft.typed_by(),
            draft.host,
            when.get(..10).unwrap_or(&when),
            when.get(11..16).unwrap_or_default()
        ),
        width,
        "",
        theme.heading(),
    ));
    lines.push(Line::raw(""));
    for line in draft.text().lines() {
        lines.extend(wrapped(line, width, "  ", Style::new()));
    }
    if left.more > 0 {
        lines.push(Line::raw(""));
        lines.extend(wrapped(
            &format!(
                "{} after this one.",
                crate::text::count(left.more, "more draft waits", "more drafts wait")
            ),
            width,
            "",
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Who changed what in the open assessment, newest first.
pub fn log(app: &App, scroll: u16, frame: &mut Frame) {
    let area = overlay_area(frame, layout::help(frame.area()));
    let block = framed(
        app,
        "Who changed what, newest first (Esc closes)",
        area.width,
    );
    let theme = app.theme;
    scrolled_text(frame, area, block, theme, scroll, |width| {
        let rows = crate::report::log::rows(&app.assessment, &app.content.rubric.scale, width);
        if rows.is_empty() {
            return wrapped(
                "No changes recorded yet. Every change from now on is recorded here with who made it and when.",
                width,
                "",
                theme.dim(),
            );
        }
        rows.into_iter()
            .map(|row| {
                let style = if row.heading {
                    theme.heading()
                } else {
                    Style::new()
                };
                Line::styled(row.text, style)
            })
            .collect()
    });
}

pub fn rollup(app: &App, view: &crate::tui::rollup::RollupView, frame: &mut Frame) {
    let area = overlay_area(frame, layout::help(frame.area()));
    // The keys are in the status bar below.
    let title = format!(
        "{}, {}",
        crate::report::rollup::heading(&view.rollup),
        view.order.label()
    );
    let block = framed(app, &title, area.width);
    scrolled_text(frame, area, block, app.theme, view.scroll, |width| {
        crate::tui::lines::rollup::lines(view, width)
            .iter()
            .map(|l| Line::raw(l.clone()))
            .collect()
    });
}

pub fn explain(app: &App, category: Option<usize>, frame: &mut Frame) {
    let summary = scoring::score(&app.content.rubric, &app.assessment);
    let text = match category.and_then(|c| summary.categories.get(c)) {
        Some(c) => c.explain(summary.scale),
        None => summary.explain_overall(),
    };
    let area = overlay_area(frame, layout::overlay(frame.area()));
    let block = framed(
        app,
        "How this score was worked out (Esc closes)",
        area.width,
    );
    let width = usize::from(block.inner(area).width).max(1);
    let lines: Vec<Line> = text
        .iter()
        .flat_map(|l| {
            let indent = if l.starts_with("  ") { "  " } else { "" };
            wrapped(l.trim_start(), width, indent, Style::new())
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

pub fn editor(app: &App, e: &Editor, frame: &mut Frame) {
    let area = overlay_area(frame, layout::overlay(frame.area()));
    let block = framed(
        app,
        &format!("Notes for {}: Ctrl-S keeps, Esc cancels", e.indicator),
        area.width,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(&e.area, inner);
}

/// `s` cut from the left to `width` characters, marked with `ellipsis`.
fn keep_end(s: &str, width: usize, ellipsis: &str) -> String {
    let n = s.chars().count();
    if n <= width {
        return s.to_string();
    }
    let keep = width.saturating_sub(ellipsis.chars().count());
    format!("{ellipsis}{}", s.chars().skip(n - keep).collect::<String>())
}

pub fn form(app: &App, f: &Form, frame: &mut Frame) {
    let theme = app.theme;
    let screen = frame.area();
    let width = layout::overlay(screen).width.min(76);
    // Under the fields: what is wrong, or the focused field's hint, whole.
    let said = match &f.error {
        Some(e) => wrapped(
            e,
            usize::from(width.saturating_sub(2)).max(1),
            "",
            theme.error(),
        ),
        None => wrapped(
            f.fields.get(f.focus).map_or("", |x| x.hint),
            usize::from(width.saturating_sub(2)).max(1),
            "",
            theme.dim(),
        ),
    };
    let said_rows = (said.len() as u16).max(1);
    let label_width = f
        .fields
        .iter()
        .map(|x| x.label.chars().count())
        .max()
        .unwrap_or(0) as u16
        + 2;
    // Where a value would have little room beside its label, the label goes
    // above it: choices and values then show whole.
    let stacked = width.saturating_sub(2) < label_width + 32;
    let per_field: u16 = if stacked { 2 } else { 1 };
    // Above a message box, if one shows: the box never covers a field.
    let message = super::status::message_rows(app, screen.width);
    // Between the top line and the status line, and above a message box.
    let room = Rect {
        y: screen.y + 1.min(screen.height),
        height: screen
            .height
            .saturating_sub(2 + message)
            .max(3.min(screen.height)),
        ..screen
    };
    let height = (f.fields.len() as u16 * per_field + 3 + said_rows)
        .min(layout::overlay(screen).height)
        .min(room.height);
    let area = overlay_area(frame, centred(room, width, height));
    let verb = match f.kind {
        crate::tui::form::FormKind::Export { .. } => "Enter writes the file",
        crate::tui::form::FormKind::NewAssessment { .. } => "Enter starts it",
        _ => "Enter keeps",
    };
    let cancel = match f.kind {
        crate::tui::form::FormKind::Person { first: true } => "Esc: not now",
        _ => "Esc cancels",
    };
    // The keys in the title where they fit whole; on the bottom border
    // where they do not.
    let full = format!("{}: {verb}, {cancel}", f.title);
    let keys_in_title = full.chars().count() + 4 <= usize::from(width);
    let block = framed(
        app,
        if keys_in_title { &full } else { &f.title },
        area.width,
    );
    let inner = block.inner(area);
    let [fields_area, error_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(said_rows)]).areas(inner);
    // Show a window of fields that keeps the focused one visible, and say
    // on the border when fields lie above or below it; the keys go there
    // too where the title has no room for them and the border has (the
    // status bar says them in any case).
    let rows = usize::from(fields_area.height / per_field).max(1);
    let first = (f.focus + 1).saturating_sub(rows);
    let mut bottom: Vec<String> = Vec::new();
    if !keys_in_title {
        bottom.push(format!("{verb}, {cancel}"));
    }
    if first > 0 {
        bottom.push("fields above".into());
    }
    if first + rows < f.fields.len() {
        bottom.push("Tab: more fields".into());
    }
    let room = usize::from(area.width).saturating_sub(4);
    let together = |parts: &[String]| {
        super::said_together(theme, &parts.iter().map(String::as_str).collect::<Vec<_>>())
    };
    // Short of room, where more fields lie counts more than the keys.
    if !keys_in_title && bottom.len() > 1 && together(&bottom).chars().count() > room {
        bottom.remove(0);
    }
    let block = if bottom.is_empty() {
        block
    } else {
        block.title_bottom(
            Line::styled(
                format!(
                    " {} ",
                    crate::text::fit(&together(&bottom), room, theme.ellipsis())
                ),
                theme.key(),
            )
            .right_aligned(),
        )
    };
    frame.render_widget(block, area);
    for (row, (i, field)) in f
        .fields
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let y = fields_area.y + row as u16 * per_field;
        let focused = i == f.focus;
        let label_style = if focused { theme.key() } else { Style::new() };
        let [label, value] = if stacked {
            [
                Rect::new(fields_area.x, y, fields_area.width, 1),
                Rect::new(
                    fields_area.x + 2,
                    (y + 1).min(fields_area.bottom().saturating_sub(1)),
                    fields_area.width.saturating_sub(2),
                    1,
                ),
            ]
        } else {
            Layout::horizontal([Constraint::Length(label_width), Constraint::Min(1)])
                .areas(Rect::new(fields_area.x, y, fields_area.width, 1))
        };
        frame.render_widget(
            Paragraph::new(Span::styled(format!("{}:", field.label), label_style)),
            label,
        );
        match &field.value {
            FieldValue::Text(t) if focused => frame.render_widget(&**t, value),
            _ => {
                let shown = match &field.value {
                    FieldValue::Choice { options, selected } => {
                        format!("< {} >", options.get(*selected).map_or("", String::as_str))
                    }
                    // A long value shows its end: for a path, the file name.
                    FieldValue::Text(_) => keep_end(
                        &field.text_value(),
                        usize::from(value.width),
                        theme.ellipsis(),
                    ),
                };
                let hint = if shown.is_empty() {
                    crate::text::fit(field.hint, usize::from(value.width), theme.ellipsis())
                } else {
                    String::new()
                };
                frame.render_widget(
                    Paragraph::new(Line::from(vec![
                        Span::raw(shown),
                        Span::styled(hint, theme.dim()),
                    ])),
                    value,
                );
            }
        }
    }
    frame.render_widget(Paragraph::new(said), error_area);
}

pub fn prompt(app: &App, p: &Prompt, frame: &mut Frame, status: Rect) {
    let theme = app.theme;
    // Just above the status bar: the question and what is wrong with the
    // answer, whole, on as many lines as they need; then the answer.
    let width = usize::from(status.width).max(1);
    let mut said = wrapped(&p.question, width, "", theme.heading());
    if let Some(e) = &p.error {
        said.extend(wrapped(e, width, "", theme.warning()));
    }
    let rows = (said.len() as u16).min(status.y.saturating_sub(1));
    let y = status.y.saturating_sub(rows + 1);
    let area = overlay_area(frame, Rect::new(status.x, y, status.width, status.y - y));
    let [question, input] =
        Layout::vertical([Constraint::Length(rows), Constraint::Length(1)]).areas(area);
    frame.render_widget(Paragraph::new(said), question);
    // A line longer than the row scrolls to keep the cursor in view: the
    // first column then says that its start is hidden (Home shows it).
    let col = p.input.cursor().1;
    if col + 1 >= usize::from(input.width) && input.width > 2 {
        let [mark, rest] =
            Layout::horizontal([Constraint::Length(1), Constraint::Min(1)]).areas(input);
        frame.render_widget(
            Paragraph::new(Span::styled(theme.ellipsis(), theme.key())),
            mark,
        );
        frame.render_widget(&p.input, rest);
    } else {
        frame.render_widget(&p.input, input);
    }
}

pub fn confirm(app: &App, question: &str, frame: &mut Frame) {
    let screen = frame.area();
    let width = (question.chars().count() as u16 + 4).min(60);
    let inner_width = usize::from(width.saturating_sub(2)).max(1);
    let lines = wrapped(question, inner_width, "", app.theme.warning());
    let area = overlay_area(frame, centred(screen, width, lines.len() as u16 + 2));
    frame.render_widget(
        Paragraph::new(lines).block(framed(app, "Please confirm", area.width)),
        area,
    );
}

pub fn library(app: &App, view: &LibraryView, frame: &mut Frame) {
    let theme = app.theme;
    let area = overlay_area(frame, layout::overlay(frame.area()));
    let title = if view.trash {
        "Trash: Enter restores, t back to the library"
    } else {
        "Library of saved assessments"
    };
    let mut block = framed(app, title, area.width);
    let inner = block.inner(area);
    let width = usize::from(inner.width).max(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut ends = Vec::new();
    if let Some(problem) = &view.problem {
        lines.extend(wrapped(problem, width, "", theme.error()));
    } else if view.rows.is_empty() {
        let empty = if view.trash {
            "The trash is empty."
        } else {
            "No saved assessments yet. Press n to start one; it is saved as soon as you change it."
        };
        lines.extend(wrapped(empty, width, "", theme.dim()));
    }
    // Every key of the library, whole, where a newcomer looks first (the
    // status bar has room for a few).
    let keys: Vec<String> = crate::tui::keymap::hints(&[crate::tui::keymap::Context::Library])
        .into_iter()
        .filter(|(_, hint)| !matches!(*hint, "help" | "close"))
        .map(|(key, hint)| format!("{key} {hint}"))
        .collect();
    lines.extend(wrapped(
        &format!("Keys: {}; ? every key.", keys.join(", ")),
        width,
        "",
        theme.dim(),
    ));
    if !view.trash && view.rows.len() >= 2 && !view.marked.is_empty() {
        let (say, style) = match view.marked.len() {
            1 => (
                "1 marked: mark one more with Space, then press v.".to_string(),
                theme.heading(),
            ),
            n => (
                format!(
                    "{n} marked: v shows them side by side (cycles of one program oldest first)."
                ),
                theme.heading(),
            ),
        };
        lines.extend(wrapped(&say, width, "", style));
    }
    for (i, row) in view.rows.iter().enumerate() {
        let selected = i == view.selected;
        let pointer = if selected { ">" } else { " " };
        // The mark shows the column the assessment will have side by side.
        let mark = match view.marked.iter().position(|p| *p == row.path) {
            Some(n) => format!("[{}]", n + 1),
            None if view.marked.is_empty() => String::new(),
            None => "   ".into(),
        };
        let marker = if mark.is_empty() {
            format!("{pointer} ")
        } else {
            format!("{pointer}{mark} ")
        };
        let style = if selected {
            theme.selected()
        } else {
            Style::new()
        };
        lines.extend(super::marked(
            &format!("{}  {}", row.name, row.status),
            width,
            &marker,
            style,
        ));
        if !row.text.is_empty() && selected {
            // The selected one's detail whole; the others', one line each,
            // cut to fit, so the list stays easy to scan.
            lines.extend(wrapped(&row.text, width, "    ", theme.dim()));
        } else if !row.text.is_empty() {
            let detail = crate::text::fit(&row.text, width.saturating_sub(4), theme.ellipsis());
            lines.push(Line::styled(format!("    {detail}"), theme.dim()));
        }
        if let Some(e) = &row.error {
            lines.extend(wrapped(e, width, "    ", theme.error()));
        }
        ends.push(lines.len());
    }
    if let Some(dir) = &app.data_dir {
        lines.push(Line::raw(""));
        lines.extend(wrapped(
            &format!("Data folder: {dir}"),
            width,
            "",
            theme.dim(),
        ));
    }
    // The selected entry shows whole: from its first line to the next's.
    let cursor_end = ends.get(view.selected).copied().unwrap_or(0);
    let offset = cursor_end.saturating_sub(usize::from(inner.height));
    // More assessments than fit: said, above and below.
    block = super::beyond(
        block,
        theme,
        (offset > 0).then_some("k: more above"),
        (lines.len() > offset + usize::from(inner.height)).then_some("j: more below"),
    );
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(lines).scroll((offset as u16, 0)), inner);
}
