//! The rating scale. It is data, defined by each rubric, so a rubric can
//! name its own levels; the code only relies on levels being 0..n.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Levels from lowest to highest; `value` runs 0, 1, 2, ... in order.
    pub levels: Vec<Level>,
    /// What "does not apply" means for this rubric. Choosing it needs a reason.
    pub not_applicable: Mark,
    /// A "not sure, come back to this" flag. It is never counted as a rating.
    pub unsure: Mark,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub value: u8,
    pub name: String,
    pub meaning: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    pub name: String,
    pub meaning: String,
}

impl Scale {
    /// The levels' values, lowest first.
    pub fn values(&self) -> Vec<u8> {
        self.levels.iter().map(|l| l.value).collect()
    }

    pub fn level(&self, value: u8) -> Option<&Level> {
        self.levels.iter().find(|l| l.value == value)
    }

    /// The highest level value, or 0 for an empty scale.
    pub fn top(&self) -> u8 {
        self.levels.iter().map(|l| l.value).max().unwrap_or(0)
    }

    /// "2 Developing", or just the digit when the level is unknown.
    pub fn label(&self, value: u8) -> String {
        match self.level(value) {
            Some(level) => format!("{value} {}", level.name),
            None => value.to_string(),
        }
    }
}
