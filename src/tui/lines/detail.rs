//! One indicator as lines: what it asks and its levels (the reading part),
//! and the team's notes, evidence and actions (the work part).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{marked, rating_label, wrapped};
use crate::model::assessment::Rating;
use crate::text;
use crate::tui::app::{App, Part, parts};

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
    if response.is_some_and(|r| r.unsure) {
        status.push(Span::styled("  ? marked unsure", theme.warning()));
    }
    let status = Line::from(status);
    // The reason beside the rating when the line holds it whole; else on
    // lines of its own, wrapped, so none of it is cut.
    match rating {
        Rating::NotApplicable { reason } => {
            let reason = format!("({})", text::clean_line(text::aside(reason)));
            if status.width() + 1 + reason.chars().count() <= width {
                let mut status = status;
                status.spans.insert(2, Span::raw(format!(" {reason}")));
                out.push(status);
            } else {
                out.push(status);
                out.extend(wrapped(&reason, width, "  ", Style::new()));
            }
        }
        _ => out.push(status),
    }
    out.extend(wrapped(
        &format!(
            "{}{}{}",
            text::clean_line(&category.name),
            theme.sep(),
            ind.phase.label()
        ),
        width,
        "",
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
