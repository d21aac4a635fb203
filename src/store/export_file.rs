//! Writing an export to a path the user chose: whole or not at all, never
//! over an existing file unless asked, with reasons a user can act on.

use std::io::Write as _;
use std::path::Path;

/// Why an export was not written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("{file} already exists; nothing was written.")]
    Exists { file: String },
    #[error("could not write {file}: {reason}")]
    Failed { file: String, reason: String },
}

/// Writes `text` to `path` through a temporary file renamed into place, so
/// a reader never sees half a report. Refuses to replace a file unless
/// `replace` is set, and never creates folders: a mistyped folder is an error.
pub fn write(path: &Path, text: &str, replace: bool) -> Result<(), ExportError> {
    let file = path.display().to_string();
    let failed = |reason: String| ExportError::Failed {
        file: file.clone(),
        reason,
    };
    if path.is_dir() {
        return Err(failed(
            "that is a folder; give a file name inside it.".into(),
        ));
    }
    if path.exists() && !replace {
        return Err(ExportError::Exists { file });
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        return Err(failed(format!(
            "the folder {} does not exist; create it first or choose another.",
            parent.display()
        )));
    }
    let reason = |e: std::io::Error| {
        use std::io::ErrorKind;
        match e.kind() {
            ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
                "you cannot write in that folder; choose another.".to_string()
            }
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
                "the disk is full; free some space or choose another place.".to_string()
            }
            _ => e.to_string(),
        }
    };
    let mut out = atomic_write_file::AtomicWriteFile::open(path).map_err(|e| failed(reason(e)))?;
    out.write_all(text.as_bytes())
        .map_err(|e| failed(reason(e)))?;
    out.commit().map_err(|e| failed(reason(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_replace_or_to_invent_folders() {
        let dir = std::env::temp_dir().join(format!("ietkit-export-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("report.md");
        write(&target, "one", false).unwrap();
        assert!(matches!(
            write(&target, "two", false),
            Err(ExportError::Exists { .. })
        ));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "one");
        write(&target, "two", true).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "two");
        let err = write(&dir.join("missing/report.md"), "x", false).unwrap_err();
        assert!(err.to_string().contains("does not exist"), "{err}");
        let err = write(&dir, "x", true).unwrap_err();
        assert!(err.to_string().contains("is a folder"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
