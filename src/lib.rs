//! ietkit: assess an Integrated Education and Training (IET) program against
//! the IET Quality Indicators.
//!
//! `model` holds the domain (pure), `store` reads files, `cli` is the
//! command line.

pub mod cli;
pub mod model;
pub mod report;
pub mod store;
pub mod text;
pub mod tui;
