//! What the app shows: the rubric, toolkit and screener in use.

use crate::model::rubric::Rubric;
use crate::model::screener::Screener;
use crate::model::toolkit::Toolkit;
use crate::store::embedded::Builtin;

pub struct Content {
    pub rubric: Rubric,
    pub toolkit: Toolkit,
    pub screener: Screener,
}

impl From<Builtin> for Content {
    fn from(b: Builtin) -> Content {
        Content {
            rubric: b.rubric,
            toolkit: b.toolkit,
            screener: b.screener,
        }
    }
}

impl Content {
    /// (category index, indicator index) of an indicator id.
    pub fn locate(&self, id: &str) -> Option<(usize, usize)> {
        self.rubric
            .categories
            .iter()
            .enumerate()
            .find_map(|(c, cat)| {
                cat.indicators
                    .iter()
                    .position(|i| i.id == id)
                    .map(|i| (c, i))
            })
    }

    /// Indicator ids in rubric order.
    pub fn indicator_ids(&self) -> Vec<&str> {
        self.rubric
            .indicators()
            .map(|(_, i)| i.id.as_str())
            .collect()
    }
}
