//! Questions the app puts (a yes/no question, a reason, a form, the notes
//! editor, a draft left behind), asked a line at a time. The app's own
//! dialogs decide what is kept and what a mistake is; this only types
//! into them and says what they say.
//!
//! A person who answers wrongly is asked again. A script is not: its next
//! line is most likely its next command, so a wrong answer ends the
//! question (nothing of a form is kept; a yes/no question is taken as no)
//! and the line is read again as a command.

use std::io;

use super::Linear;
use crate::tui::action::Action;
use crate::tui::app::Overlay;
use crate::tui::form::{self, FieldValue};

/// The word that stops a question, a form or the notes without keeping
/// what was typed in it.
pub const CANCEL: &str = "cancel";

impl Linear<'_> {
    /// Asks whatever the app put on top until nothing is left to ask (or
    /// the input ends), saying what it says on the way, and "Saved." once
    /// what was asked is kept.
    pub(super) fn settle(&mut self) -> io::Result<()> {
        loop {
            self.session.apply(self.app);
            self.say_message()?;
            self.say_saved()?;
            if self.ended {
                return self.ended_while_asked();
            }
            match self.app.overlays.last() {
                Some(Overlay::Confirm { .. }) => self.ask_confirm()?,
                Some(Overlay::Prompt(_)) => self.ask_prompt()?,
                Some(Overlay::Form(_)) => self.ask_form()?,
                Some(Overlay::Editor(_)) => self.ask_notes()?,
                Some(Overlay::DraftFound(_)) => self.ask_draft()?,
                // Views of the full-screen app this mode says in lines.
                Some(_) => {
                    self.app.overlays.pop();
                }
                None => return Ok(()),
            }
        }
    }

    /// The input ended with a question open: what was typed stays as a
    /// draft (the session keeps it), and the session says so and fails.
    fn ended_while_asked(&mut self) -> io::Result<()> {
        let what = match self.app.overlays.last() {
            Some(Overlay::Editor(e)) => format!("the notes for {}", e.indicator),
            Some(Overlay::Form(f)) => form_name(&f.kind),
            Some(Overlay::Prompt(p)) => format!("the question {}", p.question),
            Some(Overlay::Confirm { .. }) => {
                // Nothing was typed: only the question, just asked, goes
                // unanswered.
                self.failed = true;
                self.out
                    .line("The input ended before the question was answered.")?;
                self.app.overlays.clear();
                return Ok(());
            }
            _ => return Ok(()),
        };
        self.failed = true;
        self.out.paragraph(&format!(
            "The input ended during {}: nothing of it was kept yet. What was typed stays as a draft, offered when this assessment is next opened in a terminal.",
            crate::text::aside(&what)
        ))?;
        // The draft stays on disk; the overlays go with the session.
        self.app.overlays.clear();
        Ok(())
    }

    /// Reads an answer; `None` when the input has ended.
    fn answer(&mut self) -> io::Result<Option<String>> {
        let line = self.read_line()?;
        Ok(line.map(|l| l.trim().to_string()))
    }

    /// A script's wrong answer: the question goes (`drop` says how), and
    /// the line is not used at all: it was meant as an answer, so acting
    /// on it as a command could change what nobody meant to change.
    fn not_an_answer(&mut self, line: String, expected: &str, drop: &str) -> io::Result<()> {
        self.failed = true;
        self.out.paragraph(&format!(
            "{expected}; {drop}. The line \"{}\" was not used.",
            super::shortened(&line)
        ))
    }

    fn ask_confirm(&mut self) -> io::Result<()> {
        let Some(Overlay::Confirm { question, .. }) = self.app.overlays.last() else {
            return Ok(());
        };
        let question = question
            .replace(" (y/n)?", "? Answer yes or no.")
            .replace(" (y/n)", ". Answer yes or no.");
        self.out.paragraph(&super::unkeyed(&question))?;
        loop {
            let Some(a) = self.answer()? else {
                return Ok(());
            };
            let action = match a.to_lowercase().as_str() {
                "y" | "yes" => Action::Yes,
                "n" | "no" => Action::No,
                _ if !self.interactive => {
                    self.app.update(Action::No);
                    return self.not_an_answer(a, "Expected yes or no", "taken as no");
                }
                _ => {
                    self.out.line("Please answer yes or no.")?;
                    continue;
                }
            };
            self.app.update(action);
            return Ok(());
        }
    }

    /// Stops the dialog on top: a person is asked before what they typed
    /// is thrown away, as in the app; a script said so itself.
    fn stop(&mut self) -> io::Result<()> {
        if self.interactive {
            let before = self.app.overlays.len();
            self.app.update(Action::Close);
            // Closed at once (nothing typed to lose): said, not silent.
            if self.app.overlays.len() < before && self.app.message.is_none() {
                self.out.line("Stopped; nothing was changed.")?;
            }
        } else {
            self.app.overlays.pop();
            self.out.line("Stopped; nothing of it was kept.")?;
        }
        Ok(())
    }

    pub(super) fn ask_prompt(&mut self) -> io::Result<()> {
        let Some(Overlay::Prompt(p)) = self.app.overlays.last() else {
            return Ok(());
        };
        let now = form::value(&p.input);
        let mut question = p.question.clone();
        if !now.is_empty() {
            question.push_str(&format!(" Now: {}. Enter keeps it.", text_aside(&now)));
        }
        question.push_str(&format!(" {CANCEL} stops."));
        self.out.paragraph(&question)?;
        let Some(a) = self.answer()? else {
            return Ok(());
        };
        if a.eq_ignore_ascii_case(CANCEL) {
            return self.stop();
        }
        if !a.is_empty() {
            self.type_into_prompt(&a);
        }
        self.submit_prompt()
    }

    /// Puts `text` in place of what the prompt on top holds.
    pub(super) fn type_into_prompt(&mut self, text: &str) {
        if let Some(Overlay::Prompt(p)) = self.app.overlays.last_mut() {
            p.input = form::one_line("");
        }
        self.app.paste(text);
    }

    /// Keeps the prompt on top; says its objection if it has one.
    pub(super) fn submit_prompt(&mut self) -> io::Result<()> {
        self.app.update(Action::Submit);
        if let Some(Overlay::Prompt(p)) = self.app.overlays.last_mut()
            && let Some(e) = p.error.take().filter(|e| !e.is_empty())
        {
            self.failed = true;
            self.out.paragraph(&e)?;
        }
        Ok(())
    }

    /// Asks the fields of the form on top one at a time, from the one it
    /// has the cursor on, then keeps it. Each answer is checked as it is
    /// given.
    fn ask_form(&mut self) -> io::Result<()> {
        let Some(Overlay::Form(f)) = self.app.overlays.last() else {
            return Ok(());
        };
        let n = f.fields.len();
        let start = f.focus.min(n);
        if start == 0 {
            self.out.paragraph(&format!(
                "{}. {}, one at a time: Enter keeps what is there; {CANCEL} stops.",
                f.title.trim_end_matches('.'),
                crate::text::count(n, "question", "questions")
            ))?;
        }
        for i in start..n {
            if !self.ask_field(i, n)? {
                return Ok(());
            }
        }
        self.app.update(Action::Submit);
        // A mistake the fields alone did not show (none should be left).
        if let Some(Overlay::Form(f)) = self.app.overlays.last_mut()
            && let Some(e) = f.error.take()
        {
            self.failed = true;
            self.out.paragraph(&e)?;
            if !self.interactive {
                self.app.overlays.pop();
                self.out.line("Nothing of this form was kept.")?;
            }
        }
        Ok(())
    }

    /// Asks field `i` of the `n` of the form on top; false when the form
    /// was stopped or the input ended.
    fn ask_field(&mut self, i: usize, n: usize) -> io::Result<bool> {
        loop {
            let Some(Overlay::Form(f)) = self.app.overlays.last_mut() else {
                return Ok(false);
            };
            f.focus = i;
            let field = &f.fields[i];
            let label = field.label;
            let before = field.text_value();
            let mut q = format!("{} of {n}, {label}", i + 1);
            let choices = match &field.value {
                FieldValue::Choice { options, .. } => Some(options.clone()),
                FieldValue::Text(_) => None,
            };
            if !field.hint.is_empty() && choices.is_none() {
                q.push_str(&format!(" ({})", field.hint));
            }
            if before.is_empty() {
                q.push(':');
            } else {
                q.push_str(&format!(": now {}.", text_aside(&before)));
            }
            if let Some(options) = &choices {
                let listed: Vec<String> = options
                    .iter()
                    .enumerate()
                    .map(|(k, o)| format!("{} {o}", k + 1))
                    .collect();
                self.out.line(&q)?;
                self.out
                    .line(&format!("Choose a number: {}.", listed.join("; ")))?;
            } else {
                self.out.line(&q)?;
            }
            let Some(a) = self.answer()? else {
                return Ok(false);
            };
            if a.eq_ignore_ascii_case(CANCEL) {
                self.stop()?;
                return Ok(false);
            }
            if a.is_empty() {
                return Ok(true);
            }
            let Some(Overlay::Form(f)) = self.app.overlays.last_mut() else {
                return Ok(false);
            };
            let unchosen = match &mut f.fields[i].value {
                FieldValue::Text(t) => {
                    **t = form::one_line(&form::clean_input(&a, false));
                    None
                }
                FieldValue::Choice { options, selected } => match choice_named(options, &a) {
                    Some(k) => {
                        *selected = k;
                        None
                    }
                    None => Some(format!(
                        "Expected a number from 1 to {} for {label}, or the start of a choice's name",
                        options.len()
                    )),
                },
            };
            // Checked now, where it can be mended.
            let problem = unchosen.or_else(|| match f.problem() {
                Some((Some(at), e)) if at == i => Some(e.trim_end_matches('.').to_string()),
                _ => None,
            });
            if let Some(problem) = problem {
                if !self.interactive {
                    self.app.overlays.pop();
                    self.not_an_answer(a, &problem, "nothing of this form was kept")?;
                    return Ok(false);
                }
                // What was there before stays; the question is asked again.
                if let Some(Overlay::Form(f)) = self.app.overlays.last_mut()
                    && let FieldValue::Text(t) = &mut f.fields[i].value
                {
                    **t = form::one_line(&before);
                }
                self.failed = true;
                self.out.paragraph(&format!("{problem}."))?;
                continue;
            }
            // What was typed so far is kept as a draft, as the app keeps it.
            self.session.apply(self.app);
            self.say_message()?;
            return Ok(true);
        }
    }

    /// The notes editor on top, a line at a time, until a line with a
    /// single full stop keeps it.
    fn ask_notes(&mut self) -> io::Result<()> {
        let Some(Overlay::Editor(e)) = self.app.overlays.last() else {
            return Ok(());
        };
        let mut lines: Vec<String> = e.area.lines().to_vec();
        if lines.iter().all(|l| l.trim().is_empty()) {
            lines.clear();
        }
        let id = e.indicator.clone();
        if lines.is_empty() {
            self.out.line(&format!("Notes for {id}, line by line."))?;
        } else {
            self.out.line(&format!("Notes for {id} so far:"))?;
            self.out.text(&lines.join("\n"))?;
            self.out
                .line("Go on typing; what you type comes after them.")?;
        }
        self.out.line(&format!(
            "A line with a single full stop keeps the notes; {CANCEL} stops."
        ))?;
        loop {
            let Some(line) = self.read_line()? else {
                return Ok(());
            };
            let word = line.trim();
            if word == "." {
                self.app.update(Action::Submit);
                // The indicator the notes are for is where the person is.
                self.app.show_indicator(&id);
                return Ok(());
            }
            if word.eq_ignore_ascii_case(CANCEL) {
                return self.stop();
            }
            lines.push(line.trim_end().to_string());
            let Some(Overlay::Editor(e)) = self.app.overlays.last_mut() else {
                return Ok(());
            };
            e.area = form::multi_line(&form::clean_input(&lines.join("\n"), true));
            // Kept as a draft line by line: a line that drops loses nothing.
            self.session.apply(self.app);
            self.say_message()?;
        }
    }

    fn ask_draft(&mut self) -> io::Result<()> {
        let Some(Overlay::DraftFound(left)) = self.app.overlays.last() else {
            return Ok(());
        };
        let what = left.draft.what();
        let by = left.draft.typed_by();
        let text = labelled(&left.draft.typing).unwrap_or_else(|| left.draft.text());
        let more = left.more;
        if !self.interactive {
            // A script cannot answer; its next line is a command. The draft
            // stays for a person to decide on.
            self.out.paragraph(&format!(
                "A draft of {what} by {by} stays unfinished: open this assessment in a terminal to restore or discard it."
            ))?;
            self.app.update(Action::Close);
            // The session's own word for putting it off says the same.
            self.session.apply(self.app);
            self.app.message = None;
            return Ok(());
        }
        self.out.paragraph(&format!(
            "A draft of {what}, typed by {by}, was left unfinished when a session ended."
        ))?;
        self.out.line("What it holds:")?;
        self.out.text(&text)?;
        if more > 0 {
            self.out.line(&format!(
                "{} after this one.",
                crate::text::count(more, "more draft waits", "more drafts wait")
            ))?;
        }
        self.out
            .line("Answer restore to go on with it, discard to throw it away, or later.")?;
        loop {
            let Some(a) = self.answer()? else {
                return Ok(());
            };
            let action = match a.to_lowercase().as_str() {
                "restore" | "r" => Action::RestoreDraft,
                "discard" | "d" => Action::DiscardDraft,
                "later" | "l" | "" => Action::Close,
                _ => {
                    self.out.line("Please answer restore, discard or later.")?;
                    continue;
                }
            };
            self.app.update(action);
            return Ok(());
        }
    }
}

/// A form's draft as "Label: value" lines, only the fields typed in, so
/// that a listener knows what each value was for; `None` for the notes
/// and a reason, which are said as typed.
fn labelled(typing: &crate::tui::draft::Typing) -> Option<String> {
    use crate::model::assessment::{Profile, Purpose};
    use crate::tui::draft::Typing;
    use crate::tui::form::Form;
    let (form, fields, original): (Form, &[String], Option<&[String]>) = match typing {
        Typing::Evidence {
            indicator, fields, ..
        } => (Form::evidence(indicator, None, None), fields, None),
        Typing::Action {
            indicator, fields, ..
        } => (Form::action(indicator, None, None), fields, None),
        Typing::Profile { fields, original } => (
            Form::profile(&Profile::default(), Purpose::NewDesign, "", &[]),
            fields,
            Some(original),
        ),
        Typing::Notes { .. } | Typing::NotApplicable { .. } => return None,
    };
    let lines: Vec<String> = form
        .fields
        .iter()
        .zip(fields)
        .enumerate()
        .filter(|(i, (_, v))| {
            !v.trim().is_empty() && original.is_none_or(|o| o.get(*i) != Some(*v))
        })
        .map(|(_, (f, v))| format!("{}: {}", f.label, v.trim()))
        .collect();
    Some(lines.join("\n"))
}

/// A form as a sentence names it: "the program profile".
fn form_name(kind: &crate::tui::form::FormKind) -> String {
    use crate::tui::form::FormKind;
    match kind {
        FormKind::Evidence { indicator, .. } => format!("the evidence for {indicator}"),
        FormKind::Action { indicator, .. } => format!("the action item for {indicator}"),
        FormKind::Profile => "the program profile".into(),
        FormKind::NewAssessment { .. } => "the choice of rubric".into(),
        FormKind::Export { .. } => "the export".into(),
        FormKind::Person { .. } => "who is working".into(),
    }
}

/// Typed text quoted before a full stop.
fn text_aside(s: &str) -> String {
    crate::text::clean_line(crate::text::aside(s))
}

/// The choice an answer names: its number from 1, or the start of its
/// name (ignoring case) when only one starts so.
pub fn choice_named(options: &[String], answer: &str) -> Option<usize> {
    let a = answer.trim().to_lowercase();
    if let Ok(k) = a.parse::<usize>() {
        return (1..=options.len()).contains(&k).then(|| k - 1);
    }
    if let Some(k) = options.iter().position(|o| o.to_lowercase() == a) {
        return Some(k);
    }
    // "ABS" for "Adult Basic Skills", "DOC" for "Department of Corrections".
    let initials = |o: &str| -> String {
        o.split_whitespace()
            .filter_map(|w| w.chars().next().filter(|c| c.is_alphabetic()))
            .flat_map(char::to_lowercase)
            .collect()
    };
    if a.len() >= 2
        && let Some(k) = options.iter().position(|o| initials(o) == a)
    {
        return Some(k);
    }
    let starts: Vec<usize> = (0..options.len())
        .filter(|&k| options[k].to_lowercase().starts_with(&a))
        .collect();
    match starts.as_slice() {
        [one] if !a.is_empty() => Some(*one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::choice_named;

    #[test]
    fn a_choice_is_named_by_number_or_the_start_of_its_name() {
        let options: Vec<String> = ["Planned", "In progress", "Done", "Dropped"]
            .map(String::from)
            .to_vec();
        assert_eq!(choice_named(&options, "2"), Some(1));
        assert_eq!(choice_named(&options, "in"), Some(1));
        assert_eq!(choice_named(&options, "DONE"), Some(2));
        // Two start with "d": neither is guessed.
        assert_eq!(choice_named(&options, "d"), None);
        assert_eq!(choice_named(&options, "5"), None);
        assert_eq!(choice_named(&options, "0"), None);
        assert_eq!(choice_named(&options, ""), None);
        let roles: Vec<String> = [
            "Adult Basic Skills",
            "Career & Technical Education",
            "Department of Corrections",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(choice_named(&roles, "ABS"), Some(0));
        assert_eq!(choice_named(&roles, "cte"), Some(1));
        assert_eq!(choice_named(&roles, "DOC"), Some(2));
    }
}
