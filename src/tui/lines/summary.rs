//! The program summary as lines: progress, a bar per category, the
//! lowest-rated indicators and open action items by due date.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::is_focused;
use crate::model::assessment::Rating;
use crate::model::scoring::{self, Tally};
use crate::text;
use crate::tui::app::App;
use crate::tui::layout::Pane;

const BAR: usize = 10;

fn bar(app: &App, t: &Tally) -> (String, String) {
    let (full, empty) = app.theme.bar_cells();
    let top = f64::from(app.content.rubric.scale.top().max(1));
    let filled = t
        .mean()
        .map_or(0, |m| ((m / top) * BAR as f64).round() as usize)
        .min(BAR);
    (full.repeat(filled), empty.repeat(BAR - filled))
}

fn row(app: &App, label: &str, t: &Tally, selected: bool) -> Line<'static> {
    let (filled, empty) = bar(app, t);
    let mean = t.mean().map_or(" -- ".to_string(), |m| format!("{m:>4.1}"));
    let style = if selected {
        app.theme.selected()
    } else {
        Style::new()
    };
    Line::from(vec![
        Span::styled(format!("{label:<3}"), style),
        Span::raw(" "),
        Span::styled(filled, app.theme.bar()),
        Span::styled(empty, app.theme.dim()),
        Span::raw(format!(
            " {mean} {}/{}",
            t.rated + t.not_applicable,
            t.total
        )),
    ])
}

pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let summary = scoring::score(&app.content.rubric, &app.assessment);
    let focused = is_focused(app, Pane::Summary);
    let mut out = Vec::new();
    let t = &summary.overall;
    let sep = theme.sep();
    out.push(Line::raw(format!(
        "{} of {} done: {} rated{sep}{} N/A{sep}{} unsure",
        t.rated + t.not_applicable,
        t.total,
        t.rated,
        t.not_applicable,
        t.unsure
    )));
    for (i, c) in summary.categories.iter().enumerate() {
        out.push(row(
            app,
            &text::clean_line(&c.category.id),
            &c.tally,
            focused && app.summary_row == i,
        ));
    }
    out.push(row(
        app,
        "All",
        t,
        focused && app.summary_row == summary.categories.len(),
    ));

    // Lowest rated, then open actions, as room allows (the pane clips).
    let mut rated: Vec<(u8, &str, &str)> = summary
        .categories
        .iter()
        .flat_map(|c| c.items.iter())
        .filter_map(|i| match i.rating {
            Rating::Level(v) => Some((*v, i.indicator.id.as_str(), i.indicator.title.as_str())),
            _ => None,
        })
        .collect();
    rated.sort_by_key(|(v, _, _)| *v);
    if !rated.is_empty() {
        out.push(Line::styled("Lowest rated:", theme.heading()));
        for (v, id, title) in rated.iter().take(3) {
            out.push(Line::raw(truncate(
                app,
                &format!("[{v}] {id} {}", text::clean_line(title)),
                width,
            )));
        }
    }
    let actions: Vec<(String, String, String)> = app
        .assessment
        .actions_by_due()
        .into_iter()
        .filter(|(_, a)| a.status.is_open())
        .map(|(r, a)| {
            let due = a.due.map_or("no date".to_string(), |d| d.to_string());
            (due, r.indicator.clone(), text::clean_line(&a.what))
        })
        .collect();
    if !actions.is_empty() {
        out.push(Line::styled("Open actions by due date:", theme.heading()));
        for (due, id, what) in actions.iter().take(5) {
            out.push(Line::raw(truncate(
                app,
                &format!("{due} {id} {what}"),
                width,
            )));
        }
    }
    out
}

/// One line of a list, cut with the theme's ellipsis where it is too long.
fn truncate(app: &App, s: &str, width: usize) -> String {
    text::fit(s, width, app.theme.ellipsis())
}

/// "Summary: Welding IET 2026-27, Example CC", or a nudge to fill in the
/// profile.
pub fn title(app: &App) -> String {
    let p = &app.assessment.profile;
    // The program and cycle first: a narrow pane cuts the college.
    let program = if p.program.trim().is_empty() {
        String::new()
    } else {
        format!("{} {}", p.program.trim(), app.assessment.cycle.trim())
            .trim_end()
            .to_string()
    };
    let who = [program.as_str(), p.college.as_str()]
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| text::clean_line(s))
        .collect::<Vec<_>>()
        .join(", ");
    if who.is_empty() {
        "Summary (profile empty: press p)".into()
    } else {
        format!("Summary: {who}")
    }
}
