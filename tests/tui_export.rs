//! Exporting from the app: x, a format, a path, and the file on disk.

mod common;

#[path = "common/tui.rs"]
mod tui;

use common::TempDir;
use ietkit::tui::app::{Effect, Overlay};
use ietkit::tui::session::Session;

fn status(app: &ietkit::tui::app::App) -> String {
    app.message
        .as_ref()
        .map(|(m, _)| m.clone())
        .unwrap_or_default()
}

#[test]
fn x_offers_formats_with_a_default_path_that_follows_the_format() {
    let dir = TempDir::new("export-app");
    let mut app = tui::app(80, 24);
    app.export_dir = dir.path().to_path_buf();
    app.assessment.profile.program = "Welding IET".into();
    tui::feed(&mut app, "x");
    let screen = tui::screen(&app);
    assert!(screen.contains("Export this assessment"), "{screen}");
    assert!(screen.contains("< Markdown report to edit >"), "{screen}");
    assert!(screen.contains("welding-iet-2026-27.md"), "{screen}");
    assert!(screen.contains("Enter writes the file"), "{screen}");

    // Right moves through the formats; the path follows while untouched.
    tui::feed(&mut app, "<Right><Right>");
    let screen = tui::screen(&app);
    assert!(screen.contains("< CSV action plan >"), "{screen}");
    assert!(
        screen.contains("welding-iet-2026-27-actions.csv"),
        "{screen}"
    );

    let mut session = Session::new(None);
    tui::feed(&mut app, "<Enter>");
    assert!(app.overlays.is_empty());
    assert!(matches!(app.effects.last(), Some(Effect::Export(_))));
    session.apply(&mut app);
    let written = dir.path().join("welding-iet-2026-27-actions.csv");
    let text = std::fs::read_to_string(&written).expect("the export is on disk");
    assert!(
        text.starts_with("\u{feff}due,action,owner,status,"),
        "a spreadsheet file, with the byte-order mark Excel needs"
    );
    assert!(
        status(&app).starts_with("Exported to ") && status(&app).ends_with("-actions.csv"),
        "{}",
        status(&app)
    );
}

#[test]
fn an_existing_file_is_replaced_only_after_a_yes() {
    let dir = TempDir::new("export-replace");
    let target = dir.path().join("report.html");
    std::fs::write(&target, "edited by the team").unwrap();
    let mut app = tui::app(80, 24);
    app.export_dir = dir.path().to_path_buf();
    let mut session = Session::new(None);

    // A path typed over the default: Ctrl-U clears the field, as in a shell.
    tui::feed(&mut app, "x<Right><Right><Right><Right><Down><C-u>");
    tui::feed(&mut app, target.to_str().unwrap());
    tui::feed(&mut app, "<Enter>");
    session.apply(&mut app);
    assert!(
        matches!(app.overlays.last(), Some(Overlay::Confirm { question, .. }) if question.contains("is already there. Replace it")),
        "asks first"
    );
    tui::feed(&mut app, "n");
    session.apply(&mut app);
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "edited by the team"
    );
    assert!(status(&app).contains("unchanged"), "{}", status(&app));

    tui::feed(&mut app, "x<Right><Right><Right><Right><Down>");
    if let Some(Overlay::Form(f)) = app.overlays.last_mut() {
        let field = f.focused_text().unwrap();
        field.select_all();
        field.cut();
        field.insert_str(target.to_str().unwrap());
    }
    tui::feed(&mut app, "<Enter>");
    session.apply(&mut app);
    tui::feed(&mut app, "y");
    session.apply(&mut app);
    let html = std::fs::read_to_string(&target).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "replaced after yes");
}

#[test]
fn a_missing_folder_is_reported_and_nothing_is_lost() {
    let dir = TempDir::new("export-missing");
    let mut app = tui::app(80, 24);
    app.export_dir = dir.path().join("not-made-yet");
    let mut session = Session::new(None);
    tui::feed(&mut app, "x<Enter>");
    session.apply(&mut app);
    let message = status(&app);
    assert!(
        message.starts_with("Not exported: the folder") && message.contains("Press x to try again"),
        "{message}"
    );
    assert!(
        !dir.path().join("not-made-yet").exists(),
        "no folder invented"
    );
}

#[test]
fn the_app_never_writes_a_report_over_its_own_screen() {
    let mut app = tui::app(80, 24);
    let mut session = Session::new(None);
    // (Not /dev/stdout: under a test runner it may be a log file.)
    for path in ["/dev/tty", "-", "/dev/zero"] {
        app.effects
            .push(Effect::Export(ietkit::tui::app::ExportRequest {
                kind: ietkit::report::Kind::Csv,
                path: path.into(),
                replace: true,
            }));
        session.apply(&mut app);
        let message = status(&app);
        assert!(
            message.starts_with("Not exported:") && message.contains("is not a file"),
            "{path}: {message}"
        );
    }
    assert!(!std::path::Path::new("-").exists());
}

#[test]
fn export_works_on_a_read_only_assessment_and_from_the_detail_view() {
    let mut app = tui::app(80, 24);
    app.read_only = Some("open in another session".into());
    tui::feed(&mut app, "x");
    assert!(matches!(app.overlays.last(), Some(Overlay::Form(_))));
    tui::feed(&mut app, "<Esc>");
    assert!(app.overlays.is_empty(), "Esc closes without asking");
    tui::feed(&mut app, "]<Enter>");
    assert!(matches!(app.overlays.last(), Some(Overlay::Detail { .. })));
    tui::feed(&mut app, "x");
    assert!(matches!(app.overlays.last(), Some(Overlay::Form(_))));
}
