//! A folder ietkit keeps its own files in, and does not trust.
//!
//! The data folder may be shared by a team, synced by a tool, or changed by
//! mistake: a symbolic link, a named pipe or a device can be found where
//! ietkit expects its own file. So every file ietkit opens for itself is
//! opened relative to a folder it holds open, without following links, and
//! checked to be a regular file before it is read or written. New files are
//! written to a temporary file made exclusively, then renamed into place;
//! a file that must not replace another is put in place with a rename that
//! never replaces. Nothing outside the folder is ever created, truncated,
//! written or deleted through anything found in it.
//!
//! The folder a file is made in decides its mode: in a folder its group
//! may write in (and that not everyone may write in), files are 0660 and
//! folders 2770, with the folder's group; elsewhere 0600 and 0700.

use std::fs::File;
use std::io::{self, Read};
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use nix::errno::Errno;
use nix::fcntl::{AtFlags, OFlag};
use nix::sys::stat::{FileStat, Mode, SFlag};
use nix::unistd::{Gid, Uid};

/// Who may read and change what ietkit makes in a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Share {
    /// Only the person who made it: files 0600, folders 0700.
    Private,
    /// The folder's group too: files 0660, folders 2770, with this group.
    Group(u32),
}

impl Share {
    /// A folder is shared when its group may write in it and not everyone
    /// may (a folder like /tmp is open to all, not to a team).
    pub fn of(mode: u32, gid: u32) -> Share {
        if mode & 0o020 != 0 && mode & 0o002 == 0 {
            Share::Group(gid)
        } else {
            Share::Private
        }
    }

    pub fn file_mode(self) -> u32 {
        match self {
            Share::Private => 0o600,
            Share::Group(_) => 0o660,
        }
    }

    pub fn dir_mode(self) -> u32 {
        match self {
            Share::Private => 0o700,
            Share::Group(_) => 0o2770,
        }
    }
}

/// What a name in a folder is, looked at without following links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Missing,
    File,
    Folder,
    Link,
    Fifo,
    Socket,
    Device,
    /// A regular file that has other names too.
    HardLink,
    Other,
}

impl Kind {
    fn of(stat: &FileStat) -> Kind {
        match SFlag::from_bits_truncate(stat.st_mode & SFlag::S_IFMT.bits()) {
            SFlag::S_IFREG => Kind::File,
            SFlag::S_IFDIR => Kind::Folder,
            SFlag::S_IFLNK => Kind::Link,
            SFlag::S_IFIFO => Kind::Fifo,
            SFlag::S_IFSOCK => Kind::Socket,
            SFlag::S_IFCHR | SFlag::S_IFBLK => Kind::Device,
            _ => Kind::Other,
        }
    }

    /// "a symbolic link", for messages.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Missing => "missing",
            Kind::File => "a file",
            Kind::Folder => "a folder",
            Kind::Link => "a symbolic link",
            Kind::Fifo => "a named pipe (FIFO)",
            Kind::Socket => "a socket",
            Kind::Device => "a device",
            Kind::HardLink => "a file with other names (a hard link)",
            Kind::Other => "a special file",
        }
    }
}

/// Why something in a folder could not be done, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FolderError {
    /// Something ietkit did not make is where it keeps its own file or folder.
    #[error(
        "{path} is {}, where ietkit keeps its own {expected}: ietkit leaves it alone and does not follow it. Remove it (`ietkit team check` lists everything out of place).",
        kind.noun()
    )]
    NotOurs {
        path: String,
        kind: Kind,
        expected: &'static str,
    },
    /// A file with this name is already there; nothing was replaced.
    #[error("{path} already exists; nothing was replaced.")]
    Exists { path: String },
    #[error("{path}: {reason}")]
    Io {
        path: String,
        kind: io::ErrorKind,
        reason: String,
    },
}

impl FolderError {
    /// What is wrong, without the path: for messages that name the file
    /// already.
    pub fn reason(&self) -> String {
        match self {
            FolderError::NotOurs { kind, expected, .. } => format!(
                "it is {}, where ietkit keeps its own {expected}: ietkit leaves it alone and does not follow it. Remove it (`ietkit team check` lists everything out of place).",
                kind.noun()
            ),
            FolderError::Exists { .. } => "it already exists; nothing was replaced.".into(),
            FolderError::Io { reason, .. } => reason.clone(),
        }
    }

    /// The kind of the underlying system error, when there was one.
    pub fn io_kind(&self) -> Option<io::ErrorKind> {
        match self {
            FolderError::Io { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    fn io(path: &Path, errno: Errno) -> FolderError {
        let e = io::Error::from(errno);
        FolderError::Io {
            path: path.display().to_string(),
            kind: e.kind(),
            reason: plain(errno),
        }
    }
}

/// A short, plain reason for a system error.
fn plain(errno: Errno) -> String {
    match errno {
        Errno::ENOENT => "there is no such file or folder.".into(),
        Errno::EACCES | Errno::EPERM => "permission denied: you may not do this here.".into(),
        Errno::EROFS => "the disk is read-only.".into(),
        Errno::ENOSPC | Errno::EDQUOT => "the disk is full.".into(),
        Errno::EFBIG => "the file would be larger than this system allows.".into(),
        Errno::ENOTDIR => "a part of the path is not a folder.".into(),
        Errno::ENAMETOOLONG => "the name is too long.".into(),
        e => format!("{}.", e.desc().to_lowercase()),
    }
}

/// Temporary files are named `.<name>.<process>-<n>.tmp`.
pub const TEMP_SUFFIX: &str = ".tmp";

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

fn temp_name(name: &str, n: u64) -> String {
    format!(".{name}.{}-{n}{TEMP_SUFFIX}", std::process::id())
}

/// Whether `name` is one ietkit gives a temporary file: exactly
/// `.<file>.<process>-<n>.tmp`, for a `<file>` of its own (`.ron` or
/// `.draft`). Versions before named them `.<file>.ron.XXXXXX`: see
/// [`Folder::is_temp`], which knows the folder.
pub fn is_temp_name(name: &str) -> bool {
    let Some(inner) = name
        .strip_prefix('.')
        .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
    else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    inner.rsplit_once('.').is_some_and(|(file, tag)| {
        tag.split_once('-')
            .is_some_and(|(p, n)| digits(p) && digits(n))
            && [".ron", ".draft"]
                .iter()
                .any(|end| file.len() > end.len() && file.ends_with(end))
    })
}

/// The file a temporary file of versions before stood for:
/// `.<file>.ron.XXXXXX` gives `<file>.ron`.
fn legacy_temp_of(name: &str) -> Option<&str> {
    let (stem, tail) = name.strip_prefix('.')?.rsplit_once('.')?;
    (stem.len() > 4
        && stem.ends_with(".ron")
        && tail.len() == 6
        && tail.bytes().all(|b| b.is_ascii_alphanumeric()))
    .then_some(stem)
}

/// The names the next `count` temporary files for `name` would be given
/// in this process: for tests that plant something there first.
pub fn upcoming_temp_names(name: &str, count: u64) -> Vec<String> {
    let next = TEMP_COUNTER.load(Ordering::Relaxed);
    (next..next + count).map(|n| temp_name(name, n)).collect()
}

/// A folder held open. Everything below is done relative to it, so a link
/// put in place of the folder after it was opened changes nothing.
#[derive(Debug)]
pub struct Folder {
    fd: OwnedFd,
    path: PathBuf,
    share: Share,
}

fn mode(bits: u32) -> Mode {
    Mode::from_bits_truncate(bits)
}

/// A single name inside a folder: no separators, not `.` or `..`.
fn check_name(folder: &Path, name: &str) -> Result<(), FolderError> {
    if name.is_empty() || name == "." || name == ".." || name.contains(['/', '\0']) {
        return Err(FolderError::Io {
            path: folder.join(name).display().to_string(),
            kind: io::ErrorKind::InvalidInput,
            reason: "not a plain file name.".into(),
        });
    }
    Ok(())
}

impl Folder {
    /// The folder at `path`, as the user gave it (a link to it is followed:
    /// choosing it was theirs). With `create`, a missing folder is made,
    /// with its missing parents, readable by its owner only.
    pub fn open(path: &Path, create: bool) -> Result<Folder, FolderError> {
        let flags = OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC;
        let fd = match nix::fcntl::open(path, flags, Mode::empty()) {
            Ok(fd) => fd,
            Err(Errno::ENOENT) if create => {
                let mut builder = std::fs::DirBuilder::new();
                builder.recursive(true);
                std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
                builder.create(path).map_err(|e| FolderError::Io {
                    path: path.display().to_string(),
                    kind: e.kind(),
                    reason: e
                        .raw_os_error()
                        .map_or_else(|| e.to_string(), |n| plain(Errno::from_raw(n))),
                })?;
                nix::fcntl::open(path, flags, Mode::empty())
                    .map_err(|e| FolderError::io(path, e))?
            }
            Err(Errno::ENOTDIR) => {
                return Err(FolderError::Io {
                    path: path.display().to_string(),
                    kind: io::ErrorKind::NotADirectory,
                    reason: "this is a file, not a folder.".into(),
                });
            }
            Err(e) => return Err(FolderError::io(path, e)),
        };
        Folder::from_fd(fd, path.to_path_buf())
    }

    fn from_fd(fd: OwnedFd, path: PathBuf) -> Result<Folder, FolderError> {
        let stat = nix::sys::stat::fstat(&fd).map_err(|e| FolderError::io(&path, e))?;
        Ok(Folder {
            share: Share::of(stat.st_mode, stat.st_gid),
            fd,
            path,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The same folder, held open once more.
    pub fn try_clone(&self) -> Result<Folder, FolderError> {
        Ok(Folder {
            fd: self.fd.try_clone().map_err(|e| FolderError::Io {
                path: self.path.display().to_string(),
                kind: e.kind(),
                reason: e.to_string(),
            })?,
            path: self.path.clone(),
            share: self.share,
        })
    }

    pub fn share(&self) -> Share {
        self.share
    }

    /// The path of `name` in this folder, for messages.
    pub fn join(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }

    fn shown(&self, name: &str) -> String {
        self.join(name).display().to_string()
    }

    /// The folder's own status (mode, owner, group).
    pub fn stat_self(&self) -> Result<FileStat, FolderError> {
        nix::sys::stat::fstat(&self.fd).map_err(|e| FolderError::io(&self.path, e))
    }

    /// `name`'s status, without following a link; `None` when it is not there.
    pub fn stat(&self, name: &str) -> Result<Option<FileStat>, FolderError> {
        check_name(&self.path, name)?;
        match nix::sys::stat::fstatat(&self.fd, name, AtFlags::AT_SYMLINK_NOFOLLOW) {
            Ok(s) => Ok(Some(s)),
            Err(Errno::ENOENT) => Ok(None),
            Err(e) => Err(FolderError::io(&self.join(name), e)),
        }
    }

    /// What `name` is, without following a link.
    pub fn kind(&self, name: &str) -> Kind {
        match self.stat(name) {
            Ok(Some(s)) => Kind::of(&s),
            Ok(None) => Kind::Missing,
            Err(_) => Kind::Other,
        }
    }

    /// Removes this user's temporary files older than `age_seconds` here
    /// (left by a save that was cut off), by their names only and never
    /// through a link; returns how many went.
    pub fn sweep(&self, age_seconds: i64) -> usize {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        let me = Uid::effective().as_raw();
        self.entries()
            .unwrap_or_default()
            .into_iter()
            .filter(|(name, kind)| *kind == Kind::File && self.is_temp(name))
            .filter(|(name, _)| {
                self.stat(name).ok().flatten().is_some_and(|s| {
                    s.st_uid == me && s.st_nlink == 1 && now - s.st_mtime >= age_seconds
                })
            })
            .filter(|(name, _)| self.remove(name).is_ok())
            .count()
    }

    /// Whether `name` here is a temporary file ietkit left: one of its
    /// own names, or one of versions before beside the file it stood for.
    pub fn is_temp(&self, name: &str) -> bool {
        is_temp_name(name)
            || legacy_temp_of(name)
                .is_some_and(|of| self.kind(of) == Kind::File && self.cut_off(name))
    }

    /// Whether the file `name` stops short of the closing parenthesis a
    /// whole assessment ends with, as a save cut off does. A whole file
    /// under such a name is someone's copy, and is left alone.
    fn cut_off(&self, name: &str) -> bool {
        use std::io::{Read, Seek, SeekFrom};
        let Ok(mut file) = self.open_file(name) else {
            return false;
        };
        let mut tail = Vec::new();
        let whole = file.seek(SeekFrom::End(-64)).is_ok() || file.rewind().is_ok();
        whole
            && file.take(64).read_to_end(&mut tail).is_ok()
            && !tail.trim_ascii_end().ends_with(b")")
    }

    /// Whether this user may make and replace files in this folder.
    pub fn writable(&self) -> bool {
        nix::unistd::faccessat(
            &self.fd,
            ".",
            nix::unistd::AccessFlags::W_OK | nix::unistd::AccessFlags::X_OK,
            AtFlags::AT_EACCESS,
        )
        .is_ok()
    }

    /// Where a link points, for messages.
    pub fn link_target(&self, name: &str) -> Option<String> {
        nix::fcntl::readlinkat(&self.fd, name)
            .ok()
            .map(|t| t.to_string_lossy().into_owned())
    }

    fn not_ours(&self, name: &str, kind: Kind, expected: &'static str) -> FolderError {
        FolderError::NotOurs {
            path: self.shown(name),
            kind,
            expected,
        }
    }

    /// The folder `name` inside this one, never through a link. With
    /// `create`, a missing one is made with this folder's sharing.
    pub fn sub(&self, name: &str, create: bool) -> Result<Folder, FolderError> {
        check_name(&self.path, name)?;
        let path = self.join(name);
        let flags = OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
        let opened = match nix::fcntl::openat(&self.fd, name, flags, Mode::empty()) {
            Err(Errno::ENOENT) if create => {
                match nix::sys::stat::mkdirat(&self.fd, name, mode(self.share.dir_mode())) {
                    Ok(()) | Err(Errno::EEXIST) => {}
                    Err(e) => return Err(FolderError::io(&path, e)),
                }
                let fd = nix::fcntl::openat(&self.fd, name, flags, Mode::empty());
                if let Ok(fd) = &fd {
                    self.set_dir_mode(fd);
                }
                fd
            }
            other => other,
        };
        match opened {
            Ok(fd) => Folder::from_fd(fd, path),
            Err(Errno::ELOOP | Errno::ENOTDIR) => {
                Err(self.not_ours(name, self.kind(name), "folder"))
            }
            Err(e) => Err(FolderError::io(&path, e)),
        }
    }

    /// Gives a folder ietkit just made its mode (the umask may have taken
    /// bits away) and this folder's group.
    fn set_dir_mode(&self, fd: &OwnedFd) {
        let _ = nix::sys::stat::fchmod(fd, mode(self.share.dir_mode()));
        self.set_group(fd);
    }

    fn set_group(&self, fd: &OwnedFd) {
        if let Share::Group(gid) = self.share
            && nix::sys::stat::fstat(fd).is_ok_and(|s| s.st_gid != gid)
        {
            // Fails when the user is not in the group; `team check` says so.
            let _ = nix::unistd::fchown(fd, None, Some(Gid::from_raw(gid)));
        }
    }

    fn set_file_mode(&self, fd: &OwnedFd) {
        self.set_mode_bits(fd, self.share.file_mode());
    }

    fn set_mode_bits(&self, fd: &OwnedFd, bits: u32) {
        let _ = nix::sys::stat::fchmod(fd, mode(bits));
        self.set_group(fd);
    }

    /// Opens `name` for reading: never through a link, never anything but
    /// a regular file (a named pipe would hang, a device would be read).
    pub fn open_file(&self, name: &str) -> Result<File, FolderError> {
        check_name(&self.path, name)?;
        let flags = OFlag::O_RDONLY | OFlag::O_NOFOLLOW | OFlag::O_NONBLOCK | OFlag::O_CLOEXEC;
        let fd = match nix::fcntl::openat(&self.fd, name, flags, Mode::empty()) {
            Ok(fd) => fd,
            Err(Errno::ELOOP) => return Err(self.not_ours(name, Kind::Link, "file")),
            // A socket cannot be opened at all: say what it is.
            Err(Errno::ENXIO) => {
                return Err(match self.kind(name) {
                    Kind::File | Kind::Missing => FolderError::io(&self.join(name), Errno::ENXIO),
                    kind => self.not_ours(name, kind, "file"),
                });
            }
            Err(e) => return Err(FolderError::io(&self.join(name), e)),
        };
        let stat = nix::sys::stat::fstat(&fd).map_err(|e| FolderError::io(&self.join(name), e))?;
        match Kind::of(&stat) {
            Kind::File => Ok(File::from(fd)),
            kind => Err(self.not_ours(name, kind, "file")),
        }
    }

    /// Reads `name` whole, refusing more than `limit` bytes: `Ok(None)`
    /// when it is larger.
    pub fn read(&self, name: &str, limit: u64) -> Result<Option<Vec<u8>>, FolderError> {
        let file = self.open_file(name)?;
        // Too large as it stands: refused unread.
        if file.metadata().is_ok_and(|m| m.len() > limit) {
            return Ok(None);
        }
        let mut bytes = Vec::new();
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| FolderError::Io {
                path: self.shown(name),
                kind: e.kind(),
                reason: e.to_string(),
            })?;
        Ok((bytes.len() as u64 <= limit).then_some(bytes))
    }

    /// Writes `bytes` to a new temporary file in this folder, made
    /// exclusively, flushed to disk; returns its name.
    fn write_temp(&self, name: &str, bytes: &[u8], bits: u32) -> Result<String, FolderError> {
        let flags =
            OFlag::O_WRONLY | OFlag::O_CREAT | OFlag::O_EXCL | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
        for _ in 0..1000 {
            let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
            let temp = temp_name(name, n);
            let fd = match nix::fcntl::openat(&self.fd, temp.as_str(), flags, mode(0o600)) {
                Ok(fd) => fd,
                Err(Errno::EEXIST) => continue,
                Err(e) => return Err(FolderError::io(&self.join(name), e)),
            };
            self.set_mode_bits(&fd, bits);
            let mut file = File::from(fd);
            let written =
                fault::write_all(&mut file, bytes).and_then(|()| fault::flush_file(&file));
            return match written {
                Ok(()) => Ok(temp),
                Err(e) => {
                    let _ = nix::unistd::unlinkat(
                        &self.fd,
                        temp.as_str(),
                        nix::unistd::UnlinkatFlags::NoRemoveDir,
                    );
                    Err(FolderError::Io {
                        path: self.shown(name),
                        kind: e.kind(),
                        reason: e
                            .raw_os_error()
                            .map_or_else(|| e.to_string(), |n| plain(Errno::from_raw(n))),
                    })
                }
            };
        }
        Err(FolderError::Io {
            path: self.shown(name),
            kind: io::ErrorKind::AlreadyExists,
            reason: "no free name for a temporary file; `ietkit team check --fix` clears old ones."
                .into(),
        })
    }

    fn drop_temp(&self, temp: &str) {
        let _ = nix::unistd::unlinkat(&self.fd, temp, nix::unistd::UnlinkatFlags::NoRemoveDir);
    }

    fn sync(&self) {
        fault::flush_folder(&self.fd, &self.path);
    }

    /// Flushes this folder and `to`, once when they are one.
    fn sync_both(&self, to: &Folder) {
        self.sync();
        if !std::ptr::eq(self, to) {
            to.sync();
        }
    }

    /// Writes `name` whole or not at all: a temporary file, flushed, then
    /// renamed over the old one, and the folder flushed. Refuses to replace
    /// anything but a regular file.
    pub fn replace(&self, name: &str, bytes: &[u8]) -> Result<(), FolderError> {
        self.replace_with_mode(name, bytes, self.share.file_mode())
    }

    /// [`Folder::replace`], the new file with mode `bits` rather than the
    /// folder's (a file only its owner should change, even in a team
    /// folder).
    pub fn replace_with_mode(
        &self,
        name: &str,
        bytes: &[u8],
        bits: u32,
    ) -> Result<(), FolderError> {
        check_name(&self.path, name)?;
        match self.kind(name) {
            Kind::Missing | Kind::File => {}
            kind => return Err(self.not_ours(name, kind, "file")),
        }
        let temp = self.write_temp(name, bytes, bits)?;
        if let Err(e) = nix::fcntl::renameat(&self.fd, temp.as_str(), &self.fd, name) {
            self.drop_temp(&temp);
            return Err(FolderError::io(&self.join(name), e));
        }
        self.sync();
        Ok(())
    }

    /// Writes a new file `name`, whole or not at all, and never over one
    /// that is there: [`FolderError::Exists`] then, and nothing changed.
    pub fn create_new(&self, name: &str, bytes: &[u8]) -> Result<(), FolderError> {
        check_name(&self.path, name)?;
        if self.kind(name) != Kind::Missing {
            return Err(FolderError::Exists {
                path: self.shown(name),
            });
        }
        let temp = self.write_temp(name, bytes, self.share.file_mode())?;
        let moved = self.rename_no_replace(&temp, self, name);
        if moved.is_err() {
            self.drop_temp(&temp);
        }
        moved
    }

    /// Moves the regular file `name` to `to_name` in `to`, never replacing
    /// what is there.
    pub fn move_to(&self, name: &str, to: &Folder, to_name: &str) -> Result<(), FolderError> {
        check_name(&self.path, name)?;
        check_name(&to.path, to_name)?;
        match self.kind(name) {
            Kind::File => {}
            Kind::Missing => return Err(FolderError::io(&self.join(name), Errno::ENOENT)),
            kind => return Err(self.not_ours(name, kind, "file")),
        }
        self.rename_no_replace(name, to, to_name)
    }

    fn rename_no_replace(&self, from: &str, to: &Folder, to_name: &str) -> Result<(), FolderError> {
        let exists = || FolderError::Exists {
            path: to.shown(to_name),
        };
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        match nix::fcntl::renameat2(
            &self.fd,
            from,
            &to.fd,
            to_name,
            nix::fcntl::RenameFlags::RENAME_NOREPLACE,
        ) {
            Ok(()) => {
                self.sync_both(to);
                return Ok(());
            }
            Err(Errno::EEXIST) => return Err(exists()),
            // The file system cannot do it: link, then unlink, below.
            Err(Errno::EINVAL | Errno::ENOSYS | Errno::EOPNOTSUPP) => {}
            Err(e) => return Err(FolderError::io(&to.join(to_name), e)),
        }
        self.link_then_unlink(from, to, to_name)
    }

    /// The move for a file system without `RENAME_NOREPLACE`: a hard link
    /// never replaces a name that is taken; then the old name goes.
    fn link_then_unlink(&self, from: &str, to: &Folder, to_name: &str) -> Result<(), FolderError> {
        match nix::unistd::linkat(&self.fd, from, &to.fd, to_name, AtFlags::empty()) {
            Ok(()) => {}
            Err(Errno::EEXIST) => {
                return Err(FolderError::Exists {
                    path: to.shown(to_name),
                });
            }
            Err(e) => return Err(FolderError::io(&to.join(to_name), e)),
        }
        nix::unistd::unlinkat(&self.fd, from, nix::unistd::UnlinkatFlags::NoRemoveDir)
            .map_err(|e| FolderError::io(&self.join(from), e))?;
        self.sync_both(to);
        Ok(())
    }

    /// Deletes the regular file `name`; anything else is left alone.
    pub fn remove(&self, name: &str) -> Result<(), FolderError> {
        check_name(&self.path, name)?;
        match self.kind(name) {
            Kind::File => {}
            Kind::Missing => return Ok(()),
            kind => return Err(self.not_ours(name, kind, "file")),
        }
        nix::unistd::unlinkat(&self.fd, name, nix::unistd::UnlinkatFlags::NoRemoveDir)
            .map_err(|e| FolderError::io(&self.join(name), e))
    }

    /// Every name in the folder with what it is, sorted by name.
    pub fn entries(&self) -> Result<Vec<(String, Kind)>, FolderError> {
        let flags = OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC;
        let mut dir = nix::dir::Dir::openat(&self.fd, ".", flags, Mode::empty())
            .map_err(|e| FolderError::io(&self.path, e))?;
        let mut out = Vec::new();
        for entry in dir.iter() {
            let entry = entry.map_err(|e| FolderError::io(&self.path, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name == "." || name == ".." {
                continue;
            }
            let kind = match entry.file_type() {
                Some(nix::dir::Type::File) => Kind::File,
                Some(nix::dir::Type::Directory) => Kind::Folder,
                Some(nix::dir::Type::Symlink) => Kind::Link,
                Some(nix::dir::Type::Fifo) => Kind::Fifo,
                Some(nix::dir::Type::Socket) => Kind::Socket,
                Some(nix::dir::Type::CharacterDevice | nix::dir::Type::BlockDevice) => Kind::Device,
                None => self.kind(&name),
            };
            out.push((name, kind));
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }

    /// Opens the lock file `name` for an advisory lock, making it if it is
    /// missing; never a link, a special file or a file with other names.
    /// A lock file someone else made that this user may only read is
    /// opened for reading: the lock works the same.
    pub fn open_lock(&self, name: &str) -> Result<File, FolderError> {
        check_name(&self.path, name)?;
        match self.kind(name) {
            Kind::Missing | Kind::File => {}
            kind => return Err(self.not_ours(name, kind, "lock file")),
        }
        let base = OFlag::O_NOFOLLOW | OFlag::O_NONBLOCK | OFlag::O_CLOEXEC;
        // Made with the folder's mode at once: a teammate opening it in the
        // same moment must not find it private (the umask may still take
        // write away; reading is enough for a lock).
        let opened = match nix::fcntl::openat(
            &self.fd,
            name,
            base | OFlag::O_RDWR | OFlag::O_CREAT,
            mode(self.share.file_mode()),
        ) {
            Err(Errno::EACCES) => {
                match nix::fcntl::openat(&self.fd, name, base | OFlag::O_RDONLY, Mode::empty()) {
                    Err(Errno::ENOENT) => Err(Errno::EACCES),
                    other => other,
                }
            }
            other => other,
        };
        let fd = match opened {
            Ok(fd) => fd,
            Err(Errno::ELOOP) => return Err(self.not_ours(name, Kind::Link, "lock file")),
            Err(e) => return Err(FolderError::io(&self.join(name), e)),
        };
        let stat = nix::sys::stat::fstat(&fd).map_err(|e| FolderError::io(&self.join(name), e))?;
        match Kind::of(&stat) {
            Kind::File if stat.st_nlink == 1 => {}
            Kind::File => return Err(self.not_ours(name, Kind::HardLink, "lock file")),
            kind => return Err(self.not_ours(name, kind, "lock file")),
        }
        if stat.st_uid == Uid::effective().as_raw()
            && (stat.st_mode & 0o7777 != self.share.file_mode()
                || matches!(self.share, Share::Group(g) if g != stat.st_gid))
        {
            self.set_file_mode(&fd);
        }
        Ok(File::from(fd))
    }

    /// Sets a file's mode and group as this folder's sharing asks, when the
    /// user owns it (`team check --fix`).
    pub fn fix_mode(&self, name: &str, dir: bool) -> Result<(), FolderError> {
        let flags = if dir {
            OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC
        } else {
            OFlag::O_RDONLY | OFlag::O_NOFOLLOW | OFlag::O_NONBLOCK | OFlag::O_CLOEXEC
        };
        let fd = nix::fcntl::openat(&self.fd, name, flags, Mode::empty())
            .map_err(|e| FolderError::io(&self.join(name), e))?;
        let stat = nix::sys::stat::fstat(&fd).map_err(|e| FolderError::io(&self.join(name), e))?;
        let expected = if dir { Kind::Folder } else { Kind::File };
        if Kind::of(&stat) != expected {
            return Err(self.not_ours(name, Kind::of(&stat), if dir { "folder" } else { "file" }));
        }
        // Changing the mode of a file with other names would change it
        // wherever those names are.
        if !dir && stat.st_nlink != 1 {
            return Err(self.not_ours(name, Kind::HardLink, "file"));
        }
        let bits = if dir {
            self.share.dir_mode()
        } else {
            self.share.file_mode()
        };
        nix::sys::stat::fchmod(&fd, mode(bits))
            .map_err(|e| FolderError::io(&self.join(name), e))?;
        if let Share::Group(gid) = self.share
            && stat.st_gid != gid
        {
            nix::unistd::fchown(&fd, None, Some(Gid::from_raw(gid)))
                .map_err(|e| FolderError::io(&self.join(name), e))?;
        }
        Ok(())
    }

    /// Sets this folder's own mode and group to `share` (`team init`).
    pub fn make_shared(&mut self, share: Share) -> Result<(), FolderError> {
        if let Share::Group(gid) = share {
            nix::unistd::fchown(&self.fd, None, Some(Gid::from_raw(gid)))
                .map_err(|e| FolderError::io(&self.path, e))?;
        }
        nix::sys::stat::fchmod(&self.fd, mode(share.dir_mode()))
            .map_err(|e| FolderError::io(&self.path, e))?;
        self.share = share;
        Ok(())
    }

    /// Whether `path` (with links in its folders resolved) is this folder.
    pub fn is(&self, path: &Path) -> bool {
        let Ok(stat) = nix::sys::stat::stat(path) else {
            return false;
        };
        self.stat_self()
            .is_ok_and(|me| me.st_dev == stat.st_dev && me.st_ino == stat.st_ino)
    }
}

/// Opens a file the user named (an import, `--rubric FILE`, `open PATH`)
/// for reading. Links are followed (the user chose the path), but only a
/// regular file is read: a named pipe would hang, a device would be read.
pub fn open_named(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags((OFlag::O_NONBLOCK | OFlag::O_CLOEXEC).bits())
        .open(path)?;
    let kind = file.metadata()?.file_type();
    if kind.is_file() {
        Ok(file)
    } else if kind.is_dir() {
        Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "this is a folder, not a file.",
        ))
    } else {
        let what = if std::os::unix::fs::FileTypeExt::is_fifo(&kind) {
            Kind::Fifo
        } else if std::os::unix::fs::FileTypeExt::is_socket(&kind) {
            Kind::Socket
        } else if std::os::unix::fs::FileTypeExt::is_char_device(&kind)
            || std::os::unix::fs::FileTypeExt::is_block_device(&kind)
        {
            Kind::Device
        } else {
            Kind::Other
        };
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "this is {}, not a file; ietkit reads only plain files.",
                what.noun()
            ),
        ))
    }
}

/// A failing disk, on demand, for tests of what a failed save leaves
/// behind. Off unless a test on this thread turns it on.
pub mod fault {
    use std::cell::Cell;
    use std::io::{self, ErrorKind, Write};

    thread_local! {
        static FAIL: Cell<Option<(ErrorKind, usize)>> = const { Cell::new(None) };
        static FAIL_FLUSH: Cell<Option<ErrorKind>> = const { Cell::new(None) };
        static FILES_FLUSHED: Cell<usize> = const { Cell::new(0) };
        static FOLDERS_FLUSHED: std::cell::RefCell<Vec<std::path::PathBuf>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }

    /// From now on, on this thread, flushing a written file to disk fails
    /// with `kind` (as a disk that lost power or an NFS server that went
    /// away reports it); `None` turns the fault off.
    pub fn set_flush(kind: Option<ErrorKind>) {
        FAIL_FLUSH.with(|f| f.set(kind));
    }

    /// How many files this thread has flushed to disk, and which folders,
    /// in order.
    pub fn flushed() -> (usize, Vec<std::path::PathBuf>) {
        (
            FILES_FLUSHED.with(Cell::get),
            FOLDERS_FLUSHED.with(|f| f.borrow().clone()),
        )
    }

    pub(super) fn flush_file(file: &std::fs::File) -> io::Result<()> {
        FILES_FLUSHED.with(|f| f.set(f.get() + 1));
        match FAIL_FLUSH.with(Cell::get) {
            None => file.sync_all(),
            Some(kind) => Err(io::Error::new(kind, "injected by a test")),
        }
    }

    pub(super) fn flush_folder(fd: &std::os::fd::OwnedFd, path: &std::path::Path) {
        FOLDERS_FLUSHED.with(|f| f.borrow_mut().push(path.to_path_buf()));
        let _ = nix::unistd::fsync(fd);
    }

    /// From now on, on this thread, every save writes `after` bytes and
    /// then fails with `kind`; `None` turns the fault off.
    pub fn set(fault: Option<(ErrorKind, usize)>) {
        FAIL.with(|f| f.set(fault));
    }

    pub(super) fn write_all(out: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
        match FAIL.with(Cell::get) {
            None => out.write_all(bytes),
            Some((kind, after)) => {
                out.write_all(&bytes[..after.min(bytes.len())])?;
                Err(io::Error::new(kind, "injected by a test"))
            }
        }
    }
}

/// Writes `bytes` to `path`, a path the user chose outside the data folder
/// (save a copy): whole or not at all, never through a link at `path`,
/// never over anything but a regular file.
pub fn write_at(path: &Path, bytes: &[u8], replace: bool) -> Result<(), FolderError> {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let folder = Folder::open(parent, false)?;
    if replace {
        folder.replace(&name, bytes)
    } else {
        folder.create_new(&name, bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn temp(label: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("ietkit-folder-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_file_at_the_limit_is_read_whole_and_one_byte_more_is_not() {
        let dir = temp("read-limit");
        let folder = Folder::open(&dir, true).unwrap();
        folder.create_new("ten.ron", b"0123456789").unwrap();
        folder.create_new("eleven.ron", b"0123456789A").unwrap();
        assert_eq!(
            folder.read("ten.ron", 10).unwrap().as_deref(),
            Some(&b"0123456789"[..])
        );
        assert_eq!(folder.read("eleven.ron", 10).unwrap(), None);
        assert_eq!(folder.read("eleven.ron", 11).unwrap().unwrap().len(), 11);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_move_flushes_both_folders_and_one_folder_once() {
        let dir = temp("move-flush");
        let a = Folder::open(&dir.join("a"), true).unwrap();
        let b = Folder::open(&dir.join("b"), true).unwrap();
        a.create_new("x.ron", b"x").unwrap();
        let before = fault::flushed().1.len();
        a.move_to("x.ron", &b, "x.ron").unwrap();
        let flushed = fault::flushed().1[before..].to_vec();
        assert_eq!(
            flushed,
            [dir.join("a"), dir.join("b")],
            "both folders, once each"
        );
        let before = fault::flushed().1.len();
        b.move_to("x.ron", &b, "y.ron").unwrap();
        assert_eq!(
            fault::flushed().1[before..],
            [dir.join("b")],
            "one folder, once"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn only_a_plain_name_inside_the_folder_is_taken() {
        let dir = temp("plain-names");
        let folder = Folder::open(&dir.join("inner"), true).unwrap();
        for name in ["", ".", "..", "../escape.ron", "a/b.ron", "nul\0.ron"] {
            let err = folder.create_new(name, b"x").unwrap_err().to_string();
            assert!(err.contains("not a plain file name"), "{name:?}: {err}");
        }
        assert!(!dir.join("escape.ron").exists(), "nothing written outside");
        folder.create_new("plain.ron", b"x").unwrap();
        assert!(dir.join("inner/plain.ron").is_file());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn leftovers_of_cut_off_saves_are_known_by_name_and_swept_when_old() {
        assert!(is_temp_name(".a.ron.123-4.tmp"));
        assert!(is_temp_name(".a.ron.9-1.draft.55-0.tmp"));
        assert!(!is_temp_name(".a.ron.Xy3k9Q"), "only beside a.ron, cut off");
        assert!(!is_temp_name("a.ron"));
        assert!(!is_temp_name(".a.ron.lock"));
        assert!(!is_temp_name(".netrc"));
        // Someone's own dot files are never taken for ours.
        for name in [
            ".notes.tmp",
            ".x.tmp",
            ".ron.1-2.tmp",
            ".a.ron.x-1.tmp",
            ".a.txt.1-2.tmp",
            ".a.ron.1-.tmp",
            "..ron.1-2.tmp",
        ] {
            assert!(!is_temp_name(name), "{name}");
        }
        // Leftovers of versions before: `.<file>.ron.XXXXXX`, and nothing else.
        assert_eq!(legacy_temp_of(".a.ron.Xy3k9Q"), Some("a.ron"));
        for name in [
            ".bashrc.backup",
            ".a.ron.Xy3k9",
            ".a.ron.Xy3k9Q7",
            ".a.ron.Xy-k9Q",
            "..ron.Xy3k9Q",
        ] {
            assert_eq!(legacy_temp_of(name), None, "{name}");
        }
        let dir = temp("sweep");
        let outside = temp("sweep-outside");
        std::fs::write(outside.join("victim"), "keep").unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        let names = [
            ".a.ron.1-1.tmp",
            ".a.ron.Xy3k9Q",
            ".a.ron.2-1.tmp",
            "a.ron",
            ".c.ron.Xy3k9Q",
            ".notes.tmp",
            ".a.ron.backup",
        ];
        for name in names {
            std::fs::write(dir.join(name), "Assessment(\n  format: 2,").unwrap();
        }
        // Someone's own whole copy, under a name like a leftover's.
        std::fs::write(dir.join(".a.ron.backup"), "Assessment(\n  format: 2,\n)\n").unwrap();
        for name in [
            ".a.ron.1-1.tmp",
            ".a.ron.Xy3k9Q",
            "a.ron",
            ".c.ron.Xy3k9Q",
            ".notes.tmp",
            ".a.ron.backup",
        ] {
            std::fs::File::options()
                .write(true)
                .open(dir.join(name))
                .unwrap()
                .set_modified(old)
                .unwrap();
        }
        std::os::unix::fs::symlink(outside.join("victim"), dir.join(".b.ron.3-1.tmp")).unwrap();
        let folder = Folder::open(&dir, false).unwrap();
        assert_eq!(folder.sweep(300), 2);
        let left: Vec<String> = folder
            .entries()
            .unwrap()
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(
            left,
            [
                ".a.ron.2-1.tmp",
                ".a.ron.backup",
                ".b.ron.3-1.tmp",
                ".c.ron.Xy3k9Q",
                ".notes.tmp",
                "a.ron"
            ],
            "young, a whole copy, a link, not beside its file, not ours"
        );
        assert_eq!(
            std::fs::read_to_string(outside.join("victim")).unwrap(),
            "keep"
        );
        std::fs::remove_dir_all(&dir).unwrap();
        std::fs::remove_dir_all(&outside).unwrap();
    }

    #[test]
    fn sharing_follows_the_group_write_bit_but_not_a_folder_open_to_all() {
        assert_eq!(Share::of(0o40700, 5), Share::Private);
        assert_eq!(Share::of(0o42770, 5), Share::Group(5));
        assert_eq!(Share::of(0o40775, 5), Share::Group(5));
        assert_eq!(Share::of(0o41777, 5), Share::Private);
    }

    #[test]
    fn where_renames_cannot_refuse_to_replace_a_link_then_unlink_never_replaces() {
        let dir = temp("link-move");
        let (a, b) = (dir.join("a"), dir.join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        let from = Folder::open(&a, false).unwrap();
        let to = Folder::open(&b, false).unwrap();
        std::fs::write(a.join("x.ron"), "moving").unwrap();
        std::fs::write(b.join("taken.ron"), "someone's").unwrap();
        let err = from
            .link_then_unlink("x.ron", &to, "taken.ron")
            .unwrap_err();
        assert!(matches!(err, FolderError::Exists { .. }), "{err}");
        assert_eq!(
            std::fs::read_to_string(b.join("taken.ron")).unwrap(),
            "someone's"
        );
        assert_eq!(
            std::fs::read_to_string(a.join("x.ron")).unwrap(),
            "moving",
            "left"
        );
        from.link_then_unlink("x.ron", &to, "free.ron").unwrap();
        assert_eq!(
            std::fs::read_to_string(b.join("free.ron")).unwrap(),
            "moving"
        );
        assert!(!a.join("x.ron").exists(), "the old name is gone");
        assert_eq!(
            std::os::unix::fs::MetadataExt::nlink(&std::fs::metadata(b.join("free.ron")).unwrap()),
            1,
            "one name left, as ietkit expects of its files"
        );
    }

    #[test]
    fn a_new_file_never_replaces_and_a_replace_never_follows_a_link() {
        let dir = temp("replace");
        let outside = temp("replace-outside");
        let target = outside.join("precious");
        std::fs::write(&target, "keep me").unwrap();
        std::os::unix::fs::symlink(&target, dir.join("a.ron")).unwrap();
        let folder = Folder::open(&dir, false).unwrap();
        let err = folder.replace("a.ron", b"new").unwrap_err();
        assert!(
            matches!(
                err,
                FolderError::NotOurs {
                    kind: Kind::Link,
                    ..
                }
            ),
            "{err}"
        );
        assert!(matches!(
            folder.create_new("a.ron", b"new").unwrap_err(),
            FolderError::Exists { .. }
        ));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
        folder.create_new("b.ron", b"one").unwrap();
        assert!(matches!(
            folder.create_new("b.ron", b"two").unwrap_err(),
            FolderError::Exists { .. }
        ));
        assert_eq!(std::fs::read_to_string(dir.join("b.ron")).unwrap(), "one");
        folder.replace("b.ron", b"two").unwrap();
        assert_eq!(std::fs::read_to_string(dir.join("b.ron")).unwrap(), "two");
        // A move onto a name that is taken leaves both files as they were.
        folder.create_new("c.ron", b"three").unwrap();
        assert!(matches!(
            folder.move_to("c.ron", &folder, "b.ron").unwrap_err(),
            FolderError::Exists { .. }
        ));
        assert_eq!(std::fs::read_to_string(dir.join("b.ron")).unwrap(), "two");
        assert_eq!(std::fs::read_to_string(dir.join("c.ron")).unwrap(), "three");
        folder.move_to("c.ron", &folder, "d.ron").unwrap();
        folder.remove("d.ron").unwrap();
        let mode = std::fs::metadata(dir.join("b.ron"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let names: Vec<String> = folder
            .entries()
            .unwrap()
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, ["a.ron", "b.ron"], "no temporary file left");
        std::fs::remove_dir_all(&dir).unwrap();
        std::fs::remove_dir_all(&outside).unwrap();
    }

    #[test]
    fn reading_a_fifo_or_a_link_is_refused_at_once() {
        let dir = temp("fifo");
        nix::unistd::mkfifo(&dir.join("pipe.ron"), mode(0o600)).unwrap();
        std::os::unix::fs::symlink("/etc/hostname", dir.join("link.ron")).unwrap();
        let folder = Folder::open(&dir, false).unwrap();
        let err = folder.read("pipe.ron", 100).unwrap_err();
        assert!(err.to_string().contains("named pipe"), "{err}");
        let err = folder.read("link.ron", 100).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        let err = open_named(&dir.join("pipe.ron")).unwrap_err();
        assert!(err.to_string().contains("named pipe"), "{err}");
        let err = folder.open_lock("pipe.ron").unwrap_err();
        assert!(err.to_string().contains("named pipe"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_sub_folder_that_is_a_link_is_not_entered() {
        let dir = temp("sub");
        let outside = temp("sub-outside");
        std::fs::write(outside.join("x.ron"), "x").unwrap();
        std::os::unix::fs::symlink(&outside, dir.join("history")).unwrap();
        let folder = Folder::open(&dir, false).unwrap();
        let err = folder.sub("history", true).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert!(outside.join("x.ron").exists());
        std::fs::remove_dir_all(&dir).unwrap();
        std::fs::remove_dir_all(&outside).unwrap();
    }

    #[test]
    fn a_new_file_takes_the_folder_group_even_without_the_setgid_bit() {
        if !Uid::effective().is_root() {
            eprintln!("skipped: giving a folder to another group needs root (CI runs as root)");
            return;
        }
        let dir = temp("nosetgid");
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o770)).unwrap();
        std::os::unix::fs::chown(&dir, None, Some(61_000)).unwrap();
        let folder = Folder::open(&dir, false).unwrap();
        assert_eq!(folder.share(), Share::Group(61_000));
        folder.create_new("a.ron", b"x").unwrap();
        folder.replace("a.ron", b"y").unwrap();
        let sub = folder.sub("history", true).unwrap();
        sub.create_new("b.ron", b"x").unwrap();
        for p in ["a.ron", "history", "history/b.ron"] {
            let meta = std::fs::metadata(dir.join(p)).unwrap();
            assert_eq!(std::os::unix::fs::MetadataExt::gid(&meta), 61_000, "{p}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn files_and_folders_in_a_group_folder_are_shared_with_its_group() {
        let dir = temp("group");
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o2770)).unwrap();
        let folder = Folder::open(&dir, false).unwrap();
        assert!(matches!(folder.share(), Share::Group(_)));
        let sub = folder.sub("assessments", true).unwrap();
        sub.create_new("a.ron", b"x").unwrap();
        let dmode = std::fs::metadata(dir.join("assessments"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(dmode & 0o7777, 0o2770);
        let fmode = std::fs::metadata(dir.join("assessments/a.ron"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(fmode & 0o777, 0o660);
        // A lock file is shared with the group too, so that a teammate can
        // open it to see that it is held.
        let lock = sub.open_lock("a.ron.lock").unwrap();
        assert_eq!(lock.metadata().unwrap().permissions().mode() & 0o777, 0o660);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_folder_opens_only_as_a_folder_and_is_made_only_when_asked() {
        let dir = temp("open-kinds");
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("notes.txt");
        std::fs::write(&file, "x").unwrap();
        let Err(err) = Folder::open(&file, false) else {
            panic!("a file is not a folder");
        };
        assert!(
            err.to_string().contains("this is a file, not a folder"),
            "{err}"
        );
        let Err(err) = Folder::open(&file, true) else {
            panic!("nor with create");
        };
        assert!(
            err.to_string().contains("this is a file, not a folder"),
            "{err}"
        );
        let missing = dir.join("not/there");
        assert!(Folder::open(&missing, false).is_err());
        assert!(!dir.join("not").exists(), "nothing made unasked");
        Folder::open(&missing, true).unwrap();
        assert!(missing.is_dir());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_name_already_taken_is_named_in_the_refusal() {
        let dir = temp("taken");
        std::fs::create_dir_all(&dir).unwrap();
        let folder = Folder::open(&dir, false).unwrap();
        std::fs::write(dir.join("a.ron"), "a").unwrap();
        std::fs::write(dir.join("b.ron"), "b").unwrap();
        let err = folder.move_to("a.ron", &folder, "b.ron").unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{} already exists; nothing was replaced.",
                dir.join("b.ron").display()
            )
        );
        assert_eq!(std::fs::read_to_string(dir.join("b.ron")).unwrap(), "b");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// `team check --fix` never changes what a planted link points at: a
    /// link in the folder, to a file or a folder elsewhere, is refused and
    /// its target keeps its mode.
    #[test]
    fn fixing_a_mode_never_follows_a_link() {
        let dir = temp("fix-link");
        let outside = temp("fix-link-outside");
        let target = outside.join("secret.txt");
        std::fs::write(&target, "x").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
        std::fs::set_permissions(&outside, std::fs::Permissions::from_mode(0o700)).unwrap();
        std::os::unix::fs::symlink(&target, dir.join("notes.ron")).unwrap();
        std::os::unix::fs::symlink(&outside, dir.join("history")).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o2770)).unwrap();
        let folder = Folder::open(&dir, false).unwrap();
        assert!(folder.fix_mode("notes.ron", false).is_err());
        assert!(folder.fix_mode("history", true).is_err());
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode(&target), 0o600, "the link's target is left alone");
        assert_eq!(mode(&outside), 0o700);
        // A real file of the folder is fixed.
        std::fs::write(dir.join("weld.ron"), "x").unwrap();
        std::fs::set_permissions(dir.join("weld.ron"), std::fs::Permissions::from_mode(0o600))
            .unwrap();
        folder.fix_mode("weld.ron", false).unwrap();
        assert_eq!(mode(&dir.join("weld.ron")), folder.share().file_mode());
        std::fs::remove_dir_all(&dir).unwrap();
        std::fs::remove_dir_all(&outside).unwrap();
    }

    #[test]
    fn a_sub_folder_is_made_only_when_asked() {
        let dir = temp("sub-ask");
        let folder = Folder::open(&dir, false).unwrap();
        assert!(folder.sub("history", false).is_err());
        assert!(!dir.join("history").exists());
        folder.sub("history", true).unwrap();
        assert!(dir.join("history").is_dir());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A named pipe planted in the folder is refused at once: opening it
    /// to fix its mode never waits for a writer that never comes.
    #[test]
    fn fixing_a_mode_never_waits_on_a_pipe() {
        let dir = temp("fix-fifo");
        let fifo = dir.join("weld.ron");
        nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o600)).unwrap();
        let folder = Folder::open(&dir, false).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(folder.fix_mode("weld.ron", false).is_err());
        });
        let refused = rx.recv_timeout(std::time::Duration::from_secs(10));
        if refused.is_err() {
            // Let the stuck open go, so the test run can end.
            let _ = std::fs::OpenOptions::new().write(true).open(&fifo);
        }
        assert_eq!(refused, Ok(true), "refused, and at once");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
