//! Checking and listing sets of data files together, so that a toolkit's
//! links can be resolved against a rubric checked beside it.

use std::fs;
use std::path::{Path, PathBuf};

use super::data_file::{self, DataFile, LoadError};
use super::embedded;
use super::paths::DataDir;
use crate::model::rubric::Rubric;

pub struct Entry {
    pub name: String,
    pub builtin: bool,
    pub result: Result<DataFile, LoadError>,
}

struct Source {
    name: String,
    builtin: bool,
    text: Result<String, LoadError>,
}

/// Reads and checks the given files.
pub fn check_paths(paths: &[PathBuf]) -> Vec<Entry> {
    check_sources(paths.iter().map(|p| from_disk(p)).collect())
}

/// The built-in files, then every `.ron` file in the data folder's `rubrics/`.
pub fn available(data_dir: Option<&DataDir>) -> Vec<Entry> {
    let mut sources: Vec<Source> = embedded::ALL
        .iter()
        .map(|e| Source {
            name: e.name.to_string(),
            builtin: true,
            text: Ok(e.source.to_string()),
        })
        .collect();
    if let Some(dir) = data_dir {
        let folder = dir.rubrics();
        match fs::read_dir(&folder) {
            Ok(entries) => {
                let mut paths: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                    .collect();
                paths.sort();
                sources.extend(paths.iter().map(|p| from_disk(p)));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => sources.push(Source {
                name: folder.display().to_string(),
                builtin: false,
                text: Err(LoadError {
                    file: folder.display().to_string(),
                    problems: vec![data_file::FileProblem {
                        line: None,
                        column: None,
                        place: None,
                        message: format!("cannot list this folder: {}", data_file::io_reason(&e)),
                    }],
                }),
            }),
        }
    }
    check_sources(sources)
}

/// The rubrics that pass their checks, with the names of their files: the
/// data folder's own first, then the built-in one.
pub fn rubrics(data_dir: Option<&DataDir>) -> Vec<(String, Rubric)> {
    let mut found: Vec<(bool, String, Rubric)> = available(data_dir)
        .into_iter()
        .filter_map(|e| match e.result {
            Ok(DataFile::Rubric(r)) => Some((e.builtin, e.name, r)),
            _ => None,
        })
        .collect();
    found.sort_by_key(|(builtin, _, _)| *builtin);
    found.into_iter().map(|(_, name, r)| (name, r)).collect()
}

/// The rubric with `id` among [`rubrics`], with the name of its file.
pub fn rubric_with_id(data_dir: Option<&DataDir>, id: &str) -> Option<(String, Rubric)> {
    rubrics(data_dir).into_iter().find(|(_, r)| r.id == id)
}

fn from_disk(path: &Path) -> Source {
    Source {
        name: path.display().to_string(),
        builtin: false,
        text: data_file::read_text(path),
    }
}

fn check_sources(sources: Vec<Source>) -> Vec<Entry> {
    let parsed: Vec<Result<DataFile, LoadError>> = sources
        .iter()
        .map(|s| match &s.text {
            Ok(text) => data_file::parse(&s.name, text),
            Err(e) => Err(e.clone()),
        })
        .collect();

    // Rubrics among the files come first, so they win over the built-in one
    // when a toolkit names the same rubric id.
    let builtin_rubric = data_file::parse(embedded::RUBRIC.name, embedded::RUBRIC.source).ok();
    let mut rubrics: Vec<&Rubric> = parsed
        .iter()
        .filter_map(|p| match p {
            Ok(DataFile::Rubric(r)) => Some(r),
            _ => None,
        })
        .collect();
    if let Some(DataFile::Rubric(r)) = &builtin_rubric {
        rubrics.push(r);
    }

    let problems: Vec<Vec<data_file::FileProblem>> = sources
        .iter()
        .zip(&parsed)
        .map(|(s, p)| match (&s.text, p) {
            (Ok(text), Ok(file)) => data_file::check(text, file, &rubrics),
            _ => Vec::new(),
        })
        .collect();

    sources
        .into_iter()
        .zip(parsed)
        .zip(problems)
        .map(|((source, parsed), problems)| {
            let result = match parsed {
                Ok(_) if !problems.is_empty() => Err(LoadError {
                    file: source.name.clone(),
                    problems,
                }),
                other => other,
            };
            Entry {
                name: source.name,
                builtin: source.builtin,
                result,
            }
        })
        .collect()
}
