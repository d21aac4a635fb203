//! Scores per category and overall, each able to say what went into it.
//!
//! Rules: only indicators with a level count toward a mean. N/A and unrated
//! indicators are counted apart. "Unsure" is a flag, not a rating: a rated
//! indicator marked unsure still counts, and the explanation says so.

use super::assessment::{Assessment, Rating, Response};
use super::rubric::{Category, Indicator, Rubric};
use super::scale::Scale;

/// Counts behind a score.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub total: usize,
    pub rated: usize,
    pub not_applicable: usize,
    pub unrated: usize,
    /// Marked unsure, whatever their rating.
    pub unsure: usize,
    /// How many indicators sit at each level, indexed by level value.
    pub distribution: Vec<usize>,
    pub sum: u64,
}

impl Tally {
    fn new(scale: &Scale) -> Tally {
        Tally {
            distribution: vec![0; scale.levels.len()],
            ..Tally::default()
        }
    }

    fn add(&mut self, item: &Item<'_>) {
        self.total += 1;
        self.unsure += usize::from(item.unsure);
        match item.counted_level() {
            Some(level) => {
                self.rated += 1;
                self.sum += u64::from(level);
                self.distribution[usize::from(level)] += 1;
            }
            None if item.is_not_applicable() => self.not_applicable += 1,
            None => self.unrated += 1,
        }
    }

    fn absorb(&mut self, other: &Tally) {
        self.total += other.total;
        self.rated += other.rated;
        self.not_applicable += other.not_applicable;
        self.unrated += other.unrated;
        self.unsure += other.unsure;
        self.sum += other.sum;
        for (mine, theirs) in self.distribution.iter_mut().zip(&other.distribution) {
            *mine += theirs;
        }
    }

    /// Mean level of the rated indicators; `None` when nothing is rated.
    pub fn mean(&self) -> Option<f64> {
        (self.rated > 0).then(|| self.sum as f64 / self.rated as f64)
    }

    /// "2.25", or a plain phrase when there is nothing to average.
    pub fn mean_text(&self) -> String {
        match self.mean() {
            Some(mean) => format!("{mean:.2}"),
            None => "no ratings yet".to_string(),
        }
    }

    /// The mean in a sentence, with what it is worked out from: "Mean
    /// 2.50 from 2 rated of 4 indicators." or why there is none yet.
    pub fn mean_sentence(&self) -> String {
        use crate::text::count;
        match self.mean() {
            Some(_) => format!(
                "Mean {} from {} rated of {}.",
                self.mean_text(),
                self.rated,
                count(self.total, "indicator", "indicators")
            ),
            None if self.total == 0 => "No mean: there are no indicators.".to_string(),
            None if self.total == 1 => "No mean yet: its one indicator has no level.".to_string(),
            None => format!(
                "No mean yet: none of its {} indicators has a level.",
                self.total
            ),
        }
    }
}

/// One indicator as scoring saw it.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub indicator: &'a Indicator,
    pub rating: &'a Rating,
    pub unsure: bool,
    /// Whether the level exists on the scale (a hand-edited file may hold 7).
    on_scale: bool,
}

const UNRATED: Rating = Rating::Unrated;

impl<'a> Item<'a> {
    fn new(indicator: &'a Indicator, response: Option<&'a Response>, scale: &Scale) -> Item<'a> {
        let rating = response.map_or(&UNRATED, |r| &r.rating);
        let on_scale = match rating {
            Rating::Level(v) => scale.level(*v).is_some(),
            _ => true,
        };
        Item {
            indicator,
            rating,
            unsure: response.is_some_and(|r| r.unsure),
            on_scale,
        }
    }

    fn counted_level(&self) -> Option<u8> {
        match self.rating {
            Rating::Level(v) if self.on_scale => Some(*v),
            _ => None,
        }
    }

    fn is_not_applicable(&self) -> bool {
        matches!(self.rating, Rating::NotApplicable { .. })
    }
}

#[derive(Debug, Clone)]
pub struct CategoryScore<'a> {
    pub category: &'a Category,
    pub tally: Tally,
    pub items: Vec<Item<'a>>,
}

#[derive(Debug, Clone)]
pub struct Summary<'a> {
    pub scale: &'a Scale,
    pub categories: Vec<CategoryScore<'a>>,
    pub overall: Tally,
}

/// Scores `assessment` against `rubric`. Responses for indicators the rubric
/// does not have are left out; indicators without a response count as unrated.
pub fn score<'a>(rubric: &'a Rubric, assessment: &'a Assessment) -> Summary<'a> {
    let scale = &rubric.scale;
    let responses = assessment.by_indicator();
    let mut overall = Tally::new(scale);
    let categories = rubric
        .categories
        .iter()
        .map(|category| {
            let items: Vec<Item<'a>> = category
                .indicators
                .iter()
                .map(|i| Item::new(i, responses.get(i.id.as_str()).copied(), scale))
                .collect();
            let mut tally = Tally::new(scale);
            items.iter().for_each(|item| tally.add(item));
            overall.absorb(&tally);
            CategoryScore {
                category,
                tally,
                items,
            }
        })
        .collect();
    Summary {
        scale,
        categories,
        overall,
    }
}

impl CategoryScore<'_> {
    /// Plain-language lines saying how this category's score was worked out.
    pub fn explain(&self, scale: &Scale) -> Vec<String> {
        let t = &self.tally;
        let name = &self.category.name;
        let mut lines = Vec::new();
        if t.total == 0 {
            lines.push(format!(
                "{name}: this category has no indicators, so it has no score."
            ));
            return lines;
        }
        match t.mean() {
            Some(_) => lines.push(format!(
                "{name}: mean {} from {} rated of {}.",
                t.mean_text(),
                t.rated,
                crate::text::count(t.total, "indicator", "indicators")
            )),
            None if t.total == 1 => lines.push(format!(
                "{name}: no mean yet, because its one indicator has no level."
            )),
            None => lines.push(format!(
                "{name}: no mean yet, because none of its {} indicators has a level.",
                t.total
            )),
        }

        let counted: Vec<&Item> = self
            .items
            .iter()
            .filter(|i| i.counted_level().is_some())
            .collect();
        if !counted.is_empty() {
            let parts: Vec<String> = counted
                .iter()
                .map(|i| {
                    let level = i.counted_level().unwrap_or_default();
                    let unsure = if i.unsure {
                        " (marked unsure, still counted)"
                    } else {
                        ""
                    };
                    format!("{} = {}{unsure}", i.indicator.id, scale.label(level))
                })
                .collect();
            lines.push(format!("  Counted: {}.", parts.join("; ")));
            let digits: Vec<String> = counted
                .iter()
                .map(|i| i.counted_level().unwrap_or_default().to_string())
                .collect();
            lines.push(format!(
                "  Mean = ({}) / {} = {}.",
                digits.join(" + "),
                t.rated,
                t.mean_text()
            ));
        }

        for item in &self.items {
            match item.rating {
                Rating::NotApplicable { reason } => lines.push(format!(
                    "  Not counted: {} is N/A ({}).",
                    item.indicator.id,
                    if crate::text::aside(reason).is_empty() {
                        "no reason given"
                    } else {
                        crate::text::aside(reason)
                    }
                )),
                Rating::Level(v) if !item.on_scale => lines.push(format!(
                    "  Not counted: {} has level {v}, which this scale does not have.",
                    item.indicator.id
                )),
                _ => {}
            }
        }
        let unrated: Vec<String> = self
            .items
            .iter()
            .filter(|i| matches!(i.rating, Rating::Unrated))
            .map(|i| {
                if i.unsure {
                    format!("{} (marked unsure)", i.indicator.id)
                } else {
                    i.indicator.id.clone()
                }
            })
            .collect();
        if !unrated.is_empty() {
            lines.push(format!("  Not rated yet: {}.", unrated.join(", ")));
        }
        if t.rated > 0 {
            lines.push(format!("  Levels: {}.", distribution_text(t, scale)));
        }
        lines
    }
}

fn distribution_text(t: &Tally, scale: &Scale) -> String {
    scale
        .levels
        .iter()
        .map(|l| {
            format!(
                "{} x{}",
                scale.label(l.value),
                t.distribution[usize::from(l.value)]
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl Summary<'_> {
    /// How the overall score was worked out.
    pub fn explain_overall(&self) -> Vec<String> {
        let t = &self.overall;
        let mut lines = vec![match t.mean() {
            Some(_) => format!(
                "Overall: mean {} from {} rated of {}.",
                t.mean_text(),
                t.rated,
                crate::text::count(t.total, "indicator", "indicators")
            ),
            None => format!(
                "Overall: no mean yet, because none of the {} indicators has a level.",
                t.total
            ),
        }];
        lines.push(
            "  Every rated indicator counts once, so a category with more rated indicators weighs more."
                .to_string(),
        );
        lines.push(format!(
            "  Not counted: {} N/A, {} not rated yet. Marked unsure: {}.",
            t.not_applicable, t.unrated, t.unsure
        ));
        if t.rated > 0 {
            lines.push(format!("  Levels: {}.", distribution_text(t, self.scale)));
        }
        lines
    }

    /// Every category's explanation, then the overall one.
    pub fn explain(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .categories
            .iter()
            .flat_map(|c| c.explain(self.scale))
            .collect();
        lines.extend(self.explain_overall());
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::{Profile, Purpose};

    /// Two categories: A with A-1..A-4, B with B-1; plus E with none.
    fn rubric() -> Rubric {
        let indicator = |id: &str| {
            format!(
                r#"(id: "{id}", title: "t", description: "d", levels: ["0", "1", "2", "3"], evidence: ["e"], phase: PlanAndDesign)"#
            )
        };
        let source = format!(
            r#"Rubric(id: "r", version: "1", title: "R", note: "n",
              scale: (levels: [(value: 0, name: "Not yet", meaning: "m"), (value: 1, name: "Beginning", meaning: "m"),
                               (value: 2, name: "Developing", meaning: "m"), (value: 3, name: "Established", meaning: "m")],
                      not_applicable: (name: "N/A", meaning: "m"), unsure: (name: "Unsure", meaning: "m")),
              categories: [
                (id: "A", name: "Alpha", summary: "s", indicators: [{}, {}, {}, {}]),
                (id: "B", name: "Beta", summary: "s", indicators: [{}]),
                (id: "E", name: "Empty", summary: "s", indicators: []),
              ])"#,
            indicator("A-1"),
            indicator("A-2"),
            indicator("A-3"),
            indicator("A-4"),
            indicator("B-1"),
        );
        ron::from_str(&source).expect("test rubric parses")
    }

    fn assessment(rubric: &Rubric) -> Assessment {
        Assessment::new(
            rubric,
            Profile::default(),
            Purpose::EvaluatingExisting,
            "2026-27",
        )
    }

    fn rate(a: &mut Assessment, id: &str, rating: Rating, unsure: bool) {
        let r = a.response_mut(id);
        r.rating = rating;
        r.unsure = unsure;
    }

    #[test]
    fn mean_counts_only_rated_indicators() {
        let rubric = rubric();
        let mut a = assessment(&rubric);
        rate(&mut a, "A-1", Rating::Level(2), false);
        rate(&mut a, "A-2", Rating::Level(3), false);
        rate(
            &mut a,
            "A-3",
            Rating::NotApplicable {
                reason: "no facility".into(),
            },
            false,
        );
        let s = score(&rubric, &a);
        let t = &s.categories[0].tally;
        assert_eq!(
            (t.total, t.rated, t.not_applicable, t.unrated),
            (4, 2, 1, 1)
        );
        assert_eq!(t.mean(), Some(2.5));
        assert_eq!(t.mean_text(), "2.50");
        assert_eq!(t.mean_sentence(), "Mean 2.50 from 2 rated of 4 indicators.");
        assert_eq!(t.distribution, [0, 0, 1, 1]);
    }

    #[test]
    fn unsure_is_a_flag_not_a_rating() {
        let rubric = rubric();
        let mut a = assessment(&rubric);
        rate(&mut a, "A-1", Rating::Level(1), true);
        rate(&mut a, "A-2", Rating::Unrated, true);
        let s = score(&rubric, &a);
        let t = &s.categories[0].tally;
        assert_eq!((t.rated, t.unrated, t.unsure), (1, 3, 2));
        assert_eq!(t.mean(), Some(1.0));
        let text = s.categories[0].explain(s.scale).join("\n");
        assert!(
            text.contains("A-1 = 1 Beginning (marked unsure, still counted)"),
            "{text}"
        );
        assert!(
            text.contains("Not rated yet: A-2 (marked unsure), A-3, A-4."),
            "{text}"
        );
    }

    #[test]
    fn empty_and_unrated_categories_have_no_mean_and_say_why() {
        let rubric = rubric();
        let a = assessment(&rubric);
        let s = score(&rubric, &a);
        assert_eq!(s.categories[1].tally.mean(), None);
        assert_eq!(s.categories[1].tally.mean_text(), "no ratings yet");
        assert_eq!(
            s.categories[1].tally.mean_sentence(),
            "No mean yet: its one indicator has no level."
        );
        assert_eq!(
            s.categories[0].tally.mean_sentence(),
            "No mean yet: none of its 4 indicators has a level."
        );
        assert_eq!(
            s.categories[2].tally.mean_sentence(),
            "No mean: there are no indicators."
        );
        assert_eq!(
            s.categories[1].explain(s.scale),
            [
                "Beta: no mean yet, because its one indicator has no level.",
                "  Not rated yet: B-1."
            ]
        );
        let empty = &s.categories[2];
        assert_eq!(empty.tally.total, 0);
        assert_eq!(empty.tally.mean(), None);
        assert_eq!(
            empty.explain(s.scale),
            ["Empty: this category has no indicators, so it has no score."]
        );
        assert_eq!(s.overall.mean(), None);
        let overall = s.explain_overall();
        assert!(
            overall[0].starts_with("Overall: no mean yet"),
            "{overall:?}"
        );
        assert!(
            !overall.iter().any(|l| l.contains("Levels:")),
            "no levels to list when nothing is rated: {overall:?}"
        );
    }

    #[test]
    fn overall_weighs_every_rated_indicator_once() {
        let rubric = rubric();
        let mut a = assessment(&rubric);
        for id in ["A-1", "A-2", "A-3"] {
            rate(&mut a, id, Rating::Level(0), false);
        }
        rate(&mut a, "B-1", Rating::Level(3), true);
        a.response_mut("A-1").unsure = true;
        let s = score(&rubric, &a);
        // Not the mean of category means (0 and 3 -> 1.5): 3 / 4 indicators.
        assert_eq!(s.overall.mean(), Some(0.75));
        assert_eq!(s.overall.distribution, [3, 0, 0, 1]);
        assert_eq!(
            (
                s.overall.total,
                s.overall.rated,
                s.overall.unrated,
                s.overall.unsure
            ),
            (5, 4, 1, 2),
            "every count is the sum of the categories'"
        );
        let text = s.explain_overall().join("\n");
        assert!(
            text.contains("Overall: mean 0.75 from 4 rated of 5 indicators."),
            "{text}"
        );
        assert!(
            text.contains("a category with more rated indicators weighs more"),
            "{text}"
        );
        assert!(text.contains("0 N/A, 1 not rated yet"), "{text}");
    }

    #[test]
    fn explanation_shows_the_arithmetic_and_what_was_left_out() {
        let rubric = rubric();
        let mut a = assessment(&rubric);
        rate(&mut a, "A-1", Rating::Level(2), false);
        rate(&mut a, "A-2", Rating::Level(3), false);
        rate(
            &mut a,
            "A-3",
            Rating::NotApplicable {
                reason: "campus program. ".into(),
            },
            false,
        );
        rate(
            &mut a,
            "A-4",
            Rating::NotApplicable {
                reason: "  ".into(),
            },
            false,
        );
        let s = score(&rubric, &a);
        let lines = s.categories[0].explain(s.scale);
        assert_eq!(lines[0], "Alpha: mean 2.50 from 2 rated of 4 indicators.");
        assert_eq!(
            lines[1],
            "  Counted: A-1 = 2 Developing; A-2 = 3 Established."
        );
        assert_eq!(lines[2], "  Mean = (2 + 3) / 2 = 2.50.");
        assert_eq!(lines[3], "  Not counted: A-3 is N/A (campus program).");
        assert_eq!(lines[4], "  Not counted: A-4 is N/A (no reason given).");
        assert!(lines[5].starts_with("  Levels: 0 Not yet x0, 1 Beginning x0, 2 Developing x1"));
    }

    #[test]
    fn missing_foreign_and_off_scale_responses_are_handled() {
        let rubric = rubric();
        let mut a = assessment(&rubric);
        a.responses.retain(|r| r.indicator != "A-4");
        rate(&mut a, "RETIRED-9", Rating::Level(3), false);
        rate(&mut a, "A-1", Rating::Level(7), false);
        let s = score(&rubric, &a);
        let t = &s.categories[0].tally;
        assert_eq!(
            (t.total, t.rated, t.unrated),
            (4, 0, 4),
            "A-4 missing counts as unrated"
        );
        assert_eq!(
            s.overall.total, 5,
            "RETIRED-9 is not in the rubric, so not scored"
        );
        let text = s.categories[0].explain(s.scale).join("\n");
        assert!(
            text.contains("A-1 has level 7, which this scale does not have"),
            "{text}"
        );
    }
}
