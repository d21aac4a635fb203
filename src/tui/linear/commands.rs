//! The linear mode's commands as one table: it feeds reading a command,
//! `help`, `help WORD` and the "did you mean" for a word it does not know.

/// What a command does; `Linear::run_command` carries it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Where,
    Next,
    Prev,
    Go,
    List,
    Find,
    Show,
    Toolkit,
    Levels,
    Rate,
    NotApplicable,
    Unsure,
    Note,
    Notes,
    Evidence,
    ActionItem,
    Profile,
    Summary,
    Screen,
    Export,
    Compare,
    Rollup,
    Library,
    Open,
    New,
    NextCycle,
    Who,
    Log,
    Help,
    Quit,
}

pub struct Command {
    pub word: &'static str,
    pub aliases: &'static [&'static str],
    /// What follows the word, as `help` shows it; empty when nothing does.
    pub args: &'static str,
    /// One line for `help`.
    pub what: &'static str,
    /// More for `help WORD`: sentences, each said on its own line.
    pub more: &'static str,
    pub verb: Verb,
}

pub const COMMANDS: &[Command] = &[
    Command {
        word: "where",
        aliases: &["w"],
        args: "",
        what: "What is open and which indicator you are at.",
        more: "Says the program, cycle and file, how many indicators are done, whether the file is read-only, and the current indicator.",
        verb: Verb::Where,
    },
    Command {
        word: "next",
        aliases: &["n"],
        args: "",
        what: "Go to the next indicator still to rate or marked unsure.",
        more: "Goes on from the current indicator, across categories, and wraps round at the end.",
        verb: Verb::Next,
    },
    Command {
        word: "prev",
        aliases: &["previous", "p"],
        args: "",
        what: "Go back to the previous indicator still to rate or marked unsure.",
        more: "The same as next, backwards.",
        verb: Verb::Prev,
    },
    Command {
        word: "go",
        aliases: &["g"],
        args: "ID or NUMBER",
        what: "Go to an indicator, such as go PD-3, or to a numbered item of the last list.",
        more: "An indicator id is its category's letters, a dash and its number: go PD-3. After find, toolkit or library, go and a number follows that item: go 2.",
        verb: Verb::Go,
    },
    Command {
        word: "list",
        aliases: &["l", "ls"],
        args: "[CATEGORY]",
        what: "The indicators of a category with their ratings, one per line.",
        more: "A category is named by its letters (PD), its number (1 to 5) or a word of its name. Without one, the category you are in. Listing does not move you: go does.",
        verb: Verb::List,
    },
    Command {
        word: "find",
        aliases: &["f", "search"],
        args: "WORDS",
        what: "Find indicators and toolkit sections that mention the words.",
        more: "The matches are numbered; go and a number goes to one.",
        verb: Verb::Find,
    },
    Command {
        word: "show",
        aliases: &["s", "read"],
        args: "[ID]",
        what: "Read the current indicator: what it asks, each level, its rating, notes, evidence and action items.",
        more: "With an id, that indicator, which becomes the current one.",
        verb: Verb::Show,
    },
    Command {
        word: "toolkit",
        aliases: &["t"],
        args: "[SECTION]",
        what: "The toolkit's sections, or one section to read.",
        more: "Without a section, the sections are listed with numbers. toolkit and a number, or a word of a title, reads that section; its links are numbered for go.",
        verb: Verb::Toolkit,
    },
    Command {
        word: "levels",
        aliases: &["scale"],
        args: "",
        what: "The rating scale: what each level means.",
        more: "Also what N/A and unsure mean.",
        verb: Verb::Levels,
    },
    Command {
        word: "rate",
        aliases: &["r"],
        args: "LEVEL",
        what: "Rate the current indicator: 0 to 3, or a level's name such as developing.",
        more: "The level's number or name alone does the same: 2, or developing. The rating is saved at once.",
        verb: Verb::Rate,
    },
    Command {
        word: "na",
        aliases: &["n/a"],
        args: "REASON",
        what: "Mark the current indicator not applicable, with the reason.",
        more: "A reason is needed: na and the reason on one line, or na alone and the reason is asked for.",
        verb: Verb::NotApplicable,
    },
    Command {
        word: "unsure",
        aliases: &["u"],
        args: "",
        what: "Mark the current indicator unsure, to come back to it; again to unmark.",
        more: "Unsure sits beside the rating: next and prev stop at it.",
        verb: Verb::Unsure,
    },
    Command {
        word: "note",
        aliases: &[],
        args: "TEXT",
        what: "Add a line to the current indicator's notes.",
        more: "The line goes after the notes already there. Never write a learner's name.",
        verb: Verb::Note,
    },
    Command {
        word: "notes",
        aliases: &[],
        args: "",
        what: "Write the current indicator's notes over several lines; a line with a single full stop ends them.",
        more: "The notes typed replace the notes there were, which are read out first. A line with the word cancel stops without changing them. What is typed is kept as a draft until the full stop, so a dropped line loses nothing.",
        verb: Verb::Notes,
    },
    Command {
        word: "evidence",
        aliases: &["ev"],
        args: "WHAT; WHERE; WHO; DATE",
        what: "Add an evidence item to the current indicator.",
        more: "Separate the parts with semicolons; the date is YYYY-MM-DD and may be left out. evidence alone asks for each part in turn.",
        verb: Verb::Evidence,
    },
    Command {
        word: "action",
        aliases: &["act"],
        args: "WHAT; OWNER; DUE",
        what: "Add an action item to the current indicator.",
        more: "Separate the parts with semicolons; the due date is YYYY-MM-DD and may be left out. action alone asks for each part in turn.",
        verb: Verb::ActionItem,
    },
    Command {
        word: "profile",
        aliases: &[],
        args: "",
        what: "The program profile, field by field; Enter keeps a value.",
        more: "Program-level facts only: never a learner's name. A line with the word cancel stops without changing the profile.",
        verb: Verb::Profile,
    },
    Command {
        word: "summary",
        aliases: &["sum"],
        args: "[explain]",
        what: "Means and counts per category, and the screener's verdicts.",
        more: "summary explain also says what each score was worked out from.",
        verb: Verb::Summary,
    },
    Command {
        word: "screen",
        aliases: &["screener"],
        args: "",
        what: "Is this an IET? The screener, one question at a time, then both verdicts.",
        more: "Answer yes, no or not sure; Enter keeps the answer given before; cancel stops. The verdicts are the federal definition and Oregon's key features.",
        verb: Verb::Screen,
    },
    Command {
        word: "export",
        aliases: &["x"],
        args: "FORMAT FILE",
        what: "Write a report: md, csv, csv-actions, csv-screener, html or json, to a file.",
        more: "For example: export md welding-report.md. A file already there is replaced only when you say yes.",
        verb: Verb::Export,
    },
    Command {
        word: "compare",
        aliases: &["c"],
        args: "NAME NAME...",
        what: "Saved assessments side by side, indicator by indicator.",
        more: "Two to six library names, file names, or numbers from the last library list; cycles run oldest first. Each line says an indicator and each assessment's rating.",
        verb: Verb::Compare,
    },
    Command {
        word: "rollup",
        aliases: &["roll-up"],
        args: "[NAME...]",
        what: "Across programs: which assessment stands for each, and how the programs stand, weakest first.",
        more: "Without names, every assessment in the library; names or numbers from the last library list choose some. For each program the latest cycle counts, a joint assessment before partners' views, then the most complete; what is left out is said with why.",
        verb: Verb::Rollup,
    },
    Command {
        word: "library",
        aliases: &["lib"],
        args: "",
        what: "The saved assessments, numbered.",
        more: "open and a number, or a name, opens one.",
        verb: Verb::Library,
    },
    Command {
        word: "open",
        aliases: &["o"],
        args: "NAME or NUMBER",
        what: "Open a saved assessment by its library name, its number in the library list, or a file name.",
        more: "If someone else has it open, it opens read-only and says who.",
        verb: Verb::Open,
    },
    Command {
        word: "new",
        aliases: &[],
        args: "",
        what: "Start a new assessment; its profile is asked for first.",
        more: "It is saved as soon as something is given.",
        verb: Verb::New,
    },
    Command {
        word: "next-cycle",
        aliases: &["cycle"],
        args: "",
        what: "Start the next cycle of the open assessment.",
        more: "The profile, evidence (marked to re-check) and open action items carry over; ratings start empty.",
        verb: Verb::NextCycle,
    },
    Command {
        word: "who",
        aliases: &["whoami"],
        args: "[change]",
        what: "Who is working, as each change is recorded; who change gives your name and role.",
        more: "who change asks your name and whom you speak for (ABS, CTE, Career Pathways, Corrections and others); each change you make is recorded under them.",
        verb: Verb::Who,
    },
    Command {
        word: "log",
        aliases: &["history"],
        args: "",
        what: "Who changed what in the open assessment, newest first.",
        more: "One change per line.",
        verb: Verb::Log,
    },
    Command {
        word: "help",
        aliases: &["h", "?"],
        args: "[WORD]",
        what: "The commands, one line each; help and a command explains it.",
        more: "Commands can be typed in capitals or not; most have a short form, given in help WORD.",
        verb: Verb::Help,
    },
    Command {
        word: "quit",
        aliases: &["q", "exit", "bye"],
        args: "",
        what: "Stop. Everything is saved already.",
        more: "The end of the input stops the same way.",
        verb: Verb::Quit,
    },
];

/// The command a word names, ignoring case.
pub fn lookup(word: &str) -> Option<&'static Command> {
    let word = word.to_lowercase();
    COMMANDS
        .iter()
        .find(|c| c.word == word || c.aliases.contains(&word.as_str()))
}

/// The commands closest to a word no command has, for "did you mean".
pub fn close_to(word: &str) -> Vec<String> {
    let words: Vec<String> = COMMANDS.iter().map(|c| c.word.to_string()).collect();
    crate::text::close_matches(&word.to_lowercase(), &words, 2)
}

/// How `help` writes a command: its word and what follows it.
pub fn usage(c: &Command) -> String {
    if c.args.is_empty() {
        c.word.to_string()
    } else {
        format!("{} {}", c.word, c.args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_and_alias_names_one_command() {
        let mut seen = std::collections::HashSet::new();
        for c in COMMANDS {
            for w in std::iter::once(&c.word).chain(c.aliases) {
                assert!(seen.insert(*w), "{w} names two commands");
                assert_eq!(lookup(&w.to_uppercase()).map(|x| x.verb), Some(c.verb));
            }
        }
    }

    #[test]
    fn a_slip_finds_the_command_meant() {
        assert_eq!(close_to("shwo").first().map(String::as_str), Some("show"));
        assert_eq!(
            close_to("sumary").first().map(String::as_str),
            Some("summary")
        );
        assert!(lookup("shwo").is_none());
    }
}
