//! The whole assessment and its scores as JSON, for other tools.
//!
//! The assessment keeps the shape of the saved file (see docs/FORMAT.md);
//! the scores and the screener verdict are added beside it.

use serde_json::{Value, json};

use super::Subject;
use crate::model::scoring::{self, Tally};
use crate::model::screener::TestGroup;

/// Raised when the shape of this export changes.
pub const EXPORT_VERSION: u32 = 2;

fn tally(t: &Tally) -> Value {
    json!({
        "mean": t.mean().map(|m| (m * 100.0).round() / 100.0),
        "total": t.total,
        "rated": t.rated,
        "not_applicable": t.not_applicable,
        "unrated": t.unrated,
        "unsure": t.unsure,
        "levels": t.distribution,
    })
}

pub fn report(s: &Subject<'_>) -> String {
    let summary = scoring::score(s.rubric, &s.assessment);
    let categories: Vec<Value> = summary
        .categories
        .iter()
        .map(|c| {
            let mut v = json!({ "id": c.category.id, "name": c.category.name });
            if let (Value::Object(head), Value::Object(figures)) = (&mut v, tally(&c.tally)) {
                head.extend(figures);
            }
            v
        })
        .collect();
    let outcome = s.verdict();
    let ids = |qs: &[&crate::model::screener::Question]| -> Vec<String> {
        qs.iter().map(|q| q.id.clone()).collect()
    };
    let verdicts: Vec<Value> = outcome
        .verdicts
        .iter()
        .map(|v| {
            json!({
                "standard": match v.group {
                    TestGroup::Federal => "federal",
                    _ => "oregon",
                },
                "name": v.standard.name,
                "result": v.kind.key(),
                "failed": ids(&v.failed),
                "open": ids(&v.open),
            })
        })
        .collect();
    let doc = json!({
        "ietkit_export": EXPORT_VERSION,
        "title": s.title(),
        "rubric": {
            "id": s.rubric.id,
            "version": s.rubric.version,
            "title": s.rubric.title,
        },
        "assessment": s.assessment,
        "scores": {
            "overall": tally(&summary.overall),
            "categories": categories,
        },
        "screener": {
            "verdicts": verdicts,
            "advice": ids(&outcome.advice),
        },
    });
    // Serialising a Value with string keys cannot fail.
    let mut text = escape_unsafe(&serde_json::to_string_pretty(&doc).unwrap_or_default());
    text.push('\n');
    text
}

/// JSON with every character that could act on a terminal written as a
/// `\u` escape: the same text to a program, nothing to a terminal that
/// shows it. (serde_json escapes C0 controls, not C1, bidi or zero-width
/// characters; they can only stand inside strings, where an escape means
/// the same.)
fn escape_unsafe(json: &str) -> String {
    let chars: Vec<char> = json.chars().collect();
    let mut out = String::with_capacity(json.len());
    for (i, &c) in chars.iter().enumerate() {
        if crate::text::unsafe_at(&chars, i) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn characters_that_act_on_a_terminal_are_escaped_and_mean_the_same() {
        let json =
            serde_json::to_string(&serde_json::json!({"t": "a\u{9b}2J\u{202e}b👩\u{200D}👧"}))
                .unwrap();
        let safe = super::escape_unsafe(&json);
        assert_eq!(safe, "{\"t\":\"a\\u009b2J\\u202eb👩\u{200D}👧\"}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["t"], "a\u{9b}2J\u{202e}b👩\u{200D}👧");
    }
}
