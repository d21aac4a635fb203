//! The command line. With no subcommand, ietkit opens on the built-in rubric.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::model::assessment::{Assessment, Profile, Purpose};
use crate::model::rubric::Rubric;
use crate::model::screener::Screener;
use crate::report::{Kind, Subject};
use crate::store::catalogue::{self, Entry};
use crate::store::data_file::{self, LoadError};
use crate::store::embedded;
use crate::store::export_file;
use crate::store::library::Library;
use crate::store::paths::DataDir;
use crate::text;
use crate::tui::app::App;
use crate::tui::content::Content;
use crate::tui::session::Session;
use crate::tui::term;
use crate::tui::theme::{Palette, Theme};

#[derive(Debug, Parser)]
#[command(
    name = "ietkit",
    version,
    about = "Assess an Integrated Education and Training (IET) program against the IET Quality Indicators.",
    long_about = "Assess an Integrated Education and Training (IET) program against the IET Quality \
Indicators: the five Oregon categories, rated indicator by indicator, with notes, evidence and action \
items. Holds program-level information only, never anything about individual learners."
)]
pub struct Cli {
    /// Folder for saved assessments and your own rubrics [default: your user data folder; or set IETKIT_DATA_DIR]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Use this rubric file instead of the built-in Oregon IET Quality Indicators
    #[arg(long, global = true, value_name = "FILE")]
    pub rubric: Option<PathBuf>,

    /// No colours (also when the NO_COLOR variable is set)
    #[arg(long, global = true)]
    pub mono: bool,

    /// Draw borders, markers and bars with plain ASCII characters
    #[arg(long, global = true)]
    pub ascii: bool,

    /// Commands typed a line at a time, answers in plain lines: for screen readers, plain terminals and scripts (chosen by itself when TERM is dumb or unset)
    #[arg(long, global = true)]
    pub linear: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open a saved assessment in the app, by library name or file path
    Open {
        #[arg(value_name = "NAME|FILE")]
        assessment: String,
    },
    /// List the saved assessments in the data folder
    List,
    /// Show assessments side by side, aligned by indicator
    Compare {
        /// Two to six library names or file paths; the first and last are compared for change
        #[arg(value_name = "NAME|FILE", num_args = 2..=6, required = true)]
        assessments: Vec<String>,
        /// text (a table that fits 80 columns for up to three), md or csv
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Only indicators where the assessments differ
        #[arg(long)]
        only_diff: bool,
    },
    /// Write an assessment as a report: Markdown to edit, CSV for a spreadsheet, HTML to print, or JSON
    Export {
        #[arg(value_name = "NAME|FILE")]
        assessment: String,
        /// md (a report to edit), csv (a spreadsheet), html (a page to print) or json
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// With --format csv: one row per action item instead of per indicator
        #[arg(long, conflicts_with = "screener")]
        actions: bool,
        /// With --format csv: the "Is this an IET?" verdicts and answers instead
        #[arg(long)]
        screener: bool,
        /// Write to this file instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it already exists
        #[arg(long)]
        force: bool,
    },
    /// Print the program summary: means and counts per category
    Summary {
        #[arg(value_name = "NAME|FILE")]
        assessment: String,
        /// Also say what each score was worked out from
        #[arg(long)]
        explain: bool,
    },
    /// Print a shell completion script, e.g. `ietkit completions bash > ~/.local/share/bash-completion/completions/ietkit`
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Copy assessment files into the library, each after checking it reads
    Import {
        #[arg(value_name = "FILE", required = true, num_args = 1..)]
        files: Vec<PathBuf>,
        /// The library name to give it, with one file [default: from its program and cycle]
        #[arg(long)]
        name: Option<String>,
    },
    /// Across programs: which assessment stands for each program, and how the programs stand on each indicator and category
    Rollup {
        /// Library names, files, or folders of assessments [default: every assessment in the data folder]
        #[arg(value_name = "NAME|FILE|DIR")]
        sources: Vec<String>,
        /// Take this cycle of each program (e.g. 2026-27) instead of its latest
        #[arg(long, value_name = "CYCLE")]
        cycle: Option<String>,
        /// text (fits 80 columns), md, csv (one row per indicator), html (to print) or json [default: by the ending of -o FILE, else text]
        #[arg(long, value_enum)]
        format: Option<RollupFormat>,
        /// The order of the indicators: rubric, weakest (lowest mean first) or spread (widest first)
        #[arg(long, value_enum, default_value_t = RollupOrder::Rubric)]
        order: RollupOrder,
        /// Write to this file instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it already exists
        #[arg(long)]
        force: bool,
    },
    /// Print the manual page, e.g. `ietkit man > /usr/local/share/man/man1/ietkit.1`
    Man,
    /// Who changed what in an assessment, newest first
    Log {
        #[arg(value_name = "NAME|FILE")]
        assessment: String,
    },
    /// Prepare or check a data folder that a team shares on one server
    #[command(subcommand)]
    Team(TeamCommand),
    /// Check or list rubric, toolkit and screener files
    #[command(subcommand)]
    Rubric(RubricCommand),
}

#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// Make a folder every member of a group can use: group-owned, mode 2770, new files shared
    Init {
        /// The team folder, e.g. /srv/iet/welding (its parent must exist)
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// The group whose members share it [needed for a new team folder; a team folder keeps its group]
        #[arg(long, value_name = "GROUP")]
        group: Option<String>,
    },
    /// Look for what would stop a member: unreadable files, wrong modes, links, leftovers, who has what open
    Check {
        /// The folder to check [default: the data folder in use]
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Put right what you may: modes and groups of your own files, your own leftover temporary files
        #[arg(long)]
        fix: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Md,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RollupFormat {
    Text,
    Md,
    Csv,
    Html,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RollupOrder {
    Rubric,
    Weakest,
    Spread,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Csv,
    Html,
    Json,
}

/// Parses the command line; `--help` also says which data folder is in use.
/// The `--data-dir` given on the command line, looked for before clap
/// parses it, so that `--help` names the folder in use.
fn data_dir_flag(args: &[std::ffi::OsString]) -> Option<PathBuf> {
    let mut args = args.iter().skip(1).take_while(|a| *a != "--");
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--data-dir=")) {
            return Some(PathBuf::from(value));
        }
    }
    None
}

pub fn parse() -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let folder = DataDir::resolve(data_dir_flag(&args).as_deref())
        .map_or_else(|| "none found".to_string(), |d| d.describe());
    let command = Cli::command().after_help(format!(
        "Data folder: {}\nChange it with --data-dir DIR or the IETKIT_DATA_DIR variable.\n\nWho is working: asked at the first start and kept for your login; in the app, w in\nthe library (o) changes it, for example when partners share one login. Each change\nis recorded under that name.",
        text::clean_line(&folder)
    ));
    let matches = command.get_matches_from(args);
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

#[derive(Debug, Subcommand)]
pub enum RubricCommand {
    /// Check files for mistakes; exit status 1 if any file has one
    Check {
        /// Rubric, toolkit or screener files (.ron)
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// List the rubrics available: the built-in ones and those in your data folder
    List,
}

/// Runs a parsed command line, writing to `out` and `err`; returns the exit status.
pub fn run(cli: &Cli, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let data_dir = DataDir::resolve(cli.data_dir.as_deref());
    match &cli.command {
        None if cli.linear => app(cli, data_dir, None, out, err),
        None if interactive() => app(cli, data_dir, None, out, err),
        None => orientation(cli, data_dir.as_ref(), out, err),
        Some(Command::Open { assessment }) => app(cli, data_dir, Some(assessment), out, err),
        Some(Command::List) => list_assessments(data_dir, out, err),
        Some(Command::Compare {
            assessments,
            format,
            only_diff,
        }) => compare(cli, data_dir, assessments, *format, *only_diff, out, err),
        Some(Command::Export {
            assessment,
            format,
            actions,
            screener,
            output,
            force,
        }) => {
            let kind = match (format, actions, screener) {
                (ExportFormat::Md, false, false) => Kind::Markdown,
                (ExportFormat::Csv, false, false) => Kind::Csv,
                (ExportFormat::Csv, true, _) => Kind::CsvActions,
                (ExportFormat::Csv, _, true) => Kind::CsvScreener,
                (ExportFormat::Html, false, false) => Kind::Html,
                (ExportFormat::Json, false, false) => Kind::Json,
                (_, true, _) => {
                    writeln!(
                        err,
                        "ietkit: --actions goes with --format csv (the action plan as a spreadsheet); the other formats include the action plan already."
                    )?;
                    return Ok(2);
                }
                (_, _, true) => {
                    writeln!(
                        err,
                        "ietkit: --screener goes with --format csv (the verdicts and answers as a spreadsheet); the other formats include them already."
                    )?;
                    return Ok(2);
                }
            };
            let target = ExportTarget {
                output: output.as_deref(),
                force: *force,
            };
            export(cli, data_dir, assessment, kind, target, out, err)
        }
        Some(Command::Summary {
            assessment,
            explain,
        }) => summary(cli, data_dir, assessment, *explain, out, err),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(*shell, &mut Cli::command(), "ietkit", out);
            Ok(0)
        }
        Some(Command::Import { files, name }) => import(data_dir, files, name.as_deref(), out, err),
        Some(Command::Rollup {
            sources,
            cycle,
            format,
            order,
            output,
            force,
        }) => {
            let target = ExportTarget {
                output: output.as_deref(),
                force: *force,
            };
            let order = match order {
                RollupOrder::Rubric => crate::model::rollup::Order::Rubric,
                RollupOrder::Weakest => crate::model::rollup::Order::Weakest,
                RollupOrder::Spread => crate::model::rollup::Order::Spread,
            };
            rollup(
                cli,
                data_dir,
                sources,
                cycle.as_deref(),
                *format,
                order,
                target,
                out,
                err,
            )
        }
        Some(Command::Man) => {
            clap_mangen::Man::new(Cli::command()).render(out)?;
            Ok(0)
        }
        Some(Command::Log { assessment }) => log(cli, data_dir, assessment, out, err),
        Some(Command::Team(TeamCommand::Init { dir, group })) => {
            team_init(dir, group.as_deref(), out, err)
        }
        Some(Command::Team(TeamCommand::Check { dir, fix })) => {
            let Some(dir) = dir.clone().or_else(|| data_dir.map(|d| d.path)) else {
                return no_data_folder(err);
            };
            team_check(&dir, *fix, out, err)
        }
        Some(Command::Rubric(RubricCommand::Check { files })) => check(files, out),
        Some(Command::Rubric(RubricCommand::List)) => list(data_dir.as_ref(), out),
    }
}

/// Why the app speaks in lines here: said first when it was not asked for.
fn cannot_draw_here(term: Option<&str>) -> String {
    let says = match term.map(str::trim) {
        None | Some("") => "TERM is not set".to_string(),
        Some(t) => format!("TERM={t}"),
    };
    format!(
        "This terminal ({says}) cannot show the full-screen app, so ietkit works in lines: type a command and press Enter. For the full screen, set TERM to your terminal's type (xterm for most) and start ietkit again."
    )
}

fn report_error(e: &LoadError, err: &mut dyn Write) -> io::Result<u8> {
    writeln!(err, "{e}")?;
    Ok(1)
}

/// The built-in files, and the rubric in use.
fn builtin_and_rubric(cli: &Cli) -> Result<(embedded::Builtin, Rubric), LoadError> {
    Ok((embedded::builtin()?, rubric_in_use(cli)?))
}

/// The rubric in use: `--rubric FILE`, or the built-in one.
fn rubric_in_use(cli: &Cli) -> Result<Rubric, LoadError> {
    match &cli.rubric {
        Some(path) => {
            let name = path.display().to_string();
            data_file::load_rubric(&name, &data_file::read_text(path)?)
        }
        None => embedded::builtin().map(|b| b.rubric),
    }
}

fn env_term() -> Option<String> {
    std::env::var("TERM").ok()
}

/// The full-screen app needs a terminal on both ends; piped, ietkit prints
/// the orientation instead.
fn interactive() -> bool {
    use std::io::IsTerminal;
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

/// The app, full screen or (with `--linear`, or on a terminal that cannot
/// show it) in lines.
fn app(
    cli: &Cli,
    data_dir: Option<DataDir>,
    open: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let builtin = match embedded::builtin() {
        Ok(b) => b,
        Err(e) => return report_error(&e, err),
    };
    let mut content = Content::from(builtin);
    if cli.rubric.is_some() {
        match rubric_in_use(cli) {
            Ok(r) => content.rubric = r,
            Err(e) => return report_error(&e, err),
        }
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let term = env_term();
    // A terminal that cannot show the full screen gets the lines.
    let linear = cli.linear || crate::tui::theme::cannot_draw(term.as_deref());
    let palette = Palette::of(term.as_deref(), std::env::var("COLORTERM").ok().as_deref());
    let theme = Theme::for_palette(cli.mono || no_color, cli.ascii, palette);
    let assessment = Assessment::new(&content.rubric, Profile::default(), Purpose::NewDesign, "");
    let mut app = App::new(
        content,
        assessment,
        theme,
        ratatui::layout::Rect::new(0, 0, 80, 24),
    );
    app.data_dir = data_dir.as_ref().map(DataDir::describe);
    app.export_dir = std::env::current_dir().unwrap_or_default();
    let (who, known) = crate::store::people::who(data_dir.as_ref());
    app.who = who.clone();
    let library = data_dir.map(|d| {
        let mut lib = Library::new(d);
        lib.who = who;
        lib
    });
    // What saves cut off long ago left behind goes first.
    if let Some(lib) = &library {
        lib.sweep_leftovers();
    }
    let last = library.as_ref().and_then(Library::last);
    let target = match open {
        Some(name) => match locate(library.as_ref(), name) {
            Ok(path) => Some(path),
            Err(e) => {
                writeln!(err, "{}", text::clean_line(&e))?;
                return Ok(1);
            }
        },
        None => last,
    };
    let mut session = Session::new(library);
    match target.map(|path| session.open(&mut app, &path)) {
        Some(Err(e)) => {
            if open.is_some() {
                writeln!(err, "{}", text::clean_line(&e))?;
                return Ok(1);
            }
            app.warn(format!("Could not open the last assessment: {e}"));
            session.offer_drafts(&mut app);
        }
        Some(Ok(())) => {}
        // Nothing to open: a draft of a new assessment may be waiting.
        None => session.offer_drafts(&mut app),
    }
    if !linear && !interactive() {
        writeln!(
            err,
            "ietkit: the app needs a terminal; try `ietkit --linear`, `ietkit list` or `ietkit --help`."
        )?;
        return Ok(1);
    }
    if linear {
        if !cli.linear {
            for line in text::wrap(&cannot_draw_here(term.as_deref()), 78) {
                writeln!(out, "{line}")?;
            }
        }
        let ask_who = !known && session.library.is_some();
        let stdin = io::stdin();
        let mut input = stdin.lock();
        let person = interactive();
        return crate::tui::linear::run(&mut app, &mut session, &mut input, out, person, ask_who);
    }
    // Asked once per person and data folder: who is working.
    if !known && session.library.is_some() {
        app.ask_who(true);
    }
    term::run(&mut app, &mut session)?;
    Ok(0)
}

/// Reads assessments named by library name or path, matched to `rubric`.
fn read_assessments(
    data_dir: Option<DataDir>,
    names: &[String],
    rubric: &Rubric,
) -> Result<Vec<(String, crate::model::assessment::Assessment)>, String> {
    let library = data_dir.map(Library::new);
    read_assessments_from(library.as_ref(), names, rubric)
}

/// Reads assessments named by library name or path in `library`, matched
/// to `rubric`.
pub(crate) fn read_assessments_from(
    library: Option<&Library>,
    names: &[String],
    rubric: &Rubric,
) -> Result<Vec<(String, crate::model::assessment::Assessment)>, String> {
    names
        .iter()
        .map(|name| {
            let loaded = read_one(library, name)?;
            loaded.check(rubric).map_err(|e| e.to_string())?;
            let mut a = loaded.assessment;
            crate::store::assessment_file::reconcile(&mut a, rubric);
            Ok((name.clone(), a))
        })
        .collect()
}

/// One assessment by library name or path, as saved (not yet matched to a
/// rubric), or why it cannot be read.
fn read_one(
    library: Option<&Library>,
    name: &str,
) -> Result<crate::store::assessment_file::Loaded, String> {
    let path = locate(library, name)?;
    match library {
        Some(lib) => lib.read(&path),
        None => crate::store::assessment_file::read(&path),
    }
    .map_err(|e| e.to_string())
}

/// The file a library name or path stands for, or why there is none.
pub(crate) fn locate(library: Option<&Library>, name: &str) -> Result<PathBuf, String> {
    let path = match library {
        Some(lib) => lib.resolve(name),
        None => PathBuf::from(name),
    };
    if std::fs::symlink_metadata(&path).is_ok() {
        return Ok(path);
    }
    // The library itself may be out of reach: say why, not "no such name".
    if let Some(lib) = library
        && !name.contains('/')
        && let Err(e) = lib.folder(false)
        && e.io_kind() != Some(std::io::ErrorKind::NotFound)
    {
        let why = crate::store::team::no_access(&lib.dir.path).unwrap_or_else(|| e.to_string());
        return Err(format!("ietkit: the library cannot be read: {why}"));
    }
    Err(match library {
        Some(lib) => {
            let names: Vec<String> = lib
                .folder(false)
                .and_then(|f| f.entries())
                .unwrap_or_default()
                .into_iter()
                .filter_map(|(n, _)| n.strip_suffix(".ron").map(str::to_string))
                .collect();
            let close = text::close_matches(name, &names, 3);
            let hint = match close.as_slice() {
                [] => String::new(),
                [one] => format!(" Did you mean {one}?"),
                more => format!(" Did you mean one of {}?", more.join(", ")),
            };
            format!(
                "ietkit: no assessment called \"{name}\" in {} and no file by that name.{hint} `ietkit list` shows the saved ones.",
                lib.assessments().display()
            )
        }
        None => format!("ietkit: there is no file {name}; check the name and folder."),
    })
}

/// Reads one assessment for a report, with the rubric and screener in use.
fn subject_parts(
    cli: &Cli,
    data_dir: Option<DataDir>,
    name: &str,
    err: &mut dyn Write,
) -> io::Result<Result<(Rubric, Screener, Assessment), u8>> {
    let screener = match embedded::builtin() {
        Ok(b) => b.screener,
        Err(e) => return report_error(&e, err).map(Err),
    };
    let library = data_dir.clone().map(Library::new);
    let loaded = match read_one(library.as_ref(), name) {
        Ok(loaded) => loaded,
        Err(e) => {
            writeln!(err, "{}", text::clean_line(&e))?;
            return Ok(Err(1));
        }
    };
    let mut assessment = loaded.assessment.clone();
    let mut rubric = match rubric_in_use(cli) {
        Ok(r) => r,
        Err(e) => return report_error(&e, err).map(Err),
    };
    // Made with another rubric at hand (the data folder's own): use it,
    // unless --rubric says which one to use.
    if cli.rubric.is_none()
        && assessment.rubric.id != rubric.id
        && let Some((_, own)) = catalogue::rubric_with_id(data_dir.as_ref(), &assessment.rubric.id)
    {
        rubric = own;
    }
    if let Err(e) = loaded.check(&rubric) {
        return report_error(&e, err).map(Err);
    }
    // What the reader should know of the file goes beside the output.
    let mut notices = loaded.notices.clone();
    notices.extend(crate::store::assessment_file::reconcile(
        &mut assessment,
        &rubric,
    ));
    notices.extend(crate::store::assessment_file::screener_notices(
        &assessment,
        &screener,
    ));
    for n in notices {
        writeln!(err, "ietkit: note: {}", text::clean_line(&n))?;
    }
    Ok(Ok((rubric, screener, assessment)))
}

struct ExportTarget<'a> {
    output: Option<&'a std::path::Path>,
    force: bool,
}

fn export(
    cli: &Cli,
    data_dir: Option<DataDir>,
    name: &str,
    kind: Kind,
    target: ExportTarget<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let data = data_dir.as_ref().map(|d| d.path.clone());
    let (rubric, screener, assessment) = match subject_parts(cli, data_dir, name, err)? {
        Ok(parts) => parts,
        Err(code) => return Ok(code),
    };
    let subject = Subject::new(&rubric, &screener, &assessment);
    let report = crate::report::export(&subject, kind);
    deliver(
        &report,
        kind.file_start(),
        kind.label(),
        target,
        data.as_deref(),
        out,
        err,
    )
}

/// Writes `report` to standard output, or to the file `target` names
/// (starting with `start`, never replacing a file without `--force`).
fn deliver(
    report: &str,
    start: &str,
    label: &str,
    target: ExportTarget<'_>,
    data: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    // `-o -` and `-o /dev/stdout` are standard output, whatever it is.
    let output = target
        .output
        .filter(|p| *p != Path::new("-") && *p != Path::new("/dev/stdout"));
    match output {
        None => out.write_all(report.as_bytes())?,
        Some(path) => {
            match export_file::write(path, &format!("{start}{report}"), target.force, data) {
                Ok(()) => writeln!(
                    err,
                    "Wrote the {label} to {}",
                    text::clean_line(&path.display().to_string())
                )?,
                Err(export_file::ExportError::Exists { file }) => {
                    writeln!(
                        err,
                        "ietkit: {} already exists; add --force to replace it, or choose another name with -o.",
                        text::clean_line(&file)
                    )?;
                    return Ok(1);
                }
                Err(e) => {
                    writeln!(err, "ietkit: {}", text::clean_line(&e.to_string()))?;
                    return Ok(1);
                }
            }
        }
    }
    Ok(0)
}

/// The roll-up across programs of the assessments `sources` name (every
/// one in the library when none).
#[allow(clippy::too_many_arguments)]
fn rollup(
    cli: &Cli,
    data_dir: Option<DataDir>,
    sources: &[String],
    cycle: Option<&str>,
    format: Option<RollupFormat>,
    order: crate::model::rollup::Order,
    target: ExportTarget<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let (builtin, rubric) = match builtin_and_rubric(cli) {
        Ok(both) => both,
        Err(e) => return report_error(&e, err),
    };
    let data = data_dir.as_ref().map(|d| d.path.clone());
    let library = data_dir.map(Library::new);
    let today = crate::model::timestamp::Timestamp::now().date();
    let rolled = match roll_up_sources(
        library.as_ref(),
        sources,
        &rubric,
        &builtin.screener,
        cycle,
        today,
    ) {
        Ok(r) => r,
        Err(e) => {
            writeln!(err, "ietkit: {}", text::clean_line(&e))?;
            return Ok(1);
        }
    };
    // Nothing stands for any program: say why, not empty tables.
    if rolled.programs.is_empty() {
        writeln!(
            err,
            "ietkit: nothing to roll up: no assessment stands for a program here."
        )?;
        for l in &rolled.left_out {
            writeln!(
                err,
                "  {}: {}",
                text::clean_line(&l.name),
                text::clean_line(&l.why)
            )?;
        }
        return Ok(1);
    }
    let cx = crate::report::rollup::Context {
        rubric: &format!("{}, version {}", rubric.title, rubric.version),
        made: today.to_string(),
    };
    use crate::report::rollup as r;
    // Without --format, the output file's ending says which.
    let ending = target
        .output
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().to_lowercase());
    let by_ending = match ending.as_deref() {
        Some("md") => Some(RollupFormat::Md),
        Some("csv") => Some(RollupFormat::Csv),
        Some("html" | "htm") => Some(RollupFormat::Html),
        Some("json") => Some(RollupFormat::Json),
        Some("txt") => Some(RollupFormat::Text),
        _ => None,
    };
    let format = match (format, by_ending) {
        (Some(f), Some(e)) if f != e => {
            let asked = format!("{f:?}").to_lowercase();
            writeln!(
                err,
                "ietkit: note: the file's name ends in .{}, but --format asks for {asked}; written as {asked}.",
                ending.as_deref().unwrap_or_default(),
            )?;
            f
        }
        (Some(f), _) => f,
        (None, Some(e)) => e,
        (None, None) => {
            if let Some(other) = ending.as_deref() {
                writeln!(
                    err,
                    "ietkit: note: .{other} is not a format ietkit writes; written as text (.md, .csv, .html or .json choose those; an html file prints to PDF from a browser)."
                )?;
            }
            RollupFormat::Text
        }
    };
    let (report, start, label) = match format {
        RollupFormat::Text => (r::text(&rolled, &cx, order), "", "roll-up"),
        RollupFormat::Md => (r::markdown(&rolled, &cx, order), "", "roll-up in Markdown"),
        RollupFormat::Csv => (r::csv(&rolled, order), "\u{feff}", "roll-up as CSV"),
        RollupFormat::Html => (r::html(&rolled, &cx, order), "", "roll-up page to print"),
        RollupFormat::Json => (r::json(&rolled, &cx, order), "", "roll-up as JSON"),
    };
    deliver(&report, start, label, target, data.as_deref(), out, err)
}

/// Reads the assessments `sources` name (library names, files, folders;
/// the whole library when none) and rolls them up.
/// `today` decides which action items are overdue.
pub fn roll_up_sources(
    library: Option<&Library>,
    sources: &[String],
    rubric: &Rubric,
    screener: &Screener,
    cycle: Option<&str>,
    today: crate::model::date::Date,
) -> Result<crate::model::rollup::Rollup, String> {
    use crate::store::rollup::{Item, Source, digests, items_in, once_each, open_folder};
    if cycle.is_some_and(|c| c.trim().is_empty()) {
        return Err("--cycle needs a cycle, such as 2026-27.".into());
    }
    // The folders first, held open while their files are read: a whole
    // folder's entries, or one file in its folder.
    enum Plan {
        All(usize, String),
        One(usize, String, String),
    }
    let mut folders = Vec::new();
    let mut plans = Vec::new();
    if sources.is_empty() {
        let Some(lib) = library else {
            return Err(
                "there is no data folder: name the assessments or folders to roll up.".into(),
            );
        };
        match lib.folder(false) {
            Ok(f) => {
                folders.push(f);
                plans.push(Plan::All(0, String::new()));
            }
            Err(e) if e.io_kind() == Some(io::ErrorKind::NotFound) => {}
            Err(e) => return Err(format!("the library cannot be read: {e}")),
        }
    }
    for s in sources {
        let path = Path::new(s);
        if path.is_dir() {
            let (folder, shown) = open_folder(path).map_err(|e| format!("{s}: {e}"))?;
            folders.push(folder);
            plans.push(Plan::All(folders.len() - 1, shown.display().to_string()));
            continue;
        }
        let found = locate(library, s).map_err(|e| e.trim_start_matches("ietkit: ").to_string())?;
        // A library file through the library's folder; any other through
        // its own: never by a path that a link could redirect.
        let (folder, name) = match library.and_then(|lib| lib.file_for(&found)) {
            Some(Ok(file)) => (file.folder, file.name),
            Some(Err(e)) => return Err(format!("{s}: {e}")),
            None => crate::store::assessment_file::folder_of(&found, false)
                .map_err(|e| format!("{s}: {e}"))?,
        };
        folders.push(folder);
        plans.push(Plan::One(folders.len() - 1, name, s.clone()));
    }
    let mut items: Vec<Item<'_>> = Vec::new();
    for plan in &plans {
        match plan {
            Plan::All(i, shown) => items.extend(
                items_in(&folders[*i], shown)
                    .map_err(|e| format!("{}: {e}", folders[*i].path().display()))?,
            ),
            Plan::One(i, name, shown) => items.push(Item {
                name: shown.clone(),
                source: Source::In(&folders[*i], name.clone()),
            }),
        }
    }
    let items = once_each(items);
    let (read, mut left) = digests(&items, rubric, screener, today);
    // A cycle no file has: say which there are.
    if let Some(c) = cycle
        && !read.iter().any(|d| {
            crate::model::rollup::cycle_key(&d.cycle) == crate::model::rollup::cycle_key(c)
        })
    {
        let mut found: Vec<String> = read.iter().map(|d| d.cycle.trim().to_string()).collect();
        found.sort_by_key(|x| crate::model::rollup::cycle_key(x));
        found.dedup_by(|a, b| {
            crate::model::rollup::cycle_key(a) == crate::model::rollup::cycle_key(b)
        });
        found.retain(|x| !x.is_empty());
        return Err(if found.is_empty() {
            format!(
                "no assessment is of cycle {}, and none names a cycle.",
                c.trim()
            )
        } else {
            format!(
                "no assessment is of cycle {}; the cycles there are: {}.",
                c.trim(),
                found.join(", ")
            )
        });
    }
    let (chosen, more) = crate::model::rollup::choose(read, cycle);
    left.extend(more);
    left.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(crate::model::rollup::roll_up(rubric, chosen, left, cycle))
}

fn summary(
    cli: &Cli,
    data_dir: Option<DataDir>,
    name: &str,
    explain: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let (rubric, screener, assessment) = match subject_parts(cli, data_dir, name, err)? {
        Ok(parts) => parts,
        Err(code) => return Ok(code),
    };
    let subject = Subject::new(&rubric, &screener, &assessment);
    out.write_all(crate::report::summary::text(&subject, explain).as_bytes())?;
    Ok(0)
}

fn compare(
    cli: &Cli,
    data_dir: Option<DataDir>,
    names: &[String],
    format: Format,
    only_diff: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let rubric = match rubric_in_use(cli) {
        Ok(r) => r,
        Err(e) => return report_error(&e, err),
    };
    let loaded = match read_assessments(data_dir, names, &rubric) {
        Ok(l) => l,
        Err(e) => {
            writeln!(err, "{}", text::clean_line(&e))?;
            return Ok(1);
        }
    };
    // Cycles oldest first, whatever order they were named in.
    let all: Vec<&crate::model::assessment::Assessment> = loaded.iter().map(|(_, a)| a).collect();
    let order = crate::model::comparison::column_order(&all);
    let views: Vec<&crate::model::assessment::Assessment> = order.iter().map(|&i| all[i]).collect();
    let labels: Vec<String> = order.iter().map(|&i| loaded[i].0.clone()).collect();
    let comparison = crate::model::comparison::compare(&rubric, &views);
    let options = crate::report::compare::Options {
        only_diff,
        ascii: cli.ascii,
    };
    let report = match format {
        Format::Text => crate::report::compare::text(&comparison, &labels, &options),
        Format::Md => crate::report::compare::markdown(&comparison, &labels, &options),
        Format::Csv => crate::report::compare::csv(&comparison, &options),
    };
    out.write_all(report.as_bytes())?;
    Ok(0)
}

fn no_data_folder(err: &mut dyn Write) -> io::Result<u8> {
    writeln!(err, "ietkit: no data folder; give one with --data-dir DIR.")?;
    Ok(1)
}

fn list_assessments(
    data_dir: Option<DataDir>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let Some(dir) = data_dir else {
        return no_data_folder(err);
    };
    let rubric = match embedded::builtin() {
        Ok(b) => b.rubric,
        Err(e) => return report_error(&e, err),
    };
    let library = Library::new(dir);
    let folder = text::clean_line(&library.assessments().display().to_string());
    let entries = match library.list(&rubric) {
        Ok(entries) => entries,
        Err(problem) => {
            writeln!(err, "ietkit: {}", text::clean_line(&problem))?;
            return Ok(1);
        }
    };
    if entries.is_empty() {
        writeln!(out, "No saved assessments yet in {folder}.")?;
        return Ok(0);
    }
    for e in &entries {
        let name = text::clean_line(&e.name);
        match &e.summary {
            Ok(s) => {
                let who = [s.program.as_str(), s.college.as_str(), s.cycle.as_str()]
                    .iter()
                    .filter(|x| !x.trim().is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ");
                writeln!(out, "{name}")?;
                writeln!(
                    out,
                    "    {} | {} | {} of {} done | changed {}",
                    text::clean_line(&who),
                    s.purpose.label(),
                    s.answered,
                    s.total,
                    s.updated
                )?;
                if !s.assessors.is_empty() {
                    writeln!(
                        out,
                        "    assessors: {}",
                        text::clean_line(&s.assessors.join(", "))
                    )?;
                }
            }
            Err(problem) => {
                writeln!(out, "{name}  (cannot be read; the file is left as it is)")?;
                for line in problem.to_string().lines() {
                    writeln!(out, "    {line}")?;
                }
            }
        }
    }
    writeln!(
        out,
        "{} in {folder}",
        text::count(entries.len(), "assessment", "assessments")
    )?;
    Ok(0)
}

fn import(
    data_dir: Option<DataDir>,
    files: &[PathBuf],
    name: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let Some(dir) = data_dir else {
        return no_data_folder(err);
    };
    if name.is_some() && files.len() > 1 {
        writeln!(
            err,
            "ietkit: --name names one file; import the {} one at a time to name each.",
            text::count(files.len(), "file", "files")
        )?;
        return Ok(2);
    }
    let (who, _) = crate::store::people::who(Some(&dir));
    let mut library = Library::new(dir);
    library.who = who;
    let mut failed = 0;
    for file in files {
        match library.import(file, name) {
            Ok(path) => {
                let stem = path
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                writeln!(
                    out,
                    "Imported as {} ({})",
                    text::clean_line(&stem),
                    text::clean_line(&path.display().to_string())
                )?;
            }
            Err(e) => {
                failed += 1;
                writeln!(err, "{}", text::clean_line(&e))?;
            }
        }
    }
    if failed > 0 && files.len() > 1 {
        writeln!(
            err,
            "ietkit: {} of {} not imported (said above); the others are in the library.",
            failed,
            text::count(files.len(), "file", "files")
        )?;
    }
    Ok(u8::from(failed > 0))
}

fn log(
    cli: &Cli,
    data_dir: Option<DataDir>,
    name: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let (rubric, _, assessment) = match subject_parts(cli, data_dir, name, err)? {
        Ok(parts) => parts,
        Err(code) => return Ok(code),
    };
    let shown = std::path::Path::new(name)
        .file_stem()
        .map_or_else(|| name.to_string(), |s| s.to_string_lossy().into_owned());
    let report = crate::report::log::text(&text::clean_line(&shown), &assessment, &rubric.scale);
    out.write_all(report.as_bytes())?;
    Ok(0)
}

fn team_init(
    dir: &std::path::Path,
    group: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let done = match crate::store::team::init(dir, group) {
        Ok(done) => done,
        Err(e) => {
            writeln!(err, "ietkit: {}", text::clean_line(&e))?;
            return Ok(1);
        }
    };
    let shown = text::clean_line(&dir.display().to_string());
    let group = text::clean_line(&done.group);
    let para = |out: &mut dyn Write, s: &str, indent: &str| -> io::Result<()> {
        for line in text::wrap(s, 80 - indent.len()) {
            writeln!(out, "{indent}{line}")?;
        }
        Ok(())
    };
    writeln!(out, "Team folder ready: {shown}")?;
    para(
        out,
        &format!(
            "It belongs to the group {group}, mode 2770: every member of {group} can read and change every assessment in it, and what anyone saves stays shared. Nobody else can see inside."
        ),
        "  ",
    )?;
    if !done.named {
        para(
            out,
            &format!(
                "This computer has no name for the group {group}: its members are the people whose groups include that number. An administrator gives a group a name with groupadd."
            ),
            "  ",
        )?;
    } else if done.members.is_empty() {
        para(
            out,
            &format!(
                "The system lists nobody in {group} (people whose main group it is are not listed)."
            ),
            "  ",
        )?;
    } else {
        para(
            out,
            &format!(
                "Members listed now: {}",
                text::clean_line(&done.members.join(", "))
            ),
            "  ",
        )?;
    }
    writeln!(out)?;
    writeln!(out, "To add a person, an administrator runs:")?;
    writeln!(out, "  sudo usermod -aG {group} NAME")?;
    writeln!(out, "  (they log out and in again for it to take effect)")?;
    writeln!(out)?;
    writeln!(out, "Each partner then works in it with:")?;
    writeln!(out, "  ietkit --data-dir {shown}")?;
    writeln!(
        out,
        "or adds this line to their ~/.profile once, then runs ietkit:"
    )?;
    writeln!(out, "  export IETKIT_DATA_DIR={shown}")?;
    writeln!(out)?;
    writeln!(out, "To check it at any time: ietkit team check {shown}")?;
    if !done.check.fixed.is_empty() || !done.check.problems.is_empty() {
        writeln!(out)?;
        out.write_all(done.check.text().as_bytes())?;
    }
    Ok(u8::from(!done.check.problems.is_empty()))
}

fn team_check(
    dir: &std::path::Path,
    fix: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    match crate::store::team::check(dir, fix) {
        Ok(report) => {
            out.write_all(report.text().as_bytes())?;
            Ok(u8::from(!report.problems.is_empty()))
        }
        Err(e) => {
            writeln!(err, "ietkit: {}", text::clean_line(&e))?;
            Ok(1)
        }
    }
}

/// A short orientation to the rubric, for when output is not a terminal.
fn orientation(
    cli: &Cli,
    data_dir: Option<&DataDir>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let (builtin, rubric) = match builtin_and_rubric(cli) {
        Ok(both) => both,
        Err(e) => return report_error(&e, err),
    };
    let clean = text::clean_line;
    writeln!(out, "ietkit: IET program self-assessment")?;
    writeln!(out)?;
    writeln!(
        out,
        "Rubric: {}, version {}",
        clean(&rubric.title),
        clean(&rubric.version)
    )?;
    for line in text::wrap(&clean(&rubric.note), 74) {
        writeln!(out, "  {line}")?;
    }
    writeln!(out)?;
    let levels: Vec<String> = rubric
        .scale
        .levels
        .iter()
        .map(|l| format!("{} {}", l.value, clean(&l.name)))
        .collect();
    writeln!(out, "Rating scale: {}", levels.join(", "))?;
    writeln!(
        out,
        "  plus {} (with a reason) and {} (a flag, never counted as a rating)",
        clean(&rubric.scale.not_applicable.name),
        clean(&rubric.scale.unsure.name)
    )?;
    writeln!(out)?;
    writeln!(out, "Categories:")?;
    let width = rubric
        .categories
        .iter()
        .map(|c| c.id.chars().count())
        .max()
        .unwrap_or(0);
    for c in &rubric.categories {
        let n = c.indicators.len();
        writeln!(
            out,
            "  {:width$}  {:<56} {:>13}",
            clean(&c.id),
            clean(&c.name),
            text::count(n, "indicator", "indicators")
        )?;
    }
    writeln!(
        out,
        "  {} in all.",
        text::count(rubric.indicator_count(), "indicator", "indicators")
    )?;
    writeln!(out)?;
    let also = format!(
        "Also built in: the {} ({}) and \"{}\" ({}).",
        builtin.toolkit.title,
        text::count(builtin.toolkit.walk().len(), "section", "sections"),
        builtin.screener.title,
        text::count(builtin.screener.questions.len(), "question", "questions")
    );
    for line in text::wrap(&also, 78) {
        writeln!(out, "{line}")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "Run ietkit in a terminal for the full-screen app. Without one, these work:"
    )?;
    for (command, what) in [
        (
            "ietkit --linear",
            "the app in lines: scripts, screen readers",
        ),
        ("ietkit list", "the saved assessments"),
        ("ietkit summary NAME", "means and counts per category"),
        (
            "ietkit export NAME --format md",
            "a report (also csv, html, json)",
        ),
        ("ietkit compare A B", "assessments side by side"),
        (
            "ietkit rollup",
            "across programs, for a college or the state",
        ),
        ("ietkit rubric list", "the rubrics available"),
        ("ietkit --help", "every command and option"),
    ] {
        writeln!(out, "  {command:<32}{what}")?;
    }
    if let Some(dir) = data_dir {
        writeln!(out)?;
        writeln!(
            out,
            "Data folder, for saved assessments and your own rubrics:"
        )?;
        writeln!(out, "  {}", clean(&dir.describe()))?;
    }
    Ok(0)
}

fn check(files: &[PathBuf], out: &mut dyn Write) -> io::Result<u8> {
    let entries = catalogue::check_paths(files);
    let failed = entries.iter().filter(|e| e.result.is_err()).count();
    for entry in &entries {
        write_entry(entry, out)?;
    }
    writeln!(
        out,
        "Checked {}: {} passed, {failed} failed.",
        text::count(entries.len(), "file", "files"),
        entries.len() - failed
    )?;
    Ok(u8::from(failed > 0))
}

fn write_entry(entry: &Entry, out: &mut dyn Write) -> io::Result<()> {
    let name = text::clean_line(&entry.name);
    match &entry.result {
        Ok(file) => writeln!(
            out,
            "ok    {name}\n      {}",
            text::clean_line(&file.describe())
        ),
        Err(e) => {
            let n = text::count(e.problems.len(), "problem", "problems");
            writeln!(out, "FAIL  {name}: {n}")?;
            for line in e.to_string().lines() {
                writeln!(out, "      {line}")?;
            }
            Ok(())
        }
    }
}

fn list(data_dir: Option<&DataDir>, out: &mut dyn Write) -> io::Result<u8> {
    let entries = catalogue::available(data_dir);
    writeln!(out, "Rubrics and guides available:")?;
    for entry in &entries {
        write_entry(entry, out)?;
    }
    if let Some(dir) = data_dir {
        writeln!(out)?;
        writeln!(
            out,
            "To add your own rubric, put its .ron file in {}",
            text::clean_line(&dir.rubrics().display().to_string())
        )?;
        writeln!(out, "and check it with: ietkit rubric check FILE")?;
    }
    Ok(0)
}
