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
            .filter(|(_, s)| {
                has(&s.title)
                    || s.body.iter().any(|p| has(p))
                    // What a section lists to read or ask is found too.
                    || s.resources.iter().any(|r| {
                        has(&r.name) || has(&r.publisher) || has(&r.purpose) || has(&r.address)
                    })
            })
            .map(|(_, s)| Hit::Section(s.id.clone())),
    );
    hits
}

/// `lines` with every case-insensitive match of `query` in `style`, so the
/// reader sees why the search stopped here. Matches within one span only.
pub fn highlight(
    lines: Vec<ratatui::text::Line<'static>>,
    query: &str,
    style: ratatui::style::Style,
) -> Vec<ratatui::text::Line<'static>> {
    use ratatui::text::{Line, Span};
    let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
    let needle: Vec<char> = query.trim().chars().map(fold).collect();
    if needle.is_empty() {
        return lines;
    }
    lines
        .into_iter()
        .map(|line| {
            let mut spans = Vec::new();
            for span in line.spans {
                let chars: Vec<char> = span.content.chars().collect();
                let folded: Vec<char> = chars.iter().map(|&c| fold(c)).collect();
                let (mut start, mut i) = (0, 0);
                while i + needle.len() <= chars.len() {
                    if folded[i..i + needle.len()] == needle[..] {
                        if i > start {
                            spans.push(Span::styled(
                                chars[start..i].iter().collect::<String>(),
                                span.style,
                            ));
                        }
                        let hit: String = chars[i..i + needle.len()].iter().collect();
                        spans.push(Span::styled(hit, span.style.patch(style)));
                        i += needle.len();
                        start = i;
                    } else {
                        i += 1;
                    }
                }
                if start == 0 {
                    spans.push(span);
                } else if start < chars.len() {
                    spans.push(Span::styled(
                        chars[start..].iter().collect::<String>(),
                        span.style,
                    ));
                }
            }
            Line::from(spans).style(line.style)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::highlight;
    use ratatui::style::{Modifier, Style};
    use ratatui::text::Line;

    #[test]
    fn matches_are_marked_whatever_their_case() {
        let mark = Style::new().add_modifier(Modifier::UNDERLINED);
        let out = highlight(
            vec![Line::raw("A shared Calendar; calendars")],
            "calendar",
            mark,
        );
        let parts: Vec<(String, bool)> = out[0]
            .spans
            .iter()
            .map(|s| (s.content.to_string(), s.style == mark))
            .collect();
        assert_eq!(
            parts,
            [
                ("A shared ".to_string(), false),
                ("Calendar".to_string(), true),
                ("; ".to_string(), false),
                ("calendar".to_string(), true),
                ("s".to_string(), false),
            ]
        );
        let same = highlight(vec![Line::raw("nothing here")], "calendar", mark);
        assert_eq!(same[0].spans.len(), 1);
    }
}
