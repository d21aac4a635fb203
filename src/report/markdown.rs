//! The editable report: Markdown that reads well as plain text and converts
//! cleanly with common tools (pandoc, a wiki, a word processor's import).

use std::fmt::Write as _;

use super::{ActionRow, Row, Subject, md_cell};
use crate::model::scoring::{self, Tally};
use crate::model::screener::Question;

/// Text with Markdown's inline syntax made literal: emphasis, code, links,
/// raw HTML, tables and strikethrough. (`>` matters only at a line start.)
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let entity = c == '&'
            && chars
                .peek()
                .is_some_and(|n| n.is_alphanumeric() || *n == '#');
        if entity || matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One line of free text as a paragraph line: also makes headings, lists,
/// quotes, rules and code indentation at the start literal.
pub fn escape_line(line: &str) -> String {
    let line = escape(line.trim());
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let starts_block = line.starts_with(['#', '-', '+', '=', '>']);
    if starts_block {
        format!("\\{line}")
    } else if digits > 0 && line[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &line[..digits], &line[digits..])
    } else {
        line
    }
}

/// Free text of several lines as Markdown paragraphs, line breaks kept
/// (a backslash at the end of a line is a hard line break).
fn paragraphs(text: &str) -> String {
    let lines: Vec<String> = text.trim().split('\n').map(escape_line).collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        let next_has_text = lines.get(i + 1).is_some_and(|n| !n.is_empty());
        if !line.is_empty() && next_has_text {
            out.push('\\');
        }
        if i + 1 < lines.len() {
            out.push('\n');
        }
    }
    out
}

fn counts_cells(t: &Tally) -> String {
    format!(
        "{} | {} | {} | {} | {}",
        t.mean_text(),
        t.rated,
        t.not_applicable,
        t.unrated,
        t.unsure
    )
}

fn question_line(q: &Question, why: &str) -> String {
    format!(
        "- {}: {}{}",
        md_cell(&q.id),
        md_cell(&q.prompt),
        if why.is_empty() {
            String::new()
        } else {
            format!(" {}", md_cell(why))
        }
    )
}

pub fn report(s: &Subject<'_>) -> String {
    let mut out = String::new();
    let o = &mut out;
    let a = &s.assessment;
    let summary = scoring::score(s.rubric, a);

    let _ = writeln!(o, "# IET self-assessment: {}\n", md_cell(&s.title()));
    let _ = writeln!(
        o,
        "Rated against the {}. {}\n",
        md_cell(&s.rubric_line()),
        md_cell(&s.rubric.note)
    );

    let _ = writeln!(o, "## Program\n");
    let _ = writeln!(o, "| About the program | |\n| --- | --- |");
    for (label, value) in s.profile_facts() {
        let _ = writeln!(o, "| {label} | {} |", md_cell(&value));
    }

    let t = &summary.overall;
    let open_actions: usize = a.responses.iter().map(|r| r.open_actions()).sum();
    let _ = writeln!(o, "\n## Summary\n");
    let _ = writeln!(o, "{}\n", md_cell(&super::done_line(t, open_actions)));
    let _ = writeln!(
        o,
        "| Category | Mean | Rated | N/A | Not rated | Unsure |\n| --- | --- | --- | --- | --- | --- |"
    );
    for c in &summary.categories {
        let _ = writeln!(
            o,
            "| {} {} | {} |",
            md_cell(&c.category.id),
            md_cell(&c.category.name),
            counts_cells(&c.tally)
        );
    }
    let _ = writeln!(o, "| **All categories** | {} |\n", counts_cells(t));
    let scale: Vec<String> = s
        .rubric
        .scale
        .levels
        .iter()
        .map(|l| format!("{} {}", l.value, md_cell(&l.name)))
        .collect();
    let _ = writeln!(
        o,
        "Scale: {}. A mean counts rated indicators only; indicators marked not applicable or not rated yet are left out, and \"unsure\" is a flag beside a rating, not a rating.",
        scale.join(", ")
    );

    write_screener(o, s);

    let _ = writeln!(o, "\n## Ratings by category");
    let rows = s.rows();
    let mut current = "";
    for row in &rows {
        if row.category != current {
            current = row.category;
            let heading = if row.category_id.is_empty() {
                md_cell(row.category)
            } else {
                format!("{} {}", md_cell(row.category_id), md_cell(row.category))
            };
            let _ = writeln!(o, "\n### {heading}");
            if let Some(c) = summary
                .categories
                .iter()
                .find(|c| c.category.id == row.category_id && !row.category_id.is_empty())
            {
                let _ = writeln!(o, "\n{}", escape(&c.tally.mean_sentence()));
            }
        }
        write_indicator(o, s, row);
    }

    write_action_plan(o, &s.actions());
    out
}

fn write_screener(o: &mut String, s: &Subject<'_>) {
    let outcome = s.verdict();
    let _ = writeln!(o, "\n## Is this an IET?\n");
    let _ = writeln!(
        o,
        "| Standard | Result | What it means |\n| --- | --- | --- |"
    );
    for v in &outcome.verdicts {
        let _ = writeln!(
            o,
            "| {} | {} | {} |",
            md_cell(&v.standard.name),
            v.kind.label(),
            md_cell(v.meaning)
        );
    }
    let _ = writeln!(
        o,
        "\n{} of {} answered.",
        s.screener_answered(),
        crate::text::count(s.screener.questions.len(), "question", "questions")
    );
    for (heading, questions) in s.screener_groups() {
        let _ = writeln!(o, "\n{heading}:\n");
        for (q, why) in questions {
            let _ = writeln!(o, "{}", question_line(q, why));
        }
    }
}

fn write_indicator(o: &mut String, s: &Subject<'_>, row: &Row<'_>) {
    let title = if row.title.is_empty() {
        String::new()
    } else {
        format!(" {}", md_cell(row.title))
    };
    let _ = writeln!(o, "\n#### {}{title}\n", md_cell(row.id));
    let rating = row.rating_text(s.rubric);
    let unsure = if row.unsure() {
        " (marked unsure: review later)"
    } else {
        ""
    };
    let _ = writeln!(o, "- Rating: {}{unsure}", md_cell(&rating));
    if let Some(meaning) = row.level_meaning() {
        let _ = writeln!(o, "- At this level: {}", md_cell(meaning));
    }
    if let Some(reason) = row.not_applicable_reason() {
        let _ = writeln!(o, "- Why not applicable: {}", md_cell(reason));
    }
    let Some(r) = row.response else {
        return;
    };
    if !row.notes().is_empty() {
        let _ = writeln!(o, "\nNotes:\n\n{}", paragraphs(row.notes()));
    }
    if !r.evidence.is_empty() {
        let _ = writeln!(o, "\nEvidence:\n");
        for e in &r.evidence {
            let _ = writeln!(o, "- {}", super::evidence_line(e, md_cell));
        }
    }
    if !r.actions.is_empty() {
        let _ = writeln!(o, "\nAction items:\n");
        for act in &r.actions {
            let _ = writeln!(o, "- {}", super::action_line(act, md_cell));
        }
    }
}

fn write_action_plan(o: &mut String, actions: &[ActionRow<'_>]) {
    let _ = writeln!(o, "\n## Action plan\n");
    if actions.is_empty() {
        let _ = writeln!(o, "No action items yet.");
        return;
    }
    let _ = writeln!(
        o,
        "By due date; items without a date come last.\n\n| Due | Action | Indicator | Owner | Status |\n| --- | --- | --- | --- | --- |"
    );
    for a in actions {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} |",
            a.item.due.map_or("no date".to_string(), |d| d.to_string()),
            md_cell(&a.item.what),
            md_cell(a.indicator),
            md_cell(&a.item.owner),
            a.item.status.label()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_syntax_in_text_stays_literal() {
        assert_eq!(
            escape("a *b* [c](d) <e> | f_g"),
            r"a \*b\* \[c\](d) \<e> \| f\_g"
        );
        assert_eq!(escape_line("> not a quote"), r"\> not a quote");
        assert_eq!(escape("Career & Technical"), "Career & Technical");
        assert_eq!(escape("&amp;"), r"\&amp;");
        assert_eq!(escape_line("# not a heading"), r"\# not a heading");
        assert_eq!(escape_line("- not a list"), r"\- not a list");
        assert_eq!(escape_line("1. not a list"), r"1\. not a list");
        assert_eq!(escape_line("    not code"), "not code");
        assert_eq!(escape_line("2026-27 cycle"), "2026-27 cycle");
        // A line that starts with a full stop or bracket is no list.
        assert_eq!(escape_line(".5 hours a week"), ".5 hours a week");
        assert_eq!(escape_line(") aside"), ") aside");
    }

    #[test]
    fn paragraphs_keep_line_breaks() {
        assert_eq!(paragraphs("one\ntwo\n\nthree"), "one\\\ntwo\n\nthree");
    }
}
