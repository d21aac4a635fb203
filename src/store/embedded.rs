//! The shipped rubric, toolkit and screener, built into the binary so that
//! the binary alone is the whole install.

use super::data_file::{self, LoadError};
use crate::model::rubric::Rubric;
use crate::model::screener::Screener;
use crate::model::toolkit::Toolkit;

/// A built-in file: the name it is reported under and its text.
pub struct Embedded {
    pub name: &'static str,
    pub source: &'static str,
}

pub const RUBRIC: Embedded = Embedded {
    name: "rubrics/oregon-iet-quality-indicators.ron (built in)",
    source: include_str!("../../rubrics/oregon-iet-quality-indicators.ron"),
};

pub const TOOLKIT: Embedded = Embedded {
    name: "rubrics/oregon-iet-toolkit.ron (built in)",
    source: include_str!("../../rubrics/oregon-iet-toolkit.ron"),
};

pub const SCREENER: Embedded = Embedded {
    name: "rubrics/is-this-an-iet.ron (built in)",
    source: include_str!("../../rubrics/is-this-an-iet.ron"),
};

pub const ALL: [&Embedded; 3] = [&RUBRIC, &TOOLKIT, &SCREENER];

/// The three built-in files, loaded and checked.
pub struct Builtin {
    pub rubric: Rubric,
    pub toolkit: Toolkit,
    pub screener: Screener,
}

/// Loads the built-in files. The test suite proves they load, so an error
/// here means a broken build, reported rather than panicking.
pub fn builtin() -> Result<Builtin, LoadError> {
    let rubric = data_file::load_rubric(RUBRIC.name, RUBRIC.source)?;
    let toolkit = data_file::load_toolkit(TOOLKIT.name, TOOLKIT.source, &rubric)?;
    let screener = data_file::load_screener(SCREENER.name, SCREENER.source)?;
    Ok(Builtin {
        rubric,
        toolkit,
        screener,
    })
}
