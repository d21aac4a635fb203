//! Time and memory against the budgets in docs/PERFORMANCE.md.
//!
//! `cargo bench` builds ietkit in release and prints each figure with its
//! median (or p99) and its ratio to the budget. Times vary from run to run
//! and machine to machine, so they are reported here, never asserted in a
//! test; byte counts, which do not vary, are tests (tests/bandwidth.rs).

use std::path::Path;
use std::time::{Duration, Instant};

use ietkit::model::assessment::{Assessment, Profile, Purpose};
use ietkit::model::rubric::Rubric;
use ietkit::store::library::Library;
use ietkit::store::paths::{ChosenBy, DataDir};
use ietkit::store::{assessment_file, embedded};
use ietkit::tui::app::App;
use ietkit::tui::content::Content;
use ietkit::tui::meter::{Meter, parse_keys};
use ietkit::tui::session::Session;
use ietkit::tui::theme::Theme;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;

#[path = "../common/pty.rs"]
mod pty;

#[path = "../common/tui.rs"]
mod tui;

#[path = "../../examples/generate_assessments.rs"]
mod generator;

use pty::Pty;

const SAMPLE: &str = "examples/assessments/welding-fabrication-iet-2026-27.ron";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// How many figures were over their budget (or differed where they must
/// not): any, and the bench exits non-zero.
static FAILED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn failed(what: &str) {
    FAILED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    eprintln!("OVER: {what}");
}

fn report(what: &str, figure: f64, unit: &str, budget: f64) {
    let verdict = if figure <= budget { "within" } else { "OVER" };
    if figure > budget {
        failed(&format!(
            "{what}: {figure:.2} {unit}, budget {budget} {unit}"
        ));
    }
    println!(
        "{what:<58} {figure:>9.2} {unit:<3} budget {budget:>6.1} {unit:<3} ratio {:>5.2}  {verdict}",
        figure / budget
    );
}

/// A data folder holding `n` copies of the sample, the last one opened.
fn data_folder(n: usize) -> tempdir::Dir {
    data_folder_in(&std::env::temp_dir(), n)
}

fn data_folder_in(base: &Path, n: usize) -> tempdir::Dir {
    let dir = tempdir::Dir::new(base, "bench");
    let library = Library::new(DataDir {
        path: dir.0.clone(),
        chosen_by: ChosenBy::Flag,
    });
    assessment_file::ensure_private_dir(&library.assessments()).unwrap();
    let source = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    let mut last = None;
    for i in 0..n {
        let path = library.assessments().join(format!("program-{i:04}.ron"));
        std::fs::write(&path, &source).unwrap();
        last = Some(path);
    }
    if let Some(path) = last {
        library.set_last(&path);
    }
    dir
}

mod tempdir {
    pub struct Dir(pub std::path::PathBuf);

    impl Dir {
        pub fn new(base: &std::path::Path, label: &str) -> Dir {
            let path = base.join(format!(
                "ietkit-{label}-{}-{}",
                std::process::id(),
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos()
            ));
            std::fs::create_dir_all(&path).unwrap();
            Dir(path)
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// How long the output must be quiet before a key counts as handled.
const SETTLE: Duration = Duration::from_millis(30);

fn quit(mut running: Pty) {
    running.type_keys(b"q");
    let _ = running.child.wait();
}

/// Start to first frame: from starting the process to the end of its first
/// frame on the terminal, with `n` assessments in the library.
fn start_up(n: usize, runs: usize) -> Duration {
    let data = data_folder(n);
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let running = Pty::start(&[], &data.0);
            // The first frame ends the synchronized update it is sent in.
            running.wait_for_bytes(b"\x1b[?2026l");
            let took = start.elapsed();
            quit(running);
            took
        })
        .collect();
    times.sort();
    percentile(&times, 0.5)
}

/// A whole assessment in the release binary: every indicator rated, a note
/// typed, help and the library opened; then the peak resident memory.
fn peak_memory() -> f64 {
    let data = data_folder(0);
    let mut running = Pty::start(&[], &data.0);
    running.wait_for_bytes(b"\x1b[?2026l");
    running.type_and_settle(b"]", SETTLE);
    for i in 0..35 {
        let level = [b'0', b'1', b'2', b'3'][i % 4];
        running.type_and_settle(&[level], SETTLE);
        running.type_and_settle(b"]", SETTLE);
    }
    for keys in [
        &b"\rwPartners met weekly\x13"[..],
        b"\x1b",
        b"?",
        b"\x1b",
        b"o",
        b"\x1b",
    ] {
        running.type_and_settle(keys, SETTLE);
    }
    let kb = running.peak_memory_kb();
    quit(running);
    kb as f64 / 1024.0
}

/// The built-in rubric grown to `n` indicators, spread over its categories.
fn big_rubric(n: usize) -> Rubric {
    let mut rubric = embedded::builtin().unwrap().rubric;
    let per = n / rubric.categories.len();
    for category in &mut rubric.categories {
        let template = category.indicators[0].clone();
        category.indicators = (0..per)
            .map(|i| {
                let mut ind = template.clone();
                ind.id = format!("{}-{}", category.id, i + 1);
                ind.title = format!("{} ({})", template.title, i + 1);
                ind
            })
            .collect();
    }
    rubric
}

/// Handling one key and drawing it at 120x40 on a 300-indicator rubric:
/// moves, ratings, focus changes, help, in a loop. The data folder is in
/// memory (/dev/shm) where there is one, so the figure is ietkit's work and
/// not this disk's flush time, which `save_to_disk` reports.
fn key_and_draw(keys: usize) -> (Duration, Duration) {
    let builtin = embedded::builtin().unwrap();
    let rubric = big_rubric(300);
    let assessment = Assessment::new(
        &rubric,
        Profile::default(),
        Purpose::EvaluatingExisting,
        "2026-27",
    );
    let content = Content {
        rubric,
        toolkit: builtin.toolkit,
        screener: builtin.screener,
    };
    let app = App::new(
        content,
        assessment,
        Theme::default(),
        Rect::new(0, 0, 120, 40),
    );
    let shm = Path::new("/dev/shm");
    let data = if shm.is_dir() {
        data_folder_in(shm, 0)
    } else {
        data_folder(0)
    };
    let session = Session::new(Some(Library::new(DataDir {
        path: data.0.clone(),
        chosen_by: ChosenBy::Flag,
    })));
    let mut meter = Meter::new(app, session).unwrap();
    meter.keys("]").unwrap();
    let script = parse_keys("j2j3jjk1<Tab><Tab><Tab>jjkk?<Esc>G0gJ]");
    let mut times = Vec::with_capacity(keys);
    for key in script.iter().cycle().take(keys) {
        let start = Instant::now();
        meter.send(vec![Event::Key(*key)]).unwrap();
        times.push(start.elapsed());
    }

    times.sort();
    (percentile(&times, 0.5), percentile(&times, 0.99))
}

/// One change saved as ietkit saves it (history copy, temporary file,
/// flush to disk, rename, folder flush), on this machine's temp folder.
fn save_to_disk(runs: usize) -> (Duration, Duration) {
    let data = data_folder(1);
    let path = data.0.join("assessments/program-0000.ron");
    let mut a = assessment_file::read(&path).unwrap().assessment;
    let mut times: Vec<Duration> = (0..runs)
        .map(|i| {
            a.cycle = format!("2026-{i}");
            let start = Instant::now();
            assessment_file::save(&path, &a).unwrap();
            start.elapsed()
        })
        .collect();
    times.sort();
    (percentile(&times, 0.5), percentile(&times, 0.99))
}

/// Listing the library (the `o` key), every file read and summarised.
fn list_library(n: usize, runs: usize) -> Duration {
    let data = data_folder(n);
    let library = Library::new(DataDir {
        path: data.0.clone(),
        chosen_by: ChosenBy::Flag,
    });
    let rubric = embedded::builtin().unwrap().rubric;
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            assert_eq!(library.list(&rubric).unwrap().len(), n);
            start.elapsed()
        })
        .collect();
    times.sort();
    percentile(&times, 0.5)
}

/// A data folder of `n` generated assessments (a state's folder).
fn state_folder(n: usize) -> tempdir::Dir {
    let dir = tempdir::Dir::new(&std::env::temp_dir(), "state");
    let b = embedded::builtin().unwrap();
    let made = generator::generate(n, 1, &b.rubric, &b.screener);
    let folder = dir.0.join("assessments");
    std::fs::create_dir_all(&folder).unwrap();
    for m in made.files.iter().take(n) {
        std::fs::write(
            folder.join(format!("{}.ron", m.file)),
            assessment_file::to_text(&m.assessment),
        )
        .unwrap();
    }
    dir
}

/// The roll-up and the library's listing of `n` generated files: medians
/// of `runs`, and the peak memory of `ietkit rollup` over them.
fn across_programs(n: usize, runs: usize) -> (Duration, Duration, f64) {
    let data = state_folder(n);
    let library = Library::new(DataDir {
        path: data.0.clone(),
        chosen_by: ChosenBy::Flag,
    });
    let b = embedded::builtin().unwrap();
    let today = ietkit::model::date::Date::new(2026, 11, 30).unwrap();
    let median = |f: &dyn Fn()| {
        let mut times: Vec<Duration> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect();
        times.sort();
        percentile(&times, 0.5)
    };
    let rollup = median(&|| {
        let r =
            ietkit::cli::roll_up_sources(Some(&library), &[], &b.rubric, &b.screener, None, today)
                .unwrap();
        assert!(!r.programs.is_empty());
    });
    let list = median(&|| assert_eq!(library.list(&b.rubric).unwrap().len(), n));
    // Peak memory of the real binary, as /usr/bin/time measures it: a
    // child forked from this process would count this process's own
    // memory (the generated files, held until dropped) as its peak.
    let memory = std::process::Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(env!("CARGO_BIN_EXE_ietkit"))
        .arg("--data-dir")
        .arg(&data.0)
        .args(["rollup", "--format", "csv"])
        .stdout(std::process::Stdio::null())
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stderr)
                .lines()
                .last()
                .and_then(|l| l.trim().parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0);
    (rollup, list, memory)
}

/// Bytes per key in a real terminal: the first frame, then the median of
/// `moves` presses of Down. For ietkit, the release binary on the sample
/// with a category open; for whiptail and dialog, a 20-item checklist.
fn pty_moves(program: &str, args: &[String], setup: &[u8], moves: usize) -> Option<(usize, usize)> {
    if !Path::new(program).exists() {
        return None;
    }
    let data = data_folder(1);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut running = Pty::spawn(program, &args, &data.0, &[]);
    std::thread::sleep(Duration::from_millis(300));
    let first = running.type_and_settle(b"", SETTLE);
    running.type_and_settle(setup, SETTLE);
    let mut per_move = Vec::new();
    for _ in 0..moves {
        let before = running.bytes();
        // Down as a terminal in application-cursor mode sends it, which
        // curses programs such as dialog switch on and others accept.
        running.type_and_settle(b"\x1bOB", SETTLE);
        per_move.push(running.bytes() - before);
    }
    per_move.sort_unstable();
    let _ = running.child.kill();
    let _ = running.child.wait();
    Some((first, per_move[per_move.len() / 2]))
}

/// A 20-item checklist for whiptail or dialog, the same shape as a category.
fn checklist_args() -> Vec<String> {
    let mut args: Vec<String> = ["--checklist", "Rate", "22", "76", "20"]
        .map(String::from)
        .to_vec();
    for i in 1..=20 {
        args.push(format!("PD-{i}"));
        args.push(format!("Indicator number {i} of the checklist"));
        args.push("off".into());
    }
    args
}

/// Reading an assessment of `n` responses (most for indicators the rubric
/// no longer has), matched to the rubric, as opening it does: the median of
/// `runs`. Twice `n` should take about twice as long.
fn load_responses(n: usize, runs: usize) -> Duration {
    let rubric = embedded::builtin().unwrap().rubric;
    let mut a = Assessment::new(
        &rubric,
        Profile::default(),
        Purpose::EvaluatingExisting,
        "2026-27",
    );
    for i in 0..n {
        a.responses.push(ietkit::model::assessment::Response {
            rating: ietkit::model::assessment::Rating::Level(1),
            ..ietkit::model::assessment::Response::new(&format!("OLD-{i}"))
        });
    }
    let data = data_folder(0);
    let path = data.0.join("big.ron");
    // Written compactly, as another program might: within the size limit.
    std::fs::write(&path, ron::to_string(&a).unwrap()).unwrap();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let loaded = assessment_file::read(&path).unwrap();
            loaded.check(&rubric).unwrap();
            let mut a = loaded.assessment;
            assessment_file::reconcile(&mut a, &rubric);
            start.elapsed()
        })
        .collect();
    times.sort();
    percentile(&times, 0.5)
}

fn main() {
    println!("ietkit budgets (release build, this machine):\n");
    let start = start_up(500, 21);
    report(
        "start to first frame, 500 assessments, median of 21",
        start.as_secs_f64() * 1000.0,
        "ms",
        30.0,
    );
    let (p50, p99) = key_and_draw(4000);
    report(
        "one key handled and drawn, 120x40, 300 indicators, p99",
        p99.as_secs_f64() * 1000.0,
        "ms",
        2.0,
    );
    println!(
        "{:<58} {:>9.3} ms",
        "  (median of the same 4000 keys)",
        p50.as_secs_f64() * 1000.0
    );
    println!(
        "{:<58} {:>9.2} ms (no budget)",
        "opening the library of 500 assessments (o), median of 5",
        list_library(500, 5).as_secs_f64() * 1000.0
    );
    let (rollup, list, memory) = across_programs(3000, 3);
    report(
        "roll-up of 3,000 assessments (2 cores), median of 3",
        rollup.as_secs_f64() * 1000.0,
        "ms",
        1500.0,
    );
    report(
        "opening the library of 3,000 assessments, median of 3",
        list.as_secs_f64() * 1000.0,
        "ms",
        1500.0,
    );
    report(
        "peak memory, ietkit rollup over 3,000 files",
        memory,
        "MB",
        50.0,
    );
    let (rollup2, list2, memory2) = across_programs(6000, 3);
    println!(
        "{:<58} {:>9.2}  (linear: about 2); library {:.2}; memory {:.1} MB",
        "  6,000 files: roll-up time as a ratio to 3,000",
        rollup2.as_secs_f64() / rollup.as_secs_f64(),
        list2.as_secs_f64() / list.as_secs_f64(),
        memory2
    );
    let (half, whole) = (load_responses(50_000, 3), load_responses(100_000, 3));
    report(
        "opening an assessment of 100,000 responses, median of 3",
        whole.as_secs_f64() * 1000.0,
        "ms",
        1000.0,
    );
    println!(
        "{:<58} {:>9.2}  (linear: about 2)",
        "  ratio to 50,000 responses",
        whole.as_secs_f64() / half.as_secs_f64()
    );
    let (p50, p99) = save_to_disk(200);
    println!(
        "{:<58} {:>9.3} ms (p99 {:.3} ms; no budget: the disk's own time)",
        "saving one change, flushed to disk, median",
        p50.as_secs_f64() * 1000.0,
        p99.as_secs_f64() * 1000.0
    );
    println!(
        "\nBytes in a real 80x24 terminal (TERM=xterm-256color): the first frame, then the median of 9 moves down:"
    );
    let rows = [
        (
            "ietkit (release), a category's checklist",
            pty_moves(env!("CARGO_BIN_EXE_ietkit"), &[], b"jj\r", 9),
        ),
        (
            "whiptail --checklist, 20 items",
            pty_moves("/usr/bin/whiptail", &checklist_args(), b"", 9),
        ),
        (
            "dialog --checklist, 20 items",
            pty_moves("/usr/bin/dialog", &checklist_args(), b"", 9),
        ),
    ];
    for (name, figures) in rows {
        match figures {
            Some((first, per_move)) => {
                println!("  {name:<44} first frame {first:>6} B, a move {per_move:>4} B")
            }
            None => println!("  {name:<44} (not installed here)"),
        }
    }
    let data = data_folder(0);
    let path = pty::same_data(&data.0);
    let mut running = Pty::start(&["open", pty::SAME_NAME], &data.0);
    running.wait_for("Welcome back");
    let real = running.bytes_per_key(pty::SAME_SCRIPT);
    quit(running);
    let counted = pty::meter_bytes(&data.0, &path);
    println!(
        "  the release binary and the byte meter, the same {} keys: {}",
        real.1.len(),
        if real == counted {
            format!(
                "identical ({} B first paint, {} B for the keys)",
                real.0,
                real.1.iter().sum::<usize>()
            )
        } else {
            failed("the release binary and the byte meter sent different bytes");
            format!("DIFFERENT: binary {real:?}, meter {counted:?}")
        }
    );
    println!();
    report(
        "peak memory, a whole assessment in the app",
        peak_memory(),
        "MB",
        25.0,
    );
    let over = FAILED.load(std::sync::atomic::Ordering::SeqCst);
    if over > 0 {
        eprintln!("\n{over} figure(s) over budget: see OVER above.");
        std::process::exit(1);
    }
    println!("\nEvery figure within its budget.");
}
