//! The welcome and toolkit sections as lines.

use ratatui::style::Style;
use ratatui::text::Line;

use super::{marked, wrapped};
use crate::text;
use crate::tui::app::{App, MainView};

const WELCOME: &[&str] = &[
    "A new assessment of your IET program against the IET Quality Indicators. It is saved as soon as you change something; o opens the library of saved assessments.",
    "- Press ] to go to the first indicator to rate, or choose a category in the navigator and press Enter.",
    "- Rate with 0, 1, 2 or 3; Enter shows what each level looks like and takes notes, evidence and action items.",
    "- Press p for the program profile. Never enter learners' names.",
    "- \"Is this an IET?\" checks the program against the federal tests.",
    "- Tab moves between panes, / searches, ? shows every key, q quits.",
];

pub fn title(app: &App) -> String {
    match &app.main {
        MainView::Section(id) => app
            .content
            .toolkit
            .section(id)
            .map_or_else(|| "Toolkit".into(), |s| text::clean_line(&s.title)),
        _ if has_file(app) => "Welcome back".into(),
        _ => "Welcome to ietkit".into(),
    }
}

/// Whether the open assessment came from a file (rather than being new,
/// whether or not it is saved yet).
fn has_file(app: &App) -> bool {
    app.opened
}

/// The opening text for an assessment that was saved before.
fn welcome_back(app: &App) -> Vec<String> {
    let a = &app.assessment;
    let rated = a.done(app.content.rubric.indicators().map(|(_, i)| i));
    let who = [
        a.profile.program.as_str(),
        a.profile.college.as_str(),
        a.cycle.as_str(),
    ]
    .iter()
    .filter(|s| !s.trim().is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(", ");
    let who = if who.is_empty() {
        "This assessment".to_string()
    } else {
        who
    };
    vec![
        format!(
            "{who}: {rated} of {} indicators done (rated or N/A). Last changed {}.",
            app.content.rubric.indicator_count(),
            a.updated.date()
        ),
        "- Press ] to go on with the next indicator to rate.".into(),
        "- o opens the library: other assessments, a new one, the next cycle. x exports a report to edit, print or open in a spreadsheet.".into(),
        "- Tab moves between panes, / searches, ? shows every key, q quits. Every change is saved as you go.".into(),
    ]
}

/// The text's lines at `width`: update uses the count to limit scrolling.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let (paragraphs, links): (Vec<String>, Vec<String>) = match &app.main {
        MainView::Section(id) => match app.content.toolkit.section(id) {
            Some(s) => {
                let mut body = s.body.clone();
                if !s.sections.is_empty() {
                    body.push(format!(
                        "In this part: {}.",
                        s.sections
                            .iter()
                            .map(|c| c.title.as_str())
                            .collect::<Vec<_>>()
                            .join("; ")
                    ));
                }
                (body, s.links.clone())
            }
            None => (vec![], vec![]),
        },
        _ if has_file(app) => (welcome_back(app), vec![]),
        _ => (WELCOME.iter().map(|s| s.to_string()).collect(), vec![]),
    };
    let mut out = Vec::new();
    for p in &paragraphs {
        if let Some(item) = p.strip_prefix("- ") {
            out.extend(marked(item, width, theme.bullet(), Style::new()));
        } else {
            if !out.is_empty() {
                out.push(Line::raw(""));
            }
            out.extend(wrapped(p, width, "", Style::new()));
        }
    }
    // Where to find what the section names: each resource with its
    // publisher, its use and its address, as text to open elsewhere.
    let resources = match &app.main {
        MainView::Section(id) => app
            .content
            .toolkit
            .section(id)
            .map_or(&[][..], |s| s.resources.as_slice()),
        _ => &[][..],
    };
    if !resources.is_empty() {
        out.push(Line::raw(""));
        out.extend(wrapped(
            "Where to find it (ietkit fetches nothing: open these on any device):",
            width,
            "",
            theme.heading(),
        ));
        for r in resources {
            out.extend(marked(
                &format!("{} ({}): {}", r.name, r.publisher, r.purpose),
                width,
                theme.bullet(),
                Style::new(),
            ));
            out.extend(wrapped(&r.address, width, "  ", theme.key()));
        }
    }
    if !links.is_empty() {
        out.push(Line::raw(""));
        let names: Vec<String> = links
            .iter()
            .map(|id| match app.content.rubric.indicator(id) {
                Some((_, i)) => format!("{} {}", i.id, i.title),
                None => id.clone(),
            })
            .collect();
        out.extend(wrapped(
            "Related indicators (Enter opens the first):",
            width,
            "",
            theme.heading(),
        ));
        for n in names {
            out.extend(wrapped(&n, width, "  ", Style::new()));
        }
    }
    out
}
