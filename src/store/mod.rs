//! Files: where they live and how they are read.

pub mod assessment_file;
pub mod catalogue;
pub mod data_file;
pub mod embedded;
pub mod export_file;
pub mod folder;
pub mod library;
pub mod lock;
pub mod paths;
pub mod people;
pub mod rollup;
pub mod team;
