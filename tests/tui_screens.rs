//! Whole screens drawn into a TestBackend and compared with snapshots
//! (tests/snapshots/), at 80x24, 120x40 and 60x20, in every theme.

mod common;

#[path = "common/tui.rs"]
mod tui;

use ietkit::tui::app::App;
use ietkit::tui::theme::Theme;
use insta::assert_snapshot;
use ratatui::style::{Color, Modifier};
use tui::{app, app_with, feed, screen};

/// Part way through an assessment: Program Design partly rated, with
/// notes, evidence, an action item, an N/A and an unsure flag.
fn mid_assessment(a: &mut App) {
    feed(a, "pExample Community College<Tab>Welding IET<Enter>");
    feed(a, "]2j3jnCohort starts in spring<Enter>j1uj");
    feed(
        a,
        "<Enter>wCalendars differ by a week.<C-s>eShared term calendar<Tab>Binder tab 3<Enter>",
    );
    feed(
        a,
        "aAlign start weeks<Tab>CTE chair<Tab>2027-01-15<Enter><Esc>",
    );
}

#[test]
fn welcome_at_80x24() {
    assert_snapshot!(screen(&app(80, 24)));
}

#[test]
fn toolkit_section_open_in_the_navigator() {
    let mut a = app(80, 24);
    feed(&mut a, "<Enter>jj<Enter><BackTab>jjj<Enter>");
    assert_snapshot!(screen(&a));
}

#[test]
fn checklist_mid_assessment_at_three_sizes() {
    for (w, h) in [(80, 24), (120, 40), (60, 20)] {
        let mut a = app(w, h);
        mid_assessment(&mut a);
        assert_snapshot!(format!("checklist_{w}x{h}"), screen(&a));
    }
}

#[test]
fn indicator_detail_with_notes_and_items() {
    let mut a = app(80, 24);
    mid_assessment(&mut a);
    feed(&mut a, "<Enter>");
    assert_snapshot!(screen(&a));
}

#[test]
fn summary_focused_shows_bars_lowest_and_open_actions() {
    let mut a = app(80, 24);
    mid_assessment(&mut a);
    feed(&mut a, "<Tab>");
    let bars = screen(&a);
    assert!(bars.contains("PD  ███████░░░  2.0 4/8"), "{bars}");
    // At 80x24 the pane keeps its size; Down past "All" scrolls on to the
    // lowest rated indicators and the open actions.
    feed(&mut a, "<End><Down><Down><Down><Down><Down>");
    assert_snapshot!(screen(&a));
}

#[test]
fn screener_verdict() {
    let mut a = app(80, 24);
    let n = a.content.screener.questions.len();
    feed(&mut a, "j<Enter>yyns");
    feed(&mut a, &"y".repeat(n - 4));
    assert_eq!(a.question, n, "on the verdict");
    let s = screen(&a);
    assert!(s.contains("Two verdicts"), "{s}");
    assert_snapshot!(s);
}

#[test]
fn help_overlay() {
    let mut a = app(80, 24);
    feed(&mut a, "?");
    assert_snapshot!(screen(&a));
}

#[test]
fn too_small_asks_for_a_larger_terminal() {
    let s = screen(&app(39, 9));
    assert!(s.contains("Enlarge the terminal: 39x9 is too small"), "{s}");
}

#[test]
fn ascii_theme_draws_only_ascii() {
    let mut a = app_with(Theme::new(false, true), 80, 24);
    mid_assessment(&mut a);
    for keys in ["", "<Enter>", "<Esc><Tab>", "<BackTab><BackTab><Enter>"] {
        feed(&mut a, keys);
        let s = screen(&a);
        let odd: Vec<char> = s.chars().filter(|c| !c.is_ascii()).collect();
        assert!(odd.is_empty(), "non-ASCII {odd:?} after {keys:?}:\n{s}");
    }
    feed(&mut a, "<Esc><Tab>");
    assert_snapshot!(screen(&a));
}

#[test]
fn mono_theme_has_no_colour_and_keeps_the_selection_visible() {
    let mut a = app_with(Theme::new(true, false), 80, 24);
    mid_assessment(&mut a);
    let terminal = tui::terminal(&a);
    let buffer = terminal.backend().buffer();
    let mut reversed = 0;
    for cell in buffer.content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "colour in mono at {cell:?}"
        );
        if cell.modifier.contains(Modifier::REVERSED) {
            reversed += 1;
        }
    }
    assert!(reversed > 10, "the selection is shown in reverse video");
    // Same text as the default theme: meaning is never in colour alone.
    let mut colour = app(80, 24);
    mid_assessment(&mut colour);
    assert_eq!(screen(&a), screen(&colour));
}

/// The checklist's marks cannot be read as a rating: notes and an open
/// action never make "NA1", in either theme, and the legend names each.
#[test]
fn the_checklist_marks_read_as_what_they_are() {
    for (theme, row_marks, legend) in [
        (
            Theme::default(),
            "✎ § !1",
            "✎ notes  § evidence  !2 = 2 open actions",
        ),
        (
            Theme::new(false, true),
            "nt ev !1",
            "nt notes ev evidence !2 = 2 open actions",
        ),
    ] {
        let mut a = app_with(theme, 80, 24);
        mid_assessment(&mut a);
        let s = screen(&a);
        let row = s.lines().find(|l| l.contains("PD-5")).unwrap();
        assert!(row.contains(row_marks), "{row}");
        assert!(!row.contains("NA") && !row.contains("N/A"), "{row}");
        assert!(s.contains(legend), "{s}");
        if theme.ascii {
            assert!(
                !row.contains(". "),
                "a cut title ends in ~, not a full stop: {row}"
            );
            assert!(row.contains('~'), "{row}");
        }
    }
}

/// Scrolling views say when more is below and how to reach it, and stop
/// saying it at the end: the detail's reading part and the summary pane.
#[test]
fn views_say_when_more_is_below() {
    let mut a = app(60, 20);
    feed(&mut a, "]<Enter>");
    let s = screen(&a);
    assert!(s.contains("PgDn: more"), "{s}");
    feed(&mut a, "<PgDn><PgDn><PgDn><PgDn><PgDn><PgDn>");
    let s = screen(&a);
    assert!(!s.contains("PgDn: more"), "at the end:\n{s}");

    let mut a = app(80, 24);
    mid_assessment(&mut a);
    let s = screen(&a);
    assert!(
        s.contains("Tab, PgDn: more"),
        "the summary's lowest rated and actions:\n{s}"
    );
}

/// The help takes the whole screen, in two columns where they fit, with the
/// keys of where it was opened first; styles survive the columns.
#[test]
fn help_fits_the_screen_in_one_or_two_columns() {
    let mut a = app(200, 60);
    feed(&mut a, "?");
    let s = screen(&a);
    let first_heading = s.lines().find(|l| l.contains("Navigator")).unwrap();
    assert!(first_heading.contains("Checklist"), "two columns:\n{s}");
    assert!(s.contains("Library of saved assessments"), "{s}");
    let t = tui::terminal(&a);
    let buffer = t.backend().buffer();
    let y = s.lines().position(|l| l.contains("Navigator")).unwrap() as u16;
    let x = first_heading.find("Checklist").unwrap();
    let x = first_heading[..x].chars().count() as u16;
    assert!(
        buffer[(x, y)].modifier.contains(Modifier::BOLD),
        "the right column's heading keeps its style"
    );

    let mut a = app(80, 24);
    feed(&mut a, "]?");
    let s = screen(&a);
    let checklist = s
        .lines()
        .position(|l| l.contains("│Checklist"))
        .expect("checklist keys first");
    assert!(
        checklist < 6,
        "opened from the checklist, its keys first:\n{s}"
    );
    assert!(
        s.lines()
            .all(|l| !(l.contains("Navigator") && l.contains("Checklist"))),
        "one column"
    );
}

/// A cut title shows whole for the selected row, and wide terminals give
/// the side panes room for whole names.
#[test]
fn cut_titles_show_whole_for_the_selected_row_and_wide_panes_hold_names() {
    let mut a = app(80, 24);
    feed(&mut a, "]jjjj");
    let s = screen(&a);
    let row = s.lines().find(|l| l.contains("PD-5 - not rated")).unwrap();
    assert!(
        !row.contains("Leads to a recognized credential"),
        "cut in the list: {row}"
    );
    assert!(
        s.contains("PD-5 Leads to a recognized credential"),
        "whole below it:\n{s}"
    );
    feed(&mut a, "k");
    assert!(!screen(&a).contains("PD-5 Leads to a recognized credential"));

    // The navigator too: the selected category's name, whole, under the tree.
    let mut a = app(80, 24);
    feed(&mut a, "jjj");
    let s = screen(&a);
    let nav: String = s
        .lines()
        .map(|l| l.chars().take(28).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        !nav.contains("Collaboration and Industry Engagement"),
        "one line in the tree"
    );
    let flat = nav
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("Collaboration and Industry Engagement"),
        "whole below:\n{nav}"
    );

    let a = app(200, 50);
    let s = screen(&a);
    for name in [
        "Collaboration and Industry Engagement",
        "Program Management, Staffing and Organization Support",
    ] {
        assert!(s.contains(name), "{name} cut at 200 columns:\n{s}");
    }
}

/// The detail opens with the level the indicator is rated at in view, at
/// every size, and can still scroll back to the top.
#[test]
fn the_detail_opens_with_the_chosen_level_in_view() {
    for (w, h) in [(80, 24), (60, 20), (40, 12)] {
        let mut a = app(w, h);
        feed(&mut a, "]3<Enter>");
        let s = screen(&a);
        assert!(
            s.contains("3 Established:"),
            "the level's own line, {w}x{h}:\n{s}"
        );
        feed(&mut a, &"<PgUp>".repeat(6));
        let top = screen(&a);
        assert!(
            top.contains("Rating: 3 Established"),
            "{w}x{h}: back at the top\n{top}"
        );
    }
}

/// Scrolled text says there is more above, and stops saying so at the top.
#[test]
fn scrolled_text_says_when_more_is_above() {
    let mut a = app(80, 24);
    feed(&mut a, "?");
    assert!(!screen(&a).contains("more above"));
    feed(&mut a, "<PgDn>");
    let s = screen(&a);
    assert!(
        s.contains("PgUp: more above") && s.contains("PgDn: more"),
        "{s}"
    );
    feed(&mut a, "g");
    assert!(!screen(&a).contains("more above"));
}

/// A question at the bottom line and what is wrong with its answer show
/// whole, on as many lines as they need, at every width.
#[test]
fn a_prompt_and_its_error_are_never_cut() {
    for (w, h) in [(80, 24), (60, 20), (40, 12)] {
        let mut a = app(w, h);
        feed(&mut a, "]n<Enter>");
        let flat = screen(&a).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("Why does PD-1 not apply to this program?")
                && flat.contains("A reason is needed: say briefly why it does not apply."),
            "{w}x{h}: {flat}"
        );
    }
}

/// A form's keys and the focused field's hint show whole at every size:
/// in the title where they fit, on the bottom border where they do not.
#[test]
fn a_form_says_its_keys_and_hints_whole() {
    for (w, h) in [(80, 24), (60, 20), (40, 12)] {
        let mut a = app(w, h);
        a.ask_who(true);
        let s = screen(&a);
        let flat = s
            .replace(['│', '┐', '┘', '─', '▸', '▾'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(flat.contains("Enter keeps, Esc: not now"), "{w}x{h}:\n{s}");
        assert!(
            flat.contains("as your team knows you: it is recorded with each change you make"),
            "{w}x{h}:\n{s}"
        );
        // Choices and what is typed show whole, the label above them where
        // the form is narrow.
        feed(&mut a, "Maria Lopez");
        let flat = screen(&a).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("< Someone else, or not saying >"),
            "{w}x{h}: {flat}"
        );
        assert!(flat.contains("Maria Lopez"), "{w}x{h}: {flat}");
    }
}

/// Nothing is cut without a sign: rows past a pane's end are said on its
/// border, names too long for the navigator end in an ellipsis, a long
/// reason for N/A wraps whole, a box leaves no stray letter beside it.
#[test]
fn nothing_is_cut_or_hidden_without_a_sign() {
    use ietkit::tui::layout::Pane;
    use ietkit::tui::nav::NavId;

    // The navigator at 80x24: names cut with an ellipsis; with every
    // category open, the rows below and then above are said.
    let mut a = app(80, 24);
    let s = screen(&a);
    assert!(s.contains("Collaboration and I…"), "{s}");
    assert!(
        !s.contains("Collaboration and In│"),
        "cut without a sign:\n{s}"
    );
    for c in 0..a.content.rubric.categories.len() {
        a.nav.borrow_mut().open(vec![NavId::Category(c)]);
    }
    a.focus = Pane::Navigator;
    let s = screen(&a);
    assert!(s.contains("j: more below"), "{s}");
    feed(&mut a, "G");
    let s = screen(&a);
    assert!(s.contains("k: more above"), "{s}");
    assert!(!s.contains("j: more below"), "at the end:\n{s}");

    // The checklist at 40x12 holds 7 of 8 rows; the legend fits whole.
    let mut a = app(40, 12);
    feed(&mut a, "]");
    let s = screen(&a);
    assert!(s.contains("j: more below"), "{s}");
    assert!(s.contains("!2 actions"), "the legend whole:\n{s}");
    feed(&mut a, "G");
    let s = screen(&a);
    assert!(
        s.contains("k: more above") && !s.contains("j: more below"),
        "{s}"
    );

    // A long reason for N/A, in the detail at 60x20: every word of it.
    let mut a = app(60, 20);
    let reason = "No regional workforce plan covers welding yet; WorkSource review due next spring";
    feed(&mut a, "]n");
    feed(&mut a, reason);
    feed(&mut a, "<Enter><Enter>");
    let s = screen(&a);
    let words: String = s
        .lines()
        .map(|l| l.trim_matches(|c| c == '│' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains("WorkSource review due next spring"), "{s}");

    // A box over the panes: the columns beside it are blank, not a letter
    // of the text underneath.
    for keys in ["p", "o"] {
        let mut a = app(80, 24);
        feed(&mut a, keys);
        let s = screen(&a);
        let rows: Vec<Vec<char>> = s.lines().map(|l| l.chars().collect()).collect();
        // The box two columns in from the screen's edge.
        let left = 2;
        let top = rows.iter().position(|r| r[left] == '┌').unwrap();
        let right = rows[top].iter().rposition(|c| *c == '┐').unwrap();
        for r in &rows[top..] {
            if r[left] != '│' && r[left] != '┌' && r[left] != '└' {
                break;
            }
            let line: String = r.iter().collect();
            if left > 1 {
                assert_eq!(r[left - 1], ' ', "{keys}: left of the box:\n{s}");
            }
            if right + 2 < r.len() {
                assert_eq!(r[right + 1], ' ', "{keys}: right of the box: {line}\n{s}");
            }
        }
    }

    // The screener's keys at 40 columns: on their own lines, whole.
    let mut a = app(40, 12);
    a.main = ietkit::tui::app::MainView::Screener;
    a.focus = Pane::Main;
    let lines = ietkit::tui::lines::screener::lines(&a, 38);
    let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    assert!(
        text.contains(&"Up/Down other questions".to_string()),
        "{text:?}"
    );
}

/// A reason longer than the prompt's row: its hidden start is marked.
#[test]
fn a_long_answer_in_a_prompt_says_its_start_is_hidden() {
    let mut a = app(60, 20);
    feed(&mut a, "]n");
    let short = screen(&a);
    let last_rows = |s: &str| s.lines().rev().nth(1).unwrap().to_string();
    assert!(!last_rows(&short).starts_with('…'), "{short}");
    feed(
        &mut a,
        &"The program runs on the college campus only, ".repeat(3),
    );
    let s = screen(&a);
    assert!(last_rows(&s).starts_with('…'), "{s}");
    feed(&mut a, "<Home>");
    let s = screen(&a);
    assert!(last_rows(&s).starts_with("The program"), "{s}");
}

/// A toolkit section lists where to find what it names: each resource's
/// name, publisher, use and address, whole, to open on another device.
#[test]
fn a_section_says_where_to_find_its_resources() {
    let mut a = app(80, 24);
    a.main = ietkit::tui::app::MainView::Section("req-oregon".into());
    let lines: Vec<String> = ietkit::tui::lines::reader::lines(&a, 40)
        .iter()
        .map(|l| l.to_string())
        .collect();
    let text = lines.join("\n");
    assert!(text.contains("Where to find it"), "{text}");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("State IET Team (HECC Adult Basic Skills)"),
        "{text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.trim() == "hecc.absteam@hecc.oregon.gov"),
        "{text}"
    );
    assert!(lines.iter().all(|l| l.chars().count() <= 40), "{text}");
}
