//! Writing an export to a path the user chose: whole or not at all, never
//! over an existing file unless asked, with reasons a user can act on.

use std::io::Write as _;
use std::os::unix::fs::OpenOptionsExt as _;
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
pub fn write(
    path: &Path,
    text: &str,
    replace: bool,
    data_dir: Option<&Path>,
) -> Result<(), ExportError> {
    let file = path.display().to_string();
    let failed = |reason: String| ExportError::Failed {
        file: file.clone(),
        reason,
    };
    // A link is written through, to the file it names (which is then
    // checked like any other); never replaced by a file of its own.
    let resolved;
    let path = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => match path.canonicalize() {
            Ok(to) => {
                resolved = to;
                resolved.as_path()
            }
            // A link to a pipe or a terminal (/dev/stdout): as below.
            Err(_)
                if std::fs::metadata(path)
                    .is_ok_and(|m| !m.file_type().is_file() && !m.file_type().is_dir()) =>
            {
                path
            }
            Err(_) => {
                return Err(failed(format!(
                    "that is a link to {}, which does not exist; give the file's own name.",
                    std::fs::read_link(path)
                        .map_or_else(|_| "nothing".into(), |t| t.display().to_string())
                )));
            }
        },
        _ => path,
    };
    // Never into the data folder: a report there could take the place of
    // an assessment someone has open.
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if let (Some(data), Ok(at)) = (
        data_dir.and_then(|d| d.canonicalize().ok()),
        parent.canonicalize(),
    ) && let Ok(inside) = at.strip_prefix(&data)
    {
        let ours = ["assessments", "trash", "rubrics", "people", "state"];
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let taken = match inside.components().next() {
            Some(first) => ours.iter().any(|o| first.as_os_str() == *o),
            None => name.is_some_and(|n| n == "state.ron" || ours.contains(&n.as_str())),
        };
        if taken {
            return Err(failed(format!(
                "that is where ietkit keeps its own files, in the data folder {}; export somewhere else, such as your home folder.",
                data.display()
            )));
        }
    }
    if path.is_dir() {
        return Err(failed(
            "that is a folder; give a file name inside it.".into(),
        ));
    }
    // Not a file: a terminal or /dev/null is written to; a named pipe, a
    // socket, a disk or any other device is never written to, nor
    // replaced by a file.
    if let Ok(meta) = std::fs::metadata(path) {
        use std::os::unix::fs::{FileTypeExt, MetadataExt};
        let kind = meta.file_type();
        if kind.is_char_device() {
            let null = std::fs::metadata("/dev/null").is_ok_and(|n| n.rdev() == meta.rdev());
            let mut out = std::fs::OpenOptions::new()
                .write(true)
                .custom_flags(nix::libc::O_NOCTTY | nix::libc::O_NONBLOCK)
                .open(path)
                .map_err(|e| failed(e.to_string()))?;
            if !null && !std::io::IsTerminal::is_terminal(&out) {
                return Err(failed(
                    "that is a device, not a file; give a file name.".into(),
                ));
            }
            // Opened without waiting (a device may hang on open); written
            // waiting, so a slow terminal gets all of it.
            nix::fcntl::fcntl(
                &out,
                nix::fcntl::FcntlArg::F_SETFL(nix::fcntl::OFlag::empty()),
            )
            .map_err(|e| failed(e.desc().to_string()))?;
            return out
                .write_all(text.as_bytes())
                .map_err(|e| failed(e.to_string()));
        }
        let what = if kind.is_fifo() {
            Some("a named pipe (FIFO)")
        } else if kind.is_socket() {
            Some("a socket")
        } else if kind.is_block_device() {
            Some("a disk device")
        } else {
            None
        };
        if let Some(what) = what {
            return Err(failed(format!(
                "that is {what}, not a file; give a file name."
            )));
        }
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
    let mut out = atomic_write_file::AtomicWriteFile::open(path).map_err(|e| failed(reason(e)))?;
    out.write_all(text.as_bytes())
        .map_err(|e| failed(reason(e)))?;
    out.commit().map_err(|e| failed(reason(e)))
}

/// Why writing failed, in words that say what to do.
fn reason(e: std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            "you cannot write in that folder; choose another.".to_string()
        }
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
            "the disk is full; free some space or choose another place.".to_string()
        }
        ErrorKind::FileTooLarge => {
            "the report is larger than this system lets you write (a file-size limit); choose another place or ask whoever runs the server.".to_string()
        }
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::FileTypeExt;

    #[test]
    fn refuses_to_replace_or_to_invent_folders() {
        let dir = std::env::temp_dir().join(format!("ietkit-export-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("report.md");
        write(&target, "one", false, None).unwrap();
        assert!(matches!(
            write(&target, "two", false, None),
            Err(ExportError::Exists { .. })
        ));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "one");
        write(&target, "two", true, None).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "two");
        let err = write(&dir.join("missing/report.md"), "x", false, None).unwrap_err();
        assert!(err.to_string().contains("does not exist"), "{err}");
        let err = write(&dir, "x", true, None).unwrap_err();
        assert!(err.to_string().contains("is a folder"), "{err}");
        // A named pipe is neither written to (it could hang) nor replaced;
        // a character device such as /dev/null is written to.
        let pipe = dir.join("pipe");
        nix::unistd::mkfifo(&pipe, nix::sys::stat::Mode::from_bits_truncate(0o600)).unwrap();
        let err = write(&pipe, "x", true, None).unwrap_err();
        assert!(err.to_string().contains("named pipe"), "{err}");
        assert!(std::fs::metadata(&pipe).unwrap().file_type().is_fifo());
        write(Path::new("/dev/null"), "x", true, None).unwrap();
        assert!(
            std::fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );
        // Any other device is refused, never written to.
        let err = write(Path::new("/dev/full"), "x", true, None).unwrap_err();
        assert!(err.to_string().contains("is a device"), "{err}");
        // Not into the data folder, not even when replacing is allowed.
        std::fs::create_dir_all(dir.join("data/assessments")).unwrap();
        let inside = dir.join("data/assessments/x.ron");
        let err = write(&inside, "x", true, Some(&dir.join("data"))).unwrap_err();
        assert!(
            err.to_string().contains("where ietkit keeps its own files"),
            "{err}"
        );
        assert!(!inside.exists());
        // Nor through a link that points there.
        std::fs::write(&inside, "an assessment").unwrap();
        std::os::unix::fs::symlink(&inside, dir.join("sneaky.md")).unwrap();
        let err = write(&dir.join("sneaky.md"), "x", true, Some(&dir.join("data"))).unwrap_err();
        assert!(
            err.to_string().contains("where ietkit keeps its own files"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&inside).unwrap(), "an assessment");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_link_is_written_through_and_never_replaced() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("ietkit-export-link-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let real = dir.join("real.md");
        std::fs::write(&real, "old").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert!(matches!(
            write(&link, "new", false, None),
            Err(ExportError::Exists { .. })
        ));
        write(&link, "new", true, None).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        assert_eq!(
            std::fs::metadata(&real).unwrap().permissions().mode() & 0o777,
            0o640,
            "the file keeps its own mode, not the link's"
        );
        // A link to nothing: refused, and left as it is.
        let dangling = dir.join("dangling.md");
        std::os::unix::fs::symlink(dir.join("nowhere.md"), &dangling).unwrap();
        let err = write(&dangling, "x", true, None).unwrap_err();
        assert!(err.to_string().contains("which does not exist"), "{err}");
        assert!(
            std::fs::symlink_metadata(&dangling)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(!dir.join("nowhere.md").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn each_failure_says_what_to_do() {
        use std::io::{Error, ErrorKind};
        for (kind, says) in [
            (
                ErrorKind::PermissionDenied,
                "you cannot write in that folder",
            ),
            (
                ErrorKind::ReadOnlyFilesystem,
                "you cannot write in that folder",
            ),
            (ErrorKind::StorageFull, "the disk is full"),
            (ErrorKind::QuotaExceeded, "the disk is full"),
            (ErrorKind::FileTooLarge, "a file-size limit"),
        ] {
            assert!(reason(Error::from(kind)).contains(says), "{kind:?}");
        }
        assert_eq!(
            reason(Error::other("the cable is out")),
            "the cable is out",
            "anything else in its own words"
        );
    }

    /// Only ietkit's own places in the data folder are refused: a folder
    /// of the team's own beside them takes exports.
    #[test]
    fn the_data_folder_refuses_only_its_own_places() {
        let dir = std::env::temp_dir().join(format!("ietkit-export-own-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let data = dir.join("data");
        std::fs::create_dir_all(data.join("reports")).unwrap();
        std::fs::create_dir_all(data.join("trash")).unwrap();
        write(&data.join("reports/weld.md"), "x", false, Some(&data)).unwrap();
        write(&data.join("weld.md"), "x", false, Some(&data)).unwrap();
        for own in ["state.ron", "trash/weld.md", "people"] {
            let err = write(&data.join(own), "x", true, Some(&data)).unwrap_err();
            assert!(
                err.to_string().contains("where ietkit keeps its own files"),
                "{own}: {err}"
            );
        }
        assert!(!data.join("state.ron").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A link that cannot be followed to a path (as /dev/stdout names a
    /// pipe) is judged by what it reaches: a pipe is refused as a pipe; a
    /// file deleted while open is a link to nothing.
    #[test]
    fn a_link_without_a_path_is_judged_by_what_it_reaches() {
        let dir = std::env::temp_dir().join(format!("ietkit-export-fd-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let (_read, pipe) = nix::unistd::pipe().unwrap();
        let to_pipe = dir.join("to-pipe.md");
        std::os::unix::fs::symlink(
            format!("/proc/self/fd/{}", std::os::fd::AsRawFd::as_raw_fd(&pipe)),
            &to_pipe,
        )
        .unwrap();
        let err = write(&to_pipe, "x", true, None).unwrap_err();
        assert!(err.to_string().contains("named pipe"), "{err}");

        let gone = dir.join("gone.md");
        let open = std::fs::File::create(&gone).unwrap();
        std::fs::remove_file(&gone).unwrap();
        let to_gone = dir.join("to-gone.md");
        std::os::unix::fs::symlink(
            format!("/proc/self/fd/{}", std::os::fd::AsRawFd::as_raw_fd(&open)),
            &to_gone,
        )
        .unwrap();
        let err = write(&to_gone, "x", false, None).unwrap_err();
        assert!(err.to_string().contains("which does not exist"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
