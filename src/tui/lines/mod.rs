//! The lines of text the views show, built once for both sides: `ui`
//! draws them, and `update` counts them to know how far a view scrolls.
//! Nothing here draws.

pub mod detail;
pub mod help;
pub mod reader;
pub mod rollup;
pub mod screener;
pub mod summary;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::model::assessment::Rating;
use crate::tui::app::App;
use crate::tui::layout::Pane;

/// Whether `pane` has the keys: focused, with nothing open over it.
pub fn is_focused(app: &App, pane: Pane) -> bool {
    app.focus == pane && app.overlays.is_empty()
}

/// Word-wrapped lines of `text` in `style`, each at most `width` wide,
/// with `indent` before every line.
pub fn wrapped(text: &str, width: usize, indent: &str, style: Style) -> Vec<Line<'static>> {
    let room = width.saturating_sub(indent.chars().count()).max(1);
    crate::text::wrap_hard(&crate::text::clean_line(text), room)
        .into_iter()
        .map(|l| Line::from(vec![Span::raw(indent.to_string()), Span::styled(l, style)]))
        .collect()
}

/// Like [`wrapped`], with `marker` (a bullet or a cursor) on the first line
/// only and blank space of the same width on the rest.
pub fn marked(text: &str, width: usize, marker: &str, style: Style) -> Vec<Line<'static>> {
    let indent = " ".repeat(marker.chars().count());
    let mut lines = wrapped(text, width, &indent, style);
    if let Some(first) = lines.first_mut() {
        first.spans[0] = Span::raw(marker.to_string());
    }
    lines
}

/// "2 Developing", "- not rated" or "N/A": never colour alone.
pub fn rating_label(app: &App, rating: &Rating) -> String {
    match rating {
        Rating::Level(v) => app.content.rubric.scale.label(*v),
        Rating::Unrated => "- not rated".into(),
        Rating::NotApplicable { .. } => app.content.rubric.scale.not_applicable.name.clone(),
    }
}
