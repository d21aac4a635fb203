//! Where each pane goes for a terminal size. Both `update` (for page sizes
//! and scroll limits) and drawing use it, so they always agree.

use ratatui::layout::{Constraint, Layout, Rect};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Navigator,
    Main,
    Summary,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Navigator, Pane::Main, Pane::Summary];

    pub fn name(self) -> &'static str {
        match self {
            Pane::Navigator => "Navigator",
            Pane::Main => "Main",
            Pane::Summary => "Summary",
        }
    }
}

/// The smallest size that gets any panes at all.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub navigator: Option<Rect>,
    pub main: Option<Rect>,
    pub summary: Option<Rect>,
    /// The tab line when only one pane fits.
    pub tabs: Option<Rect>,
    pub status: Option<Rect>,
    pub too_small: bool,
}

impl Areas {
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Navigator => self.navigator,
            Pane::Main => self.main,
            Pane::Summary => self.summary,
        }
    }
}

/// Summary rows at 80x24: a border, progress, five category bars, the
/// overall bar, a border.
const SUMMARY_ROWS: u16 = 9;

pub fn areas(size: Rect, focus: Pane) -> Areas {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let [body, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(size);
    let mut a = Areas {
        status: Some(status),
        ..Areas::default()
    };
    if size.width >= 120 {
        // Wider terminals give the side panes room for whole names (the
        // longest category name is 53 characters), up to what reads well.
        let beyond = size.width - 120;
        let nav_width = (32 + beyond / 2).min(62);
        let summary_width = (40 + beyond / 5).min(56);
        let [nav, main, summary] = Layout::horizontal([
            Constraint::Length(nav_width),
            Constraint::Min(40),
            Constraint::Length(summary_width),
        ])
        .areas(body);
        a.navigator = Some(nav);
        a.main = Some(main);
        a.summary = Some(summary);
    } else if size.width >= 80 && size.height >= 24 {
        let [nav, right] =
            Layout::horizontal([Constraint::Length(28), Constraint::Min(40)]).areas(body);
        // The focused one of main and summary gets the room.
        // Panes keep their size when focus moves: a focus change then
        // costs two titles, not a repaint of half the screen.
        let [main, summary] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(SUMMARY_ROWS)]).areas(right);
        a.navigator = Some(nav);
        a.main = Some(main);
        a.summary = Some(summary);
    } else {
        let [tabs, pane] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(body);
        a.tabs = Some(tabs);
        match focus {
            Pane::Navigator => a.navigator = Some(pane),
            Pane::Main => a.main = Some(pane),
            Pane::Summary => a.summary = Some(pane),
        }
    }
    a
}

/// The help takes the whole screen above the status line: the more keys
/// show at once, the fewer pages to turn.
pub fn help(size: Rect) -> Rect {
    Rect {
        height: size.height.saturating_sub(1).max(size.height.min(1)),
        ..size
    }
}

/// The area of an overlay: most of the screen, leaving the status line.
pub fn overlay(size: Rect) -> Rect {
    let width = size
        .width
        .saturating_sub(4)
        .min(100)
        .max(size.width.min(20));
    let height = size.height.saturating_sub(3).max(size.height.min(5));
    Rect {
        x: size.x + (size.width - width) / 2,
        y: size.y + 1.min(size.height.saturating_sub(height)),
        width,
        height,
    }
}

/// The side-by-side view's parts inside its frame: the table (or, with
/// `trend`, the trend, which takes the details' room too), the selected
/// indicator's details, and a line of figures. `None` when the frame is
/// too small to compare in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareParts {
    pub body: Rect,
    pub detail: Rect,
    pub footer: Rect,
}

pub fn compare(size: Rect, trend: bool) -> Option<CompareParts> {
    let frame = overlay(size);
    let inner = Rect {
        x: frame.x + 1,
        y: frame.y + 1,
        width: frame.width.saturating_sub(2),
        height: frame.height.saturating_sub(2),
    };
    if inner.height < 4 || inner.width < 20 {
        return None;
    }
    let detail_rows = if trend {
        0
    } else {
        (inner.height / 3).clamp(2, 8)
    };
    let [body, detail, footer] = Layout::vertical([
        Constraint::Min(2),
        Constraint::Length(detail_rows),
        Constraint::Length(1),
    ])
    .areas(inner);
    Some(CompareParts {
        body,
        detail,
        footer,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_panes_from_80x24_one_pane_below_and_a_message_when_tiny() {
        let a = areas(Rect::new(0, 0, 80, 24), Pane::Main);
        assert!(a.navigator.is_some() && a.main.is_some() && a.summary.is_some());
        let a = areas(Rect::new(0, 0, 60, 20), Pane::Summary);
        assert!(
            a.navigator.is_none() && a.main.is_none() && a.summary.is_some() && a.tabs.is_some()
        );
        assert!(areas(Rect::new(0, 0, 39, 24), Pane::Main).too_small);
        assert!(areas(Rect::new(0, 0, 80, 9), Pane::Main).too_small);
    }

    #[test]
    fn overlays_fit_inside_any_size() {
        for (w, h) in [(1, 1), (40, 10), (80, 24), (250, 80)] {
            let size = Rect::new(0, 0, w, h);
            let o = overlay(size);
            assert!(
                o.right() <= size.right() && o.bottom() <= size.bottom(),
                "{w}x{h}: {o:?}"
            );
        }
    }
}
