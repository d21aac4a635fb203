//! A roll-up across programs as text (80 columns), Markdown, CSV, HTML
//! (printable, one page per category, nothing fetched) and JSON.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::compare::cut;
use super::{csv_field, md_cell};
use crate::model::rollup::{Chosen, IndicatorRow, Order, Rollup, program_label};
use crate::text;

/// What the reports say beside the figures: the rubric and the day.
pub struct Context<'a> {
    /// "IET Quality Indicators (Oregon categories), version 2026.2".
    pub rubric: &'a str,
    /// The day the roll-up was made ("2026-11-30"), which also decides
    /// which action items are overdue.
    pub made: String,
}

/// How many weakest indicators "where to act" names.
pub const WEAKEST: usize = 5;

fn mean_text(m: Option<f64>) -> String {
    m.map_or_else(|| "--".to_string(), |m| format!("{m:.2}"))
}

/// "12 programs, latest cycles" or "12 programs, cycle 2026-27".
pub fn heading(r: &Rollup) -> String {
    let n = text::count(r.programs.len(), "program", "programs");
    match &r.cycle {
        Some(c) => format!("Roll-up of {n}, cycle {c}"),
        None => format!("Roll-up of {n}, each at its latest cycle"),
    }
}

/// The verdict counts in words: "Federal definition: 8 meet, 2 not yet,
/// 2 need information."
pub fn verdict_lines(r: &Rollup) -> Vec<String> {
    ["Federal definition", "Oregon key features"]
        .iter()
        .zip(r.verdicts)
        .map(|(name, [meets, not_yet, info])| {
            format!(
                "{name}: {meets} {}, {not_yet} not yet, {info} {}.",
                text::pick(meets, "meets", "meet"),
                text::pick(info, "needs information", "need information")
            )
        })
        .collect()
}

/// "SE-6 Fair access and results for every group: mean 0.83 over 12 programs".
pub fn weakest_line(r: &IndicatorRow) -> String {
    let given: usize = r.levels.iter().sum();
    format!(
        "{} {}: mean {} over {}",
        r.id,
        text::clean_line(&r.title),
        mean_text(r.mean),
        text::count(given, "program", "programs")
    )
}

/// "Welding IET, Lane Community College: 2 overdue (welding-iet-2026-27)".
pub fn overdue_line(p: &Chosen) -> String {
    format!(
        "{}: {} ({})",
        text::clean_line(&program_label(&p.digest)),
        text::count(
            p.digest.overdue,
            "overdue action item",
            "overdue action items"
        ),
        text::clean_line(&p.digest.name)
    )
}

/// The report as plain text, 80 columns wide.
pub fn text(r: &Rollup, cx: &Context<'_>, order: Order) -> String {
    text_at(r, cx, order, 80)
}

/// The report as plain text for `width` columns: what to act on first,
/// then the categories and indicators, then which file stands for each
/// program and what was left out (at a state's size, thousands of lines).
/// Below 60 columns the tables become lines of their own.
pub fn text_at(r: &Rollup, cx: &Context<'_>, order: Order, width: usize) -> String {
    let mut out = String::new();
    let o = &mut out;
    let room = width.saturating_sub(2).max(20);
    let wrap = |o: &mut String, s: &str, indent: &str| {
        for (i, part) in text::wrap(&text::clean_line(s), room.saturating_sub(indent.len() + 2))
            .into_iter()
            .enumerate()
        {
            let more = if i > 0 { "  " } else { "" };
            let _ = writeln!(o, "{indent}{more}{part}");
        }
    };
    let narrow = width < 60;
    wrap(o, &format!("{}.", heading(r)), "");
    wrap(o, &format!("Rubric: {}. Made {}.", cx.rubric, cx.made), "");
    wrap(o, &files_line(r), "");

    let _ = writeln!(o, "\nWhere to act:");
    let weakest = r.weakest(WEAKEST);
    if weakest.is_empty() {
        let _ = writeln!(o, "  Nothing is rated yet.");
    } else {
        let _ = writeln!(
            o,
            "  Weakest across programs (for professional development):"
        );
        for w in weakest {
            wrap(o, &weakest_line(w), "    ");
        }
    }
    let overdue = r.overdue();
    if overdue.is_empty() {
        let _ = writeln!(o, "  No program has an overdue action item.");
    } else {
        let _ = writeln!(
            o,
            "  Programs with overdue action items ({}):",
            overdue.len()
        );
        for p in overdue.iter().take(Rollup::OVERDUE_SHOWN) {
            wrap(o, &overdue_line(p), "    ");
        }
        if let Some(more) = more_overdue(overdue.len()) {
            wrap(o, &more, "    ");
        }
    }
    let _ = writeln!(o, "  Is this an IET?");
    for v in verdict_lines(r) {
        wrap(o, &v, "    ");
    }

    // Categories: the mean across programs and how the programs' own
    // means fall.
    let bands = r.band_labels();
    let _ = writeln!(o);
    wrap(
        o,
        "By category: the mean across programs, and programs by their own mean",
        "",
    );
    if narrow {
        for c in &r.categories {
            wrap(
                o,
                &format!("{} {}: mean {}", c.id, c.name, mean_text(c.mean)),
                "",
            );
            let counts: Vec<String> = bands
                .iter()
                .zip(&c.bands)
                .map(|(b, n)| format!("{b}: {n}"))
                .chain(std::iter::once(format!("none: {}", c.no_mean)))
                .collect();
            wrap(o, &counts.join(", "), "  ");
        }
    } else {
        // The figures take 6 columns, 8 a band and 7 for "none".
        let cat_name = width.saturating_sub(6 + 8 * bands.len() + 7).clamp(12, 60);
        let mut head = format!("{}{:>6}", cut("", cat_name), "Mean");
        for b in &bands {
            let _ = write!(head, "{:>8}", b);
        }
        let _ = write!(head, "{:>7}", "none");
        let _ = writeln!(o, "{}", head.trim_end());
        for c in &r.categories {
            let mut line = format!(
                "{}{:>6}",
                cut(&format!("{} {}", c.id, c.name), cat_name),
                mean_text(c.mean)
            );
            for n in &c.bands {
                let _ = write!(line, "{n:>8}");
            }
            let _ = write!(line, "{:>7}", c.no_mean);
            let _ = writeln!(o, "{line}");
        }
    }

    // Indicators: programs at each level, N/A, unsure, not rated, mean.
    let _ = writeln!(o);
    wrap(
        o,
        &format!(
            "By indicator, {}: how many programs at each level",
            order.label()
        ),
        "",
    );
    let levels: Vec<String> = r.levels.iter().map(|(v, _)| v.to_string()).collect();
    if narrow {
        for i in r.order(order) {
            let row = &r.indicators[i];
            wrap(o, &format!("{} {}", row.id, row.title), "");
            let mut counts: Vec<String> = levels
                .iter()
                .zip(&row.levels)
                .map(|(l, n)| format!("{l}: {n}"))
                .collect();
            counts.push(format!("N/A: {}", row.not_applicable));
            counts.push(format!("?: {}", row.unsure));
            counts.push(format!("-: {}", row.unrated));
            counts.push(format!("mean {}", mean_text(row.mean)));
            counts.push(format!("spread {}", spread_text(row)));
            wrap(o, &counts.join(", "), "  ");
        }
    } else {
        // The figures take 4 columns a level and 25 for the rest.
        let ind_name = width.saturating_sub(4 * levels.len() + 25).clamp(12, 60);
        let mut head = cut("", ind_name);
        for l in &levels {
            let _ = write!(head, "{l:>4}");
        }
        let _ = write!(
            head,
            "{:>5}{:>4}{:>4}{:>6}{:>6}",
            "N/A", "?", "-", "Mean", "Sprd"
        );
        let _ = writeln!(o, "{}", head.trim_end());
        for i in r.order(order) {
            let row = &r.indicators[i];
            let mut line = cut(&format!("{} {}", row.id, row.title), ind_name);
            for n in &row.levels {
                let _ = write!(line, "{n:>4}");
            }
            let _ = write!(
                line,
                "{:>5}{:>4}{:>4}{:>6}{:>6}",
                row.not_applicable,
                row.unsure,
                row.unrated,
                mean_text(row.mean),
                spread_text(row)
            );
            let _ = writeln!(o, "{line}");
        }
    }
    let names: Vec<String> = r.levels.iter().map(|(v, n)| format!("{v} {n}")).collect();
    wrap(o, &format!("Levels: {}. {LEGEND}", names.join(", ")), "");

    let _ = writeln!(o, "\nWhich assessment stands for each program:");
    if r.programs.is_empty() {
        let _ = writeln!(o, "  None: no assessment could be rolled up.");
    }
    for p in &r.programs {
        let d = &p.digest;
        wrap(
            o,
            &format!(
                "{}, {}: {}",
                program_label(d),
                cycle_words(&d.cycle),
                d.name
            ),
            "  ",
        );
        wrap(o, &p.why, "    ");
    }
    if !r.left_out.is_empty() {
        let _ = writeln!(o, "\nLeft out ({}):", r.left_out.len());
        for l in &r.left_out {
            wrap(o, &format!("{}: {}", l.name, l.why), "  ");
        }
    }
    out
}

/// "and 304 more (each program's count is in the JSON and the file list)"
/// past the programs named.
pub fn more_overdue(n: usize) -> Option<String> {
    n.checked_sub(Rollup::OVERDUE_SHOWN)
        .filter(|m| *m > 0)
        .map(|m| {
            format!(
                "and {m} more {} (--format json gives each program's count)",
                text::pick(m, "program", "programs")
            )
        })
}

/// What the marks in the indicator table mean.
pub const LEGEND: &str = "? unsure (a flag beside a level, counted apart), - not rated; Sprd (spread): how far apart the programs' levels are, their standard deviation.";

/// The spread of an indicator's levels: their standard deviation.
fn spread_text(row: &IndicatorRow) -> String {
    row.deviation
        .map_or_else(|| "--".to_string(), |d| format!("{d:.2}"))
}

/// "3,001 assessments read: 481 stand for their programs, 2,520 left out
/// (both lists are at the end)."
pub fn files_line(r: &Rollup) -> String {
    let read = r.programs.len() + r.left_out.len();
    format!(
        "{} read: {} {} for {}, {} left out (both lists are at the end).",
        text::count(read, "assessment", "assessments"),
        r.programs.len(),
        text::pick(r.programs.len(), "stands", "stand"),
        text::pick(r.programs.len(), "its program", "their programs"),
        r.left_out.len()
    )
}

fn cycle_words(c: &str) -> String {
    if c.is_empty() {
        "no cycle named".into()
    } else {
        c.to_string()
    }
}

/// The report in Markdown, to edit and share.
pub fn markdown(r: &Rollup, cx: &Context<'_>, order: Order) -> String {
    let mut out = String::new();
    let o = &mut out;
    let _ = writeln!(o, "# {}\n", md_cell(&heading(r)));
    let _ = writeln!(o, "Rubric: {}. Made {}.\n", md_cell(cx.rubric), cx.made);
    let _ = writeln!(o, "{}\n", md_cell(&files_line(r)));
    let _ = writeln!(o, "## Where to act\n");
    let weakest = r.weakest(WEAKEST);
    if weakest.is_empty() {
        let _ = writeln!(o, "Nothing is rated yet.\n");
    } else {
        let _ = writeln!(
            o,
            "Weakest across programs (for professional development):\n"
        );
        for w in weakest {
            let _ = writeln!(o, "- {}", md_cell(&weakest_line(w)));
        }
        let _ = writeln!(o);
    }
    let overdue = r.overdue();
    if overdue.is_empty() {
        let _ = writeln!(o, "No program has an overdue action item.\n");
    } else {
        let _ = writeln!(
            o,
            "Programs with overdue action items ({}):\n",
            overdue.len()
        );
        for p in overdue.iter().take(Rollup::OVERDUE_SHOWN) {
            let _ = writeln!(o, "- {}", md_cell(&overdue_line(p)));
        }
        if let Some(more) = more_overdue(overdue.len()) {
            let _ = writeln!(o, "- {more}");
        }
        let _ = writeln!(o);
    }
    let _ = writeln!(o, "Is this an IET?\n");
    for v in verdict_lines(r) {
        let _ = writeln!(o, "- {v}");
    }
    let bands = r.band_labels();
    let _ = writeln!(o, "\n## By category\n");
    let _ = writeln!(
        o,
        "The mean across programs, and how many programs have their own mean in each band.\n"
    );
    let _ = writeln!(
        o,
        "| Category | Mean | {} | No mean |",
        bands
            .iter()
            .map(|b| md_cell(b))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(o, "|{}", " --- |".repeat(bands.len() + 3));
    for c in &r.categories {
        let _ = writeln!(
            o,
            "| {} {} | {} | {} | {} |",
            md_cell(&c.id),
            md_cell(&c.name),
            mean_text(c.mean),
            c.bands
                .iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(" | "),
            c.no_mean
        );
    }
    let _ = writeln!(o, "\n## By indicator, {}\n", order.label());
    let levels: Vec<String> = r
        .levels
        .iter()
        .map(|(v, n)| md_cell(&format!("{v} {n}")))
        .collect();
    let _ = writeln!(
        o,
        "| Indicator | {} | N/A | Unsure | Not rated | Mean | Spread |",
        levels.join(" | ")
    );
    let _ = writeln!(o, "|{}", " --- |".repeat(levels.len() + 6));
    for i in r.order(order) {
        let row = &r.indicators[i];
        let _ = writeln!(
            o,
            "| {} {} | {} | {} | {} | {} | {} | {} |",
            md_cell(&row.id),
            md_cell(&row.title),
            row.levels
                .iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(" | "),
            row.not_applicable,
            row.unsure,
            row.unrated,
            mean_text(row.mean),
            spread_text(row)
        );
    }
    let _ = writeln!(
        o,
        "\n{}",
        md_cell(&format!(
            "Spread: {}",
            LEGEND.split("Sprd (spread): ").nth(1).unwrap_or("")
        ))
    );
    let _ = writeln!(o, "\n## Which assessment stands for each program\n");
    let _ = writeln!(o, "| Program | Cycle | File | Why this one |");
    let _ = writeln!(o, "| --- | --- | --- | --- |");
    for p in &r.programs {
        let d = &p.digest;
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} |",
            md_cell(&program_label(d)),
            md_cell(&cycle_words(&d.cycle)),
            md_cell(&d.name),
            md_cell(&p.why)
        );
    }
    if !r.left_out.is_empty() {
        let _ = writeln!(o, "\n### Left out\n");
        for l in &r.left_out {
            let _ = writeln!(o, "- {}: {}", md_cell(&l.name), md_cell(&l.why));
        }
    }
    out
}

/// One row per indicator, in `order`: `indicator,title,programs,` a
/// column per level of the scale named by it, then `N/A,unsure,not rated,mean`.
pub fn csv(r: &Rollup, order: Order) -> String {
    let mut out = String::new();
    let mut head = vec![
        "indicator".to_string(),
        "title".to_string(),
        "programs".to_string(),
    ];
    head.extend(r.levels.iter().map(|(v, n)| csv_field(&format!("{v} {n}"))));
    head.extend(["N/A", "unsure", "not rated", "mean"].map(String::from));
    out.push_str(&head.join(","));
    out.push_str("\r\n");
    for row in r.order(order).into_iter().map(|i| &r.indicators[i]) {
        let mut cells = vec![
            csv_field(&row.id),
            csv_field(&row.title),
            r.programs.len().to_string(),
        ];
        cells.extend(row.levels.iter().map(|n| n.to_string()));
        cells.push(row.not_applicable.to_string());
        cells.push(row.unsure.to_string());
        cells.push(row.unrated.to_string());
        cells.push(row.mean.map_or_else(String::new, |m| format!("{m:.2}")));
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The roll-up for other tools; its indicators in `order`.
pub fn json(r: &Rollup, cx: &Context<'_>, order: Order) -> String {
    let round = |m: Option<f64>| m.map(|m| (m * 100.0).round() / 100.0);
    let programs: Vec<Value> = r
        .programs
        .iter()
        .map(|p| {
            let d = &p.digest;
            json!({
                "program": d.program, "college": d.college, "cycle": d.cycle,
                "file": d.name, "why": p.why, "done": d.done,
                "overdue_actions": d.overdue,
                "federal": d.verdicts[0].key(), "oregon": d.verdicts[1].key(),
            })
        })
        .collect();
    let left: Vec<Value> = r
        .left_out
        .iter()
        .map(|l| json!({ "file": l.name, "why": l.why }))
        .collect();
    let levels: Vec<Value> = r
        .levels
        .iter()
        .map(|(v, n)| json!({ "value": v, "name": n }))
        .collect();
    let indicators: Vec<Value> = r
        .order(order)
        .into_iter()
        .map(|i| &r.indicators[i])
        .map(|x| {
            json!({
                "id": x.id, "title": x.title, "levels": x.levels,
                "not_applicable": x.not_applicable, "unsure": x.unsure,
                "not_rated": x.unrated, "mean": round(x.mean), "range": x.spread,
                "spread": round(x.deviation),
            })
        })
        .collect();
    let categories: Vec<Value> = r
        .categories
        .iter()
        .map(|c| {
            json!({
                "id": c.id, "name": c.name, "mean": round(c.mean),
                "bands": c.bands, "no_mean": c.no_mean,
            })
        })
        .collect();
    let v = json!({
        "rollup_version": 1,
        "rubric": cx.rubric,
        "made": cx.made,
        "cycle": r.cycle,
        "order": match order { Order::Rubric => "rubric", Order::Weakest => "weakest", Order::Spread => "spread" },
        "levels": levels,
        "band_labels": r.band_labels(),
        "programs": programs,
        "left_out": left,
        "categories": categories,
        "indicators": indicators,
        "verdicts": {
            "federal": { "meets": r.verdicts[0][0], "not_yet": r.verdicts[0][1], "needs_information": r.verdicts[0][2] },
            "oregon": { "meets": r.verdicts[1][0], "not_yet": r.verdicts[1][1], "needs_information": r.verdicts[1][2] },
        },
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

const STYLE: &str = "
body { font-family: Georgia, 'Times New Roman', serif; color: #111; line-height: 1.4;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #333; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #999; padding: 0.2rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  section.category, section.files { break-before: page; page-break-before: always; }
}
";

/// A page to print: the programs and categories first, then one page per
/// category with its indicators, then where to act. Nothing is fetched
/// and nothing runs.
pub fn html(r: &Rollup, cx: &Context<'_>, order: Order) -> String {
    use super::html::escape;
    let mut out = String::new();
    let o = &mut out;
    let title = escape(&heading(r));
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n<p>Rubric: {}. Made {}.</p>\n",
        escape(cx.rubric),
        escape(&cx.made)
    );
    let _ = writeln!(o, "<p>{}</p>", escape(&files_line(r)));
    let _ = writeln!(o, "<section class=\"first\">\n<h2>Where to act</h2>");
    let weakest = r.weakest(WEAKEST);
    if weakest.is_empty() {
        let _ = writeln!(o, "<p>Nothing is rated yet.</p>");
    } else {
        let _ = writeln!(
            o,
            "<h3>Weakest across programs (for professional development)</h3>\n<ul>"
        );
        for w in weakest {
            let _ = writeln!(o, "<li>{}</li>", escape(&weakest_line(w)));
        }
        let _ = writeln!(o, "</ul>");
    }
    let overdue = r.overdue();
    if overdue.is_empty() {
        let _ = writeln!(o, "<p>No program has an overdue action item.</p>");
    } else {
        let _ = writeln!(
            o,
            "<h3>Programs with overdue action items ({})</h3>\n<ul>",
            overdue.len()
        );
        for p in overdue.iter().take(Rollup::OVERDUE_SHOWN) {
            let _ = writeln!(o, "<li>{}</li>", escape(&overdue_line(p)));
        }
        if let Some(more) = more_overdue(overdue.len()) {
            let _ = writeln!(o, "<li>{}</li>", escape(&more));
        }
        let _ = writeln!(o, "</ul>");
    }
    let _ = writeln!(o, "<h3>Is this an IET?</h3>\n<ul>");
    for v in verdict_lines(r) {
        let _ = writeln!(o, "<li>{}</li>", escape(&v));
    }
    let _ = writeln!(o, "</ul>\n</section>");
    let bands = r.band_labels();
    let _ = writeln!(
        o,
        "<h2>By category</h2>\n<table><thead><tr><th>Category</th><th>Mean</th>"
    );
    for b in &bands {
        let _ = write!(o, "<th>{}</th>", escape(b));
    }
    let _ = writeln!(o, "<th>No mean</th></tr></thead><tbody>");
    for c in &r.categories {
        let _ = write!(
            o,
            "<tr><td>{} {}</td><td class=\"num\">{}</td>",
            escape(&c.id),
            escape(&c.name),
            mean_text(c.mean)
        );
        for n in &c.bands {
            let _ = write!(o, "<td class=\"num\">{n}</td>");
        }
        let _ = writeln!(o, "<td class=\"num\">{}</td></tr>", c.no_mean);
    }
    let _ = writeln!(o, "</tbody></table>");
    let order_of = r.order(order);
    for (c, cat) in r.categories.iter().enumerate() {
        let _ = writeln!(
            o,
            "<section class=\"category\">\n<h2>{} {}: by indicator, {}</h2>",
            escape(&cat.id),
            escape(&cat.name),
            order.label()
        );
        let _ = write!(o, "<table><thead><tr><th>Indicator</th>");
        for (v, n) in &r.levels {
            let _ = write!(o, "<th>{}</th>", escape(&format!("{v} {n}")));
        }
        let _ = writeln!(
            o,
            "<th>N/A</th><th>Unsure</th><th>Not rated</th><th>Mean</th><th>Spread</th></tr></thead><tbody>"
        );
        for &i in order_of.iter().filter(|&&i| r.indicators[i].category == c) {
            let row = &r.indicators[i];
            let _ = write!(o, "<tr><td>{} {}</td>", escape(&row.id), escape(&row.title));
            for n in &row.levels {
                let _ = write!(o, "<td class=\"num\">{n}</td>");
            }
            let _ = writeln!(
                o,
                "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                row.not_applicable,
                row.unsure,
                row.unrated,
                mean_text(row.mean),
                spread_text(row)
            );
        }
        let _ = writeln!(o, "</tbody></table>\n</section>");
    }
    let _ = writeln!(o, "<section class=\"files\">");
    let _ = writeln!(o, "<h2>Which assessment stands for each program</h2>");
    let _ = writeln!(
        o,
        "<table><thead><tr><th>Program</th><th>Cycle</th><th>File</th><th>Why this one</th></tr></thead><tbody>"
    );
    for p in &r.programs {
        let d = &p.digest;
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&program_label(d)),
            escape(&cycle_words(&d.cycle)),
            escape(&d.name),
            escape(&p.why)
        );
    }
    let _ = writeln!(o, "</tbody></table>");
    if !r.left_out.is_empty() {
        let _ = writeln!(o, "<h3>Left out</h3>\n<ul>");
        for l in &r.left_out {
            let _ = writeln!(o, "<li>{}: {}</li>", escape(&l.name), escape(&l.why));
        }
        let _ = writeln!(o, "</ul>");
    }
    let _ = writeln!(o, "</section>\n</body>\n</html>");

    out
}
