//! Colours and glyphs. Meaning never rests on colour alone: every state also
//! has a digit, word, glyph or modifier, so `--mono` loses nothing.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Theme {
    /// No colour codes at all (`--mono`, `NO_COLOR`, or a terminal
    /// without colour).
    pub mono: bool,
    /// ASCII only: borders, tree markers, bars (`--ascii`).
    pub ascii: bool,
    /// Only the 16 basic colours, sent as basic codes: the terminal did
    /// not say it has 256.
    pub basic: bool,
}

/// What a terminal's colours are, from what `TERM` and `COLORTERM` say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    /// No colour: `vt100` and its kind, or `TERM` unset or `dumb`.
    None,
    /// The 16 basic colours: `xterm`, `linux`, `screen` and most others.
    Basic,
    /// 256 colours: `TERM` says so (`xterm-256color`), or `COLORTERM` is set.
    Full,
}

impl Palette {
    pub fn of(term: Option<&str>, colorterm: Option<&str>) -> Palette {
        let term = term.unwrap_or("").trim();
        if !cannot_draw(Some(term)) && (term.contains("256col") || term.ends_with("-direct")) {
            return Palette::Full;
        }
        let colourless = cannot_draw(Some(term))
            || ["vt5", "vt1", "vt2", "vt3", "vt4"]
                .iter()
                .any(|p| term.starts_with(p))
            || term.ends_with("-m")
            || term.ends_with("-mono");
        if colourless {
            Palette::None
        } else if colorterm.is_some_and(|c| !c.trim().is_empty()) {
            Palette::Full
        } else {
            Palette::Basic
        }
    }
}

/// Whether `TERM` names a terminal that cannot show the full-screen app:
/// unset, empty or `dumb` (one that cannot move its cursor).
pub fn cannot_draw(term: Option<&str>) -> bool {
    matches!(term.map(str::trim), None | Some("" | "dumb"))
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
        Theme {
            mono,
            ascii,
            basic: false,
        }
    }

    /// The theme for a terminal with `palette`.
    pub fn for_palette(mono: bool, ascii: bool, palette: Palette) -> Theme {
        Theme {
            mono: mono || palette == Palette::None,
            ascii,
            basic: palette == Palette::Basic,
        }
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

    /// The checklist's marks for an indicator with notes and with
    /// evidence: shapes no letter of a rating can be read into.
    pub fn notes_mark(self) -> &'static str {
        if self.ascii { "nt" } else { "\u{270e}" }
    }

    pub fn evidence_mark(self) -> &'static str {
        if self.ascii { "ev" } else { "\u{a7}" }
    }

    /// The marks and what they mean, as the checklist's last line says.
    pub fn marks_legend(self) -> String {
        self.marks_legend_in(usize::MAX)
    }

    /// The legend in at most `width` characters: the full one, else tighter
    /// wordings, each whole; the tightest cut with an ellipsis.
    pub fn marks_legend_in(self, width: usize) -> String {
        let (n, e) = (self.notes_mark(), self.evidence_mark());
        let variants = [
            format!("? unsure  {n} notes  {e} evidence  !2 = 2 open actions"),
            format!("? unsure {n} notes {e} evidence !2 = 2 open actions"),
            format!("? unsure {n} notes {e} evidence !2 actions"),
        ];
        match variants.iter().find(|v| v.chars().count() <= width) {
            Some(v) => v.clone(),
            None => crate::text::fit(&variants[2], width, self.ellipsis()),
        }
    }

    /// Where text is cut: one character, never a full stop, which would
    /// read as the end of a sentence.
    pub fn ellipsis(self) -> &'static str {
        if self.ascii { "~" } else { "\u{2026}" }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_is_what_the_terminal_says_it_has() {
        let of = |term: Option<&str>, colorterm: Option<&str>| Palette::of(term, colorterm);
        for term in [
            "xterm-256color",
            "screen-256color",
            "tmux-256color",
            "xterm-direct",
        ] {
            assert_eq!(of(Some(term), None), Palette::Full, "{term}");
        }
        for term in ["xterm", "linux", "screen", "rxvt", "ansi", "putty"] {
            assert_eq!(of(Some(term), None), Palette::Basic, "{term}");
            assert_eq!(of(Some(term), Some("")), Palette::Basic, "{term}");
            assert_eq!(of(Some(term), Some("truecolor")), Palette::Full, "{term}");
        }
        for term in ["vt100", "vt102", "vt220", "vt52", "xterm-mono", "dumb", ""] {
            assert_eq!(of(Some(term), None), Palette::None, "{term}");
            assert_eq!(of(Some(term), Some("truecolor")), Palette::None, "{term}");
        }
        assert_eq!(of(None, Some("truecolor")), Palette::None);
        assert!(cannot_draw(None) && cannot_draw(Some("dumb")) && cannot_draw(Some(" ")));
        assert!(!cannot_draw(Some("vt100")));
        let basic = Theme::for_palette(false, false, Palette::Basic);
        assert!(basic.basic && !basic.mono);
        assert!(Theme::for_palette(false, true, Palette::None).mono);
        assert!(!Theme::for_palette(false, false, Palette::Full).basic);
    }
}
