//! Where ietkit keeps its files.

use std::env;
use std::path::{Path, PathBuf};

use directories::ProjectDirs;

/// Overrides the data folder, e.g. for a shared team folder.
pub const DATA_DIR_VAR: &str = "IETKIT_DATA_DIR";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    pub path: PathBuf,
    pub chosen_by: ChosenBy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChosenBy {
    Flag,
    Variable,
    Default,
}

impl DataDir {
    /// `--data-dir` first, then `IETKIT_DATA_DIR`, then the platform's
    /// user data folder (on Linux `$XDG_DATA_HOME/ietkit`).
    pub fn resolve(flag: Option<&Path>) -> Option<DataDir> {
        if let Some(path) = flag {
            return Some(DataDir {
                path: path.to_path_buf(),
                chosen_by: ChosenBy::Flag,
            });
        }
        if let Some(path) = env::var_os(DATA_DIR_VAR).filter(|v| !v.is_empty()) {
            return Some(DataDir {
                path: PathBuf::from(path),
                chosen_by: ChosenBy::Variable,
            });
        }
        ProjectDirs::from("", "", "ietkit").map(|dirs| DataDir {
            path: dirs.data_dir().to_path_buf(),
            chosen_by: ChosenBy::Default,
        })
    }

    /// Where a team's own rubric files go.
    pub fn rubrics(&self) -> PathBuf {
        self.path.join("rubrics")
    }

    pub fn describe(&self) -> String {
        let how = match self.chosen_by {
            ChosenBy::Flag => "set with --data-dir",
            ChosenBy::Variable => "set with IETKIT_DATA_DIR",
            ChosenBy::Default => "the default",
        };
        format!("{} ({how})", self.path.display())
    }
}
