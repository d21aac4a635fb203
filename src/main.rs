use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    ietkit::tui::term::survive_file_size_limits();
    let cli = ietkit::cli::parse();
    // Not `stdout().lock()` for the whole run: the full-screen app's
    // watchdog writes from another thread, and would wait on that lock.
    let mut out = io::BufWriter::new(io::stdout());
    let mut err = io::stderr();
    let status = ietkit::cli::run(&cli, &mut out, &mut err).and_then(|status| {
        out.flush()?;
        Ok(status)
    });
    match status {
        Ok(status) => ExitCode::from(status),
        // Output closed early (e.g. piped into `head`): nothing more to say.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "ietkit: could not write output: {e}");
            ExitCode::from(1)
        }
    }
}
