//! The main pane when it shows text: the welcome, or a toolkit section.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::{is_focused, marked, pane_block, scrolled_text, wrapped};
use crate::text;
use crate::tui::app::{App, MainView};
use crate::tui::layout::Pane;

const WELCOME: &[&str] = &[
    "A new assessment of your IET program against the IET Quality Indicators.",
    "- Press ] to go to the first indicator to rate, or choose a category in the navigator and press Enter.",
    "- Rate with 0, 1, 2 or 3; Enter shows what each level looks like and takes notes, evidence and action items.",
    "- Press p for the program profile. Never enter learners' names.",
    "- \"Is this an IET?\" checks the program against the federal tests.",
    "- Tab moves between panes, / searches, ? shows every key, q quits.",
];

fn title(app: &App) -> String {
    match &app.main {
        MainView::Section(id) => app
            .content
            .toolkit
            .section(id)
            .map_or_else(|| "Toolkit".into(), |s| text::clean_line(&s.title)),
        _ => "Welcome to ietkit".into(),
    }
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
    if !links.is_empty() {
        out.push(Line::raw(""));
        let names: Vec<String> = links
            .iter()
            .map(|id| match app.content.rubric.indicator(id) {
                Some((_, i)) => format!("{} {}", i.id, i.title),
                None => id.clone(),
            })
            .collect();
        out.push(Line::styled(
            "Related indicators (Enter opens the first):",
            theme.heading(),
        ));
        for n in names {
            out.extend(wrapped(&n, width, "  ", Style::new()));
        }
    }
    out
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let block = pane_block(app.theme, title(app), is_focused(app, Pane::Main));
    scrolled_text(frame, area, block, app.theme, app.reader_scroll, |w| {
        lines(app, w)
    });
}
