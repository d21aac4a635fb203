//! The last stop before the terminal: each frame's bytes, trimmed of what
//! the terminal already knows, leave in one write.
//!
//! ratatui ends every frame by resetting four colour and style states one by
//! one and hiding the cursor. On a 9600-baud line those 25 bytes are more
//! than the change a keystroke makes, so here the resets become one `SGR 0`
//! (which resets them all), the cursor is hidden once, not every frame, and
//! only frames large enough to arrive in pieces are wrapped in a
//! synchronized update (which stops a half-received frame from showing).

use std::io::{self, Write};

const RESETS: &[u8] = b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m";
const RESET_ALL: &[u8] = b"\x1b[0m";
const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
const BEGIN_SYNC: &[u8] = b"\x1b[?2026h";
const END_SYNC: &[u8] = b"\x1b[?2026l";

/// Frames above this size may be split across packets on the way, so they
/// are shown whole or not at all; smaller ones arrive in one piece.
pub const SYNC_ABOVE: usize = 1024;

pub struct Wire<W: Write> {
    inner: W,
    frame: Vec<u8>,
    cursor_hidden: bool,
    /// Colours go out as the 16 basic codes, for terminals that did not
    /// say they have 256.
    basic: bool,
}

impl<W: Write> Wire<W> {
    pub fn new(inner: W) -> Wire<W> {
        Wire {
            inner,
            frame: Vec::with_capacity(64 * 1024),
            cursor_hidden: false,
            basic: false,
        }
    }

    /// A wire that sends colours as the 16 basic codes.
    pub fn basic(inner: W) -> Wire<W> {
        Wire {
            basic: true,
            ..Wire::new(inner)
        }
    }

    fn send(&mut self) -> io::Result<()> {
        if self.frame.is_empty() {
            return self.inner.flush();
        }
        let mut bytes = replace_all(&self.frame, RESETS, RESET_ALL);
        self.frame.clear();
        if self.basic {
            bytes = basic_colours(&bytes);
        }
        if bytes.ends_with(HIDE_CURSOR) {
            if self.cursor_hidden {
                bytes.truncate(bytes.len() - HIDE_CURSOR.len());
            }
            self.cursor_hidden = true;
        } else if find(&bytes, SHOW_CURSOR).is_some() {
            self.cursor_hidden = false;
        }
        if bytes.len() > SYNC_ABOVE {
            let mut wrapped = Vec::with_capacity(bytes.len() + 16);
            wrapped.extend_from_slice(BEGIN_SYNC);
            wrapped.extend_from_slice(&bytes);
            wrapped.extend_from_slice(END_SYNC);
            bytes = wrapped;
        }
        self.inner.write_all(&bytes)?;
        self.inner.flush()
    }
}

impl<W: Write> Write for Wire<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

/// `bytes` with each 256-colour code for one of the first 16 colours
/// (`38;5;N` or `48;5;N` in a style sequence, which is how the colours
/// ietkit uses are sent) as the basic code every colour terminal knows
/// (`3N`, `9N`, `4N`, `10N`). Any higher colour becomes the terminal's
/// default.
fn basic_colours(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some(at) = find(rest, b"\x1b[") {
        let params_at = at + 2;
        let params_len = rest[params_at..]
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b';')
            .count();
        let end = params_at + params_len;
        out.extend_from_slice(&rest[..params_at]);
        if rest.get(end) == Some(&b'm') {
            let params = std::str::from_utf8(&rest[params_at..end]).unwrap_or("");
            out.extend_from_slice(basic_params(params).as_bytes());
        } else {
            out.extend_from_slice(&rest[params_at..end]);
        }
        rest = &rest[end..];
    }
    out.extend_from_slice(rest);
    out
}

/// The parameters of one style sequence, 256-colour ones made basic.
fn basic_params(params: &str) -> String {
    let parts: Vec<&str> = params.split(';').collect();
    let mut out: Vec<String> = Vec::with_capacity(parts.len());
    let mut i = 0;
    while i < parts.len() {
        let colour = parts.get(i + 2).and_then(|n| n.parse::<u16>().ok());
        match (parts[i], parts.get(i + 1), colour) {
            (which @ ("38" | "48"), Some(&"5"), Some(n)) => {
                let background = which == "48";
                let code = match (n, background) {
                    (0..=7, false) => 30 + n,
                    (8..=15, false) => 90 + n - 8,
                    (0..=7, true) => 40 + n,
                    (8..=15, true) => 100 + n - 8,
                    (_, false) => 39,
                    (_, true) => 49,
                };
                out.push(code.to_string());
                i += 3;
            }
            (p, _, _) => {
                out.push(p.to_string());
                i += 1;
            }
        }
    }
    out.join(";")
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn replace_all(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some(i) = find(rest, from) {
        out.extend_from_slice(&rest[..i]);
        out.extend_from_slice(to);
        rest = &rest[i + from.len()..];
    }
    out.extend_from_slice(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(frames: &[&[u8]]) -> Vec<Vec<u8>> {
        let mut wire = Wire::new(Vec::new());
        let mut out = Vec::new();
        for f in frames {
            wire.write_all(f).unwrap();
            wire.flush().unwrap();
            out.push(std::mem::take(&mut wire.inner));
        }
        out
    }

    #[test]
    fn basic_terminals_get_basic_colour_codes() {
        let frame = b"a\x1b[38;5;6mb\x1b[38;5;8mc\x1b[48;5;1md\x1b[48;5;12me\x1b[38;5;200mf\x1b[38;5;;x\x1b[1;38;5;6;49mg\x1b[2;3H";
        let mut wire = Wire::basic(Vec::new());
        wire.write_all(frame).unwrap();
        wire.flush().unwrap();
        assert_eq!(
            wire.inner,
            b"a\x1b[36mb\x1b[90mc\x1b[41md\x1b[104me\x1b[39mf\x1b[38;5;;x\x1b[1;36;49mg\x1b[2;3H"
        );
        let mut full = Wire::new(Vec::new());
        full.write_all(frame).unwrap();
        full.flush().unwrap();
        assert_eq!(full.inner, frame, "256 colours pass as they are");
    }

    #[test]
    fn small_frames_lose_repeated_resets_and_cursor_hides() {
        let frame = b"\x1b[2;3Hx\x1b[39m\x1b[49m\x1b[59m\x1b[0m\x1b[?25l";
        let out = sent(&[frame, frame]);
        assert_eq!(
            out[0], b"\x1b[2;3Hx\x1b[0m\x1b[?25l",
            "the first hides the cursor"
        );
        assert_eq!(out[1], b"\x1b[2;3Hx\x1b[0m", "then it stays hidden");
    }

    #[test]
    fn a_shown_cursor_is_hidden_again_and_large_frames_are_synchronized() {
        let hide = b"y\x1b[?25l";
        let show = b"z\x1b[?25h";
        let out = sent(&[hide, show, hide]);
        assert_eq!(out[2], hide, "hidden again after being shown");
        let big = vec![b'a'; SYNC_ABOVE + 1];
        let out = sent(&[&big]);
        assert!(out[0].starts_with(BEGIN_SYNC) && out[0].ends_with(END_SYNC));
        assert_eq!(out[0].len(), big.len() + 16);
    }
}
