//! Reports and exports: each format for a sample assessment, read back the
//! way a spreadsheet, a browser or a Markdown tool would read it.

mod common;

use ietkit::model::assessment::{
    ActionItem, ActionStatus, Assessment, Evidence, Profile, Purpose, Rating,
};
use ietkit::report::{self, Kind, Subject};
use ietkit::store::{assessment_file, embedded};

const SAMPLE: &str = "examples/assessments/welding-fabrication-iet-2026-27.ron";

fn builtin() -> embedded::Builtin {
    embedded::builtin().expect("built-in content loads")
}

fn sample() -> Assessment {
    assessment_file::read(&common::root().join(SAMPLE))
        .expect("sample reads")
        .assessment
}

fn export(a: &Assessment, kind: Kind) -> String {
    let b = builtin();
    report::export(&Subject::new(&b.rubric, &b.screener, a), kind)
}

/// Text a team might paste in: commas, quotes, line breaks, Markdown and
/// HTML syntax, and terminal control sequences.
const HOSTILE: &str = "Met \"twice\", with <script>alert('x')</script> & [a link](http://evil.example)\n# not a heading\n\u{1b}]0;title\u{7}\u{1b}[2J| pipe \u{202e}reversed";

fn hostile() -> Assessment {
    let b = builtin();
    let profile = Profile {
        program: "Welding <b>\"IET\"</b>, 2nd & final".into(),
        college: "Cascade\u{1b}[31m College".into(),
        ..Profile::default()
    };
    let mut a = Assessment::new(&b.rubric, profile, Purpose::NewDesign, "2026-27");
    let r = a.response_mut("PD-3");
    r.rating = Rating::Level(2);
    r.unsure = true;
    r.notes = HOSTILE.into();
    r.evidence.push(Evidence {
        what: "<img src=x onerror=alert(1)>".into(),
        location: "Binder, tab \"3\"".into(),
        holder: "Coordinator\u{9b}2J".into(),
        date: None,
        recheck: false,
    });
    r.actions.push(ActionItem {
        what: "Fix, then \"check\"\nagain".into(),
        owner: "CTE chair".into(),
        due: Some("2027-01-15".parse().unwrap()),
        status: ActionStatus::Planned,
    });
    a.response_mut("CI-6").rating = Rating::NotApplicable {
        reason: "Runs on campus, not \"inside\"".into(),
    };
    a
}

#[test]
fn markdown_report_of_the_sample() {
    insta::assert_snapshot!("export_markdown", export(&sample(), Kind::Markdown));
}

#[test]
fn csv_of_the_sample() {
    insta::assert_snapshot!("export_csv", export(&sample(), Kind::Csv));
    insta::assert_snapshot!("export_csv_actions", export(&sample(), Kind::CsvActions));
}

#[test]
fn html_of_the_sample() {
    insta::assert_snapshot!("export_html", export(&sample(), Kind::Html));
}

#[test]
fn json_of_the_sample() {
    insta::assert_snapshot!("export_json", export(&sample(), Kind::Json));
}

#[test]
fn summary_of_the_sample_with_and_without_explanation() {
    let b = builtin();
    let a = sample();
    let subject = Subject::new(&b.rubric, &b.screener, &a);
    let plain = report::summary::text(&subject, false);
    assert!(
        plain.lines().all(|l| l.chars().count() <= 80),
        "fits 80 columns:\n{plain}"
    );
    insta::assert_snapshot!("summary_plain", plain);
    insta::assert_snapshot!("summary_explain", report::summary::text(&subject, true));
}

fn parse_csv(text: &str) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes())
        .records()
        .collect::<Result<_, _>>()
        .expect("the CSV parses")
}

#[test]
fn csv_reads_back_to_the_same_values() {
    let a = hostile();
    let text = export(&a, Kind::Csv);
    let header = csv::Reader::from_reader(text.as_bytes())
        .headers()
        .unwrap()
        .clone();
    assert_eq!(
        header.iter().collect::<Vec<_>>(),
        report::csv::INDICATOR_HEADER
    );
    let rows = parse_csv(&text);
    assert_eq!(rows.len(), 35, "one row per indicator");
    let pd3 = rows.iter().find(|r| &r[2] == "PD-3").unwrap();
    assert_eq!(&pd3[0], "PD");
    assert_eq!(&pd3[4], "2");
    assert_eq!(&pd3[5], "Developing");
    assert_eq!(&pd3[7], "yes");
    let mut cleaned = a.clone();
    assessment_file::clean_text(&mut cleaned);
    let notes = &cleaned.response("PD-3").unwrap().notes;
    assert_eq!(
        &pd3[8], notes,
        "notes come back whole, line breaks included"
    );
    assert!(pd3[8].contains("Met \"twice\", with <script>"));
    assert!(pd3[8].contains('\n'));
    assert!(!pd3[8].contains('\u{1b}'), "no escape character survives");
    assert_eq!((&pd3[9], &pd3[10], &pd3[11]), ("1", "1", "1"));
    let ci6 = rows.iter().find(|r| &r[2] == "CI-6").unwrap();
    assert_eq!(&ci6[4], "N/A");
    assert_eq!(&ci6[6], "Runs on campus, not \"inside\"");
    let unrated = rows.iter().find(|r| &r[2] == "PD-1").unwrap();
    assert_eq!((&unrated[4], &unrated[5]), ("", "Not rated yet"));

    let actions = parse_csv(&export(&a, Kind::CsvActions));
    assert_eq!(actions.len(), 1);
    assert_eq!(&actions[0][0], "2027-01-15");
    // An action is one line; a line break typed into it became a space.
    assert_eq!(&actions[0][1], "Fix, then \"check\" again");
    assert_eq!(&actions[0][3], "planned");
    assert_eq!(&actions[0][4], "PD-3");
}

#[test]
fn html_is_well_formed_self_contained_and_escapes_what_teams_wrote() {
    let html = export(&hostile(), Kind::Html);
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc =
        roxmltree::Document::parse_with_options(&html, options).expect("the HTML is well-formed");
    assert!(!html.to_lowercase().contains("<script"), "no scripts");
    assert!(
        !export(&sample(), Kind::Html).contains("http"),
        "nothing fetched or linked"
    );
    assert!(!html.contains("<img"), "no element from the text");
    let names: Vec<&str> = doc
        .descendants()
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name())
        .collect();
    for forbidden in ["script", "img", "b", "link", "iframe"] {
        assert!(!names.contains(&forbidden), "<{forbidden}> in the output");
    }
    for node in doc.descendants().filter(|n| n.is_element()) {
        for attr in node.attributes() {
            let v = attr.value().to_lowercase();
            assert!(
                !v.contains("http") && !v.contains("url(") && !attr.name().starts_with("on"),
                "attribute {}={v} on <{}>",
                attr.name(),
                node.tag_name().name()
            );
        }
    }
    let text: String = doc
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    assert!(
        text.contains("Welding <b>\"IET\"</b>, 2nd & final"),
        "the program name reads as the team wrote it"
    );
    assert!(text.contains("<script>alert('x')</script>"));
    assert!(text.contains("<img src=x onerror=alert(1)>"));
    // Each category and the action plan start a printed page.
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("section")
                && n.attribute("class")
                    .is_some_and(|c| c == "category" || c == "plan"))
            .count(),
        6
    );
    assert!(html.contains("break-before: page"));
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("svg")).count(),
        6 + 5,
        "a bar per category and overall in the summary, and one per category section"
    );
}

#[test]
fn markdown_keeps_team_text_literal() {
    let md = export(&hostile(), Kind::Markdown);
    assert!(
        md.match_indices('<').all(|(i, _)| md[..i].ends_with('\\')),
        "every < is escaped, so no raw HTML:\n{md}"
    );
    assert!(md.contains(r"\<script>"));
    assert!(
        md.contains(r"\[a link\](http://evil.example)"),
        "no live link"
    );
    assert!(
        md.contains("\\# not a heading"),
        "a # at a line start is not a heading"
    );
    assert!(md.contains("# IET self-assessment: Welding \\<b>\"IET\"\\</b>, 2nd & final, 2026-27"));
    // Table rows keep their shape: a | in text never splits a cell.
    for line in md.lines().filter(|l| l.starts_with("| ")) {
        let cells = line.replace("\\|", "").matches('|').count();
        assert!(
            cells == 3 || cells == 4 || cells == 6 || cells == 7,
            "{line}"
        );
    }
}

#[test]
fn no_format_carries_a_raw_control_character() {
    let a = hostile();
    for kind in Kind::ALL {
        let out = export(&a, kind);
        let mut chars = out.chars().peekable();
        while let Some(c) = chars.next() {
            let crlf = c == '\r' && chars.peek() == Some(&'\n');
            assert!(
                !ietkit::text::is_unsafe(c) || c == '\n' || crlf,
                "{kind:?} carries {}",
                ietkit::text::codepoint(c)
            );
        }
    }
}

#[test]
fn json_holds_the_whole_assessment_and_its_scores() {
    let a = sample();
    let v: serde_json::Value = serde_json::from_str(&export(&a, Kind::Json)).unwrap();
    let back: Assessment =
        serde_json::from_value(v["assessment"].clone()).expect("the assessment reads back");
    assert_eq!(back, a);
    assert_eq!(v["scores"]["overall"]["rated"], 34);
    assert_eq!(v["scores"]["overall"]["mean"], 2.18);
    assert_eq!(v["scores"]["categories"][0]["id"], "PD");
    assert_eq!(v["scores"]["categories"][0]["mean"], 2.5);
    assert_eq!(v["screener"]["verdicts"][0]["standard"], "federal");
    assert_eq!(v["screener"]["verdicts"][0]["result"], "meets");
    assert_eq!(v["screener"]["verdicts"][1]["standard"], "oregon");
    assert_eq!(v["screener"]["verdicts"][1]["name"], "Oregon key features");
}

#[test]
fn file_names_come_from_program_and_cycle() {
    let b = builtin();
    let a = sample();
    let s = Subject::new(&b.rubric, &b.screener, &a);
    assert_eq!(
        s.file_name(Kind::Markdown),
        "welding-fabrication-iet-2026-27.md"
    );
    assert_eq!(
        s.file_name(Kind::CsvActions),
        "welding-fabrication-iet-2026-27-actions.csv"
    );
    let blank = Assessment::new(&b.rubric, Profile::default(), Purpose::NewDesign, "");
    let s = Subject::new(&b.rubric, &b.screener, &blank);
    assert_eq!(s.file_name(Kind::Html), "unnamed-program.html");
}

#[test]
fn every_csv_record_ends_with_crlf_as_rfc_4180_says() {
    // (The snapshots cannot tell: they compare lines, whatever ends them.)
    for a in [sample(), hostile()] {
        for kind in [Kind::Csv, Kind::CsvActions] {
            let text = export(&a, kind);
            assert!(text.ends_with("\r\n"), "{kind:?}");
            let mut quoted = false;
            let mut before = '\0';
            let mut records = 0;
            for c in text.chars() {
                match c {
                    '"' => quoted = !quoted,
                    '\n' if !quoted => {
                        assert_eq!(before, '\r', "{kind:?}: a record ends with a bare LF");
                        records += 1;
                    }
                    _ => {}
                }
                before = c;
            }
            assert_eq!(
                records,
                parse_csv(&text).len() + 1,
                "{kind:?}: the header too"
            );
        }
    }
}

/// The action plan runs by due date, the undated last, in the CSV and in
/// the Markdown report.
#[test]
fn the_action_plan_runs_by_due_date_with_the_undated_last() {
    let b = builtin();
    let mut a = Assessment::new(&b.rubric, Profile::default(), Purpose::NewDesign, "2026-27");
    for (id, what, due) in [
        ("PD-1", "Undated first in the file", None),
        ("PD-2", "Due in March", Some("2027-03-01")),
        ("CI-1", "Due in January", Some("2027-01-15")),
    ] {
        a.response_mut(id).actions.push(ActionItem {
            what: what.into(),
            owner: "Coordinator".into(),
            due: due.map(|d| d.parse().unwrap()),
            status: ActionStatus::Planned,
        });
    }
    let order = [
        "Due in January",
        "Due in March",
        "Undated first in the file",
    ];
    let csv = export(&a, Kind::CsvActions);
    let rows: Vec<String> = parse_csv(&csv).iter().map(|r| r[1].to_string()).collect();
    assert_eq!(rows, order, "{csv}");
    let md = export(&a, Kind::Markdown);
    let (_, plan) = md.split_once("\n## Action plan").expect("an action plan");
    let at: Vec<usize> = order.iter().map(|w| plan.find(w).unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{md}");
}

/// JSON says `null` for a mean with nothing rated, and each verdict of the
/// screener by its own word.
#[test]
fn json_says_null_for_no_mean_and_names_each_verdict() {
    use ietkit::model::screener::Answer;
    let b = builtin();
    let mut a = Assessment::new(&b.rubric, Profile::default(), Purpose::NewDesign, "2026-27");
    a.response_mut("PD-1").rating = Rating::Level(2);
    let json = |a: &Assessment| -> serde_json::Value {
        serde_json::from_str(&export(a, Kind::Json)).unwrap()
    };
    let v = json(&a);
    assert_eq!(v["scores"]["categories"][0]["mean"], 2.0);
    assert_eq!(
        v["scores"]["categories"][1]["mean"],
        serde_json::Value::Null
    );
    let result = |v: &serde_json::Value, i: usize| v["screener"]["verdicts"][i]["result"].clone();
    assert_eq!(result(&v, 0), "needs_information");
    assert_eq!(result(&v, 1), "needs_information");
    for q in &b.screener.questions {
        a.screener.insert(q.id.clone(), Answer::Yes);
    }
    assert_eq!(result(&json(&a), 0), "meets");
    assert_eq!(result(&json(&a), 1), "meets");
    // An Oregon feature answered no: the federal verdict stands.
    a.screener.insert("OR-2".into(), Answer::No);
    let v = json(&a);
    assert_eq!(result(&v, 0), "meets");
    assert_eq!(result(&v, 1), "not_yet");
    assert_eq!(
        v["screener"]["verdicts"][1]["failed"],
        serde_json::json!(["OR-2"])
    );
    a.screener.insert("F-1".into(), Answer::NotSure);
    let v = json(&a);
    assert_eq!(result(&v, 0), "needs_information");
    assert_eq!(
        v["screener"]["verdicts"][0]["open"],
        serde_json::json!(["F-1"])
    );
}

/// The screener's open points, in the Markdown and the HTML report: the
/// required tests answered no with what to do, those not answered yet, and
/// the good practice to look at.
#[test]
fn reports_list_the_screeners_open_points_by_kind() {
    use ietkit::model::screener::{Answer, TestGroup};
    let b = builtin();
    let mut a = Assessment::new(&b.rubric, Profile::default(), Purpose::NewDesign, "2026-27");
    for q in &b.screener.questions {
        a.screener.insert(q.id.clone(), Answer::Yes);
    }
    let find = |id: &str| b.screener.questions.iter().find(|q| q.id == id).unwrap();
    // A federal test answered no, an Oregon feature left open.
    let (failed, open) = (find("F-3"), find("OR-4"));
    a.screener.insert(failed.id.clone(), Answer::No);
    a.screener.remove(&open.id);
    let advice = b
        .screener
        .questions
        .iter()
        .find(|q| q.group == TestGroup::GoodPractice)
        .expect("a good-practice question");
    a.screener.insert(advice.id.clone(), Answer::No);
    for kind in [Kind::Markdown, Kind::Html] {
        let text = export(&a, kind);
        let at = |what: &str| {
            text.find(what)
                .unwrap_or_else(|| panic!("{kind:?} lacks {what:?}"))
        };
        // Both verdicts, each with its result.
        at("Federal definition (34 CFR 463.35-463.38)");
        at("not yet");
        at("Oregon key features");
        at("needs information");
        let heads = [
            at("Federal definition (34 CFR 463.35-463.38): required tests answered no"),
            at("Oregon key features: required tests not answered yet or not sure"),
            at("Good practice to look at"),
        ];
        assert!(heads.windows(2).all(|w| w[0] < w[1]), "{kind:?}: in order");
        assert!(
            !text.contains("Oregon key features: required tests answered no"),
            "{kind:?}: no Oregon feature was answered no"
        );
        let first_words = |s: &str| s.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
        for q in [failed, open, advice] {
            at(&first_words(&q.prompt));
        }
        at(&first_words(&failed.if_no));
        assert!(at(&first_words(&failed.prompt)) > heads[0]);
        assert!(at(&first_words(&open.prompt)) > heads[1]);
    }
}

/// "Is this an IET?" as a spreadsheet: a row per verdict, then a row per
/// question with the standard it counts toward and the answer kept.
#[test]
fn the_screener_csv_gives_both_verdicts_then_every_question() {
    use ietkit::model::screener::Answer;
    let b = builtin();
    let mut a = Assessment::new(&b.rubric, Profile::default(), Purpose::NewDesign, "2026-27");
    a.profile.program = "Welding IET".into();
    for q in &b.screener.questions {
        a.screener.insert(q.id.clone(), Answer::Yes);
    }
    a.screener.insert("OR-4".into(), Answer::No);
    a.screener.remove("GP-1");
    let text = export(&a, Kind::CsvScreener);
    assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'));
    let rows: Vec<Vec<String>> = parse_csv(&text)
        .iter()
        .map(|r| r.iter().map(str::to_string).collect())
        .collect();
    assert_eq!(
        text.lines().next().unwrap(),
        "standard,result,question,required,answer,question text,program"
    );
    assert_eq!(
        rows[0][..2],
        ["Federal definition (34 CFR 463.35-463.38)", "meets"]
    );
    assert_eq!(rows[1][..2], ["Oregon key features", "not yet"]);
    assert_eq!(rows.len(), 2 + b.screener.questions.len());
    let row = |id: &str| rows.iter().find(|r| r[2] == id).unwrap().clone();
    assert_eq!(row("OR-4")[0], "Oregon key features");
    assert_eq!(row("OR-4")[3..5], ["yes", "no"]);
    assert_eq!(row("F-9")[0], "Federal definition (34 CFR 463.35-463.38)");
    assert_eq!(row("GP-1")[0], "Good practice (decides neither verdict)");
    assert_eq!(row("GP-1")[3..5], ["no", ""]);
    assert!(rows.iter().all(|r| r[6] == "Welding IET, 2026-27"));
    let b2 = builtin();
    let s = Subject::new(&b2.rubric, &b2.screener, &a);
    assert_eq!(
        s.file_name(Kind::CsvScreener),
        "welding-iet-2026-27-screener.csv"
    );
}
