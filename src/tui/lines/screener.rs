//! "Is this an IET?" as lines: one question at a time, then the verdict
//! with reasons.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::wrapped;
use crate::model::screener::{Question, VerdictKind};
use crate::tui::app::App;

pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let s = &app.content.screener;
    let n = s.questions.len();
    let mut out = Vec::new();
    if let Some(q) = s.questions.get(app.question) {
        out.push(Line::styled(
            format!(
                "Question {} of {n}{}{}",
                app.question + 1,
                theme.sep(),
                q.group.label()
            ),
            theme.heading(),
        ));
        out.extend(wrapped(
            &q.prompt,
            width,
            "",
            Style::new().add_modifier(Modifier::BOLD),
        ));
        out.push(Line::raw(""));
        out.extend(wrapped(
            &format!("Why it matters: {}", q.why),
            width,
            "",
            Style::new(),
        ));
        if !q.cite.is_empty() {
            out.extend(wrapped(
                &format!("Rule: {}", q.cite.join(", ")),
                width,
                "",
                theme.dim(),
            ));
        }
        out.push(Line::raw(""));
        let answer = app.answer(&q.id).map_or("not answered yet", |a| a.label());
        out.push(Line::from(vec![
            Span::raw("Your answer: "),
            Span::styled(answer.to_string(), theme.key()),
        ]));
        // The keys, on a second line where one would cut them.
        let answers = vec![
            Span::styled("y", theme.key()),
            Span::raw(" yes   "),
            Span::styled("n", theme.key()),
            Span::raw(" no   "),
            Span::styled("s", theme.key()),
            Span::raw(" not sure"),
        ];
        let others = vec![
            Span::styled("Up/Down", theme.key()),
            Span::raw(" other questions"),
        ];
        let one_line =
            Line::from([answers.clone(), vec![Span::raw("   ")], others.clone()].concat());
        if one_line.width() <= width {
            out.push(one_line);
        } else {
            out.push(Line::from(answers));
            out.push(Line::from(others));
        }
        // The introduction follows the first question, so the question
        // itself is always on screen.
        if app.question == 0 {
            out.push(Line::raw(""));
            for p in &s.intro {
                out.extend(wrapped(p, width, "", theme.dim()));
            }
        }
        return out;
    }
    let outcome = s.evaluate(&app.assessment.screener);
    out.push(Line::styled("Two verdicts".to_string(), theme.heading()));
    for v in &outcome.verdicts {
        let style = match v.kind {
            VerdictKind::Meets => theme.key(),
            _ => theme.warning(),
        };
        out.push(Line::raw(""));
        out.extend(wrapped(
            &format!("{}: {}", v.standard.name, v.kind.label()),
            width,
            "",
            style.add_modifier(Modifier::BOLD),
        ));
        out.extend(wrapped(v.meaning, width, "  ", Style::new()));
    }
    let list = |out: &mut Vec<Line<'static>>, heading: &str, qs: &[&Question], with_fix: bool| {
        if qs.is_empty() {
            return;
        }
        out.push(Line::raw(""));
        out.extend(wrapped(heading, width, "", theme.heading()));
        for q in qs {
            out.extend(wrapped(
                &format!("{} {}", q.id, q.prompt),
                width,
                "  ",
                Style::new(),
            ));
            if with_fix {
                out.extend(wrapped(
                    &format!("What to do: {}", q.if_no),
                    width,
                    "    ",
                    theme.dim(),
                ));
            }
        }
    };
    for v in &outcome.verdicts {
        let name = &v.standard.name;
        list(&mut out, &format!("{name}, answered no:"), &v.failed, true);
        list(
            &mut out,
            &format!("{name}, still to find out:"),
            &v.open,
            false,
        );
    }
    list(
        &mut out,
        "Worth improving (not required):",
        &outcome.advice,
        true,
    );
    if !s.not_required.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled("Not required:".to_string(), theme.heading()));
        for item in &s.not_required {
            out.extend(wrapped(item, width, "  ", Style::new()));
        }
    }
    out.push(Line::raw(""));
    out.push(Line::styled(
        "Up goes back to the questions; answers are kept.",
        theme.dim(),
    ));
    out
}
