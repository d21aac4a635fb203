//! Text that comes from files is untrusted: it must never act on the terminal.
//!
//! One rule decides which characters are unsafe; it serves both the checks
//! that reject such text in data files and the cleaning before display.

/// Control characters (C0 except newline, DEL, C1), bidirectional overrides
/// and invisible format characters that can hide or reorder text.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c,
            '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}')
}

/// The first unsafe character in `s`, if any.
pub fn first_unsafe(s: &str) -> Option<char> {
    s.chars().find(|&c| is_unsafe(c))
}

/// `s` made safe to print on one line: tabs become spaces, newlines become
/// spaces, and any other unsafe character becomes a visible `�`.
pub fn clean_line(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if is_unsafe(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// `U+001B`: how a character is named in messages, since it may be invisible.
pub fn codepoint(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_are_unsafe() {
        for c in [
            '\u{1b}', '\u{7}', '\u{7f}', '\u{9b}', '\u{202e}', '\u{200b}', '\u{feff}', '\r',
        ] {
            assert!(is_unsafe(c), "{}", codepoint(c));
        }
        for c in ['a', 'é', '\n', '–', '漢'] {
            assert!(!is_unsafe(c), "{}", codepoint(c));
        }
    }

    #[test]
    fn clean_line_keeps_text_and_shows_where_controls_were() {
        let hostile = "Title\u{1b}]0;pwned\u{7}\tend\u{202e}x";
        let clean = clean_line(hostile);
        assert_eq!(clean, "Title\u{FFFD}]0;pwned\u{FFFD} end\u{FFFD}x");
        assert!(first_unsafe(&clean).is_none());
    }
}

/// Greedy word wrap to `width` columns (counted in chars), for plain output.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod wrap_tests {
    use super::wrap;

    #[test]
    fn wraps_at_word_boundaries_and_keeps_long_words_whole() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap("a verylongword b", 4), ["a", "verylongword", "b"]);
        assert!(wrap("   ", 10).is_empty());
    }
}

/// "1 indicator", "3 indicators".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Like [`clean_line`] but keeps line breaks (for notes in CSV fields).
pub fn clean_line_keeping_newlines(s: &str) -> String {
    s.split('\n').map(clean_line).collect::<Vec<_>>().join("\n")
}
