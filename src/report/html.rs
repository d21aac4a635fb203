//! One self-contained page to print: inline CSS, bars as inline SVG, no
//! scripts, nothing fetched. Written as well-formed XML so any parser reads
//! it; each category starts on a new page when printed.

use std::fmt::Write as _;

use super::{ActionRow, Row, Subject};
use crate::model::scoring::{self, Tally};

/// Text made safe inside HTML elements and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::text::clean_line_keeping_newlines(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
body { font-family: Georgia, 'Times New Roman', serif; color: #111; line-height: 1.4;
       max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #333; margin-top: 2rem; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1.05rem; margin: 1rem 0 0.3rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #999; padding: 0.2rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; }
tr, table.scores { break-inside: avoid; page-break-inside: avoid; }
.lead { color: #333; }
.indicator { break-inside: avoid; page-break-inside: avoid; border-top: 1px solid #ccc; padding-top: 0.3rem; }
.rating { font-weight: bold; }
.notes { white-space: pre-wrap; margin: 0.3rem 0 0.3rem 1rem; }
ul { margin: 0.2rem 0; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  section.category, section.plan { break-before: page; page-break-before: always; }
}
";

/// A bar for a mean on the scale, as inline SVG (prints in every browser).
fn bar(t: &Tally, top: u8) -> String {
    const WIDTH: f64 = 120.0;
    let fill = t
        .mean()
        .map_or(0.0, |m| WIDTH * m / f64::from(top.max(1)))
        .clamp(0.0, WIDTH);
    let label = match t.mean() {
        Some(m) => format!("mean {m:.2} of {top}"),
        None => "no ratings yet".to_string(),
    };
    format!(
        "<svg width=\"120\" height=\"12\" viewBox=\"0 0 120 12\" role=\"img\" aria-label=\"{label}\">\
<rect x=\"0\" y=\"0\" width=\"120\" height=\"12\" fill=\"#e3e3e3\"/>\
<rect x=\"0\" y=\"0\" width=\"{fill:.1}\" height=\"12\" fill=\"#2b5f9e\"/></svg>"
    )
}

fn counts_cells(t: &Tally, top: u8) -> String {
    format!(
        "<td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
        escape(&t.mean_text()),
        bar(t, top),
        t.rated,
        t.not_applicable,
        t.unrated,
        t.unsure
    )
}

pub fn report(s: &Subject<'_>) -> String {
    let mut out = String::new();
    let o = &mut out;
    let a = &s.assessment;
    let summary = scoring::score(s.rubric, a);
    let top = s.rubric.scale.top();
    let title = format!("IET self-assessment: {}", s.title());

    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&title)
    );
    let _ = writeln!(
        o,
        "<header>\n<h1>{}</h1>\n<p class=\"lead\">Rated against the {}. {}</p>\n</header>",
        escape(&title),
        escape(&s.rubric_line()),
        escape(&s.rubric.note)
    );

    let _ = writeln!(o, "<section>\n<h2>Program</h2>\n<table>");
    for (label, value) in s.profile_facts() {
        let _ = writeln!(o, "<tr><th>{label}</th><td>{}</td></tr>", escape(&value));
    }
    let _ = writeln!(o, "</table>\n</section>");

    let t = &summary.overall;
    let open_actions: usize = a.responses.iter().map(|r| r.open_actions()).sum();
    let _ = writeln!(o, "<section>\n<h2>Summary</h2>");
    let _ = writeln!(o, "<p>{}</p>", escape(&super::done_line(t, open_actions)));
    let _ = writeln!(
        o,
        "<table class=\"scores\">\n<tr><th>Category</th><th>Mean</th><th>Mean on the scale</th><th>Rated</th><th>N/A</th><th>Not rated</th><th>Unsure</th></tr>"
    );
    for c in &summary.categories {
        let _ = writeln!(
            o,
            "<tr><td>{} {}</td>{}</tr>",
            escape(&c.category.id),
            escape(&c.category.name),
            counts_cells(&c.tally, top)
        );
    }
    let _ = writeln!(
        o,
        "<tr><th>All categories</th>{}</tr>\n</table>",
        counts_cells(t, top)
    );
    let scale: Vec<String> = s
        .rubric
        .scale
        .levels
        .iter()
        .map(|l| format!("{} {}", l.value, escape(&l.name)))
        .collect();
    let _ = writeln!(
        o,
        "<p>Scale: {}. A mean counts rated indicators only; not applicable and not yet rated are left out, and &#8220;unsure&#8221; is a flag beside a rating, not a rating.</p>\n</section>",
        scale.join(", ")
    );

    write_screener(o, s);

    let rows = s.rows();
    let mut current: Option<&str> = None;
    for row in &rows {
        if current != Some(row.category) {
            if current.is_some() {
                let _ = writeln!(o, "</section>");
            }
            current = Some(row.category);
            let heading = if row.category_id.is_empty() {
                escape(row.category)
            } else {
                format!("{} {}", escape(row.category_id), escape(row.category))
            };
            let _ = writeln!(o, "<section class=\"category\">\n<h2>{heading}</h2>");
            if let Some(c) = summary
                .categories
                .iter()
                .find(|c| !row.category_id.is_empty() && c.category.id == row.category_id)
            {
                let _ = writeln!(
                    o,
                    "<p>{} {}</p>",
                    escape(&c.tally.mean_sentence()),
                    bar(&c.tally, top)
                );
            }
        }
        write_indicator(o, s, row);
    }
    if current.is_some() {
        let _ = writeln!(o, "</section>");
    }

    write_action_plan(o, &s.actions());
    let _ = writeln!(o, "</body>\n</html>");
    out
}

fn write_screener(o: &mut String, s: &Subject<'_>) {
    let outcome = s.verdict();
    let _ = writeln!(o, "<section>\n<h2>Is this an IET?</h2>");
    let _ = writeln!(
        o,
        "<table>\n<tr><th>Standard</th><th>Result</th><th>What it means</th></tr>"
    );
    for v in &outcome.verdicts {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td><strong>{}</strong></td><td>{}</td></tr>",
            escape(&v.standard.name),
            v.kind.label(),
            escape(v.meaning)
        );
    }
    let _ = writeln!(
        o,
        "</table>\n<p>{} of {} answered.</p>",
        s.screener_answered(),
        crate::text::count(s.screener.questions.len(), "question", "questions")
    );
    for (heading, questions) in s.screener_groups() {
        let _ = writeln!(o, "<h3>{}</h3>\n<ul>", escape(&heading));
        for (q, why) in questions {
            let why = if why.is_empty() {
                String::new()
            } else {
                format!(" {}", escape(why))
            };
            let _ = writeln!(o, "<li>{}: {}{why}</li>", escape(&q.id), escape(&q.prompt));
        }
        let _ = writeln!(o, "</ul>");
    }
    let _ = writeln!(o, "</section>");
}

fn write_indicator(o: &mut String, s: &Subject<'_>, row: &Row<'_>) {
    let _ = writeln!(
        o,
        "<div class=\"indicator\">\n<h3>{} {}</h3>",
        escape(row.id),
        escape(row.title)
    );
    let rating = row.rating_text(s.rubric);
    let unsure = if row.unsure() {
        " (marked unsure: review later)"
    } else {
        ""
    };
    let _ = writeln!(
        o,
        "<p><span class=\"rating\">Rating: {}</span>{unsure}</p>",
        escape(&rating)
    );
    if let Some(meaning) = row.level_meaning() {
        let _ = writeln!(o, "<p>At this level: {}</p>", escape(meaning));
    }
    if let Some(reason) = row.not_applicable_reason() {
        let _ = writeln!(o, "<p>Why not applicable: {}</p>", escape(reason));
    }
    if let Some(r) = row.response {
        if !row.notes().is_empty() {
            let _ = writeln!(
                o,
                "<p>Notes:</p>\n<p class=\"notes\">{}</p>",
                escape(row.notes())
            );
        }
        if !r.evidence.is_empty() {
            let _ = writeln!(o, "<p>Evidence:</p>\n<ul>");
            for e in &r.evidence {
                let _ = writeln!(o, "<li>{}</li>", super::evidence_line(e, escape));
            }
            let _ = writeln!(o, "</ul>");
        }
        if !r.actions.is_empty() {
            let _ = writeln!(o, "<p>Action items:</p>\n<ul>");
            for a in &r.actions {
                let _ = writeln!(o, "<li>{}</li>", super::action_line(a, escape));
            }
            let _ = writeln!(o, "</ul>");
        }
    }
    let _ = writeln!(o, "</div>");
}

fn write_action_plan(o: &mut String, actions: &[ActionRow<'_>]) {
    let _ = writeln!(o, "<section class=\"plan\">\n<h2>Action plan</h2>");
    if actions.is_empty() {
        let _ = writeln!(o, "<p>No action items yet.</p>\n</section>");
        return;
    }
    let _ = writeln!(
        o,
        "<p>By due date; items without a date come last.</p>\n<table>\n<tr><th>Due</th><th>Action</th><th>Indicator</th><th>Owner</th><th>Status</th></tr>"
    );
    for a in actions {
        let _ = writeln!(
            o,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            a.item.due.map_or("no date".to_string(), |d| d.to_string()),
            escape(&a.item.what),
            escape(a.indicator),
            escape(&a.item.owner),
            a.item.status.label()
        );
    }
    let _ = writeln!(o, "</table>\n</section>");
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_and_control_characters_are_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\"\u{1b}[2J"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;\u{FFFD}[2J"
        );
    }
}
