//! Rules a rubric, toolkit or screener must follow beyond being valid RON.
//!
//! Each problem says where it is (by an anchor the loader turns into a line
//! number) and what to do about it.

use std::collections::{HashMap, HashSet};

use super::rubric::Rubric;
use super::screener::{Screener, TestGroup};
use super::toolkit::{Section, Toolkit};
use crate::text;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub anchor: Anchor,
    /// Where in the structure, in words: `indicator PD-3 in category PD`.
    pub place: String,
    pub message: String,
}

/// What the loader searches the source for to report a line number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// The `nth` (from 0) line of the form `id: "<id>"`.
    Id { id: String, nth: usize },
    /// The first line holding `<key>:`.
    Key(&'static str),
}

/// Collects problems and counts id occurrences in file order, so a repeated
/// id is anchored at the right line.
#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    seen: HashMap<String, usize>,
}

impl Checker {
    /// Registers one more entity with this id and returns its anchor.
    fn id_anchor(&mut self, id: &str) -> Anchor {
        let count = self.seen.entry(id.to_string()).or_default();
        let nth = *count;
        *count += 1;
        Anchor::Id {
            id: id.to_string(),
            nth,
        }
    }

    fn report(&mut self, anchor: &Anchor, place: &str, message: String) {
        self.problems.push(Problem {
            anchor: anchor.clone(),
            place: place.to_string(),
            message,
        });
    }

    /// A required piece of text: present, and free of control characters.
    fn text(&mut self, anchor: &Anchor, place: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.report(anchor, place, format!("`{field}` is empty: write it out."));
        } else {
            self.safe(anchor, place, field, value);
        }
    }

    /// Optional text: if present, free of control characters.
    fn safe(&mut self, anchor: &Anchor, place: &str, field: &str, value: &str) {
        if let Some(c) = text::first_unsafe(value) {
            self.report(
                anchor,
                place,
                format!(
                    "`{field}` contains an invisible control character ({}): delete it; it could disturb the screen.",
                    text::codepoint(c)
                ),
            );
        }
    }

    fn id(&mut self, anchor: &Anchor, place: &str, id: &str) {
        if id.trim().is_empty() {
            self.report(
                anchor,
                place,
                "the `id` is empty: give it a short code such as PD-3.".into(),
            );
        } else if !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            self.report(
                anchor,
                place,
                format!(
                    "the id \"{}\" may use only letters, digits, '-', '_' and '.' (no spaces).",
                    text::clean_line(id)
                ),
            );
        }
    }

    fn paragraphs(&mut self, anchor: &Anchor, place: &str, field: &str, paragraphs: &[String]) {
        if paragraphs.iter().all(|p| p.trim().is_empty()) {
            self.report(
                anchor,
                place,
                format!("`{field}` has no text: add at least one paragraph."),
            );
        }
        for p in paragraphs {
            self.safe(anchor, place, field, p);
        }
    }
}

pub fn validate_rubric(rubric: &Rubric) -> Vec<Problem> {
    let mut ck = Checker::default();
    let top = ck.id_anchor(&rubric.id);
    let place = "the rubric";
    ck.id(&top, place, &rubric.id);
    ck.text(&top, place, "version", &rubric.version);
    ck.text(&top, place, "title", &rubric.title);
    ck.text(&top, place, "note", &rubric.note);

    let scale = &rubric.scale;
    let at_scale = Anchor::Key("scale");
    if scale.levels.len() < 2 {
        ck.report(
            &at_scale,
            "the scale",
            format!(
                "the scale has {}; a rating needs at least 2 to choose between.",
                text::count(scale.levels.len(), "level", "levels")
            ),
        );
    }
    for (position, level) in scale.levels.iter().enumerate() {
        let place = format!("scale level {}", level.value);
        if usize::from(level.value) != position {
            ck.report(
                &at_scale,
                &place,
                format!(
                    "level values must count up from 0 in order: expected {position} here, found {}.",
                    level.value
                ),
            );
        }
        ck.text(&at_scale, &place, "name", &level.name);
        ck.text(&at_scale, &place, "meaning", &level.meaning);
    }
    let mut names = HashSet::new();
    for level in &scale.levels {
        if !level.name.trim().is_empty() && !names.insert(level.name.trim().to_lowercase()) {
            ck.report(
                &at_scale,
                "the scale",
                format!(
                    "two levels are both called \"{}\": give each its own name.",
                    text::clean_line(&level.name)
                ),
            );
        }
    }
    for (field, mark) in [
        ("not_applicable", &scale.not_applicable),
        ("unsure", &scale.unsure),
    ] {
        let place = format!("the scale's `{field}` mark");
        ck.text(&at_scale, &place, "name", &mark.name);
        ck.text(&at_scale, &place, "meaning", &mark.meaning);
    }

    if rubric.categories.is_empty() {
        ck.report(
            &top,
            place,
            "the rubric has no categories: add at least one.".into(),
        );
    }
    let mut category_ids: HashMap<&str, usize> = HashMap::new();
    let mut indicator_ids: HashMap<&str, String> = HashMap::new();
    for category in &rubric.categories {
        let anchor = ck.id_anchor(&category.id);
        let cplace = format!("category {}", text::clean_line(&category.id));
        ck.id(&anchor, &cplace, &category.id);
        if let Some(n) = category_ids.get(category.id.as_str()) {
            ck.report(
                &anchor,
                &cplace,
                format!(
                    "the category id \"{}\" is used {} times: give each category its own id.",
                    text::clean_line(&category.id),
                    n + 1
                ),
            );
        }
        *category_ids.entry(&category.id).or_default() += 1;
        ck.text(&anchor, &cplace, "name", &category.name);
        ck.text(&anchor, &cplace, "summary", &category.summary);
        if category.indicators.is_empty() {
            ck.report(
                &anchor,
                &cplace,
                "this category has no indicators: add at least one.".into(),
            );
        }

        for indicator in &category.indicators {
            let anchor = ck.id_anchor(&indicator.id);
            let place = format!("indicator {} in {cplace}", text::clean_line(&indicator.id));
            ck.id(&anchor, &place, &indicator.id);
            if let Some(first) = indicator_ids.get(indicator.id.as_str()) {
                ck.report(
                    &anchor,
                    &place,
                    format!(
                        "the id \"{}\" is already used by an indicator in {first}: ids must be unique, because saved ratings are matched to indicators by id.",
                        text::clean_line(&indicator.id)
                    ),
                );
            } else {
                indicator_ids.insert(&indicator.id, cplace.clone());
            }
            ck.text(&anchor, &place, "title", &indicator.title);
            ck.text(&anchor, &place, "description", &indicator.description);
            // With a broken scale, every indicator would repeat the same complaint.
            if scale.levels.len() >= 2 && indicator.levels.len() != scale.levels.len() {
                ck.report(
                    &anchor,
                    &place,
                    format!(
                        "`levels` has {} but the scale has {} levels: write one line for each level, lowest first.",
                        text::count(indicator.levels.len(), "line", "lines"),
                        scale.levels.len()
                    ),
                );
            }
            for (value, line) in indicator.levels.iter().enumerate() {
                if line.trim().is_empty() {
                    let name = scale
                        .levels
                        .get(value)
                        .map_or(String::new(), |l| format!(" ({})", l.name));
                    ck.report(
                        &anchor,
                        &place,
                        format!("the description of level {value}{name} is empty: say what this level looks like."),
                    );
                } else {
                    ck.safe(&anchor, &place, "levels", line);
                }
            }
            if indicator.evidence.iter().all(|e| e.trim().is_empty()) {
                ck.report(
                    &anchor,
                    &place,
                    "`evidence` has no examples: add at least one.".into(),
                );
            }
            for e in &indicator.evidence {
                ck.safe(&anchor, &place, "evidence", e);
            }
            for c in &indicator.cite {
                ck.text(&anchor, &place, "cite", c);
            }
        }
    }
    ck.problems
}

pub fn validate_toolkit(toolkit: &Toolkit, rubric: Option<&Rubric>) -> Vec<Problem> {
    let mut ck = Checker::default();
    let top = ck.id_anchor(&toolkit.id);
    let place = "the toolkit";
    ck.id(&top, place, &toolkit.id);
    ck.text(&top, place, "version", &toolkit.version);
    ck.text(&top, place, "title", &toolkit.title);
    ck.text(&top, place, "note", &toolkit.note);
    ck.text(&top, place, "rubric", &toolkit.rubric);
    if rubric.is_none() && !toolkit.rubric.trim().is_empty() {
        ck.report(
            &Anchor::Key("rubric"),
            place,
            format!(
                "it links to the rubric \"{}\", which is neither built in nor among the files checked: check that rubric file together with this one.",
                text::clean_line(&toolkit.rubric)
            ),
        );
    }
    if toolkit.sections.is_empty() {
        ck.report(
            &top,
            place,
            "the toolkit has no sections: add at least one.".into(),
        );
    }
    let mut ids = HashSet::new();
    check_sections(&mut ck, &toolkit.sections, rubric, &mut ids);
    ck.problems
}

fn check_sections<'a>(
    ck: &mut Checker,
    sections: &'a [Section],
    rubric: Option<&Rubric>,
    ids: &mut HashSet<&'a str>,
) {
    for section in sections {
        let anchor = ck.id_anchor(&section.id);
        let place = format!("section {}", text::clean_line(&section.id));
        ck.id(&anchor, &place, &section.id);
        if !ids.insert(&section.id) {
            ck.report(
                &anchor,
                &place,
                format!(
                    "the section id \"{}\" is used more than once: give each section its own id.",
                    text::clean_line(&section.id)
                ),
            );
        }
        ck.text(&anchor, &place, "title", &section.title);
        if section.sections.is_empty() || !section.body.is_empty() {
            ck.paragraphs(&anchor, &place, "body", &section.body);
        }
        for (i, r) in section.resources.iter().enumerate() {
            let rplace = format!("{place}, resource {}", i + 1);
            ck.text(&anchor, &rplace, "name", &r.name);
            ck.text(&anchor, &rplace, "publisher", &r.publisher);
            ck.text(&anchor, &rplace, "purpose", &r.purpose);
            if !super::toolkit::Resource::address_ok(&r.address) {
                ck.report(
                    &anchor,
                    &rplace,
                    format!(
                        "\"{}\" has no address a reader can use: give a web address (https://...) or an email address, so a team can find it on another device.",
                        text::clean_line(&r.name)
                    ),
                );
            }
        }
        if let Some(rubric) = rubric {
            for link in &section.links {
                if rubric.indicator(link).is_none() {
                    ck.report(
                        &anchor,
                        &place,
                        format!(
                            "it links to indicator \"{}\", which the rubric \"{}\" does not have: correct the id or remove the link.",
                            text::clean_line(link),
                            rubric.id
                        ),
                    );
                }
            }
        }
        check_sections(ck, &section.sections, rubric, ids);
    }
}

pub fn validate_screener(screener: &Screener) -> Vec<Problem> {
    let mut ck = Checker::default();
    let top = ck.id_anchor(&screener.id);
    let place = "the screener";
    ck.id(&top, place, &screener.id);
    ck.text(&top, place, "version", &screener.version);
    ck.text(&top, place, "title", &screener.title);
    ck.text(&top, place, "note", &screener.note);
    ck.paragraphs(&top, place, "intro", &screener.intro);
    for item in &screener.not_required {
        ck.text(&Anchor::Key("not_required"), place, "not_required", item);
    }
    let mut ids = HashSet::new();
    for q in &screener.questions {
        let anchor = ck.id_anchor(&q.id);
        let qplace = format!("question {}", text::clean_line(&q.id));
        ck.id(&anchor, &qplace, &q.id);
        if !ids.insert(q.id.as_str()) {
            ck.report(
                &anchor,
                &qplace,
                format!(
                    "the question id \"{}\" is used more than once: answers are kept by id, so each needs its own.",
                    text::clean_line(&q.id)
                ),
            );
        }
        ck.text(&anchor, &qplace, "prompt", &q.prompt);
        ck.text(&anchor, &qplace, "why", &q.why);
        ck.text(&anchor, &qplace, "if_no", &q.if_no);
        if q.required && q.group == TestGroup::GoodPractice {
            ck.report(
                &anchor,
                &qplace,
                "a good-practice question cannot be required: only federal tests and Oregon key features decide a verdict. Set `required: false`, or move it to the group it tests.".into(),
            );
        }
    }
    let at = Anchor::Key("verdicts");
    for (key, group, standard) in [
        ("federal", TestGroup::Federal, &screener.verdicts.federal),
        (
            "oregon",
            TestGroup::OregonKeyFeature,
            &screener.verdicts.oregon,
        ),
    ] {
        let splace = format!("verdicts `{key}`");
        ck.text(&at, &splace, "name", &standard.name);
        for (name, v) in [
            ("meets", &standard.meets),
            ("not_yet", &standard.not_yet),
            ("needs_information", &standard.needs_information),
        ] {
            ck.text(&at, &splace, name, v);
        }
        if !screener
            .questions
            .iter()
            .any(|q| q.required && q.group == group)
        {
            ck.report(
                &at,
                &splace,
                format!(
                    "no required question is in the group `{group:?}`, so every program would meet \"{}\": mark the tests that decide it `required: true`.",
                    text::clean_line(&standard.name)
                ),
            );
        }
    }
    ck.problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::embedded;

    fn messages(problems: &[Problem]) -> String {
        problems
            .iter()
            .map(|p| format!("{}: {}", p.place, p.message))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_shipped_files_pass_and_two_levels_are_enough() {
        let b = embedded::builtin().unwrap();
        assert!(validate_rubric(&b.rubric).is_empty());
        assert!(validate_toolkit(&b.toolkit, Some(&b.rubric)).is_empty());
        let mut two = b.rubric.clone();
        two.scale.levels.truncate(2);
        for category in &mut two.categories {
            for indicator in &mut category.indicators {
                indicator.levels.truncate(2);
            }
        }
        let said = messages(&validate_rubric(&two));
        assert_eq!(said, "", "two levels are a scale");
        two.scale.levels.truncate(1);
        let said = messages(&validate_rubric(&two));
        assert!(said.contains("a rating needs at least 2"), "{said}");
    }

    /// A section needs text of its own unless it only groups others; any
    /// text it has is checked either way.
    #[test]
    fn a_section_needs_text_unless_it_groups_others() {
        let b = embedded::builtin().unwrap();
        let mut toolkit = b.toolkit.clone();
        let leaf = toolkit
            .sections
            .iter_mut()
            .flat_map(|s| s.sections.iter_mut())
            .find(|s| s.sections.is_empty())
            .expect("a section without sections");
        leaf.body = vec![" ".into()];
        let leaf_id = leaf.id.clone();
        let said = messages(&validate_toolkit(&toolkit, Some(&b.rubric)));
        assert!(
            said.contains(&format!("section {leaf_id}: `body` has no text")),
            "{said}"
        );

        let mut toolkit = b.toolkit.clone();
        let parent = toolkit
            .sections
            .iter_mut()
            .find(|s| !s.sections.is_empty())
            .expect("a section with sections");
        parent.body.clear();
        let parent_id = parent.id.clone();
        let said = messages(&validate_toolkit(&toolkit, Some(&b.rubric)));
        assert!(
            !said.contains(&format!("section {parent_id}:")),
            "a section that groups others may have no text: {said}"
        );
        let parent = toolkit
            .sections
            .iter_mut()
            .find(|s| s.id == parent_id)
            .unwrap();
        parent.body = vec!["Read this \u{202E}first".into()];
        let said = messages(&validate_toolkit(&toolkit, Some(&b.rubric)));
        assert!(
            said.contains(&format!("section {parent_id}:")),
            "but what text it has is checked: {said}"
        );
    }
}
