//! The help as lines: where the data is, every key from the keymap table
//! (those of where it was opened first), and how ratings work.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::wrapped;
use crate::tui::app::App;
use crate::tui::keymap;

/// The help text: how ratings work, then every key from the keymap table.
pub fn help_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let scale = &app.content.rubric.scale;
    let mut out = Vec::new();
    if let Some(dir) = &app.data_dir {
        out.extend(wrapped(
            &format!(
                "Saved assessments live in the data folder: {dir}. Every change is saved at once."
            ),
            width,
            "",
            theme.dim(),
        ));
        out.push(Line::raw(""));
    }
    // The keys of where the help was opened come first, then the rest;
    // in two columns where each still has room for its words.
    let here = app.contexts_under_help();
    let mut sections = keymap::help_sections();
    sections
        .sort_by_key(|(context, _)| here.iter().position(|c| c == context).unwrap_or(usize::MAX));
    let two = width >= HELP_TWO_COLUMNS;
    let column = if two { (width - 2) / 2 } else { width };
    let blocks: Vec<Vec<Line<'static>>> = sections
        .into_iter()
        .map(|(context, rows)| {
            let mut block = vec![Line::styled(context.title().to_string(), theme.heading())];
            for (keys, help) in rows {
                let mut lines = wrapped(help, column, &" ".repeat(16), Style::new());
                if let Some(first) = lines.first_mut() {
                    first.spans[0] = Span::styled(format!("  {keys:<13} "), theme.key());
                }
                block.extend(lines);
            }
            block.push(Line::raw(""));
            block
        })
        .collect();
    if two {
        out.extend(side_by_side(blocks, column));
    } else {
        out.extend(blocks.into_iter().flatten());
    }
    out.push(Line::styled("Rating", theme.heading()));
    for l in &scale.levels {
        out.extend(wrapped(
            &format!("{} {}: {}", l.value, l.name, l.meaning),
            width,
            "  ",
            Style::new(),
        ));
    }
    out.extend(wrapped(
        &format!(
            "{}: {}",
            scale.not_applicable.name, scale.not_applicable.meaning
        ),
        width,
        "  ",
        Style::new(),
    ));
    out.extend(wrapped(
        &format!("{}: {}", scale.unsure.name, scale.unsure.meaning),
        width,
        "  ",
        Style::new(),
    ));
    out.extend(wrapped(
        &format!("Marks in the checklist: {}.", app.theme.marks_legend()),
        width,
        "  ",
        Style::new(),
    ));
    use crate::model::assessment::Partner;
    let partners: Vec<String> = [
        Partner::AdultBasicSkills,
        Partner::CareerTechnicalEducation,
        Partner::CareerPathways,
        Partner::Corrections,
    ]
    .iter()
    .map(|p| format!("{} {}", p.short(), p.label()))
    .collect();
    out.extend(wrapped(
        &format!(
            "Partners, as columns and names show them: {}. Side by side, \"gap\" is the highest level minus the lowest; \"chg\" the change from the first column to the last.",
            partners.join(", ")
        ),
        width,
        "  ",
        Style::new(),
    ));
    out
}

/// From this width on, the help's keys go in two columns.
const HELP_TWO_COLUMNS: usize = 96;

/// Blocks of lines in two columns of `column` characters, 2 apart: the
/// first blocks down the left, the rest down the right, as even as whole
/// blocks allow, the first block always on the left.
fn side_by_side(blocks: Vec<Vec<Line<'static>>>, column: usize) -> Vec<Line<'static>> {
    let total: usize = blocks.iter().map(Vec::len).sum();
    let mut left: Vec<Line<'static>> = Vec::new();
    let mut right: Vec<Line<'static>> = Vec::new();
    for block in blocks {
        if left.is_empty() || left.len() + block.len() / 2 <= total / 2 {
            left.extend(block);
        } else {
            right.extend(block);
        }
    }
    let rows = left.len().max(right.len());
    let mut left = left.into_iter();
    let mut right = right.into_iter();
    (0..rows)
        .map(|_| {
            // A line's own style goes onto its spans, to survive the join.
            let spans_of = |l: Line<'static>| -> Vec<Span<'static>> {
                let style = l.style;
                l.spans.into_iter().map(|s| s.patch_style(style)).collect()
            };
            let l = left.next().unwrap_or_default();
            let pad = (column + 2).saturating_sub(l.width());
            let mut spans = spans_of(l);
            spans.push(Span::raw(" ".repeat(pad)));
            if let Some(r) = right.next() {
                spans.extend(spans_of(r));
            }
            Line::from(spans)
        })
        .collect()
}
