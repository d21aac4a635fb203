//! Team folders: preparing a data folder a group of partners shares
//! (`ietkit team init`), and checking one (`ietkit team check`): files a
//! member cannot read or change, a wrong group or mode, links or special
//! files where ietkit keeps its own, temporary files left by an
//! interrupted save, and who has what open.

use std::path::{Path, PathBuf};

use nix::unistd::{Gid, Uid};

use super::folder::{Folder, FolderError, Kind, Share};
use super::lock::Lock;
use super::people::{group_name, user_name};

/// The folders ietkit keeps its files in, below the data folder.
pub const FOLDERS: [&str; 6] = [
    "assessments",
    "assessments/history",
    "trash",
    "rubrics",
    "people",
    "state",
];

/// A temporary file older than this was left by a save that was cut off.
const STALE_SECONDS: i64 = 600;

/// What ietkit keeps at the top of a data folder.
const TOP: [&str; 6] = [
    "assessments",
    "trash",
    "rubrics",
    "people",
    "state",
    "state.ron",
];

/// Whether `name` is one ietkit gives its files in a folder below the
/// data folder (`lock`: and lock files there).
fn ours(folder: &Folder, name: &str, lock: bool) -> bool {
    name.ends_with(".ron")
        || name.ends_with(".draft")
        || (lock && name.ends_with(".ron.lock"))
        || folder.is_temp(name)
}

/// Why this user cannot get into the data folder `dir`, and who can
/// change that, when permissions are the reason.
pub fn no_access(dir: &Path) -> Option<String> {
    let stat = nix::sys::stat::stat(dir).ok()?;
    if stat.st_mode & nix::sys::stat::SFlag::S_IFMT.bits() != nix::sys::stat::SFlag::S_IFDIR.bits()
    {
        return None;
    }
    let shown = dir.display();
    let me_name = user_name(me());
    match Share::of(stat.st_mode, stat.st_gid) {
        Share::Group(gid) if !in_group(gid) => {
            let group = group_name(gid);
            Some(format!(
                "{shown} is shared with the group {group}, and you ({me_name}) are not in it. An administrator adds you with: sudo usermod -aG {group} {me_name} (then log out and in again)."
            ))
        }
        Share::Group(_) => None,
        Share::Private if stat.st_uid != me() && me() != 0 => {
            let owner = user_name(stat.st_uid);
            Some(format!(
                "{shown} belongs to {owner} and is private to them. To share it with a team, {owner} runs: ietkit team init {shown} --group GROUP"
            ))
        }
        Share::Private => None,
    }
}

/// What `team check` found.
#[derive(Debug, Default)]
pub struct Report {
    pub folder: PathBuf,
    /// The group the folder is shared with; `None` when it is private.
    pub group: Option<String>,
    pub owner: String,
    pub mode: u32,
    /// Files looked at.
    pub files: usize,
    /// "welding-iet-2026-27: Maria Lopez (ABS), mlopez on srv (process 12)".
    pub open: Vec<String>,
    /// What is wrong and who can fix it, one sentence each.
    pub problems: Vec<String>,
    /// What `--fix` put right.
    pub fixed: Vec<String>,
    /// Whether the folder holds anything of ietkit's.
    pub ietkit: bool,
}

impl Report {
    /// The report in plain words, for the terminal.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let line = |out: &mut String, s: &str, indent: &str| {
            let room = 80usize.saturating_sub(indent.len() + 2);
            for (i, part) in crate::text::wrap(&crate::text::clean_line(s), room)
                .into_iter()
                .enumerate()
            {
                out.push_str(indent);
                if i > 0 {
                    out.push_str("  ");
                }
                out.push_str(&part);
                out.push('\n');
            }
        };
        line(
            &mut out,
            &format!("Data folder {}", self.folder.display()),
            "",
        );
        let sharing = match &self.group {
            Some(group) => format!(
                "Shared with the group {group} (mode {:04o}, owner {}): its members can read and change every assessment in it; nobody else can.",
                self.mode, self.owner
            ),
            None if !self.ietkit => format!(
                "Not shared with a group (mode {:04o}, owner {}).",
                self.mode, self.owner
            ),
            None => format!(
                "Not shared with a group (mode {:04o}, owner {}): only {} can change what is in it. To share it with a team: ietkit team init {} --group GROUP",
                self.mode,
                self.owner,
                self.owner,
                self.folder.display()
            ),
        };
        line(&mut out, &sharing, "  ");
        line(
            &mut out,
            &format!(
                "{} looked at.",
                crate::text::count(self.files, "file", "files")
            ),
            "  ",
        );
        if !self.open.is_empty() {
            out.push_str("\nOpen now:\n");
            for o in &self.open {
                line(&mut out, o, "  ");
            }
        }
        if !self.fixed.is_empty() {
            out.push_str(&format!("\nFixed ({}):\n", self.fixed.len()));
            for f in &self.fixed {
                line(&mut out, f, "  ");
            }
        }
        if self.problems.is_empty() {
            out.push_str("\nNo problems found.\n");
        } else {
            out.push_str(&format!("\nProblems ({}):\n", self.problems.len()));
            for p in &self.problems {
                line(&mut out, p, "  ");
            }
        }
        out
    }
}

fn me() -> u32 {
    Uid::effective().as_raw()
}

/// Whether this user may change the mode and group of what `uid` owns.
fn may_fix(uid: u32) -> bool {
    uid == me() || me() == 0
}

/// Whether this process is in group `gid`.
pub fn in_group(gid: u32) -> bool {
    me() == 0
        || Gid::effective().as_raw() == gid
        || nix::unistd::getgroups().is_ok_and(|g| g.iter().any(|x| x.as_raw() == gid))
}

struct Walk {
    report: Report,
    share: Share,
    fix: bool,
    now: i64,
}

impl Walk {
    fn shown(folder: &Folder, name: &str) -> String {
        folder.join(name).display().to_string()
    }

    /// Checks the mode and group of `name` (a file, or a folder when
    /// `dir`), fixing it when asked and allowed.
    fn check_mode(&mut self, folder: &Folder, name: &str, dir: bool) {
        let Share::Group(gid) = self.share else {
            return;
        };
        let Ok(Some(stat)) = folder.stat(name) else {
            return;
        };
        let mode = stat.st_mode & 0o7777;
        let want = if dir { 0o2770 } else { 0o660 };
        if mode & want == want && mode & 0o007 == 0 && stat.st_gid == gid {
            return;
        }
        let path = Walk::shown(folder, name);
        let what = format!(
            "mode {mode:04o}, group {}, owner {}",
            group_name(stat.st_gid),
            user_name(stat.st_uid)
        );
        if self.fix && may_fix(stat.st_uid) && folder.fix_mode(name, dir).is_ok() {
            self.report.fixed.push(format!(
                "{path}: was {what}; now {want:04o}, group {}.",
                group_name(gid)
            ));
            return;
        }
        let group = group_name(gid);
        let owner = user_name(stat.st_uid);
        let cannot = match (dir, mode & want == want && stat.st_gid == gid) {
            (_, true) => "people outside the group can see into it",
            (true, false) => "members of the group cannot all use this folder",
            (false, false) => "members of the group cannot all read and change this file",
        };
        let chmod = if dir { "2770" } else { "660" };
        let fix = if may_fix(stat.st_uid) {
            "`ietkit team check --fix` puts it right".to_string()
        } else {
            format!(
                "its owner, {owner}, can put it right with `ietkit team check --fix`, or an administrator with: chmod {chmod} {path} && chgrp {group} {path}"
            )
        };
        self.report
            .problems
            .push(format!("{path}: {cannot} ({what}); {fix}."));
    }

    fn not_ours(&mut self, folder: &Folder, name: &str, kind: Kind, place: &str) {
        let path = Walk::shown(folder, name);
        let target = match kind {
            Kind::Link => folder
                .link_target(name)
                .map(|t| format!(" to {t}"))
                .unwrap_or_default(),
            _ => String::new(),
        };
        self.report.problems.push(format!(
            "{path} is {}{target}, where ietkit keeps its own {place}: ietkit never follows or uses it. Whoever put it there should remove it: rm {path}",
            kind.noun()
        ));
    }

    fn temp_file(&mut self, folder: &Folder, name: &str) {
        let Ok(Some(stat)) = folder.stat(name) else {
            return;
        };
        // A save in progress is younger than this.
        if self.now - stat.st_mtime < STALE_SECONDS {
            return;
        }
        let path = Walk::shown(folder, name);
        if self.fix && stat.st_uid == me() && folder.remove(name).is_ok() {
            self.report.fixed.push(format!(
                "{path}: a temporary file left by an interrupted save, removed."
            ));
            return;
        }
        let owner = user_name(stat.st_uid);
        let fix = if stat.st_uid == me() {
            "`ietkit team check --fix` removes it".to_string()
        } else {
            format!("{owner} can remove it with `ietkit team check --fix`, or: rm {path}")
        };
        self.report.problems.push(format!(
            "{path}: a temporary file left by an interrupted save (the file it was for is unchanged); {fix}."
        ));
    }

    /// Looks at the files in `folder` that are ietkit's by their names
    /// (`ours`); anything else there is not ietkit's business.
    fn files(&mut self, folder: &Folder, ours: &dyn Fn(&Folder, &str) -> bool) {
        let entries = match folder.entries() {
            Ok(e) => e,
            Err(e) => {
                self.report.problems.push(format!(
                    "{}: cannot be listed: {}",
                    folder.path().display(),
                    e.reason()
                ));
                return;
            }
        };
        for (name, kind) in entries {
            if !ours(folder, &name) {
                continue;
            }
            self.report.files += 1;
            let kind = match (kind, folder.stat(&name)) {
                (Kind::File, Ok(Some(stat))) if stat.st_nlink != 1 => Kind::HardLink,
                (kind, _) => kind,
            };
            if folder.is_temp(&name) && kind == Kind::File {
                self.temp_file(folder, &name);
                continue;
            }
            match kind {
                Kind::File => {
                    if let Some(assessment) = name.strip_suffix(".lock")
                        && let Some(holder) = Lock::holder(folder, assessment)
                    {
                        self.report.open.push(format!(
                            "{}: {holder}",
                            assessment.strip_suffix(".ron").unwrap_or(assessment)
                        ));
                    }
                    // A person's own file is theirs alone, even here.
                    if !folder.path().ends_with("people") {
                        self.check_mode(folder, &name, false);
                    }
                    self.check_readable(folder, &name);
                }
                kind => self.not_ours(folder, &name, kind, "files"),
            }
        }
    }

    /// In a private folder: a file this user cannot read.
    fn check_readable(&mut self, folder: &Folder, name: &str) {
        if self.share != Share::Private || folder.open_file(name).is_ok() {
            return;
        }
        if let Ok(Some(stat)) = folder.stat(name) {
            self.report.problems.push(format!(
                "{}: you cannot read it (mode {:04o}, owner {}); its owner or an administrator can give you access.",
                Walk::shown(folder, name),
                stat.st_mode & 0o7777,
                user_name(stat.st_uid)
            ));
        }
    }
}

/// Checks the data folder `dir`; with `fix`, puts right what this user may
/// (modes and groups of their own files, their own leftover temporary
/// files) and says what only the owner or an administrator can.
pub fn check(dir: &Path, fix: bool) -> Result<Report, String> {
    let root = Folder::open(dir, false).map_err(|e| match e {
        FolderError::Io {
            kind: std::io::ErrorKind::NotFound,
            ..
        } => format!(
            "there is no folder {}; `ietkit team init {}` makes one for a team.",
            dir.display(),
            dir.display()
        ),
        e => no_access(dir).unwrap_or_else(|| e.to_string()),
    })?;
    let stat = root.stat_self().map_err(|e| e.to_string())?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    let mut walk = Walk {
        report: Report {
            folder: dir.to_path_buf(),
            group: match root.share() {
                Share::Group(gid) => Some(group_name(gid)),
                Share::Private => None,
            },
            owner: user_name(stat.st_uid),
            mode: stat.st_mode & 0o7777,
            ..Report::default()
        },
        share: root.share(),
        fix,
        now,
    };
    if let Share::Group(gid) = root.share()
        && (stat.st_mode & 0o2070 != 0o2070 || stat.st_mode & 0o007 != 0)
    {
        let path = dir.display().to_string();
        let mut root = Folder::open(dir, false).map_err(|e| e.to_string())?;
        if fix && may_fix(stat.st_uid) && root.make_shared(Share::Group(gid)).is_ok() {
            walk.report.fixed.push(format!(
                "{path}: was mode {:04o}; now 2770, so members can use it and new files take its group.",
                stat.st_mode & 0o7777
            ));
            walk.report.mode = 0o2770;
        } else {
            walk.report.problems.push(format!(
                "{path}: members of the group cannot all use it, new files may not take its group, or people outside it can see in (mode {:04o}); its owner, {}, can put it right with `ietkit team check --fix`, or an administrator with: chmod 2770 {path}",
                stat.st_mode & 0o7777,
                user_name(stat.st_uid)
            ));
        }
    }
    walk.files(&root, &|_, name| name == "state.ron");
    for name in ["assessments", "trash", "rubrics", "people", "state"] {
        walk_folder(&mut walk, &root, name);
    }
    walk.report.ietkit = walk.report.files > 0 || TOP.iter().any(|n| root.kind(n) != Kind::Missing);
    if !walk.report.ietkit {
        walk.report.problems.push(format!(
            "{} does not look like an ietkit data folder: there is nothing of ietkit's in it.",
            dir.display()
        ));
    }
    Ok(walk.report)
}

fn walk_folder(walk: &mut Walk, parent: &Folder, name: &str) {
    match parent.kind(name) {
        Kind::Missing => {}
        Kind::Folder => {
            walk.check_mode(parent, name, true);
            match parent.sub(name, false) {
                Ok(folder) => {
                    walk.files(&folder, &|f, n| ours(f, n, name == "assessments"));
                    if name == "assessments" {
                        walk_folder(walk, &folder, "history");
                    }
                }
                Err(e) => walk.report.problems.push(e.to_string()),
            }
        }
        kind => walk.not_ours(parent, name, kind, "folder"),
    }
}

/// What `team init` did.
#[derive(Debug)]
pub struct Init {
    pub group: String,
    /// Whether the system has a name for the group (not just a number).
    pub named: bool,
    /// Members the system lists for the group (people whose main group
    /// it is are not listed by the system).
    pub members: Vec<String>,
    pub check: Report,
}

/// Prepares `dir` for a team: made if missing (its parent must exist),
/// given to `group` (this user's own group when `None`), mode 2770 so new
/// files take the group, with ietkit's folders inside; then checked, and
/// what this user owns in it shared.
pub fn init(dir: &Path, group: Option<&str>) -> Result<Init, String> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let shown = dir.display();
    // The folder itself, never what a link there points to: init changes
    // who may use it.
    if std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(format!(
            "{shown} is a symbolic link: give the folder it stands for, so that it is plain which folder is shared."
        ));
    }
    let existing = std::fs::metadata(dir).ok();
    if existing.as_ref().is_some_and(|m| !m.is_dir()) {
        return Err(format!("{shown} is there already and is not a folder."));
    }
    let shared_now = existing
        .as_ref()
        .map(|m| Share::of(m.permissions().mode(), m.gid()));
    let gid = match (group, shared_now) {
        (Some(name), _) => match nix::unistd::Group::from_name(name) {
            Ok(Some(g)) => g.gid.as_raw(),
            _ => name.parse::<u32>().map_err(|_| {
                format!(
                    "there is no group called {name} on this computer. An administrator makes one with: sudo groupadd {name}"
                )
            })?,
        },
        // Run again on a team folder: it stays with its group.
        (None, Some(Share::Group(gid))) => gid,
        (None, _) => {
            let gid = Gid::effective().as_raw();
            if group_name(gid) == user_name(me()) || gid == 0 {
                return Err(format!(
                    "say which group shares the folder: ietkit team init {shown} --group GROUP. An administrator makes a group for the team with: sudo groupadd GROUP"
                ));
            }
            gid
        }
    };
    let group = group_name(gid);
    if gid == 0 {
        return Err(
            "the group root is the system's, not a team's: make a group for the team (sudo groupadd GROUP) and give that."
                .into(),
        );
    }
    let known = nix::unistd::Group::from_gid(Gid::from_raw(gid))
        .ok()
        .flatten()
        .is_some();
    if !in_group(gid) {
        if !known {
            return Err(format!(
                "there is no group {group} on this computer. An administrator makes one for the team with: sudo groupadd NAME"
            ));
        }
        return Err(format!(
            "you are not in the group {group}, so you cannot give a folder to it. An administrator adds you with: sudo usermod -aG {group} {} (then log in again).",
            user_name(me())
        ));
    }
    if existing.is_some() {
        // Never take over a folder that holds more than ietkit's own.
        let mut others: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| format!("cannot look inside {shown}: {e}"))?
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .filter(|n| !TOP.contains(&n.as_str()))
            .collect();
        // Nor one where ietkit's own folders are something else: checked
        // before anything changes.
        for name in FOLDERS {
            let inner = dir.join(name);
            if let Ok(m) = std::fs::symlink_metadata(&inner)
                && !m.is_dir()
            {
                let kind = if m.file_type().is_symlink() {
                    "a symbolic link"
                } else {
                    "not a folder"
                };
                return Err(format!(
                    "{} is {kind}, where ietkit keeps its own folder, so {shown} is left as it is: remove it first (ietkit team check says more).",
                    inner.display()
                ));
            }
        }
        if !others.is_empty() {
            others.sort();
            let more = if others.len() > 5 { ", ..." } else { "" };
            others.truncate(5);
            return Err(format!(
                "{shown} holds files that are not ietkit's ({}{more}), so it is left as it is: give a new or empty folder, or a data folder of ietkit's.",
                others.join(", ")
            ));
        }
    } else {
        let parent = dir
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if !parent.is_dir() {
            return Err(format!(
                "the folder {} does not exist; make it first, or choose another place.",
                parent.display()
            ));
        }
        std::fs::create_dir(dir).map_err(|e| match e.kind() {
            std::io::ErrorKind::PermissionDenied => format!(
                "you may not make a folder in {}: an administrator can (sudo ietkit team init {shown} --group {group}), or choose a place you may write in.",
                parent.display()
            ),
            _ => format!("cannot make {shown}: {e}"),
        })?;
    }
    let mut root = Folder::open(dir, false).map_err(|e| e.to_string())?;
    let owner = root.stat_self().map_err(|e| e.to_string())?.st_uid;
    root.make_shared(Share::Group(gid)).map_err(|_| {
        format!(
            "{shown} belongs to {}: they can run this, or an administrator.",
            user_name(owner)
        )
    })?;
    for name in FOLDERS {
        let (parent, leaf) = match name.split_once('/') {
            Some((p, leaf)) => (root.sub(p, true).map_err(|e| e.to_string())?, leaf),
            None => (root.try_clone().map_err(|e| e.to_string())?, name),
        };
        parent.sub(leaf, true).map_err(|e| e.to_string())?;
    }
    let check = check(dir, true)?;
    let mut members: Vec<String> = nix::unistd::Group::from_gid(Gid::from_raw(gid))
        .ok()
        .flatten()
        .map(|g| g.mem)
        .unwrap_or_default();
    members.sort();
    Ok(Init {
        group,
        named: known,
        members,
        check,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(ietkit: bool) -> Report {
        Report {
            // One-letter words: a wrap fills each line to its last column.
            folder: PathBuf::from(format!("/srv/iet/{}", "a ".repeat(60))),
            group: None,
            owner: "maria".into(),
            mode: 0o700,
            files: 3,
            ietkit,
            ..Report::default()
        }
    }

    #[test]
    fn a_report_wraps_within_80_columns_its_later_lines_indented() {
        let text = report(true).text();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.iter().all(|l| l.chars().count() <= 80), "{text}");
        // Room for the two spaces its later lines start with.
        assert!(lines[0].chars().count() <= 78, "{text}");
        // The folder's line wraps: its first part at the margin, the rest
        // two spaces in.
        assert!(lines[0].starts_with("Data folder /srv/iet/"), "{text}");
        assert!(
            lines[1].starts_with("  ") && !lines[1].starts_with("   "),
            "{text}"
        );
    }

    #[test]
    fn a_private_folder_of_ietkit_says_how_to_share_it_and_any_other_does_not() {
        let flat = |t: String| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let ours = flat(report(true).text());
        assert!(
            ours.contains("only maria can change what is in it"),
            "{ours}"
        );
        assert!(ours.contains("ietkit team init"), "{ours}");
        let other = flat(report(false).text());
        assert!(
            other.contains("Not shared with a group (mode 0700, owner maria)."),
            "{other}"
        );
        assert!(!other.contains("team init"), "{other}");
    }

    #[test]
    fn who_has_what_open_and_what_was_fixed_show_only_when_there_are_some() {
        let mut r = report(true);
        let bare = r.text();
        assert!(
            !bare.contains("Open now") && !bare.contains("Fixed"),
            "{bare}"
        );
        assert!(bare.contains("No problems found."), "{bare}");
        r.open
            .push("welding: Maria Lopez (ABS), maria on srv (process 12)".into());
        r.fixed.push("x.ron: was mode 0600; now 0660.".into());
        r.problems.push("y.ron: cannot be read.".into());
        let full = r.text();
        assert!(
            full.contains("\nOpen now:\n  welding: Maria Lopez"),
            "{full}"
        );
        assert!(full.contains("\nFixed (1):\n  x.ron"), "{full}");
        assert!(full.contains("\nProblems (1):\n  y.ron"), "{full}");
        assert!(!full.contains("No problems found."), "{full}");
    }

    #[test]
    fn a_member_of_the_group_is_given_no_reason_for_a_shared_folder() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("ietkit-no-access-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir(&dir).unwrap();
        // Shared with this process's own group, which it is in.
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o2770)).unwrap();
        let said = no_access(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(said, None);
    }
}
