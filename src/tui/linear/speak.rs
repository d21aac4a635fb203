//! What the linear mode says, as lines made for listening: one idea per
//! line, the most important word first, nothing decorative, and not one
//! control character but the newline that ends each line.

use std::io::{self, Write};

use crate::model::assessment::{ActionItem, Evidence, Rating, Response};
use crate::model::scoring::Tally;
use crate::text;
use crate::tui::app::App;

/// The widest line written: a plain or printing terminal wraps a longer
/// one in the middle of a word, and a reader reading by line hears half
/// a word.
pub const WIDTH: usize = 78;

/// Everything the linear mode writes goes through here.
pub struct Speaker<'a> {
    out: &'a mut dyn Write,
    /// Bytes written so far: the figure a slow line pays.
    pub bytes: u64,
}

impl<'a> Speaker<'a> {
    pub fn new(out: &'a mut dyn Write) -> Speaker<'a> {
        Speaker { out, bytes: 0 }
    }

    /// One idea: cleaned of anything but printable text, then wrapped at
    /// word breaks. A blank `text` writes nothing.
    pub fn line(&mut self, text: &str) -> io::Result<()> {
        let clean = text::clean_line(text);
        let clean = clean.trim();
        if clean.is_empty() {
            return Ok(());
        }
        for part in text::wrap(clean, WIDTH) {
            self.write(&part)?;
        }
        Ok(())
    }

    /// A paragraph: each sentence on a line of its own, so that a reader
    /// going line by line hears whole sentences.
    pub fn paragraph(&mut self, text: &str) -> io::Result<()> {
        for s in sentences(&text::clean_line(text)) {
            self.line(&s)?;
        }
        Ok(())
    }

    /// Text that may hold line breaks (notes): each of its lines said.
    pub fn text(&mut self, text: &str) -> io::Result<()> {
        for l in text::clean_keeping_newlines(text).lines() {
            self.paragraph(l)?;
        }
        Ok(())
    }

    fn write(&mut self, line: &str) -> io::Result<()> {
        self.out.write_all(line.as_bytes())?;
        self.out.write_all(b"\n")?;
        self.bytes += line.len() as u64 + 1;
        Ok(())
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// `text` cut into sentences: after a full stop, question or exclamation
/// mark followed by a space and a capital letter (so "e.g. a binder" and
/// "463.35" stay whole).
pub fn sentences(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..chars.len() {
        let ends = matches!(chars[i], '.' | '?' | '!')
            && chars.get(i + 1) == Some(&' ')
            && chars.get(i + 2).is_some_and(|c| c.is_uppercase());
        if ends {
            out.push(chars[start..=i].iter().collect::<String>());
            start = i + 2;
        }
    }
    out.push(chars[start.min(chars.len())..].iter().collect::<String>());
    out.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// "Rated 2, Developing.", "Not rated yet.", "Not applicable: why." with
/// "Marked unsure." after it when it is.
pub fn rating_sentence(app: &App, response: Option<&Response>) -> String {
    let scale = &app.content.rubric.scale;
    let rating = response.map_or(&Rating::Unrated, |r| &r.rating);
    let mut s = match rating {
        Rating::Unrated => "Not rated yet.".to_string(),
        Rating::Level(v) => format!("Rated {}.", level_words(app, *v)),
        Rating::NotApplicable { reason } => {
            format!("{}: {}.", scale.not_applicable.name, text::aside(reason))
        }
    };
    if response.is_some_and(|r| r.unsure) {
        s.push_str(" Marked unsure.");
    }
    s
}

/// "2, Developing": a level's number and name.
pub fn level_words(app: &App, value: u8) -> String {
    match app
        .content
        .rubric
        .scale
        .levels
        .iter()
        .find(|l| l.value == value)
    {
        Some(level) => format!("{value}, {}", level.name),
        None => value.to_string(),
    }
}

/// "PD-3, third of 8 in Program Design: Components run at the same time.
/// Not rated yet."
pub fn position(app: &App, id: &str) -> String {
    let Some((c, i)) = app.content.locate(id) else {
        return format!("{id} is not in the rubric in use.");
    };
    let category = &app.content.rubric.categories[c];
    let indicator = &category.indicators[i];
    format!(
        "{id}, {} of {} in {}: {}. {}",
        text::ordinal(i + 1),
        category.indicators.len(),
        category.name,
        text::aside(&indicator.title),
        rating_sentence(app, app.assessment.response(id))
    )
}

/// "Evidence 1: signed agreement. Where: binder. Held by: dean. Dated 2026-09-01."
pub fn evidence_line(n: usize, e: &Evidence) -> String {
    let mut s = format!("Evidence {n}: {}.", text::aside(&e.what));
    if !e.location.trim().is_empty() {
        s.push_str(&format!(" Where: {}.", text::aside(&e.location)));
    }
    if !e.holder.trim().is_empty() {
        s.push_str(&format!(" Held by: {}.", text::aside(&e.holder)));
    }
    if let Some(d) = e.date {
        s.push_str(&format!(" Dated {d}."));
    }
    if e.recheck {
        s.push_str(" Carried over from the last cycle: still to re-check.");
    }
    s
}

/// "Action 1: invite employers. Owner: CTE chair. Due 2027-01-15. Planned."
pub fn action_line(n: usize, a: &ActionItem) -> String {
    let mut s = format!("Action {n}: {}.", text::aside(&a.what));
    if !a.owner.trim().is_empty() {
        s.push_str(&format!(" Owner: {}.", text::aside(&a.owner)));
    }
    if let Some(d) = a.due {
        s.push_str(&format!(" Due {d}."));
    }
    s.push_str(&format!(" Status: {}.", a.status.label()));
    s
}

/// "mean 2.17; 6 rated, 2 not rated, 1 unsure": counts that are nought
/// left out, bar the rated.
pub fn tally_words(t: &Tally) -> String {
    let mean = match t.mean() {
        Some(m) => format!("mean {m:.2}"),
        None => "no mean yet".to_string(),
    };
    let mut parts = vec![format!("{} rated", t.rated)];
    if t.not_applicable > 0 {
        parts.push(format!("{} not applicable", t.not_applicable));
    }
    if t.unrated > 0 {
        parts.push(format!("{} not rated", t.unrated));
    }
    if t.unsure > 0 {
        parts.push(format!("{} unsure", t.unsure));
    }
    format!("{mean}; {}", parts.join(", "))
}

/// The program, college and cycle, as a heading would name them.
pub fn title(app: &App) -> String {
    let a = &app.assessment;
    let program = match a.profile.program.trim() {
        "" => "No program name yet",
        p => p,
    };
    let parts: Vec<&str> = [program, a.profile.college.trim(), a.cycle.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    text::clean_line(&parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_where_a_new_one_starts_only() {
        assert_eq!(
            sentences("One is here. Two, e.g. a binder, see 463.35. Three? Yes."),
            vec![
                "One is here.",
                "Two, e.g. a binder, see 463.35.",
                "Three?",
                "Yes."
            ]
        );
        assert_eq!(sentences(""), Vec::<String>::new());
    }

    #[test]
    fn a_line_is_cleaned_and_wrapped_at_words() {
        let mut out = Vec::new();
        let mut s = Speaker::new(&mut out);
        s.line(&format!("\u{1b}[31mred\u{7} {}", "word ".repeat(30)))
            .unwrap();
        let written = String::from_utf8(out).unwrap();
        assert!(!written.contains('\u{1b}') && !written.contains('\u{7}'));
        assert!(written.lines().count() >= 2);
        assert!(written.lines().all(|l| l.chars().count() <= WIDTH));
        assert!(written.lines().all(|l| !l.ends_with("wor")));
    }
}
