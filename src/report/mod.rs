//! Reports: pure functions from the model to text.

pub mod compare;

/// One CSV field, quoted when it must be (RFC 4180).
pub fn csv_field(s: &str) -> String {
    let s = crate::text::clean_line_keeping_newlines(s);
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Text safe inside a Markdown table cell.
pub fn md_cell(s: &str) -> String {
    crate::text::clean_line(s).replace('|', "\\|")
}
