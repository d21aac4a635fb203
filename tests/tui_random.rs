//! Random keys at random terminal sizes never panic, every frame draws, and
//! with saving on, the file on disk always loads and holds what the app holds.

mod common;

#[path = "common/tui.rs"]
mod tui;

use std::sync::atomic::{AtomicUsize, Ordering};

use ietkit::store::assessment_file;
use ietkit::store::library::Library;
use ietkit::store::paths::{ChosenBy, DataDir};
use ietkit::tui::app::SaveState;
use ietkit::tui::session::Session;
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

fn unique() -> usize {
    static N: AtomicUsize = AtomicUsize::new(0);
    N.fetch_add(1, Ordering::SeqCst)
}

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
        // Printable text mixed with control and format characters: escape
        // sequences, bidi overrides, zero-width and tag characters.
        1 => "([\\PC\\p{Cc}\\p{Cf}]|\x1b\\[31m|\x1b\\]0;t\x07){0,30}".prop_map(Step::Paste),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_at_random_sizes_never_panic_and_what_is_saved_matches(
        (w, h) in (1u16..=250, 1u16..=80),
        steps in prop::collection::vec(step(), 1..80),
    ) {
        // In memory where there is such a folder: the test is about what is
        // written, not how fast this disk flushes.
        let shm = std::path::Path::new("/dev/shm");
        let base = if shm.is_dir() { shm.to_path_buf() } else { std::env::temp_dir() };
        let dir = base.join(format!("ietkit-random-{}-{}", std::process::id(), unique()));
        let library = Library::new(DataDir { path: dir.clone(), chosen_by: ChosenBy::Flag });
        let mut session = Session::new(Some(library));
        let mut app = tui::app(w, h);
        app.export_dir = dir.join("exports");
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
            session.apply(&mut app);
            if let (Some(path), SaveState::Saved(_)) = (&session.path, &app.save) {
                let saved = assessment_file::read(path);
                prop_assert!(saved.is_ok(), "the saved file loads: {:?}", saved.err());
                prop_assert_eq!(&saved.unwrap().assessment, &app.assessment);
            }
            // Whatever was pasted, the assessment holds only safe text:
            // nothing that loading the file would have to clean.
            let mut copy = app.assessment.clone();
            prop_assert!(
                !assessment_file::clean_text(&mut copy),
                "unsafe text reached the assessment: {:?}",
                app.assessment
            );
            if app.quit {
                break;
            }
            let screen = tui::screen(&app);
            // Nothing unsafe is drawn either: ratatui drops control
            // characters itself, but not bidi overrides or invisible ones.
            prop_assert!(
                ietkit::text::first_unsafe(&screen).is_none(),
                "drawn: {:?}",
                ietkit::text::first_unsafe(&screen)
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
