//! No output of ietkit can run a formula in a spreadsheet or a control
//! sequence in a terminal: arbitrary text, control and invisible characters
//! among it, in every field of an assessment, through every export and every
//! command that prints an assessment.

mod common;

use ietkit::model::assessment::{
    ActionItem, ActionStatus, Assessment, Assessor, Evidence, Partner, PartnerLead, Profile,
    Purpose, Rating,
};
use ietkit::model::changes::{self, Edit, Origin, Person, What, Who};
use ietkit::model::screener::Answer;
use ietkit::model::timestamp::Timestamp;
use ietkit::report::{self, Kind, Subject};
use ietkit::store::{assessment_file, embedded};
use proptest::prelude::*;

/// Characters a hostile or careless text could hold: controls (C0, DEL,
/// C1), bidi overrides and isolates, zero-width characters, a joiner in
/// and out of emoji, what starts a formula, CSV and Markdown syntax, and
/// plain letters.
fn hostile_char() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        (0x7fu32..0xa0).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        prop::sample::select(vec![
            "\u{202a}", "\u{202b}", "\u{202c}", "\u{202d}", "\u{202e}", "\u{2066}", "\u{2067}",
            "\u{2068}", "\u{2069}", "\u{200b}", "\u{200c}", "\u{200d}", "\u{200e}", "\u{200f}",
            "\u{2060}", "\u{feff}", "\u{61c}",
        ])
        .prop_map(str::to_string),
        prop::sample::select(vec![
            "👩\u{200d}👩\u{200d}👧",
            "👍🏽",
            "a\u{200d}b",
            "=",
            "+",
            "-",
            "@",
            "=SUM(A1)",
            "@cmd",
            "-2+3",
            ",",
            "\"",
            "\n",
            "\r",
            "\t",
            "|",
            "#",
            "<b>",
            "&",
            "'",
        ])
        .prop_map(str::to_string),
        "[a-zA-Z0-9 ]{1,4}",
    ]
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_char(), 0..12).prop_map(|parts| parts.concat())
}

/// An assessment with `t[i % len]` in every text field there is.
fn assessment_with(t: &[String]) -> Assessment {
    let b = embedded::builtin().unwrap();
    let mut next = {
        let mut i = 0;
        move || {
            i += 1;
            t[i % t.len()].clone()
        }
    };
    let profile = Profile {
        college: next(),
        program: next(),
        cte_area: next(),
        credentials: vec![next(), next()],
        partners: vec![
            PartnerLead {
                partner: Partner::AdultBasicSkills,
                lead: next(),
            },
            PartnerLead {
                partner: Partner::Other(next()),
                lead: next(),
            },
        ],
        site: ietkit::model::assessment::Site {
            kind: ietkit::model::assessment::SiteKind::Other,
            name: next(),
        },
        ..Profile::default()
    };
    let mut a = Assessment::new(&b.rubric, profile, Purpose::NewDesign, &next());
    a.assessors = vec![
        Assessor {
            name: next(),
            partner: Partner::Other(next()),
        },
        Assessor {
            name: next(),
            partner: Partner::CareerPathways,
        },
    ];
    for (i, id) in ["PD-1", "PD-2", "CI-6", "SE-6"].iter().enumerate() {
        let r = a.response_mut(id);
        r.notes = format!("{}\n{}", next(), next());
        r.rating = if i == 2 {
            Rating::NotApplicable { reason: next() }
        } else {
            Rating::Level(u8::try_from(i).unwrap())
        };
        r.evidence.push(Evidence {
            what: next(),
            location: next(),
            holder: next(),
            date: None,
            recheck: false,
        });
        r.actions.push(ActionItem {
            what: next(),
            owner: next(),
            due: None,
            status: ActionStatus::Planned,
        });
    }
    a.screener.insert(next(), Answer::Yes);
    a.screener.insert("F-1".into(), Answer::No);
    let who = Who {
        login: next(),
        person: Person {
            name: next(),
            role: Some(Partner::Other(next())),
        },
    };
    changes::record(
        &mut a,
        &who,
        Timestamp(1_790_000_000),
        vec![
            What::Created {
                how: Origin::Consensus {
                    of: vec![next(), next()],
                },
            },
            What::Profile {
                field: next(),
                from: next(),
                to: next(),
            },
            What::Evidence {
                indicator: "PD-1".into(),
                change: Edit::Added,
                what: next(),
            },
        ],
    );
    a
}

/// Whether a CSV cell would start a formula in a spreadsheet.
fn formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && cell != "-"
        && cell.trim().parse::<f64>().is_err()
}

/// Nothing in `out` can act on a terminal; in CSV, no cell is a formula.
fn safe(what: &str, out: &str, csv: bool) -> Result<(), TestCaseError> {
    for line in out.lines() {
        if let Some(c) = ietkit::text::first_unsafe(line) {
            return Err(TestCaseError::fail(format!(
                "{what}: {} in {line:?}",
                ietkit::text::codepoint(c)
            )));
        }
    }
    if csv {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(out.trim_start_matches('\u{feff}').as_bytes());
        for record in reader.records() {
            let record = record.map_err(|e| TestCaseError::fail(format!("{what}: {e}")))?;
            for cell in record.iter() {
                prop_assert!(!formula(cell), "{}: formula cell {:?}", what, cell);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_export_is_safe_to_open(texts in prop::collection::vec(hostile_text(), 1..24)) {
        let b = embedded::builtin().unwrap();
        let a = assessment_with(&texts);
        let subject = Subject::new(&b.rubric, &b.screener, &a);
        for kind in Kind::ALL {
            let out = report::export(&subject, kind);
            safe(kind.label(), &out, kind.extension() == "csv")?;
        }
        let comparison = ietkit::model::comparison::compare(&b.rubric, &[&a, &a]);
        let labels = vec!["one".to_string(), "two".to_string()];
        let options = report::compare::Options { only_diff: false, ascii: false };
        safe("compare text", &report::compare::text(&comparison, &labels, &options), false)?;
        safe("compare md", &report::compare::markdown(&comparison, &labels, &options), false)?;
        safe("compare csv", &report::compare::csv(&comparison, &options), true)?;
        safe("log", &report::log::text("x", &a, &b.rubric.scale), false)?;
        safe("summary", &report::summary::text(&subject, true), false)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// The same through files and the commands that print them: the file
    /// written as a program other than ietkit might write it, read back
    /// cleaned.
    #[test]
    fn every_command_that_prints_an_assessment_is_safe(
        texts in prop::collection::vec(hostile_text(), 1..24)
    ) {
        let data = common::TempDir::new("safety");
        let folder = data.path().join("assessments");
        std::fs::create_dir_all(&folder).unwrap();
        let a = assessment_with(&texts);
        std::fs::write(folder.join("one.ron"), assessment_file::to_text(&a)).unwrap();
        std::fs::write(folder.join("two.ron"), assessment_file::to_text(&a)).unwrap();
        let data_dir = data.path().to_str().unwrap();
        for args in [
            vec!["list"],
            vec!["log", "one"],
            vec!["summary", "one", "--explain"],
            vec!["compare", "one", "two"],
            vec!["compare", "one", "two", "--format", "md"],
            vec!["compare", "one", "two", "--format", "csv"],
            vec!["export", "one", "--format", "md"],
            vec!["export", "one", "--format", "csv"],
            vec!["export", "one", "--format", "csv", "--actions"],
            vec!["export", "one", "--format", "html"],
            vec!["export", "one", "--format", "json"],
        ] {
            let mut argv = vec!["ietkit", "--data-dir", data_dir];
            argv.extend(&args);
            let cli = <ietkit::cli::Cli as clap::Parser>::try_parse_from(&argv).unwrap();
            let (mut out, mut err) = (Vec::new(), Vec::new());
            ietkit::cli::run(&cli, &mut out, &mut err).unwrap();
            let out = String::from_utf8(out).unwrap();
            let err = String::from_utf8(err).unwrap();
            let what = args.join(" ");
            safe(&what, &out, args.contains(&"csv"))?;
            safe(&what, &err, false)?;
        }
    }
}
