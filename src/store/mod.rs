//! Files: where they live and how they are read.

pub mod catalogue;
pub mod data_file;
pub mod embedded;
pub mod paths;
