//! Makes N varied assessments of fictional programs at fictional
//! colleges, for trying a roll-up across programs on a folder the size of
//! a state's: several cycles of a program, partners' views beside a
//! consensus, views of differing completeness, N/A, unsure, overdue action
//! items and screener answers. Everything is invented and the same for
//! the same seed.
//!
//!     cargo run --release --example generate_assessments -- 3000 /tmp/state [SEED]
//!
//! writes the files into DIR/assessments, so that
//! `ietkit --data-dir DIR rollup` and `ietkit --data-dir DIR` open them.

#![allow(dead_code)]

use ietkit::model::assessment::*;
use ietkit::model::changes::{Change, Origin, What};
use ietkit::model::date::Date;
use ietkit::model::rubric::Rubric;
use ietkit::model::screener::{Answer, Screener};
use ietkit::model::timestamp::Timestamp;

/// A small, fixed random sequence (a 64-bit LCG): the same files for the
/// same seed on every machine.
pub struct Dice(u64);

impl Dice {
    pub fn new(seed: u64) -> Dice {
        Dice(seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1))
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const COLLEGES: &[&str] = &[
    "Alder Creek",
    "Basalt Ridge",
    "Cedar Falls",
    "Dune Hollow",
    "Elk Meadow",
    "Fir Crest",
    "Granite Bay",
    "Heron Point",
    "Iris Valley",
    "Juniper Flats",
    "Kestrel Lake",
    "Larch Hill",
    "Maple Bend",
    "Nettle Coast",
    "Osprey River",
    "Pine Gap",
    "Quartz Canyon",
];

const PROGRAMS: &[(&str, &str)] = &[
    ("Welding IET", "Manufacturing"),
    ("Nursing Assistant IET", "Health Care"),
    ("Diesel Technology IET", "Transportation"),
    ("Early Childhood Education IET", "Education"),
    ("Accounting Clerk IET", "Business"),
    ("Phlebotomy IET", "Health Care"),
    ("Medical Assistant IET", "Health Care"),
    ("IT Support IET", "Information Technology"),
    ("Commercial Driving IET", "Transportation"),
    ("Building Trades IET", "Construction"),
    ("Culinary Arts IET", "Hospitality"),
    ("Forestry Technician IET", "Natural Resources"),
];

const CYCLES: &[&str] = &["2023-24", "2024-25", "2025-26", "2026-27"];

const ROLES: &[(Partner, &str)] = &[
    (Partner::AdultBasicSkills, "ABS coordinator"),
    (Partner::CareerTechnicalEducation, "CTE program chair"),
    (Partner::CareerPathways, "Career Pathways navigator"),
];

/// One file to write: its name, and the assessment.
pub struct Made {
    pub file: String,
    pub assessment: Assessment,
}

/// What was made, and which file the generator meant to stand for each
/// program (the latest cycle; its joint assessment if it has one, else
/// its most complete view), for a test to check a roll-up against.
pub struct Generated {
    pub files: Vec<Made>,
    pub standing: Vec<String>,
}

fn slug(s: &str) -> String {
    ietkit::store::library::slug(s)
}

/// Rates `done` indicators of `a` at random (levels, N/A, unsure), adds
/// action items, some due before `today`, and answers the screener.
fn fill(a: &mut Assessment, rubric: &Rubric, screener: &Screener, done: usize, dice: &mut Dice) {
    let ids: Vec<String> = rubric.indicators().map(|(_, i)| i.id.clone()).collect();
    for id in ids.iter().take(done) {
        let r = a.response_mut(id);
        r.rating = if dice.chance(4) {
            Rating::NotApplicable {
                reason: "Does not apply to this program.".into(),
            }
        } else {
            Rating::Level(dice.below(4) as u8)
        };
        r.unsure = dice.chance(8);
        if dice.chance(10) {
            let year = 2025 + dice.below(3) as u16;
            r.actions.push(ActionItem {
                what: "Follow up with the partners".into(),
                owner: "Program lead".into(),
                due: Date::new(year, 1 + dice.below(12) as u8, 1 + dice.below(28) as u8).ok(),
                status: match dice.below(4) {
                    0 => ActionStatus::Planned,
                    1 => ActionStatus::InProgress,
                    2 => ActionStatus::Done,
                    _ => ActionStatus::Dropped,
                },
            });
        }
    }
    for q in &screener.questions {
        if dice.chance(85) {
            let answer = match dice.below(10) {
                0 => Answer::No,
                1 => Answer::NotSure,
                _ => Answer::Yes,
            };
            a.screener.insert(q.id.clone(), answer);
        }
    }
}

/// Makes at least `n` files (a program's files are made together), from
/// `seed`.
pub fn generate(n: usize, seed: u64, rubric: &Rubric, screener: &Screener) -> Generated {
    let mut dice = Dice::new(seed);
    let total = rubric.indicator_count();
    let mut files = Vec::new();
    let mut standing = Vec::new();
    let mut program = 0usize;
    // Each program once per college first; past 17 x 12, a second site.
    while files.len() < n {
        let college = COLLEGES[program % COLLEGES.len()];
        let (name, area) = PROGRAMS[(program / COLLEGES.len()) % PROGRAMS.len()];
        let site = program / (COLLEGES.len() * PROGRAMS.len());
        let name = if site == 0 {
            name.to_string()
        } else {
            format!("{name}, site {}", site + 1)
        };
        program += 1;
        let profile = Profile {
            college: format!("{college} Community College"),
            program: name.clone(),
            cte_area: area.into(),
            credentials: vec![],
            partners: vec![],
            site: Site {
                kind: if dice.chance(15) {
                    SiteKind::CorrectionalFacility
                } else {
                    SiteKind::Campus
                },
                name: String::new(),
            },
            cohort_size: Some(8 + dice.below(20) as u32),
            hours: ComponentHours::default(),
            start_date: None,
        };
        let cycles = 1 + dice.below(CYCLES.len() as u64) as usize;
        let first = CYCLES.len() - cycles;
        for (c, cycle) in CYCLES.iter().enumerate().skip(first) {
            let latest = c == CYCLES.len() - 1;
            let base = slug(&format!("{name} {college} {cycle}"));
            let when =
                Timestamp(1_700_000_000 + (c as i64) * 31_000_000 + dice.below(1_000_000) as i64);
            // Partners' views, one to three, each of its own completeness.
            let views = 1 + dice.below(3) as usize;
            let joint = views > 1 && dice.chance(60);
            let mut best: Option<(usize, String)> = None;
            for (v, (partner, role)) in ROLES.iter().take(views).enumerate() {
                let mut a =
                    Assessment::new(rubric, profile.clone(), Purpose::EvaluatingExisting, cycle);
                a.assessors = vec![Assessor {
                    name: (*role).into(),
                    partner: partner.clone(),
                }];
                // Distinct completeness, so the most complete is one file.
                let done = total.saturating_sub(v * 5 + dice.below(4) as usize);
                fill(&mut a, rubric, screener, done, &mut dice);
                a.updated = Timestamp(when.0 + v as i64);
                let file = format!("{base}-{}", partner.short().to_lowercase());
                if best.as_ref().is_none_or(|(d, _)| done > *d) {
                    best = Some((done, file.clone()));
                }
                files.push(Made {
                    file,
                    assessment: a,
                });
            }
            let mut chosen = best.map(|(_, f)| f).unwrap_or_default();
            if joint || views == 1 && dice.chance(30) {
                let mut a =
                    Assessment::new(rubric, profile.clone(), Purpose::EvaluatingExisting, cycle);
                a.assessors = ROLES
                    .iter()
                    .take(2)
                    .map(|(p, r)| Assessor {
                        name: (*r).into(),
                        partner: p.clone(),
                    })
                    .collect();
                let done = total.saturating_sub(dice.below(10) as usize);
                fill(&mut a, rubric, screener, done, &mut dice);
                a.updated = Timestamp(when.0 + 100);
                a.changes.push(Change {
                    at: a.updated,
                    by: "generator".into(),
                    what: What::Created {
                        how: Origin::Consensus { of: vec![] },
                    },
                });
                chosen = base.clone();
                files.push(Made {
                    file: base,
                    assessment: a,
                });
            }
            if latest {
                standing.push(chosen);
            }
        }
    }
    Generated { files, standing }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(dir)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: generate_assessments N DIR [SEED]");
        std::process::exit(2);
    };
    let n: usize = n.parse()?;
    let seed: u64 = args.get(3).map_or(Ok(1), |s| s.parse())?;
    let builtin = ietkit::store::embedded::builtin()?;
    let made = generate(n, seed, &builtin.rubric, &builtin.screener);
    let folder = std::path::Path::new(dir).join("assessments");
    std::fs::create_dir_all(&folder)?;
    for m in &made.files {
        let text = ietkit::store::assessment_file::to_text(&m.assessment);
        std::fs::write(folder.join(format!("{}.ron", m.file)), text)?;
    }
    println!(
        "Wrote {} assessments of {} programs in {}",
        made.files.len(),
        made.standing.len(),
        folder.display()
    );
    Ok(())
}
