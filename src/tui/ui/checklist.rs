//! The checklist: one row per indicator of a category, with its rating in
//! digit and word and its flags.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::{is_focused, pane_block};
use crate::model::assessment::{Rating, Response};
use crate::text;
use crate::tui::app::App;
use crate::tui::layout::Pane;
pub use crate::tui::lines::rating_label;
use crate::tui::theme::Theme;

/// Marks after the title, apart by spaces: `?` unsure, notes, evidence
/// and `!2` for two open action items (see [`Theme::marks_legend`]).
pub fn flags(response: Option<&Response>, theme: Theme) -> String {
    let Some(r) = response else {
        return String::new();
    };
    let mut f: Vec<String> = Vec::new();
    if r.unsure {
        f.push("?".into());
    }
    if !r.notes.trim().is_empty() {
        f.push(theme.notes_mark().into());
    }
    if !r.evidence.is_empty() {
        f.push(theme.evidence_mark().into());
    }
    let open = r.open_actions();
    if open > 0 {
        f.push(format!("!{open}"));
    }
    f.join(" ")
}

fn flags_width(
    responses: &std::collections::HashMap<&str, &Response>,
    id: &str,
    theme: Theme,
) -> usize {
    flags(responses.get(id).copied(), theme).chars().count()
}

pub fn render(app: &App, category: usize, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let Some(cat) = app.content.rubric.categories.get(category) else {
        return;
    };
    let responses = app.assessment.by_indicator();
    let rated = app.assessment.done(&cat.indicators);
    // The navigator, when shown, already counts what is done.
    let title = if app.areas().navigator.is_some() {
        text::clean_line(&cat.name)
    } else {
        format!(
            "{}: {rated} of {} done",
            text::clean_line(&cat.name),
            cat.indicators.len()
        )
    };
    let block = pane_block(theme, title, is_focused(app, Pane::Main), area.width);
    let inner = block.inner(area);
    let width = usize::from(inner.width);
    let label_width = 14;
    // The selected indicator's title, whole, under the list when the list
    // has to cut it (and there is room to spare for it).
    let whole = cat.indicators.get(app.checklist).and_then(|i| {
        let fixed =
            i.id.chars().count() + 1 + label_width + 1 + flags_width(&responses, &i.id, theme) + 1;
        let title = text::clean_line(&i.title);
        (title.chars().count() > width.saturating_sub(fixed)).then(|| {
            super::wrapped(
                &format!("{} {title}", text::clean_line(&i.id)),
                width.max(1),
                "  ",
                theme.heading(),
            )
        })
    });
    let spare = inner.height.saturating_sub(cat.indicators.len() as u16 + 1);
    let whole = whole.filter(|w| w.len() as u16 <= spare);
    let whole_rows = whole.as_ref().map_or(0, |w| w.len() as u16);
    let [list_area, whole_area, legend_area] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(whole_rows),
        Constraint::Length(1),
    ])
    .areas(inner);
    if let Some(lines) = whole {
        frame.render_widget(Paragraph::new(lines), whole_area);
    }
    let rows: Vec<ListItem> = cat
        .indicators
        .iter()
        .enumerate()
        .map(|(row, i)| {
            let response = responses.get(i.id.as_str()).copied();
            let rating = response.map_or(&Rating::Unrated, |r| &r.rating);
            let label = rating_label(app, rating);
            let style = match rating {
                Rating::Level(v) => theme.level(*v),
                _ => theme.dim(),
            };
            let flags = flags(response, theme);
            let id = text::clean_line(&i.id);
            let fixed = id.chars().count() + 1 + label_width + 1 + flags.chars().count() + 1;
            let room = width.saturating_sub(fixed);
            let title = text::fit(&text::clean_line(&i.title), room, theme.ellipsis());
            // Only the id and rating are highlighted: moving the selection
            // then resends a few cells, not two whole rows.
            let (id_style, style) = if row == app.checklist {
                (theme.selected(), style.patch(theme.selected()))
            } else {
                (Style::new(), style)
            };
            ListItem::new(Line::from(vec![
                Span::styled(format!("{id} "), id_style),
                Span::styled(format!("{label:<label_width$}"), style),
                Span::raw(" "),
                Span::raw(format!("{title:<room$} ")),
                Span::styled(flags, theme.warning()),
            ]))
        })
        .collect();
    // Where the list does not fit, the border says which way more lies
    // (the list scrolls just enough to show the selected row).
    let height = usize::from(list_area.height);
    let offset = (app.checklist + 1).saturating_sub(height);
    let block = super::beyond(
        block,
        theme,
        (offset > 0).then_some("k: more above"),
        (offset + height < rows.len()).then_some("j: more below"),
    );
    frame.render_widget(block, area);
    let list = List::new(rows);
    let mut state = ListState::default().with_selected(Some(app.checklist));
    frame.render_stateful_widget(list, list_area, &mut state);
    frame.render_widget(
        Paragraph::new(Span::styled(
            theme.marks_legend_in(usize::from(legend_area.width)),
            theme.dim(),
        )),
        legend_area,
    );
}
