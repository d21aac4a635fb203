//! Small forms (evidence, action items, the program profile), the notes
//! editor and one-line prompts, built on ratatui-textarea.

use ratatui_textarea::{TextArea, WrapMode};

use crate::model::assessment::{
    ActionItem, ActionStatus, Assessor, ComponentHours, Evidence, Partner, PartnerLead, Profile,
    Purpose, Site, SiteKind,
};
use crate::model::changes::{Person, Who};
use crate::model::date::Date;
use crate::report::Kind;
use crate::text;

/// Cleans text typed or pasted into a field: no control characters; newlines
/// only where the field allows them.
pub fn clean_input(s: &str, multiline: bool) -> String {
    let s = s.replace('\r', "");
    if multiline {
        text::clean_keeping_newlines(&s)
    } else {
        text::clean_line(&s)
    }
}

/// The evidence form's question for evidence carried from an earlier cycle.
const RECHECK: &str = "Re-check";

pub fn one_line(value: &str) -> TextArea<'static> {
    let mut t = TextArea::new(vec![text::clean_line(value)]);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t
}

pub fn multi_line(value: &str) -> TextArea<'static> {
    let lines: Vec<String> = clean_input(value, true)
        .split('\n')
        .map(str::to_string)
        .collect();
    let mut t = TextArea::new(lines);
    t.set_wrap_mode(WrapMode::Word);
    t.move_cursor(ratatui_textarea::CursorMove::Bottom);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t
}

/// A key typed into a field, with a shell's Ctrl-U: clear back to the start
/// of the line (ratatui-textarea would undo, which surprises a shell user).
pub fn edit(t: &mut TextArea<'static>, key: ratatui::crossterm::event::KeyEvent) -> bool {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    if key.modifiers == KeyModifiers::CONTROL && key.code == KeyCode::Char('u') {
        return t.delete_line_by_head();
    }
    t.input(key)
}

/// The text of a one-line field.
/// The text of a one-line field, cleaned of anything typed that could act
/// on a terminal (a key can carry any character, not only a paste).
pub fn value(t: &TextArea<'_>) -> String {
    clean_input(&t.lines().join(" "), false).trim().to_string()
}

pub enum FieldValue {
    Text(Box<TextArea<'static>>),
    /// One of fixed options, changed with Left/Right or Space.
    Choice {
        options: Vec<String>,
        selected: usize,
    },
}

pub struct Field {
    pub label: &'static str,
    pub value: FieldValue,
    /// A short hint shown beside the field, e.g. the date format.
    pub hint: &'static str,
}

impl Field {
    fn text(label: &'static str, value: &str, hint: &'static str) -> Field {
        Field {
            label,
            value: FieldValue::Text(Box::new(one_line(value))),
            hint,
        }
    }

    fn choice<S: Into<String>>(label: &'static str, options: Vec<S>, selected: usize) -> Field {
        Field {
            label,
            value: FieldValue::Choice {
                options: options.into_iter().map(Into::into).collect(),
                selected,
            },
            hint: "Left/Right to change",
        }
    }

    pub fn text_value(&self) -> String {
        match &self.value {
            FieldValue::Text(t) => value(t),
            FieldValue::Choice { options, selected } => {
                options.get(*selected).cloned().unwrap_or_default()
            }
        }
    }

    fn selected(&self) -> usize {
        match &self.value {
            FieldValue::Choice { selected, .. } => *selected,
            FieldValue::Text(_) => 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    Evidence {
        indicator: String,
        index: Option<usize>,
    },
    Action {
        indicator: String,
        index: Option<usize>,
    },
    Profile,
    /// Choose the rubric of a new assessment; one rubric id per option.
    NewAssessment {
        ids: Vec<String>,
    },
    /// Export the open assessment; one default path per [`Kind::ALL`].
    Export {
        defaults: Vec<String>,
    },
    /// Who is working; `first` when they are asked for the first time.
    Person {
        first: bool,
    },
}

/// What the profile form gives: the profile, purpose, cycle and assessors.
pub type ProfileParts = (Profile, Purpose, String, Vec<Assessor>);

pub struct Form {
    pub kind: FormKind,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<String>,
    /// The field values when the form opened, to tell whether it changed.
    original: Vec<String>,
}

const STATUSES: [ActionStatus; 4] = [
    ActionStatus::Planned,
    ActionStatus::InProgress,
    ActionStatus::Done,
    ActionStatus::Dropped,
];
const SITES: [SiteKind; 6] = [
    SiteKind::Campus,
    SiteKind::CorrectionalFacility,
    SiteKind::Workplace,
    SiteKind::CommunitySite,
    SiteKind::Online,
    SiteKind::Other,
];
const PURPOSES: [Purpose; 3] = [
    Purpose::NewDesign,
    Purpose::EvaluatingExisting,
    Purpose::AfterSignificantChange,
];
/// The longest name a person may give themselves.
const MAX_NAME: usize = 60;

/// Whom a person can speak for, as offered in the "who are you" form; the
/// last choice is none of these.
const ROLES: [Partner; 6] = [
    Partner::AdultBasicSkills,
    Partner::CareerTechnicalEducation,
    Partner::CareerPathways,
    Partner::Corrections,
    Partner::WorkforceBoard,
    Partner::Employer,
];

/// The partner a role written in the assessors field names: ABS, CTE, CP,
/// DOC or their names, any other words as they are.
pub fn partner_named(text: &str) -> Partner {
    const NAMES: [(&[&str], Partner); 6] = [
        (&["abs", "adult basic skills"], Partner::AdultBasicSkills),
        (
            &[
                "cte",
                "career & technical education",
                "career and technical education",
            ],
            Partner::CareerTechnicalEducation,
        ),
        (&["cp", "career pathways"], Partner::CareerPathways),
        (
            &["doc", "corrections", "department of corrections"],
            Partner::Corrections,
        ),
        (&["workforce board"], Partner::WorkforceBoard),
        (&["employer"], Partner::Employer),
    ];
    let t = text.trim();
    let key = t.to_lowercase();
    NAMES
        .into_iter()
        .find(|(names, _)| names.contains(&key.as_str()))
        .map_or_else(|| Partner::Other(t.to_string()), |(_, p)| p)
}

/// The assessors as the profile form writes them: "Maria Lopez (ABS);
/// Sam Ortiz (CTE)".
pub fn assessors_text(assessors: &[Assessor]) -> String {
    assessors
        .iter()
        .map(|a| format!("{} ({})", a.name, a.partner.short()))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Reads the assessors field back: each "Name (partner)", separated by ;.
pub fn parse_assessors(text: &str) -> Result<Vec<Assessor>, String> {
    text.split(';')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let missing = || {
                format!(
                    "Assessors: say whom \"{part}\" speaks for in brackets, e.g. Maria Lopez (ABS); partners are ABS, CTE, CP, DOC or a name."
                )
            };
            let (name, rest) = part.rsplit_once('(').ok_or_else(missing)?;
            let role = rest.strip_suffix(')').ok_or_else(missing)?;
            if name.trim().is_empty() || role.trim().is_empty() {
                return Err(missing());
            }
            Ok(Assessor {
                name: name.trim().to_string(),
                partner: partner_named(role),
            })
        })
        .collect()
}

/// The partners with a lead field in the profile form, in order.
const LEAD_PARTNERS: [Partner; 4] = [
    Partner::AdultBasicSkills,
    Partner::CareerTechnicalEducation,
    Partner::CareerPathways,
    Partner::Corrections,
];

fn date_text(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn number_text(n: Option<u32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

impl Form {
    fn new(kind: FormKind, title: String, fields: Vec<Field>) -> Form {
        let original = fields.iter().map(Field::text_value).collect();
        Form {
            kind,
            title,
            fields,
            focus: 0,
            error: None,
            original,
        }
    }

    pub fn evidence(indicator: &str, index: Option<usize>, current: Option<&Evidence>) -> Form {
        let e = current.cloned().unwrap_or(Evidence {
            what: String::new(),
            location: String::new(),
            holder: String::new(),
            date: None,
            recheck: false,
        });
        let verb = if index.is_some() { "Edit" } else { "Add" };
        Form::new(
            FormKind::Evidence {
                indicator: indicator.to_string(),
                index,
            },
            format!("{verb} evidence for {indicator}"),
            {
                let mut fields = vec![
                    Field::text("What", &e.what, "e.g. signed partner agreement"),
                    Field::text("Where", &e.location, "folder, binder tab, web page"),
                    Field::text("Who holds it", &e.holder, "a staff role or name"),
                    Field::text("Date", &date_text(e.date), "YYYY-MM-DD, may be empty"),
                ];
                // Carried over from an earlier cycle: the team says when it
                // has looked again; keeping the form is not saying so.
                if e.recheck {
                    fields.push(Field::choice(
                        RECHECK,
                        vec!["still to re-check", "re-checked: it still holds"],
                        0,
                    ));
                }
                fields
            },
        )
    }

    pub fn action(indicator: &str, index: Option<usize>, current: Option<&ActionItem>) -> Form {
        let a = current.cloned().unwrap_or(ActionItem {
            what: String::new(),
            owner: String::new(),
            due: None,
            status: ActionStatus::Planned,
        });
        let verb = if index.is_some() { "Edit" } else { "Add" };
        let status = STATUSES.iter().position(|s| *s == a.status).unwrap_or(0);
        Form::new(
            FormKind::Action {
                indicator: indicator.to_string(),
                index,
            },
            format!("{verb} action item for {indicator}"),
            vec![
                Field::text("What", &a.what, "the step to take"),
                Field::text("Owner", &a.owner, "a staff role or name"),
                Field::text("Due", &date_text(a.due), "YYYY-MM-DD, may be empty"),
                Field::choice(
                    "Status",
                    STATUSES.iter().map(|s| s.label()).collect(),
                    status,
                ),
            ],
        )
    }

    pub fn profile(p: &Profile, purpose: Purpose, cycle: &str, assessors: &[Assessor]) -> Form {
        let lead = |partner: &Partner| {
            p.partners
                .iter()
                .find(|l| &l.partner == partner)
                .map(|l| l.lead.clone())
                .unwrap_or_default()
        };
        let site = SITES.iter().position(|s| *s == p.site.kind).unwrap_or(0);
        let purpose = PURPOSES.iter().position(|x| *x == purpose).unwrap_or(0);
        Form::new(
            FormKind::Profile,
            "Program profile (program-level only: no learner names)".to_string(),
            vec![
                Field::text("College", &p.college, ""),
                Field::text("Program", &p.program, "e.g. Welding IET"),
                Field::text("CTE area", &p.cte_area, "e.g. Manufacturing"),
                Field::text("Credentials", &p.credentials.join("; "), "separate with ;"),
                Field::choice(
                    "Purpose",
                    PURPOSES.iter().map(|x| x.label()).collect(),
                    purpose,
                ),
                Field::text("Cycle", cycle, "e.g. 2026-27"),
                Field::text(
                    "Assessors",
                    &assessors_text(assessors),
                    "e.g. Maria Lopez (ABS); Sam Ortiz (CTE)",
                ),
                Field::choice("Site", SITES.iter().map(|s| s.label()).collect(), site),
                Field::text("Site name", &p.site.name, "campus or facility"),
                Field::text("ABS lead", &lead(&LEAD_PARTNERS[0]), "staff role or name"),
                Field::text("CTE lead", &lead(&LEAD_PARTNERS[1]), ""),
                Field::text("Career Pathways lead", &lead(&LEAD_PARTNERS[2]), ""),
                Field::text(
                    "Corrections lead",
                    &lead(&LEAD_PARTNERS[3]),
                    "if in a facility",
                ),
                Field::text("Cohort size", &number_text(p.cohort_size), "a number"),
                Field::text(
                    "Basic skills hours",
                    &number_text(p.hours.basic_skills),
                    "a number",
                ),
                Field::text(
                    "Workforce prep hours",
                    &number_text(p.hours.workforce_preparation),
                    "",
                ),
                Field::text(
                    "Training hours",
                    &number_text(p.hours.workforce_training),
                    "",
                ),
                Field::text("Start date", &date_text(p.start_date), "YYYY-MM-DD"),
            ],
        )
    }

    /// The field values when the form opened.
    pub fn original(&self) -> &[String] {
        &self.original
    }

    /// Whether closing would lose something typed (an export form holds
    /// nothing of the assessment, so it closes without asking).
    pub fn changed(&self) -> bool {
        !matches!(
            self.kind,
            FormKind::Export { .. } | FormKind::NewAssessment { .. } | FormKind::Person { .. }
        ) && self
            .fields
            .iter()
            .map(Field::text_value)
            .ne(self.original.iter().cloned())
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    pub fn prev_field(&mut self) {
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    /// Changes a choice field; returns whether the key was used.
    pub fn cycle_choice(&mut self, forward: bool) -> bool {
        let Some(Field {
            value: FieldValue::Choice { options, selected },
            ..
        }) = self.fields.get_mut(self.focus)
        else {
            return false;
        };
        let (before, n) = (*selected, options.len().max(1));
        *selected = if forward {
            (before + 1) % n
        } else {
            (before + n - 1) % n
        };
        let after = *selected;
        // The export path follows the format while it is still the default.
        if let FormKind::Export { defaults } = &self.kind
            && let Some(path) = self.fields.iter_mut().find(|f| f.label == "File")
            && path.text_value() == defaults[before]
        {
            path.value = FieldValue::Text(Box::new(one_line(&defaults[after])));
        }
        true
    }

    /// Which rubric a new assessment is rated on: `choices` are (id, label).
    pub fn new_assessment(choices: Vec<(String, String)>, selected: usize) -> Form {
        let (ids, labels): (Vec<String>, Vec<String>) = choices.into_iter().unzip();
        Form::new(
            FormKind::NewAssessment { ids },
            "New assessment".into(),
            vec![Field::choice("Rubric", labels, selected)],
        )
    }

    /// The rubric id chosen in a new-assessment form.
    pub fn chosen_rubric(&self) -> Option<String> {
        match &self.kind {
            FormKind::NewAssessment { ids } => ids.get(self.selected("Rubric")).cloned(),
            _ => None,
        }
    }

    pub fn export(defaults: Vec<String>) -> Form {
        let options = Kind::ALL.iter().map(|k| k.label()).collect();
        let first = defaults.first().cloned().unwrap_or_default();
        Form::new(
            FormKind::Export { defaults },
            "Export this assessment".into(),
            vec![
                Field::choice("Format", options, 0),
                Field::text("File", &first, "the folder must exist; ~ is your home"),
            ],
        )
    }

    /// The format and path chosen in an export form.
    pub fn to_export(&self) -> Result<(Kind, std::path::PathBuf), String> {
        let kind = Kind::ALL
            .get(self.selected("Format"))
            .copied()
            .unwrap_or(Kind::Markdown);
        let path = self.get("File");
        if path.is_empty() {
            return Err("Give a file name to write the export to.".into());
        }
        Ok((kind, std::path::PathBuf::from(path)))
    }

    /// What keeping the form now would object to, and the field it is
    /// about when the objection names one: checked as each field is given,
    /// so that a mistake is mended where it was made.
    pub fn problem(&self) -> Option<(Option<usize>, String)> {
        let error = match &self.kind {
            FormKind::Evidence { .. } => self.to_evidence().err(),
            FormKind::Action { .. } => self.to_action().err(),
            FormKind::Profile => self.to_profile(&Profile::default()).err(),
            FormKind::Export { .. } => self.to_export().err(),
            FormKind::NewAssessment { .. } | FormKind::Person { .. } => None,
        }?;
        let field = self.fields.iter().position(|f| {
            error.starts_with(&format!("{}:", f.label))
                || error.contains(&format!("in the {} field", f.label))
        });
        Some((field, error))
    }

    pub fn focused_text(&mut self) -> Option<&mut TextArea<'static>> {
        match self.fields.get_mut(self.focus) {
            Some(Field {
                value: FieldValue::Text(t),
                ..
            }) => Some(t),
            _ => None,
        }
    }

    fn get(&self, label: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map(Field::text_value)
            .unwrap_or_default()
    }

    fn selected(&self, label: &str) -> usize {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map_or(0, Field::selected)
    }

    fn date(&self, label: &str) -> Result<Option<Date>, String> {
        let v = self.get(label);
        if v.is_empty() {
            return Ok(None);
        }
        v.parse()
            .map(Some)
            .map_err(|e: crate::model::date::DateError| format!("{label}: {e}"))
    }

    fn number(&self, label: &str) -> Result<Option<u32>, String> {
        let v = self.get(label);
        if v.is_empty() {
            return Ok(None);
        }
        v.parse().map(Some).map_err(|_| {
            let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            if digits(&v) {
                format!("{label}: {v} is too large.")
            } else if v.strip_prefix('-').is_some_and(digits) {
                format!("{label}: cannot be below 0.")
            } else {
                format!("{label}: write a whole number, or leave it empty.")
            }
        })
    }

    pub fn to_evidence(&self) -> Result<Evidence, String> {
        let what = self.get("What");
        if what.is_empty() {
            return Err("Say what the evidence is, in the What field.".into());
        }
        Ok(Evidence {
            what,
            location: self.get("Where"),
            holder: self.get("Who holds it"),
            date: self.date("Date")?,
            // Still to re-check unless the team says it has looked again.
            recheck: self.fields.iter().any(|f| f.label == RECHECK) && self.selected(RECHECK) == 0,
        })
    }

    pub fn to_action(&self) -> Result<ActionItem, String> {
        let what = self.get("What");
        if what.is_empty() {
            return Err("Say what the action is, in the What field.".into());
        }
        Ok(ActionItem {
            what,
            owner: self.get("Owner"),
            due: self.date("Due")?,
            status: STATUSES[self.selected("Status").min(STATUSES.len() - 1)],
        })
    }

    /// The person working, as they described themselves.
    pub fn person(who: &Who, first: bool) -> Form {
        let role = who
            .person
            .role
            .as_ref()
            .and_then(|r| ROLES.iter().position(|x| x == r))
            .unwrap_or(ROLES.len());
        let mut roles: Vec<String> = ROLES.iter().map(|r| r.label().to_string()).collect();
        roles.push("Someone else, or not saying".into());
        let title = format!("Who is working? (login {})", who.login);
        Form::new(
            FormKind::Person { first },
            title,
            vec![
                Field::text(
                    "Your name",
                    &who.person.name,
                    "as your team knows you: it is recorded with each change you make",
                ),
                Field::choice("You speak for", roles, role),
            ],
        )
    }

    /// What the "who are you" form says; a name is kept to 60 characters.
    pub fn to_person(&self) -> Person {
        Person {
            name: self.get("Your name").chars().take(MAX_NAME).collect(),
            role: ROLES.get(self.selected("You speak for")).cloned(),
        }
    }

    /// The profile, purpose, cycle and assessors the form describes.
    pub fn to_profile(&self, before: &Profile) -> Result<ProfileParts, String> {
        let mut partners: Vec<PartnerLead> = before
            .partners
            .iter()
            .filter(|l| !LEAD_PARTNERS.contains(&l.partner))
            .cloned()
            .collect();
        for (partner, label) in LEAD_PARTNERS.iter().zip([
            "ABS lead",
            "CTE lead",
            "Career Pathways lead",
            "Corrections lead",
        ]) {
            let lead = self.get(label);
            if !lead.is_empty() {
                partners.push(PartnerLead {
                    partner: partner.clone(),
                    lead,
                });
            }
        }
        let profile = Profile {
            college: self.get("College"),
            program: self.get("Program"),
            cte_area: self.get("CTE area"),
            credentials: self
                .get("Credentials")
                .split(';')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_string)
                .collect(),
            partners,
            site: Site {
                kind: SITES[self.selected("Site").min(SITES.len() - 1)],
                name: self.get("Site name"),
            },
            cohort_size: self.number("Cohort size")?,
            hours: ComponentHours {
                basic_skills: self.number("Basic skills hours")?,
                workforce_preparation: self.number("Workforce prep hours")?,
                workforce_training: self.number("Training hours")?,
            },
            start_date: self.date("Start date")?,
        };
        let purpose = PURPOSES[self.selected("Purpose").min(PURPOSES.len() - 1)];
        Ok((
            profile,
            purpose,
            self.get("Cycle"),
            parse_assessors(&self.get("Assessors"))?,
        ))
    }
}

/// The notes editor for one indicator.
pub struct Editor {
    pub indicator: String,
    pub area: TextArea<'static>,
    original: String,
}

impl Editor {
    pub fn new(indicator: &str, notes: &str) -> Editor {
        Editor {
            indicator: indicator.to_string(),
            area: multi_line(notes),
            original: clean_input(notes, true),
        }
    }

    pub fn text(&self) -> String {
        clean_input(&self.area.lines().join("\n"), true)
            .trim_end()
            .to_string()
    }

    pub fn changed(&self) -> bool {
        self.text() != self.original.trim_end()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    NotApplicable {
        indicator: String,
    },
    Search,
    Rename {
        path: std::path::PathBuf,
    },
    Import,
    SaveCopy,
    /// Where to write the roll-up across programs.
    RollupExport,
    /// Find a row in the side-by-side view.
    FindInCompare,
    /// Why the team agreed `rating` for `indicator` in a consensus.
    ConsensusReason {
        indicator: String,
        rating: crate::model::assessment::Rating,
    },
}

/// A one-line question at the bottom of the screen.
pub struct Prompt {
    pub kind: PromptKind,
    pub question: String,
    pub input: TextArea<'static>,
    pub error: Option<String>,
    /// What the input held when the prompt opened.
    original: String,
}

impl Prompt {
    pub fn new(kind: PromptKind, question: String, value: &str) -> Prompt {
        Prompt {
            kind,
            question,
            input: one_line(value),
            error: None,
            original: value.to_string(),
        }
    }

    /// Whether closing would lose a reason typed (what a search or a path
    /// holds is not work, and closes without asking).
    pub fn changed(&self) -> bool {
        matches!(
            self.kind,
            PromptKind::NotApplicable { .. } | PromptKind::ConsensusReason { .. }
        ) && value(&self.input) != self.original.trim()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ietkit holds program-level information only: no form asks about
    /// a learner as a person (a name, an identifier, a birth date).
    #[test]
    fn no_form_asks_for_anything_about_a_learner() {
        let who = Who {
            login: "maria".into(),
            person: Default::default(),
        };
        let forms = [
            Form::evidence("PD-1", None, None),
            Form::action("PD-1", None, None),
            Form::profile(&Profile::default(), Purpose::NewDesign, "2026-27", &[]),
            Form::new_assessment(vec![("oregon".into(), "Oregon".into())], 0),
            Form::export(vec!["report.md".into()]),
            Form::person(&who, true),
        ];
        let personal = [
            "name",
            "identifier",
            " id",
            "birth",
            "ssn",
            "social security",
            "address",
        ];
        for form in &forms {
            for field in &form.fields {
                let text = format!("{} {}", field.label, field.hint).to_lowercase();
                let about_learners = [
                    "learner",
                    "student",
                    "participant",
                    "inmate",
                    "adult in custody",
                ]
                .iter()
                .any(|w| text.contains(w));
                assert!(
                    !(about_learners && personal.iter().any(|w| text.contains(w))),
                    "{}: {text}",
                    form.title
                );
            }
        }
        // And the profile asks about the program, not about people in it.
        let labels: Vec<&str> = forms[2].fields.iter().map(|f| f.label).collect();
        assert!(labels.iter().any(|l| l.contains("Program")), "{labels:?}");
    }

    #[test]
    fn assessors_read_as_name_and_partner() {
        let a = parse_assessors("Maria Lopez (ABS); Sam (career pathways);  ; Ana (Tribal office)")
            .unwrap();
        assert_eq!(a.len(), 3);
        assert_eq!(a[0].partner, Partner::AdultBasicSkills);
        assert_eq!(a[1].partner, Partner::CareerPathways);
        assert_eq!(a[2].partner, Partner::Other("Tribal office".into()));
        assert_eq!(
            assessors_text(&a),
            "Maria Lopez (ABS); Sam (CP); Ana (Tribal office)"
        );
        assert_eq!(parse_assessors(&assessors_text(&a)).unwrap(), a);
        let err = parse_assessors("Maria Lopez").unwrap_err();
        assert!(err.contains("say whom \"Maria Lopez\" speaks for"), "{err}");
        assert!(parse_assessors("").unwrap().is_empty());
    }

    #[test]
    fn a_number_that_does_not_fit_says_why() {
        let mut f = Form::profile(&Profile::default(), Purpose::NewDesign, "", &[]);
        let mut said = |typed: &str| {
            let field = f
                .fields
                .iter_mut()
                .find(|x| x.label == "Cohort size")
                .unwrap();
            if let FieldValue::Text(t) = &mut field.value {
                **t = one_line(typed);
            }
            f.to_profile(&Profile::default()).map(|p| p.0.cohort_size)
        };
        assert_eq!(said("18"), Ok(Some(18)));
        assert_eq!(said(""), Ok(None));
        let too_large = said("99999999999").unwrap_err();
        assert!(
            too_large.contains("99999999999 is too large"),
            "{too_large}"
        );
        let negative = said("-4").unwrap_err();
        assert!(negative.contains("cannot be below 0"), "{negative}");
        let words = said("twelve").unwrap_err();
        assert!(words.contains("write a whole number"), "{words}");
    }

    #[test]
    fn typed_control_characters_never_reach_what_a_form_keeps() {
        use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let mut f = Form::person(&Who::default(), true);
        for c in ['A', '\u{202e}', 'b', '\u{1b}'] {
            edit(
                f.focused_text().unwrap(),
                KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
            );
        }
        assert_eq!(f.to_person().name, "A\u{FFFD}b\u{FFFD}");
        f.focused_text().unwrap().insert_str("x".repeat(500));
        assert_eq!(f.to_person().name.chars().count(), MAX_NAME);
        let mut e = Editor::new("PD-1", "");
        e.area.insert_str("line\u{202e}");
        assert_eq!(e.text(), "line\u{FFFD}");
    }

    #[test]
    fn input_is_cleaned_of_control_characters() {
        assert_eq!(
            clean_input("a\u{1b}[2Jb\tc\r\nd", false),
            "a\u{FFFD}[2Jb c d"
        );
        assert_eq!(
            clean_input("line\nnext\u{202e}", true),
            "line\nnext\u{FFFD}"
        );
    }

    #[test]
    fn forms_check_dates_and_numbers_and_say_how_to_fix_them() {
        let mut f = Form::action("PD-1", None, None);
        assert_eq!(
            f.to_action().unwrap_err(),
            "Say what the action is, in the What field."
        );
        f.focused_text().unwrap().insert_str("Align calendars");
        f.next_field();
        f.next_field();
        f.focused_text().unwrap().insert_str("2027-02-30");
        let err = f.to_action().unwrap_err();
        assert!(
            err.starts_with("Due: \"2027-02-30\" is not a date"),
            "{err}"
        );
        let mut p = Form::profile(&Profile::default(), Purpose::NewDesign, "2026-27", &[]);
        p.focus = p
            .fields
            .iter()
            .position(|f| f.label == "Cohort size")
            .unwrap();
        p.focused_text().unwrap().insert_str("twelve");
        assert!(
            p.to_profile(&Profile::default())
                .unwrap_err()
                .contains("write a whole number")
        );
    }
}
