//! A rubric: categories of quality indicators rated on the rubric's scale.

use serde::{Deserialize, Serialize};

use super::content_hash::content_hash;
use super::scale::Scale;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    /// Stable identifier that saved assessments refer to, e.g. `oregon-iet-qi`.
    pub id: String,
    pub version: String,
    pub title: String,
    /// Where the wording comes from and what the rubric is not.
    pub note: String,
    pub scale: Scale,
    pub categories: Vec<Category>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Short code, also the prefix of its indicator ids, e.g. `PD`.
    pub id: String,
    pub name: String,
    /// One or two sentences on what the category is about.
    pub summary: String,
    pub indicators: Vec<Indicator>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable id such as `PD-3`; saved ratings are matched to indicators by it.
    pub id: String,
    pub title: String,
    pub description: String,
    /// What this indicator looks like at each level of the scale, lowest first.
    pub levels: Vec<String>,
    /// Examples of evidence a team could show.
    pub evidence: Vec<String>,
    pub phase: Phase,
    /// Federal rules that apply, e.g. `34 CFR 463.36`. Empty when none does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cite: Vec<String>,
}

/// The four phases of the IET Design Toolkit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Phase {
    ResearchAndAssess,
    PlanAndDesign,
    DevelopAndDeliver,
    EvaluateAndImprove,
}

impl Phase {
    pub const ALL: [Phase; 4] = [
        Phase::ResearchAndAssess,
        Phase::PlanAndDesign,
        Phase::DevelopAndDeliver,
        Phase::EvaluateAndImprove,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Phase::ResearchAndAssess => "Research and Assess",
            Phase::PlanAndDesign => "Plan and Design",
            Phase::DevelopAndDeliver => "Develop and Deliver",
            Phase::EvaluateAndImprove => "Evaluate and Improve",
        }
    }
}

/// What an assessment records about the rubric it was made with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RubricRef {
    pub id: String,
    pub version: String,
    pub hash: String,
}

impl Rubric {
    pub fn indicators(&self) -> impl Iterator<Item = (&Category, &Indicator)> {
        self.categories
            .iter()
            .flat_map(|c| c.indicators.iter().map(move |i| (c, i)))
    }

    pub fn indicator(&self, id: &str) -> Option<(&Category, &Indicator)> {
        self.indicators().find(|(_, i)| i.id == id)
    }

    pub fn indicator_count(&self) -> usize {
        self.categories.iter().map(|c| c.indicators.len()).sum()
    }

    /// A fingerprint of the rubric's content (not its layout or comments), so a
    /// saved assessment can tell when the wording it was rated against changed.
    pub fn content_hash(&self) -> String {
        content_hash(self)
    }

    pub fn reference(&self) -> RubricRef {
        RubricRef {
            id: self.id.clone(),
            version: self.version.clone(),
            hash: self.content_hash(),
        }
    }
}
