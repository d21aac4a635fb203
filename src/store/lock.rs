//! One writer per assessment: an advisory lock on `<file>.lock`, which
//! records who holds it. The operating system drops the lock when the
//! holding process ends, however it ends, so a stale lock file never blocks.
//! The lock file itself stays: removing it could let two sessions lock two
//! different files of the same name.
//!
//! The lock file is opened through [`Folder::open_lock`]: never through a
//! link, never a special file, and never truncated unless this session
//! holds the lock on it.

use std::fs::{File, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
#[cfg(test)]
use std::path::PathBuf;

use super::folder::{Folder, FolderError};

/// Held while an assessment is open for changing; dropping it releases it.
#[derive(Debug)]
pub struct Lock {
    file: File,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockError {
    /// Someone else has it open; `holder` is what their lock file says.
    Held { holder: String },
    /// The lock could not be taken (a read-only folder, a link where the
    /// lock file goes, say): `reason` says why in plain words.
    Unavailable { reason: String },
}

impl LockError {
    /// Why the assessment cannot be changed now, for a status line.
    pub fn why(&self) -> String {
        match self {
            LockError::Held { holder } => format!("open in another session: {holder}"),
            LockError::Unavailable { reason } => reason.clone(),
        }
    }

    fn from_folder(e: &FolderError) -> LockError {
        let reason = match e {
            FolderError::NotOurs { kind, .. } => format!(
                "its lock file is {}, not one ietkit made; `ietkit team check` says more",
                kind.noun()
            ),
            e => format!("its lock file cannot be made: {}", e.reason()),
        };
        LockError::Unavailable { reason }
    }
}

/// The lock file's name for the assessment file `name`.
pub fn lock_name(name: &str) -> String {
    format!("{name}.lock")
}

fn read_holder(file: &mut File) -> String {
    let mut holder = String::new();
    let _ = Read::by_ref(file).take(4096).read_to_string(&mut holder);
    let holder = crate::text::clean_line(holder.trim());
    if holder.is_empty() {
        "another session".into()
    } else {
        holder
    }
}

impl Lock {
    /// Takes the lock of the assessment file `name` in `folder`; `me` is
    /// written in it for anyone who finds it locked.
    pub fn take(folder: &Folder, name: &str, me: &str) -> Result<Lock, LockError> {
        let mut file = folder
            .open_lock(&lock_name(name))
            .map_err(|e| LockError::from_folder(&e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(LockError::Held {
                    holder: read_holder(&mut file),
                });
            }
            Err(TryLockError::Error(e)) => {
                return Err(LockError::Unavailable {
                    reason: format!("it cannot be locked: {e}"),
                });
            }
        }
        // Ours now: record who we are (a lock file opened read-only, made
        // by someone else, stays as it is).
        let mut lock = Lock { file };
        lock.describe(me);
        Ok(lock)
    }

    /// Says `me` in the lock file, for anyone who finds it locked (when the
    /// person holding it has just said who they are).
    pub fn describe(&mut self, me: &str) {
        if self.file.set_len(0).is_ok() {
            let _ = self.file.seek(SeekFrom::Start(0));
            let _ = self.file.write_all(me.as_bytes());
            let _ = self.file.sync_all();
        }
    }

    /// Who holds the lock of `name` in `folder`, if anyone: the lock is
    /// tried for a moment and never kept. A lock file that cannot be
    /// opened says nothing.
    pub fn holder(folder: &Folder, name: &str) -> Option<String> {
        let mut file = folder.open_file(&lock_name(name)).ok()?;
        match file.try_lock_shared() {
            Ok(()) => {
                let _ = file.unlock();
                None
            }
            Err(TryLockError::WouldBlock) => Some(read_holder(&mut file)),
            Err(TryLockError::Error(_)) => None,
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(label: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ietkit-lock-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_second_lock_is_refused_with_the_holder_and_freed_on_drop() {
        let dir = temp("second");
        let folder = Folder::open(&dir, false).unwrap();
        let first = Lock::take(&folder, "a.ron", "Maria on host (process 1)").unwrap();
        assert_eq!(
            Lock::holder(&folder, "a.ron").as_deref(),
            Some("Maria on host (process 1)")
        );
        match Lock::take(&folder, "a.ron", "Sam") {
            Err(LockError::Held { holder }) => assert_eq!(holder, "Maria on host (process 1)"),
            other => panic!("expected Held, got {other:?}"),
        }
        drop(first);
        assert_eq!(Lock::holder(&folder, "a.ron"), None);
        assert_eq!(
            std::fs::read_to_string(dir.join("a.ron.lock")).unwrap(),
            "",
            "no holder recorded"
        );
        assert!(Lock::take(&folder, "a.ron", "Sam").is_ok());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_stale_lock_file_does_not_block() {
        let dir = temp("stale");
        std::fs::write(dir.join("b.ron.lock"), "gone on oldhost (process 1)").unwrap();
        let folder = Folder::open(&dir, false).unwrap();
        assert!(Lock::take(&folder, "b.ron", "me").is_ok());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_lock_file_that_is_a_link_is_never_followed_or_truncated() {
        let dir = temp("link");
        let outside = temp("link-outside");
        let target = outside.join("precious");
        std::fs::write(&target, "keep me").unwrap();
        std::os::unix::fs::symlink(&target, dir.join("c.ron.lock")).unwrap();
        std::os::unix::fs::symlink(outside.join("dangling"), dir.join("d.ron.lock")).unwrap();
        let folder = Folder::open(&dir, false).unwrap();
        for name in ["c.ron", "d.ron"] {
            match Lock::take(&folder, name, "me") {
                Err(LockError::Unavailable { reason }) => {
                    assert!(
                        reason.contains("its lock file is a symbolic link"),
                        "{reason}"
                    )
                }
                other => panic!("expected Unavailable, got {other:?}"),
            }
        }
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
        assert!(!outside.join("dangling").exists());
        // A hard link to a file elsewhere is refused too: emptying the lock
        // file would empty that file.
        std::fs::hard_link(&target, dir.join("e.ron.lock")).unwrap();
        match Lock::take(&folder, "e.ron", "me") {
            Err(LockError::Unavailable { reason }) => {
                assert!(reason.contains("hard link"), "{reason}")
            }
            other => panic!("expected Unavailable, got {other:?}"),
        }
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
        std::fs::remove_dir_all(&dir).unwrap();
        std::fs::remove_dir_all(&outside).unwrap();
    }
}
