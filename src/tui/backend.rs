//! A backend wrapper that spends fewer bytes on a frame.
//!
//! ratatui sends only the cells that changed and jumps over the others with
//! a cursor move, 6 to 8 bytes. Over text that changes word by word (a help
//! page replacing a checklist), most jumps are over a single space that is
//! already right: resending that space costs 1 byte. This wrapper keeps a
//! copy of what the terminal shows and fills such short gaps with the cells
//! already there, when that needs no change of style. And where a row ends
//! in blanks (a message shorter than the one before), it erases to the end
//! of the line in 3 bytes instead of sending every space.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Cell, CellDiffOption};
use ratatui::crossterm::cursor::MoveTo;
use ratatui::crossterm::queue;
use ratatui::crossterm::terminal::{Clear, ClearType as EraseTo};
use ratatui::layout::{Position, Size};

/// Gaps up to this many cells are resent rather than jumped over.
const MAX_GAP: u16 = 5;

/// Trailing blanks from this many on are erased, not sent: the erase costs
/// a cursor move, 3 bytes and a style reset.
const MIN_ERASE: usize = 12;

pub struct Thrifty<B> {
    inner: B,
    /// The screen width, to know where a row ends; 0 while unknown.
    width: u16,
    /// What the terminal shows, row by row; missing cells are blank.
    shown: Vec<Vec<Cell>>,
    /// The screen's size when there is no terminal to ask (the byte
    /// meter): what the app was given, not what the environment says.
    known_size: Option<Size>,
}

impl<B> Thrifty<B> {
    pub fn new(inner: B) -> Thrifty<B> {
        Thrifty {
            inner,
            width: 0,
            shown: Vec::new(),
            known_size: None,
        }
    }

    /// Answers the screen's size with `size` from now on, without asking a
    /// terminal (there is none behind the byte meter).
    pub fn set_known_size(&mut self, size: Size) {
        self.known_size = Some(size);
    }

    pub fn set_width(&mut self, width: u16) {
        self.width = width;
    }

    /// The backend this one trims for.
    pub fn inner_mut(&mut self) -> &mut B {
        &mut self.inner
    }

    fn shown(&self, x: u16, y: u16) -> Cell {
        self.shown
            .get(usize::from(y))
            .and_then(|row| row.get(usize::from(x)))
            .cloned()
            .unwrap_or_default()
    }

    fn remember(&mut self, x: u16, y: u16, cell: &Cell) {
        let (x, y) = (usize::from(x), usize::from(y));
        if self.shown.len() <= y {
            self.shown.resize_with(y + 1, Vec::new);
        }
        let row = &mut self.shown[y];
        if row.len() <= x {
            row.resize_with(x + 1, Cell::default);
        }
        row[x] = cell.clone();
    }
}

/// One column wide, one byte, nothing special: safe and cheap to resend.
fn plain(cell: &Cell) -> bool {
    let s = cell.symbol();
    s.len() == 1 && s.is_ascii() && cell.diff_option == CellDiffOption::None
}

/// Narrow enough to take one column (every character below U+1100 does).
fn narrow(cell: &Cell) -> bool {
    cell.symbol().chars().count() == 1 && cell.symbol().chars().all(|c| c < '\u{1100}')
}

/// A space with no colour and no attribute: what an erase leaves behind.
fn blank(cell: &Cell) -> bool {
    cell.symbol() == " "
        && same_style(cell, &Cell::EMPTY)
        && cell.diff_option == CellDiffOption::None
}

fn same_style(a: &Cell, b: &Cell) -> bool {
    a.fg == b.fg
        && a.bg == b.bg
        && a.modifier == b.modifier
        && a.underline_color == b.underline_color
}

impl<W: Write> Thrifty<CrosstermBackend<W>> {
    /// Where the cells of `row` (all on one row, in order) may end with an
    /// erase: the index of the first trailing blank, if the row is blank
    /// from there to the edge once this frame is drawn.
    fn erase_from(&self, row: &[(u16, u16, Cell)]) -> Option<usize> {
        let start = row.len() - row.iter().rev().take_while(|(_, _, c)| blank(c)).count();
        let (x0, y, _) = row.get(start)?;
        let enough = row.len() - start >= MIN_ERASE;
        (enough && self.width > 0 && (*x0..self.width).all(|x| blank(&self.shown(x, *y))))
            .then_some(start)
    }
}

impl<W: Write> Backend for Thrifty<CrosstermBackend<W>> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut out: Vec<(u16, u16, Cell)> = Vec::new();
        for (x, y, cell) in content {
            if let Some((px, py, prev)) = out.last()
                && *py == y
                && narrow(prev)
                && x > px + 1
                && x - px - 1 <= MAX_GAP
            {
                let (start, prev) = (px + 1, prev.clone());
                let gap: Vec<Cell> = (start..x).map(|gx| self.shown(gx, y)).collect();
                if gap.iter().all(|c| plain(c) && same_style(c, &prev)) {
                    out.extend(gap.into_iter().zip(start..).map(|(c, gx)| (gx, y, c)));
                }
            }
            self.remember(x, y, cell);
            out.push((x, y, cell.clone()));
        }
        // Send row by row; a row ending in enough blanks ends in an erase.
        let mut pending: Vec<(u16, u16, Cell)> = Vec::new();
        for row in out.chunk_by(|a, b| a.1 == b.1) {
            match self.erase_from(row) {
                Some(start) => {
                    pending.extend_from_slice(&row[..start]);
                    let (x, y, _) = row[start];
                    // The draw ends with a full style reset, so the erase
                    // leaves the default background.
                    self.inner
                        .draw(pending.iter().map(|(x, y, c)| (*x, *y, c)))?;
                    pending.clear();
                    // Queued, not executed: a flush here would send half a frame.
                    queue!(self.inner, MoveTo(x, y), Clear(EraseTo::UntilNewLine))?;
                }
                None => pending.extend_from_slice(row),
            }
        }
        self.inner.draw(pending.iter().map(|(x, y, c)| (*x, *y, c)))
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.shown.clear();
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.shown.clear();
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        // ietkit's viewport starts at the top left, so every clear ratatui
        // asks for (all, or all after the cursor there) blanks the screen.
        self.shown.clear();
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        match self.known_size {
            Some(size) => Ok(size),
            None => self.inner.size(),
        }
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        Backend::flush(&mut self.inner)
    }
}
