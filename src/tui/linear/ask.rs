//! Questions the app puts (a yes/no question, a reason, a form, the notes
//! editor, a draft left behind), asked a line at a time. The app's own
//! dialogs decide what is kept and what a mistake is; this only types
//! into them and says what they say.

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
    /// the input ends), saying what it says on the way.
    pub(super) fn settle(&mut self) -> io::Result<()> {
        loop {
            self.session.apply(self.app);
            self.say_message()?;
            if self.ended {
                return Ok(());
            }
            match self.app.overlays.last() {
                Some(Overlay::Confirm { .. }) => self.ask_confirm()?,
                Some(Overlay::Prompt(_)) => self.ask_prompt()?,
                Some(Overlay::Form(_)) => self.ask_form(false)?,
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

    /// Reads an answer; `None` when the input has ended.
    fn answer(&mut self) -> io::Result<Option<String>> {
        let line = self.read_line()?;
        Ok(line.map(|l| l.trim().to_string()))
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
                _ => {
                    self.out.line("Please answer yes or no.")?;
                    continue;
                }
            };
            self.app.update(action);
            return Ok(());
        }
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
            self.app.update(Action::Close);
            return Ok(());
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

    /// Asks the fields of the form on top, one at a time, then keeps it;
    /// after a mistake, only the field the mistake is in. `from_focus`
    /// starts at the field the form has the cursor on.
    pub(super) fn ask_form(&mut self, from_focus: bool) -> io::Result<()> {
        let Some(Overlay::Form(f)) = self.app.overlays.last() else {
            return Ok(());
        };
        let n = f.fields.len();
        let start = if from_focus { f.focus } else { 0 };
        let end = if from_focus { start + 1 } else { n };
        if !from_focus {
            self.out.paragraph(&format!(
                "{}. {} to answer, one at a time: Enter keeps what is there; {CANCEL} stops.",
                f.title.trim_end_matches('.'),
                crate::text::count(n, "question", "questions")
            ))?;
        }
        for i in start..end.min(n) {
            if !self.ask_field(i)? {
                return Ok(());
            }
        }
        self.app.update(Action::Submit);
        // A mistake: the form names it and puts the cursor on its field.
        if let Some(Overlay::Form(f)) = self.app.overlays.last_mut()
            && let Some(e) = f.error.take()
        {
            self.failed = true;
            self.out.paragraph(&e)?;
            if !self.interactive {
                // A script's next line is its next command, not a second
                // try at this field: the form goes, and nothing of it is
                // kept.
                self.app.overlays.pop();
                self.out.line("Nothing of this form was kept.")?;
                return Ok(());
            }
            if !self.ended {
                return self.ask_form(true);
            }
        }
        Ok(())
    }

    /// Asks field `i` of the form on top; false when the form was stopped
    /// or the input ended.
    fn ask_field(&mut self, i: usize) -> io::Result<bool> {
        loop {
            let Some(Overlay::Form(f)) = self.app.overlays.last_mut() else {
                return Ok(false);
            };
            f.focus = i;
            let field = &f.fields[i];
            let now = field.text_value();
            let mut q = field.label.to_string();
            let choices = match &field.value {
                FieldValue::Choice { options, .. } => Some(options.clone()),
                FieldValue::Text(_) => None,
            };
            if !field.hint.is_empty() && choices.is_none() {
                q.push_str(&format!(" ({})", field.hint));
            }
            q.push(':');
            if !now.is_empty() {
                q.push_str(&format!(" now {}.", text_aside(&now)));
            }
            self.out.line(&q)?;
            if let Some(options) = &choices {
                let listed: Vec<String> = options
                    .iter()
                    .enumerate()
                    .map(|(k, o)| format!("{} {o}", k + 1))
                    .collect();
                self.out
                    .line(&format!("Choose a number: {}.", listed.join("; ")))?;
            }
            let Some(a) = self.answer()? else {
                return Ok(false);
            };
            if a.eq_ignore_ascii_case(CANCEL) {
                self.app.update(Action::Close);
                return Ok(false);
            }
            if a.is_empty() {
                return Ok(true);
            }
            let Some(Overlay::Form(f)) = self.app.overlays.last_mut() else {
                return Ok(false);
            };
            match &mut f.fields[i].value {
                FieldValue::Text(t) => {
                    **t = form::one_line(&form::clean_input(&a, false));
                }
                FieldValue::Choice { options, selected } => match choice_named(options, &a) {
                    Some(k) => *selected = k,
                    None => {
                        let n = options.len();
                        self.out.line(&format!(
                            "Choose by number, 1 to {n}, or by the start of a choice's name."
                        ))?;
                        continue;
                    }
                },
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
        let so_far = e.text();
        let id = e.indicator.clone();
        if so_far.trim().is_empty() {
            self.out.line(&format!("Notes for {id}, line by line."))?;
        } else {
            self.out.line(&format!("Notes for {id} so far:"))?;
            self.out.text(&so_far)?;
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
                return Ok(());
            }
            if word.eq_ignore_ascii_case(CANCEL) {
                self.app.update(Action::Close);
                return Ok(());
            }
            let Some(Overlay::Editor(e)) = self.app.overlays.last_mut() else {
                return Ok(());
            };
            let before = e.text();
            let joined = if before.is_empty() {
                line.trim_end().to_string()
            } else {
                format!("{before}\n{}", line.trim_end())
            };
            e.area = form::multi_line(&form::clean_input(&joined, true));
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
        let text = left.draft.text();
        let more = left.more;
        if !self.interactive {
            // A script cannot answer; its next line is a command. The draft
            // stays for a person to decide on.
            self.out.paragraph(&format!(
                "A draft of {what}, typed by {by}, was left unfinished. It stays as it is: open this assessment in a terminal to restore or discard it."
            ))?;
            self.app.update(Action::Close);
            self.app.message = None;
            return Ok(());
        }
        self.out.paragraph(&format!(
            "A draft of {what}, typed by {by}, was left unfinished when a session ended."
        ))?;
        self.out.line("It says:")?;
        self.out.text(&text)?;
        if more > 0 {
            self.out.line(&format!(
                "{} more after this one.",
                crate::text::count(more, "draft waits", "drafts wait")
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
    }
}
