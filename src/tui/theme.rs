//! Colours and glyphs. Meaning never rests on colour alone: every state also
//! has a digit, word, glyph or modifier, so `--mono` loses nothing.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Theme {
    /// No colour codes at all (`--mono` or `NO_COLOR`).
    pub mono: bool,
    /// ASCII only: borders, tree markers, bars (`--ascii`).
    pub ascii: bool,
}

pub const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Theme {
    pub fn new(mono: bool, ascii: bool) -> Theme {
        Theme { mono, ascii }
    }

    fn fg(self, color: Color) -> Style {
        if self.mono {
            Style::new()
        } else {
            Style::new().fg(color)
        }
    }

    pub fn border_set(self) -> border::Set<'static> {
        if self.ascii {
            ASCII_BORDER
        } else {
            border::PLAIN
        }
    }

    /// The focused pane's title: bold (and coloured when colour is on).
    pub fn focused_title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn title(self) -> Style {
        Style::new()
    }

    /// The selected row: reverse video works in every theme.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn heading(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.mono {
            Style::new()
        } else {
            Style::new().fg(Color::DarkGray)
        }
    }

    /// Keys in hints and help: bold, no colour, so the status bar costs
    /// fewer bytes each time it changes.
    pub fn key(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn warning(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// The level a rating sits at; the digit and word carry the meaning.
    pub fn level(self, level: u8) -> Style {
        self.fg(match level {
            0 => Color::Red,
            1 => Color::Yellow,
            2 => Color::Blue,
            _ => Color::Green,
        })
    }

    /// The current level in an indicator's list of levels.
    pub fn current_level(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    pub fn tree_open(self) -> &'static str {
        if self.ascii { "- " } else { "\u{25be} " }
    }

    pub fn tree_closed(self) -> &'static str {
        if self.ascii { "+ " } else { "\u{25b8} " }
    }

    /// Words that match the search, in the text shown for a hit.
    pub fn hit(self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
    }

    /// The filled part of a score bar: colour only, as bold would cost a
    /// style change at each end of every bar.
    pub fn bar(self) -> Style {
        self.fg(Color::Cyan)
    }

    /// Filled and empty cells of a score bar.
    pub fn bar_cells(self) -> (&'static str, &'static str) {
        if self.ascii {
            ("#", ".")
        } else {
            ("\u{2588}", "\u{2591}")
        }
    }

    pub fn bullet(self) -> &'static str {
        if self.ascii { "- " } else { "\u{2022} " }
    }

    /// Separates items on one line.
    pub fn sep(self) -> &'static str {
        if self.ascii { " - " } else { " \u{b7} " }
    }

    pub fn ellipsis(self) -> &'static str {
        if self.ascii { "..." } else { "\u{2026}" }
    }
}
