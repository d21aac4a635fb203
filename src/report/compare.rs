//! A comparison as a fixed-width text table, Markdown or CSV.

use super::{csv_field, md_cell};
use crate::model::comparison::{Change, Comparison, Row};
use crate::text;

pub struct Options {
    pub only_diff: bool,
    /// `+`/`-`/`=` instead of arrows.
    pub ascii: bool,
}

pub fn change_mark(change: Change, ascii: bool) -> String {
    match (change, ascii) {
        (Change::Up(d), false) => format!("\u{2191}{d}"),
        (Change::Down(d), false) => format!("\u{2193}{d}"),
        (Change::Up(d), true) => format!("+{d}"),
        (Change::Down(d), true) => format!("-{d}"),
        (Change::Same, _) => "=".into(),
        (Change::None, _) => String::new(),
    }
}

/// What the last column holds: for cycles, the change from the first to
/// the last; for partners' views of one cycle, the gap between the highest
/// and lowest level given (no direction: no view came first).
pub fn last_column(c: &Comparison) -> &'static str {
    if c.kind == crate::model::comparison::Kind::Partners {
        "Gap"
    } else {
        "Change"
    }
}

/// A row's last column, as [`last_column`] says; `=` for none.
pub fn last_mark(c: &Comparison, r: &Row, ascii: bool) -> String {
    if c.kind == crate::model::comparison::Kind::Partners {
        match r.spread() {
            Some(0) => "=".into(),
            Some(gap) => gap.to_string(),
            None => String::new(),
        }
    } else {
        change_mark(r.change(), ascii)
    }
}

fn mean_text(mean: Option<f64>) -> String {
    mean.map_or("--".into(), |m| format!("{m:.1}"))
}

fn shown<'c>(c: &'c Comparison, o: &Options) -> Vec<&'c Row> {
    c.rows
        .iter()
        .filter(|r| !o.only_diff || r.differs())
        .collect()
}

pub const LEGEND: &str =
    "Marks: 0-3 level, ? unsure, n/a not applicable, . not rated, - not in that assessment.";

/// The legend, with what the last column holds.
fn legend(c: &Comparison) -> String {
    let last = if c.kind == crate::model::comparison::Kind::Partners {
        "Gap: highest level minus lowest, = when all agree."
    } else {
        "Change: from the first column to the last, = when the same."
    };
    format!("{LEGEND} {last}")
}

fn footer(c: &Comparison) -> String {
    let a = c.agreement();
    use crate::text::pick;
    format!(
        "{} of {} {}. Of the {} rated in two or more: {} {} exactly, {} {} by 2 or more levels.",
        c.differing(),
        crate::text::count(c.rows.len(), "indicator", "indicators"),
        pick(c.differing(), "differs", "differ"),
        a.compared,
        a.exact,
        pick(a.exact, "agrees", "agree"),
        a.far_apart,
        pick(a.far_apart, "differs", "differ")
    )
}

/// `s` padded or cut to `width` characters (`~` marks a cut).
pub fn cut(s: &str, width: usize) -> String {
    let s = text::fit(&text::clean_line(s), width, "~");
    format!("{s:<width$}")
}

/// ", rated by Maria Lopez" when one person rated it.
fn rated_by(rater: &str) -> String {
    if rater.is_empty() {
        String::new()
    } else {
        format!(", rated by {rater}")
    }
}

/// A fixed-width table; fits 80 columns for up to three assessments.
/// `names` are the files or library names behind the labels.
pub fn text(c: &Comparison, names: &[String], o: &Options) -> String {
    let widths: Vec<usize> = c
        .labels
        .iter()
        .map(|l| l.chars().count().clamp(4, 10))
        .collect();
    let columns: usize = widths.iter().map(|w| w + 1).sum();
    let title = 80usize
        .saturating_sub(6 + 1 + columns + 2 + last_column(c).len())
        .max(12);
    let mut out = String::new();
    for ((label, name), rater) in c.labels.iter().zip(names).zip(&c.raters) {
        let label = text::clean_line(label);
        out.push_str(&format!("{label} = {}\n", text::clean_line(name)));
        if !rater.is_empty() {
            let indent = " ".repeat(label.chars().count() + 3);
            let room = 80usize.saturating_sub(indent.len()).max(20);
            for line in text::wrap(&format!("rated by {}", text::clean_line(rater)), room) {
                out.push_str(&format!("{indent}{line}\n"));
            }
        }
    }
    out.push('\n');
    let mut head = format!("{:<6} {}", "ID", cut("Indicator", title));
    for (l, w) in c.labels.iter().zip(&widths) {
        head.push_str(&format!(" {:>w$}", cut(l, *w).trim_end(), w = w));
    }
    head.push_str("  ");
    head.push_str(last_column(c));
    out.push_str(head.trim_end());
    out.push('\n');
    let rows = shown(c, o);
    for (g, group) in c.groups.iter().enumerate() {
        let in_group: Vec<&&Row> = rows.iter().filter(|r| r.group == g).collect();
        if in_group.is_empty() {
            continue;
        }
        let mut line = format!(
            "{:<6} {}",
            "",
            cut(&format!("{} (mean)", group.name), title)
        );
        for (m, w) in group.means.iter().zip(&widths) {
            line.push_str(&format!(" {:>w$}", mean_text(*m), w = w));
        }
        out.push_str(line.trim_end());
        out.push('\n');
        for r in in_group {
            let mut line = format!("{:<6} {}", cut(&r.id, 6).trim_end(), cut(&r.title, title));
            for (cell, w) in r.cells.iter().zip(&widths) {
                line.push_str(&format!(" {:>w$}", cell.mark(), w = w));
            }
            line.push_str(&format!("  {}", last_mark(c, r, o.ascii)));
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out.push('\n');
    for line in text::wrap(&footer(c), 80)
        .into_iter()
        .chain(text::wrap(&legend(c), 80))
    {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

pub fn markdown(c: &Comparison, names: &[String], o: &Options) -> String {
    let mut out = String::from("# Comparison\n\n");
    for ((label, name), rater) in c.labels.iter().zip(names).zip(&c.raters) {
        out.push_str(&format!(
            "- **{}**: {}{}\n",
            md_cell(label),
            md_cell(name),
            md_cell(&rated_by(rater))
        ));
    }
    out.push_str(&format!("\n{}\n", footer(c)));
    let rows = shown(c, o);
    for (g, group) in c.groups.iter().enumerate() {
        let in_group: Vec<&&Row> = rows.iter().filter(|r| r.group == g).collect();
        if in_group.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {}\n\n", md_cell(&group.name)));
        let means: Vec<String> = c
            .labels
            .iter()
            .zip(&group.means)
            .map(|(l, m)| format!("{} {}", md_cell(l), mean_text(*m)))
            .collect();
        out.push_str(&format!("Mean level: {}.\n\n", means.join(", ")));
        out.push_str("| ID | Indicator |");
        for l in &c.labels {
            out.push_str(&format!(" {} |", md_cell(l)));
        }
        out.push_str(&format!(" {} |\n|---|---|", last_column(c)));
        out.push_str(&"---|".repeat(c.labels.len()));
        out.push_str("---|\n");
        for r in in_group {
            out.push_str(&format!("| {} | {} |", md_cell(&r.id), md_cell(&r.title)));
            for cell in &r.cells {
                out.push_str(&format!(" {} |", cell.mark()));
            }
            out.push_str(&format!(" {} |\n", last_mark(c, r, o.ascii)));
        }
    }
    out.push_str(&format!("\n{}\n", legend(c)));
    out
}

/// One row per indicator: category, id, title, a column per assessment,
/// change. Ratings as `2`, `2?`, `n/a`, `.`, `-`.
pub fn csv(c: &Comparison, o: &Options) -> String {
    let mut out = String::from("category,id,indicator");
    for l in &c.labels {
        out.push(',');
        out.push_str(&csv_field(l));
    }
    out.push(',');
    out.push_str(&last_column(c).to_lowercase());
    out.push_str("\r\n");
    for r in shown(c, o) {
        let group = &c.groups[r.group];
        out.push_str(&format!(
            "{},{},{}",
            csv_field(&group.name),
            csv_field(&r.id),
            csv_field(&r.title)
        ));
        for cell in &r.cells {
            out.push(',');
            out.push_str(&csv_field(&cell.mark()));
        }
        out.push(',');
        // A number for a spreadsheet: "=" would start a formula.
        let change = match last_mark(c, r, true).as_str() {
            "=" => "0".to_string(),
            other => other.to_string(),
        };
        out.push_str(&csv_field(&change));
        out.push_str("\r\n");
    }
    out
}
