//! The side-by-side view's state: the loaded assessments, their
//! alignment, the filter, and a consensus under way.

use std::collections::BTreeMap;

use super::action::Filter;
use crate::model::assessment::Assessment;
use crate::model::comparison::{self, Change, Comparison, Decision, Kind, Row};
use crate::model::rubric::Rubric;

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
    pub trend_scroll: usize,
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

    /// The trend across cycles: each category's mean per cycle, then the
    /// indicators that moved most from the first cycle to the last.
    pub fn trend_rows(&self) -> Vec<TrendRow> {
        let c = &self.comparison;
        let mut rows = vec![TrendRow::Heading("Mean level per cycle (0 to 3):".into())];
        for g in c.groups.iter().filter(|g| g.id != "--") {
            rows.push(TrendRow::Category(g.name.clone()));
            for (label, mean) in c.labels.iter().zip(&g.means) {
                rows.push(TrendRow::Mean {
                    cycle: label.clone(),
                    mean: *mean,
                });
            }
        }
        let movers = c.movers(5);
        rows.push(TrendRow::Heading(format!(
            "Moved most from {} to {}:",
            c.labels.first().map_or("", |s| s),
            c.labels.last().map_or("", |s| s)
        )));
        if movers.is_empty() {
            rows.push(TrendRow::Category(
                "None: every indicator has the same rating in the first and the last.".into(),
            ));
        }
        for (row, by) in movers {
            rows.push(TrendRow::Moved {
                by,
                id: row.id.clone(),
                title: row.title.clone(),
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
