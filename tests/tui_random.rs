//! Random keys at random terminal sizes never panic, and every frame draws.

mod common;

#[path = "common/tui.rs"]
mod tui;

use proptest::prelude::*;
use ratatui::crossterm::event::Event;

const KEYS: &[&str] = &[
    "<Enter>",
    "<Esc>",
    "<Tab>",
    "<BackTab>",
    "<Up>",
    "<Down>",
    "<Left>",
    "<Right>",
    "<PgUp>",
    "<PgDn>",
    "<Home>",
    "<End>",
    "<Backspace>",
    "<Delete>",
    "<F1>",
    "<F2>",
    "<C-s>",
    "<Space>",
    "0",
    "1",
    "2",
    "3",
    "n",
    "N",
    "u",
    "y",
    "s",
    "e",
    "w",
    "a",
    "d",
    "p",
    "q",
    "j",
    "k",
    "h",
    "l",
    "g",
    "G",
    "]",
    "[",
    "/",
    "?",
    "x",
    "7",
    "-",
];

#[derive(Debug, Clone)]
enum Step {
    Key(usize),
    Resize(u16, u16),
    Paste(String),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => (0..KEYS.len()).prop_map(Step::Key),
        1 => (1u16..=250, 1u16..=80).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => "\\PC{0,30}".prop_map(Step::Paste),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_at_random_sizes_never_panic(
        (w, h) in (1u16..=250, 1u16..=80),
        steps in prop::collection::vec(step(), 1..80),
    ) {
        let mut app = tui::app(w, h);
        for s in steps {
            match s {
                Step::Key(i) => tui::feed(&mut app, KEYS[i]),
                Step::Resize(w, h) => {
                    app.handle_event(Event::Resize(w, h));
                }
                Step::Paste(text) => {
                    app.handle_event(Event::Paste(text));
                }
            }
            if app.quit {
                break;
            }
            let screen = tui::screen(&app);
            prop_assert!(!screen.chars().any(|c| c.is_control() && c != '\n'));
        }
    }
}
