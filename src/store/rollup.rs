//! Reading many assessment files for a roll-up: each is read, checked
//! against the rubric in use and cut down to its digest on one of a few
//! threads, so that a state folder of thousands opens in about a second
//! and no file's notes are held longer than its own reading.

use std::path::{Path, PathBuf};

use super::assessment_file;
use super::folder::{Folder, Kind};
use crate::model::date::Date;
use crate::model::rollup::{Digest, LeftOut, digest};
use crate::model::rubric::Rubric;
use crate::model::screener::Screener;

/// Runs `f` over `items` on as many threads as the machine has cores (at
/// most eight), keeping their order.
pub fn parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    if threads == 1 || items.len() < 16 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| s.spawn(|| part.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Where one file to roll up is: its name in a folder held open (the
/// library, a folder named, or the folder of a file named). Read through
/// the folder, a link is never followed and a pipe never opened.
pub enum Source<'a> {
    In(&'a Folder, String),
    /// Something at an assessment's name that is not a file: a link, a
    /// pipe, a folder. Left out, with what it is.
    NotAFile(Kind),
}

/// One file to roll up: how it is named to the reader, and where it is.
pub struct Item<'a> {
    pub name: String,
    pub source: Source<'a>,
}

/// Reads, checks and digests every item, in parallel; a file that cannot
/// be read or was made with another rubric is left out, with why.
pub fn digests(
    items: &[Item<'_>],
    rubric: &Rubric,
    screener: &Screener,
    today: Date,
) -> (Vec<Digest>, Vec<LeftOut>) {
    let results = parallel(items, |item| {
        let loaded = match &item.source {
            Source::In(folder, name) => assessment_file::read_in(folder, name),
            Source::NotAFile(kind) => {
                return Err(LeftOut {
                    name: item.name.clone(),
                    why: format!(
                        "it is {}, not an assessment file: ietkit leaves it alone and does not follow it",
                        kind.noun()
                    ),
                });
            }
        };
        let loaded = loaded.and_then(|l| l.check(rubric).map(|()| l));
        match loaded {
            // Another rubric's ratings would be counted as this one's.
            Ok(l) if l.assessment.rubric.id != rubric.id => Err(LeftOut {
                name: item.name.clone(),
                why: format!(
                    "it was made with the rubric \"{}\", not \"{}\" rolled up here (--rubric rolls up with another)",
                    crate::text::clean_line(&l.assessment.rubric.id),
                    rubric.id
                ),
            }),
            // Matched to the rubric by indicator id as it is digested: an
            // indicator the file lacks is not rated, one the rubric lacks
            // is not counted.
            Ok(l) => Ok(digest(&item.name, &l.assessment, rubric, screener, today)),
            Err(e) => Err(LeftOut {
                name: item.name.clone(),
                why: format!(
                    "it cannot be read: {}",
                    crate::text::clean_line(&e.to_string())
                ),
            }),
        }
    });
    let mut read = Vec::new();
    let mut left = Vec::new();
    for r in results {
        match r {
            Ok(d) => read.push(d),
            Err(l) => left.push(l),
        }
    }
    (read, left)
}

/// The entries directly in `folder` named as assessments are, with what
/// each is; nothing below it is looked into.
pub fn files_in(folder: &Folder) -> Result<Vec<(String, Kind)>, String> {
    let mut names: Vec<(String, Kind)> = folder
        .entries()
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter(|(name, _)| name.ends_with(".ron") && !name.starts_with('.'))
        .collect();
    names.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(names)
}

/// The items for the entries of `folder`, each named `prefix` and its
/// name (its stem alone when `prefix` is empty).
pub fn items_in<'a>(folder: &'a Folder, prefix: &str) -> Result<Vec<Item<'a>>, String> {
    Ok(files_in(folder)?
        .into_iter()
        .map(|(name, kind)| Item {
            name: if prefix.is_empty() {
                name.strip_suffix(".ron").unwrap_or(&name).to_string()
            } else {
                format!("{prefix}/{name}")
            },
            source: if kind == Kind::File {
                Source::In(folder, name)
            } else {
                Source::NotAFile(kind)
            },
        })
        .collect())
}

/// A folder named on the command line: a data folder (its `assessments`
/// folder is read) or a folder of assessment files; with the path it is
/// shown by.
pub fn open_folder(dir: &Path) -> Result<(Folder, PathBuf), String> {
    let folder = Folder::open(dir, false).map_err(|e| e.to_string())?;
    if folder.kind("assessments") == Kind::Folder {
        let sub = folder
            .sub("assessments", false)
            .map_err(|e| e.to_string())?;
        return Ok((sub, dir.join("assessments")));
    }
    Ok((folder, dir.to_path_buf()))
}

/// Each file once, whatever names it was given by: the later names of a
/// file already listed (the same device and inode) go.
pub fn once_each<'a>(items: Vec<Item<'a>>) -> Vec<Item<'a>> {
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .filter(|item| match &item.source {
            Source::In(folder, name) => match folder.stat(name) {
                Ok(Some(stat)) => seen.insert((stat.st_dev, stat.st_ino)),
                _ => true,
            },
            Source::NotAFile(_) => true,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::parallel;

    #[test]
    fn parallel_keeps_the_order_of_its_items() {
        let items: Vec<usize> = (0..1000).collect();
        let out = parallel(&items, |x| x * 2);
        assert_eq!(out, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        assert!(parallel(&[] as &[u8], |x| *x).is_empty());
    }
}
