//! The navigator's tree: toolkit sections, the screener, and the rubric's
//! categories with their indicators and rating marks.

use ratatui::text::{Line, Span};
use tui_tree_widget::{TreeItem, TreeState};

use super::action::Action;
use super::app::{App, MainView};
use super::content::Content;
use super::layout::Pane;
use super::theme::Theme;
use crate::model::assessment::{Assessment, Rating};
use crate::model::toolkit::Section;
use crate::text;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NavId {
    Toolkit,
    Section(String),
    Screener,
    Category(usize),
    Indicator(String),
}

/// A short, fixed-width mark for a rating: `[2]`, `[ ]` or `N/A`, with `?`
/// after it when the indicator is marked unsure.
pub fn rating_mark(rating: &Rating, unsure: bool) -> String {
    let mark = match rating {
        Rating::Level(v) => format!("[{v}]"),
        Rating::Unrated => "[ ]".to_string(),
        Rating::NotApplicable { .. } => "N/A".to_string(),
    };
    format!("{mark}{}", if unsure { "?" } else { " " })
}

/// Where a row's text starts in the tree: two columns for each level of
/// depth, then two for the open or closed symbol.
fn room(width: usize, depth: usize) -> usize {
    width.saturating_sub(2 * depth + 2)
}

fn section_item(
    section: &Section,
    depth: usize,
    width: usize,
    theme: Theme,
) -> TreeItem<'static, NavId> {
    let label = text::fit(
        &text::clean_line(&section.title),
        room(width, depth),
        theme.ellipsis(),
    );
    let children: Vec<_> = section
        .sections
        .iter()
        .map(|s| section_item(s, depth + 1, width, theme))
        .collect();
    let id = NavId::Section(section.id.clone());
    if children.is_empty() {
        TreeItem::new_leaf(id, label)
    } else {
        // Ids are unique: the toolkit check guarantees it.
        TreeItem::new(id.clone(), label.clone(), children)
            .unwrap_or_else(|_| TreeItem::new_leaf(id, label))
    }
}

/// The whole tree, built from content and the current ratings, each row
/// cut with an ellipsis to fit a pane `width` columns wide inside.
pub fn items(
    content: &Content,
    assessment: &Assessment,
    theme: Theme,
    width: usize,
) -> Vec<TreeItem<'static, NavId>> {
    let fit = |s: &str, depth: usize| text::fit(s, room(width, depth), theme.ellipsis());
    let mut items = Vec::new();
    let sections: Vec<_> = content
        .toolkit
        .sections
        .iter()
        .map(|s| section_item(s, 1, width, theme))
        .collect();
    let toolkit_label = fit(
        &format!("Toolkit: {}", text::clean_line(&content.toolkit.title)),
        0,
    );
    items.push(
        TreeItem::new(NavId::Toolkit, toolkit_label.clone(), sections)
            .unwrap_or_else(|_| TreeItem::new_leaf(NavId::Toolkit, toolkit_label)),
    );
    items.push(TreeItem::new_leaf(
        NavId::Screener,
        fit(&text::clean_line(&content.screener.title), 0),
    ));
    let responses = assessment.by_indicator();
    for (index, category) in content.rubric.categories.iter().enumerate() {
        let rated = assessment.done(&category.indicators);
        // The count goes first so a narrow pane cuts the name, not the count.
        let label = fit(
            &format!(
                "{}/{} {}",
                rated,
                category.indicators.len(),
                text::clean_line(&category.name)
            ),
            0,
        );
        let children: Vec<_> = category
            .indicators
            .iter()
            .map(|i| {
                let response = responses.get(i.id.as_str()).copied();
                let mark = rating_mark(
                    response.map_or(&Rating::Unrated, |r| &r.rating),
                    response.is_some_and(|r| r.unsure),
                );
                // The digit says the level; colour is left to the checklist,
                // which saves a colour change per rating on a slow line.
                let style = match response.map(|r| &r.rating) {
                    Some(Rating::Unrated) | None => theme.dim(),
                    Some(_) => ratatui::style::Style::new(),
                };
                let name = text::fit(
                    &format!("{} {}", text::clean_line(&i.id), text::clean_line(&i.title)),
                    room(width, 1).saturating_sub(mark.chars().count()),
                    theme.ellipsis(),
                );
                let line = Line::from(vec![Span::styled(mark, style), Span::raw(name)]);
                TreeItem::new_leaf(NavId::Indicator(i.id.clone()), line)
            })
            .collect();
        let id = NavId::Category(index);
        items.push(
            TreeItem::new(id.clone(), label.clone(), children)
                .unwrap_or_else(|_| TreeItem::new_leaf(id, label)),
        );
    }
    items
}

/// The identifiers visible in the tree, in display order.
pub fn visible(state: &TreeState<NavId>, items: &[TreeItem<'static, NavId>]) -> Vec<Vec<NavId>> {
    state
        .flatten(items)
        .into_iter()
        .map(|f| f.identifier)
        .collect()
}

// ----- keys --------------------------------------------------------------

impl App {
    pub(super) fn tree_items(&self) -> Vec<tui_tree_widget::TreeItem<'static, NavId>> {
        // Only identifiers and order count here, not how rows are cut.
        items(&self.content, &self.assessment, self.theme, usize::MAX / 4)
    }

    pub(super) fn update_navigator(&mut self, action: Action) {
        let items = self.tree_items();
        let mut state = self.nav.borrow_mut();
        let visible = visible(&state, &items);
        let current = visible
            .iter()
            .position(|id| id.as_slice() == state.selected());
        let last = visible.len().saturating_sub(1);
        let page = self.page(Pane::Navigator);
        let target = match action {
            Action::Up => Some(current.map_or(0, |c| c.saturating_sub(1))),
            Action::Down => Some(current.map_or(0, |c| (c + 1).min(last))),
            Action::PageUp => Some(current.map_or(0, |c| c.saturating_sub(page))),
            Action::PageDown => Some(current.map_or(0, |c| (c + page).min(last))),
            Action::Top => Some(0),
            Action::Bottom => Some(last),
            _ => None,
        };
        if let Some(t) = target {
            if let Some(id) = visible.get(t) {
                state.select(id.clone());
            }
            return;
        }
        let selected = state.selected().to_vec();
        match action {
            Action::Toggle => {
                state.toggle(selected);
            }
            Action::Back => {
                if state.opened().contains(&selected) {
                    state.close(&selected);
                } else if selected.len() > 1 {
                    state.select(selected[..selected.len() - 1].to_vec());
                }
            }
            Action::Open => {
                drop(state);
                self.open_nav(selected);
            }
            _ => {}
        }
    }

    pub(super) fn open_nav(&mut self, path: Vec<NavId>) {
        let Some(id) = path.last().cloned() else {
            return;
        };
        match id {
            NavId::Toolkit => {
                self.nav.borrow_mut().toggle(path);
            }
            NavId::Section(s) => {
                self.nav.borrow_mut().open(path);
                self.show_section(&s);
            }
            NavId::Screener => {
                // Where the team left off: the first question not answered,
                // or the verdict when all are.
                let questions = &self.content.screener.questions;
                self.question = questions
                    .iter()
                    .position(|q| !self.assessment.screener.contains_key(&q.id))
                    .unwrap_or(questions.len());
                self.main = MainView::Screener;
                self.reader_scroll = 0;
                self.focus = Pane::Main;
            }
            NavId::Category(c) => {
                self.nav.borrow_mut().open(path);
                self.show_checklist(c, 0);
            }
            NavId::Indicator(i) => self.show_indicator(&i),
        }
    }

    /// The path of a toolkit section in the navigator tree.
    pub(super) fn section_path(&self, id: &str) -> Option<Vec<NavId>> {
        fn find(
            sections: &[crate::model::toolkit::Section],
            id: &str,
            path: &mut Vec<NavId>,
        ) -> bool {
            for s in sections {
                path.push(NavId::Section(s.id.clone()));
                if s.id == id || find(&s.sections, id, path) {
                    return true;
                }
                path.pop();
            }
            false
        }
        let mut path = vec![NavId::Toolkit];
        find(&self.content.toolkit.sections, id, &mut path).then_some(path)
    }

    pub(super) fn reveal_section(&mut self, id: &str) {
        if let Some(path) = self.section_path(id) {
            let mut nav = self.nav.borrow_mut();
            for n in 1..path.len() {
                nav.open(path[..n].to_vec());
            }
            nav.select(path);
        }
        self.show_section(id);
    }
}
