//! Several assessments side by side: aligned by indicator id, with changes,
//! category means, agreement figures, a trend across cycles, and a
//! consensus built from partners' separate views.

use std::collections::BTreeMap;

use super::assessment::{Assessment, Assessor, Rating, Response};
use super::rubric::Rubric;
use super::scoring;

/// One assessment's answer for one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// The assessment has no response for this indicator (another rubric version).
    Missing,
    Unrated {
        unsure: bool,
    },
    Level {
        level: u8,
        unsure: bool,
    },
    NotApplicable {
        unsure: bool,
    },
}

impl Cell {
    fn of(response: Option<&Response>) -> Cell {
        match response {
            None => Cell::Missing,
            Some(r) => match r.rating {
                Rating::Unrated => Cell::Unrated { unsure: r.unsure },
                Rating::Level(level) => Cell::Level {
                    level,
                    unsure: r.unsure,
                },
                Rating::NotApplicable { .. } => Cell::NotApplicable { unsure: r.unsure },
            },
        }
    }

    pub fn level(self) -> Option<u8> {
        match self {
            Cell::Level { level, .. } => Some(level),
            _ => None,
        }
    }

    pub fn unsure(self) -> bool {
        matches!(
            self,
            Cell::Unrated { unsure: true }
                | Cell::Level { unsure: true, .. }
                | Cell::NotApplicable { unsure: true }
        )
    }

    /// `2`, `2?`, `n/a`, `.` (not rated) or `-` (not in that assessment).
    pub fn mark(self) -> String {
        let q = if self.unsure() { "?" } else { "" };
        match self {
            Cell::Missing => "-".into(),
            Cell::Unrated { .. } => format!(".{q}"),
            Cell::Level { level, .. } => format!("{level}{q}"),
            Cell::NotApplicable { .. } => format!("n/a{q}"),
        }
    }

    /// What the answer is, unsure flag aside: the basis for "differs".
    fn answer(self) -> Option<Option<u8>> {
        match self {
            Cell::Missing => None,
            Cell::Unrated { .. } => Some(None),
            Cell::Level { level, .. } => Some(Some(level)),
            Cell::NotApplicable { .. } => Some(Some(u8::MAX)),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Up(u8),
    Down(u8),
    Same,
    /// The first or last has no level.
    None,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Index into `Comparison::groups`.
    pub group: usize,
    pub id: String,
    pub title: String,
    pub cells: Vec<Cell>,
}

impl Row {
    /// The answers differ somewhere (unsure flags aside; a missing cell
    /// is not an answer).
    pub fn differs(&self) -> bool {
        let answers: Vec<_> = self.cells.iter().filter_map(|c| c.answer()).collect();
        answers.windows(2).any(|w| w[0] != w[1])
    }

    /// Between the first and the last column.
    pub fn change(&self) -> Change {
        match (
            self.cells.first().and_then(|c| c.level()),
            self.cells.last().and_then(|c| c.level()),
        ) {
            (Some(a), Some(b)) if b > a => Change::Up(b - a),
            (Some(a), Some(b)) if b < a => Change::Down(a - b),
            (Some(_), Some(_)) => Change::Same,
            _ => Change::None,
        }
    }

    /// Highest minus lowest level given, when at least two gave one.
    pub fn spread(&self) -> Option<u8> {
        let levels: Vec<u8> = self.cells.iter().filter_map(|c| c.level()).collect();
        (levels.len() >= 2)
            .then(|| levels.iter().max().unwrap_or(&0) - levels.iter().min().unwrap_or(&0))
    }

    pub fn unsure_or_na(&self) -> bool {
        self.cells
            .iter()
            .any(|c| c.unsure() || matches!(c, Cell::NotApplicable { .. }))
    }
}

/// A category (or the group of indicators the rubric no longer has).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub id: String,
    pub name: String,
    /// The category's mean level in each assessment; `None` with no ratings.
    pub means: Vec<Option<f64>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Partners' views of one program and cycle.
    Partners,
    /// Cycles of one program.
    Cycles,
    /// Different programs.
    Programs,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub labels: Vec<String>,
    /// The name of who rated each assessment, when one person did; empty
    /// for a team's. The label says whom they speak for.
    pub raters: Vec<String>,
    pub groups: Vec<Group>,
    pub rows: Vec<Row>,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Agreement {
    /// Indicators at least two assessments rated with a level.
    pub compared: usize,
    /// Of those, how many every rater put at the same level.
    pub exact: usize,
    /// Of those, how many are two or more levels apart.
    pub far_apart: usize,
}

fn kind_of(assessments: &[&Assessment]) -> Kind {
    let first = assessments[0];
    let same_program = assessments.iter().all(|a| {
        a.profile.program.trim() == first.profile.program.trim()
            && a.profile.college.trim() == first.profile.college.trim()
    });
    if !same_program {
        Kind::Programs
    } else if assessments
        .iter()
        .all(|a| a.cycle.trim() == first.cycle.trim())
    {
        Kind::Partners
    } else {
        Kind::Cycles
    }
}

/// The one person who rated `a`, with whom they speak for: its only
/// assessor, or else the only person in its change record.
pub fn rater(a: &Assessment) -> Option<(String, Option<crate::model::assessment::Partner>)> {
    if let [only] = a.assessors.as_slice() {
        return Some((only.name.trim().to_string(), Some(only.partner.clone())));
    }
    if !a.assessors.is_empty() {
        return None;
    }
    let first = &a.changes.first()?.by;
    if a.changes.iter().any(|c| &c.by != first) {
        return None;
    }
    let person = a.people.get(first);
    let name = person
        .map(|p| p.name.trim())
        .filter(|n| !n.is_empty())
        .unwrap_or(first);
    Some((name.to_string(), person.and_then(|p| p.role.clone())))
}

/// The name of the one person who rated `a`; empty when a team did.
fn rater_name(a: &Assessment) -> String {
    rater(a).map_or_else(String::new, |(name, _)| crate::text::clean_line(&name))
}

/// The order to show `assessments` in: cycles of one program oldest
/// first, whatever order they were chosen in, so that a change reads from
/// earlier to later; anything else as given. Cycles are compared as
/// written ("2025-26" before "2026-27"), ties kept in order.
pub fn column_order(assessments: &[&Assessment]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..assessments.len()).collect();
    if !assessments.is_empty() && kind_of(assessments) == Kind::Cycles {
        order.sort_by(|&a, &b| assessments[a].cycle.trim().cmp(assessments[b].cycle.trim()));
    }
    order
}

/// Whether `a` is a consensus the team agreed in ietkit.
fn agreed(a: &Assessment) -> bool {
    a.changes.iter().any(|c| {
        matches!(
            &c.what,
            crate::model::changes::What::Created {
                how: crate::model::changes::Origin::Consensus { .. }
            }
        )
    })
}

/// A short column heading: whatever tells the assessments apart.
fn label_for(a: &Assessment, kind: Kind, index: usize) -> String {
    let text = match kind {
        Kind::Partners => match rater(a) {
            _ if agreed(a) => "Agreed".to_string(),
            Some((_, Some(role))) => role.short().to_string(),
            Some((name, None)) => name,
            // Several assessors: the partners they speak for, so that a
            // joint view never reads as the agreed one.
            None if !a.assessors.is_empty() => {
                let mut partners: Vec<&str> = Vec::new();
                for x in &a.assessors {
                    if !partners.contains(&x.partner.short()) {
                        partners.push(x.partner.short());
                    }
                }
                partners.join("+")
            }
            None => "Several".to_string(),
        },
        Kind::Cycles => a.cycle.clone(),
        Kind::Programs => format!("{} {}", a.profile.program, a.cycle),
    };
    let text = crate::text::clean_line(text.trim());
    if text.is_empty() {
        format!("#{}", index + 1)
    } else {
        text
    }
}

/// Lines the assessments up against `rubric` by indicator id. Indicators
/// only some assessments have (another rubric version) follow in a group
/// of their own; a missing one shows as [`Cell::Missing`].
pub fn compare(rubric: &Rubric, assessments: &[&Assessment]) -> Comparison {
    let kind = if assessments.is_empty() {
        Kind::Programs
    } else {
        kind_of(assessments)
    };
    let mut labels: Vec<String> = assessments
        .iter()
        .enumerate()
        .map(|(i, a)| label_for(a, kind, i))
        .collect();
    // Two columns with one label would be ambiguous. Partners' views of one
    // cycle beside another cycle: the views go by partner (ABS, CTE, Team).
    // Whatever is still alike is numbered, the number first so that a
    // narrow column keeps it.
    let repeated =
        |labels: &[String], i: usize| labels.iter().filter(|l| **l == labels[i]).count() > 1;
    let first_pass = labels.clone();
    for (i, a) in assessments.iter().enumerate() {
        if repeated(&first_pass, i) {
            labels[i] = label_for(a, Kind::Partners, i);
        }
    }
    let second_pass = labels.clone();
    for i in 0..labels.len() {
        if repeated(&second_pass, i) {
            labels[i] = format!("#{} {}", i + 1, second_pass[i]);
        }
    }
    let scores: Vec<_> = assessments
        .iter()
        .map(|a| scoring::score(rubric, a))
        .collect();
    let mut groups: Vec<Group> = rubric
        .categories
        .iter()
        .enumerate()
        .map(|(c, cat)| Group {
            id: cat.id.clone(),
            name: cat.name.clone(),
            means: scores
                .iter()
                .map(|s| s.categories[c].tally.mean())
                .collect(),
        })
        .collect();
    let mut rows: Vec<Row> = Vec::new();
    for (c, cat) in rubric.categories.iter().enumerate() {
        for ind in &cat.indicators {
            rows.push(Row {
                group: c,
                id: ind.id.clone(),
                title: ind.title.clone(),
                cells: assessments
                    .iter()
                    .map(|a| Cell::of(a.response(&ind.id)))
                    .collect(),
            });
        }
    }
    let mut extra: Vec<String> = Vec::new();
    for a in assessments {
        for r in &a.responses {
            if rubric.indicator(&r.indicator).is_none() && !extra.contains(&r.indicator) {
                extra.push(r.indicator.clone());
            }
        }
    }
    if !extra.is_empty() {
        groups.push(Group {
            id: "--".into(),
            name: "Not in the current rubric".into(),
            means: vec![None; assessments.len()],
        });
        let group = groups.len() - 1;
        for id in extra {
            rows.push(Row {
                group,
                title: "(retired or from another rubric version)".into(),
                cells: assessments
                    .iter()
                    .map(|a| Cell::of(a.response(&id)))
                    .collect(),
                id,
            });
        }
    }
    Comparison {
        labels,
        raters: assessments.iter().map(|a| rater_name(a)).collect(),
        groups,
        rows,
        kind,
    }
}

impl Comparison {
    pub fn differing(&self) -> usize {
        self.rows.iter().filter(|r| r.differs()).count()
    }

    pub fn agreement(&self) -> Agreement {
        let mut a = Agreement::default();
        for spread in self.rows.iter().filter_map(Row::spread) {
            a.compared += 1;
            a.exact += usize::from(spread == 0);
            a.far_apart += usize::from(spread >= 2);
        }
        a
    }

    /// Indicators whose level moved most between the first and last column.
    pub fn movers(&self, n: usize) -> Vec<(&Row, i16)> {
        let mut moved: Vec<(&Row, i16)> = self
            .rows
            .iter()
            .filter_map(|r| match r.change() {
                Change::Up(d) => Some((r, i16::from(d))),
                Change::Down(d) => Some((r, -i16::from(d))),
                _ => None,
            })
            .collect();
        moved.sort_by_key(|(_, d)| -d.abs());
        moved.truncate(n);
        moved
    }
}

/// The agreed answer for one indicator where the views differed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub rating: Rating,
    pub reason: String,
}

/// A consensus assessment from partners' views: agreeing indicators are
/// carried over; where views differed, `decisions` give the agreed rating
/// and why, and the notes record each view. Evidence and action items of
/// every view are kept; everyone who took part is listed as an assessor.
pub fn consensus(
    rubric: &Rubric,
    views: &[&Assessment],
    labels: &[String],
    decisions: &BTreeMap<String, Decision>,
) -> Assessment {
    let first = views[0];
    let mut out = Assessment::new(rubric, first.profile.clone(), first.purpose, &first.cycle);
    let mut assessors: Vec<Assessor> = Vec::new();
    for v in views {
        for a in &v.assessors {
            if !assessors.contains(a) {
                assessors.push(a.clone());
            }
        }
    }
    out.assessors = assessors;
    out.screener = first.screener.clone();
    for (_, ind) in rubric.indicators() {
        let responses: Vec<Option<&Response>> = views.iter().map(|v| v.response(&ind.id)).collect();
        let cells: Vec<Cell> = responses.iter().map(|r| Cell::of(*r)).collect();
        let row = Row {
            group: 0,
            id: ind.id.clone(),
            title: String::new(),
            cells: cells.clone(),
        };
        let r = out.response_mut(&ind.id);
        let mut notes: Vec<String> = Vec::new();
        if row.differs() {
            let views_text: Vec<String> = labels
                .iter()
                .zip(&cells)
                .map(|(l, c)| format!("{l} {}", c.mark()))
                .collect();
            notes.push(format!("Views differed: {}.", views_text.join(", ")));
            if let Some(d) = decisions.get(&ind.id) {
                r.rating = d.rating.clone();
                notes.push(format!("Agreed: {}", d.reason.trim()));
            }
        } else if let Some(resp) = responses.iter().flatten().next() {
            r.rating = resp.rating.clone();
        }
        r.unsure = responses.iter().flatten().any(|x| x.unsure) && !decisions.contains_key(&ind.id);
        for (label, resp) in labels.iter().zip(&responses) {
            if let Some(resp) = resp {
                if !resp.notes.trim().is_empty() {
                    notes.push(format!("{label}: {}", resp.notes.trim()));
                }
                for e in &resp.evidence {
                    if !r.evidence.contains(e) {
                        r.evidence.push(e.clone());
                    }
                }
                for a in &resp.actions {
                    if !r.actions.contains(a) {
                        r.actions.push(a.clone());
                    }
                }
            }
        }
        r.notes = notes.join("\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::{Partner, Profile, Purpose};
    use crate::store::embedded;

    fn rubric() -> Rubric {
        embedded::builtin().unwrap().rubric
    }

    fn view(
        rubric: &Rubric,
        partner: Partner,
        name: &str,
        levels: &[(&str, Rating, bool)],
    ) -> Assessment {
        let profile = Profile {
            program: "Welding IET".into(),
            ..Profile::default()
        };
        let mut a = Assessment::new(rubric, profile, Purpose::EvaluatingExisting, "2026-27");
        a.assessors.push(Assessor {
            name: name.into(),
            partner,
        });
        for (id, rating, unsure) in levels {
            let r = a.response_mut(id);
            r.rating = rating.clone();
            r.unsure = *unsure;
        }
        a
    }

    #[test]
    fn the_kind_of_comparison_comes_from_program_college_and_cycle() {
        let rubric = rubric();
        let a = view(&rubric, Partner::AdultBasicSkills, "Ana", &[]);
        let mut b = view(&rubric, Partner::CareerTechnicalEducation, "Ben", &[]);
        assert_eq!(compare(&rubric, &[&a, &b]).kind, Kind::Partners);
        b.cycle = "2025-26".into();
        assert_eq!(compare(&rubric, &[&a, &b]).kind, Kind::Cycles);
        b.cycle.clone_from(&a.cycle);
        b.profile.college = "Another College".into();
        assert_eq!(
            compare(&rubric, &[&a, &b]).kind,
            Kind::Programs,
            "one program name at two colleges is two programs"
        );
    }

    #[test]
    fn the_rater_is_the_one_assessor_or_the_one_person_in_the_record() {
        use crate::model::changes::{self, Person, What, Who};
        use crate::model::timestamp::Timestamp;
        let rubric = rubric();
        let a = view(&rubric, Partner::AdultBasicSkills, " Ana ", &[]);
        assert_eq!(
            rater(&a),
            Some(("Ana".into(), Some(Partner::AdultBasicSkills)))
        );
        let mut two = a.clone();
        two.assessors.push(Assessor {
            name: "Ben".into(),
            partner: Partner::CareerTechnicalEducation,
        });
        assert_eq!(rater(&two), None, "two assessors: a team");
        let mut none = a.clone();
        none.assessors.clear();
        assert_eq!(rater(&none), None, "no assessor and no record");
        let sam = Who {
            login: "sam".into(),
            person: Person {
                name: "Sam Ortiz".into(),
                role: Some(Partner::CareerPathways),
            },
        };
        let note = || {
            vec![What::Notes {
                indicator: "PD-1".into(),
            }]
        };
        changes::record(&mut none, &sam, Timestamp(1), note());
        assert_eq!(
            rater(&none),
            Some(("Sam Ortiz".into(), Some(Partner::CareerPathways))),
            "the one person in the record"
        );
        let mut nameless = none.clone();
        nameless.people.clear();
        assert_eq!(rater(&nameless), Some(("sam".into(), None)), "by login");
        let kim = Who {
            login: "kim".into(),
            person: Person::default(),
        };
        changes::record(&mut none, &kim, Timestamp(2), note());
        assert_eq!(rater(&none), None, "two people in the record: a team");
    }

    #[test]
    fn same_rubric_aligns_row_for_row_with_marks_and_changes() {
        let rubric = rubric();
        let abs = view(
            &rubric,
            Partner::AdultBasicSkills,
            "A",
            &[
                ("PD-1", Rating::Level(3), false),
                ("PD-2", Rating::Level(1), true),
                ("PD-3", Rating::NotApplicable { reason: "x".into() }, false),
            ],
        );
        let cte = view(
            &rubric,
            Partner::CareerTechnicalEducation,
            "B",
            &[
                ("PD-1", Rating::Level(1), false),
                ("PD-2", Rating::Level(1), false),
            ],
        );
        let c = compare(&rubric, &[&abs, &cte]);
        assert_eq!(c.kind, Kind::Partners);
        assert_eq!(c.labels, ["ABS", "CTE"]);
        assert_eq!(c.rows.len(), rubric.indicator_count());
        let row = |id: &str| c.rows.iter().find(|r| r.id == id).unwrap();
        assert_eq!(
            row("PD-1")
                .cells
                .iter()
                .map(|x| x.mark())
                .collect::<Vec<_>>(),
            ["3", "1"]
        );
        assert_eq!(row("PD-1").change(), Change::Down(2));
        assert!(row("PD-1").differs());
        assert_eq!(row("PD-2").cells[0].mark(), "1?");
        assert!(!row("PD-2").differs(), "unsure aside, both said 1");
        assert!(row("PD-3").differs(), "N/A against not rated");
        assert_eq!(
            row("PD-3")
                .cells
                .iter()
                .map(|x| x.mark())
                .collect::<Vec<_>>(),
            ["n/a", "."]
        );
        assert!(row("PD-3").unsure_or_na());
        let agree = c.agreement();
        assert_eq!((agree.compared, agree.exact, agree.far_apart), (2, 1, 1));
        assert_eq!(c.differing(), 2);
    }

    #[test]
    fn other_versions_line_up_by_id_and_missing_shows_a_dash() {
        let rubric = rubric();
        let mut old = view(
            &rubric,
            Partner::AdultBasicSkills,
            "A",
            &[("PD-1", Rating::Level(2), false)],
        );
        old.cycle = "2025-26".into();
        old.responses.retain(|r| r.indicator != "SE-7");
        old.response_mut("XX-1").rating = Rating::Level(1);
        let new = view(
            &rubric,
            Partner::AdultBasicSkills,
            "A",
            &[("PD-1", Rating::Level(3), false)],
        );
        let c = compare(&rubric, &[&old, &new]);
        assert_eq!(c.kind, Kind::Cycles);
        assert_eq!(c.labels, ["2025-26", "2026-27"]);
        let se7 = c.rows.iter().find(|r| r.id == "SE-7").unwrap();
        assert_eq!(se7.cells[0], Cell::Missing);
        assert_eq!(se7.cells[0].mark(), "-");
        let last = c.rows.last().unwrap();
        assert_eq!(last.id, "XX-1");
        assert_eq!(c.groups[last.group].name, "Not in the current rubric");
        assert_eq!(
            last.cells.iter().map(|x| x.mark()).collect::<Vec<_>>(),
            ["1", "-"]
        );
        assert_eq!(
            c.rows.iter().find(|r| r.id == "PD-1").unwrap().change(),
            Change::Up(1)
        );
        assert_eq!(c.movers(1)[0].0.id, "PD-1");
    }

    #[test]
    fn partners_views_beside_another_cycle_go_by_partner_and_the_rest_are_numbered() {
        let rubric = rubric();
        let abs = view(&rubric, Partner::AdultBasicSkills, "A", &[]);
        let cte = view(&rubric, Partner::CareerTechnicalEducation, "B", &[]);
        let mut team = view(&rubric, Partner::AdultBasicSkills, "A", &[]);
        team.assessors.push(Assessor {
            name: "B".into(),
            partner: Partner::CareerTechnicalEducation,
        });
        let mut last_year = team.clone();
        last_year.cycle = "2025-26".into();
        let c = compare(&rubric, &[&last_year, &abs, &cte, &team]);
        // A view with several assessors names their partners, never
        // "Team", which would read as the agreed one.
        assert_eq!(c.labels, ["2025-26", "ABS", "CTE", "ABS+CTE"]);
        // A consensus made in ietkit is the agreed one.
        let mut agreed = team.clone();
        crate::model::changes::record(
            &mut agreed,
            &crate::model::changes::Who {
                login: "m".into(),
                person: Default::default(),
            },
            crate::model::timestamp::Timestamp(1),
            vec![crate::model::changes::What::Created {
                how: crate::model::changes::Origin::Consensus { of: vec![] },
            }],
        );
        let c = compare(&rubric, &[&abs, &cte, &agreed]);
        assert_eq!(c.labels, ["ABS", "CTE", "Agreed"]);
        // Nobody named at all, and several people in the record.
        let mut several = view(&rubric, Partner::AdultBasicSkills, "A", &[]);
        several.assessors.clear();
        for login in ["a", "b"] {
            crate::model::changes::record(
                &mut several,
                &crate::model::changes::Who {
                    login: login.into(),
                    person: Default::default(),
                },
                crate::model::timestamp::Timestamp(2),
                vec![crate::model::changes::What::Created {
                    how: crate::model::changes::Origin::New,
                }],
            );
        }
        let c = compare(&rubric, &[&abs, &several]);
        assert_eq!(c.labels, ["ABS", "Several"]);
        // Two views alike in every way are told apart by their place.
        let c = compare(&rubric, &[&last_year, &abs, &abs]);
        assert_eq!(c.labels, ["2025-26", "#2 ABS", "#3 ABS"]);
    }

    #[test]
    fn category_means_come_from_scoring() {
        let rubric = rubric();
        let a = view(
            &rubric,
            Partner::AdultBasicSkills,
            "A",
            &[
                ("PD-1", Rating::Level(3), false),
                ("PD-2", Rating::Level(1), false),
            ],
        );
        let b = view(&rubric, Partner::CareerTechnicalEducation, "B", &[]);
        let c = compare(&rubric, &[&a, &b]);
        assert_eq!(c.groups[0].means, [Some(2.0), None]);
    }

    #[test]
    fn consensus_carries_agreement_applies_decisions_and_records_why() {
        let rubric = rubric();
        let mut abs = view(
            &rubric,
            Partner::AdultBasicSkills,
            "ABS coordinator",
            &[
                ("PD-1", Rating::Level(2), false),
                ("CU-2", Rating::Level(3), false),
                ("SE-6", Rating::Level(1), true),
            ],
        );
        abs.response_mut("CU-2").notes = "Every lesson used shop documents.".into();
        let cte = view(
            &rubric,
            Partner::CareerTechnicalEducation,
            "Welding chair",
            &[
                ("PD-1", Rating::Level(2), false),
                ("CU-2", Rating::Level(1), false),
                ("SE-6", Rating::Level(1), false),
            ],
        );
        let labels = vec!["ABS".to_string(), "CTE".to_string()];
        let mut decisions = BTreeMap::new();
        decisions.insert(
            "CU-2".to_string(),
            Decision {
                rating: Rating::Level(2),
                reason: "Math yes, writing not yet.".into(),
            },
        );
        let c = consensus(&rubric, &[&abs, &cte], &labels, &decisions);
        assert_eq!(
            c.response("PD-1").unwrap().rating,
            Rating::Level(2),
            "agreement carried"
        );
        let cu2 = c.response("CU-2").unwrap();
        assert_eq!(cu2.rating, Rating::Level(2), "the decision applied");
        assert!(
            cu2.notes.contains("Views differed: ABS 3, CTE 1."),
            "{}",
            cu2.notes
        );
        assert!(
            cu2.notes.contains("Agreed: Math yes, writing not yet."),
            "{}",
            cu2.notes
        );
        assert!(
            cu2.notes.contains("ABS: Every lesson used shop documents."),
            "{}",
            cu2.notes
        );
        assert!(
            c.response("SE-6").unwrap().unsure,
            "an open doubt stays flagged"
        );
        assert_eq!(c.assessors.len(), 2, "who took part");
        assert_eq!(c.response("PD-2").unwrap().rating, Rating::Unrated);
        assert!(
            !cu2.notes.contains("CTE:"),
            "a view with no notes adds no line: {}",
            cu2.notes
        );
        assert!(!cu2.unsure, "a decision settles the doubt");
        assert!(!c.response("PD-1").unwrap().unsure, "nobody was unsure");
    }

    #[test]
    fn consensus_keeps_each_piece_of_evidence_and_each_action_once() {
        use crate::model::assessment::{ActionItem, ActionStatus, Evidence};
        let rubric = rubric();
        let evidence = |what: &str| Evidence {
            what: what.into(),
            location: String::new(),
            holder: String::new(),
            date: None,
            recheck: false,
        };
        let action = |what: &str| ActionItem {
            what: what.into(),
            owner: String::new(),
            due: None,
            status: ActionStatus::Planned,
        };
        let mut abs = view(&rubric, Partner::AdultBasicSkills, "Ana", &[]);
        let mut cte = view(&rubric, Partner::CareerTechnicalEducation, "Ben", &[]);
        for (v, own) in [(&mut abs, "ABS roster"), (&mut cte, "CTE syllabus")] {
            let r = v.response_mut("PD-1");
            r.evidence = vec![evidence("Signed MOU"), evidence(own)];
            r.actions = vec![action("Meet monthly"), action(own)];
        }
        let labels = vec!["ABS".to_string(), "CTE".to_string()];
        let c = consensus(&rubric, &[&abs, &cte], &labels, &BTreeMap::new());
        let r = c.response("PD-1").unwrap();
        let whats: Vec<&str> = r.evidence.iter().map(|e| e.what.as_str()).collect();
        assert_eq!(whats, ["Signed MOU", "ABS roster", "CTE syllabus"]);
        let whats: Vec<&str> = r.actions.iter().map(|a| a.what.as_str()).collect();
        assert_eq!(whats, ["Meet monthly", "ABS roster", "CTE syllabus"]);
    }

    #[test]
    fn the_indicators_that_moved_most_go_either_way() {
        let rubric = rubric();
        let before = view(
            &rubric,
            Partner::AdultBasicSkills,
            "Ana",
            &[
                ("PD-1", Rating::Level(3), false),
                ("PD-2", Rating::Level(1), false),
                ("PD-3", Rating::Level(2), false),
            ],
        );
        let mut after = view(
            &rubric,
            Partner::AdultBasicSkills,
            "Ana",
            &[
                ("PD-1", Rating::Level(0), false),
                ("PD-2", Rating::Level(2), false),
                ("PD-3", Rating::Level(2), false),
            ],
        );
        after.cycle = "2027-28".into();
        let c = compare(&rubric, &[&before, &after]);
        let moved: Vec<(&str, i16)> = c
            .movers(5)
            .iter()
            .map(|(r, d)| (r.id.as_str(), *d))
            .collect();
        assert_eq!(
            moved,
            [("PD-1", -3), ("PD-2", 1)],
            "most first, down as negative"
        );
        assert_eq!(c.movers(1).len(), 1);
    }
}
