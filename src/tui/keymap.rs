//! The one table of key bindings. It decides what a key does, and it is the
//! only source of the status-bar hints and the help overlay, so they cannot
//! drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Filter};
use crate::model::screener::Answer;

/// Where a binding applies. The app asks for bindings in a list of contexts,
/// most specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// While a search is active: n/N move between hits.
    SearchActive,
    Navigator,
    Checklist,
    /// A toolkit section or the welcome text in the main pane.
    Reader,
    Screener,
    Summary,
    Detail,
    Editor,
    Form,
    Prompt,
    Help,
    Explain,
    Confirm,
    Library,
    Compare,
    /// The trend across cycles, in the side-by-side view.
    Trend,
    Log,
    Draft,
    /// The roll-up across programs.
    Rollup,
    Global,
    /// Every view, those that take typing too.
    Anywhere,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::SearchActive => "While searching",
            Context::Navigator => "Navigator",
            Context::Checklist => "Checklist",
            Context::Reader => "Reading a toolkit section",
            Context::Screener => "Is this an IET?",
            Context::Summary => "Summary",
            Context::Detail => "Indicator detail",
            Context::Editor => "Notes editor",
            Context::Form => "Forms",
            Context::Prompt => "Questions at the bottom line",
            Context::Help => "This help",
            Context::Explain => "Score explanation",
            Context::Confirm => "Confirmations",
            Context::Library => "Library of saved assessments",
            Context::Compare => "Side by side",
            Context::Trend => "Trend across cycles",
            Context::Log => "Who changed what",
            Context::Draft => "A draft left by a session",
            Context::Rollup => "Roll-up across programs",
            Context::Global => "Everywhere",
            Context::Anywhere => "Even while typing",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

const fn k(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// How the keys are written in help; empty folds the row into the one above.
    pub label: &'static str,
    /// What it does, for the help overlay.
    pub help: &'static str,
    /// A word or two for the status bar; empty keeps it out of the bar.
    pub hint: &'static str,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    label: &'static str,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        label,
        help,
        hint,
    }
}

use Context as C;
use KeyCode as KC;

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    // While searching.
    bind(C::SearchActive, &[ch('n')], Action::SearchNext, "n", "Next search hit", "next hit"),
    bind(C::SearchActive, &[ch('N')], Action::SearchPrev, "N", "Previous search hit", ""),
    bind(C::SearchActive, &[k(KC::Esc)], Action::EndSearch, "Esc", "End the search", "end search"),
    // Navigator.
    bind(C::Navigator, &[k(KC::Enter), k(KC::Right), ch('l')], Action::Open, "Enter", "Open the selected section, category or indicator", "open"),
    bind(C::Navigator, &[k(KC::Left), ch('h')], Action::Back, "Left/h", "Close the branch, or go to its parent", ""),
    bind(C::Navigator, &[ch(' ')], Action::Toggle, "Space", "Expand or collapse the branch", ""),
    // Checklist.
    bind(C::Checklist, &[ch('0')], Action::Rate(0), "0-3", "Rate the indicator: 0 Not yet, 1 Beginning, 2 Developing, 3 Established", "rate"),
    bind(C::Checklist, &[ch('1')], Action::Rate(1), "", "", ""),
    bind(C::Checklist, &[ch('2')], Action::Rate(2), "", "", ""),
    bind(C::Checklist, &[ch('3')], Action::Rate(3), "", "", ""),
    bind(C::Checklist, &[ch('n')], Action::NotApplicable, "n", "Mark N/A (does not apply) and give the reason", "N/A"),
    bind(C::Checklist, &[ch('u')], Action::ToggleUnsure, "u", "Mark or unmark as unsure, to review later", "unsure"),
    bind(C::Checklist, &[k(KC::Enter)], Action::Open, "Enter", "Open the indicator: levels, notes, evidence, actions", "details"),
    bind(C::Checklist, &[ch('e')], Action::Explain, "e", "Explain this category's score", ""),
    bind(C::Checklist, &[k(KC::Left), ch('h')], Action::Back, "Left/h", "Back to the navigator", ""),
    // Reader.
    bind(C::Reader, &[k(KC::Enter)], Action::Open, "Enter", "Go to the first indicator this section links to", ""),
    bind(C::Reader, &[k(KC::Left), ch('h')], Action::Back, "Left/h", "Back to the navigator", ""),
    // Screener.
    bind(C::Screener, &[ch('y')], Action::Answer(Answer::Yes), "y", "Answer yes", "yes"),
    bind(C::Screener, &[ch('n')], Action::Answer(Answer::No), "n", "Answer no", "no"),
    bind(C::Screener, &[ch('s')], Action::Answer(Answer::NotSure), "s", "Answer not sure", "not sure"),
    bind(C::Screener, &[k(KC::Left), ch('h')], Action::Back, "Left/h", "Back to the navigator", ""),
    // Summary.
    bind(C::Summary, &[ch('e'), k(KC::Enter)], Action::Explain, "e/Enter", "Explain the selected score: what went into it", "explain"),
    // Indicator detail.
    bind(C::Detail, &[ch('0')], Action::Rate(0), "0-3", "Rate the indicator", "rate"),
    bind(C::Detail, &[ch('1')], Action::Rate(1), "", "", ""),
    bind(C::Detail, &[ch('2')], Action::Rate(2), "", "", ""),
    bind(C::Detail, &[ch('3')], Action::Rate(3), "", "", ""),
    bind(C::Detail, &[ch('n')], Action::NotApplicable, "n", "Mark N/A and give the reason", "N/A"),
    bind(C::Detail, &[ch('u')], Action::ToggleUnsure, "u", "Mark or unmark as unsure", ""),
    bind(C::Detail, &[k(KC::Enter)], Action::Open, "Enter", "Edit the selected notes, evidence or action item", "edit"),
    bind(C::Detail, &[ch('w')], Action::EditNotes, "w", "Write the team's notes", "notes"),
    bind(C::Detail, &[ch('e')], Action::AddEvidence, "e", "Add an evidence item", "evidence"),
    bind(C::Detail, &[ch('a')], Action::AddAction, "a", "Add an action item", "action"),
    bind(C::Detail, &[ch('d'), k(KC::Delete)], Action::DeleteItem, "d", "Delete the selected evidence or action item", ""),
    bind(C::Detail, &[ch(']')], Action::NextOpenItem, "]", "Next indicator to rate or review", ""),
    bind(C::Detail, &[ch('[')], Action::PrevOpenItem, "[", "Previous indicator to rate or review", ""),
    bind(C::Detail, &[k(KC::Esc)], Action::Close, "Esc", "Back to the checklist", "back"),
    // Notes editor.
    bind(C::Editor, &[ctrl('s'), k(KC::F(2))], Action::Submit, "Ctrl-S/F2", "Keep the notes and close the editor", "keep"),
    bind(C::Editor, &[k(KC::Esc)], Action::Close, "Esc", "Cancel: close without keeping the changes", "cancel"),
    // Forms.
    bind(C::Form, &[k(KC::Enter), ctrl('s'), k(KC::F(2))], Action::Submit, "Enter", "Keep what the form says", "keep"),
    bind(C::Form, &[k(KC::Tab), k(KC::Down)], Action::NextField, "Tab/Down", "Next field", "next field"),
    bind(C::Form, &[k(KC::BackTab), k(KC::Up)], Action::PrevField, "Shift-Tab/Up", "Previous field", ""),
    bind(C::Form, &[k(KC::Esc)], Action::Close, "Esc", "Cancel the form", "cancel"),
    // Prompts.
    bind(C::Prompt, &[k(KC::Enter)], Action::Submit, "Enter", "Confirm", "confirm"),
    bind(C::Prompt, &[k(KC::Esc)], Action::Close, "Esc", "Cancel", "cancel"),
    // Help and explanations.
    bind(C::Help, &[k(KC::Esc), ch('?'), ch('q'), k(KC::F(1))], Action::Close, "Esc/?/q", "Close the help", "close"),
    bind(C::Help, &[k(KC::Down), ch('j')], Action::Down, "Down/j", "Scroll down", ""),
    bind(C::Help, &[k(KC::Up), ch('k')], Action::Up, "Up/k", "Scroll up", ""),
    bind(C::Help, &[k(KC::PageDown), ch(' ')], Action::PageDown, "PgDn", "Scroll a page down", ""),
    bind(C::Help, &[k(KC::PageUp)], Action::PageUp, "PgUp", "Scroll a page up", ""),
    bind(C::Help, &[ch('g'), k(KC::Home)], Action::Top, "g/Home", "Back to the top", ""),
    bind(C::Help, &[ch('G'), k(KC::End)], Action::Bottom, "G/End", "The end", ""),
    bind(C::Explain, &[k(KC::Esc), k(KC::Enter), ch('e'), ch('q')], Action::Close, "Esc", "Close the explanation", "close"),
    // Library.
    bind(C::Library, &[k(KC::Enter)], Action::Open, "Enter", "Open the selected assessment (in the trash: restore it)", "open"),
    bind(C::Library, &[ch(' ')], Action::Mark, "Space", "Mark or unmark for comparing (2 to 6); the number is its column", "mark"),
    bind(C::Library, &[ch('v')], Action::CompareMarked, "v", "View the marked assessments side by side", "side by side"),
    bind(C::Library, &[ch('u')], Action::RollUp, "u", "Roll up across programs: the marked assessments, or all when none is marked", "roll up"),
    bind(C::Library, &[ch('n')], Action::NewAssessment, "n", "Start a new assessment", "new"),
    bind(C::Library, &[ch('c')], Action::NextCycle, "c", "Start the next cycle from the selected one", "next cycle"),
    bind(C::Library, &[ch('m')], Action::CopyAssessment, "m", "Make a copy of the selected assessment", ""),
    bind(C::Library, &[ch('r')], Action::RenameAssessment, "r", "Rename the selected assessment", ""),
    bind(C::Library, &[ch('d'), k(KC::Delete)], Action::DeleteAssessment, "d/Delete", "Move the selected assessment to the trash (asks first; t shows the trash, where Enter restores)", ""),
    bind(C::Library, &[ch('t')], Action::ToggleTrash, "t", "Show the trash, or the library again", "trash"),
    bind(C::Library, &[ch('i')], Action::ImportAssessment, "i", "Import an assessment file from a path", ""),
    bind(C::Library, &[ch('s')], Action::SaveCopyAs, "s", "Save a copy of the open assessment to a path of your choice", ""),
    bind(C::Library, &[ch('w')], Action::WhoAmI, "w", "Who you are: your name and whom you speak for, recorded with your changes", "who you are"),
    bind(C::Library, &[k(KC::Down), ch('j')], Action::Down, "Down/j", "Next assessment", ""),
    bind(C::Library, &[k(KC::Up), ch('k')], Action::Up, "Up/k", "Previous assessment", ""),
    bind(C::Library, &[ch('?'), k(KC::F(1))], Action::Help, "?", "Show all keys", "help"),
    bind(C::Library, &[k(KC::Esc), ch('o'), ch('q')], Action::Close, "Esc", "Close the library", "close"),
    // Side by side.
    bind(C::Compare, &[ch('d')], Action::Filter(Filter::Differences), "d", "Only indicators where the assessments differ (again: all)", "differences"),
    bind(C::Compare, &[ch('r')], Action::Filter(Filter::Regressions), "r", "Only indicators that went down from the first to the last (again: all)", "regressions"),
    bind(C::Compare, &[ch('u')], Action::Filter(Filter::UnsureOrNa), "u", "Only indicators someone marked unsure or N/A (again: all)", ""),
    bind(C::Compare, &[ch('a')], Action::Filter(Filter::OpenActions), "a", "Only indicators with open action items (again: all)", ""),
    bind(C::Compare, &[ch('c')], Action::StartConsensus, "c", "Agree a consensus from partners' views of one program and cycle", "consensus"),
    bind(C::Compare, &[ch('/')], Action::Search, "/", "Find an indicator by id or words in its title", ""),
    bind(C::Compare, &[ch('t')], Action::ToggleTrend, "t", "Trend across cycles: category means and what moved most", "trend"),
    bind(C::Compare, &[k(KC::Left), ch('h')], Action::ScrollLeft, "Left/h", "Scroll the columns left", ""),
    bind(C::Compare, &[k(KC::Right), ch('l')], Action::ScrollRight, "Right/l", "Scroll the columns right", ""),
    bind(C::Compare, &[k(KC::Down), ch('j')], Action::Down, "Down/j", "Next indicator", ""),
    bind(C::Compare, &[k(KC::Up), ch('k')], Action::Up, "Up/k", "Previous indicator", ""),
    bind(C::Compare, &[k(KC::PageDown)], Action::PageDown, "PgDn", "Page down", ""),
    bind(C::Compare, &[k(KC::PageUp)], Action::PageUp, "PgUp", "Page up", ""),
    bind(C::Compare, &[ch('g'), k(KC::Home)], Action::Top, "g", "First indicator", ""),
    bind(C::Compare, &[ch('G'), k(KC::End)], Action::Bottom, "G", "Last indicator", ""),
    bind(C::Compare, &[ch('0')], Action::Rate(0), "0-3", "During a consensus: the agreed level", ""),
    bind(C::Compare, &[ch('1')], Action::Rate(1), "", "", ""),
    bind(C::Compare, &[ch('2')], Action::Rate(2), "", "", ""),
    bind(C::Compare, &[ch('3')], Action::Rate(3), "", "", ""),
    bind(C::Compare, &[ch('n')], Action::NotApplicable, "n", "During a consensus: agree it does not apply", ""),
    bind(C::Compare, &[ch('?'), k(KC::F(1))], Action::Help, "?", "Show all keys", "help"),
    bind(C::Compare, &[k(KC::Esc), ch('q')], Action::Close, "Esc", "Close the side-by-side view", "close"),
    // The trend.
    bind(C::Trend, &[k(KC::Down), ch('j')], Action::Down, "Down/j", "Scroll down", "scroll"),
    bind(C::Trend, &[k(KC::Up), ch('k')], Action::Up, "Up/k", "Scroll up", ""),
    bind(C::Trend, &[k(KC::PageDown), ch(' ')], Action::PageDown, "PgDn", "Scroll a page down", "more"),
    bind(C::Trend, &[k(KC::PageUp)], Action::PageUp, "PgUp", "Scroll a page up", ""),
    bind(C::Trend, &[ch('g'), k(KC::Home)], Action::Top, "g/Home", "Back to the top", ""),
    bind(C::Trend, &[ch('G'), k(KC::End)], Action::Bottom, "G/End", "The end: what moved most", ""),
    bind(C::Trend, &[ch('t')], Action::ToggleTrend, "t", "Back to the indicators side by side", "indicators"),
    bind(C::Trend, &[ch('?'), k(KC::F(1))], Action::Help, "?", "Show all keys", "help"),
    bind(C::Trend, &[k(KC::Esc), ch('q')], Action::Close, "Esc", "Close the side-by-side view", "close"),
    // Who changed what.
    // The roll-up across programs.
    bind(C::Rollup, &[ch('s')], Action::Sort, "s", "Order the indicators: rubric order, weakest mean first, widest spread first", "order"),
    bind(C::Rollup, &[ch('x')], Action::Export, "x", "Write the roll-up to a file: .md, .csv, .html or .json (by the name's ending)", "write"),
    bind(C::Rollup, &[k(KC::Down), ch('j')], Action::Down, "Down/j", "Scroll down", ""),
    bind(C::Rollup, &[k(KC::Up), ch('k')], Action::Up, "Up/k", "Scroll up", ""),
    bind(C::Rollup, &[k(KC::PageDown), ch(' ')], Action::PageDown, "PgDn", "Page down", ""),
    bind(C::Rollup, &[k(KC::PageUp)], Action::PageUp, "PgUp", "Page up", ""),
    bind(C::Rollup, &[ch('g'), k(KC::Home)], Action::Top, "g", "To the top", ""),
    bind(C::Rollup, &[ch('G'), k(KC::End)], Action::Bottom, "G", "To the end", ""),
    bind(C::Rollup, &[ch('?'), k(KC::F(1))], Action::Help, "?", "Show all keys", "help"),
    bind(C::Rollup, &[k(KC::Esc), ch('q')], Action::Close, "Esc", "Close the roll-up", "close"),
    bind(C::Log, &[k(KC::Esc), ch('L'), ch('q')], Action::Close, "Esc/L", "Close the list of changes", "close"),
    bind(C::Log, &[k(KC::Down), ch('j')], Action::Down, "Down/j", "Scroll down", ""),
    bind(C::Log, &[k(KC::Up), ch('k')], Action::Up, "Up/k", "Scroll up", ""),
    bind(C::Log, &[k(KC::PageDown), ch(' ')], Action::PageDown, "PgDn", "Scroll a page down", "more"),
    bind(C::Log, &[k(KC::PageUp)], Action::PageUp, "PgUp", "Scroll a page up", ""),
    bind(C::Log, &[ch('g'), k(KC::Home)], Action::Top, "g", "Newest first: back to the top", ""),
    bind(C::Log, &[ch('G'), k(KC::End)], Action::Bottom, "G", "The oldest changes", ""),
    // A draft left behind.
    bind(C::Draft, &[ch('r')], Action::RestoreDraft, "r", "Restore the draft, to go on typing it", "restore"),
    bind(C::Draft, &[ch('d')], Action::DiscardDraft, "d", "Discard the draft", "discard"),
    bind(C::Draft, &[k(KC::Esc)], Action::Close, "Esc", "Decide later: the draft stays", "later"),
    bind(C::Confirm, &[ch('y')], Action::Yes, "y", "Yes", "yes"),
    bind(C::Confirm, &[ch('n'), k(KC::Esc)], Action::No, "n/Esc", "No", "no"),
    // Everywhere.
    bind(C::Global, &[ch(']')], Action::NextOpenItem, "]", "Next indicator still to rate or marked unsure", "next to rate"),
    bind(C::Global, &[ch('[')], Action::PrevOpenItem, "[", "Previous indicator still to rate or marked unsure", ""),
    bind(C::Global, &[k(KC::Tab)], Action::FocusNext, "Tab", "Next pane", "next pane"),
    bind(C::Global, &[k(KC::BackTab)], Action::FocusPrev, "Shift-Tab", "Previous pane", ""),
    bind(C::Global, &[k(KC::Up), ch('k')], Action::Up, "Up/k", "Move up", ""),
    bind(C::Global, &[k(KC::Down), ch('j')], Action::Down, "Down/j", "Move down", ""),
    bind(C::Global, &[k(KC::PageUp)], Action::PageUp, "PgUp", "Page up", ""),
    bind(C::Global, &[k(KC::PageDown)], Action::PageDown, "PgDn", "Page down", ""),
    bind(C::Global, &[ch('g'), k(KC::Home)], Action::Top, "g/Home", "Go to the top", ""),
    bind(C::Global, &[ch('G'), k(KC::End)], Action::Bottom, "G/End", "Go to the bottom", ""),
    bind(C::Global, &[ch('/')], Action::Search, "/", "Search indicators and toolkit text", "search"),
    bind(C::Global, &[ch('p')], Action::EditProfile, "p", "Edit the program profile", "profile"),
    bind(C::Global, &[ch('o')], Action::Library, "o", "Open the library: saved assessments, new, next cycle, trash", "library"),
    bind(C::Global, &[ch('x')], Action::Export, "x", "Export a report: Markdown, CSV, HTML to print, JSON", "export"),
    bind(C::Global, &[ch('L')], Action::ShowLog, "L", "Who changed what in this assessment, and when", ""),
    bind(C::Global, &[ctrl('s')], Action::Save, "Ctrl-S", "Save now (ietkit also saves after every change)", ""),
    bind(C::Global, &[ch('?'), k(KC::F(1))], Action::Help, "?", "Show all keys (also F1)", "help"),
    bind(C::Global, &[ch('q'), ctrl('c')], Action::Quit, "q", "Quit ietkit", "quit"),
    bind(C::Anywhere, &[ctrl('z')], Action::Suspend, "Ctrl-Z", "Back to the shell for now; fg brings ietkit back", ""),
    bind(C::Global, &[k(KC::Esc)], Action::Close, "Esc", "Close what is open", ""),
];

/// Shift is part of the character for letters and symbols, so it is ignored
/// there; other modifiers must match exactly.
fn matches(key: &Key, event: &KeyEvent) -> bool {
    let mods = match event.code {
        KeyCode::Char(_) => event.modifiers - KeyModifiers::SHIFT,
        KeyCode::BackTab => event.modifiers - KeyModifiers::SHIFT,
        _ => event.modifiers,
    };
    key.code == event.code && key.mods == mods
}

/// The action bound to `event` in the first of `contexts` that binds it.
pub fn resolve(contexts: &[Context], event: &KeyEvent) -> Option<Action> {
    contexts.iter().find_map(|ctx| {
        BINDINGS
            .iter()
            .filter(|b| b.context == *ctx)
            .find(|b| b.keys.iter().any(|key| matches(key, event)))
            .map(|b| b.action)
    })
}

/// Status-bar hints for `contexts`: (keys, hint), most specific first, each
/// action once.
pub fn hints(contexts: &[Context]) -> Vec<(&'static str, &'static str)> {
    hints_where(contexts, |_| true)
}

/// [`hints`] for the actions `applies` keeps: a key that cannot act in
/// what is open is not worth the room.
pub fn hints_where(
    contexts: &[Context],
    applies: impl Fn(Action) -> bool,
) -> Vec<(&'static str, &'static str)> {
    let mut seen: Vec<Action> = Vec::new();
    let mut out = Vec::new();
    for ctx in contexts {
        for b in BINDINGS.iter().filter(|b| b.context == *ctx) {
            if seen.contains(&b.action) {
                continue;
            }
            seen.push(b.action);
            if !b.hint.is_empty() && applies(b.action) {
                out.push((b.label, b.hint));
            }
        }
    }
    out
}

/// The order of the help overlay: what everyone needs first.
const HELP_ORDER: [Context; 21] = [
    Context::Global,
    Context::Anywhere,
    Context::Library,
    Context::Compare,
    Context::Trend,
    Context::Rollup,
    Context::Navigator,
    Context::Checklist,
    Context::Detail,
    Context::Editor,
    Context::Form,
    Context::Summary,
    Context::Screener,
    Context::Reader,
    Context::SearchActive,
    Context::Prompt,
    Context::Confirm,
    Context::Explain,
    Context::Log,
    Context::Draft,
    Context::Help,
];

/// Help rows grouped by context: (context, [(keys, help)]).
pub fn help_sections() -> Vec<(Context, Vec<(&'static str, &'static str)>)> {
    HELP_ORDER
        .iter()
        .map(|ctx| {
            let rows = BINDINGS
                .iter()
                .filter(|b| b.context == *ctx && !b.label.is_empty())
                .map(|b| (b.label, b.help))
                .collect();
            (*ctx, rows)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn the_most_specific_context_wins() {
        let n = press(KeyCode::Char('n'), KeyModifiers::NONE);
        assert_eq!(
            resolve(&[C::Checklist, C::Global], &n),
            Some(Action::NotApplicable)
        );
        assert_eq!(
            resolve(&[C::SearchActive, C::Checklist, C::Global], &n),
            Some(Action::SearchNext)
        );
        assert_eq!(resolve(&[C::Global], &n), None);
    }

    #[test]
    fn shifted_symbols_and_ctrl_c_resolve() {
        let help = press(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(resolve(&[C::Global], &help), Some(Action::Help));
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(resolve(&[C::Global], &ctrl_c), Some(Action::Quit));
        let plain_c = press(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(resolve(&[C::Global], &plain_c), None);
    }

    #[test]
    fn every_context_has_help_and_no_key_is_bound_twice_in_one_context() {
        let sections = help_sections();
        for b in BINDINGS {
            assert!(
                sections.iter().any(|(c, _)| *c == b.context),
                "{:?} has no help",
                b.context
            );
            for other in BINDINGS
                .iter()
                .filter(|o| o.context == b.context && !std::ptr::eq(*o, b))
            {
                for key in b.keys {
                    assert!(
                        !other.keys.contains(key),
                        "{key:?} bound twice in {:?}",
                        b.context
                    );
                }
            }
        }
    }

    #[test]
    fn hints_come_from_the_table_in_order_without_repeats() {
        let h = hints(&[C::Checklist, C::Global]);
        assert_eq!(h[0], ("0-3", "rate"));
        assert!(h.contains(&("n", "N/A")));
        assert!(h.contains(&("?", "help")));
        let labels: Vec<_> = h.iter().map(|(l, _)| *l).collect();
        let mut unique = labels.clone();
        unique.dedup();
        assert_eq!(labels, unique);
    }
}
