//! The side-by-side view: drawn at two sizes with a filter, in ASCII, and a
//! consensus agreed by keyboard and saved through the session.

mod common;

#[path = "common/tui.rs"]
mod tui;

use ietkit::model::assessment::Rating;
use ietkit::store::assessment_file;
use ietkit::store::library::Library;
use ietkit::store::paths::{ChosenBy, DataDir};
use ietkit::tui::app::{App, LibraryRequest, Overlay};
use ietkit::tui::compare::CompareView;
use ietkit::tui::session::Session;
use ietkit::tui::theme::Theme;
use insta::assert_snapshot;

const SAMPLES: &str = "examples/assessments";

fn open_side_by_side(app: &mut App, names: &[&str]) {
    let mut loaded = Vec::new();
    for n in names {
        let mut a = sample(n);
        assessment_file::reconcile(&mut a, &app.content.rubric);
        loaded.push(a);
    }
    let view = CompareView::new(
        &app.content.rubric,
        names.iter().map(|s| s.to_string()).collect(),
        loaded,
    );
    app.overlays.push(Overlay::Compare(Box::new(view)));
}

const PARTNERS: [&str; 3] = [
    "welding-fabrication-iet-2026-27-abs-view",
    "welding-fabrication-iet-2026-27-cte-view",
    "welding-fabrication-iet-2026-27",
];

/// A data folder whose library holds the team's sample under each of
/// `names`; the folder, its `DataDir` and the paths made.
fn library_of(label: &str, names: &[&str]) -> (common::TempDir, DataDir, Vec<std::path::PathBuf>) {
    let data = common::TempDir::new(label);
    let dir = DataDir {
        path: data.path().to_path_buf(),
        chosen_by: ChosenBy::Flag,
    };
    let library = Library::new(dir.clone());
    let sample = sample(PARTNERS[2]);
    let paths = names
        .iter()
        .map(|n| library.create_named(&sample, n).unwrap())
        .collect();
    (data, dir, paths)
}

fn sample(name: &str) -> ietkit::model::assessment::Assessment {
    assessment_file::read(&common::root().join(SAMPLES).join(format!("{name}.ron")))
        .unwrap()
        .assessment
}

#[test]
fn partners_side_by_side_at_80x24_with_only_differences() {
    let mut a = tui::app(80, 24);
    open_side_by_side(&mut a, &PARTNERS);
    tui::feed(&mut a, "d");
    let screen = tui::screen(&a);
    assert!(
        screen.contains("Side by side: only differences"),
        "{screen}"
    );
    assert!(
        screen.contains("ABS") && screen.contains("CTE") && screen.contains("ABS+CT"),
        "three columns fit at 80"
    );
    // Partners' views of one cycle: a gap, with no direction, and what
    // the marks mean.
    assert!(screen.contains(" gap"), "{screen}");
    assert!(!screen.contains('↑') && !screen.contains('↓'), "{screen}");
    assert!(screen.contains(". not rated"), "{screen}");
    assert_snapshot!(screen);
}

#[test]
fn cycles_side_by_side_at_160x48_with_regressions_then_trend() {
    let mut a = tui::app(160, 48);
    open_side_by_side(
        &mut a,
        &[
            "welding-fabrication-iet-2025-26",
            "welding-fabrication-iet-2026-27",
        ],
    );
    tui::feed(&mut a, "r");
    let screen = tui::screen(&a);
    assert!(
        screen.contains("No indicator matches this filter"),
        "no regressions between the two cycles:\n{screen}"
    );
    tui::feed(&mut a, "rt");
    assert_snapshot!(tui::screen(&a));
}

#[test]
fn ascii_side_by_side_uses_plus_and_minus() {
    let mut a = tui::app_with(Theme::new(false, true), 80, 24);
    open_side_by_side(
        &mut a,
        &[
            "welding-fabrication-iet-2025-26",
            "welding-fabrication-iet-2026-27",
        ],
    );
    tui::feed(&mut a, "d");
    let screen = tui::screen(&a);
    assert!(screen.is_ascii(), "{screen}");
    // Cycles change, and the column says so.
    assert!(screen.contains("+1") && screen.contains(" chg"), "{screen}");
    assert_snapshot!(screen);
}

#[test]
fn find_jumps_to_a_matching_indicator() {
    let mut a = tui::app(80, 24);
    open_side_by_side(&mut a, &PARTNERS);
    tui::feed(&mut a, "/team-teach<Enter>");
    match a.overlays.last() {
        Some(Overlay::Compare(v)) => assert_eq!(v.selected_row().unwrap().id, "CU-5"),
        _ => panic!("the view stays open"),
    }
    tui::feed(&mut a, "/nothing like this<Enter>");
    assert!(
        a.message
            .as_ref()
            .unwrap()
            .0
            .contains("No indicator shown here matches")
    );
}

#[test]
fn columns_scroll_sideways_when_they_do_not_fit() {
    // At 80 columns six fit; at 60 only three do.
    let mut a = tui::app(60, 20);
    let six = [
        PARTNERS[0],
        PARTNERS[1],
        PARTNERS[2],
        "welding-fabrication-iet-2025-26",
        PARTNERS[0],
        PARTNERS[1],
    ];
    open_side_by_side(&mut a, &six);
    // The header: the line of column labels, inside the view's border.
    let header = |a: &ietkit::tui::app::App| {
        let screen = tui::screen(a);
        let line = screen
            .lines()
            .find(|l| l.contains("ABS") || l.contains("CTE"))
            .unwrap_or_else(|| panic!("no column labels:\n{screen}"))
            .to_string();
        // "│▸│ header │ │": the view's box is inside the navigator's.
        let inside = line.split('│').nth(2).unwrap_or_default();
        (inside.trim_end().to_string(), screen)
    };
    let (first, screen) = header(&a);
    assert!(
        first.contains("more right >"),
        "the header says more columns lie to the right:\n{screen}"
    );
    assert!(!first.contains("< more left"), "{screen}");
    tui::feed(&mut a, "llll");
    let (last, screen) = header(&a);
    assert!(last.contains("< more left"), "{screen}");
    assert!(
        !last.contains("more right"),
        "at the last column, nothing more to the right:\n{screen}"
    );
    let labels = |h: &str| {
        h.split_whitespace()
            .filter(|w| {
                !matches!(
                    *w,
                    "<" | "more" | "left" | ">" | "right" | "left," | "chg" | "gap"
                )
            })
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_ne!(
        labels(&first),
        labels(&last),
        "other columns are shown:\n{first}\n{last}"
    );
    tui::feed(&mut a, "hhhh");
    assert_eq!(header(&a).0, first, "and h scrolls back");
}

#[test]
fn a_consensus_is_agreed_by_keyboard_and_saved_as_a_new_assessment() {
    let data = common::TempDir::new("consensus");
    let library = Library::new(DataDir {
        path: data.path().to_path_buf(),
        chosen_by: ChosenBy::Flag,
    });
    let mut session = Session::new(Some(library));
    let mut a = tui::app(80, 24);
    let paths: Vec<_> = PARTNERS[..2]
        .iter()
        .map(|n| common::root().join(SAMPLES).join(format!("{n}.ron")))
        .collect();
    a.effects
        .push(ietkit::tui::app::Effect::Library(LibraryRequest::Compare(
            paths,
        )));
    session.apply(&mut a);
    assert!(matches!(a.overlays.last(), Some(Overlay::Compare(_))));
    tui::feed(&mut a, "c");
    // PD-6, CI-3, CU-2, CU-5, SE-6 differ; a reason is required.
    tui::feed(&mut a, "2<Enter>");
    assert!(matches!(a.overlays.last(), Some(Overlay::Prompt(p)) if p.error.is_some()));
    tui::feed(&mut a, "Board plan names manufacturing<Enter>");
    tui::feed(
        &mut a,
        "3Committee reviewed it<Enter>2Math yes, writing not yet<Enter>",
    );
    tui::feed(
        &mut a,
        "nDoes not apply this year<Enter>1First breakdown done<Enter>",
    );
    session.apply(&mut a);
    let path = session.path.clone().expect("the consensus was saved");
    assert!(
        path.ends_with("welding-fabrication-iet-2026-27-consensus.ron"),
        "{}",
        path.display()
    );
    let saved = assessment_file::read(&path).unwrap().assessment;
    let r = |id: &str| saved.response(id).unwrap();
    assert_eq!(r("PD-6").rating, Rating::Level(2));
    assert_eq!(r("CU-2").rating, Rating::Level(2));
    assert!(
        r("CU-2").notes.contains("Views differed: ABS 3, CTE 1."),
        "{}",
        r("CU-2").notes
    );
    assert!(
        r("CU-2")
            .notes
            .contains("Agreed: Math yes, writing not yet")
    );
    assert_eq!(
        r("CU-5").rating,
        Rating::NotApplicable {
            reason: "Does not apply this year".into()
        }
    );
    assert_eq!(r("PD-1").rating, Rating::Level(3), "agreement carried over");
    assert_eq!(saved.assessors.len(), 2, "both partners took part");
    assert!(
        a.message
            .as_ref()
            .unwrap()
            .0
            .contains("Consensus saved as welding-fabrication-iet-2026-27-consensus")
    );
}

/// The ids the view shows under its current filter.
fn shown_ids(a: &App) -> Vec<String> {
    match a.overlays.last() {
        Some(Overlay::Compare(v)) => v.visible().iter().map(|r| r.id.clone()).collect(),
        _ => panic!("the side-by-side view is open"),
    }
}

/// `u`, `a` and `r` show exactly the indicators that are unsure or N/A in
/// any view, that have an open action item in any, and whose rating went
/// down from the first column to the last: each counted here from the
/// files themselves.
#[test]
fn the_filters_show_exactly_what_they_name() {
    // Chosen later cycle first: the columns still run oldest first. Two
    // ratings of the later cycle are lowered, so that some went down.
    let names = [
        "welding-fabrication-iet-2026-27",
        "welding-fabrication-iet-2025-26",
    ];
    let mut files: Vec<_> = names
        .iter()
        .map(|n| {
            let path = common::root().join(SAMPLES).join(format!("{n}.ron"));
            assessment_file::read(&path).unwrap().assessment
        })
        .collect();
    for id in ["PD-1", "CU-2"] {
        files[0].response_mut(id).rating = Rating::Level(0);
    }
    let mut a = tui::app(120, 40);
    for f in &mut files {
        assessment_file::reconcile(f, &a.content.rubric);
    }
    let view = CompareView::new(
        &a.content.rubric,
        names.iter().map(|s| s.to_string()).collect(),
        files.clone(),
    );
    assert_eq!(view.names, [names[1], names[0]], "oldest cycle first");
    a.overlays.push(Overlay::Compare(Box::new(view)));
    files.reverse();
    let ids: Vec<String> = a
        .content
        .rubric
        .indicators()
        .map(|(_, i)| i.id.clone())
        .collect();
    let any = |f: &dyn Fn(&ietkit::model::assessment::Response) -> bool| -> Vec<String> {
        ids.iter()
            .filter(|id| files.iter().any(|x| x.response(id).is_some_and(f)))
            .cloned()
            .collect()
    };
    let unsure_or_na = any(&|r| r.unsure || matches!(r.rating, Rating::NotApplicable { .. }));
    let open = any(&|r| r.actions.iter().any(|x| x.status.is_open()));
    let level = |x: &ietkit::model::assessment::Assessment, id: &str| match x
        .response(id)
        .map(|r| &r.rating)
    {
        Some(Rating::Level(l)) => Some(*l),
        _ => None,
    };
    let down: Vec<String> = ids
        .iter()
        .filter(|id| matches!((level(&files[0], id), level(&files[1], id)), (Some(a), Some(b)) if b < a))
        .cloned()
        .collect();
    for (key, want, what) in [
        ("u", &unsure_or_na, "unsure or N/A"),
        ("a", &open, "open action items"),
        ("r", &down, "regressions"),
    ] {
        assert!(!want.is_empty(), "the samples hold some {what}");
        assert!(want.len() < ids.len(), "and not every indicator is {what}");
        tui::feed(&mut a, key);
        assert_eq!(&shown_ids(&a), want, "{key}: {what}");
        tui::feed(&mut a, key);
        assert_eq!(shown_ids(&a), ids, "{key} again shows all");
    }
}

/// In the library, `v` needs 2 to 6 marked: one is too few, a seventh is
/// refused, and six open side by side, one column each.
#[test]
fn two_to_six_marked_open_side_by_side_and_no_more() {
    let names: Vec<String> = (1..=7).map(|n| format!("program-{n}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let (_data, dir, _) = library_of("mark-six", &names);
    let library = Library::new(dir);
    let mut session = Session::new(Some(library));
    let mut a = tui::app(120, 40);
    tui::feed(&mut a, "o");
    session.apply(&mut a);
    let marked = |a: &App| match a.overlays.last() {
        Some(Overlay::Library(v)) => v.marked.len(),
        _ => panic!("the library is open"),
    };
    tui::feed(&mut a, " v");
    session.apply(&mut a);
    assert_eq!(marked(&a), 1);
    assert!(
        a.message.as_ref().unwrap().0.contains("Mark 2 to 6"),
        "{:?}",
        a.message
    );
    tui::feed(&mut a, "j j j j j j ");
    assert_eq!(marked(&a), 6, "the seventh is refused");
    assert!(
        a.message.as_ref().unwrap().0.contains("Six is the most"),
        "{:?}",
        a.message
    );
    // Space on a marked one unmarks it.
    tui::feed(&mut a, "k ");
    assert_eq!(marked(&a), 5);
    tui::feed(&mut a, " v");
    session.apply(&mut a);
    match a.overlays.last() {
        Some(Overlay::Compare(v)) => assert_eq!(v.assessments.len(), 6),
        _ => panic!("six side by side: {:?}", a.message),
    }
}

/// What is marked shows on screen, in every theme: the number of the column
/// each will have, how many, and the keys that go on.
#[test]
fn marks_show_in_the_library_with_their_column_and_the_way_on() {
    let (_data, dir, _) = library_of("marks-shown", &["alder", "birch", "cedar"]);
    for theme in [
        Theme::default(),
        Theme::new(true, false),
        Theme::new(true, true),
    ] {
        let mut session = Session::new(Some(Library::new(dir.clone())));
        let mut a = tui::app_with(theme, 80, 24);
        tui::feed(&mut a, "o");
        session.apply(&mut a);
        let s = tui::screen(&a);
        assert!(
            s.contains("Space mark") && s.contains("v side by side"),
            "the footer names the keys at 80 columns:\n{s}"
        );
        let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("Keys: Enter open, Space mark, v side by side"),
            "{s}"
        );
        tui::feed(&mut a, " jj ");
        let s = tui::screen(&a);
        let row = |name: &str| {
            s.lines()
                .find(|l| l.contains(name))
                .unwrap_or_else(|| panic!("{name} listed:\n{s}"))
                .to_string()
        };
        assert!(row("alder").contains("[1] alder"), "{s}");
        assert!(!row("birch").contains('['), "{s}");
        assert!(row("cedar").contains("[2] cedar"), "{s}");
        assert!(
            s.contains("Library, 2 marked"),
            "the status bar counts:\n{s}"
        );
        assert!(s.contains("2 marked; v shows them side by side"), "{s}");
        // Unmarking the first renumbers the other.
        tui::feed(&mut a, "kk ");
        let s = tui::screen(&a);
        assert!(!s.contains("[1] alder") && s.contains("[1] cedar"), "{s}");
        assert!(s.contains("Library, 1 marked"), "{s}");
    }
}

/// `x` exports everywhere else, so in the library it trashes nothing;
/// `d` asks first, and the trash gives it back.
#[test]
fn moving_to_the_trash_asks_first_and_x_trashes_nothing() {
    let (_data, dir, paths) = library_of("trash-asks", &["alder"]);
    let library = Library::new(dir.clone());
    let path = paths[0].clone();
    let mut session = Session::new(Some(Library::new(dir)));
    let mut a = tui::app(80, 24);
    tui::feed(&mut a, "o");
    session.apply(&mut a);
    tui::feed(&mut a, "x");
    session.apply(&mut a);
    assert!(path.exists(), "x trashed it");
    tui::feed(&mut a, "d");
    let s = tui::screen(&a);
    assert!(s.contains("Move alder to the trash (y/n)?"), "{s}");
    tui::feed(&mut a, "n");
    session.apply(&mut a);
    assert!(path.exists(), "n trashed it");
    assert!(matches!(a.overlays.last(), Some(Overlay::Library(_))));
    tui::feed(&mut a, "<Delete>y");
    session.apply(&mut a);
    assert!(!path.exists(), "y moves it to the trash");
    assert_eq!(library.trashed().len(), 1);
    tui::feed(&mut a, "t");
    session.apply(&mut a);
    tui::feed(&mut a, "<Enter>");
    session.apply(&mut a);
    assert!(path.exists(), "restored from the trash");
}

/// The trend scrolls like every other view: at 80x24 its end (the last
/// category and what moved most) is reached, and the screen says when
/// there is more above or below.
#[test]
fn the_trend_scrolls_to_its_end_at_80x24() {
    use ietkit::tui::compare::TrendRow;
    let mut a = tui::app(80, 24);
    open_side_by_side(
        &mut a,
        &[
            "welding-fabrication-iet-2025-26",
            "welding-fabrication-iet-2026-27",
        ],
    );
    let s = tui::screen(&a);
    let footer = s.lines().last().unwrap();
    assert!(
        footer.contains("t trend") && !footer.contains("consensus"),
        "cycles: the trend's key, not the consensus's: {footer}"
    );
    tui::feed(&mut a, "t");
    let rows = match a.overlays.last() {
        Some(Overlay::Compare(v)) => v.trend_rows(),
        _ => panic!("side by side"),
    };
    let words = |r: &TrendRow| match r {
        TrendRow::Heading(t) | TrendRow::Category(t) => t.clone(),
        TrendRow::Mean { cycle, .. } => cycle.clone(),
        TrendRow::Moved { id, title, .. } => format!("{id} {title}"),
    };
    let first = tui::screen(&a);
    assert!(first.contains("Trend across cycles"), "{first}");
    assert!(
        first.contains("PgDn: more below") && !first.contains("more above"),
        "{first}"
    );
    let last = words(rows.last().unwrap());
    assert!(
        !first.contains(&last),
        "too short to need scrolling:\n{first}"
    );
    // Line by line, every row of the trend comes into view.
    let mut seen = first.clone();
    for _ in 0..rows.len() {
        tui::feed(&mut a, "j");
        seen.push_str(&tui::screen(&a));
    }
    for row in &rows {
        assert!(seen.contains(&words(row)), "{:?} never shown", row);
    }
    let end = tui::screen(&a);
    assert!(
        end.contains(&last) && end.contains("PgUp: more above"),
        "{end}"
    );
    assert!(!end.contains("more below"), "{end}");
    assert!(end.contains(&format!("of {}", rows.len())), "{end}");
    // Home and End, a page at a time, and t back to the indicators.
    tui::feed(&mut a, "g");
    assert_eq!(tui::screen(&a), first);
    tui::feed(&mut a, "<PgDn><PgDn><PgDn>");
    assert_eq!(
        tui::screen(&a),
        end,
        "a page at a time, stopping at the end"
    );
    tui::feed(&mut a, "<PgUp><PgUp><PgUp>G");
    assert_eq!(tui::screen(&a), end);
    tui::feed(&mut a, "t");
    assert!(tui::screen(&a).contains("Side by side: all indicators"));
}

#[test]
fn partners_side_by_side_offers_a_consensus_not_a_trend() {
    let mut a = tui::app(80, 24);
    open_side_by_side(&mut a, &PARTNERS);
    let s = tui::screen(&a);
    let footer = s.lines().last().unwrap();
    assert!(
        footer.contains("c consensus") && !footer.contains("trend"),
        "{footer}"
    );
}

/// Notes side by side keep a gap between columns: two views' sentences
/// never run into one line.
#[test]
fn notes_side_by_side_keep_a_gap_between_columns() {
    use ratatui::layout::{Constraint, Layout, Rect};
    for (w, h) in [(80, 24), (200, 60)] {
        let mut a = tui::app(w, h);
        open_side_by_side(&mut a, &PARTNERS);
        // Notes that fill every column to its last character.
        if let Some(Overlay::Compare(view)) = a.overlays.last_mut() {
            let id = view.selected_row().unwrap().id.clone();
            for x in view.assessments.iter_mut() {
                x.response_mut(&id).notes = "partnership ".repeat(40);
            }
        }
        let buffer = tui::terminal(&a).backend().buffer().clone();
        let parts = ietkit::tui::layout::compare(Rect::new(0, 0, w, h), false).unwrap();
        let columns = Layout::horizontal(vec![Constraint::Ratio(1, 3); 3]).split(parts.detail);
        let mut filled = 0;
        for col in columns.iter().skip(1) {
            for y in parts.detail.y..parts.detail.bottom() {
                for x in [col.x - 1, col.x - 2] {
                    assert_eq!(
                        buffer[(x, y)].symbol(),
                        " ",
                        "{w}x{h}: no gap at ({x}, {y})"
                    );
                }
                filled += usize::from(buffer[(col.x, y)].symbol() != " ");
            }
        }
        assert!(filled > 0, "{w}x{h}: the columns hold notes");
    }
}

/// Every main view at every size a team meets, as snapshots: the first
/// screen, the checklist, the detail, the summary, the help, the library
/// with marks, side by side and the trend, at 80x24, 60x20, 40x12 and
/// 200x60. A change to any of them shows in review.
#[test]
fn every_view_at_every_size() {
    let (_data, dir, _) = library_of("every-view", &[]);
    let library = Library::new(dir.clone());
    for name in [PARTNERS[0], PARTNERS[1], "welding-fabrication-iet-2025-26"] {
        library.create_named(&sample(name), name).unwrap();
    }
    for (w, h) in [(80, 24), (60, 20), (40, 12), (200, 60)] {
        let shot = |view: &str, a: &App| {
            insta::assert_snapshot!(format!("every_view_{view}_{w}x{h}"), tui::screen(a));
        };
        let mut a = tui::app(w, h);
        shot("first_screen", &a);
        tui::feed(&mut a, "]2j");
        shot("checklist", &a);
        tui::feed(&mut a, "k<Enter>");
        shot("detail", &a);
        tui::feed(&mut a, "<Esc><Tab>");
        shot("summary", &a);
        tui::feed(&mut a, "?");
        shot("help", &a);
        tui::feed(&mut a, "<Esc>");

        let mut session = Session::new(Some(Library::new(dir.clone())));
        let mut a = tui::app(w, h);
        tui::feed(&mut a, "o");
        session.apply(&mut a);
        tui::feed(&mut a, " jj ");
        shot("library_with_marks", &a);

        let mut a = tui::app(w, h);
        open_side_by_side(&mut a, &PARTNERS);
        shot("side_by_side", &a);
        let mut a = tui::app(w, h);
        open_side_by_side(
            &mut a,
            &[
                "welding-fabrication-iet-2025-26",
                "welding-fabrication-iet-2026-27",
            ],
        );
        tui::feed(&mut a, "t");
        shot("trend", &a);
    }
}

/// A library longer than its frame says so, above and below.
#[test]
fn a_long_library_says_when_more_is_above_or_below() {
    let names: Vec<String> = (1..=9).map(|n| format!("program-{n}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let (_data, dir, _) = library_of("long-library", &names);
    let mut session = Session::new(Some(Library::new(dir)));
    let mut a = tui::app(60, 20);
    tui::feed(&mut a, "o");
    session.apply(&mut a);
    let s = tui::screen(&a);
    assert!(
        s.contains("j: more below") && !s.contains("more above"),
        "{s}"
    );
    tui::feed(&mut a, &"j".repeat(9));
    let s = tui::screen(&a);
    assert!(s.contains("more above") && !s.contains("more below"), "{s}");
    assert!(s.contains("program-9"), "{s}");
}

/// Cycle labels and names come from files: the trend holds them cleaned
/// of anything that could act on a terminal.
#[test]
fn the_trend_holds_no_control_character_from_the_files() {
    use ietkit::tui::compare::TrendRow;
    let mut a = tui::app(80, 24);
    open_side_by_side(
        &mut a,
        &[
            "welding-fabrication-iet-2025-26",
            "welding-fabrication-iet-2026-27",
        ],
    );
    tui::feed(&mut a, "t");
    let Some(Overlay::Compare(view)) = a.overlays.last_mut() else {
        panic!("side by side");
    };
    view.comparison.labels[1] = "2026\u{1b}]0;owned\u{7}-27".into();
    view.comparison.groups[0].name = "Program\u{202e} Design".into();
    for row in view.trend_rows() {
        let text = match row {
            TrendRow::Heading(t) | TrendRow::Category(t) => t,
            TrendRow::Mean { cycle, .. } => cycle,
            TrendRow::Moved { id, title, .. } => format!("{id} {title}"),
        };
        assert!(!text.contains(['\u{1b}', '\u{7}', '\u{202e}']), "{text:?}");
    }
}

/// Two partners' views of one cycle beside another cycle: the trend would
/// read the partners as cycles, so it says what to mark instead.
#[test]
fn the_trend_takes_one_assessment_per_cycle() {
    let mut a = tui::app(80, 24);
    open_side_by_side(
        &mut a,
        &["welding-fabrication-iet-2025-26", PARTNERS[0], PARTNERS[1]],
    );
    tui::feed(&mut a, "t");
    let screen = tui::screen(&a);
    assert!(!screen.contains("Trend across cycles"), "{screen}");
    let (message, _) = a.message.clone().unwrap();
    assert!(
        message.contains("one assessment per cycle")
            && message.contains(PARTNERS[0])
            && message.contains(PARTNERS[1])
            && message.contains("2026-27"),
        "{message}"
    );
    // One of them unmarked, the trend opens.
    let mut a = tui::app(80, 24);
    open_side_by_side(&mut a, &["welding-fabrication-iet-2025-26", PARTNERS[0]]);
    tui::feed(&mut a, "t");
    assert!(tui::screen(&a).contains("Trend across cycles"));
}

/// The column headings stay on screen however far the rows scroll, and
/// the selected row's details give an N/A's reason.
#[test]
fn headings_stay_and_details_give_the_reason_for_na() {
    let mut a = tui::app(80, 24);
    open_side_by_side(
        &mut a,
        &[
            "welding-fabrication-iet-2025-26",
            "welding-fabrication-iet-2026-27",
        ],
    );
    tui::feed(&mut a, &"j".repeat(20));
    let s = tui::screen(&a);
    let heading = s.lines().nth(2).unwrap();
    assert!(
        heading.contains("2025-26") && heading.contains("2026-27"),
        "{s}"
    );
    assert!(heading.contains("chg"), "{s}");
    assert!(s.contains("k: more above"), "{s}");
    // CI-6 is N/A in 2025-26, with its reason.
    let Some(ietkit::tui::app::Overlay::Compare(view)) = a.overlays.last_mut() else {
        panic!("side by side");
    };
    view.select_id("CI-6");
    let s = tui::screen(&a);
    assert!(s.contains("N/A: The program runs on campus"), "{s}");
}

/// Marks stay while the app runs: closing the library to look at an
/// assessment and coming back finds them as they were.
#[test]
fn marks_stay_when_the_library_closes_and_opens_again() {
    let (_data, dir, paths) = library_of("marks-stay", &["one", "two", "three"]);
    let mut session = Session::new(Some(Library::new(dir)));
    let mut a = tui::app(80, 24);
    tui::feed(&mut a, "o");
    session.apply(&mut a);
    tui::feed(&mut a, " jj ");
    tui::feed(&mut a, "<Esc>o");
    session.apply(&mut a);
    let Some(ietkit::tui::app::Overlay::Library(view)) = a.overlays.last() else {
        panic!("the library again");
    };
    let listed: Vec<_> = view.rows.iter().map(|r| r.path.clone()).collect();
    assert_eq!(view.marked, [listed[0].clone(), listed[2].clone()]);
    assert!(paths.iter().all(|p| listed.contains(p)));
    assert!(tui::screen(&a).contains("2 marked"));
}
