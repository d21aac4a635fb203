//! The linear mode: the app as commands typed a line at a time and
//! answers said in plain lines, for screen readers, plain and serial
//! terminals, and scripts. No cursor movement, no colour, no box drawing,
//! not one escape sequence.
//!
//! It drives the same `App` and `Session` as the full-screen app: a
//! command becomes the app's `Action`s (or, for a text typed on the
//! command line, what typing it into the app's dialog would do), and the
//! session saves, locks, keeps drafts and history exactly as it does
//! there. `commands` is the table of commands, `ask` the questions the
//! app puts, `speak` the words.

mod ask;
pub mod commands;
pub mod speak;

use std::io::{self, BufRead, Write};
use std::path::PathBuf;

use self::commands::{COMMANDS, Verb};
use self::speak::Speaker;
use super::action::Action;
use super::app::{App, Effect, ExportRequest, LibraryRequest, MainView, Overlay, SaveState, Tone};
use super::layout::Pane;
use super::search::{self, Hit};
use super::session::Session;
use crate::model::assessment::Rating;
use crate::model::screener::Answer;
use crate::report::{Kind, Subject};
use crate::text;

/// Where a numbered item of the last list leads.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Link {
    Indicator(String),
    Section(String),
    Assessment(PathBuf),
}

pub struct Linear<'a> {
    app: &'a mut App,
    session: &'a mut Session,
    input: &'a mut dyn BufRead,
    out: Speaker<'a>,
    /// A person at a terminal, rather than a script: only a person is
    /// asked who they are, or what to do with a draft left behind.
    interactive: bool,
    /// The last numbered list (found items, a section's links, the
    /// library), for `go` and `open` with a number.
    links: Vec<Link>,
    /// A command failed: the exit status says so.
    failed: bool,
    /// The input has ended.
    ended: bool,
    /// The change count last said to be saved.
    reported: u64,
    /// The screener's stop was said already.
    ended_quietly: bool,
}

/// Runs the linear mode over `input` until `quit` or the input ends;
/// returns the exit status: 0 when every command worked, 1 when one did
/// not, or when the last changes could not be saved. `ask_who`: the
/// person has never said who they are (asked only of a person).
pub fn run(
    app: &mut App,
    session: &mut Session,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    interactive: bool,
    ask_who: bool,
) -> io::Result<u8> {
    let mut linear = Linear {
        app,
        session,
        input,
        out: Speaker::new(out),
        interactive,
        links: Vec::new(),
        failed: false,
        ended: false,
        reported: 0,
        ended_quietly: false,
    };
    linear.start(ask_who)?;
    while !linear.ended && !linear.app.quit {
        if linear.interactive {
            let prompt = linear.prompt();
            linear.out.line(&prompt)?;
        }
        let Some(line) = linear.read_line()? else {
            break;
        };
        linear.command(&line)?;
        linear.clear_views();
    }
    linear.finish()
}

impl Linear<'_> {
    fn start(&mut self, ask_who: bool) -> io::Result<()> {
        // What the app said while opening (a notice, a read-only reason)
        // is said after the heading.
        self.out
            .line("ietkit, linear mode. help lists the commands.")?;
        self.say_open()?;
        if ask_who && self.interactive {
            self.app.ask_who(true);
        }
        self.settle()
    }

    /// What is open, in a line or two; why it is read-only, unless the
    /// app says so itself just after.
    fn say_open(&mut self) -> io::Result<()> {
        let done = self
            .app
            .assessment
            .done(self.app.content.rubric.indicators().map(|(_, i)| i));
        let total = self.app.content.rubric.indicator_count();
        let what = if self.app.opened || self.session.path.is_some() {
            "Open"
        } else {
            "New assessment, not saved until something is given"
        };
        self.out.line(&format!(
            "{what}: {}. {done} of {total} indicators done.",
            speak::title(self.app)
        ))?;
        let said_after = self
            .app
            .message
            .as_ref()
            .is_some_and(|(m, _)| m.contains("read-only"));
        if let Some(reason) = self.app.read_only.as_ref().filter(|_| !said_after) {
            self.out
                .paragraph(&format!("Read-only: {}.", unkeyed(reason)))?;
        }
        Ok(())
    }

    /// The line that says ietkit waits for a command: where you are.
    fn prompt(&self) -> String {
        match self.app.selected_indicator() {
            Some(id) => format!("At {id}; command?"),
            None => "Command?".into(),
        }
    }

    /// A line of input, without its line end; `None` at the end of the
    /// input (or when the terminal is gone). A script's lines are said
    /// back, so that its output reads as a transcript.
    fn read_line(&mut self) -> io::Result<Option<String>> {
        self.out.flush()?;
        let mut bytes = Vec::new();
        let n = loop {
            match self.input.read_until(b'\n', &mut bytes) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                // A terminal that hung up reads as an error: the end.
                Err(_) => break 0,
            }
        };
        if n == 0 {
            self.ended = true;
            return Ok(None);
        }
        let Ok(line) = String::from_utf8(bytes) else {
            // Not text: a terminal set to another character set, or a
            // file that is not a script. Nothing of it is used.
            self.failed = true;
            self.out.paragraph(
                "A line was not UTF-8 text, and was left unread. Set the terminal (or the file) to UTF-8.",
            )?;
            return Ok(Some(String::new()));
        };
        let line = line.trim_end_matches(['\n', '\r']);
        // Arrow keys and the like arrive as escape sequences in a plain
        // terminal: they are not text.
        let line: String = form_clean(line);
        if !self.interactive {
            self.out.line(&format!("> {}", shortened(&line)))?;
        }
        Ok(Some(line))
    }

    /// Says the app's message, if any, in this mode's words.
    fn say_message(&mut self) -> io::Result<()> {
        if let Some((message, tone)) = self.app.message.take() {
            if tone == Tone::Warning {
                self.failed = true;
            }
            self.out.paragraph(&unkeyed(&message))?;
        }
        Ok(())
    }

    /// "Saved." once, after what was asked is kept and saved.
    fn say_saved(&mut self) -> io::Result<()> {
        // Another assessment opened counts its changes from nought.
        if self.app.changes < self.reported {
            self.reported = 0;
        }
        if self.app.changes > self.reported && matches!(self.app.save, SaveState::Saved(_)) {
            self.reported = self.app.changes;
            self.out.line("Saved.")?;
        }
        Ok(())
    }

    /// After a command, views the full-screen app would show are closed:
    /// each command starts from the panes.
    fn clear_views(&mut self) {
        self.app.overlays.clear();
    }

    fn finish(&mut self) -> io::Result<u8> {
        let unsaved = matches!(self.app.save, SaveState::Failed(_));
        if unsaved && let SaveState::Failed(reason) = &self.app.save {
            let reason = reason.clone();
            self.out.paragraph(&format!(
                "NOT SAVED: the latest changes could not be saved ({}).",
                text::aside(&reason)
            ))?;
        } else if self.interactive {
            self.out.line("Stopped; everything is saved.")?;
        }
        self.out.flush()?;
        // A person's slips along the way are not a failure of the session;
        // a script's are.
        Ok(u8::from(unsaved || (self.failed && !self.interactive)))
    }

    /// Says a mistake and counts it against the exit status.
    fn refuse(&mut self, message: &str) -> io::Result<()> {
        self.failed = true;
        self.out.paragraph(message)
    }

    fn command(&mut self, line: &str) -> io::Result<()> {
        let line = line.trim();
        if line.is_empty() {
            return Ok(());
        }
        if let Some(level) = self.level_named(line) {
            return self.rate(level);
        }
        let (word, rest) = match line.split_once(char::is_whitespace) {
            Some((w, r)) => (w, r.trim()),
            None => (line, ""),
        };
        let Some(c) = commands::lookup(word) else {
            // An indicator's id alone goes to it.
            if rest.is_empty() && self.app.content.locate(&word.to_uppercase()).is_some() {
                return self.go_to(word);
            }
            return self.unknown(word);
        };
        match c.verb {
            Verb::Where => self.where_(),
            Verb::Next => self.step(true),
            Verb::Prev => self.step(false),
            Verb::Go => self.go(rest),
            Verb::List => self.list(rest),
            Verb::Find => self.find(rest),
            Verb::Show => self.show(rest),
            Verb::Toolkit => self.toolkit(rest),
            Verb::Levels => self.levels(),
            Verb::Rate => match self.level_named(rest) {
                Some(level) => self.rate(level),
                None => {
                    let span = self.scale_span();
                    self.refuse(&format!(
                        "rate needs a level: {span}, or a level's name. levels says what each means."
                    ))
                }
            },
            Verb::NotApplicable => self.not_applicable(rest),
            Verb::Unsure => self.unsure(),
            Verb::Note => self.note(rest),
            Verb::Notes => self.notes(),
            Verb::Evidence => self.item(rest, Action::AddEvidence),
            Verb::ActionItem => self.item(rest, Action::AddAction),
            Verb::Profile => {
                self.app.update(Action::EditProfile);
                self.settle()
            }
            Verb::Summary => self.summary(rest),
            Verb::Screen => self.screen(),
            Verb::Export => self.export(rest),
            Verb::Compare => self.compare(rest),
            Verb::Rollup => self.rollup(rest),
            Verb::Library => self.library(),
            Verb::Open => self.open(rest),
            Verb::New => {
                self.app.effects.push(Effect::Library(LibraryRequest::New));
                self.settle()
            }
            Verb::NextCycle => self.next_cycle(),
            Verb::Who => self.who(rest),
            Verb::Log => self.log(),
            Verb::Help => self.help(rest),
            Verb::Quit => {
                self.app.update(Action::Quit);
                self.settle()
            }
        }
    }

    // ----- moving ----------------------------------------------------------

    fn where_(&mut self) -> io::Result<()> {
        self.say_open()?;
        match &self.session.path {
            Some(path) => {
                let name = path
                    .file_stem()
                    .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
                self.out.line(&format!("File: {name}."))?;
            }
            None => self
                .out
                .line("No file yet: it gets one at its first change.")?,
        }
        match self.app.selected_indicator() {
            Some(id) => {
                let at = speak::position(self.app, &id);
                self.out.paragraph(&format!("At {at}"))
            }
            None => self
                .out
                .line("No indicator chosen yet: next goes to the first still to rate."),
        }
    }

    /// The indicator to work on, or a refusal that says how to choose one.
    fn current(&mut self, command: &str) -> io::Result<Option<String>> {
        match self.app.selected_indicator() {
            Some(id) => Ok(Some(id)),
            None => {
                self.refuse(&format!(
                    "{command} works on an indicator: go PD-1 chooses one, next the first still to rate."
                ))?;
                Ok(None)
            }
        }
    }

    fn step(&mut self, forward: bool) -> io::Result<()> {
        let before = self.app.selected_indicator();
        self.app.update(if forward {
            Action::NextOpenItem
        } else {
            Action::PrevOpenItem
        });
        let after = self.app.selected_indicator();
        if after.is_none() || (after == before && self.app.message.is_some()) {
            // Every indicator done: the app says so.
            return self.settle();
        }
        self.app.message = None;
        let ids = self.app.content.indicator_ids();
        let at_ =
            |id: &Option<String>| id.as_deref().and_then(|i| ids.iter().position(|x| *x == i));
        let (from, to) = (at_(&before), at_(&after));
        if let (Some(from), Some(to)) = (from, to)
            && ((forward && to <= from) || (!forward && to >= from))
        {
            self.out.line(if forward {
                "Round from the end to the start."
            } else {
                "Round from the start to the end."
            })?;
        }
        let at = speak::position(self.app, after.as_deref().unwrap_or_default());
        self.out.paragraph(&at)
    }

    fn go(&mut self, rest: &str) -> io::Result<()> {
        if rest.is_empty() {
            return self.refuse(
                "go needs an indicator id such as PD-3, or a number from the last list; list shows the indicators.",
            );
        }
        if let Ok(k) = rest.parse::<usize>() {
            return match k.checked_sub(1).and_then(|i| self.links.get(i)).cloned() {
                Some(Link::Indicator(id)) => self.go_to(&id),
                Some(Link::Section(id)) => self.read_section(&id),
                Some(Link::Assessment(path)) => self.open_path(&path),
                None if self.links.is_empty() => self.refuse(
                    "go and a number follows an item of the last numbered list: find, toolkit or library make one.",
                ),
                None => {
                    let n = self.links.len();
                    self.refuse(&format!("The last list runs from 1 to {n}."))
                }
            };
        }
        self.go_to(rest)
    }

    /// Goes to an indicator named by its id, in capitals or not.
    fn go_to(&mut self, typed: &str) -> io::Result<()> {
        let ids: Vec<String> = self
            .app
            .content
            .indicator_ids()
            .into_iter()
            .map(str::to_string)
            .collect();
        // "PD3" for "PD-3": the dash is easy to leave out.
        let dashed = match typed.find(|c: char| c.is_ascii_digit()) {
            Some(at) if at > 0 && !typed.contains('-') => {
                format!("{}-{}", &typed[..at], &typed[at..])
            }
            _ => typed.to_string(),
        };
        let Some(id) = ids
            .iter()
            .find(|i| i.eq_ignore_ascii_case(typed) || i.eq_ignore_ascii_case(&dashed))
            .cloned()
        else {
            let close = text::close_matches(&typed.to_uppercase(), &ids, 3);
            let hint = match close.as_slice() {
                [] => String::new(),
                [one] => format!(" Did you mean {one}?"),
                more => format!(" Did you mean {}?", more.join(" or ")),
            };
            return self.refuse(&format!(
                "There is no indicator {typed}.{hint} list shows them."
            ));
        };
        self.app.show_indicator(&id);
        let at = speak::position(self.app, &id);
        self.out.paragraph(&at)
    }

    /// A category named by its letters, its number or a word of its name.
    fn category_named(&self, typed: &str) -> Option<usize> {
        let cats = &self.app.content.rubric.categories;
        let t = typed.trim().to_lowercase();
        if let Ok(k) = t.parse::<usize>() {
            return (1..=cats.len()).contains(&k).then(|| k - 1);
        }
        cats.iter()
            .position(|c| c.id.to_lowercase() == t)
            .or_else(|| {
                cats.iter()
                    .position(|c| c.name.to_lowercase().contains(&t) && !t.is_empty())
            })
    }

    fn list(&mut self, rest: &str) -> io::Result<()> {
        let c = if rest.is_empty() {
            match self.app.main {
                MainView::Checklist(c) => Some(c),
                _ => None,
            }
        } else {
            match self.category_named(rest) {
                Some(c) => Some(c),
                None => {
                    return self.refuse(&format!(
                        "There is no category {rest}. list alone names the categories."
                    ));
                }
            }
        };
        let summary = crate::model::scoring::score(&self.app.content.rubric, &self.app.assessment);
        let Some(c) = c else {
            self.out.line(&format!(
                "{} categories; list and a category's letters or number lists its indicators.",
                summary.categories.len()
            ))?;
            let lines: Vec<String> = summary
                .categories
                .iter()
                .enumerate()
                .map(|(k, s)| {
                    format!(
                        "{} {}, {}: {} of {} done; {}.",
                        k + 1,
                        s.category.id,
                        s.category.name,
                        s.tally.total - s.tally.unrated,
                        s.tally.total,
                        speak::tally_words(&s.tally)
                    )
                })
                .collect();
            for l in lines {
                self.out.line(&l)?;
            }
            return Ok(());
        };
        let score = &summary.categories[c];
        let heading = format!(
            "{} {}: {}; {}.",
            score.category.id,
            score.category.name,
            text::count(score.tally.total, "indicator", "indicators"),
            speak::tally_words(&score.tally)
        );
        let rows: Vec<String> = score
            .category
            .indicators
            .iter()
            .map(|i| {
                format!(
                    "{}, {}. {}",
                    i.id,
                    text::aside(&i.title),
                    speak::rating_sentence(self.app, self.app.assessment.response(&i.id))
                )
            })
            .collect();
        self.out.line(&heading)?;
        for r in rows {
            self.out.line(&r)?;
        }
        Ok(())
    }

    fn find(&mut self, rest: &str) -> io::Result<()> {
        if rest.is_empty() {
            return self.refuse("find needs words to look for: find employer.");
        }
        let hits = search::find(&self.app.content, rest);
        if hits.is_empty() {
            return self.refuse(&format!("No indicator or toolkit section mentions {rest}."));
        }
        self.out.line(&format!(
            "{} for {rest}; go and a number goes to one.",
            text::count(hits.len(), "match", "matches")
        ))?;
        self.links.clear();
        for (k, hit) in hits.into_iter().enumerate() {
            let line = match &hit {
                Hit::Indicator(id) => match self.app.content.rubric.indicator(id) {
                    Some((_, i)) => format!("{} {id}, {}.", k + 1, text::aside(&i.title)),
                    None => format!("{} {id}.", k + 1),
                },
                Hit::Section(id) => match self.app.content.toolkit.section(id) {
                    Some(s) => format!("{} Toolkit: {}.", k + 1, text::aside(&s.title)),
                    None => format!("{} Toolkit.", k + 1),
                },
            };
            self.out.line(&line)?;
            self.links.push(match hit {
                Hit::Indicator(id) => Link::Indicator(id),
                Hit::Section(id) => Link::Section(id),
            });
        }
        Ok(())
    }

    // ----- reading ---------------------------------------------------------

    fn show(&mut self, rest: &str) -> io::Result<()> {
        if !rest.is_empty() {
            let before = self.app.selected_indicator();
            self.go_to(rest)?;
            if self.app.selected_indicator() == before
                && !before.is_some_and(|b| b.eq_ignore_ascii_case(rest))
            {
                return Ok(());
            }
        } else if self.current("show")?.is_none() {
            return Ok(());
        }
        let Some(id) = self.app.selected_indicator() else {
            return Ok(());
        };
        let Some((_, ind)) = self.app.content.rubric.indicator(&id) else {
            return Ok(());
        };
        let ind = ind.clone();
        if rest.is_empty() {
            let at = speak::position(self.app, &id);
            self.out.paragraph(&at)?;
        }
        self.out.paragraph(&ind.description)?;
        self.out.line("What each level looks like:")?;
        let levels = self.app.content.rubric.scale.levels.clone();
        for (level, looks) in levels.iter().zip(&ind.levels) {
            self.out
                .paragraph(&format!("{}, {}: {looks}", level.value, level.name))?;
        }
        if !ind.evidence.is_empty() {
            self.out.paragraph(&format!(
                "Evidence a team could show: {}.",
                ind.evidence
                    .iter()
                    .map(|e| text::aside(e))
                    .collect::<Vec<_>>()
                    .join("; ")
            ))?;
        }
        if !ind.cite.is_empty() {
            self.out
                .line(&format!("Federal rules: {}.", ind.cite.join("; ")))?;
        }
        let response = self.app.assessment.response(&id).cloned();
        let notes = response.as_ref().map_or("", |r| r.notes.as_str());
        if notes.trim().is_empty() {
            self.out.line("No notes.")?;
        } else {
            self.out.line("Notes:")?;
            self.out.text(notes)?;
        }
        let evidence = response.as_ref().map_or(&[][..], |r| r.evidence.as_slice());
        if evidence.is_empty() {
            self.out.line("No evidence items.")?;
        }
        for (k, e) in evidence.iter().enumerate() {
            self.out.paragraph(&speak::evidence_line(k + 1, e))?;
        }
        let actions = response.as_ref().map_or(&[][..], |r| r.actions.as_slice());
        if actions.is_empty() {
            self.out.line("No action items.")?;
        }
        for (k, a) in actions.iter().enumerate() {
            self.out.paragraph(&speak::action_line(k + 1, a))?;
        }
        Ok(())
    }

    fn toolkit(&mut self, rest: &str) -> io::Result<()> {
        let walk: Vec<(usize, String, String)> = self
            .app
            .content
            .toolkit
            .walk()
            .into_iter()
            .map(|(depth, s)| (depth, s.id.clone(), s.title.clone()))
            .collect();
        if rest.is_empty() {
            self.out.line(&format!(
                "{}: {}; toolkit and a number reads one.",
                text::aside(&self.app.content.toolkit.title),
                text::count(walk.len(), "section", "sections")
            ))?;
            self.links.clear();
            let mut parent = String::new();
            for (k, (depth, id, title)) in walk.iter().enumerate() {
                let line = if *depth == 0 {
                    parent.clone_from(title);
                    format!("{} {}.", k + 1, text::aside(title))
                } else {
                    format!(
                        "{} {}, in {}.",
                        k + 1,
                        text::aside(title),
                        text::aside(&parent)
                    )
                };
                self.out.line(&line)?;
                self.links.push(Link::Section(id.clone()));
            }
            return Ok(());
        }
        let wanted = rest.to_lowercase();
        let found = match rest.parse::<usize>() {
            Ok(k) => k.checked_sub(1).and_then(|i| walk.get(i)),
            Err(_) => walk
                .iter()
                .find(|(_, _, t)| t.to_lowercase().contains(&wanted)),
        };
        match found.map(|(_, id, _)| id.clone()) {
            Some(id) => self.read_section(&id),
            None => self.refuse(&format!(
                "No toolkit section is {rest}: toolkit alone lists them, 1 to {}.",
                walk.len()
            )),
        }
    }

    /// Reads a toolkit section; its parts and the indicators it links to
    /// are numbered for go.
    fn read_section(&mut self, id: &str) -> io::Result<()> {
        let Some(s) = self.app.content.toolkit.section(id).cloned() else {
            return self.refuse("That toolkit section is not in the toolkit in use.");
        };
        self.out
            .line(&format!("Toolkit: {}.", text::aside(&s.title)))?;
        for p in &s.body {
            match p.strip_prefix("- ") {
                Some(item) => self.out.line(item)?,
                None => self.out.paragraph(p)?,
            }
        }
        if !s.resources.is_empty() {
            self.out
                .line("Where to find it (ietkit fetches nothing; open these on any device):")?;
            for r in &s.resources {
                self.out.paragraph(&format!(
                    "{}, from {}: {}",
                    text::aside(&r.name),
                    text::aside(&r.publisher),
                    r.purpose
                ))?;
                self.out.line(&format!("Address: {}", r.address))?;
            }
        }
        let mut links = Vec::new();
        let mut lines = Vec::new();
        for sub in &s.sections {
            lines.push(format!(
                "{} Part: {}.",
                links.len() + 1,
                text::aside(&sub.title)
            ));
            links.push(Link::Section(sub.id.clone()));
        }
        for ind in &s.links {
            let title = self
                .app
                .content
                .rubric
                .indicator(ind)
                .map_or(String::new(), |(_, i)| {
                    format!(", {}", text::aside(&i.title))
                });
            lines.push(format!("{} Indicator {ind}{title}.", links.len() + 1));
            links.push(Link::Indicator(ind.clone()));
        }
        if !links.is_empty() {
            self.out.line("Links; go and a number follows one:")?;
            for l in lines {
                self.out.line(&l)?;
            }
            self.links = links;
        }
        Ok(())
    }

    fn levels(&mut self) -> io::Result<()> {
        let scale = self.app.content.rubric.scale.clone();
        self.out
            .line(&format!("The scale runs {}.", self.scale_span()))?;
        for l in &scale.levels {
            self.out
                .paragraph(&format!("{}, {}: {}", l.value, l.name, l.meaning))?;
        }
        self.out.paragraph(&format!(
            "{}: {} na and the reason marks it.",
            scale.not_applicable.name,
            scale.not_applicable.meaning.trim_end()
        ))?;
        self.out.paragraph(&format!(
            "{}: {} unsure marks it.",
            scale.unsure.name,
            scale.unsure.meaning.trim_end()
        ))
    }

    fn scale_span(&self) -> String {
        crate::store::assessment_file::scale_span(&self.app.content.rubric.scale.values())
    }

    // ----- rating ----------------------------------------------------------

    /// The level a line names: its number, or its name in capitals or not.
    fn level_named(&self, typed: &str) -> Option<u8> {
        let t = typed.trim().to_lowercase();
        let levels = &self.app.content.rubric.scale.levels;
        levels
            .iter()
            .find(|l| l.value.to_string() == t || l.name.to_lowercase() == t)
            .map(|l| l.value)
            .or_else(|| {
                // A digit the scale does not have still reads as a rating,
                // for the app to refuse in its words.
                t.parse::<u8>().ok().filter(|_| t.len() == 1)
            })
    }

    /// Whether the app refused a change: read-only, or a level it has not.
    fn refused(&mut self) -> io::Result<bool> {
        if let Some((_, Tone::Warning)) = &self.app.message {
            self.settle()?;
            return Ok(true);
        }
        Ok(false)
    }

    /// "Saved." after a change the command says itself (once said, not
    /// again); empty when it was not (the app says why).
    fn saved(&mut self) -> &'static str {
        match &self.app.save {
            SaveState::Saved(_) => {
                self.reported = self.app.changes;
                "Saved."
            }
            _ => "",
        }
    }

    fn rate(&mut self, level: u8) -> io::Result<()> {
        let Some(id) = self.current("Rating")? else {
            return Ok(());
        };
        self.app.update(Action::Rate(level));
        if self.refused()? {
            return Ok(());
        }
        self.session.apply(self.app);
        let words = speak::level_words(self.app, level);
        let saved = self.saved();
        self.out.line(&format!("{id} rated {words}. {saved}"))?;
        self.settle()
    }

    fn not_applicable(&mut self, reason: &str) -> io::Result<()> {
        let Some(id) = self.current("na")? else {
            return Ok(());
        };
        if reason.is_empty() && !self.interactive {
            // A script's next line is its next command, never the reason.
            return self.refuse(&format!(
                "na needs the reason on the same line in a script: na Does not apply because ... ({id} is unchanged)."
            ));
        }
        self.app.update(Action::NotApplicable);
        if self.refused()? {
            return Ok(());
        }
        if reason.is_empty() {
            // Asked for, as the app asks: until given, or stopped.
            while matches!(self.app.overlays.last(), Some(Overlay::Prompt(_))) && !self.ended {
                self.ask_prompt()?;
            }
        } else {
            self.type_into_prompt(reason);
            self.submit_prompt()?;
        }
        // Said below, with the reason.
        self.app.message = None;
        self.session.apply(self.app);
        if let Some(Rating::NotApplicable { reason }) =
            self.app.assessment.response(&id).map(|r| r.rating.clone())
        {
            let saved = self.saved();
            self.out.line(&format!(
                "{id} marked not applicable: {}. {saved}",
                text::aside(&reason)
            ))?;
        }
        self.settle()
    }

    fn unsure(&mut self) -> io::Result<()> {
        let Some(id) = self.current("unsure")? else {
            return Ok(());
        };
        self.app.update(Action::ToggleUnsure);
        if self.refused()? {
            return Ok(());
        }
        self.app.message = None;
        self.session.apply(self.app);
        let now = self.app.assessment.response(&id).is_some_and(|r| r.unsure);
        let saved = self.saved();
        self.out.line(&if now {
            format!("{id} marked unsure; next and prev stop at it. {saved}")
        } else {
            format!("{id} no longer marked unsure. {saved}")
        })?;
        self.settle()
    }

    /// Opens the indicator's detail and does `action` in it (notes,
    /// evidence, an action item), as its keys would.
    fn in_detail(&mut self, id: &str, action: Action) {
        self.app.overlays.push(Overlay::Detail {
            indicator: id.to_string(),
            cursor: 0,
            scroll: 0,
        });
        self.app.update(action);
    }

    fn note(&mut self, text_: &str) -> io::Result<()> {
        if text_.is_empty() {
            return self.refuse(
                "note needs the text to add: note Partners met in May. notes writes several lines.",
            );
        }
        let Some(id) = self.current("note")? else {
            return Ok(());
        };
        self.in_detail(&id, Action::EditNotes);
        if self.refused()? {
            return Ok(());
        }
        if let Some(Overlay::Editor(e)) = self.app.overlays.last_mut() {
            let before = e.text();
            let joined = if before.is_empty() {
                text_.to_string()
            } else {
                format!("{before}\n{text_}")
            };
            e.area = super::form::multi_line(&super::form::clean_input(&joined, true));
        }
        self.app.update(Action::Submit);
        self.app.message = None;
        self.session.apply(self.app);
        let saved = self.saved();
        self.out.line(&format!("Note added to {id}. {saved}"))?;
        self.settle()
    }

    fn notes(&mut self) -> io::Result<()> {
        let Some(id) = self.current("notes")? else {
            return Ok(());
        };
        self.in_detail(&id, Action::EditNotes);
        if self.refused()? {
            return Ok(());
        }
        let before = self
            .app
            .assessment
            .response(&id)
            .map(|r| r.notes.clone())
            .unwrap_or_default();
        if !before.trim().is_empty() {
            self.out.line(&format!(
                "The notes for {id} now, which what you type replaces:"
            ))?;
            self.out.text(&before)?;
        }
        if let Some(Overlay::Editor(e)) = self.app.overlays.last_mut() {
            e.area = super::form::multi_line("");
        }
        self.settle()
    }

    /// `evidence` or `action`: with the parts on the line, kept at once;
    /// alone, asked part by part.
    fn item(&mut self, rest: &str, action: Action) -> io::Result<()> {
        let name = if action == Action::AddEvidence {
            "evidence"
        } else {
            "action"
        };
        let Some(id) = self.current(name)? else {
            return Ok(());
        };
        if rest.is_empty() && !self.interactive {
            let parts = if action == Action::AddEvidence {
                "WHAT; WHERE; WHO; DATE"
            } else {
                "WHAT; OWNER; DUE"
            };
            return self.refuse(&format!(
                "{name} needs its parts on the same line in a script: {name} {parts} (nothing was added)."
            ));
        }
        self.in_detail(&id, action);
        if self.refused()? {
            return Ok(());
        }
        if rest.is_empty() {
            return self.settle();
        }
        let parts: Vec<&str> = rest.split(';').map(str::trim).collect();
        let Some(Overlay::Form(f)) = self.app.overlays.last_mut() else {
            return Ok(());
        };
        let texts: Vec<usize> = (0..f.fields.len())
            .filter(|&k| matches!(f.fields[k].value, super::form::FieldValue::Text(_)))
            .collect();
        if parts.len() > texts.len() {
            let labels: Vec<&str> = texts.iter().map(|&k| f.fields[k].label).collect();
            self.app.overlays.clear();
            return self.refuse(&format!(
                "{name} takes at most {} parts, separated by semicolons: {}. Nothing was added.",
                texts.len(),
                labels.join("; ")
            ));
        }
        for (k, part) in texts.iter().zip(&parts) {
            if let super::form::FieldValue::Text(t) = &mut f.fields[*k].value {
                **t = super::form::one_line(&super::form::clean_input(part, false));
            }
        }
        self.app.update(Action::Submit);
        if let Some(Overlay::Form(f)) = self.app.overlays.last_mut() {
            // A script's next line is its next command, never a second try.
            let e = f.error.take().unwrap_or_default();
            self.app.overlays.clear();
            return self.refuse(&format!("Nothing was added: {e}"));
        }
        self.app.message = None;
        self.session.apply(self.app);
        let saved = self.saved();
        let what = if action == Action::AddEvidence {
            "Evidence"
        } else {
            "Action item"
        };
        self.out.line(&format!("{what} added to {id}. {saved}"))?;
        self.settle()
    }

    // ----- the whole assessment ---------------------------------------------

    fn summary(&mut self, rest: &str) -> io::Result<()> {
        let explain = match rest.to_lowercase().as_str() {
            "" => false,
            "explain" | "e" => true,
            _ => return self.refuse("summary takes one word, explain, or none."),
        };
        let rubric = &self.app.content.rubric;
        let a = &self.app.assessment;
        let summary = crate::model::scoring::score(rubric, a);
        let mut lines = vec![format!("Summary of {}.", speak::title(self.app))];
        for c in &summary.categories {
            lines.push(format!(
                "{}: {}.",
                c.category.name,
                speak::tally_words(&c.tally)
            ));
        }
        lines.push(format!(
            "All categories: {}.",
            speak::tally_words(&summary.overall)
        ));
        let open: usize = a.responses.iter().map(|r| r.open_actions()).sum();
        lines.push(crate::report::done_line(&summary.overall, open));
        // What each mean rests on, in words a listener can follow.
        let explained: Vec<String> = if explain {
            summary
                .categories
                .iter()
                .map(|c| {
                    let mut rated = Vec::new();
                    let mut out = Vec::new();
                    for item in &c.items {
                        match item.rating {
                            Rating::Level(v) => rated.push(format!("{} at {v}", item.indicator.id)),
                            Rating::NotApplicable { .. } => {
                                out.push(format!("{} not applicable", item.indicator.id))
                            }
                            Rating::Unrated => out.push(format!("{} not rated", item.indicator.id)),
                        }
                    }
                    let mut s = match c.tally.mean() {
                        Some(m) => format!(
                            "{}: mean {m:.2}, the average of {}: {}.",
                            c.category.name,
                            text::count(rated.len(), "rated indicator", "rated indicators"),
                            rated.join(", ")
                        ),
                        None => format!("{}: no mean yet, nothing rated.", c.category.name),
                    };
                    if !out.is_empty() {
                        s.push_str(&format!(" Not counted: {}.", out.join(", ")));
                    }
                    s
                })
                .collect()
        } else {
            Vec::new()
        };
        for l in lines {
            self.out.paragraph(&l)?;
        }
        self.verdicts(false)?;
        if explain {
            self.out.line("How each score was worked out:")?;
            for l in explained {
                self.out.line(&l)?;
            }
        } else {
            self.out
                .line("summary explain says what each score was worked out from.")?;
        }
        Ok(())
    }

    /// Both verdicts of the screener; `full` with why and what to do.
    fn verdicts(&mut self, full: bool) -> io::Result<()> {
        let screener = self.app.content.screener.clone();
        let outcome = screener.evaluate(&self.app.assessment.screener);
        let answered = screener
            .questions
            .iter()
            .filter(|q| self.app.assessment.screener.contains_key(&q.id))
            .count();
        self.out.line(&format!(
            "Is this an IET? {answered} of {} answered.",
            text::count(screener.questions.len(), "question", "questions")
        ))?;
        for v in &outcome.verdicts {
            self.out
                .line(&format!("{}: {}.", v.standard.name, v.kind.label()))?;
            if !full {
                continue;
            }
            self.out.paragraph(v.meaning)?;
            for q in &v.failed {
                self.out
                    .paragraph(&format!("Not yet: {} {}", q.prompt, q.if_no))?;
            }
            for q in &v.open {
                self.out.paragraph(&format!("Still open: {}", q.prompt))?;
            }
        }
        if full {
            for q in &outcome.advice {
                self.out.paragraph(&format!(
                    "Good practice to look at: {} {}",
                    q.prompt, q.if_no
                ))?;
            }
        }
        Ok(())
    }

    fn screen(&mut self) -> io::Result<()> {
        let questions = self.app.content.screener.questions.clone();
        let n = questions.len();
        self.out.paragraph(&format!(
            "Is this an IET? {} One at a time: answer yes, no or not sure; why explains a question; Enter keeps the answer given before; cancel stops.",
            text::count(n, "question.", "questions.")
        ))?;
        let was = (self.app.main.clone(), self.app.focus, self.app.checklist);
        self.app.main = MainView::Screener;
        self.app.focus = Pane::Main;
        let mut stopped = false;
        'questions: for (k, q) in questions.iter().enumerate() {
            let group = q.group.label();
            let now = self
                .app
                .assessment
                .screener
                .get(&q.id)
                .map(|a| format!(" Now: {}.", a.label()))
                .unwrap_or_default();
            self.out.paragraph(&format!(
                "Question {} of {n}, {group}: {}{now}",
                k + 1,
                q.prompt
            ))?;
            loop {
                let Some(a) = self.read_line()? else {
                    stopped = true;
                    break 'questions;
                };
                let answer = match a.trim().to_lowercase().as_str() {
                    "" => break,
                    "y" | "yes" => Answer::Yes,
                    "n" | "no" => Answer::No,
                    "not sure" | "notsure" | "unsure" | "u" | "?" | "ns" => Answer::NotSure,
                    "why" => {
                        self.out.paragraph(&q.why)?;
                        if !q.cite.is_empty() {
                            self.out.line(&format!("Rule: {}.", q.cite.join("; ")))?;
                        }
                        continue;
                    }
                    w if w == ask::CANCEL => {
                        stopped = true;
                        break 'questions;
                    }
                    _ if !self.interactive => {
                        self.failed = true;
                        self.out.paragraph(&format!(
                            "Expected yes, no or not sure; the screener stops here, the answers given kept. The line \"{}\" was not used.",
                            shortened(&a)
                        ))?;
                        // Said just now: not again below.
                        self.ended_quietly = true;
                        stopped = true;
                        break 'questions;
                    }
                    _ => {
                        self.out
                            .line("Answer yes, no or not sure; why explains the question.")?;
                        continue;
                    }
                };
                self.app.question = k;
                self.app.update(Action::Answer(answer));
                if self.refused()? {
                    stopped = true;
                    break 'questions;
                }
                self.app.message = None;
                self.session.apply(self.app);
                self.say_message()?;
                // Said once, at the end.
                break;
            }
        }
        (self.app.main, self.app.focus, self.app.checklist) = was;
        if stopped && !self.ended && !std::mem::take(&mut self.ended_quietly) {
            self.out
                .line("Screener stopped; the answers given are kept.")?;
        }
        self.verdicts(true)?;
        self.say_saved()
    }

    fn export(&mut self, rest: &str) -> io::Result<()> {
        let mut words = rest.splitn(2, char::is_whitespace);
        let format = words.next().unwrap_or("").to_lowercase();
        let file = words.next().unwrap_or("").trim();
        let kind = match format.as_str() {
            "md" | "markdown" => Kind::Markdown,
            "csv" => Kind::Csv,
            "csv-actions" | "actions" => Kind::CsvActions,
            "csv-screener" | "screener" => Kind::CsvScreener,
            "html" => Kind::Html,
            "json" => Kind::Json,
            "" => {
                return self.refuse(
                    "export needs a format and a file: export md report.md. The formats are md, csv, csv-actions, csv-screener, html and json.",
                );
            }
            other => {
                return self.refuse(&format!(
                    "ietkit does not write {other}: the formats are md, csv, csv-actions, csv-screener, html and json. An html report prints to PDF from a web browser."
                ));
            }
        };
        let path = if file.is_empty() {
            let subject = Subject::new(
                &self.app.content.rubric,
                &self.app.content.screener,
                &self.app.assessment,
            );
            self.app.export_dir.join(subject.file_name(kind))
        } else {
            PathBuf::from(file)
        };
        self.app.effects.push(Effect::Export(ExportRequest {
            kind,
            path,
            replace: false,
        }));
        self.settle()
    }

    /// The assessments `rest` names: library names and file names as
    /// typed, numbers as items of the last library list; `None` (said) when
    /// a number is not one.
    fn assessments_named(&mut self, rest: &str) -> io::Result<Option<Vec<String>>> {
        let mut names = Vec::new();
        for word in rest.split_whitespace() {
            match word.parse::<usize>() {
                Ok(k) => match k.checked_sub(1).and_then(|i| self.links.get(i)) {
                    // Its library name: what the lines say it by.
                    Some(Link::Assessment(path)) => names.push(path.file_stem().map_or_else(
                        || path.display().to_string(),
                        |s| s.to_string_lossy().into_owned(),
                    )),
                    _ => {
                        self.refuse(&format!(
                            "{word} is not a number in the last library list; library lists them."
                        ))?;
                        return Ok(None);
                    }
                },
                Err(_) => names.push(word.to_string()),
            }
        }
        Ok(Some(names))
    }

    fn compare(&mut self, rest: &str) -> io::Result<()> {
        let Some(names) = self.assessments_named(rest)? else {
            return Ok(());
        };
        if !(2..=6).contains(&names.len()) {
            return self.refuse(
                "compare needs two to six library names or file names; library lists them.",
            );
        }
        let rubric = self.app.content.rubric.clone();
        let loaded =
            match crate::cli::read_assessments_from(self.session.library.as_ref(), &names, &rubric)
            {
                Ok(l) => l,
                Err(e) => return self.refuse(&unkeyed(&e)),
            };
        let all: Vec<&crate::model::assessment::Assessment> =
            loaded.iter().map(|(_, a)| a).collect();
        let order = crate::model::comparison::column_order(&all);
        let views: Vec<&crate::model::assessment::Assessment> =
            order.iter().map(|&i| all[i]).collect();
        let c = crate::model::comparison::compare(&rubric, &views);
        let labels = c.labels.clone();
        self.out.line(&format!(
            "Side by side, in this order: {}.",
            labels.join(", then ")
        ))?;
        self.out.line(&format!(
            "{} of {} differ.",
            c.differing(),
            text::count(c.rows.len(), "indicator", "indicators")
        ))?;
        let partners = c.kind == crate::model::comparison::Kind::Partners;
        for row in &c.rows {
            let cells: Vec<String> = labels
                .iter()
                .zip(&row.cells)
                .map(|(l, cell)| format!("{l} {}", cell_words(*cell)))
                .collect();
            let change = match (partners, row.change()) {
                (true, _) if row.differs() => "; they differ".to_string(),
                (false, crate::model::comparison::Change::Up(d)) => format!("; up {d}"),
                (false, crate::model::comparison::Change::Down(d)) => format!("; down {d}"),
                _ => String::new(),
            };
            self.out.line(&format!(
                "{}, {}: {}{change}.",
                row.id,
                text::aside(&row.title),
                cells.join("; ")
            ))?;
        }
        Ok(())
    }

    fn rollup(&mut self, rest: &str) -> io::Result<()> {
        let Some(names) = self.assessments_named(rest)? else {
            return Ok(());
        };
        let today = crate::model::timestamp::Timestamp::now().date();
        let r = match crate::cli::roll_up_sources(
            self.session.library.as_ref(),
            &names,
            &self.app.content.rubric,
            &self.app.content.screener,
            None,
            today,
        ) {
            Ok(r) => r,
            Err(e) => return self.refuse(&unkeyed(&e)),
        };
        use crate::model::rollup::{Order, program_label};
        use crate::report::rollup as report;
        self.out.line(&format!("{}.", report::heading(&r)))?;
        if r.programs.is_empty() {
            return self.out.line("No assessment could be rolled up.");
        }
        self.out.line(&report::files_line(&r))?;
        self.out.line("By category:")?;
        let bands = r.band_labels();
        for c in &r.categories {
            let spread: Vec<String> = bands
                .iter()
                .zip(&c.bands)
                .filter(|(_, n)| **n > 0)
                .map(|(b, n)| {
                    let place = if b.parse::<u8>().is_ok() {
                        format!("at {b}")
                    } else if let Some(top) = b.strip_prefix('<') {
                        format!("below {top}")
                    } else {
                        format!("from {}", b.replace(" to <", " to under "))
                    };
                    format!("{} {place}", text::count(*n, "program", "programs"))
                })
                .collect();
            let mean = match c.mean {
                Some(m) => format!("mean {m:.2}"),
                None => "no mean yet".into(),
            };
            self.out.line(&format!(
                "{}: {mean}; by their own mean, {}.",
                c.name,
                if spread.is_empty() {
                    "none rated".to_string()
                } else {
                    spread.join(", ")
                }
            ))?;
        }
        self.out.line("By indicator, weakest mean first:")?;
        for i in r.order(Order::Weakest) {
            let row = &r.indicators[i];
            let mut parts: Vec<String> = r
                .levels
                .iter()
                .zip(&row.levels)
                .filter(|(_, n)| **n > 0)
                .map(|((v, name), n)| format!("{n} at {v} {name}"))
                .collect();
            for (n, what) in [
                (row.not_applicable, "not applicable"),
                (row.unrated, "not rated"),
                (row.unsure, "unsure"),
            ] {
                if n > 0 {
                    parts.push(format!("{n} {what}"));
                }
            }
            let mean = match row.mean {
                Some(m) => format!("mean {m:.2}"),
                None => "no mean".into(),
            };
            self.out.line(&format!(
                "{}, {}: {mean}; {}.",
                row.id,
                text::aside(&row.title),
                parts.join(", ")
            ))?;
        }
        let overdue = r.overdue();
        if overdue.is_empty() {
            self.out.line("No program has an overdue action item.")?;
        } else {
            self.out.line(&format!(
                "Programs with overdue action items, {}:",
                overdue.len()
            ))?;
            for p in overdue
                .iter()
                .take(crate::model::rollup::Rollup::OVERDUE_SHOWN)
            {
                self.out.line(&format!("{}.", report::overdue_line(p)))?;
            }
            if let Some(more) = report::more_overdue(overdue.len()) {
                self.out.line(&format!("{more}."))?;
            }
        }
        self.out.line("Is this an IET?")?;
        for v in report::verdict_lines(&r) {
            self.out.line(&v)?;
        }
        self.out.line("Standing for each program:")?;
        for p in &r.programs {
            self.out.line(&format!(
                "{}: {}; {}.",
                program_label(&p.digest),
                p.digest.name,
                p.why
            ))?;
        }
        if !r.left_out.is_empty() {
            self.out.line(&format!("Left out, {}:", r.left_out.len()))?;
            for l in &r.left_out {
                self.out.line(&format!("{}: {}.", l.name, l.why))?;
            }
        }
        self.out.line(
            "For a report to print or a spreadsheet: ietkit rollup --format html, md, csv or json.",
        )
    }

    fn library(&mut self) -> io::Result<()> {
        self.app.update(Action::Library);
        self.session.apply(self.app);
        let Some(Overlay::Library(view)) = self.app.overlays.last() else {
            return self.settle();
        };
        let (rows, problem) = (view.rows.clone(), view.problem.clone());
        self.app.overlays.pop();
        if let Some(problem) = problem {
            return self.refuse(&format!("The library cannot be read: {problem}"));
        }
        self.say_message()?;
        if rows.is_empty() {
            return self
                .out
                .line("The library is empty: new starts an assessment.");
        }
        self.out.line(&format!(
            "{}; open and a number opens one.",
            text::count(rows.len(), "saved assessment", "saved assessments")
        ))?;
        self.links = rows
            .iter()
            .map(|r| Link::Assessment(r.path.clone()))
            .collect();
        for (k, r) in rows.iter().enumerate() {
            let line = match &r.error {
                Some(e) => format!("{} {}: cannot be read: {e}", k + 1, r.name),
                None => format!(
                    "{} {}: {}; {}.",
                    k + 1,
                    r.name,
                    r.text,
                    said_fractions(&r.status)
                ),
            };
            self.out.paragraph(&line)?;
        }
        Ok(())
    }

    fn open(&mut self, rest: &str) -> io::Result<()> {
        if rest.is_empty() {
            return self.refuse("open needs a name or a number from library.");
        }
        if let Ok(k) = rest.parse::<usize>() {
            let link = k.checked_sub(1).and_then(|i| self.links.get(i)).cloned();
            return match link {
                Some(Link::Assessment(path)) => self.open_path(&path),
                _ => self.refuse(
                    "open and a number opens an item of the last library list; library lists them.",
                ),
            };
        }
        match crate::cli::locate(self.session.library.as_ref(), rest) {
            Ok(path) => self.open_path(&path),
            Err(e) => self.refuse(&unkeyed(&e)),
        }
    }

    fn open_path(&mut self, path: &std::path::Path) -> io::Result<()> {
        match self.session.open(self.app, path) {
            Ok(()) => {
                self.links.clear();
                // The line below says what opened.
                if self
                    .app
                    .message
                    .as_ref()
                    .is_some_and(|(m, _)| m.starts_with("Opened "))
                {
                    self.app.message = None;
                }
                self.reported = self.app.changes;
                self.say_open()?;
                self.settle()
            }
            Err(e) => self.refuse(&e),
        }
    }

    fn next_cycle(&mut self) -> io::Result<()> {
        let Some(path) = self.session.path.clone() else {
            return self.refuse(
                "The open assessment has no file yet: the next cycle starts from a saved one. library lists them.",
            );
        };
        self.app
            .effects
            .push(Effect::Library(LibraryRequest::NextCycle(path)));
        self.settle()
    }

    /// Who is working, as each change records it; `who change` asks.
    fn who(&mut self, rest: &str) -> io::Result<()> {
        match rest.to_lowercase().as_str() {
            "" => {
                let label = self.app.who.label();
                self.out.paragraph(&format!(
                    "Working as {label}, login {}: each change is recorded under that name. who change gives your name and whom you speak for.",
                    self.app.who.login
                ))
            }
            "change" => {
                self.app.ask_who(false);
                self.settle()
            }
            _ => self.refuse("who takes one word, change, or none."),
        }
    }

    fn log(&mut self) -> io::Result<()> {
        let lines = crate::report::log::lines(&self.app.assessment, &self.app.content.rubric.scale);
        if lines.is_empty() {
            return self.out.line("No changes are recorded yet.");
        }
        self.out.line("Changes, newest first:")?;
        for l in lines {
            self.out.line(&l.text)?;
        }
        Ok(())
    }

    fn help(&mut self, rest: &str) -> io::Result<()> {
        if rest.is_empty() {
            self.out.line(&format!(
                "{}, one per line; help and a command says more.",
                text::count(COMMANDS.len(), "command", "commands")
            ))?;
            for c in COMMANDS {
                self.out
                    .line(&format!("{}: {}", commands::usage(c), c.what))?;
            }
            return Ok(());
        }
        let word = rest.split_whitespace().next().unwrap_or(rest);
        let word = if self.level_named(word).is_some() {
            "rate"
        } else {
            word
        };
        match commands::lookup(word) {
            Some(c) => {
                self.out
                    .line(&format!("{}: {}", commands::usage(c), c.what))?;
                self.out.paragraph(c.more)?;
                if !c.aliases.is_empty() {
                    self.out
                        .line(&format!("Also typed as: {}.", c.aliases.join(", ")))?;
                }
                Ok(())
            }
            None => self.unknown(word),
        }
    }

    /// Says no command has `word`, with the ones it may have meant.
    fn unknown(&mut self, word: &str) -> io::Result<()> {
        let close = commands::close_to(word);
        let hint = match close.as_slice() {
            [] => String::new(),
            [one] => format!(" Did you mean {one}?"),
            more => format!(" Did you mean {}?", more.join(" or ")),
        };
        self.refuse(&format!(
            "There is no command {}.{hint} help lists the commands.",
            shortened(word)
        ))
    }
}

/// The app's messages without the keys the full-screen app would press:
/// what to type instead, or nothing where nothing is needed.
pub fn unkeyed(message: &str) -> String {
    const SAID: &[(&str, &str)] = &[
        (" Press x to try again.", ""),
        (": o then s saves a copy elsewhere.", "."),
        (
            ": press ] to come back to it.",
            "; next and prev stop at it.",
        ),
        (
            " Keep it soon (Ctrl-S for notes, Enter for a form).",
            " Finish it soon.",
        ),
        (" Ctrl-S keeps it.", ""),
        (" Enter keeps it.", ""),
        (": o opens the library", ": library lists what is there"),
        (
            "w in the library (o) gives your name and role.",
            "who gives your name and role.",
        ),
        (
            "Not you? w in the library (o) says who is working.",
            "Not you? who says who is working.",
        ),
        ("; p sets it)", "; profile sets it)"),
        ("fill in the profile, then Enter;", "fill in the profile;"),
        (
            " Press Up to go back to a question and change its answer.",
            "",
        ),
        ("ietkit: ", ""),
        (" Press o, then s, to save a copy elsewhere first.", ""),
        (
            " Remove it (`ietkit team check` lists everything out of place).",
            "",
        ),
        (
            " `ietkit list` shows the saved ones.",
            " library lists them.",
        ),
    ];
    let mut out = message.to_string();
    for (from, to) in SAID {
        out = out.replace(from, to);
    }
    out
}

/// A line as typed, without what is not text (an arrow key's escape
/// sequence, a stray control character).
fn form_clean(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // ESC ] (a title), ESC P and the like run to BEL or ESC \.
            if matches!(chars.peek(), Some(']' | 'P' | '_' | '^' | 'X')) {
                while let Some(d) = chars.next() {
                    if d == '\u{7}' || (d == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                        break;
                    }
                }
                continue;
            }
            // ESC [ ... final byte, or ESC and one character.
            if chars.peek() == Some(&'[') {
                chars.next();
                for d in chars.by_ref() {
                    if ('\u{40}'..='\u{7e}').contains(&d) {
                        break;
                    }
                }
            } else if chars.next() == Some('O') {
                // ESC O and a letter: a key of the keypad.
                chars.next();
            }
            continue;
        }
        if c == '\t' {
            out.push(' ');
        } else if !text::is_unsafe(c) {
            out.push(c);
        }
    }
    out
}

/// A line said back in at most 200 characters: a script's line of a
/// megabyte is not echoed whole.
fn shortened(line: &str) -> String {
    let n = line.chars().count();
    if n <= 200 {
        return line.to_string();
    }
    let start: String = line.chars().take(160).collect();
    format!("{start}... ({n} characters)")
}

/// "13/35 done" said as "13 of 35 done".
fn said_fractions(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        let digits = |j: Option<&char>| j.is_some_and(|c| c.is_ascii_digit());
        if *c == '/'
            && digits(i.checked_sub(1).and_then(|j| chars.get(j)))
            && digits(chars.get(i + 1))
        {
            out.push_str(" of ");
        } else {
            out.push(*c);
        }
    }
    out
}

/// A side-by-side cell in words: "2", "2, unsure", "N/A", "not rated".
fn cell_words(cell: crate::model::comparison::Cell) -> String {
    use crate::model::comparison::Cell;
    let unsure = if cell.unsure() { " unsure" } else { "" };
    match cell {
        Cell::Missing => "not in it".into(),
        Cell::Unrated { .. } => format!("not rated{unsure}"),
        Cell::Level { level, .. } => format!("rated {level}{unsure}"),
        Cell::NotApplicable { .. } => format!("N/A{unsure}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_message_said_in_lines_names_a_key() {
        for m in [
            "Not exported: x is not a file. Press x to try again.",
            "Not saved: disk full. Your work is still open here (the file on disk is unchanged): o then s saves a copy elsewhere.",
            "PD-3 marked unsure: press ] to come back to it.",
            "Quit anyway and lose them (y/n)? Press o, then s, to save a copy elsewhere first.",
            "Your changes are recorded as ann; w in the library (o) gives your name and role.",
        ] {
            let said = unkeyed(m);
            for key in [
                "Press x",
                "o then s",
                "press ]",
                "w in the library",
                "Press o",
            ] {
                assert!(!said.contains(key), "{said}");
            }
        }
    }

    #[test]
    fn an_arrow_key_typed_is_not_text() {
        assert_eq!(form_clean("go\u{1b}[A PD-3\u{7}\t"), "go PD-3 ");
        assert_eq!(form_clean("\u{1b}Oq2"), "2");
        assert_eq!(
            form_clean("a\u{1b}]0;title\u{7}b\u{1b}]2;x\u{1b}\\c"),
            "abc"
        );
    }
}
