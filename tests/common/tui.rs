//! Driving the app in tests: keys written as text, screens drawn into a
#![allow(dead_code)]
//! TestBackend.

use ietkit::model::assessment::{Assessment, Profile, Purpose};
use ietkit::store::embedded;
use ietkit::tui::app::App;
use ietkit::tui::content::Content;
use ietkit::tui::theme::Theme;
use ietkit::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::Event;
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

/// Types `keys`: plain characters, and `<Name>` for special keys such as
/// `<Enter>`, `<Tab>`, `<Esc>`, `<Down>`, `<C-s>`.
pub fn feed(app: &mut App, keys: &str) {
    for key in ietkit::tui::meter::parse_keys(keys) {
        app.handle_event(Event::Key(key));
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
