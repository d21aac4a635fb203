//! One editor per assessment: an advisory lock on `<file>.lock`, which
//! records who holds it. The operating system drops the lock when the
//! holding process ends, however it ends, so a stale lock file never blocks.
//! The lock file itself stays: removing it could let two sessions lock two
//! different files of the same name.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Held while an assessment is open for editing; dropping it releases it.
#[derive(Debug)]
pub struct Lock {
    file: File,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockError {
    /// Someone else has it open; `holder` is what their lock file says.
    Held { holder: String },
    /// The lock file could not be made (a read-only folder, say).
    Unavailable { reason: String },
}

pub fn lock_path(assessment: &Path) -> PathBuf {
    let mut name = assessment.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    assessment.with_file_name(name)
}

/// "user on host (process 1234)".
fn me() -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_else(|_| "someone".into());
    let host = fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| fs::read_to_string("/etc/hostname"))
        .map(|h| h.trim().to_string())
        .ok()
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "this computer".into());
    format!("{user} on {host} (process {})", std::process::id())
}

impl Lock {
    pub fn acquire(assessment: &Path) -> Result<Lock, LockError> {
        let path = lock_path(assessment);
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&path).map_err(|e| LockError::Unavailable {
            reason: e.to_string(),
        })?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = crate::text::clean_line(holder.trim());
                return Err(LockError::Held {
                    holder: if holder.is_empty() {
                        "another session".into()
                    } else {
                        holder
                    },
                });
            }
            Err(TryLockError::Error(e)) => {
                return Err(LockError::Unavailable {
                    reason: e.to_string(),
                });
            }
        }
        // Ours now: record who we are for anyone who finds it locked.
        let _ = file.set_len(0);
        let _ = file.seek(SeekFrom::Start(0));
        let _ = file.write_all(me().as_bytes());
        let _ = file.sync_all();
        Ok(Lock { file })
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

    #[test]
    fn a_second_lock_is_refused_with_the_holder_and_freed_on_drop() {
        let dir = std::env::temp_dir().join(format!("ietkit-lock-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a.ron");
        let first = Lock::acquire(&file).unwrap();
        match Lock::acquire(&file) {
            Err(LockError::Held { holder }) => {
                assert!(holder.contains(&std::process::id().to_string()), "{holder}")
            }
            other => panic!("expected Held, got {other:?}"),
        }
        drop(first);
        assert_eq!(
            fs::read_to_string(lock_path(&file)).unwrap(),
            "",
            "no holder recorded"
        );
        let again = Lock::acquire(&file);
        assert!(again.is_ok());
        drop(again);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_stale_lock_file_does_not_block() {
        let dir = std::env::temp_dir().join(format!("ietkit-stale-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let file = dir.join("b.ron");
        fs::write(lock_path(&file), "gone on oldhost (process 1)").unwrap();
        assert!(Lock::acquire(&file).is_ok());
        let _ = fs::remove_dir_all(&dir);
    }
}
