//! The domain: pure types and rules, no terminal and no files.

pub mod assessment;
pub mod content_hash;
pub mod date;
pub mod rubric;
pub mod scale;
pub mod scoring;
pub mod screener;
pub mod timestamp;
pub mod toolkit;
pub mod validate;
