//! Spreadsheet exports: RFC 4180 CSV with CRLF line ends and a header row.

use super::{Subject, csv_field};

fn line(fields: &[String]) -> String {
    let mut l = fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",");
    l.push_str("\r\n");
    l
}

pub const INDICATOR_HEADER: [&str; 12] = [
    "category",
    "category name",
    "indicator",
    "title",
    "rating",
    "level",
    "not applicable reason",
    "unsure",
    "notes",
    "evidence",
    "open actions",
    "all actions",
];

/// One row per indicator.
pub fn indicators(s: &Subject<'_>) -> String {
    let header: Vec<String> = INDICATOR_HEADER.iter().map(|h| h.to_string()).collect();
    let mut out = line(&header);
    for row in s.rows() {
        let (evidence, open, all) = row.response.map_or((0, 0, 0), |r| {
            (r.evidence.len(), r.open_actions(), r.actions.len())
        });
        out.push_str(&line(&[
            row.category_id.to_string(),
            row.category.to_string(),
            row.id.to_string(),
            row.title.to_string(),
            row.rating_code(),
            row.level_name(s.rubric),
            row.not_applicable_reason().unwrap_or_default().to_string(),
            if row.unsure() { "yes" } else { "no" }.to_string(),
            row.notes().to_string(),
            evidence.to_string(),
            open.to_string(),
            all.to_string(),
        ]));
    }
    out
}

pub const ACTION_HEADER: [&str; 7] = [
    "due",
    "action",
    "owner",
    "status",
    "indicator",
    "indicator title",
    "program",
];

/// One row per action item, by due date: a plan the team can track.
pub fn actions(s: &Subject<'_>) -> String {
    let header: Vec<String> = ACTION_HEADER.iter().map(|h| h.to_string()).collect();
    let mut out = line(&header);
    let program = s.title();
    for a in s.actions() {
        out.push_str(&line(&[
            a.item.due.map(|d| d.to_string()).unwrap_or_default(),
            a.item.what.clone(),
            a.item.owner.clone(),
            a.item.status.label().to_string(),
            a.indicator.to_string(),
            a.title.to_string(),
            program.clone(),
        ]));
    }
    out
}

pub const SCREENER_HEADER: [&str; 7] = [
    "standard",
    "result",
    "question",
    "required",
    "answer",
    "question text",
    "program",
];

/// "Is this an IET?": a row per verdict (the standard and its result),
/// then a row per question with the standard it counts toward and the
/// answer kept.
pub fn screener(s: &Subject<'_>) -> String {
    use crate::model::screener::TestGroup;
    let header: Vec<String> = SCREENER_HEADER.iter().map(|h| h.to_string()).collect();
    let mut out = line(&header);
    let program = s.title();
    let outcome = s.verdict();
    for v in &outcome.verdicts {
        out.push_str(&line(&[
            v.standard.name.clone(),
            v.kind.label().to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            program.clone(),
        ]));
    }
    for q in &s.screener.questions {
        let standard = match q.group {
            TestGroup::Federal => s.screener.verdicts.federal.name.as_str(),
            TestGroup::OregonKeyFeature => s.screener.verdicts.oregon.name.as_str(),
            TestGroup::GoodPractice => "Good practice (decides neither verdict)",
        };
        let answer = s.assessment.screener.get(&q.id).map_or("", |a| a.label());
        out.push_str(&line(&[
            standard.to_string(),
            String::new(),
            q.id.clone(),
            if q.required { "yes" } else { "no" }.to_string(),
            answer.to_string(),
            q.prompt.clone(),
            program.clone(),
        ]));
    }
    out
}
