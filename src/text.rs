//! Text that comes from files is untrusted: it must never act on the terminal.
//!
//! One rule decides which characters are unsafe; it serves both the checks
//! that reject such text in data files and the cleaning before display.

/// Control characters (C0 except newline, DEL, C1), bidirectional overrides
/// and invisible format characters that can hide or reorder text. A joiner
/// between two emoji is not unsafe there: see [`unsafe_at`].
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c,
            // Soft hyphen, Arabic letter mark, Mongolian vowel separator.
            '\u{00AD}' | '\u{061C}' | '\u{180E}'
            // Zero-width characters and direction marks.
            | '\u{200B}'..='\u{200F}'
            // Line and paragraph separators, direction embeddings.
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            // Hangul fillers, which show as nothing.
            | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}'
            | '\u{FEFF}'
            // Interlinear annotation marks.
            | '\u{FFF9}'..='\u{FFFB}'
            // Tag characters: invisible text (see `unsafe_at` for flags).
            | '\u{E0000}'..='\u{E007F}')
}

/// Tag characters that spell a flag after U+1F3F4 (the flags of
/// Scotland, Wales, England), up to the cancel tag.
fn is_flag_tag(c: char) -> bool {
    ('\u{E0020}'..='\u{E007F}').contains(&c)
}

/// Pictographs that zero-width joiners combine into one emoji (a family, a
/// profession): the blocks of emoji and symbols, near enough.
fn is_pictograph(c: char) -> bool {
    matches!(u32::from(c),
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2300..=0x23FF | 0x2B00..=0x2BFF
        | 0x2190..=0x21FF | 0x2934..=0x2935 | 0x3030 | 0x303D | 0x3297 | 0x3299
        | 0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139)
}

/// Whether `chars[i]` is unsafe where it stands: a zero-width joiner is
/// kept between a pictograph (or its skin tone or emoji style) and a
/// pictograph, so that emoji sequences survive; anywhere else it could hide
/// text, and is unsafe like the other invisible characters.
pub fn unsafe_at(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if c == '\u{200D}' {
        let before = i
            .checked_sub(1)
            .and_then(|j| chars.get(j))
            .is_some_and(|&p| {
                is_pictograph(p) || p == '\u{FE0F}' || ('\u{1F3FB}'..='\u{1F3FF}').contains(&p)
            });
        let after = chars.get(i + 1).is_some_and(|&n| is_pictograph(n));
        return !(before && after);
    }
    if is_flag_tag(c) {
        // Safe only in an unbroken run of tags right after a black flag.
        let start = chars[..i].iter().rposition(|&p| !is_flag_tag(p));
        return start.is_none_or(|j| chars[j] != '\u{1F3F4}');
    }
    is_unsafe(c)
}

/// `s` with each unsafe character (in its place, see [`unsafe_at`]) given
/// to `unsafe_char` and each other to `safe_char`.
fn map_chars(
    s: &str,
    safe_char: impl Fn(char) -> char,
    unsafe_char: impl Fn(char) -> char,
) -> String {
    let chars: Vec<char> = s.chars().collect();
    (0..chars.len())
        .map(|i| {
            if unsafe_at(&chars, i) {
                unsafe_char(chars[i])
            } else {
                safe_char(chars[i])
            }
        })
        .collect()
}

/// The first unsafe character in `s`, if any.
pub fn first_unsafe(s: &str) -> Option<char> {
    let chars: Vec<char> = s.chars().collect();
    (0..chars.len())
        .find(|&i| unsafe_at(&chars, i))
        .map(|i| chars[i])
}

/// Whether `s` holds an unsafe character (a line break counts unless
/// `newlines` are allowed).
pub fn needs_cleaning(s: &str, newlines: bool) -> bool {
    (!newlines && s.contains('\n')) || first_unsafe(s).is_some()
}

/// `s` made safe to print on one line: tabs become spaces, newlines become
/// spaces, and any other unsafe character becomes a visible `�`.
pub fn clean_line(s: &str) -> String {
    map_chars(
        s,
        |c| c,
        |c| match c {
            '\t' | '\n' | '\r' => ' ',
            _ => '\u{FFFD}',
        },
    )
    .replace('\n', " ")
}

/// `s` made safe, its line breaks kept: tabs become spaces, carriage
/// returns go, any other unsafe character becomes `�`.
pub fn clean_keeping_newlines(s: &str) -> String {
    map_chars(
        &s.replace("\r\n", "\n"),
        |c| c,
        |c| match c {
            '\t' | '\r' => ' ',
            _ => '\u{FFFD}',
        },
    )
}

/// `U+001B`: how a character is named in messages, since it may be invisible.
pub fn codepoint(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// Up to `n` of `candidates` close to `typed`, closest first: those that
/// hold it or that it holds (ignoring case), then those a few typing
/// slips away, whole or in their start. For "did you mean" when a name is
/// not found.
pub fn close_matches(typed: &str, candidates: &[String], n: usize) -> Vec<String> {
    let typed_l = typed.to_lowercase();
    if typed_l.is_empty() {
        return Vec::new();
    }
    let slips = (typed_l.chars().count() / 4).max(2);
    let mut scored: Vec<(usize, &String)> = candidates
        .iter()
        .filter_map(|c| {
            let c_l = c.to_lowercase();
            let words = typed_l
                .split(|ch: char| !ch.is_alphanumeric())
                .filter(|w| !w.is_empty());
            if c_l.contains(&typed_l) || typed_l.contains(&c_l) {
                Some((0, c))
            } else if words.clone().next().is_some() && words.into_iter().all(|w| c_l.contains(w)) {
                // Every word typed is in it: "welding-2025".
                Some((1, c))
            } else {
                // A slip in the start of a long name counts as a slip.
                let start: String = c_l.chars().take(typed_l.chars().count()).collect();
                let d = edit_distance(&typed_l, &c_l).min(edit_distance(&typed_l, &start) + 1);
                (d <= slips).then_some((d, c))
            }
        })
        .collect();
    scored.sort();
    scored.into_iter().take(n).map(|(_, c)| c.clone()).collect()
}

/// How many characters must be added, removed or changed to turn `a` into `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    #[test]
    fn positions_are_said_in_words_then_figures() {
        let said: Vec<String> = [1, 3, 8, 12, 13, 21, 22, 23, 111, 112, 0]
            .into_iter()
            .map(super::ordinal)
            .collect();
        assert_eq!(
            said,
            [
                "first", "third", "eighth", "twelfth", "13th", "21st", "22nd", "23rd", "111th",
                "112th", "0th"
            ]
        );
    }

    use super::*;

    #[test]
    fn close_names_are_found_by_slips_starts_and_words() {
        let names: Vec<String> = ["welding-2026", "welding-2025", "nursing-cna", "diesel"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(close_matches("weldng-2026", &names, 3)[0], "welding-2026");
        assert_eq!(close_matches("DIESEL", &names, 3), ["diesel"]);
        assert_eq!(close_matches("nursing cna", &names, 3), ["nursing-cna"]);
        assert_eq!(close_matches("welding", &names, 1).len(), 1);
        assert!(close_matches("carpentry", &names, 3).is_empty());
        assert!(close_matches("", &names, 3).is_empty());
        let long: Vec<String> = [
            "welding-fabrication-iet-2025-26",
            "nursingassistant",
            "diesel",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every word typed is in it, in another order or apart.
        assert_eq!(
            close_matches("welding-2025", &long, 3),
            ["welding-fabrication-iet-2025-26"]
        );
        // The name typed holds it.
        assert_eq!(close_matches("diesel-2026-27-copy", &long, 3), ["diesel"]);
        // A long name allows more slips: a quarter of its length.
        assert_eq!(
            close_matches("nursxngassxstaxt", &long, 3),
            ["nursingassistant"]
        );
        // Nothing but separators matches nothing.
        assert!(close_matches("--", &long, 3).is_empty());
        // A slip in the start of a long name costs one more than a slip.
        assert!(close_matches("wexdixg", &["welding-fabrication".to_string()], 3).is_empty());
        assert_eq!(
            close_matches("wexding", &["welding-fabrication".to_string()], 3),
            ["welding-fabrication"]
        );
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("ab", "b"), 1);
        assert_eq!(edit_distance("b", "ab"), 1);
        assert_eq!(edit_distance("flaw", "lawn"), 2);
        assert_eq!(edit_distance("abc", "a"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }

    #[test]
    fn escape_sequences_and_bidi_are_unsafe() {
        for c in [
            '\u{1b}',
            '\u{7}',
            '\u{7f}',
            '\u{9b}',
            '\u{202e}',
            '\u{200b}',
            '\u{feff}',
            '\r',
            '\u{ad}',
            '\u{180e}',
            '\u{2028}',
            '\u{2029}',
            '\u{fff9}',
            '\u{fffb}',
            '\u{115f}',
            '\u{3164}',
            '\u{e0041}',
            '\u{e0001}',
        ] {
            assert!(is_unsafe(c), "{}", codepoint(c));
        }
        for c in ['a', 'é', '\n', '–', '漢'] {
            assert!(!is_unsafe(c), "{}", codepoint(c));
        }
    }

    #[test]
    fn emoji_sequences_survive_and_a_lone_joiner_does_not() {
        let family = "👩\u{200D}👩\u{200D}👧 and 👍🏽 and 🏳\u{FE0F}\u{200D}🌈";
        assert_eq!(clean_line(family), family);
        assert_eq!(first_unsafe(family), None);
        assert_eq!(clean_line("a\u{200D}b"), "a\u{FFFD}b");
        assert_eq!(clean_line("👩\u{200D}"), "👩\u{FFFD}");
        assert_eq!(clean_line("\u{200D}👩"), "\u{FFFD}👩");
        assert_eq!(first_unsafe("x\u{200D}y"), Some('\u{200D}'));
        // The flag of Scotland is tags after a black flag; tags anywhere
        // else are hidden text.
        let scotland = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
        assert_eq!(clean_line(scotland), scotland);
        assert_eq!(clean_line("ok\u{E0069}\u{E0067}"), "ok\u{FFFD}\u{FFFD}");
        assert_eq!(clean_line("\u{1F3F4}x\u{E0067}"), "\u{1F3F4}x\u{FFFD}");
        assert_eq!(
            clean_keeping_newlines("a\r\nb\u{202e}\tc"),
            "a\nb\u{FFFD} c"
        );
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

/// As [`wrap`], but a word longer than `width` is broken across lines, so
/// no line is longer than `width`: for a screen, which would cut it. (Text
/// written out keeps long words whole: a path or an address stays one.)
pub fn wrap_hard(s: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for line in wrap(s, width) {
        let chars: Vec<char> = line.chars().collect();
        if chars.len() <= width {
            lines.push(line);
        } else {
            lines.extend(chars.chunks(width).map(|c| c.iter().collect::<String>()));
        }
    }
    lines
}

#[cfg(test)]
mod wrap_tests {
    use super::{wrap, wrap_hard};

    #[test]
    fn on_a_screen_a_long_word_is_broken_and_no_line_is_longer_than_the_width() {
        assert_eq!(
            wrap_hard("a verylongword b", 4),
            ["a", "very", "long", "word", "b"]
        );
        assert_eq!(wrap_hard("one two three", 9), ["one two", "three"]);
        assert_eq!(wrap_hard("abc", 0), ["a", "b", "c"]);
    }

    #[test]
    fn wraps_at_word_boundaries_and_keeps_long_words_whole() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap("a verylongword b", 4), ["a", "verylongword", "b"]);
        assert!(wrap("   ", 10).is_empty());
    }
}

/// `s` in at most `width` characters: whole when it fits, else cut with
/// `ellipsis` as its last character, so a reader sees that more was there.
pub fn fit(s: &str, width: usize, ellipsis: &str) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut cut: String = s.chars().take(width.saturating_sub(1)).collect();
    if width > 0 {
        cut.push_str(ellipsis);
    }
    cut
}

/// "1 indicator", "3 indicators".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", pick(n, one, many))
}

/// "first", "second", ... "twelfth", then "13th", "21st", "22nd": a
/// position said as a listener hears it.
pub fn ordinal(n: usize) -> String {
    const WORDS: [&str; 12] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth",
    ];
    if let Some(w) = n.checked_sub(1).and_then(|i| WORDS.get(i)) {
        return (*w).to_string();
    }
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// `one` or `many` as `n` needs, for the words after a count that agree
/// with it ("1 of 5 differs", "2 of 5 differ").
pub fn pick<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// Text someone typed, to be quoted in parentheses or before a full stop:
/// trimmed, without the full stops it ended with.
pub fn aside(s: &str) -> &str {
    s.trim().trim_end_matches(['.', ' '])
}

/// Like [`clean_line`] but keeps line breaks (for notes in CSV fields).
pub fn clean_line_keeping_newlines(s: &str) -> String {
    clean_keeping_newlines(s)
}

/// Every piece of text in `value` (map keys too) that holds an unsafe
/// character, line breaks aside. It looks at what `value` holds, field by
/// field, whatever its type: an independent check of cleaning, for tests
/// and fuzzing.
pub fn unsafe_pieces<T: serde::Serialize>(value: &T) -> Vec<String> {
    fn check(s: &str, out: &mut Vec<String>) {
        if first_unsafe(&s.replace('\n', " ")).is_some() {
            out.push(s.to_string());
        }
    }
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => check(s, out),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    check(k, out);
                    walk(x, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(v) = serde_json::to_value(value) {
        walk(&v, &mut out);
    }
    out
}
