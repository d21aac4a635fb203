//! Who changed what in an assessment, and when: the change record kept in
//! the assessment file itself, so it travels with every copy.
//!
//! Changes are found by comparing the assessment before and after a save
//! ([`diff`]), so every way of changing it (the app, a form, a consensus)
//! is recorded the same way. A quick correction by the same person (a
//! rating pressed twice, unsure marked and unmarked) within ten minutes is
//! merged into one entry, and one that undoes itself leaves none.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::assessment::{ActionStatus, Assessment, Partner, Rating, Response};
use super::screener::Answer;
use super::timestamp::Timestamp;

/// Changes closer together than this, by the same person to the same
/// thing, are merged.
pub const MERGE_SECONDS: i64 = 600;

/// The most changes an assessment keeps; the oldest go first. Far more than
/// a team makes in years, and small enough that the record can never make
/// the file too large to save.
pub const MAX_CHANGES: usize = 5_000;

/// A person as an assessment records them, keyed by login name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The name they gave; empty when they gave none.
    pub name: String,
    /// The partner they speak for, when they said.
    pub role: Option<Partner>,
}

/// The person at the keyboard: their login name, and what they said of
/// themselves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Who {
    pub login: String,
    pub person: Person,
}

impl Who {
    /// "Maria Lopez (ABS)", or the login name when no name was given.
    pub fn label(&self) -> String {
        label(&self.login, Some(&self.person))
    }
}

/// "Maria Lopez (ABS)", "mlopez (CTE)", or the login name alone.
pub fn label(login: &str, person: Option<&Person>) -> String {
    let name = person
        .map(|p| p.name.trim())
        .filter(|n| !n.is_empty())
        .unwrap_or(login);
    match person.and_then(|p| p.role.as_ref()) {
        Some(role) => format!("{name} ({})", role.short()),
        None => name.to_string(),
    }
}

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub at: Timestamp,
    /// The login name of who made it; their name and role are in `people`.
    pub by: String,
    pub what: What,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum What {
    Created {
        how: Origin,
    },
    Rating {
        indicator: String,
        from: Rating,
        to: Rating,
    },
    Unsure {
        indicator: String,
        now: bool,
    },
    Notes {
        indicator: String,
    },
    Evidence {
        indicator: String,
        change: Edit,
        what: String,
    },
    Action {
        indicator: String,
        change: Edit,
        what: String,
        status: ActionStatus,
    },
    /// A profile field, the purpose, the cycle or the assessors.
    Profile {
        field: String,
        from: String,
        to: String,
    },
    Screener {
        question: String,
        from: Option<Answer>,
        to: Option<Answer>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Edit {
    Added,
    Changed,
    Removed,
}

/// How an assessment came to be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    New,
    Imported { from: String },
    Copied { from: String },
    NextCycle { from: String },
    Consensus { of: Vec<String> },
}

impl What {
    /// The indicator it is about, if any.
    pub fn indicator(&self) -> Option<&str> {
        match self {
            What::Rating { indicator, .. }
            | What::Unsure { indicator, .. }
            | What::Notes { indicator }
            | What::Evidence { indicator, .. }
            | What::Action { indicator, .. } => Some(indicator),
            _ => None,
        }
    }

    /// Merges `next` into this change when both are about the same thing;
    /// returns whether it did.
    fn absorb(&mut self, next: &What) -> bool {
        match (self, next) {
            (
                What::Rating { indicator, to, .. },
                What::Rating {
                    indicator: i,
                    to: new,
                    ..
                },
            ) if indicator == i => {
                to.clone_from(new);
                true
            }
            (
                What::Unsure { indicator, now },
                What::Unsure {
                    indicator: i,
                    now: n,
                },
            ) if indicator == i => {
                *now = *n;
                true
            }
            (What::Notes { indicator }, What::Notes { indicator: i }) => indicator == i,
            (
                What::Profile { field, to, .. },
                What::Profile {
                    field: f, to: new, ..
                },
            ) if field == f => {
                to.clone_from(new);
                true
            }
            (
                What::Screener { question, to, .. },
                What::Screener {
                    question: q,
                    to: new,
                    ..
                },
            ) if question == q => {
                *to = *new;
                true
            }
            _ => false,
        }
    }

    /// Whether a merged change came back to where it started.
    fn undone(&self, before: &What) -> bool {
        match self {
            What::Rating { from, to, .. } => from == to,
            What::Profile { from, to, .. } => from == to,
            What::Screener { from, to, .. } => from == to,
            What::Unsure { now, .. } => {
                matches!(before, What::Unsure { now: was, .. } if was != now)
            }
            _ => false,
        }
    }
}

/// Adds `whats` to the record as made by `who` at `at`, and remembers who
/// they are in `people`.
pub fn record(a: &mut Assessment, who: &Who, at: Timestamp, whats: Vec<What>) {
    if whats.is_empty() {
        return;
    }
    if a.people.get(&who.login) != Some(&who.person) {
        a.people.insert(who.login.clone(), who.person.clone());
    }
    for what in whats {
        if let Some(last) = a.changes.last_mut()
            && last.by == who.login
            && at.0 - last.at.0 <= MERGE_SECONDS
            && !matches!(what, What::Created { .. })
        {
            let before = last.what.clone();
            if last.what.absorb(&what) {
                last.at = at;
                if last.what.undone(&before) {
                    a.changes.pop();
                }
                continue;
            }
        }
        a.changes.push(Change {
            at,
            by: who.login.clone(),
            what,
        });
    }
    keep_newest(&mut a.changes);
}

/// Drops the oldest changes past `MAX_CHANGES`.
pub fn keep_newest(changes: &mut Vec<Change>) {
    let extra = changes.len().saturating_sub(MAX_CHANGES);
    changes.drain(..extra);
}

/// The newest change to `indicator`, if any.
pub fn last_for<'a>(a: &'a Assessment, indicator: &str) -> Option<&'a Change> {
    a.changes
        .iter()
        .rev()
        .find(|c| c.what.indicator() == Some(indicator))
}

/// Everything that differs between `before` and `after`, as changes to
/// record. The record itself and the time of the last change are not
/// compared.
pub fn diff(before: &Assessment, after: &Assessment) -> Vec<What> {
    let mut out = Vec::new();
    profile_diff(before, after, &mut out);
    let old: HashMap<&str, &Response> = before.by_indicator();
    for r in &after.responses {
        let blank;
        let b = if let Some(b) = old.get(r.indicator.as_str()) {
            *b
        } else {
            blank = Response::new(&r.indicator);
            &blank
        };
        if b == r {
            continue;
        }
        response_diff(b, r, &mut out);
    }
    let questions: std::collections::BTreeSet<&String> = before
        .screener
        .keys()
        .chain(after.screener.keys())
        .collect();
    for q in questions {
        let (from, to) = (
            before.screener.get(q).copied(),
            after.screener.get(q).copied(),
        );
        if from != to {
            out.push(What::Screener {
                question: q.clone(),
                from,
                to,
            });
        }
    }
    out
}

fn response_diff(b: &Response, r: &Response, out: &mut Vec<What>) {
    let id = || r.indicator.clone();
    if b.rating != r.rating {
        out.push(What::Rating {
            indicator: id(),
            from: b.rating.clone(),
            to: r.rating.clone(),
        });
    }
    if b.unsure != r.unsure {
        out.push(What::Unsure {
            indicator: id(),
            now: r.unsure,
        });
    }
    if b.notes != r.notes {
        out.push(What::Notes { indicator: id() });
    }
    for (change, e) in list_diff(&b.evidence, &r.evidence) {
        out.push(What::Evidence {
            indicator: id(),
            change,
            what: short(&e.what),
        });
    }
    for (change, a) in list_diff(&b.actions, &r.actions) {
        out.push(What::Action {
            indicator: id(),
            change,
            what: short(&a.what),
            status: a.status,
        });
    }
}

/// What was added to, changed in and removed from a list, matching equal
/// items first so that a removal does not read as every later item
/// changing. A removed and an added item at the same place read as one
/// change.
fn list_diff<'a, T: PartialEq>(before: &'a [T], after: &'a [T]) -> Vec<(Edit, &'a T)> {
    let mut used = vec![false; after.len()];
    let mut removed: Vec<(usize, &T)> = Vec::new();
    for (i, b) in before.iter().enumerate() {
        match (0..after.len()).find(|&j| !used[j] && after[j] == *b) {
            Some(j) => used[j] = true,
            None => removed.push((i, b)),
        }
    }
    let added: Vec<(usize, &T)> = after
        .iter()
        .enumerate()
        .filter(|(j, _)| !used[*j])
        .collect();
    let mut out = Vec::new();
    let mut rest_added = Vec::new();
    for (j, a) in added {
        if let Some(k) = removed.iter().position(|(i, _)| *i == j) {
            removed.remove(k);
            out.push((Edit::Changed, a));
        } else {
            rest_added.push(a);
        }
    }
    out.extend(rest_added.into_iter().map(|a| (Edit::Added, a)));
    out.extend(removed.into_iter().map(|(_, b)| (Edit::Removed, b)));
    out
}

/// A text cut to a length that reads well in a log line.
fn short(s: &str) -> String {
    const MAX: usize = 60;
    let s = s.trim();
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let mut cut: String = s.chars().take(MAX - 1).collect();
        cut.push('…');
        cut
    }
}

fn profile_diff(before: &Assessment, after: &Assessment, out: &mut Vec<What>) {
    let mut field = |name: &str, from: String, to: String| {
        if from != to {
            out.push(What::Profile {
                field: name.to_string(),
                from: short(&from),
                to: short(&to),
            });
        }
    };
    let opt = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let (p, q) = (&before.profile, &after.profile);
    field("college", p.college.clone(), q.college.clone());
    field("program", p.program.clone(), q.program.clone());
    field("CTE area", p.cte_area.clone(), q.cte_area.clone());
    field(
        "credentials",
        p.credentials.join("; "),
        q.credentials.join("; "),
    );
    field(
        "purpose",
        before.purpose.label().to_string(),
        after.purpose.label().to_string(),
    );
    field("cycle", before.cycle.clone(), after.cycle.clone());
    field(
        "site",
        p.site.kind.label().to_string(),
        q.site.kind.label().to_string(),
    );
    field("site name", p.site.name.clone(), q.site.name.clone());
    let leads = |x: &crate::model::assessment::Profile| {
        x.partners
            .iter()
            .map(|l| format!("{}: {}", l.partner.short(), l.lead))
            .collect::<Vec<_>>()
            .join("; ")
    };
    field("partner leads", leads(p), leads(q));
    field("cohort size", opt(p.cohort_size), opt(q.cohort_size));
    field(
        "basic skills hours",
        opt(p.hours.basic_skills),
        opt(q.hours.basic_skills),
    );
    field(
        "workforce preparation hours",
        opt(p.hours.workforce_preparation),
        opt(q.hours.workforce_preparation),
    );
    field(
        "training hours",
        opt(p.hours.workforce_training),
        opt(q.hours.workforce_training),
    );
    let date = |d: Option<crate::model::date::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    field("start date", date(p.start_date), date(q.start_date));
    let assessors = |a: &Assessment| {
        a.assessors
            .iter()
            .map(|x| format!("{} ({})", x.name, x.partner.short()))
            .collect::<Vec<_>>()
            .join("; ")
    };
    field("assessors", assessors(before), assessors(after));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::{ActionItem, Evidence, Profile, Purpose};
    use crate::store::embedded;

    fn blank() -> Assessment {
        let rubric = embedded::builtin().unwrap().rubric;
        Assessment::new(&rubric, Profile::default(), Purpose::NewDesign, "2026-27")
    }

    fn who(login: &str) -> Who {
        Who {
            login: login.into(),
            person: Person {
                name: format!("{login} name"),
                role: Some(Partner::AdultBasicSkills),
            },
        }
    }

    #[test]
    fn a_diff_names_each_kind_of_change() {
        let before = blank();
        let mut after = before.clone();
        after.profile.program = "Welding IET".into();
        let r = after.response_mut("PD-3");
        r.rating = Rating::Level(2);
        r.unsure = true;
        r.notes = "x".into();
        r.evidence.push(Evidence {
            what: "Signed MOU".into(),
            location: String::new(),
            holder: String::new(),
            date: None,
            recheck: false,
        });
        after.screener.insert("F-1".into(), Answer::Yes);
        let d = diff(&before, &after);
        assert_eq!(
            d,
            vec![
                What::Profile {
                    field: "program".into(),
                    from: String::new(),
                    to: "Welding IET".into()
                },
                What::Rating {
                    indicator: "PD-3".into(),
                    from: Rating::Unrated,
                    to: Rating::Level(2)
                },
                What::Unsure {
                    indicator: "PD-3".into(),
                    now: true
                },
                What::Notes {
                    indicator: "PD-3".into()
                },
                What::Evidence {
                    indicator: "PD-3".into(),
                    change: Edit::Added,
                    what: "Signed MOU".into()
                },
                What::Screener {
                    question: "F-1".into(),
                    from: None,
                    to: Some(Answer::Yes)
                },
            ]
        );
        assert!(diff(&after, &after).is_empty());
    }

    #[test]
    fn long_values_in_the_record_are_cut_to_sixty_characters() {
        let before = blank();
        let mut after = before.clone();
        let long = "Welding and Fabrication Integrated Education and Training, evening cohort";
        after.profile.program = format!("  {long}  ");
        let d = diff(&before, &after);
        let What::Profile { to, .. } = &d[0] else {
            panic!("{d:?}");
        };
        assert_eq!(to.chars().count(), 60);
        assert!(to.ends_with('…'), "{to}");
        assert_eq!(to.trim_end_matches('…'), &long[..59]);
        // Sixty exactly, spaces around it aside, is kept whole.
        after.profile.program = format!(" {} ", &long[..60]);
        let d = diff(&before, &after);
        assert!(
            matches!(&d[0], What::Profile { to, .. } if to == &long[..60]),
            "{d:?}"
        );
    }

    #[test]
    fn removing_the_first_of_three_items_is_one_removal() {
        let item = |w: &str| ActionItem {
            what: w.into(),
            owner: String::new(),
            due: None,
            status: ActionStatus::Planned,
        };
        let before = [item("a"), item("b"), item("c")];
        let after = [item("b"), item("c")];
        let d = list_diff(&before, &after);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].0, Edit::Removed);
        assert_eq!(d[0].1.what, "a");
        let mut done = item("b");
        done.status = ActionStatus::Done;
        let after = [item("a"), done, item("c")];
        let d = list_diff(&before, &after);
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].0, d[0].1.status), (Edit::Changed, ActionStatus::Done));
    }

    #[test]
    fn quick_corrections_merge_and_undoing_leaves_nothing() {
        let mut a = blank();
        let me = who("maria");
        let rate = |from, to| What::Rating {
            indicator: "PD-1".into(),
            from: Rating::Level(from),
            to: Rating::Level(to),
        };
        record(&mut a, &me, Timestamp(1000), vec![rate(0, 2)]);
        record(&mut a, &me, Timestamp(1060), vec![rate(2, 3)]);
        assert_eq!(a.changes.len(), 1);
        assert_eq!(a.changes[0].what, rate(0, 3));
        assert_eq!(a.changes[0].at, Timestamp(1060));
        record(&mut a, &me, Timestamp(1100), vec![rate(3, 0)]);
        assert!(a.changes.is_empty(), "back where it started");
        // Someone else, or much later: separate entries.
        record(&mut a, &me, Timestamp(2000), vec![rate(0, 1)]);
        record(&mut a, &who("sam"), Timestamp(2001), vec![rate(1, 2)]);
        record(&mut a, &who("sam"), Timestamp(9000), vec![rate(2, 3)]);
        assert_eq!(a.changes.len(), 3);
        assert_eq!(a.people.len(), 2);
        assert_eq!(a.people["sam"].name, "sam name");
        let unsure = |now| What::Unsure {
            indicator: "PD-2".into(),
            now,
        };
        record(&mut a, &me, Timestamp(9100), vec![unsure(true)]);
        record(&mut a, &me, Timestamp(9101), vec![unsure(false)]);
        assert_eq!(a.changes.len(), 3, "marked and unmarked: nothing to record");
        assert_eq!(last_for(&a, "PD-1").map(|c| c.by.as_str()), Some("sam"));
    }

    #[test]
    fn the_record_keeps_the_newest_changes_when_it_is_full() {
        let mut a = blank();
        let me = who("maria");
        for i in 0..(MAX_CHANGES + 10) {
            let what = What::Notes {
                indicator: format!("X-{i}"),
            };
            record(&mut a, &me, Timestamp(i as i64 * 1000), vec![what]);
        }
        assert_eq!(a.changes.len(), MAX_CHANGES);
        assert_eq!(a.changes[0].what.indicator(), Some("X-10"));
    }

    /// Each kind of change merges with the one before only when it is about
    /// the same thing, and a profile field or screener answer put back as it
    /// was leaves nothing.
    #[test]
    fn only_changes_to_the_same_thing_merge() {
        let me = who("maria");
        let profile = |field: &str, from: &str, to: &str| What::Profile {
            field: field.into(),
            from: from.into(),
            to: to.into(),
        };
        let screener = |q: &str, from, to| What::Screener {
            question: q.into(),
            from,
            to,
        };
        let notes = |i: &str| What::Notes {
            indicator: i.into(),
        };
        let unsure = |i: &str, now| What::Unsure {
            indicator: i.into(),
            now,
        };
        let rate = |i: &str, to| What::Rating {
            indicator: i.into(),
            from: Rating::Unrated,
            to: Rating::Level(to),
        };
        let cases: Vec<(Vec<What>, Vec<What>)> = vec![
            (
                vec![rate("PD-1", 1), rate("PD-2", 2)],
                vec![rate("PD-1", 1), rate("PD-2", 2)],
            ),
            (
                vec![unsure("PD-1", true), unsure("PD-2", true)],
                vec![unsure("PD-1", true), unsure("PD-2", true)],
            ),
            (vec![notes("PD-1"), notes("PD-1")], vec![notes("PD-1")]),
            (
                vec![notes("PD-1"), notes("PD-2")],
                vec![notes("PD-1"), notes("PD-2")],
            ),
            (
                vec![
                    profile("program", "", "Weld"),
                    profile("program", "Weld", "Welding"),
                ],
                vec![profile("program", "", "Welding")],
            ),
            (
                vec![
                    profile("program", "", "Weld"),
                    profile("college", "", "Cascade"),
                ],
                vec![
                    profile("program", "", "Weld"),
                    profile("college", "", "Cascade"),
                ],
            ),
            (
                vec![
                    profile("program", "", "Weld"),
                    profile("program", "Weld", ""),
                ],
                vec![],
            ),
            (
                vec![
                    screener("F-1", None, Some(Answer::Yes)),
                    screener("F-1", Some(Answer::Yes), Some(Answer::No)),
                ],
                vec![screener("F-1", None, Some(Answer::No))],
            ),
            (
                vec![
                    screener("F-1", None, Some(Answer::Yes)),
                    screener("F-2", None, Some(Answer::Yes)),
                ],
                vec![
                    screener("F-1", None, Some(Answer::Yes)),
                    screener("F-2", None, Some(Answer::Yes)),
                ],
            ),
            (
                vec![
                    screener("F-1", None, Some(Answer::Yes)),
                    screener("F-1", Some(Answer::Yes), None),
                ],
                vec![],
            ),
        ];
        for (made, kept) in cases {
            let mut a = blank();
            for (n, what) in made.iter().enumerate() {
                record(&mut a, &me, Timestamp(1000 + n as i64), vec![what.clone()]);
            }
            let whats: Vec<What> = a.changes.iter().map(|c| c.what.clone()).collect();
            assert_eq!(whats, kept, "{made:?}");
        }
    }

    #[test]
    fn changes_merge_for_ten_minutes_and_no_longer() {
        let me = who("maria");
        let notes = || What::Notes {
            indicator: "PD-1".into(),
        };
        let mut a = blank();
        record(&mut a, &me, Timestamp(1000), vec![notes()]);
        record(&mut a, &me, Timestamp(1000 + MERGE_SECONDS), vec![notes()]);
        assert_eq!(a.changes.len(), 1, "ten minutes after: merged");
        record(
            &mut a,
            &me,
            Timestamp(1001 + 2 * MERGE_SECONDS),
            vec![notes()],
        );
        assert_eq!(a.changes.len(), 2, "a second more: a new entry");
    }

    #[test]
    fn a_full_record_drops_as_many_of_the_oldest_as_it_gained() {
        let me = who("maria");
        let mut a = blank();
        let note = |i: usize| What::Notes {
            indicator: format!("X-{i}"),
        };
        for i in 0..MAX_CHANGES {
            record(&mut a, &me, Timestamp(i as i64 * 1000), vec![note(i)]);
        }
        assert_eq!(a.changes.len(), MAX_CHANGES, "full, nothing dropped yet");
        assert_eq!(a.changes[0].what.indicator(), Some("X-0"));
        let at = Timestamp(MAX_CHANGES as i64 * 1000);
        record(
            &mut a,
            &me,
            at,
            (0..3).map(|i| note(MAX_CHANGES + i)).collect(),
        );
        assert_eq!(a.changes.len(), MAX_CHANGES);
        assert_eq!(a.changes[0].what.indicator(), Some("X-3"));
    }

    #[test]
    fn labels_read_as_name_and_role() {
        assert_eq!(who("maria").label(), "maria name (ABS)");
        assert_eq!(label("sam", None), "sam");
        let nameless = Person {
            name: " ".into(),
            role: Some(Partner::CareerTechnicalEducation),
        };
        assert_eq!(label("sam", Some(&nameless)), "sam (CTE)");
    }
}
