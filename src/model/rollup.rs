//! Across programs: which assessment stands for each program, and how the
//! programs stand, indicator by indicator and category by category. For a
//! college lead over several IETs or the State IET Team over all of them.
//!
//! Each file is first cut down to a [`Digest`] (its ratings, no notes), so
//! that thousands of files never sit in memory whole.

use std::collections::BTreeMap;

use crate::model::assessment::{Assessment, Rating};
use crate::model::changes::{Origin, What};
use crate::model::date::Date;
use crate::model::rubric::Rubric;
use crate::model::screener::{Screener, VerdictKind};
use crate::model::timestamp::Timestamp;

/// One indicator's answer in one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Unrated,
    Level(u8),
    NotApplicable,
}

/// Whose view a file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Agreed by the partners (a consensus), or rated by several together.
    Joint,
    /// One partner's view, with whom they speak for ("ABS").
    Partner(String),
}

/// What a roll-up needs of one assessment file: its program, cycle and
/// ratings, not its notes, evidence or history.
#[derive(Debug, Clone, PartialEq)]
pub struct Digest {
    /// How the file is named to the reader: its library name or path.
    pub name: String,
    pub college: String,
    pub program: String,
    pub cycle: String,
    pub standing: Standing,
    /// Indicators rated or marked N/A.
    pub done: usize,
    pub updated: Timestamp,
    /// One per indicator of the rubric, in its order, with the unsure flag.
    pub marks: Vec<(Mark, bool)>,
    /// The federal definition's and Oregon's key features' verdicts.
    pub verdicts: [VerdictKind; 2],
    /// Action items still open whose due date has passed.
    pub overdue: usize,
}

/// Cuts `a` (already matched to `rubric`) down to what a roll-up needs;
/// `today` decides what is overdue.
pub fn digest(
    name: &str,
    a: &Assessment,
    rubric: &Rubric,
    screener: &Screener,
    today: Date,
) -> Digest {
    let marks = rubric
        .indicators()
        .map(|(_, i)| match a.response(&i.id) {
            None => (Mark::Unrated, false),
            Some(r) => (
                match r.rating {
                    Rating::Unrated => Mark::Unrated,
                    Rating::Level(v) => Mark::Level(v),
                    Rating::NotApplicable { .. } => Mark::NotApplicable,
                },
                r.unsure,
            ),
        })
        .collect::<Vec<_>>();
    let consensus = a.changes.iter().any(|c| {
        matches!(
            c.what,
            What::Created {
                how: Origin::Consensus { .. }
            }
        )
    });
    let standing = match a.assessors.as_slice() {
        [one] if !consensus => Standing::Partner(one.partner.short().to_string()),
        _ => Standing::Joint,
    };
    let outcome = screener.evaluate(&a.screener);
    let overdue = a
        .responses
        .iter()
        .flat_map(|r| &r.actions)
        .filter(|x| x.status.is_open() && x.due.is_some_and(|d| d < today))
        .count();
    Digest {
        name: name.to_string(),
        college: a.profile.college.trim().to_string(),
        program: a.profile.program.trim().to_string(),
        cycle: a.cycle.trim().to_string(),
        standing,
        done: marks.iter().filter(|(m, _)| *m != Mark::Unrated).count(),
        updated: a.updated,
        marks,
        verdicts: [outcome.federal().kind, outcome.oregon().kind],
        overdue,
    }
}

/// The assessment that stands for a program, and why it was chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct Chosen {
    pub digest: Digest,
    pub why: String,
}

/// A file that does not stand for a program, and why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    pub name: String,
    pub why: String,
}

/// "Welding IET, Lane Community College": a program as the reader knows it.
pub fn program_label(d: &Digest) -> String {
    if d.college.is_empty() {
        d.program.clone()
    } else {
        format!("{}, {}", d.program, d.college)
    }
}

/// Programs are told apart by college and name, whatever the capitals
/// and spacing.
fn key(d: &Digest) -> (String, String) {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    (norm(&d.college), norm(&d.program))
}

/// A cycle as it sorts and matches: its years ("2026-27" and "2026-2027"
/// run from 2026 to 2027, "Spring 2026" is 2026), then its words
/// ("spring"). Written differently, one cycle is one key.
pub fn cycle_key(cycle: &str) -> (Option<(u32, u32)>, String) {
    let mut runs: Vec<&str> = Vec::new();
    let mut words = String::new();
    let mut rest = cycle;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        words.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tail
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(tail.len());
        runs.push(&tail[..end]);
        rest = &tail[end..];
    }
    words.push_str(rest);
    let words: String = words
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let years = runs.iter().position(|r| r.len() == 4).and_then(|i| {
        let start: u32 = runs[i].parse().ok()?;
        let end = match runs.get(i + 1) {
            Some(r) if r.len() == 4 => r.parse().ok()?,
            // Two digits: the year in the same century, or the next
            // century's when that would come before the start ("2099-00").
            Some(r) if r.len() == 2 => {
                let yy: u32 = r.parse().ok()?;
                let end = start - start % 100 + yy;
                if end < start { end + 100 } else { end }
            }
            _ => start,
        };
        Some((start, end))
    });
    (years, words)
}

/// "13 of 35 done".
fn done_words(d: &Digest) -> String {
    format!("{} of {} done", d.done, d.marks.len())
}

/// Chooses the file that stands for each program: the latest cycle (or
/// `cycle`), a joint assessment over partners' views, then the most
/// complete, then the one changed last, then the first by name. Every
/// other file is left out with the reason.
pub fn choose(digests: Vec<Digest>, cycle: Option<&str>) -> (Vec<Chosen>, Vec<LeftOut>) {
    let mut left = Vec::new();
    let mut groups: BTreeMap<(String, String), Vec<Digest>> = BTreeMap::new();
    for d in digests {
        if d.program.trim().is_empty() {
            left.push(LeftOut {
                why: "it has no program name, so it cannot be told which program it is".to_string(),
                name: d.name,
            });
            continue;
        }
        groups.entry(key(&d)).or_default().push(d);
    }
    let mut chosen = Vec::new();
    for (_, mut files) in groups {
        files.sort_by(|a, b| a.name.cmp(&b.name));
        let (target, how) = match cycle {
            Some(c) => (c.trim().to_string(), "the cycle asked for"),
            None => (
                files
                    .iter()
                    .max_by(|a, b| cycle_key(&a.cycle).cmp(&cycle_key(&b.cycle)))
                    .map(|d| d.cycle.clone())
                    .unwrap_or_default(),
                "the latest cycle",
            ),
        };
        let wanted = cycle_key(&target);
        let (mut pool, others): (Vec<Digest>, Vec<Digest>) = files
            .into_iter()
            .partition(|d| cycle_key(&d.cycle) == wanted);
        for d in others {
            let why = match cycle {
                Some(_) => format!(
                    "cycle {}, not {target} as asked",
                    if d.cycle.is_empty() {
                        "not named"
                    } else {
                        &d.cycle
                    }
                ),
                None => format!(
                    "an older cycle ({}) than {target}",
                    if d.cycle.is_empty() {
                        "not named"
                    } else {
                        &d.cycle
                    }
                ),
            };
            left.push(LeftOut { name: d.name, why });
        }
        if pool.is_empty() {
            continue;
        }
        let mut why = vec![if target.is_empty() {
            format!("{how}, which has no name")
        } else {
            format!("{how}, {target}")
        }];
        let joint = pool.iter().any(|d| d.standing == Standing::Joint);
        let partners = pool
            .iter()
            .filter(|d| matches!(d.standing, Standing::Partner(_)))
            .count();
        if joint && partners > 0 {
            why.push(format!(
                "a joint assessment, preferred over {}",
                crate::text::count(partners, "partner's view", "partners' views")
            ));
        }
        if joint {
            let (kept, views): (Vec<Digest>, Vec<Digest>) = pool
                .into_iter()
                .partition(|d| d.standing == Standing::Joint);
            pool = kept;
            for d in views {
                let partner = match &d.standing {
                    Standing::Partner(p) => p.clone(),
                    Standing::Joint => String::new(),
                };
                left.push(LeftOut {
                    why: format!(
                        "{partner} partner's view; a joint assessment stands for the program"
                    ),
                    name: d.name,
                });
            }
        }
        // Most complete, then changed last, then first by name.
        pool.sort_by(|a, b| {
            b.done
                .cmp(&a.done)
                .then(b.updated.cmp(&a.updated))
                .then(a.name.cmp(&b.name))
        });
        let mut rest = pool.split_off(1);
        let Some(first) = pool.pop() else {
            continue;
        };
        if let Standing::Partner(p) = &first.standing {
            why.push(format!(
                "{p} partner's view alone: no joint assessment of this cycle"
            ));
        }
        if let Some(second) = rest.first() {
            let n = rest.len() + 1;
            why.push(if second.done < first.done {
                format!("the most complete of {n} ({})", done_words(&first))
            } else if second.updated < first.updated {
                format!(
                    "as complete as {} ({}), and changed later",
                    second.name,
                    done_words(&first)
                )
            } else {
                format!(
                    "as complete as {} and changed at the same time; first by name",
                    second.name
                )
            });
        } else {
            why.push(done_words(&first));
        }
        for d in rest.drain(..) {
            let why = if d.done < first.done {
                format!(
                    "less complete ({}) than {}, which stands for the program",
                    done_words(&d),
                    first.name
                )
            } else {
                format!(
                    "as complete as {}, which was chosen ({})",
                    first.name,
                    if d.updated < first.updated {
                        "changed later"
                    } else {
                        "first by name"
                    }
                )
            };
            left.push(LeftOut { name: d.name, why });
        }
        chosen.push(Chosen {
            why: why.join("; "),
            digest: first,
        });
    }
    left.sort_by(|a, b| a.name.cmp(&b.name));
    (chosen, left)
}

/// How the programs stand on one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRow {
    pub id: String,
    pub title: String,
    /// Index of its category.
    pub category: usize,
    /// Programs at each level of the scale, lowest first.
    pub levels: Vec<usize>,
    pub not_applicable: usize,
    pub unsure: usize,
    pub unrated: usize,
    pub mean: Option<f64>,
    /// The highest level given less the lowest, when two or more gave one.
    pub spread: Option<u8>,
    /// The standard deviation of the levels given: the tie-break for spread.
    pub deviation: Option<f64>,
}

/// How the programs stand on one category.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryRow {
    pub id: String,
    pub name: String,
    /// The mean of the programs' means for it (each program counts once).
    pub mean: Option<f64>,
    /// Programs whose mean for it falls in each band: below the second
    /// level, then each level up to the one below the top, then the top.
    pub bands: Vec<usize>,
    /// Programs with no mean for it (nothing rated).
    pub no_mean: usize,
}

/// The whole roll-up.
#[derive(Debug, Clone, PartialEq)]
pub struct Rollup {
    /// The cycle asked for, if one was.
    pub cycle: Option<String>,
    pub programs: Vec<Chosen>,
    pub left_out: Vec<LeftOut>,
    pub indicators: Vec<IndicatorRow>,
    pub categories: Vec<CategoryRow>,
    /// The scale's level values and names, lowest first.
    pub levels: Vec<(u8, String)>,
    /// How many programs' screeners reach each verdict: federal, then Oregon;
    /// meets, not yet, needs information.
    pub verdicts: [[usize; 3]; 2],
}

/// Which way to list the indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    Rubric,
    /// Lowest mean first: where programs are weakest.
    Weakest,
    /// Widest spread first: where programs differ most.
    Spread,
}

impl Order {
    pub fn label(self) -> &'static str {
        match self {
            Order::Rubric => "in rubric order",
            Order::Weakest => "weakest mean first",
            Order::Spread => "widest spread first",
        }
    }

    pub fn next(self) -> Order {
        match self {
            Order::Rubric => Order::Weakest,
            Order::Weakest => Order::Spread,
            Order::Spread => Order::Rubric,
        }
    }
}

fn mean_of(values: &[u8]) -> Option<f64> {
    (!values.is_empty())
        .then(|| values.iter().map(|&v| f64::from(v)).sum::<f64>() / values.len() as f64)
}

/// Rolls the chosen programs up against `rubric`.
pub fn roll_up(
    rubric: &Rubric,
    programs: Vec<Chosen>,
    left_out: Vec<LeftOut>,
    cycle: Option<&str>,
) -> Rollup {
    let levels: Vec<(u8, String)> = rubric
        .scale
        .levels
        .iter()
        .map(|l| (l.value, l.name.clone()))
        .collect();
    // The category of each indicator, in rubric order.
    let category_of: Vec<usize> = rubric
        .categories
        .iter()
        .enumerate()
        .flat_map(|(c, cat)| std::iter::repeat_n(c, cat.indicators.len()))
        .collect();
    let mut indicators = Vec::new();
    for (k, (_, ind)) in rubric.indicators().enumerate() {
        let category = category_of[k];
        let mut row = IndicatorRow {
            id: ind.id.clone(),
            title: ind.title.clone(),
            category,
            levels: vec![0; levels.len()],
            not_applicable: 0,
            unsure: 0,
            unrated: 0,
            mean: None,
            spread: None,
            deviation: None,
        };
        let mut given = Vec::new();
        for p in &programs {
            let (mark, unsure) = p
                .digest
                .marks
                .get(k)
                .copied()
                .unwrap_or((Mark::Unrated, false));
            row.unsure += usize::from(unsure);
            match mark {
                Mark::Unrated => row.unrated += 1,
                Mark::NotApplicable => row.not_applicable += 1,
                Mark::Level(v) => {
                    if let Some(i) = levels.iter().position(|(x, _)| *x == v) {
                        row.levels[i] += 1;
                    }
                    given.push(v);
                }
            }
        }
        row.mean = mean_of(&given);
        if given.len() >= 2 {
            let (lo, hi) = (
                given.iter().min().copied().unwrap_or(0),
                given.iter().max().copied().unwrap_or(0),
            );
            row.spread = Some(hi - lo);
            let m = row.mean.unwrap_or(0.0);
            let var = given
                .iter()
                .map(|&v| (f64::from(v) - m).powi(2))
                .sum::<f64>()
                / given.len() as f64;
            row.deviation = Some(var.sqrt());
        }
        indicators.push(row);
    }
    // Each program's mean per category, then across programs.
    let bands_n = levels.len().max(1);
    let top = levels.last().map_or(0.0, |(v, _)| f64::from(*v));
    let categories = rubric
        .categories
        .iter()
        .enumerate()
        .map(|(c, cat)| {
            let mut means = Vec::new();
            let mut no_mean = 0;
            for p in &programs {
                let given: Vec<u8> = (0..category_of.len())
                    .filter(|&k| category_of[k] == c)
                    .filter_map(|k| match p.digest.marks.get(k) {
                        Some((Mark::Level(v), _)) => Some(*v),
                        _ => None,
                    })
                    .collect();
                match mean_of(&given) {
                    Some(m) => means.push(m),
                    None => no_mean += 1,
                }
            }
            let mut bands = vec![0; bands_n];
            for m in &means {
                // The band of the level at or below the mean; the top level
                // only when the mean is the top.
                let i = if *m >= top {
                    bands_n - 1
                } else {
                    levels
                        .iter()
                        .rposition(|(v, _)| f64::from(*v) <= *m)
                        .unwrap_or(0)
                        .min(bands_n.saturating_sub(2))
                };
                bands[i] += 1;
            }
            CategoryRow {
                id: cat.id.clone(),
                name: cat.name.clone(),
                mean: (!means.is_empty()).then(|| means.iter().sum::<f64>() / means.len() as f64),
                bands,
                no_mean,
            }
        })
        .collect();
    let mut verdicts = [[0; 3]; 2];
    for p in &programs {
        for (s, kind) in p.digest.verdicts.iter().enumerate() {
            let i = match kind {
                VerdictKind::Meets => 0,
                VerdictKind::NotYet => 1,
                VerdictKind::NeedsInformation => 2,
            };
            verdicts[s][i] += 1;
        }
    }
    let mut programs = programs;
    programs.sort_by(|a, b| {
        key(&a.digest)
            .cmp(&key(&b.digest))
            .then(a.digest.name.cmp(&b.digest.name))
    });
    Rollup {
        cycle: cycle.map(str::to_string),
        programs,
        left_out,
        indicators,
        categories,
        levels,
        verdicts,
    }
}

impl Rollup {
    /// Indices of the indicators in `order`.
    pub fn order(&self, order: Order) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..self.indicators.len()).collect();
        let rows = &self.indicators;
        match order {
            Order::Rubric => {}
            Order::Weakest => idx.sort_by(|&a, &b| {
                let (x, y) = (&rows[a], &rows[b]);
                // No mean goes last: nothing to say it is weak.
                match (x.mean, y.mean) {
                    (Some(p), Some(q)) => p.total_cmp(&q).then(a.cmp(&b)),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => a.cmp(&b),
                }
            }),
            // How far apart the programs are: the standard deviation, then
            // the range.
            Order::Spread => idx.sort_by(|&a, &b| {
                let (x, y) = (&rows[a], &rows[b]);
                y.deviation
                    .unwrap_or(-1.0)
                    .total_cmp(&x.deviation.unwrap_or(-1.0))
                    .then(y.spread.cmp(&x.spread))
                    .then(a.cmp(&b))
            }),
        }
        idx
    }

    /// The `n` indicators with the lowest mean: where professional
    /// development would reach most programs.
    pub fn weakest(&self, n: usize) -> Vec<&IndicatorRow> {
        self.order(Order::Weakest)
            .into_iter()
            .map(|i| &self.indicators[i])
            .filter(|r| r.mean.is_some())
            .take(n)
            .collect()
    }

    /// How many programs with overdue action items the reports name, most
    /// first; the rest are counted ("and 304 more").
    pub const OVERDUE_SHOWN: usize = 10;

    /// The programs with overdue action items, most first.
    pub fn overdue(&self) -> Vec<&Chosen> {
        let mut out: Vec<&Chosen> = self
            .programs
            .iter()
            .filter(|p| p.digest.overdue > 0)
            .collect();
        out.sort_by_key(|p| std::cmp::Reverse(p.digest.overdue));
        out
    }

    /// The labels of the category bands: "<1", "1 to <2", "2 to <3", "3"
    /// (a mean of exactly 2 is in "2 to <3").
    pub fn band_labels(&self) -> Vec<String> {
        let v: Vec<u8> = self.levels.iter().map(|(v, _)| *v).collect();
        let n = v.len();
        (0..n.max(1))
            .map(|i| match i {
                _ if n < 2 => "all".to_string(),
                i if i == n - 1 => format!("{}", v[i]),
                0 => format!("<{}", v[1]),
                i => format!("{} to <{}", v[i], v[i + 1]),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(
        name: &str,
        program: &str,
        cycle: &str,
        standing: Standing,
        done: usize,
        at: i64,
    ) -> Digest {
        Digest {
            name: name.into(),
            college: "Lane".into(),
            program: program.into(),
            cycle: cycle.into(),
            standing,
            done,
            updated: Timestamp(at),
            marks: vec![(Mark::Unrated, false); 35],
            verdicts: [VerdictKind::Meets, VerdictKind::NeedsInformation],
            overdue: 0,
        }
    }

    fn abs() -> Standing {
        Standing::Partner("ABS".into())
    }

    #[test]
    fn the_latest_cycle_stands_and_older_ones_are_left_out_with_why() {
        let (chosen, left) = choose(
            vec![
                d("w-2025", "Welding", "2025-26", Standing::Joint, 35, 1),
                d("w-2026", "Welding", "2026-27", Standing::Joint, 10, 2),
            ],
            None,
        );
        assert_eq!(chosen.len(), 1);
        assert_eq!(chosen[0].digest.name, "w-2026");
        assert!(
            chosen[0].why.starts_with("the latest cycle, 2026-27"),
            "{}",
            chosen[0].why
        );
        assert_eq!(
            left,
            vec![LeftOut {
                name: "w-2025".into(),
                why: "an older cycle (2025-26) than 2026-27".into()
            }]
        );
        // A cycle asked for wins over the latest.
        let (chosen, left) = choose(
            vec![
                d("w-2025", "Welding", "2025-26", Standing::Joint, 35, 1),
                d("w-2026", "Welding", "2026-27", Standing::Joint, 10, 2),
                d("n-2026", "Nursing", "2026-27", Standing::Joint, 10, 2),
            ],
            Some("2025-26"),
        );
        assert_eq!(chosen.len(), 1);
        assert_eq!(chosen[0].digest.name, "w-2025");
        assert_eq!(left.len(), 2);
        assert!(
            left.iter().all(|l| l.why.contains("not 2025-26 as asked")),
            "{left:?}"
        );
    }

    #[test]
    fn a_joint_assessment_stands_before_more_complete_partner_views() {
        let (chosen, left) = choose(
            vec![
                d("abs", "Welding", "2026-27", abs(), 35, 5),
                d("team", "welding ", "2026-27", Standing::Joint, 20, 1),
                d(
                    "cte",
                    "WELDING",
                    "2026-27",
                    Standing::Partner("CTE".into()),
                    35,
                    6,
                ),
            ],
            None,
        );
        assert_eq!(chosen.len(), 1, "one program, whatever the capitals");
        assert_eq!(chosen[0].digest.name, "team");
        assert!(
            chosen[0]
                .why
                .contains("a joint assessment, preferred over 2 partners' views"),
            "{}",
            chosen[0].why
        );
        assert_eq!(left.len(), 2);
        assert!(left[0].why.starts_with("ABS partner's view"), "{left:?}");
        assert!(left[1].why.starts_with("CTE partner's view"), "{left:?}");
    }

    #[test]
    fn ties_are_broken_by_completeness_then_time_then_name_and_said() {
        let (chosen, left) = choose(
            vec![
                d("a", "P", "1", abs(), 10, 9),
                d("b", "P", "1", abs(), 20, 1),
            ],
            None,
        );
        assert_eq!(chosen[0].digest.name, "b");
        assert!(
            chosen[0]
                .why
                .contains("the most complete of 2 (20 of 35 done)")
        );
        assert!(
            !chosen[0].why.contains("preferred over"),
            "no joint one: {}",
            chosen[0].why
        );
        assert!(
            left[0]
                .why
                .starts_with("less complete (10 of 35 done) than b"),
            "{left:?}"
        );
        let (chosen, left) = choose(
            vec![
                d("a", "P", "1", abs(), 20, 1),
                d("b", "P", "1", abs(), 20, 9),
            ],
            None,
        );
        assert_eq!(chosen[0].digest.name, "b");
        assert!(
            chosen[0]
                .why
                .contains("as complete as a (20 of 35 done), and changed later")
        );
        assert!(left[0].why.contains("changed later"), "{left:?}");
        let (chosen, left) = choose(
            vec![
                d("b", "P", "1", abs(), 20, 1),
                d("a", "P", "1", abs(), 20, 1),
            ],
            None,
        );
        assert_eq!(chosen[0].digest.name, "a");
        assert!(chosen[0].why.contains("first by name"), "{}", chosen[0].why);
        assert!(left[0].why.contains("first by name"), "{left:?}");
    }

    #[test]
    fn cycles_sort_by_their_years_however_written() {
        assert_eq!(cycle_key("2025-26"), cycle_key("2025-2026"));
        assert_eq!(cycle_key("2099-00").0, Some((2099, 2100)));
        assert!(cycle_key("2026-27") > cycle_key("Spring 2026"));
        assert!(cycle_key("2025-26") < cycle_key("2026-27"));
        assert!(cycle_key("Fall 2026") != cycle_key("Spring 2026"));
        assert!(cycle_key("") < cycle_key("2020-21"));
        assert_eq!(cycle_key("2026-26").0, Some((2026, 2026)));
        assert_eq!(cycle_key("2026-25").0, Some((2026, 2125)));
        // Only two digits after a year end it; other numbers are not years.
        assert_eq!(cycle_key("2026 cohort 3").0, Some((2026, 2026)));
        assert_eq!(cycle_key("2026-127").0, Some((2026, 2026)));
        let (chosen, left) = choose(
            vec![
                d("a", "P", "Spring 2026", Standing::Joint, 5, 1),
                d("b", "P", "2026-27", Standing::Joint, 5, 1),
                d("c", "P", "2026-2027", abs(), 35, 1),
            ],
            None,
        );
        assert_eq!(chosen[0].digest.name, "b", "{left:?}");
        assert!(
            left.iter()
                .any(|l| l.name == "c" && l.why.contains("partner's view")),
            "{left:?}"
        );
        assert!(
            left.iter()
                .any(|l| l.name == "a" && l.why.contains("older cycle")),
            "{left:?}"
        );
    }

    #[test]
    fn a_digest_knows_a_consensus_and_what_is_overdue() {
        use crate::model::assessment::{
            ActionItem, ActionStatus, Assessor, Partner, Profile, Purpose,
        };
        use crate::model::changes::Change;
        let b = crate::store::embedded::builtin().unwrap();
        let mut a = Assessment::new(&b.rubric, Profile::default(), Purpose::NewDesign, "2026-27");
        a.assessors = vec![Assessor {
            name: "Maria".into(),
            partner: Partner::AdultBasicSkills,
        }];
        let today = Date::new(2026, 11, 30).unwrap();
        let due = |d: u8, status| ActionItem {
            what: "x".into(),
            owner: "y".into(),
            due: Some(Date::new(2026, 11, d).unwrap()),
            status,
        };
        a.response_mut("PD-1").actions = vec![
            due(29, ActionStatus::Planned),
            due(30, ActionStatus::Planned),
            due(1, ActionStatus::Done),
            due(2, ActionStatus::InProgress),
        ];
        let view = digest("v", &a, &b.rubric, &b.screener, today);
        assert_eq!(view.standing, Standing::Partner("ABS".into()));
        // Due before today and still open: two; due today is not late yet.
        assert_eq!(view.overdue, 2);
        a.changes.push(Change {
            at: Timestamp(1),
            by: "maria".into(),
            what: What::Created {
                how: Origin::Consensus { of: vec![] },
            },
        });
        let agreed = digest("c", &a, &b.rubric, &b.screener, today);
        assert_eq!(
            agreed.standing,
            Standing::Joint,
            "a consensus, whoever saved it"
        );
    }

    #[test]
    fn bands_follow_the_scale_however_short() {
        let rollup = |levels: &[u8]| Rollup {
            cycle: None,
            programs: vec![],
            left_out: vec![],
            indicators: vec![],
            categories: vec![],
            levels: levels.iter().map(|v| (*v, format!("L{v}"))).collect(),
            verdicts: [[0; 3]; 2],
        };
        assert_eq!(rollup(&[0, 1]).band_labels(), vec!["<1", "1"]);
        assert_eq!(rollup(&[1]).band_labels(), vec!["all"]);
        assert_eq!(rollup(&[]).band_labels(), vec!["all"]);
        assert_eq!(rollup(&[0, 1, 2]).band_labels(), vec!["<1", "1 to <2", "2"]);
    }

    #[test]
    fn a_joint_assessment_alone_is_preferred_over_nothing() {
        let (chosen, left) = choose(vec![d("t", "P", "1", Standing::Joint, 9, 1)], None);
        assert!(left.is_empty());
        assert_eq!(chosen[0].why, "the latest cycle, 1; 9 of 35 done");
    }

    #[test]
    fn a_file_with_no_program_name_is_left_out() {
        let (chosen, left) = choose(vec![d("x", "  ", "1", abs(), 1, 1)], None);
        assert!(chosen.is_empty());
        assert!(left[0].why.contains("no program name"));
    }

    fn with_marks(name: &str, marks: &[(Mark, bool)]) -> Chosen {
        let mut digest = d(name, name, "1", Standing::Joint, 0, 1);
        digest.marks = marks.to_vec();
        Chosen {
            digest,
            why: String::new(),
        }
    }

    #[test]
    fn counts_means_spread_and_bands() {
        let rubric = crate::store::embedded::builtin().unwrap().rubric;
        let n = rubric.indicator_count();
        let mut a = vec![(Mark::Unrated, false); n];
        let mut b = a.clone();
        let mut c = a.clone();
        a[0] = (Mark::Level(0), false);
        b[0] = (Mark::Level(3), true);
        c[0] = (Mark::NotApplicable, false);
        a[1] = (Mark::Level(2), false);
        b[1] = (Mark::Level(2), false);
        let r = roll_up(
            &rubric,
            vec![
                with_marks("a", &a),
                with_marks("b", &b),
                with_marks("c", &c),
            ],
            vec![],
            None,
        );
        let first = &r.indicators[0];
        assert_eq!(first.levels, vec![1, 0, 0, 1]);
        assert_eq!(
            (first.not_applicable, first.unsure, first.unrated),
            (1, 1, 0)
        );
        assert_eq!(first.mean, Some(1.5));
        assert_eq!(first.spread, Some(3));
        assert_eq!(first.deviation, Some(1.5));
        let second = &r.indicators[1];
        assert_eq!((second.spread, second.unrated), (Some(0), 1));
        assert_eq!(r.indicators[2].mean, None);
        // Program Design: a's mean is 1, b's 2.5, c has none.
        let pd = &r.categories[0];
        assert_eq!(pd.mean, Some(1.75));
        assert_eq!(pd.bands, vec![0, 1, 1, 0]);
        assert_eq!(pd.no_mean, 1);
        assert_eq!(r.band_labels(), vec!["<1", "1 to <2", "2 to <3", "3"]);
        // Weakest first: the lower mean, and nothing without a mean.
        let weakest: Vec<&str> = r.weakest(5).iter().map(|x| x.id.as_str()).collect();
        assert_eq!(weakest, vec!["PD-1", "PD-2"]);
        assert_eq!(r.order(Order::Spread)[0], 0);
        assert_eq!(r.verdicts, [[3, 0, 0], [0, 0, 3]]);
    }
}
