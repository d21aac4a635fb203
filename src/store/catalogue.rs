//! Checking and listing sets of data files together, so that a toolkit's
//! links can be resolved against a rubric checked beside it.

use std::path::{Path, PathBuf};

use super::data_file::{self, DataFile, LoadError};
use super::embedded;
use super::folder::{Folder, FolderError};
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
        sources.extend(own_files(dir));
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

/// The `.ron` files in the data folder's `rubrics/`, read without
/// following links: a link or a special file there is reported, not read.
fn own_files(dir: &DataDir) -> Vec<Source> {
    let folder_path = dir.rubrics();
    let problem = |message: String| Source {
        name: folder_path.display().to_string(),
        builtin: false,
        text: Err(LoadError {
            file: folder_path.display().to_string(),
            problems: vec![data_file::FileProblem {
                line: None,
                column: None,
                place: None,
                message,
            }],
        }),
    };
    let folder = match Folder::open(&dir.path, false).and_then(|root| root.sub("rubrics", false)) {
        Ok(folder) => folder,
        Err(FolderError::Io {
            kind: std::io::ErrorKind::NotFound,
            ..
        }) => return Vec::new(),
        Err(e) => return vec![problem(format!("cannot use this folder: {e}"))],
    };
    let entries = match folder.entries() {
        Ok(entries) => entries,
        Err(e) => return vec![problem(format!("cannot list this folder: {e}"))],
    };
    entries
        .into_iter()
        .filter(|(name, _)| name.ends_with(".ron") && !name.starts_with('.'))
        .map(|(name, _)| {
            let shown = folder.join(&name).display().to_string();
            let text = match folder.read(&name, data_file::MAX_FILE_BYTES) {
                Ok(Some(bytes)) => data_file::utf8(&shown, bytes),
                Ok(None) => Err(data_file::too_large(
                    &shown,
                    data_file::MAX_FILE_BYTES,
                    "rubric",
                )),
                Err(e) => Err(LoadError {
                    file: shown.clone(),
                    problems: vec![data_file::FileProblem {
                        line: None,
                        column: None,
                        place: None,
                        message: e.reason(),
                    }],
                }),
            };
            Source {
                name: shown,
                builtin: false,
                text,
            }
        })
        .collect()
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
