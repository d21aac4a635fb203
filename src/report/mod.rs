//! Reports: pure functions from the model to text.
//!
//! Every export starts from a [`Subject`]: a cleaned copy of the assessment
//! with the rubric and screener it is read against, and the facts all
//! formats share (profile lines, rows per indicator, the action plan), so
//! the formats differ only in how they write them down.

pub mod compare;
pub mod csv;
pub mod html;
pub mod json;
pub mod log;
pub mod markdown;
pub mod rollup;
pub mod summary;

use crate::model::assessment::{ActionItem, Assessment, Evidence, Rating, Response};
use crate::model::rubric::{Indicator, Rubric};
use crate::model::screener::{Outcome, Question, Screener};
use crate::store::assessment_file;

/// One CSV field, quoted when it must be (RFC 4180). Text a spreadsheet
/// would take for a formula (it begins with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a `'` in front, as OWASP advises, so that it is
/// shown and never run; numbers (`-1`, `+2`) and a bare `-` stay as they are.
pub fn csv_field(s: &str) -> String {
    let mut s = crate::text::clean_line_keeping_newlines(s);
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && s != "-"
        && s.trim().parse::<f64>().is_err();
    if formula {
        s.insert(0, '\'');
    }
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod csv_tests {
    use super::csv_field;

    #[test]
    fn a_cell_a_spreadsheet_would_run_is_shown_instead() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("+1 555 0100"), "'+1 555 0100");
        assert_eq!(csv_field("-rm"), "'-rm");
        // A tab or carriage return never reaches a cell: cleaned to a space.
        assert_eq!(csv_field("\tx"), " x");
        for plain in ["-1", "+2", "-", "2.5", "n/a", "Plan, then act"] {
            assert!(!csv_field(plain).contains('\''), "{plain}");
        }
    }
}

/// Text safe inside a Markdown table cell.
pub fn md_cell(s: &str) -> String {
    markdown::escape(&crate::text::clean_line(s))
}

/// What an export can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Markdown,
    Csv,
    CsvActions,
    CsvScreener,
    Html,
    Json,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Markdown,
        Kind::Csv,
        Kind::CsvActions,
        Kind::CsvScreener,
        Kind::Html,
        Kind::Json,
    ];

    /// How the app offers it.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Markdown => "Markdown report to edit",
            Kind::Csv => "CSV, one row per indicator",
            Kind::CsvActions => "CSV action plan",
            Kind::CsvScreener => "CSV, Is this an IET? verdicts and answers",
            Kind::Html => "HTML page to print",
            Kind::Json => "JSON for other tools",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Kind::Markdown => "md",
            Kind::Csv | Kind::CsvActions | Kind::CsvScreener => "csv",
            Kind::Html => "html",
            Kind::Json => "json",
        }
    }

    /// What a file of this kind starts with: a UTF-8 byte-order mark for
    /// CSV, without which Excel, opening the file with a double click, reads
    /// accented letters wrongly. Standard output goes without, for scripts.
    pub fn file_start(self) -> &'static str {
        match self {
            Kind::Csv | Kind::CsvActions | Kind::CsvScreener => "\u{feff}",
            _ => "",
        }
    }

    /// Added to the file name so the CSV files do not collide.
    pub fn suffix(self) -> &'static str {
        match self {
            Kind::CsvActions => "-actions",
            Kind::CsvScreener => "-screener",
            _ => "",
        }
    }
}

/// An assessment ready to be written out.
pub struct Subject<'a> {
    pub rubric: &'a Rubric,
    pub screener: &'a Screener,
    /// A copy with every text field cleaned of control characters.
    pub assessment: Assessment,
}

/// One indicator as reports show it: from the rubric, or a response kept
/// for an indicator the rubric no longer has.
pub struct Row<'a> {
    pub category_id: &'a str,
    pub category: &'a str,
    pub id: &'a str,
    pub title: &'a str,
    pub indicator: Option<&'a Indicator>,
    pub response: Option<&'a Response>,
}

/// The category name given to responses the rubric no longer has.
pub const RETIRED: &str = "No longer in the rubric (kept, not scored)";

const UNRATED: Rating = Rating::Unrated;

impl Row<'_> {
    pub fn rating(&self) -> &Rating {
        self.response.map_or(&UNRATED, |r| &r.rating)
    }

    /// "2", "N/A", or empty when not rated.
    pub fn rating_code(&self) -> String {
        match self.rating() {
            Rating::Level(v) => v.to_string(),
            Rating::NotApplicable { .. } => "N/A".into(),
            Rating::Unrated => String::new(),
        }
    }

    /// "Developing", "Not applicable" or "Not rated yet".
    pub fn level_name(&self, rubric: &Rubric) -> String {
        match self.rating() {
            Rating::Level(v) => rubric.scale.level(*v).map_or_else(
                || format!("level {v} (not on the scale)"),
                |l| l.name.clone(),
            ),
            Rating::NotApplicable { .. } => rubric.scale.not_applicable.name.clone(),
            Rating::Unrated => "Not rated yet".into(),
        }
    }

    /// What the chosen level means for this indicator.
    pub fn level_meaning(&self) -> Option<&str> {
        match self.rating() {
            Rating::Level(v) => self
                .indicator
                .and_then(|i| i.levels.get(usize::from(*v)))
                .map(String::as_str),
            _ => None,
        }
    }

    /// "2 Developing", "N/A", "Not rated yet".
    pub fn rating_text(&self, rubric: &Rubric) -> String {
        match self.rating() {
            Rating::Level(v) => format!("{v} {}", self.level_name(rubric)),
            _ => self.level_name(rubric),
        }
    }

    pub fn not_applicable_reason(&self) -> Option<&str> {
        match self.rating() {
            Rating::NotApplicable { reason } => Some(reason),
            _ => None,
        }
    }

    pub fn unsure(&self) -> bool {
        self.response.is_some_and(|r| r.unsure)
    }

    pub fn notes(&self) -> &str {
        self.response.map_or("", |r| r.notes.trim())
    }
}

/// One action item with the indicator it belongs to.
pub struct ActionRow<'a> {
    pub indicator: &'a str,
    pub title: &'a str,
    pub item: &'a ActionItem,
}

impl<'a> Subject<'a> {
    pub fn new(rubric: &'a Rubric, screener: &'a Screener, assessment: &Assessment) -> Self {
        let mut assessment = assessment.clone();
        assessment_file::clean_text(&mut assessment);
        Subject {
            rubric,
            screener,
            assessment,
        }
    }

    /// "Welding IET, 2026-27": what the report is about, in a few words.
    pub fn title(&self) -> String {
        let p = &self.assessment.profile;
        let program = if p.program.trim().is_empty() {
            "Unnamed program"
        } else {
            p.program.trim()
        };
        match self.assessment.cycle.trim() {
            "" => program.to_string(),
            cycle => format!("{program}, {cycle}"),
        }
    }

    /// The rubric line every report carries, saying whose wording it is.
    pub fn rubric_line(&self) -> String {
        format!("{}, version {}", self.rubric.title, self.rubric.version)
    }

    /// The program profile as label and value; empty values say so.
    pub fn profile_facts(&self) -> Vec<(&'static str, String)> {
        let a = &self.assessment;
        let p = &a.profile;
        let or_unset = |s: &str| {
            if s.trim().is_empty() {
                "not given".to_string()
            } else {
                s.trim().to_string()
            }
        };
        let number = |n: Option<u32>| n.map_or("not given".to_string(), |n| n.to_string());
        let partners = p
            .partners
            .iter()
            .filter(|l| !l.lead.trim().is_empty())
            .map(|l| format!("{}: {}", l.partner.label(), l.lead.trim()))
            .collect::<Vec<_>>();
        let assessors = a
            .assessors
            .iter()
            .map(|x| format!("{} ({})", x.name.trim(), x.partner.label().trim()))
            .collect::<Vec<_>>();
        let site = match p.site.name.trim() {
            "" => p.site.kind.label().to_string(),
            name => format!("{}: {name}", p.site.kind.label()),
        };
        vec![
            ("College", or_unset(&p.college)),
            ("Program", or_unset(&p.program)),
            ("CTE area", or_unset(&p.cte_area)),
            ("Credentials", or_unset(&p.credentials.join("; "))),
            ("Partner leads", or_unset(&partners.join("; "))),
            ("Site", site),
            ("Cohort size", number(p.cohort_size)),
            (
                "Planned hours",
                format!(
                    "basic skills {}, workforce preparation {}, workforce training {}",
                    number(p.hours.basic_skills),
                    number(p.hours.workforce_preparation),
                    number(p.hours.workforce_training)
                ),
            ),
            (
                "Start date",
                p.start_date
                    .map_or("not given".to_string(), |d| d.to_string()),
            ),
            ("Purpose", a.purpose.label().to_string()),
            ("Cycle", or_unset(&a.cycle)),
            ("Assessors", or_unset(&assessors.join("; "))),
            ("Last changed", a.updated.date().to_string()),
        ]
    }

    /// Every indicator of the rubric in order, then responses kept for
    /// indicators the rubric no longer has.
    pub fn rows(&self) -> Vec<Row<'_>> {
        let a = &self.assessment;
        let responses = a.by_indicator();
        let mut rows: Vec<Row<'_>> = self
            .rubric
            .indicators()
            .map(|(c, i)| Row {
                category_id: &c.id,
                category: &c.name,
                id: &i.id,
                title: &i.title,
                indicator: Some(i),
                response: responses.get(i.id.as_str()).copied(),
            })
            .collect();
        rows.extend(
            a.responses
                .iter()
                .filter(|r| self.rubric.indicator(&r.indicator).is_none())
                .map(|r| Row {
                    category_id: "",
                    category: RETIRED,
                    id: &r.indicator,
                    title: "",
                    indicator: None,
                    response: Some(r),
                }),
        );
        rows
    }

    /// Every action item, dated ones first by due date, then undated ones.
    pub fn actions(&self) -> Vec<ActionRow<'_>> {
        self.assessment
            .actions_by_due()
            .into_iter()
            .map(|(r, item)| ActionRow {
                indicator: &r.indicator,
                title: self
                    .rubric
                    .indicator(&r.indicator)
                    .map_or("", |(_, i)| i.title.as_str()),
                item,
            })
            .collect()
    }

    pub fn verdict(&self) -> Outcome<'a> {
        self.screener.evaluate(&self.assessment.screener)
    }

    /// The screener's open points in groups: a heading naming the
    /// standard, then each question with what to do if it is answered no
    /// (for the groups where that helps).
    pub fn screener_groups(&self) -> Vec<(String, Vec<(&'a Question, &'a str)>)> {
        let outcome = self.verdict();
        let with_why =
            |qs: Vec<&'a Question>| qs.into_iter().map(|q| (q, q.if_no.as_str())).collect();
        let mut groups = Vec::new();
        let [federal, oregon] = outcome.verdicts;
        for v in [federal, oregon] {
            let name = &v.standard.name;
            groups.push((
                format!("{name}: required tests answered no"),
                with_why(v.failed),
            ));
            groups.push((
                format!("{name}: required tests not answered yet or not sure"),
                v.open.into_iter().map(|q| (q, "")).collect(),
            ));
        }
        groups.push((
            "Good practice to look at (decides neither verdict)".to_string(),
            with_why(outcome.advice),
        ));
        groups
            .into_iter()
            .filter(|(_, qs): &(_, Vec<_>)| !qs.is_empty())
            .collect()
    }

    /// How many of the screener's questions have an answer.
    pub fn screener_answered(&self) -> usize {
        self.screener
            .questions
            .iter()
            .filter(|q| self.assessment.screener.contains_key(&q.id))
            .count()
    }

    /// A file name for the export, from the program and cycle.
    pub fn file_name(&self, kind: Kind) -> String {
        let stem = crate::store::library::slug(&self.title());
        let stem = if stem.is_empty() {
            "assessment".to_string()
        } else {
            stem
        };
        format!("{stem}{}.{}", kind.suffix(), kind.extension())
    }
}

/// An evidence citation in one line, each text passed through `esc`.
pub fn evidence_line(e: &Evidence, esc: fn(&str) -> String) -> String {
    let mut parts = vec![esc(&e.what)];
    if !e.location.trim().is_empty() {
        parts.push(format!("where: {}", esc(&e.location)));
    }
    if !e.holder.trim().is_empty() {
        parts.push(format!("held by: {}", esc(&e.holder)));
    }
    if let Some(d) = e.date {
        parts.push(format!("dated {d}"));
    }
    if e.recheck {
        parts.push("carried over from an earlier cycle: check it still holds".into());
    }
    parts.join("; ")
}

/// "Align calendars (CTE chair, due 2027-01-15, in progress)".
pub fn action_line(a: &ActionItem, esc: fn(&str) -> String) -> String {
    let owner = if a.owner.trim().is_empty() {
        "no owner yet".to_string()
    } else {
        esc(&a.owner)
    };
    let due = a
        .due
        .map_or("no due date".to_string(), |d| format!("due {d}"));
    format!("{} ({owner}, {due}, {})", esc(&a.what), a.status.label())
}

/// The line after the summary table, the same in every report.
pub fn done_line(t: &crate::model::scoring::Tally, open_actions: usize) -> String {
    format!(
        "{} of {} indicators done ({} rated, {} not applicable); {} marked unsure; {}.",
        t.rated + t.not_applicable,
        t.total,
        t.rated,
        t.not_applicable,
        t.unsure,
        crate::text::count(open_actions, "open action item", "open action items")
    )
}

/// Writes `subject` in the format `kind`.
pub fn export(subject: &Subject<'_>, kind: Kind) -> String {
    match kind {
        Kind::Markdown => markdown::report(subject),
        Kind::Csv => csv::indicators(subject),
        Kind::CsvActions => csv::actions(subject),
        Kind::CsvScreener => csv::screener(subject),
        Kind::Html => html::report(subject),
        Kind::Json => json::report(subject),
    }
}
