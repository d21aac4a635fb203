//! Who changed what: the change record of an assessment in plain words,
//! newest first, for `ietkit log` and the app's list of changes.

use crate::model::assessment::{Assessment, Rating};
use crate::model::changes::{self, Change, Edit, Origin, What};
use crate::model::scale::Scale;
use crate::model::timestamp::Timestamp;
use crate::text;

/// One line of the record: a heading (when and who) or one change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub heading: bool,
    pub text: String,
}

/// "2026-11-30 14:02 UTC".
fn when(t: Timestamp) -> String {
    let s = t.to_string();
    format!("{} {} UTC", &s[..10], &s[11..16])
}

/// A rating in words: "2 Developing", "N/A (reason)", "not rated".
pub fn rating_words(rating: &Rating, scale: &Scale) -> String {
    match rating {
        Rating::Unrated => "not rated".into(),
        Rating::Level(n) => match scale.levels.iter().find(|l| l.value == *n) {
            Some(level) => format!("{n} {}", level.name),
            None => format!("level {n}"),
        },
        Rating::NotApplicable { reason } if reason.trim().is_empty() => "N/A".into(),
        Rating::NotApplicable { reason } => format!("N/A ({})", crate::text::aside(reason)),
    }
}

fn quoted(s: &str) -> String {
    format!("\"{s}\"")
}

/// One change in words.
pub fn describe(what: &What, scale: &Scale) -> String {
    let words = |r: &Rating| rating_words(r, scale);
    match what {
        What::Created { how } => match how {
            Origin::New => "started this assessment".into(),
            Origin::Imported { from } => format!("imported it from {from}"),
            Origin::Copied { from } => format!("made it as a copy of {from}"),
            Origin::NextCycle { from } => format!("started this cycle from {from}"),
            Origin::Consensus { of } if of.is_empty() => "agreed it as a consensus".into(),
            Origin::Consensus { of } => {
                format!("agreed it as the consensus of {}", of.join(", "))
            }
        },
        What::Rating {
            indicator,
            from,
            to,
        } => match (from, to) {
            (Rating::Unrated, Rating::NotApplicable { reason }) => {
                format!("{indicator}: marked N/A: {}", reason.trim())
            }
            (Rating::Unrated, to) => format!("{indicator}: rated {}", words(to)),
            (from, Rating::Unrated) => {
                format!("{indicator}: rating cleared (was {})", words(from))
            }
            (from, Rating::NotApplicable { reason }) => format!(
                "{indicator}: marked N/A: {} (was {})",
                reason.trim(),
                words(from)
            ),
            (from, to) => format!(
                "{indicator}: rating changed from {} to {}",
                words(from),
                words(to)
            ),
        },
        What::Unsure { indicator, now } => {
            if *now {
                format!("{indicator}: marked unsure, to review later")
            } else {
                format!("{indicator}: no longer marked unsure")
            }
        }
        What::Notes { indicator } => format!("{indicator}: notes edited"),
        What::Evidence {
            indicator,
            change,
            what,
        } => format!("{indicator}: evidence {}: {what}", edit_word(*change)),
        What::Action {
            indicator,
            change,
            what,
            status,
        } => match change {
            Edit::Changed => format!(
                "{indicator}: action item changed: {what} (now {})",
                status.label()
            ),
            change => format!(
                "{indicator}: action item {}: {what} ({})",
                edit_word(*change),
                status.label()
            ),
        },
        What::Profile { field, from, to } => match (from.is_empty(), to.is_empty()) {
            (true, _) => format!("{field} set to {}", quoted(to)),
            (false, true) => format!("{field} cleared (was {})", quoted(from)),
            (false, false) => format!("{field} changed from {} to {}", quoted(from), quoted(to)),
        },
        What::Screener { question, from, to } => {
            let answer = |a: &Option<crate::model::screener::Answer>| {
                a.map_or("not answered", |a| a.label())
            };
            match from {
                None => format!("Is this an IET? {question}: answered {}", answer(to)),
                Some(_) => format!(
                    "Is this an IET? {question}: answer changed from {} to {}",
                    answer(from),
                    answer(to)
                ),
            }
        }
    }
}

fn edit_word(e: Edit) -> &'static str {
    match e {
        Edit::Added => "added",
        Edit::Changed => "changed",
        Edit::Removed => "removed",
    }
}

/// Who made a change: "Maria Lopez (ABS)".
pub fn who(a: &Assessment, change: &Change) -> String {
    changes::label(&change.by, a.people.get(&change.by))
}

/// Who made a change, with the login that vouches for them (names are
/// what people say of themselves): "Maria Lopez (ABS), login mlopez".
fn who_and_login(a: &Assessment, change: &Change) -> String {
    let label = who(a, change);
    if label == change.by {
        format!("login {label}")
    } else {
        format!("{label}, login {}", change.by)
    }
}

/// The record, newest first: a heading for each run of changes one person
/// made within one minute, then one line per change, the latest first.
pub fn lines(a: &Assessment, scale: &Scale) -> Vec<Line> {
    let heading = |c: &Change| (when(c.at), who_and_login(a, c));
    let mut runs: Vec<&[Change]> = Vec::new();
    let mut rest: &[Change] = &a.changes;
    while let Some(last) = rest.last() {
        let key = heading(last);
        let start = rest
            .iter()
            .rposition(|c| heading(c) != key)
            .map_or(0, |i| i + 1);
        runs.push(&rest[start..]);
        rest = &rest[..start];
    }
    let mut out = Vec::new();
    for run in runs {
        let (at, by) = heading(&run[0]);
        out.push(Line {
            heading: true,
            text: text::clean_line(&format!("{at}, {by}")),
        });
        out.extend(run.iter().rev().map(|change| Line {
            heading: false,
            text: text::clean_line(&describe(&change.what, scale)),
        }));
    }
    out
}

/// The record as rows of at most `width` characters: changes indented
/// under their heading. What the app draws and scrolls by.
pub fn rows(a: &Assessment, scale: &Scale, width: usize) -> Vec<Line> {
    let mut out = Vec::new();
    for line in lines(a, scale) {
        let indent = if line.heading { "" } else { "  " };
        // Room for the deepest indent, that of a line's continuation.
        let room = width.saturating_sub(4).max(1);
        for (i, part) in text::wrap(&line.text, room).into_iter().enumerate() {
            let indent = if i == 0 { indent } else { "    " };
            out.push(Line {
                heading: line.heading,
                text: format!("{indent}{part}"),
            });
        }
    }
    out
}

/// The record as text for `ietkit log`, 80 columns wide.
pub fn text(name: &str, a: &Assessment, scale: &Scale) -> String {
    let mut out = String::new();
    if a.changes.is_empty() {
        out.push_str(&format!(
            "No changes are recorded in {name} yet. ietkit records who changed what from format 2 on; a file saved by an older ietkit gains its record at its next change.\n"
        ));
        return wrap_all(&out);
    }
    out.push_str(&format!(
        "Changes to {name}, newest first ({}):\n",
        text::count(a.changes.len(), "change", "changes")
    ));
    for line in rows(a, scale, 78) {
        // A blank line before each heading, not within one that wraps.
        if line.heading && !line.text.starts_with(' ') {
            out.push('\n');
        }
        out.push_str(&line.text);
        out.push('\n');
    }
    out
}

fn wrap_all(s: &str) -> String {
    let mut out = String::new();
    for line in s.lines() {
        for part in text::wrap(line, 80) {
            out.push_str(&part);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::{Partner, Profile, Purpose};
    use crate::model::changes::{Person, Who};
    use crate::store::embedded;

    #[test]
    fn ratings_read_as_words() {
        let scale = embedded::builtin().unwrap().rubric.scale;
        assert_eq!(rating_words(&Rating::Unrated, &scale), "not rated");
        assert_eq!(rating_words(&Rating::Level(2), &scale), "2 Developing");
        assert_eq!(rating_words(&Rating::Level(9), &scale), "level 9");
        let na = |reason: &str| Rating::NotApplicable {
            reason: reason.into(),
        };
        assert_eq!(rating_words(&na("  "), &scale), "N/A");
        assert_eq!(rating_words(&na(" On campus "), &scale), "N/A (On campus)");
        assert_eq!(when(Timestamp(1_795_873_040)), "2026-11-28 13:37 UTC");
        assert_eq!(quoted("x"), "\"x\"");
    }

    #[test]
    fn each_kind_of_change_reads_in_words() {
        let scale = embedded::builtin().unwrap().rubric.scale;
        let evidence = |change| What::Evidence {
            indicator: "PD-1".into(),
            change,
            what: "Signed MOU".into(),
        };
        assert_eq!(
            describe(&evidence(Edit::Added), &scale),
            "PD-1: evidence added: Signed MOU"
        );
        assert_eq!(
            describe(&evidence(Edit::Changed), &scale),
            "PD-1: evidence changed: Signed MOU"
        );
        assert_eq!(
            describe(&evidence(Edit::Removed), &scale),
            "PD-1: evidence removed: Signed MOU"
        );
        let consensus = |of: Vec<String>| What::Created {
            how: Origin::Consensus { of },
        };
        assert_eq!(
            describe(&consensus(vec![]), &scale),
            "agreed it as a consensus"
        );
        assert_eq!(
            describe(&consensus(vec!["abs".into(), "cte".into()]), &scale),
            "agreed it as the consensus of abs, cte"
        );
    }

    #[test]
    fn the_text_puts_a_blank_line_before_each_heading_and_nowhere_else() {
        let rubric = embedded::builtin().unwrap().rubric;
        let mut a = Assessment::new(&rubric, Profile::default(), Purpose::NewDesign, "2026-27");
        let who = |login: &str, name: &str| Who {
            login: login.into(),
            person: Person {
                name: name.into(),
                role: Some(Partner::AdultBasicSkills),
            },
        };
        let long = "Maria Lopez Garcia de la Cruz, coordinator of adult skills and pathways";
        let edit = |to: &str| {
            vec![What::Profile {
                field: "program".into(),
                from: String::new(),
                to: to.into(),
            }]
        };
        changes::record(
            &mut a,
            &who("maria", long),
            Timestamp(1_790_000_000),
            edit("Welding"),
        );
        changes::record(
            &mut a,
            &who("sam", "Sam"),
            Timestamp(1_790_000_600),
            edit("Welding II"),
        );
        let out = text("welding.ron", &a, &rubric.scale);
        let lines: Vec<&str> = out.lines().collect();
        // Maria's heading is too long for one line: it wraps, unbroken.
        let at = lines.iter().position(|l| l.contains("Maria")).unwrap();
        assert!(lines[at + 1].starts_with("    "), "{out}");
        assert_eq!(lines.iter().filter(|l| l.is_empty()).count(), 2, "{out}");
        for (i, line) in lines.iter().enumerate().skip(1) {
            if lines[i - 1].is_empty() {
                assert!(
                    !line.starts_with(' '),
                    "a blank line inside a heading:\n{out}"
                );
            }
        }
    }

    #[test]
    fn rows_never_run_past_the_width_they_are_given() {
        let rubric = embedded::builtin().unwrap().rubric;
        let mut a = Assessment::new(&rubric, Profile::default(), Purpose::NewDesign, "2026-27");
        let who = Who {
            login: "maria".into(),
            person: Person {
                name: "Maria Lopez Garcia de la Cruz, coordinator of adult skills".into(),
                role: Some(Partner::AdultBasicSkills),
            },
        };
        changes::record(
            &mut a,
            &who,
            Timestamp(1_790_000_000),
            vec![What::Profile {
                field: "program".into(),
                from: String::new(),
                to: "Welding and fabrication for adults returning to learning".into(),
            }],
        );
        for width in [20, 33, 40, 57, 80] {
            let rows = rows(&a, &rubric.scale, width);
            assert!(rows.iter().any(|r| r.text.contains("login")), "{rows:?}");
            for row in &rows {
                assert!(row.text.chars().count() <= width, "{width}: {row:?}");
            }
        }
    }
}
