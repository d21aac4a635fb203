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
    /// Documents, recordings and people a team can turn to, each with
    /// where to find it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<Resource>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// Something a team can read, watch or ask, with where it is: ietkit
/// fetches nothing, so the address is shown as text, to open on any
/// device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub name: String,
    /// Who publishes or runs it, e.g. "HECC" or "OCTAE".
    pub publisher: String,
    /// What a team would use it for, in a sentence.
    pub purpose: String,
    /// A web address (`https://...`) or an email address.
    pub address: String,
}

impl Resource {
    /// Whether `address` reads as a web or email address: no spaces, and
    /// either `http(s)://` and a dotted host, or `name@host.domain`.
    pub fn address_ok(address: &str) -> bool {
        let a = address.trim();
        if a.is_empty() || a.chars().any(char::is_whitespace) {
            return false;
        }
        if let Some(rest) = a
            .strip_prefix("https://")
            .or_else(|| a.strip_prefix("http://"))
        {
            let host = rest.split('/').next().unwrap_or("");
            return host.contains('.') && !host.starts_with('.') && !host.ends_with('.');
        }
        match a.split_once('@') {
            Some((user, host)) => {
                !user.is_empty()
                    && host.contains('.')
                    && !host.ends_with('.')
                    && !host.contains('@')
            }
            None => false,
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn section(id: &str, sections: Vec<Section>) -> Section {
        Section {
            id: id.into(),
            title: id.to_uppercase(),
            body: Vec::new(),
            links: Vec::new(),
            resources: Vec::new(),
            sections,
        }
    }

    #[test]
    fn walk_goes_depth_first_with_each_sections_depth() {
        let toolkit = Toolkit {
            id: "t".into(),
            version: "1".into(),
            title: "T".into(),
            note: String::new(),
            rubric: "r".into(),
            sections: vec![
                section(
                    "a",
                    vec![
                        section("a1", vec![section("a1x", vec![])]),
                        section("a2", vec![]),
                    ],
                ),
                section("b", vec![]),
            ],
        };
        let walked: Vec<(usize, &str)> = toolkit
            .walk()
            .iter()
            .map(|(d, s)| (*d, s.id.as_str()))
            .collect();
        assert_eq!(
            walked,
            [(0, "a"), (1, "a1"), (2, "a1x"), (1, "a2"), (0, "b")]
        );
        assert_eq!(
            toolkit.section("a1x").map(|s| s.title.as_str()),
            Some("A1X")
        );
        assert!(toolkit.section("c").is_none());
    }
}
