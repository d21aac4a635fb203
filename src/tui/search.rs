//! `/` search over indicators and toolkit text.

use super::content::Content;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hit {
    Indicator(String),
    Section(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub hits: Vec<Hit>,
    /// The hit shown now.
    pub current: usize,
}

/// Case-insensitive matches of `query`: indicators first (id, title,
/// description, levels, evidence examples), then toolkit sections.
pub fn find(content: &Content, query: &str) -> Vec<Hit> {
    let needle = query.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let has = |s: &str| s.to_lowercase().contains(&needle);
    let mut hits: Vec<Hit> = content
        .rubric
        .indicators()
        .filter(|(_, i)| {
            has(&i.id)
                || has(&i.title)
                || has(&i.description)
                || i.levels.iter().any(|l| has(l))
                || i.evidence.iter().any(|e| has(e))
        })
        .map(|(_, i)| Hit::Indicator(i.id.clone()))
        .collect();
    hits.extend(
        content
            .toolkit
            .walk()
            .into_iter()
            .filter(|(_, s)| has(&s.title) || s.body.iter().any(|p| has(p)))
            .map(|(_, s)| Hit::Section(s.id.clone())),
    );
    hits
}
