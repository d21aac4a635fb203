//! Writes the sample assessments in `examples/assessments/`: a fictional
//! welding IET assessed in two cycles, the ABS and CTE partners' separate
//! views of the later cycle, and a fictional program in a correctional
//! facility. Everything here is invented; no real program or person.
//!
//!     cargo run --example sample_assessments

use std::path::Path;

use ietkit::model::assessment::*;
use ietkit::model::changes::{self, Origin, Person, What, Who};
use ietkit::model::rubric::Rubric;
use ietkit::model::screener::Answer;
use ietkit::model::timestamp::Timestamp;
use ietkit::store::{assessment_file, embedded};

/// One indicator's answer: level (or N/A reason), unsure, notes.
enum R {
    L(u8),
    Na(&'static str),
}

fn date(s: &str) -> Option<ietkit::model::date::Date> {
    Some(s.parse().expect("a valid date"))
}

fn evidence(what: &str, location: &str, holder: &str, when: &str) -> Evidence {
    Evidence {
        what: what.into(),
        location: location.into(),
        holder: holder.into(),
        date: if when.is_empty() { None } else { date(when) },
        recheck: false,
    }
}

fn action(what: &str, owner: &str, due: &str, status: ActionStatus) -> ActionItem {
    ActionItem {
        what: what.into(),
        owner: owner.into(),
        due: date(due),
        status,
    }
}

fn rate(a: &mut Assessment, ratings: &[(&str, R, bool, &str)]) {
    for (id, rating, unsure, notes) in ratings {
        let r = a.response_mut(id);
        r.rating = match rating {
            R::L(v) => Rating::Level(*v),
            R::Na(reason) => Rating::NotApplicable {
                reason: (*reason).into(),
            },
        };
        r.unsure = *unsure;
        r.notes = (*notes).into();
    }
}

fn welding_profile() -> Profile {
    Profile {
        college: "Cascade Ridge Community College".into(),
        program: "Welding Fabrication IET".into(),
        cte_area: "Manufacturing".into(),
        credentials: vec![
            "AWS D1.1 limited-thickness certification".into(),
            "Career Pathway Certificate of Completion: Welding".into(),
        ],
        partners: vec![
            PartnerLead {
                partner: Partner::AdultBasicSkills,
                lead: "ABS instructional coordinator".into(),
            },
            PartnerLead {
                partner: Partner::CareerTechnicalEducation,
                lead: "Welding program chair".into(),
            },
            PartnerLead {
                partner: Partner::CareerPathways,
                lead: "Career Pathways navigator".into(),
            },
        ],
        site: Site {
            kind: SiteKind::Campus,
            name: "Eastside campus welding lab".into(),
        },
        cohort_size: Some(16),
        hours: ComponentHours {
            basic_skills: Some(96),
            workforce_preparation: Some(24),
            workforce_training: Some(240),
        },
        start_date: date("2025-09-29"),
    }
}

fn team() -> Vec<Assessor> {
    vec![
        Assessor {
            name: "ABS instructional coordinator".into(),
            partner: Partner::AdultBasicSkills,
        },
        Assessor {
            name: "Welding program chair".into(),
            partner: Partner::CareerTechnicalEducation,
        },
        Assessor {
            name: "Career Pathways navigator".into(),
            partner: Partner::CareerPathways,
        },
    ]
}

fn screen_all_yes(a: &mut Assessment, except: &[(&str, Answer)]) {
    let screener = embedded::builtin().expect("built-in files").screener;
    for q in &screener.questions {
        let answer = except
            .iter()
            .find(|(id, _)| *id == q.id)
            .map_or(Answer::Yes, |(_, a)| *a);
        a.screener.insert(q.id.clone(), answer);
    }
}

fn welding_2025(rubric: &Rubric) -> Assessment {
    let mut a = Assessment::new(
        rubric,
        welding_profile(),
        Purpose::EvaluatingExisting,
        "2025-26",
    );
    a.assessors = team();
    rate(
        &mut a,
        &[
            (
                "PD-1",
                R::L(2),
                false,
                "Regional outlook shows steady openings; employer letters are from 2023.",
            ),
            ("PD-2", R::L(3), false, ""),
            (
                "PD-3",
                R::L(1),
                false,
                "Basic skills starts two weeks before the welding lab; ends together.",
            ),
            (
                "PD-4",
                R::L(2),
                false,
                "Roadmap exists but learners only see it at the end of term.",
            ),
            (
                "PD-5",
                R::L(2),
                true,
                "Certification test fee is covered for only half the cohort.",
            ),
            ("PD-6", R::L(1), false, ""),
            (
                "PD-7",
                R::L(2),
                false,
                "Co-enrollment done by hand in week one.",
            ),
            ("PD-8", R::L(2), false, ""),
            (
                "CI-1",
                R::L(1),
                false,
                "Roles agreed at the kickoff meeting, not written down.",
            ),
            ("CI-2", R::L(1), false, ""),
            (
                "CI-3",
                R::L(2),
                false,
                "Two shops on the advisory committee; one attends.",
            ),
            (
                "CI-4",
                R::L(0),
                false,
                "No referral process with the WorkSource center yet.",
            ),
            ("CI-5", R::L(1), false, ""),
            (
                "CI-6",
                R::Na("The program runs on campus, not in a facility."),
                false,
                "",
            ),
            (
                "CU-1",
                R::L(1),
                false,
                "Draft combined objectives for the first term only.",
            ),
            (
                "CU-2",
                R::L(2),
                false,
                "Math lessons use blueprint reading and material estimates.",
            ),
            (
                "CU-3",
                R::L(1),
                true,
                "Not sure the crosswalk to OACCRS was finished.",
            ),
            ("CU-4", R::L(1), false, ""),
            (
                "CU-5",
                R::L(1),
                false,
                "Instructors meet when they can; no paid planning time.",
            ),
            ("CU-6", R::L(2), false, ""),
            ("CU-7", R::L(1), false, ""),
            ("SE-1", R::L(2), false, ""),
            (
                "SE-2",
                R::L(2),
                false,
                "Navigator shared with two other programs.",
            ),
            ("SE-3", R::L(1), false, ""),
            (
                "SE-4",
                R::L(1),
                false,
                "Only CASAS gains are entered; exam passes are not.",
            ),
            ("SE-5", R::L(1), false, ""),
            ("SE-6", R::L(0), false, ""),
            ("SE-7", R::L(1), false, ""),
            ("PM-1", R::L(2), false, ""),
            (
                "PM-2",
                R::L(1),
                false,
                "Relies on a one-year innovation grant.",
            ),
            ("PM-3", R::L(1), false, ""),
            (
                "PM-4",
                R::L(1),
                false,
                "Only the ABS instructor has taken IET Fundamentals.",
            ),
            (
                "PM-5",
                R::L(1),
                true,
                "Check with the data lead whether the class is flagged IET.",
            ),
            ("PM-6", R::L(1), false, ""),
            ("PM-7", R::L(1), false, ""),
        ],
    );
    let pd3 = a.response_mut("PD-3");
    pd3.evidence.push(evidence(
        "Fall term schedule",
        "Shared drive > IET > Schedules",
        "ABS instructional coordinator",
        "2025-09-15",
    ));
    pd3.actions.push(action(
        "Start basic skills and welding lab in the same week",
        "Welding program chair",
        "2026-06-01",
        ActionStatus::Done,
    ));
    a.response_mut("CI-1").actions.push(action(
        "Draft a partner agreement for signature",
        "Career Pathways navigator",
        "2026-03-01",
        ActionStatus::Done,
    ));
    a.response_mut("CI-4").actions.push(action(
        "Meet the WorkSource center manager about referrals",
        "Career Pathways navigator",
        "2026-02-15",
        ActionStatus::InProgress,
    ));
    a.response_mut("CU-1").evidence.push(evidence(
        "Draft single set of learning objectives",
        "Binder tab 2",
        "Welding program chair",
        "2025-08-20",
    ));
    a.response_mut("SE-4").actions.push(action(
        "Enter certification exam passes as skill gains",
        "ABS instructional coordinator",
        "2026-01-31",
        ActionStatus::Done,
    ));
    a.response_mut("PM-2").actions.push(action(
        "Write a sustainability plan that braids Perkins and Title II",
        "Dean of workforce",
        "2026-05-30",
        ActionStatus::Planned,
    ));
    screen_all_yes(
        &mut a,
        &[
            ("F-3", Answer::NotSure),
            // The objectives were drafted for the first term only (CU-1).
            ("F-5", Answer::NotSure),
            ("F-7", Answer::NotSure),
            ("GP-1", Answer::NotSure),
            // No paid planning time yet (CU-5).
            ("GP-3", Answer::No),
        ],
    );
    a.created = Timestamp(1_760_000_000);
    a.updated = Timestamp(1_762_500_000);
    a
}

/// The later cycle: the team's agreed view.
fn welding_2026(rubric: &Rubric) -> Assessment {
    let mut profile = welding_profile();
    profile.start_date = date("2026-09-28");
    let mut a = Assessment::new(rubric, profile, Purpose::EvaluatingExisting, "2026-27");
    a.assessors = team();
    rate(
        &mut a,
        &[
            (
                "PD-1",
                R::L(3),
                false,
                "Outlook refreshed in August; three employer letters dated this year.",
            ),
            ("PD-2", R::L(3), false, ""),
            (
                "PD-3",
                R::L(3),
                false,
                "All components start in week one of fall term and end in week eleven of winter term.",
            ),
            (
                "PD-4",
                R::L(2),
                false,
                "Roadmap handed out at orientation; credit for the certificate carries to the AAS.",
            ),
            (
                "PD-5",
                R::L(3),
                false,
                "Exam fees covered for every learner from the Perkins budget.",
            ),
            ("PD-6", R::L(2), false, ""),
            ("PD-7", R::L(2), false, ""),
            ("PD-8", R::L(2), false, ""),
            ("CI-1", R::L(3), false, "Partner agreement signed in March."),
            (
                "CI-2",
                R::L(2),
                false,
                "Monthly partner meeting; notes kept, follow-up uneven.",
            ),
            ("CI-3", R::L(2), false, ""),
            (
                "CI-4",
                R::L(1),
                false,
                "We know our WorkSource contact, but referrals have been informal: two so far, no agreed process yet.",
            ),
            ("CI-5", R::L(2), false, ""),
            (
                "CI-6",
                R::Na("The program runs on campus, not in a facility."),
                false,
                "",
            ),
            (
                "CU-1",
                R::L(2),
                false,
                "Objectives cover both terms; the CTE instructor does not plan from them yet.",
            ),
            ("CU-2", R::L(2), false, ""),
            (
                "CU-3",
                R::L(2),
                false,
                "Crosswalk to OACCRS finished in June.",
            ),
            ("CU-4", R::L(2), false, ""),
            ("CU-5", R::L(2), false, "One paid co-planning hour a week."),
            ("CU-6", R::L(2), false, ""),
            ("CU-7", R::L(2), false, ""),
            ("SE-1", R::L(2), false, ""),
            ("SE-2", R::L(3), false, "A navigator of its own this year."),
            ("SE-3", R::L(2), false, ""),
            (
                "SE-4",
                R::L(3),
                false,
                "Exam passes and progress reports entered each term.",
            ),
            ("SE-5", R::L(2), false, ""),
            (
                "SE-6",
                R::L(1),
                false,
                "First breakdown by group done; no actions yet.",
            ),
            ("SE-7", R::L(2), false, ""),
            ("PM-1", R::L(2), false, ""),
            ("PM-2", R::L(2), false, ""),
            ("PM-3", R::L(2), false, ""),
            ("PM-4", R::L(2), false, ""),
            (
                "PM-5",
                R::L(3),
                false,
                "Flags checked each term against the state report.",
            ),
            ("PM-6", R::L(2), false, ""),
            ("PM-7", R::L(2), false, ""),
        ],
    );
    a.response_mut("PD-3").evidence.push(evidence(
        "Shared term calendar",
        "Shared drive > IET > Schedules",
        "ABS instructional coordinator",
        "2026-09-14",
    ));
    a.response_mut("CI-1").evidence.push(evidence(
        "Signed partner agreement",
        "Dean's office files",
        "Dean of workforce",
        "2026-03-12",
    ));
    a.response_mut("CI-4").actions.push(action(
        "Agree a monthly referral check with the WorkSource center",
        "Career Pathways navigator",
        "2027-01-15",
        ActionStatus::InProgress,
    ));
    a.response_mut("CU-1").actions.push(action(
        "Co-plan week-by-week lessons from the shared objectives",
        "Welding program chair",
        "2027-02-01",
        ActionStatus::Planned,
    ));
    a.response_mut("SE-6").actions.push(action(
        "Review completion by group and set one action",
        "ABS instructional coordinator",
        "2027-03-15",
        ActionStatus::Planned,
    ));
    a.response_mut("PM-2").actions.push(action(
        "Write a sustainability plan that braids Perkins and Title II",
        "Dean of workforce",
        "2026-12-15",
        ActionStatus::InProgress,
    ));
    screen_all_yes(&mut a, &[]);
    a.created = Timestamp(1_790_000_000);
    a.updated = Timestamp(1_795_000_000);
    a
}

/// One partner's own view of the later cycle, before the team met.
fn partner_view(
    rubric: &Rubric,
    who: Partner,
    name: &str,
    changes: &[(&str, u8, &str)],
) -> Assessment {
    view_of(welding_2026(rubric), who, name, changes)
}

/// One partner's own view of `team`'s program and cycle: only that person
/// as assessor, no notes, evidence or actions, and `changes` where the
/// partner rated otherwise than the team later agreed.
fn view_of(
    mut a: Assessment,
    who: Partner,
    name: &str,
    changes: &[(&str, u8, &str)],
) -> Assessment {
    a.assessors = vec![Assessor {
        name: name.into(),
        partner: who,
    }];
    for r in &mut a.responses {
        r.actions.clear();
        r.evidence.clear();
        r.notes.clear();
    }
    for (id, level, note) in changes {
        let r = a.response_mut(id);
        r.rating = Rating::Level(*level);
        r.notes = (*note).into();
    }
    a.updated = Timestamp(1_794_000_000);
    a
}

fn corrections(rubric: &Rubric) -> Assessment {
    let profile = Profile {
        college: "Riverbend Community College".into(),
        program: "Diesel Technology IET".into(),
        cte_area: "Transportation, Distribution and Logistics".into(),
        // Oregon's usual pattern in a facility: ABS with the department's
        // own Work-based Learning program, which gives the training, and
        // Career Pathways for the steps after release.
        credentials: vec![
            "Non-Credit Training Certificate: Diesel Maintenance Fundamentals (fictional)".into(),
        ],
        partners: vec![
            PartnerLead {
                partner: Partner::AdultBasicSkills,
                lead: "ABS lead instructor (college contract with the department)".into(),
            },
            PartnerLead {
                partner: Partner::Corrections,
                lead: "Work-based Learning coordinator, diesel shop".into(),
            },
            PartnerLead {
                partner: Partner::CareerPathways,
                lead: "Re-entry pathways navigator".into(),
            },
        ],
        site: Site {
            kind: SiteKind::CorrectionalFacility,
            name: "North Fork Correctional Facility (fictional)".into(),
        },
        cohort_size: Some(12),
        hours: ComponentHours {
            basic_skills: Some(120),
            workforce_preparation: Some(40),
            workforce_training: Some(300),
        },
        start_date: date("2026-10-05"),
    };
    let mut a = Assessment::new(rubric, profile, Purpose::AfterSignificantChange, "2026-27");
    a.assessors = vec![
        Assessor {
            name: "ABS lead instructor".into(),
            partner: Partner::AdultBasicSkills,
        },
        Assessor {
            name: "Work-based Learning coordinator".into(),
            partner: Partner::Corrections,
        },
        Assessor {
            name: "Re-entry pathways navigator".into(),
            partner: Partner::CareerPathways,
        },
    ];
    rate(
        &mut a,
        &[
            (
                "PD-1",
                R::L(2),
                false,
                "Diesel technicians are in demand in the region the facility releases to.",
            ),
            ("PD-2", R::L(3), false, ""),
            (
                "PD-3",
                R::L(2),
                false,
                "Count times cut into the afternoon shop block twice a week.",
            ),
            (
                "PD-4",
                R::L(1),
                false,
                "The navigator maps next steps after release to the main campus diesel program; not yet written down.",
            ),
            (
                "PD-5",
                R::L(2),
                true,
                "Confirm every learner can finish the non-credit certificate before release.",
            ),
            ("PD-7", R::L(3), false, ""),
            (
                "CI-1",
                R::L(2),
                false,
                "ABS and the Work-based Learning program's roles are in the facility education plan; the navigator's are not yet.",
            ),
            (
                "CI-6",
                R::L(1),
                false,
                "Schedule moved when the facility changed its count times; re-entry hand-off informal.",
            ),
            ("CU-2", R::L(2), false, ""),
            (
                "CU-5",
                R::L(1),
                false,
                "The ABS instructor cannot join the shop; planning with the shop lead only by email.",
            ),
            (
                "SE-2",
                R::L(2),
                false,
                "The re-entry navigator meets each learner before release.",
            ),
            ("SE-3", R::L(1), false, ""),
            (
                "PM-3",
                R::L(1),
                false,
                "Security clearance delays for a new instructor.",
            ),
        ],
    );
    a.response_mut("CI-6").actions.push(action(
        "Agree a hand-off to the main campus for learners released mid-term",
        "Re-entry pathways navigator",
        "2027-01-30",
        ActionStatus::Planned,
    ));
    a.response_mut("CI-6").evidence.push(evidence(
        "Facility education plan, section 4",
        "Facility education office",
        "Work-based Learning coordinator",
        "2026-08-01",
    ));
    a.response_mut("PD-3").actions.push(action(
        "Move the shop block to mornings",
        "Work-based Learning coordinator",
        "2026-12-01",
        ActionStatus::InProgress,
    ));
    screen_all_yes(
        &mut a,
        &[
            ("F-6", Answer::NotSure),
            ("OR-4", Answer::NotSure),
            // Planning only by email (CU-5).
            ("GP-3", Answer::No),
        ],
    );
    a.created = Timestamp(1_791_000_000);
    a.updated = Timestamp(1_795_500_000);
    a
}

/// A person of the samples (invented, as everything here).
fn who(login: &str, name: &str, role: Partner) -> Who {
    Who {
        login: login.into(),
        person: Person {
            name: name.into(),
            role: Some(role),
        },
    }
}

/// The change record a sample carries: `how` it was made, by the first
/// person at its creation, then its ratings, notes, evidence, actions and
/// screener answers as entered, the indicators whose ids start with one of
/// `prefixes[i]` by `people[i]`, an hour apart, ending at its last change.
fn with_record(mut a: Assessment, how: Origin, people: &[(Who, &[&str])]) -> Assessment {
    let mut blank = a.clone();
    blank.screener.clear();
    for r in &mut blank.responses {
        *r = Response::new(&r.indicator);
    }
    let last = a.updated;
    let created = a.created;
    changes::record(&mut a, &people[0].0, created, vec![What::Created { how }]);
    let whats = changes::diff(&blank, &a);
    let n = people.len() as i64;
    for (i, (person, prefixes)) in people.iter().enumerate() {
        let mine: Vec<What> = whats
            .iter()
            .filter(|w| match w.indicator() {
                Some(id) => prefixes.iter().any(|p| id.starts_with(p)),
                None => i == 0,
            })
            .cloned()
            .collect();
        let at = Timestamp(last.0 - (n - 1 - i as i64) * 3600);
        changes::record(&mut a, person, at, mine);
    }
    a
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rubric = embedded::builtin()?.rubric;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/assessments");
    let abs = partner_view(
        &rubric,
        Partner::AdultBasicSkills,
        "ABS instructional coordinator",
        &[
            (
                "CU-2",
                3,
                "Every math lesson this term used shop documents.",
            ),
            ("CU-5", 3, "We plan together every week."),
            ("PD-6", 1, "I have not seen the board plan."),
        ],
    );
    let cte = partner_view(
        &rubric,
        Partner::CareerTechnicalEducation,
        "Welding program chair",
        &[
            (
                "CU-2",
                1,
                "I have not seen the basic-skills lessons use our documents.",
            ),
            ("CU-5", 2, ""),
            (
                "CI-3",
                3,
                "The advisory committee reviewed the curriculum in May.",
            ),
            ("SE-6", 0, ""),
        ],
    );
    let abs_coordinator = who(
        "abs-coord",
        "ABS instructional coordinator",
        Partner::AdultBasicSkills,
    );
    let chair = who(
        "weld-chair",
        "Welding program chair",
        Partner::CareerTechnicalEducation,
    );
    let navigator = who(
        "cp-nav",
        "Career Pathways navigator",
        Partner::CareerPathways,
    );
    let facility = who(
        "doc-wbl",
        "Work-based Learning coordinator",
        Partner::Corrections,
    );
    let abs_facility = who(
        "abs-north",
        "ABS lead instructor",
        Partner::AdultBasicSkills,
    );
    let reentry = who(
        "cp-reentry",
        "Re-entry pathways navigator",
        Partner::CareerPathways,
    );
    let everything: &[&str] = &[""];
    let team_2026 = with_record(
        welding_2026(&rubric),
        Origin::NextCycle {
            from: "welding-fabrication-iet-2025-26".into(),
        },
        &[
            (abs_coordinator.clone(), &["PD-", "CU-"]),
            (chair.clone(), &["CI-", "PM-"]),
            (navigator.clone(), &["SE-"]),
        ],
    );
    let abs = with_record(abs, Origin::New, &[(abs_coordinator.clone(), everything)]);
    let cte = with_record(cte, Origin::New, &[(chair.clone(), everything)]);
    let facility_program = with_record(
        corrections(&rubric),
        Origin::New,
        &[
            (abs_facility.clone(), &["PD-", "CU-"]),
            (facility.clone(), &["CI-", "PM-"]),
            (reentry, &["SE-"]),
        ],
    );
    let facility_abs = with_record(
        view_of(
            corrections(&rubric),
            Partner::AdultBasicSkills,
            "ABS lead instructor",
            &[
                (
                    "CU-5",
                    2,
                    "We agree the week's vocabulary by email every Monday.",
                ),
                ("CI-6", 2, ""),
            ],
        ),
        Origin::New,
        &[(abs_facility, everything)],
    );
    let facility_doc = with_record(
        view_of(
            corrections(&rubric),
            Partner::Corrections,
            "Work-based Learning coordinator",
            &[
                (
                    "CU-5",
                    0,
                    "No joint planning time exists inside the facility.",
                ),
                ("PD-3", 1, "Count times still cut the shop block."),
            ],
        ),
        Origin::New,
        &[(facility, everything)],
    );
    for (name, a) in [
        ("welding-fabrication-iet-2025-26", welding_2025(&rubric)),
        ("welding-fabrication-iet-2026-27", team_2026),
        ("welding-fabrication-iet-2026-27-abs-view", abs),
        ("welding-fabrication-iet-2026-27-cte-view", cte),
        ("diesel-technology-iet-north-fork-2026-27", facility_program),
        (
            "diesel-technology-iet-north-fork-2026-27-abs-view",
            facility_abs,
        ),
        (
            "diesel-technology-iet-north-fork-2026-27-doc-view",
            facility_doc,
        ),
    ] {
        // Fixed ids, so that the files are the same each time they are made.
        let mut a = a;
        a.id = format!(
            "{:032x}",
            name.bytes().fold(0u128, |h, b| h
                .wrapping_mul(131)
                .wrapping_add(u128::from(b)))
        );
        let path = dir.join(format!("{name}.ron"));
        std::fs::write(&path, assessment_file::to_text(&a))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
