//! The rubric, toolkit and screener that ship with ietkit load, pass every
//! check, and have the shape the Oregon IET Quality Indicators call for.

mod common;

use std::collections::HashSet;

use ietkit::model::rubric::Phase;
use ietkit::model::screener::TestGroup;
use ietkit::store::catalogue;
use ietkit::store::embedded;

#[test]
fn the_three_shipped_files_pass_rubric_check_from_disk() {
    let files: Vec<_> = [
        "oregon-iet-quality-indicators.ron",
        "oregon-iet-toolkit.ron",
        "is-this-an-iet.ron",
    ]
    .iter()
    .map(|f| common::root().join("rubrics").join(f))
    .collect();
    for entry in catalogue::check_paths(&files) {
        if let Err(e) = &entry.result {
            panic!("{} fails its check:\n{e}", entry.name);
        }
    }
}

#[test]
fn the_embedded_copies_are_the_files_in_rubrics() {
    for e in embedded::ALL {
        let path = e.name.trim_end_matches(" (built in)");
        let on_disk = std::fs::read_to_string(common::root().join(path)).unwrap();
        assert_eq!(e.source, on_disk, "{path}");
    }
    embedded::builtin().unwrap_or_else(|e| panic!("built-in files fail:\n{e}"));
}

#[test]
fn rubric_has_the_five_oregon_categories_each_with_five_to_eight_indicators() {
    let rubric = embedded::builtin().unwrap().rubric;
    let names: Vec<&str> = rubric.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Program Design",
            "Collaboration and Industry Engagement",
            "Curriculum and Instruction",
            "Student Experience and Progress",
            "Program Management, Staffing and Organization Support",
        ]
    );
    for c in &rubric.categories {
        assert!(
            (5..=8).contains(&c.indicators.len()),
            "{} has {}",
            c.name,
            c.indicators.len()
        );
    }
    assert!(
        rubric.indicator_count() >= 30,
        "only {} indicators",
        rubric.indicator_count()
    );
    assert!(rubric.note.contains("own wording") && rubric.note.contains("not an official"));
}

#[test]
fn every_indicator_is_complete_and_uniquely_identified() {
    let rubric = embedded::builtin().unwrap().rubric;
    let levels = rubric.scale.levels.len();
    assert_eq!(levels, 4, "the scale is 0 to 3");
    let mut ids = HashSet::new();
    let mut phases = HashSet::new();
    for (category, i) in rubric.indicators() {
        assert!(ids.insert(i.id.clone()), "duplicate id {}", i.id);
        assert!(
            i.id.starts_with(&format!("{}-", category.id)),
            "{} is not in {}",
            i.id,
            category.id
        );
        assert_eq!(i.levels.len(), levels, "{}", i.id);
        assert!(
            i.levels.iter().all(|l| l.len() > 15),
            "{}: a level line is too thin",
            i.id
        );
        assert!(i.description.len() > 60, "{}: description too thin", i.id);
        assert!(
            i.evidence.len() >= 2,
            "{}: needs at least two evidence examples",
            i.id
        );
        // Level lines must differ: a copy-pasted level says nothing.
        let distinct: HashSet<&String> = i.levels.iter().collect();
        assert_eq!(distinct.len(), levels, "{}: repeated level text", i.id);
        phases.insert(i.phase);
    }
    assert_eq!(
        phases.len(),
        Phase::ALL.len(),
        "every toolkit phase is used"
    );
}

#[test]
fn federal_rules_are_cited_where_they_apply() {
    let rubric = embedded::builtin().unwrap().rubric;
    let cites = |id: &str| rubric.indicator(id).unwrap().1.cite.join(" ");
    assert!(cites("PD-2").contains("463.36"), "three components");
    assert!(cites("PD-3").contains("463.37"), "concurrent");
    assert!(
        cites("CU-1").contains("463.37"),
        "single set of learning objectives"
    );
    assert!(cites("CU-3").contains("463.38"), "state standards");
    assert!(cites("PD-4").contains("463.38"), "career pathway");
}

#[test]
fn every_toolkit_link_resolves_and_the_required_topics_are_there() {
    let builtin = embedded::builtin().unwrap();
    let sections = builtin.toolkit.walk();
    for (_, s) in &sections {
        for link in &s.links {
            assert!(
                builtin.rubric.indicator(link).is_some(),
                "{} links to unknown {link}",
                s.id
            );
        }
    }
    let titles: Vec<&str> = sections.iter().map(|(_, s)| s.title.as_str()).collect();
    for wanted in [
        "Integrated",
        "Concurrent",
        "Contextualized",
        "Credentialed",
        "Adult Basic Skills (ABS)",
        "Career & Technical Education (CTE)",
        "Career Pathways",
        "Department of Corrections",
        "IET Fundamentals",
        "IET Design Toolkit",
        "IET Quality Indicators",
        "Oregon IET Toolkit",
        "Oregon IET Assessment Tool",
        "Research and Assess",
        "Plan and Design",
        "Develop and Deliver",
        "Evaluate and Improve",
    ] {
        assert!(
            titles.contains(&wanted),
            "no toolkit section titled {wanted:?}"
        );
    }
    // A guide for each category, linking to all of its indicators.
    let guides = builtin.toolkit.section("category-guides").unwrap();
    assert_eq!(guides.sections.len(), builtin.rubric.categories.len());
    for (guide, category) in guides.sections.iter().zip(&builtin.rubric.categories) {
        let ids: Vec<&str> = category.indicators.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(guide.links, ids, "guide {}", guide.id);
    }
}

#[test]
fn screener_covers_the_federal_tests_and_the_oregon_key_features() {
    let screener = embedded::builtin().unwrap().screener;
    let federal: Vec<_> = screener
        .questions
        .iter()
        .filter(|q| q.group == TestGroup::Federal && q.required)
        .collect();
    // Every part of the federal definition, each cited to its paragraph:
    // the three components and the training type (463.36), sufficient
    // intensity, simultaneous, occupational materials (463.37(a)), one set
    // of objectives and organized to function cooperatively (463.37(b)),
    // state standards and a career pathway (463.38).
    let mut cited: Vec<&str> = federal
        .iter()
        .flat_map(|q| q.cite.iter().map(String::as_str))
        .filter(|c| c.starts_with("34 CFR"))
        .collect();
    cited.sort();
    assert_eq!(
        cited,
        [
            "34 CFR 463.36",
            "34 CFR 463.36(c)",
            "34 CFR 463.37(a)(1)",
            "34 CFR 463.37(a)(2)",
            "34 CFR 463.37(a)(3)",
            "34 CFR 463.37(b)",
            "34 CFR 463.37(b)",
            "34 CFR 463.38(a)",
            "34 CFR 463.38(b)",
        ]
    );
    assert!(
        federal
            .iter()
            .any(|q| q.prompt.contains("organized to work together")),
        "463.37(b): organized to function cooperatively"
    );
    // Required questions ask only what the rules ask: guidance (workforce
    // plans, planning time) is good practice, never required.
    for q in screener.questions.iter().filter(|q| q.required) {
        assert_ne!(q.group, TestGroup::GoodPractice, "{}", q.id);
        for guidance in [
            "workforce plan",
            "231(e)",
            "plan it together",
            "planning time",
        ] {
            assert!(
                !q.prompt.contains(guidance) && !q.cite.iter().any(|c| c.contains(guidance)),
                "{} asks guidance ({guidance}) as a requirement",
                q.id
            );
        }
    }
    let plans = screener
        .questions
        .iter()
        .find(|q| q.prompt.contains("workforce plans"))
        .expect("workforce-plan fit is still asked");
    assert!(!plans.required && plans.cite == ["WIOA sec. 231(e)"]);
    // Oregon's Credentialed feature: earned during the IET, and Oregon's
    // Non-Credit Training Certificates count.
    let credentialed = screener.questions.iter().find(|q| q.id == "OR-4").unwrap();
    assert!(credentialed.prompt.contains("during the IET program"));
    assert!(
        credentialed
            .why
            .contains("Non-Credit Training Certificates")
    );
    assert_eq!(
        screener.verdicts.federal.name,
        "Federal definition (34 CFR 463.35-463.38)"
    );
    assert_eq!(screener.verdicts.oregon.name, "Oregon key features");
    let oregon: Vec<&str> = screener
        .questions
        .iter()
        .filter(|q| q.group == TestGroup::OregonKeyFeature)
        .map(|q| q.prompt.split(':').next().unwrap())
        .collect();
    assert_eq!(
        oregon,
        ["Integrated", "Concurrent", "Contextualized", "Credentialed"]
    );
    assert!(
        !screener.not_required.is_empty(),
        "says what is not required, e.g. equal hours"
    );
}

#[test]
fn content_hash_is_stable_and_changes_with_the_wording() {
    let a = embedded::builtin().unwrap().rubric;
    let mut b = a.clone();
    assert_eq!(a.content_hash(), b.content_hash());
    b.categories[0].indicators[0].title.push('!');
    assert_ne!(a.content_hash(), b.content_hash());
    assert!(a.content_hash().starts_with("fnv1a64:"));
}

/// Each row of the content review's table of errors (2026-11-30), as the
/// shipped files now say it: the words that were wrong are gone, the
/// right ones are there.
#[test]
fn the_content_reviews_corrections_hold() {
    let b = embedded::builtin().unwrap();
    let section = |id: &str| b.toolkit.section(id).unwrap().body.join(" ");
    let question = |id: &str| {
        let q = b.screener.questions.iter().find(|q| q.id == id).unwrap();
        format!("{} {} {}", q.prompt, q.why, q.cite.join(" "))
    };
    let indicator = |id: &str| b.rubric.indicator(id).unwrap().1.clone();
    // 1, 2: workforce-plan fit is guidance, cited to 231(e), never 463.38.
    assert!(section("iet-advancement").contains("good practice, not one of the two tests"));
    assert_eq!(indicator("PD-6").cite, ["WIOA sec. 231(e)"]);
    let f8 = b.screener.questions.iter().find(|q| q.id == "F-8").unwrap();
    assert!(!f8.prompt.contains("workforce plan") && !f8.cite.concat().contains("231"));
    // 3, 4: a credential earned during the IET; Non-Credit Training
    // Certificates count in Oregon.
    assert!(section("kf-credentialed").contains("during the IET program"));
    assert!(section("kf-credentialed").contains("Non-Credit Training Certificate"));
    assert!(section("req-credentials").contains("OAR 589-006-0050(36)"));
    assert!(!section("req-credentials").contains("are credit-bearing"));
    assert!(
        indicator("PD-5")
            .description
            .contains("Non-Credit Training Certificate")
    );
    // 5: Concurrent and Credentialed go beyond the federal rules.
    assert!(section("key-features").contains("go beyond the federal rules"));
    assert!(!section("key-features").contains("restate the federal rules"));
    // 6: the Quality Indicators and the Design Toolkit are OCTAE's.
    assert!(section("res-quality-indicators").contains("developed by OCTAE"));
    assert!(!section("res-quality-indicators").contains("grouped by Oregon"));
    assert!(b.rubric.note.contains("developed by OCTAE"));
    assert!(section("res-design-toolkit").starts_with("OCTAE's toolkit"));
    // 7: the corrections model, not an unsupported claim.
    assert!(!section("partner-corrections").contains("Many Oregon IETs run inside"));
    assert!(section("partner-corrections").contains("Work-based Learning program"));
    // 8: what ietkit does and does not reproduce of the state's toolkit.
    assert!(section("res-oregon-toolkit").contains("What it does not"));
    assert!(!section("res-oregon-toolkit").contains("follows the same topics"));
    // 9: Oregon's own definitions of Integrated and Contextualized.
    assert!(section("kf-integrated").contains("college and career preparation"));
    assert!(section("kf-contextualized").starts_with("All the components"));
    assert!(question("OR-1").contains("college and career preparation"));
    // 10: when to assess again, as the Oregon page says.
    for id in ["start", "res-assessment-tool"] {
        assert!(section(id).contains("team members"), "{id}");
        assert!(
            !section(id).contains("new occupation, partner or schedule"),
            "{id}"
        );
    }
    // 11: the rule's words on research; private-sector training counts.
    for text in [
        section("iet-integrated"),
        question("F-6"),
        indicator("CU-6").description,
    ] {
        assert!(text.contains("most rigorous research available"), "{text}");
        assert!(!text.contains("best available research"), "{text}");
    }
    assert!(section("iet-components").contains("run by the private sector"));
}

/// Everything the Oregon IET Toolkit page names, each with its publisher,
/// what it is for and where to find it; ietkit fetches nothing.
#[test]
fn every_resource_the_oregon_page_names_is_there_with_its_address() {
    use ietkit::model::toolkit::Resource;
    let b = embedded::builtin().unwrap();
    let all: Vec<&Resource> = b
        .toolkit
        .walk()
        .into_iter()
        .flat_map(|(_, s)| s.resources.iter())
        .collect();
    for r in &all {
        assert!(
            !r.publisher.trim().is_empty() && !r.purpose.trim().is_empty(),
            "{r:?}"
        );
        assert!(Resource::address_ok(&r.address), "{r:?}");
    }
    let names: Vec<&str> = all.iter().map(|r| r.name.as_str()).collect();
    for wanted in [
        "Oregon IET Toolkit",
        "Oregon IET Brief",
        "Understanding IETs in Oregon: webinar, handout and slides",
        "Sample Oregon IETs",
        "Oregon IET Assessment Tool",
        "IET Fundamentals",
        "IET Design Toolkit",
        "Oregon Career Pathways",
        "Oregon CTE State Plan (2024-2027)",
        "State IET Team",
    ] {
        assert!(names.contains(&wanted), "{wanted} missing from {names:?}");
    }
    let team = all.iter().find(|r| r.name == "State IET Team").unwrap();
    assert_eq!(team.address, "hecc.absteam@hecc.oregon.gov");
    let samples = all.iter().find(|r| r.name == "Sample Oregon IETs").unwrap();
    for program in [
        "Early Childhood Education",
        "Welding",
        "Accounting",
        "Phlebotomy",
    ] {
        assert!(samples.purpose.contains(program), "{program}");
    }
    let fundamentals = all.iter().find(|r| r.name == "IET Fundamentals").unwrap();
    assert!(
        fundamentals.purpose.contains("about two hours")
            && fundamentals.purpose.contains("LINCS login")
    );
    // What the page says in words.
    let text: String = b
        .toolkit
        .walk()
        .into_iter()
        .flat_map(|(_, s)| s.body.iter().cloned())
        .collect::<Vec<_>>()
        .join(" ");
    for fact in [
        "co-requisite model",
        "existing state-approved CTE programs",
        "every Title II provider is expected to offer at least one IET",
        "Perkins V",
        "several points at which learners can enter and leave",
        "Career Pathways Grant",
        "under a year long, stackable",
    ] {
        assert!(text.contains(fact), "{fact}");
    }
}

#[test]
fn an_address_is_a_web_or_email_address() {
    use ietkit::model::toolkit::Resource;
    for ok in [
        "https://www.oregon.gov/x",
        "http://handbook.ccwdwebforms.net/a",
        "hecc.absteam@hecc.oregon.gov",
    ] {
        assert!(Resource::address_ok(ok), "{ok}");
    }
    for bad in [
        "",
        "see the website",
        "https://localhost",
        "https://.gov",
        "name@host",
        "@hecc.oregon.gov",
        "ftp://x.org",
        "a@b@c.org",
    ] {
        assert!(!Resource::address_ok(bad), "{bad}");
    }
}

/// The field facts a team needs, each naming its source and linked to the
/// indicators it bears on.
#[test]
fn field_facts_name_their_sources_and_indicators() {
    let b = embedded::builtin().unwrap();
    let facts = b.toolkit.section("field-facts").unwrap();
    let wanted = [
        (
            "fact-reporting",
            ["Table 11", "12 or more hours", "WIOA section 116"].as_slice(),
        ),
        (
            "fact-pell",
            &[
                "section 484(d)",
                "34 CFR 668.157",
                "eligible career pathway program",
            ],
        ),
        (
            "fact-ielce",
            &["WIOA section 243", "in combination with IET"],
        ),
        (
            "fact-corrections",
            &["WIOA section 225", "20 percent", "five years"],
        ),
        (
            "fact-funding",
            &["Perkins V", "individual training accounts", "134(c)(3)(F)"],
        ),
    ];
    assert_eq!(facts.sections.len(), wanted.len());
    for (id, says) in wanted {
        let s = facts.sections.iter().find(|s| s.id == id).unwrap();
        let text = s.body.join(" ");
        for words in says {
            assert!(text.contains(words), "{id}: {words}");
        }
        assert!(!s.links.is_empty(), "{id} bears on some indicator");
        for link in &s.links {
            assert!(b.rubric.indicator(link).is_some(), "{id}: {link}");
        }
    }
}

/// A sources section lists every source the content relies on, each with
/// an address; every rule the screener cites is among them.
#[test]
fn the_sources_section_lists_what_the_content_relies_on() {
    use ietkit::model::toolkit::Resource;
    let b = embedded::builtin().unwrap();
    let sources = b.toolkit.section("sources").unwrap();
    assert!(sources.resources.len() >= 10);
    assert!(
        sources
            .resources
            .iter()
            .all(|r| Resource::address_ok(&r.address))
    );
    let names = sources
        .resources
        .iter()
        .map(|r| format!("{} {}", r.name, r.purpose))
        .collect::<Vec<_>>()
        .join(" ");
    for cited in [
        "34 CFR part 463",
        "Workforce Innovation and Opportunity Act",
        "OAR 589-006-0050",
        "34 CFR 668.157",
        "Table 11",
    ] {
        assert!(names.contains(cited), "{cited}");
    }
    // Each rule the screener cites has its source listed.
    for q in &b.screener.questions {
        for c in &q.cite {
            let source = if c.starts_with("34 CFR 463") {
                "34 CFR part 463"
            } else if c.starts_with("WIOA") {
                "Workforce Innovation and Opportunity Act"
            } else if c.starts_with("OAR") {
                "OAR 589-006-0050"
            } else {
                "Oregon IET Toolkit"
            };
            assert!(names.contains(source), "{}: {c}", q.id);
        }
    }
}

/// Level descriptors a team can check: frequencies instead of "regularly"
/// or "every cycle", the groups SE-6 means, an overlap benchmark for
/// team-teaching, IET-specific review and records; ids unchanged.
#[test]
fn level_descriptors_say_how_often_and_how_much() {
    let b = embedded::builtin().unwrap();
    for (_, i) in b.rubric.indicators() {
        for level in &i.levels {
            let l = level.to_lowercase();
            assert!(
                !l.contains("regularly") && !l.contains("every cycle") && !l.contains("recently"),
                "{}: {level}",
                i.id
            );
        }
    }
    let ind = |id: &str| b.rubric.indicator(id).unwrap().1.clone();
    let se6 = ind("SE-6").description;
    for group in [
        "English learners",
        "adult basic education learners",
        "entry skill level",
        "correctional facilities",
    ] {
        assert!(se6.contains(group), "SE-6: {group}");
    }
    let cu5 = ind("CU-5");
    assert!(
        cu5.description
            .contains("at least half of the instructional time")
    );
    assert!(cu5.levels[3].contains("at least half of the instructional time"));
    assert!(ind("PM-6").description.contains("IET outcomes"));
    assert!(ind("PM-7").levels[3].contains("IET flag"));
    // One condition more per level where levels bundled three or more.
    for id in ["PD-4", "CI-6", "SE-1"] {
        let top = &ind(id).levels[3];
        assert!(top.matches(',').count() <= 2, "{id}: {top}");
    }
    // The rubric's version moved; the indicators are the same ones.
    assert_eq!(b.rubric.version, "2026.2");
    assert_eq!(b.rubric.indicator_count(), 35);
}

/// Every federal test and every Oregon key feature the screener asks is
/// also rated somewhere in the rubric: the federal ones by an indicator
/// citing the same section, the Oregon ones by an indicator naming the
/// feature.
#[test]
fn every_screener_test_is_rated_by_some_indicator() {
    let b = embedded::builtin().unwrap();
    let indicators: Vec<_> = b.rubric.indicators().map(|(_, i)| i.clone()).collect();
    for q in b.screener.questions.iter().filter(|q| q.required) {
        match q.group {
            TestGroup::Federal => {
                let sections: Vec<&str> = q
                    .cite
                    .iter()
                    .filter_map(|c| c.strip_prefix("34 CFR "))
                    .map(|c| &c[..6])
                    .collect();
                assert!(
                    !sections.is_empty(),
                    "{} cites a section of 34 CFR 463",
                    q.id
                );
                assert!(
                    indicators.iter().any(|i| i
                        .cite
                        .iter()
                        .any(|c| sections.iter().any(|s| c.contains(s)))),
                    "{}: no indicator cites {sections:?}",
                    q.id
                );
            }
            TestGroup::OregonKeyFeature => {
                let feature = q.prompt.split(':').next().unwrap();
                assert!(
                    indicators.iter().any(|i| i
                        .description
                        .contains(&format!("Oregon's {feature} key feature"))),
                    "{}: no indicator names the {feature} key feature",
                    q.id
                );
            }
            TestGroup::GoodPractice => unreachable!("never required"),
        }
    }
}
