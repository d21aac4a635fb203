//! The program summary as plain text for the terminal and for scripts:
//! one line per category, fitting 80 columns.

use std::fmt::Write as _;

use super::Subject;
use super::compare::cut;
use crate::model::scoring::{self, Tally};

const NAME_WIDTH: usize = 43;

/// A row of figures; a long label wraps onto lines of its own below.
fn counts(label: &str, t: &Tally) -> String {
    let lines = crate::text::wrap(label, NAME_WIDTH - 1);
    let mut out = format!(
        "{}{:>6}{:>7}{:>5}{:>11}{:>8}",
        cut(lines.first().map_or("", String::as_str), NAME_WIDTH),
        match t.mean() {
            Some(m) => format!("{m:.2}"),
            None => "--".to_string(),
        },
        t.rated,
        t.not_applicable,
        t.unrated,
        t.unsure
    );
    for more in lines.iter().skip(1) {
        out.push_str("\n   ");
        out.push_str(more);
    }
    out
}

/// The summary; with `explain`, what each score was computed from.
pub fn text(s: &Subject<'_>, explain: bool) -> String {
    let mut out = String::new();
    let o = &mut out;
    let a = &s.assessment;
    let summary = scoring::score(s.rubric, a);
    let college = a.profile.college.trim();
    let _ = writeln!(o, "{}", s.title());
    if !college.is_empty() {
        let _ = writeln!(o, "{college}");
    }
    let about = format!("{}. Rubric: {}.", a.purpose.label(), s.rubric_line());
    for line in crate::text::wrap(&about, 78) {
        let _ = writeln!(o, "{line}");
    }
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "{}{:>6}{:>7}{:>5}{:>11}{:>8}",
        cut("Category", NAME_WIDTH),
        "Mean",
        "Rated",
        "N/A",
        "Not rated",
        "Unsure"
    );
    for c in &summary.categories {
        let label = format!("{} {}", c.category.id, c.category.name);
        let _ = writeln!(o, "{}", counts(&label, &c.tally));
    }
    let _ = writeln!(o, "{}", counts("All categories", &summary.overall));
    let open_actions: usize = a.responses.iter().map(|r| r.open_actions()).sum();
    let _ = writeln!(o);
    for line in crate::text::wrap(&super::done_line(&summary.overall, open_actions), 78) {
        let _ = writeln!(o, "{line}");
    }
    let verdict = s.verdict();
    let _ = writeln!(
        o,
        "Is this an IET? ({} of {} answered)",
        s.screener_answered(),
        crate::text::count(s.screener.questions.len(), "question", "questions")
    );
    for v in &verdict.verdicts {
        let _ = writeln!(o, "  {}: {}", v.standard.name, v.kind.label());
    }
    if explain {
        let _ = writeln!(o, "\nHow each score was worked out:");
        for line in summary.explain() {
            let indent = if line.starts_with("  ") { "    " } else { "" };
            for (i, part) in crate::text::wrap(line.trim(), 76 - indent.len())
                .into_iter()
                .enumerate()
            {
                let more = if i > 0 { "  " } else { "" };
                let _ = writeln!(o, "{indent}{more}{part}");
            }
        }
    } else {
        let _ = writeln!(
            o,
            "Add --explain to see what each score was worked out from."
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_never_touches_the_figures_after_it() {
        let t = Tally {
            total: 6,
            rated: 4,
            sum: 10,
            ..Tally::default()
        };
        // Names of 42 to 45 characters, where a name meets the column's end.
        for name in [
            "Partners agree on roles and shared outcome",
            "Partners agree on roles and shared outcomes",
            "Partners agree on roles and shared outcomes.",
            "Partners agree on roles, and shared outcomes.",
        ] {
            let row = counts(name, &t);
            let first = row.lines().next().unwrap();
            assert_eq!(first.chars().nth(NAME_WIDTH - 1), Some(' '), "{row}");
            assert!(!row.contains('~'), "a name cut instead of wrapped: {row}");
            let words: Vec<&str> = row.split_whitespace().collect();
            for word in name.split(' ') {
                assert!(words.contains(&word), "{word:?} lost from {row}");
            }
        }
    }
}
