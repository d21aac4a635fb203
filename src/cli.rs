//! The command line. With no subcommand, ietkit opens on the built-in rubric.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::model::assessment::{Assessment, Profile, Purpose};
use crate::model::rubric::Rubric;
use crate::store::catalogue::{self, Entry};
use crate::store::data_file::{self, LoadError};
use crate::store::embedded;
use crate::store::paths::DataDir;
use crate::text;
use crate::tui::app::App;
use crate::tui::content::Content;
use crate::tui::term;
use crate::tui::theme::Theme;

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
    #[arg(long)]
    pub mono: bool,

    /// Draw borders, markers and bars with plain ASCII characters
    #[arg(long)]
    pub ascii: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check or list rubric, toolkit and screener files
    #[command(subcommand)]
    Rubric(RubricCommand),
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
        None if interactive() => full_screen(cli, err),
        None => orientation(cli, data_dir.as_ref(), out, err),
        Some(Command::Rubric(RubricCommand::Check { files })) => check(files, out),
        Some(Command::Rubric(RubricCommand::List)) => list(data_dir.as_ref(), out),
    }
}

fn report_error(e: &LoadError, err: &mut dyn Write) -> io::Result<u8> {
    writeln!(err, "{e}")?;
    Ok(1)
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

/// The full-screen app needs a terminal on both ends; piped, ietkit prints
/// the orientation instead.
fn interactive() -> bool {
    use std::io::IsTerminal;
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

fn full_screen(cli: &Cli, err: &mut dyn Write) -> io::Result<u8> {
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
    let theme = Theme::new(cli.mono || no_color, cli.ascii);
    let assessment = Assessment::new(
        &content.rubric,
        Profile::default(),
        Purpose::EvaluatingExisting,
        "",
    );
    let mut app = App::new(
        content,
        assessment,
        theme,
        ratatui::layout::Rect::new(0, 0, 80, 24),
    );
    term::run(&mut app)?;
    Ok(0)
}

/// A short orientation to the rubric, for when output is not a terminal.
fn orientation(
    cli: &Cli,
    data_dir: Option<&DataDir>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let builtin = match embedded::builtin() {
        Ok(b) => b,
        Err(e) => return report_error(&e, err),
    };
    let rubric = match rubric_in_use(cli) {
        Ok(r) => r,
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
        "This version prints this overview; the full-screen app is still being built."
    )?;
    writeln!(out, "What you can run now:")?;
    writeln!(out, "  ietkit rubric list          the rubrics available")?;
    writeln!(
        out,
        "  ietkit rubric check FILE    check a rubric, toolkit or screener file"
    )?;
    writeln!(out, "  ietkit --help               every option")?;
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
