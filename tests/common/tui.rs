//! Driving the app in tests: keys written as text, screens drawn into a
//! TestBackend.

use ietkit::model::assessment::{Assessment, Profile, Purpose};
use ietkit::store::embedded;
use ietkit::tui::app::App;
use ietkit::tui::content::Content;
use ietkit::tui::theme::Theme;
use ietkit::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

pub fn app_with(theme: Theme, width: u16, height: u16) -> App {
    let content = Content::from(embedded::builtin().expect("built-in files load"));
    let assessment = Assessment::new(
        &content.rubric,
        Profile::default(),
        Purpose::EvaluatingExisting,
        "2026-27",
    );
    App::new(content, assessment, theme, Rect::new(0, 0, width, height))
}

pub fn app(width: u16, height: u16) -> App {
    app_with(Theme::default(), width, height)
}

/// One key from the notation used by `feed`.
pub fn key(name: &str) -> KeyEvent {
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
        other => match other.strip_prefix("C-") {
            Some(c) => (
                KeyCode::Char(c.chars().next().unwrap()),
                KeyModifiers::CONTROL,
            ),
            None => panic!("unknown key <{other}>"),
        },
    };
    KeyEvent::new(code, mods)
}

/// Types `keys`: plain characters, and `<Name>` for special keys such as
/// `<Enter>`, `<Tab>`, `<Esc>`, `<Down>`, `<C-s>`.
pub fn feed(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        if let Some(end) = rest.find('>').filter(|&e| c == '<' && e > 1) {
            app.handle_event(Event::Key(key(&rest[1..end])));
            rest = &rest[end + 1..];
            continue;
        }
        let mods = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        app.handle_event(Event::Key(KeyEvent::new(KeyCode::Char(c), mods)));
        rest = &rest[c.len_utf8()..];
    }
}

pub fn terminal(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|f| ui::render(app, f)).unwrap();
    terminal
}

/// The screen as text, one line per row.
pub fn screen(app: &App) -> String {
    let terminal = terminal(app);
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}
