//! The status bar (where you are, save state, hints or a message) and the
//! tab line shown when only one pane fits.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::{App, MainView, Overlay, SaveState, Tone};
use crate::tui::keymap;
use crate::tui::layout::Pane;

fn place(app: &App) -> String {
    // A question or a prompt over a view belongs to that view.
    let top = app
        .overlays
        .iter()
        .rev()
        .find(|o| !matches!(o, Overlay::Prompt(_) | Overlay::Confirm { .. }))
        .filter(|o| {
            matches!(
                o,
                Overlay::Rollup(_) | Overlay::Compare(_) | Overlay::Library(_)
            )
        })
        .or(app.overlays.last());
    match top {
        Some(Overlay::Detail { indicator, .. }) => return indicator.clone(),
        Some(Overlay::Help { .. }) => return "Help".into(),
        Some(Overlay::Editor(e)) => return format!("Notes {}", e.indicator),
        Some(Overlay::Form(_)) => return "Form".into(),
        Some(Overlay::Explain { .. }) => return "Score".into(),
        Some(Overlay::Compare(v)) if v.trend => return "Trend".into(),
        Some(Overlay::Compare(_)) => return "Side by side".into(),
        Some(Overlay::Rollup(_)) => return "Roll-up".into(),
        Some(Overlay::Library(v)) => {
            return match (v.trash, v.marked.len()) {
                (true, _) => "Trash".into(),
                (false, 0) => "Library".into(),
                (false, n) => format!("Library, {n} marked"),
            };
        }
        _ => {}
    }
    match app.focus {
        Pane::Navigator => "Navigator".into(),
        Pane::Summary => "Summary".into(),
        Pane::Main => match &app.main {
            MainView::Checklist(c) => app
                .content
                .rubric
                .categories
                .get(*c)
                .map_or("Checklist".into(), |c| c.id.clone()),
            MainView::Screener => "Is this an IET?".into(),
            MainView::Section(_) => "Toolkit".into(),
            MainView::Welcome => "Welcome".into(),
        },
    }
}

pub fn bar(app: &App, width: usize) -> Paragraph<'static> {
    let theme = app.theme;
    // Where only one pane fits, the tab line above already says which:
    // the room goes to the keys.
    let one_pane = app.areas().tabs.is_some() && app.overlays.is_empty();
    let mut spans = if one_pane {
        vec![Span::raw(" ")]
    } else {
        vec![
            Span::styled(
                format!(" {} ", crate::text::clean_line(&place(app))),
                theme.selected(),
            ),
            Span::raw(" "),
        ]
    };
    // The library and the side-by-side view work on other files: their
    // hints need the room more than the open assessment's save state,
    // unless a save failed.
    let elsewhere = matches!(
        app.overlays.last(),
        Some(Overlay::Library(_) | Overlay::Compare(_) | Overlay::Rollup(_))
    );
    if !elsewhere || matches!(app.save, SaveState::Failed(_)) {
        // "saved" takes the room kept for it from the start, so the hints after
        // it do not shift at the first change (on a slow line, a shifted status
        // bar is a resent status bar). The rarer states may shift them.
        spans.push(match &app.save {
            SaveState::Saved(_) => Span::raw("saved "),
            SaveState::Failed(_) => Span::styled("NOT SAVED ", theme.error()),
            SaveState::ReadOnly(_) => Span::styled("read-only ", theme.warning()),
            SaveState::Nothing if app.changes > 0 => Span::styled("not saved ", theme.warning()),
            SaveState::Nothing => Span::raw("      "),
        });
    }
    if app.draft_unkept {
        spans.push(Span::styled("draft not kept ", theme.warning()));
    }
    if let Some(search) = &app.search {
        spans.push(Span::raw(format!(
            "search {}/{} ",
            search.current + 1,
            search.hits.len()
        )));
    }
    match &app.message {
        // Too long for the line: shown whole in a box above it.
        Some((text, _)) if too_long(text, width) => {
            spans.extend(hint_spans(app, width.saturating_sub(used(&spans))));
        }
        Some((text, tone)) => {
            let style = match tone {
                Tone::Info => Style::new(),
                Tone::Warning => theme.warning(),
            };
            let text = crate::text::clean_line(text);
            // A message that does not fit after the place and save state
            // takes the whole line: what it says matters more just now.
            if used(&spans) + text.chars().count() > width {
                spans.clear();
                spans.push(Span::raw(" "));
            }
            spans.push(Span::styled(text, style));
        }
        None => spans.extend(hint_spans(app, width.saturating_sub(used(&spans)))),
    }
    Paragraph::new(Line::from(spans))
}

/// Whether a message needs more than the status line, even alone on it.
fn too_long(text: &str, width: usize) -> bool {
    crate::text::clean_line(text).chars().count() + 1 > width
}

/// The rows the message box takes above a status line `width` wide: none
/// when the message fits the status line.
pub fn message_rows(app: &App, width: u16) -> u16 {
    match &app.message {
        Some((text, _)) if too_long(text, usize::from(width)) => {
            let lines = crate::text::wrap_hard(
                &crate::text::clean_line(text),
                usize::from(width).saturating_sub(2).max(1),
            );
            lines.len() as u16 + 2
        }
        _ => 0,
    }
}

/// A message too long for the status line, whole, in a box just above it
/// that covers what is under it until the next key.
pub fn message_box(app: &App, frame: &mut ratatui::Frame, status: ratatui::layout::Rect) {
    let Some((text, tone)) = &app.message else {
        return;
    };
    let width = usize::from(status.width);
    if !too_long(text, width) || status.y == 0 {
        return;
    }
    let theme = app.theme;
    let style = match tone {
        Tone::Info => Style::new(),
        Tone::Warning => theme.warning(),
    };
    let lines = super::wrapped(
        &crate::text::clean_line(text),
        width.saturating_sub(2).max(1),
        "",
        style,
    );
    let height = (lines.len() as u16 + 2).min(status.y);
    let area = ratatui::layout::Rect {
        x: status.x,
        y: status.y - height,
        width: status.width,
        height,
    };
    let block = ratatui::widgets::Block::default()
        .borders(ratatui::widgets::Borders::ALL)
        .border_set(theme.border_set());
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn used(spans: &[Span]) -> usize {
    spans.iter().map(|s| s.content.chars().count()).sum()
}

/// As many hints as fit in `room`, always ending with help and quit, so a
/// newcomer can find help at any width.
fn hint_spans(app: &App, room: usize) -> Vec<Span<'static>> {
    let theme = app.theme;
    let hints = keymap::hints_where(&app.contexts(), |action| app.hint_applies(action));
    let last = |h: &&(&str, &str)| matches!(h.1, "help" | "quit" | "close");
    let tail: Vec<_> = hints.iter().filter(last).collect();
    let tail_width: usize = tail
        .iter()
        .map(|(k, h)| k.chars().count() + h.chars().count() + 3)
        .sum();
    let mut out = Vec::new();
    let mut width = 0;
    for (keys, hint) in hints.iter().filter(|h| !last(h)) {
        let w = keys.chars().count() + hint.chars().count() + 3;
        if width + w + tail_width > room {
            break;
        }
        width += w;
        out.push(Span::styled(*keys, theme.key()));
        out.push(Span::raw(format!(" {hint}  ")));
    }
    for (keys, hint) in tail {
        out.push(Span::styled(*keys, theme.key()));
        out.push(Span::raw(format!(" {hint}  ")));
    }
    out
}

pub fn tabs(app: &App) -> Paragraph<'static> {
    let theme = app.theme;
    let mut spans = Vec::new();
    for pane in Pane::ALL {
        let name = format!(" {} ", pane.name());
        spans.push(if pane == app.focus {
            Span::styled(format!("[{}]", name.trim()), theme.selected())
        } else {
            Span::raw(name)
        });
    }
    // The hint only where it fits whole.
    let hint = "  Tab: next pane";
    if used(&spans) + hint.len() <= usize::from(app.size.width) {
        spans.push(Span::styled(hint, theme.dim()));
    }
    Paragraph::new(Line::from(spans))
}
