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

/// Where one file to roll up is.
pub enum Source<'a> {
    /// A file in a folder held open (the library, or a folder named).
    In(&'a Folder, String),
    /// A file named by its path.
    Path(PathBuf),
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
            Source::Path(path) => assessment_file::read(path),
        };
        let loaded = loaded.and_then(|l| l.check(rubric).map(|()| l));
        match loaded {
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

/// The assessment files directly in `folder`, by their names; anything
/// else there (a link, a pipe, a folder) is not looked into.
pub fn files_in(folder: &Folder) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = folder
        .entries()
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter(|(name, kind)| {
            *kind == Kind::File && name.ends_with(".ron") && !name.starts_with('.')
        })
        .map(|(name, _)| name)
        .collect();
    names.sort();
    Ok(names)
}

/// A folder named on the command line: a data folder (its `assessments`
/// folder is read) or a folder of assessment files.
pub fn open_folder(dir: &Path) -> Result<Folder, String> {
    let folder = Folder::open(dir, false).map_err(|e| e.to_string())?;
    if folder.kind("assessments") == Kind::Folder {
        return folder.sub("assessments", false).map_err(|e| e.to_string());
    }
    Ok(folder)
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
