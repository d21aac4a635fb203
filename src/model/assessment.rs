//! One team's assessment of one program in one cycle.
//!
//! It holds program-level information only: there is deliberately no field
//! for a learner's name or identifier.

use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use super::changes::{Change, Person};
use super::date::Date;
use super::rubric::{Rubric, RubricRef};
use super::screener::Answers;
use super::timestamp::Timestamp;

/// The schema version of saved assessments. Raise it when the shape changes.
pub const FORMAT: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub format: u32,
    /// A name no other assessment has, kept as this one changes; a copy
    /// gets its own. Empty in files from before format 2 until their next
    /// save.
    #[serde(default)]
    pub id: String,
    pub rubric: RubricRef,
    pub created: Timestamp,
    /// When the assessment last changed.
    pub updated: Timestamp,
    pub profile: Profile,
    pub purpose: Purpose,
    /// The program year or round this assessment covers, e.g. "2026-27".
    pub cycle: String,
    pub assessors: Vec<Assessor>,
    /// One response per indicator, in rubric order.
    pub responses: Vec<Response>,
    /// Answers to "Is this an IET?", keyed by question id.
    #[serde(default, deserialize_with = "unique_answers")]
    pub screener: Answers,
    /// The people who changed it, by login name (format 2 on).
    #[serde(default)]
    pub people: BTreeMap<String, Person>,
    /// Who changed what and when, oldest first (format 2 on).
    #[serde(default)]
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub college: String,
    pub program: String,
    /// The career and technical education area, e.g. "Health Care".
    pub cte_area: String,
    pub credentials: Vec<String>,
    pub partners: Vec<PartnerLead>,
    pub site: Site,
    pub cohort_size: Option<u32>,
    pub hours: ComponentHours,
    pub start_date: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerLead {
    pub partner: Partner,
    /// The staff lead for this partner (a staff name or role, never a learner).
    pub lead: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Partner {
    AdultBasicSkills,
    CareerTechnicalEducation,
    CareerPathways,
    Corrections,
    WorkforceBoard,
    Employer,
    Other(String),
}

impl Partner {
    /// A few letters for a column heading or a name: ABS, CTE, CP, DOC.
    pub fn short(&self) -> &str {
        match self {
            Partner::AdultBasicSkills => "ABS",
            Partner::CareerTechnicalEducation => "CTE",
            Partner::CareerPathways => "CP",
            Partner::Corrections => "DOC",
            other => other.label(),
        }
    }

    pub fn label(&self) -> &str {
        match self {
            Partner::AdultBasicSkills => "Adult Basic Skills",
            Partner::CareerTechnicalEducation => "Career & Technical Education",
            Partner::CareerPathways => "Career Pathways",
            Partner::Corrections => "Department of Corrections",
            Partner::WorkforceBoard => "Workforce board",
            Partner::Employer => "Employer",
            Partner::Other(name) => name,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub kind: SiteKind,
    /// e.g. the campus or facility name.
    pub name: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SiteKind {
    #[default]
    Campus,
    CorrectionalFacility,
    Workplace,
    CommunitySite,
    Online,
    Other,
}

impl SiteKind {
    pub fn label(self) -> &'static str {
        match self {
            SiteKind::Campus => "College campus",
            SiteKind::CorrectionalFacility => "Correctional facility",
            SiteKind::Workplace => "Workplace",
            SiteKind::CommunitySite => "Community site",
            SiteKind::Online => "Online",
            SiteKind::Other => "Other",
        }
    }
}

/// Planned instructional hours per IET component.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComponentHours {
    pub basic_skills: Option<u32>,
    pub workforce_preparation: Option<u32>,
    pub workforce_training: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Purpose {
    NewDesign,
    EvaluatingExisting,
    AfterSignificantChange,
}

impl Purpose {
    pub fn label(self) -> &'static str {
        match self {
            Purpose::NewDesign => "Designing a new IET",
            Purpose::EvaluatingExisting => "Evaluating an existing IET",
            Purpose::AfterSignificantChange => "After a significant change",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessor {
    pub name: String,
    /// The partner this person speaks for.
    pub partner: Partner,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    pub indicator: String,
    pub rating: Rating,
    /// "Not sure, review later". A flag beside the rating, never a rating itself.
    pub unsure: bool,
    pub notes: String,
    pub evidence: Vec<Evidence>,
    pub actions: Vec<ActionItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rating {
    Unrated,
    Level(u8),
    NotApplicable { reason: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// What the evidence is, e.g. "Signed partner agreement".
    pub what: String,
    /// Where it lives: a shared-drive folder, a binder tab, a web page.
    pub location: String,
    /// Who holds it.
    pub holder: String,
    /// The date the evidence speaks for.
    pub date: Option<Date>,
    /// Carried over from an earlier cycle: check it still holds.
    #[serde(default)]
    pub recheck: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    pub what: String,
    pub owner: String,
    pub due: Option<Date>,
    pub status: ActionStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActionStatus {
    Planned,
    InProgress,
    Done,
    Dropped,
}

impl ActionStatus {
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Planned | ActionStatus::InProgress)
    }
}

impl Response {
    pub fn new(indicator: &str) -> Response {
        Response {
            indicator: indicator.to_string(),
            rating: Rating::Unrated,
            unsure: false,
            notes: String::new(),
            evidence: Vec::new(),
            actions: Vec::new(),
        }
    }

    pub fn open_actions(&self) -> usize {
        self.actions.iter().filter(|a| a.status.is_open()).count()
    }
}

/// Answers read from a file, refusing a question answered twice (which of
/// the two would count?).
fn unique_answers<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Answers, D::Error> {
    struct Visitor;
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = Answers;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("answers by question id")
        }

        fn visit_map<M: serde::de::MapAccess<'de>>(self, mut map: M) -> Result<Answers, M::Error> {
            let mut answers = Answers::new();
            while let Some((question, answer)) = map.next_entry::<String, _>()? {
                if answers.contains_key(&question) {
                    return Err(serde::de::Error::custom(format!(
                        "question \"{}\" is answered twice: keep the right answer and delete the other",
                        crate::text::clean_line(&question)
                    )));
                }
                answers.insert(question, answer);
            }
            Ok(answers)
        }
    }
    d.deserialize_map(Visitor)
}

/// A new assessment id: 32 hex digits, random (from the standard
/// library's per-process random hash keys) and unlike any other.
pub fn new_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let part = || {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(COUNT.fetch_add(1, Ordering::Relaxed));
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        h.write_u32(std::process::id());
        h.finish()
    };
    format!("{:016x}{:016x}", part(), part())
}

impl Assessment {
    /// Whether `other` is this assessment (perhaps changed since), and not
    /// another one under its name.
    pub fn same_as(&self, other: &Assessment) -> bool {
        if self.id.is_empty() || other.id.is_empty() {
            self.created == other.created
        } else {
            self.id == other.id
        }
    }

    /// A blank assessment against `rubric`: every indicator present and unrated.
    pub fn new(rubric: &Rubric, profile: Profile, purpose: Purpose, cycle: &str) -> Assessment {
        let now = Timestamp::now();
        Assessment {
            format: FORMAT,
            id: new_id(),
            rubric: rubric.reference(),
            created: now,
            updated: now,
            profile,
            purpose,
            cycle: cycle.to_string(),
            assessors: Vec::new(),
            responses: rubric
                .indicators()
                .map(|(_, i)| Response::new(&i.id))
                .collect(),
            screener: Answers::new(),
            people: BTreeMap::new(),
            changes: Vec::new(),
        }
    }

    /// Every action item with its response: dated ones first, soonest
    /// first, then undated ones, each group in the order of the responses.
    pub fn actions_by_due(&self) -> Vec<(&Response, &ActionItem)> {
        let mut out: Vec<(&Response, &ActionItem)> = self
            .responses
            .iter()
            .flat_map(|r| r.actions.iter().map(move |a| (r, a)))
            .collect();
        out.sort_by_key(|(_, a)| (a.due.is_none(), a.due));
        out
    }

    /// Responses by indicator id, for code that looks up many: one
    /// [`Assessment::response`] is a scan, which many times over a large
    /// rubric is slow.
    pub fn by_indicator(&self) -> std::collections::HashMap<&str, &Response> {
        self.responses
            .iter()
            .map(|r| (r.indicator.as_str(), r))
            .collect()
    }

    /// How many of `indicators` are done: rated, or marked N/A.
    pub fn done<'a>(
        &self,
        indicators: impl IntoIterator<Item = &'a crate::model::rubric::Indicator>,
    ) -> usize {
        let responses = self.by_indicator();
        indicators
            .into_iter()
            .filter(|i| {
                responses
                    .get(i.id.as_str())
                    .is_some_and(|r| r.rating != Rating::Unrated)
            })
            .count()
    }

    pub fn response(&self, indicator: &str) -> Option<&Response> {
        self.responses.iter().find(|r| r.indicator == indicator)
    }

    /// The response for `indicator`, created unrated if the assessment has none yet.
    pub fn response_mut(&mut self, indicator: &str) -> &mut Response {
        let index = match self.responses.iter().position(|r| r.indicator == indicator) {
            Some(index) => index,
            None => {
                self.responses.push(Response::new(indicator));
                self.responses.len() - 1
            }
        };
        &mut self.responses[index]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::screener::Answer;
    use crate::store::embedded;

    #[test]
    fn the_same_assessment_is_known_by_its_id_or_without_one_by_when_it_was_made() {
        let rubric = embedded::builtin().unwrap().rubric;
        let mut a = Assessment::new(&rubric, Profile::default(), Purpose::NewDesign, "2026-27");
        let mut changed = a.clone();
        changed.response_mut("PD-1").rating = Rating::Level(2);
        assert!(a.same_as(&changed), "changed since, still the same one");
        let mut other = a.clone();
        other.id = new_id();
        assert!(!a.same_as(&other), "another id: another assessment");
        // Files from before ids: made at the same moment, or not.
        a.id.clear();
        let mut old = a.clone();
        assert!(a.same_as(&old));
        old.created = Timestamp(a.created.0 + 1);
        assert!(!a.same_as(&old));
        assert!(
            a.same_as(&other),
            "a save from before ids matches a later one by when it was made"
        );
        assert!(!other.same_as(&old));
    }

    #[test]
    fn done_counts_rated_and_not_applicable_among_the_indicators_asked() {
        let rubric = embedded::builtin().unwrap().rubric;
        let mut a = Assessment::new(&rubric, Profile::default(), Purpose::NewDesign, "2026-27");
        let program_design = &rubric.categories[0].indicators;
        assert_eq!(a.done(program_design), 0);
        a.response_mut("PD-1").rating = Rating::Level(0);
        a.response_mut("PD-2").rating = Rating::NotApplicable { reason: "x".into() };
        a.response_mut("PD-3").unsure = true;
        a.response_mut("CI-1").rating = Rating::Level(3);
        assert_eq!(a.done(program_design), 2);
        assert_eq!(a.done(rubric.indicators().map(|(_, i)| i)), 3);
    }

    fn full_assessment() -> Assessment {
        let rubric = embedded::builtin().unwrap().rubric;
        let profile = Profile {
            college: "Example Community College".into(),
            program: "Welding IET, \"Fab 1\"".into(),
            cte_area: "Manufacturing".into(),
            credentials: vec!["AWS D1.1 certification".into()],
            partners: vec![PartnerLead {
                partner: Partner::Corrections,
                lead: "Education manager".into(),
            }],
            site: Site {
                kind: SiteKind::CorrectionalFacility,
                name: "Facility education wing".into(),
            },
            cohort_size: Some(14),
            hours: ComponentHours {
                basic_skills: Some(90),
                workforce_preparation: Some(30),
                workforce_training: None,
            },
            start_date: Some("2026-09-28".parse().unwrap()),
        };
        let mut a = Assessment::new(&rubric, profile, Purpose::AfterSignificantChange, "2026-27");
        a.assessors.push(Assessor {
            name: "ABS coordinator".into(),
            partner: Partner::Other("Tribal education office".into()),
        });
        let r = a.response_mut("PD-3");
        r.rating = Rating::Level(2);
        r.unsure = true;
        r.notes = "Line one\nline two, with a comma".into();
        r.evidence.push(Evidence {
            what: "Shared calendar".into(),
            location: "Binder tab 3".into(),
            holder: "Coordinator".into(),
            date: None,
            recheck: true,
        });
        r.actions.push(ActionItem {
            what: "Align start weeks".into(),
            owner: "CTE chair".into(),
            due: Some("2027-01-15".parse().unwrap()),
            status: ActionStatus::InProgress,
        });
        a.response_mut("CI-6").rating = Rating::NotApplicable {
            reason: "Runs on campus".into(),
        };
        a.screener.insert("F-1".into(), Answer::Yes);
        a
    }

    #[test]
    fn a_new_assessment_has_every_indicator_unrated_in_rubric_order() {
        let rubric = embedded::builtin().unwrap().rubric;
        let a = Assessment::new(&rubric, Profile::default(), Purpose::NewDesign, "2026-27");
        let ids: Vec<&str> = a.responses.iter().map(|r| r.indicator.as_str()).collect();
        let rubric_ids: Vec<&str> = rubric.indicators().map(|(_, i)| i.id.as_str()).collect();
        assert_eq!(ids, rubric_ids);
        assert!(
            a.responses
                .iter()
                .all(|r| r.rating == Rating::Unrated && !r.unsure)
        );
        assert_eq!(a.format, FORMAT);
        assert_eq!(a.rubric, rubric.reference());
    }

    #[test]
    fn an_assessment_survives_a_round_trip_through_pretty_ron() {
        let a = full_assessment();
        let text = ron::ser::to_string_pretty(&a, ron::ser::PrettyConfig::default()).unwrap();
        let back: Assessment = ron::from_str(&text).unwrap();
        assert_eq!(back, a);
        assert!(
            text.contains("start_date: Some(\"2026-09-28\")"),
            "dates read plainly:\n{text}"
        );
    }

    #[test]
    fn response_mut_adds_a_missing_response_once() {
        let mut a = full_assessment();
        let before = a.responses.len();
        a.response_mut("NEW-1").notes = "x".into();
        a.response_mut("NEW-1").unsure = true;
        assert_eq!(a.responses.len(), before + 1);
        assert_eq!(
            a.response("NEW-1").map(|r| (r.notes.as_str(), r.unsure)),
            Some(("x", true))
        );
        assert_eq!(a.response("PD-3").unwrap().open_actions(), 1);
    }
}
