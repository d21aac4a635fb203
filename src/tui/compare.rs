//! The side-by-side view's state: the loaded assessments, their
//! alignment, the filter, and a consensus under way.

use std::collections::BTreeMap;

use super::action::{Action, Filter};
use super::app::{App, Effect, Overlay};
use super::form::{Prompt, PromptKind};
use super::layout;
use super::library::LibraryRequest;
use crate::model::assessment::Assessment;
use crate::model::comparison::{self, Change, Comparison, Decision, Kind, Row};
use crate::model::rubric::Rubric;
use crate::text::clean_line;

pub struct Consensus {
    /// Indicators where the views differ and no decision is taken yet.
    pub pending: Vec<String>,
    pub decisions: BTreeMap<String, Decision>,
}

pub struct CompareView {
    /// File names behind the columns.
    pub names: Vec<String>,
    pub assessments: Vec<Assessment>,
    pub comparison: Comparison,
    pub filter: Filter,
    /// Selected row among the visible ones.
    pub selected: usize,
    /// The first column shown when not all fit.
    pub first_column: usize,
    pub trend: bool,
    /// The first trend row shown.
    pub trend_scroll: u16,
    pub consensus: Option<Consensus>,
}

/// One row of the trend: what the app draws and scrolls by.
#[derive(Debug, Clone, PartialEq)]
pub enum TrendRow {
    Heading(String),
    Category(String),
    /// A cycle's mean level in the category above, `None` with nothing rated.
    Mean {
        cycle: String,
        mean: Option<f64>,
    },
    /// An indicator that moved `by` levels from the first cycle to the last.
    Moved {
        by: i16,
        id: String,
        title: String,
    },
}

impl CompareView {
    pub fn new(rubric: &Rubric, names: Vec<String>, assessments: Vec<Assessment>) -> CompareView {
        // Cycles oldest first, as chosen otherwise.
        let order = comparison::column_order(&assessments.iter().collect::<Vec<_>>());
        let mut paired: Vec<Option<(String, Assessment)>> =
            names.into_iter().zip(assessments).map(Some).collect();
        let (names, assessments): (Vec<String>, Vec<Assessment>) =
            order.iter().filter_map(|&i| paired[i].take()).unzip();
        let refs: Vec<&Assessment> = assessments.iter().collect();
        let comparison = comparison::compare(rubric, &refs);
        CompareView {
            names,
            assessments,
            comparison,
            filter: Filter::All,
            selected: 0,
            first_column: 0,
            trend: false,
            trend_scroll: 0,
            consensus: None,
        }
    }

    fn open_actions(&self, id: &str) -> bool {
        self.assessments
            .iter()
            .any(|a| a.response(id).is_some_and(|r| r.open_actions() > 0))
    }

    /// The rows the filter lets through, in order.
    pub fn visible(&self) -> Vec<&Row> {
        self.comparison
            .rows
            .iter()
            .filter(|r| match self.filter {
                Filter::All => true,
                Filter::Differences => r.differs(),
                Filter::Regressions => matches!(r.change(), Change::Down(_)),
                Filter::UnsureOrNa => r.unsure_or_na(),
                Filter::OpenActions => self.open_actions(&r.id),
            })
            .collect()
    }

    pub fn selected_row(&self) -> Option<&Row> {
        self.visible().get(self.selected).copied()
    }

    pub fn select_id(&mut self, id: &str) {
        if let Some(i) = self.visible().iter().position(|r| r.id == id) {
            self.selected = i;
        }
    }

    /// The first two assessments of one cycle, by position: a trend of
    /// cycles cannot take both.
    pub fn same_cycle(&self) -> Option<(usize, usize)> {
        let cycles: Vec<&str> = self.assessments.iter().map(|a| a.cycle.trim()).collect();
        (0..cycles.len()).find_map(|b| {
            cycles[..b]
                .iter()
                .position(|c| *c == cycles[b])
                .map(|a| (a, b))
        })
    }

    /// The trend across cycles: each category's mean per cycle, then the
    /// indicators that moved most from the first cycle to the last. Text
    /// from the files (cycle labels, names) is cleaned here, once.
    pub fn trend_rows(&self) -> Vec<TrendRow> {
        let c = &self.comparison;
        let mut rows = vec![TrendRow::Heading("Mean level per cycle (0 to 3):".into())];
        for g in c.groups.iter().filter(|g| g.id != "--") {
            rows.push(TrendRow::Category(clean_line(&g.name)));
            for (label, mean) in c.labels.iter().zip(&g.means) {
                rows.push(TrendRow::Mean {
                    cycle: clean_line(label),
                    mean: *mean,
                });
            }
        }
        let movers = c.movers(5);
        rows.push(TrendRow::Heading(clean_line(&format!(
            "Moved most from {} to {}:",
            c.labels.first().map_or("", |s| s),
            c.labels.last().map_or("", |s| s)
        ))));
        if movers.is_empty() {
            rows.push(TrendRow::Category(
                "None: every indicator has the same rating in the first and the last.".into(),
            ));
        }
        for (row, by) in movers {
            rows.push(TrendRow::Moved {
                by,
                id: clean_line(&row.id),
                title: clean_line(&row.title),
            });
        }
        rows
    }

    pub fn is_partners(&self) -> bool {
        self.comparison.kind == Kind::Partners
    }

    /// The consensus assessment from the decisions taken so far.
    pub fn consensus_assessment(&self, rubric: &Rubric) -> Option<Assessment> {
        let c = self.consensus.as_ref()?;
        let refs: Vec<&Assessment> = self.assessments.iter().collect();
        Some(comparison::consensus(
            rubric,
            &refs,
            &self.comparison.labels,
            &c.decisions,
        ))
    }
}

// ----- keys --------------------------------------------------------------

impl App {
    pub(super) fn update_compare(&mut self, action: Action) {
        let rubric_levels = self.content.rubric.scale.levels.len();
        let Some(Overlay::Compare(view)) = self.overlays.last_mut() else {
            return;
        };
        if view.trend {
            let rows = view.trend_rows().len() as u16;
            let page = layout::compare(self.size, true)
                .map_or(1, |p| p.body.height)
                .max(1);
            let last = rows.saturating_sub(page);
            match action {
                Action::ToggleTrend => view.trend = false,
                Action::Help => self.overlays.push(Overlay::Help { scroll: 0 }),
                _ => {
                    if super::app::scroll_text(&mut view.trend_scroll, action, last, page) {
                        self.overlays.pop();
                    }
                }
            }
            return;
        }
        let n = view.visible().len();
        let page = usize::from(self.size.height / 2).max(1);
        match action {
            Action::Help => self.overlays.push(Overlay::Help { scroll: 0 }),
            Action::Down => view.selected = (view.selected + 1).min(n.saturating_sub(1)),
            Action::Up => view.selected = view.selected.saturating_sub(1),
            Action::PageDown => view.selected = (view.selected + page).min(n.saturating_sub(1)),
            Action::PageUp => view.selected = view.selected.saturating_sub(page),
            Action::Top => view.selected = 0,
            Action::Bottom => view.selected = n.saturating_sub(1),
            Action::ScrollLeft => view.first_column = view.first_column.saturating_sub(1),
            Action::ScrollRight => {
                view.first_column =
                    (view.first_column + 1).min(view.comparison.labels.len().saturating_sub(1))
            }
            Action::Filter(f) => {
                let keep = view.selected_row().map(|r| r.id.clone());
                view.filter = if view.filter == f {
                    super::action::Filter::All
                } else {
                    f
                };
                view.selected = 0;
                if let Some(id) = keep {
                    view.select_id(&id);
                }
                let shown = view.visible().len();
                let label = view.filter.label();
                self.say(format!("Showing {label}: {shown}."));
            }
            Action::Search => self.overlays.push(Overlay::Prompt(Prompt::new(
                PromptKind::FindInCompare,
                "Find indicator (id or words):".into(),
                "",
            ))),
            Action::ToggleTrend => {
                if view.comparison.kind == crate::model::comparison::Kind::Cycles {
                    if let Some((a, b)) = view.same_cycle() {
                        let message = format!(
                            "The trend needs one assessment per cycle: {} and {} are both {}. Mark one of them, or agree a consensus of that cycle first.",
                            clean_line(&view.names[a]),
                            clean_line(&view.names[b]),
                            clean_line(view.assessments[a].cycle.trim())
                        );
                        self.warn(message);
                        return;
                    }
                    view.trend = true;
                    view.trend_scroll = 0;
                } else {
                    self.say("The trend needs cycles of one program (the same program, different cycles).");
                }
            }
            Action::StartConsensus => {
                if !view.is_partners() {
                    self.say(
                        "A consensus needs views of one program and cycle, from different people.",
                    );
                    return;
                }
                let pending: Vec<String> = view
                    .comparison
                    .rows
                    .iter()
                    .filter(|r| r.differs())
                    .map(|r| r.id.clone())
                    .collect();
                view.consensus = Some(super::compare::Consensus {
                    pending: pending.clone(),
                    decisions: Default::default(),
                });
                view.filter = super::action::Filter::Differences;
                view.selected = 0;
                if pending.is_empty() {
                    self.finish_consensus();
                } else {
                    self.say(format!(
                        "Consensus: {} {}. On each, press 0-3 (or n for N/A) for the agreed rating, then say why. Esc stops.",
                        crate::text::count(pending.len(), "indicator", "indicators"),
                        crate::text::pick(pending.len(), "differs", "differ")
                    ));
                }
            }
            Action::Rate(level)
                if view.consensus.is_some() && usize::from(level) < rubric_levels =>
            {
                self.ask_reason(crate::model::assessment::Rating::Level(level));
            }
            Action::NotApplicable if view.consensus.is_some() => {
                self.ask_reason(crate::model::assessment::Rating::NotApplicable {
                    reason: String::new(),
                });
            }
            Action::Rate(_) | Action::NotApplicable => {
                self.say("Press c to start a consensus; ratings here are only for agreeing one.");
            }
            Action::Close if view.consensus.is_some() => {
                view.consensus = None;
                self.warn("Consensus stopped; nothing was saved.");
            }
            Action::Close => {
                self.overlays.pop();
            }
            _ => {}
        }
    }

    /// Asks why the team agreed `rating` for the selected indicator.
    fn ask_reason(&mut self, rating: crate::model::assessment::Rating) {
        let Some(Overlay::Compare(view)) = self.overlays.last() else {
            return;
        };
        let Some(row) = view.selected_row() else {
            return;
        };
        if !row.differs() {
            self.say(format!("{} needs no decision: the views agree.", row.id));
            return;
        }
        let id = row.id.clone();
        let shown = match &rating {
            crate::model::assessment::Rating::Level(v) => self.content.rubric.scale.label(*v),
            _ => "N/A".to_string(),
        };
        self.overlays.push(Overlay::Prompt(Prompt::new(
            PromptKind::ConsensusReason {
                indicator: id.clone(),
                rating,
            },
            format!("{id} agreed at {shown}. Why?"),
            "",
        )));
    }

    /// Records a consensus decision and moves to the next open indicator.
    pub(super) fn decide(
        &mut self,
        id: &str,
        mut rating: crate::model::assessment::Rating,
        reason: String,
    ) {
        if let crate::model::assessment::Rating::NotApplicable { reason: r } = &mut rating {
            *r = reason.clone();
        }
        let Some(Overlay::Compare(view)) = self.overlays.last_mut() else {
            return;
        };
        let Some(c) = view.consensus.as_mut() else {
            return;
        };
        c.decisions.insert(
            id.to_string(),
            crate::model::comparison::Decision { rating, reason },
        );
        c.pending.retain(|p| p != id);
        let next = c.pending.first().cloned();
        let left = c.pending.len();
        match next {
            Some(next) => {
                view.select_id(&next);
                self.say(format!("Agreed {id}. {left} still to agree."));
            }
            None => self.finish_consensus(),
        }
    }

    fn finish_consensus(&mut self) {
        let Some(Overlay::Compare(view)) = self.overlays.last() else {
            return;
        };
        if let Some(a) = view.consensus_assessment(&self.content.rubric) {
            self.effects
                .push(Effect::Library(LibraryRequest::SaveConsensus(Box::new(a))));
        }
    }
}
