//! Assessments side by side: a row per indicator grouped by category, a
//! column per assessment, the change from first to last, category means,
//! the selected indicator's notes from each, and agreement figures.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{overlay_area, wrapped};
use crate::model::assessment::Rating;
use crate::model::comparison::Change;
use crate::report::compare::{change_mark, cut, last_mark};
use crate::text;
use crate::tui::app::App;
use crate::tui::compare::{CompareView, TrendRow};
use crate::tui::layout;

const CELL: usize = 8;
const ID: usize = 6;
const CHANGE: usize = 4;
const MIN_TITLE: usize = 14;

/// How many assessment columns fit in `width`.
pub fn columns_that_fit(width: usize, total: usize) -> usize {
    ((width.saturating_sub(ID + 1 + MIN_TITLE + CHANGE)) / CELL).clamp(1, total.max(1))
}

pub fn render(app: &App, view: &CompareView, frame: &mut Frame) {
    let theme = app.theme;
    let area = overlay_area(frame, layout::overlay(frame.area()));
    let c = &view.comparison;
    let title = if view.consensus.is_some() {
        "Consensus: 0-3 or n agrees the selected indicator".to_string()
    } else if view.trend {
        "Trend across cycles: t goes back to the indicators".to_string()
    } else {
        format!("Side by side: {}", view.filter.label())
    };
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border_set())
        .title(Line::styled(
            format!(" {} ", super::fit_title(theme, &title, area.width, 2)),
            theme.focused_title(),
        ));
    let Some(parts) = layout::compare(frame.area(), view.trend) else {
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(Paragraph::new("Enlarge the terminal to compare."), inner);
        return;
    };
    let width = usize::from(parts.body.width);
    let footer = if view.trend {
        let rows = view.trend_rows();
        let height = usize::from(parts.body.height);
        let scroll = usize::from(view.trend_scroll).min(rows.len().saturating_sub(height));
        block = super::beyond(
            block,
            theme,
            (scroll > 0).then_some("PgUp: more above"),
            (scroll + height < rows.len()).then_some("PgDn: more below"),
        );
        trend(app, &rows[scroll..], frame, parts.body);
        if rows.len() > height {
            format!(
                "Lines {} to {} of {}",
                scroll + 1,
                (scroll + height).min(rows.len()),
                rows.len()
            )
        } else {
            String::new()
        }
    } else {
        let (above, below) = table(app, view, frame, parts.body, width);
        block = super::beyond(
            block,
            theme,
            above.then_some("k: more above"),
            below.then_some("j: more below"),
        );
        details(app, view, frame, parts.detail);
        let a = c.agreement();
        let mut footer = format!(
            "{} of {} {}; of {} rated in 2+ columns, {} {}, {} {} 2+ levels apart",
            c.differing(),
            c.rows.len(),
            text::pick(c.differing(), "differs", "differ"),
            a.compared,
            a.exact,
            text::pick(a.exact, "agrees", "agree"),
            a.far_apart,
            text::pick(a.far_apart, "is", "are")
        );
        // Where the whole line does not fit, its first clause, whole.
        if footer.chars().count() > width {
            footer = format!(
                "{} of {} {}",
                c.differing(),
                c.rows.len(),
                text::pick(c.differing(), "differs", "differ")
            );
        }
        if let Some(cons) = &view.consensus {
            footer = format!(
                "{} still to agree; {} agreed. {footer}",
                cons.pending.len(),
                cons.decisions.len()
            );
        }
        footer
    };
    frame.render_widget(block, area);
    frame.render_widget(
        Paragraph::new(Span::styled(footer, theme.dim())),
        parts.footer,
    );
}

/// Draws the table; says whether rows lie above and below what shows.
fn table(
    app: &App,
    view: &CompareView,
    frame: &mut Frame,
    area: Rect,
    width: usize,
) -> (bool, bool) {
    let theme = app.theme;
    let c = &view.comparison;
    let total = c.labels.len();
    let shown = columns_that_fit(width, total);
    let first = view.first_column.min(total.saturating_sub(shown));
    let cols = first..(first + shown).min(total);
    let title_width = width.saturating_sub(ID + 1 + shown * CELL + CHANGE).max(4);

    // Left of the columns: the way to those left of them, or what the
    // marks mean, as much of it as fits whole.
    let more_right = cols.end < total;
    let corner = if first > 0 && more_right {
        "< more left, more right >"
    } else if first > 0 {
        "< more left"
    } else if more_right {
        "more right >"
    } else {
        [
            ". not rated  ? unsure  - not in it",
            ". not rated  ? unsure",
            ". not rated",
        ]
        .into_iter()
        .find(|l| l.chars().count() <= title_width)
        .unwrap_or("")
    };
    let mut header = format!("{:<ID$} {}", "", cut(corner, title_width));
    for l in &c.labels[cols.clone()] {
        header.push_str(&format!("{:>CELL$}", cut(l, CELL - 1).trim_end()));
    }
    // Partners' views of one cycle differ by a gap; cycles change.
    let partners = view.is_partners();
    header.push_str(&format!(
        "{:>CHANGE$}",
        if partners { "gap" } else { "chg" }
    ));
    // The column headings stay put while the rows scroll under them.
    let mut head = vec![Line::styled(header, theme.heading())];
    // Partners' views: who rated each, under whom they speak for.
    if c.raters[cols.clone()].iter().any(|r| !r.is_empty()) {
        let mut who = format!("{:<ID$} {}", "", cut("", title_width));
        for r in &c.raters[cols.clone()] {
            who.push_str(&format!("{:>CELL$}", cut(r, CELL - 1).trim_end()));
        }
        head.push(Line::styled(who.trim_end().to_string(), theme.dim()));
    }
    let mut lines: Vec<Line> = Vec::new();

    let rows = view.visible();
    let mut selected_line = 0;
    let mut last_group = usize::MAX;
    for (i, r) in rows.iter().enumerate() {
        if r.group != last_group {
            last_group = r.group;
            let g = &c.groups[r.group];
            let mut line = format!("{:<ID$} {}", "", cut(&g.name, title_width));
            for m in &g.means[cols.clone()] {
                line.push_str(&format!(
                    "{:>CELL$}",
                    m.map_or("--".into(), |m| format!("{m:.1}"))
                ));
            }
            lines.push(Line::styled(line, theme.heading()));
        }
        if i == view.selected {
            selected_line = lines.len();
        }
        let pending = view
            .consensus
            .as_ref()
            .is_some_and(|cons| cons.pending.contains(&r.id));
        let agreed = view
            .consensus
            .as_ref()
            .and_then(|cons| cons.decisions.get(&r.id))
            .map(|d| match &d.rating {
                Rating::Level(v) => format!(" ={v}"),
                _ => " =n/a".into(),
            });
        let marker = if pending { "*" } else { " " };
        let mut spans = vec![Span::raw(format!(
            "{:<ID$}{marker}{}",
            cut(&r.id, ID).trim_end(),
            cut(&r.title, title_width)
        ))];
        for cell in &r.cells[cols.clone()] {
            let style = match cell.level() {
                Some(v) => theme.level(v),
                None => theme.dim(),
            };
            spans.push(Span::styled(format!("{:>CELL$}", cell.mark()), style));
        }
        let change = agreed.unwrap_or_else(|| last_mark(c, r, theme.ascii));
        let style = if !partners && matches!(r.change(), Change::Down(_)) {
            theme.warning()
        } else {
            Style::new()
        };
        spans.push(Span::styled(format!("{change:>CHANGE$}"), style));
        let mut line = Line::from(spans);
        if i == view.selected {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    if rows.is_empty() {
        lines.push(Line::styled(
            "No indicator matches this filter; press its key again for all.",
            theme.dim(),
        ));
    }
    let head_rows = (head.len() as u16).min(area.height);
    let [head_area, body] =
        Layout::vertical([Constraint::Length(head_rows), Constraint::Min(0)]).areas(area);
    frame.render_widget(Paragraph::new(head), head_area);
    let height = usize::from(body.height);
    let offset = (selected_line + 1).saturating_sub(height);
    let below = lines.len() > offset + height;
    frame.render_widget(Paragraph::new(lines).scroll((offset as u16, 0)), body);
    (offset > 0, below)
}

/// The selected indicator as each assessment has it, side by side.
fn details(app: &App, view: &CompareView, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let Some(row) = view.selected_row() else {
        return;
    };
    let total = view.assessments.len();
    let shown = columns_that_fit(usize::from(area.width), total).min(total);
    let first = view.first_column.min(total.saturating_sub(shown));
    let parts = Layout::horizontal(vec![Constraint::Ratio(1, shown as u32); shown]).split(area);
    for (slot, i) in (first..first + shown).enumerate() {
        let a = &view.assessments[i];
        // Three spaces between columns, so that notes side by side do not
        // read as one sentence.
        let w = usize::from(parts[slot].width.saturating_sub(3)).max(1);
        let label = match view.comparison.raters[i].as_str() {
            "" => view.comparison.labels[i].clone(),
            rater => format!("{}: {rater}", view.comparison.labels[i]),
        };
        let mut lines = vec![Line::styled(
            format!(
                "{} {}",
                cut(&label, w.saturating_sub(4)).trim_end(),
                row.cells[i].mark()
            ),
            theme.heading(),
        )];
        if let Some(r) = a.response(&row.id) {
            if let Rating::NotApplicable { reason } = &r.rating {
                lines.extend(wrapped(
                    &format!("N/A: {}", text::aside(reason)),
                    w,
                    "",
                    theme.dim(),
                ));
            }
            if !r.notes.trim().is_empty() {
                lines.extend(wrapped(&r.notes, w, "", Style::new()));
            }
            if !r.evidence.is_empty() {
                lines.push(Line::styled(
                    text::count(r.evidence.len(), "evidence item", "evidence items"),
                    theme.dim(),
                ));
            }
            let open = r.open_actions();
            if open > 0 {
                lines.push(Line::styled(
                    text::count(open, "open action", "open actions"),
                    theme.dim(),
                ));
            }
        }
        frame.render_widget(Paragraph::new(lines), parts[slot]);
    }
}

/// Category means per cycle as small bars, and what moved most: `rows`
/// from the first one shown.
fn trend(app: &App, rows: &[TrendRow], frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let (full, empty) = theme.bar_cells();
    let lines: Vec<Line> = rows
        .iter()
        .take(usize::from(area.height))
        .map(|row| match row {
            TrendRow::Heading(text) => Line::styled(text.clone(), theme.heading()),
            TrendRow::Category(name) => Line::raw(name.clone()),
            TrendRow::Mean { cycle, mean } => {
                let filled = mean
                    .map_or(0, |m| (m / 3.0 * 10.0).round() as usize)
                    .min(10);
                Line::from(vec![
                    Span::raw(format!("  {:<10}", cut(cycle, 10))),
                    Span::styled(full.repeat(filled), theme.heading()),
                    Span::styled(empty.repeat(10 - filled), theme.dim()),
                    Span::raw(format!(
                        " {}",
                        mean.map_or("--".into(), |m| format!("{m:.1}"))
                    )),
                ])
            }
            TrendRow::Moved { by, id, title } => {
                let by = *by;
                let change = change_mark(
                    if by > 0 {
                        Change::Up(by as u8)
                    } else {
                        Change::Down((-by) as u8)
                    },
                    theme.ascii,
                );
                Line::raw(format!("  {change:>3} {id} {title}"))
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
