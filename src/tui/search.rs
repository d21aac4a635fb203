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

/// Text as search compares it: lower case, dashes as spaces, runs of
/// spaces as one, so "labor market" finds "labor-market".
fn fold(s: &str) -> String {
    s.to_lowercase()
        .replace(['-', '\u{2010}', '\u{2011}', '\u{2013}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Case-insensitive matches of `query`: indicators first (id, title,
/// description, levels, evidence examples), then toolkit sections. The
/// words as one phrase first; when nothing has the phrase, whatever has
/// every word somewhere.
pub fn find(content: &Content, query: &str) -> Vec<Hit> {
    let needle = fold(query);
    if needle.is_empty() {
        return Vec::new();
    }
    let phrase = find_by(content, |texts| {
        texts.iter().any(|t| fold(t).contains(&needle))
    });
    if !phrase.is_empty() || !needle.contains(' ') {
        return phrase;
    }
    let words: Vec<&str> = needle.split(' ').collect();
    find_by(content, |texts| {
        let all = fold(&texts.join(" "));
        words.iter().all(|w| all.contains(w))
    })
}

/// The indicators, then the sections, whose texts `matches`.
fn find_by(content: &Content, matches: impl Fn(&[&str]) -> bool) -> Vec<Hit> {
    let mut hits: Vec<Hit> = content
        .rubric
        .indicators()
        .filter(|(_, i)| {
            let mut texts = vec![i.id.as_str(), i.title.as_str(), i.description.as_str()];
            texts.extend(i.levels.iter().map(String::as_str));
            texts.extend(i.evidence.iter().map(String::as_str));
            matches(&texts)
        })
        .map(|(_, i)| Hit::Indicator(i.id.clone()))
        .collect();
    hits.extend(
        content
            .toolkit
            .walk()
            .into_iter()
            .filter(|(_, s)| {
                let mut texts = vec![s.title.as_str()];
                texts.extend(s.body.iter().map(String::as_str));
                // What a section lists to read or ask is found too.
                for r in &s.resources {
                    texts.extend([
                        r.name.as_str(),
                        r.publisher.as_str(),
                        r.purpose.as_str(),
                        r.address.as_str(),
                    ]);
                }
                matches(&texts)
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

    #[test]
    fn words_are_found_as_a_phrase_then_each_anywhere() {
        let content =
            crate::tui::content::Content::from(crate::store::embedded::builtin().unwrap());
        let ids = |q: &str| -> Vec<super::Hit> { super::find(&content, q) };
        // A dash or a space: the same phrase.
        assert_eq!(ids("labor market"), ids("labor-market"));
        assert!(!ids("labor market").is_empty());
        // Words that never stand together are found where both are.
        let both = ids("employer wages");
        assert!(!both.is_empty());
        for hit in &both {
            assert!(
                ids("employer").contains(hit) && ids("wages").contains(hit),
                "{hit:?}"
            );
        }
        assert!(ids("employer zebra").is_empty());
    }
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
