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

/// The two standards a program is screened against, each with its own
/// verdict: a program can meet the federal definition and not yet show
/// every Oregon key feature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verdicts {
    /// Decided by the required `Federal` questions.
    pub federal: StandardVerdicts,
    /// Decided by the required `OregonKeyFeature` questions.
    pub oregon: StandardVerdicts,
}

/// A standard's name and what each of its results means for a team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandardVerdicts {
    /// As shown beside its result, e.g. "Oregon key features".
    pub name: String,
    pub meets: String,
    pub not_yet: String,
    pub needs_information: String,
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
    Meets,
    NotYet,
    NeedsInformation,
}

impl VerdictKind {
    /// The result in a word or three: "meets", "not yet", "needs information".
    pub fn label(self) -> &'static str {
        match self {
            VerdictKind::Meets => "meets",
            VerdictKind::NotYet => "not yet",
            VerdictKind::NeedsInformation => "needs information",
        }
    }

    /// As a machine reads it (JSON, CSV): `meets`, `not_yet`, `needs_information`.
    pub fn key(self) -> &'static str {
        match self {
            VerdictKind::Meets => "meets",
            VerdictKind::NotYet => "not_yet",
            VerdictKind::NeedsInformation => "needs_information",
        }
    }
}

/// One standard's verdict with the reasons for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict<'s> {
    /// The questions that decide it: `Federal` or `OregonKeyFeature`.
    pub group: TestGroup,
    pub standard: &'s StandardVerdicts,
    pub kind: VerdictKind,
    /// What the result means for the team.
    pub meaning: &'s str,
    /// Its required tests answered "no": why the program does not meet it yet.
    pub failed: Vec<&'s Question>,
    /// Its required tests answered "not sure" or not answered yet.
    pub open: Vec<&'s Question>,
}

/// The verdicts, federal first, and the advice that decides neither.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome<'s> {
    pub verdicts: [Verdict<'s>; 2],
    /// Tests that are not required but were answered "no" or "not sure".
    pub advice: Vec<&'s Question>,
}

impl<'s> Outcome<'s> {
    pub fn federal(&self) -> &Verdict<'s> {
        &self.verdicts[0]
    }

    pub fn oregon(&self) -> &Verdict<'s> {
        &self.verdicts[1]
    }
}

impl Screener {
    /// Each standard on its own questions: a "no" on any of its required
    /// tests means "not yet"; otherwise any of them still open means
    /// "needs information"; otherwise the program meets it. Questions not
    /// required (good practice) decide neither and are listed as advice.
    pub fn evaluate(&self, answers: &Answers) -> Outcome<'_> {
        let one = |group: TestGroup, standard| self.verdict(answers, group, standard);
        Outcome {
            verdicts: [
                one(TestGroup::Federal, &self.verdicts.federal),
                one(TestGroup::OregonKeyFeature, &self.verdicts.oregon),
            ],
            advice: self
                .questions
                .iter()
                .filter(|q| {
                    !q.required && matches!(answers.get(&q.id), Some(Answer::No | Answer::NotSure))
                })
                .collect(),
        }
    }

    fn verdict<'s>(
        &'s self,
        answers: &Answers,
        group: TestGroup,
        standard: &'s StandardVerdicts,
    ) -> Verdict<'s> {
        let mut failed = Vec::new();
        let mut open = Vec::new();
        for q in self
            .questions
            .iter()
            .filter(|q| q.required && q.group == group)
        {
            match answers.get(&q.id) {
                Some(Answer::No) => failed.push(q),
                Some(Answer::NotSure) | None => open.push(q),
                Some(Answer::Yes) => {}
            }
        }
        let (kind, meaning) = if !failed.is_empty() {
            (VerdictKind::NotYet, &standard.not_yet)
        } else if !open.is_empty() {
            (VerdictKind::NeedsInformation, &standard.needs_information)
        } else {
            (VerdictKind::Meets, &standard.meets)
        };
        Verdict {
            group,
            standard,
            kind,
            meaning,
            failed,
            open,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(id: &str, group: TestGroup, required: bool) -> Question {
        Question {
            id: id.into(),
            group,
            prompt: format!("Is {id} true?"),
            why: "because".into(),
            if_no: "fix it".into(),
            required,
            cite: vec![],
        }
    }

    fn standard(name: &str) -> StandardVerdicts {
        let text = |t: &str| format!("{name} {t}");
        StandardVerdicts {
            name: name.into(),
            meets: text("meets"),
            not_yet: text("not yet"),
            needs_information: text("needs info"),
        }
    }

    /// Federal A and B, Oregon O, good practice C.
    fn screener() -> Screener {
        Screener {
            id: "s".into(),
            version: "1".into(),
            title: "S".into(),
            note: "n".into(),
            intro: vec![],
            questions: vec![
                question("A", TestGroup::Federal, true),
                question("B", TestGroup::Federal, true),
                question("O", TestGroup::OregonKeyFeature, true),
                question("C", TestGroup::GoodPractice, false),
            ],
            not_required: vec![],
            verdicts: Verdicts {
                federal: standard("federal"),
                oregon: standard("oregon"),
            },
        }
    }

    fn answers(pairs: &[(&str, Answer)]) -> Answers {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    fn ids(qs: &[&Question]) -> Vec<String> {
        qs.iter().map(|q| q.id.clone()).collect()
    }

    #[test]
    fn both_standards_met_even_with_advice() {
        let s = screener();
        let out = s.evaluate(&answers(&[
            ("A", Answer::Yes),
            ("B", Answer::Yes),
            ("O", Answer::Yes),
            ("C", Answer::No),
        ]));
        assert_eq!(out.federal().kind, VerdictKind::Meets);
        assert_eq!(out.federal().meaning, "federal meets");
        assert_eq!(out.oregon().kind, VerdictKind::Meets);
        assert_eq!(out.oregon().meaning, "oregon meets");
        assert_eq!(ids(&out.advice), ["C"]);
    }

    #[test]
    fn federal_met_and_an_oregon_feature_not_yet_are_two_verdicts() {
        let s = screener();
        let out = s.evaluate(&answers(&[
            ("A", Answer::Yes),
            ("B", Answer::Yes),
            ("O", Answer::No),
        ]));
        assert_eq!(out.federal().kind, VerdictKind::Meets);
        assert!(out.federal().failed.is_empty() && out.federal().open.is_empty());
        assert_eq!(out.oregon().kind, VerdictKind::NotYet);
        assert_eq!(out.oregon().meaning, "oregon not yet");
        assert_eq!(ids(&out.oregon().failed), ["O"]);
        assert_eq!(out.oregon().group, TestGroup::OregonKeyFeature);
        assert_eq!(out.oregon().standard.name, "oregon");
    }

    #[test]
    fn a_federal_no_is_not_yet_and_names_the_failed_test_and_the_open_one() {
        let s = screener();
        let out = s.evaluate(&answers(&[
            ("A", Answer::No),
            ("B", Answer::NotSure),
            ("O", Answer::Yes),
        ]));
        assert_eq!(out.federal().kind, VerdictKind::NotYet);
        assert_eq!(ids(&out.federal().failed), ["A"]);
        assert_eq!(ids(&out.federal().open), ["B"]);
        assert_eq!(out.oregon().kind, VerdictKind::Meets);
    }

    #[test]
    fn federal_not_sure_needs_information_whatever_oregon_says() {
        let s = screener();
        let out = s.evaluate(&answers(&[("A", Answer::Yes), ("O", Answer::No)]));
        assert_eq!(out.federal().kind, VerdictKind::NeedsInformation);
        assert_eq!(out.federal().meaning, "federal needs info");
        assert_eq!(ids(&out.federal().open), ["B"]);
        assert_eq!(out.oregon().kind, VerdictKind::NotYet);
        let none = s.evaluate(&Answers::new());
        assert_eq!(none.federal().kind, VerdictKind::NeedsInformation);
        assert_eq!(none.federal().open.len(), 2);
        assert_eq!(ids(&none.oregon().open), ["O"]);
        assert!(
            none.advice.is_empty(),
            "an unanswered guidance question is no advice"
        );
    }

    #[test]
    fn a_question_decides_only_its_own_standard_and_only_when_required() {
        let mut s = screener();
        // Not required: an Oregon "no" is advice, and Oregon has nothing open.
        s.questions[2].required = false;
        let out = s.evaluate(&answers(&[
            ("A", Answer::Yes),
            ("B", Answer::Yes),
            ("O", Answer::NotSure),
        ]));
        assert_eq!(out.oregon().kind, VerdictKind::Meets);
        assert_eq!(ids(&out.advice), ["O"]);
    }

    #[test]
    fn results_read_as_words_and_as_keys() {
        assert_eq!(VerdictKind::NeedsInformation.label(), "needs information");
        assert_eq!(VerdictKind::NotYet.label(), "not yet");
        assert_eq!(VerdictKind::Meets.label(), "meets");
        assert_eq!(VerdictKind::NeedsInformation.key(), "needs_information");
        assert_eq!(VerdictKind::NotYet.key(), "not_yet");
        assert_eq!(VerdictKind::Meets.key(), "meets");
    }
}
