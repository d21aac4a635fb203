//! Key sequences through `App`: ratings, edits, navigation and search.

mod common;

#[path = "common/tui.rs"]
mod tui;

use ietkit::model::assessment::{ActionStatus, Rating};
use ietkit::model::screener::Answer;
use ietkit::tui::app::{Effect, MainView, Overlay};
use ietkit::tui::layout::Pane;
use tui::{app, feed};

fn rating(app: &ietkit::tui::app::App, id: &str) -> Rating {
    app.assessment.response(id).unwrap().rating.clone()
}

#[test]
fn next_to_rate_opens_the_first_category_and_digits_rate() {
    let mut a = app(80, 24);
    feed(&mut a, "]");
    assert_eq!(a.main, MainView::Checklist(0));
    assert_eq!(a.focus, Pane::Main);
    feed(&mut a, "2j3jj1");
    assert_eq!(rating(&a, "PD-1"), Rating::Level(2));
    assert_eq!(rating(&a, "PD-2"), Rating::Level(3));
    assert_eq!(rating(&a, "PD-3"), Rating::Unrated);
    assert_eq!(rating(&a, "PD-4"), Rating::Level(1));
    assert!(
        a.effects.contains(&Effect::Changed),
        "a change asks to be saved"
    );
    // ] and [ skip what is rated: from PD-4, PD-5 is next and PD-3 before.
    feed(&mut a, "]");
    assert_eq!(a.checklist, 4);
    feed(&mut a, "[");
    assert_eq!(a.checklist, 2);
}

#[test]
fn next_to_rate_crosses_categories_and_counts_unsure_ones() {
    let mut a = app(80, 24);
    let pd: Vec<String> = a.content.rubric.categories[0]
        .indicators
        .iter()
        .map(|i| i.id.clone())
        .collect();
    feed(&mut a, "]");
    for _ in &pd {
        feed(&mut a, "3j");
    }
    feed(&mut a, "gu]");
    assert_eq!(
        a.main,
        MainView::Checklist(1),
        "past Program Design, all rated"
    );
    feed(&mut a, "[");
    assert_eq!(
        (a.main.clone(), a.checklist),
        (MainView::Checklist(0), 0),
        "PD-1 is unsure"
    );
}

#[test]
fn not_applicable_needs_a_reason_and_esc_cancels() {
    let mut a = app(80, 24);
    feed(&mut a, "]n<Enter>");
    assert!(
        matches!(a.overlays.last(), Some(Overlay::Prompt(p)) if p.error.is_some()),
        "empty reason refused"
    );
    feed(&mut a, "<Esc>");
    assert!(a.overlays.is_empty());
    assert_eq!(rating(&a, "PD-1"), Rating::Unrated);
    feed(&mut a, "nRuns on campus<Enter>");
    assert_eq!(
        rating(&a, "PD-1"),
        Rating::NotApplicable {
            reason: "Runs on campus".into()
        }
    );
    feed(&mut a, "u");
    assert!(a.assessment.response("PD-1").unwrap().unsure);
    feed(&mut a, "u");
    assert!(!a.assessment.response("PD-1").unwrap().unsure);
}

#[test]
fn detail_edits_notes_evidence_and_actions() {
    let mut a = app(80, 24);
    feed(&mut a, "]<Enter>");
    assert!(matches!(a.overlays.last(), Some(Overlay::Detail { .. })));
    feed(&mut a, "wFirst line<Enter>second line<C-s>");
    feed(
        &mut a,
        "eShared calendar<Tab>Binder tab 3<Tab>Coordinator<Tab>2026-09-28<Enter>",
    );
    feed(
        &mut a,
        "aAlign start weeks<Tab>CTE chair<Tab>2027-01-15<Tab><Right><Enter>",
    );
    let r = a.assessment.response("PD-1").unwrap();
    assert_eq!(r.notes, "First line\nsecond line");
    assert_eq!(r.evidence[0].what, "Shared calendar");
    assert_eq!(r.evidence[0].location, "Binder tab 3");
    assert_eq!(r.evidence[0].date.unwrap().to_string(), "2026-09-28");
    assert_eq!(r.actions[0].owner, "CTE chair");
    assert_eq!(r.actions[0].status, ActionStatus::InProgress);
    // Edit the evidence item: cursor Notes -> Evidence(0), Enter, change the date.
    feed(
        &mut a,
        "j<Enter><Tab><Tab><Tab><Backspace><Backspace>30<Enter>",
    );
    assert_eq!(
        a.assessment.response("PD-1").unwrap().evidence[0]
            .date
            .unwrap()
            .to_string(),
        "2026-09-30"
    );
    // Delete it, confirming.
    feed(&mut a, "dy");
    assert!(a.assessment.response("PD-1").unwrap().evidence.is_empty());
    feed(&mut a, "<Esc>");
    assert!(a.overlays.is_empty());
}

#[test]
fn a_bad_date_keeps_the_form_open_with_the_reason() {
    let mut a = app(80, 24);
    feed(&mut a, "]<Enter>aFix it<Tab><Tab>next week<Enter>");
    match a.overlays.last() {
        Some(Overlay::Form(f)) => assert!(
            f.error.as_deref().unwrap().contains("year-month-day"),
            "{:?}",
            f.error
        ),
        _ => panic!("the form should stay open"),
    }
    assert!(a.assessment.response("PD-1").unwrap().actions.is_empty());
}

#[test]
fn escape_from_changed_notes_asks_before_discarding() {
    let mut a = app(80, 24);
    feed(&mut a, "]<Enter>wKeep me<Esc>");
    assert!(matches!(a.overlays.last(), Some(Overlay::Confirm { .. })));
    feed(&mut a, "n");
    assert!(
        matches!(a.overlays.last(), Some(Overlay::Editor(_))),
        "n goes back to editing"
    );
    feed(&mut a, "<Esc>y");
    assert!(matches!(a.overlays.last(), Some(Overlay::Detail { .. })));
    assert_eq!(a.assessment.response("PD-1").unwrap().notes, "");
}

#[test]
fn pasted_text_is_cleaned_of_control_characters() {
    let mut a = app(80, 24);
    feed(&mut a, "]<Enter>w");
    a.handle_event(ratatui::crossterm::event::Event::Paste(
        "evil\u{1b}]0;title\u{7} text\r\nnext\u{202E}".into(),
    ));
    // While it is being edited, too, each shows as ietkit's visible mark
    // (ratatui alone would drop them silently, bidi overrides included).
    let screen = tui::screen(&a);
    assert!(
        screen.contains("evil\u{FFFD}]0;title\u{FFFD} text"),
        "{screen}"
    );
    assert!(screen.contains("next\u{FFFD}"), "{screen}");
    feed(&mut a, "<C-s>");
    assert_eq!(
        a.assessment.response("PD-1").unwrap().notes,
        "evil\u{FFFD}]0;title\u{FFFD} text\nnext\u{FFFD}"
    );
    // Into a form field: the evidence form.
    feed(&mut a, "e");
    assert!(matches!(a.overlays.last(), Some(Overlay::Form(_))));
    a.handle_event(ratatui::crossterm::event::Event::Paste(
        "Letters\u{202E}fdp.exe\u{200B}".into(),
    ));
    let screen = tui::screen(&a);
    assert!(
        screen.contains("Letters\u{FFFD}fdp.exe\u{FFFD}"),
        "{screen}"
    );
}

#[test]
fn navigator_opens_sections_and_categories() {
    let mut a = app(80, 24);
    feed(&mut a, "<Enter>");
    assert!(
        a.nav.borrow().opened().iter().any(|p| p.len() == 1),
        "toolkit branch opened"
    );
    feed(&mut a, "j<Enter>");
    assert_eq!(a.main, MainView::Section("start".into()));
    assert_eq!(a.focus, Pane::Main);
    feed(&mut a, "h");
    assert_eq!(a.focus, Pane::Navigator, "h steps back out of the text");
    // Down to the screener: Toolkit, Start here (open: 2 children), ...
    feed(&mut a, "gG<Enter>");
    assert_eq!(a.main, MainView::Checklist(4), "the last category");
}

/// Each question says which kind of test it is and the answer given, in
/// words.
#[test]
fn a_screener_question_names_its_kind_and_the_answer_given() {
    use ietkit::model::screener::TestGroup;
    let mut a = app(100, 40);
    a.main = MainView::Screener;
    a.focus = Pane::Main;
    let questions = a.content.screener.questions.clone();
    for (group, words) in [
        (TestGroup::Federal, "Federal requirement"),
        (TestGroup::OregonKeyFeature, "Oregon key feature"),
        (TestGroup::GoodPractice, "Good practice"),
    ] {
        let Some(at) = questions.iter().position(|q| q.group == group) else {
            continue;
        };
        a.question = at;
        let screen = tui::screen(&a);
        assert!(screen.contains(&format!(" {words}")), "{words}: {screen}");
        assert!(screen.contains("Your answer: not answered yet"), "{screen}");
        for (key, words) in [("y", "yes"), ("n", "no"), ("s", "not sure")] {
            feed(&mut a, key);
            feed(&mut a, "<Up>");
            assert_eq!(a.question, at);
            let screen = tui::screen(&a);
            assert!(
                screen.contains(&format!("Your answer: {words}")),
                "{key}: {screen}"
            );
        }
    }
    assert!(
        [TestGroup::Federal, TestGroup::OregonKeyFeature]
            .iter()
            .all(|g| questions.iter().any(|q| q.group == *g)),
        "the shipped screener asks both kinds"
    );
}

#[test]
fn screener_answers_lead_to_a_verdict() {
    let mut a = app(80, 24);
    a.main = MainView::Screener;
    a.focus = Pane::Main;
    let n = a.content.screener.questions.len();
    feed(&mut a, "yyn");
    assert_eq!(a.assessment.screener.get("F-3"), Some(&Answer::No));
    feed(&mut a, &"y".repeat(n - 3));
    assert_eq!(a.question, n, "on the verdict");
    let outcome = a.content.screener.evaluate(&a.assessment.screener);
    assert_eq!(
        outcome
            .federal()
            .failed
            .iter()
            .map(|q| q.id.as_str())
            .collect::<Vec<_>>(),
        ["F-3"]
    );
    // Two verdicts on screen, each with its own result and reasons.
    let screen = tui::screen(&a);
    assert!(
        screen.contains("Federal definition (34 CFR 463.35-463.38): not yet"),
        "{screen}"
    );
    assert!(screen.contains("Oregon key features: meets"), "{screen}");
    // The verdict's whole text, as lines 76 wide.
    let verdict = |a: &ietkit::tui::app::App| {
        ietkit::tui::lines::screener::lines(a, 76)
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let all = verdict(&a);
    assert!(
        all.contains("Federal definition (34 CFR 463.35-463.38), answered no:"),
        "{all}"
    );
    assert!(!all.contains("Oregon key features, answered no:"), "{all}");

    // Meeting the federal definition while an Oregon feature is a no.
    let concurrent = a
        .content
        .screener
        .questions
        .iter()
        .position(|q| q.id == "OR-2")
        .unwrap();
    a.question = 2;
    feed(&mut a, "y");
    a.question = concurrent;
    feed(&mut a, "n");
    a.question = n;
    let all = verdict(&a);
    assert!(
        all.contains("Federal definition (34 CFR 463.35-463.38): meets"),
        "{all}"
    );
    assert!(all.contains("Oregon key features: not yet"), "{all}");
    assert!(
        all.contains("Oregon key features, answered no:\n  OR-2 Concurrent"),
        "{all}"
    );
    feed(&mut a, "<Up>s");
    assert_eq!(
        a.assessment
            .screener
            .get(&a.content.screener.questions[n - 1].id),
        Some(&Answer::NotSure)
    );
}

#[test]
fn search_finds_indicators_and_sections_and_n_steps_through_them() {
    let mut a = app(80, 24);
    feed(&mut a, "/co-enrolled<Enter>");
    let s = a.search.as_ref().expect("a search is active");
    assert!(s.hits.len() >= 2, "{:?}", s.hits);
    assert_eq!(a.main, MainView::Checklist(0));
    assert_eq!(
        a.content.rubric.categories[0].indicators[a.checklist].id,
        "PD-7"
    );
    feed(&mut a, "n");
    assert_eq!(a.search.as_ref().unwrap().current, 1);
    feed(&mut a, "N");
    assert_eq!(a.search.as_ref().unwrap().current, 0);
    // While searching n moves between hits; Esc ends the search and n is N/A again.
    feed(&mut a, "<Esc>");
    assert!(a.search.is_none());
    feed(&mut a, "n");
    assert!(matches!(a.overlays.last(), Some(Overlay::Prompt(_))));
    feed(&mut a, "<Esc>/zzzz-nothing<Enter>");
    assert!(a.search.is_none());
    assert!(
        a.message
            .as_ref()
            .unwrap()
            .0
            .contains("No indicator or toolkit section mentions")
    );
}

#[test]
fn profile_form_fills_the_program_profile() {
    let mut a = app(80, 24);
    feed(
        &mut a,
        "pExample CC<Tab>Welding IET<Tab>Manufacturing<Tab>AWS D1.1; OSHA 10<Tab><Right><Tab>",
    );
    // Past the assessors to the site.
    feed(&mut a, "<Tab><Tab><Right><Enter>");
    let p = &a.assessment.profile;
    assert_eq!(p.college, "Example CC");
    assert_eq!(p.credentials, ["AWS D1.1", "OSHA 10"]);
    assert_eq!(
        a.assessment.purpose,
        ietkit::model::assessment::Purpose::AfterSignificantChange
    );
    assert_eq!(
        p.site.kind,
        ietkit::model::assessment::SiteKind::CorrectionalFacility
    );
    assert_eq!(a.assessment.cycle, "2026-27");
}

#[test]
fn summary_explains_a_score() {
    let mut a = app(80, 24);
    feed(&mut a, "]2j1<Tab>e");
    assert!(matches!(
        a.overlays.last(),
        Some(Overlay::Explain { category: Some(0) })
    ));
    let screen = tui::screen(&a);
    assert!(screen.contains("Mean = (2 + 1) / 2 = 1.50."), "{screen}");
}

#[test]
fn quitting_with_unsaved_work_asks_and_ctrl_c_quits_a_clean_session() {
    let mut a = app(80, 24);
    feed(&mut a, "<C-c>");
    assert!(a.quit, "nothing changed: quit at once");
    let mut a = app(80, 24);
    feed(&mut a, "]2q");
    assert!(!a.quit);
    feed(&mut a, "n");
    assert!(!a.quit && a.overlays.is_empty());
    feed(&mut a, "qy");
    assert!(a.quit);
    assert!(a.effects.contains(&Effect::Quit));
}

#[test]
fn help_lists_keys_from_the_keymap() {
    let mut a = app(100, 200);
    feed(&mut a, "?");
    let screen = tui::screen(&a);
    for line in [
        "Everywhere",
        "Rate the indicator",
        "Mark N/A",
        "Next search hit",
        "Show all keys",
    ] {
        assert!(screen.contains(line), "help lacks {line:?}:\n{screen}");
    }
    feed(&mut a, "<Esc>");
    assert!(a.overlays.is_empty());
}

#[test]
fn the_words_a_search_found_are_marked_where_the_hit_is_read() {
    let mut a = app(80, 24);
    feed(&mut a, "/co-enrolled<Enter><Enter>");
    assert!(matches!(a.overlays.last(), Some(Overlay::Detail { .. })));
    let terminal = tui::terminal(&a);
    let buffer = terminal.backend().buffer();
    let mut marked = 0;
    for y in 0..24 {
        let row: String = (0..80).map(|x| buffer[(x, y)].symbol()).collect();
        // The text of the hit, not the overlay's title on its border.
        if row.contains('┌') {
            continue;
        }
        if let Some(at) = row.to_lowercase().find("co-enrolled") {
            let x = row[..at].chars().count() as u16;
            let cell = &buffer[(x, y)];
            assert!(
                cell.modifier.contains(ratatui::style::Modifier::UNDERLINED),
                "row {y}: {row}"
            );
            marked += 1;
        }
    }
    assert!(marked >= 1, "the match is on screen and marked");
    // Without a search, nothing is marked.
    feed(&mut a, "<Esc><Esc>");
    assert!(a.search.is_none());
    let terminal = tui::terminal(&a);
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content()
            .iter()
            .all(|c| !c.modifier.contains(ratatui::style::Modifier::UNDERLINED))
    );
}

#[test]
fn esc_and_a_key_arriving_as_one_alt_chord_count_as_both() {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let mut a = app(80, 24);
    feed(&mut a, "x");
    assert!(matches!(a.overlays.last(), Some(Overlay::Form(_))));
    // Over a slow link, Esc then ? in one read looks like Alt-?.
    a.handle_event(Event::Key(KeyEvent::new(
        KeyCode::Char('?'),
        KeyModifiers::ALT,
    )));
    assert!(
        matches!(a.overlays.last(), Some(Overlay::Help { .. })),
        "the form closed and the help opened"
    );
    assert_eq!(a.overlays.len(), 1);
}

#[test]
fn ctrl_z_steps_out_to_the_shell_from_every_view_and_keeps_what_is_typed() {
    // Each: keys that open a view, and text typed there first.
    let views = [
        ("", ""),
        ("jj<Enter><Enter>", ""),
        ("jj<Enter><Enter>w", "half a note"),
        ("jj<Enter><Enter>a", "call the board"),
        ("/", "employer"),
        ("p", ""),
        ("?", ""),
        ("L", ""),
        ("o", ""),
        ("x", ""),
    ];
    for (open, typed) in views {
        let mut a = app(80, 24);
        feed(&mut a, open);
        feed(&mut a, typed);
        let top = a.overlays.len();
        let before = a.typing();
        feed(&mut a, "<C-z>");
        assert!(a.suspend, "Ctrl-Z after {open:?}");
        assert_eq!(a.overlays.len(), top, "nothing closed after {open:?}");
        assert_eq!(a.typing(), before, "nothing typed lost after {open:?}");
    }
}

#[test]
fn esc_on_a_reason_typed_asks_before_it_is_lost() {
    let mut a = app(80, 24);
    feed(
        &mut a,
        "jj<Enter><Enter>nNo employer partner in this region yet",
    );
    assert!(matches!(a.overlays.last(), Some(Overlay::Prompt(_))));
    feed(&mut a, "<Esc>");
    assert!(matches!(a.overlays.last(), Some(Overlay::Confirm { .. })));
    feed(&mut a, "n");
    assert!(
        matches!(a.overlays.last(), Some(Overlay::Prompt(_))),
        "kept on no"
    );
    assert!(a.typing().is_some(), "the reason is still there");
    feed(&mut a, "<Esc>y");
    assert!(matches!(a.overlays.last(), Some(Overlay::Detail { .. })));
    // Nothing typed: Esc closes at once.
    feed(&mut a, "n<Esc>");
    assert!(matches!(a.overlays.last(), Some(Overlay::Detail { .. })));
}

#[test]
fn behind_the_enlarge_screen_only_quitting_acts() {
    use ratatui::crossterm::event::Event;
    let mut a = app(30, 8);
    assert!(tui::screen(&a).contains("Enlarge the terminal"));
    feed(&mut a, "]2<Tab>o/x?p");
    a.handle_event(Event::Paste("pasted".into()));
    assert_eq!(rating(&a, "PD-1"), Rating::Unrated, "no rating behind it");
    assert!(a.effects.is_empty(), "nothing asked of the session");
    assert!(a.overlays.is_empty(), "nothing opened behind it");
    assert_eq!(
        (a.main.clone(), a.focus),
        (MainView::Welcome, Pane::Navigator)
    );
    feed(&mut a, "q");
    assert!(a.quit, "q quits, as the screen says");

    // Unsaved work, then the terminal shrinks with the detail open: q asks,
    // the question is what the small screen shows, and n keeps working.
    let mut a = app(80, 24);
    feed(&mut a, "]2<Enter>");
    assert!(matches!(a.overlays.last(), Some(Overlay::Detail { .. })));
    a.handle_event(Event::Resize(30, 8));
    feed(&mut a, "3");
    assert_eq!(rating(&a, "PD-1"), Rating::Level(2), "3 did not act");
    feed(&mut a, "q");
    assert!(!a.quit);
    let s = tui::screen(&a)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        s.contains("not saved yet. Quit anyway") && s.contains("(y/n)"),
        "{s}"
    );
    feed(&mut a, "n");
    assert!(!a.quit);
    a.handle_event(Event::Resize(80, 24));
    assert!(matches!(a.overlays.last(), Some(Overlay::Detail { .. })));
    a.handle_event(Event::Resize(30, 8));
    feed(&mut a, "qy");
    assert!(a.quit && a.effects.contains(&Effect::Quit));
}

#[test]
fn the_screener_reopens_where_the_team_left_off() {
    let mut a = app(80, 24);
    // The navigator's second row is "Is this an IET?".
    feed(&mut a, "gj<Enter>");
    assert_eq!(a.main, MainView::Screener);
    assert_eq!(a.question, 0);
    feed(&mut a, "yyn");
    // Back to the navigator and into the screener again.
    feed(&mut a, "<Left>gj<Enter>");
    assert_eq!(a.main, MainView::Screener);
    assert_eq!(a.question, 3, "at the first question not answered");
    // A question skipped earlier comes first.
    a.assessment.screener.remove("F-2");
    feed(&mut a, "<Left>gj<Enter>");
    assert_eq!(a.question, 1);
    let n = a.content.screener.questions.len();
    let ids: Vec<String> = a
        .content
        .screener
        .questions
        .iter()
        .map(|q| q.id.clone())
        .collect();
    for id in ids {
        a.assessment.screener.insert(id, Answer::Yes);
    }
    feed(&mut a, "<Left>gj<Enter>");
    assert_eq!(a.question, n, "all answered: on the verdict");
}

/// Evidence carried from an earlier cycle stays "to re-check" until the
/// team says it looked again: keeping its form unchanged does not say so.
#[test]
fn evidence_stays_to_re_check_until_the_team_says_it_holds() {
    use ietkit::model::assessment::Evidence;
    let mut a = app(80, 24);
    a.assessment.response_mut("PD-1").evidence.push(Evidence {
        what: "Partner agreement".into(),
        location: "Binder tab 1".into(),
        holder: "Coordinator".into(),
        date: None,
        recheck: true,
    });
    let recheck =
        |a: &ietkit::tui::app::App| a.assessment.response("PD-1").unwrap().evidence[0].recheck;
    feed(&mut a, "]<Enter><Down><Enter>");
    assert!(
        matches!(a.overlays.last(), Some(Overlay::Form(_))),
        "the evidence form"
    );
    assert!(
        tui::screen(&a).contains("still to re-check"),
        "{}",
        tui::screen(&a)
    );
    feed(&mut a, "<Enter>");
    assert!(recheck(&a), "kept unchanged: still to re-check");
    feed(&mut a, "<Enter><Tab><Tab><Tab><Tab><Right><Enter>");
    assert!(!recheck(&a), "said to hold: re-checked");
    assert_eq!(
        a.assessment.response("PD-1").unwrap().evidence[0].what,
        "Partner agreement"
    );
}

/// A letter or digit that does nothing where it is pressed says so, with
/// the way to the keys that do; nothing changes.
#[test]
fn a_key_that_does_nothing_here_says_so() {
    let mut a = app(80, 24);
    feed(&mut a, "]");
    let before = a.assessment.clone();
    feed(&mut a, "5");
    assert_eq!(a.assessment, before);
    let (said, _) = a.message.clone().expect("a word for the key");
    assert_eq!(said, "5 does nothing here; ? shows the keys that do.");
    // A bound key still does what it says, and the word goes.
    feed(&mut a, "2");
    assert!(a.message.is_none() || !a.message.as_ref().unwrap().0.contains("does nothing"));
    // In a text field every letter is typed, never refused.
    feed(&mut a, "p");
    feed(&mut a, "Zq5");
    assert!(a.message.is_none(), "{:?}", a.message);
}

/// `/` finds what a toolkit section lists to read or ask, not only its
/// words: the webinar, the State IET Team's address.
#[test]
fn search_finds_the_resources_a_section_lists() {
    let a = app(80, 24);
    for (query, section) in [
        ("webinar", "res-oregon-toolkit"),
        ("hecc.absteam", "req-oregon"),
    ] {
        let hits = ietkit::tui::search::find(&a.content, query);
        assert!(
            hits.contains(&ietkit::tui::search::Hit::Section(section.into())),
            "{query}: {hits:?}"
        );
    }
}

/// In the help, PgDn and PgUp turn a page each way; Home and End go to
/// either end.
#[test]
fn the_help_turns_a_page_each_way() {
    // Small enough that the help runs to several pages.
    let mut a = app(40, 12);
    feed(&mut a, "?");
    let scroll = |a: &ietkit::tui::app::App| match a.overlays.last() {
        Some(Overlay::Help { scroll }) => *scroll,
        _ => panic!("the help is open"),
    };
    feed(&mut a, "<PgDn><PgDn>");
    let two = scroll(&a);
    assert!(two > 0);
    feed(&mut a, "<PgUp>");
    let one = scroll(&a);
    assert!(one > 0 && one < two, "{one} of {two}");
    assert_eq!(two - one, one, "a page each way");
    feed(&mut a, "<PgUp>");
    assert_eq!(scroll(&a), 0);
}

fn key_event(
    code: ratatui::crossterm::event::KeyCode,
    mods: ratatui::crossterm::event::KeyModifiers,
) -> ratatui::crossterm::event::KeyEvent {
    ratatui::crossterm::event::KeyEvent::new(code, mods)
}

/// Keys the app does not act on: a key let go (only presses count), a
/// paste while the screen is too small, Ctrl and Space that nothing binds
/// (no word), and an unbound letter or Enter, which says so once.
#[test]
fn keys_that_do_nothing_say_so_once_and_releases_do_nothing() {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
    let mut a = app(80, 24);
    // A release of ] moves nothing.
    let mut release = key_event(KeyCode::Char(']'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert!(!a.handle_event(Event::Key(release)));
    assert_eq!(a.main, MainView::Welcome);
    // An unbound letter says so; the same again draws nothing new.
    let z = key_event(KeyCode::Char('z'), KeyModifiers::NONE);
    assert!(a.handle_event(Event::Key(z)));
    let said = a.message.clone().map(|(m, _)| m).unwrap_or_default();
    assert!(said.starts_with("z does nothing here"), "{said}");
    assert!(!a.handle_event(Event::Key(z)), "said already: no redraw");
    // Enter where it does nothing (the list of changes) says so too.
    let mut w = app(80, 24);
    feed(&mut w, "L");
    assert!(matches!(w.overlays.last(), Some(Overlay::Log { .. })));
    w.message = None;
    let enter = key_event(KeyCode::Enter, KeyModifiers::NONE);
    w.handle_event(Event::Key(enter));
    let said = w.message.clone().map(|(m, _)| m).unwrap_or_default();
    assert!(said.starts_with("Enter does nothing here"), "{said}");
    // Alt and a key that does nothing: still drawn, for the Esc before it
    // (which closed the list).
    let alt_space = key_event(KeyCode::Char(' '), KeyModifiers::ALT);
    assert!(w.handle_event(Event::Key(alt_space)));
    assert!(w.overlays.is_empty());
    // Ctrl with a letter nothing binds, and a space, say nothing.
    a.message = None;
    a.handle_event(Event::Key(key_event(
        KeyCode::Char('b'),
        KeyModifiers::CONTROL,
    )));
    assert_eq!(a.message, None);
    // Alt and a key: Esc, then the key; drawn when either did something.
    let mut b = app(80, 24);
    assert!(b.handle_event(Event::Key(key_event(KeyCode::Char(']'), KeyModifiers::ALT))));
    assert!(matches!(b.main, MainView::Checklist(_)), "] went on");
    // Too small to show anything: a paste goes nowhere.
    let mut c = app(80, 24);
    feed(&mut c, "]<Enter>w");
    assert!(matches!(c.overlays.last(), Some(Overlay::Editor(_))));
    c.handle_event(Event::Resize(8, 3));
    assert!(!c.handle_event(Event::Paste("lost".into())));
    c.handle_event(Event::Resize(80, 24));
    let Some(Overlay::Editor(e)) = c.overlays.last() else {
        panic!("the editor is still open");
    };
    assert!(!e.text().contains("lost"));
}

/// The first size: where only one pane fits, the welcome takes the
/// screen (it says how to begin), not the navigator; where all fit, the
/// navigator keeps the keys.
#[test]
fn the_first_size_decides_where_the_keys_go() {
    let mut narrow = app(80, 24);
    narrow.resize_first(40, 12);
    assert_eq!(narrow.focus, Pane::Main);
    let mut wide = app(80, 24);
    wide.resize_first(120, 40);
    assert_eq!(wide.focus, Pane::Navigator);
    // Once something else is open, the first size leaves it.
    let mut opened = app(80, 24);
    feed(&mut opened, "]");
    let focus = opened.focus;
    let main = opened.main.clone();
    opened.resize_first(40, 12);
    assert_eq!((opened.focus, opened.main.clone()), (focus, main));
}

/// In the navigator, h (Left) closes the branch it is on; Esc with
/// nothing open changes nothing; Ctrl-S asks for a save now.
#[test]
fn the_navigator_closes_a_branch_and_esc_and_ctrl_s_do_what_they_say() {
    let mut a = app(80, 24);
    feed(&mut a, "<Enter>");
    assert!(a.nav.borrow().opened().iter().any(|p| p.len() == 1));
    feed(&mut a, "h");
    assert_eq!(a.focus, Pane::Navigator);
    assert!(
        a.nav.borrow().opened().is_empty(),
        "h closed the toolkit's branch"
    );
    // Esc on the panes, nothing open: the same screen after.
    feed(&mut a, "<Enter>j");
    let before = (
        a.focus,
        a.main.clone(),
        a.nav.borrow().selected().to_vec(),
        a.nav.borrow().opened().clone(),
    );
    feed(&mut a, "<Esc>");
    let after = (
        a.focus,
        a.main.clone(),
        a.nav.borrow().selected().to_vec(),
        a.nav.borrow().opened().clone(),
    );
    assert_eq!(before, after);
    // Ctrl-S: saved now, changed or not.
    a.effects.clear();
    feed(&mut a, "<C-s>");
    assert!(a.effects.contains(&Effect::SaveNow), "{:?}", a.effects);
}

/// In a checklist, PgDn and PgUp move a page of rows (not one), to the
/// last and back.
#[test]
fn the_checklist_pages_both_ways() {
    let mut a = app(80, 16);
    feed(&mut a, "]");
    assert!(matches!(a.main, MainView::Checklist(0)));
    assert_eq!(a.checklist, 0);
    feed(&mut a, "<PgDn>");
    let down = a.checklist;
    assert!(down > 1, "a page, not a row: {down}");
    feed(&mut a, "<PgUp>");
    assert_eq!(a.checklist, 0);
}

/// e in a checklist explains its category's score; keys other than Esc
/// leave the explanation open, Esc closes it.
#[test]
fn the_checklist_explains_its_score_until_esc() {
    let mut a = app(80, 24);
    feed(&mut a, "]e");
    assert!(matches!(
        a.overlays.last(),
        Some(Overlay::Explain { category: Some(0) })
    ));
    feed(&mut a, "j");
    assert!(matches!(a.overlays.last(), Some(Overlay::Explain { .. })));
    feed(&mut a, "<Esc>");
    assert!(a.overlays.is_empty());
}

/// A search hit replaces an indicator's open detail with the hit.
#[test]
fn a_search_hit_replaces_an_open_detail() {
    let mut a = app(80, 24);
    feed(&mut a, "]<Enter>");
    assert!(matches!(a.overlays.last(), Some(Overlay::Detail { .. })));
    feed(&mut a, "/employer<Enter>");
    assert!(
        !a.overlays
            .iter()
            .any(|o| matches!(o, Overlay::Detail { .. })),
        "the detail went"
    );
    assert!(a.search.is_some());
}
