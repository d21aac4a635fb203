//! Who is working: the login name from the system, and the name and role
//! each person gave, remembered in the data folder's `people/` folder (one
//! small file each, written by that person).

use serde::{Deserialize, Serialize};

use super::folder::{Folder, FolderError};
use super::paths::DataDir;
use crate::model::assessment::Partner;
use crate::model::changes::{Person, Who};

/// Larger files in `people/` are not read: one holds a name and a role.
const MAX_BYTES: u64 = 64 * 1024;

/// The login name of this process's user, or "uid 1001" when the system
/// has no name for it.
pub fn login() -> String {
    let uid = nix::unistd::Uid::effective();
    user_name(uid.as_raw())
}

/// The name of user `uid`, or "uid N".
pub fn user_name(uid: u32) -> String {
    nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid))
        .ok()
        .flatten()
        .map_or_else(|| format!("uid {uid}"), |u| u.name)
}

/// The name of group `gid`, or its number when the system has no name
/// for it.
pub fn group_name(gid: u32) -> String {
    nix::unistd::Group::from_gid(nix::unistd::Gid::from_raw(gid))
        .ok()
        .flatten()
        .map_or_else(|| gid.to_string(), |g| g.name)
}

/// This computer's name, for saying where a session runs.
pub fn host() -> String {
    nix::unistd::gethostname()
        .ok()
        .map(|h| h.to_string_lossy().trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "this computer".into())
}

/// The file in `people/` for `login`: letters and digits kept, anything
/// else written as `_` and its hex code, so no two logins share a file.
pub fn file_name(login: &str) -> String {
    let mut out = String::new();
    for b in login.bytes() {
        if b.is_ascii_lowercase() || b.is_ascii_digit() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("_{b:02x}"));
        }
    }
    if out.is_empty() {
        out.push('_');
    }
    format!("{out}.ron")
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Saved {
    login: String,
    name: String,
    role: Option<Partner>,
}

/// What `login` said of themselves in the data folder `root`, if they
/// did: only a file this user owns and nobody else may change counts (in a
/// team folder anyone in the group could write one in someone else's
/// name).
pub fn read(root: &Folder, login: &str) -> Option<Person> {
    let folder = root.sub("people", false).ok()?;
    let name = file_name(login);
    let stat = folder.stat(&name).ok()??;
    if stat.st_uid != nix::unistd::Uid::effective().as_raw() || stat.st_mode & 0o022 != 0 {
        return None;
    }
    let bytes = folder.read(&name, MAX_BYTES).ok()??;
    let saved: Saved = ron::from_str(std::str::from_utf8(&bytes).ok()?).ok()?;
    let clean = |s: &str| crate::text::clean_line(s.trim());
    (saved.login == login).then(|| Person {
        name: clean(&saved.name),
        role: saved.role.map(|r| match r {
            Partner::Other(s) => Partner::Other(clean(&s)),
            r => r,
        }),
    })
}

/// Remembers what `who` said of themselves in `root`.
pub fn write(root: &Folder, who: &Who) -> Result<(), FolderError> {
    let folder = root.sub("people", true)?;
    let saved = Saved {
        login: who.login.clone(),
        name: who.person.name.clone(),
        role: who.person.role.clone(),
    };
    let body =
        ron::ser::to_string_pretty(&saved, ron::ser::PrettyConfig::new()).unwrap_or_default();
    let text = format!(
        "// Who this is, for ietkit's change record: written by ietkit, may be edited.\n{body}\n"
    );
    // Only its owner may change it, even in a team folder: nobody else can
    // speak for them.
    folder.replace_with_mode(&file_name(&who.login), text.as_bytes(), 0o600)
}

/// The person at the keyboard in `data_dir`, and whether they have said
/// who they are there.
pub fn who(data_dir: Option<&DataDir>) -> (Who, bool) {
    let login = login();
    let person = data_dir
        .and_then(|d| Folder::open(&d.path, false).ok())
        .and_then(|root| read(&root, &login));
    let known = person.is_some();
    (
        Who {
            login,
            person: person.unwrap_or_default(),
        },
        known,
    )
}

/// What a lock file says of the session holding it: "Maria Lopez (ABS),
/// mlopez on host (process 1234)".
pub fn holder_text(who: &Who) -> String {
    let label = who.label();
    let place = format!("on {} (process {})", host(), std::process::id());
    if label == who.login {
        format!("{label} {place}")
    } else {
        // The name is what the person says of themselves: kept short, so
        // the login and place, which the system vouches for, always show.
        let label: String = label.chars().take(80).collect();
        format!("{label}, {} {place}", who.login)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_login_has_a_file_of_its_own() {
        assert_eq!(file_name("mlopez"), "mlopez.ron");
        assert_eq!(file_name("m.lopez"), "m_2elopez.ron");
        assert_eq!(file_name("m-lopez"), "m_2dlopez.ron");
        assert_eq!(file_name("../x"), "_2e_2e_2fx.ron");
        assert_eq!(file_name(""), "_.ron");
        assert_eq!(file_name("uid 1001"), "uid_201001.ron");
    }

    #[test]
    fn a_person_is_remembered_in_the_folder() {
        let dir = std::env::temp_dir().join(format!("ietkit-people-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let root = Folder::open(&dir, true).unwrap();
        assert_eq!(read(&root, "maria"), None);
        let me = Who {
            login: "maria".into(),
            person: Person {
                name: "Maria Lopez".into(),
                role: Some(Partner::AdultBasicSkills),
            },
        };
        write(&root, &me).unwrap();
        assert_eq!(read(&root, "maria"), Some(me.person.clone()));
        assert_eq!(read(&root, "sam"), None);
        assert!(holder_text(&me).starts_with("Maria Lopez (ABS), maria on "));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A lock says on which computer the session runs: its own name, as
    /// the system gives it.
    #[test]
    fn a_session_is_placed_on_this_computer_by_name() {
        let name = nix::unistd::gethostname()
            .unwrap()
            .to_string_lossy()
            .trim()
            .to_string();
        assert!(!name.is_empty());
        assert_eq!(host(), name);
        let who = Who {
            login: "mlopez".into(),
            person: Person::default(),
        };
        assert!(holder_text(&who).contains(&format!("on {name} (process")));
    }

    /// A person's file with comments, larger than a kilobyte, is read whole.
    #[test]
    fn a_persons_file_is_read_up_to_its_limit() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("ietkit-people-limit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("people")).unwrap();
        let me = login();
        let text = format!(
            "{}(login: \"{me}\", name: \"Maria Lopez\", role: Some(AdultBasicSkills))\n",
            "// said by the person\n".repeat(100)
        );
        let file = dir.join("people").join(file_name(&me));
        std::fs::write(&file, text).unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        let root = Folder::open(&dir, false).unwrap();
        let person = read(&root, &me).expect("read");
        assert_eq!(person.name, "Maria Lopez");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
