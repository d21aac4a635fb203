//! "Is this an IET?": yes/no/not sure questions and the verdict they lead to.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Screener {
    pub id: String,
    pub version: String,
    pub title: String,
    pub note: String,
    /// Shown before the first question.
    pub intro: Vec<String>,
    pub questions: Vec<Question>,
    /// Things people often think are required but are not.
    #[serde(default)]
    pub not_required: Vec<String>,
    pub verdicts: Verdicts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub group: TestGroup,
    /// A yes/no question in plain words.
    pub prompt: String,
    pub why: String,
    /// What a team can do when the answer is no.
    pub if_no: String,
    /// Required tests decide the verdict; the others are listed as advice.
    pub required: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cite: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TestGroup {
    Federal,
    OregonKeyFeature,
    GoodPractice,
}

impl TestGroup {
    pub fn label(self) -> &'static str {
        match self {
            TestGroup::Federal => "Federal requirement",
            TestGroup::OregonKeyFeature => "Oregon key feature",
            TestGroup::GoodPractice => "Good practice",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verdicts {
    pub iet: VerdictText,
    pub not_yet: VerdictText,
    pub needs_information: VerdictText,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictText {
    pub title: String,
    pub meaning: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    Yes,
    No,
    NotSure,
}

impl Answer {
    pub fn label(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::NotSure => "not sure",
        }
    }
}

/// Answers keyed by question id, as kept with an assessment.
pub type Answers = BTreeMap<String, Answer>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerdictKind {
    Iet,
    NotYet,
    NeedsInformation,
}

/// The verdict with the reasons for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome<'s> {
    pub kind: VerdictKind,
    pub text: &'s VerdictText,
    /// Required tests answered "no": why the program is not yet an IET.
    pub failed: Vec<&'s Question>,
    /// Required tests answered "not sure" or not answered yet.
    pub open: Vec<&'s Question>,
    /// Tests that are not required but were answered "no" or "not sure".
    pub advice: Vec<&'s Question>,
}

impl Screener {
    /// A "no" on any required test means "not yet"; otherwise any required
    /// test still open means "needs information"; otherwise it is an IET.
    pub fn evaluate(&self, answers: &Answers) -> Outcome<'_> {
        let mut failed = Vec::new();
        let mut open = Vec::new();
        let mut advice = Vec::new();
        for q in &self.questions {
            let answer = answers.get(&q.id).copied();
            match (q.required, answer) {
                (true, Some(Answer::No)) => failed.push(q),
                (true, Some(Answer::NotSure) | None) => open.push(q),
                (false, Some(Answer::No | Answer::NotSure)) => advice.push(q),
                _ => {}
            }
        }
        let (kind, text) = if !failed.is_empty() {
            (VerdictKind::NotYet, &self.verdicts.not_yet)
        } else if !open.is_empty() {
            (
                VerdictKind::NeedsInformation,
                &self.verdicts.needs_information,
            )
        } else {
            (VerdictKind::Iet, &self.verdicts.iet)
        };
        Outcome {
            kind,
            text,
            failed,
            open,
            advice,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(id: &str, required: bool) -> Question {
        Question {
            id: id.into(),
            group: TestGroup::Federal,
            prompt: format!("Is {id} true?"),
            why: "because".into(),
            if_no: "fix it".into(),
            required,
            cite: vec![],
        }
    }

    fn screener() -> Screener {
        let text = |t: &str| VerdictText {
            title: t.into(),
            meaning: t.into(),
        };
        Screener {
            id: "s".into(),
            version: "1".into(),
            title: "S".into(),
            note: "n".into(),
            intro: vec![],
            questions: vec![
                question("A", true),
                question("B", true),
                question("C", false),
            ],
            not_required: vec![],
            verdicts: Verdicts {
                iet: text("yes"),
                not_yet: text("not yet"),
                needs_information: text("needs info"),
            },
        }
    }

    fn answers(pairs: &[(&str, Answer)]) -> Answers {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn all_required_yes_is_an_iet_even_with_advice() {
        let s = screener();
        let out = s.evaluate(&answers(&[
            ("A", Answer::Yes),
            ("B", Answer::Yes),
            ("C", Answer::No),
        ]));
        assert_eq!(out.kind, VerdictKind::Iet);
        assert_eq!(
            out.advice.iter().map(|q| q.id.as_str()).collect::<Vec<_>>(),
            ["C"]
        );
    }

    #[test]
    fn a_required_no_is_not_yet_and_names_the_failed_test() {
        let s = screener();
        let out = s.evaluate(&answers(&[("A", Answer::No), ("B", Answer::NotSure)]));
        assert_eq!(out.kind, VerdictKind::NotYet);
        assert_eq!(out.text.title, "not yet");
        assert_eq!(
            out.failed.iter().map(|q| q.id.as_str()).collect::<Vec<_>>(),
            ["A"]
        );
        assert_eq!(
            out.open.iter().map(|q| q.id.as_str()).collect::<Vec<_>>(),
            ["B"]
        );
    }

    #[test]
    fn unanswered_or_not_sure_needs_information() {
        let s = screener();
        let out = s.evaluate(&answers(&[("A", Answer::Yes)]));
        assert_eq!(out.kind, VerdictKind::NeedsInformation);
        assert_eq!(
            out.open.iter().map(|q| q.id.as_str()).collect::<Vec<_>>(),
            ["B"]
        );
        let none = s.evaluate(&Answers::new());
        assert_eq!(none.kind, VerdictKind::NeedsInformation);
        assert_eq!(none.open.len(), 2);
    }
}
