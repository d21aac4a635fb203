//! The release-shaped binary in a real pseudo-terminal: keys typed, the
//! screen read back through a VT parser, and the terminal restored on quit.

mod common;

#[path = "common/tui.rs"]
mod tui;

use std::time::{Duration, Instant};

#[path = "common/pty.rs"]
mod pty;

use pty::Pty as Session;

#[test]
fn rate_an_indicator_in_a_real_terminal_and_quit_cleanly() {
    let data = common::TempDir::new("pty");
    let mut s = Session::start(&[], data.path());
    s.wait_for("Welcome to ietkit");
    s.type_keys(b"]");
    s.wait_for("PD-1 - not rated");
    s.type_keys(b"2");
    let screen = s.wait_for("PD-1 2 Developing");
    assert!(
        screen.contains("[2] PD-1"),
        "the navigator shows the mark too:\n{screen}"
    );
    assert!(
        screen.contains("1 of 35 done: 1 rated"),
        "the summary counts it:\n{screen}"
    );
    s.wait_for(" PD  saved ");
    // Saved as it happened, so q quits at once.
    s.type_keys(b"q");
    let (status, text) = s.finish();
    assert!(status.success(), "{status:?}");
    assert!(
        text.contains("\u{1b}[?1049h"),
        "entered the alternate screen"
    );
    assert!(
        text.contains("\u{1b}[?2026h"),
        "frames use synchronized output"
    );
    let leave = text
        .rfind("\u{1b}[?1049l")
        .expect("left the alternate screen");
    assert!(
        leave > text.rfind("\u{1b}[?2026l").unwrap(),
        "restored after the last frame"
    );
    assert!(!text.contains("\u{1b}[?1000h"), "no mouse capture");
}

#[test]
fn ctrl_c_quits_a_clean_session_and_restores_the_terminal() {
    let data = common::TempDir::new("pty-ctrl-c");
    let mut s = Session::start(&["--ascii"], data.path());
    let screen = s.wait_for("Welcome to ietkit");
    assert!(
        screen.contains("+ Navigator") || screen.contains("+>Navigator"),
        "{screen}"
    );
    s.type_keys(b"\x03");
    let (status, text) = s.finish();
    assert!(status.success());
    assert!(text.contains("\u{1b}[?1049l"));
}

/// The one assessment file in the data folder's library.
fn saved_file(data: &std::path::Path) -> String {
    let dir = data.join("assessments");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    std::fs::read_to_string(&files[0]).unwrap()
}

#[test]
fn a_rating_survives_sigkill_right_after_it_shows() {
    let data = common::TempDir::new("pty-kill");
    let mut s = Session::start(&[], data.path());
    s.wait_for("Welcome to ietkit");
    s.type_keys(b"]3");
    s.wait_for("PD-1 3 Established");
    s.signal("KILL");
    let _ = s.finish();
    assert!(saved_file(data.path()).contains("rating: Level(3)"));
    // Restart: it opens on the same assessment, rating in place.
    let mut again = Session::start(&[], data.path());
    let screen = again.wait_for("Welcome back");
    assert!(screen.contains("1 of 35 indicators done"), "{screen}");
    again.type_keys(b"]");
    again.wait_for("PD-1 3 Established");
    again.type_keys(b"q");
    assert!(again.finish().0.success());
}

/// Leaving on a signal: a clean exit (status 0, not killed), the
/// terminal given back, the lock file emptied on the way out (the session
/// ended in order, not by the watchdog), the rating on disk and the note
/// being typed kept as a draft, and the next session free to change it.
fn a_signal_ends_the_session_in_order(signal: &str) {
    let data = common::TempDir::new(&format!("pty-{signal}"));
    let path = pty::same_data(data.path());
    let lock = path.with_extension("ron.lock");
    let mut s = Session::start(&["open", pty::SAME_NAME], data.path());
    s.wait_for("Navigator");
    s.type_keys(b"jj\r");
    s.wait_for("PD-1");
    s.type_keys(b"1");
    s.wait_for("PD-1 1 Beginning");
    s.type_keys(b"\rw");
    s.wait_for("Notes for PD-1");
    s.type_keys(b" Half a thought");
    s.wait_for("a thought");
    assert!(
        !std::fs::read_to_string(&lock).unwrap().is_empty(),
        "while it runs, the lock file names the session"
    );
    s.signal(signal);
    let (status, text) = s.finish();
    assert!(
        status.success(),
        "SIG{signal}: a clean exit, not a kill: {status:?}"
    );
    given_back(&text);
    assert_eq!(
        std::fs::read_to_string(&lock).unwrap(),
        "",
        "SIG{signal}: the main loop left and let the lock go in order (the watchdog's exit leaves the name)"
    );
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("rating: Level(1)"), "SIG{signal}: {saved}");
    let mut again = Session::start(&["open", pty::SAME_NAME], data.path());
    let screen = again.wait_for("A draft was left");
    assert!(screen.contains("a thought"), "SIG{signal}: {screen}");
    assert!(!screen.contains("read-only"), "SIG{signal}: {screen}");
    again.type_keys(b"\x1b");
    again.type_keys(b"q");
    assert!(again.finish().0.success());
}

#[test]
fn sighup_ends_the_session_in_order_and_gives_the_terminal_back() {
    a_signal_ends_the_session_in_order("HUP");
}

/// When the main loop cannot come back (crossterm stuck reading a
/// terminal that went away), the watchdog gives the terminal back and
/// ends ietkit a second after the signal: it never holds the lock for
/// nobody.
#[test]
fn a_stuck_main_loop_still_leaves_after_a_hang_up() {
    let data = common::TempDir::new("pty-stuck");
    let mut s = Session::start_with(&[], data.path(), &[("IETKIT_STUCK_FOR_TEST", "1")]);
    s.wait_for("Welcome to ietkit");
    s.signal("HUP");
    // A guard against hanging the suite, not a timing: the watchdog waits
    // one second.
    let deadline = Instant::now() + Duration::from_secs(20);
    while !matches!(state_of(s.pid()), 'Z' | '?') {
        assert!(Instant::now() < deadline, "still running 20 s after SIGHUP");
        std::thread::sleep(Duration::from_millis(20));
    }
    let (status, text) = s.finish();
    assert!(status.success(), "{status:?}");
    given_back(&text);
}

#[test]
fn a_second_session_on_the_same_file_is_read_only_and_the_first_keeps_saving() {
    let data = common::TempDir::new("pty-two");
    let mut first = Session::start(&[], data.path());
    first.wait_for("Welcome to ietkit");
    first.type_keys(b"]2");
    // Drawn only after the save: saving happens before each frame.
    first.wait_for("PD-1 2 Developing");
    let mut second = Session::start(&[], data.path());
    let screen = second.wait_for("read-only");
    assert!(screen.contains("open in another session"), "{screen}");
    second.type_keys(b"]0");
    second.wait_for("Read-only:");
    first.type_keys(b"j3");
    first.wait_for("PD-2 3 Established");
    second.type_keys(b"q");
    assert!(second.finish().0.success());
    first.type_keys(b"q");
    assert!(first.finish().0.success());
    let text = saved_file(data.path());
    let pd1 = text.find("indicator: \"PD-1\"").unwrap();
    let pd2 = text.find("indicator: \"PD-2\"").unwrap();
    assert!(
        text[pd1..pd2].contains("Level(2)"),
        "the second session changed nothing"
    );
    assert!(
        text[pd2..].contains("Level(3)"),
        "the first session's later save is there"
    );
}

/// The bytes of each key in a real terminal are the bytes the in-process
/// meter counts (tests/bandwidth.rs), and an idle screen sends nothing.
#[test]
fn a_real_terminal_receives_what_the_meter_counts_and_nothing_while_idle() {
    let data = common::TempDir::new("pty-bytes");
    let path = pty::same_data(data.path());
    let mut s = Session::start(&["open", pty::SAME_NAME], data.path());
    s.wait_for("Welcome back");
    let real = s.bytes_per_key(pty::SAME_SCRIPT);

    // Idle: two and a half seconds without a key (a dozen of the loop's
    // looks for signals, two of the hang-up watch), not a byte.
    let quiet = s.bytes();
    std::thread::sleep(Duration::from_millis(2500));
    assert_eq!(s.bytes(), quiet, "nothing sent while idle");
    s.type_keys(b"q");
    let (status, _) = s.finish();
    assert!(status.success());

    let counted = pty::meter_bytes(data.path(), &path);
    assert_eq!(
        real, counted,
        "first paint and bytes per key: real terminal vs meter"
    );
}

/// What ietkit itself sends: cursor moves, styles, erase to end of line,
/// clearing the screen, and the modes it sets and resets.
fn ietkit_sequence(rest: &str) -> Option<usize> {
    let body = rest.strip_prefix('[')?;
    let end = body.find(|c: char| c.is_ascii_alphabetic())?;
    let (params, last) = (&body[..end], &body[end..=end]);
    let numbers = params.chars().all(|c| c.is_ascii_digit() || c == ';');
    let ok = match last {
        "m" | "H" => numbers,
        "K" => params.is_empty(),
        "J" => params == "2",
        "h" | "l" => matches!(params, "?1049" | "?2004" | "?25" | "?2026"),
        _ => false,
    };
    ok.then_some(end + 2)
}

/// Every escape sequence in `output` is one of ietkit's own, and no other
/// control, bidi or invisible character reaches the terminal.
fn assert_only_own_sequences(output: &[u8]) {
    let text = std::str::from_utf8(output).expect("the output is valid UTF-8");
    let mut rest = text;
    let mut prev = ' ';
    while let Some(c) = rest.chars().next() {
        if c == '\u{1b}' {
            let len = ietkit_sequence(&rest[1..]).unwrap_or_else(|| {
                panic!(
                    "a sequence ietkit does not send: {:?}",
                    rest.chars().take(24).collect::<String>()
                )
            });
            rest = &rest[len..];
            continue;
        }
        // A joiner inside an emoji sequence is the emoji's own.
        let around: Vec<char> = std::iter::once(prev).chain(rest.chars().take(2)).collect();
        assert!(
            !ietkit::text::unsafe_at(&around, 1) || c == '\n',
            "{} reached the terminal near {:?}",
            ietkit::text::codepoint(c),
            rest.chars().take(24).collect::<String>()
        );
        prev = c;
        rest = &rest[c.len_utf8()..];
    }
}

#[test]
fn hostile_text_in_every_field_never_reaches_the_terminal_as_control() {
    let data = common::TempDir::new("pty-hostile");
    let lib = ietkit::store::library::Library::new(ietkit::store::paths::DataDir {
        path: data.path().to_path_buf(),
        chosen_by: ietkit::store::paths::ChosenBy::Flag,
    });
    let a = common::hostile_assessment();
    // Written as raw text, the way a file from elsewhere arrives.
    let path = lib.assessments().join("hostile.ron");
    ietkit::store::assessment_file::ensure_private_dir(&lib.assessments()).unwrap();
    std::fs::write(&path, ietkit::store::assessment_file::to_text(&a)).unwrap();

    let mut s = Session::start(&["open", "hostile"], data.path());
    s.wait_for("Welcome back");
    for keys in [
        &b"jj\r"[..],
        b"\r",
        b"w",
        b"\x1b",
        b"\x1b",
        b"p",
        b"\x1b",
        b"\t",
        b"\t",
        b"?",
        b"\x1b",
        b"o",
        b"\x1b",
        b"/red\r",
    ] {
        s.type_keys(keys);
        std::thread::sleep(Duration::from_millis(120));
    }
    s.type_keys(b"q");
    std::thread::sleep(Duration::from_millis(120));
    s.type_keys(b"y");
    let (status, _) = s.finish();
    assert!(status.success());
    let raw = s.raw.lock().unwrap().clone();
    assert!(raw.len() > 4000, "the views were drawn");
    assert_only_own_sequences(&raw);
}

#[test]
fn the_checker_of_sequences_catches_a_foreign_one() {
    assert_only_own_sequences(b"\x1b[2;3Hok\x1b[0m\x1b[?2026h\x1b[K");
    for bad in [
        &b"\x1b]0;title\x07"[..],
        b"\x1b[6n",
        b"a\x07b",
        "\u{202e}".as_bytes(),
    ] {
        let caught = std::panic::catch_unwind(|| assert_only_own_sequences(bad));
        assert!(caught.is_err(), "{bad:?}");
    }
}

#[test]
fn a_panic_restores_the_terminal_before_the_message() {
    let data = common::TempDir::new("pty-panic");
    let mut s = Session::start_with(&[], data.path(), &[("IETKIT_PANIC_FOR_TEST", "1")]);
    let (status, text) = s.finish();
    assert!(!status.success());
    let left = text
        .rfind("\u{1b}[?1049l")
        .expect("left the alternate screen");
    let message = text
        .find("IETKIT_PANIC_FOR_TEST is set")
        .expect("the panic message is shown");
    assert!(
        left < message,
        "restored first, so the message stays on screen"
    );
    for restored in ["\u{1b}[?25h", "\u{1b}[?2004l"] {
        assert!(text[..message].contains(restored), "{restored:?}");
    }
}

#[test]
fn sigterm_ends_the_session_in_order_and_gives_the_terminal_back() {
    a_signal_ends_the_session_in_order("TERM");
}

/// Every file ietkit keeps parses: assessments, history, trash, and each
/// person's state and name.
fn every_file_parses(dir: &std::path::Path) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            every_file_parses(&p);
        } else if p.extension().is_some_and(|e| e == "ron") {
            let small = p.file_name().is_some_and(|n| n == "state.ron")
                || p.parent()
                    .and_then(|f| f.file_name())
                    .is_some_and(|f| f == "state" || f == "people");
            if small {
                let text = std::fs::read_to_string(&p).unwrap();
                assert!(
                    ron::from_str::<ron::Value>(&text).is_ok(),
                    "{} whole: {text:?}",
                    p.display()
                );
            } else {
                ietkit::store::assessment_file::read(&p)
                    .unwrap_or_else(|e| panic!("{} does not parse: {e}", p.display()));
            }
        }
    }
}

/// The count of indicators done, where the screen shows it.
fn done_on_screen(screen: &str) -> Option<usize> {
    let (head, _) = screen.split_once(" of 35 done")?;
    head.rsplit(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

/// Each rating the screen shows, in the checklist ("PD-3 2 Developing",
/// "PD-4 N/A") and in the navigator ("[2] PD-3", "N/A PD-4"): the id and
/// the level, None for N/A.
fn ratings_on_screen(screen: &str) -> Vec<(String, Option<u8>)> {
    let words: Vec<&str> = screen
        .split(|c: char| c.is_whitespace() || c == '│' || c == '?')
        .filter(|w| !w.is_empty())
        .collect();
    let is_id = |w: &str| {
        w.split_once('-').is_some_and(|(cat, n)| {
            cat.len() == 2 && cat.chars().all(|c| c.is_ascii_uppercase()) && n.parse::<u8>().is_ok()
        })
    };
    let level = |w: &str| match w {
        "N/A" => Some(None),
        _ => w
            .strip_prefix('[')
            .and_then(|w| w.strip_suffix(']'))
            .unwrap_or(w)
            .parse::<u8>()
            .ok()
            .filter(|&l| l <= 3)
            .map(Some),
    };
    let mut shown = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !is_id(w) {
            continue;
        }
        // Checklist: the level after the id; navigator: the mark before.
        let after = words.get(i + 1).and_then(|n| level(n));
        let before = i
            .checked_sub(1)
            .and_then(|j| level(words[j]))
            .filter(|_| words[i - 1].starts_with('[') || words[i - 1] == "N/A");
        if let Some(l) = after.or(before) {
            shown.push((w.to_string(), l));
        }
    }
    shown
}

#[test]
fn killed_at_random_moments_nothing_shown_as_saved_is_lost() {
    let data = common::TempDir::new("pty-crash");
    // A fixed seed: the moments differ from trial to trial, not run to run.
    let mut seed: u64 = 0x2026_1128;
    let mut random = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    // Rate every indicator, with notes now and then: a few hundred keys,
    // typed a few at a time. Esc goes alone: followed at once by another
    // key, a terminal's Esc reads as Alt and that key.
    let mut script: Vec<Vec<u8>> = Vec::new();
    for i in 0..35 {
        script.push(format!("]{}", i % 4).into_bytes());
        if i % 5 == 0 {
            // The detail, the notes editor, kept with Ctrl-S, then back.
            script.push(format!("\rwnote {i}\x13").into_bytes());
            script.push(b"\x1b".to_vec());
        }
    }
    let mut compared = 0;
    for trial in 0..24 {
        let trial_dir = data.path().join(format!("trial-{trial}"));
        let mut s = Session::start(&[], &trial_dir);
        s.wait_for("Welcome");
        let kill_after = 20 + random(400);
        let start = Instant::now();
        for piece in &script {
            if start.elapsed() >= Duration::from_millis(kill_after) {
                break;
            }
            s.type_keys(piece);
            std::thread::sleep(Duration::from_millis(if piece == b"\x1b" { 60 } else { 8 }));
        }
        // What the screen shows now was saved before it was drawn: each
        // rating it shows, and the count of indicators done.
        let screen = s.screen();
        let shown = ratings_on_screen(&screen);
        let done = done_on_screen(&screen);
        s.signal("KILL");
        let _ = s.finish();
        every_file_parses(&trial_dir);
        let saved = std::fs::read_dir(trial_dir.join("assessments"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "ron"));
        let Some(saved) = saved else {
            assert!(
                shown.is_empty() && done.is_none_or(|d| d == 0),
                "trial {trial}: the screen showed ratings, but no file was saved:\n{screen}"
            );
            continue;
        };
        let file = ietkit::store::assessment_file::read(&saved)
            .unwrap()
            .assessment;
        use ietkit::model::assessment::Rating;
        for (id, level) in &shown {
            let on_disk = file.response(id).map(|r| r.rating.clone());
            let want = match level {
                Some(l) => Rating::Level(*l),
                None => Rating::NotApplicable {
                    reason: String::new(),
                },
            };
            let same = match (&on_disk, &want) {
                (Some(Rating::NotApplicable { .. }), Rating::NotApplicable { .. }) => true,
                (Some(a), b) => a == b,
                (None, _) => false,
            };
            assert!(
                same,
                "trial {trial}, killed after {kill_after} ms: the screen showed {id} {level:?}, the file holds {on_disk:?}\n{screen}"
            );
            compared += 1;
        }
        if let Some(done) = done {
            let on_disk = file
                .responses
                .iter()
                .filter(|r| r.rating != Rating::Unrated)
                .count();
            assert!(
                on_disk >= done,
                "trial {trial}, killed after {kill_after} ms: the screen showed {done} done, the file holds {on_disk}"
            );
        }
    }
    assert!(
        compared >= 24,
        "only {compared} ratings on screen were compared with the file: the trials check too little"
    );
    // A stale lock from a killed session never blocks the next one.
    let mut again = Session::start(&[], &data.path().join("trial-23"));
    let screen = again.wait_for("saved");
    assert!(!screen.contains("read-only"), "{screen}");
    again.type_keys(b"q");
    assert!(again.finish().0.success());
}

/// After `text`'s last "leave the alternate screen", the terminal is given
/// back whole: cursor shown, bracketed paste off.
fn given_back(text: &str) {
    let left = text
        .rfind("\u{1b}[?1049l")
        .expect("left the alternate screen");
    let after = &text[left..];
    assert!(after.contains("\u{1b}[?25h"), "cursor shown again");
    assert!(
        text[..left].rfind("\u{1b}[?2004l").is_some() || after.contains("\u{1b}[?2004l"),
        "bracketed paste off"
    );
}

#[test]
fn sigint_and_sigquit_from_outside_save_and_give_the_terminal_back() {
    for signal in ["INT", "QUIT"] {
        let data = common::TempDir::new("pty-int");
        let mut s = Session::start(&[], data.path());
        s.wait_for("Welcome to ietkit");
        s.type_keys(b"]3");
        s.wait_for("PD-1 3 Established");
        s.signal(signal);
        let (status, text) = s.finish();
        assert!(status.success(), "SIG{signal}: a clean exit, not a kill");
        given_back(&text);
        assert!(
            saved_file(data.path()).contains("rating: Level(3)"),
            "SIG{signal}"
        );
    }
}

/// The state of process `pid` as /proc says it: 'T' is stopped.
fn state_of(pid: i32) -> char {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            s.rsplit_once(") ")
                .and_then(|(_, rest)| rest.chars().next())
        })
        .unwrap_or('?')
}

#[test]
fn ctrl_z_and_sigtstp_give_the_terminal_back_before_stopping_and_sigcont_redraws() {
    let data = common::TempDir::new("pty-tstp");
    let mut s = Session::start(&[], data.path());
    s.wait_for("Welcome to ietkit");
    for stop in [&b"\x1a"[..], b""] {
        let before = s.bytes();
        if stop.is_empty() {
            s.signal("TSTP");
        } else {
            s.type_keys(stop);
        }
        let start = std::time::Instant::now();
        while state_of(s.pid()) != 'T' {
            assert!(
                start.elapsed() < std::time::Duration::from_secs(10),
                "ietkit did not stop"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        // What it wrote before stopping may still be on its way here.
        let start = std::time::Instant::now();
        let raw = loop {
            let raw = s.raw.lock().unwrap()[before..].to_vec();
            if String::from_utf8_lossy(&raw).contains("\u{1b}[?25h")
                || start.elapsed() > std::time::Duration::from_secs(5)
            {
                break raw;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        given_back(&String::from_utf8_lossy(&raw));
        let before = s.bytes();
        s.signal("CONT");
        // Back in the alternate screen, the whole screen drawn again.
        let start = std::time::Instant::now();
        loop {
            let raw = s.raw.lock().unwrap()[before..].to_vec();
            let text = String::from_utf8_lossy(&raw).into_owned();
            if text.contains("\u{1b}[?1049h") && text.contains("Navigator") && raw.len() > 500 {
                break;
            }
            assert!(
                start.elapsed() < std::time::Duration::from_secs(10),
                "not drawn again after SIGCONT: {text:?}"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
    s.type_keys(b"]2");
    s.wait_for("PD-1 2 Developing");
    s.type_keys(b"q");
    let (status, _) = s.finish();
    assert!(status.success());
}

#[test]
fn a_note_typed_when_the_link_drops_is_offered_back_on_the_next_open() {
    let data = common::TempDir::new("pty-draft");
    let path = pty::same_data(data.path());
    let dir = path.parent().unwrap().to_path_buf();
    let drafts = || {
        std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(&format!("{}.ron.", pty::SAME_NAME)) && n.ends_with(".draft"))
            .count()
    };
    let mut s = Session::start(&["open", pty::SAME_NAME], data.path());
    s.wait_for("Navigator");
    s.type_keys(b"jj\r\rw");
    s.wait_for("Notes for PD-1");
    s.type_keys(b" Typed before the link dropped");
    s.wait_for("the link dropped");
    s.signal("HUP");
    s.finish();
    assert_eq!(drafts(), 1, "the draft is on disk");
    assert!(
        !std::fs::read_to_string(&path)
            .unwrap()
            .contains("Typed before the link dropped"),
        "and only there"
    );

    let mut s = Session::start(&["open", pty::SAME_NAME], data.path());
    let screen = s.wait_for("A draft was left");
    assert!(screen.contains("the link dropped"), "{screen}");
    s.type_keys(b"r");
    s.wait_for("Ctrl-S keeps");
    s.type_keys(b"\x13");
    s.wait_for("Notes for PD-1 kept");
    s.type_keys(b"\x1bq");
    let (status, _) = s.finish();
    assert!(status.success());
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("Typed before the link dropped")
    );
    assert_eq!(drafts(), 0, "restored and kept: gone from disk");
}

#[test]
fn no_color_set_in_the_environment_means_no_colour_codes_at_all() {
    // Colour codes: SGR with a foreground or background colour.
    let coloured = |bytes: &[u8]| {
        let text = String::from_utf8_lossy(bytes);
        text.split("\x1b[").skip(1).any(|seq| {
            let Some(end) = seq.find('m') else {
                return false;
            };
            let params = &seq[..end];
            !params.contains(|c: char| !c.is_ascii_digit() && c != ';')
                && params.split(';').any(|p| {
                    matches!(
                        p.parse::<u16>(),
                        Ok(30..=39 | 40..=49 | 90..=97 | 100..=107)
                    )
                })
        })
    };
    let run = |env: &[(&str, &str)]| a_short_session(env).1.into_bytes();
    assert!(
        coloured(&run(&[])),
        "the check sees colour when there is some"
    );
    let plain = run(&[("NO_COLOR", "1")]);
    assert!(!coloured(&plain), "{}", String::from_utf8_lossy(&plain));
}

/// The help names the data folder in use, and `--mono` alone (without
/// NO_COLOR) draws without a single colour code.
#[test]
fn help_names_the_data_folder_and_mono_draws_no_colour() {
    let data = common::TempDir::new("pty-help");
    let mut s = Session::start(&["--mono"], data.path());
    s.wait_for("Welcome to ietkit");
    s.type_keys(b"?");
    let screen = s.wait_for("Saved assessments live");
    let flat: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = data
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        flat.replace("│ ", "").replace(" │", "").contains(&name),
        "the help names {name}:\n{screen}"
    );
    s.type_keys(b"\x1b");
    s.type_keys(b"]2");
    s.wait_for("PD-1 2 Developing");
    s.type_keys(b"q");
    let (status, text) = s.finish();
    assert!(status.success());
    let colour = text.split("\u{1b}[").skip(1).find(|seq| {
        let Some(end) = seq.find('m') else {
            return false;
        };
        let params = &seq[..end];
        params.chars().all(|c| c.is_ascii_digit() || c == ';')
            && params.split(';').any(|p| {
                p.parse::<u16>()
                    .is_ok_and(|n| (30..=49).contains(&n) || (90..=107).contains(&n))
            })
    });
    assert_eq!(colour, None, "--mono sends no colour code");
}

/// In the app, an export goes by default to the folder ietkit was started
/// from, and `~` in the path typed means the home folder.
#[test]
fn an_export_goes_where_ietkit_was_started_and_tilde_is_home() {
    let base = common::TempDir::new("pty-export-where");
    let (data, work, home) = (
        base.path().join("data"),
        base.path().join("work"),
        base.path().join("home"),
    );
    for d in [&work, &home] {
        std::fs::create_dir_all(d).unwrap();
    }
    let home_text = home.display().to_string();
    pty::known_person(&data);
    let mut s = Session::spawn_in(
        env!("CARGO_BIN_EXE_ietkit"),
        &[],
        &data,
        Some(&work),
        &[("HOME", &home_text)],
    );
    s.wait_for("Welcome to ietkit");
    s.type_keys(b"]2");
    s.wait_for("PD-1 2 Developing");
    s.type_keys(b"x");
    s.wait_for("Export this assessment");
    s.type_keys(b"\r");
    s.wait_for("Exported to");
    let in_work: Vec<_> = std::fs::read_dir(&work)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        in_work.iter().any(|n| n.ends_with(".md")),
        "the report is in the folder ietkit started from: {in_work:?}"
    );
    s.type_keys(b"x");
    s.wait_for("Export this assessment");
    // The path field: Tab to it, clear it, type a path from home.
    s.type_keys(b"\t\x1b[H\x0b~/from-home.md\r");
    s.wait_for("Exported to");
    assert!(home.join("from-home.md").is_file(), "~ is the home folder");
    s.type_keys(b"q");
    assert!(s.finish().0.success());
}

/// Colours follow what the terminal says it has: 256-colour codes only when
/// `TERM` or `COLORTERM` says so, the basic codes for `xterm` and `linux`,
/// none for `vt100`. (`TERM=dumb` or no `TERM` gets the linear mode:
/// `tests/linear.rs a_plain_terminal_gets_the_linear_mode`.)
#[test]
fn terminals_get_the_colours_they_say_they_have() {
    let run = |env: &[(&str, &str)]| {
        let (status, text) = a_short_session(env);
        assert!(status.success(), "{env:?}");
        text
    };
    let codes = |text: &str| -> Vec<u16> {
        text.split("\u{1b}[")
            .skip(1)
            .filter_map(|seq| {
                let params = &seq[..seq.find('m')?];
                params
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ';')
                    .then(|| {
                        params
                            .split(';')
                            .filter_map(|p| p.parse().ok())
                            .collect::<Vec<u16>>()
                    })
            })
            .flatten()
            .collect()
    };
    let extended = |text: &str| text.contains("38;5;") || text.contains("48;5;");
    let colour = |c: &u16| matches!(c, 30..=37 | 40..=47 | 90..=97 | 100..=107);

    let full = run(&[("TERM", "xterm-256color")]);
    assert!(extended(&full), "xterm-256color gets 256 colours");
    let truecolor = run(&[("TERM", "xterm"), ("COLORTERM", "truecolor")]);
    assert!(extended(&truecolor), "COLORTERM says it has more");
    for term in ["xterm", "linux", "screen"] {
        let text = run(&[("TERM", term)]);
        assert!(!extended(&text), "TERM={term} got a 256-colour code");
        assert!(
            codes(&text).iter().any(colour),
            "TERM={term} gets basic colours"
        );
    }
    for term in ["vt100", "vt220"] {
        let text = run(&[("TERM", term)]);
        assert!(!extended(&text), "TERM={term}");
        assert!(!codes(&text).iter().any(colour), "TERM={term} got colour");
        assert!(
            codes(&text).contains(&7),
            "reverse video still marks the selection"
        );
    }
}

/// A first start where only one pane fits: the welcome shows, which says
/// how to begin, the footer names `]`, and `]` then a digit rates; a
/// message too long for the status line shows whole.
#[test]
fn a_first_start_at_60x20_and_40x12_shows_the_way_on() {
    for (cols, rows) in [(60, 20), (40, 12)] {
        let data = common::TempDir::new("pty-first-small");
        let mut s = Session::spawn_sized(
            env!("CARGO_BIN_EXE_ietkit"),
            &[],
            data.path(),
            None,
            &[],
            (cols, rows),
        );
        s.wait_for("Who is working?");
        s.type_keys(b"\x1b");
        let screen = s.wait_for("] next to rate");
        assert!(
            screen.contains("Welcome to ietkit"),
            "{cols}x{rows}:\n{screen}"
        );
        let flat = screen
            .replace('│', " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let footer = screen.lines().last().unwrap();
        assert!(footer.contains("] next to rate"), "{cols}x{rows}: {footer}");
        // The note on who is working is said whole, in a box above the
        // status line; at 60x20 the welcome's first step shows beside it.
        assert!(
            flat.contains("w in the library (o) gives your name and role."),
            "{screen}"
        );
        if cols == 60 {
            assert!(
                flat.contains("Press ] to go to the first indicator"),
                "{screen}"
            );
        }
        s.type_keys(b"]2");
        s.wait_for("2 Developing");
        s.type_keys(b"q");
        assert!(s.finish().0.success());
    }
}

/// A short session on the team's sample with extra `env`: open, move to
/// PD-1, quit. Its exit status and every byte it sent.
fn a_short_session(env: &[(&str, &str)]) -> (portable_pty::ExitStatus, String) {
    let data = common::TempDir::new("pty-short");
    pty::same_data(data.path());
    let mut s = Session::start_with(&["open", pty::SAME_NAME], data.path(), env);
    s.wait_for("Navigator");
    s.type_keys(b"jj\r");
    s.wait_for("PD-1");
    s.type_keys(b"q");
    s.finish()
}
