//! The byte meter: the real `App`, drawn by the real loop step and the real
//! crossterm backend, into a writer that keeps every byte. What it counts
//! is what a terminal at the far end of a slow link would receive, which
//! makes bandwidth a number a test can hold to a budget.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::app::App;
use super::backend::Thrifty;
use super::session::Session;
use super::term;
use super::wire::Wire;

/// A writer whose bytes the meter can take back out.
#[derive(Clone, Default)]
struct Tap(Rc<RefCell<Vec<u8>>>);

impl Write for Tap {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

pub struct Meter {
    pub app: App,
    pub session: Session,
    terminal: Terminal<term::Backend<Tap>>,
    tap: Tap,
    /// Bytes of the terminal set-up and the first frame.
    pub first_paint: usize,
    /// Frames drawn since the first.
    pub frames: usize,
    /// The bytes of the latest frame, to see what a budget was spent on.
    pub last: Vec<u8>,
}

impl Meter {
    /// Sets up as `term::run` does and draws the first frame at `app.size`.
    pub fn new(app: App, session: Session) -> io::Result<Meter> {
        let tap = Tap::default();
        let mut wire = if app.theme.basic {
            Wire::basic(tap.clone())
        } else {
            Wire::new(tap.clone())
        };
        term::enter(&mut wire)?;
        let mut backend = Thrifty::new(CrosstermBackend::new(wire));
        backend.set_known_size(app.size.as_size());
        // A fixed viewport: the meter has no terminal to ask for its size.
        let terminal = Terminal::with_options(
            backend,
            TerminalOptions {
                viewport: Viewport::Fixed(app.size),
            },
        )?;
        let mut meter = Meter {
            app,
            session,
            terminal,
            tap,
            first_paint: 0,
            frames: 0,
            last: Vec::new(),
        };
        term::draw(&mut meter.terminal, &meter.app)?;
        meter.first_paint = meter.take();
        Ok(meter)
    }

    fn take(&mut self) -> usize {
        self.last = std::mem::take(&mut *self.tap.0.borrow_mut());
        self.last.len()
    }

    /// Delivers `events` as one burst, the way the loop reads them, and
    /// returns the bytes the resulting frame (if any) sent.
    pub fn send(&mut self, events: Vec<Event>) -> io::Result<usize> {
        let mut queue = events.into_iter();
        let Some(first) = queue.next() else {
            return Ok(0);
        };
        let draw =
            term::handle_burst(&mut self.app, &mut self.session, first, || Ok(queue.next()))?;
        if draw {
            // What Fullscreen's autoresize does on a new size: clear and
            // forget the previous frame.
            if self.terminal.get_frame().area() != self.app.size {
                let size = self.app.size.as_size();
                self.terminal.backend_mut().set_known_size(size);
                self.terminal.resize(self.app.size)?;
            }
            term::draw(&mut self.terminal, &self.app)?;
            self.frames += 1;
        }
        Ok(self.take())
    }

    /// Types `keys` one at a time, each its own burst (a person typing), and
    /// returns the bytes each one cost.
    pub fn keys(&mut self, keys: &str) -> io::Result<Vec<usize>> {
        parse_keys(keys)
            .into_iter()
            .map(|k| self.send(vec![Event::Key(k)]))
            .collect()
    }
}

/// One key from the notation of [`parse_keys`].
fn named_key(name: &str) -> Option<KeyEvent> {
    let none = KeyModifiers::NONE;
    let (code, mods) = match name {
        "Enter" => (KeyCode::Enter, none),
        "Esc" => (KeyCode::Esc, none),
        "Tab" => (KeyCode::Tab, none),
        "BackTab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "Up" => (KeyCode::Up, none),
        "Down" => (KeyCode::Down, none),
        "Left" => (KeyCode::Left, none),
        "Right" => (KeyCode::Right, none),
        "PgUp" => (KeyCode::PageUp, none),
        "PgDn" => (KeyCode::PageDown, none),
        "Home" => (KeyCode::Home, none),
        "End" => (KeyCode::End, none),
        "Backspace" => (KeyCode::Backspace, none),
        "Delete" => (KeyCode::Delete, none),
        "F1" => (KeyCode::F(1), none),
        "F2" => (KeyCode::F(2), none),
        "Space" => (KeyCode::Char(' '), none),
        other => {
            let c = other.strip_prefix("C-")?.chars().next()?;
            (KeyCode::Char(c), KeyModifiers::CONTROL)
        }
    };
    Some(KeyEvent::new(code, mods))
}

/// Keys written as text: plain characters, and `<Name>` for special keys
/// such as `<Enter>`, `<Tab>`, `<Esc>`, `<Down>`, `<C-s>`. A `<` that does
/// not start a known name is the character itself.
pub fn parse_keys(keys: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && let Some(key) = named_key(&rest[1..end])
        {
            out.push(key);
            rest = &rest[end + 1..];
            continue;
        }
        let mods = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        out.push(KeyEvent::new(KeyCode::Char(c), mods));
        rest = &rest[c.len_utf8()..];
    }
    out
}
