//! The toolkit: reading material shown in the navigator, as a tree of sections.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Toolkit {
    pub id: String,
    pub version: String,
    pub title: String,
    pub note: String,
    /// The id of the rubric whose indicators the sections link to.
    pub rubric: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: String,
    /// Paragraphs. A paragraph starting with "- " is a list item.
    pub body: Vec<String>,
    /// Indicator ids this section relates to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

impl Toolkit {
    /// Every section, depth first, with its depth (0 for top-level sections).
    pub fn walk(&self) -> Vec<(usize, &Section)> {
        fn visit<'a>(sections: &'a [Section], depth: usize, out: &mut Vec<(usize, &'a Section)>) {
            for s in sections {
                out.push((depth, s));
                visit(&s.sections, depth + 1, out);
            }
        }
        let mut out = Vec::new();
        visit(&self.sections, 0, &mut out);
        out
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.walk().into_iter().map(|(_, s)| s).find(|s| s.id == id)
    }
}
